//! ISO 3166-1 alpha-2 country codes, with English and Russian short names.
//!
//! A [`Country`] can only hold one of the 249 officially assigned alpha-2
//! codes, not just the EAEU member states. Migrants and rules name every
//! kind of citizenship (Uzbekistan, Tajikistan, China, ...), so "not an
//! EAEU state" has to mean a real, non-member country. Checking against the
//! full list turns input such as `XX`, `XK` (user-assigned), `SU` or `YU`
//! (withdrawn) into an error at load time instead of letting it silently
//! count as "some other country".
//!
//! The English and Russian names are CLDR's region names, with CLDR's
//! abbreviations spelled out ("Saint Lucia", «Фарерские острова»), except
//! where `country/not_cldr.tsv` says why not (KG is «Кыргызстан» in
//! Russian); a test checks them against ICU4X's CLDR data. The ISO 3166-1
//! and ОКСМ (ОК (МК (ИСО 3166) 004-97) 025-2001) short names that differ
//! are accepted as input (`country/names.tsv`).
//!
//! People may name a country by its code or by its name in English or
//! Russian ([`Country::from_str`], with the other names people write in
//! `country/names.tsv`); rule files use codes only ([`Country::from_code`]).
//! Whichever way in, a country is always written out as its code.

#[cfg(test)]
mod cldr;
mod names;

use std::fmt;
use std::str::FromStr;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// An officially assigned ISO 3166-1 alpha-2 country code, stored upper case.
#[derive(Copy, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Country([u8; 2]);

/// Error for a text that is neither an officially assigned alpha-2 code
/// nor a country's name; it says what would be accepted, and the name
/// meant when one is close.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct UnknownCountry(pub String);

impl UnknownCountry {
    /// The name meant, when one is close enough to be a likely
    /// misspelling: the name as the table writes it, and its country.
    pub fn meant(&self) -> Option<(&'static str, Country)> {
        names::closest(&self.0).map(|name| (name.written, name.country))
    }
}

impl UnknownCountry {
    /// What is wrong, as a diagnostic's message.
    pub fn message(&self) -> crate::diagnostic::Message {
        crate::diagnostic::Message::UnknownCountry {
            text: self.0.clone(),
        }
    }

    /// The country meant, as a diagnostic's help. Suggesting costs a
    /// pass over every name: done only when asked.
    pub fn help(&self) -> Option<crate::diagnostic::Message> {
        self.meant()
            .map(|(name, code)| crate::diagnostic::Message::DidYouMeanCountry { name, code })
    }
}

impl fmt::Display for UnknownCountry {
    /// The message and its help in English, on one line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::report::Lang;
        f.write_str(&self.message().word(Lang::En))?;
        if let Some(help) = self.help() {
            write!(f, "; {}", help.word(Lang::En))?;
        }
        Ok(())
    }
}

/// One row of the code table.
struct Entry {
    /// Upper-case alpha-2 code.
    code: [u8; 2],
    /// English name (CLDR's).
    en: &'static str,
    /// Russian name (CLDR's).
    ru: &'static str,
}

impl Entry {
    const fn new(code: [u8; 2], en: &'static str, ru: &'static str) -> Self {
        Self { code, en, ru }
    }
}

/// Number of officially assigned ISO 3166-1 alpha-2 codes.
const COUNT: usize = 249;

/// All officially assigned codes, sorted by code (checked by a test).
static TABLE: [Entry; COUNT] = [
    Entry::new(*b"AD", "Andorra", "Андорра"),
    Entry::new(
        *b"AE",
        "United Arab Emirates",
        "Объединенные Арабские Эмираты",
    ),
    Entry::new(*b"AF", "Afghanistan", "Афганистан"),
    Entry::new(*b"AG", "Antigua and Barbuda", "Антигуа и Барбуда"),
    Entry::new(*b"AI", "Anguilla", "Ангилья"),
    Entry::new(*b"AL", "Albania", "Албания"),
    Entry::new(*b"AM", "Armenia", "Армения"),
    Entry::new(*b"AO", "Angola", "Ангола"),
    Entry::new(*b"AQ", "Antarctica", "Антарктида"),
    Entry::new(*b"AR", "Argentina", "Аргентина"),
    Entry::new(*b"AS", "American Samoa", "Американское Самоа"),
    Entry::new(*b"AT", "Austria", "Австрия"),
    Entry::new(*b"AU", "Australia", "Австралия"),
    Entry::new(*b"AW", "Aruba", "Аруба"),
    Entry::new(*b"AX", "Åland Islands", "Аландские острова"),
    Entry::new(*b"AZ", "Azerbaijan", "Азербайджан"),
    Entry::new(*b"BA", "Bosnia and Herzegovina", "Босния и Герцеговина"),
    Entry::new(*b"BB", "Barbados", "Барбадос"),
    Entry::new(*b"BD", "Bangladesh", "Бангладеш"),
    Entry::new(*b"BE", "Belgium", "Бельгия"),
    Entry::new(*b"BF", "Burkina Faso", "Буркина-Фасо"),
    Entry::new(*b"BG", "Bulgaria", "Болгария"),
    Entry::new(*b"BH", "Bahrain", "Бахрейн"),
    Entry::new(*b"BI", "Burundi", "Бурунди"),
    Entry::new(*b"BJ", "Benin", "Бенин"),
    Entry::new(*b"BL", "Saint Barthélemy", "Сен-Бартелеми"),
    Entry::new(*b"BM", "Bermuda", "Бермудские острова"),
    Entry::new(*b"BN", "Brunei", "Бруней"),
    Entry::new(*b"BO", "Bolivia", "Боливия"),
    Entry::new(
        *b"BQ",
        "Caribbean Netherlands",
        "Бонэйр, Синт-Эстатиус и Саба",
    ),
    Entry::new(*b"BR", "Brazil", "Бразилия"),
    Entry::new(*b"BS", "Bahamas", "Багамы"),
    Entry::new(*b"BT", "Bhutan", "Бутан"),
    Entry::new(*b"BV", "Bouvet Island", "Остров Буве"),
    Entry::new(*b"BW", "Botswana", "Ботсвана"),
    Entry::new(*b"BY", "Belarus", "Беларусь"),
    Entry::new(*b"BZ", "Belize", "Белиз"),
    Entry::new(*b"CA", "Canada", "Канада"),
    Entry::new(*b"CC", "Cocos (Keeling) Islands", "Кокосовые острова"),
    Entry::new(
        *b"CD",
        "Congo, Democratic Republic of the",
        "Конго, Демократическая Республика",
    ),
    Entry::new(
        *b"CF",
        "Central African Republic",
        "Центрально-Африканская Республика",
    ),
    Entry::new(*b"CG", "Congo", "Конго"),
    Entry::new(*b"CH", "Switzerland", "Швейцария"),
    Entry::new(*b"CI", "Côte d’Ivoire", "Кот-д’Ивуар"),
    Entry::new(*b"CK", "Cook Islands", "Острова Кука"),
    Entry::new(*b"CL", "Chile", "Чили"),
    Entry::new(*b"CM", "Cameroon", "Камерун"),
    Entry::new(*b"CN", "China", "Китай"),
    Entry::new(*b"CO", "Colombia", "Колумбия"),
    Entry::new(*b"CR", "Costa Rica", "Коста-Рика"),
    Entry::new(*b"CU", "Cuba", "Куба"),
    Entry::new(*b"CV", "Cape Verde", "Кабо-Верде"),
    Entry::new(*b"CW", "Curaçao", "Кюрасао"),
    Entry::new(*b"CX", "Christmas Island", "Остров Рождества"),
    Entry::new(*b"CY", "Cyprus", "Кипр"),
    Entry::new(*b"CZ", "Czechia", "Чехия"),
    Entry::new(*b"DE", "Germany", "Германия"),
    Entry::new(*b"DJ", "Djibouti", "Джибути"),
    Entry::new(*b"DK", "Denmark", "Дания"),
    Entry::new(*b"DM", "Dominica", "Доминика"),
    Entry::new(*b"DO", "Dominican Republic", "Доминиканская Республика"),
    Entry::new(*b"DZ", "Algeria", "Алжир"),
    Entry::new(*b"EC", "Ecuador", "Эквадор"),
    Entry::new(*b"EE", "Estonia", "Эстония"),
    Entry::new(*b"EG", "Egypt", "Египет"),
    Entry::new(*b"EH", "Western Sahara", "Западная Сахара"),
    Entry::new(*b"ER", "Eritrea", "Эритрея"),
    Entry::new(*b"ES", "Spain", "Испания"),
    Entry::new(*b"ET", "Ethiopia", "Эфиопия"),
    Entry::new(*b"FI", "Finland", "Финляндия"),
    Entry::new(*b"FJ", "Fiji", "Фиджи"),
    Entry::new(*b"FK", "Falkland Islands", "Фолклендские острова"),
    Entry::new(*b"FM", "Micronesia", "Федеративные Штаты Микронезии"),
    Entry::new(*b"FO", "Faroe Islands", "Фарерские острова"),
    Entry::new(*b"FR", "France", "Франция"),
    Entry::new(*b"GA", "Gabon", "Габон"),
    Entry::new(*b"GB", "United Kingdom", "Великобритания"),
    Entry::new(*b"GD", "Grenada", "Гренада"),
    Entry::new(*b"GE", "Georgia", "Грузия"),
    Entry::new(*b"GF", "French Guiana", "Французская Гвиана"),
    Entry::new(*b"GG", "Guernsey", "Гернси"),
    Entry::new(*b"GH", "Ghana", "Гана"),
    Entry::new(*b"GI", "Gibraltar", "Гибралтар"),
    Entry::new(*b"GL", "Greenland", "Гренландия"),
    Entry::new(*b"GM", "Gambia", "Гамбия"),
    Entry::new(*b"GN", "Guinea", "Гвинея"),
    Entry::new(*b"GP", "Guadeloupe", "Гваделупа"),
    Entry::new(*b"GQ", "Equatorial Guinea", "Экваториальная Гвинея"),
    Entry::new(*b"GR", "Greece", "Греция"),
    Entry::new(
        *b"GS",
        "South Georgia and South Sandwich Islands",
        "Южная Георгия и Южные Сандвичевы острова",
    ),
    Entry::new(*b"GT", "Guatemala", "Гватемала"),
    Entry::new(*b"GU", "Guam", "Гуам"),
    Entry::new(*b"GW", "Guinea-Bissau", "Гвинея-Бисау"),
    Entry::new(*b"GY", "Guyana", "Гайана"),
    Entry::new(*b"HK", "Hong Kong", "Гонконг"),
    Entry::new(
        *b"HM",
        "Heard Island and McDonald Islands",
        "Острова Херд и Макдональд",
    ),
    Entry::new(*b"HN", "Honduras", "Гондурас"),
    Entry::new(*b"HR", "Croatia", "Хорватия"),
    Entry::new(*b"HT", "Haiti", "Гаити"),
    Entry::new(*b"HU", "Hungary", "Венгрия"),
    Entry::new(*b"ID", "Indonesia", "Индонезия"),
    Entry::new(*b"IE", "Ireland", "Ирландия"),
    Entry::new(*b"IL", "Israel", "Израиль"),
    Entry::new(*b"IM", "Isle of Man", "Остров Мэн"),
    Entry::new(*b"IN", "India", "Индия"),
    Entry::new(
        *b"IO",
        "British Indian Ocean Territory",
        "Британская территория в Индийском океане",
    ),
    Entry::new(*b"IQ", "Iraq", "Ирак"),
    Entry::new(*b"IR", "Iran", "Иран"),
    Entry::new(*b"IS", "Iceland", "Исландия"),
    Entry::new(*b"IT", "Italy", "Италия"),
    Entry::new(*b"JE", "Jersey", "Джерси"),
    Entry::new(*b"JM", "Jamaica", "Ямайка"),
    Entry::new(*b"JO", "Jordan", "Иордания"),
    Entry::new(*b"JP", "Japan", "Япония"),
    Entry::new(*b"KE", "Kenya", "Кения"),
    Entry::new(*b"KG", "Kyrgyzstan", "Кыргызстан"),
    Entry::new(*b"KH", "Cambodia", "Камбоджа"),
    Entry::new(*b"KI", "Kiribati", "Кирибати"),
    Entry::new(*b"KM", "Comoros", "Коморы"),
    Entry::new(*b"KN", "Saint Kitts and Nevis", "Сент-Китс и Невис"),
    Entry::new(
        *b"KP",
        "North Korea",
        "Корейская Народно-Демократическая Республика",
    ),
    Entry::new(*b"KR", "South Korea", "Республика Корея"),
    Entry::new(*b"KW", "Kuwait", "Кувейт"),
    Entry::new(*b"KY", "Cayman Islands", "Острова Кайман"),
    Entry::new(*b"KZ", "Kazakhstan", "Казахстан"),
    Entry::new(*b"LA", "Laos", "Лаос"),
    Entry::new(*b"LB", "Lebanon", "Ливан"),
    Entry::new(*b"LC", "Saint Lucia", "Сент-Люсия"),
    Entry::new(*b"LI", "Liechtenstein", "Лихтенштейн"),
    Entry::new(*b"LK", "Sri Lanka", "Шри-Ланка"),
    Entry::new(*b"LR", "Liberia", "Либерия"),
    Entry::new(*b"LS", "Lesotho", "Лесото"),
    Entry::new(*b"LT", "Lithuania", "Литва"),
    Entry::new(*b"LU", "Luxembourg", "Люксембург"),
    Entry::new(*b"LV", "Latvia", "Латвия"),
    Entry::new(*b"LY", "Libya", "Ливия"),
    Entry::new(*b"MA", "Morocco", "Марокко"),
    Entry::new(*b"MC", "Monaco", "Монако"),
    Entry::new(*b"MD", "Moldova", "Молдова"),
    Entry::new(*b"ME", "Montenegro", "Черногория"),
    Entry::new(*b"MF", "Saint Martin", "Сен-Мартен"),
    Entry::new(*b"MG", "Madagascar", "Мадагаскар"),
    Entry::new(*b"MH", "Marshall Islands", "Маршалловы острова"),
    Entry::new(*b"MK", "North Macedonia", "Северная Македония"),
    Entry::new(*b"ML", "Mali", "Мали"),
    Entry::new(*b"MM", "Myanmar (Burma)", "Мьянма (Бирма)"),
    Entry::new(*b"MN", "Mongolia", "Монголия"),
    Entry::new(*b"MO", "Macao", "Макао"),
    Entry::new(
        *b"MP",
        "Northern Mariana Islands",
        "Северные Марианские острова",
    ),
    Entry::new(*b"MQ", "Martinique", "Мартиника"),
    Entry::new(*b"MR", "Mauritania", "Мавритания"),
    Entry::new(*b"MS", "Montserrat", "Монтсеррат"),
    Entry::new(*b"MT", "Malta", "Мальта"),
    Entry::new(*b"MU", "Mauritius", "Маврикий"),
    Entry::new(*b"MV", "Maldives", "Мальдивы"),
    Entry::new(*b"MW", "Malawi", "Малави"),
    Entry::new(*b"MX", "Mexico", "Мексика"),
    Entry::new(*b"MY", "Malaysia", "Малайзия"),
    Entry::new(*b"MZ", "Mozambique", "Мозамбик"),
    Entry::new(*b"NA", "Namibia", "Намибия"),
    Entry::new(*b"NC", "New Caledonia", "Новая Каледония"),
    Entry::new(*b"NE", "Niger", "Нигер"),
    Entry::new(*b"NF", "Norfolk Island", "Остров Норфолк"),
    Entry::new(*b"NG", "Nigeria", "Нигерия"),
    Entry::new(*b"NI", "Nicaragua", "Никарагуа"),
    Entry::new(*b"NL", "Netherlands", "Нидерланды"),
    Entry::new(*b"NO", "Norway", "Норвегия"),
    Entry::new(*b"NP", "Nepal", "Непал"),
    Entry::new(*b"NR", "Nauru", "Науру"),
    Entry::new(*b"NU", "Niue", "Ниуэ"),
    Entry::new(*b"NZ", "New Zealand", "Новая Зеландия"),
    Entry::new(*b"OM", "Oman", "Оман"),
    Entry::new(*b"PA", "Panama", "Панама"),
    Entry::new(*b"PE", "Peru", "Перу"),
    Entry::new(*b"PF", "French Polynesia", "Французская Полинезия"),
    Entry::new(*b"PG", "Papua New Guinea", "Папуа — Новая Гвинея"),
    Entry::new(*b"PH", "Philippines", "Филиппины"),
    Entry::new(*b"PK", "Pakistan", "Пакистан"),
    Entry::new(*b"PL", "Poland", "Польша"),
    Entry::new(*b"PM", "Saint Pierre and Miquelon", "Сен-Пьер и Микелон"),
    Entry::new(*b"PN", "Pitcairn Islands", "Острова Питкэрн"),
    Entry::new(*b"PR", "Puerto Rico", "Пуэрто-Рико"),
    Entry::new(*b"PS", "Palestine", "Палестина, Государство"),
    Entry::new(*b"PT", "Portugal", "Португалия"),
    Entry::new(*b"PW", "Palau", "Палау"),
    Entry::new(*b"PY", "Paraguay", "Парагвай"),
    Entry::new(*b"QA", "Qatar", "Катар"),
    Entry::new(*b"RE", "Réunion", "Реюньон"),
    Entry::new(*b"RO", "Romania", "Румыния"),
    Entry::new(*b"RS", "Serbia", "Сербия"),
    Entry::new(*b"RU", "Russia", "Россия"),
    Entry::new(*b"RW", "Rwanda", "Руанда"),
    Entry::new(*b"SA", "Saudi Arabia", "Саудовская Аравия"),
    Entry::new(*b"SB", "Solomon Islands", "Соломоновы острова"),
    Entry::new(*b"SC", "Seychelles", "Сейшельские острова"),
    Entry::new(*b"SD", "Sudan", "Судан"),
    Entry::new(*b"SE", "Sweden", "Швеция"),
    Entry::new(*b"SG", "Singapore", "Сингапур"),
    Entry::new(
        *b"SH",
        "Saint Helena, Ascension and Tristan da Cunha",
        "Остров Святой Елены",
    ),
    Entry::new(*b"SI", "Slovenia", "Словения"),
    Entry::new(*b"SJ", "Svalbard and Jan Mayen", "Шпицберген и Ян-Майен"),
    Entry::new(*b"SK", "Slovakia", "Словакия"),
    Entry::new(*b"SL", "Sierra Leone", "Сьерра-Леоне"),
    Entry::new(*b"SM", "San Marino", "Сан-Марино"),
    Entry::new(*b"SN", "Senegal", "Сенегал"),
    Entry::new(*b"SO", "Somalia", "Сомали"),
    Entry::new(*b"SR", "Suriname", "Суринам"),
    Entry::new(*b"SS", "South Sudan", "Южный Судан"),
    Entry::new(*b"ST", "São Tomé and Príncipe", "Сан-Томе и Принсипи"),
    Entry::new(*b"SV", "El Salvador", "Сальвадор"),
    Entry::new(*b"SX", "Sint Maarten", "Синт-Мартен"),
    Entry::new(*b"SY", "Syria", "Сирия"),
    Entry::new(*b"SZ", "Eswatini", "Эсватини"),
    Entry::new(*b"TC", "Turks and Caicos Islands", "Тёркс и Кайкос"),
    Entry::new(*b"TD", "Chad", "Чад"),
    Entry::new(
        *b"TF",
        "French Southern and Antarctic Lands",
        "Французские Южные территории",
    ),
    Entry::new(*b"TG", "Togo", "Того"),
    Entry::new(*b"TH", "Thailand", "Таиланд"),
    Entry::new(*b"TJ", "Tajikistan", "Таджикистан"),
    Entry::new(*b"TK", "Tokelau", "Токелау"),
    Entry::new(*b"TL", "Timor-Leste", "Восточный Тимор"),
    Entry::new(*b"TM", "Turkmenistan", "Туркменистан"),
    Entry::new(*b"TN", "Tunisia", "Тунис"),
    Entry::new(*b"TO", "Tonga", "Тонга"),
    Entry::new(*b"TR", "Türkiye", "Турция"),
    Entry::new(*b"TT", "Trinidad and Tobago", "Тринидад и Тобаго"),
    Entry::new(*b"TV", "Tuvalu", "Тувалу"),
    Entry::new(*b"TW", "Taiwan", "Тайвань"),
    Entry::new(*b"TZ", "Tanzania", "Танзания"),
    Entry::new(*b"UA", "Ukraine", "Украина"),
    Entry::new(*b"UG", "Uganda", "Уганда"),
    Entry::new(
        *b"UM",
        "United States Outlying Islands",
        "Внешние малые острова (США)",
    ),
    Entry::new(*b"US", "United States", "Соединенные Штаты"),
    Entry::new(*b"UY", "Uruguay", "Уругвай"),
    Entry::new(*b"UZ", "Uzbekistan", "Узбекистан"),
    Entry::new(*b"VA", "Vatican City", "Ватикан"),
    Entry::new(
        *b"VC",
        "Saint Vincent and Grenadines",
        "Сент-Винсент и Гренадины",
    ),
    Entry::new(*b"VE", "Venezuela", "Венесуэла"),
    Entry::new(
        *b"VG",
        "British Virgin Islands",
        "Виргинские острова (Великобритания)",
    ),
    Entry::new(
        *b"VI",
        "United States Virgin Islands",
        "Виргинские острова (США)",
    ),
    Entry::new(*b"VN", "Vietnam", "Вьетнам"),
    Entry::new(*b"VU", "Vanuatu", "Вануату"),
    Entry::new(*b"WF", "Wallis and Futuna", "Уоллис и Футуна"),
    Entry::new(*b"WS", "Samoa", "Самоа"),
    Entry::new(*b"YE", "Yemen", "Йемен"),
    Entry::new(*b"YT", "Mayotte", "Майотта"),
    Entry::new(*b"ZA", "South Africa", "Южно-Африканская Республика"),
    Entry::new(*b"ZM", "Zambia", "Замбия"),
    Entry::new(*b"ZW", "Zimbabwe", "Зимбабве"),
];

impl Country {
    /// A placeholder for a profile slot not read yet, or a host that was
    /// refused (ISO 3166-1 reserves `ZZ` for an unknown state); never in a
    /// report.
    pub const SLOT: Self = Self(*b"ZZ");
    /// Armenia (EAEU member).
    pub const AM: Self = Self(*b"AM");
    /// Belarus (EAEU member).
    pub const BY: Self = Self(*b"BY");
    /// Kazakhstan (EAEU member).
    pub const KZ: Self = Self(*b"KZ");
    /// Kyrgyzstan (EAEU member).
    pub const KG: Self = Self(*b"KG");
    /// Russia (EAEU member).
    pub const RU: Self = Self(*b"RU");
    /// Tajikistan.
    pub const TJ: Self = Self(*b"TJ");
    /// Turkmenistan.
    pub const TM: Self = Self(*b"TM");
    /// Uzbekistan.
    pub const UZ: Self = Self(*b"UZ");

    /// Looks up a code given as two ASCII letters of either case.
    #[must_use]
    pub fn from_code_bytes(bytes: [u8; 2]) -> Option<Self> {
        let [a, b] = bytes;
        if !(a.is_ascii_alphabetic() && b.is_ascii_alphabetic()) {
            return None;
        }
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        assigned(code).then_some(Self(code))
    }

    /// Looks up an alpha-2 code of either case, and nothing else: the form
    /// rule files use, where a name would be one more way to say the same.
    #[must_use]
    pub fn from_code(text: &str) -> Option<Self> {
        match *text.as_bytes() {
            [a, b] => Self::from_code_bytes([a, b]),
            _ => None,
        }
    }

    /// The upper-case alpha-2 code, e.g. `"KG"`.
    #[must_use]
    pub fn code(&self) -> &str {
        // Always two upper-case ASCII letters, so this cannot fail.
        std::str::from_utf8(&self.0).unwrap_or("")
    }

    /// The English name, e.g. `"Kyrgyzstan"`.
    #[must_use]
    pub fn name_en(&self) -> &'static str {
        self.entry().map_or("", |e| e.en)
    }

    /// The Russian name, e.g. `"Кыргызстан"`.
    #[must_use]
    pub fn name_ru(&self) -> &'static str {
        self.entry().map_or("", |e| e.ru)
    }

    /// The code's position among the 26 x 26 two-letter codes, below
    /// [`INDICES`]: lets tables be indexed by country without a search.
    #[inline]
    pub(crate) fn index(self) -> usize {
        // Always two upper-case ASCII letters, so this is below 26 * 26.
        let [a, b] = self.0;
        usize::from(a.wrapping_sub(b'A')) * 26 + usize::from(b.wrapping_sub(b'A'))
    }

    /// The table row of this code; always `Some` for a constructed `Country`.
    fn entry(self) -> Option<&'static Entry> {
        TABLE
            .binary_search_by(|e| e.code.cmp(&self.0))
            .ok()
            .and_then(|i| TABLE.get(i))
    }
}

/// Which of the 26 x 26 two-letter codes are assigned: bit `b` of row `a`
/// for the code `[b'A' + a, b'A' + b]`. Profiles name countries on every
/// line of a batch, and a bit test is much cheaper than a search of the table.
static ASSIGNED: std::sync::LazyLock<[u32; 26]> = std::sync::LazyLock::new(|| {
    let mut rows = [0u32; 26];
    for e in &TABLE {
        let [a, b] = e.code;
        if let Some(row) = rows.get_mut(usize::from(a.wrapping_sub(b'A'))) {
            *row |= 1u32
                .checked_shl(u32::from(b.wrapping_sub(b'A')))
                .unwrap_or(0);
        }
    }
    rows
});

/// Whether an upper-case two-letter code is assigned.
fn assigned([a, b]: [u8; 2]) -> bool {
    let bit = 1u32
        .checked_shl(u32::from(b.wrapping_sub(b'A')))
        .unwrap_or(0);
    ASSIGNED
        .get(usize::from(a.wrapping_sub(b'A')))
        .is_some_and(|row| row & bit != 0)
}

/// How many values [`Country::index`] can take.
pub(crate) const INDICES: usize = 26 * 26;

/// Every officially assigned country, in code order.
#[must_use]
pub fn all() -> impl ExactSizeIterator<Item = Country> {
    TABLE.iter().map(|e| Country(e.code))
}

impl FromStr for Country {
    type Err = UnknownCountry;

    /// Reads an alpha-2 code of either case (`KG`, `kg`), or a country's
    /// name in English or Russian, any case (`Kyrgyzstan`, `Кыргызстан`,
    /// `Kyrgyz Republic`); spaces around either are ignored.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Codes first, without trimming: they are what a batch line holds.
        Self::from_code(s)
            .or_else(|| Self::from_code(s.trim()))
            .or_else(|| names::lookup(s))
            .ok_or_else(|| UnknownCountry(s.to_owned()))
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.code())
    }
}

impl fmt::Debug for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Country({})", self.code())
    }
}

impl schemars::JsonSchema for Country {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CountryCode".into()
    }

    /// As reports write it: the ISO 3166-1 alpha-2 code, upper case.
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = serde_json::Map::new();
        schema.insert("type".to_owned(), "string".into());
        schema.insert("pattern".to_owned(), "^[A-Z]{2}$".into());
        schema.insert(
            "description".to_owned(),
            "An ISO 3166-1 alpha-2 country code, upper case.".into(),
        );
        schemars::Schema::from(schema)
    }
}

impl Serialize for Country {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Country {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        /// Accepts a string and parses it with [`Country::from_str`].
        struct CountryVisitor;

        impl Visitor<'_> for CountryVisitor {
            type Value = Country;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(
                    "an ISO 3166-1 alpha-2 country code such as \"KG\", or a country's name",
                )
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<Country, E> {
                v.parse().map_err(E::custom)
            }
        }

        deserializer.deserialize_str(CountryVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn table_has_249_sorted_unique_upper_case_codes() {
        assert_eq!(TABLE.len(), 249);
        assert_eq!(all().count(), 249);
        assert_eq!(all().len(), 249);
        for pair in TABLE.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{:?} !< {:?}",
                pair[0].code,
                pair[1].code
            );
        }
        for e in &TABLE {
            assert!(e.code.iter().all(u8::is_ascii_uppercase));
            assert!(!e.en.is_empty() && !e.ru.is_empty());
            assert_eq!(e.en.trim(), e.en);
            assert_eq!(e.ru.trim(), e.ru);
        }
        let ru: HashSet<_> = TABLE.iter().map(|e| e.ru).collect();
        let en: HashSet<_> = TABLE.iter().map(|e| e.en).collect();
        assert_eq!(ru.len(), 249);
        assert_eq!(en.len(), 249);
    }

    #[test]
    fn every_code_round_trips_through_from_str() {
        for c in all() {
            assert_eq!(c.code().parse::<Country>().unwrap(), c);
            assert_eq!(c.code().to_lowercase().parse::<Country>().unwrap(), c);
            assert!(!c.name_en().is_empty());
            assert!(!c.name_ru().is_empty());
        }
    }

    #[test]
    fn parsing_is_case_insensitive() {
        for s in ["uz", "UZ", "Uz", "uZ"] {
            assert_eq!(s.parse::<Country>().unwrap(), Country::UZ);
        }
        assert_eq!("kg".parse::<Country>().unwrap().code(), "KG");
    }

    #[test]
    fn rejects_non_codes() {
        for s in [
            "XX", "XK", "SU", "YU", "EU", "UK", "K", "KGZ", "", "K G", "K1", "12", "КГ", "ÄÖ",
        ] {
            let err = s.parse::<Country>().unwrap_err();
            assert_eq!(err, UnknownCountry(s.to_owned()));
        }
        assert_eq!(
            "XX".parse::<Country>().unwrap_err().to_string(),
            "`XX` is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`"
        );
        assert_eq!(
            " ".parse::<Country>().unwrap_err().to_string(),
            "an empty string is not a country code or name: expected an ISO 3166-1 alpha-2 code such as `KG`, or a country's name in English or Russian such as `Kyrgyzstan` or `Кыргызстан`"
        );
        assert!(Country::from_code("Kyrgyzstan").is_none());
        assert!(Country::from_code(" KG").is_none());
        assert_eq!(Country::from_code("kg"), Some(Country::KG));
        assert_eq!(Country::from_code_bytes(*b"xx"), None);
        assert_eq!(Country::from_code_bytes(*b"k\0"), None);
        assert_eq!(Country::from_code_bytes(*b"kz"), Some(Country::KZ));
    }

    #[test]
    fn names_and_spaced_codes_are_read_as_codes() {
        for s in [
            " KG",
            "KG ",
            "Kyrgyzstan",
            "КЫРГЫЗСТАН",
            "Kyrgyz Republic",
            "киргизия",
        ] {
            assert_eq!(s.parse::<Country>().unwrap(), Country::KG, "{s}");
        }
        assert_eq!("Россия".parse::<Country>().unwrap().code(), "RU");
    }

    #[test]
    fn a_misspelt_name_is_refused_with_the_name_meant() {
        let err = "Kyrgyzstn".parse::<Country>().unwrap_err().to_string();
        assert!(
            err.starts_with("`Kyrgyzstn` is not a country code or name: expected"),
            "{err}"
        );
        assert!(err.ends_with("; did you mean `Kyrgyzstan` (KG)?"), "{err}");
        let long = "Z".repeat(5000).parse::<Country>().unwrap_err().to_string();
        assert!(long.len() < 400, "{long}");
    }

    #[test]
    fn names_in_both_languages() {
        let cases = [
            ("KG", "Kyrgyzstan", "Кыргызстан"),
            ("KZ", "Kazakhstan", "Казахстан"),
            ("RU", "Russia", "Россия"),
            ("UZ", "Uzbekistan", "Узбекистан"),
            ("AM", "Armenia", "Армения"),
            ("BY", "Belarus", "Беларусь"),
            ("TJ", "Tajikistan", "Таджикистан"),
            ("TM", "Turkmenistan", "Туркменистан"),
        ];
        for (code, en, ru) in cases {
            let c: Country = code.parse().unwrap();
            assert_eq!(c.name_en(), en);
            assert_eq!(c.name_ru(), ru);
        }
    }

    #[test]
    fn named_constants_are_in_the_table() {
        for (c, code) in [
            (Country::AM, "AM"),
            (Country::BY, "BY"),
            (Country::KZ, "KZ"),
            (Country::KG, "KG"),
            (Country::RU, "RU"),
            (Country::TJ, "TJ"),
            (Country::TM, "TM"),
            (Country::UZ, "UZ"),
        ] {
            assert_eq!(c.code(), code);
            assert!(c.entry().is_some());
        }
    }

    #[test]
    fn display_and_debug() {
        assert_eq!(Country::KG.to_string(), "KG");
        assert_eq!(format!("{:>4}|", Country::KG), "  KG|");
        assert_eq!(format!("{:?}", Country::KG), "Country(KG)");
    }

    #[test]
    fn serde_round_trip() {
        let json = serde_json::to_string(&Country::KG).unwrap();
        assert_eq!(json, "\"KG\"");
        assert_eq!(serde_json::from_str::<Country>(&json).unwrap(), Country::KG);
        assert_eq!(
            serde_json::from_str::<Country>("\"uz\"").unwrap(),
            Country::UZ
        );

        let list: Vec<Country> = all().collect();
        let json = serde_json::to_string(&list).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Country>>(&json).unwrap(), list);
    }

    #[test]
    fn serde_errors_name_the_bad_value() {
        let err = serde_json::from_str::<Country>("\"XK\"").unwrap_err();
        assert!(
            err.to_string()
                .contains("`XK` is not a country code or name"),
            "{err}"
        );
        let err = serde_json::from_str::<Country>("42").unwrap_err();
        assert!(err.to_string().contains("alpha-2"), "{err}");
    }

    #[test]
    fn ordering_follows_codes() {
        assert!(Country::AM < Country::KG);
        let mut v = vec![Country::UZ, Country::AM, Country::RU];
        v.sort();
        assert_eq!(v, [Country::AM, Country::RU, Country::UZ]);
    }

    #[test]
    fn indices_are_distinct_and_in_range() {
        let mut seen = std::collections::HashSet::new();
        for c in all() {
            assert!(c.index() < INDICES, "{c:?}");
            assert!(seen.insert(c.index()), "{c:?}");
        }
    }

    #[test]
    fn the_bitmap_agrees_with_the_table() {
        for a in b'A'..=b'Z' {
            for b in b'A'..=b'Z' {
                let in_table = TABLE.iter().any(|e| e.code == [a, b]);
                assert_eq!(assigned([a, b]), in_table, "{}{}", a as char, b as char);
            }
        }
    }
}
