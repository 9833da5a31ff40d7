//! Dates as a person reads them: with the weekday, the month by its name,
//! and how many days are left ("Monday 30 March 2026", "in 10 days";
//! "30 марта 2026 г., понедельник", "через 10 дней"). Reports for scripts
//! keep ISO dates; these words are for the reader. A no-break space joins
//! a count to its noun and a year to "г.", so a line never breaks there.
//!
//! The month and weekday names are CLDR's, through ICU4X (`icu_datetime`
//! and its compiled data), in the form a date takes: Russian writes the
//! month in the genitive, «30 марта». A language here gives only its CLDR
//! locale, the order of a date's parts and its words for "today" and
//! "in N days".

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

/// The words a language writes dates and day counts with.
pub struct DateWords {
    /// The CLDR locale of the month and weekday names and of the plural
    /// rules that choose the form of "day" ("en", "ru").
    pub locale: &'static str,
    /// The names of `locale`, read from CLDR on first use.
    pub names: LazyLock<Option<Names>>,
    /// Puts a date together from its weekday, day, month and year.
    pub date: fn(weekday: &str, day: u32, month: &str, year: i32) -> String,
    /// "today", "tomorrow", "yesterday".
    pub today: &'static str,
    pub tomorrow: &'static str,
    pub yesterday: &'static str,
    /// "in N days" and "N days ago", given N in words with its noun.
    pub ahead: fn(days: &str) -> String,
    pub behind: fn(days: &str) -> String,
    /// "day" in each CLDR plural category the language uses.
    pub day: PluralNoun,
}

/// A noun in the CLDR plural categories (English uses `one` and `other`;
/// Russian `one` "день", `few` "дня", `many` "дней").
pub struct PluralNoun {
    pub one: &'static str,
    pub few: &'static str,
    pub many: &'static str,
    pub other: &'static str,
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
    /// The date in words, with its weekday; the ISO date should CLDR's
    /// names be missing.
    pub fn long(&self, d: NaiveDate) -> String {
        let weekday = self
            .names
            .as_ref()
            .and_then(|n| n.weekdays.get(d.weekday().num_days_from_monday() as usize));
        match (weekday, self.month(d)) {
            (Some(weekday), Some(month)) => (self.date)(weekday, d.day(), month, d.year()),
            _ => d.to_string(),
        }
    }

    /// The month of `d` by its name, as a date writes it ("марта").
    pub fn month(&self, d: NaiveDate) -> Option<&str> {
        let names = self.names.as_ref()?;
        names.months.get(d.month0() as usize).map(String::as_str)
    }

    /// How far `d` is from `from`: "today", "in 5 days", "3 days ago".
    pub fn relative(&self, d: NaiveDate, from: NaiveDate) -> String {
        let n = d.signed_duration_since(from).num_days();
        match n {
            0 => self.today.to_owned(),
            1 => self.tomorrow.to_owned(),
            -1 => self.yesterday.to_owned(),
            n if n > 0 => (self.ahead)(&self.days(n.unsigned_abs())),
            n => (self.behind)(&self.days(n.unsigned_abs())),
        }
    }

    /// A count of days with the noun in the form the number calls for:
    /// "1 day", "22 дня", "25 дней".
    pub fn days(&self, n: u64) -> String {
        self.counted(n, &self.day)
    }

    /// A count with its noun in the form the number calls for, by the
    /// language's CLDR plural rules. A no-break space keeps the count with
    /// its noun.
    pub fn counted(&self, n: u64, noun: &PluralNoun) -> String {
        use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
        let category = self
            .locale
            .parse::<unic_langid::LanguageIdentifier>()
            .ok()
            .and_then(|lang| PluralRules::create(lang, PluralRuleType::CARDINAL).ok())
            .and_then(|rules| rules.select(n).ok())
            .unwrap_or(PluralCategory::OTHER);
        let word = match category {
            PluralCategory::ONE => noun.one,
            PluralCategory::FEW => noun.few,
            PluralCategory::MANY => noun.many,
            _ => noun.other,
        };
        format!("{n}\u{a0}{word}")
    }
}

/// English dates: "Monday 30 March 2026", "in 5 days".
pub static EN: DateWords = DateWords {
    locale: "en",
    names: LazyLock::new(|| Names::cldr("en")),
    date: |weekday, day, month, year| format!("{weekday} {day} {month} {year}"),
    today: "today",
    tomorrow: "tomorrow",
    yesterday: "yesterday",
    ahead: |days| format!("in {days}"),
    behind: |days| format!("{days} ago"),
    day: PluralNoun {
        one: "day",
        few: "days",
        many: "days",
        other: "days",
    },
};

/// Russian dates: "30 марта 2026 г., понедельник", "через 5 дней".
pub static RU: DateWords = DateWords {
    locale: "ru",
    names: LazyLock::new(|| Names::cldr("ru")),
    date: |weekday, day, month, year| format!("{day} {month} {year}\u{a0}г., {weekday}"),
    today: "сегодня",
    tomorrow: "завтра",
    yesterday: "вчера",
    ahead: |days| format!("через {days}"),
    behind: |days| format!("{days} назад"),
    day: PluralNoun {
        one: "день",
        few: "дня",
        many: "дней",
        other: "дня",
    },
};

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
        let names = |words: &DateWords| words.names.as_ref().unwrap().clone();
        let en = names(&EN);
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
        let ru = names(&RU);
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
        assert_eq!(Names::cldr(EN.locale), Some(en));
        assert_eq!(Names::cldr(RU.locale), Some(ru));
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
        assert_eq!(EN.long(day("2026-03-30")), "Monday 30 March 2026");
        assert_eq!(EN.long(day("2026-03-01")), "Sunday 1 March 2026");
        assert_eq!(
            RU.long(day("2026-03-30")),
            "30 марта 2026\u{a0}г., понедельник"
        );
        assert_eq!(RU.long(day("2027-01-01")), "1 января 2027\u{a0}г., пятница");
    }

    #[test]
    fn relative_days() {
        let from = day("2026-03-20");
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
            assert_eq!(EN.relative(day(d), from), en, "{d}");
            assert_eq!(RU.relative(day(d), from), ru, "{d}");
        }
    }

    #[test]
    fn russian_plurals() {
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
            assert_eq!(RU.days(n), format!("{n}\u{a0}{word}"), "{n}");
        }
        assert_eq!(EN.days(1), "1\u{a0}day");
        assert_eq!(EN.days(21), "21\u{a0}days");
    }
}
