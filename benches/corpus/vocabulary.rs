//! The words of the generated corpus: sentence templates and the pools their slots draw from.
//!
//! Written for the generator (not taken from the fixtures). A template is plain Dutch with slots in
//! braces; [`fill`](super::Generator) replaces each slot by a word of its pool. The slots `{pupil}`
//! (a full name), `{first}` (a first name), `{data}` (a piece of personal data) and `{curse}` /
//! `{insult}` are planted on purpose and recorded; every other slot is ordinary school Dutch.
//!
//! Pupil first names and surnames deliberately overlap with ordinary words now and then (Roos,
//! Storm, Bakker, de Boer), as real rosters do; teacher and parent first names are kept apart from
//! the pupils' so that the clean text names nobody on the roster.

/// First names of pupils, the most frequent first (the generator picks with a skew, so a large
/// roster has many pupils of the same first name).
pub const PUPIL_FIRST: &[&str] = &[
    "Noah", "Emma", "Daan", "Julia", "Sem", "Mila", "Lucas", "Tess", "Finn", "Sophie", "Levi", "Zoë", "Liam", "Nora",
    "Milan", "Sara", "Mohammed", "Yara", "Luuk", "Lotte", "Adam", "Fleur", "Bram", "Saar", "Jesse", "Lieke", "Thijs",
    "Noor", "Jayden", "Fenna", "Ayoub", "Lina", "Sven", "Isa", "Ryan", "Evi", "Mees", "Jasmijn", "Ilias", "Femke",
    "Ruben", "Anouk", "Stijn", "Roos", "Gijs", "Amira", "Teun", "Yasmina", "Joep", "Elif", "Emre", "Hiba", "Hamza",
    "Olivia", "Morris", "Maud", "Rayan", "Nina", "Storm", "Amber", "Kerem", "Lynn", "Youssef", "Esmee", "Mustafa",
    "Ivy", "Yusuf", "Aylin", "Bilal", "Zeynep", "Sami", "Fatima", "Mats", "Imane", "Thomas", "Hanna", "Otis", "Nour",
    "Jurre", "Feline", "Kofi", "Priya", "Dex", "Chayenne", "Rohan", "Mirthe", "Quinten", "Demi", "Wiktor", "Zuzanna",
    "Mateusz", "Anisa", "Dylan", "Shanti", "Tygo", "Ravi", "Jens", "Ilse", "Berkay", "Selin", "Tijn", "Vera", "Oscar",
    "Lize", "Hidde", "Noa", "Kian", "Bo", "Senna", "Malak", "Aziz", "Dewi",
];

/// Surnames with their particle (tussenvoegsel) before the space, most frequent first.
pub const SURNAMES: &[(&str, &str)] = &[
    ("de", "Jong"),
    ("", "Jansen"),
    ("de", "Vries"),
    ("van den", "Berg"),
    ("van", "Dijk"),
    ("", "Bakker"),
    ("", "Janssen"),
    ("", "Visser"),
    ("", "Smit"),
    ("", "Meijer"),
    ("de", "Boer"),
    ("", "Mulder"),
    ("de", "Groot"),
    ("", "Bos"),
    ("", "Vos"),
    ("", "Peters"),
    ("", "Hendriks"),
    ("van", "Leeuwen"),
    ("", "Dekker"),
    ("", "Brouwer"),
    ("de", "Wit"),
    ("", "Dijkstra"),
    ("", "Smits"),
    ("de", "Graaf"),
    ("van der", "Meer"),
    ("van der", "Linden"),
    ("", "Kok"),
    ("", "Jacobs"),
    ("de", "Haan"),
    ("", "Vermeulen"),
    ("van den", "Heuvel"),
    ("van der", "Veen"),
    ("van den", "Broek"),
    ("de", "Bruijn"),
    ("de", "Bruin"),
    ("van der", "Heijden"),
    ("", "Schouten"),
    ("van", "Beek"),
    ("", "Willems"),
    ("van", "Vliet"),
    ("", "Yilmaz"),
    ("", "Kaya"),
    ("", "Demir"),
    ("", "Şahin"),
    ("", "Çelik"),
    ("", "Öztürk"),
    ("", "Aydın"),
    ("El", "Amrani"),
    ("", "Bouzid"),
    ("El", "Idrissi"),
    ("", "Benali"),
    ("", "Ouali"),
    ("", "Boukhari"),
    ("", "Ait Taleb"),
    ("El", "Khattabi"),
    ("", "Ramdin"),
    ("", "Sewnarain"),
    ("", "Ramsaroep"),
    ("", "Bhagwandin"),
    ("", "Nowak"),
    ("", "Kowalski"),
    ("", "Wiśniewski"),
    ("", "Nguyen"),
    ("", "Tran"),
    ("", "Mensah"),
    ("", "Asante"),
    ("", "Haddad"),
    ("", "Al-Hassan"),
    ("", "Hussein"),
    ("", "Osman"),
    ("", "Koster"),
    ("", "Prins"),
    ("", "Huisman"),
    ("", "Postma"),
    ("", "Kuipers"),
    ("van", "Wijk"),
    ("", "Veenstra"),
    ("", "Hoekstra"),
    ("", "Zijlstra"),
    ("", "Wouters"),
    ("", "Koning"),
    ("", "Bosman"),
    ("van", "Dam"),
    ("", "Verbeek"),
    ("", "Timmermans"),
    ("", "Groen"),
    ("", "Sanders"),
    ("", "Maas"),
    ("ter", "Horst"),
    ("te", "Velde"),
    ("van 't", "Hof"),
    ("in 't", "Veld"),
    ("", "Lammers"),
    ("", "Evers"),
];

/// Groups of a primary school.
pub const GROUPS: &[&str] =
    &["1A", "1B", "2A", "2B", "3A", "3B", "4A", "4B", "5A", "5B", "6A", "6B", "7A", "7B", "8A", "8B"];

/// Teachers as the texts address them (titles mark adults; none of these is a pupil's name).
pub const TEACHERS: &[&str] = &[
    "juf Ans",
    "juf Marloes",
    "meester Kees",
    "juf Ingrid",
    "meester Jeroen",
    "juf Fatma",
    "meester Rik",
    "juf Hester",
    "meester Wouter",
    "juf Esther",
    "juf Carolien",
    "meester Patrick",
    "juf Samira",
];

/// Parents and staff as export authors: first names that no pupil has.
pub const ADULT_FIRST: &[&str] = &[
    "Petra", "Karin", "Mark", "Sandra", "Martijn", "Ingrid", "Hasan", "Nadia", "Erik", "Monique", "Kevin", "Linda",
    "Said", "Bianca", "Dennis", "Esra", "Marcel", "Anita", "Rachid", "Yvonne", "Jeroen", "Saskia",
];

pub const DAYS: &[&str] = &["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag"];
pub const MONTHS: &[&str] =
    &["september", "oktober", "november", "december", "januari", "februari", "maart", "april", "mei", "juni"];
pub const TIMES: &[&str] = &["8.30", "8.45", "9.00", "10.15", "11.30", "12.00", "13.15", "14.00", "14.30", "15.15"];
pub const ACTIVITIES: &[&str] = &[
    "de sportdag",
    "de schoolreis",
    "het schoolontbijt",
    "de Kinderboekenweek",
    "de kerstviering",
    "het paasontbijt",
    "de musical van groep 8",
    "de fietsenkeuring",
    "de open dag",
    "het voorleesontbijt",
    "de koningsspelen",
    "het schoolkamp",
    "de talentenshow",
    "de avondvierdaagse",
    "de rommelmarkt",
    "de luizencontrole",
    "het sinterklaasfeest",
    "de techniekmiddag",
    "de excursie naar het museum",
];
pub const PLACES: &[&str] = &[
    "het schoolplein",
    "de gymzaal",
    "de aula",
    "het speellokaal",
    "de bibliotheek",
    "het sportpark",
    "de kinderboerderij",
    "het zwembad",
    "het park achter de school",
    "de kerk aan het plein",
];
pub const THINGS: &[&str] = &[
    "gymkleding",
    "een lunchpakket",
    "regenkleding",
    "een bidon",
    "een handdoek",
    "stevige schoenen",
    "een fietshelm",
    "een pen en een schrift",
    "zonnebrandcrème",
    "een tas voor de knutselwerkjes",
    "oude kleren",
    "een zaklamp",
];
pub const SUBJECTS: &[&str] = &[
    "breuken",
    "de Romeinen",
    "het weer",
    "de kringloop van water",
    "vulkanen",
    "de Gouden Eeuw",
    "insecten",
    "het verkeer",
    "de provincies",
    "de spelling van werkwoorden",
    "het zonnestelsel",
    "gezonde voeding",
];
pub const FEELINGS: &[&str] =
    &["Wat leuk", "Super", "Wat mooi", "Heel fijn", "Geweldig", "Wat gezellig", "Top", "Prachtig", "Wat goed"];
pub const EMOJI: &[&str] = &["", "", "", " 😀", " 👍", " ❤️", " 🎉", " 👏", " 🙏", " 😊", " 🌞"];
pub const NUMBERS: &[&str] = &["twee", "drie", "vier", "vijf", "tien", "twaalf", "twintig", "veertig"];

/// Sentences of newsletter posts.
pub const NEWSLETTER: &[&str] = &[
    "Op {day} {number} {month} is {activity}.",
    "We verzamelen om {time} uur bij {place}.",
    "Neem {thing} mee, dan kan iedereen meedoen.",
    "De kinderen van groep {grade} hebben deze week geleerd over {subject}.",
    "{activity_cap} was een groot succes, dank aan alle ouders die hebben geholpen!",
    "Vergeet niet dat de school op {day} om {time} uur uitgaat.",
    "Na de vakantie gaan we verder met {subject}.",
    "In de bibliotheek liggen nieuwe boeken klaar voor de middenbouw.",
    "De ouderraad zoekt nog hulpouders voor {activity}.",
    "Het schoolplein wordt in {month} opnieuw ingericht.",
    "Wilt u de jassen en tassen van uw kind voorzien van een naam?",
    "De gevonden voorwerpen liggen tot {day} in de aula.",
    "In {month} starten we met een nieuwe methode voor rekenen.",
    "Groep {grade} heeft een prachtige tentoonstelling gemaakt over {subject}.",
    "Tijdens {activity} zijn alle ouders van harte welkom bij {place}.",
    "De luizenpluizers komen op {day} na de vakantie.",
    "Wij wensen iedereen een fijne vakantie en tot {day}!",
    "Het team heeft een studiedag op {day} {number} {month}; de kinderen zijn dan vrij.",
    "De oudergesprekken vinden plaats in de week van {number} {month}.",
    "Denk aan de fietsverlichting nu het weer vroeg donker wordt.",
    "Met dank aan de bakker uit de buurt voor de heerlijke taart.",
    "De storm van vorige week heeft gelukkig weinig schade gedaan aan het plein.",
    "Bij het voetbaltoernooi eindigde ons team op de {ordinal} plaats.",
    "De inschrijving voor de naschoolse activiteiten is geopend tot {day}.",
    "Bij {place} staan sinds deze week nieuwe bankjes en een moestuin.",
    "We zamelen lege batterijen en oude telefoons in voor een goed doel.",
    "De kleuters hebben in het speellokaal een echte winkel nagespeeld.",
    "Wie nog een verkleedkist over heeft, mag die brengen bij {teacher}.",
];

/// Sentences of parent comments under a post.
pub const COMMENT: &[&str] = &[
    "{feeling}, bedankt voor het delen!",
    "{feeling}! Onze dochter heeft genoten.",
    "Mijn zoon kwam blij thuis, dank jullie wel.",
    "Is er ook opvang na afloop?",
    "Hoe laat zijn de kinderen ongeveer terug?",
    "Moeten ze {thing} meenemen?",
    "Dank aan {teacher} en de hulpouders!",
    "Leuk om te zien wat ze allemaal leren over {subject}.",
    "Wat een mooie dag, hopelijk volgend jaar weer.",
    "Kan ik me nog aanmelden als hulpouder voor {activity}?",
    "Ik help graag mee op {day}.",
    "Wat knap gedaan door groep {grade}!",
    "Geldt dit ook voor de kleuters?",
    "Wordt {activity} bij regen verplaatst?",
    "Gezellig was het, dank voor de organisatie.",
    "Heerlijk dat de moestuin weer bloeit.",
    "Waar kunnen we de verloren gymtas ophalen?",
    "Top georganiseerd, complimenten aan het team.",
];

/// Sentences of teachers' drafts for their own account or the class page.
pub const DRAFT: &[&str] = &[
    "Vandaag hebben we in groep {grade} gewerkt aan {subject}.",
    "Wat hebben de kinderen hard gewerkt deze week!",
    "Morgen gaan we met de klas naar {place}.",
    "De kinderen mochten zelf een proefje bedenken over {subject}.",
    "Ik ben trots op mijn klas, ze hebben zich goed voorbereid op {activity}.",
    "Vanmiddag lazen we samen voor uit het nieuwe boek.",
    "Na de pauze hebben we buiten gespeeld op {place}.",
    "Volgende week staat {activity} op het programma.",
    "We hebben vandaag ook geoefend met de tafels van {number}.",
    "Het lokaal hangt inmiddels vol met tekeningen over {subject}.",
    "Wie weet wat er op {day} gebeurt?",
    "Dank aan alle ouders die {thing} hebben meegegeven.",
];

/// Chat messages in a parents' group.
pub const CHAT: &[&str] = &[
    "Goedemorgen allemaal!",
    "Weet iemand hoe laat de bus terug is?",
    "Heeft iemand nog {thing} over voor morgen?",
    "Ik kan {day} rijden naar {place}.",
    "Super, dank je!",
    "Wie heeft er nog plek in de auto?",
    "Ik breng {thing} mee.",
    "Vergeet niet dat het morgen {activity} is.",
    "Thanks voor de herinnering",
    "Oke, tot straks",
    "Zijn de kinderen al terug?",
    "Wij zijn er om {time} uur.",
    "Hebben jullie ook de brief over {activity} gezien?",
    "Ja klopt",
    "Haha wat leuk",
    "Ik kan helaas niet op {day}.",
];

/// Sentences that name a pupil: `{pupil}` is a full name, `{first}` a first name.
pub const NAMED: &[&str] = &[
    "Gefeliciteerd {pupil} met je zwemdiploma!",
    "Een dikke pluim voor {pupil}, die de voorleeswedstrijd won.",
    "Vandaag is {first} jarig, hoera!",
    "Bij de sportdag werd {pupil} eerste op de 60 meter.",
    "Wat heeft {first} mooi gezongen bij {activity}.",
    "De tekening van {pupil} hangt nu in de hal.",
    "Groetjes van {first} en de rest van groep {grade}.",
    "Samen met {pupil} heeft de klas een moestuin aangelegd.",
    "Onze zoon speelt graag met {first} na schooltijd.",
    "Dankzij {pupil} is de rommelmarkt een succes geworden.",
];

/// Sentences with personal data: `{data}` is a phone number, an e-mail address or an address.
pub const WITH_DATA: &[&str] = &[
    "Bel me gerust op {phone} als er iets is.",
    "Mijn nummer is {phone}, app maar.",
    "Mail de foto's naar {email}, dan stuur ik ze door.",
    "Aanmelden kan via {email}.",
    "Het feestje is bij ons thuis, {street}.",
    "Ophalen kan op {street}, de bel doet het niet.",
];

/// Insulting, obscene or threatening sentences, as they turn up under school posts.
pub const ABUSIVE: &[&str] = &[
    "Wat een kankerschool is dit.",
    "Die juf is echt een trut.",
    "Kutschool, ik haal mijn kind eraf.",
    "Wat een tyfuslijers zijn het daar.",
    "Stelletje sukkels daar op school.",
    "Hou je bek, niemand vraagt om jouw mening.",
    "Die directeur is een klootzak.",
    "Wat een debiel bericht weer.",
];

pub const ORDINALS: &[&str] = &["eerste", "tweede", "derde", "vierde", "vijfde"];

pub const PHONE_PREFIXES: &[&str] = &["06-", "06 ", "+31 6 ", "06"];
pub const MAIL_DOMAINS: &[&str] = &["gmail.com", "hotmail.com", "ziggo.nl", "outlook.com", "kpnmail.nl"];
pub const STREETS: &[&str] =
    &["Dorpsstraat", "Kerkweg", "Molenlaan", "Schoolstraat", "Beukenlaan", "Julianastraat", "Stationsweg"];

/// Newsletter post titles.
pub const TITLES: &[&str] = &[
    "Terugblik op {activity}",
    "Nieuws uit groep {grade}",
    "Belangrijke data in {month}",
    "Hulpouders gezocht",
    "Agenda voor {month}",
    "Van de directie",
    "Nieuws van de ouderraad",
    "Even voorstellen: {teacher}",
];
pub const TAGS: &[&str] = &["nieuws", "agenda", "groep", "ouders", "sport", "activiteiten", "onderbouw", "bovenbouw"];
pub const IMAGES: &[&str] = &["plein.jpg", "gymzaal.jpg", "moestuin.jpg", "tekeningen.jpg", "bus.jpg"];

/// WhatsApp system lines (no author) that the export reader skips.
pub const SYSTEM_LINES: &[&str] = &[
    "Berichten en oproepen zijn end-to-end versleuteld. Tik voor meer informatie.",
    "{adult} heeft de groep verlaten",
];
