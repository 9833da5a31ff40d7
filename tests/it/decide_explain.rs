//! The fast path (`engine::decide`, `Decider`) and the explained path
//! (`engine::explain`) give the same status, outcomes and dates.
//!
//! Runs over 10,000 generated profiles against the embedded pack and the
//! bench pack (whose fast path leans most on the operand specialisations);
//! one in three has a fact removed, so that undetermined outcomes are
//! covered too.

use eaeu_rights::bench_support::gen;
use eaeu_rights::engine::{self, Decider, RulePack};
use eaeu_rights::profile::WorkerProfile;

const N: u64 = 10_000;

/// Removes one fact from some profiles (deterministically by index).
fn thin(i: usize, mut v: serde_json::Value) -> serde_json::Value {
    let Some(obj) = v.as_object_mut() else {
        return v;
    };
    match i % 12 {
        0 => drop(obj.remove("entry_date")),
        1 => drop(obj.remove("contract")),
        2 => drop(obj.remove("registered")),
        3 => drop(obj.remove("family")),
        4 => drop(obj.remove("occupation")),
        5 => drop(obj.remove("as_of")),
        6 => {
            if let Some(c) = obj.get_mut("contract").and_then(|c| c.as_object_mut()) {
                c.remove("end");
                c.remove("kind");
            }
        }
        7 => {
            if let Some(m) = obj
                .get_mut("family")
                .and_then(|f| f.as_array_mut())
                .and_then(|f| f.first_mut())
                .and_then(|m| m.as_object_mut())
            {
                m.remove("birth_date");
            }
        }
        _ => {}
    }
    v
}

/// Compares the paths on every generated profile; returns how many profiles
/// were evaluated and how many outcomes were undetermined.
fn agree(pack: &RulePack) -> (usize, usize) {
    let today = eaeu_rights::bench_support::today();
    let mut decider = Decider::new(pack);
    let text = gen::ndjson(N, 2026);
    let text = std::str::from_utf8(&text).unwrap();
    let (mut evaluated, mut undetermined) = (0, 0);
    for (i, line) in text.lines().enumerate() {
        let value = thin(i, serde_json::from_str(line).unwrap());
        let Ok(p) = WorkerProfile::from_json(
            &value.to_string(),
            eaeu_rights::profile::Defaults::new(today, Some(eaeu_rights::country::Country::KZ)),
        ) else {
            continue;
        };
        let explained = engine::explain(pack, &p);
        let decided = engine::decide(pack, &p);
        let reused = decider.decide(&p).to_evaluation();
        assert_eq!(decided, reused, "{value}");
        assert_eq!(decided.status, explained.status, "{value}");
        assert_eq!(decided.results.len(), explained.results.len());
        for (d, e) in decided.results.iter().zip(&explained.results) {
            assert_eq!(d.outcome, e.outcome, "{value}");
            assert_eq!(d.dates, e.dates, "{value}");
            if d.outcome == engine::Outcome::Undetermined {
                undetermined += 1;
            }
        }
        evaluated += 1;
    }
    (evaluated, undetermined)
}

#[test]
fn decide_and_explain_agree_on_10000_generated_profiles() {
    let pack = eaeu_rights::rules::embedded_pack().unwrap();
    let (evaluated, undetermined) = agree(&pack);
    assert!(evaluated > 9_000, "{evaluated}");
    assert!(undetermined > 1_000, "{undetermined}");
}

#[test]
fn decide_and_explain_agree_on_the_bench_pack() {
    let pack = eaeu_rights::bench_support::bench_pack().unwrap();
    let (evaluated, undetermined) = agree(&pack);
    assert!(evaluated > 9_000, "{evaluated}");
    assert!(undetermined > 500, "{undetermined}");
}
