//! The static types of expressions, and the types of the profile's fields.

use super::super::raw::RawType;
use super::Compiler;
use crate::engine::ir::{Field, MemberField};

/// Static type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ty {
    Bool,
    Int,
    Date,
    Country,
    Kind,
    Relation,
    Text,
    Countries,
    Family,
    Member,
    Null,
}

impl Ty {
    pub(super) fn name(self) -> &'static str {
        match self {
            Ty::Bool => "a boolean",
            Ty::Int => "a whole number",
            Ty::Date => "a date",
            Ty::Country => "a country",
            Ty::Kind => "a contract kind",
            Ty::Relation => "a family relation",
            Ty::Text => "text",
            Ty::Countries => "a list of countries",
            Ty::Family => "a list of family members",
            Ty::Member => "a family member",
            Ty::Null => "null",
        }
    }

    pub(super) fn of_raw(raw: RawType) -> Ty {
        match raw {
            RawType::Bool => Ty::Bool,
            RawType::Int => Ty::Int,
            RawType::Date => Ty::Date,
            RawType::Text => Ty::Text,
            RawType::Country => Ty::Country,
        }
    }
}

/// The type of a profile field's value.
pub(super) fn field_type(field: Field) -> Ty {
    match field {
        Field::Citizenship => Ty::Countries,
        Field::Host => Ty::Country,
        Field::EntryDate
        | Field::AsOf
        | Field::ContractStart
        | Field::ContractEnd
        | Field::TerminatedOn
        | Field::EffectiveEnd => Ty::Date,
        Field::ContractKind => Ty::Kind,
        Field::Occupation | Field::OccupationCategory => Ty::Text,
        Field::Registered | Field::PermanentResident => Ty::Bool,
        Field::Family => Ty::Family,
    }
}

/// The type of a family member's field's value.
pub(super) fn member_field_type(field: MemberField) -> Ty {
    match field {
        MemberField::Relation => Ty::Relation,
        MemberField::BirthDate => Ty::Date,
        MemberField::Citizenship => Ty::Countries,
    }
}

/// The path of a profile field, as rules and missing-fact lists name it.
pub fn field_path(field: Field) -> &'static str {
    field.path()
}

/// The name of a family member's field.
pub fn member_field_name(field: MemberField) -> &'static str {
    field.name()
}

pub(super) fn lookup_field(name: &str) -> Option<(Field, Ty)> {
    Field::ALL
        .into_iter()
        .find(|f| f.path() == name)
        .map(|f| (f, field_type(f)))
}

impl<'f> Compiler<'f> {
    /// Why a field cannot be read in this pack, if it cannot.
    pub(super) fn field_unavailable(&self, field: Field) -> Option<String> {
        (field == Field::OccupationCategory && !self.has_occupations).then(|| {
            "`occupation_category` is derived from the pack's `occupations` table, and no file has an `occupations` section".to_owned()
        })
    }
}
