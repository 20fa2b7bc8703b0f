//! The words a writer adds around the interview's own text, in the
//! interview's language: the heading of the participants list and the
//! speakers' roles, with the punctuation that joins them.
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
}

impl Terms {
    /// The terms for a BCP 47 tag (`fr-CA`, `zh-Hant-TW`); English for a
    /// language the table lacks.
    pub fn for_language(tag: &str) -> &'static Terms {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let primary = match primary.as_str() {
            // Old and macrolanguage codes of the same languages.
            "iw" => "he",
            "cmn" | "yue" | "wuu" => "zh",
            other => other,
        };
        ALL.iter()
            .copied()
            .find(|t| t.language == primary)
            .unwrap_or(&EN)
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

const ALL: &[&Terms] = &[&EN, &FR, &DE, &ES, &IT, &PT, &NL, &ZH, &JA, &AR, &HE, &RU];

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
};

const EN: Terms = Terms {
    language: "en",
    participants: "Participants",
    interviewer: "interviewer",
    interviewee: "interviewee",
    moderator: "moderator",
    interpreter: "interpreter",
    ..LATIN
};

const FR: Terms = Terms {
    language: "fr",
    participants: "Participants",
    interviewer: "intervieweur",
    interviewee: "interviewé",
    moderator: "modérateur",
    interpreter: "interprète",
    ..LATIN
};

const DE: Terms = Terms {
    language: "de",
    participants: "Gesprächspartner",
    interviewer: "Interviewer",
    interviewee: "Interviewpartner",
    moderator: "Moderation",
    interpreter: "Dolmetscher",
    ..LATIN
};

const ES: Terms = Terms {
    language: "es",
    participants: "Participantes",
    interviewer: "entrevistador",
    interviewee: "entrevistado",
    moderator: "moderador",
    interpreter: "intérprete",
    ..LATIN
};

const IT: Terms = Terms {
    language: "it",
    participants: "Partecipanti",
    interviewer: "intervistatore",
    interviewee: "intervistato",
    moderator: "moderatore",
    interpreter: "interprete",
    ..LATIN
};

const PT: Terms = Terms {
    language: "pt",
    participants: "Participantes",
    interviewer: "entrevistador",
    interviewee: "entrevistado",
    moderator: "moderador",
    interpreter: "intérprete",
    ..LATIN
};

const NL: Terms = Terms {
    language: "nl",
    participants: "Deelnemers",
    interviewer: "interviewer",
    interviewee: "geïnterviewde",
    moderator: "moderator",
    interpreter: "tolk",
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
};

const AR: Terms = Terms {
    language: "ar",
    participants: "المشاركون",
    interviewer: "محاور",
    interviewee: "ضيف",
    moderator: "مدير الجلسة",
    interpreter: "مترجم",
    role_comma: "، ",
    ..LATIN
};

const HE: Terms = Terms {
    language: "he",
    participants: "משתתפים",
    interviewer: "מראיין",
    interviewee: "מרואיין",
    moderator: "מנחה",
    interpreter: "מתורגמן",
    ..LATIN
};

const RU: Terms = Terms {
    language: "ru",
    participants: "Участники",
    interviewer: "интервьюер",
    interviewee: "собеседник",
    moderator: "модератор",
    interpreter: "переводчик",
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
        }
        assert_eq!(Terms::all().len(), 12);
    }

    #[test]
    fn role_words_are_recognised_in_any_case() {
        assert!(EN.is_role_word(" INTERPRETER "));
        assert!(Terms::for_language("de").is_role_word("dolmetscher"));
        assert!(!EN.is_role_word("Dana Park"));
    }
}
