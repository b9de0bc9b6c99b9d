"""Units: every unit the extractor writes parses in the project registry; money never converts."""

from __future__ import annotations

import os
import subprocess
import sys
from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck import extract
from factcheck import units as U
from factcheck.errors import UnitError

ROOT = Path(__file__).resolve().parent.parent


def _texts() -> list[str]:
    """Texts that make the extractor write each unit it knows, alone and as rates."""
    texts = [f"5 {w} of it" for w in U.UNIT_WORDS if w != "%"]
    texts += [f"5 {w}" for w in U.CURRENCY_WORDS]
    texts += [f"{p}{' ' if p[-1].isalpha() else ''}5 million" for p in U.CURRENCY_PREFIXES]
    texts += ["5% of it", "half of them", "one in four", "it doubled", "the 5-year plan",
              "a 3-month course", "a 2-week break", "a 1-day visit", "a 4-hour wait",
              "a 10-km road", "a 12-mile walk", "a 100m sprint", "aged 5-19", "5 members",
              "a 12-year-old"]
    for t in U.TIME_UNITS:
        texts += [f"5,000 people per {t}", f"$5 million a {t}", f"20 tonnes per {t}",
                  f"10 km per {t}", f"5 litres per {t}", f"5 kWh per {t}"]
    return texts


def emitted_units() -> set[str]:
    """Every unit string the extractor writes for the texts above."""
    return {c.unit for t in _texts() for c in extract(t)}


def test_extractor_units_cover_every_kind() -> None:
    """The texts reach counts, money, percent, shares, areas, lengths, durations and rates."""
    units = emitted_units()
    assert {"count", "USD", "EUR", "GBP", "JPY", "INR", "percent", "dimensionless", "km**2",
            "mi**2", "m**2", "hectare", "km", "mi", "m", "tonne", "kg", "L", "MW", "kWh", "year",
            "month", "week", "day", "hour", "decade", "count/day", "USD/year", "tonne/week",
            "km/hour", "L/day", "kWh/month"} <= units
    assert "unknown" not in units


def test_every_emitted_unit_parses_in_the_registry() -> None:
    """Each unit the extractor can write is a unit of the project registry with a dimension."""
    reg = U.registry()
    for unit in sorted(emitted_units()):
        reg.Unit(unit)  # raises for a unit pint does not know
        assert U.dimension(unit) != U.UNKNOWN, unit


def test_every_unit_word_parses_in_the_registry() -> None:
    """Every unit and currency a word or sign maps to parses, and currencies are ISO codes."""
    reg = U.registry()
    for unit, _measures in U.UNIT_WORDS.values():
        reg.Unit(unit)
    for code in {*U.CURRENCY_PREFIXES.values(), *U.CURRENCY_WORDS.values(), *U.CURRENCY_CODES}:
        assert U.is_currency(code)
        assert U.dimension(code) == f"[currency_{code}]"
    assert not U.is_currency("count") and not U.is_currency("percent")


@pytest.mark.parametrize("a, b", [("USD", "EUR"), ("EUR", "GBP"), ("USD", "count"),
                                  ("USD/day", "EUR/day"), ("GBP", "percent"), ("JPY", "CNY")])
def test_currencies_never_convert(a: str, b: str) -> None:
    """Money in two currencies (or money and a count) is never converted or compared."""
    assert not U.same_dimension(a, b)
    with pytest.raises(UnitError, match="different dimensions"):
        U.conversion_factor(a, b)


def test_unknown_unit_fits_nothing_else() -> None:
    """The unknown unit has the dimension "unknown" and is of a kind with no other unit."""
    assert U.dimension(U.UNKNOWN) == U.UNKNOWN
    assert U.dimension("furlongs; DROP") == U.UNKNOWN
    assert U.dimension("parsec") == U.UNKNOWN
    for other in ("count", "USD", "km**2", "percent"):
        assert not U.same_dimension(U.UNKNOWN, other)
    with pytest.raises(UnitError):
        U.conversion_factor(U.UNKNOWN, "count")


@pytest.mark.parametrize(
    "a, b, factor",
    [
        ("decade", "year", F(10)),
        ("year", "month", F(12)),
        ("week", "day", F(7)),
        ("km**2", "hectare", F(100)),
        ("percent", "dimensionless", F(1, 100)),
        ("tonne", "kg", F(1000)),
        ("mi", "km", F(1609344, 10**6)),
        ("USD", "USD", F(1)),
        ("count/day", "count/week", F(7)),
    ],
)
def test_conversion_factors(a: str, b: str, factor: F) -> None:
    """Factors between units of one dimension are the decimals of the definitions file."""
    assert U.conversion_factor(a, b) == factor


def test_compound_conversion_is_close() -> None:
    """A factor derived from two definitions (km² to sq mi) is right to 1 part in 10^15."""
    exact = F(10**6) / F("1609.344") ** 2
    assert abs(U.conversion_factor("km**2", "mi**2") / exact - 1) < F(1, 10**15)
    assert U.same_dimension("km**2", "mi**2") and U.same_dimension("km**2", "hectare")
    assert not U.same_dimension("km**2", "km")


def test_dimensions() -> None:
    """Counts and shares are dimensionless; rates are per time."""
    assert U.dimension("count") == U.dimension("percent") == U.dimension("dimensionless") == ""
    assert U.dimension("count/day") == "1 / [time]"
    assert U.dimension("USD/year") == "[currency_USD] / [time]"
    assert U.dimension("km**2") == "[length] ** 2"


def test_registry_is_built_once() -> None:
    """registry() returns the one shared registry."""
    assert U.registry() is U.registry()


def _run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True,
                         capture_output=True, text=True)
    return out.stdout.strip()


def test_import_and_extraction_do_not_build_the_registry() -> None:
    """`import factcheck`, extracting a factsheet and rendering it never import pint."""
    code = (
        "import sys, factcheck\n"
        "print('pint' in sys.modules)\n"
        "doc = factcheck.load('snapshots/global-coalition/2021.txt')\n"
        "from factcheck.reports import render\n"
        "render([doc], 'json', kind='extract'); render([doc], 'text', kind='extract')\n"
        "print(len(doc), 'pint' in sys.modules)\n"
        "factcheck.registry()\n"
        "print('pint' in sys.modules)\n"
    )
    assert _run(code).split("\n") == ["False", "24 False", "True"]


def test_cli_extract_does_not_import_pint() -> None:
    """The extract command runs without pint (start-up stays fast)."""
    code = (
        "import sys\n"
        "from factcheck.cli import main\n"
        "try:\n"
        "    main(['extract', '--format', 'json', 'snapshots/global-coalition/2021.txt'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print('PINT', 'pint' in sys.modules)\n"
    )
    assert _run(code).split("\n")[-1] == "PINT False"


def test_prose_units_mean_in_our_registry_what_they_mean_in_pints_defaults() -> None:
    """Every unit row of unit_table names, in factcheck's registry, the unit pint's defaults do."""
    import pint

    from factcheck.unit_table import unit_rows
    from factcheck.units import registry

    # Prose spellings pint does not define, or defines otherwise: "AU" is the astronomical unit
    # in prose, the absorbance unit in pint.
    prose_only = {"°", "mcg", "cc", "bhp", "Tbsp", "yds", "hrs", "KB", "AU"}
    ours, theirs = registry(), pint.UnitRegistry()
    for row in unit_rows():
        if row.unit == "degree":
            continue  # an angle of its own here (pint makes it radians)
        name = row.unit.replace("microgram", "µg").replace("microliter", "µL")
        name = name.replace("micrometer", "µm").replace("btu", "Btu")
        pints = theirs.Quantity(1, name).to_base_units()
        mine = ours.Quantity(1, row.unit).to(str(pints.units)).magnitude
        assert abs(mine / pints.magnitude - 1) < 1e-6, row.unit
        for sym in row.symbols:
            if "/" not in sym and sym not in prose_only and sym[-1] not in "23³":
                q = theirs.Quantity(1, sym.replace("μ", "µ")).to_base_units()
                assert abs(q.magnitude / pints.magnitude - 1) < 1e-6, sym
