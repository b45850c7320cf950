//! Working days in the Netherlands: Monday to Friday, except the general public holidays.
//!
//! The holidays are those of the Algemene termijnenwet, the law that says what a "werkdag" is for
//! a deadline: New Year's Day, Easter Monday, Ascension Day, Whit Monday, Koningsdag, 5 May
//! (Bevrijdingsdag) and both days of Christmas. Our policy for Bevrijdingsdag follows that law:
//! it is a day off every year, not only in a lustrum year as in many collective agreements, so a
//! deadline never falls on it. Good Friday is not a general holiday in that law and counts as a
//! working day. School holidays (herfstvakantie, …) differ per region and school and are working
//! days here.

use super::clock::Date;

/// Is `date` a Saturday, Sunday or general public holiday?
pub fn is_day_off(date: Date) -> bool {
    date.weekday() >= 5 || holiday(date).is_some()
}

/// The Dutch name of the public holiday on `date`, if it is one.
pub fn holiday(date: Date) -> Option<&'static str> {
    let easter = easter_sunday(date.year);
    let fixed = match (date.month, date.day) {
        (1, 1) => Some("Nieuwjaarsdag"),
        (5, 5) => Some("Bevrijdingsdag"),
        (12, 25) => Some("Eerste Kerstdag"),
        (12, 26) => Some("Tweede Kerstdag"),
        _ => None,
    };
    if fixed.is_some() {
        return fixed;
    }
    if date == kings_day(date.year) {
        return Some(if date.year >= 2014 { "Koningsdag" } else { "Koninginnedag" });
    }
    match date.days() - easter.days() {
        1 => Some("Tweede Paasdag"),
        39 => Some("Hemelvaartsdag"),
        50 => Some("Tweede Pinksterdag"),
        _ => None,
    }
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm of Meeus, Jones and Butcher).
pub fn easter_sunday(year: i64) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date { year, month, day }
}

/// Koningsdag: 27 April, or 26 April when the 27th is a Sunday (from 2014); before that
/// Koninginnedag, 30 April, or the 29th when the 30th is a Sunday.
pub fn kings_day(year: i64) -> Date {
    let (day, earlier) = if year >= 2014 { (27, 26) } else { (30, 29) };
    let date = Date { year, month: 4, day };
    if date.weekday() == 6 { Date { year, month: 4, day: earlier } } else { date }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(year: i64, month: i64, day: i64) -> Date {
        Date { year, month, day }
    }

    #[test]
    fn easter_falls_on_the_known_dates() {
        for (year, month, day) in
            [(2024, 3, 31), (2025, 4, 20), (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22)]
        {
            assert_eq!(easter_sunday(year), date(year, month, day), "{year}");
            assert_eq!(easter_sunday(year).weekday(), 6, "{year} is a Sunday");
        }
    }

    #[test]
    fn kings_day_moves_to_saturday_when_the_27th_is_a_sunday() {
        assert_eq!(kings_day(2025), date(2025, 4, 26));
        assert_eq!(kings_day(2026), date(2026, 4, 27));
        assert_eq!(kings_day(2014), date(2014, 4, 26));
        assert_eq!(kings_day(2006), date(2006, 4, 29));
    }

    #[test]
    fn the_holidays_of_2026() {
        let off: Vec<(i64, i64)> = (0..365)
            .map(|n| Date::from_days(date(2026, 1, 1).days() + n))
            .filter(|d| holiday(*d).is_some())
            .map(|d| (d.month, d.day))
            .collect();
        assert_eq!(off, [(1, 1), (4, 6), (4, 27), (5, 5), (5, 14), (5, 25), (12, 25), (12, 26)]);
        assert!(!is_day_off(date(2026, 4, 3)), "Good Friday is a working day");
        assert!(is_day_off(date(2026, 11, 21)), "a Saturday");
    }
}
