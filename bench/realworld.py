"""How summarylens does on real web pages: the measures of issue 12 against hand labels.

The pages (``../shared/realworld/union_web`` next to the repository, 29 union summaries as
sites serve them: document viewers, compilations, page chrome, PDF hard wraps, traditional
script) are not part of the project; their labels are, in ``bench/realworld/labels/``, as
character offsets into the decoded files (how they were made: ``bench/realworld/README.md``).
The script runs the pipeline through the Python API and prints, against the labels:

* files split into exactly the right documents (every labelled report in a document of
  its own, and no other document);
* predicted heading/body rows that start a real paragraph (precision; a labelled
  ``一是……二是……`` item start inside a paragraph counts as a start too), real heading/body
  paragraphs whose start is the start of a predicted title/heading/body row (recall), and
  predicted headings that start a real heading;
* chrome lines (page furniture outside any real paragraph) lying inside title, heading or
  body rows (more than half of their characters covered), and inside heading or body rows
  only (the issue's wording);
* figures matched one to one by overlapping span: F1, precision and recall on value and
  kind (masked gold figures need a masked prediction); ``money_type`` of the money figures
  right, once the pipeline has that column;
* figure subjects, as ``python -m summarylens.evaluate figures`` scores them: over the
  figures right (value and kind), the share whose subject overlaps the gold subject by
  half or more (Dice over characters, :func:`summarylens.evaluate.meaning.overlap`; two
  empty subjects agree); a gold figure not found right is not scored, and the share of
  all gold figures is printed beside it. The gold subject is the span
  ``subject_start:subject_end`` of the page (null: the clause names none) read through
  the pipeline's view (simplified, pinyin glosses dropped), as the predicted one is. Both
  subject taggers are scored (``--subject-taggers``);
* topic macro-F1 and role accuracy over the real paragraphs found, with a topic confusion;
* org, period and year of every labelled report against the predicted document holding it.

Usage::

    .venv/bin/python bench/realworld.py                    # ../shared/realworld/union_web
    .venv/bin/python bench/realworld.py PAGES --files       # and one line per file
    .venv/bin/python bench/realworld.py PAGES --show u24    # a file's misses, row by row
    .venv/bin/python bench/realworld.py --only u            # the 23 union pages only
    .venv/bin/python bench/realworld.py --subject-taggers lexicon   # subjects by one tagger

Example of a measure on hand-made input (the scoring functions take plain Python data)::

    >>> gold = [{"start": 0, "end": 4, "kind": "heading"}, {"start": 5, "end": 9, "kind": "body"}]
    >>> pred = [{"start": 0, "end": 9, "kind": "heading"}]
    >>> paragraph_counts(gold, [], pred, "一、送温暖 慰问")["recall"]
    (1, 2)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "chrome_counts", "doc_split_right", "fact_counts", "figure_counts", "gold_subject", "macro_f1", "norm_org",
    "norm_start", "paragraph_counts", "subject_ok", "topic_role_pairs",
]

REPO = Path(__file__).resolve().parent.parent
LABELS = REPO / "bench" / "realworld" / "labels"
#: ``../shared/realworld/union_web`` next to the repository (or next to a folder above it,
#: for a git worktree kept in a subfolder)
DEFAULT_PAGES = next((up / "shared" / "realworld" / "union_web" for up in REPO.parents
                      if (up / "shared" / "realworld" / "union_web").is_dir()),
                     REPO.parent / "shared" / "realworld" / "union_web")
CONTENT_KINDS = ("title", "heading", "body")
SKIP = " \t\r\n\u3000\u2022"
MASK_CHARS = "*xX×_＊"

Row = dict[str, Any]
Pair = tuple[int, int]


def norm_start(text: str, pos: int) -> int:
    """The first position at or after ``pos`` that is not a space or a bullet."""
    while pos < len(text) and text[pos] in SKIP:
        pos += 1
    return pos


def _ratio(pair: Pair) -> float:
    return pair[0] / pair[1] if pair[1] else math.nan


def paragraph_counts(gold: Sequence[Row], substarts: Iterable[int], pred: Sequence[Row], text: str) -> dict[str, Pair]:
    """(hits, total) for row precision, paragraph recall and heading precision of one file."""
    gold_starts = {norm_start(text, g["start"]) for g in gold}
    allowed = gold_starts | {norm_start(text, s) for s in substarts}
    heading_starts = {norm_start(text, g["start"]) for g in gold if g["kind"] == "heading"}
    rows = [p for p in pred if p["kind"] in ("heading", "body")]
    row_starts = {norm_start(text, p["start"]) for p in pred if p["kind"] in CONTENT_KINDS}
    real = [g for g in gold if g["kind"] in ("heading", "body")]
    heads = [p for p in pred if p["kind"] == "heading"]
    return {
        "precision": (sum(norm_start(text, p["start"]) in allowed for p in rows), len(rows)),
        "recall": (sum(norm_start(text, g["start"]) in row_starts for g in real), len(real)),
        "heading_precision": (sum(norm_start(text, p["start"]) in heading_starts for p in heads), len(heads)),
    }


def chrome_counts(chrome: Sequence[Row], gold: Sequence[Row], pred: Sequence[Row], text: str,
                  kinds: Sequence[str] = CONTENT_KINDS) -> Pair:
    """(chrome units inside rows of ``kinds`` (title, heading, body), chrome units) of one file.

    Chrome inside a real paragraph's span (a page-cut ``2、`` in the middle of a sentence)
    is left out: joining the paragraph across it is right.
    """
    covered = bytearray(len(text) + 1)
    for p in pred:
        if p["kind"] in kinds:
            covered[p["start"]:p["end"]] = b"\x01" * (p["end"] - p["start"])
    inside = total = 0
    for c in chrome:
        if any(g["start"] <= c["start"] and c["end"] <= g["end"] for g in gold):
            continue
        chars = [i for i in range(c["start"], c["end"]) if not text[i].isspace()]
        if not chars:
            continue
        total += 1
        inside += sum(covered[i] for i in chars) * 2 > len(chars)
    return inside, total


def _same_value(a: float | None, b: float | None) -> bool:
    if a is None or b is None or (isinstance(a, float) and math.isnan(a)) or (isinstance(b, float) and math.isnan(b)):
        return (a is None or math.isnan(a)) and (b is None or math.isnan(b))
    return abs(a - b) <= 1e-6 * max(1.0, abs(a), abs(b))


def figure_counts(gold: Sequence[Row], pred: Sequence[Row], text: str | None = None) -> dict[str, int]:
    """True positives (same value and kind), predicted and gold counts, matched one to one
    by overlapping span (greedy, largest overlap first); of the money figures right, how
    many have the right ``money_type`` (SPEC section 6); with the page ``text``, of the
    figures right, how many have an acceptable subject (:func:`subject_ok`)."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            overlap = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if overlap > 0:
                pairs.append((-overlap, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    tp = span = money = money_type = subject = 0
    for _, i, j in sorted(pairs):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        span += 1
        g, p = gold[i], pred[j]
        right = _same_value(g["value"], p["value"]) and g["kind"] == p["kind"]
        tp += right
        if right and g["kind"] == "money":
            money += 1
            money_type += p.get("money_type") == g.get("money_type")
        if right and text is not None:
            subject += subject_ok(gold_subject(g, text), p.get("subject"))
    return {"tp": tp, "span": span, "pred": len(pred), "gold": len(gold), "money": money, "money_type": money_type,
            "subject": subject}


def gold_subject(figure: Row, text: str) -> str:
    """A labelled figure's subject as the pipeline's view reads it ('' when it has none)."""
    from summarylens.normalise import view

    start, end = figure.get("subject_start"), figure.get("subject_end")
    return "" if start is None or end is None else view(text[start:end]).text


def subject_ok(gold: str, predicted: str | None) -> bool:
    """Acceptable subject: character overlap with the gold one of half or more (as in
    ``python -m summarylens.evaluate figures``).

        >>> subject_ok("困难职工", "特困职工"), subject_ok("", None), subject_ok("慰问金", "发放")
        (True, True, False)
    """
    from summarylens.evaluate.meaning import acceptable

    return acceptable(predicted, gold)


def topic_role_pairs(gold: Sequence[Row], pred: Sequence[Row], text: str) -> list[tuple[Row, Row]]:
    """(gold paragraph, predicted row) for every real heading/body paragraph found."""
    by_start: dict[int, Row] = {}
    for p in pred:
        if p["kind"] in CONTENT_KINDS:
            by_start.setdefault(norm_start(text, p["start"]), p)
    out = []
    for g in gold:
        if g["kind"] in ("heading", "body"):
            found = by_start.get(norm_start(text, g["start"]))
            if found is not None:
                out.append((g, found))
    return out


def macro_f1(truth: Sequence[str], guess: Sequence[str]) -> float:
    """Unweighted mean F1 over the labels that occur in ``truth`` or ``guess``."""
    labels = sorted(set(truth) | set(guess))
    scores = []
    for lab in labels:
        tp = sum(t == lab and g == lab for t, g in zip(truth, guess, strict=True))
        fp = sum(t != lab and g == lab for t, g in zip(truth, guess, strict=True))
        fn = sum(t == lab and g != lab for t, g in zip(truth, guess, strict=True))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return sum(scores) / len(scores) if scores else math.nan


def doc_split_right(gold_docs: Sequence[Row], gold: Sequence[Row], pred_docs: Sequence[Pair]) -> bool:
    """Every labelled report lies in one predicted document of its own, and there are no others.

    ``pred_docs`` are the (start, end) file spans of the predicted documents that hold text.
    """
    if len(pred_docs) != len(gold_docs):
        return False
    homes = []
    for k in range(len(gold_docs)):
        holders = {_holder(pred_docs, g["start"]) for g in gold if g["doc"] == k}
        if len(holders) != 1:
            return False
        homes.append(holders.pop())
    return len(set(homes)) == len(homes)


def _holder(spans: Sequence[Pair], pos: int) -> int:
    for i, (a, b) in enumerate(spans):
        if a <= pos < b:
            return i
    return -1


def norm_org(name: Any) -> str:
    """An organisation name compared without masks, spaces or traditional characters."""
    name = _plain(name)
    if name is None:
        return ""
    text = "".join(ch for ch in str(name) if ch not in MASK_CHARS and not ch.isspace())
    return _t2s(text)


def _t2s(text: str) -> str:
    try:
        import opencc
    except ImportError:
        return text
    global _CONVERTER
    if _CONVERTER is None:
        _CONVERTER = opencc.OpenCC("t2s")
    return _CONVERTER.convert(text)


_CONVERTER: Any = None


def _plain(value: Any) -> Any:
    try:
        import pandas as pd

        if value is pd.NA or (isinstance(value, float) and math.isnan(value)):
            return None
    except (ImportError, TypeError):
        pass
    return value


def fact_counts(gold_doc: Row, pred_doc: Row | None) -> dict[str, bool]:
    """Whether org, period and year of the predicted document holding a report are right."""
    if pred_doc is None:
        return {"org": False, "period": False, "year": False}
    org = norm_org(_plain(pred_doc.get("org")))
    period = _plain(pred_doc.get("period"))
    year = _plain(pred_doc.get("year"))
    return {
        "org": bool(org) and org in {norm_org(o) for o in gold_doc["org"]},
        "period": period in gold_doc["period"],
        "year": (None if year is None else int(year)) in gold_doc["year"],
    }


# ----------------------------------------------------------------------------- running


def load_labels(folder: Path = LABELS) -> dict[str, Row]:
    """The label files by page file name."""
    out = {}
    for path in sorted(folder.glob("*.json")):
        lab = json.loads(path.read_text(encoding="utf-8"))
        out[lab["file"]] = lab
    return out


def predict(pages: Path, subject_tagger: str = "lexicon") -> dict[str, Row]:
    """The pipeline's rows of every page, with offsets into the decoded file."""
    import summarylens as sl
    from summarylens.io import read_text

    corpus = sl.read_corpus(str(pages), subject_tagger=subject_tagger)
    docs, paras, figs = corpus.documents, corpus.paragraphs, corpus.figures
    out: dict[str, Row] = {}
    for source, group in docs.groupby("source", sort=False):
        decoded = read_text(pages / str(source))
        text = decoded[0] if isinstance(decoded, tuple) else decoded
        base, pos = {}, 0
        spans = []
        for _, d in group.sort_values("doc_id", key=lambda s: s.str.rsplit("#", n=1).str[1].astype(int)).iterrows():
            at = text.find(d["text"], pos)
            if at < 0:
                raise RuntimeError(f"{source}: document {d['doc_id']} is not in the decoded file")
            base[d["doc_id"]] = at
            pos = at + len(d["text"])
            if d["text"].strip():
                spans.append((at, pos))
        rows = [{"start": base[r.doc_id] + int(r.start), "end": base[r.doc_id] + int(r.end), "kind": str(r.kind),
                 "topic": _plain(r.topic), "role": _plain(r.role), "doc_id": r.doc_id,
                 "repeated": bool(_plain(getattr(r, "repeated", False)) or False)}
                for r in paras[paras.doc_id.isin(base)].itertuples()]
        fig_rows = [{"start": base[f.doc_id] + int(f.start), "end": base[f.doc_id] + int(f.end), "raw": f.raw,
                     "value": _plain(f.value), "kind": str(f.kind), "doc_id": f.doc_id,
                     "money_type": _plain(getattr(f, "money_type", None)), "subject": _plain(f.subject)}
                    for f in figs[figs.doc_id.isin(base)].itertuples()]
        out[str(source)] = {"text": text, "docs": group, "doc_spans": spans, "rows": rows, "figures": fig_rows}
    return out


def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else math.nan
    r = tp / gold if gold else math.nan
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def evaluate(labels: dict[str, Row], predicted: dict[str, Row]) -> tuple[dict[str, Any], list[Row]]:
    """All measures over the labelled files, and one summary row per file."""
    tot: Counter[str] = Counter()
    truth_topics: list[str] = []
    guess_topics: list[str] = []
    per_file = []
    for name, lab in labels.items():
        pred = predicted.get(name)
        if pred is None:
            raise SystemExit(f"{name}: labelled but not in the pages folder")
        text = pred["text"]
        if hashlib.sha1(text.encode()).hexdigest() != lab["sha1"]:
            print(f"warning: {name} differs from the labelled text", file=sys.stderr)
        gold, rows = lab["paragraphs"], pred["rows"]
        split_ok = doc_split_right(lab["documents"], gold, pred["doc_spans"])
        pc = paragraph_counts(gold, lab["substarts"], rows, text)
        ch = chrome_counts(lab["chrome"], gold, rows, text)
        ch_hb = chrome_counts(lab["chrome"], gold, rows, text, ("heading", "body"))
        fc = figure_counts(lab["figures"], pred["figures"], text)
        pairs = topic_role_pairs(gold, rows, text)
        for g, p in pairs:
            truth_topics.append(g["topic"])
            guess_topics.append(p["topic"] or "NA")
            if g["kind"] == "body":
                tot["role_n"] += 1
                tot["role_ok"] += p["kind"] == "body" and p["role"] == g["role"]
        doc_of = {r["doc_id"]: r for r in pred["docs"].to_dict("records")}
        facts: Counter[str] = Counter()
        for k, gd in enumerate(lab["documents"]):
            votes = Counter(_row_doc(rows, g["start"], text) for g in gold if g["doc"] == k)
            votes.pop(None, None)
            pd_row = doc_of.get(votes.most_common(1)[0][0]) if votes else None
            for key, ok in fact_counts(gd, pd_row).items():
                facts[key] += ok
        gold_rep = {norm_start(text, g["start"]) for g in gold if g.get("repeated")}
        pred_rep = {norm_start(text, r["start"]) for r in rows if r["repeated"]}
        n_docs = len(lab["documents"])
        tot.update({"files": 1, "split_ok": split_ok, "docs": n_docs, "pred_docs": len(pred["doc_spans"]),
                    "chrome_in": ch[0], "chrome": ch[1], "chrome_in_hb": ch_hb[0], "fig_tp": fc["tp"],
                    "fig_pred": fc["pred"], "fig_gold": fc["gold"], "fig_span": fc["span"], "money": fc["money"],
                    "money_type": fc["money_type"], "subject": fc["subject"], "rep_gold": len(gold_rep),
                    "rep_found": len(gold_rep & pred_rep), "rep_pred": len(pred_rep)})
        for key, (hit, n) in pc.items():
            tot[key + "_hit"] += hit
            tot[key + "_n"] += n
        for key in ("org", "period", "year"):
            tot[key] += facts[key]
        per_file.append({"file": name, "docs": f"{len(pred['doc_spans'])}/{n_docs}", "split": split_ok,
                         "P": pc["precision"], "R": pc["recall"], "H": pc["heading_precision"], "chrome": ch,
                         "fig": (fc["tp"], fc["pred"], fc["gold"]), "facts": dict(facts)})
    fig = _f1(tot["fig_tp"], tot["fig_pred"], tot["fig_gold"])
    measures: dict[str, Any] = {
        "files split into exactly the right documents": tot["split_ok"] / tot["files"],
        "predicted heading/body rows that start a real paragraph": _ratio((tot["precision_hit"], tot["precision_n"])),
        "real paragraphs found": _ratio((tot["recall_hit"], tot["recall_n"])),
        "predicted headings that are real headings": _ratio((tot["heading_precision_hit"],
                                                            tot["heading_precision_n"])),
        "chrome lines inside title/heading/body rows": _ratio((tot["chrome_in"], tot["chrome"])),
        "chrome lines inside heading/body rows": _ratio((tot["chrome_in_hb"], tot["chrome"])),
        "figures F1 (value and kind)": fig[0], "figures precision": fig[1], "figures recall": fig[2],
        "money_type right (of money figures right)": _ratio((tot["money_type"], tot["money"])),
        "subjects acceptable (of figures right)": _ratio((tot["subject"], tot["fig_tp"])),
        "topic macro-F1": macro_f1(truth_topics, guess_topics),
        "role accuracy": _ratio((tot["role_ok"], tot["role_n"])),
        "org right": tot["org"] / tot["docs"], "period right": tot["period"] / tot["docs"],
        "year right": tot["year"] / tot["docs"],
    }
    measures["_counts"] = dict(tot)
    measures["_topics"] = (truth_topics, guess_topics)
    return measures, per_file


def _row_doc(rows: Sequence[Row], start: int, text: str) -> Any:
    for r in rows:
        if r["start"] <= start < r["end"] or norm_start(text, r["start"]) == start:
            return r["doc_id"]
    return None


def confusion(truth: Sequence[str], guess: Sequence[str]) -> str:
    """A topic confusion table: rows are the labels, columns the predictions."""
    labels = sorted(set(truth) | set(guess))
    counts = Counter(zip(truth, guess, strict=True))
    width = max(len(lab) for lab in labels) if labels else 4
    head = " " * (width + 1) + " ".join(f"{lab[:5]:>5}" for lab in labels)
    lines = [head]
    for t in labels:
        lines.append(f"{t:<{width}} " + " ".join(f"{counts.get((t, g), 0) or '.':>5}" for g in labels))
    return "\n".join(lines)


def show(name: str, lab: Row, pred: Row) -> None:
    """Print one file's gold paragraphs and predicted rows side by side (for developers)."""
    text = pred["text"]
    gold_starts = {norm_start(text, g["start"]): g for g in lab["paragraphs"]}
    allowed = set(gold_starts) | {norm_start(text, s) for s in lab["substarts"]}
    print(f"== {name}")
    for r in pred["rows"]:
        s = norm_start(text, r["start"])
        g = gold_starts.get(s)
        mark = "ok " if s in allowed else "BAD"
        if r["kind"] == "noise":
            mark = "   "
        want = f"{g['kind']}/{g['topic']}/{g['role'] or ''}" if g else "-"
        got = f"{r['kind']}/{r['topic'] or ''}/{r['role'] or ''}"
        shown = text[s:min(r["end"], s + 24)]
        print(f"  {mark} {r['doc_id'].rsplit('#', 1)[1]:>2} {got:<28} want {want:<28} {shown!r}")
    found = {norm_start(text, r["start"]) for r in pred["rows"] if r["kind"] in CONTENT_KINDS}
    for g in lab["paragraphs"]:
        if g["kind"] != "title" and norm_start(text, g["start"]) not in found:
            print(f"  MISSED L{g['line_start']} {g['kind']}: {text[g['start']:g['start'] + 24]!r}")
    gold_f = {(f["start"], f["end"]): f for f in lab["figures"]}
    for f in pred["figures"]:
        g = gold_f.get((f["start"], f["end"]))
        if g is None or not (_same_value(g["value"], f["value"]) and g["kind"] == f["kind"]):
            print(f"  FIG {f['raw']!r} {f['value']} {f['kind']}  want {g and (g['value'], g['kind'])}")
    pred_figs = {(f["start"], f["end"]): f for f in pred["figures"]}
    pred_f = set(pred_figs)
    for g in lab["figures"]:
        if (g["start"], g["end"]) not in pred_f:
            print(f"  FIG MISSED {g['raw']!r} {g['value']} {g['kind']}")
    for g in lab["figures"]:
        p = pred_figs.get((g["start"], g["end"]))
        if p is not None and not subject_ok(gold_subject(g, text), p.get("subject")):
            print(f"  SUBJECT {g['raw']!r} want {gold_subject(g, text) or '-'} got {p.get('subject') or '-'}  "
                  f"…{text[max(0, g['start'] - 16):g['end'] + 8]!r}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, default=DEFAULT_PAGES, help="folder of the real pages")
    parser.add_argument("--labels", type=Path, default=LABELS, help="folder of the label files")
    parser.add_argument("--files", action="store_true", help="one line per file as well")
    parser.add_argument("--show", nargs="*", default=[], help="print the rows of files whose name starts so")
    parser.add_argument("--only", nargs="*", default=[],
                        help="score only files whose name starts so (u: the union pages, o: the others)")
    parser.add_argument("--json", type=Path, help="write the measures to this JSON file")
    parser.add_argument("--subject-taggers", nargs="+", default=["lexicon", "jieba"], metavar="TAGGER",
                        help="subject taggers to score (the first gives every other measure too)")
    args = parser.parse_args(argv)
    if not args.pages.is_dir():
        print(f"no pages folder at {args.pages}", file=sys.stderr)
        return 2
    labels = load_labels(args.labels)
    if args.only:
        labels = {name: lab for name, lab in labels.items() if name.startswith(tuple(args.only))}
    predicted = predict(args.pages, args.subject_taggers[0])
    measures, per_file = evaluate(labels, predicted)
    for tagger in args.subject_taggers[1:]:
        other = evaluate(labels, predict(args.pages, tagger))[0]
        measures[f"subjects acceptable (of figures right), {tagger} tagger"] = \
            other["subjects acceptable (of figures right)"]
    counts = measures.pop("_counts")
    truth, guess = measures.pop("_topics")
    if args.files:
        for f in per_file:
            fig = f["fig"]
            print(f"{f['file'][:44]:<44} docs {f['docs']:>5} {'ok ' if f['split'] else 'BAD'} "
                  f"P {f['P'][0]}/{f['P'][1]} R {f['R'][0]}/{f['R'][1]} H {f['H'][0]}/{f['H'][1]} "
                  f"chrome {f['chrome'][0]}/{f['chrome'][1]} fig tp{fig[0]} p{fig[1]} g{fig[2]} "
                  f"facts {''.join(k[0] if v else '-' for k, v in f['facts'].items()) or '---'}")
        print()
    for name in args.show:
        for file, lab in labels.items():
            if file.startswith(name):
                show(file, lab, predicted[file])
    print(f"{counts['files']} files, {counts['docs']} labelled reports ({counts['pred_docs']} predicted documents), "
          f"{counts['recall_n']} heading/body paragraphs, {counts['chrome']} chrome lines, "
          f"{counts['fig_gold']} figures")
    for key, value in measures.items():
        print(f"  {key:<58} {value:.3f}")
    print(f"  repeated paragraphs flagged: {counts['rep_found']}/{counts['rep_gold']} "
          f"(flags on other rows: {counts['rep_pred'] - counts['rep_found']})")
    print(f"  figures matched by span: {counts['fig_span']} of {counts['fig_gold']} gold, "
          f"{counts['fig_pred']} predicted")
    print(f"  subjects acceptable, {args.subject_taggers[0]} tagger: {counts['subject']}/{counts['fig_tp']} "
          f"figures right ({counts['subject']}/{counts['fig_gold']} = "
          f"{_ratio((counts['subject'], counts['fig_gold'])):.3f} of all gold figures)")
    print("\ntopic confusion over the paragraphs found (rows: labels, columns: predicted)")
    print(confusion(truth, guess))
    if args.json:
        args.json.write_text(json.dumps(measures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
