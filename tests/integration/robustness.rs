//! No input makes the scanner panic, and every hit maps to a valid passage of the input.
//!
//! Texts are generated from a fixed seed out of pieces that stress the normaliser and the checks:
//! names, curse compounds, leet, spaced letters, look-alikes, invisible characters, combining
//! marks, numbers, punctuation, line breaks, emoji.

use postwacht::roster::Roster;
use postwacht::scan::{Scanner, Settings};

const PIECES: &[&str] = &[
    "Noor",
    "Bakker",
    "de",
    "Vries",
    "Roos",
    "H.",
    "Zoë",
    "ZOE",
    "e\u{308}",
    "Yılmaz",
    "@daandevries",
    "#LotteVanDenBerg",
    "k4nker",
    "k a n k e r",
    "k.u.t",
    "kankerrrr",
    "kаnker",
    "kan\u{200B}ker",
    "ｋｕｔ",
    "$let",
    "b!tch",
    "h00r",
    "jij",
    "vieze",
    "ezel",
    "homo",
    "moslims",
    "zijn",
    "allemaal",
    "dom",
    "ik",
    "haat",
    "ze",
    "niet",
    "maak",
    "je",
    "af",
    "!",
    "?",
    ".",
    ",",
    ";",
    "'",
    "’s",
    "-",
    "_",
    "*",
    "@",
    "$",
    "1",
    "0",
    "06-12345678",
    "+31 6 1234 5678",
    "111222333",
    "NL91 ABNA 0417 1643 00",
    "1234 AB",
    "Dorpsstraat 12",
    "12-03-2014",
    "geboren",
    "jarig",
    "ADHD",
    "onder ons",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "  ",
    "😀",
    "👍🏽",
    "\u{FEFF}",
    "\u{00AD}",
    "ß",
    "ĳ",
    "Ø",
    "x",
    "a",
    "é",
    "ë",
    "ï",
    "![foto](a.jpg)",
    "<img src=x>",
    "mijn leerlingen",
    "op persoonlijke titel",
    "juf",
    "Hugo",
    "0",
    "00",
    "4",
    "3",
    "…",
    "«",
    "»",
    "\"",
    "(",
    ")",
    "[",
    "]",
    "https://example.invalid/x?naam=Noor",
    "info@school.nl",
    "ÀÁÂ",
    "ǅ",
    "ﬁ",
];

pub struct Lcg(pub u64);

impl Lcg {
    pub fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

#[test]
fn random_texts_never_panic_and_map_back() {
    let roster_text = include_str!("../../fixtures/rosters/groep7.csv");
    let (roster, _) = Roster::parse("groep7.csv", roster_text.as_bytes()).expect("roster");
    let settings = Settings { orgs: vec!["OBS De Regenboog".into()], ..Settings::default() };
    let scanner = Scanner::new(settings, roster).expect("scanner");
    let mut rng = Lcg(0x5eed);
    for round in 0..3000 {
        let len = rng.next() % 40;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(PIECES[rng.next() % PIECES.len()]);
            if rng.next() % 3 != 0 {
                text.push(' ');
            }
        }
        for hit in scanner.check(&text) {
            assert!(hit.start < hit.end && hit.end <= text.len(), "round {round}: {hit:?} in {text:?}");
            assert!(text.is_char_boundary(hit.start) && text.is_char_boundary(hit.end), "round {round}: {text:?}");
        }
    }
}

#[test]
fn edge_texts_never_panic() {
    let scanner = Scanner::new(Settings::default(), Roster::default()).expect("scanner");
    for text in
        ["", " ", "\n", "a", "é", "\u{308}", "\u{200B}", "!!!", "k", "k u", "@", "$", "1", "aaa", "\u{FEFF}\u{FEFF}"]
    {
        let _ = scanner.check(text);
    }
}

/// Inputs that crashed a fuzz target (`fuzz/`, issue 17), minimised, as the file's bytes: each is
/// read as postwacht reads a file (decoded, here Windows-1252 for a stray byte) and scanned, with
/// the properties the targets assert.
const FUZZ_CRASHES: &[(&str, &[u8])] = &[
    // "¾" folds to "3⁄4", two tokens that share one original character: the gap between them was
    // sliced backwards (respell.rs, "byte range starts at 21 but ends at 19").
    ("scan: a fraction between two words", b"Kankermongool, leer\xbeeerst eenslz een"),
];

#[test]
fn inputs_that_crashed_a_fuzz_target_scan_and_map_back() {
    let roster_text = include_str!("../../fixtures/rosters/groep7.csv");
    let (roster, _) = Roster::parse("groep7.csv", roster_text.as_bytes()).expect("roster");
    let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
    for (what, bytes) in FUZZ_CRASHES {
        let postwacht::input::Loaded::Text { text, .. } = postwacht::input::loaded(bytes) else {
            panic!("{what}: read as binary");
        };
        let findings = scanner.findings(&text, &postwacht::scan::Location::file("fuzz.txt"), false);
        for f in &findings {
            assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end), "{what}: {f:?}");
            assert_eq!(text[f.start..f.end], f.matched, "{what}");
        }
    }
}

/// Issue 11 item 12: every finding on one long line kept a copy of the whole line, so memory grew
/// with the square of the line length (200 KB: 2.2 GB). A finding now keeps a window around its
/// passage: what findings hold grows with their number, not with their number times the line.
/// Measured in bytes held, not in time.
#[test]
fn findings_on_a_long_line_hold_a_window_not_the_line() {
    use postwacht::finding::Context;
    use postwacht::scan::Location;
    let scanner = Scanner::new(Settings::default(), Roster::default()).expect("scanner");
    let held = |repeats: usize| {
        let line = "Wat een kutschool, bel 06-12345678. ".repeat(repeats);
        let findings = scanner.findings(&line, &Location::file("lang.txt"), false);
        assert!(findings.len() >= repeats, "{} findings for {repeats} repeats", findings.len());
        for f in &findings {
            assert!(f.context.line_text.chars().count() <= 2 * Context::WINDOW + f.matched.chars().count());
            let marked: String = f
                .context
                .line_text
                .chars()
                .skip(f.context.char_start)
                .take(f.context.char_end - f.context.char_start)
                .collect();
            assert_eq!(marked, f.matched, "the window marks the passage");
        }
        (findings.len(), findings.iter().map(|f| f.context.line_text.len()).sum::<usize>())
    };
    let (few, small) = held(1_000);
    let (many, large) = held(2_000);
    assert_eq!(many, 2 * few);
    assert!(large <= 2 * small + 1_000, "doubling the line more than doubled what findings hold: {small} -> {large}");
}
