//! The fast path's own form of a pack: every rule and definition compiled
//! once more, when a [`super::Decider`] is made, into expressions that know
//! whether they yield a truth value or a value, with membership tests turned
//! into look-ups and the rule's leading guard split off.
//!
//! The explained path walks the pack's `Node`s and builds sentences; this
//! form only answers. Both give the same values: the operations here share
//! their arithmetic with `eval` (the `*_value` helpers there), and the
//! differential tests (`tests/decide_explain.rs`, `tests/bench_pack.rs`, the
//! engine's table tests) compare the two paths.

use chrono::NaiveDate;

use super::describe::member_on;
use super::eval::{
    compare, extreme_value, field_value, is_boolean, last_day_value, member_field_value,
    param_value, recycle, shift_value, two_dates, unknown_unless_null, working_days_value,
};
use super::ir::{
    CmpOp, DatedSet, Field, Lit, MemberField, Node, Op, Param, Quant, Rule, RulePack, SetSrc, Unit,
};
use super::value::{lit_is, Truth, Value};
use super::Outcome;
use crate::country::{self, Country};
use crate::dates;
use crate::profile::{ContractKind, Relation, WorkerProfile};

/// A compiled pack for the fast path; borrows the pack's literals.
#[derive(Debug)]
pub(crate) struct Program<'p> {
    defs: Vec<DefExpr<'p>>,
    pub rules: Vec<FastRule<'p>>,
    status_def: usize,
}

/// A definition: a condition, or a value such as a date.
#[derive(Debug)]
enum DefExpr<'p> {
    Truth(B<'p>),
    Value(V<'p>),
}

/// A compiled rule.
#[derive(Debug)]
pub(crate) struct FastRule<'p> {
    from: NaiveDate,
    to: Option<NaiveDate>,
    /// A definition `when` starts with: most rules start from the same status
    /// definition, computed once per profile, so a profile it excludes skips
    /// each such rule after one cache read.
    guard: Option<usize>,
    /// `when` without its guard.
    when: B<'p>,
    unless: Option<B<'p>>,
    dates: Box<[V<'p>]>,
}

/// An expression whose value is a truth value (`Bool` or `Unknown`).
#[derive(Debug)]
enum B<'p> {
    Const(Truth),
    All(Box<[B<'p>]>),
    Any(Box<[B<'p>]>),
    Not(Box<B<'p>>),
    Def(usize),
    Field(Field),
    Cmp(CmpOp, V<'p>, V<'p>),
    IsNull(V<'p>),
    /// Membership in a dated set of countries, by table look-up.
    MemberCountry {
        table: Box<CountryPeriods>,
        set: &'p DatedSet,
        value: V<'p>,
        on: V<'p>,
    },
    Member {
        set: &'p DatedSet,
        value: V<'p>,
        on: V<'p>,
    },
    InSet {
        item: V<'p>,
        set: LitSet<'p>,
    },
    InList {
        item: V<'p>,
        list: V<'p>,
    },
    /// `some` (`every = false`) or `every`.
    Quant {
        every: bool,
        list: V<'p>,
        slot: usize,
        body: Box<B<'p>>,
    },
    /// Any other value, read as a truth value.
    Value(V<'p>),
}

/// An expression yielding a value.
#[derive(Debug)]
enum V<'p> {
    Const(Value<'p>),
    Field(Field),
    Var(usize),
    VarField(usize, MemberField),
    Def(usize),
    Truth(Box<B<'p>>),
    Param {
        values: &'p [(NaiveDate, Lit)],
        on: Option<Box<V<'p>>>,
    },
    /// A date plus a constant number of days, the commonest shift.
    AddDays(Box<V<'p>>, i64),
    Shift(Unit, Box<(V<'p>, V<'p>)>),
    DaysBetween(Box<(V<'p>, V<'p>)>),
    Age(Box<(V<'p>, V<'p>)>),
    LastDay {
        next_day_is_day_1: bool,
        args: Box<(V<'p>, V<'p>)>,
    },
    Extreme {
        latest: bool,
        items: Box<[V<'p>]>,
    },
    Count {
        list: Box<V<'p>>,
        slot: usize,
        body: Box<B<'p>>,
    },
    WorkingDays {
        args: Box<(V<'p>, V<'p>)>,
        holidays: &'p [NaiveDate],
    },
}

/// A literal or named set, typed when all its values have one type, so that
/// a test is a compare of small values rather than of a `Lit` with a `Value`.
#[derive(Debug)]
struct LitSet<'p> {
    typed: Typed<'p>,
    /// The set as written: the test for a value of another type.
    lits: &'p [Lit],
}

#[derive(Debug)]
enum Typed<'p> {
    Countries(Box<[Country]>),
    Kinds(Box<[ContractKind]>),
    Relations(Box<[Relation]>),
    Texts(Box<[&'p str]>),
    Mixed,
}

impl<'p> LitSet<'p> {
    fn new(lits: &'p [Lit]) -> Self {
        fn all<'l, X>(lits: &'l [Lit], f: impl Fn(&'l Lit) -> Option<X>) -> Option<Box<[X]>> {
            lits.iter().map(f).collect()
        }
        let typed = match lits.first() {
            Some(Lit::Country(_)) => all(lits, |l| match l {
                Lit::Country(c) => Some(*c),
                _ => None,
            })
            .map(Typed::Countries),
            Some(Lit::Kind(_)) => all(lits, |l| match l {
                Lit::Kind(k) => Some(*k),
                _ => None,
            })
            .map(Typed::Kinds),
            Some(Lit::Relation(_)) => all(lits, |l| match l {
                Lit::Relation(r) => Some(*r),
                _ => None,
            })
            .map(Typed::Relations),
            Some(Lit::Text(_)) => all(lits, |l| match l {
                Lit::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .map(Typed::Texts),
            _ => None,
        };
        LitSet {
            typed: typed.unwrap_or(Typed::Mixed),
            lits,
        }
    }

    /// Whether a known value is in the set: `lits.iter().any(|l| lit_is(l, v))`.
    #[inline]
    fn contains(&self, v: Value<'_>) -> bool {
        match (&self.typed, v) {
            (Typed::Countries(cs), Value::Country(c)) => cs.contains(&c),
            (Typed::Kinds(ks), Value::Kind(k)) => ks.contains(&k),
            (Typed::Relations(rs), Value::Relation(r)) => rs.contains(&r),
            (Typed::Texts(ts), Value::Text(t)) => ts.contains(&t.as_str()),
            _ => self.lits.iter().any(|l| lit_is(l, v)),
        }
    }
}

/// A dated set of countries as a table indexed by country: each country's
/// membership periods, so that a test reads one or two periods instead of
/// scanning the members.
#[derive(Debug)]
pub(crate) struct CountryPeriods {
    /// Where each country's periods start in `periods` (one more entry than
    /// there are country indices, for the end of the last).
    start: Box<[u16]>,
    /// Membership periods, `to` exclusive, grouped by country.
    periods: Box<[(NaiveDate, Option<NaiveDate>)]>,
}

impl CountryPeriods {
    /// The table of a set whose members are all countries.
    pub(crate) fn new(set: &DatedSet) -> Option<Self> {
        let mut rows: Vec<(usize, NaiveDate, Option<NaiveDate>)> = set
            .members
            .iter()
            .map(|m| match m.value {
                Lit::Country(c) => Some((c.index(), m.from, m.to)),
                _ => None,
            })
            .collect::<Option<_>>()?;
        if rows.len() >= usize::from(u16::MAX) {
            return None;
        }
        rows.sort_by_key(|r| r.0);
        let mut start = Vec::with_capacity(country::INDICES.saturating_add(1));
        let mut at = 0usize;
        for index in 0..=country::INDICES {
            while rows.get(at).is_some_and(|r| r.0 < index) {
                at = at.saturating_add(1);
            }
            start.push(u16::try_from(at).ok()?);
        }
        Some(CountryPeriods {
            start: start.into_boxed_slice(),
            periods: rows.iter().map(|r| (r.1, r.2)).collect(),
        })
    }

    /// Whether the country is a member on the day.
    #[inline]
    pub(crate) fn contains(&self, c: Country, day: NaiveDate) -> bool {
        let i = c.index();
        let (Some(&lo), Some(&hi)) = (self.start.get(i), self.start.get(i.saturating_add(1)))
        else {
            return false;
        };
        self.periods
            .get(usize::from(lo)..usize::from(hi))
            .unwrap_or_default()
            .iter()
            .any(|(from, to)| *from <= day && to.is_none_or(|to| day < to))
    }
}

/// The definition a rule's `when` starts with (`{"def": d}` or `{"all":
/// [{"def": d}, ...]}`), and the rest of `when`: `when` is the Kleene
/// conjunction of the two, so a false guard decides `does_not_apply`.
fn split_guard(when: &Node) -> Option<(usize, &[Node])> {
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

impl<'p> Program<'p> {
    /// Compiles a pack for the fast path.
    pub(crate) fn new(pack: &'p RulePack) -> Self {
        let c = Compiler { pack };
        Program {
            defs: pack
                .defs
                .iter()
                .map(|d| {
                    if is_boolean(&d.expr.op) {
                        DefExpr::Truth(c.truth(&d.expr))
                    } else {
                        DefExpr::Value(c.value(&d.expr))
                    }
                })
                .collect(),
            rules: pack.rules.iter().map(|r| c.rule(r)).collect(),
            status_def: pack.meta.status_def,
        }
    }

    /// The definition whose truth is the status.
    pub(crate) fn status_def(&self) -> usize {
        self.status_def
    }
}

struct Compiler<'p> {
    pack: &'p RulePack,
}

impl<'p> Compiler<'p> {
    fn rule(&self, rule: &'p Rule) -> FastRule<'p> {
        let (guard, when) = match split_guard(&rule.when) {
            Some((id, rest)) => (Some(id), self.all(rest)),
            None => (None, self.truth(&rule.when)),
        };
        FastRule {
            from: rule.in_force_from,
            to: rule.in_force_to,
            guard,
            when,
            unless: rule.unless.as_ref().map(|n| self.truth(n)),
            dates: rule.dates.iter().map(|(_, n)| self.value(n)).collect(),
        }
    }

    /// `all` of some items: a single item stands alone.
    fn all(&self, items: &'p [Node]) -> B<'p> {
        match items {
            [] => B::Const(Truth::True),
            [one] => self.truth(one),
            _ => B::All(items.iter().map(|n| self.truth(n)).collect()),
        }
    }

    fn truth(&self, node: &'p Node) -> B<'p> {
        match &node.op {
            Op::Lit(Lit::Bool(b)) => B::Const(Truth::from(*b)),
            Op::All(items) => self.all(items),
            Op::Any(items) => B::Any(items.iter().map(|n| self.truth(n)).collect()),
            Op::Not(inner) => B::Not(Box::new(self.truth(inner))),
            Op::Def(id) => B::Def(*id),
            Op::Field(f) => B::Field(*f),
            Op::Cmp(op, a, b) => B::Cmp(*op, self.value(a), self.value(b)),
            Op::IsNull(inner) => B::IsNull(self.value(inner)),
            Op::Member { set, value, on } => {
                let Some(dated) = self.pack.dated_sets.get(*set) else {
                    return B::Const(Truth::Unknown);
                };
                let (value, on) = (self.value(value), self.value(on));
                match CountryPeriods::new(dated) {
                    Some(table) => B::MemberCountry {
                        table: Box::new(table),
                        set: dated,
                        value,
                        on,
                    },
                    None => B::Member {
                        set: dated,
                        value,
                        on,
                    },
                }
            }
            Op::In(item, set) => {
                let item = self.value(item);
                let lits: &'p [Lit] = match set {
                    SetSrc::Literal(lits) => lits,
                    SetSrc::Named(id) => self.pack.sets.get(*id).map_or(&[], |s| &s.values),
                    SetSrc::List(list) => {
                        return B::InList {
                            item,
                            list: self.value(list),
                        }
                    }
                };
                B::InSet {
                    item,
                    set: LitSet::new(lits),
                }
            }
            Op::Quant {
                q: q @ (Quant::Some | Quant::Every),
                list,
                slot,
                body,
            } => B::Quant {
                every: *q == Quant::Every,
                list: self.value(list),
                slot: *slot,
                body: Box::new(self.truth(body)),
            },
            _ => B::Value(self.value(node)),
        }
    }

    fn pair(&self, a: &'p Node, b: &'p Node) -> Box<(V<'p>, V<'p>)> {
        Box::new((self.value(a), self.value(b)))
    }

    fn value(&self, node: &'p Node) -> V<'p> {
        match &node.op {
            op if is_boolean(op) => V::Truth(Box::new(self.truth(node))),
            Op::Lit(lit) => V::Const(Value::of_lit(lit)),
            Op::Field(f) => V::Field(*f),
            Op::Var { slot, member: None } => V::Var(*slot),
            Op::Var {
                slot,
                member: Some(m),
            } => V::VarField(*slot, *m),
            Op::Def(id) => V::Def(*id),
            Op::Param { id, on } => V::Param {
                values: self.pack.params.get(*id).map_or(&[], |p: &Param| &p.values),
                on: on.as_deref().map(|n| Box::new(self.value(n))),
            },
            Op::Shift(Unit::Days, date, n) => match n.op {
                Op::Lit(Lit::Int(n)) => V::AddDays(Box::new(self.value(date)), n),
                _ => V::Shift(Unit::Days, self.pair(date, n)),
            },
            Op::Shift(unit, date, n) => V::Shift(*unit, self.pair(date, n)),
            Op::DaysBetween(a, b) => V::DaysBetween(self.pair(a, b)),
            Op::Age(a, b) => V::Age(self.pair(a, b)),
            Op::LastDay(start, n) => V::LastDay {
                next_day_is_day_1: self.pack.meta.day_count == super::ir::DayCount::NextDayIsDay1,
                args: self.pair(start, n),
            },
            Op::Earliest(items) => V::Extreme {
                latest: false,
                items: items.iter().map(|n| self.value(n)).collect(),
            },
            Op::Latest(items) => V::Extreme {
                latest: true,
                items: items.iter().map(|n| self.value(n)).collect(),
            },
            Op::Quant {
                q: _,
                list,
                slot,
                body,
            } => V::Count {
                list: Box::new(self.value(list)),
                slot: *slot,
                body: Box::new(self.truth(body)),
            },
            Op::AddWorkingDays {
                from,
                days,
                holidays,
            } => V::WorkingDays {
                args: self.pair(from, days),
                holidays: self
                    .pack
                    .sets
                    .get(*holidays)
                    .map_or(&[], |s| s.dates.as_slice()),
            },
            // Boolean operations are caught by the first arm.
            Op::All(_)
            | Op::Any(_)
            | Op::Not(_)
            | Op::Cmp(..)
            | Op::In(..)
            | Op::Member { .. }
            | Op::IsNull(_) => V::Truth(Box::new(self.truth(node))),
        }
    }
}

/// The buffers of a [`Ctx`], kept between profiles; stored empty, so they
/// borrow nothing.
#[derive(Default)]
pub(crate) struct Buffers {
    vars: Vec<(Value<'static>, usize)>,
    defs: Vec<Option<Value<'static>>>,
}

impl std::fmt::Debug for Buffers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Buffers")
    }
}

/// Evaluation state for one profile on the fast path.
pub(crate) struct Ctx<'a> {
    profile: &'a WorkerProfile,
    defs_code: &'a [DefExpr<'a>],
    /// Bound variables: the item and its index in its list.
    vars: Vec<(Value<'a>, usize)>,
    /// Definitions computed for this profile.
    defs: Vec<Option<Value<'a>>>,
}

impl<'a> Ctx<'a> {
    /// A context for one profile, reusing the buffers of an earlier one.
    pub(crate) fn new(
        program: &'a Program<'a>,
        var_slots: usize,
        profile: &'a WorkerProfile,
        b: Buffers,
    ) -> Self {
        let mut vars: Vec<(Value<'a>, usize)> = recycle(b.vars);
        vars.resize(var_slots, (Value::Unknown, 0));
        let mut defs: Vec<Option<Value<'a>>> = recycle(b.defs);
        defs.resize(program.defs.len(), None);
        Ctx {
            profile,
            defs_code: &program.defs,
            vars,
            defs,
        }
    }

    /// Gives the buffers back, emptied, for the next profile.
    pub(crate) fn into_buffers(self) -> Buffers {
        Buffers {
            vars: recycle(self.vars),
            defs: recycle(self.defs),
        }
    }

    /// The value of a definition, computed once per profile.
    #[inline]
    pub(crate) fn def(&mut self, id: usize) -> Value<'a> {
        match self.defs.get(id) {
            Some(Some(v)) => *v,
            _ => self.compute_def(id),
        }
    }

    #[inline(never)]
    fn compute_def(&mut self, id: usize) -> Value<'a> {
        let v = match self.defs_code.get(id) {
            Some(DefExpr::Truth(b)) => Value::of_truth(self.truth(b)),
            Some(DefExpr::Value(v)) => self.value(v),
            None => return Value::Unknown,
        };
        if let Some(slot) = self.defs.get_mut(id) {
            *slot = Some(v);
        }
        v
    }

    /// One rule's outcome; its dates, when it applies, go to `slots`.
    #[inline]
    pub(crate) fn decide_rule(
        &mut self,
        rule: &'a FastRule<'a>,
        slots: &mut [Option<NaiveDate>],
    ) -> Outcome {
        let as_of = self.profile.as_of;
        if !(rule.from <= as_of && rule.to.is_none_or(|to| as_of < to)) {
            return Outcome::DoesNotApply;
        }
        let guard = match rule.guard {
            Some(id) => self.def(id).truth(),
            None => Truth::True,
        };
        if guard == Truth::False {
            return Outcome::DoesNotApply;
        }
        let when = match self.truth(&rule.when) {
            Truth::True => guard,
            other => other,
        };
        if when == Truth::False {
            return Outcome::DoesNotApply;
        }
        let unless = match &rule.unless {
            Some(b) => self.truth(b),
            None => Truth::False,
        };
        let outcome = match (when, unless) {
            (_, Truth::True) => return Outcome::DoesNotApply,
            (Truth::True, Truth::False) => Outcome::Applies,
            _ => return Outcome::Undetermined,
        };
        for (slot, date) in slots.iter_mut().zip(rule.dates.iter()) {
            *slot = match self.value(date) {
                Value::Date(d) => Some(d),
                _ => None,
            };
        }
        outcome
    }

    fn truth(&mut self, b: &'a B<'a>) -> Truth {
        match b {
            B::Const(t) => *t,
            B::All(items) => {
                let mut unknown = false;
                for item in items.iter() {
                    match self.truth(item) {
                        Truth::False => return Truth::False,
                        Truth::Unknown => unknown = true,
                        Truth::True => {}
                    }
                }
                if unknown {
                    Truth::Unknown
                } else {
                    Truth::True
                }
            }
            B::Any(items) => {
                let mut unknown = false;
                for item in items.iter() {
                    match self.truth(item) {
                        Truth::True => return Truth::True,
                        Truth::Unknown => unknown = true,
                        Truth::False => {}
                    }
                }
                if unknown {
                    Truth::Unknown
                } else {
                    Truth::False
                }
            }
            B::Not(inner) => match self.truth(inner) {
                Truth::True => Truth::False,
                Truth::False => Truth::True,
                Truth::Unknown => Truth::Unknown,
            },
            B::Def(id) => self.def(*id).truth(),
            B::Field(f) => field_value(self.profile, *f).truth(),
            B::Cmp(op, lhs, rhs) => {
                let a = self.value(lhs);
                let b = self.value(rhs);
                // Dates are most of the comparisons: ordered here, inline;
                // `compare` gives the same answer for them.
                let ordering = match (a, b) {
                    (Value::Date(x), Value::Date(y)) => x.cmp(&y),
                    (Value::Int(x), Value::Int(y)) => x.cmp(&y),
                    _ => {
                        return match compare(*op, a, b) {
                            Some(r) => Truth::from(r),
                            None => Truth::Unknown,
                        }
                    }
                };
                Truth::from(match op {
                    CmpOp::Eq => ordering.is_eq(),
                    CmpOp::Ne => ordering.is_ne(),
                    CmpOp::Lt => ordering.is_lt(),
                    CmpOp::Le => ordering.is_le(),
                    CmpOp::Gt => ordering.is_gt(),
                    CmpOp::Ge => ordering.is_ge(),
                })
            }
            B::IsNull(inner) => match self.value(inner) {
                Value::Unknown => Truth::Unknown,
                Value::Null => Truth::True,
                _ => Truth::False,
            },
            B::MemberCountry {
                table,
                set,
                value,
                on,
            } => {
                let v = self.value(value);
                let (Value::Date(day), false) = (self.value(on), v.is_unknown()) else {
                    return Truth::Unknown;
                };
                Truth::from(match v {
                    Value::Country(c) => table.contains(c, day),
                    _ => member_on(set, v, day),
                })
            }
            B::Member { set, value, on } => {
                let v = self.value(value);
                let (Value::Date(day), false) = (self.value(on), v.is_unknown()) else {
                    return Truth::Unknown;
                };
                Truth::from(member_on(set, v, day))
            }
            B::InSet { item, set } => match self.value(item) {
                Value::Unknown => Truth::Unknown,
                v => Truth::from(set.contains(v)),
            },
            B::InList { item, list } => {
                let v = self.value(item);
                let found = match self.value(list) {
                    Value::Countries(cs) => matches!(v, Value::Country(c) if cs.contains(&c)),
                    Value::Family(f) => {
                        matches!(v, Value::Member(m) if f.iter().any(|x| std::ptr::eq(x, m)))
                    }
                    _ => return Truth::Unknown,
                };
                if v.is_unknown() {
                    Truth::Unknown
                } else {
                    Truth::from(found)
                }
            }
            B::Quant {
                every,
                list,
                slot,
                body,
            } => self.quantify(*every, list, *slot, body),
            B::Value(v) => self.value(v).truth(),
        }
    }

    /// Binds each item of a list in turn; `f` sees each item's truth and
    /// says whether to stop. `None` when the value is not a list.
    #[inline]
    fn each(
        &mut self,
        list: &'a V<'a>,
        slot: usize,
        body: &'a B<'a>,
        mut f: impl FnMut(Truth) -> bool,
    ) -> Option<usize> {
        let l = self.value(list);
        let len = match l {
            Value::Countries(cs) => cs.len(),
            Value::Family(f) => f.len(),
            _ => return None,
        };
        let saved = self.vars.get(slot).copied();
        for index in 0..len {
            let item = match l {
                Value::Countries(cs) => cs.get(index).map(|c| Value::Country(*c)),
                Value::Family(f) => f.get(index).map(Value::Member),
                _ => None,
            };
            let Some(item) = item else { break };
            if let Some(var) = self.vars.get_mut(slot) {
                *var = (item, index);
            }
            if f(self.truth(body)) {
                break;
            }
        }
        if let (Some(var), Some(saved)) = (self.vars.get_mut(slot), saved) {
            *var = saved;
        }
        Some(len)
    }

    /// `some` and `every`.
    fn quantify(&mut self, every: bool, list: &'a V<'a>, slot: usize, body: &'a B<'a>) -> Truth {
        // What settles the quantifier at once: a true item for `some`, a
        // false one for `every`.
        let decisive = if every { Truth::False } else { Truth::True };
        let (mut decided, mut unknown) = (false, false);
        let seen = self.each(list, slot, body, |t| {
            if t == decisive {
                decided = true;
            } else if t == Truth::Unknown {
                unknown = true;
            }
            decided
        });
        if seen.is_none() {
            Truth::Unknown
        } else if decided {
            decisive
        } else if unknown {
            Truth::Unknown
        } else if every {
            Truth::True
        } else {
            Truth::False
        }
    }

    /// A value: leaves (constants, fields, variables, definitions already
    /// computed) are read inline, so that most operands cost no call.
    #[inline(always)]
    fn value(&mut self, v: &'a V<'a>) -> Value<'a> {
        match v {
            V::Const(c) => *c,
            V::Field(f) => field_value(self.profile, *f),
            V::Var(slot) => self.vars.get(*slot).map_or(Value::Unknown, |v| v.0),
            V::Def(id) => self.def(*id),
            _ => self.compute(v),
        }
    }

    #[inline(never)]
    fn compute(&mut self, v: &'a V<'a>) -> Value<'a> {
        match v {
            V::Const(c) => *c,
            V::Field(f) => field_value(self.profile, *f),
            V::Var(slot) => self.vars.get(*slot).map_or(Value::Unknown, |v| v.0),
            V::VarField(slot, field) => match self.vars.get(*slot) {
                Some((Value::Member(m), _)) => member_field_value(m, *field),
                Some((v, _)) => *v,
                None => Value::Unknown,
            },
            V::Def(id) => self.def(*id),
            V::Truth(b) => Value::of_truth(self.truth(b)),
            V::Param { values, on } => {
                let on = match on {
                    Some(node) => self.value(node),
                    None => Value::Date(self.profile.as_of),
                };
                match on {
                    Value::Date(d) => param_value(values, d),
                    _ => Value::Unknown,
                }
            }
            V::AddDays(date, n) => match self.value(date) {
                Value::Date(d) => dates::add_days(d, *n).map_or(Value::Unknown, Value::Date),
                other => unknown_unless_null(other),
            },
            V::Shift(unit, args) => {
                let d = self.value(&args.0);
                let n = self.value(&args.1);
                shift_value(*unit, d, n)
            }
            V::DaysBetween(args) => {
                let x = self.value(&args.0);
                let y = self.value(&args.1);
                two_dates(x, y, |x, y| Value::Int(dates::days_between(x, y)))
            }
            V::Age(args) => {
                let x = self.value(&args.0);
                let y = self.value(&args.1);
                two_dates(x, y, |x, y| Value::Int(dates::age(x, y)))
            }
            V::LastDay {
                next_day_is_day_1,
                args,
            } => {
                let s = self.value(&args.0);
                let n = self.value(&args.1);
                last_day_value(*next_day_is_day_1, s, n)
            }
            V::Extreme { latest, items } => {
                let mut values = items.iter();
                extreme_value(
                    *latest,
                    std::iter::from_fn(|| values.next().map(|item| self.value(item))),
                )
            }
            V::Count { list, slot, body } => {
                let (mut yes, mut unknown) = (0i64, false);
                let seen = self.each(list, *slot, body, |t| {
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
            }
            V::WorkingDays { args, holidays } => {
                let d = self.value(&args.0);
                let n = self.value(&args.1);
                working_days_value(d, n, holidays)
            }
        }
    }
}

/// A definition's value on the fast path, for tests comparing the paths.
#[cfg(test)]
pub(crate) fn def_value<'a>(
    pack: &'a RulePack,
    program: &'a Program<'a>,
    profile: &'a WorkerProfile,
    id: usize,
) -> Value<'a> {
    Ctx::new(program, pack.var_slots, profile, Buffers::default()).def(id)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;
    use crate::country::Country;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    /// The table answers exactly as scanning the set's members does, for
    /// every country and on days around each boundary.
    #[test]
    fn country_tables_agree_with_member_on() {
        let pack = crate::rules::embedded_pack().unwrap();
        let mut days: Vec<NaiveDate> = vec![day("1900-01-01"), day("2026-11-26")];
        let mut tables = 0;
        for set in &pack.dated_sets {
            for m in &set.members {
                for d in [Some(m.from), m.to].into_iter().flatten() {
                    days.extend([d.pred_opt().unwrap(), d, d.succ_opt().unwrap()]);
                }
            }
            let Some(table) = CountryPeriods::new(set) else {
                continue;
            };
            tables += 1;
            for c in country::all() {
                for d in &days {
                    assert_eq!(
                        table.contains(c, *d),
                        member_on(set, Value::Country(c), *d),
                        "{} {c:?} {d}",
                        set.label
                    );
                }
            }
        }
        assert!(tables >= 2, "the embedded pack has dated sets of countries");
    }

    #[test]
    fn a_country_may_have_several_periods() {
        use super::super::ir::DatedMember;
        let member = |c: Country, from: &str, to: Option<&str>| DatedMember {
            value: Lit::Country(c),
            from: day(from),
            to: to.map(day),
        };
        let set = DatedSet {
            label: "x".into(),
            members: vec![
                member(Country::KZ, "2020-01-01", Some("2021-01-01")),
                member(Country::AM, "2019-01-01", None),
                member(Country::KZ, "2022-01-01", None),
            ],
            otherwise_mention: Vec::new(),
        };
        let table = CountryPeriods::new(&set).unwrap();
        for (c, d) in [
            (Country::KZ, "2019-06-01"),
            (Country::KZ, "2020-06-01"),
            (Country::KZ, "2021-06-01"),
            (Country::KZ, "2023-06-01"),
            (Country::AM, "2018-06-01"),
            (Country::AM, "2023-06-01"),
            (Country::UZ, "2023-06-01"),
        ] {
            assert_eq!(
                table.contains(c, day(d)),
                member_on(&set, Value::Country(c), day(d)),
                "{c:?} {d}"
            );
        }
    }

    #[test]
    fn typed_sets_agree_with_the_literals() {
        let lits = vec![Lit::Text("legal".into()), Lit::Text("medical".into())];
        let set = LitSet::new(&lits);
        assert!(matches!(set.typed, Typed::Texts(_)));
        let (legal, other) = ("legal".to_owned(), "other".to_owned());
        for v in [
            Value::Text(&legal),
            Value::Text(&other),
            Value::Null,
            Value::Int(1),
        ] {
            assert_eq!(set.contains(v), lits.iter().any(|l| lit_is(l, v)), "{v:?}");
        }
        let mixed = vec![Lit::Kind(ContractKind::Employment), Lit::Null];
        let set = LitSet::new(&mixed);
        assert!(matches!(set.typed, Typed::Mixed));
        assert!(set.contains(Value::Null));
        assert!(set.contains(Value::Kind(ContractKind::Employment)));
        assert!(!set.contains(Value::Kind(ContractKind::None)));
    }
}
