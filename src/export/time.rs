//! Writing out the epoch seconds that "Download your information" exports use for times.

use crate::deadline::clock::Date;

/// Epoch seconds as a UTC date and time (`2026-11-21T13:03:12Z`).
pub fn from_epoch(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let Date { year, month, day } = Date::from_days(days);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
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
