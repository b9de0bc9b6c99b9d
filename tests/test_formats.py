"""PDFs and web pages read directly: the same claims as their text, with page and element."""

from __future__ import annotations

import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import diff, dumps_snapshot, extract, load, loads_snapshot
from factcheck.cli import main
from factcheck.errors import InputError

from makedocs import blocks_of_text, html_page, make_lines_pdf, make_pdf

ROOT = Path(__file__).resolve().parent.parent
TEXT_2021 = ROOT / "snapshots" / "global-coalition" / "2021.txt"
HEADER = "Global Coalition | Factsheet 2021"


def _figures(doc: object) -> list[tuple[str, object, str, str, str]]:
    return [(c.id, c.value, c.unit, c.qualifier.value, c.counted) for c in doc]  # type: ignore[attr-defined]


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def pdf_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2021 reference text as a 4-page PDF: running header, "Page N of 4" footer, and a
    second page in two columns."""
    blocks = blocks_of_text(TEXT_2021.read_text(encoding="utf-8"))
    data = make_pdf(blocks, pages=4, columns={2: 2}, header=HEADER,
                    footer="Page {page} of {pages}", title="Global Coalition factsheet 2021")
    path = tmp_path_factory.mktemp("pdf") / "2021.pdf"
    path.write_bytes(data)
    return path


@pytest.fixture(scope="module")
def html_2021(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 2021 reference text as an article in a page whose navigation bar and footer hold
    figures of their own ("12 partners", "© 2021")."""
    page = html_page(blocks_of_text(TEXT_2021.read_text(encoding="utf-8")),
                     nav="Our 12 partners", footer="© 2021 Global Coalition. 12 partners.")
    path = tmp_path_factory.mktemp("html") / "2021.html"
    path.write_text(page, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- PDF


def test_pdf_gives_the_figures_of_the_text_each_with_its_page(pdf_2021: Path) -> None:
    """The 4-page PDF holds the text's 24 figures, each on its page, none from header/footer."""
    text, pdf = load(TEXT_2021), load(pdf_2021)
    assert len(text) == 24
    assert _figures(pdf) == _figures(text)
    assert pdf.format == "pdf" and pdf.title == "Global Coalition factsheet 2021"
    assert [c.provenance.page for c in pdf].count(None) == 0
    assert sorted({c.provenance.page for c in pdf}) == [1, 2, 3, 4]
    assert pdf.text is not None
    assert "Page 1 of 4" not in pdf.text and HEADER not in pdf.text
    for c in pdf:
        assert pdf.text[c.provenance.offset:].startswith(c.quote)
        assert c.provenance.page_line is not None and c.provenance.page_line >= 1
    members = pdf.by_id()["members"].provenance
    assert (members.page, members.page_line, members.quote) == (1, 7, "83 members")


def test_two_column_page_is_read_column_by_column(pdf_2021: Path) -> None:
    """Page 2's left column is read before its right: its figures come in the text's order."""
    pdf = load(pdf_2021)
    page2 = [c.id for c in pdf if c.provenance.page == 2]
    assert page2 == ["security-and-police-personnel", "equipment",
                     "newly-declassified-iinterrogation-reports"]
    assert pdf.text is not None
    # A sentence that runs on from the left column to the right goes on as one sentence.
    assert "posed by detained\nDaesh FTFs" in pdf.text


def test_diff_of_the_pdf_and_the_text_is_no_change(pdf_2021: Path) -> None:
    """`diff 2021.txt 2021.pdf` compares in figures: nothing changed, added or removed."""
    report = diff(load(TEXT_2021), load(pdf_2021))
    assert report.counts()["unchanged"] == 24
    assert not report.has_changes
    code, out, _ = run("diff", str(TEXT_2021), str(pdf_2021))
    assert code == 0 and "0 changed, 0 requalified, 0 added, 0 removed" in out


def test_text_report_shows_page_and_line(pdf_2021: Path) -> None:
    """`extract` of a PDF shows "p. 1, line 7" where a text file shows line:column."""
    code, out, _ = run("extract", str(pdf_2021))
    assert code == 0
    row = next(ln for ln in out.splitlines() if " members " in ln)
    assert row.split()[:5] == ["p.", "1,", "line", "7", "members"]


def test_snapshot_of_a_pdf_records_format_and_page(pdf_2021: Path) -> None:
    """A PDF's snapshot says format = "pdf" and each claim's page; it loads back the same."""
    doc = load(pdf_2021)
    snap = dumps_snapshot(doc)
    assert 'format = "pdf"' in snap
    assert "page = 1\npage_line = 7\n" in snap
    back = loads_snapshot(snap)
    assert back.format == "pdf"
    assert back.claims == doc.claims


def test_json_of_a_pdf_claim_has_its_page(pdf_2021: Path) -> None:
    """The JSON claim object gains "page" and "page_line" (only for claims read from a PDF)."""
    code, out, _ = run("extract", "-f", "json", str(pdf_2021), str(TEXT_2021))
    data = json.loads(out)
    assert code == 0
    first_pdf, first_text = data["claims"][0], data["claims"][24]
    assert (first_pdf["page"], first_pdf["page_line"]) == (1, 1)
    assert "page" not in first_text
    assert data["documents"][0]["format"] == "pdf" and "format" not in data["documents"][1]


def _pdf_text(pages: list[list[tuple[float, float, str, float]]], tmp_path: Path) -> str:
    path = tmp_path / "lines.pdf"
    path.write_bytes(make_lines_pdf(pages))
    doc = load(path)
    assert doc.text is not None
    return doc.text


def test_hyphenated_words_are_joined_again(tmp_path: Path) -> None:
    """"stabil-" / "isation" is one word again, on the line where it starts; "counter-"
    before a capital keeps its hyphen."""
    text = _pdf_text([[
        (72, 700, "The pledge drive funds the stabil-", 11),
        (72, 686, "isation of 31 liberated areas and the", 11),
        (72, 672, "work of the counter-", 11),
        (72, 658, "Daesh group.", 11),
    ]], tmp_path)
    assert text == ("The pledge drive funds the stabilisation\nof 31 liberated areas and the\n"
                    "work of the counter-\nDaesh group.\n")


def test_paragraphs_bullets_and_headings(tmp_path: Path) -> None:
    """A wide gap parts paragraphs, a bullet starts one, a larger font is a heading."""
    text = _pdf_text([[
        (72, 740, "KEY FIGURES", 16),
        (72, 700, "• 83 members have joined the", 11),
        (80, 686, "Coalition since 2014.", 11),
        (72, 672, "• 10,000 fighters remain.", 11),
        (72, 630, "A new paragraph after a gap.", 11),
    ]], tmp_path)
    assert text == ("# KEY FIGURES\n\n• 83 members have joined the\nCoalition since 2014.\n\n"
                    "• 10,000 fighters remain.\n\nA new paragraph after a gap.\n")


def test_a_table_is_read_as_rows_with_its_header(tmp_path: Path) -> None:
    """Cells side by side on one baseline are a table's row; the header's unit applies."""
    path = tmp_path / "table.pdf"
    path.write_bytes(make_lines_pdf([[
        (72, 740, "Damage by sector", 11),
        (72, 710, "Sector", 11), (300, 710, "Damage (US$ billion)", 11),
        (72, 696, "Housing", 11), (300, 696, "55.9", 11),
        (72, 682, "Roads", 11), (300, 682, "2.1", 11),
    ]]))
    doc = load(path)
    assert doc.text == ("Damage by sector\n\n| Sector | Damage (US$ billion) |\n|---|---|\n"
                        "| Housing | 55.9 |\n| Roads | 2.1 |\n")
    assert [(c.value, c.unit, c.counted) for c in doc] == [
        (55_900_000_000, "USD", "Housing Damage"), (2_100_000_000, "USD", "Roads Damage")]


def test_running_header_footer_and_page_numbers_are_dropped(tmp_path: Path) -> None:
    """A line repeated at the top or bottom of the pages, and a page number, are no figures."""
    pages = [[(72, 800, "Annual report 2023 | 12 regions", 8),
              (72, 700, f"Page {n} says 1{n}0 schools opened.", 11),
              (290, 30, str(n), 8)] for n in range(1, 4)]
    text = _pdf_text(pages, tmp_path)
    assert text == ("Page 1 says 110 schools opened.\n\nPage 2 says 120 schools opened.\n\n"
                    "Page 3 says 130 schools opened.\n")


def _bad_pdfs(tmp: Path) -> dict[str, tuple[Path, str]]:
    blocks = [("para", "The Coalition has 83 members.")]
    enc = tmp / "encrypted.pdf"
    enc.write_bytes(make_pdf(blocks, encrypt="secret"))
    scan = tmp / "scanned.pdf"
    scan.write_bytes(make_lines_pdf([[]]))
    cut = tmp / "truncated.pdf"
    good = make_pdf(blocks)
    cut.write_bytes(good[: len(good) // 2])
    damaged = tmp / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R >> endobj\n"
                        b"trailer << /Root 1 0 R >>\n%%EOF\n")
    fake = tmp / "fake.pdf"
    fake.write_text("The Coalition has 83 members.\n", encoding="utf-8")
    return {
        "encrypted": (enc, "encrypted PDF that needs a password"),
        "scanned": (scan, "no text layer (a scanned PDF?): run OCR first"),
        "truncated": (cut, "truncated or damaged PDF"),
        "damaged": (damaged, "PDF"),
        "not a pdf": (fake, "is not a PDF"),
    }


@pytest.mark.parametrize("kind", ["encrypted", "scanned", "truncated", "damaged", "not a pdf"])
def test_bad_pdf_is_one_line_exit_2_nothing_written(tmp_path: Path, kind: str) -> None:
    """An encrypted, scanned, truncated or damaged PDF, or a text named .pdf: one line on
    stderr naming the file, exit 2, no output file."""
    path, says = _bad_pdfs(tmp_path)[kind]
    target = tmp_path / "out.toml"
    code, out, err = run("extract", "-f", "toml", "-o", str(target), str(path))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and err.startswith(f"factcheck: error: {path}: ")
    assert says in err and "Traceback" not in err
    assert not target.exists()
    with pytest.raises(InputError):
        load(path)


def test_an_encrypted_pdf_without_a_password_is_read(tmp_path: Path) -> None:
    """A PDF encrypted only against editing (no password to open it) reads as any other."""
    path = tmp_path / "owner.pdf"
    from reportlab.lib.pdfencrypt import StandardEncryption

    path.write_bytes(make_pdf([("para", "The Coalition has 83 members.")],
                              encrypt=StandardEncryption("", ownerPassword="owner")))  # type: ignore[arg-type]
    assert [c.stated for c in load(path)] == ["83"]


def test_version_does_not_import_the_pdf_library() -> None:
    """`factcheck --version` stays light: pdfminer is imported only when a PDF is read."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    code = ("import sys, runpy; sys.argv = ['factcheck', '--version']\n"
            "try:\n    runpy.run_module('factcheck', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in "
            "('pdfminer', 'reportlab', 'html', 'factcheck.pdf', 'factcheck.webpage')))")
    proc = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "pdfminer" not in proc.stdout.splitlines()[-1]


_SENTENCES = st.sampled_from([
    "The Coalition has {n} members.", "Some {n} fighters remain in the region.",
    "Partners gave more than ${n} million in aid.", "Nearly {n} people returned home.",
    "There are {n} schools and {m} clinics.", "About {n}% of the camps were cleared.",
])


@st.composite
def _factsheets(draw: st.DrawFn) -> str:
    paras = []
    for _ in range(draw(st.integers(1, 6))):
        sentences = [
            draw(_SENTENCES).format(n=f"{draw(st.integers(2, 99_999)):,}",
                                    m=draw(st.integers(2, 999)))
            for _ in range(draw(st.integers(1, 3)))
        ]
        paras.append(("• " if draw(st.booleans()) else "") + " ".join(sentences))
    return "\n\n".join(paras) + "\n"


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_factsheets(), st.booleans())
def test_text_rendered_as_pdf_or_html_reads_back_the_same_figures(text: str,
                                                                    two_columns: bool) -> None:
    """Any factsheet text laid out as a PDF (one or two columns) or a web page gives the
    figures of the text."""
    import tempfile

    want = _figures(extract(text))
    blocks = blocks_of_text(text)
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "f.pdf"
        pdf.write_bytes(make_pdf(blocks, columns={1: 2} if two_columns else {},
                                 header="Factsheet | 2024", footer="Page {page} of {pages}"))
        page = Path(tmp) / "f.html"
        page.write_text(html_page(blocks, nav="12 partners", footer="© 2024"), encoding="utf-8")
        assert _figures(load(pdf)) == want
        assert _figures(load(page)) == want


# --------------------------------------------------------------------------- HTML


def test_html_article_gives_the_figures_of_the_text_each_with_its_element(
        html_2021: Path) -> None:
    """Only the article's figures (none from the navigation, cookie banner, share box or
    footer), each with the HTML source's line and column and a CSS selector."""
    text, page = load(TEXT_2021), load(html_2021)
    assert _figures(page) == _figures(text)
    assert page.format == "html"
    source = html_2021.read_text(encoding="utf-8").splitlines()
    for c in page:
        p = c.provenance
        assert p.element is not None and p.element.startswith("html > body > main > article > ")
        assert p.source_line is not None and p.source_column is not None
        assert source[p.source_line - 1][p.source_column - 1:].startswith(c.quote.split()[0])
        assert page.text is not None and page.text[p.offset:].startswith(c.quote)
    members = page.by_id()["members"].provenance
    assert members.element == "html > body > main > article > ul:nth-of-type(1) > li:nth-of-type(3)"
    assert diff(text, page).counts()["unchanged"] == 24


def test_html_text_report_shows_source_line_and_element(html_2021: Path) -> None:
    """`extract` of a page shows its source line:column and the element of each figure."""
    code, out, _ = run("extract", str(html_2021))
    row = next(ln for ln in out.splitlines() if " members " in ln)
    assert code == 0 and row.startswith("13:40 ") and row.endswith("li:nth-of-type(3)")


def _read(page: str) -> tuple[str, list[tuple[str, object, str, str]]]:
    from factcheck.formats import document_from_bytes

    doc = document_from_bytes(page.encode("utf-8"), "html", source="p.html")
    assert doc.text is not None
    return doc.text, [(c.qualifier.value, c.value, c.unit, c.counted) for c in doc]


def test_html_headings_lists_tables_breaks_and_entities() -> None:
    """Headings become sections, items bullets, a table rows with their header cells;
    entities are decoded; <br> and blocks break lines; furniture and code are dropped."""
    page = (
        "<html><head><title>T</title><script>document.write('99 fake')</script></head><body>"
        "<div id='cookie-notice'>3 cookies</div><nav>12 partners</nav>"
        "<div class='content'><h1>Key&nbsp;figures</h1><p>The Coalition has <b>83&nbsp;members"
        "</b> &amp; 5 partners.<br>Since 2014.</p><ul><li>Nearly 8 million people<li>Over "
        "$1.5&nbsp;billion raised</ul><table><tr><th>Sector<th>Damage (US$ billion)<tr>"
        "<td>Housing<td>55.9</table></div><footer>© 2021</footer></body></html>"
    )
    text, figures = _read(page)
    assert text == (
        "# Key figures\n\nThe Coalition has 83 members & 5 partners.\nSince 2014.\n\n"
        "- Nearly 8 million people\n- Over $1.5 billion raised\n\n"
        "| Sector | Damage (US$ billion) |\n|---|---|\n| Housing | 55.9 |\n"
    )
    assert figures == [
        ("exact", 83, "count", "members"), ("exact", 5, "count", "partners"),
        ("nearly", 8_000_000, "count", "people"), ("over", 1_500_000_000, "USD", "raised"),
        ("exact", 55_900_000_000, "USD", "Housing Damage"),
    ]


def test_html_table_cells_across_columns() -> None:
    """A heading across two columns heads both; a value across two sits in the first."""
    text, figures = _read(
        "<table><tr><th>Sector</th><th colspan=2>Damage (US$ billion)</th></tr><tr><td>Housing"
        "</td><td>55.9</td><td>12.1</td></tr><tr><td colspan=2>Roads</td><td>3</td></tr></table>")
    assert text == ("| Sector | Damage (US$ billion) | Damage (US$ billion) |\n|---|---|---|\n"
                    "| Housing | 55.9 | 12.1 |\n| Roads | | 3 |\n")
    assert [(v, c) for _q, v, _u, c in figures] == [
        (55_900_000_000, "Housing Damage"), (12_100_000_000, "Housing Damage"),
        (3_000_000_000, "Roads Damage")]


def test_html_soft_hyphens_are_no_characters() -> None:
    """"stabil&shy;isation" is "stabilisation"; "liber\u00adated areas" what is counted."""
    text, figures = _read("<p>The stabil&shy;isation of 31 liber\u00adated areas.</p>")
    assert text == "The stabilisation of 31 liberated areas.\n"
    assert figures == [("exact", 31, "count", "liberated areas")]


def test_html_bold_paragraphs_as_headings() -> None:
    """"<p><strong>Stabilisation</strong></p>" is a heading (the section of the figures
    under it); a bold sentence or a bold figure in a sentence is not."""
    from factcheck.formats import document_from_bytes

    page = ("<main><p><strong>Stabilisation</strong></p><p>Partners gave over $20 billion.</p>"
            "<p><b>Note.</b></p><p>The Coalition has <b>83 members</b>.</p>"
            "<div><strong>Military efforts</strong></div><p>225,000 police trained.</p></main>")
    text, _ = _read(page)
    assert text == ("#### Stabilisation\n\nPartners gave over $20 billion.\n\nNote.\n\n"
                    "The Coalition has 83 members.\n\n#### Military efforts\n\n"
                    "225,000 police trained.\n")
    doc = document_from_bytes(page.encode(), "html", source="p.html")
    assert [c.provenance.section for c in doc] == [
        "Stabilisation", "Stabilisation", "Military efforts"]


def test_html_label_value_tables() -> None:
    """A two-column table without a header row (a key-facts box) is label lines; its empty
    rows are skipped."""
    text, figures = _read("<table><tr><td></td><td></td></tr><tr><td>Population</td>"
                          "<td>12,345</td></tr><tr><th>Area</th><td>110 km<sup>2</sup></td></tr>"
                          "</table>")
    assert text == "Population: 12,345\nArea: 110 km²\n"
    assert [(v, u, c) for _q, v, u, c in figures] == [
        (12_345, "count", "Population"), (110, "km**2", "Area")]


def test_html_key_figure_cards_footnotes_and_definition_lists() -> None:
    """A figure and its label in blocks side by side read as one ("83 member states",
    "Partners: 12"); a superscript footnote mark is no digit of the figure, km<sup>2</sup> is
    km²; a page wrapped whole in a <form> (ASP.NET) is still read."""
    page = (
        '<html><body><form id="aspnetForm"><div id="content"><h1>Key facts</h1>'
        '<div class="stats"><div class="stat"><div class="num">83</div>'
        '<div class="label">member states</div></div>\n<div class="stat"><span>Partners</span>'
        ' <span>12</span></div></div><p>It has 78 nations<sup>1</sup> on 110,000 km<sup>2</sup>.'
        '</p><dl><dt>Fighters</dt><dd>10,000</dd><dt>Notes</dt><dd>A long note.</dd></dl>'
        '<h3>4.3 million</h3><p>displaced people returned</p></div></form></body></html>'
    )
    text, figures = _read(page)
    assert text == (
        "# Key facts\n\n83 member states\n\nPartners: 12\n\nIt has 78 nations on 110,000 km².\n\n"
        "Fighters: 10,000\n\nNotes\n\nA long note.\n\n4.3 million displaced people returned\n"
    )
    assert [(v, u, c) for _q, v, u, c in figures] == [
        (83, "count", "member states"), (12, "count", "Partners"), (78, "count", "nations"),
        (110_000, "km**2", "area"), (10_000, "count", "Fighters"),
        (4_300_000, "count", "displaced people")]


def test_hostile_html_is_inert_and_escaped_in_every_report(tmp_path: Path) -> None:
    """A page whose text holds markup and handlers: nothing runs or is fetched, and every
    report escapes the text (no live <script> or handler from the page in the HTML report)."""
    hostile = (
        '<html><head><title>Facts &lt;script&gt;alert(7)&lt;/script&gt;</title></head>'
        '<body onload="alert(1)"><main>'
        '<img src="http://127.0.0.1:9/x.png" onerror="alert(2)">'
        '<script src="http://127.0.0.1:9/evil.js"></script>'
        '<p onclick="alert(3)">The Coalition has {n} members &lt;script&gt;alert(4)&lt;/script&gt;'
        ' and &lt;img src=x onerror=alert(5)&gt; 12 partners.</p>'
        '<p>There are &lt;{m} million "people" &amp; more.</p></main></body></html>'
    )
    old, new = tmp_path / "2020.html", tmp_path / "2021.html"
    old.write_text(hostile.format(n=82, m=5), encoding="utf-8")
    new.write_text(hostile.format(n=83, m=6), encoding="utf-8")
    doc = load(new)
    assert doc.title == "Facts <script>alert(7)</script>"
    assert doc.text is not None and "<script>alert(4)</script>" in doc.text  # as text only
    assert [c.quote for c in doc] == ["83 members", "12 partners", "<6 million"]
    outputs = []
    for fmt in ("html", "markdown", "text", "json"):
        code, out, _ = run("diff", "-f", fmt, str(old), str(new))
        assert code == 0
        outputs.append(out)
    code, out, _ = run("report", "-f", "html", str(tmp_path))
    assert code == 0
    # The diff page has no script; the report page only its own one (search, filter, sort).
    assert outputs[0].count("<script") == 0 and out.count("<script") == 1
    for page in (outputs[0], out):
        # No tag from the page, no handler on any tag: the page's words only as text.
        handler = r"<[a-z]+(?:\s+[\w-]+(?:=\"[^\"]*\"|='[^']*')?)*\s+on\w+="
        assert not re.search(r"<img", page) and not re.search(handler, page)
        assert "evil.js" not in page
        assert "alert(1)" not in page and "alert(2)" not in page and "alert(3)" not in page
        assert "<6 million" not in page  # the page's "<" only escaped
    assert "&lt;6 million" in outputs[0]
    assert "<6 million" not in outputs[1].replace("`<6 million", "")  # Markdown: in code


def test_html_in_another_encoding(tmp_path: Path) -> None:
    """A page that declares windows-1252 is read in it; undecodable bytes are one error."""
    path = tmp_path / "p.html"
    path.write_bytes('<meta charset="windows-1252"><p>The Coalition’s 83 members.</p>'
                     .encode("cp1252"))
    assert [c.stated for c in load(path)] == ["83"]
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<p>83 members \xff\xfe</p>")
    with pytest.raises(InputError, match="bad.html.*not UTF-8"):
        load(bad)


# --------------------------------------------------------------------------- across formats


def test_a_folder_of_versions_may_mix_formats(tmp_path: Path, pdf_2021: Path,
                                              html_2021: Path) -> None:
    """.txt, .md, .pdf and .html versions in one folder make one history."""
    (tmp_path / "2017-01.txt").write_text("The Coalition has 68 members.\n", encoding="utf-8")
    (tmp_path / "2018-01.md").write_text("---\nweight: 3\n---\n# Facts\n\nThe Coalition has "
                                         "<b>74 members</b>.\n", encoding="utf-8")
    (tmp_path / "2020-01.html").write_text(html_2021.read_text(encoding="utf-8").replace(
        "83 members", "82 members"), encoding="utf-8")
    (tmp_path / "2021-06.pdf").write_bytes(pdf_2021.read_bytes())
    from factcheck.timeline import history

    hist = history(tmp_path)
    members = next(t for t in hist.timelines if t.id == "members")
    assert [p.claim.value for p in members.points] == [68, 74, 82, 83]
    code, out, _ = run("history", str(tmp_path))
    assert code == 0 and "p. 1, line 7" in out


def test_diff_of_a_pdf_and_a_web_page(pdf_2021: Path, html_2021: Path) -> None:
    """`diff OLD.pdf NEW.html` compares in figures."""
    code, out, _ = run("diff", str(pdf_2021), str(html_2021))
    assert code == 0 and ": 0 changed, 0 requalified, 0 added, 0 removed" in out


# --------------------------------------------------------------------------- web archives

_CAPTURES = [
    ("https://example.org/facts/", "2020-01-10T08:00:00Z",
     "<main><h1>Facts</h1><p>The Coalition has 81 members.</p></main>"),
    ("https://example.org/facts/", "2021-03-15T14:02:03Z",
     "<main><h1>Facts</h1><p>The Coalition has 83 members.</p></main>"),
    ("https://example.org/other/", "2021-03-15T14:02:09Z",
     "<main><p>A page beside it with 9 members.</p></main>"),
    ("https://example.org/facts/", "2020-06-01T00:00:00Z",
     "<main><h1>Facts</h1><p>The Coalition has 82 members.</p></main>"),
]


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_file_is_a_series_of_captures(tmp_path: Path, gz: bool) -> None:
    """A WARC file's captures of the page it holds most are versions dated by capture time."""
    from factcheck.timeline import history
    from makedocs import make_warc

    path = tmp_path / ("site.warc.gz" if gz else "site.warc")
    path.write_bytes(make_warc(_CAPTURES, gz=gz))
    hist = history(path)
    assert [v.date for v in hist.versions] == [
        "2020-01-10T08:00:00Z", "2020-06-01T00:00:00Z", "2021-03-15T14:02:03Z"]
    members = next(t for t in hist.timelines if t.id == "members")
    assert [p.claim.value for p in members.points] == [81, 82, 83]
    code, out, _ = run("report", str(path))
    assert code == 0 and "81 → 82 → 83" in out


def test_a_warc_capture_can_be_named(tmp_path: Path) -> None:
    """FILE.warc#TIMESTAMP names one capture for `extract` and `diff`; the file alone is
    refused for them with one line."""
    from makedocs import make_warc

    path = tmp_path / "site.warc"
    path.write_bytes(make_warc(_CAPTURES))
    doc = load(f"{path}#20210315140203")
    assert [c.stated for c in doc] == ["83"] and doc.date == "2021-03-15T14:02:03Z"
    code, out, err = run("diff", f"{path}#20200110080000", f"{path}#20210315140203")
    assert code == 0 and "members 81 → 83 (+2)" in out
    code, _, err = run("extract", str(path))
    assert code == 2 and err.count("\n") == 1 and "several captures" in err


def test_a_damaged_warc_is_one_error(tmp_path: Path) -> None:
    """A truncated WARC file, or a file named .warc that is none: one line naming the file."""
    from makedocs import make_warc

    cut = tmp_path / "cut.warc"
    cut.write_bytes(make_warc(_CAPTURES)[:-200])
    fake = tmp_path / "fake.warc"
    fake.write_text("83 members\n", encoding="utf-8")
    for path, says in ((cut, "truncated WARC"), (fake, "not a WARC file")):
        code, out, err = run("history", str(path))
        assert (code, out) == (2, "")
        assert err.count("\n") == 1 and str(path) in err and says in err


def test_a_folder_of_wayback_captures(tmp_path: Path) -> None:
    """Pages saved from the Wayback Machine are dated by their capture note; the toolbar's
    figures are no figures of the page."""
    from factcheck.timeline import history
    from makedocs import wayback_page

    for name, stamp, n in (("facts.html", "20210315140203", 83),
                           ("facts (1).html", "20200110080000", 81)):
        (tmp_path / name).write_text(wayback_page(
            f"<h1>Facts</h1><p>The Coalition has {n} members.</p>", stamp), encoding="utf-8")
    hist = history(tmp_path)
    assert [v.date for v in hist.versions] == ["2020-01-10T08:00:00Z", "2021-03-15T14:02:03Z"]
    assert [t.id for t in hist.timelines] == ["members"]
    assert [p.claim.value for p in hist.timelines[0].points] == [81, 83]


def test_the_bundled_reference_pdf_reads_as_its_text() -> None:
    """snapshots/global-coalition/2021.pdf (made by `python tests/makedocs.py`) gives the 24
    figures of 2021.txt, each with its page, and is the PDF the test layout makes."""
    from makedocs import reference_pdf

    bundled = TEXT_2021.with_suffix(".pdf")
    pdf, text = load(bundled), load(TEXT_2021)
    assert _figures(pdf) == _figures(text)
    assert all(c.provenance.page in (1, 2, 3, 4) for c in pdf)
    assert not diff(text, pdf).has_changes
    # The bytes are the layout's (reportlab's invariant mode), unless reportlab itself changed.
    fresh = load_bytes_figures(reference_pdf())
    assert fresh == _figures(pdf)


def load_bytes_figures(data: bytes) -> list[tuple[str, object, str, str, str]]:
    from factcheck.formats import document_from_bytes

    return _figures(document_from_bytes(data, "pdf", source="2021.pdf"))


def test_a_pdf_printed_by_chromium() -> None:
    """A PDF from another producer: tests/data/chromium-2021.pdf is tests/data/chromium-2021.html
    (the 2021 text as an article, html_page() without the site around it) printed by Debian's
    Chromium 156 (`chromium --headless --print-to-pdf`), with its own running header (date,
    title) and footer (address, "1/3"), subset TrueType fonts and list bullets drawn as shapes.
    Its figures are the text's, over 3 pages; no figure comes from its header or footer."""
    data = ROOT / "tests" / "data"
    pdf, text = load(data / "chromium-2021.pdf"), load(TEXT_2021)
    assert _figures(pdf) == _figures(text)
    assert sorted({c.provenance.page for c in pdf}) == [1, 2, 3]
    assert pdf.text is not None and "file:///" not in pdf.text and "3/3" not in pdf.text
    report = diff(text, pdf)
    assert not report.has_changes and report.counts()["unchanged"] >= 21
    assert _figures(load(data / "chromium-2021.html")) == _figures(text)


def test_a_real_table_pdf() -> None:
    """A real statistical PDF: the FBI's NICS firearm background checks for November 2015
    (a U.S. government work, public domain; the copy in pdfplumber's test suite,
    tests/pdfs/nics-background-checks-2015-11.pdf). Its table is read as rows, each cell
    under its column's heading (groups of columns headed above them), the state as the row."""
    doc = load(ROOT / "tests" / "data" / "nics-background-checks-2015-11.pdf")
    got = {c.id: (c.value, c.counted, c.provenance.page) for c in doc}
    assert got["alabama-permit"] == (18_870, "Alabama Permit", 1)
    assert got["alabama-handgun"] == (23_022, "Alabama Handgun", 1)
    assert got["alabama-long-gun"] == (22_650, "Alabama Long Gun", 1)
    assert got["alaska-handgun"] == (3_062, "Alaska Handgun", 1)
    assert got["alabama"][0] == 71_137  # the row's total, in the "Totals" column
    assert doc.text is not None and doc.text.startswith(
        "# NICS Firearm Background Checks\n\n# November - 2015\n\n")


def test_key_figures_in_large_type_and_alternating_footers(tmp_path: Path) -> None:
    """"83" in large type over "member states" is one figure, no heading; footers that
    alternate between left and right pages (each on every other page) are dropped."""
    pages = []
    for n in range(1, 6):
        footer = (f"{n} | Factsheet 2024" if n % 2 == 0 else f"Global Coalition | {n}")
        pages.append([(72, 740, "83", 28), (72, 720, "member states", 10),
                      (72, 650, f"This page counts {n}0 schools.", 11), (72, 30, footer, 8)])
    text = _pdf_text(pages, tmp_path)
    assert text.startswith("83\nmember states\n\nThis page counts 10 schools.\n\n83\n")
    assert "Factsheet 2024" not in text and "Global Coalition" not in text
    doc = load(tmp_path / "lines.pdf")
    assert [(c.value, c.counted) for c in doc][:2] == [(83, "member states"), (10, "schools")]


def test_check_and_blame_point_at_the_page(pdf_2021: Path, tmp_path: Path) -> None:
    """`check` of a PDF points at "p. 1, line 7"; `blame` of a folder holding a PDF too."""
    code, out, _ = run("check", str(pdf_2021))
    assert code == 0
    assert out.splitlines()[1].split() == ["p.", "1,", "line", "7", "consistent", "sum", "78",
                                           "+", "5", "=", "83,", "as", "stated"]
    (tmp_path / "2020-01.txt").write_text("The Coalition has 81 members.\n", encoding="utf-8")
    (tmp_path / "2021-06.pdf").write_bytes(pdf_2021.read_bytes())
    code, out, _ = run("blame", str(tmp_path))
    row = next(ln for ln in out.splitlines() if " members " in ln)
    assert code == 0 and row.split()[:5] == ["p.", "1,", "line", "7", "members"]
    assert "2021-06.pdf" in row


def test_a_page_turned_by_rotate_and_line_numbers(tmp_path: Path) -> None:
    """A page shown turned (/Rotate 90) is read as drawn; line numbers down the margin of a
    transcript are no figures."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setPageRotation(90)
    c.setFont("Helvetica", 11)
    for k in range(1, 8):
        c.drawString(40, 760 - 20 * k, str(k))
        c.drawString(72, 760 - 20 * k, f"The record says {k}00 people.")
    c.showPage()
    c.save()
    path = tmp_path / "turned.pdf"
    path.write_bytes(buf.getvalue())
    doc = load(path)
    assert [c.value for c in doc] == [100, 200, 300, 400, 500, 600, 700]
    assert doc.text is not None and doc.text.startswith("The record says 100 people.\n")


def test_a_pdf_line_is_cleaned() -> None:
    """Ligatures are their letters, a soft hyphen inside a line goes (one ending it marks a
    word broken across lines), an unmapped WinAnsi bullet is a bullet."""
    from factcheck.pdf import clean_line

    assert clean_line("(cid:127) The ﬁghters on 5 ﬂoors, sta\u00adbil\u00ad\n") == (
        "• The fighters on 5 floors, stabil\u00ad")


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_versions_diff_the_same_across_formats(data: st.DataObject) -> None:
    """Two versions of a factsheet (factcheck.strategies' random edits), the old laid out as a
    PDF and the new as a web page: `diff` finds the changes it finds between the texts."""
    import tempfile

    from factcheck.strategies import edited_versions, paragraphs

    ev = data.draw(edited_versions())
    para = data.draw(paragraphs())
    old_text, new_text = ev.old_text + "\n\n" + para.text, ev.new_text + "\n\n" + para.text
    want = diff(extract(old_text), extract(new_text))
    with tempfile.TemporaryDirectory() as tmp:
        old_pdf, new_page = Path(tmp) / "old.pdf", Path(tmp) / "new.html"
        old_pdf.write_bytes(make_pdf(blocks_of_text(old_text), header="Factsheet | 2024",
                                     footer="Page {page} of {pages}"))
        new_page.write_text(html_page(blocks_of_text(new_text), nav="12 partners",
                                      footer="© 2024"), encoding="utf-8")
        old, new = load(old_pdf), load(new_page)
        assert _figures(old) == _figures(extract(old_text))
        assert _figures(new) == _figures(extract(new_text))
        got = diff(old, new)
    kinds = ("changed", "requalified", "added", "removed")
    assert {k: got.counts()[k] for k in kinds} == {k: want.counts()[k] for k in kinds}


def test_a_pdf_in_git(tmp_path: Path, pdf_2021: Path) -> None:
    """A PDF's revisions in git are a history; `diff REV:file.pdf file.txt` reads it too."""
    from gitrepo import git

    from factcheck.timeline import history

    repo = tmp_path / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    old = make_pdf([("para", "The Coalition has 81 members and 12 partners.")])
    for day, data in ((1, old), (2, pdf_2021.read_bytes())):
        (repo / "facts.pdf").write_bytes(data)
        git(repo, "add", "facts.pdf")
        git(repo, "commit", "-q", "-m", f"day {day}", date=f"2021-01-0{day}T12:00:00+00:00")
    hist = history(repo / "facts.pdf")
    members = next(t for t in hist.timelines if t.id == "members")
    assert [p.claim.value for p in members.points] == [81, 83]
    cwd = os.getcwd()
    os.chdir(repo)
    try:
        code, out, _ = run("diff", "HEAD~1:facts.pdf", "HEAD:facts.pdf")
    finally:
        os.chdir(cwd)
    assert code == 0 and "members 81 → 83 (+2)" in out


def test_hostile_nesting_is_read() -> None:
    """100,000 nested elements (lists, tables, blocks) are read without a recursion error
    (elements deeper than MAX_DEPTH join the one above), their text kept; a table's caption
    stays above its rows."""
    from factcheck.webpage import render_html

    for page in ("<div>" * 100_000 + "83 members", "<ul><li>" * 50_000 + "83 members",
                 "<table><tr><td>" * 30_000 + "83 members"):
        assert render_html(page).text.strip().endswith("83 members")
    text, _ = _read("<table><caption>By sector</caption><tr><th>Sector</th><th>Damage (US$ "
                    "billion)</th></tr><tr><td>Housing</td><td>55.9</td></tr></table>")
    assert text == ("By sector\n\n| Sector | Damage (US$ billion) |\n|---|---|\n"
                    "| Housing | 55.9 |\n")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(
    ["<p>", "</p>", "<li>", "<ul>", "</ul>", "<table>", "<tr>", "<td>", "<th>", "</table>",
     "<br>", "<h2>", "</h2>", "<nav>", "</nav>", "<!--", "-->", "<script>", "</script>",
     "<sup>", "</sup>", "&amp;", "&nbsp;", "&#", "83", " members", ".", "\n", "<b>", "</b>",
     '<div class="share">', "</div>", "<main>", "</main>", "<![", "<!DOCTYPE html>", "&shy;"]),
    max_size=40).map("".join))
def test_any_page_is_read_and_maps_into_its_source(page: str) -> None:
    """Whatever the markup, a page is read; each character of its text maps to a place in
    its source, and each claim's quote is in the text."""
    from factcheck.formats import document_from_bytes
    from factcheck.webpage import render_html

    r = render_html(page)
    assert len(r.source_offsets) == len(r.text)
    assert all(0 <= o <= len(page) for o in r.source_offsets)
    doc = document_from_bytes(page.encode("utf-8"), "html", source="p.html")
    assert doc.text is not None and all(c.quote in doc.text for c in doc)


def test_pdfminer_warnings_are_not_printed(tmp_path: Path) -> None:
    """pdfminer's warnings about a damaged cross-reference table are not printed (a library
    prints nothing; the CLI prints its one line)."""
    import re

    good = make_pdf([("para", "The Coalition has 83 members.")])
    bad = re.sub(rb"\n(\d{9})(\d) 00000 n", rb"\n\1x 00000 n", good, count=3)
    assert bad != good
    path = tmp_path / "xref.pdf"
    path.write_bytes(bad)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path)], env=env,
                          capture_output=True, text=True, timeout=60)
    # (Damaged so, the file's pages cannot be found: one line says so, and nothing else.)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == f"factcheck: error: {path}: is a PDF with no pages\n"


def test_a_column_of_short_bullets_beside_prose(tmp_path: Path) -> None:
    """A column of short key-figure bullets beside a column of prose is a column (not rows of
    a table): the prose is read whole, then the bullets."""
    left = [(60, 760 - 14 * k, t, 10) for k, t in enumerate([
        "The Coalition was formed in 2014 to defeat", "Daesh in Iraq and Syria. Its members work",
        "together on many fronts, from stabilisation", "to countering propaganda and finance.",
        "Partners meet each year to review progress."])]
    right = [(320, 760 - 14 * k, t, 10) for k, t in enumerate([
        "KEY FIGURES", "• 83 members", "• 12 partners",
        "• 10,000 fighters remain in the region today", "• 5 groups"])]
    text = _pdf_text([left + right], tmp_path)
    assert text.startswith("The Coalition was formed in 2014 to defeat\nDaesh in Iraq")
    assert text.endswith("review progress.\n\nKEY FIGURES\n\n• 83 members\n\n• 12 partners\n\n"
                         "• 10,000 fighters remain in the region today\n\n• 5 groups\n")


def test_a_heading_in_bold_of_the_body_size(tmp_path: Path) -> None:
    """A short bold line between a sentence's end and a sentence's start is a heading (its
    figures' section); a bold word on a line of its own inside a sentence is not."""
    from makedocs import make_styled_pdf

    path = tmp_path / "bold.pdf"
    path.write_bytes(make_styled_pdf([
        (72, 740, "STABILISATION", "Helvetica-Bold", 10.5),
        (72, 726, "Since 2014, partners gave over $20 billion", "Helvetica", 10.5),
        (72, 712, "in assistance. The", "Helvetica", 10.5),
        (72, 698, "Coalition", "Helvetica-Bold", 10.5),
        (72, 684, "has 83 members.", "Helvetica", 10.5),
        (72, 670, "Military efforts", "Helvetica-Bold", 10.5),
        (72, 656, "Partners trained 225,000 police.", "Helvetica", 10.5),
    ]))
    doc = load(path)
    assert doc.text == ("# STABILISATION\n\nSince 2014, partners gave over $20 billion\n"
                        "in assistance. The\nCoalition\nhas 83 members.\n\n# Military efforts\n\n"
                        "Partners trained 225,000 police.\n")
    assert [(c.value, c.provenance.section) for c in doc] == [
        (20_000_000_000, "STABILISATION"), (83, "STABILISATION"), (225_000, "Military efforts")]


def test_text_drawn_turned_on_a_turned_page(tmp_path: Path) -> None:
    """Text drawn at 90° on a page turned by /Rotate 90 (upright in a viewer) is read upright,
    in its order."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setPageRotation(90)
    c.translate(300, 100)
    c.rotate(90)
    c.setFont("Helvetica", 11)
    for k in range(1, 6):
        c.drawString(0, -20 * k, f"The record says {k}00 people.")
    c.showPage()
    c.save()
    path = tmp_path / "drawn-turned.pdf"
    path.write_bytes(buf.getvalue())
    assert [c.value for c in load(path)] == [100, 200, 300, 400, 500]


def test_reading_a_long_pdf_reports_progress(tmp_path: Path) -> None:
    """A 200-page PDF is read, and its reading reports each page (for a progress bar)."""
    from factcheck.formats import load_formatted

    blocks = [("para", f"Page {n} of the report counts {n * 10 + 7:,} schools.") for n in range(200)]
    path = tmp_path / "long.pdf"
    path.write_bytes(make_lines_pdf([[(72, 700, t, 11)] for _k, t in blocks]))
    seen: list[tuple[int, int]] = []
    doc = load_formatted(path, progress=lambda done, total: seen.append((done, total)))
    assert doc is not None and len(doc) == 200
    assert seen == [(n, 200) for n in range(1, 201)]
    assert doc.claims[-1].provenance.page == 200


def test_extract_shows_a_progress_bar_for_a_long_pdf_on_a_terminal(tmp_path: Path) -> None:
    """`factcheck extract long.pdf` on a terminal draws a progress bar on stderr while the
    pages are read; into a pipe it draws none."""
    import pty

    # 200 full pages (40 lines each): long enough to read that the bar appears.
    pages = [[(72, 760 - 16 * k, f"Page {n}, line {k}: the report counts {n * 10 + k:,} schools.",
               11) for k in range(40)] for n in range(200)]
    path = tmp_path / "long.pdf"
    path.write_bytes(make_lines_pdf(pages))
    env = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "80"}
    import threading

    primary, secondary = pty.openpty()
    chunks: list[bytes] = []

    def drain() -> None:
        # Read the terminal while the command runs: a terminal holds a few kilobytes, and a
        # bar redrawn often on a busy machine would fill it and block the command.
        while True:
            try:
                chunk = os.read(primary, 65536)
            except OSError:
                return
            if not chunk:
                return
            chunks.append(chunk)

    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    done = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path)], env=env,
                          stdout=subprocess.PIPE, stderr=secondary, timeout=300, check=False)
    os.close(secondary)
    reader.join(timeout=30)
    os.close(primary)
    err = b"".join(chunks)
    assert done.returncode == 0 and b" claims\n" in done.stdout
    assert f"reading {path}".encode() in err  # the bar's label, drawn on the terminal
    piped = subprocess.run([sys.executable, "-m", "factcheck", "extract", str(path)], env=env,
                           capture_output=True, timeout=300, check=False)
    assert piped.returncode == 0 and piped.stderr == b""


def test_reports_name_a_pdf_figure_by_page_and_line(pdf_2021: Path, tmp_path: Path) -> None:
    """The Markdown and HTML change reports point at a PDF's figure as "p. N, line M"."""
    changed = tmp_path / "2021b.pdf"
    changed.write_bytes(pdf_2021.read_bytes())
    text = TEXT_2021.read_text(encoding="utf-8").replace("83 members", "84 members")
    blocks = blocks_of_text(text)
    changed.write_bytes(make_pdf(blocks, pages=4, columns={2: 2}, header=HEADER,
                                 footer="Page {page} of {pages}",
                                 title="Global Coalition factsheet 2021"))
    for fmt in ("markdown", "html"):
        code, out, _ = run("diff", "-f", fmt, str(pdf_2021), str(changed))
        assert code == 0 and "p. 1, line" in out, fmt
