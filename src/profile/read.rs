//! Reading a profile from JSON text into a [`WorkerProfile`], and
//! writing one back as profile JSON.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::one_pass;
use super::problems::InvalidProfile;
use super::validate::acceptable_text;
use super::{Assumed, Contract, Defaults, RawProfile, WorkerProfile};
use crate::country::Country;
use crate::locate::JsonPath;

impl WorkerProfile {
    /// Parses and validates a profile from JSON text.
    pub fn from_json(text: &str, defaults: Defaults) -> Result<Self, InvalidProfile> {
        Self::from_json_as_of(text, defaults, None)
    }

    /// Parses and validates a profile from JSON text; `as_of`, when given,
    /// replaces the profile's own assessment date (`batch --as-of`).
    pub fn from_json_as_of(
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<Self, InvalidProfile> {
        let mut profile = Self::empty(defaults);
        profile.read_json(text, defaults, as_of)?;
        Ok(profile)
    }

    /// A profile with no facts (a slot to read into).
    pub fn empty(defaults: Defaults) -> Self {
        WorkerProfile {
            id: None,
            citizenship: Vec::new(),
            host: defaults.host.unwrap_or(Country::SLOT),
            entry_date: None,
            entry_by: None,
            as_of: defaults.today,
            contract: Contract::default(),
            occupation: None,
            registered: None,
            permanent_resident: false,
            family: None,
            assumed: Assumed::default(),
        }
    }

    /// [`Self::from_json_as_of`] into this profile (a batch reads every line
    /// into the same slot). On error only `id` is meaningful: the refused
    /// profile's own `id` when it could be read and is acceptable, else `None`.
    pub fn read_json(
        &mut self,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        // Most lines are read in one pass, strings borrowed from the line.
        // Whatever that reader does not take (a mistake, an escaped string)
        // goes through the strict reader, which names every problem; both
        // give the same profile for a text they both accept.
        match one_pass::read(text) {
            Some(raw) => self.validate_read(&raw, text, defaults, as_of),
            None => self.read_strictly(text, defaults, as_of),
        }
    }

    /// [`Self::read_json`] of bytes that should be UTF-8 JSON text (a
    /// batch's NDJSON line).
    pub fn read_json_bytes(
        &mut self,
        bytes: &[u8],
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        self.id = None;
        let text = super::problems::utf8(bytes)?;
        self.read_json(text, defaults, as_of)
    }

    /// Reads with the strict reader, which names every problem.
    fn read_strictly(
        &mut self,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        self.id = None;
        let raw = RawProfile::from_json(text)?;
        self.validate_read(&raw, text, defaults, as_of)
    }

    /// Validates a profile read from `text` into this one; on error, only
    /// the profile's own `id` is kept, and problems get their locations.
    fn validate_read<S: AsRef<str>>(
        &mut self,
        raw: &RawProfile<S>,
        text: &str,
        defaults: Defaults,
        as_of: Option<NaiveDate>,
    ) -> Result<(), InvalidProfile> {
        raw.validate_into(defaults, as_of, self).map_err(|e| {
            self.id = raw
                .id
                .as_ref()
                .map(AsRef::as_ref)
                .filter(|id| acceptable_text(id))
                .map(str::to_owned);
            e.locate_in(
                text.strip_prefix('\u{feff}').unwrap_or(text),
                &JsonPath::root(),
            )
        })
    }
}

impl WorkerProfile {
    /// The profile as profile JSON (contract 1), every known fact written
    /// out: reading it back gives the same facts (defaults become explicit).
    pub fn to_json(&self) -> String {
        use serde_json::json;
        let codes = |cs: &[Country]| -> Value {
            Value::Array(cs.iter().map(|c| Value::from(c.code())).collect())
        };
        let mut m = Map::new();
        if let Some(id) = &self.id {
            m.insert("id".into(), json!(id));
        }
        m.insert("citizenship".into(), codes(&self.citizenship));
        m.insert("host".into(), json!(self.host.code()));
        if let Some(d) = self.entry_date {
            m.insert("entry_date".into(), json!(d.to_string()));
        }
        m.insert("as_of".into(), json!(self.as_of.to_string()));
        let mut c = Map::new();
        if let Some(k) = self.contract.kind {
            c.insert("kind".into(), json!(k.as_str()));
        }
        if let Some(d) = self.contract.start {
            c.insert("start".into(), json!(d.to_string()));
        }
        if let Some(e) = self.contract.end {
            c.insert("end".into(), json!(e.map(|d| d.to_string())));
        }
        if let Some(d) = self.contract.terminated_on {
            c.insert("terminated_on".into(), json!(d.to_string()));
        }
        if !c.is_empty() {
            m.insert("contract".into(), Value::Object(c));
        }
        if let Some(o) = &self.occupation {
            m.insert("occupation".into(), json!(o));
        }
        if let Some(r) = self.registered {
            m.insert("registered".into(), json!(r));
        }
        m.insert("permanent_resident".into(), json!(self.permanent_resident));
        if let Some(family) = &self.family {
            let members = family
                .iter()
                .map(|f| {
                    let mut fm = Map::new();
                    if let Some(r) = f.relation {
                        fm.insert("relation".into(), json!(r.as_str()));
                    }
                    if let Some(b) = f.birth_date {
                        fm.insert("birth_date".into(), json!(b.to_string()));
                    }
                    if let Some(cs) = &f.citizenship {
                        fm.insert("citizenship".into(), codes(cs));
                    }
                    Value::Object(fm)
                })
                .collect();
            m.insert("family".into(), Value::Array(members));
        }
        Value::Object(m).to_string()
    }
}
