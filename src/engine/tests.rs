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
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use chrono::NaiveDate;
use serde_json::{json, Value as Json};

use super::eval::Env;
use super::value::Value;
use super::{decide, explain, Outcome, RulePack};
use crate::profile::WorkerProfile;
use crate::report::{self, Report, Status};
use crate::rules::{compile, SourceFile};

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

// ------------------------------------------------------- Kleene logic

/// `registered`: true, false, or absent (unknown).
const A: &str = r#"{"field": "registered"}"#;
/// The contract kind is employment: civil_law makes it false, absent unknown.
const B: &str = r#"{"eq": [{"field": "contract.kind"}, "employment"]}"#;

fn ab_profile(a: char, b: char) -> String {
    let mut parts = Vec::new();
    match a {
        'T' => parts.push(r#""registered": true"#),
        'F' => parts.push(r#""registered": false"#),
        _ => {}
    }
    match b {
        'T' => parts.push(r#""contract": {"kind": "employment"}"#),
        'F' => parts.push(r#""contract": {"kind": "civil_law"}"#),
        _ => {}
    }
    format!("{{{}}}", parts.join(", "))
}

fn e_of(c: char) -> E {
    match c {
        'T' => E::T,
        'F' => E::F,
        _ => E::U,
    }
}

/// (a, b, a AND b, a OR b), Kleene's strong three-valued logic.
const KLEENE: [(char, char, char, char); 9] = [
    ('T', 'T', 'T', 'T'),
    ('T', 'F', 'F', 'T'),
    ('T', 'U', 'U', 'T'),
    ('F', 'T', 'F', 'T'),
    ('F', 'F', 'F', 'F'),
    ('F', 'U', 'F', 'U'),
    ('U', 'T', 'U', 'T'),
    ('U', 'F', 'F', 'U'),
    ('U', 'U', 'U', 'U'),
];

#[test]
fn all_any_not_follow_kleene_truth_tables() {
    let mut cases = Vec::new();
    for (a, b, and, or) in KLEENE {
        let p = ab_profile(a, b);
        cases.push((format!(r#"{{"all": [{A}, {B}]}}"#), p.clone(), e_of(and)));
        cases.push((format!(r#"{{"any": [{A}, {B}]}}"#), p.clone(), e_of(or)));
        // Operand order does not matter.
        cases.push((format!(r#"{{"all": [{B}, {A}]}}"#), p.clone(), e_of(and)));
        cases.push((format!(r#"{{"any": [{B}, {A}]}}"#), p.clone(), e_of(or)));
        // De Morgan: not(a and b) = not a or not b.
        cases.push((
            format!(r#"{{"not": {{"all": [{A}, {B}]}}}}"#),
            p.clone(),
            e_of(match and {
                'T' => 'F',
                'F' => 'T',
                _ => 'U',
            }),
        ));
        cases.push((
            format!(r#"{{"any": [{{"not": {A}}}, {{"not": {B}}}]}}"#),
            p,
            e_of(match and {
                'T' => 'F',
                'F' => 'T',
                _ => 'U',
            }),
        ));
    }
    for (a, not_a) in [('T', 'F'), ('F', 'T'), ('U', 'U')] {
        cases.push((
            format!(r#"{{"not": {A}}}"#),
            ab_profile(a, 'U'),
            e_of(not_a),
        ));
    }
    // A single operand, and three. (An empty `all` or `any` is a load error.)
    cases.push((format!(r#"{{"all": [{A}]}}"#), "{}".to_owned(), E::U));
    cases.push((format!(r#"{{"any": [{B}]}}"#), ab_profile('U', 'F'), E::F));
    cases.push((
        format!(r#"{{"all": [{A}, {B}, false]}}"#),
        "{}".to_owned(),
        E::F,
    ));
    cases.push((
        format!(r#"{{"any": [{A}, {B}, true]}}"#),
        "{}".to_owned(),
        E::T,
    ));
    cases.push((
        format!(r#"{{"all": [{A}, {B}, true]}}"#),
        ab_profile('T', 'T'),
        E::T,
    ));
    run_table("event_day_is_day_1", &cases);
}

// ------------------------------------------- comparisons, null, membership

#[test]
fn comparisons_with_null_and_unknown() {
    let open = r#"{"contract": {"end": null}}"#;
    let ends = r#"{"contract": {"end": "2027-03-01"}}"#;
    let unknown = r#"{"contract": {}}"#;
    let end = r#"{"field": "contract.end"}"#;
    let date = r#"{"date": "2027-01-01"}"#;
    let cmp = |op: &str, rhs: &str| format!(r#"{{"{op}": [{end}, {rhs}]}}"#);
    let mut cases = Vec::new();
    // An open-ended contract's end is null: neither before nor after any date.
    for op in ["lt", "le", "gt", "ge", "eq"] {
        cases.push((cmp(op, date), open.to_owned(), E::F));
    }
    cases.push((cmp("ne", date), open.to_owned(), E::T));
    cases.push((cmp("eq", "null"), open.to_owned(), E::T));
    cases.push((cmp("ne", "null"), open.to_owned(), E::F));
    cases.push((cmp("eq", "null"), ends.to_owned(), E::F));
    // A known end compares as a date.
    cases.push((cmp("gt", date), ends.to_owned(), E::T));
    cases.push((cmp("lt", date), ends.to_owned(), E::F));
    cases.push((
        cmp("ge", r#"{"date": "2027-03-01"}"#),
        ends.to_owned(),
        E::T,
    ));
    cases.push((
        cmp("le", r#"{"date": "2027-03-01"}"#),
        ends.to_owned(),
        E::T,
    ));
    cases.push((
        cmp("lt", r#"{"date": "2027-03-01"}"#),
        ends.to_owned(),
        E::F,
    ));
    // An unknown end makes every comparison unknown, with null too.
    for op in ["lt", "le", "gt", "ge", "eq", "ne"] {
        cases.push((cmp(op, date), unknown.to_owned(), E::U));
    }
    cases.push((cmp("eq", "null"), unknown.to_owned(), E::U));
    // is_null tells the three apart.
    let is_null = format!(r#"{{"is_null": {end}}}"#);
    cases.push((is_null.clone(), open.to_owned(), E::T));
    cases.push((is_null.clone(), ends.to_owned(), E::F));
    cases.push((is_null, unknown.to_owned(), E::U));
    // No termination date is a known null, not an unknown.
    cases.push((
        r#"{"is_null": {"field": "contract.terminated_on"}}"#.to_owned(),
        "{}".to_owned(),
        E::T,
    ));
    // Arithmetic on null stays null; comparing that null is false.
    let length = r#"{"days_between": [{"field": "contract.start"}, {"field": "contract.end"}]}"#;
    let open_long = r#"{"contract": {"start": "2026-03-02", "end": null}}"#;
    cases.push((length.to_owned(), open_long.to_owned(), E::Null));
    cases.push((
        format!(r#"{{"gt": [{length}, 365]}}"#),
        open_long.to_owned(),
        E::F,
    ));
    cases.push((
        format!(r#"{{"add_days": [{end}, 1]}}"#),
        open.to_owned(),
        E::Null,
    ));
    cases.push((
        format!(r#"{{"add_days": [{end}, 1]}}"#),
        unknown.to_owned(),
        E::U,
    ));
    run_table("event_day_is_day_1", &cases);
}

#[test]
fn membership_in_literal_named_dated_sets_and_lists() {
    let kind_in = r#"{"in": [{"field": "contract.kind"}, ["employment", "civil_law"]]}"#;
    let kz_in = r#"{"in": ["KZ", {"field": "citizenship"}]}"#;
    let host_in = r#"{"in": [{"field": "host"}, {"set": "codes"}]}"#;
    let kg_member = r#"{"member": {"of": "members", "value": "KG", "on": {"field": "as_of"}}}"#;
    let am_member = r#"{"member": {"of": "members", "value": "AM", "on": {"field": "as_of"}}}"#;
    let kg_on_entry =
        r#"{"member": {"of": "members", "value": "KG", "on": {"field": "entry_date"}}}"#;
    let cases = [
        (kind_in, r#"{"contract": {"kind": "civil_law"}}"#, E::T),
        (kind_in, r#"{"contract": {"kind": "none"}}"#, E::F),
        (kind_in, "{}", E::U),
        (kz_in, r#"{"citizenship": ["RU", "KZ"]}"#, E::T),
        (kz_in, r#"{"citizenship": ["RU"]}"#, E::F),
        (kz_in, r#"{"citizenship": []}"#, E::F),
        (host_in, r#"{"host": "RU"}"#, E::T),
        (host_in, "{}", E::F),
        // A dated set: from is inclusive, to exclusive.
        (kg_member, r#"{"as_of": "2015-08-11"}"#, E::F),
        (kg_member, r#"{"as_of": "2015-08-12"}"#, E::T),
        (am_member, r#"{"as_of": "2015-01-01"}"#, E::F),
        (am_member, r#"{"as_of": "2015-01-02"}"#, E::T),
        (am_member, r#"{"as_of": "2019-12-31"}"#, E::T),
        (am_member, r#"{"as_of": "2020-01-01"}"#, E::F),
        (kg_on_entry, "{}", E::U),
        (kg_on_entry, r#"{"entry_date": "2015-08-12"}"#, E::T),
    ];
    run_table("event_day_is_day_1", &cases);
}

// ------------------------------------------------------------ quantifiers

#[test]
fn some_every_count_over_citizenship() {
    let where_in = r#"{"in": [{"var": "c"}, {"set": "codes"}]}"#;
    let q = |q: &str| {
        format!(
            r#"{{"{q}": {{"in": {{"field": "citizenship"}}, "as": "c", "where": {where_in}}}}}"#
        )
    };
    let member = r#"{"some": {"in": {"field": "citizenship"}, "as": "c", "where": {"member": {"of": "members", "value": {"var": "c"}, "on": {"field": "as_of"}}}}}"#;
    let cases = [
        (q("some"), r#"{"citizenship": ["UZ", "KG"]}"#, E::T),
        (q("some"), r#"{"citizenship": ["UZ"]}"#, E::F),
        (q("some"), r#"{"citizenship": []}"#, E::F),
        (q("every"), r#"{"citizenship": ["KG", "RU"]}"#, E::T),
        (q("every"), r#"{"citizenship": ["KG", "UZ"]}"#, E::F),
        (q("every"), r#"{"citizenship": []}"#, E::T),
        (
            q("count"),
            r#"{"citizenship": ["UZ", "KG", "RU"]}"#,
            E::Int(2),
        ),
        (q("count"), r#"{"citizenship": ["UZ"]}"#, E::Int(0)),
        (q("count"), r#"{"citizenship": []}"#, E::Int(0)),
        (
            member.to_owned(),
            r#"{"citizenship": ["UZ", "KG"], "as_of": "2015-08-11"}"#,
            E::F,
        ),
        (
            member.to_owned(),
            r#"{"citizenship": ["UZ", "KG"], "as_of": "2015-08-12"}"#,
            E::T,
        ),
    ];
    run_table("event_day_is_day_1", &cases);
}

#[test]
fn some_every_count_over_family_with_unknowns() {
    let child = r#"{"eq": [{"var": "m.relation"}, "child"]}"#;
    let q = |q: &str| {
        format!(r#"{{"{q}": {{"in": {{"field": "family"}}, "as": "m", "where": {child}}}}}"#)
    };
    let kg_member = r#"{"some": {"in": {"field": "family"}, "as": "m", "where": {"some": {"in": {"var": "m.citizenship"}, "as": "c", "where": {"eq": [{"var": "c"}, "KG"]}}}}}"#;
    let minor = r#"{"some": {"in": {"field": "family"}, "as": "m", "where": {"all": [
        {"eq": [{"var": "m.relation"}, "child"]},
        {"lt": [{"age": [{"var": "m.birth_date"}, {"field": "as_of"}]}, 18]}]}}}"#;
    let spouse = r#"{"relation": "spouse"}"#;
    let kid = r#"{"relation": "child"}"#;
    let who = r#"{"birth_date": "2020-01-01"}"#;
    let fam = |members: &[&str]| format!(r#"{{"family": [{}]}}"#, members.join(", "));
    let cases = [
        // Unknown family: every quantifier is unknown.
        (q("some"), "{}".to_owned(), E::U),
        (q("every"), "{}".to_owned(), E::U),
        (q("count"), "{}".to_owned(), E::U),
        // No family: some is false, every is true, count is 0.
        (q("some"), fam(&[]), E::F),
        (q("every"), fam(&[]), E::T),
        (q("count"), fam(&[]), E::Int(0)),
        // A member whose relation is unknown.
        (q("some"), fam(&[kid, who]), E::T),
        (q("some"), fam(&[spouse, who]), E::U),
        (q("some"), fam(&[spouse]), E::F),
        (q("every"), fam(&[spouse, who]), E::F),
        (q("every"), fam(&[kid, who]), E::U),
        (q("every"), fam(&[kid, kid]), E::T),
        (q("count"), fam(&[kid, spouse, kid]), E::Int(2)),
        (q("count"), fam(&[kid, who]), E::U),
        // A nested list: a member's citizenship, unknown or empty.
        (kg_member.to_owned(), fam(&[kid]), E::U),
        (
            kg_member.to_owned(),
            fam(&[r#"{"relation": "child", "citizenship": []}"#]),
            E::F,
        ),
        (
            kg_member.to_owned(),
            fam(&[r#"{"citizenship": ["RU", "KG"]}"#]),
            E::T,
        ),
        // A child is under 18 until the day before the 18th birthday.
        (
            minor.to_owned(),
            r#"{"as_of": "2026-03-19", "family": [{"relation": "child", "birth_date": "2008-03-20"}]}"#.to_owned(),
            E::T,
        ),
        (
            minor.to_owned(),
            r#"{"as_of": "2026-03-20", "family": [{"relation": "child", "birth_date": "2008-03-20"}]}"#.to_owned(),
            E::F,
        ),
        (minor.to_owned(), fam(&[spouse, kid]), E::U),
        (minor.to_owned(), fam(&[spouse]), E::F),
    ];
    run_table("event_day_is_day_1", &cases);
}

// ------------------------------------------------------- date arithmetic

fn date_fn(op: &str, date: &str, n: i64) -> String {
    format!(r#"{{"{op}": [{{"date": "{date}"}}, {n}]}}"#)
}

fn two_dates(op: &str, a: &str, b: &str) -> String {
    format!(r#"{{"{op}": [{{"date": "{a}"}}, {{"date": "{b}"}}]}}"#)
}

#[test]
fn add_days_months_years_across_month_ends_and_leap_days() {
    let cases = [
        (date_fn("add_days", "2026-01-31", 1), E::Date("2026-02-01")),
        (date_fn("add_days", "2026-12-31", 1), E::Date("2027-01-01")),
        (date_fn("add_days", "2024-02-28", 1), E::Date("2024-02-29")),
        (date_fn("add_days", "2026-02-28", 1), E::Date("2026-03-01")),
        (date_fn("add_days", "2026-03-01", -1), E::Date("2026-02-28")),
        (date_fn("add_days", "2024-03-01", -1), E::Date("2024-02-29")),
        (
            date_fn("add_days", "2024-01-01", 365),
            E::Date("2024-12-31"),
        ),
        (date_fn("add_days", "2026-03-01", 29), E::Date("2026-03-30")),
        (date_fn("add_days", "2026-03-01", 0), E::Date("2026-03-01")),
        (
            date_fn("add_months", "2026-01-31", 1),
            E::Date("2026-02-28"),
        ),
        (
            date_fn("add_months", "2024-01-31", 1),
            E::Date("2024-02-29"),
        ),
        (
            date_fn("add_months", "2026-03-31", -1),
            E::Date("2026-02-28"),
        ),
        (
            date_fn("add_months", "2026-10-31", 1),
            E::Date("2026-11-30"),
        ),
        (
            date_fn("add_months", "2026-12-15", 1),
            E::Date("2027-01-15"),
        ),
        (
            date_fn("add_months", "2026-01-31", 12),
            E::Date("2027-01-31"),
        ),
        (date_fn("add_years", "2024-02-29", 1), E::Date("2025-02-28")),
        (date_fn("add_years", "2024-02-29", 4), E::Date("2028-02-29")),
        (
            date_fn("add_years", "2024-02-29", -1),
            E::Date("2023-02-28"),
        ),
        (date_fn("add_years", "2026-03-01", 1), E::Date("2027-03-01")),
        (date_fn("add_years", "2025-02-28", 1), E::Date("2026-02-28")),
        (
            two_dates("days_between", "2026-03-01", "2026-04-05"),
            E::Int(35),
        ),
        (
            two_dates("days_between", "2026-04-05", "2026-03-01"),
            E::Int(-35),
        ),
        (
            two_dates("days_between", "2024-02-01", "2024-03-01"),
            E::Int(29),
        ),
        (
            two_dates("days_between", "2026-02-01", "2026-03-01"),
            E::Int(28),
        ),
        (
            two_dates("days_between", "2025-12-31", "2026-01-01"),
            E::Int(1),
        ),
        (
            two_dates("days_between", "2026-03-01", "2026-03-01"),
            E::Int(0),
        ),
    ];
    let rows: Vec<(String, String, E)> = cases
        .into_iter()
        .map(|(expr, e)| (expr, "{}".to_owned(), e))
        .collect();
    run_table("event_day_is_day_1", &rows);
}

#[test]
fn age_on_the_day_before_and_of_a_birthday() {
    let age = |birth: &str, on: &str| two_dates("age", birth, on);
    let cases = [
        (age("2008-03-20", "2026-03-19"), E::Int(17)),
        (age("2008-03-20", "2026-03-20"), E::Int(18)),
        (age("2008-03-20", "2026-03-21"), E::Int(18)),
        (age("2008-12-31", "2026-12-30"), E::Int(17)),
        (age("2008-12-31", "2026-12-31"), E::Int(18)),
        (age("2008-01-01", "2025-12-31"), E::Int(17)),
        // Born on 29 February: the birthday falls on 28 February in common
        // years (as add_years clamps, and as a period in years ends on the
        // last day of the month that lacks the date).
        (age("2008-02-29", "2026-02-27"), E::Int(17)),
        (age("2008-02-29", "2026-02-28"), E::Int(18)),
        (age("2008-02-29", "2026-03-01"), E::Int(18)),
        (age("2008-02-29", "2024-02-28"), E::Int(15)),
        (age("2008-02-29", "2024-02-29"), E::Int(16)),
        (age("2022-05-01", "2022-05-01"), E::Int(0)),
        (age("2022-05-01", "2023-04-30"), E::Int(0)),
        (age("2022-05-01", "2023-05-01"), E::Int(1)),
    ];
    let mut rows: Vec<(String, String, E)> = cases
        .into_iter()
        .map(|(expr, e)| (expr, "{}".to_owned(), e))
        .collect();
    // From profile facts: an unknown birth date makes the age unknown.
    let of_child = r#"{"count": {"in": {"field": "family"}, "as": "m", "where": {"lt": [{"age": [{"var": "m.birth_date"}, {"field": "as_of"}]}, 5]}}}"#;
    rows.push((
        of_child.to_owned(),
        r#"{"family": [{"birth_date": "2021-10-03"}, {"birth_date": "2021-03-20"}]}"#.to_owned(),
        E::Int(1),
    ));
    rows.push((
        of_child.to_owned(),
        r#"{"family": [{"relation": "child"}]}"#.to_owned(),
        E::U,
    ));
    run_table("event_day_is_day_1", &rows);
}

#[test]
fn last_day_counts_by_the_packs_convention() {
    let last = |start: &str, n: i64| date_fn("last_day", start, n);
    let event_day_is_day_1 = [
        (last("2026-03-01", 30), E::Date("2026-03-30")),
        (last("2026-02-15", 30), E::Date("2026-03-16")),
        (last("2024-02-15", 30), E::Date("2024-03-15")),
        (last("2026-12-20", 15), E::Date("2027-01-03")),
        (last("2026-01-05", 90), E::Date("2026-04-04")),
        (last("2026-03-01", 1), E::Date("2026-03-01")),
    ];
    let next_day_is_day_1 = [
        (last("2026-03-01", 30), E::Date("2026-03-31")),
        (last("2026-02-15", 30), E::Date("2026-03-17")),
        (last("2024-02-15", 30), E::Date("2024-03-16")),
        (last("2026-12-20", 15), E::Date("2027-01-04")),
        (last("2026-01-05", 90), E::Date("2026-04-05")),
        (last("2026-03-01", 1), E::Date("2026-03-02")),
    ];
    let rows = |cases: [(String, E); 6]| -> Vec<(String, String, E)> {
        cases
            .into_iter()
            .map(|(expr, e)| (expr, "{}".to_owned(), e))
            .collect()
    };
    run_table("event_day_is_day_1", &rows(event_day_is_day_1));
    run_table("next_day_is_day_1", &rows(next_day_is_day_1));

    // With a dated parameter: the value in force on the assessment date, or
    // on the date given with `on`; unknown before its first value.
    let by_param = r#"{"last_day": [{"field": "entry_date"}, {"param": "days"}]}"#;
    let on_date = r#"{"last_day": [{"field": "entry_date"}, {"param": "days", "on": {"date": "2026-07-01"}}]}"#;
    let entry = |as_of: &str| format!(r#"{{"entry_date": "2014-12-20", "as_of": "{as_of}"}}"#);
    let cases = [
        (by_param, entry("2014-12-31"), E::U),
        (by_param, entry("2026-06-30"), E::Date("2015-01-18")),
        (by_param, entry("2026-07-01"), E::Date("2015-01-03")),
        (on_date, entry("2014-12-31"), E::Date("2015-01-03")),
        (by_param, r#"{"as_of": "2026-06-30"}"#.to_owned(), E::U),
    ];
    let cases: Vec<(String, String, E)> = cases
        .into_iter()
        .map(|(x, p, e)| (x.to_owned(), p, e))
        .collect();
    run_table("event_day_is_day_1", &cases);
}

#[test]
fn last_day_explains_which_day_is_last_under_either_reading() {
    let last = json!({ "last_day": [ { "field": "entry_date" }, 30 ] });
    let rule = json!([with(
        rule(
            "t.last-day",
            json!({ "le": [ { "field": "as_of" }, last ] })
        ),
        "dates",
        json!({ "until": last }),
    )]);
    let p = profile(r#"{"entry_date": "2026-03-01"}"#);
    let a = build_pack("event_day_is_day_1", json!({}), rule.clone());
    let a = report_for(&a, &p);
    assert_eq!(a.findings[0].dates["until"], d("2026-03-30"));
    assert!(
        a.findings[0].because.contains(&"counting the date of entry (2026-03-01) as day 1, day 30 is 2026-03-30; counting from the next day would give one day more (2026-03-31)".to_owned()),
        "{:?}",
        a.findings[0].because
    );
    let b = build_pack("next_day_is_day_1", json!({}), rule);
    let b = report_for(&b, &p);
    assert_eq!(b.findings[0].dates["until"], d("2026-03-31"));
    assert!(
        b.findings[0].because.contains(&"counting from the day after the date of entry (2026-03-01), day 30 is 2026-03-31; counting that day itself as day 1 would give one day less (2026-03-30)".to_owned()),
        "{:?}",
        b.findings[0].because
    );
}

#[test]
fn earliest_and_latest_skip_null_but_not_unknown() {
    let of = |op: &str| {
        format!(
            r#"{{"{op}": [{{"field": "contract.end"}}, {{"field": "contract.terminated_on"}}, {{"date": "2026-05-01"}}]}}"#
        )
    };
    let nulls = |op: &str| {
        format!(
            r#"{{"{op}": [{{"field": "contract.end"}}, {{"field": "contract.terminated_on"}}]}}"#
        )
    };
    let open = r#"{"contract": {"end": null}}"#;
    let ends = r#"{"contract": {"start": "2026-01-01", "end": "2026-09-30", "terminated_on": "2026-03-10"}}"#;
    let unknown_end = r#"{"contract": {}}"#;
    let cases = [
        (of("earliest"), open, E::Date("2026-05-01")),
        (of("latest"), open, E::Date("2026-05-01")),
        (of("earliest"), ends, E::Date("2026-03-10")),
        (of("latest"), ends, E::Date("2026-09-30")),
        (nulls("earliest"), open, E::Null),
        (nulls("latest"), open, E::Null),
        (of("earliest"), unknown_end, E::U),
        (of("latest"), unknown_end, E::U),
    ];
    let cases: Vec<(String, String, E)> = cases
        .into_iter()
        .map(|(x, p, e)| (x, p.to_owned(), e))
        .collect();
    run_table("event_day_is_day_1", &cases);
}

#[test]
fn add_working_days_skips_weekends_and_holidays() {
    let wd = |from: &str, days: i64, holidays: &str| {
        format!(
            r#"{{"add_working_days": {{"from": {{"date": "{from}"}}, "days": {days}, "holidays": "{holidays}"}}}}"#
        )
    };
    // 2026-03-06 is a Friday; 2026-12-31 a Thursday.
    let mut cases = vec![
        (wd("2026-03-06", 1, "no_holidays"), E::Date("2026-03-09")),
        (wd("2026-03-06", 3, "no_holidays"), E::Date("2026-03-11")),
        (wd("2026-03-07", 1, "no_holidays"), E::Date("2026-03-09")),
        (wd("2026-03-06", 0, "no_holidays"), E::Date("2026-03-06")),
        (wd("2026-03-02", 5, "no_holidays"), E::Date("2026-03-09")),
        (wd("2026-03-06", 1, "holidays"), E::Date("2026-03-11")),
        (wd("2026-03-06", 3, "holidays"), E::Date("2026-03-13")),
        (wd("2026-12-31", 1, "holidays"), E::Date("2027-01-04")),
        (wd("2026-12-30", 2, "holidays"), E::Date("2027-01-04")),
    ];
    // The order a rule file lists its holidays in does not matter. Regression:
    // the holidays were binary-searched in file order, so an unsorted set
    // lost some of them and gave deadlines that were too early.
    let sorted: Vec<(String, E)> = cases.clone();
    for (expr, e) in sorted {
        if expr.contains("\"holidays\": \"holidays\"") {
            cases.push((
                expr.replace(
                    "\"holidays\": \"holidays\"",
                    "\"holidays\": \"unsorted_holidays\"",
                ),
                e,
            ));
        }
    }
    let rows: Vec<(String, String, E)> = cases
        .into_iter()
        .map(|(x, e)| (x, "{}".to_owned(), e))
        .collect();
    run_table("event_day_is_day_1", &rows);
}

// ------------------------------------------------- rules: when, unless, in_force, missing

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

/// A finding's outcome and the fields it names as missing.
type Decided = (Outcome, Vec<String>);

/// (outcome, missing fields) of every finding.
fn outcomes(r: &Report) -> Vec<Decided> {
    r.findings
        .iter()
        .map(|f| (f.outcome, f.missing.clone()))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn missing_lists_only_the_facts_that_left_a_result_undetermined() {
    let a: Json = serde_json::from_str(A).unwrap();
    let b: Json = serde_json::from_str(B).unwrap();
    let end_open = json!({ "is_null": { "field": "contract.end" } });
    let minor = json!({ "some": { "in": { "field": "family" }, "as": "m", "where": { "all": [
        { "eq": [ { "var": "m.relation" }, "child" ] },
        { "lt": [ { "age": [ { "var": "m.birth_date" }, { "field": "as_of" } ] }, 18 ] } ] } } });
    let pack = build_pack(
        "event_day_is_day_1",
        json!({}),
        json!([
            rule("t.and", json!({ "all": [a, b] })),
            rule(
                "t.nested",
                json!({ "any": [ { "all": [a, b] }, end_open ] })
            ),
            rule("t.minor", minor),
        ]),
    );
    use Outcome::*;
    let cases: [(&str, [Decided; 3]); 5] = [
        (
            // a false decides `all`; the unknown kind is not asked for.
            r#"{"registered": false, "contract": {"end": "2027-01-01"}, "family": []}"#,
            [
                (DoesNotApply, vec![]),
                (DoesNotApply, vec![]),
                (DoesNotApply, vec![]),
            ],
        ),
        (
            // b false decides `all` although a is unknown.
            r#"{"contract": {"kind": "civil_law", "end": null}, "family": [{"relation": "spouse"}]}"#,
            [
                (DoesNotApply, vec![]),
                (Applies, vec![]),
                (DoesNotApply, vec![]),
            ],
        ),
        (
            r#"{"registered": true, "family": [{"relation": "spouse"}, {"relation": "child"}]}"#,
            [
                (Undetermined, strings(&["contract.kind"])),
                (Undetermined, strings(&["contract.kind", "contract.end"])),
                // The spouse's unknown birth date decides nothing.
                (Undetermined, strings(&["family[1].birth_date"])),
            ],
        ),
        (
            // `all` is false without the kind, so only the end is asked for.
            r#"{"registered": false, "family": [{"birth_date": "2010-01-01"}]}"#,
            [
                (DoesNotApply, vec![]),
                (Undetermined, strings(&["contract.end"])),
                (Undetermined, strings(&["family[0].relation"])),
            ],
        ),
        (
            "{}",
            [
                (Undetermined, strings(&["contract.kind", "registered"])),
                (
                    Undetermined,
                    strings(&["contract.kind", "contract.end", "registered"]),
                ),
                (Undetermined, strings(&["family"])),
            ],
        ),
    ];
    for (fragment, expected) in cases {
        let r = report_for(&pack, &profile(fragment));
        assert_eq!(outcomes(&r), expected, "{fragment}");
        // Questions ask for exactly the missing facts of undetermined rules,
        // each naming the rules it would decide.
        let mut asked: Vec<(String, Vec<String>)> = Vec::new();
        for f in &r.findings {
            for m in &f.missing {
                match asked.iter_mut().find(|(field, _)| field == m) {
                    Some((_, rules)) => rules.push(f.rule.clone()),
                    None => asked.push((m.clone(), vec![f.rule.clone()])),
                }
            }
        }
        let mut questions: Vec<(String, Vec<String>)> = r
            .questions
            .iter()
            .map(|q| (q.field.clone(), q.affects.clone()))
            .collect();
        asked.sort();
        questions.sort();
        assert_eq!(questions, asked, "{fragment}");
    }
}

#[test]
fn an_undetermined_status_is_asked_about() {
    let pack = {
        let mut module = base_module("event_day_is_day_1");
        module["definitions"]["status"] = json!({ "expr": { "field": "registered" } });
        compile(&[SourceFile {
            path: "t.json".to_owned(),
            text: module.to_string(),
        }])
        .unwrap()
    };
    let r = report_for(&pack, &profile("{}"));
    assert_eq!(r.status, Status::Undetermined);
    assert_eq!(r.questions.len(), 1);
    assert_eq!(r.questions[0].field, "registered");
    assert_eq!(r.questions[0].affects, ["status"]);
    let r = report_for(&pack, &profile(r#"{"registered": false}"#));
    assert_eq!(r.status, Status::NotCovered);
    assert_eq!(
        r.status_reasons,
        ["you are not yet registered with the migration authority"]
    );
    assert!(r.questions.is_empty());
}

/// `occupation_category` in every position an expression can read it
/// (compared, in a set, negated, as a say placeholder): both paths agree,
/// and an unknown category is asked for as the occupation.
#[test]
fn occupation_category_is_classified_on_both_paths() {
    let mut module = base_module("event_day_is_day_1");
    module["occupations"] = json!({
        "categories": ["medical", "other"],
        "titles": {"medical": ["врач*", "doctor"], "other": ["driver*"], "ambiguous": ["nann*"]}
    });
    let category = json!({ "field": "occupation_category" });
    module["rules"] = json!([
        rule("t.eq", json!({ "eq": [category, "medical"] })),
        rule("t.in", json!({ "in": [category, ["medical", "legal"]] })),
        rule(
            "t.not-in",
            json!({ "not": { "in": [category, ["medical"]] } })
        ),
        rule("t.ne", json!({ "ne": ["other", category] })),
        with(
            rule(
                "t.say",
                json!({ "eq": [category, "medical"], "say": "work: {occupation_category}" })
            ),
            "summary",
            json!("Kind of work: {occupation_category}."),
        ),
    ]);
    let pack = compile(&[SourceFile {
        path: "t.json".to_owned(),
        text: module.to_string(),
    }])
    .unwrap();
    use Outcome::*;
    let cases = [
        (
            r#"{"occupation": "Врачи"}"#,
            [Applies, Applies, DoesNotApply, Applies, Applies],
            "medical",
        ),
        (
            r#"{"occupation": "medical"}"#,
            [Applies, Applies, DoesNotApply, Applies, Applies],
            "medical",
        ),
        (
            r#"{"occupation": "driver"}"#,
            [
                DoesNotApply,
                DoesNotApply,
                Applies,
                DoesNotApply,
                DoesNotApply,
            ],
            "other",
        ),
        (
            r#"{"occupation": "doctor's driver"}"#,
            [Undetermined; 5],
            "(unknown)",
        ),
        (r#"{"occupation": "nanny"}"#, [Undetermined; 5], "(unknown)"),
        ("{}", [Undetermined; 5], "(unknown)"),
    ];
    for (fragment, expected, shown) in cases {
        let r = report_for(&pack, &profile(fragment));
        let got: Vec<Outcome> = r.findings.iter().map(|f| f.outcome).collect();
        assert_eq!(got, expected, "{fragment}");
        let say = r.findings.iter().find(|f| f.rule == "t.say").unwrap();
        assert_eq!(say.because, [format!("work: {shown}")], "{fragment}");
        // A summary is rendered only for a rule that applies.
        let summary = if say.outcome == Applies {
            format!("Kind of work: {shown}.")
        } else {
            String::new()
        };
        assert_eq!(say.summary, summary, "{fragment}");
        for f in &r.findings {
            let missing: &[&str] = if f.outcome == Undetermined {
                &["occupation"]
            } else {
                &[]
            };
            assert_eq!(f.missing, missing, "{fragment}: {}", f.rule);
        }
    }
}

/// A pack without an `occupations` table cannot read `occupation_category`:
/// it would always be unknown.
#[test]
fn occupation_category_needs_the_table() {
    let mut module = base_module("event_day_is_day_1");
    module["rules"] = json!([rule(
        "t.eq",
        json!({ "eq": [{ "field": "occupation_category" }, "medical"] })
    )]);
    let e = compile(&[SourceFile {
        path: "t.json".to_owned(),
        text: serde_json::to_string_pretty(&module).unwrap(),
    }])
    .unwrap_err();
    assert_eq!(e.0.len(), 1, "{e}");
    assert!(
        e.to_string()
            .contains("no file has an `occupations` section"),
        "{e}"
    );
}

/// A quantifier whose body reads a definition with a quantifier of its own
/// (both take variable slot 0): evaluating the definition must leave the
/// outer variable bound to its own item, on both paths.
#[test]
fn a_definition_read_inside_a_quantifier_keeps_the_outer_variable() {
    let any_member = json!({ "some": { "in": { "field": "citizenship" }, "as": "c", "where":
        { "member": { "of": "members", "value": { "var": "c" }, "on": { "field": "as_of" } } } } });
    let first_uz = json!({ "some": { "in": { "field": "citizenship" }, "as": "x", "where": { "all": [
        { "def": "any_member" },
        { "eq": [ { "var": "x" }, "UZ" ] } ] } } });
    let pack = build_pack(
        "event_day_is_day_1",
        json!({ "any_member": any_member }),
        json!([rule("t.uz", first_uz)]),
    );
    // The inner quantifier ends on KG; the outer one is on UZ when it reads x.
    let p = profile(r#"{"citizenship": ["UZ", "KG"]}"#);
    let explained = super::explain(&pack, &p);
    let decided = super::decide(&pack, &p);
    assert_eq!(explained.results[0].outcome, Outcome::Applies);
    assert_eq!(decided.results[0].outcome, Outcome::Applies);
}

#[test]
fn unless_wins_over_when() {
    let a: Json = serde_json::from_str(A).unwrap();
    let civil = json!({ "eq": [ { "field": "contract.kind" }, "civil_law" ] });
    let pack = build_pack(
        "event_day_is_day_1",
        json!({}),
        json!([with(rule("t.unless", a), "unless", civil)]),
    );
    use Outcome::*;
    let cases = [
        // (registered, kind) -> outcome, missing
        (
            r#""registered": true, "contract": {"kind": "employment"}"#,
            Applies,
            vec![],
        ),
        (
            r#""registered": true, "contract": {"kind": "civil_law"}"#,
            DoesNotApply,
            vec![],
        ),
        // An exception that holds decides even when `when` is unknown.
        (r#""contract": {"kind": "civil_law"}"#, DoesNotApply, vec![]),
        // A `when` that fails decides even when the exception is unknown.
        (r#""registered": false"#, DoesNotApply, vec![]),
        (
            r#""registered": true"#,
            Undetermined,
            strings(&["contract.kind"]),
        ),
        (
            r#""contract": {"kind": "employment"}"#,
            Undetermined,
            strings(&["registered"]),
        ),
        ("", Undetermined, strings(&["contract.kind", "registered"])),
    ];
    for (fragment, outcome, missing) in cases {
        let fragment = format!("{{{fragment}}}");
        let r = report_for(&pack, &profile(&fragment));
        assert_eq!(outcomes(&r), [(outcome, missing)], "{fragment}");
    }
    // The exception's reason is the one given.
    let r = report_for(
        &pack,
        &profile(r#"{"registered": true, "contract": {"kind": "civil_law"}}"#),
    );
    assert_eq!(r.findings[0].because, ["the contract kind is civil-law"]);
}

#[test]
fn in_force_bounds_are_inclusive_from_and_exclusive_to() {
    let b: Json = serde_json::from_str(B).unwrap();
    let pack = build_pack(
        "event_day_is_day_1",
        json!({}),
        json!([
            with(
                rule("t.window", json!(true)),
                "in_force",
                json!({ "from": "2026-01-01", "to": "2026-07-01" })
            ),
            with(
                rule("t.from", b),
                "in_force",
                json!({ "from": "2026-07-01" })
            ),
        ]),
    );
    use Outcome::*;
    for (as_of, window, from) in [
        ("2025-12-31", DoesNotApply, DoesNotApply),
        ("2026-01-01", Applies, DoesNotApply),
        ("2026-06-30", Applies, DoesNotApply),
        ("2026-07-01", DoesNotApply, Undetermined),
    ] {
        let r = report_for(&pack, &profile(&format!(r#"{{"as_of": "{as_of}"}}"#)));
        let got: Vec<Outcome> = r.findings.iter().map(|f| f.outcome).collect();
        assert_eq!(got, [window, from], "{as_of}");
        // A rule not in force asks for nothing, whatever it depends on.
        if from == DoesNotApply {
            assert!(r.findings[1].missing.is_empty(), "{as_of}");
            assert!(r.questions.is_empty(), "{as_of}");
        }
    }
    let before = report_for(&pack, &profile(r#"{"as_of": "2025-12-31"}"#));
    assert_eq!(
        before.findings[0].because,
        ["this provision applies from 2026-01-01 to 2026-06-30; the assessment date 2025-12-31 is before that"]
    );
    assert_eq!(
        before.findings[1].because,
        ["this provision applies from 2026-07-01; the assessment date 2025-12-31 is before that"]
    );
}

#[test]
fn dates_are_computed_only_when_a_rule_applies_and_null_ones_left_out() {
    let a: Json = serde_json::from_str(A).unwrap();
    let stay = with(
        with(
            rule("t.stay", a),
            "dates",
            json!({ "until": { "field": "contract.end" } }),
        ),
        "summary",
        json!("You may stay until {dates.until}."),
    );
    let pack = build_pack("event_day_is_day_1", json!({}), json!([stay]));
    let ends = report_for(
        &pack,
        &profile(r#"{"registered": true, "contract": {"end": "2027-03-01"}}"#),
    );
    assert_eq!(ends.findings[0].dates["until"], d("2027-03-01"));
    assert_eq!(ends.findings[0].summary, "You may stay until 2027-03-01.");
    let open = report_for(
        &pack,
        &profile(r#"{"registered": true, "contract": {"end": null}}"#),
    );
    assert_eq!(open.findings[0].outcome, Outcome::Applies);
    assert!(open.findings[0].dates.is_empty());
    let not = report_for(
        &pack,
        &profile(r#"{"registered": false, "contract": {"end": "2027-03-01"}}"#),
    );
    assert_eq!(not.findings[0].outcome, Outcome::DoesNotApply);
    assert!(not.findings[0].dates.is_empty());

    // A reused decider gives a rule that does not apply no dates, whatever
    // an earlier profile's were.
    let mut decider = super::Decider::new(&pack);
    let applies = profile(r#"{"registered": true, "contract": {"end": "2027-03-01"}}"#);
    assert_eq!(decider.decide(&applies).dates(0), &[Some(d("2027-03-01"))]);
    let not = profile(r#"{"registered": false, "contract": {"end": "2027-03-01"}}"#);
    let decision = decider.decide(&not);
    assert_eq!(decision.outcomes()[0], Outcome::DoesNotApply);
    assert_eq!(decision.dates(0), &[None]);
}

// ---------------------------------------- knowledge monotonicity (proptest)

mod monotonicity {
    //! Filling in an unknown fact never changes an outcome that was already
    //! decided (`applies` or `does_not_apply`), nor a date already computed,
    //! nor a decided status; and the fast path always agrees with the
    //! explained one. Checked on the embedded pack with random profiles.

    use std::sync::OnceLock;

    use proptest::prelude::*;
    use serde_json::{json, Value as Json};

    use super::super::{decide, explain, Outcome, RulePack, Truth};
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
}

/// Every operator of the table is one the compiler lowers: written with a
/// wrong argument, it is refused for its argument, never as unknown.
#[test]
fn every_operator_in_the_table_is_known_to_the_compiler() {
    for op in crate::rules::OPERATORS {
        let mut module = base_module("event_day_is_day_1");
        module["definitions"]["probe"] = json!({ "expr": { op.name: null } });
        // `{"is_null": null}` is a fine expression; every other is refused
        // for its argument.
        if let Err(e) = compile(&[SourceFile {
            path: "t.json".to_owned(),
            text: serde_json::to_string_pretty(&module).unwrap(),
        }]) {
            let e = e.to_string();
            assert!(!e.contains("unknown operator"), "{}: {e}", op.name);
            assert!(e.contains("definitions.probe"), "{}: {e}", op.name);
        }
    }
    let mut module = base_module("event_day_is_day_1");
    module["definitions"]["probe"] = json!({ "expr": { "alll": [] } });
    let e = compile(&[SourceFile {
        path: "t.json".to_owned(),
        text: serde_json::to_string_pretty(&module).unwrap(),
    }])
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("unknown operator `alll`") && e.contains("did you mean `all`?"),
        "{e}"
    );
}

/// An id out of range is caught when the pack is built, by name, never
/// read as "unknown" later: `check_ids` is what the accessors rely on.
#[test]
fn an_id_out_of_range_is_an_internal_error_with_its_name() {
    let mut pack = build_pack("event_day_is_day_1", json!({ "x": true }), json!([]));
    assert_eq!(pack.check_ids(), Ok(()));
    let x = def_id(&pack, "x");
    pack.defs[x.index()].expr = super::ir::Node {
        op: super::ir::Op::Def(super::ir::DefId::new(99)),
        say: None,
    };
    let e = pack.check_ids().unwrap_err();
    assert!(e.contains("definition #99") && e.contains("has 2"), "{e}");
}
