//! From a profile as written ([`RawProfile`]) to a typed [`WorkerProfile`]:
//! dates, country codes and names parsed, free text checked, contradictions
//! between facts found. One implementation serves both readers, the strict
//! one (owned strings) and the one-pass one (strings borrowed from the line),
//! so a profile is accepted or refused with the same words whichever read it.

use chrono::NaiveDate;

use super::Defaults;
use super::{
    Assumed, ContractKind, FamilyMember, InvalidProfile, RawProfile, Relation, WorkerProfile,
    MAX_CITIZENSHIPS, MAX_FAMILY, MAX_TEXT,
};
use crate::country::Country;
use crate::dates::parse_date;
use crate::diagnostic::{Diagnostic, Message, Required};
use crate::locate::JsonPath;

impl<S: AsRef<str>> RawProfile<S> {
    /// Validates into `out`, reusing its buffers (a batch reads every line
    /// into one profile). `defaults` gives `as_of` (today) and the host
    /// state when the profile leaves them out; `as_of`, when given,
    /// replaces the profile's own (`batch --as-of`). On error `out`
    /// holds a mix of old and new facts: the caller must not use it.
    pub(crate) fn validate_into(
        &self,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
        out: &mut WorkerProfile,
    ) -> Result<(), InvalidProfile> {
        let today = defaults.today;
        let mut v = Validator::default();
        let root = JsonPath::root();
        let mut assumed = Assumed::default();

        out.id = v.text_into(|| root.key("id"), str_of(&self.id), out.id.take());
        out.citizenship.clear();
        match &self.citizenship {
            None => v.problem(
                || root.key("citizenship"),
                Message::Required(Required::Citizenship),
            ),
            Some(c) => v.countries_into(|| root.key("citizenship"), c, &mut out.citizenship),
        }
        out.host = match (str_of(&self.host), defaults.host) {
            (Some(h), _) => v.country(|| root.key("host"), h).unwrap_or(Country::SLOT),
            (None, Some(host)) => {
                assumed.host = true;
                host
            }
            (None, None) => {
                v.problem(|| root.key("host"), Message::Required(Required::Host));
                Country::SLOT
            }
        };
        let entry_date =
            str_of(&self.entry_date).and_then(|d| v.date(|| root.key("entry_date"), d));
        let as_of = match (as_of, str_of(&self.as_of)) {
            (Some(d), _) => d,
            (None, Some(d)) => v.date(|| root.key("as_of"), d).unwrap_or(today),
            (None, None) => {
                assumed.as_of = true;
                today
            }
        };

        let cpath = || root.key("contract");
        let contract = self.contract.as_ref();
        let kind = contract.and_then(|c| str_of(&c.kind)).and_then(|k| {
            let parsed = ContractKind::from_input(k);
            if parsed.is_none() {
                v.problem_with_help(
                    || cpath().key("kind"),
                    Message::NotAContractKind { text: k.to_owned() },
                    kind_meant(k),
                );
            }
            parsed
        });
        let start = contract
            .and_then(|c| str_of(&c.start))
            .and_then(|d| v.date(|| cpath().key("start"), d));
        let end = match contract.and_then(|c| c.end.as_ref()) {
            None => None,
            Some(None) => Some(None),
            Some(Some(d)) => v.date(|| cpath().key("end"), d.as_ref()).map(Some),
        };
        let terminated_text = contract.and_then(|c| str_of(&c.terminated_on));
        if terminated_text.is_none() {
            assumed.terminated_on = true;
        }
        let terminated_on =
            terminated_text.and_then(|d| v.date(|| cpath().key("terminated_on"), d));

        let buffer = out.occupation.take();
        out.occupation = str_of(&self.occupation).and_then(|o| {
            let opath = || root.key("occupation");
            if !v.accepts(opath, o) {
                return None;
            }
            let mut lower = buffer.unwrap_or_default();
            lower_trimmed_into(o, &mut lower);
            // Lower-casing can lengthen text (`İ` becomes two characters):
            // check again, so a stored occupation always reads back.
            (v.accepts(opath, &lower) && !lower.is_empty()).then_some(lower)
        });
        out.permanent_resident = self.permanent_resident.unwrap_or_else(|| {
            assumed.permanent_resident = true;
            false
        });

        let buffer = out.family.take();
        out.family = self.family.as_ref().map(|members| {
            let fpath = || root.key("family");
            if members.len() > MAX_FAMILY {
                v.problem(
                    fpath,
                    Message::TooManyFamilyMembers {
                        count: members.len(),
                        max: MAX_FAMILY,
                    },
                );
            }
            let mut family = buffer.unwrap_or_default();
            family.clear();
            for (i, m) in members.iter().take(MAX_FAMILY).enumerate() {
                let mpath = || fpath().index(i);
                let relation = str_of(&m.relation).and_then(|r| {
                    let parsed = Relation::parse(r);
                    if parsed.is_none() {
                        v.problem(
                            || mpath().key("relation"),
                            Message::NotARelation { text: r.to_owned() },
                        );
                    }
                    parsed
                });
                let birth_date =
                    str_of(&m.birth_date).and_then(|d| v.date(|| mpath().key("birth_date"), d));
                if let Some(b) = birth_date.filter(|b| *b > as_of) {
                    v.problem(
                        || mpath().key("birth_date"),
                        Message::AfterAsOf { date: b, as_of },
                    );
                }
                let citizenship = m.citizenship.as_ref().map(|c| {
                    let mut codes = Vec::with_capacity(c.len().min(MAX_CITIZENSHIPS));
                    v.countries_into(|| mpath().key("citizenship"), c, &mut codes);
                    codes
                });
                family.push(FamilyMember {
                    relation,
                    birth_date,
                    citizenship,
                });
            }
            family
        });

        // Contradictions between facts, each named at the later field.
        if let Some(e) = entry_date.filter(|e| *e > as_of) {
            v.problem(
                || root.key("entry_date"),
                Message::AfterAsOf { date: e, as_of },
            );
        }
        if let (Some(s), Some(Some(e))) = (start, end) {
            if e < s {
                v.problem(
                    || cpath().key("end"),
                    Message::BeforeContractStart { date: e, start: s },
                );
            }
        }
        if let Some(t) = terminated_on {
            if let Some(s) = start.filter(|s| t < *s) {
                v.problem(
                    || cpath().key("terminated_on"),
                    Message::BeforeContractStart { date: t, start: s },
                );
            }
            if let Some(Some(e)) = end.filter(|e| matches!(e, Some(e) if t > *e)) {
                v.problem(
                    || cpath().key("terminated_on"),
                    Message::AfterContractEnd { date: t, end: e },
                );
            }
            if t > as_of {
                v.problem(
                    || cpath().key("terminated_on"),
                    Message::AfterAsOf { date: t, as_of },
                );
            }
        }

        if !v.problems.is_empty() {
            return Err(InvalidProfile {
                problems: super::problems::too_many(v.problems),
            });
        }
        out.entry_date = entry_date;
        out.entry_by = None;
        out.as_of = as_of;
        out.contract.kind = kind;
        out.contract.start = start;
        out.contract.end = end;
        out.contract.terminated_on = terminated_on;
        out.registered = self.registered;
        out.assumed = assumed;
        Ok(())
    }
}

/// The contract kind meant by a text that is none, when it is close.
fn kind_meant(text: &str) -> Option<Message> {
    let names = ContractKind::ALL.map(ContractKind::as_str);
    crate::json::closest(&text.trim().to_ascii_lowercase(), names.into_iter())
        .map(|k| Message::DidYouMean { text: k.to_owned() })
}

fn str_of<S: AsRef<str>>(s: &Option<S>) -> Option<&str> {
    s.as_ref().map(AsRef::as_ref)
}

/// Appends `text`, trimmed and lower-cased, to the empty `out`.
fn lower_trimmed_into(text: &str, out: &mut String) {
    out.clear();
    let text = text.trim();
    if text.is_ascii() {
        out.push_str(text);
        out.make_ascii_lowercase();
    } else {
        // `str::to_lowercase`, not char by char: a final sigma lower-cases
        // differently at the end of a word.
        out.push_str(&text.to_lowercase());
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Diagnostic>,
}

impl Validator {
    fn problem(&mut self, path: impl FnOnce() -> JsonPath, message: Message) {
        self.problems.push(Diagnostic::new(path(), message));
    }

    fn problem_with_help(
        &mut self,
        path: impl FnOnce() -> JsonPath,
        message: Message,
        help: Option<Message>,
    ) {
        self.problems
            .push(Diagnostic::new(path(), message).with_help(help));
    }

    fn date(&mut self, path: impl FnOnce() -> JsonPath, text: &str) -> Option<NaiveDate> {
        parse_date(text)
            .map_err(|e| self.problem(path, Message::Date(e)))
            .ok()
    }

    /// A country by code or by name; the error says what would be
    /// accepted, and the name meant when one is close.
    fn country(&mut self, path: impl FnOnce() -> JsonPath, text: &str) -> Option<Country> {
        text.parse::<Country>()
            .map_err(|e| self.problem_with_help(path, e.message(), e.help()))
            .ok()
    }

    /// The countries (codes or names), without duplicates, appended to the empty `out`.
    fn countries_into<S: AsRef<str>>(
        &mut self,
        path: impl Fn() -> JsonPath,
        codes: &[S],
        out: &mut Vec<Country>,
    ) {
        if codes.len() > MAX_CITIZENSHIPS {
            self.problem(
                &path,
                Message::TooManyCitizenships {
                    count: codes.len(),
                    max: MAX_CITIZENSHIPS,
                },
            );
            return;
        }
        for (i, code) in codes.iter().enumerate() {
            if let Some(c) = self.country(|| path().index(i), code.as_ref()) {
                if !out.contains(&c) {
                    out.push(c);
                }
            }
        }
    }

    /// Whether a free text is acceptable; a problem is recorded if not.
    fn accepts(&mut self, path: impl FnOnce() -> JsonPath, text: &str) -> bool {
        match text_problem(text) {
            Some(message) => {
                self.problem(path, message);
                false
            }
            None => true,
        }
    }

    /// An acceptable free text, copied into `buffer`'s allocation.
    fn text_into(
        &mut self,
        path: impl FnOnce() -> JsonPath,
        text: Option<&str>,
        buffer: Option<String>,
    ) -> Option<String> {
        let text = text.filter(|t| self.accepts(path, t))?;
        let mut out = buffer.unwrap_or_default();
        out.clear();
        out.push_str(text);
        Some(out)
    }
}

/// What is wrong with a free text (`id`, `occupation`), if anything.
pub(super) fn text_problem(text: &str) -> Option<Message> {
    if text.len() > MAX_TEXT {
        return Some(Message::TextTooLong {
            len: text.len(),
            max: MAX_TEXT,
        });
    }
    // Printable ASCII, the usual case, needs no look at characters.
    if text.bytes().all(|b| (b' '..b'\x7f').contains(&b)) {
        return None;
    }
    // Text is echoed into terminal reports: no escape sequences, and no
    // bidirectional overrides that would make it read differently.
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    text.chars()
        .find(|c| c.is_control() || bidi(*c))
        .map(|c| Message::ControlCharacter { code: u32::from(c) })
}

/// Whether a free text would be accepted as it is.
pub(super) fn acceptable_text(text: &str) -> bool {
    text_problem(text).is_none()
}
