//! The moderation worklist of the review page: one row per comment to act on, most serious
//! first and, at the same severity, the earliest deadline first.
//!
//! A row holds the comment's time and deadline (one working day later, SGH 6.5; overdue rows say
//! "te laat" in words, not only in red), its author (absent under `--redact`, where findings carry
//! none), the lines of the comment with the passages marked (absent under `--redact`, where
//! findings carry no context), each reason with what to do and the articles, and a link to the
//! comment where the export gives one.

use std::collections::HashMap;
use std::fmt::Write;

use super::{badge, escape, finding_item, marks, path_html};
use crate::deadline::{self, clock::LocalTime};
use crate::finding::{Finding, Severity};

/// One comment with findings.
struct Comment {
    path: String,
    item: String,
    findings: Vec<Finding>,
    placed: Option<LocalTime>,
}

impl Comment {
    fn severity(&self) -> Severity {
        self.findings.iter().map(|f| f.severity).max().unwrap_or(Severity::Info)
    }

    fn deadline(&self) -> Option<LocalTime> {
        self.placed.map(deadline::deadline)
    }
}

#[derive(Default)]
pub struct Worklist {
    comments: Vec<Comment>,
    /// Index of a (path, item) in `comments`.
    index: HashMap<(String, String), usize>,
}

impl Worklist {
    pub fn add(&mut self, f: Finding) {
        let key = (f.path.clone(), f.item.clone().unwrap_or_default());
        let comments = &mut self.comments;
        let at = *self.index.entry(key).or_insert_with(|| {
            comments.push(Comment {
                path: f.path.clone(),
                item: f.item.clone().unwrap_or_default(),
                placed: f.time.as_deref().and_then(deadline::clock::parse),
                findings: Vec::new(),
            });
            comments.len() - 1
        });
        self.comments[at].findings.push(f);
    }

    pub fn is_empty(&self) -> bool {
        self.comments.is_empty()
    }

    pub fn findings(&self) -> impl Iterator<Item = &Finding> {
        self.comments.iter().flat_map(|c| &c.findings)
    }

    /// How many comments to act on were placed in each hour of the day.
    pub fn per_hour(&self) -> [usize; 24] {
        let mut hours = [0; 24];
        for placed in self.comments.iter().filter_map(|c| c.placed) {
            hours[placed.hour() as usize] += 1;
        }
        hours
    }

    pub fn write(&self, page: &mut String, now: LocalTime, redact: bool) {
        let mut order: Vec<&Comment> = self.comments.iter().collect();
        // Stable: at equal severity and deadline, the order of the export stays.
        order.sort_by_key(|c| (std::cmp::Reverse(c.severity()), c.deadline().is_none(), c.deadline()));
        let overdue = order.iter().filter(|c| c.deadline().is_some_and(|d| d < now)).count();
        let _ = write!(
            page,
            "<section id=\"werklijst\" aria-labelledby=\"werklijst-kop\"><h2 id=\"werklijst-kop\">Werklijst: reacties om na te kijken</h2>\
             <p class=\"rule\">Haal ongepaste reacties binnen een werkdag weg (SGH 6.5). Weekend en feestdagen tellen niet als werkdag; \
             de tijden zijn Nederlandse tijd. <span id=\"overdue-count\">{}</span></p><ol class=\"worklist\">",
            match overdue {
                0 => "Geen reactie is te laat.".to_string(),
                1 => "<strong>1 reactie is te laat.</strong>".to_string(),
                n => format!("<strong>{n} reacties zijn te laat.</strong>"),
            }
        );
        for (number, comment) in order.iter().enumerate() {
            row(page, number + 1, comment, now, redact);
        }
        page.push_str("</ol></section>\n");
    }
}

fn row(page: &mut String, number: usize, c: &Comment, now: LocalTime, redact: bool) {
    let severity = c.severity();
    let deadline = c.deadline();
    let late = deadline.is_some_and(|d| d < now);
    let _ = write!(
        page,
        "<li class=\"row {sev}{late}\" id=\"c{number}\" data-sev=\"{sev}\"><div class=\"when\">{badge} ",
        sev = severity.as_str(),
        late = if late { " overdue" } else { "" },
        badge = badge(severity),
    );
    match (c.placed, deadline) {
        (Some(placed), Some(deadline)) => {
            let _ = write!(
                page,
                "geplaatst <time datetime=\"{}\">{}</time> · <span class=\"due\">weg vóór <time datetime=\"{}\">{}</time>{}</span>",
                placed.iso(),
                escape(&placed.dutch()),
                deadline.iso(),
                escape(&deadline.dutch()),
                if late { " <strong class=\"late\">te laat</strong>" } else { "" }
            );
        }
        _ => {
            let time = c.findings.iter().find_map(|f| f.time.as_deref());
            let _ = write!(
                page,
                "<span class=\"due\">tijd {}: haal hem zo snel mogelijk weg</span>",
                time.map_or_else(|| "onbekend".to_string(), |t| format!("onleesbaar ({})", escape(t)))
            );
        }
    }
    page.push_str("</div><p class=\"who\">");
    let author = if redact { None } else { c.findings.iter().find_map(|f| f.author.as_deref()) };
    if let Some(author) = author {
        let _ = write!(page, "van <span class=\"author\">{}</span> · ", escape(author));
    }
    let _ = write!(page, "bericht <code>{}</code> in {}", escape(&c.item), path_html(&c.path));
    if let Some(link) = c.findings.iter().find_map(|f| f.link.as_deref()) {
        let _ = write!(
            page,
            " · <a class=\"link\" href=\"{}\" rel=\"noreferrer noopener\" target=\"_blank\">bekijk de reactie</a>",
            escape(link)
        );
    }
    page.push_str("</p>");
    if !redact {
        passages(page, number, c);
    }
    page.push_str("<ul class=\"reasons\">");
    for (i, f) in c.findings.iter().enumerate() {
        finding_item(page, f, "reason", &format!("n-c{number}-{}", i + 1), None, None, "");
    }
    page.push_str("</ul></li>\n");
}

/// The comment's lines that hold a passage, each passage marked.
fn passages(page: &mut String, number: usize, c: &Comment) {
    let mut lines: Vec<(&str, Vec<(usize, &Finding)>)> = Vec::new();
    for (i, f) in c.findings.iter().enumerate() {
        if f.context.line_text.is_empty() {
            continue;
        }
        match lines.iter_mut().find(|(line, _)| *line == f.context.line_text) {
            Some((_, found)) => found.push((i, f)),
            None => lines.push((&f.context.line_text, vec![(i, f)])),
        }
    }
    if lines.is_empty() {
        return;
    }
    let notes: Vec<String> = (1..=c.findings.len()).map(|n| format!("n-c{number}-{n}")).collect();
    page.push_str("<blockquote class=\"passage\">");
    for (line, found) in &lines {
        let byte_of = |chars: usize| line.char_indices().nth(chars).map_or(line.len(), |(b, _)| b);
        let passages: Vec<marks::Passage> = found
            .iter()
            .map(|&(i, f)| marks::Passage {
                start: byte_of(f.context.char_start),
                end: byte_of(f.context.char_end),
                severity: f.severity,
                note: &notes[i],
                number: i + 1,
            })
            .collect();
        let _ = write!(page, "<p>{}</p>", marks::mark(line, &passages));
    }
    page.push_str("</blockquote>");
}
