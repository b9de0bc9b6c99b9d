"""Readers: Markdown's front matter and inline HTML, read with every offset kept."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck import extract
from factcheck.readers import front_matter_end, read_markdown


def _figures(text: str) -> list[tuple[str, str, str, str]]:
    return [(c.qualifier.value, c.stated, c.unit, c.counted)
            for c in extract(text, reader=read_markdown)]


def test_inline_tags_are_markup_not_a_greater_than_sign() -> None:
    """'<b>83 members</b>' is 83 members, not "over 83"; a span's text is read as text."""
    assert _figures("The Coalition has <b>83 members</b>.") == [
        ("exact", "83", "count", "members")]
    assert _figures('About <span class="fig">180 million</span> people.') == [
        ("about", "180 million", "count", "people")]
    assert _figures("<p>It has\n<em>5 partners</em></p>") == [
        ("exact", "5", "count", "partners")]


def test_inline_tags_keep_offsets_and_lines() -> None:
    """A tag is blanked in place: the scan text has the file's length and line breaks."""
    text = 'Line one.\n<a href="x"\n  title="y">83 members</a> joined.'
    scan = read_markdown(text)
    assert len(scan) == len(text) and scan.count("\n") == text.count("\n")
    (claim,) = extract(text, reader=read_markdown)
    assert (claim.line, claim.provenance.column, claim.quote) == (3, 13, "83 members")


def test_a_less_than_sign_is_not_a_tag() -> None:
    """'<5 million' and 'a < b' are text: a tag's name starts right after '<'."""
    assert _figures("Fewer than <5 million y.")[0][:2] == ("under", "5 million")


def test_footnote_superscript_and_square_kilometres() -> None:
    """'83<sup>1</sup>' is 83 (the mark is no figure); 'km<sup>2</sup>' is km²."""
    assert _figures("We had 83 members<sup>1</sup> then.") == [("exact", "83", "count", "members")]
    assert [f[2] for f in _figures("It covers 110,000 km<sup>2</sup> of land.")] == ["km**2"]


def test_entities_become_their_character() -> None:
    """'&amp;' and '&nbsp;' are an ampersand and a space; an HTML comment is blanked."""
    assert _figures("83 members &amp; 5&nbsp;partners.<!-- 12 partners -->") == [
        ("exact", "83", "count", "members"), ("exact", "5", "count", "partners")]


def test_yaml_and_toml_front_matter_give_no_figures() -> None:
    """Front matter at the top is data for a site generator: blanked, its lines kept."""
    yaml = "---\ntitle: Facts 2021\nweight: 3\ndate: 2021-04-01\n---\n\n# Facts\n\n83 members."
    (claim,) = extract(yaml, reader=read_markdown)
    assert (claim.stated, claim.line) == ("83", 9)
    toml = '+++\nweight = 3\ntitle = "12 partners"\n+++\n83 members.'
    assert [c.stated for c in extract(toml, reader=read_markdown)] == ["83"]
    assert front_matter_end(yaml) == yaml.index("\n\n# Facts") + 1


def test_a_rule_that_is_never_closed_is_not_front_matter() -> None:
    """'---' opening a file without a closing fence is a rule: what follows is prose."""
    assert front_matter_end("---\n83 members joined.\n") == 0
    assert _figures("---\n83 members joined.\n") == [("exact", "83", "count", "members")]
    assert front_matter_end("Intro\n---\nweight: 3\n---\n") == 0


@given(st.text(alphabet="<>/ab =\"'-+&#;\n1x", max_size=80))
def test_markdown_reader_keeps_length_and_lines(text: str) -> None:
    """Whatever the text, the scan text has its length and its line breaks where they were."""
    scan = read_markdown(text)
    assert len(scan) == len(text)
    assert [i for i, c in enumerate(scan) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]


# --------------------------------------------------------------------------- HTML in place

_PAGE = (
    "<html><head><title>Facts</title><style>p { width: 12px }</style></head>\n<body>\n"
    "<nav><a href='/'>Our 12 partners</a></nav>\n"
    "<main>\n<h2>Members</h2>\n<p>The Coalition has <b>83&nbsp;members</b> &amp; 5 partners."
    "</p>\n<ul>\n<li>Nearly 8 million people</li>\n</ul>\n"
    "<script>var n = 99;</script><!-- 7 notes -->\n</main>\n"
    "<footer>© 2021, 12 partners</footer>\n</body></html>\n"
)


def test_html_read_in_place_keeps_offsets_and_drops_furniture() -> None:
    """A page read in place (as git revisions are): the article's figures, at their source
    line and column; navigation, footer, script, style and comments give none."""
    from factcheck.readers import read_html, reader_for

    assert reader_for("page.html") is read_html
    scan = read_html(_PAGE)
    assert len(scan) == len(_PAGE) and scan.count("\n") == _PAGE.count("\n")
    doc = extract(_PAGE, reader=read_html)
    assert [(c.stated, c.counted, c.line, c.provenance.section) for c in doc] == [
        ("83", "members", 6, "Members"), ("5", "partners", 6, "Members"),
        ("8 million", "people", 8, "Members")]
    assert doc.claims[0].quote == "83&nbsp;members"


def test_html_history_in_git(tmp_path: Path) -> None:
    """A web page's revisions in git are a history like a text file's."""
    from gitrepo import git

    from factcheck.timeline import history

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    for day, page in ((1, _PAGE.replace("83&nbsp;", "81&nbsp;")), (2, _PAGE)):
        (repo / "facts.html").write_text(page, encoding="utf-8")
        git(repo, "add", "facts.html")
        git(repo, "commit", "-q", "-m", f"day {day}", date=f"2021-01-0{day}T12:00:00+00:00")
    hist = history(repo / "facts.html")
    members = next(t for t in hist.timelines if t.id == "members")
    assert [p.claim.value for p in members.points] == [81, 83]


@given(st.text(alphabet="<>/ab =\"'-&#;\nmainvsctpr!", max_size=80))
def test_html_reader_keeps_length_and_lines(text: str) -> None:
    """Whatever the page, its scan text has its length and its line breaks where they were."""
    from factcheck.readers import read_html

    scan = read_html(text)
    assert len(scan) == len(text)
    assert [i for i, c in enumerate(scan) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"]
