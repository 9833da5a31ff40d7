//! The habits of a well-kept command-line tool (issue 12, item 3): shell
//! completions and manual pages generated from the flags, one exit code
//! for every bad value, and commands that work from any directory and do
//! not wander into build output. The JSON Schemas have their own suite,
//! tests/schema.rs; colour is tested in tests/cli.rs and beside the code.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with `args` in `dir`, in English, with a fixed today.
fn run_in(dir: &Path, args: &[&str]) -> Run {
    let out = crate::common::binary()
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    Run {
        code: out.status.code().unwrap(),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A fresh, empty directory outside the repository.
fn temp_dir(name: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!(
        "conventions-{}-{name}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

const SUBCOMMANDS: [&str; 7] = [
    "check",
    "batch",
    "rules",
    "test",
    "schema",
    "completions",
    "man",
];

// ------------------------------------------------- completions and man

#[test]
fn completions_are_generated_for_every_shell() {
    let dir = temp_dir("completions");
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let run = run_in(&dir, &["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(run.stdout.contains("eaeu-rights"), "{shell}");
        for sub in SUBCOMMANDS {
            assert!(run.stdout.contains(sub), "{shell}: no `{sub}`");
        }
        assert!(run.stdout.contains("citizenship"), "{shell}");
    }
}

#[test]
fn the_bash_completion_is_a_valid_script_that_completes_the_subcommands() {
    let dir = temp_dir("bash-completion");
    let run = run_in(&dir, &["completions", "bash"]);
    assert_eq!(run.code, 0);
    let script = dir.join("eaeu-rights.bash");
    std::fs::write(&script, &run.stdout).unwrap();
    // Source the script and ask it, as bash would on a Tab after the name.
    let probe = format!(
        "source {}; COMP_WORDS=(eaeu-rights ''); COMP_CWORD=1; COMP_LINE='eaeu-rights '; COMP_POINT=12; _eaeu__rights eaeu-rights '' eaeu-rights; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let Ok(out) = Command::new("bash").arg("-c").arg(&probe).output() else {
        // No bash on this machine: the script's text was checked above.
        return;
    };
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let words = String::from_utf8(out.stdout).unwrap();
    let words: Vec<&str> = words.lines().collect();
    for sub in SUBCOMMANDS {
        assert!(words.contains(&sub), "{sub} not offered: {words:?}");
    }
    // After a subcommand, its flags and their values are offered too
    // (clap_complete alone offered nothing there: clap-rs/clap issue 6421).
    let probe = format!(
        "source {}; COMP_WORDS=(eaeu-rights check --); COMP_CWORD=2; _eaeu__rights eaeu-rights -- check; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash").arg("-c").arg(&probe).output().unwrap();
    let words = String::from_utf8(out.stdout).unwrap();
    for flag in ["--citizenship", "--entry", "--profile", "--format"] {
        assert!(words.lines().any(|w| w == flag), "{flag}: {words}");
    }
    let probe = format!(
        "source {}; COMP_WORDS=(eaeu-rights check --format ''); COMP_CWORD=3; _eaeu__rights eaeu-rights '' --format; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script.display()
    );
    let out = Command::new("bash").arg("-c").arg(&probe).output().unwrap();
    let words = String::from_utf8(out.stdout).unwrap();
    for format in ["text", "json", "markdown", "ics"] {
        assert!(words.lines().any(|w| w == format), "{format}: {words}");
    }
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let run = run_in(&temp_dir("tcsh"), &["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("possible values"), "{}", run.stderr);
}

#[test]
fn the_man_page_has_a_name_a_synopsis_and_every_command() {
    let run = run_in(&temp_dir("man"), &["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = &run.stdout;
    assert!(page.contains(".TH eaeu-rights 1"), "{page}");
    assert!(
        page.contains(".SH NAME\neaeu\\-rights \\- Rights and obligations"),
        "{page}"
    );
    assert!(page.contains(".SH SYNOPSIS"), "{page}");
    for sub in SUBCOMMANDS {
        assert!(page.contains(&format!("eaeu\\-rights\\-{sub}(1)")), "{sub}");
    }
    // The exit codes and the environment are part of the page.
    assert!(page.contains("Exit status"), "{page}");
    assert!(page.contains("EAEU_RIGHTS_TODAY"), "{page}");
}

#[test]
fn man_dir_writes_a_page_per_command() {
    let dir = temp_dir("man-dir");
    let run = run_in(&dir, &["man", "--dir", "pages"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    for page in [
        "eaeu-rights.1",
        "eaeu-rights-check.1",
        "eaeu-rights-batch.1",
        "eaeu-rights-rules-check.1",
        "eaeu-rights-schema.1",
    ] {
        let text = std::fs::read_to_string(dir.join("pages").join(page)).unwrap();
        assert!(text.contains(".SH NAME"), "{page}");
    }
    let check = std::fs::read_to_string(dir.join("pages/eaeu-rights-check.1")).unwrap();
    assert!(check.contains("\\-\\-citizenship"), "{check}");
}

// ------------------------------------------------- one exit code

/// Every bad value typed on the command line exits 2, whoever refuses it
/// (clap, or the profile's checks), and names the flag.
#[test]
fn every_bad_flag_value_exits_2() {
    let dir = temp_dir("bad-values");
    let check = |rest: &[&str]| -> Vec<String> {
        let mut args = vec!["check", "--citizenship", "KG"];
        args.extend_from_slice(rest);
        args.into_iter().map(str::to_owned).collect()
    };
    let cases: Vec<(Vec<String>, &str)> = vec![
        (
            ["check", "--citizenship", "XX"].map(String::from).to_vec(),
            "--citizenship",
        ),
        (
            ["check", "--citizenship", "Kyrgyzstn"]
                .map(String::from)
                .to_vec(),
            "--citizenship",
        ),
        (
            ["check", "--citizenship", "KG,none"]
                .map(String::from)
                .to_vec(),
            "--citizenship",
        ),
        (check(&["--host", "Atlantis"]), "--host"),
        (check(&["--contract", "permanent"]), "--contract"),
        (check(&["--entry", "2026-02-30"]), "--entry"),
        (check(&["--entry", "1.3.2026"]), "--entry"),
        (check(&["--entry", "yesterday"]), "--entry"),
        (check(&["--as-of", "2026-13-01"]), "--as-of"),
        (
            check(&["--start", "2026-03-02", "--end", "2026-03-01"]),
            "--end",
        ),
        (check(&["--end", "someday"]), "--end"),
        (check(&["--terminated", "31.02.2026"]), "--terminated"),
        (check(&["--child-born", "2030-01-01"]), "--child-born"),
        (check(&["--registered", "maybe"]), "--registered"),
        (
            check(&["--permanent-resident", "1"]),
            "--permanent-resident",
        ),
        (check(&["--lang", "kk"]), "--lang"),
        (check(&["--format", "yaml"]), "--format"),
        (check(&["--color", "sometimes"]), "--color"),
        (check(&["--occupation", &"a".repeat(300)]), "--occupation"),
        (
            ["batch", "--as-of", "2026-02-30", "x.ndjson"]
                .map(String::from)
                .to_vec(),
            "--as-of",
        ),
        (
            ["batch", "--format", "csv", "x.ndjson"]
                .map(String::from)
                .to_vec(),
            "--format",
        ),
        (
            ["batch", "--jobs", "0", "x.ndjson"]
                .map(String::from)
                .to_vec(),
            "--jobs",
        ),
        (
            ["schema", "rules"].map(String::from).to_vec(),
            "possible values",
        ),
    ];
    for (args, names) in &cases {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = run_in(&dir, &args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?} printed a report");
        assert!(run.stderr.contains(names), "{args:?}: {}", run.stderr);
    }
}

/// An invalid input record is still 1: the rule is about what was typed
/// on the command line, not what a file holds.
#[test]
fn an_invalid_profile_file_still_exits_1() {
    let dir = temp_dir("bad-file");
    std::fs::write(dir.join("p.json"), r#"{"citizenship": "XX"}"#).unwrap();
    let run = run_in(&dir, &["check", "--profile", "p.json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .starts_with("error: p.json:1:17: `citizenship[0]`: "),
        "{}",
        run.stderr
    );
}

// ------------------------------------------------- any directory

#[test]
fn test_and_rules_work_from_any_directory() {
    let dir = temp_dir("elsewhere");
    let run = run_in(&dir, &["test"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.trim_end().ends_with(" passed, 0 failed"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("(<embedded>/"), "{}", run.stdout);
    let run = run_in(&dir, &["rules", "coverage"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("from the embedded case files"),
        "{}",
        run.stdout
    );
    let run = run_in(&dir, &["rules", "check"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.starts_with("ok: embedded pack"),
        "{}",
        run.stdout
    );
    let run = run_in(&dir, &["rules", "list"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// The embedded cases are the repository's own: the same number run
/// from anywhere as from `tests/cases`.
#[test]
fn the_embedded_cases_are_the_case_files() {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let here = run_in(repo, &["test", "tests/cases"]);
    let elsewhere = run_in(&temp_dir("embedded-count"), &["test"]);
    let summary = |out: &str| out.lines().last().unwrap_or_default().to_owned();
    assert_eq!(summary(&here.stdout), summary(&elsewhere.stdout));
    assert_eq!(
        here.stdout.lines().count(),
        elsewhere.stdout.lines().count()
    );
}

#[test]
fn walks_skip_hidden_and_build_directories() {
    let dir = temp_dir("walk");
    let pack = dir.join("pack");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"), &pack);
    // Broken JSON in every place a walk must not read.
    for skipped in [
        "target/debug/build/x.json",
        "target-conventions/x.json",
        "node_modules/pkg/package.json",
        ".git/x.json",
        ".cache/x.json",
        ".hidden.json",
    ] {
        let path = pack.join(skipped);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "{ not json").unwrap();
    }
    let run = run_in(&dir, &["rules", "check", "pack"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    // The same broken file anywhere else is read, and refused.
    std::fs::create_dir_all(pack.join("targets")).unwrap();
    std::fs::write(pack.join("targets/x.json"), "{ not json").unwrap();
    let run = run_in(&dir, &["rules", "check", "pack"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(run.stderr.contains("targets/x.json"), "{}", run.stderr);

    // Case directories are walked the same way.
    let cases = dir.join("cases");
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases"),
        &cases,
    );
    std::fs::create_dir_all(cases.join("target")).unwrap();
    std::fs::write(cases.join("target/x.json"), "{ not json").unwrap();
    let run = run_in(&dir, &["test", "cases"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}
