//! Every export reader through the public entry (`export::read`), with the format forced by the
//! first byte (0-11, in `InputFormat`'s order; 12: recognised, named .csv; else recognised).
//! Each item's fields scan with the text properties; placed in the file, every finding lies in
//! the file, and for a UTF-8 file its line and column agree with its offset; a redacted report
//! holds no roster string.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use postwacht::encoding::{self, Encoding};
use postwacht::export::{self, InputFormat, Item, Opened, Options};
use postwacht::input::Source;
use postwacht::scan::Location;

const FORMATS: [InputFormat; 12] = [
    InputFormat::Text,
    InputFormat::Facebook,
    InputFormat::Instagram,
    InputFormat::FacebookDyi,
    InputFormat::InstagramDyi,
    InputFormat::Youtube,
    InputFormat::X,
    InputFormat::Whatsapp,
    InputFormat::Csv,
    InputFormat::Jsonl,
    InputFormat::Markdown,
    InputFormat::Html,
];

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let format = FORMATS.get(usize::from(selector)).copied();
    let name = if selector == 12 { "reacties.csv" } else { "reacties.txt" };
    let path = common::scratch(name, bytes);
    let source = Source::File(path.clone());
    let options = Options { format, text_column: None };
    let mut items: Vec<Item> = Vec::new();
    let opened = match export::read(&source, &options, &mut |item| items.push(item)) {
        Ok(opened) => opened,
        // UTF-16 (refused with a message) or more than input::MAX_WHOLE bytes.
        Err(e) => {
            assert!(!e.message.is_empty() && items.is_empty(), "an error without a message, or after items");
            return;
        }
    };
    let scanner = common::scanner();
    match opened {
        Opened::Binary => assert!(items.is_empty()),
        Opened::Text { text, .. } => {
            assert!(items.is_empty());
            let findings = scanner.findings(&text, &Location::file(name), false);
            common::check_text_findings(&text, &findings, false);
        }
        Opened::Export(export) => {
            assert_eq!(export.items, items.len(), "the export's count of items");
            if let Some(forced) = format {
                assert_eq!(export.format, forced, "a forced format is the one read");
            }
        }
    }
    // Offsets of a UTF-8 file (without a BOM, which the decoder drops) can be checked against
    // the file itself.
    let file_text = match encoding::decode(bytes) {
        (text, Encoding::Utf8) if !text.starts_with('\u{FEFF}') && std::str::from_utf8(bytes).is_ok() => {
            Some(text.into_owned())
        }
        _ => None,
    };
    let path = path.display().to_string();
    for item in &items {
        for field in std::iter::once(&item.text).chain(&item.author).chain(&item.extra) {
            let findings = scanner.findings(&field.text, &Location::file(&path), false);
            common::check_text_findings(&field.text, &findings, false);
        }
        for f in export::item_findings(scanner, &path, item, false) {
            assert!(
                f.start <= f.end && f.end <= bytes.len(),
                "{}..{} outside a file of {} bytes",
                f.start,
                f.end,
                bytes.len()
            );
            if let Some(text) = &file_text {
                assert!(
                    text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
                    "{}..{} not on char boundaries",
                    f.start,
                    f.end
                );
                for (offset, place) in [(f.start, (f.line, f.column)), (f.end, (f.end_line, f.end_column))] {
                    assert_eq!(place, common::position(text, offset), "line/column of {offset} ({})", f.rule);
                }
            }
        }
        let mut redacted = export::item_findings(scanner, &path, item, true);
        // The item's id, time and link are the export's own fields, printed as they are: an id
        // that the fuzzer made a pupil's name is no leak of the roster.
        for f in &mut redacted {
            f.item = None;
            f.time = None;
            f.link = None;
        }
        common::check_redacted_report(&redacted);
    }
});
