//! Property tests over generated valid profiles against the embedded pack:
//! determinism, knowledge monotonicity, justified findings, real dates.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::OnceLock;

use eaeu_rights::engine::{self, Outcome, RulePack, Truth};
use eaeu_rights::profile::WorkerProfile;
use proptest::prelude::*;

mod generators;
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
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256)
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
            let back = WorkerProfile::from_json(&json, q.as_of);
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
        assert_monotone(&less, &one_more)?;
        let _ = fact_name(fill);
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

/// Names of the facts, for messages (keeps the table next to `forget`).
#[test]
fn every_fact_has_a_name() {
    for i in 0..FACTS {
        assert!(!fact_name(i).is_empty());
    }
}
