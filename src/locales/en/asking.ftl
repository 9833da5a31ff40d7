# Asking for facts: a family member named in a question, the question for
# a fact the pack has none for, where the interview is, and why an answer
# was not taken. The code gives each message's arguments
# (src/report/wording/sentences/); a translation must keep every message
# and may use any of its arguments. What the person typed ($text) comes
# quoted for echoing.

## A family member in a question

# $number: the member's number (1, 2, ...); $relation: how the member is related.
ask-family-member = family member { $number }
ask-family-member-relation = family member { $number } ({ $relation })

## The question for a fact the pack has no question for

# $what: the fact (a label-field-* or label-member-* message).
ask-fallback = Please give { $what }.
# $member: the family member (ask-family-member).
ask-fallback-member = Please give { $what } of { $member }.

## Where the interview is

ask-progress = Question { $number }
ask-progress-last = Question { $number }, probably the last
# $left: about how many questions are left.
ask-progress-left = Question { $number }, about { $left } left

## Why an answer was not taken

ask-problem-empty = Please type an answer, or ? if you do not know.
ask-problem-not-a-date = "{ $text }" is not a date. Write it as 2026-03-01 or 01.03.2026 (day first).
# $dotted, $iso: the date the person may have meant, in both forms.
ask-problem-unpadded = "{ $text }" is not clear. Write the day and the month with two digits: { $dotted }, or { $iso }.
ask-problem-no-such-day = "{ $text }" is not a day of the calendar. Check the day and the month.
# $min, $max: the years accepted.
ask-problem-out-of-range = "{ $text }" is too far in the past or the future: years { $min } to { $max } are accepted.
# $name, $code: the country the person may have meant.
ask-problem-country-meant = "{ $text }" is not a country we know. Did you mean { $name } ({ $code })?
ask-problem-not-a-country = "{ $text }" is not a country we know. Type its name in English or Russian, or its two-letter code, such as KG.
ask-problem-too-many-countries = That is more than { $max } countries. Type at most { $max }.
# $count: how many answers there are to choose from.
ask-problem-not-a-choice = "{ $text }" is not one of the answers. Type a number from 1 to { $count }, or the words.
ask-problem-not-yes-no = "{ $text }" is not yes or no.
ask-problem-not-a-count = "{ $text }" is not a number from 0 to { $max }.
ask-problem-too-long = That is too long. Please say it in fewer words.
# $date: the date given; $as-of: the assessment date.
ask-problem-after-as-of = { $date } is after the date of this assessment, { $as-of }. Check the date.
ask-problem-end-before-start = { $end } is before the start of your contract, { $start }. Check the date.
ask-problem-start-after-end = { $start } is after the end of your contract, { $end }. Check the date.
ask-problem-citizenship-needed = We need your citizenship to say anything about your rights. If you hold none, type none.
ask-problem-nothing-to-undo = This is the first question: there is no answer to change yet.
ask-problem-not-a-format = "{ $text }" is not one of the formats. Type its number, or press Enter to finish without saving.
ask-problem-file-exists = { $path } already exists, and we do not replace it. Type another name.
# $why: the system's words.
ask-problem-cannot-write = We could not write { $path }: { $why }. Type another name.
# $why: what the profile says is wrong, in this language.
ask-problem-other = That answer does not fit your other answers: { $why }.
