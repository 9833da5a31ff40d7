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
use crate::report::ics::{hash, line, text, ALARM};
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
    let who = uid_owner(timeline);
    let stamp = format!("{}T000000Z", timeline.as_of.format("%Y%m%d"));
    let mut out = String::new();
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, "PRODID:-//eaeu-rights//timeline of a stay//EN");
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    let coming: Vec<&Moment> = events(timeline).collect();
    if coming.is_empty() {
        nothing_to_come(&mut out, w, timeline, &who, &stamp);
    }
    for m in coming {
        // The day after, for an all-day event; there is none only at the
        // end of chrono's calendar, which no timeline reaches.
        let Some(next) = m.date.succ_opt() else {
            continue;
        };
        let block = lines(w, m, host);
        let title = title(w, &block);
        line(&mut out, "BEGIN:VEVENT");
        line(
            &mut out,
            &format!(
                "UID:{}",
                text(&format!("timeline-{}-{who}@eaeu-rights", m.date))
            ),
        );
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", m.date.format("%Y%m%d")),
        );
        line(
            &mut out,
            &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")),
        );
        line(&mut out, &format!("SUMMARY:{}", text(&title)));
        line(
            &mut out,
            &format!("DESCRIPTION:{}", text(&description(w, timeline, m, &block))),
        );
        // A day to know of, not time taken: it leaves the day free.
        line(&mut out, "TRANSP:TRANSPARENT");
        line(&mut out, "BEGIN:VALARM");
        line(&mut out, "ACTION:DISPLAY");
        line(&mut out, &format!("TRIGGER:{ALARM}"));
        line(&mut out, &format!("DESCRIPTION:{}", text(&title)));
        line(&mut out, "END:VALARM");
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// The days that get an event: on or after the assessment date, after the
/// first day.
pub fn events(timeline: &Timeline) -> impl Iterator<Item = &Moment> {
    timeline
        .moments
        .iter()
        .skip(1)
        .filter(move |m| m.date >= timeline.as_of)
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
        more => format!("{first} ({})", (w.timeline.more)(more)),
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
            let (before, between, after) = tw.ics_from_for;
            format!("{before}{id}{between}{}{after}", timeline.as_of)
        }
        None => {
            let (before, after) = tw.ics_from;
            format!("{before}{}{after}", timeline.as_of)
        }
    }
}

/// RFC 5545 wants at least one component: without a day to come, a journal
/// entry on the assessment date says so.
fn nothing_to_come(out: &mut String, w: &TextWords, timeline: &Timeline, who: &str, stamp: &str) {
    let (before, after) = w.timeline.ics_nothing;
    line(out, "BEGIN:VJOURNAL");
    line(
        out,
        &format!(
            "UID:{}",
            text(&format!(
                "timeline-none-{}-{who}@eaeu-rights",
                timeline.as_of
            ))
        ),
    );
    line(out, &format!("DTSTAMP:{stamp}"));
    line(
        out,
        &format!("DTSTART;VALUE=DATE:{}", timeline.as_of.format("%Y%m%d")),
    );
    line(
        out,
        &format!(
            "SUMMARY:{}",
            text(&format!("{before}{}{after}", timeline.as_of))
        ),
    );
    line(out, &format!("DESCRIPTION:{}", text(&from(w, timeline))));
    line(out, "END:VJOURNAL");
}

/// The person part of a UID: the profile id when it is a plain word, else
/// a hash (of the id, or of the whole timeline when there is none).
fn uid_owner(timeline: &Timeline) -> String {
    match &timeline.profile_id {
        Some(id)
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) =>
        {
            id.clone()
        }
        Some(id) => hash(id.as_bytes()),
        // The timeline serialises to the same bytes for the same input.
        None => hash(&serde_json::to_vec(timeline).unwrap_or_default()),
    }
}
