//! The review page (`--format html`): one self-contained HTML5 file for people who do not live
//! in a terminal: the teacher before posting, the social-media manager going through the day's
//! comments.
//!
//! - For a draft or a folder of posts: each text with its passages marked in context ([`marks`]),
//!   and beside it a note per passage: severity (colour, shape and word), what is wrong, what to
//!   do, and the articles of the selected protocols.
//! - For a comment export: a moderation worklist ([`worklist`]), one row per comment to act on,
//!   most serious first, with time, author, the passage in its line, the reasons, a link to the
//!   comment where the export has one, and the time by which it must be gone (SGH 6.5; see
//!   [`crate::deadline`]); overdue rows say so.
//! - A summary at the top: counts per category, per article, per file, and for exports per hour
//!   of the day ([`chart`]).
//!
//! Everything is inline (style, a small script, the chart): no network, no external resource,
//! and a Content-Security-Policy that forbids loading any. Without the script every row and
//! note is shown; with it, filters by category and severity and a text search hide what does not
//! match. Under `--redact` the page gets no texts, no passages and no authors: the printer is
//! never handed the texts ([`super::Format::wants_texts`]) and findings carry placeholders.
//!
//! The page is written at the end of the run, since the summary and the worklist's order need
//! every finding: it is for a day's comments or a folder of posts, not for a year of exports.

mod chart;
mod marks;
mod worklist;

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{self, Write};

use crate::deadline::clock::LocalTime;
use crate::finding::{Category, Finding, Severity};
use crate::protocol::Protocol;
use crate::report::{Report, Summary, article_list};
use crate::rules;

const STYLE: &str = include_str!("page.css");
const SCRIPT: &str = include_str!("page.js");

/// A draft or post: its text (unless redacted) and its findings.
struct Text {
    path: String,
    text: Option<String>,
    findings: Vec<Finding>,
}

/// The review page, collected over the run and written by [`Report::finish`].
pub struct Page {
    redact: bool,
    now: LocalTime,
    texts: Vec<Text>,
    /// Index of a path's entry in `texts`.
    text_of: HashMap<String, usize>,
    comments: worklist::Worklist,
}

impl Page {
    pub fn new(redact: bool, now: LocalTime) -> Page {
        Page { redact, now, texts: Vec::new(), text_of: HashMap::new(), comments: worklist::Worklist::default() }
    }

    fn text_entry(&mut self, path: &str) -> &mut Text {
        let index = *self.text_of.entry(path.to_string()).or_insert_with(|| {
            self.texts.push(Text { path: path.to_string(), text: None, findings: Vec::new() });
            self.texts.len() - 1
        });
        &mut self.texts[index]
    }

    fn all_findings(&self) -> impl Iterator<Item = &Finding> {
        self.texts.iter().flat_map(|t| &t.findings).chain(self.comments.findings())
    }
}

impl Report for Page {
    fn text(&mut self, path: &str, text: &str) {
        if !self.redact {
            self.text_entry(path).text = Some(text.to_string());
        }
    }

    fn findings(&mut self, _out: &mut dyn Write, findings: &[Finding]) -> io::Result<()> {
        for f in findings {
            match f.item {
                None => self.text_entry(&f.path).findings.push(f.clone()),
                Some(_) => self.comments.add(f.clone()),
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let mut page = String::new();
        self.head(&mut page);
        self.summary(&mut page, summary);
        filters(&mut page, self.all_findings());
        if !self.texts.is_empty() {
            self.texts_section(&mut page);
        }
        if !self.comments.is_empty() {
            self.comments.write(&mut page, self.now, self.redact);
        }
        page.push_str(LEGEND);
        let _ = write!(page, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        out.write_all(page.as_bytes())
    }
}

/// How the page explains its marks, at the bottom.
const LEGEND: &str = "<footer><h2>Zo lees je deze pagina</h2><ul class=\"legend\">\
<li><span class=\"badge error\">■ fout</span> moet weg of anders voordat je publiceert.</li>\
<li><span class=\"badge warning\">▲ waarschuwing</span> kijk het na; vaak moet het anders.</li>\
<li><span class=\"badge info\">● tip</span> een herinnering, geen fout.</li></ul>\
<p>Deze pagina is gemaakt door postwacht op je eigen computer. Er is niets verstuurd; de pagina laadt niets van internet.</p></footer>\n";

impl Page {
    fn head(&self, page: &mut String) {
        let _ = write!(
            page,
            "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n\
             <meta name=\"referrer\" content=\"no-referrer\">\n\
             <meta name=\"generator\" content=\"postwacht {}\">\n\
             <title>Controle door postwacht</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            env!("CARGO_PKG_VERSION")
        );
    }

    fn summary(&self, page: &mut String, summary: &Summary) {
        let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
        let files = count(summary.files, "bestand", "bestanden");
        let items = if summary.items > summary.files {
            format!(" ({})", count(summary.items, "bericht", "berichten"))
        } else {
            String::new()
        };
        let _ = write!(page, "<header><h1>Controle door postwacht</h1><p class=\"total\" id=\"total\">");
        if summary.findings == 0 {
            let _ = write!(page, "Geen meldingen in {files}{items}. Ziet er goed uit!");
        } else {
            let _ = write!(
                page,
                "{} in {files}{items}: {}, {}, {}.",
                count(summary.findings, "melding", "meldingen"),
                count(summary.count(Severity::Error), "fout", "fouten"),
                count(summary.count(Severity::Warning), "waarschuwing", "waarschuwingen"),
                count(summary.count(Severity::Info), "tip", "tips"),
            );
        }
        if summary.errors > 0 {
            let _ = write!(
                page,
                " <strong>Let op: {} niet (helemaal) gelezen; zie de melding in het venster waarin je postwacht startte.</strong>",
                count(summary.errors, "bestand kon", "bestanden konden")
            );
        }
        let _ = write!(page, "</p><p class=\"made\">Gemaakt op {}", escape(&self.now.dutch()));
        if self.redact {
            page.push_str(" · zonder namen, gevonden tekst en afzenders (--redact)");
        }
        page.push_str(".</p></header>\n");
        if summary.findings == 0 {
            return;
        }
        page.push_str("<section id=\"samenvatting\" aria-labelledby=\"samenvatting-kop\"><h2 id=\"samenvatting-kop\">Samenvatting</h2><div class=\"tables\">");
        let mut by_category: BTreeMap<Category, usize> = BTreeMap::new();
        let mut by_article: BTreeMap<(Protocol, &str), (usize, &str)> = BTreeMap::new();
        let mut by_file: Vec<(&str, usize)> = Vec::new();
        for f in self.all_findings() {
            *by_category.entry(f.category).or_default() += 1;
            for g in &f.guidelines {
                by_article.entry((g.protocol, g.article)).or_insert((0, g.summary)).0 += 1;
            }
            match by_file.iter_mut().find(|(path, _)| *path == f.path) {
                Some((_, n)) => *n += 1,
                None => by_file.push((&f.path, 1)),
            }
        }
        table(page, "per-categorie", "Per soort", "soort", by_category.iter().map(|(c, n)| (escape(c.dutch()), *n)));
        let mut per_protocol: Vec<(Protocol, Vec<String>)> = Vec::new();
        for ((p, a), (n, about)) in &by_article {
            let entry = format!("<abbr title=\"{}\">{}</abbr>&nbsp;({n})", escape(about), escape(a));
            match per_protocol.last_mut() {
                Some((last, entries)) if last == p => entries.push(entry),
                _ => per_protocol.push((*p, vec![entry])),
            }
        }
        let _ = write!(
            page,
            "<table id=\"per-artikel\"><caption>Per artikel (aantal)</caption><thead><tr><th scope=\"col\">protocol</th>\
             <th scope=\"col\">artikelen</th></tr></thead><tbody>"
        );
        for (p, entries) in per_protocol {
            let _ = write!(
                page,
                "<tr><th scope=\"row\">{}</th><td class=\"list\">{}</td></tr>",
                p.title(),
                entries.join(" · ")
            );
        }
        page.push_str("</tbody></table>");
        table(page, "per-bestand", "Per bestand", "bestand", by_file.iter().map(|(path, n)| (path_html(path), *n)));
        page.push_str("</div>");
        if !self.comments.is_empty() {
            let _ = write!(
                page,
                "<figure class=\"chart\"><figcaption>Reacties om na te kijken, per uur waarop ze geplaatst zijn</figcaption>{}</figure>",
                chart::hours(&self.comments.per_hour())
            );
        }
        page.push_str("</section>\n");
    }

    fn texts_section(&self, page: &mut String) {
        page.push_str("<section id=\"teksten\" aria-labelledby=\"teksten-kop\"><h2 id=\"teksten-kop\">Teksten</h2>\n");
        type Numbered<'t> = Vec<(usize, &'t Text)>;
        let (with, clean): (Numbered, Numbered) =
            self.texts.iter().enumerate().partition(|(_, t)| !t.findings.is_empty());
        for (index, text) in with {
            self.text_article(page, index + 1, text);
        }
        if !clean.is_empty() {
            let _ = write!(page, "<details class=\"clean\"><summary>{} zonder meldingen</summary><ul>", clean.len());
            for (_, text) in clean {
                let _ = write!(page, "<li>{}</li>", path_html(&text.path));
            }
            page.push_str("</ul></details>\n");
        }
        page.push_str("</section>\n");
    }

    fn text_article(&self, page: &mut String, number: usize, text: &Text) {
        let id = format!("t{number}");
        let _ = write!(
            page,
            "<article class=\"text\" id=\"{id}\"><h3>{}</h3><div class=\"columns\">",
            path_html(&text.path)
        );
        let notes: Vec<String> = (1..=text.findings.len()).map(|n| format!("n-{id}-{n}")).collect();
        match &text.text {
            Some(body) => {
                let passages: Vec<marks::Passage> = text
                    .findings
                    .iter()
                    .zip(&notes)
                    .enumerate()
                    .map(|(i, (f, note))| marks::Passage {
                        start: f.start,
                        end: f.end,
                        severity: f.severity,
                        note,
                        number: i + 1,
                    })
                    .collect();
                let _ = write!(page, "<pre class=\"body\">{}</pre>", marks::mark(body, &passages));
            }
            None => page.push_str(
                "<p class=\"body hidden-text\">De tekst staat niet op deze pagina (--redact); de meldingen noemen regel en kolom.</p>",
            ),
        }
        page.push_str("<ol class=\"notes\">");
        for (i, (f, note)) in text.findings.iter().zip(&notes).enumerate() {
            let passage = if self.redact || text.text.is_none() {
                String::new()
            } else {
                format!(" <q>{}</q>", escape(&f.matched))
            };
            let place = format!("#r-{note}");
            finding_item(page, f, "note", note, Some(i + 1), Some(&place), &passage);
        }
        page.push_str("</ol></div></article>\n");
    }
}

/// A small table of counts.
fn table(page: &mut String, id: &str, caption: &str, what: &str, rows: impl Iterator<Item = (String, usize)>) {
    let _ = write!(
        page,
        "<table id=\"{id}\"><caption>{caption}</caption><thead><tr><th scope=\"col\">{what}</th><th scope=\"col\">aantal</th></tr></thead><tbody>"
    );
    for (name, n) in rows {
        let _ = write!(page, "<tr><th scope=\"row\">{name}</th><td>{n}</td></tr>");
    }
    page.push_str("</tbody></table>");
}

/// The filters: a checkbox per category and severity that occurs, and a text search. Hidden until
/// the script shows them: without the script everything is shown, and no control pretends to work.
fn filters<'f>(page: &mut String, findings: impl Iterator<Item = &'f Finding>) {
    let mut categories: BTreeMap<Category, usize> = BTreeMap::new();
    let mut severities: BTreeMap<Severity, usize> = BTreeMap::new();
    for f in findings {
        *categories.entry(f.category).or_default() += 1;
        *severities.entry(f.severity).or_default() += 1;
    }
    if categories.is_empty() {
        return;
    }
    page.push_str("<form id=\"filters\" hidden><fieldset><legend>Soort</legend>");
    for (c, n) in &categories {
        let _ = write!(
            page,
            "<label><input type=\"checkbox\" name=\"cat\" value=\"{}\" checked> {} ({n})</label>",
            c.as_str(),
            escape(c.dutch())
        );
    }
    page.push_str("</fieldset><fieldset><legend>Ernst</legend>");
    for (s, n) in severities.iter().rev() {
        let _ = write!(
            page,
            "<label><input type=\"checkbox\" name=\"sev\" value=\"{}\" checked> {} ({n})</label>",
            s.as_str(),
            badge(*s)
        );
    }
    page.push_str(
        "</fieldset><p class=\"search\"><label>Zoek in de meldingen <input type=\"search\" id=\"zoek\" autocomplete=\"off\"></label> \
         <output id=\"shown\" aria-live=\"polite\"></output></p></form>\n",
    );
}

/// A finding as an item of a list: a note beside a text (`kind` "note", numbered as its mark's
/// reference, its place linking to the mark) or a reason in a worklist row ("reason"). The head
/// says severity, category, rule, place and the passage (HTML, may be empty); the explanation
/// follows.
fn finding_item(
    page: &mut String,
    f: &Finding,
    kind: &str,
    id: &str,
    number: Option<usize>,
    place_href: Option<&str>,
    passage: &str,
) {
    let value = number.map(|n| format!(" value=\"{n}\"")).unwrap_or_default();
    let place = match place_href {
        Some(href) => format!("<a class=\"place\" href=\"{href}\">regel {}, kolom {}</a>", f.line, f.column),
        None => format!("<span class=\"place\">regel {}, kolom {}</span>", f.line, f.column),
    };
    let _ = write!(
        page,
        "<li class=\"{kind} {sev}\" id=\"{id}\" data-cat=\"{cat}\" data-sev=\"{sev}\"{value}><p class=\"head\">{badge} \
         <span class=\"cat\">{category}</span> <code>{rule}</code> {place}{passage}</p>",
        sev = f.severity.as_str(),
        cat = f.category.as_str(),
        badge = badge(f.severity),
        category = escape(f.category.dutch()),
        rule = f.rule,
    );
    explanation(page, f);
    page.push_str("</li>");
}

/// What is wrong, what to do and the articles, for a note or a worklist reason.
fn explanation(page: &mut String, f: &Finding) {
    let _ = write!(page, "<p class=\"msg\">{}</p>", escape(&f.message));
    if let Some(rule) = rules::find(f.rule) {
        let _ = write!(page, "<p class=\"advice\"><strong>Wat kun je doen:</strong> {}</p>", escape(rule.advice));
    }
    if !f.guidelines.is_empty() {
        let _ = write!(
            page,
            "<details class=\"articles\"><summary><strong>Protocol:</strong> {}</summary><ul>",
            escape(&article_list(f))
        );
        for g in &f.guidelines {
            let _ = write!(page, "<li>{} {}: {}</li>", g.protocol.title(), escape(g.article), escape(g.summary));
        }
        page.push_str("</ul></details>");
    }
}

/// The severity's shape: the mark of a note, readable without colour.
fn shape(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "■",
        Severity::Warning => "▲",
        Severity::Info => "●",
    }
}

/// The severity as a coloured badge with its shape and Dutch name.
fn badge(severity: Severity) -> String {
    format!("<span class=\"badge {}\">{} {}</span>", severity.as_str(), shape(severity), severity.dutch())
}

/// Text for HTML, in content and in attribute values. Characters a document may not hold
/// (controls other than whitespace, noncharacters; a pasted draft can have them) are shown by a
/// stand-in, so the page stays valid HTML5 and the reader still sees that something is there:
/// a C0 control by its control picture (U+0007 as ␇), DEL as ␡, the rest as �.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' | '\u{c}' => out.push(c),
            '\0'..='\u{1f}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
            '\u{7f}' => out.push('\u{2421}'),
            _ if is_forbidden(c) => out.push('\u{fffd}'),
            _ => out.push(c),
        }
    }
    out
}

/// A path for HTML, with a place to break after each `/`, `_`, `-` and `.` (`<wbr>`): on a phone
/// a long path wraps between its parts before it wraps anywhere.
pub fn path_html(path: &str) -> String {
    let mut out = String::with_capacity(path.len() + 16);
    let mut rest = path;
    while let Some(at) = rest.find(['/', '_', '-', '.']) {
        out.push_str(&escape(&rest[..=at]));
        rest = &rest[at + 1..];
        if !rest.is_empty() {
            out.push_str("<wbr>");
        }
    }
    out.push_str(&escape(rest));
    out
}

/// C1 controls and noncharacters: HTML5 forbids them in a document.
fn is_forbidden(c: char) -> bool {
    let code = c as u32;
    (0x80..=0x9f).contains(&code) || (0xfdd0..=0xfdef).contains(&code) || code & 0xfffe == 0xfffe
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_html_reads_as_markup() {
        assert_eq!(
            escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }

    #[test]
    fn paths_break_between_their_parts() {
        assert_eq!(path_html("a/b_c-d.txt"), "a/<wbr>b_<wbr>c-<wbr>d.<wbr>txt");
        assert_eq!(path_html("<x>/"), "&lt;x&gt;/");
        assert_eq!(path_html("concept"), "concept");
    }

    #[test]
    fn shows_what_a_document_may_not_hold_by_a_stand_in() {
        assert_eq!(escape("a\u{7}b\u{0}c\u{7f}d\u{85}e\u{fffe}f\u{1fffF}g\u{fdd0}h"), "a␇b␀c␡d�e�f�g�h");
        assert_eq!(escape("tab\tline\r\nfeed\u{c}é 😀\u{fffd}"), "tab\tline\r\nfeed\u{c}é 😀\u{fffd}");
    }
}
