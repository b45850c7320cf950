//! postwacht checks Dutch school social-media text before it is published.
//!
//! It reports each passage that breaks a school's social-media protocol: pupil names from a
//! roster, personal data (AVG), confidential information, insults, discrimination, threats,
//! obscenity, a missing staff disclaimer and photos of pupils without consent, each with the
//! article of the protocol it breaks.
//!
//! The pipeline, one module per step:
//! - [`input`] and [`encoding`] read what to scan; [`roster`] reads the pupils;
//! - [`normalize`] builds the matching view of a text with a map back to the original bytes;
//! - [`matcher`] finds every wordlist phrase, name and organisation name in one pass;
//! - [`detect`] turns matches into hits, one module per category;
//! - [`rules`] is the one table of rule codes, severities, Dutch texts and articles
//!   ([`protocol`] holds the article summaries);
//! - [`scan`] ties these together; [`report`] prints findings.
//!
//! Around them: [`config`] reads `postwacht.toml` ([`terms`] are the school's own terms),
//! [`suppress`] honours inline exceptions and [`baseline`] hides findings accepted before.
//!
//! ```
//! use postwacht::roster::Roster;
//! use postwacht::scan::{Scanner, Settings};
//!
//! let (roster, _) = Roster::parse("klas.txt", "Noor Bakker\n".as_bytes())?;
//! let scanner = Scanner::new(Settings::default(), roster)?;
//! let hits = scanner.check("Gefeliciteerd Noor Bakker met je zwemdiploma!");
//! assert_eq!(hits[0].rule.code, "PW101");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod baseline;
pub mod batch;
pub mod cli;
pub mod config;
pub mod deadline;
pub mod detect;
pub mod encoding;
pub mod export;
pub mod finding;
pub mod fix;
pub mod git;
pub mod hash;
pub mod input;
pub mod lexicon;
pub mod line_index;
pub mod markup;
pub mod matcher;
pub mod normalize;
pub mod one_or_many;
pub mod ordered;
pub mod packed;
pub mod phrase;
pub mod prefilter;
pub mod progress;
pub mod protocol;
pub mod report;
pub mod respell;
pub mod roster;
pub mod rules;
pub mod scan;
pub mod suppress;
pub mod terms;
pub mod wordlists;
