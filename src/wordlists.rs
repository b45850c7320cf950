//! The wordlists in `wordlists/`, embedded in the binary, and the two formats they use.
//!
//! Tab-separated files have a header row and one entry per row; plain lists have one word per
//! line. Terms use the phrase syntax of `wordlists/README.md`: `(a|b|)` stands for any one of its
//! alternatives, an empty alternative makes the group optional. This module only reads the
//! formats; [`crate::lexicon`] gives the rows their meaning.

use std::fmt;

/// One embedded wordlist file.
#[derive(Clone, Copy, Debug)]
pub struct File {
    pub name: &'static str,
    pub text: &'static str,
}

macro_rules! embedded {
    ($($ident:ident => $file:literal),* $(,)?) => {
        $(pub const $ident: File = File { name: $file, text: include_str!(concat!("../wordlists/", $file)) };)*
        /// Every embedded wordlist file.
        pub const ALL: &[File] = &[$($ident),*];
    };
}

embedded! {
    ABUSE => "abuse.tsv",
    COMMON_WORDS => "common_words.txt",
    CONFIDENTIAL => "confidential.tsv",
    CONFUSABLES => "confusables.tsv",
    CONTEXT => "context.tsv",
    DISCLAIMER => "disclaimer.tsv",
    FIRST_NAMES => "first_names.txt",
    GROUPS => "groups.tsv",
    HATE => "hate.tsv",
    MEDIA => "media.tsv",
    SAFE => "safe.tsv",
    THREATS => "threats.tsv",
}

/// A problem in a wordlist: which file, which line, what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WordlistError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for WordlistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for WordlistError {}

/// A row of a tab-separated file, with its 1-based line number.
#[derive(Clone, Debug)]
pub struct Row<'a> {
    pub line: usize,
    pub fields: Vec<&'a str>,
}

impl File {
    fn error(&self, line: usize, message: impl Into<String>) -> WordlistError {
        WordlistError { file: self.name.to_string(), line, message: message.into() }
    }

    /// The rows of a tab-separated file whose header must be exactly `header`.
    pub fn rows(&self, header: &[&str]) -> Result<Vec<Row<'static>>, WordlistError> {
        let mut lines = self.text.lines().enumerate();
        let Some((_, first)) = lines.next() else {
            return Err(self.error(1, "het bestand is leeg"));
        };
        let found: Vec<&str> = first.split('\t').collect();
        if found != header {
            return Err(self.error(1, format!("kopregel moet zijn: {}", header.join(" | "))));
        }
        let mut rows = Vec::new();
        for (i, line) in lines {
            let fields: Vec<&'static str> = line.split('\t').collect();
            if fields.len() != header.len() {
                return Err(self.error(i + 1, format!("{} velden verwacht, {} gevonden", header.len(), fields.len())));
            }
            if fields.iter().any(|f| f.trim().is_empty() || f.trim() != *f) {
                return Err(self.error(i + 1, "leeg veld of spaties rond een veld (gebruik '-')"));
            }
            rows.push(Row { line: i + 1, fields });
        }
        Ok(rows)
    }

    /// The words of a one-word-per-line file.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines().map(str::trim).filter(|l| !l.is_empty())
    }

    /// Build a [`WordlistError`] for a row of this file.
    pub fn row_error(&self, row: &Row<'_>, message: impl Into<String>) -> WordlistError {
        self.error(row.line, message)
    }
}

/// The look-alike characters and the Latin letters they stand for.
pub fn confusables() -> impl Iterator<Item = (char, &'static str)> {
    CONFUSABLES.text.lines().skip(1).filter_map(|line| {
        let mut fields = line.split('\t');
        let c = fields.next()?.chars().next()?;
        let latin = fields.next()?;
        Some((c, latin))
    })
}

/// The most phrases one term may stand for.
pub const MAX_EXPANSION: usize = 4096;

/// Expand the phrase syntax: `ik (maak|sla) je (af|)` → the phrases it stands for, with spaces
/// normalised (an empty alternative leaves no double space).
pub fn expand(term: &str) -> Result<Vec<String>, String> {
    let mut phrases = vec![String::new()];
    let mut rest = term;
    while !rest.is_empty() {
        if let Some(open) = rest.find('(') {
            let close = rest[open..].find(')').map(|c| open + c).ok_or("'(' zonder ')'")?;
            let inner = &rest[open + 1..close];
            if inner.contains('(') {
                return Err("groepen mogen niet genest zijn".into());
            }
            let literal = &rest[..open];
            if literal.contains(')') {
                return Err("')' zonder '('".into());
            }
            let alternatives: Vec<&str> = inner.split('|').collect();
            let mut next = Vec::with_capacity(phrases.len() * alternatives.len());
            for p in &phrases {
                for alt in &alternatives {
                    next.push(format!("{p}{literal}{alt}"));
                }
            }
            if next.len() > MAX_EXPANSION {
                return Err(format!("staat voor meer dan {MAX_EXPANSION} zinnen"));
            }
            phrases = next;
            rest = &rest[close + 1..];
        } else {
            if rest.contains(')') {
                return Err("')' zonder '('".into());
            }
            for p in &mut phrases {
                p.push_str(rest);
            }
            rest = "";
        }
    }
    let mut out: Vec<String> =
        phrases.into_iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).collect();
    if out.iter().any(String::is_empty) {
        return Err("een van de varianten is leeg".into());
    }
    out.sort();
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expands_alternatives_and_optional_words() {
        assert_eq!(expand("ik (maak|sla) je").unwrap(), ["ik maak je", "ik sla je"]);
        assert_eq!(expand("(vieze |)homo").unwrap(), ["homo", "vieze homo"]);
        assert_eq!(expand("ik (ga |)je (af|dood)").unwrap().len(), 4);
        assert_eq!(expand("ik ( |)je").unwrap(), ["ik je"]);
        assert_eq!(expand("kanker").unwrap(), ["kanker"]);
    }

    #[test]
    fn rejects_broken_syntax() {
        assert!(expand("ik (maak").is_err());
        assert!(expand("ik maak)").is_err());
        assert!(expand("((a|b)|c)").is_err());
        assert!(expand("(|)").is_err());
        assert!(expand("(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)(a|b|c|d)").is_err());
    }
}
