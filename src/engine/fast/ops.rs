//! The fast path's operations as closures, each built for the kinds of its
//! operands: comparison, null tests, membership, quantifiers and date
//! arithmetic. What each gives comes from `engine::semantics`.

use chrono::NaiveDate;

use super::lookup::{CountryPeriods, LitSet};
use super::operand::{tf, vf, Get};
use super::{Body, Ctx, TruthFn, ValueFn};
use crate::dates;
use crate::engine::bounds;
use crate::engine::ir::{CmpOp, DatedSet, Node};
use crate::engine::semantics::{
    compare, member_on, ordered, unknown_unless_null, unordered, Junction,
};
use crate::engine::value::{Truth, Value};

pub(super) fn cmp<'p>(
    op: CmpOp,
    a: impl Get + Send + Sync + 'p,
    b: impl Get + Send + Sync + 'p,
    (lhs, rhs): (&'p Node, &'p Node),
) -> TruthFn<'p> {
    tf(move |c| {
        let x = a.get(c);
        let y = b.get(c);
        // Dates and numbers are most comparisons: ordered here, inline;
        // `compare` gives the same answer for them.
        let ordering = match (x, y) {
            (Value::Date(x), Value::Date(y)) => x.cmp(&y),
            (Value::Int(x), Value::Int(y)) => x.cmp(&y),
            // Unordered: equal or not, and never before or after.
            (Value::Country(a), Value::Country(b)) => return Truth::from(unordered(op, a == b)),
            (Value::Kind(a), Value::Kind(b)) => return Truth::from(unordered(op, a == b)),
            (Value::Relation(a), Value::Relation(b)) => return Truth::from(unordered(op, a == b)),
            (Value::Bool(a), Value::Bool(b)) => return Truth::from(unordered(op, a == b)),
            _ => return compare_cold(op, x, y, c, lhs, rhs),
        };
        Truth::from(ordered(op, ordering))
    })
}

/// Any other comparison, out of line so that the common ones stay small.
#[cold]
#[inline(never)]
pub(super) fn compare_cold(
    op: CmpOp,
    x: Value<'_>,
    y: Value<'_>,
    c: &Ctx<'_>,
    lhs: &Node,
    rhs: &Node,
) -> Truth {
    match compare(op, x, y) {
        Some(r) => Truth::from(r),
        // As the explained path: what the profile guarantees may settle it.
        None => bounds::settle(c.pack, c.profile, op, lhs, x, rhs, y)
            .map_or(Truth::Unknown, |s| Truth::from(s.result)),
    }
}

/// Membership by scanning the set, for values the table does not index.
#[cold]
#[inline(never)]
pub(super) fn member_cold(set: &DatedSet, v: Value<'_>, day: NaiveDate) -> bool {
    member_on(set, v, day)
}

/// `is_null`, or its negation.
pub(super) fn is_null<'p>(x: impl Get + Send + Sync + 'p, negated: bool) -> TruthFn<'p> {
    tf(move |c| match x.get(c) {
        Value::Unknown => Truth::Unknown,
        Value::Null => Truth::from(!negated),
        _ => Truth::from(negated),
    })
}

pub(super) fn member<'p>(
    set: &'p DatedSet,
    value: impl Get + Send + Sync + 'p,
    on: impl Get + Send + Sync + 'p,
) -> TruthFn<'p> {
    let table = CountryPeriods::new(set);
    tf(move |c| {
        let v = value.get(c);
        let (Value::Date(day), false) = (on.get(c), v.is_unknown()) else {
            return Truth::Unknown;
        };
        Truth::from(match (&table, v) {
            (Some(table), Value::Country(country)) => table.contains(country, day),
            _ => member_cold(set, v, day),
        })
    })
}

/// `in` a literal or named set, or its negation.
pub(super) fn in_set<'p>(
    item: impl Get + Send + Sync + 'p,
    set: LitSet<'p>,
    negated: bool,
) -> TruthFn<'p> {
    tf(move |c| match item.get(c) {
        Value::Unknown => Truth::Unknown,
        v => Truth::from(set.contains(v) != negated),
    })
}

/// `in` a list value, or its negation.
pub(super) fn in_list<'p>(
    item: impl Get + Send + Sync + 'p,
    list: impl Get + Send + Sync + 'p,
    negated: bool,
) -> TruthFn<'p> {
    tf(move |c| {
        let v = item.get(c);
        let found = match list.get(c) {
            Value::Countries(cs) => matches!(v, Value::Country(k) if cs.contains(&k)),
            Value::Family(f) => {
                matches!(v, Value::Member(m) if f.iter().any(|x| std::ptr::eq(x, m)))
            }
            _ => return Truth::Unknown,
        };
        if v.is_unknown() {
            Truth::Unknown
        } else {
            Truth::from(found != negated)
        }
    })
}

/// `some` (`every = false`) and `every`.
pub(super) fn quantify<'p>(
    every: bool,
    list: impl Get + Send + Sync + 'p,
    slot: usize,
    keep: bool,
    body: Body<'p>,
) -> TruthFn<'p> {
    // What settles the quantifier at once: a true item for `some`, a false
    // one for `every`.
    tf(move |c| {
        let l = list.get(c);
        let mut junction = if every {
            Junction::all()
        } else {
            Junction::any()
        };
        let seen = c.each(l, slot, keep, &body, |t| junction.take(t));
        match seen {
            None => Truth::Unknown,
            Some(_) => junction.truth(),
        }
    })
}

/// `count`.
pub(super) fn count<'p>(
    list: impl Get + Send + Sync + 'p,
    slot: usize,
    keep: bool,
    body: Body<'p>,
) -> ValueFn<'p> {
    vf(move |c| {
        let l = list.get(c);
        let (mut yes, mut unknown) = (0i64, false);
        let seen = c.each(l, slot, keep, &body, |t| {
            match t {
                Truth::True => yes = yes.saturating_add(1),
                Truth::Unknown => unknown = true,
                Truth::False => {}
            }
            false
        });
        match seen {
            None => Value::Unknown,
            Some(0) => Value::Int(0),
            Some(_) if unknown => Value::Unknown,
            Some(_) => Value::Int(yes),
        }
    })
}

/// An operation on two values that yields one borrowing nothing.
pub(super) fn binary<'p>(
    a: impl Get + Send + Sync + 'p,
    b: impl Get + Send + Sync + 'p,
    f: impl Fn(Value<'_>, Value<'_>) -> Value<'static> + Send + Sync + 'p,
) -> ValueFn<'p> {
    vf(move |c| {
        let x = a.get(c);
        let y = b.get(c);
        f(x, y)
    })
}

/// A date plus a constant number of days.
pub(super) fn add_days<'p>(date: impl Get + Send + Sync + 'p, n: i64) -> ValueFn<'p> {
    vf(move |c| match date.get(c) {
        Value::Date(d) => dates::add_days(d, n).map_or(Value::Unknown, Value::Date),
        other => unknown_unless_null(other),
    })
}
