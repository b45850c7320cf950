//! Edits of a text: a byte range and what replaces it. Applying them changes no byte outside
//! their ranges; positions noted before can be followed through later edits.

/// Replace `start..end` with `with`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub with: String,
}

/// Apply non-overlapping `edits` (sorted by start). Returns the new text and, per edit, the
/// range its replacement takes in the new text.
pub fn apply(text: &str, edits: &[Edit]) -> (String, Vec<(usize, usize)>) {
    let mut out = String::with_capacity(text.len() + 64);
    let mut placed = Vec::with_capacity(edits.len());
    let mut at = 0;
    for edit in edits {
        debug_assert!(edit.start >= at && edit.end >= edit.start, "edits overlap or are unsorted");
        out.push_str(&text[at..edit.start]);
        placed.push((out.len(), out.len() + edit.with.len()));
        out.push_str(&edit.with);
        at = edit.end;
    }
    out.push_str(&text[at..]);
    (out, placed)
}

/// Where the range `start..end` of a text is after `edits` (sorted, non-overlapping) were
/// applied to it. A range an edit touches becomes that edit's replacement.
pub fn follow(start: usize, end: usize, edits: &[Edit]) -> (usize, usize) {
    let mut shift: isize = 0;
    for edit in edits {
        let delta = edit.with.len() as isize - (edit.end - edit.start) as isize;
        if edit.end <= start {
            shift += delta;
        } else if edit.start >= end {
            break;
        } else {
            let new_start = (edit.start as isize + shift) as usize;
            return (new_start, new_start + edit.with.len());
        }
    }
    ((start as isize + shift) as usize, (end as isize + shift) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, with: &str) -> Edit {
        Edit { start, end, with: with.into() }
    }

    #[test]
    fn applies_edits_and_follows_positions() {
        let text = "Daan en Noor zijn 10.";
        let edits = [edit(0, 4, "een leerling"), edit(8, 12, "N.")];
        let (out, placed) = apply(text, &edits);
        assert_eq!(out, "een leerling en N. zijn 10.");
        assert_eq!(placed, [(0, 12), (16, 18)]);
        // "zijn" moves with the edits before it; "Noor" becomes its replacement.
        assert_eq!(follow(13, 17, &edits), (19, 23));
        assert_eq!(&out[19..23], "zijn");
        assert_eq!(follow(8, 12, &edits), (16, 18));
    }
}
