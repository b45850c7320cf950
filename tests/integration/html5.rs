//! The review page (`--format html`) is valid HTML5, checked offline by the Nu Html Checker
//! (`vnu.jar`, the W3C's validator; Java). `.ci/run` installs it from npm (`vnu-jar`) into
//! `target/ci/vnu`; `POSTWACHT_VNU_JAR` names another copy. Without it this test fails and says
//! how to install it.
//!
//! The pages checked: drafts (text, Markdown, HTML), comment exports with a worklist, the same
//! under `--redact`, a page without findings, and a pasted draft with what HTML forbids in a
//! document (control characters, noncharacters) and what looks like markup. One page that is
//! broken on purpose shows that the checker reports errors at all.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// The version `.ci/run` installs.
const VNU_INSTALL: &str = "npm install --prefix target/ci/vnu vnu-jar@26.9.27";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn vnu_jar() -> PathBuf {
    let jar = std::env::var_os("POSTWACHT_VNU_JAR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("target/ci/vnu/node_modules/vnu-jar/build/dist/vnu.jar"));
    assert!(
        jar.exists(),
        "de HTML5-validator ontbreekt ({}): de test van de controlepagina heeft hem nodig. \
         Installeer hem met '{VNU_INSTALL}' (en Java, 'apt-get install -y default-jre-headless'); .ci/run doet dat.",
        jar.display()
    );
    jar
}

/// The review page for `args` (after `scan --no-config --format html`), with `stdin`.
fn page(args: &[&str], stdin: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_postwacht"))
        .current_dir(root())
        .args(["scan", "--no-config", "--format", "html"])
        .args(args)
        .env("POSTWACHT_NOW", "2026-10-09T13:00")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start postwacht");
    child.stdin.take().expect("stdin").write_all(stdin.as_bytes()).expect("write stdin");
    let output = child.wait_with_output().expect("run postwacht");
    assert!(matches!(output.status.code(), Some(0 | 1)), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8 page")
}

#[test]
fn review_pages_are_valid_html5() {
    let jar = vnu_jar();
    let roster = ["--roster", "fixtures/rosters/groep7.csv"];
    let with = |extra: &[&'static str]| -> Vec<&'static str> { roster.iter().chain(extra).copied().collect() };
    let drafts = [
        "--org",
        "OBS De Regenboog",
        "fixtures/example/concept.txt",
        "fixtures/cli/nieuwsbrief.md",
        "fixtures/cli/nieuwsbrief.html",
        "fixtures/cli/clean.txt",
    ];
    let exports = [
        "--channel",
        "school",
        "fixtures/exports/facebook-graph.json",
        "fixtures/exports/facebook-graph-permalinks.json",
        "fixtures/exports/youtube.json",
        "fixtures/exports/whatsapp-android.txt",
        "fixtures/exports/instagram-graph.json",
    ];
    // Pasted text with what a document may not hold and what looks like markup.
    let odd = "Noor Bakker zei: <script>alert(1)</script> --> ]]> \u{7}bel \u{b}tab \u{fffe} \u{fdd0} \u{85} \
               \u{7f} en </pre> &amp; \"q\" 'a' \u{1F600}\r\nBel 06-12345678.\n";
    let pages: Vec<(&str, String)> = vec![
        ("drafts", page(&with(&drafts), "")),
        ("drafts-redacted", page(&with(&[&["--redact"][..], &drafts].concat()), "")),
        ("exports", page(&with(&exports), "")),
        ("exports-redacted", page(&with(&[&["--redact"][..], &exports].concat()), "")),
        ("no-findings", page(&["fixtures/cli/clean.txt"], "")),
        ("pasted", page(&with(&["-"]), odd)),
        ("pasted-redacted", page(&with(&["--redact", "-"]), odd)),
    ];
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("html5");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let mut files = Vec::new();
    for (name, html) in &pages {
        assert!(html.starts_with("<!DOCTYPE html>"), "{name}: a page");
        let file = dir.join(format!("{name}.html"));
        std::fs::write(&file, html).expect("write page");
        files.push(file);
    }
    // The control: a block inside a paragraph's phrasing and an unknown element are errors.
    let broken = dir.join("broken.html");
    std::fs::write(&broken, pages[0].1.replacen("<h1>", "<p><h1><blink>", 1)).expect("write broken page");
    files.push(broken.clone());
    let output = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--format", "json", "--exit-zero-always"])
        .args(&files)
        .output()
        .expect("start java (apt-get install -y default-jre-headless)");
    // vnu writes its report to stderr.
    let report: Value = serde_json::from_slice(&output.stderr)
        .unwrap_or_else(|e| panic!("vnu's report is JSON ({e}): {}", String::from_utf8_lossy(&output.stderr)));
    let messages = report["messages"].as_array().expect("messages");
    let about = |file: &Path| -> Vec<String> {
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        messages
            .iter()
            .filter(|m| m["url"].as_str().is_some_and(|u| u.ends_with(&format!("/{name}"))))
            .map(|m| format!("{name}:{}: {} {}", m["lastLine"], m["type"], m["message"]))
            .collect()
    };
    assert!(
        about(&broken).iter().any(|m| m.contains("error")),
        "the validator finds the errors of the broken page: {report}"
    );
    let problems: Vec<String> = files[..files.len() - 1].iter().flat_map(|f| about(f)).collect();
    assert!(problems.is_empty(), "the review pages are not valid HTML5:\n{}", problems.join("\n"));
}
