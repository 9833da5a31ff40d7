//! The report's coming dates as an iCalendar file (RFC 5545), to import
//! into a calendar: one all-day event per date to act on, each with a
//! reminder three days before.
//!
//! Which dates: of each finding that applies and is not marked done, the
//! dates named `deadline` ("by") and `until`, and every other date of an
//! obligation; never a date that names a past event (`ended`, as in "your
//! contract ended on"). Only dates on or after the assessment date get an
//! event: a calendar holds reminders, and a date already past reminds of
//! nothing (the text, Markdown and JSON reports still show it, marked as
//! passed). A report with no such date gives a calendar whose one entry
//! is a journal entry saying so: RFC 5545 allows no empty calendar.
//!
//! The file is reproducible: `DTSTAMP` is the assessment date at midnight
//! UTC, not the clock; each `UID` is built from the rule, the date's name,
//! the date and the profile id (so importing a later report for the same
//! person updates its events instead of doubling them). Without a usable
//! id, a hash of the whole report stands in for it, which changes with any
//! change of the report.
//!
//! Written by hand, not with a calendar crate: the format needs a dozen
//! properties, and the two details that matter (escaping, and folding that
//! never splits a UTF-8 character) are tested here.

use std::fmt::Write as _;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::text::{advice, cite_in, date_word};
use super::wording::TextWords;
use super::{Finding, Lang, Report};
use crate::engine::ir::RuleKind;
use crate::engine::Outcome;

/// Octets a content line may have before it is folded (RFC 5545, 3.1),
/// CRLF not counted.
const LINE_OCTETS: usize = 75;

/// Days before the date at which the reminder goes off.
pub(crate) const ALARM: &str = "-P3D";

/// One coming date of a finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Event<'r> {
    /// The finding the date belongs to.
    pub finding: &'r Finding,
    /// The date's name in the finding (`deadline`, `until`, ...).
    pub name: &'r str,
    /// The date.
    pub date: NaiveDate,
}

/// The dates that get an event, soonest first (and in the pack's order on
/// one day). A duty another applying rule's act fulfils gets none: that
/// rule's event is the one to act on.
pub fn events(report: &Report) -> Vec<Event<'_>> {
    let mut out: Vec<Event<'_>> = report
        .findings
        .iter()
        .filter(|f| {
            f.outcome == Outcome::Applies && f.met != Some(true) && f.fulfilled_by.is_none()
        })
        .flat_map(|f| {
            f.dates.iter().map(move |(name, &date)| Event {
                finding: f,
                name: name.as_str(),
                date,
            })
        })
        .filter(|e| e.date >= report.as_of && is_reminder(e.finding.kind, e.name))
        .collect();
    // Stable: findings keep the pack's order within a day.
    out.sort_by_key(|e| e.date);
    out
}

/// Whether a date of an applying finding is one to act by.
pub(crate) fn is_reminder(kind: RuleKind, name: &str) -> bool {
    match name {
        "deadline" | "until" => true,
        // The date of a past event, not one to act by.
        "ended" => false,
        _ => kind == RuleKind::Obligation,
    }
}

/// Renders the calendar, CRLF line endings and folded lines included, in
/// English.
pub fn render(report: &Report) -> String {
    render_in(report, Lang::En)
}

/// Renders the calendar in `lang` (the report's own sentences are in the
/// language it was built in). The UIDs do not depend on the language, so
/// importing the other language's calendar updates the same events.
pub fn render_in(report: &Report, lang: Lang) -> String {
    let w = lang.text_words();
    let who = uid_owner(report.profile_id.as_deref(), report);
    let mut calendar = Calendar::new("rights and obligations", report.as_of);
    let events = events(report);
    if events.is_empty() {
        let (before, after) = &w.ics.no_dates;
        calendar.journal(
            &format!("no-dates-{}-{who}", report.as_of),
            report.as_of,
            &format!("{before}{}{after}", report.as_of),
            &from(w, report),
        );
    }
    for e in events {
        let f = e.finding;
        calendar.event(&AllDay {
            uid: &format!("{}-{}-{}-{who}", f.rule, e.name, e.date),
            date: e.date,
            summary: &format!("{} ({} {})", f.title, date_word(w, e.name), e.date),
            description: &description(w, report, f),
            url: f.source.url.as_deref(),
        });
    }
    calendar.finish()
}

/// "From the report for ID as of DATE."
fn from(w: &TextWords, report: &Report) -> String {
    match &report.profile_id {
        Some(id) => {
            let (before, between, after) = &w.ics.from_for;
            format!("{before}{id}{between}{}{after}", report.as_of)
        }
        None => {
            let (before, after) = &w.ics.from;
            format!("{before}{}{after}", report.as_of)
        }
    }
}

/// The summary, how sure the provision is, the source and which report
/// it comes from.
fn description(w: &TextWords, report: &Report, f: &Finding) -> String {
    let mut d = f.summary.clone();
    if let Some(advice) = advice(w, f.confidence) {
        let _ = write!(d, "\n\n{advice}");
    }
    let _ = write!(
        d,
        "\n\n{}{} ({}{}).",
        w.source,
        cite_in(&f.source, w),
        w.rule,
        f.rule
    );
    d.push('\n');
    d.push_str(&from(w, report));
    d
}

/// The person part of a UID: the profile id when it is a plain word, else
/// a hash (of the id, or of `whole`, the report or timeline the calendar
/// is made from, which serialises to the same bytes for the same input).
pub(crate) fn uid_owner(profile_id: Option<&str>, whole: &impl serde::Serialize) -> String {
    match profile_id {
        Some(id)
            if !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')) =>
        {
            id.to_owned()
        }
        Some(id) => hash(id.as_bytes()),
        None => hash(&serde_json::to_vec(whole).unwrap_or_default()),
    }
}

/// A calendar being written: the report's and the timeline's share its
/// frame, their all-day events with a reminder, and the journal entry that
/// stands in when there is no event (RFC 5545 allows no empty calendar).
pub(crate) struct Calendar {
    out: String,
    /// `DTSTAMP`: the assessment date at midnight UTC, never the clock.
    stamp: String,
}

/// One all-day event: a date to act by or a day to know of.
pub(crate) struct AllDay<'a> {
    /// The UID, before the `@eaeu-rights` domain.
    pub uid: &'a str,
    pub date: NaiveDate,
    pub summary: &'a str,
    pub description: &'a str,
    pub url: Option<&'a str>,
}

impl Calendar {
    /// Opens a calendar whose `PRODID` names what it holds.
    pub(crate) fn new(what: &str, as_of: NaiveDate) -> Self {
        let mut out = String::new();
        line(&mut out, "BEGIN:VCALENDAR");
        line(&mut out, "VERSION:2.0");
        line(&mut out, &format!("PRODID:-//eaeu-rights//{what}//EN"));
        line(&mut out, "CALSCALE:GREGORIAN");
        line(&mut out, "METHOD:PUBLISH");
        Calendar {
            out,
            stamp: format!("{}T000000Z", as_of.format("%Y%m%d")),
        }
    }

    /// An all-day event, transparent (it leaves the day free), with a
    /// reminder [`ALARM`] before it.
    pub(crate) fn event(&mut self, e: &AllDay<'_>) {
        // The day after, for an all-day event; there is none only at the
        // end of chrono's calendar, where no date of a stay falls.
        let Some(next) = e.date.succ_opt() else {
            return;
        };
        let out = &mut self.out;
        line(out, "BEGIN:VEVENT");
        line(
            out,
            &format!("UID:{}", text(&format!("{}@eaeu-rights", e.uid))),
        );
        line(out, &format!("DTSTAMP:{}", self.stamp));
        line(
            out,
            &format!("DTSTART;VALUE=DATE:{}", e.date.format("%Y%m%d")),
        );
        line(out, &format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        line(out, &format!("SUMMARY:{}", text(e.summary)));
        line(out, &format!("DESCRIPTION:{}", text(e.description)));
        if let Some(url) = e.url {
            line(out, &format!("URL:{}", uri(url)));
        }
        line(out, "TRANSP:TRANSPARENT");
        line(out, "BEGIN:VALARM");
        line(out, "ACTION:DISPLAY");
        line(out, &format!("TRIGGER:{ALARM}"));
        line(out, &format!("DESCRIPTION:{}", text(e.summary)));
        line(out, "END:VALARM");
        line(out, "END:VEVENT");
    }

    /// A journal entry (which calendars do not show as an event) on
    /// `date`, for a calendar with nothing to remind of.
    pub(crate) fn journal(&mut self, uid: &str, date: NaiveDate, summary: &str, description: &str) {
        let out = &mut self.out;
        line(out, "BEGIN:VJOURNAL");
        line(out, &format!("UID:{}", text(&format!("{uid}@eaeu-rights"))));
        line(out, &format!("DTSTAMP:{}", self.stamp));
        line(
            out,
            &format!("DTSTART;VALUE=DATE:{}", date.format("%Y%m%d")),
        );
        line(out, &format!("SUMMARY:{}", text(summary)));
        line(out, &format!("DESCRIPTION:{}", text(description)));
        line(out, "END:VJOURNAL");
    }

    /// Closes the calendar.
    pub(crate) fn finish(mut self) -> String {
        line(&mut self.out, "END:VCALENDAR");
        self.out
    }
}

/// 16 hex digits of SHA-256.
pub(crate) fn hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Escapes a TEXT value (RFC 5545, 3.3.11): backslash, semicolon, comma and
/// line breaks; other control characters, which TEXT may not hold, become
/// spaces.
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {
                // CRLF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push('\t'),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A URI value: no escaping applies to it, so what a URI cannot hold
/// (control characters, spaces) is dropped or percent-encoded.
fn uri(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            ' ' => out.push_str("%20"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded at 75 octets (RFC 5545, 3.1): a
/// continuation starts with a space, which counts, and no UTF-8 character
/// is split between two lines.
pub fn line(out: &mut String, content: &str) {
    let mut octets = 0;
    for c in content.chars() {
        let n = c.len_utf8();
        if octets + n > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += n;
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(text(r"a\b;c,d"), r"a\\b\;c\,d");
        assert_eq!(text("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        assert_eq!(text("bell\u{7}tab\t"), "bell tab\t");
        assert_eq!(text("Art. 97(4): \"РВП\""), "Art. 97(4): \"РВП\"");
    }

    #[test]
    fn reminders_are_deadlines_ends_and_dates_of_duties() {
        for kind in [RuleKind::Right, RuleKind::Information, RuleKind::Obligation] {
            assert!(is_reminder(kind, "deadline"));
            assert!(is_reminder(kind, "until"));
            assert!(!is_reminder(kind, "ended"));
        }
        assert!(is_reminder(RuleKind::Obligation, "from"));
        assert!(!is_reminder(RuleKind::Right, "from"));
        assert!(!is_reminder(RuleKind::Information, "from"));
    }

    #[test]
    fn short_lines_are_not_folded() {
        let mut out = String::new();
        line(&mut out, &"x".repeat(75));
        assert_eq!(out, format!("{}\r\n", "x".repeat(75)));
    }

    #[test]
    fn folds_at_75_octets_with_a_leading_space() {
        let mut out = String::new();
        line(&mut out, &"x".repeat(76 + 74));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0].len(), 75);
        assert_eq!(lines[1], format!(" {}", "x".repeat(74)));
        assert_eq!(lines[2], " x");
    }

    #[test]
    fn folding_never_splits_a_cyrillic_character() {
        // Two octets a letter, after an odd number of ASCII octets: a naive
        // cut at 75 octets would fall inside a letter.
        let content = format!(
            "SUMMARY:{}",
            "Разрешение на временное проживание (РВП) ".repeat(6)
        );
        let mut out = String::new();
        line(&mut out, &content);
        assert!(out.ends_with("\r\n"));
        let lines: Vec<&str> = out.split_terminator("\r\n").collect();
        assert!(lines.len() > 3);
        for (i, l) in lines.iter().enumerate() {
            assert!(l.len() <= LINE_OCTETS, "line {i}: {} octets", l.len());
            if i > 0 {
                assert!(l.starts_with(' '), "line {i}: {l:?}");
            }
            // A line shorter than it could be only where the next letter
            // would not have fitted.
            if i + 1 < lines.len() {
                assert!(l.len() >= LINE_OCTETS - 1, "line {i}: {} octets", l.len());
            }
        }
        // Unfolding gives back the content.
        assert_eq!(out.replace("\r\n ", "").trim_end_matches("\r\n"), content);
    }
}
