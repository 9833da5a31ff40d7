//! The report as Markdown, for a caseworker's case notes: the status, what
//! to do first (with where to go and what if missed), then what the person
//! must do (soonest first), may do, should know and still has to tell us,
//! what does not apply, the assumptions and the disclaimer. The short
//! report gives each provision one line, its source a link; with `detail`
//! each has its summary, caveats, source and rule id. Every text that comes from a profile or the pack is
//! escaped, so an id or an occupation such as `*a_b* [x]` cannot break the
//! layout.
//!
//! The fixed words come from the reader's language (`wording`), as the
//! text report's do.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::outline::{legend, shows_status_reasons, OneLine, Outline};
use super::text::{advice, capitalised, cite_in, date_phrase};
use super::wording::TextWords;
use super::{Finding, Lang, Report, Status};
use crate::engine::Outcome;

/// Renders a report as CommonMark, in English.
pub fn render(report: &Report) -> String {
    render_in(report, Lang::En)
}

/// Renders a report as CommonMark, in `lang` (the report's own sentences
/// are in the language it was built in): the short report, each provision
/// in one line.
pub fn render_in(report: &Report, lang: Lang) -> String {
    render_as(report, lang, false)
}

/// Renders a report as CommonMark in `lang`, short or, with `detail`, with
/// every provision's summary, caveats, source and rule id.
pub fn render_as(report: &Report, lang: Lang, detail: bool) -> String {
    let w = lang.text_words();
    let m = &w.markdown;
    let host = lang.country_name(report.host);
    let outline = if detail {
        Outline::in_full(report)
    } else {
        Outline::of(report)
    };
    let mut out = String::new();
    heading(&mut out, w, host, report);
    status(&mut out, w, host, report, detail);

    if !outline.actions.is_empty() {
        section(&mut out, &m.first);
        for (n, (f, d)) in outline.actions.iter().enumerate() {
            let when = capitalised(&date_phrase(w, "deadline", *d, report.as_of));
            let _ = writeln!(
                out,
                "{}. **{}**: {}",
                n.saturating_add(1),
                escape(&when),
                escape(&f.title)
            );
            guides(&mut out, w, f);
        }
        out.push('\n');
    }

    if detail {
        if !outline.must.is_empty() || !outline.done.is_empty() {
            section(&mut out, &m.must_do);
            for f in &outline.must {
                finding(&mut out, w, f, report.as_of);
            }
            done(&mut out, w, &outline, true);
        }
        for (heading, found) in [(&m.may_do, &outline.may), (&m.good_to_know, &outline.know)] {
            if !found.is_empty() {
                section(&mut out, heading);
                for f in found {
                    finding(&mut out, w, f, report.as_of);
                }
            }
        }
    } else {
        let must = outline.must_besides_actions();
        if !must.is_empty() || !outline.done.is_empty() {
            section(&mut out, &m.must_do);
            if !must.is_empty() {
                one_liners(&mut out, w, &must, &outline, report.as_of);
            }
            done(&mut out, w, &outline, false);
        }
        for (heading, found) in [(&m.may_do, &outline.may), (&m.good_to_know, &outline.know)] {
            if !found.is_empty() {
                section(&mut out, heading);
                one_liners(&mut out, w, found, &outline, report.as_of);
            }
        }
    }

    if !report.questions.is_empty() {
        section(&mut out, &m.still_need);
        for q in &report.questions {
            let decides: Vec<String> = q
                .affects
                .iter()
                .map(|id| affected(w, report, id, detail))
                .collect();
            let _ = writeln!(out, "- {}", escape(&q.question));
            let _ = writeln!(out, "  - {}{}.", m.decides, decides.join("; "));
        }
        out.push('\n');
    }

    if detail {
        let not: Vec<&Finding> = with_outcome(report, Outcome::DoesNotApply).collect();
        if !not.is_empty() {
            section(&mut out, &m.does_not_apply);
            for f in not {
                let _ = writeln!(out, "- {} ({})", escape(&f.title), escape(&f.rule));
            }
            out.push('\n');
        }
    } else {
        not_applying(&mut out, w, &outline);
    }

    if !outline.not_assessed.is_empty() {
        section(&mut out, &m.not_assessed);
        for f in &outline.not_assessed {
            // The reasons name the act that applied then: the one thing a
            // reader can act on, so they are kept here.
            let why: Vec<String> = f.because.iter().map(|b| escape(b)).collect();
            let title = if detail {
                format!("{} ({})", escape(&f.title), escape(&f.rule))
            } else {
                escape(&f.title)
            };
            let _ = writeln!(out, "- {title}: {}", why.join("; "));
        }
        out.push('\n');
    }

    if !report.assumptions.is_empty() {
        section(&mut out, &m.assumptions);
        for a in &report.assumptions {
            let _ = writeln!(out, "- {}", escape(a));
        }
        out.push('\n');
    }

    // A blank line before the rule: right under a paragraph, `---` would
    // make that paragraph a heading.
    let _ = writeln!(out, "---\n");
    let _ = writeln!(out, "{}\n", escape(&report.disclaimer));
    let _ = writeln!(out, "{}{}", w.rules, escape(&report.rules_version));
    out
}

/// Where to go and what happens if it is missed, as a list under the
/// item above (indented to sit inside a numbered item too).
fn guides(out: &mut String, w: &TextWords, f: &Finding) {
    for (label, guide) in [(&w.where_to, &f.where_to), (&w.if_missed, &f.if_missed)] {
        if let Some(g) = guide {
            let _ = writeln!(out, "   - {label}{}", escape(&g.text));
        }
    }
}

/// Duties the person says are done: title and the note, and in `detail`
/// the source with its rule id.
fn done(out: &mut String, w: &TextWords, outline: &Outline<'_>, detail: bool) {
    if outline.done.is_empty() {
        return;
    }
    let _ = writeln!(out, "### {}\n", w.markdown.already_done);
    for f in &outline.done {
        let source = if detail { source(w, f) } else { String::new() };
        let line = format!(
            "- **{}**: {} {source}",
            escape(&f.title),
            w.markdown.done_note
        );
        let _ = writeln!(out, "{}", line.trim_end());
    }
    out.push('\n');
}

/// Provisions in one line each: the title, the dates, the source as a
/// link, a mark when not fully verified (explained under the list), and
/// for a duty the actions do not name, where to go and what if missed.
fn one_liners(
    out: &mut String,
    w: &TextWords,
    found: &[&Finding],
    outline: &Outline<'_>,
    as_of: NaiveDate,
) {
    for f in found {
        let line = OneLine::of(w, f, as_of);
        let dates = if line.dates.is_empty() {
            String::new()
        } else {
            format!(" — {}", escape(&line.dates))
        };
        let citation = escape(&line.citation);
        let cited = match line.url {
            Some(url) => format!("[{citation}]({})", destination(url)),
            None => citation,
        };
        let _ = writeln!(
            out,
            "- **{}**{dates}. {cited}{}",
            escape(line.title),
            escape(line.mark)
        );
        if !outline.is_action(f) {
            guides(out, w, f);
        }
    }
    out.push('\n');
    for (mark, advice) in legend(w, found) {
        let _ = writeln!(out, "{} {}\n", escape(mark), escape(&advice));
    }
}

/// What does not apply, by title: those the status alone rules out as one
/// group under one sentence, then the others.
fn not_applying(out: &mut String, w: &TextWords, outline: &Outline<'_>) {
    if outline.by_status.is_empty() && outline.not_applying.is_empty() {
        return;
    }
    section(out, &w.markdown.does_not_apply);
    if !outline.by_status.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&w.ruled_out_by_status));
        for f in &outline.by_status {
            let _ = writeln!(out, "- {}", escape(&f.title));
        }
        out.push('\n');
        if !outline.not_applying.is_empty() {
            let _ = writeln!(out, "{}\n", escape(&w.html.other_reasons));
        }
    }
    for f in &outline.not_applying {
        let _ = writeln!(out, "- {}", escape(&f.title));
    }
    if !outline.not_applying.is_empty() {
        out.push('\n');
    }
}

/// The title: host state and assessment date, and whose report it is.
fn heading(out: &mut String, w: &TextWords, host: &str, report: &Report) {
    let (before, after) = &w.markdown.title;
    let _ = writeln!(
        out,
        "# {before}{} ({}){after}{}\n",
        escape(host),
        escape(report.host.code()),
        report.as_of
    );
    if let Some(id) = &report.profile_id {
        let _ = writeln!(out, "{}{}\n", w.markdown.profile, escape(id));
    }
}

/// The status in a sentence, then the reasons for it (in the short
/// report only when the person is not covered, or it is not known).
fn status(out: &mut String, w: &TextWords, host: &str, report: &Report, detail: bool) {
    let m = &w.markdown;
    let host = escape(host);
    let headline = match report.status {
        Status::Covered => format!("{}{host}{}", m.covered.0, m.covered.1),
        Status::NotCovered => format!("{}{host}{}", m.not_covered.0, m.not_covered.1),
        Status::Undetermined => m.undetermined.to_owned(),
    };
    section(out, &m.status);
    let _ = writeln!(out, "{headline}\n");
    if detail && !report.status_reasons.is_empty() || shows_status_reasons(report) {
        for r in &report.status_reasons {
            let _ = writeln!(out, "- {}", escape(r));
        }
        out.push('\n');
    }
}

fn section(out: &mut String, title: &str) {
    let _ = writeln!(out, "## {title}\n");
}

fn with_outcome(report: &Report, outcome: Outcome) -> impl Iterator<Item = &Finding> {
    report.findings.iter().filter(move |f| f.outcome == outcome)
}

/// What a question decides, by the finding's title (and its rule id in
/// `detail`): "your status" for the status itself.
fn affected(w: &TextWords, report: &Report, id: &str, detail: bool) -> String {
    if id == "status" {
        return w.your_status.to_owned();
    }
    match report.findings.iter().find(|f| f.rule == id) {
        Some(f) if detail => format!("{} ({})", escape(&f.title), escape(id)),
        Some(f) => escape(&f.title),
        None => escape(id),
    }
}

/// An applying finding: its title and dates, summary, caveats and source.
fn finding(out: &mut String, w: &TextWords, f: &Finding, as_of: NaiveDate) {
    let dates = dates(w, f, as_of);
    if dates.is_empty() {
        let _ = writeln!(out, "### {}\n", escape(&f.title));
    } else {
        let _ = writeln!(out, "### {} — {dates}\n", escape(&f.title));
    }
    if !f.summary.is_empty() {
        let _ = writeln!(out, "{}\n", escape(&f.summary));
    }
    if let Some(t) = &f.tension {
        let _ = writeln!(out, "{}{}\n", w.note, escape(t));
    }
    if let Some(advice) = advice(w, f.confidence) {
        let _ = writeln!(out, "*{advice}*\n");
    }
    for (label, guide) in [(&w.where_to, &f.where_to), (&w.if_missed, &f.if_missed)] {
        if let Some(g) = guide {
            let _ = writeln!(out, "{label}{}\n", escape(&g.text));
        }
    }
    let _ = writeln!(out, "{}\n", source(w, f));
}

/// "by 2026-03-30 (already passed); until 2027-03-01".
fn dates(w: &TextWords, f: &Finding, as_of: NaiveDate) -> String {
    let parts: Vec<String> = f
        .dates
        .iter()
        .map(|(name, d)| escape(&date_phrase(w, name, *d, as_of)))
        .collect();
    parts.join("; ")
}

/// "Source: [Treaty ..., Art. 97(4)](https://...) (rule eaeu.x)."
fn source(w: &TextWords, f: &Finding) -> String {
    let citation = escape(&cite_in(&f.source, w));
    let rule = escape(&f.rule);
    let (lead, word) = (&w.source, &w.rule);
    match &f.source.url {
        Some(url) => format!("{lead}[{citation}]({}) ({word}{rule}).", destination(url)),
        None => format!("{lead}{citation} ({word}{rule})."),
    }
}

/// A link destination that cannot end the link early: spaces, parentheses,
/// angle brackets, backslashes and control characters percent-encoded.
fn destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            ' ' | '(' | ')' | '<' | '>' | '\\' => {
                let _ = write!(out, "%{:02X}", u32::from(c));
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Escapes a text for use inline in CommonMark, so that it reads as the
/// same words wherever it stands (a heading, a list item, a paragraph):
/// emphasis, code, link, HTML and entity characters are backslash-escaped;
/// line breaks become spaces (a text is one line); and what would open a
/// block at the start of a line (`#`, `-`, `+`, `=`, `1.`, `1)`) is escaped
/// there, since every text may begin a line.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Leading spaces could make an indented code block.
    let text = text.trim_start();
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            c if c.is_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    // "2026. ..." or "1) ..." would start an ordered list.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out.get(digits..).is_some_and(|r| r.starts_with(['.', ')'])) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_inline_markup() {
        assert_eq!(escape("*a_b* [x](y) <b>"), r"\*a\_b\* \[x\](y) \<b\>");
        assert_eq!(
            escape(r"a\b `c` |d| ~e~ &amp;"),
            r"a\\b \`c\` \|d\| \~e\~ \&amp;"
        );
    }

    #[test]
    fn plain_words_stay_as_they_are() {
        let s = "Register no later than 2026-03-30 (day 30), Art. 97(4); РВП.";
        assert_eq!(escape(s), s);
    }

    #[test]
    fn a_text_is_one_line() {
        assert_eq!(escape("a\nb\r\nc"), "a b  c");
        assert_eq!(escape("a\u{7}b"), "a b");
    }

    #[test]
    fn escapes_what_would_open_a_block() {
        assert_eq!(escape("# id"), r"\# id");
        assert_eq!(escape("- id"), r"\- id");
        assert_eq!(escape("+1"), r"\+1");
        assert_eq!(escape("=="), r"\==");
        assert_eq!(escape("2026. id"), r"2026\. id");
        assert_eq!(escape("1) id"), r"1\) id");
        assert_eq!(escape("    code"), "code");
        // Only at the start: inside a text they are words.
        assert_eq!(escape("kg-builder #2, 1. March"), "kg-builder #2, 1. March");
        assert_eq!(escape("12a. x"), "12a. x");
    }

    /// A CommonMark parser reads every escaped text back as the same
    /// words, as plain text (no emphasis, link, code or HTML), wherever it
    /// stands.
    #[test]
    fn escaped_texts_read_as_the_same_words() {
        use pulldown_cmark::{Event, Parser, Tag};
        let hostile = [
            "*a_b*",
            "__init__",
            "[x](http://y)",
            "![img](x)",
            "<b>bold</b>",
            "<http://x.org>",
            "`code`",
            "# h",
            "- item",
            "+ plus",
            "1. one",
            "2026) x",
            "a\\*b",
            "x\\",
            "&amp; &copy;",
            "| a | b |",
            "~~s~~",
            "> quote",
            "    indented",
            "***",
            "===",
            "---",
            "line\nbreak",
            "kg-builder-almaty",
            "Кыргызстан (KG)",
        ];
        for s in hostile {
            let words = s.replace('\n', " ");
            let words = words.trim_start();
            for (lead, prefix) in [
                ("", ""),
                ("- ", ""),
                ("### ", ""),
                ("Profile: ", "Profile: "),
            ] {
                let md = format!("{lead}{}", escape(s));
                let mut text = String::new();
                for event in Parser::new(&md) {
                    match event {
                        Event::Text(t) => text.push_str(&t),
                        Event::Start(
                            Tag::Paragraph | Tag::Heading { .. } | Tag::List(_) | Tag::Item,
                        )
                        | Event::End(_) => {}
                        other => panic!("{md:?}: {other:?}"),
                    }
                }
                assert_eq!(text, format!("{prefix}{words}"), "{md:?}");
            }
        }
    }

    #[test]
    fn link_destinations_cannot_close_the_link() {
        assert_eq!(
            destination("https://x.org/a b(c)<d>\\\n"),
            "https://x.org/a%20b%28c%29%3Cd%3E%5C"
        );
        assert_eq!(
            destination("https://adilet.zan.kz/rus/docs/V2500036435"),
            "https://adilet.zan.kz/rus/docs/V2500036435"
        );
    }
}
