"""The units people write after figures in English prose, as data rows.

Each row names a unit of pint's default definitions (its canonical name here is the one
``factcheck/units.txt`` defines, and ``tests/test_units.py`` checks that every symbol and name
below means the same unit in pint's own default registry), what it measures, and how
publishers write it: symbols, matched letter for letter ("mg" is not "Mg", "MB" is not "mb"),
and names, matched in any case, singular and plural. The rules of English prose that decide
*which* of pint's many units and prefixes are read are in the rows themselves:

- only the prefixes publishers put on each unit (milligrams and kilograms, never
  "megagrams"; megabytes, never "millibytes");
- a symbol of one letter ("W", "L", "V") is read after a figure, never as a word of its own;
  "g", "A", "B", "s" and "m" alone are not read here ("5G" is a network, "5K" thousand,
  "B" billion, "m" million or metres by the extractor's own rules);
- *attached* symbols may be written against the figure ("12W", "2.8GHz", "100MB"), the others
  only after a blank ("735 K").
"""

from __future__ import annotations

from typing import Final, NamedTuple

__all__ = ["PREFIXED", "PROSE_UNITS", "UnitRow", "unit_rows"]


class UnitRow(NamedTuple):
    """A unit as prose writes it: canonical name, what it measures, symbols, names, example."""

    unit: str
    measures: str
    symbols: tuple[str, ...]
    names: tuple[str, ...]
    example: str
    attached: bool = True


# pint's SI prefixes as prose uses them: (symbol, name, canonical prefix for units.txt).
_PREFIXES: Final = {
    "n": ("n", "nano", "n"), "u": ("µ", "micro", "micro"), "m": ("m", "milli", "m"),
    "c": ("c", "centi", "c"), "d": ("d", "deci", "d"), "h": ("h", "hecto", "h"),
    "k": ("k", "kilo", "k"), "M": ("M", "mega", "M"), "G": ("G", "giga", "G"),
    "T": ("T", "tera", "T"), "P": ("P", "peta", "P"), "E": ("E", "exa", "E"),
}

# Prefixed families: (base canonical, base symbol, base names, measures, prefixes used in
# prose, example). "" in the prefixes is the bare unit.
PREFIXED: Final[tuple[tuple[str, str, tuple[str, ...], str, str, str], ...]] = (
    ("gram", "g", ("gram", "grams", "gramme", "grammes"), "mass", "n u m", "500 mg of salt"),
    ("liter", "L", ("litre", "litres", "liter", "liters"), "volume", " u m c d h",
     "45 ml of water, 100 cl"),
    # No "nm": at sea it is nautical miles ("a 200 nm zone"); "nanometres" is read.
    ("meter", "m", ("metre", "metres", "meter", "meters"), "length", "u m c",
     "30 cm, 2 mm"),
    ("nm", "nm", ("nanometre", "nanometres", "nanometer", "nanometers"), "length", "x",
     "16.25 nanometers"),
    ("watt", "W", ("watt", "watts"), "power", " m k G T", "12 W, 5 kW"),
    ("hertz", "Hz", ("hertz",), "frequency", " k M G", "2.8 GHz"),
    # No "TB": in health factsheets it is tuberculosis ("10 TB patients"); "terabytes" is read.
    ("byte", "B", ("byte", "bytes"), "data", "k M G P E", "100 MB, 10-15 exabytes"),
    ("pascal", "Pa", ("pascal", "pascals"), "pressure", " k M G h", "20 MPa, 1013 hPa"),
    ("volt", "V", ("volt", "volts"), "voltage", " m k", "230 V, 11 kV"),
    ("joule", "J", ("joule", "joules"), "energy", " k M G T P E", "50 kJ, 400 EJ"),
    ("watt_hour", "Wh", ("watt hour", "watt hours", "watt-hour", "watt-hours", "watthour",
                         "watthours"), "energy", " k M G T", "50 Wh, 3,883 billion kilowatthours"),
    ("electron_volt", "eV", ("electronvolt", "electronvolts", "electron volts"), "energy",
     " k M G T", "1.7 eV, 3.5 TeV"),
    # No "A" alone: "Grade 5 A", "Class 3A" name grades.
    ("ampere", "A", ("ampere", "amperes", "amp", "amps"), "current", "m k", "500 mA"),
)

# Units without prefixes (or with their prefixed forms written out).
PROSE_UNITS: Final[tuple[UnitRow, ...]] = (
    UnitRow("mi", "length", ("mi",), (), "930,000 mi", attached=False),
    UnitRow("astronomical_unit", "length", ("AU", "au"), ("astronomical units",
            "astronomical unit"), "0.39 AU", attached=False),
    UnitRow("light_year", "length", (), ("light years", "light-years", "light year",
            "light-year"), "4.2 light years"),
    UnitRow("inch", "length", (), ("inches", "inch"), "a 1/4 inch gap"),
    UnitRow("yard", "length", ("yd", "yds"), ("yards", "yard"), "100 yards"),
    UnitRow("km**3", "volume", ("km³", "km3", "km^3"), ("cubic kilometres", "cubic kilometers",
            "cubic kilometre", "cubic kilometer", "km cubed"), "4 km³ of ice"),
    UnitRow("cm**3", "volume", ("cm³", "cm3", "cc"), ("cubic centimetres",
            "cubic centimeters"), "a 125 cc engine"),
    UnitRow("km/hour", "speed", ("km/hr", "km/hour"), ("kilometres per hour",
            "kilometers per hour", "kilometre per hour"), "10 km/hr"),
    UnitRow("mi/hour", "speed", ("mi/hr", "mi/h"), ("miles per hour",), "30 miles per hour"),
    UnitRow("m/second", "speed", ("m/s",), ("metres per second", "meters per second"),
            "340 m/s"),
    UnitRow("km/second", "speed", ("km/s",), ("kilometres per second",
            "kilometers per second"), "11.2 km/s"),
    # ("kt" is also kilotonnes: knots are read by name only.)
    UnitRow("knot", "speed", (), ("knots",), "a top speed of 30 knots"),
    UnitRow("tonne", "mass", ("t",), (), "278,000 t of ore", attached=False),
    UnitRow("horsepower", "power", ("hp", "bhp"), ("horsepower",), "a 300 hp engine"),
    UnitRow("kelvin", "temperature", ("K",), ("kelvin", "kelvins"), "735 K", attached=False),
    UnitRow("degree", "angle", ("°",), ("degrees", "degree"), "a 98 degrees day, 45°"),
    UnitRow("hour", "duration", ("hr", "hrs", "h"), (), "3 hrs", attached=False),
    UnitRow("cup", "volume", (), ("cups", "cup"), "a ⅓ cup of sauce"),
    UnitRow("tablespoon", "volume", ("tbsp", "Tbsp"), ("tablespoons", "tablespoon"),
            "½ tbsp of salt"),
    UnitRow("teaspoon", "volume", ("tsp",), ("teaspoons", "teaspoon"), "2 tsp of sugar"),
    UnitRow("pint", "volume", (), ("pints",), "two pints of milk"),
    UnitRow("ounce", "mass", ("oz",), ("ounces", "ounce"), "a 12 oz steak"),
    UnitRow("btu", "energy", ("BTU", "Btu"), ("british thermal units", "british thermal unit"),
            "15,000 British thermal units"),
    UnitRow("kcal", "energy", (), ("kilocalorie",), "2,000 kilocalories"),
    UnitRow("mg/L", "concentration", ("mg/l", "mg/L"), ("milligrams per litre",
            "milligrams per liter"), "0.3 mg/l of arsenic"),
    UnitRow("microgram/m**3", "concentration", ("µg/m³", "μg/m³", "µg/m3", "ug/m3"),
            ("micrograms per cubic metre", "micrograms per cubic meter"),
            "PM2.5 at 35 µg/m³"),
)


def unit_rows() -> list[UnitRow]:
    """Every row: the prefixed families spelt out, then the single units."""
    rows: list[UnitRow] = []
    for base, sym, names, measures, prefixes, example in PREFIXED:
        used = [p for p in prefixes.split(" ") if p != "x"]  # "x": no prefix, no symbol
        # The bare unit's names are read even where its symbol alone is not ("500 grams").
        rows.append(UnitRow("L" if base == "liter" else base, measures,
                            (sym,) if "" in used else (), names, example))
        for p in used:
            if p == "":
                continue
            psym, pname, pcanon = _PREFIXES[p]
            canon = pcanon + (sym if pcanon != "micro" else base)
            syms = [psym + sym]
            if p == "u":
                syms += ["μ" + sym, "mc" + sym] if sym == "g" else ["μ" + sym]
            if sym == "L":
                syms.append(psym + "l")  # "45 ml", "45 mL"
            if sym == "B" and p == "k":
                syms.append("KB")
            rows.append(UnitRow(canon, measures, tuple(syms),
                                tuple(pname + n.replace(" ", "") for n in names
                                      if "-" not in n), example))
    rows.extend(PROSE_UNITS)
    return rows
