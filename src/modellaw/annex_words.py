"""The words of the annexes (concordance, comparison of drafts) in each language the toolkit writes.

The law's own furniture is in ``vocabulary.py``; these are the headings, column names, notes and
change descriptions of the annexes, which are tables about the law rather than parts of it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class AnnexWords:
    """Every word an annex prints that does not come from the library or the config."""

    annex: str
    version_line: str
    """The subtitle under an annex title: ``{title}`` and ``{version}`` to fill."""
    concordance: str
    concordance_sections: tuple[str, str, str, str]
    """Articles-sources table, instruments table, recommendations table, gaps list."""
    recommendation_note: str
    gap_note: str
    article_columns: tuple[str, str, str, str, str]
    instrument_columns: tuple[str, str, str]
    recommendation_columns: tuple[str, str, str, str]
    legislative_mark: str
    """The column mark of a recommendation legislation can answer ("L")."""
    legislative_tag: str
    """The tag after a gap that legislation can answer ("legislative")."""
    gap: str
    binding: str
    statuses: dict[str, str] = field(default_factory=dict)
    """Article status words (``mandatory`` ...) as the tables print them."""
    comparison: str = ""
    summary: str = ""
    old_new: str = ""
    """The summary note: ``{old}`` and ``{new}`` to fill."""
    articles_compared: str = ""
    comparison_note: str = ""
    no_differences: str = ""
    summary_columns: tuple[str, str] = ("", "")
    comparison_columns: tuple[str, str, str] = ("", "", "")
    pair_statuses: dict[str, str] = field(default_factory=dict)
    """``unchanged``, ``changed``, ``added``, ``removed``, ``moved``, ``renumbered`` as printed."""
    changes: dict[str, str] = field(default_factory=dict)
    """What-changed phrases, with ``{old}``, ``{new}``, ``{label}``, ``{before}``, ``{after}`` to fill."""

    def status(self, key: str | None) -> str:
        """Return an article status as printed ("—" when the article has none)."""
        return self.statuses.get(key, key) if key else "—"

    def change(self, key: str, **values: str) -> str:
        """Return the what-changed phrase ``key`` with its values filled in."""
        return self.changes[key].format(**values)


ENGLISH_ANNEX = AnnexWords(
    annex="Annex", version_line="{title} — version {version}", concordance="Concordance",
    concordance_sections=("Articles, sources and recommendations", "Instruments and the articles citing them",
                          "Recommendations and the articles answering them", "Gaps: recommendations no article answers"),
    recommendation_note=("Every recommendation of the outcome documents, statements and policy briefs on which the law draws, "
                         "in the words of this annex; L marks those legislation can answer."),
    gap_note="Recommendations legislation can answer are marked [legislative]; the others call for capacity building, awareness or diplomacy.",
    article_columns=("Article", "Title", "Status", "Instruments and pinpoints", "Recommendations"),
    instrument_columns=("Instrument", "Kind", "Articles"),
    recommendation_columns=("Recommendation", "L", "What it asks", "Articles"),
    legislative_mark="L", legislative_tag="legislative", gap="gap", binding="binding",
    comparison="Comparison of drafts", summary="Summary", old_new="Old: {old}. New: {new}.", articles_compared="Articles compared",
    comparison_note=("Articles are aligned by clause, not by number. Inside the texts, deleted words are struck through "
                     "in the old text and inserted words underlined in the new text."),
    no_differences="No differences: the two drafts have the same articles, text, parameters and options.",
    summary_columns=("Status", "Articles"), comparison_columns=("Old text", "New text", "What changed"),
    changes={
        "added_as": "Added as {label}", "added": "Added", "removed": "Removed (was {label})", "moved": "Moved: {old} → {new}",
        "renumbered": "Renumbered: {old} → {new}", "text": "Text changed", "option": "Option {old} → {new}",
        "value": "Value changed: {before} → {after}", "revised": "Model text revised (version {old} → {new})", "none": "No change",
    },
)

RUSSIAN_ANNEX = AnnexWords(
    annex="Приложение", version_line="{title} — редакция {version}", concordance="Таблица соответствия",
    concordance_sections=("Статьи, источники и рекомендации", "Международные документы и статьи, которые на них ссылаются",
                          "Рекомендации и статьи, которые их реализуют", "Пробелы: рекомендации, не реализованные ни одной статьей"),
    recommendation_note=("Все рекомендации итоговых документов, заявлений и аналитических записок, на которые опирается закон, "
                         "в формулировке настоящего приложения; буквой З отмечены рекомендации, которые может реализовать закон."),
    gap_note="Рекомендации, которые может реализовать закон, отмечены пометкой [законодательная]; остальные требуют мер по наращиванию потенциала, просвещению или дипломатических усилий.",
    article_columns=("Статья", "Наименование", "Статус", "Международные документы и положения", "Рекомендации"),
    instrument_columns=("Документ", "Вид", "Статьи"),
    recommendation_columns=("Рекомендация", "З", "Содержание", "Статьи"),
    legislative_mark="З", legislative_tag="законодательная", gap="пробел", binding="обязательный",
    statuses={"mandatory": "обязательная", "recommended": "рекомендуемая", "optional": "факультативная"},
    comparison="Сравнение редакций", summary="Сводка", old_new="Прежняя редакция: {old}. Новая редакция: {new}.",
    articles_compared="Сравнение статей",
    comparison_note=("Статьи сопоставлены по положениям библиотеки, а не по номерам. Исключенные слова зачеркнуты "
                     "в прежнем тексте, добавленные подчеркнуты в новом."),
    no_differences="Различий нет: в обеих редакциях одни и те же статьи, текст, параметры и варианты.",
    summary_columns=("Статус", "Статьи"), comparison_columns=("Прежний текст", "Новый текст", "Что изменилось"),
    pair_statuses={"unchanged": "без изменений", "changed": "изменена", "added": "добавлена", "removed": "исключена",
                   "moved": "перемещена", "renumbered": "изменен номер"},
    changes={
        "added_as": "Добавлена как {label}", "added": "Добавлена", "removed": "Исключена (была {label})", "moved": "Перемещена: {old} → {new}",
        "renumbered": "Изменен номер: {old} → {new}", "text": "Изменен текст", "option": "Вариант {old} → {new}",
        "value": "Изменено значение: {before} → {after}", "revised": "Пересмотрен текст модели (редакция {old} → {new})", "none": "Без изменений",
    },
)

ARABIC_ANNEX = AnnexWords(
    annex="مرفق", version_line="{title} — الإصدار {version}", concordance="جدول التوافق",
    concordance_sections=("المواد والمصادر والتوصيات", "الصكوك والمواد التي تستند إليها", "التوصيات والمواد التي تستجيب لها",
                          "الثغرات: توصيات لا تستجيب لها أي مادة"),
    recommendation_note=("جميع توصيات الوثائق الختامية والبيانات وموجزات السياسات التي يستند إليها القانون، بصياغة هذا المرفق؛ "
                         "ويشير الحرف ت إلى التوصيات التي يمكن أن يستجيب لها التشريع."),
    gap_note="التوصيات التي يمكن أن يستجيب لها التشريع موسومة بعبارة [تشريعية]؛ أما غيرها فيتطلب بناء القدرات أو التوعية أو العمل الدبلوماسي.",
    article_columns=("المادة", "العنوان", "الصفة", "الصكوك والأحكام", "التوصيات"),
    instrument_columns=("الصك", "النوع", "المواد"),
    recommendation_columns=("التوصية", "ت", "مضمونها", "المواد"),
    legislative_mark="ت", legislative_tag="تشريعية", gap="ثغرة", binding="ملزم",
    statuses={"mandatory": "إلزامية", "recommended": "موصى بها", "optional": "اختيارية"},
    comparison="مقارنة المشروعين", summary="ملخص", old_new="النص السابق: {old}. النص الجديد: {new}.", articles_compared="مقارنة المواد",
    comparison_note=("رُتبت المواد وفق الأحكام النموذجية لا وفق أرقامها. الكلمات المحذوفة مشطوبة في النص السابق، "
                     "والكلمات المضافة مسطّرة في النص الجديد."),
    no_differences="لا فروق: للمشروعين المواد والنصوص والقيم والخيارات نفسها.",
    summary_columns=("الحالة", "المواد"), comparison_columns=("النص السابق", "النص الجديد", "ما تغيّر"),
    pair_statuses={"unchanged": "دون تغيير", "changed": "معدّلة", "added": "مضافة", "removed": "محذوفة", "moved": "منقولة",
                   "renumbered": "أعيد ترقيمها"},
    changes={
        "added_as": "أضيفت بوصفها {label}", "added": "أضيفت", "removed": "حُذفت (كانت {label})", "moved": "نُقلت: {old} ← {new}",
        "renumbered": "أعيد ترقيمها: {old} ← {new}", "text": "تغيّر النص", "option": "الخيار {old} ← {new}",
        "value": "تغيّرت القيمة: {before} ← {after}", "revised": "نُقّح النص النموذجي (الإصدار {old} ← {new})", "none": "لا تغيير",
    },
)

ANNEX_WORDS = {"en": ENGLISH_ANNEX, "ru": RUSSIAN_ANNEX, "ar": ARABIC_ANNEX}
"""Annex words by language; a language without its own falls back to English."""


def annex_words(language: str) -> AnnexWords:
    """Return the annex words of ``language`` (English for a language that has none yet)."""
    return ANNEX_WORDS.get(language, ENGLISH_ANNEX)
