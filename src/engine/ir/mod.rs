//! The compiled form of a rule pack: names resolved to indices, literals
//! typed, templates split. Built once by `rules::compile`, read by the
//! evaluator for every profile without any string look-up.

mod node;

use chrono::NaiveDate;

pub(crate) use super::occupations::Occupations;
use crate::country::Country;
pub use node::*;

/// A compiled rule pack, ready to evaluate profiles.
#[derive(Debug, Clone)]
pub struct RulePack {
    pub(crate) meta: PackMeta,
    pub(crate) rules: Vec<Rule>,
    pub(crate) defs: Vec<Def>,
    pub(crate) sets: Vec<NamedSet>,
    pub(crate) dated_sets: Vec<DatedSet>,
    pub(crate) params: Vec<Param>,
    /// The table that classifies occupations, if the pack has one.
    pub(crate) occupations: Option<Occupations>,
    /// How many variable slots the deepest quantifier nesting needs.
    pub(crate) var_slots: usize,
    /// Every `say` text of the pack, in English, by key (what a language
    /// file translates).
    pub(crate) says: Vec<SayText>,
    /// The pack's texts in other languages.
    pub(crate) locales: Vec<Locale>,
    /// The questions that ask a person for facts, with their answer types.
    pub(crate) questions: crate::rules::questions::Questions,
    /// The short names of the instruments the rules cite, by the name as
    /// `source.instrument` spells it (`short_names`): one-line citations
    /// print them, full citations the full name.
    pub(crate) short_names: std::collections::HashMap<String, String>,
}

/// A `say` of the pack as written (English), for translators.
#[derive(Debug, Clone)]
pub(crate) struct SayText {
    pub key: String,
    /// How many operands (`{0}`, `{1}`) its texts may show.
    pub operands: usize,
    pub when_true: String,
    pub when_false: String,
    pub when_unknown: Option<String>,
}

/// The pack's own texts in one more language, checked and split at load.
#[derive(Debug, Clone, Default)]
pub(crate) struct Locale {
    /// The language's code (`ru`).
    pub lang: String,
    pub title: Option<String>,
    pub disclaimer: Option<String>,
    /// Per rule (the pack's order): its title and summary, when translated.
    pub rules: Vec<Option<(String, Template)>>,
    /// Per rule: what applied before the years it encodes (`in_force.earlier`).
    pub earlier: Vec<Option<String>>,
    /// Per rule: where national practice and the Treaty may pull apart.
    pub tension: Vec<Option<String>>,
    /// Per rule: where to go, by host state (`where`).
    pub where_to: Vec<Vec<(Country, Template)>>,
    /// Per rule: where to go while a rule that would fulfil it is
    /// undetermined, by host state (`where_undetermined`).
    pub where_undetermined: Vec<Vec<(Country, Template)>>,
    /// Per rule: what happens if it is missed, by host state (`if_missed`).
    pub if_missed: Vec<Vec<(Country, Template)>>,
    /// Instruments' names, by their English name.
    pub instruments: std::collections::HashMap<String, String>,
    /// Instruments' short names, by their English name.
    pub short_names: std::collections::HashMap<String, String>,
    /// Per `say` key: its texts for true, false and unknown.
    pub says: std::collections::HashMap<String, (Template, Template, Option<Template>)>,
    /// Labels of sets, dated sets and parameters, and definitions'
    /// descriptions, by name.
    pub labels: std::collections::HashMap<String, String>,
}

/// An id of one part of a pack (a definition, a set, ...): the part's
/// index in the pack that the compiler built it for. The compiler is the
/// only maker of ids, and it checks every id of a pack against the pack
/// before handing it out ([`RulePack::check_ids`]), so the pack's
/// accessors ([`RulePack::def`], ...) read them without a fallback.
macro_rules! pack_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(usize);

        impl $name {
            /// The id of the part at `index`, for the compiler of the pack.
            pub(crate) const fn new(index: usize) -> Self {
                $name(index)
            }

            /// The part's index in its list.
            pub(crate) const fn index(self) -> usize {
                self.0
            }
        }
    };
}

pack_id!(
    /// A definition of the pack.
    DefId
);
pack_id!(
    /// A named set of the pack.
    SetId
);
pack_id!(
    /// A dated set of the pack.
    DatedSetId
);
pack_id!(
    /// A parameter of the pack.
    ParamId
);

/// The part `index` of a pack's list of `what`s. A miss is a bug in this
/// program, never a property of the input: every id was checked against
/// its pack when the pack was built. Answering "unknown" instead would
/// give a person a wrong report without a word, so it stops and says so.
#[allow(
    clippy::panic,
    reason = "an id out of range is an internal error, checked impossible by RulePack::check_ids"
)]
pub(crate) fn part<'p, T>(parts: &'p [T], index: usize, what: &str) -> &'p T {
    match parts.get(index) {
        Some(part) => part,
        None => panic!(
            "internal error: {what} #{index} is not in the rule pack, which has {}; please report this",
            parts.len()
        ),
    }
}

impl RulePack {
    /// The definition `id`.
    pub(crate) fn def(&self, id: DefId) -> &Def {
        part(&self.defs, id.index(), "definition")
    }

    /// The named set `id`.
    pub(crate) fn set(&self, id: SetId) -> &NamedSet {
        part(&self.sets, id.index(), "set")
    }

    /// The dated set `id`.
    pub(crate) fn dated_set(&self, id: DatedSetId) -> &DatedSet {
        part(&self.dated_sets, id.index(), "dated set")
    }

    /// The parameter `id`.
    pub(crate) fn param(&self, id: ParamId) -> &Param {
        part(&self.params, id.index(), "parameter")
    }

    /// Checks every id the pack holds against its lists: the one place an
    /// id's range is proved, so that the accessors above need no fallback.
    /// `Err` names the first id out of range.
    pub(crate) fn check_ids(&self) -> Result<(), String> {
        fn within(index: usize, len: usize, what: &str) -> Result<(), String> {
            if index < len {
                Ok(())
            } else {
                Err(format!(
                    "{what} #{index} is out of range: the pack has {len}"
                ))
            }
        }
        fn node(pack: &RulePack, n: &Node) -> Result<(), String> {
            match &n.op {
                Op::Def(id) => within(id.0, pack.defs.len(), "definition")?,
                Op::Param { id, .. } => within(id.0, pack.params.len(), "parameter")?,
                Op::In(_, SetSrc::Named(id)) => within(id.0, pack.sets.len(), "set")?,
                Op::Member { set, .. } => within(set.0, pack.dated_sets.len(), "dated set")?,
                Op::AddWorkingDays { holidays, .. } => within(holidays.0, pack.sets.len(), "set")?,
                _ => {}
            }
            n.children().try_for_each(|c| node(pack, c))
        }
        within(self.meta.status_def.0, self.defs.len(), "definition")?;
        for set in &self.dated_sets {
            for other in &set.otherwise_mention {
                within(other.0, self.dated_sets.len(), "dated set")?;
            }
        }
        for def in &self.defs {
            node(self, &def.expr)?;
        }
        for rule in &self.rules {
            let nodes = [
                Some(&rule.when),
                rule.unless.as_ref(),
                rule.met.as_ref(),
                rule.in_force_on.as_ref(),
            ];
            for n in nodes
                .into_iter()
                .flatten()
                .chain(rule.dates.iter().map(|(_, d)| d))
            {
                node(self, n)?;
            }
        }
        Ok(())
    }
}

impl RulePack {
    /// Pack name, version and content hash, e.g. `eaeu-kz 0.1.0+sha256:0123abcd...`.
    pub fn version(&self) -> String {
        format!(
            "{} {}+{}",
            self.meta.name, self.meta.version, self.meta.hash
        )
    }

    /// What a profile read for this pack falls back on: `today` for the
    /// assessment date, the pack's default host state for the host.
    pub fn profile_defaults(&self, today: NaiveDate) -> crate::profile::Defaults {
        crate::profile::Defaults::new(today, self.meta.default_host)
    }

    /// The pack's texts as a language file for `lang` (JSON, the shape
    /// `rules/locales/*.json` are read in): the file's own texts where the
    /// pack has one for `lang`, the English ones elsewhere, for a translator.
    pub fn language_file(&self, lang: &str) -> serde_json::Value {
        use serde_json::{json, Map, Value};
        let locale = self.locales.iter().find(|l| l.lang == lang);
        let mut rules = Map::new();
        for (i, rule) in self.rules.iter().enumerate() {
            let done = locale.and_then(|l| l.rules.get(i)).and_then(|t| t.as_ref());
            let (title, summary) = match done {
                Some((title, summary)) => (title.clone(), summary.source()),
                None => (rule.title.clone(), rule.summary.source()),
            };
            let mut entry = Map::new();
            entry.insert("title".into(), Value::String(title));
            entry.insert("summary".into(), Value::String(summary));
            let own = |texts: Option<&Vec<Option<String>>>, english: &Option<String>| {
                texts
                    .and_then(|t| t.get(i))
                    .and_then(|t| t.clone())
                    .or_else(|| english.clone())
            };
            if let Some(earlier) = own(locale.map(|l| &l.earlier), &rule.earlier) {
                entry.insert("earlier".into(), Value::String(earlier));
            }
            if let Some(tension) = own(locale.map(|l| &l.tension), &rule.tension) {
                entry.insert("tension".into(), Value::String(tension));
            }
            for (key, english, texts) in [
                ("where", &rule.where_to, locale.map(|l| &l.where_to)),
                (
                    "where_undetermined",
                    &rule.where_undetermined,
                    locale.map(|l| &l.where_undetermined),
                ),
                ("if_missed", &rule.if_missed, locale.map(|l| &l.if_missed)),
            ] {
                if english.is_empty() {
                    continue;
                }
                let done = texts.and_then(|t| t.get(i));
                let by_host: Map<String, Value> = english
                    .iter()
                    .map(|g| {
                        let text = done
                            .and_then(|d| d.iter().find(|(h, _)| *h == g.host))
                            .map_or_else(|| g.text.source(), |(_, t)| t.source());
                        (g.host.code().to_owned(), Value::String(text))
                    })
                    .collect();
                entry.insert(key.into(), Value::Object(by_host));
            }
            rules.insert(rule.id.clone(), Value::Object(entry));
        }
        let mut says = Map::new();
        for say in &self.says {
            let done = locale.and_then(|l| l.says.get(&say.key));
            let value = match done {
                Some((t, f, u)) => {
                    let mut m = Map::new();
                    m.insert("true".into(), Value::String(t.source()));
                    m.insert("false".into(), Value::String(f.source()));
                    if let Some(u) = u {
                        m.insert("unknown".into(), Value::String(u.source()));
                    }
                    Value::Object(m)
                }
                None => {
                    let mut m = Map::new();
                    m.insert("true".into(), Value::String(say.when_true.clone()));
                    m.insert("false".into(), Value::String(say.when_false.clone()));
                    if let Some(u) = &say.when_unknown {
                        m.insert("unknown".into(), Value::String(u.clone()));
                    }
                    Value::Object(m)
                }
            };
            says.insert(say.key.clone(), value);
        }
        let mut labels = Map::new();
        let label = |name: &str, english: &str| {
            locale
                .and_then(|l| l.labels.get(name))
                .cloned()
                .unwrap_or_else(|| english.to_owned())
        };
        for s in &self.sets {
            labels.insert(s.name.clone(), Value::String(label(&s.name, &s.label)));
        }
        for s in &self.dated_sets {
            labels.insert(s.name.clone(), Value::String(label(&s.name, &s.label)));
        }
        for p in &self.params {
            labels.insert(p.name.clone(), Value::String(label(&p.name, &p.label)));
        }
        let mut instruments = Map::new();
        let mut short_names = Map::new();
        for rule in &self.rules {
            let english = &rule.source.instrument;
            let name = locale
                .and_then(|l| l.instruments.get(english))
                .unwrap_or(english);
            instruments.insert(english.clone(), Value::String(name.clone()));
            let short = locale
                .and_then(|l| l.short_names.get(english))
                .or_else(|| self.short_names.get(english));
            if let Some(short) = short {
                short_names.insert(english.clone(), Value::String(short.clone()));
            }
        }
        json!({ "locale": {
            "lang": lang,
            "title": locale.and_then(|l| l.title.clone()).unwrap_or_else(|| self.meta.title.clone()),
            "disclaimer": locale.and_then(|l| l.disclaimer.clone()).unwrap_or_else(|| self.meta.disclaimer.clone()),
            "rules": rules,
            "says": says,
            "labels": labels,
            "instruments": instruments,
            "short_names": short_names,
            "questions": self.questions.language_file(lang),
        }})
    }

    /// The pack's title.
    pub fn title(&self) -> &str {
        &self.meta.title
    }

    /// The rule ids, in the pack's order.
    pub fn rule_ids(&self) -> impl Iterator<Item = &str> {
        self.rules.iter().map(|r| r.id.as_str())
    }

    /// How many rules the pack has.
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether the pack has no rules.
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// The pack header.
#[derive(Debug, Clone)]
pub(crate) struct PackMeta {
    pub name: String,
    pub version: String,
    pub title: String,
    pub status_def: DefId,
    pub day_count: DayCount,
    pub disclaimer: String,
    /// The host state a profile that names none works in.
    pub default_host: Option<Country>,
    /// `sha256:` and the first 16 hex digits of the pack's content hash.
    pub hash: String,
}

/// How a period of N days from an event is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayCount {
    /// The event's own day is day 1: the last day of N days is event + N - 1.
    EventDayIsDay1,
    /// Counting starts the next day: the last day of N days is event + N.
    NextDayIsDay1,
}

/// The kind of a provision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[serde(expecting = "`right`, `obligation`, `exemption` or `information`")]
pub enum RuleKind {
    /// Something the person may do or receive.
    Right,
    /// Something the person (or their host) must do.
    Obligation,
    /// Something the person need not do.
    Exemption,
    /// Something the person should know.
    Information,
}

/// How sure the pack's authors are of a provision, from the reference's tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[serde(expecting = "`verified`, `partly_verified` or `unverified`")]
pub enum Confidence {
    /// Seen in a listed source, article and paragraph included.
    Verified,
    /// Substance seen in a secondary source; wording or paragraph not.
    PartlyVerified,
    /// From background knowledge or a single weak source.
    Unverified,
}

/// Whether a rule comes from the Treaty or from a host state's law.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[serde(expecting = "`treaty` or `national`")]
pub enum Level {
    /// The Treaty and its annexes and agreements: any member state.
    Treaty,
    /// A host state's national law.
    National,
}

/// Where a provision comes from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(
    expecting = "a source: an object with `instrument` and optional `article`, `paragraph`, `url`, `date`"
)]
pub struct Source {
    /// The instrument (treaty, law, order).
    pub instrument: String,
    /// Article, if pinned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// Paragraph, if pinned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// Where to read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The instrument's date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

/// A compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub id: String,
    pub kind: RuleKind,
    pub title: String,
    pub summary: Template,
    pub source: Source,
    pub in_force_from: NaiveDate,
    pub in_force_to: Option<NaiveDate>,
    /// The date expression the in-force period is tested on, when the rule
    /// is dated by the event it governs (an entry) rather than by `as_of`;
    /// the compiler has then added that test to `when`.
    pub in_force_on: Option<Node>,
    /// What was law before `in_force_from`, when this pack does not encode
    /// it: an `as_of` before `from` is then not assessed, not "does not apply".
    pub earlier: Option<String>,
    /// The host state of a national rule (its module's `host`): the rule
    /// applies only to a person working there.
    pub host: Option<Country>,
    pub when: Node,
    pub unless: Option<Node>,
    pub dates: Vec<(String, Node)>,
    /// When the obligation counts as already met (e.g. `registered`).
    pub met: Option<Node>,
    /// Links to read beyond the official source (secondary texts).
    pub see_also: Vec<String>,
    pub note: Option<String>,
    pub confidence: Option<Confidence>,
    pub level: Option<Level>,
    pub implements: Vec<String>,
    pub limits: Vec<String>,
    /// Ids of rules that must never apply to the same profile as this one.
    pub excludes: Vec<String>,
    /// Ids of rules whose duty this rule's one act fulfils (`fulfils`):
    /// when both apply, the printed reports and the calendar give this
    /// rule's action only.
    pub fulfils: Vec<String>,
    pub tension: Option<String>,
    /// Where to go to do it, per host state (`where`).
    pub where_to: Vec<Guidance>,
    /// Where to go while a rule whose act would fulfil this duty (its
    /// `fulfils` names this rule) is undetermined, per host state
    /// (`where_undetermined`): the text then covers both possibilities.
    pub where_undetermined: Vec<Guidance>,
    /// What happens if it is missed, per host state (`if_missed`).
    pub if_missed: Vec<Guidance>,
    /// The file the rule came from, relative to the pack root.
    pub file: String,
    /// The rule's position in its file's `rules` array.
    pub index_in_file: usize,
}

/// A text that tells a person how to act on a rule in one host state
/// (where to go, or what happens if it is missed), with the pages it rests
/// on and how sure the pack's authors are of it.
#[derive(Debug, Clone)]
pub(crate) struct Guidance {
    /// The host state the text is about.
    pub host: Country,
    pub text: Template,
    /// The addresses of the pages the text rests on.
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

impl Rule {
    /// Whether this is another host state's national rule.
    pub(crate) fn foreign_to(&self, host: Country) -> bool {
        self.host.is_some_and(|h| h != host)
    }

    /// Whether the rule is in force on the assessment date `day` (`to` is
    /// exclusive). A rule dated by an event is, whatever the day: its
    /// period is tested on the event's date, inside `when`.
    pub(crate) fn in_force_on(&self, day: NaiveDate) -> bool {
        let (from, to) = self.as_of_period();
        from <= day && to.is_none_or(|to| day < to)
    }

    /// The period tested on `as_of`: the whole calendar for a rule dated
    /// by an event.
    pub(crate) fn as_of_period(&self) -> (NaiveDate, Option<NaiveDate>) {
        if self.in_force_on.is_some() {
            (NaiveDate::MIN, None)
        } else {
            (self.in_force_from, self.in_force_to)
        }
    }

    /// Whether `day` falls before the rule's period in years whose law the
    /// pack does not encode (its outcome is then `not_assessed`).
    pub(crate) fn not_encoded_on(&self, day: NaiveDate) -> bool {
        self.earlier.is_some() && self.in_force_on.is_none() && day < self.in_force_from
    }
}

/// A named definition.
#[derive(Debug, Clone)]
pub(crate) struct Def {
    pub name: String,
    pub description: Option<String>,
    pub expr: Node,
}

/// A fixed set of values.
#[derive(Debug, Clone)]
pub(crate) struct NamedSet {
    pub name: String,
    pub label: String,
    pub values: Vec<Lit>,
    /// The set's dates in date order (empty unless it is a set of dates),
    /// so `add_working_days` binary-searches them without building anything.
    pub dates: Vec<NaiveDate>,
}

/// A set whose members join (and may leave) on dates.
#[derive(Debug, Clone)]
pub(crate) struct DatedSet {
    pub name: String,
    pub label: String,
    pub members: Vec<DatedMember>,
    /// Dated sets whose membership explains a value's absence from this one
    /// (an observer state is not a member state, and that is worth saying).
    pub otherwise_mention: Vec<DatedSetId>,
}

/// One membership period.
#[derive(Debug, Clone)]
pub(crate) struct DatedMember {
    pub value: Lit,
    pub from: NaiveDate,
    pub to: Option<NaiveDate>,
}

/// A value that changes over time.
#[derive(Debug, Clone)]
pub(crate) struct Param {
    pub name: String,
    pub label: String,
    /// Sorted by date.
    pub values: Vec<(NaiveDate, Lit)>,
    /// The first day the last value is no longer known to hold (a yearly
    /// index); after it the last value is carried forward, and flagged.
    pub known_until: Option<NaiveDate>,
}
