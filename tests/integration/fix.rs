//! `postwacht fix` on every fixture draft: the texts of the labelled corpus (`fixtures/corpus/`,
//! `fixtures/abuse/`) and the drafts and posts of `fixtures/cli/` and `fixtures/example/`.
//!
//! For each text and each policy: a second fix changes nothing; a scan of the fixed text has no
//! finding that the fix claims to have fixed; no byte changes outside the fixed passages (what
//! is left equals the original outside the edits); and every finding left has a stated reason.
//! The counts per category are printed (`cargo test --test integration fix_ -- --nocapture`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use postwacht::finding::Category;
use postwacht::fix::plan::Claim;
use postwacht::fix::{self, DataChoice, NameChoice, Policy};
use postwacht::markup::{self, Markup};
use postwacht::protocol::Protocol;
use postwacht::roster::Roster;
use postwacht::scan::{Channel, Location, Scanner, Settings};
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    #[serde(rename = "case")]
    cases: Vec<Case>,
}

/// The fields of a corpus case that decide how it is scanned.
#[derive(Deserialize)]
struct Case {
    id: String,
    text: String,
    channel: Option<String>,
    org: Option<Vec<String>>,
    roster: Option<String>,
    protocol: Option<Vec<String>>,
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// A fixture draft and how it is scanned.
struct Draft {
    name: String,
    text: String,
    markup: Markup,
    channel: Option<String>,
    orgs: Vec<String>,
    roster: String,
    protocols: Option<Vec<String>>,
}

fn drafts() -> Vec<Draft> {
    let mut drafts = Vec::new();
    for folder in ["corpus", "abuse"] {
        let mut files: Vec<PathBuf> = std::fs::read_dir(fixtures().join(folder))
            .expect("fixture folder")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        for path in files {
            let file: File = toml::from_str(&std::fs::read_to_string(&path).expect("read")).expect("parse cases");
            for case in file.cases {
                drafts.push(Draft {
                    name: format!("{}#{}", path.file_name().unwrap().to_string_lossy(), case.id),
                    text: case.text,
                    markup: Markup::Text,
                    channel: case.channel,
                    orgs: case.org.unwrap_or_default(),
                    roster: case.roster.unwrap_or_else(|| "groep7".into()),
                    protocols: case.protocol,
                });
            }
        }
    }
    for file in [
        "cli/draft.txt",
        "cli/clean.txt",
        "cli/staff.txt",
        "cli/nieuwsbrief.md",
        "cli/nieuwsbrief.html",
        "example/concept.txt",
    ] {
        let path = fixtures().join(file);
        drafts.push(Draft {
            name: file.to_string(),
            text: std::fs::read_to_string(&path).expect("read draft"),
            markup: Markup::of_path(&path),
            channel: None,
            orgs: vec!["OBS De Regenboog".into()],
            roster: "groep7".into(),
            protocols: None,
        });
    }
    drafts
}

#[test]
fn fix_resolves_what_it_claims_and_is_idempotent() {
    let drafts = drafts();
    let mut scanners: Vec<(String, &'static Scanner)> = Vec::new();
    let mut get = |draft: &Draft| -> &'static Scanner {
        let key = format!("{:?}|{:?}|{}|{:?}", draft.channel, draft.orgs, draft.roster, draft.protocols);
        if let Some((_, s)) = scanners.iter().find(|(k, _)| *k == key) {
            return s;
        }
        let (roster, _) =
            Roster::load(&fixtures().join("rosters").join(format!("{}.csv", draft.roster))).expect("roster");
        let mut settings = Settings { orgs: draft.orgs.clone(), ..Settings::default() };
        if draft.channel.as_deref() == Some("school") {
            settings.channel = Channel::School;
        }
        if let Some(protocols) = &draft.protocols {
            settings.protocols = protocols.iter().map(|p| Protocol::parse(p).expect("protocol")).collect();
            settings.protocols.sort();
        }
        let scanner: &'static Scanner = Box::leak(Box::new(Scanner::new(settings, roster).expect("scanner")));
        scanners.push((key, scanner));
        scanner
    };
    let policies = [
        ("standaard", NameChoice::Pupil, DataChoice::Placeholder, false),
        ("initial, remove, unsafe", NameChoice::Initial, DataChoice::Remove, true),
    ];
    let mut failures = Vec::new();
    for (label, pupil_name, personal_data, unsafe_fixes) in policies {
        let mut fixed: BTreeMap<Category, usize> = BTreeMap::new();
        let mut left: BTreeMap<Category, usize> = BTreeMap::new();
        let mut before: BTreeMap<Category, usize> = BTreeMap::new();
        let mut disclaimers_with_org = 0;
        for draft in &drafts {
            let scanner = get(draft);
            let policy = Policy {
                pupil_name,
                personal_data,
                disclaimer: None,
                disclaimer_english: None,
                org: draft.orgs.first().cloned(),
                unsafe_fixes,
            };
            let location = Location::file(&draft.name);
            for f in markup::findings(scanner, &draft.text, draft.markup, &location, false) {
                *before.entry(f.category).or_default() += 1;
                // Without an organisation name there is no disclaimer sentence to add.
                if f.category == Category::Disclaimer && !draft.orgs.is_empty() {
                    disclaimers_with_org += 1;
                }
            }
            let once = fix::fix(scanner, &draft.text, draft.markup, &draft.name, &policy);
            let twice = fix::fix(scanner, &once.text, draft.markup, &draft.name, &policy);
            if twice.text != once.text || !twice.fixed.is_empty() {
                failures.push(format!(
                    "{label}: {}: a second fix changed it:\n{}\n→\n{}",
                    draft.name, once.text, twice.text
                ));
            }
            let after = markup::findings(scanner, &once.text, draft.markup, &location, false);
            for f in &once.fixed {
                let Some((start, end)) = f.at else { continue };
                let still = |rule: &str| {
                    after.iter().any(|a| {
                        a.rule == rule
                            && match f.claim {
                                Claim::Whole(_) => true,
                                Claim::Passage(_) => a.start < end.max(start + 1) && start < a.end,
                            }
                    })
                };
                if still(f.rule) {
                    failures.push(format!(
                        "{label}: {}: {} was claimed fixed ({:?} → {:?}) but is still found",
                        draft.name, f.rule, f.was, f.became
                    ));
                }
                *fixed.entry(f.category).or_default() += 1;
            }
            for l in &once.left {
                *left.entry(l.finding.category).or_default() += 1;
                if l.reason == "niet aangepast" {
                    failures.push(format!("{label}: {}: {} left without a reason", draft.name, l.finding.rule));
                }
            }
            if once.fixed.is_empty() && once.text != draft.text {
                failures.push(format!("{label}: {}: text changed without a fix", draft.name));
            }
            // Outside the passages nothing changes: with safe fixes, every line of the original
            // that holds no finding is in the fixed text as it was.
            if !unsafe_fixes {
                let found = markup::findings(scanner, &draft.text, draft.markup, &location, false);
                let mut offset = 0;
                for line in draft.text.split_inclusive('\n') {
                    let (start, end) = (offset, offset + line.len());
                    offset = end;
                    let touched = found.iter().any(|f| f.start < end && start < f.end.max(f.start + 1));
                    if !touched
                        && !line.trim().is_empty()
                        && !once.text.split_inclusive('\n').any(|l| l.trim_end() == line.trim_end())
                    {
                        failures.push(format!(
                            "{label}: {}: the line {line:?} changed, though nothing was found on it",
                            draft.name
                        ));
                    }
                }
            }
        }
        println!("fix ({label}) on {} fixture drafts: found / fixed / left per category", drafts.len());
        for category in Category::ALL {
            let (b, f, l) = (
                before.get(&category).copied().unwrap_or(0),
                fixed.get(&category).copied().unwrap_or(0),
                left.get(&category).copied().unwrap_or(0),
            );
            if b + f + l > 0 {
                println!("  {:<16} {b:>5} {f:>5} {l:>5}", category.as_str());
            }
        }
        // The safe fixes must do their work: most names and personal data go.
        let share = |c: Category| {
            fixed.get(&c).copied().unwrap_or(0) as f64 / before.get(&c).copied().unwrap_or(1).max(1) as f64
        };
        if share(Category::PupilName) < 0.8 {
            failures
                .push(format!("{label}: only {:.0}% of pupil-name findings fixed", 100.0 * share(Category::PupilName)));
        }
        let disclaimers_fixed = fixed.get(&Category::Disclaimer).copied().unwrap_or(0);
        if (disclaimers_fixed as f64) < 0.8 * disclaimers_with_org as f64 {
            failures.push(format!(
                "{label}: only {disclaimers_fixed} of {disclaimers_with_org} disclaimer findings fixed in posts with an organisation name"
            ));
        }
        for abuse in [Category::Insult, Category::Discrimination, Category::Threat, Category::Obscene] {
            if fixed.contains_key(&abuse) {
                failures.push(format!("{label}: abuse ({}) was rewritten", abuse.as_str()));
            }
        }
    }
    assert!(failures.is_empty(), "{} problems:\n{}", failures.len(), failures.join("\n"));
}
