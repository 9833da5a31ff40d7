//! The commands about the tool itself: `schema` (the JSON Schemas of what
//! it reads and writes), `completions` (shell completion scripts) and `man`
//! (manual pages), each generated from the types and flags they describe,
//! so they cannot fall behind them.

use std::path::PathBuf;

use clap::{Args, CommandFactory, ValueEnum};

use super::{write_stdout, Cli, CliError, EXIT_OK};

/// Which document's schema to print.
#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum SchemaOf {
    /// A worker profile: what `check --profile` and `batch` read.
    Profile,
    /// A report: what `check --format json` writes.
    Report,
    /// A record of `batch --format ndjson` (and each element of `--format json`).
    Batch,
    /// A line of `batch --format compact`.
    Compact,
}

/// `schema DOCUMENT`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// The document whose JSON Schema (draft 2020-12) to print.
    #[arg(value_enum)]
    of: SchemaOf,
}

/// `completions SHELL`.
#[derive(Debug, Args)]
#[command(after_help = "Install, for example:
  bash:  eaeu-rights completions bash > ~/.local/share/bash-completion/completions/eaeu-rights
  zsh:   eaeu-rights completions zsh > ~/.zfunc/_eaeu-rights   (with ~/.zfunc in fpath)
  fish:  eaeu-rights completions fish > ~/.config/fish/completions/eaeu-rights.fish")]
pub(crate) struct CompletionsArgs {
    /// The shell to write the completion script for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// `man [--dir DIR]`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write one page per command (eaeu-rights.1, eaeu-rights-check.1, ...) into this directory instead of printing the main page.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Prints a JSON Schema.
pub(crate) fn schema(args: SchemaArgs) -> Result<u8, CliError> {
    let schema = match args.of {
        SchemaOf::Profile => crate::profile::schema::json_schema(),
        SchemaOf::Report => crate::report::schema::json_schema(),
        SchemaOf::Batch => crate::batch::record_schema(),
        SchemaOf::Compact => crate::report::compact::json_schema(),
    };
    let mut text =
        serde_json::to_string_pretty(&schema).map_err(|e| CliError::Usage(e.to_string()))?;
    text.push('\n');
    write_stdout(text.as_bytes())?;
    Ok(EXIT_OK)
}

/// Prints a completion script.
pub(crate) fn completions(args: CompletionsArgs) -> Result<u8, CliError> {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, BIN, &mut out);
    if args.shell == clap_complete::Shell::Bash {
        out = fix_bash_labels(&out);
    }
    write_stdout(&out)?;
    Ok(EXIT_OK)
}

/// The program's name, as completion scripts complete it.
const BIN: &str = "eaeu-rights";

/// clap_complete's bash script names a subcommand's state two ways when
/// the program's name has a hyphen (`eaeu__rights__subcmd__check` where
/// the words are read, `eaeu__subcmd__rights__subcmd__check` where they
/// are matched), so nothing after a subcommand completed: not
/// `check --<Tab>`, not `check --format <Tab>` (clap-rs/clap issue 6421).
/// The matching side is spelt the way the reading side spells it; once
/// clap_complete is fixed this replaces nothing.
fn fix_bash_labels(script: &[u8]) -> Vec<u8> {
    let wrong = format!("{}__", BIN.replace('-', "__subcmd__"));
    let right = format!("{}__", BIN.replace('-', "__"));
    String::from_utf8_lossy(script)
        .replace(&wrong, &right)
        .into_bytes()
}

/// Prints the main manual page, or writes every command's into a directory.
pub(crate) fn man(args: ManArgs) -> Result<u8, CliError> {
    let cmd = Cli::command();
    match args.dir {
        Some(dir) => {
            std::fs::create_dir_all(&dir).map_err(|e| CliError::io(&dir, e))?;
            clap_mangen::generate_to(cmd, &dir).map_err(|e| CliError::io(&dir, e))?;
            Ok(EXIT_OK)
        }
        None => {
            let mut out = Vec::new();
            clap_mangen::Man::new(cmd)
                .render(&mut out)
                .map_err(|e| CliError::io("<stdout>", e))?;
            write_stdout(&out)?;
            Ok(EXIT_OK)
        }
    }
}
