"""How well the figure extractor finds the figures of hand-labelled corpus files.

The gold set (``tests/data/figures_gold/``) holds one TSV per source file, named after
the file's path under the corpus root with ``/`` written ``__`` (``more__303_x.tsv`` is
``corpus/more/303_x.txt``), with the columns
``start end raw value unit kind qualifier masked``; offsets point into the *decoded
file*, so the labels do not depend on how a file is split into documents.
``splits.tsv`` says which files are ``dev`` (looked at while writing the rules), which
are ``test`` and which belong to a later blind round (``blind3`` …): any split name
written there can be asked for with ``--split``.

Predictions come from :func:`summarylens.pipeline.process_text`, the way the corpus
is read (file offset = ``doc.start + figure.start``); ``--lines`` runs
:func:`~summarylens.figures.find_figures` on each line of the file instead.

Two matchings are scored, both one-to-one:

- **value+kind**: a prediction whose span overlaps a gold figure with the same kind
  and the same value (both masked counts as the same value);
- **span**: a prediction with exactly the gold start and end.

On the value+kind matches, the meaning of the figures is scored too
(:mod:`summarylens.evaluate.meaning`): the share of acceptable subjects (character
overlap with the gold ``subject`` ≥ 0.5) and the ``money_type`` accuracy with its
confusion table.

Example::

    python -m summarylens.evaluate figures                  # dev and test, by kind
    python -m summarylens.evaluate figures --split test --quiet
    python -m summarylens.evaluate figures --split blind3   # the third blind round
    python -m summarylens.evaluate figures --gold tests/data/figures_gold --corpus corpus
    python -m summarylens.evaluate figures --quiet --subject-tagger jieba   # jieba's tagger
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..figures import find_figures
from ..io import read_text
from ..records import FIGURE_KINDS
from ..tagging import SUBJECT_TAGGERS, using_subject_tagger
from .meaning import MeaningScore, meaning_scores, overlap, print_meaning


@dataclass(frozen=True, slots=True)
class Item:
    """One labelled or predicted figure, in file offsets."""

    source: str
    start: int
    end: int
    raw: str
    value: float | None
    kind: str
    masked: bool
    subject: str | None = None
    money_type: str | None = None


@dataclass(frozen=True, slots=True)
class Score:
    """Counts and rates of one matching over one set of items."""

    tp_gold: int
    n_gold: int
    tp_pred: int
    n_pred: int

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else math.nan

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else math.nan

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        if math.isnan(p) or math.isnan(r) or p + r == 0:
            return 0.0 if (self.n_gold or self.n_pred) else math.nan
        return 2 * p * r / (p + r)


# -------------------------------------------------------------------------------------
# Reading gold and predicting
# -------------------------------------------------------------------------------------


def source_of_gold(path: Path) -> str:
    """Corpus-relative source of a gold file: ``more__303_x.tsv`` → ``more/303_x.txt``."""
    return path.stem.replace("__", "/") + ".txt"


def read_gold(path: Path) -> list[Item]:
    """The labelled figures of one gold TSV."""
    source = source_of_gold(path)
    items = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            masked = row["masked"].strip().lower() == "true"
            value = None if masked or not row["value"].strip() else float(row["value"])
            items.append(Item(source, int(row["start"]), int(row["end"]), row["raw"], value,
                              row["kind"], masked,
                              (row.get("subject") or "").strip() if "subject" in row else None,
                              (row.get("money_type") or "").strip() or None))
    return items


def read_splits(gold_dir: Path) -> dict[str, str]:
    """Source → split name (``dev``, ``test``, ``blind3`` …) from ``splits.tsv``.

    Files not listed count as dev.
    """
    path = gold_dir / "splits.tsv"
    if not path.exists():
        return {}
    splits = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 2 and not line.startswith("#") and parts[0] != "file":
            splits[parts[0].strip()] = parts[1].strip()
    return splits


def predict_pipeline(text: str, source: str) -> list[Item]:
    """Figures the way the corpus reader finds them, in file offsets.

    If the pipeline itself fails (another stage broken), the file is read line by line
    instead, with a warning on stderr, so that the figures can still be scored.
    """
    try:
        from ..pipeline import process_text

        documents = process_text(text, source)
    except Exception as exc:  # a broken stage must not hide the figures
        print(f"warning: pipeline failed on {source} ({type(exc).__name__}: {exc}); "
              "scoring find_figures line by line", file=sys.stderr)
        return predict_lines(text, source)
    items: list[Item] = []
    for doc in documents:
        items.extend(
            Item(source, doc.start + f.start, doc.start + f.end, f.raw, f.value, f.kind, f.masked,
                 f.subject, getattr(f, "money_type", None))
            for f in doc.figures
        )
    return items


def predict_lines(text: str, source: str) -> list[Item]:
    """Figures of each line of the file, in file offsets (no splitting or segmenting)."""
    items: list[Item] = []
    offset = 0
    for line in text.split("\n"):
        figures, _ = find_figures(line)
        items.extend(
            Item(source, offset + f.start, offset + f.end, f.raw, f.value, f.kind, f.masked,
                 f.subject, getattr(f, "money_type", None))
            for f in figures
        )
        offset += len(line) + 1
    return items


# -------------------------------------------------------------------------------------
# Matching and scoring
# -------------------------------------------------------------------------------------


def same_value(a: Item, b: Item) -> bool:
    """Same kind and value (two masked figures have the same, unknown value)."""
    if a.kind != b.kind or a.masked != b.masked:
        return False
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    return math.isclose(a.value, b.value, rel_tol=1e-9, abs_tol=1e-6)


def value_match(gold: Item, pred: Item) -> bool:
    """value+kind matching: overlapping spans, same kind and value."""
    return gold.start < pred.end and pred.start < gold.end and same_value(gold, pred)


def span_match(gold: Item, pred: Item) -> bool:
    """Span matching: exactly the same offsets."""
    return (gold.start, gold.end) == (pred.start, pred.end)


def match(gold: Sequence[Item], pred: Sequence[Item],
          ok: Callable[[Item, Item], bool]) -> tuple[set[int], set[int]]:
    """Greedy one-to-one matching in file order: (matched gold indices, matched pred indices)."""
    used_pred: set[int] = set()
    used_gold: set[int] = set()
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if j not in used_pred and p.source == g.source and ok(g, p):
                used_gold.add(i)
                used_pred.add(j)
                break
    return used_gold, used_pred


def score(gold: Sequence[Item], pred: Sequence[Item], hit_gold: set[int], hit_pred: set[int],
          kind: str | None = None) -> Score:
    """A :class:`Score`, over all kinds or one kind (gold by its kind, predictions by theirs)."""
    g = [i for i, x in enumerate(gold) if kind is None or x.kind == kind]
    p = [j for j, x in enumerate(pred) if kind is None or x.kind == kind]
    return Score(sum(i in hit_gold for i in g), len(g), sum(j in hit_pred for j in p), len(p))


def _fmt(x: float) -> str:
    return "   -" if math.isnan(x) else f"{x:.3f}"


def report(name: str, gold: Sequence[Item], pred: Sequence[Item]) -> dict[str, Score]:
    """Print P/R/F1 by kind and overall for both matchings; return the overall scores."""
    out = {}
    for label, ok in (("value+kind", value_match), ("span", span_match)):
        hit_gold, hit_pred = match(gold, pred, ok)
        print(f"\n== {name}: {label} matching "
              f"({len({g.source for g in gold})} files, {len(gold)} gold, {len(pred)} predicted)")
        print(f"{'kind':<14}{'gold':>6}{'pred':>6}{'P':>8}{'R':>8}{'F1':>8}")
        for kind in (*FIGURE_KINDS, None):
            s = score(gold, pred, hit_gold, hit_pred, kind)
            if kind is not None and not (s.n_gold or s.n_pred):
                continue
            print(f"{kind or 'ALL':<14}{s.n_gold:>6}{s.n_pred:>6}"
                  f"{_fmt(s.precision):>8}{_fmt(s.recall):>8}{_fmt(s.f1):>8}")
        out[label] = score(gold, pred, hit_gold, hit_pred)
    return out


def list_errors(gold: Sequence[Item], pred: Sequence[Item], texts: dict[str, str]) -> None:
    """Print the misses and the false hits of the value+kind matching, with context."""
    hit_gold, hit_pred = match(gold, pred, value_match)
    print("\n-- misses (gold not found)")
    for i, g in enumerate(gold):
        if i not in hit_gold:
            print(f"  {g.source}:{g.start} {g.raw!r} {g.kind} {g.value}  …{_context(texts, g)}…")
    print("\n-- false hits (predicted, not in gold)")
    for j, p in enumerate(pred):
        if j not in hit_pred:
            print(f"  {p.source}:{p.start} {p.raw!r} {p.kind} {p.value}  …{_context(texts, p)}…")


def _context(texts: dict[str, str], item: Item, width: int = 12) -> str:
    text = texts.get(item.source, "")
    left = text[max(0, item.start - width):item.start]
    right = text[item.end:item.end + width]
    return f"{left}[{text[item.start:item.end]}]{right}".replace("\n", "⏎")


# -------------------------------------------------------------------------------------
# Command line
# -------------------------------------------------------------------------------------


def default_gold_dir() -> Path:
    """``tests/data/figures_gold`` of the source checkout (or of the working directory)."""
    here = Path(__file__).resolve().parents[3] / "tests" / "data" / "figures_gold"
    return here if here.is_dir() else Path("tests/data/figures_gold")


def default_corpus_dir(gold_dir: Path) -> Path:
    """The shipped ``corpus/`` next to ``tests/`` (or in the working directory)."""
    here = gold_dir.resolve().parents[2] / "corpus"
    return here if here.is_dir() else Path("corpus")


def evaluate(gold_dir: Path, corpus_dir: Path, split: str = "all", lines: bool = False,
             quiet: bool = False) -> dict[str, dict[str, Score]]:
    """Score every split asked for; return {split: {matching: Score}}."""
    splits = read_splits(gold_dir)
    files = sorted(gold_dir.glob("*.tsv"))
    files = [f for f in files if f.name != "splits.tsv"]
    groups = split_names(splits) if split == "all" else (split,)
    results = {}
    for group in groups:
        chosen = [f for f in files if splits.get(source_of_gold(f), "dev") == group]
        if not chosen:
            continue
        gold, pred, texts = _gold_and_predictions(chosen, corpus_dir, lines)
        results[group] = report(group, gold, pred)
        meaning, misses = _meaning(gold, pred, texts)
        print_meaning(group, meaning, () if quiet else misses)
        if not quiet:
            list_errors(gold, pred, texts)
    return results


def evaluate_meaning(gold_dir: Path, corpus_dir: Path, split: str = "all") -> dict[str, MeaningScore]:
    """Subject and money-type scores of every split asked for, printing nothing."""
    splits = read_splits(gold_dir)
    files = [f for f in sorted(gold_dir.glob("*.tsv")) if f.name != "splits.tsv"]
    groups = split_names(splits) if split == "all" else (split,)
    out = {}
    for group in groups:
        chosen = [f for f in files if splits.get(source_of_gold(f), "dev") == group]
        if chosen:
            gold, pred, texts = _gold_and_predictions(chosen, corpus_dir, False)
            out[group] = _meaning(gold, pred, texts)[0]
    return out


def _meaning(gold: Sequence[Item], pred: Sequence[Item],
             texts: dict[str, str]) -> tuple[MeaningScore, list[str]]:
    """Meaning scores over the value+kind matches, and the lines that list the misses."""
    used: set[int] = set()
    pairs: list[tuple[Item, Item]] = []
    for g in gold:
        for j, p in enumerate(pred):
            if j not in used and p.source == g.source and value_match(g, p):
                used.add(j)
                pairs.append((g, p))
                break
    misses = ["\n-- subjects under half the gold (gold | predicted)"]
    misses += [f"  {g.source}:{g.start} {g.subject or '∅'} | {p.subject or '∅'}  …{_context(texts, g)}…"
               for g, p in pairs if g.subject is not None and overlap(p.subject, g.subject) < 0.5]
    misses.append("\n-- money types wrong (gold | predicted)")
    misses += [f"  {g.source}:{g.start} {g.money_type} | {p.money_type}  …{_context(texts, g)}…"
               for g, p in pairs if g.kind == "money" and g.money_type and g.money_type != p.money_type]
    return meaning_scores(pairs), misses


def split_names(splits: dict[str, str]) -> tuple[str, ...]:
    """The splits of ``splits.tsv``: ``dev`` and ``test`` first, then the others in file order."""
    names = ["dev", "test"]
    names.extend(name for name in splits.values() if name not in names)
    return tuple(dict.fromkeys(names))


def _gold_and_predictions(files: Iterable[Path], corpus_dir: Path,
                          lines: bool) -> tuple[list[Item], list[Item], dict[str, str]]:
    predict = predict_lines if lines else predict_pipeline
    gold: list[Item] = []
    pred: list[Item] = []
    texts: dict[str, str] = {}
    for path in files:
        source = source_of_gold(path)
        text, _ = read_text(corpus_dir / source)
        texts[source] = text
        gold.extend(read_gold(path))
        pred.extend(predict(text, source))
    return gold, pred, texts


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m summarylens.evaluate figures [--split dev|test|blind3|all] [--lines] [--quiet]
    [--subject-tagger lexicon|jieba]``."""
    parser = argparse.ArgumentParser(prog="python -m summarylens.evaluate figures",
                                     description="Score the figure extractor on the gold set.")
    parser.add_argument("--gold", type=Path, default=None, help="gold folder (TSV per file)")
    parser.add_argument("--corpus", type=Path, default=None, help="corpus root of the gold files")
    parser.add_argument("--split", default="all",
                        help="a split of splits.tsv (dev, test, blind3 …) or all (default)")
    parser.add_argument("--lines", action="store_true", help="run find_figures line by line")
    parser.add_argument("--quiet", action="store_true", help="do not list misses and false hits")
    parser.add_argument("--subject-tagger", choices=SUBJECT_TAGGERS, default=SUBJECT_TAGGERS[0],
                        help="the tagger that chooses the subjects (default: lexicon)")
    args = parser.parse_args(argv)
    gold_dir = args.gold or default_gold_dir()
    corpus_dir = args.corpus or default_corpus_dir(gold_dir)
    with using_subject_tagger(args.subject_tagger):
        results = evaluate(gold_dir, corpus_dir, args.split, args.lines, args.quiet)
    return 0 if results else 1


__all__ = [
    "Item",
    "Score",
    "default_corpus_dir",
    "default_gold_dir",
    "evaluate",
    "evaluate_meaning",
    "list_errors",
    "main",
    "match",
    "predict_lines",
    "predict_pipeline",
    "read_gold",
    "read_splits",
    "report",
    "same_value",
    "score",
    "source_of_gold",
    "span_match",
    "split_names",
    "value_match",
]
