//! The review page (`--format html`) in a real browser: Debian's `chromium`, headless, with a
//! fresh profile and nothing that reaches the network. `.ci/run` installs it; without it these
//! tests fail and say how to install it.
//!
//! The inputs are copied into a work folder under the names a teacher or a social-media manager
//! would give them, and postwacht runs there with relative paths, as a user types them: the page
//! shows paths as given. Each page is measured inside a frame of exactly the width measured
//! (headless chromium's own window is never narrower than 500 pixels for scripts), with a
//! measuring script appended (the page's own Content-Security-Policy allows inline scripts and
//! nothing from outside). The script reads what the browser shows: marks and their colours and
//! underlines, notes with their severity in words and shapes, rows and links, any element wider
//! than the frame; then it uses the filters and the search like a person would and records what
//! stays visible; then it applies the page's print style and records what a printout holds. The
//! result comes back to the frame's parent by `postMessage` and out through `--dump-dom`.
//! Screenshots at desktop and phone width are decoded and checked for their size and for the
//! colours of the marks; `POSTWACHT_UPDATE_SCREENSHOTS=1` writes them to `docs/` for the README.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

const CHROMIUM: &str = "/usr/bin/chromium";
/// Width and height of the screenshots: a laptop, and a phone held upright.
const DESKTOP: (u32, u32) = (1280, 2000);
const PHONE: (u32, u32) = (390, 2400);
/// The page's colours for an error mark's background and a warning mark's (page.css).
const ERROR_BACKGROUND: [u8; 3] = [0xfd, 0xe2, 0xe4];
const WARNING_BACKGROUND: [u8; 3] = [0xff, 0xf1, 0xc2];
/// "Now" for the export page: some comments are past their deadline, some not.
const NOW: &str = "2026-10-09T13:00";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn scratch() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

fn chromium() -> &'static str {
    assert!(
        Path::new(CHROMIUM).exists(),
        "chromium ontbreekt ({CHROMIUM}): de browsertests van de controlepagina hebben het nodig. \
         Installeer het met 'apt-get install -y chromium' (.ci/run doet dat)."
    );
    CHROMIUM
}

/// Run headless chromium on `page` with `extra` arguments; returns stdout.
fn browse(page: &Path, size: (u32, u32), extra: &[String]) -> String {
    static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let profile = scratch().join(format!("profile-{}-{run}", std::process::id()));
    let _ = std::fs::remove_dir_all(&profile);
    let output = Command::new(chromium())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--window-size={},{}", size.0, size.1))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("start chromium");
    let _ = std::fs::remove_dir_all(&profile);
    assert!(output.status.success(), "chromium failed: {}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).expect("utf-8 DOM")
}

/// Copy `inputs` (fixture, name in the work folder) into a work folder of its own, run postwacht
/// there with `options` and the inputs' relative names, and write the review page (and keep its
/// JSON findings).
fn page(name: &str, options: &[&str], inputs: &[(&str, &str)]) -> (PathBuf, Vec<Value>) {
    let work = scratch().join(name);
    let _ = std::fs::remove_dir_all(&work);
    for (fixture, given) in inputs {
        let copy = work.join(given);
        std::fs::create_dir_all(copy.parent().unwrap()).expect("work folder");
        std::fs::copy(root().join("fixtures").join(fixture), &copy).expect("copy fixture");
    }
    let run = |format: &str| {
        let output = Command::new(env!("CARGO_BIN_EXE_postwacht"))
            .current_dir(&work)
            .args(["scan", "--no-config", "--roster"])
            .arg(root().join("fixtures/rosters/groep7.csv"))
            .args(["--format", format])
            .args(options)
            .args(inputs.iter().map(|(_, given)| given))
            .env("POSTWACHT_NOW", NOW)
            .output()
            .expect("run postwacht");
        assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    };
    let html = run("html");
    let path = scratch().join(format!("{name}.html"));
    std::fs::write(&path, &html).expect("write page");
    let json: Value = serde_json::from_slice(&run("json")).expect("json");
    (path, json["findings"].as_array().expect("findings").clone())
}

/// Open `page` with the measuring script in a frame of `size` and return what it recorded.
fn measure(page: &Path, size: (u32, u32)) -> Value {
    let html = std::fs::read_to_string(page).expect("read page");
    let measured = html.replace("</body>", &format!("<script>{MEASURE}</script></body>"));
    let copy = page.with_extension(format!("measure-{}.html", size.0));
    std::fs::write(&copy, measured).expect("write copy");
    let frame = page.with_extension(format!("frame-{}.html", size.0));
    std::fs::write(
        &frame,
        format!(
            "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>frame</title>\
             <style>body {{ margin: 0 }} iframe {{ border: 0; display: block }}</style></head><body>\
             <iframe src=\"{}\" style=\"width: {}px; height: {}px\"></iframe>\
             <script>addEventListener(\"message\", function (e) {{ var pre = document.createElement(\"pre\"); \
             pre.id = \"measure\"; pre.textContent = e.data; document.body.appendChild(pre); }});</script></body></html>",
            copy.file_name().unwrap().to_string_lossy(),
            size.0,
            size.1
        ),
    )
    .expect("write frame");
    let window = (size.0.max(800) + 20, size.1);
    let dom = browse(&frame, window, &["--dump-dom".into(), "--virtual-time-budget=5000".into()]);
    let start = dom.find("<pre id=\"measure\">").expect("the measuring script ran") + "<pre id=\"measure\">".len();
    let end = start + dom[start..].find("</pre>").expect("end of the measurement");
    let json = dom[start..end].replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    serde_json::from_str(&json).expect("measurement is JSON")
}

/// Runs after the page's own script: what is shown, then the filters and the search used, then
/// the print style applied. Sends its record to the frame's parent.
const MEASURE: &str = r##"
(function () {
  var r = {};
  var all = function (s) { return Array.prototype.slice.call(document.querySelectorAll(s)); };
  var shown = function (el) { var b = el.getBoundingClientRect(); return b.width > 0 && b.height > 0; };
  var describe = function (el) { return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + (el.className && el.className.baseVal === undefined ? "." + el.className.split(" ").join(".") : ""); };
  // Every element that reaches past the frame's edge, or whose content is wider than its box.
  var overflowing = function () {
    var width = document.documentElement.clientWidth;
    return all("body *").filter(function (el) {
      var b = el.getBoundingClientRect();
      if (b.width === 0 && b.height === 0) { return false; }
      var past = b.left < -0.5 || b.right > width + 0.5;
      var wider = el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1;
      return past || wider;
    }).map(function (el) { var b = el.getBoundingClientRect(); return describe(el) + " " + Math.round(b.left) + ".." + Math.round(b.right) + " (" + el.scrollWidth + " in " + el.clientWidth + ")"; });
  };
  r.viewport = document.documentElement.clientWidth;
  r.scrollWidth = document.documentElement.scrollWidth;
  r.overflowing = overflowing();
  r.marks = all("mark").length;
  r.marksShown = all("mark").filter(function (m) { var b = m.getBoundingClientRect(); return shown(m) && b.left >= 0 && b.right <= r.viewport + 1; }).length;
  r.colours = {};
  r.underlines = {};
  ["error", "warning", "info"].forEach(function (s) {
    var m = document.querySelector("mark." + s);
    if (m) { r.colours[s] = getComputedStyle(m).backgroundColor; r.underlines[s] = getComputedStyle(m).borderBottomStyle; }
  });
  // Not by colour alone: the badge of every note says the severity in a shape and a word, and
  // every reference to a note carries the shape.
  var words = { error: "■ fout", warning: "▲ waarschuwing", info: "● tip" };
  r.badgesInWords = all(".note, .reason").filter(function (n) {
    var badge = n.querySelector(".badge");
    return badge && shown(badge) && badge.textContent === words[n.dataset.sev];
  }).length;
  r.refsWithShape = all("a.ref").filter(function (a) { return shown(a) && a.textContent.charAt(0) === words[a.classList[1]].charAt(0); }).length;
  r.refs = all("a.ref").length;
  r.findings = all(".note, .reason").length;
  r.findingsShown = all(".note, .reason").filter(shown).length;
  r.rows = all(".row").length;
  r.overdue = all(".row.overdue").length;
  r.lateLabels = all(".row .late").filter(shown).length;
  r.rowSeverities = all(".row").map(function (row) { return row.dataset.sev; });
  r.links = all(".row").map(function (row) { var a = row.querySelector("a.link"); return a && shown(a) ? a.href : null; });
  r.bars = all("svg.hours rect").length;
  r.paths = all("#per-bestand tbody th").map(function (th) { return th.textContent; });
  r.filters = !document.getElementById("filters").hidden;
  r.counter = document.getElementById("shown").textContent;
  var visible = function () { return all(".note, .reason").filter(function (n) { return !n.hidden; }); };
  var change = function () { document.getElementById("filters").dispatchEvent(new Event("change")); };
  all("input[name=cat]").forEach(function (box) { box.checked = box.value === "pupil-name"; });
  change();
  r.onlyNames = visible().length;
  r.onlyNamesAreNames = visible().every(function (n) { return n.dataset.cat === "pupil-name"; });
  r.rowsWithNames = all(".row").filter(function (row) { return !row.hidden; }).length;
  r.marksOffWithoutNames = all("mark.off").length;
  all("input[name=cat]").forEach(function (box) { box.checked = true; });
  all("input[name=sev]").forEach(function (box) { box.checked = box.value === "error"; });
  change();
  r.onlyErrors = visible().length;
  r.onlyErrorsAreErrors = visible().every(function (n) { return n.dataset.sev === "error"; });
  all("input[name=sev]").forEach(function (box) { box.checked = true; });
  var search = document.getElementById("zoek");
  search.value = "telefoonnummer";
  search.dispatchEvent(new Event("input"));
  r.searched = visible().length;
  r.searchedMatch = visible().every(function (n) { return (n.closest(".row") || n).textContent.toLowerCase().indexOf("telefoonnummer") !== -1; });
  r.counterAfterSearch = document.getElementById("shown").textContent;
  r.shownWhileSearching = all(".note, .reason").filter(shown).length;
  // Printed while the search hides most notes: the page's print rules, applied as if on paper.
  var print = [];
  Array.prototype.forEach.call(document.styleSheets, function (sheet) {
    Array.prototype.forEach.call(sheet.cssRules, function (rule) {
      if (rule.media && rule.media.mediaText === "print") {
        Array.prototype.forEach.call(rule.cssRules, function (inner) { print.push(inner.cssText); });
      }
      if (rule.media && rule.media.mediaText === "screen") { rule.media.mediaText = "not all"; }
    });
  });
  var style = document.createElement("style");
  style.textContent = print.join("\n");
  document.head.appendChild(style);
  r.printRules = print.length;
  r.printFilters = shown(document.getElementById("filters"));
  r.printFindings = all(".note, .reason").filter(shown).length;
  r.printRows = all(".row").filter(shown).length;
  r.printMarksOff = all("mark").filter(function (m) { return getComputedStyle(m).backgroundColor === "rgba(0, 0, 0, 0)"; }).length;
  r.printOverflowing = overflowing();
  parent.postMessage(JSON.stringify(r), "*");
})();
"##;

/// Take a screenshot of `page` at `size`; returns (width, height, RGB pixels).
fn screenshot(page: &Path, size: (u32, u32), name: &str) -> (u32, u32, Vec<[u8; 3]>) {
    let file = scratch().join(format!("{name}.png"));
    let _ = std::fs::remove_file(&file);
    browse(page, size, &[format!("--screenshot={}", file.display())]);
    let bytes = std::fs::read(&file).expect("chromium wrote the screenshot");
    if std::env::var_os("POSTWACHT_UPDATE_SCREENSHOTS").is_some() {
        let docs = root().join("docs");
        std::fs::create_dir_all(&docs).expect("docs folder");
        std::fs::write(docs.join(format!("{name}.png")), &bytes).expect("write screenshot to docs/");
    }
    decode_png(&bytes)
}

/// Decode an 8-bit, non-interlaced RGB or RGBA PNG (what chromium writes) into RGB pixels.
fn decode_png(bytes: &[u8]) -> (u32, u32, Vec<[u8; 3]>) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG file");
    let mut at = 8;
    let (mut width, mut height, mut channels) = (0u32, 0u32, 0usize);
    let mut data = Vec::new();
    while at + 8 <= bytes.len() {
        let len = u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap()) as usize;
        let kind = &bytes[at + 4..at + 8];
        let body = &bytes[at + 8..at + 8 + len];
        match kind {
            b"IHDR" => {
                width = u32::from_be_bytes(body[0..4].try_into().unwrap());
                height = u32::from_be_bytes(body[4..8].try_into().unwrap());
                assert_eq!((body[8], body[12]), (8, 0), "8-bit, not interlaced");
                channels = match body[9] {
                    2 => 3,
                    6 => 4,
                    other => panic!("PNG colour type {other}"),
                };
            }
            b"IDAT" => data.extend_from_slice(body),
            b"IEND" => break,
            _ => {}
        }
        at += 12 + len;
    }
    let mut raw = Vec::new();
    flate2::read::ZlibDecoder::new(&data[..]).read_to_end(&mut raw).expect("inflate PNG data");
    let stride = width as usize * channels;
    let mut previous = vec![0u8; stride];
    let mut pixels = Vec::with_capacity((width * height) as usize);
    for row in raw.chunks(stride + 1) {
        let (filter, line) = (row[0], &row[1..]);
        let mut current = vec![0u8; stride];
        for i in 0..stride {
            let left = if i >= channels { current[i - channels] } else { 0 };
            let up = previous[i];
            let up_left = if i >= channels { previous[i - channels] } else { 0 };
            let predictor: u8 = match filter {
                0 => 0,
                1 => left,
                2 => up,
                3 => ((u16::from(left) + u16::from(up)) / 2) as u8,
                4 => {
                    let p = i16::from(left) + i16::from(up) - i16::from(up_left);
                    let (pa, pb, pc) =
                        ((p - i16::from(left)).abs(), (p - i16::from(up)).abs(), (p - i16::from(up_left)).abs());
                    if pa <= pb && pa <= pc {
                        left
                    } else if pb <= pc {
                        up
                    } else {
                        up_left
                    }
                }
                other => panic!("PNG filter {other}"),
            };
            current[i] = line[i].wrapping_add(predictor);
        }
        pixels.extend(current.chunks(channels).map(|p| [p[0], p[1], p[2]]));
        previous = current;
    }
    (width, height, pixels)
}

fn count_colour(pixels: &[[u8; 3]], colour: [u8; 3]) -> usize {
    pixels.iter().filter(|p| **p == colour).count()
}

/// What holds for every page at every width: nothing wider than the screen, severity not by
/// colour alone, and a printout with every note and nothing of the filters, whatever they hid.
fn check_layout_and_print(m: &Value, size: (u32, u32)) {
    assert_eq!(m["viewport"].as_u64(), Some(u64::from(size.0)), "measured at the width asked: {m}");
    assert!(m["scrollWidth"].as_u64() <= m["viewport"].as_u64(), "no horizontal overflow at {size:?}: {m}");
    assert_eq!(m["overflowing"], serde_json::json!([]), "no element is wider than the screen at {size:?}");
    assert_eq!(m["badgesInWords"], m["findings"], "every note says its severity in a shape and a word: {m}");
    assert_eq!(m["refsWithShape"], m["refs"], "every reference to a note carries the shape: {m}");
    for (severity, style) in [("error", "solid"), ("warning", "dashed"), ("info", "dotted")] {
        if let Some(underline) = m["underlines"].get(severity) {
            assert_eq!(underline, style, "a {severity} mark is underlined {style}: {m}");
        }
    }
    assert!(m["shownWhileSearching"].as_u64() < m["findings"].as_u64(), "the search hid notes before printing: {m}");
    assert!(m["printRules"].as_u64().unwrap() > 0, "the page has a print style");
    assert_eq!(m["printFilters"], false, "the filters are not printed: {m}");
    assert_eq!(m["printFindings"], m["findings"], "a printout holds every note, also those the search hid: {m}");
    assert_eq!(m["printRows"], m["rows"], "and every row: {m}");
    assert_eq!(m["printMarksOff"], 0, "and every mark in its colour: {m}");
    assert_eq!(m["printOverflowing"], serde_json::json!([]), "nothing is wider than the paper at {size:?}");
}

/// The draft page: a teacher's draft and a newsletter post in a folder, with a long name that has
/// no place to break but anywhere (no `/`, `_`, `-` or `.` where the page puts a `<wbr>`): without
/// `overflow-wrap: anywhere` it runs off a phone's screen and the layout check fails.
const DRAFTS: &[(&str, &str)] = &[
    ("example/concept.txt", "concept.txt"),
    ("cli/nieuwsbrief.md", "nieuwsbrief/NieuwsbriefSchoolreisGroep7NaarArtisInOktober2026.md"),
];

#[test]
fn browser_draft_page_shows_every_mark_and_its_note() {
    let (page, findings) = page("draft", &["--org", "OBS De Regenboog"], DRAFTS);
    for (size, name) in [(DESKTOP, "review-draft-desktop"), (PHONE, "review-draft-phone")] {
        let m = measure(&page, size);
        check_layout_and_print(&m, size);
        assert_eq!(m["findings"].as_u64(), Some(findings.len() as u64), "a note per finding: {m}");
        assert_eq!(m["findingsShown"], m["findings"], "every note is shown: {m}");
        assert!(m["marks"].as_u64().unwrap() >= findings.len() as u64, "a mark per passage at least: {m}");
        assert_eq!(m["marksShown"], m["marks"], "every mark is on screen: {m}");
        assert_eq!(m["colours"]["error"], "rgb(253, 226, 228)", "{m}");
        assert_eq!(m["colours"]["warning"], "rgb(255, 241, 194)", "{m}");
        let given: Vec<&str> = DRAFTS.iter().map(|(_, given)| *given).collect();
        assert_eq!(m["paths"], serde_json::json!(given), "the paths as the user gave them: {m}");
        assert!(m["filters"].as_bool().unwrap(), "the script shows the filters");
        assert_eq!(m["counter"].as_str().unwrap(), format!("{0} van {0} meldingen zichtbaar", findings.len()));
        let names = findings.iter().filter(|f| f["category"] == "pupil-name").count() as u64;
        assert_eq!(m["onlyNames"].as_u64(), Some(names), "{m}");
        assert!(m["onlyNamesAreNames"].as_bool().unwrap() && m["marksOffWithoutNames"].as_u64().unwrap() > 0, "{m}");
        let errors = findings.iter().filter(|f| f["severity"] == "error").count() as u64;
        assert_eq!(m["onlyErrors"].as_u64(), Some(errors), "{m}");
        assert!(m["onlyErrorsAreErrors"].as_bool().unwrap(), "{m}");
        assert!(m["searched"].as_u64().unwrap() >= 1 && m["searchedMatch"].as_bool().unwrap(), "{m}");
        let (width, height, pixels) = screenshot(&page, size, name);
        assert_eq!((width, height), size, "the screenshot has the window's size");
        assert!(count_colour(&pixels, ERROR_BACKGROUND) > 200, "error marks are visible in {name}");
        assert!(count_colour(&pixels, WARNING_BACKGROUND) > 200, "warning marks are visible in {name}");
    }
}

/// The export page: a day's comments as a social-media manager saves them.
const EXPORTS: &[(&str, &str)] = &[
    ("exports/facebook-graph.json", "reacties/facebook_kinderboekenweek_reacties_2026.json"),
    ("exports/facebook-graph-permalinks.json", "reacties/facebook-leesfeest.json"),
    ("exports/youtube.json", "reacties/youtube-kerstmusical.json"),
    ("exports/whatsapp-android.txt", "reacties/WhatsApp-chat met Ouders groep 7.txt"),
];

/// The comments of [`EXPORTS`] that link to themselves: Graph API `permalink_url`s and a
/// YouTube comment (video and comment id); the export's `javascript:` permalink is no link.
const LINKS: &[&str] = &[
    "https://www.facebook.com/OBSDeRegenboog/posts/7777777777777777?comment_id=8888888888888801",
    "https://www.facebook.com/OBSDeRegenboog/posts/7777777777777777?comment_id=8888888888888802",
    "https://www.youtube.com/watch?v=AbCdEfGhIjK&lc=UgzK3nQ9examplethread",
];

#[test]
fn browser_export_page_is_a_worklist_with_deadlines() {
    let (page, findings) = page("export", &["--channel", "school"], EXPORTS);
    let mut comments: Vec<(String, String)> = findings
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["item"].as_str().unwrap().to_string()))
        .collect();
    comments.sort();
    comments.dedup();
    let now = postwacht::deadline::clock::parse(NOW).unwrap();
    let mut late: Vec<(String, String)> = findings
        .iter()
        .filter(|f| {
            f["time"]
                .as_str()
                .and_then(postwacht::deadline::clock::parse)
                .is_some_and(|t| postwacht::deadline::deadline(t) < now)
        })
        .map(|f| (f["path"].as_str().unwrap().to_string(), f["item"].as_str().unwrap().to_string()))
        .collect();
    late.sort();
    late.dedup();
    assert!(!late.is_empty() && late.len() < comments.len(), "the fixture has comments on both sides of the deadline");
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(!html.contains("javascript:"), "a permalink that is no web address is not on the page");
    for (size, name) in [(DESKTOP, "review-export-desktop"), (PHONE, "review-export-phone")] {
        let m = measure(&page, size);
        check_layout_and_print(&m, size);
        assert_eq!(m["rows"].as_u64(), Some(comments.len() as u64), "one row per comment: {m}");
        assert_eq!(m["overdue"].as_u64(), Some(late.len() as u64), "{m}");
        assert_eq!(m["lateLabels"], m["overdue"], "overdue rows say so in words: {m}");
        let rank = |s: &Value| match s.as_str() {
            Some("error") => 0,
            Some("warning") => 1,
            _ => 2,
        };
        let order: Vec<i32> = m["rowSeverities"].as_array().unwrap().iter().map(rank).collect();
        assert!(order.windows(2).all(|w| w[0] <= w[1]), "most serious first: {m}");
        let mut links: Vec<&str> = m["links"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
        links.sort_unstable();
        assert_eq!(links, LINKS, "a link to each comment whose export gives one, and no other: {m}");
        let given: Vec<&str> = EXPORTS.iter().map(|(_, given)| *given).collect();
        assert!(
            m["paths"].as_array().unwrap().iter().all(|p| given.contains(&p.as_str().unwrap())),
            "the paths as the user gave them: {m}"
        );
        assert!(m["bars"].as_u64().unwrap() >= 2, "an hour chart: {m}");
        assert_eq!(m["marksShown"], m["marks"], "{m}");
        let phones = findings.iter().filter(|f| f["rule"] == "PW202").count() as u64;
        assert!(m["searched"].as_u64().unwrap() >= phones && m["searchedMatch"].as_bool().unwrap(), "{m}");
        let (width, height, pixels) = screenshot(&page, size, name);
        assert_eq!((width, height), size);
        assert!(count_colour(&pixels, ERROR_BACKGROUND) > 200, "error marks are visible in {name}");
    }
}

#[test]
fn browser_page_without_script_shows_everything() {
    let (page, findings) = page("noscript", &["--org", "OBS De Regenboog"], &DRAFTS[..1]);
    // The page as a browser without scripts gets it: the script taken out.
    let html = std::fs::read_to_string(&page).unwrap();
    let (before, rest) = html.split_once("<script>").expect("the page has its script");
    let after = rest.split_once("</script>").expect("end of the script").1;
    let bare = page.with_extension("bare.html");
    std::fs::write(&bare, format!("{before}{after}")).unwrap();
    let dom = browse(&bare, DESKTOP, &["--dump-dom".into()]);
    assert!(dom.contains("<form id=\"filters\" hidden=\"\">"), "without the script the filters stay hidden");
    assert_eq!(dom.matches("<li class=\"note ").count(), findings.len(), "every note is there");
    assert!(!dom.contains("<li class=\"note error\" hidden") && !dom.contains("\" hidden=\"\" id=\"n-"));
}
