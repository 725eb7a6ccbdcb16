"""Figure value F1 and F1 with kind on hand-labelled government-report paragraphs.

``bench/realworld/gov_report_figures.tsv`` holds hand labels of every figure of eleven
paragraphs of four government work reports (offsets, raw strings, values, units, kinds;
no sentences). This script runs :func:`summarylens.figures.find_figures` on each labelled
paragraph, as the pipeline reads a body paragraph, and scores:

- **value F1**: a predicted figure is right when its span overlaps a gold figure's and
  their values are equal (relative tolerance 1e-9);
- **F1 with kind**: the same, and the kinds are equal;
- **subjects**: over the figures right with their kind, the share whose subject overlaps
  the gold subject (the span ``subject_start:subject_end``, empty when the clause names
  none) by half or more, as ``python -m summarylens.evaluate figures`` scores them; for
  both subject taggers (``lexicon``, the default, and ``jieba``).

Usage::

    .venv/bin/python bench/realworld_figures.py [REPORTS_DIR] [--show]

``REPORTS_DIR`` defaults to ``../shared/realworld/national_gov_work_reports`` next to the
checkout (the reports are not part of the project). ``--show`` lists the misses.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from pathlib import Path

from summarylens.evaluate.meaning import acceptable
from summarylens.figures import find_figures
from summarylens.tagging import SUBJECT_TAGGERS, using_subject_tagger

HERE = Path(__file__).resolve().parent
LABELS = HERE / "realworld" / "gov_report_figures.tsv"
Row = tuple[str, int, int, float | None, str, str]     # file, start, end, value, kind, subject


def read_labels(path: Path = LABELS) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The label rows as dicts, and the SHA-1 of each report named in the header."""
    rows, shas, columns = [], {}, []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# file SHA-1"):
            for item in line.split(":", 1)[1].split(";"):
                name, sha = item.strip().rsplit(" ", 1)
                shas[name] = sha
        elif line.startswith("# columns:"):
            columns = line.split(":", 1)[1].strip().split("\t")
        elif line.strip() and not line.startswith("#"):
            rows.append(dict(zip(columns, line.split("\t"), strict=True)))
    return rows, shas


def predictions(reports: Path, paragraphs: set[tuple[str, int]]) -> list[Row]:
    """Figures of each labelled paragraph, in file offsets."""
    out: list[Row] = []
    for name, number in sorted(paragraphs):
        lines = (reports / name).read_text(encoding="utf-8").split("\n")
        start = sum(len(line) + 1 for line in lines[:number - 1])
        figures, _ = find_figures(lines[number - 1], offset=start)
        out.extend((name, f.start, f.end, f.value, f.kind, f.subject or "") for f in figures)
    return out


def subjects_right(gold: list[Row], pred: list[Row]) -> tuple[int, int]:
    """(acceptable subjects, figures right with their kind), matched as :func:`match` does."""
    used: set[int] = set()
    right = ok = 0
    for p in pred:
        for i, g in enumerate(gold):
            if (i not in used and g[0] == p[0] and g[1] < p[2] and p[1] < g[2]
                    and _same_value(g[3], p[3]) and g[4] == p[4]):
                used.add(i)
                right += 1
                ok += acceptable(p[5], g[5])
                break
    return ok, right


def _same_value(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=1e-9)


def match(gold: list[Row], pred: list[Row], with_kind: bool) -> int:
    """How many predictions pair one to one with a gold figure (span overlap, value, kind)."""
    used: set[int] = set()
    hits = 0
    for p in pred:
        for i, g in enumerate(gold):
            if (i not in used and g[0] == p[0] and g[1] < p[2] and p[1] < g[2]
                    and _same_value(g[3], p[3]) and (not with_kind or g[4] == p[4])):
                used.add(i)
                hits += 1
                break
    return hits


def f1(hits: int, n_gold: int, n_pred: int) -> tuple[float, float, float]:
    """Precision, recall and F1."""
    p = hits / n_pred if n_pred else 0.0
    r = hits / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="?", type=Path,
                        default=HERE.parent.parent / "shared" / "realworld" / "national_gov_work_reports")
    parser.add_argument("--show", action="store_true", help="list misses and false figures")
    args = parser.parse_args(argv)
    reports: Path = args.reports
    if not reports.is_dir():
        reports = Path("/work/shared/realworld/national_gov_work_reports")
    rows, shas = read_labels()
    for name, sha in shas.items():
        text = (reports / name).read_text(encoding="utf-8")
        if hashlib.sha1(text.encode("utf-8")).hexdigest() != sha:
            print(f"{name}: the report changed since it was labelled", file=sys.stderr)
            return 1
    texts = {name: (reports / name).read_text(encoding="utf-8") for name in shas}
    gold: list[Row] = [(r["file"], int(r["start"]), int(r["end"]), float(r["value"]), r["kind"],
                        texts[r["file"]][int(r["subject_start"]):int(r["subject_end"])] if r["subject_start"] else "")
                       for r in rows]
    paragraphs = {(r["file"], int(r["line"])) for r in rows}
    pred = predictions(reports, paragraphs)
    print(f"{len(gold)} gold figures in {len({(r['file'], r['line']) for r in rows})} paragraphs "
          f"of {len(shas)} reports, {len(pred)} predicted")
    for label, with_kind in (("value", False), ("value+kind", True)):
        p, r, f = f1(match(gold, pred, with_kind), len(gold), len(pred))
        print(f"{label:<11} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for tagger in SUBJECT_TAGGERS:
        with using_subject_tagger(tagger):
            ok, right = subjects_right(gold, predictions(reports, paragraphs))
        print(f"subjects acceptable, {tagger} tagger: {ok}/{right} = {ok / right:.3f} of the figures right")
    if args.show:
        for g in gold:
            hit = [p for p in pred if p[0] == g[0] and p[1] < g[2] and g[1] < p[2] and _same_value(g[3], p[3])]
            if hit and not acceptable(hit[0][5], g[5]):
                print("subj ", g[0][:5], texts[g[0]][g[1]:g[2]], "want", g[5] or "-", "| got", hit[0][5] or "-")
        for g in gold:
            if not match([g], pred, True):
                got = [p for p in pred if p[0] == g[0] and p[1] < g[2] and g[1] < p[2]]
                print("miss ", g[0][:5], texts[g[0]][g[1]:g[2]], g[3], g[4], "| got", [(p[3], p[4]) for p in got])
        for p in pred:
            if not match(gold, [p], True) and not any(g[0] == p[0] and g[1] < p[2] and p[1] < g[2] for g in gold):
                print("false", p[0][:5], texts[p[0]][p[1]:p[2]], p[3], p[4])
    return 0


if __name__ == "__main__":
    sys.exit(main())
