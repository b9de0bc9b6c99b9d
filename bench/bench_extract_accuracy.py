"""Benchmark: extraction accuracy on real factsheets, and on a peer's public test suite.

Two corpora, each scored as recall, precision and F1 of the figures found (a figure is
matched by its value, and a range by its two ends), then the share of matched figures whose
unit is right (unit accuracy) and F1 counting only figures right in value *and* unit:

- ``tests/data/extraction/``: real factsheets from 34 publishers (addresses in SOURCES.md),
  every figure annotated by hand (value, top of a range, unit, qualifier): ``gold.tsv`` for the
  13 the rules were worked out on, ``gold-heldout.tsv`` for 8 annotated and measured before any
  rule was changed for them (then tuned on), ``gold-unseen.tsv`` for 7 no rule was changed for,
  ``gold-final.tsv`` for 6 collected after every rule was written.
  Qualifier accuracy is printed as well.
- ``--quantulum PATH``: quantulum3's test cases (its ``quantities.json`` and
  ``quantities.ambiguity.json``, read from the folder or file given; nothing of quantulum3 is
  bundled here). Cases outside factsheet prose are excluded, and listed with ``-v``.

- ``--recognizers DIR``: Microsoft Recognizers-Text's English specs (``Specs/NumberWithUnit/
  English/{Currency,Dimension,Temperature,Age}Model.json``, read from the folder given). Each
  model annotates only its own kind, so figures factcheck reads of that kind are scored against
  it (money for currency, temperatures, ages, other measures for dimensions).

With ``--peer FILE`` (written by ``bench/peer_quantulum3.py``, run where quantulum3 is
installed) quantulum3's readings of the same inputs are scored the same way, after factcheck's.

Run: ``python bench/bench_extract_accuracy.py [-v] [--quantulum DIR] [--recognizers DIR]
[--peer FILE]``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Iterable
from fractions import Fraction
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from factcheck.extraction import extract  # noqa: E402

CORPUS = ROOT / "tests" / "data" / "extraction"

# A gold figure: (value, high or None, unit, qualifier or None, as written).
Gold = tuple[float, "float | None", str, "str | None", str]
# A figure read: (value, high or None, unit, qualifier, as written).
Read = tuple[float, "float | None", str, str, str]


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


_ureg: Any = None

# quantulum3's unit names in pint's spelling, where they differ (pint's own default registry
# reads the rest: "square kilometre", "kilometre per hour", "megawatt hour").
_Q3_NAMES = {
    "dimensionless": "", "percentage": "percent", "degree Celsius": "degC",
    "degree fahrenheit": "degF", "degree Fahrenheit": "degF", "pound sterling": "GBP",
    "dollar": "USD", "euro": "EUR", "cent": "USD / 100", "penny": "GBP / 100",
    "dime": "USD / 10", "pound-mass": "pound", "count per week": "1 / week",
    "ton per day": "tonne / day", "gigayear": "1e9 * year", "megayear": "1e6 * year",
    "dollar per hour": "USD / hour", "dollar per kilogram": "USD / kilogram",
    "dozen": "12", "baker's dozen": "13", "gross": "144", "count": "",
}


def _quantity(unit: str) -> Any:
    """*unit* (factcheck's or quantulum3's name) as a pint quantity, or None."""
    global _ureg
    if _ureg is None:
        import pint

        _ureg = pint.UnitRegistry()
        for code in ("USD", "EUR", "GBP", "JPY", "INR", "CHF", "CAD", "AUD"):
            _ureg.define(f"{code} = [currency_{code}]")
    name = _Q3_NAMES.get(unit, unit)
    if name in ("", "count", "dimensionless", "times"):
        return _ureg.Quantity(1)
    if "/" in name and name.split("/")[0] == "count":
        name = "1 /" + name.split("/", 1)[1]
    name = name.replace("count/", "1/")
    for n in (name, name.lower()):  # (Recognizers-Text capitalises its names: "Foot")
        try:
            return _ureg.Quantity(1, n) if not any(c.isdigit() for c in n) else _ureg(n)
        except Exception:  # noqa: BLE001, S112 - pint raises many types for names it cannot read
            continue
    return None


def _value_in(read_value: float, read_unit: str, gold_unit: str) -> float | None:
    """The value read, in the gold unit (None when the units do not share a dimension)."""
    if read_unit == gold_unit or _Q3_NAMES.get(gold_unit, gold_unit) == _Q3_NAMES.get(
        read_unit, read_unit
    ):
        return read_value  # (and temperatures, which pint will not multiply)
    a, b = _quantity(read_unit), _quantity(gold_unit)
    if a is None or b is None:
        return None
    try:
        return float((read_value * a).to(b.units).magnitude / b.magnitude)
    except Exception:  # noqa: BLE001
        return None


def _score(cases: Iterable[tuple[list[Gold], list[Read]]]) -> dict[str, float]:
    tp = units_ok = qual_ok = qual_n = n_gold = n_read = 0
    for gold, read in cases:
        n_gold += len(gold)
        n_read += len(read)
        left = list(read)
        for gv, gh, gu, gq, _ in gold:
            best = None
            for i, (rv, rh, ru, rq, *_s) in enumerate(left):
                ends = [rv] if rh is None else [rv, rh, (rv + rh) / 2]
                if gh is not None:
                    hit = rh is not None and _close(rv, gv) and _close(rh, gh)
                    hit = hit or rh is None and _close(rv, (gv + gh) / 2)
                else:
                    hit = any(_close(e, gv) for e in ends)
                conv = _value_in(rv, ru, gu)
                unit_hit = conv is not None and (
                    _close(conv, gv) or rh is not None and (
                        _close(conv * rh / rv if rv else conv, gh or gv)
                        or _close((conv + (_value_in(rh, ru, gu) or 0)) / 2, gv)
                    )
                )
                if hit or unit_hit:
                    if best is None or unit_hit:
                        best = (i, unit_hit, rq)
                    if unit_hit:
                        break
            if best is None:
                continue
            i, unit_hit, rq = best
            del left[i]
            tp += 1
            units_ok += unit_hit
            if gq is not None and rq is not None:  # (quantulum3 reads no qualifiers)
                qual_n += 1
                qual_ok += rq == gq
    p = tp / n_read if n_read else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    pu, ru_ = units_ok / n_read if n_read else 0.0, units_ok / n_gold if n_gold else 0.0
    return {
        "gold": n_gold, "read": n_read, "matched": tp, "precision": p, "recall": r, "f1": f1,
        "unit_accuracy": units_ok / tp if tp else 0.0,
        "value_unit_f1": 2 * pu * ru_ / (pu + ru_) if pu + ru_ else 0.0,
        "qualifier_accuracy": qual_ok / qual_n if qual_n else float("nan"),
    }


_PEER: dict[str, list[list[Any]]] | None = None
"""Another extractor's readings (text -> [[value, high, unit], ...]) when scoring it instead."""


def _read(text: str, source: str) -> list[Any]:
    if _PEER is not None:
        return [(float(v), None if h is None else float(h), u, None, "", "")
                for v, h, u in _PEER.get(text, [])]
    return [
        (float(c.value), None if c.value_high is None else float(c.value_high), c.unit,
         c.qualifier.value, c.stated, c.counted)
        for c in extract(text, source).claims
    ]


def factsheet_cases(verbose: bool, gold_file: str = "gold.tsv") -> list[tuple[list[Gold], list[Read]]]:
    gold: dict[str, list[Gold]] = {}
    for line in (CORPUS / gold_file).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        file, written, value, high, unit, qual = line.split("\t")
        gold.setdefault(file, []).append(
            (float(Fraction(value)), None if high == "-" else float(high), unit, qual, written)
        )
    cases = []
    for file, figures in sorted(gold.items()):
        read = _read((CORPUS / file).read_text(encoding="utf-8"), file)
        if verbose:
            s = _score([(figures, read)])
            print(f"  {file:40} F1 {s['f1']:.3f}  unit {s['unit_accuracy']:.3f}")
            if s["f1"] < 1 or s["unit_accuracy"] < 1 or s["qualifier_accuracy"] < 1:
                print(f"     gold {[(g[0], g[1], g[2], g[3]) for g in figures]}")
                print(f"     read {[(x[0], x[1], x[2], x[3]) for x in read]}")
        cases.append((figures, read))
    return cases


# quantulum3 cases outside factsheet prose, with the reason (matched on the start of "req").
EXCLUDED: dict[str, str] = {
    "Violet light oscillates": "exponent notation with a unit power (4e14 s-1)",
    "OPERA detected": "scientific notation (2.48×10−5) and sigma",
    "Give me -1e-3": "exponent notation",
    "Objects fall with": "exponent notation and ± uncertainty",
    "It weighs no more than": "± uncertainty notation",
    "45 Js l": "a unit product with no prose",
    "I want 1cds": "candela-seconds: no prose",
    "A kibibyte is exactly": "an arithmetic expression (8x2^10)",
    "Hubble images of the non-standard": "identifiers (SCP 06F6, Voyager 2) the suite counts",
    "The class is \"English": "a course name the suite counts as a figure",
    "Cannington": "a company name the suite counts as a figure",
    "Intel Core i7": "a product listing, not prose",
    "Bahco 9031": "a product listing, not prose",
    "The average density of the Earth": "exponent notation",
    "Fermilab's Tevatron": "inverse femtobarns (particle physics)",
    "Hubble's cameras": "arc minutes and seconds written as ' and \"",
    "This diffuser uses": "inches written as \"",
    " in physics, a unit": "barns (particle physics)",
    "I'll transmit a small": "bits written as b",
    "The server receives": "bits written as b",
    "The theoretical temperature": "absolute zero: no figure written",
    "In the quantum-mechanical": "absolute zero: no figure written",
    "Zero is a small number": "a number named, not a figure",
    "32K word": "a memory size written 32K",
    "The corresponding cgs unit": "grays (radiation dose unit) in a definition",
    "The average radiation dose": "milligrays (radiation dose)",
    "This nano grid": "picometres and attometres written pm and am",
    "One gigaannum": "gigayears written Ga",
    "The dinosaur species": "megayears written Ma",
    "Quite a lot of currencies": "a definition of cents",
    "A baker's dozen": "a definition of dozens",
    "I bought a dozen": "a dozen as a unit",
}


def quantulum_cases(path: Path, verbose: bool) -> list[tuple[list[Gold], list[Read]]]:
    files = [path] if path.is_file() else [
        path / "quantities.json", path / "quantities.ambiguity.json"
    ]
    cases = []
    for f in files:
        if not f.exists():
            continue
        for case in json.loads(f.read_text(encoding="utf-8")):
            req: str = case["req"]
            why = next((w for k, w in EXCLUDED.items() if req.startswith(k)), None)
            if why is not None:
                if verbose:
                    print(f"  excluded: {req[:60]!r}: {why}")
                continue
            gold: list[Gold] = []
            for r in case["res"]:
                v = float(r["value"])
                if r["unit"] == "dimensionless" and v.is_integer() and 1000 <= v <= 2100:
                    continue  # a year: factcheck reads years as dates, never as figures
                u = r.get("uncertainty")
                if u:
                    gold.append((v - u, v + u, r["unit"], None, r.get("surface", "")))
                else:
                    gold.append((v, None, r["unit"], None, r.get("surface", "")))
            read = _read(req, "<quantulum3>")
            if verbose:
                s = _score([(gold, read)])
                if s["f1"] < 1 or s["unit_accuracy"] < 1:
                    print(f"  {req[:70]!r}")
                    print(f"     gold {[(g[0], g[1], g[2]) for g in gold]}")
                    print(f"     read {[(x[0], x[1], x[2]) for x in read]}")
            cases.append((gold, read))
    return cases


# Recognizers-Text's unit names in factcheck's or pint's spelling, where they differ.
_RT_NAMES = {
    "Dollar": "USD", "United States dollar": "USD", "Euro": "EUR", "Chinese yuan": "CNY",
    "Pound": "GBP", "British pound": "GBP", "Canadian dollar": "CAD", "Japanese yen": "JPY",
    "Australian dollar": "AUD", "Swiss franc": "CHF", "Hong Kong dollar": "HKD",
    "New Zealand dollar": "NZD", "Turkish lira": "TRY", "Mexican peso": "MXN",
    "Rupee": "INR", "Sri Lankan rupee": "LKR", "Georgian lari": "GEL", "Lao kip": "LAK",
    "Costa Rican colón": "CRC", "Cent": "USD / 100", "Pence": "GBP / 100",
    "Penny": "GBP / 100", "C": "degC", "F": "degF", "Metric ton": "tonne", "Ton": "short_ton",
    "Degree": "degree", "Age": "year",
}
# Which claims a model's annotations are compared with: (model, test on (unit, counted)).
_RT_MODELS = {
    "CurrencyModel": lambda unit, counted: unit.split("/")[0] in _RT_CURRENCIES,
    "TemperatureModel": lambda unit, counted: unit in ("degC", "degF", "kelvin", "degree"),
    "AgeModel": lambda unit, counted: counted == "age" or unit in ("year", "month", "week", "day"),
    "DimensionModel": lambda unit, counted: unit not in ("count", "percent", "dimensionless")
    and unit.split("/")[0] not in _RT_CURRENCIES and unit not in ("degC", "degF"),
}
# quantulum3's names for the same kinds, when its readings are scored.
_PEER_KINDS = {
    "CurrencyModel": lambda unit: unit in ("dollar", "euro", "pound sterling", "cent", "penny")
    or "dollar" in unit or "yuan" in unit or "yen" in unit or "franc" in unit,
    "TemperatureModel": lambda unit: "degree" in unit or unit == "kelvin",
    "AgeModel": lambda unit: unit in ("year", "month", "week", "day"),
    "DimensionModel": lambda unit: unit not in ("dimensionless", "percentage")
    and "dollar" not in unit and "degree" not in unit and unit not in ("euro", "pound sterling"),
}
_RT_CURRENCIES: set[str] = set()


def recognizers_cases(path: Path, verbose: bool) -> dict[str, list[tuple[list[Gold], list[Read]]]]:
    from factcheck.units import CURRENCY_CODES

    _RT_CURRENCIES.update(CURRENCY_CODES)
    for k, v in _RT_NAMES.items():
        if v.isupper():
            _Q3_NAMES.setdefault(k, v)
    _Q3_NAMES.update({"C": "degC", "F": "degF", "Pound": "GBP", "Cent": "USD / 100",
                      "Pence": "GBP / 100", "Penny": "GBP / 100", "Metric ton": "tonne",
                      "Ton": "short_ton", "Degree": "degree", "Age": "year"})
    out: dict[str, list[tuple[list[Gold], list[Read]]]] = {}
    for model, keep in _RT_MODELS.items():
        f = path / f"{model}.json"
        if not f.exists():
            continue
        cases = []
        for case in json.loads(f.read_text(encoding="utf-8-sig")):
            gold: list[Gold] = []
            for r in case.get("Results", []):
                res = r.get("Resolution") or {}
                if "value" not in res or res.get("value") in (None, ""):
                    continue
                unit = res.get("unit", "")
                if model == "DimensionModel" and res.get("subtype") == "Weight" and unit == "Pound":
                    unit = "pound"
                try:
                    v = float(res["value"])
                except ValueError:
                    continue
                gold.append((v, None, unit, None, r.get("Text", "")))
            read = [x for x in _read(case["Input"], "<recognizers>")
                    if (_PEER_KINDS[model](x[2]) if _PEER is not None else keep(x[2], x[5]))]
            if verbose:
                sc = _score([(gold, read)])
                if sc["f1"] < 1 or sc["unit_accuracy"] < 1:
                    print(f"  {model}: {case['Input'][:70]!r}")
                    print(f"     gold {[(g[0], g[2]) for g in gold]}")
                    print(f"     read {[(x[0], x[2]) for x in read]}")
            cases.append((gold, read))
        out[model] = cases
    return out


def _print(name: str, s: dict[str, float]) -> None:
    print(
        f"{name}: {s['gold']} gold, {s['read']} read, {s['matched']} matched | "
        f"recall {s['recall']:.3f} precision {s['precision']:.3f} F1 {s['f1']:.3f} | "
        f"unit accuracy {s['unit_accuracy']:.3f} value+unit F1 {s['value_unit_f1']:.3f}"
        + ("" if math.isnan(s["qualifier_accuracy"])
           else f" | qualifier accuracy {s['qualifier_accuracy']:.3f}")
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quantulum", type=Path, help="quantulum3's en_US tests folder or a json")
    ap.add_argument("--recognizers", type=Path,
                    help="Recognizers-Text's Specs/NumberWithUnit/English folder")
    ap.add_argument("--peer", type=Path,
                    help="another extractor's readings of the same inputs (bench/peer_quantulum3.py"
                         " writes quantulum3's), scored beside factcheck's")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    global _PEER
    for who in (["factcheck"] + (["quantulum3"] if args.peer else [])):
        _PEER = None if who == "factcheck" else json.loads(args.peer.read_text(encoding="utf-8"))
        print(f"== {who}")
        _report(args)


def _report(args: argparse.Namespace) -> None:
    tuned = factsheet_cases(args.verbose)
    held = factsheet_cases(args.verbose, "gold-heldout.tsv")
    unseen = factsheet_cases(args.verbose, "gold-unseen.tsv")
    final = factsheet_cases(args.verbose, "gold-final.tsv")
    _print("factsheets (13 publishers, rules tuned on them)", _score(tuned))
    _print("factsheets held out, then tuned on (8 more publishers)", _score(held))
    _print("factsheets unseen (7 more publishers, no rule changed for them)", _score(unseen))
    _print("factsheets final unseen (6 more publishers, after every rule was written)",
           _score(final))
    _print("factsheets, all 34 publishers", _score(tuned + held + unseen + final))
    if args.quantulum:
        _print("quantulum3 suite", _score(quantulum_cases(args.quantulum, args.verbose)))
    if args.recognizers:
        every = []
        for model, cases in recognizers_cases(args.recognizers, args.verbose).items():
            _print(f"Recognizers-Text {model}", _score(cases))
            every += cases
        _print("Recognizers-Text, the four models", _score(every))


if __name__ == "__main__":
    main()
