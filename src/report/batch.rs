//! The reports of `batch --format ndjson` and `--format json` (schema
//! version [`BATCH_SCHEMA_VERSION`]): all the information of `check`'s
//! report ([`super::Report`]), without repeating what is the same for
//! every person.
//!
//! A batch writes the same pack's texts for every profile: rule titles,
//! sources, notes and the disclaimer were four fifths of a report (about
//! 42 KB each). Here they are written once, in a [`PackHeader`] record
//! that opens the output, and a report names its rules by id. Within a
//! report, the reasons shared by several findings (those of the coverage
//! status, above all) are written once, in `reasons`, and a finding's
//! `because` lists their positions there. A single `check` still writes
//! the self-describing report, and so does `batch --out DIR` for its files.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::Serialize;

use super::compact::{write_json_date, write_json_str};
use super::wording::Words;
use super::{missing_facts, missing_path, schema, Lang, Question, Status};
use crate::country::Country;
use crate::engine::ir::{Confidence, Level, RuleKind, Source};
use crate::engine::reason::Reason;
use crate::engine::{Evaluation, Outcome, RulePack, Why};
use crate::profile::{Defaults, WorkerProfile};

/// The version of the batch report's shape and of its pack header. 3: the
/// pack's texts in a header record, reasons once per report by position.
pub const BATCH_SCHEMA_VERSION: u32 = 3;

/// The record that opens a batch's output: what every report of the run
/// shares, in the reports' language.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct PackHeader {
    /// The version of the batch shape ([`BATCH_SCHEMA_VERSION`]).
    #[schemars(extend("const" = BATCH_SCHEMA_VERSION))]
    pub schema_version: u32,
    /// Pack name, version and content hash; every report repeats it.
    pub rules_version: String,
    /// The language of the texts, here and in the reports (`en`, `ru`).
    pub lang: String,
    /// What the reports are and are not.
    pub disclaimer: String,
    /// Every rule of the pack, in the pack's order (the order of each
    /// report's findings).
    pub rules: Vec<RuleText>,
}

/// What a report says of a rule whoever the person is.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct RuleText {
    /// The rule id, as the findings name it.
    pub rule: String,
    /// right, obligation, exemption or information.
    #[schemars(with = "schema::RuleKindShape")]
    pub kind: RuleKind,
    /// The provision's title.
    pub title: String,
    /// What the provision means, when it says the same whoever the person
    /// is; a finding that applies then has no `summary` of its own.
    /// Without it here, each applying finding carries its own summary,
    /// with the person's dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    /// Where the provision comes from (its official publication, where known).
    #[schemars(with = "schema::SourceShape")]
    pub source: Source,
    /// Secondary texts (news, guides) that explain the provision.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub see_also: Vec<String>,
    /// How sure the pack's authors are of the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<schema::ConfidenceShape>")]
    pub confidence: Option<Confidence>,
    /// Treaty-level or national.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<schema::LevelShape>")]
    pub level: Option<Level>,
    /// Treaty rules this national rule implements.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implements: Vec<String>,
    /// Treaty rules this national rule limits.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<String>,
    /// Where national practice and the Treaty may pull apart.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tension: Option<String>,
    /// Interpretation choices made in encoding the provision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl PackHeader {
    /// The header of a batch over `pack`, in `lang`.
    pub fn new(pack: &RulePack, lang: Lang, defaults: Defaults) -> Self {
        // The static texts do not depend on the person: any profile will do.
        let nobody = WorkerProfile::empty(defaults);
        let words = Words::new(pack, &nobody, lang);
        PackHeader {
            schema_version: BATCH_SCHEMA_VERSION,
            rules_version: pack.version(),
            lang: lang.code().to_owned(),
            disclaimer: words.disclaimer(),
            rules: pack
                .rules
                .iter()
                .enumerate()
                .map(|(index, rule)| RuleText {
                    rule: rule.id.clone(),
                    kind: rule.kind,
                    title: words.title(index, rule),
                    summary: words.fixed_summary(index, rule),
                    source: words.source(rule),
                    see_also: rule.see_also.clone(),
                    confidence: rule.confidence,
                    level: rule.level,
                    implements: rule.implements.clone(),
                    limits: rule.limits.clone(),
                    tension: words.tension(index, rule),
                    note: rule.note.clone(),
                })
                .collect(),
        }
    }
}

/// A person's report in a batch: `check`'s report less the pack's texts
/// (in the [`PackHeader`]), each reason sentence once.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BatchReport<'a> {
    /// The version of this shape ([`BATCH_SCHEMA_VERSION`]).
    #[schemars(extend("const" = BATCH_SCHEMA_VERSION))]
    pub schema_version: u32,
    /// The profile's `id`, if it had one.
    pub profile_id: Option<&'a str>,
    /// The assessment date.
    pub as_of: NaiveDate,
    /// The host state.
    pub host: Country,
    /// covered, not_covered or undetermined.
    pub status: Status,
    /// Why the status is what it is: positions in `reasons`.
    pub status_reasons: Vec<usize>,
    /// One finding per rule of the pack, in the pack's order.
    pub findings: Vec<BatchFinding<'a>>,
    /// The facts that would settle undetermined findings.
    pub questions: Vec<Question>,
    /// Every default the evaluation relied on.
    pub assumptions: Vec<String>,
    /// Every reason sentence of this report, each once; `status_reasons`
    /// and the findings' `because` give positions in this list (it comes
    /// after them: it is complete only once they are written).
    pub reasons: Vec<String>,
    /// Pack name, version and content hash, as in the header.
    pub rules_version: &'a str,
}

/// One provision's outcome for the person; its texts are the header's.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct BatchFinding<'a> {
    /// The rule id (its texts are in the header's `rules`).
    pub rule: &'a str,
    /// applies, does_not_apply, undetermined or not_assessed.
    #[schemars(with = "schema::OutcomeShape")]
    pub outcome: Outcome,
    /// The provision for this person, with their dates; only when it
    /// applies, and only when it depends on the person (else it is the
    /// rule's `summary` in the header).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// For an applying obligation the profile says is already done: `true`;
    /// `false` when it says it is not done; absent when unknown or not
    /// applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met: Option<bool>,
    /// The conditions that decided the outcome: positions in the report's
    /// `reasons`.
    pub because: Vec<usize>,
    /// Profile fields whose absence left the outcome undetermined.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub missing: Vec<String>,
    /// Dates that matter, by name.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub dates: BTreeMap<&'a str, NaiveDate>,
    /// Parameters (e.g. a yearly index) whose latest known value was used
    /// because the pack has none for the date: check their current value.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub carried_forward: Vec<&'a str>,
}

/// A report's reason sentences, each once, and the position of each.
///
/// The findings share many reasons (every rule that needs the coverage
/// status repeats its reasons): a reason already seen is recognised as data
/// and not put into words again, which was most of a report's cost.
#[derive(Default)]
struct Sentences<'r> {
    texts: Vec<String>,
    /// Each reason worded so far, with its position (`None`: no words).
    seen: Vec<(Reason<'r>, Option<usize>)>,
    /// Where in `seen` the last reason was found: repeated reasons come in
    /// the same order (a definition's, in every rule that uses it), so the
    /// next one is most often the entry after it.
    next: usize,
}

impl<'r> Sentences<'r> {
    /// The positions of `reasons` in words, in order, each once.
    fn positions(&mut self, words: Words<'_>, reasons: &[Reason<'r>]) -> Vec<usize> {
        let mut out = Vec::with_capacity(reasons.len());
        self.positions_into(words, reasons, &mut out);
        out
    }

    /// [`Self::positions`] into a reused list.
    fn positions_into(&mut self, words: Words<'_>, reasons: &[Reason<'r>], out: &mut Vec<usize>) {
        out.clear();
        for r in reasons {
            let found = match self.seen.get(self.next) {
                Some((s, _)) if same(s, r) => Some(self.next),
                _ => self.seen.iter().position(|(s, _)| same(s, r)),
            };
            let at = match found.and_then(|i| self.seen.get(i).map(|(_, at)| (i, *at))) {
                Some((i, at)) => {
                    self.next = i.saturating_add(1);
                    at
                }
                None => {
                    let at = self.position(words.reason(r));
                    self.seen.push((r.clone(), at));
                    self.next = self.seen.len();
                    at
                }
            };
            if let Some(at) = at {
                if !out.contains(&at) {
                    out.push(at);
                }
            }
        }
    }

    /// The position of a sentence, added if new; `None` for no sentence.
    fn position(&mut self, text: String) -> Option<usize> {
        if text.is_empty() {
            return None;
        }
        Some(match self.texts.iter().position(|t| *t == text) {
            Some(at) => at,
            None => {
                self.texts.push(text);
                self.texts.len().saturating_sub(1)
            }
        })
    }
}

/// Whether two reasons say the same thing: the same nodes of the pack (by
/// address) with the same values, so the same sentence.
fn same(a: &Reason<'_>, b: &Reason<'_>) -> bool {
    use std::ptr::eq;
    match (a, b) {
        (
            Reason::Compare {
                op,
                lhs,
                left,
                rhs,
                right,
                truth,
            },
            Reason::Compare {
                op: op2,
                lhs: lhs2,
                left: left2,
                rhs: rhs2,
                right: right2,
                truth: truth2,
            },
        ) => {
            op == op2
                && eq(*lhs, *lhs2)
                && eq(*rhs, *rhs2)
                && left == left2
                && right == right2
                && truth == truth2
        }
        (
            Reason::Settled {
                op,
                lhs,
                left,
                rhs,
                right,
                truth,
                guarantee,
            },
            Reason::Settled {
                op: op2,
                lhs: lhs2,
                left: left2,
                rhs: rhs2,
                right: right2,
                truth: truth2,
                guarantee: guarantee2,
            },
        ) => {
            op == op2
                && eq(*lhs, *lhs2)
                && eq(*rhs, *rhs2)
                && left == left2
                && right == right2
                && truth == truth2
                && guarantee == guarantee2
        }
        (
            Reason::In {
                item,
                value,
                set,
                found,
            },
            Reason::In {
                item: item2,
                value: value2,
                set: set2,
                found: found2,
            },
        ) => eq(*item, *item2) && eq(*set, *set2) && value == value2 && found == found2,
        (
            Reason::Member {
                set,
                value,
                on,
                truth,
            },
            Reason::Member {
                set: set2,
                value: value2,
                on: on2,
                truth: truth2,
            },
        ) => set == set2 && value == value2 && on == on2 && truth == truth2,
        (
            Reason::IsNull { node, value },
            Reason::IsNull {
                node: node2,
                value: value2,
            },
        ) => eq(*node, *node2) && value == value2,
        (Reason::EmptyList { list }, Reason::EmptyList { list: list2 }) => eq(*list, *list2),
        (
            Reason::Fact { field, value },
            Reason::Fact {
                field: field2,
                value: value2,
            },
        ) => field == field2 && value == value2,
        (
            Reason::LastDay {
                start,
                from,
                days,
                last,
            },
            Reason::LastDay {
                start: start2,
                from: from2,
                days: days2,
                last: last2,
            },
        ) => eq(*start, *start2) && from == from2 && days == days2 && last == last2,
        (
            Reason::Say {
                node,
                truth,
                operands,
            },
            Reason::Say {
                node: node2,
                truth: truth2,
                operands: operands2,
            },
        ) => eq(*node, *node2) && truth == truth2 && operands == operands2,
        (
            Reason::NotInForce { rule, as_of },
            Reason::NotInForce {
                rule: rule2,
                as_of: as_of2,
            },
        )
        | (
            Reason::NotEncoded { rule, as_of },
            Reason::NotEncoded {
                rule: rule2,
                as_of: as_of2,
            },
        ) => eq(*rule, *rule2) && as_of == as_of2,
        (
            Reason::ForeignHost { host, own },
            Reason::ForeignHost {
                host: host2,
                own: own2,
            },
        ) => host == host2 && own == own2,
        (Reason::CarriedForward { param }, Reason::CarriedForward { param: param2 }) => {
            param == param2
        }
        _ => false,
    }
}

/// Builds the batch report of a profile from its explained evaluation.
pub fn build<'a>(
    pack: &'a RulePack,
    profile: &'a WorkerProfile,
    eval: &Evaluation<Why<'_>>,
    lang: Lang,
    rules_version: &'a str,
) -> BatchReport<'a> {
    let words = Words::new(pack, profile, lang);
    let mut sentences = Sentences::default();
    let status_reasons = sentences.positions(words, &eval.status_why.because);
    let findings = pack
        .rules
        .iter()
        .zip(&eval.results)
        .enumerate()
        .map(|(index, (rule, result))| BatchFinding {
            rule: &rule.id,
            outcome: result.outcome,
            // Written for a person to whom the rule applies, so only then.
            summary: if result.outcome == Outcome::Applies && !words.summary_is_fixed(index, rule) {
                words.summary(index, rule, &result.dates)
            } else {
                String::new()
            },
            met: result.met,
            because: sentences.positions(words, &result.why.because),
            missing: result.why.missing.iter().map(missing_path).collect(),
            dates: rule
                .dates
                .iter()
                .zip(&result.dates)
                .filter_map(|((name, _), date)| date.map(|d| (name.as_str(), d)))
                .collect(),
            carried_forward: result
                .why
                .carried_forward
                .iter()
                .map(|&id| pack.param(id).name.as_str())
                .collect(),
        })
        .collect();
    let questions = missing_facts(pack, eval)
        .into_iter()
        .map(|(m, affects)| Question {
            field: missing_path(&m),
            question: words.question(&m),
            affects,
        })
        .collect();
    BatchReport {
        schema_version: BATCH_SCHEMA_VERSION,
        profile_id: profile.id.as_deref(),
        as_of: profile.as_of,
        host: profile.host,
        status: Status::of(eval.status),
        status_reasons,
        findings,
        questions,
        assumptions: words.assumptions(),
        reasons: sentences.texts,
        rules_version,
    }
}

/// Appends the batch report of a profile as compact JSON, byte for byte
/// what serde_json writes for [`build`]'s report (a test checks), written
/// as it is made: it is most of what `batch --format ndjson` does per
/// profile, and a report built first and then written cost half as much
/// again in allocations.
pub fn write_json(
    out: &mut Vec<u8>,
    pack: &RulePack,
    profile: &WorkerProfile,
    eval: &Evaluation<Why<'_>>,
    lang: Lang,
    rules_version: &str,
) {
    let words = Words::new(pack, profile, lang);
    let mut sentences = Sentences::default();
    out.extend_from_slice(b"{\"schema_version\":");
    write_number(out, usize::try_from(BATCH_SCHEMA_VERSION).unwrap_or(0));
    out.extend_from_slice(b",\"profile_id\":");
    match profile.id.as_deref() {
        Some(id) => write_json_str(out, id),
        None => out.extend_from_slice(b"null"),
    }
    out.extend_from_slice(b",\"as_of\":");
    write_json_date(out, profile.as_of);
    out.extend_from_slice(b",\"host\":");
    write_json_str(out, profile.host.code());
    out.extend_from_slice(b",\"status\":\"");
    out.extend_from_slice(Status::of(eval.status).as_str().as_bytes());
    out.extend_from_slice(b"\",\"status_reasons\":");
    let mut positions = Vec::new();
    sentences.positions_into(words, &eval.status_why.because, &mut positions);
    write_numbers(out, &positions);
    out.extend_from_slice(b",\"findings\":[");
    let mut dates: Vec<(&str, NaiveDate)> = Vec::new();
    for (index, (rule, result)) in pack.rules.iter().zip(&eval.results).enumerate() {
        if index > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"rule\":");
        write_json_str(out, &rule.id);
        out.extend_from_slice(b",\"outcome\":\"");
        out.extend_from_slice(result.outcome.as_str().as_bytes());
        out.push(b'"');
        if result.outcome == Outcome::Applies && !words.summary_is_fixed(index, rule) {
            let summary = words.summary(index, rule, &result.dates);
            if !summary.is_empty() {
                out.extend_from_slice(b",\"summary\":");
                write_json_str(out, &summary);
            }
        }
        if let Some(met) = result.met {
            out.extend_from_slice(if met {
                b",\"met\":true"
            } else {
                b",\"met\":false"
            });
        }
        out.extend_from_slice(b",\"because\":");
        sentences.positions_into(words, &result.why.because, &mut positions);
        write_numbers(out, &positions);
        if !result.why.missing.is_empty() {
            out.extend_from_slice(b",\"missing\":[");
            for (i, m) in result.why.missing.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json_str(out, &missing_path(m));
            }
            out.push(b']');
        }
        dates.clear();
        dates.extend(
            rule.dates
                .iter()
                .zip(&result.dates)
                .filter_map(|((name, _), date)| date.map(|d| (name.as_str(), d))),
        );
        if !dates.is_empty() {
            // In name order, as the report's map has them.
            dates.sort_unstable_by(|a, b| a.0.cmp(b.0));
            out.extend_from_slice(b",\"dates\":{");
            for (i, (name, date)) in dates.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json_str(out, name);
                out.push(b':');
                write_json_date(out, *date);
            }
            out.push(b'}');
        }
        if !result.why.carried_forward.is_empty() {
            out.extend_from_slice(b",\"carried_forward\":[");
            for (i, &id) in result.why.carried_forward.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write_json_str(out, &pack.param(id).name);
            }
            out.push(b']');
        }
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"questions\":[");
    for (i, (m, affects)) in missing_facts(pack, eval).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.extend_from_slice(b"{\"field\":");
        write_json_str(out, &missing_path(&m));
        out.extend_from_slice(b",\"question\":");
        write_json_str(out, &words.question(&m));
        out.extend_from_slice(b",\"affects\":");
        write_strs(out, &affects);
        out.push(b'}');
    }
    out.extend_from_slice(b"],\"assumptions\":");
    write_strs(out, &words.assumptions());
    out.extend_from_slice(b",\"reasons\":");
    write_strs(out, &sentences.texts);
    out.extend_from_slice(b",\"rules_version\":");
    write_json_str(out, rules_version);
    out.push(b'}');
}

/// A JSON array of strings.
fn write_strs<S: AsRef<str>>(out: &mut Vec<u8>, items: &[S]) {
    out.push(b'[');
    for (i, s) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_json_str(out, s.as_ref());
    }
    out.push(b']');
}

/// A JSON array of numbers.
fn write_numbers(out: &mut Vec<u8>, items: &[usize]) {
    out.push(b'[');
    for (i, n) in items.iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_number(out, *n);
    }
    out.push(b']');
}

/// A number; positions in `reasons` are small, so the first two digits
/// are written without formatting.
fn write_number(out: &mut Vec<u8>, n: usize) {
    let digit = |d: usize| b'0'.saturating_add(u8::try_from(d % 10).unwrap_or(0));
    match n {
        0..=9 => out.push(digit(n)),
        10..=99 => out.extend_from_slice(&[digit(n / 10), digit(n)]),
        _ => out.extend_from_slice(n.to_string().as_bytes()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]
mod tests {
    use super::*;
    use crate::bench_support::{accepted_profiles, gen};

    /// The JSON written as the report is made is serde_json's of the
    /// built report, on generated profiles of
    /// every kind (covered or not, undetermined facts, dates, questions).
    #[test]
    fn written_by_hand_as_serde_writes_it() {
        let pack = crate::rules::embedded_pack().unwrap();
        let mut text = Vec::new();
        gen::write_ndjson(&mut text, 300, 7).unwrap();
        let text = String::from_utf8(text).unwrap();
        let mut profiles = accepted_profiles(&text);
        // Facts taken away, so that findings are undetermined and questions asked.
        for p in profiles.iter_mut().step_by(3) {
            p.entry_date = None;
            p.contract.kind = None;
            p.registered = None;
        }
        let version = pack.version();
        let mut seen_met = false;
        for lang in [Lang::En, Lang::Ru] {
            for p in &profiles {
                let eval = crate::engine::explain(&pack, p);
                let report = build(&pack, p, &eval, lang, &version);
                seen_met |= report.findings.iter().any(|f| f.met.is_some());
                let mut by_hand = Vec::new();
                write_json(&mut by_hand, &pack, p, &eval, lang, &version);
                let by_serde = serde_json::to_vec(&report).unwrap();
                assert_eq!(
                    String::from_utf8(by_hand).unwrap(),
                    String::from_utf8(by_serde).unwrap()
                );
            }
        }
        assert!(seen_met);
    }
}
