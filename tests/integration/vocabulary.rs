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
    // Required: without the dictionary this test would check nothing and pass.
    let path = std::env::var("POSTWACHT_DICTIONARY").unwrap_or_else(|_| "/usr/share/dict/nederlands".into());
    let dictionary = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "the OpenTaal word list {path} cannot be read ({e}): install it with 'apt-get install wdutch' \
             (.ci/run does), or name it with POSTWACHT_DICTIONARY"
        )
    });
    let words: Vec<&str> = dictionary
        .lines()
        .filter(|w| !w.is_empty() && w.chars().next().is_some_and(char::is_lowercase) && !w.contains(' '))
        .collect();
    let found = flagged(&words);
    let audit_path = Path::new(env!("CARGO_MANIFEST_DIR")).join(AUDIT);
    if std::env::var_os("POSTWACHT_UPDATE_AUDIT").is_some() {
        let body: String = found.iter().map(|w| format!("{w}\n")).collect();
        std::fs::write(&audit_path, body).expect("write audit list");
        // Rewriting is not checking: fail, so that an updating run never counts as a pass.
        panic!(
            "{AUDIT} rewritten with {} words: review its diff, then run again without POSTWACHT_UPDATE_AUDIT",
            found.len()
        );
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
