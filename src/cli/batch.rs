//! `batch`: the command line of the library's batch pipeline
//! ([`crate::batch`]): its flags, and what it says on stderr when the run
//! ends.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use super::{today, CliError, PackArgs, EXIT_INVALID_INPUT, EXIT_OK};
use crate::batch::pipeline::{self, Options};
use crate::batch::words::BatchLine;
use crate::batch::{inputs, options_for, BatchFormat, Records, StreamSink};
use crate::report::batch::PackHeader;
use crate::report::Lang;

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
    let lang = super::lang_or_env(args.lang);
    let today = today(lang)?;
    let as_of = match &args.as_of {
        Some(d) => {
            Some(crate::dates::parse_date(d).map_err(|e| super::flag_error("--as-of", e, lang))?)
        }
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
        lang,
        defaults: pack.profile_defaults(today),
        as_of,
        side_files: args.out.is_some(),
    };
    let mut sink = StreamSink::new(std::io::stdout(), args.format, lang, args.out.clone());
    if let Some(dir) = &args.out {
        // Ctrl-C or `kill` must not leave a half-written temporary file.
        sink.watch_interrupts().map_err(|e| CliError::io(dir, e))?;
    }
    if matches!(args.format, BatchFormat::Ndjson | BatchFormat::Json) {
        sink.header(&PackHeader::new(&pack, work.lang, work.defaults));
    }
    let options = Options {
        jobs,
        // At most 1 MiB by the flag's range: the conversion cannot fail.
        max_line: usize::try_from(args.max_line).unwrap_or(pipeline::DEFAULT_MAX_LINE),
        ..options_for(args.format, args.out.is_some())
    };
    let result = pipeline::run(&work, inputs(&args.paths), &mut sink, options);
    let mut closed = false;
    let tally = match result {
        Ok(tally) => sink.finish(tally)?,
        Err(e) => match sink.take_failure() {
            Some(failure) => return Err(failure.into()),
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
        let line = BatchLine::Closed {
            written: tally.evaluated.saturating_add(tally.invalid),
            cut: sink.cut,
        };
        let _ = writeln!(std::io::stderr(), "{}", line.word(lang));
        return Ok(EXIT_OK);
    }
    let _ = writeln!(std::io::stderr(), "{}", BatchLine::Tally(tally).word(lang));
    Ok(if tally.invalid > 0 {
        EXIT_INVALID_INPUT
    } else {
        EXIT_OK
    })
}
