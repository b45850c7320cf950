//! Reading a line-based export as a stream: one line at a time, never the whole file, with a cap
//! on the length of one line so that a file without line breaks cannot fill the memory.

use std::io::{self, BufRead};

use crate::encoding::{self, Encoding};
use crate::export::mapped::{MappedText, Spot};

/// Longest line kept; the rest of a longer line is skipped and the line reported.
pub const MAX_LINE: usize = 1 << 20;

/// One line of the file, line break included.
pub struct Line {
    /// 1-based line number.
    pub number: usize,
    /// Byte offset of the line in the file.
    pub offset: usize,
    pub text: String,
    /// Decoded as Windows-1252 (one byte per character) because it was not UTF-8.
    pub single_byte: bool,
    /// Longer than [`MAX_LINE`]: `text` holds only the start.
    pub too_long: bool,
}

impl Line {
    /// The line with the file spot of every character.
    pub fn mapped(&self) -> MappedText {
        let mut mapped = MappedText::starting_at(Spot { offset: self.offset, line: self.number, column: 0 });
        if self.single_byte {
            mapped.push_single_byte(&self.text);
        } else {
            mapped.push_verbatim(&self.text);
        }
        mapped
    }

    /// The line without its line break.
    pub fn content(&self) -> &str {
        self.text.trim_end_matches(['\n', '\r'])
    }
}

pub struct Lines<R> {
    reader: R,
    offset: usize,
    number: usize,
    buf: Vec<u8>,
}

impl<R: BufRead> Lines<R> {
    pub fn new(reader: R) -> Lines<R> {
        Lines { reader, offset: 0, number: 0, buf: Vec::new() }
    }

    /// The next line, or `None` at the end of the file.
    pub fn next_line(&mut self) -> io::Result<Option<Line>> {
        self.buf.clear();
        let mut length = 0;
        let mut too_long = false;
        loop {
            let available = self.reader.fill_buf()?;
            if available.is_empty() {
                break;
            }
            let (chunk, done) = match available.iter().position(|&b| b == b'\n') {
                Some(i) => (&available[..=i], true),
                None => (available, false),
            };
            let room = MAX_LINE.saturating_sub(self.buf.len());
            too_long |= chunk.len() > room;
            self.buf.extend_from_slice(&chunk[..chunk.len().min(room)]);
            let used = chunk.len();
            length += used;
            self.reader.consume(used);
            if done {
                break;
            }
        }
        if length == 0 {
            return Ok(None);
        }
        self.number += 1;
        let offset = self.offset;
        self.offset += length;
        if too_long {
            // Cut at a character boundary so the kept start still decodes.
            while !self.buf.is_empty() && std::str::from_utf8(&self.buf).is_err_and(|e| e.error_len().is_none()) {
                self.buf.pop();
            }
        }
        let (text, encoding) = encoding::decode(&self.buf);
        let single_byte = encoding == Encoding::Windows1252;
        Ok(Some(Line { number: self.number, offset, text: text.into_owned(), single_byte, too_long }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_with_offsets_and_encodings() {
        let data: &[u8] = b"een\r\ntwee Zo\xEB\ndrie";
        let mut lines = Lines::new(data);
        let first = lines.next_line().unwrap().unwrap();
        assert_eq!((first.number, first.offset, first.content()), (1, 0, "een"));
        let second = lines.next_line().unwrap().unwrap();
        assert_eq!((second.number, second.offset, second.content(), second.single_byte), (2, 5, "twee Zoë", true));
        assert_eq!(second.mapped().spot(7).offset, 5 + 7);
        let third = lines.next_line().unwrap().unwrap();
        assert_eq!((third.number, third.offset, third.content()), (3, 14, "drie"));
        assert!(lines.next_line().unwrap().is_none());
    }

    #[test]
    fn caps_long_lines() {
        let data = format!("{}\nkort\n", "é".repeat(MAX_LINE));
        let mut lines = Lines::new(data.as_bytes());
        let long = lines.next_line().unwrap().unwrap();
        assert!(long.too_long);
        assert!(long.text.len() <= MAX_LINE);
        let next = lines.next_line().unwrap().unwrap();
        assert_eq!((next.number, next.offset, next.content()), (2, MAX_LINE * 2 + 1, "kort"));
    }
}
