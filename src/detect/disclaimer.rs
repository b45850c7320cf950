//! The staff disclaimer (PW501–PW503).
//!
//! On a personal channel, a post about the school (it names the organisation, or the writer speaks
//! as its employee: "mijn leerlingen", "als docent bij …") must say that the writer works there
//! (SGH 4.6, Initia B.2, Amadeus D.3) and, for Initia and Amadeus, that it is written on personal
//! title. A finding about something absent points at the passage that made it necessary: the first
//! mention of the school. Which protocols ask for which statement is in the rule table; the scanner
//! drops a disclaimer finding that no selected protocol asks for.

use crate::detect::{Document, Found};
use crate::finding::Hit;
use crate::lexicon::DisclaimerRole;
use crate::matcher::Target;
use crate::rules;

/// How many words may stand between a staff role and the organisation's name ("docent
/// geschiedenis aan het Amadeus Lyceum" has three, "ik sta in het derde leerjaar van De Regenboog" five).
const ROLE_TO_ORG: usize = 5;

pub fn detect(doc: &Document<'_>, hits: &mut Vec<Hit>) {
    let role = |f: &Found| match f.target {
        Target::Disclaimer(i) => Some(doc.lexicon.disclaimer[i as usize].role),
        _ => None,
    };
    let has = |wanted: DisclaimerRole| doc.found.iter().any(|f| role(f) == Some(wanted));
    let trigger = doc.found.iter().find(|f| {
        matches!(f.target, Target::Org(_))
            || matches!(role(f), Some(DisclaimerRole::About | DisclaimerRole::Employee | DisclaimerRole::Leader))
    });
    let Some(trigger) = trigger else { return };
    let (start, end) = doc.original_tokens(trigger.first, trigger.last);
    // "Docent wiskunde @ Amadeus Lyceum", "Leerkracht bij SGH": a staff role a few words before
    // the organisation's name says the writer works there.
    let role_before_org = doc.found.iter().filter(|f| role(f) == Some(DisclaimerRole::Role)).any(|r| {
        doc.found_starting_in(r.last + 1, r.last + 1 + ROLE_TO_ORG).iter().any(|org| {
            matches!(org.target, Target::Org(_)) && doc.sentence_index(org.first) == doc.sentence_index(r.last)
        })
    });
    if !has(DisclaimerRole::Employee) && !role_before_org {
        hits.push(Hit::new(&rules::DISCLAIMER_EMPLOYEE, start, end));
    }
    if !has(DisclaimerRole::Personal) {
        hits.push(Hit::new(&rules::DISCLAIMER_PERSONAL_TITLE, start, end));
    }
    if let Some(leader) = doc.found.iter().find(|f| role(f) == Some(DisclaimerRole::Leader)) {
        let (start, end) = doc.original_tokens(leader.first, leader.last);
        hits.push(Hit::new(&rules::LEADER_SPEAKS_FOR_SCHOOL, start, end));
    }
}
