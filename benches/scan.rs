//! Benchmarks: building the scanner, and one draft end to end.
//! Run with `cargo bench --bench scan`; see BENCHMARKS.md for the figures.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use postwacht::roster::Roster;
use postwacht::scan::{Location, Scanner, Settings};

const ROSTER: &str = include_str!("../fixtures/rosters/groep7.csv");
const DRAFT: &str = include_str!("../fixtures/example/concept.txt");

fn roster() -> Roster {
    Roster::parse("groep7.csv", ROSTER.as_bytes()).expect("roster").0
}

fn build(c: &mut Criterion) {
    // The first build also parses the embedded wordlists; later builds reuse them.
    let _ = Scanner::new(Settings::default(), roster()).expect("scanner");
    c.bench_function("scanner build (32 pupils)", |b| {
        b.iter(|| Scanner::new(Settings::default(), roster()).expect("scanner"))
    });
}

fn draft(c: &mut Criterion) {
    let scanner = Scanner::new(Settings::default(), roster()).expect("scanner");
    let mut group = c.benchmark_group("draft");
    group.throughput(Throughput::Bytes(DRAFT.len() as u64));
    group
        .bench_function("example draft", |b| b.iter(|| scanner.findings(DRAFT, &Location::file("concept.txt"), false)));
    group.finish();
}

criterion_group!(benches, build, draft);
criterion_main!(benches);
