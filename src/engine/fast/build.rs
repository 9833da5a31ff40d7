//! Compiles a pack's nodes into the fast path's closures: rules in runs by
//! their guard, junctions cheapest first, definitions inline. The operands
//! are in `operand`, the operations' closures in `ops`.

use chrono::NaiveDate;

use super::lookup::LitSet;
use super::operand::*;
use super::ops::*;
use super::{Body, DefFn, FastRule, Group, Program, TruthFn, ValueFn};
use crate::dates;
use crate::engine::eval::is_boolean;
use crate::engine::ir::{
    DayCount, DefId, Field, Lit, Node, Op, Quant, Rule, RulePack, SetSrc, Unit,
};
use crate::engine::semantics::{
    extreme_value, field_value, last_day_value, param_value, shift_value, two_dates,
    working_days_value, Junction,
};
use crate::engine::value::{Truth, Value};

/// The definition a rule's `when` starts with (`{"def": d}` or `{"all":
/// [{"def": d}, ...]}`), and the rest of `when`: `when` is the Kleene
/// conjunction of the two, so a false guard decides `does_not_apply`.
fn split_guard(when: &Node) -> Option<(DefId, &[Node])> {
    match &when.op {
        Op::Def(id) => Some((*id, &[])),
        Op::All(items) => match items.split_first() {
            Some((
                Node {
                    op: Op::Def(id), ..
                },
                rest,
            )) => Some((*id, rest)),
            _ => None,
        },
        _ => None,
    }
}

/// Compiles a pack.
pub(super) fn program(pack: &RulePack) -> Program<'_> {
    let shared = shared_defs(pack);
    let mut b = Builder {
        pack,
        texts: Vec::new(),
        keep_vars: false,
    };
    let defs = pack
        .defs
        .iter()
        .enumerate()
        .map(|(id, d)| {
            b.keep_vars = shared.get(id).copied().unwrap_or(true);
            if is_boolean(&d.expr.op) {
                DefFn::Truth(b.truth(&d.expr))
            } else {
                DefFn::Value(b.value(&d.expr))
            }
        })
        .collect();
    b.keep_vars = false;
    let mut groups: Vec<Group<'_>> = Vec::new();
    let mut dates_at = 0usize;
    for (index, rule) in pack.rules.iter().enumerate() {
        let rule = b.rule(rule, dates_at);
        dates_at = dates_at.saturating_add(rule.dates.len());
        match groups.last_mut() {
            Some(group) if group.guard == rule.guard => {
                // The period in which all of the group's rules are in force.
                group.from = group.from.max(rule.from);
                group.to = match (group.to, rule.to) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                group.rules.push(rule);
            }
            _ => groups.push(Group {
                guard: rule.guard,
                start: index,
                from: rule.from,
                to: rule.to,
                rules: vec![rule],
            }),
        }
    }
    Program {
        defs,
        groups,
        texts: b.texts,
        status_def: pack.meta.status_def,
        var_slots: pack.var_slots,
    }
}

struct Builder<'p> {
    pack: &'p RulePack,
    texts: Vec<&'p String>,
    /// Whether the quantifiers being built must put their variable's
    /// binding back (they are in a definition a quantifier's body reads).
    keep_vars: bool,
}

/// Per definition: whether it can be evaluated inside a quantifier's body
/// (referred to from one, directly or through other definitions).
///
/// A variable's slot is its quantifier's depth in its own expression, and a
/// definition's expression starts again at depth 0: a quantifier in such a
/// definition may take the slot of the quantifier whose body reads the
/// definition, so it must put that binding back. Any other quantifier can
/// leave its slot as it is: nothing reads it afterwards.
fn shared_defs(pack: &RulePack) -> Vec<bool> {
    fn refs(node: &Node, inside: bool, out: &mut Vec<(usize, bool)>) {
        match &node.op {
            Op::Def(id) => out.push((id.index(), inside)),
            Op::Quant { list, body, .. } => {
                refs(list, inside, out);
                refs(body, true, out);
            }
            _ => node.children().for_each(|n| refs(n, inside, out)),
        }
    }
    let mut found = Vec::new();
    for rule in &pack.rules {
        refs(&rule.when, false, &mut found);
        if let Some(unless) = &rule.unless {
            refs(unless, false, &mut found);
        }
        for (_, date) in &rule.dates {
            refs(date, false, &mut found);
        }
    }
    let mut uses: Vec<Vec<usize>> = Vec::with_capacity(pack.defs.len());
    for def in &pack.defs {
        let mut own = Vec::new();
        refs(&def.expr, false, &mut own);
        uses.push(own.iter().map(|(id, _)| *id).collect());
        found.extend(own);
    }
    let mut shared = vec![false; pack.defs.len()];
    let mut todo: Vec<usize> = found
        .iter()
        .filter(|(_, inside)| *inside)
        .map(|(id, _)| *id)
        .collect();
    while let Some(id) = todo.pop() {
        match shared.get_mut(id) {
            Some(s) if !*s => *s = true,
            _ => continue,
        }
        todo.extend(uses.get(id).into_iter().flatten());
    }
    shared
}

impl<'p> Builder<'p> {
    fn rule(&mut self, rule: &'p Rule, dates_at: usize) -> FastRule<'p> {
        let (guard, when) = match split_guard(&rule.when) {
            Some((id, [])) => (Some(id), None),
            Some((id, rest)) => (Some(id), Some(self.all(rest))),
            None => (None, Some(self.truth(&rule.when))),
        };
        let (from, to) = rule.as_of_period();
        FastRule {
            dates_at,
            from,
            to,
            earlier_not_encoded: rule.earlier.is_some(),
            host: rule.host,
            guard,
            when,
            unless: rule.unless.as_ref().map(|n| self.truth(n)),
            dates: rule.dates.iter().map(|(_, n)| self.value(n)).collect(),
        }
    }

    fn operand(&mut self, node: &'p Node) -> Operand<'p> {
        match &node.op {
            Op::Lit(lit) => match static_lit(lit) {
                Some(v) => Operand::K(v),
                None => Operand::Dyn(self.value(node)),
            },
            Op::Field(Field::AsOf) => Operand::AsOf,
            Op::Field(Field::Host) => Operand::Host,
            // Derived from the profile by the pack: not a plain read.
            Op::Field(Field::OccupationCategory) => Operand::Dyn(self.value(node)),
            Op::Field(f) => Operand::F(*f),
            Op::Def(id) => Operand::D(*id),
            Op::Var { slot, member: None } => Operand::Var(*slot),
            Op::Var {
                slot,
                member: Some(m),
            } => Operand::VarField(*slot, *m),
            _ => Operand::Dyn(self.value(node)),
        }
    }

    /// `all` of some items; a single item stands alone.
    fn all(&mut self, items: &'p [Node]) -> TruthFn<'p> {
        match cheapest_first(items).as_slice() {
            [] => tf(|_| Truth::True),
            [one] => self.truth(one),
            [a, b] if !is_def(a) && !is_def(b) => {
                let (a, b) = (self.truth(a), self.truth(b));
                tf(move |c| {
                    let mut junction = Junction::all();
                    if junction.take(a(c)) {
                        return Truth::False;
                    }
                    junction.take(b(c));
                    junction.truth()
                })
            }
            _ => self.junction(items, Truth::False),
        }
    }

    /// `all` (`decisive` false) or `any` (`decisive` true) of several items.
    /// Definitions among them are read inline, before the others, which go
    /// cheapest first: the value of a junction does not depend on the order
    /// of its items, and the first decisive one ends it.
    fn junction(&mut self, items: &'p [Node], decisive: Truth) -> TruthFn<'p> {
        let defs: Vec<DefId> = items
            .iter()
            .filter_map(|n| match n.op {
                Op::Def(id) => Some(id),
                _ => None,
            })
            .collect();
        let rest: Vec<TruthFn<'p>> = cheapest_first(items)
            .into_iter()
            .filter(|n| !is_def(n))
            .map(|n| self.truth(n))
            .collect();
        tf(move |c| {
            let mut junction = Junction::decided_by(decisive);
            for id in &defs {
                if junction.take(c.def_truth(*id)) {
                    return decisive;
                }
            }
            for item in &rest {
                if junction.take(item(c)) {
                    return decisive;
                }
            }
            junction.truth()
        })
    }

    fn truth(&mut self, node: &'p Node) -> TruthFn<'p> {
        match &node.op {
            Op::Lit(Lit::Bool(b)) => {
                let t = Truth::from(*b);
                tf(move |_| t)
            }
            Op::All(items) => self.all(items),
            Op::Any(items) => self.junction(items, Truth::True),
            Op::Not(inner) => self.not(inner),
            Op::Def(id) => {
                let id = *id;
                tf(move |c| c.def_truth(id))
            }
            Op::Field(f) if *f != Field::OccupationCategory => {
                let f = *f;
                tf(move |c| field_value(c.profile, f).truth())
            }
            Op::Cmp(op, lhs, rhs) => {
                let op = *op;
                let a = self.operand(lhs);
                let b = self.operand(rhs);
                let nodes: (&'p Node, &'p Node) = (lhs, rhs);
                with_operand!(a, a => with_operand!(b, b => cmp(op, a, b, nodes)))
            }
            Op::IsNull(inner) => {
                with_operand!(self.operand(inner), x => is_null(x, false))
            }
            Op::Member { set, value, on } => {
                let dated = self.pack.dated_set(*set);
                let on = self.operand(on);
                let value = self.operand(value);
                with_operand!(value, v => with_operand!(on, on => member(dated, v, on)))
            }
            Op::In(item, set) => {
                let lits: &'p [Lit] = match set {
                    SetSrc::Literal(lits) => lits,
                    SetSrc::Named(id) => &self.pack.set(*id).values,
                    SetSrc::List(list) => {
                        let item = self.operand(item);
                        let list = self.operand(list);
                        return with_operand!(item, v => with_operand!(list, l => in_list(v, l, false)));
                    }
                };
                with_operand!(self.operand(item), v => in_set(v, LitSet::new(lits), false))
            }
            Op::Quant {
                q: q @ (Quant::Some | Quant::Every),
                list,
                slot,
                body,
            } => {
                let every = *q == Quant::Every;
                let body = self.body(body);
                let (slot, keep) = (*slot, self.keep_vars);
                with_operand!(self.operand(list), l => quantify(every, l, slot, keep, body))
            }
            _ => {
                let v = self.value(node);
                tf(move |c| v(c).truth())
            }
        }
    }

    /// A quantifier's body; an `all` of two conditions is tested inline.
    fn body(&mut self, node: &'p Node) -> Body<'p> {
        if let Op::All(items) = &node.op {
            if let [a, b] = cheapest_first(items).as_slice() {
                return Body::Two(self.truth(a), self.truth(b));
            }
        }
        Body::One(self.truth(node))
    }

    /// `not`: the negation folded into the common tests it wraps.
    fn not(&mut self, inner: &'p Node) -> TruthFn<'p> {
        match &inner.op {
            Op::IsNull(x) => with_operand!(self.operand(x), x => is_null(x, true)),
            Op::In(item, set @ (SetSrc::Literal(_) | SetSrc::Named(_))) => {
                let lits: &'p [Lit] = match set {
                    SetSrc::Literal(lits) => lits,
                    SetSrc::Named(id) => &self.pack.set(*id).values,
                    SetSrc::List(_) => &[],
                };
                with_operand!(self.operand(item), v => in_set(v, LitSet::new(lits), true))
            }
            Op::In(item, SetSrc::List(list)) => {
                let item = self.operand(item);
                let list = self.operand(list);
                with_operand!(item, v => with_operand!(list, l => in_list(v, l, true)))
            }
            Op::Def(id) => {
                let id = *id;
                tf(move |c| !(c.def_truth(id)))
            }
            Op::Field(f) if *f != Field::OccupationCategory => {
                let f = *f;
                tf(move |c| !(field_value(c.profile, f).truth()))
            }
            _ => {
                let f = self.truth(inner);
                tf(move |c| !(f(c)))
            }
        }
    }

    fn pair(&mut self, a: &'p Node, b: &'p Node) -> (ValueFn<'p>, ValueFn<'p>) {
        (self.value(a), self.value(b))
    }

    fn value(&mut self, node: &'p Node) -> ValueFn<'p> {
        match &node.op {
            op if is_boolean(op) => {
                let f = self.truth(node);
                vf(move |c| Value::of_truth(f(c)))
            }
            Op::Lit(lit) => match static_lit(lit) {
                Some(v) => vf(move |_| v),
                None => {
                    let Lit::Text(text) = lit else {
                        return vf(|_| Value::Unknown);
                    };
                    let i = self.texts.len();
                    self.texts.push(text);
                    vf(move |c| c.texts.get(i).map_or(Value::Unknown, |t| Value::Text(t)))
                }
            },
            Op::Field(Field::OccupationCategory) => vf(|c| c.occupation_category()),
            Op::Field(f) => {
                let f = *f;
                vf(move |c| field_value(c.profile, f))
            }
            Op::Var { slot, member: None } => {
                let slot = *slot;
                vf(move |c| c.var(slot))
            }
            Op::Var {
                slot,
                member: Some(m),
            } => {
                let (slot, m) = (*slot, *m);
                vf(move |c| member_field(c.var(slot), m))
            }
            Op::Def(id) => {
                let id = *id;
                vf(move |c| c.def(id))
            }
            Op::Param { id, on } => {
                let id = *id;
                let on = on.as_deref().map(|n| self.value(n));
                vf(move |c| {
                    let on = match &on {
                        Some(f) => f(c),
                        None => Value::Date(c.profile.as_of),
                    };
                    match on {
                        // Read through the profile's pack: a value borrows
                        // from the profile's lifetime, not the builder's.
                        Value::Date(d) => param_value(&c.pack.param(id).values, d),
                        _ => Value::Unknown,
                    }
                })
            }
            Op::Shift(Unit::Days, date, n) if matches!(n.op, Op::Lit(Lit::Int(_))) => {
                let Op::Lit(Lit::Int(n)) = n.op else {
                    return vf(|_| Value::Unknown);
                };
                with_operand!(self.operand(date), d => add_days(d, n))
            }
            Op::Shift(unit, date, n) => {
                let unit = *unit;
                let (d, n) = (self.operand(date), self.operand(n));
                with_operand!(d, d => with_operand!(n, n => binary(d, n, move |d, n| shift_value(unit, d, n))))
            }
            Op::DaysBetween(a, b) => {
                let (a, b) = (self.operand(a), self.operand(b));
                with_operand!(a, a => with_operand!(b, b => binary(a, b, |x, y| {
                    two_dates(x, y, |x, y| Value::Int(dates::days_between(x, y)))
                })))
            }
            Op::Age(a, b) => {
                let (a, b) = (self.operand(a), self.operand(b));
                with_operand!(a, a => with_operand!(b, b => binary(a, b, |x, y| {
                    two_dates(x, y, |x, y| Value::Int(dates::age(x, y)))
                })))
            }
            Op::LastDay(start, n) => {
                let next_day_is_day_1 = self.pack.meta.day_count == DayCount::NextDayIsDay1;
                let (s, n) = (self.operand(start), self.operand(n));
                with_operand!(s, s => with_operand!(n, n => binary(s, n, move |s, n| {
                    last_day_value(next_day_is_day_1, s, n)
                })))
            }
            Op::Earliest(items) | Op::Latest(items) => {
                let latest = matches!(node.op, Op::Latest(_));
                let items: Vec<ValueFn<'p>> = items.iter().map(|n| self.value(n)).collect();
                vf(move |c| {
                    let mut items = items.iter();
                    extreme_value(latest, std::iter::from_fn(|| Some(items.next()?(c))))
                })
            }
            Op::Quant {
                q: _,
                list,
                slot,
                body,
            } => {
                let body = self.body(body);
                let (slot, keep) = (*slot, self.keep_vars);
                with_operand!(self.operand(list), l => count(l, slot, keep, body))
            }
            Op::AddWorkingDays {
                from,
                days,
                holidays,
            } => {
                let holidays: &'p [NaiveDate] = &self.pack.set(*holidays).dates;
                let (d, n) = self.pair(from, days);
                vf(move |c| {
                    let d = d(c);
                    working_days_value(d, n(c), holidays)
                })
            }
            // Caught by the first arm.
            Op::All(_)
            | Op::Any(_)
            | Op::Not(_)
            | Op::Cmp(..)
            | Op::In(..)
            | Op::Member { .. }
            | Op::IsNull(_) => vf(|_| Value::Unknown),
        }
    }
}

/// A junction's items in the order to test them: cheapest first (stable).
fn cheapest_first(items: &[Node]) -> Vec<&Node> {
    let mut order: Vec<&Node> = items.iter().collect();
    order.sort_by_key(|n| cost(n));
    order
}

/// A rough measure of the work a node takes, to order a junction's items.
fn cost(node: &Node) -> u32 {
    let own: u32 = match &node.op {
        // Each item of the list runs the body.
        Op::Quant { list, body, .. } => {
            return 8u32.saturating_mul(cost(body)).saturating_add(cost(list))
        }
        Op::Lit(_) | Op::Field(_) | Op::Var { .. } | Op::Def(_) => 1,
        Op::All(_) | Op::Any(_) | Op::Earliest(_) | Op::Latest(_) => 1,
        Op::Not(_) | Op::IsNull(_) | Op::Cmp(..) | Op::DaysBetween(..) => 1,
        Op::In(_, SetSrc::Literal(_) | SetSrc::Named(_)) => 2,
        Op::In(_, SetSrc::List(_)) | Op::Member { .. } => 3,
        Op::Param { .. } => 4,
        Op::Shift(..) | Op::Age(..) | Op::LastDay(..) => 5,
        Op::AddWorkingDays { .. } => 41,
    };
    node.children()
        .fold(own, |acc, n| acc.saturating_add(cost(n)))
}

fn is_def(node: &Node) -> bool {
    matches!(node.op, Op::Def(_))
}
