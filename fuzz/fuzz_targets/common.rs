//! What the fuzz targets share: the scanner built once, the properties every finding must have,
//! and a scratch file for the readers that take a path.
//!
//! The properties are computed here independently of the library (line and column by counting),
//! so that a wrong map in the library shows as a failed assertion, not as the same wrong answer
//! twice.

#![allow(dead_code)]

use std::path::PathBuf;
use std::sync::OnceLock;

use postwacht::finding::Finding;
use postwacht::roster::Roster;
use postwacht::scan::{Scanner, Settings};

/// The roster of the targets: names that no rule text, wordlist or explanation holds, so that
/// any of them in a redacted report can only have come from the input.
pub const ROSTER: &str = "Roepnaam;Tussenvoegsel;Achternaam;Groep\n\
    Xandrijn;;Quoppelaar;7\n\
    Zyvaline;van der;Brummelkamp;7\n\
    Okkeltje;de;Wrampelaer;8\n";

/// Every roster string a redacted report must not hold (lower case).
pub const ROSTER_STRINGS: &[&str] = &["xandrijn", "quoppelaar", "zyvaline", "brummelkamp", "okkeltje", "wrampelaer"];

pub fn scanner() -> &'static Scanner {
    static SCANNER: OnceLock<Scanner> = OnceLock::new();
    SCANNER.get_or_init(|| {
        let (roster, _) = Roster::parse("klas.csv", ROSTER.as_bytes()).expect("the targets' roster");
        let settings = Settings { orgs: vec!["OBS De Regenboog".into()], ..Settings::default() };
        Scanner::new(settings, roster).expect("scanner")
    })
}

/// 1-based line and column (in characters) of byte `offset` of `text`, counted from the top.
pub fn position(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset];
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, text[line_start..offset].chars().count() + 1)
}

/// The properties of findings in `text` (a whole text scanned as such): inside the text, on
/// character boundaries, the matched passage is the text there (unless redacted), line and column
/// agree with the offsets, and they come out in order of position.
pub fn check_text_findings(text: &str, findings: &[Finding], redacted: bool) {
    let mut last = (0, 0);
    for f in findings {
        assert!(
            f.start <= f.end && f.end <= text.len(),
            "{}..{} outside a text of {} bytes",
            f.start,
            f.end,
            text.len()
        );
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{}..{} not on char boundaries",
            f.start,
            f.end
        );
        if !redacted {
            assert_eq!(&text[f.start..f.end], f.matched, "matched is not the text at {}..{}", f.start, f.end);
        }
        assert_eq!((f.line, f.column), position(text, f.start), "line/column of start {} ({})", f.start, f.rule);
        assert_eq!((f.end_line, f.end_column), position(text, f.end), "line/column of end {} ({})", f.end, f.rule);
        assert!((f.start, f.end) >= last, "findings out of order: {last:?} then {}..{}", f.start, f.end);
        last = (f.start, f.end);
    }
}

/// A redacted report must hold no roster string, in any spelling case.
pub fn check_redacted_report(findings: &[Finding]) {
    let mut out = Vec::new();
    let mut printer = postwacht::report::Format::Json.printer(false, true);
    printer.findings(&mut out, findings).expect("json report");
    let mut summary = postwacht::report::Summary::default();
    summary.add(findings);
    printer.finish(&mut out, &summary).expect("json report");
    let report = String::from_utf8(out).expect("utf-8 report");
    // Decode the JSON, so that an escaped name (\u0058andrijn) is seen too.
    let value: serde_json::Value = serde_json::from_str(&report).expect("the report is JSON");
    let mut strings = Vec::new();
    collect_strings(&value, &mut strings);
    let seen = strings.join("\n").to_lowercase();
    for secret in ROSTER_STRINGS {
        assert!(!seen.contains(secret), "a redacted report holds the roster string {secret:?}:\n{report}");
    }
}

fn collect_strings(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_strings(v, out)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.push(k.clone());
            collect_strings(v, out);
        }),
        _ => {}
    }
}

/// A file of this process to hand bytes to a reader that takes a path (kept in memory where
/// the system has a RAM disk).
pub fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    let dir = DIR.get_or_init(|| {
        let base =
            if std::path::Path::new("/dev/shm").is_dir() { PathBuf::from("/dev/shm") } else { std::env::temp_dir() };
        let dir = base.join(format!("postwacht-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("scratch folder");
        dir
    });
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("scratch file");
    path
}
