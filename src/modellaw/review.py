"""Review round trip: read reviewers' Word comments back and map each to its clause and article.

Every article heading of a modellaw document carries a bookmark ``ml_art_N``, and the custom
property ``modellaw.articles`` maps those eIds to clause ids. A comment belongs to the article
whose heading bookmark comes last before the comment's anchor. Comments modellaw generated
itself (``--review-comments``: "Clause <id> v<version> [status]") are left out.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from modellaw.errors import Diagnostic, Location, WriteError, relpath

_GENERATED = re.compile(r"^Clause [a-z][a-z0-9-]*(\.[a-z0-9-]+)?( v\d+\.\d+\.\d+)?( \[\w+\])?(\n|$)")
FRONT = "(front matter)"


@dataclass(frozen=True)
class ReviewComment:
    """One reviewer's comment, where it sits and what it says."""

    clause_id: str
    article: str
    author: str
    date: str
    text: str
    anchored_text: str


def read_comments(path: Path) -> tuple[str, list[ReviewComment]]:
    """Return the document title and every reviewer comment, in document order."""
    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError) as exc:
        raise WriteError([Diagnostic("REV001", f"not a Word document ({exc})", Location(relpath(path)))]) from exc
    articles = _article_map(path)
    comments = {c.comment_id: c for c in document.comments}
    anchors = _anchors(document, articles)
    found = []
    for comment_id, (eid, heading, anchored) in anchors.items():
        comment = comments.get(comment_id)
        if comment is None or _GENERATED.match(comment.text or ""):
            continue
        clause = articles.get(eid, FRONT) if eid else FRONT
        date = comment.timestamp.isoformat() if comment.timestamp else ""
        found.append(ReviewComment(clause, heading, comment.author or "", date, (comment.text or "").strip(), anchored))
    return document.core_properties.title or path.stem, found


def _article_map(path: Path) -> dict[str, str]:
    """Return eId -> clause id from the ``modellaw.articles`` custom property (empty when absent)."""
    with zipfile.ZipFile(path) as z:
        if "docProps/custom.xml" not in z.namelist():
            return {}
        root = etree.fromstring(z.read("docProps/custom.xml"))
    for prop in root:
        if prop.get("name") == "modellaw.articles":
            return dict(pair.split("=", 1) for pair in "".join(prop.itertext()).split(";") if "=" in pair)
    return {}


def _anchors(document: docx.document.Document, articles: dict[str, str]) -> dict[int, tuple[str | None, str, str]]:
    """Return comment id -> (article eId, heading text, anchored text), walking the body in order."""
    current: tuple[str | None, str] = (None, "")
    open_ranges: dict[int, list[str]] = {}
    anchors: dict[int, tuple[str | None, str, str]] = {}
    for paragraph in document.element.body.iter(qn("w:p")):
        heading = _article_heading(paragraph, articles)
        if heading is not None and articles[heading[0]].startswith("definitions."):
            current = (heading[0], current[1])  # a definition: reported under its term, in the definitions article
        elif heading is not None:  # the article starts here, even if a comment sits before its bookmark
            current = heading
        for node in paragraph.iter(qn("w:commentRangeStart"), qn("w:commentRangeEnd"), qn("w:commentReference"), qn("w:t"), qn("w:tab")):
            if node.tag == qn("w:commentRangeStart"):
                open_ranges[int(node.get(qn("w:id")))] = []
                anchors[int(node.get(qn("w:id")))] = (current[0], current[1], "")
            elif node.tag in (qn("w:t"), qn("w:tab")):
                for pieces in open_ranges.values():
                    pieces.append(" " if node.tag == qn("w:tab") else node.text or "")
            elif node.tag == qn("w:commentRangeEnd"):
                cid = int(node.get(qn("w:id")))
                eid, heading, _ = anchors.get(cid, (current[0], current[1], ""))
                anchors[cid] = (eid, heading, "".join(open_ranges.pop(cid, [])).strip())
            elif node.tag == qn("w:commentReference"):
                anchors.setdefault(int(node.get(qn("w:id"))), (current[0], current[1], ""))
    return anchors


def _article_heading(paragraph: etree._Element, articles: dict[str, str]) -> tuple[str, str] | None:
    """Return (eId, heading text) when the paragraph carries an article's heading bookmark."""
    for bookmark in paragraph.iter(qn("w:bookmarkStart")):
        eid = (bookmark.get(qn("w:name")) or "").removeprefix("ml_")
        if eid in articles:
            return eid, "".join(t.text or "" for t in paragraph.iter(qn("w:t")))
    return None


def report_markdown(title: str, comments: list[ReviewComment]) -> str:
    """Return the review report in Markdown, grouped by clause in document order."""
    out = [f"# Review report — {title}", ""]
    if not comments:
        return "\n".join(out + ["No reviewer comments.", ""])
    groups: dict[str, list[ReviewComment]] = {}
    for comment in comments:
        groups.setdefault(comment.clause_id, []).append(comment)
    out += [f"{len(comments)} comment(s) on {len(groups)} clause(s).", ""]
    for clause_id, items in groups.items():
        out += [f"## {clause_id}" + (f" — {items[0].article}" if items[0].article else ""), ""]
        for c in items:
            anchored = f" (on “{c.anchored_text}”)" if c.anchored_text else ""
            out.append(f"- **{c.author or 'anonymous'}**, {c.date or 'undated'}{anchored}: {c.text}")
        out.append("")
    return "\n".join(out)


def report_json(title: str, comments: list[ReviewComment]) -> str:
    """Return the review report as JSON: the title and the comments grouped by clause id."""
    groups: dict[str, list[dict[str, str]]] = {}
    for comment in comments:
        groups.setdefault(comment.clause_id, []).append(asdict(comment))
    return json.dumps({"title": title, "comments": len(comments), "clauses": groups}, indent=1, ensure_ascii=False) + "\n"
