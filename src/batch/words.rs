//! What `batch` says about a run besides its records, as data: the tally
//! on stderr, the closed-pipe notice, and the words of the `summary`
//! format (its counts, its most urgent date, its totals). They are worded
//! in the run's language from the same Fluent files as the diagnostics
//! (`src/locales/*/diagnostics.ftl`), which choose each count's plural form.
//! Codes stay codes in every language: statuses, rule ids, date names and
//! ISO dates.

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentValue};

use super::pipeline::Tally;
use crate::diagnostic::words::word;
use crate::report::Lang;

/// A line `batch` says about its run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BatchLine<'a> {
    /// The tally written to stderr when the run ends.
    Tally(Tally),
    /// The output was closed: at least `written` records, perhaps `cut`
    /// more, reached the reader.
    Closed {
        /// The records written before the chunk that failed.
        written: u64,
        /// The records of the chunk whose writing failed.
        cut: u64,
    },
    /// The `summary` format's totals, after its last line.
    Totals(Tally),
    /// The `summary` format's counts of one profile's provisions.
    Counts {
        /// Provisions that apply.
        applies: usize,
        /// Provisions still undetermined.
        undetermined: usize,
        /// Provisions not assessed (years the pack does not encode).
        not_assessed: usize,
    },
    /// The `summary` format's most urgent date: a deadline passed and not met.
    Overdue {
        /// The date.
        date: NaiveDate,
        /// The rule's id.
        rule: &'a str,
        /// The date's name in the rule (`deadline`).
        name: &'a str,
    },
    /// The `summary` format's next date ahead.
    Next {
        /// The date.
        date: NaiveDate,
        /// The rule's id.
        rule: &'a str,
        /// The date's name in the rule.
        name: &'a str,
    },
}

impl BatchLine<'_> {
    /// The line in `lang` (in English when the language lacks it).
    pub fn word(&self, lang: Lang) -> String {
        let (id, args) = self.id_and_args();
        word(lang, id, Some(&args))
    }

    /// The Fluent id of the line and its arguments.
    pub(crate) fn id_and_args(&self) -> (&'static str, FluentArgs<'static>) {
        let mut args = FluentArgs::new();
        let mut set = |name: &'static str, value: FluentValue<'static>| args.set(name, value);
        let id = match self {
            BatchLine::Tally(t) => {
                set("records", t.evaluated.saturating_add(t.invalid).into());
                counts(&mut set, t);
                set("blank", t.blank.into());
                "batch-tally"
            }
            BatchLine::Closed { written, cut: 0 } => {
                set("written", (*written).into());
                "batch-closed"
            }
            BatchLine::Closed { written, cut } => {
                set("written", (*written).into());
                set("upto", written.saturating_add(*cut).into());
                "batch-closed-between"
            }
            BatchLine::Totals(t) => {
                counts(&mut set, t);
                "summary-totals"
            }
            BatchLine::Counts {
                applies,
                undetermined,
                not_assessed,
            } => {
                set("applies", (*applies).into());
                set("undetermined", (*undetermined).into());
                set("not_assessed", (*not_assessed).into());
                "summary-counts"
            }
            BatchLine::Overdue { date, rule, name } | BatchLine::Next { date, rule, name } => {
                set("date", date.to_string().into());
                set("rule", (*rule).to_owned().into());
                set("name", (*name).to_owned().into());
                if matches!(self, BatchLine::Overdue { .. }) {
                    "summary-overdue"
                } else {
                    "summary-next"
                }
            }
        };
        (id, args)
    }
}

/// The counts every tally gives.
fn counts(set: &mut impl FnMut(&'static str, FluentValue<'static>), t: &Tally) {
    set("evaluated", t.evaluated.into());
    set("covered", t.covered.into());
    set("not_covered", t.not_covered.into());
    set("undetermined", t.undetermined.into());
    set("invalid", t.invalid.into());
}

/// One line of every kind, with counts that take every plural form, for
/// the tests of the words.
#[cfg(test)]
pub(crate) fn every_line() -> Vec<BatchLine<'static>> {
    let date = NaiveDate::from_ymd_opt(2026, 3, 30).unwrap_or_default();
    let mut all = Vec::new();
    for n in [0u64, 1, 2, 5, 21] {
        let tally = Tally {
            evaluated: n,
            invalid: n,
            blank: n,
            covered: n,
            not_covered: n,
            undetermined: n,
        };
        all.push(BatchLine::Tally(tally));
        all.push(BatchLine::Totals(tally));
        all.push(BatchLine::Closed { written: n, cut: 0 });
        all.push(BatchLine::Closed {
            written: n,
            cut: n.saturating_add(1),
        });
        let n = usize::try_from(n).unwrap_or_default();
        all.push(BatchLine::Counts {
            applies: n,
            undetermined: n,
            not_assessed: n,
        });
    }
    all.push(BatchLine::Overdue {
        date,
        rule: "kz.registration",
        name: "deadline",
    });
    all.push(BatchLine::Next {
        date,
        rule: "kz.registration",
        name: "deadline",
    });
    all
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn tally(evaluated: u64, invalid: u64, blank: u64) -> Tally {
        Tally {
            evaluated,
            invalid,
            blank,
            covered: evaluated,
            not_covered: 0,
            undetermined: 0,
        }
    }

    /// English counts in the singular and the plural.
    #[test]
    fn english_counts() {
        assert_eq!(
            BatchLine::Tally(tally(2, 1, 0)).word(Lang::En),
            "batch: 3 records: 2 evaluated (2 covered, 0 not covered, 0 undetermined), 1 invalid"
        );
        assert_eq!(
            BatchLine::Tally(tally(1, 0, 1)).word(Lang::En),
            "batch: 1 record: 1 evaluated (1 covered, 0 not covered, 0 undetermined), 0 invalid, 1 blank line skipped"
        );
        assert_eq!(
            BatchLine::Closed { written: 1, cut: 0 }.word(Lang::En),
            "batch: the output was closed, so the run stopped after writing 1 record; the records after that were not written"
        );
        assert_eq!(
            BatchLine::Tally(tally(2, 1, 4)).word(Lang::En),
            "batch: 3 records: 2 evaluated (2 covered, 0 not covered, 0 undetermined), 1 invalid, 4 blank lines skipped"
        );
        assert_eq!(
            BatchLine::Closed { written: 7, cut: 3 }.word(Lang::En),
            "batch: the output was closed, so the run stopped after writing between 7 and 10 records; the records after that were not written"
        );
        assert_eq!(
            BatchLine::Counts {
                applies: 3,
                undetermined: 1,
                not_assessed: 0
            }
            .word(Lang::En),
            "applies: 3, undetermined: 1"
        );
        assert_eq!(
            BatchLine::Counts {
                applies: 3,
                undetermined: 1,
                not_assessed: 2
            }
            .word(Lang::En),
            "applies: 3, undetermined: 1, not assessed: 2"
        );
    }

    /// Russian chooses each count's form by CLDR's plural rules.
    #[test]
    fn russian_plurals() {
        let ru = |e, i, b| BatchLine::Tally(tally(e, i, b)).word(Lang::Ru);
        for ((e, i, b), start) in [
            ((1, 0, 0), "batch: всего 1 запись;"),
            ((1, 1, 0), "batch: всего 2 записи;"),
            ((3, 2, 0), "batch: всего 5 записей;"),
            ((20, 1, 0), "batch: всего 21 запись;"),
        ] {
            assert!(ru(e, i, b).starts_with(start), "{}", ru(e, i, b));
        }
        assert!(!ru(1, 0, 0).contains("пуст"), "{}", ru(1, 0, 0));
        for (blank, end) in [
            (1, "пропущена 1 пустая строка"),
            (3, "пропущены 3 пустые строки"),
            (5, "пропущено 5 пустых строк"),
        ] {
            assert!(ru(1, 0, blank).ends_with(end), "{}", ru(1, 0, blank));
        }
    }
}
