//! The scanner: built once per run from the settings and the roster, then used for every text.
//!
//! [`Scanner::new`] parses the wordlists, builds the name forms and the one automaton.
//! [`Scanner::check`] runs the checks on one text and returns [`Hit`]s; [`Scanner::findings`]
//! turns them into [`Finding`]s (line, column, matched text, message, articles) for the printers.

use crate::detect::cues::Cues;
use crate::detect::names::{NameContext, NameIndex};
use crate::detect::personal_data::DataContext;
use crate::detect::{self, Document};
use crate::finding::{Context, Finding, Hit};
use crate::lexicon::Lexicon;
use crate::line_index::{ColumnCursor, LineIndex};
use crate::matcher::{Edge, Matcher, MatcherBuilder, Target};
use crate::normalize::normalize_term;
use crate::protocol::{Guideline, Protocol};
use crate::respell::Respeller;
use crate::roster::Roster;
use crate::terms::{self, SchoolTerms};
use crate::wordlists::WordlistError;

/// Where the text will be published.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Channel {
    /// The writer's own account: posts about the school need a disclaimer.
    #[default]
    Personal,
    /// The school's own account or page.
    School,
    /// The school's website.
    Website,
    /// The school's newsletter or parents' app.
    Newsletter,
}

/// What a run checks against.
#[derive(Clone, Debug)]
pub struct Settings {
    pub channel: Channel,
    /// The protocols to cite, in canonical order, never empty.
    pub protocols: Vec<Protocol>,
    /// The school's or board's names as people write them.
    pub orgs: Vec<String>,
    /// The organisation's web domains (role addresses there are not personal data).
    pub org_domains: Vec<String>,
    /// The school's own extra, removed and allowed terms.
    pub terms: SchoolTerms,
    /// Set when a baseline is read or written: findings then carry their passage's fingerprint.
    pub fingerprint_key: Option<crate::baseline::Key>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            channel: Channel::Personal,
            protocols: Protocol::ALL.to_vec(),
            orgs: Vec::new(),
            org_domains: Vec::new(),
            terms: SchoolTerms::default(),
            fingerprint_key: None,
        }
    }
}

pub struct Scanner {
    lexicon: &'static Lexicon,
    settings: Settings,
    roster: Roster,
    names: NameIndex,
    matcher: Matcher,
    respeller: Respeller,
    cues: Cues,
    abuse: detect::abuse::AbuseIndex,
    threats: detect::threat::ThreatGrammar,
}

impl Scanner {
    /// Build the scanner for a run. The roster's part, the wordlists' words and the wordlists'
    /// other indexes are independent, so they are built as three tasks on the threads there are
    /// (a draft's check is mostly start-up; whichever thread is done first takes the last task).
    pub fn new(settings: Settings, roster: Roster) -> Result<Scanner, WordlistError> {
        let lexicon = terms::lexicon_without(Lexicon::get()?, &settings.terms.remove);
        let ((names, name_words), (mut builder, (cues, abuse, threats, respeller))) = rayon::join(
            || {
                let names = NameIndex::new(&roster, lexicon);
                let mut builder = MatcherBuilder::new();
                names.add_to(&mut builder);
                (names, builder)
            },
            || {
                rayon::join(
                    || Scanner::wordlist_words(lexicon, &settings, roster.pupils.len()),
                    || {
                        let cues = Cues::new(lexicon);
                        let abuse = detect::abuse::AbuseIndex::new(lexicon);
                        let threats = detect::threat::ThreatGrammar::new(lexicon);
                        let respeller = Respeller::new(lexicon);
                        (cues, abuse, threats, respeller)
                    },
                )
            },
        );
        builder.append(name_words);
        terms::add_to(&settings.terms, &mut builder).map_err(|message| WordlistError {
            file: "postwacht.toml".into(),
            line: 0,
            message,
        })?;
        let matcher =
            builder.build().map_err(|message| WordlistError { file: "automaton".into(), line: 0, message })?;
        Ok(Scanner { lexicon, cues, abuse, threats, settings, roster, names, matcher, respeller })
    }

    /// The words of the wordlists and the organisation's names, for the matcher.
    fn wordlist_words(lexicon: &'static Lexicon, settings: &Settings, pupils: usize) -> MatcherBuilder {
        // Room for the wordlists' words with their typo variants (about eight per abuse and group
        // term) and for the roster's (about two per pupil), which are appended later.
        let terms = lexicon.abuse.len() + lexicon.groups.len();
        let mut builder = MatcherBuilder::with_capacity(8 * terms + 2 * pupils);
        detect::abuse::add_to(lexicon, &mut builder);
        for (i, entry) in lexicon.confidential.iter().enumerate() {
            builder.add_term(&entry.term.phrase, Edge::of(entry.term.mode), Target::Confidential(i as u32));
        }
        for (i, entry) in lexicon.disclaimer.iter().enumerate() {
            builder.add_term(&entry.term.phrase, Edge::Whole, Target::Disclaimer(i as u32));
        }
        for (i, entry) in lexicon.media.iter().enumerate() {
            builder.add_term(&entry.term.phrase, Edge::Whole, Target::Media(i as u32));
        }
        for (i, org) in settings.orgs.iter().enumerate() {
            builder.add(&normalize_term(org), Edge::Whole, Target::Org(i as u32));
        }
        builder
    }

    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    pub fn roster(&self) -> &Roster {
        &self.roster
    }

    /// Number of distinct words in the automaton, and of phrases assembled from them.
    pub fn matcher_size(&self) -> (usize, usize) {
        self.matcher.size()
    }

    /// The literal words the automaton searches for (wordlist words and their variants, the first
    /// words of phrases, name forms), normalised and without the spaces that mark word edges. For
    /// the benchmarks, which compare the scan with a plain literal search for the same words.
    pub fn literals(&self) -> impl Iterator<Item = &str> {
        self.matcher.literals()
    }

    /// Run every check on `text`. Hits are sorted by position and limited to what the selected
    /// protocols ask for.
    pub fn check(&self, text: &str) -> Vec<Hit> {
        let doc = Document::new(text, &self.matcher, &self.respeller, self.lexicon, &self.cues);
        let mut hits = Vec::new();
        let name_cx = NameContext {
            index: &self.names,
            roster: &self.roster,
            sgh_selected: self.settings.protocols.contains(&Protocol::Sgh),
        };
        let mentions = detect::names::detect(&doc, &name_cx, &mut hits);
        let data_cx = DataContext { org_domains: &self.settings.org_domains, mentions: &mentions };
        detect::personal_data::detect(&doc, &data_cx, &mut hits);
        detect::confidential::detect(&doc, &mentions, &mut hits);
        detect::abuse::detect(&doc, &self.abuse, &mut hits);
        detect::hate::detect(&doc, &self.abuse, &mut hits);
        detect::threat::detect(&doc, &self.threats, &mut hits);
        detect::school_terms::detect(&doc, &self.settings.terms.extra, &mut hits);
        detect::mention::drop_mentions(&doc, &mut hits);
        if self.settings.channel == Channel::Personal {
            detect::disclaimer::detect(&doc, &mut hits);
        }
        detect::media::detect(&doc, &mentions, &self.roster, &mut hits);
        // A curse is not a diagnosis: where the abuse check reads "kanker" as a curse, the health
        // check stands back (and where a medical phrase made it a disease, there is no curse).
        let curses: Vec<(usize, usize)> =
            hits.iter().filter(|h| h.rule.category.is_abuse()).map(|h| (h.start, h.end)).collect();
        hits.retain(|h| {
            h.rule.code != crate::rules::HEALTH.code || !curses.iter().any(|&(s, e)| s <= h.start && h.end <= e)
        });
        hits.retain(|h| {
            !h.rule.only_when_cited || self.settings.protocols.iter().any(|&p| !h.rule.articles_for(p).is_empty())
        });
        detect::school_terms::drop_allowed(&doc, &mut hits);
        hits.sort_by(|a, b| (a.start, a.end, a.rule.code).cmp(&(b.start, b.end, b.rule.code)));
        hits.dedup_by(|a, b| a.start == b.start && a.end == b.end && a.rule.code == b.rule.code);
        hits
    }

    /// For people who maintain the wordlists: what the checks see in `text` (the view's tokens and
    /// sentences, every phrase the automaton found, and the cues of every role per sentence).
    pub fn trace(&self, text: &str) -> Vec<String> {
        use crate::detect::cues::Cue;
        use crate::lexicon::{ContextRole, HateRole, ThreatRole};
        let doc = Document::new(text, &self.matcher, &self.respeller, self.lexicon, &self.cues);
        let mut out = vec![format!("view: {:?}", doc.view.text)];
        for (i, &(s, e)) in doc.sentences().iter().enumerate() {
            let words: Vec<&str> = (s..e).map(|t| doc.token(t)).collect();
            out.push(format!("sentence {i}: [{s}..{e}) {}", words.join(" ")));
            let roles: Vec<(String, Cue)> = [
                HateRole::Emotion,
                HateRole::Attribute,
                HateRole::Dehumanise,
                HateRole::Exclusion,
                HateRole::Violence,
                HateRole::Negation,
                HateRole::Counter,
                HateRole::Pronoun,
                HateRole::Address,
                HateRole::Opinion,
            ]
            .into_iter()
            .map(|r| (format!("{r:?}"), Cue::from(r)))
            .chain(
                [ThreatRole::Actor, ThreatRole::Target, ThreatRole::Menace, ThreatRole::Joke, ThreatRole::Play]
                    .into_iter()
                    .map(|r| (format!("threat {r:?}"), Cue::from(r))),
            )
            .chain(
                [
                    ContextRole::Title,
                    ContextRole::Person,
                    ContextRole::Determiner,
                    ContextRole::Verb,
                    ContextRole::Vocative,
                ]
                .into_iter()
                .map(|r| (format!("context {r:?}"), Cue::from(r))),
            )
            .collect();
            for (name, role) in roles {
                let cues = self.cues.all_within(&doc, role, s, e);
                if !cues.is_empty() {
                    let cues: Vec<String> = cues
                        .iter()
                        .map(|&(t, len)| (t..t + len).map(|k| doc.token(k)).collect::<Vec<_>>().join(" "))
                        .collect();
                    out.push(format!("  {name}: {}", cues.join(" | ")));
                }
            }
        }
        for f in &doc.found {
            out.push(format!(
                "found {:?} {:?} tokens {}..={}: {:?}",
                f.target,
                f.edge,
                f.first,
                f.last,
                &doc.view.text[f.start..f.end]
            ));
        }
        out
    }

    /// The articles each selected protocol cites for `rule`.
    pub fn guidelines(&self, rule: &crate::rules::Rule) -> Vec<Guideline> {
        rule.guidelines(&self.settings.protocols)
    }

    /// Check `text` and describe each hit for printing. `line_offset` is added to line numbers
    /// (for texts that start further down a file, such as a comment in an export).
    pub fn findings(&self, text: &str, location: &Location, redact: bool) -> Vec<Finding> {
        self.describe(text, self.check(text), location, redact)
    }

    /// Check `published`, a copy of `text` of the same byte length in which what readers never
    /// see is blanked out (markup, URLs; see [`crate::markup`]), and describe each hit by the
    /// passage it covers in `text`, so positions and matched text are those of the file.
    pub fn findings_published(&self, text: &str, published: &str, location: &Location, redact: bool) -> Vec<Finding> {
        if published.len() != text.len() {
            // Not a same-length copy: offsets would not line up, so check the text itself.
            return self.findings(text, location, redact);
        }
        let mut hits = self.check(published);
        // Blanking replaces characters byte for byte, so a hit could in theory start or end inside
        // a character of `text`; widen it to whole characters.
        for hit in &mut hits {
            while !text.is_char_boundary(hit.start) {
                hit.start -= 1;
            }
            while !text.is_char_boundary(hit.end) {
                hit.end += 1;
            }
        }
        self.describe(text, hits, location, redact)
    }

    /// Describe hits in `text` (found by [`Scanner::check`] or by a check of the file around it,
    /// such as [`crate::suppress`]) for printing.
    pub fn describe(&self, text: &str, hits: Vec<Hit>, location: &Location, redact: bool) -> Vec<Finding> {
        if hits.is_empty() {
            return Vec::new();
        }
        let lines = LineIndex::new(text);
        let mut cursors = (ColumnCursor::default(), ColumnCursor::default());
        hits.into_iter().map(|hit| self.finding(text, &lines, &mut cursors, hit, location, redact)).collect()
    }

    fn finding(
        &self,
        text: &str,
        lines: &LineIndex,
        (starts, ends): &mut (ColumnCursor, ColumnCursor),
        hit: Hit,
        location: &Location,
        redact: bool,
    ) -> Finding {
        let (line, line_start, line_end) = lines.line_of(text, hit.start);
        let column = starts.column(text, line_start, hit.start) + 1;
        let (end_line, end_line_start, _) = lines.line_of(text, hit.end);
        let end_column = ends.column(text, end_line_start, hit.end) + 1;
        let line_text = text[line_start..line_end].trim_end_matches('\r');
        let char_start = column - 1;
        let clipped_end = hit.end.min(line_start + line_text.len()).max(hit.start);
        let char_end = char_start + text[hit.start..clipped_end].chars().count();
        let mut message = hit.rule.message.to_string();
        if !hit.detail.is_empty() {
            message = format!("{} ({})", message.trim_end_matches('.'), hit.detail);
            message.push('.');
        }
        Finding {
            path: location.path.clone(),
            item: location.item.clone(),
            category: hit.rule.category,
            rule: hit.rule.code,
            severity: hit.severity,
            line: line + location.line_offset,
            column: column + if line == 1 { location.column_offset } else { 0 },
            end_line: end_line + location.line_offset,
            end_column: end_column + if end_line == 1 { location.column_offset } else { 0 },
            start: hit.start + location.byte_offset,
            end: hit.end + location.byte_offset,
            matched: if redact { hit.rule.placeholder.to_string() } else { text[hit.start..hit.end].to_string() },
            message,
            quoted_detail: if redact { String::new() } else { hit.quoted_detail },
            guidelines: self.guidelines(hit.rule),
            author: location.author.clone(),
            time: location.time.clone(),
            link: location.link.clone(),
            context: if redact {
                Context::default()
            } else {
                Context::around(
                    line_text,
                    hit.start - line_start,
                    clipped_end - line_start,
                    char_start,
                    char_end.max(char_start + 1),
                )
            },
            fingerprint: self
                .settings
                .fingerprint_key
                .map(|key| crate::baseline::passage_fingerprint(&key, hit.rule.code, &text[hit.start..hit.end])),
        }
    }
}

/// Where a scanned text sits: the file, the item in an export, and the offsets to add so that
/// positions point into the file.
#[derive(Clone, Debug, Default)]
pub struct Location {
    pub path: String,
    pub item: Option<String>,
    pub author: Option<String>,
    pub time: Option<String>,
    /// Where the item can be seen (comment exports), when the export says.
    pub link: Option<String>,
    /// Added to byte offsets (the text starts this far into the file).
    pub byte_offset: usize,
    /// Added to line numbers minus one (the text starts on this line of the file, 0-based).
    pub line_offset: usize,
    /// Added to columns on the text's first line.
    pub column_offset: usize,
}

impl Location {
    pub fn file(path: &str) -> Location {
        Location { path: path.to_string(), ..Location::default() }
    }
}
