//! The OpenAPI 3.1 description of the API, at `/api/openapi.json`.
//!
//! `utoipa` writes the paths, parameters and responses from the handlers'
//! own annotations. The bodies' schemas are not written twice: they are
//! the JSON Schemas (draft 2020-12, which OpenAPI 3.1 uses as it is) that
//! `schemars` derives from the very types the server reads and writes,
//! the ones `eaeu-rights schema` prints, with their definitions moved
//! under `components/schemas`.

use axum::extract::State;
use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::{Map, Value};
use utoipa::OpenApi;

use super::Shared;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "eaeu-rights",
        description = "Rights and obligations of labour migrants in the Eurasian Economic Union, with reasons, sources and dates. The report is information, not legal advice.",
        license(name = "MIT OR Apache-2.0", identifier = "MIT OR Apache-2.0")
    ),
    paths(
        super::api::check,
        super::api::batch,
        super::api::rules,
        super::api::rule,
        super::api::healthz,
        openapi_json
    ),
    tags(
        (name = "reports", description = "Assess people: profiles in, reports out."),
        (name = "rules", description = "The rules the reports are made with."),
        (name = "server", description = "The server itself.")
    )
)]
struct ApiDoc;

/// `GET /api/openapi.json` (this document).
#[utoipa::path(
    get,
    path = "/api/openapi.json",
    tag = "server",
    summary = "This description of the API",
    responses((status = 200, description = "The OpenAPI 3.1 document.", content_type = "application/json", body = Object))
)]
pub async fn openapi_json() {}

/// `GET /api/openapi.json`.
pub async fn document(State(_): State<Shared>) -> Response {
    match serde_json::to_string_pretty(&spec()) {
        Ok(text) => {
            let mut r = (StatusCode::OK, text).into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            r
        }
        Err(e) => super::problem::Problem::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string())
            .into_response(),
    }
}

/// The whole document: utoipa's paths, and the schemas of the bodies.
pub fn spec() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
    let mut schemas = Map::new();
    let batch = crate::batch::record_schema();
    for (name, schema) in [
        ("Profile", crate::profile::schema::json_schema()),
        ("Report", crate::report::schema::json_schema()),
        ("BatchRecord", batch),
        ("Problem", derived::<super::problem::Problem>()),
        ("Health", derived::<super::api::Health>()),
        ("RuleList", derived::<super::api::RuleList>()),
        ("RuleDetail", derived::<super::api::RuleDetail>()),
    ] {
        add(&mut schemas, name, schema);
    }
    if let Some(Value::Object(components)) = doc.as_object_mut().map(|d| {
        d.entry("components")
            .or_insert_with(|| Value::Object(Map::new()))
    }) {
        components.insert("schemas".to_owned(), Value::Object(schemas));
    }
    doc
}

/// The JSON Schema of a type, as written (the shape serialised).
fn derived<T: schemars::JsonSchema>() -> Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<T>()
        .to_value()
}

/// Adds a root schema as component `name`, its `$defs` as components of
/// their own, every `#/$defs/X` reference pointing at them.
fn add(schemas: &mut Map<String, Value>, name: &str, mut schema: Value) {
    if let Some(obj) = schema.as_object_mut() {
        obj.remove("$schema");
        if let Some(Value::Object(defs)) = obj.remove("$defs") {
            for (def_name, mut def) in defs {
                rewrite_refs(&mut def);
                // The same type reached from two documents is one schema.
                schemas.entry(def_name).or_insert(def);
            }
        }
    }
    rewrite_refs(&mut schema);
    schemas.insert(name.to_owned(), schema);
}

fn rewrite_refs(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if k == "$ref" {
                    if let Value::String(s) = child {
                        if let Some(rest) = s.strip_prefix("#/$defs/") {
                            *s = format!("#/components/schemas/{rest}");
                        }
                    }
                } else {
                    rewrite_refs(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite_refs),
        _ => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Every reference in the document points at a schema it holds.
    #[test]
    fn every_reference_resolves() {
        let doc = spec();
        let mut refs = Vec::new();
        fn collect(v: &Value, out: &mut Vec<String>) {
            match v {
                Value::Object(m) => {
                    for (k, c) in m {
                        if k == "$ref" {
                            out.push(c.as_str().unwrap().to_owned());
                        } else {
                            collect(c, out);
                        }
                    }
                }
                Value::Array(a) => a.iter().for_each(|c| collect(c, out)),
                _ => {}
            }
        }
        collect(&doc, &mut refs);
        assert!(refs.len() > 10, "{refs:?}");
        for r in refs {
            let name = r.strip_prefix("#/components/schemas/").unwrap();
            assert!(doc["components"]["schemas"].get(name).is_some(), "{r}");
        }
        assert_eq!(doc["openapi"], "3.1.0");
        for path in [
            "/api/v1/check",
            "/api/v1/batch",
            "/api/v1/rules",
            "/api/v1/rules/{id}",
            "/healthz",
            "/api/openapi.json",
        ] {
            assert!(doc["paths"].get(path).is_some(), "{path}");
        }
    }

    /// Two documents that share a type share its schema, unchanged.
    #[test]
    fn shared_definitions_agree() {
        let report = crate::report::schema::json_schema();
        let batch = crate::batch::record_schema();
        for (name, def) in report["$defs"].as_object().unwrap() {
            if let Some(other) = batch["$defs"].get(name) {
                assert_eq!(def, other, "{name}");
            }
        }
    }
}
