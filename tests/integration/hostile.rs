//! Hostile inputs given on the command line (issue 17, the table in SECURITY.md): each one gets a
//! clear message or a note, exit status 2 where something was not scanned, and the other files
//! are still scanned. The larger ones (a 50 MB line, a million-row roster, a zip bomb) are in
//! SECURITY.md with what they cost; these are the cheap ones.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::cli::run;

/// A scratch folder for one test, emptied first; readable by everyone (the unreadable-file test
/// runs postwacht as another user).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("postwacht-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

/// A draft with one finding (PW402), beside the hostile input: it must still be scanned.
fn readable(dir: &Path) -> String {
    let path = dir.join("concept.txt");
    std::fs::write(&path, "Wat een kutschool.\n").expect("write draft");
    path.display().to_string()
}

fn scan(args: &[&str]) -> (i32, String, String) {
    let args: Vec<String> = ["scan", "--no-config"].iter().chain(args).map(|s| s.to_string()).collect();
    run(&args, None)
}

#[test]
fn a_symlink_loop_is_an_error_and_the_rest_is_scanned() {
    let dir = scratch("loop");
    let (a, b) = (dir.join("a"), dir.join("b"));
    std::os::unix::fs::symlink(&b, &a).expect("symlink");
    std::os::unix::fs::symlink(&a, &b).expect("symlink");
    let draft = readable(&dir);
    let (status, out, err) = scan(&[a.to_str().unwrap(), &draft]);
    assert_eq!(status, 2, "{out}{err}");
    assert!(err.contains("/a:") && out.contains("PW402"), "{out}{err}");
    // Inside a folder that is walked, links are not followed: the loop is no trouble.
    let (status, out, err) = scan(&[dir.to_str().unwrap()]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(out.contains("PW402"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_device_is_skipped_or_refused_and_the_rest_is_scanned() {
    let dir = scratch("device");
    let draft = readable(&dir);
    // Recognised as no text by its first bytes (NUL bytes): a note, and the draft is scanned.
    let (status, out, err) = scan(&["/dev/zero", &draft]);
    assert_eq!(status, 1, "{out}{err}");
    assert!(err.contains("/dev/zero: overgeslagen") && out.contains("PW402"), "{out}{err}");
    // Forced to be read as text, an endless device stops at the size limit with an error
    // (it filled memory before).
    let (status, out, err) = scan(&["--input-format", "text", "/dev/zero", &draft]);
    assert_eq!(status, 2, "{out}{err}");
    assert!(err.contains("/dev/zero") && err.contains("te groot") && out.contains("PW402"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fifo_with_a_writer_is_read() {
    let dir = scratch("fifo");
    let fifo = dir.join("pijp");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(&fifo, "Wat een kankerschool.\n").expect("write to the fifo"))
    };
    let (status, out, err) = scan(&[fifo.to_str().unwrap()]);
    writer.join().expect("writer");
    assert_eq!(status, 1, "{out}{err}");
    assert!(out.contains("PW402"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf16_without_a_bom_is_an_error_not_a_skipped_binary() {
    let dir = scratch("utf16");
    let path = dir.join("brief.txt");
    let bytes: Vec<u8> =
        "Gefeliciteerd Noor Bakker, wat een kutschool.\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
    std::fs::write(&path, bytes).expect("write");
    let draft = readable(&dir);
    let (status, out, err) = scan(&[path.to_str().unwrap(), &draft]);
    assert_eq!(status, 2, "{out}{err}");
    assert!(err.contains("brief.txt: UTF-16") && out.contains("PW402"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// As root every file is readable, so the test runs postwacht as `nobody` (with `runuser`) when
/// it runs as root; it fails, saying so, when neither works.
#[test]
fn an_unreadable_file_among_readable_ones_is_an_error_and_the_rest_is_scanned() {
    let dir = scratch("unreadable");
    let secret = dir.join("geheim.txt");
    std::fs::write(&secret, "Wat een kutschool.\n").expect("write");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    let draft = readable(&dir);
    let binary = dir.join("postwacht");
    std::fs::copy(env!("CARGO_BIN_EXE_postwacht"), &binary).expect("copy the binary where nobody can run it");
    let root = std::fs::metadata("/proc/self").map(|m| std::os::unix::fs::MetadataExt::uid(&m) == 0).unwrap_or(false);
    let mut command = if root {
        let mut c = Command::new("runuser");
        c.args(["-u", "nobody", "--"]).arg(&binary);
        c
    } else {
        Command::new(&binary)
    };
    let output = command
        .args(["scan", "--no-config"])
        .arg(&secret)
        .arg(&draft)
        .env("NO_COLOR", "1")
        .output()
        .expect("run postwacht (as root: runuser -u nobody, from util-linux)");
    let (out, err) = (String::from_utf8_lossy(&output.stdout), String::from_utf8_lossy(&output.stderr));
    assert_eq!(output.status.code(), Some(2), "{out}{err}");
    assert!(err.contains("geheim.txt: geen toestemming om te lezen") && out.contains("PW402"), "{out}{err}");
    let _ = std::fs::remove_dir_all(&dir);
}
