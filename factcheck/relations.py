"""Relations a factsheet's own words state between its figures: totals and parts, shares.

"83 members (78 nations and five international organisations)" states that 83 is the sum of
78 and 5; "over 14,000 km² of terrain in Syria, including more than 7,400 km²" that the second
is part of the first; "Of the 83 members, 78 (94%) are nations" that 94% is 78 of 83. This
module finds such relations from the words *between* the figures, and only from shapes that
leave no doubt, because every relation found here becomes a check that can fail a build:

* a total followed by its parts in brackets, after a colon, after "comprising" / "made up
  of" / "namely" (an exhaustive breakdown: :attr:`Kind.SUM`);
* parts after "including", "of which", "among them", "such as", "This includes:" (a
  non-exhaustive breakdown: :attr:`Kind.PART_OF`, the parts must not exceed the total);
  a total, a few words said of it and a colon ("129 million girls are out of school: 32
  million of primary school age, 30 million ... and 67 million ..."): part-of;
* percentages after a percentage are rates of sub-groups, not parts ("The poverty rate was
  18%, including 27.7% among children"), unless the total is a share of a stock it names,
  without a rate word, and each part is in a named place ("62% of the terrain, including
  40% in Mosul province");
* a breakdown after the end of a change breaks down the change: "increased by 52,437 to
  6,564,188 (48,000 in Darfur and 4,437 in Al Jazirah)" adds up to 52,437; after "from X
  to Y", or when a part is larger than the change, no breakdown is found;
* an itemised list followed by its stated total ("..., 1,320 in total", "Total: 1,320");
* "78 out of 83 members", "Of the 83 members, 78 ..." (the part names no noun of its own,
  or the whole's: "109 new varieties of 32 crops" states no part of 32);
* a percentage beside a part ("78 (94%)"), or "40% of the 6.75 million, or 2.7 million";
* percentages listed together ("60% women and 40% men": together at most 100%) when they
  are shares of something: each names its whole ("of X") or a group, or the list follows
  its whole ("Among IDPs, 80% ..."); interest rates, inflation or growth listed together
  ("4.50%, 4.75% and 4.00%") are not. Only group words ("women", "men", "children",
  "adults") show that they exclude each other (:attr:`Relation.exclusive`): "80% lack
  documents, 65% lack shelter" may count one person twice;
* a figure followed by itself in another unit in brackets right after it ("110,000 sq km
  (42,500 sq mi)"; counts and percentages are not units to convert);
* a pipe table's "Total" row: in each column, the sum of the rows above it (up to the table's
  start or the total before), when every one of those rows has a figure there; rows that
  begin "of which", "incl." or "including" are parts of a row above and are left out, and
  a column of percentages is not summed, nor one whose cells were read on different scales.
  A total labelled "all ..." or "incl. others" ("Total (all donors)"), or in a table whose
  header, heading or caption names its "top", "main", "largest" or "selected" rows, counts
  more than the rows: they must not exceed it (:attr:`Kind.PART_OF`).

* a list whose parts add up exactly to the figure beside it, where no word says so
  (:meth:`_Finder._arithmetic_sums`, evidence ``arithmetic``).

**The pipeline.** :func:`find_relations` builds a view of the claims in text order with the
words between them (:class:`_View`), marks which neighbours stand in one list and which
figures are named as totals (:class:`_Finder`), then finds candidates in stages, each a
method: the words between two figures (markers, brackets, colons, anaphors: :meth:`run`),
footnotes, totals after a list, the arithmetic of lists, table totals, shares beside parts,
lists of shares. Every candidate records what shows it (:attr:`Relation.evidence`). What the
words leave open is weighed in :mod:`factcheck.evidence`; the verdict and its message are
the validators' (:mod:`factcheck.validators`), and the slip that explains a failure is named
by :mod:`factcheck.slips`. The words every stage reads are in :mod:`factcheck.lexicon`.

A list is a run of figures joined by commas, "and", semicolons or bullets, each figure with
its own words (its unit and counted noun) and, for figures, an optional short place phrase
("300 in Mosul and 200 in Basra"), or in parallel words (the same noun of their own, or the
same word after each: "88 million are boys and 64 million are girls"). The scan is linear in the number of figures: each pattern
looks only at the words between two neighbouring figures, and those words are cut to a bounded
length before any pattern sees them.

No pattern crosses into or out of a footnote (a line that starts with a mark: "¹", "†",
"[1]", "*Excludes", or "Note:", "Source:"): "¹ Includes 29.4 million refugees ..." under a
bulleted list is not a breakdown of the list's last item. It breaks down the one figure its
mark stands against ("• 35.3 million refugees¹"), when the mark stands against one figure.

The words between figures come from the factsheet's text when the document has it. A
document loaded from a snapshot has only each claim's sentence, so relations that cross
sentences ("... displaced. This includes: • 35.3 million refugees ...") are not found there.
"""

from __future__ import annotations

import bisect
import weakref
import enum
import re
from collections.abc import Sequence
from fractions import Fraction

import attrs

from factcheck import lexicon
from factcheck.claim import Claim, Document
from factcheck.numbers import SCALES
from factcheck.units import UNIT_WORDS, UNKNOWN, is_currency, same_dimension

__all__ = ["Kind", "Relation", "find_relations", "unit_family"]


class Kind(str, enum.Enum):
    """What a relation between figures says."""

    SUM = "sum"
    """The parts add up to the total (an exhaustive breakdown)."""
    PART_OF = "part-of"
    """The parts are among what the total counts: together they do not exceed it."""
    SHARE = "share"
    """The share is the part divided by the whole."""
    SHARES = "shares"
    """The shares are of one whole: together they are at most 100%."""
    CONVERSION = "conversion"
    """The parts state the total again in another unit of the same dimension."""
    PART_SHARES = "part-shares"
    """Parts each stated with its share of one whole ("Germany (80 900, or 38 per cent),
    Hungary (32 700, or 15 per cent), ..."): each part over its share gives the same whole,
    the total when one is stated. ``parts`` the figures, ``shares`` their shares."""


@attrs.frozen
class Relation:
    """A relation between claims, as the text states it.

    ``total`` is the total (or the whole, for a share); ``parts`` the parts; ``share`` the
    percentage or fraction of a :attr:`Kind.SHARE` relation; ``words`` the words that state
    the relation (``"("``, ``"including"``, ``"in total"``), for messages.
    """

    kind: Kind
    total: Claim | None
    parts: tuple[Claim, ...]
    share: Claim | None = None
    words: str = ""
    exclusive: bool = True
    """For :attr:`Kind.SHARES`: the words show that the shares exclude each other ("60%
    women and 40% men"). Percentages with other predicates ("80% lack documents, 65% lack
    shelter") may count one person in several, so they may add up to more than 100%.
    For :attr:`Kind.PART_OF`: False when each part has a predicate of its own ("4.2 million
    people, of whom 3.4 million depend on aid and 2 million live in camps"; "included 1,900
    with gunshot wounds and 1,200 who needed surgery"): such groups may overlap, so each
    part must not exceed the total, but their sum may."""
    shares: tuple[Claim, ...] = ()
    """For :attr:`Kind.PART_SHARES`: the share of each part, in the order of ``parts``."""
    evidence: tuple[str, ...] = ("words",)
    """What shows the relation: ``words`` (a marker: "including", "(", "in total"),
    ``layout`` (a table's Total row, a "Total:" line under label lines), ``arithmetic``
    (the figures add up exactly, which by chance they rarely do: see
    :func:`factcheck.relations.find_relations`)."""

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Every claim the relation involves: total, parts, share."""
        out = [] if self.total is None else [self.total]
        out.extend(self.parts)
        if self.share is not None:
            out.append(self.share)
        out.extend(self.shares)
        return tuple(out)


def unit_family(unit: str) -> str:
    """What may be listed or added together: ``"money"`` for every currency, else the unit.

    Money in two currencies is one family here, so that a breakdown mixing them is still
    seen as a breakdown, and the units check can say that it cannot be added.
    """
    return "money" if is_currency(unit) else unit


_MEASURES: dict[str, str] = {u: m for u, m in UNIT_WORDS.values()}
_MEASURES.update({"count": "count", "percent": "share", "dimensionless": "share"})


def _fits(a: Claim, b: Claim) -> bool:
    """True when two figures may stand in one list (same kind; same unit family)."""
    if a.kind != b.kind or a.kind == "multiple":
        return False
    fa, fb = unit_family(a.unit), unit_family(b.unit)
    if fa == fb:
        return fa != UNKNOWN
    if fa == "money" or fb == "money":
        return False
    # Known units are told apart by what they measure, without building the pint registry.
    ma, mb = _MEASURES.get(a.unit), _MEASURES.get(b.unit)
    if ma is not None and mb is not None and ma != mb:
        return False
    return same_dimension(a.unit, b.unit)


def _is_share(c: Claim) -> bool:
    return c.kind == "share" and c.unit in ("percent", "dimensionless") and (
        c.counted != "percentage points"
    )


_OF_WHOLE = re.compile(r"\s+of\s+(?:(?:the|all|its|their)\s+)*(?P<whole>.+)", re.DOTALL)


def _share_whole(c: Claim) -> str | None:
    """What a share is *of*, when its words say: "94% of malaria cases" -> "malaria cases".

    ("60% women" names the part, not the whole: None.)
    """
    at = c.quote.find(c.stated.split()[-1]) if c.stated else -1
    if at < 0:
        return None
    m = _OF_WHOLE.match(c.quote, at + len(c.stated.split()[-1]))
    return " ".join(m.group("whole").lower().split()) if m else None


def _group_of(c: Claim) -> str | None:
    """The group of a partition a figure counts, by its own noun or the word or two after it
    ("64 million girls", "64 million are girls"), else None."""
    p = c.provenance
    a, b = p.sentence_span
    after: list[str] = _LABEL_WORD.findall(p.sentence[b:b + 30].lower())[:2] if 0 <= a < b else []
    own: list[str] = _LABEL_WORD.findall(c.counted.lower())[-1:]
    for w in [*own, *after]:
        if any(w in words for words, _ in lexicon.PARTITIONS):
            return w
    return None


def _of_one_whole(part: Claim, share: Claim) -> bool:
    """A share stated with its part may be of the list's one whole: it names no whole, or
    one of all the list counts ("38 per cent of total first time applicants", "of all
    cases", "of the 40 projects' beneficiaries" naming the part's noun), and not each part's
    own ("25% of its population", "1.3% of GDP": :data:`lexicon.OWN_WHOLE_WORDS`)."""
    at = share.quote.lower().find(share.stated.lower()) if share.stated else -1
    words = set(_LABEL_WORD.findall(share.quote.lower()[at + len(share.stated):] if at >= 0
                                    else share.quote.lower()))
    if words & lexicon.OWN_WHOLE_WORDS:
        return False
    whole = _share_whole(share)
    if whole is None:
        return True
    noun = _own_noun(part)
    return bool(words & lexicon.COMMON_WHOLE_WORDS) or (
        noun is not None and noun in {_singular(w) for w in _LABEL_WORD.findall(whole)})


def _is_rate(c: Claim) -> bool:
    """A percentage, a fraction or a change in percentage points: a rate or a share, whose
    sub-groups' rates are no parts of it."""
    return c.unit in ("percent", "dimensionless") or c.counted.lower() == "percentage points"


# Words that make a percentage a rate (of a group, over time), not a share of a stock.
_RATE_WORDS = re.compile(
    r"\b(?:rates?|growth|grew|inflation|unemploy\w*|employment|poverty|prevalence|incidence|"
    r"turnout|coverage|literacy|yields?|interest|ratios?|rose|rise|rising|increas\w*|decreas\w*|"
    r"declin\w*|fell|fall\w*|change\w*|year-on-year|annual\w*|per (?:cent|annum))\b"
)
# Words after a percentage that name a group of its own: a rate among that group.
_SUBGROUP_AFTER = re.compile(r"^(?:among|amongst|for|per|of|in the case of)\b")


def _same_whole(a: Claim, b: Claim) -> bool:
    """Two shares may be of one whole unless their words name two different wholes."""
    wa, wb = _share_whole(a), _share_whole(b)
    return wa is None or wb is None or wa == wb


_GENERIC_COUNTED = lexicon.GENERIC_COUNTED


def _own_noun(c: Claim) -> str | None:
    """The head of what a figure counts when its own words name it ("109 new varieties" ->
    "variety"); None for a bare figure ("78 of ...") or a noun carried over from elsewhere."""
    words = c.counted.lower().split()
    if not words or c.counted.lower() in _GENERIC_COUNTED:
        return None
    if words[-1] not in " ".join(c.quote.lower().split()):
        return None
    return _singular(words[-1])


_GROUP_WORDS = lexicon.GROUP_WORDS
_LABEL_WORD = re.compile(r"[a-z]+")
_POPULATION = lexicon.POPULATION_WORDS


def _exclusive(shares: Sequence[Claim]) -> bool:
    """True when the words of listed shares show that the shares exclude each other.

    Different group words do ("60% women and 40% men"); other words do not, for they may
    be predicates ("80% lack documents, 65% lack shelter": one person may lack both).
    """
    labels = []
    for c in shares:
        words = _LABEL_WORD.findall(c.counted.lower()) if _own_noun(c) is not None else []
        if not words or not set(words) <= _GROUP_WORDS:
            return False
        labels.append(" ".join(words))
    return len(set(labels)) == len(labels)


# --------------------------------------------------------------------------- the words between

_BULLET_AT_LINE = re.compile(r"\n[ \t]*(?:[•●▪◦‣·∙➔→►▶➢✓✔*+\-–]|\(?\d{1,2}[.)])[ \t]+")
_MARKUP = re.compile(r"[*_`]")
_SPACE = re.compile(r"\s+")
_MAX_GAP = 400
"""Words between two figures are cut to this length: no pattern needs more."""


class _Gap:
    """The words between two neighbouring figures, raw and normalised (lower case, single
    spaces, a bullet at a line start written as "•")."""

    __slots__ = ("raw", "norm", "bullet", "newline", "unknown")

    unknown: bool
    """What stood between the figures is unknown (a snapshot), or a footnote starts or ends
    there: no pattern crosses it."""

    def __init__(self, raw: str) -> None:
        self.unknown = "\x00" in raw
        if len(raw) > _MAX_GAP:
            raw = raw[:_MAX_GAP // 2] + " … " + raw[-_MAX_GAP // 2:]
        self.raw = raw
        self.newline = "\n" in raw
        s = _BULLET_AT_LINE.sub(" • ", raw)
        self.bullet = "•" in s
        s = _MARKUP.sub("", s)
        self.norm = _SPACE.sub(" ", s).strip().lower()


# Markers that open a list of parts after a total.
def _alternation(phrases: Sequence[str]) -> str:
    """A regex alternation of *phrases*, longest first (so "includes" wins over "include")."""
    return "|".join(re.escape(p).replace(r"\ ", " ") for p in sorted(phrases, key=len, reverse=True))


_NON_EXHAUSTIVE = _alternation(lexicon.NON_EXHAUSTIVE_MARKERS)
_EXHAUSTIVE = _alternation(lexicon.EXHAUSTIVE_MARKERS)
_MARKER = re.compile(
    rf"^(?P<pre>[^.;!?()\d•]{{0,60}}?)[,;]? ?[-—–]? ?\b(?P<m>{_NON_EXHAUSTIVE}|{_EXHAUSTIVE})"
    r"(?: ?:)? ?•?$"
)
_PAREN = re.compile(
    rf"^(?P<pre>[^.;!?()\d•]{{0,60}}?) ?\( ?(?:(?P<m>{_NON_EXHAUSTIVE}|{_EXHAUSTIVE}) ?:? ?)?$"
)
_COLON = re.compile(r"^(?:in total|in all|altogether|overall)?,? ?[:—–] ?•?$")
_ANAPHOR = re.compile(
    r"^(?P<rest>[^.!?•]{0,300})[.!?][\"”’)]? "
    r"(?P<m>(?:this|these|that|it|they|the total|this total|this figure|this number)"
    rf" (?:figure |number |total |amount )?(?P<v>{_NON_EXHAUSTIVE}|{_EXHAUSTIVE})"
    r"|of these|of them|of this total|of this|among them|among these|of whom|of which)"
    r",?(?: ?:)? ?•?$"
)
_NON_EXHAUSTIVE_RE = re.compile(rf"^(?:{_NON_EXHAUSTIVE})$")

# Separators inside a list.
_SEP = re.compile(r"^(?:[,;&/•]|and|plus|as well as| )*$")
_SEP_AFTER_PLACE = re.compile(
    r"^(?:in|at|from|for|of|across|under|on|within|to|by|with|outside|inside|among|aged"
    r"|during)\b[^.;:!?()•\d]{0,50}?(?:,|;|,? and|,? plus)$"
)
_BULLET_ITEM = re.compile(r"^[^•]{0,160}•(?P<label>[^•.!?;]{0,60})$")
_OPEN_BRACKET = re.compile(r"[ \t]*[(\[][ \t]*")
_CLOSE_BRACKET = re.compile(r"[ \t]*[)\]]")
_CLOSE_PAREN = re.compile(r"^[^()\d]{0,60}\)")
_BRACKET_ONLY = re.compile(r"^\( ?(?:i\.e\.|that is)?$")
_CONTINUES = re.compile(r"^[^.;!?()\d•]{0,80}?(?:,|\band|\bplus)$")

# Totals named as such.
_TOTAL_BEFORE = re.compile(
    r"(?:\ba total of|\btotal of|\btotal ?:|\btotall?ing|\bin total,?|\baltogether,?"
    r"|\bin all,?|\bcombined total of|\ba combined|\bgrand total of)\s*$"
)
# A total's own line ("Total: 190", "TOTAL ....... 1,320", "Grand total  2,427"), after the last
# item (on the line before, or after the sentence that lists them).
_TOTAL_LABELS = lexicon.TOTAL_LABELS
_TOTAL_LINE_GAP = re.compile(
    r"^[ \t]*[.;]?[ \t]*(?:\r?\n[ \t]*)?(?:[•*-][ \t]+)?(?:grand |overall )?total[ \t]*(?::|\.{3,})?"
    r"[ \t]*$",
    re.IGNORECASE,
)
# From one "Label: value" line to the next ("\nPolice: ").
_LABEL_LINE_GAP = re.compile(r"[ \t]*\r?\n[ \t]*(?:[•*-][ \t]+)?[A-Z][^\n:]{0,60}(?::|\.{3,})[ \t]*")
_TOTAL_AFTER = re.compile(r"^[\s,(]*(?:in total|in all|altogether|all told)\b")
_TOTAL_GAP = re.compile(
    r"^[^.;!?()\d•]{0,40}?[,;:—–(]? ?(?:(?:for|making|giving|with|bringing the total to|"
    r"to make|to give)\s+)?(?:a |the )?(?:grand |combined )?(?:total(?: of)?|totall?ing|"
    r"sum of)\s*:?\s*\(?$"
)
_OF_THE_BEFORE = re.compile(r"(?:^|[.;:•]\s*)(?:of|out of|among)(?: the| these| those| its| their| all)?\s*$")
_OUT_OF = re.compile(r"^(?:out of|of|of the|of all|of its|of their|out of the|out of a total of)$")
# A few words said of a total, then a colon: "129 million girls are out of school:".
_PREDICATE_COLON = re.compile(r"^(?P<pred>[a-z][a-z'’ -]{0,48}?),? ?[:—–] ?$")
_NOT_A_PREDICATE = re.compile(
    r"\b(?:and|or|but|while|whereas|with|plus|than|versus|vs|compared|against|per|each|"
    r"respectively|including|excluding|of which|such as)\b"
)
# The whole before a list of shares: "Among IDPs, 80% lack documents, 65% lack shelter".
_WHOLE_BEFORE = re.compile(
    r"(?:^|[.;:•]\s*)(?:among|amongst|of|for|out of)(?: the| all| these| those)?"
    r" [a-z][^,.;:•\d]{0,40}, ?$"
)
# A change: "by X to Y", "rose X to Y", "from X to Y" (the words before X, and between X and Y).
_CHANGE_TO = re.compile(r"^,? ?to(?: reach| stand at| a total of| a record| a new high of)?$")
_CHANGE_FROM = re.compile(r"\bfrom$")
_CHANGE_BY = re.compile(
    r"\b(?:by|rose|risen|rises|rising|increased|increases|increasing|grew|grown|grows|growing|"
    r"fell|fallen|falls|falling|declined|declines|declining|dropped|drops|dropping|decreased|"
    r"decreases|decreasing|jumped|jumps|climbed|climbs|surged|soared|gained|gains|slipped|"
    r"shrank|plunged|up|down)$"
)
# A part with a predicate of its own: a relative clause, "with"/"without", or a verb among
# its first words ("3.4 million depend on aid", "1,200 who needed surgery", "8,376 were
# treated"). Groups so described may overlap; a place ("300 in Mosul") or a noun does not.
_OWN_PREDICATE = re.compile(
    r"^(?:[a-z'’-]+ ){0,2}?(?:who|whom|whose|that|which|with|without|having|lacking|are|were|"
    r"is|was|have|has|had|had been|been|will|would|can|could|may|might|must|need|needs|needed|"
    r"needing|require|requires|required|requiring|depend|depends|depended|depending|rely|"
    r"relies|relied|relying|live|lives|lived|living|remain|remains|remained|receive|receives|"
    r"received|receiving|lack|lacks|lacked|suffer|suffers|suffered|suffering|face|faces|faced|"
    r"facing|use|uses|used|work|works|worked|working|attend|attends|attended|reside|resides|"
    r"resided|hold|holds|held|access|accessed|benefit|benefits|benefited|benefitted|"
    r"benefiting|got|get|gets|went|go|returned|return|returns|survive|survives|survived)\b"
)
# The words between two parallel parts of a list, ending with its separator.
_PARALLEL_GAP = re.compile(r"^[^.;:!?()\d•]{1,100}?(?:,|,? and|,? plus)$")
# "are boys", "were women": a part that names its group, not a predicate of its own.
_GROUP_PREDICATE = re.compile(r"^(?:are|is|were|was)\s+(?:[a-z]+\s+)?(?P<g>[a-z]+)\b")
# A share that restates the figure before it: "80 900, or 38 per cent", "988,428 individuals
# or 40%"; a figure in brackets after its share: "a quarter of the children ... (19 million)".
_OR_SHARE = re.compile(r"^(?:[a-z][a-z'’ -]{0,40}?)?,? ?or$")
_SHARE_THEN_PART = re.compile(r"^[^.;:!?()\d•]{0,80}?\($")
_OR_PART = re.compile(r"^[^.;!?()\d•]{0,40}?(?:,|\() ?(?:or|i\.e\.|that is)?$")
# A line that labels its figure: a table row, a heading, "Label: value", a dotted leader
# ("Volunteers ........ 4,200"), or a bullet when the next line starts a sentence of its own.
# Its figure ends it: the next line is no sentence about that figure.
_LABEL_LINE = re.compile(r"^[ \t]*[|#]|:|\.{3,}|…")
_BULLET_LINE = re.compile(r"^[ \t]*(?:[•●▪◦‣·∙➔→►▶➢✓✔*+\-–]|\(?\d{1,2}[.)])[ \t]")
_LINE_END_AFTER_FIGURE = re.compile(r"^[^\n.;!?()\[\]:\d]{0,40}\n")
_NEW_LINE_SENTENCE = re.compile(r"^[ \t*_`]*(?:[A-Z]|[•●▪◦‣·∙➔→►▶➢✓✔*+\-–#|][ \t])")


def _singular(word: str) -> str:
    w = word.lower()
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


def _head(c: Claim) -> str:
    words = c.counted.split()
    return _singular(words[-1]) if words else ""


def _part_noun_fits(part: Claim, whole: Claim, out_of: bool) -> bool:
    """"78 of the 83 members" is a part of a whole; "109 new varieties of 32 crops" is not.

    After "of" the part names no noun of its own, or the whole's ("78 members of the 83
    members"); after "out of" the whole names none of its own, or the part's.
    """
    own_part, own_whole = _own_noun(part), _own_noun(whole)
    if own_part is None or own_part == own_whole:
        return True
    return out_of and own_whole is None


# --------------------------------------------------------------------------- footnotes

# A line that starts with a footnote's mark: "¹ Includes ...", "† ...", "[1] ...", "[^1]: ...",
# "*Excludes ..." (a star against the word: "* " starts a bullet), "Note: ...", "Source: ...";
# "1 Includes ..." when a footnote's word follows the digits or the text above carries the mark
# ("refugees1").
_FOOTNOTE_LINE = re.compile(
    r"^[ \t]*(?:(?P<mark>[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[†‡§¶]+|\[\^?[0-9a-z]{1,3}\]:?|\*(?=[^\s*])"
    r"|(?P<digits>\d{1,2})(?=[ \t]+[a-z]))"
    r"|(?:notes?|sources?|n\.b\.|nb)[ \t]*:)",
    re.MULTILINE | re.IGNORECASE,
)
_FOOTNOTE_WORD = re.compile(
    r"[ \t]+(?:includ|exclud|source|note|data\b|figures?\b|estimate|refers?\b|based\b|as of\b"
    r"|compris|consist|of which|of whom|see\b)",
    re.IGNORECASE,
)
_PARAGRAPH_END = re.compile(r"\n[ \t]*\n")
_LINK_MARKER = re.compile(
    rf"[ \t]*(?P<m>{_NON_EXHAUSTIVE}|{_EXHAUSTIVE})\b(?: ?:)?", re.IGNORECASE
)


@attrs.frozen
class _Footnote:
    start: int
    """Where the mark starts (the footnote's first character)."""
    end: int
    """Where the footnote ends (its paragraph's end, or the next footnote)."""
    mark: str
    """The mark ("¹", "[1]", "*", "1"), or "" for "Note:" and "Source:"."""
    body: int
    """Where the words after the mark start."""


def _footnotes(text: str) -> list[_Footnote]:
    """The footnotes of a text, in text order."""
    if "\n" not in text:
        return []
    found: list[tuple[int, str, int]] = []
    first_mark: dict[str, int] = {}
    for m in _FOOTNOTE_LINE.finditer(text):
        start = m.start() + len(m.group()) - len(m.group().lstrip(" \t"))
        if start > 0 and text[start - 1] not in "\n \t":
            continue
        mark = m.group("mark") or ""
        digits = m.group("digits")
        if digits is not None and not _FOOTNOTE_WORD.match(text, m.end()):
            # A number at a line's start is a footnote's mark only when the line before is
            # blank or a footnote and the text above carries the mark against a word.
            ls = text.rfind("\n", 0, start) + 1
            prev_line = text[text.rfind("\n", 0, ls - 1) + 1:ls] if ls else ""
            in_notes = bool(found) and not _PARAGRAPH_END.search(text, found[-1][0], start)
            if prev_line.strip() and not in_notes:
                continue
            if digits not in first_mark:
                m_ref = re.search(rf"[A-Za-z%)\]][,.]?{digits}(?![\d.,]?\d)", text)
                first_mark[digits] = m_ref.start() if m_ref else len(text)
            if first_mark[digits] >= start:
                continue  # no mark against a word above: found once per mark, not per line
        found.append((start, mark, m.end()))
    out = []
    for k, (start, mark, body) in enumerate(found):
        pm = _PARAGRAPH_END.search(text, body)
        end = pm.start() if pm else len(text)
        if k + 1 < len(found):
            end = min(end, found[k + 1][0])
        out.append(_Footnote(start, max(end, body), mark, body))
    return out


def _crosses(bounds: Sequence[int], a: int, b: int) -> bool:
    """True when one of the sorted *bounds* lies strictly between *a* and *b*."""
    k = bisect.bisect_right(bounds, a)
    return k < len(bounds) and bounds[k] < b


# --------------------------------------------------------------------------- the view


class _View:
    """The claims in text order, with the text around them."""

    def __init__(self, claims: Sequence[Claim], text: str | None) -> None:
        placed: list[tuple[int, int, Claim]] = []
        if text is not None and all(
            text.startswith(c.provenance.quote, c.provenance.offset) for c in claims
        ):
            self.text = text
            placed = [
                (c.provenance.offset, c.provenance.offset + len(c.provenance.quote), c)
                for c in claims
            ]
        else:
            # No text (a snapshot): lay the claims' sentences end to end, each new sentence
            # after a NUL that no pattern crosses, since what stood between them is unknown.
            chunks: list[str] = []
            pos = 0
            last: str | None = None
            for c in claims:
                p = c.provenance
                a, b = p.sentence_span
                if b <= a or b > len(p.sentence):
                    continue
                if p.sentence != last:
                    chunk = "\n\x00\n" + p.sentence
                    chunks.append(chunk)
                    sentence_start = pos + 3
                    pos += len(chunk)
                    last = p.sentence
                placed.append((sentence_start + a, sentence_start + b, c))
            self.text = "".join(chunks)
        placed.sort(key=lambda t: (t[0], t[1]))
        self.footnotes = _footnotes(self.text)
        if self.footnotes:
            # A footnote's mark read as a figure ("1 Includes ...") is no figure of the text.
            marks = {f.start for f in self.footnotes}
            placed = [p for p in placed if p[0] not in marks]
        placed = self._lift_annotations(placed)
        self.starts = [p[0] for p in placed]
        self.ends = [p[1] for p in placed]
        self.claims = [p[2] for p in placed]
        n = len(placed)
        self.gaps = [
            _Gap(self.text[self.ends[i]:max(self.ends[i], self.starts[i + 1])])
            for i in range(n - 1)
        ]
        self.tail = _Gap(self.text[self.ends[-1]:self.ends[-1] + 120]) if n else _Gap("")
        if self.footnotes:
            # No pattern crosses into or out of a footnote: "¹ Includes 29.4 million ..." under
            # a list is not a breakdown of the list's last item.
            bounds = sorted({x for f in self.footnotes for x in (f.start, f.end)})
            for i, g in enumerate(self.gaps):
                if _crosses(bounds, self.ends[i], self.starts[i + 1]):
                    g.unknown = True
            if n and _crosses(bounds, self.ends[-1], self.ends[-1] + 120):
                self.tail.unknown = True

    def _lift_annotations(
        self, placed: list[tuple[int, int, Claim]]
    ) -> list[tuple[int, int, Claim]]:
        """Take out shares in brackets right after a figure ("78 nations (94%)").

        They annotate that figure; taken out (and blanked in the text), they no longer break
        the list the figure stands in. :attr:`annotations` keeps them by their figure.
        """
        self.annotations: dict[int, Claim] = {}
        keep: list[tuple[int, int, Claim]] = []
        text = self.text
        blanks: list[tuple[int, int]] = []
        for k, (a, b, c) in enumerate(placed):
            if keep and _is_share(c) and not _is_share(keep[-1][2]):
                pa, pb, host = keep[-1]
                m_open = _OPEN_BRACKET.match(text, pb, a)
                m_close = _CLOSE_BRACKET.match(text, b)
                if m_open and m_open.end() == a and m_close and id(host) not in self.annotations:
                    self.annotations[id(host)] = c
                    blanks.append((pb, m_close.end()))
                    continue
            keep.append((a, b, c))
        if blanks:
            chars = list(text)
            for x, y in blanks:
                for j in range(x, y):
                    if chars[j] not in "\n":
                        chars[j] = " "
            self.text = "".join(chars)
        return keep

    def after(self, i: int) -> _Gap:
        """The words after claim *i*, up to the next claim."""
        return self.gaps[i] if i < len(self.gaps) else self.tail

    def before(self, i: int, width: int = 40) -> str:
        """Up to *width* normalised characters before claim *i* (not reaching the claim before)."""
        lo = max(0, self.starts[i] - width * 2)
        if i > 0:
            lo = max(lo, self.ends[i - 1])
        s = _BULLET_AT_LINE.sub(" • ", "\n" + self.text[lo:self.starts[i]])
        return _SPACE.sub(" ", _MARKUP.sub("", s)).strip().lower()[-width:]


# --------------------------------------------------------------------------- finding relations


def find_relations(
    claims: Document | Sequence[Claim], text: str | None = None
) -> tuple[Relation, ...]:
    """The relations a document's words state between its figures, in text order.

    *claims* is a document (its text is used when it has one) or a sequence of claims; give
    *text* to supply the original text for claims read from it.
    """
    if isinstance(claims, Document):
        if text is None or text == claims.text:
            # A diff asks for the same version's relations several times (its check, the
            # previous version as evidence): found once per document.
            hit = _FOUND.get(id(claims))
            if hit is not None and hit[0]() is claims:
                return hit[1]
            found = _Finder(_View(claims.claims, claims.text)).run()
            _FOUND[id(claims)] = (weakref.ref(claims), found)
            if len(_FOUND) > 64:
                for key in list(_FOUND)[:32]:
                    if _FOUND[key][0]() is None or len(_FOUND) > 64:
                        del _FOUND[key]
            return found
        claims = claims.claims
    view = _View(claims, text)
    return _Finder(view).run()


_FOUND: dict[int, tuple[weakref.ref[Document], tuple[Relation, ...]]] = {}
"""The relations of documents still alive, by their identity (documents are immutable)."""


# A table row that totals the rows above it, and one that breaks down a row above it.
_TABLE_TOTAL_LABEL = re.compile(r"(?:grand\s+|sub-?\s*)?totals?\b|all\b|overall\b")
_TABLE_PART_LABEL = re.compile(r"(?:of\s+which|o/w|incl\.|including|thereof|of\s+whom)\b")


_TABLE_SOME_TOTAL = re.compile(
    r"\ball\b|\bincl(?:\.|udes?|uding)?\s+(?:all\s+)?others?\b|\bothers?\s+included\b"
)
_TABLE_SOME_ROWS = re.compile(
    r"\b(?:top|main|largest|biggest|major|leading|selected|select|key|principal|e\.g\.|"
    r"for example|such as|among others|some)\b",
    re.IGNORECASE,
)


def _table_caption(text: str, row: int) -> str:
    """A table's header row and the two lines above it (its heading or caption)."""
    start = row
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if not text[prev:start].lstrip().startswith("|"):
            break
        start = prev
    header = text[start:text.find("\n", start) if "\n" in text[start:] else len(text)]
    above = [line for line in text[max(0, start - 300):start].split("\n") if line.strip()][-2:]
    return " ".join([*above, header])


_WRITTEN_NUMBER = re.compile(
    r"(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?:\s*-?\s*(?P<s>thousand|million|billion|trillion|lakh crore|lakh|crore|bn|mn|mln|tn|k|m|b)\b)?",
    re.IGNORECASE,
)


def _written_scale(c: Claim) -> Fraction | None:
    """The value of a claim over the number its words write (1 for "8,800", a million for a
    cell read under "US$ million"); None when the words write no plain number."""
    m = _WRITTEN_NUMBER.search(c.stated)
    if m is None:
        return None
    n = Fraction(m.group("n").replace(",", ""))
    if m.group("s"):
        n *= SCALES[" ".join(m.group("s").lower().split())]
    return c.value / n if n else None


def _same_written_scale(claims: Sequence[Claim]) -> bool:
    scales = {_written_scale(c) for c in claims}
    return len(scales) == 1 and None not in scales


def _every_part_exceeds(total: Claim, parts: Sequence[Claim]) -> bool:
    """Every part is larger than the total, in one unit, and no scale slip explains it."""
    if not parts or any(p.unit != total.unit for p in parts) or total.value <= 0:
        return False
    if not all(p.value > total.value for p in parts):
        return False
    ratio = sum((p.value for p in parts), Fraction(0)) / total.value
    return not any(0.9 * k <= ratio <= 1.1 * k for k in (1000, 10**6, 10**9))


class _Finder:
    def __init__(self, view: _View) -> None:
        self.v = view
        n = len(view.claims)
        cs = view.claims
        self.is_total = [
            bool(_TOTAL_BEFORE.search(view.before(i))) or bool(_TOTAL_AFTER.match(view.after(i).norm))
            for i in range(n)
        ]
        # joins[i]: claim i and claim i+1 stand in one list.
        self.joins = [False] * max(n - 1, 0)
        self.joins_shares = [False] * max(n - 1, 0)
        for i in range(n - 1):
            g = view.gaps[i]
            if g.unknown or not _fits(cs[i], cs[i + 1]) or self.is_total[i + 1] or self.is_total[i]:
                continue
            # Nothing at all between two figures: text run together when copied from a page
            # ("3 million refugees2.4 million internally displaced people"), a lost separator.
            pure = (bool(g.norm) and _SEP.match(g.norm) is not None) or (not g.norm and g.newline) \
                or g.raw == ""
            bullet = g.bullet and _BULLET_ITEM.match(g.norm) is not None and "\n" in g.raw
            if _is_share(cs[i]):
                if not _same_whole(cs[i], cs[i + 1]):
                    continue  # "94% of malaria cases and 95% of malaria deaths": two wholes
                self.joins_shares[i] = pure or (bullet and not _BULLET_ITEM.match(g.norm).group("label").strip())  # type: ignore[union-attr]
                continue
            self.joins[i] = pure or bullet or _SEP_AFTER_PLACE.match(g.norm) is not None or \
                self._parallel(i)
        # run_end[i]: the last claim of the list that starts at claim i.
        self.run_end = list(range(n))
        for i in range(n - 2, -1, -1):
            if self.joins[i]:
                self.run_end[i] = self.run_end[i + 1]
        # change_end[i]: claim i is the new level of a change stated just before it ("rose by
        # 52,437 to 6,564,188", "from $1.2 billion to $1.5 billion"): ("by" | "from", the
        # claim of the change or the old level).
        self.change_end: dict[int, tuple[str, int]] = {}
        for i in range(1, n):
            g = view.gaps[i - 1]
            if g.unknown or not _CHANGE_TO.match(g.norm):
                continue
            before = view.before(i - 1)
            if _CHANGE_FROM.search(before) and _fits(cs[i - 1], cs[i]):
                self.change_end[i] = ("from", i - 1)
            elif _CHANGE_BY.search(before) and (_fits(cs[i - 1], cs[i]) or _is_rate(cs[i - 1])):
                # "by 0.8% to 6,564,188": a change in per cent (parts of it are not stated).
                self.change_end[i] = ("by", i - 1)
        self.out: list[Relation] = []
        self.seen: set[tuple[str, int, tuple[int, ...], int]] = set()
        self.paired: list[tuple[Claim, Claim]] = []
        """Each figure stated with its share (:meth:`_paired_shares`), found once."""

    # -- helpers

    def _parallel(self, i: int) -> bool:
        """Claims *i* and *i* + 1 stand in one list by their parallel words, whatever words
        stand between: the same noun of their own ("8.5 million people were targeted with
        in-kind food, around 2.3 million people with vouchers and ..."), or the same word
        right after each ("88 million are boys and 64 million are girls")."""
        v, cs = self.v, self.v.claims
        g = v.gaps[i]
        if g.newline or not _PARALLEL_GAP.match(g.norm):
            return False
        na = _own_noun(cs[i])
        if na is not None and na == _own_noun(cs[i + 1]):
            return True
        first = g.norm.split(" ", 1)[0]
        after = v.after(i + 1).norm.split(" ", 1)[0] if i + 1 < len(cs) else ""
        return bool(first) and first == after and first.isalpha() and \
            _own_noun(cs[i]) is None and _own_noun(cs[i + 1]) is None

    def _add(self, kind: Kind, total: int | None, parts: Sequence[int], words: str,
             share: int | None = None, exclusive: bool = True,
             evidence: tuple[str, ...] = ("words",)) -> None:
        key = (kind.value, -1 if total is None else total, tuple(parts), -1 if share is None else share)
        if key in self.seen:
            return
        self.seen.add(key)
        cs = self.v.claims
        self.out.append(
            Relation(
                kind=kind,
                total=None if total is None else cs[total],
                parts=tuple(cs[p] for p in parts),
                share=None if share is None else cs[share],
                words=words,
                exclusive=exclusive,
                evidence=evidence,
            )
        )

    def _cut_before(self, i: int) -> bool:
        """The words after claim *i* cross a blank line, or the line break that ends a line
        labelling claim *i* ("Volunteers: 4,200", a bullet, a table's "| Total | 2,427 |"):
        claim *i* is then no total of a breakdown that starts after that break ("Volunteers:
        4,200\nThe team comprises 16 doctors and 53 nurses.")."""
        g = self.v.after(i)
        if "\n" not in g.raw:
            return False
        marker = _LINK_MARKER.search(g.raw)
        stops = [k for k in (g.raw.find("("), g.raw.find(":")) if k >= 0]
        head = g.raw[:min([marker.start() if marker else len(g.raw), *stops])]
        if _PARAGRAPH_END.search(head):
            return True  # a blank line before the marker (one after it may open its list)
        m = _LINE_END_AFTER_FIGURE.match(g.raw)
        if m is None or _LINK_MARKER.search(m.group()):
            return False  # the marker, or no line break, on the figure's own line
        text, a = self.v.text, self.v.starts[i]
        line = text[text.rfind("\n", 0, a) + 1:a]
        if _LABEL_LINE.search(line):
            return True
        return bool(_BULLET_LINE.match(line)) and bool(_NEW_LINE_SENTENCE.match(g.raw[m.end():]))

    def _closed(self, last: int) -> bool:
        """The list ending at claim *last* ends there (it does not go on past a place phrase)."""
        g = self.v.after(last)
        if last + 1 >= len(self.v.claims) or g.unknown:
            return True
        return not (_CONTINUES.match(g.norm) and _fits(self.v.claims[last], self.v.claims[last + 1]))

    def _breakdown(self, t: int, first: int, exhaustive: bool, words: str,
                   need_close_paren: bool = False) -> None:
        """Record the list starting at claim *first* as the parts of claim *t*."""
        cs = self.v.claims
        if first >= len(cs):
            return
        last = self.run_end[first]
        if first > 0 and not self.v.gaps[first - 1].bullet:
            # Parts that start inline ("..., including 703 million without ...") end with their
            # bullet: the next bullets are the list's siblings, not more parts.
            k = first
            while k < last and not self.v.gaps[k].bullet:
                k += 1
            last = k
        # Every part must fit the total's kind; money in another currency is kept, so that
        # the units check can say it cannot be added.
        if need_close_paren and not _CLOSE_PAREN.match(self.v.after(last).norm):
            if exhaustive:
                return
        parts = list(range(first, last + 1))
        total, part0 = cs[t], cs[first]
        if _is_share(part0) and not _is_share(total):
            shares = [p for p in parts if _is_share(cs[p])]
            if len(shares) >= 2:
                self._add(Kind.SHARES, t, shares, words,
                          exclusive=_exclusive([cs[p] for p in shares]))
            return
        if total.kind != part0.kind:
            return
        if exhaustive and (len(parts) < 2 or not self._closed(last)):
            if len(parts) == 1 and need_close_paren:
                self._single_in_brackets(t, first, words)
            return
        if t in self.change_end:
            # "increased by 52,437 to 6,564,188 (48,000 in Darfur and 4,437 in Al Jazirah)":
            # the parts are of the change, not of the new level. "By X": checked against X
            # when they may be parts of it; "from X to Y" (of Y - X, or of Y?): not checked.
            how, x = self.change_end[t]
            if how != "by" or not self._parts_of_change(x, parts):
                return
            t, total = x, cs[x]
        if _is_rate(total) and not self._shares_of_the_total(t, parts):
            return
        if exhaustive and len(parts) >= 2 and _every_part_exceeds(total, [cs[p] for p in parts]) \
                and not self._total_slipped(total, [cs[p] for p in parts]):
            # "83 members across 4 continents: 20 in Europe and 30 in Asia": the figure before
            # the list is not what it breaks down (a scale slip, a thousandfold, or one slip of
            # the total's digits that makes the parts add up, still is).
            return
        self._add(Kind.SUM if exhaustive else Kind.PART_OF, t, parts, words,
                  exclusive=exhaustive or len(parts) < 2 or not self._own_predicates(parts))

    @staticmethod
    def _total_slipped(total: Claim, parts: Sequence[Claim]) -> bool:
        """One slip of the total's digits makes the parts add up ("100 health workers (101
        nurses and 199 doctors)": 300)."""
        if any(p.unit != total.unit for p in parts):
            return False
        from factcheck.slips import explain_sum  # noqa: PLC0415

        return any(s.claim is total for s in explain_sum(total, parts, [Fraction(1)] * len(parts)))

    def _own_predicates(self, parts: Sequence[int]) -> bool:
        """Each part has a predicate of its own: the groups may overlap ("of whom 3.4 million
        depend on aid and 2 million live in camps")."""
        v, text = self.v, self.v.text
        for p in parts:
            end = v.starts[p + 1] if p + 1 < len(v.claims) and p != parts[-1] else \
                min(len(text), v.ends[p] + 120)
            # From the end of the number, not of the quote: the words read as what it counts
            # may be the predicate ("3.4 million depend on aid": counts "depend").
            c = v.claims[p]
            k = c.provenance.quote.find(c.stated)
            start = v.starts[p] + k + len(c.stated) if k >= 0 else v.ends[p]
            words = _SPACE.sub(" ", _MARKUP.sub("", text[start:end])).strip().lower()
            words = re.split(r"[.;:!?()\n]", words, maxsplit=1)[0]
            if not _OWN_PREDICATE.match(words):
                return False
            m = _GROUP_PREDICATE.match(words)
            if m and m.group("g") in _GROUP_WORDS:
                return False  # "88 million are boys and 64 million are girls": groups
        return True

    def _parts_of_change(self, x: int, parts: Sequence[int]) -> bool:
        """The parts may be parts of the change *x*: they fit it, and none is larger (a part
        larger than the change is a part of the new level: which one the list breaks down is
        then unclear)."""
        cs = self.v.claims
        change = cs[x]
        return change.value > 0 and all(
            _fits(change, cs[p]) and cs[p].unit == change.unit and 0 <= cs[p].value <= change.value
            for p in parts
        )

    def _predicate_colon(self, t: int, gap: str) -> bool:
        """"129 million girls are out of school: 32 million of primary school age, 30 million
        of lower-secondary school age and 67 million of upper-secondary school age": a total,
        a few words said of it, a colon and a list of at least two parts that name no other
        noun (the total's, none, or only "of ..." after the figure). The parts must not
        exceed the total (part-of: the words before the colon may narrow what is listed)."""
        m = _PREDICATE_COLON.match(gap)
        if m is None or len(m.group("pred").split()) > 6 or _NOT_A_PREDICATE.search(m.group("pred")):
            return False
        cs = self.v.claims
        first = t + 1
        total = cs[t]
        if total.kind != "figure" or _is_rate(total) or t in self.change_end:
            return False
        last = self.run_end[first]
        parts = range(first, last + 1)
        if len(parts) < 2 or not self._closed(last) or any(self.v.gaps[k].bullet for k in parts[:-1]):
            return False
        head = _own_noun(total)
        for p in parts:
            c = cs[p]
            if not _fits(total, c):
                return False
            own = _own_noun(c)
            after = c.quote[c.quote.find(c.stated) + len(c.stated):] if c.stated in c.quote else ""
            if own is not None and own != head and not after.lower().lstrip().startswith("of "):
                return False
        self._breakdown(t, first, exhaustive=False, words=":")
        return True

    def _shares_of_the_total(self, t: int, parts: Sequence[int]) -> bool:
        """Percentages after a percentage ("18%, including 27.7% among children") are rates
        of sub-groups, not parts of it, unless the words show shares of one whole: the total
        names its whole, a stock rather than people ("62% of the terrain", not "18% of
        children"), and no rate ("the poverty rate", "growth"); each part names that whole
        or none, and a place of its own ("40% in Mosul province"), not a group ("27.7% among
        children", "12% in management")."""
        cs = self.v.claims
        total = cs[t]
        whole = _share_whole(total)
        if whole is None or not _is_share(total) or _RATE_WORDS.search(
            f"{self.v.before(t, 60)} {total.counted}".lower()
        ) or not _POPULATION.isdisjoint(_LABEL_WORD.findall(whole)):
            return False
        for p in parts:
            c = cs[p]
            if not _is_share(c) or _share_whole(c) not in (None, whole) or not c.scope or \
                    c.scope == total.scope:
                return False
            if _SUBGROUP_AFTER.match(self.v.after(p).norm) or _SUBGROUP_AFTER.match(
                c.quote[c.quote.find(c.stated) + len(c.stated):].strip().lower()
            ):
                return False
        return True

    def _single_in_brackets(self, t: int, p: int, words: str) -> None:
        """"110,000 sq km (42,500 sq mi)": a figure restated in another unit, in brackets
        right after it. Counts and percentages are no units to convert between ("−0.2pp" at
        a table row's end, then "Unemployment (16+)" on the next row)."""
        cs = self.v.claims
        a, b = cs[t], cs[p]
        g = self.v.gaps[t] if p == t + 1 else None
        if g is None or g.newline or not _BRACKET_ONLY.match(g.norm):
            return
        if {a.unit, b.unit} & {"count", "percent", "dimensionless"}:
            return
        if a.kind == b.kind == "figure" and a.unit != b.unit and unit_family(a.unit) == a.unit \
                and unit_family(b.unit) == b.unit and same_dimension(a.unit, b.unit):
            self._add(Kind.CONVERSION, t, [p], words)

    # -- the patterns

    def run(self) -> tuple[Relation, ...]:
        v, cs = self.v, self.v.claims
        n = len(cs)
        for i in range(n - 1):
            g = v.gaps[i]
            if g.unknown:
                continue
            t = cs[i]
            nxt = cs[i + 1]
            if self.is_total[i + 1] and not self.is_total[i]:
                continue
            if g.newline and self._cut_before(i):
                # A total stands in the sentence of its marker, or right before it: not on a
                # label line above, nor across a blank line.
                if _PAREN.match(g.norm) or _MARKER.match(g.norm) or _COLON.match(g.norm):
                    continue
            m = _PAREN.match(g.norm)
            if m and not g.bullet:
                marker = m.group("m")
                self._breakdown(
                    i, i + 1, exhaustive=not (marker and _NON_EXHAUSTIVE_RE.match(marker)),
                    words=f"({marker})" if marker else "(", need_close_paren=True,
                )
                continue
            m = _MARKER.match(g.norm)
            if m:
                marker = m.group("m")
                self._breakdown(i, i + 1, exhaustive=not _NON_EXHAUSTIVE_RE.match(marker),
                                words=marker)
                continue
            if _COLON.match(g.norm):
                self._breakdown(i, i + 1, exhaustive=True, words=":")
                continue
            if self._predicate_colon(i, g.norm):
                continue
            m = _ANAPHOR.match(g.norm)
            if m:
                # The total is the one figure of its kind in the sentence before.
                if i > 0 and cs[i - 1].provenance.sentence == t.provenance.sentence and \
                        _fits(cs[i - 1], t):
                    continue
                verb = m.group("v") or m.group("m")
                self._breakdown(i, i + 1, exhaustive=not _NON_EXHAUSTIVE_RE.match(verb),
                                words=m.group("m"))
                continue
            if _OUT_OF.match(g.norm) and not _is_share(nxt):
                if _is_share(t) and nxt.kind == "figure":
                    self._share_of_whole(i, i + 1)
                    continue
                if _fits(t, nxt) and _part_noun_fits(t, nxt, out_of=g.norm.startswith("out")):
                    self._add(Kind.PART_OF, i + 1, [i], g.norm)
                    self._share_beside(i + 1, part=i, whole=i + 1)
                    continue
            if _OF_THE_BEFORE.search(v.before(i)) and re.match(r"^[^.;!?()\d•]{0,60}?, ?$", g.norm) \
                    and _part_noun_fits(nxt, t, out_of=False):
                self._breakdown(i, i + 1, exhaustive=False, words="of the")
        self._footnote_links()
        self._totals_after()
        self._arithmetic_sums()
        self._indented_lists()
        self._table_totals()
        self._shares_beside_parts()
        self._part_shares()
        self._complete_breakdowns()
        self._share_lists()
        pos = {id(c): a for a, c in zip(self.v.starts, self.v.claims)}
        self.out.sort(key=lambda r: min(pos[id(c)] for c in r.claims if id(c) in pos))
        return tuple(self.out)

    def _footnote_links(self) -> None:
        """"• 35.3 million refugees¹" and, below, "¹ Includes 29.4 million refugees ... and 5.9
        million Palestine refugees": the footnote breaks down the figure its mark stands by."""
        v = self.v
        text = v.text
        by_end = {e: i for i, e in enumerate(v.ends)}
        note_starts = [f.start for f in v.footnotes]

        def in_footnote(pos: int) -> bool:
            k = bisect.bisect_right(note_starts, pos) - 1
            return k >= 0 and pos < v.footnotes[k].end

        # Where each mark stands in the text outside the footnotes (found once per mark).
        refs_of: dict[str, list[tuple[int, int]]] = {}
        for f in v.footnotes:
            m = _LINK_MARKER.match(text, f.body)
            if not f.mark or m is None:
                continue
            ref = f.mark.rstrip(":")
            if ref not in refs_of:
                if ref.isdigit():
                    pattern = rf"(?<=[A-Za-z%)\]])[,.]?{ref}(?!\d)"
                elif ref == "*":
                    pattern = r"(?<=[^\s*])\*(?!\*)"
                else:
                    pattern = re.escape(ref)
                refs_of[ref] = [(r.start(), r.end()) for r in re.finditer(pattern, text)
                                if not in_footnote(r.start())]
            if bisect.bisect_left(refs_of[ref], (f.start, -1)) != 1:
                continue  # no mark above, or more than one: which figure is unknown
            ref_start, ref_end = refs_of[ref][0]
            lo = max(0, ref_start - 8)
            stripped = lo + len(text[lo:ref_start].rstrip(" \t*_`"))
            if ref_end in by_end:
                t = by_end[ref_end]  # the mark read into the figure's words
            elif ref_start - stripped <= 3 and stripped in by_end:
                t = by_end[stripped]
            else:
                continue
            first = bisect.bisect_left(v.starts, m.end())
            if first >= len(v.claims) or v.starts[first] >= f.end or \
                    not re.fullmatch(r"[^.;!?\d]{0,40}", text[m.end():v.starts[first]]):
                continue
            marker = m.group("m").lower()
            self._breakdown(t, first, exhaustive=not _NON_EXHAUSTIVE_RE.match(marker),
                            words=f"{ref} {marker}")

    def _table_totals(self) -> None:
        """A pipe table's "Total" row sums, column by column, the rows above it."""
        text = self.v.text
        if "|" not in text:
            return
        cs = self.v.claims
        # The figures of each table row, by column: {row's line start: {column: claim index}}.
        rows: dict[int, dict[int, int]] = {}
        # The bars before each figure are counted on from the figure before on its line, so a
        # table row of a megabyte costs its length once, not once per figure.
        line_of, bars_at, bars, row = -1, 0, 0, False
        for i, start in enumerate(self.v.starts):
            if line_of < 0 or text.find("\n", bars_at, start) >= 0:
                # The first figure of a line: where the line starts, and whether it is a row.
                ls = text.rfind("\n", 0, start) + 1
                line_of, bars_at, bars = ls, ls, 0
                row = text[ls:start].lstrip()[:1] == "|"
            ls = line_of
            if not row:
                bars_at = start
                continue
            bars += text.count("|", bars_at, start)
            bars_at = start
            cols = rows.setdefault(ls, {})
            col = bars - 1
            if col in cols:
                cols[col] = -1  # two figures in one cell: the cell is no single amount
            else:
                cols[col] = i
        segment: list[int] = []  # the rows since the table's start or its last total
        prev_end = -1
        for ls in sorted(rows):
            if prev_end < 0 or not all(
                line.lstrip()[:1] == "|" for line in text[prev_end:ls].split("\n")[1:-1]
            ) or text.count("\n", prev_end, ls) == 0:
                segment = []  # another table, or text between: a new run of rows
            end = text.find("\n", ls)
            prev_end = end if end >= 0 else len(text)
            label = text[ls:prev_end].lstrip().lstrip("|").split("|")[0].strip(" \t*_`").lower()
            if _TABLE_PART_LABEL.match(label):
                continue
            if not _TABLE_TOTAL_LABEL.match(label):
                segment.append(ls)
                continue
            # "Total (all donors)" under the five largest donors, "Total (incl. others)", or
            # a table of the "top" or "selected" rows: the rows are some of what the total
            # counts, not all of it.
            some = bool(_TABLE_SOME_TOTAL.search(label)) or bool(
                _TABLE_SOME_ROWS.search(_table_caption(text, ls))
            )
            for col, t in rows[ls].items():
                parts = [rows[r].get(col, -1) for r in segment]
                if t < 0 or len(parts) < 2 or min(parts) < 0:
                    continue
                total = cs[t]
                # A column of percentages is not summed: a "Funded (%)" column's total is a
                # ratio of the sums, not the sum of the ratios. Nor is a column whose cells
                # were read on different scales ("**8,800**" in bold read without the
                # column's "US$ million", the rows above with it).
                if not _is_share(total) and all(
                    _fits(total, cs[p]) and cs[p].unit == total.unit for p in parts
                ) and _same_written_scale([total, *(cs[p] for p in parts)]):
                    self._add(Kind.PART_OF if some else Kind.SUM, t, parts,
                              "Total row (some rows)" if some else "Total row")
            segment = []

    def _totals_after(self) -> None:
        """Itemised lists followed by their stated total."""
        v, cs = self.v, self.v.claims
        for t in range(1, len(cs)):
            if self._total_line(t):
                continue
            if not self.is_total[t]:
                continue
            g = v.gaps[t - 1]
            if g.unknown:
                continue
            last = t - 1
            if not (_TOTAL_GAP.match(g.norm) or _SEP.match(g.norm) or _COLON.match(g.norm) or
                    (g.bullet and _BULLET_ITEM.match(g.norm))):
                continue
            first = last
            while first > 0 and self.joins[first - 1]:
                first -= 1
            parts = list(range(first, last + 1))
            if len(parts) < 2 or not all(_fits(cs[p], cs[t]) for p in parts):
                continue
            head = _head(cs[t])
            if not all(_head(cs[p]) == head for p in parts):
                continue
            self._add(Kind.SUM, t, parts, "in total")

    def _indented_lists(self) -> None:
        """A figure alone on its line with a bulleted list indented under it, each item a
        figure of its unit ("43.4 million refugees" over "  • 31.6 million refugees under
        UNHCR's mandate", "  • 5.8 million other people ...", "  • 6 million Palestine
        refugees ..."): the indent makes the items parts of the figure above (part-of, the
        list need not be complete; evidence ``layout``)."""
        v, cs = self.v, self.v.claims
        text = v.text
        taken = {id(c) for r in self.out if r.total is not None for c in r.claims}
        for t in range(len(cs) - 1):
            total = cs[t]
            if id(total) in taken or _is_share(total) or total.kind != "figure":
                continue
            # (A figure alone on its line has a short line: looked at no further than that.)
            lo = max(0, v.starts[t] - 40)
            ls = text.rfind("\n", lo, v.starts[t]) + 1
            le = text.find("\n", v.ends[t], v.ends[t] + 200)
            if (ls == 0 and lo > 0) or le < 0 or text[ls:v.starts[t]].strip(" \t*_#") or \
                    text[v.ends[t]:le].strip(" \t*_:") and \
                    len(text[v.ends[t]:le].split()) > 3:
                continue  # not a figure alone on its line
            indent = len(text[ls:v.starts[t]]) - len(text[ls:v.starts[t]].lstrip(" \t"))
            parts: list[int] = []
            k = t + 1
            pos = le + 1
            while k < len(cs):
                # the next non-blank line must be an indented bullet starting with claim k
                while pos < len(text) and text[pos:text.find("\n", pos) if "\n" in text[pos:] else len(text)].strip() == "":
                    nl = text.find("\n", pos)
                    if nl < 0:
                        pos = len(text)
                        break
                    pos = nl + 1
                line_end = text.find("\n", pos)
                line_end = len(text) if line_end < 0 else line_end
                line = text[pos:line_end]
                m = _BULLET_LINE.match(line)
                if m is None or len(line) - len(line.lstrip(" \t")) <= indent:
                    break
                if not (pos <= v.starts[k] < line_end) or text[pos + m.end():v.starts[k]].strip():
                    break
                if not _fits(total, cs[k]) or cs[k].unit != total.unit:
                    break
                parts.append(k)
                k += 1
                while k < len(cs) and v.starts[k] < line_end:
                    k += 1  # more figures on the item's line belong to the item
                pos = line_end + 1
            if len(parts) >= 2:
                self._add(Kind.PART_OF, t, parts, "list under", evidence=("layout",))

    def _arithmetic_sums(self) -> None:
        """A list and, right before or after it in the same paragraph, a figure its parts add
        up to exactly, though no word says so ("Staff: 1,204 doctors, 3,517 nurses and 870
        midwives. 5,591 health workers were deployed."). That parts of two or more figures
        add up exactly to a neighbour by chance is unlikely once the total writes three or
        more significant digits (about one in the total's number of steps): the relation is
        taken (evidence ``arithmetic``), and kept for the versions after it, where the same
        figures must still add up (:func:`factcheck.evidence.held_before`)."""
        v, cs = self.v, self.v.claims
        n = len(cs)
        taken = {id(c) for r in self.out for c in r.claims}
        i = 0
        while i < n:
            last = self.run_end[i]
            if last == i:
                i += 1
                continue
            first = i
            i = last + 1
            parts = list(range(first, last + 1))
            if any(id(cs[p]) in taken or _is_share(cs[p]) for p in parts):
                continue
            for t, gap in ((last + 1, v.gaps[last] if last < len(v.gaps) else None),
                           (first - 1, v.gaps[first - 1] if first > 0 else None)):
                if gap is None or gap.unknown or _PARAGRAPH_END.search(gap.raw) or \
                        not 0 <= t < n or id(cs[t]) in taken:
                    continue
                total = cs[t]
                if _is_share(total) or not all(
                    _fits(total, cs[p]) and cs[p].unit == total.unit for p in parts
                ):
                    continue
                step = max(total.step, max(cs[p].step for p in parts))
                steps = total.value / step if step else total.value
                if total.value <= 0 or steps < 100:
                    continue  # a small total: parts add up to it by chance too often
                head = _head(total)
                if steps < 1000 and total.counted.lower() not in _GENERIC_COUNTED | _TOTAL_LABELS \
                        and not all(_head(cs[p]) == head for p in parts):
                    continue  # below a thousand steps, the nouns must show it too
                added = sum((cs[p].value for p in parts), Fraction(0))
                if abs(added - total.value) <= total.step / 2:
                    self._add(Kind.SUM, t, parts, "adds up", evidence=("arithmetic",))
                    taken.update(id(c) for c in (total, *(cs[p] for p in parts)))
                    break

    def _total_line(self, t: int) -> bool:
        """A "Total: 190" line after the items it totals: label lines ("Military: 149",
        "Police: 12", ...) or a list in the sentence before ("904 education projects and 416
        health projects. Total: 1,320"). True when the total was taken so."""
        v, cs = self.v, self.v.claims
        total = cs[t]
        if total.counted.strip(" :").lower() not in _TOTAL_LABELS:
            return False
        g = v.gaps[t - 1]
        if g.unknown or not _TOTAL_LINE_GAP.match(g.raw):
            return False
        if "total" in cs[t - 1].counted.lower():
            return False
        parts = [t - 1]
        k = t - 1
        while k > 0:
            gk = v.gaps[k - 1]
            if gk.unknown:
                break
            if "total" in cs[k - 1].counted.lower():
                break  # a subtotal above: the items before it are its own
            if _LABEL_LINE_GAP.fullmatch(gk.raw) or self.joins[k - 1] and not gk.newline:
                k -= 1
                parts.insert(0, k)
                continue
            break
        if len(parts) < 2 or not all(
            cs[p].unit == total.unit and not _is_share(cs[p]) for p in parts
        ) or _is_share(total):
            return False
        self._add(Kind.SUM, t, parts, "total")
        return True

    def _share_beside(self, host: int, part: int, whole: int) -> None:
        """A share in brackets after claim *host* ("78 out of 83 (94%)") as part / whole."""
        cs = self.v.claims
        s = self.v.annotations.get(id(cs[host]))
        if s is None or _is_share(cs[part]) or _is_share(cs[whole]):
            return
        key = (Kind.SHARE.value, whole, (part,), id(s))
        if key in self.seen:
            return
        self.seen.add(key)
        self.out.append(Relation(Kind.SHARE, cs[whole], (cs[part],), share=s, words="("))

    def _shares_beside_parts(self) -> None:
        index = {id(c): i for i, c in enumerate(self.v.claims)}
        for r in list(self.out):
            if r.kind not in (Kind.SUM, Kind.PART_OF) or r.total is None:
                continue
            t = index[id(r.total)]
            for p in r.parts:
                i = index[id(p)]
                self._share_beside(i, part=i, whole=t)

    def _paired_shares(self) -> list[tuple[Claim, Claim]]:
        """Each figure stated with its share, in text order: "78 nations (94%)", "80 900
        first time applicants, or 38 per cent of total ...", "(988,428 individuals or 40%)",
        "a quarter of the children ... (19 million)". Not a change in per cent: "rose by
        4,000, or 12%" (rate words before the figure) gives the old level, not a whole."""
        v, cs = self.v, self.v.claims
        out: list[tuple[Claim, Claim]] = []
        for i, c in enumerate(cs):
            s = v.annotations.get(id(c))
            if s is not None and not _is_share(c):
                if not _RATE_WORDS.search(v.before(i, 60)):
                    out.append((c, s))
                continue
            if i + 1 >= len(cs):
                continue
            g, nxt = v.gaps[i], cs[i + 1]
            if g.unknown or g.newline:
                continue
            if not _is_share(c) and _is_share(nxt) and _OR_SHARE.match(g.norm):
                x, share, before = c, nxt, v.before(i, 60)
            elif _is_share(c) and not _is_share(nxt) and _SHARE_THEN_PART.match(g.norm) and \
                    v.after(i + 1).norm.startswith(")"):
                x, share, before = nxt, c, v.before(i, 60)
            else:
                continue
            if _RATE_WORDS.search(before) or _RATE_WORDS.search(g.norm.replace("per cent", "")):
                continue
            out.append((x, share))
        return [(x, s) for x, s in out
                if x.kind == "figure" and x.unit != UNKNOWN and x.value > 0 and x.value_high is None
                and s.value_high is None and 0 < (s.value if s.unit == "percent" else s.value * 100) < 100]

    def _complete_breakdowns(self) -> None:
        """A list after "of the", "including" (part-of) that the words show to be the whole
        breakdown becomes a sum: its parts name each group of a partition once ("88 million
        are boys and 64 million are girls": :data:`lexicon.PARTITIONS`), or each part has its
        share and the shares make 100% ("IDPs in camps (988,428 individuals or 40%) and IDPs
        in host communities (1,466,762 individuals or 60%)")."""
        shares: dict[int, Claim] = {id(x): s for x, s in self.paired}
        for k, r in enumerate(self.out):
            if r.kind is not Kind.PART_OF or r.total is None or len(r.parts) < 2:
                continue
            groups = [_group_of(p) for p in r.parts]
            named = frozenset(g for g in groups if g)
            partition = all(groups) and len(named) == len(groups) and any(
                named == words and (whole is None or whole in r.total.counted.lower())
                for words, whole in lexicon.PARTITIONS)
            got = [shares.get(id(p)) for p in r.parts]
            hundred = all(s is not None and s.unit == "percent" for s in got) and abs(
                sum((s.value for s in got if s is not None), Fraction(0)) - 100) <= \
                sum((s.step for s in got if s is not None), Fraction(0)) / 2
            if partition or hundred:
                self.out[k] = attrs.evolve(
                    r, kind=Kind.SUM, exclusive=True,
                    evidence=(*r.evidence, "partition" if partition else "shares"))

    def _part_shares(self) -> None:
        """Parts stated with their shares of one whole, two or more in one sentence: each
        part over its share must give the same whole (and the total, when the parts are the
        breakdown of one). Their counted nouns must agree (or be carried over) and their
        shares name no two wholes ("45% of all women", "30% of men")."""
        self.paired = self._paired_shares()
        pairs = [(x, s) for x, s in self.paired if _of_one_whole(x, s)]
        totals: dict[int, Claim] = {}
        for r in self.out:
            if r.kind in (Kind.SUM, Kind.PART_OF) and r.total is not None:
                for p in r.parts:
                    totals.setdefault(id(p), r.total)
        groups: list[list[tuple[Claim, Claim]]] = []
        for x, s in pairs:
            if groups:
                px, ps = groups[-1][-1]
                na, nb = _own_noun(px), _own_noun(x)
                if px.provenance.sentence == x.provenance.sentence and _fits(px, x) and \
                        (na is None or nb is None or na == nb) and _same_whole(ps, s) and \
                        ps.unit == s.unit:
                    groups[-1].append((x, s))
                    continue
            groups.append([(x, s)])
        for group in groups:
            whole = totals.get(id(group[0][0]))
            if whole is not None and any(totals.get(id(x)) is not whole for x, _ in group):
                whole = None
            if len(group) < 2:
                x, share = group[0]
                if whole is not None and self.v.annotations.get(id(x)) is not share:
                    k = (Kind.SHARE.value, id(whole), (id(x),), id(share))
                    if k not in self.seen:
                        self.seen.add(k)
                        self.out.append(Relation(Kind.SHARE, whole, (x,), share=share, words="or"))
                continue
            key = (Kind.PART_SHARES.value, -1, tuple(id(x) for x, _ in group), 0)
            if key in self.seen:
                continue
            self.seen.add(key)
            self.out.append(Relation(
                Kind.PART_SHARES, whole, tuple(x for x, _ in group),
                shares=tuple(s for _, s in group), words="or"))

    def _share_of_whole(self, s: int, w: int) -> None:
        """"40% of the 6.75 million beneficiaries, or 2.7 million"."""
        v, cs = self.v, self.v.claims
        p = w + 1
        if p >= len(cs) or not _fits(cs[w], cs[p]) or _is_share(cs[p]):
            return
        g = v.gaps[w]
        if g.unknown or not _OR_PART.match(g.norm):
            return
        self._add(Kind.SHARE, w, [p], "of", share=s)

    def _shares_of_something(self, i: int, j: int) -> bool:
        """Percentages listed together are shares of one whole only when their words say so:
        each names what it is a share of ("62% of the terrain"), or a group ("60% women and
        40% men"), or carries over the noun of a share before it ("... and 30% in Syria"),
        or the list follows its whole ("Among IDPs, 80% lack documents, 65% ..."). Rates,
        growth, inflation or interest rates listed together ("4.50%, 4.75% and 4.00%
        respectively") are no shares of anything."""
        cs = self.v.claims
        if _WHOLE_BEFORE.search(self.v.before(i, 60)):
            return True
        named: set[str] = set()
        for k in range(i, j + 1):
            c = cs[k]
            if _share_whole(c) is not None:
                named.add(c.counted.lower())
                continue
            own = _own_noun(c)
            if own is None and c.counted.lower() in named:
                continue  # "... and 30% in Syria": the noun of the share before
            words = _LABEL_WORD.findall(c.counted.lower()) if own is not None else []
            if not words or not set(words) <= _GROUP_WORDS:
                return False
        return True

    def _share_lists(self) -> None:
        cs = self.v.claims
        i = 0
        n = len(cs)
        while i < n:
            j = i
            while j < n - 1 and self.joins_shares[j]:
                j += 1
            if j > i and all(cs[k].scope == cs[i].scope for k in range(i, j + 1)) and \
                    self._shares_of_something(i, j):
                self._add(Kind.SHARES, None, list(range(i, j + 1)), "and",
                          exclusive=_exclusive(cs[i:j + 1]))
            i = j + 1

