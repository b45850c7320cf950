//! The baseline reader (`Baseline::open`, which takes a path: the bytes go to a scratch file),
//! with the key given as POSTWACHT_BASELINE_KEY would give it. A baseline read hides at most the
//! findings there are, says how many it hid, and hides only findings it holds a fingerprint of.
#![no_main]

#[path = "common.rs"]
mod common;

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use postwacht::baseline::{Baseline, Key, KeySource};
use postwacht::finding::Finding;
use postwacht::roster::Roster;
use postwacht::scan::{Location, Scanner, Settings};

/// The key the seeds were written with (fuzz/seed-corpus).
const KEY: &str = "0000000000000000000000000000000000000000000000000000000000000001";

/// Findings with fingerprints, found once.
fn findings() -> &'static [Finding] {
    static FINDINGS: OnceLock<Vec<Finding>> = OnceLock::new();
    FINDINGS.get_or_init(|| {
        let (roster, _) = Roster::parse("klas.csv", common::ROSTER.as_bytes()).expect("roster");
        let settings = Settings { fingerprint_key: Key::from_hex(KEY), ..Settings::default() };
        let scanner = Scanner::new(settings, roster).expect("scanner");
        let text =
            "Gefeliciteerd Xandrijn Quoppelaar! Wat een kutschool, bel 06-12345678.\nOkkeltje de Wrampelaer is ziek.";
        let found = scanner.findings(text, &Location::file("concept.txt"), false);
        assert!(found.len() >= 3, "the baseline target needs findings to hide: {found:?}");
        found
    })
}

fuzz_target!(|data: &[u8]| {
    let path = common::scratch("postwacht-baseline.json", data);
    let source = KeySource { file: None, variable: Some(KEY.into()) };
    let Ok(mut baseline) = Baseline::open(&path, &source) else { return };
    let all = findings();
    let mut kept = all.to_vec();
    let hidden = baseline.retain_new(&mut kept);
    assert_eq!(hidden + kept.len(), all.len(), "hid {hidden} but kept {} of {}", kept.len(), all.len());
    // What is kept is what there was, in the same order.
    let mut rest = all.iter();
    for f in &kept {
        assert!(rest.any(|g| (g.start, g.end, g.rule) == (f.start, f.end, f.rule)), "a kept finding out of order");
    }
});
