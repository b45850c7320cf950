//! What the benches share: the generated roster and the generated files, written once under
//! `target/bench-corpus/<fingerprint>/` and reused by later runs. The generator is deterministic
//! and the fingerprint is that of its source, so a file that is there has the right bytes.

#![allow(dead_code)]

use std::fs;
use std::io::BufWriter;
use std::path::{Path, PathBuf};

use postwacht::roster::Roster;

use crate::corpus::{self, Rates, formats};

/// The seed of every benchmark corpus.
pub const SEED: u64 = 1;

/// The roster size of the targets.
pub const PUPILS: usize = 2000;

/// The generated roster of `count` pupils, as CSV text and as postwacht reads it.
pub fn roster(count: usize) -> (String, Roster) {
    let csv = formats::roster_csv(&corpus::roster(SEED, count));
    let (roster, _) = Roster::parse("leerlingen.csv", csv.as_bytes()).expect("generated roster");
    (csv, roster)
}

/// Where generated files are kept between runs: a folder per version of the generator.
pub fn corpus_dir() -> PathBuf {
    let mut hasher = std::hash::DefaultHasher::new();
    for source in [
        include_str!("../corpus/mod.rs"),
        include_str!("../corpus/formats.rs"),
        include_str!("../corpus/vocabulary.rs"),
    ] {
        std::hash::Hash::hash(source, &mut hasher);
    }
    let fingerprint = format!("{:016x}", std::hash::Hasher::finish(&hasher));
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target").join("bench-corpus").join(fingerprint)
}

/// A generated file (`write` makes it), written once.
pub fn file(name: &str, write: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>) -> PathBuf {
    let path = corpus_dir().join(name);
    if !path.exists() {
        fs::create_dir_all(corpus_dir()).expect("create target/bench-corpus");
        let partial = path.with_extension("partial");
        let mut out = BufWriter::new(fs::File::create(&partial).expect("create corpus file"));
        write(&mut out).expect("write corpus file");
        drop(out);
        fs::rename(&partial, &path).expect("finish corpus file");
    }
    path
}

/// A JSON Lines comment export of about `size` bytes.
pub fn jsonl(size: u64) -> PathBuf {
    let pupils = corpus::roster(SEED, PUPILS);
    file(&format!("export-{size}.jsonl"), |out| formats::write_jsonl(out, SEED, size, &pupils, Rates::REALISTIC))
}

/// A folder of `count` Markdown posts, and its size in bytes.
pub fn markdown_folder(count: usize) -> (PathBuf, u64) {
    let dir = corpus_dir().join(format!("markdown-{count}"));
    let done = dir.join(".complete");
    if !done.exists() {
        let pupils = corpus::roster(SEED, PUPILS);
        fs::create_dir_all(&dir).expect("create markdown folder");
        for index in 0..count {
            let (name, post) = formats::markdown_post(SEED, index, &pupils, Rates::REALISTIC);
            fs::write(dir.join(name), post).expect("write post");
        }
        fs::write(&done, "").expect("mark folder complete");
    }
    let bytes = fs::read_dir(&dir)
        .expect("read markdown folder")
        .map(|e| e.expect("folder entry").metadata().expect("metadata").len())
        .sum();
    (dir, bytes)
}
