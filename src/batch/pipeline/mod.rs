//! The streaming, order-preserving, parallel map behind `batch`.
//!
//! ```text
//!   reader ──chunks──▶ workers (N threads) ──chunks──▶ writer ──▶ stdout
//!     ▲                                                  │
//!     └────────────── empty chunks (the pool) ◀──────────┘
//! ```
//!
//! The reader cuts the input into chunks of records (a few hundred NDJSON
//! lines, copied into one reused buffer); workers turn each chunk into its
//! output bytes; the writer puts chunks back in input order and writes them.
//! Memory is bounded by construction: a chunk must be taken from a pool of
//! fixed size before the reader may fill it, and it goes back to the pool
//! only once written, so at most `pool` chunks exist, whatever the input
//! size and however unevenly the workers finish. Buffers are reused, so a
//! long run allocates nothing per chunk once the pool is warm.
//!
//! A line longer than the limit is never held whole: the reader keeps
//! counting its bytes until the newline and passes on an error record.
//!
//! With one job everything runs on the calling thread, in the same order,
//! through the same functions.

use std::collections::BTreeMap;
use std::io::BufRead;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::Arc;

use super::array::{self, ArrayStream, Element, End};
use crate::locate::LineCol;
use crate::profile::InvalidProfile;

/// Lines longer than this many bytes (without the newline) are refused:
/// the most a profile may be, the default and the most `--max-line` takes.
pub const DEFAULT_MAX_LINE: usize = crate::profile::MAX_PROFILE_BYTES;

/// The most worker threads `--jobs` accepts. Each job keeps four chunks in
/// flight, so the count bounds memory as well as threads; beyond the cores
/// of any machine this tool runs on, more threads only cost memory.
pub const MAX_JOBS: u16 = 64;

/// Where records come from.
pub enum Input {
    /// NDJSON from a reader, its lines named `NAME:LINE`.
    Lines {
        /// The name used in sources (`<stdin>` or the path).
        name: String,
        /// The text.
        reader: Box<dyn BufRead + Send>,
    },
    /// Records read whole beforehand (a file of one profile, an error).
    Records(Vec<WholeRecord>),
    /// A JSON array, read element by element (see [`super::array`]).
    Array {
        /// The file's name; elements are named `NAME[INDEX]`.
        name: String,
        /// The file, at the array's `[`.
        array: ArrayStream,
    },
}

/// A record that did not come from an NDJSON line.
pub enum WholeRecord {
    /// A JSON value and the text it came from, for error positions.
    Value {
        /// `file` or `file[i]`.
        source: String,
        /// The profile as parsed JSON.
        value: serde_json::Value,
        /// The profile's own text (an array element's, not the whole file's).
        text: Arc<str>,
        /// Where that text starts in the file.
        start: LineCol,
    },
    /// A record that is already known to be bad (an unreadable file).
    Invalid {
        /// What the record names as its source.
        source: String,
        /// What went wrong.
        error: InvalidProfile,
    },
}

/// One record as a worker sees it.
pub enum Item<'c> {
    /// An NDJSON line, without its newline (and without a byte order mark).
    Line {
        /// The input's name.
        name: &'c str,
        /// 1-based line number.
        line: u64,
        /// The line's bytes (not yet checked to be UTF-8).
        bytes: &'c [u8],
    },
    /// An NDJSON line longer than the limit, not kept.
    TooLong {
        /// The input's name.
        name: &'c str,
        /// 1-based line number.
        line: u64,
        /// Its length in bytes.
        len: u64,
        /// The limit.
        max: usize,
    },
    /// A line that was empty or only white space.
    Blank,
    /// An element of a JSON array file.
    Element {
        /// The file's name.
        name: &'c str,
        /// 0-based index in the array.
        index: usize,
        /// Where the element starts in the file.
        start: LineCol,
        /// Its bytes (UTF-8, checked while reading).
        bytes: &'c [u8],
    },
    /// A record read whole.
    Whole(&'c WholeRecord),
}

/// Counts for the closing line on stderr and the summary's totals.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    /// Records evaluated.
    pub evaluated: u64,
    /// Records refused.
    pub invalid: u64,
    /// Blank lines skipped.
    pub blank: u64,
    /// Evaluated records with status covered.
    pub covered: u64,
    /// ... not covered.
    pub not_covered: u64,
    /// ... undetermined.
    pub undetermined: u64,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.evaluated = self.evaluated.saturating_add(o.evaluated);
        self.invalid = self.invalid.saturating_add(o.invalid);
        self.blank = self.blank.saturating_add(o.blank);
        self.covered = self.covered.saturating_add(o.covered);
        self.not_covered = self.not_covered.saturating_add(o.not_covered);
        self.undetermined = self.undetermined.saturating_add(o.undetermined);
    }
}

/// A file the writer must write beside the stream (`--out DIR`), in order.
pub struct SideFile {
    /// The record's source, used to name the file when the profile has no id.
    pub source: String,
    /// The profile id, if any.
    pub id: Option<String>,
    /// The file's content.
    pub text: String,
}

/// What a worker produced for a chunk.
#[derive(Default)]
pub struct Output {
    /// Bytes for stdout, records in input order.
    pub bytes: Vec<u8>,
    /// Counts.
    pub tally: Tally,
    /// Files for `--out DIR`.
    pub files: Vec<SideFile>,
}

/// What to do with each record: implemented by `batch`'s formats and by the
/// hand-written baseline of the benchmarks, which share this pipeline.
pub trait Work: Sync {
    /// Per-worker state (buffers, a decider), made once per thread.
    type State;
    /// A fresh state.
    fn state(&self) -> Self::State;
    /// Turns one record into output.
    fn item(&self, state: &mut Self::State, item: Item<'_>, out: &mut Output);
}

/// What the writer does with ordered output.
pub trait Sink {
    /// Writes one chunk's output.
    fn write(&mut self, out: &mut Output) -> std::io::Result<()>;
}

/// Chunk sizes and parallelism.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Worker threads; 1 runs everything on the calling thread.
    pub jobs: usize,
    /// Records per chunk, at most.
    pub chunk_records: usize,
    /// Input bytes per chunk, about (a chunk closes once it holds this many).
    pub chunk_bytes: usize,
    /// The longest accepted NDJSON line, in bytes.
    pub max_line: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            jobs: 1,
            chunk_records: 512,
            chunk_bytes: 256 << 10,
            max_line: DEFAULT_MAX_LINE,
        }
    }
}

enum Slot {
    Line {
        name: u32,
        line: u64,
        start: usize,
        end: usize,
    },
    TooLong {
        name: u32,
        line: u64,
        len: u64,
    },
    Blank,
    Element {
        name: u32,
        index: usize,
        start: LineCol,
        from: usize,
        end: usize,
    },
    Whole(WholeRecord),
}

/// A batch of records travelling through the pipeline, with its output.
#[derive(Default)]
struct Chunk {
    seq: u64,
    /// The chunk's NDJSON lines, back to back.
    text: Vec<u8>,
    /// Input names used by this chunk's lines.
    names: Vec<Arc<str>>,
    slots: Vec<Slot>,
    out: Output,
}

impl Chunk {
    fn clear(&mut self) {
        self.text.clear();
        self.names.clear();
        self.slots.clear();
        self.out.bytes.clear();
        self.out.files.clear();
        self.out.tally = Tally::default();
    }

    fn name_index(&mut self, name: &Arc<str>) -> u32 {
        if let Some(last) = self.names.last() {
            if Arc::ptr_eq(last, name) {
                return u32::try_from(self.names.len().saturating_sub(1)).unwrap_or(0);
            }
        }
        self.names.push(name.clone());
        u32::try_from(self.names.len().saturating_sub(1)).unwrap_or(0)
    }

    fn is_full(&self, o: &Options) -> bool {
        self.slots.len() >= o.chunk_records || self.text.len() >= o.chunk_bytes
    }

    fn process<W: Work>(&mut self, work: &W, state: &mut W::State, max: usize) {
        let Chunk {
            text,
            names,
            slots,
            out,
            ..
        } = self;
        for slot in slots.iter() {
            let name = |i: &u32| {
                names
                    .get(usize::try_from(*i).unwrap_or(usize::MAX))
                    .map_or("", |n| &**n)
            };
            let item = match slot {
                Slot::Line {
                    name: n,
                    line,
                    start,
                    end,
                } => Item::Line {
                    name: name(n),
                    line: *line,
                    bytes: text.get(*start..*end).unwrap_or_default(),
                },
                Slot::TooLong { name: n, line, len } => Item::TooLong {
                    name: name(n),
                    line: *line,
                    len: *len,
                    max,
                },
                Slot::Blank => Item::Blank,
                Slot::Element {
                    name: n,
                    index,
                    start,
                    from,
                    end,
                } => Item::Element {
                    name: name(n),
                    index: *index,
                    start: *start,
                    bytes: text.get(*from..*end).unwrap_or_default(),
                },
                Slot::Whole(r) => Item::Whole(r),
            };
            work.item(state, item, out);
        }
    }
}

/// Fills chunks from the inputs and hands each full one to `emit`.
struct Reader<'o> {
    options: &'o Options,
    current: Option<Chunk>,
    seq: u64,
}

/// Why the reader stopped early: the writer (or a worker) has gone.
struct Stopped;

impl Reader<'_> {
    fn chunk(&mut self, take: &mut dyn FnMut() -> Option<Chunk>) -> Result<&mut Chunk, Stopped> {
        if self.current.is_none() {
            let mut c = take().ok_or(Stopped)?;
            c.clear();
            c.seq = self.seq;
            self.seq = self.seq.saturating_add(1);
            self.current = Some(c);
        }
        self.current.as_mut().ok_or(Stopped)
    }

    fn flush_if_full(
        &mut self,
        emit: &mut dyn FnMut(Chunk) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        if self
            .current
            .as_ref()
            .is_some_and(|c| c.is_full(self.options))
        {
            if let Some(c) = self.current.take() {
                emit(c)?;
            }
        }
        Ok(())
    }

    fn finish(
        &mut self,
        emit: &mut dyn FnMut(Chunk) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        match self.current.take() {
            Some(c) => emit(c),
            None => Ok(()),
        }
    }

    fn input(
        &mut self,
        input: Input,
        take: &mut dyn FnMut() -> Option<Chunk>,
        emit: &mut dyn FnMut(Chunk) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        match input {
            Input::Records(records) => {
                for r in records {
                    self.chunk(take)?.slots.push(Slot::Whole(r));
                    self.flush_if_full(emit)?;
                }
                Ok(())
            }
            Input::Lines { name, reader } => self.lines(name.into(), reader, take, emit),
            Input::Array { name, array } => self.array(name.into(), array, take, emit),
        }
    }

    /// The elements of an array file, each copied into the chunk's text.
    fn array(
        &mut self,
        name: Arc<str>,
        array: ArrayStream,
        take: &mut dyn FnMut() -> Option<Chunk>,
        emit: &mut dyn FnMut(Chunk) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        let end = array.each(&mut |element| {
            let chunk = self.chunk(take).map_err(|Stopped| array::Stopped)?;
            match element {
                Element::Kept {
                    index,
                    start,
                    bytes,
                } => {
                    let n = chunk.name_index(&name);
                    let from = chunk.text.len();
                    chunk.text.extend_from_slice(bytes);
                    chunk.slots.push(Slot::Element {
                        name: n,
                        index,
                        start,
                        from,
                        end: chunk.text.len(),
                    });
                }
                Element::TooLarge { index, start, len } => {
                    chunk.slots.push(Slot::Whole(WholeRecord::Invalid {
                        source: format!("{name}[{index}]"),
                        error: super::input::too_large_element(index, start, len),
                    }));
                }
            }
            self.flush_if_full(emit).map_err(|Stopped| array::Stopped)
        });
        match end {
            End::Done => Ok(()),
            End::Stopped => Err(Stopped),
            End::Failed(e) => {
                let record = super::input::file_error(&name, e);
                self.chunk(take)?.slots.push(Slot::Whole(record));
                self.flush_if_full(emit)
            }
        }
    }

    fn lines(
        &mut self,
        name: Arc<str>,
        mut reader: Box<dyn BufRead + Send>,
        take: &mut dyn FnMut() -> Option<Chunk>,
        emit: &mut dyn FnMut(Chunk) -> Result<(), Stopped>,
    ) -> Result<(), Stopped> {
        let max = self.options.max_line;
        let mut line_no: u64 = 0;
        // The line being read: where it starts in the chunk's text and how
        // long it is so far (it may be longer than what is kept).
        let mut start = 0usize;
        let mut len: u64 = 0;
        let mut in_line = false;
        loop {
            let buf = match reader.fill_buf() {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => {
                    // As before: the read error becomes a record, the input ends.
                    if in_line {
                        if let Some(c) = self.current.as_mut() {
                            c.text.truncate(start);
                        }
                    }
                    let source = format!("{name}:{}", line_no.saturating_add(1));
                    let record = WholeRecord::Invalid {
                        source,
                        error: super::input::invalid(crate::diagnostic::Message::CannotRead {
                            path: None,
                            why: crate::diagnostic::Unreadable::of(&e),
                        }),
                    };
                    self.chunk(take)?.slots.push(Slot::Whole(record));
                    return self.flush_if_full(emit);
                }
            };
            if buf.is_empty() {
                if in_line {
                    self.end_line(&name, line_no, start, len)?;
                    self.flush_if_full(emit)?;
                }
                return Ok(());
            }
            if !in_line {
                in_line = true;
                line_no = line_no.saturating_add(1);
                len = 0;
                start = self.chunk(take)?.text.len();
            }
            let (piece, ends_line) = match memchr::memchr(b'\n', buf) {
                Some(i) => (buf.get(..i).unwrap_or_default(), true),
                None => (buf, false),
            };
            let used = piece.len().saturating_add(usize::from(ends_line));
            len = len.saturating_add(piece.len() as u64);
            let chunk = self.chunk(take)?;
            if len <= max as u64 {
                chunk.text.extend_from_slice(piece);
            } else {
                // Too long: drop what was kept and only count from here on.
                chunk.text.truncate(start);
            }
            reader.consume(used);
            if ends_line {
                in_line = false;
                self.end_line(&name, line_no, start, len)?;
                self.flush_if_full(emit)?;
            }
        }
    }

    /// Records the line that ends at the end of the chunk's text.
    fn end_line(
        &mut self,
        name: &Arc<str>,
        line: u64,
        start: usize,
        len: u64,
    ) -> Result<(), Stopped> {
        let max = self.options.max_line;
        let chunk = self.current.as_mut().ok_or(Stopped)?;
        let n = chunk.name_index(name);
        if len > max as u64 {
            chunk.slots.push(Slot::TooLong { name: n, line, len });
            return Ok(());
        }
        let mut bytes = chunk.text.get(start..).unwrap_or_default();
        let mut from = start;
        if line == 1 && bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes = bytes.get(3..).unwrap_or_default();
            from = from.saturating_add(3);
        }
        while let Some(rest) = bytes.strip_suffix(b"\r") {
            bytes = rest;
        }
        let end = from.saturating_add(bytes.len());
        if blank(bytes) {
            chunk.text.truncate(start);
            chunk.slots.push(Slot::Blank);
        } else {
            chunk.slots.push(Slot::Line {
                name: n,
                line,
                start: from,
                end,
            });
        }
        Ok(())
    }
}

/// A line of only white space, as `str::trim` sees it. A line that starts
/// with anything else (a profile starts with `{`) is decided at once.
fn blank(bytes: &[u8]) -> bool {
    match bytes.first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => std::str::from_utf8(bytes).is_ok_and(|s| s.trim().is_empty()),
    }
}

/// Runs the pipeline: every record of `inputs`, in order, through `work`,
/// into `sink`. Returns the totals, or the sink's first write error.
pub fn run<W: Work, S: Sink + Send>(
    work: &W,
    inputs: impl Iterator<Item = Input> + Send,
    sink: &mut S,
    options: Options,
) -> std::io::Result<Tally>
where
    W::State: Send,
{
    if options.jobs <= 1 {
        return run_here(work, inputs, sink, &options);
    }
    let jobs = options.jobs;
    // Enough chunks for every worker to hold one, one queued for each, and
    // slack for the writer's reordering; memory is bounded by this count.
    let pool_size = jobs.saturating_mul(4).saturating_add(4);
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(jobs.saturating_mul(2));
    let (done_tx, done_rx) = mpsc::sync_channel::<Chunk>(pool_size);
    let (pool_tx, pool_rx) = mpsc::sync_channel::<Chunk>(pool_size);
    // Shared by the workers and dropped with the last of them, so that the
    // reader's send fails (instead of blocking) if they all stop early.
    let work_rx = Arc::new(std::sync::Mutex::new(work_rx));

    std::thread::scope(|scope| {
        // A thread that cannot be started (a limit on processes, no memory
        // for its stack) is an error to report, not a panic.
        let writer = std::thread::Builder::new()
            .name("batch-writer".to_owned())
            .spawn_scoped(scope, move || write_in_order(sink, done_rx, pool_tx))
            .map_err(cannot_spawn)?;
        for _ in 0..jobs {
            let worker_done = done_tx.clone();
            let worker_rx = Arc::clone(&work_rx);
            let spawned = std::thread::Builder::new()
                .name("batch-worker".to_owned())
                .spawn_scoped(scope, move || {
                    let mut state = work.state();
                    loop {
                        // The lock is held only to take the next chunk.
                        let next = match worker_rx.lock() {
                            Ok(rx) => rx.recv(),
                            Err(_) => return,
                        };
                        let Ok(mut chunk) = next else { return };
                        chunk.process(work, &mut state, options.max_line);
                        if worker_done.send(chunk).is_err() {
                            return;
                        }
                    }
                });
            if let Err(e) = spawned {
                // Dropping the channels ends the threads already started:
                // the workers see no more work, then the writer no more output.
                drop(work_tx);
                drop(done_tx);
                drop(work_rx);
                let _ = writer.join();
                return Err(cannot_spawn(e));
            }
        }
        drop(done_tx);
        drop(work_rx);
        read_all(inputs, &options, pool_size, &pool_rx, &work_tx);
        drop(work_tx);
        match writer.join() {
            Ok(result) => result,
            Err(_) => Err(std::io::Error::other("the batch writer stopped")),
        }
    })
}

/// A thread of the pipeline could not be started; carried inside the
/// `io::Error` that [`run`] returns, so the caller can tell it from a
/// failed write.
#[derive(Debug, thiserror::Error)]
#[error("cannot start a batch thread ({0}): try a smaller --jobs")]
pub struct SpawnError(std::io::Error);

fn cannot_spawn(e: std::io::Error) -> std::io::Error {
    std::io::Error::other(SpawnError(e))
}

/// One job: the reader, the work and the writer take turns on this thread
/// with one chunk going round.
fn run_here<W: Work, S: Sink>(
    work: &W,
    inputs: impl Iterator<Item = Input>,
    sink: &mut S,
    options: &Options,
) -> std::io::Result<Tally> {
    let mut tally = Tally::default();
    let mut state = work.state();
    let spare = std::cell::Cell::new(Some(Chunk::default()));
    let mut error = None;
    let mut take = || Some(spare.take().unwrap_or_default());
    let mut emit = |mut c: Chunk| -> Result<(), Stopped> {
        c.process(work, &mut state, options.max_line);
        tally.add(&c.out.tally);
        if let Err(e) = sink.write(&mut c.out) {
            error = Some(e);
            return Err(Stopped);
        }
        spare.set(Some(c));
        Ok(())
    };
    let mut reader = Reader {
        options,
        current: None,
        seq: 0,
    };
    let mut stopped = false;
    for input in inputs {
        if reader.input(input, &mut take, &mut emit).is_err() {
            stopped = true;
            break;
        }
    }
    if !stopped {
        let _ = reader.finish(&mut emit);
    }
    match error {
        Some(e) => Err(e),
        None => Ok(tally),
    }
}

fn read_all(
    inputs: impl Iterator<Item = Input>,
    options: &Options,
    pool_size: usize,
    pool: &Receiver<Chunk>,
    work: &SyncSender<Chunk>,
) {
    let mut made = 0usize;
    let mut take = || {
        if made < pool_size {
            made = made.saturating_add(1);
            return Some(Chunk::default());
        }
        pool.recv().ok()
    };
    let mut emit = |c: Chunk| work.send(c).map_err(|_| Stopped);
    let mut reader = Reader {
        options,
        current: None,
        seq: 0,
    };
    for input in inputs {
        if reader.input(input, &mut take, &mut emit).is_err() {
            return;
        }
    }
    let _ = reader.finish(&mut emit);
}

/// Writes chunks in sequence order, returning each to the pool once written.
fn write_in_order<S: Sink>(
    sink: &mut S,
    done: Receiver<Chunk>,
    pool: SyncSender<Chunk>,
) -> std::io::Result<Tally> {
    let mut tally = Tally::default();
    let mut next = 0u64;
    let mut waiting: BTreeMap<u64, Chunk> = BTreeMap::new();
    for chunk in done {
        waiting.insert(chunk.seq, chunk);
        while let Some(mut c) = waiting.remove(&next) {
            tally.add(&c.out.tally);
            sink.write(&mut c.out)?;
            next = next.saturating_add(1);
            // The reader may have stopped; then the chunk is simply dropped.
            let _ = pool.try_send(c);
        }
    }
    Ok(tally)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests;
