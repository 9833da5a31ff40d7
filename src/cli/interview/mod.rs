//! `interview`: asks a person one question at a time and ends with their
//! plan.
//!
//! Nothing here decides which question comes next by itself. After every
//! answer the profile so far is evaluated, and the engine's missing facts
//! (the ones the report lists under "what we still need to know") are the
//! only questions left; the one whose answer decides the most (the status
//! first, then the most provisions) is asked next. The questions, the kind
//! of answer each takes and their choices are the pack's
//! (`rules/questions.json`, with its language files); the interview's own
//! words are `report::wording`'s.
//!
//! Prompts, hints and the reasons an answer was not taken go to stderr;
//! the plan goes to stdout, so `interview > plan.txt` keeps only the plan.
//! When stdin is not a terminal, each answer read is echoed after its
//! prompt, so the transcript on stderr reads as the conversation it was.

mod answers;
mod save;

use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use clap::Args;

use super::{
    lang_or_env, today, use_color, write_stdout, CliError, ColorChoice, PackArgs, EXIT_OK,
};
use crate::country::Country;
use crate::engine::ir::{Field, MemberField};
use crate::engine::trace::FieldKey;
use crate::engine::{self, Missing, RulePack};
use crate::profile::{
    RawContract, RawFamilyMember, RawProfile, WorkerProfile, MAX_CITIZENSHIPS, MAX_FAMILY, MAX_TEXT,
};
use crate::report::wording::interview::{AnswerProblem, InterviewWords};
use crate::report::wording::Words;
use crate::report::{self, Lang, Report};
use crate::rules::questions::{answer_for, AnswerKind, Choice};

/// The longest answer line read, in bytes; the rest of a longer line is
/// skipped, and the answer refused as too long.
const MAX_LINE: u64 = 4096;

/// The `interview` command's flags.
#[derive(Debug, Args)]
pub(crate) struct InterviewArgs {
    /// Date of the assessment (YYYY-MM-DD or DD.MM.YYYY) [default: today].
    #[arg(long = "as-of", value_name = "DATE")]
    as_of: Option<String>,
    /// The language of the questions and the plan [default: from LANG, else English].
    #[arg(long, value_enum, value_name = "LANG")]
    lang: Option<Lang>,
    /// Colour in the plan: `auto` colours on a terminal unless NO_COLOR is set; `always` colours even then; `never` does not.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    #[command(flatten)]
    pack: PackArgs,
}

/// What a question is about: a fact, and for a family member's fact, the
/// member (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Target {
    fact: FieldKey,
    member: Option<usize>,
}

impl Target {
    fn profile(field: Field) -> Self {
        Target {
            fact: FieldKey::Profile(field),
            member: None,
        }
    }

    /// The missing fact it stands for, to word its question.
    fn missing(self) -> Missing {
        Missing {
            field: self.fact,
            member: self.member,
        }
    }
}

/// An answer taken.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Given {
    Countries(Vec<Country>),
    Country(Country),
    Date(NaiveDate),
    /// A contract without an end date.
    Open,
    /// A choice's value.
    Choice(String),
    YesNo(bool),
    Text(String),
    Count(usize),
}

/// One answered question; `None`: "I don't know".
#[derive(Debug, Clone)]
struct Step {
    target: Target,
    answer: Option<Given>,
}

/// A question ready to ask.
#[derive(Debug, Clone)]
struct Ask<'p> {
    target: Target,
    text: String,
    kind: AnswerKind,
    choices: &'p [Choice],
}

/// Where answers come from, and where prompts go.
struct Console<R> {
    input: R,
    /// Echo each answer read (stdin is not a terminal).
    echo: bool,
}

impl<R: BufRead> Console<R> {
    /// Writes to stderr; a closed stderr does not stop the interview.
    fn say(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// Prompts and reads one answer, trimmed; `None` at the end of input.
    fn read(&mut self, prompt: &str) -> Result<Option<String>, CliError> {
        self.say(prompt);
        let mut bytes = Vec::new();
        let n = (&mut self.input)
            .take(MAX_LINE)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| CliError::io("<stdin>", e))?;
        if n == 0 {
            if self.echo {
                self.say("\n");
            }
            return Ok(None);
        }
        if bytes.last() != Some(&b'\n') && u64::try_from(n).is_ok_and(|n| n == MAX_LINE) {
            // Skip the rest of an overlong line: what was read is answer
            // enough to be refused (too long for any question).
            let mut rest = Vec::new();
            self.input
                .read_until(b'\n', &mut rest)
                .map_err(|e| CliError::io("<stdin>", e))?;
        }
        let line = String::from_utf8_lossy(&bytes);
        let line = line.trim().to_owned();
        if self.echo {
            self.say(&format!("{line}\n"));
        }
        Ok(Some(line))
    }
}

/// Runs `interview`.
pub(crate) fn run(args: InterviewArgs) -> Result<u8, CliError> {
    let pack = args.pack.load()?;
    let lang = lang_or_env(args.lang);
    let as_of = match &args.as_of {
        Some(text) => {
            crate::dates::parse_date(text).map_err(|e| super::flag_error("--as-of", e, lang))?
        }
        None => today(lang)?,
    };
    let stdin = std::io::stdin();
    let echo = !stdin.is_terminal();
    let mut console = Console {
        input: stdin.lock(),
        echo,
    };
    let interview = Interview {
        pack: &pack,
        lang,
        words: lang.interview_words(),
        as_of,
        as_of_given: args.as_of.is_some(),
    };
    let (profile, ended) = interview.ask_all(&mut console)?;
    let evaluation = engine::explain(&pack, &profile);
    let report = report::build_in(&pack, &profile, &evaluation, lang);
    write_stdout(report::text::render_in(&report, use_color(args.color), lang).as_bytes())?;
    if !ended {
        interview.offer_to_save(&mut console, &report, &profile)?;
    }
    Ok(EXIT_OK)
}

/// One interview's settings.
struct Interview<'p> {
    pack: &'p RulePack,
    lang: Lang,
    words: &'static InterviewWords,
    as_of: NaiveDate,
    /// Whether `--as-of` was given (else the report says it assumed today).
    as_of_given: bool,
}

impl<'p> Interview<'p> {
    /// Asks until nothing that can change an outcome is left, or the input
    /// ends; returns the profile and whether the input ended.
    fn ask_all<R: BufRead>(
        &self,
        console: &mut Console<R>,
    ) -> Result<(WorkerProfile, bool), CliError> {
        let w = self.words;
        let mut intro = String::new();
        for line in &w.intro {
            crate::report::text::wrap_into(&mut intro, line, "", "");
        }
        console.say(&intro);
        let mut steps: Vec<Step> = Vec::new();
        let mut ended = false;
        loop {
            let (profile, asks) = self.next(&steps);
            let Some(ask) = asks.first() else { break };
            let left = match ask.target.fact {
                // Nothing can be evaluated before the citizenship is known.
                FieldKey::Profile(Field::Citizenship) => None,
                _ => Some(asks.len().saturating_sub(1)),
            };
            console.say(&self.show(ask, steps.len().saturating_add(1), left));
            match self.answer(console, ask, &profile, &mut steps)? {
                Outcome::Taken => {}
                Outcome::Ended => {
                    ended = true;
                    break;
                }
            }
        }
        console.say(&format!(
            "\n{}\n\n",
            if ended { &w.ran_out } else { &w.done }
        ));
        let (profile, _) = self.next(&steps);
        Ok((profile, ended))
    }

    /// Reads answers to one question until one is taken (or undone, or
    /// left unknown), re-asking with the reason after a bad one.
    fn answer<R: BufRead>(
        &self,
        console: &mut Console<R>,
        ask: &Ask<'_>,
        profile: &WorkerProfile,
        steps: &mut Vec<Step>,
    ) -> Result<Outcome, CliError> {
        let w = self.words;
        loop {
            let Some(line) = console.read(&w.prompt)? else {
                return Ok(Outcome::Ended);
            };
            let problem = match self.special(&line) {
                Some(Special::Back) => {
                    if steps.pop().is_some() {
                        console.say(&format!("{}\n", w.undone));
                        return Ok(Outcome::Taken);
                    }
                    AnswerProblem::NothingToUndo
                }
                Some(Special::Unknown)
                    if ask.target.fact == FieldKey::Profile(Field::Citizenship) =>
                {
                    AnswerProblem::CitizenshipNeeded
                }
                Some(Special::Unknown) => {
                    steps.push(Step {
                        target: ask.target,
                        answer: None,
                    });
                    console.say(&format!("{}\n", w.left_unknown));
                    return Ok(Outcome::Taken);
                }
                None => match self.parse(ask, &line).and_then(|given| {
                    self.fits(ask.target, &given, profile)?;
                    Ok(given)
                }) {
                    Ok(given) => {
                        steps.push(Step {
                            target: ask.target,
                            answer: Some(given),
                        });
                        match self.profile(steps) {
                            Ok(_) => return Ok(Outcome::Taken),
                            Err(problem) => {
                                steps.pop();
                                problem
                            }
                        }
                    }
                    Err(problem) => problem,
                },
            };
            let mut out = String::new();
            crate::report::text::wrap_into(&mut out, &self.lang.answer_problem(&problem), "", "");
            crate::report::text::wrap_into(&mut out, &w.hint_always, "", "");
            console.say(&out);
        }
    }

    /// The profile the answers give, and the questions left, the first to
    /// ask first.
    fn next(&self, steps: &[Step]) -> (WorkerProfile, Vec<Ask<'p>>) {
        // Every step was checked as it was taken: the profile is valid.
        let profile = self
            .profile(steps)
            .unwrap_or_else(|_| WorkerProfile::empty(self.pack.profile_defaults(self.as_of)));
        let answered = |t: Target| steps.iter().any(|s| s.target == t);
        let citizenship = Target::profile(Field::Citizenship);
        if !answered(citizenship) {
            let ask = self.ask(&profile, citizenship);
            return (profile, ask.into_iter().collect());
        }
        let mut asks: Vec<Ask<'p>> = Vec::new();
        let host = Target::profile(Field::Host);
        if !answered(host) {
            asks.extend(self.ask(&profile, host));
        }
        let evaluation = engine::explain(self.pack, &profile);
        // Each fact to ask: whether it decides the status, how many
        // provisions it decides, and where the pack lists its question.
        let mut ranked: Vec<(Target, bool, Vec<String>, usize)> = Vec::new();
        for (m, affects) in report::missing_facts(self.pack, &evaluation) {
            let fact = self
                .pack
                .questions
                .for_missing(self.pack, &profile, &m)
                .map_or(m.field, |q| q.fact);
            let target = Target {
                fact,
                member: matches!(fact, FieldKey::Member(_))
                    .then_some(m.member)
                    .flatten(),
            };
            if answered(target) || answer_for(fact).is_err() {
                continue;
            }
            let status = affects.iter().any(|a| a == "status");
            match ranked.iter_mut().find(|(t, ..)| *t == target) {
                Some((_, s, rules, _)) => {
                    *s |= status;
                    for a in affects {
                        if a != "status" && !rules.contains(&a) {
                            rules.push(a);
                        }
                    }
                }
                None => {
                    let rules = affects.into_iter().filter(|a| a != "status").collect();
                    let at = self.pack.questions.position(fact).unwrap_or(usize::MAX);
                    ranked.push((target, status, rules, at));
                }
            }
        }
        // The status first, then the most provisions, then the pack's order.
        ranked.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| b.2.len().cmp(&a.2.len()))
                .then_with(|| a.3.cmp(&b.3))
                .then_with(|| a.0.member.cmp(&b.0.member))
        });
        asks.extend(
            ranked
                .into_iter()
                .filter_map(|(t, ..)| self.ask(&profile, t)),
        );
        (profile, asks)
    }

    /// The question for a target, in the reader's language; `None` when
    /// it takes choices the pack does not list.
    fn ask(&self, profile: &WorkerProfile, target: Target) -> Option<Ask<'p>> {
        let words = Words::new(self.pack, profile, self.lang);
        let question = self.pack.questions.for_fact(target.fact);
        let kind = question.map_or_else(|| answer_for(target.fact).ok(), |q| Some(q.answer))?;
        let choices = question.map_or(&[][..], |q| q.choices.as_slice());
        if kind == AnswerKind::Choice && choices.is_empty() {
            return None;
        }
        let text = match question {
            Some(q) => words.question_text(q, target.member),
            None => words.question(&target.missing()),
        };
        Some(Ask {
            target,
            text,
            kind,
            choices,
        })
    }

    /// A question as shown: where the interview is, the question, its
    /// choices, and what answer it takes.
    fn show(&self, ask: &Ask<'_>, number: usize, left: Option<usize>) -> String {
        let w = self.words;
        let mut out = String::from("\n");
        out.push_str(&self.lang.progress(number, left));
        out.push('\n');
        crate::report::text::wrap_into(&mut out, &ask.text, "", "");
        for (i, choice) in ask.choices.iter().enumerate() {
            let number = format!("  {:>2}  ", i.saturating_add(1));
            crate::report::text::wrap_into(
                &mut out,
                choice.label(self.lang.code()),
                &number,
                "      ",
            );
        }
        let hint = match ask.kind {
            AnswerKind::Country => &w.hint_country,
            AnswerKind::Countries => &w.hint_countries,
            AnswerKind::Date => &w.hint_date,
            AnswerKind::DateOrOpen => &w.hint_date_or_open,
            AnswerKind::Choice => &w.hint_choice,
            AnswerKind::YesNo => &w.hint_yes_no,
            AnswerKind::Text => &w.hint_text,
            AnswerKind::Count => &w.hint_count,
        };
        crate::report::text::wrap_into(&mut out, hint, "", "");
        out
    }
}

/// How a question ended.
enum Outcome {
    /// Answered, left unknown, or the last answer undone.
    Taken,
    /// The input ended.
    Ended,
}

/// An answer that is not an answer to the question.
enum Special {
    Back,
    Unknown,
}
