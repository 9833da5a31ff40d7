//! The interview's own words: its prompts, the hints that say what answer
//! a question takes, and why an answer was not taken. The questions
//! themselves are the pack's (`rules/questions.json` and its language
//! files); each language's words are in its module (`en.rs`, `ru.rs`).

use chrono::NaiveDate;

/// The fixed words of the interview, in one language.
pub struct InterviewWords {
    /// Before the first question: how to answer.
    pub intro: &'static [&'static str],
    /// Before each answer.
    pub prompt: &'static str,
    /// The answers that leave a fact unknown (lower case; `?` is one in
    /// every language).
    pub unknown: &'static [&'static str],
    /// The answers that undo the last answer.
    pub back: &'static [&'static str],
    /// Yes and no.
    pub yes: &'static [&'static str],
    pub no: &'static [&'static str],
    /// A contract without an end date.
    pub open: &'static [&'static str],
    /// No citizenship at all.
    pub stateless: &'static [&'static str],
    /// Under a question: what answer it takes, by the answer's kind.
    pub hint_country: &'static str,
    pub hint_countries: &'static str,
    pub hint_date: &'static str,
    pub hint_date_or_open: &'static str,
    pub hint_choice: &'static str,
    pub hint_yes_no: &'static str,
    pub hint_text: &'static str,
    pub hint_count: &'static str,
    /// Under every hint: the answers that work for any question.
    pub hint_always: &'static str,
    /// Said when an answer leaves a fact unknown.
    pub left_unknown: &'static str,
    /// Said when the last answer is undone.
    pub undone: &'static str,
    /// Before the plan: nothing more to ask, or no more answers to read.
    pub done: &'static str,
    pub ran_out: &'static str,
    /// The offer to save the plan, and the formats it offers, in order:
    /// text, Markdown, JSON, calendar.
    pub save: &'static str,
    pub formats: [&'static str; 5],
    /// Asks for the file's name: before and after the default name.
    pub file_name: (&'static str, &'static str),
    /// After saving: before and after the file's name.
    pub saved: (&'static str, &'static str),
    /// When nothing is saved.
    pub not_saved: &'static str,
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
