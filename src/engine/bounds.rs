//! What the profile contract guarantees about a date it does not give.
//!
//! An absent fact is unknown, but not anything at all: the profile is
//! refused unless the entry is no later than the assessment date, the
//! contract starts no later than it ends, and an early termination falls
//! between the two. A comparison with an unknown date can therefore still be
//! settled when every date the guarantees allow (and, for a contract end,
//! the open-ended case) gives the same answer: "the contract runs more than
//! 30 days past the assessment date" settles "past the 30th day from entry"
//! whatever the entry. Both evaluators ask this module when a comparison
//! of dates comes out unknown, so that an outcome is `undetermined` only
//! when some completion of the missing facts makes the rule apply and
//! another makes it not apply.

use chrono::NaiveDate;

use super::ir::{CmpOp, DayCount, Field, Lit, Node, Op, RulePack, Unit};
use super::reason::Guarantee;
use super::semantics::{last_day_value, param_value, shift_value};
use super::value::Value;
use crate::profile::WorkerProfile;

/// The values a date expression can take: dates between two bounds (open
/// where `None`), and, for a contract end, none at all (open-ended).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Range {
    /// Whether some date is possible, and between which bounds.
    dates: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    /// Whether the value may be null (no such date).
    null: bool,
}

impl Range {
    fn known(v: Value<'_>) -> Option<Range> {
        match v {
            Value::Date(d) => Some(Range {
                dates: Some((Some(d), Some(d))),
                null: false,
            }),
            Value::Null => Some(Range {
                dates: None,
                null: true,
            }),
            _ => None,
        }
    }

    fn shifted(self, by: impl Fn(NaiveDate) -> Option<NaiveDate>) -> Option<Range> {
        let dates = match self.dates {
            Some((lo, hi)) => Some((
                match lo {
                    Some(d) => Some(by(d)?),
                    None => None,
                },
                match hi {
                    Some(d) => Some(by(d)?),
                    None => None,
                },
            )),
            None => None,
        };
        Some(Range {
            dates,
            null: self.null,
        })
    }
}

/// A comparison settled by the guarantees, and the guarantee that settled it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Settled {
    pub result: bool,
    pub guarantee: Guarantee,
}

/// The range of an unknown profile date, and why.
fn field_range(p: &WorkerProfile, field: Field) -> Option<(Range, Guarantee)> {
    let end_date = match p.contract.end {
        Some(Some(d)) => Some(d),
        _ => None,
    };
    let (range, guarantee) = match field {
        Field::EntryDate => {
            let by = p.entry_by.map_or(p.as_of, |d| d.min(p.as_of));
            (
                Range {
                    dates: Some((None, Some(by))),
                    null: false,
                },
                Guarantee::EntryNotAfter(by),
            )
        }
        Field::ContractStart => {
            let hi = match (p.contract.terminated_on, end_date) {
                (Some(t), Some(e)) => Some(t.min(e)),
                (t, e) => t.or(e),
            }?;
            (
                Range {
                    dates: Some((None, Some(hi))),
                    null: false,
                },
                Guarantee::StartNotAfter(hi),
            )
        }
        Field::ContractEnd | Field::EffectiveEnd => {
            let lo = match (p.contract.start, p.contract.terminated_on) {
                (Some(s), Some(t)) => Some(s.max(t)),
                (s, t) => s.or(t),
            }?;
            (
                Range {
                    dates: Some((Some(lo), None)),
                    null: true,
                },
                Guarantee::EndNotBefore(lo),
            )
        }
        _ => return None,
    };
    Some((range, guarantee))
}

/// The range of a date expression whose value is `v`: exact when known,
/// else from the guarantees on the one unknown field it reads.
fn range_of(
    pack: &RulePack,
    p: &WorkerProfile,
    node: &Node,
    v: Value<'_>,
) -> Option<(Range, Option<Guarantee>)> {
    if let Some(r) = Range::known(v) {
        return Some((r, None));
    }
    match &node.op {
        Op::Field(f) => field_range(p, *f).map(|(r, g)| (r, Some(g))),
        Op::LastDay(start, n) => {
            let n = constant_int(pack, p, n)?;
            let next_day_is_day_1 = pack.meta.day_count == DayCount::NextDayIsDay1;
            let (r, g) = range_of(pack, p, start, Value::Unknown)?;
            let r = r.shifted(|d| {
                match last_day_value(next_day_is_day_1, Value::Date(d), Value::Int(n)) {
                    Value::Date(d) => Some(d),
                    _ => None,
                }
            })?;
            Some((r, g))
        }
        Op::Shift(unit @ Unit::Days, date, n) => {
            let n = constant_int(pack, p, n)?;
            let (r, g) = range_of(pack, p, date, Value::Unknown)?;
            let r = r.shifted(
                |d| match shift_value(*unit, Value::Date(d), Value::Int(n)) {
                    Value::Date(d) => Some(d),
                    _ => None,
                },
            )?;
            Some((r, g))
        }
        _ => None,
    }
}

/// A whole number that does not depend on the profile's unknowns: a literal,
/// or a parameter on the assessment date.
fn constant_int(pack: &RulePack, p: &WorkerProfile, node: &Node) -> Option<i64> {
    let v = match &node.op {
        Op::Lit(Lit::Int(i)) => return Some(*i),
        Op::Param { id, on: None } => param_value(&pack.param(*id).values, p.as_of),
        _ => return None,
    };
    match v {
        Value::Int(i) => Some(i),
        _ => None,
    }
}

/// Whether `a op b` has one answer for every pair of values the two ranges
/// allow (`Some` of it), a null on either side being "not ordered" (an
/// ordering with null is false; null equals only null).
fn decide(op: CmpOp, a: Range, b: Range) -> Option<bool> {
    let mut answer: Option<bool> = None;
    let mut agree = |r: bool| match answer {
        None => {
            answer = Some(r);
            true
        }
        Some(prev) => prev == r,
    };
    if let (Some(da), Some(db)) = (a.dates, b.dates) {
        if !agree(dated(op, da, db)?) {
            return None;
        }
    }
    let ordering = !matches!(op, CmpOp::Eq | CmpOp::Ne);
    // A null against a date, and a null against a null.
    let null_vs_date = (a.null && b.dates.is_some()) || (b.null && a.dates.is_some());
    if null_vs_date && !agree(if ordering { false } else { op == CmpOp::Ne }) {
        return None;
    }
    if a.null && b.null && !agree(if ordering { false } else { op == CmpOp::Eq }) {
        return None;
    }
    answer
}

/// `a op b` for every pair of dates from two intervals (open where `None`).
fn dated(
    op: CmpOp,
    (alo, ahi): (Option<NaiveDate>, Option<NaiveDate>),
    (blo, bhi): (Option<NaiveDate>, Option<NaiveDate>),
) -> Option<bool> {
    // Whether every x <= y (or < y, strictly), from the bounds alone.
    let below = |x: Option<NaiveDate>, y: Option<NaiveDate>, strict: bool| match (x, y) {
        (Some(x), Some(y)) => {
            if strict {
                x < y
            } else {
                x <= y
            }
        }
        _ => false,
    };
    let a_before_b = below(ahi, blo, true);
    let a_upto_b = below(ahi, blo, false);
    let b_before_a = below(bhi, alo, true);
    let b_upto_a = below(bhi, alo, false);
    match op {
        CmpOp::Lt if a_before_b => Some(true),
        CmpOp::Lt if b_upto_a => Some(false),
        CmpOp::Le if a_upto_b => Some(true),
        CmpOp::Le if b_before_a => Some(false),
        CmpOp::Gt if b_before_a => Some(true),
        CmpOp::Gt if a_upto_b => Some(false),
        CmpOp::Ge if b_upto_a => Some(true),
        CmpOp::Ge if a_before_b => Some(false),
        CmpOp::Eq | CmpOp::Ne if a_before_b || b_before_a => Some(op == CmpOp::Ne),
        _ => None,
    }
}

/// Settles `a op b`, one side of which is unknown, by what the profile
/// guarantees; `None` when the guarantees leave it open.
pub(crate) fn settle(
    pack: &RulePack,
    p: &WorkerProfile,
    op: CmpOp,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
) -> Option<Settled> {
    if !(a.is_unknown() || b.is_unknown()) {
        return None;
    }
    let (ra, ga) = range_of(pack, p, lhs, a)?;
    let (rb, gb) = range_of(pack, p, rhs, b)?;
    let result = decide(op, ra, rb)?;
    Some(Settled {
        result,
        guarantee: ga.or(gb)?,
    })
}

/// The assessment dates on which a comparison with an unknown entry date
/// may become settled or open again. The guarantee on an unknown entry
/// moves with the assessment date (entry <= as_of), so a bound `as_of + k`
/// of one side meets a fixed bound `y` of the other on `y - k`; the day
/// itself and the day after are returned for each such meeting, as a
/// comparison may turn on either (`<` or `<=`). Empty when neither side
/// is an unknown entry date.
pub(crate) fn moving_bounds(
    pack: &RulePack,
    p: &WorkerProfile,
    lhs: &Node,
    a: Value<'_>,
    rhs: &Node,
    b: Value<'_>,
) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    if !(a.is_unknown() || b.is_unknown()) {
        return out;
    }
    let (Some((ra, ga)), Some((rb, gb))) = (range_of(pack, p, lhs, a), range_of(pack, p, rhs, b))
    else {
        return out;
    };
    let moves = |g: Option<Guarantee>| matches!(g, Some(Guarantee::EntryNotAfter(_)));
    for ((moving, gm), (fixed, gf)) in [((ra, ga), (rb, gb)), ((rb, gb), (ra, ga))] {
        if !moves(gm) || moves(gf) {
            continue;
        }
        let (Some((_, Some(hi))), Some((lo, up))) = (moving.dates, fixed.dates) else {
            continue;
        };
        let k = crate::dates::days_between(p.as_of, hi);
        for y in [lo, up].into_iter().flatten() {
            if let Some(day) = crate::dates::add_days(y, k.saturating_neg()) {
                out.push(day);
                out.extend(day.succ_opt());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        crate::dates::parse_date(s).unwrap()
    }

    fn between(lo: Option<&str>, hi: Option<&str>, null: bool) -> Range {
        Range {
            dates: Some((lo.map(d), hi.map(d))),
            null,
        }
    }

    fn at(s: &str) -> Range {
        between(Some(s), Some(s), false)
    }

    #[test]
    fn an_entry_before_the_assessment_date_is_before_a_later_day() {
        let entry = between(None, Some("2026-03-20"), false);
        assert_eq!(decide(CmpOp::Lt, entry, at("2026-07-01")), Some(true));
        assert_eq!(decide(CmpOp::Ge, entry, at("2026-07-01")), Some(false));
        assert_eq!(decide(CmpOp::Ge, entry, at("2026-01-01")), None);
    }

    #[test]
    fn an_end_after_the_start_or_open_ended_is_never_before_it() {
        // The assessment date is after the end: false for every date after
        // the start (the start is after the assessment date) and for null.
        let end = between(Some("2026-04-20"), None, true);
        assert_eq!(decide(CmpOp::Gt, at("2026-03-20"), end), Some(false));
        // "The end is after day 30": true for dates, false for null: open.
        assert_eq!(decide(CmpOp::Gt, end, at("2026-03-30")), None);
    }

    #[test]
    fn equality_is_settled_only_by_disjoint_dates() {
        let entry = between(None, Some("2026-03-20"), false);
        assert_eq!(decide(CmpOp::Eq, entry, at("2026-04-01")), Some(false));
        assert_eq!(decide(CmpOp::Ne, entry, at("2026-04-01")), Some(true));
        assert_eq!(decide(CmpOp::Eq, entry, at("2026-03-01")), None);
        // An end on or after the start, or none: never an earlier day, but
        // maybe a later one.
        let end = between(Some("2026-04-20"), None, true);
        assert_eq!(decide(CmpOp::Eq, end, at("2026-04-01")), Some(false));
        assert_eq!(decide(CmpOp::Eq, end, at("2026-05-01")), None);
    }
}
