//! The profile's unit tests: reading, defaults and every kind of problem.

use chrono::NaiveDate;

use super::*;
use crate::locate::LineCol;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap()
}

fn parse(text: &str) -> Result<WorkerProfile, InvalidProfile> {
    WorkerProfile::from_json(text, Defaults::new(today(), Some(Country::KZ)))
}

#[test]
fn full_profile_parses() {
    let p = parse(r#"{"id":"a","citizenship":["kg"],"host":"KZ","entry_date":"2026-03-01","as_of":"2026-03-20",
        "contract":{"kind":"employment","start":"2026-03-02","end":null},"occupation":" Construction ",
        "registered":false,"family":[{"relation":"child","birth_date":"2022-05-01"}]}"#)
    .unwrap();
    assert_eq!(p.citizenship, vec![Country::KG]);
    assert_eq!(p.contract.end, Some(None));
    assert_eq!(p.occupation.as_deref(), Some("construction"));
    assert!(p.assumed.terminated_on && p.assumed.permanent_resident && !p.assumed.host);
}

#[test]
fn contract_kinds_are_read_as_people_write_them() {
    for (text, kind) in [
        ("employment", ContractKind::Employment),
        ("Employment", ContractKind::Employment),
        ("civil_law", ContractKind::CivilLaw),
        ("civil-law", ContractKind::CivilLaw),
        ("Civil law", ContractKind::CivilLaw),
        (" CIVIL - LAW ", ContractKind::CivilLaw),
        ("NONE", ContractKind::None),
    ] {
        assert_eq!(ContractKind::from_input(text), Some(kind), "{text}");
    }
    for text in ["", "civil", "civillaw", "law civil", "employmnt", "гпх"] {
        assert_eq!(ContractKind::from_input(text), None, "{text}");
    }
    // Rule files keep the one spelling.
    assert_eq!(ContractKind::parse("civil-law"), None);
    let e = parse(r#"{"citizenship":"KG","contract":{"kind":"employmnt"}}"#).unwrap_err();
    assert_eq!(
        e.problems[0].message_and_help(crate::report::Lang::En),
        "`employmnt` is not a contract kind: expected `employment`, `civil_law` (also written `civil-law` or `civil law`) or `none`; did you mean `employment`?"
    );
}

#[test]
fn names_and_day_first_dates_read_as_codes_and_iso_dates() {
    let by_name = parse(
        r#"{"citizenship":["Кыргызстан","kyrgyz republic","Россия"],"host":"Kazakhstan",
        "entry_date":"01.03.2026","as_of":"20.03.2026",
        "contract":{"kind":"civil-law","start":"02.03.2026","end":"01.03.2027","terminated_on":"19.03.2026"},
        "family":[{"relation":"child","birth_date":"01.05.2022","citizenship":"Russia"}]}"#,
    )
    .unwrap();
    let by_code = parse(
        r#"{"citizenship":["KG","RU"],"host":"KZ","entry_date":"2026-03-01","as_of":"2026-03-20",
        "contract":{"kind":"civil_law","start":"2026-03-02","end":"2027-03-01","terminated_on":"2026-03-19"},
        "family":[{"relation":"child","birth_date":"2022-05-01","citizenship":["RU"]}]}"#,
    )
    .unwrap();
    assert_eq!(by_name, by_code);
    // Written back, a profile says codes and ISO dates.
    assert!(by_name.to_json().contains(r#""citizenship":["KG","RU"]"#));
    assert!(by_name.to_json().contains(r#""entry_date":"2026-03-01""#));
}

#[test]
fn absent_facts_stay_unknown_and_defaults_are_recorded() {
    let p = parse(r#"{"citizenship":"UZ"}"#).unwrap();
    assert_eq!(p.host, Country::KZ);
    assert_eq!(p.as_of, today());
    assert_eq!(p.contract.kind, None);
    assert_eq!(p.contract.end, None);
    assert_eq!(p.family, None);
    assert!(p.assumed.host && p.assumed.as_of);
}

#[test]
fn stateless_is_known_and_empty() {
    assert!(parse(r#"{"citizenship":[]}"#)
        .unwrap()
        .citizenship
        .is_empty());
    let e = parse(r#"{"citizenship":null}"#).unwrap_err();
    assert!(e.to_string().contains("must not be null"), "{e}");
}

#[test]
fn errors_name_the_field_and_position() {
    let e =
        parse("{\"citizenship\": [\"KG\", \"XX\"],\n \"entry_date\": \"2026-02-30\"}").unwrap_err();
    assert_eq!(e.problems.len(), 2);
    assert_eq!(e.problems[0].path.to_string(), "citizenship[1]");
    assert_eq!(e.problems[1].path.to_string(), "entry_date");
    assert_eq!(
        e.problems[1].location,
        Some(LineCol {
            line: 2,
            column: 16
        })
    );
    assert!(
        e.to_string()
            .contains("`2026-02-30` is not a real calendar date"),
        "{e}"
    );
}

#[test]
fn unknown_keys_and_bad_types_are_errors() {
    let e = parse(r#"{"citizenship":"KG","contract":{"knd":"employment"}}"#).unwrap_err();
    assert_eq!(e.problems[0].path.to_string(), "contract.knd");
    assert!(e.to_string().contains("unknown key `knd`"), "{e}");
    let e = parse(r#"{"citizenship":"KG","registered":"yes"}"#).unwrap_err();
    assert_eq!(e.problems[0].path.to_string(), "registered");
}

#[test]
fn contradictions_are_errors() {
    let cases = [
        (
            r#"{"citizenship":"KG","contract":{"start":"2026-03-02","end":"2026-03-01"}}"#,
            "contract.end",
        ),
        (
            r#"{"citizenship":"KG","contract":{"start":"2026-03-02","terminated_on":"2026-03-01"}}"#,
            "contract.terminated_on",
        ),
        (
            r#"{"citizenship":"KG","entry_date":"2026-03-02","as_of":"2026-03-01"}"#,
            "entry_date",
        ),
        (
            r#"{"citizenship":"KG","as_of":"2026-03-01","family":[{"birth_date":"2026-03-02"}]}"#,
            "family[0].birth_date",
        ),
    ];
    for (text, path) in cases {
        let e = parse(text).unwrap_err();
        assert_eq!(e.problems[0].path.to_string(), path, "{text}");
    }
}

#[test]
fn control_and_bidi_characters_are_refused_in_text() {
    for c in ["\\u001b", "\\u0000", "\\u202e", "\\u2066"] {
        let text = format!(r#"{{"citizenship":"KG","occupation":"a{c}b"}}"#);
        let e = parse(&text).unwrap_err();
        assert!(e.to_string().contains("control character"), "{c}: {e}");
    }
    assert!(parse(r#"{"citizenship":"KG","occupation":"учитель"}"#).is_ok());
}

#[test]
fn a_stored_occupation_always_reads_back() {
    // 200 bytes that lower-case to 300.
    let text = format!(
        r#"{{"citizenship":"KG","occupation":"{}"}}"#,
        "İ".repeat(100)
    );
    let e = parse(&text).unwrap_err();
    assert_eq!(e.problems[0].path.to_string(), "occupation");
    let ok = parse(r#"{"citizenship":"KG","occupation":" Medical "}"#).unwrap();
    assert_eq!(parse(&ok.to_json()).unwrap().occupation, ok.occupation);
}

#[test]
fn nulls_are_refused_except_where_they_mean_something() {
    for key in [
        "host",
        "entry_date",
        "as_of",
        "occupation",
        "registered",
        "contract",
        "family",
        "id",
    ] {
        let text = format!(r#"{{"citizenship":"KG","{key}":null}}"#);
        let e = parse(&text).unwrap_err();
        assert!(e.to_string().contains("must not be null"), "{key}: {e}");
    }
    let p =
        parse(r#"{"citizenship":"KG","contract":{"start":null,"end":null,"terminated_on":null}}"#)
            .unwrap();
    assert_eq!(p.contract.start, None);
    assert_eq!(p.contract.end, Some(None));
    assert_eq!(p.contract.terminated_on, None);
}

#[test]
fn byte_order_mark_and_trailing_garbage() {
    assert!(parse("\u{feff}{\"citizenship\":\"KG\"}").is_ok());
    assert!(parse("{\"citizenship\":\"KG\"} x").is_err());
    assert!(parse("").is_err());
}
