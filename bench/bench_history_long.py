"""Long histories: 200 versions of a 40 KB Markdown profile, through history, blame, report.

    python bench/bench_history_long.py [VERSIONS ...]

Builds a git repository (in a temporary folder) whose one file is a 40 KB country-profile
style page (headings per field, "**label:** value" lines, a table, prose), committed 200
times: each week a few figures move on, some weeks a paragraph is reworded, and every 25th
commit reverts the one before. Then times the whole `factcheck history`, `blame` and
`report -o FILE.md` processes on the first 50, 100 and 200 commits (as `--rev` ranges of
one repository), and on the same versions as a folder with a versions.toml, and prints
each time (CPU time of the whole process, user + system) and the cost per version. Target: under 3 s for 200 versions, and a cost per
version that does not grow with the number of versions.
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def profile(week: int, rng: random.Random, values: dict[str, int]) -> str:
    """One version of the page: ~40 KB."""
    out = ["# Republic of Examplia\n"]
    for c in range(13):
        out.append(f"## Category {chr(65 + c)}\n")
        for f in range(8):
            key = f"{c}-{f}"
            v = values[key]
            out.append(f"### Field {chr(65 + c)}{f} of the category\n")
            out.append(f"**total:** {v:,} ({2000 + week // 52} est.)\n")
            out.append(f"**urban:** {v // 3:,}\n")
            out.append(f"**rural:** {v - v // 3:,}\n")
            out.append(f"The field has been measured since 1990 and stood at {v // 7:,} "
                       f"registered units at the last count, according to the national "
                       f"statistics office, which publishes it every week; the figures above "
                       f"are rounded and revised when the census results are released.\n")
        out.append("| Region | Population | Area |\n|---|---|---|\n" + "".join(
            f"| Region {r} | {values[f'{c}-0'] // (r + 2):,} | {1000 + r * 17:,} sq km |\n"
            for r in range(6)))
    return "\n".join(out)


def build(repo: Path, versions: int) -> list[str]:
    rng = random.Random(12)
    values = {f"{c}-{f}": rng.randrange(10_000, 9_000_000) for c in range(13) for f in range(8)}
    env = {**os.environ, "GIT_AUTHOR_NAME": "A", "GIT_AUTHOR_EMAIL": "a@example.org",
           "GIT_COMMITTER_NAME": "A", "GIT_COMMITTER_EMAIL": "a@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*args: str, date: str = "") -> str:
        e = dict(env, GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date) if date else env
        return subprocess.run(["git", "-C", str(repo), *args], env=e, check=True,
                              capture_output=True, text=True).stdout

    repo.mkdir(parents=True)
    git("init", "-q", "-b", "main")
    previous = ""
    commits = []
    folder = repo.parent / "folder"
    folder.mkdir()
    meta = []
    for week in range(versions):
        if week % 25 == 24 and previous:
            text = previous_before  # noqa: F821 - a revert of the last commit
        else:
            for key in rng.sample(sorted(values), 4):
                values[key] += rng.randrange(-500, 900)
            text = profile(week, rng, values)
        previous_before, previous = previous, text
        (repo / "profile.md").write_text(text, encoding="utf-8")
        date = f"{2015 + week // 52}-{1 + week % 52 // 5:02d}-{1 + week % 5 * 6:02d}T12:00:00"
        git("add", "profile.md")
        git("commit", "-q", "--allow-empty", "-m", f"week {week}", date=date)
        commits.append(git("rev-parse", "HEAD").strip())
        (folder / f"v{week:04d}.md").write_text(text, encoding="utf-8")
        meta.append(f'[[versions]]\nfile = "v{week:04d}.md"\ndate = "{date[:10]}"\n')
    (folder / "versions.toml").write_text("\n".join(meta), encoding="utf-8")
    print(f"page: {len(text.encode()) / 1024:.0f} KB, {versions} commits")
    return commits


def timed(*args: str, cwd: Path) -> float:
    """CPU time (user + system) of the whole process: on a shared machine, wall time
    measures the neighbours as much as the code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, check=True,
                   capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    counts = [int(a) for a in sys.argv[1:]] or [50, 100, 200]
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        commits = build(repo, max(counts))
        print(f"{'versions':>8}  {'history':>8}  {'blame':>8}  {'report':>8}  "
              f"{'folder':>8}  per version (history)")
        for n in counts:
            rev = commits[n - 1]
            h = timed("history", "profile.md", "--rev", rev, cwd=repo)
            b = timed("blame", "profile.md", "--rev", rev, cwd=repo)
            r = timed("report", "profile.md", "--rev", rev, "-o", str(Path(tmp) / "r.md"),
                      cwd=repo)
            sub = Path(tmp) / f"folder-{n}"
            sub.mkdir()
            lines = (Path(tmp) / "folder" / "versions.toml").read_text().split("\n\n")[:n]
            for k in range(n):
                os.link(Path(tmp) / "folder" / f"v{k:04d}.md", sub / f"v{k:04d}.md")
            (sub / "versions.toml").write_text("\n\n".join(lines))
            f = timed("history", str(sub), cwd=repo)
            print(f"{n:>8}  {h:>7.2f}s  {b:>7.2f}s  {r:>7.2f}s  {f:>7.2f}s  {1000 * h / n:.1f} ms")


if __name__ == "__main__":
    main()
