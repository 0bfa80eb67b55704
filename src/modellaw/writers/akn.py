"""The Akoma Ntoso 3.0 writer: the numbered IR as an AKN ``act`` (a model law) or ``bill`` (enactment mode).

FRBR metadata comes from the config (country or body code, date, language, version). Chapters,
articles, paragraphs and points carry ``num`` and the eIds of ``writers.eids``; defined terms are
``def``/``term`` elements referring to a ``TLCTerm``; cross-references are ``ref`` elements to the
target's eId; drafting options are ``hcontainer`` elements, the chosen one the main text and the
others ``alternativeTo`` it; sources are notes; the commentary is an attached ``doc``. Each
article's clause id and version are in the proprietary metadata, so two exports align by clause.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from lxml import etree

from modellaw.annex import Annex
from modellaw.ir import Alternatives, Article, DefinedTerm, Division, Document, ExplanatoryNote, Inline, Meta, OptionGroup, OptionVariant, Paragraph, Point, Ref, Term
from modellaw.walk import iter_inlines
from modellaw.writers.eids import Names, akn_eids, definition_eids, names_for, option_eid
from modellaw.writers.words import commentary_under_articles, date_text, model_note, status_marker, title_lines, words_for

AKN_NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MODELLAW_NS = "urn:modellaw:akn:1"
"""Namespace of the proprietary metadata (clause id, version, status, option of each article)."""
LANGUAGES = {"en": "eng", "fr": "fra", "ru": "rus", "ar": "ara", "es": "spa", "zh": "zho", "de": "deu", "pt": "por"}
STATUSES = ("mandatory", "recommended", "optional")
CHOSEN = "chosenOption"
AUTHOR = "author"


def write_akn(document: Document, annexes: Sequence[Annex] = ()) -> bytes:
    """Return the AKN XML bytes of a numbered document (annexes are not part of the AKN export)."""
    return AknBuilder(document).xml()


def language_code(tag: str) -> str:
    """Return the ISO 639-2 code AKN uses in FRBR (``en`` -> ``eng``); unknown tags are kept as given."""
    return LANGUAGES.get(tag.split("-")[0].lower(), tag.lower())


def work_uri(meta: Meta) -> str:
    """Return the FRBR work URI, e.g. ``/akn/xx/act/model-law/2026-11-21/ai-counter-terrorism``."""
    kind = "act/model-law" if meta.mode == "model" else "bill"
    return f"/akn/{meta.frbr_country}/{kind}/{meta.date.isoformat()}/{_slug(meta)}"


def _slug(meta: Meta) -> str:
    """Return the FRBR number: the short title in lower-case ASCII words, or the config hash when none."""
    slug = re.sub(r"[^a-z0-9]+", "-", meta.short_title.lower()).strip("-")[:60].strip("-")
    return slug or meta.config_hash[:12]


def _el(parent: Any, tag: str, text: str | None = None, **attributes: str) -> Any:
    """Append and return a child element in the AKN namespace."""
    child = etree.SubElement(parent, f"{{{AKN_NS}}}{tag}", {k.replace("_", ""): v for k, v in attributes.items()})
    if text is not None:
        child.text = text
    return child


def _add_text(element: Any, text: str) -> None:
    """Append ``text`` at the end of ``element``'s mixed content."""
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


class AknBuilder:
    """Builds one AKN document from the IR: metadata, preface, body, and the commentary attachment."""

    def __init__(self, document: Document) -> None:
        self.ir = document
        self.meta = document.meta
        self.words = words_for(document.meta)
        self.model = document.meta.mode == "model"
        self.commentary = commentary_under_articles(document)
        self.names: Names = names_for(document)
        self.eids = akn_eids(document)
        self.definitions = definition_eids(document, self.eids)
        self.term_counts: dict[str, int] = {}
        self.notes: list[tuple[str, Article]] = []

    def xml(self) -> bytes:
        """Return the serialised document, UTF-8 with an XML declaration."""
        root = etree.Element(f"{{{AKN_NS}}}akomaNtoso", nsmap={None: AKN_NS})
        doc = _el(root, "act" if self.model else "bill", name="modelLaw" if self.model else "bill", contains="originalVersion")
        meta = _el(doc, "meta")
        self._preface(_el(doc, "preface"))
        body = _el(doc, "body")
        for division in self.ir.divisions:
            self._division(body, division)
        self._meta(meta)
        if self.ir.note is not None:
            self._explanatory_note(_el(_el(doc, "attachments"), "attachment", eId="att_1"), self.ir.note)
        elif self.commentary and any(a.commentary or a.open_questions or a.implements for a in self.ir.articles()):
            self._commentary(_el(_el(doc, "attachments"), "attachment", eId="att_1"))
        return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)

    # --- metadata ---------------------------------------------------------------------------

    def _meta(self, meta: Any) -> None:
        self._identification(meta, work_uri(self.meta), "main")
        self._references(meta)
        if self.notes:
            notes = _el(meta, "notes", source=f"#{AUTHOR}")
            for eid, article in self.notes:
                note = _el(notes, "note", eId=eid, marker=eid.rsplit("_", 1)[1], placement="bottom")
                _el(note, "p", f"{self.words.sources}:")
                for source in article.sources:
                    _el(note, "p", source.format())
        self._proprietary(meta)

    def _identification(self, meta: Any, work: str, component: str) -> None:
        date = self.meta.date.isoformat()
        expression = f"{work}/{language_code(self.meta.language)}@{date}"
        identification = _el(meta, "identification", source=f"#{AUTHOR}")
        levels = (("FRBRWork", work, f"{work}/!{component}"), ("FRBRExpression", expression, f"{expression}/!{component}"),
                  ("FRBRManifestation", f"{expression}.akn", f"{expression}/!{component}.xml"))
        for level, uri, this in levels:
            frbr = _el(identification, level)
            _el(frbr, "FRBRthis", value=this)
            _el(frbr, "FRBRuri", value=uri)
            if level == "FRBRWork":
                _el(frbr, "FRBRalias", value=self.meta.short_title, name="shortTitle")
            _el(frbr, "FRBRdate", date=date, name="draft")
            _el(frbr, "FRBRauthor", href=f"#{AUTHOR}")
            if level == "FRBRWork":
                _el(frbr, "FRBRcountry", value=self.meta.frbr_country)
                if self.model:
                    _el(frbr, "FRBRsubtype", value="model-law")
                _el(frbr, "FRBRnumber", value=_slug(self.meta))
                _el(frbr, "FRBRname", value="modelLaw" if self.model else "bill")
                _el(frbr, "FRBRprescriptive", value="false" if self.model else "true")
            elif level == "FRBRExpression":
                _el(frbr, "FRBRversionNumber", value=self.meta.version)
                _el(frbr, "FRBRlanguage", language=language_code(self.meta.language))

    def _references(self, meta: Any) -> None:
        references = _el(meta, "references", source=f"#{AUTHOR}")
        _el(references, "TLCOrganization", eId=AUTHOR, href=f"/ontology/organization/{_token(self.meta.author)}", showAs=self.meta.author)
        if self.model:
            for status in STATUSES:
                _el(references, "TLCConcept", eId=status, href=f"/ontology/concept/modellaw.{status}", showAs=getattr(self.words, status))
        if any(isinstance(b, OptionGroup) for a in self.ir.articles() for b in a.body):
            _el(references, "TLCConcept", eId=CHOSEN, href="/ontology/concept/modellaw.chosenOption", showAs="chosen option")
        for term_id, shown in sorted(self._defined_terms().items()):
            _el(references, "TLCTerm", eId=f"term-{_token(term_id)}", href=f"/ontology/term/modellaw.{_token(term_id)}", showAs=shown)

    def _defined_terms(self) -> dict[str, str]:
        """Return term id -> the term as defined, for every term defined or used in the document."""
        found: dict[str, str] = {}
        for article in self.ir.articles():
            for node in iter_inlines(article):
                if isinstance(node, (Term, DefinedTerm)) and (isinstance(node, DefinedTerm) or node.term_id not in found):
                    found[node.term_id] = node.text
        return found

    def _proprietary(self, meta: Any) -> None:
        proprietary = _el(meta, "proprietary", source=f"#{AUTHOR}")
        clauses = etree.SubElement(proprietary, f"{{{MODELLAW_NS}}}clauses", nsmap={"modellaw": MODELLAW_NS})
        for article in self.ir.articles():
            attributes = {"href": f"#{self.eids[article.eid or '']}", "clause": article.clause_id, "version": article.version, "status": article.status}
            if article.option:
                attributes["option"] = article.option
            etree.SubElement(clauses, f"{{{MODELLAW_NS}}}article", attributes)

    # --- preface and body -------------------------------------------------------------------

    def _preface(self, preface: Any) -> None:
        if self.meta.draft_marking:
            _el(preface, "p", self.meta.draft_marking, class_="draftMarking")
        _el(_el(_el(preface, "longTitle"), "p"), "docTitle", self.meta.title)
        jurisdiction, version, kind = title_lines(self.meta)
        _el(preface, "p", jurisdiction, class_="jurisdiction")
        line = _el(preface, "p", class_="version")
        _add_text(line, version.removesuffix(date_text(self.meta)))
        _el(line, "docDate", date_text(self.meta), date=self.meta.date.isoformat())
        _el(_el(preface, "p"), "docStage", kind)
        if self.model:
            _el(preface, "p", model_note(self.ir), class_="note")

    def _division(self, body: Any, division: Division) -> None:
        element = _el(body, self.names.division, eId=self.eids[division.eid or ""])
        _el(element, "num", division.label or "")
        _el(element, "heading", division.title)
        for article in division.articles:
            self._article(element, article)

    def _article(self, parent: Any, article: Article) -> None:
        eid = self.eids[article.eid or ""]
        attributes = {"eId": eid}
        if self.model and article.status in STATUSES:
            attributes["refersTo"] = f"#{article.status}"
        element = _el(parent, self.names.article, **attributes)
        _el(element, "num", f"{article.number}." if self.names.article == "section" else article.label or "")
        heading = _el(element, "heading", article.title)
        if self.commentary and article.sources:
            note = f"{eid}__note_{len(self.notes) + 1}"
            self.notes.append((note, article))
            _el(heading, "noteRef", href=f"#{note}", marker=str(len(self.notes)), placement="bottom")
        if self.model and article.status:
            _el(element, "subheading", status_marker(article.status, self.meta))
        for block in article.body:
            if isinstance(block, OptionGroup):
                self._options(element, block, eid)
            else:
                self._paragraph(element, block)

    def _options(self, parent: Any, group: OptionGroup, article_eid: str) -> None:
        main = next((v for v in group.variants if v.chosen), group.variants[0])
        main_eid = option_eid(article_eid, main.key)
        for variant in group.variants:
            attributes = {"name": "option", "eId": option_eid(article_eid, variant.key)}
            if variant is main:
                attributes["refersTo"] = f"#{CHOSEN}"
            else:
                attributes["alternativeTo"] = main_eid
            self._variant(_el(parent, "hcontainer", **attributes), variant)

    def _variant(self, element: Any, variant: OptionVariant) -> None:
        _el(element, "num", f"{self.words.option} {variant.key}")
        _el(element, "heading", variant.label)
        for paragraph in variant.paragraphs:
            self._paragraph(element, paragraph)

    def _paragraph(self, parent: Any, paragraph: Paragraph) -> None:
        eid = self.eids[paragraph.eid or ""]
        element = _el(parent, self.names.paragraph, eId=eid)
        if paragraph.label:
            _el(element, "num", paragraph.label)
        self._list(element, eid, paragraph.inlines, paragraph.points, paragraph.wrap_up)

    def _point(self, parent: Any, point: Point) -> None:
        eid = self.eids[point.eid or ""]
        element = _el(parent, "point", eId=eid)
        _el(element, "num", point.label or "")
        self._list(element, eid, point.inlines, point.children, ())

    def _list(self, element: Any, eid: str, inlines: tuple[Inline, ...], points: tuple[Point, ...], wrap_up: tuple[Inline, ...]) -> None:
        """Write plain ``content``, or ``intro``, the points and ``wrapUp`` when there are points."""
        if not points:
            self._inlines(_el(_el(element, "content"), "p"), inlines, eid)
            return
        if inlines:
            self._inlines(_el(_el(element, "intro"), "p"), inlines, eid)
        for point in points:
            self._point(element, point)
        if wrap_up:
            self._inlines(_el(_el(element, "wrapUp"), "p"), wrap_up, eid)

    def _inlines(self, p: Any, inlines: tuple[Inline, ...], container: str) -> None:
        for node in inlines:
            if isinstance(node, Term):
                count = self.term_counts[container] = self.term_counts.get(container, 0) + 1
                _el(p, "term", node.text, eId=f"{container}__term_{count}", refersTo=f"#term-{_token(node.term_id)}")
            elif isinstance(node, DefinedTerm):
                opening, closing = self.words.quotes
                _add_text(p, opening)
                _el(p, "def", node.text, refersTo=f"#term-{_token(node.term_id)}")
                _add_text(p, closing)
            elif isinstance(node, Ref) and node.target_eid and node.target_eid in self.eids:
                _el(p, "ref", node.label or "", href=f"#{self.eids[node.target_eid]}")
            elif isinstance(node, Ref):
                _add_text(p, node.label or "")
            elif isinstance(node, Alternatives):
                for index, variant in enumerate(node.variants):
                    _add_text(p, ("[" if index == 0 else " / ") + f"{self.words.option} {variant.key}: ")
                    self._inlines(p, variant.inlines, container)
                _add_text(p, "]")
            else:
                _add_text(p, node.text)

    # --- commentary attachment --------------------------------------------------------------

    def _commentary(self, attachment: Any) -> None:
        doc = _el(attachment, "doc", name="commentary")
        meta = _el(doc, "meta")
        self._identification(meta, work_uri(self.meta), "commentary")
        _el(_el(_el(doc, "preface"), "longTitle"), "p", f"{self.words.commentary} — {self.meta.title}")
        main = _el(doc, "mainBody")
        for article in self.ir.articles():
            if article.commentary or article.open_questions or article.implements:
                self._article_commentary(main, article)

    def _explanatory_note(self, attachment: Any, note: ExplanatoryNote) -> None:
        """The explanatory note as an attached ``doc``: its opening words, then one hcontainer per chapter and article."""
        doc = _el(attachment, "doc", name="explanatoryNote")
        meta = _el(doc, "meta")
        self._identification(meta, work_uri(self.meta), "explanatoryNote")
        _el(_el(_el(doc, "preface"), "longTitle"), "p", f"{note.title} — {self.meta.title}")
        main = _el(doc, "mainBody")
        intro = _el(_el(main, "hcontainer", name="introduction", eId="att_1__hcontainer_intro"), "content")
        for paragraph in note.intro:
            _el(intro, "p", paragraph)
        for number, chapter in enumerate(note.chapters, start=1):
            part = _el(main, "hcontainer", name="chapterNote", eId=f"att_1__hcontainer_{number}")
            _el(part, "heading", chapter.heading)
            for index, entry in enumerate(chapter.entries, start=1):
                container = _el(part, "hcontainer", name="articleNote", eId=f"att_1__hcontainer_{number}__hcontainer_{index}")
                heading = _el(container, "heading")
                if entry.article_eid:
                    _el(heading, "ref", entry.heading, href=f"#{self.eids[entry.article_eid]}")
                else:
                    _add_text(heading, entry.heading)
                content = _el(container, "content")
                for section in entry.sections:
                    p = _el(content, "p")
                    _el(p, "b", f"{section.heading}. ")
                    _add_text(p, section.text)

    def _article_commentary(self, main: Any, article: Article) -> None:
        target = self.eids[article.eid or ""]
        container = _el(main, "hcontainer", name="commentary", eId=f"att_1__hcontainer_{target}")
        heading = _el(container, "heading")
        _el(heading, "ref", f"{article.label}. {article.title}", href=f"#{target}")
        content = _el(container, "content")
        for section in article.commentary:
            p = _el(content, "p")
            _el(p, "b", f"{section.heading}. ")
            _add_text(p, section.text)
        if article.open_questions:
            _el(_el(content, "p"), "b", f"{self.words.open_questions}.")
            items = _el(content, "ul")
            for question in article.open_questions:
                _el(_el(items, "li"), "p", question)
        if article.implements:
            p = _el(content, "p")
            _el(p, "b", f"{self.words.recommendations}. ")
            _add_text(p, ", ".join(article.implements) + ".")


def _token(value: str) -> str:
    """Return ``value`` as an identifier token without spaces (for eIds and ontology URIs)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip("-") or "x"
