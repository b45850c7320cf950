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

/// The nearest character boundary at or before `at` (clipped to the text); std's
/// `str::floor_char_boundary` needs a newer Rust than the MSRV.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest character boundary at or after `at` (clipped to the text).
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Columns of offsets met in increasing order, counted on from the last one: counting from the
/// line start for each finding would make a long line with many findings quadratic.
#[derive(Debug, Default)]
pub struct ColumnCursor {
    /// The last offset asked for, its line's start and its 0-based column.
    last: Option<(usize, usize, usize)>,
}

impl ColumnCursor {
    /// The 0-based column (in characters) of `offset` on the line that starts at `line_start`.
    pub fn column(&mut self, text: &str, line_start: usize, offset: usize) -> usize {
        let (from, column) = match self.last {
            Some((last, start, column)) if start == line_start && last <= offset => (last, column),
            _ => (line_start, 0),
        };
        let column = column + text.get(from..offset).map_or(0, |s| s.chars().count());
        self.last = Some((offset, line_start, column));
        column
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

    #[test]
    fn the_cursor_counts_as_from_the_line_start() {
        let text = "aë b ëc\nxyz ë";
        let mut cursor = ColumnCursor::default();
        for offset in [0, 3, 3, 5, 1, 8, 10, 13, 11] {
            let (_, start, _) = LineIndex::new(text).line_of(text, offset);
            assert_eq!(cursor.column(text, start, offset), text[start..offset].chars().count(), "{offset}");
        }
    }
}
