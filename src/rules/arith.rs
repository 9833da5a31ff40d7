//! Bounds on the whole numbers that date arithmetic takes.
//!
//! A date shifted by a billion days has no calendar date: it used to come
//! out unknown, so a rule said "by (date not determined)" and asked no
//! question. Bounding the arguments at load keeps every shift of a profile
//! date (years 1900 to 2199) a real date; numbers computed at evaluation
//! (`days_between`, `age`, `count`) are bounded by that date range already.

use std::ops::RangeInclusive;

use crate::engine::ir::{Lit, Node, Op, Param};

/// The most days `add_days` and `last_day` may count, either way: enough to
/// go from any date of the accepted range (1900 to 2199) to any other.
pub const MAX_SHIFT_DAYS: i64 = 110_000;
/// The most months `add_months` may count, either way (300 years).
pub const MAX_SHIFT_MONTHS: i64 = 3_600;
/// The most years `add_years` may count, either way.
pub const MAX_SHIFT_YEARS: i64 = 300;

/// The numbers an operator's count accepts, and what to call them.
fn accepted(op: &str) -> Option<(RangeInclusive<i64>, &'static str)> {
    Some(match op {
        "add_days" => (-MAX_SHIFT_DAYS..=MAX_SHIFT_DAYS, "days"),
        "add_months" => (-MAX_SHIFT_MONTHS..=MAX_SHIFT_MONTHS, "months"),
        "add_years" => (-MAX_SHIFT_YEARS..=MAX_SHIFT_YEARS, "years"),
        // A period of n days has a last day only for n >= 1.
        "last_day" => (1..=MAX_SHIFT_DAYS, "days"),
        "add_working_days" => (0..=MAX_SHIFT_DAYS, "working days"),
        _ => return None,
    })
}

/// Why the count `n` of operator `op` is refused, if it is: a literal or
/// any dated value of a parameter outside the accepted range.
pub(crate) fn refused_count(op: &str, n: &Node, params: &[Param]) -> Option<String> {
    let (range, unit) = accepted(op)?;
    let (value, whose) = match &n.op {
        Op::Lit(Lit::Int(v)) => (*v, String::new()),
        Op::Param { id, .. } => {
            let param = params.get(id.index())?;
            let bad = param.values.iter().find_map(|(from, lit)| match lit {
                Lit::Int(v) if !range.contains(v) => Some((*v, *from)),
                _ => None,
            })?;
            (
                bad.0,
                format!(" (parameter `{}`, value from {})", param.name, bad.1),
            )
        }
        _ => return None,
    };
    if range.contains(&value) {
        return None;
    }
    Some(format!(
        "`{op}` by {value} {unit}{whose}: the count must be from {} to {}",
        range.start(),
        range.end()
    ))
}
