//! The pipeline's work: each record read, validated, evaluated and written
//! in the chosen format, with its report file for `--out`.

use chrono::NaiveDate;

use super::input::invalid;
use super::pipeline::{Item, Output, SideFile, WholeRecord, Work};
use super::record::{id_of, ErrorRecord, Lazy, OutRecord};
use super::summary::summary_line;
use super::BatchFormat;
use crate::diagnostic::{Message, Unreadable};
use crate::engine::{self, Decider, RulePack};
use crate::locate::LineCol;
use crate::profile::{Defaults, InvalidProfile, RawProfile, WorkerProfile};
use crate::report::{self, compact, Lang, Report, Status};

/// Turns records into output in the chosen format (the pipeline's work).
pub struct Records<'p> {
    /// The compiled pack.
    pub pack: &'p RulePack,
    /// The output format.
    pub format: BatchFormat,
    /// The reports' language.
    pub lang: Lang,
    /// The defaults of a profile: today, and the pack's host state.
    pub defaults: Defaults,
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--out DIR` was given: produce a report file per profile.
    pub side_files: bool,
}

/// A worker's reusable state.
pub struct RecordsState<'p> {
    decider: Decider<'p>,
    compact: compact::Compact,
    /// Every NDJSON line is read into this one profile, reusing its buffers.
    profile: WorkerProfile,
    /// The pack's name, version and hash, which every full report repeats.
    rules_version: String,
}

impl<'p> Work for Records<'p> {
    type State = RecordsState<'p>;

    fn state(&self) -> Self::State {
        RecordsState {
            decider: Decider::new(self.pack),
            compact: compact::Compact::new(self.pack),
            profile: WorkerProfile::empty(self.defaults),
            rules_version: self.pack.version(),
        }
    }

    fn item(&self, state: &mut Self::State, item: Item<'_>, out: &mut Output) {
        let mut line_profile =
            std::mem::replace(&mut state.profile, WorkerProfile::empty(self.defaults));
        let (source, profile, text) = match item {
            Item::Blank => {
                out.tally.blank = out.tally.blank.saturating_add(1);
                return;
            }
            Item::Line { name, line, bytes } => {
                let read = line_profile.read_json_bytes(bytes, self.defaults, self.as_of);
                // The text is looked at again only for a refused line.
                let text = read
                    .is_err()
                    .then(|| std::str::from_utf8(bytes).ok())
                    .flatten();
                (Lazy::Line(name, line), read.map(|()| &line_profile), text)
            }
            Item::TooLong {
                name,
                line,
                len,
                max,
            } => (
                Lazy::Line(name, line),
                Err(invalid(Message::LineTooLong { len, max })),
                None,
            ),
            Item::Element {
                name,
                index,
                start,
                bytes,
            } => (
                Lazy::Element(name, index),
                self.element(bytes, index, start).map(|p| {
                    line_profile = p;
                    &line_profile
                }),
                None,
            ),
            Item::Whole(WholeRecord::Invalid { source, error }) => {
                (Lazy::Given(source), Err(error.clone()), None)
            }
            Item::Whole(WholeRecord::Value {
                source,
                value,
                text,
                start,
            }) => (
                Lazy::Given(source),
                self.profile_of(value.clone(), text, *start).map(|p| {
                    line_profile = p;
                    &line_profile
                }),
                None,
            ),
        };
        match profile {
            Ok(p) => self.valid(state, &source, p, out),
            Err(e) => {
                // A line that was read (it has a text) left its own id, if
                // any could be read, in the profile (see `read_json`).
                let read_id = text.and(line_profile.id.as_deref());
                self.refused(&source, text, read_id, &e, out);
            }
        }
        state.profile = line_profile;
    }
}

impl Records<'_> {
    /// A profile read as JSON, validated; problems are placed in the file
    /// whose `text` starts at `start`.
    fn profile_of(
        &self,
        value: serde_json::Value,
        text: &str,
        start: LineCol,
    ) -> Result<WorkerProfile, InvalidProfile> {
        RawProfile::from_value(value)
            .and_then(|mut raw| {
                if let Some(d) = self.as_of {
                    raw.as_of = Some(d.to_string());
                }
                raw.validate(self.defaults)
            })
            .map_err(|e| e.locate_at(text, start))
    }

    /// Element `index` of an array file, read strictly on its own, as
    /// [`array_element`] reads one from a whole text.
    fn element(
        &self,
        bytes: &[u8],
        index: usize,
        start: LineCol,
    ) -> Result<WorkerProfile, InvalidProfile> {
        // The reader checked the file's UTF-8; say so if that ever fails.
        let text = std::str::from_utf8(bytes).map_err(|e| {
            invalid(Message::CannotRead {
                path: None,
                why: Unreadable::NotUtf8 {
                    offset: e.valid_up_to() as u64,
                },
            })
        })?;
        match crate::json::parse_strict(text) {
            Ok(value) => self.profile_of(value, text, start),
            Err(e) => Err(e.in_element(index, start).into()),
        }
    }
}

impl Records<'_> {
    fn count(out: &mut Output, status: Status) {
        let t = &mut out.tally;
        t.evaluated = t.evaluated.saturating_add(1);
        let n = match status {
            Status::Covered => &mut t.covered,
            Status::NotCovered => &mut t.not_covered,
            Status::Undetermined => &mut t.undetermined,
        };
        *n = n.saturating_add(1);
    }

    fn valid(
        &self,
        state: &mut RecordsState<'_>,
        source: &Lazy<'_>,
        p: &WorkerProfile,
        out: &mut Output,
    ) {
        if self.format == BatchFormat::Compact {
            let decision = state.decider.decide(p);
            Self::count(out, Status::of(decision.status));
            state.compact.write_line(
                &mut out.bytes,
                p.id.as_deref(),
                |out| source.write_json(out),
                &decision,
            );
            out.bytes.push(b'\n');
            if self.side_files {
                let report =
                    report::build_in(self.pack, p, &engine::explain(self.pack, p), self.lang);
                self.side_file(source, &report, out);
            }
            return;
        }
        let eval = engine::explain(self.pack, p);
        if self.format == BatchFormat::Summary {
            let report = report::build_in(self.pack, p, &eval, self.lang);
            Self::count(out, report.status);
            out.bytes
                .extend_from_slice(summary_line(&source.text(), &report, self.lang).as_bytes());
            if self.side_files {
                self.side_file(source, &report, out);
            }
            return;
        }
        Self::count(out, Status::of(eval.status));
        // `OutRecord` with a report, written by hand (as serde would) for speed.
        if self.format == BatchFormat::Json {
            out.bytes.extend_from_slice(b",\n");
        }
        out.bytes.extend_from_slice(b"{\"source\":");
        source.write_json(&mut out.bytes);
        out.bytes.extend_from_slice(b",\"report\":");
        report::batch::write_json(
            &mut out.bytes,
            self.pack,
            p,
            &eval,
            self.lang,
            &state.rules_version,
        );
        out.bytes.push(b'}');
        if self.format == BatchFormat::Ndjson {
            out.bytes.push(b'\n');
        }
        if self.side_files {
            // A report file stands alone: it keeps the pack's texts.
            let report = report::build_in(self.pack, p, &eval, self.lang);
            self.side_file(source, &report, out);
        }
    }

    fn refused(
        &self,
        source: &Lazy<'_>,
        text: Option<&str>,
        read_id: Option<&str>,
        e: &InvalidProfile,
        out: &mut Output,
    ) {
        out.tally.invalid = out.tally.invalid.saturating_add(1);
        let src = source.text();
        match self.format {
            BatchFormat::Compact => {
                // Without an id from reading, look for one in the text.
                let looked_up = match read_id {
                    Some(_) => None,
                    None => text.and_then(id_of),
                };
                let id = read_id.or(looked_up.as_deref());
                compact::write_error_line(&mut out.bytes, id, &src, &e.one_line(self.lang));
                out.bytes.push(b'\n');
            }
            BatchFormat::Ndjson | BatchFormat::Json => {
                let rec = OutRecord {
                    pack: None,
                    source: Some(&src),
                    report: None,
                    error: Some(ErrorRecord::of(e, self.lang)),
                };
                self.json_record(&rec, out);
            }
            BatchFormat::Summary => {
                let why = e.one_line(self.lang);
                out.bytes
                    .extend_from_slice(format!("{src}  INVALID  {why}\n").as_bytes());
            }
        }
    }

    /// An `ndjson` line, or a `json` array element preceded by its separator
    /// (the sink drops the first one).
    fn json_record(&self, rec: &OutRecord<'_>, out: &mut Output) {
        if self.format == BatchFormat::Json {
            out.bytes.extend_from_slice(b",\n");
        }
        if let Err(e) = serde_json::to_writer(&mut out.bytes, rec) {
            // Serialising our own types cannot fail; say so if it ever does.
            out.bytes.extend_from_slice(
                format!("{{\"error\":\"cannot write record: {e}\"}}").as_bytes(),
            );
        }
        if self.format == BatchFormat::Ndjson {
            out.bytes.push(b'\n');
        }
    }

    fn side_file(&self, source: &Lazy<'_>, report: &Report, out: &mut Output) {
        let text = match serde_json::to_string_pretty(report) {
            Ok(mut t) => {
                t.push('\n');
                t
            }
            Err(_) => return,
        };
        out.files.push(SideFile {
            source: source.text().into_owned(),
            id: report.profile_id.clone(),
            text,
        });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::batch::pipeline::{self, Input, Options};
    use crate::batch::{options_for, FULL_REPORTS_PER_CHUNK};

    /// Counts the report files of each chunk.
    struct Files(Vec<usize>);

    impl pipeline::Sink for Files {
        fn write(&mut self, out: &mut Output) -> std::io::Result<()> {
            self.0.push(out.files.len());
            Ok(())
        }
    }

    /// With `--out`, every record carries a full report: a chunk of the
    /// short formats must then hold as few records as one of full reports
    /// (it held 1,024 reports, tens of megabytes).
    #[test]
    fn out_files_are_few_to_a_chunk_in_every_format() {
        let pack = crate::rules::embedded_pack().unwrap();
        let today = NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
        let line = "{\"citizenship\": \"KG\", \"contract\": {\"kind\": \"employment\", \"start\": \"2026-03-02\"}}\n";
        for format in [
            BatchFormat::Compact,
            BatchFormat::Summary,
            BatchFormat::Ndjson,
            BatchFormat::Json,
        ] {
            let work = Records {
                pack: &pack,
                format,
                lang: Lang::En,
                defaults: pack.profile_defaults(today),
                as_of: None,
                side_files: true,
            };
            let input = Input::Lines {
                name: "t".to_owned(),
                reader: Box::new(std::io::Cursor::new(line.repeat(100).into_bytes())),
            };
            let mut sink = Files(Vec::new());
            let options = Options {
                jobs: 1,
                ..options_for(format, true)
            };
            pipeline::run(&work, std::iter::once(input), &mut sink, options).unwrap();
            assert_eq!(sink.0.iter().sum::<usize>(), 100, "{format:?}");
            assert!(
                sink.0.iter().all(|n| *n <= FULL_REPORTS_PER_CHUNK),
                "{format:?}: {:?}",
                sink.0
            );
        }
    }
}
