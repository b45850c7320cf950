//! Throughput benchmarks on generated Dutch school text (`benches/corpus/`) with a 2,000-pupil
//! roster: plain text through the library, a JSON Lines comment export through the batch scan
//! the command line uses, and a folder of 10,000 Markdown posts through the program itself, the
//! last two at one and two threads. Run with `cargo bench --bench throughput`; see BENCHMARKS.md.
//!
//! Generated files are written once under `target/bench-corpus/`. The big inputs take few samples
//! so that a run stays within minutes.

#[path = "corpus/mod.rs"]
mod corpus;
mod support;

use std::process::{Command, Stdio};
use std::time::Duration;

use corpus::{Rates, formats};
use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime};
use postwacht::batch::{Batch, Event, Job};
use postwacht::export;
use postwacht::input::Source;
use postwacht::scan::{Location, Scanner, Settings};

fn scanner() -> Scanner {
    Scanner::new(Settings::default(), support::roster(support::PUPILS).1).expect("scanner")
}

/// Few samples and a short warm-up: one iteration of these takes from a tenth of a second up.
fn slow_group<'a>(c: &'a mut Criterion, name: &str) -> BenchmarkGroup<'a, WallTime> {
    let mut group = c.benchmark_group(name);
    group.sample_size(10).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(10));
    group
}

fn plain_text(c: &mut Criterion) {
    let scanner = scanner();
    let pupils = corpus::roster(support::SEED, support::PUPILS);
    let location = Location::file("corpus.txt");
    let mut group = slow_group(c, "plain text");
    for megabytes in [1, 8] {
        let (text, _) = formats::text(support::SEED, megabytes * 1_000_000, &pupils, Rates::REALISTIC);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{megabytes} MB"), |b| b.iter(|| scanner.findings(&text, &location, false)));
    }
    group.finish();
}

fn jsonl_export(c: &mut Criterion) {
    let scanner = scanner();
    let size = 8_000_000;
    let path = support::jsonl(size);
    let bytes = std::fs::metadata(&path).expect("export").len();
    let jobs = [Job::Source(Source::File(path))];
    let mut group = slow_group(c, "jsonl export");
    group.throughput(Throughput::Bytes(bytes));
    for threads in [1, 2] {
        let batch =
            Batch { scanner: &scanner, export: export::Options::default(), redact: false, threads, keep_texts: false };
        group.bench_function(format!("8 MB, {threads} thread(s)"), |b| {
            b.iter(|| {
                let (mut findings, mut items) = (0, 0);
                batch.run(&jobs, |event| {
                    match event {
                        Event::Findings(found) => findings += found.len(),
                        Event::Done { items: n, .. } => items += n,
                        Event::Failed(e) => panic!("the generated export is read: {e}"),
                        Event::Note(_) | Event::Scanned(_) | Event::Text { .. } => {}
                    }
                    true
                });
                assert!(items > 1, "the generated export is read as an export");
                findings
            })
        });
    }
    group.finish();
}

fn markdown_folder(c: &mut Criterion) {
    let (roster_csv, _) = support::roster(support::PUPILS);
    let roster = support::file("roster-2000.csv", |out| std::io::Write::write_all(out, roster_csv.as_bytes()));
    let (dir, bytes) = support::markdown_folder(10_000);
    let mut group = slow_group(c, "markdown folder");
    group.throughput(Throughput::Bytes(bytes));
    for threads in [1, 2] {
        group.bench_function(format!("10000 posts, program, {threads} thread(s)"), |b| {
            b.iter(|| {
                let status = Command::new(env!("CARGO_BIN_EXE_postwacht"))
                    .args(["scan", "--quiet", "--format", "jsonl", "--threads", &threads.to_string(), "--roster"])
                    .arg(&roster)
                    .arg(&dir)
                    .stdout(Stdio::null())
                    .status()
                    .expect("run postwacht");
                assert!(status.code().is_some_and(|code| code < 2), "postwacht failed: {status}");
            })
        });
    }
    group.finish();
}

criterion_group!(benches, plain_text, jsonl_export, markdown_folder);
criterion_main!(benches);
