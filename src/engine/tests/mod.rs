//! Evaluator unit tests: small packs written by hand, compiled through the
//! real loader (`crate::rules::compile`), evaluated against small profiles.
//!
//! Most tests are tables of `(expression, profile, expected value)`: the
//! expression becomes the definition `x` of a one-file pack, the profile is a
//! JSON fragment (`citizenship` defaults to KG and `as_of` to 2026-03-20),
//! and every failing row is reported, not only the first. Each row is
//! evaluated on both the explained and the fast path, which must agree.
//!
//! An absent profile fact is *unknown*; `registered` is the profile's one
//! boolean fact that can be unknown, so truth tables use it and a comparison
//! on `contract.kind` as their two three-valued operands.

use chrono::NaiveDate;
use serde_json::{json, Value as Json};

use super::eval::Env;
use super::value::Value;
use super::{decide, explain, Outcome, RulePack};
use crate::profile::WorkerProfile;
use crate::report::{self, Report, Status};
use crate::rules::{compile, SourceFile};

mod monotonicity;
mod operations;
mod rules;

const TODAY: &str = "2026-03-20";

fn d(s: &str) -> NaiveDate {
    crate::dates::parse_date(s).unwrap()
}

/// The names every test pack provides besides the definitions under test.
fn base_module(day_count: &str) -> Json {
    json!({
        "pack": {
            "name": "test",
            "version": "0.0.0",
            "status": "status",
            "day_count": day_count,
            "disclaimer": "test pack"
        },
        "sets": {
            "codes": { "type": "country", "label": "the test states", "values": ["KG", "RU"] },
            "no_holidays": { "type": "date", "label": "no holidays", "values": [] },
            "holidays": {
                "type": "date",
                "label": "test holidays",
                "values": ["2026-03-09", "2026-03-10", "2027-01-01", "2027-01-02"]
            },
            "unsorted_holidays": {
                "type": "date",
                "label": "the same holidays, written out of order",
                "values": ["2027-01-02", "2026-03-10", "2027-01-01", "2026-03-09"]
            }
        },
        "dated_sets": {
            "members": {
                "type": "country",
                "label": "a test member",
                "members": [
                    { "value": "KG", "from": "2015-08-12" },
                    { "value": "AM", "from": "2015-01-02", "to": "2020-01-01" }
                ]
            }
        },
        "parameters": {
            "days": {
                "type": "int",
                "label": "the test period in days",
                "values": [ { "from": "2015-01-01", "value": 30 }, { "from": "2026-07-01", "value": 15 } ]
            }
        },
        "definitions": { "status": { "expr": true } },
        "rules": []
    })
}

/// Compiles a pack with extra definitions and rules.
fn build_pack(day_count: &str, defs: Json, rules: Json) -> RulePack {
    let mut module = base_module(day_count);
    for (name, expr) in defs.as_object().unwrap() {
        module["definitions"][name] = json!({ "expr": expr });
    }
    module["rules"] = rules;
    let file = SourceFile {
        path: "test.json".to_owned(),
        text: serde_json::to_string_pretty(&module).unwrap(),
    };
    compile(&[file]).unwrap_or_else(|e| panic!("{e}\n{}", module["definitions"]))
}

/// A profile from a JSON fragment; `citizenship` KG and `as_of` TODAY unless given.
fn profile(fragment: &str) -> WorkerProfile {
    let mut v: Json = serde_json::from_str(fragment).unwrap_or_else(|e| panic!("{fragment}: {e}"));
    let obj = v.as_object_mut().unwrap();
    obj.entry("citizenship").or_insert(json!("KG"));
    obj.entry("as_of").or_insert(json!(TODAY));
    WorkerProfile::from_json(
        &v.to_string(),
        crate::profile::Defaults::new(d(TODAY), Some(crate::country::Country::KZ)),
    )
    .unwrap_or_else(|e| panic!("{v}: {e}"))
}

/// What a definition should evaluate to.
#[derive(Debug, Clone, Copy)]
enum E {
    T,
    F,
    U,
    Null,
    Int(i64),
    Date(&'static str),
}

fn is(v: Value<'_>, e: E) -> bool {
    match (e, v) {
        (E::T, Value::Bool(true))
        | (E::F, Value::Bool(false))
        | (E::U, Value::Unknown)
        | (E::Null, Value::Null) => true,
        (E::Int(i), Value::Int(j)) => i == j,
        (E::Date(s), Value::Date(x)) => d(s) == x,
        _ => false,
    }
}

fn def_id(pack: &RulePack, name: &str) -> super::ir::DefId {
    super::ir::DefId::new(pack.defs.iter().position(|d| d.name == name).unwrap())
}

/// Evaluates every row; fails listing every row that went wrong.
fn run_table<X: AsRef<str>, P: AsRef<str>>(day_count: &str, cases: &[(X, P, E)]) {
    let mut failures = Vec::new();
    for (expr, fragment, expected) in cases {
        let (expr, fragment) = (expr.as_ref(), fragment.as_ref());
        let parsed: Json = serde_json::from_str(expr).unwrap_or_else(|e| panic!("{expr}: {e}"));
        let pack = build_pack(day_count, json!({ "x": parsed }), json!([]));
        let p = profile(fragment);
        let id = def_id(&pack, "x");
        let explained = Env::new(&pack, &p).def(id).0;
        let program = super::fast::Program::new(&pack);
        let mut state = super::fast::State::default();
        let fast = super::fast::def_value(&pack, &program, &mut state, &p, id);
        if !is(explained, *expected) {
            failures.push(format!(
                "{expr}\n    with {fragment}: expected {expected:?}, got {explained:?}"
            ));
        }
        if explained != fast {
            failures.push(format!(
                "{expr}\n    with {fragment}: explained {explained:?} but fast {fast:?}"
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// `registered`: true, false, or absent (unknown).
pub(super) const A: &str = r#"{"field": "registered"}"#;
/// The contract kind is employment: civil_law makes it false, absent unknown.
pub(super) const B: &str = r#"{"eq": [{"field": "contract.kind"}, "employment"]}"#;

fn rule(id: &str, when: Json) -> Json {
    json!({
        "id": id,
        "kind": "right",
        "title": id,
        "summary": "The test rule {id}.".replace("{id}", id),
        "source": { "instrument": "Test instrument" },
        "in_force": { "from": "2015-01-01" },
        "when": when
    })
}

fn with(mut rule: Json, key: &str, value: Json) -> Json {
    rule[key] = value;
    rule
}

fn report_for(pack: &RulePack, p: &WorkerProfile) -> Report {
    let explained = explain(pack, p);
    // The fast path decides the same.
    let fast = decide(pack, p);
    assert_eq!(fast.status, explained.status);
    for (a, b) in fast.results.iter().zip(&explained.results) {
        assert_eq!((a.outcome, &a.dates), (b.outcome, &b.dates));
    }
    report::build(pack, p, &explained)
}
