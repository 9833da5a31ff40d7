//! `WorkerProfile::from_json` reads with borrowed strings and builds JSON
//! paths only for problems; it must accept, type and refuse every text
//! exactly as the owned reader (`RawProfile::from_json` + `validate`) does,
//! error messages, paths, lines and columns included.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use eaeu_rights::bench_support::gen;
use eaeu_rights::locate::JsonPath;
use eaeu_rights::profile::{InvalidProfile, RawProfile, WorkerProfile};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

/// The owned reader, as `from_json` was before the fast path.
fn slow(text: &str, as_of: Option<NaiveDate>) -> Result<WorkerProfile, InvalidProfile> {
    let stripped = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut raw = RawProfile::from_json(text)?;
    if let Some(d) = as_of {
        raw.as_of = Some(d.to_string());
    }
    raw.validate(today())
        .map_err(|e| e.locate_in(stripped, &JsonPath::root()))
}

/// Edits that make valid and invalid profiles of every kind.
const EDITS: &[(&str, &str)] = &[
    ("\"KG\"", "\"kg\""),
    ("\"KZ\"", "\"XX\""),
    ("\"citizenship\":[", "\"citizenship\":[\"RU\","),
    ("\"citizenship\":[\"RU\"]", "\"citizenship\":\"RU\""),
    ("\"citizenship\":[", "\"citizenship\":[null,"),
    ("\"citizenship\":[\"", "\"citizenship\":null,\"x\":[\""),
    ("\"citizenship\":", "\"citizenship\":[],\"c\":"),
    ("\"host\":\"KZ\",", ""),
    ("\"as_of\":", "\"as_of\":null,\"a\":"),
    ("-0", "-1"),
    ("-02-", "-02-3"),
    ("-1", "-3"),
    ("\"end\":null", "\"end\":\"2030-01-01\""),
    ("\"end\":null,", ""),
    ("\"terminated_on\":null", "\"terminated_on\":\"2016-02-29\""),
    (
        "\"terminated_on\":null",
        "\"terminated_on\":null,\"terminated_on\":null",
    ),
    ("\"kind\":\"employment\"", "\"kind\":\"employmnt\""),
    ("\"kind\":\"none\"", "\"kind\":null"),
    ("\"occupation\":\"", "\"occupation\":\" Trade\\u0041 "),
    ("\"occupation\":\"", "\"occupation\":\"\\\""),
    ("\"registered\":false", "\"registered\":\"no\""),
    ("\"registered\":true", "\"registered\":null"),
    ("\"relation\":\"child\"", "\"relation\":\"kid\""),
    (
        "\"relation\":\"spouse\"",
        "\"relation\":\"spouse\",\"citizenship\":[\"KZ\"]",
    ),
    (
        "\"relation\":\"parent\"",
        "\"relation\":\"parent\",\"citizenship\":5",
    ),
    ("\"family\":[]", "\"family\":null"),
    ("\"family\":[", "\"family\":[{},"),
    ("\"id\":\"p", "\"id\":\"\\u0070\\n"),
    ("\"id\":", "\"permanent_resident\":true,\"id\":"),
    ("}", "} "),
    ("}}", "}} x"),
    ("{\"id\"", "\u{feff}{\"id\""),
    ("\"contract\":{", "\"contract\":{\"extra\":1,"),
    ("\"host\":", "\"host\":\"K\\u005a\",\"h\":"),
];

#[test]
fn fast_and_owned_readers_agree() {
    let text = String::from_utf8(gen::ndjson(3000, 11)).unwrap();
    let (mut ok, mut err) = (0, 0);
    // One profile read into again and again, as batch does, after valid and
    // refused texts alike.
    let mut reused = WorkerProfile::empty(today());
    for (i, line) in text.lines().enumerate() {
        let mut variants = vec![line.to_owned()];
        let (from, to) = EDITS[i % EDITS.len()];
        variants.push(line.replacen(from, to, 1));
        let (from, to) = EDITS[(i * 7 + 3) % EDITS.len()];
        variants.push(variants[1].replacen(from, to, 1));
        for v in &variants {
            for as_of in [None, Some(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap())] {
                let fast = WorkerProfile::from_json_as_of(v, today(), as_of);
                assert_eq!(fast, slow(v, as_of), "{v}");
                let again = reused.read_json(v, today(), as_of).map(|()| reused.clone());
                assert_eq!(again, fast, "{v}");
                if fast.is_ok() {
                    ok += 1;
                } else {
                    err += 1;
                }
            }
        }
    }
    assert!(ok > 5000 && err > 1000, "{ok} ok, {err} refused");
}

#[test]
fn odd_texts_agree() {
    for text in [
        "",
        " ",
        "null",
        "[]",
        "{}",
        "{\"citizenship\":\"KG\"}",
        "{\"citizenship\":\"KG\"",
        "{\"citizenship\":[\"KG\" \"RU\"]}",
        "{\"citizenship\":\"KG\",\"family\":[{\"relation\":\"child\"}]}",
        "{\"citizenship\":[],\"id\":null,\"host\":null,\"contract\":null,\"family\":[]}",
        "{\"citizenship\":\"KG\",\"id\":\"a\",\"id\":\"b\"}",
        "{\"citizenship\":\"\\ud800\"}",
    ] {
        assert_eq!(
            WorkerProfile::from_json(text, today()),
            slow(text, None),
            "{text:?}"
        );
    }
}
