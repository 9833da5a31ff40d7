//! The action plan a migrant reads (issue 11, item 1): each action says
//! where to go and what happens otherwise, in English and in Russian; the
//! default report gives each provision one line, fits two printed pages
//! and shows no rule id; `--detail` brings back the reasoning and the ids.
//! The texts are pack data (`where`, `if_missed`), checked when the pack
//! is compiled.

use crate::common;

use std::path::{Path, PathBuf};

use serde_json::Value;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// `check --profile FIXTURE ARGS...`: its stdout, after checking that it
/// succeeded and said nothing on stderr.
fn check(fixture_name: &str, args: &[&str]) -> String {
    let path = fixture(fixture_name);
    let mut all = vec!["check", "--profile", path.to_str().unwrap()];
    all.extend_from_slice(args);
    let (code, out, err) = common::run(&all, b"");
    assert_eq!(code, 0, "{all:?}: {err}");
    assert!(err.is_empty(), "{all:?}: {err}");
    out
}

use crate::common::section;

/// The Kyrgyz builder 19 days after entry: the registration deadline is
/// an action, and it says where to register and what happens otherwise,
/// in the text, Markdown and HTML reports, in both languages.
#[test]
fn the_registration_action_says_where_to_go_in_both_languages() {
    for (lang, heading, title, where_to, otherwise, office) in [
        (
            "en",
            "WHAT TO DO FIRST",
            "Register if you stay longer than 30 days",
            "Where: ",
            "Otherwise: ",
            "call 1414 (the Unified Contact Centre)",
        ),
        (
            "ru",
            "ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ",
            "Зарегистрируйтесь, если остаётесь дольше 30 дней",
            "Где и как: ",
            "Иначе: ",
            "по телефону 1414 (Единый контакт-центр)",
        ),
    ] {
        let out = check("kg-builder-almaty.json", &["--lang", lang]);
        let actions = section(&out, heading);
        let at = actions.find(title).expect(title);
        // Its own lines: up to the next numbered action.
        let action = &actions[at..];
        let action = action.find("\n  2. ").map_or(action, |end| &action[..end]);
        let flat = action.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(where_to), "{lang}: {action}");
        assert!(flat.contains(office), "{lang}: {action}");
        // Entered before 1 July 2026: the unclear rules of that time, not
        // the online system of the entries since (tests/it/one_action.rs).
        assert!(!flat.contains("ИС МП"), "{lang}: {action}");
        assert!(flat.contains(otherwise), "{lang}: {action}");
        assert!(flat.contains("517"), "{lang}: {action}");
        // The host's notification, overdue, names where it is done.
        assert!(actions.contains("eqonaq.kz"), "{lang}: {actions}");

        let md = check(
            "kg-builder-almaty.json",
            &["--lang", lang, "--format", "markdown"],
        );
        let md_heading = if lang == "ru" {
            "Что сделать в первую очередь\n"
        } else {
            "What to do first\n"
        };
        let plan = md
            .split("\n## ")
            .find(|s| s.starts_with(md_heading))
            .unwrap_or_default();
        assert!(plan.contains(&format!("   - {where_to}")), "{lang}: {md}");
        assert!(plan.contains("1414"), "{lang}: {plan}");

        let html = check(
            "kg-builder-almaty.json",
            &["--lang", lang, "--format", "html"],
        );
        let first = html
            .split("<section id=\"first\"")
            .nth(1)
            .and_then(|s| s.split("</section>").next())
            .unwrap();
        assert!(
            first.contains(&format!("<span class=\"where\">{where_to}")),
            "{lang}: {first}"
        );
        assert!(first.contains("1414"), "{lang}: {first}");
    }
}

/// The default report names no rule id; `--detail` gives every
/// provision's summary, reasons, source link and rule id, as caseworkers
/// and lawyers need them.
#[test]
fn detail_brings_back_the_reasoning_and_the_rule_ids() {
    for (lang, because, read_it) in [
        ("en", "because ", "Read it:"),
        ("ru", "потому что ", "Текст:"),
    ] {
        let short = check("kg-builder-almaty.json", &["--lang", lang]);
        let full = check("kg-builder-almaty.json", &["--lang", lang, "--detail"]);
        for (what, text) in [
            (because, "reasons"),
            (read_it, "links"),
            ("[eaeu.registration-required]", "rule ids"),
        ] {
            assert!(
                !short.contains(what),
                "{lang}: {text} in the short report:\n{short}"
            );
            assert!(
                full.contains(what),
                "{lang}: no {text} with --detail:\n{full}"
            );
        }
        // The summary of a right, and the status's proof, are back too.
        assert!(full.lines().count() > 2 * short.lines().count(), "{lang}");
        assert!(full.contains("2015-08-12"), "{lang}: the status's reasons");
        assert!(!short.contains("2015-08-12"), "{lang}: {short}");

        let short_md = check(
            "kg-builder-almaty.json",
            &["--lang", lang, "--format", "md"],
        );
        let full_md = check(
            "kg-builder-almaty.json",
            &["--lang", lang, "--format", "md", "--detail"],
        );
        assert!(
            !short_md.contains("eaeu.registration-required"),
            "{short_md}"
        );
        assert!(full_md.contains("eaeu.registration-required"), "{full_md}");
    }
    // The JSON report is a contract: --detail changes nothing in it.
    let json = check("kg-builder-almaty.json", &["--format", "json"]);
    let json_detail = check("kg-builder-almaty.json", &["--format", "json", "--detail"]);
    assert_eq!(json, json_detail);
    let report: Value = serde_json::from_str(&json).unwrap();
    let finding = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "eaeu.registration-required")
        .unwrap();
    assert!(finding.get("where").is_none() && finding.get("where_to").is_none());
}

/// How many lines of 80 columns two A4 pages hold, with room to spare.
/// A4 is 11.7 inches tall; printed at 6 lines an inch (10-12 point
/// monospace) with half-inch margins it holds 64 lines a page, 128 on
/// two. 110 leaves room for the header and footer a print program adds.
const TWO_A4_PAGES: usize = 110;

/// A covered worker's default text report, the longest kind, prints on two
/// A4 pages in either language, every line within 80 columns.
#[test]
fn a_covered_workers_default_report_fits_two_printed_pages() {
    for lang in ["en", "ru"] {
        for name in ["kg-builder-almaty.json", "kg-family-with-4-year-old.json"] {
            let out = check(name, &["--lang", lang]);
            let lines = out.lines().count();
            assert!(
                lines <= TWO_A4_PAGES,
                "{name} ({lang}): {lines} lines, more than {TWO_A4_PAGES}:\n{out}"
            );
            for line in out.lines() {
                assert!(line.chars().count() <= 80, "{name} ({lang}): {line:?}");
            }
        }
    }
}

/// Whether a line holds a rule id in brackets, `[eaeu.x-y]`.
fn bracketed_id(line: &str) -> Option<&str> {
    line.split('[').skip(1).find_map(|rest| {
        let id = rest.split(']').next()?;
        let dotted = id.contains('.') && !id.starts_with('.') && !id.ends_with('.');
        let chars = id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '-');
        (rest.contains(']') && dotted && chars).then_some(id)
    })
}

#[test]
fn a_bracketed_rule_id_is_found() {
    assert_eq!(
        bracketed_id("Source: Treaty [eaeu.trade-unions]"),
        Some("eaeu.trade-unions")
    );
    assert_eq!(bracketed_id("  - Join [x] trade unions"), None);
    assert_eq!(bracketed_id("Art. 97(1)-(2), see [1.]"), None);
}

/// No fixture's default text or Markdown report shows a rule id, in
/// either language: neither in brackets nor anywhere else.
#[test]
fn no_rule_id_reaches_the_default_report() {
    let (code, list, err) = common::run(&["rules", "list"], b"");
    assert_eq!(code, 0, "{err}");
    let ids: Vec<String> = list
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|w| {
            w.contains('.')
                && w.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '.' || c == '-' || c.is_ascii_digit())
        })
        .map(str::to_owned)
        .collect();
    assert!(ids.len() > 20, "{list}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    for name in &names {
        for lang in ["en", "ru"] {
            for format in ["text", "markdown"] {
                let out = check(name, &["--lang", lang, "--format", format]);
                for line in out.lines() {
                    assert_eq!(
                        bracketed_id(line),
                        None,
                        "{name} ({lang}, {format}): {line}"
                    );
                }
                for id in &ids {
                    assert!(
                        !out.contains(id.as_str()),
                        "{name} ({lang}, {format}): {id}"
                    );
                }
            }
        }
    }
}

/// The pack refuses `where` and `if_missed` texts it cannot stand behind:
/// on a rule nobody acts on, for another host than a national rule's own,
/// without a web page as source, and a translation of a text the English
/// pack does not have.
#[test]
fn the_pack_checks_where_to_go() {
    use crate::common::{pack_edited as edited, pack_refused as refused};
    use eaeu_rights::rules::{compile, embedded_files};
    assert!(compile(&embedded_files()).is_ok());
    // A right with no deadline: nothing to act on.
    refused(
        edited(
            "eaeu/treaty.json",
            r#""id": "eaeu.trade-unions","#,
            r#""id": "eaeu.trade-unions", "where": { "KZ": { "text": "at a union", "sources": ["https://example.org"], "confidence": "verified" } },"#,
        ),
        "only a rule a person must act on",
    );
    // A Kazakh rule speaking of Russia.
    refused(
        edited(
            "kz/migration.json",
            r#""where": { "KZ": {"text": "your new employer"#,
            r#""where": { "RU": {"text": "your new employer"#,
        ),
        "a national rule of `KZ` can only say what to do in `KZ`",
    );
    // A source that is not a web page.
    refused(
        edited(
            "kz/migration.json",
            r#""sources": ["https://www.gov.kz/services/4631?lang=en"]"#,
            r#""sources": ["gov.kz/services/4631"]"#,
        ),
        "is not a web address",
    );
    // A translation for a host the English text does not name.
    refused(
        edited(
            "locales/ru.json",
            r#""where": { "KZ": "принимающая сторона"#,
            r#""where": { "RU": "принимающая сторона"#,
        ),
        "has no `where` for `RU` to translate",
    );
}
