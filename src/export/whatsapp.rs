//! WhatsApp chat exports (`WhatsApp-chat met ….txt`, iOS `_chat.txt`), read line by line.
//!
//! A message starts with a header, Android `21-11-2026 14:03 - Naam: tekst` or iOS
//! `[21-11-2026, 14:03:12] Naam: tekst` (the date and clock settings vary: see [`HEADER`]); a line
//! without a header continues the message before it. A header without `Naam: ` is a system line
//! ("… heeft … toegevoegd") and is skipped, and so is a message that is only a placeholder
//! (`<Media weggelaten>`, "Dit bericht is verwijderd"). The author slot is checked too: a contact
//! that is not saved appears as a phone number (after `~` and a narrow space on iOS).

use std::io::{self, BufRead};
use std::sync::LazyLock;

use regex::Regex;

use crate::export::lines::{Line, Lines, MAX_LINE};
use crate::export::mapped::MappedText;
use crate::export::{Item, Sink};

/// A message header: date, time (seconds, a 12-hour marker or a Dutch day part optional), the
/// separator, and the rest of the line (group `rest`). Invisible direction marks may precede it.
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\u{200E}\u{200F}\u{FEFF}]*\[?(?<time>\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},? \d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[ \u{202F}](?:[AaPp]\.? ?[Mm]\.?|[’']s (?:ochtends|middags|avonds|nachts)))?)\]?(?: [-–]|:)? (?<rest>.*)$",
    )
    .expect("valid regex")
});

/// Messages that stand for something left out of the export.
const PLACEHOLDERS: &[&str] = &[
    "<media weggelaten>",
    "<media omitted>",
    "afbeelding weggelaten",
    "video weggelaten",
    "audio weggelaten",
    "sticker weggelaten",
    "gif weggelaten",
    "document weggelaten",
    "contactkaart weggelaten",
    "image omitted",
    "video omitted",
    "audio omitted",
    "sticker omitted",
    "dit bericht is verwijderd",
    "u hebt dit bericht verwijderd",
    "je hebt dit bericht verwijderd",
    "this message was deleted",
    "wachten op dit bericht",
    "null",
];

/// What WhatsApp appends to an edited message.
const EDITED: &[&str] = &["<dit bericht is bewerkt>", "<this message was edited>"];

/// Words that show a header line with a colon is still a system line ("Juf Ans heeft de
/// groepsnaam gewijzigd in "Groep 7: info"").
const SYSTEM_MARKERS: &[&str] =
    &[" heeft ", " hebt ", " is gewijzigd", "end-to-end", "beveiligingscode", " berichten "];

/// Longest message kept as one item; a longer one continues as a new item.
const MAX_MESSAGE: usize = MAX_LINE;

pub fn is_header(line: &str) -> bool {
    // A header starts with a digit or a bracket after any direction marks; most lines of a text
    // that is not an export fail here, without the regex being compiled.
    let start = line.trim_start_matches(['\u{200E}', '\u{200F}', '\u{FEFF}']);
    start.starts_with(|c: char| c == '[' || c.is_numeric()) && HEADER.is_match(line.trim_end_matches(['\r', '\n']))
}

/// A message being read.
struct Message {
    line: usize,
    time: String,
    author: MappedText,
    text: MappedText,
}

pub fn read<R: BufRead>(lines: &mut Lines<R>, sink: &mut Sink) -> io::Result<()> {
    let mut current: Option<Message> = None;
    let mut seen_header = false;
    while let Some(line) = lines.next_line()? {
        if line.too_long && !sink.problem(Some(line.number), "regel te lang (meer dan 1 MiB); overgeslagen") {
            return Ok(());
        }
        if line.too_long {
            continue;
        }
        if let Some(header) = HEADER.captures(line.content()) {
            seen_header = true;
            finish(current.take(), sink);
            let time = header.name("time").map_or("", |m| m.as_str()).to_string();
            let rest = header.name("rest").map_or(0..0, |m| m.range());
            current = start_message(&line, time, rest);
            continue;
        }
        match current.as_mut() {
            Some(message) if message.text.text.len() + line.text.len() <= MAX_MESSAGE => {
                message.text.append(line.mapped())
            }
            Some(message) => {
                let overflow = Message {
                    line: line.number,
                    time: message.time.clone(),
                    author: message.author.clone(),
                    text: line.mapped(),
                };
                finish(current.replace(overflow), sink);
            }
            // The rest of a system line's text.
            None if seen_header => {}
            None if line.content().trim().is_empty() => {}
            None => {
                sink.problem(
                    Some(line.number),
                    "geen WhatsApp-chat: de regel begint niet met datum en tijd (zoals '21-11-2026 14:03 - Naam: …')",
                );
                return Ok(());
            }
        }
    }
    finish(current, sink);
    Ok(())
}

/// The message a header line starts, or `None` for a system line.
fn start_message(line: &Line, time: String, rest: std::ops::Range<usize>) -> Option<Message> {
    let body = &line.content()[rest.clone()];
    // "Naam: tekst", or "Naam:" with the text on the next lines.
    let colon = body.find(": ").or_else(|| body.ends_with(':').then(|| body.len() - 1))?;
    let speaker = format!(" {} ", body[..colon].to_lowercase());
    // iOS writes a group's system lines as the group speaking, with a direction mark first.
    let said = &body[colon + 1..].trim_start_matches(' ');
    let system_said = said.starts_with('\u{200E}') && {
        let said = said.to_lowercase();
        SYSTEM_MARKERS.iter().any(|m| said.contains(m))
    };
    if SYSTEM_MARKERS.iter().any(|m| speaker.contains(m)) || system_said {
        return None;
    }
    let mapped = line.mapped();
    let mut author = mapped.slice(rest.start, rest.start + colon);
    // iOS writes a contact that is not saved as "~ Naam" with a narrow no-break space.
    let unsaved = author.text.len() - author.text.trim_start_matches(['\u{200E}', '\u{200F}']).len();
    author.drop_front(unsaved);
    if let Some(tilde) = author.text.strip_prefix('~') {
        let prefix = author.text.len() - tilde.trim_start_matches([' ', '\u{202F}', '\u{A0}']).len();
        author.drop_front(prefix);
    }
    author.trim();
    let text = mapped.slice(rest.start + colon + 1, mapped.text.len());
    Some(Message { line: line.number, time, author, text })
}

fn finish(message: Option<Message>, sink: &mut Sink) {
    let Some(mut message) = message else { return };
    message.text.trim();
    let mut lower = message.text.text.to_lowercase();
    if let Some(mark) = EDITED.iter().find(|m| lower.ends_with(*m)) {
        let keep = message.text.text.len() - mark.len();
        message.text.truncate(keep);
        message.text.trim();
        lower = message.text.text.to_lowercase();
    }
    if message.text.is_blank() || is_placeholder(&lower) {
        return;
    }
    sink.item(Item {
        id: message.line.to_string(),
        author: Some(message.author),
        time: Some(message.time),
        text: message.text,
        extra: Vec::new(),
        link: None,
    });
}

/// A message that is only a placeholder: an omitted medium, a deleted message, an attachment.
fn is_placeholder(lower: &str) -> bool {
    let lower = lower.trim_matches(['\u{200E}', '\u{200F}', ' ']);
    PLACEHOLDERS.contains(&lower)
        || (lower.starts_with("<bijgevoegd: ") || lower.starts_with("<attached: ")) && lower.ends_with('>')
        || lower.ends_with("(bestand bijgevoegd)") && !lower.contains('\n')
        || lower.ends_with("(file attached)") && !lower.contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_headers() {
        for line in [
            "21-11-2026 14:03 - Juf Ans: Beste ouders",
            "21-11-26, 14:03 - Juf Ans: hoi",
            "22-11-2026 6:50 ’s avonds - Juf Ans: Tot morgen!",
            "[21-11-2026, 14:03:12] Juf Ans: Beste ouders",
            "[02-05-2022 16:21:32] c1: hoi",
            "\u{200E}[21-11-2026, 14:05:40] Petra Jansen: \u{200E}afbeelding weggelaten",
            "[22/11/2026, 6:50:12 PM] Mark: ok",
            "21-11-2026 14:00 - Juf Ans heeft Petra Jansen toegevoegd",
        ] {
            assert!(is_header(line), "{line}");
        }
        for line in ["Denk aan een lunchpakket", "2026 was een mooi jaar", "14:03 - hoi", "Groep 7: info"] {
            assert!(!is_header(line), "{line}");
        }
    }

    #[test]
    fn text_on_the_next_line_and_the_rest_of_system_lines() {
        let chat = "21-11-2026 14:00 - Juf Ans heeft de groepsbeschrijving gewijzigd\nTweede regel\n\
                    21-11-2026 14:03 - Juf Ans:\nLijstje:\n- Noor\n";
        let (_, items, problems) = crate::export::items_for_test(chat.as_bytes(), &Default::default());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(items.len(), 1);
        assert_eq!((items[0].id.as_str(), items[0].text.text.as_str()), ("3", "Lijstje:\n- Noor"));
    }

    #[test]
    fn placeholders_are_recognised() {
        assert!(is_placeholder("<media weggelaten>"));
        assert!(is_placeholder("\u{200E}afbeelding weggelaten"));
        assert!(is_placeholder("<bijgevoegd: 00000012-photo-2026-11-21-14-05-58.jpg>"));
        assert!(is_placeholder("img-20220502-wa0003.jpg (bestand bijgevoegd)"));
        assert!(!is_placeholder("img-20220502-wa0003.jpg (bestand bijgevoegd)\nkijk eens"));
        assert!(!is_placeholder("de media weggelaten? nee"));
    }
}
