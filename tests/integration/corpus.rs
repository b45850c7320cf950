//! The labelled corpus in `fixtures/` (see `fixtures/README.md`): every case is scanned and the
//! findings compared with the labels.
//!
//! - Per category, over all cases: precision and recall must reach [`MIN_PRECISION`] and
//!   [`MIN_RECALL`], and for pupil names and personal data [`MIN_PRECISION_PRIVACY`] and
//!   [`MIN_RECALL_PRIVACY`].
//! - Per abuse phenomenon (`fixtures/abuse/<phenomenon>.toml`): recall on abusive cases must
//!   reach [`MIN_PHENOMENON_RECALL`], and at most [`MAX_FLAGGED_CONTRASTS`] of the non-abusive
//!   contrasts may be flagged.
//!
//! The figures are printed (`cargo test corpus -- --nocapture`), with every miss and false alarm.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use postwacht::finding::{Category, Hit, Severity};
use postwacht::protocol::Protocol;
use postwacht::roster::Roster;
use postwacht::scan::{Channel, Scanner, Settings};
use serde::Deserialize;

const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.90;
/// Pupil names and personal data are where a miss hurts most and where the roster and the
/// validators allow more: they must reach 0.95.
const MIN_PRECISION_PRIVACY: f64 = 0.95;
const MIN_RECALL_PRIVACY: f64 = 0.95;
const MIN_PHENOMENON_RECALL: f64 = 0.90;
const MAX_FLAGGED_CONTRASTS: f64 = 0.05;

#[derive(Deserialize)]
struct File {
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Case {
    pub(crate) id: String,
    pub(crate) text: String,
    pub(crate) expect: Vec<Expect>,
    channel: Option<String>,
    org: Option<Vec<String>>,
    org_domain: Option<Vec<String>>,
    roster: Option<String>,
    protocol: Option<Vec<String>>,
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Expect {
    category: OneOrMany,
    #[serde(rename = "match")]
    passage: Option<String>,
    occurrence: Option<usize>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl Expect {
    pub(crate) fn categories(&self) -> Vec<Category> {
        let names = match &self.category {
            OneOrMany::One(c) => vec![c.clone()],
            OneOrMany::Many(cs) => cs.clone(),
        };
        names.iter().map(|n| Category::parse(n).unwrap_or_else(|| panic!("unknown category {n}"))).collect()
    }

    /// The byte range of the expected passage in `text`.
    pub(crate) fn span(&self, text: &str) -> Option<(usize, usize)> {
        let passage = self.passage.as_ref()?;
        let nth = self.occurrence.unwrap_or(1);
        let start = text.match_indices(passage.as_str()).nth(nth - 1).map(|(i, _)| i);
        let start = start.unwrap_or_else(|| panic!("'{passage}' (occurrence {nth}) is not in the text"));
        Some((start, start + passage.len()))
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Scanners are built once per configuration.
#[derive(Default)]
pub(crate) struct Scanners {
    built: HashMap<String, Scanner>,
}

impl Scanners {
    pub(crate) fn get(&mut self, case: &Case) -> &Scanner {
        let roster = case.roster.clone().unwrap_or_else(|| "groep7".into());
        let key = format!("{:?}|{:?}|{:?}|{:?}|{roster}", case.channel, case.org, case.org_domain, case.protocol);
        self.built.entry(key).or_insert_with(|| {
            let path = fixtures().join("rosters").join(format!("{roster}.csv"));
            let (roster, _) = Roster::load(&path).unwrap_or_else(|e| panic!("{e}"));
            let mut settings = Settings::default();
            if case.channel.as_deref() == Some("school") {
                settings.channel = Channel::School;
            }
            if let Some(orgs) = &case.org {
                settings.orgs = orgs.clone();
            }
            if let Some(domains) = &case.org_domain {
                settings.org_domains = domains.clone();
            }
            if let Some(protocols) = &case.protocol {
                settings.protocols = protocols.iter().map(|p| Protocol::parse(p).expect("protocol")).collect();
                settings.protocols.sort();
            }
            Scanner::new(settings, roster).expect("scanner")
        })
    }
}

#[derive(Default, Clone, Copy)]
struct Tally {
    true_positives: usize,
    false_positives: usize,
    expected: usize,
    found: usize,
}

impl Tally {
    fn precision(&self) -> f64 {
        let n = self.true_positives + self.false_positives;
        if n == 0 { 1.0 } else { self.true_positives as f64 / n as f64 }
    }
    fn recall(&self) -> f64 {
        if self.expected == 0 { 1.0 } else { self.found as f64 / self.expected as f64 }
    }
}

#[derive(Default, Clone, Copy)]
struct Phenomenon {
    abusive: usize,
    caught: usize,
    contrasts: usize,
    flagged: usize,
}

/// Compare a case's hits (warning and up) with its labels. Returns (false alarms, misses).
fn score(case: &Case, hits: &[Hit], tallies: &mut BTreeMap<Category, Tally>) -> (Vec<String>, Vec<String>) {
    /// What an expected entry accepts: categories, and the passage a finding must overlap.
    type Accepts = (Vec<Category>, Option<(usize, usize)>);
    let expects: Vec<Accepts> = case.expect.iter().map(|e| (e.categories(), e.span(&case.text))).collect();
    let mut satisfied = vec![false; expects.len()];
    let mut false_alarms = Vec::new();
    for hit in hits {
        let category = hit.rule.category;
        let accepted = expects.iter().enumerate().find(|(_, (cats, span))| {
            cats.contains(&category) && span.is_none_or(|(s, e)| hit.start < e && s < hit.end)
        });
        let tally = tallies.entry(category).or_default();
        match accepted {
            Some((i, _)) => {
                tally.true_positives += 1;
                satisfied[i] = true;
            }
            None => {
                tally.false_positives += 1;
                false_alarms.push(format!(
                    "{} {} «{}»",
                    category.as_str(),
                    hit.rule.code,
                    &case.text[hit.start..hit.end]
                ));
            }
        }
    }
    let mut misses = Vec::new();
    for (i, (cats, span)) in expects.iter().enumerate() {
        let tally = tallies.entry(cats[0]).or_default();
        tally.expected += 1;
        if satisfied[i] {
            tally.found += 1;
        } else {
            let passage = span.map_or(String::new(), |(s, e)| format!(" «{}»", &case.text[s..e]));
            misses.push(format!("{}{passage}", cats.iter().map(|c| c.as_str()).collect::<Vec<_>>().join("|")));
        }
    }
    (false_alarms, misses)
}

pub(crate) fn case_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
        .unwrap_or_else(|e| panic!("fixtures/{folder}: {e}"))
        .map(|e| e.expect("dir entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

pub(crate) fn load(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).expect("read fixture");
    let file: File = toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    file.cases
}

#[test]
fn corpus_meets_the_thresholds() {
    let mut scanners = Scanners::default();
    let mut tallies: BTreeMap<Category, Tally> = BTreeMap::new();
    let mut phenomena: BTreeMap<String, Phenomenon> = BTreeMap::new();
    let mut report = Vec::new();
    let mut cases = 0;
    // POSTWACHT_CORPUS=holdout measures another folder of fixtures the same way (used to
    // measure on a held-out set before it joins the corpus).
    let folders: Vec<String> = std::env::var("POSTWACHT_CORPUS")
        .map(|f| f.split(',').map(str::to_string).collect())
        .unwrap_or_else(|_| vec!["corpus".into(), "abuse".into()]);
    for folder in folders.iter().map(String::as_str) {
        for path in case_files(folder) {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
            for case in load(&path) {
                cases += 1;
                let hits: Vec<Hit> = scanners
                    .get(&case)
                    .check(&case.text)
                    .into_iter()
                    .filter(|h| h.severity >= Severity::Warning)
                    .collect();
                let (false_alarms, misses) = score(&case, &hits, &mut tallies);
                for problem in false_alarms
                    .iter()
                    .map(|f| format!("false alarm {f}"))
                    .chain(misses.iter().map(|m| format!("missed {m}")))
                {
                    report.push(format!(
                        "{folder}/{stem}#{}: {problem}\n    {}",
                        case.id,
                        case.text.replace('\n', " ⏎ ")
                    ));
                }
                if folder != "corpus" {
                    let abusive = case.expect.iter().any(|e| e.categories().iter().any(|c| c.is_abuse()));
                    let flagged = hits.iter().any(|h| h.rule.category.is_abuse());
                    let p = phenomena.entry(stem.clone()).or_default();
                    if abusive {
                        p.abusive += 1;
                        p.caught += usize::from(flagged);
                    } else {
                        p.contrasts += 1;
                        p.flagged += usize::from(flagged);
                    }
                }
            }
        }
    }

    for line in &report {
        println!("{line}");
    }
    println!(
        "\n{cases} cases\n{:<16} {:>9} {:>7} {:>5} {:>5} {:>5}",
        "category", "precision", "recall", "tp", "fp", "exp"
    );
    let mut failures = Vec::new();
    for (category, t) in &tallies {
        println!(
            "{:<16} {:>9.3} {:>7.3} {:>5} {:>5} {:>5}",
            category.as_str(),
            t.precision(),
            t.recall(),
            t.true_positives,
            t.false_positives,
            t.expected
        );
        let privacy = matches!(category, Category::PupilName | Category::PersonalData);
        let (min_precision, min_recall) =
            if privacy { (MIN_PRECISION_PRIVACY, MIN_RECALL_PRIVACY) } else { (MIN_PRECISION, MIN_RECALL) };
        if t.precision() < min_precision || t.recall() < min_recall {
            failures.push(format!("{}: precision {:.3}, recall {:.3}", category.as_str(), t.precision(), t.recall()));
        }
    }
    println!("\n{:<26} {:>7} {:>9} {:>8} {:>9}", "phenomenon", "abusive", "recall", "contrast", "flagged");
    for (name, p) in &phenomena {
        let recall = if p.abusive == 0 { 1.0 } else { p.caught as f64 / p.abusive as f64 };
        let flagged = if p.contrasts == 0 { 0.0 } else { p.flagged as f64 / p.contrasts as f64 };
        println!("{name:<26} {:>7} {recall:>9.3} {:>8} {flagged:>9.3}", p.abusive, p.contrasts);
        if recall < MIN_PHENOMENON_RECALL || flagged > MAX_FLAGGED_CONTRASTS {
            failures.push(format!("{name}: recall {recall:.3}, flagged contrasts {flagged:.3}"));
        }
    }
    assert!(failures.is_empty(), "below the thresholds:\n  {}", failures.join("\n  "));
}
