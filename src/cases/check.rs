//! A case's expectations against the report its profile gets: each
//! difference is a failure saying what was expected and what was found.

use chrono::NaiveDate;

use super::{Check, Expect, Failure, STATUS_SUBJECT};
use crate::report::Report;

pub(super) fn failures(report: &Report, expect: &Expect) -> Vec<Failure> {
    let mut out = Vec::new();
    let finding = |rule: &str| report.findings.iter().find(|f| f.rule == rule);
    // The reasons a subject (a rule, or the status) was given.
    let reasons = |subject: &str| -> &[String] {
        if subject == STATUS_SUBJECT {
            &report.status_reasons
        } else {
            finding(subject).map_or(&[], |f| f.because.as_slice())
        }
    };
    let mut fail = |subject: &str, check: Check, expected: String, actual: String| {
        out.push(Failure {
            subject: subject.to_owned(),
            check,
            expected,
            actual,
            because: reasons(subject).to_vec(),
        });
    };
    if let Some(status) = expect.status.filter(|s| *s != report.status) {
        fail(
            STATUS_SUBJECT,
            Check::Status,
            status.as_str().to_owned(),
            report.status.as_str().to_owned(),
        );
    }
    for (rule, want) in &expect.outcomes {
        match finding(rule) {
            Some(f) if f.outcome == *want => {}
            Some(f) => fail(
                rule,
                Check::Outcome,
                want.as_str().to_owned(),
                f.outcome.as_str().to_owned(),
            ),
            None => fail(
                rule,
                Check::Outcome,
                want.as_str().to_owned(),
                "no finding".to_owned(),
            ),
        }
    }
    for (rule, name, want) in &expect.dates {
        let got = finding(rule).and_then(|f| f.dates.get(name).copied());
        if got != *want {
            fail(
                rule,
                Check::Date(name.clone()),
                show_date(*want),
                show_date(got),
            );
        }
    }
    for (rule, want) in &expect.missing {
        let mut got = finding(rule).map(|f| f.missing.clone()).unwrap_or_default();
        got.sort();
        let mut want = want.clone();
        want.sort();
        if got != want {
            fail(rule, Check::Missing, show_list(&want), show_list(&got));
        }
    }
    for (rule, texts) in &expect.because_contains {
        for text in texts {
            if !reasons(rule).iter().any(|b| contains(b, text)) {
                fail(
                    rule,
                    Check::Because,
                    format!("a reason containing {text:?}"),
                    "no such reason".to_owned(),
                );
            }
        }
    }
    for (rule, want) in &expect.met {
        let got = finding(rule).and_then(|f| f.met);
        if got != *want {
            let show = |m: Option<bool>| match m {
                Some(true) => "met".to_owned(),
                Some(false) => "not met".to_owned(),
                None => "not marked".to_owned(),
            };
            fail(rule, Check::Met, show(*want), show(got));
        }
    }
    for (rule, texts) in &expect.summary_contains {
        let summary = finding(rule).map_or("", |f| f.summary.as_str());
        for text in texts {
            if !contains(summary, text) {
                fail(
                    rule,
                    Check::Summary,
                    format!("a summary containing {text:?}"),
                    format!("{summary:?}"),
                );
            }
        }
    }
    out
}

pub(super) fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
}

pub(super) fn show_date(d: Option<NaiveDate>) -> String {
    d.map_or_else(|| "no date".to_owned(), |d| d.to_string())
}

pub(super) fn show_list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}
