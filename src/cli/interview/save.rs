//! Saving the plan: the formats offered, and a new file written without
//! ever writing through an existing one.

use super::answers::any_word;
use super::*;

impl<'p> Interview<'p> {
    /// Offers to save the plan to a file, in a format the person picks.
    pub(super) fn offer_to_save<R: BufRead>(
        &self,
        console: &mut Console<R>,
        report: &Report,
        profile: &WorkerProfile,
    ) -> Result<(), CliError> {
        let w = self.words;
        let mut offer = String::from("\n");
        crate::report::text::wrap_into(&mut offer, &w.save, "", "");
        for (i, name) in w.formats.iter().enumerate() {
            crate::report::text::wrap_into(
                &mut offer,
                name,
                &format!("  {:>2}  ", i.saturating_add(1)),
                "      ",
            );
        }
        console.say(&offer);
        let format = loop {
            let Some(line) = console.read(&w.prompt)? else {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            };
            // Enter, "no" or "I don't know": nothing to save.
            if line.is_empty() || any_word(&line, |w| &w.no) || any_word(&line, |w| &w.unknown) {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            }
            match line
                .parse::<usize>()
                .ok()
                .and_then(|n| SAVE_FORMATS.get(n.wrapping_sub(1)))
            {
                Some(format) => break *format,
                None => self.problem(console, &AnswerProblem::NotAFormat(line)),
            }
        };
        let default = format!("eaeu-rights-plan.{}", format.extension());
        let (before, after) = &w.file_name;
        loop {
            let Some(line) = console.read(&format!("{before}{default}{after} "))? else {
                console.say(&format!("{}\n", w.not_saved));
                return Ok(());
            };
            let name = if line.is_empty() {
                default.clone()
            } else {
                line
            };
            match write_new(
                Path::new(&name),
                self.render(report, profile, format).as_bytes(),
            ) {
                Ok(()) => {
                    let (before, after) = &w.saved;
                    console.say(&format!("{before}{name}{after}\n"));
                    return Ok(());
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                    self.problem(console, &AnswerProblem::FileExists(name));
                }
                Err(e) => self.problem(
                    console,
                    &AnswerProblem::CannotWrite {
                        path: name,
                        why: crate::json::io_words(&e),
                    },
                ),
            }
        }
    }

    /// Says why an answer was not taken.
    pub(super) fn problem<R: BufRead>(&self, console: &Console<R>, problem: &AnswerProblem) {
        let mut out = String::new();
        crate::report::text::wrap_into(&mut out, &self.lang.answer_problem(problem), "", "");
        console.say(&out);
    }

    /// The plan in a format to save (never in colour).
    pub(super) fn render(
        &self,
        report: &Report,
        profile: &WorkerProfile,
        format: SaveFormat,
    ) -> String {
        match format {
            SaveFormat::Text => report::text::render_in(report, false, self.lang),
            SaveFormat::Markdown => report::markdown::render_in(report, self.lang),
            SaveFormat::Json => serde_json::to_string_pretty(report)
                .map(|mut s| {
                    s.push('\n');
                    s
                })
                .unwrap_or_default(),
            SaveFormat::Ics => report::ics::render_in(report, self.lang),
            SaveFormat::Html => report::html::render_in(report, profile, self.lang),
        }
    }
}

/// The formats the plan can be saved in, in the order offered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum SaveFormat {
    Text,
    Markdown,
    Json,
    Ics,
    Html,
}

pub(super) const SAVE_FORMATS: [SaveFormat; 5] = [
    SaveFormat::Text,
    SaveFormat::Markdown,
    SaveFormat::Json,
    SaveFormat::Ics,
    SaveFormat::Html,
];

impl SaveFormat {
    pub(super) fn extension(self) -> &'static str {
        match self {
            SaveFormat::Text => "txt",
            SaveFormat::Markdown => "md",
            SaveFormat::Json => "json",
            SaveFormat::Ics => "ics",
            SaveFormat::Html => "html",
        }
    }
}

/// Writes a new file; an existing one (or a link planted in its place) is
/// never written through.
pub(super) fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}
