//! Calendar arithmetic shared by the profile checks and the engine.
//!
//! Everything here is total: an overflow past chrono's range gives `None`
//! instead of panicking, so a hostile date can never crash an evaluation.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

/// The earliest year accepted in any date a user or a rule file writes.
pub const MIN_YEAR: i32 = 1900;
/// The latest year accepted in any date a user or a rule file writes.
pub const MAX_YEAR: i32 = 2199;

/// Why a date string was refused. Its words are in the diagnostics'
/// Fluent files ([`crate::diagnostic::Message::Date`]); `Display` gives
/// them in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not of the shape `YYYY-MM-DD`, the only form of a rule file's dates.
    Shape(String),
    /// Neither `YYYY-MM-DD` nor `DD.MM.YYYY`, the forms a person may write.
    NotADate(String),
    /// Day first, but the day or the month has one digit (`1.3.2026`):
    /// refused, since a reader of `1.3` cannot be sure which is the day;
    /// the two forms that say it plainly are suggested.
    Unpadded {
        /// The text as written.
        text: String,
        /// The same day as `DD.MM.YYYY`.
        dotted: String,
        /// The same day as `YYYY-MM-DD`.
        iso: String,
    },
    /// The right shape, but no such day (e.g. 2026-02-30).
    NoSuchDay(String),
    /// A real date, but outside the years this tool accepts.
    OutOfRange(String),
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&crate::diagnostic::Message::Date(self.clone()).word(crate::report::Lang::En))
    }
}

impl std::error::Error for DateError {}

/// Why a date of the right shape names no day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoSuchDay {
    /// The month is not 01 to 12.
    NoMonth(u32),
    /// The day is 00.
    DayZero,
    /// The day is past the month's last.
    MonthHas {
        /// The year.
        year: u32,
        /// The month, 1 to 12.
        month: u32,
        /// How many days it has.
        days: i64,
    },
}

/// Parses a date as a person writes it: ISO 8601 `YYYY-MM-DD`, or day
/// first with dots, `DD.MM.YYYY`, as dates are written in Russia and
/// Kazakhstan; within the accepted years.
///
/// Nothing else is guessed at: slashes (`01/03/2026`) read month first in
/// some countries and day first in others, and a two-digit year or a
/// one-digit day or month is refused with the unambiguous forms of the
/// date it seems to mean.
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    if let Some(fields) = iso_fields(text).or_else(|| dotted_fields(text)) {
        return date_of(text, fields);
    }
    Err(match loose_dotted_fields(text) {
        Some(fields) => match date_of(text, fields) {
            Ok(date) => DateError::Unpadded {
                text: text.to_owned(),
                dotted: date.format("%d.%m.%Y").to_string(),
                iso: date.to_string(),
            },
            Err(e) => e,
        },
        // The text is echoed in the message: escaped and cut short.
        None => DateError::NotADate(crate::json::quote(text)),
    })
}

/// Parses a strict ISO 8601 calendar date, `YYYY-MM-DD`, within the
/// accepted years: the one form of the dates in rule files, so a pack
/// reads the same to every reviewer.
pub fn parse_iso_date(text: &str) -> Result<NaiveDate, DateError> {
    match iso_fields(text) {
        Some(fields) => date_of(text, fields),
        None => Err(DateError::Shape(crate::json::quote(text))),
    }
}

/// Year, month and day, as read from the text.
type Fields = (u32, u32, u32);

/// The fields of `YYYY-MM-DD`, if the text has exactly that shape.
fn iso_fields(text: &str) -> Option<Fields> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        });
    shape_ok.then(|| (number(text, 0..4), number(text, 5..7), number(text, 8..10)))
}

/// The fields of `DD.MM.YYYY`, if the text has exactly that shape.
fn dotted_fields(text: &str) -> Option<Fields> {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            2 | 5 => *b == b'.',
            _ => b.is_ascii_digit(),
        });
    shape_ok.then(|| (number(text, 6..10), number(text, 3..5), number(text, 0..2)))
}

/// The fields of `D.M.YYYY` with one or two digits of day and month (a
/// date written day first, but not in the accepted form).
fn loose_dotted_fields(text: &str) -> Option<Fields> {
    let mut parts = text.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let ok =
        parts.next().is_none() && digits(day, 1..=2) && digits(month, 1..=2) && digits(year, 4..=4);
    ok.then(|| {
        (
            number(year, 0..4),
            number(month, 0..month.len()),
            number(day, 0..day.len()),
        )
    })
}

/// The decimal number in `text[range]`, all ASCII digits by the caller's check.
fn number(text: &str, range: std::ops::Range<usize>) -> u32 {
    text.get(range)
        .and_then(|s| s.parse().ok())
        .unwrap_or_default()
}

/// The date of the fields read from `text`, if it is a real day in the
/// accepted years.
fn date_of(text: &str, (year, month, day): Fields) -> Result<NaiveDate, DateError> {
    let year = i32::try_from(year).map_err(|_| DateError::NotADate(text.to_owned()))?;
    let date = NaiveDate::from_ymd_opt(year, month, day)
        .ok_or_else(|| DateError::NoSuchDay(text.to_owned()))?;
    if !(MIN_YEAR..=MAX_YEAR).contains(&year) {
        return Err(DateError::OutOfRange(text.to_owned()));
    }
    Ok(date)
}

/// Why a date text of the right shape names no day (February 2026 has
/// 28 days); `None` when the text has no date's shape.
pub fn no_such_day(text: &str) -> Option<NoSuchDay> {
    let (year, month, day) = iso_fields(text)
        .or_else(|| dotted_fields(text))
        .or_else(|| loose_dotted_fields(text))?;
    if !(1..=12).contains(&month) {
        return Some(NoSuchDay::NoMonth(month));
    }
    if day == 0 {
        return Some(NoSuchDay::DayZero);
    }
    let days = i32::try_from(year)
        .ok()
        .and_then(|y| {
            let first = NaiveDate::from_ymd_opt(y, month, 1)?;
            let next = first.checked_add_months(Months::new(1))?;
            Some(days_between(first, next))
        })
        .unwrap_or(31);
    Some(NoSuchDay::MonthHas { year, month, days })
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
        assert!(matches!(
            parse_date("2026-2-3"),
            Err(DateError::NotADate(_))
        ));
        assert!(matches!(
            parse_date("+10000-01-01"),
            Err(DateError::NotADate(_))
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
            Err(DateError::NotADate(_))
        ));
        assert!(matches!(
            parse_date("２０２６-03-01"),
            Err(DateError::NotADate(_))
        ));
        assert!(parse_date("2024-02-29").is_ok());
        assert_eq!(
            parse_date("2026-02-29").unwrap_err().to_string(),
            "`2026-02-29` is not a real calendar date: February 2026 has 28 days"
        );
        assert_eq!(
            parse_date("2026-13-01").unwrap_err().to_string(),
            "`2026-13-01` is not a real calendar date: there is no month 13, months run from 01 to 12"
        );
        assert_eq!(
            parse_date("2026-04-00").unwrap_err().to_string(),
            "`2026-04-00` is not a real calendar date: days of the month start at 01"
        );
        assert!(
            parse_date(&"x".repeat(10_000))
                .unwrap_err()
                .to_string()
                .len()
                < 200
        );
    }

    #[test]
    fn parses_day_first_dates_with_dots() {
        assert_eq!(d("01.03.2026"), d("2026-03-01"));
        assert_eq!(d("31.12.2026"), d("2026-12-31"));
        assert_eq!(d("29.02.2024"), d("2024-02-29"));
        assert_eq!(
            parse_date("31.02.2026").unwrap_err().to_string(),
            "`31.02.2026` is not a real calendar date: February 2026 has 28 days"
        );
        assert_eq!(
            parse_date("01.13.2026").unwrap_err().to_string(),
            "`01.13.2026` is not a real calendar date: there is no month 13, months run from 01 to 12"
        );
        assert_eq!(
            parse_date("01.01.1899").unwrap_err(),
            DateError::OutOfRange("01.01.1899".to_owned())
        );
    }

    #[test]
    fn a_one_digit_day_or_month_is_refused_with_the_plain_forms() {
        assert_eq!(
            parse_date("1.3.2026").unwrap_err().to_string(),
            "`1.3.2026` is not a date: write the day and the month with two digits, as in `01.03.2026`, or write `2026-03-01`"
        );
        assert_eq!(
            parse_date("15.3.2026").unwrap_err(),
            DateError::Unpadded {
                text: "15.3.2026".to_owned(),
                dotted: "15.03.2026".to_owned(),
                iso: "2026-03-15".to_owned(),
            }
        );
        // An impossible day is named as such, not padded into another.
        assert_eq!(
            parse_date("31.2.2026").unwrap_err().to_string(),
            "`31.2.2026` is not a real calendar date: February 2026 has 28 days"
        );
    }

    #[test]
    fn other_forms_are_refused_naming_both_accepted_ones() {
        for text in [
            "01/03/2026",
            "01.03.26",
            "1.3.26",
            "01-03-2026",
            "2026.03.01",
            " 01.03.2026",
            "01.03.2026.",
            "001.03.2026",
            "",
        ] {
            assert_eq!(
                parse_date(text).unwrap_err(),
                DateError::NotADate(text.to_owned()),
                "{text}"
            );
        }
        assert_eq!(
            parse_date("01/03/2026").unwrap_err().to_string(),
            "`01/03/2026` is not a date: expected YYYY-MM-DD or DD.MM.YYYY (day first), such as 2026-03-01 or 01.03.2026"
        );
    }

    #[test]
    fn rule_file_dates_are_iso_only() {
        assert_eq!(parse_iso_date("2026-03-01"), Ok(d("2026-03-01")));
        assert_eq!(
            parse_iso_date("01.03.2026").unwrap_err().to_string(),
            "`01.03.2026` is not a date: expected YYYY-MM-DD, such as 2026-03-01"
        );
        assert!(matches!(
            parse_iso_date("2026-02-30"),
            Err(DateError::NoSuchDay(_))
        ));
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
