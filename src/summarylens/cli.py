"""The ``summarylens`` command line.

    summarylens extract CORPUS_DIR --out OUT_DIR [--format csv|parquet] [--jobs N] [--model MODEL]
    summarylens train LABELS --out MODEL

Exit codes: 0 all files read; 1 some files were skipped (named on stderr); 2 bad usage.
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .corpus import default_jobs, extract_corpus
from .io import iter_corpus_files
from .records import ReadError
from .sections import load_model, train_from_labels

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2

_EXTRACT_HELP = """\
Read every .txt (and .docx) file below CORPUS_DIR, split compilations into documents,
segment them into headings and paragraphs, label each paragraph's topic and role, extract
the figures, and write four tables to OUT_DIR:

  documents.csv   one row per document (title, org, period, year, near-duplicates, text)
  paragraphs.csv  one row per title/heading/body/noise row, with topic and role
  figures.csv     one row per amount, headcount, household, percentage or count
  relations.csv   one row per 共计……其中 group, and whether its parts add up

CSV files are UTF-8 with a BOM, so Excel opens the Chinese text correctly.
Files that cannot be read are named on stderr; the rest is still processed, and the
exit code is 1.

example:
  summarylens extract corpus/ --out out/
  summarylens extract corpus/ --out out/ --format parquet --jobs 2
"""


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (``summarylens --help``)."""
    parser = argparse.ArgumentParser(
        prog="summarylens",
        description="Turn Chinese work summaries (工作总结) into tables of sections, topics and figures.",
    )
    parser.add_argument("--version", action="version", version=f"summarylens {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    extract = commands.add_parser(
        "extract", help="process a corpus folder into four tables",
        description=_EXTRACT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("corpus", metavar="CORPUS_DIR",
                         help="folder of .txt/.docx files (searched recursively), or one file")
    extract.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the tables (created if missing)")
    extract.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default: csv)")
    extract.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                         help="worker processes (default: all cores; output is the same for any N)")
    extract.add_argument("--model", metavar="MODEL",
                         help="a section classifier saved by 'summarylens train' (default: the shipped one)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    extract.add_argument("--quiet", action="store_true", help="no summary either; errors still go to stderr")

    train = commands.add_parser(
        "train", help="train the section classifier on your own labels",
        description="Fit the topic/role classifier on a labels file (see README: 'Your own labels') and save it.",
    )
    train.add_argument("labels", metavar="LABELS", help="a labels file or folder in the format of tests/data/labels")
    train.add_argument("--out", required=True, metavar="MODEL", help="where to save the model (joblib file)")

    template = commands.add_parser(
        "labels-template", help="write label files to fill in for your own corpus",
        description="Write one TSV per source file with the heading and body rows of CORPUS_DIR and the "
                    "shipped model's topic/role guesses, for you to correct and then 'summarylens train'.",
    )
    template.add_argument("corpus", metavar="CORPUS_DIR", help="folder of .txt/.docx files")
    template.add_argument("--out", required=True, metavar="LABELS_DIR", help="folder for the label files")
    return parser


def console() -> int:
    """The ``summarylens`` console script (and ``python -m summarylens``): :func:`main`, then exit.

    Before the interpreter shuts down, the objects alive are moved out of the cyclic
    collector's reach (``gc.freeze``): its last collections would walk every object of
    the imported modules and the model once more, 40 of the 50 ms Python takes to exit
    after an ``extract`` (measured on an interpreter that imported the package and loaded
    the model). What is still alive is freed as usual; the process ends right after.
    """
    code = main()
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``main(["extract", "corpus/", "--out", "out/"])`` returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "extract":
        return run_extract(args)
    if args.command == "labels-template":
        return run_labels_template(args)
    return run_train(args)


def run_extract(args: argparse.Namespace) -> int:
    corpus = Path(args.corpus)
    if not corpus.exists():
        print(f"summarylens: error: no such corpus folder: {corpus}", file=sys.stderr)
        return EXIT_USAGE
    classifier = load_model(args.model) if args.model else None
    jobs = args.jobs or default_jobs()
    files = list(iter_corpus_files(corpus))
    started = time.perf_counter()
    bar = _progress_bar(len(files), shown=not (args.no_progress or args.quiet))

    def on_file(source: str, error: ReadError | None) -> None:
        if error is not None:
            message = f"summarylens: skipped {error.source}: {error.reason}"
            if bar is None:
                print(message, file=sys.stderr)
            else:
                bar.write(message, file=sys.stderr)  # above the bar, not through it
        if bar is not None:
            bar.update(1)

    report = extract_corpus(corpus, args.out, args.format, jobs=jobs, classifier=classifier, files=files,
                            on_file=on_file)
    if bar is not None:
        bar.close()
    if not args.quiet:
        _print_summary(report.counts, files, report.errors, Path(args.out), args.format,
                       time.perf_counter() - started)
    return EXIT_SKIPPED if report.errors else EXIT_OK


def _progress_bar(total: int, shown: bool) -> Any:
    """A tqdm bar on a terminal (stderr), else None: tqdm is not even imported for a pipe or a log."""
    if not shown or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="summarylens", file=sys.stderr)


def _print_summary(counts: Counter[str], files: list[Path], errors: list[ReadError],
                   out: Path, fmt: str, seconds: float) -> None:
    speed = counts["characters"] / seconds if seconds > 0 else 0.0
    lines = [
        "summarylens extract — done",
        f"  files       {len(files) - len(errors):>8,} read, {len(errors)} skipped",
        f"  documents   {counts['documents']:>8,}  "
        f"({counts['fragments']} fragments, {counts['duplicates']} near-duplicates)",
        f"  paragraphs  {counts['headings'] + counts['body']:>8,}  "
        f"({counts['headings']} headings, {counts['body']} body)",
        f"  figures     {counts['figures']:>8,}  ({counts['money']} money)",
        f"  relations   {counts['relations']:>8,}  ({counts['inconsistent']} whose parts do not add up)",
        f"  time        {seconds:>8.1f} s  ({speed:,.0f} characters/s)",
        f"  tables      {out}/{{documents,paragraphs,figures,relations}}.{fmt}",
    ]
    for error in errors:
        lines.append(f"  skipped     {error.source}: {error.reason}")
    print("\n".join(lines))


def run_labels_template(args: argparse.Namespace) -> int:
    from .corpus import read_corpus
    from .labels import write_template

    corpus = read_corpus(args.corpus)
    for error in corpus.errors:
        print(f"summarylens: skipped {error.source}: {error.reason}", file=sys.stderr)
    written = write_template(corpus.paragraphs, args.out)
    print(f"wrote {len(written)} label files to {args.out}: fill 'topic' and 'role', then "
          f"'summarylens train {args.out} --out model.joblib'")
    return EXIT_SKIPPED if corpus.errors else EXIT_OK


def run_train(args: argparse.Namespace) -> int:
    labels = Path(args.labels)
    if not labels.exists():
        print(f"summarylens: error: no such labels file: {labels}", file=sys.stderr)
        return EXIT_USAGE
    report = train_from_labels(labels, Path(args.out))
    print(report)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
