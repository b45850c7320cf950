//! A batch scan gives the same output at any thread count: the same findings in the same order,
//! the same remarks and errors, the same exit status. The batch mixes what a real run meets:
//! drafts, Markdown posts, a long export cut into many slices, a binary file and a broken export.

use std::path::PathBuf;

use serde_json::Value;

use crate::cli::{check_offsets, run};

const SENTENCES: &[&str] = &[
    "Morgen is de sportdag, neem je gymspullen mee.",
    "Wat een kankerlijer is die scheidsrechter.",
    "Bel gerust met Noor Bakker, 06-12345678, als er vragen zijn.",
    "De kinderen van groep 7 hebben prachtige tekeningen gemaakt.",
    "Ik maak je af als je dat nog een keer zegt.",
    "Die mongolen van de overkant snappen er niks van.",
    "Fijn weekend allemaal!",
    "Stuur een mail naar noor.bakker@gmail.com voor de foto's.",
];

/// The deterministic sentence for position `n`.
fn sentence(n: usize) -> &'static str {
    SENTENCES[(n * 5 + n / 3) % SENTENCES.len()]
}

/// A batch in a scratch folder of its own (`name`: tests run at the same time).
fn batch_folder(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("parallel").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("posts")).expect("scratch folder");
    for i in 0..30 {
        let body: Vec<&str> = (0..i % 7 + 1).map(|k| sentence(i + k)).collect();
        std::fs::write(dir.join(format!("concept-{i:02}.txt")), body.join("\n")).expect("draft");
        let post = format!("---\ntitle: \"Bericht {i}\"\n---\n\n# Nieuws\n\n{}\n", body.join("\n\n"));
        std::fs::write(dir.join("posts").join(format!("{i:02}.md")), post).expect("post");
    }
    // Long enough to be cut into many slices.
    let mut export = String::new();
    for i in 0..3000 {
        let line =
            serde_json::json!({"id": i.to_string(), "author": format!("Ouder {}", i % 13), "message": sentence(i)});
        export.push_str(&line.to_string());
        export.push('\n');
    }
    std::fs::write(dir.join("reacties.jsonl"), export).expect("export");
    std::fs::write(dir.join("foto.jpg"), [0xFFu8, 0xD8, 0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0]).expect("binary");
    std::fs::write(
        dir.join("kapot.jsonl"),
        "{\"message\": \"hoi\"}\n{\"message\": \"Wat een kankerlijer\"}\n{\"message\": \n",
    )
    .expect("broken export");
    dir
}

#[test]
fn output_is_the_same_at_any_thread_count() {
    let dir = batch_folder("order");
    let roster = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures/rosters/groep7.csv");
    let scan = |threads: &str, format: &str| {
        let args: Vec<String> = [
            "scan",
            &dir.display().to_string(),
            "--roster",
            &roster.display().to_string(),
            "--format",
            format,
            "--threads",
            threads,
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        run(&args, None)
    };
    for format in ["jsonl", "json", "human", "sarif"] {
        let one = scan("1", format);
        assert_eq!(one.0, 2, "the broken export makes the run fail ({format})");
        for threads in ["2", "3", "8"] {
            assert_eq!(scan(threads, format), one, "{format}, {threads} threads");
        }
    }
    let (_, stdout, stderr) = scan("2", "jsonl");
    let findings: Vec<Value> = stdout.lines().map(|l| serde_json::from_str(l).expect("jsonl")).collect();
    let from_export =
        findings.iter().filter(|f| f["path"].as_str().is_some_and(|p| p.ends_with("reacties.jsonl"))).count();
    assert!(from_export > 1000, "the long export is scanned whole ({from_export} findings)");
    check_offsets(&findings, None);
    assert!(stderr.contains("foto.jpg: overgeslagen"), "{stderr}");
    assert!(stderr.contains("kapot.jsonl:3"), "the broken export names its line: {stderr}");
    assert!(
        findings.iter().any(|f| f["path"].as_str().is_some_and(|p| p.ends_with("kapot.jsonl"))),
        "what came before the error is still reported"
    );
}

#[test]
fn the_streamed_json_document_is_one_valid_document() {
    let dir = batch_folder("json");
    let args: Vec<String> = ["scan", &dir.display().to_string(), "--format", "json", "--threads", "2"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let (_, stdout, _) = run(&args, None);
    let doc: Value = serde_json::from_str(&stdout).expect("one JSON document");
    let findings = doc["findings"].as_array().expect("findings");
    assert_eq!(doc["summary"]["findings"].as_u64(), Some(findings.len() as u64));
    assert!(doc["summary"]["items"].as_u64().unwrap_or(0) > 3000);
}
