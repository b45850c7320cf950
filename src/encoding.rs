//! Turning bytes from disk into text: UTF-8 (with or without BOM), UTF-8 with a few damaged
//! bytes, else Windows-1252.
//!
//! Dutch Excel saves "CSV (gescheiden door lijstscheidingsteken)" as Windows-1252, and older
//! Notepad drafts are in the same code page. Bytes that are not valid UTF-8 are decoded as
//! Windows-1252, which maps every byte to a character, so decoding never fails; the caller learns
//! which encoding was used. But a UTF-8 file with one stray byte is not Windows-1252: read so, its
//! "Zoë" became "ZoÃ«" and the pupil's name was no longer found. So a text whose valid multi-byte
//! UTF-8 sequences are at least as many as its invalid bytes is read as UTF-8, each invalid byte
//! replaced by a space (one byte for one byte, so offsets stay those of the file).

use std::borrow::Cow;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf8Bom,
    /// UTF-16 with a byte order mark, as Excel saves "Unicode-tekst" (read for rosters only).
    Utf16Le,
    Utf16Be,
    Windows1252,
    /// UTF-8 with `count` invalid bytes, the first at byte `first`; each was read as a space.
    Utf8Damaged {
        first: usize,
        count: usize,
    },
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 met BOM",
            Encoding::Utf16Le => "UTF-16 (little-endian)",
            Encoding::Utf16Be => "UTF-16 (big-endian)",
            Encoding::Windows1252 => "Windows-1252",
            Encoding::Utf8Damaged { .. } => "UTF-8 (met beschadigde bytes)",
        }
    }

    /// Whether the text is not the file byte for byte (a fix must not write it back).
    pub fn is_lossy(self) -> bool {
        matches!(self, Encoding::Windows1252 | Encoding::Utf8Damaged { .. })
    }
}

/// Windows-1252 bytes 0x80..=0x9F; the rest of the code page equals Latin-1. Undefined bytes
/// (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to the C1 control of the same value, as browsers do.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decode bytes as UTF-8 when they are valid UTF-8, as damaged UTF-8 when they are mostly UTF-8
/// (see the module documentation), else as Windows-1252.
///
/// A UTF-8 BOM is kept in the text (it is invisible to the checks), so byte offsets into the
/// returned text are offsets into the file.
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, Encoding) {
    match std::str::from_utf8(bytes) {
        Ok(text) if text.starts_with('\u{FEFF}') => (Cow::Borrowed(text), Encoding::Utf8Bom),
        Ok(text) => (Cow::Borrowed(text), Encoding::Utf8),
        Err(_) => match decode_damaged_utf8(bytes) {
            Some((text, encoding)) => (Cow::Owned(text), encoding),
            None => (Cow::Owned(decode_windows_1252(bytes)), Encoding::Windows1252),
        },
    }
}

/// UTF-8 with its invalid bytes read as spaces, when valid multi-byte sequences are at least as
/// many as invalid bytes; `None` when the bytes look like a single-byte code page.
fn decode_damaged_utf8(bytes: &[u8]) -> Option<(String, Encoding)> {
    let (mut text, mut first, mut count, mut multi_byte) = (String::with_capacity(bytes.len()), None, 0, 0);
    for chunk in bytes.utf8_chunks() {
        multi_byte += chunk.valid().chars().filter(|c| c.len_utf8() > 1).count();
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            first.get_or_insert(text.len());
            count += chunk.invalid().len();
            text.extend(std::iter::repeat_n(' ', chunk.invalid().len()));
        }
    }
    (multi_byte > 0 && multi_byte >= count).then(|| (text, Encoding::Utf8Damaged { first: first.unwrap_or(0), count }))
}

/// Decode UTF-16 that starts with a byte order mark (the mark is dropped); `None` without one.
/// Unpaired surrogates become U+FFFD.
pub fn decode_utf16(bytes: &[u8]) -> Option<(String, Encoding)> {
    let (encoding, from): (Encoding, fn([u8; 2]) -> u16) = match bytes {
        [0xFF, 0xFE, ..] => (Encoding::Utf16Le, u16::from_le_bytes),
        [0xFE, 0xFF, ..] => (Encoding::Utf16Be, u16::from_be_bytes),
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| from([pair[0], pair[1]]));
    Some((char::decode_utf16(units).map(|c| c.unwrap_or('\u{FFFD}')).collect(), encoding))
}

pub fn decode_windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// Does this look like UTF-16 text, with or without a byte order mark: Latin text in UTF-16
/// has a zero in (nearly) every other byte and nowhere else. Such a file looks binary (it has
/// NUL bytes) but is a text that must not be skipped in silence (issue 17).
pub fn looks_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192) & !1];
    if head.len() < 8 {
        return false;
    }
    let zeros = |parity: usize| head.iter().skip(parity).step_by(2).filter(|&&b| b == 0).count();
    let (even, odd, half) = (zeros(0), zeros(1), head.len() / 2);
    (odd * 10 >= half * 9 && even * 10 < half) || (even * 10 >= half * 9 && odd * 10 < half)
}

/// Does this look like a binary file (a NUL byte in its first 8 KiB, as git and ripgrep judge)?
pub fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_is_recognised_with_and_without_a_bom() {
        let text = "Gefeliciteerd Noor Bakker!";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert!(looks_utf16(&le) && looks_utf16(&be));
        assert!(looks_utf16(&[&[0xFF, 0xFE][..], &le].concat()));
        assert!(
            !looks_utf16(text.as_bytes()) && !looks_utf16(&[0u8; 64]) && !looks_utf16(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        );
    }

    #[test]
    fn decodes_utf8_bom_and_windows_1252() {
        assert_eq!(decode("Zoë".as_bytes()), (Cow::Borrowed("Zoë"), Encoding::Utf8));
        let (text, enc) = decode(b"\xEF\xBB\xBFZo\xC3\xAB");
        assert_eq!((text.as_ref(), enc), ("\u{FEFF}Zoë", Encoding::Utf8Bom));
        let (text, enc) = decode(b"Zo\xEB \x80 \x93ja\x94");
        assert_eq!((text.as_ref(), enc), ("Zoë € “ja”", Encoding::Windows1252));
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte_stays_utf8() {
        let (text, enc) = decode(b"Gisteren won Zo\xC3\xAB de race.\nDat kost 5\xFF euro.\n");
        assert_eq!(text.as_ref(), "Gisteren won Zoë de race.\nDat kost 5  euro.\n");
        assert_eq!(enc, Encoding::Utf8Damaged { first: 37, count: 1 });
        // Real Windows-1252 (its accents are not UTF-8) stays Windows-1252.
        assert_eq!(decode(b"Zo\xEB en Ren\xE9 \x80 5").1, Encoding::Windows1252);
    }

    #[test]
    fn decodes_utf16_with_a_bom() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("Zoë;ja".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode_utf16(&le), Some(("Zoë;ja".to_string(), Encoding::Utf16Le)));
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("Zoë".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode_utf16(&be), Some(("Zoë".to_string(), Encoding::Utf16Be)));
        assert_eq!(decode_utf16(b"Zoe"), None);
    }

    #[test]
    fn spots_binary() {
        assert!(looks_binary(b"PK\x03\x04\x00\x00"));
        assert!(!looks_binary("gewone tekst".as_bytes()));
    }
}
