//! The timeline's coming days as an iCalendar file (RFC 5545): one all-day
//! event per day still to come on which something changes, with a reminder
//! three days before, written with the report calendar's escaping and
//! folding (`report::ics`).
//!
//! Which days: those on or after the assessment date, the first day of the
//! timeline excepted (it says what applies then, not what changes). The
//! event's title is the day's first change; its description is the day's
//! whole block, as the text timeline words it. Like the report's calendar
//! the file reads no clock (`DTSTAMP` is the assessment date), and each
//! `UID` is built from the day and the profile id, so importing a later
//! timeline for the same person updates its events. Without a usable id, a
//! hash of the whole timeline stands in for it.

use super::text::{heading, lines, Line};
use super::{Moment, Timeline};
use crate::report::ics::{uid_owner, AllDay, Calendar};
use crate::report::wording::TextWords;
use crate::report::Lang;

/// Renders the calendar in English.
pub fn render(timeline: &Timeline) -> String {
    render_in(timeline, Lang::En)
}

/// Renders the calendar in `lang` (the titles are in the language the
/// timeline was built in). The UIDs do not depend on the language.
pub fn render_in(timeline: &Timeline, lang: Lang) -> String {
    let w = lang.text_words();
    let host = lang.country_name(timeline.host);
    let who = uid_owner(timeline.profile_id.as_deref(), timeline);
    let mut calendar = Calendar::new("timeline of a stay", timeline.as_of);
    let coming: Vec<&Moment> = events(timeline).collect();
    if coming.is_empty() {
        let (before, after) = &w.timeline.ics_nothing;
        calendar.journal(
            &format!("timeline-none-{}-{who}", timeline.as_of),
            timeline.as_of,
            &format!("{before}{}{after}", timeline.as_of),
            &from(w, timeline),
        );
    }
    for m in coming {
        let block = lines(w, m, host);
        calendar.event(&AllDay {
            uid: &format!("timeline-{}-{who}", m.date),
            date: m.date,
            summary: &title(w, &block),
            description: &description(w, timeline, m, &block),
            url: None,
        });
    }
    calendar.finish()
}

/// The days that get an event: on or after the assessment date, after the
/// first day, and said in the text timeline ([`Moment::is_said`]: not a day
/// on which only a duty another rule's act fulfils changes).
pub fn events(timeline: &Timeline) -> impl Iterator<Item = &Moment> {
    timeline
        .moments
        .iter()
        .skip(1)
        .filter(move |m| m.date >= timeline.as_of && m.is_said())
}

/// The event's title: the day's first line (its first heading with the
/// first change under it), and how many more changes the day has.
fn title(w: &TextWords, block: &[Line]) -> String {
    let items = block.iter().filter(|l| matches!(l, Line::Item(..))).count();
    let (first, shown) = match block {
        [Line::Text(t), ..] => (t.clone(), 0),
        [Line::Heading(h), Line::Item(_, item), ..] => (format!("{h} {item}"), 1),
        [Line::Heading(h), ..] => ((*h).to_owned(), 0),
        [Line::Item(_, item), ..] => (item.clone(), 1),
        [] => (String::new(), 0),
    };
    match items.saturating_sub(shown) {
        0 => first,
        more => format!("{first} ({})", w.timeline.more(more)),
    }
}

/// The day's whole block, and which timeline it comes from.
fn description(w: &TextWords, timeline: &Timeline, m: &Moment, block: &[Line]) -> String {
    let mut d = heading(w, m, timeline.as_of);
    for l in block {
        d.push('\n');
        match l {
            Line::Text(t) => d.push_str(t),
            Line::Heading(h) => d.push_str(h),
            Line::Item(mark, item) => {
                d.push_str(mark);
                d.push(' ');
                d.push_str(item);
            }
        }
    }
    d.push_str("\n\n");
    d.push_str(&from(w, timeline));
    d
}

/// "From the timeline for ID as of DATE."
fn from(w: &TextWords, timeline: &Timeline) -> String {
    let tw = &w.timeline;
    match &timeline.profile_id {
        Some(id) => {
            let (before, between, after) = &tw.ics_from_for;
            format!("{before}{id}{between}{}{after}", timeline.as_of)
        }
        None => {
            let (before, after) = &tw.ics_from;
            format!("{before}{}{after}", timeline.as_of)
        }
    }
}
