//! What the form's button gives (`POST /check`): the printable report page
//! of `check --format html`, with a bar above it (a new check, change the
//! answers, print, the other language, and the same report to download as
//! JSON, Markdown or an iCalendar file, with the timeline of the stay as
//! text or a calendar, as `eaeu-rights timeline` gives it), and, when the report still asks
//! something, its questions as fields to answer at its foot. A form that
//! cannot be read comes back with each error beside its field.
//!
//! Every button of the bar is a small form that posts the same answers
//! again, so it all works without JavaScript and nothing is kept on the
//! server between two requests.

use std::fmt::Write as _;

use axum::body::Body;
use axum::extract::State;
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

use super::form::{self, FieldErrors, FormData, Slot};
use super::{html, negotiate, Shared};
use crate::engine;
use crate::profile::WorkerProfile;
use crate::report::html::escape;
use crate::report::{self, Lang, Report};
use crate::timeline;

/// The script of the pages: conveniences only, the pages work without it.
const SCRIPT: &str = include_str!("static/app.js");
/// The style sheet of the form and of the bar above a report.
const STYLE: &str = include_str!("static/app.css");

/// `GET /static/app.js`.
pub async fn script() -> Response {
    asset(SCRIPT, "text/javascript; charset=utf-8")
}

/// `GET /static/app.css`.
pub async fn style() -> Response {
    asset(STYLE, "text/css; charset=utf-8")
}

fn asset(body: &'static str, kind: &'static str) -> Response {
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    r
}

/// `POST /check`: the report page for the posted answers, one of its
/// downloads (`format`), or the form again with its errors.
pub async fn check(State(state): State<Shared>, headers: HeaderMap, body: Body) -> Response {
    let data = match form::read_form(&headers, body).await {
        Ok(d) => d,
        Err(r) => return r,
    };
    let lang = negotiate(data.lang.as_deref(), &headers);
    let profile = match data.to_profile(&state.pack, state.today(), lang) {
        Ok(p) => p,
        Err(errors) => {
            return html(
                StatusCode::UNPROCESSABLE_ENTITY,
                form::page(lang, &data, &errors),
                lang,
            )
        }
    };
    let evaluation = engine::explain(&state.pack, &profile);
    let report = report::build_in(&state.pack, &profile, &evaluation, lang);
    match data.format.as_str() {
        "json" => {
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            download(text, "application/json", &report, "json")
        }
        "markdown" => download(
            report::markdown::render_in(&report, lang),
            "text/markdown; charset=utf-8",
            &report,
            "md",
        ),
        "ics" => download(
            report::ics::render_in(&report, lang),
            "text/calendar; charset=utf-8",
            &report,
            "ics",
        ),
        "timeline" => download(
            timeline::text::render_in(
                &timeline::build_in(&state.pack, &profile, lang),
                false,
                lang,
            ),
            "text/plain; charset=utf-8",
            &report,
            "timeline.txt",
        ),
        "timeline-ics" => download(
            timeline::ics::render_in(&timeline::build_in(&state.pack, &profile, lang), lang),
            "text/calendar; charset=utf-8",
            &report,
            "timeline.ics",
        ),
        _ => html(
            StatusCode::OK,
            result_page(&report, &profile, &data, lang),
            lang,
        ),
    }
}

/// A report to save: its type, and a file name from the profile's id.
fn download(body: String, kind: &'static str, report: &Report, extension: &str) -> Response {
    let stem: String = report
        .profile_id
        .as_deref()
        .unwrap_or("report")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .take(64)
        .collect();
    let disposition = format!("attachment; filename=\"{stem}.{extension}\"");
    let mut r = (StatusCode::OK, body).into_response();
    let h = r.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(kind));
    if let Ok(v) = HeaderValue::from_str(&disposition) {
        h.insert(header::CONTENT_DISPOSITION, v);
    }
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    r
}

/// The report page with the bar above it and the questions at its foot.
pub fn result_page(
    report: &Report,
    profile: &WorkerProfile,
    data: &FormData,
    lang: Lang,
) -> String {
    let page = report::html::render_in(report, profile, lang);
    let page = page.replacen("</head>", &format!("{}</head>", form::assets()), 1);
    let page = page.replacen(
        "<body>\n",
        &format!("<body>\n{}", bar(report, data, lang)),
        1,
    );
    let next = questions(report, data, lang);
    page.replacen("</main>\n", &format!("{next}</main>\n"), 1)
}

/// A one-button form that posts the answers again.
fn button_form(
    out: &mut String,
    action: &str,
    data: &FormData,
    fields: &[(&str, &str)],
    label: &str,
    attrs: &str,
) {
    let _ = write!(
        out,
        "<form method=\"post\" action=\"{action}\" class=\"inline\">\n{}",
        data.hidden(&[])
    );
    for (name, value) in fields {
        let _ = writeln!(
            out,
            "<input type=\"hidden\" name=\"{}\" value=\"{}\">",
            escape(name),
            escape(value)
        );
    }
    let _ = writeln!(
        out,
        "<button type=\"submit\"{attrs}>{}</button>\n</form>",
        escape(label)
    );
}

/// The bar above a report.
fn bar(report: &Report, data: &FormData, lang: Lang) -> String {
    let f = lang.form_words();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<nav class=\"toolbar\" aria-label=\"{}\">",
        escape(&f.title)
    );
    let _ = writeln!(
        out,
        "<a href=\"/?lang={}\" class=\"button-link\">{}</a>",
        lang.code(),
        escape(&f.new_check)
    );
    button_form(
        &mut out,
        "/",
        data,
        &[("lang", lang.code()), ("action", "edit")],
        &f.edit,
        "",
    );
    let _ = writeln!(
        out,
        "<button type=\"button\" id=\"print\" hidden>{}</button><span class=\"print-hint\">{}</span>",
        escape(&f.print),
        escape(&f.print_hint)
    );
    for other in Lang::ALL.into_iter().filter(|l| *l != lang) {
        button_form(
            &mut out,
            "/check",
            data,
            &[("lang", other.code())],
            &other.name(),
            &format!(" lang=\"{}\"", other.code()),
        );
    }
    let _ = writeln!(out, "<span class=\"downloads\">{}", escape(&f.download));
    for (format, label) in [
        ("json", &f.download_json),
        ("markdown", &f.download_markdown),
        ("ics", &f.download_ics),
        ("timeline", &f.download_timeline),
        ("timeline-ics", &f.download_timeline_ics),
    ] {
        button_form(
            &mut out,
            "/check",
            data,
            &[("lang", lang.code()), ("format", format)],
            label,
            "",
        );
    }
    out.push_str("</span>\n");
    if !report.questions.is_empty() {
        let _ = writeln!(out, "<a href=\"#next\">{}</a>", escape(&f.answer_questions));
    }
    out.push_str("</nav>\n");
    out
}

/// The report's questions as the form's fields, the other answers kept.
fn questions(report: &Report, data: &FormData, lang: Lang) -> String {
    let mut slots: Vec<Slot> = Vec::new();
    for q in &report.questions {
        if let Some(slot) = Slot::for_path(&q.field) {
            if !slots.contains(&slot) {
                slots.push(slot);
            }
        }
    }
    if slots.is_empty() {
        return String::new();
    }
    let f = lang.form_words();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<section id=\"next\" class=\"next\">\n<h2>{}</h2>\n<p>{}</p>\n<form method=\"post\" action=\"/check\" novalidate>\n<input type=\"hidden\" name=\"lang\" value=\"{}\">\n\
         <button type=\"submit\" class=\"default-submit\" tabindex=\"-1\" aria-hidden=\"true\">{}</button>\n{}",
        escape(&f.next_heading),
        escape(&f.next_intro),
        lang.code(),
        escape(&f.next_submit),
        data.hidden(&slots)
    );
    let none = FieldErrors::default();
    for slot in &slots {
        for q in report
            .questions
            .iter()
            .filter(|q| Slot::for_path(&q.field) == Some(*slot))
        {
            let _ = writeln!(out, "<p class=\"question\">{}</p>", escape(&q.question));
        }
        form::widget(&mut out, lang, *slot, data, &none);
    }
    let _ = writeln!(
        out,
        "<p><button type=\"submit\" class=\"primary\">{}</button></p>\n</form>",
        escape(&f.next_submit)
    );
    form::countries_list(&mut out, lang);
    out.push_str("</section>\n");
    out
}
