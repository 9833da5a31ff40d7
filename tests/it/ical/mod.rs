//! Reads an iCalendar file the binary wrote, the way a calendar would: with
//! an iCalendar parser (the `icalendar` crate), after checking the framing
//! RFC 5545 asks for (CRLF line endings, lines of at most 75 octets), and
//! returns its events with what each says.

use std::str::FromStr;

use chrono::NaiveDate;
use icalendar::parser::{read_calendar, unfold};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime};

/// One VEVENT, as a calendar reads it (texts unescaped).
#[derive(Debug)]
pub struct Event {
    pub uid: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub summary: String,
    pub description: String,
    pub url: Option<String>,
    /// The trigger and action of each VALARM.
    pub alarms: Vec<(String, String)>,
}

/// Parses `text` as a calendar; panics (naming the problem) where it is not
/// a well-formed one.
pub fn parse(text: &str) -> Vec<Event> {
    assert!(text.ends_with("\r\n"), "the last line ends with CRLF");
    for (i, line) in text.split_terminator("\r\n").enumerate() {
        assert!(!line.contains('\n'), "line {i}: a bare LF: {line:?}");
        assert!(!line.contains('\r'), "line {i}: a bare CR: {line:?}");
        assert!(
            line.len() <= 75,
            "line {i}: {} octets: {line:?}",
            line.len()
        );
    }
    let unfolded = unfold(text);
    // The raw tree: one VCALENDAR holding the events, each with an alarm.
    let raw = read_calendar(&unfolded).expect("an iCalendar file");
    let prop = |name: &str| {
        raw.properties
            .iter()
            .find(|p| p.name.as_str() == name)
            .map(|p| p.val.as_str().to_owned())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert!(prop("PRODID").is_some(), "PRODID is required");
    // RFC 5545 wants at least one component: without an event, one
    // journal entry says there is no date.
    let journal = match raw.components.as_slice() {
        [only] if only.name.as_str() == "VJOURNAL" => true,
        [] => panic!("a calendar needs a component"),
        _ => false,
    };
    for c in &raw.components {
        if !journal {
            assert_eq!(c.name.as_str(), "VEVENT", "only events");
        }
        for required in ["UID", "DTSTAMP", "DTSTART"] {
            assert!(c.find_prop(required).is_some(), "{required} is required");
        }
    }
    if journal {
        return Vec::new();
    }
    let alarms: Vec<Vec<(String, String)>> = raw
        .components
        .iter()
        .map(|c| {
            c.components
                .iter()
                .map(|a| {
                    assert_eq!(a.name.as_str(), "VALARM");
                    let get = |n: &str| a.find_prop(n).map(|p| p.val.as_str().to_owned());
                    assert!(
                        get("DESCRIPTION").is_some(),
                        "a DISPLAY alarm has a DESCRIPTION"
                    );
                    (get("TRIGGER").unwrap(), get("ACTION").unwrap())
                })
                .collect()
        })
        .collect();

    let calendar = Calendar::from_str(text).expect("an iCalendar file");
    let events: Vec<Event> = calendar
        .components
        .iter()
        .zip(alarms)
        .map(|(c, alarms)| {
            let CalendarComponent::Event(e) = c else {
                panic!("not an event: {c:?}");
            };
            let date = |d: Option<DatePerhapsTime>| match d {
                Some(DatePerhapsTime::Date(d)) => d,
                other => panic!("an all-day date, not {other:?}"),
            };
            Event {
                uid: e.get_uid().unwrap().to_owned(),
                start: date(e.get_start()),
                end: date(e.get_end()),
                summary: e.get_summary().unwrap().to_owned(),
                description: e.get_description().unwrap().to_owned(),
                url: e.get_url().map(str::to_owned),
                alarms,
            }
        })
        .collect();
    for e in &events {
        assert_eq!(e.end, e.start.succ_opt().unwrap(), "{}: one day", e.uid);
    }
    events
}
