# The report in English: its headings, sentences and the words around them.

## The language

language-name = English
