//! `eaeu-rights timeline`, through the real binary: the days on which what
//! applies to a person changes, in text (English and Russian), JSON and
//! iCalendar; and the property that proves no change is missed: between
//! two days the timeline lists, the engine's answer does not change.
use crate::{common, generators, ical};

use std::sync::OnceLock;

use chrono::NaiveDate;
use eaeu_rights::engine::{self, Outcome, RulePack};
use eaeu_rights::profile::WorkerProfile;
use eaeu_rights::timeline;
use proptest::prelude::*;
use serde_json::Value;

/// The Kyrgyz worker: entered on 1 March 2026, an employment
/// contract from the next day for a year, assessed on 10 March.
const KG: [&str; 14] = [
    "timeline",
    "--citizenship",
    "KG",
    "--entry",
    "2026-03-01",
    "--contract",
    "employment",
    "--start",
    "2026-03-02",
    "--end",
    "2027-03-01",
    "--as-of",
    "2026-03-10",
    "--id",
];

/// `eaeu-rights` with `args`; the run must succeed.
fn ok(args: &[&str]) -> String {
    let (code, out, err) = common::run(args, b"");
    assert_eq!(code, 0, "{args:?}: {err}");
    assert!(err.is_empty(), "{args:?}: {err}");
    out
}

/// The Kyrgyz worker's timeline in `format` and `lang`.
fn kyrgyz(format: &str, lang: &str) -> String {
    let mut args = KG.to_vec();
    args.extend(["kg-2026-03-01", "--format", format, "--lang", lang]);
    ok(&args)
}

/// Replaces the pack's content hash with `[hash]`, as the fixtures' snapshots do.
fn redact(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let (before, after) = rest.split_at(i + "sha256:".len());
        out.push_str(before);
        out.push_str("[hash]");
        rest = after.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

/// The block of the text timeline that opens with `day` (a heading line).
fn block<'t>(text: &'t str, day: &str) -> &'t str {
    let start = text
        .find(&format!("\n{day}"))
        .unwrap_or_else(|| panic!("no block for {day}:\n{text}"));
    let rest = &text[start + 1..];
    let end = rest.find("\n\n").unwrap_or(rest.len());
    &rest[..end]
}

/// A text with its lines joined, as one line.
fn flat(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Issue 12, item 2: the Kyrgyz worker's timeline lists the last day of
/// the registration-free period (30 March 2026) and the contract's end,
/// each with what changes on it.
#[test]
fn kyrgyz_worker_text() {
    let text = kyrgyz("text", "en");
    let last_day = block(&text, "Monday 30 March 2026");
    assert!(last_day.contains("day 30 of your stay"), "{last_day}");
    assert!(last_day.contains("This is the last day for:"), "{last_day}");
    assert!(
        last_day.contains("! No registration for the first 30 days"),
        "{last_day}"
    );
    assert!(
        last_day.contains("! Register if you stay longer than 30 days"),
        "{last_day}"
    );
    let after = block(&text, "Tuesday 31 March 2026");
    assert!(
        after.contains("From this day, these no longer apply to you:\n    - No registration for the first 30 days"),
        "{after}"
    );
    assert!(after.contains("The deadline has passed for:"), "{after}");
    let end = block(&text, "Monday 1 March 2027");
    assert!(
        end.contains("! Stay for the term of your contract"),
        "{end}"
    );
    let ended = block(&text, "Tuesday 2 March 2027");
    assert!(
        ended.contains(
            "Your status changes: the EAEU worker rules do not apply to you in Kazakhstan."
        ),
        "{ended}"
    );
    assert!(
        ended.contains("- Stay for the term of your contract"),
        "{ended}"
    );
    // The 90/180 count, where the limit applies.
    assert!(
        flat(last_day).contains("you have been in Kazakhstan 30 of the last 180\u{a0}days"),
        "{last_day}"
    );
    // No rule id reaches the reader.
    assert!(!text.contains("eaeu.") && !text.contains("kz."), "{text}");
    insta::assert_snapshot!("timeline_kg_en_text", redact(&text));
}

#[test]
fn kyrgyz_worker_text_in_russian() {
    let text = kyrgyz("text", "ru");
    let last_day = block(&text, "30 марта 2026\u{a0}г., понедельник");
    assert!(last_day.contains("30-й день пребывания"), "{last_day}");
    assert!(last_day.contains("Это последний день срока:"), "{last_day}");
    let ended = block(&text, "2 марта 2027\u{a0}г., вторник");
    assert!(ended.contains("Ваш статус меняется:"), "{ended}");
    insta::assert_snapshot!("timeline_kg_ru_text", redact(&text));
}

/// The JSON shape: `schema_version`, the window, one moment per day with
/// its changes as data.
#[test]
fn kyrgyz_worker_json() {
    let out = kyrgyz("json", "en");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["profile_id"], "kg-2026-03-01");
    assert_eq!(v["from"], "2026-03-01");
    assert_eq!(v["until"], "2028-03-01");
    let moments = v["moments"].as_array().unwrap();
    let on = |day: &str| {
        moments
            .iter()
            .find(|m| m["date"] == day)
            .unwrap_or_else(|| panic!("no {day}"))
    };
    let first = &moments[0];
    assert_eq!(first["date"], "2026-03-01");
    assert_eq!(first["status"]["before"], Value::Null);
    assert_eq!(first["status"]["after"], "not_covered");
    let last_day = on("2026-03-30");
    assert_eq!(last_day["day_of_stay"], 30);
    assert!(last_day["changes"].as_array().unwrap().iter().any(|c| {
        c["rule"] == "eaeu.registration-exemption"
            && c["change"] == "due"
            && c["date_name"] == "until"
    }));
    assert_eq!(
        last_day["stay_count"],
        serde_json::json!({"days": 30, "limit": 90, "window": 180})
    );
    let ended = on("2027-03-02");
    assert_eq!(ended["status"]["before"], "covered");
    assert_eq!(ended["status"]["after"], "not_covered");
    assert!(ended["changes"].as_array().unwrap().iter().any(|c| {
        c["rule"] == "eaeu.stay-for-contract-term"
            && c["change"] == "outcome"
            && c["before"] == "applies"
            && c["after"] == "does_not_apply"
    }));
    insta::assert_snapshot!("timeline_kg_json", redact(&out));
}

/// An Uzbek citizen is no worker of a Member State: the timeline says so
/// from the first day, and lists the end of the 30-day visa-free stay.
#[test]
fn uzbek_citizen() {
    let out = ok(&[
        "timeline",
        "--citizenship",
        "UZ",
        "--entry",
        "2026-03-01",
        "--contract",
        "employment",
        "--start",
        "2026-03-02",
        "--end",
        "2027-03-01",
        "--as-of",
        "2026-03-10",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    let moments = v["moments"].as_array().unwrap();
    assert_eq!(moments[0]["status"]["after"], "not_covered");
    assert!(
        moments[1..].iter().all(|m| m.get("status").is_none()),
        "the status never changes: {out}"
    );
    let changes = |day: &str| -> Vec<(String, String)> {
        moments
            .iter()
            .find(|m| m["date"] == day)
            .unwrap_or_else(|| panic!("no {day}: {out}"))["changes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["rule"].as_str().unwrap().to_owned(),
                    c["change"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let first = changes("2026-03-01");
    assert!(first.contains(&("kz.foreign-worker-permit".into(), "outcome".into())));
    assert!(first.contains(&("kz.stay-limit-90-180".into(), "outcome".into())));
    assert!(!first.iter().any(|(rule, _)| rule.starts_with("eaeu.")));
    assert!(changes("2026-03-30").contains(&("kz.visa-free-stay".into(), "due".into())));
    assert!(changes("2026-03-31").contains(&("kz.visa-free-stay".into(), "passed".into())));
    let text = ok(&[
        "timeline",
        "--citizenship",
        "Uzbekistan",
        "--entry",
        "01.03.2026",
        "--contract",
        "employment",
        "--start",
        "2026-03-02",
        "--end",
        "2027-03-01",
        "--as-of",
        "2026-03-10",
    ]);
    insta::assert_snapshot!("timeline_uz_en_text", redact(&text));
}

/// The coming days as a calendar: one event per day still to come, the
/// first day and past days left out, each with a reminder.
#[test]
fn kyrgyz_worker_ics() {
    let out = kyrgyz("ics", "en");
    let events = ical::parse(&out);
    let days: Vec<NaiveDate> = events.iter().map(|e| e.start).collect();
    let d = |s: &str| s.parse::<NaiveDate>().unwrap();
    assert_eq!(
        days,
        [
            d("2026-03-30"),
            d("2026-03-31"),
            d("2027-03-01"),
            d("2027-03-02")
        ]
    );
    let last_day = &events[0];
    assert_eq!(last_day.end, d("2026-03-31"));
    assert_eq!(
        last_day.summary,
        "This is the last day for: No registration for the first 30 days (and 1 more)"
    );
    assert!(last_day
        .description
        .contains("! Register if you stay longer than 30 days"));
    assert!(last_day
        .description
        .contains("From the timeline for kg-2026-03-01 as of 2026-03-10."));
    assert_eq!(
        last_day.uid,
        "timeline-2026-03-30-kg-2026-03-01@eaeu-rights"
    );
    assert!(events[3]
        .summary
        .starts_with("Your status changes: the EAEU worker rules do not apply"));
    for e in &events {
        assert_eq!(e.alarms, [("-P3D".to_owned(), "DISPLAY".to_owned())]);
        // A day gathers several provisions: no one source to link.
        assert_eq!(e.url, None);
    }
    // The UIDs do not depend on the language.
    let ru = ical::parse(&kyrgyz("ics", "ru"));
    assert_eq!(
        ru.iter().map(|e| &e.uid).collect::<Vec<_>>(),
        events.iter().map(|e| &e.uid).collect::<Vec<_>>()
    );
    assert!(ru[0].summary.starts_with("Это последний день срока:"));
}

/// Without a day to come, the calendar holds one journal entry saying so.
#[test]
fn ics_without_a_day_to_come() {
    let out = ok(&[
        "timeline",
        "--citizenship",
        "KZ",
        "--entry",
        "2026-03-01",
        "--as-of",
        "2026-03-10",
        "--format",
        "ics",
    ]);
    assert!(ical::parse(&out).is_empty());
    assert!(out.contains("SUMMARY:This timeline shows no change after 2026-03-10."));
}

/// `--profile` and `--as-of` work as for `check`.
#[test]
fn from_a_profile_file() {
    let out = ok(&[
        "timeline",
        "--profile",
        "fixtures/kg-builder-almaty.json",
        "--as-of",
        "2026-03-10",
        "--format",
        "json",
    ]);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["as_of"], "2026-03-10");
    assert_eq!(v["profile_id"], "kg-builder-almaty");
    assert!(v["moments"]
        .as_array()
        .unwrap()
        .iter()
        .any(|m| m["date"] == "2026-03-30"));
}

/// Bad input is refused as `check` refuses it, and `timeline` has no
/// Markdown format.
#[test]
fn bad_input() {
    for bad in [
        &["--citizenship", "KG", "--entry", "2026-13-01"][..],
        &[
            "--citizenship",
            "KG",
            "--entry",
            "2026-03-20",
            "--as-of",
            "2026-03-01",
        ],
        &["--profile", "fixtures/no-such-profile.json"],
    ] {
        let timeline = common::run(&[&["timeline"], bad].concat(), b"");
        let check = common::run(&[&["check"], bad].concat(), b"");
        assert_ne!(timeline.0, 0, "{bad:?}");
        assert_eq!(timeline, check, "{bad:?}");
    }
    let (code, _, err) = common::run(
        &["timeline", "--citizenship", "KG", "--format", "markdown"],
        b"",
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("text, json, ics"), "{err}");
}

fn pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| eaeu_rights::rules::embedded_pack().unwrap())
}

/// What the engine says on a day, as the property compares it: the status,
/// and each rule's outcome and (when it applies) dates.
type Answer = (String, Vec<(Outcome, Vec<Option<NaiveDate>>)>);

fn answer(p: &WorkerProfile, day: NaiveDate) -> Answer {
    let e = engine::decide(pack(), &timeline::profile_on(p, day));
    (
        format!("{:?}", e.status),
        e.results
            .into_iter()
            .map(|r| (r.outcome, r.dates))
            .collect(),
    )
}

fn cases() -> u32 {
    crate::common::proptest_cases(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// Between two consecutive days of the timeline (and after the last,
    /// up to its end), the engine's answer is the one of the earlier day:
    /// no change is missed. One day is sampled in each gap, by the fast
    /// path, which the timeline does not use.
    #[test]
    fn nothing_changes_between_two_listed_days(
        full in generators::full_profile(),
        mask in 0u16..(1 << generators::FACTS),
        unknown in prop::bool::weighted(0.3),
        picks in prop::collection::vec(any::<u32>(), 64),
    ) {
        let p = if unknown { generators::partial(&full, mask) } else { full };
        let t = timeline::build(pack(), &p);
        let mut days: Vec<NaiveDate> = t.moments.iter().map(|m| m.date).collect();
        prop_assert_eq!(days.first().copied(), Some(t.from));
        days.extend(t.until.succ_opt());
        for (i, pair) in days.windows(2).enumerate() {
            let (a, b) = (pair[0], pair[1]);
            let gap = (b - a).num_days();
            if gap < 2 {
                continue;
            }
            let pick = i64::from(picks[i % picks.len()]) % (gap - 1) + 1;
            let between = eaeu_rights::dates::add_days(a, pick).unwrap();
            prop_assert_eq!(
                answer(&p, a),
                answer(&p, between),
                "{} and {} differ, but the timeline lists neither {} nor a day before it after {}: {}",
                a,
                between,
                between,
                a,
                p.to_json()
            );
        }
    }
}
