//! Dates and times of comments, read from the ways exports write them, on the Dutch clock.
//!
//! Exports give times in UTC (`2026-11-21T13:03:12Z`, `+0000`, epoch seconds written out), with
//! another offset, as X does (`Sat Nov 21 13:03:12 +0000 2026`), or as the phone showed them
//! (WhatsApp: `21-11-2026 14:03`, `[21-11-2026, 14:06:30]`), which is Dutch local time already.
//! A time with an offset is moved to Europe/Amsterdam: CET (UTC+1) in winter, CEST (UTC+2) from
//! the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC (the EU rule).

/// A day in the proleptic Gregorian calendar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i64,
    pub month: i64,
    pub day: i64,
}

impl Date {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days(self) -> i64 {
        let year = if self.month <= 2 { self.year - 1 } else { self.year };
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let month_index = (self.month + 9) % 12;
        let day_of_year = (153 * month_index + 2) / 5 + self.day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let day_of_era = z.rem_euclid(146_097);
        let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let month_index = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * month_index + 2) / 5 + 1;
        let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
        Date { year: year_of_era + era * 400 + i64::from(month <= 2), month, day }
    }

    /// 0 for Monday … 6 for Sunday.
    pub fn weekday(self) -> i64 {
        // 1970-01-01 was a Thursday.
        (self.days() + 3).rem_euclid(7)
    }

    fn valid(self) -> bool {
        if !(1..=12).contains(&self.month) {
            return false;
        }
        let next_month = if self.month == 12 {
            Date { year: self.year + 1, month: 1, day: 1 }
        } else {
            Date { year: self.year, month: self.month + 1, day: 1 }
        };
        (1..=Date::from_days(next_month.days() - 1).day).contains(&self.day)
    }
}

/// A moment on the Dutch clock (Europe/Amsterdam), to the second.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct LocalTime {
    pub date: Date,
    /// Seconds since local midnight.
    pub seconds: i64,
}

impl LocalTime {
    pub fn hour(self) -> i64 {
        self.seconds / 3600
    }

    /// `wo 8 okt 2026 12:01`.
    pub fn dutch(self) -> String {
        const DAYS: [&str; 7] = ["ma", "di", "wo", "do", "vr", "za", "zo"];
        const MONTHS: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
        format!(
            "{} {} {} {} {:02}:{:02}",
            DAYS[self.date.weekday() as usize],
            self.date.day,
            MONTHS[(self.date.month - 1) as usize],
            self.date.year,
            self.hour(),
            self.seconds % 3600 / 60
        )
    }

    /// `2026-10-08T12:01` (for a `<time datetime>` and for sorting).
    pub fn iso(self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}",
            self.date.year,
            self.date.month,
            self.date.day,
            self.hour(),
            self.seconds % 3600 / 60
        )
    }

    /// The Dutch clock at `utc` seconds since the epoch.
    pub fn from_utc(utc: i64) -> LocalTime {
        let local = utc + 3600 * if summer_time(utc) { 2 } else { 1 };
        LocalTime { date: Date::from_days(local.div_euclid(86_400)), seconds: local.rem_euclid(86_400) }
    }
}

/// Is Amsterdam on summer time at `utc`?
fn summer_time(utc: i64) -> bool {
    let year = Date::from_days(utc.div_euclid(86_400)).year;
    let last_sunday = |month: i64| {
        let last = Date::from_days(Date { year, month: month + 1, day: 1 }.days() - 1);
        last.days() - (last.weekday() + 1) % 7
    };
    let start = last_sunday(3) * 86_400 + 3600;
    let end = last_sunday(10) * 86_400 + 3600;
    (start..end).contains(&utc)
}

/// Read a time as an export writes it. `None` when it is in no form postwacht knows.
pub fn parse(text: &str) -> Option<LocalTime> {
    let text = text.trim().trim_start_matches('[').trim_end_matches(']');
    parse_iso(text).or_else(|| parse_x(text)).or_else(|| parse_day_first(text))
}

/// Digits at the start of `s`: (value, rest).
fn number(s: &str) -> Option<(i64, &str)> {
    let digits = s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 4 {
        return None;
    }
    Some((s[..digits].parse().ok()?, &s[digits..]))
}

/// `HH:MM` or `HH:MM:SS`: seconds since midnight, and the rest.
fn clock(s: &str) -> Option<(i64, &str)> {
    let (hour, rest) = number(s)?;
    let (minute, mut rest) = number(rest.strip_prefix(':')?)?;
    let mut second = 0;
    if let Some(after) = rest.strip_prefix(':') {
        (second, rest) = number(after)?;
    }
    // Fractions of a second (`.000Z`).
    if let Some(after) = rest.strip_prefix('.') {
        rest = after.trim_start_matches(|c: char| c.is_ascii_digit());
    }
    ((0..24).contains(&hour) && (0..60).contains(&minute) && (0..61).contains(&second))
        .then_some((hour * 3600 + minute * 60 + second, rest))
}

/// `Z`, `+0000`, `+00:00`, `-05:00`: the offset in seconds; nothing at all is `None`.
fn offset(s: &str) -> Option<Option<i64>> {
    let s = s.trim();
    if s.is_empty() {
        return Some(None);
    }
    if s == "Z" || s == "UTC" {
        return Some(Some(0));
    }
    let sign = match s.as_bytes()[0] {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    let digits: String = s[1..].chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    Some(Some(sign * (hours * 3600 + minutes * 60)))
}

/// A date and time with an optional offset: UTC offsets move to the Dutch clock, no offset means
/// the Dutch clock already.
fn moment(date: Date, seconds: i64, offset: Option<i64>) -> Option<LocalTime> {
    if !date.valid() {
        return None;
    }
    Some(match offset {
        None => LocalTime { date, seconds },
        Some(offset) => LocalTime::from_utc(date.days() * 86_400 + seconds - offset),
    })
}

/// `2026-11-21T13:03:12Z`, `2026-10-08T10:01:00+0000`, `2026-11-21 13:03`.
fn parse_iso(s: &str) -> Option<LocalTime> {
    let (year, rest) = number(s)?;
    let (month, rest) = number(rest.strip_prefix('-')?)?;
    let (day, rest) = number(rest.strip_prefix('-')?)?;
    let rest = rest.strip_prefix(['T', ' '])?;
    let (seconds, rest) = clock(rest)?;
    moment(Date { year, month, day }, seconds, offset(rest)?)
}

/// X's `Sat Nov 21 13:03:12 +0000 2026`.
fn parse_x(s: &str) -> Option<LocalTime> {
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let parts: Vec<&str> = s.split_whitespace().collect();
    let [_, month, day, time, zone, year] = parts.as_slice() else { return None };
    let month = MONTHS.iter().position(|m| m == month)? as i64 + 1;
    let (seconds, rest) = clock(time)?;
    if !rest.is_empty() {
        return None;
    }
    moment(Date { year: year.parse().ok()?, month, day: day.parse().ok()? }, seconds, offset(zone)?)
}

/// WhatsApp's day-first dates: `21-11-2026 14:03`, `21-11-2026, 14:06:30`, `21/11/26 14:03`,
/// `21.11.2026 14:03`; local time.
fn parse_day_first(s: &str) -> Option<LocalTime> {
    let (day, rest) = number(s)?;
    let separator = rest.chars().next().filter(|c| matches!(c, '-' | '/' | '.'))?;
    let (month, rest) = number(&rest[1..])?;
    let (year, rest) = number(rest.strip_prefix(separator)?)?;
    let year = if year < 100 { 2000 + year } else { year };
    let rest = rest.trim_start_matches(',').trim_start();
    let (seconds, rest) = clock(rest)?;
    if !rest.trim().is_empty() {
        return None;
    }
    moment(Date { year, month, day }, seconds, None)
}

/// `Err` with a Dutch message when `POSTWACHT_NOW` is set but is no time [`parse`] reads: the
/// page would otherwise be made as of the system clock without a word.
pub fn check_now_setting() -> Result<(), String> {
    match std::env::var("POSTWACHT_NOW") {
        Ok(value) if parse(&value).is_none() => Err(format!(
            "POSTWACHT_NOW=\"{value}\" is geen tijd die postwacht kan lezen; schrijf bijvoorbeeld \
             POSTWACHT_NOW=2026-10-09T13:00 (Nederlandse tijd), of laat het weg: dan telt de klok van de computer."
        )),
        _ => Ok(()),
    }
}

/// The moment that counts as now: `POSTWACHT_NOW` (any form [`parse`] reads, for tests and for
/// a page made as of a given time) or the system clock.
pub fn now() -> LocalTime {
    if let Some(now) = std::env::var("POSTWACHT_NOW").ok().as_deref().and_then(parse) {
        return now;
    }
    let utc = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0));
    LocalTime::from_utc(utc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(year: i64, month: i64, day: i64, hour: i64, minute: i64) -> LocalTime {
        LocalTime { date: Date { year, month, day }, seconds: hour * 3600 + minute * 60 }
    }

    #[test]
    fn days_and_weekdays() {
        let date = Date { year: 2026, month: 11, day: 21 };
        assert_eq!(Date::from_days(date.days()), date);
        assert_eq!(date.weekday(), 5, "a Saturday");
        assert_eq!(Date { year: 1970, month: 1, day: 1 }.days(), 0);
        assert!(!Date { year: 2026, month: 2, day: 29 }.valid());
        assert!(Date { year: 2028, month: 2, day: 29 }.valid());
        assert!(!Date { year: 2026, month: 4, day: 31 }.valid());
    }

    #[test]
    fn export_times_on_the_dutch_clock() {
        // Winter: UTC+1; summer: UTC+2.
        assert_eq!(
            parse("2026-11-21T13:03:12Z"),
            Some(LocalTime { seconds: 14 * 3600 + 3 * 60 + 12, ..local(2026, 11, 21, 0, 0) })
        );
        assert_eq!(parse("2026-10-08T10:01:00+0000"), Some(local(2026, 10, 8, 12, 1)));
        assert_eq!(parse("2026-07-01T23:30:00.000Z"), Some(local(2026, 7, 2, 1, 30)));
        assert_eq!(parse("2026-03-29T00:59:00Z"), Some(local(2026, 3, 29, 1, 59)));
        assert_eq!(parse("2026-03-29T01:00:00Z"), Some(local(2026, 3, 29, 3, 0)));
        assert_eq!(parse("2026-10-25T00:59:00Z"), Some(local(2026, 10, 25, 2, 59)));
        assert_eq!(parse("2026-10-25T01:00:00Z"), Some(local(2026, 10, 25, 2, 0)));
        assert_eq!(parse("Sat Nov 21 13:03:12 +0000 2026").map(|t| t.hour()), Some(14));
        assert_eq!(parse("21-11-2026 14:03"), Some(local(2026, 11, 21, 14, 3)));
        assert_eq!(parse("[21-11-2026, 14:06:30]").map(|t| t.seconds), Some(14 * 3600 + 6 * 60 + 30));
        assert_eq!(parse("21/11/26 14:03"), Some(local(2026, 11, 21, 14, 3)));
        for unknown in ["", "gisteren", "31-02-2026 10:00", "2026-11-21", "25:00"] {
            assert_eq!(parse(unknown), None, "{unknown}");
        }
        assert_eq!(local(2026, 10, 8, 12, 1).dutch(), "do 8 okt 2026 12:01");
    }
}
