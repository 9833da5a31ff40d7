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
            crate::dates::parse_date(text).map_err(|e| CliError::Usage(format!("--as-of: {e}")))?
        }
        None => today()?,
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
        interview.offer_to_save(&mut console, &report)?;
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
        for line in w.intro {
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
        console.say(&format!("\n{}\n\n", if ended { w.ran_out } else { w.done }));
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
            let Some(line) = console.read(w.prompt)? else {
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
            crate::report::text::wrap_into(&mut out, w.hint_always, "", "");
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
            AnswerKind::Country => w.hint_country,
            AnswerKind::Countries => w.hint_countries,
            AnswerKind::Date => w.hint_date,
            AnswerKind::DateOrOpen => w.hint_date_or_open,
            AnswerKind::Choice => w.hint_choice,
            AnswerKind::YesNo => w.hint_yes_no,
            AnswerKind::Text => w.hint_text,
            AnswerKind::Count => w.hint_count,
        };
        crate::report::text::wrap_into(&mut out, hint, "", "");
        out
    }

    /// Whether a line is `back` or "I don't know", in any language.
    fn special(&self, line: &str) -> Option<Special> {
        if any_word(line, |w| w.back) {
            Some(Special::Back)
        } else if any_word(line, |w| w.unknown) {
            Some(Special::Unknown)
        } else {
            None
        }
    }

    /// Reads an answer of the question's kind.
    fn parse(&self, ask: &Ask<'_>, line: &str) -> Result<Given, AnswerProblem> {
        if line.is_empty() {
            return Err(AnswerProblem::Empty);
        }
        match ask.kind {
            AnswerKind::Country => country(line).map(Given::Country),
            AnswerKind::Countries if any_word(line, |w| w.stateless) => {
                Ok(Given::Countries(Vec::new()))
            }
            AnswerKind::Countries => {
                let mut out: Vec<Country> = Vec::new();
                for part in line
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    let c = country(part)?;
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
                if out.len() > MAX_CITIZENSHIPS {
                    return Err(AnswerProblem::TooManyCountries(MAX_CITIZENSHIPS));
                }
                Ok(Given::Countries(out))
            }
            AnswerKind::DateOrOpen if any_word(line, |w| w.open) => Ok(Given::Open),
            AnswerKind::Date | AnswerKind::DateOrOpen => date(line).map(Given::Date),
            AnswerKind::Choice => self.choice(ask, line).map(Given::Choice),
            AnswerKind::YesNo if any_word(line, |w| w.yes) => Ok(Given::YesNo(true)),
            AnswerKind::YesNo if any_word(line, |w| w.no) => Ok(Given::YesNo(false)),
            AnswerKind::YesNo => Err(AnswerProblem::NotYesNo(line.to_owned())),
            AnswerKind::Text if line.len() > MAX_TEXT => Err(AnswerProblem::TooLong),
            AnswerKind::Text => Ok(Given::Text(line.to_owned())),
            AnswerKind::Count if any_word(line, |w| w.no) => Ok(Given::Count(0)),
            AnswerKind::Count => match line.parse::<usize>() {
                Ok(n) if n <= MAX_FAMILY => Ok(Given::Count(n)),
                _ => Err(AnswerProblem::NotACount {
                    text: line.to_owned(),
                    max: MAX_FAMILY,
                }),
            },
        }
    }

    /// A choice by its number, its value (`civil-law` for `civil_law`) or
    /// its label in any language, any case.
    fn choice(&self, ask: &Ask<'_>, line: &str) -> Result<String, AnswerProblem> {
        let wanted = fold(line);
        let by_number = line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| ask.choices.get(i));
        let found = by_number.or_else(|| {
            ask.choices.iter().find(|c| {
                fold(&c.value) == wanted
                    || Lang::ALL.iter().any(|l| fold(c.label(l.code())) == wanted)
            })
        });
        found
            .map(|c| c.value.clone())
            .ok_or_else(|| AnswerProblem::NotAChoice {
                text: line.to_owned(),
                count: ask.choices.len(),
            })
    }

    /// Whether an answer fits the answers before it and the assessment
    /// date, said in the reader's words.
    fn fits(
        &self,
        target: Target,
        given: &Given,
        profile: &WorkerProfile,
    ) -> Result<(), AnswerProblem> {
        let Given::Date(date) = given else {
            return Ok(());
        };
        let date = *date;
        let as_of = self.as_of;
        let contract = &profile.contract;
        match target.fact {
            FieldKey::Profile(Field::EntryDate | Field::TerminatedOn)
            | FieldKey::Member(MemberField::BirthDate)
                if date > as_of =>
            {
                Err(AnswerProblem::AfterAsOf { date, as_of })
            }
            FieldKey::Profile(Field::ContractStart) => match contract.end {
                Some(Some(end)) if date > end => {
                    Err(AnswerProblem::StartAfterEnd { start: date, end })
                }
                _ => Ok(()),
            },
            FieldKey::Profile(Field::ContractEnd | Field::EffectiveEnd) => match contract.start {
                Some(start) if date < start => {
                    Err(AnswerProblem::EndBeforeStart { end: date, start })
                }
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// The profile the answers give, checked as a profile file would be.
    fn profile(&self, steps: &[Step]) -> Result<WorkerProfile, AnswerProblem> {
        let mut raw = RawProfile::default();
        raw.as_of = self.as_of_given.then(|| self.as_of.to_string());
        let mut contract = RawContract::default();
        let mut any_contract = false;
        let mut family: Option<Vec<Member>> = None;
        for step in steps {
            let Some(given) = &step.answer else { continue };
            let text = || match given {
                Given::Choice(v) | Given::Text(v) => Some(v.clone()),
                Given::Date(d) => Some(d.to_string()),
                Given::Country(c) => Some(c.code().to_owned()),
                _ => None,
            };
            let codes = || match given {
                Given::Countries(cs) => {
                    Some(cs.iter().map(|c| c.code().to_owned()).collect::<Vec<_>>())
                }
                _ => None,
            };
            let yes = match given {
                Given::YesNo(b) => Some(*b),
                _ => None,
            };
            match (step.target.fact, step.target.member) {
                (FieldKey::Profile(f), _) => match f {
                    Field::Citizenship => {
                        if let Some(codes) = codes() {
                            raw.set_citizenship(codes);
                        }
                    }
                    Field::Host => raw.host = text(),
                    Field::EntryDate => raw.entry_date = text(),
                    Field::ContractKind => {
                        contract.kind = text();
                        any_contract = true;
                    }
                    Field::ContractStart => {
                        contract.start = text();
                        any_contract = true;
                    }
                    Field::ContractEnd | Field::EffectiveEnd => {
                        contract.end = Some(match given {
                            Given::Open => None,
                            _ => text(),
                        });
                        any_contract = true;
                    }
                    Field::TerminatedOn => {
                        contract.terminated_on = text();
                        any_contract = true;
                    }
                    Field::Occupation | Field::OccupationCategory => raw.occupation = text(),
                    Field::Registered => raw.registered = yes,
                    Field::PermanentResident => raw.permanent_resident = yes,
                    Field::Family => {
                        if let Given::Count(n) = given {
                            family = Some(vec![Member::default(); *n]);
                        }
                    }
                    Field::AsOf => {}
                },
                (FieldKey::Member(f), Some(i)) => {
                    if let Some(m) = family.as_mut().and_then(|f| f.get_mut(i)) {
                        match f {
                            MemberField::Relation => m.relation = text(),
                            MemberField::BirthDate => m.birth_date = text(),
                            MemberField::Citizenship => m.citizenship = codes(),
                        }
                    }
                }
                (FieldKey::Member(_), None) => {}
            }
        }
        if any_contract {
            raw.contract = Some(contract);
        }
        raw.family = family.map(|members| {
            members
                .into_iter()
                .map(|m| RawFamilyMember::new(m.relation, m.birth_date, m.citizenship))
                .collect()
        });
        raw.validate(self.pack.profile_defaults(self.as_of))
            .map_err(|e| {
                AnswerProblem::Other(
                    e.problems
                        .first()
                        .map(|p| p.message.clone())
                        .unwrap_or_default(),
                )
            })
    }

    /// Offers to save the plan to a file, in a format the person picks.
    fn offer_to_save<R: BufRead>(
        &self,
        console: &mut Console<R>,
        report: &Report,
    ) -> Result<(), CliError> {
        let w = self.words;
        let mut offer = String::from("\n");
        crate::report::text::wrap_into(&mut offer, w.save, "", "");
        for (i, name) in w.formats.iter().enumerate() {
            crate::report::text::wrap_into(
                &mut offer,
                name,
                &format!("  {:>2}  ", i.saturating_add(1)),
                "      ",
            );
        }
        console.say(&offer);
        let format = loop {
            let Some(line) = console.read(w.prompt)? else {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            };
            // Enter, "no" or "I don't know": nothing to save.
            if line.is_empty() || any_word(&line, |w| w.no) || any_word(&line, |w| w.unknown) {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            }
            match line
                .parse::<usize>()
                .ok()
                .and_then(|n| SAVE_FORMATS.get(n.wrapping_sub(1)))
            {
                Some(format) => break *format,
                None => self.problem(console, &AnswerProblem::NotAFormat(line)),
            }
        };
        let default = format!("eaeu-rights-plan.{}", format.extension());
        let (before, after) = w.file_name;
        loop {
            let Some(line) = console.read(&format!("{before}{default}{after} "))? else {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            };
            let name = if line.is_empty() {
                default.clone()
            } else {
                line
            };
            match write_new(Path::new(&name), self.render(report, format).as_bytes()) {
                Ok(()) => {
                    let (before, after) = w.saved;
                    console.say(&format!("{before}{name}{after}\n"));
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    self.problem(console, &AnswerProblem::FileExists(name));
                }
                Err(e) => self.problem(
                    console,
                    &AnswerProblem::CannotWrite {
                        path: name,
                        why: crate::json::io_words(&e),
                    },
                ),
            }
        }
    }

    /// Says why an answer was not taken.
    fn problem<R: BufRead>(&self, console: &Console<R>, problem: &AnswerProblem) {
        let mut out = String::new();
        crate::report::text::wrap_into(&mut out, &self.lang.answer_problem(problem), "", "");
        console.say(&out);
    }

    /// The plan in a format to save (never in colour).
    fn render(&self, report: &Report, format: SaveFormat) -> String {
        match format {
            SaveFormat::Text => report::text::render_in(report, false, self.lang),
            SaveFormat::Markdown => report::markdown::render_in(report, self.lang),
            SaveFormat::Json => serde_json::to_string_pretty(report)
                .map(|mut s| {
                    s.push('\n');
                    s
                })
                .unwrap_or_default(),
            SaveFormat::Ics => report::ics::render_in(report, self.lang),
        }
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

/// A family member's answers so far.
#[derive(Debug, Clone, Default)]
struct Member {
    relation: Option<String>,
    birth_date: Option<String>,
    citizenship: Option<Vec<String>>,
}

/// The formats the plan can be saved in, in the order offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SaveFormat {
    Text,
    Markdown,
    Json,
    Ics,
}

const SAVE_FORMATS: [SaveFormat; 4] = [
    SaveFormat::Text,
    SaveFormat::Markdown,
    SaveFormat::Json,
    SaveFormat::Ics,
];

impl SaveFormat {
    fn extension(self) -> &'static str {
        match self {
            SaveFormat::Text => "txt",
            SaveFormat::Markdown => "md",
            SaveFormat::Json => "json",
            SaveFormat::Ics => "ics",
        }
    }
}

/// Writes a new file; an existing one (or a link planted in its place) is
/// never written through.
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Whether a line is one of a word list's words, in any language.
fn any_word(line: &str, words: impl Fn(&InterviewWords) -> &'static [&'static str]) -> bool {
    let line = fold(line);
    Lang::ALL
        .iter()
        .any(|l| words(l.interview_words()).iter().any(|w| fold(w) == line))
}

/// A text compared loosely: lower case, one space between words, `-` and
/// `_` as spaces, a typographic apostrophe as `'`, no final full stop.
fn fold(text: &str) -> String {
    let lower = text
        .trim()
        .trim_end_matches('.')
        .to_lowercase()
        .replace(['\u{2019}', '\u{02bc}'], "'")
        .replace(['-', '_'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn country(text: &str) -> Result<Country, AnswerProblem> {
    text.parse::<Country>()
        .map_err(|e| AnswerProblem::NotACountry {
            text: text.to_owned(),
            meant: e
                .meant()
                .map(|(name, c)| (name.to_owned(), c.code().to_owned())),
        })
}

fn date(text: &str) -> Result<NaiveDate, AnswerProblem> {
    use crate::dates::DateError;
    crate::dates::parse_date(text).map_err(|e| match e {
        DateError::Unpadded { text, dotted, iso } => AnswerProblem::Unpadded { text, dotted, iso },
        DateError::NoSuchDay(_) => AnswerProblem::NoSuchDay(text.to_owned()),
        DateError::OutOfRange(_) => AnswerProblem::OutOfRange(text.to_owned()),
        DateError::Shape(_) | DateError::NotADate(_) => AnswerProblem::NotADate(text.to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn answers_are_compared_loosely() {
        assert_eq!(fold("  I Don’t   know. "), "i don't know");
        assert_eq!(fold("civil-law"), fold("Civil law"));
        assert_eq!(fold("civil_law"), "civil law");
        assert_eq!(fold("НЕ ЗНАЮ"), "не знаю");
    }
}
