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
