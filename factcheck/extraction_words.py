"""Words the extractor reads figures by, as data rows (each with the way publishers write it).

The extractor (:mod:`factcheck.extraction`) compiles its patterns from these tables once, at
import; a new reading rule of these kinds is a new row here, not a new branch there.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "MONTHS",
    "MODALS_BEFORE",
    "MULTIPLE_VERBS",
    "COMPOUND_UNITS",
    "INCH_WORDS_AFTER",
    "DATE_LABEL_WORDS",
    "CURRENCY_SIGNS_AFTER",
    "CURRENCY_SUBUNITS",
    "DATE_WORDS_BEFORE",
    "MONEY_WORDS",
    "ORDINAL_DENOMINATORS",
]

MONTHS: Final = (
    ("January", "Jan"), ("February", "Feb"), ("March", "Mar"), ("April", "Apr"), ("May", ""),
    ("June", "Jun"), ("July", "Jul"), ("August", "Aug"), ("September", "Sep", "Sept"),
    ("October", "Oct"), ("November", "Nov"), ("December", "Dec"),
)
"""The months, each with its abbreviations ("14 Sept 2021"): dates, time contexts, and words
that name no place or body ("As of December 2015" names nothing the figure is about)."""

# Units written as the second half of a compound adjective: "a 45-acre farm", "a 10-tonne
# truck", "a 20-pound bag", "a 300-megawatt plant" (singular, as English compounds are).
COMPOUND_UNITS: Final = (
    "acre", "hectare", "tonne", "ton", "metre", "meter", "foot", "inch", "pound", "gallon",
    "litre", "liter", "megawatt", "kilowatt", "gigawatt", "square-mile", "square-kilometre",
    "kilogram", "gram", "ounce", "barrel",
)

# "Pounds" after a figure are money, not mass, when the words around it are about money:
# "361 million pounds in profit", "spent 20 million pounds"; "2 million pounds of food aid" is
# mass. (Stems: "spen" holds "spent" and "spend", "invest" holds "investment".)
MONEY_WORDS: Final = (
    "profit", "revenue", "spen", "cost", "paid", "pay", "budget", "fund", "invest", "worth",
    "price", "sales", "income", "loss", "debt", "deficit", "tax", "salar", "wage", "earn",
    "donat", "grant", "loan", "fine", "contract", "deal", "bill", "fee", "sterling", "£",
    "turnover", "valued", "raise", "bonus",
)

# Currency signs written after the amount, as continental publishers and tables do:
# "773 billion $", "45 000 €", "5 million €", "-15€".
CURRENCY_SIGNS_AFTER: Final = {
    "US$": "USD", "$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN",
    "₱": "PHP", "₩": "KRW", "₴": "UAH", "₺": "TRY", "₫": "VND", "৳": "BDT",
}

# Hundredths of a currency written by name: "34 cents" is US$0.34, "50 pence" £0.50.
CURRENCY_SUBUNITS: Final = {
    "cents": ("USD", 100), "cent": ("USD", 100), "pence": ("GBP", 100),
    "pennies": ("GBP", 100), "penny": ("GBP", 100),
}

# Ordinals after "every": "every seventh person" is one in seven (a share of 1/7).
ORDINAL_DENOMINATORS: Final = {
    "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "fifteenth": 15, "twentieth": 20,
    "hundredth": 100, "thousandth": 1000,
}

# Words right before a year ("in 2018", "since 2019"): a year with a footnote's mark run into
# it ("in 201811", copied from a page with the superscript lost) is that year, not a figure.
DATE_WORDS_BEFORE: Final = (
    "in", "since", "by", "until", "till", "from", "during", "of", "to", "before", "after",
    "end", "early", "mid", "late", "year", "january", "february", "march", "april", "may",
    "june", "july", "august", "september", "october", "november", "december",
)

# Labels whose value is a year ("Founded: 1949", "Year: 2021"): any other "Label: 1430" line
# ending in four digits is a count, as a table or a list of figures writes it ("BG: 1430").
DATE_LABEL_WORDS: Final = (
    "year", "date", "founded", "established", "since", "from", "until", "adopted", "signed",
    "opened", "built", "born", "created", "launched", "introduced", "updated", "published",
    "released", "as of", "period", "fy", "season", "edition", "census", "survey", "data",
    "source", "joined", "entered", "accession", "started", "began", "ended", "closed",
    "deadline", "due", "target", "effective", "valid", "copyright", "©",
)

# "in" after a figure is inches only before a word of size or at a clause's end: "2 in thick",
# "a 12 in diameter pipe", "The pencil is 6 in." (never "rose 2 in 2020", "5 in 10 people").
INCH_WORDS_AFTER: Final = (
    "thick", "long", "wide", "high", "tall", "deep", "across", "diameter", "thickness", "width",
    "length", "height", "depth", "screen", "display", "pipe",
)

# Verbs of multiplying, read as multiples after a modal or "to": "will triple in size", "is
# expected to double by 2030" (not "a double burden", "triple-A").
MULTIPLE_VERBS: Final = {"double": 2, "triple": 3, "treble": 3, "quadruple": 4}
MODALS_BEFORE: Final = ("will", "would", "could", "may", "might", "to", "shall", "should", "can")
