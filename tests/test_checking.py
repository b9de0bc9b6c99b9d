"""factcheck.check: inputs, the report record, your own validators, and properties."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import factcheck
from factcheck import strategies
from factcheck.checking import CheckReport, Finding, Verdict, check, default_validators
from factcheck.extraction import extract
from factcheck.snapshot import dumps_snapshot

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
TEXT = "The Global Coalition now stands at 83 members (78 nations and five international organisations).\n"


def summary(report):
    """(rule, verdict, message) of each finding."""
    return [(f.rule, f.verdict.value, f.message) for f in report.findings]


def test_check_takes_a_document_claims_a_path_or_a_snapshot(tmp_path):
    """The same findings from a document, its claims, its file and its snapshot file."""
    doc = extract(TEXT, source="f.txt")
    (tmp_path / "f.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "f.toml").write_text(dumps_snapshot(doc), encoding="utf-8")
    expected = [("sum", "consistent", "78 + 5 = 83, as stated")]
    assert summary(check(doc)) == expected
    assert summary(check(list(doc))) == expected
    assert summary(check(tmp_path / "f.txt")) == expected
    assert summary(check(str(tmp_path / "f.toml"))) == expected


def test_public_api():
    """check and its records are part of the public API."""
    assert factcheck.check is check
    assert factcheck.Verdict is Verdict
    assert {"check", "CheckReport", "Finding", "Verdict", "load_rules"} <= set(factcheck.__all__)


def test_report_summary_and_failure():
    """The summary counts findings per verdict; failed() follows --strict."""
    claim = extract(TEXT)[0]
    report = CheckReport(
        findings=(
            Finding.make("sum", Verdict.CONSISTENT, "ok", [claim]),
            Finding.make("x", Verdict.UNDETERMINED, "maybe", [claim]),
        ),
        sources=("<text>",),
    )
    assert report.summary == {"checks": 2, "consistent": 1, "inconsistent": 0,
                              "undetermined": 1}
    assert (report.failed(), report.failed(strict=True)) == (False, True)


def test_custom_validator():
    """Your own validator runs with the built-in ones and its findings are reported."""

    def no_small_totals(claims, context):
        for c in claims:
            if c.counted == "members":
                verdict = Verdict.INCONSISTENT if c.value < 100 else Verdict.CONSISTENT
                yield Finding.make("big-enough", verdict, f"{c.value} members", [c])

    report = check(extract(TEXT), validators=[*default_validators(), no_small_totals])
    assert summary(report) == [
        ("sum", "consistent", "78 + 5 = 83, as stated"),
        ("big-enough", "inconsistent", "83 members"),
    ]


def test_validators_see_the_relations():
    """A validator's context holds the relations the text states."""
    seen = []

    def spy(claims, context):
        seen.extend((r.kind.value, r.total.id) for r in context.relations)
        return ()

    check(extract(TEXT), validators=[spy])
    assert seen == [("sum", "members")]


def test_bundled_series_has_no_inconsistent_finding():
    """Every bundled version checks with nothing inconsistent."""
    report = CheckReport(findings=())
    for p in sorted(SERIES.glob("*.txt")):
        report = report + check(p)
    assert report.summary == {"checks": 3, "consistent": 3, "inconsistent": 0,
                              "undetermined": 0}


# --------------------------------------------------------------------------- properties


@settings(max_examples=60, deadline=None)
@given(strategies.paragraphs())
def test_consistent_breakdowns_are_never_inconsistent(p):
    """A consistent breakdown written exactly is found, and found consistent."""
    report = check(extract(p.text))
    assert [(f.rule, f.verdict) for f in report.findings] == [
        ("sum" if p.complete else "part-of", Verdict.CONSISTENT)
    ]


@settings(max_examples=60, deadline=None)
@given(strategies.paragraphs(rounding=True))
def test_rounding_never_makes_it_inconsistent(p):
    """Parts and totals rounded the way publishers round are never inconsistent."""
    report = check(extract(p.text))
    assert report.count(Verdict.INCONSISTENT) == 0
    assert len(report.findings) == 1


@settings(max_examples=60, deadline=None)
@given(strategies.paragraphs(source=strategies.breakdowns()), st.data())
def test_perturbing_one_exact_part_makes_it_inconsistent(p, data):
    """Changing one exactly written part makes the check inconsistent.

    A list after 'includes' need not be complete, so there only a larger part must fail.
    """
    i = data.draw(st.integers(0, len(p.part_texts) - 1))
    delta = data.draw(st.integers(1, 10**6))
    if p.complete and data.draw(st.booleans()) and p.breakdown.parts[i] > delta:
        delta = -delta
    q = strategies.perturbed(p, i, delta)
    report = check(extract(q.text))
    assert [f.verdict for f in report.findings] == [Verdict.INCONSISTENT]


@settings(max_examples=30, deadline=None)
@given(strategies.claims())
def test_generated_claims_hold_their_own_value(c):
    """strategies.claims() gives claims whose interval allows their value, or is open at it."""
    assert c.value in c.interval or c.qualifier.value in ("over", "under")


def _readme_block(heading):
    """The first python code block after *heading* in the README."""
    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    after = text[text.index(heading):]
    start = after.index("```python\n") + len("```python\n")
    return after[start:after.index("```", start)]


def test_readme_check_example(capsys):
    """The README's check example prints what its comments say."""
    code = _readme_block("### Checking figures against each other")
    exec(compile(code, "README.md", "exec"), {})
    expected = [line[2:] for line in code.splitlines() if line.startswith("# ")]
    assert capsys.readouterr().out.splitlines() == expected


def test_readme_cli_example():
    """The README's check command example shows what the command prints."""
    from click.testing import CliRunner

    from factcheck.cli import main

    text = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = text[text.index("$ factcheck check "):]
    block = block[:block.index("```")]
    command, *lines = block.splitlines()
    result = CliRunner().invoke(main, command.split()[2:])
    assert result.stdout.splitlines() == lines


# --------------------------------------------------------------------------- reviewed false alarms

REVIEWED = {
    # A1: one counted noun, two figures
    "pct2": "Around 60% of refugees in Chad are children.\n\n"
            "Some 85% of refugees in Chad are women and children.\n",
    "r1": "In 2023, 11 Allies are expected to meet the 2% guideline.\n\n"
          "In 2023, 24 Allies are expected to meet the equipment guideline.\n",
    "pp2": "The UK unemployment rate increased by 0.4 percentage points on the quarter, to "
           "4.2%.\n\nCompared with a year earlier, the UK unemployment rate increased by 0.9 "
           "percentage points.\n",
    # A2: "N things of M other-things"
    "of_part": "109 new varieties of 32 crops will be released.\n",
    "and_of": "Transfers: KES 400.1 billion (Equitable Share KES 391.1 billion and conditional "
              "grants of KES 9.0 billion).\n",
    # A3: multiple-response percentages
    "shares_multi": "Among IDPs, 80% lack documents, 65% lack shelter and 45% lack income.\n",
    # A4: a footnote under a bulleted list
    "footnote_includes": "Displaced people (end-2022)\n• 35.3 million refugees¹\n"
                         "• 5.2 million other people in need of protection\n\n"
                         "¹ Includes 29.4 million refugees under UNHCR mandate and 5.9 million "
                         "Palestine refugees.\n",
    # A5: a table's "Total (all donors)" under some donors
    "gavi_table": "| Donor | US$ million |\n|---|---|\n| United Kingdom | 2,055 |\n"
                  "| Bill & Melinda Gates Foundation | 1,600 |\n| United States | 1,160 |\n"
                  "| Norway | 1,000 |\n| Germany | 700 |\n| **Total (all donors)** | **8,800** |\n",
}


@pytest.mark.parametrize("name", sorted(REVIEWED))
def test_reviewed_factsheets_are_not_inconsistent(name):
    """The reviewer's minimal reproductions of false alarms: nothing is inconsistent."""
    report = check(extract(REVIEWED[name], source=f"{name}.txt"))
    assert report.count(Verdict.INCONSISTENT) == 0, summary(report)


def test_reviewed_footnote_and_table_are_still_checked():
    """The footnote checks the figure it is marked on; the table's total bounds its rows."""
    footnote = summary(check(extract(REVIEWED["footnote_includes"])))
    assert footnote == [("part-of", "consistent", "29.4 + 5.9 million = 35.3 million, as stated")]
    table = check(extract(REVIEWED["gavi_table"]))
    assert [(f.rule, f.verdict) for f in table.findings] == [("part-of", Verdict.CONSISTENT)]


def test_review3_no_total_from_a_label_line_above():
    """Review 3, item 1: 'Volunteers: 4,200' above 'The team comprises 16 doctors and 53
    nurses.' is no total of the breakdown: no check, so no false inconsistency."""
    from factcheck import check, extract

    report = check(extract("Volunteers: 4,200\nThe team comprises 16 doctors and 53 nurses."))
    assert [f for f in report.findings if f.verdict.value == "inconsistent"] == []
