//! postwacht in a newsletter repository: `scan --staged` in a plain git hook, `scan --diff` in CI,
//! and the pre-commit framework hook from `.pre-commit-hooks.yaml`, each driven through a real
//! temporary git repository.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A folder of its own under the system's temporary folder, removed afterwards.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir = std::env::temp_dir().join(format!("postwacht-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("repo")).expect("create scratch folder");
        fs::write(dir.join("gitconfig"), "").expect("write empty git config");
        Scratch(dir)
    }

    fn repo(&self) -> PathBuf {
        self.0.join("repo")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// A command run in `dir` with git isolated from the user's and the system's configuration (and
/// from any hook environment `cargo test` itself may run in).
fn command(program: impl AsRef<std::ffi::OsStr>, scratch: &Scratch, dir: &Path) -> Command {
    let mut c = Command::new(program);
    c.current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", scratch.0.join("gitconfig"))
        .env("GIT_CEILING_DIRECTORIES", &scratch.0)
        .env("GIT_AUTHOR_NAME", "Juf Ans")
        .env("GIT_AUTHOR_EMAIL", "ans@example.invalid")
        .env("GIT_COMMITTER_NAME", "Juf Ans")
        .env("GIT_COMMITTER_EMAIL", "ans@example.invalid")
        .env("NO_COLOR", "1")
        .env_remove("GIT_DIR")
        .env_remove("GIT_INDEX_FILE")
        .env_remove("GIT_WORK_TREE");
    c
}

fn run(mut c: Command) -> Output {
    c.output().expect("start command")
}

/// What a command wrote, standard output and error together (git passes a hook's output on
/// standard error).
fn said(output: &Output) -> String {
    format!("{}{}", String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr))
}

fn git(scratch: &Scratch, args: &[&str]) -> Output {
    let mut c = command("git", scratch, &scratch.repo());
    c.args(args);
    let output = run(c);
    assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
    output
}

fn roster() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join("rosters").join("groep7.csv")
}

/// What a scan reported.
struct Scan {
    status: i32,
    /// The findings as (path, line, matched), sorted.
    found: Vec<(String, u64, String)>,
    findings: Vec<Value>,
    stderr: String,
}

/// Run `postwacht scan --format json --roster groep7.csv ARGS` in the repository.
fn scan(scratch: &Scratch, args: &[&str]) -> Scan {
    let mut c = command(env!("CARGO_BIN_EXE_postwacht"), scratch, &scratch.repo());
    c.args(["scan", "--format", "json", "--roster"]).arg(roster()).args(args);
    let output = run(c);
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    // A run that cannot start (no repository, unknown revision) writes no report.
    let doc: Value = if output.stdout.is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("json ({e}); stderr: {stderr}"))
    };
    let findings = doc["findings"].as_array().cloned().unwrap_or_default();
    let mut short: Vec<(String, u64, String)> = findings
        .iter()
        .map(|f| {
            (
                f["path"].as_str().unwrap_or("").to_string(),
                f["line"].as_u64().unwrap_or(0),
                f["matched"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect();
    short.sort();
    Scan { status: output.status.code().unwrap_or(-1), found: short, findings, stderr }
}

fn expected(items: &[(&str, u64, &str)]) -> Vec<(String, u64, String)> {
    items.iter().map(|&(p, l, m)| (p.to_string(), l, m.to_string())).collect()
}

fn write(scratch: &Scratch, path: &str, text: &[u8]) {
    fs::write(scratch.repo().join(path), text).expect("write file");
}

fn append(scratch: &Scratch, path: &str, text: &str) {
    let mut old = fs::read(scratch.repo().join(path)).expect("read file");
    old.extend_from_slice(text.as_bytes());
    write(scratch, path, &old);
}

/// What the staged change below adds: (path, line, matched).
const STAGED: &[(&str, u64, &str)] =
    &[("gestaged.md", 1, "Mila Dekker"), ("nieuw bestand zoë.md", 2, "Zoë Jansen"), ("oud.md", 4, "Sem Mulder")];

#[test]
fn staged_hook_and_diff_report_only_what_is_added() {
    let scratch = Scratch::new("git");
    git(&scratch, &["init", "-q", "-b", "main"]);
    write(&scratch, "oud.md", b"# Nieuws\n\nNoor Bakker was er al.\n");
    write(&scratch, "weg.md", b"Bas Kok verhuist.\n");
    write(&scratch, "later-weg.md", b"Tekst.\n");
    git(&scratch, &["add", "."]);
    git(&scratch, &["commit", "-q", "-m", "een"]);

    // Staged: a modified file (with an unstaged addition after it), a new file whose name needs
    // quoting, a file staged and then deleted from the working tree, a pure rename, a deletion and
    // a binary file.
    append(&scratch, "oud.md", "Nieuw: Sem Mulder.\n");
    write(
        &scratch,
        "nieuw bestand zoë.md",
        "---\ntitle: Zoë Jansen\n---\nZie https://example.invalid/liam-bos.\n".as_bytes(),
    );
    write(&scratch, "gestaged.md", b"Staged: Mila Dekker.\n");
    write(&scratch, "plaatje.png", b"\x89PNG\0\0Daan de Vries");
    git(&scratch, &["add", "oud.md", "nieuw bestand zoë.md", "gestaged.md", "plaatje.png"]);
    git(&scratch, &["mv", "weg.md", "verplaatst.md"]);
    git(&scratch, &["rm", "-q", "later-weg.md"]);
    fs::remove_file(scratch.repo().join("gestaged.md")).expect("remove staged file");
    append(&scratch, "oud.md", "Niet gestaged: Tess Willems.\n");

    let Scan { status, found, findings, stderr } = scan(&scratch, &["--staged"]);
    assert_eq!(found, expected(STAGED), "{stderr}");
    assert_eq!(status, 1, "{stderr}");
    assert!(stderr.contains("plaatje.png: overgeslagen"), "{stderr}");
    // Offsets point into the staged content.
    for f in &findings {
        let path = f["path"].as_str().expect("path");
        let staged = git(&scratch, &["show", &format!(":{path}")]).stdout;
        let (start, end) = (f["start"].as_u64().expect("start") as usize, f["end"].as_u64().expect("end") as usize);
        assert_eq!(&staged[start..end], f["matched"].as_str().expect("matched").as_bytes());
    }

    // A plain pre-commit hook stops the commit, and sees what `git commit -a` would commit.
    let hook = scratch.repo().join(".git").join("hooks").join("pre-commit");
    let script = format!(
        "#!/bin/sh\nexec '{}' scan --staged --quiet --roster '{}'\n",
        env!("CARGO_BIN_EXE_postwacht"),
        roster().display()
    );
    fs::write(&hook, script).expect("write hook");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&hook, fs::Permissions::from_mode(0o755)).expect("make hook executable");
    }
    let commits =
        || String::from_utf8_lossy(&git(&scratch, &["rev-list", "--count", "HEAD"]).stdout).trim().to_string();
    let mut commit = command("git", &scratch, &scratch.repo());
    commit.args(["commit", "-q", "-m", "twee"]);
    let blocked = run(commit);
    assert!(!blocked.status.success(), "the hook let the commit through");
    assert!(said(&blocked).contains("oud.md:4:8"), "{}", said(&blocked));
    assert_eq!(commits(), "1");
    git(&scratch, &["commit", "-q", "--no-verify", "-m", "twee"]);

    let mut commit_all = command("git", &scratch, &scratch.repo());
    commit_all.args(["commit", "-q", "-a", "-m", "drie"]);
    let blocked = run(commit_all);
    assert!(!blocked.status.success(), "the hook did not see the change `commit -a` adds");
    assert!(said(&blocked).contains("oud.md:5"), "{}", said(&blocked));
    git(&scratch, &["checkout", "-q", "--", "oud.md"]);
    append(&scratch, "oud.md", "Een regel zonder namen.\n");
    let mut clean = command("git", &scratch, &scratch.repo());
    clean.args(["commit", "-q", "-a", "-m", "drie"]);
    let passed = run(clean);
    assert!(passed.status.success(), "a clean commit was stopped: {}", said(&passed));
    assert_eq!(commits(), "3");

    // CI: a range A..B reports what B adds to A.
    let Scan { status, found, stderr, .. } = scan(&scratch, &["--diff", "HEAD~2..HEAD~1"]);
    assert_eq!(found, expected(STAGED), "{stderr}");
    assert_eq!(status, 1);

    // A branch: --diff main reports what the branch adds since it left main, not what main
    // gained in the meantime.
    git(&scratch, &["checkout", "-q", "-b", "verhaal"]);
    write(&scratch, "verhaal.md", b"Fleur de Boer las voor.\n");
    git(&scratch, &["add", "verhaal.md"]);
    git(&scratch, &["commit", "-q", "--no-verify", "-m", "verhaal"]);
    git(&scratch, &["checkout", "-q", "main"]);
    write(&scratch, "main.md", b"Isa Kramer\n");
    git(&scratch, &["add", "main.md"]);
    git(&scratch, &["commit", "-q", "--no-verify", "-m", "main"]);
    git(&scratch, &["checkout", "-q", "verhaal"]);
    let Scan { status, found, stderr, .. } = scan(&scratch, &["--diff", "main"]);
    assert_eq!(found, expected(&[("verhaal.md", 1, "Fleur de Boer")]), "{stderr}");
    assert_eq!(status, 1);

    let Scan { status, found, stderr, .. } = scan(&scratch, &["--diff", "onbekend"]);
    assert_eq!((status, found.len()), (2, 0));
    assert!(stderr.contains("'onbekend' is geen bekende versie"), "{stderr}");
}

#[test]
fn staged_outside_a_repository_is_an_error() {
    let scratch = Scratch::new("no-git");
    let Scan { status, found, stderr, .. } = scan(&scratch, &["--staged"]);
    assert_eq!((status, found.len()), (2, 0));
    assert!(stderr.contains("geen git-repository"), "{stderr}");
}

/// The hook in `.pre-commit-hooks.yaml`, installed by the pre-commit framework from this
/// repository (`pre-commit try-repo`), which builds postwacht with cargo as `language: rust` does.
/// This takes a release build and the `pre-commit` program, so it is ignored by a plain `cargo
/// test`; `.ci/run` installs pre-commit and runs it with `cargo test -- --ignored`. Run that way
/// without pre-commit, it fails and says so.
#[test]
#[ignore = "needs the pre-commit framework and a release build of a few minutes; .ci/run runs it (cargo test -- --ignored)"]
fn pre_commit_framework_runs_the_hook() {
    let installed = Command::new("pre-commit").arg("--version").output().is_ok_and(|o| o.status.success());
    assert!(installed, "the pre-commit framework is needed: pip install pre-commit (in a venv; .ci/run does)");
    let scratch = Scratch::new("pre-commit");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    git(&scratch, &["init", "-q", "-b", "main"]);
    write(&scratch, "schoon.md", b"# Nieuws\n\nDe schoolreis was een feest.\n");
    write(&scratch, "kwetsend.md", b"Wat een kutschool.\n");
    git(&scratch, &["add", "."]);
    let try_repo = |files: &[&str]| {
        let mut c = command("pre-commit", &scratch, &scratch.repo());
        c.args(["try-repo", "--verbose"])
            .arg(manifest)
            .args(["postwacht", "--files"])
            .args(files)
            // The framework's cache, and cargo's build folder so that a second run builds little.
            .env("PRE_COMMIT_HOME", scratch.0.join("pre-commit-home"))
            .env("CARGO_TARGET_DIR", manifest.join("target").join("pre-commit"));
        run(c)
    };
    let failing = try_repo(&["schoon.md", "kwetsend.md"]);
    let out = String::from_utf8_lossy(&failing.stdout);
    assert!(!failing.status.success() && out.contains("Failed") && out.contains("kwetsend.md:1"), "{failing:?}");
    assert!(out.contains("PW402") && !out.contains("schoon.md:"), "{out}");
    let passing = try_repo(&["schoon.md"]);
    assert!(passing.status.success() && String::from_utf8_lossy(&passing.stdout).contains("Passed"), "{passing:?}");
}
