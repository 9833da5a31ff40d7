//! What every printed report shows, in which group and order: the actions
//! that open it, the provisions the person may use, must do (soonest
//! first), has done and should know, what does not apply (those the status
//! alone rules out as one group), and what is not assessed; and a
//! provision in one line. The text, Markdown and HTML reports lay this out
//! each in its own way, from this one reading of the report.

use chrono::NaiveDate;

use super::text::{cite_in, date_phrase};
use super::wording::TextWords;
use super::{Finding, Report, Status};
use crate::engine::ir::{Confidence, RuleKind};
use crate::engine::Outcome;

/// A report's findings in the groups a reader sees them in.
pub(crate) struct Outline<'r> {
    /// What to do first: the deadlines not yet met ([`Report::actions`]).
    pub actions: Vec<(&'r Finding, NaiveDate)>,
    /// Rights and exemptions that apply.
    pub may: Vec<&'r Finding>,
    /// Duties that apply and are not done, the soonest date first; those
    /// without a date after those with one.
    pub must: Vec<&'r Finding>,
    /// Duties the profile says are done.
    pub done: Vec<&'r Finding>,
    /// What the person should know.
    pub know: Vec<&'r Finding>,
    /// What does not apply because of the status alone, when more than one
    /// provision is ruled out so (they are then listed as one group).
    pub by_status: Vec<&'r Finding>,
    /// What does not apply for reasons of its own (all of it, when the
    /// status rules out at most one).
    pub not_applying: Vec<&'r Finding>,
    /// Provisions of years the pack does not encode.
    pub not_assessed: Vec<&'r Finding>,
}

impl<'r> Outline<'r> {
    /// The groups of a short report: a duty that another applying rule's
    /// act fulfils is said once, through that rule, so it is left out.
    pub(crate) fn of(report: &'r Report) -> Self {
        Self::build(report, false)
    }

    /// The groups of a report in full (`--detail`): every duty that
    /// applies, those another rule's act fulfils too.
    pub(crate) fn in_full(report: &'r Report) -> Self {
        Self::build(report, true)
    }

    fn build(report: &'r Report, in_full: bool) -> Self {
        let applying = |kinds: &'static [RuleKind]| {
            report
                .findings
                .iter()
                .filter(move |f| f.outcome == Outcome::Applies && kinds.contains(&f.kind))
        };
        let (done, mut must): (Vec<&Finding>, Vec<&Finding>) = applying(&[RuleKind::Obligation])
            .filter(|f| in_full || f.fulfilled_by.is_none())
            .partition(|f| f.met == Some(true));
        must.sort_by_key(|f| {
            f.dates
                .values()
                .min()
                .copied()
                .map_or((1, None), |d| (0, Some(d)))
        });
        let with = |outcome: Outcome| -> Vec<&'r Finding> {
            report
                .findings
                .iter()
                .filter(|f| f.outcome == outcome)
                .collect()
        };
        let shown = &report.status_reasons;
        // Ruled out by the status alone: every reason is one the status
        // section gives.
        let status_only =
            |f: &Finding| !f.because.is_empty() && f.because.iter().all(|b| shown.contains(b));
        let (by_status, rest): (Vec<&Finding>, Vec<&Finding>) = with(Outcome::DoesNotApply)
            .into_iter()
            .partition(|f| status_only(f));
        let (by_status, not_applying) = if by_status.len() > 1 {
            (by_status, rest)
        } else {
            // One is no group: it is listed with the others, in the pack's order.
            (Vec::new(), with(Outcome::DoesNotApply))
        };
        Outline {
            actions: report.actions(),
            may: applying(&[RuleKind::Right, RuleKind::Exemption]).collect(),
            must,
            done,
            know: applying(&[RuleKind::Information]).collect(),
            by_status,
            not_applying,
            not_assessed: with(Outcome::NotAssessed),
        }
    }

    /// Whether a finding opens the report as an action (its where and
    /// what if missed are said there, not again).
    pub(crate) fn is_action(&self, f: &Finding) -> bool {
        self.actions.iter().any(|(a, _)| a.rule == f.rule)
    }

    /// The duties still to do that the actions do not open with: a duty
    /// that opens the report as an action is said there in full.
    pub(crate) fn must_besides_actions(&self) -> Vec<&'r Finding> {
        self.must
            .iter()
            .copied()
            .filter(|f| !self.is_action(f))
            .collect()
    }
}

/// Whether the short reports list the status's reasons: only when the
/// person is not covered or it is not known, which is something to read
/// and to contest; a covered person's reasons are their own facts.
pub(crate) fn shows_status_reasons(report: &Report) -> bool {
    report.status != Status::Covered && !report.status_reasons.is_empty()
}

/// A provision in one line: its title, its dates in words, its source
/// cited in the reader's language, and a mark when it is not fully
/// verified. Not escaped: each format escapes it its own way.
pub(crate) struct OneLine<'f> {
    pub title: &'f str,
    /// "until Monday 30 March 2026, in 10 days" (empty without a date).
    pub dates: String,
    /// "EAEU Treaty, Art. 97(4)": the instrument by its short name (the
    /// full name is where a source is given in full).
    pub citation: String,
    /// The address of the official text, when the pack has one.
    pub url: Option<&'f str>,
    /// `*` partly verified, `**` unverified ([`legend`] explains them).
    pub mark: &'static str,
}

impl<'f> OneLine<'f> {
    /// A finding in one line, its dates counted from `as_of`.
    pub(crate) fn of(w: &TextWords, f: &'f Finding, as_of: NaiveDate) -> Self {
        OneLine {
            title: &f.title,
            dates: dates(w, f, as_of),
            citation: cite_short(w, f),
            url: f.source.url.as_deref(),
            mark: mark(f.confidence),
        }
    }
}

/// A finding's source cited with its instrument's short name: "EAEU
/// Treaty, Art. 97(4)".
pub(crate) fn cite_short(w: &TextWords, f: &Finding) -> String {
    let short = super::Source {
        instrument: f.short_instrument.clone(),
        ..f.source.clone()
    };
    cite_in(&short, w)
}

/// A finding's dates for the reader, joined: "by Monday 30 March 2026, in
/// 10 days; until ...".
pub(crate) fn dates(w: &TextWords, f: &Finding, as_of: NaiveDate) -> String {
    f.dates
        .iter()
        .map(|(name, d)| date_phrase(w, name, *d, as_of))
        .collect::<Vec<_>>()
        .join("; ")
}

/// The mark of a provision that is not fully verified.
pub(crate) fn mark(confidence: Option<Confidence>) -> &'static str {
    match confidence {
        Some(Confidence::PartlyVerified) => "*",
        Some(Confidence::Unverified) => "**",
        Some(Confidence::Verified) | None => "",
    }
}

/// What the marks of a list of one-liners mean: "* Partly verified: check
/// with a lawyer or the migration service.", for each mark the list uses.
pub(crate) fn legend(w: &TextWords, found: &[&Finding]) -> Vec<(&'static str, String)> {
    [Confidence::PartlyVerified, Confidence::Unverified]
        .into_iter()
        .filter(|c| found.iter().any(|f| f.confidence == Some(*c)))
        .filter_map(|c| super::text::advice(w, Some(c)).map(|a| (mark(Some(c)), a)))
        .collect()
}
