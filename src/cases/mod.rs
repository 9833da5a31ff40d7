//! Lawyer-writable test cases: a worker profile and what its report must
//! say, in JSON files a lawyer can read and extend (in the spirit of
//! OpenFisca's YAML tests and `opa test`).
//!
//! A case file holds one case object or an array of them:
//!
//! ```json
//! {
//!   "name": "KG builder on day 30 after entry: still exempt",
//!   "description": "why this case matters, in a sentence or two",
//!   "profile": { "citizenship": "KG", "entry_date": "2026-03-01", "as_of": "2026-03-30" },
//!   "expect": {
//!     "status": "covered",
//!     "outcomes": { "eaeu.registration-exemption": "applies" },
//!     "dates": { "eaeu.registration-exemption": { "until": "2026-03-30" } },
//!     "missing": { "eaeu.children-education": ["family"] },
//!     "because_contains": { "status": ["Kyrgyzstan"] },
//!     "summary_contains": { "eaeu.registration-exemption": ["30 days"] },
//!     "met": { "eaeu.registration-required": true }
//!   }
//! }
//! ```
//!
//! Cases are checked against the pack when they load (every rule id and date
//! name must exist, the profile must be valid and give `as_of`), so a typo is
//! an error with file, line and column, never a silently passing case. The
//! runner evaluates each profile through the same path as `check` (the
//! explained evaluation and the report model), so a case tests what a user
//! reads. Nothing here prints.

mod check;
mod read;

use crate::diagnostic::Diagnostic;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use chrono::NaiveDate;

use crate::engine::{self, Outcome, RulePack};
use crate::locate::{JsonPath, LineCol, Locator};
use crate::profile::WorkerProfile;
use crate::report::{self, Status};
use crate::rules::{
    collect_json, io_error, not_utf8, read_capped, size_error, Capped, PackError, PackErrors,
};
use check::failures;
use read::Reader;

/// A problem in a case file: file, line and column, JSON path, what was
/// expected. Case files are JSON documents a person wrote, like rule files,
/// so they share the error type.
pub type CaseError = PackError;
/// Every problem found in a set of case files.
pub type CaseErrors = PackErrors;

/// The subject `because_contains` uses for the report's status reasons.
pub const STATUS_SUBJECT: &str = "status";

/// The largest case file read, in bytes: 20,000 cases of about 900 bytes
/// each fit. The file is held as a JSON value while it is checked, which
/// takes several times its size.
pub const MAX_CASE_FILE_BYTES: usize = 32 << 20;

/// One test case, checked against the pack it will run on.
#[derive(Debug, Clone)]
pub struct Case {
    /// The file the case came from, as it was found.
    pub file: String,
    /// Where the case starts in its file.
    pub location: Option<LineCol>,
    /// The case's name, unique across a run.
    pub name: String,
    /// What the case is about, for a human reader.
    pub description: Option<String>,
    /// The validated profile.
    pub profile: WorkerProfile,
    /// What the report must say.
    pub expect: Expect,
}

/// The expectations of a case; every list is in rule-id order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    /// The report's status.
    pub status: Option<Status>,
    /// Outcome per rule id.
    pub outcomes: Vec<(String, Outcome)>,
    /// (rule id, date name, date): `None` expects the date to be absent.
    pub dates: Vec<(String, String, Option<NaiveDate>)>,
    /// Missing facts per rule id, compared as a set.
    pub missing: Vec<(String, Vec<String>)>,
    /// Texts that must appear (case-insensitively) in a rule's `because`, or
    /// in the status reasons under [`STATUS_SUBJECT`].
    pub because_contains: Vec<(String, Vec<String>)>,
    /// Texts that must appear (case-insensitively) in a rule's summary.
    pub summary_contains: Vec<(String, Vec<String>)>,
    /// Whether an applying obligation is marked met (`None`: not marked).
    pub met: Vec<(String, Option<bool>)>,
}

/// What an expectation was about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    /// The report's status.
    Status,
    /// A rule's outcome.
    Outcome,
    /// One of a rule's dates, by name.
    Date(String),
    /// A rule's missing facts.
    Missing,
    /// A text in a rule's `because` (or the status reasons).
    Because,
    /// A text in a rule's summary.
    Summary,
    /// Whether an obligation is marked met.
    Met,
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Check::Status => f.write_str("status"),
            Check::Outcome => f.write_str("outcome"),
            Check::Date(name) => write!(f, "date `{name}`"),
            Check::Missing => f.write_str("missing facts"),
            Check::Because => f.write_str("because"),
            Check::Summary => f.write_str("summary"),
            Check::Met => f.write_str("met"),
        }
    }
}

/// One expectation that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The rule id, or `status`.
    pub subject: String,
    /// What was checked.
    pub check: Check,
    /// What the case expected, in words.
    pub expected: String,
    /// What the report said, in words.
    pub actual: String,
    /// The actual `because` of the rule (or the status reasons).
    pub because: Vec<String>,
}

/// The result of one case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseResult {
    /// The case's file.
    pub file: String,
    /// The case's name.
    pub name: String,
    /// Every expectation that did not hold; empty when the case passed.
    pub failures: Vec<Failure>,
}

impl CaseResult {
    /// Whether every expectation held.
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

/// How often the cases exercise one rule, by actual outcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleCoverage {
    /// The rule id.
    pub rule: String,
    /// Cases in which the rule applies.
    pub applies: usize,
    /// Cases in which the rule is in force and its conditions do not hold.
    pub does_not_apply: usize,
    /// Cases in which a missing fact leaves the rule undetermined.
    pub undetermined: usize,
    /// Cases assessed on a date the rule is not in force, or in years whose
    /// law the pack does not encode (not counted as does_not_apply: its
    /// conditions were never looked at).
    pub not_in_force: usize,
}

impl RuleCoverage {
    /// The outcomes no case shows yet, of the two every rule needs.
    pub fn gaps(&self) -> Vec<&'static str> {
        let mut gaps = Vec::new();
        if self.applies == 0 {
            gaps.push("applies");
        }
        if self.does_not_apply == 0 {
            gaps.push("does_not_apply");
        }
        gaps
    }
}

mod embedded_files {
    include!(concat!(env!("OUT_DIR"), "/embedded_cases.rs"));
}

/// How an embedded case file is named in output: not a path to read, so
/// that nobody looks for it in the current directory.
pub const EMBEDDED_PREFIX: &str = "<embedded>/";

/// The case files written for the embedded pack (`tests/cases/`), as
/// embedded at build time: `test` and `rules coverage` run them when no
/// case path is given, from any directory.
pub fn embedded(pack: &RulePack) -> Result<Vec<Case>, CaseErrors> {
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for (path, text) in embedded_files::FILES {
        match parse(&format!("{EMBEDDED_PREFIX}{path}"), text, pack) {
            Ok(found) => cases.extend(found),
            Err(e) => errors.extend(e.0),
        }
    }
    errors.extend(duplicate_names(&cases));
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(PackErrors(errors))
    }
}

/// Loads every case below `path` (a case file, or a directory searched
/// recursively for `*.json`, in sorted order), checked against `pack`.
pub fn load(path: &Path, pack: &RulePack) -> Result<Vec<Case>, CaseErrors> {
    let files = if path.is_dir() {
        let mut files = Vec::new();
        collect_json(path, &mut files).map_err(|e| io_error(path, &e))?;
        files.sort();
        if files.is_empty() {
            return Err(one_error(
                path.display().to_string(),
                "no `*.json` case files in this directory".to_owned(),
            ));
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let name = file.display().to_string();
        match read_capped(&file, MAX_CASE_FILE_BYTES) {
            Ok(Capped::Whole(bytes)) => match String::from_utf8(bytes) {
                Ok(text) => match parse(&name, &text, pack) {
                    Ok(found) => cases.extend(found),
                    Err(e) => errors.extend(e.0),
                },
                Err(e) => errors.push(not_utf8(name, e.as_bytes(), e.utf8_error())),
            },
            Ok(Capped::TooLarge) => errors.push(size_error(
                name,
                format!("the file is larger than {MAX_CASE_FILE_BYTES} bytes (32 MiB), the most a case file may be: split it into several files"),
            )),
            Err(e) => errors.extend(io_error(&file, &e).0),
        }
    }
    errors.extend(duplicate_names(&cases));
    if errors.is_empty() {
        Ok(cases)
    } else {
        Err(PackErrors(errors))
    }
}

/// Parses the cases of one file's text; `file` names it in errors.
pub fn parse(file: &str, text: &str, pack: &RulePack) -> Result<Vec<Case>, CaseErrors> {
    // The strict reader, as for profiles and rules: a key written twice
    // (two `status`es) is an error, not the last one silently winning.
    let value: serde_json::Value = crate::json::parse_strict(text).map_err(|e| {
        PackErrors(vec![Diagnostic::text(
            file.to_owned(),
            e.location,
            e.path,
            e.message,
            None,
        )])
    })?;
    let items: Vec<(JsonPath, serde_json::Value)> = match value {
        serde_json::Value::Array(items) if items.is_empty() => {
            return Err(one_error(
                file.to_owned(),
                "the array holds no cases".to_owned(),
            ))
        }
        serde_json::Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (JsonPath::root().index(i), v))
            .collect(),
        v @ serde_json::Value::Object(_) => vec![(JsonPath::root(), v)],
        _ => {
            return Err(one_error(
                file.to_owned(),
                "expected a case object or an array of case objects".to_owned(),
            ))
        }
    };
    let mut reader = Reader {
        file,
        locator: Locator::new(text),
        pack,
        errors: Vec::new(),
    };
    let cases: Vec<Case> = items
        .into_iter()
        .filter_map(|(at, v)| reader.case(at, v))
        .collect();
    if reader.errors.is_empty() {
        Ok(cases)
    } else {
        Err(PackErrors(reader.errors))
    }
}

/// Runs every case; results are in the cases' order.
pub fn run(pack: &RulePack, cases: &[Case]) -> Vec<CaseResult> {
    cases.iter().map(|case| run_case(pack, case)).collect()
}

/// Runs one case.
pub fn run_case(pack: &RulePack, case: &Case) -> CaseResult {
    let evaluation = engine::explain(pack, &case.profile);
    let report = report::build(pack, &case.profile, &evaluation);
    CaseResult {
        file: case.file.clone(),
        name: case.name.clone(),
        failures: failures(&report, &case.expect),
    }
}

/// Counts, for every rule of the pack, the actual outcomes over all cases.
pub fn coverage(pack: &RulePack, cases: &[Case]) -> Vec<RuleCoverage> {
    let mut counts: Vec<RuleCoverage> = pack
        .rules
        .iter()
        .map(|r| RuleCoverage {
            rule: r.id.clone(),
            applies: 0,
            does_not_apply: 0,
            undetermined: 0,
            not_in_force: 0,
        })
        .collect();
    // Outcomes only: the fast path is enough, with one decider for all cases.
    let mut decider = engine::Decider::new(pack);
    for case in cases {
        let decision = decider.decide(&case.profile);
        for ((rule, outcome), count) in pack.rules.iter().zip(decision.outcomes()).zip(&mut counts)
        {
            match outcome {
                _ if !rule.in_force_on(case.profile.as_of) => count.not_in_force += 1,
                Outcome::NotAssessed => count.not_in_force += 1,
                Outcome::Applies => count.applies += 1,
                Outcome::DoesNotApply => count.does_not_apply += 1,
                Outcome::Undetermined => count.undetermined += 1,
            }
        }
    }
    counts
}

/// Case names must be unique, so a result line names one case.
fn duplicate_names(cases: &[Case]) -> Vec<CaseError> {
    let mut first: HashMap<&str, &Case> = HashMap::new();
    let mut errors = Vec::new();
    for case in cases {
        match first.get(case.name.as_str()) {
            Some(prev) => errors.push(Diagnostic::text(
                case.file.clone(),
                case.location,
                JsonPath::root(),
                format!("duplicate case name `{}`", case.name),
                Some(format!(
                    "the first is in {}{}",
                    prev.file,
                    prev.location
                        .map_or_else(String::new, |l| format!(":{}:{}", l.line, l.column))
                )),
            )),
            None => {
                first.insert(&case.name, case);
            }
        }
    }
    errors
}

fn one_error(file: String, message: String) -> CaseErrors {
    PackErrors(vec![Diagnostic::text(
        file,
        None,
        JsonPath::root(),
        message,
        None,
    )])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> RulePack {
        crate::rules::embedded_pack().unwrap()
    }

    const PASSING: &str = r#"{
  "name": "KG builder on day 30",
  "profile": {"citizenship": "KG", "entry_date": "2026-03-01", "as_of": "2026-03-30",
              "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}},
  "expect": {
    "status": "covered",
    "outcomes": {"eaeu.registration-exemption": "applies"},
    "dates": {"eaeu.registration-exemption": {"until": "2026-03-30"},
              "eaeu.new-contract-window": {"deadline": null}},
    "because_contains": {"status": ["kyrgyzstan"]},
    "summary_contains": {"eaeu.registration-exemption": ["30 days"]}
  }
}"#;

    #[test]
    fn a_true_case_passes() {
        let pack = pack();
        let cases = parse("a.json", PASSING, &pack).unwrap();
        let results = run(&pack, &cases);
        assert!(results[0].passed(), "{:?}", results[0].failures);
    }

    #[test]
    fn a_wrong_expectation_fails_with_the_actual_because() {
        let pack = pack();
        let text = PASSING
            .replace("\"applies\"", "\"does_not_apply\"")
            .replace("2026-03-30\"}", "2026-03-31\"}");
        let cases = parse("a.json", &text, &pack).unwrap();
        let failures = &run(&pack, &cases)[0].failures;
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert_eq!(failures[0].check, Check::Outcome);
        assert_eq!(failures[0].expected, "does_not_apply");
        assert_eq!(failures[0].actual, "applies");
        assert!(failures[0]
            .because
            .iter()
            .any(|b| b.contains("registration-free period")));
        assert_eq!(failures[1].check, Check::Date("until".to_owned()));
        assert_eq!(failures[1].actual, "2026-03-30");
    }

    #[test]
    fn unknown_rules_dates_and_keys_are_located_errors() {
        let pack = pack();
        let text = PASSING
            .replace(
                "\"eaeu.registration-exemption\": \"applies\"",
                "\"eaeu.registration-exemptoin\": \"applies\"",
            )
            .replace("\"deadline\": null", "\"until\": null");
        let e = parse("a.json", &text, &pack).unwrap_err();
        let shown = e.to_string();
        assert!(shown.contains("a.json:7:"), "{shown}");
        assert!(
            shown.contains("no rule has the id `eaeu.registration-exemptoin`"),
            "{shown}"
        );
        assert!(
            shown.contains("did you mean `eaeu.registration-exemption`?"),
            "{shown}"
        );
        assert!(
            shown.contains(
                "rule `eaeu.new-contract-window` has no date `until`: its dates are deadline"
            ),
            "{shown}"
        );

        let e = parse(
            "b.json",
            "{\"name\": \"x\", \"profile\": {}, \"expct\": {}}",
            &pack,
        )
        .unwrap_err();
        assert!(e.to_string().contains("unknown key `expct`"), "{e}");

        // A value of the wrong kind is said in plain words, not in serde's
        // ("invalid type: sequence"): found by the case_file fuzz target.
        let e = parse(
            "c.json",
            r#"{"name": "x", "profile": {"citizenship": "KG"}, "expect": {"outcomes": {"eaeu.work-permit-exemption": ["applies"]}}}"#,
            &pack,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains("expected a string, found an array"), "{e}");
        assert!(!e.contains("sequence"), "{e}");
    }

    #[test]
    fn profiles_need_as_of_and_are_validated_in_place() {
        let pack = pack();
        let text = "[\n{\"name\": \"a\", \"profile\": {\"citizenship\": \"KG\"}, \"expect\": {\"status\": \"covered\"}},\n{\"name\": \"b\", \"profile\": {\"citizenship\": \"XX\", \"as_of\": \"2026-01-01\"}, \"expect\": {\"status\": \"covered\"}}\n]";
        let e = parse("c.json", text, &pack).unwrap_err();
        assert_eq!(e.0.len(), 2, "{e}");
        assert!(e.0[0].message.to_string().contains("needs `as_of`"), "{e}");
        assert_eq!(e.0[1].path.to_string(), "[1].profile.citizenship[0]");
        assert_eq!(e.0[1].location.map(|l| l.line), Some(3));
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = parse("d.json", "{\n  \"name\": \"x\",,\n}", &pack()).unwrap_err();
        assert_eq!(e.0[0].location.map(|l| l.line), Some(2), "{e}");
    }

    #[test]
    fn coverage_counts_outcomes_and_not_in_force_apart() {
        let pack = pack();
        let cases = parse("a.json", PASSING, &pack).unwrap();
        let cov = coverage(&pack, &cases);
        let online = cov
            .iter()
            .find(|c| c.rule == "kz.registration-online")
            .unwrap();
        // Dated by the entry: in force whatever the assessment date, and an
        // entry before 2026-07-01 does not fall under it.
        assert_eq!((online.not_in_force, online.does_not_apply), (0, 1));
        let income_tax = cov.iter().find(|c| c.rule == "kz.income-tax").unwrap();
        assert_eq!((income_tax.not_in_force, income_tax.applies), (0, 1));
        let host = cov
            .iter()
            .find(|c| c.rule == "kz.host-notification")
            .unwrap();
        assert_eq!(host.applies, 1);
        let exempt = cov
            .iter()
            .find(|c| c.rule == "eaeu.registration-exemption")
            .unwrap();
        assert_eq!(exempt.applies, 1);
        assert_eq!(exempt.gaps(), vec!["does_not_apply"]);
    }
}
