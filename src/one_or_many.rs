//! A list that nearly always holds one item, kept inline: the leads of a stored word, the pupils
//! of a name form or handle. An index of tens of thousands of entries, each with a list of its
//! own, was a good part of start-up (an allocation each) and of lookups (a pointer to follow).

use std::ops::Deref;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OneOrMany<T> {
    One(T),
    Many(Vec<T>),
}

impl<T: Copy + PartialEq> OneOrMany<T> {
    pub fn push(&mut self, item: T) {
        match self {
            OneOrMany::One(first) => *self = OneOrMany::Many(vec![*first, item]),
            OneOrMany::Many(items) => items.push(item),
        }
    }

    /// Add `item` unless the list has it already.
    pub fn add_once(&mut self, item: T) {
        if !self.contains(&item) {
            self.push(item);
        }
    }
}

impl<T> Deref for OneOrMany<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        match self {
            OneOrMany::One(one) => std::slice::from_ref(one),
            OneOrMany::Many(all) => all,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_adds_once_when_asked() {
        let mut list = OneOrMany::One(3);
        list.add_once(3);
        assert_eq!(*list, [3]);
        for p in [1, 3, 7, 1] {
            list.add_once(p);
        }
        assert_eq!(*list, [3, 1, 7]);
        list.push(7);
        assert_eq!(*list, [3, 1, 7, 7]);
    }
}
