"""No text makes extraction slower than linear: 4x the text takes about 4x the time.

Each adversarial text is timed at a size n and at 4n (best of two runs each). Linear work
gives a ratio near 4 and quadratic work 16; the test fails above 8. Sizes are chosen per text
so that the whole file runs in a few seconds: texts that are all figures ("over $1 over $1
...") cost far more per character than texts with none, which run at megabyte scale.
"""

from __future__ import annotations

import gc
import time

import pytest

from factcheck.extraction import extract
from factcheck.readers import read_markdown

# name -> (the unit repeated, n in characters)
CASES: dict[str, tuple[str, int]] = {
    "commas": ("1,", 64 * 1024),
    "digits": ("1", 1024 * 1024),
    "digit groups": ("12 ", 2 * 1024),
    "decimals": ("1.", 64 * 1024),
    "qualifiers": ("more than ", 64 * 1024),
    "qualifiers no space": ("over", 64 * 1024),
    "currency signs": ("$", 64 * 1024),
    "mixed currency signs": ("US$€£¥ ", 64 * 1024),
    "brackets": ("(", 64 * 1024),
    "closing brackets": (")]", 64 * 1024),
    "number words": ("twenty ", 4 * 1024),
    "number phrase": ("one hundred and ", 16 * 1024),
    "over $1 pairs": ("over $1 ", 4 * 1024),
    "percentages": ("5% ", 2 * 1024),
    "newlines": ("\n", 32 * 1024),
    "blank lines": ("\n \n", 32 * 1024),
    "hyphen line breaks": ("a-\n", 32 * 1024),
    "bullets": ("• ", 64 * 1024),
    "capitals": ("ABC ", 64 * 1024),
    "dashes": ("-", 64 * 1024),
    "one long table row": ("| 5 ", 4 * 1024),
    "one long line of labels": ("x: 5 ", 4 * 1024),
    "changes from to": ("from 5 to 6 million ", 2 * 1024),
    "minus signs": (" -5", 8 * 1024),
    "one long sentence": ("word ", 64 * 1024),
    "ranges with units on both ends": ("5 mg-6 mg-", 8 * 1024),
    "uncertainty ranges": ("1 [2–3] million ", 4 * 1024),
    "fractions alone": ("½ a", 16 * 1024),
    "every": ("every ", 16 * 1024),
}


def _best_time(text: str, runs: int = 2, **kwargs: object) -> float:
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        extract(text, **kwargs)  # type: ignore[arg-type]
        best = min(best, time.perf_counter() - t0)
    return best


def _text(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


@pytest.fixture(scope="module", autouse=True)
def _warm() -> None:
    """Compile every pattern before timing anything."""
    extract("Over $4.13 billion, 62 percent, twenty-six members, aged 5-19.\n• 83 members\n")


@pytest.mark.parametrize("name", sorted(CASES))
def test_extraction_is_linear(name: str) -> None:
    """Extracting 4n characters of an adversarial text takes well under 16x the time of n."""
    unit, n = CASES[name]
    small = _best_time(_text(unit, n))
    large = _best_time(_text(unit, 4 * n))
    # Guard against timer noise on very fast runs: below a millisecond, compare to 1 ms.
    ratio = large / max(small, 1e-3)
    assert ratio < 8, f"{name}: {small * 1000:.1f} ms at {n} chars, {large * 1000:.1f} ms at 4x"


@pytest.mark.parametrize("unit", ["**", "[", "[a](", "<http:", "-|", "| ", "# ", "_a_", "<a ",
                                  '<a x="', "&#1", "<!--", "---\n"])
def test_markdown_reader_is_linear(unit: str) -> None:
    """The Markdown reader adds no superlinear cost (unclosed links, table rules, emphasis)."""
    n = 32 * 1024
    small = _best_time(_text(unit, n), reader=read_markdown)
    large = _best_time(_text(unit, 4 * n), reader=read_markdown)
    assert large / max(small, 1e-3) < 8


def _district_text(n: int) -> str:
    """n figures of one counted noun, as a district-by-district factsheet states them."""
    import random

    rng = random.Random(n)
    out = []
    for i in range(n):
        out.append(f"In the district of Area{i}, {rng.randint(1000, 99999):,} families received aid "
                   f"this year, {rng.randint(1, 99)}% of them headed by women.\n")
        if i % 5 == 4:
            out.append("\n")
    return "".join(out)


def _families_text(n: int) -> str:
    """n figures of one noun with no place to tell them apart (the restated check's worst case)."""
    import random

    rng = random.Random(n)
    return "".join(f"Partners report that {rng.randint(1000, 99999):,} families received aid.\n\n"
                   for _ in range(n))


@pytest.mark.parametrize("make", [_district_text, _families_text], ids=["districts", "families"])
def test_check_is_linear_in_figures_of_one_noun(make) -> None:
    """check (relations, every validator) at 4n figures of one noun takes under 8x n's time."""
    from factcheck.checking import check
    from factcheck.extraction import extract

    from factcheck import evidence, slips

    texts = {n: make(n) for n in (1250, 5000)}

    def best(n: int) -> float:
        times = []
        for _ in range(3):
            # A fresh document and empty caches each run: the work of a command, not of a
            # second look at the same figures.
            doc = extract(texts[n])
            for cached in (evidence._names, evidence._owner, slips._written_of):
                cached.cache_clear()
            t0 = time.process_time()
            check(doc)
            times.append(time.process_time() - t0)
        return min(times)

    t_small, t_large = best(1250), best(5000)
    assert t_large < 8 * max(t_small, 0.01), (t_small, t_large)


def test_cross_version_rule_is_linear() -> None:
    """check --rev's work on a changed file (the new version's check, then the cross-version
    rule: the old version's relations and arithmetic as evidence) at 4n figures takes under
    8x n's time."""
    from factcheck.checking import check
    from factcheck.extraction import extract
    from factcheck.timeline import cross_version_findings

    def pair(n: int):
        text = _district_text(n)
        return extract(text), extract(text.replace(",", ",1", 7))

    small, large = pair(1250), pair(5000)

    def best(p) -> float:
        times = []
        for _ in range(2):
            t0 = time.process_time()
            check(p[1])
            cross_version_findings(*p)
            times.append(time.process_time() - t0)
        return min(times)

    t_small, t_large = best(small), best(large)
    assert t_large < 8 * max(t_small, 0.01), (t_small, t_large)


@pytest.mark.parametrize("make", [_district_text, _families_text], ids=["districts", "families"])
def test_diff_is_linear_in_figures(make) -> None:
    """diff of two versions (1% of the figures edited) at 4n figures takes under 8x n's time."""
    from factcheck.differ import diff

    def versions(n: int) -> tuple[str, str]:
        text = make(n)
        return text, text.replace("1,", "2,", max(1, n // 100))

    pairs = {n: versions(n) for n in (1250, 5000)}

    def best(n: int) -> float:
        times = []
        for _ in range(2):
            old, new = (extract(t) for t in pairs[n])
            t0 = time.process_time()
            diff(old, new)
            times.append(time.process_time() - t0)
        return min(times)

    t_small, t_large = best(1250), best(5000)
    assert t_large < 8 * max(t_small, 0.01), (t_small, t_large)


def test_history_is_linear_in_figures(tmp_path) -> None:
    """history of a folder of three versions at 4n figures takes under 8x n's time."""
    from factcheck.timeline import history

    def folder(n: int):
        where = tmp_path / str(n)
        where.mkdir()
        text = _district_text(n)
        for k, date in enumerate(("2021-01-01", "2022-01-01", "2023-01-01")):
            (where / f"{date}.txt").write_text(text.replace("1,", f"{k + 1},", n // 100 * k),
                                               encoding="utf-8")
        return where

    folders = {n: folder(n) for n in (1250, 5000)}

    def best(n: int) -> float:
        times = []
        for _ in range(2):
            t0 = time.process_time()
            history(folders[n])
            times.append(time.process_time() - t0)
        return min(times)

    t_small, t_large = best(1250), best(5000)
    assert t_large < 8 * max(t_small, 0.01), (t_small, t_large)
