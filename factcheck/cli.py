"""The ``factcheck`` command: parse arguments, call the library, render, set the exit code.

Exit status: 0 when all is well, 1 when a finding says so (``check`` found something
inconsistent, ``diff --exit-code`` found a change), 2 when the input or the usage is bad.
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


def _fail(message: str) -> None:
    click.echo(f"factcheck: error: {message}", err=True)
    sys.exit(EXIT_ERROR)


def handle_errors(func: F) -> F:
    """Turn every factcheck error (and an interrupted pipe) into one line and exit status 2."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from factcheck.errors import FactcheckError  # noqa: PLC0415

        try:
            return func(*args, **kwargs)
        except FactcheckError as exc:
            _fail(str(exc))
        except BrokenPipeError:  # pragma: no cover - depends on the reader going away
            sys.stderr.close()
            sys.exit(EXIT_ERROR)
        except OSError as exc:
            name = getattr(exc, "filename", None)
            _fail(f"{name}: {exc.strerror}" if name else str(exc))

    return wrapper  # type: ignore[return-value]


def emit(text: str, output: str | None) -> None:
    """Print *text*, or write it to *output* atomically (nothing is written on failure)."""
    if output is None or output == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    from factcheck.sources import write_atomic  # noqa: PLC0415

    write_atomic(Path(output), text if text.endswith("\n") else text + "\n")


def color_wanted() -> bool:
    """Colour only for a terminal, and never when NO_COLOR is set."""
    import os  # noqa: PLC0415

    return sys.stdout.isatty() and "NO_COLOR" not in os.environ


OUTPUT = click.option(
    "-o", "--output", type=click.Path(dir_okay=False), default=None,
    help="Write to FILE (atomically) instead of standard output.",
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
    """Read factsheets (text, Markdown) or snapshots and list their figures as claims.

    With --format toml the output is a snapshot file that ``check``, ``diff`` and
    ``extract`` read back; it takes one PATH.
    """
    from factcheck.reports import render  # noqa: PLC0415
    from factcheck.sources import load  # noqa: PLC0415

    if fmt == "toml" and len(paths) != 1:
        raise click.UsageError("--format toml writes one snapshot: give exactly one PATH")
    docs = [load(p) for p in paths]
    emit(render(docs, fmt, kind="extract"), output)


@main.command()
@click.argument("old")
@click.argument("new")
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
@handle_errors
def diff(old: str, new: str, fmt: str, output: str | None, show_all: bool,
         exit_code: bool) -> None:
    """Compare two versions of a factsheet in figures.

    OLD and NEW are each a factsheet (text, Markdown) or a snapshot file. Every figure in
    OLD is paired with its counterpart in NEW; the report lists the figures that changed
    ("members 81 → 83 (+2)"), were requalified ("over 9,000 → nearly 9,000"), added or
    removed, with the line in each version.
    """
    from factcheck.differ import diff as diff_versions  # noqa: PLC0415
    from factcheck.reports import render  # noqa: PLC0415

    # Paths go to diff() as they are, so that each uses the rules file beside it.
    report = diff_versions(old, new)
    color = fmt == "text" and (output is None or output == "-") and color_wanted()
    emit(render(report, fmt, kind="diff", all=show_all, color=color), output)
    if exit_code and report.has_changes:
        sys.exit(EXIT_FINDINGS)

@main.command()
@PATHS
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
@handle_errors
def check(paths: tuple[str, ...], rules_path: str | None, fmt: str, strict: bool,
          extra: tuple[str, ...], output: str | None) -> None:
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
    for path in paths:
        report = report + run_check(path, rules, validators=validators)
    color = fmt == "text" and (output is None or output == "-") and color_wanted()
    emit(render(report, fmt, kind="check", color=color, strict=strict), output)
    if report.failed(strict=strict):
        sys.exit(EXIT_FINDINGS)
