//! Batch accounting (issue 5): for any input, one output record per input
//! record (blank lines excepted and counted), in input order, the broken ones
//! marked invalid, and exit code 1 when any was.

use crate::common;
use common::run;

use proptest::prelude::*;

/// A valid profile whose `id` is its line number.
fn good(line: usize) -> Vec<u8> {
    format!(
        r#"{{"id":"L{line}","citizenship":["KG"],"entry_date":"2026-03-01","as_of":"2026-03-20","contract":{{"kind":"employment","start":"2026-03-02","end":"2027-03-01"}},"family":[{{"relation":"child","birth_date":"2022-05-01"}}]}}"#
    )
    .into_bytes()
}

/// Broken lines, each wrong in its own way.
fn broken(kind: usize, line: usize) -> Vec<u8> {
    let text = match kind % 14 {
        0 => r#"{"id":"x","citizenship":["KG"]"#.to_owned(), // truncated
        1 => "not json at all".to_owned(),
        2 => r#"{"citizenship":"XX"}"#.to_owned(),
        3 => r#"{"citizenship":"KG","entry_date":"2026-02-30"}"#.to_owned(),
        4 => r#"{"citizenship":"KG","colour":"red"}"#.to_owned(),
        5 => r#"{"citizenship":"KG","host":"KZ","host":"RU"}"#.to_owned(),
        6 => r#"{"citizenship":"KG","host":null}"#.to_owned(),
        7 => "42".to_owned(),
        8 => r#"[{"citizenship":"KG"}]"#.to_owned(),
        9 => r#"{"citizenship":"KG","entry_date":"2026-04-01","as_of":"2026-03-01"}"#.to_owned(),
        10 => r#"{"citizenship":"KG","contract":{"start":"2026-03-02","end":"2026-03-01"}}"#
            .to_owned(),
        11 => r#"{"citizenship":"KG","registered":"yes"}"#.to_owned(),
        12 => "{}".to_owned(),
        _ => return vec![b'{', 0xff, 0xfe, b'}'], // not UTF-8
    };
    let _ = line;
    text.into_bytes()
}

fn run_batch(input: &[u8], jobs: &str) -> (i32, Vec<String>, String) {
    let (code, stdout, stderr) = run(
        &["batch", "-", "--format", "compact", "--jobs", jobs],
        input,
    );
    (code, stdout.lines().map(str::to_owned).collect(), stderr)
}

/// Checks one output line against what its input line was.
fn check_record(n: usize, record: &str, was_good: bool) {
    let v: serde_json::Value =
        serde_json::from_str(record).unwrap_or_else(|e| panic!("line {n}: {e}: {record}"));
    if was_good {
        assert_eq!(v["id"], format!("L{n}"), "line {n} out of order: {record}");
        assert!(
            v.get("error").is_none(),
            "line {n} wrongly refused: {record}"
        );
        assert_eq!(v["status"], "covered", "line {n}: {record}");
    } else {
        assert_eq!(v["source"], format!("<stdin>:{n}"), "line {n}: {record}");
        assert!(
            v["error"].as_str().is_some_and(|e| !e.is_empty()),
            "line {n} not marked invalid: {record}"
        );
    }
}

#[test]
fn every_seventh_line_broken_in_100000_lines_gives_100000_records_in_order() {
    let total = 100_000;
    let mut input = Vec::new();
    for n in 1..=total {
        if n % 7 == 0 {
            input.extend(broken(n / 7, n));
        } else {
            input.extend(good(n));
        }
        // Some lines end in CRLF, as spreadsheets write them.
        input.extend_from_slice(if n % 5 == 0 { b"\r\n" } else { b"\n" });
    }
    let (code, records, stderr) = run_batch(&input, "2");
    assert_eq!(code, 1, "{stderr}");
    assert_eq!(records.len(), total, "{stderr}");
    for (i, record) in records.iter().enumerate() {
        let n = i + 1;
        check_record(n, record, n % 7 != 0);
    }
    let invalid = total / 7;
    assert!(
        stderr.contains(&format!("{} evaluated", total - invalid))
            && stderr.contains(&format!("{invalid} invalid")),
        "{stderr}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any mix of good, broken and blank lines, on one or two workers.
    #[test]
    fn batch_preserves_count_and_order(kinds in proptest::collection::vec(0usize..20, 0..300), jobs in 1usize..3) {
        let mut input = Vec::new();
        let mut expected = Vec::new();
        for (i, kind) in kinds.iter().enumerate() {
            let n = i + 1;
            match kind {
                0..=13 => { input.extend(broken(*kind, n)); expected.push((n, false)); }
                14 => {} // a blank line: skipped and counted
                _ => { input.extend(good(n)); expected.push((n, true)); }
            }
            input.push(b'\n');
        }
        let (code, records, stderr) = run_batch(&input, &jobs.to_string());
        prop_assert_eq!(records.len(), expected.len(), "{}", stderr);
        for (record, (n, was_good)) in records.iter().zip(&expected) {
            check_record(*n, record, *was_good);
        }
        let any_invalid = expected.iter().any(|(_, good)| !good);
        prop_assert_eq!(code, if any_invalid { 1 } else { 0 }, "{}", stderr);
        let blanks = kinds.iter().filter(|k| **k == 14).count();
        if blanks > 0 {
            let skipped = if blanks == 1 {
                "1 blank line skipped".to_owned()
            } else {
                format!("{blanks} blank lines skipped")
            };
            prop_assert!(stderr.contains(&skipped), "{}", stderr);
        }
    }
}
