"""Extraction: find every figure in a factsheet's text and read it into a :class:`Claim`.

The extractor is a single left-to-right scan. A digit-anchored (or number-word) pattern finds
each candidate figure; small anchored patterns then read, in bounded windows around it, the
qualifier before it, the scale word, currency and unit around it, and the counted noun phrase
after it. No pattern can backtrack over more than its window, so the cost of a text is in
proportion to its length whatever it holds.

How the rules follow how publishers write figures, and what is deliberately *not* a figure
(years, dates, identifiers such as "UNSCR 2254"), is documented with each rule below.
"""

from __future__ import annotations

import bisect
import functools
import gc
import re
import unicodedata
from collections.abc import Iterable, Iterator
from fractions import Fraction
from typing import Any, Final

import attrs

from factcheck import extraction_words as W
from factcheck import numbers as nums
from factcheck import units as U
from factcheck.claim import Claim, Document, Interval, Provenance, Qualifier, TimeContext
from factcheck.readers import Reader, read_plain

__all__: Final = ["ends_sentence", "extract", "sentence_bounds", "sentence_ends", "slugify"]

# --------------------------------------------------------------------------- vocabulary

_MONTHS: Final = "|".join(
    [m[0] for m in W.MONTHS] + [a for m in W.MONTHS for a in m[1:] if a]
)
_NUMBER_WORDS: Final = sorted(
    [*nums.ONES, *nums.TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"],
    key=len,
    reverse=True,
)
_FRACTION_WORDS: Final = sorted(nums.FRACTION_WORDS, key=len, reverse=True)
_MULTIPLE_WORDS: Final[dict[str, int | Fraction]] = {
    "doubled": 2, "tripled": 3, "trebled": 3, "quadrupled": 4, "halved": Fraction(1, 2),
    "twice": 2, "thrice": 3,
    # "a fivefold increase", "rose tenfold"
    "twofold": 2, "threefold": 3, "fourfold": 4, "fivefold": 5, "sixfold": 6, "sevenfold": 7,
    "eightfold": 8, "ninefold": 9, "tenfold": 10, "hundredfold": 100,
    **W.MULTIPLE_VERBS,  # after a modal only: "will triple in size"
}

# A candidate is digits, or a number word (optionally led by "a"/"half a"), or a share or
# multiple word. Digits may not follow a letter, digit, dot, comma or slash: "G20", "3.1.58"
# and "2019/20" are not figures.
def _word_start_alternation(
    words: Iterable[str], *, cased: bool = False, after: str = "[A-Za-z]"
) -> str:
    # The same words (either case of the first letter unless *cased*), not after a character
    # of class *after*; but the pattern opens with a class of the words' first letters and
    # checks only then what comes before: the regex engine skips in C to the next such letter,
    # where a pattern opening with a lookbehind or "\b" is tried at every position.
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    cases = {k: k if cased else k.upper() + k for k in groups}
    firsts = "".join(cases[k] for k in sorted(groups))
    rests = "|".join(f"(?<=[{cases[k]}])(?:{'|'.join(v)})" for k, v in sorted(groups.items()))
    return f"[{firsts}](?<!{after}.)(?:{rests})"


# A candidate is digits, or a number, fraction or multiple word. Digits may not follow a
# letter, digit, dot, comma or slash: "G20", "3.1.58" and "2019/20" are not figures. The two
# are looked for apart, each pattern opening with the characters it can start with (one
# alternation of both scans at 12 MB/s, digits alone at 90 MB/s, words alone at 27 MB/s).
# "608 000" (thousands grouped by spaces, SI/WHO style) is one figure: a group of exactly
# three digits, after one to three, not followed by more digits ("32 700, or 15 per cent"
# is one figure; "2 305,000" is not).
_DIGITS_CANDIDATE: Final = re.compile(
    r"\d(?<![\w.,/]\d)(?<!\d:\d)"
    r"(?:\d{0,2}(?:[ \u00a0\u202f\u2009]\d{3}(?!\d|,\d))+|\d*(?:,\d{3})*)(?:\.\d+)?"
)
_WORD_CANDIDATE: Final = re.compile(
    _word_start_alternation([*_NUMBER_WORDS, *_FRACTION_WORDS, *_MULTIPLE_WORDS, "every"])
    + r"\b"
)
# Number words are found in two steps. A byte mask of the scan text keeps its ASCII letters
# (in lower case) and turns every other character into a space; a pattern that opens with a
# space (which the regex engine scans for in C, where a class of first letters is tested at
# every letter) finds each place a number word could start, and _WORD_CANDIDATE matched
# there decides. Every place _WORD_CANDIDATE matches is such a place; three times faster.
_MASK_TABLE: Final = bytes(c + 32 if 65 <= c <= 90 else c if 97 <= c <= 122 else 32 for c in range(256))
# (and "¼", "½", "¾", which may stand alone: "½ teaspoon")
_DIGIT_MASK_TABLE: Final = bytes(
    48 if 48 <= c <= 57 or c == 63 or 0xBC <= c <= 0xBE else 32 for c in range(256)
)


def _lower_alternation(words: Iterable[str]) -> str:
    groups: dict[str, list[str]] = {}
    for w in sorted(set(words), key=len, reverse=True):
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{k}(?:{'|'.join(v)})" for k, v in sorted(groups.items()))


_WORD_IN_MASK: Final = re.compile(
    (" (?:" + _lower_alternation([*_NUMBER_WORDS, *_FRACTION_WORDS, *_MULTIPLE_WORDS, "every"])
     + ")(?![a-z])").encode()
)
_A_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?:(?P<half>half)\s+)?an?\s+$", re.IGNORECASE)

_Q: Final = Qualifier
# The qualifiers and units the extractor tests and sets, bound once (an enum member looked up
# on its class costs a lookup through the enum machinery at every use).
_EXACT: Final = Qualifier.EXACT
_OVER: Final = Qualifier.OVER
_UNDER: Final = Qualifier.UNDER
_AT_LEAST: Final = Qualifier.AT_LEAST
_AT_MOST: Final = Qualifier.AT_MOST
_RANGE: Final = Qualifier.RANGE
_COUNT: Final = U.COUNT
_UNKNOWN: Final = U.UNKNOWN
_QUALIFIER_PHRASES: Final[list[tuple[str, Qualifier]]] = [
    ("more than", _Q.OVER), ("over", _Q.OVER), ("above", _Q.OVER), ("in excess of", _Q.OVER),
    ("upwards of", _Q.OVER), ("just over", _Q.OVER), ("well over", _Q.OVER),
    ("greater than", _Q.OVER), ("exceeding", _Q.OVER), ("beyond", _Q.OVER), (">", _Q.OVER),
    ("less than", _Q.UNDER), ("fewer than", _Q.UNDER), ("under", _Q.UNDER),
    ("below", _Q.UNDER), ("<", _Q.UNDER), ("well under", _Q.UNDER), ("well below", _Q.UNDER),
    ("about", _Q.ABOUT), ("around", _Q.ABOUT), ("some", _Q.ABOUT), ("an estimated", _Q.ABOUT),
    ("estimated", _Q.ABOUT), ("approximately", _Q.ABOUT), ("approx.", _Q.ABOUT),
    ("roughly", _Q.ABOUT), ("in the region of", _Q.ABOUT), ("circa", _Q.ABOUT),
    ("c.", _Q.ABOUT), ("~", _Q.ABOUT), ("≈", _Q.ABOUT), ("on the order of", _Q.ABOUT),
    ("of the order of", _Q.ABOUT), ("an approximate", _Q.ABOUT), ("some estimated", _Q.ABOUT),
    ("nearly", _Q.NEARLY), ("almost", _Q.NEARLY), ("close to", _Q.NEARLY),
    ("just under", _Q.NEARLY), ("just below", _Q.NEARLY), ("just shy of", _Q.NEARLY),
    ("approaching", _Q.NEARLY), ("not quite", _Q.NEARLY), ("nearly all of", _Q.NEARLY),
    ("at least", _Q.AT_LEAST), ("no fewer than", _Q.AT_LEAST), ("no less than", _Q.AT_LEAST),
    ("not less than", _Q.AT_LEAST), ("a minimum of", _Q.AT_LEAST), ("≥", _Q.AT_LEAST),
    (">=", _Q.AT_LEAST),
    ("up to", _Q.AT_MOST), ("at most", _Q.AT_MOST), ("as many as", _Q.AT_MOST),
    ("a maximum of", _Q.AT_MOST), ("no more than", _Q.AT_MOST), ("not more than", _Q.AT_MOST),
    ("≤", _Q.AT_MOST), ("<=", _Q.AT_MOST), ("as much as", _Q.AT_MOST),
    ("at or below", _Q.AT_MOST), ("at or under", _Q.AT_MOST), ("less than or equal to", _Q.AT_MOST),
    ("at or above", _Q.AT_LEAST), ("at or over", _Q.AT_LEAST),
    ("greater than or equal to", _Q.AT_LEAST),
    # "spending exceeds $300 billion", "rates lower than 5%", "higher than 40 °C"
    ("exceeds", _Q.OVER), ("exceeded", _Q.OVER), ("exceed", _Q.OVER), ("higher than", _Q.OVER),
    ("larger than", _Q.OVER), ("lower than", _Q.UNDER), ("smaller than", _Q.UNDER),
]
_QUALIFIERS: Final = {p: q for p, q in _QUALIFIER_PHRASES}


def _by_first_character(alternatives: Iterable[tuple[str, str, str]]) -> str:
    # For case-blind (IGNORECASE) patterns: (first character, the rest as a pattern, what goes
    # before the character) in order of preference, grouped under their first character in
    # either case, each group in that order. The regex engine tries every alternative of a
    # case-blind alternation in turn; here it tries one group (only phrases that start with the
    # same letter can match at a place, so the first that matches is the same).
    groups: dict[tuple[str, str], list[str]] = {}
    for first, rest, before in alternatives:
        groups.setdefault((first.lower(), before), []).append(rest)
    return "|".join(
        f"{before}{re.escape(lead)}(?:{'|'.join(rests)})"
        for (lead, before), rests in groups.items()
    )


def _phrase_pattern(phrases: Iterable[str], bounded: bool = True) -> str:
    # bounded=False lets a phrase start right after a digit: a unit attached to its figure.
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = p.split()
        rest = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        parts.append((words[0][0], rest, r"\b" if bounded and p[0].isalpha() else ""))
    return _by_first_character(parts)


def _trie_pattern(phrases: Iterable[str], *, fold: bool = True) -> str:
    # The phrases as a regex trie (for case-blind patterns; a blank between words matches any
    # run of blanks): the engine tests one character per step instead of trying each phrase
    # in turn. At each step the longer phrases are tried first, as an alternation of the
    # phrases longest first would.
    trie: dict[str, Any] = {}
    for p in phrases:
        node: dict[str, Any] = trie
        text = " ".join((p.lower() if fold else p).split())
        for tok in [r"\s+" if c == " " else re.escape(c) for c in text]:
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts: list[str] = [tok + emit(node[tok]) for tok in sorted(node) if tok]
        if "" in node:
            alts.append("")
        if len(alts) == 1:
            return alts[0]
        return "(?:" + "|".join(alts) + ")"

    return emit(trie)


# "and" is tried first: "two hundred and five" (British) goes on after a scale word only.
# A date that ends with its year: "2021", "March 2021", "mid-2023", "24 Feb. 2022", "May 5, 2020".
_YEAR_DATE: Final = (
    rf"(?:(?:early|mid|late)[\s-]+)?(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?)?"
    r"(?:19|20)\d\d"
)
# Fiscal and school years: "FY2024", "FY 2024/25", "FY24", "2023-24", "2023/24".
_FISCAL: Final = r"FY\s?(?:19|20)?\d\d(?:[/–-](?:19|20)?\d\d)?|(?:19|20)\d\d[/–-](?:(?:19|20)\d\d|\d\d)(?!\d)"
_NUMBER_WORD_NEXT: Final = re.compile(r"(?:(?P<and>\s+and\s+)|[\s-]+)(?P<w>[A-Za-z]+)\b")
_WORD_SCALES: Final = ("hundred", "thousand", "million", "billion", "trillion")
_WORD_SCALES_AND_DOZEN: Final = (*_WORD_SCALES, "dozen")
_FRACTION_NEXT: Final = re.compile(
    r"[\s-]+(?P<f>" + "|".join(_FRACTION_WORDS) + r")\b", re.IGNORECASE
)
_ORDINAL_NEXT: Final = re.compile(
    r"[-‐‑][A-Za-z]|\s+(?:consecutive|straight|successive|time|times|round|wave|dose|term"
    r"|edition|largest|biggest|highest|lowest|most|place|party|phase|stage|generation)\b",
    re.IGNORECASE,
)
_AND_A_HALF: Final = re.compile(
    r"\s+and\s+a\s+half(?:\s+(?P<s>thousand|million|billion|trillion))?\b", re.IGNORECASE
)
_HALF_A_SCALE: Final = re.compile(r"\s+an?\s+(?:million|billion|thousand|dozen)\b", re.IGNORECASE)


def _reversed_phrase_pattern(phrases: Iterable[str]) -> str:
    parts = []
    for p in sorted(phrases, key=len, reverse=True):
        words = [w[::-1] for w in reversed(p.split())]
        rest = r"\s+".join([re.escape(words[0][1:]), *map(re.escape, words[1:])])
        parts.append((words[0][0], rest + (r"(?![A-Za-z])" if p[0].isalpha() else ""), ""))
    return _by_first_character(parts)


# Qualifiers are matched backwards: the window before a figure is reversed and one anchored
# match tells which phrase ends right before it (a "$"-anchored search would try every start).
_QUALIFIER_BEFORE_REVERSED: Final = re.compile(
    r"\s*(?P<q>" + _reversed_phrase_pattern(_QUALIFIERS) + r")", re.IGNORECASE
)
# ISO 4217 codes written before a figure ("KES 2.5 billion"); not those that are English words
# or acronyms in capitals ("TRY", "SDG 4": factcheck.units.CODES_NOT_BEFORE_FIGURES).
_CODES_BEFORE_FIGURES: Final = (U.CURRENCY_CODES - U.CODES_NOT_BEFORE_FIGURES) | {"SDR"}
_CURRENCY_BEFORE: Final = re.compile(
    r"(?P<c>US\$|U\.S\.\s?\$|AU\$|CA\$|NZ\$|HK\$|A\$|C\$|S\$|R\$|\$|€|£|¥|₹"
    r"|[₦₱₩₴₺₫৳]|\b(?:" + "|".join(sorted(_CODES_BEFORE_FIGURES)) + r"|Rs\.?|KShs?|Kshs?|Rp))\s?$"
)
# The last character a currency before a figure can end with ("$", "USD", "Rs."): any other
# character in the three before a figure spares the search.
_CURRENCY_LAST: Final = frozenset(
    "$€£¥₹₦₱₩₴₺₫৳shp." + "".join(c[-1] for c in _CODES_BEFORE_FIGURES)
)


def _currency_before(text: str, a: int, window: int = 6) -> re.Match[str] | None:
    """_CURRENCY_BEFORE searched in the *window* characters before *a* (and its ``\\s?$`` end)."""
    if a and (text[a - 1] in _CURRENCY_LAST or a > 1 and (
        text[a - 2] in _CURRENCY_LAST or a > 2 and text[a - 3] in _CURRENCY_LAST
    )):
        return _CURRENCY_BEFORE.search(text, max(0, a - window), a)
    return None


_SCALE_WORD_AFTER: Final = re.compile(
    r"\s*(?:-\s*)?(?P<s>thousand|million|billion|trillion|lakh\s+crore|lakh|crore)"
    r"(?:\b|(?=\d{1,2}\b))",  # "4.4 million4 people": a footnote's mark against the word
    re.IGNORECASE,
)
_SCALE_ABBR_ATTACHED: Final = re.compile(r"(?P<s>bn|mn|mln|tn|m|k|b)\b(?![\u00b2²])")
# Dashboards write scales as capitals against the figure: "21.6M people in need", "US$4.3B".
# One capital is also how names are written ("5G", "3D", "3M"): it is read as a scale only
# after a decimal or money, or (M, B: not "4K video") before a word in small letters.
# ("T" for trillion only after money: "$2.174T"; "500 T cells" are cells.)
_SCALE_ABBR_UPPER: Final = re.compile(r"(?P<s>BN|Bn|M|B|K|T)\b(?![\u00b2²])")
_SMALL_WORD_AFTER: Final = re.compile(r"[ \t]+[a-z]")
_SCALE_ABBR_SPACED: Final = re.compile(r"\s(?P<s>bn|mn|mln|tn|m|k)\b(?![\u00b2²])")
_METRES_HINT: Final = re.compile(
    r"[\s-]*(?:long|high|wide|deep|tall|above|below|sprint|run|hurdles|relay|freestyle|backstroke"
    r"|butterfly|breaststroke|medley|race|swim|dash|steeplechase|final)\b|[²2]"
)
# A percent sign or word right after the figure, on its line or the next one a wrapped line
# starts, never across a blank line: "72,202,773\n\n**percent of population:** 89.7%" is a
# count, then a new label.
_PERCENT_AFTER: Final = re.compile(
    r"[^\S\n]*(?:\n[^\S\n]*)?(?:%|per\s?cent\b|percent\b|pct\b|per-cent\b)", re.IGNORECASE)
_CURRENCY_WORD_AFTER: Final = re.compile(
    r"\s+(?P<w>" + _phrase_pattern(U.CURRENCY_WORDS) + r")\b", re.IGNORECASE
)
# A unit word on the next line is read only in small letters (a line broken inside a sentence:
# "110,000\nsquare kilometres"), never as a label line's first word ("1949\nYear: 2021").
_UNIT_AFTER: Final = re.compile(
    r"[ \t\u00a0]*(?:\r?\n[ \t]*(?-i:(?=[a-z])))?(?P<w>"
    + _trie_pattern(k for k in U.UNIT_WORDS if k != "%")
    + r")(?![\w])",
    re.IGNORECASE,
)
_HYPHENS: Final = frozenset("-‐‑")


def _symbols(attached_only: bool) -> str:
    # Unit symbols, letter for letter, as a trie (longer first: "mg/L" before "mg").
    return _trie_pattern(
        (k for k, v in U.UNIT_SYMBOLS.items() if v[2] or not attached_only), fold=False
    )


# A unit symbol after the figure ("500 mg", "2.8 GHz", "735 K"), or against it ("12W", "100MB"),
# matched case-sensitively: "MB" is megabytes, "mb" is not.
_SYMBOL_END: Final = r"(?![\w/²³°'’\-])"
_SYMBOL_AFTER: Final = re.compile(
    r"(?:[ \u00a0](?P<sym_sp>" + _symbols(False) + r")|(?P<sym_at>" + _symbols(True) + r"))"
    + _SYMBOL_END
)
_SYMBOL_ATTACHED: Final = re.compile(r"(?:" + _symbols(True) + r")" + _SYMBOL_END)
_SYMBOL_FIRST: Final = frozenset(k[0] for k in U.UNIT_SYMBOLS)
_BROKEN_HYPHEN: Final = re.compile(r"(?<=[A-Za-z])- (?!(?:to|and|or|&)\b)")
_COMPOUND_AFTER: Final = re.compile(
    r"[-‐‑](?P<w>member|strong|nation|country|state|year|month|week|day|hour|mile|kilometre"
    r"|kilometer|km|person|people|bed|seat|" + "|".join(W.COMPOUND_UNITS)
    + r")s?\b(?P<old>[-‐‑]old)?",
    re.IGNORECASE,
)
_RANGE_AFTER: Final = re.compile(
    r"\s*(?:-|–|—|(?P<to>to))\s*(?P<c>US\$|\$|€|£)?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)(?![\d,]*\d)"
)
# A verb before "up to" makes "up" its particle: "ticked up to 6.8%", "went up to 40".
_VERB_BEFORE_UP: Final = re.compile(
    r"(?<![A-Za-z])(?:(?:tick|pick|scale|ramp|step|move|jump|climb|edge|inch|revise|round)"
    r"(?:s|d|ed|ped)?|went|gone|came|shot|rose|risen|crept)\s+$",
    re.IGNORECASE,
)
_OLD_AFTER: Final = re.compile(r"[-‐‑]olds?\b|[ \t]+old\b")
_VULGAR: Final = {
    "½": Fraction(1, 2), "¼": Fraction(1, 4), "¾": Fraction(3, 4), "⅓": Fraction(1, 3),
    "⅔": Fraction(2, 3), "⅕": Fraction(1, 5), "⅛": Fraction(1, 8), "⅜": Fraction(3, 8),
    "⅝": Fraction(5, 8), "⅞": Fraction(7, 8),
}
_VERSION_NAME_BEFORE: Final = re.compile(r"(?<![\w.,;:])[A-Z][A-Za-z]+ $")
_FOOTNOTE_WORD_AFTER: Final = re.compile(
    r"[ \t]+(?:Includes?|Including|Excludes?|Excluding|Comprises|Data|Source|Sources|Note"
    r"|Notes|Figures?|Estimates?|Refers?|Based|See|Provisional|Preliminary)\b"
)
_PERIOD_NAME: Final = re.compile(r"(?:FY|CY|Q[1-4]|H[12])(?:\d|\b)")
_ID_LIST_BEFORE: Final = re.compile(
    r"\b(?:Scopes?|Phases?|Types?|Stages?|Levels?|Tiers?|Categories|Category|Grades?|Priority"
    r"|Priorities|scopes?|phases?|types?|stages?|levels?|tiers?|categories|grades?)\s+\d{1,2}"
    r"(?:\s*(?:,|and|&|or|to|-|–)\s*\d{1,2})*\s*(?:,|and|&|or|to|-|–)\s*$"
)
# The last character before a figure that continues a list of names ("and", ",", "&", "or",
# "to", "-", "–"): any other spares _ID_LIST_BEFORE.
_LIST_JOINT_LAST: Final = frozenset("d,&ro-–")
_PAGE_OF_BEFORE: Final = re.compile(r"\b[Pp](?:age|\.)\s*\d{1,4}\s*(?:of|/)\s*$")
_SECTION_TITLE_AFTER: Final = re.compile(r"[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Za-z][a-z]*){0,6}[ \t]*(?:\r?\n|\Z)")
_DAY_YEAR_AFTER: Final = re.compile(r",?\s+(?:19|20)\d\d\b")
_COMPOUND_NAME_AFTER: Final = re.compile(
    r"[-‐‑](?P<w>fold|way|pronged|sided|track|pillar|tier|speed|part|point|digit|legged|wheeler"
    r"|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.IGNORECASE,
)
# A date a heading gives: a month with its year or day, a quarter or a fiscal year (a bare
# year is too often a name: "Vision 2030", "the 2021 pledge drive").
_HEADING_DATE: Final = re.compile(
    rf"(?:\d{{1,2}}\s+)?(?:{_MONTHS}|{_MONTHS.upper()})\.?\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d"
    rf"|\d{{1,2}}\s+(?:{_MONTHS}|{_MONTHS.upper()})\b|(?:{_MONTHS}|{_MONTHS.upper()})\s+\d{{1,2}}\b"
    rf"|Q[1-4]\s+(?:19|20)\d\d|{_FISCAL}"
)
_YEAR_PAIR: Final = re.compile(r"((?:19|20)\d\d)[/–-]((?:19|20)?\d\d)")
_COMPARED_WITH: Final = re.compile(
    r"\b(?:from|compared|versus|vs\.?|against|previous|prior|earlier)\b", re.IGNORECASE
)
_OWN_DATE_FIRST: Final = frozenset(("in", "by", "as", "at", "du"))
_OWN_DATE_AFTER: Final = re.compile(
    rf"\s+(?:in|by|as\s+of|as\s+at|at\s+the\s+end\s+of|during)\s+"
    rf"(?:(?:fiscal|financial|calendar|school)\s+year\s+)?(?P<d>{_FISCAL}|{_YEAR_DATE})\b(?![/\-–]\d)"
)
# A line that labels the figure ending it: "• Civilians killed: 412", "Bank Rate      5.25%",
# "Education .......... 1,200" (a colon, three blanks or a dotted leader before the figure).
# Figures as a table's row writes them after its label ("$298.1M   40.1%", "412+").
_ROW_FIGURES: Final = (
    r"(?:[ \t]+(?:US\$|[$€£¥₹])?[+\-–−]?\d[\d.,]*(?:[A-Za-z]{1,3}\b)?%?\+?)"
)
_LABEL_STOP: Final = re.compile(r"(?<![.\d])[.;!?](?!\.)[ \t]+(?=[A-Z•●▪◦‣·∙*+-])")
# (At most six more figures: a row is short, and the work per figure stays bounded.)
_LINE_END_AFTER: Final = re.compile(_ROW_FIGURES + r"{0,6}[ \t*_|]{0,40}(?:\r?\n|\Z)")
_LINE_LABEL: Final = re.compile(
    r"[ \t]*(?:[•●▪◦‣·∙➔→►▶➢✓✔*+-][ \t]+|\(?\d{1,3}[.)][ \t]+)?(?P<label>[A-Za-z][^:\n]{0,80}?)"
    r"(?:(?P<colon>[ \t]*:)|[ \t]{3,}|[ \t]*\.{3,}|[ \t]*…+)" + _ROW_FIGURES
    + r"{0,6}[ \t]*(?:[(~≈]|about[ \t]+|over[ \t]+)?"
)
_A_YEAR_AGO: Final = re.compile(
    r"\s+(?:a|one|the)\s+(?:year|month|week|quarter|decade)\s+(?:earlier|ago|before|previously)\b",
    re.IGNORECASE,
)
_CHANGE_VERB_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?:rose|fell|increased|decreased|grew|declined|dropped|climbed|jumped"
    r"|slipped|gained|lost|added|shed)\s+(?:US\$|\$|€|£)?$",
    re.IGNORECASE,
)
_TO_GAP: Final = re.compile(r"\s+to\s+")
_FROM_BY_BEFORE: Final = re.compile(r"(?<![A-Za-z])(?:from|by)\s+(?:US\$|\$|€|£)?$", re.IGNORECASE)
_OR_MORE: Final = frozenset("more over above higher greater older".split())
_OR_MORE_AFTER: Final = re.compile(
    r"[ \t]+(?:or|and)[ \t]+(?P<w>more|over|above|higher|greater|older|less|fewer|under|below"
    r"|lower|younger)\b(?![ \t]+than\b)",
    re.IGNORECASE,
)
_RANGE_AND_AFTER: Final = re.compile(r"\s+and\s+(?P<c>US\$|\$|€|£)?(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)")
# The second end of a range that repeats the first's scale and unit ("12.4 million–15.1
# million", "US$ 2.1 billion–2.6 billion", "65%-70%", "between 44 mg and 50 mg").
_RANGE_TAIL: Final = re.compile(
    r"[ \t]*(?:[-–—]|(?P<to>to\b)|(?P<and>and\b))[ \t]*(?P<c>US\$|\$|€|£)?[ \t]?"
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,]*\d)"
)
_BETWEEN_BEFORE: Final = re.compile(r"\bbetween\s+(?:US\$|\$|€|£)?$", re.IGNORECASE)
_IN_N_AFTER: Final = re.compile(
    r"\s+(?:in|out\s+of|(?P<per>per))\s+(?:every\s+)?(?P<n>\d{1,3}(?:,\d{3})*|"
    + "|".join(sorted([*nums.ONES, *nums.TENS], key=len, reverse=True))
    + r"|a\s+hundred|a\s+thousand|hundred|thousand)\b(?![.,]\d)",
    re.IGNORECASE,
)
_RATE_AFTER: Final = re.compile(
    r"\s*(?:per|a|an|each|every|/)\s*(?P<t>day|week|month|year|hour|annum|minute|decade)\b"
    r"(?!\s+(?:earlier|ago|before|later|previously|prior)\b)",  # "81.6% a year earlier"
    re.IGNORECASE,
)
_RATE_FIRST: Final = frozenset("pPaAeE/")


def _rate_after(text: str, at: int) -> re.Match[str] | None:
    """_RATE_AFTER matched at *at*, tried only when a rate word or "/" can start there."""
    c = text[at:at + 1]
    if c.isspace():
        c = text[at + 1:at + 2]
    if c in _RATE_FIRST or c.isspace():  # after two blanks: let the pattern tell
        return _RATE_AFTER.match(text, at)
    return None


def _mentions(text: str, words: tuple[str, ...]) -> bool:
    """True when *text* holds one of the lower-case *words* in any case."""
    return any(map(text.lower().__contains__, words))


_TWICE_AFTER: Final = re.compile(r"\s+(?:as|the|that|what)\b")
_TIMES_AFTER: Final = re.compile(
    r"\s+times\b(?=\s+(?:as|more|higher|larger|greater|the|over|what|that|its|their)\b"
    r"|\s*(?:[.,;:)]|$))",
    re.IGNORECASE,
)
_ELLIPSIS_AFTER: Final = re.compile(
    r"\s*(?:[,;.()\]]|$|(?:in|across|for|at|by|from|within|inside|outside|among|per)\b)"
)
# A numbered list's mark: "1. The Coalition ...", "(2) ...", or "3." alone on its line above
# its item (a page's big numbers, "12 things you may not know").
_LIST_MARK_AFTER: Final = re.compile(r"[.)](?:[ \t]|[ \t]*(?:\r?\n|$))")
_ORDINAL_AFTER: Final = re.compile(r"(?:st|nd|rd|th)\b", re.IGNORECASE)
# The letters a time's mark starts with, right after the figure or after one blank.
_CLOCK_FIRST: Final = frozenset("aApPgGuUhHnN")
_CLOCK_AFTER: Final = re.compile(
    r":\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|UTC|hrs\b|h\d|noon\b)", re.IGNORECASE
)
_MONTH_BEFORE: Final = re.compile(rf"\b(?:{_MONTHS}|{_MONTHS.upper()})\.?\s+(?:the\s+)?$")
# A day, or the first day of a span of days: "5 March", "23 JUL 2024", "13–15 March 2024".
_MONTH_AFTER: Final = re.compile(
    rf"(?:st|nd|rd|th)?(?:\s*(?:[-–—]|to)\s*\d{{1,2}}(?:st|nd|rd|th)?)?(?:\s+of)?\s+"
    rf"(?:{_MONTHS}|{_MONTHS.upper()})\b"
)
_YEAR_RANGE_AFTER: Final = re.compile(r"[-–/](?:\d{4}|\d{2})(?!\d)")
_YEAR_HALF_BEFORE: Final = re.compile(r"(?<!\d)(?:19|20)\d\d[–/]$")
_DATE_WORD_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(W.DATE_WORDS_BEFORE) + r")[ \t]+$", re.IGNORECASE
)
# A figure run into the word before it when copied from a page ("3 million refugees2.4 million
# internally displaced people"): read when its decimals or groups and its scale word show it is
# a figure, not a footnote's mark ("refugees2").
_GLUED_FIGURE: Final = re.compile(
    r"\d{1,3}(?:(?:,\d{3})+(?:\.\d+)?|\.\d+)(?=[ \t]?(?:thousand|million|billion|trillion)\b)"
)
# A fraction in digits before "of", an ordinal's letters or a unit: "1/7 of", "1/3rd", "1/4 inch"
# (not a date, "24/7" or "9/11": the numerator is the smaller, and words must follow).
_DIGIT_FRACTION: Final = re.compile(
    r"(?P<n>\d{1,2})/(?P<d>\d{1,3})(?![\d/.,])(?:(?:st|nd|rd|th)\b|(?=\s+of\b)|(?P<u>(?=\s+[a-z])))"
)
_EVERY_NTH: Final = re.compile(
    r"\s+(?P<o>" + "|".join(W.ORDINAL_DENOMINATORS) + r"|\d{1,3}(?:st|nd|rd|th))(?=\s+[a-z])"
    r"(?!\s+(?:year|month|week|day|hour|minute|time|count|round|term)s?\b)",  # a frequency
    re.IGNORECASE,
)
_BRACKET_SCALE: Final = re.compile(
    r"(?:[ \t]*(?P<open>\[)[\d.,\s–-]{3,30})?\][ \t]*(?P<s>thousand|million|billion|trillion)\b",
    re.IGNORECASE,
)
_FIGURE_BRACKET_BEFORE: Final = re.compile(r"\d[ \t]*\[$")
# A bracketed uncertainty range after a figure, "36.7 million [34.0 million–39.8 million]
# people" (UNAIDS, WHO): what is counted comes after it, for the figure and the range alike.
_BRACKET_RANGE_AFTER: Final = re.compile(
    r"[ \t]*\[[ \t]*\d[\d.,]*(?:[ \t]*(?:%|thousand|million|billion|trillion))?[ \t]*[–—-]"
    r"[ \t]*\d[\d.,]*(?:[ \t]*(?:%|thousand|million|billion|trillion))?[ \t]*\]",
    re.IGNORECASE,
)
_BRACKET_CLOSE: Final = re.compile(r"[ \t]*\]")
_VULGAR_ALONE: Final = re.compile(r"[½¼¾⅓⅔⅕⅛⅜⅝⅞](?=[ \t\u00a0]?[A-Za-z])")
_FRACTION_OF_SCALE: Final = re.compile(
    r"\s+(?:of\s+an?\s+)?(?P<s>thousand|million|billion|trillion)\b", re.IGNORECASE
)
_PER_UNIT_AFTER: Final = re.compile(
    r"[ \t]*(?:per|a|/)[ \t]*(?P<u>[A-Za-z][A-Za-z ]{0,20}?[A-Za-z]|[A-Za-z])(?![A-Za-z])"
)
# ("and" only: "570,263 or 5% more" restates the count as a share, it shares no unit with it)
_ELLIPTIC_AND: Final = re.compile(r"[ \t]+and[ \t]+\d{1,3}(?:,\d{3})*(?:\.\d+)?(?![\d,.])")
_SUSPENDED_RANGE: Final = re.compile(
    r"[-‐‑][ \t]+(?:to|or)[ \t]+(?P<n>\d{1,3}(?:,\d{3})*(?:\.\d+)?)(?=[-‐‑][A-Za-z])"
)
_LINE_END: Final = re.compile(r"[ \t]*(?:\r?\n|\Z)")
_WORDS_OF_LABEL: Final = re.compile(r"[a-z]+|©")
_INCH_AFTER: Final = re.compile(
    r" in(?=[.,;)]?[ \t]*(?:\r?\n|\Z)|\.[ \t]+[A-Z]|[,;)]|[ \t]+(?:"
    + "|".join(W.INCH_WORDS_AFTER) + r")\b)"
)
_MODAL_BEFORE: Final = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(W.MODALS_BEFORE) + r")(?:[ \t]+(?:more|nearly|almost|roughly"
    r"|about|than|at\s+least))?[ \t]+$",
    re.IGNORECASE,
)
_MIXED_FRACTION: Final = re.compile(r" (?P<n>\d)/(?P<d>\d{1,2})(?![\d/.,])")
_PER_FIRST: Final = frozenset("pa/")
_TAIL_FIRST: Final = frozenset("-–—ta")
_SIGN_FIRST: Final = frozenset(k[0] for k in W.CURRENCY_SIGNS_AFTER)
_BLANKS_AFTER: Final = frozenset(" \t\u00a0\u202f")
_PLURAL_NOUN_AFTER: Final = re.compile(r"[ \t]+(?:[a-z][a-z\-]*[a-rt-z]s|people|children)\b")
# A currency sign after the amount: "773 billion $", "45 000 €", "-15€" (not "5 $10 bills").
_CURRENCY_SIGN_AFTER: Final = re.compile(
    r"[ \t\u00a0\u202f]?(?P<c>" + "|".join(
        re.escape(k) for k in sorted(W.CURRENCY_SIGNS_AFTER, key=len, reverse=True)
    ) + r")(?![\w$€£¥₹]|[ \t]?\d)"
)
# Words before a number that make it an identifier, not a figure.
_LOWER_CASE_NAMES: Final = (
    "page", "pages", "paragraph", "article", "articles", "chapter", "section", "annex",
    "appendix", "table", "fig.", "resolution", "volume", "vol.", "footnote", "no.",
    # numbered categories: "type 2 diabetes", "stage 3 cancer", "a category 5 hurricane"
    "type", "types", "stage", "stages", "grade", "category", "phase", "level", "tier",
    "class", "wave", "scope", "priority", "note", "notes", "ext.",
)
_IDENTIFIER_BEFORE: Final = re.compile(
    r"(?:\b(?:Resolution|Resolutions|Article|Articles|Art\.|Chapter|Section|Sec\.|Phase|Goal|"
    r"Target|Indicator|Annex|Appendix|Table|Figure|Fig\.|Page|pp?\.|No\.|Nos\.|Number|Decree|"
    r"Law|Act|Order|Level|Grade|Title|Part|Rule|Protocol|Item|Step|Stage|Round|Version|Vol\.?"
    r"|Volume|Issue|Paragraph|para\.?|Route|Highway|Flight|Room|Box|Unit|Model|Class|"
    r"Category|Block|Tier|Wave|Session|Summit|Platform|Gate|Terminal|Line|Zone|District|"
    r"Ward|Sector|Camp|Building|Floor|Week|Day|Lot|Batch|Cohort|Mission|Operation|Exercise|"
    r"Apollo|Windows|COP|COVID|SDG|SDGs|Agenda|Vision|Plan|Strategy|Schedule|Form|Box|Scope|Scopes"
    r"|Priority|No|NO\.|Nos?\.|N[°º]|ID:?|P\.L\.|Pub\.\s?L\.|Release\s+ID:?)"
    r"|\b(?:" + "|".join(map(re.escape, _LOWER_CASE_NAMES)) + ")"
    r"|#|\b[A-Z]{2,6}|\b[A-Z][a-z]*[A-Z]\w*)\s?-?$"
)
# Every name _IDENTIFIER_BEFORE matches holds a capital, "#", "p." ("p.", "pp."), "para" or
# ends with a lower-case name: where the word before a figure holds none ("than", "over", "to":
# most words before a figure), a few string tests spare the search.
_LETTER_HYPHEN_BEFORE: Final = re.compile(r"[A-Za-z0-9]-$")
# Digits that run on after the figure ("3.1.58", "1,00,000", "10:30"): a version, a code or
# a grouping factcheck does not read, so no figure rather than a wrong one.
_RUN_ON_AFTER: Final = re.compile(r"[.,:/]?\d")
_RUN_ON_FIRST: Final = frozenset(".,:/")
_LIST_MARK_FIRST: Final = frozenset(".)")
# "5,000+ volunteers", "100,000-plus refugees": the figure or more.
_PLUS_AFTER: Final = re.compile(r"\+(?![\d+])|[-‐‑]plus\b", re.IGNORECASE)
# Letters attached to a figure that are no unit or scale factcheck knows ("12Gbps", "40mpg"):
# a figure in an unknown unit. One letter ("5G", "3D", "1990s") marks a name or a decade.
_UNKNOWN_UNIT_AFTER: Final = re.compile(r"[A-Za-z]{2,8}(?:/[A-Za-z]{1,6})?(?![\w\-])")


def _after_figure(with_currency_word: bool) -> re.Pattern[str]:
    # What _right tries right after a figure, one anchored alternation in the order it would
    # try them one by one (the first alternative that matches is the pattern it would have
    # taken): percent, currency word (not after money: "$5 million dollars" is rare),
    # compound, unit; then an unknown unit, "in N" and "times", which it tries only after the
    # age tests (those read text before the figure and consume nothing, so they are still
    # made in Python before the last three are taken). One match call instead of up to seven.
    # The unknown unit opens with a letter, "in N" and "times" with a blank: where the first
    # matches but its condition fails, neither of the others could have matched.
    def inner(p: re.Pattern[str], **names: str) -> str:
        src = p.pattern
        for old, new in names.items():
            src = src.replace(f"(?P<{old}>", f"(?P<{new}>")
        return src
    parts = [f"(?P<pct>{_PERCENT_AFTER.pattern})"]
    if with_currency_word:
        parts.append(f"(?P<cw>{inner(_CURRENCY_WORD_AFTER, w='cw_w')})")
    parts += [
        f"(?P<cmp>{inner(_COMPOUND_AFTER, w='cmp_w')})",
        f"(?P<unit>{inner(_UNIT_AFTER, w='unit_w')})",
        f"(?P<sym>(?-i:{_SYMBOL_AFTER.pattern}))",  # case-sensitive, as on its own
        f"(?P<unk>(?-i:{_UNKNOWN_UNIT_AFTER.pattern}))",  # case-sensitive, as on its own
        f"(?P<inn>{_IN_N_AFTER.pattern})",
        f"(?P<times>{_TIMES_AFTER.pattern})",
    ]
    return re.compile("|".join(parts), re.IGNORECASE)


_AFTER_FIGURE: Final = _after_figure(True)
_AFTER_MONEY: Final = _after_figure(False)


def _empty_match() -> re.Match[str]:
    # Nothing matched after the figure: a match whose lastgroup is "none" stands for it.
    m = re.compile("(?P<none>)").match("")
    assert m is not None
    return m


_NO_MATCH: Final = _empty_match()

# Telephone numbers: "+44 20 7946 0958", "(202) 555-0123", "020 7946 0958".
_PHONE: Final = re.compile(
    r"(?:\+\s?\d{1,3}(?:[ .\-]\d(?=[ .\-]\d))?|\(\+?\d{1,5}\)|(?<!\d)0\d{1,4})"
    r"(?:[ .\-]?(?:\(0\)|\(\d{1,5}\)|\d{2,5})){2,6}(?!\d|,\d)"
    # North American numbers written with hyphens: "1-800-232-4636", "202-473-7840".
    r"|(?<![\d\-])(?:1-)?\d{3}-\d{3}-\d{4}(?![\d\-])"
)
_PHONE_DIGITS: Final = 7
# All-caps words that are English, not acronyms, before a figure ("OVER 9,000 TROOPS").
_CAPS_WORDS: Final = frozenset(
    "and than over under about around some nearly almost below above more less fewer least "
    "most estimated approximately roughly circa only just well has have had were was are is "
    "with by to of in on at for from reached".split()
)

_STOP_WORDS: Final = frozenset(
    """
    a an the this that these those its their his her our your my which who whom whose what
    where when while whereas as at by for from in into of off on onto out over per since
    than through to toward towards under until up upon via with within without across among
    amongst against along around about after before behind below beneath beside besides
    between beyond during except inside near outside past throughout despite including
    is are was were be been being am have has had having do does did will would shall should
    can could may might must not no nor or but so yet if then also now once already still
    just only even ever again further currently each every both either neither all any
    some many much more most less least few several such own same other another
    it they them he she we you i me us him there here
    remain remains remained continue continues continued receive received live lived
    according compared said says say told due thanks and or respectively
    next last past previous coming following
    """.split()
)
_PARTICIPLE_NOUNS: Final = frozenset(
    "need speed seed feed bed breed creed greed weed deed shed red hundred kindred".split()
)
_LY_NOUNS: Final = frozenset(
    "family families supply ally assembly italy july anomaly monopoly rally reply".split()
)
_PLURAL: Final = re.compile(r"[a-z][a-z\-]{2,}[^su'’]s")
_NOT_PLURAL: Final = frozenset("news means series species politics economics physics mathematics".split())
# Plurals without an "s": a noun phrase ends with them too ("1.2 billion people | lack access").
_IRREGULAR_PLURALS: Final = frozenset("people children women men personnel".split())
_SUSPENDED_TO: Final = re.compile(r"(?<=-)\s+to(?=\s+\w+-)|\s+to(?=\s+\w+-level\b)", re.IGNORECASE)
# At most one line break between the words of a noun phrase: a blank line ends a paragraph.
_SUPERSCRIPTS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTED_WORD: Final = re.compile(r"[A-Za-z][a-z]{3,}\d{1,2}")
# (Initials are one word: "100 U.S. companies" counts "U.S. companies", not "U".)
_WORD_TOKEN: Final = re.compile(
    r"[ \t\r]*(?:\n[ \t\r]*)?(?P<w>(?:[A-Z]\.){2,}(?:-[A-Za-z][\w'’]*)?(?![A-Za-z])|[A-Za-z\u00C0-\u024F][\w'’\-]*)"
)
_AND_TOKEN: Final = re.compile(r"[ \t\r\n]+(?:and|&)(?=[ \t\r\n])", re.IGNORECASE)
_LEAD_SKIP: Final = frozenset("of the in for on its their all an a".split())
_MORE_FEWER: Final = frozenset("more fewer less extra other".split())
# Words right before a figure that make it a part of the figure before it: "20,000 officers,
# of which 11,000 ...", "of whom 300", "among them 12".
_PART_OF_BEFORE: Final = re.compile(
    r"\b(?:of\s+(?:which|whom|these|them|those)|among\s+(?:them|these|whom|which)"
    r"|including)\s*$",
    re.IGNORECASE,
)
# Opened by the first letters of "in", "across", ... (the regex engine skips to them; "\b"
# first would be tried at every position), then the same words in the same order.
_SCOPE_AFTER: Final = re.compile(
    r"[iatw](?<!\w.)(?:(?<=i)n|(?<=a)cross|(?<=t)hroughout|(?<=i)nside|(?<=w)ithin)"
    r"\s+(?:the\s+)?(?P<s>[A-Z][\w'’\-]*"
    r"(?:(?:\s+(?:and|&)\s+|\s+|,\s*)[A-Z][\w'’\-]*){0,3})"
)
# A scope's clause ends at punctuation or at the next figure ("... and 30 percent"); one
# class of every character it can start with opens the pattern, for the engine to skip to.
_CLAUSE_END: Final = re.compile(
    r"[,;.()\[\]:!?\d•\s](?:(?<=[,;.()\[\]:!?\d•])"
    r"|(?<=\s)(?:and|but|while|which|who)\s+(?:[a-z]+\s+)?[\d$€£])"
)
_LEAD_SCOPE: Final = re.compile(
    r"^(?:In|Across|Throughout|Within)\s+(?:the\s+)?(?P<s>[A-Z][\w'’\-]*(?:\s+(?:and\s+)?"
    r"[A-Z][\w'’\-]*){0,3}),"
)
_NUMBER_OF_BEFORE: Final = re.compile(
    r"\bnumbers? of\s+(?P<n>[A-Za-z][\w'’\- ]{0,48}?)(?=\s+(?:in|is|was|has|have|had|stands?"
    r"|stood|rose|fell|reached|increased|decreased|grew|dropped|declined|to|across|from|at)\b)",
    re.IGNORECASE,
)
# "per 100,000", "per 1,000", "per 10 000", "per thousand" after a counted noun (no time unit).
_PER_BASE_AFTER: Final = re.compile(
    r"\s+per\s+(?P<n>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|10+|hundred|thousand"
    r"|(?:one|a|ten)\s+(?:hundred|thousand|million))(?![\d.,]\d)\b",
    re.IGNORECASE,
)
# What a unit word makes a figure count ("5 percentage points"): no figure after it counts it.
_UNIT_COUNTED: Final = frozenset({"percentage points"})
# Every age limit ends with one of these (a cheap test before the pattern).
_AGE_LIMIT_WORDS: Final = ("under", "over", "below", "above", "aged", "than")
_PEOPLE_AGED_BEFORE: Final = re.compile(
    r"\b(?:children|people|persons|adults|girls|boys|women|men|infants|babies|youths?|pupils"
    r"|students|those|anyone|everyone)\s+(?:aged\s+)?(?:under|over|below|above|aged"
    r"|older\s+than|younger\s+than)\s*$",
    re.IGNORECASE,
)
_AGE_BEFORE: Final = re.compile(
    r"\b(?:(?:the\s+)?age[sd]?(?:\s+of)?|aged\s+between)"
    r"(?:\s+(?P<q>under|over|below|above|less\s+than|more\s+than|at\s+least|up\s+to))?\s*$",
    re.IGNORECASE,
)
# Both open with the first letters of their words and look behind only then (the regex engine
# skips to such a letter; a pattern that opens with "\b" is tried at every position).
_SINCE: Final = re.compile(
    rf"[Ss](?<!\w.)ince\s+(?P<d>(?:(?:early|mid|late|the\s+start\s+of|the\s+end\s+of)[\s-]+)?"
    rf"(?:(?:\d{{1,2}}\s+)?(?:{_MONTHS})\.?\s+(?:\d{{1,2}},?\s+)?)?(?:19|20)\d\d"
    rf"|(?:{_MONTHS})(?:\s+\d{{1,2}})?)"
)
# "the highest number since 2011", "a fall of 60,000 since January": "since" dates a record or
# a change, not a running total (unless another running-total word says so).
_SINCE_COMPARED: Final = re.compile(
    r"\b(?:highest|lowest|largest|smallest|biggest|most|least|first|best|worst|fall|rise|"
    r"increase|decrease|drop|decline|change|up|down|fewer|more)\b[^.;]*$",
    re.IGNORECASE,
)
_CUMULATIVE_NOT_SINCE: Final = re.compile(
    r"\b(?:to date|so far|in total|a total of|in all|altogether|cumulative(?:ly)?|to this day)\b",
    re.IGNORECASE,
)
_AS_OF: Final = re.compile(
    rf"[IiAaBbDdUuTtEeOo](?<!\w.)(?:(?<=[Ii])n|(?<=[Aa])s\s+of|(?<=[Aa])s\s+at|(?<=[Bb])y"
    rf"|(?<=[Dd])uring|(?<=[Uu])ntil|(?<=[Tt])hrough|(?<=[Aa])t\s+the\s+end\s+of|(?<=[Ee])nd\s+of"
    rf"|(?<=[Oo])n)\s+(?P<d>{_FISCAL}|{_YEAR_DATE}|(?:{_MONTHS})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{_MONTHS}))\b"
)
# Every running-total phrase holds one of these (a cheap test before the pattern).
_CUMULATIVE_KEYS: Final = ("since", "to date", "so far", "total", "in all", "altogether", "cumulative",
                    "overall", "to this day")
# A sentence may give a date when it has a year or a month name (two searches that each
# open with the characters they start with are 4x faster than one alternation of both).
_YEAR_HINT: Final = re.compile(r"(?:19|20)\d\d")
_MONTH_HINT: Final = re.compile(
    _word_start_alternation(_MONTHS.split("|"), cased=True, after=r"\w") + r"\b"
)
_MONTH_NAMES: Final = frozenset(_MONTHS.split("|"))
_MONTH_START: Final = re.compile(rf"(?:{_MONTHS})\b")
_MONTH_END: Final = re.compile(rf"(?i)\b(?:{_MONTHS})\Z")
_MONTH_WHOLE: Final = re.compile(rf"(?:{_MONTHS})\b.*")
_CUMULATIVE: Final = re.compile(
    _word_start_alternation(
        ["since", "to date", "so far", "in total", "a total of", "total", "in all", "altogether",
         "cumulative", "cumulatively", "overall", "to this day"]
    )
    + r"\b"
)

_BULLETS: Final = "•●▪◦‣·∙➔→►▶➢✓✔–—*-+"
_TERMINAL: Final = ".!?:;"
# The blanks after the stop are captured (in the lookahead): the next sentence starts after
# them. "[.!?…][.!?…]*" is "[.!?…]+" written so that the regex engine skips in C to the next
# stop (a pattern that opens with a repeat is tried at every position: twice as slow).
_SENTENCE_END: Final = re.compile(
    r"[.!?…][.!?…]*[\"'”’)\]]*(?=(?P<gap>\s+)[\"'“‘(\[]?[A-Z0-9•●▪$€£➔])"
)
_ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof st no nos art fig approx est e.g i.e etc vs jan feb mar apr jun jul
    aug sep sept oct nov dec inc ltd co corp gov sen rep gen lt col capt sgt pp p para vol
    u.s u.k u.n e.u a.m p.m""".split()
)
_FOLD_HYPHEN: Final = re.compile(r"(?<=[A-Za-z]-)[ \t]*\r?\n\s*")
_FOLD_SPACE: Final = re.compile(r"\s+")
_SLUG: Final = re.compile(r"[^a-z0-9]+")

MAX_SENTENCE_CHARS: Final = 1000
"""Sentences longer than this are cut into pieces (keeps the cost per figure bounded)."""
MAX_ROW_CHARS: Final = 2000
"""A table row longer than this is read as prose (keeps the work per figure bounded)."""
MAX_FIGURE_CHARS: Final = 40
"""Longer runs of digits are not figures (and would make int() slow): they are skipped."""


def slugify(text: str, max_words: int = 4) -> str:
    """A short, stable, lower-case id fragment: "Iraqi Security Force members" -> "iraqi-...".

    Possessive "'s" is dropped; at most the last *max_words* words are kept, since the head
    noun of an English noun phrase comes last.
    """
    t = re.sub(r"['’]s\b", "", text.lower())
    if not t.isascii():
        # "Türkiye" -> "turkiye", not "t-rkiye": accents go, the letters stay.
        t = unicodedata.normalize("NFKD", t).encode("ascii", "ignore").decode("ascii")
    words = [w for w in _SLUG.split(t) if w]
    return "-".join(words[-max_words:])


# Counted nouns and scopes repeat through a factsheet ("people", "in Iraq"): each is slugged once.
_slug: Final = functools.lru_cache(maxsize=4096)(slugify)

_ZERO: Final = Fraction(0)
_NO_TIME: Final = TimeContext()


@functools.lru_cache(maxsize=256)
def _step(place: int, decimals: int) -> Fraction:
    """The place value of a figure's last digit: *place* (a scale's) over 10**decimals.

    Few distinct steps occur (scales times decimals written), so each Fraction is built once.
    """
    return Fraction(place, 10**decimals)


def sentence_ends(
    text: str, start: int = 0, end: int | None = None, *, firm: bool = False,
    from_sentence_start: bool = True,
) -> Iterator[tuple[int, int, int]]:
    """Where sentences end in ``text[start:end]``, as the extractor splits a paragraph.

    Yields (offset of the stop, offset after it and any closing quote or bracket, offset of
    the next sentence: after the blanks that follow, at most *end*). A stop ends a sentence
    when the next sentence starts with a capital, a digit, a bullet or a currency sign, and
    the word before the stop is no abbreviation ("approx.") and no initials ("U.S."); see
    :func:`ends_sentence`. With *firm*, nor is it a month name: the extractor reads the figure
    after "in March." as a date, so a reader that cuts text into sentences must not cut there.

    *start* is a sentence's start (a paragraph's, or the last next-sentence offset yielded):
    the word before a stop is read from there on. With *from_sentence_start* false (a scan
    that starts anywhere), it is read as far back as the text goes.
    """
    stop = len(text) if end is None else end
    sentence_start = start if from_sentence_start else 0
    for m in _SENTENCE_END.finditer(text, start, stop):
        s = m.start()
        lo = max(sentence_start, s - 24)
        tok_start = max(max(text.rfind(" ", lo, s), text.rfind("\n", lo, s)) + 1, sentence_start)
        if not ends_sentence(text[tok_start:s], firm=firm):
            continue
        nxt = m.end("gap")
        yield s, m.end(), nxt
        if from_sentence_start:
            sentence_start = nxt


def ends_sentence(word: str, *, firm: bool = False) -> bool:
    """False when a stop after *word* ends no sentence: an abbreviation or initials.

    With *firm*, a month name neither ("in March. 5 people": the 5 is read as a date).
    """
    token = word.lower().lstrip("(\"'“‘")
    # Initials have a dot inside, or are one letter: only then is the pattern tried.
    if token in _ABBREVIATIONS or ("." in token or len(token) == 1) and _ABBREVIATED.fullmatch(
        token
    ):
        return False
    return not (firm and _MONTH_END.search(word))


def sentence_bounds(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The (start, end) offsets of the sentences of ``text[start:end]`` (one paragraph).

    A sentence ends after its stop and closing quotes (see :func:`sentence_ends`); the next
    starts after the blanks that follow. Text without a sentence end is one sentence.
    """
    stop = len(text) if end is None else end
    bounds = []
    at = start
    for _stop, stop_end, nxt in sentence_ends(text, start, stop):
        bounds.append((at, stop_end))
        at = nxt
    if at < stop or not bounds:
        bounds.append((at, stop))
    return bounds


def _interval(
    qualifier: Qualifier, value: Fraction, step: Fraction, value_high: Fraction | None
) -> Interval:
    """:func:`numbers.allowed_interval`, without its Fraction arithmetic where none is needed.

    An open-ended qualifier bounds the figure by its value alone, whatever its precision;
    only the others work out half a step (tests/test_extraction.py checks both agree).
    """
    if qualifier is _OVER:
        return Interval(value, None, low_open=True)
    if qualifier is _UNDER:
        return Interval(None, value, high_open=True)
    if qualifier is _AT_LEAST:
        return Interval(value, None)
    if qualifier is _AT_MOST:
        return Interval(None, value)
    if qualifier is _EXACT and not step:
        return Interval(value, value)  # an exact count: allowed_interval's first case
    return _allowed_interval(qualifier, value, step, value_high)


# The same (qualifier, value, step, high) recurs through a factsheet ("about 2 million", "62%"):
# its interval (frozen, so safe to share) is worked out once; the cache bounds the memory.
_allowed_interval: Final = functools.lru_cache(maxsize=4096)(nums.allowed_interval)


def _fold(text: str) -> str:
    """Line breaks and runs of spaces folded to one space; "counter-\\nDaesh" joined."""
    if "  " not in text and text.isprintable() and text != " ":
        # Most pieces folded: no character is a space but the ASCII space (any other is not
        # printable), none of those runs on: folding leaves them as they are.
        return text
    if "-\n" in text or "-\r\n" in text:
        text = _FOLD_HYPHEN.sub("", text)
    folded = " ".join(text.split())
    # Keep one leading/trailing space where the text had some: prefixes are measured with it.
    if text[:1].isspace():
        folded = " " + folded
    if text[-1:].isspace() and folded:
        folded += " "
    return folded


def _fold_strip(text: str) -> str:
    """``_fold(text).strip()``: the blanks folding would keep at the ends are not added."""
    if "  " not in text and text.isprintable():
        # No blank but the ASCII space (any other is not printable), none running on: split
        # and joined it would be this text stripped (most sentences; no word list is built).
        return text.strip()
    if "-\n" in text or "-\r\n" in text:
        text = _FOLD_HYPHEN.sub("", text)
    # Text that folding leaves as it is has no blank but the ASCII space, none of them
    # running on: split and joined it is that text stripped, as for any other text.
    return " ".join(text.split())


# --------------------------------------------------------------------------- structure


_BLANK_RUN: Final = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
_SPECIAL_MARK: Final = (
    r"[ \t]*(?:[•●▪◦‣·∙➔→►▶➢✓✔](?=\s|$)|[-–—*+](?=[ \t])|\(?\d{1,2}[.)][ \t]|#|[A-Z][A-Z(&])"
)
# A "label: value" or dotted-leader line ("Volunteers: 4,200", "Education ....... 1,200"): a
# paragraph of its own, like a bullet, so that no sentence runs from one such line into the
# next.
# (The run of label characters is taken whole, as a possessive quantifier would, through a
# lookahead and a back-reference: it stops at the first ":", "." or line break, and giving
# characters back could never make a match, so none are tried: one pass a line.)
_LABEL_LINE: Final = r"[A-Z](?=(?P<run>[^\n:.]{0,60}))(?P=run)(?::[ \t]+[^\s]|:[ \t]*(?:\r?\n|$)|\.{4,})"
_LABEL_LINE_START: Final = re.compile(_LABEL_LINE)
_LABEL_LINE_AFTER_BREAK: Final = re.compile(r"\n(?=[ \t]*" + _LABEL_LINE + ")")
_SPECIAL_LINE: Final = re.compile(r"(?m)^" + _SPECIAL_MARK)
# The same lines found from the line break before them: a pattern that opens with a
# character is scanned for in C, one that opens with "^" is tried at every position.
_SPECIAL_LINE_AFTER_BREAK: Final = re.compile(r"(?m)\n(?=" + _SPECIAL_MARK + ")")
_BULLET_START: Final = re.compile(r"(?:[•●▪◦‣·∙➔→►▶➢✓✔](?=\s|$)|[-–—*+](?=[ \t])|\(?\d{1,2}[.)][ \t])")
_ASCII_UPPER: Final = bytes(range(65, 91))
_ASCII_LOWER: Final = bytes(range(97, 123))
_BULLET_FIRST: Final = frozenset("•●▪◦‣·∙➔→►▶➢✓✔–—*+-(0123456789")
_SYMBOL_BULLETS: Final = "•●▪◦‣·∙➔→►▶➢✓✔"
_ABBREVIATED: Final = re.compile(r"(?:[a-z]\.)*[a-z]")


class _Layout:
    """Lines, paragraphs, headings and sentences of a scan text.

    Paragraph breaks and headings are found by scanning only the lines that can start one (a
    line after a blank line, a bullet, a heading in capitals or Markdown), so ordinary lines
    cost nothing; sentences are split on demand, only in paragraphs that hold a figure.
    """

    def __init__(self, scan: str) -> None:
        self.scan = scan
        # Line numbers are counted forward from the last figure's offset: figures come in
        # order, so the whole text is counted once (a table of line starts costs more).
        self._at = 0
        self._line_no = 1
        self._line_start = 0
        self.headings: list[tuple[int, str]] = []
        self.heading_starts: list[int] = []
        self.para_starts: list[int] = []
        self.para_ends: list[int] = []
        self._sentences: dict[int, tuple[list[int], list[int]]] = {}
        self._last_sentence: tuple[int, int, tuple[int, int]] = (0, 0, (0, 0))
        self._paragraphs()

    def _line(self, start: int) -> tuple[int, str]:
        end = self.scan.find("\n", start)
        if end < 0:
            end = len(self.scan)
        return end, self.scan[start:end]

    def _paragraphs(self) -> None:
        scan = self.scan
        n = len(scan)
        # Line starts to look at, each as 2 * offset, plus 1 unless it follows a blank line (so
        # that a plain sort puts "after a blank line" first at an offset).
        keys: list[int] = [0]
        keys.extend(2 * m.end() for m in _BLANK_RUN.finditer(scan))
        if _SPECIAL_LINE.match(scan):
            keys.append(1)
        keys.extend(2 * m.end() + 1 for m in _SPECIAL_LINE_AFTER_BREAK.finditer(scan))
        # "Label: value" lines that no blank line or mark brought in already, and the lines
        # right after them (a label line is a paragraph of its own).
        label_starts = [m.end() for m in _LABEL_LINE_AFTER_BREAK.finditer(scan)]
        if _LABEL_LINE_START.match(scan, len(scan) - len(scan.lstrip(" \t"))):
            label_starts.insert(0, 0)
        self._after_label: set[int] = set()
        for pos in label_starts:
            keys.append(2 * pos + 1)
            nl = scan.find("\n", pos)
            if nl >= 0:
                self._after_label.add(nl + 1)
                keys.append(2 * nl + 3)
        keys.sort()
        events = [(k >> 1, not k & 1) for k in keys]
        starts, ends = self.para_starts, self.para_ends
        prev_heading_end = -1
        last_line = -1
        for line_start, after_blank in events:
            if line_start >= n or line_start == last_line:
                continue
            last_line = line_start
            line_end, raw = self._line(line_start)
            s = raw.strip()
            if not s:
                continue
            lead = line_start + (len(raw) - len(raw.lstrip()))
            # Right after a heading (at most one line break since it): found without copying
            # or counting all the text since the heading.
            standalone = after_blank or prev_heading_end >= 0 and (
                (nl := scan.find("\n", prev_heading_end, line_start)) < 0
                or scan.find("\n", nl + 1, line_start) < 0
            )
            if self._is_heading(s, line_end, standalone):
                self.headings.append((lead, s.lstrip("#").strip()))
                self.heading_starts.append(lead)
                self._close(lead)
                prev_heading_end = line_end
                # The line after a heading starts a paragraph of its own.
                nxt = line_end + 1
                while nxt < n and scan[nxt].isspace():
                    nxt += 1
                if nxt < n:
                    starts.append(nxt)
                    ends.append(n)
                continue
            bm = _BULLET_START.match(s)
            bullet = bm is not None or _LABEL_LINE_START.match(s) is not None or (
                line_start in self._after_label
            )
            line_lead = lead
            if bm is not None:
                lead += bm.end()  # the sentence starts after the bullet mark
                while lead < line_end and scan[lead] in " \t":
                    lead += 1
            if bullet or not starts:
                new = True
            elif after_blank:
                # A blank line inside a sentence (PDF text) does not end the paragraph: the
                # line before it runs on, and this one goes on in lower case or with a figure.
                # (The last character before the line that is no blank, within 400: most often
                # within the last 40, and the shorter slice costs less.)
                before = scan[max(0, line_start - 40):line_start].rstrip() or scan[
                    max(0, line_start - 400):line_start
                ].rstrip()
                runs_on = bool(before) and before[-1] not in _TERMINAL + "\"”’)"
                if runs_on and not s[0].islower():
                    # A list item ends at a blank line unless the next line goes on in lower
                    # case ("• 5.8 million other people in need of protection", blank, "117.4
                    # million people worldwide ..." is a new paragraph, not one sentence).
                    j = line_start - 1
                    while j >= 0 and scan[j] in " \t\r\n":
                        j -= 1
                    prev_ls = scan.rfind("\n", 0, j + 1) + 1
                    prev_line = scan[prev_ls:j + 1].lstrip(" \t")
                    if _BULLET_START.match(prev_line) is not None:
                        runs_on = False
                new = not (runs_on and (s[0].islower() or s[0].isdigit() or s[0] in "$€£("))
                if before and prev_heading_end >= 0 and line_start - prev_heading_end < 400:
                    if not scan[prev_heading_end:line_start].strip():
                        new = True
            else:
                new = False
            if new:
                self._close(line_lead)
                starts.append(lead)
                ends.append(n)

    def _close(self, at: int) -> None:
        if self.para_starts and self.para_ends[-1] > at:
            self.para_ends[-1] = at

    def _is_heading(self, s: str, line_end: int, standalone_before: bool) -> bool:
        if len(s) > 90:
            return False
        if s[0] == "#":
            return True
        if len(s) <= 60 and s[0].isupper() and (s[-1] == ":" or s[-1] not in _TERMINAL + ",") and (
            self.scan[line_end + 1:line_end + 6].lstrip()[:1] in _BULLET_FIRST
        ):
            # A dated line right above a bulleted list heads it ("A&E Performance – March
            # 2024", "In March 2024:"): its date is the time of the bullets' figures.
            nxt = self._line(line_end + 1)[1].strip() if line_end < len(self.scan) else ""
            if nxt and _BULLET_START.match(nxt) and _HEADING_DATE.search(s) and not any(
                map(str.isdigit, _HEADING_DATE.sub("", s))
            ):
                return True
        if s[-1] in _TERMINAL + "," or not s[0].isupper():
            return False
        if s.isascii():
            # ASCII: the capitals and small letters counted in C (the same counts as below).
            raw = s.encode("ascii")
            upper = len(raw) - len(raw.translate(None, _ASCII_UPPER))
            lower = len(raw) - len(raw.translate(None, _ASCII_LOWER))
        else:
            upper = sum(map(str.isupper, s))
            lower = sum(map(str.islower, s))
        if upper >= 3 and upper >= 4 * lower:
            return True
        if not standalone_before or len(s.split()) > 10 or any(map(str.isdigit, s)) and (
            any(map(str.isdigit, undated := _HEADING_DATE.sub("", s)))
            or not undated.strip(" ,.–-")
        ):  # (a date is the only figure a heading may hold, beside words: "A&E Performance –
            # March 2024"; a date alone, "Mar 24, 2017", is a dateline)
            return False
        # A short line standing alone between blank lines is a heading ("The Military Campaign").
        nxt_end, nxt = self._line(line_end + 1) if line_end < len(self.scan) else (0, "")
        return not nxt.strip()

    def _split(self, p: int) -> tuple[list[int], list[int]]:
        hit = self._sentences.get(p)
        if hit is not None:
            return hit
        scan = self.scan
        a, b = self.para_starts[p], self.para_ends[p]
        ss: list[int] = []
        se: list[int] = []
        start = a
        for _stop, stop_end, nxt in sentence_ends(scan, a, b):
            self._add_sentence(ss, se, start, stop_end)
            start = nxt
        if start < b:
            self._add_sentence(ss, se, start, b)
        if not ss:
            ss, se = [a], [b]
        self._sentences[p] = (ss, se)
        return ss, se

    def _add_sentence(self, ss: list[int], se: list[int], a: int, b: int) -> None:
        # A "sentence" longer than any real one (a table flattened, a run of numbers) is cut
        # into pieces at spaces, so that the work done per figure stays bounded.
        while b - a > MAX_SENTENCE_CHARS:
            cut = self.scan.rfind(" ", a + MAX_SENTENCE_CHARS // 2, a + MAX_SENTENCE_CHARS)
            if cut <= a:
                cut = a + MAX_SENTENCE_CHARS
            ss.append(a)
            se.append(cut)
            a = cut
        ss.append(a)
        se.append(b)

    def line_start(self, offset: int) -> int:
        """The offset where the line holding *offset* starts (counted as line_col counts)."""
        self.line_col(offset)
        return self._line_start

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of *offset* (cheapest when offsets come in order)."""
        scan = self.scan
        if offset >= self._at:
            self._line_no += scan.count("\n", self._at, offset)
            nl = scan.rfind("\n", self._at, offset)
            if nl >= 0:
                self._line_start = nl + 1
        elif offset < self._line_start:
            self._line_no -= scan.count("\n", offset, self._at)
            self._line_start = scan.rfind("\n", 0, offset) + 1
        # (Back within the same line, as a qualifier before the figure is: nothing to count.)
        self._at = offset
        return self._line_no, offset - self._line_start + 1

    def sentence(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding *offset*."""
        lo, hi, hit = self._last_sentence
        if lo <= offset < hi:
            return hit  # figures come in order, often several in one sentence
        starts = self.para_starts
        p = bisect.bisect_right(starts, offset) - 1
        if p < 0:
            return 0, min(len(self.scan), MAX_SENTENCE_CHARS)
        ss, se = self._split(p)
        k = max(bisect.bisect_right(ss, offset) - 1, 0)
        hit = ss[k], se[k]
        # The same answer holds up to the next sentence's or paragraph's start.
        hi = ss[k + 1] if k + 1 < len(ss) else len(self.scan) + 1
        if p + 1 < len(starts) and starts[p + 1] < hi:
            hi = starts[p + 1]
        self._last_sentence = (ss[k], hi, hit)
        return hit

    def section(self, offset: int) -> str | None:
        i = bisect.bisect_right(self.heading_starts, offset) - 1
        return self.headings[i][1] if i >= 0 else None


# --------------------------------------------------------------------------- reading one figure


class _Figure:
    """A figure being read: the mutable scratch record turned into a Claim at the end."""

    __slots__ = (
        "start", "end", "qual_start", "value", "value_high", "decimals", "scale", "unit",
        "measures", "counted", "counted_end", "qualifier", "kind", "step", "word_place",
        "rate", "change_from", "as_of",
    )

    def __init__(self, start: int, end: int, value: Fraction) -> None:
        self.start = start
        self.end = end
        self.qual_start = start
        self.value = value
        self.value_high: Fraction | None = None
        self.decimals = 0
        self.scale = 1
        self.unit = _COUNT
        self.measures = "count"
        self.counted = ""
        self.counted_end = end
        self.qualifier = _EXACT
        self.kind = "figure"
        self.step: Fraction | None = None
        self.word_place = 0
        self.rate: str | None = None
        self.change_from = False
        self.as_of: str | None = None


_UNREAD: Final = object()
_YEAR_HEADING: Final = re.compile(
    r"(?:FY\s?|CY\s?|Q[1-4]\s|H[12]\s)?(?:19|20)\d\d(?:[/–-](?:19|20)?\d\d)?"
)
_LABEL_NOTE: Final = re.compile(r"\s*\([^()]*\)")
_GENERIC_HEADINGS: Final = frozenset(
    "count number no. value values figure figures amount total totals n #".split()
)
_TABLE_RULE_LINE: Final = re.compile(r"[ \t]*\|?[ \t:|-]*-[ \t:|-]*")
# What a column's heading says its cells are in: "Damage (US$ billion)", "Share (%)",
# "Area, km²", "Budget ($m)", "Population (millions)", "€ million".
_HEADING_HINT: Final = re.compile(r"(?:\((?P<b>[^()]{1,30})\)|,\s*(?P<c>[^,()]{1,30}))\s*$")
_HINT_TOKEN: Final = re.compile(r"(?:US\$|[$€£¥₹])'?000|US\$|[$€£¥₹]|'000|[A-Za-z²³%.°]+")
_CURRENCY_THOUSANDS: Final = re.compile(r"(?P<c>US\$|[$€£¥₹])'?000")


def _heading_hint(words: str) -> tuple[int, str, str] | None:
    """(scale, unit, measures) a column heading's hint names, or None when any word is not one."""
    scale, unit, measures = 1, "", ""
    if words.lstrip().startswith(("%", "per cent", "percent")):
        return 1, "percent", "share"  # "(% of GDP)", "(per cent of total)"
    tokens = _HINT_TOKEN.findall(words)
    if not tokens or "".join(tokens) != "".join(words.split()):
        return None  # something in the hint is neither unit nor scale ("2023", "per 1,000")
    if len(tokens) > 1 and tokens[0].lower() == "in":
        tokens = tokens[1:]  # "(in £)", "(in US$ million)"
    for tok in tokens:
        low = tok.lower().rstrip(".")
        if (ct := _CURRENCY_THOUSANDS.fullmatch(tok)) is not None:
            # "£000", "$'000": thousands of the currency, as accounts head their columns.
            unit, measures, scale = U.CURRENCY_PREFIXES[ct.group("c")], "money", 1000
        elif tok in U.CURRENCY_PREFIXES or tok.upper() in U.CURRENCY_CODES and tok.isupper():
            unit, measures = U.CURRENCY_PREFIXES.get(tok, tok.upper()), "money"
        elif low in U.CURRENCY_WORDS:
            unit, measures = U.CURRENCY_WORDS[low], "money"
        elif low == "'000":
            scale = 1000
        elif low in nums.SCALES or low.endswith("s") and low[:-1] in nums.SCALES:
            scale = nums.SCALES[low if low in nums.SCALES else low[:-1]]
        elif low in U.UNIT_WORDS:
            unit, measures = U.UNIT_WORDS[low]
        else:
            return None
    return scale, unit, measures


class _TableHeader:
    """The first row of a pipe table: each column's heading, and the unit hint it holds."""

    __slots__ = ("cells",)

    def __init__(self, line: str) -> None:
        cells: list[tuple[str, tuple[int, str, str] | None]] = []
        for raw in line.strip().strip("|").split("|"):
            heading = _fold_strip(raw.replace("*", " ").replace("`", " ")).strip("_ ")
            hm = _HEADING_HINT.search(heading)
            hint = None
            if hm is not None:
                hint = _heading_hint(hm.group("b") or hm.group("c") or "")
                if hint is not None:
                    heading = heading[:hm.start()].rstrip(" ,")
            elif heading and (hint := _heading_hint(heading)) is not None:
                heading = ""  # "| US$ million |", "| % |": the heading is the unit alone
            cells.append((heading, hint))
        self.cells = cells


class _Extractor:
    def __init__(self, text: str, scan: str, source: str, revision: str | None) -> None:
        self.text = text
        self.scan = scan
        self.source = source
        self.revision = revision
        self.layout = _Layout(scan)
        self.claims: list[Claim] = []
        self.ids: set[str] = set()
        self._id_next: dict[str, int] = {}
        self._sentence_cache: dict[
            tuple[int, int], tuple[str, TimeContext, str | None, bool, int]
        ] = {}
        self._last_in_sentence: dict[tuple[int, int], Claim] = {}
        self._change_from: _Figure | None = None
        # The end, measure and qualifier of the figure before (for a restatement in brackets).
        self._prev: tuple[int, str, Qualifier, str] = (-10, "", _EXACT, "")
        self._heading_dates: dict[str, object] = {}
        # Pipe tables ("| Sector | Damage (US$ billion) |"): read only where the text has a bar.
        self._tables = "|" in text
        self._table_of_line: dict[int, _TableHeader | None] = {}

    # -- scanning

    def run(self) -> list[Claim]:
        scan = self.scan
        pos = 0
        n = len(scan)
        # mask[i] stands for scan[i - 1], so a space at mask[i] is before a word at scan[i].
        raw = scan.encode("latin-1", "replace")  # one byte a character: "?" where none fits
        mask = b" " + raw.translate(_MASK_TABLE)
        # Digits are found the same way: a byte mask with "0" at every ASCII digit and at every
        # character latin-1 cannot hold (a decimal digit of another script could be one), and
        # nothing else; bytes.find skips to the next in C many times faster than the regex
        # engine tests "\d" at each character, and _DIGITS_CANDIDATE matched there decides.
        # (Latin-1 holds no decimal digit but the ASCII ones.)
        dmask = raw.translate(_DIGIT_MASK_TABLE)
        dfind = dmask.find
        digits_match = _DIGITS_CANDIDATE.match
        mask_search = _WORD_IN_MASK.search
        word_match = _WORD_CANDIDATE.match

        def digits_search(at: int) -> re.Match[str] | None:
            """The first candidate digits in the scan text from *at* on (its regex's search)."""
            while (i := dfind(b"0", at)) >= 0:
                c = scan[i]
                if "0" <= c <= "9" or c.isdecimal():  # (the regex's "\d" is str.isdecimal)
                    dm = digits_match(scan, i)
                    if dm is not None:
                        return dm
                elif c in _VULGAR:
                    vm = _VULGAR_ALONE.match(scan, i)
                    if vm is not None and (i == 0 or not scan[i - 1].isalnum()):
                        return vm  # "½ teaspoon", "a ⅓ cup": a fraction on its own
                if "0" <= c <= "9" and i >= 3 and "a" <= scan[i - 1] <= "z" and (
                        gm := _GLUED_FIGURE.match(scan, i)
                    ) is not None and scan[i - 3:i].isalpha():
                        return gm  # "refugees2.4 million": text run together from a page
                at = i + 1
            return None

        if raw.count(b"?") * 20 > len(raw):
            # Mostly characters latin-1 cannot hold (a text in another script): each would be
            # looked at in Python, so the regex engine's own search is the faster here.
            def digits_search(at: int) -> re.Match[str] | None:
                return _DIGITS_CANDIDATE.search(scan, at)

        def word_search(at: int) -> re.Match[str] | None:
            """The first number word in the scan text from *at* on (_WORD_CANDIDATE.search)."""
            while (c := mask_search(mask, at)) is not None:
                wm = word_match(scan, c.start())
                if wm is not None:
                    return wm
                at = c.start() + 1
            return None

        # The next digits and the next number word, each kept until the scan passes it (the
        # leftmost match from a later position is the same match while it lies ahead).
        dm = digits_search(0)
        wm = word_search(0)
        while pos < n:
            if dm is not None and dm.start() < pos:
                dm = digits_search(pos)
            if wm is not None and wm.start() < pos:
                wm = word_search(pos)
            fig: _Figure | None
            if dm is not None and (wm is None or dm.start() < wm.start()):
                m = dm
                fig = self._digits(m)
            elif wm is None:
                break
            else:
                m = wm
                kw = m.group().lower()
                wa = m.start()
                if wa >= 2 and scan[wa - 1] in _HYPHENS and scan[wa - 2].isalpha():
                    # "Under-five mortality", "first-half results", "G-seven": the word is
                    # part of a compound, as digits are in "COVID-19".
                    fig = None
                elif kw == "every":
                    fig = self._every(m)
                elif kw in nums.FRACTION_WORDS:
                    fig = self._fraction(m)
                elif kw in _MULTIPLE_WORDS:
                    fig = self._multiple(m)
                else:
                    fig = self._words(m)
            if fig is None:
                pos = max(m.end(), pos + 1)
                continue
            self._finish(fig)
            pos = max(fig.end, m.end(), pos + 1)
        return self.claims

    def _digits(self, m: re.Match[str]) -> _Figure | None:
        scan = self.scan
        a, b = m.span()
        token = m.group()
        if len(token) > MAX_FIGURE_CHARS:
            return None
        if scan[b:b + 1] == "/" and (fd := _DIGIT_FRACTION.match(scan, a)) is not None and (
            scan[a - 1:a] not in "/-" or a == 0
        ):
            n, d = int(fd.group("n")), int(fd.group("d"))
            if 0 < n < d:
                # "1/7 of the world's population", "about 1/3rd the gravity", "a 1/4 inch gap".
                if fd.group("u") is None:
                    share = self._share(a, fd.end(), Fraction(n, d))
                    share.step = _ZERO
                    return share
                um = _AFTER_FIGURE.match(scan, fd.end())
                if um is not None and um.lastgroup in ("unit", "sym"):
                    w = um.group("unit_w") or um.group("sym_sp") or um.group("sym_at")
                    unit = U.UNIT_WORDS.get(_fold(w).lower()) or U.UNIT_SYMBOLS.get(w)
                    if unit is not None:
                        fig = _Figure(a, um.end(), Fraction(n, d))
                        fig.unit, fig.measures = unit[0], unit[1]
                        fig.step = _ZERO
                        self._counted(fig, um.end())
                        return fig
            return None  # "9/11", "24/7": a name, not a figure
        alone = _VULGAR.get(token)
        if alone is not None:
            value, decimals = alone, 1  # "½ teaspoon": read to a tenth, as "5½" is
        elif self._not_a_figure(a, b, token):
            return None
        elif not token.isdigit():
            value, decimals = nums.parse_digits(token)
        else:
            value, decimals = Fraction(int(token)), 0  # plain digits: parse_digits's result
        if decimals == 3 and "," not in token and token.find(".") <= 3 and (
            _PLURAL_NOUN_AFTER.match(scan, b)
        ) and _currency_before(scan, a) is None:
            # "108.000 jobs": a dot groups thousands (European style), as a count of a plural
            # noun with three decimals cannot be meant.
            value, decimals = value * 1000, 0
        vulgar = _VULGAR.get(scan[b:b + 1]) if "." not in token else None
        if vulgar is not None:
            # "5½ percent" (IMF style): the whole and its fraction, read to a tenth.
            value += vulgar
            decimals = max(decimals, 1)
            b += 1
        if vulgar is None and scan[b + 2:b + 3] == "/" and scan[b:b + 1] == " " and (
            mx := _MIXED_FRACTION.match(scan, b)
        ):
            n, d = int(mx.group("n")), int(mx.group("d"))
            if 0 < n < d:
                # "2 1/2 miles": the whole and its fraction.
                value += Fraction(n, d)
                decimals = max(decimals, 1)
                b = mx.end()
        fig = _Figure(a, b, value)
        fig.decimals = decimals
        # Currency written before the figure ("$", "US$", "€", "EUR ").
        cur = _currency_before(scan, a)
        minus_after_sign = False
        if cur is None and a >= 2 and scan[a - 1] in "-−" and (
            cur := _currency_before(scan, a - 1)
        ) is not None:
            minus_after_sign = True  # "$-99.99": the sign, then the minus
        if cur:
            sign = "".join(cur.group("c").split()).rstrip(".") if cur.group("c") != "Rs." else "Rs"
            fig.unit, fig.measures, fig.qual_start = U.CURRENCY_PREFIXES.get(sign, sign), "money", (
                cur.start()
            )
            fig.start = cur.start()
        # A minus sign: "-0.4%", "−3.2%" (U+2212), "(-$5 million)", "fell –2.4%" (an en dash
        # after a blank or a bracket, as PDFs give it); not the hyphen of a range ("5-10"), a
        # word ("COVID-19") or a second minus.
        sa = fig.start
        if minus_after_sign:
            fig.value = -value
            value = fig.value
        elif sa > 0 and scan[sa - 1] in "-−–" and (sa == 1 or not (
            scan[sa - 2].isalnum() or scan[sa - 2] in "-−‐‑–"
        )) and (scan[sa - 1] != "–" or sa > 1 and scan[sa - 2] in " (\t"):
            fig.value = -value
            value = fig.value
            fig.start = fig.qual_start = sa - 1
        elif sa >= 6 and scan[sa - 1:sa] == " " and scan[sa - 2:sa - 1] in "sS" and (
            scan[sa - 6:sa].lower() == "minus " and (sa == 6 or not scan[sa - 7].isalpha())
        ):
            fig.value = -value  # "minus 2.5 percent"
            value = fig.value
            fig.start = fig.qual_start = sa - 6
        # A range: "30-34 million", "5–19", "between 5 and 19".
        rng = _RANGE_AFTER.match(scan, b)
        if rng is not None and "|" in self.text[b:rng.end()]:
            rng = None  # "| -40.0 | -39.8 |": the next cell's number, not a range
        if rng is not None and rng.group("to"):
            fb = _FROM_BY_BEFORE.search(scan, max(0, fig.start - 6), fig.start)
            if fb is not None:
                rng = None  # "rose from 1,200 to 1,450", "by 23,000 to 344,000": two figures
                if fb.group(0)[:1] in "fF":
                    fig.change_from = True
            elif scan[fig.start - 1:fig.start] == "+" or _CHANGE_VERB_BEFORE.search(
                scan, max(0, fig.start - 12), fig.start
            ) and self._high_of(rng) >= 3 * value > 0:
                rng = None  # "(+$1.67 to $34.81)", "Employment rose 23,000 to 344,000"
        if rng is None and "between" in scan[max(0, fig.start - 12):fig.start].lower() and (
            _BETWEEN_BEFORE.search(scan, max(0, fig.start - 12), fig.start)
        ):
            rng = _RANGE_AND_AFTER.match(scan, b)
        if rng is not None and not _RUN_ON_AFTER.match(scan, rng.end()):
            try:
                hv, hd = nums.parse_digits(rng.group("n"))
            except ValueError:  # "5-1112,000": no figure as publishers group one
                hv, hd = value, 0
            if hv > value:
                fig.value_high = hv
                fig.decimals = max(decimals, hd)
                fig.qualifier = _RANGE
                fig.end = b = rng.end()
            elif 0 < hv and (hs := _SCALE_WORD_AFTER.match(scan, rng.end())) is not None and (
                hv * nums.SCALES[" ".join(hs.group("s").lower().split())] > value
            ):
                # "[940 000–1.3 million]": the scale is the top end's only.
                fig.scale = nums.SCALES[" ".join(hs.group("s").lower().split())]
                fig.value_high = hv * fig.scale
                fig.decimals = hd
                fig.qualifier = _RANGE
                fig.end = b = hs.end()
        if rng is None and scan[b:b + 1] in _HYPHENS and (
            sr := _SUSPENDED_RANGE.match(scan, b)
        ) is not None:
            hv, hd = nums.parse_digits(sr.group("n"))
            if hv > value:
                # "an 8- to 16-meter telescope", "5- to 10-year-olds": one range, in the unit
                # of the compound that closes it.
                fig.value_high = hv
                fig.decimals = max(decimals, hd)
                fig.qualifier = _RANGE
                fig.end = b = sr.end("n")
        b = self._scale(fig, b)
        pm = _PLUS_AFTER.match(scan, b)
        if pm and fig.value_high is None:
            fig.qualifier = _AT_LEAST
            b = fig.end = pm.end()
        if scan[b:b + 1] in _HYPHENS and (cm := _COMPOUND_NAME_AFTER.match(scan, b)):
            return self._compound_name(fig, cm)
        self._right(fig, b)
        if alone is not None and fig.unit == _COUNT:
            fig.unit, fig.measures, fig.kind = "dimensionless", "share", "share"
        return fig

    def _compound_name(self, fig: _Figure, cm: re.Match[str]) -> _Figure | None:
        """ "A 10-fold rise" is a multiple; "two-way trade", "a two-pronged approach" no figure."""
        if cm.group("w").lower() != "fold":
            return None
        fig.unit, fig.measures, fig.kind = "dimensionless", "multiple", "multiple"
        fig.step = Fraction(0)
        fig.end = fig.counted_end = cm.end()
        return fig

    @staticmethod
    def _high_of(rng: re.Match[str]) -> Fraction:
        try:
            return nums.parse_digits(rng.group("n"))[0]
        except ValueError:
            return _ZERO

    def _not_a_figure(self, a: int, b: int, token: str) -> bool:
        """Years, dates, times, ordinals and identifiers are not figures."""
        scan = self.scan
        before = scan[max(0, a - 24):a]
        if a > 0 and scan[a - 1] == "-" and _LETTER_HYPHEN_BEFORE.search(before):
            return True  # "COVID-19", "F-16", "2014-15" (the second part)
        if a > 4 and scan[a - 1] in "–/" and len(token) in (2, 4) and _YEAR_HALF_BEFORE.search(
            before
        ):
            return True  # "2017–18", "2023/2024": the second year of a fiscal or school year
        nxt = scan[b:b + 1]
        if 5 <= len(token) <= 6 and token.isdigit() and 1900 <= int(token[:4]) <= 2100 and (
            _DATE_WORD_BEFORE.search(before)
        ):
            return True  # "in 201811": a year with a footnote's mark run into it
        # Each pattern after the figure is tried only when the next character can start it.
        alpha = nxt.isalpha()
        if (nxt in _RUN_ON_FIRST or nxt.isdecimal()) and _RUN_ON_AFTER.match(scan, b) or token.find(
            ","
        ) > 3:
            return True  # "3.1.58", "1,00,000", "1112,000": no figure as publishers group one
        if alpha and not _SCALE_ABBR_ATTACHED.match(scan, b) and not _ORDINAL_AFTER.match(
            scan, b
        ) and (not nxt.isupper() or self._upper_scale(a, b, token) is None):
            # "5G", "3D", "A4": the figure is part of a name. An attached unit ("10km") is read,
            # and so is an attached unit factcheck does not know ("12Gbps": unit "unknown").
            if not _UNIT_AFTER.match(scan, b) and not _UNKNOWN_UNIT_AFTER.match(scan, b) and (
                not _SYMBOL_ATTACHED.match(scan, b)
            ):
                return True
        if (scan[a - 1:a] in ("+", "(") or token[0] == "0" or a > 1 and scan[a - 1] in " -)"
                and (scan[a - 2].isdigit() or scan[a - 2] == ")")
                or nxt == "-" and len(token) <= 3 and scan[b + 4:b + 5] == "-"
                and scan[b + 1:b + 4].isdigit()):  # "1-800-232-4636", "202-473-7840"
            # Only then can the figure be one group of a telephone number.
            for pm in _PHONE.finditer(scan, max(0, a - 24), min(len(scan), b + 24)):
                if pm.start() <= a < pm.end() and sum(map(str.isdigit, pm.group())) >= _PHONE_DIGITS:
                    return True
        if alpha and _ORDINAL_AFTER.match(scan, b):
            return True
        if a >= 2 and scan[a - 1] in "([" and scan[a - 2].isalnum() and scan[b:b + 1] in ")]":
            return True  # "alert(1)", "note[3]": a call or a footnote mark, not an amount
        if token.endswith(".0") and len(token) <= 4 and a >= 2 and scan[a - 1] == " " and (
            _VERSION_NAME_BEFORE.search(before)
        ) and not (_PERCENT_AFTER.match(scan, b) or _SCALE_WORD_AFTER.match(scan, b)
                   or _UNIT_AFTER.match(scan, b)):
            return True  # "Gavi 5.0", "Urban 2.0", "Industry 4.0": a version's name
        if len(token) <= 2 and (a == 0 or scan[a - 1] == "\n") and _FOOTNOTE_WORD_AFTER.match(
            scan, b
        ):
            return True  # "1 Includes 29.4 million refugees ...": a footnote's mark
        if before[-3:].rstrip()[-2:] in ("of", "/") and _PAGE_OF_BEFORE.search(before):
            return True  # "Page 1 of 3": the number of pages
        if "." in token and (a == 0 or scan[a - 1] == "\n") and _SECTION_TITLE_AFTER.match(
            scan, b
        ):
            return True  # "1.1 Introduction": a section's number
        if len(token) <= 2 and before[-2:].rstrip()[-1:] in _LIST_JOINT_LAST and (
            _ID_LIST_BEFORE.search(before)
        ):
            return True  # "Scope 1 and 2 emissions", "Phases 2, 3 and 4": names, like the first
        if len(token) <= 2 and token.isdigit() and _DAY_YEAR_AFTER.match(scan, b) and (
            _MONTH_HINT.search(before)
        ):
            return True  # "March 10 to 16, 2024": the last day of a span of days
        if a >= 1 and scan[a - 1] == "%":
            return True  # "87%3": a footnote's mark against the percentage
        if a >= 1 and scan[a - 1] in "'’$€£¥₹" and token == "000":
            return True  # "Cases ('000)", "£000": thousands, as a table heading writes them
        if a >= 1 and scan[a - 1] == "[" and scan[b:b + 1] == "]":
            return True  # "[12]": a footnote or reference mark
        if nxt in _LIST_MARK_FIRST and len(token) <= 2 and _LIST_MARK_AFTER.match(scan, b) and not scan[
            scan.rfind("\n", 0, a) + 1:a
        ].strip("( \t"):
            return True  # "1. The Coalition ...", "(2) ...": a numbered list's mark
        if (nxt == ":" or (scan[b + 1:b + 2] if nxt.isspace() else nxt) in _CLOCK_FIRST) and (
            ckm := _CLOCK_AFTER.match(scan, b)
        ) and (len(token) == 4 or not ckm.group().strip().lower().startswith("hrs")):
            return True  # "10:30", "9pm", "1400 hrs" (but "3 hrs" is a duration)
        plain = "," not in token and "." not in token
        if plain and len(token) == 4 and 1000 <= int(token) <= 2100:
            # A bare four-digit number is a year unless a unit, scale or currency makes it an
            # amount. Publishers write counts of this size with a separator ("1,500").
            # Below 1900, a count of a plural noun is an amount too: "1000 customers".
            if not (
                _PERCENT_AFTER.match(scan, b)
                or _SCALE_WORD_AFTER.match(scan, b)
                or _currency_before(scan, a)
                or _UNIT_AFTER.match(scan, b)
                or (nxt in _SYMBOL_FIRST or nxt == " " and scan[b + 1:b + 2] in _SYMBOL_FIRST)
                and _SYMBOL_AFTER.match(scan, b)
                or self._sign_next(b) and _CURRENCY_SIGN_AFTER.match(scan, b)
                or int(token) < 1900 and _PLURAL_NOUN_AFTER.match(scan, b)
                or before.rstrip(" \t")[-1:] == ":" and self._count_label(a, b)
            ) or _YEAR_RANGE_AFTER.match(scan, b):
                return True
        if plain and len(token) <= 2 and 1 <= int(token) <= 31:
            if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(scan, b):
                return True
        idm = None
        if "," not in token:
            # A name has no spaces and ends right before the figure (or its space and hyphen):
            # it starts after the last space before that, so the search starts there too.
            cut = len(before) - 2
            start = max(before.rfind(" ", 0, cut), before.rfind("\n", 0, cut)) + 1
            tail = before[start:]
            low = tail.lower()
            if tail != low or "#" in tail or "p." in tail or "para" in tail or (
                low.rstrip("-").rstrip().endswith(_LOWER_CASE_NAMES)
            ):
                idm = _IDENTIFIER_BEFORE.search(before, start)
        if idm and not _currency_before(before, len(before), len(before)):
            # "UNSCR 2254", "Article 5", "Section 3.2", "SDG 4": a name, not an amount. A word
            # in capitals that is plain English ("OVER 9,000 TROOPS") is no acronym, and an
            # acronym before a decimal, a percentage or a scale word ("GDP 3.5%") is no name.
            word = idm.group().rstrip(" -")
            caps = word.isupper()
            english = caps and (word.lower() in _CAPS_WORDS or len(word) >= 7)
            amount = caps and ("." in token or _PERCENT_AFTER.match(scan, b) is not None
                               or _SCALE_WORD_AFTER.match(scan, b) is not None)
            if not english and not amount:
                return True
        return False

    def _count_label(self, a: int, b: int) -> bool:
        """ "BG: 1430" alone on its line: a count, unless the label names a date ("Founded")."""
        scan = self.scan
        ls = scan.rfind("\n", max(0, a - 80), a) + 1
        if ls == 0 and a > 80 or not _LINE_END.match(scan, b):
            return False
        label = scan[ls:a].rstrip().rstrip(":").strip(" \t•*-").lower()
        if not label or ":" in label or len(label) > 60:
            return False
        words = _WORDS_OF_LABEL.findall(label)
        return not any(w in W.DATE_LABEL_WORDS for w in words) and "as of" not in label

    def _upper_scale(self, a: int, b: int, token: str) -> re.Match[str] | None:
        """A scale in capitals right after the figure ``scan[a:b]`` ("21.6M", "$4.3B"), if any."""
        scan = self.scan
        um = _SCALE_ABBR_UPPER.match(scan, b)
        if um is None:
            return None
        if um.group("s") == "T":
            return um if _currency_before(scan, a) is not None else None
        if "." in token or _currency_before(scan, a) is not None:
            return um
        if um.group("s") != "K" and _SMALL_WORD_AFTER.match(scan, um.end()):
            return um
        return None

    def _scale(self, fig: _Figure, b: int) -> int:
        scan = self.scan
        sm = _SCALE_WORD_AFTER.match(scan, b)
        if sm is None:
            sm = _SCALE_ABBR_ATTACHED.match(scan, b)
            if sm is not None and sm.group("s").lower() == "m" and (
                _METRES_HINT.match(scan, sm.end()) and fig.measures != "money"
            ):
                # "a 100m sprint", "8m high": metres, not millions.
                fig.unit, fig.measures = "m", "length"
                fig.end = b = sm.end()
                sm = None
            if sm is None and fig.measures == "money":
                sm = _SCALE_ABBR_SPACED.match(scan, b)
            if sm is None and scan[b:b + 1].isupper():
                # (The tests of _upper_scale: a decimal written, money, or a small word next.)
                um = _SCALE_ABBR_UPPER.match(scan, b)
                if um is not None and (fig.measures == "money" if um.group("s") == "T" else (
                    fig.decimals or fig.measures == "money" or (
                        um.group("s") != "K" and _SMALL_WORD_AFTER.match(scan, um.end())
                    )
                )):
                    sm = um
        if sm is None and fig.scale == 1 and (scan[b:b + 1] in ("[", "]") or scan[
            b:b + 2
        ] == " [") and (
            bm := _BRACKET_SCALE.match(scan, b)
        ) is not None and (bm.group("open") or _FIGURE_BRACKET_BEFORE.search(
            scan, max(0, fig.start - 16), fig.start
        )):
            # WHO's "1.5 [1.4–1.7] million people": the scale after the bracketed uncertainty
            # range is the figure's and the range's.
            scale = nums.SCALES[bm.group("s").lower()]
            fig.scale = scale
            fig.value *= scale
            if fig.value_high is not None:
                fig.value_high *= scale
            return b if bm.group("open") else bm.end()
        if sm is not None:
            key = " ".join(sm.group("s").lower().split())
            fig.scale = nums.SCALES["tn" if key == "t" else key]
            fig.value *= fig.scale
            if fig.value_high is not None:
                fig.value_high *= fig.scale
            fig.end = b = sm.end()
            while b < len(scan) and b - fig.end < 2 and scan[b].isdigit():
                b += 1  # the footnote's mark: what is counted comes after it
        return b

    def _right(self, fig: _Figure, b: int) -> None:
        """Read what follows a figure: percent, currency word, unit, compound, rate, noun."""
        scan = self.scan
        if self._tables and self._table_cell(fig, b):
            return
        c1 = scan[b:b + 1]
        if fig.measures != "money" and (c1 in _SIGN_FIRST or c1 in _BLANKS_AFTER and scan[
            b + 1:b + 2
        ] in _SIGN_FIRST) and (cs := _CURRENCY_SIGN_AFTER.match(scan, b)) is not None:
            # "773 billion $", "45 000 €": the sign after the amount, as continental texts put it.
            fig.unit, fig.measures = W.CURRENCY_SIGNS_AFTER[cs.group("c")], "money"
            b = fig.end = cs.end()
        b0 = b
        am = (_AFTER_MONEY if fig.measures == "money" else _AFTER_FIGURE).match(scan, b) or (
            _NO_MATCH
        )
        kind = am.lastgroup
        if kind == "pct":
            fig.unit, fig.measures, fig.kind = "percent", "share", "share"
            b = fig.end = am.end()
        elif kind == "cw":
            cw = _fold(am.group("cw_w")).lower()
            fig.unit, fig.measures = U.CURRENCY_WORDS[cw], "money"
            b = fig.end = am.end()
            sub = W.CURRENCY_SUBUNITS.get(cw)
            if sub is not None:
                # "34 cents" is US$0.34, read to the cent.
                fig.value /= sub[1]
                if fig.value_high is not None:
                    fig.value_high /= sub[1]
                fig.decimals += 2
        elif kind == "cmp":
            w = am.group("cmp_w").lower()
            if w in ("year", "month", "week", "day", "hour"):
                fig.unit, fig.measures = w, "duration"
                if am.group("old"):
                    fig.counted = "age"
            elif w in ("mile", "kilometre", "kilometer", "km"):
                fig.unit, fig.measures = {"mile": "mi"}.get(w, "km"), "length"
            elif (uw := U.UNIT_WORDS.get(w.replace("-", " ") + "s") or U.UNIT_WORDS.get(
                w.replace("-", " ")
            )) is not None:
                fig.unit, fig.measures = uw  # "a 45-acre farm", "a 20-pound bag"
            else:
                fig.counted = {"strong": "members", "people": "people",
                               "person": "people"}.get(w, w + "s")
            b = fig.end = fig.counted_end = am.end()
        elif kind == "unit":
            key = _fold(am.group("unit_w")).lower()
            fig.unit, fig.measures = U.UNIT_WORDS[key]
            if key == "mt" and am.group("unit_w") == "Mt":
                fig.unit = "Mt"  # megatonnes; "mt" in small letters is metric tons
            if fig.unit == "lb" and key.startswith("pound") and self._about_money(fig):
                fig.unit, fig.measures = "GBP", "money"  # "361 million pounds in profit"
            if fig.unit == "percent":
                fig.counted = U.UNIT_WORDS[key][1]
            b = fig.end = am.end()
            if fig.unit == "year":
                om = _OLD_AFTER.match(scan, b)
                if om is not None:
                    fig.counted = "age"  # "25-34 year-olds", "5 years old"
                    b = fig.end = om.end()
                elif "age" in scan[max(0, fig.start - 30):fig.start].lower() and (
                    _AGE_BEFORE.search(scan, max(0, fig.start - 30), fig.start)
                ) or _mentions(scan[max(0, fig.start - 40):fig.start], _AGE_LIMIT_WORDS) and (
                    _PEOPLE_AGED_BEFORE.search(scan, max(0, fig.start - 40), fig.start)
                ):
                    fig.counted = "age"  # "aged 18 years or older", "persons under 5 years"
        elif kind == "sym":
            sym = am.group("sym_sp") or am.group("sym_at")
            fig.unit, fig.measures = U.UNIT_SYMBOLS[sym][:2]
            b = fig.end = am.end()
        elif kind == "none" and fig.measures == "count" and scan[b:b + 3] == " in" and (
            im := _INCH_AFTER.match(scan, b)
        ) is not None:
            fig.unit, fig.measures = "inch", "length"  # "2 in thick", "6 in."
            b = fig.end = im.end()
        elif "age" in scan[max(0, fig.start - 30):fig.start].lower() and (
            age := _AGE_BEFORE.search(scan, max(0, fig.start - 30), fig.start)
        ):
            fig.unit, fig.measures, fig.counted = "year", "duration", "age"
            # "under the age of 18": the qualifier stands before "the age of";
            # "aged under 18": inside the phrase.
            fig.qual_start = age.start()
            if age.group("q"):
                fig.qualifier = _QUALIFIERS[_fold(age.group("q")).lower()]
        elif (
            fig.value <= 120 and fig.value.denominator == 1
            and _mentions(scan[max(0, fig.start - 40):fig.start], _AGE_LIMIT_WORDS)
            and _PEOPLE_AGED_BEFORE.search(scan, max(0, fig.start - 40), fig.start)
        ):
            # "children under 5 accounted for ...", "adults over 65": an age limit.
            fig.unit, fig.measures, fig.counted = "year", "duration", "age"
        elif kind == "unk":
            if scan[b - 1:b].isdigit():
                fig.unit, fig.measures = _UNKNOWN, "unknown"
                b = fig.end = am.end()
        elif kind == "inn":
            # "$3 per 1,000 litres" is a price, not a share.
            if (not am.group("per") or fig.measures == "count") and (
                fig.value_high is None and fig.scale == 1
            ):
                d = am.group("n").lower()
                parsed = nums.parse_words(d)
                den = parsed[0] if parsed and not d[0].isdigit() else Fraction(
                    int(d.replace(",", ""))
                )
                if den > fig.value:
                    fig.value = fig.value / den
                    fig.unit, fig.measures, fig.kind = "dimensionless", "share", "share"
                    fig.step = Fraction(0)
                    b = fig.end = am.end()
        elif kind == "times":
            fig.unit, fig.measures, fig.kind = "dimensionless", "multiple", "multiple"
            b = fig.end = am.end()
        if fig.value_high is None and (b > b0 or fig.scale > 1) and (
            scan[b:b + 4].lstrip(" \t")[:1] in _TAIL_FIRST
        ):
            b = self._range_tail(fig, b0, b)
        if fig.qualifier is _EXACT and scan[b:b + 4].lstrip()[:2] in ("or", "an"):
            om = _OR_MORE_AFTER.match(scan, b)
            if om is not None:
                # "5,000 or more people", "aged 65 and over", "2% or higher": the figure is a
                # bound, and what it counts comes after the phrase.
                fig.qualifier = _AT_LEAST if om.group("w").lower() in _OR_MORE else _AT_MOST
                b = fig.end = om.end()
        rate_units = ("count", "money", "length", "mass", "volume", "energy", "share")
        rm = _rate_after(scan, b) if fig.measures in rate_units else None
        if rm is not None and fig.measures == "share" and rm.group().lstrip()[:5].lower() == "every":
            rm = None  # "the 2% target every year": how often, not a rate of 2% a year
        if rm:
            # A rate written right after the figure: "$3 million a year", "5 km per hour".
            fig.unit = f"{fig.unit}/{U.TIME_UNITS[rm.group('t').lower()]}"
            b = fig.end = fig.counted_end = rm.end()
        elif fig.measures == "money" and scan[b:b + 3].lstrip(" \t")[:1] in _PER_FIRST and (
            "/" not in fig.unit
        ) and (pu := _PER_UNIT_AFTER.match(scan, b)) is not None:
            per = U.UNIT_WORDS.get(_fold(pu.group("u")).lower()) or U.UNIT_SYMBOLS.get(
                pu.group("u"), ("", "", False)
            )[:2]
            if per[0] and "/" not in per[0] and "*" not in per[0]:
                # A price: "$350 per kg", "US$ 60 per barrel", "€0.25/kWh".
                fig.unit = f"{fig.unit}/{per[0]}"
                b = fig.end = fig.counted_end = pu.end()
        elif (fig.unit == _COUNT and fig.scale == 1 and fig.kind == "figure" and not fig.counted
              and fig.value_high is None and scan[b + 1:b + 4] == "and"
              and (el := _ELLIPTIC_AND.match(scan, b)) is not None):
            # "45 and 50 mg", "52 and 48 per cent": the first figure is in the second's unit.
            em = _AFTER_FIGURE.match(scan, el.end())
            if em is not None and em.lastgroup in ("pct", "unit", "sym"):
                if em.lastgroup == "pct":
                    fig.unit, fig.measures, fig.kind = "percent", "share", "share"
                elif em.lastgroup == "unit":
                    fig.unit, fig.measures = U.UNIT_WORDS[_fold(em.group("unit_w")).lower()]
                else:
                    fig.unit, fig.measures = U.UNIT_SYMBOLS[
                        em.group("sym_sp") or em.group("sym_at")
                    ][:2]
                if fig.unit == "percent" and fig.measures != "share":
                    fig.counted = fig.measures  # ("percentage points")
        if not fig.counted:
            label = self._line_label(fig, b)
            if label:
                fig.counted = label  # "Civilians killed: 412", "Bank Rate      5.25%"
            else:
                self._counted(fig, self._past_bracket_range(fig, b))
        # A rate after the counted noun: "42,500 persons per day".
        rm2 = _rate_after(scan, fig.counted_end) if not rm else None
        if rm2 is not None and fig.measures == "share" and rm2.group().lstrip()[:5].lower() == "every":
            rm2 = None
        if rm2 and fig.measures in rate_units:
            fig.unit = f"{fig.unit}/{U.TIME_UNITS[rm2.group('t').lower()]}"
            fig.counted_end = rm2.end()
        elif fig.counted and fig.measures == "count" and "per" in scan[
            fig.counted_end:fig.counted_end + 6
        ]:
            self._per_base(fig)

    def _sign_next(self, b: int) -> bool:
        """True when a currency sign may follow at *b* (after at most one blank)."""
        c = self.scan[b:b + 1]
        if c in _BLANKS_AFTER:
            c = self.scan[b + 1:b + 2]
        return c != "" and c in _SIGN_FIRST

    def _about_money(self, fig: _Figure) -> bool:
        """True when the words of its sentence around a figure in "pounds" are about money."""
        ss, se = self.layout.sentence(fig.start)
        around = self.scan[max(ss, fig.start - 80):min(se, fig.end + 60)].lower()
        return any(map(around.__contains__, W.MONEY_WORDS))

    def _range_tail(self, fig: _Figure, b0: int, b: int) -> int:
        """A range whose two ends each carry the scale or unit: "12.4 million–15.1 million".

        *b0* is where the first figure's unit starts (after its scale word) and *b* where it
        ends; the second figure must repeat the same scale and the same unit words. Returns
        where the figure now ends.
        """
        scan = self.scan
        tm = _RANGE_TAIL.match(scan, b)
        if tm is None:
            return b
        if tm.group("and") and not _BETWEEN_BEFORE.search(
            scan, max(0, fig.start - 12), fig.start
        ):
            return b  # "45 and 50 mg": two figures, unless "between" opened a range
        if tm.group("to") and _FROM_BY_BEFORE.search(scan, max(0, fig.start - 6), fig.start):
            return b  # "from 44 mg to 50 mg": a change, two figures
        c = tm.group("c")
        if c and U.CURRENCY_PREFIXES.get(c.replace(" ", "")) != fig.unit:
            return b
        e = tm.end()
        if _RUN_ON_AFTER.match(scan, e):
            return b
        try:
            hv, hd = nums.parse_digits(tm.group("n"))
        except ValueError:
            return b
        if fig.scale > 1:
            sm = _SCALE_WORD_AFTER.match(scan, e) or _SCALE_ABBR_ATTACHED.match(scan, e)
            if sm is None or nums.SCALES.get(" ".join(sm.group("s").lower().split())) != fig.scale:
                return b
            e = sm.end()
        unit_words = scan[b0:b].strip()
        if unit_words:
            e2 = e + 1 if scan[e:e + 1] in (" ", "\u00a0") else e
            end2 = e2 + len(unit_words)
            if scan[e2:end2].lower() != unit_words.lower() or scan[end2:end2 + 1].isalnum():
                return b
            e = end2
        elif fig.scale == 1:
            return b
        hv *= fig.scale
        if hv <= fig.value:
            return b
        fig.value_high = hv
        fig.decimals = max(fig.decimals, hd)
        fig.qualifier = _RANGE
        fig.end = e
        return e

    def _per_base(self, fig: _Figure) -> None:
        """A count per so many of something: "223 deaths per 100,000 live births".

        The base (its number and noun) joins what is counted, so that the figure is compared
        with figures of the same rate, and its number is no figure of its own.
        """
        scan = self.scan
        pm = _PER_BASE_AFTER.match(scan, fig.counted_end)
        if pm is None:
            return
        words: list[str] = []
        pos = end = pm.end()
        limit = min(len(scan), pos + 80)
        while len(words) < 3:
            m = _WORD_TOKEN.match(scan, pos, limit)
            if m is None:
                break
            w = m.group("w")
            lw = w.lower()
            if (lw in _STOP_WORDS and lw != "live") or lw in nums.ONES or lw in nums.TENS or (
                words and lw.endswith(("ed", "ly"))
            ):
                break  # ("live" is no verb here: "per 1,000 live births")
            words.append(w)
            pos = end = m.end()
            low = lw.rstrip("'’")
            if low in _IRREGULAR_PLURALS or low[-1:] == "s" and _PLURAL.fullmatch(low) and (
                low not in _NOT_PLURAL
            ):
                break  # the head noun ends the phrase: "live births | in 2020"
        base = " ".join(["per", _fold(pm.group("n")), *words])
        fig.counted = f"{fig.counted} {base}"
        fig.counted_end = end

    # -- pipe tables

    def _table_cell(self, fig: _Figure, b: int) -> bool:
        """A figure alone in a cell of a pipe table takes its meaning from the table.

        "| Housing | 55.9 |" under "| Sector | Damage (US$ billion) |" is 55.9 billion US dollars
        of housing damage: the column's heading gives the unit and scale its cells leave out
        (a currency, a scale word, "%" or a unit, in brackets or after a comma), and the row's
        first cell and the heading say what is counted. True when the cell was read so.
        """
        text = self.text
        ls = self.layout.line_start(fig.start)
        if fig.start - ls > MAX_ROW_CHARS or text[ls:ls + 16].lstrip()[:1] != "|":
            return False  # (a row is a line of bounded length: the work per figure stays so)
        ce = text.find("|", b, b + MAX_ROW_CHARS)
        le = text.find("\n", b, b + MAX_ROW_CHARS)
        if ce < 0 or (0 <= le < ce) or text[b:ce].strip(" \t*_`") or text[
            text.rfind("|", ls, fig.start) + 1:fig.start
        ].strip(" \t*_`+"):  # ("+4.2": a change, its sign no word)
            return False  # not a row, or more than the figure in its cell ("12 countries")
        header = self._table_header(ls)
        if header is None:
            return False
        col = text.count("|", ls, fig.start) - 1
        if not 0 < col < len(header.cells):
            return False
        heading, hint = header.cells[col]
        row = text[ls:fig.start].split("|")[1].strip(" \t*_`")
        if hint is None and (rm := _HEADING_HINT.search(row)):
            # Metrics in rows, years in columns: "| Renewable electricity (%) | 39 | 45 |".
            hint = _heading_hint(rm.group("b") or "") if rm.group("b") else None
        if hint is not None and fig.scale == 1:
            scale, unit, measures = hint
            plain = fig.measures == "count" and fig.unit == _COUNT
            if scale > 1 and (plain or unit in ("", fig.unit)):
                fig.scale = scale
                fig.value *= scale
                if fig.value_high is not None:
                    fig.value_high *= scale
            if unit and plain:
                fig.unit, fig.measures = unit, measures
                if measures == "share":
                    fig.kind = "share"
        label = row if any(map(str.isalpha, row)) else ""  # not a year or a number
        if label:
            # "Population estimates, July 1, 2023, (V2023)", "Median income (in 2022 dollars)":
            # the name without its dates and notes.
            label = _LABEL_NOTE.sub("", label)
            head, comma, rest = label.partition(",")
            if comma and any(map(str.isdigit, rest)):
                label = head
            label = label.strip(" ,")
        if heading.lower() in _GENERIC_HEADINGS:
            heading = ""  # "| item | count |": the row says what is counted
        elif _YEAR_HEADING.fullmatch(heading):
            fig.as_of = heading  # "| Metric | 2022 | 2023 |": the column is a time
            heading = ""
        counted = " ".join(w for w in (label, heading) if w)
        if counted:
            fig.counted = _fold(counted)
        return True

    def _table_header(self, line_start: int) -> _TableHeader | None:
        """The heading of the pipe table whose row starts at *line_start* (None: no table)."""
        known = self._table_of_line.get(line_start, _UNREAD)
        if known is not _UNREAD:
            return known  # type: ignore[return-value]
        text = self.text
        # The rows above, up to the table's first line or a row whose table is known.
        rows = [line_start]
        header: _TableHeader | None = None
        while rows[-1] > 0:
            above = text.rfind("\n", 0, rows[-1] - 1) + 1
            if text[above:rows[-1]].lstrip()[:1] != "|":
                break
            if above in self._table_of_line:
                header = self._table_of_line[above]
                break
            rows.append(above)
        if header is None and len(rows) >= 3:
            first, rule = rows[-1], rows[-2]
            rule_end = text.find("\n", rule)
            if _TABLE_RULE_LINE.fullmatch(text, rule, rule_end if rule_end >= 0 else len(text)):
                end = text.find("\n", first)
                header = _TableHeader(text[first:end if end >= 0 else len(text)])
        for r in rows:
            self._table_of_line[r] = header
        return header

    def _line_label(self, fig: _Figure, b: int) -> str:
        """The label of a "label: value" line, when the figure ends its line.

        Key-figure boxes and statistical tables write "Civilians killed: 412", "Bank Rate
        5.25%" (columns aligned with spaces) or "Education ........ 1,200": what the figure
        counts is the label before it, not the words on the next line.
        """
        scan = self.scan
        colon_after = False
        if not _LINE_END_AFTER.match(scan, b):
            # "Villages attacked: 19 (plus 3 towns)", "Attacked: 7, of which 4 ...": after a
            # label's colon, a bracket or a clause may follow the figure.
            if scan[b:b + 3].lstrip(" \t")[:1] not in ("(", ",", ";"):
                return ""
            colon_after = True
        ls = self.layout.line_start(fig.qual_start)
        if fig.qual_start - ls > 160:
            return ""  # a label line is short
        # The label starts after the line's last sentence end: "... people. Civilians killed:".
        start = ls
        for sm in _LABEL_STOP.finditer(scan, ls, fig.qual_start):
            start = sm.end()  # (a dotted leader's dots are no sentence end)
        m = _LINE_LABEL.fullmatch(scan, start, fig.qual_start)
        if m is None or colon_after and not m.group("colon"):
            return ""
        words = _fold(m.group("label")).split()
        return " ".join(words[-6:]) if 0 < len(words) <= 12 else ""

    def _past_bracket_range(self, fig: _Figure, b: int) -> int:
        """Where the counted noun starts: after a bracketed uncertainty range that follows the
        figure ("36.7 million [34.0 million–39.8 million] people"), or that the figure is."""
        scan = self.scan
        if scan[b:b + 1] == "]" or scan[b:b + 2] == " ]":
            if fig.value_high is not None and "[" in scan[max(0, fig.start - 2):fig.start]:
                cm = _BRACKET_CLOSE.match(scan, b)
                return cm.end() if cm is not None else b
        elif (scan[b:b + 1] == "[" or scan[b:b + 2] == " [") and (
            rm := _BRACKET_RANGE_AFTER.match(scan, b)
        ) is not None:
            return rm.end()
        return b

    def _counted(self, fig: _Figure, b: int) -> None:
        """The noun phrase after a figure says what is counted: "4.3 million displaced people"."""
        scan = self.scan
        if scan[b + 1:b + 2] in "aotAOT" and _A_YEAR_AGO.match(scan, b):
            return  # "81.6% a year earlier", "US$ 22.3 billion a year ago": a time, no noun
        words: list[str] = []
        pos = b
        end = b
        leading = True
        limit = min(len(scan), b + 160)
        last_hyphen = scan.rfind("-", b, limit)  # a hyphen ahead of pos: last_hyphen >= pos
        while len(words) < 5 and pos < limit:
            m = _WORD_TOKEN.match(scan, pos, limit)
            if m is None:
                break
            w = m.group("w")
            lw = w.lower().rstrip("'’")
            if leading and not words and lw in _LEAD_SKIP and fig.measures in (
                "money", "share", "area", "count", "length", "duration", "mass", "volume", "unknown"
            ):
                # "$20 billion in stabilisation assistance", "62 percent of the terrain".
                if lw in ("in", "for", "on") and fig.measures not in ("money",):
                    break
                if lw in ("in", "on") and (nm := _WORD_TOKEN.match(scan, m.end(), limit)) and (
                    nm.group("w") in _MONTH_NAMES or _PERIOD_NAME.match(nm.group("w"))
                    or nm.group("w").lower() in ("fiscal", "financial", "calendar", "school")
                ):
                    break  # "$16.5 million in January": a date, not what it is for
                pos = m.end()
                continue
            if leading and not words and lw in _MORE_FEWER and fig.measures == "count":
                # "50,000 more nurses", "6,000 fewer GPs", "5.2 million other people": the noun
                # comes after the comparative.
                pos = m.end()
                continue
            head = lw.split("-")[0]  # "Twenty-" broken at a line's end is a number word too
            if lw in _STOP_WORDS or head in nums.ONES or head in nums.TENS or head in nums.SCALES:
                break
            if words:
                prev = words[-1]
                if prev[:1].islower() and w[:1].isupper() and not self._modifier_run(m.end(), limit):
                    break  # "the terrain | ISIS once controlled", but "mid-level ISIS leaders"
                low = prev.lower()
                if (low[-1:] == "s" and _PLURAL.fullmatch(low) and low not in _NOT_PLURAL
                        or low in _IRREGULAR_PLURALS):
                    break  # the head noun of a phrase is its last: "partners | contribute"
                if lw.endswith("ed") and lw not in _PARTICIPLE_NOUNS and not prev.rstrip(
                    "-"
                ).endswith("ly"):
                    break  # "troops | deployed"
                if lw.endswith("ly") and lw not in _LY_NOUNS:
                    break
            if w[-1].isdigit() and (_FOOTNOTED_WORD.fullmatch(w) or w[-1] in _SUPERSCRIPTS):
                # "35.3 million refugees2", "refugees¹": a footnote's mark ends the phrase.
                words.append(w.rstrip("0123456789" + _SUPERSCRIPTS))
                end = m.end()
                break
            words.append(w.rstrip("'’"))
            leading = False
            end = m.end()
            pos = end
            # (Both forms of a suspended "to" need a hyphen ahead.)
            tm = _SUSPENDED_TO.match(scan, pos, limit) if last_hyphen >= pos else None
            if tm and len(words) < 4:
                # "senior to mid-level ISIS leaders", "mid- to senior-level leaders"
                words.append("to")
                pos = tm.end()
                continue
            am = _AND_TOKEN.match(scan, pos, limit)
            if am and len(words) <= 3:
                nm = _WORD_TOKEN.match(scan, am.end(), limit)
                if nm:
                    nw = nm.group("w").lower().split("-")[0]
                    if (nw not in _STOP_WORDS and nw not in nums.ONES and nw not in nums.TENS
                            and not (w[:1].islower() and nm.group("w")[:1].isupper())):
                        words.append("and")
                        pos = am.end()
        while words and words[-1].lower() == "and":
            words.pop()
        if words:
            # Trim to the last real word read.
            last = words[-1]
            end = scan.find(last, b, end + 1) + len(last) if last else end
            # "internally-\ndisplaced people": a word broken at a line's end is one word again
            # (but "mid- to senior-level" keeps its space).
            counted = " ".join(words)
            fig.counted = _BROKEN_HYPHEN.sub("-", counted) if "- " in counted else counted
            fig.counted_end = end

    def _modifier_run(self, pos: int, limit: int) -> bool:
        """True when the capitalised word just read is followed by more of the noun phrase."""
        scan = self.scan
        for _ in range(3):
            m = _WORD_TOKEN.match(scan, pos, limit)
            if m is None:
                return False
            w = m.group("w")
            if w[:1].isupper():
                pos = m.end()
                continue
            lw = w.lower()
            return not (lw in _STOP_WORDS or lw.endswith(("ed", "ly")))
        return False

    # -- number words

    def _words(self, m: re.Match[str]) -> _Figure | None:
        scan = self.scan
        a = m.start()
        toks = [m.group()]
        am = _A_BEFORE.search(scan, max(0, a - 10), a)
        if am and m.group().lower() in ("hundred", "thousand", "million", "billion", "dozen"):
            # "a million people", "a dozen countries", "half a million"
            a = am.start()
            toks.insert(0, _fold(am.group()).strip())
        elif m.group().lower() in _WORD_SCALES_AND_DOZEN:
            return None  # a scale word alone (".5 million", "Million Man March") is no figure
        # Read the whole number phrase: "twenty-six", "two hundred and five", "four million".
        pos = m.end()
        while len(toks) < 24:  # bounded: "nine hundred and ninety-nine million ..." fits
            nm = _NUMBER_WORD_NEXT.match(scan, pos)
            if not nm:
                break
            w = nm.group("w").lower()
            if w not in nums.ONES and w not in nums.TENS and w not in _WORD_SCALES:
                break
            if nm.group().count("\n") >= 2:
                break  # "twenty" | blank line | "five new members": a paragraph ends a figure
            prev = toks[-1].lower()
            if prev == "dozen" or (nm.group("and") and prev not in _WORD_SCALES):
                break  # "a dozen | five-year plans", "three | and four"
            if w in _WORD_SCALES:
                if prev in _WORD_SCALES[1:] and w != "hundred":
                    break  # "thousand million" is not how figures are written now
            elif prev in nums.ONES or (prev in nums.TENS and (w in nums.TENS or nums.ONES[w] >= 10)):
                break  # "five | six", "twenty | thirty": two figures, not one
            toks.append(nm.group("w"))
            pos = nm.end()
        phrase = " ".join(toks)
        low = phrase.lower()
        half = low.startswith("half")
        parsed = nums.parse_words(low.replace("half", "", 1) if half else low)
        if parsed is None:
            return None
        value, place = parsed
        if half:
            value /= 2
        hm = _AND_A_HALF.match(scan, pos) if value < 100 and place == 1 else None
        if hm is not None:
            # "two and a half million people" is 2.5 million; "two and a half miles" 2.5 miles.
            value += Fraction(1, 2)
            pos = hm.end()
            if hm.group("s"):
                place = nums.SCALES[hm.group("s").lower()]
                value *= place
                place //= 10
            else:
                place = 0
        fig = _Figure(a, pos, value)
        # Words are read as their digits would be: "twenty-six" as 26 (exact for a count),
        # "four million" as "4 million" (to the million), "half a million" as "0.5 million".
        if half:
            place //= 10
        fig.word_place = place if place >= 1000 else 0
        # Fractions: "two-thirds" (number word followed by a fraction word) go to _fraction.
        fm = _FRACTION_NEXT.match(scan, pos)
        if fm and value < 10 and fm.group("f").lower() != "half":
            return self._share(a, fm.end(), value / nums.FRACTION_WORDS[fm.group("f").lower()])
        if value >= 1000 and place >= 1000:
            fig.scale = place
        lone_one = fig.value == 1
        if scan[pos:pos + 1] in _HYPHENS and (cm := _COMPOUND_NAME_AFTER.match(scan, pos)):
            return self._compound_name(fig, cm)
        self._right(fig, pos)
        if lone_one and fig.unit == _COUNT and fig.kind == "figure" and not (
            _QUALIFIER_BEFORE_REVERSED.match(scan[max(0, a - 40):a][::-1])
        ):
            # "one of the largest", "one country": a lone "one" is too often not a figure
            # (but "at least one dose", "more than one child" are).
            return None
        if fig.value == 0 and fig.unit == _COUNT:
            return None
        return fig

    def _fraction(self, m: re.Match[str]) -> _Figure | None:
        word = m.group().lower()
        denom = nums.FRACTION_WORDS[word]
        a = m.start()
        am = _A_BEFORE.search(self.scan, max(0, a - 10), a)
        if am and not am.group("half"):
            a = am.start()  # "a third of", "a quarter of"
        elif word not in ("half", "halves"):
            return None  # "the third largest", "first quarter": ordinals, not shares
        # "half a million" is a count, read by _words.
        if _HALF_A_SCALE.match(self.scan, m.end()):
            return None
        if (fs := _FRACTION_OF_SCALE.match(self.scan, m.end())) is not None and word in (
            "half", "quarter"
        ):
            # "a quarter million people", "a quarter of a million", "half million": a count.
            scale = nums.SCALES[fs.group("s").lower()]
            fig = _Figure(a, fs.end(), Fraction(scale, denom))
            fig.word_place = scale // 10
            self._right(fig, fs.end())
            return fig
        nm = _ORDINAL_NEXT.match(self.scan, m.end())
        if nm is not None:
            return None  # "for a third consecutive year", "a Half-Decade Review": no share
        return self._share(a, m.end(), Fraction(1, denom))

    def _every(self, m: re.Match[str]) -> _Figure | None:
        """ "Every seventh person" is a share of one in seven (any other "every" is no figure)."""
        em = _EVERY_NTH.match(self.scan, m.end())
        if em is None:
            return None
        o = em.group("o").lower()
        n = W.ORDINAL_DENOMINATORS.get(o) or int(o[:-2])
        if n < 2:
            return None
        fig = self._share(m.start(), em.end(), Fraction(1, n))
        fig.step = _ZERO
        return fig

    def _share(self, a: int, b: int, value: Fraction) -> _Figure:
        fig = _Figure(a, b, value)
        fig.unit, fig.measures, fig.kind = "dimensionless", "share", "share"
        # A fraction in words is rounded to a simple fraction: allow a twentieth either side.
        fig.step = Fraction(1, 10)
        self._counted(fig, b)
        return fig

    def _multiple(self, m: re.Match[str]) -> _Figure | None:
        w = m.group().lower()
        if w == "twice" and not _TWICE_AFTER.match(self.scan, m.end()):
            return None
        if w in W.MULTIPLE_VERBS and (
            self.scan[m.end():m.end() + 1] in _HYPHENS
            or not _MODAL_BEFORE.search(self.scan, max(0, m.start() - 24), m.start())
        ):
            return None  # "a double burden", "triple-A": no multiple
        fig = _Figure(m.start(), m.end(), Fraction(_MULTIPLE_WORDS[w]))
        fig.unit, fig.measures, fig.kind = "dimensionless", "multiple", "multiple"
        fig.step = Fraction(0)
        return fig

    # -- turning a figure into a claim

    def _finish(self, fig: _Figure) -> None:
        scan = self.scan
        # Qualifier: the phrase that ends right before the figure (and its currency sign).
        lo = max(0, fig.qual_start - 40)
        window = scan[lo:fig.qual_start][::-1]
        qm = _QUALIFIER_BEFORE_REVERSED.match(window)
        if qm and fig.qualifier is not _RANGE:
            phrase = _fold(qm.group("q")[::-1]).lower()
            q_start = fig.qual_start - qm.end("q")
            if phrase == "up to" and _VERB_BEFORE_UP.search(scan, max(0, q_start - 14), q_start):
                pass  # "inflation ticked up to 6.8%", "scaled up to £2bn": a level, no ceiling
            elif not (phrase == "over" and fig.measures == "duration" and self._right_after_claim(
                q_start
            )):  # "£1.5bn over five years": the span of the figure before, not "more than"
                fig.qualifier = _QUALIFIERS[phrase]
                fig.qual_start = q_start
        prev_end, prev_measures, prev_qualifier, prev_unit = self._prev
        if fig.qualifier is _EXACT and prev_qualifier is not _EXACT and fig.unit != prev_unit and (
            (fig.measures == prev_measures != "count" or fig.measures == "share"
             and prev_measures == "count")
            and prev_end < fig.qual_start <= prev_end + 4
            and scan[prev_end:fig.qual_start].strip() in ("(", "[")
        ):
            # "more than 100 km (60 miles)", "nearly 67 million (25%)": a figure restated in
            # brackets, in another unit or as a share, is qualified as the figure it restates
            # (not "$128 billion ($80.8 billion in ...)": the same unit is a part of it).
            fig.qualifier = prev_qualifier
        si = self.layout.sentence(fig.start)
        sentence, time, lead_scope, as_written, as_at = self._sentence(si)
        s_start = si[0]
        if fig.qual_start < s_start:
            fig.qual_start = fig.start
        prev = self._last_in_sentence.get(si)
        if not fig.counted:
            nb = _NUMBER_OF_BEFORE.search(scan, max(s_start, fig.start - 200), fig.start)
            if nb:
                fig.counted = _fold(nb.group("n"))
            elif (prev is not None and prev.unit == fig.unit and prev.counted
                  and prev.counted not in _UNIT_COUNTED
                  and not scan[max(s_start, fig.qual_start - 3):fig.qual_start].rstrip().endswith(
                      ("(", "[")
                  )
                  and (_ELLIPSIS_AFTER.match(scan, fig.end)
                       or _PART_OF_BEFORE.search(scan, max(s_start, fig.qual_start - 20),
                                                 fig.qual_start))):
                # "62 percent of the terrain ... and 30 percent in Syria": the figure stands
                # for the same thing in another place. Not "... and 114,300 were resettled",
                # nor a bare figure in brackets after a name ("Ukraine (5.7 million)").
                fig.counted = prev.counted
        scope = self._scope(fig) or lead_scope
        # Precision: the place value of the last written digit.
        if fig.step is None:
            if fig.word_place:
                exact_count = fig.measures == "count" and fig.word_place == 1
                fig.step = _ZERO if exact_count else _step(fig.word_place, 0)
                if fig.measures in ("duration", "share") and fig.word_place == 1:
                    fig.step = _ZERO if fig.measures == "duration" else _step(1, 0)
            elif fig.scale > 1:
                fig.step = _step(fig.scale, fig.decimals)
            elif fig.measures == "count" and fig.decimals == 0:
                fig.step = _ZERO
            else:
                fig.step = _step(1, fig.decimals)
        interval = _interval(fig.qualifier, fig.value, fig.step, fig.value_high)
        q_end = max(fig.end, fig.counted_end)
        own = None
        if fig.as_of is not None:
            time = TimeContext(as_of=fig.as_of, since=time.since, cumulative=time.cumulative)
        elif scan[q_end:q_end + 1].isspace() and scan[q_end + 1:q_end + 3] in _OWN_DATE_FIRST:
            own = _OWN_DATE_AFTER.match(scan, q_end)
            if own is not None and _fold(own.group("d")) != time.as_of:
                # "from US$ 6.0 billion in 2019 to US$ 5.8 billion in 2022": a date right
                # after the figure's words is its own, whatever the sentence's first date is.
                time = TimeContext(as_of=_fold(own.group("d")), since=time.since,
                                   cumulative=time.cumulative)
        quote = self.text[fig.qual_start:q_end]
        stated = _fold(self.text[fig.start:fig.end])
        line, col = self.layout.line_col(fig.qual_start)
        sent_raw_start = s_start
        # The sentence is read from the scan text (markup blanked), so its span is too.
        if as_written and q_end <= si[1]:
            # Folding leaves this sentence as it is (single spaces, one line): so its offsets.
            span_a = fig.qual_start - sent_raw_start
            span_b = span_a + len(scan[fig.qual_start:q_end].strip())
        else:
            span_a = len(_fold(scan[sent_raw_start:fig.qual_start]).lstrip())
            span_b = span_a + len(_fold_strip(scan[fig.qual_start:q_end]))
        section = self.layout.section(fig.start)
        if time.as_of is None and own is None and fig.as_of is None:
            heading_date = self._heading_date(section)
            if heading_date is not None:
                # "A&E Performance – March 2024" above "74.2% of patients were seen ...".
                time = TimeContext(as_of=heading_date, since=time.since, cumulative=time.cumulative)
        if as_at > span_b and own is None and fig.as_of is None and time.as_of is not None:
            between = sentence[span_b:as_at]
            if _COMPARED_WITH.search(between) and any(map(str.isdigit, between)):
                # "6.4%, down from 6.6% in January 2023": the date is the figure compared
                # with, not this one's.
                time = TimeContext(since=time.since, cumulative=time.cumulative)
                if time == _NO_TIME:
                    time = _NO_TIME
        counted = fig.counted or _FALLBACK_COUNTED.get(fig.measures, "figure")
        cid = self._new_id(counted, scope)
        # Positional, in the records' field order (claim.py): a call with keywords builds a dict
        # of them for attrs' __init__ at every claim.
        claim = Claim(
            cid, fig.value, fig.unit, counted, fig.qualifier, stated, interval,
            Provenance(
                self.source, line, col, quote, sentence, section,
                self.revision, fig.qual_start, (span_a, span_b),
            ),
            fig.step, fig.value_high, scope, time, fig.kind,
        )
        self.claims.append(claim)
        if self._change_from is not None and self._change_from is not fig:
            self._from_takes_units_of_to(fig, claim)
        if fig.change_from:
            self._change_from = fig
        self._last_in_sentence[si] = claim
        self._prev = (fig.end, fig.measures, fig.qualifier, fig.unit)
        if fig.counted_end <= fig.end or not (
            scan[fig.end:fig.end + 1] == "[" or scan[fig.end:fig.end + 2] == " ["
        ) or _BRACKET_RANGE_AFTER.match(scan, fig.end) is None:
            fig.end = q_end  # (the bracketed range a counted noun was read past is read next)

    def _heading_date(self, section: str | None) -> str | None:
        """The date a section's heading gives ("March 2024", "25 October 2023"), if any."""
        if not section:
            return None
        hit = self._heading_dates.get(section, _UNREAD)
        if hit is _UNREAD:
            dm = _HEADING_DATE.search(section)
            date = _fold(dm.group(0)) if dm else None
            fy = _YEAR_PAIR.fullmatch(date or "")
            if fy and int(fy.group(2)[-2:]) != (int(fy.group(1)) + 1) % 100:
                date = None  # "2017-03" in a file name is no fiscal year (those run on: 2023-24)
            hit = self._heading_dates[section] = date
        return hit  # type: ignore[return-value]

    def _new_id(self, counted: str, scope: str | None) -> str:
        """A new id, unique in the document, from what a figure counts (and its scope)."""
        base = _slug(counted.split(" per ", 1)[0]) or "figure"
        if base in self.ids and scope:
            # Only a second figure of the same thing is told apart by its scope, so that ids
            # stay the same when a later version adds or drops a place name.
            base = f"{base}-{_slug(scope)}"
        cid = base
        if cid in self.ids:
            # Number repeats from where this base last stopped (a loop from 2 each time would
            # make a text with many figures of one kind quadratic).
            k = self._id_next.get(base, 2)
            while f"{base}-{k}" in self.ids:
                k += 1
            cid = f"{base}-{k}"
            self._id_next[base] = k + 1
        self.ids.add(cid)
        return cid

    def _from_takes_units_of_to(self, fig: _Figure, claim: Claim) -> None:
        """ "Rose from 40 to 55 million people", "from 5.4 to 6.1 per cent": the first figure
        is written without the scale, unit and noun that the second carries for both."""
        prev_fig = self._change_from
        self._change_from = None
        if prev_fig is None or not self.claims or len(self.claims) < 2:
            return
        old = self.claims[-2]
        if old.provenance.offset != prev_fig.qual_start or prev_fig.scale != 1 or (
            old.unit != _COUNT or fig.unit == _COUNT and fig.scale == 1 and not fig.counted
        ):
            return
        gap = self.scan[old.provenance.offset + len(old.provenance.quote):fig.qual_start]
        if not _TO_GAP.fullmatch(gap):
            return
        value = old.value
        scale = 1
        if fig.scale > 1 and abs(value) < 1000:
            scale = fig.scale
            value = value * scale
        step = _step(scale, prev_fig.decimals) if scale > 1 or prev_fig.decimals or (
            fig.measures != "count"
        ) else _ZERO
        counted = claim.counted if fig.counted else _FALLBACK_COUNTED.get(fig.measures, "figure")
        self.ids.discard(old.id)
        cid = self._new_id(counted, old.scope)
        self.claims[-2] = attrs.evolve(
            old, id=cid, value=value, unit=fig.unit, counted=counted, step=step,
            interval=_interval(old.qualifier, value, step, None), kind=fig.kind,
        )

    def _right_after_claim(self, pos: int) -> bool:
        """True when the last claim's quote ends just before *pos* (only blanks between)."""
        if not self.claims:
            return False
        p = self.claims[-1].provenance
        end = p.offset + len(p.quote)
        return end <= pos and pos - end <= 3 and not self.scan[end:pos].strip()

    def _scope(self, fig: _Figure) -> str | None:
        scan = self.scan
        a = max(fig.end, fig.counted_end)
        window_end = min(len(scan), a + 80)
        # A scope within the window first: most figures have none, and then the clause's end
        # need not be found (the pattern looks back but never ahead, so no text cut shorter
        # holds a match where the whole window holds none).
        sm = _SCOPE_AFTER.search(scan, a, window_end)
        if not sm:
            return None
        # The clause ends at punctuation or at the next figure: the scope is read before it.
        cut = _CLAUSE_END.search(scan, a, window_end)
        if cut and cut.start() < sm.end():
            sm = _SCOPE_AFTER.search(scan, a, cut.start())
            if not sm:
                return None
        if scan[sm.end():sm.end() + 1].isdigit() or _PERIOD_NAME.match(sm.group("s")):
            return None  # "in H1 2023", "in Q3", "in FY2024": a period, not a place
        s = _fold(sm.group("s"))
        if _MONTH_WHOLE.fullmatch(s) or s.split()[0] in ("The", "A", "An", "This"):
            return None
        return s

    def _sentence(self, si: tuple[int, int]) -> tuple[str, TimeContext, str | None, bool, int]:
        hit = self._sentence_cache.get(si)
        if hit is not None:
            return hit
        raw = self.scan[si[0]:si[1]]
        sentence = _fold_strip(raw)
        # (Most sentences have neither "19" nor "20": the year pattern is then not tried.)
        dated = ("19" in sentence or "20" in sentence) and _YEAR_HINT.search(sentence) or (
            _MONTH_HINT.search(sentence)
        ) or "FY" in sentence
        folded = sentence.lower()
        # Every "since" the pattern matches is an "S" or "s" before the first "ince" or later.
        ince = sentence.find("ince")
        since = _SINCE.search(sentence, max(ince - 1, 0)) if dated and ince >= 0 else None
        as_of = _AS_OF.search(sentence) if dated else None
        cumulative = any(map(folded.__contains__, _CUMULATIVE_KEYS)) and bool(
            _CUMULATIVE.search(sentence)
        ) and not (since is not None and _SINCE_COMPARED.search(
            sentence, max(0, since.start() - 40), since.start()
        ) and not _CUMULATIVE_NOT_SINCE.search(sentence))
        if as_of or since or cumulative:
            time = TimeContext(
                as_of=_fold(as_of.group("d")) if as_of else None,
                since=_fold(since.group("d")) if since else None,
                cumulative=cumulative,
            )
        else:
            time = _NO_TIME  # most sentences give none (one shared, frozen record)
        lead = _LEAD_SCOPE.match(sentence)
        lead_scope = lead.group("s") if lead else None
        if lead_scope and _MONTH_START.match(lead_scope):
            lead_scope = None
        # Where the as-of phrase starts in the sentence (-1: none), for figures before it.
        result = (sentence, time, lead_scope, sentence == raw, as_of.start() if as_of else -1)
        self._sentence_cache[si] = result
        return result


_CASE_TWINS: Final = {0x017F: "s", 0x212A: "K", 0x0130: "I", 0x0131: "i"}

_FALLBACK_COUNTED: Final = {
    "money": "funding",
    "area": "area",
    "length": "distance",
    "duration": "duration",
    "share": "share",
    "multiple": "multiple",
    "mass": "mass",
    "volume": "volume",
    "energy": "energy",
    "power": "power",
    "count": "figure",
    "percentage points": "percentage points",
    "basis points": "basis points",
    "temperature": "temperature",
    "speed": "speed",
}


def extract(
    text: str,
    source: str = "<text>",
    *,
    reader: Reader | None = None,
    revision: str | None = None,
    title: str | None = None,
    date: str | None = None,
) -> Document:
    """Read a factsheet's text into a :class:`Document` of claims, in order of appearance.

    *reader* turns the file's text into scan text of the same length (see
    :mod:`factcheck.readers`); plain text by default. The same text always yields the same
    claims and ids. Never raises on any text.
    """
    scan = (reader or read_plain)(text)
    if len(scan) != len(text):  # pragma: no cover - a reader broke its contract
        raise ValueError("a reader must return text of the same length as its input")
    if "\u017f" in scan or "\u212a" in scan or "\u0130" in scan or "\u0131" in scan:
        # Case-blind patterns take these four for ASCII letters ("ſome" for "some"); the scan
        # text then says so too, so that every word a pattern matched is a word we know.
        scan = scan.translate(_CASE_TWINS)
    # The cyclic garbage collector is paused while the claims are built: extraction makes no
    # cycles, but a long document's records would otherwise be traversed again and again by
    # full collections (6-8% of the time on 5 MB). It is resumed as it was found.
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        claims = _Extractor(text, scan, source, revision).run()
    finally:
        if paused:
            gc.enable()
    return Document(
        source=source, claims=tuple(claims), revision=revision, title=title, date=date, text=text
    )
