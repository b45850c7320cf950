//! The benchmark corpus generator (`benches/corpus/`): it is deterministic, its exports are read
//! without problems, the scanner finds the pupil names it plants, and its clean-only text holds
//! nothing to report. No timing here: the figures are in BENCHMARKS.md.

#[path = "../../benches/corpus/mod.rs"]
mod corpus;

use corpus::{PlantKind, Rates, formats};
use postwacht::finding::Category;
use postwacht::roster::Roster;
use postwacht::scan::{Channel, Scanner, Settings};

use crate::cli::run;

const SIZE: u64 = 50_000;

fn scanner(pupils: &[corpus::Pupil]) -> Scanner {
    let (roster, _) =
        Roster::parse("leerlingen.csv", formats::roster_csv(pupils).as_bytes()).expect("generated roster");
    assert_eq!(roster.pupils.len(), pupils.len(), "every generated pupil is read");
    Scanner::new(Settings { channel: Channel::School, ..Settings::default() }, roster).expect("scanner")
}

#[test]
fn the_generator_is_fixed() {
    // splitmix64 of seed 0, as published: corpora stay the same across versions.
    assert_eq!(corpus::Rng::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    let date = |year, month, day| formats::Date { year, month, day };
    assert_eq!(formats::Date::START.plus_days(180), date(2027, 2, 28));
    assert_eq!(date(2028, 2, 28).next_day(), date(2028, 2, 29));
    assert_eq!(date(2100, 2, 28).next_day(), date(2100, 3, 1));
    assert_eq!(date(2026, 12, 31).next_day(), date(2027, 1, 1));
}

#[test]
fn same_seed_and_size_give_the_same_bytes() {
    let pupils = corpus::roster(7, 300);
    assert_eq!(pupils, corpus::roster(7, 300));
    assert_ne!(pupils, corpus::roster(8, 300));
    let (text, plants) = formats::text(7, SIZE, &pupils, Rates::REALISTIC);
    assert_eq!((text.clone(), plants.clone()), formats::text(7, SIZE, &pupils, Rates::REALISTIC));
    assert_ne!(text, formats::text(8, SIZE, &pupils, Rates::REALISTIC).0);
    assert!(text.len() as u64 >= SIZE && text.len() < SIZE as usize + 4096, "about the size asked: {}", text.len());
    type Writer = fn(&mut Vec<u8>, u64, u64, &[corpus::Pupil], Rates) -> std::io::Result<()>;
    for write in [formats::write_jsonl::<Vec<u8>> as Writer, formats::write_whatsapp::<Vec<u8>>] {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        write(&mut a, 7, SIZE, &pupils, Rates::REALISTIC).expect("in memory");
        write(&mut b, 7, SIZE, &pupils, Rates::REALISTIC).expect("in memory");
        assert_eq!(a, b);
    }
    assert_eq!(
        formats::markdown_post(7, 42, &pupils, Rates::REALISTIC),
        formats::markdown_post(7, 42, &pupils, Rates::REALISTIC)
    );
}

/// The passage with some text around it, for the list of misses.
fn around(text: &str, start: usize, end: usize) -> &str {
    use postwacht::line_index::{ceil_char_boundary, floor_char_boundary};
    &text[floor_char_boundary(text, start.saturating_sub(50))..ceil_char_boundary(text, end + 30)]
}

#[test]
fn planted_names_are_found() {
    let pupils = corpus::roster(3, 500);
    let scanner = scanner(&pupils);
    // More names and personal data than usual, so that recall is measured on enough of them.
    let rates = Rates { name: 0.3, data: 0.1, ..Rates::REALISTIC };
    let (text, plants) = formats::text(3, SIZE, &pupils, rates);
    let hits = scanner.check(&text);
    let found_as = |plant: &corpus::Plant, wanted: fn(Category) -> bool| {
        hits.iter().any(|h| wanted(h.rule.category) && h.start < plant.end && plant.start < h.end)
    };
    let recall = |kind: fn(&PlantKind) -> bool, wanted: fn(Category) -> bool| {
        let planted: Vec<_> = plants.iter().filter(|p| kind(&p.kind)).collect();
        let missed: Vec<&str> =
            planted.iter().filter(|p| !found_as(p, wanted)).map(|p| around(&text, p.start, p.end)).collect();
        println!("planted {}, missed {:?}", planted.len(), missed);
        (planted.len(), 1.0 - missed.len() as f64 / planted.len().max(1) as f64)
    };
    let (names, name_recall) = recall(|k| matches!(k, PlantKind::Name(_)), |c| c == Category::PupilName);
    assert!(names >= 50, "enough names planted: {names}");
    assert!(name_recall >= 0.9, "recall of planted pupil names {name_recall:.2}");
    let (data, data_recall) = recall(|k| *k == PlantKind::Data, |c| c == Category::PersonalData);
    // A run that planted nothing would measure nothing: it must fail, not pass.
    assert!(data >= 20, "enough personal data planted: {data}");
    assert!(data_recall >= 0.9, "recall of planted personal data {data_recall:.2}");
}

#[test]
fn clean_text_has_nothing_to_report() {
    let pupils = corpus::roster(5, 500);
    let scanner = scanner(&pupils);
    let (text, plants) = formats::text(5, SIZE, &pupils, Rates::CLEAN);
    assert!(plants.is_empty());
    let hits = scanner.check(&text);
    let reported: Vec<(&str, &str)> = hits.iter().map(|h| (h.rule.code, &text[h.start..h.end])).collect();
    assert!(reported.is_empty(), "clean generated text reported: {reported:?}");
}

/// The summary of `postwacht scan --format json -` on `input`: items read, and the exit status.
fn summary_items(input: &str) -> u64 {
    let args: Vec<String> =
        ["scan", "--quiet", "--format", "json", "--channel", "school", "-"].map(String::from).into();
    let (status, stdout, stderr) = run(&args, Some(input));
    assert!(status == 0 || status == 1, "status {status}: {stderr}");
    assert!(stderr.is_empty(), "no problems reading the export: {stderr}");
    let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
    report["summary"]["items"].as_u64().expect("items")
}

#[test]
fn generated_exports_are_read_item_by_item() {
    let pupils = corpus::roster(9, 200);
    let mut jsonl = Vec::new();
    formats::write_jsonl(&mut jsonl, 9, 20_000, &pupils, Rates::REALISTIC).expect("in memory");
    let jsonl = String::from_utf8(jsonl).expect("UTF-8");
    assert_eq!(summary_items(&jsonl), jsonl.lines().count() as u64);

    let mut chat = Vec::new();
    formats::write_whatsapp(&mut chat, 9, 20_000, &pupils, Rates::REALISTIC).expect("in memory");
    let chat = String::from_utf8(chat).expect("UTF-8");
    // A message starts with a header and an author; system lines and left-out media are skipped.
    let messages = chat
        .lines()
        .filter(|l| {
            l.starts_with(|c: char| c.is_ascii_digit()) && l.contains(": ") && !l.ends_with("<Media weggelaten>")
        })
        .count();
    assert!(messages > 50);
    assert_eq!(summary_items(&chat), messages as u64);
}
