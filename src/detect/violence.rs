//! Violence against a group, composed rather than listed: a violent verb in any of its forms,
//! with what makes it a threat or a call for violence in the same clause. The group itself is
//! found, and linked, by [`crate::detect::hate`]; this module says where the violence is.
//!
//! `wordlists/violence.tsv` gives each verb by its principal parts (infinitive and participle,
//! because Dutch participles are irregular: "verdronken", "neergestoken"). The rest comes by
//! rule: the present tense ("wurg", "wurgt", "steek", "slaat"), separable verbs split in a main
//! clause or around "te" ("steek … neer", "af te slachten"), and the words of a verb phrase
//! anywhere in the clause ("de nek van … breken").
//!
//! A violent verb is violence against whoever the clause names when one of these stands with it:
//! - the writer as actor, intending it: "ik ga …", "we zullen …", "ik wil …", "morgen steek ik …";
//! - a call on anyone, or what is owed: "moeten", "zouden", "mogen", "verdienen", "horen te",
//!   "iemand zou …", "… moet je …";
//! - a wish for it: "ik hoop dat …", "het zou het beste zijn als …", "als iemand … maar …";
//! - the act made lawful: "het doodslaan van … zou legaal moeten zijn".
//!
//! A negation in the clause undoes it ("… moeten niet opgehangen worden"), as do words of
//! protection ("voorkomen dat … verdrinken"). Reports of history ("joden werden vergast") have
//! none of the four and are not violence.

use crate::detect::Document;
use crate::hash::WordMap;
use crate::lexicon::Lexicon;

/// How a form of a violent verb is used in a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// "vermoorden", "af te slachten": after a modal or "te", or a plural present.
    Infinitive,
    /// "vermoord", "vermoordt", "steek": with a subject.
    Present,
    /// "vermoord", "afgeslacht": with "worden", or in a perfect.
    Participle,
}

/// A form of a verb: the word that the text has, the other words the clause must hold (a
/// separable particle, a verb phrase's object), and what kind of form it is.
#[derive(Clone, Debug)]
struct VerbForm {
    form: Form,
    with: Vec<&'static str>,
}

/// Separable particles that violent verbs start with.
const PARTICLES: &[&str] = &["af", "neer", "dood", "op", "uit", "kapot", "om", "weg", "in", "aan"];

/// Present forms that are mostly another word.
const AMBIGUOUS_STEMS: &[&str] = &["dood", "sla", "slaat"];

/// The writer as actor (and as the subject of a reporting verb, in [`crate::detect::hate`]).
pub const WRITER: &[&str] = &["ik", "we", "wij"];

/// Verbs of intent or future after the writer: "ik ga", "we zullen", "ik wil".
const INTENT: &[&str] = &["ga", "gaan", "zal", "zullen", "wil", "willen", "kom", "komen", "wou", "wilde", "wilden"];

/// What is owed or called for: "moeten", "zou", "verdienen".
const OUGHT: &[&str] =
    &["moet", "moeten", "zou", "zouden", "mag", "mogen", "verdient", "verdienen", "hoort", "horen", "laten"];

/// A wish that the next clause comes true: "ik hoop dat", "het beste zijn als", "wou dat".
const WISH_BEFORE: &[&str] = &["hoop", "hopen", "wou", "wens", "wensen", "wil", "wilde", "beste", "mooiste", "liefst"];

/// Words that open a subordinate clause.
const SUBORDINATORS: &[&str] =
    &["dat", "omdat", "zodat", "voordat", "nadat", "terwijl", "wanneer", "als", "toen", "tenzij", "of", "waardoor"];

/// A lawful act: "het doodslaan van … zou legaal moeten zijn".
const LAWFUL: &[&str] = &["legaal", "toegestaan", "gedecriminaliseerd", "gelegaliseerd", "beloond", "gewoon", "prima"];

/// Negations before the verb undo it.
const NEGATIONS: &[&str] = &["niet", "nooit", "geen", "niemand", "nergens", "niets", "niks"];

/// Words of protection: the clause wants the violence not to happen.
pub const PROTECTION: &[&str] = &[
    "voorkomen",
    "voorkomt",
    "beschermen",
    "beschermt",
    "redden",
    "red",
    "helpen",
    "stoppen",
    "tegengaan",
    "tegenhouden",
    "verbieden",
    "verboden",
    "bestraffen",
];

/// The violent verbs' forms, by the word a text has.
pub struct ViolenceVerbs {
    forms: WordMap<String, Vec<VerbForm>>,
}

impl ViolenceVerbs {
    pub fn new(lexicon: &Lexicon) -> ViolenceVerbs {
        let mut forms: WordMap<String, Vec<VerbForm>> = WordMap::default();
        let mut add = |word: String, form: Form, with: Vec<&'static str>| {
            forms.entry(word).or_default().push(VerbForm { form, with });
        };
        for verb in &lexicon.violence {
            // A verb phrase ("in elkaar slaan", "nek breken"): its last word is the verb.
            let (object, infinitive) = split_last(verb.infinitive);
            let (_, participle) = split_last(verb.participle);
            let separable =
                PARTICLES.iter().find(|p| infinitive.starts_with(**p) && participle.starts_with(&format!("{p}ge")));
            let mut with = object.clone();
            add(infinitive.to_string(), Form::Infinitive, with.clone());
            add(participle.to_string(), Form::Participle, with.clone());
            if let Some(particle) = separable {
                // "steek … neer", "af te slachten": the base verb with its particle in the clause.
                with.push(particle);
                let base = &infinitive[particle.len()..];
                add(base.to_string(), Form::Infinitive, with.clone());
                for present in present_forms(base) {
                    // Joined again at the end of a subordinate clause: "dat iemand ze afmaakt".
                    add(format!("{particle}{present}"), Form::Present, object.clone());
                    add(present, Form::Present, with.clone());
                }
            } else {
                // "dood" and "sla" are more often an adjective and a salad than "doden" and "slaan".
                for present in present_forms(infinitive).into_iter().filter(|p| !AMBIGUOUS_STEMS.contains(&p.as_str()))
                {
                    add(present, Form::Present, with.clone());
                }
            }
        }
        ViolenceVerbs { forms }
    }

    /// Violence in the sentence `s..e`: (first, last) token of each passage, from what makes it a
    /// call or intent up to the verb.
    pub fn within(&self, doc: &Document<'_>, s: usize, e: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for t in s..e {
            let Some(forms) = self.forms.get(doc.token(t)) else { continue };
            let (cs, ce) = clause(doc, s, e, t);
            let in_clause = |w: &str| (cs..ce).any(|k| k != t && doc.token(k) == w);
            let Some(form) = forms.iter().find(|f| f.with.iter().all(|w| in_clause(w))) else { continue };
            if let Some(first) = trigger(doc, s, cs, ce, t, form.form) {
                let undone = (cs..ce).any(|k| NEGATIONS.contains(&doc.token(k)) && !lawful_after(doc, k))
                    || (s..e).any(|k| PROTECTION.contains(&doc.token(k)));
                // The passage runs to the last word of the verb: "steek … neer" holds its object.
                let last_word = (t..ce).rev().find(|&k| form.with.contains(&doc.token(k))).unwrap_or(t);
                if !undone {
                    out.push((first.min(t), last_word.max(first)));
                }
            }
        }
        out
    }
}

/// "nek breken" → (["nek"], "breken").
fn split_last(phrase: &'static str) -> (Vec<&'static str>, &'static str) {
    let mut words: Vec<&'static str> = phrase.split(' ').collect();
    let last = words.pop().unwrap_or(phrase);
    (words, last)
}

/// The present-tense forms of a verb by rule: the stem ("wurg", "steek", "dood", "sla") and the
/// stem with -t ("wurgt", "steekt", "doodt", "slaat").
fn present_forms(infinitive: &str) -> Vec<String> {
    let stem = if let Some(head) = infinitive.strip_suffix("aan") {
        format!("{head}a") // slaan → sla, slaat
    } else if let Some(base) = infinitive.strip_suffix("en") {
        stem_of(base, infinitive)
    } else {
        return Vec::new();
    };
    let third = if stem.ends_with('t') {
        stem.clone()
    } else if stem.ends_with('a') {
        format!("{stem}at")
    } else {
        format!("{stem}t")
    };
    vec![stem, third]
}

/// The stem of an infinitive without its -en: a doubled consonant is single ("vergass" →
/// "vergas"), v and z harden ("verzuipen" has none; "leven" → "leef"), and a single vowel in an
/// open syllable is written double ("steken" → "steek", "doden" → "dood"), except in an
/// unstressed ending ("martelen" → "martel", "stenigen" → "stenig"); French -eren is stressed
/// ("executeren" → "executeer").
fn stem_of(base: &str, infinitive: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !is_vowel(b[n - 1]) {
        return base[..n - 1].to_string();
    }
    let mut stem = base.to_string();
    if stem.ends_with('v') {
        stem.replace_range(n - 1.., "f");
    } else if stem.ends_with('z') {
        stem.replace_range(n - 1.., "s");
    }
    let unstressed = (infinitive.ends_with("elen") || infinitive.ends_with("igen") || infinitive.ends_with("eren"))
        && !(infinitive.ends_with("eren") && infinitive.len() > 7);
    let open_vowel =
        n >= 3 && !is_vowel(b[n - 1]) && matches!(b[n - 2], b'a' | b'e' | b'o' | b'u') && !is_vowel(b[n - 3]);
    if open_vowel && !unstressed {
        stem.insert(n - 1, b[n - 2] as char);
    }
    stem
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// The clause around token `t` in sentence `s..e`: from the last comma or subordinator before it
/// to the next comma or subordinator after it.
fn clause(doc: &Document<'_>, s: usize, e: usize, t: usize) -> (usize, usize) {
    let splits = |k: usize| SUBORDINATORS.contains(&doc.token(k)) || breaks_before(doc, k);
    let start = (s + 1..=t).rev().find(|&k| splits(k)).unwrap_or(s);
    let end = (t + 1..e).find(|&k| splits(k)).unwrap_or(e);
    (start, end)
}

/// A comma, semicolon, colon or quotation mark right before token `k` (an apostrophe inside a
/// word, "homo's", is none).
fn breaks_before(doc: &Document<'_>, k: usize) -> bool {
    let gap = doc.between_tokens(k - 1, k);
    gap.contains([',', ';', ':', '"', '“', '”', '„', '«', '»'])
        || (gap.contains(['\'', '‘', '’']) && gap.contains(char::is_whitespace))
}

/// What makes the verb at `t` (in clause `cs..ce` of a sentence starting at `s`) a threat or a
/// call for violence: the first token of it, if anything does.
fn trigger(doc: &Document<'_>, s: usize, cs: usize, ce: usize, t: usize, form: Form) -> Option<usize> {
    let word = |k: usize| doc.token(k);
    let writer = (cs..ce).find(|&k| WRITER.contains(&word(k)));
    // The writer's intent: "ik ga … doodschieten", "we zullen … vergassen", "morgen steek ik …",
    // "we vermoorden …". A participle after the writer is a past deed or a passive, no threat.
    if let Some(w) = writer
        && form != Form::Participle
    {
        let intent = (cs..ce).any(|k| INTENT.contains(&word(k)) && k.abs_diff(w) <= 2);
        let own_verb = t.abs_diff(w) == 1 || (form == Form::Present && t.abs_diff(w) <= 2);
        if intent || own_verb {
            return Some(w.min(t));
        }
    }
    // A call or what is owed: "moeten … worden afgeschoten", "iemand zou … moeten vermoorden",
    // "verdienen het om gewurgd te worden", "opgehangen moeten worden".
    if let Some(k) = (cs..ce).find(|&k| OUGHT.contains(&word(k))) {
        return Some(k);
    }
    // A wish for the clause: "ik hoop dat iemand …", "het zou het beste zijn als …".
    if cs > s && SUBORDINATORS.contains(&word(cs)) {
        let wished = (s..cs).rev().take(4).any(|k| WISH_BEFORE.contains(&word(k)));
        // "Als iemand maar die … zou wurgen": the wish is in the clause itself.
        let if_only = word(cs) == "als" && (cs..ce).any(|k| word(k) == "maar");
        if wished || if_only {
            return Some(cs);
        }
    }
    // The act made lawful: "het doodslaan van … zou legaal moeten zijn".
    if form == Form::Infinitive && t > s && word(t - 1) == "het" {
        let lawful = (t + 1..doc.sentence_range(t).1).any(|k| LAWFUL.contains(&word(k)));
        if lawful {
            return Some(t - 1);
        }
    }
    None
}

/// "niet illegaal": a negation that makes the act lawful, not one that undoes it.
fn lawful_after(doc: &Document<'_>, k: usize) -> bool {
    k + 1 < doc.token_count() && matches!(doc.token(k + 1), "illegaal" | "strafbaar" | "verboden")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn present_forms_follow_dutch_spelling() {
        assert_eq!(present_forms("wurgen"), ["wurg", "wurgt"]);
        assert_eq!(present_forms("steken"), ["steek", "steekt"]);
        assert_eq!(present_forms("doden"), ["dood", "doodt"]);
        assert_eq!(present_forms("slaan"), ["sla", "slaat"]);
        assert_eq!(present_forms("vergassen"), ["vergas", "vergast"]);
        assert_eq!(present_forms("martelen"), ["martel", "martelt"]);
        assert_eq!(present_forms("stenigen"), ["stenig", "stenigt"]);
        assert_eq!(present_forms("executeren"), ["executeer", "executeert"]);
        assert_eq!(present_forms("slachten"), ["slacht", "slacht"]);
        assert_eq!(present_forms("schieten"), ["schiet", "schiet"]);
    }
}
