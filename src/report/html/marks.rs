//! A text with its passages marked: every passage a `<mark>` coloured and underlined by
//! severity, followed by a numbered reference (with the severity's shape) to its note.
//!
//! Passages may overlap ("mijn leerlingen" is the passage of two disclaimer findings): the text is
//! cut at every start and end, each piece is marked with the most serious finding covering it,
//! and each finding's reference follows the piece where it ends.

use std::fmt::Write;

use super::{escape, shape};
use crate::finding::Severity;

/// One passage to mark: a byte range of the text, its severity and the id of its note.
pub struct Passage<'a> {
    pub start: usize,
    pub end: usize,
    pub severity: Severity,
    /// The id of the note (`n-t1-2`), also used for the reference (`r-t1-2`).
    pub note: &'a str,
    /// The number shown in the reference.
    pub number: usize,
}

/// `text` as HTML with `passages` marked. Ranges are clipped to the text and to character
/// boundaries, so a finding can never break the page.
pub fn mark(text: &str, passages: &[Passage]) -> String {
    let clip = |at: usize| crate::line_index::floor_char_boundary(text, at);
    let spans: Vec<(usize, usize, &Passage)> = passages
        .iter()
        .map(|p| {
            let start = clip(p.start);
            (start, clip(p.end).max(start), p)
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for &(start, end, _) in &spans {
        cuts.push(start);
        cuts.push(end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = String::with_capacity(text.len() * 2);
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        // References of passages that are empty and sit here come first.
        references(&mut out, spans.iter().filter(|&&(s, e, _)| s == e && s == from));
        let covering: Vec<&Passage> =
            spans.iter().filter(|&&(s, e, _)| s <= from && to <= e && s < e).map(|&(_, _, p)| p).collect();
        let piece = escape(&text[from..to]);
        match covering.iter().map(|p| p.severity).max() {
            Some(severity) => {
                let notes: Vec<&str> = covering.iter().map(|p| p.note).collect();
                let _ = write!(
                    out,
                    "<mark class=\"{}\" data-notes=\"{}\">{piece}</mark>",
                    severity.as_str(),
                    notes.join(" ")
                );
            }
            None => out.push_str(&piece),
        }
        references(&mut out, spans.iter().filter(|&&(s, e, _)| e == to && s < e));
    }
    references(&mut out, spans.iter().filter(|&&(s, e, _)| s == e && s == text.len()));
    out
}

fn references<'a, 'p: 'a>(out: &mut String, passages: impl Iterator<Item = &'a (usize, usize, &'a Passage<'p>)>) {
    for (_, _, p) in passages {
        let _ = write!(
            out,
            "<a class=\"ref {sev}\" id=\"r-{id}\" href=\"#{id}\" title=\"{label}\">{shape}{number}</a>",
            sev = p.severity.as_str(),
            id = p.note,
            label = p.severity.dutch(),
            shape = shape(p.severity),
            number = p.number,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passage(start: usize, end: usize, severity: Severity, note: &str, number: usize) -> Passage<'_> {
        Passage { start, end, severity, note, number }
    }

    #[test]
    fn overlapping_passages_are_cut_and_referenced_where_they_end() {
        let text = "Trots op <mijn leerlingen>!";
        let marks = [passage(10, 25, Severity::Warning, "n1", 1), passage(10, 14, Severity::Error, "n2", 2)];
        let html = mark(text, &marks);
        assert_eq!(
            html,
            "Trots op &lt;<mark class=\"error\" data-notes=\"n1 n2\">mijn</mark>\
             <a class=\"ref error\" id=\"r-n2\" href=\"#n2\" title=\"fout\">■2</a>\
             <mark class=\"warning\" data-notes=\"n1\"> leerlingen</mark>\
             <a class=\"ref warning\" id=\"r-n1\" href=\"#n1\" title=\"waarschuwing\">▲1</a>&gt;!"
        );
    }

    #[test]
    fn ranges_outside_the_text_or_inside_a_character_do_not_break_it() {
        let text = "Zoë";
        let html = mark(text, &[passage(3, 99, Severity::Info, "n1", 1)]);
        assert_eq!(
            html,
            "Zo<mark class=\"info\" data-notes=\"n1\">ë</mark><a class=\"ref info\" id=\"r-n1\" href=\"#n1\" title=\"tip\">●1</a>"
        );
    }
}
