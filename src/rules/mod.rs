//! Rule packs: reading the files, checking them, compiling them.
//!
//! A pack is a directory of JSON modules (see `docs/rule-language.md`). The
//! default pack under `rules/` is embedded in the binary at build time, so the
//! tool works from any directory; `--rules DIR` reads another from disk.

pub mod arith;
mod compile;
pub mod conflicts;
pub mod error;
mod occupations;
pub mod questions;
mod raw;

use crate::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

pub use compile::{
    did_you_mean, field_path, member_field_name, operators_markdown, Operator, Section,
    MAX_NESTING, MAX_OPERANDS, MAX_QUANTIFIERS, OPERATORS,
};
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

/// The default pack, compiled (its content hash was computed at build time).
pub fn embedded_pack() -> Result<RulePack, PackErrors> {
    // Compiled from the binary's own text, not from copies of it.
    let files: Vec<compile::File> = embedded::FILES
        .iter()
        .zip(embedded::UNIQUE_KEYS)
        .map(|(&(path, text), &unique_keys)| compile::File {
            path,
            text,
            unique_keys,
        })
        .collect();
    compile::compile_with_hash(&files, Some(embedded::DIGEST))
}

/// The default pack, compiled for reports in one language (`lang`, as
/// language files name it: `en`, `ru`): the language files of other
/// languages are left out, since compiling them is a fifth of the work and
/// such a report never reads them. The pack's hash is the whole pack's.
/// A pack that fails to compile is compiled whole, so its errors are
/// exactly [`embedded_pack`]'s; an error only in another language's file
/// is not found here (`rules check` and the test suite find it).
pub fn embedded_pack_in(lang: &str) -> Result<RulePack, PackErrors> {
    let files: Vec<compile::File> = embedded::FILES
        .iter()
        .zip(embedded::LOCALE_OF)
        .zip(embedded::UNIQUE_KEYS)
        .filter(|((_, of), _)| of.is_none_or(|of| of == lang))
        .map(|((&(path, text), _), &unique_keys)| compile::File {
            path,
            text,
            unique_keys,
        })
        .collect();
    compile::compile_with_hash(&files, Some(embedded::DIGEST)).or_else(|_| embedded_pack())
}

/// Compiles a pack from its files, reporting every problem.
pub fn compile(files: &[SourceFile]) -> Result<RulePack, PackErrors> {
    compile::compile(files)
}

/// The rule at `index` of `file`'s `rules`, as its author wrote it (for
/// `rules show` and the API's rule page); `None` when the file is not in
/// `files` or holds no such rule.
pub fn rule_as_written(
    files: &[SourceFile],
    file: &str,
    index: usize,
) -> Option<serde_json::Value> {
    let f = files.iter().find(|f| f.path == file)?;
    let module: serde_json::Value =
        serde_json::from_str(f.text.strip_prefix('\u{feff}').unwrap_or(&f.text)).ok()?;
    module.get("rules")?.get(index).cloned()
}

/// Reads every `*.json` file below `dir`, in sorted path order.
pub fn read_dir(dir: &Path) -> Result<Vec<SourceFile>, PackErrors> {
    let mut paths = Vec::new();
    collect_json(dir, &mut paths).map_err(|e| io_error(dir, &e))?;
    paths.sort();
    if paths.is_empty() {
        return Err(PackErrors(vec![Diagnostic::text(
            dir.display().to_string(),
            None,
            JsonPath::root(),
            "no `*.json` rule files in this directory".to_owned(),
            None,
        )]));
    }
    let mut files = Vec::new();
    let mut errors = Vec::new();
    let mut total = 0u64;
    for path in paths {
        let rel = path.strip_prefix(dir).unwrap_or(&path);
        let rel = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        match read_capped(&path, MAX_RULE_FILE_BYTES) {
            Ok(Capped::Whole(bytes)) => {
                total = total.saturating_add(bytes.len() as u64);
                if total > MAX_PACK_BYTES as u64 {
                    errors.push(size_error(
                        String::new(),
                        format!("the rule files are more than {MAX_PACK_BYTES} bytes (8 MiB) together, the most a pack may be: reading stopped at {rel}"),
                    ));
                    break;
                }
                match String::from_utf8(bytes) {
                    Ok(text) => files.push(SourceFile { path: rel, text }),
                    Err(e) => errors.push(not_utf8(rel, e.as_bytes(), e.utf8_error())),
                }
            }
            Ok(Capped::TooLarge) => errors.push(size_error(
                rel,
                format!("the file is larger than {MAX_RULE_FILE_BYTES} bytes (2 MiB), the most a rule file may be: split it into several files"),
            )),
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

/// How deep below the pack root rule files are looked for.
const MAX_DIR_DEPTH: usize = 16;

/// The largest rule file read, in bytes (the largest of the embedded pack
/// is under 70 KB). Compiling takes memory in proportion to the text.
pub const MAX_RULE_FILE_BYTES: usize = 2 << 20;

/// The most bytes all the files of a pack may hold together (the embedded
/// pack holds about 200 KB).
pub const MAX_PACK_BYTES: usize = 8 << 20;

/// A file read whole, or found to be longer than a cap.
pub(crate) enum Capped {
    /// Its bytes.
    Whole(Vec<u8>),
    /// More than the cap: read no further.
    TooLarge,
}

/// Reads a file whole unless it is longer than `cap` bytes; reads at most
/// one byte more than the cap, whatever the file's size.
pub(crate) fn read_capped(path: &Path, cap: usize) -> std::io::Result<Capped> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take((cap as u64).saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(if bytes.len() > cap {
        Capped::TooLarge
    } else {
        Capped::Whole(bytes)
    })
}

/// The error of a file, or of a pack, larger than its limit.
pub(crate) fn size_error(file: String, message: String) -> PackError {
    Diagnostic::text(file, None, JsonPath::root(), message, None)
}

/// Every `*.json` file below `dir`, recursively, unsorted (rule packs and
/// case directories are both read this way); hidden entries and build
/// output below `dir` are skipped ([`crate::files::skipped_in_walks`]).
pub(crate) fn collect_json(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    collect_json_at(dir, out, 0)
}

fn collect_json_at(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> std::io::Result<()> {
    use crate::files::Entry;
    let refuse =
        |path: &Path, why: &str| std::io::Error::other(format!("{}: {why}", path.display()));
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let json = path.extension().is_some_and(|e| e == "json");
        let kind = entry.file_type()?;
        // A link named `target` is passed over like the directory it stands for.
        let dir_like = kind.is_dir() || kind.is_symlink();
        if crate::files::skipped_in_walks(&entry.file_name(), dir_like) {
            continue;
        }
        // Only real directories are entered: a symbolic link back to a
        // parent would otherwise recurse until the stack overflows. Any
        // other link to a directory is refused rather than skipped.
        if kind.is_dir() {
            if depth >= MAX_DIR_DEPTH {
                return Err(refuse(
                    &path,
                    &format!("more than {MAX_DIR_DEPTH} directory levels deep: rule files are read at most that deep"),
                ));
            }
            collect_json_at(&path, out, depth.saturating_add(1))?;
            continue;
        }
        match crate::files::entry(&path) {
            Entry::File if json => out.push(path),
            Entry::File => {}
            Entry::Dir if kind.is_symlink() => {
                return Err(refuse(
                    &path,
                    "a symbolic link to a directory: only real directories are read, so that no link can loop",
                ))
            }
            Entry::Dir => {}
            Entry::Special(what) if json => {
                return Err(refuse(&path, &format!("{what}, not a regular file")))
            }
            Entry::Broken(why) if json => return Err(refuse(&path, &why.to_string())),
            Entry::Special(_) | Entry::Broken(_) => {}
        }
    }
    Ok(())
}

/// The error of a file that is not UTF-8 text, at the first bad byte.
pub(crate) fn not_utf8(file: String, bytes: &[u8], e: std::str::Utf8Error) -> PackError {
    let good = bytes
        .get(..e.valid_up_to())
        .and_then(|b| std::str::from_utf8(b).ok())
        .unwrap_or_default();
    let byte = bytes.get(e.valid_up_to()).copied().unwrap_or_default();
    Diagnostic::text(
file,
Some(crate::locate::line_col(good, good.len())),
JsonPath::root(),
format!(
            "not UTF-8 text: the byte 0x{byte:02X} is not part of a UTF-8 character; save the file as UTF-8"
        ),
None,
)
}

/// The error of a file the system could not read.
pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> PackErrors {
    PackErrors(vec![Diagnostic::text(
        path.display().to_string(),
        None,
        JsonPath::root(),
        format!("cannot read: {}", crate::json::io_words(e)),
        None,
    )])
}
