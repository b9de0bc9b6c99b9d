"""The word tables: every row's example uses its word, and no word is listed twice."""

from __future__ import annotations

import pytest

from factcheck import lexicon


@pytest.mark.parametrize("name", sorted(lexicon.TABLES))
def test_every_row_has_an_example_that_uses_its_word(name: str) -> None:
    """A row is a word with an example of it: the example holds the word."""
    for word, example in lexicon.TABLES[name]:
        if name == "partitions":  # groups (and their whole) each in the example
            assert all(w in example.lower() for w in word.replace("/", " ").split()), word
            continue
        assert word.lower() in example.lower(), (name, word, example)


@pytest.mark.parametrize("name", sorted(lexicon.TABLES))
def test_no_word_is_listed_twice_in_a_table(name: str) -> None:
    """Each table lists a word once."""
    words = [w for w, _ in lexicon.TABLES[name]]
    assert len(words) == len(set(words))


def test_every_slip_kind_is_named() -> None:
    """Messages name every kind of slip the slip table lists."""
    assert set(lexicon.SLIP_KINDS) == {w for w, _ in lexicon.TABLES["slips"]}
