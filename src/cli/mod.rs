//! The command line: parses flags, reads files, prints reports. The only
//! module that touches the file system, the clock or the terminal.

pub(crate) mod batch;
mod interview;
mod meta;
mod rules_cmd;
mod serve;
mod test_cmd;
mod timeline_cmd;

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::diagnostic::{Message, Unreadable};
use crate::engine::{self, RulePack};
use crate::locate::JsonPath;
use crate::profile::{
    Defaults, InvalidProfile, RawContract, RawFamilyMember, RawProfile, WorkerProfile,
};
use crate::report::{self, Lang};
use crate::rules::{self, PackErrors};

/// Exit code: everything went well.
pub const EXIT_OK: u8 = 0;
/// Exit code: some input records were invalid (the rest were evaluated).
pub const EXIT_INVALID_INPUT: u8 = 1;
/// Exit code: a usage error or an invalid rule pack.
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "eaeu-rights",
    version,
    about = "Rights and obligations of EAEU labour migrants, with reasons, sources and dates",
    after_long_help = "Exit status:
  0  success
  1  some input records (profiles, batch records) or test cases were invalid
     or failed; the rest were still processed
  2  a usage error (a bad flag or flag value, a file that cannot be read) or
     an invalid rule pack

Environment:
  LANG               the report's language when --lang is not given
  NO_COLOR           when not empty: no colour, unless --color always is given
  EAEU_RIGHTS_TODAY  YYYY-MM-DD: the date taken as today, for reproducible runs"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Assess one person, from flags or a profile file.
    Check(CheckArgs),
    /// Assess many profiles: files, directories, NDJSON, or `-` for stdin.
    Batch(batch::BatchArgs),
    /// List, show or check rules, or count how the test cases cover them.
    Rules {
        #[command(subcommand)]
        command: rules_cmd::RulesCommand,
    },
    /// Ask one question at a time, only what can change an outcome, and end
    /// with the plan.
    Interview(interview::InterviewArgs),
    /// Run test cases (a profile and its expected outcomes) from case files;
    /// exit 1 if any fails, 2 if a case file or the pack is invalid.
    Test(test_cmd::TestArgs),
    /// Print the JSON Schema of a profile, a report, a batch record or a compact line.
    Schema(meta::SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish).
    Completions(meta::CompletionsArgs),
    /// Print the manual page (roff), or write one per command into a directory.
    Man(meta::ManArgs),
    /// List the days on which what applies to one person changes over the
    /// stay, from the same flags or profile file as `check`.
    Timeline(CheckArgs<timeline_cmd::TimelineFormat>),
    /// Serve the web form and the JSON API (loopback by default).
    Serve(serve::ServeArgs),
}

/// Where the rules come from.
#[derive(Debug, Args, Clone)]
pub(crate) struct PackArgs {
    /// Load the rule pack from this directory instead of the embedded one.
    #[arg(long, value_name = "DIR", global = true)]
    rules: Option<PathBuf>,
}

impl PackArgs {
    pub(crate) fn load(&self) -> Result<RulePack, PackErrors> {
        match &self.rules {
            Some(dir) => rules::load_dir(dir),
            None => rules::embedded_pack(),
        }
    }

    /// [`Self::load`], for reports in `lang` only: the embedded pack is
    /// compiled without other languages' files ([`rules::embedded_pack_in`]).
    pub(crate) fn load_in(&self, lang: Lang) -> Result<RulePack, PackErrors> {
        match &self.rules {
            Some(dir) => rules::load_dir(dir),
            None => rules::embedded_pack_in(lang.code()),
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum CheckFormat {
    /// The report for a person or a terminal.
    Text,
    /// The report as data (contract 2).
    Json,
    /// The report for case notes.
    #[value(alias = "md")]
    Markdown,
    /// The coming deadlines as an iCalendar file, each with a reminder.
    Ics,
    /// One printable HTML page (A4), to hand over or turn into PDF.
    Html,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum YesNo {
    Yes,
    No,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
enum KindArg {
    Employment,
    #[value(name = "civil_law", aliases = ["civil-law", "civil law"])]
    CivilLaw,
    None,
}

/// The flags of `check`, and of `timeline`, whose output formats (`F`)
/// are its own.
#[derive(Debug, Args)]
struct CheckArgs<F: ValueEnum + Clone + Send + Sync + 'static = CheckFormat> {
    /// Read the profile from a JSON file (`-` for stdin) instead of flags. Limits: 1 MiB of JSON, 10 citizenships, 100 family members, 200 bytes of `id` or `occupation`, 127 levels of nesting (docs/limits.md).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["citizenship", "entry", "contract", "start", "end", "terminated", "occupation", "child_born", "registered", "permanent_resident", "host", "id"])]
    profile: Option<String>,
    /// Citizenship(s): an ISO 3166-1 alpha-2 code (`KG`) or a country's name in English or Russian (`Kyrgyzstan`, `Кыргызстан`), any case; repeat or separate with commas; `none` for a stateless person.
    #[arg(
        long,
        value_name = "COUNTRY",
        value_delimiter = ',',
        required_unless_present = "profile"
    )]
    citizenship: Vec<String>,
    /// State of employment, by code or name [default: KZ].
    #[arg(long, value_name = "COUNTRY")]
    host: Option<String>,
    /// Date of entry into the host state (YYYY-MM-DD or DD.MM.YYYY; every date flag takes both).
    #[arg(long, value_name = "DATE")]
    entry: Option<String>,
    /// Kind of contract (any case; `civil-law` too).
    #[arg(long, value_name = "KIND", ignore_case = true)]
    contract: Option<KindArg>,
    /// First day of the contract.
    #[arg(long, value_name = "DATE")]
    start: Option<String>,
    /// Last day of the contract, or `open` for an open-ended contract.
    #[arg(long, value_name = "DATE|open")]
    end: Option<String>,
    /// Date the contract was terminated early.
    #[arg(long, value_name = "DATE")]
    terminated: Option<String>,
    /// Occupation (pedagogical, legal, medical and pharmaceutical are regulated).
    #[arg(long, value_name = "TEXT")]
    occupation: Option<String>,
    /// Birth date of a child living with you (repeat for each child).
    #[arg(long = "child-born", value_name = "DATE")]
    child_born: Vec<String>,
    /// Already registered with the migration authority?
    #[arg(long, value_name = "yes|no")]
    registered: Option<YesNo>,
    /// Hold a permanent residence permit of the host state? [default: no]
    #[arg(long = "permanent-resident", value_name = "yes|no")]
    permanent_resident: Option<YesNo>,
    /// An identifier echoed in the report.
    #[arg(long)]
    id: Option<String>,
    /// Date of the assessment [default: today].
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: F,
    /// Colour in text output: `auto` colours on a terminal unless NO_COLOR is set; `always` colours even then; `never` does not.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// The report's language [default: from LANG, else English].
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<Lang>,
    /// Text and Markdown: give every provision's summary, reasons, caveats, source and rule id, not one line each (for caseworkers and lawyers).
    #[arg(long)]
    detail: bool,
    #[command(flatten)]
    pack: PackArgs,
}

/// An error the user must see, with the exit code it calls for.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// The rule pack is broken.
    #[error("{0}")]
    Pack(#[from] PackErrors),
    /// A profile is invalid: each problem names the file (`origin`),
    /// and is worded in `lang`.
    #[error("{}", render_problems(&error.clone().in_file(origin), *lang))]
    Profile {
        origin: String,
        error: InvalidProfile,
        lang: Lang,
    },
    /// A file could not be read or written.
    #[error("{0}")]
    Io(#[from] crate::batch::PathError),
    /// Flags that do not fit together.
    #[error("{0}")]
    Usage(String),
    /// Facts given as flags that are not valid: a usage error, like any
    /// other bad flag value (each problem names its flag as its file),
    /// worded in the report's language.
    #[error("{}", render_problems(.0, *.1))]
    Flags(InvalidProfile, Lang),
}

/// Every problem of a profile, one a line (its help below it), each after
/// `error: ` in `lang`: the one rendering of a diagnostic, as a rule
/// pack's problems are printed.
fn render_problems(error: &InvalidProfile, lang: Lang) -> String {
    let prefix = format!(
        "{}: ",
        crate::diagnostic::words::word(lang, crate::diagnostic::words::ERROR, None)
    );
    crate::diagnostic::render_all(&error.problems, lang, &prefix)
}

impl CliError {
    /// One rule for every bad value: what was typed on the command line
    /// (a flag, its value, a file that cannot be read) is a usage error,
    /// 2, as clap's own refusals are; an input record that is not a valid
    /// profile is 1.
    fn exit_code(&self) -> u8 {
        match self {
            CliError::Profile { .. } => EXIT_INVALID_INPUT,
            CliError::Io(_) | CliError::Pack(_) | CliError::Usage(_) | CliError::Flags(..) => {
                EXIT_USAGE
            }
        }
    }

    pub(crate) fn io(path: impl AsRef<Path>, error: std::io::Error) -> Self {
        CliError::Io(crate::batch::PathError::new(path, error))
    }
}

/// Runs the command line and returns the process exit code.
pub fn main() -> ExitCode {
    let result = match Cli::try_parse() {
        Ok(cli) => run(cli),
        // Usage errors go to stderr, which has nowhere else to report to.
        Err(e) if e.use_stderr() => {
            let _ = e.print();
            return ExitCode::from(EXIT_USAGE);
        }
        // --help and --version are output like any other: a failed write
        // (`> /dev/full`) is an error, not a success.
        Err(e) => {
            use std::io::IsTerminal;
            let help = e.render();
            let help = if std::io::stdout().is_terminal() {
                help.ansi().to_string()
            } else {
                help.to_string()
            };
            write_stdout(help.as_bytes()).map(|()| EXIT_OK)
        }
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            let text = e.to_string();
            // Profiles' and packs' problems carry their own `error: `, in
            // the report's language.
            let own = matches!(
                e,
                CliError::Profile { .. } | CliError::Flags(..) | CliError::Pack(_)
            );
            let text = if own || text.starts_with("error:") {
                text
            } else {
                format!("error: {text}")
            };
            let _ = writeln!(std::io::stderr(), "{text}");
            ExitCode::from(e.exit_code())
        }
    }
}

/// Runs a parsed command line.
fn run(cli: Cli) -> Result<u8, CliError> {
    match cli.command {
        Command::Check(args) => check(args),
        Command::Batch(args) => batch::run(args),
        Command::Rules { command } => rules_cmd::run(command),
        Command::Test(args) => test_cmd::run(args),
        Command::Schema(args) => meta::schema(args),
        Command::Completions(args) => meta::completions(args),
        Command::Man(args) => meta::man(args),
        Command::Interview(args) => interview::run(args),
        Command::Timeline(args) => timeline_cmd::run(args),
        Command::Serve(args) => serve::run(args),
    }
}

/// Reads a single profile's bytes, or stdin for `-`: at most one byte more
/// than a profile may have, so a huge file is refused without reading it all.
/// Why a file cannot be read is worded in `lang`.
fn read_profile_input(path: &str, lang: Lang) -> Result<Vec<u8>, CliError> {
    let cannot_read = |name: &str, e: std::io::Error| {
        flag_error(name, Message::Unreadable(Unreadable::of(&e)), lang)
    };
    let limit = u64::try_from(crate::profile::MAX_PROFILE_BYTES)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    if path == "-" {
        std::io::stdin()
            .take(limit)
            .read_to_end(&mut bytes)
            .map_err(|e| cannot_read("<stdin>", e))?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| cannot_read(path, e))?;
    }
    Ok(bytes)
}

/// The profiles `rules check` evaluates to find conflicting rules: every
/// profile in the fixtures directory (`./fixtures` by default, when it
/// exists; files that are not profiles are skipped), then generated ones.
pub(crate) fn conflict_profiles(
    pack: &RulePack,
    fixtures: Option<&Path>,
) -> Result<Vec<rules::conflicts::NamedProfile>, CliError> {
    let today = today(lang_or_env(None))?;
    let default = Path::new("fixtures");
    let dir = match fixtures {
        Some(d) if !d.is_dir() => {
            return Err(CliError::Usage(format!(
                "--fixtures: `{}` is not a directory",
                d.display()
            )))
        }
        Some(d) => Some(d),
        None => default.is_dir().then_some(default),
    };
    let mut out = Vec::new();
    if let Some(dir) = dir {
        let mut paths = Vec::new();
        collect_fixtures(dir, &mut paths, 0);
        paths.sort();
        for path in paths {
            let Ok(bytes) = std::fs::read(&path) else {
                continue;
            };
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            if let Ok(profile) = WorkerProfile::from_json(&text, pack.profile_defaults(today)) {
                out.push(rules::conflicts::NamedProfile {
                    name: path.display().to_string(),
                    profile,
                });
            }
        }
    }
    out.extend(rules::conflicts::generated(
        rules::conflicts::GENERATED_PROFILES,
    ));
    Ok(out)
}

fn collect_fixtures(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let file_type = entry.file_type();
        let is_dir = file_type.as_ref().is_ok_and(std::fs::FileType::is_dir);
        if crate::files::skipped_in_walks(&entry.file_name(), is_dir) {
            continue;
        }
        match file_type {
            Ok(t) if t.is_dir() && depth < 8 => {
                collect_fixtures(&path, out, depth.saturating_add(1))
            }
            Ok(t) if t.is_file() && path.extension().is_some_and(|e| e == "json") => out.push(path),
            _ => {}
        }
    }
}

/// The report's language: the flag, else the user's `LANG`, else English.
pub(crate) fn lang_or_env(flag: Option<Lang>) -> Lang {
    flag.unwrap_or_else(|| Lang::from_env(std::env::var("LANG").ok().as_deref()))
}

/// Today's date, or `EAEU_RIGHTS_TODAY` (YYYY-MM-DD) for reproducible runs.
/// A bad value is worded in `lang`.
pub(crate) fn today(lang: Lang) -> Result<NaiveDate, CliError> {
    match std::env::var("EAEU_RIGHTS_TODAY") {
        Ok(text) => {
            crate::dates::parse_date(&text).map_err(|e| flag_error("EAEU_RIGHTS_TODAY", e, lang))
        }
        Err(_) => Ok(chrono::Local::now().date_naive()),
    }
}

/// A bad value of `flag` (or of an environment variable, or a file named
/// on the command line that cannot be read): a usage error, worded in
/// `lang` and printed as a profile's problems are, with `flag` as its file.
pub(crate) fn flag_error(flag: &str, message: impl Into<Message>, lang: Lang) -> CliError {
    CliError::Flags(
        InvalidProfile::one(JsonPath::root(), message.into()).in_file(flag),
        lang,
    )
}

fn check(args: CheckArgs) -> Result<u8, CliError> {
    let pack = args.pack.load_in(lang_or_env(args.lang))?;
    let profile = read_profile(&args, &pack)?;
    let evaluation = engine::explain(&pack, &profile);
    let lang = lang_or_env(args.lang);
    let report = report::build_in(&pack, &profile, &evaluation, lang);
    let out = match args.format {
        CheckFormat::Json => {
            let mut s = serde_json::to_string_pretty(&report)
                .map_err(|e| CliError::Usage(e.to_string()))?;
            s.push('\n');
            s
        }
        CheckFormat::Text => {
            report::text::render_as(&report, use_color(args.color), lang, args.detail)
        }
        CheckFormat::Markdown => report::markdown::render_as(&report, lang, args.detail),
        CheckFormat::Ics => report::ics::render_in(&report, lang),
        CheckFormat::Html => report::html::render_in(&report, &profile, lang),
    };
    write_stdout(out.as_bytes())?;
    // The process ends here: freeing the pack, the evaluation and the
    // report, thousands of small allocations, would only cost time
    // (a tenth of `check`'s instructions besides compiling the pack).
    std::mem::forget(report);
    std::mem::forget(evaluation);
    std::mem::forget(pack);
    Ok(EXIT_OK)
}

/// The profile `check`'s flags give: from the profile file, `--as-of`
/// overriding its date, or from the flags.
fn read_profile<F: ValueEnum + Clone + Send + Sync + 'static>(
    args: &CheckArgs<F>,
    pack: &RulePack,
) -> Result<WorkerProfile, CliError> {
    let lang = lang_or_env(args.lang);
    let today = today(lang)?;
    match &args.profile {
        Some(path) => {
            // `--as-of` overrides the file: a bad one is the flag's fault.
            if let Some(as_of) = &args.as_of {
                crate::dates::parse_date(as_of).map_err(|e| flag_error("--as-of", e, lang))?;
            }
            let bytes = read_profile_input(path, lang)?;
            let source = if path == "-" {
                "<stdin>".to_owned()
            } else {
                path.clone()
            };
            let mut raw = RawProfile::from_bytes(&bytes).map_err(|error| CliError::Profile {
                origin: source.clone(),
                error,
                lang,
            })?;
            if let Some(as_of) = &args.as_of {
                raw.as_of = Some(as_of.clone());
            }
            raw.validate(pack.profile_defaults(today)).map_err(|error| {
                let text = String::from_utf8_lossy(&bytes);
                let mut error = error.locate_in(
                    text.strip_prefix('\u{feff}').unwrap_or(&text),
                    &JsonPath::root(),
                );
                error.sort_by_location();
                CliError::Profile {
                    origin: source,
                    error,
                    lang,
                }
            })
        }
        None => profile_from_flags(args, pack.profile_defaults(today), lang),
    }
}

fn use_color(choice: ColorChoice) -> bool {
    color_wanted(
        choice,
        std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        || std::io::stdout().is_terminal(),
    )
}

/// Whether to colour: a flag the user typed wins over the environment
/// (`--color always` colours even with NO_COLOR set, as no-color.org asks);
/// without one, NO_COLOR turns colour off, and otherwise only a terminal
/// gets it.
fn color_wanted(choice: ColorChoice, no_color: bool, terminal: impl FnOnce() -> bool) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => !no_color && terminal(),
    }
}

/// Writes to stdout; a closed pipe (`| head`) is not an error.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(CliError::io("<stdout>", e)),
        _ => Ok(()),
    }
}

/// Builds the same raw profile a JSON file would give, so flags and files
/// share one validation; errors then name the flag.
fn profile_from_flags<F: ValueEnum + Clone + Send + Sync + 'static>(
    args: &CheckArgs<F>,
    defaults: Defaults,
    lang: Lang,
) -> Result<WorkerProfile, CliError> {
    let mut raw = RawProfile::default();
    raw.id = args.id.clone();
    raw.host = args.host.clone();
    raw.entry_date = args.entry.clone();
    raw.as_of = args.as_of.clone();
    raw.occupation = args.occupation.clone();
    raw.registered = args.registered.map(|r| r == YesNo::Yes);
    raw.permanent_resident = args.permanent_resident.map(|r| r == YesNo::Yes);
    let stateless = args
        .citizenship
        .iter()
        .any(|c| c.eq_ignore_ascii_case("none"));
    // `KG,none` is a contradiction: dropping either half would assess
    // someone else (a stateless person, or a Kyrgyz citizen) without a word.
    if stateless && args.citizenship.len() > 1 {
        let given = crate::json::quote(&args.citizenship.join(","));
        let error = InvalidProfile::one(
            JsonPath::root(),
            crate::diagnostic::Message::StatelessWithCountry { given },
        );
        return Err(CliError::Flags(error.in_file("--citizenship"), lang));
    }
    raw.set_citizenship(if stateless {
        Vec::new()
    } else {
        args.citizenship.clone()
    });
    let any_contract = args.contract.is_some()
        || args.start.is_some()
        || args.end.is_some()
        || args.terminated.is_some();
    if any_contract {
        raw.contract = Some(RawContract {
            kind: args.contract.map(|k| match k {
                KindArg::Employment => "employment".to_owned(),
                KindArg::CivilLaw => "civil_law".to_owned(),
                KindArg::None => "none".to_owned(),
            }),
            start: args.start.clone(),
            end: args.end.as_ref().map(|e| {
                if e.eq_ignore_ascii_case("open") {
                    None
                } else {
                    Some(e.clone())
                }
            }),
            terminated_on: args.terminated.clone(),
        });
    }
    if !args.child_born.is_empty() {
        raw.family = Some(
            args.child_born
                .iter()
                .cloned()
                .map(RawFamilyMember::child)
                .collect(),
        );
    }
    raw.validate(defaults).map_err(|mut error| {
        // Each problem is in the flag that gave its fact.
        for p in &mut error.problems {
            if !matches!(p.message, crate::diagnostic::Message::MoreProblems { .. }) {
                p.file = Some(flag_for(&p.path.to_string()).to_owned());
            }
            p.path = JsonPath::root();
        }
        CliError::Flags(error, lang)
    })
}

/// The flag that sets a profile field.
fn flag_for(path: &str) -> &'static str {
    let field = path.split(['[', '.']).next().unwrap_or(path);
    match (field, path) {
        (_, p) if p.starts_with("contract.kind") => "--contract",
        (_, p) if p.starts_with("contract.start") => "--start",
        (_, p) if p.starts_with("contract.end") => "--end",
        (_, p) if p.starts_with("contract.terminated_on") => "--terminated",
        ("citizenship", _) => "--citizenship",
        ("host", _) => "--host",
        ("entry_date", _) => "--entry",
        ("as_of", _) => "--as-of",
        ("occupation", _) => "--occupation",
        ("family", _) => "--child-born",
        ("id", _) => "--id",
        _ => "profile",
    }
}

#[cfg(test)]
mod tests {
    use super::{color_wanted, ColorChoice};

    #[test]
    fn a_colour_flag_wins_over_no_color_and_the_terminal() {
        for no_color in [false, true] {
            for terminal in [false, true] {
                assert!(color_wanted(ColorChoice::Always, no_color, || terminal));
                assert!(!color_wanted(ColorChoice::Never, no_color, || terminal));
            }
        }
    }

    #[test]
    fn auto_colours_a_terminal_unless_no_color_is_set() {
        assert!(color_wanted(ColorChoice::Auto, false, || true));
        assert!(!color_wanted(ColorChoice::Auto, false, || false));
        assert!(!color_wanted(ColorChoice::Auto, true, || true));
        assert!(!color_wanted(ColorChoice::Auto, true, || false));
    }
}
