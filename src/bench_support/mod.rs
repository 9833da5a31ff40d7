//! Support for the benchmarks and the differential tests that guard them:
//! the profile generator of `bench-spec.md`, the hand-written baseline, and
//! the converter from `batch --format compact` lines to bench-spec's lines.
//!
//! Not part of the library's API (hidden from the docs); it lives in the
//! crate so that `benches/` and `tests/` share one copy.

pub mod gen;
pub mod handwritten;

use handwritten::{write_spec_line, SpecResult, RULE_IDS};

use crate::rules::PackErrors;

/// The bench rule set of `bench-spec.md` in our rule format (`benches/pack/`).
pub fn bench_pack() -> Result<RulePack, PackErrors> {
    crate::rules::load_dir(std::path::Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/pack"
    )))
}

/// The fixed "today" of the benchmarks and their tests, so runs repeat.
pub fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 26).unwrap_or_default()
}

/// The profiles of NDJSON `text` that the profile contract accepts (the
/// generator writes a few contradictory ones on purpose), read with
/// `today()` and the benchmark pack's default host state.
pub fn accepted_profiles(text: &str) -> Vec<crate::profile::WorkerProfile> {
    let defaults = crate::profile::Defaults::new(today(), Some(crate::country::Country::KZ));
    text.lines()
        .filter_map(|l| crate::profile::WorkerProfile::from_json(l, defaults).ok())
        .collect()
}

/// An array of `n` profiles, one per line, each with a bad country code:
/// as many errors to locate in one file as there are profiles.
pub fn invalid_array(n: usize) -> String {
    let mut text = String::from("[\n");
    for i in 0..n {
        let sep = if i.saturating_add(1) < n { "," } else { "" };
        text.push_str(&format!(
            "  {{\"id\": \"p{i}\", \"citizenship\": [\"XX\"]}}{sep}\n"
        ));
    }
    text.push_str("]\n");
    text
}

/// The id of bench-spec rule `name` in `benches/pack/` (`no_work_permit` is
/// `bench.no-work-permit`: pack rule ids are dotted words of a-z, 0-9 and -).
pub fn pack_rule_id(name: &str) -> String {
    format!("bench.{}", name.replace('_', "-"))
}

/// Why a compact line could not be converted.
#[derive(Debug, thiserror::Error)]
pub enum ConvertError {
    /// Not JSON.
    #[error("not JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// An error record, or a line of another shape.
    #[error("not a compact result line: {0}")]
    Shape(String),
}

/// Converts one line of `batch --rules benches/pack --format compact` into
/// bench-spec's output line: the two carry the same information.
pub fn compact_to_spec(line: &str) -> Result<String, ConvertError> {
    let v: serde_json::Value = serde_json::from_str(line)?;
    let shape = || ConvertError::Shape(line.to_owned());
    if v.get("error").is_some() {
        return Err(shape());
    }
    let applies = v
        .get("applies")
        .and_then(|a| a.as_array())
        .ok_or_else(shape)?;
    let mut r = SpecResult::default();
    for id in applies {
        let id = id.as_str().ok_or_else(shape)?;
        let bit = RULE_IDS
            .iter()
            .position(|name| pack_rule_id(name) == id)
            .ok_or_else(shape)?;
        r.applies |= 1 << bit;
    }
    let date = |rule: &str, name: &str| -> Result<Option<chrono::NaiveDate>, ConvertError> {
        match v
            .get("dates")
            .and_then(|d| d.get(pack_rule_id(rule)))
            .and_then(|d| d.get(name))
        {
            None => Ok(None),
            Some(d) => d
                .as_str()
                .and_then(|s| s.parse().ok())
                .map(Some)
                .ok_or_else(shape),
        }
    };
    r.registration_deadline = date("registration_exempt", "deadline")?;
    r.stay_until = date("stay_until_contract_end", "until")?;
    r.new_contract_deadline = date("new_contract_window", "deadline")?;
    let id = match v.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.as_str()),
        Some(serde_json::Value::Null) | None => None,
        Some(_) => return Err(shape()),
    };
    let mut out = Vec::new();
    write_spec_line(&mut out, id, &r);
    String::from_utf8(out).map_err(|_| shape())
}

use crate::batch::pipeline::{self, Input, Item, Options, Output, Tally, Work};
use crate::batch::{options_for, BatchFormat, Records, StreamSink};
use crate::engine::RulePack;

/// `batch --format compact` over NDJSON text in memory, written to `out`:
/// the same pipeline, work and sink as the command, without the process.
pub fn compact_stream<W: std::io::Write + Send>(
    pack: &RulePack,
    input: &'static [u8],
    out: W,
    jobs: usize,
    today: chrono::NaiveDate,
) -> std::io::Result<Tally> {
    let work = Records {
        pack,
        format: BatchFormat::Compact,
        lang: crate::report::Lang::En,
        defaults: pack.profile_defaults(today),
        as_of: None,
        side_files: false,
    };
    compact_pipeline(&work, input, out, jobs)
}

/// The hand-written baseline end to end: NDJSON in, bench-spec lines out,
/// through the same pipeline (reader, chunks, workers, writer) as `batch`.
pub fn handwritten_stream<W: std::io::Write + Send>(
    input: &'static [u8],
    out: W,
    jobs: usize,
) -> std::io::Result<Tally> {
    compact_pipeline(&HandWritten, input, out, jobs)
}

/// Runs `work` over NDJSON text in memory through `batch`'s pipeline, with
/// the compact format's chunking, writing to `out`.
fn compact_pipeline<K: pipeline::Work, W: std::io::Write + Send>(
    work: &K,
    input: &'static [u8],
    out: W,
    jobs: usize,
) -> std::io::Result<Tally>
where
    K::State: Send,
{
    let mut sink = StreamSink::new(out, BatchFormat::Compact, crate::report::Lang::En, None);
    let options = Options {
        jobs,
        ..options_for(BatchFormat::Compact, false)
    };
    let inputs = std::iter::once(Input::Lines {
        name: "bench".to_owned(),
        reader: Box::new(input),
    });
    pipeline::run(work, inputs, &mut sink, options)
}

/// The pipeline work of the hand-written baseline.
struct HandWritten;

impl Work for HandWritten {
    type State = ();

    fn state(&self) {}

    fn item(&self, (): &mut (), item: Item<'_>, out: &mut Output) {
        match item {
            Item::Blank => out.tally.blank = out.tally.blank.saturating_add(1),
            Item::Line { bytes, .. } | Item::Element { bytes, .. } => {
                let start = out.bytes.len();
                match handwritten::line(&mut out.bytes, bytes) {
                    Ok(()) => out.tally.evaluated = out.tally.evaluated.saturating_add(1),
                    Err(e) => {
                        out.bytes.truncate(start);
                        crate::report::compact::write_error_line(
                            &mut out.bytes,
                            None,
                            "",
                            &e.to_string(),
                        );
                        out.tally.invalid = out.tally.invalid.saturating_add(1);
                    }
                }
                out.bytes.push(b'\n');
            }
            Item::TooLong { .. } | Item::Whole(_) => {
                out.tally.invalid = out.tally.invalid.saturating_add(1);
            }
        }
    }
}
