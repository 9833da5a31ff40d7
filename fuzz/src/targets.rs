//! The fuzz targets' bodies: plain functions over bytes, so that the same
//! checks run under libFuzzer (`cargo +nightly fuzz run NAME`) and on stable
//! in `cargo test` (`tests/fuzz_harness.rs` includes this file).
//!
//! Each target panics only when an invariant is broken: a crash means a bug.

use std::sync::OnceLock;

use chrono::NaiveDate;
use eaeu_rights::engine::{self, Outcome, RulePack};
use eaeu_rights::profile::{RawProfile, WorkerProfile};
use eaeu_rights::rules::{self, SourceFile};

/// The fixed "today" of every target, so runs are reproducible.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

fn embedded() -> &'static RulePack {
    static PACK: OnceLock<RulePack> = OnceLock::new();
    PACK.get_or_init(|| match rules::embedded_pack() {
        Ok(p) => p,
        Err(e) => panic!("the embedded pack does not compile: {e}"),
    })
}

/// Messages must read as plain words: no Rust type names from serde.
fn assert_plain(message: &str) {
    assert!(!message.trim().is_empty(), "empty error message");
    // Only our own words count: user text is echoed between backticks.
    let own: String = message
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, s)| s)
        .collect();
    for word in [
        "struct ", "Raw", "sequence", "enum ", "Option", "i64", "u64", "usize",
    ] {
        assert!(
            !own.contains(word),
            "error message names a Rust type ({word}): {message}"
        );
    }
}

/// Profile parsing: bytes in, a profile or located errors out; a valid
/// profile written back as JSON reads back as the same facts.
pub fn profile_json(data: &[u8]) {
    let raw = match RawProfile::from_bytes(data) {
        Ok(raw) => raw,
        Err(e) => {
            for p in &e.problems {
                // In every language: the Fluent words too are plain.
                for lang in eaeu_rights::report::Lang::ALL {
                    assert_plain(&p.message.word(lang));
                }
                if let Some(loc) = p.location {
                    assert!(loc.line >= 1 && loc.column >= 1, "{loc:?}");
                }
            }
            let _ = e.to_string();
            return;
        }
    };
    let text = std::str::from_utf8(data).unwrap_or_default();
    match raw.validate(eaeu_rights::profile::Defaults::new(
        today(),
        Some(eaeu_rights::country::Country::KZ),
    )) {
        Ok(profile) => {
            let again = WorkerProfile::from_json(
                text,
                eaeu_rights::profile::Defaults::new(
                    today(),
                    Some(eaeu_rights::country::Country::KZ),
                ),
            );
            assert_eq!(again.as_ref().ok(), Some(&profile), "parsing twice differs");
            round_trip(&profile);
        }
        Err(e) => {
            for p in &e.problems {
                // In every language: the Fluent words too are plain.
                for lang in eaeu_rights::report::Lang::ALL {
                    assert_plain(&p.message.word(lang));
                }
            }
            let located = e.locate_in(text, &eaeu_rights::locate::JsonPath::root());
            let _ = located.to_string();
        }
    }
}

/// `to_json` then `from_json` gives the same facts.
fn round_trip(profile: &WorkerProfile) {
    let json = profile.to_json();
    match WorkerProfile::from_json(
        &json,
        eaeu_rights::profile::Defaults::new(today(), Some(eaeu_rights::country::Country::KZ)),
    ) {
        Ok(mut back) => {
            back.assumed = profile.assumed;
            assert_eq!(&back, profile, "round trip through {json}");
        }
        Err(e) => panic!("a valid profile written back does not read back: {json}: {e}"),
    }
}

/// Evaluation against the embedded pack: a profile from JSON when the bytes
/// are one, else decoded from the bytes; the explained and fast paths agree,
/// evaluation is deterministic, every applying finding is justified.
pub fn evaluate(data: &[u8]) {
    let profile = match RawProfile::from_bytes(data).and_then(|r| {
        r.validate(eaeu_rights::profile::Defaults::new(
            today(),
            Some(eaeu_rights::country::Country::KZ),
        ))
    }) {
        Ok(p) => p,
        Err(_) => match decode_profile(data) {
            Some(p) => p,
            None => return,
        },
    };
    check_evaluation(embedded(), &profile);
}

/// The invariants of one evaluation (also used by the property tests).
pub fn check_evaluation(pack: &RulePack, profile: &WorkerProfile) {
    let explained = engine::explain(pack, profile);
    let fast = engine::decide(pack, profile);
    assert_eq!(
        explained.status, fast.status,
        "status differs between paths"
    );
    assert_eq!(explained.results.len(), pack.len());
    for (e, f) in explained.results.iter().zip(&fast.results) {
        assert_eq!(e.outcome, f.outcome, "outcome differs between paths");
        assert_eq!(e.dates, f.dates, "dates differ between paths");
    }
    let report = eaeu_rights::report::build(pack, profile, &explained);
    assert_eq!(
        eaeu_rights::report::build(pack, profile, &engine::explain(pack, profile)),
        report,
        "evaluation is not deterministic"
    );
    for f in &report.findings {
        if f.outcome == Outcome::Applies {
            assert!(!f.because.is_empty(), "{} applies without a reason", f.rule);
            assert!(
                !f.source.instrument.trim().is_empty(),
                "{} applies without a source",
                f.rule
            );
        } else {
            assert!(
                f.dates.is_empty(),
                "{} has dates but does not apply",
                f.rule
            );
        }
    }
    let _ = eaeu_rights::report::text::render(&report, false);
    let _ = eaeu_rights::report::text::render(&report, true);
    assert!(serde_json::to_string(&report).is_ok());
}

/// Rule-pack loading: the bytes become an extra module of the embedded pack,
/// replace one of its files, or are a whole one-file pack. A pack that
/// compiles is evaluated over a few profiles and checked for conflicts.
pub fn rule_pack(data: &[u8]) {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest).into_owned();
    let mut files = rules::embedded_files();
    match mode % 3 {
        0 => files.push(SourceFile {
            path: "zz-fuzz.json".to_owned(),
            text,
        }),
        1 => {
            let i = usize::from(mode / 3) % files.len().max(1);
            if let Some(f) = files.get_mut(i) {
                f.text = text;
            }
        }
        _ => {
            files = vec![SourceFile {
                path: "pack.json".to_owned(),
                text,
            }]
        }
    }
    match rules::compile(&files) {
        Ok(pack) => {
            let profiles = rules::conflicts::generated(4);
            for p in &profiles {
                check_evaluation_loosely(&pack, &p.profile);
            }
            let _ = rules::conflicts::check(&pack, &files, &profiles);
        }
        Err(errors) => {
            for e in &errors.0 {
                assert_plain(&e.message.to_string());
                if let Some(loc) = e.location {
                    assert!(loc.line >= 1 && loc.column >= 1, "{loc:?} in {e}");
                }
            }
            let _ = errors.to_string();
        }
    }
}

/// For a fuzzed pack: the paths agree and nothing panics (a fuzzed rule may
/// lack a `because` by design, e.g. `"when": true`).
fn check_evaluation_loosely(pack: &RulePack, profile: &WorkerProfile) {
    let explained = engine::explain(pack, profile);
    let fast = engine::decide(pack, profile);
    assert_eq!(explained.status, fast.status);
    for (e, f) in explained.results.iter().zip(&fast.results) {
        assert_eq!(e.outcome, f.outcome);
    }
    let report = eaeu_rights::report::build(pack, profile, &explained);
    let _ = eaeu_rights::report::text::render(&report, false);
}

/// A valid profile chosen by the bytes (for inputs that are not JSON), so
/// the fuzzer explores evaluation rather than the JSON syntax.
pub fn decode_profile(data: &[u8]) -> Option<WorkerProfile> {
    let mut b = Bytes(data);
    let codes = [
        "KZ", "KG", "RU", "BY", "AM", "UZ", "TJ", "MD", "CU", "IR", "TM", "CN",
    ];
    let pick_code = |b: &mut Bytes| codes.get(usize::from(b.byte()) % codes.len()).copied();
    let date = |b: &mut Bytes, base: NaiveDate| {
        let back = i64::from(b.u16()) % 6000;
        eaeu_rights::dates::add_days(base, -back)
    };
    let mut raw = serde_json::Map::new();
    let n = usize::from(b.byte() % 4);
    let citizenship: Vec<String> = (0..n)
        .filter_map(|_| pick_code(&mut b).map(str::to_owned))
        .collect();
    raw.insert("citizenship".into(), citizenship.into());
    if b.byte() % 8 == 0 {
        raw.insert("host".into(), pick_code(&mut b)?.into());
    }
    let as_of = date(&mut b, NaiveDate::from_ymd_opt(2028, 12, 31)?)?;
    raw.insert("as_of".into(), as_of.to_string().into());
    let flags = b.byte();
    if flags & 1 != 0 {
        let back = i64::from(b.byte());
        let entry = eaeu_rights::dates::add_days(as_of, -back)?;
        raw.insert("entry_date".into(), entry.to_string().into());
    }
    let mut contract = serde_json::Map::new();
    if flags & 2 != 0 {
        let kind = ["employment", "civil_law", "none"][usize::from(b.byte() % 3)];
        contract.insert("kind".into(), kind.into());
    }
    if flags & 4 != 0 {
        let start = date(&mut b, as_of)?;
        contract.insert("start".into(), start.to_string().into());
        if flags & 8 != 0 {
            let end = eaeu_rights::dates::add_days(start, i64::from(b.u16()) % 1000)?;
            contract.insert("end".into(), end.to_string().into());
            if flags & 16 != 0 && start <= as_of {
                let t = eaeu_rights::dates::add_days(start, i64::from(b.byte()))?
                    .min(end)
                    .min(as_of);
                contract.insert("terminated_on".into(), t.to_string().into());
            }
        } else if flags & 16 != 0 {
            contract.insert("end".into(), serde_json::Value::Null);
        }
    }
    if !contract.is_empty() {
        raw.insert("contract".into(), contract.into());
    }
    if flags & 32 != 0 {
        let occ = [
            "pedagogical",
            "legal",
            "medical",
            "pharmaceutical",
            "construction",
        ][usize::from(b.byte() % 5)];
        raw.insert("occupation".into(), occ.into());
    }
    if flags & 64 != 0 {
        raw.insert("registered".into(), (b.byte() % 2 == 0).into());
    }
    if flags & 128 != 0 {
        raw.insert("permanent_resident".into(), (b.byte() % 4 == 0).into());
    }
    let members = b.byte() % 5;
    if members > 0 {
        let family: Vec<serde_json::Value> = (1..members)
            .map(|_| {
                let mut m = serde_json::Map::new();
                let f = b.byte();
                if f & 1 != 0 {
                    let r = ["child", "spouse", "parent", "sibling", "dependant", "other"]
                        [usize::from(b.byte() % 6)];
                    m.insert("relation".into(), r.into());
                }
                if f & 2 != 0 {
                    if let Some(d) = date(&mut b, as_of) {
                        m.insert("birth_date".into(), d.to_string().into());
                    }
                }
                if f & 4 != 0 {
                    let c: Vec<String> = pick_code(&mut b).map(str::to_owned).into_iter().collect();
                    m.insert("citizenship".into(), c.into());
                }
                m.into()
            })
            .collect();
        raw.insert("family".into(), family.into());
    }
    let text = serde_json::Value::Object(raw).to_string();
    WorkerProfile::from_json(
        &text,
        eaeu_rights::profile::Defaults::new(today(), Some(eaeu_rights::country::Country::KZ)),
    )
    .ok()
}

/// Reads bytes one at a time; zeros once they run out.
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn byte(&mut self) -> u8 {
        match self.0.split_first() {
            Some((&b, rest)) => {
                self.0 = rest;
                b
            }
            None => 0,
        }
    }

    fn u16(&mut self) -> u16 {
        u16::from_le_bytes([self.byte(), self.byte()])
    }
}

/// Case files (`eaeu-rights test`): bytes in, cases or located errors out.
/// Cases that load expect something (a case expecting nothing could never
/// fail), run twice with the same results, and every failure says what it
/// expected and what came; the coverage count runs over them.
pub fn case_file(data: &[u8]) {
    // `test` refuses a file that is not UTF-8 before parsing it.
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let pack = embedded();
    let cases = match eaeu_rights::cases::parse("fuzz.json", text, pack) {
        Ok(cases) => cases,
        Err(e) => {
            assert!(!e.0.is_empty(), "an error without a problem");
            for p in &e.0 {
                assert_plain(&p.message.to_string());
                if let Some(loc) = p.location {
                    assert!(loc.line >= 1 && loc.column >= 1, "{loc:?}");
                }
            }
            let _ = e.to_string();
            return;
        }
    };
    for case in &cases {
        let x = &case.expect;
        assert!(
            x.status.is_some()
                || !x.outcomes.is_empty()
                || !x.dates.is_empty()
                || !x.missing.is_empty()
                || !x.because_contains.is_empty()
                || !x.summary_contains.is_empty()
                || !x.met.is_empty(),
            "case {} expects nothing",
            case.name
        );
    }
    let first = eaeu_rights::cases::run(pack, &cases);
    let again = eaeu_rights::cases::run(pack, &cases);
    assert_eq!(first, again, "running the cases twice differs");
    assert_eq!(first.len(), cases.len());
    for result in &first {
        for f in &result.failures {
            assert!(
                !f.expected.trim().is_empty() && !f.actual.trim().is_empty(),
                "a failure of {} without what was expected or what came: {f:?}",
                result.name
            );
        }
    }
    let coverage = eaeu_rights::cases::coverage(pack, &cases);
    assert_eq!(coverage.len(), pack.len(), "coverage misses rules");
}
