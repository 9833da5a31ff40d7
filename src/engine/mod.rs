//! Evaluates a compiled rule pack against a worker profile.
//!
//! The engine does no I/O: profile in, structured findings out. Wording for
//! people lives in `report`; the sentences here are the facts that decided
//! each outcome.

pub(crate) mod describe;
pub(crate) mod eval;
pub mod ir;
mod template;
pub mod trace;
pub(crate) mod value;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use eval::Env;
pub use ir::RulePack;
use trace::Trace;
pub use trace::{Missing, Why};
pub use value::Truth;
use value::Value;

use crate::profile::WorkerProfile;

/// Whether a rule applies to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The provision applies.
    Applies,
    /// The provision does not apply.
    DoesNotApply,
    /// A missing fact decides it.
    Undetermined,
}

/// The result of one rule for one profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleResult<W> {
    /// Applies, does not apply, or undetermined.
    pub outcome: Outcome,
    /// The rule's dates in the rule's order; `None` when not computed or null.
    pub dates: Vec<Option<NaiveDate>>,
    /// Why (the explained path), or `()` (the fast path).
    pub why: W,
    /// The rule's summary for this person (explained path only).
    pub summary: Option<String>,
}

/// Every rule's result for one profile, and the coverage status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Evaluation<W> {
    /// Whether the pack's status definition holds (e.g. `eaeu_worker`).
    pub status: Truth,
    /// Why the status is what it is.
    pub status_why: W,
    /// One result per rule, in the pack's order.
    pub results: Vec<RuleResult<W>>,
}

/// Evaluates every rule, recording why: for reports.
pub fn explain(pack: &RulePack, profile: &WorkerProfile) -> Evaluation<Why> {
    run::<Why>(pack, profile)
}

/// Evaluates every rule without explanations: for counts and compact output.
pub fn decide(pack: &RulePack, profile: &WorkerProfile) -> Evaluation<()> {
    run::<()>(pack, profile)
}

fn run<T: Trace>(pack: &RulePack, profile: &WorkerProfile) -> Evaluation<T> {
    let mut env: Env<'_, T> = Env::new(pack, profile);
    let (status_value, status_why) = env.def(pack.meta.status_def);
    let results = pack
        .rules
        .iter()
        .map(|rule| evaluate_rule(&mut env, rule))
        .collect();
    Evaluation {
        status: status_value.truth(),
        status_why,
        results,
    }
}

fn evaluate_rule<'a, T: Trace>(env: &mut Env<'a, T>, rule: &'a ir::Rule) -> RuleResult<T> {
    let as_of = env.profile.as_of;
    if !rule.in_force_on(as_of) {
        let why = T::sentence(|| {
            match rule.in_force_to.and_then(|to| to.pred_opt()) {
            Some(last) if as_of > last => format!(
                "this provision applied from {} to {last}; the assessment date {as_of} is after that",
                rule.in_force_from
            ),
            Some(last) => format!(
                "this provision applies from {} to {last}; the assessment date {as_of} is before that",
                rule.in_force_from
            ),
            None => format!(
                "this provision applies from {}; the assessment date {as_of} is before that",
                rule.in_force_from
            ),
        }
        });
        return RuleResult {
            outcome: Outcome::DoesNotApply,
            dates: Vec::new(),
            why,
            summary: None,
        };
    }

    let (when, when_why) = env.eval(&rule.when);
    let (unless, unless_why) = match &rule.unless {
        Some(node) if when.truth() != Truth::False => env.eval(node),
        _ => (Value::Bool(false), T::default()),
    };
    let (outcome, mut why) = match (when.truth(), unless.truth()) {
        (Truth::False, _) => (Outcome::DoesNotApply, when_why),
        (_, Truth::True) => (Outcome::DoesNotApply, unless_why),
        (Truth::True, Truth::False) => (Outcome::Applies, when_why),
        (Truth::True, Truth::Unknown) => (Outcome::Undetermined, join(when_why, unless_why)),
        (Truth::Unknown, _) => (Outcome::Undetermined, join(when_why, unless_why)),
    };

    let mut dates = Vec::new();
    if outcome == Outcome::Applies {
        dates.reserve_exact(rule.dates.len());
        for (_, node) in &rule.dates {
            // A date that needs a missing fact is reported as missing too,
            // so the report asks the question that would give the date.
            let (v, t) = env.eval(node);
            why.join(t);
            dates.push(match v {
                Value::Date(d) => Some(d),
                _ => None,
            });
        }
    }
    let summary = T::ON.then(|| template::render_summary(env, &rule.summary, &dates));
    RuleResult {
        outcome,
        dates,
        why,
        summary,
    }
}

/// How many operands (`{0}`, `{1}`, ...) a `say` on this node can show.
pub(crate) fn template_operand_count(node: &ir::Node) -> usize {
    template::operands(node).len()
}

fn join<T: Trace>(mut a: T, b: T) -> T {
    a.join(b);
    a
}
