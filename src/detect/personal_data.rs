//! Personal data under the AVG (PW201–PW210): e-mail addresses, phone numbers, addresses, BSN and
//! onderwijsnummer, IBAN, dates of birth, ages of named pupils ([`age`]), licence plates
//! ([`plate`]) and where someone is right now ([`location`]).
//!
//! These are structured, so they are found with regular expressions on the original text and
//! then validated: a BSN must pass the 11-proef, an IBAN the mod-97 check, a phone number must
//! have the length of a Dutch number. Context decides the rest: the school's own number after
//! "bel de school op", a reference after "bestelnummer", a date only near "geboren" or "jarig".

use std::sync::LazyLock;

use regex::Regex;

use crate::detect::names::Mention;
use crate::detect::{Document, Found};
use crate::finding::{Hit, Severity};
use crate::lexicon::ContextRole;
use crate::rules;

mod age;
mod banks;
mod identifier;
mod location;
mod phone;
mod plate;

/// Word boundaries in these patterns are ASCII ones, `(?-u:\b)`: with a Unicode `\b` the regex
/// engine cannot use its fast DFA on text with accents or emoji and falls back to a matcher
/// several times slower over the whole text.
fn regex(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid regex")
}

static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)[a-z0-9][a-z0-9._%+\-]*@[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?)*\.[a-z]{2,24}",
    )
});
static URL: LazyLock<Regex> = LazyLock::new(|| regex(r#"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()"'\]\[]+"#));
/// "j.postma [at] ziggo.nl", "naam(at)school.nl", "anna {at} hotmail.com": an address written
/// with its @ and dots in brackets, to fool harvesters.
static EMAIL_SPELLED: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)[a-z0-9][a-z0-9._%+\-]*\s*[\[({]\s*(?:at|apenstaartje|@)\s*[\]})]\s*[a-z0-9\-]+(?:\s*(?:\.|[\[({]\s*(?:dot|punt)\s*[\]})])\s*[a-z0-9\-]+)*\s*(?:\.|[\[({]\s*(?:dot|punt)\s*[\]})])\s*[a-z]{2,24}",
    )
});
/// "k.bakker at hotmail punt nl", "piet AT xs4all DOT nl", "tom.smit @ hotmail . com": an address
/// written in words or with spaces. Without brackets "at" and "punt" are ordinary words, so the
/// address must end in a common top-level domain.
static EMAIL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)[a-z0-9][a-z0-9._%+\-]*(?:\s+(?:at|apenstaartje)\s+|\s+@\s*|\s*@\s+)[a-z0-9][a-z0-9\-]*(?:(?:\s+(?:dot|punt)\s+|\s*\.\s*)[a-z0-9][a-z0-9\-]*)*(?:\s+(?:dot|punt)\s+|\s*\.\s*)(?:nl|be|com|net|org|eu|de|info|nu|fr|uk|io)(?-u:\b)",
    )
});
static POSTCODE: LazyLock<Regex> = LazyLock::new(|| regex(r"(?-u:\b)[1-9][0-9]{3} ?[A-Za-z]{2}(?-u:\b)"));
static STREET: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)[\p{L}'\-]{3,}(?:straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|dreef|allee|boulevard|plantsoen|hof|markt|wal|erf|brink|ring|pad|park|straatje|laantje|kamp|dam|str\.?|ln|pln|wg) \d{1,4}(?: bis(?-u:\b)| ?[a-z](?-u:\b)|-\d{1,4}(?-u:\b))?",
    )
});
/// A street name that comes first: "Laan van Meerdervoort 50", "Plein 1813 3".
/// "Postbus 123": a PO box is an address too.
static PO_BOX: LazyLock<Regex> = LazyLock::new(|| regex(r"(?i)(?-u:\b)postbus \d{1,5}(?-u:\b)"));
static STREET_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?-u:\b)(?:Laan|Plein|Kade|Singel|Dreef|Hof|Weg|Dijk) (?:van |der |de |den |het |op |ter |)(?:\p{Lu}[\p{L}'\-]+ ){1,2}\d{1,4}(?: ?[a-z](?-u:\b)|-\d{1,3}(?-u:\b))?",
    )
});
/// What follows a number that makes it no house number: a time, a date, a distance, a count.
static NOT_HOUSE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)^(?:[.:]\d|\s*(?:uur|u(?-u:\b)|minuten|min(?-u:\b)|km|kilometer|meter|m(?-u:\b)|keer|x(?-u:\b)|kinderen|leerlingen|personen|deelnemers|euro|%|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan(?-u:\b)|feb(?-u:\b)|mrt(?-u:\b)|apr(?-u:\b)|jun(?-u:\b)|jul(?-u:\b)|aug(?-u:\b)|sep(?-u:\b)|sept(?-u:\b)|okt(?-u:\b)|nov(?-u:\b)|dec(?-u:\b)))",
    )
});
static BSN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?-u:\b)(?:\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}[ .\-]\d{3}[ .\-]\d{3})(?-u:\b)"));
static IBAN: LazyLock<Regex> =
    LazyLock::new(|| regex(r"(?i)(?-u:\b)[a-z]{2}\d{2}(?: ?[a-z0-9]{4}){2,7}(?: ?[a-z0-9]{1,3})?(?-u:\b)"));
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    regex(
        r"(?i)(?-u:\b)(?:\d{1,2}[\-/.]\d{1,2}(?:[\-/.](?:\d{4}|\d{2}))?|\d{1,2}(?:e|ste|de)? (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|jan|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?(?: \d{4})?)(?-u:\b)",
    )
});

/// Local parts of the organisation's own role addresses (info@, administratie@): not personal.
const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "administratie",
    "admin",
    "secretariaat",
    "receptie",
    "directie",
    "contact",
    "mr",
    "gmr",
    "ouderraad",
    "or",
    "nieuwsbrief",
    "noreply",
    "no-reply",
    "vacatures",
    "verzuim",
    "ziekmelding",
    "ziekmeldingen",
    "absentie",
    "leerlingadministratie",
    "financien",
    "financiele-administratie",
    "communicatie",
    "redactie",
    "ict",
    "helpdesk",
    "servicedesk",
    "klachten",
    "aanmelden",
    "aanmelding",
    "aanmeldingen",
    "inschrijving",
    "personeelszaken",
    "hr",
    "bestuur",
    "bestuursbureau",
    "support",
    "webmaster",
    "postmaster",
    "privacy",
    "fg",
    "avg",
    "planning",
    "rooster",
    "roosters",
    "examens",
    "examen",
    "decanaat",
    "mediatheek",
    "concierge",
    "ouders",
    "oudervereniging",
    "team",
    "school",
    "kantoor",
    "office",
    "hallo",
    "welkom",
    "vragen",
    "pers",
    "media",
    "social",
    "socialmedia",
    "bso",
    "kinderopvang",
    "opvang",
    "zorg",
    "leerlingzorg",
    "facturen",
    "factuur",
    "debiteuren",
    "crediteuren",
];

/// Original byte ranges of e-mail addresses (also spelled out) and URLs (unsorted).
pub fn protected_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans: Vec<(usize, usize)> = if text.contains(['@', '.']) {
        EMAIL.find_iter(text).chain(URL.find_iter(text)).map(|m| (m.start(), m.end())).collect()
    } else {
        Vec::new()
    };
    // "tom.smit @ hotmail . com": the name in a spelled-out address is part of the address too.
    spans.extend(spelled_emails(text));
    spans
}

/// What the personal-data check needs besides the document.
pub struct DataContext<'a> {
    /// The organisation's web domains, to tell its role addresses from private ones.
    pub org_domains: &'a [String],
    /// The pupils the name check found, for ages tied to a name.
    pub mentions: &'a [Mention],
}

pub fn detect(doc: &Document<'_>, cx: &DataContext<'_>, hits: &mut Vec<Hit>) {
    let text = doc.text;
    location::detect(doc, hits);
    if !text.bytes().any(|b| b.is_ascii_digit() || b == b'@') {
        // An address written in words ("ria at ziggo punt nl") may have neither.
        hits.extend(
            spelled_emails(text).map(|(s, e)| Hit::new(&rules::EMAIL_ADDRESS, s, e).with_detail("verhuld geschreven")),
        );
        return;
    }
    age::detect(text, cx.mentions, hits);
    // The byte ranges already reported, start → end; they never overlap, so the one starting
    // last before a hit's end is the only one that can overlap it (a list searched whole for
    // every hit made a line with many numbers quadratic).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut push = |hit: Hit, taken: &mut std::collections::BTreeMap<usize, usize>| {
        if taken.range(..hit.end).next_back().is_some_and(|(_, &end)| end > hit.start) {
            return;
        }
        taken.insert(hit.start, hit.end);
        hits.push(hit);
    };

    for m in EMAIL.find_iter(text) {
        if text[..m.start()].chars().next_back().is_some_and(|c| c.is_alphanumeric() || "._%+-".contains(c)) {
            continue;
        }
        let address = m.as_str().to_lowercase();
        let (local, domain) = address.split_once('@').unwrap_or((&address, ""));
        let own_domain = cx.org_domains.iter().any(|d| domain == d.as_str() || domain.ends_with(&format!(".{d}")));
        let hit = Hit::new(&rules::EMAIL_ADDRESS, m.start(), m.end());
        // A role address is the organisation's; on its own domain a group mailbox ("groep7@")
        // is too, but a name ("m.devries@", "mdevries@") is a person's.
        let hit = if ROLE_MAILBOXES.contains(&local) || (own_domain && role_address(local)) {
            hit.with_severity(Severity::Info).with_detail("algemeen adres van een organisatie")
        } else {
            hit
        };
        push(hit, &mut taken);
    }
    for (start, end) in spelled_emails(text) {
        push(Hit::new(&rules::EMAIL_ADDRESS, start, end).with_detail("verhuld geschreven"), &mut taken);
    }
    let ibans: Vec<regex::Match> = IBAN.find_iter(text).collect();
    for m in &ibans {
        let compact: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let bank_known = !compact.starts_with("NL") || banks::is_dutch_bank_code(compact.get(4..8).unwrap_or(""));
        if iban_valid(&compact) && bank_known && !organisation_account(doc, m.end()) && !school_contact(doc, m.start())
        {
            push(Hit::new(&rules::IBAN, m.start(), m.end()), &mut taken);
        }
    }
    // A string shaped like an IBAN that failed its check is no phone number either.
    let iban_shaped: Vec<(usize, usize)> = ibans.iter().map(|m| (m.start(), m.end())).collect();
    // Identifiers by their cue first: "BSN: 8436 46 974" is one BSN, not a phone number.
    for id in identifier::detect(doc, cx.mentions) {
        let hit = if id.bsn {
            Hit::new(&rules::BSN, id.start, id.end)
        } else {
            Hit::new(&rules::IDENTIFIER, id.start, id.end)
        };
        push(hit, &mut taken);
    }
    for m in phone::PHONE.find_iter(text) {
        let (start, end) = trim_phone(text, m.start(), m.end());
        if iban_shaped.iter().any(|&(s, e)| start < e && s < end) {
            continue;
        }
        if !boundary_ok(text, start, end) || is_date_like(&text[start..end]) {
            continue;
        }
        let Some(kind) = phone::classify(&text[start..end]) else { continue };
        if context_before(doc, start, &[ContextRole::NumberLabel]) || school_contact(doc, start) {
            continue;
        }
        let hit = Hit::new(&rules::PHONE_NUMBER, start, end);
        let hit = match kind {
            phone::PhoneKind::Personal => hit,
            phone::PhoneKind::Service => {
                hit.with_severity(Severity::Warning).with_detail("servicenummer, meestal van een organisatie")
            }
        };
        push(hit, &mut taken);
    }
    for m in BSN.find_iter(text) {
        let digits: Vec<u32> = m.as_str().chars().filter_map(|c| c.to_digit(10)).collect();
        let rule = if bsn_valid(&digits) {
            &rules::BSN
        } else if onderwijsnummer_valid(&digits) {
            &rules::ONDERWIJSNUMMER
        } else {
            continue;
        };
        if !context_before(doc, m.start(), &[ContextRole::NumberLabel]) && !is_amount(text, m.start(), m.end()) {
            push(Hit::new(rule, m.start(), m.end()), &mut taken);
        }
    }
    for (start, end) in addresses(text) {
        if !school_contact(doc, start) && !doc.is_protected(start, end) {
            push(Hit::new(&rules::HOME_ADDRESS, start, end), &mut taken);
        }
    }
    for (start, end, needs_cue) in plate::candidates(text) {
        let cue = || {
            context_before(doc, start, &[ContextRole::Vehicle]) || {
                let i = doc.token_starting_from(start).unwrap_or(0).min(doc.token_count().saturating_sub(1));
                let (s, e) = doc.sentence_range(i);
                doc.cue_within(ContextRole::Vehicle, s, e)
            }
        };
        if (!needs_cue || cue()) && !context_before(doc, start, &[ContextRole::NumberLabel]) {
            push(Hit::new(&rules::LICENCE_PLATE, start, end), &mut taken);
        }
    }
    for m in DATE.find_iter(text) {
        let born_sign = text[..m.start()].trim_end().ends_with('°');
        if date_plausible(m.as_str()) && (born_sign || near_birth(doc, m.start(), m.end())) {
            push(Hit::new(&rules::BIRTH_DATE, m.start(), m.end()), &mut taken);
        }
    }
}

/// Is a local part a role or group mailbox: a role word, alone or with a qualifier
/// ("administratie.locatie2", "info-bovenbouw"), or a group ("groep7b", "klas2a", "unit3")?
fn role_address(local: &str) -> bool {
    static GROUP: LazyLock<Regex> = LazyLock::new(|| {
        regex(r"^(?:groep|klas|unit|bouw|onderbouw|middenbouw|bovenbouw|team|locatie)[\-_.]?\d*[a-z]?$")
    });
    let head = local.split(['.', '-', '_', '+']).next().unwrap_or(local);
    ROLE_MAILBOXES.contains(&head) || GROUP.is_match(local)
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric() || c == '+' || c == '@' || c == '/')
        && !after.is_some_and(|c| c.is_alphanumeric() || c == '@')
}

/// Drop an opening parenthesis without its partner and trailing separators.
fn trim_phone(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    while end > start && text[..end].ends_with([' ', '-', '.', '(', ')', '\u{00A0}']) {
        end -= text[..end].chars().next_back().map_or(1, char::len_utf8);
    }
    if text[start..end].starts_with('(') && !text[start..end].contains(')') {
        start += 1;
    }
    (start, end)
}

/// Original byte ranges of e-mail addresses written to fool harvesters, in brackets or in words.
fn spelled_emails(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bracketed = text.contains(['[', '(', '{']).then(|| EMAIL_SPELLED.find_iter(text)).into_iter().flatten();
    let lower_at = |t: &str| t.contains(" at ") || t.contains(" AT ") || t.contains(" At ");
    let worded = (lower_at(text) || text.contains("apenstaartje") || text.contains(" @") || text.contains("@ "))
        .then(|| EMAIL_WORDS.find_iter(text))
        .into_iter()
        .flatten();
    let mut found: Vec<(usize, usize)> = bracketed.map(|m| (m.start(), m.end())).collect();
    for m in worded {
        if !found.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
            found.push((m.start(), m.end()));
        }
    }
    found.into_iter()
}

/// Is the number at `start..end` an amount of money ("353 799 075 euro", "€ 120.000.000")?
fn is_amount(text: &str, start: usize, end: usize) -> bool {
    let after = text[end..].trim_start().to_lowercase();
    let before = text[..start].trim_end();
    after.starts_with("euro") || after.starts_with('€') || before.ends_with('€') || before.ends_with("EUR")
}

fn is_date_like(candidate: &str) -> bool {
    static DATE_START: LazyLock<Regex> = LazyLock::new(|| regex(r"^\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4}"));
    // "06.12.34.56.78" is a phone number in pairs, not a date with more after it.
    let pairs = candidate.split(['.', '-']).count() >= 5;
    DATE_START.is_match(candidate) && !pairs
}

/// Street addresses, PO boxes and postcodes, a street followed by its postcode as one passage
/// ("Dorpsstraat 12, 1234 AB"). A postcode on its own must stand next to a place name ("3511 LK
/// Utrecht") or after the word postcode: "1400 GT tegen de buren" is some other code.
fn addresses(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for m in STREET.find_iter(text).chain(STREET_FIRST.find_iter(text)).chain(PO_BOX.find_iter(text)) {
        let number: String = m.as_str().chars().rev().take_while(|c| !c.is_whitespace()).collect();
        let number: String = number.chars().rev().filter(char::is_ascii_digit).collect();
        let year_like = number.len() == 4 && (1900..=2099).contains(&number.parse::<u32>().unwrap_or(0));
        if year_like || NOT_HOUSE_NUMBER.is_match(&text[m.end()..]) {
            continue;
        }
        if !out.iter().any(|&(s, e)| m.start() < e && s < m.end()) {
            out.push((m.start(), m.end()));
        }
    }
    for m in POSTCODE.find_iter(text) {
        if !postcode_valid(m.as_str()) {
            continue;
        }
        let joins = out
            .iter_mut()
            .find(|(_, e)| *e <= m.start() && text[*e..m.start()].trim_start_matches([',', ' ']).is_empty());
        match joins {
            Some(street) => street.1 = m.end(),
            None if place_after(&text[m.end()..]) || cue_before_postcode(&text[..m.start()]) => {
                out.push((m.start(), m.end()))
            }
            None => {}
        }
    }
    out
}

/// Does a place name follow a postcode: a capitalised word after a space or comma ("3511 LK
/// Utrecht", "1234 AB, Ons Dorp")?
fn place_after(rest: &str) -> bool {
    let rest = rest.strip_prefix([',', ' ']).unwrap_or(rest).trim_start_matches(' ');
    // "2512KX nr 41", "1234 AB 12": a house number is as good as a place.
    let lower = rest.to_lowercase();
    let number = lower.strip_prefix("nr").or(lower.strip_prefix("huisnummer")).unwrap_or(&lower);
    if number.trim_start_matches(['.', ' ']).starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let word: String = rest.chars().take_while(|c| c.is_alphabetic() || *c == '-' || *c == '\'').collect();
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().filter(|c| c.is_alphabetic()).count() >= 2
}

/// Is the postcode announced: "postcode 1234 AB", "adres: 1234AB"?
fn cue_before_postcode(before: &str) -> bool {
    let before = before.trim_end().trim_end_matches(':').trim_end().to_lowercase();
    let before = before.strip_suffix(" is").unwrap_or(&before);
    ["postcode", "adres", "pc"].iter().any(|cue| before.ends_with(cue))
}

/// Ninefold numbers starting with 10 whose 11-proef sum leaves 5: the onderwijsnummer DUO gives a
/// pupil without a BSN.
pub fn onderwijsnummer_valid(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits[..2] != [1, 0] {
        return false;
    }
    let sum: i64 = digits.iter().zip([9, 8, 7, 6, 5, 4, 3, 2, -1]).map(|(&d, w)| i64::from(d) * w).sum();
    sum.rem_euclid(11) == 5
}

/// 11-proef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11), not all zeros.
pub fn bsn_valid(digits: &[u32]) -> bool {
    if digits.len() != 9 || digits.iter().all(|&d| d == 0) {
        return false;
    }
    let sum: i64 = digits.iter().zip([9, 8, 7, 6, 5, 4, 3, 2, -1]).map(|(&d, w)| i64::from(d) * w).sum();
    sum % 11 == 0
}

/// ISO 13616: move the first four characters to the end, letters to 10–35, remainder mod 97 is 1.
pub fn iban_valid(iban: &str) -> bool {
    let len = iban.len();
    let country = &iban[..2.min(len)];
    let expected = match country {
        "NL" => Some(18),
        "BE" => Some(16),
        "DE" => Some(22),
        "FR" | "IT" => Some(27),
        "GB" => Some(22),
        "ES" => Some(24),
        "LU" => Some(20),
        _ => None,
    };
    if expected.is_some_and(|e| e != len) || !(15..=34).contains(&len) || !iban.is_ascii() {
        return false;
    }
    if country == "NL" && !iban[4..8].chars().all(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let rearranged = iban[4..].chars().chain(iban[..4].chars());
    let mut remainder: u32 = 0;
    for c in rearranged {
        let value = match c {
            '0'..='9' => c as u32 - '0' as u32,
            'A'..='Z' => c as u32 - 'A' as u32 + 10,
            _ => return false,
        };
        remainder = if value >= 10 { (remainder * 100 + value) % 97 } else { (remainder * 10 + value) % 97 };
    }
    remainder == 1
}

fn postcode_valid(candidate: &str) -> bool {
    let letters: String = candidate.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.to_uppercase();
    if ["SA", "SD", "SS"].contains(&upper.as_str()) {
        return false;
    }
    const UNITS: &[&str] = &[
        "KM", "MB", "GB", "KB", "TB", "CM", "MM", "KG", "ML", "CL", "DL", "PK", "KW", "MW", "HZ", "EU", "NL", "AD",
        "BC", "VC", "PM", "AM",
    ];
    if UNITS.contains(&upper.as_str()) {
        return false;
    }
    // Lower-case letters are only a postcode when written together ("1234ab"), not "2024 en".
    letters.chars().all(char::is_uppercase) || !candidate.contains(' ')
}

fn date_plausible(candidate: &str) -> bool {
    let numbers: Vec<u32> = candidate.split(|c: char| !c.is_ascii_digit()).filter_map(|p| p.parse().ok()).collect();
    let month_in_words = candidate.chars().any(char::is_alphabetic);
    match numbers.as_slice() {
        [day, ..] if month_in_words => (1..=31).contains(day),
        [day, month, ..] => (1..=31).contains(day) && (1..=12).contains(month),
        _ => false,
    }
}

/// Is a birth cue (geboren, jarig, verjaardag) in the same sentence as the date, and about a
/// person rather than the school ("de school is jarig")?
fn near_birth(doc: &Document<'_>, start: usize, end: usize) -> bool {
    let Some(first) = doc.token_ending_after(start) else { return false };
    let last = doc.token_starting_before(end).unwrap_or(first).max(first);
    let (s, _) = doc.sentence_range(first);
    let (_, e) = doc.sentence_range(last);
    let Some((cue, _)) = doc.cues.find_within(doc, ContextRole::Birth.into(), s, e) else {
        return false;
    };
    let school_birthday = (cue.saturating_sub(3)..cue)
        .any(|t| doc.token(t).ends_with("school") || doc.token(t) == "jubileum")
        || org_within(doc, cue.saturating_sub(ORG_WORDS + 3), cue, |f| f.last < cue && cue - f.last <= 3);
    !school_birthday
}

/// Is the number or address at original byte `start` the school's own: named right after an
/// organisation or a word such as "administratie", or on a line that holds the organisation's
/// name, a school word (OBS, basisschool, lyceum) or a role address (info@): a footer or contact
/// block?
fn school_contact(doc: &Document<'_>, start: usize) -> bool {
    if context_before(doc, start, &[ContextRole::SchoolContact]) || org_before(doc, start) {
        return true;
    }
    // A footer or contact block is a short line: look at most CONTACT_REACH bytes each way, so
    // that a long line with many numbers is not searched whole for each of them (quadratic).
    let (reach_back, reach_on) = (
        crate::line_index::floor_char_boundary(doc.text, start.saturating_sub(CONTACT_REACH)),
        crate::line_index::ceil_char_boundary(doc.text, start + CONTACT_REACH),
    );
    let line_start = doc.text[reach_back..start].rfind('\n').map_or(reach_back, |i| reach_back + i + 1);
    let line_end = doc.text[start..reach_on].find('\n').map_or(reach_on, |i| start + i);
    let line = &doc.text[line_start..line_end];
    let role_address = EMAIL.find_iter(line).any(|m| {
        let local = m.as_str().split('@').next().unwrap_or("").to_lowercase();
        ROLE_MAILBOXES.contains(&local.as_str())
    });
    if role_address {
        return true;
    }
    // The tokens of the line before the number, within its sentence: in a paragraph of prose
    // (one line), "bibliotheek" two sentences back does not make "mijn nummer is …" the school's.
    let last = doc.token_ending_after(start).map_or(doc.token_count(), |t| t).checked_sub(1);
    let sentence_start =
        doc.token_starting_from(start).filter(|&t| t < doc.token_count()).map(|t| doc.sentence_range(t).0);
    let first = doc.token_starting_from(line_start).map(|f| sentence_start.map_or(f, |s| f.max(s)));
    match (first, last) {
        (Some(first), Some(last)) if first <= last => {
            doc.cue_within(ContextRole::SchoolContact, first, last + 1)
                || org_within(doc, first, last + 1, |f| f.last <= last)
        }
        _ => false,
    }
}

/// How far (in bytes) a contact block's line is read around a number or address.
const CONTACT_REACH: usize = 300;

/// The most words an organisation's name is looked for before a cue.
const ORG_WORDS: usize = 12;

/// Does one of the organisation's names start in tokens `from..to` and satisfy `also`?
fn org_within(doc: &Document<'_>, from: usize, to: usize, also: impl Fn(&Found) -> bool) -> bool {
    doc.found_starting_in(from, to).iter().any(|f| matches!(f.target, crate::matcher::Target::Org(_)) && also(f))
}

/// An account in the name of an organisation: "t.n.v. Stichting Ouderraad", "t.n.v. OBS De
/// Regenboog".
fn organisation_account(doc: &Document<'_>, end: usize) -> bool {
    let Some(next) = doc.token_starting_from(end) else { return false };
    let upto = (next + 8).min(doc.token_count());
    doc.cue_within(ContextRole::SchoolContact, next, upto) || org_within(doc, next, upto, |_| true)
}

/// Is there a cue of one of `roles` among the few words before original byte `start`, in the
/// same sentence ("bel de administratie op …", "bestelnummer …")?
fn context_before(doc: &Document<'_>, start: usize, roles: &[ContextRole]) -> bool {
    let i = doc.token_starting_from(start).unwrap_or(doc.token_count());
    let from = i.saturating_sub(6);
    let from = if i > 0 && i <= doc.token_count() {
        from.max(doc.sentence_range(i.min(doc.token_count() - 1)).0)
    } else {
        from
    };
    roles.iter().any(|&role| doc.cue_within(role, from, i))
}

/// Is one of the organisation's names among the few words before original byte `start`?
fn org_before(doc: &Document<'_>, start: usize) -> bool {
    let i = doc.token_starting_from(start).unwrap_or(doc.token_count());
    org_within(doc, i.saturating_sub(ORG_WORDS), i, |f| f.last < i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits(s: &str) -> Vec<u32> {
        s.chars().filter_map(|c| c.to_digit(10)).collect()
    }

    #[test]
    fn bsn_eleven_test() {
        assert!(bsn_valid(&digits("111222333")));
        assert!(!bsn_valid(&digits("111252333")));
        assert!(!bsn_valid(&digits("000000000")));
    }

    #[test]
    fn onderwijsnummer_eleven_test_variant() {
        assert!(onderwijsnummer_valid(&digits("101222331")));
        assert!(!onderwijsnummer_valid(&digits("111222333")));
        assert!(!bsn_valid(&digits("101222331")));
        assert!(!onderwijsnummer_valid(&digits("201222331")));
    }

    #[test]
    fn role_and_group_mailboxes() {
        for role in ["info", "administratie.locatie2", "info-bovenbouw", "groep7b", "klas2a", "unit3"] {
            assert!(role_address(role), "{role}");
        }
        for person in ["mdevries", "m.devries", "petra", "j.jansen84"] {
            assert!(!role_address(person), "{person}");
        }
    }

    #[test]
    fn addresses_with_and_without_postcode() {
        let found = |t: &str| addresses(t).into_iter().map(|(s, e)| t[s..e].to_string()).collect::<Vec<_>>();
        assert_eq!(found("Dorpsstraat 12, 1234 AB Ons Dorp"), ["Dorpsstraat 12, 1234 AB"]);
        assert_eq!(found("Laan van Meerdervoort 50"), ["Laan van Meerdervoort 50"]);
        assert_eq!(found("Kerkstraat 12a"), ["Kerkstraat 12a"]);
        assert_eq!(found("bij ons, Nieuwstr. 45 dus"), ["Nieuwstr. 45"]);
        assert_eq!(found("op Beukenln 17 en"), ["Beukenln 17"]);
        assert_eq!(found("naar Postbus 4021, ter attentie"), ["Postbus 4021"]);
        assert_eq!(found("Vondelstraat 8 bis, boven"), ["Vondelstraat 8 bis"]);
        assert_eq!(found("in 2314XH Leiden"), ["2314XH"]);
        assert_eq!(found("postcode: 2314 XH"), ["2314 XH"]);
        assert_eq!(found("postcode is 3511ab, huisnummer 7"), ["3511ab"]);
        assert_eq!(found("op 2512KX nr 41 dus"), ["2512KX"]);
        for none in [
            "De Nieuwstr. wordt opnieuw bestraat",
            "de bus heeft 2200 PK onder de motorkap",
            "Het model 1800 XS is uitverkocht",
            "op het Marktplein 9.30 uur",
            "Sportpark 3 mei",
            "Sportpark 3 km",
            "de Dorpsstraat is dicht",
            "Stationsplein 2024",
        ] {
            assert!(found(none).is_empty(), "{none}: {:?}", found(none));
        }
    }

    #[test]
    fn iban_mod_97() {
        assert!(iban_valid("NL91ABNA0417164300"));
        assert!(!iban_valid("NL91ABNA0417164301"));
        assert!(iban_valid("BE68539007547034"));
        assert!(!iban_valid("NL91ABNA041716430"));
    }

    #[test]
    fn phone_shapes() {
        for ok in [
            "06-12345678",
            "06 1234 5678",
            "+31 6 12345678",
            "0031612345678",
            "020-1234567",
            "0512 345678",
            "+31 (0)6 12345678",
            "06.12.34.56.78",
            "06-123 456 78",
            "+316 12345678",
            "+32 475 98 76 54",
            "06.52.71.93.04",
            "06–19 84 27 35",
        ] {
            assert_eq!(phone::classify(ok), Some(phone::PhoneKind::Personal), "{ok}");
        }
        // (Service numbers were left out before issue 13; now they are found, as a warning.)
        for service in ["0800-2000", "0900-1234567"] {
            assert_eq!(phone::classify(service), Some(phone::PhoneKind::Service), "{service}");
        }
        for bad in ["12345678", "06-1234567", "+44 20"] {
            assert_eq!(phone::classify(bad), None, "{bad}");
        }
        assert!(is_date_like("12-03-2014 13"));
    }

    #[test]
    fn spelled_addresses() {
        let found = |t: &str| spelled_emails(t).map(|(s, e)| t[s..e].to_string()).collect::<Vec<_>>();
        assert_eq!(found("mail ria at ziggo punt nl graag"), ["ria at ziggo punt nl"]);
        assert_eq!(found("naar fam.kok{at}gmail{dot}com"), ["fam.kok{at}gmail{dot}com"]);
        assert_eq!(found("tom.smit @ hotmail . com"), ["tom.smit @ hotmail . com"]);
        for none in ["we zijn at home, punt uit", "2 @ 3 euro", "at the library punt"] {
            assert!(found(none).is_empty(), "{none}");
        }
    }

    #[test]
    fn postcodes() {
        assert!(postcode_valid("1234 AB"));
        assert!(postcode_valid("1234ab"));
        assert!(!postcode_valid("2024 en"));
        assert!(!postcode_valid("1234 SS"));
        assert!(!postcode_valid("1000 KM"));
    }
}
