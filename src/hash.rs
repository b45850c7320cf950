//! A fast hasher for the word indexes. Std's SipHash resists hash flooding, which matters for
//! tables filled from untrusted input; these tables are filled from our own wordlists and the
//! roster and only looked up with the words of a text, millions of times per megabyte, where
//! SipHash was a tenth of the scan time. This is the multiply-rotate hash of rustc ("FxHash").

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hash, Hasher};

#[derive(Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail(rest));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// One to seven bytes as a little-endian number, as if padded with zeros to eight. Two reads that
/// may overlap, rather than copying into a padded buffer: for so few bytes that copy was a call to
/// `memcpy`, and a good part of hashing a word.
fn tail(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    let four = |i: usize| u64::from(u32::from_le_bytes(bytes[i..i + 4].try_into().expect("four bytes")));
    let two = |i: usize| u64::from(u16::from_le_bytes(bytes[i..i + 2].try_into().expect("two bytes")));
    match n {
        4..=7 => four(0) | (four(n - 4) << (8 * (n - 4))),
        2..=3 => two(0) | (two(n - 2) << (8 * (n - 2))),
        _ => u64::from(bytes[0]),
    }
}

pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

/// The hash of one whole key, for tables that keep indexes and hash the keys themselves
/// (`hashbrown::HashTable`).
pub fn hash_one(key: impl Hash) -> u64 {
    BuildHasherDefault::<WordHasher>::default().hash_one(key)
}

/// The same multiply-rotate hash, fed one byte at a time so that a key given in pieces hashes as
/// the whole: `["dijk", "stra"]` as `["dijkstra"]`. For tables that keep only an index and compare
/// the key where it lives (a name with one letter left out, a pupil's lower-cased fields) instead
/// of copying every key into a string of its own.
pub fn hash_pieces<'a>(pieces: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut hasher = WordHasher::default();
    for piece in pieces {
        for &byte in piece {
            hasher.add(u64::from(byte));
        }
    }
    // Bring the well-mixed high bits down to the bits that pick a bucket.
    hasher.hash.rotate_left(26)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_words_hash_equal_and_lookups_work() {
        let mut map: WordMap<String, u32> = WordMap::default();
        for (i, w) in ["de", "het", "kanker", "kankerbestrijding", "a", ""].iter().enumerate() {
            map.insert((*w).to_string(), i as u32);
        }
        assert_eq!(map.get("kanker"), Some(&2));
        assert_eq!(map.get("kankerbestrijding"), Some(&3));
        assert_eq!(map.get(""), Some(&5));
        assert_eq!(map.get("kank"), None);
    }

    #[test]
    fn a_tail_reads_as_zero_padded() {
        let bytes: Vec<u8> = (1..=7).map(|b| b * 31).collect();
        for n in 1..=7 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn pieces_hash_as_the_whole() {
        let whole = hash_pieces([&b"dijkstra"[..]]);
        assert_eq!(hash_pieces([&b"dijk"[..], b"stra"]), whole);
        assert_eq!(hash_pieces([&b""[..], b"dijkstra", b""]), whole);
        assert_ne!(hash_pieces([&b"dijkstar"[..]]), whole);
    }
}
