//! The exports in `fixtures/exports/`: which format is recognised, which items come out (ids,
//! authors, times, texts), where their texts stand in the file, and which problems are reported.

use super::*;

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn read_with(name: &str, options: &Options) -> (Option<InputFormat>, Vec<Item>, Vec<Problem>) {
    items_for_test(&fixture(name), options)
}

fn read(name: &str) -> (Option<InputFormat>, Vec<Item>, Vec<Problem>) {
    read_with(name, &Options::default())
}

fn ids(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.id.as_str()).collect()
}

fn texts(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.text.text.as_str()).collect()
}

fn authors(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.author.as_ref().map_or("", |a| a.text.as_str())).collect()
}

/// The bytes of the file that a text's first `len` bytes come from.
fn source_of<'a>(file: &'a [u8], text: &MappedText, start: usize, len: usize) -> &'a str {
    std::str::from_utf8(&file[text.spot(start).offset..text.spot(start + len).offset]).expect("utf-8")
}

#[test]
fn recognises_each_export_by_its_content() {
    for (name, format) in [
        ("exports/facebook-graph.json", InputFormat::Facebook),
        ("exports/instagram-graph.json", InputFormat::Instagram),
        ("exports/facebook-dyi.json", InputFormat::FacebookDyi),
        ("exports/instagram-dyi.json", InputFormat::InstagramDyi),
        ("exports/youtube.json", InputFormat::Youtube),
        ("exports/tweets.js", InputFormat::X),
        ("exports/whatsapp-android.txt", InputFormat::Whatsapp),
        ("exports/whatsapp-ios.txt", InputFormat::Whatsapp),
        ("exports/reacties.jsonl", InputFormat::Jsonl),
        ("exports/malformed.json", InputFormat::Facebook),
    ] {
        assert_eq!(read(name).0, Some(format), "{name}");
    }
    let csv = Options { text_column: Some("Inhoud reactie".into()), ..Options::default() };
    assert_eq!(read_with("exports/reacties.csv", &csv).0, Some(InputFormat::Csv));
    for text in ["cli/draft.txt", "cli/staff.txt", "example/concept.txt", "cli/map/sub/b.md"] {
        assert_eq!(read(text).0, None, "{text} is plain text");
    }
    // JSON that is no export is plain text too.
    assert_eq!(items_for_test(br#"{"naam": "nieuwsbrief", "versie": 2}"#, &Options::default()).0, None);
}

#[test]
fn facebook_graph_comments_nested_replies_and_escapes() {
    let file = fixture("exports/facebook-graph.json");
    let (_, items, problems) = read("exports/facebook-graph.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        ids(&items),
        [
            "1029384756000111_1234567890123456",
            "1234567890123456_2222222222222222",
            "1234567890123456_3333333333333333",
            "1234567890123456_4444444444444444",
            "1234567890123456_5555555555555555",
        ]
    );
    assert_eq!(authors(&items)[1..3], ["Ahmed El Amrani", "OBS De Regenboog"]);
    assert_eq!(items[1].time.as_deref(), Some("2026-10-08T10:01:00+0000"));
    assert_eq!(items[2].text.text, "Terecht 👏 Bel gerust: 06-12345678");
    assert_eq!(source_of(&file, &items[2].text, 8, 4), "\\ud83d\\udc4f");
    let insult = &items[3].text;
    assert_eq!(insult.text, "Wat een \"leuke\" school.\nDie juf is echt een kankerwijf.");
    let at = insult.text.find("kankerwijf").unwrap();
    assert_eq!(source_of(&file, insult, at, 10), "kankerwijf");
    assert_eq!(insult.spot(at).line, 29);
    assert_eq!(items[4].text.text, "Zoë Jansen staat er ook op, wat leuk!");
    assert_eq!(source_of(&file, &items[4].text, 0, 4), "Zo\\u00eb");
}

#[test]
fn instagram_graph_comments_and_replies() {
    let (_, items, problems) = read("exports/instagram-graph.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&items), ["17890011223344556", "17890011223344599", "17890011223344601"]);
    assert_eq!(authors(&items), ["ouder_van_twee", "obs.deregenboog", "anoniem_1234"]);
    assert_eq!(items[1].text.text, "We noemen hier geen namen van leerlingen 🙂");
}

#[test]
fn facebook_dyi_mojibake_is_repaired() {
    let file = fixture("exports/facebook-dyi.json");
    let (_, items, problems) = read("exports/facebook-dyi.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&items), ["/comments_v2/0/data/0", "/comments_v2/1/data/0", "/comments_v2/2/data/0"]);
    assert_eq!(items[0].text.text, "Zoë was echt de ster van de musical 😀");
    assert_eq!(source_of(&file, &items[0].text, 0, 4), "Zo\\u00c3\\u00ab");
    assert_eq!(items[0].time.as_deref(), Some("2026-11-21T13:03:12Z"));
    assert_eq!(authors(&items)[0], "Petra Jansen");
    assert_eq!(items[0].extra[0].text, "Petra Jansen heeft gereageerd op het bericht van OBS De Regenboog.");
    assert!(items[1].text.is_blank(), "a GIF-only comment has no text");
}

#[test]
fn instagram_dyi_with_dutch_keys() {
    let (_, items, problems) = read("exports/instagram-dyi.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&items), ["/0", "/1"]);
    assert_eq!(texts(&items)[0], "Wat knap gedaan door Noor en Emre Yılmaz! 👏");
    assert_eq!(items[1].time.as_deref(), Some("2026-11-21T13:16:40Z"));
}

#[test]
fn youtube_threads_and_replies() {
    let file = fixture("exports/youtube.json");
    let (_, items, problems) = read("exports/youtube.json");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&items), ["UgzK3nQ9examplethread", "UgzK3nQ9examplereply01", "UgyTrollthread"]);
    assert_eq!(authors(&items)[0], "@opa_henk");
    // Without textOriginal, textDisplay's HTML is read as text.
    assert_eq!(items[2].text.text, "Die meester is een \"mongool\"\necht waar");
    assert_eq!(source_of(&file, &items[2].text, 20, 7), "mongool");
}

#[test]
fn x_archive_tweets() {
    let file = fixture("exports/tweets.js");
    let (_, items, problems) = read("exports/tweets.js");
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(ids(&items), ["1859000000000000001", "1859000000000000002"]);
    let text = &items[0].text;
    assert!(text.text.contains("Lieve de Wit & Bas Kok"), "{}", text.text);
    let at = text.text.find("& Bas").unwrap();
    assert_eq!(source_of(&file, text, at, 1), "&amp;");
    assert_eq!(items[0].time.as_deref(), Some("Sat Nov 21 13:03:12 +0000 2026"));
}

#[test]
fn whatsapp_android_messages() {
    let file = fixture("exports/whatsapp-android.txt");
    let (_, items, problems) = read("exports/whatsapp-android.txt");
    assert!(problems.is_empty(), "{problems:?}");
    // System lines, the media placeholder and the deleted message are skipped.
    assert_eq!(ids(&items), ["3", "7", "9", "11"]);
    assert_eq!(authors(&items), ["Juf Ans", "Petra Jansen", "+31 6 12345678", "Karin de Boer"]);
    assert_eq!(items[3].time.as_deref(), Some("22-11-2026 6:50 ’s avonds"));
    let first = &items[0].text;
    assert!(first.text.starts_with("Beste ouders") && first.text.ends_with("mee te nemen."), "{}", first.text);
    assert_eq!(first.text.lines().count(), 3);
    assert_eq!(source_of(&file, first, 0, first.text.len()), first.text);
    assert_eq!(first.spot(first.text.find("Sem").unwrap()).line, 5);
    // The edit marker is not part of the message.
    assert_eq!(items[2].text.text, "Is er ook opvang na afloop?");
    let author = items[2].author.as_ref().unwrap();
    assert_eq!(source_of(&file, author, 0, author.text.len()), "+31 6 12345678");
}

#[test]
fn whatsapp_ios_messages() {
    let file = fixture("exports/whatsapp-ios.txt");
    let (_, items, problems) = read("exports/whatsapp-ios.txt");
    assert!(problems.is_empty(), "{problems:?}");
    // Placeholders (after an invisible mark) and the group's system line are skipped.
    assert_eq!(ids(&items), ["1", "5", "6"]);
    assert_eq!(authors(&items), ["Juf Ans", "Mark", "+31 6 87654321"]);
    assert_eq!(
        items[0].text.text,
        "Beste ouders, morgen is de schoolreis naar Artis.\r\nDenk aan een lunchpakket en regenkleding!"
    );
    assert_eq!(items[0].time.as_deref(), Some("21-11-2026, 14:03:12"));
    let author = items[2].author.as_ref().unwrap();
    assert_eq!(source_of(&file, author, 0, author.text.len()), "+31 6 87654321");
}

#[test]
fn csv_with_a_text_column() {
    let file = fixture("exports/reacties.csv");
    let options = Options { text_column: Some("Inhoud reactie".into()), ..Options::default() };
    let (_, items, problems) = read_with("exports/reacties.csv", &options);
    assert!(problems.is_empty(), "{problems:?}");
    // The export's own numbers (its Nr column), not the file's lines 2, 3, 5 and 6.
    assert_eq!(ids(&items), ["1", "2", "3", "4"]);
    assert_eq!(authors(&items)[1], "Karin de Boer");
    assert_eq!(items[1].time.as_deref(), Some("21-11-2026 13:10"));
    let quoted = &items[1].text;
    assert_eq!(quoted.text, "Is dat Noor Bakker op de \"tweede\" foto?\nZe is zo gegroeid!");
    assert_eq!(source_of(&file, quoted, 7, 11), "Noor Bakker");
    assert_eq!(quoted.spot(quoted.text.find("Ze is").unwrap()).line, 4);
    // A column number needs a .csv name or --input-format csv to be recognised.
    let by_number = Options { text_column: Some("4".into()), format: Some(InputFormat::Csv) };
    assert_eq!(texts(&read_with("exports/reacties.csv", &by_number).1), texts(&items));
    // Without the column postwacht says which columns there are.
    let (format, items, problems) =
        read_with("exports/reacties.csv", &Options { format: Some(InputFormat::Csv), ..Options::default() });
    assert_eq!((format, items.len()), (Some(InputFormat::Csv), 0));
    assert_eq!(problems[0].line, Some(1));
    assert!(problems[0].message.contains("Nr, Naam, Datum, Inhoud reactie"), "{}", problems[0].message);
}

#[test]
fn json_lines_records_and_a_bad_line() {
    let (_, items, problems) = read("exports/reacties.jsonl");
    assert_eq!(ids(&items), ["c1", "c2", "c4"]);
    assert_eq!(authors(&items), ["Petra Jansen", "Karin de Boer", "Mark Visser"]);
    assert_eq!(items[1].text.text, "Wat een \"leuke\" foto's!");
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(3));
    assert!(problems[0].message.contains("ongeldige JSON"), "{}", problems[0].message);
}

#[test]
fn malformed_json_keeps_the_comments_before_the_damage() {
    let (format, items, problems) = read("exports/malformed.json");
    assert_eq!(format, Some(InputFormat::Facebook));
    assert_eq!(items.len(), 3);
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].line, Some(29));
    assert!(problems[0].message.contains("/data/0/comments/data/1/message"), "{}", problems[0].message);
}

#[test]
fn a_forced_format_that_does_not_fit_is_an_error() {
    let options = Options { format: Some(InputFormat::Youtube), ..Options::default() };
    let (format, items, problems) = read_with("exports/facebook-graph.json", &options);
    assert_eq!((format, items.len()), (Some(InputFormat::Youtube), 0));
    assert!(problems[0].message.contains("geen youtube-export"), "{problems:?}");
    let options = Options { format: Some(InputFormat::Whatsapp), ..Options::default() };
    let (_, items, problems) = read_with("cli/draft.txt", &options);
    assert!(items.is_empty());
    assert_eq!(problems[0].line, Some(1));
    // Forced to JSON Lines, a text reports its first bad lines and then stops.
    let many = "geen json\n".repeat(100);
    let options = Options { format: Some(InputFormat::Jsonl), ..Options::default() };
    let (_, _, problems) = items_for_test(many.as_bytes(), &options);
    assert_eq!(problems.len(), MAX_PROBLEMS + 1);
}

#[test]
fn damaged_exports_never_panic() {
    let samples: Vec<Vec<u8>> = [
        "exports/facebook-graph.json",
        "exports/facebook-dyi.json",
        "exports/tweets.js",
        "exports/whatsapp-ios.txt",
        "exports/reacties.csv",
        "exports/reacties.jsonl",
    ]
    .iter()
    .map(|name| fixture(name))
    .collect();
    let formats = [None, Some(InputFormat::Csv), Some(InputFormat::X), Some(InputFormat::InstagramDyi)];
    for sample in &samples {
        for cut in (0..sample.len()).step_by(7) {
            for format in formats {
                let options = Options { format, text_column: Some("Inhoud reactie".into()) };
                let (_, items, _) = items_for_test(&sample[..cut], &options);
                for item in items {
                    assert!(item.text.spot(item.text.text.len()).offset <= cut);
                }
            }
        }
    }
}

/// Found by `cargo fuzz run exports` (issue 17): a forced format is the format read, also for a
/// file that starts like an X archive.
#[test]
fn a_forced_format_is_kept_for_an_x_archive() {
    let options = Options { format: Some(InputFormat::FacebookDyi), ..Options::default() };
    let (format, items, problems) = items_for_test(&fixture("exports/tweets.js"), &options);
    assert_eq!(format, Some(InputFormat::FacebookDyi));
    assert!(items.is_empty() && !problems.is_empty(), "{problems:?}");
}
