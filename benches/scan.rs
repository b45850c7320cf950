//! Benchmarks of start-up: building the scanner (wordlists, roster name forms, the automaton),
//! and one short draft end to end through the library. Run with `cargo bench --bench scan`; see
//! BENCHMARKS.md for the figures and for start-up of the whole program (`benches/compare.sh`).
//!
//! The wordlists are parsed once per process ([`postwacht::lexicon::Lexicon::get`]); these benches
//! measure what every later build costs, and report that first parse on its own.

#[path = "corpus/mod.rs"]
mod corpus;
mod support;

use std::time::Instant;

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use postwacht::roster::Roster;
use postwacht::scan::{Location, Scanner, Settings};

const DRAFT: &str = include_str!("../fixtures/example/concept.txt");

/// Bytes the build reads: every embedded wordlist and the roster.
fn input_bytes(roster_csv: &str) -> u64 {
    (postwacht::wordlists::ALL.iter().map(|f| f.text.len()).sum::<usize>() + roster_csv.len()) as u64
}

fn build(c: &mut Criterion) {
    let started = Instant::now();
    postwacht::lexicon::Lexicon::get().expect("wordlists");
    eprintln!("first parse of the wordlists: {:.1} ms", started.elapsed().as_secs_f64() * 1e3);
    let mut group = c.benchmark_group("build");
    for pupils in [0, support::PUPILS] {
        let (csv, roster) = if pupils == 0 { (String::new(), Roster::default()) } else { support::roster(pupils) };
        group.throughput(Throughput::Bytes(input_bytes(&csv)));
        // The roster's copy and the scanner's drop are left out of the time: building is what
        // the target is about.
        group.bench_function(format!("scanner, {pupils} pupils"), |b| {
            b.iter_batched(
                || roster.clone(),
                |roster| Scanner::new(Settings::default(), roster).expect("scanner"),
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

fn draft(c: &mut Criterion) {
    let (csv, roster) = support::roster(support::PUPILS);
    let location = Location::file("concept.txt");
    let mut group = c.benchmark_group("draft");
    group.throughput(Throughput::Bytes((DRAFT.len() + csv.len()) as u64));
    group.bench_function("roster parse + build + findings, 2000 pupils", |b| {
        b.iter(|| {
            let (roster, _) = Roster::parse("leerlingen.csv", csv.as_bytes()).expect("roster");
            let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
            scanner.findings(DRAFT, &location, false)
        })
    });
    let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
    group.throughput(Throughput::Bytes(DRAFT.len() as u64));
    group.bench_function("findings only, 2000 pupils", |b| b.iter(|| scanner.findings(DRAFT, &location, false)));
    group.finish();
}

criterion_group!(benches, build, draft);
criterion_main!(benches);
