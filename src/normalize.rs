//! The matching view of a text, with a map back to the original bytes.
//!
//! Every check matches against one normalised view of the text, built in one pass:
//!
//! - compatibility forms are folded (NFKD: fullwidth `ｋｕｔ`, mathematical letters, ligatures),
//!   diacritics dropped (`Zoë` → `zoe`), case folded (Unicode), and letters without a decomposition
//!   mapped (`ı` → `i`, `ß` → `ss`, `ø` → `o`);
//! - look-alike letters from other scripts become the Latin letter they imitate (Cyrillic `а`,
//!   Greek `ο`; `wordlists/confusables.tsv`), and invisible characters (zero-width, soft hyphen,
//!   direction marks) disappear;
//! - three or more of the same letter become one (`kankerrrr` → `kanker`);
//! - digits and symbols standing in for letters inside a word become those letters (`k4nk3r`,
//!   `b!tch`, `$let`), but only inside words that have letters of their own, so `2024`, `06-…` and
//!   e-mail addresses keep their digits;
//! - letters spelled out one by one (`k a n k e r`, `k.u.t`, `k-u-t`) are joined;
//! - every run of other characters (spaces, punctuation, line breaks) becomes one space, and the
//!   view starts and ends with a space.
//!
//! So the view of `"Wat een K4NKER-school!!"` is `" wat een kanker school "`. A pattern written the
//! same way, with a space on each side (`" kanker "`), matches whole words only; without the
//! trailing space (`" kanker"`) it also matches the start of a compound. Because aho-corasick folds
//! ASCII case only, all folding happens here, once.
//!
//! For every byte of the view the original byte range it came from is kept, so any match maps back
//! to the exact passage in the user's text ([`Normalized::original_range`]).

use std::collections::HashMap;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::wordlists;

/// A word of the view, with its place in the view and whether it was disguised.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Byte range in [`Normalized::text`].
    pub start: usize,
    pub end: usize,
    /// The word was written with look-alikes, leet, spacing, repeats or invisible characters.
    pub disguised: bool,
    /// The word was spelt otherwise in the text and repaired ([`crate::respell`]).
    pub respelled: Option<Respelling>,
}

/// How a word of the view was repaired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Respelling {
    /// One letter missing, doubled, or swapped with its neighbour ("hmoo", "kankker").
    Typo,
    /// Written together with the word before or after it ("ikhaat", "eenidioot").
    RunTogether,
    /// Broken in two by a space ("kl ootzak").
    Broken,
}

/// A repair of one token of the view.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Repair {
    /// Token `token` is spelt `word`.
    Respell { token: usize, word: &'static str },
    /// Token `token` is two words, the first `at` bytes long.
    Split { token: usize, at: usize },
    /// Tokens `token` and `token + 1` are one word broken by a space.
    Join { token: usize },
}

impl Repair {
    fn token(&self) -> usize {
        match *self {
            Repair::Respell { token, .. } | Repair::Split { token, .. } | Repair::Join { token } => token,
        }
    }
}

/// The normalised view of a text. See the module documentation.
#[derive(Clone, Debug, Default)]
pub struct Normalized {
    pub text: String,
    /// For every byte of `text`: the original byte range it stands for.
    starts: Vec<u32>,
    ends: Vec<u32>,
    pub tokens: Vec<Token>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    Letter,
    Digit,
    /// `@`, `$`, `!`: a letter inside a word, punctuation elsewhere.
    Symbol,
    Separator,
    /// A line break: a separator that also stops spelled-out letters from being joined.
    LineBreak,
}

#[derive(Clone, Copy, Debug)]
struct Unit {
    ch: char,
    class: Class,
    start: u32,
    end: u32,
    disguised: bool,
    removed: bool,
}

/// Characters that are invisible in print and are used to break up words.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
        | '\u{E0000}'..='\u{E007F}')
}

static CONFUSABLES: LazyLock<HashMap<char, &'static str>> = LazyLock::new(|| wordlists::confusables().collect());

/// Digits that stand in for letters, and the letter they stand for.
fn leet_digit(c: char) -> Option<char> {
    match c {
        '4' => Some('a'),
        '3' => Some('e'),
        '1' => Some('i'),
        '0' => Some('o'),
        '5' => Some('s'),
        '7' => Some('t'),
        _ => None,
    }
}

fn leet_symbol(c: char) -> Option<char> {
    match c {
        '@' => Some('a'),
        '!' => Some('i'),
        '$' => Some('s'),
        _ => None,
    }
}

impl Normalized {
    /// Build the view of `text`.
    pub fn new(text: &str) -> Normalized {
        let mut units = fold(text);
        undo_leet(&mut units);
        join_spelled_out(&mut units);
        emit(&units, text.len())
    }

    /// The original byte range of the view range `start..end` (which must lie inside one or more
    /// tokens, i.e. not start or end on a space that stands for nothing).
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (self.starts[start] as usize, self.ends[end - 1] as usize)
    }

    /// The index of the token that starts at view byte `start`, if any.
    pub fn token_at(&self, start: usize) -> Option<usize> {
        self.tokens.binary_search_by(|t| t.start.cmp(&start)).ok()
    }

    /// The index of the token that contains view byte `pos`, if any.
    pub fn token_containing(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= pos);
        (i < self.tokens.len() && self.tokens[i].start <= pos).then_some(i)
    }

    /// The view with `repairs` made (at most one per token, in token order). A respelt word maps
    /// back to the whole original word; the two halves of a split word to their own letters.
    pub fn repaired(&self, repairs: &[Repair]) -> Normalized {
        let mut out = Normalized {
            text: String::with_capacity(self.text.len() + repairs.len() * 2),
            starts: Vec::with_capacity(self.starts.len() + repairs.len() * 2),
            ends: Vec::with_capacity(self.ends.len() + repairs.len() * 2),
            tokens: Vec::with_capacity(self.tokens.len() + repairs.len()),
        };
        let copy = |out: &mut Normalized, from: usize, to: usize| {
            out.text.push_str(&self.text[from..to]);
            out.starts.extend_from_slice(&self.starts[from..to]);
            out.ends.extend_from_slice(&self.ends[from..to]);
        };
        let mut repairs = repairs.iter().peekable();
        let mut copied = 0;
        let mut joined = false;
        for (i, token) in self.tokens.iter().enumerate() {
            if std::mem::take(&mut joined) {
                // The second half of a joined word: written with the first.
                continue;
            }
            copy(&mut out, copied, token.start);
            copied = token.end;
            let start = out.text.len();
            match repairs.next_if(|r| r.token() == i) {
                None => {
                    copy(&mut out, token.start, token.end);
                    out.tokens.push(Token { start, end: out.text.len(), ..*token });
                }
                Some(&Repair::Respell { word, .. }) => {
                    out.text.push_str(word);
                    out.starts.extend(std::iter::repeat_n(self.starts[token.start], word.len()));
                    out.ends.extend(std::iter::repeat_n(self.ends[token.end - 1], word.len()));
                    let respelled = Some(Respelling::Typo);
                    out.tokens.push(Token { start, end: out.text.len(), respelled, ..*token });
                }
                Some(&Repair::Join { .. }) => {
                    let second = self.tokens[i + 1];
                    copy(&mut out, token.start, token.end);
                    copy(&mut out, second.start, second.end);
                    copied = second.end;
                    joined = true;
                    let respelled = Some(Respelling::Broken);
                    let disguised = token.disguised || second.disguised;
                    out.tokens.push(Token { start, end: out.text.len(), disguised, respelled });
                }
                Some(&Repair::Split { at, .. }) => {
                    let middle = token.start + at;
                    copy(&mut out, token.start, middle);
                    let first_end = out.text.len();
                    // The space stands for nothing in the original: it starts and ends where the
                    // second word starts.
                    out.text.push(' ');
                    out.starts.push(self.starts[middle]);
                    out.ends.push(self.starts[middle]);
                    let second = out.text.len();
                    copy(&mut out, middle, token.end);
                    let respelled = Some(Respelling::RunTogether);
                    out.tokens.push(Token { start, end: first_end, respelled, ..*token });
                    out.tokens.push(Token { start: second, end: out.text.len(), respelled, ..*token });
                }
            }
        }
        copy(&mut out, copied, self.text.len());
        out
    }

    /// The text of token `i` in the view.
    pub fn token_text(&self, i: usize) -> &str {
        let t = self.tokens[i];
        &self.text[t.start..t.end]
    }

    /// The original byte range of token `i`. Two neighbouring tokens can share an original
    /// character: "¾" folds to "3⁄4", two tokens that both map to the whole "¾". So the gap
    /// between tokens `t` and `t + 1` is `text[end..next_start.max(end)]`, never
    /// `text[end..next_start]`, which panicked on "leer¾eerst" (found by `cargo fuzz run scan`).
    pub fn token_original(&self, i: usize) -> (usize, usize) {
        let t = self.tokens[i];
        self.original_range(t.start, t.end)
    }
}

/// Pass 1: one unit per folded character; invisible characters and combining marks vanish,
/// runs of three or more of the same letter shrink to one.
fn fold(text: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::with_capacity(text.len() + 2);
    // The current run of identical original letters: (lower-cased original char, length, index of
    // its first unit).
    let mut run: Option<(char, usize, usize)> = None;
    let mut hidden_since_last = false;

    for (offset, c) in text.char_indices() {
        let start = offset as u32;
        let end = (offset + c.len_utf8()) as u32;
        let push = |units: &mut Vec<Unit>, ch: char, class: Class, disguised: bool| {
            units.push(Unit { ch, class, start, end, disguised, removed: false });
        };

        if c.is_ascii() {
            let lower = c.to_ascii_lowercase();
            let class = if lower.is_ascii_lowercase() {
                Class::Letter
            } else if c.is_ascii_digit() {
                Class::Digit
            } else if leet_symbol(c).is_some() {
                Class::Symbol
            } else if c == '\n' || c == '\r' {
                Class::LineBreak
            } else {
                Class::Separator
            };
            if class == Class::Letter {
                // Repeated letters: the third and later of a run fold into the first.
                match run {
                    Some((prev, len, first))
                        if prev == lower && units.len() == first + if len >= 3 { 1 } else { len } =>
                    {
                        let len = len + 1;
                        run = Some((prev, len, first));
                        if len >= 3 {
                            // The second letter was kept while it could still be an ordinary
                            // double letter; from the third on, the run is one letter.
                            if len == 3 {
                                units.pop();
                            }
                            units[first].end = end;
                            units[first].disguised = true;
                            continue;
                        }
                    }
                    _ => run = Some((lower, 1, units.len())),
                }
            } else {
                run = None;
            }
            push(&mut units, lower, class, std::mem::take(&mut hidden_since_last));
            continue;
        }

        run = None;
        if is_invisible(c) {
            hidden_since_last = true;
            continue;
        }
        if is_combining_mark(c) {
            if let Some(last) = units.last_mut() {
                last.end = end;
            }
            continue;
        }
        if c.is_whitespace() {
            let class =
                if matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}') { Class::LineBreak } else { Class::Separator };
            push(&mut units, ' ', class, false);
            continue;
        }
        if let Some(latin) = CONFUSABLES.get(&c) {
            let disguised = !matches!(c, 'ß' | 'ı' | 'ø' | 'Ø' | 'æ' | 'Æ' | 'œ' | 'Œ' | 'ł' | 'Ł' | 'ĳ' | 'Ĳ')
                || std::mem::take(&mut hidden_since_last);
            for ch in latin.chars() {
                push(&mut units, ch, Class::Letter, disguised);
            }
            continue;
        }
        for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
            for l in d.to_lowercase() {
                let (ch, class) = if l.is_ascii_lowercase() {
                    (l, Class::Letter)
                } else if l.is_ascii_digit() {
                    (l, Class::Digit)
                } else if let Some(latin) = CONFUSABLES.get(&l).and_then(|s| s.chars().next()) {
                    (latin, Class::Letter)
                } else if l.is_alphabetic() {
                    (l, Class::Letter)
                } else if l.is_numeric() {
                    (l, Class::Digit)
                } else if leet_symbol(l).is_some() {
                    (l, Class::Symbol)
                } else {
                    (' ', Class::Separator)
                };
                // Fullwidth and mathematical letters are a disguise; accented letters (é, ë) are
                // ordinary Dutch.
                let disguised = is_unusual_letter_form(c) || std::mem::take(&mut hidden_since_last);
                push(&mut units, ch, class, disguised);
            }
        }
    }
    units
}

/// Fullwidth forms and mathematical alphanumerics: nobody writes Dutch in them by accident.
fn is_unusual_letter_form(c: char) -> bool {
    matches!(c, '\u{FF00}'..='\u{FFEF}' | '\u{1D400}'..='\u{1D7FF}' | '\u{2460}'..='\u{24FF}' | '\u{1F100}'..='\u{1F1FF}')
}

fn is_word_unit(u: &Unit) -> bool {
    !u.removed && matches!(u.class, Class::Letter | Class::Digit | Class::Symbol)
}

/// Pass 2a: digits and symbols that stand for letters inside words.
fn undo_leet(units: &mut [Unit]) {
    let mut i = 0;
    while i < units.len() {
        if !is_word_unit(&units[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < units.len() && is_word_unit(&units[i]) {
            i += 1;
        }
        let word = start..i;
        let letters = units[word.clone()].iter().filter(|u| u.class == Class::Letter).count();
        let others = word.len() - letters;
        if letters >= 2 && others > 0 {
            undo_leet_in_word(&mut units[word]);
        }
    }
}

fn undo_leet_in_word(word: &mut [Unit]) {
    let is_letter = |w: &[Unit], j: usize| w.get(j).is_some_and(|u| u.class == Class::Letter);
    // Digits: a run of at most two digits next to a letter (k4nker, h00r), never longer numbers.
    let mut j = 0;
    while j < word.len() {
        if word[j].class != Class::Digit {
            j += 1;
            continue;
        }
        let run_start = j;
        while j < word.len() && word[j].class == Class::Digit {
            j += 1;
        }
        let touches_letter = (run_start > 0 && is_letter(word, run_start - 1)) || is_letter(word, j);
        if j - run_start <= 2 && touches_letter {
            for u in &mut word[run_start..j] {
                if let Some(letter) = leet_digit(u.ch) {
                    u.ch = letter;
                    u.class = Class::Letter;
                    u.disguised = true;
                }
            }
        }
    }
    // Symbols: `@` and `!` between letters, `$` before a letter at the start of a word or between
    // letters. Anything else is punctuation.
    for j in 0..word.len() {
        if word[j].class != Class::Symbol {
            continue;
        }
        let before = j > 0 && is_letter(word, j - 1);
        let after = is_letter(word, j + 1);
        let stands_for_letter = match word[j].ch {
            '$' => after && (before || j == 0),
            _ => before && after,
        };
        if stands_for_letter {
            word[j].ch = leet_symbol(word[j].ch).unwrap_or(word[j].ch);
            word[j].class = Class::Letter;
            word[j].disguised = true;
        }
    }
}

/// Pass 2b: `k a n k e r`, `k.u.t`, `k-u-t`: three or more single letters, each separated by one
/// separator character, are joined into one word.
fn join_spelled_out(units: &mut [Unit]) {
    // A single-character word at `i`: a letter (or a digit or symbol standing for one) with no
    // word character on either side.
    let single = |units: &[Unit], i: usize| -> bool {
        let u = &units[i];
        let letterish = match u.class {
            Class::Letter => true,
            Class::Digit => leet_digit(u.ch).is_some(),
            Class::Symbol => leet_symbol(u.ch).is_some(),
            _ => false,
        };
        // A letter right after an apostrophe is a clitic ('n, 't, 's, m'n), not a spelled letter.
        let clitic = i > 0 && matches!(units[i - 1].ch, '\'' | '’' | '`');
        letterish
            && !clitic
            && (i == 0 || !is_word_unit(&units[i - 1]))
            && units.get(i + 1).is_none_or(|n| !is_word_unit(n))
    };
    let mut i = 0;
    while i < units.len() {
        if !single(units, i) {
            i += 1;
            continue;
        }
        // Collect the chain: single, separator(s), single, … with the same one to three
        // separators each time ("k a n", "k.u.t", "K . U . T").
        let mut chain = vec![i];
        let mut j = i;
        // Is the unit `gap + 1` after `j` a single, with only separators in between?
        let linked = |units: &[Unit], j: usize, gap: usize| {
            j + gap + 1 < units.len()
                && units[j + 1..=j + gap].iter().all(|u| u.class == Class::Separator)
                && single(units, j + gap + 1)
        };
        if let Some(gap) = (1..=3).find(|&g| linked(units, j, g)) {
            while linked(units, j, gap) {
                j += gap + 1;
                chain.push(j);
            }
        }
        let letters = chain.iter().filter(|&&k| units[k].class == Class::Letter).count();
        if chain.len() >= 3 && letters >= 2 {
            for &k in &chain {
                let u = &mut units[k];
                if u.class != Class::Letter {
                    u.ch = leet_digit(u.ch).or_else(|| leet_symbol(u.ch)).unwrap_or(u.ch);
                    u.class = Class::Letter;
                }
                u.disguised = true;
            }
            for pair in chain.windows(2) {
                for u in &mut units[pair[0] + 1..pair[1]] {
                    u.removed = true;
                }
            }
        }
        i = j + 1;
    }
}

/// Pass 3: write the view. Separators (and symbols that stand for nothing) collapse to one space.
fn emit(units: &[Unit], text_len: usize) -> Normalized {
    let mut out = Normalized {
        text: String::with_capacity(units.len() + 2),
        starts: Vec::with_capacity(units.len() + 2),
        ends: Vec::with_capacity(units.len() + 2),
        tokens: Vec::new(),
    };
    let push = |out: &mut Normalized, ch: char, start: u32, end: u32| {
        let mut buf = [0u8; 4];
        let encoded = ch.encode_utf8(&mut buf);
        out.text.push_str(encoded);
        for _ in 0..encoded.len() {
            out.starts.push(start);
            out.ends.push(end);
        }
    };
    push(&mut out, ' ', 0, 0);
    let mut token_start: Option<usize> = None;
    let mut disguised = false;
    for u in units.iter().filter(|u| !u.removed) {
        let is_word = matches!(u.class, Class::Letter | Class::Digit);
        if is_word {
            if token_start.is_none() {
                token_start = Some(out.text.len());
                disguised = false;
            }
            disguised |= u.disguised;
            push(&mut out, u.ch, u.start, u.end);
        } else {
            if let Some(start) = token_start.take() {
                out.tokens.push(Token { start, end: out.text.len(), disguised, respelled: None });
            }
            if out.text.ends_with(' ') {
                let last = out.ends.len() - 1;
                out.ends[last] = out.ends[last].max(u.end);
            } else {
                push(&mut out, ' ', u.start, u.end);
            }
        }
    }
    if let Some(start) = token_start.take() {
        out.tokens.push(Token { start, end: out.text.len(), disguised, respelled: None });
    }
    if !out.text.ends_with(' ') || out.text.len() == 1 {
        let end = text_len as u32;
        push(&mut out, ' ', end, end);
    }
    out
}

/// Fold case and diacritics only, keeping letters and digits and dropping everything else, with
/// none of the view's disguise handling: `@Noor.Bakker13` → `noorbakker13`. For handles and
/// hashtags, where digits are digits.
pub fn fold_letters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if let Some(latin) = CONFUSABLES.get(&c) {
            out.push_str(latin);
            continue;
        }
        for d in c.nfkd().filter(|d| !is_combining_mark(*d)) {
            out.extend(d.to_lowercase().filter(|l| l.is_alphanumeric()));
        }
    }
    out
}

/// Normalise a wordlist term or roster name: the view without its padding spaces.
pub fn normalize_term(term: &str) -> String {
    let mut out = String::new();
    push_normalized_term(term, &mut out);
    out
}

/// Append [`normalize_term`]`(term)` to `out`. A plain term, as most names and wordlist terms are,
/// is only lower-cased: building the view (five vectors) would change nothing else.
pub fn push_normalized_term(term: &str, out: &mut String) {
    if is_plain(term) {
        let start = out.len();
        out.push_str(term);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(Normalized::new(term).text.trim());
    }
}

/// Is `term` one the view only lower-cases? Empty, or ASCII letters in words of two or more (a
/// single letter may be spelled out: "k u t"), one space between words and none around them, and
/// no letter three times in a row (a repeat the view folds).
fn is_plain(term: &str) -> bool {
    let bytes = term.as_bytes();
    term.is_empty()
        || (bytes.iter().all(|&b| b.is_ascii_alphabetic() || b == b' ')
            && term.split(' ').all(|word| word.len() >= 2)
            && !bytes.windows(3).any(|w| w[0].eq_ignore_ascii_case(&w[1]) && w[1].eq_ignore_ascii_case(&w[2])))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> String {
        Normalized::new(s).text
    }

    #[test]
    fn folds_case_diacritics_and_punctuation() {
        assert_eq!(view("Wat een K4NKER-school!!"), " wat een kanker school ");
        assert_eq!(view("Zoë, ZOË en Yılmaz"), " zoe zoe en yilmaz ");
        assert_eq!(view("Noor’s  fiets"), " noor s fiets ");
        assert_eq!(view(""), "  ");
    }

    #[test]
    fn undoes_disguises() {
        assert_eq!(view("kankerrrr"), " kanker ");
        assert_eq!(view("k a n k e r"), " kanker ");
        assert_eq!(view("k.u.t school"), " kut school ");
        assert_eq!(view("k-u-t"), " kut ");
        assert_eq!(view("K . U . T school"), " kut school ");
        assert_eq!(view("zo'n k a n k e r"), " zo n kanker ");
        assert_eq!(view("kan\u{200B}ker"), " kanker ");
        assert_eq!(view("ｋｕｔ"), " kut ");
        assert_eq!(view("kаnker"), " kanker "); // Cyrillic а
        assert_eq!(view("b!tch $let h0er"), " bitch slet hoer ");
        assert!(Normalized::new("k4nker").tokens[0].disguised);
        assert!(!Normalized::new("kanker").tokens[0].disguised);
    }

    #[test]
    fn leaves_numbers_and_ordinary_words_alone() {
        assert_eq!(view("groep 7b, 2024, 06-12345678"), " groep 7b 2024 06 12345678 ");
        assert_eq!(view("zeeën en ideeën"), " zeeen en ideeen ");
        assert_eq!(view("jan@school.nl"), " janaschool nl ");
        assert_eq!(view("@daan hoi!"), " daan hoi ");
        assert_eq!(view("d.w.z. o.a."), " dwz o a ");
        assert_eq!(view("Roos H. won"), " roos h won ");
    }

    #[test]
    fn maps_back_to_original_bytes() {
        let text = "Hé, K4NKERRRR-school!";
        let n = Normalized::new(text);
        let pos = n.text.find("kanker").unwrap();
        let (s, e) = n.original_range(pos, pos + "kanker".len());
        assert_eq!(&text[s..e], "K4NKERRRR");
        let text = "k a n k e r";
        let n = Normalized::new(text);
        let (s, e) = n.original_range(1, 7);
        assert_eq!(&text[s..e], "k a n k e r");
        let text = "Zoe\u{308} is er";
        let n = Normalized::new(text);
        let (s, e) = n.token_original(0);
        assert_eq!(&text[s..e], "Zoe\u{308}");
    }

    #[test]
    fn plain_terms_are_only_lower_cased() {
        // Every string of up to seven characters from a small alphabet that has the cases the
        // fast path must get right: repeats, single letters, spaces at the edges and doubled.
        let alphabet = ['a', 'A', 'b', ' '];
        let mut terms = vec![String::new()];
        let mut longest = vec![String::new()];
        for _ in 0..7 {
            longest = longest.iter().flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}"))).collect();
            terms.extend(longest.iter().cloned());
        }
        let mut plain = 0;
        for term in terms.iter().map(String::as_str).chain(["Daan", "van der", "Anne-Sophie", "Zoë", "AAron", "'t"]) {
            plain += usize::from(is_plain(term));
            let mut fast = String::from("x");
            push_normalized_term(term, &mut fast);
            assert_eq!(fast[1..], *Normalized::new(term).text.trim(), "{term:?}");
        }
        assert!(plain > 1000, "{plain}");
    }

    #[test]
    fn tokens_cover_the_words() {
        let n = Normalized::new("Ik maak je af.");
        let words: Vec<_> = (0..n.tokens.len()).map(|i| n.token_text(i)).collect();
        assert_eq!(words, ["ik", "maak", "je", "af"]);
    }
}
