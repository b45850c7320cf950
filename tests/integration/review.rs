//! The review page under `--redact`, searched for everything it must not hold; and `fix
//! --write` on a copy of a draft, twice.

use std::path::{Path, PathBuf};
use std::process::Command;

use postwacht::report::html::escape;
use serde_json::Value;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn postwacht(args: &[String]) -> (Option<i32>, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_postwacht")).args(args).output().expect("run postwacht");
    (
        output.status.code(),
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
    )
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter()
        .map(|a| if a.starts_with("fixtures/") { root().join(a).display().to_string() } else { a.to_string() })
        .collect()
}

/// Is `word` in `text` as a word of its own (not inside a longer word)?
fn has_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn redacted_review_page_holds_no_name_passage_or_author() {
    let inputs = [
        "fixtures/example/concept.txt",
        "fixtures/cli/nieuwsbrief.md",
        "fixtures/cli/nieuwsbrief.html",
        "fixtures/exports/facebook-graph.json",
        "fixtures/exports/youtube.json",
        "fixtures/exports/whatsapp-android.txt",
        "fixtures/exports/instagram-graph.json",
        "fixtures/exports/reacties.jsonl",
        "fixtures/exports/tweets.js",
    ];
    let common = ["scan", "--no-config", "--roster", "fixtures/rosters/groep7.csv", "--org", "OBS De Regenboog"];
    let mut plain = args(&common);
    plain.extend(args(&["--format", "json"]));
    plain.extend(args(&inputs));
    let (_, json, _) = postwacht(&plain);
    let findings: Vec<Value> =
        serde_json::from_str::<Value>(&json).expect("json")["findings"].as_array().unwrap().clone();
    let mut redacted = args(&common);
    redacted.extend(args(&["--redact", "--format", "html"]));
    redacted.extend(args(&inputs));
    let (status, page, stderr) = postwacht(&redacted);
    // reacties.jsonl has a damaged line on purpose: status 2, the rest still on the page.
    assert_eq!(status, Some(2), "{stderr}");
    assert!(page.contains("<!DOCTYPE html>") && page.contains("PW101"));
    let mut problems = Vec::new();
    for f in &findings {
        let matched = f["matched"].as_str().unwrap();
        // Our own texts may use the words ("Wat onder ons moet blijven …" is PW305's advice).
        let ours = postwacht::rules::ALL.iter().any(|r| r.advice.contains(matched) || r.message.contains(matched));
        // As written and as the page would write it (escaped), in text, attributes, comments
        // and the script alike.
        let holds = |text: &str| page.contains(text) || page.contains(&escape(text));
        if matched.chars().count() >= 3 && !ours && holds(matched) {
            problems.push(format!("passage {matched:?} ({})", f["rule"]));
        }
        if let Some(author) = f["author"].as_str()
            && holds(author)
        {
            problems.push(format!("author {author:?}"));
        }
    }
    // Every name on the roster: full names in any case, first names and surnames as words.
    let roster = std::fs::read_to_string(root().join("fixtures/rosters/groep7.csv")).unwrap();
    let lower = page.to_lowercase();
    for row in roster.lines().skip(1) {
        let cells: Vec<&str> = row.split(';').collect();
        let (first, particle, last) = (cells[1], cells[2], cells[3]);
        let surname = format!("{particle} {last}").trim().to_string();
        let full = format!("{first} {surname}");
        if lower.contains(&full.to_lowercase()) || lower.contains(&escape(&full).to_lowercase()) {
            problems.push(format!("full name {full:?}"));
        }
        for part in [first, last] {
            if has_word(&page, part) || has_word(&page, &escape(part)) {
                problems.push(format!("name {part:?}"));
            }
        }
    }
    assert!(problems.is_empty(), "the redacted page holds: {}", problems.join(", "));
    assert!(findings.iter().any(|f| f["author"].is_string()), "the inputs have authors to leave out");
}

#[test]
fn fix_write_rewrites_the_file_once() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fix-write");
    std::fs::create_dir_all(&dir).unwrap();
    let draft = dir.join("concept.md");
    let original = std::fs::read_to_string(root().join("fixtures/cli/nieuwsbrief.md")).unwrap();
    std::fs::write(&draft, &original).unwrap();
    let run = || {
        postwacht(&args(&[
            "fix",
            "--no-config",
            "--write",
            "--roster",
            "fixtures/rosters/groep7.csv",
            &draft.display().to_string(),
        ]))
    };
    let (_, stdout, stderr) = run();
    assert!(stdout.is_empty(), "--write prints no text: {stdout}");
    assert!(stderr.contains("aangepast en geschreven"), "{stderr}");
    let once = std::fs::read_to_string(&draft).unwrap();
    assert_ne!(once, original);
    assert!(
        !once.contains("Noor Bakker")
            && once.starts_with("---\ntitle: \"Schoolreis groep 7: een leerling wint de quiz\"\ndate:")
    );
    // The structure stands: front matter, the code block, the comment, the link.
    for kept in [
        "\n---\n\n# Naar Artis\n",
        "```text\n",
        "<!-- Nog navragen bij Mila Dekker -->",
        "(https://example.invalid/verslag/liam-bos \"Verslag\")",
    ] {
        assert!(once.contains(kept), "{kept:?} is gone:\n{once}");
    }
    let (_, _, stderr) = run();
    assert!(stderr.contains("niets aangepast"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), once, "a second fix changes nothing");
}

/// The worklist's deadlines as of a "now" the test sets (`POSTWACHT_NOW`), around Koningsdag
/// (Monday 27 April 2026, no working day): a comment of Friday afternoon must be gone by Tuesday
/// afternoon, one of Tuesday morning by Wednesday morning. Export times are UTC (summer time:
/// two hours behind the Dutch clock); "now" is on the Dutch clock.
#[test]
fn worklist_marks_what_is_overdue_as_of_now() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("overdue");
    std::fs::create_dir_all(&dir).unwrap();
    let export = dir.join("reacties.jsonl");
    std::fs::write(
        &export,
        "{\"id\": \"vrijdag\", \"author\": \"Petra\", \"time\": \"2026-04-24T14:00:00Z\", \"text\": \"Knap gedaan Noor Bakker!\"}\n\
         {\"id\": \"dinsdag\", \"author\": \"Karin\", \"time\": \"2026-04-28T08:00:00Z\", \"text\": \"Liam Bos was ook goed.\"}\n",
    )
    .unwrap();
    let page_at = |now: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_postwacht"))
            .args(args(&["scan", "--no-config", "--roster", "fixtures/rosters/groep7.csv", "--format", "html"]))
            .arg(&export)
            .env("POSTWACHT_NOW", now)
            .output()
            .expect("run postwacht");
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    };
    // The rows in the order of their deadlines; whether each is marked overdue.
    let overdue = |page: &str| -> Vec<(String, bool)> {
        page.split("<li class=\"row ")
            .skip(1)
            .map(|row| {
                let item = row.split("bericht <code>").nth(1).and_then(|r| r.split('<').next()).unwrap_or("");
                (item.to_string(), row.split('"').next().unwrap_or("").contains("overdue"))
            })
            .collect()
    };
    let rows = |late: [bool; 2]| vec![("vrijdag".to_string(), late[0]), ("dinsdag".to_string(), late[1])];
    let monday = page_at("2026-04-27T23:00");
    assert!(monday.contains("weg vóór <time datetime=\"2026-04-28T16:00\">di 28 apr 2026 16:00</time>"), "{monday}");
    assert!(monday.contains("Geen reactie is te laat."));
    assert_eq!(overdue(&monday), rows([false, false]));
    let tuesday = page_at("2026-04-28T16:30");
    assert!(tuesday.contains("<strong>1 reactie is te laat.</strong>"));
    assert_eq!(overdue(&tuesday), rows([true, false]));
    assert_eq!(tuesday.matches("<strong class=\"late\">te laat</strong>").count(), 1, "overdue in words too");
    let wednesday = page_at("2026-04-29T10:30");
    assert!(wednesday.contains("<strong>2 reacties zijn te laat.</strong>"));
    assert_eq!(overdue(&wednesday), rows([true, true]));
    // A "now" postwacht cannot read is said, not replaced by the computer's clock.
    let output = Command::new(env!("CARGO_BIN_EXE_postwacht"))
        .args(args(&["scan", "--no-config", "--format", "html"]))
        .arg(&export)
        .env("POSTWACHT_NOW", "gisteren")
        .output()
        .expect("run postwacht");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("POSTWACHT_NOW=\"gisteren\" is geen tijd"));
    assert!(output.stdout.is_empty(), "no page as of the wrong moment");
}
