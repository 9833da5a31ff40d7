//! Integration tests of the command line: every command, every output
//! format and every exit code, run through the real binary.
//!
//! Each test reads in a few lines thanks to a small builder, in the manner of
//! casey/just's tests: `Test::new().args([...]).run().code(0).json()`.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use serde_json::Value;

use crate::common::TODAY;

/// The issue's example worker, as flags.
const KG_FLAGS: [&str; 11] = [
    "--entry",
    "2026-03-01",
    "--contract",
    "employment",
    "--start",
    "2026-03-02",
    "--end",
    "2027-03-01",
    "--as-of",
    "2026-03-20",
    "--format",
];

/// `check` of the issue's example worker with citizenship `citizenship`,
/// in `format`; the run must succeed.
fn check_example(citizenship: &str, format: &str) -> Run {
    Test::new()
        .args(["check", "--citizenship", citizenship])
        .args(KG_FLAGS)
        .arg(format)
        .run()
        .code(0)
}

/// A run of the binary being put together.
struct Test {
    args: Vec<OsString>,
    stdin: Option<Vec<u8>>,
    env: Vec<(String, Option<String>)>,
}

impl Test {
    /// `eaeu-rights` with `NO_COLOR=1` and a fixed `EAEU_RIGHTS_TODAY`.
    fn new() -> Self {
        Test {
            args: Vec::new(),
            stdin: None,
            env: vec![
                ("NO_COLOR".to_owned(), Some("1".to_owned())),
                ("EAEU_RIGHTS_TODAY".to_owned(), Some(TODAY.to_owned())),
            ],
        }
    }

    fn arg(mut self, arg: impl Into<OsString>) -> Self {
        self.args.push(arg.into());
        self
    }

    fn args<I: IntoIterator<Item = S>, S: Into<OsString>>(mut self, args: I) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    fn stdin(mut self, text: impl Into<Vec<u8>>) -> Self {
        self.stdin = Some(text.into());
        self
    }

    fn env(mut self, key: &str, value: &str) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_owned(), Some(value.to_owned())));
        self
    }

    fn env_remove(mut self, key: &str) -> Self {
        self.env.retain(|(k, _)| k != key);
        self.env.push((key.to_owned(), None));
        self
    }

    fn run(self) -> Run {
        let mut cmd = crate::common::binary();
        cmd.args(&self.args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .stdin(if self.stdin.is_some() {
                Stdio::piped()
            } else {
                Stdio::null()
            })
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (key, value) in &self.env {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        let mut child = cmd.spawn().expect("spawn eaeu-rights");
        if let Some(input) = self.stdin {
            child.stdin.take().unwrap().write_all(&input).unwrap();
        }
        let out = child.wait_with_output().unwrap();
        Run {
            args: self.args,
            code: out.status.code().expect("exit code"),
            stdout: String::from_utf8(out.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(out.stderr).expect("UTF-8 stderr"),
        }
    }
}

/// What a run gave.
struct Run {
    args: Vec<OsString>,
    code: i32,
    stdout: String,
    stderr: String,
}

impl Run {
    /// Asserts the exit code, showing the run's output if it differs.
    fn code(self, expected: i32) -> Self {
        assert_eq!(
            self.code, expected,
            "exit code of {:?}\n--- stdout\n{}\n--- stderr\n{}",
            self.args, self.stdout, self.stderr
        );
        self
    }

    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).expect("stdout is JSON")
    }

    /// The records of `batch`'s ndjson output after its `pack` header,
    /// each report put back together with the header (`check`'s shape).
    fn records(&self) -> Vec<Value> {
        crate::batch_reports::full_records(self.ndjson())
    }

    fn ndjson(&self) -> Vec<Value> {
        self.stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect()
    }

    fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr of {:?} lacks {needle:?}:\n{}",
            self.args,
            self.stderr
        );
        self
    }

    fn stdout_has(self, needle: &str) -> Self {
        assert!(
            self.stdout.contains(needle),
            "stdout of {:?} lacks {needle:?}:\n{}",
            self.args,
            self.stdout
        );
        self
    }
}

/// The finding for a rule id in a JSON report.
fn finding<'r>(report: &'r Value, rule: &str) -> &'r Value {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no finding for {rule}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("cli")
        .join(name);
    if dir.exists() {
        std::fs::remove_dir_all(&dir).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `(relative path, text)` files below `dir`.
fn write_files(dir: &Path, files: &[(&str, &str)]) {
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(name)
}

/// A valid pack of one rule: applies to anyone with an employment contract.
const SMALL_PACK: &str = r#"{
  "pack": {
    "name": "small",
    "version": "1.0.0",
    "status": "employed",
    "default_host": "KZ",
    "day_count": "event_day_is_day_1",
    "disclaimer": "A test pack."
  },
  "definitions": {
    "employed": { "expr": { "eq": [ { "field": "contract.kind" }, "employment" ] } }
  },
  "rules": [
    {
      "id": "test.employed",
      "kind": "right",
      "title": "Employed",
      "summary": "You are employed in {host}.",
      "source": { "instrument": "Test instrument", "article": "1" },
      "in_force": { "from": "2015-01-01" },
      "when": { "def": "employed" }
    }
  ]
}
"#;

// ---------------------------------------------------------------- check

/// Issue 2, "Done when": the Kyrgyz worker of the example.
#[test]
fn done_when_kg_worker_is_covered_with_the_treaty_dates() {
    let report = check_example("KG", "json").json();
    assert_eq!(report["status"], "covered");
    assert_eq!(report["as_of"], "2026-03-20");
    assert_eq!(report["host"], "KZ");
    assert_eq!(
        finding(&report, "eaeu.work-permit-exemption")["outcome"],
        "applies"
    );
    let registration = finding(&report, "eaeu.registration-exemption");
    assert_eq!(registration["outcome"], "applies");
    assert_eq!(registration["dates"]["until"], "2026-03-30");
    let stay = finding(&report, "eaeu.stay-for-contract-term");
    assert_eq!(stay["outcome"], "applies");
    assert_eq!(stay["dates"]["until"], "2027-03-01");
}

/// Issue 2, "Done when": the same person with Uzbek citizenship.
#[test]
fn done_when_uz_national_is_not_covered_and_no_eaeu_right_applies() {
    let report = check_example("UZ", "json").json();
    assert_eq!(report["status"], "not_covered");
    // The status names the reason and, since Uzbekistan is an observer
    // state, says that observer status gives no worker rights.
    let not_member = "Uzbekistan (UZ) is not an EAEU member state; it has been an EAEU observer state (observer status gives its nationals no worker rights) since 2020-12-11";
    assert!(
        strings(&report["status_reasons"]).contains(&not_member),
        "{}",
        report["status_reasons"]
    );
    let mut eaeu_rules = 0;
    for f in report["findings"].as_array().unwrap() {
        let rule = f["rule"].as_str().unwrap();
        // The one pack-level statement is about the host, not the person.
        if !rule.starts_with("eaeu.") || rule == "eaeu.national-rules-not-assessed" {
            continue;
        }
        eaeu_rules += 1;
        assert_eq!(f["outcome"], "does_not_apply", "{rule}: {f}");
        assert!(
            strings(&f["because"]).contains(&not_member),
            "{rule}: {}",
            f["because"]
        );
    }
    assert!(eaeu_rules >= 10, "only {eaeu_rules} eaeu. rules");
}

/// Issue 2, "Done when": without `--contract` the status is open and the
/// report asks for the contract kind.
#[test]
fn done_when_without_contract_status_is_undetermined_and_asks_for_its_kind() {
    let report = Test::new()
        .args(["check", "--citizenship", "KG", "--entry", "2026-03-01"])
        .args(["--as-of", "2026-03-20", "--format", "json"])
        .run()
        .code(0)
        .json();
    assert_eq!(report["status"], "undetermined");
    let questions = report["questions"].as_array().unwrap();
    let kind = questions
        .iter()
        .find(|q| q["field"] == "contract.kind")
        .expect("a question for contract.kind");
    assert!(strings(&kind["affects"]).contains(&"status"));
    assert!(kind["question"].as_str().unwrap().contains("contract"));
    assert!(
        strings(&finding(&report, "eaeu.stay-for-contract-term")["missing"])
            .contains(&"contract.kind")
    );
    // Nationality alone settles the work permit (Treaty Art. 97(1)).
    assert_eq!(
        finding(&report, "eaeu.work-permit-exemption")["outcome"],
        "applies"
    );
}

/// Issue 9, item 5: a job title is classified ("doctor", "врач" are medical
/// work); one the pack's table cannot place leaves both recognition rules
/// undetermined and asks what kind of work it is, never "not regulated".
#[test]
fn occupation_titles_are_classified_and_an_unknown_one_is_asked_about() {
    let report_for = |occupation: &str| {
        Test::new()
            .args(["check", "--citizenship", "KG", "--occupation", occupation])
            .args(KG_FLAGS)
            .arg("json")
            .run()
            .code(0)
            .json()
    };
    for title in ["doctor", "Врач", "school teacher"] {
        let report = report_for(title);
        let outcome = &finding(&report, "eaeu.regulated-profession-recognition")["outcome"];
        assert_eq!(outcome, "applies", "{title}");
    }
    let report = report_for("xyzzy");
    for rule in [
        "eaeu.education-recognition",
        "eaeu.regulated-profession-recognition",
    ] {
        assert_eq!(finding(&report, rule)["outcome"], "undetermined", "{rule}");
    }
    let question = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["field"] == "occupation")
        .expect("a question for the occupation");
    assert_eq!(
        question["question"],
        "Is your work teaching, legal, medical or pharmaceutical? (These need their diplomas recognised.)"
    );
    // Without an occupation the report asks for it as before.
    let report = check_example("KG", "json").json();
    let question = report["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["field"] == "occupation")
        .expect("a question for the occupation");
    assert!(question["question"]
        .as_str()
        .unwrap()
        .starts_with("What is your occupation?"));
}

/// A profile file with the same facts as the flags gives the same report,
/// whether it is read from a file or from stdin.
#[test]
fn check_reads_the_same_profile_from_flags_a_file_and_stdin() {
    let profile = r#"{
      "citizenship": "kg",
      "entry_date": "2026-03-01",
      "as_of": "2026-03-20",
      "contract": { "kind": "employment", "start": "2026-03-02", "end": "2027-03-01" }
    }"#;
    let dir = temp_dir("same-profile");
    write_files(&dir, &[("kg.json", profile)]);
    for format in ["json", "text"] {
        let by_flags = check_example("KG", format);
        let by_file = Test::new()
            .args(["check", "--format", format, "--profile"])
            .arg(dir.join("kg.json"))
            .run()
            .code(0);
        let by_stdin = Test::new()
            .args(["check", "--profile", "-", "--format", format])
            .stdin(profile)
            .run()
            .code(0);
        assert_eq!(by_flags.stdout, by_file.stdout, "{format}");
        assert_eq!(by_file.stdout, by_stdin.stdout, "{format}");
        assert!(by_file.stderr.is_empty(), "{}", by_file.stderr);
    }
}

/// A worker whose contract was terminated a week ago must first sign a new
/// contract: the report opens with that deadline, its weekday and the days
/// left, in English and in Russian.
#[test]
fn the_report_opens_with_what_to_do_first() {
    let profile = fixture("kg-within-new-contract-window.json");
    for (lang, heading, first) in [
        (
            "en",
            "\nWHAT TO DO FIRST\n",
            "  1. By Monday 18 May 2026, in 7\u{a0}days\n     15 days to sign a new contract after an early end\n",
        ),
        (
            "ru",
            "\nЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ\n",
            "  1. Не позднее 18 мая 2026\u{a0}г., понедельник, через 7\u{a0}дней\n",
        ),
    ] {
        let run = Test::new()
            .args(["check", "--lang", lang, "--profile"])
            .arg(&profile)
            .run()
            .code(0);
        let out = &run.stdout;
        let at = out.find(heading).expect(heading);
        assert!(out[at..].contains(first), "{lang}: {out}");
        // The actions come before every other section.
        let may = if lang == "en" { "\nWHAT YOU MAY DO\n" } else { "\nЧТО ВЫ МОЖЕТЕ\n" };
        assert!(at < out.find(may).expect(may), "{lang}: {out}");
    }
    // A duty already met is not an action.
    let run = Test::new()
        .args(["check", "--profile"])
        .arg(fixture("kg-already-registered.json"))
        .run()
        .code(0);
    let first = run
        .stdout
        .split("\nWHAT YOU MAY DO\n")
        .next()
        .unwrap_or_default();
    assert!(
        !first.contains("Register if you stay longer than 30 days"),
        "{first}"
    );
}

#[test]
fn check_text_report_is_grouped_for_people() {
    Test::new()
        .args(["check", "--profile"])
        .arg(fixture("kg-builder-almaty.json"))
        .run()
        .code(0)
        .stdout_has("Rights and obligations for kg-builder-almaty")
        .stdout_has("COVERED: you are a worker of an EAEU Member State in Kazakhstan.")
        .stdout_has("\nWHAT YOU MAY DO\n")
        .stdout_has("\nWHAT YOU MUST DO, AND BY WHEN\n")
        .stdout_has("\nWHAT DOES NOT APPLY\n")
        .stdout_has("No registration for the first 30 days (until Monday 30 March 2026, in")
        .stdout_has("Rules: eaeu-kz ");
    Test::new()
        .args(["check", "--profile"])
        .arg(fixture("no-contract-kind.json"))
        .run()
        .code(0)
        .stdout_has("UNDETERMINED: ")
        .stdout_has("\nWHAT WE STILL NEED TO KNOW\n");
}

#[test]
fn check_json_report_names_the_pack_version_and_hash() {
    let report = check_example("KG", "json").json();
    let version = report["rules_version"].as_str().unwrap();
    let (name, hash) = version.split_once("+sha256:").expect("a content hash");
    assert!(name.starts_with("eaeu-kz "), "{version}");
    assert_eq!(hash.len(), 16, "{version}");
    assert!(hash.chars().all(|c| c.is_ascii_hexdigit()), "{version}");
    // The text report names the same version.
    check_example("KG", "text").stdout_has(&format!("Rules: {version}"));
}

#[test]
fn check_lists_the_defaults_it_assumed() {
    let report = Test::new()
        .args(["check", "--citizenship", "RU", "--format", "json"])
        .env("EAEU_RIGHTS_TODAY", "2026-05-04")
        .run()
        .code(0)
        .json();
    assert_eq!(report["as_of"], "2026-05-04");
    assert_eq!(
        strings(&report["assumptions"]),
        [
            "assessed as of today, 2026-05-04",
            "assumed the host state is Kazakhstan (KZ)",
            "assumed the contract has not been terminated early",
            "assumed you do not hold a permanent residence permit in KZ",
        ]
    );
}

#[test]
fn check_as_of_flag_overrides_the_profile_date() {
    let report = Test::new()
        .args(["check", "--format", "json", "--as-of", "2026-03-31"])
        .arg("--profile")
        .arg(fixture("kg-builder-almaty.json"))
        .run()
        .code(0)
        .json();
    assert_eq!(report["as_of"], "2026-03-31");
    // Day 31 after entry on 2026-03-01: the exemption has ended.
    assert_eq!(
        finding(&report, "eaeu.registration-exemption")["outcome"],
        "does_not_apply"
    );
}

#[test]
fn check_loads_another_pack_with_rules_dir() {
    let dir = temp_dir("check-small-pack");
    write_files(&dir, &[("pack.json", SMALL_PACK)]);
    let report = Test::new()
        .args(["check", "--citizenship", "KG", "--contract", "employment"])
        .args(["--as-of", "2026-03-20", "--format", "json", "--rules"])
        .arg(&dir)
        .run()
        .code(0)
        .json();
    assert_eq!(report["status"], "covered");
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1);
    assert_eq!(findings[0]["rule"], "test.employed");
    assert_eq!(findings[0]["summary"], "You are employed in Kazakhstan.");
    assert!(report["rules_version"]
        .as_str()
        .unwrap()
        .starts_with("small 1.0.0+sha256:"));
}

// ------------------------------------------------------ text and colour

/// Removes ANSI escape sequences (`ESC [ ... m`).
fn strip_escapes(text: &str) -> String {
    let mut out = String::new();
    let mut in_escape = false;
    for c in text.chars() {
        match (in_escape, c) {
            (false, '\x1b') => in_escape = true,
            (true, 'm') => in_escape = false,
            (true, _) => {}
            (false, c) => out.push(c),
        }
    }
    out
}

#[test]
fn no_color_and_color_never_give_no_escape_codes() {
    let profile = fixture("kg-builder-almaty.json");
    // With NO_COLOR set, no colour unless the user asks for it by flag:
    // `--color always` wins (issue 12), as no-color.org asks.
    for color in ["never", "auto"] {
        let run = Test::new()
            .args(["check", "--color", color, "--profile"])
            .arg(&profile)
            .run()
            .code(0);
        assert!(!run.stdout.contains('\x1b'), "NO_COLOR, --color {color}");
    }
    let run = Test::new()
        .args(["check", "--profile"])
        .arg(&profile)
        .run()
        .code(0);
    assert!(!run.stdout.contains('\x1b'), "NO_COLOR, no --color");
    let run = Test::new()
        .args(["check", "--color", "always", "--profile"])
        .arg(&profile)
        .run()
        .code(0);
    assert!(run.stdout.contains("\x1b["), "NO_COLOR, --color always");
    // Without NO_COLOR: never, and auto on a pipe, give none either.
    for color in ["never", "auto"] {
        let run = Test::new()
            .env_remove("NO_COLOR")
            .args(["check", "--color", color, "--profile"])
            .arg(&profile)
            .run()
            .code(0);
        assert!(!run.stdout.contains('\x1b'), "--color {color}");
    }
    // An empty NO_COLOR is not set, per no-color.org.
    let run = Test::new()
        .env("NO_COLOR", "")
        .args(["check", "--color", "always", "--profile"])
        .arg(&profile)
        .run()
        .code(0);
    assert!(run.stdout.contains("\x1b["), "empty NO_COLOR");
}

#[test]
fn color_always_gives_escape_codes_that_hide_nothing() {
    let profile = fixture("kg-builder-almaty.json");
    let coloured = Test::new()
        .env_remove("NO_COLOR")
        .args(["check", "--color", "always", "--profile"])
        .arg(&profile)
        .run()
        .code(0);
    assert!(coloured.stdout.contains("\x1b[1m"), "bold");
    assert!(coloured.stdout.contains("\x1b[0m"), "reset");
    let plain = Test::new()
        .args(["check", "--color", "never", "--profile"])
        .arg(&profile)
        .run()
        .code(0);
    assert_eq!(strip_escapes(&coloured.stdout), plain.stdout);
}

/// Every line of every text report fits 80 columns: characters, not bytes
/// (the reports quote Russian terms such as ЦОН), and escape codes take no
/// width.
#[test]
fn text_report_lines_fit_80_columns() {
    let mut fixtures: Vec<PathBuf> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    fixtures.sort();
    assert!(!fixtures.is_empty());
    let mut saw_cyrillic = false;
    for path in &fixtures {
        let run = Test::new()
            .env_remove("NO_COLOR")
            .args(["check", "--color", "always", "--profile"])
            .arg(path)
            .run()
            .code(0);
        for line in strip_escapes(&run.stdout).lines() {
            let width = line.chars().count();
            // A link cannot be broken; it stands alone on its line.
            let link = line.trim_start().starts_with("https://") && !line.trim().contains(' ');
            assert!(
                link || width <= 80,
                "{}: {width} columns: {line}",
                path.display()
            );
            saw_cyrillic |= line.len() > width;
        }
    }
    // The test would be weaker if no line had multi-byte characters.
    assert!(saw_cyrillic, "no report line had a multi-byte character");
}

// ------------------------------------------------- invalid input: exit 1

#[test]
fn invalid_flags_are_a_usage_error_naming_the_flag() {
    // A bad value typed on the command line is a usage error (2), whether
    // clap or the profile's checks refuse it (issue 12).
    Test::new()
        .args(["check", "--citizenship", "KG,XX"])
        .run()
        .code(2)
        .stderr_has("--citizenship")
        .stderr_has("`XX`");
    Test::new()
        .args(["check", "--citizenship", "KG", "--entry", "2026-02-30"])
        .run()
        .code(2)
        .stderr_has("--entry")
        .stderr_has("`2026-02-30` is not a real calendar date");
    Test::new()
        .args(["check", "--citizenship", "KG", "--contract", "employment"])
        .args(["--start", "2026-03-02", "--end", "2026-03-01"])
        .run()
        .code(2)
        .stderr_has("--end");
}

#[test]
fn invalid_profile_file_names_the_file_line_and_field() {
    let dir = temp_dir("invalid-profile");
    write_files(
        &dir,
        &[(
            "bad.json",
            "{\n  \"citizenship\": \"KG\",\n  \"entry_date\": \"2026-02-30\"\n}\n",
        )],
    );
    let bad = dir.join("bad.json");
    Test::new()
        .args(["check", "--profile"])
        .arg(&bad)
        .run()
        .code(1)
        .stderr_has(&format!("{}:3:17: `entry_date`: ", bad.display()))
        .stderr_has("`2026-02-30` is not a real calendar date");
    // The same from stdin, and an unknown key.
    Test::new()
        .args(["check", "--profile", "-"])
        .stdin(r#"{"citizenship": "KG", "contract": {"knd": "employment"}}"#)
        .run()
        .code(1)
        .stderr_has("<stdin>")
        .stderr_has("unknown key `knd`");
    assert_eq!(
        Test::new()
            .args(["check", "--profile", "-"])
            .stdin("not json")
            .run()
            .code(1)
            .stdout,
        ""
    );
}

// --------------------------------------------------- usage errors: exit 2

#[test]
fn usage_errors_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["check"],
        &["check", "--citizenship", "KG", "--format", "yaml"],
        &["check", "--citizenship", "KG", "--contract", "freelance"],
        &["check", "--citizenship", "KG", "--color", "sometimes"],
        &["check", "--profile", "x.json", "--citizenship", "KG"],
        &["check", "--citizenship", "KG", "--registered", "maybe"],
        &["batch"],
        &["batch", "fixtures", "--format", "csv"],
        &["rules"],
        &["rules", "show"],
        &["rules", "frobnicate"],
    ];
    for args in cases {
        let run = Test::new().args(*args).run().code(2);
        assert!(run.stdout.is_empty(), "{args:?}: {}", run.stdout);
        // clap's message, or the help when a subcommand is missing.
        assert!(
            run.stderr.starts_with("error: ") || run.stderr.contains("\nUsage: "),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn help_and_version_exit_0() {
    Test::new()
        .arg("--help")
        .run()
        .code(0)
        .stdout_has("check")
        .stdout_has("batch")
        .stdout_has("rules");
    Test::new()
        .args(["check", "--help"])
        .run()
        .code(0)
        .stdout_has("--citizenship");
    Test::new()
        .arg("--version")
        .run()
        .code(0)
        .stdout_has("eaeu-rights ");
}

#[test]
fn unreadable_input_and_bad_environment_exit_2() {
    Test::new()
        .args(["check", "--profile", "no/such/profile.json"])
        .run()
        .code(2)
        .stderr_has("no/such/profile.json");
    Test::new()
        .args(["check", "--citizenship", "KG"])
        .env("EAEU_RIGHTS_TODAY", "2026-13-01")
        .run()
        .code(2)
        .stderr_has("EAEU_RIGHTS_TODAY");
    Test::new()
        .args(["batch", "fixtures", "--as-of", "yesterday"])
        .run()
        .code(2)
        .stderr_has("--as-of");
    let dir = temp_dir("check-broken-pack");
    write_files(&dir, &[("pack.json", "{ \"pack\": ")]);
    Test::new()
        .args(["check", "--citizenship", "KG", "--rules"])
        .arg(&dir)
        .run()
        .code(2)
        .stderr_has("pack.json");
}

// ---------------------------------------------------------------- batch

#[test]
fn batch_over_files_gives_one_record_per_file_in_order() {
    let records = Test::new()
        .args([
            "batch",
            "fixtures/uz-household-worker.json",
            "fixtures/kg-builder-almaty.json",
        ])
        .run()
        .code(0)
        .records();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["source"], "fixtures/uz-household-worker.json");
    assert_eq!(records[0]["report"]["status"], "not_covered");
    assert_eq!(records[1]["source"], "fixtures/kg-builder-almaty.json");
    assert_eq!(records[1]["report"]["status"], "covered");
    // A batch report is the `check` report of the same profile.
    let single = Test::new()
        .args(["check", "--format", "json", "--profile"])
        .arg(fixture("kg-builder-almaty.json"))
        .run()
        .code(0)
        .json();
    assert_eq!(records[1]["report"], single);
}

#[test]
fn batch_over_a_directory_takes_every_json_file_sorted() {
    let run = Test::new().args(["batch", "fixtures"]).run().code(0);
    let records = run.records();
    let mut names: Vec<String> = std::fs::read_dir(fixture(""))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    assert_eq!(records.len(), names.len());
    for (record, name) in records.iter().zip(&names) {
        assert_eq!(record["source"], format!("fixtures/{name}"));
        assert_eq!(
            record["report"]["profile_id"],
            name.trim_end_matches(".json")
        );
    }
    assert!(
        run.stderr.contains(&format!("{} evaluated", names.len())),
        "{}",
        run.stderr
    );
}

/// Issue 2, "Done when": a folder with one malformed profile among good ones.
#[test]
fn done_when_batch_folder_with_a_malformed_profile_yields_an_error_record_in_place() {
    let dir = temp_dir("batch-malformed");
    let good = std::fs::read_to_string(fixture("kg-builder-almaty.json")).unwrap();
    let other = std::fs::read_to_string(fixture("uz-household-worker.json")).unwrap();
    write_files(
        &dir,
        &[
            ("a-good.json", &good),
            (
                "b-malformed.json",
                "{\n  \"citizenship\": \"KG\",\n  \"entry_date\": \"2026-02-30\"\n}\n",
            ),
            ("c-good.json", &other),
            ("notes.txt", "not a profile"),
        ],
    );
    let run = Test::new().arg("batch").arg(&dir).run().code(1);
    let records = run.records();
    assert_eq!(records.len(), 3, "one record per profile: {}", run.stdout);
    let source = |name: &str| dir.join(name).display().to_string();
    assert_eq!(records[0]["source"], source("a-good.json"));
    assert_eq!(records[0]["report"]["profile_id"], "kg-builder-almaty");
    assert_eq!(records[1]["source"], source("b-malformed.json"));
    assert!(records[1].get("report").is_none());
    let error = &records[1]["error"];
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("`2026-02-30` is not a real calendar date"),
        "{error}"
    );
    assert_eq!(error["problems"][0]["path"], "entry_date");
    assert_eq!(error["problems"][0]["line"], 3);
    assert_eq!(records[2]["source"], source("c-good.json"));
    assert_eq!(records[2]["report"]["profile_id"], "uz-household-worker");
    assert!(run.stderr.contains("1 invalid"), "{}", run.stderr);
}

#[test]
fn batch_reads_array_files_element_by_element() {
    let dir = temp_dir("batch-array");
    write_files(
        &dir,
        &[(
            "people.json",
            r#"[
  {"id": "a", "citizenship": "KG", "as_of": "2026-03-20"},
  {"id": "b", "citizenship": "RU", "as_of": "2026-03-20", "host": "XX"},
  {"id": "c", "citizenship": [], "as_of": "2026-03-20"}
]"#,
        )],
    );
    let file = dir.join("people.json").display().to_string();
    let records = Test::new().arg("batch").arg(&file).run().code(1).records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["source"], format!("{file}[0]"));
    assert_eq!(records[0]["report"]["profile_id"], "a");
    assert_eq!(records[1]["source"], format!("{file}[1]"));
    assert_eq!(records[1]["error"]["problems"][0]["path"], "host");
    assert_eq!(records[1]["error"]["problems"][0]["line"], 3);
    assert_eq!(records[2]["source"], format!("{file}[2]"));
    assert_eq!(records[2]["report"]["status"], "not_covered");
}

#[test]
fn batch_refuses_only_the_array_element_with_a_duplicate_key() {
    let dir = temp_dir("batch-array-duplicate");
    write_files(
        &dir,
        &[(
            "people.json",
            r#"[
  {"id": "a", "citizenship": "KG", "as_of": "2026-03-20"},
  {"id": "b",
   "citizenship": "RU", "citizenship": "KG"},
  {"id": "c", "citizenship": [], "as_of": "2026-03-20"},
  {"id": "d", "id": "e"}
]"#,
        )],
    );
    let file = dir.join("people.json").display().to_string();
    let records = Test::new().arg("batch").arg(&file).run().code(1).records();
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["report"]["profile_id"], "a");
    assert_eq!(records[1]["source"], format!("{file}[1]"));
    let problem = &records[1]["error"]["problems"][0];
    assert!(
        problem["message"]
            .as_str()
            .unwrap()
            .starts_with("duplicate key `citizenship`"),
        "{problem}"
    );
    // Line and column in the file, not in the element.
    assert_eq!(problem["line"], 4, "{problem}");
    assert_eq!(problem["column"], 37, "{problem}");
    assert_eq!(records[2]["report"]["profile_id"], "c");
    // On the element's first line, columns count from where it starts.
    let problem = &records[3]["error"]["problems"][0];
    assert_eq!(
        (&problem["line"], &problem["column"]),
        (&6.into(), &18.into())
    );
    // A file that is not sound JSON is still one error record.
    write_files(&dir, &[("broken.json", "[{\"citizenship\": \"KG\"},")]);
    let broken = dir.join("broken.json").display().to_string();
    let records = Test::new()
        .arg("batch")
        .arg(&broken)
        .run()
        .code(1)
        .records();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0]["source"], broken);
}

const NDJSON: &str = concat!(
    r#"{"id": "one", "citizenship": "KG", "as_of": "2026-03-20", "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#,
    "\n\n",
    r#"{"id": "two", "citizenship": "UZ", "as_of": "2026-03-20"}"#,
    "\n",
    r#"{"id": "three", "citizenship": "KG", "as_of": "2026-03-20", "registered": "yes"}"#,
    "\n",
);

#[test]
fn batch_reads_ndjson_files_line_by_line() {
    let dir = temp_dir("batch-ndjson");
    write_files(&dir, &[("people.ndjson", NDJSON)]);
    let file = dir.join("people.ndjson").display().to_string();
    let run = Test::new().arg("batch").arg(&file).run().code(1);
    let records = run.records();
    assert_eq!(records.len(), 3, "the blank line is skipped");
    assert_eq!(records[0]["source"], format!("{file}:1"));
    assert_eq!(records[0]["report"]["status"], "covered");
    assert_eq!(records[1]["source"], format!("{file}:3"));
    assert_eq!(records[1]["report"]["profile_id"], "two");
    assert_eq!(records[2]["source"], format!("{file}:4"));
    assert_eq!(records[2]["error"]["problems"][0]["path"], "registered");
    assert!(run.stderr.contains("1 blank line"), "{}", run.stderr);
    // `.jsonl` is NDJSON too.
    write_files(&dir, &[("people.jsonl", NDJSON)]);
    let jsonl = dir.join("people.jsonl").display().to_string();
    let records = Test::new().arg("batch").arg(&jsonl).run().code(1).records();
    assert_eq!(records.len(), 3);
    assert_eq!(records[2]["source"], format!("{jsonl}:4"));
}

#[test]
fn batch_reads_ndjson_from_stdin() {
    let records = Test::new()
        .args(["batch", "-"])
        .stdin(NDJSON)
        .run()
        .code(1)
        .records();
    let sources: Vec<&str> = records
        .iter()
        .map(|r| r["source"].as_str().unwrap())
        .collect();
    assert_eq!(sources, ["<stdin>:1", "<stdin>:3", "<stdin>:4"]);
    // Only good records on stdin: exit 0.
    let good: String = NDJSON.lines().take(3).map(|l| format!("{l}\n")).collect();
    assert_eq!(
        Test::new()
            .args(["batch", "-"])
            .stdin(good)
            .run()
            .code(0)
            .records()
            .len(),
        2
    );
}

#[test]
fn batch_json_format_is_an_array_of_the_ndjson_records() {
    let args = [
        "batch",
        "fixtures/kg-builder-almaty.json",
        "no/such/file.json",
    ];
    let ndjson = Test::new().args(args).run().code(1).ndjson();
    let json = Test::new()
        .args(args)
        .args(["--format", "json"])
        .run()
        .code(1)
        .json();
    assert_eq!(json, Value::Array(ndjson.clone()));
    // The first record is the pack's texts.
    assert!(ndjson[0]["pack"].is_object());
    assert_eq!(ndjson[2]["source"], "no/such/file.json");
    assert!(ndjson[2]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("cannot read"));
    // No records at all: still a JSON array, of the header alone.
    let dir = temp_dir("batch-empty");
    let empty = Test::new()
        .arg("batch")
        .arg(&dir)
        .args(["--format", "json"])
        .run()
        .code(0)
        .json();
    assert_eq!(empty.as_array().unwrap().len(), 1, "{empty}");
    assert!(empty[0]["pack"].is_object());
}

#[test]
fn batch_summary_format_has_a_line_per_profile_and_totals() {
    let run = Test::new()
        .args([
            "batch",
            "fixtures/kg-builder-almaty.json",
            "fixtures/uz-household-worker.json",
            "fixtures/no-contract-kind.json",
            "no/such/file.json",
            "--format",
            "summary",
        ])
        .run()
        .code(1);
    let lines: Vec<&str> = run.stdout.lines().collect();
    // A fixture is named after its id, so the id is not repeated.
    assert!(lines[0].starts_with("fixtures/kg-builder-almaty.json  covered  applies: "));
    assert!(lines[1].starts_with("fixtures/uz-household-worker.json  not_covered  applies: "));
    assert!(lines[2].starts_with("fixtures/no-contract-kind.json  undetermined  applies: "));
    assert!(lines[3].starts_with("no/such/file.json  INVALID  "));
    assert_eq!(lines[4], "");
    assert_eq!(
        lines[5],
        "3 evaluated: 1 covered, 1 not covered, 1 undetermined; 1 invalid"
    );
    assert_eq!(lines.len(), 6);
}

#[test]
fn batch_summary_names_the_profile_when_its_source_does_not() {
    let input = concat!(
        r#"{"id": "w-17", "citizenship": "KG", "as_of": "2026-03-20"}"#,
        "\n",
        r#"{"citizenship": "UZ", "as_of": "2026-03-20"}"#,
        "\n"
    );
    let run = Test::new()
        .args(["batch", "--format", "summary", "-"])
        .stdin(input)
        .run()
        .code(0);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(lines[0].starts_with("<stdin>:1 w-17  "), "{}", run.stdout);
    assert!(
        lines[1].starts_with("<stdin>:2  not_covered  "),
        "{}",
        run.stdout
    );
}

#[test]
fn batch_out_writes_one_report_per_profile() {
    let out = temp_dir("batch-out");
    let dir = temp_dir("batch-out-input");
    write_files(
        &dir,
        &[(
            "people.ndjson",
            concat!(
                r#"{"id": "same", "citizenship": "KG", "as_of": "2026-03-20"}"#,
                "\n",
                r#"{"id": "same", "citizenship": "RU", "as_of": "2026-03-20"}"#,
                "\n",
                r#"{"citizenship": "BY", "as_of": "2026-03-20"}"#,
                "\n",
                r#"{"id": "bad", "citizenship": "XX"}"#,
                "\n",
            ),
        )],
    );
    let run = Test::new()
        .args([
            "batch",
            "fixtures/kg-builder-almaty.json",
            "fixtures/uz-household-worker.json",
        ])
        .arg(dir.join("people.ndjson"))
        .arg("--out")
        .arg(&out)
        .run()
        .code(1);
    let records = run.records();
    let mut written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    // Named by profile id (or by source when there is none); a repeated id
    // gets a suffix; the invalid record writes nothing; no temporary files.
    let no_id = format!(
        "{}.json",
        format!("{}:3", dir.join("people.ndjson").display())
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            })
            .collect::<String>()
    );
    let mut expected = vec![
        "kg-builder-almaty.json".to_owned(),
        "same-2.json".to_owned(),
        "same.json".to_owned(),
        "uz-household-worker.json".to_owned(),
        no_id,
    ];
    expected.sort();
    assert_eq!(written, expected);
    let saved: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("kg-builder-almaty.json")).unwrap())
            .unwrap();
    assert_eq!(saved, records[0]["report"]);
    let second: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("same-2.json")).unwrap()).unwrap();
    assert_eq!(second["findings"], records[3]["report"]["findings"]);
}

#[test]
fn batch_as_of_overrides_every_profile_date() {
    let records = Test::new()
        .args(["batch", "fixtures", "--as-of", "2027-12-31"])
        .run()
        .code(0)
        .records();
    assert!(records.len() > 20);
    for r in &records {
        assert_eq!(r["report"]["as_of"], "2027-12-31", "{}", r["source"]);
    }
    let kg = records
        .iter()
        .find(|r| r["report"]["profile_id"] == "kg-builder-almaty")
        .unwrap();
    // The entry (2026-03-01) dates the registration regime, not the
    // assessment date; the contract (to 2027-03-01) has ended by then.
    let online = finding(&kg["report"], "kz.registration-online");
    assert_eq!(online["outcome"], "does_not_apply");
    assert!(strings(&online["because"])
        .iter()
        .any(|b| b.contains("the date of entry (2026-03-01) is before 2026-07-01")));
    assert_eq!(kg["report"]["status"], "not_covered");
    assert_eq!(
        finding(&kg["report"], "eaeu.contract-ended")["outcome"],
        "applies"
    );
}

// ---------------------------------------------------------------- rules

#[test]
fn rules_list_shows_every_rule_with_its_source() {
    let run = Test::new().args(["rules", "list"]).run().code(0);
    let report = Test::new()
        .args(["check", "--citizenship", "KG", "--format", "json"])
        .run()
        .code(0)
        .json();
    let ids: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    for id in &ids {
        assert!(
            run.stdout.lines().any(|l| l.starts_with(&format!("{id} "))),
            "{id} not listed"
        );
    }
    assert!(run
        .stdout
        .contains("Treaty on the Eurasian Economic Union, Art. 97(4)"));
    assert!(
        run.stdout
            .contains(&format!("\n{} rules · eaeu-kz ", ids.len())),
        "{}",
        run.stdout
    );
    // The ids issue 2 requires are all there.
    for id in [
        "eaeu.work-permit-exemption",
        "eaeu.registration-exemption",
        "eaeu.stay-for-contract-term",
        "eaeu.tax-resident-rates",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
}

#[test]
fn rules_show_prints_one_rule_as_written() {
    Test::new()
        .args(["rules", "show", "eaeu.registration-exemption"])
        .run()
        .code(0)
        .stdout_has("eaeu.registration-exemption  (exemption)")
        .stdout_has("source:     Treaty on the Eurasian Economic Union, Art. 97(4)")
        .stdout_has("in force:   from 2015-01-01")
        .stdout_has("file:       eaeu/treaty.json")
        .stdout_has("as written:\n{")
        .stdout_has("\"id\": \"eaeu.registration-exemption\"");
    let dir = temp_dir("rules-show-small");
    write_files(&dir, &[("pack.json", SMALL_PACK)]);
    Test::new()
        .args(["rules", "show", "test.employed", "--rules"])
        .arg(&dir)
        .run()
        .code(0)
        .stdout_has("source:     Test instrument, Art. 1")
        .stdout_has("\"summary\": \"You are employed in {host}.\"");
}

#[test]
fn rules_show_unknown_id_exits_2() {
    Test::new()
        .args(["rules", "show", "eaeu.no-such-rule"])
        .run()
        .code(2)
        .stderr_has("`eaeu.no-such-rule`");
}

#[test]
fn rules_operators_lists_every_operator_the_compiler_knows() {
    let names = [
        "all",
        "member",
        "add_working_days",
        "last_day",
        "count",
        "is_null",
    ];
    let out = Test::new().args(["rules", "operators"]).run().code(0);
    names
        .iter()
        .fold(out, |out, name| out.stdout_has(&format!("| `{name}` |")))
        .stdout_has("#### Dates");
}

#[test]
fn rules_check_accepts_the_embedded_pack_and_a_good_dir() {
    Test::new()
        .args(["rules", "check"])
        .run()
        .code(0)
        .stdout_has("ok: embedded pack: ");
    // The source of the embedded pack checks the same.
    let embedded = Test::new().args(["rules", "check"]).run().code(0).stdout;
    let on_disk = Test::new()
        .args(["rules", "check", "rules"])
        .run()
        .code(0)
        .stdout;
    assert_eq!(
        embedded.replacen("embedded pack", "rules", 1),
        on_disk,
        "the embedded pack is the one in rules/"
    );
    let dir = temp_dir("rules-check-small");
    write_files(&dir, &[("pack.json", SMALL_PACK)]);
    Test::new()
        .args(["rules", "check"])
        .arg(&dir)
        .run()
        .code(0)
        .stdout_has(
            // The one set is the compiler's: the hosts with national rules.
            ": 1 rules, 1 definitions, 1 sets, 0 dated sets, 0 parameters · small 1.0.0+sha256:",
        );
    Test::new()
        .args(["rules", "list", "--rules"])
        .arg(&dir)
        .run()
        .code(0)
        .stdout_has("test.employed ")
        .stdout_has("\n1 rules · small 1.0.0");
}

/// Issue 2, "Done when": a rule file with a reference to an undefined name
/// and the date `2015-13-01`.
#[test]
fn done_when_rules_check_names_both_problems_with_file_and_line() {
    let dir = temp_dir("rules-check-broken");
    write_files(
        &dir,
        &[
            (
                "pack.json",
                r#"{
  "pack": {
    "name": "broken",
    "version": "0.0.1",
    "status": "worker",
    "day_count": "event_day_is_day_1",
    "disclaimer": "A test pack."
  },
  "definitions": {
    "worker": { "expr": { "eq": [ { "field": "contract.kind" }, "employment" ] } }
  }
}
"#,
            ),
            (
                "rules/broken.json",
                r#"{
  "rules": [
    {
      "id": "test.broken",
      "kind": "right",
      "title": "A broken rule",
      "summary": "Never shown.",
      "source": { "instrument": "Test instrument" },
      "in_force": { "from": "2015-13-01" },
      "when": { "def": "wroker" }
    }
  ]
}
"#,
            ),
        ],
    );
    let run = Test::new().args(["rules", "check"]).arg(&dir).run().code(2);
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(
        errors[0].starts_with("error: rules/broken.json:9:")
            && errors[0].contains("`2015-13-01` is not a real calendar date"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("error: rules/broken.json:10:")
            && errors[1].contains("undefined name `wroker`"),
        "{}",
        errors[1]
    );
    assert!(
        run.stderr.contains("did you mean `worker`?"),
        "{}",
        run.stderr
    );
    // Every command that loads the pack refuses it the same way.
    Test::new()
        .args(["rules", "list", "--rules"])
        .arg(&dir)
        .run()
        .code(2)
        .stderr_has("rules/broken.json:10:");
    Test::new()
        .args(["batch", "fixtures", "--rules"])
        .arg(&dir)
        .run()
        .code(2)
        .stderr_has("rules/broken.json:9:");
}

#[test]
fn rules_check_of_an_empty_or_missing_dir_exits_2() {
    let dir = temp_dir("rules-check-empty");
    Test::new()
        .args(["rules", "check"])
        .arg(&dir)
        .run()
        .code(2)
        .stderr_has("no `*.json` rule files");
    Test::new()
        .args(["rules", "check", "no/such/dir"])
        .run()
        .code(2)
        .stderr_has("no/such/dir");
}

/// Issue 9: in the summary, a duty the person has done has no date ahead,
/// and a rule whose years are not encoded is counted apart.
#[test]
fn batch_summary_skips_done_duties_and_counts_the_not_assessed() {
    let run = Test::new()
        .args(["batch", "fixtures", "--format", "summary"])
        .run()
        .code(0);
    let line = |name: &str| {
        run.stdout
            .lines()
            .find(|l| l.contains(name))
            .unwrap_or_else(|| panic!("no line for {name}"))
            .to_owned()
    };
    let registered = line("kg-already-registered.json");
    assert!(
        !registered.contains("registration-required"),
        "{registered}"
    );
    assert!(registered.contains("next date: 2027-03-01"), "{registered}");
    let uz = line("uz-employee-2022.json");
    assert!(uz.contains("not assessed: 1"), "{uz}");
}

/// Issue 10: a host state is data. A national module declares its `host`;
/// its rules apply to work there only, and the pack's set of hosts with
/// national rules grows with it, so the report for that host no longer says
/// its national rules are not assessed. No Rust changes.
#[test]
fn a_second_host_state_is_a_module_of_data() {
    let dir = temp_dir("second-host");
    let pack = dir.join("pack");
    // The embedded pack, file for file, plus one module for Russia.
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    let mut stack = vec![rules.clone()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let target = pack.join(path.strip_prefix(&rules).unwrap());
                std::fs::create_dir_all(target.parent().unwrap()).unwrap();
                std::fs::copy(&path, target).unwrap();
            }
        }
    }
    write_files(
        &pack,
        &[(
            "ru/test.json",
            r#"{
  "host": "RU",
  "rules": [
    {
      "id": "ru.test-notice",
      "kind": "information",
      "title": "A test rule of the host state",
      "summary": "You work in {host}.",
      "source": { "instrument": "Test instrument" },
      "in_force": { "from": "2015-01-01" },
      "when": true,
      "confidence": "unverified",
      "level": "national"
    }
  ]
}"#,
        )],
    );
    let pack = pack.to_str().unwrap();
    let report = |host: &str| {
        Test::new()
            .args(["check", "--rules", pack, "--format", "json"])
            .args([
                "--citizenship",
                "KG",
                "--host",
                host,
                "--entry",
                "2026-03-01",
            ])
            .args(["--contract", "employment", "--start", "2026-03-02"])
            .args(["--end", "2027-03-01", "--as-of", "2026-03-20"])
            .run()
            .code(0)
            .json()
    };
    let in_russia = report("RU");
    assert_eq!(finding(&in_russia, "ru.test-notice")["outcome"], "applies");
    assert_eq!(
        finding(&in_russia, "eaeu.national-rules-not-assessed")["outcome"],
        "does_not_apply"
    );
    let kz_rule = finding(&in_russia, "kz.temporary-residence-permit");
    assert_eq!(kz_rule["outcome"], "does_not_apply");
    assert!(
        strings(&kz_rule["because"]).contains(
            &"the host state is Russia, not Kazakhstan: Kazakhstan's national rules apply only to work there"
        ),
        "{kz_rule}"
    );
    let in_kazakhstan = report("KZ");
    let ru_rule = finding(&in_kazakhstan, "ru.test-notice");
    assert_eq!(ru_rule["outcome"], "does_not_apply");
    assert_eq!(
        finding(&in_kazakhstan, "kz.temporary-residence-permit")["outcome"],
        "applies"
    );
    // A host without a module is still told once that its rules are not here.
    let in_belarus = report("BY");
    assert_eq!(
        finding(&in_belarus, "eaeu.national-rules-not-assessed")["outcome"],
        "applies"
    );
}

/// Issue 10: a case file goes through the strict reader, so a key written
/// twice is refused with its line, not silently overwritten.
#[test]
fn a_case_with_a_duplicate_key_is_refused() {
    let dir = temp_dir("case-duplicate-key");
    write_files(
        &dir,
        &[(
            "dup.json",
            "{\n  \"name\": \"x\",\n  \"profile\": {\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\"},\n  \"expect\": {\"status\": \"covered\",\n    \"status\": \"not_covered\"}\n}\n",
        )],
    );
    let run = Test::new()
        .arg("test")
        .arg(dir.to_str().unwrap())
        .run()
        .code(2);
    assert!(run.stderr.contains("dup.json:5"), "{}", run.stderr);
    assert!(run.stderr.contains("`status`"), "{}", run.stderr);
}

/// Issue 11, item 3: the example worker written the way people write it,
/// a country's name and day-first dates.
const KG_FLAGS_DAY_FIRST: [&str; 10] = [
    "--entry",
    "01.03.2026",
    "--contract",
    "employment",
    "--start",
    "02.03.2026",
    "--end",
    "01.03.2027",
    "--as-of",
    "20.03.2026",
];

/// Issue 11, item 3: a name for the code and day-first dates give the very
/// report of the code and ISO dates (which says the dates back as ISO).
#[test]
fn done_when_a_country_name_and_day_first_dates_give_the_same_report() {
    let by_code = check_example("KG", "json").json();
    for name in ["Kyrgyzstan", "Кыргызстан", "kyrgyz republic", "КИРГИЗИЯ"] {
        let by_name = Test::new()
            .args(["check", "--citizenship", name])
            .args(KG_FLAGS_DAY_FIRST)
            .args(["--format", "json"])
            .run()
            .code(0);
        assert!(by_name.stderr.is_empty(), "{}", by_name.stderr);
        assert!(by_name.json() == by_code, "{name}: {}", by_name.stdout);
    }
    assert_eq!(by_code["as_of"], "2026-03-20");
    assert!(
        strings(&finding(&by_code, "eaeu.registration-exemption")["because"])
            .iter()
            .all(|s| !s.contains("01.03.2026"))
    );
    // The text report too, and with the host by name.
    let text = Test::new()
        .args([
            "check",
            "--citizenship",
            "Kyrgyzstan",
            "--host",
            "Казахстан",
        ])
        .args(KG_FLAGS_DAY_FIRST)
        .args(["--format", "text"])
        .run()
        .code(0);
    let by_code = Test::new()
        .args(["check", "--citizenship", "KG", "--host", "KZ"])
        .args(KG_FLAGS)
        .arg("text")
        .run()
        .code(0);
    assert!(text.stdout == by_code.stdout, "{}", text.stdout);
}

/// Issue 11, item 3: a profile file may name countries and write dates day
/// first, and write the contract kind `civil-law` as the flag takes it.
#[test]
fn a_profile_with_names_day_first_dates_and_civil_law_reads_as_codes() {
    let forgiving = r#"{
      "citizenship": ["Россия"],
      "host": "kazakhstan",
      "entry_date": "01.03.2026",
      "as_of": "20.03.2026",
      "contract": {"kind": "civil-law", "start": "02.03.2026", "end": null},
      "family": [{"relation": "child", "birth_date": "01.05.2022", "citizenship": "Russian Federation"}]
    }"#;
    let strict = r#"{
      "citizenship": ["RU"],
      "host": "KZ",
      "entry_date": "2026-03-01",
      "as_of": "2026-03-20",
      "contract": {"kind": "civil_law", "start": "2026-03-02", "end": null},
      "family": [{"relation": "child", "birth_date": "2022-05-01", "citizenship": ["RU"]}]
    }"#;
    let report = |profile: &str| {
        Test::new()
            .args(["check", "--profile", "-", "--format", "json"])
            .stdin(profile)
            .run()
            .code(0)
            .json()
    };
    let got = report(forgiving);
    assert!(got == report(strict), "{got:#}");
    assert_eq!(got["host"], "KZ");
    assert_eq!(got["as_of"], "2026-03-20");
    // The flag takes the same spellings of the kind, in any case; a child
    // given by flag has no known citizenship.
    let by_file = report(&strict.replace(r#", "citizenship": ["RU"]}"#, "}"));
    for kind in ["civil-law", "Civil law", "CIVIL_LAW"] {
        let by_flags = Test::new()
            .args(["check", "--citizenship", "Россия", "--contract", kind])
            .args([
                "--entry",
                "01.03.2026",
                "--start",
                "02.03.2026",
                "--end",
                "open",
            ])
            .args(["--child-born", "01.05.2022", "--as-of", "20.03.2026"])
            .args(["--format", "json"])
            .run()
            .code(0)
            .json();
        assert!(by_flags["findings"] == by_file["findings"], "{kind}");
    }
    // And a batch reads the file alike, with `--as-of` day first.
    let dir = temp_dir("forgiving-profile");
    write_files(&dir, &[("p.json", forgiving)]);
    let batch = Test::new()
        .args(["batch", "--format", "json", "--as-of", "20.03.2026"])
        .arg(dir.join("p.json"))
        .run()
        .code(0)
        .json();
    let batch = crate::batch_reports::full_records(batch.as_array().unwrap().clone());
    assert!(
        batch[0]["report"]["findings"] == got["findings"],
        "{:#}",
        batch[0]
    );
}

/// Issue 11, item 3: what is still refused says what would be accepted.
#[test]
fn a_misspelt_country_or_a_one_digit_day_is_refused_saying_what_would_do() {
    Test::new()
        .args(["check", "--citizenship", "Kyrgyzstn"])
        .run()
        .code(2)
        .stderr_has("--citizenship: `Kyrgyzstn` is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`\n  help: did you mean `Kyrgyzstan` (KG)?");
    Test::new()
        .args(["check", "--citizenship", "KG", "--entry", "1.3.2026"])
        .run()
        .code(2)
        .stderr_has("--entry: `1.3.2026` is not a date: write the day and the month with two digits, as in `01.03.2026`, or write `2026-03-01`");
    Test::new()
        .args(["check", "--citizenship", "KG", "--as-of", "31.02.2026"])
        .run()
        .code(2)
        .stderr_has("`31.02.2026` is not a real calendar date: February 2026 has 28 days");
    Test::new()
        .args(["check", "--profile", "-", "--format", "json"])
        .stdin(r#"{"citizenship": "KG", "contract": {"kind": "civil"}}"#)
        .run()
        .code(1)
        .stderr_has("expected `employment`, `civil_law` (also written `civil-law` or `civil law`) or `none`");
    Test::new()
        .args(["batch", "--as-of", "1.3.2026", "fixtures"])
        .run()
        .code(2)
        .stderr_has(
            "--as-of: `1.3.2026` is not a date: write the day and the month with two digits",
        );
}

/// Issue 10: the host state a profile leaves out comes from the pack
/// (`default_host`); a pack that names none asks for it.
#[test]
fn the_default_host_state_is_the_packs() {
    let dir = temp_dir("no-default-host");
    write_files(
        &dir,
        &[(
            "pack.json",
            &SMALL_PACK.replace("\"default_host\": \"KZ\",", ""),
        )],
    );
    let run = Test::new()
        .args(["check", "--citizenship", "KG", "--contract", "employment"])
        .args(["--as-of", "2026-03-20", "--rules"])
        .arg(&dir)
        .run()
        .code(2);
    assert!(
        run.stderr
            .contains("this rule pack names no default host state"),
        "{}",
        run.stderr
    );
    let given = Test::new()
        .args(["check", "--citizenship", "KG", "--contract", "employment"])
        .args([
            "--host",
            "KZ",
            "--as-of",
            "2026-03-20",
            "--format",
            "json",
            "--rules",
        ])
        .arg(&dir)
        .run()
        .code(0)
        .json();
    assert_eq!(given["host"], "KZ");
    // The embedded pack's default, said as an assumption.
    let report = check_example("KG", "json").json();
    assert!(strings(&report["assumptions"])
        .iter()
        .any(|a| a.contains("assumed the host state is Kazakhstan")));
}

/// Issue 11: compact records carry their source, so two profiles with one
/// id are told apart; the summary's date is the most urgent one, a deadline
/// passed and not met first.
#[test]
fn compact_records_carry_their_source_and_the_summary_puts_overdue_first() {
    let dir = temp_dir("compact-source");
    let line = r#"{"id": "same", "citizenship": "KG", "entry_date": "2026-03-01", "as_of": "2026-04-05", "registered": false, "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#;
    write_files(&dir, &[("two.ndjson", &format!("{line}\n{line}\n"))]);
    let file = dir.join("two.ndjson").display().to_string();
    let records = Test::new()
        .args(["batch", &file, "--format", "compact"])
        .run()
        .code(0)
        .ndjson();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], records[1]["id"]);
    assert_eq!(records[0]["source"], format!("{file}:1"));
    assert_eq!(records[1]["source"], format!("{file}:2"));
    let summary = Test::new()
        .args(["batch", &file, "--format", "summary"])
        .run()
        .code(0);
    let first = summary.stdout.lines().next().unwrap();
    // Registration was due by 2026-03-30 and is not done: that comes before
    // next year's dates.
    assert!(first.contains("overdue since: "), "{first}");
    assert!(!first.contains("next date"), "{first}");
}

use crate::ical;

/// Issue 11, item 4: `check --format ics` is a calendar a calendar program
/// reads, with the coming deadlines of the issue's example worker.
#[test]
fn check_ics_holds_the_coming_deadlines() {
    let run = check_example("KG", "ics");
    let events = ical::parse(&run.stdout);
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    let registration = events
        .iter()
        .find(|e| e.summary == "Register if you stay longer than 30 days (by 2026-03-30)")
        .unwrap_or_else(|| panic!("no registration deadline in {events:#?}"));
    assert_eq!(registration.start, date("2026-03-30"));
    assert_eq!(registration.end, date("2026-03-31"));
    assert_eq!(
        registration.alarms,
        [("-P3D".to_owned(), "DISPLAY".to_owned())]
    );
    assert!(registration.description.starts_with(
        "Your stay in Kazakhstan goes beyond the first 30 days from entry, so you must register"
    ));
    assert!(registration
        .description
        .contains("Source: Treaty on the Eurasian Economic Union, Art. 97(4)"));
    assert!(registration
        .url
        .as_deref()
        .is_some_and(|u| u.starts_with("https://docs.eaeunion.org/")));
    // Every event is on or after the assessment date: the host's
    // notification (due 2026-03-04) has passed and is not a reminder.
    assert!(events.iter().all(|e| e.start >= date("2026-03-20")));
    assert!(!events.iter().any(|e| e.summary.contains("notify")));
    let mut summaries: Vec<&str> = events.iter().map(|e| e.summary.as_str()).collect();
    summaries.sort_unstable();
    assert_eq!(
        summaries,
        [
            "No registration for the first 30 days (until 2026-03-30)",
            "Register if you stay longer than 30 days (by 2026-03-30)",
            "Stay for the term of your contract (until 2027-03-01)",
            "Temporary residence permit for the contract term (until 2027-03-01)",
        ]
    );
    // Reproducible: no clock in it, the same bytes every run.
    assert_eq!(check_example("KG", "ics").stdout, run.stdout);
    assert!(run.stdout.contains("DTSTAMP:20260320T000000Z\r\n"));
}

/// A duty the person says is done, or whose date has passed, is no
/// reminder; the UID names the profile, and a text with `,` `;` `\` comes
/// back whole from the calendar.
#[test]
fn check_ics_leaves_out_what_is_done_or_past() {
    let registered = Test::new()
        .args(["check", "--citizenship", "KG", "--registered", "yes"])
        .args(KG_FLAGS)
        .arg("ics")
        .run()
        .code(0);
    let events = ical::parse(&registered.stdout);
    assert!(!events
        .iter()
        .any(|e| e.summary.starts_with("Register if you stay")));
    assert_eq!(events.len(), 3, "{events:#?}");

    let later = Test::new()
        .args(["check", "--citizenship", "KG", "--id", r"a,b;c\d"])
        .args(KG_FLAGS.map(|f| if f == "2026-03-20" { "2026-04-05" } else { f }))
        .arg("ics")
        .run()
        .code(0);
    let events = ical::parse(&later.stdout);
    assert!(!events.iter().any(|e| e.summary.contains("30 days")));
    assert_eq!(events.len(), 2, "{events:#?}");
    for e in &events {
        assert!(
            e.description
                .ends_with(r"From the report for a,b;c\d as of 2026-04-05."),
            "{e:#?}"
        );
        // An id that is not a plain word is hashed into the UID.
        assert!(
            e.uid.ends_with("@eaeu-rights") && !e.uid.contains(','),
            "{e:#?}"
        );
    }

    let named = Test::new()
        .args(["check", "--citizenship", "KG", "--id", "kg-builder-almaty"])
        .args(KG_FLAGS)
        .arg("ics")
        .run()
        .code(0);
    let events = ical::parse(&named.stdout);
    assert!(events
        .iter()
        .any(|e| e.uid
            == "eaeu.registration-required-deadline-2026-03-30-kg-builder-almaty@eaeu-rights"));
}

/// `check --format markdown --detail`: the report for case notes, with
/// its headings and the registration deadline in full; a profile id with
/// Markdown in it stays plain words.
#[test]
fn check_markdown_has_the_headings_and_the_deadline() {
    let run = Test::new()
        .args(["check", "--citizenship", "KG", "--detail"])
        .args(KG_FLAGS)
        .arg("markdown")
        .run()
        .code(0);
    let md = &run.stdout;
    for heading in [
        "# Rights and obligations in Kazakhstan (KZ) as of 2026-03-20\n",
        "\n## Status\n",
        "\n## What you must do, and by when\n",
        "\n## What you may do\n",
        "\n## Good to know\n",
        "\n## What we still need to know\n",
        "\n## What does not apply\n",
        "\n## Assumptions (correct any that are wrong)\n",
    ] {
        assert!(md.contains(heading), "no {heading:?} in\n{md}");
    }
    assert!(md.contains(
        "\n### Register if you stay longer than 30 days — by Monday 30 March 2026, in 10\u{a0}days\n"
    ));
    // The host's notification was due before the assessment date.
    assert!(md.contains(" — by Wednesday 4 March 2026, already passed 16\u{a0}days ago\n"));
    assert!(md.contains(
        "Source: [Treaty on the Eurasian Economic Union, Art. 97(4)](https://docs.eaeunion.org/"
    ));
    // Soonest first: the passed notification before the registration.
    let notify = md.find("by Wednesday 4 March 2026").unwrap();
    let register = md.find("by Monday 30 March 2026").unwrap();
    assert!(notify < register);

    let md_alias = Test::new()
        .args(["check", "--citizenship", "KG", "--id", "*kg_1* [x](y) <b>"])
        .args(KG_FLAGS)
        .arg("md")
        .run()
        .code(0)
        .stdout;
    assert!(
        md_alias.contains(r"Profile: \*kg\_1\* \[x\](y) \<b\>"),
        "{md_alias}"
    );
}

/// `check --format html` (issue 11, item 4), read with an HTML parser, in
/// both languages: the page's language, the action plan first with the
/// registration deadline of the issue's worker (weekday and days left),
/// every source as a link, and a profile id and an occupation full of
/// markup that stay plain text.
#[test]
fn check_html_opens_with_the_action_plan_and_escapes_what_the_user_wrote() {
    use scraper::{Html, Selector};
    let sel = |s: &str| Selector::parse(s).unwrap();
    let id = r#"<script>alert("x")</script> &"' <b>id</b>"#;
    let occupation = "<i>Builder</i> & 'co'";
    let treaty_art_97 = check_example("KG", "json").json()["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "eaeu.registration-required")
        .unwrap()["source"]["url"]
        .as_str()
        .unwrap()
        .to_owned();
    for (lang, first, overdue, deadline, profile, source) in [
        (
            "en",
            "What to do first",
            "By Wednesday 4 March 2026, already passed 16\u{a0}days ago",
            "By Monday 30 March 2026, in 10\u{a0}days",
            "Profile: ",
            "Treaty on the Eurasian Economic Union, Art. 97(4)",
        ),
        (
            "ru",
            "Что сделать в первую очередь",
            "Не позднее 4 марта 2026\u{a0}г., среда, срок истёк 16\u{a0}дней назад",
            "Не позднее 30 марта 2026\u{a0}г., понедельник, через 10\u{a0}дней",
            "Профиль: ",
            "Договор о Евразийском экономическом союзе, ст. 97, п. 4",
        ),
    ] {
        let page = Test::new()
            .args(["check", "--citizenship", "KG", "--id", id])
            .args(["--occupation", occupation, "--lang", lang])
            .args(KG_FLAGS)
            .arg("html")
            .run()
            .code(0)
            .stdout;
        assert!(page.starts_with("<!DOCTYPE html>\n"), "{page}");
        // What the user wrote is never markup.
        assert!(!page.contains("<script") && !page.contains("<b>") && !page.contains("<i>"));
        let doc = Html::parse_document(&page);
        let html = doc.select(&sel("html")).next().unwrap();
        assert_eq!(html.value().attr("lang"), Some(lang));
        assert_eq!(doc.select(&sel("script, b, i")).count(), 0);
        let meta: String = doc
            .select(&sel("header .meta"))
            .next()
            .unwrap()
            .text()
            .collect();
        assert_eq!(meta, format!("{profile}{id}"));
        let dds: Vec<String> = doc
            .select(&sel("#details dd"))
            .map(|dd| dd.text().collect())
            .collect();
        assert!(dds.contains(&occupation.to_lowercase()), "{dds:?}");

        // The action plan opens the page: the host's notification, overdue,
        // then the registration deadline, each with its weekday and days.
        let section = doc.select(&sel("main > section")).next().unwrap();
        assert_eq!(section.value().id(), Some("first"));
        let heading: String = section.select(&sel("h2")).next().unwrap().text().collect();
        assert_eq!(heading, first);
        let items: Vec<_> = section.select(&sel("li")).collect();
        assert_eq!(items.len(), 2);
        let when = |i: usize| -> String {
            items[i]
                .select(&sel(".when"))
                .next()
                .unwrap()
                .text()
                .collect()
        };
        assert_eq!(when(0), overdue);
        assert_eq!(items[0].value().attr("class"), Some("overdue"));
        assert_eq!(when(1), deadline);
        assert_eq!(items[1].value().attr("class"), None);

        // Sources are links to the official texts.
        let links: Vec<(String, String)> = doc
            .select(&sel("a"))
            .map(|a| {
                (
                    a.value().attr("href").unwrap().to_owned(),
                    a.text().collect(),
                )
            })
            .collect();
        assert!(links.len() >= 10, "{links:?}");
        assert!(links.iter().all(|(href, _)| href.starts_with("https://")));
        assert!(
            links.contains(&(treaty_art_97.clone(), source.to_owned())),
            "{links:?}"
        );
    }
}

/// The Russian page has no English word a reader sees.
#[test]
fn check_html_in_russian_has_no_english_fixed_words() {
    use scraper::{Html, Selector};
    let page = check_kg_builder_ru("html");
    let doc = Html::parse_document(&page);
    let text: String = doc
        .select(&Selector::parse("title, body").unwrap())
        .flat_map(|e| e.text())
        .collect();
    for english in ENGLISH_WORDS {
        assert!(!text.contains(english), "English `{english}` in:\n{text}");
    }
    for english in ["Your details", "Citizenship", "not known", "Date of entry"] {
        assert!(!text.contains(english), "English `{english}` in:\n{text}");
    }
    assert!(text.contains("Сведения о вас"));
}

/// The issue's Kyrgyz builder in Almaty, `check --lang ru` in `format`.
fn check_kg_builder_ru(format: &str) -> String {
    Test::new()
        .args([
            "check",
            "--citizenship",
            "KG",
            "--contract",
            "employment",
            "--entry",
            "2026-03-01",
            "--start",
            "2026-03-02",
            "--end",
            "2027-03-01",
            "--as-of",
            "2026-03-20",
            "--id",
            "kg-builder-almaty",
            "--lang",
            "ru",
            "--format",
            format,
        ])
        .run()
        .code(0)
        .stdout
}

/// Replaces the pack's content hash (`sha256:` and hex digits) with
/// `[hash]`, so that a change to a rule shows only where it changes words.
fn redact_hash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("sha256:") {
        let (before, after) = rest.split_at(i + "sha256:".len());
        out.push_str(before);
        let hex = after
            .find(|c: char| !c.is_ascii_hexdigit())
            .unwrap_or(after.len());
        out.push_str("[hash]");
        rest = &after[hex..];
    }
    out.push_str(rest);
    out
}

/// The fixed words of the English reports, none of which may be left in
/// a Russian one.
const ENGLISH_WORDS: [&str; 28] = [
    "What you",
    "Good to know",
    "What we still",
    "What does not",
    "Not assessed",
    "Assumptions",
    "Already done",
    "This decides",
    "your status",
    "Rights and obligations in",
    "Covered",
    "Status",
    "Profile:",
    "Source:",
    "Note:",
    "Rules:",
    "(rule ",
    "(by ",
    "(until ",
    "already passed",
    "Monday",
    "Wednesday",
    "March",
    "in 10\u{a0}days",
    "verified",
    "From the report",
    "No deadline",
    "Art. ",
];

/// `check --lang ru` gives every format in Russian: the fixed words of the
/// text, Markdown and calendar reports as well as the rules' own texts.
#[test]
fn check_in_russian_has_no_english_fixed_words() {
    for format in ["text", "markdown", "ics"] {
        let out = check_kg_builder_ru(format);
        // A calendar's folded lines may split a word.
        let out = out.replace("\r\n ", "");
        for english in ENGLISH_WORDS {
            assert!(
                !out.contains(english),
                "{format}: English `{english}` in:\n{out}"
            );
        }
    }
}

/// The Russian Markdown report of the Kyrgyz builder, as a caseworker
/// reads it: headings in sentence case, the actions first, Russian
/// citations.
#[test]
fn check_markdown_in_russian() {
    let md = check_kg_builder_ru("markdown");
    for heading in [
        "# Права и обязанности: Казахстан (KZ), по состоянию на 2026-03-20\n",
        "\n## Статус\n",
        "\n## Что сделать в первую очередь\n",
        "\n## Что вы должны сделать и в какой срок\n",
        "\n## Что вы можете\n",
        "\n## Полезно знать\n",
        "\n## Что нам ещё нужно знать\n",
        "\n## Что к вам не применяется\n",
        "\n## Допущения (исправьте то, что неверно)\n",
    ] {
        assert!(md.contains(heading), "no {heading:?} in\n{md}");
    }
    assert!(md.contains(
        "\n2. **Не позднее 30 марта 2026\u{a0}г., понедельник, через 10\u{a0}дней**: Зарегистрируйтесь, если остаётесь дольше 30 дней\n"
    ));
    assert!(md.contains(
        "\n1. **Не позднее 4 марта 2026\u{a0}г., среда, срок истёк 16\u{a0}дней назад**: "
    ));
    assert!(md.contains(". [Договор о ЕАЭС, ст. 97, п. 4](https://docs.eaeunion.org/"));
    insta::assert_snapshot!("check_kg_builder_ru_markdown", redact_hash(&md));
}

/// The Russian calendar of the Kyrgyz builder: a calendar reads it, and
/// its UIDs are the English calendar's, so either updates the same events.
#[test]
fn check_ics_in_russian() {
    let ics = check_kg_builder_ru("ics");
    let events = ical::parse(&ics);
    let registration = events
        .iter()
        .find(|e| {
            e.summary == "Зарегистрируйтесь, если остаётесь дольше 30 дней (не позднее 2026-03-30)"
        })
        .unwrap_or_else(|| panic!("no registration deadline in {events:#?}"));
    assert_eq!(
        registration.uid,
        "eaeu.registration-required-deadline-2026-03-30-kg-builder-almaty@eaeu-rights"
    );
    assert!(registration.description.contains(
        "\n\nИсточник: Договор о Евразийском экономическом союзе, ст. 97, п. 4 (правило eaeu.registration-required)."
    ));
    assert!(registration
        .description
        .ends_with("\nИз отчёта «kg-builder-almaty» по состоянию на 2026-03-20."));
    assert_eq!(events.len(), 4, "{events:#?}");
    insta::assert_snapshot!("check_kg_builder_ru_ics", ics.replace("\r\n", "\n"));
}

/// A Russian calendar with no date to act on still says so in Russian.
#[test]
fn check_ics_in_russian_without_dates() {
    let ics = Test::new()
        .args(["check", "--citizenship", "UZ", "--as-of", "2026-03-20"])
        .args(["--lang", "ru", "--format", "ics"])
        .run()
        .stdout;
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded
            .contains("SUMMARY:В этом отчёте нет сроков и дат окончания начиная с 2026-03-20\r\n"),
        "{unfolded}"
    );
    assert!(
        unfolded.contains("DESCRIPTION:Из отчёта по состоянию на 2026-03-20.\r\n"),
        "{unfolded}"
    );
}

/// The Russian text report of the Kyrgyz builder.
#[test]
fn check_text_in_russian() {
    let text = check_kg_builder_ru("text");
    insta::assert_snapshot!("check_kg_builder_ru_text", redact_hash(&text));
}
