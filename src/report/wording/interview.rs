//! The interview's own words: its prompts, the hints that say what answer
//! a question takes, and why an answer was not taken. The questions
//! themselves are the pack's (`rules/questions.json` and its language
//! files); each language's words are its messages `interview-*`
//! (`src/locales/*/form.ftl`), read once, and why an answer was not taken
//! is said by its wording (`Speech::answer_problem`).

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::locale::{self, Lang, PerLang};

/// The fixed words of the interview, in one language.
pub struct InterviewWords {
    /// Before the first question: how to answer, a paragraph each.
    pub intro: Vec<String>,
    /// Before each answer.
    pub prompt: String,
    /// The answers that leave a fact unknown (lower case; `?` is one in
    /// every language).
    pub unknown: Vec<String>,
    /// The answers that undo the last answer.
    pub back: Vec<String>,
    /// Yes and no.
    pub yes: Vec<String>,
    pub no: Vec<String>,
    /// A contract without an end date.
    pub open: Vec<String>,
    /// No citizenship at all.
    pub stateless: Vec<String>,
    /// Under a question: what answer it takes, by the answer's kind.
    pub hint_country: String,
    pub hint_countries: String,
    pub hint_date: String,
    pub hint_date_or_open: String,
    pub hint_choice: String,
    pub hint_yes_no: String,
    pub hint_text: String,
    pub hint_count: String,
    /// Under every hint: the answers that work for any question.
    pub hint_always: String,
    /// Said when an answer leaves a fact unknown.
    pub left_unknown: String,
    /// Said when the last answer is undone.
    pub undone: String,
    /// Before the plan: nothing more to ask, or no more answers to read.
    pub done: String,
    pub ran_out: String,
    /// The offer to save the plan, and the formats it offers, in order:
    /// text, Markdown, JSON, calendar, web page.
    pub save: String,
    pub formats: [String; 5],
    /// Asks for the file's name: before and after the default name.
    pub file_name: (String, String),
    /// After saving: before and after the file's name.
    pub saved: (String, String),
    /// When nothing is saved.
    pub not_saved: String,
}

impl InterviewWords {
    /// The interview's words in `lang`, read on first use.
    pub(crate) fn of(lang: Lang) -> &'static InterviewWords {
        static TABLES: OnceLock<PerLang<InterviewWords>> = OnceLock::new();
        locale::table(&TABLES, lang, Self::build)
    }

    fn build(lang: Lang) -> Self {
        let word = |id: &str| locale::word(lang, id, None);
        // A message of several lines: one answer (or paragraph) a line.
        let lines = |id: &str| word(id).lines().map(str::to_owned).collect();
        let pair = |id: &str, arg: &str| {
            let mut parts = locale::split(lang, id, &[arg]).into_iter();
            (
                parts.next().unwrap_or_default(),
                parts.next().unwrap_or_default(),
            )
        };
        Self {
            intro: lines("interview-intro"),
            prompt: pair("interview-prompt", "answer").0,
            unknown: lines("interview-unknown"),
            back: lines("interview-back"),
            yes: lines("interview-yes"),
            no: lines("interview-no"),
            open: lines("interview-open"),
            stateless: lines("interview-stateless"),
            hint_country: word("interview-hint-country"),
            hint_countries: word("interview-hint-countries"),
            hint_date: word("interview-hint-date"),
            hint_date_or_open: word("interview-hint-date-or-open"),
            hint_choice: word("interview-hint-choice"),
            hint_yes_no: word("interview-hint-yes-no"),
            hint_text: word("interview-hint-text"),
            hint_count: word("interview-hint-count"),
            hint_always: word("interview-hint-always"),
            left_unknown: word("interview-left-unknown"),
            undone: word("interview-undone"),
            done: word("interview-done"),
            ran_out: word("interview-ran-out"),
            save: word("interview-save"),
            formats: [
                "interview-format-text",
                "interview-format-markdown",
                "interview-format-json",
                "interview-format-ics",
                "interview-format-html",
            ]
            .map(word),
            file_name: pair("interview-file-name", "default"),
            saved: pair("interview-saved", "file"),
            not_saved: word("interview-not-saved"),
        }
    }
}

/// Why an answer was not taken. The interview asks again, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerProblem {
    /// Nothing was typed.
    Empty,
    /// Not a date in either form.
    NotADate(String),
    /// Day first, but the day or month has one digit: the two plain forms.
    Unpadded {
        text: String,
        dotted: String,
        iso: String,
    },
    /// The right shape, but no such day.
    NoSuchDay(String),
    /// A real date outside the years accepted.
    OutOfRange(String),
    /// Not a country; the name meant, when one is close (name, code).
    NotACountry {
        text: String,
        meant: Option<(String, String)>,
    },
    /// More citizenships than a profile may list.
    TooManyCountries(usize),
    /// Not one of the choices (how many there are).
    NotAChoice { text: String, count: usize },
    /// Not yes or no.
    NotYesNo(String),
    /// Not a number of people, or more than a profile may list.
    NotACount { text: String, max: usize },
    /// Longer than a profile's texts may be.
    TooLong,
    /// A date after the assessment date (entry, birth, termination).
    AfterAsOf { date: NaiveDate, as_of: NaiveDate },
    /// A contract's end before its start.
    EndBeforeStart { end: NaiveDate, start: NaiveDate },
    /// A contract's start after its end.
    StartAfterEnd { start: NaiveDate, end: NaiveDate },
    /// The citizenship cannot be left unknown: nothing can be said without it.
    CitizenshipNeeded,
    /// `back` at the first question.
    NothingToUndo,
    /// A format's number that is not offered.
    NotAFormat(String),
    /// A file that already exists is not replaced.
    FileExists(String),
    /// A file that could not be written, and why (the system's words).
    CannotWrite { path: String, why: String },
    /// The profile refused the answer for another reason (its own
    /// problem, worded in the language of the question).
    Other(Box<crate::profile::InvalidProfile>),
}

impl AnswerProblem {
    /// Reads a country as a person types it (a code, or a name in English
    /// or Russian), or says why it is not one.
    pub(crate) fn country(text: &str) -> Result<crate::country::Country, AnswerProblem> {
        text.parse::<crate::country::Country>()
            .map_err(|e| AnswerProblem::NotACountry {
                text: text.to_owned(),
                meant: e
                    .meant()
                    .map(|(name, c)| (name.to_owned(), c.code().to_owned())),
            })
    }

    /// Reads a date as a person types it (`2026-03-01` or `01.03.2026`),
    /// or says why it is not one.
    pub(crate) fn date(text: &str) -> Result<NaiveDate, AnswerProblem> {
        use crate::dates::DateError;
        crate::dates::parse_date(text).map_err(|e| match e {
            DateError::Unpadded { text, dotted, iso } => {
                AnswerProblem::Unpadded { text, dotted, iso }
            }
            DateError::NoSuchDay(_) => AnswerProblem::NoSuchDay(text.to_owned()),
            DateError::OutOfRange(_) => AnswerProblem::OutOfRange(text.to_owned()),
            DateError::Shape(_) | DateError::NotADate(_) => {
                AnswerProblem::NotADate(text.to_owned())
            }
        })
    }
}
