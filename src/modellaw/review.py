"""Review round trip: read reviewers' Word comments back and map each to its clause and article.

Every article heading of a modellaw document carries a bookmark ``ml_art_N``, and the custom
property ``modellaw.articles`` maps those eIds to clause ids. A comment belongs to the article
whose heading bookmark comes last before the comment's anchor. Comments modellaw generated
itself (``--review-comments``: "Clause <id> v<version> [status]") are left out.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import docx
from docx.exceptions import InvalidXmlError
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.inputs import MAX_UNPACKED_BYTES, MAX_WORD_BYTES, read_input

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



_MALFORMED = (ValueError, TypeError, KeyError, AttributeError, etree.LxmlError, InvalidXmlError)
_SAFE_XML = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def read_comments(path: Path) -> tuple[str, list[ReviewComment]]:
    """Return the document title and every reviewer comment, in document order.

    The file is read as a bounded input (IN001-IN003), its parts may not unpack to more than
    MAX_UNPACKED_BYTES (REV003), and a malformed part is a located error naming it (REV002).
    """
    display = relpath(path)
    data, problems = read_input(path, display, MAX_WORD_BYTES)
    if data is None:
        raise WriteError(problems)
    _check_package(data, display)
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError) as exc:
        raise WriteError([Diagnostic("REV001", f"not a Word document ({exc})", Location(display))]) from exc
    with _part(display, "docProps/custom.xml"):
        articles = _article_map(data)
    with _part(display, "word/comments.xml"):
        comments = {c.comment_id: c for c in document.comments}
        texts = {cid: (c.text or "", c.author or "", c.timestamp.isoformat() if c.timestamp else "") for cid, c in comments.items()}
    with _part(display, "word/document.xml"):
        anchors = _anchors(document, articles)
        title = document.core_properties.title
    found = []
    for comment_id, (eid, heading, anchored) in anchors.items():
        if comment_id not in texts or _GENERATED.match(texts[comment_id][0]):
            continue
        text, author, date = texts[comment_id]
        clause = articles.get(eid, FRONT) if eid else FRONT
        found.append(ReviewComment(clause, heading, author, date, text.strip(), anchored))
    return title or path.stem, found


def _check_package(data: bytes, display: str) -> None:
    """Raise WriteError when ``data`` is no zip package or would unpack to too much (a zip bomb)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            unpacked = sum(info.file_size for info in package.infolist())
    except (zipfile.BadZipFile, ValueError) as exc:
        raise WriteError([Diagnostic("REV001", f"not a Word document ({exc})", Location(display))]) from exc
    if unpacked > MAX_UNPACKED_BYTES:
        message = f"the parts unpack to {unpacked // (1024 * 1024)} MiB, more than the limit of {MAX_UNPACKED_BYTES // (1024 * 1024)} MiB"
        raise WriteError([Diagnostic("REV003", message, Location(display))])


@contextmanager
def _part(display: str, part: str) -> Iterator[None]:
    """Turn any failure while reading ``part`` into a located error naming the file and the part."""
    try:
        yield
    except _MALFORMED as exc:
        line = getattr(exc, "lineno", None) if isinstance(exc, etree.XMLSyntaxError) else None
        message = f"malformed part {part}: {str(exc)[:160] or type(exc).__name__}"
        raise WriteError([Diagnostic("REV002", message, Location(display, line, part))]) from exc


def _article_map(data: bytes) -> dict[str, str]:
    """Return eId -> clause id from the ``modellaw.articles`` custom property (empty when absent)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        if "docProps/custom.xml" not in z.namelist():
            return {}
        root = etree.fromstring(z.read("docProps/custom.xml"), _SAFE_XML)
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
