//! The wordlists, parsed and checked: what each row means to the checks.
//!
//! Parsed once per process ([`Lexicon::get`]); a malformed row is an error naming the file and line
//! (the embedded lists are also checked by `tests/wordlists.rs`, so users should never see one).

use crate::hash::WordSet;
use std::borrow::Cow;
use std::sync::OnceLock;

use crate::finding::{Category, Severity};
use crate::normalize::normalize_term;
use crate::phrase::Phrase;
use crate::wordlists::{self, File, Row, WordlistError};

/// How a term is matched; see `wordlists/README.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Word,
    Prefix,
    Suffix,
    Addressed,
    Acronym,
    /// Whole words written as a proper name in the original ("Veilig Thuis", not "veilig thuis").
    Name,
}

impl Mode {
    fn parse(s: &str) -> Option<Mode> {
        Some(match s {
            "word" => Mode::Word,
            "prefix" => Mode::Prefix,
            "suffix" => Mode::Suffix,
            "addressed" => Mode::Addressed,
            "acronym" => Mode::Acronym,
            "name" => Mode::Name,
            _ => return None,
        })
    }
}

/// A term as written in a wordlist, compiled for matching.
#[derive(Clone, Debug)]
pub struct Term {
    pub source: &'static str,
    pub phrase: Phrase,
    pub mode: Mode,
    pub line: usize,
}

impl Term {
    /// Every phrase the term stands for (for terms known to be small; see [`Phrase::expand`]).
    pub fn phrases(&self) -> Vec<String> {
        self.phrase.expand(EXPANSION_LIMIT).unwrap_or_default()
    }

    /// Every phrase the term stands for, as its words (see [`Term::phrases`]).
    pub fn phrase_words(&self) -> Vec<Vec<&str>> {
        self.phrase.expand_words(EXPANSION_LIMIT).unwrap_or_default()
    }
}

/// Terms are expanded only where that is small; larger ones are matched as compiled phrases.
pub const EXPANSION_LIMIT: usize = 4096;

#[derive(Clone, Debug)]
pub struct AbuseEntry {
    pub term: Term,
    pub category: Category,
    pub severity: Severity,
    pub note: &'static str,
}

#[derive(Clone, Debug)]
pub struct SafeEntry {
    pub term: Term,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Group {
    Women,
    Lgbtq,
    Jews,
    Muslims,
    Religion,
    Black,
    Ethnicity,
    Migrants,
    Disabled,
    Nationality,
}

impl Group {
    fn parse(s: &str) -> Option<Group> {
        Some(match s {
            "women" => Group::Women,
            "lgbtq" => Group::Lgbtq,
            "jews" => Group::Jews,
            "muslims" => Group::Muslims,
            "religion" => Group::Religion,
            "black" => Group::Black,
            "ethnicity" => Group::Ethnicity,
            "migrants" => Group::Migrants,
            "disabled" => Group::Disabled,
            "nationality" => Group::Nationality,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct GroupEntry {
    pub term: Term,
    pub group: Group,
    /// `Some(severity)` for slurs, `None` for neutral names of the group.
    pub slur: Option<Severity>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HateRole {
    Emotion,
    Attribute,
    Dehumanise,
    /// An animal or thing that dehumanises only when a copula links it to a group ("Turken zijn
    /// honden"); on its own an ordinary word.
    Metaphor,
    Exclusion,
    Violence,
    Negation,
    Counter,
    Quantifier,
    Pronoun,
    Opinion,
    Address,
}

impl HateRole {
    fn parse(s: &str) -> Option<HateRole> {
        Some(match s {
            "emotion" => HateRole::Emotion,
            "attribute" => HateRole::Attribute,
            "dehumanise" => HateRole::Dehumanise,
            "metaphor" => HateRole::Metaphor,
            "exclusion" => HateRole::Exclusion,
            "violence" => HateRole::Violence,
            "negation" => HateRole::Negation,
            "counter" => HateRole::Counter,
            "quantifier" => HateRole::Quantifier,
            "pronoun" => HateRole::Pronoun,
            "opinion" => HateRole::Opinion,
            "address" => HateRole::Address,
            _ => return None,
        })
    }
}

#[derive(Clone, Debug)]
pub struct HateEntry {
    pub term: Term,
    pub role: HateRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConfidentialKind {
    PupilCare,
    Health,
    Personnel,
    Meeting,
    Secrecy,
}

impl ConfidentialKind {
    fn parse(s: &str) -> Option<ConfidentialKind> {
        Some(match s {
            "leerlingzorg" => ConfidentialKind::PupilCare,
            "gezondheid" => ConfidentialKind::Health,
            "personeel" => ConfidentialKind::Personnel,
            "vergadering" => ConfidentialKind::Meeting,
            "geheim" => ConfidentialKind::Secrecy,
            _ => return None,
        })
    }

    /// Care, health and personnel terms only matter when the sentence is about a person; meeting
    /// and secrecy terms matter on their own.
    pub fn needs_person(self) -> bool {
        matches!(self, ConfidentialKind::PupilCare | ConfidentialKind::Health | ConfidentialKind::Personnel)
    }
}

#[derive(Clone, Debug)]
pub struct ConfidentialEntry {
    pub term: Term,
    pub kind: ConfidentialKind,
    pub severity: Severity,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DisclaimerRole {
    /// The writer speaks as staff of the school ("mijn leerlingen"): the post is about the school.
    About,
    /// The writer says they work there ("ik werk bij", "als docent bij"): about the school, and the
    /// statement SGH 4.6 / Initia B.2 / Amadeus D.3 ask for.
    Employee,
    /// The writer says it is a personal opinion ("op persoonlijke titel").
    Personal,
    /// The writer speaks as a leader ("als directeur van").
    Leader,
    /// A staff role ("docent", "leerkracht"): right before the organisation's name it says the
    /// writer works there ("Docent wiskunde @ Amadeus Lyceum").
    Role,
}

#[derive(Clone, Debug)]
pub struct DisclaimerEntry {
    pub term: Term,
    pub role: DisclaimerRole,
}

#[derive(Clone, Debug)]
pub struct MediaEntry {
    pub term: Term,
}

/// Small cue lists that steer the checks (`context.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContextRole {
    /// A title before a name marks an adult ("juf Roos").
    Title,
    /// A determiner before a name that is also a word marks the word ("de roos").
    Determiner,
    /// A verb after a sentence-initial word that is also a name marks the name ("Storm scoorde").
    Verb,
    /// A reference to a person ties care, health and personnel terms to someone.
    Person,
    /// Words that make a phone number or address the school's own.
    SchoolContact,
    /// Words that make a long number a reference rather than personal data.
    NumberLabel,
    /// Words that make a date a date of birth.
    Birth,
    /// Words after which a name is addressed ("gefeliciteerd Bas", "ga zo door Storm").
    Vocative,
    /// Imperatives: a word before one is addressed ("eikel, geef terug").
    Imperative,
    /// Famous people and characters: a roster name inside one is not the pupil ("Romeo en Julia").
    Famous,
    /// Relatives through whom a pupil is named ("de moeder van Noor", "Daans vader").
    Relative,
    /// Words that say where someone is right now ("we zitten nu in", "live vanuit").
    Whereabouts,
    /// Words that make a letter-and-digit code a licence plate ("kenteken", "auto").
    Vehicle,
    /// Words that make a capitalised sequence the name of an organisation, place or thing ("B.V.",
    /// "stichting", "FC", "zaal", "prijs"): a roster name inside one is not the pupil.
    Thing,
    /// Words that make the number after (or before) them a personal identifier ("leerlingnummer",
    /// "dossiernr", "bsn").
    Identifier,
}

/// The vocabulary of the threat grammar (`threats.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ThreatRole {
    /// Who acts: the writer ("ik", "we") or a call on others ("iemand moet", "moet je").
    Actor,
    /// Whom the act is aimed at ("je", "hem", "jullie").
    Target,
    /// A violent act ("in elkaar slaan", "maak _ af", where `_` holds the target).
    Act,
    /// A violent act as a participle ("opgehangen"): a threat only in a call for violence.
    Participle,
    /// A threat on its own ("ik weet waar je woont", "je gaat eraan").
    Menace,
    /// Marks a threat-like sentence as a joke (":P", "haha", "grapje").
    Joke,
    /// Sport and games: "we maken ze af in de finale" is a boast.
    Play,
    /// Words that may also stand in the gap of an act ("ik maak je morgen af").
    Filler,
    /// What a destructive act may be aimed at ("die school", "je auto").
    Object,
}

#[derive(Clone, Debug)]
pub struct ThreatEntry {
    pub term: Term,
    pub role: ThreatRole,
}

/// A violent verb by its principal parts (`violence.tsv`): "afslachten", "afgeslacht". Its other
/// forms come by rule ([`crate::detect::violence`]).
#[derive(Clone, Debug)]
pub struct ViolenceVerb {
    pub infinitive: &'static str,
    pub participle: &'static str,
}

#[derive(Clone, Debug)]
pub struct ContextEntry {
    pub term: Term,
    pub role: ContextRole,
}

/// Everything the checks know about Dutch words.
#[derive(Clone, Debug)]
pub struct Lexicon {
    pub abuse: Vec<AbuseEntry>,
    pub safe: Vec<SafeEntry>,
    pub groups: Vec<GroupEntry>,
    pub hate: Vec<HateEntry>,
    pub confidential: Vec<ConfidentialEntry>,
    pub disclaimer: Vec<DisclaimerEntry>,
    pub media: Vec<MediaEntry>,
    pub context: Vec<ContextEntry>,
    pub threats: Vec<ThreatEntry>,
    pub violence: Vec<ViolenceVerb>,
    pub common_words: WordSet<Cow<'static, str>>,
    pub first_names: WordSet<Cow<'static, str>>,
}

static LEXICON: OnceLock<Result<Lexicon, WordlistError>> = OnceLock::new();

impl Lexicon {
    /// The lexicon of the embedded wordlists, parsed on first use.
    pub fn get() -> Result<&'static Lexicon, WordlistError> {
        LEXICON.get_or_init(Lexicon::parse).as_ref().map_err(Clone::clone)
    }

    fn parse() -> Result<Lexicon, WordlistError> {
        use wordlists::*;
        let abuse = || {
            entries(&ABUSE, &["term", "category", "severity", "match", "note"], |row| {
                let category = match row.fields[1] {
                    "insult" => Category::Insult,
                    "obscene" => Category::Obscene,
                    "threat" => Category::Threat,
                    "discrimination" => Category::Discrimination,
                    other => return Err(ABUSE.row_error(row, format!("onbekende categorie '{other}'"))),
                };
                Ok(AbuseEntry {
                    term: term(&ABUSE, row, row.fields[3])?,
                    category,
                    severity: severity(&ABUSE, row, row.fields[2])?,
                    note: row.fields[4],
                })
            })
        };
        let safe = || {
            entries(&SAFE, &["term", "match", "note"], |row| Ok(SafeEntry { term: term(&SAFE, row, row.fields[1])? }))
        };
        let groups = || {
            entries(&GROUPS, &["term", "group", "kind", "severity", "match", "note"], |row| {
                let group = Group::parse(row.fields[1])
                    .ok_or_else(|| GROUPS.row_error(row, format!("onbekende groep '{}'", row.fields[1])))?;
                let slur = match row.fields[2] {
                    "neutral" => None,
                    "slur" => Some(severity(&GROUPS, row, row.fields[3])?),
                    other => return Err(GROUPS.row_error(row, format!("onbekende soort '{other}'"))),
                };
                Ok(GroupEntry { term: term(&GROUPS, row, row.fields[4])?, group, slur })
            })
        };
        let hate = || {
            entries(&HATE, &["term", "role", "note"], |row| {
                let role = HateRole::parse(row.fields[1])
                    .ok_or_else(|| HATE.row_error(row, format!("onbekende rol '{}'", row.fields[1])))?;
                Ok(HateEntry { term: term(&HATE, row, "word")?, role })
            })
        };
        let confidential = || {
            entries(&CONFIDENTIAL, &["term", "subcategory", "severity", "match", "note"], |row| {
                let kind = ConfidentialKind::parse(row.fields[1]).ok_or_else(|| {
                    CONFIDENTIAL.row_error(row, format!("onbekende subcategorie '{}'", row.fields[1]))
                })?;
                Ok(ConfidentialEntry {
                    term: term(&CONFIDENTIAL, row, row.fields[3])?,
                    kind,
                    severity: severity(&CONFIDENTIAL, row, row.fields[2])?,
                })
            })
        };
        let disclaimer = || {
            entries(&DISCLAIMER, &["term", "role", "note"], |row| {
                let role = match row.fields[1] {
                    "about" => DisclaimerRole::About,
                    "employee" => DisclaimerRole::Employee,
                    "personal" => DisclaimerRole::Personal,
                    "leader" => DisclaimerRole::Leader,
                    "role" => DisclaimerRole::Role,
                    other => return Err(DISCLAIMER.row_error(row, format!("onbekende rol '{other}'"))),
                };
                Ok(DisclaimerEntry { term: term(&DISCLAIMER, row, "word")?, role })
            })
        };
        let media = || entries(&MEDIA, &["term", "note"], |row| Ok(MediaEntry { term: term(&MEDIA, row, "word")? }));
        let context = || {
            entries(&CONTEXT, &["term", "role", "note"], |row| {
                let role = match row.fields[1] {
                    "title" => ContextRole::Title,
                    "determiner" => ContextRole::Determiner,
                    "verb" => ContextRole::Verb,
                    "person" => ContextRole::Person,
                    "school-contact" => ContextRole::SchoolContact,
                    "number-label" => ContextRole::NumberLabel,
                    "birth" => ContextRole::Birth,
                    "vocative" => ContextRole::Vocative,
                    "imperative" => ContextRole::Imperative,
                    "famous" => ContextRole::Famous,
                    "relative" => ContextRole::Relative,
                    "whereabouts" => ContextRole::Whereabouts,
                    "vehicle" => ContextRole::Vehicle,
                    "thing" => ContextRole::Thing,
                    "identifier" => ContextRole::Identifier,
                    other => return Err(CONTEXT.row_error(row, format!("onbekende rol '{other}'"))),
                };
                Ok(ContextEntry { term: term(&CONTEXT, row, "word")?, role })
            })
        };
        let threats = || {
            entries(&THREATS, &["term", "role", "note"], |row| {
                let role = match row.fields[1] {
                    "actor" => ThreatRole::Actor,
                    "target" => ThreatRole::Target,
                    "act" => ThreatRole::Act,
                    "participle" => ThreatRole::Participle,
                    "menace" => ThreatRole::Menace,
                    "joke" => ThreatRole::Joke,
                    "play" => ThreatRole::Play,
                    "filler" => ThreatRole::Filler,
                    "object" => ThreatRole::Object,
                    other => return Err(THREATS.row_error(row, format!("onbekende rol '{other}'"))),
                };
                Ok(ThreatEntry { term: term(&THREATS, row, "word")?, role })
            })
        };
        let violence = entries(&VIOLENCE, &["infinitive", "participle", "note"], |row| {
            Ok(ViolenceVerb { infinitive: row.fields[0], participle: row.fields[1] })
        })?;
        // The lists are independent: parse the big ones on one thread and the rest on another.
        let (first, second) = rayon::join(
            || -> Result<_, WordlistError> { Ok((hate()?, context()?, word_set(&COMMON_WORDS))) },
            || -> Result<_, WordlistError> {
                Ok((abuse()?, safe()?, groups()?, confidential()?, disclaimer()?, media()?, threats()?))
            },
        );
        let (hate, context, common_words) = first?;
        let (abuse, safe, groups, confidential, disclaimer, media, threats) = second?;
        Ok(Lexicon {
            abuse,
            safe,
            groups,
            hate,
            confidential,
            disclaimer,
            media,
            context,
            threats,
            violence,
            common_words,
            first_names: word_set(&FIRST_NAMES),
        })
    }

    /// Is this normalised word a common Dutch word?
    pub fn is_common_word(&self, word: &str) -> bool {
        self.common_words.contains(word)
    }
}

/// The words of a plain list as the view spells them ("'s" → "s"), plus the folded spelling of
/// words with three equal letters ("ideeen" → also "iden").
fn word_set(file: &'static File) -> WordSet<Cow<'static, str>> {
    let mut set = WordSet::default();
    set.reserve(file.words().count() * 11 / 10);
    for word in file.words() {
        // The lists are normalised already (the wordlist tests check it): the view of a word is
        // the word with apostrophes and hyphens as spaces, except that three equal letters in a
        // row fold to one ("ideeen" typed for "ideeën"), where the folded form is added too. Most
        // words are their own view, and are borrowed from the embedded list.
        let written = if word.contains(['\'', '-']) {
            Cow::Owned(word.replace(['\'', '-'], " ").split_whitespace().collect::<Vec<_>>().join(" "))
        } else {
            Cow::Borrowed(word)
        };
        if written.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
            set.insert(Cow::Owned(normalize_term(word)));
        }
        set.insert(written);
    }
    set
}

/// The entries of a wordlist: each row (with these columns) made into one by `entry`.
fn entries<T>(
    file: &File,
    columns: &[&str],
    entry: impl Fn(&Row<'static>) -> Result<T, WordlistError>,
) -> Result<Vec<T>, WordlistError> {
    file.rows(columns)?.iter().map(entry).collect()
}

fn severity(file: &File, row: &Row<'_>, s: &str) -> Result<Severity, WordlistError> {
    Severity::parse(s).ok_or_else(|| file.row_error(row, format!("onbekende ernst '{s}'")))
}

/// Parse a row's term (always the first field) with the given match mode.
fn term(file: &File, row: &Row<'static>, mode: &str) -> Result<Term, WordlistError> {
    let source = row.fields[0];
    let mode = Mode::parse(mode).ok_or_else(|| file.row_error(row, format!("onbekende match '{mode}'")))?;
    let gaps = file.name == wordlists::THREATS.name;
    let phrase = Phrase::compile(source, gaps).map_err(|e| file.row_error(row, format!("'{source}': {e}")))?;
    Ok(Term { source, phrase, mode, line: row.line })
}
