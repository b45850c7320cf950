//! The whole scan of one text: findings lie on the text's character boundaries and quote it,
//! line and column agree with the offsets, they come in order, a redacted JSON report holds no
//! roster string, and the batch runner gives the same findings at 1 and 2 threads.
#![no_main]

#[path = "common.rs"]
mod common;

use libfuzzer_sys::fuzz_target;
use postwacht::batch::{Batch, Event, Job};
use postwacht::input::Source;
use postwacht::scan::Location;

/// The findings of a batch run over one file, as comparable tuples.
fn batch_findings(path: &std::path::Path, threads: usize) -> Vec<(String, usize, usize, usize, usize, String)> {
    let batch =
        Batch { scanner: common::scanner(), export: Default::default(), redact: false, threads, keep_texts: false };
    let jobs = [Job::Source(Source::File(path.to_path_buf()))];
    let mut found = Vec::new();
    batch.run(&jobs, |event| {
        if let Event::Findings(findings) = event {
            found.extend(
                findings.into_iter().map(|f| (f.rule.to_string(), f.start, f.end, f.line, f.column, f.matched)),
            );
        }
        true
    });
    found
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let scanner = common::scanner();
    let location = Location::file("tekst.txt");
    let findings = scanner.findings(text, &location, false);
    common::check_text_findings(text, &findings, false);
    let redacted = scanner.findings(text, &location, true);
    common::check_text_findings(text, &redacted, true);
    assert_eq!(findings.len(), redacted.len(), "--redact changed what was found");
    common::check_redacted_report(&redacted);

    // The batch runner (which reads the file itself, so an export or a binary file is read as
    // such) at 1 and 2 threads. It starts threads and writes a file, which costs more than the
    // scan of a short text: done for one input in four (by length, so a rerun does the same).
    if data.len() % 4 != 0 {
        return;
    }
    let path = common::scratch("tekst.txt", data);
    let one = batch_findings(&path, 1);
    let two = batch_findings(&path, 2);
    assert_eq!(one, two, "1 and 2 threads found different things");
});
