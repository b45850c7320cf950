//! The published copy of a file's text: the same bytes, with what readers never see blanked out.
//!
//! Every change keeps the byte length, so an offset into the copy is an offset into the file.
//! Blanking turns each byte of a character into a space (line breaks stay, so line numbers stay);
//! a few places write a short replacement of exactly the same length instead (a decoded `&euml;`,
//! a media marker). The copy is always valid UTF-8: ranges are widened to whole characters.

pub(super) struct Sheet<'a> {
    original: &'a str,
    text: String,
}

/// Soft hyphen and zero-width space: invisible, and dropped by the normaliser inside a word, so
/// they pad a decoded character (`Zo&euml;` → `Zoë` + padding) without splitting the word.
const PAD_TWO: &str = "\u{AD}";
const PAD_THREE: &str = "\u{200B}";

impl<'a> Sheet<'a> {
    pub fn new(original: &'a str) -> Sheet<'a> {
        Sheet { original, text: original.to_string() }
    }

    /// The copy as it stands.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn original(&self) -> &'a str {
        self.original
    }

    pub fn into_text(self) -> String {
        self.text
    }

    /// Widen a byte range to whole characters of the copy (and clamp it to the text).
    fn widen(&self, start: usize, end: usize) -> (usize, usize) {
        let mut end = end.min(self.text.len());
        let mut start = start.min(end);
        while !self.text.is_char_boundary(start) {
            start -= 1;
        }
        while !self.text.is_char_boundary(end) {
            end += 1;
        }
        (start, end)
    }

    /// Blank `start..end`: every character becomes as many spaces as it has bytes; line breaks stay.
    pub fn blank(&mut self, start: usize, end: usize) {
        let (start, end) = self.widen(start, end);
        if self.text[start..end].bytes().all(|b| matches!(b, b' ' | b'\n' | b'\r')) {
            return;
        }
        let spaces: String = self.text[start..end]
            .chars()
            .flat_map(|c| {
                let fill = if c == '\n' || c == '\r' { c } else { ' ' };
                std::iter::repeat_n(fill, if fill == ' ' { c.len_utf8() } else { 1 })
            })
            .collect();
        self.text.replace_range(start..end, &spaces);
    }

    /// Put the file's own text back in `start..end` (after a wider range was blanked). Ranges that
    /// would split a character of the file or of the copy are left alone.
    pub fn keep(&mut self, start: usize, end: usize) {
        let end = end.min(self.original.len());
        let start = start.min(end);
        let whole = |s: &str| s.is_char_boundary(start) && s.is_char_boundary(end);
        if whole(self.original) && whole(&self.text) {
            self.text.replace_range(start..end, &self.original[start..end]);
        }
    }

    /// Write `with` over `start..end`; when it does not fit exactly, blank the range instead.
    pub fn write(&mut self, start: usize, end: usize, with: &str) {
        if end <= self.text.len()
            && with.len() == end - start
            && self.text.is_char_boundary(start)
            && self.text.is_char_boundary(end)
        {
            self.text.replace_range(start..end, with);
        } else {
            self.blank(start, end);
        }
    }

    /// Write the character `c` over `start..end` (an escape such as `&euml;` or `%C3%AB`), padded
    /// with invisible characters to the same length, so the word it is part of stays one word.
    /// Whitespace is blanked; a length that cannot be padded leaves the escape as it is.
    pub fn decode(&mut self, start: usize, end: usize, c: char) {
        if c.is_whitespace() || c.is_control() {
            self.blank(start, end);
            return;
        }
        let Some(pad) = (end - start).checked_sub(c.len_utf8()) else { return };
        let mut with = c.to_string();
        match pad {
            0 => {}
            1 => return,
            n if n % 2 == 0 => with.push_str(&PAD_TWO.repeat(n / 2)),
            n => {
                with.push_str(PAD_THREE);
                with.push_str(&PAD_TWO.repeat((n - 3) / 2));
            }
        }
        self.write(start, end, &with);
    }

    /// Mark `start..end` as a picture or video for the media-consent check: blank it and write an
    /// `<img …>` marker over it, which `detect::media` recognises as media; the finding then covers
    /// the file's text here. Too short a range is only blanked.
    pub fn mark_media(&mut self, start: usize, end: usize) {
        self.blank(start, end);
        if end >= start + "<img>".len() && end <= self.text.len() {
            self.write(start, start + 4, "<img");
            self.write(end - 1, end, ">");
        }
    }
}

/// For tests: `text` after a blanking pass, checked to keep its length.
#[cfg(test)]
pub(super) fn after(text: &str, pass: impl FnOnce(&mut Sheet<'_>)) -> String {
    let mut sheet = Sheet::new(text);
    pass(&mut sheet);
    let out = sheet.into_text();
    assert_eq!(out.len(), text.len(), "{text:?} → {out:?}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanking_keeps_length_lines_and_utf8() {
        let mut sheet = Sheet::new("Zoë <b>\r\nx</b>");
        sheet.blank(2, 10);
        assert_eq!(sheet.text(), "Zo      \r\nx</b>");
        sheet.keep(0, 4);
        assert_eq!(sheet.text(), "Zoë    \r\nx</b>");
        assert_eq!(sheet.text().len(), "Zoë <b>\r\nx</b>".len());
    }

    #[test]
    fn decoded_characters_are_padded_invisibly() {
        let text = "Zo&euml; en No%C3%ABl";
        let mut sheet = Sheet::new(text);
        sheet.decode(2, 8, 'ë');
        sheet.decode(14, 20, 'ë');
        assert_eq!(sheet.text().len(), text.len());
        assert_eq!(sheet.text().replace(['\u{AD}', '\u{200B}'], ""), "Zoë en Noël");
    }

    #[test]
    fn media_marker_fits_or_is_left_out() {
        let mut sheet = Sheet::new("foto: /fotos/zoë.jpg");
        sheet.mark_media(6, 21);
        assert_eq!(sheet.text(), "foto: <img          >");
        let mut short = Sheet::new("a.jp");
        short.mark_media(0, 4);
        assert_eq!(short.text(), "    ");
    }
}
