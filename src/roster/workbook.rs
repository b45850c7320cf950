//! Rosters saved as a workbook (Excel `.xlsx`/`.xlsm`/`.xls`, OpenDocument `.ods`), read with
//! `calamine`: the first sheet, or the one named after a colon (`klas.xlsx:Blad2`).

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, Reader, open_workbook_auto_from_rs};

use super::table::Table;

/// Does a file start like a workbook: a zip archive (xlsx, ods) or an OLE compound file (xls)?
pub fn looks_like_workbook(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
}

/// Read one sheet into a table. Returns the sheet's name with it. Errors are Dutch messages.
pub fn read(bytes: &[u8], sheet: Option<&str>) -> Result<(Table, String), String> {
    let mut workbook = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|_| {
        "dit lijkt een werkmap, maar postwacht kan hem niet openen; sla hem opnieuw op als .xlsx of als CSV".to_string()
    })?;
    let names = workbook.sheet_names();
    let name =
        match sheet {
            None => names.first().cloned().ok_or_else(|| "de werkmap heeft geen werkbladen".to_string())?,
            Some(wanted) => names.iter().find(|n| n.eq_ignore_ascii_case(wanted.trim())).cloned().ok_or_else(|| {
                format!("werkblad '{wanted}' bestaat niet in deze werkmap (wel: {})", names.join(", "))
            })?,
        };
    let range = workbook.worksheet_range(&name).map_err(|e| format!("werkblad '{name}' is niet te lezen: {e}"))?;
    let first_row = range.start().map_or(0, |(row, _)| row as usize);
    let first_column = range.start().map_or(0, |(_, column)| column as usize);
    let mut table = Table::default();
    for (i, cells) in range.rows().enumerate() {
        // Cells left of the used range are empty: keep the columns where Excel has them.
        let left = std::iter::repeat_n(Cow::Borrowed(""), first_column);
        table.push_row(first_row + i + 1, left.chain(cells.iter().map(cell_text)));
    }
    Ok((table, name))
}

/// A cell as the text a CSV export would hold: whole numbers without ".0" (a pupil number read
/// as a number), booleans as true/false. Text cells are borrowed: the table copies them anyway.
fn cell_text(cell: &Data) -> Cow<'_, str> {
    match cell {
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cow::Borrowed(s),
        Data::Int(i) => Cow::Owned(i.to_string()),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => Cow::Owned(format!("{}", *f as i64)),
        Data::Float(f) => Cow::Owned(f.to_string()),
        Data::Bool(b) => Cow::Owned(b.to_string()),
        Data::DateTime(d) => Cow::Owned(d.as_f64().to_string()),
        Data::Error(_) | Data::Empty => Cow::Borrowed(""),
    }
}
