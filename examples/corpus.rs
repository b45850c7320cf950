//! Write a generated corpus (see `benches/corpus/`) to disk, for the benchmark scripts:
//!
//! ```text
//! cargo run --release --example corpus -- --kind text --size 20MB --seed 1 --out corpus.txt
//! cargo run --release --example corpus -- --kind roster --pupils 2000 --seed 1 --out roster.csv
//! cargo run --release --example corpus -- --kind markdown-folder --files 2000 --out posts/
//! ```
//!
//! The same seed gives the same roster for every kind, so the names planted in a text are those of
//! the roster written with the same `--seed` and `--pupils`.

#[path = "../benches/corpus/mod.rs"]
mod corpus;

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use corpus::{Rates, formats};

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Kind {
    /// Plain text: newsletter posts, drafts and comments.
    Text,
    /// A JSON Lines comment export (id, author, time, text).
    Jsonl,
    /// A WhatsApp chat export (Dutch Android).
    Whatsapp,
    /// A folder of Markdown newsletter posts with front matter (`--files`).
    MarkdownFolder,
    /// A roster CSV (`--pupils`).
    Roster,
}

/// Write a deterministic corpus of Dutch school text.
#[derive(Parser, Debug)]
struct Args {
    #[arg(long, value_enum)]
    kind: Kind,
    /// Approximate size for text, jsonl and whatsapp: 50KB, 20MB, 1GB (powers of 1000) or KiB, MiB,
    /// GiB; a file ends with the first message that reaches it.
    #[arg(long, default_value = "20MB", value_parser = parse_size)]
    size: u64,
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Pupils on the roster whose names are planted (and written by `--kind roster`); 0 plants none.
    #[arg(long, default_value_t = 2000)]
    pupils: usize,
    /// Number of posts for `--kind markdown-folder`.
    #[arg(long, default_value_t = 2000)]
    files: usize,
    /// Plant nothing: no names, personal data or abuse.
    #[arg(long)]
    clean: bool,
    /// The file (or, for markdown-folder, the folder) to write.
    #[arg(long)]
    out: PathBuf,
}

fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let digits = text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
    let number: f64 = text[..digits].parse().map_err(|_| format!("not a size: {text}"))?;
    let unit = match text[digits..].trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1.0,
        "kb" | "k" => 1e3,
        "mb" | "m" => 1e6,
        "gb" | "g" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        other => return Err(format!("unknown unit '{other}' (use KB, MB, GB, KiB, MiB or GiB)")),
    };
    Ok((number * unit) as u64)
}

fn write(args: &Args) -> std::io::Result<()> {
    let pupils = corpus::roster(args.seed, args.pupils);
    let rates = if args.clean { Rates::CLEAN } else { Rates::REALISTIC };
    if args.kind == Kind::MarkdownFolder {
        fs::create_dir_all(&args.out)?;
        for index in 0..args.files {
            let (name, post) = formats::markdown_post(args.seed, index, &pupils, rates);
            fs::write(args.out.join(name), post)?;
        }
        return Ok(());
    }
    let mut out = BufWriter::with_capacity(1 << 20, fs::File::create(&args.out)?);
    match args.kind {
        Kind::Text => formats::write_text(&mut out, args.seed, args.size, &pupils, rates).map(drop)?,
        Kind::Jsonl => formats::write_jsonl(&mut out, args.seed, args.size, &pupils, rates)?,
        Kind::Whatsapp => formats::write_whatsapp(&mut out, args.seed, args.size, &pupils, rates)?,
        Kind::Roster => out.write_all(formats::roster_csv(&pupils).as_bytes())?,
        Kind::MarkdownFolder => unreachable!("written above"),
    }
    out.flush()
}

fn main() -> ExitCode {
    let args = Args::parse();
    match write(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("corpus: cannot write {}: {e}", args.out.display());
            ExitCode::from(2)
        }
    }
}
