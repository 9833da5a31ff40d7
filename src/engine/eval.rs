//! The evaluator: Kleene three-valued logic over a compiled pack.
//!
//! The explained path's walk over the pack's nodes, recording why (see
//! `trace`). The fast path runs its own compiled form of the pack
//! (`fast`). What each operation gives is in `semantics`, which both read;
//! they differ in what they record on the way.
//! Definitions are evaluated at most once per profile and cached, since
//! nearly every rule starts from the same `eaeu_worker`.

use chrono::NaiveDate;

use super::bounds;
use super::ir::{
    CmpOp, DatedSetId, DayCount, DefId, Field, MemberField, Node, Op, ParamId, Quant, RulePack,
    SetId, SetSrc, Unit,
};
use super::reason::{Reason, SAY_OPERANDS};
use super::semantics::{
    category_value, classify, compare, extreme_value, field_value, last_day_value,
    member_field_value, member_on, param_value, shift_value, two_dates, working_days_value,
    Junction,
};
use super::template::operands as operand_nodes;
use super::trace::{FieldKey, Missing, Why};
use super::value::{lit_is, Truth, Value};
use crate::dates;
use crate::profile::WorkerProfile;

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
    pub fn def(&mut self, id: DefId) -> (Value<'a>, Why<'a>) {
        if let Some(Some(hit)) = self.defs.get(id.index()) {
            return hit.clone();
        }
        let pack = self.pack;
        let result = self.eval(&pack.def(id).expr);
        if let Some(slot) = self.defs.get_mut(id.index()) {
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
            Op::Def(id) => match self.defs.get(id.index()) {
                Some(Some((v, _))) => *v,
                _ => self.def(*id).0,
            },
            _ => self.eval(node).0,
        }
    }

    /// Binds a quantifier's variable to an item and its index, returning
    /// what the slot held, for [`Env::restore`]: lets a walk over the pack
    /// read a quantifier's body item by item, as `quantify` does.
    pub fn bind(
        &mut self,
        slot: usize,
        item: Value<'a>,
        index: usize,
    ) -> Option<(Value<'a>, usize)> {
        let var = self.vars.get_mut(slot)?;
        Some(std::mem::replace(var, (item, index)))
    }

    /// Puts back what [`Env::bind`] returned.
    pub fn restore(&mut self, slot: usize, saved: Option<(Value<'a>, usize)>) {
        if let (Some(var), Some(saved)) = (self.vars.get_mut(slot), saved) {
            *var = saved;
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
    pub fn param_on(&self, id: ParamId, on: NaiveDate) -> Value<'a> {
        param_value(&self.pack.param(id).values, on)
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
    fn eval_param(&mut self, id: ParamId, on: Option<&'a Node>) -> (Value<'a>, Why<'a>) {
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
                    .param(id)
                    .known_until
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

    fn eval_member(
        &mut self,
        set: DatedSetId,
        value: &'a Node,
        on: &'a Node,
    ) -> (Value<'a>, Why<'a>) {
        let (v, tv) = self.eval(value);
        let (d, td) = self.eval(on);
        let (Value::Date(day), false) = (d, v.is_unknown()) else {
            return (Value::Unknown, joined(tv, td));
        };
        let result = member_on(self.pack.dated_set(set), v, day);
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
        holidays: SetId,
    ) -> (Value<'a>, Why<'a>) {
        let (d, td) = self.eval(from);
        let (n, tn) = self.eval(days);
        let holidays = self.pack.set(holidays).dates.as_slice();
        (working_days_value(d, n, holidays), joined(td, tn))
    }

    /// `all` (`any_of = false`) and `any` (`any_of = true`).
    fn junction(&mut self, items: &'a [Node], any_of: bool) -> (Value<'a>, Why<'a>) {
        let mut junction = if any_of {
            Junction::any()
        } else {
            Junction::all()
        };
        let (mut decided, mut unknown, mut other) =
            (Why::default(), Why::default(), Why::default());
        for item in items {
            let (v, t) = self.eval(item);
            let truth = v.truth();
            if junction.take(truth) {
                // The first decisive item is the reason, as a reader of
                // "A and B" stops at the first A that fails; items after it
                // may only make sense when it holds (null guards).
                decided = t;
                break;
            }
            if truth == Truth::Unknown {
                unknown.join(t);
            } else {
                other.join(t);
            }
        }
        match junction.truth() {
            Truth::Unknown => {
                other.join(unknown);
                (Value::Unknown, other)
            }
            // Decided: `true` for `any`, `false` for `all`.
            t if t == Truth::from(any_of) => {
                decided.forget_missing();
                (Value::Bool(any_of), decided)
            }
            _ => (Value::Bool(!any_of), other),
        }
    }

    fn eval_in(&mut self, item: &'a Node, set: &'a SetSrc) -> (Value<'a>, Why<'a>) {
        let (v, tv) = self.eval(item);
        let (found, tl) = match set {
            SetSrc::Literal(lits) => (lits.iter().any(|l| lit_is(l, v)), Why::default()),
            SetSrc::Named(id) => {
                let found = self.pack.set(*id).values.iter().any(|l| lit_is(l, v));
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
        let (mut n_yes, mut n_unknown) = (0i64, 0i64);
        // Every item is read, so that the reason names each one that holds.
        let mut junction = match q {
            Quant::Every => Junction::all(),
            Quant::Some | Quant::Count => Junction::any(),
        };
        for index in 0..len {
            let Some(item) = item(index) else { break };
            if let Some(var) = self.vars.get_mut(slot) {
                *var = (item, index);
            }
            let (v, t) = self.eval(body);
            junction.take(v.truth());
            match v.truth() {
                Truth::True => {
                    n_yes += 1;
                    yes.join(t);
                }
                Truth::False => no.join(t),
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
        match (q, junction.truth()) {
            (Quant::Count, _) if n_unknown > 0 => (Value::Unknown, unknown),
            (Quant::Count, _) => {
                yes.join(no);
                (Value::Int(n_yes), yes)
            }
            (_, Truth::Unknown) => {
                let mut t = if q == Quant::Some { no } else { yes };
                t.join(unknown);
                (Value::Unknown, t)
            }
            // Decided by an item: the items that decide it are the reason.
            (Quant::Some, Truth::True) => (Value::Bool(true), finish(yes)),
            (Quant::Every, Truth::False) => (Value::Bool(false), finish(no)),
            // Every item gave the other value.
            (_, Truth::True) => (Value::Bool(true), yes),
            (_, Truth::False) => (Value::Bool(false), no),
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
