"""End-to-end throughput of ``summarylens extract`` against ``jieba.lcut``, over the same text.

For every size in ``--sizes`` (megabytes of files on disk, 10^6 bytes) a corpus is built
in a temporary folder from the shipped ``corpus/``, varied so that no cache can cheat:
paragraphs and sentences are shuffled across documents, digits, years and unit names
are perturbed, files are mixed into compilations, now and then one is re-posted with
new numbers (a near-duplicate), and the encodings vary (UTF-8, UTF-8 with BOM, GB18030,
UTF-16, CRLF line ends); a generated title reads e.g. ``城关镇第二小学工会2019年上半年工作总结``.
Then, in the same run, each in its own child process (this one stays small, so the
children's ``maxrss`` is theirs alone), interleaved in rounds:

* ``summarylens extract CORPUS --out OUT`` end to end (interpreter start, imports, model
  load, reading, writing the four CSV tables), once per ``--jobs`` value: wall time, CPU
  time of all its processes, the peak summed RSS of its process tree (sampled every
  100 ms) and the largest single process's ``maxrss``;
* ``jieba.lcut`` over the decoded text of the same files: the dictionary load (first
  call, ~1 s) is timed separately and **not** counted in the jieba time, nor are the
  interpreter start and the decoding, so the ratio pipeline/jieba is the strict one (an
  "end to end" line adds jieba's import, decoding and dictionary load, as a fresh
  process running ``jieba.lcut`` over the files pays them);
* with ``--breakdown``, the pipeline in process with ``jobs=1`` while its stage functions
  are wrapped with timers from outside (nothing is added to the library): read/decode,
  split, segment, classify, figures, document facts, MinHash, duplicate index, table
  rows and writing.

Before each timed run the bench waits (up to ``--quiet-wait`` s) until the other
processes on the machine use less than 15 % of one core, and marks a run made on a busy
machine with ``(busy)``. A round is one jieba run and one extract run per ``--jobs``
value, back to back, after one untimed warm-up run of ``extract`` (it reads the files
into the page cache, as jieba's own run does); there are ``--repeat`` rounds, every
timing reported is the best of its runs, and the ratio within each round is printed too
(a machine whose speed drifts moves both sides of a round alike). Where Python is told
not to cache bytecode (``PYTHONDONTWRITEBYTECODE``, set on this project's machine), the
package is byte-compiled once before the runs, as any first run caches it elsewhere and
as pip does for an installed package (jieba's own bytecode is cached by pip). Usage::

    .venv/bin/python bench/pipeline.py                         # 0.3, 3, 30 MB; jobs 1 and 2
    .venv/bin/python bench/pipeline.py --sizes 3 --jobs 1 2 --repeat 3
    .venv/bin/python bench/pipeline.py --sizes 0.3 3 --breakdown 3 --keep /tmp/corpora
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import json
import logging
import os
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
MB = 1_000_000

# ---------------------------------------------------------------------------
# Building a varied corpus
# ---------------------------------------------------------------------------

#: units swapped consistently within a generated file ("学校工会" → "供电所工会")
UNITS = ("学校", "医院", "公司", "银行", "社区", "街道", "机关", "分局", "车间", "供电所",
         "中学", "小学", "幼儿园", "煤矿", "工厂", "邮政", "车站", "研究所", "酒店", "超市")
PLACES = ("城关镇", "江州", "青石", "河西", "东城区", "北湖", "南山", "临江县", "西塘", "白沙")
ENCODINGS = (("utf-8", 0.50), ("utf-8-sig", 0.15), ("gb18030", 0.28), ("utf-16", 0.07))
SENTENCE_END = re.compile(r"(?<=[。！？；])")
DIGITS = re.compile(r"[0-9]+")
YEAR = re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?=年)")
UNIT_WORD = re.compile("|".join(UNITS))


@dataclass
class Sources:
    """The shipped corpus cut into pieces to recombine: whole files, body lines, sentences."""

    files: list[list[str]]
    bodies: list[str]
    sentences: list[str]


def load_sources(corpus: Path) -> Sources:
    """Lines of every shipped file; body lines (long) and their sentences as pools."""
    from summarylens.io import iter_corpus_files, read_text

    files = [read_text(p)[0].split("\n") for p in iter_corpus_files(corpus) if p.suffix == ".txt"]
    bodies = [line for lines in files for line in lines if len(line) >= 60]
    sentences = [s for line in bodies for s in SENTENCE_END.split(line) if len(s) >= 12]
    return Sources(files, bodies, sentences)


def _perturb_digits(rng: random.Random, text: str) -> str:
    def number(match: re.Match[str]) -> str:
        digits = match.group()
        if len(digits) == 1:
            return str(rng.randint(1, 9))
        return str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in digits[1:])

    def year_or_number(match: re.Match[str]) -> str:
        is_year = YEAR.match(match.string, match.start()) is not None and len(match.group()) == 4
        return str(rng.randint(2012, 2025)) if is_year else number(match)

    return DIGITS.sub(year_or_number, text)


def _vary_line(rng: random.Random, line: str, sources: Sources) -> str:
    """A body line replaced by another file's, or with some sentences swapped in."""
    if len(line) < 60:
        return line
    if rng.random() < 0.4:
        line = rng.choice(sources.bodies)
    pieces = [s if rng.random() > 0.3 else rng.choice(sources.sentences)
              for s in SENTENCE_END.split(line)]
    return "".join(pieces)


def make_document(rng: random.Random, sources: Sources) -> str:
    """One generated file's text: a shipped file's structure with varied content."""
    lines = rng.choice(sources.files)
    unit, place = rng.choice(UNITS), rng.choice(PLACES)
    out = []
    for k, line in enumerate(lines):
        line = _vary_line(rng, line, sources)
        line = UNIT_WORD.sub(unit, line) if rng.random() < 0.7 else line
        if k == 0 and line and rng.random() < 0.5:
            line = place + line
        out.append(_perturb_digits(rng, line))
    return "\n".join(out)


def make_file(rng: random.Random, sources: Sources, previous: list[str]) -> str:
    """A file: mostly one document, sometimes a compilation, now and then a re-post."""
    if previous and rng.random() < 0.03:
        return _perturb_digits(rng, rng.choice(previous))  # a near-duplicate re-post
    if rng.random() < 0.1:
        n = rng.randint(2, 4)
        parts = [f"第{i}篇：{make_document(rng, sources)}" for i in range(1, n + 1)]
        return f"工会工作总结（精选{n}篇）\n" + "\n".join(parts)
    return make_document(rng, sources)


def _encoding(rng: random.Random) -> str:
    names, weights = zip(*ENCODINGS, strict=True)
    return rng.choices(names, weights)[0]


def build_corpus(sources: Sources, folder: Path, size_bytes: int, seed: int = 6) -> list[Path]:
    """Write generated files into ``folder`` until they hold ``size_bytes`` bytes."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    previous: list[str] = []
    total = 0
    while total < size_bytes:
        text = make_file(rng, sources, previous)
        previous = [*previous[-49:], text]
        if rng.random() < 0.1:
            text = text.replace("\n", "\r\n")
        data = text.encode(_encoding(rng))
        path = folder / f"{len(paths) // 500:03d}" / f"{len(paths):06d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        paths.append(path)
        total += len(data)
    return paths


# ---------------------------------------------------------------------------
# Measurements
# ---------------------------------------------------------------------------

@dataclass
class Run:
    """One timed run: wall seconds, CPU seconds of all its processes, peak RSS (MB).

    ``tree_mb`` is the peak of the summed RSS of the process and its workers (sampled every
    100 ms), ``maxrss_mb`` the largest single process's ``maxrss``.
    """

    seconds: float
    cpu: float = 0.0
    tree_mb: float = 0.0
    maxrss_mb: float = 0.0


#: how ``summarylens extract`` is started (``--command`` replaces it, e.g. to try a patched CLI)
COMMAND = [sys.executable, "-m", "summarylens"]


#: seconds between samples of the process tree's memory (a sample costs ~2 ms of CPU: every
#: 20 ms would take ~9 % of a core from the run being timed)
SAMPLE_EVERY = 0.1


def _tree_rss(process: psutil.Process) -> int:
    total = 0
    with contextlib.suppress(psutil.Error):
        for member in [process, *process.children(recursive=True)]:
            with contextlib.suppress(psutil.Error):
                total += member.memory_info().rss
    return total


def run_extract(corpus: Path, out: Path, jobs: int, fmt: str = "csv") -> Run:
    """``summarylens extract`` as a child process: wall time and memory of its process tree."""
    shutil.rmtree(out, ignore_errors=True)
    command = [*COMMAND, "extract", str(corpus), "--out", str(out),
               "--format", fmt, "--jobs", str(jobs), "--quiet"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    watched = psutil.Process(process.pid)
    peak = 0
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        peak = max(peak, _tree_rss(watched))
        time.sleep(SAMPLE_EVERY)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    errors = process.stderr.read().decode() if process.stderr else ""
    if process.returncode not in (0, 1):
        raise RuntimeError(f"extract failed ({process.returncode}): {errors}")
    return Run(seconds, usage.ru_utime + usage.ru_stime, peak / 2**20, usage.ru_maxrss / 2**10)


def jieba_child(corpus: Path, repeat: int) -> dict[str, float]:
    """(In a child.) Decode the corpus, load jieba's dictionary, time ``jieba.lcut`` over it."""
    started = time.perf_counter()
    import jieba

    from summarylens.io import iter_corpus_files, read_text

    jieba.setLogLevel(logging.WARNING)
    imported = time.perf_counter()
    texts = [read_text(p)[0] for p in iter_corpus_files(corpus)]
    decoded = time.perf_counter()
    jieba.initialize()
    loaded = time.perf_counter()
    best = float("nan")
    for _ in range(repeat):
        tick = time.perf_counter()
        for text in texts:
            jieba.lcut(text)
        elapsed = time.perf_counter() - tick
        best = elapsed if best != best else min(best, elapsed)
    return {"chars": sum(map(len, texts)), "import": imported - started,
            "decode": decoded - imported, "dictionary": loaded - decoded, "lcut": best}


# ---------------------------------------------------------------------------
# Per-stage breakdown (in process, jobs=1, stage functions wrapped from outside)
# ---------------------------------------------------------------------------

#: ``module:attribute`` → stage: the functions the pipeline calls by module-global name
STAGES: tuple[tuple[str, str], ...] = (
    ("summarylens.pipeline:read_text", "read/decode"),
    ("summarylens.pipeline:split_documents", "split"),
    ("summarylens.pipeline:segment_text", "segment"),
    ("summarylens.pipeline:label_documents", "classify"),
    ("summarylens.pipeline:label_paragraphs", "classify"),
    ("summarylens.pipeline:find_figures", "figures"),
    ("summarylens.pipeline:document_facts", "document facts"),
    ("summarylens.pipeline:signature", "MinHash"),
    ("summarylens.corpus:assemble", "duplicate index"),
    ("summarylens.filerows:table_tuples", "tables (rows)"),
    ("summarylens.filerows:csv_text", "writing"),
    ("summarylens.tables:TableWriter.write_rows", "writing"),
    ("summarylens.tables:TableWriter.write_bytes", "writing"),
    ("summarylens.tables:TableWriter.close", "writing"),
)


def _owner(target: str) -> tuple[object, str]:
    """The object holding ``module:Class.attribute``, and the attribute name."""
    import importlib

    module, _, qualname = target.partition(":")
    owner: object = importlib.import_module(module)
    *path, attribute = qualname.split(".")
    for part in path:
        owner = getattr(owner, part)
    return owner, attribute


@contextlib.contextmanager
def timed_stages(totals: dict[str, float]) -> Iterator[None]:
    """Wrap the stage functions with timers for the duration of the block."""
    saved = []
    active: set[str] = set()
    for target, stage in STAGES:
        owner, attribute = _owner(target)
        original = getattr(owner, attribute, None)
        if original is None:  # a stage moved: say so rather than time it as glue
            raise LookupError(f"--breakdown: {target} does not exist; update STAGES in bench/pipeline.py")
        saved.append((owner, attribute, original))
        setattr(owner, attribute, _timer(original, stage, totals, active))
    try:
        yield
    finally:
        for owner, attribute, original in reversed(saved):
            setattr(owner, attribute, original)


def _timer(function: Callable, stage: str, totals: dict[str, float], active: set[str]) -> Callable:
    """``function`` timed into ``totals[stage]`` (a call nested in the same stage counts once)."""
    @functools.wraps(function)
    def wrapper(*args: object, **kwargs: object) -> object:
        if stage in active:
            return function(*args, **kwargs)
        active.add(stage)
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            totals[stage] += time.perf_counter() - started
            active.discard(stage)
    return wrapper


def stage_breakdown(corpus: Path, out: Path) -> dict[str, float]:
    """(In a child.) Seconds per stage for one ``jobs=1`` run (model loaded beforehand)."""
    from summarylens import sections
    from summarylens.corpus import extract_corpus

    totals: dict[str, float] = defaultdict(float)
    started = time.perf_counter()
    sections.default_predictor()
    totals["(model load, once per process)"] = time.perf_counter() - started
    started = time.perf_counter()
    with timed_stages(totals):
        extract_corpus(corpus, out, "csv", jobs=1)
    totals["total (after model load)"] = time.perf_counter() - started
    return totals


# ---------------------------------------------------------------------------
# Orchestration and report (this process imports neither summarylens nor jieba)
# ---------------------------------------------------------------------------

@dataclass
class SizeResult:
    """Everything measured for one corpus size."""

    label: str
    files: int
    bytes: int
    chars: int
    jieba: dict[str, float]
    extract: dict[int, Run] = field(default_factory=dict)
    stages: dict[str, float] = field(default_factory=dict)
    busy: set[str] = field(default_factory=set)
    round_ratios: dict[int, list[float]] = field(default_factory=dict)


def child(*args: str) -> dict:
    """Run this script as a child (``--child ...``) and read the JSON line it prints."""
    out = subprocess.run([sys.executable, __file__, "--child", *args], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def wait_quiet(max_wait: float, threshold: float = 15.0) -> bool:
    """Wait until the machine's processes use < ``threshold`` % of one core; True if they do."""
    deadline = time.monotonic() + max_wait
    while True:
        if psutil.cpu_percent(interval=1.0) * (psutil.cpu_count() or 1) < threshold:
            return True
        if time.monotonic() >= deadline:
            return False


def measure(size_mb: float, work: Path, args: argparse.Namespace) -> SizeResult:
    """Build one corpus and time jieba, ``extract`` for every ``jobs``, and the stages.

    The runs are interleaved in rounds (jieba, then each ``--jobs`` value, back to back),
    so that a machine getting slower or faster during the bench moves both sides alike;
    the best of the rounds is reported, and the ratio within each round besides.
    """
    corpus = work / f"corpus_{size_mb:g}MB"
    if not corpus.exists():
        child("build", str(args.source), str(corpus), str(int(size_mb * MB)))
    paths = list(corpus.rglob("*.txt"))
    busy: set[str] = set()
    jieba_runs: list[dict[str, float]] = []
    extract_runs: dict[int, list[Run]] = {n: [] for n in args.jobs}
    run_extract(corpus, work / "out", args.jobs[-1])  # warm-up, not timed: page cache, first imports
    for _ in range(args.repeat):
        if args.jieba:
            if not wait_quiet(args.quiet_wait):
                busy.add("jieba")
            jieba_runs.append(child("jieba", str(corpus), "1"))
        for n in args.jobs:
            if not wait_quiet(args.quiet_wait):
                busy.add(f"-j{n}")
            extract_runs[n].append(run_extract(corpus, work / "out", n))
    if not jieba_runs:  # no jieba timing: count the characters only (its lcut is NaN)
        jieba_runs.append(child("jieba", str(corpus), "0"))
    jieba = min(jieba_runs, key=lambda run: run["lcut"])
    result = SizeResult(f"{size_mb:g} MB", len(paths), sum(p.stat().st_size for p in paths),
                        int(jieba["chars"]), jieba, busy=busy)
    for n, runs in extract_runs.items():
        result.extract[n] = Run(min(r.seconds for r in runs), min(r.cpu for r in runs),
                                max(r.tree_mb for r in runs), max(r.maxrss_mb for r in runs))
        if args.jieba:
            result.round_ratios[n] = [j["lcut"] / r.seconds for j, r in zip(jieba_runs, runs, strict=True)]
    if size_mb in args.breakdown:
        if not wait_quiet(args.quiet_wait):
            busy.add("stages")
        result.stages = child("stages", str(corpus), str(work / "out_stages"))
    return result


def _busy(r: SizeResult, what: str) -> str:
    return "  (busy)" if what in r.busy else ""


def print_size(r: SizeResult) -> None:
    """One size: jieba, extract per jobs, ratio, memory."""
    lcut = r.jieba["lcut"]
    print(f"\n== {r.label}: {r.files:,} files, {r.bytes / MB:.2f} MB on disk, {r.chars:,} characters")
    if lcut == lcut:  # not NaN: jieba was timed
        print(f"  jieba.lcut                {lcut:7.2f} s  {r.chars / lcut:>11,.0f} chars/s  "
              f"(not counted: {r.jieba['dictionary']:.2f} s dictionary load, {r.jieba['import']:.2f} s "
              f"import, {r.jieba['decode']:.2f} s decoding){_busy(r, 'jieba')}")
    for n, run in r.extract.items():
        ratio = f"{lcut / run.seconds:5.2f}× jieba" if lcut == lcut else ""
        print(f"  summarylens extract -j{n}   {run.seconds:7.2f} s  {r.chars / run.seconds:>11,.0f} chars/s  "
              f"{ratio}  cpu {run.cpu:6.2f} s  peak RSS {run.tree_mb:4.0f} MB all processes, "
              f"{run.maxrss_mb:4.0f} MB largest{_busy(r, f'-j{n}')}")
    if r.round_ratios:
        cells = "; ".join(f"-j{n} " + " ".join(f"{x:.2f}×" for x in ratios)
                          + f" (median {statistics.median(ratios):.2f}×)" for n, ratios in r.round_ratios.items())
        print(f"  ratio within each round (jieba.lcut ÷ extract, run back to back): {cells}")
    if lcut == lcut:  # what a user pays running either from a fresh process: lcut loads its dictionary
        whole = lcut + r.jieba["import"] + r.jieba["decode"] + r.jieba["dictionary"]
        cells = ", ".join(f"-j{n} {whole / run.seconds:.2f}×" for n, run in r.extract.items())
        print(f"  end to end (jieba's import, decoding and dictionary load counted too: {whole:.2f} s): {cells}")
    if r.stages:
        print_stages(r)


def print_stages(r: SizeResult) -> None:
    """The per-stage table of one size."""
    total = r.stages["total (after model load)"]
    counted = sum(v for k, v in r.stages.items() if not k.startswith(("(", "total")))
    print(f"  stages (in process, jobs=1){_busy(r, 'stages')}:")
    rows = [(k, v) for k, v in r.stages.items() if not k.startswith("total")]
    rows.append(("other (glue)", total - counted))
    for name, seconds in rows:
        share = "" if name.startswith("(") else f"{100 * seconds / total:5.1f} %"
        speed = "" if name.startswith("(") or seconds <= 0 else f"{r.chars / seconds:>13,.0f} chars/s"
        print(f"    {name:34s} {seconds:7.3f} s {share:>7s} {speed}")
    print(f"    {'total (after model load)':34s} {total:7.3f} s          {r.chars / total:>13,.0f} chars/s")


def print_summary(results: list[SizeResult]) -> None:
    """Linearity in size and flatness of memory across sizes."""
    if len(results) < 2:
        return
    print("\n== scaling: throughput should grow to a plateau (fixed start-up cost), memory stay flat")
    for n in results[0].extract:
        cells = [f"{r.label}: {r.chars / r.extract[n].seconds:,.0f} chars/s, "
                 f"{r.extract[n].tree_mb:.0f} MB" for r in results]
        print(f"  -j{n}  " + " | ".join(cells))


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.3, 3, 30], metavar="MB",
                        help="corpus sizes in MB on disk (default: 0.3 3 30)")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], metavar="N",
                        help="--jobs values for summarylens extract (default: 1 2)")
    parser.add_argument("--repeat", type=int, default=2, help="runs per measurement; best is kept")
    parser.add_argument("--breakdown", type=float, nargs="*", default=[3], metavar="MB",
                        help="sizes with a per-stage breakdown (default: 3)")
    parser.add_argument("--source", type=Path, default=ROOT / "corpus", help="corpus to vary")
    parser.add_argument("--keep", type=Path, help="build corpora here and keep them")
    parser.add_argument("--command", help="how to start summarylens (default: python -m summarylens)")
    parser.add_argument("--quiet-wait", type=float, default=120, metavar="S",
                        help="wait up to S seconds for an idle machine before each run (default: 120)")
    parser.add_argument("--no-jieba", dest="jieba", action="store_false",
                        help="skip timing jieba (e.g. for memory runs over many files)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_child(task: str, *rest: str) -> None:
    """The work done in child processes; prints one JSON line."""
    if task == "build":
        source, folder, size = rest
        paths = build_corpus(load_sources(Path(source)), Path(folder), int(size))
        print(json.dumps({"files": len(paths)}))
    elif task == "jieba":
        corpus, repeat = rest
        print(json.dumps(jieba_child(Path(corpus), int(repeat))))
    elif task == "stages":
        corpus, out = rest
        print(json.dumps(stage_breakdown(Path(corpus), Path(out))))
    elif task == "warm":
        import compileall

        import summarylens
        from summarylens import sections

        sections.default_predictor()  # fits and compiles the model after a classifier change
        # where Python may not cache bytecode (PYTHONDONTWRITEBYTECODE), cache it once, as a
        # first run does everywhere else and pip does for an installed (non-editable) package
        compiled = sys.flags.dont_write_bytecode and compileall.compile_dir(
            Path(summarylens.__file__).parent, quiet=1)
        print(json.dumps({"byte_compiled": bool(compiled)}))


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    if args.child:
        run_child(*args.child)
        return
    if args.command:
        COMMAND[:] = shlex.split(args.command)
    work = args.keep or Path(tempfile.mkdtemp(prefix="summarylens_bench_"))
    started = time.perf_counter()
    warm = child("warm")  # a first run after a classifier change trains the model: not timed
    print(f"summarylens bench: {os.cpu_count()} cores, python {sys.version.split()[0]}, "
          f"corpora in {work}; model cache warmed in {time.perf_counter() - started:.1f} s")
    if warm.get("byte_compiled"):
        print("  (PYTHONDONTWRITEBYTECODE is set: the package's bytecode was cached once beforehand,"
              " as Python caches it on a first run elsewhere)")
    results = []
    try:
        for size in args.sizes:
            result = measure(size, work, args)
            print_size(result)
            results.append(result)
        print_summary(results)
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
