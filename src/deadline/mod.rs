//! When a comment on the school's page must be gone: SGH 6.5 asks the page's manager to remove
//! unfitting comments within one working day.
//!
//! Our reading, for a comment placed at time T (Dutch clock): the deadline is the same time of
//! day on the first working day after the day of T. Friday 14:00 gives Monday 14:00, Saturday
//! 10:00 gives Monday 10:00, the evening before Koningsdag gives the day after it. Working days
//! are in [`holidays`]; times are read by [`clock`].

pub mod clock;
pub mod holidays;

use clock::{Date, LocalTime};

/// The deadline for a comment placed at `placed`.
pub fn deadline(placed: LocalTime) -> LocalTime {
    let mut day = placed.date.days() + 1;
    while holidays::is_day_off(Date::from_days(day)) {
        day += 1;
    }
    LocalTime { date: Date::from_days(day), seconds: placed.seconds }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(year: i64, month: i64, day: i64, hour: i64) -> LocalTime {
        LocalTime { date: Date { year, month, day }, seconds: hour * 3600 }
    }

    #[test]
    fn one_working_day_later() {
        // Thursday → Friday; Friday → Monday; Saturday and Sunday → Monday.
        assert_eq!(deadline(at(2026, 10, 8, 12)), at(2026, 10, 9, 12));
        assert_eq!(deadline(at(2026, 10, 9, 14)), at(2026, 10, 12, 14));
        assert_eq!(deadline(at(2026, 11, 21, 10)), at(2026, 11, 23, 10));
        assert_eq!(deadline(at(2026, 11, 22, 23)), at(2026, 11, 23, 23));
        // Christmas Eve 2026 is a Thursday: Christmas, Boxing Day and the weekend pass.
        assert_eq!(deadline(at(2026, 12, 24, 9)), at(2026, 12, 28, 9));
        // New Year's Eve 2026 (Thursday) → Saturday and Sunday off too → Monday 4 January.
        assert_eq!(deadline(at(2026, 12, 31, 9)), at(2027, 1, 4, 9));
        // Before Easter Monday, Koningsdag (Monday 27 April 2026), Bevrijdingsdag, Ascension.
        assert_eq!(deadline(at(2026, 4, 3, 16)), at(2026, 4, 7, 16));
        assert_eq!(deadline(at(2026, 4, 24, 16)), at(2026, 4, 28, 16));
        assert_eq!(deadline(at(2026, 5, 4, 16)), at(2026, 5, 6, 16));
        assert_eq!(deadline(at(2026, 5, 13, 16)), at(2026, 5, 15, 16));
        assert_eq!(deadline(at(2026, 5, 22, 16)), at(2026, 5, 26, 16));
    }
}
