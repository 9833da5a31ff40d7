//! The temporary files of `batch --out`, removed when the run is
//! interrupted (Ctrl-C, SIGINT; `kill`, SIGTERM).
//!
//! Each report file is written to a temporary file beside it, then renamed.
//! The default action of those signals ends the process at once, leaving a
//! temporary file behind if one was being written. Instead, a thread waits
//! for them (signal-hook's iterator: no code of ours runs inside the signal
//! handler), removes every temporary file still registered, and exits with
//! the code the shell gives a process ended by the signal: 130 for SIGINT,
//! 143 for SIGTERM.
//!
//! A file is created and registered under one lock, and renamed and
//! unregistered under it too, so the thread never misses a file that
//! exists, and never removes a report already in its place.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// The temporary files that exist now.
#[derive(Debug, Default)]
pub struct TempFiles {
    paths: Mutex<HashSet<PathBuf>>,
}

impl TempFiles {
    /// An empty registry, with no signal watched (see [`TempFiles::watch`]).
    pub fn new() -> Arc<Self> {
        Arc::new(TempFiles::default())
    }

    fn lock(&self) -> MutexGuard<'_, HashSet<PathBuf>> {
        // A writer that panicked holding the lock left the set as it was.
        self.paths
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Watches SIGINT and SIGTERM from now on: on either, the registered
    /// files are removed and the process exits (130 or 143).
    pub fn watch(self: &Arc<Self>) -> std::io::Result<()> {
        let mut signals = Signals::new([SIGINT, SIGTERM])?;
        let files = Arc::clone(self);
        std::thread::Builder::new()
            .name("batch-signals".to_owned())
            .spawn(move || {
                if let Some(signal) = signals.forever().next() {
                    // The lock stays held until exit: no file is created
                    // or renamed after the removal.
                    let mut held = files.lock();
                    let removed = remove_all(&mut held);
                    let name = if signal == SIGINT { "SIGINT" } else { "SIGTERM" };
                    let _ = writeln!(
                        std::io::stderr(),
                        "batch: stopped by {name}; {removed} temporary file(s) removed, the report files already written are complete"
                    );
                    std::process::exit(128_i32.saturating_add(signal));
                }
            })?;
        Ok(())
    }

    /// Creates a temporary file in `dir`, exclusively under a random name
    /// starting with `prefix`, and registers it.
    pub fn create(&self, dir: &Path, prefix: &str) -> std::io::Result<tempfile::NamedTempFile> {
        let mut held = self.lock();
        let tmp = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(".tmp")
            .tempfile_in(dir)?;
        held.insert(tmp.path().to_path_buf());
        Ok(tmp)
    }

    /// Renames a registered temporary file to `path` and unregisters it.
    pub fn persist(
        &self,
        tmp: tempfile::NamedTempFile,
        path: &Path,
    ) -> Result<(), tempfile::PersistError> {
        let mut held = self.lock();
        let was = tmp.path().to_path_buf();
        let result = tmp.persist(path).map(drop);
        // On failure the file is removed as `PersistError` drops it.
        held.remove(&was);
        result
    }

    /// Removes a registered temporary file after an error, and
    /// unregisters it.
    pub fn discard(&self, tmp: tempfile::NamedTempFile) {
        let mut held = self.lock();
        held.remove(tmp.path());
        drop(tmp);
    }

    /// Removes every registered file now, as the signal thread does;
    /// returns how many were removed.
    #[cfg(test)]
    pub fn remove_now(&self) -> usize {
        remove_all(&mut self.lock())
    }
}

fn remove_all(paths: &mut HashSet<PathBuf>) -> usize {
    let removed = paths
        .iter()
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count();
    paths.clear();
    removed
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn leftovers(dir: &Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect()
    }

    /// What the signal thread does: every file still being written goes,
    /// every report already renamed stays.
    #[test]
    fn removes_the_files_being_written_and_only_those() {
        let dir = tempfile::tempdir().unwrap();
        let files = TempFiles::new();
        let mut done = files.create(dir.path(), ".a.json.").unwrap();
        done.write_all(b"{}").unwrap();
        files.persist(done, &dir.path().join("a.json")).unwrap();
        let mut open = files.create(dir.path(), ".b.json.").unwrap();
        open.write_all(b"{\"half").unwrap();
        let _also_open = files.create(dir.path(), ".c.json.").unwrap();
        assert_eq!(leftovers(dir.path()).len(), 3);
        assert_eq!(files.remove_now(), 2);
        assert_eq!(leftovers(dir.path()), ["a.json"]);
    }
}
