//! Issue 17: no quadratic path. The binary runs under `valgrind --tool=callgrind` on inputs of
//! size n and 2n (a long line full of findings, deep JSON nesting in an export, many short
//! lines), and the instructions it spends beyond those of an empty input must grow less than 2.5
//! times. Instruction counts do not depend on the machine's load, unlike times.
//!
//! `#[ignore]`d: a few minutes under valgrind. CI runs it (`cargo test --test integration --
//! --ignored`, after installing valgrind); without valgrind the test fails and says so.

use std::path::{Path, PathBuf};
use std::process::Command;

fn scratch() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postwacht-growth-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// Instructions postwacht spends scanning `input` (written to a file in `dir`).
fn instructions(dir: &Path, name: &str, input: &str) -> u64 {
    let path = dir.join(name);
    std::fs::write(&path, input).expect("write input");
    let out = dir.join(format!("{name}.callgrind"));
    let output = Command::new("valgrind")
        .arg("--tool=callgrind")
        .arg(format!("--callgrind-out-file={}", out.display()))
        .arg(env!("CARGO_BIN_EXE_postwacht"))
        .args(["scan", "--no-config", "--threads", "1", "--format", "json"])
        .arg(&path)
        .output()
        .expect("valgrind is needed for this test (Debian: apt-get install valgrind)");
    let status = output.status.code().unwrap_or(-1);
    assert!(status <= 2, "postwacht failed under valgrind: {}", String::from_utf8_lossy(&output.stderr));
    let profile = std::fs::read_to_string(&out).expect("callgrind output");
    let total = profile
        .lines()
        .find_map(|l| l.strip_prefix("summary: ").or_else(|| l.strip_prefix("totals: ")))
        .expect("callgrind summary line");
    total.split_whitespace().next().and_then(|n| n.parse().ok()).expect("instruction count")
}

/// Makes an input of a given size.
type MakeInput = dyn Fn(usize) -> String;

#[test]
#[ignore = "runs postwacht under valgrind for a few minutes; CI runs it with --ignored"]
fn doubling_the_input_at_most_doubles_the_work() {
    let dir = scratch();
    let empty = instructions(&dir, "leeg.txt", "");
    let long_line = |n: usize| "Wat een kutschool, bel 06-12345678. ".repeat(n);
    let deep = |n: usize| format!("{{\"data\":[{{\"id\":\"1\",\"message\":{}1{}}}]}}", "[".repeat(n), "]".repeat(n));
    let many_lines = |n: usize| "Noor Bakker heeft een kankerhekel aan de juf.\n".repeat(n);
    let inputs: [(&str, &MakeInput, usize); 3] =
        [("long-line", &long_line, 4_000), ("deep-json", &deep, 20_000), ("many-lines", &many_lines, 4_000)];
    let mut problems = Vec::new();
    for (name, make, n) in inputs {
        let one = instructions(&dir, &format!("{name}-1.txt"), &make(n)).saturating_sub(empty);
        let two = instructions(&dir, &format!("{name}-2.txt"), &make(2 * n)).saturating_sub(empty);
        let ratio = two as f64 / one.max(1) as f64;
        eprintln!("{name}: n {one} instructions, 2n {two}, ratio {ratio:.2}");
        if ratio >= 2.5 {
            problems.push(format!("{name}: doubling the input multiplied the work by {ratio:.2}"));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
    assert!(problems.is_empty(), "{problems:?}");
}
