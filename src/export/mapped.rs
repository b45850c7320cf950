//! A text taken out of an export, with, for each of its bytes, where it came from in the file.
//!
//! Exports rarely hold a comment verbatim: JSON escapes (`\n`, `\u00eb`), Meta's mojibake, CSV's
//! doubled quotes and HTML entities all stand for fewer characters than the file spends on them.
//! Each step that rewrites a text carries the source [`Spot`] of every character along, so a
//! finding in the rewritten text still points at the right bytes, line and column of the file.

use crate::finding::Finding;

/// A place in the file: byte offset, 1-based line and 0-based column in characters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Spot {
    pub offset: usize,
    pub line: usize,
    pub column: usize,
}

impl Spot {
    /// The spot after the source character `c` (one character of the file, `bytes` long).
    pub fn after(self, c: char, bytes: usize) -> Spot {
        if c == '\n' {
            Spot { offset: self.offset + bytes, line: self.line + 1, column: 0 }
        } else {
            Spot { offset: self.offset + bytes, line: self.line, column: self.column + 1 }
        }
    }
}

/// A text and the source spot of each of its bytes.
#[derive(Clone, Debug, Default)]
pub struct MappedText {
    pub text: String,
    /// One spot per byte of `text`: where the character it belongs to starts in the file.
    spots: Vec<Spot>,
    /// Where the text ends in the file.
    end: Spot,
}

impl MappedText {
    /// An empty text that starts (and so far ends) at `start`.
    pub fn starting_at(start: Spot) -> MappedText {
        MappedText { text: String::new(), spots: Vec::new(), end: start }
    }

    /// Append `c`, which stands in the file at `at`; the text now ends at `after`.
    pub fn push(&mut self, c: char, at: Spot, after: Spot) {
        self.text.push(c);
        self.spots.extend(std::iter::repeat_n(at, c.len_utf8()));
        self.end = after;
    }

    /// Append text that stands verbatim in the file, starting at the text's current end.
    pub fn push_verbatim(&mut self, s: &str) {
        for c in s.chars() {
            let at = self.end;
            self.push(c, at, at.after(c, c.len_utf8()));
        }
    }

    /// Append text that was decoded one byte per character (Windows-1252), starting at the end.
    pub fn push_single_byte(&mut self, s: &str) {
        for c in s.chars() {
            let at = self.end;
            self.push(c, at, at.after(c, 1));
        }
    }

    /// Append another mapped text (which continues this one in the file).
    pub fn append(&mut self, other: MappedText) {
        self.text.push_str(&other.text);
        self.spots.extend(other.spots);
        self.end = other.end;
    }

    /// Each character with the spot it starts at.
    pub fn chars(&self) -> impl Iterator<Item = (char, Spot)> + '_ {
        self.text.char_indices().map(|(i, c)| (c, self.spots[i]))
    }

    /// Where byte `index` of the text (or its end) comes from.
    pub fn spot(&self, index: usize) -> Spot {
        self.spots.get(index).copied().unwrap_or(self.end)
    }

    pub fn end(&self) -> Spot {
        self.end
    }

    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Keep the first `len` bytes (a char boundary); the text then ends where the rest began.
    pub fn truncate(&mut self, len: usize) {
        if len < self.text.len() {
            self.end = self.spots[len];
            self.text.truncate(len);
            self.spots.truncate(len);
        }
    }

    /// The part from byte `start` to byte `end` (char boundaries).
    pub fn slice(&self, start: usize, end: usize) -> MappedText {
        let end = end.min(self.text.len());
        let start = start.min(end);
        MappedText {
            text: self.text[start..end].to_string(),
            spots: self.spots[start..end].to_vec(),
            end: self.spots.get(end).copied().unwrap_or(self.end),
        }
    }

    /// Drop `len` bytes (a char boundary) from the front.
    pub fn drop_front(&mut self, len: usize) {
        let len = len.min(self.text.len());
        self.text.drain(..len);
        self.spots.drain(..len);
    }

    /// Trim white space (and the invisible direction marks WhatsApp adds) at both ends.
    pub fn trim(&mut self) {
        let blank = |c: char| c.is_whitespace() || matches!(c, '\u{200E}' | '\u{200F}' | '\u{FEFF}');
        let kept = self.text.trim_end_matches(blank).len();
        self.truncate(kept);
        let front = self.text.len() - self.text.trim_start_matches(blank).len();
        self.drop_front(front);
    }

    /// Rewrite the text character by character: `rewrite` gets the remaining characters with
    /// their spots and returns how many it consumed and what they stand for (one spot for all).
    pub fn rewrite(&self, mut rewrite: impl FnMut(&[(char, Spot)]) -> (usize, Option<char>)) -> MappedText {
        let chars: Vec<(char, Spot)> = self.chars().collect();
        let mut out = MappedText::starting_at(self.spot(0));
        let mut i = 0;
        while i < chars.len() {
            let (used, replacement) = rewrite(&chars[i..]);
            let used = used.max(1);
            let after = chars.get(i + used).map_or(self.end, |&(_, spot)| spot);
            if let Some(c) = replacement {
                out.push(c, chars[i].1, after);
            } else {
                out.end = after;
            }
            i += used;
        }
        out.end = self.end;
        out
    }

    /// Undo Meta's "Download your information" mojibake: the text was UTF-8 bytes escaped one by
    /// one (`Zo\u00c3\u00ab`), read back as one character per byte (`ZoÃ«`). A text made only of
    /// such characters, at least one above ASCII, that is valid UTF-8 as bytes is decoded again;
    /// anything else (a real `café`) is kept.
    pub fn repair_mojibake(&self) -> Option<MappedText> {
        let mut bytes = Vec::with_capacity(self.text.len());
        let mut spots = Vec::with_capacity(self.text.len());
        for (c, spot) in self.chars() {
            let code = u32::from(c);
            if code > 0xFF {
                return None;
            }
            bytes.push(code as u8);
            spots.push(spot);
        }
        if bytes.is_ascii() {
            return None;
        }
        let text = String::from_utf8(bytes).ok()?;
        Some(MappedText { text, spots, end: self.end })
    }

    /// Make a finding of this text point into the file: byte range, and line and column of both
    /// ends (SARIF and GitHub mark the range).
    pub fn place(&self, finding: &mut Finding) {
        let (start, end) = (self.spot(finding.start), self.spot(finding.end));
        finding.start = start.offset;
        finding.end = end.offset;
        finding.line = start.line;
        finding.column = start.column + 1;
        finding.end_line = end.line;
        finding.end_column = end.column + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verbatim(s: &str) -> MappedText {
        let mut m = MappedText::starting_at(Spot { offset: 10, line: 3, column: 4 });
        m.push_verbatim(s);
        m
    }

    #[test]
    fn verbatim_spots_follow_lines() {
        let m = verbatim("ab\ncë");
        assert_eq!(m.spot(0), Spot { offset: 10, line: 3, column: 4 });
        assert_eq!(m.spot(3), Spot { offset: 13, line: 4, column: 0 });
        assert_eq!(m.spot(4), Spot { offset: 14, line: 4, column: 1 });
        assert_eq!(m.spot(5), Spot { offset: 14, line: 4, column: 1 });
        assert_eq!(m.end(), Spot { offset: 16, line: 4, column: 2 });
    }

    #[test]
    fn mojibake_is_repaired_with_spots() {
        let m = verbatim("ZoÃ« ok");
        let fixed = m.repair_mojibake().expect("repaired");
        assert_eq!(fixed.text, "Zoë ok");
        // "ë" (two bytes) comes from "Ã«" (four bytes in the file).
        assert_eq!(fixed.spot(2).offset, 12);
        assert_eq!(fixed.spot(3).offset, 14);
        assert_eq!(fixed.spot(4).offset, 16);
        assert!(verbatim("café").repair_mojibake().is_none());
        assert!(verbatim("plain").repair_mojibake().is_none());
        assert!(verbatim("Zoë 😀").repair_mojibake().is_none());
    }

    #[test]
    fn trim_and_truncate_keep_the_end() {
        let mut m = verbatim("\u{200E} hallo  ");
        m.trim();
        assert_eq!(m.text, "hallo");
        assert_eq!(m.spot(0).offset, 14);
        assert_eq!(m.end().offset, 19);
    }

    #[test]
    fn rewrite_maps_replacements_to_their_source() {
        let m = verbatim("a&amp;b");
        let out = m.rewrite(|rest| {
            if rest.len() >= 5 && rest[..5].iter().map(|(c, _)| c).collect::<String>() == "&amp;" {
                (5, Some('&'))
            } else {
                (1, Some(rest[0].0))
            }
        });
        assert_eq!(out.text, "a&b");
        assert_eq!(out.spot(1).offset, 11);
        assert_eq!(out.spot(2).offset, 16);
        assert_eq!(out.end().offset, 17);
    }
}
