# The sentences that put the engine's reasons into words, and the defaults
# a profile relied on. Each sentence states a fact ("the contract kind is
# civil-law, not employment"), so it reads right whichever way the
# condition went. The code gives each message's arguments
# (src/report/wording/sentences/): values come worded by values.ftl, dates
# as ISO dates (2026-03-30); a translation must keep every message and may
# use any of its arguments.

## Comparisons of known values

# A fact compared with a value the rule writes: $what is the fact, $value
# its value, $other the rule's value.
reason-fact-is = { $what } is { $value }
reason-fact-is-not = { $what } is { $value }, not { $other }
# Two values compared ($left, $right); $relation: same, not-same, before,
# on-or-after, on-or-before, after (dates), less, at-least, at-most, more
# (numbers).
reason-compare = { $left } { $relation ->
        [same] is
        [not-same] is not
        [before] is before
        [on-or-after] is on or after
        [on-or-before] is on or before
        [after] is after
        [less] is less than
        [at-least] is at least
        [at-most] is at most
       *[more] is more than
    } { $right }
# A comparison with an unknown date ($field) that what the profile
# guarantees settles: $guarantee (entry-not-after, start-not-after,
# end-not-before) with its $date, then how $left and $right relate
# ($relation: before, on-or-before, after, on-or-after, same, not-same).
reason-settled = { $field } is not known, but { $guarantee ->
        [entry-not-after] it cannot be after the assessment date ({ $date })
        [start-not-after] it cannot be after the contract's end or early termination ({ $date })
       *[end-not-before] it cannot be before the contract's start ({ $date }), unless the contract is open-ended
    }; whatever it is, { $left } is { $relation ->
        [before] before
        [on-or-before] on or before
        [after] after
        [on-or-after] on or after
        [same] the same day as
       *[not-same] not the same day as
    } { $right }

## Membership

# $who is (or is not: $found yes or no) one of $what; $source: literal
# (the rule lists the values), named (a named set, $what its label) or
# list (a list of the profile's, $what describes it).
reason-within = { $who } { $found ->
        [yes] is one of
       *[no] is not one of
    } { $what }
# $who in a dated set ($label) on $day. $state: since (a member since
# $from), is (a member), not-yet (a member only from $next), stopped (no
# longer a member since $to), not (not a member).
reason-membership = { $state ->
        [since] { $who } has been { $label } since { $from }
        [is] { $who } is { $label }
        [not-yet] on { $day }, { $who } was not yet { $label }: it became one on { $next }
        [stopped] { $who } stopped being { $label } on { $to }
       *[not] { $who } is not { $label }
    }
# What the value is instead ($state: since, is), after a membership that
# does not hold.
reason-membership-also = { $state ->
        [since] it has been { $label } since { $from }
       *[is] it is { $label }
    }
# A membership that does not hold ($base), and what the value is instead
# ($also: reason-membership-also sentences, joined).
reason-membership-otherwise = { $base }; { $also }
reason-membership-also-separator = {"; "}

## Facts that may be absent, empty lists, yes-or-no facts

reason-null-open-ended = the contract is open-ended
reason-null-contract-ends = the contract ends on { $value }
reason-null-not-terminated = the contract has not been terminated early
reason-null-ends-or-ended = the contract ends or ended on { $value }
reason-null-terminated-on = the contract was terminated early on { $value }
reason-null-field-not-set = { $field } is not set
reason-null-field-is = { $field } is { $value }
reason-null-no-such-date = there is no such date
reason-null-date-is = the date is { $value }
reason-empty-citizenship = you hold no citizenship (stateless)
reason-empty-family = you list no family members
reason-empty-member-citizenship = the family member holds no citizenship
reason-empty-list = the list is empty
reason-registered-yes = you are already registered with the migration authority
reason-registered-no = you are not yet registered with the migration authority
reason-permanent-resident-yes = you hold a permanent residence permit of the host state
reason-permanent-resident-no = you do not hold a permanent residence permit of the host state
reason-field-is = { $field }: { $value }

## Periods and dates

# Which day a period of $n days counted from $event ends on ($last), and
# what the other counting gives ($other; none when there is no such day).
# $count-from: event-day (the day of the event is day 1) or next-day.
reason-last-day = { $count-from ->
        [event-day] counting { $event } as day 1, day { $n } is { $last }; counting from the next day would give one day more{ $other ->
            [none] {""}
           *[other] {" "}({ $other })
        }
       *[next-day] counting from the day after { $event }, day { $n } is { $last }; counting that day itself as day 1 would give one day less{ $other ->
            [none] {""}
           *[other] {" "}({ $other })
        }
    }
# The event a period is counted from: $what (described) and its $date.
reason-last-day-event = { $what } ({ $date })
# Whether the date a rule is dated by ($label, its value $event) falls in
# the rule's period: $bound from (the rule took effect on $day) or to (it
# was replaced on $day); $truth: true, false or unknown.
reason-event = { $bound ->
        [from] { $truth ->
            [true] { $label } ({ $event }) is on or after { $day }, when this provision took effect
            [false] { $label } ({ $event }) is before { $day }, when this provision took effect: the rules in force on that date govern it
           *[unknown] { $label } is not known, so it cannot be said whether this provision, in force from { $day }, governs your case
        }
       *[to] { $truth ->
            [true] { $label } ({ $event }) is before { $day }, when this provision was replaced
            [false] { $label } ({ $event }) is on or after { $day }, when this provision was replaced: the rules in force on that date govern it
           *[unknown] { $label } is not known, so it cannot be said whether this provision, replaced on { $day }, governs your case
        }
    }

## Rules not assessed

# A rule in force from $from to $last, or from $from only; $day: the
# assessment date.
reason-not-in-force-ended = this provision applied from { $from } to { $last }; the assessment date { $day } is after that
reason-not-in-force-later = this provision applies from { $from } to { $last }; the assessment date { $day } is before that
reason-not-in-force-not-yet = this provision applies from { $from }; the assessment date { $day } is before that
# A rule the pack encodes only from $from; $earlier: the rule's own words
# for earlier dates (may be empty).
reason-not-encoded = this tool covers this provision only from { $from }; the assessment date { $day } is before that, so it is not assessed here. { $earlier }
# Another host state's national rule: $host, $own (country names).
reason-foreign-host = the host state is { $host }, not { $own }: { $own }'s national rules apply only to work there
# A parameter ($label) known only until $last: its latest $value, in
# force from $from, is used past it.
reason-carried-forward = { $label } is known to this rule pack only until { $last }: the latest known value, { $value }, in force from { $from }, is used for later dates; check the current value
reason-carried-missing = { $label } is not in this rule pack for the assessment date

## Assumptions: the defaults a profile relied on

reason-assumed-as-of = assessed as of today, { $day }
# $host: the host state's name and code.
reason-assumed-host = assumed the host state is { $host }
reason-assumed-not-terminated = assumed the contract has not been terminated early
# $code: the host state's code.
reason-assumed-no-permanent-residence = assumed you do not hold a permanent residence permit in { $code }
