//! The generated corpus as files: plain text, a JSON Lines comment export, a WhatsApp chat export
//! (Dutch Android), Markdown newsletter posts with front matter, and a roster CSV.
//!
//! The streaming writers stop at the first message that reaches `size` bytes, so a file is `size`
//! plus at most one message, and a gigabyte never has to fit in memory.

use std::io::{self, Write};

use super::vocabulary as v;
use super::{Generator, Plant, Pupil, Rates, Rng, Style};

/// Messages go out one by one until `size` bytes are written; `message` appends one to the buffer
/// (which starts at the given file offset) and returns the plants to keep, in file offsets.
fn write_until<W: Write>(
    out: &mut W,
    size: u64,
    mut message: impl FnMut(&mut String, usize) -> Vec<Plant>,
) -> io::Result<Vec<Plant>> {
    let mut written = 0u64;
    let mut plants = Vec::new();
    let mut buffer = String::new();
    while written < size {
        buffer.clear();
        plants.extend(message(&mut buffer, written as usize));
        out.write_all(buffer.as_bytes())?;
        written += buffer.len() as u64;
    }
    Ok(plants)
}

/// Shift plants of a message that starts at `offset` in the file.
fn shifted(plants: &[Plant], offset: usize) -> Vec<Plant> {
    plants.iter().map(|p| Plant { start: p.start + offset, end: p.end + offset, kind: p.kind }).collect()
}

/// Plain text: newsletter posts, drafts and comments, separated by blank lines. Returns the plants
/// with their byte ranges in the file.
pub fn write_text<W: Write>(
    out: &mut W,
    seed: u64,
    size: u64,
    pupils: &[Pupil],
    rates: Rates,
) -> io::Result<Vec<Plant>> {
    let mut generator = Generator::new(seed, pupils, rates);
    write_until(out, size, |buffer, offset| {
        let style = match generator.rng.below(10) {
            0..=3 => Style::Newsletter,
            4..=5 => Style::Draft,
            _ => Style::Comment,
        };
        let message = generator.message(style);
        buffer.push_str(&message.text);
        buffer.push_str("\n\n");
        shifted(&message.plants, offset)
    })
}

/// Plain text in memory, with its plants.
pub fn text(seed: u64, size: u64, pupils: &[Pupil], rates: Rates) -> (String, Vec<Plant>) {
    let mut bytes = Vec::new();
    let plants = write_text(&mut bytes, seed, size, pupils, rates).expect("writing to memory");
    (String::from_utf8(bytes).expect("the generator writes UTF-8"), plants)
}

/// A calendar date, stepped a day at a time (the corpus only ever moves forward).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Date {
    pub year: u32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// The first day of the school year the corpus starts in.
    pub const START: Date = Date { year: 2026, month: 9, day: 1 };

    fn days_in_month(self) -> u32 {
        match self.month {
            2 if self.year % 4 == 0 && (self.year % 100 != 0 || self.year % 400 == 0) => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        }
    }

    pub fn next_day(self) -> Date {
        match (self.day < self.days_in_month(), self.month < 12) {
            (true, _) => Date { day: self.day + 1, ..self },
            (false, true) => Date { month: self.month + 1, day: 1, ..self },
            (false, false) => Date { year: self.year + 1, month: 1, day: 1 },
        }
    }

    pub fn plus_days(self, days: usize) -> Date {
        (0..days).fold(self, |date, _| date.next_day())
    }
}

/// A clock for timestamps, moving on a few minutes to an hour and a half per message, during the
/// day only.
struct Clock {
    date: Date,
    minute: u32,
}

impl Clock {
    fn new() -> Clock {
        Clock { date: Date::START, minute: 7 * 60 }
    }

    /// The next time: date, hour and minute.
    fn tick(&mut self, rng: &mut Rng) -> (Date, u32, u32) {
        self.minute += rng.between(1, 90) as u32;
        if self.minute >= 22 * 60 {
            self.date = self.date.next_day();
            self.minute = 7 * 60 + self.minute % 60;
        }
        (self.date, self.minute / 60, self.minute % 60)
    }
}

/// A JSON string literal.
fn json_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON Lines comment export as social-media tools write it: one object per line with `id`,
/// `author` (now and then `{"name": …}`), `time` and `text`. Plants are not tracked (offsets
/// would point into JSON strings).
pub fn write_jsonl<W: Write>(out: &mut W, seed: u64, size: u64, pupils: &[Pupil], rates: Rates) -> io::Result<()> {
    let mut generator = Generator::new(seed, pupils, rates);
    let mut clock = Clock::new();
    let mut id = 0u64;
    write_until(out, size, |buffer, _| {
        id += 1;
        let style = if generator.rng.chance(0.8) { Style::Comment } else { Style::Chat };
        let message = generator.message(style);
        let author = json_string(&generator.adult());
        let author = if generator.rng.chance(0.1) { format!("{{\"name\": {author}}}") } else { author };
        let (Date { year, month, day }, hour, minute) = clock.tick(&mut generator.rng);
        let second = generator.rng.below(60);
        let time = format!("{year}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}Z");
        let text = json_string(&message.text);
        buffer.push_str(&format!(
            "{{\"id\": \"c{id}\", \"author\": {author}, \"time\": \"{time}\", \"text\": {text}}}\n"
        ));
        Vec::new()
    })?;
    Ok(())
}

/// A WhatsApp chat export of a parents' group, Dutch Android style
/// (`21-11-2026 14:03 - Naam: tekst`), with system lines and left-out media.
pub fn write_whatsapp<W: Write>(out: &mut W, seed: u64, size: u64, pupils: &[Pupil], rates: Rates) -> io::Result<()> {
    let mut generator = Generator::new(seed, pupils, rates);
    let mut clock = Clock::new();
    let members: Vec<String> = (0..24).map(|_| generator.adult()).collect();
    let mut first = true;
    write_until(out, size, |buffer, _| {
        let (Date { year, month, day }, hour, minute) = clock.tick(&mut generator.rng);
        let stamp = format!("{day:02}-{month:02}-{year} {hour:02}:{minute:02}");
        if first || generator.rng.chance(0.01) {
            let line = if first { v::SYSTEM_LINES[0] } else { v::SYSTEM_LINES[1] };
            let line = generator.phrase(line);
            buffer.push_str(&format!("{stamp} - {line}\n"));
            first = false;
            return Vec::new();
        }
        let author = generator.rng.pick(&members).clone();
        let text = if generator.rng.chance(0.05) {
            "<Media weggelaten>".to_string()
        } else {
            let style = if generator.rng.chance(0.85) { Style::Chat } else { Style::Comment };
            generator.message(style).text
        };
        buffer.push_str(&format!("{stamp} - {author}: {text}\n"));
        Vec::new()
    })?;
    Ok(())
}

/// Markdown newsletter post number `index` of a folder: its file name and content (YAML front
/// matter with title, date, author and tags, then headed paragraphs, sometimes a picture or a
/// list). Each post depends only on the seed and its index.
pub fn markdown_post(seed: u64, index: usize, pupils: &[Pupil], rates: Rates) -> (String, String) {
    let mut generator = Generator::new(seed ^ (index as u64).wrapping_mul(0x9E37_79B9), pupils, rates);
    let rng = &mut generator.rng;
    let Date { year, month, day } = Date::START.plus_days(index % 300);
    let mut tags: Vec<&str> = (0..rng.between(1, 3)).map(|_| rng.word(v::TAGS)).collect();
    tags.sort_unstable();
    tags.dedup();
    let title = rng.word(v::TITLES);
    let title = generator.phrase(title);
    let author = generator.rng.word(v::TEACHERS);
    let mut post = format!(
        "---\ntitle: \"{title}\"\ndate: {year}-{month:02}-{day:02}\nauthor: {author}\ntags: [{}]\ndraft: false\n---\n\n# {title}\n\n",
        tags.join(", ")
    );
    for paragraph in 0..generator.rng.between(2, 5) {
        if paragraph > 0 && generator.rng.chance(0.3) {
            let heading = generator.rng.word(v::TITLES);
            post.push_str(&format!("## {}\n\n", generator.phrase(heading)));
        }
        if generator.rng.chance(0.15) {
            let image = generator.rng.word(v::IMAGES);
            post.push_str(&format!("![Foto van {}](/images/{image})\n\n", generator.phrase("{place}")));
        }
        if generator.rng.chance(0.15) {
            for _ in 0..generator.rng.between(2, 4) {
                post.push_str(&format!("- {}\n", generator.phrase("{thing}")));
            }
            post.push('\n');
        }
        let style = if generator.rng.chance(0.7) { Style::Newsletter } else { Style::Draft };
        post.push_str(&generator.message(style).text);
        post.push_str("\n\n");
    }
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    (format!("{year}-{month:02}-{day:02}-{index:05}-{slug}.md"), post)
}

/// A roster as Dutch Excel saves a school administration export: `;`-separated, with a header.
pub fn roster_csv(pupils: &[Pupil]) -> String {
    let mut out = String::from("Stamnr;Roepnaam;Tussenvoegsel;Achternaam;Groep;Toestemming beeldmateriaal\n");
    for (i, p) in pupils.iter().enumerate() {
        let consent = if p.consent { "ja" } else { "nee" };
        out.push_str(&format!("{};{};{};{};{};{consent}\n", 10_000 + i, p.first, p.particle, p.last, p.group));
    }
    out
}
