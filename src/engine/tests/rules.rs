//! Rules as a whole: `when`, `unless`, `in_force`, missing facts, derived
//! fields, the operator table and the pack's ids.

use super::*;

// ------------------------------------------------- rules: when, unless, in_force, missing

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
    let mut decider = crate::engine::Decider::new(&pack);
    let applies = profile(r#"{"registered": true, "contract": {"end": "2027-03-01"}}"#);
    assert_eq!(decider.decide(&applies).dates(0), &[Some(d("2027-03-01"))]);
    let not = profile(r#"{"registered": false, "contract": {"end": "2027-03-01"}}"#);
    let decision = decider.decide(&not);
    assert_eq!(decision.outcomes()[0], Outcome::DoesNotApply);
    assert_eq!(decision.dates(0), &[None]);
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
    pack.defs[x.index()].expr = crate::engine::ir::Node {
        op: crate::engine::ir::Op::Def(crate::engine::ir::DefId::new(99)),
        say: None,
    };
    let e = pack.check_ids().unwrap_err();
    assert!(e.contains("definition #99") && e.contains("has 2"), "{e}");
}
