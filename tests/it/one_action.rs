//! One act, one action (issue 11): after 1 July 2026 a person registers
//! once, online, and that one registration is both Kazakhstan's duty
//! (`kz.registration-online`) and the Treaty's (`eaeu.registration-required`).
//! The national rule says so in the pack (`fulfils`), and the printed
//! reports and the calendar give one action; the JSON report, a contract,
//! still has both findings. Before 1 July 2026 the Treaty's duty is the
//! one action, and where to go is the unclear situation of that time.

use crate::common;

use serde_json::Value;

/// A Kyrgyz worker entered on `entry`, contract from `entry` for a year
/// less a day, not yet registered, assessed on `as_of`.
fn args<'a>(entry: &'a str, end: &'a str, as_of: &'a str, more: &[&'a str]) -> Vec<&'a str> {
    let mut all = vec![
        "check",
        "--citizenship",
        "KG",
        "--contract",
        "employment",
        "--entry",
        entry,
        "--start",
        entry,
        "--end",
        end,
        "--as-of",
        as_of,
    ];
    all.extend_from_slice(more);
    all
}

fn run(all: &[&str]) -> String {
    let (code, out, err) = common::run(all, b"");
    assert_eq!(code, 0, "{all:?}: {err}");
    out
}

/// After 1 July 2026 (entry 2026-08-01).
fn after(more: &[&str]) -> String {
    run(&args(
        "2026-08-01",
        "2027-07-31",
        "2026-08-10",
        &[&["--registered", "no"], more].concat(),
    ))
}

/// Before 1 July 2026 (entry 2026-03-01).
fn before(more: &[&str]) -> String {
    run(&args(
        "2026-03-01",
        "2027-02-28",
        "2026-03-20",
        &[&["--registered", "no"], more].concat(),
    ))
}

use crate::common::section;

#[test]
fn after_1_july_2026_the_text_report_gives_one_registration_action() {
    for (lang, heading, online, treaty_title, national_title, pre_july) in [
        (
            "en",
            "WHAT TO DO FIRST",
            "online, in the migration police information system (ИС МП)",
            "Register if you stay longer than 30 days",
            "Online registration by the 30th day",
            "before 1 July 2026",
        ),
        (
            "ru",
            "ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ",
            "онлайн, в информационной системе миграционной полиции (ИС МП)",
            "Зарегистрируйтесь, если остаётесь дольше 30 дней",
            "Онлайн-регистрация не позднее 30-го дня",
            "до 1 июля 2026",
        ),
    ] {
        let out = after(&["--lang", lang]);
        let first = section(&out, heading);
        // One numbered action, the national one, with the online route.
        assert!(first.contains("  1. "), "{lang}:\n{first}");
        assert!(!first.contains("  2. "), "{lang}:\n{first}");
        assert!(first.contains(national_title), "{lang}:\n{first}");
        assert!(
            first
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(online),
            "{lang}:\n{first}"
        );
        // The Treaty's duty is not said again anywhere in the short report,
        // nor the situation before 1 July 2026.
        assert!(!out.contains(treaty_title), "{lang}:\n{out}");
        assert!(!out.contains(pre_july), "{lang}:\n{out}");
    }
}

#[test]
fn before_1_july_2026_the_one_registration_action_says_the_rules_are_unclear() {
    for (lang, heading, treaty_title, national_title, unclear, online) in [
        (
            "en",
            "WHAT TO DO FIRST",
            "Register if you stay longer than 30 days",
            "Online registration by the 30th day",
            "if you entered before 1 July 2026, the rules are not clear",
            "ИС МП",
        ),
        (
            "ru",
            "ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ",
            "Зарегистрируйтесь, если остаётесь дольше 30 дней",
            "Онлайн-регистрация не позднее 30-го дня",
            "если вы въехали до 1 июля 2026 года, правила не ясны",
            "ИС МП",
        ),
    ] {
        let out = before(&["--lang", lang]);
        let first = section(&out, heading);
        let flat = first.split_whitespace().collect::<Vec<_>>().join(" ");
        // The host's notification (day 3) and the Treaty's registration
        // (day 30): two acts, two actions; the registration once.
        assert_eq!(flat.matches(treaty_title).count(), 1, "{lang}:\n{first}");
        assert!(flat.contains(unclear), "{lang}:\n{first}");
        // The online registration is listed only as not applying.
        assert!(!first.contains(national_title), "{lang}:\n{first}");
        assert!(!out.contains(online), "{lang}:\n{out}");
    }
}

#[test]
fn after_1_july_2026_markdown_and_html_give_one_registration_action() {
    let md = after(&["--format", "markdown"]);
    let first = md
        .split("## What to do first")
        .nth(1)
        .and_then(|s| s.split("\n## ").next())
        .unwrap();
    assert_eq!(first.matches("\n1. ").count(), 1, "{first}");
    assert!(!first.contains("\n2. "), "{first}");
    assert!(
        first.contains("Online registration by the 30th day"),
        "{first}"
    );
    assert!(
        !md.contains("Register if you stay longer than 30 days"),
        "{md}"
    );

    let html = after(&["--format", "html"]);
    assert!(html.contains("Online registration by the 30th day"));
    assert!(!html.contains("Register if you stay longer than 30 days"));
}

#[test]
fn after_1_july_2026_the_calendar_has_one_registration_event() {
    let ics = after(&["--format", "ics"]);
    let on_day_30: Vec<&str> = ics
        .split("BEGIN:VEVENT")
        .skip(1)
        .filter(|e| e.contains("DTSTART;VALUE=DATE:20260830"))
        .collect();
    // The last day without registration and the one registration.
    let uids: Vec<&str> = on_day_30
        .iter()
        .filter_map(|e| e.lines().find(|l| l.starts_with("UID:")))
        .collect();
    assert_eq!(on_day_30.len(), 2, "{ics}");
    assert!(uids
        .iter()
        .any(|u| u.contains("eaeu.registration-exemption-until")));
    assert!(uids
        .iter()
        .any(|u| u.contains("kz.registration-online-deadline")));
    assert!(!ics.contains("eaeu.registration-required"), "{ics}");
}

#[test]
fn the_detailed_report_and_json_still_give_both_findings() {
    // --detail: every provision, the Treaty's with the online route (the
    // act that fulfils it), not the situation before 1 July 2026.
    let detail = after(&["--detail"]);
    let treaty = detail
        .split("! Register if you stay longer than 30 days")
        .nth(1)
        .and_then(|s| s.split("\n\n").next())
        .unwrap();
    let flat = treaty.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Where: online, in the migration police information system (ИС МП)"),
        "{treaty}"
    );
    assert!(flat.contains("[eaeu.registration-required]"), "{treaty}");
    assert!(detail.contains("[kz.registration-online]"), "{detail}");

    // JSON is a contract: both findings apply, with the same deadline.
    let json: Value = serde_json::from_str(&after(&["--format", "json"])).unwrap();
    for id in ["eaeu.registration-required", "kz.registration-online"] {
        let f = json["findings"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["rule"] == id)
            .unwrap();
        assert_eq!(f["outcome"], "applies", "{id}");
        assert_eq!(f["dates"]["deadline"], "2026-08-30", "{id}");
        assert!(f.get("fulfilled_by").is_none(), "{id}");
    }
}

#[test]
fn a_registration_done_after_1_july_2026_is_listed_once() {
    let out = run(&args(
        "2026-08-01",
        "2027-07-31",
        "2026-08-10",
        &["--registered", "yes"],
    ));
    let done = section(&out, "ALREADY DONE");
    assert_eq!(done.matches("\n  v ").count(), 1, "{done}");
    assert!(
        done.contains("Online registration by the 30th day"),
        "{done}"
    );
    assert!(!out.contains("WHAT TO DO FIRST"), "{out}");
}

/// The pack refuses a `fulfils` it cannot stand behind: the rule's own id,
/// a rule nobody acts on (on either side), and an id no rule has.
#[test]
fn the_pack_checks_fulfils() {
    use crate::common::{pack_edited as edited, pack_refused as refused};
    use eaeu_rights::rules::{compile, embedded_files};
    assert!(compile(&embedded_files()).is_ok());
    let national = r#""fulfils": [ "eaeu.registration-required" ]"#;
    refused(
        edited(
            "kz/migration.json",
            national,
            r#""fulfils": [ "kz.registration-online" ]"#,
        ),
        "cannot fulfil itself",
    );
    refused(
        edited(
            "kz/migration.json",
            national,
            r#""fulfils": [ "eaeu.trade-unions" ]"#,
        ),
        "rule `eaeu.trade-unions` has no duty to fulfil",
    );
    refused(
        edited(
            "kz/migration.json",
            national,
            r#""fulfils": [ "eaeu.registration-requried" ]"#,
        ),
        "no rule has the id `eaeu.registration-requried`",
    );
    refused(
        edited(
            "eaeu/treaty.json",
            r#""id": "eaeu.trade-unions","#,
            r#""id": "eaeu.trade-unions", "fulfils": ["eaeu.registration-required"],"#,
        ),
        "only a rule a person must act on can fulfil",
    );
    refused(
        edited("kz/migration.json", national, r#""fulfils": []"#),
        "no rule fulfils `eaeu.registration-required`, so its `where_undetermined` would never be read",
    );
}

/// With the date of entry not known, after 1 July 2026 the online
/// registration is undetermined: where to go covers both cases, so the
/// person is not sent only to the rules of before July.
#[test]
fn with_the_date_of_entry_unknown_where_to_register_gives_both_cases() {
    for (lang, heading, both) in [
        (
            "en",
            "WHAT YOU MUST DO, AND BY WHEN",
            [
                "it depends on when you entered Kazakhstan",
                "If you entered on or after 1 July 2026, register online",
                "If you entered before 1 July 2026, the rules are not clear",
            ],
        ),
        (
            "ru",
            "ЧТО ВЫ ДОЛЖНЫ СДЕЛАТЬ И В КАКОЙ СРОК",
            [
                "это зависит от даты въезда в Казахстан",
                "Если вы въехали 1 июля 2026 года или позже, зарегистрируйтесь онлайн",
                "Если вы въехали до 1 июля 2026 года, правила не ясны",
            ],
        ),
    ] {
        // Entry not given: the online registration is undetermined.
        let report = |format: &str| {
            run(&[
                "check",
                "--citizenship",
                "KG",
                "--contract",
                "employment",
                "--start",
                "2026-09-01",
                "--end",
                "2027-08-31",
                "--as-of",
                "2026-10-01",
                "--lang",
                lang,
                "--format",
                format,
            ])
        };
        let out = report("text");
        let duties = section(&out, heading);
        let flat = duties.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in both {
            assert_eq!(flat.matches(words).count(), 1, "{lang}: {words}\n{duties}");
        }
        // The Markdown report, for case notes, says the same.
        let markdown = report("markdown");
        let flat = markdown.split_whitespace().collect::<Vec<_>>().join(" ");
        for words in both {
            assert_eq!(
                flat.matches(words).count(),
                1,
                "{lang}: {words}\n{markdown}"
            );
        }
    }
}
