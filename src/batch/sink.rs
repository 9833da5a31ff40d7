//! The end of the pipeline: the ordered stream written to stdout (or any
//! writer), and the `--out` report files, each written beside and renamed.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::interrupt;
use super::pipeline::{Output, SideFile, Sink, Tally};
use super::record::header_record;
use super::words::BatchLine;
use super::{BatchFormat, PathError};
use crate::report::batch::PackHeader;
use crate::report::Lang;

/// Writes the ordered stream to stdout (or any writer) and `--out` files.
pub struct StreamSink<W: Write> {
    out: std::io::BufWriter<W>,
    format: BatchFormat,
    /// The language of the summary's totals.
    lang: Lang,
    first: bool,
    dir: Option<PathBuf>,
    written: HashSet<String>,
    /// Totals written so far (for a run cut short by a closed pipe).
    pub tally: Tally,
    /// The records of the chunk whose writing failed: some of them may
    /// have reached the reader.
    pub cut: u64,
    failure: Option<PathError>,
    /// The temporary files of `--out` being written.
    temps: std::sync::Arc<interrupt::TempFiles>,
}

impl<W: Write> StreamSink<W> {
    /// A sink writing `format` to `out`, report files into `dir` if given;
    /// the summary's totals are worded in `lang`.
    pub fn new(out: W, format: BatchFormat, lang: Lang, dir: Option<PathBuf>) -> Self {
        let mut sink = StreamSink {
            out: std::io::BufWriter::with_capacity(1 << 16, out),
            format,
            lang,
            first: true,
            dir,
            written: HashSet::new(),
            tally: Tally::default(),
            cut: 0,
            failure: None,
            temps: interrupt::TempFiles::new(),
        };
        if format == BatchFormat::Json {
            // Written into the buffer; an error surfaces on the first flush.
            let _ = sink.out.write_all(b"[");
        }
        sink
    }

    /// Writes the record that opens `ndjson` and `json` output: the pack's
    /// texts, which the reports then name by rule id.
    pub fn header(&mut self, pack: &PackHeader) {
        let mut line = header_record(pack);
        if self.format == BatchFormat::Ndjson {
            line.push(b'\n');
        }
        // Written into the buffer; an error surfaces on the first flush.
        let _ = self.out.write_all(&line);
        self.first = false;
    }

    /// Removes the `--out` temporary files being written if the process
    /// is interrupted (SIGINT, SIGTERM), then exits.
    pub fn watch_interrupts(&self) -> std::io::Result<()> {
        self.temps.watch()
    }

    /// The error that stopped the run while writing a report file, if any.
    pub fn take_failure(&mut self) -> Option<PathError> {
        self.failure.take()
    }

    /// Closes the stream (the array's bracket, the summary's totals) and flushes.
    pub fn finish(&mut self, tally: Tally) -> Result<Tally, PathError> {
        let end = match self.format {
            BatchFormat::Json if self.first => "]\n".to_owned(),
            BatchFormat::Json => "\n]\n".to_owned(),
            BatchFormat::Summary => format!("\n{}\n", BatchLine::Totals(tally).word(self.lang)),
            BatchFormat::Ndjson | BatchFormat::Compact => String::new(),
        };
        match self
            .out
            .write_all(end.as_bytes())
            .and_then(|()| self.out.flush())
        {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                Err(PathError::new("<stdout>", e))
            }
            _ => Ok(tally),
        }
    }

    fn side_file(&mut self, dir: &Path, file: &SideFile) -> Result<(), PathError> {
        let stem = file
            .id
            .as_deref()
            .filter(|id| !id.is_empty())
            .unwrap_or(&file.source);
        let mut name: String = stem
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect();
        if self.written.contains(&name) {
            let mut n = 2u64;
            while self.written.contains(&format!("{name}-{n}")) {
                n = n.saturating_add(1);
            }
            name = format!("{name}-{n}");
        }
        self.written.insert(name.clone());
        let path = dir.join(format!("{name}.json"));
        // Write beside, then rename: an interrupted run leaves no half
        // report. The temporary file is created exclusively under a random
        // name, so a planted file or symlink is never written through and
        // two runs on one directory never share one; it is removed if
        // writing fails.
        // It is registered while it exists, so that an interrupted run
        // removes it (see [`interrupt`]).
        let mut tmp = self
            .temps
            .create(dir, &format!(".{name}.json."))
            .map_err(|e| PathError::new(dir, e))?;
        if let Err(e) = tmp.write_all(file.text.as_bytes()) {
            let error = PathError::new(tmp.path(), e);
            self.temps.discard(tmp);
            return Err(error);
        }
        self.temps
            .persist(tmp, &path)
            .map_err(|e| PathError::new(&path, e.error))
    }
}

impl<W: Write> Sink for StreamSink<W> {
    fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
        let mut bytes: &[u8] = &out.bytes;
        if self.format == BatchFormat::Json && self.first && !bytes.is_empty() {
            // The first element has no comma before it.
            bytes = bytes.get(1..).unwrap_or_default();
            self.first = false;
        }
        if let Err(e) = self.out.write_all(bytes) {
            self.cut = out.tally.evaluated.saturating_add(out.tally.invalid);
            return Err(e);
        }
        self.tally = {
            let mut t = self.tally;
            t.evaluated = t.evaluated.saturating_add(out.tally.evaluated);
            t.invalid = t.invalid.saturating_add(out.tally.invalid);
            t.blank = t.blank.saturating_add(out.tally.blank);
            t.covered = t.covered.saturating_add(out.tally.covered);
            t.not_covered = t.not_covered.saturating_add(out.tally.not_covered);
            t.undetermined = t.undetermined.saturating_add(out.tally.undetermined);
            t
        };
        if let Some(dir) = self.dir.clone() {
            for file in &out.files {
                if let Err(e) = self.side_file(&dir, file) {
                    self.failure = Some(e);
                    return Err(std::io::Error::other("cannot write a report file"));
                }
            }
        }
        Ok(())
    }
}
