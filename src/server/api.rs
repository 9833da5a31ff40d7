//! The JSON API: one profile to one report (`POST /api/v1/check`, the
//! same bytes as `eaeu-rights check --profile FILE --format json`), NDJSON
//! to NDJSON (`POST /api/v1/batch`, streamed through `batch`'s own
//! pipeline and records), the rules (`GET /api/v1/rules`, `GET
//! /api/v1/rules/{id}`) and `GET /healthz`.

use std::io::{BufReader, Read};
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Query, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use futures_util::StreamExt as _;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::problem::Problem;
use super::{lang_from_code, negotiate, Shared, MAX_BATCH_BODY, MAX_CHECK_BODY};
use crate::batch::pipeline::{self, Input, Output, Sink};
use crate::batch::{options_for, BatchFormat, Records};
use crate::engine::ir::{Confidence, Level, Rule, RuleKind, Source};
use crate::engine::{self};
use crate::locate::JsonPath;
use crate::profile::{RawProfile, WorkerProfile};
use crate::report::wording::Words;
use crate::report::{self, Lang};

/// The query of the endpoints that speak: `lang`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct LangQuery {
    /// The language of the words: `en` or `ru`. Without it, the first of
    /// `Accept-Language` that the server speaks, else English.
    #[param(pattern = "^(en|ru|EN|RU|En|Ru|eN|rU)$")]
    pub lang: Option<String>,
}

/// The query of `POST /api/v1/batch`.
#[derive(Debug, Default, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BatchQuery {
    /// The language of the reports: `en` or `ru`, as for `/api/v1/check`.
    #[param(pattern = "^(en|ru|EN|RU|En|Ru|eN|rU)$")]
    pub lang: Option<String>,
    /// Assess every profile as of this date (YYYY-MM-DD or DD.MM.YYYY),
    /// whatever its own `as_of` says, as `batch --as-of` does.
    pub as_of: Option<String>,
}

/// The language a query names, refused when it names one we do not speak.
fn chosen_lang(lang: Option<&str>, headers: &HeaderMap) -> Result<Lang, Problem> {
    match lang {
        Some(code) if lang_from_code(code).is_none() || code.len() > 2 => Err(Problem::new(
            StatusCode::BAD_REQUEST,
            format!(
                "`lang`: `{}` is not a language of the reports: use `en` or `ru`",
                crate::json::quote(code)
            ),
        )),
        _ => Ok(negotiate(lang, headers)),
    }
}

/// A query that could not be read, as a problem.
fn bad_query(e: &axum::extract::rejection::QueryRejection) -> Problem {
    Problem::new(
        StatusCode::BAD_REQUEST,
        format!("the query cannot be read: {}", e.body_text()),
    )
}

/// Whether a request's declared type is one this endpoint reads: no type,
/// one of `accepted`, or `application/x-www-form-urlencoded`, which is
/// what `curl -d` declares for any data (the body is read as JSON all the
/// same; a form's fields would not be JSON and are refused as such).
fn content_type_ok(headers: &HeaderMap, accepted: &[&str]) -> Result<(), Problem> {
    let Some(value) = headers.get(header::CONTENT_TYPE) else {
        return Ok(());
    };
    let essence = value
        .to_str()
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    if accepted.contains(&essence.as_str()) || essence == "application/x-www-form-urlencoded" {
        return Ok(());
    }
    Err(Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        format!(
            "the body is declared as `{}`: send it as {}",
            crate::json::quote(&essence),
            accepted
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
    ))
}

/// A body larger than `limit`, refused.
fn too_large(limit: usize) -> Problem {
    Problem::new(
        StatusCode::PAYLOAD_TOO_LARGE,
        format!(
            "the body is larger than {limit} bytes ({} MiB), the most this address takes",
            limit >> 20
        ),
    )
}

/// The body's length as declared, when it is declared.
fn declared_length(headers: &HeaderMap) -> Option<u64> {
    headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse().ok())
}

/// Reads a whole body of at most `limit` bytes; a longer one is refused
/// with 413, before it is read when its declared length says so.
pub(crate) async fn read_body(
    headers: &HeaderMap,
    body: Body,
    limit: usize,
) -> Result<Bytes, Problem> {
    if declared_length(headers).is_some_and(|n| n > limit as u64) {
        return Err(too_large(limit));
    }
    axum::body::to_bytes(body, limit).await.map_err(|e| {
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(&e);
        while let Some(s) = source {
            if s.is::<http_body_util::LengthLimitError>() {
                return too_large(limit);
            }
            source = s.source();
        }
        Problem::new(
            StatusCode::BAD_REQUEST,
            format!("the body could not be read: {e}"),
        )
    })
}

/// A JSON response.
fn json_response(body: String, lang: Option<Lang>) -> Response {
    let mut response = (StatusCode::OK, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Some(lang) = lang {
        headers.insert(
            header::CONTENT_LANGUAGE,
            HeaderValue::from_static(lang.code()),
        );
        headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    response
}

/// Reads and validates one profile from a JSON body, as `check --profile`
/// does: the strict reader, then the checks with the pack's defaults;
/// every problem carries its path, line and column, and is worded in
/// `lang`.
pub(crate) fn profile_from_json(
    bytes: &[u8],
    state: &super::AppState,
    lang: Lang,
) -> Result<WorkerProfile, Problem> {
    let raw = RawProfile::from_bytes(bytes).map_err(|e| Problem::invalid_profile(&e, lang))?;
    raw.validate(state.pack.profile_defaults(state.today()))
        .map_err(|e| {
            let text = String::from_utf8_lossy(bytes);
            let mut e = e.locate_in(
                text.strip_prefix('\u{feff}').unwrap_or(&text),
                &JsonPath::root(),
            );
            // In the order of the body, as the reader's own problems are.
            e.sort_by_location();
            Problem::invalid_profile(&e, lang)
        })
}

/// `POST /api/v1/check`: a profile in, its report out.
#[utoipa::path(
    post,
    path = "/api/v1/check",
    tag = "reports",
    summary = "Assess one person",
    description = "Reads a worker profile (contract 1) and returns its report (contract 2): the same bytes as `eaeu-rights check --profile FILE --format json`. The body may be at most 2 MiB, and the profile itself at most 1 MiB.",
    params(LangQuery),
    request_body(content = ref("#/components/schemas/Profile"), content_type = "application/json", description = "A worker profile."),
    responses(
        (status = 200, description = "The report.", content_type = "application/json", body = ref("#/components/schemas/Report")),
        (status = 400, description = "The profile, the query or the body is not valid: `errors` names each field with its JSON Pointer, line and column.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
        (status = 413, description = "The body is larger than 2 MiB.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
        (status = 415, description = "The body is declared as something other than JSON.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
    )
)]
pub async fn check(
    State(state): State<Shared>,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match check_inner(&state, query, &headers, body).await {
        Ok(r) | Err(r) => r,
    }
}

async fn check_inner(
    state: &Shared,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, Response> {
    let Query(query) = query.map_err(|e| bad_query(&e).into_response())?;
    let lang = chosen_lang(query.lang.as_deref(), headers).map_err(IntoResponse::into_response)?;
    content_type_ok(headers, &["application/json"]).map_err(IntoResponse::into_response)?;
    let bytes = read_body(headers, body, MAX_CHECK_BODY)
        .await
        .map_err(IntoResponse::into_response)?;
    // Problems are worded in the language the query names, else English:
    // a program reads them, whatever its user's browser prefers.
    let problem_lang = if query.lang.is_some() { lang } else { Lang::En };
    let profile =
        profile_from_json(&bytes, state, problem_lang).map_err(IntoResponse::into_response)?;
    let evaluation = engine::explain(&state.pack, &profile);
    let report = report::build_in(&state.pack, &profile, &evaluation, lang);
    let mut text = serde_json::to_string_pretty(&report).map_err(|e| {
        Problem::new(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response()
    })?;
    text.push('\n');
    Ok(json_response(text, Some(lang)))
}

/// `POST /api/v1/batch`: NDJSON profiles in, one NDJSON record out per
/// line, in order, streamed as they are made.
#[utoipa::path(
    post,
    path = "/api/v1/batch",
    tag = "reports",
    summary = "Assess many people",
    description = "Reads NDJSON, one profile per line, and answers with NDJSON: first `{\"pack\"}`, the texts of the rules that the reports name by id, then one record per line that is not blank, in input order, each `{\"source\", \"report\"}` or `{\"source\", \"error\"}`, the same records as `eaeu-rights batch -` with the source named `<body>:LINE`. A bad line gives an error record in its place and never stops the run. The answer is streamed: records come back while the body is still being sent. The body may be at most 64 MiB and each line at most 1 MiB; a longer line, or the rest of a longer body, gives an error record.",
    params(BatchQuery),
    request_body(
        description = "Profiles, one JSON object per line (NDJSON); `text/plain` is read the same way.",
        content(
            (String = "application/x-ndjson"),
            (String = "text/plain")
        )
    ),
    responses(
        (status = 200, description = "One record per profile line, in order.", content_type = "application/x-ndjson", body = ref("#/components/schemas/BatchRecord")),
        (status = 400, description = "The query is not valid.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
        (status = 413, description = "The body is declared longer than 64 MiB.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
        (status = 415, description = "The body is declared as something other than NDJSON.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
    )
)]
pub async fn batch(
    State(state): State<Shared>,
    query: Result<Query<BatchQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    let Query(query) = match query {
        Ok(q) => q,
        Err(e) => return bad_query(&e).into_response(),
    };
    let lang = match chosen_lang(query.lang.as_deref(), &headers) {
        Ok(l) => l,
        Err(p) => return p.into_response(),
    };
    let as_of = match query.as_of.as_deref().map(crate::dates::parse_date) {
        None => None,
        Some(Ok(d)) => Some(d),
        Some(Err(e)) => {
            return Problem::new(StatusCode::BAD_REQUEST, format!("`as_of`: {e}")).into_response()
        }
    };
    let accepted = [
        "application/x-ndjson",
        "application/ndjson",
        "application/jsonl",
        "application/json",
        "text/plain",
    ];
    if let Err(p) = content_type_ok(&headers, &accepted) {
        return p.into_response();
    }
    if declared_length(&headers).is_some_and(|n| n > MAX_BATCH_BODY as u64) {
        return too_large(MAX_BATCH_BODY).into_response();
    }
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    let reader = BodyReader {
        handle: tokio::runtime::Handle::current(),
        stream: body.into_data_stream(),
        pending: Bytes::new(),
        read: 0,
        limit: MAX_BATCH_BODY,
    };
    let state = Arc::clone(&state);
    tokio::task::spawn_blocking(move || run_batch(&state, lang, as_of, reader, tx));
    let stream = futures_util::stream::poll_fn(move |cx| rx.poll_recv(cx));
    let mut response = Response::new(Body::from_stream(stream));
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/x-ndjson"),
    );
    h.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    response
}

/// Runs `batch`'s pipeline over the body, sending each chunk of records
/// as it is written. A client that goes away stops the run.
fn run_batch(
    state: &super::AppState,
    lang: Lang,
    as_of: Option<NaiveDate>,
    reader: BodyReader,
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
) {
    let work = Records {
        pack: &state.pack,
        format: BatchFormat::Ndjson,
        lang,
        defaults: state.pack.profile_defaults(state.today()),
        as_of,
        side_files: false,
    };
    let jobs = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(usize::from(pipeline::MAX_JOBS));
    let input = Input::Lines {
        name: "<body>".to_owned(),
        reader: Box::new(BufReader::with_capacity(1 << 16, reader)),
    };
    // First the pack's texts, which the reports name by rule id, as `batch` does.
    let header = crate::report::batch::PackHeader::new(&state.pack, lang, work.defaults);
    let mut header = crate::batch::header_record(&header);
    header.push(b'\n');
    let mut sink = ChannelSink { tx };
    if sink.tx.blocking_send(Ok(Bytes::from(header))).is_err() {
        return;
    }
    let options = pipeline::Options {
        jobs,
        ..options_for(BatchFormat::Ndjson, false)
    };
    // A failed send means the client has gone: nothing is left to tell.
    let _ = pipeline::run(&work, std::iter::once(input), &mut sink, options);
}

/// The pipeline's writer: each chunk's bytes go to the response.
struct ChannelSink {
    tx: tokio::sync::mpsc::Sender<Result<Bytes, std::io::Error>>,
}

impl Sink for ChannelSink {
    fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
        if out.bytes.is_empty() {
            return Ok(());
        }
        let bytes = Bytes::from(std::mem::take(&mut out.bytes));
        self.tx
            .blocking_send(Ok(bytes))
            .map_err(|_| std::io::Error::new(std::io::ErrorKind::BrokenPipe, "the client has gone"))
    }
}

/// The request body as a blocking reader, for the pipeline's thread; past
/// `limit` bytes it fails, which the pipeline turns into an error record.
struct BodyReader {
    handle: tokio::runtime::Handle,
    stream: axum::body::BodyDataStream,
    pending: Bytes,
    read: usize,
    limit: usize,
}

impl Read for BodyReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.pending.is_empty() {
            match self.handle.block_on(self.stream.next()) {
                None => return Ok(0),
                Some(Ok(bytes)) => {
                    self.read = self.read.saturating_add(bytes.len());
                    if self.read > self.limit {
                        return Err(std::io::Error::other(format!(
                            "the body is longer than {} bytes ({} MiB), the most /api/v1/batch takes: send the rest in another request",
                            self.limit,
                            self.limit >> 20
                        )));
                    }
                    self.pending = bytes;
                }
                Some(Err(e)) => return Err(std::io::Error::other(e)),
            }
        }
        let n = buf.len().min(self.pending.len());
        let chunk = self.pending.split_to(n);
        buf.get_mut(..n)
            .map(|b| b.copy_from_slice(&chunk))
            .ok_or_else(|| std::io::Error::other("read buffer"))?;
        Ok(n)
    }
}

/// The health of the server, and the rules it answers with.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "Health")]
pub struct Health {
    /// Always `ok` when the server answers.
    pub status: String,
    /// Pack name, version and content hash, as reports give it.
    pub rules_version: String,
}

/// `GET /healthz`.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "server",
    summary = "Whether the server is up",
    responses((status = 200, description = "The server is up.", content_type = "application/json", body = ref("#/components/schemas/Health")))
)]
pub async fn healthz(State(state): State<Shared>) -> Response {
    let health = Health {
        status: "ok".to_owned(),
        rules_version: state.pack.version(),
    };
    json_response(serde_json::to_string(&health).unwrap_or_default(), None)
}

/// When a rule is in force.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InForce {
    /// The first day.
    pub from: NaiveDate,
    /// The day it ceased (exclusive), if it has.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
}

/// A rule of the pack, in short.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "RuleSummary")]
pub struct RuleSummary {
    /// The rule's id.
    pub id: String,
    /// right, obligation, exemption or information.
    #[schemars(with = "crate::report::schema::RuleKindShape")]
    pub kind: RuleKind,
    /// The title, in the language asked for.
    pub title: String,
    /// Where the provision comes from.
    #[schemars(with = "crate::report::schema::SourceShape")]
    pub source: Source,
    /// When the rule is in force.
    pub in_force: InForce,
    /// The host state of a national rule.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub host: Option<crate::country::Country>,
    /// How sure the pack's authors are of the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::report::schema::ConfidenceShape>")]
    pub confidence: Option<Confidence>,
    /// Treaty-level or national.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<crate::report::schema::LevelShape>")]
    pub level: Option<Level>,
}

/// The rules of the pack.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "RuleList")]
pub struct RuleList {
    /// Pack name, version and content hash.
    pub rules_version: String,
    /// Every rule, in the pack's order.
    pub rules: Vec<RuleSummary>,
}

/// A rule of the pack in full.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(title = "RuleDetail")]
pub struct RuleDetail {
    /// The rule in short.
    #[serde(flatten)]
    pub rule: RuleSummary,
    /// Secondary texts that explain the provision.
    pub see_also: Vec<String>,
    /// Treaty rules this national rule implements.
    pub implements: Vec<String>,
    /// Treaty rules this national rule limits.
    pub limits: Vec<String>,
    /// Where national practice and the Treaty may pull apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tension: Option<String>,
    /// What was law before the rule's period, when the pack does not encode it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earlier: Option<String>,
    /// Interpretation choices made in encoding the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The pack file the rule is written in.
    pub file: String,
    /// The rule as written in that file.
    pub as_written: serde_json::Value,
}

fn summary(words: Words<'_>, index: usize, rule: &Rule) -> RuleSummary {
    RuleSummary {
        id: rule.id.clone(),
        kind: rule.kind,
        title: words.title(index, rule),
        source: words.source(rule),
        in_force: InForce {
            from: rule.in_force_from,
            to: rule.in_force_to,
        },
        host: rule.host,
        confidence: rule.confidence,
        level: rule.level,
    }
}

/// `GET /api/v1/rules`.
#[utoipa::path(
    get,
    path = "/api/v1/rules",
    tag = "rules",
    summary = "The rules of the pack",
    params(LangQuery),
    responses(
        (status = 200, description = "Every rule, in the pack's order.", content_type = "application/json", body = ref("#/components/schemas/RuleList")),
        (status = 400, description = "The query is not valid.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
    )
)]
pub async fn rules(
    State(state): State<Shared>,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let lang = match query
        .map_err(|e| bad_query(&e))
        .and_then(|Query(q)| chosen_lang(q.lang.as_deref(), &headers))
    {
        Ok(l) => l,
        Err(p) => return p.into_response(),
    };
    let nobody = WorkerProfile::empty(state.pack.profile_defaults(state.today()));
    let words = Words::new(&state.pack, &nobody, lang);
    let list = RuleList {
        rules_version: state.pack.version(),
        rules: state
            .pack
            .rules
            .iter()
            .enumerate()
            .map(|(i, r)| summary(words, i, r))
            .collect(),
    };
    json_response(
        serde_json::to_string_pretty(&list).unwrap_or_default(),
        Some(lang),
    )
}

/// `GET /api/v1/rules/{id}`.
#[utoipa::path(
    get,
    path = "/api/v1/rules/{id}",
    tag = "rules",
    summary = "One rule in full",
    params(("id" = String, Path, description = "The rule's id, e.g. `eaeu.registration-exemption`."), LangQuery),
    responses(
        (status = 200, description = "The rule.", content_type = "application/json", body = ref("#/components/schemas/RuleDetail")),
        (status = 400, description = "The query is not valid.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
        (status = 404, description = "No rule has this id.", content_type = "application/problem+json", body = ref("#/components/schemas/Problem")),
    )
)]
pub async fn rule(
    State(state): State<Shared>,
    Path(id): Path<String>,
    query: Result<Query<LangQuery>, axum::extract::rejection::QueryRejection>,
    headers: HeaderMap,
) -> Response {
    let lang = match query
        .map_err(|e| bad_query(&e))
        .and_then(|Query(q)| chosen_lang(q.lang.as_deref(), &headers))
    {
        Ok(l) => l,
        Err(p) => return p.into_response(),
    };
    let Some((index, rule)) = state
        .pack
        .rules
        .iter()
        .enumerate()
        .find(|(_, r)| r.id == id)
    else {
        return Problem::new(
            StatusCode::NOT_FOUND,
            format!(
                "no rule has the id `{}`: GET /api/v1/rules lists the {} rules",
                crate::json::quote(&id),
                state.pack.len()
            ),
        )
        .into_response();
    };
    let nobody = WorkerProfile::empty(state.pack.profile_defaults(state.today()));
    let words = Words::new(&state.pack, &nobody, lang);
    let detail = RuleDetail {
        rule: summary(words, index, rule),
        see_also: rule.see_also.clone(),
        implements: rule.implements.clone(),
        limits: rule.limits.clone(),
        tension: words.tension(index, rule),
        earlier: rule.earlier.clone(),
        note: rule.note.clone(),
        file: rule.file.clone(),
        as_written: crate::rules::rule_as_written(&state.files, &rule.file, rule.index_in_file)
            .unwrap_or(serde_json::Value::Null),
    };
    json_response(
        serde_json::to_string_pretty(&detail).unwrap_or_default(),
        Some(lang),
    )
}
