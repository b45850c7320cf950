//! What `postwacht fix` may do, as the school chose in `postwacht.toml` (`[fix]`) and the
//! command line (`--unsafe-fixes`).

use crate::protocol::Protocol;

/// What a pupil's name becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameChoice {
    /// "een leerling" (and "een ouder" for "de moeder van Noor"): no name at all.
    Pupil,
    /// The first letter of the first name: "N.".
    Initial,
    /// The first name only ("Noor" for "Noor Bakker"); first names are left as they are. Not
    /// where SGH applies: it forbids every pupil name.
    FirstName,
}

impl NameChoice {
    pub const NAMES: [&'static str; 3] = ["een-leerling", "initial", "first-name"];

    pub fn parse(name: &str) -> Option<NameChoice> {
        match name {
            "een-leerling" => Some(NameChoice::Pupil),
            "initial" => Some(NameChoice::Initial),
            "first-name" => Some(NameChoice::FirstName),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            NameChoice::Pupil => "een-leerling",
            NameChoice::Initial => "initial",
            NameChoice::FirstName => "first-name",
        }
    }

    /// The strictest rule of the selected protocols: SGH forbids pupil names outright (3.2,
    /// 6.4), so with SGH a name becomes "een leerling"; the others treat a name as personal data
    /// to keep to a minimum, so an initial.
    pub fn strictest(protocols: &[Protocol]) -> NameChoice {
        if protocols.contains(&Protocol::Sgh) { NameChoice::Pupil } else { NameChoice::Initial }
    }

    /// Is this choice allowed under `protocols`? First names are not where SGH applies.
    pub fn allowed(self, protocols: &[Protocol]) -> bool {
        self != NameChoice::FirstName || !protocols.contains(&Protocol::Sgh)
    }
}

/// What personal data becomes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum DataChoice {
    /// The rule's placeholder: `[telefoonnummer]`, so the writer sees where something was.
    #[default]
    Placeholder,
    /// Nothing: the passage is taken out.
    Remove,
}

impl DataChoice {
    pub const NAMES: [&'static str; 2] = ["placeholder", "remove"];

    pub fn parse(name: &str) -> Option<DataChoice> {
        match name {
            "placeholder" => Some(DataChoice::Placeholder),
            "remove" => Some(DataChoice::Remove),
            _ => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            DataChoice::Placeholder => "placeholder",
            DataChoice::Remove => "remove",
        }
    }
}

/// Everything a fix run may do.
#[derive(Clone, Debug)]
pub struct Policy {
    pub pupil_name: NameChoice,
    pub personal_data: DataChoice,
    /// The sentence a post without disclaimer gets, in Dutch and in English; `None`: made from
    /// the first organisation name (`Ik werk bij … en schrijf dit op persoonlijke titel.`).
    pub disclaimer: Option<String>,
    pub disclaimer_english: Option<String>,
    /// The organisation's name, for the default sentence.
    pub org: Option<String>,
    /// Also apply fixes that change what the text says (dropping a sentence with confidential
    /// information) or that act on a guess (a name with a typo).
    pub unsafe_fixes: bool,
}

impl Policy {
    /// The disclaimer sentence for a post in English or in Dutch, if there is one to give.
    pub fn disclaimer_for(&self, english: bool) -> Option<String> {
        let configured = if english { &self.disclaimer_english } else { &self.disclaimer };
        if let Some(sentence) = configured {
            return Some(sentence.clone());
        }
        let org = self.org.as_deref()?;
        Some(if english {
            format!("I work at {org}; all opinions are my own.")
        } else {
            format!("Ik werk bij {org} en schrijf dit op persoonlijke titel.")
        })
    }
}

/// Is `text` (the published text of a post) in English rather than Dutch? Counted by words only
/// one of the two languages uses often.
pub fn is_english(text: &str) -> bool {
    const ENGLISH: &[&str] = &[
        "the", "and", "our", "with", "for", "to", "of", "you", "this", "my", "at", "are", "was", "were", "today",
        "we're", "what", "great", "all", "students", "school's", "proud", "thanks",
    ];
    const DUTCH: &[&str] = &[
        "de",
        "het",
        "een",
        "en",
        "van",
        "onze",
        "met",
        "voor",
        "op",
        "je",
        "dit",
        "mijn",
        "bij",
        "niet",
        "wat",
        "zijn",
        "vandaag",
        "wij",
        "ook",
        "trots",
        "leerlingen",
        "naar",
        "aan",
        "er",
    ];
    let (mut english, mut dutch) = (0, 0);
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()) {
        let word = word.to_lowercase();
        english += usize::from(ENGLISH.contains(&word.as_str()));
        dutch += usize::from(DUTCH.contains(&word.as_str()));
    }
    english > dutch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_strictest_rule_follows_the_protocols() {
        assert_eq!(NameChoice::strictest(&Protocol::ALL), NameChoice::Pupil);
        assert_eq!(NameChoice::strictest(&[Protocol::Initia, Protocol::Oog]), NameChoice::Initial);
        assert!(!NameChoice::FirstName.allowed(&[Protocol::Sgh]));
        assert!(NameChoice::FirstName.allowed(&[Protocol::Amadeus]));
    }

    #[test]
    fn the_language_of_a_post() {
        assert!(is_english("So proud of our students at the science fair today!"));
        assert!(!is_english("Wat ben ik trots op mijn leerlingen van groep 7 vandaag!"));
        assert!(!is_english("Sportdag!"), "no evidence: Dutch");
    }
}
