//! JSON output: one document (`--format json`) or one finding per line (`--format jsonl`).

use std::io::{self, Write};

use crate::finding::Finding;
use crate::report::stream::{Array, write_value};
use crate::report::{Report, Summary};

/// The version of the JSON document's shape.
pub const VERSION: u32 = 1;

/// One JSON document, `{"version", "findings", "summary"}`, written as the findings come.
#[derive(Default)]
pub struct Document {
    /// The findings array, once the document is begun.
    findings: Option<Array>,
}

impl Document {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<&mut Array> {
        if self.findings.is_none() {
            write!(out, "{{\n  \"version\": {VERSION},\n  \"findings\": [")?;
        }
        Ok(self.findings.get_or_insert_with(|| Array::new(4)))
    }
}

impl Report for Document {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        let array = self.begin(out)?;
        for f in findings {
            array.push(out, f)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.begin(out)?.close(out)?;
        write!(out, ",\n  \"summary\": ")?;
        write_value(out, summary, 2)?;
        writeln!(out, "\n}}")
    }
}

/// Writes each finding as it comes, one JSON object per line.
pub struct Lines;

impl Report for Lines {
    fn findings(&mut self, out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            serde_json::to_writer(&mut *out, f)?;
            writeln!(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
