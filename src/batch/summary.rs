//! The `summary` format: one line per profile for people, the most urgent
//! date first. Its words follow the run's language ([`BatchLine`]); its
//! codes do not: the source, the profile's id, the status, rule ids, date
//! names and ISO dates are the same in every language, so the lines can
//! be sorted and searched alike.

use super::words::BatchLine;
use crate::engine::ir::RuleKind;
use crate::engine::Outcome;
use crate::report::{Lang, Report};

/// One line of the summary format, its words in `lang`.
pub(super) fn summary_line(source: &str, r: &Report, lang: Lang) -> String {
    let applies = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Applies)
        .count();
    let open = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Undetermined)
        .count();
    let unassessed = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::NotAssessed)
        .count();
    // The most urgent date first: a deadline already passed and not met
    // (the longest overdue), else the next date ahead. A duty already done
    // has no date at all.
    let open_dates = || {
        r.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Applies && f.met != Some(true))
            .flat_map(|f| f.dates.iter().map(move |(name, d)| (*d, name, f)))
    };
    let overdue = open_dates()
        .filter(|(d, name, f)| {
            *d < r.as_of && *name == "deadline" && f.kind == RuleKind::Obligation
        })
        .min_by_key(|(d, _, _)| *d);
    let next = open_dates()
        .filter(|(d, _, _)| *d >= r.as_of)
        .min_by_key(|(d, _, _)| *d);
    let next = match (overdue, next) {
        (Some((date, name, f)), _) => Some(BatchLine::Overdue {
            date,
            rule: &f.rule,
            name,
        }),
        (None, Some((date, name, f))) => Some(BatchLine::Next {
            date,
            rule: &f.rule,
            name,
        }),
        (None, None) => None,
    };
    let next = next.map_or_else(String::new, |line| format!("  {}", line.word(lang)));
    // The id is shown unless the source already says it (a fixture file
    // named after its profile's id).
    let stem = std::path::Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str());
    let id = r
        .profile_id
        .as_deref()
        .filter(|id| Some(*id) != stem)
        .map_or_else(String::new, |id| format!(" {id}"));
    let counts = BatchLine::Counts {
        applies,
        undetermined: open,
        not_assessed: unassessed,
    }
    .word(lang);
    format!("{source}{id}  {}  {counts}{next}\n", r.status.as_str())
}
