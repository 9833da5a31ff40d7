//! English: the sentences that put the engine's reasons into words
//! (comparisons, membership, settled dates, computed dates, facts).

use super::*;

/// What the profile guarantees about an unknown date, in words.
pub(super) fn guarantee_words(g: Guarantee) -> String {
    match g {
        Guarantee::EntryNotAfter(d) => format!("it cannot be after the assessment date ({d})"),
        Guarantee::StartNotAfter(d) => {
            format!("it cannot be after the contract's end or early termination ({d})")
        }
        Guarantee::EndNotBefore(d) => format!(
            "it cannot be before the contract's start ({d}), unless the contract is open-ended"
        ),
    }
}

/// A comparison with an unknown date that the profile's guarantees settle:
/// "the date of entry is not known, but it cannot be after the assessment
/// date (2026-03-20); whatever it is, it is before 2026-07-01".
#[allow(
    clippy::too_many_arguments,
    reason = "a comparison is its operator, two sides and their values"
)]
pub(super) fn settled_sentence(
    pack: &RulePack,
    op: CmpOp,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
    result: bool,
    guarantee: Guarantee,
) -> String {
    let words = |node: &Node, v: Value<'_>| match v {
        Value::Date(d) => {
            describe(pack, node).map_or_else(|| d.to_string(), |w| format!("{w} ({d})"))
        }
        _ => describe(pack, node).unwrap_or_else(|| "that date".to_owned()),
    };
    let relation = match (op, result) {
        (CmpOp::Lt, true) | (CmpOp::Ge, false) => "before",
        (CmpOp::Le, true) | (CmpOp::Gt, false) => "on or before",
        (CmpOp::Gt, true) | (CmpOp::Le, false) => "after",
        (CmpOp::Ge, true) | (CmpOp::Lt, false) => "on or after",
        (CmpOp::Eq, true) | (CmpOp::Ne, false) => "the same day as",
        (CmpOp::Eq, false) | (CmpOp::Ne, true) => "not the same day as",
    };
    format!(
        "{} is not known, but {}; whatever it is, {} is {relation} {}",
        field_label(guarantee.field()),
        guarantee_words(guarantee),
        words(lhs, a),
        words(rhs, b)
    )
}

/// A short static description of what a node computes, if it has one.
pub(super) fn describe(pack: &RulePack, node: &Node) -> Option<String> {
    match &node.op {
        Op::Field(f) => Some(field_label(*f).to_owned()),
        Op::Var {
            member: Some(m), ..
        } => Some(format!("the family member's {}", member_label(*m))),
        Op::Def(id) => {
            let d = pack.def(*id);
            Some(
                d.description
                    .clone()
                    .unwrap_or_else(|| d.name.replace('_', " ")),
            )
        }
        Op::Param { id, .. } => Some(pack.param(*id).label.clone()),
        Op::Shift(unit, date, n) => {
            let base = describe(pack, date)?;
            let n = match &n.op {
                Op::Lit(l) => show(Value::of_lit(l)),
                _ => describe(pack, n)?,
            };
            let unit = match unit {
                Unit::Days => "days",
                Unit::Months => "months",
                Unit::Years => "years",
            };
            Some(format!("{n} {unit} after {base}"))
        }
        Op::LastDay(start, n) => {
            let base = describe(pack, start)?;
            match &n.op {
                Op::Lit(l) => Some(format!(
                    "the last of {} days from {base}",
                    show(Value::of_lit(l))
                )),
                Op::Param { .. } => Some(format!("the last day of the period counted from {base}")),
                _ => None,
            }
        }
        Op::DaysBetween(a, b) => Some(format!(
            "the days from {} to {}",
            describe(pack, a)?,
            describe(pack, b)?
        )),
        Op::Age(_, _) => Some("the age".to_owned()),
        Op::Earliest(_) => Some("the earliest of the dates".to_owned()),
        Op::Latest(_) => Some("the latest of the dates".to_owned()),
        Op::AddWorkingDays { from, days, .. } => {
            let n = match &days.op {
                Op::Lit(l) => show(Value::of_lit(l)),
                _ => "N".to_owned(),
            };
            Some(format!("{n} working days after {}", describe(pack, from)?))
        }
        _ => None,
    }
}

/// "the date of entry (2026-03-01)", or just the value for literals; a
/// country by name and code ("Kyrgyzstan (KG)"), as a caseworker says it.
pub(super) fn operand(pack: &RulePack, node: &Node, v: Value<'_>) -> String {
    match (describe(pack, node), v) {
        (Some(d), _) => format!("{d} ({})", show(v)),
        (None, Value::Country(c)) => country_words(c),
        (None, _) => show(v),
    }
}

/// A comparison as a fact.
pub(super) fn cmp_sentence(
    pack: &RulePack,
    op: CmpOp,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
    result: bool,
) -> String {
    // "the contract kind is civil-law, not employment" reads better than the
    // generic form when a fact is compared with a literal.
    if let (Some(d), Op::Lit(_)) = (describe(pack, lhs), &rhs.op) {
        if matches!(op, CmpOp::Eq | CmpOp::Ne) {
            let equal = result == (op == CmpOp::Eq);
            return if equal {
                format!("{d} is {}", show(a))
            } else {
                format!("{d} is {}, not {}", show(a), show(b))
            };
        }
    }
    let dates = matches!(a, Value::Date(_));
    let holds = match op {
        CmpOp::Eq => {
            if result {
                "is"
            } else {
                "is not"
            }
        }
        CmpOp::Ne => {
            if result {
                "is not"
            } else {
                "is"
            }
        }
        CmpOp::Lt | CmpOp::Ge => match (dates, result == (op == CmpOp::Lt)) {
            (true, true) => "is before",
            (true, false) => "is on or after",
            (false, true) => "is less than",
            (false, false) => "is at least",
        },
        CmpOp::Le | CmpOp::Gt => match (dates, result == (op == CmpOp::Le)) {
            (true, true) => "is on or before",
            (true, false) => "is after",
            (false, true) => "is at most",
            (false, false) => "is more than",
        },
    };
    format!(
        "{} {holds} {}",
        operand(pack, lhs, a),
        operand(pack, rhs, b)
    )
}

/// Membership in a named set or list.
pub(super) fn in_sentence(
    pack: &RulePack,
    item: &Node,
    v: Value<'_>,
    set: &SetSrc,
    found: bool,
) -> String {
    let what = match set {
        SetSrc::Literal(lits) => lits
            .iter()
            .map(|l| show(Value::of_lit(l)))
            .collect::<Vec<_>>()
            .join(", "),
        SetSrc::Named(id) => pack.set(*id).label.clone(),
        SetSrc::List(list) => describe(pack, list).unwrap_or_else(|| "the list".to_owned()),
    };
    let verb = if found { "is one of" } else { "is not one of" };
    format!("{} {verb} {what}", operand(pack, item, v))
}

/// Membership in a dated set on a day.
pub(super) fn member_sentence(
    pack: &RulePack,
    set: &DatedSet,
    v: Value<'_>,
    day: NaiveDate,
    result: bool,
) -> String {
    let who = match v {
        Value::Country(c) => country_words(c),
        other => show(other),
    };
    let base = membership(set, &who, v, day, result);
    if result {
        return base;
    }
    // Say what the value is instead, when the pack names sets worth saying.
    let also: Vec<String> = set
        .otherwise_mention
        .iter()
        .map(|id| pack.dated_set(*id))
        .filter(|other| member_on(other, v, day))
        .map(|other| membership(other, "it", v, day, true))
        .collect();
    if also.is_empty() {
        base
    } else {
        format!("{base}; {}", also.join("; "))
    }
}

pub(super) fn membership(
    set: &DatedSet,
    who: &str,
    v: Value<'_>,
    day: NaiveDate,
    result: bool,
) -> String {
    let periods: Vec<_> = set
        .members
        .iter()
        .filter(|m| same(Value::of_lit(&m.value), v))
        .collect();
    let label = &set.label;
    if result {
        let from = periods
            .iter()
            .filter(|m| m.from <= day)
            .map(|m| m.from)
            .max();
        return match from {
            Some(from) => format!("{who} has been {label} since {from}"),
            None => format!("{who} is {label}"),
        };
    }
    if let Some(next) = periods
        .iter()
        .filter(|m| m.from > day)
        .map(|m| m.from)
        .min()
    {
        return format!("on {day}, {who} was not yet {label}: it became one on {next}");
    }
    if let Some(to) = periods
        .iter()
        .filter_map(|m| m.to)
        .filter(|to| *to <= day)
        .max()
    {
        return format!("{who} stopped being {label} on {to}");
    }
    format!("{who} is not {label}")
}

/// Whether a nullable fact is absent, in its own words.
pub(super) fn null_sentence(node: &Node, v: Value<'_>) -> String {
    let is_null = matches!(v, Value::Null);
    match (&node.op, is_null) {
        (Op::Field(Field::ContractEnd), true) => "the contract is open-ended".to_owned(),
        (Op::Field(Field::ContractEnd), false) => format!("the contract ends on {}", show(v)),
        (Op::Field(Field::TerminatedOn), true) => {
            "the contract has not been terminated early".to_owned()
        }
        (Op::Field(Field::EffectiveEnd), true) => "the contract is open-ended".to_owned(),
        (Op::Field(Field::EffectiveEnd), false) => {
            format!("the contract ends or ended on {}", show(v))
        }
        (Op::Field(Field::TerminatedOn), false) => {
            format!("the contract was terminated early on {}", show(v))
        }
        (Op::Field(f), true) => format!("{} is not set", field_label(*f)),
        (Op::Field(f), false) => format!("{} is {}", field_label(*f), show(v)),
        (_, true) => "there is no such date".to_owned(),
        (_, false) => format!("the date is {}", show(v)),
    }
}

/// An empty list, in its own words.
pub(super) fn empty_list_sentence(list: &Node) -> String {
    match &list.op {
        Op::Field(Field::Citizenship) => "you hold no citizenship (stateless)".to_owned(),
        Op::Field(Field::Family) => "you list no family members".to_owned(),
        Op::Var { .. } => "the family member holds no citizenship".to_owned(),
        _ => "the list is empty".to_owned(),
    }
}

/// A boolean profile fact used directly as a condition.
pub(super) fn truth_fact_sentence(field: Field, v: Value<'_>) -> String {
    let yes = matches!(v, Value::Bool(true));
    match (field, yes) {
        (Field::Registered, true) => {
            "you are already registered with the migration authority".to_owned()
        }
        (Field::Registered, false) => {
            "you are not yet registered with the migration authority".to_owned()
        }
        (Field::PermanentResident, true) => {
            "you hold a permanent residence permit of the host state".to_owned()
        }
        (Field::PermanentResident, false) => {
            "you do not hold a permanent residence permit of the host state".to_owned()
        }
        (f, _) => format!("{}: {}", field_label(f), show(v)),
    }
}

/// Which day a period of N days ends on, and what the other reading gives.
pub(super) fn last_day_sentence(
    pack: &RulePack,
    start: &Node,
    from: NaiveDate,
    n: i64,
    last: NaiveDate,
) -> String {
    let event = describe(pack, start).map_or_else(|| from.to_string(), |d| format!("{d} ({from})"));
    let other = last
        .succ_opt()
        .map_or_else(String::new, |d| format!(" ({d})"));
    match pack.meta.day_count {
        DayCount::EventDayIsDay1 => format!(
            "counting {event} as day 1, day {n} is {last}; counting from the next day would give one day more{other}"
        ),
        DayCount::NextDayIsDay1 => {
            let earlier = last.pred_opt().map_or_else(String::new, |d| format!(" ({d})"));
            format!(
                "counting from the day after {event}, day {n} is {last}; counting that day itself as day 1 would give one day less{earlier}"
            )
        }
    }
}
