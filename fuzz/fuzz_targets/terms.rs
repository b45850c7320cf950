//! The phrase compiler for the school's own terms, and a whole `postwacht.toml`. First byte: 0
//! one term, 1 a configuration file. A term either compiles or is refused with a (Dutch)
//! message; a compiled term goes into an automaton that is built, and every phrase that
//! automaton finds in the term's own text lies inside that text's view, in order. Bounded time
//! is libFuzzer's -timeout.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use postwacht::config::ConfigFile;
use postwacht::finding::Category;
use postwacht::lexicon::Lexicon;
use postwacht::matcher::MatcherBuilder;
use postwacht::normalize::Normalized;
use postwacht::phrase::MAX_WORDS;
use postwacht::terms::{self, ExtraTerm, SchoolTerms};

/// Build an automaton of `school` and run it over `text`'s view.
fn build_and_find(school: &SchoolTerms, text: &str) {
    let mut builder = MatcherBuilder::new();
    terms::add_to(school, &mut builder).expect("terms that compiled are added");
    let matcher = builder.build().expect("the automaton of terms that compiled");
    let view = Normalized::new(text);
    let mut last = 0;
    for found in matcher.find_all(&view) {
        assert!(found.start < found.end && found.end <= view.text.len(), "{found:?} outside the view");
        assert!(found.first <= found.last && found.last < view.tokens.len(), "{found:?}: tokens");
        assert!(found.start >= last, "found out of order: {found:?} after {last}");
        last = found.start;
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    if selector == 0 {
        let term = String::from_utf8_lossy(bytes);
        match terms::compile(&term) {
            Ok(pattern) => {
                let (least, most) = pattern.phrase.len_range();
                assert!(least <= most && most <= MAX_WORDS, "{term:?}: {least}..{most} words");
                let school = SchoolTerms {
                    extra: vec![ExtraTerm { term: term.to_string(), category: Category::Insult, severity: None }],
                    ..SchoolTerms::default()
                };
                build_and_find(&school, &term);
            }
            Err(message) => assert!(!message.is_empty()),
        }
        return;
    }
    let path = common::scratch("postwacht.toml", bytes);
    let Ok(config) = ConfigFile::load(&path) else { return };
    let lexicon = Lexicon::get().expect("the wordlists");
    if let Ok(school) = config.terms(lexicon) {
        let text: String = school
            .extra
            .iter()
            .map(|t| t.term.as_str())
            .chain(school.allow.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" . ");
        build_and_find(&school, &text);
    }
});
