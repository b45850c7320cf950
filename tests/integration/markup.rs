//! Markdown and HTML: whatever the markup, the published copy has the file's length and line
//! breaks, and every finding points at a valid passage of the file.
//!
//! Texts are generated from a fixed seed out of pieces of markup, including broken ones (unclosed
//! tags, comments, front matter, template code, escapes cut short) and multi-byte characters.

use postwacht::markup::{self, Markup};
use postwacht::roster::Roster;
use postwacht::scan::{Location, Scanner, Settings};

use crate::robustness::Lcg;

const PIECES: &[&str] = &[
    "---\n",
    "+++\n",
    "{\n",
    "}\n",
    "title: ",
    "tags: [",
    "description: >\n  ",
    "cover: /fotos/a.jpg\n",
    "title = \"\"\"",
    "\"",
    "'",
    "<p>",
    "</p>",
    "<br/>",
    "<img src=\"a.jpg\" alt=\"",
    "\">",
    "<a href=\"https://x.nl/a?naam=Noor",
    "<a title='",
    "<!--",
    "-->",
    "<script>",
    "</script>",
    "<iframe src=\"https://x.nl/v\">",
    "{{< figure src=\"b.png\" caption=\"",
    " >}}",
    "{{",
    "}}",
    "{%",
    "%}",
    "![",
    "](",
    ")",
    "[",
    "]",
    "]: ",
    "][",
    "```",
    "~~~",
    "&euml;",
    "&#",
    "&#x1F600;",
    "&",
    ";",
    "%C3%AB",
    "%",
    "%E2%82",
    "+",
    "?",
    "#",
    "https://",
    "www.",
    "mailto:",
    "x.nl/",
    "Zoë",
    "Noor Bakker",
    "Sem",
    "kutschool",
    "😀",
    "é",
    "<",
    ">",
    "=",
    "\u{FEFF}",
    "\u{AD}",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
];

#[test]
fn random_markup_keeps_positions() {
    let roster_text = include_str!("../../fixtures/rosters/groep7.csv");
    let (roster, _) = Roster::parse("groep7.csv", roster_text.as_bytes()).expect("roster");
    let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
    let mut rng = Lcg(0x3a4b);
    for round in 0..1500 {
        let len = rng.next() % 30;
        let text: String = (0..len).map(|_| PIECES[rng.next() % PIECES.len()]).collect();
        for format in [Markup::Markdown, Markup::Html] {
            let published = markup::published(&text, format);
            assert_eq!(published.len(), text.len(), "round {round}: {text:?}");
            let breaks = |s: &str| s.match_indices('\n').map(|(i, _)| i).collect::<Vec<_>>();
            assert_eq!(breaks(&published), breaks(&text), "round {round}: {text:?} → {published:?}");
            for f in markup::findings(&scanner, &text, format, &Location::file("x"), false) {
                assert!(f.start < f.end && f.end <= text.len(), "round {round}: {f:?} in {text:?}");
                assert_eq!(text.get(f.start..f.end), Some(f.matched.as_str()), "round {round}: {text:?}");
                assert_eq!(f.line, text[..f.start].matches('\n').count() + 1, "round {round}: {text:?}");
            }
        }
    }
}

/// The example post of the format research (`formats.md` §7.3), with a roster: the front matter's
/// title and tags, the body and the query string are checked; the date, the host and path are not.
#[test]
fn example_newsletter_post() {
    let (roster, _) = Roster::parse("klas.txt", "Sem de Vries\nNoa Jansen\n".as_bytes()).expect("roster");
    let scanner = Scanner::new(Settings::default(), roster).expect("scanner");
    let post = "---\ntitle: \"Schoolreis groep 5 naar Artis\"\ndate: 2026-11-21T10:00:00+01:00\ndraft: false\ntags: [\"schoolreis\", \"groep 5\"]\n---\n\nAfgelopen vrijdag ging groep 5B naar Artis. Sem en Noa zagen de olifanten.\nMeer foto's staan op https://example.invalid/fotoalbum?naam=Sem (alleen voor ouders).\n\n```text\nSem de Vries – 5B (dit codeblok wordt gescand)\n```\n\nDeze post is geschreven op persoonlijke titel door juf Ans.\n";
    let found: Vec<(usize, usize, String)> =
        markup::findings(&scanner, post, Markup::Markdown, &Location::file("post.md"), false)
            .into_iter()
            .filter(|f| f.category == postwacht::finding::Category::PupilName)
            .map(|f| (f.line, f.column, f.matched))
            .collect();
    assert_eq!(
        found,
        [
            (8, 45, "Sem".to_string()),
            (8, 52, "Noa".to_string()),
            (9, 61, "Sem".to_string()),
            (12, 1, "Sem de Vries".to_string())
        ]
    );
}
