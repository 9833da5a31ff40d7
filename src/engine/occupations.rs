//! Classifying a job title into a kind of work, by the pack's `occupations`
//! table (see `docs/rule-language.md`).
//!
//! The Treaty (Art. 97(3)) speaks of an activity (teaching, legal, medical,
//! pharmaceutical), while people give a job title ("doctor", "врач",
//! "school teacher"). The table maps titles to categories; a title it
//! cannot place, or places in two categories, or that is ambiguous by
//! nature (a nanny), stays unclassified, so the report asks instead of
//! guessing.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// One word of a table entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Word {
    /// The title's word must be exactly this.
    Exact(String),
    /// The title's word must start with this (`учител*`).
    Stem(String),
}

impl Word {
    fn matches(&self, word: &str) -> bool {
        match self {
            Word::Exact(w) => w == word,
            Word::Stem(s) => word.starts_with(s.as_str()),
        }
    }

    fn text(&self) -> &str {
        match self {
            Word::Exact(w) | Word::Stem(w) => w,
        }
    }
}

/// Where a table entry puts a title.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A category, by its index in the table's categories.
    Category(usize),
    /// No category: the title alone does not tell (it depends on the duties).
    Ambiguous,
}

/// The fewest letters a stem may have before its `*`: a shorter one
/// (`вр*`) would match far too many words.
pub(crate) const MIN_STEM: usize = 3;

/// The pack's table of job titles, ready to classify.
#[derive(Debug, Clone)]
pub(crate) struct Occupations {
    categories: Vec<String>,
    entries: Vec<(Vec<Word>, Class)>,
    /// Entries by their first word, when it is exact.
    by_word: Index,
    /// Entries by the first [`MIN_STEM`] letters of their first word, when
    /// it is a stem: a title's word then needs one look-up for every stem
    /// it may start with, not one per prefix.
    by_stem: Index,
}

/// Entry numbers by a word. FNV hashing, not the default SipHash: the keys
/// are the pack's own words, fixed when it loads, so a title can only look
/// them up, never crowd one bucket; and a short word hashes several times
/// faster, which is most of classifying a title.
type Index = HashMap<String, Vec<usize>, BuildHasherDefault<Fnv>>;

/// The 64-bit FNV-1a hash.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl Occupations {
    /// A table from its categories and its entries (checked by the loader:
    /// normalised words, stems of at least [`MIN_STEM`] letters, category
    /// indices in range).
    pub(crate) fn new(categories: Vec<String>, entries: Vec<(Vec<Word>, Class)>) -> Self {
        let mut by_word = Index::default();
        let mut by_stem = Index::default();
        for (i, (words, _)) in entries.iter().enumerate() {
            match words.first() {
                Some(Word::Exact(w)) => by_word.entry(w.clone()).or_default().push(i),
                Some(Word::Stem(s)) => {
                    if let Some(key) = stem_key(s) {
                        by_stem.entry(key.to_owned()).or_default().push(i);
                    }
                }
                None => {}
            }
        }
        Occupations {
            categories,
            entries,
            by_word,
            by_stem,
        }
    }

    /// The category names, in the pack's order.
    #[cfg(test)]
    pub(crate) fn categories(&self) -> &[String] {
        &self.categories
    }

    /// A category's name by its index.
    pub(crate) fn category(&self, index: usize) -> Option<&String> {
        self.categories.get(index)
    }

    /// The category of an occupation (a category name or a job title), by
    /// its index; `None` when the table cannot tell: no entry matches,
    /// entries of two categories match ("driver for a doctor"), or an
    /// ambiguous entry matches.
    pub(crate) fn classify(&self, title: &str) -> Option<usize> {
        // Titles are short (at most 200 bytes), so the words are split again
        // where needed rather than collected: classifying then allocates
        // nothing for a title already in normal form.
        let normal = normalise(title);
        if let Some(i) = self.categories.iter().position(|c| **c == *normal) {
            return Some(i);
        }
        let words = || normal.split(' ');
        let mut found = None;
        for (at, word) in words().enumerate() {
            for &entry in self.candidates(word) {
                let Some((entry_words, class)) = self.entries.get(entry) else {
                    continue;
                };
                if !matches_from(entry_words, words().skip(at)) {
                    continue;
                }
                match (class, found) {
                    (Class::Ambiguous, _) => return None,
                    (Class::Category(c), Some(f)) if *c != f => return None,
                    (Class::Category(c), _) => found = Some(*c),
                }
            }
        }
        found
    }

    /// The entries whose first word may match `word`: by the whole word,
    /// and by the stems that share its first letters (the caller checks
    /// that the stem is a prefix of the word).
    fn candidates<'s>(&'s self, word: &str) -> impl Iterator<Item = &'s usize> {
        let exact = self.by_word.get(word).map_or(&[][..], Vec::as_slice);
        let stems = stem_key(word)
            .and_then(|key| self.by_stem.get(key))
            .map_or(&[][..], Vec::as_slice);
        exact.iter().chain(stems)
    }
}

/// The first [`MIN_STEM`] letters of a word; `None` for a shorter word.
fn stem_key(word: &str) -> Option<&str> {
    let (i, ch) = word.char_indices().nth(MIN_STEM.checked_sub(1)?)?;
    word.get(..i.saturating_add(ch.len_utf8()))
}

/// Whether an entry's words are the first words of `words`.
fn matches_from<'w>(entry: &[Word], mut words: impl Iterator<Item = &'w str>) -> bool {
    entry
        .iter()
        .all(|e| words.next().is_some_and(|w| e.matches(w)))
}

/// A title as the table matches it: lower case, `ё` read as `е`, and every
/// character that is not a letter or digit a space (so "Врач-терапевт"
/// reads as the two words "врач терапевт"); the words are joined by single
/// spaces. Borrowed when the title is already so: the profile gives it
/// trimmed and in lower case, and most titles are plain ASCII words.
pub(crate) fn normalise(text: &str) -> Cow<'_, str> {
    let plain = text
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b' ');
    if plain && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  ") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    // Whether a space is due before the next letter or digit.
    let mut gap = false;
    for ch in text.to_lowercase().chars() {
        if !ch.is_alphanumeric() {
            gap = !out.is_empty();
            continue;
        }
        if gap {
            out.push(' ');
            gap = false;
        }
        out.push(if ch == 'ё' { 'е' } else { ch });
    }
    Cow::Owned(out)
}

/// What is wrong with an entry of the table, as data: the compiler, which
/// speaks to the pack's authors, puts it into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EntryError {
    /// A word with something other than letters and digits, or a `*`
    /// inside it.
    NotAWord(String),
    /// A stem shorter than `MIN_STEM` letters.
    StemTooShort(String),
    /// No word at all.
    Empty,
}

/// An entry of the table as written, in words; or what is wrong with it.
pub(crate) fn parse_entry(text: &str) -> Result<Vec<Word>, EntryError> {
    let lower: String = text
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    let mut words = Vec::new();
    for raw in lower.split_whitespace() {
        let (stem, is_stem) = match raw.strip_suffix('*') {
            Some(s) => (s, true),
            None => (raw, false),
        };
        if stem.is_empty() || !stem.chars().all(char::is_alphanumeric) {
            return Err(EntryError::NotAWord(raw.to_owned()));
        }
        if is_stem && stem.chars().count() < MIN_STEM {
            return Err(EntryError::StemTooShort(raw.to_owned()));
        }
        words.push(if is_stem {
            Word::Stem(stem.to_owned())
        } else {
            Word::Exact(stem.to_owned())
        });
    }
    if words.is_empty() {
        return Err(EntryError::Empty);
    }
    Ok(words)
}

/// An entry's words as text, the way it was (normalised) written: for
/// finding an entry listed twice.
pub(crate) fn entry_text(words: &[Word]) -> String {
    let parts: Vec<String> = words
        .iter()
        .map(|w| match w {
            Word::Exact(_) => w.text().to_owned(),
            Word::Stem(_) => format!("{}*", w.text()),
        })
        .collect();
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small table, independent of the default pack.
    fn table() -> Occupations {
        let cats = ["medical", "pedagogical", "other"]
            .map(String::from)
            .to_vec();
        let entries = [
            ("doctor*", Class::Category(0)),
            ("врач*", Class::Category(0)),
            ("медицинск* сестр*", Class::Category(0)),
            ("school teacher*", Class::Category(1)),
            ("учител*", Class::Category(1)),
            ("driver*", Class::Category(2)),
            ("nann*", Class::Ambiguous),
        ]
        .into_iter()
        .map(|(e, c)| parse_entry(e).map(|w| (w, c)))
        .collect::<Result<Vec<_>, _>>()
        .unwrap();
        Occupations::new(cats, entries)
    }

    fn name(t: &Occupations, title: &str) -> Option<String> {
        t.classify(title).and_then(|i| t.category(i).cloned())
    }

    #[test]
    fn matches_words_stems_and_phrases() {
        let t = table();
        assert_eq!(name(&t, "Doctor").as_deref(), Some("medical"));
        assert_eq!(name(&t, "doctors").as_deref(), Some("medical"));
        assert_eq!(name(&t, "Врач-терапевт").as_deref(), Some("medical"));
        assert_eq!(name(&t, "медицинская сестра").as_deref(), Some("medical"));
        assert_eq!(name(&t, "school teachers").as_deref(), Some("pedagogical"));
        assert_eq!(name(&t, "учительница").as_deref(), Some("pedagogical"));
        // The words of a phrase must be consecutive and complete.
        assert_eq!(name(&t, "teacher"), None);
        assert_eq!(name(&t, "сестра медицинская"), None);
        // An exact word is not a stem: "doc" is not "doctor".
        assert_eq!(name(&t, "doc"), None);
    }

    #[test]
    fn a_stem_matches_the_word_itself_and_longer_ones() {
        let entries = vec![
            (parse_entry("ИТ*").map_err(|_| ()), Class::Category(0)),
            (parse_entry("абв*").map_err(|_| ()), Class::Category(0)),
            (parse_entry("абвгд* е").map_err(|_| ()), Class::Category(0)),
        ];
        // `ит*` is too short to be a stem; the others load.
        assert!(entries[0].0.is_err());
        let entries = entries
            .into_iter()
            .filter_map(|(e, c)| Some((e.ok()?, c)))
            .collect();
        let t = Occupations::new(vec!["x".to_owned()], entries);
        assert_eq!(t.classify("абв"), Some(0));
        assert_eq!(t.classify("абвгдеж"), Some(0));
        assert_eq!(t.classify("аб"), None);
        assert_eq!(t.classify("абвгдё е"), Some(0));
    }

    #[test]
    fn category_names_classify_as_themselves() {
        let t = table();
        assert_eq!(name(&t, "medical").as_deref(), Some("medical"));
        assert_eq!(name(&t, " Other ").as_deref(), Some("other"));
    }

    #[test]
    fn two_categories_or_an_ambiguous_title_stay_unknown() {
        let t = table();
        assert_eq!(name(&t, "driver for a doctor"), None);
        assert_eq!(name(&t, "nanny"), None);
        assert_eq!(name(&t, "nanny and doctor"), None);
        assert_eq!(name(&t, "xyzzy"), None);
        assert_eq!(name(&t, ""), None);
        assert_eq!(name(&t, "--"), None);
        // Two entries of one category agree.
        assert_eq!(name(&t, "doctor, врач").as_deref(), Some("medical"));
    }

    #[test]
    fn normalises_case_yo_and_punctuation() {
        assert_eq!(normalise("Ёлка-2, ОК!"), "елка 2 ок");
        assert_eq!(normalise("  school   teacher "), "school teacher");
        assert!(matches!(normalise("school teacher"), Cow::Borrowed(_)));
        assert_eq!(normalise("MÉDECIN"), "médecin");
    }

    #[test]
    fn entries_are_checked() {
        assert_eq!(
            parse_entry("Учител*"),
            Ok(vec![Word::Stem("учител".into())])
        );
        assert!(parse_entry("  ").is_err());
        assert_eq!(
            parse_entry("вр*"),
            Err(EntryError::StemTooShort("вр*".into()))
        );
        assert_eq!(
            parse_entry("тренер-преподаватель"),
            Err(EntryError::NotAWord("тренер-преподаватель".into()))
        );
        assert!(parse_entry("do*ctor").is_err());
        assert!(parse_entry("*").is_err());
        assert_eq!(
            entry_text(&parse_entry("медицинск*  Сестр*").unwrap()),
            "медицинск* сестр*"
        );
    }

    /// The default pack's table, on the titles of issue 9 and of the
    /// reference (section 5.2).
    #[test]
    fn the_default_table_classifies_common_titles() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = pack.occupations.as_ref().unwrap();
        let cases = [
            ("doctor", Some("medical")),
            ("Doctor", Some("medical")),
            ("врач", Some("medical")),
            ("врача", Some("medical")),
            ("Врач-терапевт", Some("medical")),
            ("медсестра", Some("medical")),
            ("медицинская сестра", Some("medical")),
            ("nurse", Some("medical")),
            ("school teacher", Some("pedagogical")),
            ("teachers", Some("pedagogical")),
            ("учительница", Some("pedagogical")),
            ("воспитатель", Some("pedagogical")),
            ("провизор", Some("pharmaceutical")),
            ("pharmacist", Some("pharmaceutical")),
            ("фармацевт", Some("pharmaceutical")),
            ("lawyer", Some("legal")),
            ("юрист", Some("legal")),
            ("адвокат", Some("legal")),
            ("нотариус", Some("legal")),
            ("construction", Some("other")),
            ("builder", Some("other")),
            ("строитель", Some("other")),
            ("водитель", Some("other")),
            ("driver", Some("other")),
            ("pedagogical", Some("pedagogical")),
            ("legal", Some("legal")),
            ("medical", Some("medical")),
            ("pharmaceutical", Some("pharmaceutical")),
            ("other", Some("other")),
            ("driver for a doctor", None),
            ("nanny", None),
            ("няня", None),
            ("санитарка", None),
            ("тренер-преподаватель", None),
            ("xyzzy", None),
        ];
        for (title, want) in cases {
            let got = t.classify(title).and_then(|i| t.category(i));
            assert_eq!(got.map(String::as_str), want, "{title}");
        }
    }

    /// Every occupation the fixtures, the generators and the case files
    /// use as ordinary work is in the `other` list, so their reports keep
    /// deciding the recognition rules.
    #[test]
    fn the_default_table_knows_the_test_data_occupations() {
        let pack = crate::rules::embedded_pack().unwrap();
        let t = pack.occupations.as_ref().unwrap();
        let other = t.categories().iter().position(|c| c == "other");
        for title in [
            "accounting",
            "agricultural machinery repair",
            "agriculture",
            "bus driving",
            "catering",
            "cleaning",
            "construction",
            "cooking",
            "domestic work",
            "driver",
            "electrical installation",
            "hospitality",
            "hotel housekeeping",
            "household",
            "household work",
            "it",
            "jewellery making",
            "logistics",
            "manufacturing",
            "mechanical engineering",
            "oil and gas engineering",
            "plumbing",
            "retail",
            "sewing",
            "software",
            "software development",
            "trade",
            "truck driving",
            "warehouse work",
            "welding",
        ] {
            assert_eq!(t.classify(title), other, "{title}");
        }
    }
}
