//! The terminal report: what to do first (each action with where to go and
//! what happens if it is missed), then grouped as what you may do, what you
//! must do and by when, what you should know, what is still needed and
//! what does not apply. The short report gives each provision one line;
//! with `detail` each has its summary, reasons, caveats, source, link and
//! rule id. Plain words, dates up front, wrapped at 80 columns; colour
//! only when the caller says the output is a terminal that wants it.

use std::fmt::Write as _;

use chrono::NaiveDate;

use super::outline::{legend, shows_status_reasons, OneLine, Outline};
use super::wording::TextWords;
use super::{Finding, Lang, Report, Status};
use crate::engine::ir::{Confidence, Source};
use crate::engine::Outcome;

const WIDTH: usize = 80;

/// Styles for the terminal (all empty when colour is off).
pub(crate) struct Style {
    pub bold: &'static str,
    pub green: &'static str,
    pub red: &'static str,
    pub yellow: &'static str,
    pub dim: &'static str,
    pub reset: &'static str,
}

const COLOR: Style = Style {
    bold: "\x1b[1m",
    green: "\x1b[32m",
    red: "\x1b[31m",
    yellow: "\x1b[33m",
    dim: "\x1b[2m",
    reset: "\x1b[0m",
};
const PLAIN: Style = Style {
    bold: "",
    green: "",
    red: "",
    yellow: "",
    dim: "",
    reset: "",
};

/// The colours of a text output, or none.
pub(crate) fn style(color: bool) -> &'static Style {
    if color {
        &COLOR
    } else {
        &PLAIN
    }
}

/// The lines every text output opens with: its title (for the profile's
/// id), then the host state and the assessment date, then a blank line.
pub(crate) fn title_lines(
    out: &mut String,
    s: &Style,
    lang: Lang,
    title: &str,
    profile_id: Option<&str>,
    host: crate::country::Country,
    as_of: chrono::NaiveDate,
) {
    let w = lang.text_words();
    let who = profile_id.map_or_else(String::new, |id| format!("{}{id}", w.title_for));
    let _ = writeln!(out, "{}{title}{who}{}", s.bold, s.reset);
    let _ = writeln!(
        out,
        "{}{} ({}){}{as_of}",
        w.host_state,
        lang.country_name(host),
        host.code(),
        w.assessed_as_of,
    );
    out.push('\n');
}

/// Renders a report for a terminal or a plain-text file, in English.
pub fn render(report: &Report, color: bool) -> String {
    render_in(report, color, Lang::En)
}

/// Renders a report for a terminal or a plain-text file, in `lang` (the
/// report's own sentences are in the language it was built in): the short
/// report, each provision in one line.
pub fn render_in(report: &Report, color: bool, lang: Lang) -> String {
    render_as(report, color, lang, false)
}

/// Renders a report in `lang`, short or, with `detail`, with every
/// provision's summary, reasons, caveats, source, link and rule id (for
/// caseworkers and lawyers).
pub fn render_as(report: &Report, color: bool, lang: Lang, detail: bool) -> String {
    let s = style(color);
    let w = lang.text_words();
    let host = lang.country_name(report.host);
    let outline = if detail {
        Outline::in_full(report)
    } else {
        Outline::of(report)
    };
    let mut out = String::new();
    title_lines(
        &mut out,
        s,
        lang,
        &w.title,
        report.profile_id.as_deref(),
        report.host,
        report.as_of,
    );

    let (colour, headline) = match report.status {
        Status::Covered => (s.green, format!("{}{host}{}", w.covered.0, w.covered.1)),
        Status::NotCovered => (
            s.red,
            format!("{}{host}{}", w.not_covered.0, w.not_covered.1),
        ),
        Status::Undetermined => (s.yellow, w.undetermined.to_owned()),
    };
    wrap_into(
        &mut out,
        &format!("{}{}{headline}{}", s.bold, colour, s.reset),
        "",
        "  ",
    );
    if detail || shows_status_reasons(report) {
        for reason in &report.status_reasons {
            wrap_into(&mut out, reason, "  - ", "    ");
        }
    }
    if report.status == Status::Covered {
        // Said once here, not after every right it explains.
        let line = if detail {
            &w.status_explains_below
        } else {
            &w.status_brief
        };
        wrap_into(&mut out, line, "  ", "  ");
    }

    if !outline.actions.is_empty() {
        section(&mut out, s, &w.first);
        for (n, (f, d)) in outline.actions.iter().enumerate() {
            let when = capitalised(&date_phrase(w, "deadline", *d, report.as_of));
            let colour = if *d < report.as_of { s.red } else { s.yellow };
            wrap_into(
                &mut out,
                &format!("{colour}{}{when}{}", s.bold, s.reset),
                &format!("  {}. ", n.saturating_add(1)),
                "     ",
            );
            wrap_into(&mut out, &f.title, "     ", "     ");
            guides(&mut out, w, f, "     ");
        }
    }

    if detail {
        details(&mut out, s, w, report, &outline);
    } else {
        brief(&mut out, s, w, report, &outline);
    }

    let open = report
        .findings
        .iter()
        .any(|f| f.outcome == Outcome::Undetermined);
    if open || !report.questions.is_empty() {
        section(&mut out, s, &w.still_need);
        for q in &report.questions {
            wrap_into(&mut out, &q.question, "  ? ", "    ");
            wrap_into(
                &mut out,
                &format!("{}({}: {}){}", s.dim, w.decides, w.decides(q), s.reset),
                "    ",
                "    ",
            );
        }
    }

    if detail {
        listed(
            &mut out,
            s,
            w,
            report,
            Outcome::DoesNotApply,
            &w.does_not_apply,
            "  - ",
            &format!("      {}", w.because),
        );
    } else {
        not_applying(&mut out, s, w, &outline);
    }
    listed_not_assessed(&mut out, s, w, &outline, detail);

    if !report.assumptions.is_empty() {
        section(&mut out, s, &w.assumptions);
        for a in &report.assumptions {
            wrap_into(&mut out, a, "  - ", "    ");
        }
    }

    out.push('\n');
    wrap_into(&mut out, &report.disclaimer, "", "");
    let _ = writeln!(
        out,
        "{}{}{}{}",
        s.dim, w.rules, report.rules_version, s.reset
    );
    out
}

/// Where to go, and what happens if it is missed, under a provision.
fn guides(out: &mut String, w: &TextWords, f: &Finding, indent: &str) {
    for (label, guide) in [(&w.where_to, &f.where_to), (&w.if_missed, &f.if_missed)] {
        if let Some(g) = guide {
            wrap_into(out, &format!("{label}{}", g.text), indent, indent);
        }
    }
}

/// The short report's provisions, one line each: what you may do, must
/// do (the duties the actions above do not name, with where to go and
/// what happens otherwise), have done and should know.
fn brief(out: &mut String, s: &Style, w: &TextWords, report: &Report, outline: &Outline<'_>) {
    let as_of = report.as_of;
    let list = |out: &mut String, heading: &str, found: &[&Finding], mark: &str, colour: &str| {
        if found.is_empty() {
            return;
        }
        section(out, s, heading);
        for f in found {
            one_liner(out, s, w, f, mark, colour, as_of);
            if f.met != Some(true) {
                guides(out, w, f, "    ");
            }
            if f.met == Some(true) {
                wrap_into(out, &w.done_note, "    ", "    ");
            }
        }
        for (mark, advice) in legend(w, found) {
            wrap_into(
                out,
                &format!("{}{mark} {advice}{}", s.dim, s.reset),
                "  ",
                "    ",
            );
        }
    };
    list(out, &w.may_do, &outline.may, "+", s.green);
    let must = outline.must_besides_actions();
    list(out, &w.must_do, &must, "!", s.yellow);
    list(out, &w.already_done, &outline.done, "v", s.green);
    list(out, &w.good_to_know, &outline.know, "i", "");
}

/// A provision in one line (wrapped when long): its title, its dates and
/// its source, marked when not fully verified.
fn one_liner(
    out: &mut String,
    s: &Style,
    w: &TextWords,
    f: &Finding,
    mark: &str,
    colour: &str,
    as_of: chrono::NaiveDate,
) {
    let line = OneLine::of(w, f, as_of);
    let dates = if line.dates.is_empty() {
        String::new()
    } else {
        format!(" ({})", line.dates)
    };
    wrap_into(
        out,
        &format!(
            "{colour}{mark}{} {}{}{}{dates}. {}{}{}{}",
            s.reset, s.bold, line.title, s.reset, s.dim, line.citation, line.mark, s.reset
        ),
        "  ",
        "    ",
    );
}

/// The full report's provisions: each with its summary, reasons, caveats,
/// source, link and rule id.
fn details(out: &mut String, s: &Style, w: &TextWords, report: &Report, outline: &Outline<'_>) {
    if !outline.may.is_empty() {
        section(out, s, &w.may_do);
        for f in &outline.may {
            finding(out, s, w, f, "+", s.green, report);
        }
    }
    if !outline.must.is_empty() {
        section(out, s, &w.must_do);
        for f in &outline.must {
            finding(out, s, w, f, "!", s.yellow, report);
        }
    }
    if !outline.done.is_empty() {
        section(out, s, &w.already_done);
        for f in &outline.done {
            let _ = writeln!(out);
            wrap_into(
                out,
                &format!("{}v{} {}{}{}", s.green, s.reset, s.bold, f.title, s.reset),
                "  ",
                "    ",
            );
            wrap_into(out, &w.done_note, "    ", "    ");
            source_lines(out, s, w, f);
        }
    }
    if !outline.know.is_empty() {
        section(out, s, &w.good_to_know);
        for f in &outline.know {
            finding(out, s, w, f, "i", "", report);
        }
    }
}

/// What does not apply, by title: those the status alone rules out as one
/// group under one sentence, then the others.
fn not_applying(out: &mut String, s: &Style, w: &TextWords, outline: &Outline<'_>) {
    if outline.by_status.is_empty() && outline.not_applying.is_empty() {
        return;
    }
    section(out, s, &w.does_not_apply_brief);
    if !outline.by_status.is_empty() {
        wrap_into(out, &w.ruled_out_by_status, "  ", "  ");
        for f in &outline.by_status {
            wrap_into(out, &f.title, "    - ", "      ");
        }
        if !outline.not_applying.is_empty() {
            wrap_into(out, &w.html.other_reasons, "  ", "  ");
        }
    }
    let (lead, rest) = if outline.by_status.is_empty() {
        ("  - ", "    ")
    } else {
        ("    - ", "      ")
    };
    for f in &outline.not_applying {
        wrap_into(out, &f.title, lead, rest);
    }
}

/// Provisions of years the pack does not encode, with the reasons that
/// name the act that applied then (the rule ids only in `detail`).
fn listed_not_assessed(
    out: &mut String,
    s: &Style,
    w: &TextWords,
    outline: &Outline<'_>,
    detail: bool,
) {
    if outline.not_assessed.is_empty() {
        return;
    }
    section(out, s, &w.not_assessed);
    for f in &outline.not_assessed {
        let title = if detail {
            format!("{} [{}]", f.title, f.rule)
        } else {
            f.title.clone()
        };
        wrap_into(out, &title, "  ? ", "    ");
        for b in &f.because {
            wrap_into(out, b, "      ", "      ");
        }
    }
}

/// The findings with one outcome under a heading: title, id and reasons.
#[allow(
    clippy::too_many_arguments,
    reason = "a section is its words, its outcome and its marks"
)]
fn listed(
    out: &mut String,
    s: &Style,
    w: &TextWords,
    report: &Report,
    outcome: Outcome,
    heading: &str,
    mark: &str,
    lead: &str,
) {
    let found: Vec<&Finding> = report
        .findings
        .iter()
        .filter(|f| f.outcome == outcome)
        .collect();
    if found.is_empty() {
        return;
    }
    section(out, s, heading);
    // Provisions that the status alone rules out are one group under one
    // reason, not each with the same line.
    let by_status = [w.status_reasons_above.to_owned()];
    let all_reasons: Vec<Vec<String>> = found
        .iter()
        .map(|f| reasons(w, f, &report.status_reasons))
        .collect();
    let grouped = all_reasons.iter().filter(|r| **r == by_status).count() > 1;
    if grouped {
        wrap_into(out, &w.ruled_out_by_status, "  ", "  ");
    }
    let entries = found.iter().zip(&all_reasons);
    for (f, _) in entries.clone().filter(|(_, r)| grouped && **r == by_status) {
        let line = format!("{} [{}]", f.title, f.rule);
        wrap_into(out, &line, "    - ", "      ");
    }
    for (f, because) in entries.filter(|(_, r)| !grouped || **r != by_status) {
        wrap_into(out, &format!("{} [{}]", f.title, f.rule), mark, "    ");
        for b in because {
            wrap_into(out, b, lead, "      ");
        }
    }
}

fn section(out: &mut String, s: &Style, title: &str) {
    let _ = write!(out, "\n{}{title}{}\n", s.bold, s.reset);
}

fn finding(
    out: &mut String,
    s: &Style,
    w: &TextWords,
    f: &Finding,
    mark: &str,
    colour: &str,
    report: &Report,
) {
    let (shown, as_of) = (&report.status_reasons, report.as_of);
    let dates: Vec<String> = f
        .dates
        .iter()
        .map(|(name, d)| date_phrase(w, name, *d, as_of))
        .collect();
    let head = if dates.is_empty() {
        f.title.clone()
    } else {
        format!("{} ({})", f.title, dates.join("; "))
    };
    let _ = writeln!(out);
    wrap_into(
        out,
        &format!("{colour}{mark}{} {}{head}{}", s.reset, s.bold, s.reset),
        "  ",
        "    ",
    );
    wrap_into(out, &f.summary, "    ", "    ");
    for b in reasons(w, f, shown) {
        wrap_into(out, &b, &format!("      {}", w.because), "      ");
    }
    if let Some(link) = hierarchy(w, f, report) {
        wrap_into(out, &format!("{}{link}{}", s.dim, s.reset), "    ", "    ");
    }
    if let Some(t) = &f.tension {
        wrap_into(out, &format!("{}{t}", w.note), "    ", "    ");
    }
    if matches!(
        f.confidence,
        Some(Confidence::PartlyVerified | Confidence::Unverified)
    ) {
        let how = if f.confidence == Some(Confidence::Unverified) {
            &w.unverified
        } else {
            &w.partly_verified
        };
        wrap_into(
            out,
            &format!("{}({how}){}", s.yellow, s.reset),
            "    ",
            "    ",
        );
    }
    guides(out, w, f, "    ");
    source_lines(out, s, w, f);
    guide_sources(out, s, w, f);
}

/// The pages the pack has where to go and what if missed from, each on a
/// line of its own, as the source's link is.
fn guide_sources(out: &mut String, s: &Style, w: &TextWords, f: &Finding) {
    let mut urls: Vec<&str> = Vec::new();
    for g in [&f.where_to, &f.if_missed].into_iter().flatten() {
        for url in &g.sources {
            if !urls.contains(&url.as_str()) {
                urls.push(url);
            }
        }
    }
    if urls.is_empty() {
        return;
    }
    wrap_into(
        out,
        &format!("{}{}{}", s.dim, w.guide_sources, s.reset),
        "    ",
        "    ",
    );
    for url in urls {
        wrap_into(
            out,
            &format!("{}{url}{}", s.dim, s.reset),
            "      ",
            "      ",
        );
    }
}

/// The source of a finding, and its link when the pack has one.
fn source_lines(out: &mut String, s: &Style, w: &TextWords, f: &Finding) {
    wrap_into(
        out,
        &format!(
            "{}{}{} [{}]{}",
            s.dim,
            w.source,
            cite_in(&f.source, w),
            f.rule,
            s.reset
        ),
        "    ",
        "    ",
    );
    if let Some(url) = &f.source.url {
        // A link is one word: wrapping never breaks it, so it gets a line
        // of its own, where a long one may pass the 80th column.
        wrap_into(
            out,
            &format!("{}{}{}", s.dim, w.read_it, s.reset),
            "    ",
            "    ",
        );
        wrap_into(
            out,
            &format!("{}{url}{}", s.dim, s.reset),
            "      ",
            "      ",
        );
    }
}

/// A finding's reasons, less those the status section already gave (the
/// text report would otherwise repeat the worker definition under every
/// rule); a pointer to the status stands in for them.
fn reasons(w: &TextWords, f: &Finding, shown: &[String]) -> Vec<String> {
    let own: Vec<String> = f
        .because
        .iter()
        .filter(|b| !shown.contains(b))
        .cloned()
        .collect();
    // A provision that applies for the status alone is covered by the
    // line under the status; elsewhere the status reasons are pointed to
    // only when they are all there is.
    let status_only = own.is_empty() && f.because.iter().any(|b| shown.contains(b));
    if status_only && f.outcome != Outcome::Applies {
        return vec![w.status_reasons_above.to_owned()];
    }
    own
}

/// Where a national rule stands under the Treaty: "National rule,
/// implementing “Stay for the term of your contract”", by the titles the
/// reader saw above.
fn hierarchy(w: &TextWords, f: &Finding, report: &Report) -> Option<String> {
    // The Treaty rule by its title, as the reader saw it above.
    let named = |ids: &[String]| {
        ids.iter()
            .map(|id| {
                let title = report
                    .findings
                    .iter()
                    .find(|g| &g.rule == id)
                    .map_or(id.as_str(), |g| g.title.as_str());
                format!("{}{title}{}", w.quotes.0, w.quotes.1)
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut parts = Vec::new();
    if !f.implements.is_empty() {
        parts.push(format!("{} {}", w.implementing, named(&f.implements)));
    }
    if !f.limits.is_empty() {
        parts.push(format!("{} {}", w.limiting, named(&f.limits)));
    }
    (!parts.is_empty()).then(|| format!("{}, {}", w.national_rule, parts.join("; ")))
}

/// A date's name in words: "until", "by", "ended on" (a name the language
/// has no word for is shown as it is).
pub(crate) fn date_word<'a>(w: &'a TextWords, name: &'a str) -> &'a str {
    match name {
        "until" => &w.until,
        "deadline" => &w.by,
        "ended" => &w.ended_on,
        other => other,
    }
}

/// A finding's date for the reader: "by Monday 30 March 2026, in 10
/// days"; a deadline or an end gone by "already passed 16 days ago" (a
/// date that names a past event, "ended", is not a deadline).
pub(crate) fn date_phrase(w: &TextWords, name: &str, d: NaiveDate, as_of: NaiveDate) -> String {
    let when = w.dates.relative(d, as_of);
    let when = if d < as_of && name != "ended" {
        format!("{} {when}", w.already_passed)
    } else {
        when
    };
    format!("{} {}, {when}", date_word(w, name), w.dates.long(d))
}

/// A phrase with its first letter in capitals, to open a line.
pub(crate) fn capitalised(phrase: &str) -> String {
    let mut chars = phrase.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The check advice for a finding that is not fully verified, as a
/// sentence: "Partly verified: check with a lawyer or the migration
/// service."
pub(crate) fn advice(w: &TextWords, confidence: Option<Confidence>) -> Option<String> {
    let how = match confidence {
        Some(Confidence::PartlyVerified) => &w.partly_verified,
        Some(Confidence::Unverified) => &w.unverified,
        Some(Confidence::Verified) | None => return None,
    };
    Some(format!("{}.", capitalised(how)))
}

/// "Treaty on the Eurasian Economic Union, Art. 97(4)".
pub fn cite(source: &Source) -> String {
    cite_in(source, Lang::En.text_words())
}

/// A source cited in the words of a language.
pub fn cite_in(source: &Source, w: &TextWords) -> String {
    w.cite(source)
}

/// Appends `text` word-wrapped to 80 columns; escape codes take no width.
pub(crate) fn wrap_into(out: &mut String, text: &str, first: &str, rest: &str) {
    let mut line = String::from(first);
    let mut width = visible_len(first);
    let mut empty = true;
    // Only ASCII white space breaks a line: a no-break space keeps "10 days"
    // and "2026 г." together.
    for word in text
        .split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
    {
        let w = visible_len(word);
        if !empty && width + 1 + w > WIDTH {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(rest);
            width = visible_len(rest);
            empty = true;
        }
        if !empty {
            line.push(' ');
            width += 1;
        }
        line.push_str(word);
        width += w;
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

fn visible_len(s: &str) -> usize {
    let mut n = 0;
    let mut in_escape = false;
    for c in s.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, _) => n += 1,
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_80_columns_ignoring_escapes() {
        let mut out = String::new();
        let text = "word ".repeat(40);
        wrap_into(&mut out, &format!("\x1b[1m{text}\x1b[0m"), "  - ", "    ");
        for line in out.lines() {
            assert!(visible_len(line) <= WIDTH, "{line:?}");
        }
        assert!(out.lines().count() > 2);
    }

    #[test]
    fn cites_article_and_paragraph() {
        let s = Source {
            instrument: "Treaty".into(),
            article: Some("97".into()),
            paragraph: Some("4".into()),
            url: None,
            date: None,
        };
        assert_eq!(cite(&s), "Treaty, Art. 97(4)");
        let range = Source {
            paragraph: Some("1-2".into()),
            ..s
        };
        assert_eq!(cite(&range), "Treaty, Art. 97(1)-(2)");
    }

    #[test]
    fn cites_in_russian() {
        let ru = Lang::Ru.text_words();
        let s = Source {
            instrument: "Договор".into(),
            article: Some("97".into()),
            paragraph: Some("4".into()),
            url: None,
            date: None,
        };
        assert_eq!(cite_in(&s, ru), "Договор, ст. 97, п. 4");
        let range = Source {
            paragraph: Some("1-2".into()),
            ..s.clone()
        };
        assert_eq!(cite_in(&range, ru), "Договор, ст. 97, пп. 1-2");
        let article_only = Source {
            paragraph: None,
            ..s.clone()
        };
        assert_eq!(cite_in(&article_only, ru), "Договор, ст. 97");
        let paragraph_only = Source { article: None, ..s };
        assert_eq!(cite_in(&paragraph_only, ru), "Договор, п. 4");
        assert_eq!(cite(&paragraph_only), "Договор, para. 4");
    }
}
