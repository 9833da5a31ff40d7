//! Dates as a person reads them: with the weekday, the month by its name,
//! and how many days are left ("Monday 30 March 2026", "in 10 days";
//! "30 марта 2026 г., понедельник", "через 10 дней"). Reports for scripts
//! keep ISO dates; these words are for the reader. A no-break space joins
//! a count to its noun and a year to "г.", so a line never breaks there.
//!
//! The month and weekday names are CLDR's, through ICU4X (`icu_datetime`
//! and its compiled data), in the form a date takes: Russian writes the
//! month in the genitive, «30 марта». The order of a date's parts, the
//! words for "today" and "in N days" and the plural forms of "day" are
//! each language's messages (`date-*` in `src/locales/*/report.ftl`).

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate};
use fluent_bundle::FluentArgs;

use crate::locale::{self, Lang, PerLang};

/// The words a language writes dates and day counts with.
pub struct DateWords {
    /// The language, whose messages put a date together.
    lang: Lang,
    /// The month and weekday names of its CLDR locale.
    names: Option<Names>,
    /// "today", "tomorrow", "yesterday".
    today: String,
    tomorrow: String,
    yesterday: String,
}

/// A language's month and weekday names, as CLDR gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// Month names as a date uses them (CLDR's wide names in the format
    /// context: Russian "марта"), January first.
    pub months: [String; 12],
    /// Weekday names as a date uses them, Monday first.
    pub weekdays: [String; 7],
}

impl Names {
    /// The names CLDR has for `locale`, through ICU4X's compiled data;
    /// `None` when a name cannot be had.
    pub fn cldr(locale: &str) -> Option<Self> {
        use icu_calendar::{Date, Gregorian};
        use icu_datetime::fieldsets::enums::DateFieldSet;
        use icu_datetime::pattern::{
            DateTimePattern, FixedCalendarDateTimeNames, MonthNameLength, WeekdayNameLength,
        };
        use writeable::TryWriteable;
        let locale: icu_locale_core::Locale = locale.parse().ok()?;
        let mut names =
            FixedCalendarDateTimeNames::<Gregorian, DateFieldSet>::try_new(locale.into()).ok()?;
        names.include_month_names(MonthNameLength::Wide).ok()?;
        names.include_weekday_names(WeekdayNameLength::Wide).ok()?;
        // Each name is formatted from a pattern of that one field, in the
        // format context (`MMMM`, `EEEE`), the form a full date uses.
        let name = |pattern: &str, (year, month, day): (i32, u8, u8)| -> Option<String> {
            let pattern: DateTimePattern = pattern.parse().ok()?;
            let date = Date::try_new_gregorian(year, month, day).ok()?;
            let text = names.with_pattern_unchecked(&pattern).format(&date);
            text.try_write_to_string().ok().map(|s| s.into_owned())
        };
        // 2026-03-02 is a Monday.
        let months = (1..=12).map(|m| name("MMMM", (2026, m, 1)));
        let weekdays = (2..=8).map(|d| name("EEEE", (2026, 3, d)));
        Some(Self {
            months: months.collect::<Option<Vec<_>>>()?.try_into().ok()?,
            weekdays: weekdays.collect::<Option<Vec<_>>>()?.try_into().ok()?,
        })
    }
}

impl DateWords {
    /// The date words of `lang`, read on first use.
    pub fn of(lang: Lang) -> &'static DateWords {
        static TABLES: OnceLock<PerLang<DateWords>> = OnceLock::new();
        locale::table(&TABLES, lang, Self::build)
    }

    fn build(lang: Lang) -> Self {
        let word = |id: &str| locale::word(lang, id, None);
        Self {
            lang,
            names: Names::cldr(lang.code()),
            today: word("date-today"),
            tomorrow: word("date-tomorrow"),
            yesterday: word("date-yesterday"),
        }
    }

    /// The date in words, with its weekday; the ISO date should CLDR's
    /// names be missing.
    pub fn long(&self, d: NaiveDate) -> String {
        let weekday = self
            .names
            .as_ref()
            .and_then(|n| n.weekdays.get(d.weekday().num_days_from_monday() as usize));
        match (weekday, self.month(d)) {
            (Some(weekday), Some(month)) => {
                let mut args = Self::parts(d, month);
                args.set("weekday", weekday.as_str());
                locale::word(self.lang, "date-long", Some(&args))
            }
            _ => d.to_string(),
        }
    }

    /// The date in words without its weekday, as a fact: "1 March 2026";
    /// the ISO date should CLDR's names be missing.
    pub fn plain(&self, d: NaiveDate) -> String {
        match self.month(d) {
            Some(month) => locale::word(self.lang, "date-plain", Some(&Self::parts(d, month))),
            None => d.to_string(),
        }
    }

    /// A date's day, month (by name) and year, as a message's arguments.
    fn parts(d: NaiveDate, month: &str) -> FluentArgs<'static> {
        let mut args = FluentArgs::new();
        args.set("day", d.day().to_string());
        args.set("month", month.to_owned());
        args.set("year", d.year().to_string());
        args
    }

    /// The month of `d` by its name, as a date writes it ("марта").
    pub fn month(&self, d: NaiveDate) -> Option<&str> {
        let names = self.names.as_ref()?;
        names.months.get(d.month0() as usize).map(String::as_str)
    }

    /// How far `d` is from `from`: "today", "in 5 days", "3 days ago".
    pub fn relative(&self, d: NaiveDate, from: NaiveDate) -> String {
        let n = d.signed_duration_since(from).num_days();
        let (id, n) = match n {
            0 => return self.today.clone(),
            1 => return self.tomorrow.clone(),
            -1 => return self.yesterday.clone(),
            n if n > 0 => ("date-ahead", n),
            n => ("date-behind", n),
        };
        let mut args = FluentArgs::new();
        args.set("days", self.days(n.unsigned_abs()));
        locale::word(self.lang, id, Some(&args))
    }

    /// A count of days with the noun in the form the number calls for
    /// (by the language's CLDR plural rules): "1 day", "22 дня", "25
    /// дней". A no-break space keeps the count with its noun.
    pub fn days(&self, n: u64) -> String {
        count(self.lang, "date-days", n)
    }
}

/// The message `id` of a count `n` (its argument `$count`), which words
/// the count with its noun.
pub(crate) fn count(lang: Lang, id: &str, n: u64) -> String {
    let mut args = FluentArgs::new();
    args.set("count", n);
    locale::word(lang, id, Some(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn month_and_weekday_names_are_cldrs() {
        // The names reports wrote before they came from CLDR: CLDR agrees,
        // Russian months in the genitive a date needs.
        let names = |lang: Lang| DateWords::of(lang).names.as_ref().unwrap().clone();
        let en = names(Lang::En);
        assert_eq!(
            en.months,
            [
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December",
            ]
        );
        assert_eq!(
            en.weekdays,
            [
                "Monday",
                "Tuesday",
                "Wednesday",
                "Thursday",
                "Friday",
                "Saturday",
                "Sunday"
            ]
        );
        let ru = names(Lang::Ru);
        assert_eq!(
            ru.months,
            [
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря",
            ]
        );
        assert_eq!(
            ru.weekdays,
            [
                "понедельник",
                "вторник",
                "среда",
                "четверг",
                "пятница",
                "суббота",
                "воскресенье"
            ]
        );
        assert_eq!(Names::cldr("en"), Some(en));
        assert_eq!(Names::cldr("ru"), Some(ru));
    }

    #[test]
    fn cldr_has_the_names_of_the_next_languages() {
        // Kyrgyz and Kazakh dates need no table: CLDR has their names, not
        // the root locale's stand-ins ("M03").
        let root = Names::cldr("und").unwrap();
        for locale in ["ky", "kk", "uz", "tg"] {
            let names = Names::cldr(locale).unwrap();
            assert_ne!(names.months, root.months, "{locale}");
            assert_ne!(names.weekdays, root.weekdays, "{locale}");
            assert_ne!(names.months, Names::cldr("en").unwrap().months, "{locale}");
        }
        assert_eq!(Names::cldr("not a locale!"), None);
    }

    #[test]
    fn long_dates() {
        let (en, ru) = (DateWords::of(Lang::En), DateWords::of(Lang::Ru));
        assert_eq!(en.long(day("2026-03-30")), "Monday 30 March 2026");
        assert_eq!(en.long(day("2026-03-01")), "Sunday 1 March 2026");
        assert_eq!(
            ru.long(day("2026-03-30")),
            "30 марта 2026\u{a0}г., понедельник"
        );
        assert_eq!(ru.long(day("2027-01-01")), "1 января 2027\u{a0}г., пятница");
        assert_eq!(en.plain(day("2026-03-01")), "1 March 2026");
        assert_eq!(ru.plain(day("2026-03-01")), "1 марта 2026\u{a0}г.");
    }

    #[test]
    fn relative_days() {
        let from = day("2026-03-20");
        let (en_words, ru_words) = (DateWords::of(Lang::En), DateWords::of(Lang::Ru));
        for (d, en, ru) in [
            ("2026-03-20", "today", "сегодня"),
            ("2026-03-21", "tomorrow", "завтра"),
            ("2026-03-19", "yesterday", "вчера"),
            ("2026-03-22", "in 2\u{a0}days", "через 2\u{a0}дня"),
            ("2026-03-30", "in 10\u{a0}days", "через 10\u{a0}дней"),
            ("2026-04-10", "in 21\u{a0}days", "через 21\u{a0}день"),
            ("2026-03-04", "16\u{a0}days ago", "16\u{a0}дней назад"),
            ("2026-02-26", "22\u{a0}days ago", "22\u{a0}дня назад"),
        ] {
            assert_eq!(en_words.relative(day(d), from), en, "{d}");
            assert_eq!(ru_words.relative(day(d), from), ru, "{d}");
        }
    }

    #[test]
    fn russian_plurals() {
        let (en, ru) = (DateWords::of(Lang::En), DateWords::of(Lang::Ru));
        for (n, word) in [
            (1, "день"),
            (2, "дня"),
            (4, "дня"),
            (5, "дней"),
            (11, "дней"),
            (12, "дней"),
            (14, "дней"),
            (21, "день"),
            (22, "дня"),
            (25, "дней"),
            (101, "день"),
            (111, "дней"),
            (112, "дней"),
            (1000, "дней"),
        ] {
            assert_eq!(ru.days(n), format!("{n}\u{a0}{word}"), "{n}");
        }
        assert_eq!(en.days(1), "1\u{a0}day");
        assert_eq!(en.days(21), "21\u{a0}days");
    }
}
