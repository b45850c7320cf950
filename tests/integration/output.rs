//! The output formats for tools. SARIF validates against the official 2.1.0 schema (vendored in
//! `tests/schemas/`, see its README) and its regions agree with the input; GitHub annotations and
//! the CSV moderation list parse back to the same findings as the JSON output; nothing matched
//! leaks under `--redact`.

use std::path::{Path, PathBuf};

use postwacht::finding::Finding;
use postwacht::report::{Format, Summary};
use postwacht::roster::Roster;
use postwacht::scan::{Location, Scanner, Settings};
use serde_json::Value;

use crate::cli::run;

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path).display().to_string()
}

fn roster() -> String {
    fixture("rosters/groep7.csv")
}

/// A scratch file for this test binary (names with spaces, commas and colons).
fn scratch(name: &str, text: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("output");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write scratch file");
    path.display().to_string()
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// The JSON findings of the same run, as the reference the other formats must agree with.
fn json_findings(list: &[&str], stdin: Option<&str>) -> Vec<Value> {
    let mut all = args(list);
    all.extend(args(&["--format", "jsonl"]));
    let (_, stdout, _) = run(&all, stdin);
    stdout.lines().map(|l| serde_json::from_str(l).expect("jsonl")).collect()
}

fn input_of(path: &str, stdin: Option<&str>) -> String {
    if path == "-" { stdin.expect("stdin").to_string() } else { std::fs::read_to_string(path).expect("input") }
}

/// 1-based line and column (in characters) of a byte offset.
fn position(text: &str, offset: usize) -> (u64, u64) {
    let line = text[..offset].matches('\n').count() + 1;
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    (line as u64, (text[line_start..offset].chars().count() + 1) as u64)
}

// --- SARIF ---------------------------------------------------------------------------------

fn sarif_validator() -> jsonschema::Validator {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/schemas/sarif-schema-2.1.0.json");
    let mut schema: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("schema json");
    // The official schema's `language` patterns have a stray `]` that strict ECMA-262 rejects, so
    // the schema itself fails the meta-schema's `regex` format. Patch them in memory (the vendored
    // file stays as published) to what they mean: "nl" or "nl-NL".
    for definition in ["run", "toolComponent"] {
        let pattern = &mut schema["definitions"][definition]["properties"]["language"]["pattern"];
        assert_eq!(pattern, "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$", "the schema changed");
        *pattern = Value::from("^[a-zA-Z]{2}(-[a-zA-Z]{2})?$");
    }
    jsonschema::options().should_validate_formats(true).build(&schema).expect("schema compiles")
}

/// Valid against the schema, plus what the schema cannot say: `columnKind` is there, every rule
/// is described, every `ruleIndex` names its rule, and every region starts before it ends.
fn assert_valid_sarif(log: &Value, what: &str) {
    let errors: Vec<String> = sarif_validator().iter_errors(log).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{what}: SARIF does not validate:\n{}", errors.join("\n"));
    assert_eq!(log["version"], "2.1.0");
    let run = &log["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints", "{what}");
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    assert_eq!(rules.len(), postwacht::rules::ALL.len(), "{what}");
    for rule in rules {
        for field in ["shortDescription", "fullDescription", "help"] {
            assert!(
                rule[field]["text"].as_str().is_some_and(|t| !t.is_empty()),
                "{what}: {} lacks {field}",
                rule["id"]
            );
        }
    }
    for result in run["results"].as_array().expect("results") {
        let index = result["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[index]["id"], result["ruleId"], "{what}");
        let region = &result["locations"][0]["physicalLocation"]["region"];
        let start = (region["startLine"].as_u64(), region["startColumn"].as_u64());
        let end = (region["endLine"].as_u64(), region["endColumn"].as_u64());
        assert!(start <= end, "{what}: region ends before it starts: {region}");
    }
}

fn sarif_run(list: &[&str], stdin: Option<&str>) -> (i32, Value) {
    let mut all = args(list);
    all.extend(args(&["--format", "sarif"]));
    let (status, stdout, stderr) = run(&all, stdin);
    let log: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("sarif is json: {e}\n{stdout}\n{stderr}"));
    (status, log)
}

/// Each result's region is the finding's passage in the input, counted in code points with an
/// exclusive end, and points at the same file and rule as the JSON output.
fn assert_regions_match(log: &Value, list: &[&str], stdin: Option<&str>) {
    let findings = json_findings(list, stdin);
    let results = log["runs"][0]["results"].as_array().expect("results");
    assert_eq!(results.len(), findings.len());
    for (result, finding) in results.iter().zip(&findings) {
        let path = finding["path"].as_str().expect("path");
        let input = input_of(path, stdin);
        let (start, end) = (finding["start"].as_u64().unwrap() as usize, finding["end"].as_u64().unwrap() as usize);
        let location = &result["locations"][0]["physicalLocation"];
        let region = &location["region"];
        assert_eq!(
            (region["startLine"].as_u64().unwrap(), region["startColumn"].as_u64().unwrap()),
            position(&input, start)
        );
        assert_eq!((region["endLine"].as_u64().unwrap(), region["endColumn"].as_u64().unwrap()), position(&input, end));
        assert_eq!(result["ruleId"], finding["rule"]);
        let uri = location["artifactLocation"]["uri"].as_str().expect("uri");
        assert!(uri == path || uri.starts_with("file:///"), "{uri} for {path}");
    }
}

#[test]
fn sarif_with_findings_validates_and_points_at_the_passages() {
    let list = ["scan", "--roster", &roster(), &fixture("cli/draft.txt")];
    let (status, log) = sarif_run(&list, None);
    assert_eq!(status, 1);
    assert_valid_sarif(&log, "findings");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 2);
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], true);
    assert_regions_match(&log, &list, None);
}

#[test]
fn sarif_without_findings_validates() {
    let (status, log) = sarif_run(&["scan", &fixture("cli/clean.txt")], None);
    assert_eq!(status, 0);
    assert_valid_sarif(&log, "no findings");
    assert!(log["runs"][0]["results"].as_array().unwrap().is_empty());
}

#[test]
fn sarif_counts_columns_in_code_points_across_emoji_and_lines() {
    // Two emoji (astral, two UTF-16 units each) before the name, and a name broken over two lines.
    let text = "🎉🎉 Ook Zoë Jansen!\nGefeliciteerd Noor\nBakker.\n";
    let list = ["scan", "--roster", &roster(), "-"];
    let (_, log) = sarif_run(&list, Some(text));
    assert_valid_sarif(&log, "emoji");
    let results = log["runs"][0]["results"].as_array().unwrap();
    let region = &results[0]["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startColumn"].as_u64(), region["endColumn"].as_u64()), (Some(8), Some(18)));
    assert_regions_match(&log, &list, Some(text));
    assert!(results.iter().any(|r| {
        let region = &r["locations"][0]["physicalLocation"]["region"];
        region["endLine"].as_u64() > region["startLine"].as_u64()
    }));
}

#[test]
fn sarif_of_several_files_and_a_failure() {
    let odd_name = scratch("nieuws, week 3: Zoë #1.txt", "Gisteren won Noor Bakker.\n");
    let list = ["scan", "--roster", &roster(), &fixture("cli/map"), &odd_name, &fixture("cli/draft.txt")];
    let (status, log) = sarif_run(&list, None);
    assert_eq!(status, 1);
    assert_valid_sarif(&log, "several files");
    assert_regions_match(&log, &list, None);
    let uris: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str().unwrap())
        .collect();
    assert!(uris.iter().any(|u| u.ends_with("/nieuws%2C%20week%203%3A%20Zo%C3%AB%20%231.txt")), "{uris:?}");
    assert!(uris.iter().any(|u| u.ends_with("/a.txt")) && uris.iter().any(|u| u.ends_with("/draft.txt")));

    let (status, log) = sarif_run(&["scan", &fixture("cli/bestaat-niet.txt"), &fixture("cli/draft.txt")], None);
    assert_eq!(status, 2);
    assert_valid_sarif(&log, "a file that failed");
    assert_eq!(log["runs"][0]["invocations"][0]["executionSuccessful"], false);
}

#[test]
fn sarif_carries_no_matched_text_with_or_without_redact() {
    let list = ["scan", "--roster", &roster(), &fixture("cli/draft.txt")];
    let (_, plain) = sarif_run(&list, None);
    let mut redacted = list.to_vec();
    redacted.insert(1, "--redact");
    let (_, log) = sarif_run(&redacted, None);
    assert_valid_sarif(&log, "redacted");
    assert_eq!(plain, log, "SARIF never quotes, so --redact changes nothing");
    // The rules' own examples name made-up pupils; the results must name none.
    let results = log["runs"][0]["results"].to_string();
    for name in ["Noor", "Bakker", "Zoë", "Jansen"] {
        assert!(!results.contains(name), "SARIF quotes {name}: {results}");
    }
}

/// Findings of a comment in an export: the text starts further down the file, and the finding has
/// an item, an author and a time.
fn export_findings() -> Vec<Finding> {
    let (roster, _) = Roster::parse("klas.csv", std::fs::read(roster()).unwrap().as_slice()).expect("roster");
    let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
    let location = Location {
        path: "export/comments.json".into(),
        item: Some("1784_9921".into()),
        author: Some("=HYPERLINK(\"http://x\";\"Piet de Vries\")".into()),
        time: Some("2026-03-14T09:12:00+0000".into()),
        link: None,
        byte_offset: 210,
        line_offset: 11,
        column_offset: 20,
    };
    let text = "Kijk \"Noor Bakker\"; Zoë\nJansen is 06-12345678";
    let findings = scanner.findings(text, &location, false);
    assert!(findings.len() >= 3, "{findings:?}");
    findings
}

fn print(format: Format, redact: bool, findings: &[Finding]) -> String {
    let mut printer = format.printer(false, redact);
    let mut out = Vec::new();
    printer.findings(&mut out, findings).unwrap();
    let mut summary = Summary { files: 1, items: 1, ..Summary::default() };
    summary.add(findings);
    printer.finish(&mut out, &summary).unwrap();
    String::from_utf8(out).expect("utf-8")
}

#[test]
fn sarif_of_an_export_names_the_item_but_not_the_author() {
    let findings = export_findings();
    let text = print(Format::Sarif, false, &findings);
    let log: Value = serde_json::from_str(&text).unwrap();
    assert_valid_sarif(&log, "export");
    let result = &log["runs"][0]["results"][0];
    assert_eq!(result["properties"]["item"], "1784_9921");
    assert!(result["message"]["text"].as_str().unwrap().contains("Bericht 1784_9921"));
    let region = &result["locations"][0]["physicalLocation"]["region"];
    // Line 1 of the comment is line 12 of the file, and its first column is column 21.
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(12), Some(27)));
    let results = log["runs"][0]["results"].to_string();
    for secret in ["Piet", "Noor", "Bakker", "Zoë", "Jansen", "06-1234"] {
        assert!(!results.contains(secret), "SARIF of an export holds {secret}");
    }
}

// --- GitHub annotations --------------------------------------------------------------------

struct Annotation {
    command: String,
    properties: Vec<(String, String)>,
    message: String,
}

impl Annotation {
    fn get(&self, key: &str) -> Option<&str> {
        self.properties.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

fn unescape(text: &str) -> String {
    text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":").replace("%2C", ",").replace("%25", "%")
}

/// Parse `::command key=value,…::message` as the runner does.
fn annotations(stdout: &str) -> Vec<Annotation> {
    stdout
        .lines()
        .map(|line| {
            let rest = line.strip_prefix("::").unwrap_or_else(|| panic!("not a workflow command: {line}"));
            let (head, message) = rest.split_once("::").expect("message separator");
            let (command, properties) = head.split_once(' ').unwrap_or((head, ""));
            let properties = properties
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| {
                    let (k, v) = p.split_once('=').expect("key=value");
                    (k.to_string(), unescape(v))
                })
                .collect();
            Annotation { command: command.to_string(), properties, message: unescape(message) }
        })
        .collect()
}

#[test]
fn github_annotations_agree_with_the_findings() {
    let odd_name = scratch("week 3, dag 2: concept.txt", "🎉 Gefeliciteerd Noor\nBakker en Zoë Jansen! 50% klaar.\n");
    let list = ["scan", "--roster", &roster(), &odd_name, &fixture("cli/draft.txt")];
    let mut all = args(&list);
    all.extend(args(&["--format", "github"]));
    let (status, stdout, _) = run(&all, None);
    assert_eq!(status, 1);
    let findings = json_findings(&list, None);
    let annotations = annotations(&stdout);
    assert_eq!(annotations.len(), findings.len());
    for (a, f) in annotations.iter().zip(&findings) {
        assert_eq!(a.command, "error");
        let path = f["path"].as_str().unwrap();
        assert_eq!(a.get("file"), Some(path));
        let input = input_of(path, None);
        let (start, end) = (f["start"].as_u64().unwrap() as usize, f["end"].as_u64().unwrap() as usize);
        let ((line, col), (end_line, end_col)) = (position(&input, start), position(&input, end));
        assert_eq!(a.get("line"), Some(line.to_string().as_str()));
        assert_eq!(a.get("endLine"), Some(end_line.to_string().as_str()));
        if line == end_line {
            assert_eq!(a.get("col"), Some(col.to_string().as_str()));
            assert_eq!(a.get("endColumn"), Some(end_col.to_string().as_str()));
        } else {
            assert_eq!((a.get("col"), a.get("endColumn")), (None, None), "columns on a range over lines");
        }
        assert!(a.get("title").unwrap().starts_with(f["rule"].as_str().unwrap()));
        assert!(a.message.starts_with(f["message"].as_str().unwrap()));
        assert!(a.message.contains("\nWat kun je doen: ") && a.message.contains("\nProtocol: SGH"));
    }
    for name in ["Noor", "Bakker", "Jansen"] {
        assert!(!stdout.contains(name), "annotation quotes {name}");
    }
}

#[test]
fn github_severities_and_standard_input() {
    let text = "Trots op mijn leerlingen van het Amadeus vandaag! Bekijk de fotos van het schoolreisje.";
    let (_, stdout, _) = run(&args(&["scan", "--org", "Amadeus", "--format", "github"]), Some(text));
    let annotations = annotations(&stdout);
    let commands: Vec<&str> = annotations.iter().map(|a| a.command.as_str()).collect();
    assert!(commands.contains(&"warning") && commands.contains(&"notice"), "{commands:?}");
    for a in &annotations {
        assert_eq!(a.get("file"), None, "standard input has no file");
        assert!(a.message.starts_with("regel 1, kolom "), "{}", a.message);
    }
}

// --- CSV moderation list -------------------------------------------------------------------

const HEADER: [&str; 13] = [
    "bestand",
    "bericht",
    "auteur",
    "tijd",
    "regel",
    "kolom",
    "ernst",
    "categorie",
    "code",
    "artikelen",
    "melding",
    "wat te doen",
    "passage",
];

/// The rows of a moderation list, after checking the byte order mark; the first row is the header.
fn rows(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').expect("UTF-8 byte order mark for spreadsheets");
    csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.expect("valid csv").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn csv_rows_agree_with_the_findings() {
    let list = ["scan", "--roster", &roster(), &fixture("cli/map"), &fixture("cli/draft.txt")];
    let mut all = args(&list);
    all.extend(args(&["--format", "csv"]));
    let (status, stdout, _) = run(&all, None);
    assert_eq!(status, 1);
    let rows = rows(&stdout);
    assert_eq!(rows[0], HEADER);
    let findings = json_findings(&list, None);
    assert_eq!(rows.len() - 1, findings.len());
    for (row, f) in rows[1..].iter().zip(&findings) {
        assert_eq!(row[0], f["path"].as_str().unwrap());
        assert_eq!(row[4], f["line"].to_string());
        assert_eq!(row[5], f["column"].to_string());
        assert_eq!(row[8], f["rule"].as_str().unwrap());
        assert!(row[9].starts_with("SGH "), "{}", row[9]);
        assert_eq!(row[10], f["message"].as_str().unwrap());
        assert_eq!(row[12], f["matched"].as_str().unwrap());
    }
}

#[test]
fn csv_without_findings_is_just_the_header() {
    let (status, stdout, _) = run(&args(&["scan", "--format", "csv", &fixture("cli/clean.txt")]), None);
    assert_eq!(status, 0);
    assert_eq!(rows(&stdout), vec![HEADER.to_vec()]);
}

#[test]
fn csv_of_an_export_quotes_and_defuses_cells() {
    let findings = export_findings();
    let rows = rows(&print(Format::Csv, false, &findings));
    assert_eq!(rows.len() - 1, findings.len(), "a passage over two lines stays one row");
    let first = &rows[1];
    assert_eq!(first[1], "1784_9921");
    assert_eq!(first[2], "'=HYPERLINK(\"http://x\";\"Piet de Vries\")", "a formula in a cell is defused");
    assert_eq!(first[3], "2026-03-14T09:12:00+0000");
    assert_eq!(first[4], "12");
    assert!(rows.iter().any(|r| r[12].contains('\n')), "the name over two lines is one cell");
}

#[test]
fn csv_under_redact_has_no_author_and_no_passage() {
    let findings = export_findings();
    let text = print(Format::Csv, true, &findings);
    let rows = rows(&text);
    let header: Vec<&str> = HEADER.iter().copied().filter(|h| *h != "auteur" && *h != "passage").collect();
    assert_eq!(rows[0], header);
    for secret in ["Piet", "Noor", "Bakker", "Zoë", "Jansen", "06-1234"] {
        assert!(!text.contains(secret), "redacted moderation list holds {secret}");
    }
}
