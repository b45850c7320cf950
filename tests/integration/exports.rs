//! Comment exports end to end: every finding in `fixtures/exports/` names its item and points
//! into the file (byte range, line, column), items are counted, and `--redact` keeps names,
//! authors and matched text out of the report.

use std::path::{Path, PathBuf};

use crate::cli::run;

fn exports_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("exports")
}

fn roster() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/rosters/groep7.csv").display().to_string()
}

/// Each fixture and how many items it holds. The CSV needs `--text-column`, which would name
/// the JSON Lines field too, so it is scanned on its own.
const FIXTURES: &[(&str, u64)] = &[
    ("facebook-graph.json", 5),
    ("instagram-graph.json", 3),
    ("facebook-dyi.json", 3),
    ("instagram-dyi.json", 2),
    ("youtube.json", 3),
    ("tweets.js", 2),
    ("whatsapp-android.txt", 4),
    ("whatsapp-ios.txt", 3),
    ("reacties.jsonl", 3),
];
const CSV: (&str, u64) = ("reacties.csv", 4);
const CSV_OPTIONS: [&str; 2] = ["--text-column", "Inhoud reactie"];

/// Findings whose text was decoded on the way (escapes, mojibake, entities): the file holds
/// `raw` where the finding says `matched`.
const DECODED: &[(&str, &str, &str)] = &[
    ("facebook-graph.json", "Zoë Jansen", "Zo\\u00eb Jansen"),
    ("facebook-dyi.json", "Zoë", "Zo\\u00c3\\u00ab"),
    ("instagram-dyi.json", "Emre Yılmaz", "Emre Y\\u00c4\\u00b1lmaz"),
    ("reacties.jsonl", "leuke\" foto's", "leuke\\\" foto\\u0027s"),
];

/// Run postwacht on fixtures (all but the CSV, or the CSV) with extra arguments.
fn scan(csv: bool, extra: &[&str]) -> (i32, String, String) {
    let mut args: Vec<String> = ["scan", "--roster", &roster()].iter().map(|s| s.to_string()).collect();
    args.extend(extra.iter().map(|s| s.to_string()));
    if csv {
        args.extend(CSV_OPTIONS.iter().map(|s| s.to_string()));
        args.push(exports_dir().join(CSV.0).display().to_string());
    } else {
        args.extend(FIXTURES.iter().map(|(name, _)| exports_dir().join(name).display().to_string()));
    }
    run(&args, None)
}

#[test]
fn findings_name_their_item_and_point_into_the_file() {
    let mut checked = 0;
    for csv in [false, true] {
        let (status, stdout, stderr) = scan(csv, &["--channel", "school", "--format", "json"]);
        // The JSON Lines fixture has a broken line: exit 2, with the other findings kept.
        assert_eq!(status, if csv { 1 } else { 2 }, "{stderr}");
        if !csv {
            assert!(stderr.contains("reacties.jsonl:3: ongeldige JSON"), "{stderr}");
        }
        let doc: serde_json::Value = serde_json::from_str(&stdout).expect("json document");
        let fixtures: &[(&str, u64)] = if csv { &[CSV] } else { FIXTURES };
        let items: u64 = fixtures.iter().map(|(_, n)| n).sum();
        assert_eq!(doc["summary"]["items"].as_u64(), Some(items));
        let findings = doc["findings"].as_array().expect("findings");
        for (name, _) in fixtures {
            let path = exports_dir().join(name);
            let input = std::fs::read_to_string(&path).expect("fixture");
            let mine: Vec<_> = findings.iter().filter(|f| f["path"] == path.display().to_string()).collect();
            assert!(!mine.is_empty(), "{name} has findings");
            for f in mine {
                checked += 1;
                let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
                let matched = f["matched"].as_str().unwrap();
                let raw = &input[start..end];
                let decoded = DECODED.iter().any(|&(n, m, r)| n == *name && m == matched && r == raw);
                assert!(raw == matched || decoded, "{name}: file has {raw:?} where the finding says {matched:?}");
                let line = input[..start].matches('\n').count() + 1;
                let line_start = input[..start].rfind('\n').map_or(0, |i| i + 1);
                let column = input[line_start..start].chars().count() + 1;
                let place = (f["line"].as_u64(), f["column"].as_u64());
                assert_eq!(place, (Some(line as u64), Some(column as u64)), "{f}");
                assert!(f["item"].as_str().is_some_and(|i| !i.is_empty()), "{name}: no item in {f}");
            }
        }
    }
    assert!(checked >= 25, "only {checked} findings");
}

#[test]
fn redact_keeps_authors_and_names_out() {
    for csv in [false, true] {
        for format in ["human", "jsonl"] {
            let (_, stdout, _) = scan(csv, &["--redact", "--format", format]);
            assert!(stdout.contains("[leerlingnaam]"), "{stdout}");
            for secret in [
                "Noor",
                "Bakker",
                "Zoë",
                "Jansen",
                "Daan",
                "Lotte",
                "Yılmaz",
                "Petra",
                "Karin",
                "Mark",
                "6 12345678",
                "06-12345678",
                "6 87654321",
                "06-87654321",
            ] {
                assert!(!stdout.contains(secret), "--format {format} shows {secret}:\n{stdout}");
            }
        }
    }
}

/// Issue 11 item 7: SARIF regions and GitHub annotations of export findings point at the passage
/// in the file: they end where the passage ends, never on a line before the one they start on.
#[test]
fn sarif_and_github_mark_the_passage_in_the_file() {
    for csv in [false, true] {
        let (_, json, _) = scan(csv, &["--channel", "school", "--format", "json"]);
        let doc: serde_json::Value = serde_json::from_str(&json).expect("json");
        let (_, sarif, _) = scan(csv, &["--channel", "school", "--format", "sarif"]);
        let log: serde_json::Value = serde_json::from_str(&sarif).expect("sarif");
        let results = log["runs"][0]["results"].as_array().expect("results");
        let findings = doc["findings"].as_array().expect("findings");
        assert_eq!(results.len(), findings.len());
        for (r, f) in results.iter().zip(findings) {
            let region = &r["locations"][0]["physicalLocation"]["region"];
            let path = f["path"].as_str().expect("path");
            let input = std::fs::read_to_string(path).expect("fixture");
            let end = f["end"].as_u64().expect("end") as usize;
            let end_line = input[..end].matches('\n').count() + 1;
            let end_line_start = input[..end].rfind('\n').map_or(0, |i| i + 1);
            let end_column = input[end_line_start..end].chars().count() + 1;
            assert_eq!(region["startLine"].as_u64(), f["line"].as_u64(), "{r}");
            assert_eq!(region["startColumn"].as_u64(), f["column"].as_u64(), "{r}");
            assert_eq!(region["endLine"].as_u64(), Some(end_line as u64), "{path}: {region}");
            assert_eq!(region["endColumn"].as_u64(), Some(end_column as u64), "{path}: {region}");
        }
        let (_, github, _) = scan(csv, &["--channel", "school", "--format", "github"]);
        let mut annotated = 0;
        for line in github.lines().filter(|l| l.starts_with("::")) {
            let field = |key: &str| {
                line.split([' ', ',', ':'])
                    .find_map(|p| p.strip_prefix(&format!("{key}=")))
                    .map(|v| v.parse::<usize>().expect("number"))
            };
            let (Some(start), Some(end)) = (field("line"), field("endLine")) else { continue };
            annotated += 1;
            assert!(end >= start, "{line}");
            if end == start {
                assert!(
                    field("col").is_some() && field("endColumn").is_some(),
                    "one-line range without columns: {line}"
                );
            }
        }
        assert_eq!(annotated, findings.len(), "{github}");
    }
}
