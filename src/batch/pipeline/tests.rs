//! The pipeline's memory bounds: chunks bounded in records and bytes, and
//! an array file read no further ahead than a chunk.

use std::io::{BufReader, Read};
use std::sync::atomic::{AtomicU64, Ordering};

use super::*;

/// Writes, per record, the length of its input bytes.
struct Lengths;

impl Work for Lengths {
    type State = ();
    fn state(&self) {}
    fn item(&self, (): &mut (), item: Item<'_>, out: &mut Output) {
        let len = match item {
            Item::Line { bytes, .. } | Item::Element { bytes, .. } => bytes.len(),
            _ => 0,
        };
        out.bytes.extend_from_slice(format!("{len}\n").as_bytes());
        out.tally.evaluated += 1;
    }
}

/// Each chunk's records and input bytes, as the sink receives them;
/// `check` runs before each write.
struct Chunks<F: FnMut(u64)> {
    seen: Vec<(usize, u64)>,
    check: F,
}

impl<F: FnMut(u64) + Send> Sink for Chunks<F> {
    fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
        let lens: Vec<u64> = std::str::from_utf8(&out.bytes)
            .unwrap()
            .lines()
            .map(|l| l.parse().unwrap())
            .collect();
        let bytes = lens.iter().sum();
        (self.check)(self.seen.iter().map(|s| s.1).sum::<u64>() + bytes);
        self.seen.push((lens.len(), bytes));
        Ok(())
    }
}

/// A chunk closes on its record count or on its input bytes, whichever
/// comes first: a chunk of long lines never holds many of them.
#[test]
fn chunks_are_bounded_in_records_and_bytes() {
    let options = Options {
        jobs: 1,
        chunk_records: 50,
        chunk_bytes: 1000,
        max_line: 600,
    };
    let mut text = String::new();
    for i in 0..300 {
        // Short lines, then long ones.
        let len = if i < 100 { 5 } else { 400 };
        text.push_str(&"x".repeat(len));
        text.push('\n');
    }
    let input = Input::Lines {
        name: "t".to_owned(),
        reader: Box::new(std::io::Cursor::new(text.into_bytes())),
    };
    let mut sink = Chunks {
        seen: Vec::new(),
        check: |_| {},
    };
    let tally = run(&Lengths, std::iter::once(input), &mut sink, options).unwrap();
    assert_eq!(tally.evaluated, 300);
    for (records, bytes) in &sink.seen {
        assert!(*records <= 50, "{records} records");
        assert!(*bytes < 1000 + 600, "{bytes} bytes");
    }
    // The long lines close chunks by bytes, three lines to a chunk.
    assert!(sink.seen.iter().any(|(r, _)| *r == 3), "{:?}", sink.seen);
}

/// An array that yields `n` elements of about 1 KB each, counting the
/// bytes it has handed out.
struct Generated {
    n: usize,
    next: usize,
    pending: Vec<u8>,
    served: Arc<AtomicU64>,
}

impl Read for Generated {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.pending.is_empty() {
            if self.next > self.n {
                return Ok(0);
            }
            self.pending = match self.next {
                0 => b"[".to_vec(),
                i if i == self.n => b"]".to_vec(),
                i => format!(
                    "{}{{\"id\": \"{i}\", \"note\": \"{}\"}}\n",
                    if i > 1 { "," } else { "" },
                    "y".repeat(1000)
                )
                .into_bytes(),
            };
            self.next += 1;
        }
        let n = buf.len().min(self.pending.len());
        buf[..n].copy_from_slice(&self.pending[..n]);
        self.pending.drain(..n);
        self.served.fetch_add(n as u64, Ordering::SeqCst);
        Ok(n)
    }
}

/// An array is read as its elements are written: at every write, what
/// has been read from the file is within a chunk and a buffer of what
/// has been written, whatever the file's size.
#[test]
fn an_array_is_read_no_further_ahead_than_a_chunk() {
    let served = Arc::new(AtomicU64::new(0));
    let reader = BufReader::with_capacity(
        1 << 16,
        Generated {
            n: 3000,
            next: 0,
            pending: Vec::new(),
            served: Arc::clone(&served),
        },
    );
    let super::array::Start::Array(array) =
        super::array::Head::new(Box::new(reader)).start().unwrap()
    else {
        panic!("not an array")
    };
    let options = Options {
        jobs: 1,
        chunk_records: 1024,
        chunk_bytes: 32 << 10,
        max_line: DEFAULT_MAX_LINE,
    };
    let ahead = Arc::new(AtomicU64::new(0));
    let worst = Arc::clone(&ahead);
    let read = Arc::clone(&served);
    let mut sink = Chunks {
        seen: Vec::new(),
        check: move |written| {
            let gap = read.load(Ordering::SeqCst).saturating_sub(written);
            worst.fetch_max(gap, Ordering::SeqCst);
        },
    };
    let input = Input::Array {
        name: "a.json".to_owned(),
        array,
    };
    let tally = run(&Lengths, std::iter::once(input), &mut sink, options).unwrap();
    assert_eq!(tally.evaluated, 2999);
    assert!(served.load(Ordering::SeqCst) > 3_000_000);
    // A chunk (32 KiB, plus the element that fills it) and the reader's
    // 64 KiB buffer, with the separators between elements.
    let bound = (32 << 10) + 1100 + (1 << 16) + 3000 * 2;
    assert!(
        ahead.load(Ordering::SeqCst) < bound,
        "read {} bytes ahead of what was written",
        ahead.load(Ordering::SeqCst)
    );
}
