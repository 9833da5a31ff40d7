//! No false sentence anywhere: every fixture is rendered in every format the
//! binary has (`check` text and JSON, `batch` NDJSON, JSON, summary and
//! compact), and no sentence a person reads may show a missing value as a
//! placeholder ("ended early on none", "(unknown)", "until null").
//!
//! A summary is written for the person to whom its rule applies; rendered
//! for anyone else, or with a fact the profile does not give, it states
//! something that is not so. This test is the net under that rule.

use std::path::{Path, PathBuf};

/// Texts that only ever come from a value the sentence did not have.
const PLACEHOLDERS: [&str; 5] = [
    "(unknown)",
    "(date not determined)",
    "an unknown number of",
    "an unknown day",
    "{",
];

/// Words that stand for a missing value when a date or a fact belongs after
/// one of `LEAD_INS`.
const MISSING_WORDS: [&str; 2] = ["none", "null"];
const LEAD_INS: [&str; 11] = [
    "on", "until", "by", "is", "was", "from", "to", "ended", "ends", "before", "after",
];

fn run(args: &[&str]) -> String {
    let out = crate::common::binary()
        .args(args)
        .output()
        .expect("run eaeu-rights");
    assert!(
        out.status.code() == Some(0),
        "{args:?}: exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() > 30, "the fixtures are there");
    files
}

/// The placeholder a sentence holds, if any.
fn placeholder_in(sentence: &str) -> Option<String> {
    if let Some(p) = PLACEHOLDERS.iter().find(|p| sentence.contains(*p)) {
        return Some((*p).to_owned());
    }
    let words: Vec<String> = sentence
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    words.windows(2).find_map(|pair| {
        let [lead, word] = pair else { return None };
        (LEAD_INS.contains(&lead.as_str()) && MISSING_WORDS.contains(&word.as_str()))
            .then(|| format!("{lead} {word}"))
    })
}

/// Every string a person reads in a JSON report (or batch record).
fn sentences(value: &serde_json::Value, key: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_json::Value::String(s) => out.push((key.to_owned(), s.clone())),
        serde_json::Value::Array(items) => items.iter().for_each(|v| sentences(v, key, out)),
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                // Identifiers and machine fields are not sentences.
                // Identifiers and machine fields are not sentences; notes and
                // tensions are the authors' own words, rendered from nothing.
                if !matches!(
                    k.as_str(),
                    "rule"
                        | "field"
                        | "affects"
                        | "missing"
                        | "url"
                        | "see_also"
                        | "note"
                        | "tension"
                ) {
                    sentences(v, k, out);
                }
            }
        }
        _ => {}
    }
}

fn check_json(what: &str, text: &str, problems: &mut Vec<String>) {
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let mut found = Vec::new();
        sentences(&value, "", &mut found);
        for (key, s) in found {
            if let Some(p) = placeholder_in(&s) {
                problems.push(format!("{what}: `{key}` shows {p:?}: {s}"));
            }
        }
    }
}

fn check_text(what: &str, text: &str, problems: &mut Vec<String>) {
    for line in text.lines() {
        if let Some(p) = placeholder_in(line) {
            problems.push(format!("{what}: shows {p:?}: {line}"));
        }
    }
}

#[test]
fn the_detector_finds_what_it_should() {
    assert_eq!(
        placeholder_in("Your contract ended early on none."),
        Some("on none".into())
    );
    assert_eq!(
        placeholder_in("runs until (unknown)"),
        Some("(unknown)".into())
    );
    assert_eq!(
        placeholder_in("valid until null"),
        Some("until null".into())
    );
    assert_eq!(placeholder_in("none of the EAEU worker rights"), None);
    assert_eq!(placeholder_in("you hold no citizenship (stateless)"), None);
}

#[test]
fn no_fixture_report_shows_a_placeholder_in_any_format() {
    let mut problems = Vec::new();
    for path in fixtures() {
        let p = path.to_str().unwrap();
        let name = path.file_name().unwrap().to_string_lossy();
        let json = run(&["check", "--profile", p, "--format", "json"]);
        // A single report is one JSON document over many lines.
        let compact = serde_json::from_str::<serde_json::Value>(&json)
            .unwrap()
            .to_string();
        check_json(&format!("{name} (json)"), &compact, &mut problems);
        check_text(
            &format!("{name} (text)"),
            &run(&["check", "--profile", p]),
            &mut problems,
        );
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let dir = dir.to_str().unwrap();
    for format in ["ndjson", "summary", "compact"] {
        let out = run(&["batch", dir, "--format", format]);
        if format == "summary" {
            check_text("batch summary", &out, &mut problems);
        } else {
            check_json(&format!("batch {format}"), &out, &mut problems);
        }
    }
    let json = run(&["batch", dir, "--format", "json"]);
    let all = serde_json::from_str::<serde_json::Value>(&json).unwrap();
    for record in all.as_array().unwrap() {
        check_json("batch json", &record.to_string(), &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
