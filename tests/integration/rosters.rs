//! Rosters as schools export them: every format is written at test time (Windows-1252 CSV, UTF-8
//! with BOM, UTF-16, TSV, xlsx with several sheets) and read back, consent follows the channel, and
//! a board-level roster of thousands of pupils loads and scans.
//!
//! `cargo test rosters -- --nocapture` prints what loading and scanning the board roster costs.

use std::path::{Path, PathBuf};
use std::time::Instant;

use postwacht::finding::{Category, Severity};
use postwacht::roster::{Consent, ConsentChoice, Medium, Roster};
use postwacht::scan::{Channel, Scanner, Settings};

use crate::cli::run;

/// A scratch folder for this test binary, emptied first.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postwacht-rosters-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Windows-1252 bytes of a Latin-1 string (enough for Dutch names: ë, é, ï, ö, ü).
fn cp1252(text: &str) -> Vec<u8> {
    text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1 character")).collect()
}

const MAGISTER: &str = "Stamnr;Roepnaam;Tussenv;Achternaam;Klas;Beeldmateriaal social media\n\
                        1;Zoë;;Jansen;7B;nee\n2;Chloë;van der;Meulen;7B;ja\n3;Loïs;;Hoekstra;7B;\n";

#[test]
fn reads_text_exports_in_every_encoding_and_separator() {
    let variants: Vec<(&str, Vec<u8>, &str, &str)> = vec![
        ("cp1252.csv", cp1252(MAGISTER), "Windows-1252", "puntkomma"),
        ("bom.csv", [&[0xEF, 0xBB, 0xBF][..], MAGISTER.as_bytes()].concat(), "UTF-8 met BOM", "puntkomma"),
        (
            "unicode.txt",
            [0xFF, 0xFE]
                .into_iter()
                .chain(MAGISTER.replace(';', "\t").encode_utf16().flat_map(u16::to_le_bytes))
                .collect(),
            "UTF-16",
            "tabs",
        ),
        ("komma.csv", MAGISTER.replace(';', ",").into_bytes(), "UTF-8", "komma"),
        ("sep.csv", format!("sep=;\n{MAGISTER}").into_bytes(), "UTF-8", "puntkomma"),
        ("titel.csv", format!("Klassenlijst groep 7B;;;;;\n;;;;;\n{MAGISTER}").into_bytes(), "UTF-8", "puntkomma"),
    ];
    for (name, bytes, encoding, separator) in variants {
        let (roster, report) = Roster::parse(name, &bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(roster.pupils.len(), 3, "{name}");
        assert_eq!(roster.pupils[0].first, "Zoë", "{name}");
        assert_eq!((roster.pupils[1].particle.as_str(), roster.pupils[1].last.as_str()), ("van der", "Meulen"));
        assert_eq!(roster.pupils[2].first, "Loïs", "{name}");
        let consents: Vec<Consent> = roster.pupils.iter().map(|p| p.consent).collect();
        assert_eq!(consents, [Consent::No, Consent::Yes, Consent::No], "{name}: a missing value is no consent");
        assert!(report.encoding.is_some_and(|e| e.name().starts_with(encoding)), "{name}: {:?}", report.encoding);
        assert!(report.format.contains(separator), "{name}: {}", report.format);
        assert!(report.problems.is_empty(), "{name}: {:?}", report.problems);
    }
}

#[test]
fn header_rows_from_each_system() {
    for header in [
        "Stamnr;Roepnaam;Tussenv;Achternaam;Klas",
        "leerlingnummer;roepnaam;voorvoegsel;achternaam;lesgroep",
        "leerlingNummer;roepNaam;tussenvoegsel;achternaam;groep",
        "key;roepnaam;voorvoegsel;achternaam;jaargroep",
        "Leerlingnummer;Voornaam;Tussenvoegsel;Achternaam;Groep",
    ] {
        let csv = format!("{header}\n7;Daan;de;Vries;7B\n");
        let (roster, report) = Roster::parse("x.csv", csv.as_bytes()).unwrap_or_else(|e| panic!("{header}: {e}"));
        let p = &roster.pupils[0];
        assert_eq!(
            (p.first.as_str(), p.particle.as_str(), p.last.as_str(), p.group.as_str()),
            ("Daan", "de", "Vries", "7B")
        );
        assert!(report.unknown_columns.is_empty(), "{header}: {:?}", report.unknown_columns);
    }
}

#[test]
fn roster_problems_are_reported_without_pupil_data() {
    let csv = "Roepnaam;Achternaam;Kleur;Beeldmateriaal website\nDaan;Vries;blauw;ja\n;;rood;ja\nDaan;Vries;groen;ja\nNoor;Bakker;geel;misschien\n";
    let (roster, report) = Roster::parse("x.csv", csv.as_bytes()).expect("roster");
    assert_eq!(roster.pupils.len(), 3);
    let problems = report.problems.join("\n");
    assert!(problems.contains("onbekende kolommen (niet gebruikt): Kleur"), "{problems}");
    assert!(problems.contains("regel 3: geen naam"), "{problems}");
    assert!(problems.contains("regel 4: dezelfde leerling als regel 2"), "{problems}");
    assert!(problems.contains("regel 5: toestemming 'misschien'"), "{problems}");
    assert!(!problems.contains("Daan") && !problems.contains("Bakker"), "{problems}");
}

#[test]
fn rosters_without_pupils_are_errors() {
    for (name, bytes) in [
        ("leeg.csv", &b""[..]),
        ("kop.csv", b"Roepnaam;Achternaam\n"),
        ("kop.xlsx", b"PK\x03\x04 not really a workbook"),
        ("binair.csv", b"\x00\x01\x02\x03"),
    ] {
        assert!(Roster::parse(name, bytes).is_err(), "{name}");
    }
}

/// Write a workbook with a title row on the first sheet and a second class on "Blad2".
fn write_workbook(path: &Path) {
    use rust_xlsxwriter::Workbook;
    let mut book = Workbook::new();
    let sheet = book.add_worksheet().set_name("Blad1").expect("sheet name");
    sheet.write(0, 0, "Klassenlijst 8A").expect("cell");
    for (c, header) in
        ["Stamnr", "Roepnaam", "Tussenv", "Achternaam", "Klas", "Beeldmateriaal social media"].iter().enumerate()
    {
        sheet.write(2, c as u16, *header).expect("cell");
    }
    sheet.write(3, 0, 10231).expect("cell");
    sheet.write(3, 1, "Anne-Sophie").expect("cell");
    sheet.write(3, 2, "van der").expect("cell");
    sheet.write(3, 3, "Berg-Jansen").expect("cell");
    sheet.write(3, 4, "8A").expect("cell");
    sheet.write(3, 5, false).expect("cell");
    let second = book.add_worksheet().set_name("Blad2").expect("sheet name");
    for (c, header) in ["roepnaam", "achternaam", "Beeldmateriaal social media"].iter().enumerate() {
        second.write(0, c as u16, *header).expect("cell");
    }
    second.write(1, 0, "Søren").expect("cell");
    second.write(1, 1, "Andersen").expect("cell");
    second.write(1, 2, "ja").expect("cell");
    book.save(path).expect("save workbook");
}

#[test]
fn reads_workbooks_and_their_sheets() {
    let dir = scratch("xlsx");
    let path = dir.join("klas.xlsx");
    write_workbook(&path);
    let (roster, report) = Roster::load(&path).expect("first sheet");
    assert_eq!(roster.pupils.len(), 1);
    let p = &roster.pupils[0];
    assert_eq!((p.first.as_str(), p.particle.as_str(), p.last.as_str()), ("Anne-Sophie", "van der", "Berg-Jansen"));
    assert_eq!(p.line, 4, "rows are numbered as Excel shows them");
    assert_eq!(p.consent, Consent::No, "FALSE is no consent");
    assert!(report.format.contains("Blad1") && report.encoding.is_none(), "{}", report.format);

    let (roster, _) = Roster::load(&dir.join("klas.xlsx:Blad2")).expect("named sheet");
    assert_eq!((roster.pupils[0].first.as_str(), roster.pupils[0].consent), ("Søren", Consent::Yes));
    let e = Roster::load(&dir.join("klas.xlsx:Blad9")).expect_err("no such sheet");
    assert!(e.message.contains("Blad9") && e.message.contains("Blad1, Blad2"), "{e}");

    // The command line reads them too, and says which sheet it read.
    let arg = |p: &Path| p.display().to_string();
    let (status, stdout, _) = run(&["roster".into(), "check".into(), arg(&dir.join("klas.xlsx:Blad2"))], None);
    assert_eq!(status, 0, "{stdout}");
    assert!(stdout.contains("werkblad 'Blad2'") && stdout.contains("leerlingen: 1"), "{stdout}");
    let args = ["scan".into(), "--roster".into(), arg(&path), "--channel".into(), "school".into(), "-".into()];
    let (status, stdout, _) = run(&args, Some("Wat een mooi verhaal van Anne-Sophie Jansen!"));
    assert_eq!(status, 1, "{stdout}");
    assert!(stdout.contains("PW101"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Issue 17 (hostile input): one cell at the last column and row of a sheet (XFD1048576) made
/// calamine's dense grid ask for 512 GB and abort postwacht. The sheet is now read cell by cell:
/// the pupils are read, the far cell costs nothing.
#[test]
fn a_workbook_with_a_cell_at_its_far_corner_is_read_cell_by_cell() {
    use rust_xlsxwriter::Workbook;
    let dir = scratch("far-cell");
    let path = dir.join("klas.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, header) in ["Roepnaam", "Tussenvoegsel", "Achternaam"].iter().enumerate() {
        sheet.write(0, c as u16, *header).expect("cell");
    }
    sheet.write(1, 0, "Noor").expect("cell");
    sheet.write(1, 2, "Bakker").expect("cell");
    sheet.write(1_048_575, 16_383, "x").expect("the last cell of a sheet");
    book.save(&path).expect("save workbook");
    let (roster, _) = Roster::load(&path).expect("the far cell is no reason to fail");
    assert_eq!(roster.pupils.len(), 1);
    assert_eq!((roster.pupils[0].first.as_str(), roster.pupils[0].last.as_str()), ("Noor", "Bakker"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_consent_column_follows_the_channel() {
    let (roster, _) = Roster::load(&fixtures().join("rosters/bovenbouw.csv")).expect("roster");
    // Anne-Sophie: social media nee, website ja, nieuwsbrief ja.
    let post = "Anne-Sophie van der Berg-Jansen won de schrijfwedstrijd.\n\n![De winnaar](winnaar.jpg)";
    let media_rule = |channel: Channel, choice: Option<&str>| {
        let mut roster = roster.clone();
        let choice = choice.map_or(ConsentChoice::Medium(Medium::of(channel)), |c| ConsentChoice::Column(c.into()));
        roster.choose_consent(&choice).expect("column");
        let settings = Settings { channel, ..Settings::default() };
        let scanner = Scanner::new(settings, roster).expect("scanner");
        let hits = scanner.check(post);
        hits.iter().find(|h| h.rule.category == Category::MediaConsent).map(|h| (h.rule.code, h.severity))
    };
    assert_eq!(media_rule(Channel::School, None), Some(("PW601", Severity::Error)));
    assert_eq!(media_rule(Channel::Website, None), Some(("PW602", Severity::Info)));
    assert_eq!(media_rule(Channel::Newsletter, None), Some(("PW602", Severity::Info)));
    assert_eq!(media_rule(Channel::School, Some("Beeldmateriaal website")), Some(("PW602", Severity::Info)));
    let mut roster = roster.clone();
    let e = roster.choose_consent(&ConsentChoice::Column("jaarboek".into())).expect_err("no such column");
    assert!(e.message.contains("Beeldmateriaal social media"), "{e}");
}

#[test]
fn redact_keeps_roster_content_out_of_roster_check() {
    let roster = fixtures().join("rosters/groep7.csv").display().to_string();
    let (status, stdout, _) = run(&["roster".into(), "check".into(), "--redact".into(), roster], None);
    assert_eq!(status, 0);
    for name in ["Roos", "Storm", "Noor", "Bakker", "de Vries"] {
        assert!(!stdout.contains(name), "{name} in {stdout}");
    }
    assert!(stdout.contains("strenger gezocht): 21"), "{stdout}");
}

#[test]
fn a_board_roster_loads_and_scans() {
    let path = fixtures().join("rosters/bestuur.csv");
    let started = Instant::now();
    let (roster, report) = Roster::load(&path).expect("board roster");
    let loaded = started.elapsed();
    assert_eq!(roster.pupils.len(), 2410);
    assert!(report.problems.iter().all(|p| p.contains("dezelfde leerling")), "{:?}", report.problems);
    let lexicon = postwacht::lexicon::Lexicon::get().expect("lexicon");
    let started = Instant::now();
    let names = postwacht::detect::names::NameIndex::new(&roster, lexicon);
    let indexed = started.elapsed();
    let started = Instant::now();
    let scanner = Scanner::new(Settings { channel: Channel::School, ..Settings::default() }, roster).expect("scanner");
    let built = started.elapsed();
    let hits = scanner.check("Gefeliciteerd Sterre Gerritsen! Ook Omar Brink was er bij.");
    assert!(hits.iter().filter(|h| h.rule.category == Category::PupilName).count() >= 2, "{hits:?}");
    println!(
        "board roster: {} pupils, {} name forms; read {loaded:?}, name index {indexed:?}, whole scanner {built:?} ({:?} words and phrases)",
        scanner.roster().pupils.len(),
        names.forms.len(),
        scanner.matcher_size()
    );
}
