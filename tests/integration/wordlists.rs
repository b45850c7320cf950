//! Wordlist hygiene: every list in `wordlists/` is sorted, free of duplicates, written in
//! normalised form and parses into the lexicon. See `wordlists/README.md`.

use std::collections::HashSet;

use postwacht::lexicon::{Lexicon, Mode};
use postwacht::normalize::normalize_term;
use postwacht::wordlists::{self, File};

fn data_lines(file: &File) -> Vec<&'static str> {
    file.text.lines().collect()
}

#[test]
fn every_list_parses() {
    if let Err(e) = Lexicon::get() {
        panic!("{e}");
    }
}

#[test]
fn tables_are_sorted_and_unique() {
    for file in wordlists::ALL.iter().filter(|f| f.name.ends_with(".tsv")) {
        let lines = data_lines(file);
        assert!(!lines.is_empty(), "{} is empty", file.name);
        let rows = &lines[1..];
        for (i, pair) in rows.windows(2).enumerate() {
            assert!(
                pair[0] <= pair[1],
                "{}:{}: not sorted (LC_ALL=C sort): {:?} before {:?}",
                file.name,
                i + 3,
                pair[0],
                pair[1]
            );
        }
        let mut keys = HashSet::new();
        for (i, row) in rows.iter().enumerate() {
            let key: Vec<&str> = row.split('\t').take(2).collect();
            assert!(keys.insert(key.clone()), "{}:{}: duplicate {:?}", file.name, i + 2, key);
        }
    }
}

#[test]
fn word_lists_are_sorted_unique_and_normalised() {
    for file in [wordlists::COMMON_WORDS, wordlists::FIRST_NAMES] {
        let words: Vec<&str> = file.words().collect();
        assert!(words.len() > 1, "{} is empty", file.name);
        for (i, pair) in words.windows(2).enumerate() {
            assert!(
                pair[0] < pair[1],
                "{}:{}: not sorted or duplicate: {:?}, {:?}",
                file.name,
                i + 2,
                pair[0],
                pair[1]
            );
        }
        for (i, word) in words.iter().enumerate() {
            assert!(
                word.chars().all(|c| c.is_ascii_lowercase() || c == '\'' || c == '-'),
                "{}:{}: {word:?} is not lower-case ASCII",
                file.name,
                i + 1
            );
            let written = word.replace(['\'', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" ");
            // Words with three equal letters (ideeën → ideeen) fold when typed without the
            // diaeresis; the lexicon keeps both spellings.
            let triple = written.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]);
            assert!(triple || normalize_term(word) == written, "{}:{}: {word:?} not normalised", file.name, i + 1);
        }
    }
}

#[test]
fn ambiguous_entries_explain_themselves() {
    let lexicon = Lexicon::get().expect("lexicon");
    for entry in &lexicon.abuse {
        if entry.term.mode == Mode::Addressed {
            assert!(
                entry.note != "-" && entry.note.len() > 3,
                "abuse.tsv:{}: addressed term needs a note",
                entry.term.line
            );
        }
    }
    for line in wordlists::GROUPS.text.lines().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        if fields[4] == "addressed" {
            assert!(fields[5] != "-", "groups.tsv: addressed term {:?} needs a note", fields[0]);
        }
    }
}

#[test]
fn compound_heads_are_not_common_words_in_disguise() {
    // A compound head in prefix mode matches every word it starts; make sure no head is so short
    // that it swallows ordinary words (the safe list handles the exceptions of longer heads).
    let lexicon = Lexicon::get().expect("lexicon");
    for entry in lexicon.abuse.iter().filter(|e| matches!(e.term.mode, Mode::Prefix | Mode::Suffix)) {
        for phrase in entry.term.phrases() {
            assert!(
                phrase.len() >= 3,
                "abuse.tsv:{}: {phrase:?} is too short for a compound head or tail",
                entry.term.line
            );
        }
    }
}
