//! Handle and hashtag spellings of pupils' names (`@daandevries`, `#teamnoor`) and the pupils
//! they name.

use hashbrown::HashTable;

use super::Pupils;
use crate::hash::hash_one;
use crate::packed::Packed;

/// The handles of a roster. A roster of 2,000 pupils has some 7,000: their spellings are packed
/// into one string and found through a table of their numbers, not kept as a string each in a map.
#[derive(Debug, Default)]
pub struct Handles {
    spellings: Packed,
    /// Each handle's pupils, by its number in `spellings`.
    pupils: Vec<Pupils>,
    /// Numbers in `spellings`, by spelling.
    table: HashTable<u32>,
}

impl Handles {
    /// Room for about `handles` handles.
    pub fn with_capacity(handles: usize) -> Handles {
        // A handle has some eleven letters.
        Handles {
            spellings: Packed::with_capacity(handles, handles * 12),
            pupils: Vec::with_capacity(handles),
            table: HashTable::with_capacity(handles),
        }
    }

    pub fn get(&self, handle: &str) -> Option<&Pupils> {
        let found = self.table.find(hash_one(handle), |&i| self.spellings.get(i) == handle);
        found.map(|&i| &self.pupils[i as usize])
    }

    /// Add `pupil` to `handle`. A handle not seen before is added when `accept_new` says so.
    pub fn add(&mut self, handle: &str, pupil: u32, accept_new: impl FnOnce() -> bool) {
        let hash = hash_one(handle);
        if let Some(&i) = self.table.find(hash, |&i| self.spellings.get(i) == handle) {
            self.pupils[i as usize].add_once(pupil);
        } else if accept_new() {
            let i = self.spellings.push(handle);
            self.pupils.push(Pupils::One(pupil));
            let spellings = &self.spellings;
            self.table.insert_unique(hash, i, |&i| hash_one(spellings.get(i)));
        }
    }
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
        assert!(handles.get("noorbakker").is_some() && handles.get("storm").is_none());
        assert!(handles.get("daan").is_none());
    }
}
