# The web form (`eaeu-rights serve`) and the interview (`eaeu-rights
# ask`) in English: their labels, hints, buttons and prompts. The names of
# the facts are the report's (`fact-*` in report.ftl), so a field is called
# the same everywhere. A message with an argument is a whole phrase; the
# code puts the value where the argument stands.

## The web form: its title, groups of fields and their hints

form-title = Rights and obligations of a worker of a Member State of the Eurasian Economic Union
form-intro = Fill in what you know. Leave a field empty if you do not know the answer: the report says what it still needs to know.
form-language = Language
form-person = The person
form-stay = Entry and stay
form-contract = Contract
form-work = Work
form-family = Family members
form-assessment = Assessment
form-citizenship-hint = Start typing the country's name and pick it from the list. Two citizenships: separate them with a comma. No citizenship: type none.
form-host-hint = The state where the person works or wants to work.
form-date-hint = Day, month, year: 01.03.2026 (or 2026-03-01).
form-as-of-hint = The day the report is for. Leave it empty for today.
form-occupation-hint = The job title, as in the contract. Teaching, legal, medical and pharmaceutical work need their diplomas recognised.
form-not-known = Not known
form-contract-kind = Kind of contract
form-open-ended = The contract has no end date
form-no-family = No family member lives with the person in the host state
form-family-hint = List the family members who live with the person in the host state.
form-relation = Relation
form-birth-date = Date of birth
form-member-citizenship = Citizenship
form-add-member = Add a family member
form-remove-member = Remove family member
form-id = Case reference (optional)
form-id-hint = Your own reference for this person. It is printed on the report.
form-submit = Show rights and obligations
form-fix-these = Please correct these answers:
# Before a field's error message, for screen readers.
form-error = Error: { $message }

## The bar above a report page, and the questions under it

form-new-check = New check
form-edit = Change the answers
form-print = Print
form-print-hint = To print this page, press Ctrl+P.
form-download = Download:
form-download-json = JSON (data)
form-download-markdown = Markdown (case notes)
form-download-ics = Calendar of the dates (ICS)
form-download-timeline = Timeline of the stay (text)
form-download-timeline-ics = Calendar of the timeline (ICS)
form-answer-questions = Answer the open questions
form-next-heading = Answer these questions to complete the report
form-next-intro = Each answer can change what the report says. Leave a field empty if you do not know.
form-next-submit = Update the report
form-not-found = There is no page at this address.

## The interview: how to answer, one line each

interview-intro =
    We will ask only what can change your rights and duties.
    Answer each question on one line. If you do not know, type ? and we go on.
    Type back to change your last answer.
# Before each answer.
interview-prompt = > { $answer }

## The answers the interview understands, one a line, in lower case

interview-unknown =
    ?
    i don't know
    i do not know
    don't know
    dont know
    not known
    unknown
interview-back = back
interview-yes =
    yes
    y
interview-no =
    no
    n
# A contract without an end date.
interview-open =
    open
    open-ended
    open ended
    no end
# No citizenship at all.
interview-stateless =
    none
    stateless

## Under a question: what answer it takes

interview-hint-country = A country, by name or code: Kazakhstan or KZ.
interview-hint-countries = A country, by name or code: Kyrgyzstan or KG. Several: separate them with commas. No citizenship: none.
interview-hint-date = A date: 2026-03-01 or 01.03.2026.
interview-hint-date-or-open = A date: 2026-03-01 or 01.03.2026. No end date: open.
interview-hint-choice = Type the number or the words.
interview-hint-yes-no = yes or no
interview-hint-text = A few words, such as builder or nurse.
interview-hint-count = A number: 0 if nobody.
interview-hint-always = ? if you do not know · back to change your last answer

## What the interview says as it goes, and when it saves the plan

interview-left-unknown = Left unknown: the plan will say what it would change.
interview-undone = Your last answer is undone.
interview-done = That is all we need to ask. Here is your plan.
interview-ran-out = No more answers to read: what was not answered is left unknown. Here is your plan.
interview-save = Save this plan to a file? Type the number of a format, or press Enter to finish.
interview-format-text = text
interview-format-markdown = Markdown, for case notes
interview-format-json = JSON, as data
interview-format-ics = calendar (iCalendar), to import the dates
interview-format-html = web page (HTML), to print or to turn into a PDF
interview-file-name = File name (press Enter for { $default }):
interview-saved = The plan is saved in { $file }.
interview-not-saved = The plan is not saved.
