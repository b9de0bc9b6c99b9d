"""Read the accuracy benchmark's inputs with quantulum3, for bench_extract_accuracy.py --peer.

quantulum3 is no dependency of factcheck: run this with an interpreter where it is installed
(``python -m venv /tmp/q3 && /tmp/q3/bin/pip install quantulum3``). It writes, as JSON, each
input text and the quantities quantulum3 reads in it: ``{text: [[value, high, unit], ...]}``
(a range's low end and ``high``, else ``null``; quantulum3's unit names).

Run: ``/tmp/q3/bin/python bench/peer_quantulum3.py OUT.json [--quantulum DIR]
[--recognizers DIR]`` (the same folders as bench_extract_accuracy.py takes).
"""

from __future__ import annotations

import argparse
import json
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "extraction"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--quantulum", type=Path)
    ap.add_argument("--recognizers", type=Path)
    args = ap.parse_args()
    warnings.simplefilter("ignore")
    from quantulum3 import parser  # noqa: PLC0415 - only where quantulum3 is installed

    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))]
    if args.quantulum:
        for name in ("quantities.json", "quantities.ambiguity.json"):
            f = args.quantulum / name
            if f.exists():
                texts += [c["req"] for c in json.loads(f.read_text(encoding="utf-8"))]
    if args.recognizers:
        for f in sorted(args.recognizers.glob("*Model.json")):
            texts += [c["Input"] for c in json.loads(f.read_text(encoding="utf-8-sig"))]
    out: dict[str, list[list[object]]] = {}
    for t in texts:
        rows: list[list[object]] = []
        try:
            quantities = parser.parse(t)
        except Exception:  # noqa: BLE001 - a peer's failure is no reading
            quantities = []
        for q in quantities:
            u = getattr(q, "uncertainty", None)
            if u:
                rows.append([q.value - u, q.value + u, q.unit.name])
            else:
                rows.append([q.value, None, q.unit.name])
        out[t] = rows
    args.out.write_text(json.dumps(out), encoding="utf-8")


if __name__ == "__main__":
    main()
