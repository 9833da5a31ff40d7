# Diagnostics in English: what is wrong with a profile, a flag, a date,
# a country or a JSON text. Each message is one line of plain text:
# lower case, no final full stop, what the person wrote in backticks.
# The code gives each message's arguments (see src/diagnostic/message.rs);
# a translation must keep every message and may use any of its arguments.

## Where a problem is, and the words around it

help-label = help
at-line-column = line { $line }, column { $column }
error = error
invalid-profile = invalid profile

## A text that is not JSON

json-eof-value = the text ends where a value was expected
json-eof-object = the text ends inside an object: a closing `{"}"}` is missing
json-eof-list = the text ends inside an array: a closing `]` is missing
json-eof-string = the text ends inside a string: a closing `"` is missing
json-expected-value = expected a JSON value (an object, array, string, number, `true`, `false` or `null`)
json-expected-colon = expected `:` after the key
json-expected-comma-or-brace = expected `,` or `{"}"}` after a member of the object
json-expected-comma-or-bracket = expected `,` or `]` after an element of the array
json-expected-ident = expected `true`, `false` or `null`
json-trailing-characters = unexpected text after the end of the JSON value
json-trailing-comma = a trailing comma: remove the `,` before the closing bracket
json-key-not-string = an object key must be a string in double quotes
json-number-too-large = the number is too large
json-invalid-number = an invalid number
json-invalid-escape = an invalid escape in a string: after `\` come only `"`, `\`, `/`, `b`, `f`, `n`, `r`, `t` or `u`
json-invalid-unicode = an invalid `\u` escape in a string
json-lone-surrogate = an unpaired surrogate in a `\u` escape
json-incomplete-escape = an incomplete `\u` escape in a string
json-control-character = a raw control character (such as a tab or line break) inside a string: write it as an escape such as `\n`
json-too-deep = arrays and objects are nested too deeply: at most { $max } levels are accepted
json-duplicate-key = duplicate key `{ $key }`: a key may appear only once in an object

## A value of the wrong kind: "expected $what, found $found"

expected = expected { $what }, found { $found }
what-profile = a profile (a JSON object such as {"{"}"citizenship": "KG"{"}"})
what-contract = a contract (an object with `kind`, `start`, `end`, `terminated_on`)
what-family-member = a family member (an object with `relation`, `birth_date`, `citizenship`)
what-family = an array of family members
what-string = a string
what-date = a date string "YYYY-MM-DD" or "DD.MM.YYYY"
what-date-or-null = a date string "YYYY-MM-DD" or "DD.MM.YYYY" or null
what-bool = `true` or `false`
what-countries = a country (code or name) or an array of countries
what-country = a country code or name such as "KG" or "Kyrgyzstan"
what-host = a country code or name such as "KZ" or "Kazakhstan"
what-contract-kind = one of "employment", "civil_law" (or "civil-law"), "none"
what-relation = a relation such as "child"
found-null = `null`
found-bool = `{ $value }`
found-number = the number `{ $text }`
found-empty-string = an empty string
found-string = the string `{ $text }`
found-empty-array = an empty array
found-array = an array
found-object = an object

## Keys, nulls and required facts

unknown-key = unknown key `{ $key }`: expected one of { $keys }
must-not-be-null = must not be null
null-leave-out = leave `{ $key }` out when it is not known
null-leave-out-id = leave `id` out
null-stateless = use [] for a stateless person
null-host = leave `host` out to assume the rule pack's default host state
null-as-of = leave `as_of` out to assess as of today
null-permanent-resident = leave `permanent_resident` out to assume no permanent residence permit
null-contract = leave `contract` out when it is not known, or give `"kind": "none"`
null-family = use [] for no family members, or leave `family` out when it is not known
required-citizenship = is required: a country code or an array of country codes ([] for a stateless person)
required-host = is required: this rule pack names no default host state, so give the state of employment, e.g. `KZ`
too-many-citizenships = lists { $count } citizenships: at most { $max } are accepted
too-many-family-members = lists { $count } family members: at most { $max } are accepted

## Values

did-you-mean = did you mean `{ $text }`?
did-you-mean-country = did you mean `{ $name }` ({ $code })?
unknown-country = `{ $text }` is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`
empty-country = an empty string is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`
not-a-contract-kind = `{ $text }` is not a contract kind: expected `employment`, `civil_law` (also written `civil-law` or `civil law`) or `none`
not-a-relation = `{ $text }` is not a relation: expected one of `child`, `spouse`, `parent`, `sibling`, `dependant`, `other`
text-too-long = is { $len } bytes long: at most { $max } are accepted
control-character = contains the control character U+{ $code }: only printable text is accepted

## Dates

date-shape = `{ $text }` is not a date: expected YYYY-MM-DD, such as 2026-03-01
date-not-a-date = `{ $text }` is not a date: expected YYYY-MM-DD or DD.MM.YYYY (day first), such as 2026-03-01 or 01.03.2026
date-unpadded = `{ $text }` is not a date: write the day and the month with two digits, as in `{ $dotted }`, or write `{ $iso }`
date-no-such-day = `{ $text }` is not a real calendar date
date-no-such-month = `{ $text }` is not a real calendar date: there is no month { $month }, months run from 01 to 12
date-day-zero = `{ $text }` is not a real calendar date: days of the month start at 01
date-month-days = `{ $text }` is not a real calendar date: { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year } has { $days } days
date-out-of-range = `{ $text }` is out of range: years { $min } to { $max } are accepted

## Facts that contradict each other

after-as-of = { $date } is after the assessment date `as_of` ({ $as_of })
before-contract-start = { $date } is before the contract start ({ $start })
after-contract-end = { $date } is after the contract end ({ $end }): early termination must come before the end

## The whole text

profile-too-long = the profile is { $len } bytes long: a single profile may be at most { $max } bytes (1 MiB)
profile-too-large = the profile is larger than { $max } bytes (1 MiB), the most a single profile may be: use `batch` for many profiles
profile-empty = the profile is empty: expected a JSON object such as {"{"}"citizenship": "KG"{"}"}
text-utf16 = the text is UTF-16: save it as UTF-8
text-not-utf8 = not UTF-8 text: the byte 0x{ $byte } is not part of a UTF-8 character; save the file as UTF-8
more-problems = and { $count } more { $count ->
        [one] problem
       *[other] problems
    } not shown
stateless-with-country = `none` (stateless) cannot be combined with a citizenship; give `none` alone or only country codes (got { $given })

## A file batch cannot read

cannot-read = cannot read: { $why }
cannot-read-file = cannot read: { $path }: { $why }
unreadable-not-found = no such file or directory
unreadable-permission-denied = permission denied
unreadable-is-a-directory = is a directory, not a file
# Any other error, in the system's own words.
unreadable-other = { $text }
unreadable-dangling-link = a symbolic link to something that does not exist
unreadable-link-loop = a symbolic link that loops back on itself
unreadable-subdirectory = a directory, not a file: batch reads the files directly inside a directory, not its subdirectories
unreadable-special = { special-kind }, not a regular file: name it on the command line to read it
special-kind = { $kind ->
        [fifo] a named pipe (FIFO)
        [socket] a socket
        [device] a device
       *[other] not a regular file
    }
unreadable-not-utf8 = not UTF-8 text (invalid byte at offset { $offset })
unreadable-changed = the file changed while it was read
file-too-large = the file is larger than { $max } bytes (1 MiB), the most a single profile may be: give many profiles as a JSON array or as NDJSON (one profile per line)
line-too-long = the line is { $len } bytes long: at most { $max } bytes are accepted per NDJSON line (--max-line)

## What batch says about a run (stderr), and the words of its summary format.
## Statuses, rule ids, date names and dates are codes: they stay as they are.

batch-tally = batch: { $records } { $records ->
        [one] record
       *[other] records
    }: { $evaluated } evaluated ({ $covered } covered, { $not_covered } not covered, { $undetermined } undetermined), { $invalid } invalid{ $blank ->
        [0] {""}
        [one] , { $blank } blank line skipped
       *[other] , { $blank } blank lines skipped
    }
batch-closed = batch: the output was closed, so the run stopped after writing { $written } { $written ->
        [one] record
       *[other] records
    }; the records after that were not written
batch-closed-between = batch: the output was closed, so the run stopped after writing between { $written } and { $upto } records; the records after that were not written
summary-counts = applies: { $applies }, undetermined: { $undetermined }{ $not_assessed ->
        [0] {""}
       *[other] , not assessed: { $not_assessed }
    }
summary-overdue = overdue since: { $date } ({ $rule } { $name })
summary-next = next date: { $date } ({ $rule } { $name })
summary-totals = { $evaluated } evaluated: { $covered } covered, { $not_covered } not covered, { $undetermined } undetermined; { $invalid } invalid
