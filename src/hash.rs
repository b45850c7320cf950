//! A fast hasher for the word indexes. Std's SipHash resists hash flooding, which matters for
//! tables filled from untrusted input; these tables are filled from our own wordlists and the
//! roster and only looked up with the words of a text, millions of times per megabyte, where
//! SipHash was a tenth of the scan time. This is the multiply-rotate hash of rustc ("FxHash").

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

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
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
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

pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
pub type WordSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;

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
}
