//! A progress line on standard error for long batch scans.
//!
//! Only for a person watching: it is drawn when standard error is a terminal, not in CI (the
//! `CI` variable that CI services set), not under `--quiet`, and only once a scan has taken
//! longer than a moment, so a draft never flickers. It never touches standard output, whatever
//! `--format` writes there.

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, Instant};

/// How long a scan runs before the line appears.
const SHOW_AFTER: Duration = Duration::from_millis(700);
/// How often the line is redrawn.
const REDRAW_EVERY: Duration = Duration::from_millis(120);

pub struct Progress {
    enabled: bool,
    /// Bytes of input in all, when every source's size is known.
    total_bytes: Option<u64>,
    scanned_bytes: u64,
    total_files: usize,
    done_files: usize,
    started: Instant,
    drawn_at: Option<Instant>,
    /// Is the line on screen now?
    visible: bool,
}

impl Progress {
    /// A progress line for `total_files` sources of `total_bytes` (if known; only asked when the
    /// line will be drawn, as it costs a look at every file); drawn only when `wanted` and someone
    /// is watching.
    pub fn new(wanted: bool, total_files: usize, total_bytes: impl FnOnce() -> Option<u64>) -> Progress {
        let ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false" && v != "0");
        let dumb = std::env::var("TERM").is_ok_and(|t| t == "dumb");
        let enabled = wanted && !ci && !dumb && io::stderr().is_terminal();
        Progress {
            enabled,
            total_bytes: if enabled { total_bytes() } else { None },
            scanned_bytes: 0,
            total_files,
            done_files: 0,
            started: Instant::now(),
            drawn_at: None,
            visible: false,
        }
    }

    /// Is the line on screen (so output to the same terminal should be flushed before it is
    /// drawn again)?
    pub fn visible(&self) -> bool {
        self.visible
    }

    pub fn scanned(&mut self, bytes: u64) {
        self.scanned_bytes += bytes;
        self.tick();
    }

    pub fn file_done(&mut self) {
        self.done_files += 1;
        self.tick();
    }

    /// Take the line off the screen, before something else is written to the terminal.
    pub fn clear(&mut self) {
        if self.visible {
            let _ = write!(io::stderr(), "\r\x1b[2K");
            self.visible = false;
        }
    }

    fn tick(&mut self) {
        if !self.enabled {
            return;
        }
        let now = Instant::now();
        let due = match self.drawn_at {
            None => now.duration_since(self.started) >= SHOW_AFTER,
            Some(at) => now.duration_since(at) >= REDRAW_EVERY || !self.visible,
        };
        if due {
            self.drawn_at = Some(now);
            let _ = write!(io::stderr(), "\r\x1b[2Kpostwacht: {}", self.line());
            self.visible = true;
        }
    }

    /// "45% · 120 van 260 MB · 3412 van 10000 bestanden"
    fn line(&self) -> String {
        let mut parts = Vec::new();
        match self.total_bytes {
            Some(total) if total > 0 => {
                let percent = (self.scanned_bytes.min(total) * 100) / total;
                parts.push(format!("{percent}%"));
                parts.push(format!("{} van {}", megabytes(self.scanned_bytes), megabytes(total)));
            }
            _ => parts.push(megabytes(self.scanned_bytes)),
        }
        if self.total_files > 1 {
            parts.push(format!("{} van {} bestanden", self.done_files, self.total_files));
        }
        parts.join(" · ")
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.clear();
    }
}

/// "12,5 MB" (Dutch decimal comma).
fn megabytes(bytes: u64) -> String {
    let tenths = bytes / 100_000;
    format!("{},{} MB", tenths / 10, tenths % 10)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_counts_bytes_and_files() {
        let mut progress = Progress::new(false, 10, || unreachable!("sizes are only asked for a line that is drawn"));
        progress.total_bytes = Some(2_600_000);
        progress.scanned(1_200_000);
        progress.file_done();
        assert_eq!(progress.line(), "46% · 1,2 MB van 2,6 MB · 1 van 10 bestanden");
        assert!(!progress.visible(), "never drawn when not wanted");
    }

    #[test]
    fn without_a_known_size_only_bytes_show() {
        let mut progress = Progress::new(false, 1, || None);
        progress.scanned(35_000_000);
        assert_eq!(progress.line(), "35,0 MB");
    }
}
