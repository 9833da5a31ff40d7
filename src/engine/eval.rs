//! The evaluator: Kleene three-valued logic over a compiled pack.
//!
//! The explained path's walk over the pack's nodes, recording why (see
//! `trace`). The fast path runs its own compiled form of the
//! pack (`fast`), sharing the value helpers at the end of this file.
//! Definitions are evaluated at most once per profile and cached, since
//! nearly every rule starts from the same `eaeu_worker`.

use chrono::NaiveDate;

use super::bounds;
use super::ir::{
    CmpOp, DatedSet, DayCount, Field, Lit, MemberField, Node, Op, Quant, RulePack, SetSrc, Unit,
};
use super::reason::{Reason, SAY_OPERANDS};
use super::template::operands as operand_nodes;
use super::trace::{FieldKey, Missing, Why};
use super::value::{lit_is, same, Truth, Value};
use crate::dates;
use crate::profile::{FamilyMember, WorkerProfile};

/// Evaluation state for one profile.
pub(crate) struct Env<'a> {
    pub pack: &'a RulePack,
    pub profile: &'a WorkerProfile,
    /// Bound variables: the item and its index in its list.
    vars: Vec<(Value<'a>, usize)>,
    defs: Vec<Option<(Value<'a>, Why<'a>)>>,
    /// The occupation's category (see [`classify`]) once first read:
    /// classifying matches the title against the whole table, so it is
    /// done at most once per profile, and only if a rule asks.
    category: Option<Option<usize>>,
}

impl<'a> Env<'a> {
    pub fn new(pack: &'a RulePack, profile: &'a WorkerProfile) -> Self {
        Env {
            pack,
            profile,
            vars: vec![(Value::Unknown, 0); pack.var_slots],
            defs: vec![None; pack.defs.len()],
            category: None,
        }
    }

    /// The value of a definition, computed once per profile.
    pub fn def(&mut self, id: usize) -> (Value<'a>, Why<'a>) {
        if let Some(Some(hit)) = self.defs.get(id) {
            return hit.clone();
        }
        let pack = self.pack;
        let Some(def) = pack.defs.get(id) else {
            return (Value::Unknown, Why::default());
        };
        let result = self.eval(&def.expr);
        if let Some(slot) = self.defs.get_mut(id) {
            *slot = Some(result.clone());
        }
        result
    }

    /// Evaluates a node, applying its `say` override on the explained path.
    pub fn eval(&mut self, node: &'a Node) -> (Value<'a>, Why<'a>) {
        let (value, mut trace) = self.eval_op(&node.op);
        if trace.settled {
            // Settled by the profile's guarantees: its own reason says how.
            trace.settled = false;
        } else if let Some(say) = &node.say {
            let truth = value.truth();
            if say.is_silent(truth) {
                // An empty `say` hides the node: it decides, and says nothing.
                trace.because.clear();
            } else {
                // The values its text may show, read now: a variable's
                // binding is gone once the quantifier moves on.
                let mut operands = [Value::Unknown; SAY_OPERANDS];
                for (slot, n) in operands.iter_mut().zip(operand_nodes(node)) {
                    *slot = self.value_of(n);
                }
                trace.replace_reasons(Reason::Say {
                    node,
                    truth,
                    operands,
                });
            }
        }
        (value, trace)
    }

    /// The value of a node, for the operands a template shows.
    pub fn value_of(&mut self, node: &'a Node) -> Value<'a> {
        // In this environment, so definitions come from its cache instead of
        // being evaluated again in a fresh one; leaves are read directly, as
        // their sentences are not wanted here.
        match &node.op {
            Op::Lit(lit) => Value::of_lit(lit),
            Op::Field(f) => self.field(*f),
            Op::Var { slot, member } => self.var(*slot, *member).0,
            Op::Def(id) => match self.defs.get(*id) {
                Some(Some((v, _))) => *v,
                _ => self.def(*id).0,
            },
            _ => self.eval(node).0,
        }
    }

    /// The current value of a profile field, derived ones included.
    pub fn field(&mut self, field: Field) -> Value<'a> {
        match field {
            Field::OccupationCategory => {
                let (pack, profile) = (self.pack, self.profile);
                let category = *self.category.get_or_insert_with(|| classify(pack, profile));
                category_value(pack, category)
            }
            _ => field_value(self.profile, field),
        }
    }

    /// The value of a parameter on a date.
    pub fn param_on(&self, id: usize, on: NaiveDate) -> Value<'a> {
        self.pack
            .params
            .get(id)
            .map_or(Value::Unknown, |p| param_value(&p.values, on))
    }

    #[inline]
    fn var(&self, slot: usize, member: Option<MemberField>) -> (Value<'a>, Why<'a>) {
        let Some(&(value, index)) = self.vars.get(slot) else {
            return (Value::Unknown, Why::default());
        };
        let (Some(field), Value::Member(m)) = (member, value) else {
            return (value, Why::default());
        };
        let v = member_field_value(m, field);
        let trace = if v.is_unknown() {
            Why::missing(Missing {
                field: FieldKey::Member(field),
                member: Some(index),
            })
        } else {
            Why::default()
        };
        (v, trace)
    }

    /// One node's operation. The common, cheap operations are handled here;
    /// the rest live in their own functions, the rare ones out of line, so
    /// that this recursive function keeps a small stack frame.
    fn eval_op(&mut self, op: &'a Op) -> (Value<'a>, Why<'a>) {
        match op {
            Op::Lit(lit) => (Value::of_lit(lit), Why::default()),
            Op::Field(f) => self.eval_field(*f),
            Op::Var { slot, member } => self.var(*slot, *member),
            Op::Def(id) => self.def(*id),
            Op::Param { id, on } => self.eval_param(*id, on.as_deref()),
            Op::All(items) => self.junction(items, false),
            Op::Any(items) => self.junction(items, true),
            Op::Not(inner) => {
                let (v, t) = self.eval(inner);
                let flipped = match v.truth() {
                    Truth::True => Value::Bool(false),
                    Truth::False => Value::Bool(true),
                    Truth::Unknown => Value::Unknown,
                };
                (flipped, t)
            }
            Op::Cmp(cmp, lhs, rhs) => self.eval_cmp(*cmp, lhs, rhs),
            Op::In(item, set) => self.eval_in(item, set),
            Op::Member { set, value, on } => self.eval_member(*set, value, on),
            Op::IsNull(inner) => {
                let (v, t) = self.eval(inner);
                match v {
                    Value::Unknown => (Value::Unknown, t),
                    _ => {
                        let result = matches!(v, Value::Null);
                        (
                            Value::Bool(result),
                            Why::reason(Reason::IsNull {
                                node: inner,
                                value: v,
                            }),
                        )
                    }
                }
            }
            Op::Quant {
                q,
                list,
                slot,
                body,
            } => self.quantify(*q, list, *slot, body),
            Op::Shift(unit, date, n) => self.eval_shift(*unit, date, n),
            Op::DaysBetween(a, b) => {
                self.dates2(a, b, |x, y| Value::Int(dates::days_between(x, y)))
            }
            Op::Age(birth, on) => self.dates2(birth, on, |x, y| Value::Int(dates::age(x, y))),
            Op::LastDay(start, n) => self.eval_last_day(start, n),
            Op::Earliest(items) => self.extreme(items, false),
            Op::Latest(items) => self.extreme(items, true),
            Op::AddWorkingDays {
                from,
                days,
                holidays,
            } => self.eval_working_days(from, days, *holidays),
        }
    }

    fn eval_field(&mut self, f: Field) -> (Value<'a>, Why<'a>) {
        let v = self.field(f);
        let trace = if v.is_unknown() {
            Why::missing(Missing {
                field: FieldKey::Profile(f.asked()),
                member: None,
            })
        } else if matches!(v, Value::Bool(_)) {
            // A boolean fact used as a condition explains itself.
            Why::reason(Reason::Fact { field: f, value: v })
        } else {
            Why::default()
        };
        (v, trace)
    }

    #[inline(never)]
    fn eval_param(&mut self, id: usize, on: Option<&'a Node>) -> (Value<'a>, Why<'a>) {
        let (on, mut trace) = match on {
            Some(node) => self.eval(node),
            None => (Value::Date(self.profile.as_of), Why::default()),
        };
        match on {
            Value::Date(d) => {
                trace.forget_missing();
                let value = self.param_on(id, d);
                let stale = self
                    .pack
                    .params
                    .get(id)
                    .and_then(|p| p.known_until)
                    .is_some_and(|until| d >= until);
                if stale {
                    // The rule says so in a sentence of its own (a `say` on
                    // this node must not hide it): see `carried_sentence`.
                    trace.carried_forward.push(id);
                }
                (value, trace)
            }
            _ => (Value::Unknown, trace),
        }
    }

    fn eval_cmp(&mut self, cmp: CmpOp, lhs: &'a Node, rhs: &'a Node) -> (Value<'a>, Why<'a>) {
        let (a, ta) = self.eval(lhs);
        let (b, tb) = self.eval(rhs);
        match compare(cmp, a, b) {
            Some(result) => {
                let mut t = Why::reason(Reason::Compare {
                    op: cmp,
                    lhs,
                    left: a,
                    rhs,
                    right: b,
                    truth: result,
                });
                // Keep the counting-convention note of a `last_day` operand.
                let (mut extra, mut extra_b) = (ta, tb);
                extra.forget_missing();
                extra_b.forget_missing();
                t.join(extra);
                t.join(extra_b);
                (Value::Bool(result), t)
            }
            None => match bounds::settle(self.pack, self.profile, cmp, lhs, a, rhs, b) {
                Some(settled) => {
                    let mut t = Why::reason(Reason::Settled {
                        op: cmp,
                        lhs,
                        left: a,
                        rhs,
                        right: b,
                        truth: settled.result,
                        guarantee: settled.guarantee,
                    });
                    t.settled = true;
                    (Value::Bool(settled.result), t)
                }
                None => (Value::Unknown, joined(ta, tb)),
            },
        }
    }

    fn eval_member(&mut self, set: usize, value: &'a Node, on: &'a Node) -> (Value<'a>, Why<'a>) {
        let (v, tv) = self.eval(value);
        let (d, td) = self.eval(on);
        let (Value::Date(day), false) = (d, v.is_unknown()) else {
            return (Value::Unknown, joined(tv, td));
        };
        let Some(dated) = self.pack.dated_sets.get(set) else {
            return (Value::Unknown, joined(tv, td));
        };
        let result = member_on(dated, v, day);
        (
            Value::Bool(result),
            Why::reason(Reason::Member {
                set,
                value: v,
                on: day,
                truth: result,
            }),
        )
    }

    fn eval_shift(&mut self, unit: Unit, date: &'a Node, n: &'a Node) -> (Value<'a>, Why<'a>) {
        let (d, td) = self.eval(date);
        let (n, tn) = self.eval(n);
        (shift_value(unit, d, n), joined(td, tn))
    }

    #[inline(never)]
    fn eval_last_day(&mut self, start: &'a Node, n: &'a Node) -> (Value<'a>, Why<'a>) {
        let (s, ts) = self.eval(start);
        let (n, tn) = self.eval(n);
        let mut t = joined(ts, tn);
        let next_day_is_day_1 = self.pack.meta.day_count == DayCount::NextDayIsDay1;
        let v = last_day_value(next_day_is_day_1, s, n);
        if let (Value::Date(last), Value::Date(s), Value::Int(n)) = (v, s, n) {
            t.join(Why::reason(Reason::LastDay {
                start,
                from: s,
                days: n,
                last,
            }));
        }
        (v, t)
    }

    #[inline(never)]
    fn eval_working_days(
        &mut self,
        from: &'a Node,
        days: &'a Node,
        holidays: usize,
    ) -> (Value<'a>, Why<'a>) {
        let (d, td) = self.eval(from);
        let (n, tn) = self.eval(days);
        let holidays = self
            .pack
            .sets
            .get(holidays)
            .map_or(&[][..], |s| s.dates.as_slice());
        (working_days_value(d, n, holidays), joined(td, tn))
    }

    /// `all` (`any_of = false`) and `any` (`any_of = true`).
    fn junction(&mut self, items: &'a [Node], any_of: bool) -> (Value<'a>, Why<'a>) {
        // The value that decides the junction: false for `all`, true for `any`.
        let decisive = if any_of { Truth::True } else { Truth::False };
        let (mut decided, mut unknown, mut other) =
            (Why::default(), Why::default(), Why::default());
        let (mut is_decided, mut is_unknown) = (false, false);
        for item in items {
            let (v, t) = self.eval(item);
            match v.truth() {
                t_ if t_ == decisive => {
                    // The first decisive item is the reason, as a reader of
                    // "A and B" stops at the first A that fails; items after it
                    // may only make sense when it holds (null guards).
                    is_decided = true;
                    decided = t;
                    break;
                }
                Truth::Unknown => {
                    is_unknown = true;
                    unknown.join(t);
                }
                _ => other.join(t),
            }
        }
        if is_decided {
            decided.forget_missing();
            let value = decisive == Truth::True;
            (Value::Bool(value), decided)
        } else if is_unknown {
            other.join(unknown);
            (Value::Unknown, other)
        } else {
            (Value::Bool(!any_of), other)
        }
    }

    fn eval_in(&mut self, item: &'a Node, set: &'a SetSrc) -> (Value<'a>, Why<'a>) {
        let (v, tv) = self.eval(item);
        let (found, tl) = match set {
            SetSrc::Literal(lits) => (lits.iter().any(|l| lit_is(l, v)), Why::default()),
            SetSrc::Named(id) => {
                let found = self
                    .pack
                    .sets
                    .get(*id)
                    .is_some_and(|s| s.values.iter().any(|l| lit_is(l, v)));
                (found, Why::default())
            }
            SetSrc::List(list) => {
                let (l, tl) = self.eval(list);
                let found = match l {
                    Value::Countries(cs) => matches!(v, Value::Country(c) if cs.contains(&c)),
                    Value::Family(f) => {
                        matches!(v, Value::Member(m) if f.iter().any(|x| std::ptr::eq(x, m)))
                    }
                    _ => return (Value::Unknown, joined(tv, tl)),
                };
                (found, tl)
            }
        };
        if v.is_unknown() {
            return (Value::Unknown, joined(tv, tl));
        }
        (
            Value::Bool(found),
            Why::reason(Reason::In {
                item,
                value: v,
                set,
                found,
            }),
        )
    }

    fn quantify(
        &mut self,
        q: Quant,
        list: &'a Node,
        slot: usize,
        body: &'a Node,
    ) -> (Value<'a>, Why<'a>) {
        let (l, tl) = self.eval(list);
        let len = match l {
            Value::Countries(cs) => cs.len(),
            Value::Family(f) => f.len(),
            _ => return (Value::Unknown, tl),
        };
        // Items are read by index rather than collected: no allocation per
        // quantifier.
        let item = |index: usize| match l {
            Value::Countries(cs) => cs.get(index).map(|c| Value::Country(*c)),
            Value::Family(f) => f.get(index).map(Value::Member),
            _ => None,
        };
        if len == 0 {
            let v = match q {
                Quant::Some => Value::Bool(false),
                Quant::Every => Value::Bool(true),
                Quant::Count => Value::Int(0),
            };
            return (v, Why::reason(Reason::EmptyList { list }));
        }
        let saved = self.vars.get(slot).copied();
        let (mut yes, mut no, mut unknown) = (Why::default(), Why::default(), Why::default());
        let (mut n_yes, mut n_no, mut n_unknown) = (0i64, 0i64, 0i64);
        for index in 0..len {
            let Some(item) = item(index) else { break };
            if let Some(var) = self.vars.get_mut(slot) {
                *var = (item, index);
            }
            let (v, t) = self.eval(body);
            match v.truth() {
                Truth::True => {
                    n_yes += 1;
                    yes.join(t);
                }
                Truth::False => {
                    n_no += 1;
                    no.join(t);
                }
                Truth::Unknown => {
                    n_unknown += 1;
                    unknown.join(t);
                }
            }
        }
        if let (Some(var), Some(saved)) = (self.vars.get_mut(slot), saved) {
            *var = saved;
        }
        let _ = tl;
        match q {
            Quant::Some if n_yes > 0 => (Value::Bool(true), finish(yes)),
            Quant::Every if n_no > 0 => (Value::Bool(false), finish(no)),
            Quant::Some | Quant::Every if n_unknown > 0 => {
                let mut t = if q == Quant::Some { no } else { yes };
                t.join(unknown);
                (Value::Unknown, t)
            }
            Quant::Some => (Value::Bool(false), no),
            Quant::Every => (Value::Bool(true), yes),
            Quant::Count if n_unknown > 0 => (Value::Unknown, unknown),
            Quant::Count => {
                yes.join(no);
                (Value::Int(n_yes), yes)
            }
        }
    }

    fn dates2(
        &mut self,
        a: &'a Node,
        b: &'a Node,
        f: impl Fn(NaiveDate, NaiveDate) -> Value<'a>,
    ) -> (Value<'a>, Why<'a>) {
        let (x, tx) = self.eval(a);
        let (y, ty) = self.eval(b);
        (two_dates(x, y, f), joined(tx, ty))
    }

    fn extreme(&mut self, items: &'a [Node], latest: bool) -> (Value<'a>, Why<'a>) {
        let mut trace = Why::default();
        let mut items = items.iter();
        let v = extreme_value(
            latest,
            std::iter::from_fn(|| {
                let (v, t) = self.eval(items.next()?);
                trace.join(t);
                Some(v)
            }),
        );
        if !v.is_unknown() {
            trace.forget_missing();
        }
        (v, trace)
    }
}

/// Whether a node is one of the operations whose value is always a truth
/// value (`Bool` or `Unknown`), so that the fast path compiles it as a condition.
pub(crate) fn is_boolean(op: &Op) -> bool {
    matches!(
        op,
        Op::All(_)
            | Op::Any(_)
            | Op::Not(_)
            | Op::Cmp(..)
            | Op::IsNull(_)
            | Op::Member { .. }
            | Op::In(..)
            | Op::Quant {
                q: Quant::Some | Quant::Every,
                ..
            }
    )
}

fn finish(mut t: Why<'_>) -> Why<'_> {
    t.forget_missing();
    t
}

/// Both traces' sentences and missing facts.
pub(crate) fn joined<'a>(mut a: Why<'a>, b: Why<'a>) -> Why<'a> {
    a.join(b);
    a
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
    if matches!(a, Value::Null) || matches!(b, Value::Null) {
        let both = matches!(a, Value::Null) && matches!(b, Value::Null);
        return Some(match op {
            CmpOp::Eq => both,
            CmpOp::Ne => !both,
            _ => false,
        });
    }
    let ordering = match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(&y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(&y)),
        _ => None,
    };
    Some(match (op, ordering) {
        (CmpOp::Eq, _) => same(a, b),
        (CmpOp::Ne, _) => !same(a, b),
        (CmpOp::Lt, Some(o)) => o.is_lt(),
        (CmpOp::Le, Some(o)) => o.is_le(),
        (CmpOp::Gt, Some(o)) => o.is_gt(),
        (CmpOp::Ge, Some(o)) => o.is_ge(),
        (_, None) => false,
    })
}
