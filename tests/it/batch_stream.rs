//! `batch` streams: compact lines, input order whatever `--jobs`, the line
//! length limit, and the bench pack's compact output against the
//! hand-written baseline, all through the real binary.

use eaeu_rights::bench_support::{compact_to_spec, gen, handwritten};

use crate::common;
use common::run;

fn sample() -> Vec<u8> {
    let mut text = gen::ndjson(600, 5);
    // A few bad and blank lines among the good ones.
    text.extend_from_slice(b"\n{\"citizenship\":\"XX\",\"id\":\"bad-1\"}\n   \nnot json\n\xff\n");
    text.extend_from_slice(&gen::ndjson(20, 6));
    text
}

#[test]
fn compact_lines_have_the_documented_shape() {
    let input = b"{\"id\":\"a\",\"citizenship\":\"KG\",\"entry_date\":\"2026-11-01\",\"as_of\":\"2026-11-20\",\"contract\":{\"kind\":\"employment\",\"start\":\"2026-11-02\",\"end\":null}}\n\
{\"citizenship\":\"UZ\",\"as_of\":\"2026-11-20\"}\n\
{\"id\":\"c\",\"citizenship\":\"KG\",\"contract\":{\"kind\":\"warp\"}}\n";
    let (code, out, err) = run(&["batch", "--format", "compact", "-"], input);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["status"], "covered");
    assert!(lines[0]["applies"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r == "eaeu.work-permit-exemption"));
    assert_eq!(
        lines[0]["dates"]["eaeu.registration-exemption"]["until"],
        "2026-11-30"
    );
    assert_eq!(lines[1]["id"], serde_json::Value::Null);
    assert_eq!(lines[1]["status"], "not_covered");
    assert_eq!(lines[2]["id"], "c");
    assert_eq!(lines[2]["source"], "<stdin>:3");
    assert!(lines[2]["error"]
        .as_str()
        .unwrap()
        .contains("`warp` is not a contract kind"));
    assert!(err.contains("3 records: 2 evaluated"), "{err}");
}

#[test]
fn output_is_in_input_order_whatever_the_number_of_jobs() {
    let input = sample();
    for format in ["compact", "ndjson", "summary", "json"] {
        let (code1, one, _) = run(&["batch", "--format", format, "--jobs", "1", "-"], &input);
        let (code3, three, err) = run(&["batch", "--format", format, "--jobs", "3", "-"], &input);
        assert_eq!((code1, code3), (1, 1), "{err}");
        assert!(
            one == three,
            "--format {format}: --jobs 1 and --jobs 3 differ"
        );
        // 620 generated lines (the generator writes some invalid ones on
        // purpose), 3 bad lines and 2 blank ones.
        assert!(
            err.contains(
                "batch: 623 records: 599 evaluated (161 covered, 438 not covered, 0 undetermined), 24 invalid, 2 blank lines skipped"
            ),
            "--format {format}: {err}"
        );
    }
    // Compact ids follow the input, line for line.
    let (_, out, err) = run(
        &["batch", "--format", "compact", "--jobs", "2", "-"],
        &gen::ndjson(3000, 8),
    );
    let ids: Vec<String> = out
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    let want: Vec<String> = (1..=3000).map(|i| format!("p{i:06}")).collect();
    assert_eq!(ids, want);
    assert!(err.starts_with("batch: 3000 records"), "{err}");
}

#[test]
fn an_overlong_line_is_an_error_record_and_the_run_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"{\"citizenship\":\"KG\",\"id\":\"");
    input.resize(input.len() + (1 << 20) + 10, b'x');
    input.extend_from_slice(b"\"}\n{\"citizenship\":\"KG\",\"id\":\"after\"}\n");
    let (code, out, err) = run(&["batch", "--format", "compact", "-"], &input);
    assert_eq!(code, 1, "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(
        lines[0].contains("\"source\":\"<stdin>:1\""),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("bytes long: at most 1048576 bytes"),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("\"id\":\"after\""), "{}", lines[1]);

    let (_, out, _) = run(
        &["batch", "--format", "summary", "--max-line", "40", "-"],
        b"{\"citizenship\":\"KG\"}\n{\"citizenship\":\"KG\",\"occupation\":\"construction\"}\n",
    );
    assert!(
        out.contains("<stdin>:2  INVALID  the line is 48 bytes long: at most 40"),
        "{out}"
    );
}

#[test]
fn the_bench_packs_compact_output_is_bench_specs_line() {
    let input = gen::ndjson(2000, 42);
    let pack = concat!(env!("CARGO_MANIFEST_DIR"), "/benches/pack");
    let (_, out, _) = run(
        &["batch", "--rules", pack, "--format", "compact", "-"],
        &input,
    );
    let text = String::from_utf8(input).unwrap();
    let mut compared = 0;
    for (line, compact) in text.lines().zip(out.lines()) {
        if compact.contains("\"error\":") {
            assert!(compact.contains("contract.terminated_on"), "{compact}");
            continue;
        }
        let mut want = Vec::new();
        handwritten::line(&mut want, line.as_bytes()).unwrap();
        assert_eq!(
            compact_to_spec(compact).unwrap(),
            String::from_utf8(want).unwrap()
        );
        compared += 1;
    }
    assert_eq!(out.lines().count(), 2000);
    assert!(compared > 1800, "{compared}");
}

#[test]
fn refused_compact_lines_carry_their_own_id_or_null() {
    let input = b"{\"id\":\"ok\",\"citizenship\":\"KG\"}\n\
{\"id\":\"late\",\"citizenship\":\"KG\",\"as_of\":\"2026-01-01\",\"entry_date\":\"2026-02-01\"}\n\
{\"citizenship\":\"KG\",\"as_of\":\"2026-01-01\",\"entry_date\":\"2026-02-01\"}\n\
{\"id\":\"typed\",\"citizenship\":\"KG\",\"registered\":\"yes\"}\n\
{\"citizenship\":\"KG\",\n\
\xff\n";
    let (_, out, _) = run(&["batch", "--format", "compact", "-"], input);
    let ids: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].clone())
        .collect();
    let want: Vec<serde_json::Value> = vec![
        "ok".into(),
        "late".into(),
        serde_json::Value::Null,
        "typed".into(),
        serde_json::Value::Null,
        serde_json::Value::Null,
    ];
    assert_eq!(ids, want, "{out}");
}
