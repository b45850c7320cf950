//! Many short strings kept one after the other in one string, each found by its number: the
//! cells of a roster, the phrases of its name forms, its handles, the literal phrases of the
//! matcher. A big roster has tens of thousands of these; a string each was a good part of
//! start-up (an allocation each, and the pages they touch).

/// Strings numbered from 0 in the order they were pushed.
#[derive(Clone, Debug, Default)]
pub struct Packed {
    text: String,
    /// Where each string ends in `text` (it starts where the one before it ends).
    ends: Vec<u32>,
}

impl Packed {
    /// Room for about `strings` strings of `bytes` bytes in all.
    pub fn with_capacity(strings: usize, bytes: usize) -> Packed {
        Packed { text: String::with_capacity(bytes), ends: Vec::with_capacity(strings) }
    }

    /// Add a string; returns its number.
    pub fn push(&mut self, s: &str) -> u32 {
        self.text.push_str(s);
        self.ends.push(self.text.len() as u32);
        (self.ends.len() - 1) as u32
    }

    /// String number `i`.
    pub fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.text[start..self.ends[i] as usize]
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Add `other`'s strings after these (they are numbered on from [`Packed::len`]).
    pub fn append(&mut self, other: &Packed) {
        let offset = self.text.len() as u32;
        self.text.push_str(&other.text);
        self.ends.extend(other.ends.iter().map(|end| end + offset));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_by_number() {
        let mut a = Packed::default();
        assert_eq!((a.push("daan de vries"), a.push(""), a.push("noor")), (0, 1, 2));
        let mut b = Packed::with_capacity(1, 3);
        b.push("sem");
        a.append(&b);
        assert_eq!((0..a.len() as u32).map(|i| a.get(i)).collect::<Vec<_>>(), ["daan de vries", "", "noor", "sem"]);
    }
}
