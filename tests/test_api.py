"""The public API as a user meets it: type-checked by mypy --strict, documented by help().

``factcheck/__init__.py`` loads its exports lazily; a ``TYPE_CHECKING`` block imports each as
itself so that type checkers see them as exported. The wheel compiles the extractor with
mypyc, which keeps no docstrings, so no public name may come from a compiled module. These
tests run against factcheck as imported: the source in a checkout, the compiled install after
``pip install .`` (as CI runs them).
"""

from __future__ import annotations

import ast
import inspect
import os
import subprocess
import sys
from pathlib import Path

import factcheck

ROOT = Path(__file__).resolve().parent.parent
INIT = Path(factcheck.__file__ or "")

USER_SCRIPT = '''\
from fractions import Fraction

import factcheck
from factcheck import Claim, CheckReport, Document, Finding, Verdict, check, diff, extract


def members_below_100(claims: list[Claim], context: object) -> list[Finding]:
    return [
        Finding.make("members-below-100",
                     Verdict.CONSISTENT if c.value < 100 else Verdict.INCONSISTENT,
                     f"{c.stated} members", [c])
        for c in claims if c.counted == "members"
    ]


doc: Document = extract("The Coalition has 83 members (78 nations and 5 organisations).")
value: Fraction = doc[0].value
report: CheckReport = check(doc, validators=[*factcheck.default_validators()])
changed: bool = diff(doc, doc).has_changes
summary: dict[str, int] = report.summary
print(value, changed, summary, factcheck.__version__, factcheck.registry())
'''


def _type_checking_imports() -> dict[str, str]:
    """name -> module of every import in ``__init__``'s ``if TYPE_CHECKING:`` block."""
    tree = ast.parse(INIT.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) \
                and node.test.id == "TYPE_CHECKING":
            for imp in node.body:
                assert isinstance(imp, ast.ImportFrom) and imp.module is not None
                for alias in imp.names:
                    # ``X as X`` is what makes it an explicit re-export for mypy.
                    assert alias.asname == alias.name, alias.name
                    out[alias.name] = imp.module
    return out


def test_type_checking_block_lists_every_export() -> None:
    """The block type checkers read and the lazy table the interpreter reads are the same."""
    from factcheck import _EXPORTS  # noqa: PLC0415

    assert _type_checking_imports() == _EXPORTS
    assert set(factcheck.__all__) == {"__version__", *_EXPORTS}


def test_mypy_strict_accepts_a_user_script(tmp_path: Path) -> None:
    """``from factcheck import ...`` type-checks under --strict, and wrong use is caught."""
    script = tmp_path / "user.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    (tmp_path / "mypy.ini").write_text("[mypy]\nstrict = True\n", encoding="utf-8")
    env = {**os.environ}
    where = INIT.parent.parent
    if "site-packages" not in where.parts and "dist-packages" not in where.parts:
        env["MYPYPATH"] = str(where)  # a checkout: type-check the factcheck being tested
    cmd = [sys.executable, "-m", "mypy", "--config-file", "mypy.ini", "--cache-dir",
           str(tmp_path / ".mypy_cache"), "--no-error-summary"]
    done = subprocess.run([*cmd, "user.py"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    wrong = tmp_path / "wrong.py"
    wrong.write_text("from factcheck import extract\nn: int = extract('83 members')\n",
                     encoding="utf-8")
    done = subprocess.run([*cmd, "wrong.py"], cwd=tmp_path, env=env, capture_output=True,
                          text=True, check=False)
    assert done.returncode == 1
    assert 'Incompatible types in assignment (expression has type "Document"' in done.stdout


def _own_doc(obj: object) -> str:
    doc = obj.__doc__ if isinstance(obj, type) else inspect.getdoc(obj)
    return (doc or "").strip()


def test_every_public_name_has_its_docstring_as_imported() -> None:
    """help(factcheck.X) shows a docstring for every public name, compiled install or not."""
    missing = []
    for name in factcheck.__all__:
        if name == "__version__":
            continue
        obj = getattr(factcheck, name)
        doc = _own_doc(obj)
        if len(doc) < 10:  # a sentence, not a stub
            missing.append(name)
    assert missing == []
    doc = inspect.getdoc(factcheck.extract) or ""
    assert doc.startswith("Read a factsheet's text into a :class:`Document` of claims")
    assert list(inspect.signature(factcheck.extract).parameters) == [
        "text", "source", "reader", "revision", "title", "date"]


def test_no_public_name_comes_from_a_compiled_module() -> None:
    """The modules the wheel compiles (hatch_build.COMPILED) export nothing public directly."""
    from factcheck import _EXPORTS  # noqa: PLC0415

    tree = ast.parse((ROOT / "hatch_build.py").read_text(encoding="utf-8"))
    compiled: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "COMPILED" for t in node.targets):
            compiled = ast.literal_eval(node.value)
    assert compiled == ["factcheck/extraction.py"]
    modules = {p.removesuffix(".py").replace("/", ".") for p in compiled}
    assert not modules & set(_EXPORTS.values())
    for name, module in _EXPORTS.items():
        obj = getattr(factcheck, name)
        if inspect.isfunction(obj):  # a Python function, not a builtin from an extension
            assert obj.__module__ == module, name
    assert inspect.isfunction(factcheck.extract)


def test_extract_wrapper_reads_as_the_extractor() -> None:
    from factcheck.extraction import extract as compiled_extract  # noqa: PLC0415
    from factcheck.readers import read_markdown  # noqa: PLC0415

    text = "# Members\n\nThe Coalition has **83 members** (78 nations and 5 organisations).\n"
    a = factcheck.extract(text, "f.md", reader=read_markdown, revision="r", title="T",
                          date="2021")
    b = compiled_extract(text, "f.md", reader=read_markdown, revision="r", title="T",
                         date="2021")
    assert a == b and [c.id for c in a] == ["members", "nations", "organisations"]
    assert (a.title, a.date, a.revision) == ("T", "2021", "r")
