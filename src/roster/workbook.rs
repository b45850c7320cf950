//! Rosters saved as a workbook (Excel `.xlsx`/`.xlsm`/`.xls`, OpenDocument `.ods`), read with
//! `calamine`: the first sheet, or the one named after a colon (`klas.xlsx:Blad2`).

use std::borrow::Cow;
use std::io::Cursor;

use calamine::{Data, DataRef, Reader, Sheets, open_workbook_auto_from_rs};

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
    let unreadable = |e: &dyn std::fmt::Display| format!("werkblad '{name}' is niet te lezen: {e}");
    // An xlsx or xlsb sheet is read cell by cell: calamine's `worksheet_range` makes a dense grid
    // from the first to the last used cell, so one cell at XFD1048576 asked for 512 GB and
    // aborted postwacht (found by hand for issue 17's hostile inputs).
    let sparse = match &mut workbook {
        Sheets::Xlsx(xlsx) => {
            Some(sparse_cells(xlsx.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?, |r| {
                r.next_cell().map_err(|e| unreadable(&e))
            })?)
        }
        Sheets::Xlsb(xlsb) => {
            Some(sparse_cells(xlsb.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?, |r| {
                r.next_cell().map_err(|e| unreadable(&e))
            })?)
        }
        Sheets::Xls(_) | Sheets::Ods(_) => None,
    };
    if let Some(cells) = sparse {
        return Ok((table_of_cells(cells), name));
    }
    let range = workbook.worksheet_range(&name).map_err(|e| unreadable(&e))?;
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

/// The most cells with a value a roster sheet may have: a board's roster of a few thousand
/// pupils has tens of thousands; past this it is no roster (or a zip bomb).
pub const MAX_CELLS: usize = 4_000_000;

/// Columns past this one are not read: no roster has a thousand columns, and a row is filled
/// with empty cells up to its last one.
pub const MAX_COLUMNS: u32 = 1_000;

/// The cells with a value, as (row, column, text), read one by one from `reader`.
fn sparse_cells<R>(
    mut reader: R,
    mut next: impl FnMut(&mut R) -> Result<Option<calamine::Cell<DataRef<'_>>>, String>,
) -> Result<Vec<(u32, u32, String)>, String> {
    let mut cells = Vec::new();
    while let Some(cell) = next(&mut reader)? {
        let (row, column) = cell.get_position();
        if column >= MAX_COLUMNS || *cell.get_value() == DataRef::Empty {
            continue;
        }
        if cells.len() == MAX_CELLS {
            return Err(format!(
                "het werkblad heeft meer dan {MAX_CELLS} gevulde cellen; dit is geen leerlingenlijst (sla alleen de leerlingen op)"
            ));
        }
        let text = cell_text(&Data::from(cell.get_value().clone())).into_owned();
        cells.push((row, column, text));
    }
    Ok(cells)
}

/// A table of sparse cells: one row per sheet row with a value, each filled with empty cells
/// where the sheet has none, so columns stay where Excel has them.
fn table_of_cells(mut cells: Vec<(u32, u32, String)>) -> Table {
    cells.sort_by_key(|&(row, column, _)| (row, column));
    let mut table = Table::default();
    let mut rest = cells.as_slice();
    while let Some(&(row, _, _)) = rest.first() {
        let len = rest.iter().take_while(|c| c.0 == row).count();
        let (this, next) = rest.split_at(len);
        let width = this.last().map_or(0, |c| c.1 as usize + 1);
        let mut line = vec![""; width];
        for (_, column, text) in this {
            line[*column as usize] = text;
        }
        table.push_row(row as usize + 1, line);
        rest = next;
    }
    table
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
