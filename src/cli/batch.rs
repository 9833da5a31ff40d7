//! `batch`: many profiles in, one output record per input record, in input
//! order. A bad record becomes an error record in its place; the run goes on.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use serde::Serialize;

use super::{read_input, today, CliError, PackArgs, EXIT_INVALID_INPUT, EXIT_OK};
use crate::engine::{self, Outcome, RulePack};
use crate::locate::JsonPath;
use crate::profile::{InvalidProfile, RawProfile};
use crate::report::{self, Report, Status};

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum BatchFormat {
    /// One JSON object per line: `{"source", "report"}` or `{"source", "error"}`.
    Ndjson,
    /// One JSON array of those objects.
    Json,
    /// One line per profile for people, then the totals.
    Summary,
}

#[derive(Debug, Args)]
pub(crate) struct BatchArgs {
    /// Profile files (one profile or an array), directories (every *.json inside), NDJSON files (*.ndjson, *.jsonl) or `-` for NDJSON on stdin.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = BatchFormat::Ndjson)]
    format: BatchFormat,
    /// Also write one JSON report per profile into this directory.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Assess every profile as of this date (overrides the profiles' `as_of`).
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    #[command(flatten)]
    pack: PackArgs,
}

/// One input record: where it came from and its text or what went wrong.
struct Record {
    source: String,
    input: Result<Parsed, InvalidProfile>,
}

enum Parsed {
    /// A JSON value (an element of an array file, or a whole file).
    Value(serde_json::Value, PathInText),
    /// One NDJSON line.
    Line(String),
}

/// The text a value came from and its path inside it, for error positions.
struct PathInText {
    text: std::sync::Arc<str>,
    base: JsonPath,
}

/// One output record.
#[derive(Serialize)]
struct OutRecord<'a> {
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<&'a Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorRecord>,
}

#[derive(Serialize)]
struct ErrorRecord {
    message: String,
    problems: Vec<ProblemRecord>,
}

#[derive(Serialize)]
struct ProblemRecord {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
    message: String,
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

/// Counts for the closing line on stderr.
#[derive(Default)]
struct Tally {
    evaluated: usize,
    invalid: usize,
    blank: usize,
    covered: usize,
    not_covered: usize,
    undetermined: usize,
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
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut sink = Sink {
        format: args.format,
        out: &mut out,
        first: true,
        tally: Tally::default(),
        written: Vec::new(),
    };
    sink.start()?;
    for path in &args.paths {
        for input in expand(path) {
            match input {
                Ok(Input::Ndjson(p)) => ndjson(
                    &p,
                    &mut |record| sink.record(&pack, record, today, as_of, args.out.as_deref()),
                    &mut sink_blank(),
                )?,
                Ok(Input::Json(p)) => json_file(&p, &mut |record| {
                    sink.record(&pack, record, today, as_of, args.out.as_deref())
                })?,
                Err(record) => sink.record(&pack, record, today, as_of, args.out.as_deref())?,
            }
        }
    }
    let tally = sink.finish()?;
    let _ = writeln!(
        std::io::stderr(),
        "batch: {} record(s): {} evaluated ({} covered, {} not covered, {} undetermined), {} invalid{}",
        tally.evaluated + tally.invalid,
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

fn sink_blank() -> impl FnMut() {
    || {}
}

enum Input {
    Ndjson(String),
    Json(String),
}

/// Expands a command-line path into inputs; an unreadable path is an error record.
fn expand(path: &str) -> Vec<Result<Input, Record>> {
    if path == "-" {
        return vec![Ok(Input::Ndjson(path.to_owned()))];
    }
    let p = Path::new(path);
    if p.is_dir() {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(p) {
            Ok(entries) => entries
                .flatten()
                .map(|e| e.path())
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "json"))
                .collect(),
            Err(e) => return vec![Err(unreadable(path, &e.to_string()))],
        };
        files.sort();
        return files
            .into_iter()
            .map(|f| Ok(Input::Json(f.display().to_string())))
            .collect();
    }
    if !p.exists() {
        return vec![Err(unreadable(path, "no such file or directory"))];
    }
    match p.extension().and_then(|e| e.to_str()) {
        Some("ndjson" | "jsonl") => vec![Ok(Input::Ndjson(path.to_owned()))],
        _ => vec![Ok(Input::Json(path.to_owned()))],
    }
}

fn unreadable(source: &str, why: &str) -> Record {
    Record {
        source: source.to_owned(),
        input: Err(invalid(format!("cannot read: {why}"))),
    }
}

fn invalid(message: String) -> InvalidProfile {
    InvalidProfile {
        problems: vec![crate::profile::Problem {
            path: JsonPath::root(),
            location: None,
            message,
        }],
    }
}

/// A JSON file: one profile, or an array of profiles.
fn json_file(
    path: &str,
    emit: &mut dyn FnMut(Record) -> Result<(), CliError>,
) -> Result<(), CliError> {
    let text = match read_input(path) {
        Ok(t) => t,
        Err(e) => return emit(unreadable(path, &e.to_string())),
    };
    let text: std::sync::Arc<str> = text.strip_prefix('\u{feff}').unwrap_or(&text).into();
    match serde_json::from_str::<serde_json::Value>(&text) {
        Ok(serde_json::Value::Array(items)) => {
            for (i, item) in items.into_iter().enumerate() {
                let at = PathInText {
                    text: text.clone(),
                    base: JsonPath::root().index(i),
                };
                emit(Record {
                    source: format!("{path}[{i}]"),
                    input: Ok(Parsed::Value(item, at)),
                })?;
            }
            Ok(())
        }
        Ok(value) => emit(Record {
            source: path.to_owned(),
            input: Ok(Parsed::Value(
                value,
                PathInText {
                    text,
                    base: JsonPath::root(),
                },
            )),
        }),
        Err(_) => {
            // Parse again as a profile for the precise message and position.
            let error = RawProfile::from_json(&text)
                .err()
                .unwrap_or_else(|| invalid("not valid JSON".to_owned()));
            emit(Record {
                source: path.to_owned(),
                input: Err(error),
            })
        }
    }
}

/// NDJSON: one profile per line; blank lines are skipped and counted.
fn ndjson(
    path: &str,
    emit: &mut dyn FnMut(Record) -> Result<(), CliError>,
    _blank: &mut dyn FnMut(),
) -> Result<(), CliError> {
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(BufReader::new(std::io::stdin()))
    } else {
        match std::fs::File::open(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => return emit(unreadable(path, &e.to_string())),
        }
    };
    let name = if path == "-" { "<stdin>" } else { path };
    let mut bytes = Vec::new();
    let mut reader = reader;
    let mut line_no = 0usize;
    loop {
        bytes.clear();
        match reader.read_until(b'\n', &mut bytes) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) => {
                return emit(unreadable(
                    &format!("{name}:{}", line_no + 1),
                    &e.to_string(),
                ))
            }
        }
        line_no += 1;
        let source = format!("{name}:{line_no}");
        let input = match std::str::from_utf8(&bytes) {
            Ok(line) => {
                let line = line.trim_end_matches(['\n', '\r']);
                let line = if line_no == 1 {
                    line.strip_prefix('\u{feff}').unwrap_or(line)
                } else {
                    line
                };
                if line.trim().is_empty() {
                    emit(Record {
                        source,
                        input: Ok(Parsed::Line(String::new())),
                    })?;
                    continue;
                }
                Ok(Parsed::Line(line.to_owned()))
            }
            Err(e) => Err(invalid(format!(
                "not UTF-8 text (invalid byte at column {})",
                e.valid_up_to() + 1
            ))),
        };
        emit(Record { source, input })?;
    }
}

struct Sink<'w, W: Write> {
    format: BatchFormat,
    out: &'w mut W,
    first: bool,
    tally: Tally,
    written: Vec<String>,
}

impl<W: Write> Sink<'_, W> {
    fn start(&mut self) -> Result<(), CliError> {
        if self.format == BatchFormat::Json {
            self.write(b"[")?;
        }
        Ok(())
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), CliError> {
        self.out
            .write_all(bytes)
            .map_err(|e| CliError::io("<stdout>", e))
    }

    fn record(
        &mut self,
        pack: &RulePack,
        record: Record,
        today: NaiveDate,
        as_of: Option<NaiveDate>,
        out_dir: Option<&Path>,
    ) -> Result<(), CliError> {
        let profile = match record.input {
            Ok(Parsed::Line(line)) if line.is_empty() => {
                self.tally.blank += 1;
                return Ok(());
            }
            Ok(Parsed::Line(line)) => RawProfile::from_json(&line).and_then(|raw| {
                validate(raw, today, as_of).map_err(|e| e.locate_in(&line, &JsonPath::root()))
            }),
            Ok(Parsed::Value(value, at)) => RawProfile::from_value(value)
                .and_then(|raw| validate(raw, today, as_of))
                .map_err(|e| e.locate_in(&at.text, &at.base)),
            Err(e) => Err(e),
        };
        let (report, error) = match profile {
            Ok(p) => {
                let evaluation = engine::explain(pack, &p);
                let report = report::build(pack, &p, &evaluation);
                self.tally.evaluated += 1;
                match report.status {
                    Status::Covered => self.tally.covered += 1,
                    Status::NotCovered => self.tally.not_covered += 1,
                    Status::Undetermined => self.tally.undetermined += 1,
                }
                (Some(report), None)
            }
            Err(e) => {
                self.tally.invalid += 1;
                (None, Some(e))
            }
        };
        if let (Some(dir), Some(r)) = (out_dir, &report) {
            self.write_report_file(dir, &record.source, r)?;
        }
        match self.format {
            BatchFormat::Ndjson | BatchFormat::Json => {
                let rec = OutRecord {
                    source: &record.source,
                    report: report.as_ref(),
                    error: error.as_ref().map(ErrorRecord::of),
                };
                let text =
                    serde_json::to_string(&rec).map_err(|e| CliError::Usage(e.to_string()))?;
                if self.format == BatchFormat::Json {
                    let sep: &[u8] = if self.first { b"\n" } else { b",\n" };
                    self.write(sep)?;
                }
                self.first = false;
                self.write(text.as_bytes())?;
                if self.format == BatchFormat::Ndjson {
                    self.write(b"\n")?;
                }
            }
            BatchFormat::Summary => {
                let line = match (&report, &error) {
                    (Some(r), _) => summary_line(&record.source, r),
                    (_, Some(e)) => format!("{}  INVALID  {e}\n", record.source),
                    _ => String::new(),
                };
                self.write(line.as_bytes())?;
            }
        }
        Ok(())
    }

    fn write_report_file(
        &mut self,
        dir: &Path,
        source: &str,
        report: &Report,
    ) -> Result<(), CliError> {
        let stem = report
            .profile_id
            .as_deref()
            .filter(|id| !id.is_empty())
            .unwrap_or(source);
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
            let mut n = 2;
            while self.written.contains(&format!("{name}-{n}")) {
                n += 1;
            }
            name = format!("{name}-{n}");
        }
        self.written.push(name.clone());
        let path = dir.join(format!("{name}.json"));
        let mut text =
            serde_json::to_string_pretty(report).map_err(|e| CliError::Usage(e.to_string()))?;
        text.push('\n');
        // Write beside, then rename: an interrupted run leaves no half report.
        let tmp = dir.join(format!(".{name}.json.tmp"));
        std::fs::write(&tmp, text).map_err(|e| CliError::io(&tmp, e))?;
        std::fs::rename(&tmp, &path).map_err(|e| CliError::io(&path, e))
    }

    fn finish(mut self) -> Result<Tally, CliError> {
        if self.format == BatchFormat::Json {
            self.write(if self.first { b"]\n" } else { b"\n]\n" })?;
        }
        if self.format == BatchFormat::Summary {
            let t = &self.tally;
            let line = format!(
                "\n{} evaluated: {} covered, {} not covered, {} undetermined; {} invalid\n",
                t.evaluated, t.covered, t.not_covered, t.undetermined, t.invalid
            );
            self.write(line.as_bytes())?;
        }
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                return Err(CliError::io("<stdout>", e))
            }
            _ => {}
        }
        Ok(self.tally)
    }
}

fn validate(
    raw: RawProfile,
    today: NaiveDate,
    as_of: Option<NaiveDate>,
) -> Result<crate::profile::WorkerProfile, InvalidProfile> {
    let mut raw = raw;
    if let Some(d) = as_of {
        raw.as_of = Some(d.to_string());
    }
    raw.validate(today)
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
    let next = r
        .findings
        .iter()
        .filter(|f| f.outcome == Outcome::Applies)
        .flat_map(|f| f.dates.iter().map(move |(name, d)| (*d, name, &f.rule)))
        .filter(|(d, _, _)| *d >= r.as_of)
        .min();
    let next = next.map_or_else(String::new, |(d, name, rule)| {
        format!("  next date: {d} ({rule} {name})")
    });
    let id = r
        .profile_id
        .as_deref()
        .map_or_else(String::new, |id| format!(" {id}"));
    format!(
        "{source}{id}  {}  applies: {applies}, undetermined: {open}{next}\n",
        r.status.as_str()
    )
}
