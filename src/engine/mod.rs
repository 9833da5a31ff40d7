//! Evaluates a compiled rule pack against a worker profile.
//!
//! The engine does no I/O and writes no sentence: profile in, structured
//! findings out, each with the reasons that decided it as data
//! (`reason::Reason`). Wording for people lives in `report::wording`.

pub(crate) mod bounds;
pub mod candidates;
pub(crate) mod eval;
mod fast;
pub mod ir;
pub(crate) mod occupations;
pub(crate) mod reason;
pub(crate) mod semantics;
pub(crate) mod template;
pub mod trace;
pub(crate) mod value;

#[cfg(test)]
mod tests;

use chrono::NaiveDate;

use eval::Env;
pub use ir::RulePack;
use reason::Reason;
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
    /// The assessment date falls in years whose law the pack does not
    /// encode (the rule says what applied then).
    NotAssessed,
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
    /// Whether an applying obligation is already met (`Some` only when the
    /// rule says how it is met and the profile tells; explained path only).
    pub met: Option<bool>,
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
pub fn explain<'a>(pack: &'a RulePack, profile: &'a WorkerProfile) -> Evaluation<Why<'a>> {
    let mut env: Env<'_> = Env::new(pack, profile);
    let (status_value, status_why) = env.def(pack.meta.status_def);
    let results = pack
        .rules
        .iter()
        .map(|rule| {
            let mut dates = Vec::new();
            let (outcome, why) = evaluate_rule(&mut env, rule, |d| dates.push(d));
            let met = match &rule.met {
                Some(node) if outcome == Outcome::Applies => match env.eval(node).0.truth() {
                    Truth::True => Some(true),
                    Truth::False => Some(false),
                    Truth::Unknown => None,
                },
                _ => None,
            };
            RuleResult {
                outcome,
                dates,
                why,
                met,
            }
        })
        .collect();
    Evaluation {
        status: status_value.truth(),
        status_why,
        results,
    }
}

/// Evaluates every rule without explanations: for counts and compact output.
///
/// A convenience over [`Decider`], which evaluates many profiles without
/// allocating.
pub fn decide(pack: &RulePack, profile: &WorkerProfile) -> Evaluation<()> {
    Decider::new(pack).decide(profile).to_evaluation()
}

/// The fast path for many profiles: evaluates without explanations and
/// reuses its buffers, so a profile costs no allocation.
///
/// Making one compiles the pack once more for this path (`fast`): make one
/// per batch or thread, not per profile.
#[derive(Debug)]
pub struct Decider<'p> {
    pack: &'p RulePack,
    /// The pack compiled for this path, once per decider.
    program: fast::Program<'p>,
    state: fast::State,
    status: Truth,
    outcomes: Vec<Outcome>,
    /// Every rule's dates, one slot per date of the pack, rule after rule;
    /// only an applying rule's are current.
    dates: Vec<Option<NaiveDate>>,
    /// As many `None`s as a rule has dates at most: the dates of a rule that
    /// does not apply, so that `dates` need not be cleared for each profile.
    nones: Vec<Option<NaiveDate>>,
    /// Where each rule's dates start in `dates`, and the end (`rules + 1` items).
    offsets: Vec<usize>,
}

impl<'p> Decider<'p> {
    /// A decider for this pack.
    pub fn new(pack: &'p RulePack) -> Self {
        let mut offsets = Vec::with_capacity(pack.rules.len().saturating_add(1));
        let mut at = 0usize;
        offsets.push(0);
        for rule in &pack.rules {
            at = at.saturating_add(rule.dates.len());
            offsets.push(at);
        }
        Decider {
            pack,
            program: fast::Program::new(pack),
            state: fast::State::default(),
            status: Truth::Unknown,
            outcomes: vec![Outcome::DoesNotApply; pack.rules.len()],
            dates: vec![None; at],
            nones: vec![None; pack.rules.iter().map(|r| r.dates.len()).max().unwrap_or(0)],
            offsets,
        }
    }

    /// The pack this decider evaluates.
    pub fn pack(&self) -> &'p RulePack {
        self.pack
    }

    /// Evaluates every rule for one profile; the result borrows the decider.
    pub fn decide(&mut self, profile: &WorkerProfile) -> Decision<'_> {
        self.status = self.program.decide(
            self.pack,
            &mut self.state,
            profile,
            &mut self.outcomes,
            &mut self.dates,
        );
        Decision {
            status: self.status,
            outcomes: &self.outcomes,
            dates: &self.dates,
            nones: &self.nones,
            offsets: &self.offsets,
        }
    }
}

/// One profile's outcomes on the fast path, borrowed from a [`Decider`].
#[derive(Debug, Clone, Copy)]
pub struct Decision<'d> {
    /// Whether the pack's status definition holds.
    pub status: Truth,
    outcomes: &'d [Outcome],
    dates: &'d [Option<NaiveDate>],
    nones: &'d [Option<NaiveDate>],
    offsets: &'d [usize],
}

impl<'d> Decision<'d> {
    /// Every rule's outcome, in the pack's order.
    pub fn outcomes(&self) -> &'d [Outcome] {
        self.outcomes
    }

    /// Rule `index`'s dates in the rule's order (`None`: not computed or null).
    pub fn dates(&self, index: usize) -> &'d [Option<NaiveDate>] {
        let start = self.offsets.get(index).copied().unwrap_or(0);
        let end = self
            .offsets
            .get(index.saturating_add(1))
            .copied()
            .unwrap_or(start);
        if self.outcomes.get(index) == Some(&Outcome::Applies) {
            self.dates.get(start..end).unwrap_or_default()
        } else {
            // Not computed for this profile.
            self.nones
                .get(..end.saturating_sub(start))
                .unwrap_or_default()
        }
    }

    /// The same result as an [`Evaluation`] (allocates; for tests and `decide`).
    pub fn to_evaluation(&self) -> Evaluation<()> {
        let results = self
            .outcomes
            .iter()
            .enumerate()
            .map(|(i, outcome)| RuleResult {
                outcome: *outcome,
                dates: if *outcome == Outcome::Applies {
                    self.dates(i).to_vec()
                } else {
                    Vec::new()
                },
                why: (),
                met: None,
            })
            .collect();
        Evaluation {
            status: self.status,
            status_why: (),
            results,
        }
    }
}

/// One rule's outcome and why; its dates (when it applies) go to `push`, in
/// the rule's order.
fn evaluate_rule<'a>(
    env: &mut Env<'a>,
    rule: &'a ir::Rule,
    mut push: impl FnMut(Option<NaiveDate>),
) -> (Outcome, Why<'a>) {
    let as_of = env.profile.as_of;
    let host = env.profile.host;
    if let Some(own) = rule.host.filter(|_| rule.foreign_to(host)) {
        return (
            Outcome::DoesNotApply,
            Why::reason(Reason::ForeignHost { host, own }),
        );
    }
    let not_encoded = rule.not_encoded_on(as_of);
    if !rule.in_force_on(as_of) && !not_encoded {
        return (
            Outcome::DoesNotApply,
            Why::reason(Reason::NotInForce { rule, as_of }),
        );
    }

    let (when, when_why) = env.eval(&rule.when);
    let (unless, unless_why) = match &rule.unless {
        Some(node) if when.truth() != Truth::False => env.eval(node),
        _ => (Value::Bool(false), Why::default()),
    };
    let (outcome, mut why) = match (when.truth(), unless.truth()) {
        (Truth::False, _) => (Outcome::DoesNotApply, when_why),
        (_, Truth::True) => (Outcome::DoesNotApply, unless_why),
        (Truth::True, Truth::False) => (Outcome::Applies, when_why),
        (Truth::True, Truth::Unknown) => {
            (Outcome::Undetermined, eval::joined(when_why, unless_why))
        }
        (Truth::Unknown, _) => (Outcome::Undetermined, eval::joined(when_why, unless_why)),
    };
    if not_encoded && outcome != Outcome::DoesNotApply {
        // The law before the encoded period is not in the pack: say so,
        // unless the rule's own conditions already rule the person out.
        return (
            Outcome::NotAssessed,
            Why::reason(Reason::NotEncoded { rule, as_of }),
        );
    }

    // A yearly value used past its year is said once, whatever `say` the
    // condition that read it carries.
    for param in why.carried_forward.clone() {
        why.join(Why::reason(Reason::CarriedForward { param }));
    }
    if outcome == Outcome::Applies {
        for (_, node) in &rule.dates {
            // A date that needs a missing fact is reported as missing too,
            // so the report asks the question that would give the date.
            let (v, t) = env.eval(node);
            why.join(t);
            push(match v {
                Value::Date(d) => Some(d),
                _ => None,
            });
        }
    }
    (outcome, why)
}

/// A fact of the profile for the report's sentences, derived ones included
/// (the kind of work is classified by the pack's occupations table).
pub(crate) fn fact<'a>(
    pack: &'a RulePack,
    profile: &'a WorkerProfile,
    field: ir::Field,
) -> Value<'a> {
    match field {
        ir::Field::OccupationCategory => {
            semantics::category_value(pack, semantics::classify(pack, profile))
        }
        _ => semantics::field_value(profile, field),
    }
}

/// How many operands (`{0}`, `{1}`, ...) a `say` on this node can show.
pub(crate) fn template_operand_count(node: &ir::Node) -> usize {
    template::operands(node).len()
}
