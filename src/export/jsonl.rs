//! JSON Lines: one JSON value per line, read as a stream.
//!
//! A line that is itself a known export (a saved Graph API page, say) is read as that export;
//! any other object is one item: its text in the field `--text-column` names, else in the first
//! field with a usual name (`text`, `message`, `bericht`, …), with `id`, an author field and a
//! time field where present. A line that is not valid JSON is an error at that line; the lines
//! after it are still read.

use std::io::{self, BufRead};

use crate::export::json::{self, Doc, Node};
use crate::export::lines::Lines;
use crate::export::{AUTHOR_NAMES, Item, Options, Sink, TEXT_NAMES, TIME_NAMES, items_of, names_one_of, recognise};
use crate::export::{id_of, text_of, time_of};

pub fn read<R: BufRead>(lines: &mut Lines<R>, options: &Options, sink: &mut Sink) -> io::Result<()> {
    while let Some(line) = lines.next_line()? {
        let content = line.content();
        if content.trim().is_empty() {
            continue;
        }
        if line.too_long {
            if !sink.problem(Some(line.number), "regel te lang (meer dan 1 MiB); overgeslagen") {
                return Ok(());
            }
            continue;
        }
        let doc = Doc::new(content, line.offset, line.number);
        let start = content.len() - content.trim_start_matches('\u{FEFF}').len();
        let parsed = json::parse_document(content, start);
        if let Some(error) = &parsed.error {
            let (line, message) = doc.describe(error);
            if !sink.problem(Some(line), message) {
                return Ok(());
            }
            continue;
        }
        let Some(root) = parsed.root else { continue };
        match recognise(&root) {
            Some(format) => items_of(format, &doc, &root, sink),
            None => {
                if let Err(message) = record(&doc, &root, line.number, options, sink)
                    && !sink.problem(Some(line.number), message)
                {
                    return Ok(());
                }
            }
        }
    }
    Ok(())
}

/// One object as one item.
fn record(doc: &Doc, root: &Node, line: usize, options: &Options, sink: &mut Sink) -> Result<(), String> {
    if !root.is_object() {
        return Err("verwacht een JSON-object op deze regel".into());
    }
    let field = |names: &[&str]| root.entries().iter().find(|(k, _)| names_one_of(k, names)).map(|(_, v)| v);
    let text = match &options.text_column {
        Some(name) => root.get(name.trim()),
        None => field(TEXT_NAMES),
    };
    let Some(text) = text_of(doc, text) else {
        let keys: Vec<&str> = root.entries().iter().map(|(k, _)| k.as_str()).collect();
        return Err(format!(
            "geen tekstveld gevonden (velden: {}); geef het veld aan met --text-column",
            keys.join(", ")
        ));
    };
    // An author is a name, or an object with one ({"from": {"name": …}}).
    let author =
        field(AUTHOR_NAMES).and_then(|a| a.as_str().map(|_| a).or_else(|| a.get("name")).or_else(|| a.get("username")));
    sink.item(Item {
        id: id_of(root.get("id"), line),
        author: text_of(doc, author),
        time: time_of(field(TIME_NAMES)),
        text,
        extra: Vec::new(),
        link: None,
    });
    Ok(())
}
