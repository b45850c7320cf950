//! The wordlists in `wordlists/`, embedded in the binary, and the two formats they use.
//!
//! Tab-separated files have a header row and one entry per row; plain lists have one word per
//! line. This module only reads the formats; [`crate::lexicon`] gives the rows their meaning and
//! [`crate::phrase`] compiles the phrase syntax of their terms.

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
    VIOLENCE => "violence.tsv",
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
