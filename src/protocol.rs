//! The five school protocols postwacht cites, and a short Dutch summary of each article it cites.
//!
//! The summaries are our own words (the protocols' sentences are not copied); the article numbers
//! follow each document's own numbering, and name the section where a document has none. Which
//! rule breaks which article lives in [`crate::rules`].

use serde::Serialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Protocol {
    Sgh,
    Initia,
    Amadeus,
    Oog,
    Compass,
}

impl Protocol {
    pub const ALL: [Protocol; 5] =
        [Protocol::Sgh, Protocol::Initia, Protocol::Amadeus, Protocol::Oog, Protocol::Compass];

    pub fn id(self) -> &'static str {
        match self {
            Protocol::Sgh => "sgh",
            Protocol::Initia => "initia",
            Protocol::Amadeus => "amadeus",
            Protocol::Oog => "oog",
            Protocol::Compass => "compass",
        }
    }

    pub fn parse(id: &str) -> Option<Protocol> {
        Protocol::ALL.into_iter().find(|p| p.id() == id)
    }

    /// The name people know the protocol by.
    pub fn title(self) -> &'static str {
        match self {
            Protocol::Sgh => "SGH",
            Protocol::Initia => "Initia",
            Protocol::Amadeus => "Amadeus",
            Protocol::Oog => "OOG",
            Protocol::Compass => "Compass",
        }
    }

    pub fn document(self) -> &'static str {
        match self {
            Protocol::Sgh => "Protocol Social Media, ScholenGroepHolland (2018)",
            Protocol::Initia => "Protocol sociale media, Stichting Initia",
            Protocol::Amadeus => "Social media protocol, Amadeus Lyceum (april 2024)",
            Protocol::Oog => "Richtlijnen Social Media, Openbaar Onderwijs Groningen",
            Protocol::Compass => "Protocol sociale media, Compass",
        }
    }
}

/// One article of one protocol, as it appears in a finding.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Guideline {
    pub protocol: Protocol,
    pub article: &'static str,
    pub summary: &'static str,
}

/// Every article postwacht cites, with its summary. A test checks that each article named in the
/// rule table is here and that each one here is used.
pub const ARTICLES: &[(Protocol, &str, &str)] = &[
    // ScholenGroepHolland
    (
        Protocol::Sgh,
        "3.1",
        "Beeld- en geluidsopnamen van schoolsituaties alleen online met schriftelijke toestemming van de ouders.",
    ),
    (Protocol::Sgh, "3.2", "Geen namen van leerlingen en geen andere vertrouwelijke informatie op sociale media."),
    (Protocol::Sgh, "3.3", "Houd je aan de fatsoensnormen: niet pesten, kwetsen, stalken, bedreigen of zwartmaken."),
    (
        Protocol::Sgh,
        "4.1",
        "Kennis over SGH delen mag, maar zonder vertrouwelijke of persoonlijke informatie over leerlingen, ouders of collega's.",
    ),
    (
        Protocol::Sgh,
        "4.4",
        "Meepraten over SGH mag, zonder vertrouwelijke of persoonsgebonden informatie en zonder de naam van SGH te schaden.",
    ),
    (
        Protocol::Sgh,
        "4.5",
        "Een privémening van een medewerker wordt makkelijk gezien als het standpunt van de school.",
    ),
    (Protocol::Sgh, "4.6", "Praat je op je eigen kanaal mee over SGH, vermeld dan dat je medewerker van SGH bent."),
    (
        Protocol::Sgh,
        "6.3",
        "Op de schoolpagina alleen beeldmateriaal van leerlingen met uitdrukkelijke toestemming van de ouders.",
    ),
    (
        Protocol::Sgh,
        "6.4",
        "Op de kanalen van de school komen geen namen van kinderen en geen vertrouwelijke informatie.",
    ),
    (
        Protocol::Sgh,
        "6.5",
        "Reacties onder berichten dagelijks nakijken en ongepaste reacties binnen een werkdag verwijderen.",
    ),
    (Protocol::Sgh, "6.8", "Leerlingen komen alleen op de foto met schriftelijke toestemming van hun ouders."),
    // Stichting Initia
    (
        Protocol::Initia,
        "A.2",
        "Informatie over de school delen mag, maar geen persoonsgegevens; ook een naam is een persoonsgegeven (voetnoot 1, AVG).",
    ),
    (
        Protocol::Initia,
        "A.5",
        "Beeld- en geluidsopnamen van schoolsituaties alleen met aantoonbare schriftelijke toestemming.",
    ),
    (
        Protocol::Initia,
        "A.7",
        "Houd je aan de fatsoensnormen: niet pesten, kwetsen, stalken, bedreigen of radicaliseren.",
    ),
    (
        Protocol::Initia,
        "B.2",
        "Praat je mee over de school, vermeld dan dat je er medewerker bent en in welke functie.",
    ),
    (
        Protocol::Initia,
        "C",
        "Schrijf je privé over de school, vermeld dan dat je er werkt en dat het je persoonlijke mening is (op persoonlijke titel).",
    ),
    (
        Protocol::Initia,
        "C.1",
        "Privé over werk schrijven mag, zonder persoonsgebonden informatie over leerlingen, ouders of collega's.",
    ),
    // Amadeus Lyceum
    (
        Protocol::Amadeus,
        "A.1",
        "Geen beeld of geluid van schoolsituaties en geen privacygevoelige gegevens delen zonder uitdrukkelijke toestemming.",
    ),
    (
        Protocol::Amadeus,
        "A.1 (tweede)",
        "Informatie over school delen mag, maar geen vertrouwelijke of persoonlijke informatie.",
    ),
    (
        Protocol::Amadeus,
        "A.4",
        "Niet pesten, kwetsen, bedreigen of uitschelden; geen pornografische, racistische, discriminerende of beledigende berichten.",
    ),
    (
        Protocol::Amadeus,
        "B.2",
        "Toestemming voor beeldmateriaal loopt via de toestemmingsmodule in Magister; een leerling mag per activiteit nee zeggen.",
    ),
    (
        Protocol::Amadeus,
        "C.2",
        "Bij schoolactiviteiten geen beeld- of geluidsopnamen publiceren zonder toestemming van leerling of ouders.",
    ),
    (
        Protocol::Amadeus,
        "Communicatie 2",
        "Over school publiceren mag, zolang je geen informatie verspreidt over anderen zonder hun toestemming.",
    ),
    (
        Protocol::Amadeus,
        "D.3",
        "Praat je mee over het Amadeus Lyceum, vermeld dan dat je er werkt en dat je op persoonlijke titel spreekt.",
    ),
    (
        Protocol::Amadeus,
        "D.6",
        "Over werk publiceren mag, zonder vertrouwelijke of persoonsgebonden informatie over school, leerlingen of collega's.",
    ),
    (
        Protocol::Amadeus,
        "D.7",
        "Geen werkfoto's of -filmpjes met leerlingen of collega's zonder toestemming van wie erop staat.",
    ),
    (Protocol::Amadeus, "D.9", "Leidinggevenden worden altijd gezien als de school, ook met een privémening."),
    // Openbaar Onderwijs Groningen
    (
        Protocol::Oog,
        "Regels",
        "Deel alleen informatie die niet vertrouwelijk is; leidinggevenden vertegenwoordigen altijd de school (bij twijfel niet publiceren).",
    ),
    (
        Protocol::Oog,
        "Bedenk dat",
        "Laster, beledigingen, discriminatie en obsceniteit horen er niet bij; respecteer de privacy en het portretrecht van anderen.",
    ),
    // Compass
    (
        Protocol::Compass,
        "Aanwijzing 4",
        "Communiceer over Compass nooit negatief, niet over de school en niet namens de school.",
    ),
    (
        Protocol::Compass,
        "Aanwijzing 6",
        "Verspreid geen informatie over anderen (ook geen locatie) zonder hun toestemming.",
    ),
];

/// The summary of one article, if postwacht knows it.
pub fn article_summary(protocol: Protocol, article: &str) -> Option<&'static str> {
    ARTICLES.iter().find(|(p, a, _)| *p == protocol && *a == article).map(|(_, _, s)| *s)
}
