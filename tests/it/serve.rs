//! `eaeu-rights serve`: every endpoint and error path of the HTTP service,
//! most of them against the router in this process (`tower`'s `oneshot`),
//! one against the real binary on an ephemeral loopback port, and one in a
//! real headless Chromium (ignored unless asked for: it needs `chromium`
//! and `chromedriver`).

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::response::Response;
use chrono::NaiveDate;
use eaeu_rights::server::{router, AppState};
use serde_json::Value;
use tower::ServiceExt as _;

use crate::common::{self, TODAY};

fn state() -> Arc<AppState> {
    let files = eaeu_rights::rules::embedded_files();
    let pack = eaeu_rights::rules::compile(&files).unwrap();
    Arc::new(AppState {
        pack,
        files,
        today: Some(NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap()),
    })
}

/// Sends one request to the router; returns the response, body read.
async fn send(request: Request<Body>) -> (Response<()>, Vec<u8>) {
    let response = router(state()).oneshot(request).await.unwrap();
    let (parts, body) = response.into_parts();
    let bytes = axum::body::to_bytes(body, usize::MAX).await.unwrap();
    (Response::from_parts(parts, ()), bytes.to_vec())
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).unwrap()
}

fn post(uri: &str, kind: &str, body: impl Into<Body>) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, kind)
        .body(body.into())
        .unwrap()
}

fn form(uri: &str, fields: &[(&str, &str)]) -> Request<Body> {
    let body = serde_urlencoded::to_string(fields).unwrap();
    post(uri, "application/x-www-form-urlencoded", body)
}

fn header_of(r: &Response<()>, name: header::HeaderName) -> &str {
    r.headers().get(&name).map_or("", |v| v.to_str().unwrap())
}

fn json(bytes: &[u8]) -> Value {
    serde_json::from_slice(bytes)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(bytes)))
}

/// A problem+json response with `status`, its body parsed.
fn problem(r: &Response<()>, body: &[u8], status: StatusCode) -> Value {
    assert_eq!(r.status(), status, "{}", String::from_utf8_lossy(body));
    assert_eq!(
        header_of(r, header::CONTENT_TYPE),
        "application/problem+json"
    );
    let p = json(body);
    assert_eq!(p["status"], status.as_u16());
    assert_eq!(p["type"], "about:blank");
    assert!(!p["detail"].as_str().unwrap().is_empty());
    p
}

/// The headers every response carries.
fn assert_safe(r: &Response<()>) {
    assert!(!header_of(r, header::CONTENT_TYPE).is_empty());
    assert_eq!(header_of(r, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
    let csp = header_of(r, header::CONTENT_SECURITY_POLICY);
    assert!(csp.contains("default-src 'none'"), "{csp}");
    assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
    assert!(!csp.contains("unsafe"), "{csp}");
}

#[tokio::test]
async fn check_gives_the_bytes_of_check_profile() {
    for fixture in [
        "fixtures/kg-builder-almaty.json",
        "fixtures/kg-entry-and-child-birth-unknown.json",
        "fixtures/uz-employee-2022.json",
    ] {
        let text = std::fs::read(fixture).unwrap();
        for lang in ["en", "ru"] {
            let (code, cli, _) = common::run(
                &[
                    "check",
                    "--profile",
                    fixture,
                    "--format",
                    "json",
                    "--lang",
                    lang,
                ],
                b"",
            );
            assert_eq!(code, 0);
            let (r, body) = send(post(
                &format!("/api/v1/check?lang={lang}"),
                "application/json",
                text.clone(),
            ))
            .await;
            assert_eq!(r.status(), StatusCode::OK);
            assert_eq!(header_of(&r, header::CONTENT_TYPE), "application/json");
            assert_eq!(header_of(&r, header::CONTENT_LANGUAGE), lang);
            assert_safe(&r);
            assert_eq!(String::from_utf8(body).unwrap(), cli, "{fixture} {lang}");
        }
    }
}

#[tokio::test]
async fn check_takes_curls_default_type_and_the_browser_language() {
    let text = std::fs::read("fixtures/kg-builder-almaty.json").unwrap();
    // `curl -d @file` declares a form; the body is JSON all the same.
    let (r, body) = send(post(
        "/api/v1/check",
        "application/x-www-form-urlencoded",
        text.clone(),
    ))
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json(&body)["status"], "covered");
    let request = Request::post("/api/v1/check")
        .header(header::ACCEPT_LANGUAGE, "ru-RU,ru;q=0.9,en;q=0.5")
        .body(Body::from(text))
        .unwrap();
    let (r, body) = send(request).await;
    assert_eq!(header_of(&r, header::CONTENT_LANGUAGE), "ru");
    let (_, cli, _) = common::run(
        &[
            "check",
            "--profile",
            "fixtures/kg-builder-almaty.json",
            "--format",
            "json",
            "--lang",
            "ru",
        ],
        b"",
    );
    assert_eq!(String::from_utf8(body).unwrap(), cli);
}

#[tokio::test]
async fn a_malformed_profile_is_a_400_naming_each_field() {
    let body = "{\"citizenship\": \"KG\",\n \"contract\": {\"kind\": \"employmnt\"},\n \"entry_date\": \"2026-02-30\"}";
    let (r, bytes) = send(post("/api/v1/check", "application/json", body)).await;
    let p = problem(&r, &bytes, StatusCode::BAD_REQUEST);
    assert_safe(&r);
    let errors = p["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{p}");
    assert_eq!(errors[0]["pointer"], "#/contract/kind");
    assert_eq!(errors[0]["path"], "contract.kind");
    assert_eq!(errors[0]["line"], 2);
    assert!(errors[0]["detail"]
        .as_str()
        .unwrap()
        .contains("did you mean `employment`"));
    assert_eq!(errors[1]["pointer"], "#/entry_date");
    assert_eq!(errors[1]["line"], 3);

    // Not JSON at all: the place of the mistake.
    let (r, bytes) = send(post(
        "/api/v1/check",
        "application/json",
        "{\"citizenship\": KG}",
    ))
    .await;
    let p = problem(&r, &bytes, StatusCode::BAD_REQUEST);
    assert_eq!(p["errors"][0]["line"], 1);
    assert_eq!(p["errors"][0]["column"], 17);

    // A contradiction: the field it is found on.
    let body = r#"{"citizenship":"KG","contract":{"start":"2026-03-02","end":"2026-03-01"}}"#;
    let (r, bytes) = send(post("/api/v1/check", "application/json", body)).await;
    let p = problem(&r, &bytes, StatusCode::BAD_REQUEST);
    assert_eq!(p["errors"][0]["pointer"], "#/contract/end");
    assert!(p["errors"][0]["column"].as_u64().is_some());
}

#[tokio::test]
async fn a_body_of_another_type_is_a_415() {
    for kind in [
        "text/html",
        "multipart/form-data; boundary=x",
        "application/xml",
    ] {
        let (r, bytes) = send(post("/api/v1/check", kind, "{}")).await;
        problem(&r, &bytes, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_safe(&r);
    }
    let (r, bytes) = send(post("/api/v1/batch", "text/html", "{}")).await;
    problem(&r, &bytes, StatusCode::UNSUPPORTED_MEDIA_TYPE);
}

#[tokio::test]
async fn twenty_megabytes_are_a_413() {
    let big = vec![b' '; 20 << 20];
    // Declared: refused before it is read.
    let (r, bytes) = send(post("/api/v1/check", "application/json", big.clone())).await;
    problem(&r, &bytes, StatusCode::PAYLOAD_TOO_LARGE);
    assert_safe(&r);
    // Not declared (a stream): refused once the limit is passed.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> =
        big.chunks(1 << 20).map(|c| Ok(c.to_vec())).collect();
    let stream = Body::from_stream(futures_util::stream::iter(chunks));
    let (r, bytes) = send(post("/api/v1/check", "application/json", stream)).await;
    problem(&r, &bytes, StatusCode::PAYLOAD_TOO_LARGE);
    // The form too.
    let (r, bytes) = send(post("/check", "application/x-www-form-urlencoded", big)).await;
    problem(&r, &bytes, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn a_language_we_do_not_speak_is_a_400() {
    for uri in [
        "/api/v1/rules?lang=de",
        "/api/v1/rules/eaeu.registration-exemption?lang=xx",
    ] {
        let (r, bytes) = send(get(uri)).await;
        let p = problem(&r, &bytes, StatusCode::BAD_REQUEST);
        assert!(p["detail"].as_str().unwrap().contains("`lang`"), "{p}");
    }
    let (r, bytes) = send(post("/api/v1/check?lang=fr", "application/json", "{}")).await;
    problem(&r, &bytes, StatusCode::BAD_REQUEST);
    let (r, bytes) = send(post(
        "/api/v1/batch?as_of=2026-02-30",
        "application/x-ndjson",
        "",
    ))
    .await;
    problem(&r, &bytes, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn batch_gives_the_records_of_batch_stdin_in_order() {
    let mut input = String::new();
    for f in [
        "kg-builder-almaty",
        "uz-employee-2022",
        "kg-jobseeker-no-contract",
    ] {
        let text = std::fs::read_to_string(format!("fixtures/{f}.json")).unwrap();
        let v: Value = serde_json::from_str(&text).unwrap();
        input.push_str(&v.to_string());
        input.push('\n');
    }
    input.push_str(
        "\nnot json\n{\"citizenship\":\"XX\"}\n{\"citizenship\":\"KG\",\"as_of\":\"2026-03-20\"}",
    );
    for lang in ["en", "ru"] {
        let (code, cli, _) = common::run(&["batch", "-", "--lang", lang], input.as_bytes());
        assert_eq!(code, 1);
        let (r, body) = send(post(
            &format!("/api/v1/batch?lang={lang}"),
            "application/x-ndjson",
            input.clone(),
        ))
        .await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header_of(&r, header::CONTENT_TYPE), "application/x-ndjson");
        assert_safe(&r);
        let body = String::from_utf8(body).unwrap();
        // The pack's texts, then one record per line that is not blank.
        assert_eq!(body.lines().count(), 7);
        assert_eq!(body, cli.replace("\"<stdin>:", "\"<body>:"), "{lang}");
    }
    // `as_of` assesses every line on that day, as `batch --as-of` does.
    let (code, cli, _) = common::run(&["batch", "-", "--as-of", "2026-04-05"], input.as_bytes());
    assert_eq!(code, 1);
    let (_, body) = send(post(
        "/api/v1/batch?as_of=2026-04-05",
        "application/x-ndjson",
        input,
    ))
    .await;
    assert_eq!(
        String::from_utf8(body).unwrap(),
        cli.replace("\"<stdin>:", "\"<body>:")
    );
}

#[tokio::test]
async fn a_batch_longer_than_its_limit_ends_with_an_error_record() {
    // Not declared: the lines before the limit are answered, then one
    // error record says why the rest is not.
    let line = "{\"citizenship\":\"KG\",\"as_of\":\"2026-03-20\"}\n".repeat(1000);
    let mut chunks: Vec<Result<Vec<u8>, std::io::Error>> = vec![Ok(line.into_bytes())];
    chunks.extend((0..70).map(|_| Ok(vec![b' '; 1 << 20])));
    let stream = Body::from_stream(futures_util::stream::iter(chunks));
    let (r, body) = send(post("/api/v1/batch", "application/x-ndjson", stream)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let body = String::from_utf8(body).unwrap();
    let last: Value = serde_json::from_str(body.lines().last().unwrap()).unwrap();
    // The pack's texts, 1,000 records, the error record.
    assert_eq!(body.lines().count(), 1002);
    assert!(
        last["error"]["message"]
            .as_str()
            .unwrap()
            .contains("64 MiB"),
        "{last}"
    );
    // Declared: refused at once.
    let request = Request::post("/api/v1/batch")
        .header(header::CONTENT_LENGTH, (65u64 << 20).to_string())
        .body(Body::empty())
        .unwrap();
    let (r, bytes) = send(request).await;
    problem(&r, &bytes, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn rules_are_listed_and_shown_in_the_language_asked() {
    let (code, list, _) = common::run(&["rules", "list"], b"");
    assert_eq!(code, 0);
    let (r, body) = send(get("/api/v1/rules")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_safe(&r);
    let rules = json(&body);
    let ids: Vec<&str> = rules["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(ids.len() > 20);
    for id in &ids {
        assert!(list.contains(id), "{id}");
    }
    let (_, body) = send(get("/api/v1/rules?lang=ru")).await;
    let ru = json(&body);
    assert_ne!(ru["rules"][0]["title"], rules["rules"][0]["title"]);

    let (r, body) = send(get("/api/v1/rules/eaeu.registration-exemption")).await;
    assert_eq!(r.status(), StatusCode::OK);
    let rule = json(&body);
    assert_eq!(rule["id"], "eaeu.registration-exemption");
    assert_eq!(rule["source"]["article"], "97");
    assert_eq!(rule["as_written"]["id"], "eaeu.registration-exemption");

    let (r, bytes) = send(get("/api/v1/rules/no.such-rule")).await;
    let p = problem(&r, &bytes, StatusCode::NOT_FOUND);
    assert!(p["detail"].as_str().unwrap().contains("no.such-rule"));
}

#[tokio::test]
async fn health_and_the_unknown() {
    let (r, body) = send(get("/healthz")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_safe(&r);
    let h = json(&body);
    assert_eq!(h["status"], "ok");
    assert!(h["rules_version"].as_str().unwrap().contains("sha256:"));

    let (r, bytes) = send(get("/api/v2/check")).await;
    problem(&r, &bytes, StatusCode::NOT_FOUND);
    assert_safe(&r);
    let (r, bytes) = send(Request::delete("/healthz").body(Body::empty()).unwrap()).await;
    problem(&r, &bytes, StatusCode::METHOD_NOT_ALLOWED);
    assert_safe(&r);
    let (r, bytes) = send(get("/api/v1/check")).await;
    problem(&r, &bytes, StatusCode::METHOD_NOT_ALLOWED);
}

/// A validator for a component of the OpenAPI document.
fn component(doc: &Value, name: &str) -> jsonschema::Validator {
    let schema = serde_json::json!({
        "$ref": format!("#/components/schemas/{name}"),
        "components": doc["components"].clone(),
    });
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[tokio::test]
async fn the_openapi_document_describes_what_the_server_says() {
    let (r, body) = send(get("/api/openapi.json")).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header_of(&r, header::CONTENT_TYPE), "application/json");
    let doc = json(&body);
    assert_eq!(doc["openapi"], "3.1.0");
    // The profile schema is `schema profile`'s, the report's `schema report`'s.
    let (_, profile, _) = common::run(&["schema", "profile"], b"");
    let profile: Value =
        serde_json::from_str(&profile.replace("#/$defs/", "#/components/schemas/")).unwrap();
    assert_eq!(
        doc["components"]["schemas"]["Profile"]["properties"],
        profile["properties"]
    );
    let check = &doc["paths"]["/api/v1/check"]["post"];
    for status in ["200", "400", "413", "415"] {
        assert!(check["responses"].get(status).is_some(), "{status}");
    }

    let text = std::fs::read("fixtures/kg-family-with-4-year-old.json").unwrap();
    let (_, report) = send(post("/api/v1/check", "application/json", text)).await;
    assert!(component(&doc, "Report").is_valid(&json(&report)));
    let (_, bad) = send(post(
        "/api/v1/check",
        "application/json",
        "{\"citizenship\": 1}",
    ))
    .await;
    assert!(component(&doc, "Problem").is_valid(&json(&bad)));
    let (_, rules) = send(get("/api/v1/rules")).await;
    assert!(component(&doc, "RuleList").is_valid(&json(&rules)));
    let (_, rule) = send(get("/api/v1/rules/kz.foreign-worker-permit")).await;
    let rule = json(&rule);
    let errors: Vec<String> = component(&doc, "RuleDetail")
        .iter_errors(&rule)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let (_, health) = send(get("/healthz")).await;
    assert!(component(&doc, "Health").is_valid(&json(&health)));
    let (_, records) = send(post(
        "/api/v1/batch",
        "application/x-ndjson",
        "{\"citizenship\":\"KG\"}\n{\"citizenship\":\"XX\"}\n",
    ))
    .await;
    let records = String::from_utf8(records).unwrap();
    for line in records.lines() {
        assert!(component(&doc, "BatchRecord").is_valid(&serde_json::from_str(line).unwrap()));
    }
}

#[tokio::test]
async fn the_form_has_every_field_labelled_in_both_languages() {
    for (accept, lang, heading) in [
        ("en-GB,en;q=0.9", "en", "Rights and obligations of a worker"),
        ("ru,en;q=0.5", "ru", "Права и обязанности трудящегося"),
    ] {
        let request = Request::get("/")
            .header(header::ACCEPT_LANGUAGE, accept)
            .body(Body::empty())
            .unwrap();
        let (r, body) = send(request).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(
            header_of(&r, header::CONTENT_TYPE),
            "text/html; charset=utf-8"
        );
        assert_safe(&r);
        let csp = header_of(&r, header::CONTENT_SECURITY_POLICY);
        assert!(csp.contains("script-src 'self'"), "{csp}");
        let page = String::from_utf8(body).unwrap();
        let doc = scraper::Html::parse_document(&page);
        let html = doc.root_element();
        assert_eq!(html.value().attr("lang"), Some(lang));
        assert!(page.contains(heading), "{lang}");
        for id in [
            "citizenship",
            "host",
            "id",
            "entry_date",
            "contract_start",
            "contract_end",
            "contract_open",
            "terminated_on",
            "occupation",
            "family_none",
            "family-0-relation",
            "family-0-birth_date",
            "family-0-citizenship",
            "as_of",
        ] {
            let input = scraper::Selector::parse(&format!("#{id}")).unwrap();
            assert!(doc.select(&input).next().is_some(), "{lang}: #{id}");
            let label = scraper::Selector::parse(&format!("label[for=\"{id}\"]")).unwrap();
            assert!(
                doc.select(&label).next().is_some(),
                "{lang}: label of #{id}"
            );
        }
        for name in ["contract_kind", "registered", "permanent_resident"] {
            let legend = scraper::Selector::parse(&format!("fieldset#{name} > legend")).unwrap();
            assert!(doc.select(&legend).next().is_some(), "{lang}: {name}");
        }
        // The countries are searchable by name, in the page's language.
        let kg = if lang == "ru" {
            "Кыргызстан"
        } else {
            "Kyrgyzstan"
        };
        assert!(page.contains(&format!("<option value=\"{kg}\">")), "{lang}");
        // The other language is a link away.
        assert!(page.contains("href=\"/?lang=ru\"") && page.contains("href=\"/?lang=en\""));
    }
    let (_, body) = send(get("/?lang=ru")).await;
    assert!(String::from_utf8(body)
        .unwrap()
        .contains("<html lang=\"ru\">"));
}

#[tokio::test]
async fn the_form_gives_the_report_page_with_its_downloads() {
    let fields = [
        ("lang", "en"),
        ("id", "<b>case 7</b>"),
        ("citizenship", "Kyrgyzstan"),
        ("host", "Kazakhstan"),
        ("entry_date", "01.03.2026"),
        ("contract_kind", "employment"),
        ("contract_start", "02.03.2026"),
        ("contract_end", "01.03.2027"),
        ("occupation", "<script>alert(1)</script>"),
        ("as_of", "2026-03-20"),
    ];
    let (r, body) = send(form("/check", &fields)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_safe(&r);
    let page = String::from_utf8(body).unwrap();
    assert!(
        page.contains("30 March 2026"),
        "the end of the registration-free period"
    );
    // The page's inline style is allowed by its hash, nothing else inline.
    let csp = header_of(&r, header::CONTENT_SECURITY_POLICY);
    let style = page
        .split("<style>")
        .nth(1)
        .unwrap()
        .split("</style>")
        .next()
        .unwrap();
    use base64::Engine as _;
    use sha2::Digest as _;
    let hash = base64::engine::general_purpose::STANDARD.encode(sha2::Sha256::digest(style));
    assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!page.contains("<script>"), "no inline script");
    // Every user string is escaped.
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!page.contains("<b>case 7</b>"));
    // The bar: print, the other language, the downloads.
    let doc = scraper::Html::parse_document(&page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    assert!(doc
        .select(&sel("nav.toolbar button#print"))
        .next()
        .is_some());
    assert!(doc
        .select(&sel("nav.toolbar button[lang=ru]"))
        .next()
        .is_some());
    for format in ["json", "markdown", "ics", "timeline", "timeline-ics"] {
        let s = sel(&format!("nav.toolbar input[name=format][value={format}]"));
        assert!(doc.select(&s).next().is_some(), "{format}");
    }
    // The occupation is still open: asked as a field, with its question.
    assert!(doc
        .select(&sel("section#next input#occupation"))
        .next()
        .is_some());

    for (format, kind, start) in [
        ("json", "application/json", "{"),
        ("markdown", "text/markdown; charset=utf-8", "# "),
        ("ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR"),
        (
            "timeline",
            "text/plain; charset=utf-8",
            "Timeline of your stay",
        ),
        (
            "timeline-ics",
            "text/calendar; charset=utf-8",
            "BEGIN:VCALENDAR",
        ),
    ] {
        let mut with = fields.to_vec();
        with.push(("format", format));
        let (r, body) = send(form("/check", &with)).await;
        assert_eq!(r.status(), StatusCode::OK, "{format}");
        assert_eq!(header_of(&r, header::CONTENT_TYPE), kind);
        assert!(header_of(&r, header::CONTENT_DISPOSITION)
            .starts_with("attachment; filename=\"_b_case_7__b_."));
        assert!(
            String::from_utf8(body).unwrap().starts_with(start),
            "{format}"
        );
    }
    // In Russian, the same answers.
    let mut ru = fields.to_vec();
    ru[0] = ("lang", "ru");
    let (_, body) = send(form("/check", &ru)).await;
    let page = String::from_utf8(body).unwrap();
    assert!(
        page.contains("<h1>Права и обязанности: Казахстан (KZ)"),
        "{}",
        &page[..600]
    );
    assert!(page.contains("30 марта 2026"));
}

#[tokio::test]
async fn an_incomplete_form_still_gives_a_report_that_asks_for_the_rest() {
    let (r, body) = send(form(
        "/check",
        &[("citizenship", "KG"), ("as_of", "2026-03-20")],
    ))
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = String::from_utf8(body).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    // The status is undetermined; the contract's kind is asked as a field,
    // and the answers given ride along.
    assert!(page.contains("class=\"status undetermined\""));
    assert!(doc
        .select(&sel(
            "section#next fieldset#contract_kind input[value=employment]"
        ))
        .next()
        .is_some());
    assert!(doc
        .select(&sel("section#next input#entry_date"))
        .next()
        .is_some());
    assert!(doc
        .select(&sel(
            "section#next input[type=hidden][name=citizenship][value=KG]"
        ))
        .next()
        .is_some());
    // Every question the report asks is on the page, above its field.
    let (_, report) = send(post(
        "/api/v1/check",
        "application/json",
        "{\"citizenship\":\"KG\",\"as_of\":\"2026-03-20\"}",
    ))
    .await;
    let report = json(&report);
    let asked: Vec<String> = doc
        .select(&sel("section#next p.question"))
        .map(|p| p.text().collect())
        .collect();
    let questions = report["questions"].as_array().unwrap();
    assert!(questions.len() >= 3, "{questions:?}");
    for q in questions {
        let text = q["question"].as_str().unwrap();
        assert!(asked.iter().any(|a| a == text), "{text}");
    }
}

#[tokio::test]
async fn form_errors_are_beside_their_fields_in_the_page_language() {
    let fields = [
        ("lang", "ru"),
        ("citizenship", "Kyrgystan"),
        ("entry_date", "30.02.2026"),
        ("family-0-birth_date", "1.2.2020"),
    ];
    let (r, body) = send(form("/check", &fields)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        header_of(&r, header::CONTENT_TYPE),
        "text/html; charset=utf-8"
    );
    let page = String::from_utf8(body).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let sel = |s: &str| scraper::Selector::parse(s).unwrap();
    for id in ["citizenship", "entry_date", "family-0-birth_date"] {
        let input = doc.select(&sel(&format!("#{id}"))).next().unwrap();
        assert_eq!(input.value().attr("aria-invalid"), Some("true"), "{id}");
        let described = input.value().attr("aria-describedby").unwrap();
        assert!(described.contains(&format!("{id}-error")), "{id}");
        let error = doc.select(&sel(&format!("#{id}-error"))).next().unwrap();
        assert!(
            error.text().collect::<String>().starts_with("Ошибка: "),
            "{id}"
        );
        // The summary links to it.
        assert!(doc
            .select(&sel(&format!(".error-summary a[href=\"#{id}\"]")))
            .next()
            .is_some());
    }
    // The value typed stays in its field.
    let entry = doc.select(&sel("#entry_date")).next().unwrap();
    assert_eq!(entry.value().attr("value"), Some("30.02.2026"));
    assert!(page.contains("Кыргызстан"), "the country meant is named");
}

#[tokio::test]
async fn family_rows_are_added_and_removed_without_javascript() {
    let base = [
        ("lang", "en"),
        ("citizenship", "KG"),
        ("family-0-relation", "child"),
    ];
    let mut add = base.to_vec();
    add.push(("action", "add-member"));
    let (r, body) = send(form("/", &add)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let page = String::from_utf8(body).unwrap();
    let doc = scraper::Html::parse_document(&page);
    let rows = scraper::Selector::parse(".members fieldset.member").unwrap();
    assert_eq!(doc.select(&rows).count(), 2);
    assert!(page.contains("id=\"family-1-relation\""));
    let mut remove = base.to_vec();
    remove.push(("action", "remove-0"));
    let (_, body) = send(form("/", &remove)).await;
    let page = String::from_utf8(body).unwrap();
    let doc = scraper::Html::parse_document(&page);
    // The one row left is empty: at least one row is always shown.
    assert_eq!(doc.select(&rows).count(), 1);
    assert!(!page.contains("value=\"child\" selected"));
}

#[tokio::test]
async fn the_script_and_style_sheet_have_their_own_types() {
    for (uri, kind) in [
        ("/static/app.js", "text/javascript; charset=utf-8"),
        ("/static/app.css", "text/css; charset=utf-8"),
    ] {
        let (r, body) = send(get(uri)).await;
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(header_of(&r, header::CONTENT_TYPE), kind);
        assert_eq!(header_of(&r, header::X_CONTENT_TYPE_OPTIONS), "nosniff");
        assert!(!body.is_empty());
    }
}

/// The server binary, started on an ephemeral loopback port; stopped with
/// SIGTERM when dropped.
struct Server {
    child: std::process::Child,
    addr: String,
}

impl Server {
    fn start() -> Self {
        let mut child = common::binary()
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start eaeu-rights serve");
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        stderr.read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"))
            .to_owned();
        // Keep reading stderr so the server never blocks on it.
        std::thread::spawn(move || {
            let mut rest = String::new();
            let _ = stderr.read_to_string(&mut rest);
        });
        Server { child, addr }
    }

    /// Stops the server as a service manager would; its exit status.
    fn stop(mut self) -> std::process::ExitStatus {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .unwrap();
        assert!(status.success());
        self.child.wait().unwrap()
    }
}

/// One HTTP/1.1 request over a plain socket; the whole response.
fn http(addr: &str, request: &str) -> String {
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    stream.write_all(request.as_bytes()).unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).unwrap();
    out
}

#[test]
fn the_binary_serves_on_an_ephemeral_loopback_port_and_stops_on_sigterm() {
    let server = Server::start();
    assert!(server.addr.starts_with("127.0.0.1:"), "{}", server.addr);
    assert_ne!(server.addr, "127.0.0.1:0");
    let response = http(
        &server.addr,
        "GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n",
    );
    assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
    assert!(response.contains("\"status\":\"ok\""));
    let profile = std::fs::read_to_string("fixtures/kg-builder-almaty.json").unwrap();
    let response = http(
        &server.addr,
        &format!(
            "POST /api/v1/check HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{profile}",
            profile.len()
        ),
    );
    let (_, cli, _) = common::run(
        &[
            "check",
            "--profile",
            "fixtures/kg-builder-almaty.json",
            "--format",
            "json",
        ],
        b"",
    );
    assert!(response.ends_with(&cli), "{response}");
    let status = server.stop();
    assert!(status.success(), "graceful shutdown exits 0: {status:?}");
}

/// Chromium's flags for a test: no sandbox (CI runs as root), nothing
/// fetched from elsewhere, and a profile of its own.
fn chromium_args(profile: &std::path::Path) -> Vec<String> {
    vec![
        "--headless".into(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--disable-quic".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        "--disable-dev-shm-usage".into(),
        "--lang=en-GB".into(),
        format!("--user-data-dir={}", profile.display()),
    ]
}

/// Starts chromedriver on a free loopback port; a missing one fails here.
fn chromedriver() -> (std::process::Child, u16) {
    // chromedriver cannot be given port 0: take a free port from the
    // system and hand it over.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = Command::new("chromedriver")
        .args([format!("--port={port}"), "--allowed-ips=127.0.0.1".to_owned()])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("chromedriver could not be started ({e}): apt-get install -y chromium chromium-driver")
        });
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        let n = out.read_line(&mut line).unwrap();
        assert!(n > 0, "chromedriver stopped before it was ready");
        if line.contains("started successfully") {
            break;
        }
    }
    std::thread::spawn(move || {
        let mut rest = String::new();
        let _ = out.read_to_string(&mut rest);
    });
    (child, port)
}

#[tokio::test]
#[ignore = "needs chromium and chromedriver: run with --include-ignored (CI installs them)"]
async fn a_caseworker_fills_the_form_in_a_real_browser() {
    use fantoccini::{ClientBuilder, Locator};
    let server = Server::start();
    let (mut driver, port) = chromedriver();
    let profile = tempfile::tempdir().unwrap();
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        serde_json::json!({ "binary": "/usr/bin/chromium", "args": chromium_args(profile.path()) }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let client = ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{port}"))
        .await
        .expect("a Chromium session");
    let run = async {
        client
            .goto(&format!("http://{}/?lang=en", server.addr))
            .await?;
        let heading = client.find(Locator::Css("h1")).await?.text().await?;
        assert!(heading.starts_with("Rights and obligations"), "{heading}");
        // The script adds and removes family rows in the page, without a
        // round trip: a mark left on the page survives (a reload, which is
        // what the buttons do without the script, would wipe it).
        let rows = || client.find_all(Locator::Css(".members fieldset.member"));
        assert_eq!(rows().await?.len(), 1);
        client.execute("window.notReloaded = true;", vec![]).await?;
        client
            .find(Locator::Css("button.add-member"))
            .await?
            .click()
            .await?;
        assert_eq!(rows().await?.len(), 2);
        assert!(client
            .find(Locator::Id("family-1-birth_date"))
            .await
            .is_ok());
        client
            .find(Locator::Css("#member-1 button.remove-member"))
            .await?
            .click()
            .await?;
        assert_eq!(rows().await?.len(), 1);
        let mark = client
            .execute("return window.notReloaded === true;", vec![])
            .await?;
        assert_eq!(mark, serde_json::Value::Bool(true), "the page was reloaded");
        client
            .find(Locator::Id("citizenship"))
            .await?
            .send_keys("Kyrgyzstan")
            .await?;
        client
            .find(Locator::Id("entry_date"))
            .await?
            .send_keys("01.03.2026")
            .await?;
        client
            .find(Locator::Css("input[name=contract_kind][value=employment]"))
            .await?
            .click()
            .await?;
        client
            .find(Locator::Id("as_of"))
            .await?
            .send_keys("2026-03-20")
            .await?;
        client
            .find(Locator::Css("button.primary"))
            .await?
            .click()
            .await?;
        client
            .wait()
            .for_element(Locator::Css("nav.toolbar"))
            .await?;
        let text = client.find(Locator::Css("body")).await?.text().await?;
        assert!(
            text.contains("30 March 2026"),
            "the end of the registration-free period:\n{text}"
        );
        // The print button is shown by the script.
        assert!(
            client
                .find(Locator::Id("print"))
                .await?
                .is_displayed()
                .await?
        );
        // Switch to Russian: the same answers, the Russian heading.
        client
            .find(Locator::Css("nav.toolbar button[lang=ru]"))
            .await?
            .click()
            .await?;
        client
            .wait()
            .for_element(Locator::Css("html[lang=ru]"))
            .await?;
        let heading = client.find(Locator::Css("h1")).await?.text().await?;
        assert!(heading.starts_with("Права и обязанности"), "{heading}");
        let text = client.find(Locator::Css("body")).await?.text().await?;
        assert!(text.contains("30 марта 2026"), "{text}");
        Ok::<(), fantoccini::error::CmdError>(())
    };
    let result = run.await;
    let _ = client.close().await;
    let _ = driver.kill();
    let _ = driver.wait();
    assert!(server.stop().success());
    result.unwrap();
}
