//! `postwacht.toml`: the settings of a school or a newsletter repository, so that `postwacht scan`
//! needs no options.
//!
//! **Where**: `--config FILE` names the file (then nothing is looked for) and `--no-config` ignores
//! any. Otherwise postwacht looks for `postwacht.toml` in the current folder and, inside a git
//! repository, in each folder above it up to the repository's top folder (the one holding `.git`),
//! never above it. Outside a repository only the current folder counts: a draft in a downloads
//! folder should not pick up a file from someone's home folder.
//!
//! **What**: the keys are named like the command line's options ([`model::Settings`]); paths in the
//! file (rosters, baseline) are relative to the file's folder. The command line overrides the
//! file; lists of things (orgs, org-domains, rosters) add up, choices (protocols, channel, …) are
//! replaced. An unknown key, a wrong kind of value or an unknown choice is an error that names
//! the file, the line and the key.
//!
//! `postwacht init` writes [`TEMPLATE`], a commented example in Dutch.

mod errors;
pub mod model;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;

use crate::finding::{Category, Severity};
use crate::input::{InputError, describe_io_error};
use crate::lexicon::Lexicon;
use crate::line_index::LineIndex;
use crate::terms::{self, ExtraTerm, SchoolTerms};

/// The name of the file.
pub const FILE_NAME: &str = "postwacht.toml";

/// The commented example `postwacht init` writes.
pub const TEMPLATE: &str = include_str!("template.toml");

/// A configuration file, read and checked for its shape.
#[derive(Debug)]
pub struct ConfigFile {
    /// The file as found or given (relative to the current folder when it was found).
    pub path: PathBuf,
    text: String,
    /// A school may list thousands of terms, each shown with its line.
    lines: LineIndex,
    pub settings: model::Settings,
}

impl ConfigFile {
    /// Read and parse a configuration file.
    pub fn load(path: &Path) -> Result<ConfigFile, InputError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| InputError {
            path: name.clone(),
            line: None,
            message: format!("kan het instellingenbestand niet lezen: {}", describe_io_error(&e)),
        })?;
        let text = crate::encoding::decode(&bytes).0.into_owned();
        let lines = LineIndex::new(&text);
        let file = ConfigFile { path: path.to_path_buf(), text, lines, settings: model::Settings::default() };
        let settings = toml::from_str(&file.text).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            file.error(&span, &errors::dutch(e.message()))
        })?;
        Ok(ConfigFile { settings, ..file })
    }

    /// The 1-based line of a span in the file.
    pub fn line(&self, span: &Range<usize>) -> usize {
        self.lines.line(span.start)
    }

    /// An error about the value at `span`: file, line, key and message.
    pub fn error(&self, span: &Range<usize>, message: &str) -> InputError {
        let message = match errors::key_path_at(&self.text, span.start) {
            Some(key) => format!("{key}: {message}"),
            None => message.to_string(),
        };
        InputError { path: self.path.display().to_string(), line: Some(self.line(span)), message }
    }

    /// The folder paths in the file are relative to.
    pub fn folder(&self) -> &Path {
        self.path.parent().unwrap_or(Path::new(""))
    }

    /// A path written in the file, as seen from the current folder.
    pub fn path_in(&self, written: &str) -> PathBuf {
        self.folder().join(written)
    }

    /// The school's own terms, checked: every term compiles, every category and severity exists,
    /// and every removed term is a built-in one.
    pub fn terms(&self, lexicon: &Lexicon) -> Result<SchoolTerms, InputError> {
        let section = &self.settings.terms;
        let mut out = SchoolTerms::default();
        let check = |term: &Spanned<String>| {
            terms::compile(term.get_ref()).map(|_| ()).map_err(|e| self.error(&term.span(), &e))
        };
        for extra in &section.extra {
            let extra = extra.get_ref();
            check(&extra.term)?;
            let category = Category::parse(extra.category.get_ref())
                .filter(|&c| terms::rule_for(c).is_some())
                .ok_or_else(|| {
                    let names: Vec<&str> = terms::EXTRA_RULES.iter().map(|(c, _)| c.as_str()).collect();
                    self.error(
                        &extra.category.span(),
                        &format!("onbekende categorie '{}'; kies uit: {}", extra.category.get_ref(), names.join(", ")),
                    )
                })?;
            let severity = match &extra.severity {
                None => None,
                Some(s) => Some(Severity::parse(s.get_ref()).ok_or_else(|| {
                    self.error(&s.span(), &format!("onbekende ernst '{}'; kies uit: info, warning, error", s.get_ref()))
                })?),
            };
            out.extra.push(ExtraTerm { term: extra.term.get_ref().clone(), category, severity });
        }
        for removed in &section.remove {
            if !terms::is_builtin(lexicon, removed.get_ref()) {
                return Err(self.error(
                    &removed.span(),
                    &format!(
                        "'{}' staat niet in de ingebouwde lijsten met scheldwoorden, vloeken en vertrouwelijke woorden; er valt niets weg te halen",
                        removed.get_ref()
                    ),
                ));
            }
            out.remove.push(removed.get_ref().clone());
        }
        for allowed in &section.allow {
            check(allowed)?;
            out.allow.push(allowed.get_ref().clone());
        }
        Ok(out)
    }
}

/// The configuration file that applies in `folder` (absolute): `postwacht.toml` there, or inside
/// a git repository in the nearest folder above it up to the repository's top folder. The path
/// is relative to `folder` (`postwacht.toml`, `../../postwacht.toml`).
pub fn discover(folder: &Path) -> Option<PathBuf> {
    let folders: Vec<&Path> = folder.ancestors().collect();
    // `.git` is a folder, or a file in a worktree or submodule.
    let top = folders.iter().position(|f| f.join(".git").exists()).unwrap_or(0);
    (0..=top).find(|&up| folders[up].join(FILE_NAME).is_file()).map(|up| {
        let mut path: PathBuf = std::iter::repeat_n("..", up).collect();
        path.push(FILE_NAME);
        path
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("postwacht-config-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn discovery_stops_at_the_repository_top() {
        let dir = scratch("discover");
        let deep = dir.join("repo/nieuws/2026");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(dir.join(FILE_NAME), "").unwrap();
        // Outside a repository: only the folder itself.
        assert_eq!(discover(&deep), None);
        assert_eq!(discover(&dir), Some(PathBuf::from(FILE_NAME)));
        // Inside one: up to its top, not above it.
        std::fs::create_dir(dir.join("repo/.git")).unwrap();
        assert_eq!(discover(&deep), None);
        std::fs::write(dir.join("repo").join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(PathBuf::from("../../postwacht.toml")));
        std::fs::write(deep.join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(PathBuf::from(FILE_NAME)));
        let _ = std::fs::remove_dir_all(&dir);
    }

    fn load(text: &str) -> Result<ConfigFile, InputError> {
        let dir = scratch(&format!("load-{}", text.len()));
        let path = dir.join(FILE_NAME);
        std::fs::write(&path, text).unwrap();
        let loaded = ConfigFile::load(&path);
        let _ = std::fs::remove_dir_all(&dir);
        loaded
    }

    #[test]
    fn errors_name_line_and_key() {
        let e = load("orgs = [\"De Regenboog\"]\n\norg-domain = \"regenboog.nl\"\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.starts_with("org-domain: onbekende sleutel 'org-domain' (bedoel je 'org-domains'?)"), "{e}");
        let e = load("[terms]\nextra = [\n  { term = \"juf heks\", categorie = \"insult\" },\n]\n").unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("terms.extra[1].categorie: onbekende sleutel"), "{e}");
        let e = load("redact = \"ja\"\n").unwrap_err();
        assert!(e.message.starts_with("redact: verkeerde soort waarde"), "{e}");
    }

    #[test]
    fn terms_are_checked() {
        let lexicon = Lexicon::get().unwrap();
        let file = load(
            "[terms]\nextra = [{ term = \"Juf Heks\", category = \"insult\", severity = \"warning\" }]\nremove = [\"sukkel\"]\nallow = [\"De Kanjer\"]\n",
        )
        .unwrap();
        let terms = file.terms(lexicon).unwrap();
        assert_eq!(terms.extra[0].severity, Some(Severity::Warning));
        assert_eq!((terms.remove.len(), terms.allow.len()), (1, 1));
        for (text, wanted) in [
            ("[terms]\nextra = [{ term = \"x\", category = \"pupil-name\" }]", "onbekende categorie"),
            ("[terms]\nextra = [{ term = \"x\", category = \"insult\", severity = \"hoog\" }]", "onbekende ernst"),
            ("[terms]\nremove = [\"fietsenstalling\"]", "staat niet in de ingebouwde lijsten"),
            ("[terms]\nallow = [\"(a|\"]", "terms.allow[1]"),
        ] {
            let e = load(text).unwrap().terms(lexicon).unwrap_err();
            assert!(e.message.contains(wanted), "{text}: {e}");
            assert_eq!(e.line, Some(2), "{text}");
        }
    }
}
