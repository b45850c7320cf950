//! The baseline's secret key, kept out of the baseline.
//!
//! A fingerprint is a keyed hash of a passage. Pupil names are few and easy to guess, so whoever
//! holds the key and the baseline can hash a guessed name and see whether the baseline holds it.
//! The key therefore lives where the roster lives, never in the baseline: in a key file named
//! with `--baseline-key` (or `baseline-key` in `postwacht.toml`), or in the environment variable
//! `POSTWACHT_BASELINE_KEY` (for a CI secret). The baseline holds only a check value, a keyed hash
//! of a fixed label, so that a wrong key is an error and not a baseline that silently hides
//! nothing; the check value tells nothing about the key or about any passage.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::input::{InputError, describe_io_error};

/// The environment variable that can hold the key (64 hexadecimal characters).
pub const KEY_VARIABLE: &str = "POSTWACHT_BASELINE_KEY";

/// The 32-byte key of BLAKE3's keyed mode.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Key(pub(super) [u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// A fresh key from the operating system's random source.
    pub fn random() -> Result<Key, String> {
        let mut bytes = [0; 32];
        getrandom::fill(&mut bytes).map_err(|e| format!("geen willekeurige sleutel te maken: {e}"))?;
        Ok(Key(bytes))
    }

    /// A key from its 64 hexadecimal characters.
    pub fn from_hex(text: &str) -> Option<Key> {
        from_hex(text).map(Key)
    }

    /// The value a baseline stores to recognise its key: a keyed hash of a fixed label.
    pub fn check_value(&self) -> String {
        let mut hasher = blake3::Hasher::new_keyed(&self.0);
        hasher.update(b"postwacht key check\0");
        hex(hasher.finalize().as_bytes())
    }
}

/// Where the key of a run comes from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeySource {
    /// `--baseline-key FILE` or `baseline-key` in `postwacht.toml`.
    pub file: Option<PathBuf>,
    /// The value of `POSTWACHT_BASELINE_KEY`, if set.
    pub variable: Option<String>,
}

impl KeySource {
    /// The source of this process: the file given, and the environment variable.
    pub fn with_file(file: Option<PathBuf>) -> KeySource {
        KeySource { file, variable: std::env::var(KEY_VARIABLE).ok().filter(|v| !v.trim().is_empty()) }
    }

    /// The key to read a baseline with. `baseline` names the baseline in the error.
    pub fn read(&self, baseline: &Path) -> Result<Key, InputError> {
        if let Some(file) = &self.file {
            return read_key_file(file);
        }
        if let Some(value) = &self.variable {
            return Key::from_hex(value.trim()).ok_or_else(|| InputError {
                path: KEY_VARIABLE.into(),
                line: None,
                message: "de sleutel moet 64 tekens 0-9 en a-f zijn (zoals 'postwacht baseline' hem maakte)".into(),
            });
        }
        Err(InputError {
            path: baseline.display().to_string(),
            line: None,
            message: format!(
                "deze baseline heeft zijn geheime sleutel nodig: geef --baseline-key BESTAND (het sleutelbestand \
                 dat 'postwacht baseline' maakte) of zet {KEY_VARIABLE}"
            ),
        })
    }

    /// The key to write a baseline with: as [`KeySource::read`], but a key file that does not
    /// exist yet is made (only readable by its owner). Without any source it is an error, because
    /// a key postwacht chose and kept nowhere would make the baseline useless the next time.
    pub fn read_or_create(&self, baseline: &Path) -> Result<(Key, Option<PathBuf>), InputError> {
        match &self.file {
            Some(file) if !file.exists() => create_key_file(file).map(|key| (key, Some(file.clone()))),
            None if self.variable.is_none() => Err(InputError {
                path: baseline.display().to_string(),
                line: None,
                message: format!(
                    "een baseline heeft een geheime sleutel nodig, buiten de repository: geef bijvoorbeeld \
                     --baseline-key ../prive/postwacht-sleutel (postwacht maakt het bestand) of zet {KEY_VARIABLE}"
                ),
            }),
            _ => self.read(baseline).map(|key| (key, None)),
        }
    }
}

const KEY_FILE_HEAD: &str = "# Geheime sleutel van een postwacht-baseline. Bewaar dit bestand zoals de leerlingenlijst:\n\
# niet in de repository, niet op een openbare plek. Kwijt? Maak de baseline opnieuw.\n";

fn read_key_file(file: &Path) -> Result<Key, InputError> {
    let error = |line: Option<usize>, message: String| InputError { path: file.display().to_string(), line, message };
    let text = std::fs::read_to_string(file)
        .map_err(|e| error(None, format!("kan het sleutelbestand niet lezen: {}", describe_io_error(&e))))?;
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'));
    let Some((number, line)) = lines.next() else {
        return Err(error(None, "het sleutelbestand is leeg; maak het opnieuw met 'postwacht baseline'".into()));
    };
    let key = Key::from_hex(line.trim())
        .ok_or_else(|| error(Some(number + 1), "de sleutel moet 64 tekens 0-9 en a-f zijn".into()))?;
    if let Some((number, _)) = lines.next() {
        return Err(error(Some(number + 1), "een sleutelbestand heeft één sleutel; hier staat nog een regel".into()));
    }
    Ok(key)
}

fn create_key_file(file: &Path) -> Result<Key, InputError> {
    let error = |message: String| InputError { path: file.display().to_string(), line: None, message };
    let key = Key::random().map_err(error)?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(file).and_then(|mut f| writeln!(f, "{KEY_FILE_HEAD}{}", hex(&key.0)));
    written.map_err(|e| error(format!("kan het sleutelbestand niet maken: {}", describe_io_error(&e))))?;
    Ok(key)
}

pub(super) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub(super) fn from_hex(text: &str) -> Option<[u8; 32]> {
    if text.len() != 64 || !text.is_ascii() {
        return None;
    }
    let mut out = [0; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trips() {
        let bytes: [u8; 32] = std::array::from_fn(|i| (i * 9) as u8);
        assert_eq!(from_hex(&hex(&bytes)), Some(bytes));
        assert_eq!(from_hex("zz"), None);
        assert_eq!(from_hex(&"é".repeat(32)), None);
    }

    #[test]
    fn random_keys_differ_and_so_do_their_check_values() {
        let (a, b) = (Key::random().unwrap(), Key::random().unwrap());
        assert_ne!(a, b);
        assert_ne!(a.check_value(), b.check_value());
        assert_eq!(a.check_value(), a.check_value());
    }

    #[test]
    fn a_key_file_is_made_once_and_read_back() {
        let dir = std::env::temp_dir().join(format!("postwacht-key-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("sleutel");
        let _ = std::fs::remove_file(&file);
        let source = KeySource { file: Some(file.clone()), variable: None };
        let (made, created) = source.read_or_create(Path::new("b.json")).unwrap();
        assert_eq!(created.as_deref(), Some(file.as_path()));
        assert_eq!(source.read(Path::new("b.json")).unwrap(), made);
        let (again, created) = source.read_or_create(Path::new("b.json")).unwrap();
        assert_eq!((again, created), (made, None), "an existing key file is kept");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(std::fs::metadata(&file).unwrap().permissions().mode() & 0o777, 0o600);
        }
        std::fs::write(&file, "# kop\nxyz\n").unwrap();
        let broken = source.read(Path::new("b.json")).unwrap_err();
        assert_eq!(broken.line, Some(2), "{}", broken.message);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn without_a_source_there_is_no_key() {
        let none = KeySource::default();
        assert!(none.read(Path::new("b.json")).unwrap_err().message.contains("--baseline-key"));
        assert!(none.read_or_create(Path::new("b.json")).is_err());
        let variable = KeySource { file: None, variable: Some(hex(&[3; 32])) };
        assert_eq!(variable.read(Path::new("b.json")).unwrap(), Key([3; 32]));
    }
}
