//! Command-line behaviour, from the cases in `fixtures/cli/cases.toml`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde::Deserialize;

#[derive(Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    args: Vec<String>,
    stdin: Option<String>,
    status: i32,
    #[serde(default)]
    stdout_contains: Vec<String>,
    #[serde(default)]
    stdout_excludes: Vec<String>,
    #[serde(default)]
    stderr_contains: Vec<String>,
    json: Option<String>,
}

fn cli_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("cli")
}

/// Run postwacht with arguments and standard input; returns (status, stdout, stderr).
pub fn run(args: &[String], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postwacht"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start postwacht");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(stdin.unwrap_or("").as_bytes()).expect("write stdin");
    drop(input);
    let output = child.wait_with_output().expect("run postwacht");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
    )
}

/// Every finding's offsets, line and column agree with the input it names.
pub fn check_offsets(findings: &[serde_json::Value], stdin: Option<&str>) {
    for f in findings {
        let path = f["path"].as_str().expect("path");
        let input = if path == "-" {
            stdin.expect("stdin").to_string()
        } else {
            std::fs::read_to_string(path).expect("read input")
        };
        let (start, end) = (f["start"].as_u64().expect("start") as usize, f["end"].as_u64().expect("end") as usize);
        assert_eq!(&input[start..end], f["matched"].as_str().expect("matched"), "offsets of {f}");
        let line = input[..start].matches('\n').count() + 1;
        let line_start = input[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = input[line_start..start].chars().count() + 1;
        assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(line as u64), Some(column as u64)), "{f}");
        for field in ["item", "category", "rule", "severity", "message", "guidelines"] {
            assert!(f.get(field).is_some(), "finding lacks {field}: {f}");
        }
    }
}

#[test]
fn command_line_cases() {
    let dir = cli_dir();
    let text = std::fs::read_to_string(dir.join("cases.toml")).expect("cases.toml");
    let cases: Cases = toml::from_str(&text).expect("parse cases.toml");
    let mut failures = Vec::new();
    for case in &cases.case {
        let args: Vec<String> = case.args.iter().map(|a| a.replace("{cli}", &dir.display().to_string())).collect();
        let (status, stdout, stderr) = run(&args, case.stdin.as_deref());
        let mut problems = Vec::new();
        if status != case.status {
            problems.push(format!("status {status}, expected {}", case.status));
        }
        for want in &case.stdout_contains {
            if !stdout.contains(want.as_str()) {
                problems.push(format!("stdout lacks {want:?}"));
            }
        }
        for unwanted in &case.stdout_excludes {
            if stdout.contains(unwanted.as_str()) {
                problems.push(format!("stdout contains {unwanted:?}"));
            }
        }
        for want in &case.stderr_contains {
            if !stderr.contains(want.as_str()) {
                problems.push(format!("stderr lacks {want:?}"));
            }
        }
        match case.json.as_deref() {
            Some("document") => {
                let doc: serde_json::Value = serde_json::from_str(&stdout).expect("json document");
                check_offsets(doc["findings"].as_array().expect("findings"), case.stdin.as_deref());
            }
            Some("lines") => {
                let lines: Vec<serde_json::Value> =
                    stdout.lines().map(|l| serde_json::from_str(l).expect("one json object per line")).collect();
                assert!(!lines.is_empty(), "{}: no findings", case.name);
                check_offsets(&lines, case.stdin.as_deref());
            }
            Some(other) => panic!("unknown json mode {other}"),
            None => {}
        }
        if !problems.is_empty() {
            failures.push(format!(
                "{}:\n    {}\n  stdout:\n{stdout}\n  stderr:\n{stderr}",
                case.name,
                problems.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.case.len(), failures.join("\n"));
}
