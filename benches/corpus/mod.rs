//! A deterministic generator of realistic Dutch school text, for benchmarks and smoke tests.
//!
//! Newsletter posts, parent comments, teacher drafts and chat messages, mostly clean, with pupil
//! names from a generated roster, personal data and abuse planted at realistic rates, and every
//! planted passage recorded ([`Plant`]). The same seed and size always give the same bytes: the
//! only randomness is [`Rng`], a hand-written splitmix64.
//!
//! Library-free (only `std`), so the benches, the `corpus` example and the integration tests
//! include it with `#[path]`; each uses a different part of it, hence `allow(dead_code)`.
//! The formats (plain text, JSON Lines, WhatsApp, Markdown posts, roster CSV) are in [`formats`].

#![allow(dead_code)]

pub mod formats;
pub mod vocabulary;

use vocabulary as v;

/// splitmix64: tiny, fast, and good enough to pick words; fixed forever so corpora stay
/// reproducible.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A generator for one purpose (`stream`) of a seed, independent of the others.
    pub fn derived(seed: u64, stream: u64) -> Rng {
        let mut rng = Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03));
        rng.next_u64();
        rng
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `low..=high`.
    pub fn between(&mut self, low: usize, high: usize) -> usize {
        low + self.below(high - low + 1)
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A word of a pool.
    pub fn word(&mut self, pool: &[&'static str]) -> &'static str {
        pool[self.below(pool.len())]
    }

    /// Pick with a skew towards the start of `items` (density falling like 1/sqrt): common names
    /// come first in the pools, so large rosters get realistic collisions.
    pub fn pick_skewed<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        let u = self.unit();
        &items[((u * u) * items.len() as f64) as usize]
    }
}

/// A pupil of the generated roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pupil {
    pub first: String,
    pub particle: String,
    pub last: String,
    pub group: String,
    pub consent: bool,
}

impl Pupil {
    /// "Daan de Vries".
    pub fn full_name(&self) -> String {
        if self.particle.is_empty() {
            format!("{} {}", self.first, self.last)
        } else {
            format!("{} {} {}", self.first, self.particle, self.last)
        }
    }
}

/// `count` pupils of a school, the same for the same seed.
pub fn roster(seed: u64, count: usize) -> Vec<Pupil> {
    let mut rng = Rng::derived(seed, 1);
    (0..count)
        .map(|_| {
            let (particle, last) = *rng.pick_skewed(v::SURNAMES);
            Pupil {
                first: rng.pick_skewed(v::PUPIL_FIRST).to_string(),
                particle: particle.to_string(),
                last: last.to_string(),
                group: rng.word(v::GROUPS).to_string(),
                consent: rng.chance(0.8),
            }
        })
        .collect()
}

/// How often a message carries something to find. Each is the chance per message.
#[derive(Clone, Copy, Debug)]
pub struct Rates {
    pub name: f64,
    pub data: f64,
    pub abuse: f64,
}

impl Rates {
    /// Most text is clean: about one message in twenty names a pupil, one in a hundred holds
    /// personal data or abuse.
    pub const REALISTIC: Rates = Rates { name: 0.05, data: 0.01, abuse: 0.01 };
    /// Nothing planted at all.
    pub const CLEAN: Rates = Rates { name: 0.0, data: 0.0, abuse: 0.0 };
}

/// What kind of text a message is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Newsletter,
    Comment,
    Draft,
    Chat,
}

/// What was planted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlantKind {
    /// A pupil's name (index into the roster).
    Name(usize),
    /// A phone number, e-mail address or street address.
    Data,
    /// A whole abusive sentence.
    Abuse,
}

/// A planted passage: byte range in the message (or, from [`formats`], in the whole text).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plant {
    pub start: usize,
    pub end: usize,
    pub kind: PlantKind,
}

/// One generated message and what was planted in it.
#[derive(Clone, Debug, Default)]
pub struct Message {
    pub text: String,
    pub plants: Vec<Plant>,
}

/// Writes messages; all randomness comes from its [`Rng`].
pub struct Generator<'a> {
    pub rng: Rng,
    pupils: &'a [Pupil],
    rates: Rates,
}

impl<'a> Generator<'a> {
    pub fn new(seed: u64, pupils: &'a [Pupil], rates: Rates) -> Generator<'a> {
        Generator { rng: Rng::derived(seed, 2), pupils, rates }
    }

    /// One message of `style`: a few clean sentences, and now and then a planted one among them.
    pub fn message(&mut self, style: Style) -> Message {
        let (pool, min, max): (&[&str], usize, usize) = match style {
            Style::Newsletter => (v::NEWSLETTER, 3, 7),
            Style::Comment => (v::COMMENT, 1, 2),
            Style::Draft => (v::DRAFT, 2, 5),
            Style::Chat => (v::CHAT, 1, 1),
        };
        let mut sentences: Vec<&'static str> = (0..self.rng.between(min, max)).map(|_| self.rng.word(pool)).collect();
        let mut planted = |rng: &mut Rng, chance: f64, templates: &[&'static str], possible: bool| {
            if possible && rng.chance(chance) {
                let at = rng.below(sentences.len() + 1);
                sentences.insert(at, rng.word(templates));
            }
        };
        planted(&mut self.rng, self.rates.name, v::NAMED, !self.pupils.is_empty());
        planted(&mut self.rng, self.rates.data, v::WITH_DATA, true);
        planted(&mut self.rng, self.rates.abuse, v::ABUSIVE, true);
        let mut message = Message::default();
        for (i, sentence) in sentences.iter().enumerate() {
            if i > 0 {
                // Newsletters break into paragraphs now and then; chat runs on over lines.
                let gap = match style {
                    Style::Newsletter if self.rng.chance(0.25) => "\n\n",
                    Style::Draft | Style::Chat if self.rng.chance(0.15) => "\n",
                    _ => " ",
                };
                message.text.push_str(gap);
            }
            let start = message.text.len();
            self.fill(sentence, &mut message);
            if v::ABUSIVE.contains(sentence) {
                message.plants.push(Plant { start, end: message.text.len(), kind: PlantKind::Abuse });
            }
        }
        if matches!(style, Style::Comment | Style::Chat) {
            message.text.push_str(self.rng.word(v::EMOJI));
        }
        message
    }

    /// Append `template` with its slots filled, recording planted names and data.
    fn fill(&mut self, template: &str, message: &mut Message) {
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            message.text.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("closed slot");
            let slot = &rest[open + 1..close];
            rest = &rest[close + 1..];
            let start = message.text.len();
            let kind = self.slot(slot, &mut message.text);
            if let Some(kind) = kind {
                message.plants.push(Plant { start, end: message.text.len(), kind });
            }
        }
        message.text.push_str(rest);
    }

    /// Write the value of one slot; planted slots say what they planted.
    fn slot(&mut self, slot: &str, out: &mut String) -> Option<PlantKind> {
        let rng = &mut self.rng;
        let word = |rng: &mut Rng, pool: &[&'static str], out: &mut String| out.push_str(rng.word(pool));
        match slot {
            "pupil" | "first" => {
                let index = rng.below(self.pupils.len());
                let pupil = &self.pupils[index];
                out.push_str(if slot == "pupil" { pupil.full_name() } else { pupil.first.clone() }.as_str());
                return Some(PlantKind::Name(index));
            }
            "phone" => {
                out.push_str(rng.word(v::PHONE_PREFIXES));
                for _ in 0..8 {
                    out.push(char::from(b'0' + rng.below(10) as u8));
                }
                return Some(PlantKind::Data);
            }
            "email" => {
                let (particle, last) = *rng.pick(v::SURNAMES);
                let local = format!("{}.{}{}", rng.word(v::ADULT_FIRST), particle, last);
                let local: String =
                    local.to_lowercase().chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.').collect();
                out.push_str(&format!("{local}@{}", rng.word(v::MAIL_DOMAINS)));
                return Some(PlantKind::Data);
            }
            "street" => {
                out.push_str(&format!("{} {}", rng.word(v::STREETS), rng.between(1, 180)));
                return Some(PlantKind::Data);
            }
            "day" => word(rng, v::DAYS, out),
            "month" => word(rng, v::MONTHS, out),
            "time" => word(rng, v::TIMES, out),
            "activity" => word(rng, v::ACTIVITIES, out),
            "activity_cap" => {
                let activity = rng.word(v::ACTIVITIES);
                let mut chars = activity.chars();
                out.extend(chars.next().map(|c| c.to_ascii_uppercase()));
                out.push_str(chars.as_str());
            }
            "place" => word(rng, v::PLACES, out),
            "thing" => word(rng, v::THINGS, out),
            "subject" => word(rng, v::SUBJECTS, out),
            "feeling" => word(rng, v::FEELINGS, out),
            "number" => word(rng, v::NUMBERS, out),
            "ordinal" => word(rng, v::ORDINALS, out),
            "teacher" => word(rng, v::TEACHERS, out),
            "adult" => out.push_str(&self.adult()),
            "grade" => out.push(char::from(b'1' + rng.below(8) as u8)),
            other => panic!("unknown slot {{{other}}} in the corpus vocabulary"),
        }
        None
    }

    /// A parent or staff member's name, as an export's author field holds it.
    pub fn adult(&mut self) -> String {
        let first = self.rng.word(v::ADULT_FIRST);
        let (particle, last) = *self.rng.pick_skewed(v::SURNAMES);
        if particle.is_empty() { format!("{first} {last}") } else { format!("{first} {particle} {last}") }
    }

    /// A template filled without planting (titles, system lines).
    pub fn phrase(&mut self, template: &str) -> String {
        let mut message = Message::default();
        self.fill(template, &mut message);
        message.text
    }
}
