"""``python -m factcheck``: the same as the ``factcheck`` command."""

from factcheck.cli import main

if __name__ == "__main__":  # pragma: no cover - exercised through a subprocess in tests
    main()
