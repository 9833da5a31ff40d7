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
    #[serde(default)]
    pub rules: Vec<RawRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPackMeta {
    pub name: String,
    pub version: String,
    #[serde(default)]
    pub title: String,
    pub status: String,
    pub day_count: RawDayCount,
    pub disclaimer: String,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawDayCount {
    #[serde(rename = "event_day_is_day_1")]
    EventDayIsDay1,
    #[serde(rename = "next_day_is_day_1")]
    NextDayIsDay1,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum RawType {
    Bool,
    Int,
    Date,
    Text,
    Country,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
pub(crate) struct RawParam {
    #[serde(rename = "type")]
    pub ty: RawType,
    pub label: String,
    pub values: Vec<RawParamValue>,
    pub source: Option<Source>,
    pub confidence: Option<Confidence>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawParamValue {
    pub from: String,
    pub value: Value,
    pub source: Option<Source>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawDef {
    pub description: Option<String>,
    pub expr: Value,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
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
    pub note: Option<String>,
    pub confidence: Option<Confidence>,
    pub level: Option<Level>,
    #[serde(default)]
    pub implements: Vec<String>,
    #[serde(default)]
    pub limits: Vec<String>,
    pub tension: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawInForce {
    pub from: String,
    pub to: Option<String>,
}
