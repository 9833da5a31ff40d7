//! What each operation means, on values: comparison, membership on a
//! date, parameters by date, date arithmetic, the earliest and latest of
//! dates, and the three-valued connectives. Both evaluators read these:
//! the explained walk (`eval`) and the compiled fast path (`fast`), so the
//! two cannot disagree on what an operation gives; they differ only in
//! what they record on the way (`eval` records why, `fast` nothing).

use std::cmp::Ordering;

use chrono::NaiveDate;

use super::ir::{CmpOp, DatedSet, Field, Lit, MemberField, RulePack, Unit};
use super::value::{same, Truth, Value};
use crate::dates;
use crate::profile::{FamilyMember, WorkerProfile};

/// A junction (`all`, `any`) or a quantifier (`some`, `every`) in
/// progress, by Kleene's rules: the first decisive item (false for `all`
/// and `every`, true for `any` and `some`) decides it; otherwise it is
/// unknown if some item was unknown, and the other value if none was.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Junction {
    decisive: Truth,
    unknown: bool,
    decided: bool,
}

impl Junction {
    /// `all` and `every`: decided by a false item.
    pub(crate) fn all() -> Self {
        Self::decided_by(Truth::False)
    }

    /// `any` and `some`: decided by a true item.
    pub(crate) fn any() -> Self {
        Self::decided_by(Truth::True)
    }

    /// Decided by the truth `decisive`.
    pub(crate) fn decided_by(decisive: Truth) -> Self {
        Junction {
            decisive,
            unknown: false,
            decided: false,
        }
    }

    /// Takes one item's truth; true once the junction is decided, when the
    /// items after it need not be read.
    #[inline]
    pub(crate) fn take(&mut self, t: Truth) -> bool {
        if t == self.decisive {
            self.decided = true;
        } else if t == Truth::Unknown {
            self.unknown = true;
        }
        self.decided
    }

    /// The junction's truth, from the items taken so far.
    #[inline]
    pub(crate) fn truth(&self) -> Truth {
        if self.decided {
            self.decisive
        } else if self.unknown {
            Truth::Unknown
        } else {
            !self.decisive
        }
    }
}

/// Equality, for values that are equal or not but not ordered: ordering
/// comparisons are false.
#[inline(always)]
pub(crate) fn unordered(op: CmpOp, equal: bool) -> bool {
    match op {
        CmpOp::Eq => equal,
        CmpOp::Ne => !equal,
        _ => false,
    }
}

/// A comparison of two ordered values.
#[inline(always)]
pub(crate) fn ordered(op: CmpOp, ordering: Ordering) -> bool {
    match op {
        CmpOp::Eq => ordering.is_eq(),
        CmpOp::Ne => ordering.is_ne(),
        CmpOp::Lt => ordering.is_lt(),
        CmpOp::Le => ordering.is_le(),
        CmpOp::Gt => ordering.is_gt(),
        CmpOp::Ge => ordering.is_ge(),
    }
}

/// Date arithmetic on a null (an open-ended contract's end) stays null.
pub(crate) fn unknown_unless_null(v: Value<'_>) -> Value<'_> {
    if matches!(v, Value::Null) {
        Value::Null
    } else {
        Value::Unknown
    }
}

/// The current value of a field the profile gives. A derived field
/// (`occupation_category`) needs the pack and is read through the
/// evaluators' own state, which classify once per profile (`Env::field`,
/// the fast path's `Ctx::occupation_category`); here it is unknown.
#[inline(always)]
pub(crate) fn field_value(p: &WorkerProfile, field: Field) -> Value<'_> {
    let date = |d: Option<NaiveDate>| d.map_or(Value::Unknown, Value::Date);
    match field {
        Field::Citizenship => Value::Countries(&p.citizenship),
        Field::Host => Value::Country(p.host),
        Field::EntryDate => date(p.entry_date),
        Field::AsOf => Value::Date(p.as_of),
        Field::ContractKind => p.contract.kind.map_or(Value::Unknown, Value::Kind),
        Field::ContractStart => date(p.contract.start),
        Field::ContractEnd => match p.contract.end {
            None => Value::Unknown,
            Some(None) => Value::Null,
            Some(Some(d)) => Value::Date(d),
        },
        Field::TerminatedOn => p.contract.terminated_on.map_or(Value::Null, Value::Date),
        // The profile guarantees start <= terminated_on <= end, so an early
        // termination is the contract's end whatever `end` says.
        // (Not by recursion into `ContractEnd`: this function must inline.)
        Field::EffectiveEnd => match (p.contract.terminated_on, p.contract.end) {
            (Some(t), _) => Value::Date(t),
            (None, None) => Value::Unknown,
            (None, Some(None)) => Value::Null,
            (None, Some(Some(d))) => Value::Date(d),
        },
        Field::Occupation => p.occupation.as_ref().map_or(Value::Unknown, Value::Text),
        Field::OccupationCategory => Value::Unknown,
        Field::Registered => p.registered.map_or(Value::Unknown, Value::Bool),
        Field::PermanentResident => Value::Bool(p.permanent_resident),
        Field::Family => p.family.as_ref().map_or(Value::Unknown, Value::Family),
    }
}

/// The category of the profile's occupation by the pack's table, as its
/// index; `None` when the occupation is not given, the pack has no table,
/// or the table cannot place it.
pub(crate) fn classify(pack: &RulePack, p: &WorkerProfile) -> Option<usize> {
    pack.occupations
        .as_ref()?
        .classify(p.occupation.as_deref()?)
}

/// The value of `occupation_category` for a classification.
pub(crate) fn category_value(pack: &RulePack, category: Option<usize>) -> Value<'_> {
    category
        .and_then(|i| pack.occupations.as_ref()?.category(i))
        .map_or(Value::Unknown, Value::Text)
}

/// A family member's field.
#[inline(always)]
pub(crate) fn member_field_value(m: &FamilyMember, field: MemberField) -> Value<'_> {
    match field {
        MemberField::Relation => m.relation.map_or(Value::Unknown, Value::Relation),
        MemberField::BirthDate => m.birth_date.map_or(Value::Unknown, Value::Date),
        MemberField::Citizenship => m
            .citizenship
            .as_ref()
            .map_or(Value::Unknown, Value::Countries),
    }
}

/// Whether `v` is in a dated set on `day`.
pub(crate) fn member_on(set: &DatedSet, v: Value<'_>, day: NaiveDate) -> bool {
    set.members.iter().any(|m| {
        same(Value::of_lit(&m.value), v) && m.from <= day && m.to.is_none_or(|to| day < to)
    })
}

/// A parameter's value on a date, from its values sorted by date.
pub(crate) fn param_value(values: &[(NaiveDate, Lit)], on: NaiveDate) -> Value<'_> {
    values
        .iter()
        .rev()
        .find(|(from, _)| *from <= on)
        .map_or(Value::Unknown, |(_, lit)| Value::of_lit(lit))
}

/// A date shifted by a number of units.
pub(crate) fn shift_value(unit: Unit, d: Value<'_>, n: Value<'_>) -> Value<'static> {
    let (Value::Date(d), Value::Int(n)) = (d, n) else {
        return if matches!(d, Value::Null) {
            Value::Null
        } else {
            Value::Unknown
        };
    };
    let shifted = match unit {
        Unit::Days => dates::add_days(d, n),
        Unit::Months => dates::add_months(d, n),
        Unit::Years => dates::add_years(d, n),
    };
    shifted.map_or(Value::Unknown, Value::Date)
}

/// The last day of `n` days from `s` (`last_day`), by the pack's count.
pub(crate) fn last_day_value(
    next_day_is_day_1: bool,
    s: Value<'_>,
    n: Value<'_>,
) -> Value<'static> {
    let (Value::Date(s), Value::Int(n)) = (s, n) else {
        return if matches!(s, Value::Null) {
            Value::Null
        } else {
            Value::Unknown
        };
    };
    let offset = if next_day_is_day_1 {
        n
    } else {
        n.saturating_sub(1)
    };
    dates::add_days(s, offset).map_or(Value::Unknown, Value::Date)
}

/// `add_working_days`.
pub(crate) fn working_days_value(
    d: Value<'_>,
    n: Value<'_>,
    holidays: &[NaiveDate],
) -> Value<'static> {
    let (Value::Date(d), Value::Int(n)) = (d, n) else {
        return if matches!(d, Value::Null) {
            Value::Null
        } else {
            Value::Unknown
        };
    };
    // No cap: a literal or parameter count is bounded at load
    // (`rules::arith`), a computed one by the range of dates.
    dates::add_working_days(d, n, holidays).map_or(Value::Unknown, Value::Date)
}

/// A function of two dates; null when either is null, else unknown when
/// either is not a date.
#[inline]
pub(crate) fn two_dates<'a>(
    x: Value<'_>,
    y: Value<'_>,
    f: impl Fn(NaiveDate, NaiveDate) -> Value<'a>,
) -> Value<'a> {
    match (x, y) {
        (Value::Date(x), Value::Date(y)) => f(x, y),
        (Value::Null, _) | (_, Value::Null) => Value::Null,
        _ => Value::Unknown,
    }
}

/// `earliest` (`latest = false`) or `latest` of some values: unknown when
/// any is neither a date nor null, null when none is a date. Reads every
/// value, so that the explained path hears of every missing fact.
pub(crate) fn extreme_value<'a>(
    latest: bool,
    values: impl Iterator<Item = Value<'a>>,
) -> Value<'static> {
    let mut best: Option<NaiveDate> = None;
    let mut unknown = false;
    for v in values {
        match v {
            Value::Date(d) => {
                best = Some(match best {
                    Some(b) if latest => b.max(d),
                    Some(b) => b.min(d),
                    None => d,
                })
            }
            Value::Null => {}
            _ => unknown = true,
        }
    }
    if unknown {
        return Value::Unknown;
    }
    best.map_or(Value::Null, Value::Date)
}

/// Compares two values; `None` when either is unknown.
///
/// A null (known absence) equals only null and is neither before nor after
/// anything: ordering comparisons with it are false.
pub(crate) fn compare(op: CmpOp, a: Value<'_>, b: Value<'_>) -> Option<bool> {
    if a.is_unknown() || b.is_unknown() {
        return None;
    }
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => ordered(op, x.cmp(&y)),
        (Value::Date(x), Value::Date(y)) => ordered(op, x.cmp(&y)),
        _ => unordered(op, same(a, b)),
    })
}
