//! Rule packs: reading the files, checking them, compiling them.
//!
//! A pack is a directory of JSON modules (see `docs/rule-language.md`). The
//! default pack under `rules/` is embedded in the binary at build time, so the
//! tool works from any directory; `--rules DIR` reads another from disk.

mod compile;
pub mod error;
mod raw;

use std::path::{Path, PathBuf};

pub use compile::{did_you_mean, field_path, member_field_name};
pub use error::{PackError, PackErrors};

use crate::engine::RulePack;
use crate::locate::JsonPath;

/// One file of a pack: its path relative to the pack root, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceFile {
    /// Path relative to the pack root, with `/` separators.
    pub path: String,
    /// The file's text.
    pub text: String,
}

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));
}

/// The files of the default pack, as embedded at build time.
pub fn embedded_files() -> Vec<SourceFile> {
    embedded::FILES
        .iter()
        .map(|(path, text)| SourceFile {
            path: (*path).to_owned(),
            text: (*text).to_owned(),
        })
        .collect()
}

/// The default pack, compiled.
pub fn embedded_pack() -> Result<RulePack, PackErrors> {
    compile::compile(&embedded_files())
}

/// Compiles a pack from its files, reporting every problem.
pub fn compile(files: &[SourceFile]) -> Result<RulePack, PackErrors> {
    compile::compile(files)
}

/// Reads every `*.json` file below `dir`, in sorted path order.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, PackErrors> {
    let mut paths = Vec::new();
    collect_json(dir, &mut paths).map_err(|e| io_error(dir, &e))?;
    paths.sort();
    if paths.is_empty() {
        return Err(PackErrors(vec![PackError {
            file: dir.display().to_string(),
            location: None,
            path: JsonPath::root(),
            message: "no `*.json` rule files in this directory".to_owned(),
            help: None,
        }]));
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match std::fs::read_to_string(&path) {
            Ok(text) => files.push(SourceFile { path: rel, text }),
            Err(e) => errors.extend(io_error(&path, &e).0),
        }
    }
    if errors.is_empty() {
        Ok(files)
    } else {
        Err(PackErrors(errors))
    }
}

/// Reads and compiles the pack in `dir`.
pub fn load_dir(dir: &Path) -> Result<RulePack, PackErrors> {
    compile::compile(&read_dir(dir)?)
}

/// Every `*.json` file below `dir`, recursively, unsorted (rule packs and
/// case directories are both read this way).
pub(crate) fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> PackErrors {
    PackErrors(vec![PackError {
        file: path.display().to_string(),
        location: None,
        path: JsonPath::root(),
        message: format!("cannot read: {e}"),
        help: None,
    }])
}
