//! `rules list | show ID | operators | check [DIR] | texts | coverage [DIR]`.

use std::fmt::Write as _;
use std::path::PathBuf;

use clap::Subcommand;

use super::test_cmd::load_cases;
use super::{write_stdout, CliError, PackArgs, EXIT_OK};
use crate::cases;
use crate::report::text::cite;
use crate::rules::{self, SourceFile};

/// Exit code of `rules coverage`: some rule lacks an applies or a does_not_apply case.
const EXIT_GAPS: u8 = 1;

#[derive(Debug, Subcommand)]
pub(crate) enum RulesCommand {
    /// List every rule: id, kind, title and source.
    List {
        #[command(flatten)]
        pack: PackArgs,
    },
    /// Show one rule in full, as written in its file.
    Show {
        /// The rule id, e.g. `eaeu.registration-exemption`.
        id: String,
        #[command(flatten)]
        pack: PackArgs,
    },
    /// Print the rule language's operators: how each is written, what it
    /// gives and what it means (a Markdown table per kind of operator).
    Operators,
    /// Check a rule pack (the embedded one without DIR) and report every problem.
    Check {
        /// The pack directory.
        dir: Option<PathBuf>,
        /// Profiles to look for conflicting rules on (`excludes`), besides generated ones [default: ./fixtures if it exists].
        #[arg(long, value_name = "DIR")]
        fixtures: Option<PathBuf>,
    },
    /// Print the pack's texts as a language file (JSON) to translate: what
    /// the language file of LANG already holds, English where it holds nothing.
    Texts {
        /// The language of the file to write, e.g. `ru`.
        #[arg(long, value_name = "LANG")]
        lang: String,
        #[command(flatten)]
        pack: PackArgs,
    },
    /// Count, per rule, the test cases in which it applies, does not apply or
    /// is undetermined; exit 1 if a rule lacks an applies or a does_not_apply case.
    Coverage {
        /// A case file, or a directory of case files [default: the embedded pack's own cases].
        #[arg(value_name = "DIR")]
        dir: Option<PathBuf>,
        #[command(flatten)]
        pack: PackArgs,
    },
}

pub(crate) fn run(command: RulesCommand) -> Result<u8, CliError> {
    match command {
        RulesCommand::Operators => {
            write_stdout(rules::operators_markdown().as_bytes())?;
            Ok(EXIT_OK)
        }
        RulesCommand::Texts { lang, pack } => {
            let pack = pack.load()?;
            let mut text = serde_json::to_string_pretty(&pack.language_file(&lang))
                .map_err(|e| CliError::Usage(e.to_string()))?;
            text.push('\n');
            write_stdout(text.as_bytes())?;
            Ok(EXIT_OK)
        }
        RulesCommand::List { pack } => {
            let pack = pack.load()?;
            let mut out = String::new();
            for rule in &pack.rules {
                let _ = writeln!(
                    out,
                    "{:<40} {:<12} {}",
                    rule.id,
                    kind_name(rule.kind),
                    rule.title
                );
                let _ = writeln!(out, "{:<40} {:<12} {}", "", "", cite(&rule.source));
            }
            let _ = writeln!(out, "\n{} rules · {}", pack.len(), pack.version());
            write_stdout(out.as_bytes())?;
            Ok(EXIT_OK)
        }
        RulesCommand::Show { id, pack: args } => {
            let files = match &args.rules {
                Some(dir) => rules::read_dir(dir)?,
                None => rules::embedded_files(),
            };
            let pack = rules::compile(&files)?;
            let Some(rule) = pack.rules.iter().find(|r| r.id == id) else {
                let known: Vec<&str> = pack.rule_ids().collect();
                return Err(CliError::Usage(format!(
                    "no rule has the id `{id}`; `eaeu-rights rules list` shows the {} rules",
                    known.len()
                )));
            };
            let mut out = String::new();
            let _ = writeln!(out, "{}  ({})", rule.id, kind_name(rule.kind));
            let _ = writeln!(out, "{}", rule.title);
            let _ = writeln!(out, "source:     {}", cite(&rule.source));
            if let Some(url) = &rule.source.url {
                let _ = writeln!(out, "            {url}");
            }
            match rule.in_force_to {
                Some(to) => {
                    let _ = writeln!(
                        out,
                        "in force:   from {} until {to} (exclusive)",
                        rule.in_force_from
                    );
                }
                None => {
                    let _ = writeln!(out, "in force:   from {}", rule.in_force_from);
                }
            }
            if let Some(on) = &rule.in_force_on {
                let _ = writeln!(
                    out,
                    "dated by:   {} (the period is tested on that date, not on the assessment date)",
                    crate::report::wording::sentences::Voice::of(crate::report::Lang::En).event_words(on)
                );
            }
            if let Some(earlier) = &rule.earlier {
                let _ = writeln!(out, "before:     not assessed: {earlier}");
            }
            for link in &rule.see_also {
                let _ = writeln!(out, "see also:   {link}");
            }
            if let Some(c) = rule.confidence {
                let _ = writeln!(
                    out,
                    "confidence: {}",
                    serde_json::to_value(c)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default()
                );
            }
            let _ = writeln!(out, "file:       {}", rule.file);
            let _ = writeln!(
                out,
                "\nas written:\n{}",
                raw_rule(&files, &rule.file, rule.index_in_file)
            );
            write_stdout(out.as_bytes())?;
            Ok(EXIT_OK)
        }
        RulesCommand::Check { dir, fixtures } => {
            let (files, what) = match &dir {
                Some(d) => (rules::read_dir(d)?, d.display().to_string()),
                None => (rules::embedded_files(), "embedded pack".to_owned()),
            };
            let pack = rules::compile(&files)?;
            let profiles = super::conflict_profiles(&pack, fixtures.as_deref())?;
            rules::conflicts::check(&pack, &files, &profiles)?;
            let line = format!(
                "ok: {what}: {} rules, {} definitions, {} sets, {} dated sets, {} parameters · {}\n",
                pack.len(),
                pack.defs.len(),
                pack.sets.len(),
                pack.dated_sets.len(),
                pack.params.len(),
                pack.version()
            );
            write_stdout(line.as_bytes())?;
            Ok(EXIT_OK)
        }
        RulesCommand::Coverage { dir, pack } => {
            let pack = pack.load()?;
            let (cases, from) = load_cases(dir.as_deref(), &pack)?;
            let coverage = cases::coverage(&pack, &cases);
            let mut out = String::new();
            let _ = writeln!(
                out,
                "{:<40} {:>7} {:>14} {:>12} {:>12}",
                "rule", "applies", "does_not_apply", "undetermined", "not_in_force"
            );
            let mut gaps = Vec::new();
            for c in &coverage {
                let missing = c.gaps();
                let mark = if missing.is_empty() {
                    String::new()
                } else {
                    format!("  <- no {} case", missing.join(" or "))
                };
                let _ = writeln!(
                    out,
                    "{:<40} {:>7} {:>14} {:>12} {:>12}{mark}",
                    c.rule, c.applies, c.does_not_apply, c.undetermined, c.not_in_force
                );
                if !missing.is_empty() {
                    gaps.push(c.rule.as_str());
                }
            }
            let _ = writeln!(
                out,
                "\n{} rules · {} cases from {} · {}",
                coverage.len(),
                cases.len(),
                from,
                if gaps.is_empty() {
                    "every rule has an applies and a does_not_apply case".to_owned()
                } else {
                    format!("{} rule(s) lack a case: {}", gaps.len(), gaps.join(", "))
                }
            );
            write_stdout(out.as_bytes())?;
            Ok(if gaps.is_empty() { EXIT_OK } else { EXIT_GAPS })
        }
    }
}

fn kind_name(kind: crate::engine::ir::RuleKind) -> &'static str {
    use crate::engine::ir::RuleKind;
    match kind {
        RuleKind::Right => "right",
        RuleKind::Obligation => "obligation",
        RuleKind::Exemption => "exemption",
        RuleKind::Information => "information",
    }
}

/// The rule object as written in its file, pretty-printed.
fn raw_rule(files: &[SourceFile], file: &str, index: usize) -> String {
    rules::rule_as_written(files, file, index)
        .and_then(|v| serde_json::to_string_pretty(&v).ok())
        .unwrap_or_default()
}
