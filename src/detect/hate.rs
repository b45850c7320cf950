//! Hate statements without a slur (PW412), and calls for violence against a group (PW421).
//!
//! Most hateful comments use no slur: "moslims zijn allemaal criminelen", "ik haat homo's",
//! "die vluchtelingen moeten het land uit", "Ik ken die Polen. Ik walg van ze." The grammar, per
//! sentence, with the vocabulary of `wordlists/hate.tsv` and the group names of
//! `wordlists/groups.tsv`:
//!
//! 1. **Anchors** name the group: a group term ("moslims", "zwarte mensen"), an othering phrase
//!    ("jullie soort", "dat volk"), or a pronoun ("ze", "hen", "die lui") when the sentence before,
//!    or an earlier part of this one, named a group. A short sentence right after a group
//!    sentence is about that group too ("Eritreeërs in het azc? Beesten zijn het.").
//! 2. **Predicates** say something about it: negative emotion ("haat", "walg van"), a derogatory
//!    attribute ("dom", "criminelen"), dehumanisation ("ongedierte", "een plaag"), exclusion
//!    ("moeten het land uit", "horen hier niet") or violence ("verdienen de kogel").
//! 3. **Link**: anchor before predicate with at most [`AFTER`] words between ("moslims zijn
//!    allemaal gewoon dom"), none of them starting another noun phrase ("vrouwen vonden de
//!    opdracht dom" is about the task); or predicate right before the anchor, at most [`BEFORE`]
//!    words between ("ik haat alle moslims", "domme vrouwen").
//! 4. **Blockers**: a negation in the link ("moslims zijn niet dom", "ik haat moslims niet") — but
//!    not one inside the predicate ("horen hier niet", "niet te vertrouwen") or "niet alle";
//!    and counter-speech anywhere in the sentence ("zeggen dat vrouwen dom zijn is seksistisch").
//!    Quotation is handled for all abuse in [`crate::detect::mention`].
//!
//! Questions ("waarom zijn … zo dom?") and opinions ("ik vind dat …") need no rule of their own:
//! the link is the same.

use crate::hash::WordSet;

use crate::detect::Document;
use crate::detect::abuse::AbuseIndex;
use crate::detect::violence::WRITER;
use crate::finding::Hit;
use crate::lexicon::{HateRole, Lexicon, Mode};
use crate::matcher::Target;
use crate::rules;

/// Most words between an anchor and the predicate after it.
const AFTER: usize = 5;
/// Most words between a predicate and the anchor after it.
const BEFORE: usize = 3;

/// Verbs after which a bare "die" stands for people ("Die stelen alles", "Die snappen niks").
const PRONOUN_VERBS: &[&str] = &[
    "zijn",
    "moeten",
    "kunnen",
    "horen",
    "willen",
    "gaan",
    "doen",
    "hebben",
    "krijgen",
    "snappen",
    "stelen",
    "liegen",
    "zuipen",
    "stinken",
    "verpesten",
    "nemen",
    "pikken",
    "vreten",
    "komen",
    "blijven",
    "mogen",
    "zouden",
];

/// Words for people that make a compound of a group word a name for that group.
const PEOPLE_TAILS: &[&str] = &[
    "kinderen",
    "gezinnen",
    "families",
    "jongeren",
    "jongens",
    "meisjes",
    "mannen",
    "vrouwen",
    "ouders",
    "leerlingen",
    "moeders",
    "vaders",
    "buren",
    "tuig",
];

/// The neutral one-word group names, and their forms before a compound tail ("moslim",
/// "vluchtelingen", "turkse"), for compounds with a word for people after them.
pub fn group_heads(lexicon: &Lexicon) -> WordSet<String> {
    lexicon
        .groups
        .iter()
        .filter(|g| g.slur.is_none())
        .filter_map(|g| g.term.phrase.single_words())
        .flatten()
        .flat_map(|w| [format!("{w}e"), w.to_string()])
        .filter(|w| w.len() >= 4)
        .collect()
}

/// Is token `t` a group word with a word for people after it ("vluchtelingenkinderen")?
fn compound_group(doc: &Document<'_>, heads: &WordSet<String>, t: usize) -> bool {
    let word = doc.token(t);
    word.len() > 9
        && PEOPLE_TAILS.iter().any(|tail| word.strip_suffix(tail).is_some_and(|head| heads.contains(head)))
        && !doc.lexicon.is_common_word(word)
}

/// Prepositions: a noun phrase after one describes the group ("in het azc"), it is no new subject.
const PREPOSITIONS: &[&str] =
    &["in", "op", "uit", "bij", "van", "met", "aan", "naar", "voor", "achter", "naast", "om", "rond"];

/// Words that start a new noun phrase: a predicate after one of these is about something else.
const NEW_PHRASE: &[&str] = &["de", "het", "deze", "dit", "mijn", "onze", "jouw", "uw"];

const PREDICATES: [HateRole; 6] = [
    HateRole::Emotion,
    HateRole::Attribute,
    HateRole::Dehumanise,
    HateRole::Metaphor,
    HateRole::Exclusion,
    HateRole::Violence,
];

/// Copulas that link a group to what it is called: "Turken zijn honden", "walgelijk zijn ze".
const COPULAS: &[&str] = &["zijn", "is", "waren", "was", "blijven", "blijft", "worden", "wordt", "lijken", "lijkt"];

/// Words that may stand beside the copula in such a link.
const COPULA_FILLERS: &[&str] = &[
    "allemaal",
    "gewoon",
    "net",
    "echt",
    "ook",
    "maar",
    "toch",
    "een",
    "soort",
    "stelletje",
    "stel",
    "niets",
    "niks",
    "meer",
    "dan",
    "als",
    "het",
    "nu",
    "eenmaal",
    "nou",
];

#[derive(Clone, Copy, Debug)]
struct Span {
    first: usize,
    last: usize,
}

/// What names the group: a group term, or a pronoun standing for one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Anchor {
    Group,
    Pronoun,
}

/// Words that may stand between a predicate and the anchor after it ("ik haat alle moslims", "walg
/// van al die homo's"): determiners and intensifiers only. "Ik haat het dat …" or "het woord …"
/// put something else in between.
const BEFORE_GAP: &[&str] = &[
    "volk", "alle", "al", "die", "de", "zulke", "zo", "n", "echt", "gewoon", "hele", "dat", "soort", "deze", "van",
    "elke", "ieder", "iedere", "toch", "zoveel", "veel", "aan", "tegen", "op", "voor", "ik", "we", "wij",
];

pub fn detect(doc: &Document<'_>, abuse: &AbuseIndex, hits: &mut Vec<Hit>) {
    let sentences = doc.sentences();
    // Group terms per sentence. A slur that needs to be aimed at someone because it is also an
    // ordinary word (pot, nicht) does not count; one whose other sense is not an everyday word
    // (gelukszoekers, mongolen) does.
    let mut groups: Vec<Vec<Span>> = vec![Vec::new(); sentences.len()];
    for f in doc.found_where(|t| matches!(t, Target::Group(_))) {
        let Target::Group(i) = f.target else { continue };
        let ordinary_word = (f.first..=f.last).any(|t| doc.lexicon.is_common_word(doc.token(t)));
        if doc.lexicon.groups[i as usize].term.mode == Mode::Addressed && ordinary_word {
            continue;
        }
        groups[doc.sentence_index(f.first)].push(Span { first: f.first, last: f.last });
    }
    // "vluchtelingenkinderen", "moslimgezinnen": a group word with a word for people after it.
    for t in 0..doc.token_count() {
        if compound_group(doc, &abuse.group_heads, t) {
            groups[doc.sentence_index(t)].push(Span { first: t, last: t });
        }
    }
    for (i, &(s, e)) in sentences.iter().enumerate() {
        let mut anchors: Vec<(Anchor, Span)> = groups[i].iter().map(|&g| (Anchor::Group, g)).collect();
        // Othering phrases name a group by themselves: "jullie soort", "dat volk".
        // "Die mensen", "zulke mensen": neutral as a rule ("die mensen hebben ons geholpen"), but
        // people denied a place ("die mensen horen hier niet") are excluded whoever they are.
        let mut people: Vec<Span> = Vec::new();
        for (t, len) in doc.cues.all_within(doc, HateRole::Pronoun.into(), s, e) {
            if len >= 2 && doc.token(t + len - 1) == "mensen" {
                people.push(Span { first: t, last: t + len - 1 });
            }
            let othering = (t..t + len).any(|k| matches!(doc.token(k), "soort" | "volk" | "types" | "figuren" | "lui"));
            let carried = i > 0 && !groups[i - 1].is_empty();
            let earlier_here = groups[i].iter().any(|g| g.last < t);
            // Single "die" and "dat" are mostly determiners ("die juf"): not an anchor, unless a
            // verb follows ("Die stelen alles").
            let bare_determiner = len == 1
                && matches!(doc.token(t), "die" | "dat")
                && !(t + 1 < e && PRONOUN_VERBS.contains(&doc.token(t + 1)));
            if othering {
                anchors.push((Anchor::Group, Span { first: t, last: t + len - 1 }));
            } else if (carried || earlier_here) && !bare_determiner {
                anchors.push((Anchor::Pronoun, Span { first: t, last: t + len - 1 }));
            }
        }
        // "Geen buitenlanders in de klas!", "ik wil geen zwarte juf": "geen" before a group, as
        // a demand, excludes it; no predicate needed.
        if let Some((_, a)) = anchors.iter().find(|(k, a)| *k == Anchor::Group && demanded_absence(doc, s, a.first))
            && !counter_framed(doc, a.first - 1, a.last)
        {
            report(doc, HateRole::Exclusion, Span { first: a.first - 1, last: a.last }, hits);
            continue;
        }
        // Questions that deny a group a place or a right: "Sinds wanneer mogen gehandicapten …?",
        // "Waarom mogen die … op ons plein spelen?".
        if let Some((_, a)) =
            anchors.iter().find(|(k, a)| *k == Anchor::Group && questions_presence(doc, s, e, a.first))
        {
            report(doc, HateRole::Exclusion, Span { first: s, last: a.last }, hits);
            continue;
        }
        let follows_group = i > 0 && !groups[i - 1].is_empty() && e - s <= 6;
        if anchors.is_empty() && !follows_group && people.is_empty() {
            continue;
        }
        let mut predicates: Vec<(HateRole, Span)> = PREDICATES
            .iter()
            .flat_map(|&role| {
                doc.cues
                    .all_within(doc, role.into(), s, e)
                    .into_iter()
                    .map(move |(t, len)| (role, Span { first: t, last: t + len - 1 }))
            })
            .collect();
        // Violence composed from a violent verb and a call or intent ("ik ga … afslachten",
        // "… moeten allemaal worden gedood").
        predicates.extend(
            abuse
                .violence
                .within(doc, s, e)
                .into_iter()
                .map(|(first, last)| (HateRole::Violence, Span { first, last })),
        );
        if predicates.is_empty() {
            continue;
        }
        if anchors.is_empty()
            && let Some(span) = excluded_people(doc, &people, &predicates)
        {
            report(doc, HateRole::Exclusion, span, hits);
            continue;
        }
        // "Eritreeërs in het azc? Beesten zijn het.": a short sentence right after a group
        // sentence, calling "het" or "ze" something, is about that group.
        if anchors.is_empty() {
            let refers = (s..e).any(|t| matches!(doc.token(t), "het" | "ze" | "zij" | "allemaal"));
            let naming = predicates
                .iter()
                .find(|(r, _)| matches!(r, HateRole::Attribute | HateRole::Dehumanise | HateRole::Metaphor));
            if let Some(&(role, p)) = naming.filter(|_| refers)
                && !counter_framed(doc, s, e - 1)
            {
                report(doc, role, Span { first: s, last: p.last.max(s) }, hits);
            }
            continue;
        }
        // Overlapping anchors ("homo s" and "homo"): keep the longest.
        anchors.sort_by_key(|(_, a)| (a.first, std::cmp::Reverse(a.last)));
        anchors.dedup_by(|next, kept| next.1.first >= kept.1.first && next.1.last <= kept.1.last);
        let mut found: Option<(HateRole, Span)> = None;
        for &(role, p) in &predicates {
            for &(kind, a) in &anchors {
                if linked(doc, kind, a, p, role) {
                    let span = Span { first: a.first.min(p.first), last: a.last.max(p.last) };
                    // Keep the first link; violence outranks the rest.
                    if found.is_none()
                        || (role == HateRole::Violence && found.is_some_and(|(r, _)| r != HateRole::Violence))
                    {
                        found = Some((role, span));
                    }
                }
            }
        }
        if let Some((role, span)) = found
            && !counter_framed(doc, span.first, span.last)
        {
            report(doc, role, span, hits);
        }
    }
}

/// "Die mensen horen hier niet": people named by a phrase alone, with an exclusion linked to
/// them, not in a counter-speech frame.
fn excluded_people(doc: &Document<'_>, people: &[Span], predicates: &[(HateRole, Span)]) -> Option<Span> {
    let exclusions = predicates.iter().filter(|(role, _)| *role == HateRole::Exclusion);
    exclusions
        .flat_map(|&(role, p)| people.iter().map(move |&a| (role, p, a)))
        // "Die mensen horen hier niet te parkeren": a rule for what they do, not their presence.
        .filter(|&(_, p, _)| !(p.last + 1 < doc.token_count() && doc.token(p.last + 1) == "te"))
        .find(|&(role, p, a)| linked(doc, Anchor::Pronoun, a, p, role))
        .map(|(_, p, a)| Span { first: a.first.min(p.first), last: a.last.max(p.last) })
        .filter(|span| !counter_framed(doc, span.first, span.last))
}

/// "geen" right before the anchor at `first`, at the start of the sentence or after a verb of
/// wanting: "Geen moslims op onze school", "ik wil geen zwarte juf". ("Er zijn geen moslims in de
/// klas" states a fact and does not count.)
fn demanded_absence(doc: &Document<'_>, s: usize, first: usize) -> bool {
    if first == s || doc.token(first - 1) != "geen" {
        return false;
    }
    let geen = first - 1;
    // "Geen vrouw zou … moeten": a denied subject with its verb, not a demand.
    let (_, e) = doc.sentence_range(first);
    let verb_follows = (first + 1..(first + 3).min(e)).any(|t| SUBJECT_VERBS.contains(&doc.token(t)));
    if verb_follows {
        return false;
    }
    geen == s
        || matches!(
            doc.token(geen - 1),
            "wil" | "willen" | "wilde" | "wilden" | "hoef" | "hoeven" | "hoeft" | "liefst" | "graag"
        )
}

/// Verbs of obligation and desert after a subject: "geen vrouw zou …", "geen moslim verdient …".
/// ("Geen moslims mogen hier komen" is still a demand.)
const SUBJECT_VERBS: &[&str] = &["zou", "zouden", "moet", "moeten", "verdient", "verdienen", "hoeft", "hoeven"];

/// Words that, after a statement, introduce a verdict on it or report it as a naming.
const VERDICT: &[&str] = &[
    "is",
    "zijn",
    "was",
    "waren",
    "wordt",
    "werd",
    "noem",
    "noemt",
    "noemen",
    "noemde",
    "noemden",
    "genoemd",
    "uitschelden",
    "uitgescholden",
    "scheldt",
    "schold",
    "roept",
    "riep",
    "roepen",
];

/// Words between a reporting frame and the statement it frames ("zeggen dat … vrouwen dom zijn").
const FRAME_REACH: usize = 6;

/// Is the statement at tokens `first..=last` framed as reported or condemned: a counter cue
/// shortly before it ("zeggen dat vrouwen dom zijn", "het vooroordeel dat …"), or a verdict after
/// it ("… is racistisch", "dat is discriminatie")? A counter word elsewhere in the sentence ("ik
/// haat vrouwen die denken dat …") does not frame it.
pub fn counter_framed(doc: &Document<'_>, first: usize, last: usize) -> bool {
    let (s, e) = doc.sentence_range(first);
    // "Dat joden gierig zouden zijn, is …": a statement opening the sentence with "dat" is a
    // subject clause that the sentence goes on to judge.
    if first == s + 1 && doc.token(s) == "dat" {
        return true;
    }
    counter_cues(doc, s, e).into_iter().any(|(t, len)| {
        // "Dat is racisme, moslims zijn tuig": a clause break ends what the cue frames; and
        // "wij vonden dat …", "ik zei dat …" report the writer's own words.
        let before = t + len <= first
            && first - (t + len) <= FRAME_REACH
            && !clause_break(doc, t + len - 1, first)
            && !said_by_writer(doc, t);
        // A verdict or a verb of naming after the statement: "… is racistisch", "… is een eeuwenoud
        // vooroordeel", "… een neger noemt".
        let verdict = t > last && (last + 1..=t).any(|k| VERDICT.contains(&doc.token(k)));
        before || verdict
    })
}

/// The counter cues of sentence `s..e` (first token, length). "Ik ben geen racist, maar …" and
/// "je mag toch wel zeggen dat …" are opinion frames that contain a counter cue: the opinion wins.
fn counter_cues(doc: &Document<'_>, s: usize, e: usize) -> Vec<(usize, usize)> {
    let opinions = doc.cues.all_within(doc, HateRole::Opinion.into(), s, e);
    let in_opinion = |t: usize| opinions.iter().any(|&(o, len)| o <= t && t < o + len);
    let mut cues = doc.cues.all_within(doc, HateRole::Counter.into(), s, e);
    cues.retain(|&(t, _)| !in_opinion(t));
    cues
}

/// Is an insult or curse at tokens `first..=last` reported rather than used? Narrower than
/// [`counter_framed`], because an insult sits so often beside a word of disapproval ("Stop met
/// zeuren, kutwijf", "dat mag niet, sukkel"): only a clause that the insult is part of frames it.
/// - a verb of saying with "dat", or of abuse with "voor", right before the clause: "als je tegen
///   iemand zegt dat hij de tering kan krijgen", "uitgescholden voor kankerlijer";
/// - a verb of naming at the end of the clause, in an infinitive or a clause about someone else:
///   "het is niet oké om iemand een hoer te noemen", "wie een meisje een slet noemt". In a main
///   clause the verb comes first ("ik noem je een debiel"), and the writer's own "ik" or "we" in
///   the clause makes it a use.
pub fn insult_reported(doc: &Document<'_>, first: usize, last: usize) -> bool {
    let (s, e) = doc.sentence_range(first);
    let framing_cue = counter_cues(doc, s, e).into_iter().any(|(t, len)| {
        let end = t + len - 1;
        end < first
            && first - end <= FRAME_REACH
            && matches!(doc.token(end), "dat" | "voor" | "als")
            && !clause_break(doc, end, first)
            && !said_by_writer(doc, t)
    });
    if framing_cue {
        return true;
    }
    let clause_start = (s..first).rev().find(|&t| clause_break(doc, t, t + 1)).map_or(s, |t| t + 1);
    let naming_after = (last + 1..(last + 4).min(e)).any(|t| NAMING.contains(&doc.token(t)));
    // The embedded clause opens at the last of these words ("we leren de kinderen om elkaar geen
    // idioot te noemen": the writer is outside it).
    let opening = (clause_start..first)
        .rev()
        .find(|&t| matches!(doc.token(t), "om" | "met" | "wie" | "die" | "je" | "dat" | "als"));
    let Some(opening) = opening else { return false };
    let writer_in_clause = (opening..first).any(|t| WRITER.contains(&doc.token(t)));
    naming_after && !writer_in_clause
}

/// Verbs of naming at the end of an embedded clause.
const NAMING: &[&str] = &["noemen", "noemt", "noemde", "noemden", "uitmaken", "uitmaakt", "uitmaakte", "uitschelden"];

/// A comma, semicolon, colon or dash in the original text between tokens `a` and `b` (`a < b`).
fn clause_break(doc: &Document<'_>, a: usize, b: usize) -> bool {
    doc.between_tokens(a, b).contains([',', ';', ':', '–', '—'])
}

/// A reporting cue at token `t` right after the writer as its subject ("ik zei dat", "wij vonden
/// dat"): the writer's own statement.
fn said_by_writer(doc: &Document<'_>, t: usize) -> bool {
    t > 0 && WRITER.contains(&doc.token(t - 1))
}

fn report(doc: &Document<'_>, role: HateRole, span: Span, hits: &mut Vec<Hit>) {
    let (start, end) = doc.original_tokens(span.first, span.last);
    let rule = if role == HateRole::Violence { &rules::THREAT_PHRASE } else { &rules::HATE_STATEMENT };
    let hit = Hit::new(rule, start, end);
    hits.push(if role == HateRole::Violence { hit.with_detail("geweld tegen een groep") } else { hit });
}

/// Is predicate `p` said of anchor `a`?
fn linked(doc: &Document<'_>, kind: Anchor, a: Span, p: Span, role: HateRole) -> bool {
    let (gap, after) = if a.last < p.first {
        ((a.last + 1)..p.first, true)
    } else if p.last < a.first {
        ((p.last + 1)..a.first, false)
    } else {
        // "Stuur ze terug", "stuur die lui terug": an imperative that holds the word for the group.
        return matches!(role, HateRole::Exclusion | HateRole::Violence);
    };
    let limit = if after { AFTER } else { BEFORE };
    if gap.len() > limit {
        return false;
    }
    // "Ik maak jullie allemaal dood, die … moeten weg": violence is aimed within its clause.
    if role == HateRole::Violence && !gap.is_empty() && clause_break(doc, gap.start - 1, gap.end) {
        return false;
    }
    let copula_link = gap.clone().any(|t| COPULAS.contains(&doc.token(t)))
        && gap.clone().all(|t| COPULAS.contains(&doc.token(t)) || COPULA_FILLERS.contains(&doc.token(t)));
    if role == HateRole::Metaphor {
        // "Turken zijn honden", "honden zijn het": only a copula links an animal to a group.
        return copula_link;
    }
    // "Walgelijk zijn ze", "zuipers zijn het": a predicate before its subject, with a copula.
    if !after && copula_link {
        return true;
    }
    if after {
        // "Vrouwen vonden de opdracht dom": a new noun phrase in between takes the predicate; but
        // "die asielzoekers in het azc zijn …" only says where the group is.
        let new_phrase =
            |t: usize| NEW_PHRASE.contains(&doc.token(t)) && !(t > 0 && PREPOSITIONS.contains(&doc.token(t - 1)));
        if gap.clone().any(new_phrase) {
            return false;
        }
        // "Veel joden walgen van …": a group before an emotion feels it; only "homo's haat ik",
        // "joden kan ik niet uitstaan" make the group its object.
        if role == HateRole::Emotion {
            let first_person = |t: usize| matches!(doc.token(t), "ik" | "we" | "wij");
            let (s, _) = doc.sentence_range(a.first);
            let feeler_before = (s..a.first).any(first_person);
            let feeler_after = p.last + 1 < doc.token_count() && first_person(p.last + 1);
            if !gap.clone().any(first_person) && !feeler_before && !feeler_after {
                return false;
            }
        }
    } else {
        // Only determiners between a predicate and its object; a pronoun is the object of an
        // emotion or exclusion ("ik haat ze", "stuur ze terug"), never described by what precedes.
        // "Ik haat niet alle Marokkanen": "niet alle" still derogates.
        let niet_alle = |t: usize| doc.token(t) == "niet" && t + 1 < doc.token_count() && doc.token(t + 1) == "alle";
        if gap.clone().any(|t| !BEFORE_GAP.contains(&doc.token(t)) && !niet_alle(t)) {
            return false;
        }
        if kind == Anchor::Pronoun && !matches!(role, HateRole::Emotion | HateRole::Exclusion | HateRole::Violence) {
            return false;
        }
    }
    // "Jouw haat tegen moslims", "je overduidelijke minachting voor …": someone else's emotion,
    // named and so referred to, not felt by the writer.
    if role == HateRole::Emotion && !after && owned_by_another(doc, p.first) {
        return false;
    }
    // "Geen vrouw zou … moeten worden", "geen enkele vluchteling verdient …": a subject that is
    // denied negates what is said of it.
    if after && denied_subject(doc, a.first) {
        return false;
    }
    // "Zijn afkeer van vluchtelingen hoort niet bij een leraar": the group is the object of
    // someone else's emotion, and what follows is said of that emotion.
    if after && a.first >= 2 && PREPOSITIONS.contains(&doc.token(a.first - 1)) && owned_by_another(doc, a.first - 2) {
        return false;
    }
    // "Is er ook maar één Antilliaan die niet steelt?": the negation is the insinuation.
    if negation_in(doc, gap.clone()) && !insinuating_question(doc, a) {
        return false;
    }
    // "Niemand hier haat Marokkanen", "ik haat geen …": a negation shortly before the emotion.
    if role == HateRole::Emotion && !after {
        let before = p.first.saturating_sub(2)..p.first;
        if negation_in(doc, before) {
            return false;
        }
    }
    // "Ik haat moslims niet": a negation right after an emotion and its object.
    if role == HateRole::Emotion && !after {
        let next = a.last + 1;
        if next < doc.token_count() && doc.cues.starting_at(doc, HateRole::Negation.into(), next).is_some() {
            return false;
        }
    }
    true
}

/// Possessives of someone other than the writer.
const OTHERS_POSSESSIVE: &[&str] = &["je", "jouw", "zijn", "haar", "hun", "jullie", "uw"];

/// Is the emotion word at token `p` a noun owned by someone else: a possessive right before it, or
/// before one adjective ("je overduidelijke minachting")?
fn owned_by_another(doc: &Document<'_>, p: usize) -> bool {
    let possessive = |t: usize| OTHERS_POSSESSIVE.contains(&doc.token(t));
    let (s, _) = doc.sentence_range(p);
    (p > s && possessive(p - 1)) || (p > s + 1 && doc.token(p - 1).ends_with('e') && possessive(p - 2))
}

/// Is the anchor at token `first` a denied subject: "geen", "geen enkele", "niet één" opening the
/// sentence before it?
fn denied_subject(doc: &Document<'_>, first: usize) -> bool {
    let (s, _) = doc.sentence_range(first);
    // Only a subject at the start of its sentence: in "transgenders zijn geen vrouwen, gewoon
    // zieke mensen" the "geen" denies something else.
    let opening: Vec<&str> = (s..first).map(|t| doc.token(t)).collect();
    matches!(opening.as_slice(), ["geen"] | ["geen", "enkele"] | ["niet", "een" | "1" | "eentje"])
}

/// Is the sentence around `t` a question (it ends with a question mark)?
fn is_question(doc: &Document<'_>, t: usize) -> bool {
    let (_, e) = doc.sentence_range(t);
    let (_, end) = doc.original_tokens(e - 1, e - 1);
    doc.text[end..].trim_start().starts_with('?')
}

/// "Is er ook maar één Antilliaan die niet …?", "Ken jij een moslim die niet …?": a question that
/// asks for the exception insinuates the rule.
fn insinuating_question(doc: &Document<'_>, a: Span) -> bool {
    let (s, _) = doc.sentence_range(a.first);
    is_question(doc, a.first)
        && a.first > s
        && matches!(doc.token(a.first - 1), "een" | "1" | "eentje")
        && (s..a.first).any(|t| matches!(doc.token(t), "is" | "ken" | "bestaat" | "noem" | "zijn" | "heb"))
}

/// "Sinds wanneer mogen G …?", "Waarom mogen (die) G hier / op ons plein …?": a question that
/// denies a group a right or a place.
fn questions_presence(doc: &Document<'_>, s: usize, e: usize, first: usize) -> bool {
    if !is_question(doc, first) || first > s + 4 {
        return false;
    }
    let opening: Vec<&str> = (s..first).map(|t| doc.token(t)).collect();
    // "Wie wil er nou een lesbische juf voor zijn kind?": nobody, the question says.
    if opening.starts_with(&["wie", "wil"]) || opening.starts_with(&["wie", "wilt"]) {
        return true;
    }
    let permission = opening.iter().any(|w| matches!(*w, "mogen" | "mag" | "kunnen" | "kan" | "hoeven"));
    let since_when = opening.starts_with(&["sinds", "wanneer"]);
    let why_here = opening.first() == Some(&"waarom")
        && (first..e).any(|t| matches!(doc.token(t), "hier" | "ons" | "onze" | "bij" | "tussen"));
    permission && (since_when || why_here)
}

/// A negation among these tokens, except "niet alle" ("ik haat niet alle Marokkanen, alleen de
/// meesten" still derogates).
fn negation_in(doc: &Document<'_>, tokens: std::ops::Range<usize>) -> bool {
    let end = tokens.end;
    tokens.into_iter().any(|t| {
        doc.cues.starting_at(doc, HateRole::Negation.into(), t).is_some()
            && !(t + 1 < end.max(t + 2) && t + 1 < doc.token_count() && matches!(doc.token(t + 1), "alle" | "allemaal"))
    })
}
