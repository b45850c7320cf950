//! Line numbers of byte offsets in a text, found by binary search over the line starts (counting
//! line breaks from the top for every offset would make a long text quadratic).

/// Byte offsets of line starts.
#[derive(Debug)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { starts }
    }

    /// 1-based line number of `offset`, and that line's byte range (without the line break).
    pub fn line_of(&self, text: &str, offset: usize) -> (usize, usize, usize) {
        let index = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[index];
        let end = self.starts.get(index + 1).map_or(text.len(), |&next| next - 1);
        (index + 1, start, end)
    }

    /// 1-based line number of `offset`.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset)
    }

    /// 1-based line and column (in characters) of `offset`.
    pub fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let (line, start, _) = self.line_of(text, offset);
        (line, text.get(start..offset).map_or(0, |s| s.chars().count()) + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_of_offsets() {
        let text = "ab\ncë\n\nx";
        let index = LineIndex::new(text);
        assert_eq!(index.line_of(text, 0), (1, 0, 2));
        assert_eq!(index.line_of(text, 3), (2, 3, 6));
        assert_eq!(index.line(7), 3);
        assert_eq!(index.position(text, 6), (2, 3));
        assert_eq!(index.position(text, 8), (4, 1));
    }
}
