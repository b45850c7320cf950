//! `postwacht.toml`, inline exceptions and baselines, driven through the command line in
//! temporary folders: discovery, errors with lines, the command line over the file, `init` and
//! `config`, the school's own terms, `postwacht: negeer …` and `postwacht baseline`.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A folder of its own under the system's temporary folder, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("postwacht-config-it-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create scratch folder");
        Scratch(dir)
    }

    /// Write a file (and its folders) under the scratch folder.
    fn write(&self, relative: &str, text: &str) -> PathBuf {
        let path = self.0.join(relative);
        fs::create_dir_all(path.parent().expect("parent")).expect("create folders");
        fs::write(&path, text).expect("write file");
        path
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.0.join(relative)
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Run postwacht in `dir`; returns (status, stdout, stderr).
fn run_in(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_in_with(dir, args, None)
}

/// As [`run_in`], with `POSTWACHT_BASELINE_KEY` set to `key` (or removed: a key in the
/// environment of whoever runs the tests must not decide them).
fn run_in_with(dir: &Path, args: &[&str], key: Option<&str>) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_postwacht"));
    command.args(args).current_dir(dir).env("NO_COLOR", "1").env_remove("POSTWACHT_BASELINE_KEY");
    if let Some(key) = key {
        command.env("POSTWACHT_BASELINE_KEY", key);
    }
    let output = command.output().expect("run postwacht");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("utf-8 stdout"),
        String::from_utf8(output.stderr).expect("utf-8 stderr"),
    )
}

const ROSTER: &str = "Noor Bakker\nZoë Jansen\n";

#[test]
fn discovery_looks_up_to_the_repository_top_and_no_further() {
    let s = Scratch::new("discovery");
    // Above the repository: a file that must never be read (it would fail the run).
    s.write("postwacht.toml", "onzin = 1\n");
    s.write("repo/.git/HEAD", "ref: refs/heads/main\n");
    s.write("repo/postwacht.toml", "orgs = [\"De Kanjer\"]\n[terms]\nallow = [\"Kanker.nl\"]\n");
    s.write("repo/nieuws/2026/a.txt", "Sponsor van de week: Kanker.nl!\n");
    let deep = s.path("repo/nieuws/2026");
    let (status, stdout, stderr) = run_in(&deep, &["scan", "a.txt"]);
    assert_eq!(status, 0, "{stdout}{stderr}");
    let (_, stdout, _) = run_in(&deep, &["config"]);
    assert!(stdout.contains("../../postwacht.toml"), "{stdout}");
    assert!(stdout.contains("De Kanjer"), "{stdout}");
    // --no-config ignores it; --config names another.
    let (status, _, _) = run_in(&deep, &["scan", "--no-config", "a.txt"]);
    assert_eq!(status, 1);
    let (status, _, stderr) = run_in(&deep, &["scan", "--config", "../../../postwacht.toml", "a.txt"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("postwacht.toml:1") && stderr.contains("onzin"), "{stderr}");
    // Outside a repository only the current folder counts.
    fs::remove_dir_all(s.path("repo/.git")).expect("remove .git");
    let (status, _, _) = run_in(&deep, &["scan", "a.txt"]);
    assert_eq!(status, 1);
}

#[test]
fn configuration_errors_name_file_line_and_key() {
    let s = Scratch::new("errors");
    s.write("a.txt", "Hallo.\n");
    for (config, wanted) in [
        ("orgs = [\"De Kanjer\"]\n\norg-domain = \"kanjer.nl\"\n", ["postwacht.toml:3", "org-domain", "org-domains"]),
        ("channel = \"facebook\"\n", ["postwacht.toml:1", "channel", "facebook"]),
        (
            "[terms]\nremove = [\"sukkel\"]\nextra = [{ term = \"x\", category = \"insult\", ernst = \"fout\" }]\n",
            ["postwacht.toml:3", "terms.extra[1].ernst", "onbekende sleutel"],
        ),
        ("fail-on = 3\n", ["postwacht.toml:1", "fail-on", "verkeerde soort waarde"]),
        ("rosters = [\"bestaat-niet.csv\"]\n", ["postwacht.toml:1", "rosters", "bestaat-niet.csv"]),
    ] {
        s.write("postwacht.toml", config);
        let (status, stdout, stderr) = run_in(&s.0, &["scan", "a.txt"]);
        assert_eq!(status, 2, "{config}: {stdout}{stderr}");
        for w in wanted {
            assert!(stderr.contains(w), "{config}: {w} not in {stderr}");
        }
    }
}

#[test]
fn the_command_line_wins_and_lists_add_up() {
    let s = Scratch::new("override");
    s.write("leerlingen.txt", ROSTER);
    s.write("postwacht.toml", "fail-on = \"error\"\nrosters = [\"leerlingen.txt\"]\nchannel = \"school\"\n");
    s.write("a.txt", "Wat een sukkel.\n");
    // The insult is a warning: below the file's fail-on, at the command line's.
    assert_eq!(run_in(&s.0, &["scan", "a.txt"]).0, 0);
    assert_eq!(run_in(&s.0, &["scan", "--fail-on", "warning", "a.txt"]).0, 1);
    let (status, stdout, _) = run_in(&s.0, &["config", "--fail-on", "info", "--roster", "a.txt"]);
    assert_eq!(status, 0);
    let line = |key: &str| stdout.lines().find(|l| l.starts_with(key)).unwrap_or_default().to_string();
    assert!(line("fail-on").contains("info") && line("fail-on").contains("opdrachtregel"), "{stdout}");
    assert!(line("channel").contains("school") && line("channel").contains("postwacht.toml:3"), "{stdout}");
    // Both rosters: the file's first, then the command line's.
    assert!(line("rosters").contains("leerlingen.txt") && stdout.contains("a.txt"), "{stdout}");
    let (_, json, _) = run_in(&s.0, &["config", "--format", "json"]);
    let value: serde_json::Value = serde_json::from_str(&json).expect("config json");
    let channel = value["settings"].as_array().unwrap().iter().find(|v| v["key"] == "channel").unwrap().clone();
    assert_eq!(
        (channel["value"].as_str(), channel["source"].as_str(), channel["line"].as_u64()),
        (Some("school"), Some("file"), Some(3))
    );
}

#[test]
fn init_writes_a_template_that_works_when_uncommented() {
    let s = Scratch::new("init");
    let work = s.path("werk");
    fs::create_dir_all(&work).expect("folder");
    let (status, stdout, _) = run_in(&work, &["init"]);
    assert_eq!(status, 0, "{stdout}");
    let (status, _, stderr) = run_in(&work, &["init"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    assert_eq!(run_in(&work, &["init", "--force"]).0, 0);
    // As written everything is off.
    let (status, stdout, stderr) = run_in(&work, &["config"]);
    assert_eq!(status, 0, "{stderr}");
    assert!(stdout.contains("Instellingenbestand: postwacht.toml") && !stdout.contains("(postwacht.toml:"), "{stdout}");
    // With every example switched on, the file is still valid.
    let template = fs::read_to_string(work.join("postwacht.toml")).expect("template");
    let on: String = template
        .lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase() || c == '[') => rest,
            _ => l,
        })
        .flat_map(|l| [l, "\n"])
        .collect();
    fs::write(work.join("postwacht.toml"), on).expect("write");
    s.write("prive/leerlingen.csv", "Voornaam;Achternaam\nNoor;Bakker\n");
    let (status, stdout, stderr) = run_in(&work, &["config"]);
    assert_eq!(status, 0, "{stdout}{stderr}");
    for key in [
        "orgs",
        "channel",
        "consent-column",
        "terms.extra",
        "terms.remove",
        "terms.allow",
        "fix.pupil-name",
        "fix.disclaimer",
    ] {
        assert!(stdout.lines().any(|l| l.starts_with(key) && l.contains("postwacht.toml:")), "{key}: {stdout}");
    }
}

#[test]
fn the_schools_own_terms_change_the_findings() {
    let s = Scratch::new("terms");
    let text = "Morgen weer les van JUF H3KS.\nWat een sukkel.\nSponsor: Kanker.nl, en verder een kankerschool.\n";
    s.write("a.txt", text);
    let (_, before, _) = run_in(&s.0, &["scan", "--format", "jsonl", "a.txt"]);
    assert!(!before.contains("PW409"), "{before}");
    assert!(before.contains("\"matched\":\"sukkel\""), "{before}");
    assert!(before.contains("\"matched\":\"Kanker\""), "{before}");
    s.write(
        "postwacht.toml",
        "[terms]\nremove = [\"sukkel\"]\nallow = [\"Kanker.nl\"]\n[[terms.extra]]\nterm = \"Juf Heks\"\ncategory = \"insult\"\nseverity = \"warning\"\n",
    );
    let (status, after, stderr) = run_in(&s.0, &["scan", "--format", "jsonl", "a.txt"]);
    assert_eq!(status, 1, "{stderr}");
    let findings: Vec<serde_json::Value> = after.lines().map(|l| serde_json::from_str(l).expect("jsonl")).collect();
    let described: Vec<(String, String, String)> =
        findings.iter().map(|f| (f["rule"].to_string(), f["severity"].to_string(), f["matched"].to_string())).collect();
    assert!(described.contains(&("\"PW409\"".into(), "\"warning\"".into(), "\"JUF H3KS\"".into())), "{after}");
    assert!(!after.contains("\"matched\":\"sukkel\""), "{after}");
    assert!(!after.contains("\"matched\":\"Kanker\""), "{after}");
    // An allowed phrase covers only itself: the other curse is still there.
    assert!(after.contains("kankerschool"), "{after}");
}

#[test]
fn exceptions_work_in_markdown_html_and_plain_text() {
    let s = Scratch::new("suppress");
    s.write("klas.txt", ROSTER);
    s.write(
        "nieuws.md",
        "# Nieuws\n\n<!-- postwacht: negeer PW101 -- ouders gaven toestemming -->\nNoor Bakker won de wedstrijd.\n\nZoë Jansen werd tweede.\n",
    );
    s.write(
        "nieuws.html",
        "<p>Feest!</p>\n<!-- postwacht: negeer PW101, PW402 -->\n<p>Noor Bakker won.</p>\n<p>Zoë Jansen werd tweede.</p>\n",
    );
    s.write("concept.txt", "Hoi allemaal,\npostwacht: negeer PW101\nNoor Bakker won.\nZoë Jansen werd tweede.\n");
    for file in ["nieuws.md", "nieuws.html", "concept.txt"] {
        let (status, out, err) = run_in(&s.0, &["scan", "--roster", "klas.txt", "--format", "jsonl", file]);
        assert_eq!(status, 1, "{file}: {out}{err}");
        assert!(!out.contains("\"matched\":\"Noor Bakker\""), "{file}: {out}");
        assert!(out.contains("\"matched\":\"Zoë Jansen\""), "{file}: {out}");
    }
    // HTML: PW402 hid nothing.
    let (_, out, _) = run_in(&s.0, &["scan", "--roster", "klas.txt", "nieuws.html"]);
    assert!(out.contains("PW901") && out.contains("PW402"), "{out}");
    // Plain text: the line is not checked but must come out before publishing.
    let (_, out, _) = run_in(&s.0, &["scan", "--roster", "klas.txt", "concept.txt"]);
    assert!(out.contains("PW903") && out.contains("haal hem weg"), "{out}");
    assert!(!out.contains("PW901"), "{out}");
}

#[test]
fn broken_exceptions_are_reported() {
    let s = Scratch::new("broken");
    s.write(
        "nieuws.md",
        "<!-- postwacht: negeer -->\nHallo.\n\n<!-- postwacht: negeer PW999 -->\nDag.\n\n<!-- postwacht: negeer PW101 -->\nNiets te zien.\n",
    );
    let (status, out, _) = run_in(&s.0, &["scan", "--format", "jsonl", "nieuws.md"]);
    assert_eq!(status, 1, "{out}");
    let rules: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("jsonl")["rule"].as_str().unwrap_or("").to_string()
        })
        .collect();
    assert_eq!(rules, ["PW902", "PW902", "PW901"], "{out}");
    // The SARIF rule of an exception cites no article and says so.
    let (_, sarif, _) = run_in(&s.0, &["scan", "--format", "sarif", "nieuws.md"]);
    assert!(sarif.contains("verwijst naar geen protocolartikel"), "{sarif}");
}

#[test]
fn a_baseline_hides_what_was_accepted_and_nothing_else() {
    let s = Scratch::new("baseline");
    s.write("klas.txt", ROSTER);
    s.write("nieuws/a.md", "Gisteren won Noor Bakker.\n\nWat een kankerschool.\n");
    fs::create_dir_all(s.path("prive")).expect("folder");
    let write = ["baseline", "--roster", "klas.txt", "--baseline-key", "prive/sleutel", "nieuws"];
    let (status, out, err) = run_in(&s.0, &write);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("2 meldingen"), "{out}");
    assert!(err.contains("sleutelbestand prive/sleutel gemaakt") && err.contains("buiten de repository"), "{err}");
    let written = fs::read_to_string(s.path("postwacht-baseline.json")).expect("baseline written");
    let key = fs::read_to_string(s.path("prive/sleutel")).expect("key file written");
    let key = key.lines().find(|l| !l.starts_with('#')).expect("a key line").to_string();
    assert_eq!(key.len(), 64, "{key}");
    for secret in ["Noor", "Bakker", "noor", "bakker", "kanker", "Zoë", "a.md", &key, "\"key\""] {
        assert!(!written.contains(secret), "{secret} in the baseline: {written}");
    }
    let scan = [
        "scan",
        "--roster",
        "klas.txt",
        "--baseline",
        "postwacht-baseline.json",
        "--baseline-key",
        "prive/sleutel",
        "nieuws",
    ];
    let (status, out, _) = run_in(&s.0, &scan);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("Geen nieuwe meldingen") && out.contains("2 bekende meldingen"), "{out}");
    // The key can come from the environment instead (a CI secret).
    let from_environment = ["scan", "--roster", "klas.txt", "--baseline", "postwacht-baseline.json", "nieuws"];
    let (status, out, err) = run_in_with(&s.0, &from_environment, Some(&key));
    assert_eq!(status, 0, "{out}{err}");
    // Moved down, in other letters: still the same findings. A second occurrence is new.
    s.write("nieuws/a.md", "# Nieuws\n\nWat een KANKERSCHOOL.\n\nGisteren won noor bakker.\nEn Noor Bakker weer.\n");
    let (status, out, _) = run_in(&s.0, &scan);
    assert_eq!(status, 1, "{out}");
    assert!(out.contains("1 nieuwe melding") && out.contains("2 bekende meldingen"), "{out}");
    // JSON says how many the baseline hid; --redact keeps working.
    let mut json = scan.to_vec();
    json.extend(["--format", "json", "--redact"]);
    let (_, out, _) = run_in(&s.0, &json);
    assert!(out.contains("\"hidden_by_baseline\": 2") && !out.contains("Bakker"), "{out}");
    // From another folder the file is still the same file.
    let (status, _, _) = run_in(
        &s.path("nieuws"),
        &[
            "scan",
            "--roster",
            "../klas.txt",
            "--baseline",
            "../postwacht-baseline.json",
            "--baseline-key",
            "../prive/sleutel",
            "a.md",
        ],
    );
    assert_eq!(status, 1);
    // Writing it again with the same key file keeps the key file and the fingerprints.
    s.write("nieuws/a.md", "Gisteren won Noor Bakker.\n\nWat een kankerschool.\n");
    let (status, _, err) = run_in(&s.0, &write);
    assert_eq!(status, 0, "{err}");
    assert!(!err.contains("gemaakt"), "an existing key file is not made again: {err}");
    assert_eq!(written, fs::read_to_string(s.path("postwacht-baseline.json")).expect("baseline"));
    assert_eq!(run_in(&s.0, &scan).0, 0);
}

#[test]
fn a_baseline_without_its_key_or_with_another_is_an_error() {
    let s = Scratch::new("baseline-key");
    s.write("nieuws/a.txt", "Wat een kankerschool.\n");
    // Writing needs a key: postwacht does not choose one it keeps nowhere.
    let (status, _, err) = run_in(&s.0, &["baseline", "nieuws"]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("--baseline-key") && err.contains("POSTWACHT_BASELINE_KEY"), "{err}");
    assert!(!s.path("postwacht-baseline.json").exists());
    assert_eq!(run_in(&s.0, &["baseline", "--baseline-key", "sleutel", "nieuws"]).0, 0);
    // Reading needs it too, and the right one.
    let (status, _, err) = run_in(&s.0, &["scan", "--baseline", "postwacht-baseline.json", "nieuws"]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("postwacht-baseline.json") && err.contains("geheime sleutel nodig"), "{err}");
    let other = "ab".repeat(32);
    let (status, _, err) =
        run_in_with(&s.0, &["scan", "--baseline", "postwacht-baseline.json", "nieuws"], Some(&other));
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("de sleutel past niet bij deze baseline"), "{err}");
    let (status, _, err) =
        run_in_with(&s.0, &["scan", "--baseline", "postwacht-baseline.json", "nieuws"], Some("kort"));
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("POSTWACHT_BASELINE_KEY") && err.contains("64 tekens"), "{err}");
    s.write("kapot-sleutel", "# kop\nniet hex\n");
    let (status, _, err) =
        run_in(&s.0, &["scan", "--baseline", "postwacht-baseline.json", "--baseline-key", "kapot-sleutel", "nieuws"]);
    assert_eq!(status, 2, "{err}");
    assert!(err.contains("kapot-sleutel:2"), "{err}");
}

#[test]
fn an_old_baseline_with_its_key_inside_still_works_with_a_warning() {
    let s = Scratch::new("baseline-old");
    s.write("nieuws/a.txt", "Wat een kankerschool.\n");
    assert_eq!(run_in(&s.0, &["baseline", "--baseline-key", "sleutel", "nieuws"]).0, 0);
    let key = fs::read_to_string(s.path("sleutel")).expect("key");
    let key = key.lines().find(|l| !l.starts_with('#')).expect("a key line");
    // Version 1 had the key where version 2 has its check value.
    let new = fs::read_to_string(s.path("postwacht-baseline.json")).expect("baseline");
    let mut doc: serde_json::Value = serde_json::from_str(&new).expect("json");
    doc["version"] = 1.into();
    doc["key"] = key.into();
    doc.as_object_mut().expect("object").remove("key_check");
    s.write("oud.json", &doc.to_string());
    let (status, out, err) = run_in(&s.0, &["scan", "--baseline", "oud.json", "nieuws"]);
    assert_eq!(status, 0, "{out}{err}");
    assert!(out.contains("1 bekende melding"), "{out}");
    assert!(err.contains("oud.json is een oude baseline waar de sleutel nog in staat"), "{err}");
}

#[test]
fn a_missing_or_damaged_baseline_is_an_error() {
    let s = Scratch::new("baseline-errors");
    s.write("a.txt", "Hallo.\n");
    let (status, _, err) = run_in(&s.0, &["scan", "--baseline", "weg.json", "a.txt"]);
    assert_eq!(status, 2);
    assert!(err.contains("weg.json"), "{err}");
    s.write("kapot.json", "{\"version\": 1,\n \"key\": 5}\n");
    let (status, _, err) = run_in(&s.0, &["scan", "--baseline", "kapot.json", "a.txt"]);
    assert_eq!(status, 2);
    assert!(err.contains("kapot.json") && err.contains("beschadigd"), "{err}");
}

#[test]
fn the_configuration_can_name_the_baseline() {
    let s = Scratch::new("baseline-config");
    s.write("postwacht.toml", "baseline = \"oud/baseline.json\"\nbaseline-key = \"prive/sleutel\"\n");
    s.write("nieuws/a.txt", "Wat een kankerschool.\n");
    fs::create_dir_all(s.path("oud")).expect("folder");
    fs::create_dir_all(s.path("prive")).expect("folder");
    assert_eq!(run_in(&s.0, &["baseline", "nieuws"]).0, 0);
    assert!(s.path("oud/baseline.json").is_file() && s.path("prive/sleutel").is_file());
    // scan uses it by itself; -o writes elsewhere.
    let (status, out, _) = run_in(&s.0, &["scan", "nieuws"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("1 bekende melding"), "{out}");
    assert_eq!(run_in(&s.0, &["baseline", "-o", "nieuw.json", "nieuws"]).0, 0);
    assert!(s.path("nieuw.json").is_file());
}
