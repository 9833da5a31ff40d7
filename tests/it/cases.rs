//! The lawyer-written case files in `tests/cases/`, run by `cargo test`:
//! through the library runner, once through the binary's `test` command,
//! and for coverage (every rule needs an applies and a does_not_apply case).
//! Also the seed study's check (issue 3, item 8) and the runner's own
//! behaviour on failing and invalid case files.

use std::path::{Path, PathBuf};
use std::process::Command;

use eaeu_rights::cases;
use eaeu_rights::engine::{self, Outcome};
use eaeu_rights::profile::WorkerProfile;
use eaeu_rights::report;
use eaeu_rights::rules;

const CASES: &str = "tests/cases";

fn bin() -> Command {
    crate::common::binary()
}

/// A fresh directory for one test's case files.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn case_files_pass_through_the_library() {
    let pack = rules::embedded_pack().unwrap();
    let cases = cases::load(Path::new(CASES), &pack).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        cases.len() >= 45,
        "only {} cases in {CASES}: issue 3 asks for at least 45",
        cases.len()
    );
    let failed: Vec<String> = cases::run(&pack, &cases)
        .into_iter()
        .filter(|r| !r.passed())
        .map(|r| {
            let lines: Vec<String> = r
                .failures
                .iter()
                .map(|f| {
                    format!(
                        "  {} {}: expected {}, got {} (because: {})",
                        f.subject,
                        f.check,
                        f.expected,
                        f.actual,
                        f.because.join("; ")
                    )
                })
                .collect();
            format!("{} ({}):\n{}", r.name, r.file, lines.join("\n"))
        })
        .collect();
    assert!(failed.is_empty(), "failing cases:\n{}", failed.join("\n"));
}

#[test]
fn case_files_pass_through_the_binary() {
    let out = bin().args(["test", CASES]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.trim_end().ends_with(" passed, 0 failed"), "{stdout}");
    assert!(!stdout.contains("FAILED"), "{stdout}");
}

#[test]
fn every_rule_has_an_applies_and_a_does_not_apply_case() {
    let pack = rules::embedded_pack().unwrap();
    let cases = cases::load(Path::new(CASES), &pack).unwrap();
    let gaps: Vec<String> = cases::coverage(&pack, &cases)
        .into_iter()
        .filter(|c| !c.gaps().is_empty())
        .map(|c| format!("{}: no {} case", c.rule, c.gaps().join(" or ")))
        .collect();
    assert!(gaps.is_empty(), "{}", gaps.join("\n"));
}

#[test]
fn rules_coverage_lists_every_rule() {
    let out = bin().args(["rules", "coverage", CASES]).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let pack = rules::embedded_pack().unwrap();
    for id in pack.rule_ids() {
        assert!(stdout.contains(id), "{id} missing from:\n{stdout}");
    }
    assert!(
        stdout.contains("every rule has an applies and a does_not_apply case"),
        "{stdout}"
    );
}

#[test]
fn rules_coverage_exits_1_when_a_rule_lacks_a_case() {
    let dir = scratch("coverage-gap");
    std::fs::write(
        dir.join("one.json"),
        r#"{"name": "one", "profile": {"citizenship": "KG", "as_of": "2026-03-20"}, "expect": {"status": "undetermined"}}"#,
    )
    .unwrap();
    let out = bin()
        .args(["rules", "coverage"])
        .arg(&dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("<- no applies case"), "{stdout}");
    assert!(stdout.contains("rule(s) lack a case"), "{stdout}");
}

#[test]
fn a_failing_case_exits_1_with_expected_actual_and_because() {
    let dir = scratch("failing");
    std::fs::write(
        dir.join("day31.json"),
        r#"[
  {"name": "passes", "profile": {"citizenship": "KG", "entry_date": "2026-03-01", "as_of": "2026-03-30"},
   "expect": {"outcomes": {"eaeu.registration-exemption": "applies"}}},
  {"name": "wrong on purpose", "profile": {"citizenship": "KG", "entry_date": "2026-03-01", "as_of": "2026-03-31"},
   "expect": {"outcomes": {"eaeu.registration-exemption": "applies"},
              "dates": {"eaeu.registration-required": {"deadline": "2026-03-31"}}}}
]"#,
    )
    .unwrap();
    let out = bin().arg("test").arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("ok      passes"), "{stdout}");
    assert!(stdout.contains("FAILED  wrong on purpose"), "{stdout}");
    assert!(
        stdout.contains("eaeu.registration-exemption: expected applies, got does_not_apply"),
        "{stdout}"
    );
    assert!(
        stdout.contains("because as of 2026-03-31, day 31 of your stay"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "eaeu.registration-required date `deadline`: expected 2026-03-31, got 2026-03-30"
        ),
        "{stdout}"
    );
    assert!(
        stdout.trim_end().ends_with("1 passed, 1 failed"),
        "{stdout}"
    );
}

#[test]
fn an_invalid_case_file_exits_2_with_file_line_and_column() {
    let dir = scratch("invalid");
    std::fs::write(
        dir.join("typo.json"),
        "{\n  \"name\": \"typo\",\n  \"profile\": {\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\"},\n  \"expect\": {\"outcomes\": {\"eaeu.work-permit-exemptoin\": \"applies\"}}\n}\n",
    )
    .unwrap();
    let out = bin().arg("test").arg(&dir).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("typo.json:4:57"), "{stderr}");
    assert!(
        stderr.contains("no rule has the id `eaeu.work-permit-exemptoin`"),
        "{stderr}"
    );
    assert!(
        stderr.contains("did you mean `eaeu.work-permit-exemption`?"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn an_invalid_pack_exits_2() {
    let dir = scratch("bad-pack");
    std::fs::write(dir.join("pack.json"), "{\"pack\": {}}").unwrap();
    let out = bin()
        .args(["test", CASES, "--rules"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

/// Issue 3, item 8: the seed study's ten provisions for a Kyrgyz worker
/// with an employment contract in Kazakhstan, each found by the rule that
/// applies and by its key words in the summary.
#[test]
fn seed_study_kyrgyz_worker_gets_the_ten_provisions() {
    let pack = rules::embedded_pack().unwrap();
    let profile = WorkerProfile::from_json(
        r#"{"id": "seed-study", "citizenship": "KG", "host": "KZ",
            "entry_date": "2026-03-01", "as_of": "2026-03-20",
            "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"},
            "occupation": "construction",
            "family": [{"relation": "child", "birth_date": "2022-05-01", "citizenship": ["KG"]}]}"#,
        pack.profile_defaults(chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap()),
    )
    .unwrap();
    let report = report::build(&pack, &profile, &engine::explain(&pack, &profile));
    assert_eq!(report.status, report::Status::Covered);

    // (provision, [(rule that must apply, words its summary must contain)])
    type Provision<'a> = (&'a str, &'a [(&'a str, &'a [&'a str])]);
    let provisions: [Provision<'_>; 10] = [
        (
            "registration-free stay of 30 days",
            &[(
                "eaeu.registration-exemption",
                &["do not have to register", "30 days"],
            )],
        ),
        (
            "no work permit and no exam",
            &[("eaeu.work-permit-exemption", &["no permit to work", "exam"])],
        ),
        (
            "no quotas",
            &[("eaeu.labour-market-access", &["without quotas"])],
        ),
        (
            "stay for the contract term, residence permit for worker and family",
            &[
                (
                    "eaeu.stay-for-contract-term",
                    &["family members", "whole term of your employment"],
                ),
                (
                    "kz.temporary-residence-permit",
                    &[
                        "temporary residence permit",
                        "family members",
                        "contract term",
                    ],
                ),
            ],
        ),
        (
            "income tax on a par with residents",
            &[
                ("eaeu.tax-resident-rates", &["tax residents", "first day"]),
                ("kz.income-tax", &["resident rates"]),
            ],
        ),
        (
            "social insurance under Kazakh law",
            &[
                (
                    "kz.social-insurance",
                    &["social insurance", "Kazakh citizens"],
                ),
                ("eaeu.social-security-parity", &["same conditions"]),
            ],
        ),
        (
            "pensions under the 2021 agreement",
            &[
                ("eaeu.pension-agreement", &["pension", "2021"]),
                ("kz.pension-contributions", &["pension contributions"]),
            ],
        ),
        (
            "pre-school for children",
            &[("eaeu.children-education", &["pre-school"])],
        ),
        (
            "free emergency medical care",
            &[(
                "eaeu.emergency-medical-care",
                &["emergency", "free of charge", "insurance policy"],
            )],
        ),
        (
            "pension savings pass to heirs",
            &[("kz.pension-savings-inheritance", &["pension", "heirs"])],
        ),
    ];
    for (provision, rules) in provisions {
        for (rule, words) in rules {
            let finding = report
                .findings
                .iter()
                .find(|f| f.rule == *rule)
                .unwrap_or_else(|| panic!("{provision}: no finding for {rule}"));
            assert_eq!(
                finding.outcome,
                Outcome::Applies,
                "{provision}: {rule} does not apply: {:?}",
                finding.because
            );
            let summary = finding.summary.to_lowercase();
            for word in *words {
                assert!(
                    summary.contains(&word.to_lowercase()),
                    "{provision}: the summary of {rule} lacks {word:?}: {}",
                    finding.summary
                );
            }
        }
    }
    // The detailed text a caseworker reads carries them too.
    let text = report::text::render_as(&report, false, report::Lang::En, true);
    for rule in [
        "eaeu.registration-exemption",
        "eaeu.work-permit-exemption",
        "eaeu.labour-market-access",
        "kz.temporary-residence-permit",
        "kz.income-tax",
        "kz.social-insurance",
        "eaeu.pension-agreement",
        "eaeu.children-education",
        "eaeu.emergency-medical-care",
        "kz.pension-savings-inheritance",
    ] {
        assert!(
            text.contains(&format!("[{rule}]")),
            "{rule} not in:\n{text}"
        );
    }
}

/// docs/provisions.md lists every rule, and its example case is a real,
/// passing case.
#[test]
fn provisions_doc_lists_every_rule_and_its_example_case_passes() {
    let doc = std::fs::read_to_string("docs/provisions.md").unwrap();
    let pack = rules::embedded_pack().unwrap();
    for id in pack.rule_ids() {
        assert!(
            doc.contains(&format!("| `{id}` |")),
            "docs/provisions.md has no table row for {id}"
        );
    }
    let example = doc
        .split("```json")
        .map(|block| block.split("```").next().unwrap_or_default())
        .find(|block| block.contains("\"expect\""))
        .expect("an example case in docs/provisions.md");
    let cases =
        cases::parse("docs/provisions.md", example, &pack).unwrap_or_else(|e| panic!("{e}"));
    let results = cases::run(&pack, &cases);
    assert!(results[0].passed(), "{:?}", results[0].failures);
}

/// The provision tables of the README and docs/provisions.md state every
/// rule's confidence as the pack does: a table that drifts from the pack
/// would tell a caseworker a point is verified when it is not.
#[test]
fn provision_tables_state_each_rules_confidence() {
    let mut confidence = std::collections::BTreeMap::new();
    for file in rules::embedded_files() {
        let module: serde_json::Value = serde_json::from_str(&file.text).unwrap();
        for rule in module["rules"].as_array().into_iter().flatten() {
            let words = rule["confidence"].as_str().unwrap().replace('_', " ");
            confidence.insert(rule["id"].as_str().unwrap().to_owned(), words);
        }
    }
    for doc in ["README.md", "docs/provisions.md"] {
        let text = std::fs::read_to_string(doc).unwrap();
        for (id, words) in &confidence {
            let row = text
                .lines()
                .find(|l| l.starts_with(&format!("| `{id}` |")))
                .unwrap_or_else(|| panic!("{doc} has no table row for {id}"));
            let cells: Vec<&str> = row.split('|').map(str::trim).collect();
            assert!(
                cells.contains(&words.as_str()),
                "{doc}: {id} is {words} in the pack: {row}"
            );
        }
    }
}
