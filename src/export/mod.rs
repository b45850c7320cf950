//! Comment exports: a file of many comments becomes a stream of [`Item`]s, each scanned on its
//! own, with findings that name the item and point into the file.
//!
//! One module per format; this one holds the formats' names ([`InputFormat`], which
//! `--input-format` forces), recognises a format from the file's content, and scans the items.
//! Line-based formats (WhatsApp, CSV, JSON Lines) are read as a stream, line by line; JSON
//! documents (Graph API, "Download your information", YouTube, X) are read whole.

mod csv_table;
mod dyi;
mod graph;
mod html;
pub mod json;
mod jsonl;
pub mod lines;
pub mod mapped;
mod time;
mod whatsapp;
mod x;
mod youtube;

use std::io::{BufRead, Cursor, Read};

use crate::encoding::{self, Encoding};
use crate::finding::{Category, Finding};
use crate::input::{self, InputError, Source};
use crate::scan::{Location, Scanner};
use json::{Doc, Node};
use lines::Lines;
use mapped::MappedText;

/// What a file is. `--input-format` forces one; by default postwacht recognises it from the
/// content, and reads anything it does not recognise as plain text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Gewone tekst (een concept).
    Text,
    /// Facebook Graph API: reacties en berichten (JSON).
    Facebook,
    /// Instagram Graph API: reacties (JSON).
    Instagram,
    /// Facebook "Download je gegevens" (JSON).
    FacebookDyi,
    /// Instagram "Download je gegevens" (JSON).
    InstagramDyi,
    /// YouTube Data API: commentThreads (JSON).
    Youtube,
    /// X (Twitter) archief: tweets.js.
    X,
    /// WhatsApp-chatexport (.txt, Android of iOS).
    Whatsapp,
    /// CSV met een kolom tekst (--text-column).
    Csv,
    /// JSON Lines: één JSON-object per regel.
    Jsonl,
    /// Markdown met front matter (.md, .markdown): alleen wat gepubliceerd wordt.
    Markdown,
    /// HTML (.html, .htm): de tekst, alt- en title-teksten en zoekparameters van links.
    Html,
}

impl InputFormat {
    /// The format's name as `--input-format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Text => "text",
            InputFormat::Markdown => "markdown",
            InputFormat::Html => "html",
            InputFormat::Facebook => "facebook",
            InputFormat::Instagram => "instagram",
            InputFormat::FacebookDyi => "facebook-dyi",
            InputFormat::InstagramDyi => "instagram-dyi",
            InputFormat::Youtube => "youtube",
            InputFormat::X => "x",
            InputFormat::Whatsapp => "whatsapp",
            InputFormat::Csv => "csv",
            InputFormat::Jsonl => "jsonl",
        }
    }
}

/// How to read exports.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Forced by `--input-format`; `None` recognises the format from the content.
    pub format: Option<InputFormat>,
    /// The CSV column (header or 1-based number) or JSON Lines field holding the text.
    pub text_column: Option<String>,
}

/// One comment, message or post of an export.
#[derive(Clone, Debug)]
pub struct Item {
    /// The comment's id, or for WhatsApp and CSV its first line number.
    pub id: String,
    pub author: Option<MappedText>,
    /// When it was written, as the export gives it (epoch seconds are written out).
    pub time: Option<String>,
    pub text: MappedText,
    /// Other published text that comes with the item (a "Download your information" title).
    pub extra: Vec<MappedText>,
    /// Where the comment can be seen, when the export says (a Graph API permalink, a YouTube
    /// comment, a post on X).
    pub link: Option<String>,
}

/// A problem in an export, at a line when known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<usize>,
    pub message: String,
}

/// How many problems one file may report before postwacht stops reading it.
pub const MAX_PROBLEMS: usize = 20;

/// Where the formats deliver items and problems.
pub struct Sink<'a> {
    on_item: &'a mut dyn FnMut(Item),
    pub items: usize,
    pub problems: Vec<Problem>,
}

impl Sink<'_> {
    pub fn item(&mut self, item: Item) {
        self.items += 1;
        (self.on_item)(item);
    }

    /// Report a problem; false once there are too many to go on.
    pub fn problem(&mut self, line: Option<usize>, message: impl Into<String>) -> bool {
        if self.problems.len() < MAX_PROBLEMS {
            self.problems.push(Problem { line, message: message.into() });
            if self.problems.len() == MAX_PROBLEMS {
                self.problems.push(Problem {
                    line,
                    message: format!("te veel fouten ({MAX_PROBLEMS}); de rest van het bestand is niet gelezen"),
                });
            }
        }
        self.problems.len() < MAX_PROBLEMS
    }

    /// A JSON parse error of a document.
    fn json_error(&mut self, doc: &Doc, error: &json::ParseError) {
        let (line, message) = doc.describe(error);
        self.problem(Some(line), message);
    }
}

/// What reading a source gave.
pub enum Opened {
    /// Not text: skipped.
    Binary,
    /// A plain text (or one read as such), for the caller to scan.
    Text { text: String, encoding: Encoding },
    /// An export: its items went to the caller one by one.
    Export(Export),
}

/// An export that was read: its format, how many items it held and what went wrong (after which
/// the items so far were still delivered).
pub struct Export {
    pub format: InputFormat,
    pub items: usize,
    pub errors: Vec<InputError>,
}

/// How much of the start of a file is read to recognise its format.
const HEAD: usize = 1 << 16;

/// Categories that make sense in an author name or title: a name, a phone number, an insult.
/// (A disclaimer or a photo is a matter of the message itself.)
const SIDE_CATEGORIES: [Category; 6] = [
    Category::PupilName,
    Category::PersonalData,
    Category::Insult,
    Category::Discrimination,
    Category::Threat,
    Category::Obscene,
];

/// Read a source: when it is an export, each of its items goes to `on_item` as soon as it is
/// read (line-based exports are never held whole, whatever their size).
pub fn read(source: &Source, options: &Options, on_item: &mut dyn FnMut(Item)) -> Result<Opened, InputError> {
    let mut reader = input::open(source)?;
    let mut head = Vec::new();
    (&mut reader).take(HEAD as u64).read_to_end(&mut head).map_err(|e| input::read_error(source, &e))?;
    if encoding::looks_utf16(&head) {
        let message = "UTF-16-tekst, niet gecontroleerd: sla het bestand op als UTF-8".to_string();
        return Err(InputError { path: source.display(), line: None, message });
    }
    if options.format.is_none() && encoding::looks_binary(&head) {
        return Ok(Opened::Binary);
    }
    let guess = guess(&head, options, &source.display());
    // The source is buffered already; the chain puts the head back in front of it.
    let mut reader = Cursor::new(head).chain(reader);
    let path = source.display();
    let mut sink = Sink { on_item, items: 0, problems: Vec::new() };
    let format = match read_items(guess, &mut reader, options, &mut sink) {
        Err(e) => return Err(input::read_error(source, &e)),
        Ok(ReadAs::Text(bytes)) => {
            return Ok(match input::loaded(&bytes) {
                input::Loaded::Binary => Opened::Binary,
                input::Loaded::Text { text, encoding } => Opened::Text { text, encoding },
            });
        }
        Ok(ReadAs::Items(format)) => format,
    };
    let (items, problems) = (sink.items, sink.problems);
    let errors = problems.into_iter().map(|p| InputError { path: path.clone(), line: p.line, message: p.message });
    Ok(Opened::Export(Export { format, items, errors: errors.collect() }))
}

/// What [`read_items`] made of a source.
enum ReadAs {
    /// It is an export of this format; its items went to the sink.
    Items(InputFormat),
    /// It is plain text: the whole source.
    Text(Vec<u8>),
}

/// Read a source as `guess` says, delivering its items to the sink.
fn read_items(guess: Guess, reader: &mut dyn BufRead, options: &Options, sink: &mut Sink) -> std::io::Result<ReadAs> {
    let read_all = |reader: &mut dyn BufRead| input::read_whole(reader);
    let forced = match guess {
        Guess::Format(InputFormat::Text | InputFormat::Markdown | InputFormat::Html) => {
            return read_all(reader).map(ReadAs::Text);
        }
        Guess::Format(format @ (InputFormat::Whatsapp | InputFormat::Csv | InputFormat::Jsonl)) => {
            let mut lines = Lines::new(reader);
            match format {
                InputFormat::Whatsapp => whatsapp::read(&mut lines, sink)?,
                InputFormat::Csv => csv_table::read(&mut lines, options, sink)?,
                _ => jsonl::read(&mut lines, options, sink)?,
            }
            return Ok(ReadAs::Items(format));
        }
        Guess::Format(format) => Some(format),
        Guess::Json => None,
    };
    let bytes = read_all(reader)?;
    let (text, _) = encoding::decode(&bytes);
    Ok(match read_document(&text, forced, sink) {
        Some(format) => ReadAs::Items(format),
        None => ReadAs::Text(bytes),
    })
}

/// What the start of a file says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Guess {
    Format(InputFormat),
    /// A JSON document: which export it is shows in its structure.
    Json,
}

/// Recognise a file by its first bytes (and a `.csv`/`.tsv` name: a table without a text column
/// is then an error that asks for `--text-column`, not a text full of column values).
fn guess(head: &[u8], options: &Options, name: &str) -> Guess {
    if let Some(format) = options.format {
        return Guess::Format(format);
    }
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{FEFF}').trim_start();
    if text.starts_with("window.YTD.") {
        return Guess::Format(InputFormat::X);
    }
    let first_line = text.lines().next().unwrap_or("");
    // Before JSON: an iOS chat starts with "[21-11-2026, 14:03:12]".
    if whatsapp::is_header(first_line) {
        return Guess::Format(InputFormat::Whatsapp);
    }
    if text.starts_with('{') || text.starts_with('[') {
        // JSON Lines: a complete object on the first line and another after it.
        let mut lines = text.lines().filter(|l| !l.trim().is_empty());
        let first = lines.next().unwrap_or("");
        let complete = json::parse_document(first, 0).error.is_none();
        let another = lines.next().is_some_and(|l| l.trim_start().starts_with('{'));
        return if complete && another { Guess::Format(InputFormat::Jsonl) } else { Guess::Json };
    }
    let lower = name.to_lowercase();
    if csv_table::has_text_column(first_line, options) || lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return Guess::Format(InputFormat::Csv);
    }
    Guess::Format(InputFormat::Text)
}

/// Read a JSON document (a whole file) as the export `forced`, or as whichever export its
/// structure shows. Returns the format read, or `None` when it is no export postwacht knows.
fn read_document(text: &str, forced: Option<InputFormat>, sink: &mut Sink) -> Option<InputFormat> {
    let start = text.len() - text.trim_start_matches('\u{FEFF}').trim_start().len();
    let doc = Doc::new(text, 0, 1);
    // An X archive by its content only when no other format is forced: `--input-format
    // facebook-dyi` read a "window.YTD." file as X (found by `cargo fuzz run exports`).
    let parsed = if forced == Some(InputFormat::X) || (forced.is_none() && text[start..].starts_with("window.YTD.")) {
        match x::parse(text) {
            Some(parsed) => parsed,
            None => {
                sink.problem(Some(1), "geen X-archief: 'window.YTD.… = [' ontbreekt");
                return Some(InputFormat::X);
            }
        }
    } else {
        json::parse_document(text, start)
    };
    let format = match forced {
        Some(format) => format,
        None => recognise(parsed.root.as_ref()?)?,
    };
    if let Some(root) = &parsed.root {
        if fits(format, root) {
            items_of(format, &doc, root, sink);
        } else if parsed.error.is_none() {
            sink.problem(
                Some(1),
                format!("dit bestand lijkt geen {}-export; kies een ander --input-format", format.name()),
            );
        }
    }
    if let Some(error) = &parsed.error {
        sink.json_error(&doc, error);
    }
    Some(format)
}

/// The JSON exports, in the order they are tried.
const DOCUMENT_FORMATS: [InputFormat; 6] = [
    InputFormat::X,
    InputFormat::FacebookDyi,
    InputFormat::InstagramDyi,
    InputFormat::Youtube,
    InputFormat::Facebook,
    InputFormat::Instagram,
];

/// Which export a JSON value is, from its structure.
fn recognise(root: &Node) -> Option<InputFormat> {
    DOCUMENT_FORMATS.into_iter().find(|&format| fits(format, root))
}

/// Does a JSON value have the structure of the export `format`?
fn fits(format: InputFormat, root: &Node) -> bool {
    match format {
        InputFormat::X => x::recognise(root),
        InputFormat::FacebookDyi => dyi::recognise_facebook(root),
        InputFormat::InstagramDyi => dyi::recognise_instagram(root),
        InputFormat::Youtube => youtube::recognise(root),
        InputFormat::Facebook => graph::recognise_facebook(root),
        InputFormat::Instagram => graph::recognise_instagram(root),
        InputFormat::Text
        | InputFormat::Markdown
        | InputFormat::Html
        | InputFormat::Whatsapp
        | InputFormat::Csv
        | InputFormat::Jsonl => false,
    }
}

/// Deliver the items of an export's JSON value.
fn items_of(format: InputFormat, doc: &Doc, root: &Node, sink: &mut Sink) {
    match format {
        InputFormat::Facebook => graph::facebook(doc, root, sink),
        InputFormat::Instagram => graph::instagram(doc, root, sink),
        InputFormat::FacebookDyi => dyi::facebook(doc, root, sink),
        InputFormat::InstagramDyi => dyi::instagram(doc, root, sink),
        InputFormat::Youtube => youtube::items(doc, root, sink),
        InputFormat::X => x::items(doc, root, sink),
        InputFormat::Text
        | InputFormat::Markdown
        | InputFormat::Html
        | InputFormat::Whatsapp
        | InputFormat::Csv
        | InputFormat::Jsonl => {}
    }
}

/// The findings of one item: its text, and its author and extra fields for the checks that make
/// sense there. Under `redact` the author is left out (it may be a pupil's name).
pub fn item_findings(scanner: &Scanner, path: &str, item: &Item, redact: bool) -> Vec<Finding> {
    let location = Location {
        path: path.to_string(),
        item: Some(item.id.clone()),
        author: if redact { None } else { item.author.as_ref().map(|a| a.text.trim().to_string()) },
        time: item.time.clone(),
        link: item.link.clone(),
        ..Location::default()
    };
    let mut findings = Vec::new();
    let fields = std::iter::once((&item.text, false))
        .chain(item.author.iter().map(|a| (a, true)))
        .chain(item.extra.iter().map(|e| (e, true)));
    for (field, side) in fields {
        if field.is_blank() {
            continue;
        }
        let mut found = scanner.findings(&field.text, &location, redact);
        if side {
            found.retain(|f| SIDE_CATEGORIES.contains(&f.category));
        }
        for f in &mut found {
            field.place(f);
        }
        findings.extend(found);
    }
    findings
}

/// The text of a string value, mapped to the file.
fn text_of(doc: &Doc, node: Option<&Node>) -> Option<MappedText> {
    node.and_then(Node::as_str).map(|s| doc.mapped(s))
}

/// A time value: a string as written, epoch seconds (a number or digits) as a UTC date and time.
fn time_of(node: Option<&Node>) -> Option<String> {
    let text = node?.scalar_text()?;
    Some(match text.parse::<i64>() {
        Ok(seconds) => time::from_epoch(seconds),
        Err(_) => text.to_string(),
    })
}

/// A link to a comment given in the export: only a web address (`https://…`) without spaces,
/// quotes or angle brackets, so that a link on the review page can only open a page.
fn link_of(node: Option<&Node>) -> Option<String> {
    let text = node?.as_str()?.text.trim();
    let web = text.starts_with("https://") || text.starts_with("http://");
    let plain = !text.chars().any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`'));
    (web && plain).then(|| text.to_string())
}

/// Can `id` go into a web address as it is (letters, digits, `-`, `_`, `.`)?
fn is_url_safe(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// The id of an item: the id field, else `fallback` (the JSON Pointer of the item in the file, or
/// the line of a JSON Lines record).
fn id_of(node: Option<&Node>, fallback: impl std::fmt::Display) -> String {
    node.and_then(Node::scalar_text).map_or_else(|| fallback.to_string(), str::to_string)
}

/// Visit every value of a JSON tree with its JSON Pointer, in document order.
fn walk<'n>(node: &'n Node, pointer: &mut String, visit: &mut dyn FnMut(&'n Node, &str)) {
    visit(node, pointer);
    let len = pointer.len();
    match &node.value {
        json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointer.push('/');
                pointer.push_str(&i.to_string());
                walk(child, pointer, visit);
                pointer.truncate(len);
            }
        }
        json::Value::Object(entries) => {
            for (key, child) in entries {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                walk(child, pointer, visit);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

/// Is there an object in the tree for which `test` holds?
/// (Called for every line of a JSON Lines export: it stops at the first object that passes.)
fn any_object(root: &Node, test: impl Fn(&Node) -> bool) -> bool {
    fn search(node: &Node, test: &dyn Fn(&Node) -> bool) -> bool {
        (node.is_object() && test(node))
            || match &node.value {
                json::Value::Array(items) => items.iter().any(|child| search(child, test)),
                json::Value::Object(entries) => entries.iter().any(|(_, child)| search(child, test)),
                _ => false,
            }
    }
    search(root, &test)
}

/// The text field of a generic record (JSON Lines, CSV headers): the one named, else the first
/// of the usual names.
pub const TEXT_NAMES: &[&str] = &[
    "text",
    "tekst",
    "message",
    "bericht",
    "comment",
    "reactie",
    "opmerking",
    "body",
    "content",
    "inhoud",
    "full_text",
    "textoriginal",
];
pub const AUTHOR_NAMES: &[&str] =
    &["author", "auteur", "from", "van", "username", "user", "gebruiker", "naam", "name", "afzender"];
/// Headers of a table's own comment number, used instead of the line number (issue 11 item 8).
pub const ID_NAMES: &[&str] = &[
    "id",
    "nr",
    "nr.",
    "nummer",
    "#",
    "commentid",
    "comment_id",
    "reactieid",
    "reactie-id",
    "berichtid",
    "bericht-id",
];
pub const TIME_NAMES: &[&str] =
    &["time", "tijd", "timestamp", "created_time", "created_at", "date", "datum", "tijdstip", "publishedat"];

/// Does `header` name one of `names` (case and spacing ignored)?
pub fn names_one_of(header: &str, names: &[&str]) -> bool {
    let key: String =
        header.trim().trim_start_matches('\u{FEFF}').to_lowercase().chars().filter(|c| !c.is_whitespace()).collect();
    names.contains(&key.as_str())
}

/// Read `bytes` (a whole source) as a test would: the format read (`None`: plain text), the
/// items and the problems.
#[cfg(test)]
pub fn items_for_test(bytes: &[u8], options: &Options) -> (Option<InputFormat>, Vec<Item>, Vec<Problem>) {
    let mut items = Vec::new();
    let mut on_item = |item: Item| items.push(item);
    let mut sink = Sink { on_item: &mut on_item, items: 0, problems: Vec::new() };
    let mut reader = bytes;
    let read = read_items(guess(bytes, options, "test"), &mut reader, options, &mut sink).expect("reading from memory");
    let format = match read {
        ReadAs::Items(format) => Some(format),
        ReadAs::Text(_) => None,
    };
    let problems = sink.problems;
    (format, items, problems)
}

#[cfg(test)]
mod tests;
