//! The rule table: every rule postwacht has, in one place.
//!
//! A rule has a stable code (`PW101`), a category, a default severity, its Dutch texts (a summary
//! for `postwacht rules`, a message saying what is wrong, advice saying what to do instead, and a
//! longer explanation for `postwacht explain`) and the articles it breaks in each protocol. Codes
//! appear nowhere else in the source: detectors refer to rules through the constants below.
//! `tests` at the bottom keep the table sorted, unique and complete.

use crate::finding::{Category, Severity};
use crate::protocol::Protocol::{self, Amadeus, Compass, Initia, Oog, Sgh};
use crate::protocol::{Guideline, article_summary};

pub type Articles = &'static [(Protocol, &'static [&'static str])];

#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub category: Category,
    pub severity: Severity,
    /// One line, Dutch: what the rule reports.
    pub summary: &'static str,
    /// Dutch, kind: what is wrong with this passage. Never contains matched text.
    pub message: &'static str,
    /// Dutch: what to do instead.
    pub advice: &'static str,
    /// Dutch: the longer story for `postwacht explain`.
    pub explanation: &'static str,
    pub articles: Articles,
    /// Replaces the matched text under `--redact`.
    pub placeholder: &'static str,
    /// Report only when a selected protocol cites this rule (the disclaimer rules: what a post must
    /// say differs per protocol). Other rules are reported under any protocol.
    pub only_when_cited: bool,
}

const PUPIL_NAME: Articles = &[
    (Sgh, &["3.2", "6.4"]),
    (Initia, &["A.2", "C.1"]),
    (Amadeus, &["A.1", "D.6", "Communicatie 2"]),
    (Oog, &["Bedenk dat"]),
    (Compass, &["Aanwijzing 6"]),
];
const PERSONAL_DATA: Articles = &[
    (Sgh, &["4.1", "4.4"]),
    (Initia, &["A.2"]),
    (Amadeus, &["A.1", "D.6"]),
    (Oog, &["Bedenk dat"]),
    (Compass, &["Aanwijzing 6"]),
];
const CONFIDENTIAL: Articles =
    &[(Sgh, &["3.2", "4.1", "4.4"]), (Initia, &["C.1"]), (Amadeus, &["A.1 (tweede)", "D.6"]), (Oog, &["Regels"])];
const INSULT: Articles =
    &[(Sgh, &["3.3"]), (Initia, &["A.7"]), (Amadeus, &["A.4"]), (Oog, &["Bedenk dat"]), (Compass, &["Aanwijzing 4"])];
const THREAT: Articles = &[(Sgh, &["3.3"]), (Initia, &["A.7"]), (Amadeus, &["A.4"]), (Compass, &["Aanwijzing 4"])];
const OBSCENE: Articles = &[(Sgh, &["3.3"]), (Initia, &["A.7"]), (Amadeus, &["A.4"]), (Oog, &["Bedenk dat"])];
const WORKS_THERE: Articles = &[(Sgh, &["4.5", "4.6"]), (Initia, &["B.2", "C"]), (Amadeus, &["D.3"])];
const PERSONAL_TITLE: Articles = &[(Initia, &["C"]), (Amadeus, &["D.3"])];
const LEADER: Articles = &[(Amadeus, &["D.9"]), (Oog, &["Regels"])];
const MEDIA: Articles = &[
    (Sgh, &["3.1", "6.3", "6.8"]),
    (Initia, &["A.5"]),
    (Amadeus, &["A.1", "B.2", "C.2", "D.7"]),
    (Oog, &["Bedenk dat"]),
];

const NAME_ADVICE: &str =
    "Laat de naam weg of schrijf iets als \"een leerling uit onze groep\". Ook met toestemming noemt SGH geen namen.";
const DATA_ADVICE: &str =
    "Haal dit gegeven weg. Wil je contact mogelijk maken, verwijs dan naar het algemene adres of nummer van de school.";
const CONFIDENTIAL_ADVICE: &str = "Haal dit weg: het hoort in het leerling- of personeelsdossier, niet op sociale media. Twijfel je, overleg dan met je leidinggevende.";
const ABUSE_ADVICE: &str = "Verwijder deze tekst (of deze reactie). Is het een reactie op de schoolpagina, haal hem dan binnen een werkdag weg (SGH 6.5).";

macro_rules! rule {
    ($name:ident, $code:literal, $kebab:literal, $cat:ident, $sev:ident, $arts:expr, $ph:literal,
     summary: $summary:literal, message: $message:literal, advice: $advice:expr, explanation: $expl:literal $(, only_when_cited: $owc:literal)?) => {
        pub static $name: Rule = Rule {
            code: $code,
            name: $kebab,
            category: Category::$cat,
            severity: Severity::$sev,
            summary: $summary,
            message: $message,
            advice: $advice,
            explanation: $expl,
            articles: $arts,
            placeholder: $ph,
            only_when_cited: false $(|| $owc)?,
        };
    };
}

// --- pupil-name ---------------------------------------------------------------------------

rule!(PUPIL_FULL_NAME, "PW101", "pupil-full-name", PupilName, Error, PUPIL_NAME, "[leerlingnaam]",
    summary: "Voor- en achternaam van een leerling van de leerlingenlijst.",
    message: "Hier staat de volledige naam van een leerling.",
    advice: NAME_ADVICE,
    explanation: "Vindt voor- en achternaam (met of zonder tussenvoegsel, in elke hoofdletterstand, met of zonder accenten) van een leerling op de leerlingenlijst (--roster).\n\nWaarom: een naam is een persoonsgegeven. SGH verbiedt namen van leerlingen op elk kanaal, ook met toestemming; de andere protocollen vragen toestemming en terughoudendheid.\n\nVoorbeeld: \"Gefeliciteerd Noor Bakker met je zwemdiploma!\"");

rule!(PUPIL_FIRST_NAME, "PW102", "pupil-first-name", PupilName, Error, PUPIL_NAME, "[leerlingnaam]",
    summary: "Voornaam van een leerling, ook als bezitsvorm (Daans, Noor's) of met voorletter (Roos H.).",
    message: "Hier staat de voornaam van een leerling.",
    advice: NAME_ADVICE,
    explanation: "Vindt de roepnaam van een leerling op de leerlingenlijst, ook in de bezitsvorm (Daans, Noor's) en met de voorletter van de achternaam (Roos H.). Een voornaam die ook een gewoon woord is (Roos, Storm, Bas) telt alleen als hij als naam gebruikt wordt; zie PW105. In de bezitsvorm (\"Jade's tas\", \"Storms fiets\") is zo'n woord zeker een naam: dan is het deze fout. Staat er een andere achternaam achter (\"Daan Roodenburg\"), dan is het waarschijnlijk iemand anders en meldt postwacht alleen een tip.\n\nWaarom: in een klas, op een schoolpagina of in een oudergroep is een voornaam genoeg om een kind te herkennen.\n\nVoorbeeld: \"Daan heeft vandaag de voorleeswedstrijd gewonnen.\"");

rule!(PUPIL_SURNAME, "PW103", "pupil-surname", PupilName, Error, PUPIL_NAME, "[leerlingnaam]",
    summary: "Achternaam van een leerling (met tussenvoegsel).",
    message: "Hier staat de achternaam van een leerling.",
    advice: NAME_ADVICE,
    explanation: "Vindt de achternaam van een leerling, met tussenvoegsel als die er een heeft (\"De Vries\", \"van den Berg\"). Staat er een andere voornaam voor (\"Hugo de Vries\"), dan gaat het meestal om iemand anders; postwacht meldt dat als tip, want het kan ook familie van de leerling zijn. Staat er een voornaam van de leerling voor met één letter verschil (\"Dan Smits\", \"Mohamed el Idrissi\"), dan is het de volledige naam (PW101). Hoort de achternaam bij een bedrijf, club, straat of prijs (\"Visser Bouw B.V.\", \"de Kees Bakker-zaal\"), dan telt hij niet.\n\nWaarom: ook een achternaam maakt een leerling herkenbaar, zeker in een kleine schoolgemeenschap.\n\nVoorbeeld: \"De Vries scoorde twee keer.\"");

rule!(PUPIL_HANDLE, "PW104", "pupil-handle", PupilName, Error, PUPIL_NAME, "[leerlingnaam]",
    summary: "@-vermelding of #hashtag die de naam van een leerling spelt.",
    message: "Deze @-vermelding of #hashtag spelt de naam van een leerling.",
    advice: "Tag geen leerlingen en gebruik geen hashtags met hun naam.",
    explanation: "Vindt @-vermeldingen en #hashtags die de naam van een leerling vormen, los van hoofdletters, punten en liggende streepjes: @daandevries, @daan_de_vries, #LotteVanDenBerg.\n\nWaarom: een tag koppelt het bericht aan het account van het kind en maakt het vindbaar.\n\nVoorbeeld: \"Wat een doelpunt van @daandevries!\"");

rule!(PUPIL_NAME_WORD, "PW105", "pupil-name-also-word", PupilName, Warning, PUPIL_NAME, "[leerlingnaam]",
    summary: "Een naam die ook een gewoon woord is (Roos, Storm, Bas), gebruikt als naam.",
    message: "Dit lijkt de naam van een leerling; het is ook een gewoon woord, dus kijk even na of een leerling bedoeld is.",
    advice: NAME_ADVICE,
    explanation: "Veel namen zijn ook woorden: Roos, Storm, Bas, Jade, Fleur, Merel, Ben; Kok, Prins, Visser, de Boer. Zo'n woord telt pas als het als naam gebruikt wordt: met een hoofdletter midden in de zin, zonder lidwoord ervoor, aangesproken, of aan het begin van de zin met een werkwoord erna (\"Visser werkte\"). De melding zegt waarom het woord als naam gelezen is. Omdat dat minder zeker is dan een gewone naam, is dit een waarschuwing; in de bezitsvorm is het een fout (PW102). In een naam van een bedrijf, club, straat of prijs (\"Visser Bouw B.V.\") en in een kop in hoofdletters (\"STORM OP KOMST\") telt het niet.\n\nVoorbeeld: \"Gisteren won Roos de voorleeswedstrijd\" (wel), \"de roos in de tuin\" (niet).");

rule!(PUPIL_NAME_TYPO, "PW106", "pupil-name-misspelt", PupilName, Warning, PUPIL_NAME, "[leerlingnaam]",
    summary: "Naam van een leerling met één tikfout (Dijkstar, Vermeulne).",
    message: "Dit lijkt de naam van een leerling, met een tikfout; kijk even na of een leerling bedoeld is.",
    advice: NAME_ADVICE,
    explanation: "Vindt voornamen en achternamen van zes letters of meer van de leerlingenlijst, geschreven met één fout: een letter te veel, te weinig of verkeerd, of twee letters omgewisseld. Een woord dat zelf een gewoon woord of een bekende voornaam is, telt niet. Staat de andere naam van de leerling ernaast (\"Ben Dijkstar\"), dan is het een volledige naam (PW101).\n\nWaarom: een tikfout maakt een naam niet onherkenbaar.\n\nVoorbeeld: \"Wat een goal van Dijkstar!\"");

rule!(PUPIL_VIA_RELATIVE, "PW107", "pupil-via-relative", PupilName, Error, PUPIL_NAME, "[leerlingnaam]",
    summary: "Leerling genoemd via een ouder of familielid (de moeder van Noor, Daans vader).",
    message: "Hier wordt een leerling genoemd via een ouder of familielid; zo zijn twee mensen herkenbaar.",
    advice: "Noem geen leerling en geen ouder. Schrijf bijvoorbeeld \"een ouder\" of \"een van de hulpouders\".",
    explanation: "Vindt een leerling van de leerlingenlijst die genoemd wordt via een familielid: \"de moeder van Noor\", \"de opa van Storm\", \"Daans vader\", \"Noor's zusje\". Ook een naam die een gewoon woord is telt hier, als hij met een hoofdletter geschreven is: \"de vader van Storm\" gaat over een kind.\n\nWaarom: zo'n zinsdeel maakt zowel de leerling als de ouder herkenbaar.\n\nVoorbeeld: \"De moeder van Noor heeft de taarten gebakken.\"");

// --- personal-data ------------------------------------------------------------------------

rule!(EMAIL_ADDRESS, "PW201", "email-address", PersonalData, Error, PERSONAL_DATA, "[e-mailadres]",
    summary: "Persoonlijk e-mailadres.",
    message: "Hier staat een e-mailadres.",
    advice: DATA_ADVICE,
    explanation: "Vindt e-mailadressen, ook verhuld geschreven (\"naam [at] school [punt] nl\", \"naam(at)school.nl\", \"naam at ziggo punt nl\"). Algemene adressen van de school zelf (info@, administratie@, … op het domein van de organisatie) zijn geen persoonsgegeven; die meldt postwacht hooguit als tip.\n\nWaarom: een persoonlijk e-mailadres is een persoonsgegeven (AVG) en trekt spam en ongewenst contact aan.\n\nVoorbeeld: \"Mail de moeder van Daan: petra.devries@gmail.com\"");

rule!(PHONE_NUMBER, "PW202", "phone-number", PersonalData, Error, PERSONAL_DATA, "[telefoonnummer]",
    summary: "Nederlands telefoonnummer (06, vaste nummers, 085/088, +31, 0031; servicenummers als waarschuwing).",
    message: "Hier staat een telefoonnummer.",
    advice: DATA_ADVICE,
    explanation: "Vindt Nederlandse telefoonnummers zoals het nummerplan ze toestaat: mobiel (06, tien cijfers), vast (netnummer, tien cijfers), plaatsonafhankelijk (084, 085, 087, 088, tien cijfers), ook met +31 of 0031, met of zonder spaties, streepjes, punten of een schuine streep, en met het netnummer tussen haakjes (\"(020) 123 45 67\"). Servicenummers (0800, 0900, 0906, 0909 met vier of zeven cijfers) zijn bijna altijd van een organisatie: die zijn een waarschuwing. Het algemene nummer van de school, als zodanig aangekondigd (\"bel de school op …\"), telt niet.\n\nWaarom: een telefoonnummer is een persoonsgegeven (AVG).\n\nVoorbeeld: \"Bel me even op 06-12345678\"");

rule!(HOME_ADDRESS, "PW203", "home-address", PersonalData, Error, PERSONAL_DATA, "[adres]",
    summary: "Woonadres: straat met huisnummer, postbus, of postcode bij een plaats.",
    message: "Hier staat een adres.",
    advice: DATA_ADVICE,
    explanation: "Vindt straatnamen met huisnummer (straat, laan, weg, plein, gracht, kade, dijk, …, ook afgekort: \"Kerkstr. 12\", \"Dorpsln 3\"), huisnummers met letter, reeks of toevoeging (\"11a\", \"11-13\", \"11 bis\"), een postbus, en Nederlandse postcodes (1234 AB, 1234AB) bij een straat, een plaatsnaam of het woord postcode. Een straatnaam zonder nummer, of een code als \"1500 KB\" of \"1400 GT tegen\", is geen adres.\n\nWaarom: een woonadres maakt een kind of gezin vindbaar.\n\nVoorbeeld: \"Het feestje is op de Dorpsstraat 12, 1234 AB\"");

rule!(BSN, "PW204", "bsn", PersonalData, Error, PERSONAL_DATA, "[bsn]",
    summary: "Burgerservicenummer (geldig volgens de elfproef).",
    message: "Hier staat een burgerservicenummer.",
    advice: "Haal het BSN weg. Een BSN hoort nooit op sociale media of in een nieuwsbrief.",
    explanation: "Vindt negencijferige nummers die de elfproef van het burgerservicenummer doorstaan. Na \"BSN\" of \"burgerservicenummer\" (of ervoor, \"(bsn)\") mogen de cijfers in elke groepering staan (\"8436 46 974\", \"121 54 72 80\"). Nummers die de proef niet halen (ordernummers, kenmerken) en bedragen (\"… euro\") tellen niet.\n\nWaarom: het BSN is een bijzonder beschermd identificatienummer.\n\nVoorbeeld: \"BSN 111222333\"");

rule!(IBAN, "PW205", "iban", PersonalData, Error, PERSONAL_DATA, "[iban]",
    summary: "IBAN-rekeningnummer (geldig volgens mod 97).",
    message: "Hier staat een rekeningnummer.",
    advice: "Haal het rekeningnummer weg, of gebruik alleen het rekeningnummer van de school of oudervereniging.",
    explanation: "Vindt IBAN-rekeningnummers die de controle mod 97 doorstaan, met of zonder spaties.\n\nWaarom: een persoonlijk rekeningnummer is een persoonsgegeven en kan misbruikt worden.\n\nVoorbeeld: \"Maak het over naar NL91 ABNA 0417 1643 00\"");

rule!(BIRTH_DATE, "PW206", "birth-date", PersonalData, Error, PERSONAL_DATA, "[geboortedatum]",
    summary: "Geboortedatum (een datum bij geboren, verjaardag of jarig).",
    message: "Hier staat een geboortedatum.",
    advice: "Noem geen geboortedatum; \"gefeliciteerd met je verjaardag\" zonder datum en naam kan wel.",
    explanation: "Vindt een datum in de buurt van geboren, geboortedatum, verjaardag of jarig. Datums van activiteiten tellen niet.\n\nWaarom: een geboortedatum is een persoonsgegeven en helpt bij identiteitsfraude.\n\nVoorbeeld: \"Noor is geboren op 12 maart 2014\"");

rule!(ONDERWIJSNUMMER, "PW207", "onderwijsnummer", PersonalData, Error, PERSONAL_DATA, "[onderwijsnummer]",
    summary: "Onderwijsnummer (begint met 10, geldig volgens de aangepaste elfproef).",
    message: "Hier staat een onderwijsnummer.",
    advice: "Haal het onderwijsnummer weg. Het hoort in de leerlingadministratie, niet in een bericht.",
    explanation: "Vindt negencijferige nummers die beginnen met 10 en de elfproef van het onderwijsnummer doorstaan (de som van de elfproef geeft rest 5, niet 0 zoals bij het BSN). Een leerling zonder BSN krijgt dit nummer van DUO.\n\nWaarom: net als het BSN is het onderwijsnummer een identificatienummer van één leerling.\n\nVoorbeeld: \"Onderwijsnummer 101222331\"");

rule!(AGE, "PW208", "pupil-age", PersonalData, Warning, PERSONAL_DATA, "[leeftijd]",
    summary: "Leeftijd bij de naam van een leerling (Noor (9), Daan wordt 10).",
    message: "Hier staat de leeftijd van een leerling die genoemd wordt.",
    advice: "Laat de leeftijd weg, of de naam: \"een leerling uit groep 6\" zegt genoeg.",
    explanation: "Vindt een leeftijd die bij een leerling van de leerlingenlijst staat: tussen haakjes achter de naam (\"Noor (9)\"), \"Daan is 10 jaar\", \"Storm wordt vandaag 11\", \"de 9-jarige Noor\". Een leeftijd zonder naam telt niet.\n\nWaarom: naam en leeftijd samen maken een kind beter vindbaar en verraden de geboortedatum bij benadering.\n\nVoorbeeld: \"Gefeliciteerd Daan, 10 jaar alweer!\"");

rule!(LICENCE_PLATE, "PW209", "licence-plate", PersonalData, Error, PERSONAL_DATA, "[kenteken]",
    summary: "Nederlands kenteken (sidecodes 1 tot en met 14).",
    message: "Hier staat een kenteken; dat is terug te voeren op de eigenaar.",
    advice: "Haal het kenteken weg. Gaat het om parkeren of halen en brengen, spreek de mensen dan persoonlijk aan.",
    explanation: "Vindt Nederlandse kentekens in de vormen van de sidecodes (99-XX-99, 99-XXX-9, XX-999-X, 9-XXX-99 …). Sinds sidecode 4 gebruiken kentekens geen klinkers en geen C of Q; postwacht houdt zich daaraan. Oude kentekens met klinkers tellen alleen na een woord als \"kenteken\" of \"auto\".\n\nWaarom: een kenteken is een persoonsgegeven; het wijst via het RDW-register naar een persoon.\n\nVoorbeeld: \"Wie staat er met de 12-TKV-4 op de stoep?\"");

rule!(LOCATION_SHARING, "PW210", "location-sharing", PersonalData, Warning, PERSONAL_DATA, "[locatie]",
    summary: "Waar leerlingen nu zijn: \"we zitten nu in …\", een live-locatie of GPS-coördinaten.",
    message: "Hier staat waar een groep of persoon op dit moment is.",
    advice: "Deel een plaats pas achteraf (\"we zijn in Parijs geweest\"), en nooit coördinaten of een live-locatie.",
    explanation: "Vindt berichten die vertellen waar een groep of iemand nu is: \"we zitten nu in Parijs\", \"we zijn net aangekomen bij de Efteling\", \"📍 Texel\", en GPS-coördinaten (52.3702, 4.8952) of een kaartlink met coördinaten. Coördinaten zijn een fout, de andere een waarschuwing.\n\nWaarom: een actuele locatie laat zien waar kinderen op dat moment te vinden zijn.\n\nVoorbeeld: \"We zitten nu bij de Efteling, morgen terug!\"");

rule!(IDENTIFIER, "PW211", "personal-identifier", PersonalData, Warning, PERSONAL_DATA, "[nummer]",
    summary: "Nummer dat iemand aanwijst: leerlingnummer, studentnummer, dossiernummer, klantnummer, lidnummer, patiëntnummer, serienummer.",
    message: "Hier staat een nummer dat naar één persoon leidt.",
    advice: "Haal het nummer weg. Wie het nummer kent, kan in een administratie opzoeken om wie het gaat.",
    explanation: "Vindt een nummer dat door het woord ervoor of erachter een persoon aanwijst: leerlingnummer, stamnummer, studentnummer, dossiernummer, patiëntnummer (patnr), cliëntnummer, klantnummer, lidnummer, personeelsnummer, serienummer, en \"(bsn)\" achter een nummer. Tussen het woord en het nummer mag staan van wie het is (\"het leerlingnummer van mijn zoon is …\"). Een BSN dat de elfproef doorstaat, is PW204. Ordernummers, artikelnummers en factuurnummers tellen niet.\n\nWaarom: zo'n nummer is een persoonsgegeven: met de administratie erbij wijst het één leerling, ouder of collega aan.\n\nVoorbeeld: \"Het leerlingnummer van Daan is 204311.\"");

// --- confidential --------------------------------------------------------------------------

rule!(CARE, "PW301", "pupil-care", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Leerlingzorg over een persoon (zorgoverleg, OPP, Veilig Thuis, …).",
    message: "Hier staat vertrouwelijke informatie over de zorg rond een leerling.",
    advice: CONFIDENTIAL_ADVICE,
    explanation: "Vindt termen uit de leerlingzorg (zorgoverleg, OPP, leerlingdossier, Veilig Thuis, jeugdzorg, uithuisplaatsing, …) in een zin die over een persoon gaat. Een onderwerp zonder persoon (\"informatieavond over jeugdzorg\") telt niet.\n\nWaarom: zorginformatie is vertrouwelijk en hoort in het dossier.\n\nVoorbeeld: \"Daan is besproken in het zorgoverleg\"");

rule!(HEALTH, "PW302", "health", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Gezondheid van een persoon (diagnose, ziekte, medicatie).",
    message: "Hier staat informatie over de gezondheid van iemand.",
    advice: CONFIDENTIAL_ADVICE,
    explanation: "Vindt diagnoses, aandoeningen en behandelingen (ADHD, autisme, dyslexie, kanker, depressie, medicatie, …) in een zin die over een persoon gaat. Een onderwerp zonder persoon (\"sponsorloop voor KWF Kankerbestrijding\") telt niet.\n\nWaarom: gezondheidsgegevens zijn bijzondere persoonsgegevens (AVG).\n\nVoorbeeld: \"Juf Marieke is er niet, ze heeft een burn-out\"");

rule!(PERSONNEL, "PW303", "personnel-matter", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Personeelszaken van een persoon (schorsing, ontslag, ziekmelding, …).",
    message: "Hier staat vertrouwelijke informatie over een personeelszaak.",
    advice: CONFIDENTIAL_ADVICE,
    explanation: "Vindt personeelszaken (schorsing, ontslag, ziekmelding, functioneringsgesprek, verbetertraject, …) in een zin die over een persoon gaat.\n\nWaarom: personeelszaken zijn vertrouwelijk en horen in het personeelsdossier.\n\nVoorbeeld: \"Collega Peters is geschorst\"");

rule!(CLOSED_MEETING, "PW304", "closed-meeting", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Inhoud van een besloten of vertrouwelijk overleg.",
    message: "Dit gaat over een besloten of vertrouwelijk overleg.",
    advice: CONFIDENTIAL_ADVICE,
    explanation: "Vindt verwijzingen naar besloten vergaderingen en vertrouwelijke agendapunten (besloten deel, in beslotenheid, …).\n\nWaarom: wat in beslotenheid besproken is, blijft daar. OOG noemt twitteren over een vertrouwelijke bijeenkomst als voorbeeld.\n\nVoorbeeld: \"In het besloten deel van de MR werd gezegd dat …\"");

rule!(SECRECY_MARKER, "PW305", "secrecy-marker", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Geheimhoudingsteken (onder ons, mag nog niemand weten, vertrouwelijk).",
    message: "Dit klinkt als informatie die (nog) niet openbaar is.",
    advice: "Wat onder ons moet blijven, hoort niet op sociale media. Wacht tot het officieel bekend is.",
    explanation: "Vindt woorden waarmee iemand aangeeft dat iets geheim of vertrouwelijk is (onder ons, mag nog niemand weten, niet doorvertellen, off the record, …).\n\nWaarom: wie zo schrijft, deelt vaak vertrouwelijke informatie.\n\nVoorbeeld: \"Onder ons: de directeur vertrekt, maar dat mag nog niemand weten\"");

// --- abuse ---------------------------------------------------------------------------------

rule!(INSULT_WORD, "PW401", "insult", Insult, Error, INSULT, "[scheldwoord]",
    summary: "Scheldwoord of belediging.",
    message: "Dit is een scheldwoord of belediging.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt scheldwoorden en beledigingen uit een Nederlandse en Vlaamse woordenlijst (ook Engelse scheldwoorden en straattaal), ook vermomd geschreven (k4nker, k a n k e r, kankerrrr) en in samenstellingen (kutschool, tyfuslijer). Woorden met een onschuldige betekenis (ezel, aap) tellen alleen als ze op iemand gericht zijn.\n\nWaarom: alle protocollen vragen respect; schelden en kwetsen zijn niet toegestaan.\n\nVoorbeeld: \"Wat een kankerschool\"");

rule!(CURSE, "PW402", "disease-curse", Insult, Error, INSULT, "[vloek]",
    summary: "Vloek met een ziekte of kut- (kanker, tyfus, tering, pleuris, klere, kut).",
    message: "Dit is een vloek met een ziekte of met kut-; op een schoolpagina is dat kwetsend.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt de Nederlandse ziektevloeken en kut-, los en in elke samenstelling (kanker, kk, tyfus, tering, pleuris, klere, kut; kankerschool, tyfuslijer, klerezooi). Medische woorden (kankerbestrijding, longkanker) en 'kleren' tellen niet.\n\nWaarom: vloeken met ziektes kwetst mensen die die ziekte kennen; op een schoolpagina hoort het niet.\n\nVoorbeeld: \"kk saaie les\"");

rule!(SLUR, "PW411", "slur", Discrimination, Error, INSULT, "[scheldwoord]",
    summary: "Scheldwoord voor een groep mensen (afkomst, geloof, seksualiteit, handicap, gender).",
    message: "Dit is een scheldwoord voor een groep mensen.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt scheldwoorden voor groepen mensen, ook in meervoud, verkleinwoord en samenstelling (kutmarokkaan, kankerjood). Een neutraal woord voor een groep (moslims, homo's) telt niet; wel als er een scheldend woord bij staat (\"vieze homo\").\n\nWaarom: discriminatie is in alle protocollen verboden.\n\nVoorbeeld: \"Ga terug naar je land, vieze makaak\"");

rule!(HATE_STATEMENT, "PW412", "hate-statement", Discrimination, Error, INSULT, "[haatuiting]",
    summary: "Uitspraak die een groep mensen kleineert, ontmenselijkt, uitsluit of bedreigt.",
    message: "Deze uitspraak zet een groep mensen weg.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt uitspraken over een groep (vrouwen, homo's, joden, moslims, zwarte mensen, vluchtelingen, mensen met een beperking, …) die haat uitdrukken (\"ik haat …\"), de groep kleineren (\"… zijn allemaal dom\"), ontmenselijken (\"… zijn ongedierte\") of uitsluiten (\"… moeten het land uit\"), ook als vraag of mening en ook als de groep in de zin ervoor genoemd is (\"Ik ken die moslims. Ik haat ze.\"). Ontkenning (\"ik haat moslims niet\"), citaten en tegenspraak (\"zeggen dat vrouwen dom zijn is seksistisch\") tellen niet.\n\nWaarom: discriminatie is in alle protocollen verboden, ook zonder scheldwoord.\n\nVoorbeeld: \"Al die vluchtelingen zijn profiteurs\"");

rule!(THREAT_PHRASE, "PW421", "threat", Threat, Error, THREAT, "[bedreiging]",
    summary: "Bedreiging van een persoon, groep of de school.",
    message: "Dit is een bedreiging.",
    advice: "Verwijder dit meteen en meld het bij de schoolleiding; bij een ernstige bedreiging kan de school aangifte doen.",
    explanation: "Vindt directe bedreigingen (ik maak je af, ik sla je in elkaar, ik weet waar je woont, ik steek die school in de fik), oproepen tot zelfdoding (ga dood, kys) en uitspraken dat iemand of een groep geweld verdient (… verdienen de kogel).\n\nWaarom: bedreigen is in de protocollen uitdrukkelijk verboden en kan strafbaar zijn.\n\nVoorbeeld: \"Ik weet waar je woont\"");

rule!(OBSCENE_WORD, "PW431", "obscene", Obscene, Error, OBSCENE, "[obsceen]",
    summary: "Obscene of seksueel expliciete taal.",
    message: "Dit is obscene of seksueel expliciete taal.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt seksueel expliciete en obscene woorden en zinnen. Neutrale woorden uit de seksuele voorlichting (seksualiteit, voortplanting) tellen niet.\n\nWaarom: obsceniteit en pornografische berichten zijn in de protocollen niet toegestaan.\n\nVoorbeeld: een seksueel getinte reactie onder een klassenfoto");

// --- disclaimer ----------------------------------------------------------------------------

rule!(DISCLAIMER_EMPLOYEE, "PW501", "disclaimer-employee", Disclaimer, Warning, WORKS_THERE, "[passage]",
    summary: "Bericht over de school op een persoonlijk kanaal zonder te zeggen dat je er werkt.",
    message: "Dit bericht gaat over je school, maar je vermeldt niet dat je er werkt.",
    advice: "Zeg erbij dat je er werkt, en in welke functie, bijvoorbeeld: \"Ik werk als leerkracht bij …\".",
    explanation: "Op een persoonlijk kanaal (--channel personal, de standaard) geldt: gaat een bericht over de school (de naam van de organisatie via --org, of je schrijft als medewerker: \"mijn leerlingen\", \"als docent bij …\"), dan vragen SGH (4.6), Initia (B.2) en Amadeus (D.3) dat je vermeldt dat je er werkt. De melding wijst naar de passage die het bericht over de school maakt.\n\nWaarom: een privémening van een medewerker wordt al snel gezien als het standpunt van de school.\n\nVoorbeeld: \"Trots op mijn leerlingen van het Amadeus vandaag!\" (zonder \"ik werk bij …\")",
    only_when_cited: true);

rule!(DISCLAIMER_PERSONAL_TITLE, "PW502", "disclaimer-personal-title", Disclaimer, Warning, PERSONAL_TITLE, "[passage]",
    summary: "Bericht over de school op een persoonlijk kanaal zonder \"op persoonlijke titel\".",
    message: "Dit bericht gaat over je school, maar je vermeldt niet dat het je persoonlijke mening is.",
    advice: "Voeg toe: \"Ik schrijf dit op persoonlijke titel\" (of: \"dit is mijn persoonlijke mening\").",
    explanation: "Initia (C) en Amadeus (D.3) vragen bij een persoonlijk bericht over de school ook de vermelding dat je op persoonlijke titel schrijft. Elke gangbare formulering telt: \"op persoonlijke titel\", \"mijn persoonlijke mening\", \"standpunten zijn mijn eigen\", \"opinions are my own\". SGH, OOG en Compass vragen dit niet.\n\nWaarom: zo is duidelijk dat je niet namens de school spreekt.\n\nVoorbeeld: \"Als docent bij het Amadeus vind ik het nieuwe rooster een slecht plan.\"",
    only_when_cited: true);

rule!(LEADER_SPEAKS_FOR_SCHOOL, "PW503", "leader-speaks-for-school", Disclaimer, Info, LEADER, "[passage]",
    summary: "Leidinggevende die privé over de school schrijft: je wordt altijd gezien als de school.",
    message: "Als leidinggevende word je altijd gezien als vertegenwoordiger van de school, ook met een disclaimer.",
    advice: "Bij twijfel niet publiceren, of het bericht via het kanaal van de school laten lopen.",
    explanation: "OOG (Regels) en Amadeus (D.9): bestuurders, directeuren en schoolleiders vertegenwoordigen altijd de school, ook als ze een privémening geven. Een disclaimer helpt dan niet. Dit is een tip, geen fout.\n\nVoorbeeld: \"Als directeur van De Regenboog vind ik, op persoonlijke titel, …\"",
    only_when_cited: true);

// --- media-consent -------------------------------------------------------------------------

rule!(MEDIA_NO_CONSENT, "PW601", "media-without-consent", MediaConsent, Error, MEDIA, "[afbeelding]",
    summary: "Foto of video bij een leerling zonder toestemming voor beeldmateriaal.",
    message: "Bij dit bericht hoort beeldmateriaal, en een genoemde leerling heeft geen toestemming voor beeldmateriaal.",
    advice: "Laat de foto of video weg, of kies beeld waarop deze leerling niet herkenbaar is.",
    explanation: "Vindt een afbeelding of video (Markdown ![…](…), HTML <img>/<video>, of tekst als \"zie de foto's\") in een bericht dat een leerling noemt die volgens de leerlingenlijst geen toestemming heeft (kolom met \"toestemming\" of \"beeldmateriaal\" in de kop, waarde nee). De melding wijst naar het beeldmateriaal.\n\nWaarom: beeldmateriaal van leerlingen mag alleen online met (schriftelijke) toestemming van ouders of leerling.\n\nVoorbeeld: \"![Daan op het podium](musical.jpg)\" terwijl bij Daan 'nee' staat");

rule!(MEDIA_REMINDER, "PW602", "media-consent-reminder", MediaConsent, Info, MEDIA, "[afbeelding]",
    summary: "Herinnering: controleer de toestemming voor beeldmateriaal.",
    message: "Bij dit bericht hoort beeldmateriaal. Staan er leerlingen op, controleer dan of zij toestemming hebben.",
    advice: "Kijk in de toestemmingslijst (bijvoorbeeld de toestemmingsmodule in Magister) voordat je publiceert.",
    explanation: "Een tip bij elk bericht met een afbeelding of video waarin geen leerling zonder toestemming genoemd wordt: postwacht kan niet zien wie er op de foto staat.\n\nVoorbeeld: \"![Sportdag](sportdag.jpg)\"");

rule!(MEDIA_CONSENT_UNKNOWN, "PW603", "media-consent-unknown", MediaConsent, Warning, MEDIA, "[afbeelding]",
    summary: "Foto of video bij een leerling van wie de toestemming niet bekend is.",
    message: "Bij dit bericht hoort beeldmateriaal, en van een genoemde leerling staat geen toestemming op de lijst.",
    advice: "Zoek de toestemming op voordat je publiceert; zonder toestemming geen beeld.",
    explanation: "Als de leerlingenlijst geen toestemmingskolom heeft of de waarde leeg is, weet postwacht niet of er toestemming is. Geen toestemming bekend betekent: niet publiceren.\n\nVoorbeeld: een foto bij \"Lotte won de tekenwedstrijd\" met een lijst zonder toestemmingskolom");

// --- the school's own terms (postwacht.toml, [terms] extra) -------------------------------

const SCHOOL_TERM_ADVICE: &str = "Haal dit weg of schrijf het anders. Staat het woord hier ten onrechte, pas dan de lijst in postwacht.toml aan (of vraag dat aan wie hem beheert).";

rule!(SCHOOL_TERM_CONFIDENTIAL, "PW309", "school-term-confidential", Confidential, Error, CONFIDENTIAL, "[vertrouwelijk]",
    summary: "Woord dat de school zelf als vertrouwelijk heeft opgegeven (postwacht.toml).",
    message: "Dit staat in de lijst van de school met vertrouwelijke woorden.",
    advice: SCHOOL_TERM_ADVICE,
    explanation: "Vindt woorden en zinnen die de school in postwacht.toml onder [terms] extra met category = \"confidential\" heeft gezet: de werknaam van een plan dat nog niet bekend is, de naam van een besloten overleg. Ze tellen overal, ook zonder persoon in de zin.\n\nWaarom: wat de school vertrouwelijk noemt, hoort niet op sociale media.\n\nVoorbeeld: met extra = [{ term = \"project zonnebloem\", category = \"confidential\" }] meldt postwacht \"Binnenkort meer over Project Zonnebloem!\"");

rule!(SCHOOL_TERM_INSULT, "PW409", "school-term-insult", Insult, Error, INSULT, "[scheldwoord]",
    summary: "Woord dat de school zelf als belediging heeft opgegeven (postwacht.toml).",
    message: "Dit staat in de lijst van de school met beledigende woorden.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt woorden en zinnen die de school in postwacht.toml onder [terms] extra met category = \"insult\" heeft gezet, zoals een bijnaam voor een leraar die kwetsend is. Ook vermomd geschreven (hoofdletters, accenten, spaties tussen de letters) tellen ze.\n\nWaarom: een school weet zelf het best welke bijnamen en woorden bij haar kwetsen.\n\nVoorbeeld: met extra = [{ term = \"juf heks\", category = \"insult\" }] meldt postwacht \"Morgen weer les van Juf Heks\"");

rule!(SCHOOL_TERM_DISCRIMINATION, "PW419", "school-term-discrimination", Discrimination, Error, INSULT, "[scheldwoord]",
    summary: "Woord dat de school zelf als scheldwoord voor een groep heeft opgegeven (postwacht.toml).",
    message: "Dit staat in de lijst van de school met scheldwoorden voor een groep mensen.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt woorden en zinnen die de school in postwacht.toml onder [terms] extra met category = \"discrimination\" heeft gezet: een scheldnaam die in de buurt gebruikt wordt voor een groep, een wijk of een andere school.\n\nWaarom: discriminatie is in alle protocollen verboden, ook in woorden die geen landelijke lijst kent.\n\nVoorbeeld: met extra = [{ term = \"polderratten\", category = \"discrimination\" }] meldt postwacht \"Die polderratten van de overkant\"");

rule!(SCHOOL_TERM_THREAT, "PW429", "school-term-threat", Threat, Error, THREAT, "[bedreiging]",
    summary: "Woord of zin die de school zelf als bedreiging heeft opgegeven (postwacht.toml).",
    message: "Dit staat in de lijst van de school met bedreigende woorden.",
    advice: "Verwijder dit meteen en meld het bij de schoolleiding; bij een ernstige bedreiging kan de school aangifte doen.",
    explanation: "Vindt woorden en zinnen die de school in postwacht.toml onder [terms] extra met category = \"threat\" heeft gezet, zoals een dreigende leus die na een incident rondgaat.\n\nWaarom: een bedreiging moet snel weg en gemeld worden.\n\nVoorbeeld: met extra = [{ term = \"wacht maar tot vrijdag\", category = \"threat\" }] meldt postwacht die zin");

rule!(SCHOOL_TERM_OBSCENE, "PW439", "school-term-obscene", Obscene, Error, OBSCENE, "[obsceen]",
    summary: "Woord dat de school zelf als obsceen heeft opgegeven (postwacht.toml).",
    message: "Dit staat in de lijst van de school met obscene woorden.",
    advice: ABUSE_ADVICE,
    explanation: "Vindt woorden en zinnen die de school in postwacht.toml onder [terms] extra met category = \"obscene\" heeft gezet, zoals straattaal die leerlingen nu gebruiken en die nog in geen lijst staat.\n\nWaarom: obsceniteit is in de protocollen niet toegestaan.\n\nVoorbeeld: met extra = [{ term = \"skeer*\", category = \"obscene\", severity = \"warning\" }] telt elk woord dat met skeer begint");

// --- postwacht itself: inline exceptions ---------------------------------------------------

const NO_ARTICLES: Articles = &[];

rule!(UNUSED_SUPPRESSION, "PW901", "unused-suppression", Suppression, Warning, NO_ARTICLES, "[uitzondering]",
    summary: "Uitzondering (postwacht: negeer …) die niets negeert.",
    message: "Deze uitzondering negeert niets: op de regel eronder staat geen melding met deze code.",
    advice: "Haal de uitzondering weg, of zet hem direct boven de regel met de melding.",
    explanation: "Een uitzondering \"postwacht: negeer PW101\" verbergt meldingen met die code op de eerstvolgende regel met tekst (of, aan het eind van een regel, op die regel zelf); \"negeer-bestand\" in het hele bestand. Verbergt ze niets, dan is ze overbodig geworden (de tekst is aangepast) of staat ze op de verkeerde plek. Een vergeten uitzondering kan later een echte melding verbergen.\n\nVoorbeeld: \"<!-- postwacht: negeer PW101 -->\" boven een alinea waarin geen naam (meer) staat");

rule!(INVALID_SUPPRESSION, "PW902", "invalid-suppression", Suppression, Error, NO_ARTICLES, "[uitzondering]",
    summary: "Uitzondering zonder (bekende) regelcode.",
    message: "Deze uitzondering werkt niet: ze moet een bestaande regelcode noemen.",
    advice: "Noem de code van de melding die je wilt negeren, bijvoorbeeld \"postwacht: negeer PW101 -- reden\"; postwacht rules toont alle codes.",
    explanation: "Elke uitzondering noemt de regel(s) die ze negeert: \"postwacht: negeer PW101\" of \"postwacht: negeer PW101, PW202 -- toestemming van de ouders\". Een uitzondering zonder code, met een onbekende code of met een ander woord dan negeer of negeer-bestand negeert niets, en postwacht meldt dat, zodat niemand denkt dat een melding terecht verborgen is.\n\nVoorbeeld: \"<!-- postwacht: negeer -->\" of \"<!-- postwacht: negeer PW999 -->\"");

rule!(SUPPRESSION_IN_TEXT, "PW903", "suppression-in-text", Suppression, Info, NO_ARTICLES, "[uitzondering]",
    summary: "Uitzondering in een gewone tekst: haal die regel weg voor je publiceert.",
    message: "Deze regel is een aanwijzing voor postwacht; haal hem weg voordat je de tekst plaatst.",
    advice: "Kopieer de tekst zonder de regel \"postwacht: negeer …\" naar Facebook, Instagram of de nieuwsbrief.",
    explanation: "In een gewone tekst (een concept) staat een uitzondering op een eigen regel: \"postwacht: negeer PW102 -- ouders gaven toestemming\". Anders dan een HTML-commentaar in Markdown of HTML is die regel zichtbaar als je de tekst plakt. Daarom herinnert postwacht je eraan hem weg te halen.\n\nVoorbeeld: een concept met de regel \"postwacht: negeer PW102\" boven \"Daan won de voorleeswedstrijd\"");

/// Every rule, sorted by code.
pub static ALL: &[&Rule] = &[
    &PUPIL_FULL_NAME,
    &PUPIL_FIRST_NAME,
    &PUPIL_SURNAME,
    &PUPIL_HANDLE,
    &PUPIL_NAME_WORD,
    &PUPIL_NAME_TYPO,
    &PUPIL_VIA_RELATIVE,
    &EMAIL_ADDRESS,
    &PHONE_NUMBER,
    &HOME_ADDRESS,
    &BSN,
    &IBAN,
    &BIRTH_DATE,
    &ONDERWIJSNUMMER,
    &AGE,
    &LICENCE_PLATE,
    &LOCATION_SHARING,
    &IDENTIFIER,
    &CARE,
    &HEALTH,
    &PERSONNEL,
    &CLOSED_MEETING,
    &SECRECY_MARKER,
    &SCHOOL_TERM_CONFIDENTIAL,
    &INSULT_WORD,
    &CURSE,
    &SCHOOL_TERM_INSULT,
    &SLUR,
    &HATE_STATEMENT,
    &SCHOOL_TERM_DISCRIMINATION,
    &THREAT_PHRASE,
    &SCHOOL_TERM_THREAT,
    &OBSCENE_WORD,
    &SCHOOL_TERM_OBSCENE,
    &DISCLAIMER_EMPLOYEE,
    &DISCLAIMER_PERSONAL_TITLE,
    &LEADER_SPEAKS_FOR_SCHOOL,
    &MEDIA_NO_CONSENT,
    &MEDIA_REMINDER,
    &MEDIA_CONSENT_UNKNOWN,
    &UNUSED_SUPPRESSION,
    &INVALID_SUPPRESSION,
    &SUPPRESSION_IN_TEXT,
];

/// Look a rule up by code (`PW101`) or name (`pupil-full-name`), case-insensitively.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|r| r.code.eq_ignore_ascii_case(code_or_name) || r.name.eq_ignore_ascii_case(code_or_name))
}

impl Rule {
    /// The articles this rule breaks in the given protocol (empty when that protocol has none).
    pub fn articles_for(&self, protocol: Protocol) -> &'static [&'static str] {
        self.articles.iter().find(|(p, _)| *p == protocol).map(|(_, a)| *a).unwrap_or(&[])
    }

    /// The articles this rule breaks in each of `protocols`, in that order, with their summaries.
    pub fn guidelines(&self, protocols: &[Protocol]) -> Vec<Guideline> {
        protocols
            .iter()
            .flat_map(|&p| {
                self.articles_for(p).iter().map(move |&article| Guideline {
                    protocol: p,
                    article,
                    summary: article_summary(p, article).unwrap_or(""),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::{ARTICLES, article_summary};

    #[test]
    fn codes_are_sorted_unique_and_well_formed() {
        for pair in ALL.windows(2) {
            assert!(pair[0].code < pair[1].code, "{} before {}", pair[0].code, pair[1].code);
        }
        for rule in ALL {
            assert!(rule.code.len() == 5 && rule.code.starts_with("PW"), "{}", rule.code);
            assert!(rule.code[2..].chars().all(|c| c.is_ascii_digit()), "{}", rule.code);
        }
        let mut names: Vec<_> = ALL.iter().map(|r| r.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), ALL.len(), "rule names must be unique");
    }

    #[test]
    fn code_hundreds_follow_category() {
        for rule in ALL {
            let expected = match rule.category {
                Category::PupilName => '1',
                Category::PersonalData => '2',
                Category::Confidential => '3',
                Category::Insult | Category::Discrimination | Category::Threat | Category::Obscene => '4',
                Category::Disclaimer => '5',
                Category::MediaConsent => '6',
                Category::Suppression => '9',
            };
            assert_eq!(rule.code.as_bytes()[2] as char, expected, "{}", rule.code);
        }
    }

    #[test]
    fn every_rule_is_documented() {
        for rule in ALL {
            for (what, text) in [
                ("summary", rule.summary),
                ("message", rule.message),
                ("advice", rule.advice),
                ("explanation", rule.explanation),
            ] {
                assert!(text.len() > 20, "{} has no real {what}", rule.code);
            }
            assert!(rule.explanation.contains("Voorbeeld"), "{} explanation lacks an example", rule.code);
            assert!(rule.placeholder.starts_with('[') && rule.placeholder.ends_with(']'));
        }
    }

    #[test]
    fn every_cited_article_has_a_summary_and_every_summary_is_cited() {
        for rule in ALL {
            for (protocol, articles) in rule.articles {
                for article in *articles {
                    assert!(
                        article_summary(*protocol, article).is_some(),
                        "{} cites {}:{article} which has no summary",
                        rule.code,
                        protocol.id()
                    );
                }
            }
        }
        for (protocol, article, _) in ARTICLES {
            // SGH 6.5 is cited by the moderation list rather than by a rule.
            if (*protocol, *article) == (Protocol::Sgh, "6.5") {
                continue;
            }
            assert!(
                ALL.iter().any(|r| r.articles_for(*protocol).contains(article)),
                "{}:{article} has a summary but no rule cites it",
                protocol.id()
            );
        }
    }

    #[test]
    fn find_by_code_and_name() {
        assert_eq!(find("pw101").unwrap().name, "pupil-full-name");
        assert_eq!(find("slur").unwrap().code, "PW411");
        assert!(find("PW999").is_none());
    }
}
