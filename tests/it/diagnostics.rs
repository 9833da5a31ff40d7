//! Issue 11: errors in the reader's language, and one rendering of a
//! diagnostic for every document a person writes.
//!
//! The same broken inputs are run in English and in Russian (`--lang`, and
//! `LANG` without the flag); each run's stderr is a snapshot, reviewed as
//! the words a person reads. A case file and a rule file show that their
//! problems are rendered as a profile's are: `file:line:col: `path`:
//! message`, and `help:` on the line below.

use std::path::{Path, PathBuf};

use crate::common::{binary, run_command};

/// A fresh directory holding `files`.
fn dir_with(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("diagnostics")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Runs the binary in `dir` with `args` (and `LANG` when given); returns
/// the exit code and stderr, after checking that nothing went to stdout.
fn run_in(dir: &Path, args: &[&str], lang_env: Option<&str>) -> (i32, String) {
    let mut cmd = binary();
    cmd.args(args).current_dir(dir);
    if let Some(lang) = lang_env {
        cmd.env("LANG", lang);
    }
    let (code, stdout, stderr) = run_command(cmd, b"");
    assert!(stdout.is_empty(), "{args:?} printed: {stdout}");
    (code, stderr)
}

fn snapshot(name: &str, args: &[&str], code: i32, stderr: &str) {
    insta::assert_snapshot!(
        name,
        format!("args: {}\nexit: {code}\nstderr:\n{stderr}", args.join(" "))
    );
}

/// A profile with a problem of every kind a person makes: an unknown
/// country, an impossible date, a misspelt contract kind and key, a
/// `null`, a date after the assessment, a wrong type.
const SEVERAL_PROBLEMS: &str = r#"{
  "citizenship": ["Kyrgyzstn", 417],
  "entry_date": "2026-02-30",
  "as_of": "2026-03-01",
  "contract": {"kind": "employmnt", "start": "1.3.2026", "end": null},
  "family": [{"relation": "child", "birth_date": "2026-04-01", "citizenship": null}],
  "registerd": true
}
"#;

#[test]
fn a_profile_with_several_problems_in_english_and_russian() {
    let dir = dir_with("several", &[("p.json", SEVERAL_PROBLEMS)]);
    for lang in ["en", "ru"] {
        let args = ["check", "--profile", "p.json", "--lang", lang];
        let (code, stderr) = run_in(&dir, &args, None);
        assert_eq!(code, 1, "{stderr}");
        snapshot(
            &format!("profile_several_problems_{lang}"),
            &args,
            code,
            &stderr,
        );
    }
    // Without `--lang`, the language of `LANG`, as for the report.
    let args = ["check", "--profile", "p.json"];
    let (_, by_env) = run_in(&dir, &args, Some("ru_RU.UTF-8"));
    let (_, by_flag) = run_in(
        &dir,
        &["check", "--profile", "p.json", "--lang", "ru"],
        None,
    );
    assert_eq!(by_env, by_flag);
    assert!(
        by_env.starts_with("ошибка: p.json:2:19: `citizenship[0]`: "),
        "{by_env}"
    );
}

#[test]
fn a_flag_error_in_english_and_russian() {
    let dir = dir_with("flags", &[]);
    for lang in ["en", "ru"] {
        for (name, flags) in [
            ("date", &["--entry", "32.13.2026"][..]),
            ("country", &["--host", "Kazakstn"][..]),
            (
                "several",
                &["--entry", "1.3.2026", "--end", "2026-02-30"][..],
            ),
            ("stateless", &["--citizenship", "none"][..]),
        ] {
            let mut args = vec!["check", "--citizenship", "KG", "--lang", lang];
            args.extend_from_slice(flags);
            let (code, stderr) = run_in(&dir, &args, None);
            // A bad value typed on the command line is a usage error.
            assert_eq!(code, 2, "{stderr}");
            snapshot(&format!("flags_{name}_{lang}"), &args, code, &stderr);
        }
    }
}

#[test]
fn a_profile_that_is_not_json_in_english_and_russian() {
    let dir = dir_with(
        "broken",
        &[(
            "p.json",
            "{\n  \"citizenship\": \"KG\",\n  \"entry_date\": 2026-03-01\n}\n",
        )],
    );
    for lang in ["en", "ru"] {
        let args = ["check", "--profile", "p.json", "--lang", lang];
        let (code, stderr) = run_in(&dir, &args, None);
        assert_eq!(code, 1, "{stderr}");
        snapshot(&format!("profile_not_json_{lang}"), &args, code, &stderr);
    }
}

#[test]
fn batch_error_records_are_in_the_reports_language() {
    let dir = dir_with(
        "batch",
        &[(
            "in.ndjson",
            "{\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\"}\n{\"citizenship\": \"XX\", \"entry_date\": \"2026-02-30\", \"family\": null}\n{\"citizenship\": \n",
        )],
    );
    for lang in ["en", "ru"] {
        let args = ["batch", "in.ndjson", "--lang", lang, "--format", "ndjson"];
        let mut cmd = binary();
        cmd.args(args).current_dir(&dir);
        let (code, stdout, _) = run_command(cmd, b"");
        assert_eq!(code, 1);
        // The report of the valid line is long and reviewed elsewhere:
        // only the error records are shown.
        let errors: Vec<&str> = stdout.lines().filter(|l| l.contains("\"error\"")).collect();
        assert_eq!(errors.len(), 2, "{stdout}");
        insta::assert_snapshot!(format!("batch_errors_{lang}"), errors.join("\n"));
    }
}

/// A case file's and a rule file's problems are diagnostics like a
/// profile's: `file:line:col: `path`: message`, then `  help: ...`.
#[test]
fn case_files_and_rule_files_share_the_rendering() {
    // A case whose profile has a misspelt contract kind: the profile's own
    // diagnostic, placed in the case file.
    let cases = dir_with(
        "cases",
        &[(
            "c.json",
            "[\n  {\"name\": \"typo\",\n   \"profile\": {\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\", \"contract\": {\"kind\": \"employmnt\"}},\n   \"expect\": {\"status\": \"covered\"}}\n]\n",
        )],
    );
    let args = ["test", "c.json"];
    let (code, case_err) = run_in(&cases, &args, None);
    assert_eq!(code, 2, "{case_err}");
    snapshot("case_file_profile_problem", &args, code, &case_err);

    // The same profile read by `check`: the same words and help.
    let profile = dir_with(
        "case-profile",
        &[(
            "p.json",
            "{\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\", \"contract\": {\"kind\": \"employmnt\"}}",
        )],
    );
    let (_, profile_err) = run_in(&profile, &["check", "--profile", "p.json"], None);
    let tail = |s: &str| s.split_once("`: ").map(|(_, t)| t.to_owned()).unwrap();
    assert!(
        case_err.starts_with("error: c.json:3:81: `[0].profile.contract.kind`: "),
        "{case_err}"
    );
    assert!(
        profile_err.starts_with("error: p.json:1:67: `contract.kind`: "),
        "{profile_err}"
    );
    assert_eq!(tail(&case_err), tail(&profile_err));
    assert!(case_err.contains("\n  help: did you mean `employment`?"));

    // A rule file: the same shape, the pack's English words.
    let pack = dir_with(
        "pack",
        &[(
            "rules.json",
            "{\"rules\": [\n  {\"id\": \"x.one\", \"kind\": \"rite\"}\n]}\n",
        )],
    );
    let args = ["rules", "check", "."];
    let (code, rule_err) = run_in(&pack, &args, None);
    assert_eq!(code, 2, "{rule_err}");
    let first = rule_err
        .lines()
        .find(|l| l.contains("rules.json:"))
        .unwrap();
    assert!(
        first.starts_with("error: rules.json:2:") && first.contains(": `rules[0]"),
        "{rule_err}"
    );
}
