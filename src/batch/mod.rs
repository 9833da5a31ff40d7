//! Batch evaluation: many profiles in, one output record per input record,
//! in input order. A bad record becomes an error record in its place; the
//! run goes on.
//!
//! The stages, each in its own module, data flowing one way:
//! - [`input`] turns paths into inputs: NDJSON streams, JSON files of one
//!   profile, JSON array files streamed element by element ([`array`]);
//! - [`pipeline`] reads them a chunk at a time and hands chunks to worker
//!   threads, restoring input order on the way out, so memory stays bounded
//!   whatever the input size;
//! - [`work`] evaluates each record and writes it in the chosen format
//!   ([`record`] for `ndjson` and `json`, [`summary`] for `summary`, the
//!   report's own compact writer for `compact`, which takes the engine's
//!   fast path: no sentences, no summaries);
//! - [`sink`] writes the ordered stream and the `--out` report files, which
//!   [`interrupt`] removes half-written if the run is stopped;
//! - [`words`] words what the run says besides its records (the tally, the
//!   summary format's counts and totals) in the run's language.
//!
//! The command line (`eaeu-rights batch`), the server's `/api/v1/batch` and
//! the benchmarks all drive this one pipeline.

pub mod array;
pub mod input;
pub mod interrupt;
pub mod pipeline;
pub mod record;
pub mod sink;
pub mod summary;
pub mod words;
pub mod work;

use std::path::Path;

use clap::ValueEnum;

pub use input::inputs;
pub use pipeline::Options;
pub use record::{header_record, record_schema};
pub use sink::StreamSink;
pub use work::Records;

/// Output formats of `batch`.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum BatchFormat {
    /// One JSON object per line: `{"source", "report"}` or `{"source", "error"}`.
    Ndjson,
    /// One JSON array of those objects.
    Json,
    /// One line per profile for people, then the totals.
    Summary,
    /// One short JSON line per profile, for analytics: `{"id", "status", "applies", "dates"}`, or `{"id", "source", "error"}` (fast: no explanations are built).
    Compact,
}

/// Chunk sizes for a format: full reports are large, compact lines small.
/// A compact chunk holds hundreds of lines (up to the 256 KiB of input that
/// closes a chunk): each hand-over between threads can cost a context
/// switch, and with 256-line chunks those took a tenth of the CPU. A chunk
/// that carries full reports, in the stream or as `--out` files
/// (`side_files`), holds [`FULL_REPORTS_PER_CHUNK`]: 1,024 reports of tens
/// of kilobytes each made a chunk tens of megabytes.
pub fn options_for(format: BatchFormat, side_files: bool) -> Options {
    let records = match format {
        BatchFormat::Compact | BatchFormat::Summary if !side_files => SHORT_RECORDS_PER_CHUNK,
        _ => FULL_REPORTS_PER_CHUNK,
    };
    Options {
        chunk_records: records,
        ..Options::default()
    }
}

/// Records per chunk when each carries a full report (`ndjson`, `json`,
/// or any format with `--out`).
pub const FULL_REPORTS_PER_CHUNK: usize = 32;

/// Records per chunk when each is a short line (`compact`, `summary`).
pub const SHORT_RECORDS_PER_CHUNK: usize = 1024;

/// A file that could not be read or written, with its path.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {}", crate::json::io_words(.source))]
pub struct PathError {
    /// The file (or `<stdout>`).
    pub path: String,
    /// What went wrong.
    #[source]
    pub source: std::io::Error,
}

impl PathError {
    /// The error `source` on the file at `path`.
    pub fn new(path: impl AsRef<Path>, source: std::io::Error) -> Self {
        PathError {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}
