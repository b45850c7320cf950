//! Handle and hashtag spellings of pupils' names (`@daandevries`, `#teamnoor`) and the pupils
//! they name.

use std::ops::Range;

use hashbrown::HashTable;

use super::Pupils;
use crate::hash::hash_one;

/// The handles of a roster. A roster of 2,000 pupils has some 7,000: their spellings are kept in
/// one string and found through a table of indexes, not kept as a string each in a map.
#[derive(Debug, Default)]
pub struct Handles {
    /// The spellings, one after the other.
    text: String,
    /// Each handle: its spelling in `text` and its pupils.
    entries: Vec<(Range<u32>, Pupils)>,
    /// Indexes into `entries`, by spelling.
    table: HashTable<u32>,
}

impl Handles {
    /// Room for about `handles` handles.
    pub fn with_capacity(handles: usize) -> Handles {
        // A handle has some eleven letters.
        Handles {
            text: String::with_capacity(handles * 12),
            entries: Vec::with_capacity(handles),
            table: HashTable::with_capacity(handles),
        }
    }

    pub fn get(&self, handle: &str) -> Option<&Pupils> {
        let found = self.table.find(hash_one(handle), |&i| self.spelling(i) == handle);
        found.map(|&i| &self.entries[i as usize].1)
    }

    pub fn contains_key(&self, handle: &str) -> bool {
        self.get(handle).is_some()
    }

    /// Add `pupil` to `handle`. A handle not seen before is added when `accept_new` says so.
    pub fn add(&mut self, handle: &str, pupil: u32, accept_new: impl FnOnce() -> bool) {
        let hash = hash_one(handle);
        if let Some(&i) = self.table.find(hash, |&i| self.spelling(i) == handle) {
            self.entries[i as usize].1.add(pupil);
        } else if accept_new() {
            let start = self.text.len() as u32;
            self.text.push_str(handle);
            let i = self.entries.len() as u32;
            self.entries.push((start..self.text.len() as u32, Pupils::One(pupil)));
            let Handles { text, entries, table } = self;
            let rehash = |&i: &u32| hash_one(spelling(text, entries, i));
            table.insert_unique(hash, i, rehash);
        }
    }

    /// Every handle with its pupils, in the order they were added.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Pupils)> {
        (0..self.entries.len() as u32).map(|i| (self.spelling(i), &self.entries[i as usize].1))
    }

    fn spelling(&self, i: u32) -> &str {
        spelling(&self.text, &self.entries, i)
    }
}

fn spelling<'a>(text: &'a str, entries: &[(Range<u32>, Pupils)], i: u32) -> &'a str {
    let range = &entries[i as usize].0;
    &text[range.start as usize..range.end as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_gather_their_pupils() {
        let mut handles = Handles::default();
        handles.add("daandevries", 0, || true);
        handles.add("noorbakker", 1, || true);
        handles.add("daandevries", 2, || false);
        handles.add("storm", 3, || false);
        assert_eq!(handles.get("daandevries").map(|p| p.to_vec()), Some(vec![0, 2]));
        assert!(handles.contains_key("noorbakker") && !handles.contains_key("storm"));
        assert!(handles.get("daan").is_none());
        assert_eq!(handles.iter().map(|(h, _)| h).collect::<Vec<_>>(), ["daandevries", "noorbakker"]);
    }
}
