//! Knowledge monotonicity, by property tests.
//!
//! Filling in an unknown fact never changes an outcome that was already
//! decided (`applies` or `does_not_apply`), nor a date already computed,
//! nor a decided status; and the fast path always agrees with the
//! explained one. Checked on the embedded pack with random profiles.

use std::sync::OnceLock;

use proptest::prelude::*;
use serde_json::{json, Value as Json};

use crate::engine::{decide, explain, Outcome, RulePack, Truth};
use crate::profile::WorkerProfile;

fn pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| crate::rules::embedded_pack().unwrap())
}

fn day(offset: i64) -> String {
    let base = chrono::NaiveDate::from_ymd_opt(2014, 12, 1).unwrap();
    crate::dates::add_days(base, offset).unwrap().to_string()
}

const CODES: [&str; 8] = ["KG", "RU", "KZ", "UZ", "AM", "BY", "TJ", "TM"];
const KINDS: [&str; 3] = ["employment", "civil_law", "none"];
const OCCUPATIONS: [&str; 5] = ["medical", "pedagogical", "legal", "construction", "retail"];
const RELATIONS: [&str; 3] = ["child", "spouse", "parent"];

prop_compose! {
    fn member(as_of: i64)(
        relation in 0..RELATIONS.len(),
        age_days in 0i64..25_000,
        citizenship in prop::sample::subsequence(&CODES[..3], 0..=2),
    ) -> Json {
        json!({
            "relation": RELATIONS[relation],
            "birth_date": day((as_of - age_days).max(0)),
            "citizenship": citizenship,
        })
    }
}

prop_compose! {
    /// A complete, consistent profile: every fact known.
    fn full_profile()(as_of in 0i64..4_500)(
        as_of in Just(as_of),
        citizenship in prop::sample::subsequence(&CODES[..], 0..=2),
        host_ru in prop::bool::weighted(0.15),
        entry_back in 0i64..400,
        start_shift in -30i64..60,
        length in prop::option::weighted(0.8, 0i64..800),
        terminate in prop::option::weighted(0.3, 0u32..1000),
        kind in 0..KINDS.len(),
        occupation in 0..OCCUPATIONS.len(),
        registered in any::<bool>(),
        permanent_resident in prop::bool::weighted(0.1),
        family in prop::collection::vec(member(as_of), 0..3),
    ) -> Json {
        let entry = (as_of - entry_back).max(0);
        let start = (entry + start_shift).max(0);
        let end = length.map(|l| start + l);
        // A termination between the start and the earlier of the end
        // and the assessment date, if that span exists.
        let last = end.map_or(as_of, |e| e.min(as_of));
        let terminated = terminate
            .filter(|_| last >= start)
            .map(|t| start + i64::from(t) % (last - start + 1));
        json!({
            "citizenship": citizenship,
            "host": if host_ru { "RU" } else { "KZ" },
            "entry_date": day(entry),
            "as_of": day(as_of),
            "contract": {
                "kind": KINDS[kind],
                "start": day(start),
                "end": end.map(day),
                "terminated_on": terminated.map(day),
            },
            "occupation": OCCUPATIONS[occupation],
            "registered": registered,
            "permanent_resident": permanent_resident,
            "family": family,
        })
    }
}

/// Removes the facts a mask selects: each becomes unknown. (`host`,
/// `as_of`, `terminated_on` and `permanent_resident` have defaults, so
/// removing them would change the facts, not forget them.)
fn forget(full: &Json, mask: &[bool]) -> Json {
    let mut p = full.clone();
    let top = ["entry_date", "occupation", "registered", "family"];
    for (i, key) in top.iter().enumerate() {
        if mask[i] {
            p.as_object_mut().unwrap().remove(*key);
        }
    }
    let contract = ["kind", "start", "end"];
    for (i, key) in contract.iter().enumerate() {
        if mask[top.len() + i] {
            p["contract"].as_object_mut().unwrap().remove(*key);
        }
    }
    let offset = top.len() + contract.len();
    if let Some(family) = p.get_mut("family").and_then(Json::as_array_mut) {
        for (m, member) in family.iter_mut().enumerate() {
            for (i, key) in ["relation", "birth_date", "citizenship"].iter().enumerate() {
                if mask[offset + 3 * m + i] {
                    member.as_object_mut().unwrap().remove(*key);
                }
            }
        }
    }
    p
}

fn parse(p: &Json) -> Option<WorkerProfile> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap();
    WorkerProfile::from_json(
        &p.to_string(),
        crate::profile::Defaults::new(today, Some(crate::country::Country::KZ)),
    )
    .ok()
}

fn decided(t: Truth) -> bool {
    t != Truth::Unknown
}

proptest! {
    #[test]
    fn adding_a_fact_never_flips_a_decided_outcome(
        full in full_profile(),
        mask in prop::collection::vec(any::<bool>(), 16),
    ) {
        let full_profile = parse(&full);
        prop_assume!(full_profile.is_some());
        let full_profile = full_profile.unwrap();
        let partial = forget(&full, &mask);
        let partial_profile = parse(&partial).expect("forgetting facts keeps a profile valid");

        let pack = pack();
        let known = explain(pack, &full_profile);
        let less = explain(pack, &partial_profile);
        if decided(less.status) {
            prop_assert_eq!(less.status, known.status, "status; partial {}", partial);
        }
        for ((rule, a), b) in pack.rule_ids().zip(&less.results).zip(&known.results) {
            // Not assessed is no decision either: a fact may still rule
            // the person out of the rule (does not apply).
            if a.outcome == Outcome::NotAssessed {
                prop_assert!(matches!(b.outcome, Outcome::NotAssessed | Outcome::DoesNotApply), "{} not assessed became {:?}", rule, b.outcome);
                continue;
            }
            if a.outcome != Outcome::Undetermined {
                prop_assert_eq!(a.outcome, b.outcome, "{} flipped; partial {}", rule, partial);
            }
            if a.outcome == Outcome::Applies {
                for (x, y) in a.dates.iter().zip(&b.dates) {
                    if x.is_some() {
                        prop_assert_eq!(x, y, "{} date changed; partial {}", rule, partial);
                    }
                }
            }
            if a.outcome == Outcome::DoesNotApply {
                prop_assert!(a.why.missing.is_empty(), "{} decided but missing facts", rule);
            } else if a.outcome == Outcome::Applies {
                // An applying rule lists missing facts only for a date it could not compute.
                prop_assert!(
                    a.why.missing.is_empty() || a.dates.iter().any(Option::is_none),
                    "{} applies with every date but lists missing facts", rule
                );
            } else {
                prop_assert!(!a.why.missing.is_empty(), "{} undetermined without a missing fact", rule);
            }
        }

        // The fast path agrees with the explained one.
        for (profile, explained) in [(&full_profile, &known), (&partial_profile, &less)] {
            let fast = decide(pack, profile);
            prop_assert_eq!(fast.status, explained.status);
            for (f, e) in fast.results.iter().zip(&explained.results) {
                prop_assert_eq!((f.outcome, &f.dates), (e.outcome, &e.dates));
            }
        }
    }
}
