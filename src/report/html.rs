//! The report as one self-contained HTML page to print and hand over: what
//! to do first, the person's facts, the status, what they may do, must do
//! and should know, what does not apply and why, what we still need to
//! know, and the rules version and the disclaimer. Rights and other
//! provisions that ask nothing of the person take one line each, and what
//! does not apply is listed by title (the text and JSON reports say why),
//! so a covered worker's page prints on one or two A4 sheets.
//!
//! The page needs nothing else: its style is inline (A4 print rules
//! included), it has no script, no image and no external link but the
//! sources. Every text that comes from a profile or the pack is escaped
//! (`escape`); a source's address is a link only when it is an `http(s)`
//! address. The fixed words come from the reader's language (`wording`).

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::outline::{legend, OneLine, Outline};
use super::text::{advice, capitalised, cite_in, date_phrase};
use super::wording::TextWords;
use super::{Finding, Lang, Report, Status};
use crate::engine::Outcome;
use crate::profile::WorkerProfile;

/// The page's style: readable on a screen, and on A4 paper with the
/// browser's own header and footer turned off.
const STYLE: &str = "\
:root{color-scheme:light}
body{font-family:\"DejaVu Sans\",\"Liberation Sans\",Arial,sans-serif;font-size:15px;line-height:1.4;color:#111;background:#fff;max-width:50em;margin:1.5em auto;padding:0 1em}
h1{font-size:1.2em;margin:0 0 .2em}
h2{font-size:1.12em;margin:.8em 0 .25em;padding-bottom:.1em;border-bottom:1px solid #999;break-after:avoid}
h3{font-size:1em;margin:.7em 0 .15em;break-after:avoid}
p{margin:.25em 0}
ul,ol{margin:.25em 0;padding-left:1.4em}
li{margin:.1em 0;break-inside:avoid}
a{color:#0b4a8b}
.meta,.small,.source,.note,.check,.legend,footer{font-size:.88em}
.meta{color:#333;margin:0}
.first{border:2px solid #111;padding:.1em .8em .4em;margin-top:.6em}
.first h2{border:0;margin-top:.3em}
.first li{margin:.3em 0}
.overdue .when{color:#a00000}
.when{font-weight:bold}
.where,.otherwise{font-size:.88em}
dl{columns:2;column-gap:2em;margin:.3em 0}
dl div{break-inside:avoid}
dt{display:inline;color:#444}
dt::after{content:': '}
dd{display:inline;margin:0}
.status{font-size:1.05em}
.reasons{columns:2;column-gap:2em;font-size:.88em}
.titles{padding:0;font-size:.88em}
.titles li{display:inline}
.titles li:not(:last-child)::after{content:' · '}
p{orphans:2;widows:2}
.check{font-style:italic}
footer{margin-top:.8em;padding-top:.2em;border-top:1px solid #999}
@page{size:A4;margin:9mm 11mm}
@media print{body{font-size:8.7pt;line-height:1.22;max-width:none;margin:0;padding:0}a{color:#0b3a6b}}
@media screen and (max-width:40em){dl,.reasons{columns:1}}
";

/// Renders a report as a printable HTML page, in English.
pub fn render(report: &Report, profile: &WorkerProfile) -> String {
    render_in(report, profile, Lang::En)
}

/// Renders a report as a printable HTML page, in `lang` (the report's own
/// sentences are in the language it was built in); `profile` gives the
/// facts the report rests on.
pub fn render_in(report: &Report, profile: &WorkerProfile, lang: Lang) -> String {
    let w = lang.text_words();
    let host = lang.country_name(report.host);
    let mut out = String::with_capacity(16 * 1024);
    let (before, after) = &w.markdown.title;
    let title = format!(
        "{before}{host} ({}){after}{}",
        report.host.code(),
        w.dates.long(report.as_of)
    );
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<header>\n<h1>{}</h1>\n",
        lang.code(),
        escape(&title),
        escape(&title)
    );
    if let Some(id) = &report.profile_id {
        let _ = writeln!(
            out,
            "<p class=\"meta\">{}{}</p>",
            escape(&w.markdown.profile),
            escape(id)
        );
    }
    out.push_str("</header>\n<main>\n");
    actions(&mut out, w, report);
    details(&mut out, w, report, profile, lang);
    status(&mut out, w, host, report);

    let outline = Outline::of(report);
    one_liners(
        &mut out,
        w,
        "may",
        &w.markdown.may_do,
        &outline.may,
        report.as_of,
    );
    if !outline.must.is_empty() || !outline.done.is_empty() {
        open_section(&mut out, "must", &w.markdown.must_do);
        for f in &outline.must {
            duty(&mut out, w, f, report.as_of);
        }
        if !outline.done.is_empty() {
            let _ = writeln!(out, "<h3>{}</h3>\n<ul>", escape(&w.markdown.already_done));
            for f in &outline.done {
                let _ = writeln!(
                    out,
                    "<li><strong>{}</strong>: {} <span class=\"source\">{}</span></li>",
                    escape(&f.title),
                    escape(&w.markdown.done_note),
                    source(w, f)
                );
            }
            out.push_str("</ul>\n");
        }
        out.push_str("</section>\n");
    }
    one_liners(
        &mut out,
        w,
        "know",
        &w.markdown.good_to_know,
        &outline.know,
        report.as_of,
    );
    not_applying(&mut out, w, &outline);
    questions(&mut out, w, report);
    not_assessed(&mut out, w, report);

    let _ = write!(
        out,
        "</main>\n<footer>\n<p>{}{}</p>\n<p>{}</p>\n</footer>\n</body>\n</html>\n",
        escape(&w.rules),
        escape(&report.rules_version),
        escape(&report.disclaimer)
    );
    out
}

/// What to do first: each deadline with its weekday and the days left,
/// overdue ones marked, and what it is.
fn actions(out: &mut String, w: &TextWords, report: &Report) {
    let actions = report.actions();
    if actions.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "<section id=\"first\" class=\"first\">\n<h2>{}</h2>\n<ol>",
        escape(&w.markdown.first)
    );
    for (f, d) in actions {
        let when = capitalised(&date_phrase(w, "deadline", d, report.as_of));
        let class = if d < report.as_of {
            " class=\"overdue\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<li{class}><span class=\"when\">{}</span><br>{}{}</li>",
            escape(&when),
            escape(&f.title),
            guides(w, f)
        );
    }
    out.push_str("</ol>\n</section>\n");
}

/// Where to go and what happens otherwise, on a line under the item they
/// belong to (one run of text: the page must print on two sheets).
fn guides(w: &TextWords, f: &Finding) -> String {
    let mut parts = Vec::new();
    for (class, label, guide) in [
        ("where", &w.where_to, &f.where_to),
        ("otherwise", &w.if_missed, &f.if_missed),
    ] {
        if let Some(g) = guide {
            parts.push(format!(
                "<span class=\"{class}\">{}{}</span>",
                escape(label),
                escape(&g.text)
            ));
        }
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("<br>{}", parts.join(" "))
    }
}

/// The person's facts, known or not, the defaults the report assumed,
/// and a line saying the report rests on them.
fn details(out: &mut String, w: &TextWords, report: &Report, profile: &WorkerProfile, lang: Lang) {
    open_section(out, "details", &w.html.details);
    out.push_str("<dl>\n");
    for fact in lang.facts(profile) {
        let _ = writeln!(
            out,
            "<div><dt>{}</dt> <dd>{}</dd></div>",
            escape(&fact.label),
            escape(&fact.value)
        );
    }
    out.push_str("</dl>\n");
    if !report.assumptions.is_empty() {
        let _ = writeln!(
            out,
            "<h3 id=\"assumptions\">{}</h3>\n<ul class=\"small\">",
            escape(&w.markdown.assumptions)
        );
        for a in &report.assumptions {
            let _ = writeln!(out, "<li>{}</li>", escape(a));
        }
        out.push_str("</ul>\n");
    }
    let _ = writeln!(
        out,
        "<p class=\"small\">{}</p>\n</section>",
        escape(&w.html.details_note)
    );
}

/// The status in a sentence, then the reasons for it.
fn status(out: &mut String, w: &TextWords, host: &str, report: &Report) {
    let h = &w.html;
    let host = escape(host);
    let (name, sentence) = match report.status {
        Status::Covered => (
            &h.covered.0,
            format!("{}{host}{}", escape(&h.covered.1), escape(&h.covered.2)),
        ),
        Status::NotCovered => (
            &h.not_covered.0,
            format!(
                "{}{host}{}",
                escape(&h.not_covered.1),
                escape(&h.not_covered.2)
            ),
        ),
        Status::Undetermined => (&h.undetermined.0, escape(&h.undetermined.1)),
    };
    open_section(out, "status", &w.markdown.status);
    let _ = writeln!(
        out,
        "<p class=\"status {}\"><strong>{}:</strong> {sentence}</p>",
        report.status.as_str(),
        escape(name)
    );
    // A covered person's reasons are the facts above and the membership
    // dates: the sentence says it all. Why a person is not covered, or
    // what is still unknown, is something to read and to contest.
    if report.status != Status::Covered && !report.status_reasons.is_empty() {
        out.push_str("<ul class=\"reasons\">\n");
        for r in &report.status_reasons {
            let _ = writeln!(out, "<li>{}</li>", escape(r));
        }
        out.push_str("</ul>\n");
    }
    // A covered person's page says nothing more here: the sentence above
    // and the facts the page rests on are enough, and it must print on
    // two sheets.
    out.push_str("</section>\n");
}

/// Provisions that ask nothing of the person, one line each: the title,
/// the dates, the source as a link, and a mark when it is not fully
/// verified (explained under the list).
fn one_liners(
    out: &mut String,
    w: &TextWords,
    id: &str,
    heading: &str,
    found: &[&Finding],
    as_of: NaiveDate,
) {
    if found.is_empty() {
        return;
    }
    open_section(out, id, heading);
    out.push_str("<ul>\n");
    for f in found {
        let line = OneLine::of(w, f, as_of);
        let dates = if line.dates.is_empty() {
            String::new()
        } else {
            format!(" — {}", escape(&line.dates))
        };
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>{dates}. <span class=\"source\">{}</span>{}</li>",
            escape(line.title),
            link(w, f),
            line.mark
        );
    }
    out.push_str("</ul>\n");
    for (mark, advice) in legend(w, found) {
        let _ = writeln!(out, "<p class=\"legend\">{mark} {}</p>", escape(&advice));
    }
    out.push_str("</section>\n");
}

/// A duty: its title, its dates, what to do (its summary, which says
/// where), the caveats and the source.
fn duty(out: &mut String, w: &TextWords, f: &Finding, as_of: NaiveDate) {
    let _ = writeln!(
        out,
        "<div class=\"provision\">\n<h3>{}</h3>",
        escape(&f.title)
    );
    let dates = dates(w, f, as_of);
    if !dates.is_empty() {
        let overdue = f
            .dates
            .iter()
            .any(|(name, d)| name == "deadline" && *d < as_of);
        let class = if overdue { " overdue" } else { "" };
        let _ = writeln!(
            out,
            "<p class=\"date{class}\"><span class=\"when\">{}</span></p>",
            capitalised(&dates)
        );
    }
    if !f.summary.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&f.summary));
    }
    if let Some(t) = &f.tension {
        let _ = writeln!(
            out,
            "<p class=\"note\">{}{}</p>",
            escape(&w.note),
            escape(t)
        );
    }
    if let Some(advice) = advice(w, f.confidence) {
        let _ = writeln!(out, "<p class=\"check\">{}</p>", escape(&advice));
    }
    let _ = writeln!(out, "<p class=\"source\">{}</p>\n</div>", source(w, f));
}

/// What does not apply, by title (the detailed text report and the JSON
/// report give each one's reasons): the provisions the status alone rules
/// out as one group under one sentence, then the others.
fn not_applying(out: &mut String, w: &TextWords, outline: &Outline<'_>) {
    if outline.by_status.is_empty() && outline.not_applying.is_empty() {
        return;
    }
    open_section(out, "not", &w.markdown.does_not_apply);
    let list = |out: &mut String, titles: &[&Finding]| {
        out.push_str("<ul class=\"titles\">\n");
        for f in titles {
            let _ = writeln!(out, "<li>{}</li>", escape(&f.title));
        }
        out.push_str("</ul>\n");
    };
    if !outline.by_status.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(&w.ruled_out_by_status));
        list(out, &outline.by_status);
    }
    if !outline.not_applying.is_empty() {
        if !outline.by_status.is_empty() {
            let _ = writeln!(out, "<p>{}</p>", escape(&w.html.other_reasons));
        }
        list(out, &outline.not_applying);
    }
    out.push_str("</section>\n");
}

/// What we still need to know: each question and what its answer decides.
fn questions(out: &mut String, w: &TextWords, report: &Report) {
    if report.questions.is_empty() {
        return;
    }
    open_section(out, "questions", &w.markdown.still_need);
    out.push_str("<ul>\n");
    for q in &report.questions {
        let _ = writeln!(
            out,
            "<li>{} <span class=\"small\">({}: {})</span></li>",
            escape(&q.question),
            escape(&w.decides),
            escape(&w.decides(q))
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// Provisions of years the pack does not encode, with the reasons that
/// name the act that applied then.
fn not_assessed(out: &mut String, w: &TextWords, report: &Report) {
    let found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::NotAssessed)
        .collect();
    if found.is_empty() {
        return;
    }
    open_section(out, "not-assessed", &w.markdown.not_assessed);
    out.push_str("<ul class=\"small\">\n");
    for f in found {
        let why: Vec<String> = f.because.iter().map(|b| escape(b)).collect();
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escape(&f.title),
            why.join("; ")
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn open_section(out: &mut String, id: &str, heading: &str) {
    let _ = writeln!(out, "<section id=\"{id}\">\n<h2>{}</h2>", escape(heading));
}

/// "by Monday 30 March 2026, in 10 days; until ...", escaped.
fn dates(w: &TextWords, f: &Finding, as_of: NaiveDate) -> String {
    let parts: Vec<String> = f
        .dates
        .iter()
        .map(|(name, d)| escape(&date_phrase(w, name, *d, as_of)))
        .collect();
    parts.join("; ")
}

/// "Source: <a href=...>Treaty ..., Art. 97(4)</a>".
fn source(w: &TextWords, f: &Finding) -> String {
    format!("{}{}", escape(&w.source), link(w, f))
}

/// A finding's citation, as a link to the official text when the pack
/// gives an `http(s)` address for it.
fn link(w: &TextWords, f: &Finding) -> String {
    let citation = escape(&cite_in(&f.source, w));
    match f.source.url.as_deref().filter(|u| is_web_address(u)) {
        Some(url) => format!("<a href=\"{}\">{citation}</a>", escape(url)),
        None => citation,
    }
}

/// Whether a link may point at this address: a web page, never a
/// `javascript:` or `data:` address that another pack might hold.
fn is_web_address(url: &str) -> bool {
    url.get(..8)
        .is_some_and(|s| s.eq_ignore_ascii_case("https://"))
        || url
            .get(..7)
            .is_some_and(|s| s.eq_ignore_ascii_case("http://"))
}

/// Escapes a text for HTML, in an element or a quoted attribute alike:
/// `&`, `<`, `>`, `"` and `'` become character references; control
/// characters other than tab and line breaks, which HTML does not allow,
/// become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(
            escape(r#"<script>alert("x")</script> & 'y'"#),
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;"
        );
        // An entity stays text: its ampersand is escaped again.
        assert_eq!(escape("&amp; &#60;"), "&amp;amp; &amp;#60;");
    }

    #[test]
    fn plain_words_stay_as_they_are() {
        let s = "Register no later than 2026-03-30 (day 30), Art. 97(4); РВП, 30\u{a0}марта.";
        assert_eq!(escape(s), s);
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(escape("a\u{0}b\u{7}c\u{7f}d"), "a b c d");
        assert_eq!(escape("a\tb\nc"), "a\tb\nc");
    }

    /// An HTML parser reads every escaped text back as the same words,
    /// in an element and in an attribute, and finds no element in it.
    #[test]
    fn escaped_texts_read_as_the_same_words() {
        use scraper::{Html, Selector};
        let hostile = [
            "<script>alert(1)</script>",
            "<b>bold</b> & <i>",
            "\"quoted\" 'single'",
            "a\"><img src=x onerror=alert(1)>",
            "&amp; &lt; &#x41;",
            "</p></section><h1>x</h1>",
            "<!-- comment -->",
            "Кыргызстан (KG) — 30\u{a0}марта",
        ];
        let p = Selector::parse("p").unwrap();
        let any = Selector::parse("body *").unwrap();
        for s in hostile {
            let page = format!(
                "<!DOCTYPE html><html><body><p title=\"{}\">{}</p></body></html>",
                escape(s),
                escape(s)
            );
            let doc = Html::parse_document(&page);
            assert_eq!(doc.select(&any).count(), 1, "{page}");
            let para = doc.select(&p).next().unwrap();
            assert_eq!(para.text().collect::<String>(), s);
            assert_eq!(para.value().attr("title"), Some(s));
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        assert!(is_web_address("https://adilet.zan.kz/rus/docs/K2300000224"));
        assert!(is_web_address("HTTP://example.org"));
        assert!(!is_web_address("javascript:alert(1)"));
        assert!(!is_web_address("data:text/html,<b>x</b>"));
        assert!(!is_web_address("https:"));
        assert!(!is_web_address(""));
    }
}
