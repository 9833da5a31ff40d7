//! Calendar arithmetic shared by the profile checks and the engine.
//!
//! Everything here is total: an overflow past chrono's range gives `None`
//! instead of panicking, so a hostile date can never crash an evaluation.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The earliest year accepted in any date a user or a rule file writes.
pub const MIN_YEAR: i32 = 1900;
/// The latest year accepted in any date a user or a rule file writes.
pub const MAX_YEAR: i32 = 2199;

/// Why a date string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the shape `YYYY-MM-DD`.
    #[error("`{0}` is not a date: expected YYYY-MM-DD")]
    Shape(String),
    /// The right shape, but no such day (e.g. 2026-02-30).
    #[error("`{0}` is not a real calendar date")]
    NoSuchDay(String),
    /// A real date, but outside the years this tool accepts.
    #[error("`{0}` is out of range: years {MIN_YEAR} to {MAX_YEAR} are accepted")]
    OutOfRange(String),
}

/// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD`, within the accepted years.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    if !shape_ok {
        return Err(DateError::Shape(text.to_owned()));
    }
    let number = |range: std::ops::Range<usize>| -> u32 {
        text.get(range)
            .and_then(|s| s.parse().ok())
            .unwrap_or_default()
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let year = i32::try_from(year).map_err(|_| DateError::Shape(text.to_owned()))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(text.to_owned()))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(text.to_owned()));
    }
    Ok(date)
}

/// `date + days` (negative allowed); `None` past chrono's range.
pub fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        date.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        date.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// `date + months`, clamped to the end of the month (31 Jan + 1 month = 28/29 Feb).
pub fn add_months(date: NaiveDate, months: i64) -> Option<NaiveDate> {
    let magnitude = u32::try_from(months.unsigned_abs()).ok()?;
    if months >= 0 {
        date.checked_add_months(Months::new(magnitude))
    } else {
        date.checked_sub_months(Months::new(magnitude))
    }
}

/// `date + years`, clamped: 29 February plus one year is 28 February.
pub fn add_years(date: NaiveDate, years: i64) -> Option<NaiveDate> {
    add_months(date, years.checked_mul(12)?)
}

/// `to - from` in days.
pub fn days_between(from: NaiveDate, to: NaiveDate) -> i64 {
    to.signed_duration_since(from).num_days()
}

/// Completed years of age on `on` for someone born on `birth` (negative before birth).
///
/// A person born on 29 February has a birthday on 28 February in common
/// years, consistent with [`add_years`].
pub fn age(birth: NaiveDate, on: NaiveDate) -> i64 {
    let mut years = i64::from(on.year()) - i64::from(birth.year());
    match add_years(birth, years) {
        Some(birthday) if birthday > on => years -= 1,
        Some(_) => {}
        None => {}
    }
    years
}

/// The `n`-th working day after `from` (weekends and `holidays` skipped).
///
/// `holidays` must be sorted; `n <= 0` gives `from` itself.
pub fn add_working_days(from: NaiveDate, n: i64, holidays: &[NaiveDate]) -> Option<NaiveDate> {
    let mut date = from;
    let mut left = n;
    while left > 0 {
        date = date.succ_opt()?;
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        if !weekend && holidays.binary_search(&date).is_err() {
            left -= 1;
        }
    }
    Some(date)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_date(s).unwrap()
    }

    #[test]
    fn parses_strict_iso_dates() {
        assert_eq!(
            d("2026-03-01"),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
        );
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(DateError::NoSuchDay(_))
        ));
        assert!(matches!(parse_date("2026-2-3"), Err(DateError::Shape(_))));
        assert!(matches!(
            parse_date("+10000-01-01"),
            Err(DateError::Shape(_))
        ));
        assert!(matches!(
            parse_date("0000-01-01"),
            Err(DateError::NoSuchDay(_) | DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_date("1899-12-31"),
            Err(DateError::OutOfRange(_))
        ));
        assert!(matches!(
            parse_date("2026-03-01 "),
            Err(DateError::Shape(_))
        ));
        assert!(matches!(
            parse_date("２０２６-03-01"),
            Err(DateError::Shape(_))
        ));
        assert!(parse_date("2024-02-29").is_ok());
        assert!(parse_date("2026-02-29").is_err());
    }

    #[test]
    fn day_arithmetic_crosses_month_and_year_ends() {
        assert_eq!(add_days(d("2026-01-31"), 1), Some(d("2026-02-01")));
        assert_eq!(add_days(d("2026-12-31"), 1), Some(d("2027-01-01")));
        assert_eq!(add_days(d("2024-02-28"), 1), Some(d("2024-02-29")));
        assert_eq!(add_days(d("2026-03-01"), -1), Some(d("2026-02-28")));
        assert_eq!(add_days(d("2026-03-01"), 29), Some(d("2026-03-30")));
        assert_eq!(add_days(d("2026-03-01"), i64::MAX), None);
        assert_eq!(days_between(d("2026-03-01"), d("2026-04-05")), 35);
        assert_eq!(days_between(d("2024-02-01"), d("2024-03-01")), 29);
    }

    #[test]
    fn months_and_years_clamp_to_month_end() {
        assert_eq!(add_months(d("2026-01-31"), 1), Some(d("2026-02-28")));
        assert_eq!(add_months(d("2024-01-31"), 1), Some(d("2024-02-29")));
        assert_eq!(add_years(d("2024-02-29"), 1), Some(d("2025-02-28")));
        assert_eq!(add_years(d("2024-02-29"), 4), Some(d("2028-02-29")));
        assert_eq!(add_months(d("2026-03-31"), -1), Some(d("2026-02-28")));
    }

    #[test]
    fn age_counts_completed_years() {
        assert_eq!(age(d("2008-03-02"), d("2026-03-01")), 17);
        assert_eq!(age(d("2008-03-01"), d("2026-03-01")), 18);
        assert_eq!(age(d("2020-02-29"), d("2026-02-27")), 5);
        assert_eq!(age(d("2020-02-29"), d("2026-02-28")), 6);
        assert_eq!(age(d("2020-02-29"), d("2024-02-29")), 4);
        assert_eq!(age(d("2027-01-01"), d("2026-01-01")), -1);
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // 2026-03-06 is a Friday.
        assert_eq!(
            add_working_days(d("2026-03-06"), 3, &[]),
            Some(d("2026-03-11"))
        );
        assert_eq!(
            add_working_days(d("2026-03-06"), 3, &[d("2026-03-09")]),
            Some(d("2026-03-12"))
        );
        assert_eq!(
            add_working_days(d("2026-03-06"), 0, &[]),
            Some(d("2026-03-06"))
        );
    }
}
