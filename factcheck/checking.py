"""The consistency check: validators turn claims into findings; :func:`check` runs them.

A **validator** is any callable ``validator(claims, context) -> Iterable[Finding]``: it takes
a document's claims and a :class:`CheckContext` (the document, the relations its words state,
the declared rules) and yields one :class:`Finding` per check it makes, whatever the verdict:
a check that holds is a ``consistent`` finding, so reports can say what was checked.

Verdicts rest on the intervals the claims' words allow (see README, "What a figure allows"):

* ``inconsistent`` when no reading the words allow makes the check hold;
* ``consistent`` when it holds at face value (every figure read as stated, within its stated
  precision) or whatever the words mean;
* ``undetermined`` when the words allow it but do not show it (or a unit cannot be compared).

:data:`DEFAULT_VALIDATORS` are the built-in ones (:mod:`factcheck.validators`). Your own
validators are passed to :func:`check` with them; the ``factcheck`` command also loads those
registered under the ``factcheck.validators`` entry-point group (:func:`plugin_validators`).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from factcheck.claim import Claim, Document

if TYPE_CHECKING:  # pragma: no cover - typing only
    from factcheck.relations import Relation
    from factcheck.rules import Rules

__all__ = [
    "DEFAULT_VALIDATORS",
    "CheckContext",
    "CheckReport",
    "Finding",
    "Validator",
    "Verdict",
    "check",
    "default_validators",
    "load_validator",
    "plugin_validators",
    "rules_beside",
]

ENTRY_POINT_GROUP = "factcheck.validators"
"""The entry-point group under which packages register validators for the CLI."""


class Verdict(str, enum.Enum):
    """What a check found."""

    CONSISTENT = "consistent"
    """The figures agree (at face value, or whatever the words mean)."""
    INCONSISTENT = "inconsistent"
    """No reading the words allow makes the figures agree."""
    UNDETERMINED = "undetermined"
    """The words allow the figures to agree but do not show it, or they cannot be compared."""


@attrs.frozen
class Finding:
    """The outcome of one check: its verdict, a message in figures, and the claims involved.

    ``rule`` names the kind of check (``sum``, ``part-of``, ``restated``, ``units``,
    ``share``, ``shares``, ``declared:<type>``, or a validator's own name); ``subject`` names
    this check in particular (``members = nations + international-organisations``); ``line``
    is where to point a reader (1-based, in ``source``).
    """

    rule: str
    verdict: Verdict
    message: str
    claims: tuple[Claim, ...]
    line: int
    source: str
    subject: str = ""

    @classmethod
    def make(
        cls,
        rule: str,
        verdict: Verdict,
        message: str,
        claims: Sequence[Claim],
        *,
        line: int | None = None,
        subject: str | None = None,
    ) -> Finding:
        """A finding about *claims*; ``line`` and ``source`` default to the first claim's."""
        if not claims and line is None:
            raise ValueError("a finding needs at least one claim, or a line")
        first = claims[0] if claims else None
        return cls(
            rule=rule,
            verdict=Verdict(verdict),
            message=message,
            claims=tuple(claims),
            line=line if line is not None else first.line,  # type: ignore[union-attr]
            source=first.provenance.source if first is not None else "",
            subject=subject if subject is not None else ", ".join(c.id for c in claims),
        )


@attrs.frozen
class CheckContext:
    """What a validator may use besides the claims.

    ``relations`` are the relations the document's words state (found once, shared by all
    validators); ``rules`` the declared rules, already resolved against the claims.
    """

    document: Document
    relations: tuple[Relation, ...]
    rules: Rules

    def by_id(self) -> dict[str, Claim]:
        """The document's claims keyed by id."""
        return self.document.by_id()


Validator = Callable[[Sequence[Claim], CheckContext], Iterable[Finding]]
"""A validator: takes claims and a context, yields findings (one per check made)."""


@attrs.frozen
class CheckReport:
    """The findings of checking one or more documents, in source order, then line order."""

    findings: tuple[Finding, ...]
    sources: tuple[str, ...] = ()

    def count(self, verdict: Verdict | str) -> int:
        """How many findings have *verdict*."""
        v = Verdict(verdict)
        return sum(1 for f in self.findings if f.verdict is v)

    @property
    def summary(self) -> dict[str, int]:
        """Counts per verdict, and ``checks`` (all findings): the JSON ``summary`` object."""
        out = {"checks": len(self.findings)}
        out.update({v.value: self.count(v) for v in Verdict})
        return out

    def failed(self, strict: bool = False) -> bool:
        """True when a finding is inconsistent (or, with *strict*, undetermined)."""
        bad = {Verdict.INCONSISTENT, Verdict.UNDETERMINED} if strict else {Verdict.INCONSISTENT}
        return any(f.verdict in bad for f in self.findings)

    def __add__(self, other: CheckReport) -> CheckReport:
        return CheckReport(self.findings + other.findings, self.sources + other.sources)


def default_validators() -> tuple[Validator, ...]:
    """The built-in validators, in the order they run."""
    from factcheck import validators as v  # noqa: PLC0415

    return (v.sums, v.units, v.shares, v.restated, v.declared)


def __getattr__(name: str) -> object:
    # DEFAULT_VALIDATORS is built on first use so that importing this module stays cheap.
    if name == "DEFAULT_VALIDATORS":
        return default_validators()
    raise AttributeError(name)


def rules_beside(path: str | os.PathLike[str]) -> Path | None:
    """The rules file beside a factsheet, if there is one: ``x.txt`` -> ``x.rules.toml``."""
    p = Path(path)
    name = p.name
    stem = name[: -len(".toml")] if name.endswith(".toml") else p.stem
    if stem.endswith(".rules"):
        return None
    candidate = p.with_name(f"{stem}.rules.toml")
    return candidate if candidate.is_file() else None


def check(
    subject: Document | Iterable[Claim] | str | os.PathLike[str],
    rules: Rules | str | os.PathLike[str] | None = None,
    *,
    validators: Sequence[Validator] | None = None,
) -> CheckReport:
    """Check a document's figures against each other; return every check made as a finding.

    *subject* is a :class:`Document` (from :func:`factcheck.extract` or a snapshot), a
    sequence of claims, or the path of a factsheet or snapshot file. *rules* is a
    :class:`~factcheck.rules.Rules` record or the path of a rules file; given a path as
    *subject* and no rules, the rules file beside it (``x.rules.toml``) is used if present.
    *validators* default to :func:`default_validators`; pass your own with them, e.g.
    ``validators=[*factcheck.default_validators(), mine]``.

    Raises :class:`~factcheck.errors.RulesError` when a rule names an unknown claim id, and
    :class:`~factcheck.errors.InputError` / ``SnapshotError`` for a file that cannot be read.
    """
    from factcheck.relations import find_relations  # noqa: PLC0415
    from factcheck.rules import Rules, load_rules  # noqa: PLC0415

    if isinstance(subject, (str, os.PathLike)):
        from factcheck.sources import load  # noqa: PLC0415

        doc = load(subject)
        if rules is None:
            rules = rules_beside(subject)
    elif isinstance(subject, Document):
        doc = subject
    else:
        claims = tuple(subject)
        doc = Document(source=claims[0].provenance.source if claims else "<claims>", claims=claims)
    if rules is None:
        resolved = Rules()
    elif isinstance(rules, Rules):
        resolved = rules
    else:
        resolved = load_rules(rules)
    resolved.resolve(doc)
    context = CheckContext(document=doc, relations=find_relations(doc), rules=resolved)
    findings: list[Finding] = []
    for validator in default_validators() if validators is None else validators:
        findings.extend(validator(doc.claims, context))
    order = {c.id: i for i, c in enumerate(doc.claims)}
    findings.sort(key=lambda f: (f.line, min((order.get(c.id, 0) for c in f.claims), default=0)))
    return CheckReport(findings=tuple(findings), sources=(doc.source,))


def load_validator(spec: str) -> Validator:
    """Import a validator named ``module:function`` (``module`` importable from here).

    Raises :class:`~factcheck.errors.FactcheckError` naming the spec when it cannot be loaded.
    """
    import importlib  # noqa: PLC0415
    import sys  # noqa: PLC0415

    from factcheck.errors import FactcheckError  # noqa: PLC0415

    module_name, _, attr = spec.partition(":")
    if not module_name or not attr:
        raise FactcheckError(f"a validator is named module:function, got {spec!r}")
    if "" not in sys.path and os.getcwd() not in sys.path:
        sys.path.insert(0, os.getcwd())
    try:
        module = importlib.import_module(module_name)
        fn = getattr(module, attr)
    except (ImportError, AttributeError) as exc:
        raise FactcheckError(f"cannot load validator {spec!r}: {exc}") from None
    if not callable(fn):
        raise FactcheckError(f"validator {spec!r} is not callable")
    return fn  # type: ignore[no-any-return]


def plugin_validators() -> tuple[Validator, ...]:
    """Validators that installed packages register under the ``factcheck.validators`` group."""
    from importlib.metadata import entry_points  # noqa: PLC0415

    return tuple(ep.load() for ep in entry_points(group=ENTRY_POINT_GROUP))
