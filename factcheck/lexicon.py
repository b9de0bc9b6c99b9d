"""The words the checker knows, as data: one table per kind of word, each row with an example.

Relation discovery (:mod:`factcheck.relations`) and the validators (:mod:`factcheck.validators`,
:mod:`factcheck.evidence`) read these tables; none of them keeps a word list of its own. A
reading rule that needs a new word gets a row here, with the example that shows it, rather than
another branch in the code. ``tests/test_lexicon.py`` checks that every row's example uses its
word, so a table cannot drift from what it claims to hold.

Each table is a tuple of ``(word or phrase, example)`` rows; the frozensets and tuples beside
them (``GROUP_WORDS`` ...) are what the code reads.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "COMMON_WHOLE_WORDS",
    "EXHAUSTIVE_MARKERS",
    "GENERIC_COUNTED",
    "GROUP_WORDS",
    "LIGHT_WORDS",
    "NON_EXHAUSTIVE_MARKERS",
    "OWNER_VERBS",
    "OWN_WHOLE_WORDS",
    "PARTITIONS",
    "PARTIAL_LIST_WORDS",
    "POPULATION_WORDS",
    "SCOPE_NEUTRAL_WORDS",
    "SLIP_KINDS",
    "SUMMARY_HEADINGS",
    "STOP_WORDS",
    "TABLES",
    "TOTAL_LABELS",
    "WHOLE_SET_WORDS",
]

Rows = tuple[tuple[str, str], ...]


def _words(rows: Rows) -> frozenset[str]:
    return frozenset(w for w, _ in rows)


# --------------------------------------------------------------------------- breakdowns

_NON_EXHAUSTIVE: Final[Rows] = (
    ("including", "8.7 million people, including 2.1 million refugees"),
    ("includes", "The total includes 300 in Mosul and 200 in Basra"),
    ("include", "These include 40 schools and 12 clinics"),
    ("included", "The 3,100 injured included 1,900 with gunshot wounds"),
    ("incl.", "1,320 projects incl. 904 in education"),
    ("of which", "$4.1 billion, of which $2.3 billion was disbursed"),
    ("of whom", "4.2 million people, of whom 3.4 million depend on aid"),
    ("among them", "12,000 arrivals, among them 4,000 children"),
    ("among whom", "500 patients, among whom 120 were children"),
    ("among which", "40 projects, among which 12 water projects"),
    ("among these", "Among these, 2,000 are children"),
    ("such as", "donors such as Germany (€200 million) and Japan ($150 million)"),
    ("notably", "several sectors, notably 300 schools"),
    ("e.g.", "some places, e.g. 200 in Basra"),
    ("of these", "Of these, 78 are nations"),
    ("of them", "Of them, 40 are women"),
    ("of this", "Of this, $1.2 billion is pledged"),
    ("of this total", "Of this total, 60,000 returned"),
)
NON_EXHAUSTIVE_MARKERS: Final = tuple(w for w, _ in _NON_EXHAUSTIVE)
"""Words after a total that open a list of some of its parts (checked: part-of)."""

_EXHAUSTIVE: Final[Rows] = (
    ("comprising", "83 members comprising 78 nations and 5 organisations"),
    ("comprises", "The force comprises 16 doctors and 53 nurses"),
    ("comprise", "The 190 staff comprise 149 military and 41 police"),
    ("consisting of", "a team consisting of 12 engineers and 4 drivers"),
    ("consists of", "The fleet consists of 40 trucks and 12 vans"),
    ("consist of", "The 60 sites consist of 40 camps and 20 settlements"),
    ("made up of", "83 members made up of 78 nations and 5 organisations"),
    ("is made up of", "The budget is made up of $2 billion and $1 billion"),
    ("are made up of", "The 90 staff are made up of 60 local and 30 international"),
    ("broken down into", "$5 million broken down into $3 million and $2 million"),
    ("broken down as", "1,200 cases broken down as 700 in A and 500 in B"),
    ("divided into", "120 km² divided into 80 km² and 40 km²"),
    ("split into", "$10 million split into $6 million and $4 million"),
    ("split between", "400 beds split between 250 in A and 150 in B"),
    ("namely", "$10 million from two donors, namely $3 million and $7 million"),
    ("i.e.", "five organisations, i.e. 2 UN agencies and 3 banks"),
    ("that is", "that is 40 in A and 60 in B"),
)
EXHAUSTIVE_MARKERS: Final = tuple(w for w, _ in _EXHAUSTIVE)
"""Words after a total that open the list of all its parts (checked: sum)."""

_PARTIAL_LIST: Final[Rows] = (
    ("such as", "donors such as Germany and Japan"),
    ("notably", "notably 300 schools"),
    ("e.g.", "e.g. 200 in Basra"),
    ("among others", "among others 40 clinics"),
    ("for example", "for example 12 clinics"),
    ("main", "the main donors: $4.2m and $2.1m"),
    ("top", "the top three countries: 40%, 20% and 10%"),
    ("largest", "the largest groups are 2.1 million and 1.9 million"),
    ("other", "and 40 other projects"),
    ("others", "1.2 million others"),
    ("selected", "selected sectors: 30 and 40"),
    ("some", "some 12,000 of them in camps"),
)
PARTIAL_LIST_WORDS: Final = _words(_PARTIAL_LIST)
"""Words that say a list names only some of a total's parts: a shortfall is then no slip."""

_TOTAL_LABEL: Final[Rows] = (
    ("total", "Total: 190"),
    ("totals", "Totals ........ 2,427"),
    ("grand total", "Grand total  2,427"),
    ("overall total", "Overall total: 1,320"),
    ("sum", "Sum: 412"),
)
TOTAL_LABELS: Final = _words(_TOTAL_LABEL)
"""Labels of a line that states the total of the lines above it."""

# --------------------------------------------------------------------------- what is counted

_PARTITION: Final[Rows] = (
    ("boys girls / children", "Of the 152 million children in child labour, 88 million are "
                              "boys and 64 million are girls"),
    ("male female", "of the 640 cases, 330 male and 310 female"),
    ("males females", "of the 5,000 participants, 2,400 males and 2,600 females"),
    ("urban rural", "of the 9 million, 5.2 million urban and 3.8 million rural"),
)
PARTITIONS: Final = tuple(
    (frozenset(w.split(" / ")[0].split()), w.split(" / ")[1] if " / " in w else None)
    for w, _ in _PARTITION
)
"""Groups that together make up their whole, each counted in one, with the noun the whole must
count when only such a whole is made up of them ("boys" and "girls" are all children, not all
people): a list of parts that names each group once is its total's whole breakdown ("88
million are boys and 64 million are girls" of 152 million children). Women and men are left
out: "4.2 million people, of whom 2.1 million women and 1.9 million men" leaves the children."""

_GROUP: Final[Rows] = tuple(
    (w, f"60% {w} and 40% others") for w in (
        "women woman men man girls girl boys boy females female males male children child "
        "adults adult elderly urban rural other others rest remainder remaining"
    ).split()
)
GROUP_WORDS: Final = _words(_GROUP)
"""Groups that split one whole into parts that exclude each other ("60% women and 40% men")."""

_POPULATION: Final[Rows] = tuple(
    (w, f"18% of {w} live in poverty") for w in (
        "people persons person population populations inhabitants residents citizens nationals "
        "households household families family youth young adolescents teenagers infants babies "
        "workers worker employees staff labour labor workforce students pupils learners "
        "refugees idps migrants returnees respondents patients voters members users customers "
        "individuals participants beneficiaries recipients farmers smallholders"
    ).split()
)
POPULATION_WORDS: Final = _words(_POPULATION) | GROUP_WORDS
"""Wholes made of people: a percentage of them is a rate, not a share of a stock."""

_GENERIC: Final[Rows] = (
    ("figure", "18 (a bare figure extraction names no noun for)"),
    ("funding", "$1.2 billion: funding, by its currency"),
    ("area", "110,000 sq km: an area, by its unit"),
    ("distance", "1,200 km: a distance, by its unit"),
    ("duration", "12 years: a duration, by its unit"),
    ("share", "4.50%: a share, by its sign"),
    ("multiple", "2.5 times: a multiple"),
    ("mass", "40 tonnes: a mass, by its unit"),
    ("volume", "300 m³: a volume, by its unit"),
    ("energy", "12 GWh: energy, by its unit"),
    ("power", "40 MW: power, by its unit"),
    ("percentage points", "0.4 percentage points"),
)
GENERIC_COUNTED: Final = _words(_GENERIC)
"""The counted nouns extraction falls back on when a figure's words name none: they say
nothing about which quantity a figure is."""

# --------------------------------------------------------------------------- what is said of a figure

_LIGHT: Final[Rows] = tuple(
    (w, f"The Coalition {w} 83 members") for w in (
        "the a an its their his her our this that these those is are was were be been being has "
        "have had with of at in on by and now currently still stands stood standing total totals "
        "totalled totaled totalling totaling numbers numbered reached reaches reaching counts "
        "counted"
    ).split()
)
LIGHT_WORDS: Final = _words(_LIGHT)
"""Words that say nothing about which quantity a figure is: articles, "is", "has", and the
verbs that state a size ("now stands at 83 members")."""

_STOP: Final[Rows] = tuple(
    (w, f"figures {w} people") for w in (
        "the and of to in a an at on for with by from has have had is are was were been be that "
        "this which than more over nearly about some around almost as its their it they now also "
        "into across since while who whom these those there here per our we you not all any each "
        "such other being will would can could may might must"
    ).split()
)
STOP_WORDS: Final = _words(_STOP)
"""Words too common to say that two sentences speak of one thing."""

_SCOPE_NEUTRAL: Final[Rows] = (
    ("worldwide", "152 million children work worldwide"),
    ("globally", "Globally, 152 million children work"),
    ("global", "a global total of 152 million"),
    ("today", "Today 83 members"),
    ("currently", "currently 83 members"),
    ("now", "now 83 members"),
    ("overall", "overall 83 members"),
    ("altogether", "altogether 83 members"),
    ("estimated", "an estimated 8 million people"),
    ("all", "In all, 83 members"),
    ("total", "a total of 83 members"),
)
SCOPE_NEUTRAL_WORDS: Final = _words(_SCOPE_NEUTRAL)
"""Words that restrict a figure to nothing: "152 million children work worldwide" states
the same quantity as "152 million children work"."""

_OWNER_VERB: Final[Rows] = (
    ("has", "The Alliance has 32 members"),
    ("have", "The islands have 8,000 inhabitants"),
    ("had", "The Coalition had 81 members"),
    ("stands at", "The Alliance now stands at 32 members"),
    ("stood at", "The Coalition stood at 81 members"),
    ("numbers", "The Coalition numbers 83 members"),
    ("numbered", "The force numbered 12,000 troops"),
    ("comprises", "The Coalition comprises 83 members"),
    ("comprised", "The force comprised 12,000 troops"),
    ("counts", "The network counts 400 members"),
    ("brings together", "The Coalition brings together 83 members"),
    ("unites", "The Alliance unites 32 members"),
    ("grew to", "The Coalition grew to 83 members"),
    ("is made up of", "The Alliance is made up of 32 members"),
    ("consists of", "The Union consists of 27 member states"),
    ("employs", "The agency employs 20,000 staff"),
)
OWNER_VERBS: Final = tuple(w for w, _ in _OWNER_VERB)
"""Verbs between a body and the size of its membership or staff ("X has 32 members"):
the figure is X's, and another figure of the same noun that is X's states it again."""

_WHOLE_SET: Final[Rows] = (
    ("all", "All 33 members of the Alliance share information"),
    ("the", "the 27 member states of the Union"),
    ("its", "its 83 members"),
    ("each of the", "each of the 32 members of the Alliance"),
)
WHOLE_SET_WORDS: Final = tuple(w for w, _ in _WHOLE_SET)
"""Words before "N <noun> of X" that make N the whole membership of X ("All 33 members of
the Alliance"), not some of it ("12 members of the Alliance voted against")."""

_COMMON_WHOLE: Final[Rows] = (
    ("total", "80 900 applicants, or 38 per cent of total first time applicants in the EU"),
    ("all", "32 700 cases, or 15% of all cases"),
    ("overall", "1.2 million, or 40% of the overall caseload"),
)
COMMON_WHOLE_WORDS: Final = _words(_COMMON_WHOLE)
"""Words in a share's "of ..." that make it a share of the list's one whole, so that parts
listed with their shares ("Germany (80 900, or 38 per cent of total ...), Hungary (32 700, or
15 per cent)") each give the same whole."""

_OWN_WHOLE: Final[Rows] = (
    ("its", "Lebanon (1.5 million, or 25% of its population)"),
    ("their", "the two states (40,000 and 55,000, or 3% and 4% of their workforce)"),
    ("each", "200 and 300 clinics, or 20% and 30% of each region's clinics"),
    ("own", "400 staff, or 12% of its own staff"),
    ("respective", "2.1 million and 0.9 million, or 8% and 5% of the respective populations"),
    ("gdp", "Germany ($50 billion, or 1.3% of GDP), France ($40 billion, or 1.9% of GDP)"),
    ("population", "Jordan (700,000, or 7% of the population), Lebanon (1.5 million, or 25%)"),
)
OWN_WHOLE_WORDS: Final = _words(_OWN_WHOLE)
"""Words in a share's "of ..." that make it a share of each part's own whole (a country's
population, its GDP): parts listed with such shares give as many wholes as parts."""

_SUMMARY_HEADING: Final[Rows] = (
    ("key facts", "## Key facts"),
    ("key figures", "Key figures"),
    ("key messages", "KEY MESSAGES"),
    ("fast facts", "Fast facts"),
    ("quick facts", "Quick facts"),
    ("facts and figures", "Facts and figures"),
    ("in numbers", "WFP Yemen: In Numbers"),
    ("at a glance", "Figures at a glance"),
    ("highlights", "Highlights"),
    ("summary", "Summary"),
    ("overview", "Overview"),
    ("statistics", "GLOBAL STATISTICS"),
    ("snapshot", "Snapshot"),
    ("main findings", "Main findings"),
    ("headlines", "Headlines"),
)
SUMMARY_HEADINGS: Final = tuple(w for w, _ in _SUMMARY_HEADING)
"""Headings of a summary that the body states again in its own sections ("GLOBAL
STATISTICS: 17 million people were accessing antiretroviral therapy", and under "People living
with HIV accessing antiretroviral therapy": "17 million people living with HIV were accessing
antiretroviral therapy"): a figure under such a heading and one under another are not told apart
by their headings."""

# --------------------------------------------------------------------------- typing slips

_SLIPS: Final[Rows] = (
    ("digit", "one digit changed: 4.2 million for 4.7 million"),
    ("swap", "two digits swapped: 152 million for 125 million"),
    ("dropped", "a digit dropped: 190 for 1,900"),
    ("doubled", "a digit doubled: 19,900 for 1,900"),
    ("scale", "a scale word slipped: 18.6 billion for 18.6 million"),
    ("copied", "a figure copied from its neighbour: 2.1 million twice"),
)
SLIP_KINDS: Final = {
    "digit": "one digit changed",
    "swap": "two digits swapped",
    "dropped": "a digit dropped",
    "doubled": "a digit doubled",
    "scale": "a scale word slipped",
    "copied": "a figure copied from its neighbour",
}
"""The slips an editor makes in a figure, with how a message names each."""

TABLES: Final[dict[str, Rows]] = {
    "non-exhaustive markers": _NON_EXHAUSTIVE,
    "exhaustive markers": _EXHAUSTIVE,
    "partial-list words": _PARTIAL_LIST,
    "total labels": _TOTAL_LABEL,
    "group words": _GROUP,
    "partitions": _PARTITION,
    "population words": _POPULATION,
    "generic counted nouns": _GENERIC,
    "light words": _LIGHT,
    "stop words": _STOP,
    "scope-neutral words": _SCOPE_NEUTRAL,
    "owner verbs": _OWNER_VERB,
    "whole-set words": _WHOLE_SET,
    "common-whole words": _COMMON_WHOLE,
    "own-whole words": _OWN_WHOLE,
    "summary headings": _SUMMARY_HEADING,
    "slips": _SLIPS,
}
"""Every table by name, for tests and documentation."""
