//! `batch`: many profiles in, one output record per input record, in input
//! order. A bad record becomes an error record in its place; the run goes on.
//!
//! Records stream through [`pipeline`]: NDJSON is read a chunk at a time and
//! evaluated on `--jobs` threads, so memory stays bounded whatever the input
//! size. `--format compact` takes the engine's fast path (no sentences, no
//! summaries); the other formats build full reports.

pub mod array;
pub mod interrupt;
pub mod pipeline;

use std::collections::HashSet;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use super::{today, CliError, PackArgs, EXIT_INVALID_INPUT, EXIT_OK};
use crate::engine::ir::RuleKind;
use crate::engine::{self, Decider, Outcome, RulePack};
use crate::locate::{JsonPath, LineCol, Locator};
use crate::profile::{
    Defaults, InvalidProfile, RawProfile, WorkerProfile, MAX_PROFILE_BYTES, MAX_TEXT,
};
use crate::report::batch::{BatchReport, PackHeader};
use crate::report::{self, compact, Lang, Report, Status};
use pipeline::{Input, Item, Options, Output, SideFile, Sink, Tally, WholeRecord, Work};

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

#[derive(Debug, Args)]
#[command(
    after_help = "NDJSON input is streamed: memory stays bounded whatever its size. \
So are JSON array files, element by element. \
A line longer than --max-line bytes (1 MiB, the most a profile may be, by default and at most) \
becomes an error record for that line and the run goes on. Output is in input order whatever --jobs is."
)]
pub(crate) struct BatchArgs {
    /// Profile files (one profile or an array), directories (every *.json inside), NDJSON files (*.ndjson, *.jsonl) or `-` for NDJSON on stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BatchFormat::Ndjson)]
    format: BatchFormat,
    /// The reports' language [default: from LANG, else English].
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<Lang>,
    /// Also write one JSON report per profile into this directory.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Assess every profile as of this date (overrides the profiles' `as_of`).
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    /// Worker threads, at most 64 [default: all cores, at most 64].
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..=i64::from(pipeline::MAX_JOBS)))]
    jobs: Option<u16>,
    /// The longest NDJSON line accepted, in bytes, at most 1048576; a longer line becomes an error record.
    #[arg(long = "max-line", value_name = "BYTES", default_value_t = pipeline::DEFAULT_MAX_LINE as u64,
          value_parser = clap::value_parser!(u64).range(1..=pipeline::DEFAULT_MAX_LINE as u64))]
    max_line: u64,
    #[command(flatten)]
    pack: PackArgs,
}

pub(crate) fn run(args: BatchArgs) -> Result<u8, CliError> {
    let pack = args.pack.load()?;
    let today = today()?;
    let as_of = match &args.as_of {
        Some(d) => Some(
            crate::dates::parse_date(d).map_err(|e| CliError::Usage(format!("--as-of: {e}")))?,
        ),
        None => None,
    };
    if let Some(dir) = &args.out {
        std::fs::create_dir_all(dir).map_err(|e| CliError::io(dir, e))?;
    }
    let jobs = args.jobs.map_or_else(
        || {
            std::thread::available_parallelism()
                .map_or(1, |n| n.get())
                .min(usize::from(pipeline::MAX_JOBS))
        },
        usize::from,
    );
    let work = Records {
        pack: &pack,
        format: args.format,
        lang: super::lang_or_env(args.lang),
        defaults: pack.profile_defaults(today),
        as_of,
        side_files: args.out.is_some(),
    };
    let mut sink = StreamSink::new(std::io::stdout(), args.format, args.out.clone());
    if let Some(dir) = &args.out {
        // Ctrl-C or `kill` must not leave a half-written temporary file.
        sink.temps.watch().map_err(|e| CliError::io(dir, e))?;
    }
    if matches!(args.format, BatchFormat::Ndjson | BatchFormat::Json) {
        sink.header(&PackHeader::new(&pack, work.lang, work.defaults));
    }
    let inputs = args.paths.iter().flat_map(|p| expand(p)).map(open);
    let options = Options {
        jobs,
        // At most 1 MiB by the flag's range: the conversion cannot fail.
        max_line: usize::try_from(args.max_line).unwrap_or(pipeline::DEFAULT_MAX_LINE),
        ..options_for(args.format, args.out.is_some())
    };
    let result = pipeline::run(&work, inputs, &mut sink, options);
    let mut closed = false;
    let tally = match result {
        Ok(tally) => sink.finish(tally)?,
        Err(e) => match sink.failure.take() {
            Some(failure) => return Err(failure),
            None if e
                .get_ref()
                .is_some_and(|inner| inner.is::<pipeline::SpawnError>()) =>
            {
                return Err(CliError::Usage(e.to_string()))
            }
            // `| head` closed the pipe: stop, as `check` does, and say how
            // far the run got instead of tallying records never written.
            None if e.kind() == std::io::ErrorKind::BrokenPipe => {
                closed = true;
                sink.tally
            }
            None => return Err(CliError::io("<stdout>", e)),
        },
    };
    if closed {
        let written = tally.evaluated.saturating_add(tally.invalid);
        let count = match sink.cut {
            0 => format!("{written}"),
            cut => format!("between {written} and {}", written.saturating_add(cut)),
        };
        let _ = writeln!(
            std::io::stderr(),
            "batch: the output was closed, so the run stopped after writing {count} record(s); the records after them were not written"
        );
        return Ok(EXIT_OK);
    }
    let _ = writeln!(
        std::io::stderr(),
        "batch: {} record(s): {} evaluated ({} covered, {} not covered, {} undetermined), {} invalid{}",
        tally.evaluated.saturating_add(tally.invalid),
        tally.evaluated,
        tally.covered,
        tally.not_covered,
        tally.undetermined,
        tally.invalid,
        if tally.blank > 0 { format!(", {} blank line(s) skipped", tally.blank) } else { String::new() }
    );
    Ok(if tally.invalid > 0 {
        EXIT_INVALID_INPUT
    } else {
        EXIT_OK
    })
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

/// An input named on the command line.
enum Source {
    Ndjson(String),
    Json(String),
    Unreadable(String, String),
}

/// Expands a command-line path into inputs; an unreadable path is an error
/// record, and so is every `*.json` entry of a directory that is not a
/// file to read (a directory, a FIFO, a dangling or looping link).
fn expand(path: &str) -> Vec<Source> {
    use crate::files::Entry;
    if path == "-" {
        return vec![Source::Ndjson(path.to_owned())];
    }
    let p = Path::new(path);
    match crate::files::entry(p) {
        Entry::Dir => {}
        Entry::Broken(why) => return vec![Source::Unreadable(path.to_owned(), why)],
        // A FIFO named on the command line is read: it is how a shell
        // passes `<(command)`.
        Entry::File | Entry::Special(_) => {
            return match p.extension().and_then(|e| e.to_str()) {
                Some("ndjson" | "jsonl") => vec![Source::Ndjson(path.to_owned())],
                _ => vec![Source::Json(path.to_owned())],
            }
        }
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(p) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|f| f.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => {
            return vec![Source::Unreadable(
                path.to_owned(),
                crate::json::io_words(&e),
            )]
        }
    };
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.display().to_string();
            match crate::files::entry(&f) {
                Entry::File => Source::Json(name),
                Entry::Dir => Source::Unreadable(
                    name,
                    "a directory, not a file: batch reads the files directly inside a directory, not its subdirectories".to_owned(),
                ),
                // Reading a FIFO nobody writes to would wait for ever.
                Entry::Special(kind) => Source::Unreadable(
                    name,
                    format!("{kind}, not a regular file: name it on the command line to read it"),
                ),
                Entry::Broken(why) => Source::Unreadable(name, why),
            }
        })
        .collect()
}

/// Opens an input lazily, when the reader reaches it (files are opened one
/// at a time, in order).
fn open(source: Source) -> Input {
    match source {
        Source::Ndjson(path) if path == "-" => Input::Lines {
            name: "<stdin>".to_owned(),
            reader: Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
        },
        Source::Ndjson(path) => match std::fs::File::open(&path) {
            Ok(f) => Input::Lines {
                name: path,
                reader: Box::new(BufReader::with_capacity(1 << 16, f)),
            },
            Err(e) => unreadable(&path, &e.to_string()),
        },
        Source::Json(path) => json_file(&path),
        Source::Unreadable(path, why) => unreadable(&path, &why),
    }
}

fn unreadable(source: &str, why: &str) -> Input {
    Input::Records(vec![WholeRecord::Invalid {
        source: source.to_owned(),
        error: invalid(format!("cannot read: {why}")),
    }])
}

/// A profile problem with no position: the whole record is wrong.
pub(crate) fn invalid(message: String) -> InvalidProfile {
    InvalidProfile {
        problems: vec![crate::profile::Problem {
            path: JsonPath::root(),
            location: None,
            message,
        }],
    }
}

/// A JSON file: one profile, or an array of profiles, streamed element by
/// element (see [`array`]). A file of one profile is read whole, up to the
/// size a profile may be.
fn json_file(path: &str) -> Input {
    use std::io::{Seek, SeekFrom};
    let cannot_read = |e: std::io::Error| unreadable(path, &CliError::io(path, e).to_string());
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return cannot_read(e),
    };
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    // A regular file is read again after the check; the clone shares the
    // open file, so a file renamed in between is still the one read.
    let again = match size {
        Some(_) => file.try_clone().ok(),
        None => None,
    };
    let head = array::Head::new(Box::new(BufReader::with_capacity(1 << 16, file)));
    let stream = match head.start() {
        Ok(array::Start::Array(stream)) => stream,
        Ok(array::Start::Single(bytes)) => return Input::Records(single_file(path, bytes)),
        Err(e) => return cannot_read(e),
    };
    let (Some(size), Some(mut again)) = (size, again) else {
        // A pipe can be read only once: its elements stream as they come.
        return Input::Array {
            name: path.to_owned(),
            array: stream,
        };
    };
    match stream.check(true) {
        array::End::Done => {}
        // A small file that is not a sound array is read whole, as it
        // always was, for the error `check` would give for it.
        array::End::Failed(array::FileError::Json(_)) if size <= MAX_PROFILE_BYTES as u64 => {
            let mut bytes = Vec::new();
            return match again
                .seek(SeekFrom::Start(0))
                .and_then(|_| std::io::Read::read_to_end(&mut again, &mut bytes))
            {
                Ok(_) => Input::Records(single_file(path, bytes)),
                Err(e) => cannot_read(e),
            };
        }
        array::End::Failed(e) => return Input::Records(vec![file_error(path, e)]),
        array::End::Stopped => return Input::Records(Vec::new()),
    }
    if let Err(e) = again.seek(SeekFrom::Start(0)) {
        return cannot_read(e);
    }
    match array::Head::new(Box::new(BufReader::with_capacity(1 << 16, again))).start() {
        Ok(array::Start::Array(stream)) => Input::Array {
            name: path.to_owned(),
            array: stream,
        },
        Ok(array::Start::Single(_)) => unreadable(path, "the file changed while it was read"),
        Err(e) => cannot_read(e),
    }
}

/// A file that is not a sound array, read whole: one profile, or one
/// error record for the file.
fn single_file(path: &str, bytes: Vec<u8>) -> Vec<WholeRecord> {
    if bytes.len() > MAX_PROFILE_BYTES {
        return vec![WholeRecord::Invalid {
            source: path.to_owned(),
            error: invalid(format!(
                "the file is larger than {MAX_PROFILE_BYTES} bytes (1 MiB), the most a single profile may be: give many profiles as a JSON array or as NDJSON (one profile per line)"
            )),
        }];
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u64;
            return vec![file_error(path, array::FileError::NotUtf8(at))];
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str::<Vec<&RawValue>>(text) {
        // Each profile is read strictly on its own, as `check` does: a
        // duplicate key refuses that profile (with its line and column),
        // not the others. One locator places every element in one pass.
        Ok(elements) => {
            let locator = Locator::new(text);
            elements
                .iter()
                .enumerate()
                .map(|(i, element)| array_element(path, text, &locator, i, element))
                .collect()
        }
        Err(_) => match crate::json::parse_strict(text) {
            Ok(value) => vec![WholeRecord::Value {
                source: path.to_owned(),
                value,
                text: text.into(),
                start: LineCol { line: 1, column: 1 },
            }],
            Err(e) => vec![WholeRecord::Invalid {
                source: path.to_owned(),
                error: e.into(),
            }],
        },
    }
}

/// The error record of a file that could not be read as a whole.
pub(crate) fn file_error(path: &str, e: array::FileError) -> WholeRecord {
    let error = match e {
        array::FileError::Json(e) => e.into(),
        array::FileError::NotUtf8(at) => invalid(format!(
            "cannot read: {}",
            CliError::io(
                path,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidData,
                    format!("not UTF-8 text (invalid byte at offset {at})"),
                ),
            )
        )),
        array::FileError::Io(e) => invalid(format!("cannot read: {}", CliError::io(path, e))),
    };
    WholeRecord::Invalid {
        source: path.to_owned(),
        error,
    }
}

/// The error of an array element longer than a profile may be.
pub(crate) fn too_large_element(index: usize, start: LineCol, len: u64) -> InvalidProfile {
    InvalidProfile {
        problems: vec![crate::profile::Problem {
            path: JsonPath::root().index(index),
            location: Some(start),
            message: format!(
                "the profile is {len} bytes long: a single profile may be at most {MAX_PROFILE_BYTES} bytes (1 MiB)"
            ),
        }],
    }
}

/// Element `i` of the array in `text`, read strictly on its own.
fn array_element(
    path: &str,
    text: &str,
    locator: &Locator<'_>,
    i: usize,
    element: &RawValue,
) -> WholeRecord {
    let source = format!("{path}[{i}]");
    // The element borrows from `text`: its offset places it in the file.
    let offset = element
        .get()
        .as_ptr()
        .addr()
        .saturating_sub(text.as_ptr().addr());
    let start = locator.line_col(offset);
    match crate::json::parse_strict(element.get()) {
        Ok(value) => WholeRecord::Value {
            source,
            value,
            text: element.get().into(),
            start,
        },
        Err(mut e) => {
            e.location = e.location.map(|l| l.within(start));
            e.path = JsonPath(
                JsonPath::root()
                    .index(i)
                    .0
                    .into_iter()
                    .chain(e.path.0)
                    .collect(),
            );
            WholeRecord::Invalid {
                source,
                error: e.into(),
            }
        }
    }
}

/// One output record of the `ndjson` and `json` formats.
#[derive(Serialize, JsonSchema)]
#[schemars(
    title = "eaeu-rights batch record",
    description = "One record of `batch --format ndjson` (one per line) or `--format json` (an array of them): first the pack's texts that every report shares, then for each profile its report, or why it could not be read.",
    deny_unknown_fields,
    extend("oneOf" = [
        {"required": ["pack"], "not": {"anyOf": [{"required": ["source"]}, {"required": ["report"]}, {"required": ["error"]}]}},
        {"required": ["source", "report"], "not": {"required": ["error"]}},
        {"required": ["source", "error"], "not": {"required": ["report"]}}
    ])
)]
struct OutRecord<'a> {
    /// The texts every report of the run shares: only in the first record, which has no `source`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pack: Option<&'a PackHeader>,
    /// Where the profile came from: `file`, `file[3]` (an array element) or `file.ndjson:12` (a line).
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    /// The report, for a valid profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a BatchReport<'a>>,
    /// Why the profile was refused, for an invalid one.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorRecord>,
}

/// Why a record was refused.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ErrorRecord {
    /// Every problem, in one text.
    message: String,
    /// Each problem on its own.
    problems: Vec<ProblemRecord>,
}

/// One problem of a refused record.
#[derive(Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
struct ProblemRecord {
    /// The JSON path of the offending value in the profile; empty for the whole record.
    path: String,
    /// The line in the input, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    /// The column in the input, where known.
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    /// What was wrong and what was expected.
    message: String,
}

/// The JSON Schema (draft 2020-12) of one record of `batch --format ndjson`
/// (and of each element of `--format json`), as `schema batch` prints it.
pub(crate) fn record_schema() -> serde_json::Value {
    schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<OutRecord<'static>>()
        .to_value()
}

impl ErrorRecord {
    fn of(e: &InvalidProfile) -> Self {
        ErrorRecord {
            message: e.to_string(),
            problems: e
                .problems
                .iter()
                .map(|p| ProblemRecord {
                    path: if p.path.is_root() {
                        String::new()
                    } else {
                        p.path.to_string()
                    },
                    line: p.location.map(|l| l.line),
                    column: p.location.map(|l| l.column),
                    message: p.message.clone(),
                })
                .collect(),
        }
    }
}

/// Turns records into output in the chosen format (the pipeline's work).
pub struct Records<'p> {
    /// The compiled pack.
    pub pack: &'p RulePack,
    /// The output format.
    pub format: BatchFormat,
    /// The reports' language.
    pub lang: Lang,
    /// The defaults of a profile: today, and the pack's host state.
    pub defaults: Defaults,
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--out DIR` was given: produce a report file per profile.
    pub side_files: bool,
}

/// A worker's reusable state.
pub struct RecordsState<'p> {
    decider: Decider<'p>,
    compact: compact::Compact,
    /// Every NDJSON line is read into this one profile, reusing its buffers.
    profile: WorkerProfile,
    /// The pack's name, version and hash, which every full report repeats.
    rules_version: String,
}

impl<'p> Work for Records<'p> {
    type State = RecordsState<'p>;

    fn state(&self) -> Self::State {
        RecordsState {
            decider: Decider::new(self.pack),
            compact: compact::Compact::new(self.pack),
            profile: WorkerProfile::empty(self.defaults),
            rules_version: self.pack.version(),
        }
    }

    fn item(&self, state: &mut Self::State, item: Item<'_>, out: &mut Output) {
        let mut line_profile =
            std::mem::replace(&mut state.profile, WorkerProfile::empty(self.defaults));
        let (source, profile, text) = match item {
            Item::Blank => {
                out.tally.blank = out.tally.blank.saturating_add(1);
                return;
            }
            Item::Line { name, line, bytes } => {
                let read = line_profile.read_json_bytes(bytes, self.defaults, self.as_of);
                // The text is looked at again only for a refused line.
                let text = read
                    .is_err()
                    .then(|| std::str::from_utf8(bytes).ok())
                    .flatten();
                (
                    Lazy::Line(name, line),
                    read.map(|()| &line_profile),
                    text,
                )
            }
            Item::TooLong {
                name,
                line,
                len,
                max,
            } => (
                Lazy::Line(name, line),
                Err(invalid(format!(
                    "the line is {len} bytes long: at most {max} bytes are accepted per NDJSON line (--max-line)"
                ))),
                None,
            ),
            Item::Element {
                name,
                index,
                start,
                bytes,
            } => (
                Lazy::Element(name, index),
                self.element(bytes, index, start).map(|p| {
                    line_profile = p;
                    &line_profile
                }),
                None,
            ),
            Item::Whole(WholeRecord::Invalid { source, error }) => {
                (Lazy::Given(source), Err(error.clone()), None)
            }
            Item::Whole(WholeRecord::Value {
                source,
                value,
                text,
                start,
            }) => (
                Lazy::Given(source),
                self.profile_of(value.clone(), text, *start).map(|p| {
                    line_profile = p;
                    &line_profile
                }),
                None,
            ),
        };
        match profile {
            Ok(p) => self.valid(state, &source, p, out),
            Err(e) => {
                // A line that was read (it has a text) left its own id, if
                // any could be read, in the profile (see `read_json`).
                let read_id = text.and(line_profile.id.as_deref());
                self.refused(&source, text, read_id, &e, out);
            }
        }
        state.profile = line_profile;
    }
}

impl Records<'_> {
    /// A profile read as JSON, validated; problems are placed in the file
    /// whose `text` starts at `start`.
    fn profile_of(
        &self,
        value: serde_json::Value,
        text: &str,
        start: LineCol,
    ) -> Result<WorkerProfile, InvalidProfile> {
        RawProfile::from_value(value)
            .and_then(|mut raw| {
                if let Some(d) = self.as_of {
                    raw.as_of = Some(d.to_string());
                }
                raw.validate(self.defaults)
            })
            .map_err(|e| e.locate_at(text, start))
    }

    /// Element `index` of an array file, read strictly on its own, as
    /// [`array_element`] reads one from a whole text.
    fn element(
        &self,
        bytes: &[u8],
        index: usize,
        start: LineCol,
    ) -> Result<WorkerProfile, InvalidProfile> {
        // The reader checked the file's UTF-8; say so if that ever fails.
        let text = std::str::from_utf8(bytes)
            .map_err(|_| invalid("cannot read: not UTF-8 text".to_owned()))?;
        match crate::json::parse_strict(text) {
            Ok(value) => self.profile_of(value, text, start),
            Err(mut e) => {
                e.location = e.location.map(|l| l.within(start));
                e.path = JsonPath(
                    JsonPath::root()
                        .index(index)
                        .0
                        .into_iter()
                        .chain(e.path.0)
                        .collect(),
                );
                Err(e.into())
            }
        }
    }
}

/// A record's source, formatted only when printed.
enum Lazy<'s> {
    Line(&'s str, u64),
    Element(&'s str, usize),
    Given(&'s str),
}

impl Lazy<'_> {
    /// The source as a JSON string, written in place.
    fn write_json(&self, out: &mut Vec<u8>) {
        match self {
            Lazy::Line(name, line) => compact::write_json_source(out, name, *line),
            Lazy::Element(..) => compact::write_json_str(out, &self.text()),
            Lazy::Given(s) => compact::write_json_str(out, s),
        }
    }

    fn text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Lazy::Line(name, line) => format!("{name}:{line}").into(),
            Lazy::Element(name, index) => format!("{name}[{index}]").into(),
            Lazy::Given(s) => (*s).into(),
        }
    }
}

impl Records<'_> {
    fn count(out: &mut Output, status: Status) {
        let t = &mut out.tally;
        t.evaluated = t.evaluated.saturating_add(1);
        let n = match status {
            Status::Covered => &mut t.covered,
            Status::NotCovered => &mut t.not_covered,
            Status::Undetermined => &mut t.undetermined,
        };
        *n = n.saturating_add(1);
    }

    fn valid(
        &self,
        state: &mut RecordsState<'_>,
        source: &Lazy<'_>,
        p: &WorkerProfile,
        out: &mut Output,
    ) {
        if self.format == BatchFormat::Compact {
            let decision = state.decider.decide(p);
            Self::count(out, Status::of(decision.status));
            state.compact.write_line(
                &mut out.bytes,
                p.id.as_deref(),
                |out| source.write_json(out),
                &decision,
            );
            out.bytes.push(b'\n');
            if self.side_files {
                let report =
                    report::build_in(self.pack, p, &engine::explain(self.pack, p), self.lang);
                self.side_file(source, &report, out);
            }
            return;
        }
        let eval = engine::explain(self.pack, p);
        if self.format == BatchFormat::Summary {
            let report = report::build_in(self.pack, p, &eval, self.lang);
            Self::count(out, report.status);
            out.bytes
                .extend_from_slice(summary_line(&source.text(), &report).as_bytes());
            if self.side_files {
                self.side_file(source, &report, out);
            }
            return;
        }
        Self::count(out, Status::of(eval.status));
        // `OutRecord` with a report, written by hand (as serde would) for speed.
        if self.format == BatchFormat::Json {
            out.bytes.extend_from_slice(b",\n");
        }
        out.bytes.extend_from_slice(b"{\"source\":");
        source.write_json(&mut out.bytes);
        out.bytes.extend_from_slice(b",\"report\":");
        report::batch::write_json(
            &mut out.bytes,
            self.pack,
            p,
            &eval,
            self.lang,
            &state.rules_version,
        );
        out.bytes.push(b'}');
        if self.format == BatchFormat::Ndjson {
            out.bytes.push(b'\n');
        }
        if self.side_files {
            // A report file stands alone: it keeps the pack's texts.
            let report = report::build_in(self.pack, p, &eval, self.lang);
            self.side_file(source, &report, out);
        }
    }

    fn refused(
        &self,
        source: &Lazy<'_>,
        text: Option<&str>,
        read_id: Option<&str>,
        e: &InvalidProfile,
        out: &mut Output,
    ) {
        out.tally.invalid = out.tally.invalid.saturating_add(1);
        let src = source.text();
        match self.format {
            BatchFormat::Compact => {
                // Without an id from reading, look for one in the text.
                let looked_up = match read_id {
                    Some(_) => None,
                    None => text.and_then(id_of),
                };
                let id = read_id.or(looked_up.as_deref());
                compact::write_error_line(&mut out.bytes, id, &src, &e.to_string());
                out.bytes.push(b'\n');
            }
            BatchFormat::Ndjson | BatchFormat::Json => {
                let rec = OutRecord {
                    pack: None,
                    source: Some(&src),
                    report: None,
                    error: Some(ErrorRecord::of(e)),
                };
                self.json_record(&rec, out);
            }
            BatchFormat::Summary => {
                out.bytes
                    .extend_from_slice(format!("{src}  INVALID  {e}\n").as_bytes());
            }
        }
    }

    /// An `ndjson` line, or a `json` array element preceded by its separator
    /// (the sink drops the first one).
    fn json_record(&self, rec: &OutRecord<'_>, out: &mut Output) {
        if self.format == BatchFormat::Json {
            out.bytes.extend_from_slice(b",\n");
        }
        if let Err(e) = serde_json::to_writer(&mut out.bytes, rec) {
            // Serialising our own types cannot fail; say so if it ever does.
            out.bytes.extend_from_slice(
                format!("{{\"error\":\"cannot write record: {e}\"}}").as_bytes(),
            );
        }
        if self.format == BatchFormat::Ndjson {
            out.bytes.push(b'\n');
        }
    }

    fn side_file(&self, source: &Lazy<'_>, report: &Report, out: &mut Output) {
        let text = match serde_json::to_string_pretty(report) {
            Ok(mut t) => {
                t.push('\n');
                t
            }
            Err(_) => return,
        };
        out.files.push(SideFile {
            source: source.text().into_owned(),
            id: report.profile_id.clone(),
            text,
        });
    }
}

/// The `id` of a refused record, when its text reads as an object with a
/// string `id` of acceptable length.
fn id_of(text: &str) -> Option<String> {
    #[derive(Deserialize)]
    struct IdOnly {
        id: Option<serde_json::Value>,
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<IdOnly>(text).ok()?.id? {
        serde_json::Value::String(s) if s.len() <= MAX_TEXT => Some(s),
        _ => None,
    }
}

/// The record `{"pack": ...}` that opens `ndjson` and `json` output (and
/// the server's batch answer), without a newline.
pub fn header_record(pack: &PackHeader) -> Vec<u8> {
    let rec = OutRecord {
        pack: Some(pack),
        source: None,
        report: None,
        error: None,
    };
    // Serialising our own types cannot fail; an empty record would say so.
    serde_json::to_vec(&rec).unwrap_or_default()
}

/// Writes the ordered stream to stdout (or any writer) and `--out` files.
pub struct StreamSink<W: Write> {
    out: std::io::BufWriter<W>,
    format: BatchFormat,
    first: bool,
    dir: Option<PathBuf>,
    written: HashSet<String>,
    /// Totals written so far (for a run cut short by a closed pipe).
    pub tally: Tally,
    /// The records of the chunk whose writing failed: some of them may
    /// have reached the reader.
    pub cut: u64,
    failure: Option<CliError>,
    /// The temporary files of `--out` being written.
    temps: std::sync::Arc<interrupt::TempFiles>,
}

impl<W: Write> StreamSink<W> {
    /// A sink writing `format` to `out`, report files into `dir` if given.
    pub fn new(out: W, format: BatchFormat, dir: Option<PathBuf>) -> Self {
        let mut sink = StreamSink {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            format,
            first: true,
            dir,
            written: HashSet::new(),
            tally: Tally::default(),
            cut: 0,
            failure: None,
            temps: interrupt::TempFiles::new(),
        };
        if format == BatchFormat::Json {
            // Written into the buffer; an error surfaces on the first flush.
            let _ = sink.out.write_all(b"[");
        }
        sink
    }

    /// Writes the record that opens `ndjson` and `json` output: the pack's
    /// texts, which the reports then name by rule id.
    pub fn header(&mut self, pack: &PackHeader) {
        let mut line = header_record(pack);
        if self.format == BatchFormat::Ndjson {
            line.push(b'\n');
        }
        // Written into the buffer; an error surfaces on the first flush.
        let _ = self.out.write_all(&line);
        self.first = false;
    }

    /// Closes the stream (the array's bracket, the summary's totals) and flushes.
    fn finish(&mut self, tally: Tally) -> Result<Tally, CliError> {
        let end = match self.format {
            BatchFormat::Json if self.first => "]\n".to_owned(),
            BatchFormat::Json => "\n]\n".to_owned(),
            BatchFormat::Summary => format!(
                "\n{} evaluated: {} covered, {} not covered, {} undetermined; {} invalid\n",
                tally.evaluated,
                tally.covered,
                tally.not_covered,
                tally.undetermined,
                tally.invalid
            ),
            BatchFormat::Ndjson | BatchFormat::Compact => String::new(),
        };
        match self
            .out
            .write_all(end.as_bytes())
            .and_then(|()| self.out.flush())
        {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(CliError::io("<stdout>", e))
            }
            _ => Ok(tally),
        }
    }

    fn side_file(&mut self, dir: &Path, file: &SideFile) -> Result<(), CliError> {
        let stem = file
            .id
            .as_deref()
            .filter(|id| !id.is_empty())
            .unwrap_or(&file.source);
        let mut name: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if self.written.contains(&name) {
            let mut n = 2u64;
            while self.written.contains(&format!("{name}-{n}")) {
                n = n.saturating_add(1);
            }
            name = format!("{name}-{n}");
        }
        self.written.insert(name.clone());
        let path = dir.join(format!("{name}.json"));
        // Write beside, then rename: an interrupted run leaves no half
        // report. The temporary file is created exclusively under a random
        // name, so a planted file or symlink is never written through and
        // two runs on one directory never share one; it is removed if
        // writing fails.
        // It is registered while it exists, so that an interrupted run
        // removes it (see [`interrupt`]).
        let mut tmp = self
            .temps
            .create(dir, &format!(".{name}.json."))
            .map_err(|e| CliError::io(dir, e))?;
        if let Err(e) = tmp.write_all(file.text.as_bytes()) {
            let error = CliError::io(tmp.path(), e);
            self.temps.discard(tmp);
            return Err(error);
        }
        self.temps
            .persist(tmp, &path)
            .map_err(|e| CliError::io(&path, e.error))
    }
}

impl<W: Write> Sink for StreamSink<W> {
    fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
        let mut bytes: &[u8] = &out.bytes;
        if self.format == BatchFormat::Json && self.first && !bytes.is_empty() {
            // The first element has no comma before it.
            bytes = bytes.get(1..).unwrap_or_default();
            self.first = false;
        }
        if let Err(e) = self.out.write_all(bytes) {
            self.cut = out.tally.evaluated.saturating_add(out.tally.invalid);
            return Err(e);
        }
        self.tally = {
            let mut t = self.tally;
            t.evaluated = t.evaluated.saturating_add(out.tally.evaluated);
            t.invalid = t.invalid.saturating_add(out.tally.invalid);
            t.blank = t.blank.saturating_add(out.tally.blank);
            t.covered = t.covered.saturating_add(out.tally.covered);
            t.not_covered = t.not_covered.saturating_add(out.tally.not_covered);
            t.undetermined = t.undetermined.saturating_add(out.tally.undetermined);
            t
        };
        if let Some(dir) = self.dir.clone() {
            for file in &out.files {
                if let Err(e) = self.side_file(&dir, file) {
                    self.failure = Some(e);
                    return Err(std::io::Error::other("cannot write a report file"));
                }
            }
        }
        Ok(())
    }
}

/// One line of the summary format.
fn summary_line(source: &str, r: &Report) -> String {
    let applies = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Applies)
        .count();
    let open = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Undetermined)
        .count();
    let unassessed = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::NotAssessed)
        .count();
    // The most urgent date first: a deadline already passed and not met
    // (the longest overdue), else the next date ahead. A duty already done
    // has no date at all.
    let open_dates = || {
        r.findings
            .iter()
            .filter(|f| f.outcome == Outcome::Applies && f.met != Some(true))
            .flat_map(|f| f.dates.iter().map(move |(name, d)| (*d, name, f)))
    };
    let overdue = open_dates()
        .filter(|(d, name, f)| {
            *d < r.as_of && *name == "deadline" && f.kind == RuleKind::Obligation
        })
        .min_by_key(|(d, _, _)| *d);
    let next = open_dates()
        .filter(|(d, _, _)| *d >= r.as_of)
        .min_by_key(|(d, _, _)| *d);
    let next = match (overdue, next) {
        (Some((d, name, f)), _) => format!("  overdue since: {d} ({} {name})", f.rule),
        (None, Some((d, name, f))) => format!("  next date: {d} ({} {name})", f.rule),
        (None, None) => String::new(),
    };
    // The id is shown unless the source already says it (a fixture file
    // named after its profile's id).
    let stem = std::path::Path::new(source)
        .file_stem()
        .and_then(|s| s.to_str());
    let id = r
        .profile_id
        .as_deref()
        .filter(|id| Some(*id) != stem)
        .map_or_else(String::new, |id| format!(" {id}"));
    let unassessed = if unassessed > 0 {
        format!(", not assessed: {unassessed}")
    } else {
        String::new()
    };
    format!(
        "{source}{id}  {}  applies: {applies}, undetermined: {open}{unassessed}{next}\n",
        r.status.as_str()
    )
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    /// Counts the report files of each chunk.
    struct Files(Vec<usize>);

    impl pipeline::Sink for Files {
        fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
            self.0.push(out.files.len());
            Ok(())
        }
    }

    /// With `--out`, every record carries a full report: a chunk of the
    /// short formats must then hold as few records as one of full reports
    /// (it held 1,024 reports, tens of megabytes).
    #[test]
    fn out_files_are_few_to_a_chunk_in_every_format() {
        let pack = crate::rules::embedded_pack().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
        let line = "{\"citizenship\": \"KG\", \"contract\": {\"kind\": \"employment\", \"start\": \"2026-03-02\"}}\n";
        for format in [
            BatchFormat::Compact,
            BatchFormat::Summary,
            BatchFormat::Ndjson,
            BatchFormat::Json,
        ] {
            let work = Records {
                pack: &pack,
                format,
                lang: Lang::En,
                defaults: pack.profile_defaults(today),
                as_of: None,
                side_files: true,
            };
            let input = Input::Lines {
                name: "t".to_owned(),
                reader: Box::new(std::io::Cursor::new(line.repeat(100).into_bytes())),
            };
            let mut sink = Files(Vec::new());
            let options = Options {
                jobs: 1,
                ..options_for(format, true)
            };
            pipeline::run(&work, std::iter::once(input), &mut sink, options).unwrap();
            assert_eq!(sink.0.iter().sum::<usize>(), 100, "{format:?}");
            assert!(
                sink.0.iter().all(|n| *n <= FULL_REPORTS_PER_CHUNK),
                "{format:?}: {:?}",
                sink.0
            );
        }
    }
}
