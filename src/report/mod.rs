//! The report: what a person may do, must do and by when, what does not apply
//! and why, and what is still unknown. Built from the engine's structured
//! results; renderers (`text`, JSON via serde) only print it.

pub mod batch;
pub mod compact;
pub mod html;
pub mod ics;
pub mod markdown;
pub(crate) mod outline;
pub mod schema;
pub mod text;
pub(crate) mod wording;

pub use wording::Lang;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use crate::country::Country;
use crate::engine::ir::{Confidence, Level, RuleKind, Source};
use crate::engine::trace::FieldKey;
use crate::engine::{Evaluation, Missing, Outcome, RulePack, Truth, Why};
use crate::profile::WorkerProfile;
use crate::rules::{field_path, member_field_name};
use wording::GuideKind;

/// Whether the EAEU worker regime applies to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The person is a worker of a Member State in the host state.
    Covered,
    /// The person cannot be one.
    NotCovered,
    /// A missing fact decides it.
    Undetermined,
}

impl Status {
    /// The status for a truth value of the pack's status definition.
    pub fn of(truth: Truth) -> Self {
        match truth {
            Truth::True => Status::Covered,
            Truth::False => Status::NotCovered,
            Truth::Unknown => Status::Undetermined,
        }
    }

    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Covered => "covered",
            Status::NotCovered => "not_covered",
            Status::Undetermined => "undetermined",
        }
    }
}

impl Outcome {
    /// The name used in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Applies => "applies",
            Outcome::DoesNotApply => "does_not_apply",
            Outcome::Undetermined => "undetermined",
            Outcome::NotAssessed => "not_assessed",
        }
    }
}

/// The version of the report's JSON shape. 2: `not_assessed` outcomes,
/// `met`, `see_also` and `carried_forward` on findings, and a `summary`
/// only for findings that apply (empty otherwise).
pub const SCHEMA_VERSION: u32 = 2;

/// A rights-and-obligations report (contract 2 of design.md).
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(
    description = "What a person may do, must do and by when, what does not apply and why, and what is still unknown (contract 2)."
)]
pub struct Report {
    /// The version of this shape ([`SCHEMA_VERSION`]).
    #[schemars(
        description = "The version of the report's shape; a reader should check it.",
        extend("const" = SCHEMA_VERSION)
    )]
    pub schema_version: u32,
    /// The profile's `id`, if it had one.
    pub profile_id: Option<String>,
    /// The assessment date.
    pub as_of: NaiveDate,
    /// The host state.
    pub host: Country,
    /// covered, not_covered or undetermined.
    pub status: Status,
    /// Why the status is what it is.
    pub status_reasons: Vec<String>,
    /// One finding per rule of the pack, in the pack's order.
    pub findings: Vec<Finding>,
    /// The facts that would settle undetermined findings.
    pub questions: Vec<Question>,
    /// Every default the evaluation relied on.
    pub assumptions: Vec<String>,
    /// Pack name, version and content hash.
    pub rules_version: String,
    /// What this report is and is not.
    pub disclaimer: String,
}

/// One provision's outcome for the person.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Finding {
    /// The rule id.
    pub rule: String,
    /// right, obligation, exemption or information.
    #[schemars(with = "schema::RuleKindShape")]
    pub kind: RuleKind,
    /// applies, does_not_apply, undetermined or not_assessed.
    #[schemars(with = "schema::OutcomeShape")]
    pub outcome: Outcome,
    /// The provision's title.
    pub title: String,
    /// The provision for this person, with their dates; empty unless the
    /// provision applies (a summary is written for that case only).
    pub summary: String,
    /// For an applying obligation the profile says is already done: `true`;
    /// `false` when it says it is not done; absent when unknown or not
    /// applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    /// The conditions that decided the outcome, as sentences.
    pub because: Vec<String>,
    /// Profile fields whose absence left the outcome undetermined.
    pub missing: Vec<String>,
    /// Dates that matter, by name.
    pub dates: BTreeMap<String, NaiveDate>,
    /// Where the provision comes from (its official publication, where known).
    #[schemars(with = "schema::SourceShape")]
    pub source: Source,
    /// The short name of the source's instrument, in the report's language
    /// ("EAEU Treaty"): what one-line citations print (the full name is in
    /// `source`). Not part of the JSON report, whose shape is a contract.
    #[serde(skip)]
    pub short_instrument: String,
    /// Secondary texts (news, guides) that explain the provision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
    /// Parameters (e.g. a yearly index) whose latest known value was used
    /// because the pack has none for the date: check their current value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_forward: Vec<String>,
    /// How sure the pack's authors are of the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<schema::ConfidenceShape>")]
    pub confidence: Option<Confidence>,
    /// Treaty-level or national.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<schema::LevelShape>")]
    pub level: Option<Level>,
    /// Treaty rules this national rule implements.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<String>,
    /// Treaty rules this national rule limits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Where national practice and the Treaty may pull apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tension: Option<String>,
    /// Interpretation choices made in encoding the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where to go to act on it in the host state, when the pack says
    /// (shown by the text, Markdown and HTML reports; not part of the
    /// JSON report, whose shape is a contract).
    #[serde(skip)]
    pub where_to: Option<Guide>,
    /// What happens if it is missed, when the pack says (as `where_to`).
    #[serde(skip)]
    pub if_missed: Option<Guide>,
    /// The id of an applying rule whose one act fulfils this duty (its
    /// `fulfils` names this rule): the printed reports and the calendar
    /// give that rule's action instead of this one, and this finding's
    /// where and what if missed are that rule's. Not part of the JSON
    /// report (as `where_to`).
    #[serde(skip)]
    pub fulfilled_by: Option<String>,
}

/// How to act on a provision in the host state: where to go, or what
/// happens if it is missed; with the pages the pack has it from.
#[derive(Debug, Clone, PartialEq)]
pub struct Guide {
    /// The text, in the report's language.
    pub text: String,
    /// The addresses of the pages it rests on.
    pub sources: Vec<String>,
    /// How sure the pack's authors are of it.
    pub confidence: Confidence,
}

/// A fact the report still needs, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Question {
    /// The profile field, e.g. `contract.kind` or `family[0].birth_date`.
    pub field: String,
    /// The question to ask the person.
    pub question: String,
    /// The rules (and `status`) the answer would decide.
    pub affects: Vec<String>,
}

/// At most this many actions open a report.
pub const MAX_ACTIONS: usize = 6;

impl Report {
    /// What to do first: the deadlines of provisions that apply and are not
    /// yet met (a duty, or a right that must be used in time, such as the
    /// 15 days to sign a new contract), overdue ones first (the longest
    /// overdue first), then the soonest; at most [`MAX_ACTIONS`]. A duty
    /// another applying rule's act fulfils is not one of them: that rule's
    /// action is.
    pub fn actions(&self) -> Vec<(&Finding, NaiveDate)> {
        let mut actions: Vec<(&Finding, NaiveDate)> = self
            .findings
            .iter()
            .filter(|f| {
                f.outcome == Outcome::Applies && f.met != Some(true) && f.fulfilled_by.is_none()
            })
            .filter_map(|f| f.dates.get("deadline").map(|d| (f, *d)))
            .collect();
        actions.sort_by(|(f, d), (g, e)| d.cmp(e).then_with(|| f.rule.cmp(&g.rule)));
        actions.truncate(MAX_ACTIONS);
        actions
    }
}

/// Builds the report for a profile from its explained evaluation, in English.
pub fn build(pack: &RulePack, profile: &WorkerProfile, eval: &Evaluation<Why<'_>>) -> Report {
    build_in(pack, profile, eval, Lang::En)
}

/// Builds the report for a profile from its explained evaluation, in `lang`.
pub fn build_in(
    pack: &RulePack,
    profile: &WorkerProfile,
    eval: &Evaluation<Why<'_>>,
    lang: Lang,
) -> Report {
    let words = wording::Words::new(pack, profile, lang);
    let mut findings = Vec::with_capacity(pack.rules.len());
    let asked = missing_facts(pack, eval);
    let outcomes: Vec<Outcome> = eval.results.iter().map(|r| r.outcome).collect();
    let by = fulfilled_by(pack, &outcomes);
    let open = fulfilment_undetermined(pack, &outcomes, &by);
    for (index, (rule, result)) in pack.rules.iter().zip(&eval.results).enumerate() {
        let applies = result.outcome == Outcome::Applies;
        let guide = |kind| {
            applies
                .then(|| words.guide(index, rule, kind, &result.dates))
                .flatten()
        };
        let dates = rule
            .dates
            .iter()
            .zip(&result.dates)
            .filter_map(|((name, _), date)| date.map(|d| (name.clone(), d)))
            .collect();
        findings.push(Finding {
            rule: rule.id.clone(),
            kind: rule.kind,
            outcome: result.outcome,
            title: words.title(index, rule),
            // Written for a person to whom the rule applies, so only then.
            summary: if result.outcome == Outcome::Applies {
                words.summary(index, rule, &result.dates)
            } else {
                String::new()
            },
            met: result.met,
            because: words.reasons(&result.why.because),
            missing: result.why.missing.iter().map(missing_path).collect(),
            dates,
            source: words.source(rule),
            short_instrument: words.short_instrument(rule),
            see_also: rule.see_also.clone(),
            carried_forward: result
                .why
                .carried_forward
                .iter()
                .map(|&id| pack.param(id).name.clone())
                .collect(),
            confidence: rule.confidence,
            level: rule.level,
            implements: rule.implements.clone(),
            limits: rule.limits.clone(),
            tension: words.tension(index, rule),
            note: rule.note.clone(),
            // Said only where it helps: to someone who must act on it; and
            // while the act that would fulfil it is not settled, the text
            // for both possibilities, where the pack has one.
            where_to: open
                .get(index)
                .copied()
                .unwrap_or(false)
                .then(|| guide(GuideKind::WhereUndetermined))
                .flatten()
                .or_else(|| guide(GuideKind::Where)),
            if_missed: guide(GuideKind::IfMissed),
            fulfilled_by: None,
        });
    }
    mark_fulfilled(&by, &mut findings);
    let questions = asked
        .into_iter()
        .map(|(m, affects)| Question {
            field: missing_path(&m),
            question: words.question(&m),
            affects,
        })
        .collect();
    Report {
        schema_version: SCHEMA_VERSION,
        profile_id: profile.id.clone(),
        as_of: profile.as_of,
        host: profile.host,
        status: Status::of(eval.status),
        status_reasons: words.reasons(&eval.status_why.because),
        findings,
        questions,
        assumptions: words.assumptions(),
        rules_version: pack.version(),
        disclaimer: words.disclaimer(),
    }
}

/// For each rule of the pack (outcomes in the pack's order), the index of
/// the applying rule whose one act fulfils its duty (that rule's
/// `fulfils` names it), when the rule applies too; the first such rule in
/// the pack's order when there are several. The printed reports, the
/// calendar and the timeline give that rule's action and not this one:
/// one act, one action.
pub fn fulfilled_by(pack: &RulePack, outcomes: &[Outcome]) -> Vec<Option<usize>> {
    let applies = |i: usize| outcomes.get(i) == Some(&Outcome::Applies);
    let mut by = vec![None; pack.rules.len()];
    for (i, rule) in pack.rules.iter().enumerate().filter(|(i, _)| applies(*i)) {
        for id in &rule.fulfils {
            let Some(duty) = pack.rules.iter().position(|r| r.id == *id) else {
                continue;
            };
            if let Some(slot @ None) = by.get_mut(duty).filter(|_| applies(duty)) {
                *slot = Some(i);
            }
        }
    }
    by
}

/// For each rule of the pack (outcomes in the pack's order), whether it
/// applies, no applying rule fulfils it (`by`, as [`fulfilled_by`] gives
/// it), and a rule whose act would fulfil it is undetermined: whether one
/// act or another does the duty depends on a fact not given.
pub fn fulfilment_undetermined(
    pack: &RulePack,
    outcomes: &[Outcome],
    by: &[Option<usize>],
) -> Vec<bool> {
    let outcome = |i: usize| outcomes.get(i).copied();
    pack.rules
        .iter()
        .enumerate()
        .map(|(duty, rule)| {
            outcome(duty) == Some(Outcome::Applies)
                && by.get(duty).copied().flatten().is_none()
                && pack.rules.iter().enumerate().any(|(i, r)| {
                    r.fulfils.contains(&rule.id) && outcome(i) == Some(Outcome::Undetermined)
                })
        })
        .collect()
}

/// Marks each applying duty that an applying rule's act fulfils (`by`, as
/// [`fulfilled_by`] gives it): the finding names that rule, and takes its
/// where and what if missed, since doing that act is how this duty is
/// done.
fn mark_fulfilled(by: &[Option<usize>], findings: &mut [Finding]) {
    for (duty, by) in by.iter().copied().enumerate() {
        let Some(doer) = by.and_then(|by| findings.get(by)) else {
            continue;
        };
        let (id, where_to, if_missed) = (
            doer.rule.clone(),
            doer.where_to.clone(),
            doer.if_missed.clone(),
        );
        if let Some(f) = findings.get_mut(duty) {
            f.fulfilled_by = Some(id);
            if where_to.is_some() {
                f.where_to = where_to;
            }
            if if_missed.is_some() {
                f.if_missed = if_missed;
            }
        }
    }
}

/// Every missing fact whose answer would settle something, and what it
/// would settle: `status` (when the status is undetermined) and the ids of
/// the rules it leaves undetermined or whose dates wait for it.
pub fn missing_facts(
    pack: &RulePack,
    eval: &Evaluation<Why<'_>>,
) -> BTreeMap<Missing, Vec<String>> {
    let mut asked: BTreeMap<Missing, Vec<String>> = BTreeMap::new();
    if eval.status == Truth::Unknown {
        for m in &eval.status_why.missing {
            asked.entry(*m).or_default().push("status".to_owned());
        }
    }
    for (rule, result) in pack.rules.iter().zip(&eval.results) {
        // An undetermined outcome, or an applying rule whose date needs a
        // missing fact: either way the answer would settle something.
        for m in &result.why.missing {
            asked.entry(*m).or_default().push(rule.id.clone());
        }
    }
    asked
}

/// The path of a missing fact, e.g. `family[1].birth_date`.
pub fn missing_path(m: &Missing) -> String {
    match (m.field, m.member) {
        (FieldKey::Member(f), Some(i)) => format!("family[{i}].{}", member_field_name(f)),
        (FieldKey::Member(f), None) => member_field_name(f).to_owned(),
        (FieldKey::Profile(f), _) => field_path(f).to_owned(),
    }
}
