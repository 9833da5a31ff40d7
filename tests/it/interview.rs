//! `interview` driven end to end: answers piped one per line, the
//! transcript read from stderr and the plan from stdout.

use crate::common;

use std::path::Path;

use serde_json::{json, Value};

/// Runs `interview` with these flags and answers (one per line), in an
/// empty directory of its own (a plan saved by name lands there); returns
/// (exit code, stdout, stderr).
fn interview(args: &[&str], answers: &[&str]) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    interview_in(dir.path(), args, answers)
}

fn interview_in(dir: &Path, args: &[&str], answers: &[&str]) -> (i32, String, String) {
    let mut input = answers.join("\n");
    input.push('\n');
    let mut cmd = crate::common::binary();
    cmd.current_dir(dir).arg("interview").args(args);
    crate::common::run_command(cmd, input.as_bytes())
}

/// One question as the transcript shows it: its progress line, its block
/// (question, choices and hint, on one line) and the answers typed to it.
#[derive(Debug)]
struct Asked {
    progress: String,
    block: String,
    answers: Vec<String>,
}

/// The questions of a transcript, in order.
fn asked(stderr: &str) -> Vec<Asked> {
    let mut out: Vec<Asked> = Vec::new();
    let mut lines = stderr
        .lines()
        // The questions end where the plan is announced.
        .take_while(|l| {
            ![
                "That is all",
                "No more answers",
                "Больше вопросов нет",
                "Ответов больше нет",
            ]
            .iter()
            .any(|end| l.starts_with(end))
        })
        .peekable();
    while let Some(line) = lines.next() {
        let progress = line.starts_with("Question ") || line.starts_with("Вопрос ");
        if progress {
            let mut block = Vec::new();
            while let Some(l) = lines.next_if(|l| !l.starts_with("> ") && *l != ">") {
                block.push(l.trim());
            }
            out.push(Asked {
                progress: line.to_owned(),
                block: block.join(" "),
                answers: Vec::new(),
            });
        } else if let Some(answer) = line.strip_prefix("> ") {
            if let Some(last) = out.last_mut() {
                last.answers.push(answer.to_owned());
            }
        }
    }
    out
}

/// Words joined by single spaces (wrapped text reads as one line).
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The questions `check` asks for a profile: (field, question).
fn report_questions(profile: &Value, as_of: &str) -> Vec<(String, String)> {
    let (code, out, err) = common::run(
        &[
            "check",
            "--profile",
            "-",
            "--format",
            "json",
            "--as-of",
            as_of,
        ],
        profile.to_string().as_bytes(),
    );
    assert_eq!(code, 0, "{profile}: {err}");
    let report: Value = serde_json::from_str(&out).unwrap();
    report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| {
            (
                q["field"].as_str().unwrap().to_owned(),
                q["question"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// Sets the fact an English question asks for in a profile, from the
/// answer given (only the questions the tests below answer).
fn set(profile: &mut Value, field: &str, answer: &str) {
    let contract = |p: &mut Value| {
        if p.get("contract").is_none() {
            p["contract"] = json!({});
        }
    };
    match field {
        "entry_date" => profile["entry_date"] = json!(answer),
        "contract.kind" => {
            contract(profile);
            let kind = match answer {
                "1" => "employment",
                "2" => "civil_law",
                "3" => "none",
                other => other,
            };
            profile["contract"]["kind"] = json!(kind);
        }
        "contract.start" => {
            contract(profile);
            profile["contract"]["start"] = json!(answer);
        }
        "contract.end" | "contract.effective_end" => {
            contract(profile);
            profile["contract"]["end"] = if answer == "open" {
                Value::Null
            } else {
                json!(answer)
            };
        }
        "occupation" => profile["occupation"] = json!(answer),
        "family" => {
            let n: usize = answer.parse().unwrap();
            profile["family"] = json!(vec![json!({}); n]);
        }
        "registered" => profile["registered"] = json!(answer == "yes"),
        other => panic!("the test does not answer `{other}`"),
    }
}

#[test]
fn a_kyrgyz_worker_in_russian_ends_with_the_last_registration_free_day() {
    let (code, out, err) = interview(
        &["--lang", "ru", "--as-of", "2026-03-20"],
        &[
            "Кыргызстан",
            "Казахстан",
            "трудовой договор",
            "02.03.2026",
            "бессрочный",
            "01.03.2026",
        ],
    );
    assert_eq!(code, 0, "{err}");
    // The Russian plan, opening with what to do first.
    assert!(out.starts_with("Права и обязанности\n"), "{out}");
    let first = out
        .split("\n\n")
        .find(|s| s.starts_with("ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ"))
        .unwrap_or_else(|| panic!("no actions first:\n{out}"));
    assert!(
        first.contains("Не позднее 30 марта 2026\u{a0}г., понедельник, через 10\u{a0}дней"),
        "{first}"
    );
    assert!(
        out.contains("Зарегистрируйтесь, если остаётесь дольше 30"),
        "{out}"
    );
    // Asked in Russian, the status first.
    let asked = asked(&err);
    assert_eq!(asked.len(), 7, "{err}");
    assert!(
        asked[0].block.starts_with("Гражданином какого государства"),
        "{err}"
    );
    assert!(
        asked[2]
            .block
            .starts_with("Вы работаете по трудовому договору"),
        "{err}"
    );
    assert!(
        asked[2].progress.starts_with("Вопрос 3, осталось около "),
        "{err}"
    );
    assert!(err.contains("Ответов больше нет"), "{err}");
}

#[test]
fn an_uzbek_citizen_is_asked_only_what_can_change_an_outcome() {
    let as_of = "2026-03-20";
    let answers = ["UZ", "KZ", "2026-03-01"];
    let (code, out, err) = interview(&["--as-of", as_of], &answers);
    assert_eq!(code, 0, "{err}");
    let asked = asked(&err);
    assert!(asked.len() >= 3, "{err}");
    assert!(asked[0]
        .block
        .starts_with("Which citizenship(s) do you hold?"));
    assert!(asked[1].block.starts_with("In which state do you work?"));
    // Every later question is one the report asks for the answers so far:
    // a fact the engine is missing, whose answer decides an outcome.
    let mut profile = json!({"citizenship": "UZ", "host": "KZ"});
    for q in &asked[2..] {
        let questions = report_questions(&profile, as_of);
        let (field, _) = questions
            .iter()
            .find(|(_, text)| q.block.starts_with(&one_line(text)))
            .unwrap_or_else(|| {
                panic!(
                    "asked `{}`, not among the missing facts of {profile}: {questions:#?}",
                    q.block
                )
            });
        assert_eq!(q.answers.len(), 1, "{q:?}");
        let answer = &q.answers[0];
        if answer != "?" {
            set(&mut profile, field, answer);
        }
    }
    // Nothing left to ask but what was left unknown.
    assert!(err.contains("That is all we need to ask."), "{err}");
    let left = report_questions(&profile, as_of);
    for (_, text) in &left {
        assert!(
            asked
                .iter()
                .any(|q| q.block.starts_with(&one_line(text)) && q.answers == ["?"]),
            "the report still asks `{text}`, which the interview did not"
        );
    }
    assert!(out.contains("NOT COVERED"), "{out}");
}

#[test]
fn i_dont_know_the_contract_end_still_gives_a_plan_that_asks_for_it() {
    let (code, out, err) = interview(
        &["--as-of", "2026-03-20"],
        &[
            "KG",
            "KZ",
            "employment",
            "2026-03-02",
            "I don't know",
            "2026-03-01",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("Left unknown"), "{err}");
    let asked = asked(&err);
    let end = "On what date does your contract end, or is it open-ended?";
    assert_eq!(
        asked.iter().filter(|q| q.block.starts_with(end)).count(),
        1,
        "asked once, then left unknown: {err}"
    );
    assert!(out.starts_with("Rights and obligations\n"), "{out}");
    let still = out
        .split("\n\n")
        .find(|s| s.starts_with("WHAT WE STILL NEED TO KNOW"))
        .unwrap_or_else(|| panic!("no questions in the plan:\n{out}"));
    assert!(one_line(still).contains(end), "{still}");
}

#[test]
fn a_bad_answer_is_asked_again_with_the_reason() {
    let (code, _, err) = interview(
        &["--as-of", "2026-03-20"],
        &[
            "?",
            "Kyrgyzstn",
            "Kyrgyzstan",
            "Kazakhstan",
            "permanent",
            "1",
            "31.02.2026",
            "2026-03-02",
            "2026-03-01",
            "1.3.2026",
            "2027-03-01",
            "2026-03-25",
            "01.03.2026",
        ],
    );
    assert_eq!(code, 0, "{err}");
    for reason in [
        "We need your citizenship to say anything about your rights.",
        "\"Kyrgyzstn\" is not a country we know. Did you mean Kyrgyzstan (KG)?",
        "\"permanent\" is not one of the answers. Type a number from 1 to 3, or the words.",
        "\"31.02.2026\" is not a day of the calendar.",
        "2026-03-01 is before the start of your contract, 2026-03-02.",
        "\"1.3.2026\" is not clear. Write the day and the month with two digits: 01.03.2026, or 2026-03-01.",
        "2026-03-25 is after the date of this assessment, 2026-03-20.",
    ] {
        assert!(one_line(&err).contains(reason), "no `{reason}` in:\n{err}");
    }
    // Each bad answer is followed by another try at the same question.
    let asked = asked(&err);
    assert_eq!(asked[0].answers, ["?", "Kyrgyzstn", "Kyrgyzstan"]);
    assert_eq!(asked[2].answers, ["permanent", "1"]);
}

#[test]
fn back_undoes_the_last_answer_and_asks_it_again() {
    let (code, out, err) = interview(
        &["--as-of", "2026-03-20"],
        &["back", "KG", "KZ", "2", "back", "back", "KZ", "1"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("This is the first question: there is no answer to change yet."));
    let asked = asked(&err);
    let numbered: Vec<(&str, &str)> = asked
        .iter()
        .map(|q| {
            (
                q.progress.split(',').next().unwrap(),
                q.block.split('?').next().unwrap(),
            )
        })
        .collect();
    let kind = "Do you work under an employment contract, a civil-law contract (for works or services), or no contract yet";
    assert_eq!(
        numbered[..6],
        [
            ("Question 1", "Which citizenship(s) do you hold"),
            ("Question 2", "In which state do you work"),
            ("Question 3", kind),
            (
                "Question 4",
                "On what date does your contract end, or is it open-ended"
            ),
            // `back` at question 4 undoes the answer to question 3, asked
            // again; `back` there undoes the host state.
            ("Question 3", kind),
            ("Question 2", "In which state do you work"),
        ],
        "{err}"
    );
    assert_eq!(
        err.matches("Your last answer is undone.").count(),
        2,
        "{err}"
    );
    // The plan has the answer given after `back`, not the one undone.
    assert!(
        out.contains("you work under an employment contract"),
        "{out}"
    );
}

#[test]
fn the_plan_is_saved_in_the_format_chosen_and_never_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("plan.ics"), "mine").unwrap();
    let (code, _, err) = interview_in(
        dir.path(),
        &["--as-of", "2026-03-20"],
        &[
            "KG",
            "KZ",
            "1",
            "2026-03-02",
            "open",
            "2026-03-01",
            "builder",
            "0",
            "4",
            "plan.ics",
            "",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("That is all we need to ask."), "{err}");
    assert!(
        err.contains("plan.ics already exists, and we do not replace it."),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("plan.ics")).unwrap(),
        "mine"
    );
    // Enter: the name offered.
    let saved = std::fs::read_to_string(dir.path().join("eaeu-rights-plan.ics")).unwrap();
    assert!(
        saved.starts_with("BEGIN:VCALENDAR"),
        "the calendar chosen: {saved}"
    );
    assert!(
        err.contains("The plan is saved in eaeu-rights-plan.ics."),
        "{err}"
    );

    // A Kyrgyz builder's answers in Russian, then the format and the name.
    let save_in_russian = |format: &str, name: &str| {
        let answers = [
            "KG",
            "KZ",
            "1",
            "2026-03-02",
            "open",
            "2026-03-01",
            "строитель",
            "0",
            format,
            name,
        ];
        interview_in(
            dir.path(),
            &["--as-of", "2026-03-20", "--lang", "ru"],
            &answers,
        )
    };
    let (code, _, err) = save_in_russian("2", "план.md");
    assert_eq!(code, 0, "{err}");
    let saved = std::fs::read_to_string(dir.path().join("план.md")).unwrap();
    assert!(saved.starts_with("# Права и обязанности"), "{saved}");
    assert!(err.contains("План сохранён в файле план.md."), "{err}");

    // The fifth format: the printable page, in the interview's language.
    let (code, _, err) = save_in_russian("5", "");
    assert_eq!(code, 0, "{err}");
    let page = std::fs::read_to_string(dir.path().join("eaeu-rights-plan.html")).unwrap();
    assert!(page.contains("<html lang=\"ru\""), "{page}");
    assert!(page.contains("30 марта 2026"), "{page}");
}

#[test]
fn a_plan_not_wanted_is_not_saved() {
    let (code, _, err) = interview(
        &["--as-of", "2026-03-20"],
        &[
            "KG",
            "KZ",
            "1",
            "2026-03-02",
            "open",
            "2026-03-01",
            "builder",
            "0",
            "no",
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.ends_with("The plan is not saved.\n"), "{err}");
}

/// Replaces the pack's content hash with `[hash]`.
fn redact_hash(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let (before, after) = rest.split_at(i + "sha256:".len());
        out.push_str(before);
        out.push_str("[hash]");
        rest = after.trim_start_matches(|c: char| c.is_ascii_hexdigit());
    }
    out.push_str(rest);
    out
}

#[test]
fn transcript_in_english() {
    let (code, out, err) = interview(
        &["--as-of", "2026-03-20"],
        &[
            "Kyrgyzstan",
            "KZ",
            "1",
            "2 March 2026",
            "02.03.2026",
            "open",
            "2026-03-01",
            "dispatcher",
            "?",
            "1",
            "child",
            "2022-05-01",
            "KG",
            "",
        ],
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(
        "interview_en",
        redact_hash(&format!("--- stderr ---\n{err}--- stdout ---\n{out}"))
    );
}

#[test]
fn transcript_in_russian() {
    let (code, out, err) = interview(
        &["--lang", "ru", "--as-of", "2026-03-20"],
        &[
            "Киргизия",
            "Казахстан",
            "1",
            "02.03.2026",
            "не знаю",
            "назад",
            "01.03.2027",
            "1.3.2026",
            "01.03.2026",
            "врач",
            "0",
        ],
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!(
        "interview_ru",
        redact_hash(&format!("--- stderr ---\n{err}--- stdout ---\n{out}"))
    );
}
