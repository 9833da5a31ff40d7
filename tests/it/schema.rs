//! The JSON Schemas that `eaeu-rights schema profile|report|batch|compact`
//! prints, checked against what the tool really reads and writes (issue 12,
//! item 3): every fixture and case profile validates against the profile
//! schema and is accepted by the reader; profiles the reader refuses for
//! their shape fail the schema; every fixture's report, every batch record
//! and every compact line validates against its schema. The validator is
//! the `jsonschema` crate, with formats (`date`) checked.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use eaeu_rights::profile::{Defaults, WorkerProfile};
use jsonschema::Validator;
use serde_json::{json, Value};

/// Runs the binary with `args` (and `stdin`), in English and with a fixed
/// today; returns (exit code, stdout).
fn run(args: &[&str], stdin: &[u8]) -> (i32, String) {
    let mut cmd = crate::common::binary();
    cmd.args(args).current_dir(env!("CARGO_MANIFEST_DIR"));
    let (code, out, _) = crate::common::run_command(cmd, stdin);
    (code, out)
}

/// The schema `eaeu-rights schema OF` prints.
fn schema(of: &str) -> Value {
    let (code, out) = run(&["schema", of], b"");
    assert_eq!(code, 0, "schema {of}");
    serde_json::from_str(&out).unwrap()
}

/// A validator for `eaeu-rights schema OF`, checking formats too.
fn validator(of: &str) -> Validator {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema(of))
        .unwrap_or_else(|e| panic!("schema {of}: {e}"))
}

/// Why `value` fails `validator`, one line per error; empty when it passes.
fn errors(validator: &Validator, value: &Value) -> String {
    validator
        .iter_errors(value)
        .map(|e| format!("  {} at `{}`\n", e, e.instance_path()))
        .collect()
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 40, "only {} fixtures", files.len());
    files
}

fn defaults() -> Defaults {
    Defaults::new(
        NaiveDate::from_ymd_opt(2026, 11, 26).unwrap(),
        Some("KZ".parse().unwrap()),
    )
}

/// Whether the reader accepts a profile (shape, values and contradictions).
fn reader_accepts(text: &str) -> bool {
    WorkerProfile::from_json(text, defaults()).is_ok()
}

#[test]
fn every_schema_is_a_valid_json_schema() {
    for of in ["profile", "report", "batch", "compact"] {
        let schema = schema(of);
        assert_eq!(
            schema["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{of}"
        );
        assert!(jsonschema::meta::is_valid(&schema), "schema {of}");
    }
}

#[test]
fn every_fixture_validates_against_the_profile_schema() {
    let profile = validator("profile");
    for path in fixtures() {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(reader_accepts(&text), "{}: refused", path.display());
        let value: Value = serde_json::from_str(&text).unwrap();
        let why = errors(&profile, &value);
        assert!(why.is_empty(), "{}:\n{why}", path.display());
    }
}

#[test]
fn every_case_profile_validates_against_the_profile_schema() {
    let profile = validator("profile");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let cases: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let cases = match cases {
            Value::Array(items) => items,
            one => vec![one],
        };
        for case in cases {
            let why = errors(&profile, &case["profile"]);
            assert!(
                why.is_empty(),
                "{}: {}:\n{why}",
                path.display(),
                case["name"]
            );
            seen += 1;
        }
    }
    assert!(seen >= 45, "only {seen} cases");
}

/// Profiles written the ways the reader allows: both agree to take them.
#[test]
fn spellings_the_reader_takes_pass_the_schema() {
    let profile = validator("profile");
    for text in [
        r#"{"citizenship": "KG"}"#,
        r#"{"citizenship": []}"#,
        r#"{"citizenship": ["kg", "Russia"], "host": "Казахстан"}"#,
        r#"{"citizenship": "KG", "entry_date": "01.03.2026", "as_of": "20.03.2026"}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "civil-law"}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "Civil law"}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "EMPLOYMENT"}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "none", "start": null}}"#,
        r#"{"citizenship": "KG", "contract": {"start": "2026-01-01", "end": null, "terminated_on": null}}"#,
        r#"{"citizenship": "KG", "family": []}"#,
        r#"{"citizenship": "KG", "family": [{"relation": "spouse", "citizenship": "UZ"}]}"#,
        r#"{"citizenship": "KG", "family": [{}]}"#,
        r#"{"citizenship": "KG", "registered": true, "permanent_resident": false, "id": "x", "occupation": "врач"}"#,
    ] {
        assert!(reader_accepts(text), "the reader refuses {text}");
        let why = errors(&profile, &serde_json::from_str(text).unwrap());
        assert!(why.is_empty(), "{text}:\n{why}");
    }
}

/// Profiles the reader refuses for their shape (from
/// tests/hostile_inputs.rs): the schema refuses each too.
#[test]
fn profiles_refused_for_their_shape_fail_the_schema() {
    let family = vec![json!({"relation": "child"}); 101];
    let generated = [
        json!({"citizenship": vec!["KG"; 11]}).to_string(),
        json!({"citizenship": "KG", "family": family}).to_string(),
    ];
    let written = [
        r#"[{"citizenship": "KG"}]"#,
        r#""KG""#,
        r#"{}"#,
        r#"{"entry_date": "2026-03-01"}"#,
        r#"{"citizenship": null}"#,
        r#"{"citizenship": 417}"#,
        r#"{"citizenship": ["KG", 417]}"#,
        r#"{"citizenship": "KG", "host": null}"#,
        r#"{"citizenship": "KG", "host": ["KZ"]}"#,
        r#"{"citizenship": "KG", "id": null}"#,
        r#"{"citizenship": "KG", "entry_date": null}"#,
        r#"{"citizenship": "KG", "as_of": null}"#,
        r#"{"citizenship": "KG", "entry_date": 20260301}"#,
        r#"{"citizenship": "KG", "occupation": null}"#,
        r#"{"citizenship": "KG", "registered": "yes"}"#,
        r#"{"citizenship": "KG", "registered": null}"#,
        r#"{"citizenship": "KG", "permanent_resident": 0}"#,
        r#"{"citizenship": "KG", "contract": null}"#,
        r#"{"citizenship": "KG", "contract": "employment"}"#,
        r#"{"citizenship": "KG", "contract": {"kind": null}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": 1}}"#,
        r#"{"citizenship": "KG", "contract": {"end": 2027}}"#,
        r#"{"citizenship": "KG", "contract": {"knd": "employment"}}"#,
        r#"{"citizenship": "KG", "family": null}"#,
        r#"{"citizenship": "KG", "family": {}}"#,
        r#"{"citizenship": "KG", "family": [null]}"#,
        r#"{"citizenship": "KG", "family": ["child"]}"#,
        r#"{"citizenship": "KG", "family": [{"relation": null}]}"#,
        r#"{"citizenship": "KG", "family": [{"birth_date": null}]}"#,
        r#"{"citizenship": "KG", "family": [{"citizenship": null}]}"#,
        r#"{"citizenship": "KG", "family": [{"age": 4}]}"#,
        r#"{"citizenship": "KG", "entry_dat": "2026-03-01"}"#,
    ];
    let profile = validator("profile");
    for text in generated.iter().map(String::as_str).chain(written) {
        let shown: String = text.chars().take(80).collect();
        assert!(!reader_accepts(text), "the reader takes {shown}");
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(!profile.is_valid(&value), "the schema takes {shown}");
    }
}

/// Values the schema can describe are refused by both: a date in neither
/// form, a contract kind or a relation the reader does not know, a text
/// too long.
#[test]
fn values_the_schema_can_describe_are_refused_by_both() {
    let profile = validator("profile");
    let long = [
        json!({"citizenship": "KG", "occupation": "a".repeat(300)}).to_string(),
        json!({"citizenship": "KG", "id": "i".repeat(201)}).to_string(),
    ];
    for text in long.iter().map(String::as_str).chain([
        r#"{"citizenship": "KG", "entry_date": "1.3.2026"}"#,
        r#"{"citizenship": "KG", "entry_date": "01/03/2026"}"#,
        r#"{"citizenship": "KG", "as_of": "2026-3-1"}"#,
        r#"{"citizenship": "KG", "entry_date": "+10000-01-01"}"#,
        r#"{"citizenship": ""}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "employmnt"}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "civil"}}"#,
        r#"{"citizenship": "KG", "contract": {"kind": "civillaw"}}"#,
        r#"{"citizenship": "KG", "family": [{"relation": "cousin"}]}"#,
        r#"{"citizenship": "KG", "family": [{"relation": "Child"}]}"#,
    ]) {
        let shown: String = text.chars().take(80).collect();
        assert!(!reader_accepts(text), "the reader takes {shown}");
        let value: Value = serde_json::from_str(text).unwrap();
        assert!(!profile.is_valid(&value), "the schema takes {shown}");
    }
}

/// Generated profiles (the benchmark's stream: every kind of contract,
/// nulls where exports write them, families) that the reader accepts
/// pass the schema.
#[test]
fn generated_profiles_the_reader_accepts_pass_the_schema() {
    let profile = validator("profile");
    let ndjson = eaeu_rights::bench_support::gen::ndjson(2_000, 12);
    let mut accepted = 0;
    for line in String::from_utf8(ndjson).unwrap().lines() {
        if !reader_accepts(line) {
            continue;
        }
        accepted += 1;
        let why = errors(&profile, &serde_json::from_str(line).unwrap());
        assert!(why.is_empty(), "{line}:\n{why}");
    }
    assert!(accepted >= 1_000, "only {accepted} generated profiles read");
}

#[test]
fn every_fixture_report_validates_against_the_report_schema() {
    let report = validator("report");
    for path in fixtures() {
        for lang in ["en", "ru"] {
            let (code, out) = run(
                &[
                    "check",
                    "--format",
                    "json",
                    "--lang",
                    lang,
                    "--profile",
                    path.to_str().unwrap(),
                ],
                b"",
            );
            assert_eq!(code, 0, "{}", path.display());
            let value: Value = serde_json::from_str(&out).unwrap();
            let why = errors(&report, &value);
            assert!(why.is_empty(), "{} ({lang}):\n{why}", path.display());
        }
    }
}

/// The report carries `schema_version`, and the schema states which.
#[test]
fn the_report_schema_states_its_version() {
    let schema = schema("report");
    let version = &schema["properties"]["schema_version"]["const"];
    assert!(version.is_u64(), "{schema:#}");
    assert!(schema["required"]
        .as_array()
        .unwrap()
        .contains(&json!("schema_version")));
    let (_, out) = run(&["check", "--citizenship", "KG", "--format", "json"], b"");
    let mut report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(&report["schema_version"], version);
    let validator = validator("report");
    assert!(validator.is_valid(&report));
    report["schema_version"] = json!(version.as_u64().unwrap() + 1);
    assert!(!validator.is_valid(&report), "another version passes");
    report.as_object_mut().unwrap().remove("schema_version");
    assert!(!validator.is_valid(&report), "no version passes");
}

/// Every record of `batch --format ndjson` and `--format json`, good and
/// bad, validates against `schema batch`.
#[test]
fn batch_records_validate_against_the_batch_schema() {
    let batch = validator("batch");
    let mut input = eaeu_rights::bench_support::gen::ndjson(300, 7);
    input.extend_from_slice(b"{\"citizenship\": \"XX\"}\nnot json\n{\"citizenship\": \"KG\", \"family\": [{\"relation\": \"cousin\"}]}\n");
    let (code, out) = run(&["batch", "--format", "ndjson", "-"], &input);
    assert_eq!(code, 1, "the bad lines are error records");
    let mut errors_seen = 0;
    for line in out.lines() {
        let record: Value = serde_json::from_str(line).unwrap();
        errors_seen += usize::from(record.get("error").is_some());
        let why = errors(&batch, &record);
        assert!(why.is_empty(), "{line}:\n{why}");
    }
    assert!(errors_seen >= 3, "{errors_seen} error records");
    let (code, out) = run(&["batch", "--format", "json", "fixtures"], b"");
    assert_eq!(code, 0);
    let records: Vec<Value> = serde_json::from_str(&out).unwrap();
    for record in &records {
        let why = errors(&batch, record);
        assert!(why.is_empty(), "{}:\n{why}", record["source"]);
    }
    // A record is a report or an error, never neither.
    assert!(!batch.is_valid(&json!({"source": "x.json"})));
}

/// Every compact line, good and bad, validates against `schema compact`.
#[test]
fn compact_lines_validate_against_the_compact_schema() {
    let compact = validator("compact");
    let mut input = eaeu_rights::bench_support::gen::ndjson(500, 3);
    input.extend_from_slice(b"{\"id\": \"bad\", \"citizenship\": \"XX\"}\nnot json\n");
    let (_, out) = run(&["batch", "--format", "compact", "-"], &input);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 502);
    for line in lines {
        let value: Value = serde_json::from_str(line).unwrap();
        let why = errors(&compact, &value);
        assert!(why.is_empty(), "{line}:\n{why}");
    }
    assert!(!compact.is_valid(&json!({"id": null, "source": "x"})));
}
