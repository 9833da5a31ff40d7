//! What a path met on the file system is, in words a user can act on:
//! directory walks (batch inputs, rule packs, case files) report every entry
//! they do not read instead of skipping it.

use std::ffi::OsStr;
use std::path::Path;

use crate::diagnostic::{Special, Unreadable};

/// Directories of build output that a walk never enters (besides hidden
/// ones): `target` and `target-*` (cargo), `node_modules` (npm).
pub const SKIPPED_DIRS: &[&str] = &["target", "target-*", "node_modules"];

/// Whether a directory walk (rule packs, case files, the profiles `rules
/// check` looks for conflicts on) passes over an entry below its root
/// without reading it: anything hidden (`.git`, an editor's `.#x.json`
/// lock file), and directories of build output ([`SKIPPED_DIRS`]), which
/// can hold thousands of unrelated `*.json` files.
pub fn skipped_in_walks(name: &OsStr, is_dir: bool) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.')
        || (is_dir
            && SKIPPED_DIRS
                .iter()
                .any(|skip| match skip.strip_suffix('*') {
                    Some(prefix) => name.starts_with(prefix),
                    None => name == *skip,
                }))
}

/// What a path is, following symbolic links.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Entry {
    /// A regular file.
    File,
    /// A directory.
    Dir,
    /// Something else that exists (a FIFO, a socket, a device).
    Special(Special),
    /// Nothing readable: why (a dangling or looping link...), worded
    /// where it is said.
    Broken(Unreadable),
}

/// What `path` is, following symbolic links.
pub fn entry(path: &Path) -> Entry {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() => Entry::File,
        Ok(m) if m.is_dir() => Entry::Dir,
        Ok(m) => Entry::Special(special_kind(&m)),
        Err(e) => {
            let link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            Entry::Broken(if link && e.kind() == std::io::ErrorKind::NotFound {
                Unreadable::DanglingLink
            } else if link && is_loop(&e) {
                Unreadable::LinkLoop
            } else {
                Unreadable::of(&e)
            })
        }
    }
}

#[cfg(unix)]
fn special_kind(m: &std::fs::Metadata) -> Special {
    use std::os::unix::fs::FileTypeExt;
    let t = m.file_type();
    if t.is_fifo() {
        Special::Fifo
    } else if t.is_socket() {
        Special::Socket
    } else if t.is_block_device() || t.is_char_device() {
        Special::Device
    } else {
        Special::Other
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::Metadata) -> Special {
    Special::Other
}

/// Whether an error is "too many levels of symbolic links" (ELOOP).
fn is_loop(e: &std::io::Error) -> bool {
    // ErrorKind::FilesystemLoop is not stable; ELOOP is 40 on Linux and 62
    // on the BSDs and macOS (where 40 is another error, and the reverse).
    let eloop = if cfg!(any(target_os = "linux", target_os = "android")) {
        40
    } else if cfg!(unix) {
        62
    } else {
        return false;
    };
    e.raw_os_error() == Some(eloop)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn names_what_is_not_a_file() {
        let dir = std::env::temp_dir().join(format!("eaeu-files-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.json"), "{}").unwrap();
        std::os::unix::fs::symlink(dir.join("gone"), dir.join("dangling")).unwrap();
        std::os::unix::fs::symlink(dir.join("loop"), dir.join("loop")).unwrap();
        assert_eq!(entry(&dir.join("a.json")), Entry::File);
        assert_eq!(entry(&dir), Entry::Dir);
        let said = |path: &str| match entry(&dir.join(path)) {
            Entry::Broken(why) => why.to_string(),
            other => format!("{other:?}"),
        };
        assert_eq!(
            said("dangling"),
            "a symbolic link to something that does not exist"
        );
        assert_eq!(said("loop"), "a symbolic link that loops back on itself");
        assert_eq!(said("nothing"), "no such file or directory");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn walks_skip_hidden_entries_and_build_output() {
        let skipped = |name: &str, dir: bool| skipped_in_walks(OsStr::new(name), dir);
        for dir in [
            "target",
            "target-conventions",
            "node_modules",
            ".git",
            ".cache",
        ] {
            assert!(skipped(dir, true), "{dir}");
        }
        assert!(skipped(".#pack.json", false));
        for dir in ["rules", "kz", "targets", "my-target"] {
            assert!(!skipped(dir, true), "{dir}");
        }
        // A file is only skipped when hidden: `target.json` is a rule file.
        assert!(!skipped("target.json", false));
        assert!(!skipped("target", false));
    }
}
