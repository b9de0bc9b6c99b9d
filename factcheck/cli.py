"""The ``factcheck`` command: parse arguments, call the library, render, set the exit code.

Exit status: 0 when all is well, 1 when a finding says so (``check`` found something
inconsistent, ``diff --exit-code`` found a change), 2 when the input or the usage is bad, 130
when interrupted (Ctrl-C).
Library errors become one line on stderr here, in :func:`_fail`, and nowhere else.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from factcheck import __version__

F = TypeVar("F", bound=Callable[..., Any])

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERRUPTED = 130
"""Ctrl-C: 128 + SIGINT, as shells report a process ended by it."""


def _fail(message: str) -> None:
    click.echo(f"factcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def handle_errors(func: F) -> F:
    """Every factcheck error (and a closed pipe) is one line and exit status 2; Ctrl-C is 130."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck.errors import FactcheckError  # noqa: PLC0415

        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            _fail(str(exc))
        except KeyboardInterrupt:
            click.echo("factcheck: interrupted", err=True)
            sys.exit(EXIT_INTERRUPTED)
        except BrokenPipeError:  # pragma: no cover - depends on the reader going away
            sys.stderr.close()
            sys.exit(EXIT_ERROR)
        except OSError as exc:
            name = getattr(exc, "filename", None)
            _fail(f"{name}: {exc.strerror}" if name else str(exc))

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: str | None) -> None:
    """Print *text* (*output* ``None`` or ``-``), or write it to the file *output*.

    A regular file is replaced atomically (a failure leaves it as it was; a symlink's target
    is replaced); a device or FIFO is written straight (see :func:`write_atomic`).
    """
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from factcheck.sources import write_atomic  # noqa: PLC0415

    write_atomic(output, text if text.endswith("\n") else text + "\n")


def _colour(fmt: str, output: str | None) -> bool:
    """Colour for a text report printed to a terminal, never for a file or another format."""
    return fmt == "text" and (output is None or output == "-") and color_wanted()


def color_wanted() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set."""
    import os  # noqa: PLC0415

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


OUTPUT = click.option(
    "-o", "--output", type=click.Path(), default=None,
    help="Write to FILE instead of standard output ('-'). A regular file is replaced "
    "atomically (through a symlink, its target); a device or FIFO is written straight.",
)
PATHS = click.argument("paths", nargs=-1, required=True, type=click.Path())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="factcheck")
def main() -> None:
    """Keep the figures in public factsheets honest.

    Read factsheets into claims, check their figures against each other, diff versions in
    figures, and follow every figure through time.
    """


@main.command()
@PATHS
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "toml"]), default="text",
    show_default=True, help="text: a table for people; json: for programs; toml: a snapshot.",
)
@OUTPUT
@handle_errors
def extract(paths: tuple[str, ...], fmt: str, output: str | None) -> None:
    """Read factsheets (text, Markdown, PDF, web pages) or snapshots and list their figures.

    With --format toml the output is a snapshot file that ``check``, ``diff`` and
    ``extract`` read back; it takes one PATH.
    """
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.sources import load  # noqa: PLC0415

    if fmt == "toml" and len(paths) != 1:
        raise click.UsageError("--format toml writes one snapshot: give exactly one PATH")
    docs = []
    for p in paths:
        with _Progress(f"reading {p}") as bar:  # a long PDF shows its pages on a terminal
            docs.append(load(p, progress=bar))
    emit(render(docs, fmt, kind="extract"), output)


@main.command()
@click.argument("versions", nargs=-1, metavar="OLD NEW | --rev RANGE [PATH...]")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "markdown", "html", "json"]),
    default="text", show_default=True,
    help="text: for a terminal; markdown: a pull-request comment; html: one self-contained "
    "page; json: for programs.",
)
@OUTPUT
@click.option("--all", "show_all", is_flag=True,
              help="Also list figures that were only reworded or moved.")
@click.option("--exit-code", is_flag=True,
              help="Exit 1 when a figure changed, was added or removed (as git diff --exit-code).")
@click.option("--rev", "rev", metavar="RANGE", default=None,
              help="Diff every factsheet changed in a git range (A..B; A alone: A against the "
              "working tree), limited to the PATHs given (a PATH that names no file is an "
              "error): a pull request's change report.")
@handle_errors
def diff(versions: tuple[str, ...], fmt: str, output: str | None, show_all: bool,
         exit_code: bool, rev: str | None) -> None:
    """Compare two versions of a factsheet in figures.

    OLD and NEW are each a factsheet (text, Markdown) or a snapshot file. Every figure in
    OLD is paired with its counterpart in NEW; the report lists the figures that changed
    ("members 81 → 83 (+2)"), were requalified ("over 9,000 → nearly 9,000"), added or
    removed, with the line in each version.

    Either side may be a file in git as ``git show`` spells it, REV:PATH (``HEAD~1:facts.txt``;
    PATH from the top of the repository, or from here when it starts with ./). With --rev
    A..B, every factsheet changed between A and B is compared (limited to the PATHs given).
    """
    from factcheck.differ import diff as diff_versions  # noqa: PLC0415
    from factcheck.reports import render  # noqa: PLC0415

    if rev is not None:
        from factcheck.timeline import diff_revisions  # noqa: PLC0415

        changes = diff_revisions(rev, versions)
        color = _colour(fmt, output)
        emit(render(changes, fmt, kind="diffs", all=show_all, color=color), output)
        if exit_code and changes.has_changes:
            sys.exit(EXIT_FINDINGS)
        return
    if len(versions) != 2:
        raise click.UsageError("give OLD and NEW (or --rev RANGE [PATH...])")
    old, new = (_version_arg(v) for v in versions)
    # Paths go to diff() as they are, so that each uses the rules file beside it.
    report = diff_versions(old, new)
    color = _colour(fmt, output)
    emit(render(report, fmt, kind="diff", all=show_all, color=color), output)
    if exit_code and report.has_changes:
        sys.exit(EXIT_FINDINGS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("-r", "--rules", "rules_path", type=click.Path(dir_okay=False), default=None,
              help="A rules file for every PATH (default: PATH's own x.rules.toml, if any).")
@click.option(
    "-f", "--format", "fmt",
    type=click.Choice(["text", "json", "junit", "sarif", "github"]), default="text",
    show_default=True,
    help="text: for people; json: for programs; junit, sarif, github: for CI.",
)
@click.option("--strict", is_flag=True, help="Also fail (exit 1) on undetermined checks.")
@click.option("--validator", "extra", multiple=True, metavar="MODULE:FUNCTION",
              help="Also run this validator (repeatable; MODULE importable from here).")
@OUTPUT
@click.option("--rev", "rev", metavar="RANGE", default=None,
              help="Check every factsheet changed in a git range (A..B) at B, plus the "
              "cross-version rule against A: running totals never shrink, units keep "
              "their dimension. PATHs limit it (one that names no file is an error).")
@handle_errors
def check(paths: tuple[str, ...], rules_path: str | None, fmt: str, strict: bool,
          extra: tuple[str, ...], output: str | None, rev: str | None) -> None:
    """Check each factsheet's figures against each other.

    PATH is a factsheet (text, Markdown) or a snapshot file. Parts must add up to their
    totals, a figure stated twice must agree, percentages must match their parts, units must
    fit, and the rules in the rules file must hold. Exit status: 0 when nothing is
    inconsistent, 1 when something is (or, with --strict, undetermined), 2 on bad input.
    """
    from factcheck.checking import (  # noqa: PLC0415
        CheckReport,
        default_validators,
        load_validator,
        plugin_validators,
    )
    from factcheck.checking import check as run_check  # noqa: PLC0415
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.rules import load_rules  # noqa: PLC0415

    validators = [*default_validators(), *plugin_validators(), *map(load_validator, extra)]
    rules = load_rules(rules_path) if rules_path is not None else None
    report = CheckReport(findings=())
    if rev is not None:
        from factcheck.timeline import check_revisions  # noqa: PLC0415

        report = check_revisions(rev, paths, rules=rules, validators=validators)
    elif not paths:
        raise click.UsageError("give at least one PATH (or --rev RANGE)")
    for path in paths if rev is None else ():
        report = report + run_check(path, rules, validators=validators)
    color = _colour(fmt, output)
    emit(render(report, fmt, kind="check", color=color, strict=strict), output)
    if report.failed(strict=strict):
        sys.exit(EXIT_FINDINGS)


# --------------------------------------------------------------------------- history, blame, report


def _version_arg(arg: str) -> Any:
    """A diff side: a file, or a ``REV:PATH`` read from git into a document."""
    from factcheck.gitsource import parse_rev_path  # noqa: PLC0415

    if parse_rev_path(arg) is None:
        return arg
    from factcheck.timeline import load_at  # noqa: PLC0415

    return load_at(arg)


class _Progress:
    """A progress bar on stderr for walks that take more than a moment, on a terminal only.

    The bar appears once a walk has run for :attr:`DELAY` seconds, so quick commands and
    pipes never see it.
    """

    DELAY = 0.4

    def __init__(self, label: str) -> None:
        import time  # noqa: PLC0415

        self.label = label
        self.enabled = sys.stderr.isatty()
        self.started = time.monotonic()
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled:
            return
        import time  # noqa: PLC0415

        if self.bar is None:
            if time.monotonic() - self.started < self.DELAY or done >= total:
                return
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """End the bar, if one was shown."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


REV = click.option(
    "--rev", "rev", metavar="RANGE", default=None,
    help="Only these revisions of a file in git: A..B, A.. (to HEAD) or A (up to A).",
)


@main.command()
@click.argument("path", type=click.Path())
@REV
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
    default="text", show_default=True,
    help="text: for a terminal; json: for programs; markdown: for an issue; html: one page "
    "with a chart per figure.",
)
@click.option("--id", "ids", multiple=True, metavar="ID",
              help="Only the figure with this id (repeatable).")
@click.option("--changed", is_flag=True, help="Only the figures that changed at least once.")
@click.option("--find", "find", metavar="TEXT", default=None,
              help="Only the figures whose words hold TEXT (\"rate limit\").")
@click.option("--line", "line", type=int, metavar="N", default=None,
              help="Only the figures on line N of the latest version.")
@OUTPUT
@handle_errors
def history(path: str, rev: str | None, fmt: str, ids: tuple[str, ...], changed: bool,
            find: str | None, line: int | None, output: str | None) -> None:
    """Follow every figure of a factsheet through its versions.

    PATH is a folder of dated versions (named by date, or listed in its versions.toml), or a
    file tracked in git: then every commit that changed it, following renames. Each figure's
    timeline shows its value and qualifier where it first appeared and wherever it changed,
    with the version (date, and commit and author for git) and the line.
    """
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.timeline import history as follow  # noqa: PLC0415

    with _Progress("reading versions") as bar:
        hist = follow(path, rev, progress=bar)
    emit(render(hist.only(ids=ids, changed=changed, find=find, line=line), fmt,
                kind="history"), output)


@main.command()
@click.argument("path", type=click.Path())
@click.option("--rev", "rev", metavar="REV", default=None,
              help="Blame the file as it was at this revision (or range A..B) in git.")
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["text", "json", "markdown", "html"]),
    default="text", show_default=True, help="text: for a terminal; json: for programs.",
)
@OUTPUT
@handle_errors
def blame(path: str, rev: str | None, fmt: str, output: str | None) -> None:
    """For each figure of a factsheet, the revision that last changed it.

    PATH is a file tracked in git (its working-tree copy: uncommitted changes are blamed on
    the working tree) or a folder of dated versions (its latest file). A figure's blame is
    the revision that last changed its value, qualifier, precision or unit; rewording or
    moving it does not.
    """
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.timeline import blame as blame_figures  # noqa: PLC0415

    with _Progress("reading versions") as bar:
        result = blame_figures(path, rev, progress=bar)
    emit(render(result, fmt, kind="blame"), output)


_REPORT_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".txt": "text",
                    ".json": "json", ".html": "html", ".htm": "html"}


@main.command()
@click.argument("path", required=False, type=click.Path())
@REV
@click.option(
    "-f", "--format", "fmt", type=click.Choice(["html", "markdown", "text", "json"]),
    default=None,
    help="Default: from the -o file's suffix (.md, .txt, .json), else html.",
)
@OUTPUT
@handle_errors
def report(path: str | None, rev: str | None, fmt: str | None, output: str | None) -> None:
    """The main report on a tracked factsheet: one self-contained page.

    PATH is a folder of dated versions or a file tracked in git; without PATH, the bundled
    Global Coalition series (2017-2021). The report holds the consistency check of the
    latest version, the change report against the version before, and every figure's
    timeline with a chart.
    """
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.timeline import report as build  # noqa: PLC0415

    if fmt is None:
        suffix = Path(output).suffix.lower() if output not in (None, "-") else ""
        fmt = _REPORT_SUFFIXES.get(suffix, "html")
    with _Progress("reading versions") as bar:
        result = build(path, rev, progress=bar)
    emit(render(result, fmt, kind="report"), output)
