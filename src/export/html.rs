//! HTML in platform texts: YouTube's `textDisplay` is HTML, X escapes `&`, `<` and `>`. Tags go
//! (a `<br>` becomes a line break), character references become the characters they stand for,
//! and every character keeps its place in the file.

use crate::export::mapped::{MappedText, Spot};

/// The longest character reference read (`&#x1F600;`, `&hellip;`).
const MAX_REFERENCE: usize = 10;

/// Decode character references; with `strip_tags`, also drop tags.
pub fn to_text(text: MappedText, strip_tags: bool) -> MappedText {
    // Most comments have neither: rewriting would give the same text.
    let decodes = text.text.contains('&') || (strip_tags && text.text.contains('<'));
    if !decodes {
        return text;
    }
    text.rewrite(|rest: &[(char, Spot)]| match rest[0].0 {
        '&' => reference(rest).unwrap_or((1, Some('&'))),
        '<' if strip_tags => tag(rest).unwrap_or((1, Some('<'))),
        c => (1, Some(c)),
    })
}

/// `&amp;`, `&#39;`, `&#x27;` and the few named references platforms use.
fn reference(rest: &[(char, Spot)]) -> Option<(usize, Option<char>)> {
    let end = rest.iter().take(MAX_REFERENCE).position(|&(c, _)| c == ';')?;
    let name: String = rest[1..end].iter().map(|&(c, _)| c).collect();
    let c = if let Some(number) = name.strip_prefix('#') {
        crate::markup::html::numeric_reference(number)?
    } else {
        match name.as_str() {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{A0}',
            "hellip" => '…',
            _ => return None,
        }
    };
    Some((end + 1, Some(c)))
}

/// A tag `<…>`: dropped, or a line break for `<br>`.
fn tag(rest: &[(char, Spot)]) -> Option<(usize, Option<char>)> {
    let end = rest.iter().position(|&(c, _)| c == '>')?;
    let inside: String = rest[1..end].iter().map(|&(c, _)| c.to_ascii_lowercase()).collect();
    let starts_like_tag = inside.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
    if !starts_like_tag {
        return None;
    }
    let name = inside.trim_start_matches('/').split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    Some((end + 1, (name == "br").then_some('\n')))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mapped(s: &str) -> MappedText {
        let mut m = MappedText::starting_at(Spot::default());
        m.push_verbatim(s);
        m
    }

    #[test]
    fn decodes_references_and_drops_tags() {
        let out = to_text(mapped("Lieke &amp; Bram<br>zie <a href=\"x\">hier</a> &#39;ok&#x27; 3 < 4 &foo;"), true);
        assert_eq!(out.text, "Lieke & Bram\nzie hier 'ok' 3 < 4 &foo;");
        assert_eq!(out.spot(8).offset, 12);
        assert_eq!(out.spot(out.text.find("hier").unwrap()).offset, 36);
        let kept = to_text(mapped("a <b> &lt;"), false);
        assert_eq!(kept.text, "a <b> <");
    }
}
