//! `test [DIR]`: runs the lawyer-written case files (see `crate::cases`;
//! the embedded pack's own without `DIR`) and
//! prints one line per case, each failing expectation with the actual
//! `because`, and a `N passed, M failed` summary.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use super::{write_stdout, CliError, PackArgs, EXIT_OK};
use crate::cases::{self, CaseResult, Check};
use crate::engine::RulePack;

/// Exit code: at least one case failed.
const EXIT_FAILED: u8 = 1;

#[derive(Debug, Args)]
pub(crate) struct TestArgs {
    /// A case file, or a directory of case files (searched recursively for `*.json`, skipping hidden and build directories) [default: the embedded pack's own cases].
    #[arg(value_name = "DIR")]
    dir: Option<PathBuf>,
    #[command(flatten)]
    pack: PackArgs,
}

/// The cases at `dir`, or the embedded pack's own cases without one (the
/// same in any directory, like the embedded pack); with where they came
/// from, for the summary line.
pub(crate) fn load_cases(
    dir: Option<&Path>,
    pack: &RulePack,
) -> Result<(Vec<cases::Case>, String), CliError> {
    Ok(match dir {
        Some(dir) => (cases::load(dir, pack)?, dir.display().to_string()),
        None => (cases::embedded(pack)?, "the embedded case files".to_owned()),
    })
}

/// Exit 0 when every case passes, 1 when any fails, 2 when a case file or
/// the pack is invalid (nothing runs then: a typo must not pass silently).
pub(crate) fn run(args: TestArgs) -> Result<u8, CliError> {
    let pack = args.pack.load()?;
    let (cases, _) = load_cases(args.dir.as_deref(), &pack)?;
    let results = cases::run(&pack, &cases);
    let out = render(&results);
    write_stdout(out.as_bytes())?;
    Ok(if results.iter().all(CaseResult::passed) {
        EXIT_OK
    } else {
        EXIT_FAILED
    })
}

fn render(results: &[CaseResult]) -> String {
    let mut out = String::new();
    for r in results {
        let mark = if r.passed() { "ok    " } else { "FAILED" };
        let _ = writeln!(out, "{mark}  {}  ({})", r.name, r.file);
        for f in &r.failures {
            let what = match &f.check {
                Check::Status => "status".to_owned(),
                Check::Outcome => f.subject.clone(),
                other => format!("{} {other}", f.subject),
            };
            let _ = writeln!(
                out,
                "        {what}: expected {}, got {}",
                f.expected, f.actual
            );
            if f.because.is_empty() {
                let _ = writeln!(out, "          (no reasons given)");
            }
            for b in &f.because {
                let _ = writeln!(out, "          because {b}");
            }
        }
    }
    let passed = results.iter().filter(|r| r.passed()).count();
    let _ = writeln!(out, "\n{passed} passed, {} failed", results.len() - passed);
    out
}
