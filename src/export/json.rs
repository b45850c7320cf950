//! A JSON reader that remembers where every string stands in the file.
//!
//! serde_json decodes strings but forgets their place; findings in a comment must point into the
//! export (`start`/`end`, line, column). This reader builds a small tree whose strings keep the
//! byte range of their literal, and [`Doc::mapped`] decodes a literal again with the file spot of
//! every character (escapes included). It also keeps what it read before an error: a truncated
//! or damaged export still yields the comments before the damage, and the error names the line,
//! column and JSON path. Containers are kept on an explicit stack, so deep nesting cannot
//! overflow the call stack; nesting deeper than [`MAX_DEPTH`] is refused.

use std::cell::Cell;

use crate::export::mapped::{MappedText, Spot};
use crate::line_index::LineIndex;

/// Deeper nesting is refused (no export nests more than a handful of levels).
pub const MAX_DEPTH: usize = 256;

#[derive(Clone, Debug)]
pub struct Node {
    /// Byte offset of the value's first character in the parsed text.
    pub start: usize,
    pub value: Value,
}

#[derive(Clone, Debug)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number as written.
    Number(String),
    String(Str),
    Array(Vec<Node>),
    Object(Vec<(String, Node)>),
}

/// A string value and the byte range of its literal's contents (between the quotes).
#[derive(Clone, Debug)]
pub struct Str {
    pub text: String,
    pub raw_start: usize,
    pub raw_end: usize,
}

impl Node {
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Follow a chain of keys.
    pub fn path(&self, keys: &[&str]) -> Option<&Node> {
        keys.iter().try_fold(self, |node, key| node.get(key))
    }

    pub fn as_str(&self) -> Option<&Str> {
        match &self.value {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> &[Node] {
        match &self.value {
            Value::Array(items) => items,
            _ => &[],
        }
    }

    pub fn entries(&self) -> &[(String, Node)] {
        match &self.value {
            Value::Object(entries) => entries,
            _ => &[],
        }
    }

    pub fn is_object(&self) -> bool {
        matches!(self.value, Value::Object(_))
    }

    /// A scalar as text: strings as they are, numbers as written.
    pub fn scalar_text(&self) -> Option<&str> {
        match &self.value {
            Value::String(s) => Some(&s.text),
            Value::Number(n) => Some(n),
            _ => None,
        }
    }
}

/// Why the JSON could not be read, where, and in which value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub offset: usize,
    pub message: &'static str,
    /// The JSON Pointer of the value being read (`/data/3/message`).
    pub pointer: String,
}

/// What [`parse`] read: the value (possibly cut short by the error), where it ended, and the error.
pub struct Parsed {
    pub root: Option<Node>,
    pub end: usize,
    pub error: Option<ParseError>,
}

/// Parse one JSON value starting at byte `from` of `text`. Trailing text is the caller's business.
pub fn parse(text: &str, from: usize) -> Parsed {
    let mut parser = Parser { text, pos: from, stack: Vec::new() };
    match parser.run() {
        Ok(root) => Parsed { root: Some(root), end: parser.pos, error: None },
        Err(message) => {
            let error = ParseError { offset: parser.pos, message, pointer: parser.pointer() };
            Parsed { root: parser.unwind(), end: parser.pos, error: Some(error) }
        }
    }
}

/// Parse a whole JSON text: one value and nothing but white space after it.
pub fn parse_document(text: &str, from: usize) -> Parsed {
    let mut parsed = parse(text, from);
    if parsed.error.is_none() {
        let rest = &text[parsed.end..];
        let trailing = rest.len() - rest.trim_start().len();
        if trailing < rest.len() {
            parsed.error = Some(ParseError {
                offset: parsed.end + trailing,
                message: "na het einde van de JSON staat nog tekst",
                pointer: String::new(),
            });
        }
    }
    parsed
}

enum Frame {
    Array { start: usize, items: Vec<Node> },
    Object { start: usize, entries: Vec<(String, Node)>, key: Option<String> },
}

impl Frame {
    fn into_node(self) -> Node {
        match self {
            Frame::Array { start, items } => Node { start, value: Value::Array(items) },
            Frame::Object { start, entries, .. } => Node { start, value: Value::Object(entries) },
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Expect {
    Value,
    ValueOrClose,
    Key,
    KeyOrClose,
    CommaOrClose,
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
    stack: Vec<Frame>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn open(&mut self, frame: Frame) -> Result<(), &'static str> {
        if self.stack.len() >= MAX_DEPTH {
            return Err("de JSON is te diep genest");
        }
        self.stack.push(frame);
        self.pos += 1;
        Ok(())
    }

    fn run(&mut self) -> Result<Node, &'static str> {
        let mut expect = Expect::Value;
        loop {
            self.skip_space();
            let start = self.pos;
            let Some(byte) = self.peek() else {
                return Err("het bestand houdt op midden in de JSON");
            };
            let done: Node = match (expect, byte) {
                (Expect::ValueOrClose | Expect::CommaOrClose, b']')
                    if matches!(self.stack.last(), Some(Frame::Array { .. })) =>
                {
                    self.pos += 1;
                    self.stack.pop().map(Frame::into_node).ok_or("onverwacht ]")?
                }
                (Expect::KeyOrClose | Expect::CommaOrClose, b'}')
                    if matches!(self.stack.last(), Some(Frame::Object { .. })) =>
                {
                    self.pos += 1;
                    self.stack.pop().map(Frame::into_node).ok_or("onverwacht }")?
                }
                (Expect::CommaOrClose, b',') => {
                    self.pos += 1;
                    expect = if matches!(self.stack.last(), Some(Frame::Array { .. })) {
                        Expect::Value
                    } else {
                        Expect::Key
                    };
                    continue;
                }
                (Expect::CommaOrClose, _) => return Err("hier hoort een komma of een sluithaakje"),
                (Expect::Key | Expect::KeyOrClose, b'"') => {
                    let key = self.string()?.text;
                    self.skip_space();
                    if self.peek() != Some(b':') {
                        return Err("na een naam hoort een dubbele punt");
                    }
                    self.pos += 1;
                    if let Some(Frame::Object { key: slot, .. }) = self.stack.last_mut() {
                        *slot = Some(key);
                    }
                    expect = Expect::Value;
                    continue;
                }
                (Expect::Key | Expect::KeyOrClose, _) => return Err("hier hoort een naam tussen aanhalingstekens"),
                (_, b'{') => {
                    self.open(Frame::Object { start, entries: Vec::new(), key: None })?;
                    expect = Expect::KeyOrClose;
                    continue;
                }
                (_, b'[') => {
                    self.open(Frame::Array { start, items: Vec::new() })?;
                    expect = Expect::ValueOrClose;
                    continue;
                }
                (_, b'"') => Node { start, value: Value::String(self.string()?) },
                (_, b't') => self.literal("true", Value::Bool(true))?,
                (_, b'f') => self.literal("false", Value::Bool(false))?,
                (_, b'n') => self.literal("null", Value::Null)?,
                (_, b'-' | b'0'..=b'9') => self.number()?,
                _ => return Err("hier hoort een waarde"),
            };
            match self.stack.last_mut() {
                None => return Ok(done),
                Some(Frame::Array { items, .. }) => items.push(done),
                Some(Frame::Object { entries, key, .. }) => {
                    entries.push((key.take().unwrap_or_default(), done));
                }
            }
            expect = Expect::CommaOrClose;
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Node, &'static str> {
        if self.text[self.pos..].starts_with(word) {
            let start = self.pos;
            self.pos += word.len();
            Ok(Node { start, value })
        } else {
            Err("onbekend woord; verwacht true, false of null")
        }
    }

    fn number(&mut self) -> Result<Node, &'static str> {
        let start = self.pos;
        let bytes = self.text.as_bytes();
        let mut end = start;
        if bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        let digits_from = end;
        while end < bytes.len() && matches!(bytes[end], b'0'..=b'9' | b'.' | b'e' | b'E' | b'+' | b'-') {
            end += 1;
        }
        if end == digits_from || !bytes[digits_from].is_ascii_digit() {
            return Err("ongeldig getal");
        }
        self.pos = end;
        Ok(Node { start, value: Value::Number(self.text[start..end].to_string()) })
    }

    /// Read a string literal at the current position (on its opening quote).
    fn string(&mut self) -> Result<Str, &'static str> {
        let raw_start = self.pos + 1;
        let mut text = String::new();
        let raw_end = decode_literal(self.text, raw_start, |c, _, _| text.push(c)).map_err(|(at, message)| {
            self.pos = at;
            message
        })?;
        self.pos = raw_end + 1;
        Ok(Str { text, raw_start, raw_end })
    }

    /// The JSON Pointer of where the parser is.
    fn pointer(&self) -> String {
        let mut pointer = String::new();
        for frame in &self.stack {
            pointer.push('/');
            match frame {
                Frame::Array { items, .. } => pointer.push_str(&items.len().to_string()),
                Frame::Object { key, .. } => {
                    pointer.push_str(&key.as_deref().unwrap_or("").replace('~', "~0").replace('/', "~1"))
                }
            }
        }
        pointer
    }

    /// After an error: close every open container, keeping what was read.
    fn unwind(&mut self) -> Option<Node> {
        let mut node = self.stack.pop()?.into_node();
        while let Some(mut parent) = self.stack.pop() {
            match &mut parent {
                Frame::Array { items, .. } => items.push(node),
                Frame::Object { entries, key, .. } => entries.push((key.take().unwrap_or_default(), node)),
            }
            node = parent.into_node();
        }
        Some(node)
    }
}

/// Decode the string literal whose contents start at `from` (after the opening quote), calling
/// `emit(char, source start, source end)` for each character. Returns the offset of the closing
/// quote, or the offset and reason of an error.
pub fn decode_literal(
    text: &str,
    from: usize,
    mut emit: impl FnMut(char, usize, usize),
) -> Result<usize, (usize, &'static str)> {
    let bytes = text.as_bytes();
    let mut pos = from;
    loop {
        let Some(&byte) = bytes.get(pos) else {
            return Err((pos, "een tekst tussen aanhalingstekens sluit niet"));
        };
        match byte {
            b'"' => return Ok(pos),
            b'\\' => {
                let escape = *bytes.get(pos + 1).ok_or((pos, "een tekst tussen aanhalingstekens sluit niet"))?;
                let simple = match escape {
                    b'"' => Some('"'),
                    b'\\' => Some('\\'),
                    b'/' => Some('/'),
                    b'b' => Some('\u{8}'),
                    b'f' => Some('\u{c}'),
                    b'n' => Some('\n'),
                    b'r' => Some('\r'),
                    b't' => Some('\t'),
                    b'u' => None,
                    _ => return Err((pos, "ongeldige escape (\\) in een tekst")),
                };
                if let Some(c) = simple {
                    emit(c, pos, pos + 2);
                    pos += 2;
                    continue;
                }
                let unit = hex4(bytes, pos + 2).ok_or((pos, "ongeldige \\u-escape in een tekst"))?;
                let (c, used) = if (0xD800..0xDC00).contains(&unit)
                    && bytes.get(pos + 6) == Some(&b'\\')
                    && bytes.get(pos + 7) == Some(&b'u')
                    && hex4(bytes, pos + 8).is_some_and(|low| (0xDC00..0xE000).contains(&low))
                {
                    let low = hex4(bytes, pos + 8).unwrap_or(0xDC00);
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    (char::from_u32(code).unwrap_or('\u{FFFD}'), 12)
                } else {
                    (char::from_u32(unit).unwrap_or('\u{FFFD}'), 6)
                };
                emit(c, pos, pos + used);
                pos += used;
            }
            0x00..=0x1F => return Err((pos, "een regeleinde of stuurteken binnen een tekst")),
            _ => {
                let c = text[pos..].chars().next().unwrap_or('\u{FFFD}');
                emit(c, pos, pos + c.len_utf8());
                pos += c.len_utf8();
            }
        }
    }
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = bytes.get(at..at + 4)?;
    let digits = std::str::from_utf8(digits).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

/// A parsed text and where it stands in the file, for mapping strings back to file spots.
pub struct Doc<'a> {
    pub text: &'a str,
    /// Byte offset of `text` in the file.
    pub base_offset: usize,
    /// 1-based line of the file that `text` starts on.
    pub base_line: usize,
    lines: LineIndex,
    /// The last offset asked for and its column: strings are asked for in document order, so
    /// the next column is counted from there, not from the start of the line (a minified export
    /// is one line of megabytes).
    last: Cell<(usize, usize)>,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, base_offset: usize, base_line: usize) -> Doc<'a> {
        Doc { text, base_offset, base_line, lines: LineIndex::new(text), last: Cell::new((0, 0)) }
    }

    /// The file spot of byte `offset` of the text.
    pub fn spot(&self, offset: usize) -> Spot {
        let (line, line_start, _) = self.lines.line_of(self.text, offset);
        let (from, column_there) = match self.last.get() {
            (last, column) if line_start <= last && last <= offset => (last, column),
            _ => (line_start, 0),
        };
        let column = column_there + self.text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last.set((offset, column));
        Spot { offset: self.base_offset + offset, line: self.base_line + line - 1, column }
    }

    /// A string value decoded again with the file spot of every character.
    pub fn mapped(&self, s: &Str) -> MappedText {
        let first = self.spot(s.raw_start);
        let mut out = MappedText::starting_at(first);
        // A literal never spans lines, so the column advances by the characters of the source.
        let mut cursor = (s.raw_start, first.column);
        let mut column_of = |offset: usize| {
            cursor.1 += self.text.get(cursor.0..offset).map_or(0, |t| t.chars().count());
            cursor.0 = offset;
            cursor.1
        };
        let _ = decode_literal(self.text, s.raw_start, |c, from, to| {
            let at = Spot { offset: self.base_offset + from, line: first.line, column: column_of(from) };
            let after = Spot { offset: self.base_offset + to, line: first.line, column: column_of(to) };
            out.push(c, at, after);
        });
        out
    }

    /// An error message with line, column and JSON path.
    pub fn describe(&self, error: &ParseError) -> (usize, String) {
        let spot = self.spot(error.offset.min(self.text.len()));
        let at = if error.pointer.is_empty() { String::new() } else { format!(", in {}", shortened(&error.pointer)) };
        (spot.line, format!("ongeldige JSON (kolom {}{at}): {}", spot.column + 1, error.message))
    }
}

/// A JSON path short enough to read: a path 10,000 levels deep shows its first and last steps
/// and how many were left out (issue 11 item 11).
fn shortened(pointer: &str) -> String {
    const KEEP: usize = 4;
    let steps: Vec<&str> = pointer.split('/').skip(1).collect();
    if steps.len() <= 2 * KEEP {
        return pointer.to_string();
    }
    format!(
        "/{}/…({} niveaus)…/{}",
        steps[..KEEP].join("/"),
        steps.len() - 2 * KEEP,
        steps[steps.len() - KEEP..].join("/")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deep_paths_are_shortened() {
        assert_eq!(shortened("/data/0/message"), "/data/0/message");
        let deep = "/0".repeat(300);
        assert_eq!(shortened(&deep), "/0/0/0/0/…(292 niveaus)…/0/0/0/0");
    }

    #[test]
    fn parses_values_with_places() {
        let text = r#"{"a": [1, -2.5e3, true, null], "b": "x\"y\u00ebz"}"#;
        let parsed = parse_document(text, 0);
        assert!(parsed.error.is_none());
        let root = parsed.root.expect("root");
        assert_eq!(root.get("a").map(|a| a.as_array().len()), Some(4));
        let b = root.get("b").and_then(Node::as_str).expect("b");
        assert_eq!(b.text, "x\"yëz");
        assert_eq!(&text[b.raw_start..b.raw_end], r#"x\"y\u00ebz"#);
    }

    #[test]
    fn surrogate_pairs_make_one_character() {
        let parsed = parse_document(r#""\ud83d\ude00!""#, 0);
        assert_eq!(parsed.root.and_then(|r| r.as_str().map(|s| s.text.clone())).as_deref(), Some("😀!"));
    }

    #[test]
    fn keeps_what_came_before_an_error() {
        let text = "{\"data\": [{\"message\": \"een\"}, {\"message\": \"twee\"}, {\"message\": \"dr";
        let parsed = parse_document(text, 0);
        let error = parsed.error.expect("error");
        assert_eq!(error.pointer, "/data/2/message");
        let root = parsed.root.expect("partial root");
        let data = root.get("data").expect("data").as_array();
        assert_eq!(data.len(), 3);
        assert_eq!(data[1].get("message").and_then(Node::as_str).map(|s| s.text.as_str()), Some("twee"));
        assert!(data[2].get("message").is_none());
    }

    #[test]
    fn refuses_bad_json_without_panicking() {
        for bad in
            ["", "{", "[1,]", "{\"a\" 1}", "{1: 2}", "[tru]", "\"a\nb\"", "[1] x", "\"\\x\"", "\"\\u12\"", "-", "[-]"]
        {
            assert!(parse_document(bad, 0).error.is_some(), "{bad:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 10);
        assert_eq!(parse_document(&deep, 0).error.map(|e| e.message), Some("de JSON is te diep genest"));
    }

    #[test]
    fn mapped_strings_point_into_the_file() {
        let text = "[\n  \"Zo\\u00c3\\u00ab \\\"hoi\\\"\"\n]";
        let parsed = parse_document(text, 0);
        let root = parsed.root.expect("root");
        let s = root.as_array()[0].as_str().expect("string");
        let doc = Doc::new(text, 100, 5);
        let mapped = doc.mapped(s);
        assert_eq!(mapped.text, "ZoÃ« \"hoi\"");
        assert_eq!(mapped.spot(0), Spot { offset: 105, line: 6, column: 3 });
        let fixed = mapped.repair_mojibake().expect("repaired");
        assert_eq!(fixed.text, "Zoë \"hoi\"");
        assert_eq!(fixed.spot(2).offset, 107);
        assert_eq!(fixed.spot(4), Spot { offset: 119, line: 6, column: 17 });
    }
}
