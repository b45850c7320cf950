//! The ways a roster name may be written in a post.
//!
//! The normaliser already folds case, diacritics and letters such as ı, ø, ß and ç, so "Yılmaz",
//! "YILMAZ" and "Yilmaz" are one spelling. What it cannot know is the German and Scandinavian
//! habit of writing an umlaut as a following e (Öztürk → Oeztuerk, Müller → Mueller), and that a
//! double surname (Van der Berg-Jansen) is also used in parts.

use std::ops::Range;

use crate::normalize::push_normalized_term;

/// Append the normalised spellings of a name to `text`, each once and with its range in `out`: as
/// folded, and with umlauts written out.
pub fn spellings(name: &str, text: &mut String, out: &mut Vec<Range<usize>>) {
    let start = text.len();
    push_normalized_term(name, text);
    let folded = start..text.len();
    if !folded.is_empty() {
        out.push(folded.clone());
    }
    if name.contains(['ä', 'ö', 'ü', 'Ä', 'Ö', 'Ü']) {
        let written: String = name
            .chars()
            .flat_map(|c| match c {
                'ä' => "ae".chars().collect::<Vec<_>>(),
                'ö' => "oe".chars().collect(),
                'ü' => "ue".chars().collect(),
                'Ä' => "Ae".chars().collect(),
                'Ö' => "Oe".chars().collect(),
                'Ü' => "Ue".chars().collect(),
                c => vec![c],
            })
            .collect();
        let start = text.len();
        push_normalized_term(&written, text);
        let written = start..text.len();
        if !written.is_empty() && text[written.clone()] != text[folded] {
            out.push(written);
        }
    }
}

/// The parts of a double surname, each with its particle: "van der" + "Berg-Jansen" gives
/// ("van der", "Berg") and ("", "Jansen"); "" + "Smit-van Dijk" gives ("", "Smit") and ("van",
/// "Dijk"). Empty for a single surname.
pub fn surname_parts(particle: &str, last: &str) -> Vec<(String, String)> {
    let Some((head, tail)) = last.split_once('-') else { return Vec::new() };
    let (head, tail) = (head.trim(), tail.trim());
    if head.is_empty() || tail.is_empty() {
        return Vec::new();
    }
    let words: Vec<&str> = tail.split_whitespace().collect();
    let n = words.iter().take_while(|w| crate::roster::is_particle(w)).count().min(words.len() - 1);
    vec![(particle.to_string(), head.to_string()), (words[..n].join(" "), words[n..].join(" "))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spelled(name: &str) -> Vec<String> {
        let (mut text, mut ranges) = (String::from("vorige "), Vec::new());
        spellings(name, &mut text, &mut ranges);
        ranges.into_iter().map(|r| text[r].to_string()).collect()
    }

    #[test]
    fn umlauts_are_also_written_out() {
        assert_eq!(spelled("Öztürk"), ["ozturk", "oeztuerk"]);
        assert_eq!(spelled("Yılmaz"), ["yilmaz"]);
        assert_eq!(spelled("Anne-Sophie"), ["anne sophie"]);
        assert_eq!(spelled("Müller"), ["muller", "mueller"]);
        assert!(spelled("-").is_empty());
    }

    #[test]
    fn double_surnames_come_apart() {
        assert_eq!(
            surname_parts("van der", "Berg-Jansen"),
            [("van der".to_string(), "Berg".to_string()), ("".to_string(), "Jansen".to_string())]
        );
        assert_eq!(
            surname_parts("", "Smit-van Dijk"),
            [("".to_string(), "Smit".to_string()), ("van".to_string(), "Dijk".to_string())]
        );
        assert!(surname_parts("de", "Vries").is_empty());
    }
}
