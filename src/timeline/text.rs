//! The timeline for a person or a terminal: one block per day, the day in
//! words with the day of the stay and how far it is from the assessment
//! date, then what changes on it under a heading per kind of change.
//! Wrapped at 80 columns like the report; colour only when asked.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Change, Moment, Timeline, What};
use crate::engine::Outcome;
use crate::report::text::{date_word, style, title_lines, wrap_into};
use crate::report::wording::{TextWords, TimelineWords};
use crate::report::{Lang, Status};

/// Renders a timeline in English.
pub fn render(timeline: &Timeline, color: bool) -> String {
    render_in(timeline, color, Lang::En)
}

/// Renders a timeline in `lang` (its titles are in the language it was
/// built in).
pub fn render_in(timeline: &Timeline, color: bool, lang: Lang) -> String {
    let st = style(color);
    let (bold, dim, reset) = (st.bold, st.dim, st.reset);
    let w = lang.text_words();
    let tw = &w.timeline;
    let host = lang.country_name(timeline.host);
    let mut out = String::new();
    title_lines(
        &mut out,
        st,
        lang,
        &tw.title,
        timeline.profile_id.as_deref(),
        timeline.host,
        timeline.as_of,
    );
    let (before, between, after) = &tw.span;
    wrap_into(
        &mut out,
        &format!(
            "{before}{}{between}{}{after} {}",
            timeline.from,
            timeline.until,
            bound(w)
        ),
        "",
        "",
    );
    // A day on which only a duty another rule's act fulfils changes is not
    // one the reader acts on: that rule's day is.
    for m in timeline.moments.iter().filter(|m| m.is_said()) {
        out.push('\n');
        let _ = writeln!(out, "{bold}{}{reset}", heading(w, m, timeline.as_of));
        for line in lines(w, m, host) {
            match line {
                Line::Text(text) => wrap_into(&mut out, &text, "  ", "  "),
                Line::Heading(text) => wrap_into(&mut out, text, "  ", "  "),
                Line::Item(mark, text) => {
                    wrap_into(&mut out, &text, &format!("    {mark} "), "      ")
                }
            }
        }
    }
    out.push('\n');
    wrap_into(&mut out, &timeline.disclaimer, "", "");
    let _ = writeln!(out, "{dim}{}{}{reset}", w.rules, timeline.rules_version);
    out
}

/// "It ends 1 year after ...": where the timeline stops, in words.
pub(crate) fn bound(w: &TextWords) -> String {
    w.timeline.bound(
        super::TAIL_YEARS.unsigned_abs(),
        super::MAX_YEARS.unsigned_abs(),
    )
}

/// "Monday 30 March 2026 · day 30 of your stay · in 20 days".
pub(crate) fn heading(w: &TextWords, m: &Moment, as_of: chrono::NaiveDate) -> String {
    let mut parts = vec![w.dates.long(m.date)];
    if let Some(n) = m.day_of_stay {
        let (before, after) = &w.timeline.day_of_stay;
        parts.push(format!("{before}{n}{after}"));
    }
    parts.push(w.dates.relative(m.date, as_of));
    parts.join(" · ")
}

/// A line of a day's block.
pub(crate) enum Line {
    /// A sentence of its own.
    Text(String),
    /// The heading of a kind of change.
    Heading(&'static str),
    /// A change under its heading: a mark and the words.
    Item(&'static str, String),
}

/// The kinds of change, in the order a day's block shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    AppliesAtStart,
    OpenAtStart,
    Starts,
    Opens,
    Stops,
    RuledOut,
    NotAssessed,
    Due,
    Overdue,
    Passed,
    Moved,
}

/// What a day's block says, line by line: the status, each kind of change
/// under its heading (a duty another rule's act fulfils is left out: that
/// rule's change is the one said, as in the report), and the 90/180 count.
pub(crate) fn lines(w: &'static TextWords, m: &Moment, host: &str) -> Vec<Line> {
    let tw = &w.timeline;
    let mut out = Vec::new();
    if let Some(status) = m.status {
        let lead = if status.before.is_none() {
            &tw.status_is
        } else {
            &tw.status_becomes
        };
        out.push(Line::Text(format!(
            "{lead}{}",
            status_words(tw, status.after, host)
        )));
    }
    let mut groups: BTreeMap<Group, Vec<String>> = BTreeMap::new();
    for c in m.changes.iter().filter(|c| c.is_said()) {
        let (group, words) = kind(w, c);
        groups.entry(group).or_default().push(words);
    }
    for (group, items) in groups {
        let (heading, mark) = group_words(tw, group);
        out.push(Line::Heading(heading));
        out.extend(items.into_iter().map(|text| Line::Item(mark, text)));
    }
    if let Some(count) = m.stay_count {
        let window = w.dates.days(count.window.unsigned_abs());
        out.push(Line::Text(tw.count(host, count.days, &window, count.limit)));
    }
    out
}

/// The status in running text.
fn status_words(tw: &TimelineWords, status: Status, host: &str) -> String {
    match status {
        Status::Covered => format!("{}{host}{}", tw.covered.0, tw.covered.1),
        Status::NotCovered => format!("{}{host}{}", tw.not_covered.0, tw.not_covered.1),
        Status::Undetermined => tw.undetermined.to_owned(),
    }
}

/// A change's group and its words: the title,
/// and the date where one goes with it.
fn kind(w: &TextWords, c: &Change) -> (Group, String) {
    let dated = |name: &str, d: chrono::NaiveDate| {
        format!("{} ({} {})", c.title, date_word(w, name), w.dates.long(d))
    };
    match &c.what {
        What::Outcome {
            before,
            after,
            dates,
        } => {
            let at = match (before, after) {
                (None, Outcome::Applies) => Group::AppliesAtStart,
                (None, Outcome::Undetermined) => Group::OpenAtStart,
                (_, Outcome::Applies) => Group::Starts,
                (_, Outcome::Undetermined) => Group::Opens,
                (Some(Outcome::Applies), Outcome::DoesNotApply) => Group::Stops,
                (_, Outcome::DoesNotApply) => Group::RuledOut,
                (_, Outcome::NotAssessed) => Group::NotAssessed,
            };
            let shown: Vec<String> = dates
                .iter()
                .map(|(name, d)| format!("{} {}", date_word(w, name), w.dates.long(*d)))
                .collect();
            let text = if shown.is_empty() {
                c.title.clone()
            } else {
                format!("{} ({})", c.title, shown.join("; "))
            };
            (at, text)
        }
        What::Due { .. } => (Group::Due, c.title.clone()),
        What::Overdue { date_name, on } => (Group::Overdue, dated(date_name, *on)),
        What::Passed { date_name, on } => (Group::Passed, dated(date_name, *on)),
        What::Moved {
            date_name, after, ..
        } => (Group::Moved, dated(date_name, *after)),
    }
}

/// A group's heading and mark.
fn group_words(tw: &'static TimelineWords, group: Group) -> (&'static str, &'static str) {
    match group {
        Group::AppliesAtStart => (&tw.apply_at_start, "+"),
        Group::OpenAtStart => (&tw.open_at_start, "?"),
        Group::Starts => (&tw.starts, "+"),
        Group::Opens => (&tw.open, "?"),
        Group::Stops => (&tw.stops, "-"),
        Group::RuledOut => (&tw.ruled_out, "-"),
        Group::NotAssessed => (&tw.not_assessed, "?"),
        Group::Due => (&tw.due, "!"),
        Group::Overdue => (&tw.overdue, "!"),
        Group::Passed => (&tw.passed, "-"),
        Group::Moved => (&tw.moved, ">"),
    }
}
