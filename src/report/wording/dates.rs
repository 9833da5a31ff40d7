//! Dates as a person reads them: with the weekday, the month by its name,
//! and how many days are left ("Monday 30 March 2026", "in 10 days";
//! "30 марта 2026 г., понедельник", "через 10 дней"). Reports for scripts
//! keep ISO dates; these words are for the reader. A no-break space joins
//! a count to its noun and a year to "г.", so a line never breaks there.

use chrono::{Datelike, NaiveDate};

/// The words a language writes dates and day counts with.
pub struct DateWords {
    /// Month names as a date uses them (Russian: the genitive, "марта").
    pub months: [&'static str; 12],
    /// Weekdays, Monday first.
    pub weekdays: [&'static str; 7],
    /// Puts a date together from its weekday, day, month and year.
    pub date: fn(weekday: &str, day: u32, month: &str, year: i32) -> String,
    /// "today", "tomorrow", "yesterday".
    pub today: &'static str,
    pub tomorrow: &'static str,
    pub yesterday: &'static str,
    /// "in N days" and "N days ago", given N in words with its noun.
    pub ahead: fn(days: &str) -> String,
    pub behind: fn(days: &str) -> String,
    /// The language whose CLDR plural rules choose the form of "day".
    pub plural_lang: &'static str,
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

impl DateWords {
    /// The date in words, with its weekday.
    pub fn long(&self, d: NaiveDate) -> String {
        let weekday = self
            .weekdays
            .get(d.weekday().num_days_from_monday() as usize)
            .copied()
            .unwrap_or_default();
        let month = self
            .months
            .get(d.month0() as usize)
            .copied()
            .unwrap_or_default();
        (self.date)(weekday, d.day(), month, d.year())
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
            .plural_lang
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
    months: [
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
    ],
    weekdays: [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ],
    date: |weekday, day, month, year| format!("{weekday} {day} {month} {year}"),
    today: "today",
    tomorrow: "tomorrow",
    yesterday: "yesterday",
    ahead: |days| format!("in {days}"),
    behind: |days| format!("{days} ago"),
    plural_lang: "en",
    day: PluralNoun {
        one: "day",
        few: "days",
        many: "days",
        other: "days",
    },
};

/// Russian dates: "30 марта 2026 г., понедельник", "через 5 дней".
pub static RU: DateWords = DateWords {
    months: [
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
    ],
    weekdays: [
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    ],
    date: |weekday, day, month, year| format!("{day} {month} {year}\u{a0}г., {weekday}"),
    today: "сегодня",
    tomorrow: "завтра",
    yesterday: "вчера",
    ahead: |days| format!("через {days}"),
    behind: |days| format!("{days} назад"),
    plural_lang: "ru",
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
