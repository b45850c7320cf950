//! From findings to edits: what each rule's fix is, and why a finding has none.
//!
//! - Pupil names (safe): the name becomes what the school chose ([`NameChoice`]); "de moeder van
//!   Noor" becomes "een ouder". A name with a typo (PW106) is a guess: only with `--unsafe-fixes`.
//! - Personal data (safe): the rule's placeholder (`[telefoonnummer]`) or nothing; an age in
//!   brackets ("Noor (9)") is always taken out. Where a group is right now (PW210) asks for
//!   another sentence, not a word: no fix.
//! - A missing disclaimer (safe): the school's sentence at the end, in the language of the post.
//! - Confidential information (unsafe): the sentence that holds it is dropped.
//! - A `postwacht: negeer` line in a plain text (PW903, safe): the line is taken out.
//! - Abuse is never rewritten; media, leaders and the other rules have no fix either.
//!
//! Nothing inside a web address is changed (a name in `?naam=…` would break the link).

use crate::finding::{Category, Finding};
use crate::fix::edit::Edit;
use crate::fix::policy::{DataChoice, NameChoice, Policy};
use crate::markup::Markup;
use crate::normalize::{fold_letters, normalize_term};
use crate::roster::Roster;
use crate::rules;

/// What a planned edit claims to resolve.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Claim {
    /// The finding of this rule on the passage the edit replaces.
    Passage(&'static str),
    /// Every finding of this rule in the text (a disclaimer is about the whole post).
    Whole(&'static str),
}

/// An edit and the findings it resolves.
#[derive(Clone, Debug)]
pub struct Planned {
    pub edit: Edit,
    /// Indexes into the findings the plan was made from, and what the edit claims for each.
    pub resolves: Vec<usize>,
    pub claims: Vec<Claim>,
}

/// The text a plan works on.
pub struct Draft<'a> {
    pub text: &'a str,
    /// The published copy (same length; what readers never see blanked).
    pub published: &'a str,
    pub markup: Markup,
}

/// Why a finding gets no edit, or `None` when it gets one.
pub fn no_fix(f: &Finding, draft: &Draft, policy: &Policy) -> Option<String> {
    let rule = rules::find(f.rule)?;
    if f.category.is_abuse() {
        return Some("scheldwoorden, discriminatie, bedreigingen en obsceniteit herschrijft postwacht nooit".into());
    }
    let unsafe_only =
        |what: &str| (!policy.unsafe_fixes).then(|| format!("{what}; met --unsafe-fixes doet postwacht dat"));
    match f.category {
        Category::PupilName => {
            if in_web_address(draft.text, f.start, f.end) {
                return Some("staat in een webadres; pas de link zelf aan".into());
            }
            if f.rule == rules::PUPIL_NAME_TYPO.code {
                return unsafe_only("postwacht gokt hier dat een leerling bedoeld is");
            }
            if policy.pupil_name == NameChoice::FirstName && is_first_name_rule(f.rule) {
                return Some("voornamen mogen blijven staan (postwacht.toml: pupil-name = \"first-name\")".into());
            }
            if policy.pupil_name == NameChoice::Pupil && possessive(&f.matched) && f.rule != rules::PUPIL_VIA_RELATIVE.code {
                return Some("een bezitsvorm (Noor's) kan postwacht niet netjes herschrijven; schrijf bijvoorbeeld \"de … van een leerling\"".into());
            }
            None
        }
        Category::PersonalData => {
            if f.rule == rules::LOCATION_SHARING.code {
                return Some("hier past een andere zin, geen ander woord: deel de plaats achteraf".into());
            }
            if in_web_address(draft.text, f.start, f.end) {
                return Some("staat in een webadres; pas de link zelf aan".into());
            }
            None
        }
        Category::Confidential => unsafe_only("dit vraagt om het weglaten van de hele zin"),
        Category::Disclaimer if rule.code == rules::LEADER_SPEAKS_FOR_SCHOOL.code => {
            Some("een disclaimer helpt hier niet; overleg of het bericht via de school kan".into())
        }
        Category::Disclaimer => match policy.disclaimer_for(false) {
            None => Some(
                "postwacht weet niet bij welke school je werkt: zet disclaimer = \"…\" onder [fix] in postwacht.toml, of geef --org".into(),
            ),
            Some(_) => None,
        },
        Category::Suppression if rule.code == rules::SUPPRESSION_IN_TEXT.code => None,
        _ => Some("hier heeft postwacht geen aanpassing voor".into()),
    }
}

/// The edits for `findings` (sorted by position), skipping those `skip` says no to.
pub fn plan(
    draft: &Draft,
    findings: &[Finding],
    policy: &Policy,
    roster: &Roster,
    skip: impl Fn(&Finding) -> bool,
) -> Vec<Planned> {
    let mut planned: Vec<Planned> = Vec::new();
    let mut disclaimer: Option<Planned> = None;
    for (i, f) in findings.iter().enumerate() {
        if skip(f) || no_fix(f, draft, policy).is_some() {
            continue;
        }
        let rule = rules::find(f.rule).expect("a finding's rule is in the table");
        let edit = match f.category {
            Category::PupilName => name_edit(draft, f, policy.pupil_name, roster),
            Category::PersonalData => Some(data_edit(draft, f, rule.placeholder, policy.personal_data)),
            Category::Confidential => Some(drop_sentence(draft, f.start, f.end)),
            Category::Suppression => Some(drop_line(draft.text, f.start)),
            Category::Disclaimer => {
                match &mut disclaimer {
                    Some(p) => {
                        p.resolves.push(i);
                        p.claims.push(Claim::Whole(rule.code));
                    }
                    None => {
                        let english = crate::fix::policy::is_english(draft.published);
                        let sentence = policy.disclaimer_for(english).expect("no_fix checked there is one");
                        disclaimer = Some(Planned {
                            edit: append(draft, &sentence),
                            resolves: vec![i],
                            claims: vec![Claim::Whole(rule.code)],
                        });
                    }
                }
                continue;
            }
            _ => None,
        };
        if let Some(edit) = edit {
            planned.push(Planned { edit, resolves: vec![i], claims: vec![Claim::Passage(rule.code)] });
        }
    }
    planned.extend(disclaimer);
    settle(planned)
}

/// Sort edits and settle overlaps: an edit that lies inside another (a name inside a dropped
/// sentence) is resolved by it; of two that cross, the later waits for the next round.
fn settle(mut planned: Vec<Planned>) -> Vec<Planned> {
    planned.sort_by_key(|p| (p.edit.start, std::cmp::Reverse(p.edit.end)));
    let mut out: Vec<Planned> = Vec::new();
    for p in planned {
        if let Some(last) = out.last_mut() {
            let inside =
                p.edit.start >= last.edit.start && p.edit.end <= last.edit.end && last.edit.start < last.edit.end;
            if inside {
                last.resolves.extend(p.resolves);
                last.claims.extend(p.claims);
                continue;
            }
            if p.edit.start < last.edit.end || (p.edit.start == last.edit.end && p.edit.start == p.edit.end) {
                continue;
            }
        }
        out.push(p);
    }
    out
}

fn is_first_name_rule(code: &str) -> bool {
    [rules::PUPIL_FIRST_NAME.code, rules::PUPIL_NAME_WORD.code].contains(&code)
}

/// "Noor's", "Anders'", "Noor’s".
fn possessive(matched: &str) -> bool {
    matched.ends_with("'s") || matched.ends_with("’s") || matched.ends_with('\'') || matched.ends_with('’')
}

/// The edit for a pupil's name.
fn name_edit(draft: &Draft, f: &Finding, choice: NameChoice, roster: &Roster) -> Option<Edit> {
    let at_start = starts_sentence(draft.published, f.start);
    let mut with = if f.rule == rules::PUPIL_VIA_RELATIVE.code {
        "een ouder".to_string()
    } else {
        match choice {
            NameChoice::Pupil => "een leerling".to_string(),
            NameChoice::Initial => {
                let first = first_name(f, roster);
                let letter = first
                    .as_deref()
                    .unwrap_or(&f.matched)
                    .chars()
                    .find(|c| c.is_alphabetic())?
                    .to_uppercase()
                    .collect::<String>();
                let ending = if possessive(&f.matched) { "'s" } else { "" };
                format!("{letter}.{ending}")
            }
            NameChoice::FirstName => first_name(f, roster)?,
        }
    };
    if at_start {
        with = capitalised(&with);
    }
    // "Roos H." is a name with its initial's dot: the dot goes with it ("een leerling heeft").
    let mut end = f.end;
    let initial_last =
        f.matched.rsplit(' ').next().is_some_and(|w| w.chars().count() == 1 && w.chars().all(char::is_uppercase));
    if initial_last && draft.text[end..].starts_with('.') && f.matched.contains(' ') {
        end += 1;
        let sentence_ends = draft.text[end..].trim_start_matches(' ').chars().next().is_none_or(char::is_uppercase);
        if sentence_ends {
            end -= 1;
        }
    }
    if with.ends_with('.') && draft.text[end..].starts_with('.') {
        with.pop();
    }
    Some(Edit { start: f.start, end, with: escaped(draft.markup, &with) })
}

/// The first name of the pupil a name finding is about, as written in the text where the text
/// has it ("Noor" of "Noor Bakker"), else as the roster has it.
fn first_name(f: &Finding, roster: &Roster) -> Option<String> {
    let matched = f.matched.trim();
    let words: Vec<&str> = matched.split_whitespace().collect();
    let norm = |s: &str| normalize_term(s);
    for pupil in &roster.pupils {
        for first in std::iter::once(&pupil.first).chain(&pupil.nicknames) {
            let n = first.split_whitespace().count();
            if n > 0 && words.len() >= n && norm(&words[..n].join(" ")) == norm(first) {
                return Some(words[..n].join(" "));
            }
        }
    }
    let folded = fold_letters(matched);
    let surname = norm(matched);
    let mut found = roster.pupils.iter().filter(|p| {
        let full = format!("{} {} {}", p.first, p.particle, p.last);
        norm(format!("{} {}", p.particle, p.last).trim()) == surname
            || fold_letters(&full) == folded
            || fold_letters(&p.first) == folded
    });
    let pupil = found.next()?;
    // A surname two pupils share says nothing about which first name.
    if found.any(|other| other.first != pupil.first) {
        return None;
    }
    Some(pupil.first.clone())
}

/// The edit for personal data.
fn data_edit(draft: &Draft, f: &Finding, placeholder: &str, choice: DataChoice) -> Edit {
    let bracketed = f.matched.starts_with('(') && f.matched.ends_with(')');
    if choice == DataChoice::Remove || bracketed {
        return remove_with_space(draft.text, f.start, f.end);
    }
    Edit { start: f.start, end: f.end, with: escaped(draft.markup, placeholder) }
}

/// Take out `start..end` and one space beside it, so no double space or space before a comma
/// is left.
fn remove_with_space(text: &str, start: usize, end: usize) -> Edit {
    let (start, end) = if text[end..].starts_with(' ') {
        (start, end + 1)
    } else if text[..start].ends_with(' ') {
        (start - 1, end)
    } else {
        (start, end)
    };
    Edit { start, end, with: String::new() }
}

/// Drop the sentence around `start..end`: from after the previous sentence end to the next one,
/// with the spaces after it. A sentence goes on over a line break inside a paragraph (a
/// hard-wrapped draft), never over a blank line or into a line that starts with markup or is
/// not published, so lists, headings and front matter keep their shape; a line left with nothing
/// published goes as a whole.
fn drop_sentence(draft: &Draft, start: usize, end: usize) -> Edit {
    let published = draft.published.as_bytes();
    let line_start_of = |at: usize| draft.published[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end_of = |at: usize| draft.published[at..].find('\n').map_or(published.len(), |i| at + i);
    // Does the line starting at `at` go on the paragraph of the line before it?
    let continues = |at: usize| {
        let line = &draft.published[at..line_end_of(at)];
        let trimmed = line.trim_start();
        !trimmed.is_empty()
            && line.len() == trimmed.len()
            && !trimmed.starts_with(['-', '*', '+', '>', '#', '|', '<'])
            && !trimmed.chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    // An initial ("Roos H. heeft") is no sentence end.
    let initial = |at: usize| {
        at >= 1 && published[at - 1].is_ascii_uppercase() && (at == 1 || !published[at - 2].is_ascii_alphabetic())
    };
    let ends_sentence = |at: usize| {
        matches!(published[at], b'.' | b'!' | b'?')
            && published.get(at + 1).is_none_or(|n| n.is_ascii_whitespace())
            && !(published[at] == b'.' && initial(at))
    };
    let mut from = start;
    loop {
        if from == 0 {
            break;
        }
        if published[from - 1] == b'\n' {
            let previous = line_start_of(from - 1);
            let previous_text = draft.published[previous..from - 1].trim_end();
            if continues(from)
                && !previous_text.is_empty()
                && !previous_text.ends_with(['.', '!', '?'])
                && continues(previous)
            {
                from -= 1;
                continue;
            }
            break;
        }
        if ends_sentence(from - 1) {
            break;
        }
        from -= 1;
    }
    while from < start && published[from].is_ascii_whitespace() {
        from += 1;
    }
    let mut to = end;
    while to < published.len() {
        if published[to] == b'\n' {
            // Both lines must be plain lines of one paragraph: a list item or a quote ends at
            // its own line, as on the way back.
            if to + 1 < published.len() && continues(to + 1) && continues(line_start_of(to)) {
                to += 1;
                continue;
            }
            break;
        }
        to += 1;
        if ends_sentence(to - 1) {
            break;
        }
    }
    while to < published.len() && published[to] == b' ' {
        to += 1;
    }
    let (first_line, last_line_end) = (line_start_of(from), line_end_of(to));
    let blank = |range: std::ops::Range<usize>| published[range].iter().all(|c| c.is_ascii_whitespace());
    if blank(first_line..from) && blank(to..last_line_end) {
        // Whole lines: take them out with the line break after them.
        let end = (last_line_end + 1).min(draft.text.len());
        let start = if end == draft.text.len() && !draft.text.ends_with('\n') && first_line > 0 {
            first_line - 1
        } else {
            first_line
        };
        return Edit { start, end, with: String::new() };
    }
    // At the end of a line, the spaces before the sentence go too.
    if blank(to..last_line_end) {
        while from > first_line && published[from - 1] == b' ' {
            from -= 1;
        }
    }
    // Whole characters only (the published copy is the text's length, byte for byte).
    while !draft.text.is_char_boundary(from) {
        from -= 1;
    }
    while !draft.text.is_char_boundary(to) {
        to += 1;
    }
    Edit { start: from, end: to, with: String::new() }
}

/// Take out the line that holds `at`, with its line break.
fn drop_line(text: &str, at: usize) -> Edit {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
    // The last line has no break of its own: take the one before it.
    let start = if end == text.len() && !text.ends_with('\n') && start > 0 { start - 1 } else { start };
    Edit { start, end, with: String::new() }
}

/// Add `sentence` at the end of the post: a paragraph of its own after the last text (in HTML a
/// `<p>` before `</body>`), with the text's own line breaks.
fn append(draft: &Draft, sentence: &str) -> Edit {
    let text = draft.text;
    let newline = if text.contains("\r\n") { "\r\n" } else { "\n" };
    if draft.markup == Markup::Html {
        let lower = text.to_ascii_lowercase();
        let paragraph = format!("<p>{}</p>", crate::report::html::escape(sentence));
        if let Some(at) = lower.rfind("</body>") {
            return Edit { start: at, end: at, with: format!("{paragraph}{newline}") };
        }
        let end = text.trim_end().len();
        return Edit { start: end, end, with: format!("{newline}{paragraph}") };
    }
    let end = text.trim_end().len();
    let with = if end == 0 { sentence.to_string() } else { format!("{newline}{newline}{sentence}") };
    Edit { start: end, end, with }
}

/// Does the passage at `start` begin a sentence (nothing but spaces since the line's start or
/// since a sentence end)?
fn starts_sentence(published: &str, start: usize) -> bool {
    let before = published[..start].trim_end_matches([' ', '\t', '"', '“', '(', '*', '_']);
    before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Is `start..end` part of a web address (a link, `mailto:`, `tel:`)?
fn in_web_address(text: &str, start: usize, end: usize) -> bool {
    let stops = |c: char| c.is_whitespace() || matches!(c, '(' | ')' | '<' | '>' | '"' | '\'' | '[' | ']');
    let from = text[..start].rfind(stops).map_or(0, |i| i + 1);
    let to = text[end..].find(stops).map_or(text.len(), |i| end + i);
    let token = text[from..to].to_ascii_lowercase();
    token.contains("://")
        || token.starts_with("mailto:")
        || token.starts_with("tel:")
        || token.starts_with("www.")
        || (token.contains('?') && token.contains('='))
}

/// Replacement text as the markup needs it.
fn escaped(markup: Markup, text: &str) -> String {
    if markup == Markup::Html { crate::report::html::escape(text) } else { text.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft<'_> {
        Draft { text, published: text, markup: Markup::Text }
    }

    #[test]
    fn a_sentence_is_dropped_within_its_line() {
        let text = "Sportdag was leuk. Daan heeft ADHD, dus hij zat apart. Tot morgen!\n- Noor is ziek\nKlaar.";
        let adhd = text.find("ADHD").unwrap();
        let edit = drop_sentence(&draft(text), adhd, adhd + 4);
        assert_eq!(&text[edit.start..edit.end], "Daan heeft ADHD, dus hij zat apart. ");
        // Over a line break inside a paragraph, with the spaces before it at the end of a line.
        let wrapped = "Roos won. Ze heeft\nADHD, zegt men.\n\nKlaar.";
        let at = wrapped.find("ADHD").unwrap();
        let edit = drop_sentence(&draft(wrapped), at, at + 4);
        assert_eq!(&wrapped[edit.start..edit.end], " Ze heeft\nADHD, zegt men.");
        let at = text.find("ziek").unwrap();
        let mut published = text.to_string();
        published.replace_range(text.find("- Noor").unwrap()..text.find("- Noor").unwrap() + 1, " ");
        let edit = drop_sentence(&Draft { text, published: &published, markup: Markup::Markdown }, at, at + 4);
        assert_eq!(&text[edit.start..edit.end], "- Noor is ziek\n");
    }

    #[test]
    fn removal_takes_one_space() {
        let text = "Bel 06-12345678 of mail.";
        let e = remove_with_space(text, 4, 15);
        assert_eq!(format!("{}{}", &text[..e.start], &text[e.end..]), "Bel of mail.");
        let text = "Noor (9) won.";
        let e = remove_with_space(text, 5, 8);
        assert_eq!(format!("{}{}", &text[..e.start], &text[e.end..]), "Noor won.");
    }

    #[test]
    fn web_addresses_are_left_alone() {
        let text = "Zie https://school.nl/album?naam=Daan en mailto:daan@x.nl of Daan.";
        assert!(in_web_address(text, text.find("Daan").unwrap(), text.find("Daan").unwrap() + 4));
        assert!(in_web_address(text, text.find("daan@").unwrap(), text.find("daan@").unwrap() + 4));
        assert!(!in_web_address(text, text.rfind("Daan").unwrap(), text.rfind("Daan").unwrap() + 4));
    }

    #[test]
    fn the_disclaimer_goes_at_the_end() {
        let text = "Trots!\r\n";
        let e = append(&draft(text), "Ik werk bij X.");
        assert_eq!((e.start, e.with.as_str()), (6, "\r\n\r\nIk werk bij X."));
        let html = "<html><body><p>Trots!</p>\n</body></html>";
        let e = append(&Draft { text: html, published: html, markup: Markup::Html }, "Ik werk bij A & B.");
        assert_eq!(e.with, "<p>Ik werk bij A &amp; B.</p>\n");
        assert_eq!(e.start, html.find("</body>").unwrap());
    }
}
