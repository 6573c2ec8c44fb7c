"""`make bench`: openwork against plain MkDocs and Material's blog, on the same generated Markdown.

    python benchmarks/bench.py                         # 1,000 entries, 3 interleaved rounds
    python benchmarks/bench.py --entries 1000 5000 --repeat 3
    python benchmarks/bench.py --check-entries 0 --serve-entries 0   # builds only
    python benchmarks/bench.py --entries 0 --serve-entries 0 --openwork-from before=DIR  # check

Each round builds the corpus once with each tool in turn (openwork; plain MkDocs + Material
with the entries as pages out of the nav; Material's blog + tags + mkdocs-rss-plugin when
that plugin is installed; the openwork site built by Zensical, `openwork build --engine
zensical`, when Zensical is installed), so a busy machine slows all of them alike. Prints the
median time, the ratio to plain MkDocs, the peak memory of the build process, pages and feed
bytes; then `openwork check` on a large corpus and a serve-style rebuild after editing one
entry, each against the targets of issue 13. Timings are for this machine: compare runs on
one machine.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
FEED_NAMES = ("feed.xml", "atom.xml", "feed.json")  # openwork's; the RSS plugin's: feed_*
TARGET_RATIO, STRETCH_RATIO, TARGET_MEMORY = 1.8, 1.3, 2.0
TARGET_CHECK_S, TARGET_REBUILD = 5.0, 0.2


@dataclass
class Runs:
    seconds: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds of the build
    peak_kb: list[int] = field(default_factory=list)
    pages: int = 0
    feed_bytes: int = 0


def run(cmd: list[str], cwd: Path, pythonpath: str = "") -> tuple[float, float, int, str]:
    """Run `cmd`; (wall seconds, CPU seconds, peak resident KB of that process, stderr if it
    failed).

    `os.wait4` gives the rusage of this one child, where RUSAGE_CHILDREN would be the
    largest of every child so far. CPU time (user + system) is what a busy machine disturbs
    least: other processes make the wall time longer, not the CPU time."""
    with tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        env = {**ENV, "PYTHONPATH": pythonpath} if pythonpath else ENV
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        failed = err.read().decode(errors="replace")[-3000:] if proc.returncode else ""
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, failed


def output_size(out: Path) -> tuple[int, int]:
    """(HTML pages, bytes of feed files) in a built site."""
    pages = sum(1 for _ in out.rglob("*.html"))
    feeds = sum(
        p.stat().st_size
        for p in out.rglob("*")
        if p.name in FEED_NAMES or (p.name.startswith("feed_") and p.suffix in {".xml", ".json"})
    )
    return pages, feeds


def build_command(tool: str, root: Path, out: Path) -> tuple[list[str], Path]:
    """The build each tool is timed on, and where its site ends up."""
    if tool == "zensical":
        # The same openwork site, built by Zensical: generate, zensical build, publish. From
        # nothing each time, as `mkdocs build --clean` is (Zensical keeps a cache there).
        shutil.rmtree(root / ".openwork", ignore_errors=True)
        return [str(BIN / "openwork"), "build", "--engine", "zensical"], root / "site"
    return [str(BIN / "mkdocs"), "build", "-q", "--clean", "-d", str(out)], out


def compare(
    entries: int, repeat: int, tools: list[str], tmp: Path, sources: dict[str, str]
) -> dict[str, Runs]:
    """Interleaved builds. A tool 'openwork:LABEL' is openwork imported from sources[LABEL]
    (a copy of `plugins/` made before a change), on the same corpus as 'openwork'; 'zensical'
    builds the openwork corpus with Zensical."""
    layouts = {tool.split(":")[0] for tool in tools}
    layout_of = {"zensical": "openwork"}  # Zensical builds the openwork site itself
    roots = {
        name: generate(tmp / f"{name}-{entries}", entries, layout=layout_of.get(name, name))
        for name in layouts
    }
    runs = {tool: Runs() for tool in tools}
    for round_ in range(repeat):
        for tool in tools if round_ % 2 == 0 else reversed(tools):
            layout, _, label = tool.partition(":")
            cmd, out = build_command(layout, roots[layout], tmp / f"out-{tool}-{entries}")
            seconds, cpu, peak, failed = run(cmd, roots[layout], sources.get(label, ""))
            if failed:
                print(f"{tool} build failed:\n{failed}", file=sys.stderr)
                raise SystemExit(1)
            runs[tool].seconds.append(seconds)
            runs[tool].cpu.append(cpu)
            runs[tool].peak_kb.append(peak)
            runs[tool].pages, runs[tool].feed_bytes = output_size(out)
    return runs


def table(entries: int, runs: dict[str, Runs]) -> list[str]:
    plain = runs["plain"]
    base_s, base_kb = statistics.median(plain.seconds), statistics.median(plain.peak_kb)
    base_cpu = statistics.median(plain.cpu)
    lines = []
    for tool, r in runs.items():
        s, kb, cpu = (
            statistics.median(r.seconds),
            statistics.median(r.peak_kb),
            statistics.median(r.cpu),
        )
        lines.append(
            f"| {entries:,} | {tool} | {s:.1f} s ({s / base_s:.2f}x) "
            f"| {cpu:.1f} s ({cpu / base_cpu:.2f}x) "
            f"| {kb / 1024:.0f} MB ({kb / base_kb:.1f}x) | {r.pages:,} "
            f"| {r.feed_bytes / 1e6:.1f} MB | {cpu / entries * 1000:.1f} ms |"
        )
    ow = runs["openwork"]
    ratio = statistics.median(ow.seconds) / base_s
    cpu_ratio = statistics.median(ow.cpu) / base_cpu
    memory = statistics.median(ow.peak_kb) / base_kb
    verdict = "met" if cpu_ratio <= TARGET_RATIO else "NOT met"
    stretch = " (stretch met)" if cpu_ratio <= STRETCH_RATIO else ""
    lines.append(
        f"target at {entries:,}: openwork <= {TARGET_RATIO}x plain: CPU {cpu_ratio:.2f}x "
        f"(wall {ratio:.2f}x), {verdict}"
        f"{stretch}; memory <= {TARGET_MEMORY}x plain: {memory:.1f}x, "
        f"{'met' if memory <= TARGET_MEMORY else 'NOT met'}"
    )
    return lines


def check(entries: int, tmp: Path, repeat: int = 1, sources: dict[str, str] | None = None) -> str:
    """`openwork check` of one corpus, `repeat` interleaved rounds, against each `sources`
    label too (openwork imported from a copy of `plugins/`). CPU time counts the check's
    worker processes as well (they are waited for)."""
    root = generate(tmp / f"check-{entries}", entries)
    labels = ["", *(sources or {})]
    runs = {label: Runs() for label in labels}
    for round_ in range(repeat):
        for label in labels if round_ % 2 == 0 else reversed(labels):
            pythonpath = (sources or {}).get(label, "")
            seconds, cpu, peak, failed = run([str(BIN / "openwork"), "check"], root, pythonpath)
            if failed:
                return f"openwork check{f':{label}' if label else ''} failed:\n{failed}"
            runs[label].seconds.append(seconds)
            runs[label].cpu.append(cpu)
            runs[label].peak_kb.append(peak)
    lines = []
    for label, r in runs.items():
        seconds, cpu = statistics.median(r.seconds), statistics.median(r.cpu)
        verdict = "met" if seconds < TARGET_CHECK_S else "NOT met"
        lines.append(
            f"openwork{f':{label}' if label else ''} check of {entries:,} entries: "
            f"{seconds:.1f} s wall ({min(r.seconds):.1f}-{max(r.seconds):.1f}), {cpu:.1f} s CPU "
            f"in all its processes, {statistics.median(r.peak_kb) / 1024:.0f} MB "
            f"(target < {TARGET_CHECK_S:.0f} s: {verdict})"
        )
    return "\n".join(lines)


def serve_rebuild(entries: int, tmp: Path) -> str:
    """The rebuild after one edit under `mkdocs serve` and under `mkdocs serve --dirty`."""
    root = generate(tmp / f"serve-{entries}", entries)
    lines = []
    for flag, name in (("", "mkdocs serve"), ("--dirty", "mkdocs serve --dirty")):
        cmd = [sys.executable, str(HERE / "rebuild.py"), str(root), *([flag] if flag else [])]
        done = subprocess.run(cmd, env=ENV, capture_output=True, text=True, check=False)
        if done.returncode:
            lines.append(f"{name}: rebuild failed:\n{done.stderr[-3000:]}")
            continue
        times = json.loads(done.stdout.strip().splitlines()[-1])
        first, second = times["first"], times["rebuild"]
        share = times["rebuild_cpu"] / times["first_cpu"]
        verdict = "met" if share <= TARGET_REBUILD else "NOT met"
        lines.append(
            f"{name} at {entries:,} entries: first build {first:.1f} s "
            f"({times['first_cpu']:.1f} s CPU), rebuild after editing one entry {second:.1f} s "
            f"({times['rebuild_cpu']:.1f} s CPU) = {share:.2f} of the first in CPU "
            f"(target <= {TARGET_REBUILD}: {verdict}); edit on the page: {times['page_ok']}, "
            f"in the site feed: {times['feed_ok']}"
        )
    return "\n".join(lines)


def byte_compile(folders: list[Path]) -> None:
    """Each copy of openwork compiled to bytecode, as an installed copy is (`pip install`
    compiles it): under PYTHONDONTWRITEBYTECODE, which this machine sets, an editable copy
    would otherwise compile every module again on every run, about 0.04 s of each build and
    check that no user pays. Every copy is treated alike."""
    for folder in folders:
        compileall.compile_dir(folder, quiet=1)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, nargs="+", default=[1000], help="corpus sizes")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds (median)")
    parser.add_argument("--check-entries", type=int, default=10_000, help="0 to skip")
    parser.add_argument("--serve-entries", type=int, default=1000, help="0 to skip")
    parser.add_argument("--no-blog", action="store_true", help="leave out Material's blog")
    parser.add_argument("--no-zensical", action="store_true", help="leave out the Zensical build")
    parser.add_argument(
        "--openwork-from",
        action="append",
        default=[],
        metavar="LABEL=DIR",
        help="also build with openwork imported from DIR (a copy of plugins/), for before/after",
    )
    args = parser.parse_args()
    sources = dict(item.split("=", 1) for item in args.openwork_from)
    byte_compile([HERE.parent / "plugins", *map(Path, sources.values())])
    tools = ["openwork", *(f"openwork:{label}" for label in sources), "plain"]
    optional = [
        ("blog", args.no_blog, "mkdocs_rss_plugin", "Material's blog", "mkdocs-rss-plugin"),
        ("zensical", args.no_zensical, "zensical", "Zensical", "'openwork[zensical]'"),
    ]
    for tool, left_out, module, name, package in optional:
        if left_out:
            continue
        if importlib.util.find_spec(module) is None:
            print(f"({name} left out: `pip install {package}` to compare with it)")
        else:
            tools.append(tool)
    print(f"machine: {machine()}")
    print(
        "| entries | tool | wall (vs plain) | CPU (vs plain) | peak memory | pages | feeds "
        "| CPU per entry |"
    )
    print("|---|---|---|---|---|---|---|---|")
    notes = []
    with tempfile.TemporaryDirectory(prefix="openwork-bench-") as name:
        tmp = Path(name)
        for entries in (n for n in args.entries if n):  # --entries 0: no builds
            lines = table(entries, compare(entries, args.repeat, tools, tmp, sources))
            print("\n".join(lines[:-1]), flush=True)
            notes.append(lines[-1])
        print("\n".join(notes), flush=True)
        if args.serve_entries:
            print(serve_rebuild(args.serve_entries, tmp), flush=True)
        if args.check_entries:
            print(check(args.check_entries, tmp, args.repeat, sources), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
