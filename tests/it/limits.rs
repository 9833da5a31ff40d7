//! One test per bound of docs/limits.md that keeps memory bounded: each
//! goes just past the bound and checks the error that says so, and the
//! records around it that must still be read.

use std::path::{Path, PathBuf};

use eaeu_rights::cases::MAX_CASE_FILE_BYTES;
use eaeu_rights::profile::MAX_PROFILE_BYTES;
use eaeu_rights::rules::{MAX_OPERANDS, MAX_PACK_BYTES, MAX_RULE_FILE_BYTES};

use crate::common::run;

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    crate::common::workdir("limits", name)
}

/// The records after the pack's header record, which must come first.
fn records(out: &str) -> Vec<serde_json::Value> {
    let mut lines = out.lines().map(|l| serde_json::from_str(l).unwrap());
    let header: serde_json::Value = lines.next().expect("the header record");
    assert!(header["pack"].is_object(), "{header}");
    lines.collect()
}

/// A profile of exactly `len` bytes: a long occupation-free `id` would be
/// refused for its length, so the padding is white space.
fn padded_profile(id: &str, len: usize) -> String {
    let core = format!("{{\"id\": \"{id}\", \"citizenship\": \"KG\", \"as_of\": \"2026-03-20\"");
    let pad = len - core.len() - 1;
    format!("{core}{}}}", " ".repeat(pad))
}

/// An array element longer than a profile may be is an error record in its
/// place, with its line and column; the elements around it are read.
#[test]
fn an_array_element_over_a_mebibyte_is_refused_alone() {
    let dir = workdir("element");
    let file = dir.join("people.json");
    let at_limit = padded_profile("at-limit", MAX_PROFILE_BYTES);
    let over = padded_profile("over", MAX_PROFILE_BYTES + 1);
    std::fs::write(
        &file,
        format!(
            "[\n  {at_limit},\n  {over},\n  {{\"id\": \"after\", \"citizenship\": \"KG\"}}\n]\n"
        ),
    )
    .unwrap();
    let name = file.to_str().unwrap();
    let (code, out, err) = run(&["batch", name], b"");
    assert_eq!(code, 1, "{err}");
    let r = records(&out);
    assert_eq!(r.len(), 3, "{out}");
    assert_eq!(r[0]["report"]["profile_id"], "at-limit");
    assert_eq!(r[1]["source"], format!("{name}[1]"));
    let problem = &r[1]["error"]["problems"][0];
    assert_eq!(
        problem["message"],
        format!(
            "the profile is {} bytes long: a single profile may be at most 1048576 bytes (1 MiB)",
            MAX_PROFILE_BYTES + 1
        )
    );
    assert_eq!(
        (&problem["line"], &problem["column"]),
        (&3.into(), &3.into())
    );
    assert_eq!(r[2]["report"]["profile_id"], "after");
}

/// A file of one profile is read up to the size a profile may be.
#[test]
fn a_single_profile_file_over_a_mebibyte_is_refused() {
    let dir = workdir("single");
    let ok = dir.join("a-at-limit.json");
    let big = dir.join("b-over.json");
    std::fs::write(&ok, padded_profile("at-limit", MAX_PROFILE_BYTES)).unwrap();
    std::fs::write(&big, padded_profile("over", MAX_PROFILE_BYTES + 1)).unwrap();
    let (code, out, err) = run(&["batch", dir.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    let r = records(&out);
    assert_eq!(r[0]["report"]["profile_id"], "at-limit", "{out}");
    assert!(
        r[1]["error"]["message"].as_str().unwrap().starts_with(
            "the file is larger than 1048576 bytes (1 MiB), the most a single profile may be"
        ),
        "{}",
        r[1]
    );
}

/// `--max-line` cannot lift the line limit above the size of a profile, so
/// no flag makes the reader hold a line of gigabytes.
#[test]
fn max_line_is_at_most_a_mebibyte() {
    let (code, _, err) = run(&["batch", "--max-line", "1048577", "-"], b"");
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("1048577 is not in 1..=1048576"), "{err}");
    let line = padded_profile("at-limit", MAX_PROFILE_BYTES);
    let (code, out, err) = run(&["batch", "--max-line", "1048576", "-"], line.as_bytes());
    assert_eq!(code, 0, "{err}");
    assert_eq!(records(&out)[0]["report"]["profile_id"], "at-limit");
}

/// A rule file over 2 MiB is refused without being read whole.
#[test]
fn a_rule_file_over_two_mebibytes_is_refused() {
    let dir = workdir("rule-file");
    let pad = " ".repeat(MAX_RULE_FILE_BYTES);
    std::fs::write(dir.join("big.json"), format!("{{}}{pad}")).unwrap();
    let (code, _, err) = run(&["rules", "check", dir.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "big.json: the file is larger than 2097152 bytes (2 MiB), the most a rule file may be"
        ),
        "{err}"
    );
}

/// Rule files under the per-file limit still may not add up to more than
/// the pack limit.
#[test]
fn a_pack_over_eight_mebibytes_is_refused() {
    let dir = workdir("pack");
    let each = MAX_RULE_FILE_BYTES - 16;
    let files = MAX_PACK_BYTES / each + 1;
    for i in 0..files {
        std::fs::write(
            dir.join(format!("f{i:02}.json")),
            format!("{{}}{}", " ".repeat(each - 2)),
        )
        .unwrap();
    }
    let (code, _, err) = run(&["rules", "check", dir.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "the rule files are more than 8388608 bytes (8 MiB) together, the most a pack may be"
        ),
        "{err}"
    );
}

/// A one-rule pack whose condition is an `all` of `width` true operands.
fn pack_with_an_all_of(dir: &Path, width: usize) {
    let operands = vec!["true"; width].join(", ");
    std::fs::write(
        dir.join("pack.json"),
        format!(
            r#"{{"pack": {{"name": "wide", "version": "1", "status": "always", "default_host": "KZ",
  "day_count": "event_day_is_day_1", "disclaimer": "information, not advice"}},
 "definitions": {{"always": {{"expr": true}}}},
 "rules": [{{"id": "wide.rule", "kind": "information", "title": "Wide", "summary": "Wide.",
   "source": {{"instrument": "Test"}}, "in_force": {{"from": "2015-01-01"}},
   "when": {{"all": [{operands}]}}}}]}}"#
        ),
    )
    .unwrap();
}

/// An `all` may hold as many operands as the limit, and no more.
#[test]
fn an_expression_wider_than_the_limit_is_refused() {
    let at = workdir("width-at");
    pack_with_an_all_of(&at, MAX_OPERANDS);
    let (code, out, err) = run(&["rules", "check", at.to_str().unwrap()], b"");
    assert_eq!(code, 0, "{out}{err}");
    let over = workdir("width-over");
    pack_with_an_all_of(&over, MAX_OPERANDS + 1);
    let (code, _, err) = run(&["rules", "check", over.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("pack.json:6:")
            && err.contains("`all` has 257 operands: at most 256 are accepted")
            && err.contains("help: group the operands into definitions"),
        "{err}"
    );
}

/// A case file over the limit is refused without being read whole.
#[test]
fn a_case_file_over_the_limit_is_refused() {
    let dir = workdir("case-file");
    let pad = " ".repeat(MAX_CASE_FILE_BYTES);
    std::fs::write(dir.join("big.json"), format!("[]{pad}")).unwrap();
    let (code, _, err) = run(&["test", dir.to_str().unwrap()], b"");
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains(
            "big.json: the file is larger than 33554432 bytes (32 MiB), the most a case file may be: split it into several files"
        ),
        "{err}"
    );
}

/// A broken array file too large to be read whole is one error record, as
/// a small one is, and its path goes down into the broken element.
#[test]
fn a_broken_array_file_over_a_mebibyte_names_the_element() {
    let dir = workdir("broken-array");
    let file = dir.join("big.json");
    let good = padded_profile("good", MAX_PROFILE_BYTES / 2 + 1);
    std::fs::write(
        &file,
        format!(
            "[{good},\n{good},\n{{\"citizenship\": \"KG\", \"contract\": {{\"kind\": \"employment\" \"start\": 1}}}}]"
        ),
    )
    .unwrap();
    assert!(std::fs::metadata(&file).unwrap().len() > MAX_PROFILE_BYTES as u64);
    let (code, out, err) = run(&["batch", file.to_str().unwrap()], b"");
    assert_eq!(code, 1, "{err}");
    let r = records(&out);
    assert_eq!(r.len(), 1, "{out}");
    let problem = &r[0]["error"]["problems"][0];
    assert_eq!(problem["path"], "[2].contract", "{}", r[0]);
    assert_eq!(
        problem["message"], "expected `,` or `}` after a member of the object",
        "{}",
        r[0]
    );
    // The `"` of `"start"`, where a comma was expected.
    assert_eq!(
        (&problem["line"], &problem["column"]),
        (&3.into(), &57.into())
    );
}
