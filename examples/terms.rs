//! Print the literal words postwacht's automaton searches for, one per line, sorted and without
//! duplicates: the wordlists' words and variants, the first words of phrases, and the name forms
//! of the rosters given. `benches/compare.sh` gives them to ripgrep (`rg -F -f terms.txt`) to
//! compare postwacht with a plain literal search for the same words.
//!
//! ```text
//! cargo run --release --example terms -- [ROSTER.csv ...] > terms.txt
//! ```

use std::collections::BTreeSet;
use std::io::{BufWriter, Write};
use std::process::ExitCode;

use postwacht::roster::Roster;
use postwacht::scan::{Scanner, Settings};

fn main() -> ExitCode {
    let mut roster = Roster::default();
    for path in std::env::args_os().skip(1) {
        match Roster::load(std::path::Path::new(&path)) {
            Ok((r, _)) => roster.extend(r),
            Err(e) => {
                eprintln!("terms: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let scanner = match Scanner::new(Settings::default(), roster) {
        Ok(scanner) => scanner,
        Err(e) => {
            eprintln!("terms: {e}");
            return ExitCode::from(2);
        }
    };
    let literals: BTreeSet<&str> = scanner.literals().filter(|l| !l.is_empty()).collect();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for literal in literals {
        if writeln!(out, "{literal}").is_err() {
            return ExitCode::from(2);
        }
    }
    if out.flush().is_err() { ExitCode::from(2) } else { ExitCode::SUCCESS }
}
