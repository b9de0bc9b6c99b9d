"""Units: the words publishers use for them, and the project's one pint registry.

Claims carry their unit as a canonical string ("count", "USD", "km**2", "percent", "year",
"count/day"); that string is what the JSON and snapshot formats hold, and every one of them
parses in :func:`registry`. pint itself is imported only when a conversion or a dimension is
asked for, so reading a factsheet never pays for it.
"""

from __future__ import annotations

import functools
import re
import threading
from fractions import Fraction
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover - typing only
    import pint

__all__ = [
    "COUNT",
    "UNKNOWN",
    "CURRENCY_CODES",
    "conversion_factor",
    "dimension",
    "is_currency",
    "registry",
    "same_dimension",
]

COUNT = "count"
"""The unit of counts of things; the counted noun sits beside it on the claim."""
UNKNOWN = "unknown"
"""The unit of a figure whose unit word factcheck does not know."""

# ISO 4217: the active currency codes (funds, metals and test codes left out), each a
# dimension of its own in units.txt.
CURRENCY_CODES = frozenset(
    "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN "
    "BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD "
    "FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY "
    "KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP "
    "MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR "
    "RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS "
    "TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES VND VUV WST XAF XCD XDR XOF XPF "
    "YER ZAR ZMW ZWL".split()
)
# Codes that are also English words or common acronyms in capitals ("ALL 5 members",
# "TOP 10", "SDG 4" a Sustainable Development Goal, "SSP2" a climate pathway, "CRC" the
# children's convention): never read as a currency before a figure.
CODES_NOT_BEFORE_FIGURES = frozenset(
    "ALL TOP CUP SOS BAM MOP GEL BOB DOP SDG SSP CRC AMD TRY NAD SCR PAB ERN".split()
)

# Currency signs and codes written before a figure, longest first so "US$" wins over "$".
CURRENCY_PREFIXES: dict[str, str] = {
    "US$": "USD", "U.S.$": "USD", "USD": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD",
    "C$": "CAD", "CA$": "CAD", "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "R$": "BRL",
    "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP", "¥": "JPY", "JPY": "JPY",
    "₹": "INR", "INR": "INR", "CHF": "CHF", "CAD": "CAD", "AUD": "AUD", "Rs": "INR",
    "SDR": "XDR",  # the IMF's special drawing rights (ISO 4217 XDR)
    "KSh": "KES", "Ksh": "KES", "KShs": "KES", "Kshs": "KES", "₦": "NGN", "Rp": "IDR",
    "₱": "PHP", "₩": "KRW", "₴": "UAH", "₺": "TRY", "₫": "VND", "৳": "BDT",
}

# Currency words written after a figure ("12,000 Euros", "5 million US dollars").
CURRENCY_WORDS: dict[str, str] = {
    "us dollars": "USD", "u.s. dollars": "USD", "american dollars": "USD", "dollars": "USD",
    "dollar": "USD", "usd": "USD", "euros": "EUR", "euro": "EUR", "eur": "EUR",
    "pounds sterling": "GBP", "pound sterling": "GBP", "sterling": "GBP", "gbp": "GBP",
    "yen": "JPY", "swiss francs": "CHF", "francs": "CHF", "chf": "CHF", "rupees": "INR",
    "canadian dollars": "CAD", "australian dollars": "AUD", "yuan": "CNY", "renminbi": "CNY",
    "rand": "ZAR", "kronor": "SEK", "kroner": "NOK", "us dollar": "USD", "u.s. dollar": "USD",
    "chinese yuan": "CNY", "rmb": "CNY", "japanese yen": "JPY", "swiss franc": "CHF",
    "canadian dollar": "CAD", "australian dollar": "AUD", "turkish lira": "TRY",
    "mexican pesos": "MXN", "mexican peso": "MXN", "indian rupees": "INR", "rupee": "INR",
    "hong kong dollars": "HKD", "new zealand dollars": "NZD", "singapore dollars": "SGD",
    # hundredths, divided by 100 as they are read (factcheck.extraction_words.CURRENCY_SUBUNITS)
    "cents": "USD", "cent": "USD", "pence": "GBP", "pennies": "GBP", "penny": "GBP",
}

# Unit words written after a figure, mapped to (canonical unit, what the figure measures).
# Keys are lower case with single spaces; longest keys are tried first.
UNIT_WORDS: dict[str, tuple[str, str]] = {}


def _units(unit: str, measures: str, *words: str) -> None:
    for w in words:
        UNIT_WORDS[w] = (unit, measures)


_units("percent", "share", "%", "percent", "per cent", "pct", "per-cent")
_units("percent", "percentage points", "percentage points", "percentage point", "pp", "p.p.",
       "ppt", "ppts", "pps", "percentage pts")
_units("km**2", "area", "sq km", "sq. km", "sq.km", "sq km.", "square kilometres",
       "square kilometers", "square kilometre", "square kilometer", "km²", "km2", "sqkm",
       "km^2", "km squared")
_units("mi**2", "area", "sq mi", "sq. mi", "sq miles", "sq. miles", "square miles", "square mile",
       "mi²")
_units("m**2", "area", "square metres", "square meters", "sq m", "sq. m", "m²", "sqm")
_units("m**3", "volume", "cubic metres", "cubic meters", "m³", "m3", "cu m", "cbm")
_units("yd**3", "volume", "cubic yards", "cubic yard", "cu yd")
_units("ft", "length", "feet", "foot", "ft")
_units("inch", "length", "inches", "inch")
# Speeds as one word; "5 km per hour" is read as a rate, to the same unit.
_units("mi/hour", "speed", "mph")
_units("km/hour", "speed", "km/h", "kph", "kmph")
# Temperatures are dimensions of their own (a change of 1 °C is not a temperature of 1 °C, and
# °C and °F are never converted silently): "1.5°C", "2 degrees Celsius", "34 °F".
_units("degC", "temperature", "°c", "ºc", "℃", "degrees celsius", "degree celsius", "degrees c",
       "deg c", "celsius", "degrees centigrade", "deg celsius", "centigrade",
       # misspelt as often as not
       "celcius", "degrees celcius", "degree celcius")
_units("degF", "temperature", "°f", "ºf", "℉", "degrees fahrenheit", "degree fahrenheit",
       "degrees f", "fahrenheit", "deg f", "deg fahrenheit", "farenheit", "degrees farenheit")
_units("bp", "basis points", "basis points", "basis point", "bps", "bp", "bpts")
_units("hectare", "area", "hectares", "hectare", "ha")
_units("acre", "area", "acres", "acre")
_units("dunam", "area", "dunams", "dunums", "donums")
_units("km", "length", "km", "kilometres", "kilometers", "kilometre", "kilometer", "kms")
_units("mi", "length", "miles", "mile")
_units("m", "length", "metres", "meters", "metre", "meter")
_units("nmi", "length", "nautical miles")
_units("tonne", "mass", "tonnes", "tonne", "metric tons", "metric tonnes", "mt")
# Emissions and harvests: "1.3 Mt" (megatonnes; "mt" in small letters is metric tons), "36.8 Gt".
_units("Mt", "mass", "megatonnes", "million tonnes", "mmt", "mtco2", "mtco2e")
_units("Gt", "mass", "gigatonnes", "gt", "gtco2", "gtco2e")
_units("short_ton", "mass", "tons", "ton")
_units("kg", "mass", "kilograms", "kilogrammes", "kg", "kgs", "kilos")
_units("lb", "mass", "pounds", "pound", "lbs", "lb")
_units("L", "volume", "litres", "liters", "litre", "liter")
_units("gal", "volume", "gallons", "gallon")
_units("bbl", "volume", "barrels", "barrel")
_units("ft**3", "volume", "cubic feet", "cubic foot", "cu ft")
_units("MW", "power", "megawatts", "mw")
_units("GW", "power", "gigawatts", "gw")
_units("kWh", "energy", "kilowatt hours", "kilowatt-hours", "kwh")
_units("MWh", "energy", "megawatt hours", "megawatt-hours", "mwh")
_units("GWh", "energy", "gigawatt hours", "gigawatt-hours", "gwh")
_units("TWh", "energy", "terawatt hours", "terawatt-hours", "twh")
_units("kcal", "energy", "kilocalories", "kcal", "calories")
_units("year", "duration", "years", "year", "yrs")
_units("month", "duration", "months", "month")
_units("week", "duration", "weeks", "week")
_units("day", "duration", "days", "day")
_units("hour", "duration", "hours", "hour", "hrs")
_units("minute", "duration", "minutes", "mins", "min")
_units("second", "duration", "seconds", "secs", "sec")
_units("decade", "duration", "decades", "decade")
_units("century", "duration", "centuries")


# Units as prose writes them (factcheck/unit_table.py): their names join UNIT_WORDS (the rows
# above win where both know a word), their symbols are matched letter for letter.
UNIT_SYMBOLS: dict[str, tuple[str, str, bool]] = {}
"""Symbol -> (canonical unit, what it measures, may it be written against the figure)."""


def _load_unit_table() -> None:
    from factcheck.unit_table import unit_rows  # noqa: PLC0415 - data rows, read once

    for row in unit_rows():
        for name in row.names:
            UNIT_WORDS.setdefault(name.lower(), (row.unit, row.measures))
        for sym in row.symbols:
            if "/" in sym or "^" in sym:
                # "km/hr", "mg/l", "km^3": longer than the unit word they start with ("km")
                UNIT_WORDS.setdefault(sym.lower(), (row.unit, row.measures))
            elif sym.lower() not in UNIT_WORDS:
                UNIT_SYMBOLS.setdefault(sym, (row.unit, row.measures, row.attached))


_load_unit_table()

TIME_UNITS: dict[str, str] = {
    "day": "day", "week": "week", "month": "month", "year": "year", "hour": "hour",
    "annum": "year", "minute": "minute", "decade": "decade",
}


def is_currency(unit: str) -> bool:
    """True when *unit* is an ISO 4217 currency code the project knows."""
    return unit in CURRENCY_CODES


_lock = threading.Lock()


@functools.lru_cache(maxsize=1)
def registry() -> pint.UnitRegistry[Any]:
    """The project's one pint registry, built on first use from ``factcheck/units.txt``.

    It is shared, so treat it as read-only: define your own units in a registry of your own.
    """
    with _lock:
        import pint  # noqa: PLC0415 - imported lazily: ~130 ms

        definitions = resources.files("factcheck").joinpath("units.txt")
        with resources.as_file(definitions) as path:
            reg: pint.UnitRegistry[Any] = pint.UnitRegistry(
                str(path), autoconvert_offset_to_baseunit=True
            )
        return reg


_SAFE_UNIT = re.compile(r"[A-Za-z_*/0-9 ²]+")


@functools.lru_cache(maxsize=512)
def dimension(unit: str) -> str:
    """A string naming *unit*'s dimension ("[length] ** 2", "[currency_USD]", "" for counts).

    Unknown units have the dimension ``"unknown"``: they fit nothing but themselves.
    """
    if unit == UNKNOWN or not _SAFE_UNIT.fullmatch(unit):
        return UNKNOWN
    try:
        dims = registry().Unit(unit).dimensionality
    except Exception:  # noqa: BLE001 - pint raises several unrelated types for bad units
        return UNKNOWN
    return str(dims) if dims else ""


def same_dimension(a: str, b: str) -> bool:
    """True when figures in units *a* and *b* may be compared or added."""
    if a == b:
        return True
    da, db = dimension(a), dimension(b)
    return da != UNKNOWN and da == db


@functools.lru_cache(maxsize=512)
def conversion_factor(from_unit: str, to_unit: str) -> Fraction:
    """The exact-as-written factor that turns a value in *from_unit* into *to_unit*.

    Raises :class:`factcheck.errors.UnitError` when the two do not share a dimension
    (currencies never convert into each other).
    """
    from factcheck.errors import UnitError  # noqa: PLC0415

    if from_unit == to_unit:
        return Fraction(1)
    if not same_dimension(from_unit, to_unit):
        raise UnitError(f"cannot convert {from_unit!r} to {to_unit!r}: different dimensions")
    reg = registry()
    magnitude = reg.Quantity(1, from_unit).to(to_unit).magnitude
    # Factors come from the definitions file as floats; their shortest repr is the decimal
    # that was written there, which is the exact factor we mean.
    return Fraction(repr(float(magnitude)))
