//! The JSON Schema of a profile (contract 1), for editors and for other
//! programs that write profiles.
//!
//! Profiles are read by a hand-written strict reader ([`super::strict`]),
//! not by serde, so the schema cannot be derived from the reader's types.
//! The types here mirror the shape that reader accepts, key by key, and
//! exist only to generate the schema; `tests/it/schema.rs` checks that the two
//! agree (every fixture and case profile validates; profiles the reader
//! refuses for their shape fail the schema). What a schema cannot say is
//! left to the reader: duplicate keys, the 1 MiB limit, real calendar dates
//! (`2026-02-30`), known countries, and contradictions between fields.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde_json::{json, Value};

use super::{MAX_CITIZENSHIPS, MAX_FAMILY, MAX_TEXT};

/// The JSON Schema (draft 2020-12) of a profile, as `schema profile` prints it.
pub fn json_schema() -> Value {
    schemars::schema_for!(ProfileShape).to_value()
}

/// A schema from a JSON object literal.
fn schema(value: Value) -> Schema {
    match value {
        Value::Object(map) => Schema::from(map),
        _ => Schema::from(true),
    }
}

/// Removes `null` from what an `Option` field accepts: a key that may be
/// left out is not therefore a key that may be `null` (the reader refuses
/// `"host": null` and says to leave the key out).
fn not_null(schema: &mut Schema) {
    if let Some(Value::Array(types)) = schema.get_mut("type") {
        types.retain(|t| t != "null");
        if let [only] = types.as_slice() {
            let only = only.clone();
            schema.insert("type".to_owned(), only);
        }
    }
    if let Some(Value::Array(branches)) = schema.get_mut("anyOf") {
        branches.retain(|b| b.get("type").and_then(Value::as_str) != Some("null"));
        // `anyOf` of one schema is that schema.
        if let [Value::Object(only)] = branches.as_slice() {
            let only = only.clone();
            schema.remove("anyOf");
            for (key, value) in only {
                schema.insert(key, value);
            }
        }
    }
}

/// A worker profile: the facts about one person. Only `citizenship` is
/// required; a fact left out is unknown.
#[derive(JsonSchema)]
#[schemars(
    title = "eaeu-rights worker profile",
    deny_unknown_fields,
    description = "The facts about one person (contract 1). Only `citizenship` is required; a fact left out is unknown, and exactly the provisions that depend on it come out undetermined. The reader also refuses duplicate keys, texts over 1 MiB, impossible dates (2026-02-30), unknown countries and contradictions (a contract that ends before it starts, an entry after `as_of`)."
)]
#[allow(dead_code)] // read by the derive only
struct ProfileShape {
    /// An identifier, echoed in the report.
    #[schemars(transform = not_null, length(max = MAX_TEXT))]
    id: Option<String>,
    /// The person's citizenships: a country or an array of them; `[]` for a stateless person.
    citizenship: Countries,
    /// The state of employment; the rule pack's default host state (Kazakhstan, KZ, for the embedded pack) when left out.
    #[schemars(transform = not_null)]
    host: Option<CountryText>,
    /// The date of entry into the host state.
    #[schemars(transform = not_null)]
    entry_date: Option<DateText>,
    /// The date of the assessment; today when left out.
    #[schemars(transform = not_null)]
    as_of: Option<DateText>,
    /// The contract; leave it out when it is not known.
    #[schemars(transform = not_null)]
    contract: Option<ContractShape>,
    /// The occupation: a job title in English or Russian, or a category (pedagogical, legal, medical, pharmaceutical, other).
    #[schemars(transform = not_null, length(max = MAX_TEXT))]
    occupation: Option<String>,
    /// Already registered with the migration authority?
    #[schemars(transform = not_null)]
    registered: Option<bool>,
    /// Holds a permanent residence permit of the host state? `false` when left out.
    #[schemars(transform = not_null)]
    permanent_resident: Option<bool>,
    /// Family members living with the person; `[]` for none.
    #[schemars(transform = not_null, length(max = MAX_FAMILY))]
    family: Option<Vec<MemberShape>>,
}

/// The contract the person works under.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename = "Contract")]
#[allow(dead_code)] // read by the derive only
struct ContractShape {
    /// The kind of contract: `employment`, `civil_law` (also `civil-law` or `civil law`, any case) or `none`.
    #[schemars(transform = not_null)]
    kind: Option<ContractKindText>,
    /// The first day of the contract; `null` reads as not given.
    start: Option<DateText>,
    /// The last day of the contract; `null` for an open-ended contract (left out: unknown).
    end: Option<DateText>,
    /// The date the contract was terminated early; `null` or left out: not terminated.
    terminated_on: Option<DateText>,
}

/// A family member.
#[derive(JsonSchema)]
#[schemars(deny_unknown_fields, rename = "FamilyMember")]
#[allow(dead_code)] // read by the derive only
struct MemberShape {
    /// How the member is related to the person.
    #[schemars(transform = not_null)]
    relation: Option<RelationShape>,
    /// The member's date of birth.
    #[schemars(transform = not_null)]
    birth_date: Option<DateText>,
    /// The member's citizenships.
    #[schemars(transform = not_null)]
    citizenship: Option<Countries>,
}

/// A relation, as the reader takes it (exactly these names, as
/// `Relation::parse` reads them).
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
#[schemars(
    rename = "Relation",
    description = "How a family member is related to the person."
)]
#[allow(dead_code)] // read by the derive only
enum RelationShape {
    Child,
    Spouse,
    Parent,
    Sibling,
    Dependant,
    Other,
}

/// A date as the reader takes it: `YYYY-MM-DD` or day first, `DD.MM.YYYY`.
struct DateText;

impl JsonSchema for DateText {
    fn schema_name() -> Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "string",
            "description": "A date, `YYYY-MM-DD` or day first, `DD.MM.YYYY` (`01.03.2026` is 1 March 2026), with two-digit day and month.",
            "pattern": r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{2}\.[0-9]{2}\.[0-9]{4})$",
            "examples": ["2026-03-01", "01.03.2026"]
        }))
    }
}

/// A country: an ISO 3166-1 alpha-2 code or a name in English or Russian.
struct CountryText;

impl JsonSchema for CountryText {
    fn schema_name() -> Cow<'static, str> {
        "Country".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        schema(json!({
            "type": "string",
            "minLength": 1,
            "description": "A country: an ISO 3166-1 alpha-2 code (`KG`) or the country's name in English or Russian (`Kyrgyzstan`, `Кыргызстан`), any case.",
            "examples": ["KG", "Kyrgyzstan", "Кыргызстан"]
        }))
    }
}

/// One country or an array of them.
struct Countries;

impl JsonSchema for Countries {
    fn schema_name() -> Cow<'static, str> {
        "Countries".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let one = generator.subschema_for::<CountryText>();
        schema(json!({
            "description": "A country, or an array of countries (dual citizens); `[]` for a stateless person.",
            "anyOf": [
                one,
                {"type": "array", "items": one, "maxItems": MAX_CITIZENSHIPS}
            ]
        }))
    }
}

/// The kind of a contract, in the spellings the reader takes.
struct ContractKindText;

impl JsonSchema for ContractKindText {
    fn schema_name() -> Cow<'static, str> {
        "ContractKind".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        // The reader takes the words in any (ASCII) case, joined by `_`,
        // `-` or spaces (ContractKind::from_input).
        let sep = r"[\s_-]";
        let word = |w: &str| -> String {
            w.chars()
                .map(|c| format!("[{}{}]", c.to_ascii_uppercase(), c))
                .collect()
        };
        let pattern = format!(
            "^{sep}*(?:{}|{}{sep}+{}|{}){sep}*$",
            word("employment"),
            word("civil"),
            word("law"),
            word("none")
        );
        schema(json!({
            "type": "string",
            "description": "`employment`, `civil_law` or `none`; `civil-law` and `civil law`, in any case, are read as `civil_law`.",
            "pattern": pattern,
            "maxLength": 40,
            "examples": ["employment", "civil_law", "none"]
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::strict::{CONTRACT_KEYS, MEMBER_KEYS, PROFILE_KEYS};
    use crate::profile::Relation;

    #[test]
    fn the_schema_lists_the_keys_the_reader_takes() {
        let schema = json_schema();
        for (reader, pointer) in [
            (PROFILE_KEYS, "/properties"),
            (CONTRACT_KEYS, "/$defs/Contract/properties"),
            (MEMBER_KEYS, "/$defs/FamilyMember/properties"),
        ] {
            let mut listed: Vec<&str> = schema
                .pointer(pointer)
                .and_then(Value::as_object)
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            listed.sort_unstable();
            let mut reader = reader.to_vec();
            reader.sort_unstable();
            assert_eq!(listed, reader, "{pointer}");
        }
    }

    #[test]
    fn relations_are_the_readers() {
        let schema = json_schema();
        let names: Vec<&str> = schema["$defs"]["Relation"]["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(names, Relation::ALL.map(Relation::as_str));
    }
}
