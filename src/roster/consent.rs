//! Consent for photos and video: reading the values, and choosing the column that applies.
//!
//! Schools record consent per medium ("Beeldmateriaal social media", "Beeldmateriaal website",
//! "Beeldmateriaal nieuwsbrief"; the categories are set per school). Which column applies follows
//! where the post appears ([`Medium`]), or the column the user names (`--consent-column`). When a
//! medium matches several columns, consent must be given in all of them; when it matches none, a
//! single general column ("Toestemming beeldmateriaal") applies; otherwise consent is unknown. A
//! missing value means no consent.

use std::borrow::Cow;

use super::columns::key;
use super::{Consent, Roster, RosterError};
use crate::scan::Channel;

/// Where a post appears, as far as consent for photos goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Medium {
    SocialMedia,
    Website,
    Newsletter,
}

impl Medium {
    pub const ALL: [Medium; 3] = [Medium::SocialMedia, Medium::Website, Medium::Newsletter];

    /// Words in a consent header that name this medium.
    fn keywords(self) -> &'static [&'static str] {
        match self {
            Medium::SocialMedia => {
                &["social", "sociale", "facebook", "instagram", "twitter", "linkedin", "tiktok", "youtube", "x"]
            }
            Medium::Website => &["website", "site", "internet", "web"],
            Medium::Newsletter => &["nieuwsbrief", "newsletter", "parro", "schoolapp", "ouderapp"],
        }
    }

    /// The medium a channel publishes on.
    pub fn of(channel: Channel) -> Medium {
        match channel {
            Channel::Personal | Channel::School => Medium::SocialMedia,
            Channel::Website => Medium::Website,
            Channel::Newsletter => Medium::Newsletter,
        }
    }

    pub fn dutch(self) -> &'static str {
        match self {
            Medium::SocialMedia => "sociale media",
            Medium::Website => "website",
            Medium::Newsletter => "nieuwsbrief",
        }
    }

    /// Does a consent header name this medium? Words are compared whole ("x" is X, not in "extra").
    fn named_in(self, header: &str) -> bool {
        let lower = header.to_lowercase();
        let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        self.keywords().iter().any(|k| words.iter().any(|w| w == k || (k.len() >= 4 && w.starts_with(k))))
    }
}

/// Which consent column applies.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ConsentChoice {
    /// The column for this medium.
    Medium(Medium),
    /// The column with this header (`--consent-column`).
    Column(String),
}

/// Read a consent value: ja/nee/true/false/1/0/x; empty means no consent. `None`: not a value
/// postwacht knows.
pub fn parse_consent(value: &str) -> Option<Consent> {
    let value = value.trim();
    // A roster has a value per pupil and column: a short ASCII one is lower-cased on the stack.
    let mut buffer = [0u8; 32];
    let lower = match buffer.get_mut(..value.len()) {
        Some(lower) if value.is_ascii() => {
            lower.copy_from_slice(value.as_bytes());
            lower.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(lower).unwrap_or_default())
        }
        _ => Cow::Owned(value.to_lowercase()),
    };
    let value = lower.trim_end_matches(['.', '!']);
    match value {
        "ja"
        | "j"
        | "yes"
        | "y"
        | "true"
        | "waar"
        | "1"
        | "x"
        | "✓"
        | "✔"
        | "☑"
        | "wel"
        | "akkoord"
        | "toestemming"
        | "ja, toestemming"
        | "toestemming gegeven"
        | "geen bezwaar"
        | "mag"
        | "mag wel"
        | "ok" => Some(Consent::Yes),
        "nee" | "n" | "no" | "false" | "onwaar" | "0" | "" | "-" | "geen" | "niet" | "geen toestemming" | "bezwaar"
        | "niet akkoord" | "mag niet" | "✗" | "✘" | "☐" | "nvt" | "n.v.t" | "onbekend" | "?" => Some(Consent::No),
        _ => None,
    }
}

/// The consent columns of one roster file that `choice` selects; `None` when it selects none.
pub fn columns_for(headers: &[String], choice: &ConsentChoice) -> Option<Vec<usize>> {
    let picked: Vec<usize> = match choice {
        ConsentChoice::Column(name) => {
            let wanted = key(name);
            let exact: Vec<usize> = (0..headers.len()).filter(|&i| key(&headers[i]) == wanted).collect();
            if exact.is_empty() {
                (0..headers.len()).filter(|&i| key(&headers[i]).contains(&wanted)).collect()
            } else {
                exact
            }
        }
        ConsentChoice::Medium(medium) => {
            let named: Vec<usize> = (0..headers.len()).filter(|&i| medium.named_in(&headers[i])).collect();
            if named.is_empty() {
                // A general column names no medium at all ("Toestemming beeldmateriaal").
                const OTHER_MEDIA: &[&str] =
                    &["schoolgids", "jaarboek", "krant", "pers", "onderzoek", "intern", "schoolfoto", "klassenfoto"];
                let general: Vec<usize> = (0..headers.len())
                    .filter(|&i| {
                        !Medium::ALL.iter().any(|m| m.named_in(&headers[i]))
                            && !OTHER_MEDIA.iter().any(|w| key(&headers[i]).contains(w))
                    })
                    .collect();
                if general.len() == 1 { general } else { Vec::new() }
            } else {
                named
            }
        }
    };
    (!picked.is_empty()).then_some(picked)
}

impl Roster {
    /// Set every pupil's consent from the column(s) that `choice` selects. A named column that no
    /// roster file has is an error; a medium without a column leaves consent unknown.
    pub fn choose_consent(&mut self, choice: &ConsentChoice) -> Result<(), RosterError> {
        let picks: Vec<Option<Vec<usize>>> =
            self.files.iter().map(|f| columns_for(&f.consent_columns, choice)).collect();
        if let ConsentChoice::Column(name) = choice
            && picks.iter().all(Option::is_none)
        {
            let all: Vec<&str> = self.files.iter().flat_map(|f| f.consent_columns.iter().map(String::as_str)).collect();
            let file = self.files.iter().map(|f| f.name.as_str()).collect::<Vec<_>>().join(", ");
            let known = if all.is_empty() {
                "de lijst heeft geen kolom met toestemming".to_string()
            } else {
                format!("kolommen met toestemming: {}", all.join(", "))
            };
            return Err(RosterError {
                file,
                line: None,
                message: format!("geen toestemmingskolom '{name}' gevonden ({known})"),
            });
        }
        for pupil in &mut self.pupils {
            pupil.consent = match &picks[pupil.file as usize] {
                None => Consent::Unknown,
                Some(columns) => {
                    combine(columns.iter().map(|&c| pupil.consents.get(c).copied().unwrap_or(Consent::No)))
                }
            };
        }
        Ok(())
    }
}

impl Roster {
    /// The roster files that have consent columns but none that `choice` selects (their pupils'
    /// consent is unknown), for a note to the user.
    pub fn files_without_consent_for(&self, choice: &ConsentChoice) -> Vec<&str> {
        self.files
            .iter()
            .filter(|f| !f.consent_columns.is_empty() && columns_for(&f.consent_columns, choice).is_none())
            .map(|f| f.name.as_str())
            .collect()
    }
}

/// Consent in every selected column is consent; a no anywhere is no.
fn combine(values: impl Iterator<Item = Consent>) -> Consent {
    let mut result = Consent::Yes;
    for value in values {
        match value {
            Consent::No => return Consent::No,
            Consent::Unknown => result = Consent::Unknown,
            Consent::Yes => {}
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn values() {
        for yes in ["Ja", "JA", "true", "WAAR", "1", "x", "X", "✓", "geen bezwaar"] {
            assert_eq!(parse_consent(yes), Some(Consent::Yes), "{yes}");
        }
        for no in ["Nee", "false", "ONWAAR", "0", "", "  ", "-", "bezwaar", "GEEN TOESTEMMING!", "niet akkoord."] {
            assert_eq!(parse_consent(no), Some(Consent::No), "{no}");
        }
        assert_eq!(parse_consent("misschien"), None);
        assert_eq!(parse_consent("toestemming gegeven voor alles behalve de krant"), None);
        assert_eq!(parse_consent("TOESTEMMİNG"), None);
    }

    #[test]
    fn the_column_follows_the_medium() {
        let h = headers(&["Beeldmateriaal social media", "Beeldmateriaal website", "Beeldmateriaal nieuwsbrief"]);
        assert_eq!(columns_for(&h, &ConsentChoice::Medium(Medium::SocialMedia)), Some(vec![0]));
        assert_eq!(columns_for(&h, &ConsentChoice::Medium(Medium::Website)), Some(vec![1]));
        assert_eq!(columns_for(&h, &ConsentChoice::Medium(Medium::Newsletter)), Some(vec![2]));
        assert_eq!(columns_for(&h, &ConsentChoice::Column("beeldmateriaal WEBSITE".into())), Some(vec![1]));
        assert_eq!(columns_for(&h, &ConsentChoice::Column("jaarboek".into())), None);
        let general = headers(&["Toestemming beeldmateriaal"]);
        assert_eq!(columns_for(&general, &ConsentChoice::Medium(Medium::Website)), Some(vec![0]));
        let other = headers(&["Beeldmateriaal schoolgids", "Beeldmateriaal website"]);
        assert_eq!(columns_for(&other, &ConsentChoice::Medium(Medium::SocialMedia)), None);
        let none = headers(&["Beeldmateriaal website"]);
        assert_eq!(columns_for(&none, &ConsentChoice::Medium(Medium::SocialMedia)), None);
    }

    #[test]
    fn every_selected_column_must_agree() {
        assert_eq!(combine([Consent::Yes, Consent::Yes].into_iter()), Consent::Yes);
        assert_eq!(combine([Consent::Yes, Consent::No].into_iter()), Consent::No);
        assert_eq!(combine([Consent::Unknown, Consent::Yes].into_iter()), Consent::Unknown);
    }
}
