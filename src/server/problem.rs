//! Errors as `application/problem+json` (RFC 9457): the status, a title,
//! what went wrong in words, and for a refused profile each problem with
//! the JSON path of the value, its JSON Pointer, and its line and column
//! in the body (the strict reader's own findings).

use axum::http::header::{self, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use schemars::JsonSchema;
use serde::Serialize;

use crate::locate::{JsonPath, Seg};
use crate::profile::InvalidProfile;
use crate::report::Lang;

/// The media type of a problem.
pub const PROBLEM_JSON: &str = "application/problem+json";

/// A problem details object (RFC 9457).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(
    title = "Problem",
    description = "An error (RFC 9457 problem details). `type` is `about:blank`: the status says what kind of error it is, `detail` what went wrong, and `errors` each problem of a refused profile."
)]
pub struct Problem {
    /// Always `about:blank`.
    #[serde(rename = "type")]
    pub kind: String,
    /// The HTTP status phrase.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong, and what is expected instead.
    pub detail: String,
    /// Each problem of a refused profile, in the order of the body.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// One problem of a refused profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct FieldError {
    /// What was wrong and what was expected.
    pub detail: String,
    /// The JSON Pointer (RFC 6901) of the offending value in the body, as
    /// RFC 9457 writes it (`#/contract/end`); `#` for the whole body.
    pub pointer: String,
    /// The same place as a path (`contract.end`, `family[0].birth_date`);
    /// empty for the whole body.
    pub path: String,
    /// The line in the body, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The column in the body, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// A problem with a status and a detail.
    pub fn new(status: StatusCode, detail: impl Into<String>) -> Self {
        Problem {
            kind: "about:blank".to_owned(),
            title: status.canonical_reason().unwrap_or("Error").to_owned(),
            status: status.as_u16(),
            detail: detail.into(),
            errors: Vec::new(),
        }
    }

    /// A profile the strict reader refused: 400, each problem named, in
    /// `lang` (English unless the request names a language).
    pub fn invalid_profile(e: &InvalidProfile, lang: Lang) -> Self {
        let invalid =
            crate::diagnostic::words::word(lang, crate::diagnostic::words::INVALID_PROFILE, None);
        let mut p = Problem::new(
            StatusCode::BAD_REQUEST,
            format!("{invalid}: {}", e.one_line(lang)),
        );
        p.errors = e
            .problems
            .iter()
            .map(|pr| FieldError {
                detail: pr.message_and_help(lang),
                pointer: pointer(&pr.path),
                path: if pr.path.is_root() {
                    String::new()
                } else {
                    pr.path.to_string()
                },
                line: pr.location.map(|l| l.line),
                column: pr.location.map(|l| l.column),
            })
            .collect();
        p
    }

    /// The status as a code.
    fn status_code(&self) -> StatusCode {
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }
}

/// A JSON path as a JSON Pointer fragment (RFC 6901, `~` and `/` escaped).
pub fn pointer(path: &JsonPath) -> String {
    let mut out = String::from("#");
    for seg in &path.0 {
        out.push('/');
        match seg {
            Seg::Key(k) => out.push_str(&k.replace('~', "~0").replace('/', "~1")),
            Seg::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

impl IntoResponse for Problem {
    fn into_response(self) -> Response {
        let status = self.status_code();
        let body = serde_json::to_string(&self).unwrap_or_else(|_| {
            format!(
                "{{\"type\":\"about:blank\",\"title\":\"Error\",\"status\":{}}}",
                self.status
            )
        });
        let mut response = (status, body).into_response();
        response
            .headers_mut()
            .insert(header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON));
        response
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_and_index() {
        let p = JsonPath::root().key("family").index(0).key("a/b~c");
        assert_eq!(pointer(&p), "#/family/0/a~1b~0c");
        assert_eq!(pointer(&JsonPath::root()), "#");
    }

    #[test]
    fn a_refused_profile_names_each_field() {
        let e = crate::profile::RawProfile::from_json(
            "{\"citizenship\": \"KG\",\n \"contract\": {\"kind\": 3}}",
        )
        .unwrap_err();
        let p = Problem::invalid_profile(&e, Lang::En);
        assert_eq!(p.status, 400);
        assert_eq!(p.errors[0].pointer, "#/contract/kind");
        assert_eq!(p.errors[0].path, "contract.kind");
        assert_eq!(p.errors[0].line, Some(2));
    }

    #[test]
    fn a_refused_profile_is_worded_in_the_language_asked_for() {
        use crate::profile::{Defaults, WorkerProfile};
        let defaults = Defaults::new(
            chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap(),
            Some(crate::country::Country::KZ),
        );
        let e = WorkerProfile::from_json(
            r#"{"citizenship": "KG", "entry_date": "2026-02-30"}"#,
            defaults,
        )
        .unwrap_err();
        let en = Problem::invalid_profile(&e, Lang::En);
        assert!(
            en.detail
                .starts_with("invalid profile: line 1, column 37: `entry_date`: "),
            "{}",
            en.detail
        );
        let ru = Problem::invalid_profile(&e, Lang::Ru);
        assert_eq!(
            ru.detail,
            "профиль не принят: строка 1, столбец 37: `entry_date`: `2026-02-30` — такой даты в календаре нет: в феврале 2026 года 28 дней"
        );
        assert_eq!(ru.errors[0].path, en.errors[0].path);
    }
}
