"""How right factcheck's timelines are on real public histories, against timelines read by hand.

    python bench/bench_history_accuracy.py --data DIR [--verbose]

DIR holds a clone of each repository that bench/history_truth.toml names (``owner+repo``,
e.g. ``git clone https://github.com/curl/curl DIR/curl+curl``; the file itself checked out).
For each figure of the truth file, the script finds factcheck's timeline of it (the one with
a point at the figure's last true step, of that value, on a line holding the truth's
``line`` words) and compares the points: a true step factcheck has (same version, same
value) is **right**, a point factcheck has that is no true step is **false** (a change that
did not happen, or a jump to another figure), a true step it lacks is **missed** (a broken
chain). A point under a heading the figure never stood under is a **cross-heading** pair.
Prints a line per figure that is not all right (all with --verbose), a line per history and
the totals; the goal is 98% of steps right and no cross-heading pair.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import factcheck  # noqa: E402
from factcheck.identity import Outline, fold  # noqa: E402
from history_sources import git_versions, render_factbook, write_folder  # noqa: E402

_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _number(text: str) -> str:
    m = _NUMBER.search(text)
    return m.group(0).replace(",", "") if m else text.strip()


def _value(claim: Any) -> str:
    """The figure as the truth writes it: the number of its quote (70.3 for "70.3 million"),
    or its value when the quote spells it ("two main types")."""
    n = _number(claim.quote)
    if n[:1].isdigit():
        return n
    v = claim.value
    return str(v.numerator) if v.denominator == 1 else str(float(v))


def _same_version(label: str, commit: str) -> bool:
    label = label.removesuffix(".md")
    return label.startswith(commit) or commit.startswith(label)


def _line_of(point: Any, texts: dict[str, str]) -> str:
    text = texts.get(point.version.label, "")
    at = point.claim.provenance.offset
    if not text:
        return point.claim.provenance.sentence
    a = text.rfind("\n", 0, at) + 1
    e = text.find("\n", at)
    line = text[a:] if e < 0 else text[a:e]
    return line + " " + point.claim.provenance.sentence


def _path_of(point: Any, texts: dict[str, str], outlines: dict[str, Outline]) -> tuple[str, ...]:
    label = point.version.label
    if label not in outlines:
        outlines[label] = Outline(texts.get(label, ""))
    path = outlines[label].path_at(point.claim.provenance.offset)
    section = fold(point.claim.provenance.section or "")
    return (*path, section) if section and section not in path else path


def load_history(data: Path, h: dict[str, Any], work: Path) -> tuple[Any, dict[str, str]]:
    """factcheck's history of one truth entry, and each version's text by its label."""
    repo = data / h["source"]
    if not repo.is_dir():
        raise SystemExit(f"{repo}: missing (clone {h['source'].replace('+', '/')} there)")
    if h.get("render") == "factbook":
        versions = [(s, d, render_factbook(t)) for s, d, t in git_versions(repo, h["path"])]
        folder = write_folder(versions, work / h["name"], ".md", h["name"])
        texts = {f"{s}.md": t for s, _, t in versions}
        return factcheck.history(folder), texts
    hist = factcheck.history(repo / h["path"], h.get("rev"))
    texts = {}
    import subprocess  # noqa: PLC0415

    for v in hist.versions:
        if v.commit:
            out = subprocess.run(["git", "-C", str(repo), "show", f"{v.commit}:{v.path}"],
                                 capture_output=True, text=True)
            texts[v.label] = out.stdout
    return hist, texts


def score(hist: Any, texts: dict[str, str], fig: dict[str, Any]) -> dict[str, Any]:
    steps = [(c, _number(v)) for c, v in fig["steps"]]
    want = fold(fig.get("line", ""))
    last_c, last_v = steps[-1]
    candidates = []
    for t in hist.timelines:
        for p in t.points:
            if _same_version(p.version.label, last_c) and _value(p.claim) == last_v:
                if not want or want in fold(_line_of(p, texts)):
                    candidates.append(t)
                    break
    best, best_right = None, -1
    for t in candidates:
        right = sum(1 for p in t.points for c, v in steps
                    if _same_version(p.version.label, c) and _value(p.claim) == v)
        if right > best_right:
            best, best_right = t, right
    if best is None:
        return {"right": 0, "false": 0, "missed": len(steps), "cross": 0, "got": [],
                "steps": steps}
    got = [(p.version.label.removesuffix(".md"), _value(p.claim), p) for p in best.points]
    matched = set()
    right = false = 0
    for label, value, _ in got:
        hit = next((k for k, (c, v) in enumerate(steps)
                    if k not in matched and _same_version(label, c) and v == value), None)
        if hit is None:
            false += 1
        else:
            matched.add(hit)
            right += 1
    cross = 0
    headings = [fold(x) for x in fig.get("headings", [])]
    if headings:
        outlines: dict[str, Outline] = {}
        for _, _, p in got:
            path = _path_of(p, texts, outlines)
            if not any(hd in path or any(x.startswith(hd) for x in path) for hd in headings):
                cross += 1
    return {"right": right, "false": false, "missed": len(steps) - right, "cross": cross,
            "got": [(a, b) for a, b, _ in got], "steps": steps}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="folder of the clones")
    ap.add_argument("--truth", type=Path, default=HERE / "history_truth.toml")
    ap.add_argument("--verbose", action="store_true", help="every figure, not only the wrong")
    args = ap.parse_args()
    truth = tomllib.loads(args.truth.read_text(encoding="utf-8"))
    totals = {"right": 0, "false": 0, "missed": 0, "cross": 0, "figures": 0}
    with tempfile.TemporaryDirectory() as tmp:
        for h in truth["history"]:
            t0 = time.perf_counter()
            hist, texts = load_history(args.data, h, Path(tmp))
            took = time.perf_counter() - t0
            sums = {"right": 0, "false": 0, "missed": 0, "cross": 0}
            for fig in h["figure"]:
                r = score(hist, texts, fig)
                for k in sums:
                    sums[k] += r[k]
                if args.verbose or r["false"] or r["missed"] or r["cross"]:
                    print(f"  {h['name']}: {fig.get('line') or fig.get('headings')}: "
                          f"right {r['right']}, false {r['false']}, missed {r['missed']}, "
                          f"cross-heading {r['cross']}")
                    print(f"    true:     {' → '.join(f'{c[:8]} {v}' for c, v in r['steps'])}")
                    print(f"    factcheck: {' → '.join(f'{c[:8]} {v}' for c, v in r['got'])}")
            n = len(h["figure"])
            totals["figures"] += n
            for k in sums:
                totals[k] += sums[k]
            steps = sums["right"] + sums["false"] + sums["missed"]
            print(f"{h['name']} ({h['publisher']}): {len(hist.versions)} versions, {n} figures, "
                  f"{steps} steps: right {sums['right']}, false {sums['false']}, missed "
                  f"{sums['missed']}, cross-heading {sums['cross']} ({took:.1f} s)")
    steps = totals["right"] + totals["false"] + totals["missed"]
    print(f"\ntotal: {totals['figures']} figures, {steps} steps: right {totals['right']} "
          f"({100 * totals['right'] / max(steps, 1):.1f}%), false {totals['false']}, missed "
          f"{totals['missed']}, cross-heading pairs {totals['cross']} (goal: 98% right, 0 "
          "cross-heading)")


if __name__ == "__main__":
    main()
