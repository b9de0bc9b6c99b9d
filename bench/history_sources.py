"""Real public histories for the history benchmarks: where they come from, and how to turn a
repository's commits into a folder of dated versions factcheck can follow.

Nothing here is fetched: point the scripts at clones you made (``--data DIR``; see
bench/bench_history_accuracy.py for the layout). The World Factbook history is a JSON file
(factbook/factbook.json, ``europe/gm.json``, rebuilt weekly from the CIA World Factbook, a
public-domain work); it is rendered to Markdown the way its own site renders a profile:
a ``##`` heading per category, ``###`` per field, ``**name:** text`` per subfield.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path


def render_factbook(raw: str) -> str:
    """One country profile (factbook.json) as Markdown."""
    data = json.loads(raw)
    out: list[str] = []

    def field(value: object, depth: int) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                if k == "text":
                    out.append(f"{v}\n")
                elif isinstance(v, dict) and set(v) <= {"text"}:
                    out.append(f"**{k.strip()}:** {v.get('text', '')}\n")
                elif isinstance(v, str):
                    out.append(f"**{k.strip()}:** {v}\n")
                else:
                    out.append(f"{'#' * min(depth, 6)} {k.strip()}\n")
                    field(v, depth + 1)
        elif isinstance(value, str):
            out.append(f"{value}\n")

    name = data.get("Government", {}).get("Country name", {}).get(
        "conventional short form", {}).get("text", "Country profile")
    out.append(f"# {name}\n")
    for category, fields in data.items():
        out.append(f"## {category}\n")
        if isinstance(fields, dict):
            for fname, value in fields.items():
                out.append(f"### {fname.strip()}\n")
                field(value, 4)
    return "\n".join(out)


def git_versions(repo: Path, path: str) -> list[tuple[str, str, str]]:
    """(short commit, ISO date, blob text) of every first-parent commit that changed *path*,
    oldest first, following renames."""
    log = subprocess.run(
        ["git", "-C", str(repo), "log", "--first-parent", "--follow", "--format=%h %aI",
         "--name-only", "--", path], check=True, capture_output=True, text=True).stdout
    entries: list[tuple[str, str, str]] = []
    lines = [x for x in log.splitlines() if x.strip()]
    i = 0
    while i < len(lines):
        short, date = lines[i].split()
        name = lines[i + 1] if i + 1 < len(lines) else path
        i += 2
        show = subprocess.run(["git", "-C", str(repo), "show", f"{short}:{name}"],
                              capture_output=True, text=True)
        if show.returncode == 0:
            entries.append((short, date, show.stdout))
    entries.reverse()
    return entries


def write_folder(versions: list[tuple[str, str, str]], folder: Path, suffix: str,
                 title: str) -> Path:
    """The versions as a folder with a versions.toml (one file per commit, named by it)."""
    folder.mkdir(parents=True, exist_ok=True)
    meta = []
    for short, date, text in versions:
        name = f"{short}{suffix}"
        (folder / name).write_text(text, encoding="utf-8")
        meta.append(f'[[versions]]\nfile = "{name}"\ndate = "{date}"\ntitle = "{title}"\n')
    (folder / "versions.toml").write_text("\n".join(meta), encoding="utf-8")
    return folder
