//! Golden tests: every profile in `fixtures/` is run through the real binary
//! (`check --profile FILE`), and its JSON and text reports are compared with
//! the snapshots in `tests/snapshots/`.
//!
//! A snapshot is a legal statement about a person: review each change as a
//! lawyer would before accepting it (`INSTA_UPDATE=always cargo test --test
//! fixtures`, or `cargo insta review`). The pack's content hash is redacted
//! from `rules_version`, so a change to one rule shows up only in the
//! snapshots whose wording it changes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic
)]

use std::path::Path;
use std::process::Command;

mod ical;

/// The fixed "today" of every run; fixtures all give their own `as_of`, so it
/// shows nowhere unless a fixture loses its `as_of`.
const TODAY: &str = "2026-11-26";

/// Runs `check --profile PATH --format FORMAT` and returns its stdout.
fn check(path: &Path, format: &str) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_eaeu-rights"))
        .env("LANG", "C")
        .args(["check", "--profile"])
        .arg(path)
        .args(["--format", format])
        .env("NO_COLOR", "1")
        .env("EAEU_RIGHTS_TODAY", TODAY)
        .output()
        .expect("run eaeu-rights");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}: exit code; stderr:\n{stderr}",
        path.display()
    );
    assert!(stderr.is_empty(), "{}: stderr:\n{stderr}", path.display());
    String::from_utf8(out.stdout).expect("UTF-8 report")
}

/// Replaces the pack's content hash (`sha256:` and hex digits) with `[hash]`.
fn redact_hash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let (before, after) = rest.split_at(i + "sha256:".len());
        out.push_str(before);
        let hex = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        out.push_str(if hex > 0 { "[hash]" } else { "" });
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

fn fixture_id(path: &Path) -> String {
    path.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn json_reports() {
    insta::glob!("../fixtures", "*.json", |path| {
        let out = check(path, "json");
        let report: serde_json::Value = serde_json::from_str(&out).expect("JSON report");
        // The report echoes the profile's id, which names the fixture.
        assert_eq!(report["profile_id"], fixture_id(path).as_str());
        // Every default used is listed; fixtures set `as_of`, so "today" is
        // never assumed.
        let assumptions = report["assumptions"].as_array().unwrap();
        assert!(
            assumptions
                .iter()
                .all(|a| !a.as_str().unwrap().contains("as of today")),
            "{}: {assumptions:?}",
            path.display()
        );
        insta::assert_snapshot!(redact_hash(&out));
    });
}

#[test]
fn text_reports() {
    insta::glob!("../fixtures", "*.json", |path| {
        let out = check(path, "text");
        for line in out.lines() {
            // A link cannot be broken; it stands alone on its line.
            let link = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
            assert!(
                link || line.chars().count() <= 80,
                "{}: line longer than 80 columns: {line:?}",
                path.display()
            );
            assert!(!line.contains('\x1b'), "{}: escape code", path.display());
        }
        insta::assert_snapshot!(redact_hash(&out));
    });
}

/// The Markdown report (issue 11, item 4): a CommonMark parser finds one
/// title, then the sections, and no raw HTML (every text is escaped).
#[test]
fn markdown_reports() {
    use pulldown_cmark::{Event, HeadingLevel, Parser, Tag};
    insta::glob!("../fixtures", "*.json", |path| {
        let out = check(path, "markdown");
        let mut titles = 0;
        let mut sections = Vec::new();
        let mut in_section = false;
        let mut heading = String::new();
        for event in Parser::new(&out) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    titles += usize::from(level == HeadingLevel::H1);
                    in_section = level == HeadingLevel::H2;
                    heading.clear();
                }
                Event::Text(t) if in_section => heading.push_str(&t),
                Event::End(pulldown_cmark::TagEnd::Heading(HeadingLevel::H2)) => {
                    sections.push(std::mem::take(&mut heading));
                    in_section = false;
                }
                Event::Html(h) | Event::InlineHtml(h) => {
                    panic!("{}: raw HTML {h:?}", path.display())
                }
                _ => {}
            }
        }
        assert_eq!(titles, 1, "{}: one title", path.display());
        assert_eq!(sections.first().map(String::as_str), Some("Status"));
        assert!(
            out.contains("\n---\n\nThis report is information, not legal advice"),
            "{}: the disclaimer",
            path.display()
        );
        insta::assert_snapshot!(redact_hash(&out));
    });
}

/// The calendar (issue 11, item 4): an iCalendar parser reads it; every
/// event is an all-day date on or after the assessment date, with a
/// reminder. The snapshot shows LF for CRLF (`ical::parse` checks CRLF).
#[test]
fn ics_reports() {
    insta::glob!("../fixtures", "*.json", |path| {
        let out = check(path, "ics");
        let events = ical::parse(&out);
        let profile: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let as_of = profile["as_of"].as_str().unwrap();
        let as_of = chrono::NaiveDate::parse_from_str(as_of, "%Y-%m-%d").unwrap();
        for e in &events {
            assert!(e.start >= as_of, "{}: {e:#?}", path.display());
            assert_eq!(e.alarms.len(), 1, "{}: {e:#?}", path.display());
            // What the date is, and where it comes from.
            assert!(
                e.summary.ends_with(&format!(" {})", e.start)),
                "{}: {e:#?}",
                path.display()
            );
            assert!(e.description.contains("\n\nSource: "), "{e:#?}");
            assert!(
                e.url.as_deref().is_none_or(|u| u.starts_with("https://")),
                "{e:#?}"
            );
            assert!(
                e.uid
                    .ends_with(&format!("-{}@eaeu-rights", fixture_id(path))),
                "{}: {}",
                path.display(),
                e.uid
            );
        }
        insta::assert_snapshot!(out.replace("\r\n", "\n"));
    });
}

/// The fixture set is what the issues ask for: enough profiles, each a named
/// person with an explicit assessment date, and each valid.
#[test]
fn every_fixture_has_an_id_matching_its_file_and_an_explicit_as_of() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        count += 1;
        let text = std::fs::read_to_string(&path).unwrap();
        let profile: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            profile["id"],
            fixture_id(&path).as_str(),
            "{}: `id` must be the file name",
            path.display()
        );
        assert!(
            profile["as_of"].is_string(),
            "{}: `as_of` must be explicit",
            path.display()
        );
        assert!(
            profile.get("citizenship").is_some(),
            "{}: `citizenship` is required",
            path.display()
        );
    }
    assert!(count >= 22, "only {count} fixtures in {}", dir.display());
}

#[test]
fn redaction_replaces_only_the_hash() {
    assert_eq!(
        redact_hash("Rules: eaeu-kz 0.1.0+sha256:72d7d66e90b83b76\n"),
        "Rules: eaeu-kz 0.1.0+sha256:[hash]\n"
    );
    assert_eq!(
        redact_hash("\"rules_version\": \"x+sha256:0a\", sha256: no"),
        "\"rules_version\": \"x+sha256:[hash]\", sha256: no"
    );
}
