//! Which rules take their severity from each wordlist entry, and how the entries are spread over
//! the severities: what `postwacht rules` and `postwacht explain` print, so that a user sees why
//! "kut" is a warning under a rule whose default is an error (issue 11 item 4).

use crate::finding::{Category, Severity};
use crate::lexicon::{ConfidentialKind, Lexicon};
use crate::rules::{self, Rule};

/// The wordlist whose entries set this rule's severity, and how many entries have each severity
/// (error, warning, info); `None` for a rule with one fixed severity.
pub fn by_entry(lexicon: &Lexicon, rule: &Rule) -> Option<(&'static str, [usize; 3])> {
    let abuse = |category: Category| count(lexicon.abuse.iter().filter(|e| e.category == category).map(|e| e.severity));
    let confidential =
        |kind: ConfidentialKind| count(lexicon.confidential.iter().filter(|e| e.kind == kind).map(|e| e.severity));
    let (file, counts) = match rule.code {
        c if c == rules::INSULT_WORD.code || c == rules::CURSE.code => ("wordlists/abuse.tsv", abuse(Category::Insult)),
        c if c == rules::OBSCENE_WORD.code => ("wordlists/abuse.tsv", abuse(Category::Obscene)),
        c if c == rules::THREAT_PHRASE.code => ("wordlists/abuse.tsv", abuse(Category::Threat)),
        c if c == rules::HATE_STATEMENT.code => ("wordlists/abuse.tsv", abuse(Category::Discrimination)),
        c if c == rules::CARE.code => ("wordlists/confidential.tsv", confidential(ConfidentialKind::PupilCare)),
        c if c == rules::HEALTH.code => ("wordlists/confidential.tsv", confidential(ConfidentialKind::Health)),
        c if c == rules::PERSONNEL.code => ("wordlists/confidential.tsv", confidential(ConfidentialKind::Personnel)),
        c if c == rules::CLOSED_MEETING.code => ("wordlists/confidential.tsv", confidential(ConfidentialKind::Meeting)),
        c if c == rules::SECRECY_MARKER.code => ("wordlists/confidential.tsv", confidential(ConfidentialKind::Secrecy)),
        _ => return None,
    };
    // Only where the entries do differ from one another.
    (counts.iter().filter(|&&n| n > 0).count() > 1).then_some((file, counts))
}

fn count(severities: impl Iterator<Item = Severity>) -> [usize; 3] {
    let mut counts = [0; 3];
    for severity in severities {
        counts[match severity {
            Severity::Error => 0,
            Severity::Warning => 1,
            Severity::Info => 2,
        }] += 1;
    }
    counts
}

/// "fout of waarschuwing": the severities the entries of a rule have.
pub fn spread(counts: [usize; 3]) -> String {
    let names = [Severity::Error, Severity::Warning, Severity::Info];
    let present: Vec<&str> = names.iter().zip(counts).filter(|(_, n)| *n > 0).map(|(s, _)| s.dutch()).collect();
    match present.as_slice() {
        [one] => one.to_string(),
        [init @ .., last] => format!("{} of {last}", init.join(", ")),
        [] => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curses_and_health_words_differ_per_entry_and_names_do_not() {
        let lexicon = Lexicon::get().expect("wordlists");
        let (file, counts) = by_entry(lexicon, &rules::CURSE).expect("curses differ");
        assert_eq!(file, "wordlists/abuse.tsv");
        assert!(counts[0] > 0 && counts[1] > 0, "{counts:?}");
        assert!(by_entry(lexicon, &rules::HEALTH).is_some());
        assert!(by_entry(lexicon, &rules::PUPIL_FULL_NAME).is_none());
        assert_eq!(spread([3, 2, 0]), "fout of waarschuwing");
        assert_eq!(spread([1, 1, 1]), "fout, waarschuwing of tip");
    }
}
