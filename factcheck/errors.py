"""factcheck's exceptions: one root, a few kinds, each also the matching builtin."""

from __future__ import annotations

__all__ = [
    "FactcheckError",
    "InputError",
    "RulesError",
    "SnapshotError",
    "UnitError",
    "RevisionError",
]


class FactcheckError(Exception):
    """Root of every error factcheck raises on purpose.

    ``path`` and ``line`` say where the problem is, when it is in a file; ``str(error)`` is one
    line that names them, ready for a terminal.
    """

    def __init__(self, message: str, path: str | None = None, line: int | None = None) -> None:
        self.message = message
        self.path = path
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line is not None else f"{self.path}: "
        return f"{where}{self.message}"


class InputError(FactcheckError, ValueError):
    """A file cannot be read as a factsheet: missing, a directory, binary, not UTF-8, too big."""


class SnapshotError(FactcheckError, ValueError):
    """A snapshot file is malformed: bad TOML, a missing field, a value of the wrong type."""


class RulesError(FactcheckError, ValueError):
    """A rules file is malformed: unknown ids, wrong types, a cycle."""


class UnitError(FactcheckError, ValueError):
    """Two figures' units cannot be compared or converted (different dimensions)."""


class RevisionError(FactcheckError, ValueError):
    """A git revision or repository path cannot be used: unknown, unsafe, not in a repository."""
