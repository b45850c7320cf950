//! Errors in `postwacht.toml`, in Dutch, with the line and the key they are about.
//!
//! serde and toml describe problems in English ("unknown field `org`, expected one of …"); the
//! common ones are said again here in Dutch, with a suggestion for a misspelt key. Anything else
//! (a TOML syntax error) is passed on as toml says it.

use toml::de::{DeTable, DeValue};

/// The key path of the value (or key) at byte `offset`, when the file parses as TOML.
pub fn key_path_at(text: &str, offset: usize) -> Option<String> {
    let doc = DeTable::parse(text).ok()?;
    path_in_table(doc.get_ref(), offset)
}

/// Does a span hold `offset` (an empty span counts at its start)?
fn holds(span: &std::ops::Range<usize>, offset: usize) -> bool {
    span.contains(&offset) || (span.start == offset && span.is_empty())
}

/// The key path to `offset` inside a table. A `[table]` header's span covers only the header, so
/// tables are searched by their contents, not by their span.
fn path_in_table(table: &DeTable<'_>, offset: usize) -> Option<String> {
    table.iter().find_map(|(key, value)| {
        let name = key.get_ref().to_string();
        if holds(&key.span(), offset) {
            return Some(name);
        }
        path_in_value(value.get_ref(), offset)
            .map(|inner| if inner.starts_with('[') { format!("{name}{inner}") } else { format!("{name}.{inner}") })
            .or_else(|| holds(&value.span(), offset).then_some(name))
    })
}

/// The rest of the key path to `offset` inside a value (`[2].severity`), if it is inside.
fn path_in_value(value: &DeValue<'_>, offset: usize) -> Option<String> {
    match value {
        DeValue::Table(table) => path_in_table(table, offset),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let inner =
                path_in_value(item.get_ref(), offset).or_else(|| holds(&item.span(), offset).then(String::new))?;
            let inner = if inner.is_empty() || inner.starts_with('[') { inner } else { format!(".{inner}") };
            Some(format!("[{}]{inner}", i + 1))
        }),
        _ => None,
    }
}

/// A toml or serde message, in Dutch.
pub fn dutch(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let mut out = format!("onbekende sleutel '{field}'");
        if let Some(close) = closest(field, &known) {
            out.push_str(&format!(" (bedoel je '{close}'?)"));
        }
        if !known.is_empty() {
            out.push_str(&format!("; hier kan: {}", known.join(", ")));
        }
        return out;
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, _) = rest.split_once('`').unwrap_or((rest, ""));
        return format!("onbekende waarde '{value}'");
    }
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, "iets anders"));
        return format!("verkeerde soort waarde: {}, verwacht {}", kind(found), kind(expected));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        return format!("'{}' ontbreekt", rest.trim_end_matches('`'));
    }
    if message == "duplicate key" {
        return "deze sleutel staat er al eerder".into();
    }
    format!("geen geldige TOML: {}", message.lines().next().unwrap_or(message))
}

/// A serde description of a kind of value, in Dutch.
fn kind(english: &str) -> String {
    let (what, value) = english.split_once(' ').unwrap_or((english, ""));
    match what {
        "string" => format!("tekst {value}"),
        "integer" | "floating" => format!("getal {}", value.trim_start_matches("point ").trim_matches('`')),
        "boolean" => format!("{} (waar/onwaar)", value.trim_matches('`')),
        "sequence" => "een lijst".into(),
        "map" => "een tabel".into(),
        "a" | "an" => match value {
            "string" => "tekst (tussen aanhalingstekens)".into(),
            "sequence" => "een lijst, zoals [\"a\", \"b\"]".into(),
            "boolean" => "true of false".into(),
            "map" => "een tabel".into(),
            _ => english.to_string(),
        },
        _ => english.to_string(),
    }
}

/// The known name nearest to a misspelt one (at most two edits away).
fn closest<'a>(name: &str, known: &[&'a str]) -> Option<&'a str> {
    known.iter().map(|k| (edits(name, k), *k)).filter(|&(d, _)| d <= 2).min().map(|(_, k)| k)
}

/// Levenshtein distance.
fn edits(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb)).min(row[j] + 1).min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_dutch() {
        assert_eq!(
            dutch("unknown field `org`, expected one of `orgs`, `channel`"),
            "onbekende sleutel 'org' (bedoel je 'orgs'?); hier kan: orgs, channel"
        );
        assert_eq!(
            dutch("invalid type: string \"x\", expected a sequence"),
            "verkeerde soort waarde: tekst \"x\", verwacht een lijst, zoals [\"a\", \"b\"]"
        );
        assert_eq!(
            dutch("invalid type: integer `5`, expected a string"),
            "verkeerde soort waarde: getal 5, verwacht tekst (tussen aanhalingstekens)"
        );
        assert_eq!(dutch("missing field `category`"), "'category' ontbreekt");
    }

    #[test]
    fn key_paths_follow_tables_and_arrays() {
        let text = "orgs = [\"a\", 5]\n[terms]\nextra = [{ term = \"a\" }, { term = \"b\", x = 1 }]\n";
        assert_eq!(key_path_at(text, text.find('5').unwrap()).as_deref(), Some("orgs[2]"));
        assert_eq!(key_path_at(text, text.find("x =").unwrap()).as_deref(), Some("terms.extra[2].x"));
    }
}
