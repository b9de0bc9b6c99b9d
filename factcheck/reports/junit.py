"""JUnit XML: one test case per check made, one test suite per factsheet.

``inconsistent`` is a ``<failure>``; ``undetermined`` is ``<skipped>`` (a ``<failure>`` with
``strict``); ``consistent`` passes. CI systems show these as test results. Files read from git (``check --rev``) are named by
their working-tree path.
"""

from __future__ import annotations

from typing import Any
from xml.etree import ElementTree as ET

from factcheck.gitsource import worktree_path


def render_check(report: Any, *, strict: bool = False, **_: Any) -> str:
    """The JUnit XML of a check report."""
    suites = ET.Element("testsuites", name="factcheck check")
    total = failures = skipped = 0
    for label in report.sources:
        found = [f for f in report.findings if f.source == label]
        source = worktree_path(label)  # where CI finds the file (check --rev reads git)
        suite = ET.SubElement(suites, "testsuite", name=source)
        n_fail = n_skip = 0
        for f in found:
            case = ET.SubElement(
                suite, "testcase", classname=f"factcheck.{f.rule}",
                name=f"line {f.line}: {f.subject}", file=source, line=str(f.line),
            )
            verdict = f.verdict.value
            if verdict == "inconsistent" or (verdict == "undetermined" and strict):
                n_fail += 1
                el = ET.SubElement(case, "failure", message=f.message, type=verdict)
                el.text = f"{source}:{f.line}: {verdict}: {f.message}"
            elif verdict == "undetermined":
                n_skip += 1
                ET.SubElement(case, "skipped", message=f"undetermined: {f.message}")
            else:
                out = ET.SubElement(case, "system-out")
                out.text = f.message
        suite.set("tests", str(len(found)))
        suite.set("failures", str(n_fail))
        suite.set("errors", "0")
        suite.set("skipped", str(n_skip))
        total, failures, skipped = total + len(found), failures + n_fail, skipped + n_skip
    suites.set("tests", str(total))
    suites.set("failures", str(failures))
    suites.set("errors", "0")
    suites.set("skipped", str(skipped))
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
