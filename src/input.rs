//! What to scan: files, directories (walked recursively, hidden folders skipped) and standard
//! input, read as text.

use std::fmt;
use std::io::{BufRead, Read};
use std::path::{Path, PathBuf};

use crate::encoding::{self, Encoding};

/// One thing to scan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The name findings report: `-` for standard input.
    pub fn display(&self) -> String {
        match self {
            Source::Stdin => "-".into(),
            Source::File(path) => path.display().to_string(),
        }
    }
}

/// A problem with an input: it names the file and, where it applies, the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InputError {
    pub path: String,
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

impl std::error::Error for InputError {}

/// A plain-Dutch description of an I/O error.
pub fn describe_io_error(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "bestand of map bestaat niet".into(),
        PermissionDenied => "geen toestemming om te lezen".into(),
        IsADirectory => "dit is een map, geen bestand".into(),
        InvalidData => "ongeldige gegevens".into(),
        _ => e.to_string(),
    }
}

/// Expand the command line's paths into sources, in a stable order. No paths (or `-`) means
/// standard input. Paths that cannot be read are returned as errors; the rest are still scanned.
pub fn collect(paths: &[PathBuf]) -> (Vec<Source>, Vec<InputError>) {
    if paths.is_empty() {
        return (vec![Source::Stdin], Vec::new());
    }
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            sources.push(Source::Stdin);
            continue;
        }
        match std::fs::metadata(path) {
            Err(e) => {
                errors.push(InputError { path: path.display().to_string(), line: None, message: describe_io_error(&e) })
            }
            Ok(meta) if meta.is_dir() => walk(path, &mut sources, &mut errors),
            Ok(_) => sources.push(Source::File(path.clone())),
        }
    }
    (sources, errors)
}

fn walk(root: &Path, sources: &mut Vec<Source>, errors: &mut Vec<InputError>) {
    let hidden = |entry: &walkdir::DirEntry| {
        entry.depth() > 0 && entry.file_name().to_str().is_some_and(|name| name.starts_with('.'))
    };
    let walker = walkdir::WalkDir::new(root).sort_by_file_name().into_iter().filter_entry(|e| !hidden(e));
    for entry in walker {
        match entry {
            Ok(entry) if entry.file_type().is_file() => sources.push(Source::File(entry.into_path())),
            Ok(_) => {}
            Err(e) => {
                let path = e.path().map_or_else(|| root.display().to_string(), |p| p.display().to_string());
                let message = e.io_error().map_or_else(|| e.to_string(), describe_io_error);
                errors.push(InputError { path, line: None, message });
            }
        }
    }
}

/// A source read into memory.
#[derive(Debug)]
pub enum Loaded {
    Text {
        text: String,
        encoding: Encoding,
    },
    /// Not text: skipped with a note.
    Binary,
}

/// Open a source for reading as a stream.
pub fn open(source: &Source) -> Result<Box<dyn BufRead>, InputError> {
    match source {
        Source::Stdin => Ok(Box::new(std::io::stdin().lock())),
        Source::File(path) => match std::fs::File::open(path) {
            Ok(file) => Ok(Box::new(std::io::BufReader::with_capacity(1 << 16, file))),
            Err(e) => Err(read_error(source, &e)),
        },
    }
}

/// The error for a source that could not be read.
pub fn read_error(source: &Source, e: &std::io::Error) -> InputError {
    InputError { path: source.display(), line: None, message: describe_io_error(e) }
}

/// The most postwacht reads of one text or JSON document (line-based exports are streamed and
/// have no such limit). Without it `--input-format text /dev/zero` filled memory until the system
/// killed postwacht (issue 17's hostile inputs); a real post or export is far smaller.
pub const MAX_WHOLE: u64 = 256 << 20;

/// Read what is left of `reader`, at most [`MAX_WHOLE`] bytes; more is an error.
pub fn read_whole(reader: &mut dyn Read) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader.take(MAX_WHOLE + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_WHOLE {
        return Err(std::io::Error::other(format!(
            "te groot om in één keer te lezen (meer dan {} MiB); splits het bestand",
            MAX_WHOLE >> 20
        )));
    }
    Ok(bytes)
}

/// Read a source whole.
pub fn read(source: &Source) -> Result<Loaded, InputError> {
    let bytes = read_whole(&mut open(source)?).map_err(|e| read_error(source, &e))?;
    Ok(loaded(&bytes))
}

/// Bytes read from a source, as text (or not).
pub fn loaded(bytes: &[u8]) -> Loaded {
    if encoding::looks_binary(bytes) {
        return Loaded::Binary;
    }
    let (text, encoding) = encoding::decode(bytes);
    Loaded::Text { text: text.into_owned(), encoding }
}
