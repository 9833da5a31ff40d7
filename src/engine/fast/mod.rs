//! The fast path's own form of a pack: every rule and definition compiled
//! once more, when a [`super::Decider`] is made, into closures that answer
//! without explanations (`build`), with membership tests turned into
//! look-ups (`lookup`).
//!
//! A tree walk pays, at every node, for a dispatch over all the kinds of
//! node and for a call frame sized for the largest of them; a closure is
//! the code of its own node only, with its operands (constants, fields,
//! definitions, variables) read inline. The state a profile needs (cached
//! definitions, bound variables) borrows nothing, so it lives in the decider
//! and is reset by bumping a generation rather than by clearing.
//!
//! Why two evaluators rather than one walk generic over a tracer that does
//! nothing when deciding: such a walk is still a tree walk, paying the
//! dispatch and the call frame above at every node, where the closures pay
//! neither; measured, the tree walk ran at about 0.4 of the closures'
//! speed (docs/performance.md), far outside the 5 % a single program may
//! cost. So the two are kept, and kept honest: what each operation gives
//! (comparison, membership on a date, parameters, date arithmetic, Kleene's
//! connectives) is in `semantics`, which both call, and the differential
//! tests (`tests/it/decide_explain.rs`, `tests/it/bench_pack.rs`, the engine's
//! table tests) compare their answers.

#[macro_use]
mod operand;
mod build;
mod lookup;
mod ops;

use chrono::NaiveDate;

use super::ir::{part, DefId, RulePack};
use super::semantics::{category_value, classify};
use super::value::{Truth, Value};
use super::Outcome;
use crate::country::Country;
use crate::profile::WorkerProfile;

/// A compiled condition.
type TruthFn<'p> = Box<dyn Fn(&mut Ctx<'_>) -> Truth + Send + Sync + 'p>;
/// A compiled expression yielding a value borrowed from the profile.
type ValueFn<'p> = Box<dyn for<'x> Fn(&mut Ctx<'x>) -> Value<'x> + Send + Sync + 'p>;

/// A compiled pack for the fast path; borrows the pack.
pub(crate) struct Program<'p> {
    defs: Vec<DefFn<'p>>,
    /// The rules in runs with the same guard: most rules start from the
    /// same status definition, so a profile it excludes skips them all
    /// after one test.
    groups: Vec<Group<'p>>,
    /// The pack's text literals that are values (not set members), which
    /// a value must borrow for as long as the profile.
    texts: Vec<&'p String>,
    status_def: DefId,
    var_slots: usize,
}

impl std::fmt::Debug for Program<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Program({} rules, {} definitions)",
            self.groups.iter().map(|g| g.rules.len()).sum::<usize>(),
            self.defs.len()
        )
    }
}

/// A quantifier's body: a condition, or the two conditions of an `all`,
/// tested here without a closure of its own (the commonest body).
enum Body<'p> {
    One(TruthFn<'p>),
    Two(TruthFn<'p>, TruthFn<'p>),
}

impl Body<'_> {
    #[inline]
    fn test(&self, c: &mut Ctx<'_>) -> Truth {
        match self {
            Body::One(f) => f(c),
            Body::Two(a, b) => match a(c) {
                Truth::False => Truth::False,
                Truth::True => b(c),
                Truth::Unknown => match b(c) {
                    Truth::False => Truth::False,
                    _ => Truth::Unknown,
                },
            },
        }
    }
}

/// A definition: a condition, or a value such as a date.
enum DefFn<'p> {
    Truth(TruthFn<'p>),
    Value(ValueFn<'p>),
}

/// Rules with the same guard: the definition their `when` starts with, if
/// any, whose falsity alone decides that none of them applies.
struct Group<'p> {
    guard: Option<DefId>,
    /// The pack index of the first rule; the others follow it.
    start: usize,
    /// A period in which every rule of the group is in force, so that a
    /// profile in it needs no rule's own check.
    from: NaiveDate,
    to: Option<NaiveDate>,
    rules: Vec<FastRule<'p>>,
}

/// A compiled rule.
struct FastRule<'p> {
    /// Where its dates go in the decider's dates.
    dates_at: usize,
    from: NaiveDate,
    to: Option<NaiveDate>,
    /// Whether an `as_of` before `from` is not assessed (the earlier law is
    /// not encoded) rather than outside the rule.
    earlier_not_encoded: bool,
    /// The host state of a national rule: elsewhere it does not apply.
    host: Option<Country>,
    guard: Option<DefId>,
    /// `when` without its guard; `None` when nothing is left of it.
    when: Option<TruthFn<'p>>,
    unless: Option<TruthFn<'p>>,
    dates: Vec<ValueFn<'p>>,
}

/// An item bound to a quantifier's variable. It borrows nothing: a family
/// member is found again by its index in the profile's family, the only list
/// of members there is.
#[derive(Debug, Clone, Copy)]
enum Item {
    Unbound,
    Country(Country),
    Member,
}

/// A definition's cached value. A condition's truth is kept apart from the
/// value and written and read a field at a time: a status just computed is
/// read back at once by the rules it guards, and a wide read of a value just
/// written in narrow pieces would wait for the writes to reach the cache.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The generation (profile) it was computed in; 0 for never.
    generation: u32,
    /// Whether `truth` holds the value (else `value` does).
    is_truth: bool,
    truth: Truth,
    value: Value<'static>,
}

impl Slot {
    const EMPTY: Slot = Slot {
        generation: 0,
        is_truth: false,
        truth: Truth::Unknown,
        value: Value::Unknown,
    };
}

/// What the fast path remembers while it evaluates one profile, kept
/// between profiles (it borrows nothing).
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Per definition: its value for the current profile, if computed.
    /// Values that borrow from the profile (texts, lists, members) are not
    /// cached, and are computed again when read.
    defs: Vec<Slot>,
    /// The current profile's generation.
    generation: u32,
    /// Bound variables: the item and its index in its list.
    vars: Vec<(Item, usize)>,
}

impl State {
    /// Starts a new profile: every cached definition becomes stale.
    fn next_profile(&mut self, defs: usize, var_slots: usize) {
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 || self.defs.len() != defs {
            // Generation 0 means "never computed": start afresh.
            self.defs.clear();
            self.defs.resize(defs, Slot::EMPTY);
            self.generation = 1;
        }
        if self.vars.len() != var_slots {
            self.vars.clear();
            self.vars.resize(var_slots, (Item::Unbound, 0));
        }
    }
}

/// Evaluation of one profile on the fast path.
pub(crate) struct Ctx<'x> {
    profile: &'x WorkerProfile,
    pack: &'x RulePack,
    texts: &'x [&'x String],
    defs_code: &'x [DefFn<'x>],
    // The state's parts, borrowed one by one so that reading them costs no
    // extra pointer to follow.
    defs: &'x mut [Slot],
    generation: u32,
    vars: &'x mut [(Item, usize)],
    /// The occupation's category once first read (see
    /// `semantics::classify`): most packs never read it, so it costs a profile
    /// nothing unless a rule asks, and then one classification.
    category: Option<Option<usize>>,
}

/// Whether a period (`to` exclusive) holds a day.
#[inline]
fn in_force(from: NaiveDate, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from <= day && to.is_none_or(|to| day < to)
}

/// A value that borrows nothing, so that it can be cached between calls.
fn owned(v: Value<'_>) -> Option<Value<'static>> {
    Some(match v {
        Value::Unknown => Value::Unknown,
        Value::Null => Value::Null,
        Value::Bool(b) => Value::Bool(b),
        Value::Int(i) => Value::Int(i),
        Value::Date(d) => Value::Date(d),
        Value::Country(c) => Value::Country(c),
        Value::Kind(k) => Value::Kind(k),
        Value::Relation(r) => Value::Relation(r),
        Value::Text(_) | Value::Countries(_) | Value::Family(_) | Value::Member(_) => return None,
    })
}

impl<'p> Program<'p> {
    /// Compiles a pack for the fast path.
    pub(crate) fn new(pack: &'p RulePack) -> Self {
        build::program(pack)
    }

    /// Every rule's outcome for one profile, into `outcomes` (one per rule);
    /// an applying rule's dates go to `dates` from the rule's offset on (the
    /// others' are left as they were).
    /// Returns the status.
    pub(crate) fn decide(
        &self,
        pack: &RulePack,
        st: &mut State,
        profile: &WorkerProfile,
        outcomes: &mut [Outcome],
        dates: &mut [Option<NaiveDate>],
    ) -> Truth {
        st.next_profile(self.defs.len(), self.var_slots);
        let mut ctx = Ctx {
            profile,
            pack,
            texts: &self.texts,
            defs_code: &self.defs,
            generation: st.generation,
            defs: &mut st.defs,
            vars: &mut st.vars,
            category: None,
        };
        let status = ctx.def_truth(self.status_def);
        let as_of = profile.as_of;
        for group in &self.groups {
            let end = group.start.saturating_add(group.rules.len());
            let Some(outcomes) = outcomes.get_mut(group.start..end) else {
                continue;
            };
            let guard = match group.guard {
                Some(id) => ctx.def_truth(id),
                None => Truth::True,
            };
            if guard == Truth::False {
                for outcome in outcomes {
                    *outcome = Outcome::DoesNotApply;
                }
                continue;
            }
            let all_in_force = in_force(group.from, group.to, as_of);
            for (rule, slot) in group.rules.iter().zip(outcomes) {
                let outcome = if rule.host.is_some_and(|h| h != profile.host) {
                    Outcome::DoesNotApply
                } else if all_in_force || in_force(rule.from, rule.to, as_of) {
                    ctx.decide_rule(rule, guard)
                } else {
                    ctx.out_of_force(rule, guard, as_of)
                };
                *slot = outcome;
                if outcome == Outcome::Applies && !rule.dates.is_empty() {
                    let slots = dates.get_mut(rule.dates_at..).unwrap_or_default();
                    for (slot, date) in slots.iter_mut().zip(&rule.dates) {
                        *slot = match date(&mut ctx) {
                            Value::Date(d) => Some(d),
                            _ => None,
                        };
                    }
                }
            }
        }
        status
    }
}

impl<'x> Ctx<'x> {
    /// The value of a definition, computed once per profile.
    #[inline]
    fn def(&mut self, id: DefId) -> Value<'x> {
        match self.defs.get(id.index()) {
            Some(s) if s.generation == self.generation => {
                if s.is_truth {
                    Value::of_truth(s.truth)
                } else {
                    s.value
                }
            }
            _ => self.compute_def(id),
        }
    }

    /// The truth of a definition, computed once per profile.
    #[inline]
    fn def_truth(&mut self, id: DefId) -> Truth {
        match self.defs.get(id.index()) {
            Some(s) if s.generation == self.generation => {
                if s.is_truth {
                    s.truth
                } else {
                    s.value.truth()
                }
            }
            _ => self.compute_def(id).truth(),
        }
    }

    #[inline(never)]
    fn compute_def(&mut self, id: DefId) -> Value<'x> {
        let code = self.defs_code;
        let generation = self.generation;
        // One compiled definition per definition of the pack.
        match part(code, id.index(), "definition") {
            DefFn::Truth(f) => {
                let t = f(self);
                if let Some(slot) = self.defs.get_mut(id.index()) {
                    slot.generation = generation;
                    slot.is_truth = true;
                    slot.truth = t;
                }
                Value::of_truth(t)
            }
            DefFn::Value(f) => {
                let v = f(self);
                if let (Some(owned), Some(slot)) = (owned(v), self.defs.get_mut(id.index())) {
                    slot.generation = generation;
                    slot.is_truth = false;
                    slot.value = owned;
                }
                v
            }
        }
    }

    /// The outcome of a rule not in force on `as_of`: it does not apply,
    /// unless the pack does not encode those years and `when` does not rule
    /// the person out (as the explained path). Out of line: it is rare, and
    /// the loop over rules stays small.
    #[cold]
    #[inline(never)]
    fn out_of_force(&mut self, rule: &FastRule<'_>, guard: Truth, as_of: NaiveDate) -> Outcome {
        if !(rule.earlier_not_encoded && as_of < rule.from) {
            return Outcome::DoesNotApply;
        }
        match self.decide_rule(rule, guard) {
            Outcome::DoesNotApply => Outcome::DoesNotApply,
            _ => Outcome::NotAssessed,
        }
    }

    /// The value of `occupation_category`, classified on the first read.
    #[inline(never)]
    fn occupation_category(&mut self) -> Value<'x> {
        let (pack, profile) = (self.pack, self.profile);
        let category = *self.category.get_or_insert_with(|| classify(pack, profile));
        category_value(pack, category)
    }

    /// The value bound to a variable.
    #[inline]
    fn var(&self, slot: usize) -> Value<'x> {
        match self.vars.get(slot) {
            Some((Item::Country(c), _)) => Value::Country(*c),
            Some((Item::Member, index)) => self
                .profile
                .family
                .as_ref()
                .and_then(|f| f.get(*index))
                .map_or(Value::Unknown, Value::Member),
            _ => Value::Unknown,
        }
    }

    /// The outcome of a rule in force, given the truth of its guard (true
    /// when it has none, never false); its dates are computed by the caller.
    #[inline]
    fn decide_rule(&mut self, rule: &FastRule<'_>, guard: Truth) -> Outcome {
        // `when` is the Kleene conjunction of the guard and the rest.
        let when = match &rule.when {
            Some(f) => match f(self) {
                Truth::True => guard,
                other => other,
            },
            None => guard,
        };
        if when == Truth::False {
            return Outcome::DoesNotApply;
        }
        let unless = match &rule.unless {
            Some(f) => f(self),
            None => Truth::False,
        };
        match (when, unless) {
            (_, Truth::True) => Outcome::DoesNotApply,
            (Truth::True, Truth::False) => Outcome::Applies,
            _ => Outcome::Undetermined,
        }
    }

    /// Binds each item of a list in turn to `slot` and tests `body`; `f`
    /// sees each truth and says whether to stop. `None` when `l` is not a
    /// list, else the list's length. With `keep`, the slot's binding is put
    /// back afterwards (see `build::shared_defs`).
    #[inline]
    fn each(
        &mut self,
        l: Value<'x>,
        slot: usize,
        keep: bool,
        body: &Body<'_>,
        mut f: impl FnMut(Truth) -> bool,
    ) -> Option<usize> {
        let saved = if keep {
            self.vars.get(slot).copied()
        } else {
            None
        };
        let len = match l {
            Value::Countries(cs) => {
                for (index, c) in cs.iter().enumerate() {
                    if let Some(var) = self.vars.get_mut(slot) {
                        *var = (Item::Country(*c), index);
                    }
                    if f(body.test(self)) {
                        break;
                    }
                }
                cs.len()
            }
            Value::Family(members) => {
                for index in 0..members.len() {
                    if let Some(var) = self.vars.get_mut(slot) {
                        *var = (Item::Member, index);
                    }
                    if f(body.test(self)) {
                        break;
                    }
                }
                members.len()
            }
            _ => return None,
        };
        if let (Some(var), Some(saved)) = (self.vars.get_mut(slot), saved) {
            *var = saved;
        }
        Some(len)
    }
}

/// A definition's value on the fast path, for tests comparing the paths.
#[cfg(test)]
pub(crate) fn def_value<'a>(
    pack: &'a RulePack,
    program: &'a Program<'a>,
    st: &'a mut State,
    profile: &'a WorkerProfile,
    id: DefId,
) -> Value<'a> {
    // The same set-up as `Program::decide`'s. Sharing it through a method
    // returning the context was measured: the decide loop got 9% slower.
    st.next_profile(program.defs.len(), program.var_slots);
    let mut ctx = Ctx {
        profile,
        pack,
        texts: &program.texts,
        defs_code: &program.defs,
        generation: st.generation,
        defs: &mut st.defs,
        vars: &mut st.vars,
        category: None,
    };
    ctx.def(id)
}
