//! Property tests over generated valid profiles against the embedded pack:
//! determinism, knowledge monotonicity, justified findings, real dates.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use eaeu_rights::country::Country;
use eaeu_rights::engine::{self, Outcome, RulePack, Truth};
use eaeu_rights::profile::{
    Assumed, Contract, ContractKind, FamilyMember, Relation, WorkerProfile,
};
use proptest::prelude::*;

fn pack() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| eaeu_rights::rules::embedded_pack().unwrap())
}

fn day(offset: i64) -> NaiveDate {
    eaeu_rights::dates::add_days(NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(), offset).unwrap()
}

fn before(d: NaiveDate, back: i64) -> NaiveDate {
    eaeu_rights::dates::add_days(d, -back).unwrap()
}

fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(vec![
        "KZ", "KG", "RU", "BY", "AM", "UZ", "TJ", "MD", "CU", "IR", "TM", "CN", "DE",
    ])
    .prop_map(|c| c.parse::<Country>().unwrap())
}

fn countries(max: usize) -> impl Strategy<Value = Vec<Country>> {
    prop::collection::vec(country(), 0..=max).prop_map(|mut v| {
        v.dedup();
        let mut out = Vec::new();
        for c in v {
            if !out.contains(&c) {
                out.push(c);
            }
        }
        out
    })
}

/// A profile with every fact the rules read known.
fn full_profile() -> impl Strategy<Value = WorkerProfile> {
    let as_of = 0i64..5478; // 2014-01-01 to 2028-12-31
    let facts = (
        countries(3),
        prop_oneof![8 => Just("KZ"), 1 => Just("RU"), 1 => Just("KG"), 1 => Just("UZ")],
        prop_oneof![0i64..120, 0i64..1500],
        prop::sample::select(vec![
            ContractKind::Employment,
            ContractKind::CivilLaw,
            ContractKind::None,
        ]),
        -400i64..400,
        prop::option::of(0i64..900),
        prop::option::of(0i64..400),
    );
    let more = (
        prop::sample::select(vec![
            "construction",
            "pedagogical",
            "legal",
            "medical",
            "pharmaceutical",
        ]),
        any::<bool>(),
        prop::bool::weighted(0.1),
        prop::collection::vec(
            (
                prop::sample::select(Relation::ALL.to_vec()),
                0i64..11000,
                countries(2),
            ),
            0..4,
        ),
    );
    (as_of, facts, more).prop_map(
        |(as_of, (cit, host, entry_back, kind, start_off, end_len, term_off), more)| {
            let (occupation, registered, permanent_resident, family) = more;
            let as_of = day(as_of);
            let start = eaeu_rights::dates::add_days(as_of, start_off).unwrap();
            let end = end_len.map(|n| eaeu_rights::dates::add_days(start, n).unwrap());
            // Termination: between start and end, not after as_of.
            let terminated_on = term_off.and_then(|t| {
                let last = end.map_or(as_of, |e| e.min(as_of));
                let t = eaeu_rights::dates::add_days(start, t).unwrap().min(last);
                (t >= start).then_some(t)
            });
            WorkerProfile {
                id: None,
                citizenship: cit,
                host: host.parse().unwrap(),
                entry_date: Some(before(as_of, entry_back)),
                as_of,
                contract: Contract {
                    kind: Some(kind),
                    start: Some(start),
                    end: Some(end),
                    terminated_on,
                },
                occupation: Some(occupation.to_owned()),
                registered: Some(registered),
                permanent_resident,
                family: Some(
                    family
                        .into_iter()
                        .map(|(r, back, c)| FamilyMember {
                            relation: Some(r),
                            birth_date: Some(before(as_of, back)),
                            citizenship: Some(c),
                        })
                        .collect(),
                ),
                assumed: Assumed::default(),
            }
        },
    )
}

/// The facts a profile may leave unknown, each a way to forget it.
const FACTS: usize = 11;

/// Forgets fact `i` (for family members: of every member).
fn forget(p: &mut WorkerProfile, i: usize) {
    match i {
        0 => p.entry_date = None,
        1 => p.contract.kind = None,
        2 => {
            p.contract.start = None;
        }
        3 => p.contract.end = None,
        4 => p.occupation = None,
        5 => p.registered = None,
        6 => p.family = None,
        7 => forget_members(p, |m| m.birth_date = None),
        8 => forget_members(p, |m| m.relation = None),
        9 => forget_members(p, |m| m.citizenship = None),
        _ => {
            // One member's birth date only.
            if let Some(m) = p.family.as_mut().and_then(|f| f.first_mut()) {
                m.birth_date = None;
            }
        }
    }
}

fn forget_members(p: &mut WorkerProfile, f: impl Fn(&mut FamilyMember)) {
    if let Some(family) = p.family.as_mut() {
        family.iter_mut().for_each(f);
    }
}

fn fact_name(i: usize) -> &'static str {
    [
        "entry_date",
        "contract.kind",
        "contract.start",
        "contract.end",
        "occupation",
        "registered",
        "family",
        "family[*].birth_date",
        "family[*].relation",
        "family[*].citizenship",
        "family[0].birth_date",
    ][i]
}

/// The profile with the facts in `mask` forgotten.
fn partial(full: &WorkerProfile, mask: u16) -> WorkerProfile {
    let mut p = full.clone();
    for i in 0..FACTS {
        if mask & (1 << i) != 0 {
            forget(&mut p, i);
        }
    }
    p
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

/// Every profile date, for the bounded-distance check on computed dates.
fn profile_dates(p: &WorkerProfile) -> Vec<NaiveDate> {
    let mut out = vec![p.as_of];
    out.extend(p.entry_date);
    out.extend(p.contract.start);
    out.extend(p.contract.end.flatten());
    out.extend(p.contract.terminated_on);
    for m in p.family.iter().flatten() {
        out.extend(m.birth_date);
    }
    out
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
        prop_assert_eq!(&engine::explain(pack(), &q), &first);
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
