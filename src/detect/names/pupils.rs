//! The pupils a name form or handle belongs to.

use std::ops::Deref;

/// The pupils a name form or handle belongs to, in roster order. Nearly every form and handle
/// belongs to one pupil, so one is kept inline: a roster of 2,000 pupils has some 19,000 forms and
/// handles, and an allocation for each was a good part of building the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pupils {
    One(u32),
    Many(Vec<u32>),
}

impl Pupils {
    /// Add `pupil` unless it is there already.
    pub fn add(&mut self, pupil: u32) {
        match self {
            Pupils::One(one) if *one == pupil => {}
            Pupils::One(one) => *self = Pupils::Many(vec![*one, pupil]),
            Pupils::Many(all) => {
                if !all.contains(&pupil) {
                    all.push(pupil);
                }
            }
        }
    }
}

impl Deref for Pupils {
    type Target = [u32];

    fn deref(&self) -> &[u32] {
        match self {
            Pupils::One(one) => std::slice::from_ref(one),
            Pupils::Many(all) => all,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_each_pupil_once_in_order() {
        let mut pupils = Pupils::One(3);
        pupils.add(3);
        assert_eq!(*pupils, [3]);
        for p in [1, 3, 7, 1] {
            pupils.add(p);
        }
        assert_eq!(*pupils, [3, 1, 7]);
    }
}
