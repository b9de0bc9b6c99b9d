"""Rules files: relations between a factsheet's figures that its author declares, by claim id.

A rules file is TOML beside the factsheet (``factsheet.txt`` -> ``factsheet.rules.toml``)::

    [[rules]]
    type = "sum"                 # total = the sum of parts
    total = "members"
    parts = ["nations", "international-organisations"]
    complete = true              # false: the parts need only not exceed the total

    [[rules]]
    type = "equal"               # the same figure, stated more than once
    claims = ["members", "members-2"]

    [[rules]]
    type = "percentage"          # part / whole, as a percentage (type "ratio": as a fraction)
    part = "nations"
    whole = "members"
    value = "nations-share"      # a claim id, or a number: 94, "94%", 0.94 (for "ratio")

    [[rules]]
    type = "bound"
    claim = "fighters"
    op = "<="                    # <=, >=, <, >
    than = "ftfs"                # a claim id, or a number in the claim's unit

    [[rates]]                    # money in two currencies is added only at a declared rate
    from = "EUR"
    to = "USD"
    rate = "1.08"                # 1 EUR = 1.08 USD

Every rule may have a ``name``. A malformed file (bad TOML, an unknown key or type, a value
of the wrong type, sum rules that form a cycle) raises one :class:`RulesError` naming the file
and line; so does a rule that names a claim id the document does not have, when the rules are
resolved against it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

import attrs

from factcheck.claim import Claim
from factcheck.errors import RulesError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["Rate", "Rule", "Rules", "load_rules", "loads_rules"]

RULE_TYPES = ("sum", "equal", "ratio", "percentage", "bound")
"""The types a declared rule may have."""
BOUND_OPS = ("<=", ">=", "<", ">")
"""The comparisons a bound rule may make."""

_KEYS: dict[str, dict[str, type | tuple[type, ...]]] = {
    "sum": {"total": str, "parts": list, "complete": bool},
    "equal": {"claims": list},
    "ratio": {"part": str, "whole": str, "value": (str, int, float)},
    "percentage": {"part": str, "whole": str, "value": (str, int, float)},
    "bound": {"claim": str, "op": str, "than": (str, int, float)},
}
_REQUIRED = {
    "sum": ("total", "parts"),
    "equal": ("claims",),
    "ratio": ("part", "whole", "value"),
    "percentage": ("part", "whole", "value"),
    "bound": ("claim", "op", "than"),
}
_TYPE_NAMES = {str: "a string", list: "a list of claim ids", bool: "true or false"}
_NUMBER = re.compile(r"^\s*[-+]?(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s*/\s*\d+)?\s*%?\s*$")


@attrs.frozen
class Rule:
    """One declared rule; which fields are set depends on ``type`` (see the module doc)."""

    type: str
    line: int
    name: str | None = None
    total: str | None = None
    parts: tuple[str, ...] = ()
    complete: bool = True
    claims: tuple[str, ...] = ()
    part: str | None = None
    whole: str | None = None
    value: str | Fraction | None = None
    """A claim id, or a number (a fraction for ``ratio``, a percentage for ``percentage``)."""
    value_step: Fraction = Fraction(0)
    """The precision ``value`` was written with ("94%": 1; "0.94": 0.01): it stands for every
    value that rounds to it, as a figure in a factsheet does."""
    claim: str | None = None
    op: str | None = None
    than: str | Fraction | None = None
    """A claim id, or a number in the unit of ``claim``."""
    id_lines: tuple[tuple[str, int], ...] = ()
    """Where each claim id is named in the file, for error messages."""

    def ids(self) -> tuple[str, ...]:
        """Every claim id the rule names."""
        out: list[str] = []
        for cid in (self.total, *self.parts, *self.claims, self.part, self.whole, self.claim):
            if cid is not None:
                out.append(cid)
        for ref in (self.value, self.than):
            if isinstance(ref, str):
                out.append(ref)
        return tuple(out)

    def line_of(self, claim_id: str) -> int:
        """The line where *claim_id* is named in this rule (the rule's header otherwise)."""
        return dict(self.id_lines).get(claim_id, self.line)


@attrs.frozen
class Rate:
    """A declared exchange rate: one ``from_`` is ``rate`` ``to``."""

    from_: str
    to: str
    rate: Fraction
    line: int = 0


@attrs.frozen
class Rules:
    """A rules file's rules and exchange rates (empty when there is no rules file)."""

    rules: tuple[Rule, ...] = ()
    rates: tuple[Rate, ...] = ()
    path: str | None = None

    def rate(self, from_: str, to: str) -> Fraction | None:
        """The factor that turns an amount in *from_* into *to*, if a rate is declared."""
        if from_ == to:
            return Fraction(1)
        for r in self.rates:
            if r.from_ == from_ and r.to == to:
                return r.rate
            if r.from_ == to and r.to == from_:
                return 1 / r.rate
        return None

    def resolve(self, claims: Sequence[Claim]) -> None:
        """Make sure every id a rule names is a claim of *claims*; raise RulesError if not."""
        if not self.rules:
            return
        known = {c.id for c in claims}
        for rule in self.rules:
            for cid in rule.ids():
                if cid not in known:
                    near = sorted(k for k in known if k.split("-")[0] == cid.split("-")[0])[:5]
                    hint = f" (did you mean {', '.join(near)}?)" if near else ""
                    source = getattr(claims, "source", None)
                    where = f" in {source}" if source else ""
                    raise RulesError(
                        f"{rule.type} rule names claim id {cid!r}, which is not a claim{where}"
                        f"{hint}; list ids with 'factcheck extract'",
                        self.path,
                        rule.line_of(cid),
                    )


def load_rules(path: str | os.PathLike[str]) -> Rules:
    """Read and validate a rules file; raise :class:`RulesError` naming file and line."""
    from factcheck.errors import InputError  # noqa: PLC0415
    from factcheck.sources import read_text  # noqa: PLC0415

    try:
        text = read_text(path)
    except InputError as exc:
        raise RulesError(exc.message, str(path), exc.line) from None
    return loads_rules(text, str(path))


def _header_lines(lines: list[str], table: str) -> list[int]:
    pat = re.compile(rf"^\s*\[\[\s*{table}\s*\]\]\s*(?:#.*)?$")
    return [i + 1 for i, line in enumerate(lines) if pat.match(line)]


def loads_rules(text: str, path: str | None = None) -> Rules:
    """Parse a rules file's text (see the module doc); *path* names it in errors."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise RulesError(f"not valid TOML: {exc}", path, int(m.group(1)) if m else None) from None
    lines = text.splitlines()
    rule_lines = _header_lines(lines, "rules")
    rate_lines = _header_lines(lines, "rates")
    for key in data:
        if key not in ("rules", "rates", "version"):
            raise RulesError(
                f"unknown top-level key {key!r}; a rules file holds [[rules]] and [[rates]]",
                path, _key_line(lines, key, 1, len(lines)),
            )
    raw_rules = data.get("rules", [])
    if not isinstance(raw_rules, list):
        raise RulesError("'rules' must be an array of tables ([[rules]])", path,
                         _key_line(lines, "rules", 1, len(lines)))
    rules = []
    for i, body in enumerate(raw_rules):
        start = rule_lines[i] if i < len(rule_lines) else 1
        end = _block_end(rule_lines, rate_lines, i, start, len(lines))
        rules.append(_rule(body, lines, start, end, path))
    rates = []
    for i, body in enumerate(data.get("rates", [])):
        start = rate_lines[i] if i < len(rate_lines) else 1
        rates.append(_rate(body, lines, start, path))
    _check_cycles(rules, path)
    return Rules(rules=tuple(rules), rates=tuple(rates), path=path)


def _block_end(rule_lines: list[int], other: list[int], i: int, start: int, n: int) -> int:
    later = [x for x in (*rule_lines[i + 1:i + 2], *other) if x > start]
    return min(later) - 1 if later else n


def _key_line(lines: list[str], key: str, start: int, end: int) -> int:
    pat = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=")
    for n in range(start, min(end, len(lines)) + 1):
        if pat.match(lines[n - 1]):
            return n
    return start


def _id_lines(lines: list[str], ids: Sequence[str], start: int, end: int) -> tuple[tuple[str, int], ...]:
    out = []
    for cid in ids:
        for n in range(start, min(end, len(lines)) + 1):
            if f'"{cid}"' in lines[n - 1] or f"'{cid}'" in lines[n - 1]:
                out.append((cid, n))
                break
    return tuple(out)


def _number(value: Any, percent: bool) -> Fraction | None:
    """A number written in a rule (4, 0.94, "94%", "2/3"), as a fraction; None if not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(repr(value))
    if isinstance(value, str) and _NUMBER.match(value):
        s = value.strip().replace(",", "")
        pct = s.endswith("%")
        f = Fraction(s.rstrip("%").strip().replace(" ", ""))
        if pct and not percent:
            f /= 100
        return f
    return None


def _written_step(value: Any, percent: bool) -> Fraction:
    """The place value of the last digit of a number as written ("94%": 1, "0.94": 1/100)."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return Fraction(0)
    text = repr(value) if isinstance(value, float) else str(value).strip()
    if "/" in text or not _NUMBER.match(text):
        return Fraction(0)
    pct = text.endswith("%")
    digits = text.rstrip("%").strip()
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    step = Fraction(1, 10**decimals)
    return step / 100 if pct and not percent else step


def _rule(body: Any, lines: list[str], start: int, end: int, path: str | None) -> Rule:
    if not isinstance(body, dict):  # pragma: no cover - TOML arrays of tables are tables
        raise RulesError("each [[rules]] entry must be a table", path, start)
    kind = body.get("type")
    if kind not in RULE_TYPES:
        raise RulesError(
            f"rule 'type' must be one of {', '.join(RULE_TYPES)}; got {kind!r}",
            path, _key_line(lines, "type", start, end),
        )
    allowed = _KEYS[kind]
    for key, value in body.items():
        if key in ("type", "name"):
            if key == "name" and not isinstance(value, str):
                raise RulesError("'name' must be a string", path, _key_line(lines, key, start, end))
            continue
        if key not in allowed:
            raise RulesError(
                f"{kind} rule has unknown key {key!r}; expected: {', '.join(allowed)}",
                path, _key_line(lines, key, start, end),
            )
        want = allowed[key]
        if not isinstance(value, want) or isinstance(value, bool) and want is not bool:
            names = " or ".join(
                {str: "a claim id (string)", int: "a number", float: "a number", list:
                 "a list of claim ids", bool: "true or false"}[t]
                for t in (want if isinstance(want, tuple) else (want,))
            )
            names = names.replace("a number or a number", "a number")
            raise RulesError(
                f"{kind} rule: {key!r} must be {names}; got {type(value).__name__} {value!r}",
                path, _key_line(lines, key, start, end),
            )
        if isinstance(value, list) and (not value or not all(isinstance(x, str) for x in value)):
            raise RulesError(
                f"{kind} rule: {key!r} must be a non-empty list of claim ids (strings)",
                path, _key_line(lines, key, start, end),
            )
    for key in _REQUIRED[kind]:
        if key not in body:
            raise RulesError(f"{kind} rule needs {key!r}", path, start)
    fields: dict[str, Any] = {"type": kind, "line": start, "name": body.get("name")}
    if kind == "sum":
        fields.update(total=body["total"], parts=tuple(body["parts"]),
                      complete=body.get("complete", True))
        if body["total"] in body["parts"]:
            raise RulesError(
                f"sum rule: {body['total']!r} is both the total and a part (a cycle)",
                path, _key_line(lines, "parts", start, end),
            )
    elif kind == "equal":
        if len(body["claims"]) < 2:
            raise RulesError("equal rule: 'claims' needs at least two claim ids", path,
                             _key_line(lines, "claims", start, end))
        fields.update(claims=tuple(body["claims"]))
    elif kind in ("ratio", "percentage"):
        value = body["value"]
        num = _number(value, percent=kind == "percentage")
        if num is None and not isinstance(value, str):  # pragma: no cover - typed above
            raise RulesError(f"{kind} rule: 'value' must be a number or a claim id", path, start)
        fields.update(part=body["part"], whole=body["whole"], value=value if num is None else num,
                      value_step=_written_step(value, percent=kind == "percentage"))
    else:
        if body["op"] not in BOUND_OPS:
            raise RulesError(
                f"bound rule: 'op' must be one of {', '.join(BOUND_OPS)}; got {body['op']!r}",
                path, _key_line(lines, "op", start, end),
            )
        than = body["than"]
        num = _number(than, percent=True)
        fields.update(claim=body["claim"], op=body["op"], than=than if num is None else num)
    rule = Rule(**fields)
    return attrs.evolve(rule, id_lines=_id_lines(lines, rule.ids(), start, end))


def _rate(body: Any, lines: list[str], start: int, path: str | None) -> Rate:
    from factcheck.units import is_currency  # noqa: PLC0415

    if not isinstance(body, dict) or set(body) != {"from", "to", "rate"}:
        raise RulesError("each [[rates]] entry needs exactly 'from', 'to' and 'rate'", path, start)
    for key in ("from", "to"):
        if not isinstance(body[key], str) or not is_currency(body[key]):
            raise RulesError(
                f"rate {key!r} must be an ISO 4217 currency code such as \"USD\"; got {body[key]!r}",
                path, _key_line(lines, key, start, start + 4),
            )
    rate = _number(body["rate"], percent=True)
    if rate is None or rate <= 0:
        raise RulesError(f"rate 'rate' must be a positive number; got {body['rate']!r}", path,
                         _key_line(lines, "rate", start, start + 4))
    return Rate(body["from"], body["to"], rate, start)


def _check_cycles(rules: Sequence[Rule], path: str | None) -> None:
    """Sum rules must not define a total in terms of itself, however indirectly."""
    edges: dict[str, list[tuple[str, Rule]]] = {}
    for r in rules:
        if r.type == "sum" and r.total is not None:
            for p in r.parts:
                edges.setdefault(r.total, []).append((p, r))
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, trail: list[tuple[str, Rule]]) -> None:
        state[node] = 1
        for nxt, rule in edges.get(node, ()):
            if state.get(nxt) == 1:
                names = [t for t, _ in trail] + [node, nxt]
                cycle = " -> ".join(names[names.index(nxt):])
                raise RulesError(
                    f"sum rules form a cycle: {cycle}", path, rule.line_of(nxt)
                )
            if state.get(nxt) is None:
                visit(nxt, [*trail, (node, rule)])
        state[node] = 2

    for node in sorted(edges):
        if state.get(node) is None:
            visit(node, [])
