//! The words a writer adds around the interview's own text, in the
//! interview's language: the heading of the participants list and the
//! speakers' roles, with the punctuation that joins them; the headings of
//! the parts of a publication (contents, editor's note, introduction…);
//! the words before a byline and a date, and how a date is written. Every
//! writer takes them from here, so a PDF, a DOCX and an EPUB of one
//! interview say the same words.
//!
//! One table per language, looked up by the primary subtag of the
//! interview's language tag; a language not in the table gets English.

use crate::model::SpeakerRole;

/// The terms of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terms {
    /// The primary language subtag the table is for (`en`, `zh`).
    pub language: &'static str,
    /// The heading of the list of who is speaking.
    pub participants: &'static str,
    pub interviewer: &'static str,
    pub interviewee: &'static str,
    pub moderator: &'static str,
    pub interpreter: &'static str,
    /// Before and after a speaker's label when it follows the name:
    /// `Mira Iverson (IVERSON)`, `李思远（记者）`.
    pub label_open: &'static str,
    pub label_close: &'static str,
    /// Between the name and the role: `Dana Park, interviewer`.
    pub role_comma: &'static str,
    /// Headings of the parts of a publication.
    pub cover: &'static str,
    pub contents: &'static str,
    pub editors_note: &'static str,
    pub introduction: &'static str,
    pub interview: &'static str,
    pub about: &'static str,
    pub afterword: &'static str,
    /// Before a date: `Published 7 March 2024`.
    pub published: &'static str,
    pub updated: &'static str,
    pub source: &'static str,
    /// Before the authors of a byline: `By Ana Lima`.
    pub by: &'static str,
    /// Before the interviewers when no author is named.
    pub interview_by: &'static str,
    /// How a date is written (a chrono format, `%B` standing for the
    /// language's own month name below): the day, month in words and year
    /// in most languages, the CJK form in Chinese, Japanese and Korean.
    pub date_format: &'static str,
    /// The months, January first, in the form a date takes (Russian's
    /// genitive `марта`); empty where the date format has no `%B`.
    pub months: [&'static str; 12],
    /// Between names in a list, and before the last one:
    /// `Ana, Ben and Chloé`, `李华、王明和张伟`.
    pub list_comma: &'static str,
    pub list_and: &'static str,
}

impl Terms {
    /// The terms for a BCP 47 tag (`fr-CA`, `zh-Hant-TW`); English for a
    /// language the table lacks.
    pub fn for_language(tag: &str) -> &'static Terms {
        crate::Language::of(tag).terms()
    }

    /// The table for a primary language subtag in lower case, if there is one.
    pub(crate) fn find(primary: &str) -> Option<&'static Terms> {
        ALL.iter().copied().find(|t| t.language == primary)
    }

    /// English, the fallback for a language without a table.
    pub(crate) fn english() -> &'static Terms {
        &EN
    }

    /// A date as the language writes it, with `, 14:30` when the time is
    /// known.
    pub fn date(&self, value: &crate::DateTime) -> String {
        let month = chrono::Datelike::month0(&value.date) as usize;
        let format = match self.months.get(month) {
            Some(name) if self.date_format.contains("%B") => {
                // A month name is plain text in the format: no `%` in it.
                self.date_format.replace("%B", &name.replace('%', ""))
            }
            _ => self.date_format.to_string(),
        };
        let date = value.date.format(&format).to_string();
        match value.time {
            Some(time) => format!("{date}, {}", time.format("%H:%M")),
            None => date,
        }
    }

    /// `word` before `text`: a space between them, none after a
    /// full-width colon (`作者：李华`).
    pub fn before(word: &str, text: &str) -> String {
        if word.ends_with(['：', '、']) {
            format!("{word}{text}")
        } else {
            format!("{word} {text}")
        }
    }

    /// Names as the language lists them: `Ana`, `Ana and Ben`,
    /// `Ana, Ben and Chloé`.
    pub fn join_names<S: AsRef<str>>(&self, names: &[S]) -> String {
        match names {
            [] => String::new(),
            [one] => one.as_ref().to_string(),
            [init @ .., last] => {
                let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
                format!(
                    "{}{}{}",
                    init.join(self.list_comma),
                    self.list_and,
                    last.as_ref()
                )
            }
        }
    }

    /// Every language's terms, English first.
    pub fn all() -> &'static [&'static Terms] {
        ALL
    }

    /// The word for a role; groups and other voices have none.
    pub fn role(&self, role: SpeakerRole) -> Option<&'static str> {
        match role {
            SpeakerRole::Interviewer => Some(self.interviewer),
            SpeakerRole::Interviewee => Some(self.interviewee),
            SpeakerRole::Moderator => Some(self.moderator),
            SpeakerRole::Interpreter => Some(self.interpreter),
            SpeakerRole::Group | SpeakerRole::Other => None,
        }
    }

    /// Whether `text` is one of this language's role words, in any case.
    pub fn is_role_word(&self, text: &str) -> bool {
        let text = text.trim().to_lowercase();
        [
            self.interviewer,
            self.interviewee,
            self.moderator,
            self.interpreter,
        ]
        .iter()
        .any(|word| word.to_lowercase() == text)
    }
}

const ALL: &[&Terms] = &[
    &EN, &FR, &DE, &ES, &IT, &PT, &NL, &ZH, &JA, &KO, &AR, &HE, &RU,
];

/// The punctuation most languages share.
const LATIN: Terms = Terms {
    language: "",
    participants: "",
    interviewer: "",
    interviewee: "",
    moderator: "",
    interpreter: "",
    label_open: " (",
    label_close: ")",
    role_comma: ", ",
    // Every language gives its own words (a test checks that none is
    // empty); only the date form is shared.
    cover: "",
    contents: "",
    editors_note: "",
    introduction: "",
    interview: "",
    about: "",
    afterword: "",
    published: "",
    updated: "",
    source: "",
    by: "",
    interview_by: "",
    date_format: "%Y-%m-%d",
    months: [""; 12],
    list_comma: ", ",
    list_and: " and ",
};

const EN: Terms = Terms {
    language: "en",
    participants: "Participants",
    interviewer: "interviewer",
    interviewee: "interviewee",
    moderator: "moderator",
    interpreter: "interpreter",
    cover: "Cover",
    contents: "Contents",
    editors_note: "Editor\u{2019}s note",
    introduction: "Introduction",
    interview: "Interview",
    about: "About",
    afterword: "Afterword",
    published: "Published",
    updated: "Updated",
    source: "Source",
    by: "By",
    interview_by: "Interview by",
    date_format: "%-d %B %Y",
    months: [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    list_and: " and ",
    ..LATIN
};

const FR: Terms = Terms {
    language: "fr",
    participants: "Participants",
    interviewer: "intervieweur",
    interviewee: "interviewé",
    moderator: "modérateur",
    interpreter: "interprète",
    cover: "Couverture",
    contents: "Sommaire",
    editors_note: "Note de la rédaction",
    introduction: "Introduction",
    interview: "Entretien",
    about: "À propos",
    afterword: "Postface",
    published: "Publié",
    updated: "Mis à jour",
    source: "Source",
    by: "Par",
    interview_by: "Propos recueillis par",
    date_format: "%-d %B %Y",
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    list_and: " et ",
    ..LATIN
};

const DE: Terms = Terms {
    language: "de",
    participants: "Gesprächspartner",
    interviewer: "Interviewer",
    interviewee: "Interviewpartner",
    moderator: "Moderation",
    interpreter: "Dolmetscher",
    cover: "Umschlag",
    contents: "Inhalt",
    editors_note: "Anmerkung der Redaktion",
    introduction: "Einleitung",
    interview: "Interview",
    about: "Über",
    afterword: "Nachwort",
    published: "Veröffentlicht",
    updated: "Aktualisiert",
    source: "Quelle",
    by: "Von",
    interview_by: "Interview:",
    date_format: "%-d. %B %Y",
    months: [
        "Januar",
        "Februar",
        "März",
        "April",
        "Mai",
        "Juni",
        "Juli",
        "August",
        "September",
        "Oktober",
        "November",
        "Dezember",
    ],
    list_and: " und ",
    ..LATIN
};

const ES: Terms = Terms {
    language: "es",
    participants: "Participantes",
    interviewer: "entrevistador",
    interviewee: "entrevistado",
    moderator: "moderador",
    interpreter: "intérprete",
    cover: "Cubierta",
    contents: "Índice",
    editors_note: "Nota del editor",
    introduction: "Introducción",
    interview: "Entrevista",
    about: "Acerca de",
    afterword: "Epílogo",
    published: "Publicado",
    updated: "Actualizado",
    source: "Fuente",
    by: "Por",
    interview_by: "Entrevista de",
    date_format: "%-d de %B de %Y",
    months: [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    list_and: " y ",
    ..LATIN
};

const IT: Terms = Terms {
    language: "it",
    participants: "Partecipanti",
    interviewer: "intervistatore",
    interviewee: "intervistato",
    moderator: "moderatore",
    interpreter: "interprete",
    cover: "Copertina",
    contents: "Indice",
    editors_note: "Nota della redazione",
    introduction: "Introduzione",
    interview: "Intervista",
    about: "Note biografiche",
    afterword: "Postfazione",
    published: "Pubblicato",
    updated: "Aggiornato",
    source: "Fonte",
    by: "Di",
    interview_by: "Intervista di",
    date_format: "%-d %B %Y",
    months: [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ],
    list_and: " e ",
    ..LATIN
};

const PT: Terms = Terms {
    language: "pt",
    participants: "Participantes",
    interviewer: "entrevistador",
    interviewee: "entrevistado",
    moderator: "moderador",
    interpreter: "intérprete",
    cover: "Capa",
    contents: "Índice",
    editors_note: "Nota do editor",
    introduction: "Introdução",
    interview: "Entrevista",
    about: "Sobre",
    afterword: "Posfácio",
    published: "Publicado",
    updated: "Atualizado",
    source: "Fonte",
    by: "Por",
    interview_by: "Entrevista de",
    date_format: "%-d de %B de %Y",
    months: [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    list_and: " e ",
    ..LATIN
};

const NL: Terms = Terms {
    language: "nl",
    participants: "Deelnemers",
    interviewer: "interviewer",
    interviewee: "geïnterviewde",
    moderator: "moderator",
    interpreter: "tolk",
    cover: "Omslag",
    contents: "Inhoud",
    editors_note: "Noot van de redactie",
    introduction: "Inleiding",
    interview: "Interview",
    about: "Over",
    afterword: "Nawoord",
    published: "Gepubliceerd",
    updated: "Bijgewerkt",
    source: "Bron",
    by: "Door",
    interview_by: "Interview door",
    date_format: "%-d %B %Y",
    months: [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ],
    list_and: " en ",
    ..LATIN
};

const ZH: Terms = Terms {
    language: "zh",
    participants: "访谈人物",
    interviewer: "采访者",
    interviewee: "受访者",
    moderator: "主持人",
    interpreter: "口译",
    label_open: "（",
    label_close: "）",
    role_comma: "，",
    cover: "封面",
    contents: "目录",
    editors_note: "编者按",
    introduction: "导语",
    interview: "访谈",
    about: "简介",
    afterword: "后记",
    published: "发布",
    updated: "更新",
    source: "来源",
    by: "作者：",
    interview_by: "采访：",
    date_format: "%Y年%-m月%-d日",
    months: [""; 12],
    list_comma: "、",
    list_and: "和",
};

const JA: Terms = Terms {
    language: "ja",
    participants: "参加者",
    interviewer: "聞き手",
    interviewee: "話し手",
    moderator: "司会",
    interpreter: "通訳",
    label_open: "（",
    label_close: "）",
    role_comma: "、",
    cover: "表紙",
    contents: "目次",
    editors_note: "編集部注",
    introduction: "はじめに",
    interview: "インタビュー",
    about: "プロフィール",
    afterword: "あとがき",
    published: "公開",
    updated: "更新",
    source: "出典",
    by: "文：",
    interview_by: "聞き手：",
    date_format: "%Y年%-m月%-d日",
    months: [""; 12],
    list_comma: "、",
    list_and: "、",
};

const KO: Terms = Terms {
    language: "ko",
    participants: "참가자",
    interviewer: "인터뷰어",
    interviewee: "인터뷰이",
    moderator: "사회자",
    interpreter: "통역사",
    cover: "표지",
    contents: "목차",
    editors_note: "편집자 주",
    introduction: "들어가며",
    interview: "인터뷰",
    about: "소개",
    afterword: "맺음말",
    published: "게시",
    updated: "수정",
    source: "출처",
    by: "글:",
    interview_by: "인터뷰:",
    date_format: "%Y년 %-m월 %-d일",
    list_and: ", ",
    ..LATIN
};

const AR: Terms = Terms {
    language: "ar",
    participants: "المشاركون",
    interviewer: "محاور",
    interviewee: "ضيف",
    moderator: "مدير الجلسة",
    interpreter: "مترجم",
    role_comma: "، ",
    cover: "الغلاف",
    contents: "المحتويات",
    editors_note: "ملاحظة المحرر",
    introduction: "مقدمة",
    interview: "المقابلة",
    about: "نبذة",
    afterword: "خاتمة",
    published: "نُشر",
    updated: "حُدّث",
    source: "المصدر",
    by: "بقلم",
    interview_by: "حاوره",
    date_format: "%-d %B %Y",
    months: [
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ],
    list_comma: "، ",
    list_and: " و",
    ..LATIN
};

const HE: Terms = Terms {
    language: "he",
    participants: "משתתפים",
    interviewer: "מראיין",
    interviewee: "מרואיין",
    moderator: "מנחה",
    interpreter: "מתורגמן",
    cover: "כריכה",
    contents: "תוכן העניינים",
    editors_note: "הערת העורך",
    introduction: "מבוא",
    interview: "ראיון",
    about: "אודות",
    afterword: "אחרית דבר",
    published: "פורסם",
    updated: "עודכן",
    source: "מקור",
    by: "מאת",
    interview_by: "ראיון:",
    date_format: "%-d ב%B %Y",
    months: [
        "ינואר",
        "פברואר",
        "מרץ",
        "אפריל",
        "מאי",
        "יוני",
        "יולי",
        "אוגוסט",
        "ספטמבר",
        "אוקטובר",
        "נובמבר",
        "דצמבר",
    ],
    list_and: " ו",
    ..LATIN
};

const RU: Terms = Terms {
    language: "ru",
    participants: "Участники",
    interviewer: "интервьюер",
    interviewee: "собеседник",
    moderator: "модератор",
    interpreter: "переводчик",
    cover: "Обложка",
    contents: "Содержание",
    editors_note: "От редакции",
    introduction: "Введение",
    interview: "Интервью",
    about: "Об авторе",
    afterword: "Послесловие",
    published: "Опубликовано",
    updated: "Обновлено",
    source: "Источник",
    by: "Автор:",
    interview_by: "Беседовал(а):",
    date_format: "%-d %B %Y г.",
    months: [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ],
    list_and: " и ",
    ..LATIN
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_follow_the_primary_language_and_fall_back_to_english() {
        assert_eq!(Terms::for_language("fr-CA").participants, "Participants");
        assert_eq!(Terms::for_language("zh-Hant-TW").interviewee, "受访者");
        assert_eq!(Terms::for_language("pt_BR").interviewer, "entrevistador");
        assert_eq!(Terms::for_language("iw").language, "he");
        assert_eq!(Terms::for_language("sv"), &EN);
        assert_eq!(Terms::for_language(""), &EN);
    }

    #[test]
    fn every_language_names_every_role() {
        for terms in Terms::all() {
            for role in [
                SpeakerRole::Interviewer,
                SpeakerRole::Interviewee,
                SpeakerRole::Moderator,
                SpeakerRole::Interpreter,
            ] {
                assert!(
                    terms.role(role).is_some_and(|w| !w.trim().is_empty()),
                    "{} {role:?}",
                    terms.language
                );
            }
            assert!(!terms.participants.is_empty(), "{}", terms.language);
            assert_eq!(terms.role(SpeakerRole::Group), None);
            // Every word a writer adds, and a date format that prints.
            for word in [
                terms.cover,
                terms.contents,
                terms.editors_note,
                terms.introduction,
                terms.interview,
                terms.about,
                terms.afterword,
                terms.published,
                terms.updated,
                terms.source,
                terms.by,
                terms.interview_by,
            ] {
                assert!(!word.trim().is_empty(), "{}", terms.language);
            }
            let date = crate::DateTime::parse("2024-03-07").unwrap();
            assert!(terms.date(&date).contains('7'), "{}", terms.language);
            // A format asking for month names has all twelve.
            assert_eq!(
                terms.date_format.contains("%B"),
                terms.months.iter().all(|m| !m.is_empty()),
                "{}",
                terms.language
            );
        }
        assert_eq!(Terms::all().len(), 13);
        let date = crate::DateTime::parse("2024-03-07T14:30:00Z").unwrap();
        assert_eq!(EN.date(&date), "7 March 2024, 14:30");
        assert_eq!(
            Terms::for_language("zh-Hans").date(&date),
            "2024年3月7日, 14:30"
        );
        assert_eq!(Terms::for_language("de").date(&date), "7. März 2024, 14:30");
        let plain = crate::DateTime::parse("2024-03-07").unwrap();
        assert_eq!(Terms::for_language("fr").date(&plain), "7 mars 2024");
        assert_eq!(Terms::for_language("es").date(&plain), "7 de marzo de 2024");
        assert_eq!(Terms::for_language("ru").date(&plain), "7 марта 2024 г.");
        assert_eq!(Terms::for_language("ar").date(&plain), "7 مارس 2024");
        assert_eq!(
            EN.join_names(&["Ana", "Ben", "Chloé"]),
            "Ana, Ben and Chloé"
        );
        assert_eq!(EN.join_names(&["Ana"]), "Ana");
        assert_eq!(
            Terms::for_language("zh").join_names(&["李华", "王明", "张伟"]),
            "李华、王明和张伟"
        );
        assert_eq!(
            Terms::for_language("fr").join_names(&["Ana", "Ben"]),
            "Ana et Ben"
        );
        assert_eq!(Terms::before("By", "Ana"), "By Ana");
        assert_eq!(Terms::before("作者：", "李华"), "作者：李华");
    }

    #[test]
    fn role_words_are_recognised_in_any_case() {
        assert!(EN.is_role_word(" INTERPRETER "));
        assert!(Terms::for_language("de").is_role_word("dolmetscher"));
        assert!(!EN.is_role_word("Dana Park"));
    }
}
