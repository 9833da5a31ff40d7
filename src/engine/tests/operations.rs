//! Each operation's meaning: Kleene's connectives, comparisons with null and
//! unknown, membership, quantifiers and date arithmetic, as truth tables
//! run on both evaluators.

use super::*;

// ------------------------------------------------------- Kleene logic

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
