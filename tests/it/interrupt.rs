//! `batch --out DIR` stopped by SIGTERM or SIGINT (issue 14): no temporary
//! file is left in DIR, the report files there are whole, and the exit code
//! is the shell's for the signal (143, 130), not a death by the signal.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// A fresh directory for one test.
fn workdir(name: &str) -> PathBuf {
    crate::common::workdir("interrupt", name)
}

fn names(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// Starts a batch reading NDJSON from a pipe the test keeps open, so the
/// run lasts until the signal; sends the signal once report files appear.
fn interrupted(signal: &str) -> (Option<i32>, PathBuf, String) {
    let dir = workdir(signal);
    let out = dir.join("reports");
    let mut child = crate::common::binary()
        .args(["batch", "--format", "compact", "-j", "2", "--out"])
        .arg(&out)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let line = "{\"citizenship\": \"KG\", \"as_of\": \"2026-03-20\", \"contract\": {\"kind\": \"employment\", \"start\": \"2026-03-02\"}}\n";
    // Keep writing until reports appear: the run is then writing files.
    let mut sent = 0;
    while !out.exists() || names(&out).len() < 5 {
        stdin.write_all(line.repeat(64).as_bytes()).unwrap();
        stdin.flush().unwrap();
        sent += 64;
        assert!(sent < 10_000_000, "no report file appeared");
    }
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    // Stdin stays open until the process has ended: the run ends by the
    // signal, not by its input.
    let output = child.wait_with_output().unwrap();
    drop(stdin);
    (
        output.status.code(),
        out,
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn check_reports(out: &Path) {
    let files = names(out);
    let temporary: Vec<&String> = files.iter().filter(|n| n.ends_with(".tmp")).collect();
    assert!(temporary.is_empty(), "temporary files left: {temporary:?}");
    assert!(!files.is_empty());
    for name in &files {
        let text = std::fs::read_to_string(out.join(name)).unwrap();
        let report: serde_json::Value = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{name} is not a whole report: {e}"));
        assert!(report.get("findings").is_some(), "{name}");
    }
}

#[test]
fn sigterm_removes_temporary_files_and_exits_143() {
    let (code, out, err) = interrupted("TERM");
    assert_eq!(code, Some(143), "{err}");
    assert!(err.contains("batch: stopped by SIGTERM"), "{err}");
    check_reports(&out);
}

#[test]
fn sigint_removes_temporary_files_and_exits_130() {
    let (code, out, err) = interrupted("INT");
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("batch: stopped by SIGINT"), "{err}");
    check_reports(&out);
}
