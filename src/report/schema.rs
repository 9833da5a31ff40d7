//! The JSON Schema of a report (contract 2), generated from the report's
//! own types ([`super::Report`] derives `JsonSchema`).
//!
//! The engine's types that a report carries (outcome, kind, source,
//! confidence, level) are described here through schemars' `remote`
//! mirrors, so the engine stays free of schema concerns; the tests below
//! check each mirror against the engine's own serialisation, and
//! `tests/it/schema.rs` validates every fixture's report against the schema.

use schemars::JsonSchema;
use serde_json::Value;

use super::{Report, SCHEMA_VERSION};

/// The JSON Schema (draft 2020-12) of a report, as `schema report` prints it.
pub fn json_schema() -> Value {
    // The shape written, not read: a key skipped when empty (`see_also`)
    // is not required.
    let mut schema = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    schema.insert(
        "title".to_owned(),
        Value::from(format!(
            "eaeu-rights report, schema version {SCHEMA_VERSION}"
        )),
    );
    schema.to_value()
}

/// Whether a rule applies to the person.
#[derive(JsonSchema)]
#[schemars(remote = "crate::engine::Outcome", rename = "Outcome")]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // read by the derive only
pub(crate) enum OutcomeShape {
    /// The provision applies.
    Applies,
    /// The provision does not apply.
    DoesNotApply,
    /// A missing fact decides it.
    Undetermined,
    /// The assessment date falls in years whose law the pack does not encode.
    NotAssessed,
}

/// What kind of provision a rule is.
#[derive(JsonSchema)]
#[schemars(remote = "crate::engine::ir::RuleKind", rename = "RuleKind")]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // read by the derive only
pub(crate) enum RuleKindShape {
    /// Something the person may do or receive.
    Right,
    /// Something the person (or their host) must do.
    Obligation,
    /// Something the person need not do.
    Exemption,
    /// Something the person should know.
    Information,
}

/// How sure the pack's authors are of a provision.
#[derive(JsonSchema)]
#[schemars(remote = "crate::engine::ir::Confidence", rename = "Confidence")]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // read by the derive only
pub(crate) enum ConfidenceShape {
    /// Seen in a listed source, article and paragraph included.
    Verified,
    /// Substance seen in a secondary source; wording or paragraph not.
    PartlyVerified,
    /// From background knowledge or a single weak source.
    Unverified,
}

/// Whether a rule comes from the Treaty or from a host state's law.
#[derive(JsonSchema)]
#[schemars(remote = "crate::engine::ir::Level", rename = "Level")]
#[serde(rename_all = "snake_case")]
#[allow(dead_code)] // read by the derive only
pub(crate) enum LevelShape {
    /// The Treaty and its annexes and agreements: any member state.
    Treaty,
    /// A host state's national law.
    National,
}

/// Where a provision comes from.
#[derive(JsonSchema)]
#[schemars(remote = "crate::engine::ir::Source", rename = "Source")]
#[serde(deny_unknown_fields)]
#[allow(dead_code)] // read by the derive only
pub(crate) struct SourceShape {
    /// The instrument (treaty, law, order).
    instrument: String,
    /// Article, if pinned.
    #[serde(skip_serializing_if = "Option::is_none")]
    article: Option<String>,
    /// Paragraph, if pinned.
    #[serde(skip_serializing_if = "Option::is_none")]
    paragraph: Option<String>,
    /// The address of the official publication.
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<String>,
    /// The instrument's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::ir::{Confidence, Level, RuleKind, Source};
    use crate::engine::Outcome;

    /// The names a `$defs` enum of the report schema allows.
    fn names(def: &str) -> Vec<String> {
        let schema = json_schema();
        schema["$defs"][def]["oneOf"]
            .as_array()
            .unwrap_or_else(|| panic!("{def}: {schema:#}"))
            .iter()
            .map(|v| v["const"].as_str().unwrap().to_owned())
            .collect()
    }

    /// The names the engine writes for these values.
    fn written<T: serde::Serialize>(values: &[T]) -> Vec<String> {
        values
            .iter()
            .map(|v| {
                serde_json::to_value(v)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    }

    // Each list is checked complete by a `match` without a wildcard, so a
    // new variant in the engine fails to compile here until its mirror has it.
    #[test]
    fn outcome_mirror_matches_the_engine() {
        let all = [
            Outcome::Applies,
            Outcome::DoesNotApply,
            Outcome::Undetermined,
            Outcome::NotAssessed,
        ];
        for o in all {
            match o {
                Outcome::Applies
                | Outcome::DoesNotApply
                | Outcome::Undetermined
                | Outcome::NotAssessed => {}
            }
        }
        assert_eq!(names("Outcome"), written(&all));
    }

    #[test]
    fn rule_kind_mirror_matches_the_engine() {
        let all = [
            RuleKind::Right,
            RuleKind::Obligation,
            RuleKind::Exemption,
            RuleKind::Information,
        ];
        for k in all {
            match k {
                RuleKind::Right
                | RuleKind::Obligation
                | RuleKind::Exemption
                | RuleKind::Information => {}
            }
        }
        assert_eq!(names("RuleKind"), written(&all));
    }

    #[test]
    fn confidence_and_level_mirrors_match_the_engine() {
        let all = [
            Confidence::Verified,
            Confidence::PartlyVerified,
            Confidence::Unverified,
        ];
        for c in all {
            match c {
                Confidence::Verified | Confidence::PartlyVerified | Confidence::Unverified => {}
            }
        }
        assert_eq!(names("Confidence"), written(&all));
        let all = [Level::Treaty, Level::National];
        for l in all {
            match l {
                Level::Treaty | Level::National => {}
            }
        }
        assert_eq!(names("Level"), written(&all));
    }

    #[test]
    fn source_mirror_has_the_engines_keys() {
        let full = Source {
            instrument: "i".to_owned(),
            article: Some("a".to_owned()),
            paragraph: Some("p".to_owned()),
            url: Some("u".to_owned()),
            date: Some("d".to_owned()),
        };
        let written = serde_json::to_value(&full).unwrap();
        let mut written: Vec<&String> = written.as_object().unwrap().keys().collect();
        written.sort();
        let schema = json_schema();
        let mut listed: Vec<&String> = schema["$defs"]["Source"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        listed.sort();
        assert_eq!(listed, written);
    }
}
