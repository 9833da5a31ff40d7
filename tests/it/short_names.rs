//! Short names of instruments (issue 11): a one-line citation names its
//! instrument by a short name the pack gives in each language ("EAEU
//! Treaty, Art. 97(1)", «Договор о ЕАЭС, ст. 97, п. 1»), so a report does
//! not repeat a full title ten times; the full name stays where a source
//! is given in full: `--detail`, the HTML page, the calendar and JSON.

use crate::common;

use serde_json::Value;

/// The Kyrgyz builder of the README, 19 days after entry.
const BUILDER: [&str; 11] = [
    "check",
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
];

fn builder(more: &[&str]) -> String {
    let mut all: Vec<&str> = BUILDER.to_vec();
    all.extend_from_slice(&["--as-of", "2026-03-20"]);
    all.extend_from_slice(more);
    let (code, out, err) = common::run(&all, b"");
    assert_eq!(code, 0, "{all:?}: {err}");
    out
}

/// The text with its lines joined, so a wrapped phrase reads whole.
fn flat(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The pack's texts as `rules texts --lang LANG` prints them.
fn texts(lang: &str) -> Value {
    let (code, out, err) = common::run(&["rules", "texts", "--lang", lang], b"");
    assert_eq!(code, 0, "{err}");
    serde_json::from_str(&out).unwrap()
}

#[test]
fn every_cited_instrument_has_a_short_name_in_both_languages() {
    for lang in ["xx", "ru"] {
        let t = texts(lang);
        let full = t["locale"]["instruments"].as_object().unwrap();
        let short = t["locale"]["short_names"].as_object().unwrap();
        assert!(full.len() > 5, "{lang}: {full:?}");
        let keys = |m: &serde_json::Map<String, Value>| m.keys().cloned().collect::<Vec<_>>();
        assert_eq!(keys(full), keys(short), "{lang}");
        for (english, name) in short {
            let (name, whole) = (name.as_str().unwrap(), full[english].as_str().unwrap());
            assert!(
                name.chars().count() < whole.chars().count() || name == whole,
                "{lang}: {name}"
            );
        }
    }
}

#[test]
fn one_line_views_cite_short_names_and_full_views_full_names() {
    let full = "Treaty on the Eurasian Economic Union";
    for (lang, short, whole) in [
        (
            "en",
            "EAEU Treaty, Art. 97(1)",
            "Treaty on the Eurasian Economic Union, Art. 97(1)",
        ),
        (
            "ru",
            "Договор о ЕАЭС, ст. 97, п. 1",
            "Договор о Евразийском экономическом союзе, ст. 97, п. 1",
        ),
    ] {
        let text = flat(&builder(&["--lang", lang]));
        assert!(text.contains(short), "{lang}: {text}");
        assert!(!text.contains(whole), "{lang}: {text}");
        let md = builder(&["--lang", lang, "--format", "markdown"]);
        assert!(md.contains(&format!("[{short}](")), "{lang}: {md}");
        assert!(!md.contains(whole), "{lang}: {md}");

        // In full: --detail (text and Markdown), the HTML page, the calendar.
        for detail in [
            builder(&["--lang", lang, "--detail"]),
            builder(&["--lang", lang, "--detail", "--format", "markdown"]),
            builder(&["--lang", lang, "--format", "html"]),
        ] {
            assert!(flat(&detail).contains(whole), "{lang}: {detail}");
        }
        let ics = builder(&["--lang", lang, "--format", "ics"]);
        assert!(
            !ics.contains(short.split(',').next().unwrap()),
            "{lang}: {ics}"
        );
    }
    // JSON, a contract: the full name, and no short one.
    let json: Value = serde_json::from_str(&builder(&["--format", "json"])).unwrap();
    for f in json["findings"].as_array().unwrap() {
        assert!(f.get("short_instrument").is_none());
        if f["rule"] == "eaeu.work-permit-exemption" {
            assert_eq!(f["source"]["instrument"], full);
        }
    }
}

/// The pack refuses short names it cannot stand behind: for an instrument
/// no rule cites, empty, given twice, or one short name for two
/// instruments (a report could not tell them apart).
#[test]
fn the_pack_checks_short_names() {
    use crate::common::{pack_edited as edited, pack_refused as refused};
    use eaeu_rights::rules::{compile, embedded_files};
    assert!(compile(&embedded_files()).is_ok());
    let treaty = r#""Treaty on the Eurasian Economic Union": "EAEU Treaty""#;
    refused(
        edited(
            "eaeu/treaty.json",
            treaty,
            r#""Treaty on the Eurasian Economic Onion": "EAEU Treaty""#,
        ),
        "no rule cites the instrument `Treaty on the Eurasian Economic Onion`",
    );
    refused(
        edited(
            "eaeu/treaty.json",
            treaty,
            r#""Treaty on the Eurasian Economic Union": " ""#,
        ),
        "the short name is empty",
    );
    refused(
        edited(
            "eaeu/treaty.json",
            treaty,
            r#""Treaty on the Eurasian Economic Union": "EAEU Pension Agreement""#,
        ),
        "`EAEU Pension Agreement` is also the short name of",
    );
    refused(
        edited(
            "kz/tax.json",
            r#""short_names": {"#,
            r#""short_names": { "Treaty on the Eurasian Economic Union": "Treaty","#,
        ),
        "has a short name already",
    );
    refused(
        edited(
            "locales/ru.json",
            r#""Treaty on the Eurasian Economic Union": "Договор о ЕАЭС""#,
            r#""Treaty on the Eurasian Economic Onion": "Договор о ЕАЭС""#,
        ),
        "no rule cites the instrument `Treaty on the Eurasian Economic Onion`",
    );
}
