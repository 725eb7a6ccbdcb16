"""The ``summarylens`` command line.

    summarylens extract CORPUS_DIR --out OUT_DIR [--format csv|parquet] [--jobs N] [--model MODEL]
    summarylens train LABELS --out MODEL
    summarylens terms CORPUS_DIR --out OUT_DIR [--by document|paragraph] [--userdict FILE]

Exit codes: 0 all files read; 1 some files were skipped or failed (named on stderr and in
``files``); 2 a usage or environment error (one sentence, no traceback; ``--debug``
shows it); 130 interrupted by Ctrl-C, 143 by SIGTERM.
"""

from __future__ import annotations

import argparse
import gc
import signal
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import __version__
from .corpus import ExtractReport, FileStatus, extract_corpus
from .io import display_path, scan_corpus
from .output import OutputBusy
from .parallel import resolve_jobs
from .sections import load_model, train_from_labels
from .tagging import SUBJECT_TAGGERS

__all__ = ["build_parser", "console", "main"]

EXIT_OK, EXIT_SKIPPED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


class UsageError(Exception):
    """A mistake in the command or its environment: said in one sentence, exit status 2."""


class Interrupted(BaseException):
    """SIGTERM, raised in the main thread so that everything unwinds as for Ctrl-C."""


_EXTRACT_HELP = """\
Read every .txt (and .docx) file below CORPUS_DIR, split compilations into documents,
segment them into headings and paragraphs, label each paragraph's topic and role, extract
the figures, and write four tables to OUT_DIR:

  documents.csv   one row per document (title, org, period, year, near-duplicates, text)
  paragraphs.csv  one row per title/heading/body/noise row, with topic and role
  figures.csv     one row per amount, headcount, household, percentage or count
  relations.csv   one row per 共计……其中 group, and whether its parts add up

CSV files are UTF-8 with a BOM, so Excel opens the Chinese text correctly.
and a fifth, files.csv, with one row per input file: read, empty, skipped (not readable:
binary, undecodable, .doc/.pdf, needs an extra) or failed (an error while processing it;
the run goes on), with the reason, encoding, size and number of documents.

Tables are written to a temporary folder beside OUT_DIR and moved into place only when
complete, with a completion record (_summarylens.json); an interrupted or failed run
leaves OUT_DIR as it was. One run at a time may write into an OUT_DIR.

CSV files are UTF-8 with a BOM, so Excel opens the Chinese text correctly.

exit status: 0 every file read; 1 some files skipped or failed (named on stderr and in
files.csv); 2 a usage or environment error; 130/143 interrupted (Ctrl-C/SIGTERM).

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
    parser.add_argument("--debug", action="store_true", help="show the traceback of an error")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="show the traceback of an error")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True

    extract = commands.add_parser(
        "extract", help="process a corpus folder into five tables", parents=[common],
        description=_EXTRACT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("corpus", metavar="CORPUS_DIR",
                         help="folder of .txt/.docx files (searched recursively), or one file")
    extract.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for the tables (created if missing)")
    extract.add_argument("--format", choices=("csv", "parquet"), default="csv", help="file format (default: csv)")
    extract.add_argument("-j", "--jobs", type=int, default=None, metavar="N",
                         help="worker processes (default and -1: all cores, -2 all but one; at most "
                              "one per file; output is the same for any N)")
    extract.add_argument("--model", metavar="MODEL",
                         help="a section classifier saved by 'summarylens train' (default: the shipped one)")
    extract.add_argument("--subject-tagger", default=SUBJECT_TAGGERS[0], metavar="{" + ",".join(SUBJECT_TAGGERS) + "}",
                         help="the part-of-speech tagger that chooses each figure's subject: lexicon "
                              "(default) or jieba (jieba.posseg: slower, it loads jieba's dictionaries)")
    extract.add_argument("--no-progress", action="store_true", help="no progress bar")
    extract.add_argument("--quiet", action="store_true", help="no summary either; errors still go to stderr")

    train = commands.add_parser(
        "train", help="train the section classifier on your own labels", parents=[common],
        description="Fit the topic/role classifier on a labels file (see README: 'Your own labels') and save it.",
    )
    train.add_argument("labels", metavar="LABELS", help="a labels file or folder in the format of tests/data/labels")
    train.add_argument("--out", required=True, metavar="MODEL", help="where to save the model (joblib file)")

    template = commands.add_parser(
        "labels-template", help="write label files to fill in for your own corpus", parents=[common],
        description="Write one TSV per source file with the heading and body rows of CORPUS_DIR and the "
                    "shipped model's topic/role guesses, for you to correct and then 'summarylens train'.",
    )
    template.add_argument("corpus", metavar="CORPUS_DIR", help="folder of .txt/.docx files")
    template.add_argument("--out", required=True, metavar="LABELS_DIR", help="folder for the label files")

    from .words.cli import add_parser as add_terms_parser  # argparse only: the word layer loads when run

    add_terms_parser(commands, parents=[common])
    return parser


def console() -> int:
    """The ``summarylens`` console script (and ``python -m summarylens``): :func:`main`, then exit.

    Before the interpreter shuts down, the objects alive are moved out of the cyclic
    collector's reach (``gc.freeze``): its last collections would walk every object of
    the imported modules and the model once more, most of the time Python takes to exit
    after an ``extract`` (the README's speed section has the numbers). What is still alive
    is freed as usual; the process ends right after.
    """
    code = main()
    gc.freeze()
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: ``main(["extract", "corpus/", "--out", "out/"])`` returns the exit status.

    Errors of usage or environment (a missing corpus, ``--out`` a file, an unreadable
    model, no pyarrow for Parquet, an output folder in use) are one sentence on stderr and
    status 2; Ctrl-C and SIGTERM stop the workers and give 130 and 143.
    """
    args = build_parser().parse_args(argv)
    command = {"extract": run_extract, "labels-template": run_labels_template,
               "terms": _run_terms}.get(args.command, run_train)
    if hasattr(sys.stdout, "reconfigure"):  # a file name must never fail to print
        sys.stdout.reconfigure(errors="backslashreplace")
    try:
        with _signals_raise():
            return command(args)
    except KeyboardInterrupt:
        return _stop(args, EXIT_INTERRUPTED, "interrupted (Ctrl-C)")
    except Interrupted:
        return _stop(args, EXIT_TERMINATED, "stopped (SIGTERM)")
    except (UsageError, OutputBusy, OSError, ValueError) as exc:
        if args.debug:
            traceback.print_exc()
        print(f"summarylens: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a worker killed (out of memory?) or a bug: still one sentence
        if args.debug:
            traceback.print_exc()
        out = getattr(args, "out", None)
        kept = f"; {out} was left as it was" if out and args.command == "extract" else ""
        print(f"summarylens: error: the run failed ({type(exc).__name__}: {exc}){kept}; "
              "--debug shows where", file=sys.stderr)
        return EXIT_USAGE


def _run_terms(args: argparse.Namespace) -> int:
    from .words.cli import run

    return run(args)


def _stop(args: argparse.Namespace, code: int, what: str) -> int:
    out = getattr(args, "out", None)
    kept = f"; {out} was left as it was" if out and args.command == "extract" else ""
    print(f"summarylens: {what}{kept}", file=sys.stderr)
    return code


#: signals received while a command runs (a raised exception can be lost, see below)
_RECEIVED: list[int] = []


@contextmanager
def _signals_raise() -> Iterator[None]:
    """While the command runs, SIGTERM raises :class:`Interrupted` and SIGINT
    ``KeyboardInterrupt`` in the main thread (even where the shell started us with
    SIGINT ignored, as it does for ``cmd &`` in a script).

    An exception raised by a signal handler is lost when the signal lands inside a
    callback whose errors Python ignores (the at-fork hooks run while a worker starts);
    the signal is therefore also remembered, :func:`_check_signals` raises it again after
    the next file, and the "exception ignored" report of the lost one is not printed.
    """
    def on_signal(signum: int, _frame: object) -> None:
        _RECEIVED.append(signum)
        raise Interrupted if signum == signal.SIGTERM else KeyboardInterrupt

    def unraisable(report: Any) -> None:
        if not isinstance(report.exc_value, (Interrupted, KeyboardInterrupt)):
            previous_hook(report)

    try:
        previous = {signum: signal.signal(signum, on_signal) for signum in (signal.SIGTERM, signal.SIGINT)}
    except ValueError:  # not the main thread (main() called from a thread)
        yield
        return
    previous_hook, sys.unraisablehook = sys.unraisablehook, unraisable
    _RECEIVED.clear()
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        sys.unraisablehook = previous_hook


def _check_signals() -> None:
    """Raise again a signal whose exception was lost (see :func:`_signals_raise`)."""
    if _RECEIVED:
        raise Interrupted if _RECEIVED[-1] == signal.SIGTERM else KeyboardInterrupt


def _check_extract(args: argparse.Namespace) -> tuple[Any, int, list[Path], Counter[str]]:
    """The model, jobs and files of an ``extract``, or :class:`UsageError` with the reason."""
    if not args.corpus:
        raise UsageError("the corpus path is empty: give a folder of .txt/.docx files, or a file")
    out = Path(args.out)
    if not args.out:
        raise UsageError("--out is empty: give a folder for the tables")
    if out.exists() and not out.is_dir():
        raise UsageError(f"--out {args.out} is a file, not a folder: give a folder for the tables")
    try:
        scan = scan_corpus(args.corpus)
    except (FileNotFoundError, ValueError) as exc:
        raise UsageError(str(exc)) from exc
    if args.subject_tagger not in SUBJECT_TAGGERS:
        raise UsageError(f"--subject-tagger {args.subject_tagger!r} is not a tagger: "
                         f"use {' or '.join(SUBJECT_TAGGERS)}")
    if args.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UsageError('--format parquet needs pyarrow: pip install "summarylens[parquet]"') from None
    model = None
    if args.model:
        if not Path(args.model).is_file():
            raise UsageError(f"no such model file: {args.model}")
        try:
            model = load_model(args.model)
        except Exception as exc:
            if args.debug:
                traceback.print_exc()
            raise UsageError(f"cannot load the model {args.model} ({type(exc).__name__}): "
                             "is it a file saved by 'summarylens train'?") from None
    try:
        jobs = resolve_jobs(args.jobs, len(scan.files))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    return model, jobs, list(scan.files), scan.others


def run_extract(args: argparse.Namespace) -> int:
    model, jobs, files, others = _check_extract(args)
    started = time.perf_counter()
    bar = _progress_bar(len(files), shown=not (args.no_progress or args.quiet))
    say = _say(bar)

    def on_file(entry: FileStatus) -> None:
        _check_signals()
        if entry.status in ("skipped", "failed"):
            say(f"summarylens: {entry.status} {entry.source}: {entry.reason}")
        if bar is not None:
            bar.update(1)

    try:
        report = extract_corpus(args.corpus, args.out, args.format, jobs=jobs, classifier=model,
                                files=files, on_file=on_file, subject_tagger=args.subject_tagger)
    except PermissionError as exc:
        raise UsageError(f"cannot write to --out {args.out}: {exc.strerror or exc}") from exc
    finally:
        if bar is not None:
            bar.close()
    report.others = others
    if not args.quiet:
        _print_summary(report, Path(args.out), args.format, time.perf_counter() - started)
    return EXIT_SKIPPED if report.errors else EXIT_OK


def _say(bar: Any) -> Callable[[str], None]:
    def say(message: str) -> None:
        if bar is None:
            print(message, file=sys.stderr)
        else:
            bar.write(message, file=sys.stderr)  # above the bar, not through it
    return say


def _progress_bar(total: int, shown: bool) -> Any:
    """A tqdm bar on a terminal (stderr), else None: tqdm is not even imported for a pipe or a log."""
    if not shown or not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=total, unit="file", desc="summarylens", file=sys.stderr)


def _print_summary(report: ExtractReport, out: Path, fmt: str, seconds: float) -> None:
    counts, statuses = report.counts, report.statuses
    speed = counts["characters"] / seconds if seconds > 0 else 0.0
    others = ", ".join(f"{suffix} {n}" for suffix, n in sorted(report.others.items()))
    lines = [
        "summarylens extract — done",
        f"  files       {statuses['read']:>8,} read, {statuses['empty']} empty, "
        f"{statuses['skipped']} skipped, {statuses['failed']} failed (see files.{fmt})",
        f"  documents   {counts['documents']:>8,}  "
        f"({counts['fragments']} fragments, {counts['duplicates']} near-duplicates)",
        f"  paragraphs  {counts['headings'] + counts['body']:>8,}  "
        f"({counts['headings']} headings, {counts['body']} body)",
        f"  figures     {counts['figures']:>8,}  ({counts['money']} money)",
        f"  relations   {counts['relations']:>8,}  ({counts['inconsistent']} whose parts do not add up)",
        f"  time        {seconds:>8.1f} s  ({speed:,.0f} characters/s)",
        f"  tables      {out}/{{documents,paragraphs,figures,relations,files}}.{fmt}",
    ]
    if others:
        lines.insert(2, f"  not read    {sum(report.others.values()):>8,} files of other types ({others})")
    print("\n".join(lines))


def run_labels_template(args: argparse.Namespace) -> int:
    from .corpus import read_corpus
    from .labels import write_template

    if not Path(args.corpus).exists():
        raise UsageError(f"no such corpus folder: {display_path(args.corpus)}")
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
        raise UsageError(f"no such labels file: {labels}")
    report = train_from_labels(labels, Path(args.out))
    print(report)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
