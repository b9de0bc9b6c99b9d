"""Benchmark: diff two synthetic versions of a factsheet with 1k, 10k and 100k claims.

Run from the repository root: ``python bench/bench_diff.py [SIZES...]``. Prints, for each size,
the time :func:`factcheck.differ.match` and :func:`factcheck.diff` take (in-process, best of
a few runs; the consistency checks are left out, they are timed by their own benchmark), and
how many of the pairs the edits made were recovered. Target: 10,000 claims in under 2 s.

The new version is the old one with about 5% of the figures changed, 2% of the sentences
reworded, 1% of the claims removed, 1% added and 1% of the paragraphs moved elsewhere: what
a revised factsheet looks like, scaled up.
"""

from __future__ import annotations

import random
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import attrs  # noqa: E402

from factcheck.claim import Claim, Document, Provenance, Qualifier  # noqa: E402
from factcheck.differ import diff, match  # noqa: E402
from factcheck.numbers import allowed_interval, format_number  # noqa: E402

ADJECTIVES = (
    "displaced local trained foreign rural urban senior junior regional national armed civil "
    "medical mobile temporary permanent female male young elderly returning registered public "
    "private partner allied border coastal northern southern eastern western central remote "
    "liberated rebuilt damaged new former active reserve"
).split()
NOUNS = (
    "members nations partners troops schools hospitals clinics villages towns districts "
    "refugees families children teachers nurses doctors engineers volunteers officers judges "
    "courts bridges roads wells farms tanks aircraft vehicles ferries ports mosques churches "
    "markets shelters camps projects grants loans pledges donors workers students pilots "
    "fighters detainees cases reports missions operations strikes patrols convoys"
).split()
PLACES = [f"province {i}" for i in range(1, 200)]
TEMPLATES = [
    "In {place}, partners reported {fig} by the end of the period.",
    "Coalition support in {place} reached {fig} this year.",
    "Since 2014, programmes in {place} have counted {fig} in total.",
    "Officials in {place} confirmed {fig} after the latest survey.",
]
REWORDED = "According to officials, the count for {place} stood at {fig} at last report."


def figure(rng: random.Random, noun: str) -> tuple[str, str, Fraction, Fraction, Qualifier]:
    """A figure's words, unit, value, step and qualifier."""
    roll = rng.random()
    qualifier = rng.choice([Qualifier.EXACT, Qualifier.EXACT, Qualifier.OVER, Qualifier.ABOUT])
    q = {Qualifier.EXACT: "", Qualifier.OVER: "more than ", Qualifier.ABOUT: "about "}[qualifier]
    if roll < 0.8:
        value = Fraction(rng.randrange(2, 100_000))
        return f"{q}{format_number(value)} {noun}", "count", value, Fraction(0), qualifier
    if roll < 0.9:
        value = Fraction(rng.randrange(1, 100))
        return f"{q}{value} percent of {noun}", "percent", value, Fraction(1), qualifier
    if roll < 0.95:
        value = Fraction(rng.randrange(11, 999), 10) * 10**6
        words = f"{q}${format_number(value / 10**6)} million in {noun}"
        return words, "USD", value, Fraction(10**5), qualifier
    value = Fraction(rng.randrange(100, 200_000))
    return f"{q}{format_number(value)} sq km of {noun}", "km**2", value, Fraction(1), qualifier


def make_claim(cid: str, counted: str, place: str, template: str, fig: tuple, line: int,
               section: str, source: str) -> Claim:
    words, unit, value, step, qualifier = fig
    head, _, tail = template.partition("{fig}")
    head = head.format(place=place)
    sentence = head + words + tail.format(place=place)
    return Claim(
        id=cid, value=value, unit=unit, counted=counted, qualifier=qualifier,
        stated=words, interval=allowed_interval(qualifier, value, step), step=step,
        provenance=Provenance(source=source, line=line, column=len(head) + 1, quote=words,
                              sentence=sentence, section=section,
                              sentence_span=(len(head), len(head) + len(words))),
    )


def versions(n: int, seed: int = 4) -> tuple[Document, Document, int]:
    """Two versions with *n* claims each (about), and how many pairs the edits kept."""
    rng = random.Random(seed)
    specs = []
    seen: dict[str, int] = {}
    for i in range(n):
        counted = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        base = counted.replace(" ", "-")
        seen[base] = seen.get(base, 0) + 1
        cid = base if seen[base] == 1 else f"{base}-{seen[base]}"
        specs.append([cid, counted, rng.choice(PLACES), rng.choice(TEMPLATES),
                      figure(rng, counted), f"Section {i // 25}"])
    old = [make_claim(*s[:4], s[4], i + 1, s[5], "old.txt") for i, s in enumerate(specs)]
    new_specs: list[list] = []
    kept = 0
    for s in specs:
        roll = rng.random()
        if roll < 0.01:
            continue  # removed
        s = list(s)
        if roll < 0.06:
            words, unit, value, step, q = s[4]
            bumped = value + max(step, 1) * rng.randrange(1, 50)
            old_num = format_number(value / 10**6 if unit == "USD" else value)
            new_num = format_number(bumped / 10**6 if unit == "USD" else bumped)
            s[4] = (words.replace(old_num, new_num, 1), unit, bumped, step, q)
        elif roll < 0.08:
            s[3] = REWORDED
        new_specs.append(s)
        kept += 1
    for _ in range(n // 100):  # added
        counted = f"{rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        new_specs.insert(rng.randrange(len(new_specs) + 1),
                         [f"added-{_}", counted, rng.choice(PLACES), rng.choice(TEMPLATES),
                          figure(rng, counted), "Section new"])
    blocks = [new_specs[i:i + 25] for i in range(0, len(new_specs), 25)]
    for _ in range(max(1, len(blocks) // 100)):  # moved paragraphs
        blocks.insert(rng.randrange(len(blocks)), blocks.pop(rng.randrange(len(blocks))))
    new_specs = [s for b in blocks for s in b]
    new = [make_claim(*s[:4], s[4], i + 1, s[5], "new.txt") for i, s in enumerate(new_specs)]
    return Document("old.txt", tuple(old)), Document("new.txt", tuple(new)), kept


def best_of(runs: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(runs):
        t = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t)
    return best, result


def main(sizes: list[int]) -> None:
    diff(*versions(50)[:2], findings=False)  # warm up: imports, pint registry, caches
    print(f"{'claims':>8}  {'match':>8}  {'diff':>8}  {'per claim':>10}  recovered pairs")
    for n in sizes:
        old, new, kept = versions(n)
        runs = 3 if n <= 10_000 else 1
        t_match, pairs = best_of(runs, lambda: match(old, new))
        t_diff, report = best_of(runs, lambda: diff(old, new, findings=False))
        right = sum(1 for o, c in pairs if o is not None and c is not None and o.id == c.id)
        print(f"{n:>8,}  {t_match:>7.3f}s  {t_diff:>7.3f}s  {t_diff / n * 1e6:>8.0f}us  "
              f"{right:,} of {kept:,} ({right / kept:.1%})")
        counts = report.counts()  # type: ignore[attr-defined]
        print(f"{'':>8}  " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    # The worst case for the matcher: no sentence is left as it was, so no claim pairs in
    # the exact pass and every one goes through the fuzzy blocks.
    for n in [s for s in sizes if s <= 10_000]:
        old, new, _ = versions(n)
        reworded = Document("new.txt", tuple(
            attrs.evolve(c, provenance=attrs.evolve(
                c.provenance, sentence="Reportedly, " + c.provenance.sentence + " (revised)",
                sentence_span=tuple(x + 12 for x in c.provenance.sentence_span)))
            for c in new))
        t_diff, report = best_of(1, lambda: diff(old, reworded, findings=False))
        print(f"{n:>8,}  every sentence reworded: diff {t_diff:.3f}s")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1_000, 10_000, 100_000])
