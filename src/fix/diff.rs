//! A unified diff of two versions of a text (`postwacht fix --diff`), as `diff -u` and git
//! write it: `---`/`+++` headers, hunks with three lines of context.
//!
//! The lines are compared with Myers' O(ND) algorithm: a fix changes few lines, so D is small.

/// What happens to a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Op {
    Same,
    Delete,
    Insert,
}

const CONTEXT: usize = 3;

/// The unified diff from `old` to `new`, labelled `a/{name}` and `b/{name}`; empty when equal.
pub fn unified(name: &str, old: &str, new: &str) -> String {
    if old == new {
        return String::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let script = script(&a, &b);
    let mut out = format!("--- a/{name}\n+++ b/{name}\n");
    // Positions in a and b of each step.
    let mut steps = Vec::with_capacity(script.len());
    let (mut i, mut j) = (0, 0);
    for &op in &script {
        steps.push((op, i, j));
        match op {
            Op::Same => (i, j) = (i + 1, j + 1),
            Op::Delete => i += 1,
            Op::Insert => j += 1,
        }
    }
    let changed: Vec<usize> = (0..steps.len()).filter(|&k| steps[k].0 != Op::Same).collect();
    let mut k = 0;
    while k < changed.len() {
        let first = changed[k].saturating_sub(CONTEXT);
        let mut last = changed[k];
        while k + 1 < changed.len() && changed[k + 1] <= last + 2 * CONTEXT + 1 {
            k += 1;
            last = changed[k];
        }
        let last = (last + CONTEXT).min(steps.len() - 1);
        let hunk = &steps[first..=last];
        let old_len = hunk.iter().filter(|s| s.0 != Op::Insert).count();
        let new_len = hunk.iter().filter(|s| s.0 != Op::Delete).count();
        let (_, i0, j0) = hunk[0];
        let start = |at: usize, len: usize| if len == 0 { at } else { at + 1 };
        out.push_str(&format!("@@ -{},{old_len} +{},{new_len} @@\n", start(i0, old_len), start(j0, new_len)));
        for &(op, i, j) in hunk {
            let (sign, line) = match op {
                Op::Same => (' ', a[i]),
                Op::Delete => ('-', a[i]),
                Op::Insert => ('+', b[j]),
            };
            out.push(sign);
            out.push_str(line);
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
        k += 1;
    }
    out
}

/// The shortest edit script from `a` to `b` (Myers 1986, greedy forward search with the
/// furthest-reaching paths kept per step for the way back).
fn script(a: &[&str], b: &[&str]) -> Vec<Op> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let offset = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'search: for d in 0..=max as isize {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let index = (k + offset) as usize;
            let mut x =
                if k == -d || (k != d && v[index - 1] < v[index + 1]) { v[index + 1] } else { v[index - 1] + 1 };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[index] = x;
            if x >= n && y >= m {
                trace.push(v.clone());
                break 'search;
            }
            k += 2;
        }
    }
    // Walk back from (n, m) through the kept rows.
    let mut ops = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() - 1).rev() {
        let v = &trace[d];
        let d = d as isize;
        let k = x - y;
        let index = |k: isize| (k + offset) as usize;
        let previous_k = if k == -d || (k != d && v[index(k - 1)] < v[index(k + 1)]) { k + 1 } else { k - 1 };
        let previous_x = v[index(previous_k)];
        let previous_y = previous_x - previous_k;
        while x > previous_x && y > previous_y {
            ops.push(Op::Same);
            x -= 1;
            y -= 1;
        }
        ops.push(if x == previous_x { Op::Insert } else { Op::Delete });
        (x, y) = (previous_x, previous_y);
    }
    while x > 0 && y > 0 {
        ops.push(Op::Same);
        x -= 1;
        y -= 1;
    }
    ops.reverse();
    ops
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_line_with_context() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\n";
        let new = "a\nb\nc\nd\nE\nf\ng\nh\n";
        assert_eq!(
            unified("x.txt", old, new),
            "--- a/x.txt\n+++ b/x.txt\n@@ -2,7 +2,7 @@\n b\n c\n d\n-e\n+E\n f\n g\n h\n"
        );
    }

    #[test]
    fn added_lines_at_the_end_and_a_missing_last_newline() {
        let diff = unified("p.md", "Trots!", "Trots!\n\nIk werk bij X.");
        assert_eq!(
            diff,
            "--- a/p.md\n+++ b/p.md\n@@ -1,1 +1,3 @@\n-Trots!\n\\ No newline at end of file\n+Trots!\n+\n+Ik werk bij X.\n\\ No newline at end of file\n"
        );
        assert_eq!(unified("p.md", "x\n", "x\n"), "");
    }

    #[test]
    fn far_apart_changes_make_two_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new: String = (1..=20)
            .map(|i| match i {
                2 => "twee\n".to_string(),
                19 => "negentien\n".to_string(),
                _ => format!("{i}\n"),
            })
            .collect();
        let diff = unified("n.txt", &old, &new);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        // Applying the diff's lines gives the new text back.
        let kept: String = diff
            .lines()
            .filter(|l| l.starts_with('+') && !l.starts_with("+++") || l.starts_with(' '))
            .map(|l| format!("{}\n", &l[1..]))
            .collect();
        assert!(kept.contains("twee\n") && kept.contains("negentien\n") && !kept.contains("\n19\n"));
    }
}
