# The report in English: its headings and fixed words, the Markdown
# report's, the calendar's, the printable page's and the timeline's own
# words, a person's facts, dates and citations. A message with arguments
# is a whole phrase; the code puts the value where the argument stands
# (and escapes or styles it as its format needs). `{"\u00A0"}` is a
# no-break space: it keeps a count with its noun, a year with "г.".

## The language

language-name = English

## The text report

report-title = Rights and obligations
# After the title, when the profile has an id.
report-title-for = { $title } for { $id }
# $host: the host state's name and code, "Kazakhstan (KZ)".
report-host-line = Host state: { $host } · assessed as of { $date }
report-covered = COVERED: you are a worker of an EAEU Member State in { $host }.
report-not-covered = NOT COVERED: the EAEU worker rules do not apply to you in { $host }.
report-undetermined = UNDETERMINED: we need more facts to say whether the EAEU worker rules apply.
report-first = WHAT TO DO FIRST
report-may-do = WHAT YOU MAY DO
report-must-do = WHAT YOU MUST DO, AND BY WHEN
report-already-done = ALREADY DONE
report-done-note = You told us this is done. Keep the document that shows it.
report-good-to-know = GOOD TO KNOW
report-still-need = WHAT WE STILL NEED TO KNOW
report-does-not-apply = WHAT DOES NOT APPLY, AND WHY
report-does-not-apply-brief = WHAT DOES NOT APPLY
report-not-assessed = NOT ASSESSED: THE LAW OF THAT TIME IS NOT IN THIS TOOL
report-assumptions = ASSUMPTIONS (correct any that are wrong)
report-because = because { $reason }
# Stands for the reasons the status section already gave.
report-status-reasons-above = of the status reasons above
report-ruled-out-by-status = Because of your status (above), none of these apply to you:
report-status-explains-below = The rights and duties below apply to you because of this status, unless they give other reasons.
report-status-brief = The rights and duties below follow from this status and the facts you gave.
report-where = Where: { $guide }
report-if-missed = Otherwise: { $guide }
report-guide-sources = Sources of “Where” and “Otherwise”:
report-national-rule = National rule
report-implementing = implementing
report-limiting = limiting
report-quoted = “{ $title }”
report-note = Note: { $note }
report-partly-verified = partly verified: check with a lawyer or the migration service
report-unverified = unverified: check with a lawyer or the migration service
report-source = Source: { $source }
report-read-it = Read it:
report-rules = Rules: { $version }
# After a source: the rule's id.
report-rule = rule { $rule }

## What an answer decides: "decides: your status and 16 provisions"

report-decides = decides
report-decides-status = your status
report-decides-status-and = your status and { $provisions }
report-provisions = { $count }{"\u00A0"}{ $count ->
    [one] provision
   *[other] provisions
}

## A provision's dates

report-until = until
report-by = by
report-ended-on = ended on
report-already-passed = already passed

## Citations: the instrument, then its article and paragraph

cite-article = { $instrument }, Art. { $article }
cite-article-paragraph = { $instrument }, Art. { $article }({ $paragraph })
cite-article-paragraphs = { $instrument }, Art. { $article }({ $first })-({ $last })
cite-paragraph = { $instrument }, para. { $paragraph }
cite-paragraphs = { $instrument }, paras. { $first }-{ $last }

## Dates for the reader: "Monday 30 March 2026", "in 10 days". The
## month and weekday names are CLDR's (the code gives them).

date-long = { $weekday } { $day } { $month } { $year }
# A date as a fact, without its weekday.
date-plain = { $day } { $month } { $year }
date-today = today
date-tomorrow = tomorrow
date-yesterday = yesterday
date-ahead = in { $days }
date-behind = { $days } ago
date-days = { $count }{"\u00A0"}{ $count ->
    [one] day
   *[other] days
}

## The Markdown report

md-first = What to do first
# $host: the host state's name and code.
md-title = Rights and obligations in { $host } as of { $date }
md-profile = Profile: { $id }
md-status = Status
md-must-do = What you must do, and by when
md-already-done = Already done
md-may-do = What you may do
md-good-to-know = Good to know
md-still-need = What we still need to know
md-does-not-apply = What does not apply
md-not-assessed = Not assessed: the law of that time is not in this tool
md-assumptions = Assumptions (correct any that are wrong)
md-covered = **Covered:** you are a worker of an EAEU Member State in { $host }.
md-not-covered = **Not covered:** the EAEU worker rules do not apply to you in { $host }.
md-undetermined = **Undetermined:** we need more facts to say whether the EAEU worker rules apply.
md-done-note = you told us this is done; keep the document that shows it.
md-decides = This decides: { $what }

## The calendar

ics-no-dates = No deadline or end date on or after { $date } in this report
ics-from-for = From the report for { $id } as of { $date }.
ics-from = From the report as of { $date }.

## The printable page

html-details = Your details
html-details-note = This report is based on these facts. If one of them is wrong, the report may be wrong too.
html-covered-name = Covered
html-covered = you are a worker of an EAEU Member State in { $host }.
html-not-covered-name = Not covered
html-not-covered = the EAEU worker rules do not apply to you in { $host }.
html-undetermined-name = Undetermined
html-undetermined = we need more facts to say whether the EAEU worker rules apply.
html-other-reasons = These do not apply to you for other reasons:

## A person's facts: their names, and the words of their values

fact-citizenship = Citizenship
fact-host = Host state
fact-entry = Date of entry
fact-contract = Contract
fact-contract-start = Contract starts
fact-contract-end = Contract ends
fact-terminated = Contract terminated early on
fact-occupation = Occupation
fact-registered = Registered with the migration authority
fact-permanent-resident = Permanent residence permit
fact-family = Family members
fact-member = Family member { $number }
fact-as-of = Assessed as of
fact-not-known = not known
fact-yes = yes
fact-no = no
fact-has = yes
fact-has-not = no
fact-no-family = none
fact-stateless = none (stateless)
fact-open-ended = open-ended
fact-kind-employment = employment contract
fact-kind-civil-law = civil-law contract (for works or services)
fact-kind-none = no contract
fact-relation-child = child
fact-relation-spouse = husband or wife
fact-relation-parent = parent
fact-relation-sibling = brother or sister
fact-relation-dependant = dependant
fact-relation-other = other relative
fact-relation-not-known = relation not known
# A family member: how related, date of birth, citizenship.
fact-member-value = { $relation }; date of birth: { $born }; citizenship: { $citizenship }

## The timeline of a stay

timeline-title = Timeline of your stay
timeline-span = The days from { $first } to { $last } on which your rights and duties change, if the facts you gave stay the same.
# $tail, $cap: counts of years ("2 years").
timeline-bound = It ends { $tail } after the later of the assessment date and the end of your contract, and no later than { $cap } after the assessment date.
timeline-years = { $count }{"\u00A0"}{ $count ->
    [one] year
   *[other] years
}
timeline-day-of-stay = day { $day } of your stay
timeline-status-is = Your status: { $status }
timeline-status-becomes = Your status changes: { $status }
timeline-covered = you are a worker of an EAEU Member State in { $host }.
timeline-not-covered = the EAEU worker rules do not apply to you in { $host }.
timeline-undetermined = we need more facts to say whether the EAEU worker rules apply.
timeline-apply-at-start = On this day, these apply to you:
timeline-open-at-start = On this day, these may apply to you, depending on facts you did not give:
timeline-starts = From this day, these apply to you:
timeline-stops = From this day, these no longer apply to you:
timeline-ruled-out = From this day, these do not apply to you:
timeline-open = From this day, these may apply to you, depending on facts you did not give:
timeline-not-assessed = Not assessed: the rules of that time are not in this tool:
timeline-due = This is the last day for:
timeline-overdue = The deadline has passed for:
timeline-passed = This date has passed:
timeline-moved = New dates from this day:
# The 90/180 count. $window: a count of days ("180 days").
timeline-count = If you hold no temporary residence permit or visa: you have been in { $host } { $days } of the last { $window }, if you have stayed every day since you entered (the day of entry counts). The limit is { $limit }.
timeline-ics-nothing = This timeline shows no change after { $date }.
timeline-ics-from-for = From the timeline for { $id } as of { $date }.
timeline-ics-from = From the timeline as of { $date }.
# After the first change of a day in an event's title, when there are more.
timeline-more = and { $count } more
