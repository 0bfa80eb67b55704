"""The words the pipeline itself prints (labels, headings, furniture), per document language.

Clause text comes from the library in whatever language it is written; these are only the
structural words. English is the fallback for languages without an entry.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Vocabulary:
    """Structural words of one language."""

    chapter: str
    part: str
    article: str
    section: str
    article_ref: str
    section_ref: str
    paragraph_ref: str
    subsection_ref: str
    of_this_article: str
    this_law: str
    this_act: str
    definitions: str
    interpretation: str
    definitions_intro_law: str
    definitions_intro_act: str
    means: str
    commentary: str
    sources: str
    open_questions: str
    recommendations: str
    contents: str
    option: str
    end_of_options: str
    page: str
    of: str
    version: str
    model_kind: str
    enactment_kind: str
    """The kind line of a draft for enactment in the common-law form ("Bill")."""
    draft_law_kind: str
    """The kind line of a draft for enactment in the civil-law and CIS forms ("Draft law")."""
    mandatory: str
    recommended: str
    optional: str
    model_note: str
    months: tuple[str, ...]
    quotes: tuple[str, str]
    commentary_headings: tuple[str, ...] = (
        "Purpose", "Basis for status", "Human rights", "International humanitarian law", "Drafting options",
        "Implementation", "Implementation in civil-law systems", "Implementation in common-law systems",
    )
    """Headings of the commentary parts, in the order of ``Commentary``'s fields."""
    right_to_left: bool = False
    pinpoint_unverified: str = "pinpoint unverified"
    relation_words: tuple[tuple[str, str], ...] = ()
    """How the relation of an article to a source reads, by relation key; English: the key's words."""
    definitions_purpose: str = (
        "This article gathers the definitions of the terms that the other articles use, in alphabetical "
        "order, so that it defines every term used and no other."
    )
    basic_concepts: str = "Basic concepts used in this Law"
    state_placeholder: str = "[State]"
    """What a model law prints where the State's name goes, until a State gives its name."""
    """Heading of the definitions article in the CIS model-law form (article 1)."""
    basic_concepts_intro: str = "The following basic concepts are used in this Law:"
    """Opening words of that article."""
    liability_by_reference: str = "Persons who commit the acts referred to in this {unit} shall incur liability in accordance with the legislation of {state}."
    """The sentence that replaces a fixed penalty where the tradition leaves sanctions to the legislation of the State."""
    model_note_explanatory: str = (
        "How to read this model law. Each article is marked [Mandatory] where a binding instrument "
        "requires it, [Recommended] where it reflects good practice, or [Optional] where it is a policy "
        "choice. Words in square brackets are placeholders for national choices. Where practice differs, "
        "alternative texts are set out as [Option A], [Option B]; a State adopts one. The commentary on "
        "each article and the instruments it draws on are gathered in the explanatory note after the law."
    )
    """The model note when an explanatory note gathers the commentary (its last sentence differs)."""
    explanatory_note: str = "Explanatory note"
    """Heading of the explanatory note gathered from the commentary (CIS form)."""
    explanatory_note_intro: str = (
        "This note accompanies the draft {title}. It sets out, chapter by chapter and article by article, "
        "the purpose of each provision, the reasons for its status, its bearing on human rights and "
        "international humanitarian law, and the international instruments it draws on."
    )
    """Opening paragraph of the explanatory note, with ``{title}`` to fill."""

    def relation(self, key: str) -> str:
        """Return the words for a source relation (``adapted-from`` -> "adapted from")."""
        return dict(self.relation_words).get(key, key.replace("-", " "))


ENGLISH = Vocabulary(
    chapter="Chapter", part="Part", article="Article", section="Section",
    article_ref="article", section_ref="section", paragraph_ref="paragraph", subsection_ref="subsection",
    of_this_article="of this article", this_law="this Law", this_act="this Act",
    definitions="Definitions", interpretation="Interpretation",
    definitions_intro_law="For the purposes of this Law:", definitions_intro_act="In this Act:", means=" means ",
    commentary="Commentary", sources="Sources", open_questions="Open questions", recommendations="Recommendations answered",
    contents="Contents", option="Option", end_of_options="End of options", page="Page", of="of", version="Version",
    model_kind="Model law with commentary", enactment_kind="Bill", draft_law_kind="Draft law",
    mandatory="Mandatory", recommended="Recommended", optional="Optional",
    model_note=(
        "How to read this model law. Each article is marked [Mandatory] where a binding instrument "
        "requires it, [Recommended] where it reflects good practice, or [Optional] where it is a policy "
        "choice. Words in square brackets are placeholders for national choices. Where practice differs, "
        "alternative texts are set out as [Option A], [Option B]; a State adopts one. Each article is "
        "followed by a commentary and the instruments it draws on."
    ),
    months=("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"),
    quotes=("“", "”"),
)

ARABIC = Vocabulary(
    state_placeholder="[الدولة]",
    chapter="الفصل", part="الباب", article="المادة", section="المادة",
    article_ref="المادة", section_ref="المادة", paragraph_ref="الفقرة", subsection_ref="الفقرة",
    of_this_article="من هذه المادة", this_law="هذا القانون", this_act="هذا القانون",
    definitions="التعاريف", interpretation="التعاريف",
    definitions_intro_law="لأغراض هذا القانون:", definitions_intro_act="لأغراض هذا القانون:", means=" يعني ",
    commentary="التعليق", sources="المصادر", open_questions="مسائل مفتوحة", recommendations="التوصيات التي تستجيب لها المادة",
    contents="المحتويات", option="الخيار", end_of_options="نهاية الخيارات", page="الصفحة", of="من", version="الإصدار",
    model_kind="قانون نموذجي مع التعليق", enactment_kind="مشروع قانون", draft_law_kind="مشروع قانون",
    mandatory="إلزامي", recommended="موصى به", optional="اختياري",
    model_note=(
        "كيفية قراءة هذا القانون النموذجي: توسم كل مادة بأنها [إلزامي] أو [موصى به] أو [اختياري]. "
        "والكلمات بين معقوفين خيارات وطنية. وحيث تختلف الممارسات تعرض نصوص بديلة بوصفها خيارات، "
        "ويلي كل مادة تعليق والصكوك التي تستند إليها."
    ),
    months=("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"),
    quotes=("«", "»"),
    commentary_headings=(
        "الغرض", "أساس التصنيف", "حقوق الإنسان", "القانون الدولي الإنساني", "خيارات الصياغة",
        "التنفيذ", "التنفيذ في نظم القانون المدني", "التنفيذ في نظم القانون العام",
    ),
    right_to_left=True,
    pinpoint_unverified="الإحالة الدقيقة غير متحقق منها",
    relation_words=(
        ("implements", "تنفيذاً لـ"), ("adapted-from", "مقتبس من"), ("consistent-with", "متسق مع"),
        ("inspired-by", "مستوحى من"), ("see-also", "انظر أيضاً"),
    ),
    basic_concepts="المفاهيم الأساسية المستخدمة في هذا القانون",
    basic_concepts_intro="تُستخدم في هذا القانون المفاهيم الأساسية التالية:",
    liability_by_reference="يتحمل الأشخاص الذين يرتكبون الأفعال المشار إليها في هذه المادة المسؤولية وفقاً لتشريعات {state}.",
    explanatory_note="مذكرة إيضاحية",
    model_note_explanatory=(
        "كيفية قراءة هذا القانون النموذجي: توسم كل مادة بأنها [إلزامي] أو [موصى به] أو [اختياري]. "
        "والكلمات بين معقوفين خيارات وطنية. وحيث تختلف الممارسات تعرض نصوص بديلة بوصفها خيارات. "
        "ويرد التعليق على كل مادة والصكوك التي تستند إليها في المذكرة الإيضاحية الملحقة بالقانون."
    ),
    explanatory_note_intro=(
        "ترافق هذه المذكرة مشروع {title}. وهي تبين، فصلاً فصلاً ومادة مادة، الغرض من كل حكم وأساس تصنيفه "
        "وصلته بحقوق الإنسان والقانون الدولي الإنساني، والصكوك الدولية التي يستند إليها."
    ),
    definitions_purpose="تُجمع هذه المادة من وحدات التعاريف الخاصة بالمصطلحات التي تستخدمها المواد الأخرى، بحيث تعرّف كل مصطلح مستخدم دون غيره.",
)

RUSSIAN = Vocabulary(
    state_placeholder="[государство]",
    chapter="Глава", part="Раздел", article="Статья", section="Статья",
    article_ref="статья", section_ref="статья", paragraph_ref="часть", subsection_ref="часть",
    of_this_article="настоящей статьи", this_law="настоящий Закон", this_act="настоящий Закон",
    definitions="Основные понятия, используемые в настоящем Законе",
    interpretation="Основные понятия, используемые в настоящем Законе",
    definitions_intro_law="В настоящем Законе используются следующие основные понятия:",
    definitions_intro_act="В настоящем Законе используются следующие основные понятия:", means=" — ",
    commentary="Комментарий", sources="Источники", open_questions="Открытые вопросы",
    recommendations="Рекомендации, которым отвечает статья",
    contents="Содержание", option="Вариант", end_of_options="Конец вариантов", page="Страница", of="из", version="Версия",
    model_kind="Модельный закон с комментарием", enactment_kind="Проект закона", draft_law_kind="Проект закона",
    mandatory="Обязательно", recommended="Рекомендуется", optional="Факультативно",
    model_note=(
        "Как читать настоящий модельный закон. Каждая статья помечена как [Обязательно], если ее требует "
        "обязательный международный акт, [Рекомендуется], если она отражает надлежащую практику, или "
        "[Факультативно], если она выражает выбор законодательной политики. Слова в квадратных скобках "
        "заменяются национальными решениями. Там, где практика государств различается, приводятся "
        "альтернативные тексты ([Вариант A], [Вариант B]); государство выбирает один из них. За каждой "
        "статьей следуют комментарий и перечень актов, на которых она основана."
    ),
    months=("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"),
    quotes=("«", "»"),
    commentary_headings=(
        "Цель", "Основание статуса", "Права человека", "Международное гуманитарное право", "Варианты редакции",
        "Реализация", "Реализация в странах романо-германской правовой семьи", "Реализация в странах общего права",
    ),
    pinpoint_unverified="точная ссылка не проверена",
    relation_words=(
        ("implements", "имплементирует"), ("adapted-from", "основано на"), ("consistent-with", "соответствует"),
        ("inspired-by", "составлено с учетом"), ("see-also", "см. также"),
    ),
    basic_concepts="Основные понятия, используемые в настоящем Законе",
    basic_concepts_intro="В настоящем Законе используются следующие основные понятия:",
    liability_by_reference="Лица, виновные в совершении деяний, указанных в настоящей статье, несут ответственность в соответствии с законодательством {state}.",
    explanatory_note="Пояснительная записка",
    model_note_explanatory=(
        "Как читать настоящий модельный закон. Каждая статья помечена как [Обязательно], если ее требует "
        "обязательный международный акт, [Рекомендуется], если она отражает надлежащую практику, или "
        "[Факультативно], если она выражает выбор законодательной политики. Слова в квадратных скобках "
        "заменяются национальными решениями. Там, где практика государств различается, приводятся "
        "альтернативные тексты ([Вариант A], [Вариант B]); государство выбирает один из них. Комментарий "
        "к каждой статье и перечень актов, на которых она основана, приводятся в пояснительной записке "
        "после текста закона."
    ),
    explanatory_note_intro=(
        "Настоящая записка прилагается к проекту «{title}». В ней по главам и статьям излагаются цель каждого "
        "положения, основания его статуса, его значение для прав человека и международного гуманитарного "
        "права, а также международные акты, на которых оно основано."
    ),
    definitions_purpose=(
        "Статья составляется из определений понятий, которые используются в других статьях, в алфавитном "
        "порядке, так что в ней определяется каждое используемое понятие и не определяется ни одно иное."
    ),
)

_BY_LANGUAGE = {"en": ENGLISH, "ar": ARABIC, "ru": RUSSIAN}
RIGHT_TO_LEFT = frozenset({"ar", "fa", "he", "ur", "ps", "sd", "ug", "yi", "dv", "ckb"})


def vocabulary(language: str) -> Vocabulary:
    """Return the vocabulary of ``language`` (a BCP 47 tag); English when there is none."""
    return _BY_LANGUAGE.get(language.split("-")[0].lower(), ENGLISH)


def is_right_to_left(language: str) -> bool:
    """True for languages written right to left (Arabic, Persian, Hebrew, Urdu...)."""
    return language.split("-")[0].lower() in RIGHT_TO_LEFT
