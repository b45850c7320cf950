//! Roster headers: which column holds what, by the names Magister, SOMtoday, ParnasSys and ESIS
//! give their fields (see `shared/research/formats.md` §4) and the names people type in Excel.
//!
//! Headers are compared case-insensitively and without spaces, dots and underscores, so
//! `roepNaam`, `Roepnaam`, `roep_naam` and `Roepnaam leerling` are one header.

/// What a roster column holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The first name the pupil goes by (roepnaam).
    First,
    /// One first name, as hand-made lists head it ("Voornaam"): the used name unless a roepnaam
    /// column exists, else an official name.
    GivenName,
    /// The official first names ("Voornamen": "Johannes Petrus"); the first of them counts.
    GivenNames,
    /// Nicknames, several allowed ("Jopie, Joop").
    Nickname,
    Particle,
    OfficialParticle,
    Last,
    /// The official surname where a system keeps it apart from the used one (ParnasSys
    /// `achternaamOfficieel`).
    OfficialLast,
    /// First name and surname in one field.
    FullName,
    Group,
    Id,
    /// Consent for photos and video, for one channel or all.
    Consent,
    /// A field the systems export that postwacht does not need (date of birth, address, …).
    Known,
}

impl Column {
    /// Recognise a header. `None`: not a field postwacht knows.
    pub fn recognise(header: &str) -> Option<Column> {
        let key = key(header);
        if key.is_empty() {
            return None;
        }
        if is_consent(&key) {
            return Some(Column::Consent);
        }
        // "Roepnaam leerling", "leerling_achternaam": the word "leerling" adds nothing.
        let bare = key.strip_prefix("leerling").or_else(|| key.strip_suffix("leerling")).filter(|k| !k.is_empty());
        let bare = bare.unwrap_or(&key);
        Some(match bare {
            "roepnaam" | "roepnaamofficieel" | "firstname" | "givenname" | "gebruiksvoornaam" => Column::First,
            "voornaam" | "vnaam" => Column::GivenName,
            "voornamen" | "officielevoornamen" | "voornamenofficieel" | "volledigevoornamen" => Column::GivenNames,
            "bijnaam" | "bijnamen" | "koosnaam" | "nickname" | "nicknames" | "alias" | "ookbekendals" | "aka" => {
                Column::Nickname
            }
            "tussenvoegsel" | "tussenvoegsels" | "tussenv" | "tv" | "voorvoegsel" | "voorvoegsels" | "prefix" => {
                Column::Particle
            }
            "tussenvoegselofficieel" | "voorvoegselofficieel" | "officieeltussenvoegsel" => Column::OfficialParticle,
            "achternaam" | "familienaam" | "lastname" | "surname" | "gebruiksachternaam" | "achternaamgebruik" => {
                Column::Last
            }
            "achternaamofficieel" | "geslachtsnaam" | "officieleachternaam" | "geboortenaam" => Column::OfficialLast,
            "naam" | "volledigenaam" | "name" | "fullname" | "weergavenaam" | "displayname" => Column::FullName,
            "leerling" => Column::FullName,
            "klas" | "groep" | "stamgroep" | "stamklas" | "jaargroep" | "leerjaar" | "klasnaam" | "groepnaam"
            | "lesgroep" | "lesgroepen" | "basisgroep" | "mentorgroep" | "klassen" | "groepen" | "class" => {
                Column::Group
            }
            "stamnr" | "stamnummer" | "stamnrstr" | "nummer" | "nr" | "llnr" | "key" | "id" | "uuid" => Column::Id,
            _ if is_known(bare) => Column::Known,
            _ => return None,
        })
    }

    /// How `postwacht roster check` names the column's role.
    pub fn dutch(self) -> &'static str {
        match self {
            Column::First => "roepnaam",
            Column::GivenName => "voornaam",
            Column::GivenNames => "officiële voornamen",
            Column::Nickname => "bijnaam",
            Column::Particle => "tussenvoegsel",
            Column::OfficialParticle => "officieel tussenvoegsel",
            Column::Last => "achternaam",
            Column::OfficialLast => "officiële achternaam",
            Column::FullName => "volledige naam",
            Column::Group => "klas of groep",
            Column::Id => "leerlingnummer",
            Column::Consent => "toestemming beeldmateriaal",
            Column::Known => "niet nodig",
        }
    }

    /// Does the column hold (part of) a pupil's name?
    pub fn is_name(self) -> bool {
        matches!(self, Column::First | Column::GivenName | Column::GivenNames | Column::Last | Column::FullName)
    }
}

/// The comparable form of a header: lower case, letters and digits only.
pub fn key(header: &str) -> String {
    header.trim().trim_start_matches('\u{FEFF}').to_lowercase().chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Words in a header that make it a consent column: "Toestemming beeldmateriaal", "Beeldmateriaal
/// social media", "Foto's website", "Portretrecht".
fn is_consent(key: &str) -> bool {
    const ALWAYS: &[&str] = &["toestemming", "beeldmateriaal", "consent", "portretrecht", "beeldgebruik"];
    const MEDIA: &[&str] = &["foto", "beeld", "video", "film"];
    const WHERE: &[&str] =
        &["social", "website", "site", "nieuwsbrief", "schoolgids", "parro", "jaarboek", "media", "internet", "krant"];
    ALWAYS.iter().any(|w| key.contains(w))
        || (MEDIA.iter().any(|w| key.contains(w)) && WHERE.iter().any(|w| key.contains(w)))
}

/// Fields of the administration systems that postwacht does not use: not a problem when present.
fn is_known(key: &str) -> bool {
    const KNOWN: &[&str] = &[
        "geslacht",
        "gender",
        "geboortedatum",
        "gebdatum",
        "gebdatumstr",
        "geboorteplaats",
        "geboorteland",
        "leeftijd",
        "email",
        "emailadres",
        "mail",
        "adres",
        "straat",
        "straatnaam",
        "huisnummer",
        "huisnr",
        "toevoeging",
        "postcode",
        "plaats",
        "woonplaats",
        "plaatswoonplaats",
        "telefoon",
        "telefoonnummer",
        "tel",
        "tel1",
        "tel1geheim",
        "mobiel",
        "mobielnummer",
        "voorletters",
        "initialen",
        "bsn",
        "onderwijsnummer",
        "bsnondwnr",
        "bsnondwnr4",
        "loginaccount",
        "loginaccountnaam",
        "gebruikersnaam",
        "nationaliteit",
        "studie",
        "profiel",
        "profielcode",
        "leerfase",
        "leerfaseleerjaar",
        "mentor",
        "mentoren",
        "school",
        "locatie",
        "vestiging",
        "schooljaar",
        "inschrijfdatum",
        "datuminschrijving",
        "uitschrijfdatum",
        "opmerking",
        "opmerkingen",
        "notitie",
        "notities",
        "deelnameaanonderzoeken",
        "geheimadres",
        "pasfoto",
        "foto",
        "ouder",
        "ouders",
        "verzorger",
        "verzorgers",
    ];
    KNOWN.contains(&key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_of_the_four_systems() {
        for (header, column) in [
            ("Roepnaam", Column::First),
            ("roepNaam", Column::First),
            ("Roepnaam leerling", Column::First),
            ("Voornaam", Column::GivenName),
            ("voornamen", Column::GivenNames),
            ("Bijnaam", Column::Nickname),
            ("Tussenv", Column::Particle),
            ("Tussenv.", Column::Particle),
            ("voorvoegsel", Column::Particle),
            ("tussenvoegselOfficieel", Column::OfficialParticle),
            ("Achternaam", Column::Last),
            ("achternaamOfficieel", Column::OfficialLast),
            ("Volledige_naam", Column::FullName),
            ("Leerling", Column::FullName),
            ("Klas", Column::Group),
            ("jaargroep", Column::Group),
            ("Stamnr", Column::Id),
            ("leerlingNummer", Column::Id),
            ("stamnr_str", Column::Id),
            ("Beeldmateriaal social media", Column::Consent),
            ("Foto's website", Column::Consent),
            ("Toestemming beeldmateriaal", Column::Consent),
            ("geb_datum_str", Column::Known),
            ("BSN", Column::Known),
            ("Pasfoto", Column::Known),
        ] {
            assert_eq!(Column::recognise(header), Some(column), "{header}");
        }
        assert_eq!(Column::recognise("kolom1"), None);
        assert_eq!(Column::recognise(""), None);
    }
}
