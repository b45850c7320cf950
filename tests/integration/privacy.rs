//! Privacy proven, not promised.
//!
//! - `--redact` in every output format, over drafts, markup and every comment export: no roster
//!   string, no matched passage and no author may appear, raw or escaped (JSON `\u` escapes, HTML
//!   character references, GitHub's `%XX` workflow-command escapes), in any case, with or without
//!   accents.
//! - No network: every command runs under `strace -f -e trace=network`, which must show no
//!   socket at all.
//! - Nothing written that was not asked for: every command runs under `strace` for the calls
//!   that create, change or remove files, and in a folder listed before and after.
//!
//! These tests need `strace` (Debian: strace), which `.ci/run` installs; without it they fail
//! and say so, they do not pass silently.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use unicode_normalization::UnicodeNormalization;

use crate::cli::run;

fn fixture(path: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(path).display().to_string()
}

const ROSTERS: [&str; 2] = ["example/roster.csv", "cli/roster.txt"];
const DRAFTS: [&str; 5] =
    ["example/concept.txt", "cli/draft.txt", "cli/nieuwsbrief.md", "cli/nieuwsbrief.html", "cli/staff.txt"];
/// Every comment export but the CSV (which needs its text column named) and the broken one.
const EXPORTS: [&str; 10] = [
    "exports/facebook-graph.json",
    "exports/facebook-graph-permalinks.json",
    "exports/instagram-graph.json",
    "exports/facebook-dyi.json",
    "exports/instagram-dyi.json",
    "exports/youtube.json",
    "exports/tweets.js",
    "exports/whatsapp-android.txt",
    "exports/whatsapp-ios.txt",
    "exports/reacties.jsonl",
];
const FORMATS: [&str; 7] = ["human", "json", "jsonl", "sarif", "github", "csv", "html"];

/// The runs the redaction test makes: common options and inputs.
fn runs() -> Vec<Vec<String>> {
    let mut common: Vec<String> = vec!["scan".into(), "--org".into(), "OBS De Regenboog".into()];
    for roster in ROSTERS {
        common.extend(["--roster".into(), fixture(roster)]);
    }
    let drafts = [common.clone(), DRAFTS.iter().map(|d| fixture(d)).collect()].concat();
    let exports =
        [common.clone(), vec!["--channel".into(), "school".into()], EXPORTS.iter().map(|e| fixture(e)).collect()]
            .concat();
    let csv = [
        common,
        vec![
            "--channel".into(),
            "school".into(),
            "--text-column".into(),
            "Inhoud reactie".into(),
            fixture("exports/reacties.csv"),
        ],
    ]
    .concat();
    vec![drafts, exports, csv]
}

/// Lower case, composed, and also without accents: a leak in any spelling is a leak.
fn folded(text: &str) -> String {
    text.nfd().filter(|c| !('\u{300}'..='\u{36f}').contains(c)).collect::<String>().to_lowercase()
}

/// Every roster string: each full name and each part of it that is a name (capitalised, of at
/// least three letters; not the particles "van den").
fn roster_strings() -> BTreeSet<String> {
    let mut strings = BTreeSet::new();
    for roster in ROSTERS {
        let text = std::fs::read_to_string(fixture(roster)).expect("roster");
        for line in text.lines().skip(usize::from(roster.ends_with(".csv"))) {
            let name = if roster.ends_with(".csv") {
                // Stamnr;Roepnaam;Tussenv;Achternaam;…
                let cells: Vec<&str> = line.split(';').collect();
                [cells[1], cells[2], cells[3]].iter().filter(|c| !c.is_empty()).copied().collect::<Vec<_>>().join(" ")
            } else {
                line.trim().to_string()
            };
            let is_name = |p: &&str| p.chars().count() >= 3 && p.chars().next().is_some_and(char::is_uppercase);
            for part in name.split(' ').filter(is_name) {
                strings.insert(part.to_string());
            }
            strings.insert(name);
        }
    }
    strings
}

/// What postwacht itself says in its rules and explanations: a passage found there (a curse it
/// names in an explanation, say) is the tool's text, not the input's.
fn own_texts() -> String {
    let (_, rules, _) = run(&["rules".into(), "--format".into(), "json".into()], None);
    let doc: serde_json::Value = serde_json::from_str(&rules).expect("rules json");
    let mut texts = folded(&rules);
    for rule in doc.as_array().expect("rules") {
        let code = rule["code"].as_str().expect("code");
        texts.push_str(&folded(&run(&["explain".into(), code.into()], None).1));
    }
    texts
}

/// Matched passages and authors, from the same run without `--redact`.
fn passages_and_authors(args: &[String]) -> BTreeSet<String> {
    let mut json = args.to_vec();
    json.splice(1..1, ["--format".to_string(), "json".to_string()]);
    let (status, out, err) = run(&json, None);
    // The JSON Lines export has a broken line on purpose: status 2, the rest is reported.
    assert!(status <= 2 && !out.is_empty(), "{err}");
    let doc: serde_json::Value = serde_json::from_str(&out).expect("json");
    let mut found = BTreeSet::new();
    for f in doc["findings"].as_array().expect("findings") {
        for key in ["matched", "author"] {
            if let Some(text) = f[key].as_str() {
                found.insert(text.to_string());
            }
        }
    }
    assert!(found.len() >= 5, "the run found too little to test: {found:?}");
    found
}

/// Every way an output can hold a text: as written, with JSON strings decoded, with HTML
/// character references decoded, with GitHub's `%XX` escapes decoded.
fn views(output: &str) -> String {
    let mut all = vec![output.to_string()];
    let mut strings = Vec::new();
    for doc in std::iter::once(output).chain(output.lines()) {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(doc) {
            collect_strings(&value, &mut strings);
        }
    }
    all.push(strings.join("\n"));
    all.push(decode_html(output));
    all.push(decode_percent(output));
    folded(&without_tag_names(&all.join("\n")))
}

/// The text with HTML tag names blanked (`<mark>` is markup, not the commenter Mark); attribute
/// values and text stay, since a leak can hide in either.
fn without_tag_names(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '<' {
            if chars.peek() == Some(&'/') {
                out.push(chars.next().expect("peeked"));
            }
            while chars.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                chars.next();
            }
            out.push(' ');
        }
    }
    out
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

fn decode_html(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(end) = rest.char_indices().take(12).find(|&(_, c)| c == ';').map(|(i, _)| i) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let entity = &rest[1..end];
        let decoded = match entity {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ if entity.starts_with("#x") || entity.starts_with("#X") => {
                u32::from_str_radix(&entity[2..], 16).ok().and_then(char::from_u32)
            }
            _ if entity.starts_with('#') => entity[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn decode_percent(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The review page without its style sheet and script, which are the page's own code (their
/// words, "mark" among them, are no leak): checked to be the same on every page, so that no
/// input's text can hide in them.
fn without_page_code(page: &str, seen: &mut Option<Vec<String>>) -> String {
    let mut rest = page.to_string();
    let mut code = Vec::new();
    for (open, close) in [("<style>", "</style>"), ("<script>", "</script>")] {
        let start = rest.find(open).unwrap_or_else(|| panic!("the page has no {open}"));
        let end = rest[start..].find(close).map(|e| start + e + close.len()).expect("closed");
        code.push(rest[start..end].to_string());
        rest.replace_range(start..end, "");
    }
    match seen {
        Some(first) => assert!(*first == code, "the page's style sheet or script differs between pages"),
        None => *seen = Some(code),
    }
    rest
}

/// Whether `text` holds `word` as a whole word (not "ben" in "benodigd").
fn holds_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

#[test]
fn redacted_output_holds_no_roster_string_passage_or_author_in_any_format() {
    let own = own_texts();
    // A string the tool's own texts hold (the rules' examples use "Noor Bakker" too) cannot tell
    // a leak from the tool's text, so it is not checked; enough others must be.
    let roster: BTreeSet<String> = roster_strings().iter().map(|s| folded(s)).collect();
    let (not_checkable, roster): (BTreeSet<String>, BTreeSet<String>) =
        roster.into_iter().partition(|s| holds_word(&own, s));
    assert!(roster.len() >= 8 && roster.contains("zoe jansen"), "checked {roster:?}, not checkable {not_checkable:?}");
    let mut checked = 0;
    let mut problems = Vec::new();
    let mut page_code = None;
    for args in runs() {
        let mut secrets = roster.clone();
        for found in passages_and_authors(&args) {
            let found = folded(found.trim());
            // Short passages ("kut") and the tool's own words are not leaks of the input.
            if found.chars().count() >= 4 && !holds_word(&own, &found) {
                secrets.insert(found);
            }
        }
        for format in FORMATS {
            let mut redacted = args.clone();
            redacted.splice(1..1, ["--redact".to_string(), "--format".to_string(), format.to_string()]);
            let (status, out, err) = run(&redacted, None);
            assert!(status <= 2 && !out.is_empty(), "--format {format}: {err}");
            let out = if format == "html" { without_page_code(&out, &mut page_code) } else { out };
            let seen = views(&out);
            for secret in &secrets {
                checked += 1;
                if holds_word(&seen, secret) {
                    problems.push(format!("--format {format} holds {secret:?} ({})", args.last().unwrap()));
                }
            }
        }
    }
    assert!(checked >= 300, "only {checked} checks");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn redacted_roster_check_holds_no_roster_string() {
    let roster = roster_strings();
    for path in ROSTERS {
        let (_, out, err) = run(&["roster".into(), "check".into(), "--redact".into(), fixture(path)], None);
        let seen = views(&format!("{out}{err}"));
        for secret in &roster {
            assert!(!holds_word(&seen, &folded(secret)), "roster check --redact {path} shows {secret}:\n{out}{err}");
        }
    }
}

/// strace, required: these tests must not pass where they cannot look.
fn strace() -> &'static str {
    let found = Command::new("strace").arg("-V").stdout(Stdio::null()).stderr(Stdio::null()).status();
    assert!(
        found.is_ok_and(|s| s.success()),
        "strace is needed for the privacy tests (Debian: apt-get install strace; .ci/run installs it)"
    );
    "strace"
}

/// A scratch folder holding copies of a roster, a draft and an export, for the commands to work in.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("postwacht-privacy-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("prive")).expect("scratch");
        for (from, to) in [
            ("example/roster.csv", "prive/klas.csv"),
            ("example/concept.txt", "concept.txt"),
            ("exports/whatsapp-android.txt", "whatsapp.txt"),
        ] {
            std::fs::copy(fixture(from), dir.join(to)).expect("copy fixture");
        }
        Scratch(dir)
    }

    /// Every path under the folder with its size and content, sorted.
    fn listing(&self) -> Vec<(String, Vec<u8>)> {
        let mut all = Vec::new();
        let mut stack = vec![self.0.clone()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("read scratch") {
                let path = entry.expect("entry").path();
                let name = path.strip_prefix(&self.0).expect("inside").display().to_string();
                if path.is_dir() {
                    all.push((format!("{name}/"), Vec::new()));
                    stack.push(path);
                } else {
                    all.push((name, std::fs::read(&path).expect("read")));
                }
            }
        }
        all.sort();
        all
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Run postwacht under strace in `dir`; returns the exit status and the trace.
fn traced(dir: &Path, calls: &str, args: &[&str]) -> (i32, String) {
    let trace = dir.with_extension("trace");
    let status = Command::new(strace())
        .args(["-f", "-qq", "-e", &format!("trace={calls}"), "-o"])
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_postwacht"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("POSTWACHT_BASELINE_KEY")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("run strace");
    let text = std::fs::read_to_string(&trace).expect("trace written");
    let _ = std::fs::remove_file(&trace);
    (status.code().unwrap_or(-1), text)
}

/// The commands whose behaviour is checked, with what each may write.
const COMMANDS: &[(&[&str], &[&str])] = &[
    (&["scan", "--roster", "prive/klas.csv", "concept.txt", "whatsapp.txt"], &[]),
    (&["scan", "--roster", "prive/klas.csv", "--format", "html", "concept.txt"], &[]),
    (&["scan", "--roster", "prive/klas.csv", "--format", "sarif", "--redact", "whatsapp.txt"], &[]),
    (&["fix", "--roster", "prive/klas.csv", "concept.txt"], &[]),
    (&["fix", "--roster", "prive/klas.csv", "--diff", "concept.txt"], &[]),
    (&["rules"], &[]),
    (&["explain", "PW101"], &[]),
    (&["roster", "check", "prive/klas.csv"], &[]),
    (
        &["baseline", "--roster", "prive/klas.csv", "--baseline-key", "prive/sleutel", "concept.txt"],
        &["postwacht-baseline.json", "prive/sleutel"],
    ),
    (
        &[
            "scan",
            "--roster",
            "prive/klas.csv",
            "--baseline",
            "postwacht-baseline.json",
            "--baseline-key",
            "prive/sleutel",
            "concept.txt",
        ],
        &[],
    ),
];

#[test]
fn no_command_opens_a_socket() {
    let scratch = Scratch::new("network");
    let mut traced_calls = 0;
    for (args, _) in COMMANDS {
        let (status, trace) = traced(&scratch.0, "network", args);
        assert!(status <= 1, "{args:?}: exit {status}");
        traced_calls += 1;
        let sockets: Vec<&str> = trace.lines().filter(|l| !l.trim().is_empty() && !l.contains("+++ exited")).collect();
        assert!(sockets.is_empty(), "{args:?} made network calls:\n{}", sockets.join("\n"));
    }
    // The trace is real: a program that does open a socket shows up in it.
    let (_, trace) = {
        let trace = scratch.0.with_extension("control");
        Command::new(strace())
            .args(["-f", "-qq", "-e", "trace=network", "-o"])
            .arg(&trace)
            .args(["python3", "-c", "import socket; socket.socket()"])
            .status()
            .expect("control run");
        (0, std::fs::read_to_string(&trace).unwrap_or_default())
    };
    assert!(trace.contains("socket("), "strace saw no socket in the control run: {trace}");
    assert_eq!(traced_calls, COMMANDS.len());
}

#[test]
fn no_command_writes_what_was_not_asked_for() {
    let scratch = Scratch::new("writes");
    for (args, allowed) in COMMANDS {
        let before = scratch.listing();
        let calls = "openat,open,creat,rename,renameat,renameat2,unlink,unlinkat,mkdir,mkdirat,truncate,ftruncate,link,symlink,chmod,fchmodat";
        let (status, trace) = traced(&scratch.0, calls, args);
        assert!(status <= 1, "{args:?}: exit {status}");
        let writes: Vec<&str> = trace
            .lines()
            .filter(|l| {
                let opens = l.contains("open");
                let writing = ["O_WRONLY", "O_RDWR", "O_CREAT", "O_TRUNC"].iter().any(|f| l.contains(f));
                let changes = !opens && !l.contains("+++ exited") && !l.trim().is_empty();
                ((opens && writing) || changes) && !l.contains("ENOENT") && !l.contains("\"/dev/")
            })
            .filter(|l| !allowed.iter().any(|a| l.contains(a)))
            .collect();
        assert!(writes.is_empty(), "{args:?} wrote what was not asked for:\n{}", writes.join("\n"));
        let after = scratch.listing();
        let changed: Vec<&String> = after
            .iter()
            .filter(|entry| !before.contains(entry))
            .map(|(name, _)| name)
            .filter(|name| !allowed.contains(&name.as_str()))
            .collect();
        assert!(changed.is_empty(), "{args:?} changed {changed:?}");
    }
}
