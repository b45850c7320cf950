//! The roster readers: CSV, a workbook's bytes (xlsx, xls, ods through calamine) and a plain
//! list. First byte: 0 as klas.csv, 1 as klas.txt (a list may be read), 2 as a workbook's sheet
//! 'Blad1'. A roster read is never empty, its pupils point at its file, every pupil has a name,
//! and reading the same bytes again gives the same roster.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postwacht::roster::Roster;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else { return };
    let (file, sheet) = match selector {
        0 => ("klas.csv", None),
        1 => ("klas.txt", None),
        _ => ("klas.xlsx", Some("Blad1")),
    };
    let read = Roster::parse_sheet(file, bytes, sheet);
    match &read {
        Ok((roster, _report)) => {
            assert!(!roster.pupils.is_empty(), "a roster without pupils was accepted");
            for pupil in &roster.pupils {
                assert!((pupil.file as usize) < roster.files.len(), "{pupil:?} points at no file");
                assert!(!(pupil.first.trim().is_empty() && pupil.last.trim().is_empty()), "a pupil without a name");
            }
        }
        Err(e) => assert!(!e.message.is_empty(), "an error without a message"),
    }
    let again = Roster::parse_sheet(file, bytes, sheet);
    match (&read, &again) {
        (Ok((a, _)), Ok((b, _))) => assert_eq!(a.pupils, b.pupils, "the same bytes read twice differ"),
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string()),
        _ => panic!("the same bytes read once well and once not"),
    }
});
