"""The corpus of real factsheets: no false alarm on it, and its hand-written relations are sound.

tests/data/factsheets/ holds the beginnings of 40 public factsheets (SOURCES.md) and the
relations they state, written down by hand (relations.toml); bench/bench_mutation.py breaks
those relations by one typing slip and counts how many ``check`` catches. These tests pin what
must stay true whatever the checker learns: clean published texts raise no ``inconsistent``
finding except on the inconsistencies their publishers really printed, and the relations file
says what the texts say.
"""

from __future__ import annotations

import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import factcheck

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import mutations  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "factsheets"
FILES = sorted(CORPUS.glob("*.txt"))
SNAPSHOT_TEXTS = sorted((ROOT / "snapshots").glob("*/*.txt"))
RELATIONS: list[dict[str, Any]] = tomllib.loads(
    (CORPUS / "relations.toml").read_text(encoding="utf-8"))["relation"]
KEYS = {"file", "kind", "figures", "lines", "occurrence", "scales", "signs", "complete", "holds",
        "published_inconsistency", "note"}


def _spans(text: str, rel: dict[str, Any]) -> list[tuple[int, int]]:
    occ = rel.get("occurrence", [1] * len(rel["figures"]))
    spans = []
    for quote, line, o in zip(rel["figures"], rel["lines"], occ):
        at = mutations.locate(text, quote, line, o)
        assert at is not None, f"{rel['file']}: {quote!r} is not on line {line}"
        spans.append((at, at + len(quote)))
    return spans


def _touches(claims: tuple[factcheck.Claim, ...], spans: list[tuple[int, int]]) -> int:
    return sum(any(c.provenance.offset < e and s < c.provenance.offset + len(c.quote)
                   for c in claims) for s, e in spans)


def test_corpus_size_and_sources() -> None:
    """At least 30 real factsheets from 15 publishers, each listed in SOURCES.md with its address."""
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    rows = [r for r in sources.splitlines() if r.startswith("| ") and r.split("|")[1].strip()
            .endswith(".txt")]
    listed = {r.split("|")[1].strip(): r.split("|")[2:4] for r in rows}
    assert len(FILES) >= 30
    assert {f.name for f in FILES} == set(listed)
    assert all(cells[1].strip().startswith("http") for cells in listed.values())
    publishers = {re.split(r" \(|,", cells[0].strip())[0] for cells in listed.values()}
    assert len(publishers) >= 15


@pytest.mark.parametrize("path", FILES + SNAPSHOT_TEXTS, ids=lambda p: p.name)
def test_no_false_alarm(path: Path) -> None:
    """A clean published text raises no ``inconsistent`` finding but on a published inconsistency.

    Today's checker finds none of the five marked ones; once it does, each finding it reports
    on such a text must involve the figures of a relation marked ``published_inconsistency``.
    """
    text = path.read_text(encoding="utf-8")
    marked = [_spans(text, r) for r in RELATIONS
              if r["file"] == path.name and r.get("published_inconsistency")]
    for f in factcheck.check(path).findings:
        if f.verdict is factcheck.Verdict.INCONSISTENT:
            assert any(_touches(f.claims, spans) >= 2 for spans in marked), (
                f"false alarm {path.name}:{f.line} {f.rule}: {f.message}")


@pytest.mark.parametrize("rel", RELATIONS, ids=lambda r: f"{r['file']}:{r['lines'][0]}:{r['kind']}")
def test_relation_well_formed(rel: dict[str, Any]) -> None:
    """Each relation names a corpus file, a known kind, and figures quoted at their lines."""
    assert set(rel) <= KEYS and {"file", "kind", "figures", "lines"} <= set(rel)
    assert rel["kind"] in mutations.KINDS
    n = len(rel["figures"])
    assert n >= 2 and len(rel["lines"]) == n
    for key in ("occurrence", "scales"):
        assert len(rel.get(key, [1] * n)) == n
    if "signs" in rel:
        assert rel["kind"] in ("sum", "difference") and len(rel["signs"]) == n - 1
    if rel["kind"] in ("share", "change"):
        assert n == 3
    assert (CORPUS / rel["file"]).is_file()
    _spans((CORPUS / rel["file"]).read_text(encoding="utf-8"), rel)
    if rel.get("published_inconsistency"):
        assert rel.get("holds") is False and rel.get("note")


@pytest.mark.parametrize("rel", [r for r in RELATIONS if r.get("holds", True)],
                         ids=lambda r: f"{r['file']}:{r['lines'][0]}:{r['kind']}")
def test_relation_holds(rel: dict[str, Any]) -> None:
    """What the file says holds does hold, figures read as the publisher means them."""
    assert mutations.holds(rel)


@pytest.mark.parametrize("rel", [r for r in RELATIONS if r.get("published_inconsistency")],
                         ids=lambda r: f"{r['file']}:{r['lines'][0]}:{r['kind']}")
def test_published_inconsistency_fails(rel: dict[str, Any]) -> None:
    """A marked published inconsistency fails its arithmetic (unless its figures are words)."""
    try:
        assert not mutations.holds(rel)
    except ValueError:  # "Nearly half" has no digits to add; its note says the arithmetic
        assert rel["note"]


FIGURES = st.from_regex(r"\A[1-9][0-9]{0,2}(,[0-9]{3}){0,2}(\.[0-9]{1,2})?( million| billion)?\Z")


def _digits(s: str) -> str:
    return re.sub(r"\D", "", s)


@given(FIGURES, st.integers(0, 2**32))
def test_slips_are_one_slip(quote: str, seed: int) -> None:
    """Each slip changes the figure as its name says, and nothing else."""
    for kind, new in mutations.slips(quote, random.Random(seed), "7.5 million"):
        assert new != quote
        a, b = _digits(quote), _digits(new)
        if kind == "digit":
            assert len(a) == len(b) and sum(x != y for x, y in zip(a, b)) == 1
        elif kind == "swap":
            diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
            assert len(a) == len(b) and len(diff) == 2 and diff[1] == diff[0] + 1
            assert a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
        elif kind == "drop":
            assert len(b) == len(a) - 1
        elif kind == "double":
            assert len(b) == len(a) + 1
        elif kind == "scale":
            assert a == b and ("million" in quote) != ("million" in new)
        elif kind == "neighbour":
            assert b.startswith("75")
        assert not b.startswith("0") or a.startswith("0")


def test_slips_are_deterministic() -> None:
    """The same seed makes the same slips (the mutation score is reproducible)."""
    one = list(mutations.slips("4,731.5 million", random.Random("9:x"), "2.1 million"))
    two = list(mutations.slips("4,731.5 million", random.Random("9:x"), "2.1 million"))
    assert one == two and {k for k, _ in one} == set(mutations.SLIPS)


def test_reading_as_publishers_mean() -> None:
    """Figures read as publishers mean them: rounding, qualifiers, words."""
    def interval(q: str) -> tuple[float, float]:
        f = mutations.parse(q)
        return float(f.low), float(f.high)

    assert interval("4.3 million") == (4_250_000, 4_350_000)
    assert interval("7222") == (7222, 7222)
    assert interval("eight per cent") == (7.5, 8.5)
    assert interval("Five million") == (4_500_000, 5_500_000)
    low, high = interval("more than 114 million")
    assert low == 113_500_000 and high > 114_500_000
    low, high = interval("nearly 8 million")
    assert low < 7_500_000 and high == 8_500_000
    assert interval("$1,195bn") == (1_194_500_000_000, 1_195_500_000_000)
    assert interval("23, 543") == (23_543, 23_543)
