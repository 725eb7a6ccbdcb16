"""Peak memory of ``summarylens extract`` on one large file (issue 13: at most 5x its size).

Builds one UTF-8 text file of SIZE megabytes by repeating the shipped corpus's reports
(each copy keeps its title, so the file is a long compilation, as scraped dumps are), runs
``python -m summarylens extract`` on it in a child process, and reads the child's peak
resident memory from ``wait4`` (``ru_maxrss``). With one file the run has no workers, so
that is the whole run's peak.

    python bench/memory.py            # 100 MB
    python bench/memory.py --size 20  # a quicker look
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_file(path: Path, size_mb: float) -> int:
    """Write about ``size_mb`` MB of reports to ``path``; return its size in bytes."""
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))
             if p.read_bytes().isascii() is False and _is_utf8(p)]
    target = int(size_mb * 1_000_000)
    written = 0
    with path.open("w", encoding="utf-8") as handle:
        n = 0
        while written < target:
            text = texts[n % len(texts)].strip() + "\n\n"
            handle.write(text)
            written += len(text.encode("utf-8"))
            n += 1
    return path.stat().st_size


def _is_utf8(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def peak_of(command: list[str]) -> tuple[int, float, int]:
    """``(peak resident bytes, seconds, exit status)`` of a child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return usage.ru_maxrss * 1024, time.perf_counter() - started, process.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=float, default=100, help="file size in MB (default 100)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        corpus.mkdir()
        size = build_file(corpus / "dump.txt", args.size)
        python = [sys.executable, "-m", "summarylens"]
        baseline, _, _ = peak_of([*python, "--version"])
        peak, seconds, code = peak_of([*python, "extract", str(corpus), "--out", str(Path(folder) / "out"),
                                       "--quiet", "-j", "1"])
        out = Path(folder) / "out"
        tables = {p.name: p.stat().st_size for p in out.iterdir()} if out.exists() else {}
    print(f"file            {size / 1e6:8.1f} MB")
    print(f"peak memory     {peak / 1e6:8.1f} MB  ({peak / size:.2f}x the file; interpreter and "
          f"imports alone {baseline / 1e6:.0f} MB)")
    print(f"time            {seconds:8.1f} s   (exit status {code})")
    for name, nbytes in sorted(tables.items()):
        print(f"  {name:18} {nbytes / 1e6:8.1f} MB")
    return 0 if code == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
