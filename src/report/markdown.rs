//! The report as Markdown, for a caseworker's case notes: the status and its
//! reasons, then what the person must do (soonest first), may do, should
//! know and still has to tell us, what does not apply, the assumptions and
//! the disclaimer. Every text that comes from a profile or the pack is
//! escaped, so an id or an occupation such as `*a_b* [x]` cannot break the
//! layout.
//!
//! The fixed words come from the reader's language (`wording`), as the
//! text report's do.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::text::{advice, capitalised, cite_in, date_phrase};
use super::wording::TextWords;
use super::{Finding, Lang, Report, Status};
use crate::engine::ir::RuleKind;
use crate::engine::Outcome;

/// Renders a report as CommonMark, in English.
pub fn render(report: &Report) -> String {
    render_in(report, Lang::En)
}

/// Renders a report as CommonMark, in `lang` (the report's own sentences
/// are in the language it was built in).
pub fn render_in(report: &Report, lang: Lang) -> String {
    let w = lang.text_words();
    let m = &w.markdown;
    let host = lang.country_name(report.host);
    let mut out = String::new();
    heading(&mut out, w, host, report);
    status(&mut out, w, host, report);

    let actions = report.actions();
    if !actions.is_empty() {
        section(&mut out, m.first);
        for (n, (f, d)) in actions.iter().enumerate() {
            let when = capitalised(&date_phrase(w, "deadline", *d, report.as_of));
            let _ = writeln!(
                out,
                "{}. **{}**: {}",
                n.saturating_add(1),
                escape(&when),
                escape(&f.title)
            );
        }
        out.push('\n');
    }

    let applying = |kinds: &'static [RuleKind]| {
        report
            .findings
            .iter()
            .filter(move |f| f.outcome == Outcome::Applies && kinds.contains(&f.kind))
    };

    let (done, mut must): (Vec<&Finding>, Vec<&Finding>) =
        applying(&[RuleKind::Obligation]).partition(|f| f.met == Some(true));
    // Soonest first, as in the text report; undated duties after dated ones.
    must.sort_by_key(|f| {
        f.dates
            .values()
            .min()
            .copied()
            .map_or((1, None), |d| (0, Some(d)))
    });
    if !must.is_empty() || !done.is_empty() {
        section(&mut out, m.must_do);
        for f in &must {
            finding(&mut out, w, f, report.as_of);
        }
        if !done.is_empty() {
            let _ = writeln!(out, "### {}\n", m.already_done);
            for f in &done {
                let _ = writeln!(
                    out,
                    "- **{}**: {} {}",
                    escape(&f.title),
                    m.done_note,
                    source(w, f)
                );
            }
            out.push('\n');
        }
    }

    let may: Vec<&Finding> = applying(&[RuleKind::Right, RuleKind::Exemption]).collect();
    if !may.is_empty() {
        section(&mut out, m.may_do);
        for f in may {
            finding(&mut out, w, f, report.as_of);
        }
    }

    let know: Vec<&Finding> = applying(&[RuleKind::Information]).collect();
    if !know.is_empty() {
        section(&mut out, m.good_to_know);
        for f in know {
            finding(&mut out, w, f, report.as_of);
        }
    }

    if !report.questions.is_empty() {
        section(&mut out, m.still_need);
        for q in &report.questions {
            let decides: Vec<String> = q.affects.iter().map(|id| affected(w, report, id)).collect();
            let _ = writeln!(out, "- {}", escape(&q.question));
            let _ = writeln!(out, "  - {}{}.", m.decides, decides.join("; "));
        }
        out.push('\n');
    }

    let not: Vec<&Finding> = with_outcome(report, Outcome::DoesNotApply).collect();
    if !not.is_empty() {
        section(&mut out, m.does_not_apply);
        for f in not {
            let _ = writeln!(out, "- {} ({})", escape(&f.title), escape(&f.rule));
        }
        out.push('\n');
    }

    let unassessed: Vec<&Finding> = with_outcome(report, Outcome::NotAssessed).collect();
    if !unassessed.is_empty() {
        section(&mut out, m.not_assessed);
        for f in unassessed {
            // The reasons name the act that applied then: the one thing a
            // reader can act on, so they are kept here.
            let why: Vec<String> = f.because.iter().map(|b| escape(b)).collect();
            let _ = writeln!(
                out,
                "- {} ({}): {}",
                escape(&f.title),
                escape(&f.rule),
                why.join("; ")
            );
        }
        out.push('\n');
    }

    if !report.assumptions.is_empty() {
        section(&mut out, m.assumptions);
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

/// The title: host state and assessment date, and whose report it is.
fn heading(out: &mut String, w: &TextWords, host: &str, report: &Report) {
    let (before, after) = w.markdown.title;
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

/// The status in a sentence, then the reasons for it.
fn status(out: &mut String, w: &TextWords, host: &str, report: &Report) {
    let m = &w.markdown;
    let host = escape(host);
    let headline = match report.status {
        Status::Covered => format!("{}{host}{}", m.covered.0, m.covered.1),
        Status::NotCovered => format!("{}{host}{}", m.not_covered.0, m.not_covered.1),
        Status::Undetermined => m.undetermined.to_owned(),
    };
    section(out, m.status);
    let _ = writeln!(out, "{headline}\n");
    if !report.status_reasons.is_empty() {
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

/// What a question decides, by the finding's title: "your status" for the
/// status itself.
fn affected(w: &TextWords, report: &Report, id: &str) -> String {
    if id == "status" {
        return w.your_status.to_owned();
    }
    match report.findings.iter().find(|f| f.rule == id) {
        Some(f) => format!("{} ({})", escape(&f.title), escape(id)),
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
    let (lead, word) = (w.source, w.rule);
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
