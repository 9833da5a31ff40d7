//! The reports of `batch --format ndjson|json` (schema version 3): a `pack`
//! header record first, then reports that name the pack's texts by rule id
//! and their reasons by position. Put back together with the header, every
//! report is exactly `check --format json`'s report of the same profile:
//! nothing is lost.

use std::path::Path;

use serde_json::{Map, Value};

/// Runs the binary in `lang` with a fixed today; returns (exit code, stdout).
fn run(args: &[&str], stdin: &str, lang: &str) -> (i32, String) {
    let mut cmd = crate::common::binary();
    cmd.args(args)
        .args(["--lang", lang])
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    let (code, out, _) = crate::common::run_command(cmd, stdin.as_bytes());
    (code, out)
}

/// A batch report put back together with its header: `check`'s report
/// (schema version 2).
pub fn expand(header: &Value, report: &Value) -> Value {
    let texts = header["rules"].as_array().unwrap();
    let reasons = report["reasons"].as_array().unwrap();
    let words = |positions: &Value| -> Value {
        positions
            .as_array()
            .unwrap()
            .iter()
            .map(|i| reasons[usize::try_from(i.as_u64().unwrap()).unwrap()].clone())
            .collect()
    };
    let findings: Vec<Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let text = texts
                .iter()
                .find(|t| t["rule"] == f["rule"])
                .unwrap_or_else(|| panic!("{} is not in the header", f["rule"]));
            let mut full: Map<String, Value> = text.as_object().unwrap().clone();
            for (key, value) in f.as_object().unwrap() {
                full.insert(key.clone(), value.clone());
            }
            full.insert("because".into(), words(&f["because"]));
            // The header's summary (one that is the same for everyone) is
            // what an applying finding says; the others say nothing.
            if f["outcome"] != "applies" {
                full.remove("summary");
            }
            for (key, empty) in [
                ("summary", Value::from("")),
                ("missing", Value::Array(vec![])),
                ("dates", Value::Object(Map::new())),
            ] {
                full.entry(key).or_insert(empty);
            }
            Value::Object(full)
        })
        .collect();
    let mut full = report.as_object().unwrap().clone();
    full.remove("reasons");
    full.insert("schema_version".into(), Value::from(2));
    full.insert("status_reasons".into(), words(&report["status_reasons"]));
    full.insert("findings".into(), Value::Array(findings));
    full.insert("disclaimer".into(), header["disclaimer"].clone());
    Value::Object(full)
}

/// The records of a batch's `ndjson` output after its header, each report
/// put back together (see [`expand`]).
pub fn full_records(mut records: Vec<Value>) -> Vec<Value> {
    assert!(!records.is_empty(), "no header record");
    let header = records.remove(0);
    let pack = &header["pack"];
    assert_eq!(pack["schema_version"], 3, "{header}");
    assert_eq!(header.as_object().unwrap().len(), 1, "{header}");
    for r in &mut records {
        assert!(r.get("pack").is_none(), "a second header: {r}");
        if let Some(report) = r.get("report") {
            assert_eq!(report["schema_version"], 3);
            assert_eq!(report["rules_version"], pack["rules_version"]);
            let full = expand(pack, report);
            r["report"] = full;
        }
    }
    records
}

fn lines(out: &str) -> Vec<Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn fixtures() -> Vec<String> {
    let mut files: Vec<String> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .map(|p| format!("fixtures/{}", p.file_name().unwrap().to_string_lossy()))
            .collect();
    files.sort();
    assert!(files.len() >= 40, "only {} fixtures", files.len());
    files
}

#[test]
fn every_batch_report_with_its_header_is_the_check_report() {
    for lang in ["en", "ru"] {
        let (code, out) = run(&["batch", "fixtures"], "", lang);
        assert_eq!(code, 0);
        let records = full_records(lines(&out));
        let files = fixtures();
        assert_eq!(records.len(), files.len());
        for (record, file) in records.iter().zip(&files) {
            assert_eq!(record["source"], file.as_str());
            let (_, single) = run(&["check", "--format", "json", "--profile", file], "", lang);
            let single: Value = serde_json::from_str(&single).unwrap();
            assert!(
                record["report"] == single,
                "{file} ({lang}): batch {:#}\ncheck {single:#}",
                record["report"]
            );
        }
    }
}

#[test]
fn the_header_comes_first_and_once_in_both_formats() {
    let args = [
        "batch",
        "fixtures/kg-builder-almaty.json",
        "no/such/file.json",
    ];
    let (_, ndjson) = run(&args, "", "en");
    let ndjson = lines(&ndjson);
    assert_eq!(ndjson.len(), 3);
    assert!(ndjson[0]["pack"]["rules"].as_array().unwrap().len() >= 20);
    assert_eq!(ndjson[0]["pack"]["lang"], "en");
    assert_eq!(ndjson[1]["source"], "fixtures/kg-builder-almaty.json");
    assert!(ndjson[2]["error"].is_object());
    let (_, json) = run(&[&args[..], &["--format", "json"]].concat(), "", "en");
    let json: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json, Value::Array(ndjson));
    // No profile at all: the header alone.
    let (code, empty) = run(&["batch", "-", "--format", "json"], "", "en");
    assert_eq!(code, 0);
    let empty: Value = serde_json::from_str(&empty).unwrap();
    assert_eq!(empty.as_array().unwrap().len(), 1);
    assert!(empty[0]["pack"].is_object());
    // In Russian, the header's texts are Russian.
    let (_, ru) = run(&args, "", "ru");
    let ru = lines(&ru);
    assert_eq!(ru[0]["pack"]["lang"], "ru");
    assert_ne!(
        ru[0]["pack"]["disclaimer"],
        lines(&run(&args, "", "en").1)[0]["pack"]["disclaimer"]
    );
}

/// Issue 15's budget: a batch report is at least four times smaller than
/// `check`'s report of the same profile, and a covered worker's (the
/// longest kind) is about 10 KB (42 KB and more before).
#[test]
fn a_batch_report_is_a_quarter_of_the_check_report_or_less() {
    let mut gen = Vec::new();
    eaeu_rights::bench_support::gen::write_ndjson(&mut gen, 300, 42).unwrap();
    let input = String::from_utf8(gen).unwrap();
    let (_, out) = run(&["batch", "-"], &input, "en");
    let mut covered = Vec::new();
    for (line, profile) in out.lines().skip(1).zip(input.lines()) {
        let record: Value = serde_json::from_str(line).unwrap();
        if record["report"]["status"] != "covered" {
            continue;
        }
        covered.push(line.len());
        if covered.len() % 10 == 1 {
            let (_, single) = run(
                &["check", "--format", "json", "--profile", "-"],
                profile,
                "en",
            );
            assert!(
                line.len() * 4 <= single.len(),
                "{} bytes against {}: {line}",
                line.len(),
                single.len()
            );
        }
    }
    assert!(
        covered.len() >= 50,
        "only {} covered workers",
        covered.len()
    );
    covered.sort_unstable();
    let median = covered[covered.len() / 2];
    assert!(median <= 10 * 1024, "median {median} bytes");
    assert!(covered.iter().all(|&n| n <= 16 * 1024), "{covered:?}");
}
