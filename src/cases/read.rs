//! Case files read and checked against the pack they will run on: every
//! rule id, date name and field must exist, and the profile must be valid,
//! so a typo is an error with file, line and column.

use crate::diagnostic::Diagnostic;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use super::{Case, CaseError, Expect, STATUS_SUBJECT};
use crate::engine::{Outcome, RulePack};
use crate::locate::{JsonPath, Locator, Seg};
use crate::profile::{RawProfile, WorkerProfile};
use crate::report::Status;
use crate::rules::did_you_mean;

/// A case as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCase {
    name: String,
    #[serde(default)]
    description: Option<String>,
    profile: serde_json::Value,
    expect: RawExpect,
}

/// Expectations as written (maps keyed by rule id).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExpect {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    outcomes: BTreeMap<String, String>,
    #[serde(default)]
    dates: BTreeMap<String, BTreeMap<String, Option<String>>>,
    #[serde(default)]
    missing: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    because_contains: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    summary_contains: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    met: BTreeMap<String, Option<bool>>,
}

/// Checks the cases of one file, collecting every problem.
pub(super) struct Reader<'a> {
    pub(super) file: &'a str,
    /// Every case is located in the file, so the file is indexed once.
    pub(super) locator: Locator<'a>,
    pub(super) pack: &'a RulePack,
    pub(super) errors: Vec<CaseError>,
}

impl Reader<'_> {
    fn error(&mut self, path: JsonPath, message: String, help: Option<String>) {
        self.errors.push(Diagnostic::text(
            self.file.to_owned(),
            self.locator.locate(&path),
            path,
            message,
            help,
        ));
    }

    pub(super) fn case(&mut self, at: JsonPath, value: serde_json::Value) -> Option<Case> {
        let raw: RawCase = match serde_path_to_error::deserialize(value) {
            Ok(raw) => raw,
            Err(e) => {
                let path = join(&at, e.path());
                // In plain words, as profile and rule files say it: serde's
                // own ("invalid type: sequence") names Rust's types.
                let message = crate::json::plain_message(&e.into_inner().to_string());
                self.error(path, message, Some(CASE_HELP.to_owned()));
                return None;
            }
        };
        let errors_before = self.errors.len();
        let profile = self.profile(&at.key("profile"), raw.profile);
        let expect = self.expect(&at.key("expect"), raw.expect);
        if raw.name.trim().is_empty() {
            self.error(
                at.key("name"),
                "a case needs a non-empty `name`".to_owned(),
                None,
            );
        }
        let profile = profile?;
        if self.errors.len() != errors_before {
            return None;
        }
        Some(Case {
            file: self.file.to_owned(),
            location: self.locator.locate(&at),
            name: raw.name,
            description: raw.description,
            profile,
            expect,
        })
    }

    fn profile(&mut self, at: &JsonPath, value: serde_json::Value) -> Option<WorkerProfile> {
        let raw = match RawProfile::from_value(value) {
            Ok(raw) => raw,
            Err(e) => {
                self.profile_problems(at, e);
                return None;
            }
        };
        if raw.as_of.is_none() {
            self.error(
                at.clone(),
                "a case's profile needs `as_of`, so that the case gives the same result on any day"
                    .to_owned(),
                None,
            );
            return None;
        }
        // `as_of` is given, so the default date is never used.
        match raw.validate(self.pack.profile_defaults(NaiveDate::default())) {
            Ok(p) => Some(p),
            Err(e) => {
                self.profile_problems(at, e);
                None
            }
        }
    }

    fn profile_problems(&mut self, at: &JsonPath, e: crate::profile::InvalidProfile) {
        // The profile's own problems, placed in the case file: the same
        // diagnostic, with its message and help, at the profile's path.
        for mut p in e.problems {
            let mut path = at.clone();
            path.0.extend(p.path.0);
            p.file = Some(self.file.to_owned());
            p.location = self.locator.locate(&path);
            p.path = path;
            self.errors.push(p);
        }
    }

    fn rule_known(&mut self, at: JsonPath, rule: &str, status_allowed: bool) -> bool {
        if (status_allowed && rule == STATUS_SUBJECT) || self.pack.rule_ids().any(|id| id == rule) {
            return true;
        }
        let help = did_you_mean(rule, self.pack.rule_ids());
        self.error(at, format!("no rule has the id `{rule}`"), help);
        false
    }

    fn expect(&mut self, at: &JsonPath, raw: RawExpect) -> Expect {
        let mut expect = Expect::default();
        // A case that expects nothing passes whatever the rules say.
        let nothing = raw.status.is_none()
            && raw.outcomes.is_empty()
            && raw.dates.is_empty()
            && raw.missing.is_empty()
            && raw.because_contains.is_empty()
            && raw.summary_contains.is_empty()
            && raw.met.is_empty();
        if nothing {
            self.error(
                at.clone(),
                "the case expects nothing, so it could never fail".to_owned(),
                Some("give at least one of `status`, `outcomes`, `dates`, `missing`, `because_contains`, `summary_contains` or `met`".to_owned()),
            );
        }
        if let Some(s) = raw.status {
            match parse_status(&s) {
                Some(status) => expect.status = Some(status),
                None => self.error(
                    at.key("status"),
                    format!("`{s}` is not a status: expected `covered`, `not_covered` or `undetermined`"),
                    None,
                ),
            }
        }
        let outcomes_at = at.key("outcomes");
        for (rule, outcome) in raw.outcomes {
            let here = outcomes_at.key(&rule);
            if !self.rule_known(here.clone(), &rule, false) {
                continue;
            }
            match parse_outcome(&outcome) {
                Some(o) => expect.outcomes.push((rule, o)),
                None => self.error(
                    here,
                    format!("`{outcome}` is not an outcome: expected `applies`, `does_not_apply`, `undetermined` or `not_assessed`"),
                    None,
                ),
            }
        }
        let dates_at = at.key("dates");
        for (rule, dates) in raw.dates {
            let here = dates_at.key(&rule);
            if !self.rule_known(here.clone(), &rule, false) {
                continue;
            }
            let names: Vec<String> = self
                .pack
                .rules
                .iter()
                .find(|r| r.id == rule)
                .map(|r| r.dates.iter().map(|(n, _)| n.clone()).collect())
                .unwrap_or_default();
            for (name, date) in dates {
                let date_at = here.key(&name);
                if !names.contains(&name) {
                    let what = if names.is_empty() {
                        "it computes no dates".to_owned()
                    } else {
                        format!("its dates are {}", names.join(", "))
                    };
                    self.error(
                        date_at,
                        format!("rule `{rule}` has no date `{name}`: {what}"),
                        None,
                    );
                    continue;
                }
                match date.as_deref().map(crate::dates::parse_date) {
                    None => expect.dates.push((rule.clone(), name, None)),
                    Some(Ok(d)) => expect.dates.push((rule.clone(), name, Some(d))),
                    Some(Err(e)) => self.error(date_at, e.to_string(), None),
                }
            }
        }
        let missing_at = at.key("missing");
        for (rule, fields) in raw.missing {
            if self.rule_known(missing_at.key(&rule), &rule, false) {
                expect.missing.push((rule, fields));
            }
        }
        let because_at = at.key("because_contains");
        for (rule, texts) in raw.because_contains {
            if self.rule_known(because_at.key(&rule), &rule, true) {
                expect.because_contains.push((rule, texts));
            }
        }
        let summary_at = at.key("summary_contains");
        for (rule, texts) in raw.summary_contains {
            if self.rule_known(summary_at.key(&rule), &rule, false) {
                expect.summary_contains.push((rule, texts));
            }
        }
        let met_at = at.key("met");
        for (rule, met) in raw.met {
            if self.rule_known(met_at.key(&rule), &rule, false) {
                expect.met.push((rule, met));
            }
        }
        expect
    }
}

pub(super) const CASE_HELP: &str = "a case has `name`, `profile` and `expect`, and may have `description`; `expect` may have `status`, `outcomes`, `dates`, `missing`, `because_contains`, `summary_contains` and `met` (see docs/provisions.md)";

pub(super) fn parse_status(s: &str) -> Option<Status> {
    [Status::Covered, Status::NotCovered, Status::Undetermined]
        .into_iter()
        .find(|st| st.as_str() == s)
}

pub(super) fn parse_outcome(s: &str) -> Option<Outcome> {
    [
        Outcome::Applies,
        Outcome::DoesNotApply,
        Outcome::Undetermined,
        Outcome::NotAssessed,
    ]
    .into_iter()
    .find(|o| o.as_str() == s)
}

/// The path of a serde error inside the case at `base`.
pub(super) fn join(base: &JsonPath, path: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment;
    let mut out = base.clone();
    for s in path.iter() {
        match s {
            Segment::Seq { index } => out.0.push(Seg::Index(*index)),
            Segment::Map { key } => out.0.push(Seg::Key(key.clone())),
            Segment::Enum { variant } => out.0.push(Seg::Key(variant.clone())),
            Segment::Unknown => {}
        }
    }
    out
}
