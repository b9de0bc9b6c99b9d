"""Parts listed with their shares of one whole ("Germany (80 900, or 38 per cent), Hungary
(32 700, or 15 per cent), ..."): each part over its share gives the same whole.

The shapes are those of real statistics releases (Eurostat's asylum quarterlies, IOM's
displacement reports); tests/data/clean/ holds real texts of these shapes, which must stay free
of ``inconsistent`` findings, and tests/data/factsheets/ the corpus the mutation bench breaks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck
from factcheck.cli import main

ROOT = Path(__file__).resolve().parent.parent
CLEAN = sorted((ROOT / "tests" / "data" / "clean").glob("*.txt"))

LIST = (
    "During the second quarter, the highest number of first time applicants was registered in\n"
    "Germany (80 900 first time applicants, or 38 per cent of total first time applicants in "
    "the EU), followed by Hungary (32 700, or 15 per cent), Austria (17 400, or 8 per cent), "
    "Italy (14 900, or 7 per cent) and Sweden (14 300, or 7 per cent).\n"
)


def run_check(tmp_path: Path, text: str) -> tuple[int, list[dict[str, object]]]:
    path = tmp_path / "sheet.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    return result.exit_code, json.loads(result.stdout)["findings"]


def test_parts_with_their_shares_give_one_whole(tmp_path):
    code, found = run_check(tmp_path, LIST)
    assert code == 0
    (f,) = [f for f in found if f["rule"] == "share"]
    assert f["verdict"] == "consistent"
    assert "are shares of one whole: 211,000 to 215,700" in f["message"]


def test_one_part_slipped_is_inconsistent_and_named(tmp_path):
    code, found = run_check(tmp_path, LIST.replace("32 700", "23 700"))
    assert code == 1
    (f,) = [f for f in found if f["verdict"] == "inconsistent"]
    assert (f["rule"], f["line"]) == ("share", 2)
    assert "but line 2 says 23,700, or 15%: a whole of 152,900 to 163,400" in f["message"]
    assert f["message"].endswith("with 32 700 for 23 700 it fits: two digits swapped")


def test_one_share_slipped_is_inconsistent(tmp_path):
    code, found = run_check(tmp_path, LIST.replace("(17 400, or 8 per cent)",
                                                   "(17 400, or 3 per cent)"))
    assert code == 1
    (f,) = [f for f in found if f["verdict"] == "inconsistent"]
    assert "but line 2 says 17,400, or 3%" in f["message"]


def test_the_stated_total_is_one_of_the_wholes(tmp_path):
    """Parts of a breakdown with their shares: the total must be the whole they give."""
    text = ("The DTM identified a total of 2,455,190 IDPs, including IDPs in camps "
            "(988,428 individuals or 40%) and IDPs in host communities "
            "(1,466,762 individuals or 60%).\n")
    code, found = run_check(tmp_path, text)
    assert code == 0, found
    code, found = run_check(tmp_path, text.replace("988,428", "898,428"))
    assert code == 1
    assert any(f["verdict"] == "inconsistent" and f["line"] == 1 for f in found)


@pytest.mark.parametrize("text", [
    # Each part's own whole: a country's population, its GDP.
    "Most refugees live in Lebanon (1.5 million, or 25% of its population), Jordan (700,000, "
    "or 7% of its population) and Turkey (3.6 million, or 4% of its population).\n",
    "Germany ($50 billion, or 1.3% of GDP), France ($40 billion, or 1.9% of GDP) and Italy "
    "($25 billion, or 1.4% of GDP) spent the most.\n",
    # A change in per cent is no share: "rose by 4,000, or 12%" gives the old level.
    "Arrivals rose by 4,000, or 12%, in the north and by 3,000, or 25%, in the south.\n",
    # Two sentences, two wholes.
    "The IDP population included IDPs in camps (988,428 individuals or 40%) and IDPs in host "
    "communities (1,466,762 individuals or 60%). The returnee population included IDP returnees "
    "(1,822,932 individuals or 92%) and returnees from abroad (160,198 individuals or 8%).\n",
    # Different nouns: schools and clinics are shares of two wholes.
    "The floods damaged 1,200 schools (45%) and 300 clinics (60%).\n",
])
def test_parts_of_several_wholes_are_not_compared(tmp_path, text):
    code, found = run_check(tmp_path, text)
    assert code == 0, [f["message"] for f in found if f["verdict"] == "inconsistent"]


@pytest.mark.parametrize("path", CLEAN, ids=[p.name for p in CLEAN])
def test_real_texts_of_these_shapes_raise_no_alarm(path):
    report = factcheck.check(path)
    bad = [f.message for f in report.findings if f.verdict is factcheck.Verdict.INCONSISTENT]
    assert bad == []


def test_the_published_slip_in_a_real_report_is_caught():
    """IOM's July 2022 Nigeria report gives 323,277 (a household count) as the returnees from
    abroad, "or 8%" of 1,983,130: the parts and shares give two wholes."""
    report = factcheck.check(ROOT / "tests" / "data" / "factsheets" / "iom-dtm-nigeria-2022-07.txt")
    (f,) = [f for f in report.findings if f.verdict is factcheck.Verdict.INCONSISTENT]
    assert f.rule == "share" and "323,277 is 8% of 3.803 million to 4.310 million" in f.message


def test_groups_that_make_up_their_whole_are_its_breakdown(tmp_path):
    """Boys and girls are all children: "Of the 152 million children ..., 88 million are boys
    and 64 million are girls" adds up, and a slip in it is inconsistent, not a partial list."""
    text = ("Of the 152 million children in child labour, 88 million are boys and 64 million "
            "are girls.\n")
    code, found = run_check(tmp_path, text)
    assert code == 0 and [f["rule"] for f in found] == ["sum"]
    code, found = run_check(tmp_path, text.replace("64 million", "46 million"))
    assert code == 1
    (f,) = [f for f in found if f["verdict"] == "inconsistent"]
    assert f["rule"] == "sum" and f["message"].endswith("it adds up: two digits swapped")


def test_women_and_men_need_not_be_all_people(tmp_path):
    """The children are left out: women and men make no partition of people."""
    text = ("Of the 4.2 million people in need, 1.2 million are women and 1.1 million are "
            "men.\n")
    code, found = run_check(tmp_path, text)
    assert code == 0, found
