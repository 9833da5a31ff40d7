//! Issues 11 and 14: what `batch` says besides its reports follows the
//! run's language: the error records of files it cannot read and of lines
//! too long, the tally on stderr, and the summary format's words; and so
//! do the command errors we word ourselves (a bad `--as-of`, a bad
//! `EAEU_RIGHTS_TODAY`, a profile file that cannot be read).
//!
//! Each run is a snapshot in English and in Russian, reviewed as the
//! words a person reads.

use std::path::{Path, PathBuf};

use crate::common::{binary, run_command};

/// A covered worker whose registration deadline has passed.
const OVERDUE: &str = r#"{"id": "builder", "citizenship": "KG", "entry_date": "2026-03-01",
 "contract": {"kind": "employment", "start": "2026-03-02", "end": "2027-03-01"}}"#;

/// A directory `name` holding a profile, a profile that cannot be read
/// (a subdirectory named `x.json`), and an NDJSON file with a valid line,
/// a blank line and a line longer than `--max-line 300`.
fn inputs(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("batch_messages")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("profiles").join("x.json")).unwrap();
    std::fs::write(dir.join("profiles").join("a.json"), OVERDUE).unwrap();
    let long = format!(
        r#"{{"citizenship": "KG", "occupation": "{}"}}"#,
        "a".repeat(400)
    );
    let ndjson = format!("{}\n\n{long}\n", OVERDUE.replace('\n', ""));
    std::fs::write(dir.join("more.ndjson"), ndjson).unwrap();
    dir
}

/// Runs the binary in `dir`; returns the exit code, stdout and stderr.
fn run_in(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut cmd = binary();
    cmd.args(args).current_dir(dir);
    for (k, v) in env {
        cmd.env(k, v);
    }
    run_command(cmd, b"")
}

const BATCH: [&str; 7] = [
    "batch",
    "profiles",
    "more.ndjson",
    "--max-line",
    "300",
    "--as-of",
    "2026-04-05",
];

#[test]
fn error_records_and_tally_follow_the_language() {
    for lang in ["en", "ru"] {
        let dir = inputs(&format!("records-{lang}"));
        let mut args = BATCH.to_vec();
        args.extend(["--lang", lang]);
        let (code, stdout, stderr) = run_in(&dir, &args, &[]);
        assert_eq!(code, 1, "{stderr}");
        // The reports are other tests' business: the error records here.
        let errors: Vec<&str> = stdout.lines().filter(|l| l.contains("\"error\"")).collect();
        assert_eq!(errors.len(), 2, "{stdout}");
        insta::assert_snapshot!(
            format!("records_{lang}"),
            format!(
                "args: {}\nexit: {code}\nerror records:\n{}\nstderr:\n{stderr}",
                args.join(" "),
                errors.join("\n")
            )
        );
    }
}

#[test]
fn summary_words_follow_the_language() {
    for lang in ["en", "ru"] {
        let dir = inputs(&format!("summary-{lang}"));
        let mut args = BATCH.to_vec();
        args.extend(["--format", "summary", "--lang", lang]);
        let (code, stdout, stderr) = run_in(&dir, &args, &[]);
        assert_eq!(code, 1, "{stderr}");
        insta::assert_snapshot!(
            format!("summary_{lang}"),
            format!(
                "args: {}\nexit: {code}\nstdout:\n{stdout}stderr:\n{stderr}",
                args.join(" ")
            )
        );
    }
}

/// `LANG` chooses the language when `--lang` is not given.
#[test]
fn lang_from_the_environment() {
    let dir = inputs("env");
    let (_, _, stderr) = run_in(&dir, &BATCH, &[("LANG", "ru_RU.UTF-8")]);
    assert!(stderr.starts_with("batch: всего 4 записи;"), "{stderr}");
    assert!(stderr.contains("пропущена 1 пустая строка"), "{stderr}");
}

/// A command error's name, its arguments and its environment.
type Case = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

#[test]
fn command_errors_follow_the_language() {
    let dir = inputs("commands");
    let cases: [Case; 4] = [
        (
            "as_of",
            &["batch", "profiles", "--as-of", "32.13.2026"],
            &[],
        ),
        (
            "today",
            &["batch", "profiles"],
            &[("EAEU_RIGHTS_TODAY", "2026-02-30")],
        ),
        (
            "profile_missing",
            &["check", "--profile", "nowhere.json"],
            &[],
        ),
        (
            "profile_directory",
            &["check", "--profile", "profiles"],
            &[],
        ),
    ];
    for (name, args, env) in cases {
        for lang in ["en", "ru"] {
            let mut args = args.to_vec();
            args.extend(["--lang", lang]);
            let (code, stdout, stderr) = run_in(&dir, &args, env);
            assert_eq!(code, 2, "{args:?}: {stderr}");
            assert!(stdout.is_empty(), "{args:?}: {stdout}");
            let env: Vec<String> = env.iter().map(|(k, v)| format!("{k}={v} ")).collect();
            insta::assert_snapshot!(
                format!("{name}_{lang}"),
                format!(
                    "args: {}{}\nexit: {code}\nstderr:\n{stderr}",
                    env.concat(),
                    args.join(" ")
                )
            );
        }
    }
}
