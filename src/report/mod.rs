//! The report: what a person may do, must do and by when, what does not apply
//! and why, and what is still unknown. Built from the engine's structured
//! results; renderers (`text`, JSON via serde) only print it.

pub mod compact;
pub mod ics;
pub mod markdown;
pub mod text;
pub(crate) mod wording;

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use crate::country::Country;
use crate::engine::ir::{Confidence, Level, RuleKind, Source};
use crate::engine::trace::FieldKey;
use crate::engine::{Evaluation, Missing, Outcome, RulePack, Truth, Why};
use crate::profile::WorkerProfile;
use crate::rules::{field_path, member_field_name};

/// Whether the EAEU worker regime applies to the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The version of this shape ([`SCHEMA_VERSION`]).
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule id.
    pub rule: String,
    /// right, obligation, exemption or information.
    pub kind: RuleKind,
    /// applies, does_not_apply or undetermined.
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
    pub source: Source,
    /// Secondary texts (news, guides) that explain the provision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
    /// Parameters (e.g. a yearly index) whose latest known value was used
    /// because the pack has none for the date: check their current value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_forward: Vec<String>,
    /// How sure the pack's authors are of the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Treaty-level or national.
    #[serde(skip_serializing_if = "Option::is_none")]
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
}

/// A fact the report still needs, in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Question {
    /// The profile field, e.g. `contract.kind` or `family[0].birth_date`.
    pub field: String,
    /// The question to ask the person.
    pub question: String,
    /// The rules (and `status`) the answer would decide.
    pub affects: Vec<String>,
}

/// Builds the report for a profile from its explained evaluation.
pub fn build(pack: &RulePack, profile: &WorkerProfile, eval: &Evaluation<Why<'_>>) -> Report {
    let words = wording::Words { pack, profile };
    let mut findings = Vec::with_capacity(pack.rules.len());
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
            title: rule.title.clone(),
            // Written for a person to whom the rule applies, so only then.
            summary: if result.outcome == Outcome::Applies {
                words.summary(rule, &result.dates)
            } else {
                String::new()
            },
            met: result.met,
            because: words.reasons(&result.why.because),
            missing: result.why.missing.iter().map(missing_path).collect(),
            dates,
            source: rule.source.clone(),
            see_also: rule.see_also.clone(),
            carried_forward: result
                .why
                .carried_forward
                .iter()
                .filter_map(|&id| pack.params.get(id).map(|p| p.name.clone()))
                .collect(),
            confidence: rule.confidence,
            level: rule.level,
            implements: rule.implements.clone(),
            limits: rule.limits.clone(),
            tension: rule.tension.clone(),
            note: rule.note.clone(),
        });
    }
    let questions = asked
        .into_iter()
        .map(|(m, affects)| Question {
            field: missing_path(&m),
            question: question(profile, &m),
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
        assumptions: assumptions(profile),
        rules_version: pack.version(),
        disclaimer: pack.meta.disclaimer.clone(),
    }
}

/// The defaults a profile relied on, as sentences a user can check.
pub fn assumptions(p: &WorkerProfile) -> Vec<String> {
    let mut out = Vec::new();
    if p.assumed.as_of {
        out.push(format!("assessed as of today, {}", p.as_of));
    }
    if p.assumed.host {
        out.push(format!(
            "assumed the host state is {} ({})",
            p.host.name_en(),
            p.host.code()
        ));
    }
    let has_contract = p.contract.kind != Some(crate::profile::ContractKind::None);
    if p.assumed.terminated_on && has_contract {
        out.push("assumed the contract has not been terminated early".to_owned());
    }
    if p.assumed.permanent_resident {
        out.push(format!(
            "assumed you do not hold a permanent residence permit in {}",
            p.host.code()
        ));
    }
    out
}

/// The path of a missing fact, e.g. `family[1].birth_date`.
pub fn missing_path(m: &Missing) -> String {
    match (m.field, m.member) {
        (FieldKey::Member(f), Some(i)) => format!("family[{i}].{}", member_field_name(f)),
        (FieldKey::Member(f), None) => member_field_name(f).to_owned(),
        (FieldKey::Profile(f), _) => field_path(f).to_owned(),
    }
}

/// The question that would settle a missing fact.
fn question(p: &WorkerProfile, m: &Missing) -> String {
    use crate::engine::ir::{Field, MemberField};
    let host = p.host.name_en();
    if let (FieldKey::Member(f), Some(i)) = (m.field, m.member) {
        let who = p
            .family
            .as_ref()
            .and_then(|f| f.get(i))
            .and_then(|m| m.relation)
            .map_or_else(
                || format!("family member {}", i + 1),
                |r| format!("family member {} ({})", i + 1, r.as_str()),
            );
        return match f {
            MemberField::BirthDate => format!("When was {who} born?"),
            MemberField::Relation => format!(
                "How is {who} related to you (child, spouse, parent, sibling, dependant or other)?"
            ),
            MemberField::Citizenship => {
                format!("Which citizenship(s) does {who} hold?")
            }
        };
    }
    let FieldKey::Profile(field) = m.field else {
        return "Please complete the profile.".to_owned();
    };
    match field {
        Field::EntryDate => format!("On what date did you enter {host}?"),
        Field::ContractKind => "Do you work under an employment contract, a civil-law contract (for works or services), or no contract yet?".to_owned(),
        Field::ContractStart => "On what date does (or did) your contract start?".to_owned(),
        Field::ContractEnd => "On what date does your contract end, or is it open-ended?".to_owned(),
        // The occupation is asked for when it is not given, and when it is
        // given but the pack's table cannot tell what kind of work it is
        // (the missing fact of `occupation_category`): then asking for it
        // again would not help, asking for the kind of work does.
        Field::Occupation | Field::OccupationCategory if p.occupation.is_some() => "Is your work teaching, legal, medical or pharmaceutical? (These need their diplomas recognised.)".to_owned(),
        Field::Occupation | Field::OccupationCategory => "What is your occupation? (Teaching, legal, medical and pharmaceutical work need their diplomas recognised.)".to_owned(),
        Field::Registered => format!("Are you already registered with the migration authority of {host}?"),
        Field::Family => "Do family members live with you? For each: the relation, date of birth and citizenship.".to_owned(),
        Field::Citizenship => "Which citizenship(s) do you hold?".to_owned(),
        Field::Host => "In which state do you work?".to_owned(),
        Field::AsOf => "On what date should the assessment be made?".to_owned(),
        Field::TerminatedOn => "Was your contract terminated early, and on what date?".to_owned(),
        Field::EffectiveEnd => "On what date does your contract end, or is it open-ended? If it was terminated early, on what date?".to_owned(),
        Field::PermanentResident => format!("Do you hold a permanent residence permit of {host}?"),
    }
}
