//! Russian: the sentences that put the engine's reasons into words
//! (comparisons, membership, settled dates, computed dates, facts).

use super::*;

/// What the profile guarantees about an unknown date, as a whole clause
/// (each guarantee is about one date, and Russian agrees with its gender).
pub(super) fn guarantee_words(g: Guarantee) -> String {
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
pub(super) fn relate(a: &str, relation: Order, b: &str) -> String {
    match relation {
        Order::Same => format!("{a} и {b} совпадают"),
        Order::NotSame => format!("{a} и {b} не совпадают"),
        Order::Than(words) => format!("{a} {words}, чем {b}"),
    }
}

/// How two compared values relate, in words.
#[derive(Clone, Copy)]
pub(super) enum Order {
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
pub(super) fn settled_sentence(
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
pub(super) fn describe(l: &Labels<'_>, node: &Node) -> Option<String> {
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
pub(super) fn unit_words(unit: Unit, n: u64) -> &'static str {
    match unit {
        Unit::Days => plural(n, "день", "дня", "дней"),
        Unit::Months => plural(n, "месяц", "месяца", "месяцев"),
        Unit::Years => plural(n, "год", "года", "лет"),
    }
}

/// A calendar unit in the plural, for a count not known in advance.
pub(super) fn units(unit: Unit) -> &'static str {
    match unit {
        Unit::Days => "дни",
        Unit::Months => "месяцы",
        Unit::Years => "годы",
    }
}

/// The form of a noun after a number: `one` after 1, 21, 31…; `few` after
/// 2–4, 22–24…; `many` after 0, 5–20, 25–30….
pub(super) fn plural(
    n: u64,
    one: &'static str,
    few: &'static str,
    many: &'static str,
) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=14) => many,
        (1, _) => one,
        (2..=4, _) => few,
        _ => many,
    }
}

/// «дата въезда (2026-03-01)», or just the value for literals; a country by
/// name and code («Кыргызстан (KG)»).
pub(super) fn operand(l: &Labels<'_>, node: &Node, v: Value<'_>) -> String {
    match (describe(l, node), v) {
        (Some(d), _) => format!("{d} ({})", show(v)),
        (None, Value::Country(c)) => country_words(c),
        (None, _) => show(v),
    }
}

/// A comparison as a fact.
pub(super) fn cmp_sentence(
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
pub(super) fn in_sentence(
    l: &Labels<'_>,
    item: &Node,
    v: Value<'_>,
    set: &SetSrc,
    found: bool,
) -> String {
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
pub(super) fn member_sentence(
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
pub(super) fn membership(
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
pub(super) fn null_sentence(node: &Node, v: Value<'_>) -> String {
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
pub(super) fn empty_list_sentence(list: &Node) -> String {
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
pub(super) fn truth_fact_sentence(field: Field, v: Value<'_>) -> String {
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
pub(super) fn last_day_sentence(
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
