//! JSON output: one document (`--format json`) or one finding per line (`--format jsonl`).

use std::io::{self, Write};

use serde::Serialize;

use crate::finding::Finding;
use crate::report::{Report, Summary};

/// The version of the JSON document's shape.
pub const VERSION: u32 = 1;

/// Collects the findings and writes one document at the end.
#[derive(Default)]
pub struct Document {
    findings: Vec<Finding>,
}

#[derive(Serialize)]
struct Wire<'a> {
    version: u32,
    findings: &'a [Finding],
    summary: &'a Summary,
}

impl Report for Document {
    fn findings(&mut self, _out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        self.findings.extend_from_slice(findings);
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, &Wire { version: VERSION, findings: &self.findings, summary })?;
        writeln!(out)
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
