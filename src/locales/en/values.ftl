# How the report names the facts of a profile, says values, and describes
# what a rule computes, in the sentences of reasons and in running text.
# The code gives each message's arguments (src/report/wording/sentences/);
# a translation must keep every message and may use any of its arguments.
# Messages without arguments are read once, when the language is first used.

## Facts of the profile, as reasons and questions name them

label-field-citizenship = the citizenship
label-field-host = the host state
label-field-entry-date = the date of entry
label-field-as-of = the assessment date
label-field-contract-kind = the contract kind
label-field-contract-start = the contract start
label-field-contract-end = the contract end
label-field-contract-terminated-on = the date the contract was terminated early
label-field-contract-effective-end = the day the contract ends or ended
label-field-occupation = the occupation
label-field-occupation-category = the kind of work
label-field-registered = registration with the migration authority
label-field-permanent-resident = a permanent residence permit of the host state
label-field-family = the family

## A family member's facts

label-member-relation = relation
label-member-birth-date = date of birth
label-member-citizenship = citizenship

## Values in reasons, as a caseworker reads them

value-unknown = unknown
value-none = none
value-yes = yes
value-no = no
value-stateless = none (stateless)
value-kind-employment = employment
value-kind-civil-law = civil-law
value-kind-none = none
value-relation-child = child
value-relation-spouse = spouse
value-relation-parent = parent
value-relation-sibling = sibling
value-relation-dependant = dependant
value-relation-other = other
# A family member whose relation is not known.
value-family-member = family member
# The family a profile lists; $count: how many members.
value-family = { $count } { $count ->
        [one] member
       *[other] members
    }
# A number in a reason: $plain as written (8500), $grouped with its digits
# in groups of three (8,500).
value-number = { $plain }
# What goes between groups of three digits (8,500).
value-digit-group-separator = ,
# What goes between the items of a list (KG, RU).
value-list-separator = {", "}
# A country by name and code; $name, $code.
value-country-with-code = { $name } ({ $code })
# Something a rule uses, described, and its value: "the date of entry (2026-03-01)".
value-described = { $what } ({ $value })

## Values in running text: the pack's summaries, questions and guides

in-text-unknown = (unknown)
in-text-stateless = no state (stateless)
in-text-kind-employment = an employment contract
in-text-kind-civil-law = a civil-law contract
in-text-kind-none = no contract
# The last two names of a list: $first (may itself be "A, B") and $last.
in-text-list-and = { $first } and { $last }
# A kind of work of the pack's occupations table ($name: pedagogical,
# legal, medical, pharmaceutical, other), as an adjective; a name not
# listed is shown as it is.
in-text-kind-of-work = { $name }
# A summary's date that needs a fact the report asks for.
in-text-date-not-yet = a date we can give once you answer the questions in this report
# A number of days since a fact that is not known.
in-text-unknown-days = an unknown number of
# The number of a day of the stay, counted from a fact that is not known.
in-text-unknown-day = an unknown day

## What a rule computes, described

# A family member's fact; $field: a label-member-* message.
describe-member-field = the family member's { $field }
# A date moved by a number of days, months or years ($unit: days, months,
# years) from $base. $kind: count when the rule writes the number, then
# $count is its size, $negative yes or no and $magnitude its size with
# grouped digits; other otherwise. $n: the number as shown, or what it is.
describe-shift = { $kind ->
        [count] { $magnitude } { $unit ->
            [days] { $count ->
                [one] day
               *[other] days
            }
            [months] { $count ->
                [one] month
               *[other] months
            }
           *[years] { $count ->
                [one] year
               *[other] years
            }
        } { $negative ->
            [yes] before
           *[no] after
        } { $base }
       *[other] { $n } { $unit ->
            [days] days
            [months] months
           *[years] years
        } after { $base }
    }
# The last of $n days ($count: how many) counted from $base.
describe-last-of-days = the last of { $n } days from { $base }
# The last day of a period a parameter gives, counted from $base.
describe-last-day-of-period = the last day of the period counted from { $base }
describe-days-between = the days from { $from } to { $to }
describe-age = the age
describe-earliest = the earliest of the dates
describe-latest = the latest of the dates
# A number of working days after $base. $kind: count (the rule writes the
# number: $n as shown, $count its size), value (the rule writes another
# value: $n), described (a value the rule computes: $n describes it) or
# unknown.
describe-working-days = { $kind ->
        [described] N
        [unknown] N
       *[other] { $n }
    } working days after { $base }
# A date that cannot be described.
describe-that-date = that date
# A list that cannot be described.
describe-the-list = the list
# The date a rule is dated by, when it is not a fact of the profile.
describe-event-date = the date of the event
