"""Extraction: every figure of the bundled factsheets, and each form publishers write figures in."""

from __future__ import annotations

from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck import extract, load
from factcheck.claim import Claim, Interval, Qualifier
from factcheck.readers import read_markdown
from factcheck.extraction import slugify
from factcheck.serialize import fraction_text

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"


def table(claims: object) -> list[tuple[str, str, str, str, str, int, str]]:
    """id, exact value, unit, qualifier, counted noun, line and quote of each claim, in order."""
    return [
        (c.id, fraction_text(c.value), c.unit, c.qualifier.value, c.counted, c.line, c.quote)
        for c in claims  # type: ignore[attr-defined]
    ]


def one(text: str, **kwargs: object) -> Claim:
    """The one claim read from *text* (fails when there are none or several)."""
    doc = extract(text, **kwargs)  # type: ignore[arg-type]
    assert len(doc) == 1, [c.quote for c in doc]
    return doc[0]


def figure(text: str) -> tuple[F, str, str, str]:
    """(value, unit, qualifier, counted) of the one claim in *text*."""
    c = one(text)
    return c.value, c.unit, c.qualifier.value, c.counted


# --------------------------------------------------------------------------- the bundled texts

EXPECTED: dict[str, list[tuple[str, str, str, str, str, int, str]]] = {
    "2017-03-24.txt": [
        ("members", "68", "count", "exact", "members", 5, "68-member"),
        ("coalition-partners", "23", "count", "exact", "coalition partners", 7,
         "23 coalition partners"),
        ("troops", "9000", "count", "over", "troops", 7, "over 9,000 troops"),
        ("terrain", "62", "percent", "exact", "terrain", 9, "62 percent of the terrain"),
        ("terrain-syria", "30", "percent", "exact", "terrain", 9, "30 percent"),
        ("isis-fighters", "0.5", "dimensionless", "over", "ISIS fighters", 9, "more than half"),
        ("strikes", "19000", "count", "over", "strikes", 11, "more than 19,000 strikes"),
        ("mid-level-isis-leaders", "180", "count", "over", "senior to mid-level ISIS leaders", 11,
         "over 180 senior to mid-level ISIS leaders"),
        ("iraqi-security-force-members", "90000", "count", "nearly",
         "Iraqi Security Force members", 15, "nearly 90,000 Iraqi Security Force members"),
        ("terrain-syria-2", "14000", "km**2", "over", "terrain", 17,
         "over 14,000 square kilometers of terrain"),
        ("territory", "7400", "km**2", "over", "territory", 17,
         "more than 7,400 square kilometers of territory"),
    ],
    "2017-07.txt": [
        ("members", "73", "count", "exact", "members", 3, "73-member"),
        ("people", "4000000", "count", "about", "people", 9, "an estimated four million people"),
        ("coalition-partners", "26", "count", "exact", "Coalition partners", 11,
         "Twenty-six Coalition partners"),
        ("troops", "9000", "count", "over", "troops", 11, "over 9,000 troops"),
        ("terrain", "70", "percent", "over", "terrain", 13, "over 70 percent of the terrain"),
        ("terrain-syria", "50", "percent", "over", "terrain", 13, "over 50 percent"),
        ("isis-fighters", "0.5", "dimensionless", "over", "ISIS fighters", 13, "more than half"),
        ("airstrikes", "23000", "count", "over", "airstrikes", 15, "more than 23,000 airstrikes"),
        ("senior-level-isis-leaders", "200", "count", "over", "mid- to senior-level ISIS leaders",
         15, "over 200 mid- to senior-level ISIS leaders"),
    ],
    "2019-02-06.txt": [
        ("members", "79", "count", "exact", "members", 8, "79-member"),
        ("coalition-partners", "32", "count", "exact", "Coalition partners", 14,
         "Thirty-two Coalition partners"),
        ("share", "99", "percent", "over", "share", 16, "more than 99 percent"),
    ],
    "2020-01.txt": [
        ("iraqi-civilians", "4500000", "count", "about", "Iraqi civilians", 5,
         "some 4.5 million Iraqi civilians"),
        ("territory", "110000", "km**2", "over", "territory", 5,
         "more than 110,000 square kilometers of territory"),
        ("members", "81", "count", "exact", "members", 9, "81 members"),
        ("nations", "76", "count", "exact", "nations", 9, "76 nations"),
        ("international-organizations", "5", "count", "exact", "international organizations", 9,
         "5 international organizations"),
        ("food", "2000000000", "USD", "over", "food", 13, "more than $2 billion in food"),
        ("schools", "500", "count", "over", "schools", 13, "more than 500 schools"),
        ("health-centers", "100", "count", "exact", "health centers", 13, "100 health centers"),
    ],
    "2021.txt": [
        ("duration", "2", "year", "over", "duration", 1, "More than two years"),
        ("people", "8000000", "count", "nearly", "people", 4, "nearly 8 million people"),
        ("area", "110000", "km**2", "exact", "area", 4, "110,000 sq km"),
        ("members", "83", "count", "exact", "members", 13, "83 members"),
        ("nations", "78", "count", "exact", "nations", 13, "78 nations"),
        ("international-organisations", "5", "count", "exact", "international organisations", 13,
         "five international \norganisations"),
        ("fighters", "10000", "count", "about", "fighters", 21,
         "in the region of 10,000 fighters"),
        ("stabilisation-assistance", "20000000000", "USD", "over", "stabilisation assistance", 42,
         "over $20 billion in stabilisation \nassistance"),
        ("displaced-people", "4300000", "count", "over", "displaced people", 48,
         "more than 4.3 million displaced people"),
        ("education-projects", "904", "count", "exact", "education projects", 50,
         "904 education \nprojects"),
        ("road-and-bridge-projects", "37", "count", "exact", "road and bridge projects", 51,
         "37 road and bridge projects"),
        ("health-projects", "321", "count", "exact", "health projects", 51, "321 health projects"),
        ("housing-projects", "58", "count", "exact", "housing projects", 51,
         "58 housing projects"),
        ("partners", "27", "count", "exact", "partners", 52, "27 partners"),
        ("funding", "1000000000", "USD", "over", "funding", 52, "over $1 billion"),
        ("stabilization-projects", "3100", "count", "over", "stabilization projects", 54,
         "over 3,100 stabilization projects"),
        ("liberated-areas", "31", "count", "exact", "liberated areas", 54, "31 liberated areas"),
        ("women-and-girls", "2700000", "count", "exact", "women and girls", 57,
         "2.7 million women and girls"),
        ("security-and-police-personnel", "225000", "count", "over",
         "security and police personnel", 85, "more than 225,000 security and police \npersonnel"),
        ("equipment", "4130000000", "USD", "over", "equipment", 88,
         "more than $4.13 \nbillion of equipment"),
        ("newly-declassified-iinterrogation-reports", "53", "count", "exact",
         "newly declassified iinterrogation reports", 109,
         "53 newly declassified \niinterrogation reports"),
        ("ftfs", "40000", "count", "over", "FTFs", 119, "more than 40,000 FTFs"),
        ("individuals", "2", "count", "exact", "individuals", 194, "two individuals"),
        ("fraudulently-obtained-income", "12000", "EUR", "exact", "fraudulently obtained income",
         196, "12,000 Euros of fraudulently obtained income"),
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_factsheet_figures(name: str) -> None:
    """Every figure of a bundled factsheet: value, unit, qualifier, counted noun, line, quote."""
    assert table(load(SERIES / name)) == EXPECTED[name]


def test_bundled_series_is_all_tested() -> None:
    """The expected tables cover every factsheet of the bundled series."""
    assert sorted(p.name for p in SERIES.glob("*.txt")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bundled_provenance_points_at_the_original(name: str) -> None:
    """Each quote is the original text at its offset, line and column; sentence span holds it."""
    text = (SERIES / name).read_text(encoding="utf-8")
    for c in load(SERIES / name):
        p = c.provenance
        assert text[p.offset:p.offset + len(p.quote)] == p.quote
        assert p.line == text.count("\n", 0, p.offset) + 1
        assert p.column == p.offset - (text.rfind("\n", 0, p.offset) + 1) + 1
        a, b = p.sentence_span
        assert p.sentence[a:b] == " ".join(p.quote.split())
        assert c.value in c.interval or c.interval.low_open or c.interval.high_open


def test_bundled_intervals_follow_the_documented_semantics() -> None:
    """The README's examples: 4.3 million, more than 40,000, nearly 8 million, 10,000, 83."""
    doc = load(SERIES / "2021.txt").by_id()
    assert doc["displaced-people"].interval == Interval(F(4_300_000), None, low_open=True)
    assert doc["displaced-people"].step == 100_000
    assert doc["ftfs"].interval == Interval(F(40_000), None, low_open=True)
    assert doc["people"].interval == Interval(F(7_200_000), F(8_000_000))
    assert doc["fighters"].interval == Interval(F(9_000), F(11_000))
    assert doc["members"].interval == Interval(F(83), F(83))
    assert doc["women-and-girls"].interval == Interval(F(2_650_000), F(2_750_000))
    assert doc["equipment"].interval == Interval(F(4_130_000_000), None, low_open=True)
    assert doc["area"].interval == Interval(F(219_999, 2), F(220_001, 2))


def test_bundled_time_context() -> None:
    """Dates in a sentence become the time context of its figures ("since 2014", "To date")."""
    got = {
        (name, c.id): (c.time.since, c.time.as_of, c.time.cumulative)
        for name in EXPECTED
        for c in load(SERIES / name)
        if c.time.since or c.time.as_of
    }
    assert got == {
        ("2017-03-24.txt", "members"): (None, "March 22", False),
        ("2017-03-24.txt", "isis-fighters"): (None, "2014", True),
        ("2017-03-24.txt", "terrain-syria-2"): (None, "November 5", True),
        ("2017-03-24.txt", "territory"): (None, "November 5", True),
        ("2017-07.txt", "isis-fighters"): (None, "2014", True),
        ("2019-02-06.txt", "members"): ("2014", None, True),
        ("2020-01.txt", "iraqi-civilians"): ("April 2015", None, True),
        ("2020-01.txt", "territory"): ("April 2015", None, True),
        ("2020-01.txt", "food"): ("2014", None, True),
        ("2020-01.txt", "schools"): ("2014", None, True),
        ("2020-01.txt", "health-centers"): ("2014", None, True),
        ("2021.txt", "stabilisation-assistance"): ("2014", None, True),
    }


def test_bundled_sections_and_scopes() -> None:
    """Headings in capitals are sections; a place after the figure is its scope."""
    doc = load(SERIES / "2021.txt").by_id()
    assert [doc[i].provenance.section for i in ("members", "displaced-people", "equipment",
                                                 "ftfs", "individuals")] == [
        None, "STABILISATION", "MILITARY EFFORTS", "FOREIGN TERRORIST FIGHTERS (FTFs)", "FINANCE"]
    assert doc["displaced-people"].scope == "Iraq"
    assert doc["area"].scope == "Iraq and Syria"
    old = load(SERIES / "2017-03-24.txt").by_id()
    assert (old["terrain"].scope, old["terrain-syria"].scope) == ("Iraq", "Syria")


def test_bundled_dates_and_identifiers_are_not_figures() -> None:
    """Years, dates and identifiers in the bundled texts never become figures."""
    for name in EXPECTED:
        stated = {c.stated for c in load(SERIES / name)}
        for not_a_figure in ("2014", "2015", "2017", "2019", "2020", "2021", "2254", "22", "24",
                             "6", "2", "5 "):
            assert not_a_figure not in stated, (name, not_a_figure)


@pytest.mark.parametrize(
    "text",
    [
        "since 2014",
        "In March 2021",
        "the 2021 pledge drive",
        "January 24, 2017",
        "UNSCR 2254",
        "World War II",
        "24 January 2017",
        "on 24th January",
        "Mar 24, 2017",
        "on 2017-03-24",
        "the 2019/20 budget",
        "the 2014-15 season",
        "from 2014 to 2017",
        "COVID-19",
        "the G20 summit",
        "F-16 jets",
        "Article 5",
        "article 5 of the treaty",
        "Resolution 2178 (2014)",
        "SDG 4",
        "Phase 2",
        "see page 12",
        "the 21st century",
        "at 10:30",
        "at 9pm",
        "version 3.1.58",
        "5G networks",
        "3D maps",
        "A4 paper",
        "in the 1990s",
        "Call +44 20 7946 0958.",
        "Call (202) 555-0123.",
        "Call 020 7946 0958.",
        "tens of thousands of fighters",
        "millions of people",
        "hundreds of schools",
        "the thousands of internally displaced people",
        "one of the largest coalitions",
        "the third largest",
        ".5 million",
        "on 12/05/2021",
        "24/7 support",
        "a 50/50 split",
        "Table 2.1 shows",
        "Section 3.2 applies",
        "1112,000 people",
        "1,00,000 people",
    ],
)
def test_not_a_figure(text: str) -> None:
    """Dates, years, identifiers, times, codes and vague magnitudes are no figure claims."""
    assert [c.quote for c in extract(text)] == []


def test_a_date_becomes_time_context_not_a_figure() -> None:
    """"In March 2021, 5,000 people fled": one figure, dated March 2021."""
    c = one("In March 2021, 5,000 people fled the city.")
    assert (c.value, c.counted, c.time.as_of) == (5000, "people", "March 2021")
    c = one("Since 2014, partners have provided over $20 billion in aid.")
    assert (c.value, c.unit, c.time.since, c.time.cumulative) == (20 * 10**9, "USD", "2014", True)


# --------------------------------------------------------------------------- forms of figures


@pytest.mark.parametrize(
    "text, expected",
    [
        # thousands separators and decimals
        ("The fund has 1,234,567 members.", (F(1234567), "count", "exact", "members")),
        ("a rise of 2.75 percent", (F(11, 4), "percent", "exact", "share")),
        ("1,000,000,000,000,000,000 stars", (F(10**18), "count", "exact", "stars")),
        # scale words
        ("4.3 million displaced people", (F(4_300_000), "count", "exact", "displaced people")),
        ("3.5 thousand homes", (F(3500), "count", "exact", "homes")),
        ("2 billion people", (F(2 * 10**9), "count", "exact", "people")),
        ("$2 trillion", (F(2 * 10**12), "USD", "exact", "funding")),
        ("2 lakh people", (F(200_000), "count", "exact", "people")),
        ("Rs. 5 crore", (F(50_000_000), "INR", "exact", "funding")),
        # number words
        ("five international organisations",
         (F(5), "count", "exact", "international organisations")),
        ("Twenty-six partners", (F(26), "count", "exact", "partners")),
        ("a dozen countries", (F(12), "count", "exact", "countries")),
        ("half a dozen states", (F(6), "count", "exact", "states")),
        ("two hundred and five schools", (F(205), "count", "exact", "schools")),
        ("one hundred and twenty-five people", (F(125), "count", "exact", "people")),
        ("four million people", (F(4_000_000), "count", "exact", "people")),
        ("forty thousand fighters", (F(40_000), "count", "exact", "fighters")),
        ("a million people", (F(1_000_000), "count", "exact", "people")),
        ("half a million people", (F(500_000), "count", "exact", "people")),
        # hyphenated forms
        ("the 68-member Global Coalition", (F(68), "count", "exact", "members")),
        ("a 2,000-strong force", (F(2000), "count", "exact", "members")),
        ("a five-year plan", (F(5), "year", "exact", "plan")),
        ("a 10-km road", (F(10), "km", "exact", "road")),
        ("a 12-year-old girl", (F(12), "year", "exact", "age")),
        ("the 50\u2011member board", (F(50), "count", "exact", "members")),
        # percentages, British and American
        ("62 percent of the terrain", (F(62), "percent", "exact", "terrain")),
        ("70% of people", (F(70), "percent", "exact", "people")),
        ("1 per cent of GDP", (F(1), "percent", "exact", "GDP")),
        ("5 pct", (F(5), "percent", "exact", "share")),
        ("a rise of 3 percentage points", (F(3), "percent", "exact", "percentage points")),
        # currency symbols and names
        ("$5 for each", (F(5), "USD", "exact", "funding")),
        ("US$5 million in aid", (F(5_000_000), "USD", "exact", "aid")),
        ("US$ 40 million", (F(40_000_000), "USD", "exact", "funding")),
        ("€5 million", (F(5_000_000), "EUR", "exact", "funding")),
        ("£3.2m", (F(3_200_000), "GBP", "exact", "funding")),
        ("¥100 billion", (F(10**11), "JPY", "exact", "funding")),
        ("A$3 million", (F(3_000_000), "AUD", "exact", "funding")),
        ("USD 5 million", (F(5_000_000), "USD", "exact", "funding")),
        ("CHF 5 million", (F(5_000_000), "CHF", "exact", "funding")),
        ("12,000 Euros of income", (F(12_000), "EUR", "exact", "income")),
        ("5 million US dollars", (F(5_000_000), "USD", "exact", "funding")),
        ("4.13 billion dollars", (F(4_130_000_000), "USD", "exact", "funding")),
        ("3 million euros", (F(3_000_000), "EUR", "exact", "funding")),
        ("20 pounds sterling", (F(20), "GBP", "exact", "funding")),
        # "m"/"bn" after money and counts, never metres unless metres are meant
        ("$1.5bn in aid", (F(1_500_000_000), "USD", "exact", "aid")),
        ("$1.5 m for roads", (F(1_500_000), "USD", "exact", "roads")),
        ("1.5m people", (F(1_500_000), "count", "exact", "people")),
        ("1.5bn people", (F(1_500_000_000), "count", "exact", "people")),
        ("about $1.2bn", (F(1_200_000_000), "USD", "about", "funding")),
        ("a 100m sprint", (F(100), "m", "exact", "sprint")),
        ("a 5m-long wall", (F(5), "m", "exact", "distance")),
        # units of area, length, mass
        ("110,000 sq km", (F(110_000), "km**2", "exact", "area")),
        ("14,000 square kilometers of terrain", (F(14_000), "km**2", "exact", "terrain")),
        ("50 km² of land", (F(50), "km**2", "exact", "land")),
        ("42,500 sq mi", (F(42_500), "mi**2", "exact", "area")),
        ("3.5 km of road", (F(7, 2), "km", "exact", "road")),
        ("5,000 tonnes of food", (F(5000), "tonne", "exact", "food")),
        ("200 hectares of farmland", (F(200), "hectare", "exact", "farmland")),
        # durations and ages
        ("more than three decades", (F(3), "decade", "over", "duration")),
        ("for six months", (F(6), "month", "exact", "duration")),
        ("in 10 years", (F(10), "year", "exact", "duration")),
        ("children under the age of 18", (F(18), "year", "under", "age")),
        ("people over the age of 65", (F(65), "year", "over", "age")),
        ("children aged under 5", (F(5), "year", "under", "age")),
        # rates
        ("42,500 persons per day", (F(42_500), "count/day", "exact", "persons")),
        ("$3 million a year", (F(3_000_000), "USD/year", "exact", "funding")),
        ("3 million people a year", (F(3_000_000), "count/year", "exact", "people")),
        ("20 tonnes a day", (F(20), "tonne/day", "exact", "mass")),
        # shares and multiples in words
        ("half of the people", (F(1, 2), "dimensionless", "exact", "people")),
        ("two-thirds of the land", (F(2, 3), "dimensionless", "exact", "land")),
        ("a third of the land", (F(1, 3), "dimensionless", "exact", "land")),
        ("three quarters of homes", (F(3, 4), "dimensionless", "exact", "homes")),
        ("one in four children", (F(1, 4), "dimensionless", "exact", "children")),
        ("1 in 8 adults", (F(1, 8), "dimensionless", "exact", "adults")),
        ("the number doubled", (F(2), "dimensionless", "exact", "multiple")),
        ("the number nearly tripled", (F(3), "dimensionless", "nearly", "multiple")),
        ("the budget was halved", (F(1, 2), "dimensionless", "exact", "multiple")),
        ("three times as many people", (F(3), "dimensionless", "exact", "multiple")),
        ("a fivefold increase", (F(5), "dimensionless", "exact", "multiple")),
        # "+" and "-plus" after a figure; a rate per so many people; acronyms before amounts
        ("5,000+ volunteers", (F(5000), "count", "at_least", "volunteers")),
        ("100,000-plus refugees", (F(100_000), "count", "at_least", "refugees")),
        ("a rate of 45 per 100,000 people", (F(45, 100_000), "dimensionless", "exact", "people")),
        ("GDP 3% growth", (F(3), "percent", "exact", "growth")),
        ("UNHCR 5 million people", (F(5_000_000), "count", "exact", "people")),
        # a unit factcheck does not know is still a figure
        ("12Gbps links", (F(12), "unknown", "exact", "links")),
    ],
)
def test_forms(text: str, expected: tuple[F, str, str, str]) -> None:
    """Each way publishers write a figure is read with its value, unit, qualifier and noun."""
    assert figure(text) == expected


@pytest.mark.parametrize(
    "text, qualifier, interval",
    [
        ("more than 5 cars", "over", Interval(F(5), None, low_open=True)),
        ("over 5 cars", "over", Interval(F(5), None, low_open=True)),
        ("well over 5 cars", "over", Interval(F(5), None, low_open=True)),
        ("in excess of 5 cars", "over", Interval(F(5), None, low_open=True)),
        ("nearly 50 cars", "nearly", Interval(F(45), F(50))),
        ("almost 50 cars", "nearly", Interval(F(45), F(50))),
        ("just under 50 cars", "nearly", Interval(F(45), F(50))),
        ("about 50 cars", "about", Interval(F(45), F(55))),
        ("around 50 cars", "about", Interval(F(45), F(55))),
        ("some 50 cars", "about", Interval(F(45), F(55))),
        ("an estimated 50 cars", "about", Interval(F(45), F(55))),
        ("approximately 50 cars", "about", Interval(F(45), F(55))),
        ("in the region of 50 cars", "about", Interval(F(45), F(55))),
        ("roughly 50 cars", "about", Interval(F(45), F(55))),
        ("~50 cars", "about", Interval(F(45), F(55))),
        ("up to 5 cars", "at_most", Interval(None, F(5))),
        ("as many as 5 cars", "at_most", Interval(None, F(5))),
        ("at least 5 cars", "at_least", Interval(F(5), None)),
        ("no fewer than 5 cars", "at_least", Interval(F(5), None)),
        ("less than 5 cars", "under", Interval(None, F(5), high_open=True)),
        ("under 5 cars", "under", Interval(None, F(5), high_open=True)),
        ("fewer than 5 cars", "under", Interval(None, F(5), high_open=True)),
        ("5 cars", "exact", Interval(F(5), F(5))),
    ],
)
def test_qualifiers(text: str, qualifier: str, interval: Interval) -> None:
    """Each qualifier phrase gives its qualifier and the interval README documents."""
    c = one(text)
    assert (c.qualifier.value, c.interval, c.quote) == (qualifier, interval, text)


@pytest.mark.parametrize(
    "text, low, high, unit, interval",
    [
        ("30-34 million people", 30_000_000, 34_000_000, "count",
         Interval(F(29_500_000), F(34_500_000))),
        ("children aged 5-19", 5, 19, "year", Interval(F(9, 2), F(39, 2))),
        ("between 5 and 19 schools", 5, 19, "count", Interval(F(5), F(19))),
        ("5 to 10 schools", 5, 10, "count", Interval(F(5), F(10))),
        ("15–20 per cent", 15, 20, "percent", Interval(F(29, 2), F(41, 2))),
        ("$5-10 million", 5_000_000, 10_000_000, "USD", Interval(F(4_500_000), F(10_500_000))),
        ("between $5 and $10 million", 5_000_000, 10_000_000, "USD",
         Interval(F(4_500_000), F(10_500_000))),
    ],
)
def test_ranges(text: str, low: int, high: int, unit: str, interval: Interval) -> None:
    """A range holds its two ends, and allows from the low end to the high one."""
    c = one(text)
    assert (c.qualifier, c.value, c.value_high, c.unit, c.interval) == (
        Qualifier.RANGE, low, high, unit, interval)


def test_precision_of_words_is_that_of_digits() -> None:
    """A figure in words allows what its digits would: "twenty" as 20, "four million" as 4 million."""
    pairs = [("twenty schools", "20 schools"), ("two hundred schools", "200 schools"),
             ("a five-year plan", "a 5-year plan"), ("four million people", "4 million people"),
             ("more than three decades", "more than 3 decades"),
             ("half a million people", "0.5 million people"), ("twelve percent", "12 percent")]
    for words, digits in pairs:
        assert one(words).interval == one(digits).interval, words


def test_figures_split_across_hard_line_breaks() -> None:
    """A figure, its qualifier and its noun broken over lines are read whole, at the first line."""
    doc = extract("The fund spent more\nthan $4.13\nbillion on 2.7\nmillion people and\n"
                  "Twenty-\nsix partners helped nearly 8 million internally-\ndisplaced people.")
    assert table(doc) == [
        ("funding", "4130000000", "USD", "over", "funding", 1, "more\nthan $4.13\nbillion"),
        ("people", "2700000", "count", "exact", "people", 3, "2.7\nmillion people"),
        ("partners", "26", "count", "exact", "partners", 5, "Twenty-\nsix partners"),
        ("internally-displaced-people", "8000000", "count", "nearly",
         "internally-displaced people", 6, "nearly 8 million internally-\ndisplaced people"),
    ]
    assert [c.stated for c in doc] == ["$4.13 billion", "2.7 million", "Twenty-six", "8 million"]


def test_bullets() -> None:
    """Figures in bulleted and numbered lists, with the line and column of each."""
    doc = extract("Key facts\n\n• 83 members\n• 78 nations\n- 5 organisations\n* 12 bodies\n"
                  "1. 40 schools\n➔ over $1 billion\n")
    assert [(c.id, c.value, c.line, c.provenance.column) for c in doc] == [
        ("members", 83, 3, 3), ("nations", 78, 4, 3), ("organisations", 5, 5, 3),
        ("bodies", 12, 6, 3), ("schools", 40, 7, 4), ("funding", 10**9, 8, 3),
    ]
    assert {c.provenance.section for c in doc} == {"Key facts"}


def test_markdown_input(tmp_path: Path) -> None:
    """Markdown: emphasis and link targets are no figures; headings are sections; lines hold."""
    md = tmp_path / "facts.md"
    md.write_text(
        "# Results\n\nWe reached **4.3 million** people and [83 members](http://x.org/5/2021).\n\n"
        "## Aid\n\n- over $20 billion in aid\n* _nearly_ 90,000 soldiers\n\n"
        "| item | count |\n|---|---|\n| schools | 500 |\n",
        encoding="utf-8",
    )
    doc = load(md)
    assert [(c.value, c.counted, c.qualifier.value, c.line, c.provenance.section) for c in doc] == [
        (4_300_000, "people", "exact", 3, "Results"),
        (83, "members", "exact", 3, "Results"),
        (20 * 10**9, "aid", "over", 7, "Aid"),
        (90_000, "soldiers", "nearly", 8, "Aid"),
        (500, "schools", "exact", 12, "Aid"),  # the row's label, under "count"
    ]
    text = md.read_text(encoding="utf-8")
    for c in doc:
        assert text[c.provenance.offset:].startswith(c.quote)
    assert extract(text, reader=read_markdown).claims == extract(
        text, source="<text>", reader=read_markdown).claims


def test_unknown_unit_is_a_figure() -> None:
    """An attached unit factcheck does not know gives unit "unknown", stated as written."""
    c = one("The network carries 12Gbps of traffic.")
    assert (c.value, c.unit, c.stated, c.quote) == (12, "unknown", "12Gbps", "12Gbps of traffic")
    c = one("economy of 40mpg")
    assert (c.value, c.unit, c.stated) == (40, "unknown", "40mpg")
    assert "mi/hour" == one("speeds of 40mph").unit  # a unit factcheck knows
    assert [c.unit for c in extract("5G and 3D in the 1990s, 10km away")] == ["km"]
    c = one("12 Gbps links")
    assert (c.value, c.unit, c.counted) == (12, "count", "Gbps links")


def test_capitals_are_read() -> None:
    """Text in capitals: English words before a figure are no acronym ("OVER 9,000 TROOPS")."""
    doc = extract("KEY FACTS: OVER 9,000 TROOPS AND 83 MEMBERS")
    assert [(c.value, c.qualifier.value, c.counted) for c in doc] == [
        (9000, "over", "TROOPS"), (83, "exact", "MEMBERS")]


def test_ids_are_stable_and_unique() -> None:
    """The same text yields the same ids; a second figure of a thing takes its scope or a number."""
    text = ("62 percent of the terrain in Iraq and 30 percent in Syria. 5 members. "
            "Later 7 members joined, then 9 members.")
    ids = [c.id for c in extract(text)]
    assert ids == ["terrain", "terrain-syria", "members", "members-2", "members-3"]
    assert [c.id for c in extract(text)] == ids


def test_empty_and_blank_texts() -> None:
    """No text, or only blanks, is a document with no claims."""
    for text in ("", " ", "\n\n\n", "\ufeff", "No figures here."):
        assert len(extract(text)) == 0


def test_document_carries_its_source_and_text() -> None:
    """The document names its source and revision, and iterates and indexes its claims."""
    doc = extract("83 members", source="f.txt", revision="abc123")
    assert (doc.source, doc.revision, doc.text, len(doc)) == ("f.txt", "abc123", "83 members", 1)
    assert list(doc) == [doc[0]] and doc[0].provenance.source == "f.txt"
    assert doc[0].provenance.revision == "abc123"


def test_over_a_span_after_an_amount_is_no_qualifier() -> None:
    """"£1.5bn over five years": "over" gives the span of the amount, not "more than"."""
    doc = extract("The UK has committed £1.5bn over five years. It has over 20 years of work.")
    assert [(c.value, c.unit, c.qualifier.value, c.quote) for c in doc] == [
        (1_500_000_000, "GBP", "exact", "£1.5bn"), (5, "year", "exact", "five years"),
        (20, "year", "over", "over 20 years of work")]


def test_irregular_plurals_end_the_counted_noun() -> None:
    """"1.2 billion people lack access": the noun phrase ends at "people", "children", "women"."""
    assert [c.counted for c in extract(
        "Over 1.2 billion people lack access. 300 children attend. 2.7 million women and girls "
        "benefited. 225,000 security and police personnel serve.")] == [
        "people", "children", "women and girls", "security and police personnel"]


def test_space_grouped_thousands_are_one_figure() -> None:
    """'608 000 malaria deaths' (WHO style) is 608,000 deaths, not 608 and 0."""
    doc = extract("In 2022 there were 608 000 malaria deaths in 85 countries.")
    assert [(F(608000), "malaria deaths"), (F(85), "countries")] == [
        (c.value, c.counted) for c in doc
    ]


def test_an_age_limit_after_a_group_of_people_is_an_age() -> None:
    """'Children under 5' and 'adults over 65' state ages in years, not counts."""
    doc = extract("Children under 5 accounted for 78% of deaths; adults over 65 make up 20%.")
    assert [("age", "year", "under", F(5)), ("age", "year", "over", F(65))] == [
        (c.counted, c.unit, c.qualifier.value, c.value) for c in doc if c.unit == "year"
    ]


def test_comparatives_and_parts_keep_their_noun() -> None:
    """'50,000 more nurses' counts nurses; 'of which 11,000' counts what its total counts."""
    doc = extract(
        "Over 50,000 more nurses by 2024. 20,000 additional police officers, of which "
        "11,000 have already been recruited."
    )
    assert ["nurses", "additional police officers", "additional police officers"] == [
        c.counted for c in doc
    ]


def test_a_percentage_per_year_is_a_rate() -> None:
    """'3.8% a year' is a rate in percent per year, not a share of 'year'."""
    (claim,) = extract("an average real-terms increase of 3.8% a year.")
    assert ("percent/year", F(38, 10)) == (claim.unit, claim.value)


def test_the_interval_shortcut_agrees_with_allowed_interval() -> None:
    """The extractor's shortcut for open-ended qualifiers gives numbers.allowed_interval's."""
    from factcheck.extraction import _interval
    from factcheck.numbers import allowed_interval

    cases = [(F(40000), F(0), None), (F(43, 10), F(1, 10), None), (F(30), F(1), F(34)),
             (F(4300000), F(100000), None), (F(1, 2), F(1, 10), None)]
    for q in Qualifier:
        for value, step, high in cases:
            assert allowed_interval(q, value, step, high) == _interval(q, value, step, high)


def test_ids_keep_accented_letters_and_nouns_stop_at_a_blank_line() -> None:
    """'Türkiye' slugs to 'turkiye'; a counted noun never runs into the next paragraph."""
    assert "people-turkiye" == slugify("people Türkiye")
    doc = extract("| Total | $200 million |\n\nThe programme reached 12 countries.")
    assert ["funding", "countries"] == [c.counted for c in doc]


def test_a_count_per_so_many_keeps_its_base() -> None:
    """'223 deaths per 100,000 live births': one figure, whose counted noun says per what."""
    doc = extract(
        "The maternal mortality ratio fell to 223 deaths per 100,000 live births in 2020. "
        "Under-five mortality: 37 deaths per 1,000 live births (2022)."
    )
    assert [("223", "deaths per 100,000 live births", "deaths"),
            ("37", "deaths per 1,000 live births", "deaths-2")] == [
        (fraction_text(c.value), c.counted, c.id) for c in doc
    ]
    assert doc[0].quote == "223 deaths per 100,000 live births"
    # A rate in time is still a rate: "per day" is not a base.
    (claim,) = extract("42,500 persons per day crossed the border.")
    assert ("count/day", "persons") == (claim.unit, claim.counted)


def test_a_number_word_inside_a_compound_is_no_figure() -> None:
    """'Under-five', 'first-half', like digits in 'COVID-19', name things; they count none."""
    assert [] == list(extract("Under-five mortality fell. First-half results were strong."))
    assert ["26"] == [fraction_text(c.value) for c in extract("Twenty-six partners")]


def test_other_and_bracketed_figures_take_no_wrong_noun() -> None:
    """'5.2 million other people' counts people; 'Ukraine (5.7 million)' counts no 'countries'."""
    assert "people" == one("5.2 million other people in need of protection").counted
    doc = extract(
        "Refugees came from three countries: Syria (6.5 million), Ukraine (5.7 million) and "
        "Afghanistan (6.1 million)."
    )
    assert ["countries", "figure", "figure", "figure"] == [c.counted for c in doc]
    # Percentage points are how a change is measured, not what the next share is of.
    doc = extract("Coverage fell 5 percentage points between 2019 and 2021 to 81 per cent.")
    assert [("percentage points", "5"), ("share", "81")] == [
        (c.counted, fraction_text(c.value)) for c in doc
    ]


def test_iso_currency_codes_before_a_figure() -> None:
    """'KES 2.5 billion' is money in Kenyan shillings, as 'USD 18 million' is in dollars."""
    doc = extract("Kenya received KES 2.5 billion (USD 18 million) in budget support.")
    assert [("KES", "2500000000"), ("USD", "18000000")] == [
        (c.unit, fraction_text(c.value)) for c in doc
    ]


def test_scales_in_capitals_as_dashboards_write_them() -> None:
    """'21.6M people', 'US$4.3B': millions and billions; '5G', '3D', '4K video' stay names."""
    doc = extract("21.6M people in need\n17.3M people targeted\nUS$4.3B requirements\n"
                  "12.5K jobs; USD 1.2BN")
    assert [("21600000", "count", "people"), ("17300000", "count", "people"),
            ("4300000000", "USD", "requirements"), ("12500", "count", "jobs"),
            ("1200000000", "USD", "funding")] == [
        (fraction_text(c.value), c.unit, c.counted) for c in doc
    ]
    assert [] == list(extract("a 5G network, 3D printing, a 5K run and 4K video"))


def test_special_drawing_rights_and_periods_after_in() -> None:
    """'SDR 11.6 billion' is money in XDR; 'in H1 2023' is a period, not a place."""
    (claim,) = extract("an amount of SDR 11.6 billion")
    assert ("XDR", "11600000000") == (claim.unit, fraction_text(claim.value))
    (claim,) = extract("The rial lost 25 percent of its value in H1 2023.")
    assert claim.scope is None


TABLE = """# Damage

| Sector | Damage (US$ billion) | Share (%) | Area, km² | People |
|---|---:|:--:|---|---|
| Housing | 55.9 | 37 | 1,200 | 2.5 million |
| **Transport** | 34.4 | 23 | 950 | 12 countries |
| Total | $90.3 | 60 | 2,150 | |

| Year | Budget ($m) | Cases ('000) | Population (2023) |
|------|------|------|------|
| 2022 | 350 | 12 | 81 |
"""


@pytest.mark.parametrize("reader", [None, read_markdown])
def test_a_pipe_table_cell_takes_unit_and_noun_from_its_row_and_column(reader: object) -> None:
    """'| Housing | 55.9 |' under 'Damage (US$ billion)' is $55.9 billion of housing damage."""
    doc = extract(TABLE, reader=reader)  # type: ignore[arg-type]
    got = [(c.id, fraction_text(c.value), c.unit, c.counted, c.quote) for c in doc]
    assert got == [
        ("housing-damage", "55900000000", "USD", "Housing Damage", "55.9"),
        ("housing-share", "37", "percent", "Housing Share", "37"),
        ("housing-area", "1200", "km**2", "Housing Area", "1,200"),
        ("housing-people", "2500000", "count", "Housing People", "2.5 million"),
        ("transport-damage", "34400000000", "USD", "Transport Damage", "34.4"),
        ("transport-share", "23", "percent", "Transport Share", "23"),
        ("transport-area", "950", "km**2", "Transport Area", "950"),
        ("countries", "12", "count", "countries", "12 countries"),
        ("total-damage", "90300000000", "USD", "Total Damage", "$90.3"),
        ("total-share", "60", "percent", "Total Share", "60"),
        ("total-area", "2150", "km**2", "Total Area", "2,150"),
        ("budget", "350000000", "USD", "Budget", "350"),
        ("cases", "12000", "count", "Cases", "12"),
        # "(2023)" is no unit: the heading is kept whole, the figure is as written.
        ("population-2023", "81", "count", "Population (2023)", "81"),
    ]
    # The step follows the heading's scale: 55.9 billion is read to the hundred million.
    assert doc[0].step == F(10**8)
    # A table without its rule line is no table: its figures are read as in prose.
    plain = extract("| Sector | Damage (US$ billion) |\n| Housing | 55.9 |\n")
    assert ("55.9", "count") == (fraction_text(plain[0].value), plain[0].unit)


def test_a_change_from_or_by_is_two_figures_not_a_range() -> None:
    """'rose by 23,000 to 344,000' and 'from 1,200 to 1,450' state two figures; '30-34' one."""
    assert ["23000", "344000"] == [
        fraction_text(c.value) for c in extract("Unemployment rose by 23,000 to 344,000.")
    ]
    assert ["exact", "exact"] == [
        c.qualifier.value for c in extract("Deaths increased from 1,200 to 1,450.")
    ]
    assert ["range", "range"] == [
        c.qualifier.value for c in extract("30 to 34 million people; between 5 and 19 years")
    ]


def test_a_minus_sign_makes_a_negative_figure() -> None:
    """'-0.4%' and '−3.2%' (U+2212) are below zero; a range's or a word's hyphen is no sign."""
    doc = extract("Inflation was -0.4% in May. Exports: −3.2%. Ages 5-19; COVID-19.")
    assert [("-0.4", "-0.4%"), ("-3.2", "−3.2%"), ("5", "5-19")] == [
        (fraction_text(c.value), c.stated) for c in doc
    ]
    assert doc[0].interval.low is not None and doc[0].interval.low < 0


def test_or_more_and_and_over_bound_the_figure() -> None:
    """'5,000 or more people' is at least 5,000 people; '25 or fewer deaths' at most 25."""
    doc = extract("5,000 or more people; aged 65 and over; 2% or higher; 25 or fewer deaths.")
    assert [("at_least", "people"), ("at_least", "age"), ("at_least", "share"),
            ("at_most", "deaths")] == [(c.qualifier.value, c.counted) for c in doc]
    assert doc[0].quote == "5,000 or more people"


def test_numbered_categories_phones_and_date_spans_are_no_figures() -> None:
    """'type 2 diabetes', '1-800-232-4636', '13–15 March 2024', 'a third consecutive year'."""
    for text in ["type 2 diabetes and stage 3 cancer", "a category 5 hurricane",
                 "Call (202) 473-7840, or 1-800-232-4636.", "Brussels +32 2 707 1010",
                 "13–15 March 2024", "23 JUL 2024", "for a third consecutive year",
                 "the Half-Decade Review"]:
        assert [] == [c.quote for c in extract(text)], text


def test_percentage_points_lakh_crore_and_curly_possessives() -> None:
    """'0.9 pp' is percentage points; '₹48.21 lakh crore' is 48.21 x 10^12 rupees."""
    assert ("percent", "percentage points") == (
        one("up 0.9 pp on the quarter").unit, one("up 0.9 pp on the quarter").counted)
    assert F(4821 * 10**10) == one("₹48.21 lakh crore").value
    assert "world’s refugees" == one("76 per cent of the world’s refugees").counted
    assert "share" == extract("7.8% and annual growth of 2%")[0].counted


def test_more_currencies_and_units_publishers_use() -> None:
    """Kenyan, Nigerian and Indonesian signs; megatonnes, gigatonnes, GWh."""
    doc = extract("KSh 3.99 trillion; Ksh 1.2 billion; ₦2.5 trillion; Rp 3,000 trillion; "
                  "UGX 5 billion. 1.3 Mt of wheat; 36.8 Gt CO2; 74 GWh; 5 mt of rice.")
    assert [c.unit for c in doc] == ["KES", "KES", "NGN", "IDR", "UGX", "Mt", "Gt", "GWh",
                                     "tonne"]


def test_footnote_marks_against_words_and_figures() -> None:
    """'4.4 million4 people', 'refugees2', '87%3', Markdown '[^1]': marks, not figures."""
    doc = extract("4.4 million4 people; 35.3 million refugees2; 87%3 of them")
    assert [("4400000", "people"), ("35300000", "refugees"), ("87", "share")] == [
        (fraction_text(c.value), c.counted) for c in doc
    ]
    md = extract("83 members[^1] joined.\n\n[^1]: As of 2021.", reader=read_markdown)
    assert ["83"] == [fraction_text(c.value) for c in md]


def test_levels_ages_fractions_and_dates_of_each_figure() -> None:
    """'ticked up to 6.8%' is a level; '18 years or older' an age; '5½' 5.5; own dates."""
    doc = extract("Inflation ticked up to 6.8% and could reach up to 9%.")
    assert ["exact", "at_most"] == [c.qualifier.value for c in doc]
    doc = extract("adults aged 18 years or older; 25-34 year-olds")
    assert [("age", "at_least"), ("age", "range")] == [
        (c.counted, c.qualifier.value) for c in doc
    ]
    assert F(11, 2) == one("growth is projected at 5½ percent").value
    doc = extract("Funding fell from US$ 6.0 billion in 2019 to US$ 5.8 billion in 2022.")
    assert ["2019", "2022"] == [c.time.as_of for c in doc]
    assert "funding" == one("$16.5 million in January").counted


def test_version_names_are_no_figures_and_seconds_are_a_duration() -> None:
    """'Gavi 5.0' names a strategy; '2.0 percent' and 'GDP 2.0%' are figures."""
    assert [] == list(extract("Gavi 5.0 raised funds for Urban 2.0."))
    assert ["percent", "percent", "second"] == [
        c.unit for c in extract("Growth was 2.0 percent; GDP 2.0%; a 6.4 seconds delay")
    ]


def test_table_labels_drop_their_dates_and_notes_and_persons_under_5_years_is_an_age() -> None:
    """'Population estimates, July 1, 2023, (V2023)' counts 'Population estimates'."""
    doc = extract("| Fact | Texas |\n|---|---|\n| Population estimates, July 1, 2023, (V2023) | "
                  "30,503,301 |\n| Median household income (in 2022 dollars), 2018-2022 | "
                  "$73,035 |\n")
    assert ["Population estimates Texas", "Median household income Texas"] == [
        c.counted for c in doc
    ]
    assert ("age", "under") == (
        one("Persons under 5 years, percent").counted, one("Persons under 5 years").qualifier.value
    )
    assert ["funding", "funding"] == [
        c.counted for c in extract("₹32.07 lakh crore and ₹48.21 lakh crore respectively")
    ]


def test_superscript_marks_and_footnote_lines() -> None:
    """'refugees¹' counts refugees; '1 Includes ...' at a line's start is a footnote's mark."""
    doc = extract("• 35.3 million refugees¹\n\n1 Includes 29.4 million refugees.\n2 Data as of 2023.")
    assert [("35300000", "refugees"), ("29400000", "refugees")] == [
        (fraction_text(c.value), c.counted) for c in doc
    ]


def test_label_value_lines_count_their_label() -> None:
    """'Civilians killed: 412' counts civilians killed, not the next line's words."""
    doc = extract("Civilians killed: 412\nChildren killed: 97\nBank Rate      5.25%\n"
                  "Education .......... $1,200 million\n• People in need: 4.3 million\n")
    assert ["Civilians killed", "Children killed", "Bank Rate", "Education",
            "People in need"] == [c.counted for c in doc]
    # A figure that ends a line of prose still takes its noun from the next line.
    assert "people" == one("The programme reached 4.3 million\npeople in 2022.").counted


def test_the_first_figure_of_from_to_takes_the_seconds_unit() -> None:
    """'rose from 40 to 55 million people': 40 million people; '5.4 to 6.1 per cent': 5.4%."""
    doc = extract("Deaths rose from 40 to 55 million people. Unemployment increased from 5.4 "
                  "to 6.1 per cent. From 400,000 to 1.2 million people.")
    assert [("40000000", "count", "people"), ("55000000", "count", "people"),
            ("5.4", "percent", "share"), ("6.1", "percent", "share"),
            ("400000", "count", "people"), ("1200000", "count", "people")] == [
        (fraction_text(c.value), c.unit, c.counted) for c in doc
    ]
    assert doc[0].step == F(10**6) and doc[0].stated == "40"
    assert len({c.id for c in doc}) == len(doc)
    # A verb and a far larger second figure, or a sign, make a change; otherwise a range.
    assert ["exact", "exact", "range"] == [c.qualifier.value for c in extract(
        "Employment rose 23,000 to 344,000. Prices rose 5 to 10 percent.")]
    assert ["exact", "exact"] == [c.qualifier.value for c in extract("(+$1.67 to $34.81)")]


def test_en_dash_minus_line_broken_lakh_crore_and_a_year_earlier() -> None:
    """'fell –2.4%' is negative; '₹1.4 lakh\\ncrore' is 1.4 x 10^12; 'a year earlier' no rate."""
    assert F(-24, 10) == one("Output fell –2.4% in May").value
    assert [] == [c.value for c in extract("2010–2020") if c.value < 0]
    assert F(14 * 10**11) == one("₹1.4 lakh\ncrore").value
    claim = one("81.6% a year earlier")
    assert ("percent", "share") == (claim.unit, claim.counted)


def test_a_label_is_no_sentence_before_it() -> None:
    doc = extract("Deaths rose to 55 million. Civilians killed: 412\nU.S. exports: $5 billion")
    assert ["figure", "Civilians killed", "U.S. exports"] == [c.counted for c in doc]


def test_units_of_central_banks_climate_and_engineering() -> None:
    """Basis points, °C and °F (never converted), m³, feet, mph, km/h, min and sec."""
    doc = extract("cut by 25 basis points; 450 bps; warming of 1.1°C (2°F); 2 degrees Celsius; "
                  "5.3 million m³; 12 feet; 40 mph; 120 km/h; 7 min; 45 sec")
    assert ["bp", "bp", "degC", "degF", "degC", "m**3", "ft", "mi/hour", "km/hour", "minute",
            "second"] == [c.unit for c in doc]
    from factcheck.units import same_dimension

    assert not same_dimension("degC", "degF")


def test_fiscal_years_periods_and_names_that_are_no_figures() -> None:
    """'in FY 2023' is a time, not a scope or noun; 'Scope 1 and 2', 'Priority 1' are names."""
    doc = extract("$113.0 billion in FY 2023 and $5 billion in fiscal year 2024; "
                  "7.0 per cent growth in 2022-23.")
    assert [("funding", "FY 2023"), ("funding", "2024"), ("growth", "2022-23")] == [
        (c.counted, c.time.as_of) for c in doc
    ]
    assert one("growth was 3% in FY2024").scope is None
    for text in ["Scope 1 and 2 emissions", "Scope 3 emissions", "Priority 1 calls",
                 "(see note 4)", "March 10 to 16, 2024", "at 12 noon", "two-way trade",
                 "a two-pronged approach", "a bare four-digit number"]:
        assert [] == [c.quote for c in extract(text)], text
    claim = one("a 10-fold rise")
    assert ("multiple", F(10)) == (claim.kind, claim.value)


def test_metric_rows_and_year_columns() -> None:
    """'| Renewable electricity (%) | 39 | 45 |' under '| Metric | 2022 | 2023 |'."""
    doc = extract("| Metric | 2022 | 2023 |\n|---|---|---|\n| Renewable electricity (%) | 39 | 45 |\n"
                  "| Water withdrawn (million m³) | 12.5 | 11.9 |\n\n| Region | Change (millions) |\n"
                  "|---|---|\n| Africa | +4.2 |\n")
    assert [("percent", "Renewable electricity", "2022"), ("percent", "Renewable electricity", "2023"),
            ("m**3", "Water withdrawn", "2022"), ("m**3", "Water withdrawn", "2023"),
            ("count", "Africa Change", None)] == [(c.unit, c.counted, c.time.as_of) for c in doc]
    assert F(42 * 10**5) == doc[-1].value
    assert "U.S. companies" == one("Over 100 U.S. companies").counted


def test_a_date_of_the_figure_compared_with_is_not_this_ones() -> None:
    """'6.4%, down from 6.6% in January 2023': only 6.6% is of January 2023."""
    doc = extract("Inflation was 6.4%, down from 6.6% in January 2023.")
    assert [None, "January 2023"] == [c.time.as_of for c in doc]
    doc = extract("The coalition had 83 members in 2021 and 5 partners.")
    assert ["2021", "2021"] == [c.time.as_of for c in doc]


def test_rows_of_a_key_figures_box_and_of_a_dotted_budget() -> None:
    """Each figure of a labelled row counts its row's label, whatever follows it."""
    doc = extract("Villages attacked: 19 (plus 3 towns)\nAttacked: 7, of which 4 were destroyed\n"
                  "  Property tax ........ $298.1M   40.1%\n  Sales tax ........... $176.4M   23.8%\n")
    assert ["Villages attacked", "towns", "Attacked", "Attacked", "Property tax", "Property tax",
            "Sales tax", "Sales tax"] == [c.counted for c in doc]


def test_abbreviated_months_with_a_dot_are_dates() -> None:
    doc = extract("As of Jan. 2024, 5,000 people were reached; 300 schools by Sept. 2023.")
    assert ["Jan. 2024", "Sept. 2023"] == [c.time.as_of for c in doc]


def test_label_lines_are_paragraphs_and_headings_date_their_figures() -> None:
    """No sentence runs from a 'Label: value' line into the next; a heading's date is a time."""
    doc = extract("Volunteers: 4,200\nThe team comprises 16 doctors and 53 nurses.")
    assert doc[0].provenance.sentence == "Volunteers: 4,200"
    doc = extract("A&E PERFORMANCE – MARCH 2024\n\n• 74.2% of patients were seen within 4 hours."
                  "\n\nA&E Performance – February 2024\n\n• 70.9% of patients were seen within "
                  "4 hours.")
    assert ["MARCH 2024", "February 2024"] == [c.time.as_of for c in doc if c.unit == "percent"]
    assert ["Rwanda", "Bangladesh"] == [c.counted for c in extract(
        "1. Rwanda .............. 2,148\n2. Bangladesh .......... 1,451")]


def test_since_a_record_or_a_change_is_no_running_total() -> None:
    doc = extract("It was the highest number since 2011, at 5,000. Over 3 million people have "
                  "returned since 2017. Since 24 February 2022, 6,000 people fled.")
    assert [(False, "2011"), (True, "2017"), (True, "24 February 2022")] == [
        (c.time.cumulative, c.time.since) for c in doc
    ]


def test_more_signs_athletics_times_and_inclusive_bounds() -> None:
    assert ["PHP", "KRW", "UAH"] == [
        c.unit for c in extract("₱2.5 billion; ₩300 billion; ₴5 million")]
    assert ("m", "hurdles") == (one("the 400m hurdles").unit, one("the 400m hurdles").counted)
    assert "multiple" == one("prices rose 2.5 times.").kind
    assert "at_most" == one("income at or below 130% of the poverty line").qualifier.value


def test_page_furniture_section_numbers_and_document_numbers_are_no_figures() -> None:
    for text in ["Page 1 of 3", "1.1 Introduction\n", "SITREP NO. 12", "(Release ID: 2002567)",
                 "under (P.L. 118-42)", "call ext. 3621", "the SIXTY-FOURTH ORDINARY SESSION",
                 "the twenty-first century"]:
        assert [] == [c.quote for c in extract(text)], text
    assert ["1500000"] == [fraction_text(c.value) for c in extract(
        "1.5 million people were displaced\n2.1 Million Reached\n")][:1]


def test_dated_lines_above_a_list_and_negative_table_cells() -> None:
    """'In March 2024:' over bullets dates them; '| -40.0 | -39.8 |' is two negative cells."""
    for text in ["A&E Performance – March 2024\n• 74.2% of patients were seen.\n"
                 "A&E Performance – February 2024\n• 70.9% of patients were seen.\n",
                 "In March 2024:\n• 74.2% of patients were seen.\nIn February 2024:\n"
                 "• 70.9% of patients were seen.\n"]:
        assert ["March 2024", "February 2024"] == [c.time.as_of for c in extract(text)]
    doc = extract("| | 2023-24 | 2024-25 |\n|---|---|---|\n| Budgetary balance ($ billions) | -40.0 "
                  "| -39.8 |\n| Federal debt (% of GDP) | 41.9 | 42.1 |\n", reader=read_markdown)
    assert [("-40000000000", "USD"), ("-39800000000", "USD"), ("41.9", "percent"),
            ("42.1", "percent")] == [(fraction_text(c.value), c.unit) for c in doc]


# --------------------------------------------------------------------------- issue 13: read
# through `factcheck extract --format json`, as a user sees the claims.


def _json_claims(tmp_path: Path, text: str) -> list[tuple[object, ...]]:
    """(stated, value, value_high, unit, qualifier) of each claim `extract -f json` prints."""
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    src = tmp_path / "sheet.txt"
    src.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(src)])
    assert result.exit_code == 0, result.output
    return [(c["stated"], c["value"], c["value_high"], c["unit"], c["qualifier"])
            for c in json.loads(result.stdout)["claims"]]


@pytest.mark.parametrize("text,expected", [
    ("Each tablet holds 250 mg of the drug.", ("250 mg", 250, None, "mg", "exact")),
    ("Give 15 ml of the syrup.", ("15 ml", 15, None, "mL", "exact")),
    ("The tank holds 20 L of water.", ("20 L", 20, None, "L", "exact")),
    ("A 60 cm wall was built.", ("60 cm", 60, None, "cm", "exact")),
    ("Each lamp uses 9 W of power.", ("9 W", 9, None, "watt", "exact")),
    ("The plant adds 40 kW of capacity.", ("40 kW", 40, None, "kW", "exact")),
    ("The radio works at 2.4 GHz indoors.", ("2.4 GHz", 2.4, None, "GHz", "exact")),
    ("Each file is under 25 MB in size.", ("25 MB", 25, None, "MB", "under")),
    ("The pipe holds 16 MPa of pressure.", ("16 MPa", 16, None, "MPa", "exact")),
    ("A 150 hp engine was fitted.", ("150 hp", 150, None, "horsepower", "exact")),
    ("The probe reached 512,000 mi from Earth.", ("512,000 mi", 512000, None, "mi", "exact")),
    ("Its surface is at 740 K at noon.", ("740 K", 740, None, "kelvin", "exact")),
    ("The lake holds 12 km³ of water.", ("12 km³", 12, None, "km**3", "exact")),
    ("Buses run at 30 km/hr in town.", ("30 km/hr", 30, None, "km/hour", "exact")),
    ("They bought a 30-acre plot.", ("30-acre", 30, None, "acre", "exact")),
    ("Bread costs 85 cents here.", ("85 cents", 0.85, None, "USD", "exact")),
    ("The bank earned 120 million pounds in profit.",
     ("120 million pounds", 120_000_000, None, "GBP", "exact")),
    ("The ship carried 3 million pounds of grain.",
     ("3 million pounds", 3_000_000, None, "lb", "exact")),
    ("The outage lasted 4 hrs in all.", ("4 hrs", 4, None, "hour", "exact")),
])
def test_units_as_people_write_them(tmp_path: Path, text: str, expected: tuple[object, ...]) -> None:
    """Unit symbols and names from the unit table are read, letter for letter where it matters."""
    assert _json_claims(tmp_path, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Between 8.1 million–9.7 million people need aid.",
     ("8.1 million–9.7 million", 8_100_000, 9_700_000, "count", "range")),
    ("The plan needs US$ 1.2 billion–1.9 billion in 2025.",
     ("US$ 1.2 billion–1.9 billion", 1_200_000_000, 1_900_000_000, "USD", "range")),
    ("About 4.1 million [3.2 million–5.0 million] adults are affected.",
     ("3.2 million–5.0 million", 3_200_000, 5_000_000, "count", "range")),
    ("Turnout was 55%-61% of voters.", ("55%-61%", 55, 61, "percent", "range")),
    ("Doses of between 20 mg and 40 mg were given.", ("20 mg and 40 mg", 20, 40, "mg", "range")),
])
def test_ranges_with_a_scale_or_unit_on_both_ends_are_one_claim(
    tmp_path: Path, text: str, expected: tuple[object, ...]
) -> None:
    """Both ends carry the scale or unit: one claim with value_high, qualifier range."""
    assert expected in _json_claims(tmp_path, text)
    assert len([c for c in _json_claims(tmp_path, text) if c[4] == "range"]) == 1


def test_a_change_from_one_figure_to_another_stays_two_figures(tmp_path: Path) -> None:
    """ "From 30 mg to 45 mg" is a change, not a range."""
    assert [c[:2] for c in _json_claims(tmp_path, "The dose went from 30 mg to 45 mg.")] == [
        ("30 mg", 30), ("45 mg", 45)]


@pytest.mark.parametrize("text,expected", [
    ("Exports reached 512 billion $ last year.", ("512 billion $", 512_000_000_000, None, "USD",
                                                  "exact")),
    ("The prize is 12 000 € this year.", ("12 000 €", 12000, None, "EUR", "exact")),
    ("A fund of 3 million € was set up.", ("3 million €", 3_000_000, None, "EUR", "exact")),
])
def test_a_currency_sign_after_the_amount_is_money(
    tmp_path: Path, text: str, expected: tuple[object, ...]
) -> None:
    """ "512 billion $", "12 000 €": the sign after the amount makes money."""
    assert _json_claims(tmp_path, text) == [expected]


@pytest.mark.parametrize("text,expected", [
    ("The clinic treated 1200 patients.", [("1200", 1200, None, "count", "exact")]),
    ("Firms created 215.000 jobs.", [("215.000", 215000, None, "count", "exact")]),
    ("About three and a half million people voted.",
     [("three and a half million", 3_500_000, None, "count", "about")]),
    ("The trail is 3 1/2 miles long.", [("3 1/2 miles", 3.5, None, "mi", "exact")]),
    ("Output changed by minus 1.5 percent.", [("minus 1.5 percent", -1.5, None, "percent",
                                               "exact")]),
    ("Spending exceeds $40 billion.", [("$40 billion", 40_000_000_000, None, "USD", "over")]),
    ("Inflation was lower than 3% in May.", [("3%", 3, None, "percent", "under")]),
    ("It rises more than 50 km (31 miles) inland.",
     [("50 km", 50, None, "km", "over"), ("31 miles", 31, None, "mi", "over")]),
    ("At least one vaccine dose was given.", [("one", 1, None, "count", "at_least")]),
])
def test_number_forms_and_qualifiers(
    tmp_path: Path, text: str, expected: list[tuple[object, ...]]
) -> None:
    """Counts of four digits, dots grouping thousands, halves and fractions, minus, qualifiers."""
    assert _json_claims(tmp_path, text) == expected


@pytest.mark.parametrize("text", [
    "The 2019–20 budget was approved.",
    "See Fact sheet N°204 for details.",
    "The council adopted Resolution 71/3 then.",
    "The count peaked in 201912 and fell.",
    "Open 24/7 all year.",
    "The 9/11 attacks changed policy.",
])
def test_years_names_and_footnote_marks_are_no_figures(tmp_path: Path, text: str) -> None:
    """Fiscal years, document numbers, years with a footnote's mark, 24/7 and 9/11."""
    assert _json_claims(tmp_path, text) == []


@pytest.mark.parametrize("text,expected", [
    ("Nearly 1/5 of adults smoke.", ("1/5", 0.2, None, "dimensionless", "nearly")),
    ("Every fifth child is stunted.", ("Every fifth", 0.2, None, "dimensionless", "exact")),
    ("One in twelve women is affected.", ("One in twelve", 1 / 12, None, "dimensionless",
                                         "exact")),
])
def test_fractions_in_digits_and_words(
    tmp_path: Path, text: str, expected: tuple[object, ...]
) -> None:
    """ "1/5 of", "every fifth", "one in twelve" are shares with their value."""
    [(stated, value, high, unit, qual)] = _json_claims(tmp_path, text)
    assert (stated, high, unit, qual) == (expected[0], *expected[2:])
    assert value == pytest.approx(expected[1])


def test_a_figure_glued_to_the_word_before_is_read(tmp_path: Path) -> None:
    """ "refugees1.8 million returnees": text run together from a page still gives its figure."""
    claims = _json_claims(
        tmp_path, "It counts 2 million refugees1.8 million returnees and 0.9 million others."
    )
    assert [c[:2] for c in claims] == [
        ("2 million", 2_000_000), ("1.8 million", 1_800_000), ("0.9 million", 900_000)]


def test_headline_figures_of_three_digits_are_no_list_marks(tmp_path: Path) -> None:
    """ "410. The number of ..." opens with a figure; "2. The ..." is a list's mark."""
    claims = _json_claims(tmp_path, "2. The parks\n\n410. The number of sites.\n")
    assert [c[:2] for c in claims] == [("410", 410)]


def test_a_currency_thousands_heading_scales_and_types_its_cells(tmp_path: Path) -> None:
    """ "| £000 |" makes "1,250" £1,250,000 (and is no figure); "(in €)" types its cells."""
    text = ("| Item | £000 |\n|---|---|\n| Staff | 1,250 |\n\n"
            "| Item | Cost (in €) |\n|---|---|\n| Rent | 900 |\n")
    src = tmp_path / "accounts.md"
    src.write_text(text, encoding="utf-8")
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    out = CliRunner().invoke(main, ["extract", "--format", "json", str(src)]).stdout
    assert [(c["value"], c["unit"], c["counted"]) for c in json.loads(out)["claims"]] == [
        (1_250_000, "GBP", "Staff"), (900, "EUR", "Rent Cost")]


def test_number_words_never_join_across_a_blank_line(tmp_path: Path) -> None:
    """ "thirty" / blank line / "two new members" is 30 and 2, not 32."""
    claims = _json_claims(tmp_path, "The club had thirty\n\ntwo new members joined.\n")
    assert [c[:2] for c in claims] == [("thirty", 30), ("two", 2)]


def test_who_uncertainty_ranges_take_the_scale_after_the_bracket(tmp_path: Path) -> None:
    """ "2.4 [2.1–2.9] million people": the figure and its range are both in millions."""
    claims = _json_claims(tmp_path, "In 2022, 2.4 [2.1–2.9] million people were infected.")
    assert [(c[1], c[2], c[4]) for c in claims] == [
        (2_400_000, None, "exact"), (2_100_000, 2_900_000, "range")]


def test_a_range_whose_scale_is_on_its_top_end_only(tmp_path: Path) -> None:
    """ "[820 000–1.2 million]" runs from 820,000 to 1.2 million."""
    claims = _json_claims(tmp_path, "Deaths: 1.0 million [820 000–1.2 million] in 2022.")
    assert (820_000, 1_200_000, "range") in [(c[1], c[2], c[4]) for c in claims]


def test_a_breakdown_in_brackets_keeps_its_own_qualifier(tmp_path: Path) -> None:
    """ "about $90 billion ($60 billion in ...)" is a part, not a restatement: exact."""
    claims = _json_claims(tmp_path, "Costs were about $90 billion ($60 billion in care).")
    assert [c[4] for c in claims] == ["about", "exact"]


def test_any_iso_4217_code_before_a_figure_is_money_but_acronyms_are_not(tmp_path: Path) -> None:
    """ "BWP 1.2 billion" is Botswana pula; "SDG 4" is a goal and "TOP 10" a ranking."""
    assert _json_claims(tmp_path, "The budget is BWP 1.2 billion.") == [
        ("BWP 1.2 billion", 1_200_000_000, None, "BWP", "exact")]
    assert _json_claims(tmp_path, "Progress on SDG 4 and the TOP 10 list.") == []


@pytest.mark.parametrize("text,expected", [
    ("Stir in ½ teaspoon of salt.", ("½ teaspoon", 0.5, None, "teaspoon", "exact")),
    ("Some ¾ of farms were flooded.", ("¾", 0.75, None, "dimensionless", "about")),
    ("A quarter million people fled.", ("A quarter million", 250_000, None, "count", "exact")),
    ("It reached 41 deg celsius.", ("41 deg celsius", 41, None, "degC", "exact")),
    ("It hit 104 degrees farenheit.", ("104 degrees farenheit", 104, None, "degF", "exact")),
    ("They filled a 55-gallon drum.", ("55-gallon", 55, None, "gal", "exact")),
    ("It pays 20 us dollar a day.", ("20 us dollar a day", 20, None, "USD/day", "exact")),
])
def test_fractions_alone_scales_of_fractions_and_spellings(
    tmp_path: Path, text: str, expected: tuple[object, ...]
) -> None:
    """Vulgar fractions on their own, "a quarter million", misspelt temperatures, "us dollar"."""
    [(stated, value, high, unit, qual)] = _json_claims(tmp_path, text)
    assert (stated, high, unit, qual) == (expected[0], *expected[2:])
    assert value == pytest.approx(expected[1])


def test_prices_per_unit_and_a_first_figure_in_the_seconds_unit(tmp_path: Path) -> None:
    """ "$80 per barrel" is USD/bbl; "30 and 40 mg": both in mg; "30 and 40 cases" stay counts."""
    claims = _json_claims(tmp_path, "Oil sold at $80 per barrel. Doses were 30 and 40 mg. "
                                    "We saw 30 and 40 cases.")
    assert [(c[1], c[3]) for c in claims] == [
        (80, "USD/bbl"), (30, "mg"), (40, "mg"), (30, "count"), (40, "count")]


def test_suspended_hyphen_ranges_and_a_minus_after_the_sign(tmp_path: Path) -> None:
    """ "a 2- to 3-hour drive" is one range in hours; "$-4.50" is minus US$4.50."""
    claims = _json_claims(tmp_path, "It is a 2- to 3-hour drive. The balance was $-4.50 today.")
    assert [(c[1], c[2], c[3], c[4]) for c in claims] == [
        (2, 3, "hour", "range"), (-4.5, None, "USD", "exact")]


def test_four_digit_label_values_are_counts_unless_the_label_names_a_date(tmp_path: Path) -> None:
    """ "EE: 1430" on its own line is 1,430; "Founded: 1949" is a year, and "Year" on the next
    line is no unit of it."""
    claims = _json_claims(tmp_path, "EE: 1430\nLV: 1887\nFounded: 1949\nYear: 2021\n")
    assert [(c[1], c[3]) for c in claims] == [(1430, "count"), (1887, "count")]


def test_or_restates_a_figure_and_lends_it_no_unit(tmp_path: Path) -> None:
    """ "4,210 or 6% more": the count stays a count."""
    claims = _json_claims(tmp_path, "Staff treated 4,210 or 6% more patients.")
    assert [(c[1], c[3]) for c in claims] == [(4210, "count"), (6, "percent")]


def test_inches_written_in_and_a_pound_of_something(tmp_path: Path) -> None:
    """ "3 in thick" is inches, "rose 3 in 2020" is not; "one pound of rice" is a mass."""
    claims = _json_claims(tmp_path, "The slab is 3 in thick. Sales rose 3 in 2020. "
                                    "Buy one pound of rice.")
    assert [(c[1], c[3]) for c in claims] == [(3, "inch"), (3, "count"), (1, "lb")]


def test_list_marks_step_numbers_and_footnote_marks_are_no_figures(tmp_path: Path) -> None:
    """ "1." and "(ii)" open items, "Step 3" names one, "No. 12" a document; "2.1 million3" is
    2.1 million with a footnote's mark."""
    text = ("1. Step 3 of the plan\n(ii) See No. 12\n2. Some 2.1 million3 people were helped.\n")
    assert [c[:2] for c in _json_claims(tmp_path, text)] == [("2.1 million", 2_100_000)]


def test_a_list_mark_alone_on_its_line_is_no_figure(tmp_path: Path) -> None:
    """ "12 things you may not know" pages put each item's number alone on a line above it;
    a headline figure alone on its line ("68.5") has no such stop."""
    text = ("1.\n\nWe work in over 120 countries.\n\n2)\n\nEach day we have 6,500 trucks.\n\n"
            "68.5\nMILLION displaced\n")
    assert [c[:2] for c in _json_claims(tmp_path, text)] == [
        ("120", 120), ("6,500", 6500), ("68.5 MILLION", 68_500_000)]


def test_verbs_of_multiplying_after_a_modal_are_multiples(tmp_path: Path) -> None:
    """ "will triple" is a multiple of 3; "a double burden" and "triple-A" are no figures."""
    claims = _json_claims(tmp_path, "Output will triple. A double burden. A triple-A bond.")
    assert [(c[0], c[1], c[3]) for c in claims] == [("triple", 3, "dimensionless")]


def test_counted_noun_after_a_bracketed_uncertainty_range(tmp_path: Path) -> None:
    """UNAIDS and WHO write "36.7 million [34.0 million–39.8 million] people": what is counted
    follows the bracketed range and belongs to the figure before it and to the range, which is
    one claim with both ends."""
    import json

    from click.testing import CliRunner

    from factcheck.cli import main

    src = tmp_path / "sheet.txt"
    src.write_text(
        "36.7 million [34.0 million–39.8 million] people globally were living with HIV in 2016.\n"
        "\n76% [65–89%] of adults were receiving treatment.\n"
        "\nSee the annex [12] for sources.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["extract", "--format", "json", str(src)])
    assert result.exit_code == 0, result.output
    got = [(c["stated"], c["value"], c["value_high"], c["qualifier"], c["counted"])
           for c in json.loads(result.stdout)["claims"]]
    assert got == [
        ("36.7 million", 36_700_000, None, "exact", "people"),
        ("34.0 million–39.8 million", 34_000_000, 39_800_000, "range", "people"),
        ("76%", 76, None, "exact", "adults"),
        ("65–89%", 65, 89, "range", "adults"),
    ]
