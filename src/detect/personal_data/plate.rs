//! Dutch licence plates (kentekens), by sidecode.
//!
//! A sidecode is the pattern of letters (X) and digits (9) in groups: 99-XX-99 … 999-XX-9. Plates
//! since sidecode 4 use no vowels and no C or Q, and skip combinations such as PVV, SS and KKK;
//! those rules make a standalone "12-TKV-4" a plate and a code like "AB-12-34" rarely one. The
//! old sidecodes 1–3 (letters with vowels allowed) count only after a word such as "kenteken" or
//! "auto"; lower-case plates too.

use std::sync::LazyLock;

use regex::Regex;

/// Letters of plates since sidecode 4.
const L: &str = "[BDFGHJKLNPRSTVXZ]";

/// The sidecodes 4–14, then 1–3.
static MODERN: LazyLock<Regex> = LazyLock::new(|| {
    let shapes = [
        "LL-99-LL", "LL-LL-99", "99-LL-LL", "99-LLL-9", "9-LLL-99", "LL-999-L", "L-999-LL", "LLL-99-L", "L-99-LLL",
        "9-LL-999", "999-LL-9",
    ];
    Regex::new(&alternatives(&shapes, L)).expect("valid regex")
});
static OLD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&alternatives(&["LL-99-99", "99-99-LL", "99-LL-99"], "[A-Z]")).expect("valid regex"));

fn alternatives(shapes: &[&str], letter: &str) -> String {
    let one = |shape: &str| {
        let mut out = String::new();
        for c in shape.chars() {
            match c {
                'L' => out.push_str(letter),
                '9' => out.push_str(r"\d"),
                _ => out.push_str("[-‑]"),
            }
        }
        out
    };
    format!("(?i)(?:{})", shapes.iter().map(|s| one(s)).collect::<Vec<_>>().join("|"))
}

/// Letter combinations never issued.
const EXCLUDED: &[&str] = &["GVD", "KKK", "KVT", "LPF", "NSB", "PKK", "PSV", "PVV", "SD", "SGP", "SS", "TBS", "VVD"];

/// Candidate plates in `text`: byte ranges, and whether the plate needs a vehicle word nearby to
/// count (an old sidecode, or written in lower case).
pub fn candidates(text: &str) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    for (regex, old) in [(&*MODERN, false), (&*OLD, true)] {
        for m in regex.find_iter(text) {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            let joined = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '‑');
            if joined(before) || joined(after) {
                continue;
            }
            let plate = m.as_str();
            let letters: String = plate.chars().filter(char::is_ascii_alphabetic).collect();
            if !old && excluded(&letters.to_uppercase()) {
                continue;
            }
            let lower = plate.chars().any(|c| c.is_ascii_lowercase());
            if !out.iter().any(|&(s, e, _)| m.start() < e && s < m.end()) {
                out.push((m.start(), m.end(), old || lower));
            }
        }
    }
    out
}

fn excluded(letters: &str) -> bool {
    EXCLUDED.iter().any(|x| letters.contains(x))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(&str, bool)> {
        candidates(text).into_iter().map(|(s, e, cue)| (&text[s..e], cue)).collect()
    }

    #[test]
    fn sidecodes() {
        for plate in
            ["12-TKV-4", "4-TFL-12", "GB-123-T", "T-123-GB", "TKV-12-B", "B-12-TKV", "1-TK-123", "123-TK-1", "12-BL-BL"]
        {
            assert_eq!(found(plate), [(plate, false)], "{plate}");
        }
        assert_eq!(found("AB-12-34"), [("AB-12-34", true)]);
        assert_eq!(found("12-tkv-4"), [("12-tkv-4", true)]);
    }

    #[test]
    fn not_plates() {
        for text in ["12-03-2014", "06-12345678", "12-PVV-3", "12-ABC-3", "groep 7-B", "A4-123-BC", "XL-12-BLA"] {
            assert!(found(text).iter().all(|(_, cue)| *cue), "{text}: {:?}", found(text));
        }
    }
}
