//! Inputs named on the command line: a path becomes NDJSON lines, a JSON
//! file of one profile, or a JSON array streamed element by element; a path
//! that cannot be read becomes an error record in its place.

use std::io::BufReader;
use std::path::{Path, PathBuf};

use serde_json::value::RawValue;

use super::array;
use super::pipeline::{Input, WholeRecord};
use crate::diagnostic::{Message, Unreadable};
use crate::locate::{JsonPath, LineCol, Locator};
use crate::profile::{InvalidProfile, MAX_PROFILE_BYTES};

/// The inputs of the paths given, in order, each opened when the reader
/// reaches it (`-` is NDJSON on stdin).
pub fn inputs(paths: &[String]) -> impl Iterator<Item = Input> + '_ {
    paths.iter().flat_map(|p| expand(p)).map(open)
}

/// An input named on the command line.
enum Source {
    Ndjson(String),
    Json(String),
    Unreadable(String, Unreadable),
}

/// Expands a command-line path into inputs; an unreadable path is an error
/// record, and so is every `*.json` entry of a directory that is not a
/// file to read (a directory, a FIFO, a dangling or looping link).
fn expand(path: &str) -> Vec<Source> {
    use crate::files::Entry;
    if path == "-" {
        return vec![Source::Ndjson(path.to_owned())];
    }
    let p = Path::new(path);
    match crate::files::entry(p) {
        Entry::Dir => {}
        Entry::Broken(why) => return vec![Source::Unreadable(path.to_owned(), why)],
        // A FIFO named on the command line is read: it is how a shell
        // passes `<(command)`.
        Entry::File | Entry::Special(_) => {
            return match p.extension().and_then(|e| e.to_str()) {
                Some("ndjson" | "jsonl") => vec![Source::Ndjson(path.to_owned())],
                _ => vec![Source::Json(path.to_owned())],
            }
        }
    }
    let mut files: Vec<PathBuf> = match std::fs::read_dir(p) {
        Ok(entries) => entries
            .flatten()
            .map(|e| e.path())
            .filter(|f| f.extension().is_some_and(|x| x == "json"))
            .collect(),
        Err(e) => return vec![Source::Unreadable(path.to_owned(), Unreadable::of(&e))],
    };
    files.sort();
    files
        .into_iter()
        .map(|f| {
            let name = f.display().to_string();
            match crate::files::entry(&f) {
                Entry::File => Source::Json(name),
                Entry::Dir => Source::Unreadable(name, Unreadable::Subdirectory),
                // Reading a FIFO nobody writes to would wait for ever.
                Entry::Special(kind) => Source::Unreadable(name, Unreadable::Special(kind)),
                Entry::Broken(why) => Source::Unreadable(name, why),
            }
        })
        .collect()
}

/// Opens an input lazily, when the reader reaches it (files are opened one
/// at a time, in order).
fn open(source: Source) -> Input {
    match source {
        Source::Ndjson(path) if path == "-" => Input::Lines {
            name: "<stdin>".to_owned(),
            reader: Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
        },
        Source::Ndjson(path) => match std::fs::File::open(&path) {
            Ok(f) => Input::Lines {
                name: path,
                reader: Box::new(BufReader::with_capacity(1 << 16, f)),
            },
            Err(e) => unreadable(&path, None, Unreadable::of(&e)),
        },
        Source::Json(path) => json_file(&path),
        Source::Unreadable(path, why) => unreadable(&path, None, why),
    }
}

/// The error record of `source`, which could not be read; `path` is
/// named in the message when it is not the source itself.
fn unreadable(source: &str, path: Option<&str>, why: Unreadable) -> Input {
    Input::Records(vec![WholeRecord::Invalid {
        source: source.to_owned(),
        error: invalid(Message::CannotRead {
            path: path.map(str::to_owned),
            why,
        }),
    }])
}

/// A profile problem with no position: the whole record is wrong. The
/// message is worded when the record is written, in the run's language.
pub(crate) fn invalid(message: Message) -> InvalidProfile {
    InvalidProfile::one(JsonPath::root(), message)
}

/// A JSON file: one profile, or an array of profiles, streamed element by
/// element (see [`array`]). A file of one profile is read whole, up to the
/// size a profile may be.
fn json_file(path: &str) -> Input {
    use std::io::{Seek, SeekFrom};
    let cannot_read = |e: std::io::Error| unreadable(path, Some(path), Unreadable::of(&e));
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return cannot_read(e),
    };
    let size = file
        .metadata()
        .ok()
        .filter(|m| m.is_file())
        .map(|m| m.len());
    // A regular file is checked first, fast, without positions: a sound
    // array then streams from its start. Only a file that fails is walked
    // again with positions, for its error and where it is.
    let sound = size.is_some() && array::is_sound_array(&file);
    if size.is_some() {
        if let Err(e) = (&file).seek(SeekFrom::Start(0)) {
            return cannot_read(e);
        }
    }
    // A file that fails is read again after the slow check; the clone
    // shares the open file, so a file renamed in between is still the one
    // read.
    let again = match size {
        Some(_) if !sound => file.try_clone().ok(),
        _ => None,
    };
    let head = array::Head::new(Box::new(BufReader::with_capacity(1 << 16, file)));
    let stream = match head.start() {
        Ok(array::Start::Array(stream)) => stream,
        Ok(array::Start::Single(bytes)) => return Input::Records(single_file(path, bytes)),
        Err(e) => return cannot_read(e),
    };
    let (Some(size), Some(mut again)) = (size, again) else {
        // A sound array streams from its start; a pipe can be read only
        // once: its elements stream as they come.
        return Input::Array {
            name: path.to_owned(),
            array: stream,
        };
    };
    match stream.check(true) {
        array::End::Done => {}
        // A small file that is not a sound array is read whole, as it
        // always was, for the error `check` would give for it.
        array::End::Failed(array::FileError::Json(_)) if size <= MAX_PROFILE_BYTES as u64 => {
            let mut bytes = Vec::new();
            return match again
                .seek(SeekFrom::Start(0))
                .and_then(|_| std::io::Read::read_to_end(&mut again, &mut bytes))
            {
                Ok(_) => Input::Records(single_file(path, bytes)),
                Err(e) => cannot_read(e),
            };
        }
        array::End::Failed(e) => return Input::Records(vec![file_error(path, e)]),
        array::End::Stopped => return Input::Records(Vec::new()),
    }
    if let Err(e) = again.seek(SeekFrom::Start(0)) {
        return cannot_read(e);
    }
    match array::Head::new(Box::new(BufReader::with_capacity(1 << 16, again))).start() {
        Ok(array::Start::Array(stream)) => Input::Array {
            name: path.to_owned(),
            array: stream,
        },
        Ok(array::Start::Single(_)) => unreadable(path, None, Unreadable::Changed),
        Err(e) => cannot_read(e),
    }
}

/// A file that is not a sound array, read whole: one profile, or one
/// error record for the file.
fn single_file(path: &str, bytes: Vec<u8>) -> Vec<WholeRecord> {
    if bytes.len() > MAX_PROFILE_BYTES {
        return vec![WholeRecord::Invalid {
            source: path.to_owned(),
            error: invalid(Message::FileTooLarge {
                max: MAX_PROFILE_BYTES,
            }),
        }];
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let at = e.utf8_error().valid_up_to() as u64;
            return vec![file_error(path, array::FileError::NotUtf8(at))];
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match serde_json::from_str::<Vec<&RawValue>>(text) {
        // Each profile is read strictly on its own, as `check` does: a
        // duplicate key refuses that profile (with its line and column),
        // not the others. One locator places every element in one pass.
        Ok(elements) => {
            let locator = Locator::new(text);
            elements
                .iter()
                .enumerate()
                .map(|(i, element)| array_element(path, text, &locator, i, element))
                .collect()
        }
        Err(_) => match crate::json::parse_strict(text) {
            Ok(value) => vec![WholeRecord::Value {
                source: path.to_owned(),
                value,
                text: text.into(),
                start: LineCol { line: 1, column: 1 },
            }],
            Err(e) => vec![WholeRecord::Invalid {
                source: path.to_owned(),
                error: e.into(),
            }],
        },
    }
}

/// The error record of a file that could not be read as a whole.
pub(crate) fn file_error(path: &str, e: array::FileError) -> WholeRecord {
    let error = match e {
        array::FileError::Json(e) => e.into(),
        array::FileError::NotUtf8(offset) => invalid(Message::CannotRead {
            path: Some(path.to_owned()),
            why: Unreadable::NotUtf8 { offset },
        }),
        array::FileError::Io(e) => invalid(Message::CannotRead {
            path: Some(path.to_owned()),
            why: Unreadable::of(&e),
        }),
    };
    WholeRecord::Invalid {
        source: path.to_owned(),
        error,
    }
}

/// The error of an array element longer than a profile may be.
pub(crate) fn too_large_element(index: usize, start: LineCol, len: u64) -> InvalidProfile {
    InvalidProfile {
        problems: vec![crate::diagnostic::Diagnostic::new(
            JsonPath::root().index(index),
            crate::diagnostic::Message::ProfileTooLong {
                len,
                max: MAX_PROFILE_BYTES,
            },
        )
        .at(Some(start))],
    }
}

/// Element `i` of the array in `text`, read strictly on its own.
fn array_element(
    path: &str,
    text: &str,
    locator: &Locator<'_>,
    i: usize,
    element: &RawValue,
) -> WholeRecord {
    let source = format!("{path}[{i}]");
    // The element borrows from `text`: its offset places it in the file.
    let offset = element
        .get()
        .as_ptr()
        .addr()
        .saturating_sub(text.as_ptr().addr());
    let start = locator.line_col(offset);
    match crate::json::parse_strict(element.get()) {
        Ok(value) => WholeRecord::Value {
            source,
            value,
            text: element.get().into(),
            start,
        },
        Err(e) => WholeRecord::Invalid {
            source,
            error: e.in_element(i, start).into(),
        },
    }
}
