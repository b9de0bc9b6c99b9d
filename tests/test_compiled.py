"""The extractor as installed (compiled by mypyc where the build could) reads as its source does.

``pip install .`` compiles ``factcheck/extraction.py`` (see hatch_build.py); an editable or
``FACTCHECK_PURE_PYTHON=1`` install runs the source itself. Here the source file of this
checkout is loaded as a module of its own and both read the same texts: the bundled
factsheets (plain and Markdown) and generated ones. Where the installed module is the source
itself the comparison still holds, trivially; ``factcheck.extraction.__file__`` says which.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import attrs
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import factcheck.extraction as installed
from factcheck.readers import read_markdown
from factcheck.strategies import factsheet_noise

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOTS = ROOT / "snapshots" / "global-coalition"


def _source_module() -> ModuleType:
    name = "factcheck_extraction_source"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "factcheck" / "extraction.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


SOURCE = _source_module()


def _same(text: str) -> None:
    for reader in (None, read_markdown):
        a = installed.extract(text, source="t", reader=reader, revision="r")
        b = SOURCE.extract(text, source="t", reader=reader, revision="r")
        assert [attrs.asdict(c) for c in a] == [attrs.asdict(c) for c in b]


def test_installed_extractor_is_this_checkout_or_compiled_from_it() -> None:
    """The module under test is the source file or an extension module built from it."""
    path = Path(installed.__file__ or "")
    assert path.suffix in (".py", ".so", ".pyd"), path
    assert SOURCE.__file__ == str(ROOT / "factcheck" / "extraction.py")


def test_bundled_factsheets_read_the_same() -> None:
    texts = sorted(SNAPSHOTS.glob("*.txt"))
    assert len(texts) == 5
    total = 0
    for path in texts:
        text = path.read_text(encoding="utf-8")
        _same(text)
        total += len(installed.extract(text))
    assert total >= 50


def test_the_garbage_collector_is_left_as_found() -> None:
    import gc

    assert gc.isenabled()
    installed.extract("83 members")
    assert gc.isenabled()
    gc.disable()
    try:
        installed.extract("83 members")
        assert not gc.isenabled()
    finally:
        gc.enable()


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(factsheet_noise())
@example("Over 4.13\nbillion dollars (US$) since 2014; about 62 percent of 110,000 sq km.")
@example("• Twenty-six partners, a dozen states, two-thirds of 8m people aged 5-19.")
def test_generated_factsheets_read_the_same(text: str) -> None:
    _same(text)


@SETTINGS
@given(st.text())
def test_any_text_reads_the_same(text: str) -> None:
    _same(text)
