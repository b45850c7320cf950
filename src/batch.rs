//! A batch scan: the sources of one run read in order, scanned in parallel, and reported in that
//! same order as a stream of [`Event`]s.
//!
//! One thread reads. A plain text, a Markdown post or a file changed in git is one unit of work;
//! an export is cut into slices of items as it is read, so one long export keeps every worker
//! busy and is never held whole (see [`ordered`] for the bounded read-ahead). Searching is kept
//! apart from printing: the caller gets events and decides what to print.

use std::cell::Cell;
use std::mem;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;

use crate::encoding::Encoding;
use crate::export::{self, Item, Opened};
use crate::finding::Finding;
use crate::git::ChangedFile;
use crate::input::{self, InputError, Loaded, Source};
use crate::markup::{self, Markup};
use crate::ordered;
use crate::scan::{Location, Scanner};

/// One thing to scan: a file or standard input, or a file changed in git.
pub enum Job {
    Source(Source),
    Changed(ChangedFile),
}

impl Job {
    /// The size of the file, when it is known before reading.
    pub fn size(&self) -> Option<u64> {
        match self {
            Job::Source(Source::File(path)) => std::fs::metadata(path).ok().map(|m| m.len()),
            _ => None,
        }
    }
}

/// What a batch scan reports, in the order of the sources (and within a source, of the text).
pub enum Event {
    /// A whole text (a draft, a post) as it was scanned, before its findings; only when the
    /// batch keeps texts (for the review page, which shows each text with its passages marked).
    Text { path: String, text: String },
    /// Findings of a source, in order; a long export gives several.
    Findings(Vec<Finding>),
    /// A source is done: how many items it held (1 for a plain text), and what went wrong after
    /// which its findings so far still count.
    Done { items: usize, errors: Vec<InputError> },
    /// A remark for the user (a skipped binary file, a guessed encoding).
    Note(String),
    /// A source could not be scanned.
    Failed(InputError),
    /// This many more bytes of input have been scanned (for a progress bar).
    Scanned(u64),
}

/// How a batch is read and scanned.
pub struct Batch<'a> {
    pub scanner: &'a Scanner,
    /// How exports are read; its `format` (`--input-format`) also decides how a plain file's
    /// markup is read.
    pub export: export::Options,
    pub redact: bool,
    pub threads: usize,
    /// Hand each whole text to the caller ([`Event::Text`]).
    pub keep_texts: bool,
}

/// About how much comment text one slice of an export holds: enough that handing it to a worker
/// costs little, small enough that a few slices per worker stay a few megabytes.
const SLICE_BYTES: usize = 16 * 1024;

/// How many whole files at most travel in one unit.
const FILES_PER_UNIT: usize = 32;

/// A whole text (a draft, a post), read already or still to be read by the worker.
enum Text<'j> {
    /// Read (the reader looked inside to see it is no export), with the size of its file.
    Read { name: String, text: String, encoding: Encoding, bytes: u64 },
    /// A Markdown or HTML file by its name: never an export, so the worker reads it.
    File(&'j Source),
}

/// A unit of work.
enum Unit<'j> {
    /// Whole texts; consecutive small files travel together (see [`Gather`]).
    Texts(Vec<Text<'j>>),
    /// A file changed in git: read from git and scanned by the worker.
    Changed(&'j ChangedFile),
    /// A slice of an export's items, and how many bytes of the file they cover.
    Items { path: String, items: Vec<Item>, bytes: u64 },
    /// Events that need no work, kept in their place in the output.
    Ready(Vec<Event>),
}

impl Batch<'_> {
    /// Scan `jobs`, handing each event to `consume` in order. When `consume` returns false (the
    /// output is gone) no more work is started and no more events are handed over.
    pub fn run(&self, jobs: &[Job], mut consume: impl FnMut(Event) -> bool) {
        let stopped = Cell::new(false);
        ordered::map(
            self.threads,
            |submit| {
                let mut submit_unless_stopped = |unit| {
                    if !stopped.get() {
                        submit(unit);
                    }
                };
                let mut gather = Gather { submit: &mut submit_unless_stopped, texts: Vec::new(), bytes: 0 };
                for job in jobs.iter().take_while(|_| !stopped.get()) {
                    self.read(job, &mut |unit| gather.put(unit));
                }
                gather.flush();
            },
            |unit| self.work(unit),
            |events| {
                for event in events {
                    if !stopped.get() && !consume(event) {
                        stopped.set(true);
                    }
                }
            },
        );
    }

    /// Read one job into units.
    fn read<'j>(&self, job: &'j Job, submit: &mut dyn FnMut(Unit<'j>)) {
        let source = match job {
            Job::Changed(file) => return submit(Unit::Changed(file)),
            Job::Source(source) => source,
        };
        if let Source::File(path) = source
            && self.export.format.is_none()
            && Markup::of_path(path) != Markup::Text
        {
            return submit(Unit::Texts(vec![Text::File(source)]));
        }
        let path = source.display();
        let mut slice = Vec::new();
        let (mut slice_bytes, mut done_bytes) = (0, 0);
        let opened = export::read(source, &self.export, &mut |item: Item| {
            slice_bytes += item.text.text.len();
            let read_to = item.text.end().offset as u64;
            slice.push(item);
            if slice_bytes >= SLICE_BYTES {
                let bytes = read_to.saturating_sub(done_bytes);
                done_bytes = done_bytes.max(read_to);
                submit(Unit::Items { path: path.clone(), items: mem::take(&mut slice), bytes });
                slice_bytes = 0;
            }
        });
        let size = job.size();
        let mut rest = size.unwrap_or(done_bytes).saturating_sub(done_bytes);
        if !slice.is_empty() {
            submit(Unit::Items { path: path.clone(), items: slice, bytes: mem::take(&mut rest) });
        }
        submit(match opened {
            Err(e) => Unit::Ready(vec![Event::Failed(e), Event::Scanned(rest)]),
            Ok(Opened::Binary) => Unit::Ready(vec![skipped(&path), Event::Scanned(rest)]),
            Ok(Opened::Text { text, encoding }) => {
                let bytes = size.unwrap_or(text.len() as u64);
                Unit::Texts(vec![Text::Read { name: path, text, encoding, bytes }])
            }
            Ok(Opened::Export(export)) => {
                Unit::Ready(vec![Event::Done { items: export.items, errors: export.errors }, Event::Scanned(rest)])
            }
        });
    }

    /// Scan one unit.
    fn work(&self, unit: Unit) -> Vec<Event> {
        match unit {
            Unit::Texts(texts) => texts.into_iter().flat_map(|text| self.scan_whole(text)).collect(),
            Unit::Changed(file) => guarded(&file.path, || match file.read() {
                Err(e) => vec![Event::Failed(e)],
                Ok(Loaded::Binary) => vec![skipped(&file.path)],
                Ok(Loaded::Text { text, encoding }) => self.scan_text(&file.path, &text, encoding, Some(file)),
            }),
            Unit::Items { path, items, bytes } => {
                let mut events = guarded(&path, || {
                    let findings = items
                        .iter()
                        .flat_map(|item| export::item_findings(self.scanner, &path, item, self.redact))
                        .collect();
                    vec![Event::Findings(findings)]
                });
                events.push(Event::Scanned(bytes));
                events
            }
            Unit::Ready(events) => events,
        }
    }

    /// A whole file, read already or read here.
    fn scan_whole(&self, text: Text) -> Vec<Event> {
        let (name, text, encoding, bytes) = match text {
            Text::Read { name, text, encoding, bytes } => (name, text, encoding, bytes),
            Text::File(source) => match input::read(source) {
                Err(e) => return vec![Event::Failed(e)],
                Ok(Loaded::Binary) => {
                    return vec![skipped(&source.display())];
                }
                Ok(Loaded::Text { text, encoding }) => {
                    let bytes = text.len() as u64;
                    (source.display(), text, encoding, bytes)
                }
            },
        };
        let mut events = guarded(&name, || self.scan_text(&name, &text, encoding, None));
        events.push(Event::Scanned(bytes));
        events
    }

    /// A whole text, read as its markup says; for a changed file only what the change adds.
    fn scan_text(&self, name: &str, text: &str, encoding: Encoding, changed: Option<&ChangedFile>) -> Vec<Event> {
        let mut events = Vec::new();
        match encoding {
            Encoding::Windows1252 => events.push(Event::Note(format!(
                "{name}: gelezen als Windows-1252 (geen UTF-8); posities gelden voor de tekst na omzetting"
            ))),
            Encoding::Utf8Damaged { first, count } => {
                let line = text[..first].matches('\n').count() + 1;
                let places = if count == 1 {
                    "1 byte die geen UTF-8 is".to_string()
                } else {
                    format!("{count} bytes die geen UTF-8 zijn")
                };
                events.push(Event::Note(format!(
                    "{name}: UTF-8 met {places} (de eerste op regel {line}, byte {}); gelezen als spatie, de rest als UTF-8",
                    first + 1
                )));
            }
            _ => {}
        }
        let markup = Markup::of(self.export.format, Path::new(name));
        let mut findings = markup::findings(self.scanner, text, markup, &Location::file(name), self.redact);
        if let Some(file) = changed {
            findings.retain(|f| file.adds(f));
        }
        if self.keep_texts {
            events.push(Event::Text { path: name.to_string(), text: text.to_string() });
        }
        events.push(Event::Findings(findings));
        events.push(Event::Done { items: 1, errors: Vec::new() });
        events
    }
}

/// The note for a source that is not text.
fn skipped(name: &str) -> Event {
    Event::Note(format!("{name}: overgeslagen, geen tekstbestand"))
}

/// Run a scan of the source `name`. A panic (a bug) becomes an error for that source, so the run
/// goes on.
fn guarded(name: &str, scan: impl FnOnce() -> Vec<Event>) -> Vec<Event> {
    panic::catch_unwind(AssertUnwindSafe(scan)).unwrap_or_else(|_| {
        vec![Event::Failed(InputError {
            path: name.to_string(),
            line: None,
            message: "interne fout van postwacht bij het controleren; meld dit alstublieft".into(),
        })]
    })
}

/// Hands units on, but puts consecutive small texts together into one unit of about
/// [`SLICE_BYTES`]: for a folder of short posts, a hand-over per post would cost more (waking
/// threads) than scanning it.
struct Gather<'s, 'j> {
    submit: &'s mut dyn FnMut(Unit<'j>),
    texts: Vec<Text<'j>>,
    bytes: usize,
}

impl<'j> Gather<'_, 'j> {
    fn put(&mut self, unit: Unit<'j>) {
        match unit {
            Unit::Texts(texts) => {
                for text in texts {
                    if let Text::Read { text, .. } = &text {
                        self.bytes += text.len();
                    }
                    self.texts.push(text);
                }
                if self.bytes >= SLICE_BYTES || self.texts.len() >= FILES_PER_UNIT {
                    self.flush();
                }
            }
            other => {
                self.flush();
                (self.submit)(other);
            }
        }
    }

    fn flush(&mut self) {
        if !self.texts.is_empty() {
            (self.submit)(Unit::Texts(mem::take(&mut self.texts)));
            self.bytes = 0;
        }
    }
}
