//! Wordlist terms compiled for matching, without expanding the phrase syntax.
//!
//! A term such as `ik (maak|sla) (je|jou|u) (dood|af)` stands for many phrases. Expanding every
//! term into all its phrases would put tens of thousands of strings into the automaton and make
//! start-up slow, so a term is compiled into **slots** instead: one slot per space-separated chunk
//! of the term, holding that chunk's alternatives as lists of words. Words inside a chunk can be
//! grouped too (`kut(wijf|wijven)`, `(ga |)je`); only a chunk is expanded, never the whole term.
//!
//! A phrase is matched word by word against the tokens of the normalised view
//! ([`Phrase::match_at`]); the automaton only needs the words a phrase can start with
//! ([`Phrase::first_words`]).

use std::collections::BTreeSet;

use crate::normalize::normalize_term;

/// The most alternatives one chunk of a term may stand for.
pub const MAX_CHUNK_ALTERNATIVES: usize = 512;

/// The longest a term may be, in words.
pub const MAX_WORDS: usize = 16;

/// A compiled term: a sequence of slots, each a set of alternatives, each a (possibly empty) list
/// of words in the view's normalised form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    slots: Vec<Vec<Vec<String>>>,
}

impl Phrase {
    /// Compile a term as written in a wordlist. `gaps` allows the gap word `_` (threat acts).
    pub fn compile(term: &str, gaps: bool) -> Result<Phrase, String> {
        let mut slots = Vec::new();
        for chunk in chunks(term)? {
            let mut alternatives: Vec<Vec<String>> = Vec::new();
            for written in expand_chunk(&chunk)? {
                for words in normalise_alternative(&written, gaps)? {
                    if !alternatives.contains(&words) {
                        alternatives.push(words);
                    }
                }
            }
            if alternatives.iter().all(Vec::is_empty) {
                continue;
            }
            slots.push(alternatives);
        }
        let phrase = Phrase { slots };
        let (min, max) = phrase.len_range();
        if min == 0 {
            return Err("een van de varianten is leeg".into());
        }
        if max > MAX_WORDS {
            return Err(format!("langer dan {MAX_WORDS} woorden"));
        }
        Ok(phrase)
    }

    /// A literal phrase in the view's normalised form (a name: "daan de vries"), one word per
    /// slot; nothing to parse.
    pub fn words(literal: &str) -> Phrase {
        Phrase { slots: literal.split(' ').filter(|w| !w.is_empty()).map(|w| vec![vec![w.to_string()]]).collect() }
    }

    /// The fewest and most words the phrase can have.
    pub fn len_range(&self) -> (usize, usize) {
        self.slots.iter().fold((0, 0), |(min, max), slot| {
            let lens = slot.iter().map(Vec::len);
            (min + lens.clone().min().unwrap_or(0), max + lens.max().unwrap_or(0))
        })
    }

    /// When every phrase of the term is one word: those words.
    pub fn single_words(&self) -> Option<Vec<String>> {
        (self.len_range() == (1, 1)).then(|| self.expand(usize::MAX).unwrap_or_default())
    }

    /// The words a phrase of the term can start with.
    pub fn first_words(&self) -> BTreeSet<String> {
        edge_words(self.slots.iter(), |alt| alt.first())
    }

    /// The words a phrase of the term can end with.
    pub fn last_words(&self) -> BTreeSet<String> {
        edge_words(self.slots.iter().rev(), |alt| alt.last())
    }

    /// Every phrase the term stands for, words joined by single spaces; at most `limit` of them.
    pub fn expand(&self, limit: usize) -> Result<Vec<String>, String> {
        let mut phrases: Vec<Vec<&str>> = vec![Vec::new()];
        for slot in &self.slots {
            let mut next = Vec::with_capacity(phrases.len() * slot.len());
            for p in &phrases {
                for alt in slot {
                    let mut q = p.clone();
                    q.extend(alt.iter().map(String::as_str));
                    next.push(q);
                }
            }
            if next.len() > limit {
                return Err(format!("staat voor meer dan {limit} zinnen"));
            }
            phrases = next;
        }
        let mut out: Vec<String> = phrases.into_iter().map(|p| p.join(" ")).collect();
        out.sort();
        out.dedup();
        Ok(out)
    }

    /// The longest match of the phrase starting at token `start`: the index one past its last
    /// token. `token(i)` gives the text of token `i`, or `None` past the end.
    pub fn match_at<'t>(&self, token: &dyn Fn(usize) -> Option<&'t str>, start: usize) -> Option<usize> {
        self.match_from(0, start, token)
    }

    fn match_from<'t>(&self, slot: usize, at: usize, token: &dyn Fn(usize) -> Option<&'t str>) -> Option<usize> {
        let Some(alternatives) = self.slots.get(slot) else { return Some(at) };
        let mut best: Option<usize> = None;
        for alt in alternatives {
            let fits = alt.iter().enumerate().all(|(k, word)| token(at + k) == Some(word.as_str()));
            if fits && let Some(end) = self.match_from(slot + 1, at + alt.len(), token) {
                best = Some(best.map_or(end, |b| b.max(end)));
            }
        }
        best
    }
}

/// The words a sequence of slots can start with (slots that can be empty let the next one start).
/// The words at one edge of the phrases: `pick` takes that edge's word of an alternative (none
/// when it is empty, so the next slot's words can stand at the edge too).
fn edge_words<'a>(
    slots: impl Iterator<Item = &'a Vec<Vec<String>>>,
    pick: fn(&Vec<String>) -> Option<&String>,
) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for slot in slots {
        let mut can_be_empty = false;
        for alt in slot {
            match pick(alt) {
                Some(word) => {
                    out.insert(word.clone());
                }
                None => can_be_empty = true,
            }
        }
        if !can_be_empty {
            break;
        }
    }
    out
}

/// Split a term at the spaces outside groups, and after a group whose alternatives all end a word
/// (`(eens |ff |)`): such a group is a word slot of its own, even when written against the next.
fn chunks(term: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    let mut group_start = 0usize;
    for c in term.chars() {
        match c {
            '(' => {
                if depth > 0 {
                    return Err("groepen mogen niet genest zijn".into());
                }
                depth += 1;
                group_start = current.len();
                current.push(c);
            }
            ')' => {
                if depth == 0 {
                    return Err("')' zonder '('".into());
                }
                depth -= 1;
                current.push(c);
                let group = &current[group_start + 1..current.len() - 1];
                let ends_words = group.split('|').all(|alt| alt.is_empty() || alt.ends_with(' '));
                if ends_words {
                    out.push(std::mem::take(&mut current));
                }
            }
            ' ' if depth == 0 => {
                if !current.is_empty() {
                    out.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if depth > 0 {
        return Err("'(' zonder ')'".into());
    }
    if !current.is_empty() {
        out.push(current);
    }
    Ok(out)
}

/// Expand the groups of one chunk: `(ga |)je` → `ga je`, `je`.
fn expand_chunk(chunk: &str) -> Result<Vec<String>, String> {
    let mut alternatives = vec![String::new()];
    let mut rest = chunk;
    while !rest.is_empty() {
        match rest.find('(') {
            Some(open) => {
                let close = rest[open..].find(')').map(|c| open + c).ok_or("'(' zonder ')'")?;
                let literal = &rest[..open];
                let inner: Vec<&str> = rest[open + 1..close].split('|').collect();
                let mut next = Vec::with_capacity(alternatives.len() * inner.len());
                for a in &alternatives {
                    for i in &inner {
                        next.push(format!("{a}{literal}{i}"));
                    }
                }
                if next.len() > MAX_CHUNK_ALTERNATIVES {
                    return Err(format!("een deel staat voor meer dan {MAX_CHUNK_ALTERNATIVES} varianten"));
                }
                alternatives = next;
                rest = &rest[close + 1..];
            }
            None => {
                for a in &mut alternatives {
                    a.push_str(rest);
                }
                rest = "";
            }
        }
    }
    Ok(alternatives)
}

/// Check that an alternative is written in normalised form and turn it into view words
/// (`homo's` → `homo s`). A word with three equal letters (`eritreeer`, Eritreeër) gets two
/// spellings: as written (the diaeresis keeps the letters apart in real text) and folded (as the
/// view reads it typed without the diaeresis).
fn normalise_alternative(written: &str, gaps: bool) -> Result<Vec<Vec<String>>, String> {
    let allowed = |c: char| matches!(c, 'a'..='z' | '0'..='9' | ' ' | '\'' | '-') || (gaps && c == '_');
    if let Some(bad) = written.chars().find(|&c| !allowed(c)) {
        return Err(format!("'{written}': teken '{bad}' hoort niet in de genormaliseerde vorm"));
    }
    let spaced = written.replace(['\'', '-'], " ");
    let words: Vec<String> = spaced.split_whitespace().map(str::to_string).collect();
    let triple = spaced.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
    let plain = written.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ' || b == b'_');
    if plain && !triple {
        return Ok(vec![words]);
    }
    // Apostrophes and hyphens separate words in the view; anything else must already be in
    // normal form.
    let normalized = normalize_term(&spaced.replace('_', " "));
    if triple {
        return Ok(vec![words, normalized.split(' ').map(str::to_string).collect()]);
    }
    if normalized != words.join(" ") {
        return Err(format!("'{written}' is niet genormaliseerd (de matcher leest het als '{normalized}')"));
    }
    Ok(vec![words])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(p: &Phrase) -> Vec<String> {
        p.expand(usize::MAX).unwrap()
    }

    #[test]
    fn a_literal_is_the_compiled_literal() {
        for literal in ["daan de vries", "noor", "sem van den berg"] {
            assert_eq!(Phrase::words(literal), Phrase::compile(literal, false).unwrap());
        }
    }

    #[test]
    fn compiles_without_expanding_the_term() {
        let p = Phrase::compile("ik (maak|sla) (je|jou|u) (dood|af)", false).unwrap();
        assert_eq!(p.slots.len(), 4);
        assert_eq!(words(&p).len(), 12);
        assert_eq!(p.first_words().into_iter().collect::<Vec<_>>(), ["ik"]);
        assert_eq!(p.last_words().into_iter().collect::<Vec<_>>(), ["af", "dood"]);
        assert_eq!(p.len_range(), (4, 4));
    }

    #[test]
    fn optional_and_glued_groups() {
        let p = Phrase::compile("(vieze |)homo", false).unwrap();
        assert_eq!(words(&p), ["homo", "vieze homo"]);
        assert_eq!(p.first_words().into_iter().collect::<Vec<_>>(), ["homo", "vieze"]);
        let p = Phrase::compile("ik (ga |)je", false).unwrap();
        assert_eq!(words(&p), ["ik ga je", "ik je"]);
        let p = Phrase::compile("kut(wijf|wijven)", false).unwrap();
        assert_eq!(p.single_words().unwrap(), ["kutwijf", "kutwijven"]);
        let p = Phrase::compile("homo's", false).unwrap();
        assert_eq!(words(&p), ["homo s"]);
        assert_eq!(Phrase::compile("maak _ af", true).unwrap().len_range(), (3, 3));
    }

    #[test]
    fn matches_the_longest_phrase() {
        let p = Phrase::compile("ik (ga |)je (in elkaar |)slaan", false).unwrap();
        let tokens = ["nu", "ik", "ga", "je", "in", "elkaar", "slaan", "x"];
        let token = |i: usize| tokens.get(i).copied();
        assert_eq!(p.match_at(&token, 1), Some(7));
        assert_eq!(p.match_at(&token, 0), None);
    }

    #[test]
    fn rejects_broken_terms() {
        for bad in ["ik (maak", "ik maak)", "((a|b)|c)", "(|)", "Hoofdletter", "k4nker!"] {
            assert!(Phrase::compile(bad, false).is_err(), "{bad}");
        }
        assert!(Phrase::compile("maak _ af", false).is_err());
    }
}
