"""Parallel texts: one config built in two languages, paired chapter by chapter, article by article
and paragraph by paragraph by their eIds, for writers that set the two side by side.

Both documents come from the same pipeline (``build.build_document``) with different languages,
so their structure is the same unless a translation adds or drops a paragraph or a point of
structure; any difference is an error (PAR001) naming the provision, never a silent misalignment.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from modellaw.build import BuildResult, build_document
from modellaw.errors import CheckError, ConfigError, Diagnostic, DraftingError, Location, relpath
from modellaw.ir import Article, Block, Division, Document, OptionGroup, Paragraph
from modellaw.languages import base_language, check_language
from modellaw.resources import default_config


@dataclass(frozen=True)
class ArticlePair:
    """One article in both languages and its body blocks, paired in order."""

    left: Article
    right: Article
    blocks: tuple[tuple[Block, Block], ...]


@dataclass(frozen=True)
class DivisionPair:
    """One chapter (or Part) in both languages and its articles, paired."""

    left: Division
    right: Division
    articles: tuple[ArticlePair, ...]


@dataclass(frozen=True)
class ParallelText:
    """The two documents of a parallel text and their pairing; ``left`` is the first column."""

    left: Document
    right: Document
    divisions: tuple[DivisionPair, ...]


def block_key(block: Block) -> tuple[str, ...]:
    """Return what must match for two body blocks to pair: a paragraph's eId, or an option group's
    variant keys with the eIds of each variant's paragraphs."""
    if isinstance(block, OptionGroup):
        return tuple(f"{v.key}:{','.join(p.eid or '' for p in v.paragraphs)}" for v in block.variants)
    return (f"paragraph:{block.eid}",)


def _label(block: Block) -> str:
    """Return a block as a message names it: its eId, or the options of an option group."""
    if isinstance(block, Paragraph):
        return block.eid or "an unnumbered paragraph"
    return "options " + ", ".join(v.key for v in block.variants)


def pair_documents(left: Document, right: Document, where: Location | None = None) -> ParallelText:
    """Return the two documents paired by eId; raise CheckError listing every structural difference (PAR001)."""
    where = where or Location("<parallel>")
    problems: list[str] = []
    divisions = []
    names = (left.meta.language, right.meta.language)
    if [d.eid for d in left.divisions] != [d.eid for d in right.divisions]:
        problems.append(f"the {names[0]} text has {len(left.divisions)} chapters, the {names[1]} text {len(right.divisions)}")
    for left_division, right_division in zip(left.divisions, right.divisions):
        articles = []
        left_ids = [(a.eid, a.clause_id) for a in left_division.articles]
        right_ids = [(a.eid, a.clause_id) for a in right_division.articles]
        if left_ids != right_ids:
            problems.append(f"chapter {left_division.number} holds other articles in {names[1]} than in {names[0]}")
            continue
        for left_article, right_article in zip(left_division.articles, right_division.articles):
            blocks = _pair_blocks(left_article, right_article, names, problems)
            articles.append(ArticlePair(left_article, right_article, blocks))
        divisions.append(DivisionPair(left_division, right_division, tuple(articles)))
    if problems:
        raise CheckError([Diagnostic("PAR001", f"the two texts differ in structure: {p}", where) for p in problems])
    return ParallelText(left, right, tuple(divisions))


def _pair_blocks(left: Article, right: Article, names: tuple[str, str], problems: list[str]) -> tuple[tuple[Block, Block], ...]:
    """Return the article's body blocks paired; add a problem when they differ in number or kind."""
    left_keys = [block_key(b) for b in left.body]
    right_keys = [block_key(b) for b in right.body]
    if left_keys == right_keys:
        return tuple(zip(left.body, right.body))
    first = next((i for i, (a, b) in enumerate(zip(left_keys, right_keys)) if a != b), min(len(left_keys), len(right_keys)))
    at = _label(left.body[first]) if first < len(left.body) else _label(right.body[first])
    problems.append(f"{left.eid} ({left.clause_id}) has {len(left.body)} paragraph(s) or option group(s) in {names[0]} "
                    f"and {len(right.body)} in {names[1]}; they part at {at}")
    return ()


def check_parallel_language(primary: str, second: str, where: Location | None = None) -> None:
    """Raise ConfigError when ``second`` is not a supported language (CFG014) or is the document's own (PAR002)."""
    where = where or Location("--parallel")
    try:
        check_language(second)
    except ValueError as exc:
        raise ConfigError([Diagnostic("CFG014", str(exc), where)]) from None
    if base_language(primary) == base_language(second):
        raise ConfigError([Diagnostic("PAR002", f"the parallel language {second!r} is the document's own language; "
                                                "give another language for the second column", where)])


def build_parallel(config: Path | None, second: str, language: str | None = None, mode: str | None = None,
                   strict: bool = False) -> tuple[BuildResult, BuildResult, ParallelText]:
    """Build ``config`` in its language (or ``language``) and in ``second``; return both builds and their pairing.

    Every problem of both builds is reported together (a module without a translation into either
    language: TRN001); nothing is returned on any error.
    """
    config_path = config or default_config()
    if language is not None:
        try:
            check_language(language)
        except ValueError as exc:
            raise ConfigError([Diagnostic("CFG014", str(exc), Location("--language"))]) from None
    primary = language or _config_language(config_path)
    check_parallel_language(primary, second)
    results, problems = [], []
    for which in (language, second):
        try:
            results.append(build_document(config_path, mode=mode, strict=strict, language=which))
        except DraftingError as exc:
            problems += [d for d in exc.diagnostics if d not in problems]
    if problems:
        raise CheckError(problems)
    pairing = pair_documents(results[0].document, results[1].document, Location(relpath(config_path)))
    return results[0], results[1], pairing


def _config_language(config_path: Path) -> str:
    """Return the language the config asks for."""
    from modellaw.configfile import load_config

    return load_config(config_path).config.language
