"""A summary's figure stated again in the body, under headings of its own.

Factsheets open with a summary ("GLOBAL STATISTICS", "Key facts", "In Numbers") whose figures
the body states again under headings that say what each section is about. The summary's words
are fewer; the body adds a date and what the summary left out. A typing slip in either is
caught; figures under two headings that name two things (## Iraq, ## Syria) are still told
apart (tests/test_validators.py), and so are sentences that name two things.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli import main

SHEET = """Fact sheet 2016

GLOBAL STATISTICS

  • 17 million people were accessing antiretroviral therapy
  • 1.1 million people died from AIDS-related illnesses

People living with HIV accessing antiretroviral therapy

  • As of December 2015, 17 million people living with HIV were accessing antiretroviral
    therapy, up from 15.8 million in June 2015 and 7.5 million in 2010.
"""


def run_check(tmp_path: Path, text: str) -> tuple[int, list[dict[str, object]]]:
    path = tmp_path / "sheet.txt"
    path.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--format", "json", str(path)])
    return result.exit_code, [f for f in json.loads(result.stdout)["findings"]
                              if f["verdict"] == "inconsistent"]


def test_the_clean_summary_and_body_agree(tmp_path):
    assert run_check(tmp_path, SHEET) == (0, [])


def test_a_slip_in_the_summary_is_caught(tmp_path):
    code, found = run_check(tmp_path, SHEET.replace("  • 17 million people were", "  • 71 million people were"))
    assert code == 1
    (f,) = found
    assert f["rule"] == "restated"
    assert {c["line"] for c in f["claims"]} == {5, 10}
    assert f["message"].endswith("two digits swapped: 71 million and 17 million")


def test_a_slip_in_the_body_is_caught(tmp_path):
    code, found = run_check(tmp_path, SHEET.replace("2015, 17 million people living", "2015, 12 million people living"))
    assert code == 1
    assert [f["rule"] for f in found] == ["restated"]


def test_the_words_a_body_adds_tell_apart_outside_a_summary(tmp_path):
    """Without the summary heading, words one figure adds may name another quantity."""
    text = ("In 2023, 11 Allies are expected to meet the 2% guideline.\n\n"
            "In 2023, 19 Allies are expected to meet the equipment guideline.\n")
    assert run_check(tmp_path, text) == (0, [])


def test_sentences_that_name_two_bodies_are_two_quantities(tmp_path):
    """The first word of a sentence may be the name: "Earth formed ..." is not the Sun."""
    text = ("The Sun formed about 4.57 billion years ago, and will shine for another 5 billion "
            "years.\n\nEarth formed approximately 4.54 billion years ago, and life appeared "
            "within its first billion years.\n")
    assert run_check(tmp_path, text) == (0, [])
