//! Russian: every sentence a person reads, put together from the engine's
//! reasons, the pack's texts and the profile's facts; sentence for sentence
//! the counterpart of `en.rs`, with the same facts.
//!
//! Russian declines nouns, and the pack's labels (from the language file)
//! and the profile's facts come in one form only: a set's or a parameter's
//! label in the nominative, a dated set's in the instrumental (it follows
//! «является»), a country's name in the nominative. So every sentence is
//! built to keep what it quotes in that form: «{label}: …», «X раньше,
//! чем Y», «считая от события «Y»», a name in parentheses after the noun it
//! explains («в государство трудоустройства (Казахстан)»), never a case
//! ending glued to a quoted name. Terms follow the official Russian text of
//! the Treaty on the EAEU: «трудящийся государства-члена», «государство
//! трудоустройства», «члены семьи»; the permanent residence permit is
//! «вид на жительство». Dates are ISO (`2026-03-30`), as in English.

use chrono::NaiveDate;

use super::dates::PluralNoun;
use super::interview::{AnswerProblem, InterviewWords};
use super::{
    Citation, Comparison, FactWords, HtmlWords, IcsWords, Labels, MarkdownWords, Speech, TextWords,
};
use crate::country::Country;
use crate::engine::ir::{
    CmpOp, DatedSet, DayCount, Field, MemberField, Node, Op, ParamId, Rule, SetSrc, Unit,
};
use crate::engine::reason::Guarantee;
use crate::engine::semantics::member_on;
use crate::engine::trace::FieldKey;
use crate::engine::value::{same, Truth, Value};
use crate::engine::Missing;
use crate::profile::{ContractKind, Relation, WorkerProfile};

/// Russian.
pub(crate) struct Ru;

/// The text report's fixed words in Russian.
pub static RU_TEXT: TextWords = TextWords {
    title: "Права и обязанности",
    title_for: " — ",
    host_state: "Государство трудоустройства: ",
    assessed_as_of: " · дата оценки: ",
    covered: (
        "РАСПРОСТРАНЯЕТСЯ: вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — ",
        ".",
    ),
    not_covered: (
        "НЕ РАСПРОСТРАНЯЕТСЯ: правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — ",
        ".",
    ),
    undetermined: "НЕ ОПРЕДЕЛЕНО: чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.",
    first: "ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ",
    may_do: "ЧТО ВЫ МОЖЕТЕ",
    must_do: "ЧТО ВЫ ДОЛЖНЫ СДЕЛАТЬ И В КАКОЙ СРОК",
    already_done: "УЖЕ СДЕЛАНО",
    done_note: "Вы сообщили, что это сделано. Сохраните документ, который это подтверждает.",
    good_to_know: "ПОЛЕЗНО ЗНАТЬ",
    still_need: "ЧТО НАМ ЕЩЁ НУЖНО ЗНАТЬ",
    decides: "от ответа зависит",
    your_status: "ваш статус",
    and_more: "и ещё",
    provision: PluralNoun {
        one: "положение",
        few: "положения",
        many: "положений",
        other: "положения",
    },
    does_not_apply: "ЧТО К ВАМ НЕ ПРИМЕНЯЕТСЯ И ПОЧЕМУ",
    not_assessed: "НЕ ОЦЕНЕНО: ПРАВИЛ ТОГО ВРЕМЕНИ НЕТ В ЭТОЙ ПРОГРАММЕ",
    assumptions: "ДОПУЩЕНИЯ (исправьте то, что неверно)",
    because: "потому что ",
    status_reasons_above: "выполнены условия статуса, указанные выше",
    ruled_out_by_status: "Из-за вашего статуса (см. выше) к вам не применяется ничего из перечисленного:",
    status_explains_below: "Права и обязанности ниже относятся к вам из-за этого статуса, если у них не указаны другие причины.",
    until: "по",
    by: "не позднее",
    ended_on: "окончен",
    already_passed: "срок уже прошёл",
    national_rule: "Национальное правило",
    implementing: "реализует",
    limiting: "ограничивает",
    quotes: ("«", "»"),
    note: "Примечание: ",
    partly_verified: "проверено частично: уточните у юриста или в миграционной службе",
    unverified: "не проверено: уточните у юриста или в миграционной службе",
    source: "Источник: ",
    read_it: "Текст:",
    rules: "Правила: ",
    rule: "правило ",
    dates: &super::dates::RU,
    citation: Citation {
        article: "ст. ",
        paragraph: "п. ",
        paragraphs: "пп. ",
        bracketed: false,
    },
    markdown: MarkdownWords {
        title: ("Права и обязанности: ", ", по состоянию на "),
        profile: "Профиль: ",
        status: "Статус",
        must_do: "Что вы должны сделать и в какой срок",
        already_done: "Уже сделано",
        first: "Что сделать в первую очередь",
        may_do: "Что вы можете",
        good_to_know: "Полезно знать",
        still_need: "Что нам ещё нужно знать",
        does_not_apply: "Что к вам не применяется",
        not_assessed: "Не оценено: правил того времени нет в этой программе",
        assumptions: "Допущения (исправьте то, что неверно)",
        covered: (
            "**Распространяется:** вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — ",
            ".",
        ),
        not_covered: (
            "**Не распространяется:** правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — ",
            ".",
        ),
        undetermined: "**Не определено:** чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.",
        done_note: "вы сообщили, что это сделано. Сохраните документ, который это подтверждает.",
        decides: "От ответа зависит: ",
    },
    ics: IcsWords {
        no_dates: (
            "В этом отчёте нет сроков и дат окончания начиная с ",
            "",
        ),
        from_for: ("Из отчёта «", "» по состоянию на ", "."),
        from: ("Из отчёта по состоянию на ", "."),
    },
    html: HtmlWords {
        details: "Сведения о вас",
        details_note: "Отчёт основан на этих сведениях. Если какие-то из них неверны, отчёт тоже может быть неверным.",
        covered: (
            "Распространяется",
            "вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — ",
            ".",
        ),
        not_covered: (
            "Не распространяется",
            "правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — ",
            ".",
        ),
        undetermined: (
            "Не определено",
            "чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.",
        ),
        other_reasons: "По другим причинам к вам не применяются:",
        facts: FactWords {
            citizenship: "Гражданство",
            host: "Государство трудоустройства",
            entry: "Дата въезда",
            contract: "Договор",
            contract_start: "Дата начала договора",
            contract_end: "Дата окончания договора",
            terminated: "Дата досрочного расторжения договора",
            occupation: "Род занятий",
            registered: "Регистрация в миграционном органе",
            permanent_resident: "Вид на жительство",
            family: "Члены семьи",
            member: "Член семьи",
            as_of: "Дата оценки",
            not_known: "нет сведений",
            yes: "есть",
            no: "нет",
            has: "есть",
            has_not: "нет",
            no_family: "нет",
            stateless: "нет (лицо без гражданства)",
            open_ended: "бессрочный",
            kind: |k| match k {
                ContractKind::Employment => "трудовой договор",
                ContractKind::CivilLaw => {
                    "гражданско-правовой договор (о выполнении работ или оказании услуг)"
                }
                ContractKind::None => "нет договора",
            },
            relation: relation_words,
            relative: "кем приходится — нет сведений",
            born: "дата рождения: ",
            member_citizenship: "гражданство: ",
            date: |day, month, year| format!("{day} {month} {year}\u{a0}г."),
        },
    },
};

impl Speech for Ru {
    fn country_name(&self, c: Country) -> &'static str {
        country_name(c)
    }
    fn kind_of_work<'n>(&self, name: &'n str) -> &'n str {
        kind_of_work(name)
    }
    fn text(&self) -> &'static TextWords {
        &RU_TEXT
    }
    fn compare(&self, l: &Labels<'_>, c: &Comparison<'_, '_>) -> String {
        cmp_sentence(l, c.op, c.lhs, c.left, c.rhs, c.right, c.truth)
    }
    fn settled(&self, l: &Labels<'_>, c: &Comparison<'_, '_>, g: Guarantee) -> String {
        settled_sentence(l, c.op, c.lhs, c.left, c.rhs, c.right, c.truth, g)
    }
    fn within(
        &self,
        l: &Labels<'_>,
        item: &Node,
        v: Value<'_>,
        set: &SetSrc,
        found: bool,
    ) -> String {
        in_sentence(l, item, v, set, found)
    }
    fn member(
        &self,
        l: &Labels<'_>,
        set: &DatedSet,
        v: Value<'_>,
        day: NaiveDate,
        truth: bool,
    ) -> String {
        member_sentence(l, set, v, day, truth)
    }
    fn is_null(&self, node: &Node, v: Value<'_>) -> String {
        null_sentence(node, v)
    }
    fn empty_list(&self, list: &Node) -> String {
        empty_list_sentence(list)
    }
    fn fact(&self, field: Field, v: Value<'_>) -> String {
        truth_fact_sentence(field, v)
    }
    fn last_day(
        &self,
        l: &Labels<'_>,
        start: &Node,
        from: NaiveDate,
        days: i64,
        last: NaiveDate,
    ) -> String {
        last_day_sentence(l, start, from, days, last)
    }
    fn not_in_force(&self, rule: &Rule, as_of: NaiveDate) -> String {
        not_in_force_sentence(rule, as_of)
    }
    fn not_encoded(&self, from: NaiveDate, as_of: NaiveDate, earlier: &str) -> String {
        format!(
            "эта норма учтена здесь только с {from}; дата оценки {as_of} — раньше, поэтому норма не оценивается. {earlier}"
        )
    }
    fn foreign_host(&self, host: Country, own: Country) -> String {
        format!(
            "государство трудоустройства — {}, а не {}: национальные нормы, которые устанавливает {}, применяются только к работе в этом государстве",
            country_name(host),
            country_name(own),
            country_name(own)
        )
    }
    fn carried(&self, l: &Labels<'_>, param: ParamId) -> String {
        let p = l.pack.param(param);
        carried_sentence(l.of(&p.name, &p.label), p)
    }
    fn event(
        &self,
        on: Option<&Node>,
        event: Value<'_>,
        day: Value<'_>,
        from: bool,
        truth: Truth,
    ) -> String {
        let label = on.map_or("дата события", event_words);
        let (event, day) = (show_fact(event), show_fact(day));
        match (from, truth) {
            (true, Truth::True) => format!("{label} ({event}) — не раньше {day}, когда эта норма вступила в силу"),
            (true, Truth::False) => format!("{label} ({event}) — раньше {day}, когда эта норма вступила в силу: к этому случаю применяются нормы, действующие на {event}"),
            (true, Truth::Unknown) => format!("{label}: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, действующая с {day}"),
            (false, Truth::True) => format!("{label} ({event}) — раньше {day}, когда эту норму заменили"),
            (false, Truth::False) => format!("{label} ({event}) — не раньше {day}, когда эту норму заменили: к этому случаю применяются нормы, действующие на {event}"),
            (false, Truth::Unknown) => format!("{label}: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, которую заменили {day}"),
        }
    }
    fn show_fact(&self, v: Value<'_>) -> String {
        show_fact(v)
    }
    fn date_not_yet(&self) -> &'static str {
        "(дату мы сможем назвать, когда вы ответите на вопросы этого отчёта)"
    }
    fn unknown_days(&self) -> &'static str {
        "неизвестное число"
    }
    fn unknown_day(&self) -> &'static str {
        "(номер неизвестен)"
    }
    fn member_words(&self, number: usize, relation: Option<Relation>) -> String {
        match relation {
            Some(r) => format!("член семьи {number} ({})", relation_words(r)),
            None => format!("член семьи {number}"),
        }
    }
    fn question_fallback(&self, m: &Missing) -> String {
        let label = match m.field {
            FieldKey::Profile(f) => field_label(f),
            FieldKey::Member(f) => member_label(f),
        };
        match m.member {
            Some(i) => format!(
                "Укажите: {label} ({}).",
                self.member_words(i.saturating_add(1), None)
            ),
            None => format!("Укажите: {label}."),
        }
    }
    fn interview(&self) -> &'static InterviewWords {
        &RU_INTERVIEW
    }
    fn answer_problem(&self, p: &AnswerProblem) -> String {
        answer_problem(p)
    }
    fn progress(&self, number: usize, left: Option<usize>) -> String {
        match left {
            None => format!("Вопрос {number}"),
            Some(0) => format!("Вопрос {number}, вероятно, последний"),
            Some(left) => format!("Вопрос {number}, осталось около {left}"),
        }
    }
    fn assumptions(&self, p: &WorkerProfile) -> Vec<String> {
        assumptions(p)
    }
}

/// A profile field in words, in the nominative: «дата въезда».
pub(crate) fn field_label(field: Field) -> &'static str {
    match field {
        Field::Citizenship => "гражданство",
        Field::Host => "государство трудоустройства",
        Field::EntryDate => "дата въезда",
        Field::AsOf => "дата оценки",
        Field::ContractKind => "вид договора",
        Field::ContractStart => "дата начала договора",
        Field::ContractEnd => "дата окончания договора",
        Field::TerminatedOn => "дата досрочного расторжения договора",
        Field::EffectiveEnd => "день окончания или досрочного расторжения договора",
        Field::Occupation => "род занятий",
        Field::OccupationCategory => "вид работы",
        Field::Registered => "регистрация в миграционном органе",
        Field::PermanentResident => "вид на жительство государства трудоустройства",
        Field::Family => "члены семьи",
    }
}

/// A family member's field, in the nominative («дата рождения»).
fn member_label(field: MemberField) -> &'static str {
    match field {
        MemberField::Relation => "степень родства",
        MemberField::BirthDate => "дата рождения",
        MemberField::Citizenship => "гражданство",
    }
}

/// The event a rule is dated by, in words («дата въезда»).
pub(crate) fn event_words(on: &Node) -> &'static str {
    match &on.op {
        Op::Field(f) => field_label(*f),
        _ => "дата события",
    }
}

/// Why a rule is not in force on the assessment date.
fn not_in_force_sentence(rule: &Rule, as_of: NaiveDate) -> String {
    let from = rule.in_force_from;
    match rule.in_force_to.and_then(|to| to.pred_opt()) {
        Some(last) if as_of > last => {
            format!("эта норма действовала с {from} по {last}; дата оценки {as_of} — позже")
        }
        Some(last) => {
            format!("эта норма действует с {from} по {last}; дата оценки {as_of} — раньше")
        }
        None => format!("эта норма действует с {from}; дата оценки {as_of} — раньше"),
    }
}

/// A parameter whose latest value was carried forward past its period.
fn carried_sentence(label: &str, param: &crate::engine::ir::Param) -> String {
    let latest = param.values.last();
    match (latest, param.known_until.and_then(|u| u.pred_opt())) {
        (Some((from, lit)), Some(last)) => format!(
            "{label}: в этом наборе правил значение есть только по {last}; для более поздних дат используется последнее известное значение — {}, действующее с {from}; проверьте текущее значение",
            show(Value::of_lit(lit))
        ),
        _ => format!("{label}: в этом наборе правил нет значения на дату оценки"),
    }
}

/// What the profile guarantees about an unknown date, as a whole clause
/// (each guarantee is about one date, and Russian agrees with its gender).
fn guarantee_words(g: Guarantee) -> String {
    match g {
        Guarantee::EntryNotAfter(d) => format!(
            "{} неизвестна, но она не может быть позже даты оценки ({d})",
            field_label(g.field())
        ),
        Guarantee::StartNotAfter(d) => format!(
            "{} неизвестна, но она не может быть позже окончания или досрочного расторжения договора ({d})",
            field_label(g.field())
        ),
        Guarantee::EndNotBefore(d) => format!(
            "{} неизвестна, но она не может быть раньше начала договора ({d}), если только договор не бессрочный",
            field_label(g.field())
        ),
    }
}

/// Two things compared, the relation taking both in the nominative:
/// «A раньше, чем B», «A и B совпадают».
fn relate(a: &str, relation: Order, b: &str) -> String {
    match relation {
        Order::Same => format!("{a} и {b} совпадают"),
        Order::NotSame => format!("{a} и {b} не совпадают"),
        Order::Than(words) => format!("{a} {words}, чем {b}"),
    }
}

/// How two compared values relate, in words.
#[derive(Clone, Copy)]
enum Order {
    Same,
    NotSame,
    /// A comparative before «, чем»: «раньше», «не больше».
    Than(&'static str),
}

/// A comparison with an unknown date that the profile's guarantees settle:
/// «дата въезда неизвестна, но она не может быть позже даты оценки
/// (2026-03-20); в любом случае дата въезда раньше, чем 2026-07-01».
#[allow(
    clippy::too_many_arguments,
    reason = "a comparison is its operator, two sides and their values"
)]
fn settled_sentence(
    l: &Labels<'_>,
    op: CmpOp,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
    result: bool,
    guarantee: Guarantee,
) -> String {
    let words = |node: &Node, v: Value<'_>| match v {
        Value::Date(d) => describe(l, node).map_or_else(|| d.to_string(), |w| format!("{w} ({d})")),
        _ => describe(l, node).unwrap_or_else(|| "эта дата".to_owned()),
    };
    let relation = match (op, result) {
        (CmpOp::Lt, true) | (CmpOp::Ge, false) => Order::Than("раньше"),
        (CmpOp::Le, true) | (CmpOp::Gt, false) => Order::Than("не позже"),
        (CmpOp::Gt, true) | (CmpOp::Le, false) => Order::Than("позже"),
        (CmpOp::Ge, true) | (CmpOp::Lt, false) => Order::Than("не раньше"),
        (CmpOp::Eq, true) | (CmpOp::Ne, false) => Order::Same,
        (CmpOp::Eq, false) | (CmpOp::Ne, true) => Order::NotSame,
    };
    format!(
        "{}; в любом случае {}",
        guarantee_words(guarantee),
        relate(&words(lhs, a), relation, &words(rhs, b))
    )
}

/// A short static description of what a node computes, if it has one, in
/// the nominative.
fn describe(l: &Labels<'_>, node: &Node) -> Option<String> {
    let pack = l.pack;
    match &node.op {
        Op::Field(f) => Some(field_label(*f).to_owned()),
        Op::Var {
            member: Some(m), ..
        } => Some(format!("{} члена семьи", member_label(*m))),
        Op::Def(id) => {
            let d = pack.def(*id);
            Some(
                l.of(&d.name, d.description.as_deref().unwrap_or(&d.name))
                    .to_owned(),
            )
        }
        Op::Param { id, .. } => {
            let p = pack.param(*id);
            Some(l.of(&p.name, &p.label).to_owned())
        }
        Op::Shift(unit, date, n) => {
            let base = describe(l, date)?;
            match &n.op {
                Op::Lit(lit) => {
                    let value = Value::of_lit(lit);
                    match value {
                        Value::Int(i) => {
                            let sign = if i < 0 { '−' } else { '+' };
                            let count = i.unsigned_abs();
                            Some(format!(
                                "{base} {sign} {} {}",
                                grouped_u(count),
                                unit_words(*unit, count)
                            ))
                        }
                        other => Some(format!("{base} + {} ({})", show(other), units(*unit))),
                    }
                }
                _ => Some(format!("{base} + {} ({})", describe(l, n)?, units(*unit))),
            }
        }
        Op::LastDay(start, n) => {
            let base = describe(l, start)?;
            match &n.op {
                Op::Lit(lit) => {
                    let count = match Value::of_lit(lit) {
                        Value::Int(i) => i.unsigned_abs(),
                        _ => 0,
                    };
                    Some(format!(
                        "последний из {} {}, считая от события «{base}»",
                        show(Value::of_lit(lit)),
                        plural(count, "дня", "дней", "дней")
                    ))
                }
                Op::Param { .. } => {
                    Some(format!("последний день срока, считая от события «{base}»"))
                }
                _ => None,
            }
        }
        Op::DaysBetween(a, b) => Some(format!(
            "число дней между событиями «{}» и «{}»",
            describe(l, a)?,
            describe(l, b)?
        )),
        Op::Age(_, _) => Some("возраст".to_owned()),
        Op::Earliest(_) => Some("самая ранняя из дат".to_owned()),
        Op::Latest(_) => Some("самая поздняя из дат".to_owned()),
        Op::AddWorkingDays { from, days, .. } => {
            let base = describe(l, from)?;
            let n = match &days.op {
                Op::Lit(lit) => match Value::of_lit(lit) {
                    Value::Int(i) => format!(
                        "{} {}",
                        grouped(i),
                        plural(
                            i.unsigned_abs(),
                            "рабочий день",
                            "рабочих дня",
                            "рабочих дней"
                        )
                    ),
                    other => format!("{} (рабочие дни)", show(other)),
                },
                _ => describe(l, days).map_or_else(
                    || "несколько рабочих дней".to_owned(),
                    |d| format!("{d} (рабочие дни)"),
                ),
            };
            Some(format!("{base} + {n}"))
        }
        _ => None,
    }
}

/// A calendar unit agreeing with a count: 1 день, 2 дня, 5 дней.
fn unit_words(unit: Unit, n: u64) -> &'static str {
    match unit {
        Unit::Days => plural(n, "день", "дня", "дней"),
        Unit::Months => plural(n, "месяц", "месяца", "месяцев"),
        Unit::Years => plural(n, "год", "года", "лет"),
    }
}

/// A calendar unit in the plural, for a count not known in advance.
fn units(unit: Unit) -> &'static str {
    match unit {
        Unit::Days => "дни",
        Unit::Months => "месяцы",
        Unit::Years => "годы",
    }
}

/// The form of a noun after a number: `one` after 1, 21, 31…; `few` after
/// 2–4, 22–24…; `many` after 0, 5–20, 25–30….
fn plural(n: u64, one: &'static str, few: &'static str, many: &'static str) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// «дата въезда (2026-03-01)», or just the value for literals; a country by
/// name and code («Кыргызстан (KG)»).
fn operand(l: &Labels<'_>, node: &Node, v: Value<'_>) -> String {
    match (describe(l, node), v) {
        (Some(d), _) => format!("{d} ({})", show(v)),
        (None, Value::Country(c)) => country_words(c),
        (None, _) => show(v),
    }
}

/// A comparison as a fact.
fn cmp_sentence(
    l: &Labels<'_>,
    op: CmpOp,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
    result: bool,
) -> String {
    // «вид договора: гражданско-правовой договор, а не трудовой договор»
    // reads better than the generic form when a fact is compared with a
    // literal.
    if let (Some(d), Op::Lit(_)) = (describe(l, lhs), &rhs.op) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let equal = result == (op == CmpOp::Eq);
            return if equal {
                format!("{d}: {}", show(a))
            } else {
                format!("{d}: {}, а не {}", show(a), show(b))
            };
        }
    }
    let dates = matches!(a, Value::Date(_));
    let relation = match op {
        CmpOp::Eq | CmpOp::Ne => {
            if result == (op == CmpOp::Eq) {
                Order::Same
            } else {
                Order::NotSame
            }
        }
        CmpOp::Lt | CmpOp::Ge => Order::Than(match (dates, result == (op == CmpOp::Lt)) {
            (true, true) => "раньше",
            (true, false) => "не раньше",
            (false, true) => "меньше",
            (false, false) => "не меньше",
        }),
        CmpOp::Le | CmpOp::Gt => Order::Than(match (dates, result == (op == CmpOp::Le)) {
            (true, true) => "не позже",
            (true, false) => "позже",
            (false, true) => "не больше",
            (false, false) => "больше",
        }),
    };
    relate(&operand(l, lhs, a), relation, &operand(l, rhs, b))
}

/// Membership in a named set or list.
fn in_sentence(l: &Labels<'_>, item: &Node, v: Value<'_>, set: &SetSrc, found: bool) -> String {
    let who = operand(l, item, v);
    let verb = if found {
        "входит"
    } else {
        "не входит"
    };
    match set {
        SetSrc::Literal(lits) => {
            let what = lits
                .iter()
                .map(|lit| show(Value::of_lit(lit)))
                .collect::<Vec<_>>()
                .join(", ");
            format!("{who} {verb} в перечень: {what}")
        }
        SetSrc::Named(id) => {
            let s = l.pack.set(*id);
            let label = l.of(&s.name, &s.label);
            format!("{label}: {who} {verb} в этот перечень")
        }
        SetSrc::List(list) => {
            let what = describe(l, list).unwrap_or_else(|| "список".to_owned());
            format!("{who} {verb} в перечень «{what}»")
        }
    }
}

/// Membership in a dated set on a day: «Кыргызстан (KG) является
/// государством — членом ЕАЭС с 2015-08-12» (the label, from the language
/// file, in the instrumental).
fn member_sentence(
    l: &Labels<'_>,
    set: &DatedSet,
    v: Value<'_>,
    day: NaiveDate,
    result: bool,
) -> String {
    let who = match v {
        Value::Country(c) => country_words(c),
        other => show(other),
    };
    let base = format!("{who} {}", membership(l, set, v, day, result));
    if result {
        return base;
    }
    // Say what the value is instead, when the pack names sets worth saying.
    let also: Vec<String> = set
        .otherwise_mention
        .iter()
        .map(|id| l.pack.dated_set(*id))
        .filter(|other| member_on(other, v, day))
        .map(|other| membership(l, other, v, day, true))
        .collect();
    if also.is_empty() {
        base
    } else {
        format!("{base}, но {}", also.join(" и "))
    }
}

/// What a value is (or is not) in a dated set on a day, as a predicate for
/// the value's name: «является государством — членом ЕАЭС с 2015-08-12».
fn membership(
    l: &Labels<'_>,
    set: &DatedSet,
    v: Value<'_>,
    day: NaiveDate,
    result: bool,
) -> String {
    let periods: Vec<_> = set
        .members
        .iter()
        .filter(|m| same(Value::of_lit(&m.value), v))
        .collect();
    let label = l.of(&set.name, &set.label);
    if result {
        let from = periods
            .iter()
            .filter(|m| m.from <= day)
            .map(|m| m.from)
            .max();
        return match from {
            Some(from) => format!("является {label} с {from}"),
            None => format!("является {label}"),
        };
    }
    if let Some(next) = periods
        .iter()
        .filter(|m| m.from > day)
        .map(|m| m.from)
        .min()
    {
        return format!("на {day} ещё не является {label}: это так только с {next}");
    }
    if let Some(to) = periods
        .iter()
        .filter_map(|m| m.to)
        .filter(|to| *to <= day)
        .max()
    {
        return format!("с {to} больше не является {label}");
    }
    format!("не является {label}")
}

/// Whether a nullable fact is absent, in its own words.
fn null_sentence(node: &Node, v: Value<'_>) -> String {
    let is_null = matches!(v, Value::Null);
    match (&node.op, is_null) {
        (Op::Field(Field::ContractEnd), true) => "договор бессрочный".to_owned(),
        (Op::Field(Field::ContractEnd), false) => {
            format!("срок договора истекает {}", show(v))
        }
        (Op::Field(Field::TerminatedOn), true) => "договор не расторгнут досрочно".to_owned(),
        (Op::Field(Field::EffectiveEnd), true) => "договор бессрочный".to_owned(),
        (Op::Field(Field::EffectiveEnd), false) => {
            format!("договор прекращается (или прекратился) {}", show(v))
        }
        (Op::Field(Field::TerminatedOn), false) => {
            format!("договор расторгнут досрочно {}", show(v))
        }
        (Op::Field(f), true) => format!("{}: не указано", field_label(*f)),
        (Op::Field(f), false) => format!("{}: {}", field_label(*f), show(v)),
        (_, true) => "такой даты нет".to_owned(),
        (_, false) => format!("дата: {}", show(v)),
    }
}

/// An empty list, in its own words.
fn empty_list_sentence(list: &Node) -> String {
    match &list.op {
        Op::Field(Field::Citizenship) => {
            "у вас нет гражданства ни одного государства (вы — лицо без гражданства)".to_owned()
        }
        Op::Field(Field::Family) => "вы не указали ни одного члена семьи".to_owned(),
        Op::Var { .. } => "у члена семьи нет гражданства ни одного государства".to_owned(),
        _ => "список пуст".to_owned(),
    }
}

/// A boolean profile fact used directly as a condition.
fn truth_fact_sentence(field: Field, v: Value<'_>) -> String {
    let yes = matches!(v, Value::Bool(true));
    match (field, yes) {
        (Field::Registered, true) => "вы уже зарегистрированы в миграционном органе".to_owned(),
        (Field::Registered, false) => "вы ещё не зарегистрированы в миграционном органе".to_owned(),
        (Field::PermanentResident, true) => {
            "у вас есть вид на жительство государства трудоустройства".to_owned()
        }
        (Field::PermanentResident, false) => {
            "у вас нет вида на жительство государства трудоустройства".to_owned()
        }
        (f, _) => format!("{}: {}", field_label(f), show(v)),
    }
}

/// Which day a period of N days ends on, and what the other reading gives.
fn last_day_sentence(
    l: &Labels<'_>,
    start: &Node,
    from: NaiveDate,
    n: i64,
    last: NaiveDate,
) -> String {
    let event = describe(l, start).map_or_else(|| from.to_string(), |d| format!("{d}, {from}"));
    let number = grouped(n);
    match l.pack.meta.day_count {
        DayCount::EventDayIsDay1 => {
            let other = last
                .succ_opt()
                .map_or_else(String::new, |d| format!(" ({d})"));
            format!(
                "если считать первым днём сам день события ({event}), то {number}-й день — {last}; при отсчёте со следующего дня срок закончился бы на день позже{other}"
            )
        }
        DayCount::NextDayIsDay1 => {
            let earlier = last
                .pred_opt()
                .map_or_else(String::new, |d| format!(" ({d})"));
            format!(
                "если считать со дня, следующего за событием ({event}), то {number}-й день — {last}; если считать первым днём сам день события, срок закончился бы на день раньше{earlier}"
            )
        }
    }
}

/// A value as a caseworker reads it, in the nominative.
pub(crate) fn show(value: Value<'_>) -> String {
    match value {
        Value::Unknown => "неизвестно".to_owned(),
        Value::Null => "нет".to_owned(),
        Value::Bool(true) => "да".to_owned(),
        Value::Bool(false) => "нет".to_owned(),
        Value::Int(i) => grouped(i),
        Value::Date(d) => d.to_string(),
        Value::Country(c) => c.code().to_owned(),
        Value::Kind(k) => kind_words(k).to_owned(),
        Value::Relation(r) => relation_words(r).to_owned(),
        Value::Text(t) => t.clone(),
        Value::Countries(cs) if cs.is_empty() => "нет (лицо без гражданства)".to_owned(),
        Value::Countries(cs) => cs.iter().map(|c| c.code()).collect::<Vec<_>>().join(", "),
        Value::Family(f) => {
            let n = f.len();
            let count = u64::try_from(n).unwrap_or(u64::MAX);
            format!(
                "{n} {}",
                plural(count, "член семьи", "члена семьи", "членов семьи")
            )
        }
        Value::Member(m) => m.relation.map_or("член семьи", relation_words).to_owned(),
    }
}

/// A kind of work of the pack's occupations table, as the feminine
/// adjective that goes with «деятельность» (the Treaty's word in Art.
/// 97(3)): «медицинская деятельность».
fn kind_of_work(name: &str) -> &str {
    match name {
        "pedagogical" => "педагогическая",
        "legal" => "юридическая",
        "medical" => "медицинская",
        "pharmaceutical" => "фармацевтическая",
        "other" => "другая",
        other => other,
    }
}

/// A contract kind in words, in the nominative.
pub(crate) fn kind_words(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Employment => "трудовой договор",
        ContractKind::CivilLaw => "гражданско-правовой договор",
        ContractKind::None => "нет договора",
    }
}

/// How a family member is related to the worker, in the nominative.
pub(crate) fn relation_words(r: Relation) -> &'static str {
    match r {
        Relation::Child => "ребёнок",
        Relation::Spouse => "супруг(а)",
        Relation::Parent => "родитель",
        Relation::Sibling => "брат или сестра",
        Relation::Dependant => "иждивенец",
        Relation::Other => "другой родственник",
    }
}

/// A country's Russian name. The country table gives the short names of
/// the Russian classifier (ОКСМ), which call KG «Киргизия»; the Kyrgyz
/// Republic's own Russian name, used in Kazakhstan and Kyrgyzstan alike,
/// is «Кыргызстан», and that is what a reader there expects.
pub(crate) fn country_name(c: Country) -> &'static str {
    if c == Country::KG {
        "Кыргызстан"
    } else {
        c.name_ru()
    }
}

/// A country by name and code: «Кыргызстан (KG)».
pub(crate) fn country_words(c: Country) -> String {
    format!("{} ({})", country_name(c), c.code())
}

/// A fact in running text, in the nominative (the pack's Russian texts put
/// placeholders where the nominative reads right): countries by name, a
/// contract kind as a noun phrase, large numbers grouped.
fn show_fact(v: Value<'_>) -> String {
    match v {
        Value::Country(c) => country_name(c).to_owned(),
        Value::Countries(cs) if cs.is_empty() => "нет (лицо без гражданства)".to_owned(),
        Value::Countries(cs) => {
            let names: Vec<&str> = cs.iter().map(|c| country_name(*c)).collect();
            match names.split_last() {
                Some((last, rest)) if !rest.is_empty() => {
                    format!("{} и {last}", rest.join(", "))
                }
                _ => names.concat(),
            }
        }
        Value::Unknown => "(неизвестно)".to_owned(),
        other => show(other),
    }
}

/// The non-breaking space that groups thousands in Russian.
const NBSP: char = '\u{a0}';

/// 36762500 -> «36 762 500» (with non-breaking spaces): summaries quote
/// tenge amounts and MCI counts.
fn grouped(n: i64) -> String {
    let digits = grouped_u(n.unsigned_abs());
    if n < 0 {
        format!("-{digits}")
    } else {
        digits
    }
}

fn grouped_u(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() * 2);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(NBSP);
        }
        out.push(ch);
    }
    out
}

/// The defaults a profile relied on, as sentences a user can check.
fn assumptions(p: &WorkerProfile) -> Vec<String> {
    let mut out = Vec::new();
    if p.assumed.as_of {
        out.push(format!("оценка проведена на сегодняшний день, {}", p.as_of));
    }
    if p.assumed.host {
        out.push(format!(
            "предполагается, что государство трудоустройства — {}",
            country_words(p.host)
        ));
    }
    let has_contract = p.contract.kind != Some(ContractKind::None);
    if p.assumed.terminated_on && has_contract {
        out.push("предполагается, что договор не был расторгнут досрочно".to_owned());
    }
    if p.assumed.permanent_resident {
        out.push(format!(
            "предполагается, что у вас нет вида на жительство государства трудоустройства ({})",
            p.host.code()
        ));
    }
    out
}

/// The interview's fixed words in Russian.
static RU_INTERVIEW: InterviewWords = InterviewWords {
    intro: &[
        "Мы спросим только о том, что может изменить ваши права и обязанности.",
        "Отвечайте на каждый вопрос одной строкой. Если не знаете ответа, введите ? — и мы пойдём дальше.",
        "Чтобы изменить последний ответ, введите «назад».",
    ],
    prompt: "> ",
    unknown: &["?", "не знаю", "неизвестно", "нет данных"],
    back: &["назад"],
    yes: &["да", "д"],
    no: &["нет", "н"],
    open: &["бессрочный", "бессрочно", "без срока"],
    stateless: &["нет", "без гражданства"],
    hint_country: "Государство: название или код, например Казахстан или KZ.",
    hint_countries: "Государство: название или код, например Кыргызстан или KG. Если их несколько, перечислите через запятую. Если гражданства нет, введите «нет».",
    hint_date: "Дата: 01.03.2026 или 2026-03-01.",
    hint_date_or_open: "Дата: 01.03.2026 или 2026-03-01. Если срок не установлен, введите «бессрочный».",
    hint_choice: "Введите номер или слова ответа.",
    hint_yes_no: "да или нет",
    hint_text: "Несколько слов, например строитель или медсестра.",
    hint_count: "Число: 0, если никого.",
    hint_always: "? — если не знаете · назад — изменить последний ответ",
    left_unknown: "Оставляем неизвестным: в плане будет сказано, что от этого зависит.",
    undone: "Последний ответ отменён.",
    done: "Больше вопросов нет. Вот ваш план.",
    ran_out: "Ответов больше нет: то, на что вы не ответили, остаётся неизвестным. Вот ваш план.",
    save: "Сохранить план в файл? Введите номер формата или нажмите Enter, чтобы закончить.",
    formats: [
        "текст",
        "Markdown — для записей по делу",
        "JSON — данные",
        "календарь (iCalendar) — чтобы добавить даты в свой календарь",
    ],
    file_name: ("Имя файла (Enter — ", "):"),
    saved: ("План сохранён в файле ", "."),
    not_saved: "План не сохранён.",
};

/// Why an answer was not taken, in Russian.
fn answer_problem(p: &AnswerProblem) -> String {
    let q = |t: &str| crate::json::quote(t);
    match p {
        AnswerProblem::Empty => "Введите ответ или ?, если не знаете.".to_owned(),
        AnswerProblem::NotADate(t) => format!("«{}» — не дата. Напишите дату так: 01.03.2026 (день, месяц, год) или 2026-03-01.", q(t)),
        AnswerProblem::Unpadded { text, dotted, iso } => format!("«{}» — неясная дата. Напишите день и месяц двумя цифрами: {dotted} или {iso}.", q(text)),
        AnswerProblem::NoSuchDay(t) => format!("«{}» — такого дня нет в календаре. Проверьте день и месяц.", q(t)),
        AnswerProblem::OutOfRange(t) => format!("«{}» — слишком далёкая дата: принимаются годы с {} по {}.", q(t), crate::dates::MIN_YEAR, crate::dates::MAX_YEAR),
        AnswerProblem::NotACountry { text, meant: Some((name, code)) } => format!("«{}» — такого государства мы не знаем. Может быть, вы имели в виду {name} ({code})?", q(text)),
        AnswerProblem::NotACountry { text, meant: None } => format!("«{}» — такого государства мы не знаем. Введите название по-русски или по-английски либо двухбуквенный код, например KG.", q(text)),
        AnswerProblem::TooManyCountries(max) => format!("Это больше {max} государств. Укажите не больше {max}."),
        AnswerProblem::NotAChoice { text, count } => format!("«{}» — такого ответа нет среди вариантов. Введите номер от 1 до {count} или слова ответа.", q(text)),
        AnswerProblem::NotYesNo(t) => format!("«{}» — это не «да» и не «нет».", q(t)),
        AnswerProblem::NotACount { text, max } => format!("«{}» — не число от 0 до {max}.", q(text)),
        AnswerProblem::TooLong => "Слишком длинный ответ. Напишите короче.".to_owned(),
        AnswerProblem::AfterAsOf { date, as_of } => format!("{date} — позже даты этой оценки ({as_of}). Проверьте дату."),
        AnswerProblem::EndBeforeStart { end, start } => format!("{end} — раньше начала вашего договора ({start}). Проверьте дату."),
        AnswerProblem::StartAfterEnd { start, end } => format!("{start} — позже окончания вашего договора ({end}). Проверьте дату."),
        AnswerProblem::CitizenshipNeeded => "Чтобы сказать что-то о ваших правах, нам нужно знать ваше гражданство. Если гражданства у вас нет, введите «нет».".to_owned(),
        AnswerProblem::NothingToUndo => "Это первый вопрос: менять пока нечего.".to_owned(),
        AnswerProblem::NotAFormat(t) => format!("«{}» — такого формата нет. Введите его номер или нажмите Enter, чтобы закончить без сохранения.", q(t)),
        AnswerProblem::FileExists(path) => format!("Файл {path} уже есть, и мы его не заменяем. Введите другое имя."),
        AnswerProblem::CannotWrite { path, why } => format!("Не удалось записать файл {path}: {why}. Введите другое имя."),
        AnswerProblem::Other(why) => format!("Этот ответ не сходится с другими вашими ответами: {why}."),
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::engine::ir::{Locale, RulePack, Say};
    use crate::engine::reason::Reason;
    use crate::report::wording::{Lang, Words};

    /// What is left of a sentence once what may be Latin is taken out:
    /// ISO country codes (a word of two capital letters: `(KG)`,
    /// `KG, RU`), rule ids (`eaeu.work-permit-exemption`) and ISO dates.
    fn latin_left(sentence: &str) -> String {
        let mut left = String::new();
        for word in sentence
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_'))
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
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(8500), "8\u{a0}500");
        assert_eq!(grouped(36_762_500), "36\u{a0}762\u{a0}500");
        assert_eq!(grouped(-1234), "-1\u{a0}234");
        assert_eq!(show_fact(Value::Int(4325)), "4\u{a0}325");
    }

    #[test]
    fn nouns_agree_with_numbers() {
        let days = |n| unit_words(Unit::Days, n);
        assert_eq!(
            [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 90, 101, 111].map(days),
            [
                "дней", "день", "дня", "дня", "дней", "дней", "дней", "дней", "день", "дня",
                "дней", "дней", "день", "дней"
            ]
        );
        assert_eq!(unit_words(Unit::Years, 5), "лет");
        assert_eq!(unit_words(Unit::Months, 3), "месяца");
    }

    #[test]
    fn values_in_russian() {
        assert_eq!(
            show_fact(Value::Kind(ContractKind::Employment)),
            "трудовой договор"
        );
        assert_eq!(
            show_fact(Value::Kind(ContractKind::CivilLaw)),
            "гражданско-правовой договор"
        );
        assert_eq!(show_fact(Value::Kind(ContractKind::None)), "нет договора");
        assert_eq!(show_fact(Value::Country(Country::KG)), "Кыргызстан");
        assert_eq!(show_fact(Value::Country(Country::KZ)), "Казахстан");
        assert_eq!(country_words(Country::BY), "Беларусь (BY)");
        let two = vec![Country::KG, Country::RU];
        assert_eq!(show_fact(Value::Countries(&two)), "Кыргызстан и Россия");
        let three = vec![Country::AM, Country::BY, Country::RU];
        assert_eq!(
            show_fact(Value::Countries(&three)),
            "Армения, Беларусь и Россия"
        );
        let none = Vec::new();
        assert_eq!(
            show_fact(Value::Countries(&none)),
            "нет (лицо без гражданства)"
        );
        for r in Relation::ALL {
            assert_russian(&show(Value::Relation(r)));
        }
        let text = "учитель".to_owned();
        assert_eq!(show_fact(Value::Text(&text)), "учитель");
        assert_eq!(show_fact(Value::Unknown), "(неизвестно)");
    }

    /// The embedded pack with its Russian language file's labels replaced
    /// by stand-ins, so that these tests check this module's words whatever
    /// the language file says (`tests/translations.rs` checks the file).
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
    #[test]
    fn sentences_on_constructed_nodes() {
        use crate::engine::ir::Lit;
        let pack = pack();
        let l = Labels {
            pack: &pack,
            locale: pack.locales.iter().find(|l| l.lang == "ru"),
        };
        let reg = param(&pack, "registration_free_days");
        let last = node(Op::LastDay(
            Box::new(field(Field::EntryDate)),
            Box::new(node(Op::Param { id: reg, on: None })),
        ));
        let thirty = node(Op::LastDay(
            Box::new(field(Field::EntryDate)),
            Box::new(lit(Lit::Int(30))),
        ));
        let cmp = |op, lhs: &Node, a, rhs: &Node, b, truth| {
            Ru.compare(
                &l,
                &Comparison {
                    op,
                    lhs,
                    left: a,
                    rhs,
                    right: b,
                    truth,
                },
            )
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
                Ru.within(
                    &l,
                    &field(Field::ContractKind),
                    Value::Kind(ContractKind::None),
                    &SetSrc::Literal(vec![Lit::Kind(ContractKind::Employment), Lit::Kind(ContractKind::CivilLaw)]),
                    false,
                ),
                "вид договора (нет договора) не входит в перечень: трудовой договор, гражданско-правовой договор",
            ),
            (
                Ru.within(
                    &l,
                    &field(Field::Host),
                    Value::Country(Country::KZ),
                    &SetSrc::List(Box::new(field(Field::Citizenship))),
                    false,
                ),
                "государство трудоустройства (KZ) не входит в перечень «гражданство»",
            ),
            (Ru.is_null(&field(Field::ContractEnd), Value::Null), "договор бессрочный"),
            (
                Ru.is_null(&field(Field::ContractEnd), Value::Date(day("2026-12-31"))),
                "срок договора истекает 2026-12-31",
            ),
            (Ru.is_null(&field(Field::TerminatedOn), Value::Null), "договор не расторгнут досрочно"),
            (
                Ru.is_null(&field(Field::TerminatedOn), Value::Date(day("2026-04-10"))),
                "договор расторгнут досрочно 2026-04-10",
            ),
            (
                Ru.is_null(&field(Field::EffectiveEnd), Value::Date(day("2026-04-10"))),
                "договор прекращается (или прекратился) 2026-04-10",
            ),
            (Ru.is_null(&field(Field::EntryDate), Value::Null), "дата въезда: не указано"),
            (Ru.is_null(&thirty, Value::Null), "такой даты нет"),
            (Ru.is_null(&thirty, end), "дата: 2026-03-30"),
            (
                Ru.empty_list(&node(Op::Var { slot: 0, member: Some(MemberField::Citizenship) })),
                "у члена семьи нет гражданства ни одного государства",
            ),
            (Ru.empty_list(&field(Field::Family)), "вы не указали ни одного члена семьи"),
            (
                Ru.fact(Field::Registered, Value::Bool(true)),
                "вы уже зарегистрированы в миграционном органе",
            ),
            (
                Ru.fact(Field::Registered, Value::Bool(false)),
                "вы ещё не зарегистрированы в миграционном органе",
            ),
            (
                Ru.fact(Field::PermanentResident, Value::Bool(true)),
                "у вас есть вид на жительство государства трудоустройства",
            ),
            (
                Ru.fact(Field::PermanentResident, Value::Bool(false)),
                "у вас нет вида на жительство государства трудоустройства",
            ),
            (
                Ru.event(Some(&field(Field::EntryDate)), Value::Unknown, Value::Date(day("2026-07-01")), true, Truth::Unknown),
                "дата въезда: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, действующая с 2026-07-01",
            ),
            (
                Ru.event(None, Value::Unknown, Value::Date(day("2026-07-01")), false, Truth::Unknown),
                "дата события: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, которую заменили 2026-07-01",
            ),
            (
                Ru.foreign_host(Country::RU, Country::KZ),
                "государство трудоустройства — Россия, а не Казахстан: национальные нормы, которые устанавливает Казахстан, применяются только к работе в этом государстве",
            ),
        ];
        // Descriptions of computed dates.
        let minus = node(Op::Shift(
            Unit::Days,
            Box::new(field(Field::EntryDate)),
            Box::new(lit(Lit::Int(-1))),
        ));
        let working = node(Op::AddWorkingDays {
            from: Box::new(minus.clone()),
            days: Box::new(lit(Lit::Int(3))),
            holidays: crate::engine::ir::SetId::new(0),
        });
        let years = node(Op::Shift(
            Unit::Years,
            Box::new(node(Op::Var {
                slot: 0,
                member: Some(MemberField::BirthDate),
            })),
            Box::new(lit(Lit::Int(18))),
        ));
        let between = node(Op::DaysBetween(
            Box::new(field(Field::EntryDate)),
            Box::new(field(Field::AsOf)),
        ));
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
            assert_eq!(describe(&l, n).as_deref(), Some(words));
        }
        // A rule replaced before the assessment date.
        let mut rule = pack.rules[0].clone();
        rule.in_force_from = day("2015-01-01");
        rule.in_force_to = Some(day("2021-01-01"));
        all.push((
            Ru.not_in_force(&rule, day("2026-03-20")),
            "эта норма действовала с 2015-01-01 по 2020-12-31; дата оценки 2026-03-20 — позже",
        ));
        all.push((
            Ru.not_in_force(&rule, day("2014-03-20")),
            "эта норма действует с 2015-01-01 по 2020-12-31; дата оценки 2014-03-20 — раньше",
        ));
        for (sentence, expected) in &all {
            assert_eq!(sentence, expected);
            if !expected.is_empty() {
                assert_russian(sentence);
            }
        }
        for s in [Ru.date_not_yet(), Ru.unknown_days(), Ru.unknown_day()] {
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
            Ru.member(&l, members, kg, day("2026-03-20"), true),
            "Кыргызстан (KG) является государством — членом ЕАЭС с 2015-08-12"
        );
        assert_eq!(
            Ru.member(&l, members, kg, day("2015-08-11"), false),
            "Кыргызстан (KG) на 2015-08-11 ещё не является государством — членом ЕАЭС: это так только с 2015-08-12"
        );
        assert_eq!(
            Ru.member(&l, members, Value::Country(Country::UZ), day("2026-03-20"), false),
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
            assert_russian(&Ru.question_fallback(&Missing {
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
                assert_russian(&Ru.question_fallback(&m));
            }
        }
        let mut all = p.clone();
        all.assumed = crate::profile::Assumed {
            host: true,
            as_of: true,
            terminated_on: true,
            permanent_resident: true,
        };
        let said = assumptions(&all);
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
        let occupation = RU_TEXT.html.facts.occupation;
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
            assert_russian(kind_of_work(name));
            i += 1;
        }
        assert!(i >= 5, "{i} kinds of work");
    }

    /// Every profile of the test cases (`tests/cases/*.json`).
    fn profiles() -> Vec<WorkerProfile> {
        let files = [
            include_str!("../../../tests/cases/contracts.json"),
            include_str!("../../../tests/cases/family.json"),
            include_str!("../../../tests/cases/membership-dates.json"),
            include_str!("../../../tests/cases/non-eaeu.json"),
            include_str!("../../../tests/cases/occupations.json"),
            include_str!("../../../tests/cases/pensions.json"),
            include_str!("../../../tests/cases/registration.json"),
            include_str!("../../../tests/cases/situations.json"),
            include_str!("../../../tests/cases/tax-and-social.json"),
            include_str!("../../../tests/cases/termination.json"),
            include_str!("../../../tests/cases/worker-definition.json"),
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
                Some(Ru.not_encoded(rule.in_force_from, *as_of, ""))
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
}
