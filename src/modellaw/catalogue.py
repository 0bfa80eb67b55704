"""LOAD + VALIDATE the recommendation and instrument catalogues in ``seeds/``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from modellaw.errors import Diagnostic, Diagnostics, LibraryError, Location, relpath
from modellaw.resources import seeds_dir
from modellaw.schema.catalogue import Instrument, InstrumentCatalogue, Recommendation, RecommendationCatalogue
from modellaw.validation import validate_model
from modellaw.yamlio import load_yaml


@dataclass(frozen=True)
class Catalogue:
    """The recommendations and instruments, each by id."""

    recommendations: dict[str, Recommendation]
    instruments: dict[str, Instrument]


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """Return the catalogue in ``folder`` (default: the built-in seeds); raise LibraryError if malformed."""
    folder = folder or seeds_dir()
    return _load_cached(folder.resolve())


def with_own(base: Catalogue, folders: list[Path]) -> Catalogue:
    """Return ``base`` with the instruments and recommendations of each own library folder added.

    An own folder may hold ``instruments.yaml`` and ``recommendations.yaml`` at its top (national
    statutes, for instance); an id already in ``base`` is an error (CAT003). Read afresh each time.
    """
    problems = Diagnostics()
    recommendations, instruments = dict(base.recommendations), dict(base.instruments)
    for folder in folders:
        for key, target, model in (("recommendations", recommendations, RecommendationCatalogue),
                                   ("instruments", instruments, InstrumentCatalogue)):
            path = folder / f"{key}.yaml"
            for index, item in enumerate(_load_list(path, model, key, problems)):
                if item.id in target:
                    problems.error("CAT003", f"{key[:-1]} {item.id!r} is already in the catalogue; give yours another id",
                                   Location(relpath(path), None, f"{key}.{index}.id"))
                target[item.id] = item
    problems.raise_if_errors(LibraryError)
    return Catalogue(recommendations, instruments)


@cache
def _load_cached(folder: Path) -> Catalogue:
    problems = Diagnostics()
    recs = _load_list(folder / "recommendations.yaml", RecommendationCatalogue, "recommendations", problems)
    insts = _load_list(folder / "instruments.yaml", InstrumentCatalogue, "instruments", problems)
    problems.raise_if_errors(LibraryError)
    return Catalogue({r.id: r for r in recs}, {i.id: i for i in insts})


def _load_list(path: Path, model: type, key: str, problems: Diagnostics) -> list:
    if not path.exists():
        return []
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None:
        return []
    value, diags = validate_model(model, loaded, "CAT")
    problems.extend(diags)
    if value is None:
        return []
    items = getattr(value, key)
    seen: set[str] = set()
    for index, item in enumerate(items):
        if item.id in seen:
            problems.add(Diagnostic("CAT002", f"duplicate id {item.id!r}", loaded.locate((key, index, "id"))))
        seen.add(item.id)
    return items
