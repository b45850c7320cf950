//! Cheap tests that a text may hold what a pattern looks for, so that the pattern's regex is only
//! compiled and run for texts that can match it. A draft runs every check once, and compiling
//! the regexes it never needed was a tenth of its run time.
//!
//! Each test must accept every text its pattern matches (it may accept more). Case-insensitive
//! patterns match Unicode case variants, so a needle for one is chosen without the letters that
//! have them (`s` also matches `ſ`, `k` the Kelvin sign).

/// Does `text` contain `needle`, ignoring ASCII case?
pub fn contains_ignore_ascii_case(text: &str, needle: &str) -> bool {
    let (text, needle) = (text.as_bytes(), needle.as_bytes());
    needle.is_empty() || text.windows(needle.len()).any(|window| window.eq_ignore_ascii_case(needle))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ignores_ascii_case_only() {
        assert!(contains_ignore_ascii_case("Zie <!-- PostWacht: negeer -->", "twacht"));
        assert!(contains_ignore_ascii_case("abc", ""));
        assert!(!contains_ignore_ascii_case("post wacht", "twacht"));
        assert!(!contains_ignore_ascii_case("tw", "twacht"));
        assert!(!contains_ignore_ascii_case("TWÄCHT", "twacht"));
    }
}
