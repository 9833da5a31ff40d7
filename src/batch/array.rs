//! JSON files of `batch`, read without holding them whole.
//!
//! A file of profiles can be one JSON array of any size. serde_json walks
//! the array from a reader, checking its syntax without building anything,
//! while [`Tracked`] counts lines and columns, checks UTF-8 and keeps the
//! bytes of the element being read. Each element's bytes are then read
//! strictly on their own by a worker, as `check` reads a profile file, so
//! memory is bounded by the largest element ([`MAX_PROFILE_BYTES`]), not by
//! the file; a larger element is counted, not kept, and becomes an error
//! record.
//!
//! A regular file is read twice: once to check that it is a sound array,
//! so that a file that is not stays one error record (rather than some
//! records, then an error), then to stream its elements. A pipe can be read
//! only once: its elements are evaluated as they come, and a syntax error
//! part-way adds an error record for the file after those already read.

use std::cell::RefCell;
use std::io::{BufRead, Read};
use std::rc::Rc;

use serde::de::{self, Deserializer as _, IgnoredAny, SeqAccess, Visitor};

use crate::json::JsonError;
use crate::locate::{JsonPath, LineCol};
use crate::profile::MAX_PROFILE_BYTES;

/// The byte-order mark some editors write first.
const BOM: [u8; 3] = [0xEF, 0xBB, 0xBF];

/// Positions, UTF-8 state and the kept bytes, advanced one byte at a time.
#[derive(Debug)]
struct Track {
    /// Bytes read from the start of the file (a byte-order mark included).
    offset: u64,
    /// 1-based line.
    line: usize,
    /// Bytes read on this line: serde_json's column, the one its syntax
    /// errors report.
    col_bytes: usize,
    /// Characters read on this line: the columns of [`LineCol`].
    col_chars: usize,
    /// UTF-8: continuation bytes still expected, the range allowed for the
    /// next one, and where the character started.
    utf8_need: u8,
    utf8_range: (u8, u8),
    utf8_start: u64,
    /// The offset of the first byte that is not part of UTF-8 text.
    not_utf8: Option<u64>,
    keep: Keep,
    /// Where the kept bytes start (the first byte kept).
    start: Option<LineCol>,
    /// The kept bytes, at most `MAX_PROFILE_BYTES + 1` of them.
    bytes: Vec<u8>,
    /// How many bytes would have been kept without the cap.
    len: u64,
}

/// What the tracker keeps of the bytes it passes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// Nothing (checking a whole array).
    Nothing,
    /// Every byte (before it is known whether the file is an array).
    Raw,
    /// An element: the white space and comma before it are passed over.
    Element,
}

impl Track {
    fn new() -> Self {
        Track {
            offset: 0,
            line: 1,
            col_bytes: 0,
            col_chars: 0,
            utf8_need: 0,
            utf8_range: (0x80, 0xBF),
            utf8_start: 0,
            not_utf8: None,
            keep: Keep::Raw,
            start: None,
            bytes: Vec::new(),
            len: 0,
        }
    }

    /// Passes one byte; false if it is not UTF-8 where it stands (the byte
    /// is then not consumed).
    fn byte(&mut self, b: u8) -> bool {
        if self.utf8_need > 0 {
            let (lo, hi) = self.utf8_range;
            if b < lo || b > hi {
                self.not_utf8 = Some(self.utf8_start);
                return false;
            }
            self.utf8_need = self.utf8_need.saturating_sub(1);
            self.utf8_range = (0x80, 0xBF);
        } else {
            // The well-formed sequences of the Unicode standard (table 3-7),
            // as `std::str::from_utf8` accepts them.
            let (need, range) = match b {
                0x00..=0x7F => (0, (0x80, 0xBF)),
                0xC2..=0xDF => (1, (0x80, 0xBF)),
                0xE0 => (2, (0xA0, 0xBF)),
                0xE1..=0xEC | 0xEE..=0xEF => (2, (0x80, 0xBF)),
                0xED => (2, (0x80, 0x9F)),
                0xF0 => (3, (0x90, 0xBF)),
                0xF1..=0xF3 => (3, (0x80, 0xBF)),
                0xF4 => (3, (0x80, 0x8F)),
                _ => {
                    self.not_utf8 = Some(self.offset);
                    return false;
                }
            };
            self.utf8_need = need;
            self.utf8_range = range;
            self.utf8_start = self.offset;
        }
        match self.keep {
            Keep::Nothing => {}
            Keep::Element
                if self.start.is_none() && matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b',') => {}
            Keep::Raw | Keep::Element => {
                if self.start.is_none() {
                    self.start = Some(self.here());
                }
                self.len = self.len.saturating_add(1);
                if self.bytes.len() <= MAX_PROFILE_BYTES {
                    self.bytes.push(b);
                }
            }
        }
        self.offset = self.offset.saturating_add(1);
        if b == b'\n' {
            self.line = self.line.saturating_add(1);
            self.col_bytes = 0;
            self.col_chars = 0;
        } else {
            self.col_bytes = self.col_bytes.saturating_add(1);
            if b & 0xC0 != 0x80 {
                self.col_chars = self.col_chars.saturating_add(1);
            }
        }
        // A byte-order mark is not text: positions count from after it,
        // as they do when a whole text is read without it.
        if self.offset == 3 && self.line == 1 && self.bytes_were_bom() {
            self.col_bytes = 0;
            self.col_chars = 0;
        }
        true
    }

    fn bytes_were_bom(&self) -> bool {
        // Only called at offset 3: the first three bytes passed were kept
        // raw (the tracker starts in `Keep::Raw`).
        self.keep == Keep::Raw && self.bytes.get(..3) == Some(&BOM[..])
    }

    /// Where the next byte stands, as a character position.
    fn here(&self) -> LineCol {
        LineCol {
            line: self.line,
            column: self.col_chars.saturating_add(1),
        }
    }

    /// Starts keeping the next element.
    fn keep(&mut self, keep: Keep) {
        self.keep = keep;
        self.start = None;
        self.bytes.clear();
        self.len = 0;
    }

    /// The element just read. serde_json reads one byte past a number to
    /// see where it ends: that byte (a comma, a bracket, white space) is
    /// not the element's.
    fn element(&self, index: usize) -> Element<'_> {
        let start = self.start.unwrap_or(LineCol { line: 1, column: 1 });
        let mut bytes = self.bytes.as_slice();
        let mut len = self.len;
        if bytes
            .first()
            .is_some_and(|b| *b == b'-' || b.is_ascii_digit())
        {
            while let Some((last, rest)) = bytes.split_last() {
                if last.is_ascii_digit() || matches!(last, b'+' | b'-' | b'.' | b'e' | b'E') {
                    break;
                }
                bytes = rest;
                len = len.saturating_sub(1);
            }
        }
        if len > MAX_PROFILE_BYTES as u64 {
            Element::TooLarge { index, start, len }
        } else {
            Element::Kept {
                index,
                start,
                bytes,
            }
        }
    }
}

/// A reader that passes every byte through a [`Track`]. serde_json reads
/// from it one byte at a time, so the track's position is serde_json's.
struct Tracked {
    inner: Box<dyn BufRead + Send>,
    track: Rc<RefCell<Track>>,
}

impl Tracked {
    fn new(inner: Box<dyn BufRead + Send>, track: Track) -> Self {
        Tracked {
            inner,
            track: Rc::new(RefCell::new(track)),
        }
    }

    /// The reader and its track again, once no one else holds the track.
    fn into_parts(self) -> std::io::Result<(Box<dyn BufRead + Send>, Track)> {
        match Rc::try_unwrap(self.track) {
            Ok(track) => Ok((self.inner, track.into_inner())),
            Err(_) => Err(busy()),
        }
    }
}

fn busy() -> std::io::Error {
    std::io::Error::other("the position tracker is busy")
}

fn not_utf8_error() -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text")
}

impl Read for Tracked {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let avail = loop {
            match self.inner.fill_buf() {
                Ok(b) => break b,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
        };
        let mut track = self.track.try_borrow_mut().map_err(|_| busy())?;
        let mut n = 0usize;
        let mut bad = false;
        for (dst, b) in buf.iter_mut().zip(avail) {
            if !track.byte(*b) {
                bad = true;
                break;
            }
            *dst = *b;
            n = n.saturating_add(1);
        }
        drop(track);
        self.inner.consume(n);
        if bad && n == 0 {
            return Err(not_utf8_error());
        }
        Ok(n)
    }
}

/// One element of an array, as the stream hands it on.
pub enum Element<'a> {
    /// Its bytes, for a worker to read strictly.
    Kept {
        /// 0-based index in the array.
        index: usize,
        /// Where it starts in the file.
        start: LineCol,
        /// Its bytes, without the white space around it.
        bytes: &'a [u8],
    },
    /// An element longer than a profile may be: counted, not kept.
    TooLarge {
        /// 0-based index in the array.
        index: usize,
        /// Where it starts in the file.
        start: LineCol,
        /// Its length in bytes.
        len: u64,
    },
}

/// Why a file could not be read as a whole.
#[derive(Debug)]
pub enum FileError {
    /// Not JSON, or not a JSON array followed by nothing but white space.
    Json(JsonError),
    /// A byte that is not UTF-8, at this offset.
    NotUtf8(u64),
    /// The system could not read it.
    Io(std::io::Error),
}

/// How a walk over an array ended.
#[derive(Debug)]
pub enum End {
    /// Every element was read, and nothing but white space follows.
    Done,
    /// The consumer of the elements stopped.
    Stopped,
    /// The file is not a sound array, from where the walk got to.
    Failed(FileError),
}

/// The consumer of elements stopped taking them.
pub struct Stopped;

/// A file being read, before it is known whether it holds an array.
pub struct Head {
    inner: Box<dyn BufRead + Send>,
}

/// What a file starts with.
pub enum Start {
    /// `[`: an array of profiles.
    Array(ArrayStream),
    /// Anything else: one profile. Its bytes, read whole up to one byte
    /// more than a profile may be (so a longer file is seen to be longer).
    Single(Vec<u8>),
}

impl Head {
    /// A file to read from its first byte.
    pub fn new(inner: Box<dyn BufRead + Send>) -> Self {
        Head { inner }
    }

    /// Reads past a byte-order mark and white space, then tells what the
    /// file holds.
    pub fn start(self) -> std::io::Result<Start> {
        let mut tracked = Tracked::new(self.inner, Track::new());
        let mut first = [0u8; 1];
        loop {
            let avail = loop {
                match tracked.inner.fill_buf() {
                    Ok(b) => break b,
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                    Err(e) => return Err(e),
                }
            };
            let Some(&b) = avail.first() else { break };
            let bom = continues_bom(&tracked.track, b);
            if b == b'[' {
                let (inner, mut track) = tracked.into_parts()?;
                track.keep(Keep::Nothing);
                return Ok(Start::Array(ArrayStream { inner, track }));
            }
            if !(bom || matches!(b, b' ' | b'\t' | b'\n' | b'\r')) {
                break;
            }
            // Through the tracker, so the kept bytes and positions follow.
            if tracked.read(&mut first)? == 0 {
                break;
            }
        }
        // One profile: what was kept, then the rest, up to the cap.
        let (mut inner, track) = tracked.into_parts()?;
        let mut bytes = track.bytes;
        let cap = (MAX_PROFILE_BYTES as u64).saturating_add(1);
        let left = cap.saturating_sub(bytes.len() as u64);
        inner.by_ref().take(left).read_to_end(&mut bytes)?;
        Ok(Start::Single(bytes))
    }
}

/// Whether `b`, read next, would continue a byte-order mark at the start
/// of the file.
fn continues_bom(track: &RefCell<Track>, b: u8) -> bool {
    track.try_borrow().is_ok_and(|t| {
        usize::try_from(t.offset)
            .is_ok_and(|n| t.bytes.get(..n) == BOM.get(..n) && BOM.get(n) == Some(&b))
    })
}

/// A file positioned at the `[` of an array.
pub struct ArrayStream {
    inner: Box<dyn BufRead + Send>,
    track: Track,
}

impl ArrayStream {
    /// Checks that the file is a sound array (each element sound JSON,
    /// nothing but white space after the array), keeping nothing. When it
    /// is not, and `to_the_end`, the rest is still read to find a byte
    /// that is not UTF-8: that error wins, as when a text is read whole.
    pub fn check(self, to_the_end: bool) -> End {
        let mut tracked = Tracked::new(self.inner, self.track);
        let track = Rc::clone(&tracked.track);
        let end = walk(&mut tracked, false, &mut |_| Ok(()));
        if to_the_end && matches!(end, End::Failed(FileError::Json(_))) {
            // What serde_json has not read is still in `tracked`.
            if let Ok(mut t) = track.try_borrow_mut() {
                t.keep(Keep::Nothing);
            }
            let mut sink = [0u8; 1 << 12];
            loop {
                match tracked.read(&mut sink) {
                    Ok(0) => break,
                    Ok(_) => {}
                    Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                    Err(_) => break,
                }
            }
            if let Some(at) = not_utf8_at_end(&track) {
                return End::Failed(FileError::NotUtf8(at));
            }
        }
        end
    }

    /// Hands every element to `each`, in order.
    pub fn each(self, each: &mut dyn FnMut(Element<'_>) -> Result<(), Stopped>) -> End {
        let mut tracked = Tracked::new(self.inner, self.track);
        walk(&mut tracked, true, each)
    }
}

/// A JSON value skipped through its parts, so that the path of an error
/// inside it can be known ([`IgnoredAny`] skips a value whole, unseen).
struct Skip;

impl<'de> de::Deserialize<'de> for Skip {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Skip, D::Error> {
        d.deserialize_any(SkipVisitor::<true>).map(|_| Skip)
    }
}

/// Skips one JSON value and says whether it was an array. `DEEP` goes
/// through an array's elements part by part ([`Skip`]); otherwise each is
/// skipped whole, which is fastest.
struct SkipVisitor<const DEEP: bool>;

impl<'de, const DEEP: bool> Visitor<'de> for SkipVisitor<DEEP> {
    type Value = bool;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<bool, A::Error> {
        if DEEP {
            while seq.next_element::<Skip>()?.is_some() {}
        } else {
            while seq.next_element::<IgnoredAny>()?.is_some() {}
        }
        Ok(true)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
        while map.next_key::<String>()?.is_some() {
            map.next_value::<Skip>()?;
        }
        Ok(false)
    }

    fn visit_bool<E>(self, _: bool) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_i64<E>(self, _: i64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_u64<E>(self, _: u64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_f64<E>(self, _: f64) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_str<E>(self, _: &str) -> Result<bool, E> {
        Ok(false)
    }

    fn visit_unit<E>(self) -> Result<bool, E> {
        Ok(false)
    }
}

/// Whether `reader` holds a sound array file: an optional byte-order mark
/// and white space, one JSON array of sound JSON, nothing but white space
/// after it, and UTF-8 throughout. It is the check of
/// [`ArrayStream::check`] without positions or kept bytes: serde_json reads
/// through a plain [`std::io::BufReader`], a byte at a time from its
/// buffer, about ten times faster than through [`Tracked`]. A file that is
/// not sound is read again by `check` for the error and where it is.
pub fn is_sound_array(mut reader: impl Read) -> bool {
    let mut first = Vec::with_capacity(BOM.len());
    if (&mut reader)
        .take(BOM.len() as u64)
        .read_to_end(&mut first)
        .is_err()
    {
        return false;
    }
    if first == BOM {
        first.clear();
    }
    let reader = std::io::Cursor::new(first).chain(reader);
    let reader = std::io::BufReader::with_capacity(1 << 16, Utf8Checked::new(reader));
    let mut de = serde_json::Deserializer::from_reader(reader);
    let starts_with_array = matches!(
        serde::Deserializer::deserialize_any(&mut de, SkipVisitor::<false>),
        Ok(true)
    );
    starts_with_array && de.end().is_ok()
}

/// A reader that fails with `InvalidData` at the first byte that is not
/// UTF-8, checking whole blocks as they pass (serde_json checks the UTF-8
/// of the strings it builds, not of those it skips).
struct Utf8Checked<R> {
    inner: R,
    /// The start of a character cut off at the end of the last block.
    carry: Vec<u8>,
}

impl<R: Read> Utf8Checked<R> {
    fn new(inner: R) -> Self {
        Utf8Checked {
            inner,
            carry: Vec::new(),
        }
    }
}

impl<R: Read> Read for Utf8Checked<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        let block = buf.get(..n).unwrap_or_default();
        if n == 0 {
            return match self.carry.is_empty() {
                true => Ok(0),
                false => Err(not_utf8_error()),
            };
        }
        // Finish the character cut off last time with this block's first bytes.
        let mut rest = block;
        while !self.carry.is_empty() {
            let Some((&b, tail)) = rest.split_first() else {
                return Ok(n);
            };
            self.carry.push(b);
            rest = tail;
            match std::str::from_utf8(&self.carry) {
                Ok(_) => self.carry.clear(),
                Err(e) if e.error_len().is_some() => return Err(not_utf8_error()),
                Err(_) => {}
            }
        }
        match std::str::from_utf8(rest) {
            Ok(_) => {}
            Err(e) if e.error_len().is_some() => return Err(not_utf8_error()),
            Err(e) => {
                let cut = rest.get(e.valid_up_to()..).unwrap_or_default();
                self.carry.extend_from_slice(cut);
            }
        }
        Ok(n)
    }
}

/// A byte that is not UTF-8, including a character cut off at the end.
fn not_utf8_at_end(track: &RefCell<Track>) -> Option<u64> {
    let t = track.try_borrow().ok()?;
    t.not_utf8
        .or_else(|| (t.utf8_need > 0).then_some(t.utf8_start))
}

/// Walks the array: `keep` hands each element to `each`; without it the
/// walk only checks, and an error's path goes down into the element
/// (`[3].contract`), which the checking walk can afford since it runs only
/// for a file that failed the fast check.
fn walk(
    tracked: &mut Tracked,
    keep: bool,
    each: &mut dyn FnMut(Element<'_>) -> Result<(), Stopped>,
) -> End {
    let track = Rc::clone(&tracked.track);
    // serde_json counts lines and columns from where it starts reading,
    // after the byte-order mark and white space `Head::start` passed.
    let base = track.try_borrow().map_or((1, 0), |t| (t.line, t.col_bytes));
    let mut stopped = false;
    let reading = std::cell::Cell::new(None);
    let mut de = serde_json::Deserializer::from_reader(tracked);
    let visitor = Elements {
        track: &track,
        each,
        keep,
        stopped: &mut stopped,
        reading: &reading,
    };
    let mut inside = serde_path_to_error::Track::new();
    let result = if keep {
        (&mut de).deserialize_seq(visitor)
    } else {
        serde_path_to_error::Deserializer::new(&mut de, &mut inside).deserialize_seq(visitor)
    }
    .and_then(|()| de.end());
    // The element being read when the walk failed, if it failed in one.
    let path = match reading.get() {
        None => JsonPath::root(),
        Some(_) if !keep => crate::json::path_of(&inside.path()),
        Some(index) => JsonPath::root().index(index),
    };
    if stopped {
        return End::Stopped;
    }
    // A character cut off counts only at the end of the file: serde_json
    // may stop reading in the middle of one after a syntax error.
    if let Some(at) = track.try_borrow().ok().and_then(|t| t.not_utf8) {
        return End::Failed(FileError::NotUtf8(at));
    }
    match result {
        Ok(()) => match not_utf8_at_end(&track) {
            Some(at) => End::Failed(FileError::NotUtf8(at)),
            None => End::Done,
        },
        Err(e) if e.is_io() => End::Failed(FileError::Io(std::io::Error::from(e))),
        Err(e) => {
            // serde_json's position, not the tracker's: serde_json reads on
            // past an error inside the array to close it.
            let location = (e.line() > 0).then(|| {
                let column = e.column().max(1);
                if e.line() == 1 {
                    LineCol {
                        line: base.0,
                        column: base.1.saturating_add(column),
                    }
                } else {
                    LineCol {
                        line: base.0.saturating_add(e.line().saturating_sub(1)),
                        column,
                    }
                }
            });
            End::Failed(FileError::Json(JsonError {
                path,
                location,
                message: crate::json::message_of(&e.to_string()),
            }))
        }
    }
}

/// The visitor of the top-level array: each element is skipped by
/// serde_json (checked, not built) while the tracker keeps its bytes.
struct Elements<'a> {
    track: &'a RefCell<Track>,
    each: &'a mut dyn FnMut(Element<'_>) -> Result<(), Stopped>,
    keep: bool,
    stopped: &'a mut bool,
    /// The index of the element being read, while one is.
    reading: &'a std::cell::Cell<Option<usize>>,
}

impl<'de> Visitor<'de> for Elements<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of profiles")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let busy = || de::Error::custom(busy());
        let mut index = 0usize;
        loop {
            if self.keep {
                self.track
                    .try_borrow_mut()
                    .map_err(|_| busy())?
                    .keep(Keep::Element);
            }
            self.reading.set(Some(index));
            let more = match self.keep {
                true => seq.next_element::<IgnoredAny>()?.is_some(),
                false => seq.next_element::<Skip>()?.is_some(),
            };
            self.reading.set(None);
            if !more {
                return Ok(());
            }
            if self.keep {
                let track = self.track.try_borrow().map_err(|_| busy())?;
                if (self.each)(track.element(index)).is_err() {
                    *self.stopped = true;
                    return Err(de::Error::custom("stopped"));
                }
            }
            index = index.saturating_add(1);
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn start(text: &[u8]) -> Start {
        let reader: Box<dyn BufRead + Send> = Box::new(std::io::BufReader::with_capacity(
            7,
            std::io::Cursor::new(text.to_vec()),
        ));
        match Head::new(reader).start() {
            Ok(s) => s,
            Err(e) => panic!("{e}"),
        }
    }

    /// Each element's text and start, as the stream hands them on.
    fn elements(text: &[u8]) -> (Vec<(usize, String, LineCol)>, End) {
        let Start::Array(array) = start(text) else {
            panic!("not an array")
        };
        let mut out = Vec::new();
        let end = array.each(&mut |e| {
            match e {
                Element::Kept {
                    index,
                    start,
                    bytes,
                } => out.push((index, String::from_utf8(bytes.to_vec()).unwrap(), start)),
                Element::TooLarge { index, start, len } => {
                    out.push((index, format!("<{len} bytes>"), start))
                }
            }
            Ok(())
        });
        (out, end)
    }

    /// The reference: serde_json's raw elements of a whole text, placed by
    /// the locator, as `batch` read array files before they were streamed.
    fn whole(text: &str) -> Vec<(usize, String, LineCol)> {
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let raw: Vec<&serde_json::value::RawValue> = serde_json::from_str(body).unwrap();
        let locator = crate::locate::Locator::new(body);
        raw.iter()
            .enumerate()
            .map(|(i, r)| {
                let offset = r.get().as_ptr() as usize - body.as_ptr() as usize;
                (i, r.get().to_owned(), locator.line_col(offset))
            })
            .collect()
    }

    #[test]
    fn elements_and_their_starts_are_those_of_the_whole_text() {
        for text in [
            "[]",
            "  [ ]  \n",
            "[1,2 , -3.5e+2 ,4]",
            "[\n  {\"a\": 1},\n  {\"b\": [1, {\"c\": \"]\\\"}\"}]}\n]\n",
            "\u{feff}[ {\"id\": \"ß\"}, \"é\",{\"x\":\"日本\"}, 12]",
            "\r\n[\r\n {\"a\":\r\n 1},\r\n\tnull, true, false, 0]\r\n",
            "[[1,2],[3,[4]],{\"k\":[]} ,7]",
            "[\"a,b\", \"c]d\", \"\\\\\", 0.5]",
        ] {
            let (got, end) = elements(text.as_bytes());
            assert!(matches!(end, End::Done), "{text:?}: {end:?}");
            assert_eq!(got, whole(text), "{text:?}");
        }
    }

    #[test]
    fn a_file_that_is_not_an_array_is_read_whole_up_to_the_cap() {
        let Start::Single(bytes) = start(b"\xEF\xBB\xBF \n {\"a\": 1}\n") else {
            panic!("an array")
        };
        assert_eq!(bytes, b"\xEF\xBB\xBF \n {\"a\": 1}\n");
        let big = vec![b'x'; MAX_PROFILE_BYTES * 2];
        let Start::Single(bytes) = start(&big) else {
            panic!("an array")
        };
        assert_eq!(bytes.len(), MAX_PROFILE_BYTES + 1);
    }

    #[test]
    fn an_element_larger_than_a_profile_is_counted_not_kept() {
        let long = "x".repeat(MAX_PROFILE_BYTES);
        let text = format!("[{{\"a\": 1}}, {{\"id\": \"{long}\"}}, 5]");
        let (got, end) = elements(text.as_bytes());
        assert!(matches!(end, End::Done), "{end:?}");
        assert_eq!(got.len(), 3);
        assert_eq!(got[1].1, format!("<{} bytes>", MAX_PROFILE_BYTES + 10));
        assert_eq!(
            got[1].2,
            LineCol {
                line: 1,
                column: 12
            }
        );
        assert_eq!(got[2].1, "5");
    }

    /// The error of a file that is not a sound array is serde_json's, at
    /// the line and column `parse_strict` gives for the whole text.
    #[test]
    fn syntax_errors_are_placed_as_in_the_whole_text() {
        for text in [
            "[{\"citizenship\": \"KG\"},",
            "[\n {\"a\": 1}\n {\"b\": 2}\n]",
            "[1, 2] 3",
            "\u{feff}[\n  {\"a\": tru}]",
            "[\"é\", \"\u{1}\"]",
            "[{\"a\": 1},\n {\"b\": {\"c\": [1, 2 3]}}]",
            "[{\"contract\": {\"kind\": \"employment\" \"start\": 1}}]",
        ] {
            let Start::Array(array) = start(text.as_bytes()) else {
                panic!("not an array")
            };
            let End::Failed(FileError::Json(e)) = array.check(true) else {
                panic!("{text:?} is sound")
            };
            let whole = crate::json::parse_strict(text).unwrap_err();
            assert_eq!(
                (e.location, &e.message, e.path.to_string()),
                (whole.location, &whole.message, whole.path.to_string()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn a_byte_that_is_not_utf8_is_found_where_from_utf8_finds_it() {
        for text in [
            &b"[\"\xFF\"]"[..],
            b"[\"a\xC3\"]",
            b"[\"\xE2\x82\"]",
            b"[\"\xED\xA0\x80\"]",
            b"[1, \"\xF4\x90\x80\x80\"]",
            b"[1] \xC3",
            // A syntax error first: the rest is still read for UTF-8.
            b"[1 2, \"\xC0\"]",
        ] {
            let Start::Array(array) = start(text) else {
                panic!("not an array")
            };
            let expected = std::str::from_utf8(text).unwrap_err().valid_up_to() as u64;
            match array.check(true) {
                End::Failed(FileError::NotUtf8(at)) => assert_eq!(at, expected, "{text:?}"),
                other => panic!("{text:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_stopped_consumer_stops_the_walk() {
        let Start::Array(array) = start(b"[1, 2, 3]") else {
            panic!("not an array")
        };
        let mut seen = 0;
        let end = array.each(&mut |_| {
            seen += 1;
            Err(Stopped)
        });
        assert!(matches!(end, End::Stopped));
        assert_eq!(seen, 1);
    }

    /// The slow check's verdict: a sound array, or not.
    fn slow_sound(text: &[u8]) -> bool {
        match start(text) {
            Start::Array(array) => matches!(array.check(true), End::Done),
            Start::Single(_) => false,
        }
    }

    /// A reader that hands out at most `step` bytes a call, so that blocks
    /// end inside characters.
    struct Trickle<'a>(&'a [u8], usize);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(self.1).min(buf.len());
            let (head, tail) = self.0.split_at(n);
            buf[..n].copy_from_slice(head);
            self.0 = tail;
            Ok(n)
        }
    }

    /// The fast check takes what the slow check takes, and refuses what it
    /// refuses, however the bytes arrive.
    #[test]
    fn the_fast_check_agrees_with_the_slow_one() {
        let cases: &[&[u8]] = &[
            b"[]",
            b"  [1, 2]  \n",
            "\u{feff}[{\"a\": \"\u{0439}\u{1F600}\"}]".as_bytes(),
            b"[[[]], {\"a\": [null, true, -1.5e3]}]",
            b"[{\"citizenship\": \"KG\"},",
            b"[1, 2] 3",
            b"[1] [2]",
            b"{\"a\": 1}",
            b"\"text\"",
            b"",
            b"[\"\xFF\"]",
            b"[\"a\xC3\"]",
            b"[\"\xED\xA0\x80\"]",
            b"[1] \xC3",
            b"[\"\xE2\x82\"]",
            b"\xEF\xBB[]",
        ];
        for text in cases {
            let slow = slow_sound(text);
            for step in [1, 2, 3, 5, 64] {
                assert_eq!(
                    is_sound_array(Trickle(text, step)),
                    slow,
                    "{:?}, {step} bytes a read",
                    String::from_utf8_lossy(text)
                );
            }
        }
        assert!(slow_sound(b"[]") && !slow_sound(b"[1] [2]"));
    }

    proptest::proptest! {
        /// On arrays cut, spliced and salted with stray bytes, the two
        /// checks give the same verdict.
        #[test]
        fn fast_and_slow_checks_agree_on_any_bytes(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    &b"["[..], b"]", b",", b" ", b"\n", b"{", b"}", b":", b"\"a\"",
                    b"1", b"-2.5", b"null", b"true", "\"\u{0439}\"".as_bytes(),
                    b"\xC3", b"\xA9", b"\xFF", b"\"",
                ]),
                0..24,
            ),
            step in 1usize..9,
        ) {
            let mut text = b"[".to_vec();
            for p in parts {
                text.extend_from_slice(p);
            }
            proptest::prop_assert_eq!(is_sound_array(Trickle(&text, step)), slow_sound(&text));
        }
    }
}
