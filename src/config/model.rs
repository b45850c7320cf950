//! The shape of `postwacht.toml`, as serde reads it. Every value keeps its place in the file
//! ([`Spanned`]), so errors and `postwacht config` can name its line. Choices (channel, format, …)
//! are read as text here and checked against the command line's names where they are used.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use toml::Spanned;

/// The whole file. Keys are named like the command line's options.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", expecting = "een tabel met instellingen")]
pub struct Settings {
    #[serde(default)]
    pub orgs: Vec<Spanned<String>>,
    #[serde(default)]
    pub org_domains: Vec<Spanned<String>>,
    pub channel: Option<Spanned<String>>,
    pub protocols: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    pub rosters: Vec<Spanned<String>>,
    pub consent_column: Option<Spanned<ConsentColumn>>,
    pub fail_on: Option<Spanned<String>>,
    pub format: Option<Spanned<String>>,
    pub input_format: Option<Spanned<String>>,
    pub text_column: Option<Spanned<String>>,
    pub redact: Option<Spanned<bool>>,
    pub baseline: Option<Spanned<String>>,
    pub baseline_key: Option<Spanned<String>>,
    #[serde(default)]
    pub terms: Terms,
    #[serde(default)]
    pub fix: Fix,
}

/// `[fix]`: what `postwacht fix` makes of what it fixes.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    rename_all = "kebab-case",
    expecting = "een tabel met pupil-name, personal-data, disclaimer en disclaimer-english"
)]
pub struct Fix {
    pub pupil_name: Option<Spanned<String>>,
    pub personal_data: Option<Spanned<String>>,
    pub disclaimer: Option<Spanned<String>>,
    pub disclaimer_english: Option<Spanned<String>>,
}

/// `[terms]`: the school's own terms.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "een tabel met extra, remove en allow")]
pub struct Terms {
    #[serde(default)]
    pub extra: Vec<Spanned<Extra>>,
    #[serde(default)]
    pub remove: Vec<Spanned<String>>,
    #[serde(default)]
    pub allow: Vec<Spanned<String>>,
}

/// One extra term: `{ term = "juf heks", category = "insult", severity = "warning" }`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "een tabel met term, category en eventueel severity")]
pub struct Extra {
    pub term: Spanned<String>,
    pub category: Spanned<String>,
    pub severity: Option<Spanned<String>>,
}

/// `consent-column`: one column for every channel, or a column per channel.
#[derive(Debug)]
pub enum ConsentColumn {
    All(String),
    /// (channel, column) pairs as written.
    PerChannel(Vec<(Spanned<String>, Spanned<String>)>),
}

impl<'de> Deserialize<'de> for ConsentColumn {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<ConsentColumn, D::Error> {
        struct ColumnVisitor;
        impl<'de> Visitor<'de> for ColumnVisitor {
            type Value = ConsentColumn;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("een kolomnaam, of een tabel met een kolomnaam per kanaal")
            }

            fn visit_str<E: de::Error>(self, column: &str) -> Result<ConsentColumn, E> {
                Ok(ConsentColumn::All(column.to_string()))
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ConsentColumn, A::Error> {
                let mut pairs = Vec::new();
                while let Some(channel) = map.next_key::<Spanned<String>>()? {
                    pairs.push((channel, map.next_value::<Spanned<String>>()?));
                }
                Ok(ConsentColumn::PerChannel(pairs))
            }
        }
        deserializer.deserialize_any(ColumnVisitor)
    }
}
