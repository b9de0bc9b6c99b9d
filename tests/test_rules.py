"""Rules files: declared relations by claim id, and one clear error for a bad file."""

from fractions import Fraction as F
from pathlib import Path

import pytest

from factcheck.checking import check
from factcheck.errors import RulesError
from factcheck.extraction import extract
from factcheck.rules import Rate, Rule, Rules, load_rules, loads_rules

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
TEXT = (SERIES / "2021.txt").read_text(encoding="utf-8")

GOOD = """\
[[rules]]
name = "membership adds up"
type = "sum"
total = "members"
parts = ["nations", "international-organisations"]

[[rules]]
type = "percentage"
part = "nations"
whole = "members"
value = "94%"

[[rules]]
type = "bound"
claim = "fighters"
op = "<="
than = "ftfs"

[[rules]]
type = "equal"
claims = ["health-projects", "housing-projects"]

[[rates]]
from = "EUR"
to = "USD"
rate = "1.08"
"""


def error(text):
    """The RulesError (as one line) raised by parsing *text*."""
    with pytest.raises(RulesError) as info:
        loads_rules(text, "f.rules.toml")
    return str(info.value)


def test_parse_good_file():
    """A good rules file reads into rules and rates, each with its line."""
    rules = loads_rules(GOOD, "f.rules.toml")
    assert rules.rules[0] == Rule(
        type="sum", line=1, name="membership adds up", total="members",
        parts=("nations", "international-organisations"),
        id_lines=(("members", 4), ("nations", 5), ("international-organisations", 5)),
    )
    assert (rules.rules[1].value, rules.rules[1].value_step) == (F(94), F(1))
    assert rules.rules[2].than == "ftfs"
    assert rules.rates == (Rate("EUR", "USD", F("1.08"), 23),)
    assert rules.rate("USD", "EUR") == 1 / F("1.08")


def test_declared_rules_are_checked():
    """Each declared rule becomes one finding, named by the rule's name if it has one."""
    report = check(extract(TEXT, source="2021.txt"), loads_rules(GOOD, "f.rules.toml"))
    declared = [(f.rule, f.verdict.value, f.subject, f.message)
                for f in report.findings if f.rule.startswith("declared")]
    assert declared == [
        ("declared:sum", "consistent", "membership adds up", "78 + 5 = 83, as stated"),
        ("declared:percentage", "consistent", "nations / members",
         "78 / 83 = 94.0%, as declared (94%)"),
        ("declared:bound", "consistent", "fighters <= ftfs",
         "about 10,000 (line 21) ≤ over 40,000 (line 119): as required"),
        ("declared:equal", "inconsistent", "health-projects = housing-projects",
         "line 51 says “58 housing projects”, but line 51 says “321 health projects”"),
    ]


def test_rules_beside_the_factsheet_are_used(tmp_path):
    """check(path) uses x.rules.toml beside x.txt."""
    (tmp_path / "f.txt").write_text("It has 83 members and 78 nations.\n", encoding="utf-8")
    (tmp_path / "f.rules.toml").write_text(
        '[[rules]]\ntype = "bound"\nclaim = "nations"\nop = ">"\nthan = "members"\n',
        encoding="utf-8",
    )
    (finding,) = check(tmp_path / "f.txt").findings
    assert (finding.rule, finding.verdict.value) == ("declared:bound", "inconsistent")


def test_unknown_id_names_file_and_line(tmp_path):
    """A rule naming an unknown claim id: one error with the file and the id's line."""
    rules = loads_rules('[[rules]]\ntype = "sum"\ntotal = "members"\nparts = ["nations",\n'
                        '  "organisations"]\n', "f.rules.toml")
    with pytest.raises(RulesError) as info:
        check(extract(TEXT, source="2021.txt"), rules)
    assert str(info.value) == (
        "f.rules.toml:5: sum rule names claim id 'organisations', which is not a claim in "
        "2021.txt; list ids with 'factcheck extract'"
    )


@pytest.mark.parametrize(
    "text, message",
    [
        ('[[rules]]\ntype = "avg"\n', "f.rules.toml:2: rule 'type' must be one of sum, equal, "
         "ratio, percentage, bound; got 'avg'"),
        ('[[rules]]\ntype = "sum"\ntotal = 83\nparts = ["a"]\n',
         "f.rules.toml:3: sum rule: 'total' must be a claim id (string); got int 83"),
        ('[[rules]]\ntype = "sum"\ntotal = "a"\nparts = []\n',
         "f.rules.toml:4: sum rule: 'parts' must be a non-empty list of claim ids (strings)"),
        ('[[rules]]\ntype = "sum"\ntotal = "a"\n', "f.rules.toml:1: sum rule needs 'parts'"),
        ('[[rules]]\ntype = "sum"\ntotal = "a"\nparts = ["b"]\nmax = 3\n',
         "f.rules.toml:5: sum rule has unknown key 'max'; expected: total, parts, complete"),
        ('[[rules]]\ntype = "bound"\nclaim = "a"\nop = "=="\nthan = 3\n',
         "f.rules.toml:4: bound rule: 'op' must be one of <=, >=, <, >; got '=='"),
        ('[[rules]]\ntype = "equal"\nclaims = ["a"]\n',
         "f.rules.toml:3: equal rule: 'claims' needs at least two claim ids"),
        ('[[rules]]\ntype = "sum"\ntotal = "a"\nparts = ["a", "b"]\n',
         "f.rules.toml:4: sum rule: 'a' is both the total and a part (a cycle)"),
        ('[[rules]]\ntype = "sum"\ntotal = "a"\nparts = ["b"]\n\n'
         '[[rules]]\ntype = "sum"\ntotal = "b"\nparts = ["c"]\n\n'
         '[[rules]]\ntype = "sum"\ntotal = "c"\nparts = ["a"]\n',
         "f.rules.toml:14: sum rules form a cycle: a -> b -> c -> a"),
        ('[[rates]]\nfrom = "EUR"\nto = "dollars"\nrate = 1.1\n',
         "f.rules.toml:3: rate 'to' must be an ISO 4217 currency code such as \"USD\"; got "
         "'dollars'"),
        ("[[rules]\n", "f.rules.toml:1: not valid TOML: Expected ']]' at the end of an "
         "array declaration (at line 1, column 8)"),
        ('checks = 1\n', "f.rules.toml:1: unknown top-level key 'checks'; a rules file holds "
         "[[rules]] and [[rates]]"),
    ],
)
def test_malformed_rules(text, message):
    """Each malformed rules file gets one error naming the file and line."""
    assert error(text) == message


def test_missing_rules_file():
    """A rules file that is not there is a RulesError naming it."""
    with pytest.raises(RulesError) as info:
        load_rules("/nonexistent/f.rules.toml")
    assert str(info.value) == "/nonexistent/f.rules.toml: no such file"


def test_declared_rate_makes_currencies_addable():
    """With a declared rate, money in two currencies is added at that rate."""
    doc = extract("The budget is €5,000,000 ($3,000,000 and €2,000,000).")
    rules = Rules(rates=(Rate("EUR", "USD", F(3, 2)),))
    (finding,) = check(doc, rules).findings
    assert (finding.rule, finding.verdict.value) == ("sum", "inconsistent")
    rules = Rules(rates=(Rate("EUR", "USD", F(1)),))
    (finding,) = check(doc, rules).findings
    assert (finding.rule, finding.verdict.value) == ("sum", "consistent")
