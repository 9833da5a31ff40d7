//! Reading answers: `back` and "I don't know", each kind of answer the
//! pack's questions take, and the profile the answers so far make.

use super::*;

impl<'p> Interview<'p> {
    /// Whether a line is `back` or "I don't know", in any language.
    pub(super) fn special(&self, line: &str) -> Option<Special> {
        if any_word(line, |w| &w.back) {
            Some(Special::Back)
        } else if any_word(line, |w| &w.unknown) {
            Some(Special::Unknown)
        } else {
            None
        }
    }

    /// Reads an answer of the question's kind.
    pub(super) fn parse(&self, ask: &Ask<'_>, line: &str) -> Result<Given, AnswerProblem> {
        if line.is_empty() {
            return Err(AnswerProblem::Empty);
        }
        match ask.kind {
            AnswerKind::Country => AnswerProblem::country(line).map(Given::Country),
            AnswerKind::Countries if any_word(line, |w| &w.stateless) => {
                Ok(Given::Countries(Vec::new()))
            }
            AnswerKind::Countries => {
                let mut out: Vec<Country> = Vec::new();
                for part in line
                    .split([',', ';'])
                    .map(str::trim)
                    .filter(|p| !p.is_empty())
                {
                    let c = AnswerProblem::country(part)?;
                    if !out.contains(&c) {
                        out.push(c);
                    }
                }
                if out.len() > MAX_CITIZENSHIPS {
                    return Err(AnswerProblem::TooManyCountries(MAX_CITIZENSHIPS));
                }
                Ok(Given::Countries(out))
            }
            AnswerKind::DateOrOpen if any_word(line, |w| &w.open) => Ok(Given::Open),
            AnswerKind::Date | AnswerKind::DateOrOpen => AnswerProblem::date(line).map(Given::Date),
            AnswerKind::Choice => self.choice(ask, line).map(Given::Choice),
            AnswerKind::YesNo if any_word(line, |w| &w.yes) => Ok(Given::YesNo(true)),
            AnswerKind::YesNo if any_word(line, |w| &w.no) => Ok(Given::YesNo(false)),
            AnswerKind::YesNo => Err(AnswerProblem::NotYesNo(line.to_owned())),
            AnswerKind::Text if line.len() > MAX_TEXT => Err(AnswerProblem::TooLong),
            AnswerKind::Text => Ok(Given::Text(line.to_owned())),
            AnswerKind::Count if any_word(line, |w| &w.no) => Ok(Given::Count(0)),
            AnswerKind::Count => match line.parse::<usize>() {
                Ok(n) if n <= MAX_FAMILY => Ok(Given::Count(n)),
                _ => Err(AnswerProblem::NotACount {
                    text: line.to_owned(),
                    max: MAX_FAMILY,
                }),
            },
        }
    }

    /// A choice by its number, its value (`civil-law` for `civil_law`) or
    /// its label in any language, any case.
    pub(super) fn choice(&self, ask: &Ask<'_>, line: &str) -> Result<String, AnswerProblem> {
        let wanted = fold(line);
        let by_number = line
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| ask.choices.get(i));
        let found = by_number.or_else(|| {
            ask.choices.iter().find(|c| {
                fold(&c.value) == wanted
                    || Lang::ALL.iter().any(|l| fold(c.label(l.code())) == wanted)
            })
        });
        found
            .map(|c| c.value.clone())
            .ok_or_else(|| AnswerProblem::NotAChoice {
                text: line.to_owned(),
                count: ask.choices.len(),
            })
    }

    /// Whether an answer fits the answers before it and the assessment
    /// date, said in the reader's words.
    pub(super) fn fits(
        &self,
        target: Target,
        given: &Given,
        profile: &WorkerProfile,
    ) -> Result<(), AnswerProblem> {
        let Given::Date(date) = given else {
            return Ok(());
        };
        let date = *date;
        let as_of = self.as_of;
        let contract = &profile.contract;
        match target.fact {
            FieldKey::Profile(Field::EntryDate | Field::TerminatedOn)
            | FieldKey::Member(MemberField::BirthDate)
                if date > as_of =>
            {
                Err(AnswerProblem::AfterAsOf { date, as_of })
            }
            FieldKey::Profile(Field::ContractStart) => match contract.end {
                Some(Some(end)) if date > end => {
                    Err(AnswerProblem::StartAfterEnd { start: date, end })
                }
                _ => Ok(()),
            },
            FieldKey::Profile(Field::ContractEnd | Field::EffectiveEnd) => match contract.start {
                Some(start) if date < start => {
                    Err(AnswerProblem::EndBeforeStart { end: date, start })
                }
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    /// The profile the answers give, checked as a profile file would be.
    pub(super) fn profile(&self, steps: &[Step]) -> Result<WorkerProfile, AnswerProblem> {
        let mut raw = RawProfile::default();
        raw.as_of = self.as_of_given.then(|| self.as_of.to_string());
        let mut contract = RawContract::default();
        let mut any_contract = false;
        let mut family: Option<Vec<Member>> = None;
        for step in steps {
            let Some(given) = &step.answer else { continue };
            let text = || match given {
                Given::Choice(v) | Given::Text(v) => Some(v.clone()),
                Given::Date(d) => Some(d.to_string()),
                Given::Country(c) => Some(c.code().to_owned()),
                _ => None,
            };
            let codes = || match given {
                Given::Countries(cs) => {
                    Some(cs.iter().map(|c| c.code().to_owned()).collect::<Vec<_>>())
                }
                _ => None,
            };
            let yes = match given {
                Given::YesNo(b) => Some(*b),
                _ => None,
            };
            match (step.target.fact, step.target.member) {
                (FieldKey::Profile(f), _) => match f {
                    Field::Citizenship => {
                        if let Some(codes) = codes() {
                            raw.set_citizenship(codes);
                        }
                    }
                    Field::Host => raw.host = text(),
                    Field::EntryDate => raw.entry_date = text(),
                    Field::ContractKind => {
                        contract.kind = text();
                        any_contract = true;
                    }
                    Field::ContractStart => {
                        contract.start = text();
                        any_contract = true;
                    }
                    Field::ContractEnd | Field::EffectiveEnd => {
                        contract.end = Some(match given {
                            Given::Open => None,
                            _ => text(),
                        });
                        any_contract = true;
                    }
                    Field::TerminatedOn => {
                        contract.terminated_on = text();
                        any_contract = true;
                    }
                    Field::Occupation | Field::OccupationCategory => raw.occupation = text(),
                    Field::Registered => raw.registered = yes,
                    Field::PermanentResident => raw.permanent_resident = yes,
                    Field::Family => {
                        if let Given::Count(n) = given {
                            family = Some(vec![Member::default(); *n]);
                        }
                    }
                    Field::AsOf => {}
                },
                (FieldKey::Member(f), Some(i)) => {
                    if let Some(m) = family.as_mut().and_then(|f| f.get_mut(i)) {
                        match f {
                            MemberField::Relation => m.relation = text(),
                            MemberField::BirthDate => m.birth_date = text(),
                            MemberField::Citizenship => m.citizenship = codes(),
                        }
                    }
                }
                (FieldKey::Member(_), None) => {}
            }
        }
        if any_contract {
            raw.contract = Some(contract);
        }
        raw.family = family.map(|members| {
            members
                .into_iter()
                .map(|m| RawFamilyMember::new(m.relation, m.birth_date, m.citizenship))
                .collect()
        });
        raw.validate(self.pack.profile_defaults(self.as_of))
            .map_err(|e| AnswerProblem::Other(Box::new(e)))
    }
}

/// A family member's answers so far.
#[derive(Debug, Clone, Default)]
pub(super) struct Member {
    relation: Option<String>,
    birth_date: Option<String>,
    citizenship: Option<Vec<String>>,
}

/// Whether a line is one of a word list's words, in any language.
pub(super) fn any_word(
    line: &str,
    words: impl Fn(&'static InterviewWords) -> &'static [String],
) -> bool {
    let line = fold(line);
    Lang::ALL
        .iter()
        .any(|l| words(l.interview_words()).iter().any(|w| fold(w) == line))
}

/// A text compared loosely: lower case, one space between words, `-` and
/// `_` as spaces, a typographic apostrophe as `'`, no final full stop.
pub(super) fn fold(text: &str) -> String {
    let lower = text
        .trim()
        .trim_end_matches('.')
        .to_lowercase()
        .replace(['\u{2019}', '\u{02bc}'], "'")
        .replace(['-', '_'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn answers_are_compared_loosely() {
        assert_eq!(fold("  I Don’t   know. "), "i don't know");
        assert_eq!(fold("civil-law"), fold("Civil law"));
        assert_eq!(fold("civil_law"), "civil law");
        assert_eq!(fold("НЕ ЗНАЮ"), "не знаю");
    }
}
