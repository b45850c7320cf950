//! Writing out the epoch seconds that "Download your information" exports use for times.

/// Epoch seconds as a UTC date and time (`2026-11-21T13:03:12Z`).
pub fn from_epoch(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_out_epoch_seconds() {
        assert_eq!(from_epoch(0), "1970-01-01T00:00:00Z");
        assert_eq!(from_epoch(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(from_epoch(1_795_266_192), "2026-11-21T13:03:12Z");
        assert_eq!(from_epoch(-1), "1969-12-31T23:59:59Z");
    }
}
