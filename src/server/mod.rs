//! `eaeu-rights serve`: the web form for caseworkers and the JSON API for
//! other programs, over HTTP, with the same embedded rules as the command
//! line.
//!
//! This module turns HTTP into the calls the command line makes: a profile
//! (the strict reader for JSON bodies, the form's fields for the page) goes
//! to the engine, the engine's result to the report, the report to a
//! renderer. The engine stays free of I/O; the server holds no state but
//! the compiled pack, so any number of copies can run side by side
//! (docs/deploy.md).
//!
//! - [`api`]: `POST /api/v1/check`, `POST /api/v1/batch` (NDJSON streamed
//!   through the same pipeline and records as `batch -`), `GET
//!   /api/v1/rules`, `GET /api/v1/rules/{id}`, `GET /healthz`;
//! - [`openapi`]: `GET /api/openapi.json`, paths from `utoipa`, schemas
//!   from the same `schemars` types `eaeu-rights schema` prints;
//! - [`form`] and [`page`]: the form at `/` and the report page `POST
//!   /check` gives, working without JavaScript (`/static/app.js` only adds
//!   conveniences);
//! - [`problem`]: every error as `application/problem+json` (RFC 9457).
//!
//! Every response has a content type, `X-Content-Type-Options: nosniff`
//! and a Content-Security-Policy; an HTML page's policy allows scripts
//! from this server only and its inline `<style>` by hash (no
//! `'unsafe-inline'` at all).

pub mod api;
pub mod form;
pub mod openapi;
pub mod page;
pub mod problem;

use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use chrono::NaiveDate;

use crate::engine::RulePack;
use crate::report::Lang;
use crate::rules::SourceFile;
use problem::Problem;

/// The largest body `POST /api/v1/check` and the form take: one profile's
/// limit (1 MiB), plus room for a form's field names and escapes.
pub const MAX_CHECK_BODY: usize = 2 * crate::profile::MAX_PROFILE_BYTES;

/// The largest body `POST /api/v1/batch` takes (64 MiB). The body is
/// streamed, so the limit bounds a request's time, not memory; each line
/// is also held to one profile's 1 MiB, as `batch --max-line` does.
pub const MAX_BATCH_BODY: usize = 64 << 20;

/// What every request shares: the compiled pack and the files it was
/// compiled from (for `GET /api/v1/rules/{id}`), and the date taken as
/// today when it is fixed (`EAEU_RIGHTS_TODAY`).
pub struct AppState {
    /// The compiled rule pack.
    pub pack: RulePack,
    /// The pack's source files.
    pub files: Vec<SourceFile>,
    /// Today, when fixed for reproducible runs; else the server's clock.
    pub today: Option<NaiveDate>,
}

impl AppState {
    /// Today's date: the fixed one, or the clock's.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }
}

/// The shared state as handlers take it.
pub type Shared = Arc<AppState>;

/// The whole service: every route, the fallbacks and the headers.
pub fn router(state: Shared) -> Router {
    Router::new()
        .route("/", get(form::show).post(form::redisplay))
        .route("/check", post(page::check))
        .route("/static/app.js", get(page::script))
        .route("/static/app.css", get(page::style))
        .route("/healthz", get(api::healthz))
        .route("/api/v1/check", post(api::check))
        .route("/api/v1/batch", post(api::batch))
        .route("/api/v1/rules", get(api::rules))
        .route("/api/v1/rules/{id}", get(api::rule))
        .route("/api/openapi.json", get(openapi::document))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        // The extractors' own limit is ours: each handler reads its body
        // under the limit it documents.
        .layer(axum::extract::DefaultBodyLimit::disable())
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serves `app` on `listener` until `shutdown` completes, then finishes
/// the requests under way.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}

/// Resolves on Ctrl-C (SIGINT) or, on Unix, SIGTERM: what a terminal and
/// a service manager send to stop the server.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        // Without a handler there is nothing to wait for but SIGTERM.
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}

/// The policy of a response that is not a page: it may load nothing.
const CSP_NONE: &str = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the headers every response carries; a response without a content
/// type (none of ours, but a layer's could be) is said to be plain text.
async fn security_headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers
        .entry(header::CONTENT_SECURITY_POLICY)
        .or_insert(HeaderValue::from_static(CSP_NONE));
    headers
        .entry(header::CONTENT_TYPE)
        .or_insert(HeaderValue::from_static("text/plain; charset=utf-8"));
    response
}

/// An HTML page, with a policy that lets it load scripts and style sheets
/// from this server only, and use the inline `<style>` elements it holds,
/// each allowed by its SHA-256 hash.
pub fn html(status: StatusCode, body: String, lang: Lang) -> Response {
    let csp = page_policy(&body);
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&csp) {
        headers.insert(header::CONTENT_SECURITY_POLICY, v);
    }
    headers.insert(
        header::CONTENT_LANGUAGE,
        HeaderValue::from_static(lang.code()),
    );
    headers.insert(header::VARY, HeaderValue::from_static("Accept-Language"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// The Content-Security-Policy of a page: nothing but this server's
/// scripts, style sheets and form targets, and the page's own inline
/// styles by hash.
pub fn page_policy(body: &str) -> String {
    let mut styles = String::from("'self'");
    for hash in style_hashes(body) {
        styles.push_str(" 'sha256-");
        styles.push_str(&hash);
        styles.push('\'');
    }
    format!(
        "default-src 'none'; script-src 'self'; style-src {styles}; img-src 'self'; \
         form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
    )
}

/// The base64 SHA-256 of every `<style>` element's text in a page, as a
/// Content-Security-Policy names it.
fn style_hashes(body: &str) -> Vec<String> {
    use base64::Engine as _;
    use sha2::{Digest, Sha256};
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("<style>") {
        let after = rest
            .get(open.saturating_add("<style>".len())..)
            .unwrap_or("");
        let Some(close) = after.find("</style>") else {
            break;
        };
        let text = after.get(..close).unwrap_or("");
        out.push(base64::engine::general_purpose::STANDARD.encode(Sha256::digest(text.as_bytes())));
        rest = after.get(close..).unwrap_or("");
    }
    out
}

/// The language a request asks for: `lang` when it names one, else the
/// first of `Accept-Language` that we speak (by its weight), else English.
pub fn negotiate(lang: Option<&str>, headers: &HeaderMap) -> Lang {
    if let Some(l) = lang.and_then(lang_from_code) {
        return l;
    }
    let Some(accept) = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
    else {
        return Lang::En;
    };
    let mut best: Option<(u16, Lang)> = None;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let tag = parts.next().unwrap_or("").trim();
        let weight = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        let Some(lang) = lang_from_code(tag) else {
            continue;
        };
        // Weights in thousandths; an earlier item wins a tie.
        let w = (weight.clamp(0.0, 1.0) * 1000.0) as u16;
        if w > 0 && best.is_none_or(|(b, _)| w > b) {
            best = Some((w, lang));
        }
    }
    best.map_or(Lang::En, |(_, l)| l)
}

/// The language a code names (`ru`, `ru-RU`, `en-GB`), if we speak it.
pub fn lang_from_code(code: &str) -> Option<Lang> {
    Lang::from_code(code.split(['-', '_']).next().unwrap_or(""))
}

async fn not_found(State(_): State<Shared>) -> Response {
    Problem::new(
        StatusCode::NOT_FOUND,
        "there is nothing at this address: the API is under /api/v1/, its description at /api/openapi.json, and the form at /",
    )
    .into_response()
}

async fn method_not_allowed() -> Response {
    Problem::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "this address does not take this method: /api/openapi.json lists each address with its methods",
    )
    .into_response()
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_chosen_by_weight_then_order() {
        let h = |v: &str| {
            let mut m = HeaderMap::new();
            m.insert(header::ACCEPT_LANGUAGE, HeaderValue::from_str(v).unwrap());
            m
        };
        assert_eq!(negotiate(None, &HeaderMap::new()), Lang::En);
        assert_eq!(negotiate(None, &h("ru-RU,ru;q=0.9,en;q=0.8")), Lang::Ru);
        assert_eq!(negotiate(None, &h("en;q=0.5, ru;q=0.8")), Lang::Ru);
        assert_eq!(negotiate(None, &h("kk, ru;q=0.3")), Lang::Ru);
        assert_eq!(negotiate(None, &h("de, fr")), Lang::En);
        assert_eq!(negotiate(None, &h("ru;q=0")), Lang::En);
        assert_eq!(negotiate(Some("en"), &h("ru")), Lang::En);
        assert_eq!(negotiate(Some("xx"), &h("ru")), Lang::Ru);
    }

    #[test]
    fn every_inline_style_is_hashed() {
        let page = "<style>a{}</style><p>x</p><style>\nb{}\n</style>";
        let hashes = style_hashes(page);
        assert_eq!(hashes.len(), 2);
        // printf 'a{}' | openssl dgst -sha256 -binary | base64
        assert_eq!(hashes[0], "X1RutGBrXCt9KkSaXMK7tHftWiRscFHOhxsS8tv8hBk=");
        assert!(page_policy(page).contains("style-src 'self' 'sha256-"));
        assert!(!page_policy(page).contains("unsafe-inline"));
    }
}
