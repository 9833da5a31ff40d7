# Отчёт по-русски: его заголовки и постоянные слова, собственные слова
# отчёта в Markdown, календаря, страницы для печати и хронологии,
# сведения о человеке, даты и ссылки на источники. Сообщение с
# аргументами — целая фраза; программа ставит значение на место аргумента
# (и экранирует или выделяет его, как нужно формату). `{"\u00A0"}` —
# неразрывный пробел: он не отрывает число от существительного, год от «г.».

## Язык

language-name = Русский

## Текстовый отчёт

report-title = Права и обязанности
# После заголовка, когда у профиля есть номер.
report-title-for = { $title } — { $id }
# $host: название государства трудоустройства и его код, «Казахстан (KZ)».
report-host-line = Государство трудоустройства: { $host } · дата оценки: { $date }
report-covered = РАСПРОСТРАНЯЕТСЯ: вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — { $host }.
report-not-covered = НЕ РАСПРОСТРАНЯЕТСЯ: правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — { $host }.
report-undetermined = НЕ ОПРЕДЕЛЕНО: чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.
report-first = ЧТО СДЕЛАТЬ В ПЕРВУЮ ОЧЕРЕДЬ
report-may-do = ЧТО ВЫ МОЖЕТЕ
report-must-do = ЧТО ВЫ ДОЛЖНЫ СДЕЛАТЬ И В КАКОЙ СРОК
report-already-done = УЖЕ СДЕЛАНО
report-done-note = Вы сообщили, что это сделано. Сохраните документ, который это подтверждает.
report-good-to-know = ПОЛЕЗНО ЗНАТЬ
report-still-need = ЧТО НАМ ЕЩЁ НУЖНО ЗНАТЬ
report-does-not-apply = ЧТО К ВАМ НЕ ПРИМЕНЯЕТСЯ И ПОЧЕМУ
report-does-not-apply-brief = ЧТО К ВАМ НЕ ПРИМЕНЯЕТСЯ
report-not-assessed = НЕ ОЦЕНЕНО: ПРАВИЛ ТОГО ВРЕМЕНИ НЕТ В ЭТОЙ ПРОГРАММЕ
report-assumptions = ДОПУЩЕНИЯ (исправьте то, что неверно)
report-because = потому что { $reason }
# Заменяет причины, которые уже названы в разделе о статусе.
report-status-reasons-above = выполнены условия статуса, указанные выше
report-ruled-out-by-status = Из-за вашего статуса (см. выше) к вам не применяется ничего из перечисленного:
report-status-explains-below = Права и обязанности ниже относятся к вам из-за этого статуса, если у них не указаны другие причины.
report-status-brief = Права и обязанности ниже следуют из этого статуса и сведений, которые вы сообщили.
report-where = Где и как: { $guide }
report-if-missed = Иначе: { $guide }
report-guide-sources = Источники сведений «Где и как» и «Иначе»:
report-national-rule = Национальное правило
report-implementing = реализует
report-limiting = ограничивает
report-quoted = «{ $title }»
report-note = Примечание: { $note }
report-partly-verified = проверено частично: уточните у юриста или в миграционной службе
report-unverified = не проверено: уточните у юриста или в миграционной службе
report-source = Источник: { $source }
report-read-it = Текст:
report-rules = Правила: { $version }
# После источника: идентификатор правила.
report-rule = правило { $rule }

## От чего зависит ответ: «от ответа зависит: ваш статус и ещё 16 положений»

report-decides = от ответа зависит
report-decides-status = ваш статус
report-decides-status-and = ваш статус и ещё { $provisions }
report-provisions = { $count }{"\u00A0"}{ $count ->
    [one] положение
    [few] положения
    [many] положений
   *[other] положения
}

## Даты положения

report-until = по
report-by = не позднее
report-ended-on = окончен
report-already-passed = срок истёк

## Ссылки на источник: документ, затем статья и пункт

cite-article = { $instrument }, ст. { $article }
cite-article-paragraph = { $instrument }, ст. { $article }, п. { $paragraph }
cite-article-paragraphs = { $instrument }, ст. { $article }, пп. { $first }-{ $last }
cite-paragraph = { $instrument }, п. { $paragraph }
cite-paragraphs = { $instrument }, пп. { $first }-{ $last }

## Даты для читателя: «30 марта 2026 г., понедельник», «через 10 дней».
## Названия месяцев (в родительном падеже) и дней недели — из CLDR
## (их даёт программа).

date-long = { $day } { $month } { $year }{"\u00A0"}г., { $weekday }
# Дата как сведение, без дня недели.
date-plain = { $day } { $month } { $year }{"\u00A0"}г.
date-today = сегодня
date-tomorrow = завтра
date-yesterday = вчера
date-ahead = через { $days }
date-behind = { $days } назад
date-days = { $count }{"\u00A0"}{ $count ->
    [one] день
    [few] дня
    [many] дней
   *[other] дня
}

## Отчёт в Markdown

md-first = Что сделать в первую очередь
# $host: название государства трудоустройства и его код.
md-title = Права и обязанности: { $host }, по состоянию на { $date }
md-profile = Профиль: { $id }
md-status = Статус
md-must-do = Что вы должны сделать и в какой срок
md-already-done = Уже сделано
md-may-do = Что вы можете
md-good-to-know = Полезно знать
md-still-need = Что нам ещё нужно знать
md-does-not-apply = Что к вам не применяется
md-not-assessed = Не оценено: правил того времени нет в этой программе
md-assumptions = Допущения (исправьте то, что неверно)
md-covered = **Распространяется:** вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — { $host }.
md-not-covered = **Не распространяется:** правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — { $host }.
md-undetermined = **Не определено:** чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.
md-done-note = вы сообщили, что это сделано. Сохраните документ, который это подтверждает.
md-decides = От ответа зависит: { $what }

## Календарь

ics-no-dates = В этом отчёте нет сроков и дат окончания начиная с { $date }
ics-from-for = Из отчёта «{ $id }» по состоянию на { $date }.
ics-from = Из отчёта по состоянию на { $date }.

## Страница для печати

html-details = Сведения о вас
html-details-note = Отчёт основан на этих сведениях. Если какие-то из них неверны, отчёт тоже может быть неверным.
html-covered-name = Распространяется
html-covered = вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — { $host }.
html-not-covered-name = Не распространяется
html-not-covered = правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — { $host }.
html-undetermined-name = Не определено
html-undetermined = чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.
html-other-reasons = По другим причинам к вам не применяются:

## Сведения о человеке: их названия и слова их значений

fact-citizenship = Гражданство
fact-host = Государство трудоустройства
fact-entry = Дата въезда
fact-contract = Договор
fact-contract-start = Дата начала договора
fact-contract-end = Дата окончания договора
fact-terminated = Дата досрочного расторжения договора
fact-occupation = Род занятий
fact-registered = Регистрация в миграционном органе
fact-permanent-resident = Вид на жительство
fact-family = Члены семьи
fact-member = Член семьи { $number }
fact-as-of = Дата оценки
fact-not-known = нет сведений
fact-yes = есть
fact-no = нет
fact-has = есть
fact-has-not = нет
fact-no-family = нет
fact-stateless = нет (лицо без гражданства)
fact-open-ended = бессрочный
fact-kind-employment = трудовой договор
fact-kind-civil-law = гражданско-правовой договор (о выполнении работ или оказании услуг)
fact-kind-none = нет договора
fact-relation-child = ребёнок
fact-relation-spouse = супруг(а)
fact-relation-parent = родитель
fact-relation-sibling = брат или сестра
fact-relation-dependant = иждивенец
fact-relation-other = другой родственник
fact-relation-not-known = кем приходится — нет сведений
# Член семьи: кем приходится, дата рождения, гражданство.
fact-member-value = { $relation }; дата рождения: { $born }; гражданство: { $citizenship }

## Хронология пребывания

timeline-title = Хронология вашего пребывания
timeline-span = Дни с { $first } по { $last }, в которые меняются ваши права и обязанности, если сведения, которые вы сообщили, не изменятся.
# $tail, $cap: число лет («2 года»).
timeline-bound = Хронология заканчивается через { $tail } после более поздней из двух дат — даты оценки или даты окончания договора, но не позже чем через { $cap } после даты оценки.
timeline-years = { $count }{"\u00A0"}{ $count ->
    [one] год
    [few] года
    [many] лет
   *[other] года
}
timeline-day-of-stay = { $day }-й день пребывания
timeline-status-is = Ваш статус: { $status }
timeline-status-becomes = Ваш статус меняется: { $status }
timeline-covered = вы — трудящийся государства-члена ЕАЭС; государство трудоустройства — { $host }.
timeline-not-covered = правила ЕАЭС для трудящихся к вам не применяются; государство трудоустройства — { $host }.
timeline-undetermined = чтобы сказать, применяются ли к вам правила ЕАЭС для трудящихся, нужны дополнительные сведения.
timeline-apply-at-start = В этот день к вам применяется:
timeline-open-at-start = В этот день может применяться (это зависит от сведений, которые вы не сообщили):
timeline-starts = С этого дня к вам применяется:
timeline-stops = С этого дня к вам больше не применяется:
timeline-ruled-out = С этого дня к вам не применяется:
timeline-open = С этого дня может применяться (это зависит от сведений, которые вы не сообщили):
timeline-not-assessed = Не оценено: правил того времени нет в этой программе:
timeline-due = Это последний день срока:
timeline-overdue = Срок истёк:
timeline-passed = Эта дата прошла:
timeline-moved = С этого дня новые даты:
# Счёт 90/180. $window: число дней («180 дней»).
timeline-count = Если у вас нет разрешения на временное проживание или визы: вы находились в государстве трудоустройства ({ $host }) { $days } из последних { $window }, если были там каждый день с въезда (день въезда считается). Предел — { $limit }.
timeline-ics-nothing = В этой хронологии нет изменений после { $date }.
timeline-ics-from-for = Из хронологии «{ $id }» по состоянию на { $date }.
timeline-ics-from = Из хронологии по состоянию на { $date }.
# После первого изменения дня в названии события, когда их больше.
timeline-more = и ещё { $count }
