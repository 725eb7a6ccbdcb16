"""Throughput of the figure extractor against jieba segmentation, over the same text.

The corpus ``.txt`` files are decoded, joined and repeated to about 1 MB of text; the
same lines go through :func:`summarylens.figures.find_figures` (one call per line, as
the pipeline calls it per paragraph) and through ``jieba.lcut``, in the same run.
Prints characters per second for both and the ratio, by wall time and by CPU time of
this process (on a shared machine the CPU time is the steadier of the two: other
processes slow the wall clock, not the work done).

    .venv/bin/python bench/figures.py                 # ~1 MB, best of 3
    .venv/bin/python bench/figures.py --chars 300000 --repeat 1 --corpus corpus/
    .venv/bin/python bench/figures.py --profile       # cProfile of find_figures, top 25

Example output::

    find_figures   : 1.65 M chars/s (0.606 s; CPU 1.70 M chars/s)
    jieba.lcut     : 0.27 M chars/s (3.700 s; CPU 0.28 M chars/s)
    ratio          : 6.1x faster than segmentation (CPU 6.1x)
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from summarylens.figures import find_figures  # noqa: E402
from summarylens.io import iter_corpus_files, read_text  # noqa: E402


def corpus_lines(corpus: Path, target_chars: int) -> list[str]:
    """Non-empty lines of the corpus, repeated until they hold ``target_chars`` characters."""
    lines: list[str] = []
    for path in iter_corpus_files(corpus):
        if path.suffix.lower() != ".txt":
            continue
        text, _ = read_text(path)
        lines.extend(line for line in text.split("\n") if line.strip())
    if not lines:
        raise SystemExit(f"no text found under {corpus}")
    out: list[str] = []
    total = 0
    while total < target_chars:
        for line in lines:
            out.append(line)
            total += len(line)
            if total >= target_chars:
                break
    return out


def best_time(run: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall time and best CPU time of ``repeat`` runs, in seconds."""
    walls, cpus = [], []
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - start)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def profile(lines: list[str], top: int = 25) -> None:
    """cProfile of find_figures over ``lines``: the functions with the most own time."""
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    profiler.enable()
    for line in lines:
        find_figures(line)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("tottime").print_stats(top)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="find_figures vs jieba.lcut throughput")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpus")
    parser.add_argument("--chars", type=int, default=1_000_000, help="text size (characters)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per tool; the best counts")
    parser.add_argument("--profile", action="store_true", help="profile find_figures instead")
    args = parser.parse_args(argv)
    if args.profile:
        profile(corpus_lines(args.corpus, args.chars))
        return 0

    import jieba

    jieba.setLogLevel(logging.WARNING)
    lines = corpus_lines(args.corpus, args.chars)
    n_chars = sum(len(line) for line in lines)
    jieba.lcut("预热词典")  # load the dictionary outside the timing
    find_figures("预热：共计216人，其中在职职工129人。")

    def run_figures() -> int:
        return sum(len(find_figures(line)[0]) for line in lines)

    def run_jieba() -> int:
        return sum(len(jieba.lcut(line)) for line in lines)

    n_figures = run_figures()
    t_fig, cpu_fig = best_time(run_figures, args.repeat)
    t_jieba, cpu_jieba = best_time(run_jieba, args.repeat)
    fig_rate, jieba_rate = n_chars / t_fig, n_chars / t_jieba
    print(f"text           : {n_chars:,} characters in {len(lines):,} lines, "
          f"{n_figures:,} figures")
    print(f"find_figures   : {fig_rate / 1e6:.2f} M chars/s ({t_fig:.3f} s; "
          f"CPU {n_chars / cpu_fig / 1e6:.2f} M chars/s)")
    print(f"jieba.lcut     : {jieba_rate / 1e6:.2f} M chars/s ({t_jieba:.3f} s; "
          f"CPU {n_chars / cpu_jieba / 1e6:.2f} M chars/s)")
    print(f"ratio          : {fig_rate / jieba_rate:.1f}x faster than segmentation "
          f"(CPU {cpu_jieba / cpu_fig:.1f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
