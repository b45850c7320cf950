//! Pretty-printed JSON written as it goes: a document's one long array (the findings, SARIF's
//! results) is written element by element, so a run with a million findings never holds them.

use std::io::{self, Write};

use serde::Serialize;

/// Write `value` pretty-printed, every line but the first indented by `indent` spaces (the
/// first follows a key or a bracket already written).
pub fn write_value(out: &mut dyn Write, value: &impl Serialize, indent: usize) -> io::Result<()> {
    serde_json::to_writer_pretty(Indented { out, indent }, value).map_err(io::Error::from)
}

/// Writes through to `out`, with `indent` spaces after every line break. JSON strings escape
/// their line breaks, so every one the pretty printer writes is between tokens.
struct Indented<'a> {
    out: &'a mut dyn Write,
    indent: usize,
}

impl Write for Indented<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        for (i, piece) in buf.split(|&b| b == b'\n').enumerate() {
            if i > 0 {
                writeln!(self.out)?;
                write!(self.out, "{:1$}", "", self.indent)?;
            }
            self.out.write_all(piece)?;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A JSON array written one element at a time, its elements indented by `indent` spaces.
pub struct Array {
    indent: usize,
    len: usize,
}

impl Array {
    /// An array whose `[` has just been written.
    pub fn new(indent: usize) -> Array {
        Array { indent, len: 0 }
    }

    pub fn push(&mut self, out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
        writeln!(out, "{}", if self.len == 0 { "" } else { "," })?;
        write!(out, "{:1$}", "", self.indent)?;
        write_value(out, value, self.indent)?;
        self.len += 1;
        Ok(())
    }

    /// Write the closing `]`.
    pub fn close(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.len > 0 {
            writeln!(out)?;
            write!(out, "{:1$}", "", self.indent.saturating_sub(2))?;
        }
        write!(out, "]")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_streamed_array_is_the_pretty_printed_array() {
        let values = [serde_json::json!({"a": 1, "b": ["x\ny"]}), serde_json::json!(2)];
        let mut out = Vec::new();
        write!(out, "{{\n  \"list\": [").unwrap();
        let mut array = Array::new(4);
        for v in &values {
            array.push(&mut out, v).unwrap();
        }
        array.close(&mut out).unwrap();
        write!(out, "\n}}").unwrap();
        let expected = serde_json::to_string_pretty(&serde_json::json!({"list": values})).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), expected);
    }

    #[test]
    fn an_empty_array_closes_on_its_line() {
        let mut out = Vec::new();
        Array::new(4).close(&mut out).unwrap();
        assert_eq!(out, b"]");
    }
}
