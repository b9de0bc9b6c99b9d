"""Snapshot files: saved claims load back equal; hand edits load; malformed files name file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck import dumps_snapshot, extract, load, loads_snapshot, save_snapshot
from factcheck.errors import SnapshotError
from factcheck.snapshot import SCHEMA, SCHEMA_VERSION, is_snapshot_text

SERIES = Path(__file__).resolve().parent.parent / "snapshots" / "global-coalition"
NAMES = sorted(p.name for p in SERIES.glob("*.txt"))


@pytest.mark.parametrize("name", NAMES)
def test_bundled_round_trip(name: str) -> None:
    """Each bundled factsheet's snapshot loads back to equal records, and writes the same text."""
    doc = load(SERIES / name)
    text = dumps_snapshot(doc)
    back = loads_snapshot(text, "x.toml")
    assert back == doc
    assert back.claims == doc.claims
    assert [c.interval for c in back] == [c.interval for c in doc]
    assert dumps_snapshot(back) == text


def test_round_trip_of_every_kind_of_field() -> None:
    """Ranges, fractions, money, rates, scopes, time context and revision all survive."""
    doc = extract(
        "In Iraq, children aged 5-19 and two-thirds of the land. Since 2014, over $4.13 billion "
        "in aid and 42,500 persons per day in Syria; 12Gbps links; nearly tripled.",
        source="s.txt", revision="0123abc", title="A title", date="2021-03",
    )
    assert {c.unit for c in doc} >= {"year", "dimensionless", "USD", "count/day", "unknown"}
    back = loads_snapshot(dumps_snapshot(doc))
    assert back == doc
    assert (back.source, back.revision, back.title, back.date) == (
        "s.txt", "0123abc", "A title", "2021-03")


def test_snapshot_layout_is_diff_friendly() -> None:
    """A header with the schema, then one [[claims]] block per claim in document order."""
    doc = load(SERIES / "2017-03-24.txt")
    text = dumps_snapshot(doc)
    assert text.startswith(f'schema = "{SCHEMA}"\nschema_version = {SCHEMA_VERSION}\n')
    assert is_snapshot_text(text)
    assert re.findall(r'(?m)^id = "(.*)"$', text) == [c.id for c in doc]
    assert text.count("[[claims]]") == len(doc)
    assert "interval" not in text  # derived on load, never stored
    assert 'value = "90000"' in text and 'qualifier = "nearly"' in text


def test_empty_document_round_trip() -> None:
    """A document without claims is a snapshot without blocks."""
    doc = extract("", source="empty.txt")
    assert loads_snapshot(dumps_snapshot(doc)) == doc


def test_hand_edited_ids_and_counted_nouns_load() -> None:
    """A person may rename ids and counted nouns; the file loads with their names."""
    doc = load(SERIES / "2021.txt")
    text = dumps_snapshot(doc)
    text = text.replace('id = "ftfs"', 'id = "foreign-terrorist-fighters"', 1)
    text = text.replace('counted = "FTFs"', 'counted = "foreign terrorist fighters"', 1)
    back = loads_snapshot(text, "2021.toml").by_id()
    assert "ftfs" not in back
    c = back["foreign-terrorist-fighters"]
    assert (c.counted, c.value, c.qualifier.value) == ("foreign terrorist fighters", 40_000, "over")
    assert len(back) == len(doc)


def test_hand_edited_snapshot_is_read_by_load(tmp_path: Path) -> None:
    """load() reads a .toml snapshot (not its text) and names it as the source it records."""
    path = tmp_path / "2021.toml"
    save_snapshot(load(SERIES / "2021.txt"), path)
    doc = load(path)
    assert len(doc) == 24 and doc.source.endswith("2021.txt")
    assert doc == load(SERIES / "2021.txt")


def _line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _header_before(text: str, needle: str) -> int:
    """The line of the [[claims]] header of the block that holds *needle*."""
    at = text.index(needle)
    return text[: text.rindex("[[claims]]", 0, at)].count("\n") + 1


BASE = dumps_snapshot(load(SERIES / "2017-03-24.txt"))


@pytest.mark.parametrize(
    "old, new, message, where",
    [
        # bad TOML: the line of the mistake
        ('id = "troops"', 'id = "troops', "not valid TOML", 'id = "troops'),
        ("[[claims]]\nid = \"strikes\"", "[[claims]\nid = \"strikes\"", "not valid TOML",
         "[[claims]\nid = \"strikes\""),
        # a missing field: the line of its block
        ('unit = "count"\ncounted = "troops"', 'counted = "troops"', "required field missing",
         'id = "troops"'),
        ('value = "9000"\n', "", "missing the field 'value'", 'id = "troops"'),
        # a value of the wrong type
        ('id = "troops"', "id = 5", "expected str @ claim.id", "id = 5"),
        ('counted = "troops"', 'counted = ["troops"]', "expected str @ claim.counted",
         'id = "troops"'),
        ("line = 7\ncolumn = 48", "line = true\ncolumn = 48", "expected int @ claim.provenance.line",
         "line = true"),
        ('value = "9000"', 'value = "nine thousand"', "expected a number", 'id = "troops"'),
        ('value = "9000"', "value = true", "got a boolean", 'id = "troops"'),
        ('qualifier = "over"', 'qualifier = "lots"', "'lots' is not a valid Qualifier",
         'id = "troops"'),
        # a duplicate id: the line of the second one
        ('id = "troops"', 'id = "members"', "duplicate claim id 'members' (first at line 7)",
         'id = "members"\nvalue = "9000"'),
        # an empty id
        ('id = "troops"', 'id = ""', "claim id must not be empty", 'id = ""'),
        # the schema version and the schema
        ("schema_version = 1", "schema_version = 2", "unsupported schema_version 2",
         "schema_version = 2"),
        ("schema_version = 1", 'schema_version = "1"', "unsupported schema_version '1'",
         'schema_version = "1"'),
        ('schema = "factcheck-snapshot"', 'schema = "factcheck-snapshot"\nschema = "x"',
         "not valid TOML", 'schema = "x"'),
        ('title = "Global', 'title = 5\nx = "Global', "'title' must be a string", "title = 5"),
        # the derived interval may not be written in
        ('qualifier = "over"', 'qualifier = "over"\ninterval = "1"', "derived",
         'id = "troops"'),
    ],
)
def test_malformed_snapshot_names_file_and_line(old: str, new: str, message: str,
                                                where: str) -> None:
    """Each kind of malformed snapshot is one SnapshotError naming the file and the line."""
    assert old in BASE
    text = BASE.replace(old, new, 1)
    with pytest.raises(SnapshotError) as info:
        loads_snapshot(text, "facts.toml")
    err = info.value
    expected_line = (_line_of(text, where) if where.startswith(("[[", "schema", "title"))
                     or "TOML" in message else _header_before(text, where))
    assert message in str(err)
    assert err.path == "facts.toml"
    assert err.line == expected_line
    assert str(err).startswith(f"facts.toml:{expected_line}: ")
    assert "\n" not in str(err)


def test_wrong_schema_is_refused() -> None:
    """A TOML file that is not a factcheck snapshot is refused at line 1."""
    with pytest.raises(SnapshotError, match=r"^x\.toml:1: expected schema"):
        loads_snapshot('schema = "other"\n', "x.toml")
    with pytest.raises(SnapshotError, match=r"^x\.toml:1: not a factcheck snapshot"):
        loads_snapshot("", "x.toml")
    with pytest.raises(SnapshotError, match="must be an array"):
        loads_snapshot(f'schema = "{SCHEMA}"\nschema_version = 1\nclaims = 5\n', "x.toml")


def test_load_reports_malformed_snapshot_file(tmp_path: Path) -> None:
    """load() of a malformed snapshot file raises a SnapshotError naming that file."""
    path = tmp_path / "bad.toml"
    path.write_text(BASE.replace('id = "troops"', "id = 5", 1), encoding="utf-8")
    with pytest.raises(SnapshotError) as info:
        load(path)
    assert info.value.path == str(path) and info.value.line == _header_before(
        path.read_text(encoding="utf-8"), "id = 5")


def test_save_snapshot_writes_atomically(tmp_path: Path) -> None:
    """save_snapshot writes the whole file, leaving no temporary file behind."""
    path = tmp_path / "s.toml"
    path.write_text("old", encoding="utf-8")
    doc = load(SERIES / "2020-01.txt")
    save_snapshot(doc, path)
    assert path.read_text(encoding="utf-8") == dumps_snapshot(doc)
    assert [p.name for p in tmp_path.iterdir()] == ["s.toml"]
