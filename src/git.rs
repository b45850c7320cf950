//! What a commit adds, for `postwacht scan --staged` (a git hook) and `--diff REV` (CI).
//!
//! git runs as a subprocess in the current folder, with the environment it was given (inside a
//! hook that includes `GIT_DIR` and `GIT_INDEX_FILE`, so `git commit -a` and `git commit FILE` are
//! seen as they will be committed). Per changed file, postwacht reads the new content from git's
//! object store, not from the working tree: the staged blob for `--staged` (so a file staged and
//! then changed or deleted in the working tree is checked as it will be committed), the blob in
//! the newer commit for `--diff`. The whole file is checked, so the checks see each passage in its
//! context, but only findings on lines the change adds are reported (from the `-U0` hunks of
//! `git diff`). New files count as entirely added; deleted files, submodules, symbolic links and
//! pure renames add nothing; binary files are skipped with a note.
//!
//! `git diff` is run with every option that user configuration could change set explicitly
//! (prefixes, colour, external diff drivers, text conversion, relative paths, rename detection).

use std::collections::HashMap;
use std::ffi::OsString;
use std::fmt;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use crate::finding::Finding;
use crate::input::{self, InputError, Loaded};

/// Which change to check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Revisions {
    /// The index against `HEAD`: what the next commit adds.
    Staged,
    /// `REV` (what `HEAD` adds since it branched off `REV`, as `REV...HEAD`), `A..B` (what `B`
    /// adds to `A`) or `A...B` (what `B` adds since it branched off `A`).
    Range(String),
}

/// A problem with git itself or the revisions asked for; the scan cannot start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GitError(pub String);

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

/// A file the change adds lines to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangedFile {
    /// The path relative to the repository's top folder, as git reports it.
    pub path: String,
    /// The object id of the new content.
    blob: String,
    /// The added line numbers (1-based), ascending.
    added: Vec<usize>,
}

impl ChangedFile {
    /// The new content, read from git (not from the working tree).
    pub fn read(&self) -> Result<Loaded, InputError> {
        let bytes =
            git([OsString::from("cat-file"), "blob".into(), self.blob.clone().into()]).map_err(|e| InputError {
                path: self.path.clone(),
                line: None,
                message: format!("kan de inhoud niet uit git lezen: {e}"),
            })?;
        Ok(input::loaded(&bytes))
    }

    /// Does the finding (in this file's new content) lie on a line the change adds?
    pub fn adds(&self, finding: &Finding) -> bool {
        let first = self.added.partition_point(|&l| l < finding.line);
        self.added.get(first).is_some_and(|&l| l <= finding.end_line)
    }
}

/// Run git with `args`; its standard output, or its complaint.
fn git<I, S>(args: I) -> Result<Vec<u8>, GitError>
where
    I: IntoIterator<Item = S>,
    S: Into<OsString>,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    let output = Command::new("git").args(&args).stdin(Stdio::null()).output().map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            GitError(
                "git is niet gevonden; installeer git of scan de bestanden zelf (zonder --staged of --diff)".into(),
            )
        } else {
            GitError(format!("kan git niet starten: {e}"))
        }
    })?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let complaint = String::from_utf8_lossy(&output.stderr);
    let complaint = complaint.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    Err(GitError(if complaint.is_empty() {
        format!("git {} mislukte", lossy(&args[0]))
    } else {
        complaint.to_string()
    }))
}

fn lossy(s: &OsString) -> String {
    s.to_string_lossy().into_owned()
}

/// The commit a revision names.
fn commit(revision: &str) -> Result<String, GitError> {
    let unknown = || {
        GitError(format!(
            "'{revision}' is geen bekende versie in deze repository (een commit, tak of tag, bijvoorbeeld origin/main)"
        ))
    };
    if revision.starts_with('-') || revision.trim().is_empty() {
        return Err(unknown());
    }
    let out = git(["rev-parse", "--verify", "--quiet", &format!("{revision}^{{commit}}")]).map_err(|_| unknown())?;
    Ok(String::from_utf8_lossy(&out).trim().to_string())
}

fn merge_base(a: &str, b: &str) -> Result<String, GitError> {
    let out = git(["merge-base", a, b]).map_err(|_| {
        GitError(format!(
            "'{a}' en '{b}' hebben geen gemeenschappelijke voorganger; is de geschiedenis helemaal opgehaald? \
                 (in CI: git fetch --unshallow, of bij GitHub Actions fetch-depth: 0)"
        ))
    })?;
    Ok(String::from_utf8_lossy(&out).trim().to_string())
}

/// The `git diff` arguments that select the change.
fn selection(revisions: &Revisions) -> Result<Vec<String>, GitError> {
    let or_head = |r: &str| if r.is_empty() { "HEAD".to_string() } else { r.to_string() };
    Ok(match revisions {
        Revisions::Staged => vec!["--cached".into()],
        Revisions::Range(range) => {
            let (old, new) = if let Some((a, b)) = range.split_once("...") {
                let new = commit(&or_head(b))?;
                (merge_base(&commit(&or_head(a))?, &new)?, new)
            } else if let Some((a, b)) = range.split_once("..") {
                (commit(&or_head(a))?, commit(&or_head(b))?)
            } else {
                let new = commit("HEAD")?;
                (merge_base(&commit(range)?, &new)?, new)
            };
            vec![old, new]
        }
    })
}

/// The files the change adds lines to, limited to `pathspecs` (relative to the current folder)
/// when there are any.
pub fn changed_files(revisions: &Revisions, pathspecs: &[PathBuf]) -> Result<Vec<ChangedFile>, GitError> {
    if pathspecs.iter().any(|p| p.as_os_str() == "-") {
        return Err(GitError("standaardinvoer (-) gaat niet samen met --staged of --diff: die lezen uit git".into()));
    }
    git(["rev-parse", "--git-dir"]).map_err(|e| {
        GitError(format!(
            "geen git-repository: --staged en --diff werken alleen in (een map van) een git-repository ({e})"
        ))
    })?;
    let selection = selection(revisions)?;
    let diff = |extra: &[&str]| {
        let mut args: Vec<OsString> = ["-c", "core.quotePath=false", "diff"].map(OsString::from).to_vec();
        args.extend(selection.iter().map(OsString::from));
        args.extend(
            [
                "--no-ext-diff",
                "--no-textconv",
                "--no-color",
                "--no-relative",
                "--ignore-submodules=all",
                "--find-renames",
            ]
            .map(OsString::from),
        );
        args.extend(extra.iter().map(OsString::from));
        args.push("--".into());
        args.extend(pathspecs.iter().map(OsString::from));
        git(args)
    };
    let entries = parse_raw(&diff(&["--raw", "-z", "--no-abbrev"])?);
    let mut added: HashMap<String, Vec<usize>> =
        parse_patch(&diff(&["--patch", "--unified=0", "--src-prefix=a/", "--dst-prefix=b/"])?).into_iter().collect();
    let mut files = Vec::new();
    for entry in entries {
        // Regular files only (not symbolic links or submodules); deletions add nothing.
        if entry.status == 'D' || !entry.mode.starts_with("100") {
            continue;
        }
        match added.remove(&entry.path) {
            Some(lines) if !lines.is_empty() => {
                files.push(ChangedFile { path: entry.path, blob: entry.blob, added: lines })
            }
            Some(_) => {}
            // New content without a text hunk is a binary file (a pure rename, a mode change and
            // an empty file have none either, but no new content): reading it gives the note that
            // it was skipped.
            None if entry.blob != entry.old_blob && entry.blob != EMPTY_BLOB => {
                files.push(ChangedFile { path: entry.path, blob: entry.blob, added: Vec::new() })
            }
            None => {}
        }
    }
    Ok(files)
}

/// The object id of an empty file.
const EMPTY_BLOB: &str = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

/// One entry of `git diff --raw -z`.
#[derive(Debug, PartialEq, Eq)]
struct RawEntry {
    mode: String,
    old_blob: String,
    blob: String,
    status: char,
    path: String,
}

/// Read `git diff --raw -z`: `:oldmode newmode oldid newid status NUL path NUL`, with a second
/// path for renames and copies (the new one).
fn parse_raw(out: &[u8]) -> Vec<RawEntry> {
    let mut fields = out.split(|&b| b == 0).map(|f| String::from_utf8_lossy(f).into_owned());
    let mut entries = Vec::new();
    while let Some(header) = fields.next() {
        let Some(header) = header.strip_prefix(':') else { continue };
        let parts: Vec<&str> = header.split(' ').collect();
        let [_, mode, old_blob, blob, status] = parts[..] else { continue };
        let status = status.chars().next().unwrap_or('?');
        let mut path = fields.next().unwrap_or_default();
        if matches!(status, 'R' | 'C') {
            path = fields.next().unwrap_or_default();
        }
        entries.push(RawEntry { mode: mode.into(), old_blob: old_blob.into(), blob: blob.into(), status, path });
    }
    entries
}

/// Read `git diff --patch --unified=0`: per new path, the line numbers its hunks add.
fn parse_patch(out: &[u8]) -> Vec<(String, Vec<usize>)> {
    let mut files: Vec<(String, Vec<usize>)> = Vec::new();
    let mut line_no = 0usize;
    let mut in_hunk = false;
    for line in out.split(|&b| b == b'\n') {
        if in_hunk {
            match line.first() {
                Some(b'+') => {
                    if let Some((_, added)) = files.last_mut() {
                        added.push(line_no);
                    }
                    line_no += 1;
                    continue;
                }
                Some(b' ') => {
                    line_no += 1;
                    continue;
                }
                Some(b'-' | b'\\') => continue,
                _ => in_hunk = false,
            }
        }
        if line.starts_with(b"diff --git ") {
            // A new file section; its path comes with `+++`.
            files.push((String::new(), Vec::new()));
        } else if let Some(path) = line.strip_prefix(b"+++ ") {
            if let Some((current, _)) = files.last_mut() {
                *current = new_path(path);
            }
        } else if line.starts_with(b"@@ ") {
            // `@@ -a,b +c,d @@`: the new side starts at line c.
            let header = String::from_utf8_lossy(line);
            line_no = header
                .split(' ')
                .find_map(|part| part.strip_prefix('+'))
                .and_then(|c| c.split(',').next())
                .and_then(|c| c.parse().ok())
                .unwrap_or(0);
            in_hunk = true;
        }
    }
    files.retain(|(path, _)| !path.is_empty());
    files
}

/// The path in a `+++ b/path` line: possibly quoted in C style, possibly followed by a tab.
fn new_path(field: &[u8]) -> String {
    let field = field.strip_suffix(b"\t").unwrap_or(field);
    if field == b"/dev/null" {
        return String::new();
    }
    let bytes = match field.strip_prefix(b"\"").and_then(|f| f.strip_suffix(b"\"")) {
        Some(quoted) => unquote(quoted),
        None => field.to_vec(),
    };
    let path = bytes.strip_prefix(b"b/").unwrap_or(&bytes);
    String::from_utf8_lossy(path).into_owned()
}

/// Undo git's C-style quoting of a path (`\"`, `\\`, `\t`, `\n`, octal `\303\253`).
fn unquote(quoted: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(quoted.len());
    let mut i = 0;
    while i < quoted.len() {
        if quoted[i] != b'\\' || i + 1 >= quoted.len() {
            out.push(quoted[i]);
            i += 1;
            continue;
        }
        let next = quoted[i + 1];
        let octal = quoted.get(i + 1..i + 4).filter(|d| d.iter().all(|b| (b'0'..=b'7').contains(b)));
        if let Some(digits) = octal {
            out.push(digits.iter().fold(0u8, |n, d| n.wrapping_mul(8).wrapping_add(d - b'0')));
            i += 4;
            continue;
        }
        out.push(match next {
            b'a' => 7,
            b'b' => 8,
            b't' => b'\t',
            b'n' => b'\n',
            b'v' => 11,
            b'f' => 12,
            b'r' => b'\r',
            other => other,
        });
        i += 2;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_raw_entries() {
        let raw = b":000000 100644 0000 abcd A\0nieuw.md\0:100644 100644 1111 2222 R090\0oud.md\0zo\xc3\xab.md\0:100644 000000 3333 0000 D\0weg.md\0";
        let entries = parse_raw(raw);
        assert_eq!(entries.len(), 3);
        assert_eq!(
            entries[1],
            RawEntry {
                mode: "100644".into(),
                old_blob: "1111".into(),
                blob: "2222".into(),
                status: 'R',
                path: "zoë.md".into()
            }
        );
        assert_eq!(entries[2].status, 'D');
    }

    #[test]
    fn reads_added_lines_from_hunks() {
        let patch = "diff --git a/a.md b/a.md\nindex 1..2 100644\n--- a/a.md\n+++ b/a.md\n@@ -2 +2,2 @@\n-oud\n+nieuw\n+ook nieuw\n@@ -9,0 +11 @@ kop\n+einde\ndiff --git \"a/zo\\303\\253 x.md\" \"b/zo\\303\\253 x.md\"\nnew file mode 100644\n--- /dev/null\n+++ \"b/zo\\303\\253 x.md\"\t\n@@ -0,0 +1 @@\n+diff --git lijkt op een kop\n\\ No newline at end of file\ndiff --git a/weg.md b/weg.md\ndeleted file mode 100644\n--- a/weg.md\n+++ /dev/null\n@@ -1 +0,0 @@\n-weg\n";
        assert_eq!(
            parse_patch(patch.as_bytes()),
            [("a.md".to_string(), vec![2, 3, 11]), ("zoë x.md".to_string(), vec![1])]
        );
    }

    #[test]
    fn unquotes_paths() {
        assert_eq!(unquote(br#"a\"b\\c\td\303\253"#), "a\"b\\c\tdë".as_bytes());
        assert_eq!(new_path(b"b/gewoon pad.md\t"), "gewoon pad.md");
    }
}
