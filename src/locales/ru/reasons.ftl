# Предложения, которыми отчёт объясняет причины, и допущения, на которые
# опирается профиль. Каждое предложение сообщает факт («вид договора:
# гражданско-правовой договор, а не трудовой договор»), поэтому читается
# верно, как бы ни решилось условие. Аргументы задаёт код
# (src/report/wording/sentences/): значения — в словах values.ftl (в
# именительном падеже), даты — в ISO (2026-03-30); перевод должен сохранить
# каждое сообщение и может использовать любые его аргументы. Цитируемое
# остаётся в именительном падеже: «A раньше, чем B», «A и B совпадают».

## Сравнения известных значений

# Сведение, сравниваемое со значением из правила: $what — сведение,
# $value — его значение, $other — значение из правила.
reason-fact-is = { $what }: { $value }
reason-fact-is-not = { $what }: { $value }, а не { $other }
# Сравнение двух значений ($left, $right); $relation: same, not-same,
# before, on-or-after, on-or-before, after (даты), less, at-least, at-most,
# more (числа).
reason-compare = { $relation ->
        [same] { $left } и { $right } совпадают
        [not-same] { $left } и { $right } не совпадают
        [before] { $left } раньше, чем { $right }
        [on-or-after] { $left } не раньше, чем { $right }
        [on-or-before] { $left } не позже, чем { $right }
        [after] { $left } позже, чем { $right }
        [less] { $left } меньше, чем { $right }
        [at-least] { $left } не меньше, чем { $right }
        [at-most] { $left } не больше, чем { $right }
       *[more] { $left } больше, чем { $right }
    }
# Сравнение с неизвестной датой ($field), которое решает то, что
# гарантирует профиль: $guarantee (entry-not-after, start-not-after,
# end-not-before) с датой $date; затем как соотносятся $left и $right
# ($relation: before, on-or-before, after, on-or-after, same, not-same).
# Каждая гарантия — о дате, поэтому «неизвестна» и «она».
reason-settled = { $field } неизвестна, но она { $guarantee ->
        [entry-not-after] не может быть позже даты оценки ({ $date })
        [start-not-after] не может быть позже окончания или досрочного расторжения договора ({ $date })
       *[end-not-before] не может быть раньше начала договора ({ $date }), если только договор не бессрочный
    }; в любом случае { $relation ->
        [before] { $left } раньше, чем { $right }
        [on-or-before] { $left } не позже, чем { $right }
        [after] { $left } позже, чем { $right }
        [on-or-after] { $left } не раньше, чем { $right }
        [same] { $left } и { $right } совпадают
       *[not-same] { $left } и { $right } не совпадают
    }

## Вхождение в перечни

# $who входит (или нет: $found — yes или no) в $what; $source: literal
# (значения перечислены в правиле), named (именованный перечень, $what —
# его подпись) или list (список из профиля, $what — его описание).
reason-within = { $source ->
        [literal] { $who } { $found ->
            [yes] входит
           *[no] не входит
        } в перечень: { $what }
        [named] { $what }: { $who } { $found ->
            [yes] входит
           *[no] не входит
        } в этот перечень
       *[list] { $who } { $found ->
            [yes] входит
           *[no] не входит
        } в перечень «{ $what }»
    }
# $who в перечне с датами ($label, в творительном падеже: он стоит после
# «является») на день $day. $state: since (входит с $from), is (входит),
# not-yet (входит только с $next), stopped (с $to больше не входит), not
# (не входит).
reason-membership = { $state ->
        [since] { $who } является { $label } с { $from }
        [is] { $who } является { $label }
        [not-yet] { $who } на { $day } ещё не является { $label }: это так только с { $next }
        [stopped] { $who } с { $to } больше не является { $label }
       *[not] { $who } не является { $label }
    }
# Чем значение является вместо этого ($state: since, is) — после
# вхождения, которое не выполнено.
reason-membership-also = { $state ->
        [since] является { $label } с { $from }
       *[is] является { $label }
    }
# Невыполненное вхождение ($base) и чем значение является вместо этого
# ($also — предложения reason-membership-also через разделитель).
reason-membership-otherwise = { $base }, но { $also }
reason-membership-also-separator = {" и "}

## Сведения, которых может не быть, пустые списки, сведения «да или нет»

reason-null-open-ended = договор бессрочный
reason-null-contract-ends = срок договора истекает { $value }
reason-null-not-terminated = договор не расторгнут досрочно
reason-null-ends-or-ended = договор прекращается (или прекратился) { $value }
reason-null-terminated-on = договор расторгнут досрочно { $value }
reason-null-field-not-set = { $field }: не указано
reason-null-field-is = { $field }: { $value }
reason-null-no-such-date = такой даты нет
reason-null-date-is = дата: { $value }
reason-empty-citizenship = у вас нет гражданства ни одного государства (вы — лицо без гражданства)
reason-empty-family = вы не указали ни одного члена семьи
reason-empty-member-citizenship = у члена семьи нет гражданства ни одного государства
reason-empty-list = список пуст
reason-registered-yes = вы уже зарегистрированы в миграционном органе
reason-registered-no = вы ещё не зарегистрированы в миграционном органе
reason-permanent-resident-yes = у вас есть вид на жительство государства трудоустройства
reason-permanent-resident-no = у вас нет вида на жительство государства трудоустройства
reason-field-is = { $field }: { $value }

## Сроки и даты

# На какой день приходится последний из $n дней, считая от $event ($last),
# и что даёт другой способ счёта ($other; none, если такого дня нет).
# $count-from: event-day (день события — первый день) или next-day.
reason-last-day = { $count-from ->
        [event-day] если считать первым днём сам день события ({ $event }), то { $n }-й день — { $last }; при отсчёте со следующего дня срок закончился бы на день позже{ $other ->
            [none] {""}
           *[other] {" "}({ $other })
        }
       *[next-day] если считать со дня, следующего за событием ({ $event }), то { $n }-й день — { $last }; если считать первым днём сам день события, срок закончился бы на день раньше{ $other ->
            [none] {""}
           *[other] {" "}({ $other })
        }
    }
# Событие, от которого считается срок: $what (описание) и дата $date.
reason-last-day-event = { $what }, { $date }
# Попадает ли дата, по которой датируется правило ($label, значение
# $event), в срок действия правила: $bound — from (правило вступило в силу
# $day) или to (его заменили $day); $truth: true, false или unknown.
reason-event = { $bound ->
        [from] { $truth ->
            [true] { $label } ({ $event }) — не раньше { $day }, когда эта норма вступила в силу
            [false] { $label } ({ $event }) — раньше { $day }, когда эта норма вступила в силу: к этому случаю применяются нормы, действующие на { $event }
           *[unknown] { $label }: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, действующая с { $day }
        }
       *[to] { $truth ->
            [true] { $label } ({ $event }) — раньше { $day }, когда эту норму заменили
            [false] { $label } ({ $event }) — не раньше { $day }, когда эту норму заменили: к этому случаю применяются нормы, действующие на { $event }
           *[unknown] { $label }: нет сведений, поэтому нельзя сказать, применяется ли к вам эта норма, которую заменили { $day }
        }
    }

## Нормы, которые не оцениваются

# Норма действует с $from по $last или только с $from; $day — дата оценки.
reason-not-in-force-ended = эта норма действовала с { $from } по { $last }; дата оценки { $day } — позже
reason-not-in-force-later = эта норма действует с { $from } по { $last }; дата оценки { $day } — раньше
reason-not-in-force-not-yet = эта норма действует с { $from }; дата оценки { $day } — раньше
# Норма учтена только с $from; $earlier — слова самой нормы о более ранних
# датах (может быть пусто).
reason-not-encoded = эта норма учтена здесь только с { $from }; дата оценки { $day } — раньше, поэтому норма не оценивается. { $earlier }
# Национальная норма другого государства трудоустройства: $host, $own
# (названия стран в именительном падеже).
reason-foreign-host = государство трудоустройства — { $host }, а не { $own }: национальные нормы, которые устанавливает { $own }, применяются только к работе в этом государстве
# Параметр ($label) известен только по $last: его последнее значение
# $value, действующее с $from, используется и позже.
reason-carried-forward = { $label }: в этом наборе правил значение есть только по { $last }; для более поздних дат используется последнее известное значение — { $value }, действующее с { $from }; проверьте текущее значение
reason-carried-missing = { $label }: в этом наборе правил нет значения на дату оценки

## Допущения, на которые опирается профиль

reason-assumed-as-of = оценка проведена на сегодняшний день, { $day }
# $host — название и код государства трудоустройства.
reason-assumed-host = предполагается, что государство трудоустройства — { $host }
reason-assumed-not-terminated = предполагается, что договор не был расторгнут досрочно
# $code — код государства трудоустройства.
reason-assumed-no-permanent-residence = предполагается, что у вас нет вида на жительство государства трудоустройства ({ $code })
