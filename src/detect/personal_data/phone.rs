//! Phone numbers (PW202), checked against the Dutch numbering plan.
//!
//! A candidate is any run of digits with the separators people use (spaces, dashes, dots, a
//! slash, the area code in brackets, "+31" or "0031" for the leading 0). It is a phone number
//! when its digits have the length the plan gives its prefix:
//!
//! | prefix | what | digits with the 0 |
//! |---|---|---|
//! | 06 | mobile | 10 |
//! | 01–05, 07 | geographic (area code of two to four digits) | 10 |
//! | 084, 085, 087, 088 | non-geographic: personal numbers, VoIP, a company's central number | 10 |
//! | 0800, 0900, 0906, 0909 | free and paid service numbers | 8 or 11 |
//!
//! Service numbers belong to organisations (the Kindertelefoon is 0800-0432), so they are
//! reported as a warning to look at, not as a private number.

use std::sync::LazyLock;

use regex::Regex;

/// A run of digits and phone separators, perhaps after "+" or "00". Brackets go only around the
/// area code at the start ("(020) 123 45 67") or around the trunk 0 ("+31 (0)6"): "0900 123 4567
/// (10 cent per minuut)" ends before the bracket.
pub static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\+|00)?(?:\(\d{2,5}\)|\d)(?:[\d \u{00A0}\-–—./]|\( ?0 ?\)){6,20}\d").expect("valid regex")
});

/// What kind of number a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhoneKind {
    /// A number a person can be reached on: mobile, geographic, non-geographic, or foreign.
    Personal,
    /// A free or paid service number (0800, 0900, 0906, 0909): nearly always an organisation's.
    Service,
}

/// Is `candidate` a phone number by the numbering plan, and of which kind?
pub fn classify(candidate: &str) -> Option<PhoneKind> {
    if !separators_like_a_phone(candidate) {
        return None;
    }
    let plus = candidate.trim_start_matches('(').starts_with('+');
    let digits: String = candidate.chars().filter(char::is_ascii_digit).collect();
    let dutch = if plus { digits.strip_prefix("31") } else { digits.strip_prefix("0031") };
    let national = if let Some(rest) = dutch {
        // "+31 (0)6 …": the trunk 0 in brackets is dropped.
        format!("0{}", rest.strip_prefix('0').unwrap_or(rest))
    } else if plus || digits.starts_with("00") {
        // A foreign number (+32 475 98 76 54): any plausible length is a phone number.
        let international = if plus { digits.len() } else { digits.len() - 2 };
        return (9..=15).contains(&international).then_some(PhoneKind::Personal);
    } else {
        digits
    };
    national_kind(&national)
}

/// The kind of a national number written with its leading 0 ("0612345678").
fn national_kind(national: &str) -> Option<PhoneKind> {
    let bytes = national.as_bytes();
    if bytes.len() < 8 || bytes[0] != b'0' {
        return None;
    }
    let service = ["0800", "0900", "0906", "0909"].iter().any(|p| national.starts_with(p));
    if service {
        return matches!(national.len(), 8 | 11).then_some(PhoneKind::Service);
    }
    let non_geographic = ["084", "085", "087", "088"].iter().any(|p| national.starts_with(p));
    let geographic_or_mobile = matches!(bytes[1], b'1'..=b'7');
    ((non_geographic || geographic_or_mobile) && national.len() == 10).then_some(PhoneKind::Personal)
}

/// Dots in a phone number come as "020.123.4567" or in pairs "06.52.71.93.04", not as in a sum
/// or a list of amounts; a slash comes once, after the area code ("06/12345678").
fn separators_like_a_phone(candidate: &str) -> bool {
    if candidate.matches('/').count() > 1 {
        return false;
    }
    let dots = candidate.chars().filter(|c| *c == '.').count();
    if dots <= 2 {
        return true;
    }
    let groups: Vec<&str> = candidate.split('.').collect();
    groups.len() == 5 && groups.iter().all(|g| g.trim().len() == 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_plan() {
        for personal in [
            "06-12345678",
            "0612345678",
            "06 1234 5678",
            "+31 6 12345678",
            "0031612345678",
            "020-1234567",
            "(020) 123 45 67",
            "0512 345678",
            "+31 (0)6 12345678",
            "06.12.34.56.78",
            "06/12345678",
            "088 123 4567",
            "085-4012345",
            "+31 (0)88 765 4321",
            "0031 20 123 4567",
            "+32 475 98 76 54",
        ] {
            assert_eq!(classify(personal), Some(PhoneKind::Personal), "{personal}");
        }
        for service in ["0800-1234", "0900 123 4567", "0906-1234567", "0909 8765", "0800 0221234"] {
            assert_eq!(classify(service), Some(PhoneKind::Service), "{service}");
        }
        for none in [
            "0800-12345",
            "0900-123456",
            "12345678",
            "06-1234567",
            "+44 20",
            "086 123 4567",
            "0612/34/56/78",
            "1.2.3.4.5",
        ] {
            assert_eq!(classify(none), None, "{none}");
        }
    }
}
