//! `eaeu-rights timeline`: the days on which what applies to one person
//! changes, from the same flags or profile file as `check`.

use clap::ValueEnum;

use super::{lang_or_env, read_profile, use_color, write_stdout, CheckArgs, CliError, EXIT_OK};
use crate::timeline;

/// The timeline's output formats.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum TimelineFormat {
    /// The days and what changes on each, for a person or a terminal.
    Text,
    /// The timeline as data (docs/timeline.md).
    Json,
    /// The days still to come as an iCalendar file, each with a reminder.
    Ics,
}

/// Runs `timeline`.
pub(crate) fn run(args: CheckArgs<TimelineFormat>) -> Result<u8, CliError> {
    let pack = args.pack.load()?;
    let profile = read_profile(&args, &pack)?;
    let lang = lang_or_env(args.lang);
    let timeline = timeline::build_in(&pack, &profile, lang);
    let out = match args.format {
        TimelineFormat::Json => {
            let mut s = serde_json::to_string_pretty(&timeline)
                .map_err(|e| CliError::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
        TimelineFormat::Text => timeline::text::render_in(&timeline, use_color(args.color), lang),
        TimelineFormat::Ics => timeline::ics::render_in(&timeline, lang),
    };
    write_stdout(out.as_bytes())?;
    Ok(EXIT_OK)
}
