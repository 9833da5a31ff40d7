//! Helpers shared by the integration tests that drive the binary.

use std::io::Write;
use std::process::{Command, Stdio};

/// The fixed "today" of every run, so that reports do not change with the
/// calendar.
pub const TODAY: &str = "2026-11-26";

/// The binary as every test runs it: in the C locale (English, whatever
/// the machine's language: `--lang` defaults to `LANG`), on a fixed today,
/// without colour. A test changes what it needs on the returned command.
pub fn binary() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_eaeu-rights"));
    cmd.env("LANG", "C")
        .env("EAEU_RIGHTS_TODAY", TODAY)
        .env("NO_COLOR", "1");
    cmd
}

/// Runs `eaeu-rights ARGS` with `stdin` and a fixed "today"; returns (exit
/// code, stdout, stderr).
pub fn run(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut cmd = binary();
    cmd.args(args);
    run_command(cmd, stdin)
}

/// Runs a command made by [`binary`], feeding it `stdin` from a thread so
/// that a large input cannot deadlock against a full stdout pipe; returns
/// (exit code, stdout, stderr).
pub fn run_command(mut cmd: Command, stdin: &[u8]) -> (i32, String, String) {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = input.write_all(&data);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    (
        // A death by a signal is never an acceptable exit: fail loudly.
        out.status
            .code()
            .unwrap_or_else(|| panic!("{cmd:?}: killed by a signal ({:?})", out.status)),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The embedded pack's files, with the first `from` in the file at `path`
/// replaced by `to` (which must be there: an edit that misses is a test
/// that cannot fail).
pub fn pack_edited(path: &str, from: &str, to: &str) -> Vec<eaeu_rights::rules::SourceFile> {
    let mut files = eaeu_rights::rules::embedded_files();
    let f = files.iter_mut().find(|f| f.path == path).unwrap();
    assert!(f.text.contains(from), "{path}: {from}");
    f.text = f.text.replacen(from, to, 1);
    files
}

/// Asserts that the pack of `files` does not compile, with an error that
/// says `says`.
pub fn pack_refused(files: Vec<eaeu_rights::rules::SourceFile>, says: &str) {
    let err = eaeu_rights::rules::compile(&files)
        .expect_err(says)
        .to_string();
    assert!(err.contains(says), "{err}");
}

/// The part of a text report from `heading` to the next blank line.
pub fn section<'a>(report: &'a str, heading: &str) -> &'a str {
    let start = report
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no {heading} in:\n{report}"));
    let rest = &report[start + 1..];
    rest.find("\n\n").map_or(rest, |end| &rest[..end])
}

/// A fresh, empty directory for one test: `module-PID-name` under the
/// target's temporary directory, so that parallel tests and runs never
/// share one.
pub fn workdir(module: &str, name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join(format!("{module}-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// How many cases a property test runs: `PROPTEST_CASES` when set (to
/// search harder), else `default`, which keeps `cargo test` fast.
pub fn proptest_cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}
