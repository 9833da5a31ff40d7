//! One act, one action in the timeline (as in the report, `one_action.rs`):
//! after 1 July 2026 a person registers once, online, and that registration
//! (`kz.registration-online`) also fulfils the Treaty's duty to register
//! (`eaeu.registration-required`). The text timeline and its calendar say
//! the online registration alone, in English and Russian; the JSON still
//! has both rules' changes. Before 1 July 2026 the Treaty's duty is said as
//! before. A property test checks what leaving a fulfilled duty out rests
//! on: in the embedded pack, a duty that applies on two days is fulfilled on
//! both or on neither, so it never becomes an action of its own (or stops
//! being one) on a day its own changes do not show.
use crate::{common, generators, ical};

use std::sync::OnceLock;

use chrono::NaiveDate;
use eaeu_rights::country::Country;
use eaeu_rights::engine::{self, Outcome, RulePack};
use eaeu_rights::profile::{Contract, ContractKind, WorkerProfile};
use eaeu_rights::{report, timeline};
use proptest::prelude::*;
use serde_json::Value;

/// A Kyrgyz worker who entered on 1 August 2026 with a contract for a year,
/// not yet registered, assessed on 10 August 2026: the timeline in
/// `format` and `lang`.
fn after_july(format: &str, lang: &str) -> String {
    run(&[
        "timeline",
        "--citizenship",
        "KG",
        "--entry",
        "2026-08-01",
        "--contract",
        "employment",
        "--start",
        "2026-08-01",
        "--end",
        "2027-07-31",
        "--registered",
        "no",
        "--as-of",
        "2026-08-10",
        "--id",
        "kg-2026-08-01",
        "--format",
        format,
        "--lang",
        lang,
    ])
}

fn run(args: &[&str]) -> String {
    let (code, out, err) = common::run(args, b"");
    assert_eq!(code, 0, "{args:?}: {err}");
    out
}

/// The block of the text timeline that opens with `day` (a heading line).
fn block<'t>(text: &'t str, day: &str) -> &'t str {
    let start = text
        .find(&format!("\n{day}"))
        .unwrap_or_else(|| panic!("no block for {day}:\n{text}"));
    let rest = &text[start + 1..];
    &rest[..rest.find("\n\n").unwrap_or(rest.len())]
}

/// The words of a text on one line, wrapping undone.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The titles and the day headings, in English and Russian.
struct Words {
    lang: &'static str,
    treaty: &'static str,
    online: &'static str,
    exemption: &'static str,
    entry_day: &'static str,
    last_day: &'static str,
    overdue_day: &'static str,
    is_last_day: &'static str,
    has_passed: &'static str,
    one_more: &'static str,
}

const WORDS: [Words; 2] = [
    Words {
        lang: "en",
        treaty: "Register if you stay longer than 30 days",
        online: "Online registration by the 30th day",
        exemption: "No registration for the first 30 days",
        entry_day: "Saturday 1 August 2026",
        last_day: "Sunday 30 August 2026",
        overdue_day: "Monday 31 August 2026",
        is_last_day: "This is the last day for:",
        has_passed: "The deadline has passed for:",
        one_more: "(and 1 more)",
    },
    Words {
        lang: "ru",
        treaty: "Зарегистрируйтесь, если остаётесь дольше 30 дней",
        online: "Онлайн-регистрация не позднее 30-го дня",
        exemption: "Первые 30 дней без регистрации",
        entry_day: "1 августа 2026\u{a0}г., суббота",
        last_day: "30 августа 2026\u{a0}г., воскресенье",
        overdue_day: "31 августа 2026\u{a0}г., понедельник",
        is_last_day: "Это последний день срока:",
        has_passed: "Срок истёк:",
        one_more: "(и ещё 1)",
    },
];

#[test]
fn after_1_july_2026_the_text_timeline_gives_one_registration() {
    for w in &WORDS {
        let text = after_july("text", w.lang);
        // The Treaty's duty is not said on any day: the online
        // registration is the one act.
        assert!(!flat(&text).contains(w.treaty), "{}:\n{text}", w.lang);
        // The entry day: the online registration applies, with its deadline.
        let entry = flat(block(&text, w.entry_day));
        assert_eq!(entry.matches(w.online).count(), 1, "{}:\n{entry}", w.lang);
        // The last day: the end of the registration-free period and the
        // one registration, nothing else.
        let last = block(&text, w.last_day);
        assert!(last.contains(w.is_last_day), "{}:\n{last}", w.lang);
        let items: Vec<&str> = last.lines().filter(|l| l.starts_with("    ! ")).collect();
        assert_eq!(items.len(), 2, "{}:\n{last}", w.lang);
        assert!(items[0].contains(w.exemption), "{}:\n{last}", w.lang);
        assert!(items[1].contains(w.online), "{}:\n{last}", w.lang);
        // The day after: one registration overdue.
        let overdue = block(&text, w.overdue_day);
        let passed = overdue.split(w.has_passed).nth(1).unwrap();
        assert_eq!(
            passed.lines().filter(|l| l.starts_with("    ! ")).count(),
            1,
            "{}:\n{overdue}",
            w.lang
        );
        assert!(flat(passed).contains(w.online), "{}:\n{overdue}", w.lang);
    }
}

#[test]
fn after_1_july_2026_the_timeline_calendar_gives_one_registration() {
    for w in &WORDS {
        let events = ical::parse(&after_july("ics", w.lang));
        let on = |day: &str| {
            let day: NaiveDate = day.parse().unwrap();
            events.iter().find(|e| e.start == day).unwrap()
        };
        for e in &events {
            assert!(!e.summary.contains(w.treaty), "{}: {e:#?}", w.lang);
            assert!(!e.description.contains(w.treaty), "{}: {e:#?}", w.lang);
        }
        let last = on("2026-08-30");
        assert_eq!(last.description.matches(w.online).count(), 1, "{last:#?}");
        assert!(last.description.contains(w.exemption), "{last:#?}");
        // Titled by the first change, and one more: the registration.
        assert!(last.summary.starts_with(w.is_last_day), "{last:#?}");
        assert!(last.summary.ends_with(w.one_more), "{last:#?}");
        let overdue = on("2026-08-31");
        assert_eq!(
            overdue.description.matches(w.online).count(),
            1,
            "{overdue:#?}"
        );
    }
}

/// The JSON, like the report's, keeps both rules' changes with the same
/// deadline, and no key of its own for the link.
#[test]
fn after_1_july_2026_the_timeline_json_keeps_both_duties() {
    let v: Value = serde_json::from_str(&after_july("json", "en")).unwrap();
    let moment = |day: &str| {
        v["moments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|m| m["date"] == day)
            .unwrap()
            .clone()
    };
    for id in ["eaeu.registration-required", "kz.registration-online"] {
        let first = moment("2026-08-01");
        let applies = first["changes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["rule"] == id)
            .unwrap();
        assert_eq!(applies["after"], "applies", "{id}");
        assert_eq!(applies["dates"]["deadline"], "2026-08-30", "{id}");
        for (day, change) in [("2026-08-30", "due"), ("2026-08-31", "overdue")] {
            let m = moment(day);
            let c = m["changes"]
                .as_array()
                .unwrap()
                .iter()
                .find(|c| c["rule"] == id)
                .unwrap_or_else(|| panic!("{id} on {day}: {m:#}"));
            assert_eq!(c["change"], change, "{id} on {day}");
            assert_eq!(c["date_name"], "deadline", "{id} on {day}");
            assert!(c.get("fulfilled_by").is_none(), "{id} on {day}");
        }
    }
}

/// An entry before 1 July 2026, assessed after it: the Treaty's duty is
/// the one registration, on every day, as before.
#[test]
fn before_1_july_2026_the_timeline_gives_the_treatys_registration() {
    for w in &WORDS {
        let text = run(&[
            "timeline",
            "--citizenship",
            "KG",
            "--entry",
            "2026-06-20",
            "--contract",
            "employment",
            "--start",
            "2026-06-20",
            "--end",
            "2027-06-19",
            "--as-of",
            "2026-07-10",
            "--lang",
            w.lang,
        ]);
        assert!(!flat(&text).contains(w.online), "{}:\n{text}", w.lang);
        // Applies on the entry day, due on the 30th, overdue on the 31st.
        assert_eq!(
            flat(&text).matches(w.treaty).count(),
            3,
            "{}:\n{text}",
            w.lang
        );
    }
}

fn pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| eaeu_rights::rules::embedded_pack().unwrap())
}

/// For each rule, on `day`: whether it applies, and whether another
/// applying rule's act fulfils it (`report::fulfilled_by`).
fn fulfilment(p: &WorkerProfile, day: NaiveDate) -> Vec<(bool, bool)> {
    let e = engine::decide(pack(), &timeline::profile_on(p, day));
    let outcomes: Vec<Outcome> = e.results.iter().map(|r| r.outcome).collect();
    outcomes
        .iter()
        .zip(report::fulfilled_by(pack(), &outcomes))
        .map(|(o, by)| (*o == Outcome::Applies, by.is_some()))
        .collect()
}

/// A person in Kazakhstan who entered around 1 July 2026 (from 1 March
/// 2026 to 31 March 2027), of the EAEU regime's states or not, with or
/// without a contract, assessed up to 400 days after the entry.
fn around_july_2026() -> impl Strategy<Value = WorkerProfile> {
    let start = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    (
        generators::countries(2),
        0i64..396,
        0i64..400,
        prop::sample::select(vec![
            ContractKind::Employment,
            ContractKind::CivilLaw,
            ContractKind::None,
        ]),
        -10i64..60,
        prop::option::of(0i64..500),
        any::<bool>(),
    )
        .prop_map(
            move |(citizenship, entry, assessed, kind, start_off, length, registered)| {
                let add = |d, n| eaeu_rights::dates::add_days(d, n).unwrap();
                let entry = add(start, entry);
                let contract_start = add(entry, start_off);
                WorkerProfile {
                    id: None,
                    citizenship,
                    host: Country::KZ,
                    entry_date: Some(entry),
                    entry_by: None,
                    as_of: add(entry, assessed),
                    contract: Contract {
                        kind: Some(kind),
                        start: Some(contract_start),
                        end: Some(length.map(|n| add(contract_start, n))),
                        terminated_on: None,
                    },
                    occupation: Some("construction".to_owned()),
                    registered: Some(registered),
                    permanent_resident: false,
                    family: Some(Vec::new()),
                    assumed: Default::default(),
                }
            },
        )
}

fn cases() -> u32 {
    crate::common::proptest_cases(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// The text timeline leaves out a fulfilled duty's changes; that is
    /// the report's view of each day only if a duty's fulfilment starts
    /// and ends with its outcome. Between two consecutive days of the
    /// timeline (nothing changes in between: `timeline.rs`), a duty that
    /// applies on both is fulfilled on both or on neither.
    #[test]
    fn a_duty_is_fulfilled_for_as_long_as_it_applies(
        full in around_july_2026(),
        mask in 0u16..(1 << generators::FACTS),
        unknown in prop::bool::weighted(0.3),
    ) {
        let p = if unknown { generators::partial(&full, mask) } else { full };
        let t = timeline::build(pack(), &p);
        let days: Vec<NaiveDate> = t.moments.iter().map(|m| m.date).collect();
        let ids: Vec<&str> = pack().rule_ids().collect();
        for pair in days.windows(2) {
            let (a, b) = (fulfilment(&p, pair[0]), fulfilment(&p, pair[1]));
            for (i, ((applied, was), (applies, is))) in a.iter().zip(&b).enumerate() {
                prop_assert!(
                    !(*applied && *applies && was != is),
                    "{}: fulfilled on {} {}, on {} {}: {}",
                    ids[i],
                    pair[0],
                    was,
                    pair[1],
                    is,
                    p.to_json()
                );
            }
        }
    }
}
