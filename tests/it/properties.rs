//! Property tests over generated valid profiles against the embedded pack:
//! determinism, knowledge monotonicity, justified findings, real dates.

use std::sync::OnceLock;

use eaeu_rights::engine::{self, Outcome, RulePack, Truth};
use eaeu_rights::profile::WorkerProfile;
use proptest::prelude::*;

use crate::generators;
use generators::*;

fn pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| eaeu_rights::rules::embedded_pack().unwrap())
}

/// Every outcome decided with less knowledge stays the same with more.
fn assert_monotone(less: &WorkerProfile, more: &WorkerProfile) -> Result<(), TestCaseError> {
    let a = engine::decide(pack(), less);
    let b = engine::decide(pack(), more);
    if a.status != Truth::Unknown {
        prop_assert_eq!(
            a.status,
            b.status,
            "status flipped:\n  less: {}\n  more: {}",
            less.to_json(),
            more.to_json()
        );
    }
    let ids: Vec<&str> = pack().rule_ids().collect();
    for ((ra, rb), id) in a.results.iter().zip(&b.results).zip(ids) {
        // Not assessed (the law of that time is not encoded) is no decision
        // either: a fact may still rule the person out of the rule.
        if ra.outcome == Outcome::NotAssessed {
            prop_assert!(
                matches!(rb.outcome, Outcome::NotAssessed | Outcome::DoesNotApply),
                "{} not assessed became {:?}:\n  less: {}\n  more: {}",
                id,
                rb.outcome,
                less.to_json(),
                more.to_json()
            );
        } else if ra.outcome != Outcome::Undetermined {
            prop_assert_eq!(
                ra.outcome,
                rb.outcome,
                "{} flipped:\n  less: {}\n  more: {}",
                id,
                less.to_json(),
                more.to_json()
            );
        }
    }
    Ok(())
}

fn cases() -> u32 {
    crate::common::proptest_cases(256)
}

/// How far a computed date may lie from the profile date it derives from:
/// the longest period in the pack is a year (the temporary residence
/// permit, at most 364 days after a profile date). A rule that adds a longer
/// period should raise this on purpose.
const MAX_DISTANCE_DAYS: i64 = 366;

proptest! {
    // 256 cases keep `cargo test` fast; PROPTEST_CASES=100000 searches harder.
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn generated_profiles_are_valid(p in full_profile(), mask in 0u16..(1 << FACTS)) {
        for q in [&p, &partial(&p, mask)] {
            let json = q.to_json();
            let back = WorkerProfile::from_json(&json, eaeu_rights::profile::Defaults::new(q.as_of, Some(eaeu_rights::country::Country::KZ)));
            prop_assert!(back.is_ok(), "{}: {}", json, back.unwrap_err());
        }
    }

    #[test]
    fn evaluation_is_deterministic(p in full_profile(), mask in 0u16..(1 << FACTS)) {
        let q = partial(&p, mask);
        let first = engine::explain(pack(), &q);
        // The same reasons, in the same words, every time.
        let again = engine::explain(pack(), &q);
        prop_assert_eq!(
            eaeu_rights::report::build(pack(), &q, &again),
            eaeu_rights::report::build(pack(), &q, &first)
        );
        let fast = engine::decide(pack(), &q);
        prop_assert_eq!(fast.status, first.status);
        for (f, e) in fast.results.iter().zip(&first.results) {
            prop_assert_eq!(f.outcome, e.outcome);
            prop_assert_eq!(&f.dates, &e.dates);
        }
        let a = serde_json::to_string(&eaeu_rights::report::build(pack(), &q, &first)).unwrap();
        let b = serde_json::to_string(&eaeu_rights::report::build(pack(), &q, &first)).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn knowing_more_never_flips_a_decided_outcome(
        p in full_profile(),
        mask in 0u16..(1 << FACTS),
        fill in 0usize..FACTS,
    ) {
        let less = partial(&p, mask);
        // Everything known, and the same profile with one forgotten fact restored.
        assert_monotone(&less, &p)?;
        let one_more = partial(&p, mask & !(1 << fill));
        assert_monotone(&less, &one_more).map_err(|e| {
            TestCaseError::fail(format!("learning {}: {e}", fact_name(fill)))
        })?;
    }

    #[test]
    fn applying_findings_are_justified(p in full_profile(), mask in 0u16..(1 << FACTS)) {
        let q = partial(&p, mask);
        let report = eaeu_rights::report::build(pack(), &q, &engine::explain(pack(), &q));
        for f in &report.findings {
            if f.outcome == Outcome::Applies {
                prop_assert!(!f.because.is_empty(), "{} applies without a reason: {}", f.rule, q.to_json());
                prop_assert!(!f.source.instrument.trim().is_empty(), "{} has no instrument", f.rule);
            }
        }
    }

    #[test]
    fn computed_dates_derive_from_profile_dates(p in full_profile(), mask in 0u16..(1 << FACTS)) {
        let q = partial(&p, mask);
        let report = eaeu_rights::report::build(pack(), &q, &engine::explain(pack(), &q));
        let known = profile_dates(&q);
        for f in &report.findings {
            if f.outcome != Outcome::Applies {
                prop_assert!(f.dates.is_empty(), "{} has dates but does not apply", f.rule);
            }
            for (name, d) in &f.dates {
                let nearest = known
                    .iter()
                    .map(|k| eaeu_rights::dates::days_between(*k, *d).abs())
                    .min()
                    .unwrap();
                prop_assert!(
                    nearest <= MAX_DISTANCE_DAYS,
                    "{}.dates.{} = {} is {} days from every profile date: {}",
                    f.rule, name, d, nearest, q.to_json()
                );
                prop_assert!(eaeu_rights::dates::parse_date(&d.to_string()).is_ok(), "{d}");
            }
        }
    }
}

/// The names of the facts, used in the monotonicity property's messages,
/// say what `forget` forgets: each names a path that is in a full profile's
/// JSON and gone once that fact is forgotten (a `[*]` path from every
/// member, `[0]` from the first only).
#[test]
fn every_fact_has_a_name() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    let full = WorkerProfile::from_json(
        r#"{"citizenship": ["KG"], "entry_date": "2026-03-01", "as_of": "2026-04-05",
            "occupation": "construction", "registered": true,
            "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"},
            "family": [
              {"relation": "child", "birth_date": "2022-05-01", "citizenship": ["KG"]},
              {"relation": "spouse", "birth_date": "1995-01-01", "citizenship": ["UZ"]}]}"#,
        eaeu_rights::profile::Defaults::new(today, Some(eaeu_rights::country::Country::KZ)),
    )
    .unwrap();
    let names: std::collections::HashSet<&str> = (0..FACTS).map(fact_name).collect();
    assert_eq!(names.len(), FACTS, "two facts share a name");
    for i in 0..FACTS {
        let name = fact_name(i);
        let before: serde_json::Value = serde_json::from_str(&full.to_json()).unwrap();
        assert!(
            present(&before, name).iter().all(|&p| p) && !present(&before, name).is_empty(),
            "{name}: not in a full profile"
        );
        let mut p = full.clone();
        forget(&mut p, i);
        let after: serde_json::Value = serde_json::from_str(&p.to_json()).unwrap();
        let left = present(&after, name);
        assert!(
            left.first() != Some(&true) && (name.contains("[0]") || !left.contains(&true)),
            "forgetting fact {i} leaves `{name}` in {}",
            p.to_json()
        );
    }
}

/// For a path like `family[*].birth_date`, whether each value it reaches
/// is there (not absent, not null).
fn present(v: &serde_json::Value, path: &str) -> Vec<bool> {
    let mut values = vec![Some(v)];
    for part in path.split('.') {
        let (key, index) = match part.split_once('[') {
            Some((k, rest)) => (k, Some(rest.trim_end_matches(']'))),
            None => (part, None),
        };
        values = values
            .into_iter()
            .map(|v| v.and_then(|v| v.get(key)).filter(|v| !v.is_null()))
            .collect();
        values = match index {
            None => values,
            Some("*") => values
                .into_iter()
                .flat_map(|v| match v.and_then(|v| v.as_array()) {
                    Some(items) => items.iter().map(Some).collect(),
                    None => vec![None],
                })
                .collect(),
            Some(n) => values
                .into_iter()
                .map(|v| v.and_then(|v| v.get(n.parse::<usize>().unwrap())))
                .collect(),
        };
    }
    values
        .iter()
        .map(|v| v.is_some_and(|v| !v.is_null()))
        .collect()
}
