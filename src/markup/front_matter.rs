//! Front matter: the block of settings at the top of a post (YAML between `---` lines, TOML
//! between `+++` lines, or a JSON object), as Hugo, Jekyll and other site generators read it.
//!
//! Most of it is settings nobody reads (`date`, `draft`, `layout`), but some fields are published
//! as text: the title, description, summary and tags appear on the page, in the list of posts and
//! in search results. Those values are kept; the rest of the block is blanked. A picture or video
//! path in any field (a cover image, `images: [...]`) is media for the media-consent check.
//!
//! The YAML and TOML readers work line by line on the common forms (`key: value`, quoted values,
//! `[a, b]` lists, `- item` lists, `|` and `>` blocks, nested keys); they never fail. A block that
//! is not closed is not front matter: the whole file is then scanned as text.

use std::sync::LazyLock;

use regex::Regex;

use super::sheet::Sheet;
use super::url;

/// Fields whose values are published as text (compared without case, `-` and `_`).
const TEXT_FIELDS: &[&str] = &[
    "title",
    "subtitle",
    "linktitle",
    "description",
    "summary",
    "excerpt",
    "abstract",
    "lead",
    "intro",
    "teaser",
    "caption",
    "alt",
    "alttext",
    "tags",
    "categories",
    "keywords",
];

fn is_text_field(key: &str) -> bool {
    let key: String =
        key.trim_matches(['"', '\'']).chars().filter(|c| !matches!(c, '-' | '_')).collect::<String>().to_lowercase();
    TEXT_FIELDS.contains(&key.as_str())
}

/// A picture or video path in a value.
static MEDIA_PATH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"[^\s"'\[\]{},]+\.[A-Za-z0-9]{3,4}(?-u:\b)"#).expect("valid regex"));

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Yaml,
    Toml,
    Json,
}

/// Blank the front matter of the sheet, if the text starts with one, keeping its published values.
pub(super) fn blank(sheet: &mut Sheet<'_>) {
    let text = sheet.original();
    let Some((kind, start, end)) = find(text) else { return };
    sheet.blank(start, end);
    let body = match kind {
        Kind::Json => start..end,
        // Between the opening and the closing line.
        _ => line_end(text, start)..text[..end].trim_end_matches(['\n', '\r']).rfind('\n').map_or(end, |i| i + 1),
    };
    let mut keep = Vec::new();
    let mut media = Vec::new();
    match kind {
        Kind::Yaml => yaml(text, body, &mut keep, &mut media),
        Kind::Toml => toml(text, body, &mut keep, &mut media),
        Kind::Json => json(text, body, &mut keep, &mut media),
    }
    // Every reader keeps only media paths.
    for (s, e) in media {
        sheet.mark_media(s, e);
    }
    for (s, e) in keep {
        sheet.keep(s, e);
    }
}

/// The front matter's kind and byte range (delimiters included), if the text starts with one
/// that is closed.
fn find(text: &str) -> Option<(Kind, usize, usize)> {
    let start = if text.starts_with('\u{FEFF}') { '\u{FEFF}'.len_utf8() } else { 0 };
    let first = &text[start..line_end(text, start)];
    let (kind, closers): (Kind, &[&str]) = match first.trim_end() {
        "---" => (Kind::Yaml, &["---", "..."]),
        "+++" => (Kind::Toml, &["+++"]),
        "{" => (Kind::Json, &[]),
        _ => return None,
    };
    if kind == Kind::Json {
        let end = json_value_end(text, start)?;
        let after = &text[end..line_end(text, end)];
        return after.trim().is_empty().then_some((kind, start, line_end(text, end)));
    }
    let mut at = line_end(text, start);
    while at < text.len() {
        let end = line_end(text, at);
        if closers.contains(&text[at..end].trim_end()) {
            return Some((kind, start, end));
        }
        at = end;
    }
    None
}

/// The end of the line that `at` is on, after its line break.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// The lines of `range`, without their line breaks.
fn lines(text: &str, range: std::ops::Range<usize>) -> impl Iterator<Item = (usize, &str)> {
    let mut at = range.start;
    std::iter::from_fn(move || {
        if at >= range.end {
            return None;
        }
        let end = line_end(text, at).min(range.end);
        let line = (at, text[at..end].trim_end_matches(['\n', '\r']));
        at = end;
        Some(line)
    })
}

/// The part of a value before a trailing comment, trimmed: a quoted value ends at its closing
/// quote, a bare value at ` #`.
fn value_extent(value: &str) -> usize {
    let trimmed = value.trim_end().len();
    match value.chars().next() {
        Some(q @ ('"' | '\'')) => value[1..].find(q).map_or(trimmed, |i| i + 2),
        _ => value.find(" #").map_or(trimmed, |i| value[..i].trim_end().len()),
    }
}

/// What is being read on the lines after a key whose value continues below it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Block {
    None,
    /// The value of a text field: keep lines indented deeper than the key (or list items).
    Keep(usize),
    /// A `|` or `>` block of another field: its lines are not keys.
    Skip(usize),
}

static YAML_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^(?P<indent>[ \t]*(?:-[ \t]+)*)(?P<key>"[^"]*"|'[^']*'|[^\s:#"'][^:#]*?)[ \t]*:(?:[ \t]+|$)"#)
        .expect("valid regex")
});

fn yaml(text: &str, range: std::ops::Range<usize>, keep: &mut Vec<(usize, usize)>, media: &mut Vec<(usize, usize)>) {
    let mut block = Block::None;
    for (at, line) in lines(text, range) {
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = line.len() - content.len();
        match block {
            Block::Keep(column) if indent > column || (indent == column && content.starts_with("- ")) => {
                let item = content.strip_prefix("- ").map_or(content, str::trim_start);
                let from = at + line.len() - item.len();
                keep.push((from, from + value_extent(item)));
                continue;
            }
            Block::Skip(column) if indent > column => continue,
            _ => block = Block::None,
        }
        let Some(caps) = YAML_KEY.captures(line) else {
            // A list item of another field: only media matters.
            media.extend(media_in(at, line));
            continue;
        };
        let (key, column) = (&caps["key"], caps["indent"].len());
        let value_at = caps.get(0).map_or(line.len(), |m| m.end());
        let value = &line[value_at..];
        let from = at + value_at;
        let block_start = value.starts_with(['|', '>']);
        if is_text_field(key) {
            if value.is_empty() || block_start || (value.starts_with('[') && !value.contains(']')) {
                block = Block::Keep(column);
            }
            if !block_start {
                keep.push((from, from + value_extent(value)));
            }
        } else if block_start {
            block = Block::Skip(column);
        } else {
            media.extend(media_in(from, value));
        }
    }
}

static TOML_KEY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"^[ \t]*(?P<key>(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:[ \t]*\.[ \t]*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)[ \t]*=[ \t]*"#)
        .expect("valid regex")
});

/// A TOML value that goes on below its line: a multi-line string or an array not yet closed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    String(&'static str, bool),
    Array(bool),
}

fn toml(text: &str, range: std::ops::Range<usize>, keep: &mut Vec<(usize, usize)>, media: &mut Vec<(usize, usize)>) {
    let mut open = Open::None;
    for (at, line) in lines(text, range) {
        match open {
            Open::String(delimiter, kept) => {
                let end = line.find(delimiter).unwrap_or(line.len());
                if kept {
                    keep.push((at, at + end));
                }
                if end < line.len() {
                    open = Open::None;
                }
                continue;
            }
            Open::Array(kept) => {
                if kept {
                    keep.push((at, at + value_extent(line)));
                } else {
                    media.extend(media_in(at, line));
                }
                if line.contains(']') {
                    open = Open::None;
                }
                continue;
            }
            Open::None => {}
        }
        let Some(caps) = TOML_KEY.captures(line) else { continue };
        let key = caps["key"].rsplit('.').next().unwrap_or("").trim();
        let value_at = caps.get(0).map_or(line.len(), |m| m.end());
        let value = &line[value_at..];
        let from = at + value_at;
        let text_field = is_text_field(key);
        for delimiter in ["\"\"\"", "'''"] {
            if let Some(rest) = value.strip_prefix(delimiter)
                && !rest.contains(delimiter)
            {
                open = Open::String(delimiter, text_field);
            }
        }
        if value.starts_with('[') && !value.contains(']') {
            open = Open::Array(text_field);
        }
        if text_field {
            keep.push((from, from + value_extent(value)));
        } else {
            media.extend(media_in(from, value));
        }
    }
}

fn json(text: &str, range: std::ops::Range<usize>, keep: &mut Vec<(usize, usize)>, media: &mut Vec<(usize, usize)>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    while i < range.end {
        if bytes[i] != b'"' {
            i += 1;
            continue;
        }
        let Some(string_end) = json_value_end(text, i) else { return };
        let after = string_end + text[string_end..range.end].len() - text[string_end..range.end].trim_start().len();
        if bytes.get(after) == Some(&b':') {
            let value = after + 1 + text[after + 1..range.end].len() - text[after + 1..range.end].trim_start().len();
            if is_text_field(&text[i + 1..string_end - 1])
                && let Some(value_end) = json_value_end(text, value)
            {
                keep.push((value, value_end));
                i = value_end;
                continue;
            }
        } else if url::is_media(&text[i + 1..string_end - 1]) {
            media.push((i + 1, string_end - 1));
        }
        i = string_end;
    }
}

/// The end of the JSON string, array or object that starts at `start` (strings may hold
/// brackets and escaped quotes); `None` when it is not closed or does not start there.
fn json_value_end(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = start;
    let mut in_string = false;
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => {
                    in_string = false;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ => {}
            }
        } else {
            match b {
                b'"' => in_string = true,
                b'[' | b'{' => depth += 1,
                b']' | b'}' => {
                    depth = depth.checked_sub(1)?;
                    if depth == 0 {
                        return Some(i + 1);
                    }
                }
                _ if i == start => return None,
                _ => {}
            }
        }
        i += 1;
    }
    None
}

/// Picture and video paths in `value` (which starts at byte `at`).
fn media_in(at: usize, value: &str) -> Vec<(usize, usize)> {
    MEDIA_PATH.find_iter(value).filter(|m| url::is_media(m.as_str())).map(|m| (at + m.start(), at + m.end())).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published(text: &str) -> String {
        super::super::sheet::after(text, blank)
    }

    fn words(text: &str) -> Vec<&str> {
        text.split_whitespace().collect()
    }

    #[test]
    fn yaml_keeps_published_fields() {
        let text = "---\ntitle: \"Schoolreis met Sem\" # opmerking\ndate: 2026-11-21\ndraft: false\ntags: [\"schoolreis\", \"groep 5\"]\ndescription: >-\n  Sem en Noa\n  bij de olifanten\nlayout: post\ncategories:\n  - nieuws\nparams:\n  caption: Noa lacht\n  notes: |\n    title: geheim\n---\nTekst";
        assert_eq!(
            words(&published(text)),
            [
                "\"Schoolreis",
                "met",
                "Sem\"",
                "[\"schoolreis\",",
                "\"groep",
                "5\"]",
                "Sem",
                "en",
                "Noa",
                "bij",
                "de",
                "olifanten",
                "nieuws",
                "Noa",
                "lacht",
                "Tekst"
            ]
        );
    }

    #[test]
    fn toml_and_json_keep_published_fields() {
        let toml = "+++\ntitle = 'Sem wint'\ndate = 2026-11-21\n[params]\nsummary = \"\"\"\nNoa en\nSem\"\"\"\ntags = [\n  \"a\",\n]\n+++\n";
        assert_eq!(words(&published(toml)), ["'Sem", "wint'", "\"\"", "Noa", "en", "Sem", "[", "\"a\",", "]"]);
        let json = "{\n  \"title\": \"Sem \\\"wint\\\"\",\n  \"draft\": true,\n  \"tags\": [\"x\", \"y\"]\n}\nTekst";
        assert_eq!(words(&published(json)), ["\"Sem", "\\\"wint\\\"\"", "[\"x\",", "\"y\"]", "Tekst"]);
    }

    #[test]
    fn pictures_in_front_matter_are_media() {
        let text = "---\ncover:\n  image: /fotos/sem.jpg\n  alt: Sem op de boot\nimages: [\"a.png\", 'b.webp']\n---\n";
        let out = published(text);
        assert_eq!(out.matches("<img").count(), 3, "{out}");
        assert!(out.contains("Sem op de boot"));
    }

    #[test]
    fn unclosed_or_absent_front_matter_leaves_text_alone() {
        for text in ["---\ntitle: x\n", "Gewoon tekst\n---\n", "{ geen json", "\u{FEFF}title: x"] {
            assert_eq!(published(text), text);
        }
        assert!(published("\u{FEFF}---\ntitle: Sem\n---\n").contains("Sem"));
    }
}
