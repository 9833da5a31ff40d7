//! Profile generators shared by the property tests: valid profiles with
//! every fact known, and the ways to forget facts from them.
#![allow(dead_code, reason = "each test file uses the part it needs")]

use chrono::NaiveDate;
use eaeu_rights::country::Country;
use eaeu_rights::dates::add_days;
use eaeu_rights::profile::{
    Assumed, Contract, ContractKind, FamilyMember, Relation, WorkerProfile,
};
use proptest::prelude::*;

pub fn day(offset: i64) -> NaiveDate {
    add_days(NaiveDate::from_ymd_opt(2014, 1, 1).unwrap(), offset).unwrap()
}

pub fn before(d: NaiveDate, back: i64) -> NaiveDate {
    add_days(d, -back).unwrap()
}

pub fn country() -> impl Strategy<Value = Country> {
    prop::sample::select(vec![
        "KZ", "KG", "RU", "BY", "AM", "UZ", "TJ", "MD", "CU", "IR", "TM", "CN", "DE",
    ])
    .prop_map(|c| c.parse::<Country>().unwrap())
}

pub fn countries(max: usize) -> impl Strategy<Value = Vec<Country>> {
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
pub fn full_profile() -> impl Strategy<Value = WorkerProfile> {
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
            let start = add_days(as_of, start_off).unwrap();
            let end = end_len.map(|n| add_days(start, n).unwrap());
            // Termination: between start and end, not after as_of.
            let terminated_on = term_off.and_then(|t| {
                let last = end.map_or(as_of, |e| e.min(as_of));
                let t = add_days(start, t).unwrap().min(last);
                (t >= start).then_some(t)
            });
            WorkerProfile {
                id: None,
                citizenship: cit,
                host: host.parse().unwrap(),
                entry_date: Some(before(as_of, entry_back)),
                entry_by: None,
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
pub const FACTS: usize = 11;

/// Forgets fact `i` (for family members: of every member).
pub fn forget(p: &mut WorkerProfile, i: usize) {
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

pub fn forget_members(p: &mut WorkerProfile, f: impl Fn(&mut FamilyMember)) {
    if let Some(family) = p.family.as_mut() {
        family.iter_mut().for_each(f);
    }
}

pub fn fact_name(i: usize) -> &'static str {
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
pub fn partial(full: &WorkerProfile, mask: u16) -> WorkerProfile {
    let mut p = full.clone();
    for i in 0..FACTS {
        if mask & (1 << i) != 0 {
            forget(&mut p, i);
        }
    }
    p
}

/// Every date the profile knows.
pub fn profile_dates(p: &WorkerProfile) -> Vec<NaiveDate> {
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
