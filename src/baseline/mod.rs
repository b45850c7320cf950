//! Baselines: the findings of old newsletters and exports, accepted once, so that a scan reports
//! only what is new (`postwacht baseline`, then `postwacht scan --baseline FILE`).
//!
//! A baseline holds no text: each accepted finding is a **fingerprint**, a keyed BLAKE3 hash of its
//! rule, its file (relative to the baseline's folder, `/` between folders) and its passage in the
//! matching view (so a change of case, accents or disguise, or a move to another line, is the
//! same finding). Without a key, the hash of a pupil's name would be the same in every repository,
//! and anyone could look names up in a precomputed table; with the key beside the fingerprints,
//! anyone holding the baseline could still test guessed names. So the 32-byte key is a secret kept
//! outside the baseline, like the roster ([`key`]); the baseline holds only a check value that
//! recognises the right key. Each fingerprint has a count, so a baseline that accepted one
//! occurrence of a passage does not hide a second one.
//!
//! Version 1 baselines still held their key. They are read (with a warning, as the key in them is
//! no secret any more) and are written again as version 2 with a new key.
//!
//! The scanner computes the passage's part of the fingerprint where the text is at hand (before
//! `--redact` replaces it; [`crate::scan::Settings::fingerprint_key`]); this module adds the file.
//! Fingerprints are never printed, only written to a baseline.

use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::finding::Finding;
use crate::input::{InputError, describe_io_error};
use crate::normalize::normalize_term;
use crate::report::{Report, Summary};

pub mod key;

pub use key::{KEY_VARIABLE, Key, KeySource};
use key::{from_hex, hex};

/// The name `postwacht baseline` writes when no other is given.
pub const DEFAULT_FILE: &str = "postwacht-baseline.json";

/// The version of the baseline file's shape: 2 keeps the key out of the file.
pub const VERSION: u32 = 2;

/// The version that stored its key in the file.
const VERSION_WITH_KEY: u32 = 1;

/// A keyed hash; see the module documentation.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 32]);

impl std::fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Fingerprint({})", &hex(&self.0)[..8])
    }
}

/// The passage's part of a fingerprint: rule and passage in the matching view.
pub fn passage_fingerprint(key: &Key, rule: &str, passage: &str) -> Fingerprint {
    let mut hasher = blake3::Hasher::new_keyed(&key.0);
    hasher.update(b"postwacht passage\0");
    hasher.update(rule.as_bytes());
    hasher.update(b"\0");
    hasher.update(normalize_term(passage).as_bytes());
    Fingerprint(*hasher.finalize().as_bytes())
}

/// The whole fingerprint: the passage's part and the file.
fn fingerprint(key: &Key, file: &str, passage: &Fingerprint) -> Fingerprint {
    let mut hasher = blake3::Hasher::new_keyed(&key.0);
    hasher.update(b"postwacht finding\0");
    hasher.update(file.as_bytes());
    hasher.update(b"\0");
    hasher.update(&passage.0);
    Fingerprint(*hasher.finalize().as_bytes())
}

/// The baseline file as written.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Wire {
    version: u32,
    /// Dutch: what this file is (for whoever finds it in a repository).
    about: String,
    /// Version 1 only: the key itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    /// Version 2: recognises the right key ([`Key::check_value`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key_check: Option<String>,
    findings: Vec<WireEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireEntry {
    rule: String,
    fingerprint: String,
    count: usize,
}

const ABOUT: &str = "Baseline van postwacht: meldingen die al bekend en geaccepteerd zijn. \
    'postwacht scan --baseline' toont alleen nieuwe meldingen. Er staat geen tekst in, alleen \
    vingerafdrukken (BLAKE3 met een geheime sleutel) van regel, bestand en passage. De sleutel staat \
    niet in dit bestand maar in het sleutelbestand (--baseline-key) of in POSTWACHT_BASELINE_KEY.";

/// A baseline: read to filter a scan, or started empty to be written.
pub struct Baseline {
    path: PathBuf,
    /// The baseline's folder as the file system has it, for paths relative to it.
    folder: Option<PathBuf>,
    key: Key,
    /// What the user must know before the scan: an old baseline that still holds its key, or a
    /// key file just made.
    notice: Option<String>,
    /// Accepted findings: fingerprint → (rule, how many more it may hide).
    accepted: HashMap<Fingerprint, (String, usize)>,
}

impl Baseline {
    /// Read a baseline to filter a scan, with the key from `source`. A missing or damaged file,
    /// a missing key or the wrong key is an error naming the file.
    pub fn open(path: &Path, source: &KeySource) -> Result<Baseline, InputError> {
        let error =
            |line: Option<usize>, message: String| InputError { path: path.display().to_string(), line, message };
        let bytes = std::fs::read(path)
            .map_err(|e| error(None, format!("kan de baseline niet lezen: {}", describe_io_error(&e))))?;
        let wire: Wire = serde_json::from_slice(&bytes).map_err(|e| {
            error(
                Some(e.line()),
                "dit is geen baseline van postwacht (of hij is beschadigd); maak hem opnieuw met 'postwacht baseline'"
                    .into(),
            )
        })?;
        let (key, notice) = match (wire.version, &wire.key, &wire.key_check) {
            (VERSION_WITH_KEY, Some(stored), _) => {
                let key = Key::from_hex(stored)
                    .ok_or_else(|| error(None, "de sleutel van de baseline is beschadigd".into()))?;
                let notice = format!(
                    "let op: {} is een oude baseline waar de sleutel nog in staat; wie hem heeft, kan geraden namen \
                     erin opzoeken. Maak hem opnieuw met 'postwacht baseline --baseline-key BESTAND' (de sleutel komt \
                     dan buiten de repository).",
                    path.display()
                );
                (key, Some(notice))
            }
            (VERSION, None, Some(check)) => {
                let key = source.read(path)?;
                if key.check_value() != *check {
                    return Err(error(
                        None,
                        "de sleutel past niet bij deze baseline: gebruik het sleutelbestand waarmee hij gemaakt is, \
                         of maak de baseline opnieuw"
                            .into(),
                    ));
                }
                (key, None)
            }
            (VERSION_WITH_KEY | VERSION, _, _) => {
                return Err(error(None, "de sleutelgegevens van de baseline zijn beschadigd".into()));
            }
            (version, _, _) => {
                return Err(error(
                    None,
                    format!("baseline van versie {version}; deze postwacht leest versie {VERSION}"),
                ));
            }
        };
        let mut accepted = HashMap::new();
        for entry in wire.findings {
            let Some(bytes) = from_hex(&entry.fingerprint) else {
                return Err(error(None, "een vingerafdruk in de baseline is beschadigd".into()));
            };
            accepted.entry(Fingerprint(bytes)).or_insert((entry.rule, 0)).1 += entry.count;
        }
        Ok(Baseline { path: path.to_path_buf(), folder: folder_of(path), key, notice, accepted })
    }

    /// An empty baseline to write to `path`, with the key from `source` (a key file that does not
    /// exist yet is made). Writing it again with the same key changes only what changed.
    pub fn start(path: &Path, source: &KeySource) -> Result<Baseline, InputError> {
        let (key, created) = source.read_or_create(path)?;
        let notice = created.map(|file| {
            format!(
                "sleutelbestand {} gemaakt. Bewaar het zoals de leerlingenlijst, buiten de repository: zonder \
                 dit bestand (of {KEY_VARIABLE}) is de baseline niet te lezen, en met dit bestand en de baseline \
                 samen zijn geraden namen te controleren.",
                file.display()
            )
        });
        Ok(Baseline { path: path.to_path_buf(), folder: folder_of(path), key, notice, accepted: HashMap::new() })
    }

    /// What the user must know before the scan, if anything.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    pub fn key(&self) -> Key {
        self.key
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The file of a finding as the baseline names it: relative to the baseline's folder, with `/`
    /// between folders, whatever folder postwacht ran in.
    fn file_of(&self, path: &str) -> String {
        if path == "-" {
            return path.to_string();
        }
        let canonical = std::fs::canonicalize(path).ok();
        let relative = match (&canonical, &self.folder) {
            (Some(file), Some(folder)) => file.strip_prefix(folder).ok().map(Path::to_path_buf),
            _ => None,
        };
        let path = relative.or(canonical).unwrap_or_else(|| PathBuf::from(path));
        let parts: Vec<String> = path
            .components()
            .filter(|c| !matches!(c, Component::CurDir))
            .map(|c| c.as_os_str().to_string_lossy().replace('\\', "/"))
            .collect();
        parts.join("/").nfc().collect()
    }

    /// The fingerprint of each finding (none for a finding without a passage). Findings come a
    /// file at a time, so each file's name is worked out once, not once per finding.
    fn fingerprints(&self, findings: &[Finding]) -> Vec<Option<Fingerprint>> {
        let mut last: Option<(&str, String)> = None;
        findings
            .iter()
            .map(|f| {
                let passage = f.fingerprint.as_ref()?;
                if last.as_ref().is_none_or(|(path, _)| *path != f.path) {
                    last = Some((&f.path, self.file_of(&f.path)));
                }
                let (_, file) = last.as_ref()?;
                Some(fingerprint(&self.key, file, passage))
            })
            .collect()
    }

    /// Remove the findings the baseline accepted (each accepted fingerprint hides as many findings
    /// as it was counted); returns how many were removed.
    pub fn retain_new(&mut self, findings: &mut Vec<Finding>) -> usize {
        let before = findings.len();
        let mut prints = self.fingerprints(findings).into_iter();
        findings.retain(|_| {
            let Some(Some(print)) = prints.next() else { return true };
            match self.accepted.get_mut(&print) {
                Some((_, left)) if *left > 0 => {
                    *left -= 1;
                    false
                }
                _ => true,
            }
        });
        before - findings.len()
    }

    /// Accept findings (to be written).
    fn accept(&mut self, findings: &[Finding]) {
        for (f, print) in findings.iter().zip(self.fingerprints(findings)) {
            if let Some(print) = print {
                self.accepted.entry(print).or_insert_with(|| (f.rule.to_string(), 0)).1 += 1;
            }
        }
    }

    /// Write the baseline, via a temporary file so that a failed write leaves the old one.
    fn write(&self) -> io::Result<()> {
        let mut entries: Vec<WireEntry> = self
            .accepted
            .iter()
            .map(|(print, (rule, count))| WireEntry { rule: rule.clone(), fingerprint: hex(&print.0), count: *count })
            .collect();
        entries.sort_by(|a, b| (&a.rule, &a.fingerprint).cmp(&(&b.rule, &b.fingerprint)));
        let wire = Wire {
            version: VERSION,
            about: ABOUT.into(),
            key: None,
            key_check: Some(self.key.check_value()),
            findings: entries,
        };
        let mut text = serde_json::to_string_pretty(&wire).map_err(io::Error::other)?;
        text.push('\n');
        let name = self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let temporary = self.path.with_file_name(format!(".{name}.tmp"));
        let named =
            |e: io::Error| io::Error::new(e.kind(), format!("{}: {}", self.path.display(), describe_io_error(&e)));
        std::fs::write(&temporary, text).map_err(named)?;
        std::fs::rename(&temporary, &self.path).map_err(|e| {
            let _ = std::fs::remove_file(&temporary);
            named(e)
        })
    }

    /// The printer of `postwacht baseline`: it accepts every finding and writes the baseline at the
    /// end, unless a file could not be read (a baseline without that file's findings would report
    /// them all as new later).
    pub fn writer(self) -> Box<dyn Report + Send> {
        Box::new(Writer { baseline: self, files: BTreeMap::new() })
    }
}

/// The baseline's folder, resolved, when it exists.
fn folder_of(path: &Path) -> Option<PathBuf> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::canonicalize(folder).ok()
}

struct Writer {
    baseline: Baseline,
    /// Accepted findings per file, for the closing line.
    files: BTreeMap<String, usize>,
}

impl Report for Writer {
    fn findings(&mut self, _out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        self.baseline.accept(findings);
        for f in findings {
            *self.files.entry(f.path.clone()).or_default() += 1;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let path = self.baseline.path.display();
        if summary.errors > 0 {
            return writeln!(
                out,
                "Baseline {path} niet geschreven: niet alle bestanden konden gelezen worden (zie hierboven). Los dat eerst op."
            );
        }
        self.baseline.write()?;
        let findings = summary.findings;
        let counted = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        writeln!(
            out,
            "Baseline {path} geschreven: {} in {} geaccepteerd.",
            counted(findings, "melding", "meldingen"),
            counted(self.files.len(), "bestand", "bestanden")
        )?;
        writeln!(out, "Voortaan toont 'postwacht scan --baseline {path}' alleen nieuwe meldingen.")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_case_change_fingerprints_as_they_should() {
        let key = Key([7; 32]);
        let other = Key([8; 32]);
        let a = passage_fingerprint(&key, "PW101", "Noor Bakker");
        assert_eq!(a, passage_fingerprint(&key, "PW101", "NOOR  bakker"));
        assert_eq!(a, passage_fingerprint(&key, "PW101", "Noor\nBakker"));
        assert_ne!(a, passage_fingerprint(&other, "PW101", "Noor Bakker"));
        assert_ne!(a, passage_fingerprint(&key, "PW102", "Noor Bakker"));
        assert_ne!(fingerprint(&key, "a.md", &a), fingerprint(&key, "b.md", &a));
    }

    /// An attacker holds the baseline file and this code, and guesses names, rules and files.
    /// Every 32-byte value the file holds, tried as the key, confirms no guess; the real key,
    /// which stays in the key file, confirms the right one (so the test can fail).
    #[test]
    fn a_baseline_alone_confirms_no_guessed_name() {
        let dir = std::env::temp_dir().join(format!("postwacht-guess-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("baseline.json");
        let key = Key::random().unwrap();
        let mut baseline =
            Baseline { path: path.clone(), folder: folder_of(&path), key, notice: None, accepted: HashMap::new() };
        let print = fingerprint(&key, "nieuws/a.md", &passage_fingerprint(&key, "PW101", "Noor Bakker"));
        baseline.accepted.insert(print, ("PW101".into(), 1));
        baseline.write().unwrap();
        let file = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();

        let guesses = |candidate: &Key| {
            let mut hits = 0;
            for name in ["Noor Bakker", "Zoë Jansen", "Daan Smits", "noor bakker"] {
                for rule in ["PW101", "PW102"] {
                    for path in ["nieuws/a.md", "a.md"] {
                        let print = hex(&fingerprint(candidate, path, &passage_fingerprint(candidate, rule, name)).0);
                        hits += usize::from(file.contains(&print));
                    }
                }
            }
            hits
        };
        // Every run of 64 hexadecimal characters in the file, and the all-zero key.
        let bytes = file.as_bytes();
        let mut candidates = vec![Key([0; 32])];
        for start in 0..bytes.len().saturating_sub(63) {
            if let Some(candidate) = std::str::from_utf8(&bytes[start..start + 64]).ok().and_then(Key::from_hex) {
                candidates.push(candidate);
            }
        }
        assert!(candidates.len() >= 3, "the file holds a fingerprint and a check value");
        for candidate in &candidates {
            assert_eq!(guesses(candidate), 0, "a value in the baseline works as its key");
        }
        // "noor bakker" is the same passage in the matching view.
        assert_eq!(guesses(&key), 2, "with the real key the right guess is confirmed");
    }
}
