//! The rule file format as written: serde types, nothing checked beyond
//! shape. Expressions stay JSON values here; `compile` types them.
//!
//! Some fields (`note`, `confidence` of facts) document the pack for its
//! readers and are accepted without being evaluated.
#![allow(dead_code, reason = "documentation fields are parsed for shape only")]

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use crate::engine::ir::{Confidence, Level, RuleKind, Source};

/// One rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a rule file: a JSON object with `pack`, `sets`, `dated_sets`, `parameters`, `definitions`, `occupations`, `questions`, `short_names` or `rules`"
)]
pub(crate) struct RawModule {
    pub pack: Option<RawPackMeta>,
    #[serde(default)]
    pub sets: BTreeMap<String, RawSet>,
    #[serde(default)]
    pub dated_sets: BTreeMap<String, RawDatedSet>,
    #[serde(default)]
    pub parameters: BTreeMap<String, RawParam>,
    #[serde(default)]
    pub definitions: BTreeMap<String, RawDef>,
    /// The table that classifies job titles (at most one per pack).
    pub occupations: Option<RawOccupations>,
    /// The host state whose national rules this module holds: its rules
    /// apply only to a person working there.
    pub host: Option<String>,
    /// The pack's texts in another language (a language file).
    pub locale: Option<RawLocale>,
    /// The questions that ask a person for facts, with their answer types.
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
    /// Short names of the instruments the rules cite, by the name as
    /// `source.instrument` spells it: what one-line citations print.
    #[serde(default)]
    pub short_names: BTreeMap<String, String>,
    #[serde(default)]
    pub rules: Vec<RawRule>,
}

/// A question for one fact: its text and what kind of answer it takes.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a question: an object with `fact`, `answer`, `text` and, for `choice`, `choices`"
)]
pub(crate) struct RawQuestion {
    /// The fact asked for, as rules name it (`entry_date`, `family.birth_date`).
    pub fact: String,
    /// The kind of answer (`date`, `country`, `choice`...).
    pub answer: String,
    pub text: String,
    /// For `choice`: the values a person can pick, in the order shown.
    #[serde(default)]
    pub choices: Vec<RawChoice>,
}

/// One answer a `choice` question offers.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a choice: an object with `value` and `label`")]
pub(crate) struct RawChoice {
    /// The value the profile takes (`employment`).
    pub value: String,
    /// How a person reads it (`an employment contract`).
    pub label: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a pack header: an object with `name`, `version`, `status`, `day_count` and `disclaimer`"
)]
pub(crate) struct RawPackMeta {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub title: String,
    pub status: String,
    pub day_count: RawDayCount,
    pub disclaimer: String,
    /// The host state a profile that names none works in.
    pub default_host: Option<String>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
#[serde(expecting = "`event_day_is_day_1` or `next_day_is_day_1`")]
pub(crate) enum RawDayCount {
    #[serde(rename = "event_day_is_day_1")]
    EventDayIsDay1,
    #[serde(rename = "next_day_is_day_1")]
    NextDayIsDay1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
#[serde(expecting = "a type: `bool`, `int`, `date`, `text` or `country`")]
pub(crate) enum RawType {
    Bool,
    Int,
    Date,
    Text,
    Country,
}

/// The `occupations` section: categories of work, and job titles per
/// category (`ambiguous` for titles that do not tell).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an occupations table: an object with `categories` and `titles`")]
pub(crate) struct RawOccupations {
    pub categories: Vec<String>,
    pub titles: BTreeMap<String, Vec<String>>,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a set: an object with `type`, `label` and `values`")]
pub(crate) struct RawSet {
    #[serde(rename = "type")]
    pub ty: RawType,
    pub label: String,
    pub values: Vec<Value>,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a dated set: an object with `type`, `label` and `members`")]
pub(crate) struct RawDatedSet {
    #[serde(rename = "type")]
    pub ty: RawType,
    pub label: String,
    pub members: Vec<RawDatedMember>,
    /// Dated sets to mention when a value is not a member of this one.
    #[serde(default)]
    pub otherwise_mention: Vec<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a member: an object with `value` and `from`")]
pub(crate) struct RawDatedMember {
    pub value: Value,
    pub from: String,
    pub to: Option<String>,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a parameter: an object with `type`, `label` and `values`")]
pub(crate) struct RawParam {
    #[serde(rename = "type")]
    pub ty: RawType,
    pub label: String,
    pub values: Vec<RawParamValue>,
    /// The first day the last value is no longer known to hold (e.g. the
    /// next 1 January for a yearly index); after it the value is carried
    /// forward and flagged.
    pub known_until: Option<String>,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a parameter value: an object with `from` and `value`")]
pub(crate) struct RawParamValue {
    pub from: String,
    pub value: Value,
    pub source: Option<Source>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "a definition: an object with `expr`")]
pub(crate) struct RawDef {
    pub description: Option<String>,
    pub expr: Value,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a rule: an object with `id`, `kind`, `title`, `summary`, `source`, `in_force` and `when`"
)]
pub(crate) struct RawRule {
    pub id: String,
    pub kind: RuleKind,
    pub title: String,
    pub summary: String,
    pub source: Option<Source>,
    pub in_force: Option<RawInForce>,
    pub when: Value,
    pub unless: Option<Value>,
    #[serde(default)]
    pub dates: BTreeMap<String, Value>,
    /// When an applying obligation counts as already met.
    pub met_when: Option<Value>,
    /// Secondary texts (news, guides) beside the official `source`.
    #[serde(default)]
    pub see_also: Vec<String>,
    pub note: Option<String>,
    pub confidence: Option<Confidence>,
    pub level: Option<Level>,
    #[serde(default)]
    pub implements: Vec<String>,
    #[serde(default)]
    pub limits: Vec<String>,
    /// Ids of rules that can never apply to the same person as this one.
    #[serde(default)]
    pub excludes: Vec<String>,
    /// Ids of rules whose duty this rule's one act fulfils: when both
    /// apply, the reports list this rule's action only.
    #[serde(default)]
    pub fulfils: Vec<String>,
    pub tension: Option<String>,
    /// Where to go to do it, by host state's code.
    #[serde(default, rename = "where")]
    pub where_to: BTreeMap<String, RawGuidance>,
    /// Where to go while a rule whose act would fulfil this duty is
    /// undetermined (it depends on a fact not given), by host state's code.
    #[serde(default)]
    pub where_undetermined: BTreeMap<String, RawGuidance>,
    /// What happens if it is missed, by host state's code.
    #[serde(default)]
    pub if_missed: BTreeMap<String, RawGuidance>,
}

/// A rule's `where` or `if_missed` for one host state: the text a person
/// reads, the pages it rests on and how sure its authors are of it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an object with `text`, `sources` and `confidence`")]
pub(crate) struct RawGuidance {
    pub text: String,
    /// The addresses (`https://...`) of the pages the text rests on.
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an object with `from` and optional `to`, `on` and `earlier`")]
pub(crate) struct RawInForce {
    pub from: String,
    pub to: Option<String>,
    /// The date of the event the rule governs, when the period is tested
    /// on it instead of on `as_of`.
    pub on: Option<Value>,
    /// What applied before `from`, when the pack does not encode it.
    pub earlier: Option<String>,
}

/// A language file: the pack's texts in one more language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a language file: an object with `lang` and optional `title`, `disclaimer`, `rules`, `says`, `labels`, `instruments`, `short_names`, `questions`"
)]
pub(crate) struct RawLocale {
    pub lang: String,
    pub title: Option<String>,
    pub disclaimer: Option<String>,
    /// By rule id: its title and summary.
    #[serde(default)]
    pub rules: BTreeMap<String, RawLocaleRule>,
    /// By `say` key (`eaeu-rights rules texts` lists them).
    #[serde(default)]
    pub says: BTreeMap<String, RawLocaleSay>,
    /// Labels of sets, dated sets, parameters and definitions, by name.
    #[serde(default)]
    pub labels: BTreeMap<String, String>,
    /// The names of the instruments sources cite, by their English name.
    #[serde(default)]
    pub instruments: BTreeMap<String, String>,
    /// The instruments' short names, by their English name.
    #[serde(default)]
    pub short_names: BTreeMap<String, String>,
    /// Questions' texts and choice labels, by the fact they ask for.
    #[serde(default)]
    pub questions: BTreeMap<String, RawLocaleQuestion>,
}

/// A question's text in another language, and its choices' labels by value.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(expecting = "an object with `text` and, for a `choice` question, `choices`")]
pub(crate) struct RawLocaleQuestion {
    pub text: String,
    #[serde(default)]
    pub choices: BTreeMap<String, String>,
}

/// A rule's texts in another language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "an object with `title`, `summary` and optional `earlier`, `tension`, `where`, `where_undetermined` and `if_missed`"
)]
pub(crate) struct RawLocaleRule {
    pub title: String,
    pub summary: String,
    /// What applied before the years the rule encodes (its `in_force.earlier`).
    pub earlier: Option<String>,
    /// Where national practice and the Treaty may pull apart (its `tension`).
    pub tension: Option<String>,
    /// Its `where` texts, by host state's code.
    #[serde(default, rename = "where")]
    pub where_to: BTreeMap<String, String>,
    /// Its `where_undetermined` texts, by host state's code.
    #[serde(default)]
    pub where_undetermined: BTreeMap<String, String>,
    /// Its `if_missed` texts, by host state's code.
    #[serde(default)]
    pub if_missed: BTreeMap<String, String>,
}

/// A `say` in another language: one text, or one per truth value.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
#[serde(expecting = "a string, or an object with `true`, `false` and optional `unknown`")]
pub(crate) enum RawLocaleSay {
    One(String),
    ByTruth {
        #[serde(rename = "true")]
        when_true: String,
        #[serde(rename = "false")]
        when_false: String,
        #[serde(default, rename = "unknown")]
        when_unknown: Option<String>,
    },
}
