//! The sentences' tests: every message formats in every language, and
//! the English and Russian words, checked word for word.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::*;
use crate::engine::ir::{CmpOp, DayCount, Lit, Locale, ParamId, RulePack, Say, SetSrc, Unit};
use crate::engine::reason::Guarantee;
use crate::engine::reason::Reason;
use crate::report::wording::{Comparison, Labels, Lang, Words};

/// Russian.
fn ru() -> Voice {
    Voice::of(Lang::Ru)
}

#[test]
fn groups_thousands() {
    let en = Voice::of(Lang::En);
    assert_eq!(en.grouped(0), "0");
    assert_eq!(en.grouped(999), "999");
    assert_eq!(en.grouped(8500), "8,500");
    assert_eq!(en.grouped(36_762_500), "36,762,500");
    assert_eq!(en.grouped(-1234), "-1,234");
}

/// What is left of a sentence once what may be Latin is taken out:
/// ISO country codes (a word of two capital letters: `(KG)`,
/// `KG, RU`), rule ids (`eaeu.work-permit-exemption`) and ISO dates.
fn latin_left(sentence: &str) -> String {
    let mut left = String::new();
    for word in
        sentence.split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'))
    {
        let word = word.trim_matches(|c| c == '.' || c == '-');
        let code = word.len() == 2 && word.bytes().all(|b| b.is_ascii_uppercase());
        let rule_id = word.contains('.')
            && word
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'.' || b == b'-')
            && word.split('.').all(|part| !part.is_empty());
        if !code && !rule_id && word.bytes().any(|b| b.is_ascii_alphabetic()) {
            left.push_str(word);
            left.push(' ');
        }
    }
    left
}

fn assert_russian(sentence: &str) {
    assert!(!sentence.is_empty(), "an empty sentence");
    let left = latin_left(sentence);
    assert!(left.is_empty(), "Latin words «{left}» in: {sentence}");
}

#[test]
fn the_checker_lets_codes_ids_and_dates_through_and_nothing_else() {
    assert!(latin_left("Кыргызстан (KG) является членом с 2015-08-12").is_empty());
    assert!(latin_left("гражданство (KG, RU); норма eaeu.work-permit-exemption.").is_empty());
    assert!(!latin_left("дата въезда is unknown").is_empty());
    assert!(!latin_left("the host state (KZ)").is_empty());
    assert!(!latin_left("N рабочих дней").is_empty());
}

#[test]
fn groups_thousands_with_non_breaking_spaces() {
    assert_eq!(ru().grouped(0), "0");
    assert_eq!(ru().grouped(999), "999");
    assert_eq!(ru().grouped(8500), "8\u{a0}500");
    assert_eq!(ru().grouped(36_762_500), "36\u{a0}762\u{a0}500");
    assert_eq!(ru().grouped(-1234), "-1\u{a0}234");
    assert_eq!(ru().show_fact(Value::Int(4325)), "4\u{a0}325");
}

#[test]
fn nouns_agree_with_numbers() {
    let pack = pack();
    let l = Labels {
        pack: &pack,
        locale: None,
    };
    // The unit's word after "дата въезда + N".
    let unit_words = |unit, n: i64| {
        let shift = node(Op::Shift(
            unit,
            Box::new(field(Field::EntryDate)),
            Box::new(lit(Lit::Int(n))),
        ));
        let words = ru().describe(&l, &shift).unwrap();
        words.rsplit(' ').next().unwrap().to_owned()
    };
    let days = |n| unit_words(Unit::Days, n);
    assert_eq!(
        [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 90, 101, 111].map(days),
        [
            "дней", "день", "дня", "дня", "дней", "дней", "дней", "дней", "день", "дня", "дней",
            "дней", "день", "дней"
        ]
    );
    assert_eq!(unit_words(Unit::Years, 5), "лет");
    assert_eq!(unit_words(Unit::Months, 3), "месяца");
}

#[test]
fn values_in_russian() {
    assert_eq!(
        ru().show_fact(Value::Kind(ContractKind::Employment)),
        "трудовой договор"
    );
    assert_eq!(
        ru().show_fact(Value::Kind(ContractKind::CivilLaw)),
        "гражданско-правовой договор"
    );
    assert_eq!(
        ru().show_fact(Value::Kind(ContractKind::None)),
        "нет договора"
    );
    assert_eq!(ru().show_fact(Value::Country(Country::KG)), "Кыргызстан");
    assert_eq!(ru().show_fact(Value::Country(Country::KZ)), "Казахстан");
    assert_eq!(ru().country_words(Country::BY), "Беларусь (BY)");
    let two = vec![Country::KG, Country::RU];
    assert_eq!(
        ru().show_fact(Value::Countries(&two)),
        "Кыргызстан и Россия"
    );
    let three = vec![Country::AM, Country::BY, Country::RU];
    assert_eq!(
        ru().show_fact(Value::Countries(&three)),
        "Армения, Беларусь и Россия"
    );
    let none = Vec::new();
    assert_eq!(
        ru().show_fact(Value::Countries(&none)),
        "нет (лицо без гражданства)"
    );
    for r in Relation::ALL {
        assert_russian(&ru().show(Value::Relation(r)));
    }
    let text = "учитель".to_owned();
    assert_eq!(ru().show_fact(Value::Text(&text)), "учитель");
    assert_eq!(ru().show_fact(Value::Unknown), "(неизвестно)");
}

/// The embedded pack with its Russian language file's labels replaced
/// by stand-ins, so that these tests check this module's words whatever
/// the language file says (`tests/it/translations.rs` checks the file).
fn pack() -> RulePack {
    let mut pack = crate::rules::embedded_pack().unwrap();
    let names: Vec<String> = pack
        .sets
        .iter()
        .map(|s| s.name.clone())
        .chain(pack.params.iter().map(|p| p.name.clone()))
        .chain(pack.defs.iter().map(|d| d.name.clone()))
        .collect();
    let dated: Vec<String> = pack.dated_sets.iter().map(|s| s.name.clone()).collect();
    if !pack.locales.iter().any(|l| l.lang == "ru") {
        pack.locales.push(Locale {
            lang: "ru".to_owned(),
            ..Locale::default()
        });
    }
    let locale = pack.locales.iter_mut().find(|l| l.lang == "ru").unwrap();
    for name in names {
        locale
            .labels
            .insert(name, "метка из языкового файла".to_owned());
    }
    for name in dated {
        let label = match name.as_str() {
            "eaeu_members" => "государством — членом ЕАЭС",
            "eaeu_observers" => "государством — наблюдателем при ЕАЭС",
            _ => "государством из перечня",
        };
        locale.labels.insert(name, label.to_owned());
    }
    pack
}

fn node(op: Op) -> Node {
    Node { op, say: None }
}

fn field(f: Field) -> Node {
    node(Op::Field(f))
}

fn lit(l: crate::engine::ir::Lit) -> Node {
    node(Op::Lit(l))
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

fn param(pack: &RulePack, name: &str) -> ParamId {
    ParamId::new(pack.params.iter().position(|p| p.name == name).unwrap())
}

/// The sentences of this module on nodes the cases' profiles do not
/// reach (the pack's own `say` texts speak for them there), each
/// checked word for word, and all of them for Latin letters.
/// The computed dates the tests of both languages describe.
struct Dates {
    last: Node,
    thirty: Node,
    minus: Node,
    working: Node,
    years: Node,
    between: Node,
}

fn dates(pack: &RulePack) -> Dates {
    let reg = param(pack, "registration_free_days");
    let minus = node(Op::Shift(
        Unit::Days,
        Box::new(field(Field::EntryDate)),
        Box::new(lit(Lit::Int(-1))),
    ));
    Dates {
        last: node(Op::LastDay(
            Box::new(field(Field::EntryDate)),
            Box::new(node(Op::Param { id: reg, on: None })),
        )),
        thirty: node(Op::LastDay(
            Box::new(field(Field::EntryDate)),
            Box::new(lit(Lit::Int(30))),
        )),
        working: node(Op::AddWorkingDays {
            from: Box::new(minus.clone()),
            days: Box::new(lit(Lit::Int(3))),
            holidays: crate::engine::ir::SetId::new(0),
        }),
        minus,
        years: node(Op::Shift(
            Unit::Years,
            Box::new(node(Op::Var {
                slot: 0,
                member: Some(MemberField::BirthDate),
            })),
            Box::new(lit(Lit::Int(18))),
        )),
        between: node(Op::DaysBetween(
            Box::new(field(Field::EntryDate)),
            Box::new(field(Field::AsOf)),
        )),
    }
}

/// A comparison the engine decided, of `lhs` (`a`) and `rhs` (`b`).
fn comparison<'n, 'v>(
    op: CmpOp,
    lhs: &'n Node,
    a: Value<'v>,
    rhs: &'n Node,
    b: Value<'v>,
    truth: bool,
) -> Comparison<'n, 'v> {
    Comparison {
        op,
        lhs,
        left: a,
        rhs,
        right: b,
        truth,
    }
}

#[test]
fn sentences_on_constructed_nodes() {
    let pack = pack();
    let l = Labels {
        pack: &pack,
        locale: pack.locales.iter().find(|l| l.lang == "ru"),
    };
    let Dates {
        last,
        thirty,
        minus,
        working,
        years,
        between,
    } = dates(&pack);
    let reg = param(&pack, "registration_free_days");
    let cmp = |op, lhs: &Node, a, rhs: &Node, b, truth| {
        ru().compare(&l, &comparison(op, lhs, a, rhs, b, truth))
    };
    let (as_of, end) = (
        Value::Date(day("2026-03-20")),
        Value::Date(day("2026-03-30")),
    );
    let mut all = vec![
        (
            cmp(CmpOp::Le, &field(Field::AsOf), as_of, &last, end, true),
            "дата оценки (2026-03-20) не позже, чем последний день срока, считая от события «дата въезда» (2026-03-30)",
        ),
        (
            cmp(CmpOp::Gt, &field(Field::AsOf), as_of, &thirty, end, false),
            "дата оценки (2026-03-20) не позже, чем последний из 30 дней, считая от события «дата въезда» (2026-03-30)",
        ),
        (
            cmp(CmpOp::Lt, &field(Field::AsOf), end, &field(Field::ContractStart), as_of, false),
            "дата оценки (2026-03-30) не раньше, чем дата начала договора (2026-03-20)",
        ),
        (
            cmp(CmpOp::Ge, &lit(Lit::Int(8500)), Value::Int(8500), &lit(Lit::Int(10_000)), Value::Int(10_000), false),
            "8\u{a0}500 меньше, чем 10\u{a0}000",
        ),
        (
            cmp(CmpOp::Eq, &field(Field::Host), Value::Country(Country::KZ), &lit(Lit::Country(Country::KG)), Value::Country(Country::KG), false),
            "государство трудоустройства: KZ, а не KG",
        ),
        (
            cmp(CmpOp::Ne, &lit(Lit::Country(Country::KZ)), Value::Country(Country::KZ), &field(Field::Host), Value::Country(Country::KZ), false),
            "Казахстан (KZ) и государство трудоустройства (KZ) совпадают",
        ),
        (
            cmp(
                CmpOp::Eq,
                &field(Field::ContractKind),
                Value::Kind(ContractKind::CivilLaw),
                &lit(Lit::Kind(ContractKind::Employment)),
                Value::Kind(ContractKind::Employment),
                false,
            ),
            "вид договора: гражданско-правовой договор, а не трудовой договор",
        ),
        (
            ru().within(
                &l,
                &field(Field::ContractKind),
                Value::Kind(ContractKind::None),
                &SetSrc::Literal(vec![Lit::Kind(ContractKind::Employment), Lit::Kind(ContractKind::CivilLaw)]),
                false,
            ),
            "вид договора (нет договора) не входит в перечень: трудовой договор, гражданско-правовой договор",
        ),
        (
            ru().within(
                &l,
                &field(Field::Host),
                Value::Country(Country::KZ),
                &SetSrc::List(Box::new(field(Field::Citizenship))),
                false,
            ),
            "государство трудоустройства (KZ) не входит в перечень «гражданство»",
        ),
        (ru().is_null(&field(Field::ContractEnd), Value::Null), "договор бессрочный"),
        (
            ru().is_null(&field(Field::ContractEnd), Value::Date(day("2026-12-31"))),
            "срок договора истекает 2026-12-31",
        ),
        (ru().is_null(&field(Field::TerminatedOn), Value::Null), "договор не расторгнут досрочно"),
        (
            ru().is_null(&field(Field::TerminatedOn), Value::Date(day("2026-04-10"))),
            "договор расторгнут досрочно 2026-04-10",
        ),
        (
            ru().is_null(&field(Field::EffectiveEnd), Value::Date(day("2026-04-10"))),
            "договор прекращается (или прекратился) 2026-04-10",
        ),
        (ru().is_null(&field(Field::EntryDate), Value::Null), "дата въезда: не указано"),
        (ru().is_null(&thirty, Value::Null), "такой даты нет"),
        (ru().is_null(&thirty, end), "дата: 2026-03-30"),
        (
            ru().empty_list(&node(Op::Var { slot: 0, member: Some(MemberField::Citizenship) })),
            "у члена семьи нет гражданства ни одного государства",
        ),
        (ru().empty_list(&field(Field::Family)), "вы не указали ни одного члена семьи"),
        (
            ru().fact(Field::Registered, Value::Bool(true)),
            "вы уже зарегистрированы в миграционном органе",
        ),
        (
            ru().fact(Field::Registered, Value::Bool(false)),
            "вы ещё не зарегистрированы в миграционном органе",
        ),
        (
            ru().fact(Field::PermanentResident, Value::Bool(true)),
            "у вас есть вид на жительство государства трудоустройства",
        ),
        (
            ru().fact(Field::PermanentResident, Value::Bool(false)),
            "у вас нет вида на жительство государства трудоустройства",
        ),
        (
            ru().event(Some(&field(Field::EntryDate)), Value::Unknown, Value::Date(day("2026-07-01")), true, Truth::Unknown),
            "дата въезда: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, действующая с 2026-07-01",
        ),
        (
            ru().event(None, Value::Unknown, Value::Date(day("2026-07-01")), false, Truth::Unknown),
            "дата события: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, которую заменили 2026-07-01",
        ),
        (
            ru().foreign_host(Country::RU, Country::KZ),
            "государство трудоустройства — Россия, а не Казахстан: национальные нормы, которые устанавливает Казахстан, применяются только к работе в этом государстве",
        ),
    ];
    // Descriptions of computed dates.
    for (n, words) in [
        (&minus, "дата въезда − 1 день"),
        (&working, "дата въезда − 1 день + 3 рабочих дня"),
        (&years, "дата рождения члена семьи + 18 лет"),
        (
            &between,
            "число дней между событиями «дата въезда» и «дата оценки»",
        ),
        (
            &node(Op::Def(crate::engine::ir::DefId::new(0))),
            "метка из языкового файла",
        ),
        (
            &node(Op::Param { id: reg, on: None }),
            "метка из языкового файла",
        ),
    ] {
        assert_eq!(ru().describe(&l, n).as_deref(), Some(words));
    }
    // A rule replaced before the assessment date.
    let mut rule = pack.rules[0].clone();
    rule.in_force_from = day("2015-01-01");
    rule.in_force_to = Some(day("2021-01-01"));
    all.push((
        ru().not_in_force(&rule, day("2026-03-20")),
        "эта норма действовала с 2015-01-01 по 2020-12-31; дата оценки 2026-03-20 — позже",
    ));
    all.push((
        ru().not_in_force(&rule, day("2014-03-20")),
        "эта норма действует с 2015-01-01 по 2020-12-31; дата оценки 2014-03-20 — раньше",
    ));
    for (sentence, expected) in &all {
        assert_eq!(sentence, expected);
        if !expected.is_empty() {
            assert_russian(sentence);
        }
    }
    for s in [ru().date_not_yet(), ru().unknown_days(), ru().unknown_day()] {
        assert_russian(s);
    }
}

/// Membership reads as the brief's example, the label in the
/// instrumental after «является».
#[test]
fn membership_follows_является() {
    let pack = pack();
    let l = Labels {
        pack: &pack,
        locale: pack.locales.iter().find(|l| l.lang == "ru"),
    };
    let members = pack
        .dated_sets
        .iter()
        .find(|s| s.name == "eaeu_members")
        .unwrap();
    let kg = Value::Country(Country::KG);
    assert_eq!(
        ru().member(&l, members, kg, day("2026-03-20"), true),
        "Кыргызстан (KG) является государством — членом ЕАЭС с 2015-08-12"
    );
    assert_eq!(
        ru().member(&l, members, kg, day("2015-08-11"), false),
        "Кыргызстан (KG) на 2015-08-11 ещё не является государством — членом ЕАЭС: это так только с 2015-08-12"
    );
    assert_eq!(
        ru().member(&l, members, Value::Country(Country::UZ), day("2026-03-20"), false),
        "Узбекистан (UZ) не является государством — членом ЕАЭС, но является государством — наблюдателем при ЕАЭС с 2020-12-11"
    );
}

#[test]
fn questions_keep_names_in_the_nominative() {
    let defaults = crate::profile::Defaults::new(day("2026-03-20"), Some(Country::KZ));
    let p = WorkerProfile::from_json(
        r#"{"citizenship": "KG", "family": [{"relation": "spouse"}]}"#,
        defaults,
    )
    .unwrap();
    // The embedded pack's questions, with its Russian language file.
    let pack = crate::rules::embedded_pack().unwrap();
    let words = Words::new(&pack, &p, Lang::Ru);
    let question = |m: &Missing| words.question(m);
    let ask = |field| {
        question(&Missing {
            field,
            member: None,
        })
    };
    assert_eq!(
        ask(FieldKey::Profile(Field::EntryDate)),
        "Когда вы въехали в государство трудоустройства (Казахстан)?"
    );
    assert_eq!(
        ask(FieldKey::Profile(Field::PermanentResident)),
        "Есть ли у вас вид на жительство государства трудоустройства (Казахстан)?"
    );
    assert_eq!(
        question(&Missing {
            field: FieldKey::Member(MemberField::BirthDate),
            member: Some(0),
        }),
        "Когда родился член семьи 1 (супруг(а))?"
    );
    for field in Field::ALL {
        assert_russian(&ask(FieldKey::Profile(field)));
        // A pack without a question for a fact still asks in Russian.
        assert_russian(&ru().question_fallback(&Missing {
            field: FieldKey::Profile(field),
            member: None,
        }));
    }
    for field in MemberField::ALL {
        assert_russian(&ask(FieldKey::Member(field)));
        for member in [Some(0), Some(5)] {
            let m = Missing {
                field: FieldKey::Member(field),
                member,
            };
            assert_russian(&question(&m));
            assert_russian(&ru().question_fallback(&m));
        }
    }
    let mut all = p.clone();
    all.assumed = crate::profile::Assumed {
        host: true,
        as_of: true,
        terminated_on: true,
        permanent_resident: true,
    };
    let said = ru().assumptions(&all);
    assert_eq!(
        said,
        [
            "оценка проведена на сегодняшний день, 2026-03-20",
            "предполагается, что государство трудоустройства — Казахстан (KZ)",
            "предполагается, что договор не был расторгнут досрочно",
            "предполагается, что у вас нет вида на жительство государства трудоустройства (KZ)",
        ]
    );
}

/// The facts of every test profile are Russian words, but for the
/// occupation, which is the person's own text.
#[test]
fn facts_are_russian() {
    // Owned, to compare with each fact's label.
    let occupation = Lang::Ru.text_words().html.facts.occupation.to_string();
    for p in profiles() {
        let facts = Lang::Ru.facts(&p);
        assert!(facts.len() >= 9, "{facts:?}");
        for f in facts {
            assert_russian(&f.label);
            if f.label != occupation {
                assert_russian(&f.value);
            }
        }
    }
}

/// Every kind of work the embedded pack's occupations table names has
/// Russian words, so a summary never says «medical деятельность».
#[test]
fn every_kind_of_work_is_russian() {
    let pack = crate::rules::embedded_pack().unwrap();
    let table = pack.occupations.as_ref().unwrap();
    let mut i = 0;
    while let Some(name) = table.category(i) {
        assert_russian(&ru().kind_of_work(name));
        i += 1;
    }
    assert!(i >= 5, "{i} kinds of work");
}

/// Every profile of the test cases (`tests/cases/*.json`).
fn profiles() -> Vec<WorkerProfile> {
    let files = [
        include_str!("../../../../tests/cases/contracts.json"),
        include_str!("../../../../tests/cases/family.json"),
        include_str!("../../../../tests/cases/membership-dates.json"),
        include_str!("../../../../tests/cases/non-eaeu.json"),
        include_str!("../../../../tests/cases/occupations.json"),
        include_str!("../../../../tests/cases/pensions.json"),
        include_str!("../../../../tests/cases/registration.json"),
        include_str!("../../../../tests/cases/situations.json"),
        include_str!("../../../../tests/cases/tax-and-social.json"),
        include_str!("../../../../tests/cases/termination.json"),
        include_str!("../../../../tests/cases/worker-definition.json"),
    ];
    let defaults = crate::profile::Defaults::new(
        NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
        Some(Country::KZ),
    );
    let mut out = Vec::new();
    for file in files {
        let cases: serde_json::Value = serde_json::from_str(file).unwrap();
        for case in cases.as_array().unwrap() {
            let text = case["profile"].to_string();
            if let Ok(p) = WorkerProfile::from_json(&text, defaults) {
                out.push(p);
            }
        }
    }
    // Facts left out, for the questions and the assumptions.
    for text in [
        r#"{"citizenship": []}"#,
        r#"{"citizenship": "KG"}"#,
        r#"{"citizenship": ["KG", "RU"], "contract": {"kind": "employment"}, "occupation": "astronaut"}"#,
        r#"{"citizenship": "KG", "family": [{"relation": "child"}, {}]}"#,
    ] {
        out.push(
            WorkerProfile::from_json(text, defaults).unwrap_or_else(|e| panic!("{text}: {e}")),
        );
    }
    out
}

/// The sentence this module writes for a reason, if it writes it all
/// (not the pack's own `say` texts).
fn own_sentence(words: Words<'_>, r: &Reason<'_>) -> Option<String> {
    match r {
        Reason::Say { node, .. } => match node.say.as_deref() {
            Some(Say::EventFrom | Say::EventTo) => Some(words.reason(r)),
            _ => None,
        },
        Reason::NotEncoded { rule, as_of } => {
            Some(ru().not_encoded(rule.in_force_from, *as_of, ""))
        }
        _ => Some(words.reason(r)),
    }
}

fn kind(r: &Reason<'_>) -> &'static str {
    match r {
        Reason::Compare { .. } => "compare",
        Reason::Settled { .. } => "settled",
        Reason::In { .. } => "in",
        Reason::Member { .. } => "member",
        Reason::IsNull { .. } => "is_null",
        Reason::EmptyList { .. } => "empty_list",
        Reason::Fact { .. } => "fact",
        Reason::LastDay { .. } => "last_day",
        Reason::Say { .. } => "say",
        Reason::NotInForce { .. } => "not_in_force",
        Reason::NotEncoded { .. } => "not_encoded",
        Reason::ForeignHost { .. } => "foreign_host",
        Reason::CarriedForward { .. } => "carried",
    }
}

/// Every sentence this module writes for the test cases' profiles.
fn sentences() -> (BTreeSet<String>, BTreeSet<&'static str>) {
    let pack = pack();
    let mut out = BTreeSet::new();
    let mut kinds = BTreeSet::new();
    for p in profiles() {
        let eval = crate::engine::explain(&pack, &p);
        let words = Words::new(&pack, &p, Lang::Ru);
        let reasons = eval
            .status_why
            .because
            .iter()
            .chain(eval.results.iter().flat_map(|r| r.why.because.iter()));
        for r in reasons {
            if let Some(s) = own_sentence(words, r) {
                kinds.insert(kind(r));
                out.insert(s);
            }
        }
        let report = crate::report::build_in(&pack, &p, &eval, Lang::Ru);
        for q in &report.questions {
            out.insert(q.question.clone());
        }
        out.extend(report.assumptions);
    }
    (out, kinds)
}

#[test]
fn every_sentence_of_this_module_is_russian() {
    let (sentences, kinds) = sentences();
    for s in &sentences {
        assert_russian(s);
    }
    // The cases reach the sentences that matter.
    for kind in [
        "settled",
        "in",
        "member",
        "empty_list",
        "last_day",
        "say",
        "not_in_force",
        "foreign_host",
    ] {
        assert!(kinds.contains(kind), "no {kind} reason in {kinds:?}");
    }
    if std::env::var_os("RU_SENTENCES").is_some() {
        for s in &sentences {
            println!("{s}");
        }
    }
}

/// The English sentences on constructed reasons, word for word (the
/// expected words are what the English module said before the sentences
/// moved to Fluent).
#[test]
fn english_sentences_word_for_word() {
    let en = Voice::of(Lang::En);
    let pack = crate::rules::embedded_pack().unwrap();
    let l = Labels {
        pack: &pack,
        locale: None,
    };
    let Dates {
        last,
        thirty,
        minus,
        working,
        years,
        between,
    } = dates(&pack);
    let reg = param(&pack, "registration_free_days");
    let cmp = |op, lhs: &Node, a, rhs: &Node, b, truth| {
        en.compare(&l, &comparison(op, lhs, a, rhs, b, truth))
    };
    let (as_of, end) = (
        Value::Date(day("2026-03-20")),
        Value::Date(day("2026-03-30")),
    );
    let members = pack
        .dated_sets
        .iter()
        .find(|s| s.name == "eaeu_members")
        .unwrap();
    let (kg, uz) = (Value::Country(Country::KG), Value::Country(Country::UZ));
    let entry = Comparison {
        op: CmpOp::Lt,
        lhs: &field(Field::EntryDate),
        left: Value::Unknown,
        rhs: &lit(Lit::Date(day("2026-07-01"))),
        right: Value::Date(day("2026-07-01")),
        truth: true,
    };
    let mut rule = pack.rules[0].clone();
    rule.in_force_from = day("2015-01-01");
    rule.in_force_to = Some(day("2021-01-01"));
    let mut next_day = pack.clone();
    next_day.meta.day_count = DayCount::NextDayIsDay1;
    let mut event_day = pack.clone();
    event_day.meta.day_count = DayCount::EventDayIsDay1;
    let mut carried = pack.param(reg).clone();
    carried.known_until = Some(day("2026-01-01"));
    let said = vec![
        cmp(CmpOp::Le, &field(Field::AsOf), as_of, &last, end, true),
        cmp(CmpOp::Gt, &field(Field::AsOf), as_of, &thirty, end, false),
        cmp(
            CmpOp::Lt,
            &field(Field::AsOf),
            end,
            &field(Field::ContractStart),
            as_of,
            false,
        ),
        cmp(
            CmpOp::Ge,
            &lit(Lit::Int(8500)),
            Value::Int(8500),
            &lit(Lit::Int(10_000)),
            Value::Int(10_000),
            false,
        ),
        cmp(
            CmpOp::Eq,
            &field(Field::Host),
            Value::Country(Country::KZ),
            &lit(Lit::Country(Country::KG)),
            Value::Country(Country::KG),
            false,
        ),
        cmp(
            CmpOp::Ne,
            &lit(Lit::Country(Country::KZ)),
            Value::Country(Country::KZ),
            &field(Field::Host),
            Value::Country(Country::KZ),
            false,
        ),
        cmp(CmpOp::Eq, &minus, as_of, &working, end, false),
        cmp(CmpOp::Gt, &years, as_of, &between, Value::Int(12), true),
        en.settled(&l, &entry, Guarantee::EntryNotAfter(day("2026-03-20"))),
        en.within(
            &l,
            &field(Field::ContractKind),
            Value::Kind(ContractKind::None),
            &SetSrc::Literal(vec![
                Lit::Kind(ContractKind::Employment),
                Lit::Kind(ContractKind::CivilLaw),
            ]),
            false,
        ),
        en.within(
            &l,
            &field(Field::Host),
            Value::Country(Country::KZ),
            &SetSrc::List(Box::new(field(Field::Citizenship))),
            false,
        ),
        en.member(&l, members, kg, day("2026-03-20"), true),
        en.member(&l, members, kg, day("2015-08-11"), false),
        en.member(&l, members, uz, day("2026-03-20"), false),
        en.is_null(&field(Field::ContractEnd), Value::Null),
        en.is_null(&field(Field::TerminatedOn), Value::Date(day("2026-04-10"))),
        en.is_null(&field(Field::EntryDate), Value::Null),
        en.is_null(&thirty, end),
        en.empty_list(&field(Field::Citizenship)),
        en.fact(Field::Registered, Value::Bool(false)),
        en.fact(Field::PermanentResident, Value::Bool(true)),
        en.last_day(
            &Labels {
                pack: &event_day,
                locale: None,
            },
            &field(Field::EntryDate),
            day("2026-03-01"),
            15,
            day("2026-03-15"),
        ),
        en.last_day(
            &Labels {
                pack: &next_day,
                locale: None,
            },
            &field(Field::EntryDate),
            day("2026-03-01"),
            15,
            day("2026-03-16"),
        ),
        en.event(
            Some(&field(Field::EntryDate)),
            Value::Date(day("2026-06-01")),
            Value::Date(day("2026-07-01")),
            true,
            Truth::False,
        ),
        en.event(
            None,
            Value::Unknown,
            Value::Date(day("2026-07-01")),
            false,
            Truth::Unknown,
        ),
        en.not_in_force(&rule, day("2026-03-20")),
        en.not_encoded(
            day("2015-01-01"),
            day("2014-03-20"),
            "Before 2015, the Agreement of 2010 applied.",
        ),
        en.foreign_host(Country::RU, Country::KZ),
        en.carried(l.of(&carried.name, &carried.label), &carried),
        en.show_fact(Value::Int(36_762_500)),
        en.member_words(2, Some(Relation::Spouse)),
        en.question_fallback(&Missing {
            field: FieldKey::Member(MemberField::BirthDate),
            member: Some(1),
        }),
        en.progress(3, Some(4)),
        en.answer_problem(&AnswerProblem::NotACountry {
            text: "Kirgizia".into(),
            meant: Some(("Kyrgyzstan".into(), "KG".into())),
        }),
    ];
    let want = [
        "the assessment date (2026-03-20) is on or before the last day of the period counted from the date of entry (2026-03-30)",
        "the assessment date (2026-03-20) is on or before the last of 30 days from the date of entry (2026-03-30)",
        "the assessment date (2026-03-30) is on or after the contract start (2026-03-20)",
        "8500 is less than 10000",
        "the host state is KZ, not KG",
        "Kazakhstan (KZ) is the host state (KZ)",
        "1 day before the date of entry (2026-03-20) is not 3 working days after 1 day before the date of entry (2026-03-30)",
        "18 years after the family member's date of birth (2026-03-20) is after the days from the date of entry to the assessment date (12)",
        "the date of entry is not known, but it cannot be after the assessment date (2026-03-20); whatever it is, the date of entry is before 2026-07-01",
        "the contract kind (none) is not one of employment, civil-law",
        "the host state (KZ) is not one of the citizenship",
        "Kyrgyzstan (KG) has been an EAEU member state since 2015-08-12",
        "on 2015-08-11, Kyrgyzstan (KG) was not yet an EAEU member state: it became one on 2015-08-12",
        "Uzbekistan (UZ) is not an EAEU member state; it has been an EAEU observer state (observer status gives its nationals no worker rights) since 2020-12-11",
        "the contract is open-ended",
        "the contract was terminated early on 2026-04-10",
        "the date of entry is not set",
        "the date is 2026-03-30",
        "you hold no citizenship (stateless)",
        "you are not yet registered with the migration authority",
        "you hold a permanent residence permit of the host state",
        "counting the date of entry (2026-03-01) as day 1, day 15 is 2026-03-15; counting from the next day would give one day more (2026-03-16)",
        "counting from the day after the date of entry (2026-03-01), day 15 is 2026-03-16; counting that day itself as day 1 would give one day less (2026-03-15)",
        "the date of entry (2026-06-01) is before 2026-07-01, when this provision took effect: the rules in force on that date govern it",
        "the date of the event is not known, so it cannot be said whether this provision, replaced on 2026-07-01, governs your case",
        "this provision applied from 2015-01-01 to 2020-12-31; the assessment date 2026-03-20 is after that",
        "this tool covers this provision only from 2015-01-01; the assessment date 2014-03-20 is before that, so it is not assessed here. Before 2015, the Agreement of 2010 applied.",
        "the host state is Russia, not Kazakhstan: Kazakhstan's national rules apply only to work there",
        "the registration-free period after entry, in days is known to this rule pack only until 2025-12-31: the latest known value, 30, in force from 2015-01-01, is used for later dates; check the current value",
        "36,762,500",
        "family member 2 (spouse)",
        "Please give date of birth of family member 2.",
        "Question 3, about 4 left",
        "\"Kirgizia\" is not a country we know. Did you mean Kyrgyzstan (KG)?",
    ];
    assert_eq!(said.len(), want.len());
    for (said, want) in said.iter().zip(want) {
        assert_eq!(said, want);
    }
    let described: Vec<String> = [&minus, &working, &years, &between]
        .iter()
        .map(|n| en.describe(&l, n).unwrap())
        .collect();
    assert_eq!(
        described,
        [
            "1 day before the date of entry",
            "3 working days after 1 day before the date of entry",
            "18 years after the family member's date of birth",
            "the days from the date of entry to the assessment date",
        ]
    );
}

/// The messages of the sentences' files.
fn file_ids(lang: Lang) -> BTreeSet<String> {
    ["reasons", "values", "asking"]
        .iter()
        .flat_map(|file| crate::locale::ids(lang, file).unwrap_or_default())
        .collect()
}

/// Calls every sentence of a voice, with arguments that reach every
/// message.
fn say_everything(voice: Voice) {
    use crate::engine::ir::{DefId, SetId};
    let pack = pack();
    let l = Labels {
        pack: &pack,
        locale: pack.locales.iter().find(|l| l.lang == voice.lang.code()),
    };
    let reg = param(&pack, "registration_free_days");
    let (d1, d2) = (
        Value::Date(day("2026-03-20")),
        Value::Date(day("2026-03-30")),
    );
    let entry = field(Field::EntryDate);
    let member = node(Op::Var {
        slot: 0,
        member: Some(MemberField::BirthDate),
    });
    let computed = [
        node(Op::Def(DefId::new(0))),
        node(Op::Param { id: reg, on: None }),
        node(Op::Shift(
            Unit::Days,
            Box::new(entry.clone()),
            Box::new(lit(Lit::Int(-3))),
        )),
        node(Op::Shift(
            Unit::Months,
            Box::new(member.clone()),
            Box::new(field(Field::AsOf)),
        )),
        node(Op::Shift(
            Unit::Years,
            Box::new(entry.clone()),
            Box::new(lit(Lit::Bool(true))),
        )),
        node(Op::LastDay(
            Box::new(entry.clone()),
            Box::new(lit(Lit::Int(30))),
        )),
        node(Op::LastDay(
            Box::new(entry.clone()),
            Box::new(node(Op::Param { id: reg, on: None })),
        )),
        node(Op::DaysBetween(
            Box::new(entry.clone()),
            Box::new(field(Field::AsOf)),
        )),
        node(Op::Age(
            Box::new(member.clone()),
            Box::new(field(Field::AsOf)),
        )),
        node(Op::Earliest(vec![entry.clone()])),
        node(Op::Latest(vec![entry.clone()])),
    ];
    for days in [
        lit(Lit::Int(3)),
        lit(Lit::Bool(true)),
        field(Field::AsOf),
        node(Op::Earliest(Vec::new())),
        lit(Lit::Int(1)),
    ] {
        let n = node(Op::AddWorkingDays {
            from: Box::new(entry.clone()),
            days: Box::new(days),
            holidays: SetId::new(0),
        });
        assert!(voice.describe(&l, &n).is_some());
    }
    for n in &computed {
        assert!(voice.describe(&l, n).is_some());
    }
    let family = vec![crate::profile::FamilyMember {
        relation: None,
        birth_date: None,
        citizenship: None,
    }];
    let text = "x".to_owned();
    let countries = vec![Country::KG, Country::RU, Country::AM];
    for v in [
        Value::Unknown,
        Value::Null,
        Value::Bool(true),
        Value::Int(12_345),
        d1,
        Value::Country(Country::KG),
        Value::Kind(ContractKind::CivilLaw),
        Value::Relation(Relation::Child),
        Value::Text(&text),
        Value::Countries(&countries),
        Value::Family(&family),
        Value::Member(&family[0]),
    ] {
        voice.show(v);
        voice.show_fact(v);
    }
    for op in [
        CmpOp::Eq,
        CmpOp::Ne,
        CmpOp::Lt,
        CmpOp::Le,
        CmpOp::Gt,
        CmpOp::Ge,
    ] {
        for truth in [true, false] {
            for (lhs, a, rhs, b) in [
                (&entry, d1, &computed[5], d2),
                (
                    &lit(Lit::Int(5)),
                    Value::Int(5),
                    &lit(Lit::Int(7)),
                    Value::Int(7),
                ),
                (
                    &field(Field::Host),
                    Value::Country(Country::KZ),
                    &lit(Lit::Country(Country::KG)),
                    Value::Country(Country::KG),
                ),
            ] {
                let c = Comparison {
                    op,
                    lhs,
                    left: a,
                    rhs,
                    right: b,
                    truth,
                };
                voice.compare(&l, &c);
                for g in [
                    Guarantee::EntryNotAfter(day("2026-03-20")),
                    Guarantee::StartNotAfter(day("2026-03-20")),
                    Guarantee::EndNotBefore(day("2026-03-20")),
                ] {
                    voice.settled(&l, &c, g);
                }
            }
        }
    }
    for found in [true, false] {
        for set in [
            SetSrc::Literal(vec![Lit::Int(1), Lit::Int(2)]),
            SetSrc::Named(SetId::new(0)),
            SetSrc::List(Box::new(field(Field::Citizenship))),
            SetSrc::List(Box::new(lit(Lit::Int(1)))),
        ] {
            voice.within(
                &l,
                &field(Field::Host),
                Value::Country(Country::KZ),
                &set,
                found,
            );
        }
    }
    let members = pack
        .dated_sets
        .iter()
        .find(|s| s.name == "eaeu_members")
        .unwrap();
    let mut left = members.clone();
    for m in &mut left.members {
        m.to = Some(day("2020-01-01"));
    }
    for (set, v, on, truth) in [
        (members, Value::Country(Country::KG), "2026-03-20", true),
        (members, Value::Country(Country::KG), "2015-08-11", false),
        (members, Value::Country(Country::UZ), "2026-03-20", false),
        (members, Value::Country(Country::UZ), "2026-03-20", true),
        (&left, Value::Country(Country::KG), "2026-03-20", false),
    ] {
        voice.member(&l, set, v, day(on), truth);
    }
    for f in [
        Field::ContractEnd,
        Field::TerminatedOn,
        Field::EffectiveEnd,
        Field::EntryDate,
    ] {
        voice.is_null(&field(f), Value::Null);
        voice.is_null(&field(f), d1);
    }
    voice.is_null(&computed[5], Value::Null);
    voice.is_null(&computed[5], d1);
    for list in [
        field(Field::Citizenship),
        field(Field::Family),
        member.clone(),
        computed[5].clone(),
    ] {
        voice.empty_list(&list);
    }
    for f in [
        Field::Registered,
        Field::PermanentResident,
        Field::Occupation,
    ] {
        voice.fact(f, Value::Bool(true));
        voice.fact(f, Value::Bool(false));
    }
    let mut counted = pack.clone();
    for count in [DayCount::EventDayIsDay1, DayCount::NextDayIsDay1] {
        counted.meta.day_count = count;
        let l = Labels {
            pack: &counted,
            locale: l.locale,
        };
        voice.last_day(&l, &entry, day("2026-03-01"), 30, day("2026-03-30"));
        voice.last_day(
            &l,
            &lit(Lit::Int(1)),
            day("2026-03-01"),
            30,
            day("2026-03-30"),
        );
        voice.last_day(&l, &entry, day("2026-03-01"), 30, NaiveDate::MAX);
    }
    let mut rule = pack.rules[0].clone();
    rule.in_force_from = day("2015-01-01");
    rule.in_force_to = Some(day("2021-01-01"));
    voice.not_in_force(&rule, day("2026-03-20"));
    voice.not_in_force(&rule, day("2014-03-20"));
    rule.in_force_to = None;
    voice.not_in_force(&rule, day("2014-03-20"));
    voice.not_encoded(day("2015-01-01"), day("2014-03-20"), "earlier");
    voice.foreign_host(Country::RU, Country::KZ);
    let mut p = pack.param(reg).clone();
    voice.carried("label", &p);
    p.known_until = Some(day("2026-01-01"));
    voice.carried("label", &p);
    for from in [true, false] {
        for truth in [Truth::True, Truth::False, Truth::Unknown] {
            voice.event(Some(&entry), d1, d2, from, truth);
        }
    }
    voice.kind_of_work("medical");
    for relation in [None, Some(Relation::Spouse)] {
        voice.member_words(1, relation);
    }
    for m in [None, Some(0)] {
        voice.question_fallback(&Missing {
            field: FieldKey::Member(MemberField::BirthDate),
            member: m,
        });
    }
    for left in [None, Some(0), Some(3)] {
        voice.progress(2, left);
    }
    let profile = WorkerProfile::from_json(
        r#"{"citizenship": "KG", "contract": {"kind": "employment"}}"#,
        crate::profile::Defaults::new(day("2026-03-20"), Some(Country::KZ)),
    )
    .unwrap();
    let mut all = profile.clone();
    all.assumed = crate::profile::Assumed {
        host: true,
        as_of: true,
        terminated_on: true,
        permanent_resident: true,
    };
    voice.assumptions(&all);
    let why =
        WorkerProfile::from_json("[]", crate::profile::Defaults::new(day("2026-03-20"), None))
            .unwrap_err();
    let text = || "x".to_owned();
    for problem in [
        AnswerProblem::Empty,
        AnswerProblem::NotADate(text()),
        AnswerProblem::Unpadded {
            text: text(),
            dotted: text(),
            iso: text(),
        },
        AnswerProblem::NoSuchDay(text()),
        AnswerProblem::OutOfRange(text()),
        AnswerProblem::NotACountry {
            text: text(),
            meant: Some((text(), text())),
        },
        AnswerProblem::NotACountry {
            text: text(),
            meant: None,
        },
        AnswerProblem::TooManyCountries(5),
        AnswerProblem::NotAChoice {
            text: text(),
            count: 3,
        },
        AnswerProblem::NotYesNo(text()),
        AnswerProblem::NotACount {
            text: text(),
            max: 20,
        },
        AnswerProblem::TooLong,
        AnswerProblem::AfterAsOf {
            date: day("2026-03-20"),
            as_of: day("2026-03-20"),
        },
        AnswerProblem::EndBeforeStart {
            end: day("2026-03-20"),
            start: day("2026-03-20"),
        },
        AnswerProblem::StartAfterEnd {
            start: day("2026-03-20"),
            end: day("2026-03-20"),
        },
        AnswerProblem::CitizenshipNeeded,
        AnswerProblem::NothingToUndo,
        AnswerProblem::NotAFormat(text()),
        AnswerProblem::FileExists(text()),
        AnswerProblem::CannotWrite {
            path: text(),
            why: text(),
        },
        AnswerProblem::Other(Box::new(why)),
    ] {
        voice.answer_problem(&problem);
    }
}

/// Every message of the sentences' files formats in every language with
/// the arguments the code gives it (no fallback to English, no Fluent
/// error), every message is used, and the fixed words read in full.
#[test]
fn every_message_formats_in_every_language() {
    let fixed: BTreeSet<String> = vocab_ids()
        .into_iter()
        .chain(FILLERS.iter().map(|(id, _)| (*id).to_owned()))
        .collect();
    for lang in Lang::ALL {
        SAID.with(|s| *s.borrow_mut() = (Vec::new(), Vec::new()));
        say_everything(Voice::of(lang));
        let (said, failed) = SAID.with(|s| s.borrow().clone());
        assert!(failed.is_empty(), "{failed:#?}");
        let said: BTreeSet<String> = said.into_iter().chain(fixed.iter().cloned()).collect();
        let defined = file_ids(lang);
        let unused: Vec<_> = defined.difference(&said).collect();
        assert!(unused.is_empty(), "{}: never said {unused:?}", lang.code());
        let undefined: Vec<_> = said.difference(&defined).collect();
        assert!(
            undefined.is_empty(),
            "{}: not in the files {undefined:?}",
            lang.code()
        );
        for id in &fixed {
            let args = FILLERS.iter().find(|(f, _)| f == id).map(|(_, names)| {
                names
                    .iter()
                    .map(|n| (*n, FluentValue::from(*n)))
                    .collect::<FluentArgs<'_>>()
            });
            let text = crate::locale::format(lang, id, args.as_ref());
            assert!(
                matches!(&text, Ok(t) if !t.is_empty()),
                "{} {id}: {text:?}",
                lang.code()
            );
        }
        // A filler's message has no choice on its arguments: filled, it
        // reads as Fluent formats it.
        let v = Voice::of(lang);
        for (filler, (id, names)) in [&v.v.number, &v.v.country_with_code, &v.v.described]
            .into_iter()
            .zip(FILLERS)
        {
            let values: Vec<String> = names.iter().map(|n| format!("<{n}>")).collect();
            let args: FluentArgs<'_> = names
                .iter()
                .zip(&values)
                .map(|(n, v)| (*n, FluentValue::from(v.as_str())))
                .collect();
            let refs: Vec<&str> = values.iter().map(String::as_str).collect();
            assert_eq!(
                filler.fill(&refs),
                crate::locale::format(lang, id, Some(&args)).unwrap(),
                "{}",
                lang.code()
            );
        }
    }
}

/// English counts a date shift's unit and a family's members in the
/// singular and the plural, and says a shift back as "before".
#[test]
fn english_counts_units_and_members() {
    use fluent_bundle::FluentArgs;
    let shift = |count: i64, negative: &str, unit: &str| {
        let mut args = FluentArgs::new();
        args.set("kind", "count");
        args.set("count", count);
        args.set("negative", negative);
        args.set("magnitude", count.to_string());
        args.set("unit", unit);
        args.set("base", "the date of entry");
        crate::locale::format(crate::locale::Lang::En, "describe-shift", Some(&args)).unwrap()
    };
    assert_eq!(shift(1, "no", "days"), "1 day after the date of entry");
    assert_eq!(shift(2, "no", "days"), "2 days after the date of entry");
    assert_eq!(
        shift(1, "yes", "months"),
        "1 month before the date of entry"
    );
    assert_eq!(shift(3, "yes", "years"), "3 years before the date of entry");
    let family = |count: i64| {
        let mut args = FluentArgs::new();
        args.set("count", count);
        crate::locale::format(crate::locale::Lang::En, "value-family", Some(&args)).unwrap()
    };
    assert_eq!(family(1), "1 member");
    assert_eq!(family(4), "4 members");
}
