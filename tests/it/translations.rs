//! The embedded pack's Russian texts are complete: every text a report can
//! show (rule titles, summaries, tension notes, texts for years not encoded,
//! `say` texts, labels, instrument names, title and disclaimer) has its own
//! Russian wording, not the English fallback.

use crate::common;

use serde_json::Value;

/// The pack's texts as `rules texts --lang LANG` prints them.
fn texts(lang: &str) -> Value {
    let (code, out, err) = common::run(&["rules", "texts", "--lang", lang], b"");
    assert_eq!(code, 0, "rules texts --lang {lang}: {err}");
    serde_json::from_str(&out).expect("rules texts prints JSON")
}

/// Every string leaf of `english`, with its path, that `other` leaves in
/// English (the same text, or no text at all).
fn untranslated(english: &Value, other: &Value, path: &str, out: &mut Vec<String>) {
    match english {
        Value::Object(map) => {
            for (key, value) in map {
                if path.is_empty() && key == "lang" {
                    continue;
                }
                let next = format!("{path}/{key}");
                untranslated(value, other.get(key).unwrap_or(&Value::Null), &next, out);
            }
        }
        // An empty text says nothing in any language.
        Value::String(text) if !text.is_empty() && other.as_str().is_none_or(|t| t == text) => {
            out.push(path.to_owned());
        }
        _ => {}
    }
}

/// Whether a text has Cyrillic in it.
fn cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

#[test]
fn every_text_of_the_pack_is_in_russian() {
    // A language without a file gives the pack's own, English, texts.
    let english = texts("xx");
    let russian = texts("ru");
    let mut missing = Vec::new();
    untranslated(&english["locale"], &russian["locale"], "", &mut missing);
    assert!(
        missing.is_empty(),
        "left in English in rules/locales/ru.json: {missing:#?}"
    );
}

#[test]
fn titles_are_english_without_a_file_and_russian_with_one() {
    let english = texts("xx");
    let russian = texts("ru");
    let titles = |v: &Value| -> Vec<String> {
        v["locale"]["rules"]
            .as_object()
            .map(|r| {
                r.values()
                    .map(|r| r["title"].as_str().unwrap_or_default().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    };
    let (en, ru) = (titles(&english), titles(&russian));
    assert!(en.len() > 20, "the pack has its rules: {}", en.len());
    assert_eq!(en.len(), ru.len());
    assert!(en.iter().all(|t| !cyrillic(t)), "{en:#?}");
    assert!(ru.iter().all(|t| cyrillic(t)), "{ru:#?}");
}

#[test]
fn a_russian_report_cites_and_warns_in_russian() {
    // A Kyrgyz worker, 19 days after entry: the host must notify the
    // police (a rule with a tension note, citing a Kazakh order).
    let args = [
        "check",
        "--citizenship",
        "KG",
        "--contract",
        "employment",
        "--entry",
        "2026-03-01",
        "--as-of",
        "2026-03-20",
        "--lang",
        "ru",
        // With the tension note, which the short report leaves out.
        "--detail",
    ];
    let (code, out, err) = common::run(&args, b"");
    assert!(code == 0 || code == 1, "{err}");
    assert!(
        out.contains("Договор о Евразийском экономическом союзе, ст. 97, п. 4"),
        "{out}"
    );
    assert!(
        out.contains("Вправе ли он требовать его от граждан ЕАЭС"),
        "{out}"
    );
    for english in ["Treaty on the Eurasian", "Art. ", "Kazakhstan requires"] {
        assert!(!out.contains(english), "English `{english}` in: {out}");
    }
}
