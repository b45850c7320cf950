//! Dutch vocabulary must not set off the abuse check by accident.
//!
//! Every lower-case word of the OpenTaal word list (`/usr/share/dict/nederlands`, Debian package
//! `wdutch`; `.ci/run` installs it and sets `POSTWACHT_DICTIONARY`) is scanned on its own. The words
//! that raise an abuse finding must be exactly the ones in `wordlists/audit/flagged-dictionary-words.txt`,
//! a list a person reviewed: each is abusive in its own right (kankerlijer, flikker). A new
//! flagged word means a wordlist change made an ordinary word fire (add a sense to `safe.tsv`) or
//! found a new abusive word (review it and add it to the audit list). Without the dictionary, the
//! test runs over `common_words.txt`, where nothing may be flagged at all.
//!
//! `POSTWACHT_UPDATE_AUDIT=1` rewrites the audit list from the current findings, for review.

use std::collections::BTreeSet;
use std::path::Path;

use postwacht::finding::Severity;
use postwacht::roster::Roster;
use postwacht::scan::{Scanner, Settings};
use postwacht::wordlists;

const AUDIT: &str = "wordlists/audit/flagged-dictionary-words.txt";

/// The words among `words` that raise an abuse finding (warning or error) on their own.
fn flagged(words: &[&str]) -> BTreeSet<String> {
    let scanner = Scanner::new(Settings::default(), Roster::default()).expect("scanner");
    let mut out = BTreeSet::new();
    for chunk in words.chunks(5000) {
        // One word per line, scanned as one text: far faster than one scan per word.
        let text = chunk.join("\n");
        let starts: Vec<usize> = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        for hit in scanner.check(&text) {
            if hit.rule.category.is_abuse() && hit.severity >= Severity::Warning {
                let line = starts.partition_point(|&s| s <= hit.start) - 1;
                out.insert(chunk[line].to_string());
            }
        }
    }
    out
}

#[test]
fn common_words_raise_no_abuse() {
    let words: Vec<&str> = wordlists::COMMON_WORDS.words().collect();
    let hits = flagged(&words);
    assert!(hits.is_empty(), "common words flagged as abuse: {hits:?}");
}

#[test]
fn dictionary_words_flagged_as_abuse_are_reviewed() {
    let path = std::env::var("POSTWACHT_DICTIONARY").ok();
    let required = path.is_some();
    let path = path.unwrap_or_else(|| "/usr/share/dict/nederlands".into());
    let Ok(dictionary) = std::fs::read_to_string(&path) else {
        assert!(!required, "POSTWACHT_DICTIONARY={path} cannot be read");
        println!("note: {path} not found (apt-get install wdutch); only common_words.txt was checked");
        return;
    };
    let words: Vec<&str> = dictionary
        .lines()
        .filter(|w| !w.is_empty() && w.chars().next().is_some_and(char::is_lowercase) && !w.contains(' '))
        .collect();
    let found = flagged(&words);
    let audit_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(AUDIT);
    if std::env::var_os("POSTWACHT_UPDATE_AUDIT").is_some() {
        let body: String = found.iter().map(|w| format!("{w}\n")).collect();
        std::fs::write(&audit_path, body).expect("write audit list");
        return;
    }
    let reviewed: BTreeSet<String> = std::fs::read_to_string(&audit_path)
        .expect("audit list")
        .lines()
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let new: Vec<&String> = found.difference(&reviewed).collect();
    let stale: Vec<&String> = reviewed.difference(&found).collect();
    assert!(
        new.is_empty() && stale.is_empty(),
        "dictionary words newly flagged as abuse (innocent? add a sense to safe.tsv; abusive? add to {AUDIT}): {new:?}\n\
         reviewed words no longer flagged (remove from {AUDIT} or restore the term): {stale:?}"
    );
}
