//! Threats (PW421): "ik maak je af", "morgen sla ik je in elkaar", "ik steek die school in de fik",
//! "ik weet waar je woont", and calls for violence against a person ("die leraar moet je
//! ophangen"). Threats against a group are found by [`crate::detect::hate`].
//!
//! The grammar, per sentence, with the vocabulary of `wordlists/threats.tsv`:
//! - a menace on its own ("ik weet waar je woont", "je gaat eraan") is a threat;
//! - a violent act is a threat when an actor stands near it (the writer: "ik", "we"; or a call on
//!   others: "iemand moet", "moet je") and it is aimed at someone: for an act with a gap ("maak _
//!   af") the gap holds the target and nothing else ("ik maak je af", not "ik maak mijn huiswerk
//!   af"); a one-word act ("vermoorden") needs a target or a person nearby;
//! - a negation between actor and act undoes it ("ik ga je niet slaan").
//!
//! Jokes and games ("we maken ze af in de finale") are lowered to a note by
//! [`crate::detect::mention`].

use crate::hash::{WordMap, WordSet};

use crate::detect::Document;
use crate::detect::violence::PROTECTION;
use crate::finding::Hit;
use crate::lexicon::{ContextRole, HateRole, Lexicon, ThreatRole};
use crate::rules;

/// The violent acts, split into words, indexed by their first word; and the words a gap may hold.
pub struct ThreatGrammar {
    acts: WordMap<&'static str, Vec<Vec<&'static str>>>,
    /// Acts as participles ("opgehangen"): they need a call for violence as actor.
    participles: WordSet<String>,
    targets: WordSet<&'static str>,
    /// What a destructive act may hit besides a person: school, huis, auto.
    objects: WordSet<&'static str>,
    gap_words: WordSet<&'static str>,
}

impl ThreatGrammar {
    pub fn new(lexicon: &'static Lexicon) -> ThreatGrammar {
        let mut acts: WordMap<&str, Vec<Vec<&str>>> = WordMap::default();
        let mut targets = WordSet::default();
        let mut gap_words = WordSet::default();
        let mut objects = WordSet::default();
        let mut participles = WordSet::default();
        for entry in &lexicon.threats {
            for words in entry.term.phrase_words() {
                match entry.role {
                    ThreatRole::Act => acts.entry(words[0]).or_default().push(words),
                    ThreatRole::Participle => {
                        participles.insert(words.join(" "));
                        acts.entry(words[0]).or_default().push(words);
                    }
                    // Single words only: a phrase like "zo n" must not make "zo" a target.
                    ThreatRole::Target => {
                        if words.len() == 1 {
                            targets.extend(words.iter().copied());
                        }
                        gap_words.extend(words);
                    }
                    // The noun of an object phrase ("die school" → "school").
                    ThreatRole::Object => {
                        objects.extend(words.last().copied());
                        gap_words.extend(words);
                    }
                    ThreatRole::Filler => gap_words.extend(words),
                    _ => {}
                }
            }
        }
        ThreatGrammar { acts, participles, targets, objects, gap_words }
    }

    /// Match `words` (with `_` gaps of one to [`MAX_GAP`] tokens) at token `start`, within `end`.
    /// Returns the last token and the tokens that filled the gaps.
    fn match_act(&self, doc: &Document<'_>, words: &[&str], start: usize, end: usize) -> Option<(usize, Vec<usize>)> {
        let mut t = start;
        let mut gaps = Vec::new();
        let mut k = 0;
        while k < words.len() {
            if words[k] == "_" {
                let next = &words[k + 1];
                let fill = (1..=MAX_GAP).find(|&n| t + n < end && doc.token(t + n) == *next)?;
                gaps.extend(t..t + fill);
                t += fill;
                k += 1;
                continue;
            }
            if t >= end || doc.token(t) != words[k] {
                return None;
            }
            t += 1;
            k += 1;
        }
        Some((t - 1, gaps))
    }

    fn is_person(&self, doc: &Document<'_>, t: usize) -> bool {
        self.targets.contains(doc.token(t))
            || doc.cues.starting_at(doc, ContextRole::Title.into(), t).is_some()
            || doc.cues.starting_at(doc, ContextRole::Person.into(), t).is_some()
    }
}

/// The most words a gap in an act may hold ("ik blaas die hele school op": "ik die hele school").
const MAX_GAP: usize = 4;

/// How far from an act its target may stand ("die hoofddoekdragers zou je eens goed moeten
/// afranselen" has six words in between).
const NEAR: usize = 7;

/// How far before an act its object may stand when it opens the sentence ("Die kinderen van het
/// azc moet je gewoon verzuipen" has eight words in between).
const OBJECT_REACH: usize = 10;

struct Candidate {
    first: usize,
    last: usize,
    /// The tokens of the act or menace itself (a negation inside it is part of it).
    core: (usize, usize),
    menace: bool,
}

pub fn detect(doc: &Document<'_>, grammar: &ThreatGrammar, hits: &mut Vec<Hit>) {
    for &(s, e) in doc.sentences() {
        let mut candidates: Vec<Candidate> = Vec::new();
        for (first, len) in doc.cues.all_within(doc, ThreatRole::Menace.into(), s, e) {
            candidates.push(Candidate { first, last: first + len - 1, core: (first, first + len - 1), menace: true });
        }
        for t in s..e {
            let Some(acts) = grammar.acts.get(doc.token(t)) else { continue };
            for words in acts {
                let Some((last, gaps)) = grammar.match_act(doc, words, t, e) else { continue };
                if let Some(c) = judge_act(doc, grammar, s, e, t, last, &gaps) {
                    candidates.push(c);
                }
            }
        }
        // "Die verdienen allemaal de kogel, die hele directie": violence wished on a person.
        for (first, len) in doc.cues.all_within(doc, HateRole::Violence.into(), s, e) {
            let last = first + len - 1;
            let near = first.saturating_sub(NEAR).max(s)..(last + NEAR).min(e);
            if near.clone().any(|t| (t < first || t > last) && named_person(doc, t)) {
                candidates.push(Candidate { first, last, core: (first, last), menace: true });
            }
        }
        candidates.sort_by_key(|c| (c.first, std::cmp::Reverse(c.last)));
        let mut reported_until: Option<usize> = None;
        for c in candidates {
            if reported_until.is_some_and(|u| c.first <= u) {
                continue;
            }
            if !c.menace && negated(doc, &c) {
                continue;
            }
            reported_until = Some(c.last);
            let (start, end) = doc.original_tokens(c.first, c.last);
            hits.push(Hit::new(&rules::THREAT_PHRASE, start, end));
        }
    }
}

/// An act at tokens `first..=last` is a threat when an actor stands near and it is aimed at
/// someone.
#[allow(clippy::too_many_arguments)]
fn judge_act(
    doc: &Document<'_>,
    grammar: &ThreatGrammar,
    s: usize,
    e: usize,
    first: usize,
    last: usize,
    gaps: &[usize],
) -> Option<Candidate> {
    // The actor: within six words before or after the act ("ik sla je", "morgen sla ik je").
    let from = first.saturating_sub(6).max(s);
    let upto = (last + 7).min(e);
    let actors = doc.cues.all_within(doc, ThreatRole::Actor.into(), from, upto);
    // The actor may stand inside the act's gap in inverted order ("morgen sla ik je in elkaar"),
    // and an imperative at the start of the sentence has none ("zet ze tegen de muur").
    let imperative = (0, 0);
    let actor = actors
        .iter()
        .copied()
        .find(|&(a, len)| a + len <= first || a > last || gaps.contains(&a))
        .or_else(|| (first == s).then_some(imperative))?;
    // "We moeten voorkomen dat vluchtelingen verdrinken": the writer wants it not to happen.
    if (s..e).any(|t| PROTECTION.contains(&doc.token(t))) {
        return None;
    }
    // "werden … opgehangen, leerden we": a participle with the writer as actor reports; only a
    // call for violence ("verdient het om … te worden", "moeten … worden") makes it a threat.
    let act: Vec<&str> = (first..=last).map(|t| doc.token(t)).collect();
    if grammar.participles.contains(&act.join(" "))
        && (actor.1 == 0 || matches!(doc.token(actor.0), "ik" | "k" | "ikke" | "wij" | "we" | "ons"))
    {
        return None;
    }
    if gaps.is_empty() {
        // The act must be aimed at someone or something of theirs nearby ("ik vermoord je", "ik
        // neem een mes mee naar school"); "de fietsen moet je tegen de muur zetten" is not.
        // Dutch puts the object before a clause-final infinitive ("die leraar moet je ophangen")
        // and right after a finite verb ("ik vermoord je"): look there, not in the next clause.
        let near = first.saturating_sub(OBJECT_REACH).max(s)..(last + 3).min(e);
        let aimed = near.clone().any(|t| {
            (t < actor.0 || t >= actor.0 + actor.1)
                && (grammar.is_person(doc, t) || grammar.objects.contains(doc.token(t)))
        });
        if !aimed {
            return None;
        }
    } else {
        // The gap holds the target and nothing that makes it ordinary ("mijn huiswerk").
        let in_actor = |t: usize| actor.1 > 0 && actor.0 <= t && t < actor.0 + actor.1;
        let holds_target =
            gaps.iter().any(|&t| !in_actor(t) && (grammar.targets.contains(doc.token(t)) || grammar.is_person(doc, t)));
        let only_allowed =
            gaps.iter().all(|&t| in_actor(t) || grammar.gap_words.contains(doc.token(t)) || grammar.is_person(doc, t));
        if !holds_target || !only_allowed {
            return None;
        }
    }
    let first_all = if actor.1 > 0 { actor.0.min(first) } else { first };
    let last_all = if actor.1 > 0 { last.max(actor.0 + actor.1 - 1) } else { last };
    Some(Candidate { first: first_all, last: last_all, core: (first, last), menace: false })
}

/// A person named by a title or a word for a person ("die juf", "de directie", "die leraar"),
/// not just a pronoun (generic "je": "de slingers moet je ophangen").
fn named_person(doc: &Document<'_>, t: usize) -> bool {
    doc.cues.starting_at(doc, ContextRole::Title.into(), t).is_some()
        || doc
            .cues
            .starting_at(doc, ContextRole::Person.into(), t)
            .is_some_and(|_| !matches!(doc.token(t), "ze" | "hij" | "zij" | "hem" | "haar"))
        || matches!(
            doc.token(t),
            "directie"
                | "leiding"
                | "schoolleiding"
                | "bestuur"
                | "leraren"
                | "docenten"
                | "juffen"
                | "meesters"
                | "ouders"
                | "leerlingen"
        )
}

/// A negation between actor and act, outside the act itself: "ik ga je niet slaan".
fn negated(doc: &Document<'_>, c: &Candidate) -> bool {
    doc.cues
        .all_within(doc, HateRole::Negation.into(), c.first, c.last + 1)
        .iter()
        .any(|&(t, len)| t + len <= c.core.0 || t > c.core.1)
}
