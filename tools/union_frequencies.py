"""Recompute the ``freq`` column of the shipped tokenizer lexicons (union_dict, stock_phrases).

    python tools/union_frequencies.py            # rewrite the files in place
    python tools/union_frequencies.py --check    # exit 1 if a frequency would change

Each word gets :func:`summarylens.words.dictionary.suggest_frequency` against a tokenizer
holding jieba's default dictionary *and every other shipped word* (the cut of 劳模创新工作室
into 劳模 + 创新工作室 counts), repeated until no frequency changes (two or three rounds).
Comment lines and the order of the rows are kept.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from summarylens.words.dictionary import (
    STOCK_PHRASES,
    UNION_DICT,
    add_entries,
    jieba_tokenizer,
    suggest_frequency,
    union_entries,
)

FOLDER = Path(__file__).resolve().parents[1] / "src" / "summarylens" / "lexicons"


def compute() -> dict[str, int]:
    entries = [e.__class__(e.word, None, e.pos, e.field) for e in union_entries()]
    tokenizer = jieba_tokenizer(union=False)
    base = dict(tokenizer.FREQ)
    freqs = {e.word: suggest_frequency(tokenizer, e.word) for e in entries}
    for _ in range(5):
        add_entries(tokenizer, [e.__class__(e.word, freqs[e.word], e.pos) for e in entries])
        new = {e.word: max(freqs[e.word], _against_others(tokenizer, e.word, base)) for e in entries}
        if new == freqs:
            break
        freqs = new
    return freqs


def _against_others(tokenizer, word: str, base: dict[str, int]) -> int:
    own = tokenizer.FREQ.get(word)
    tokenizer.FREQ[word] = base.get(word, 0)  # the word's own jieba frequency, not ours
    try:
        return suggest_frequency(tokenizer, word)
    finally:
        tokenizer.FREQ[word] = own


def rewrite(path: Path, freqs: dict[str, int]) -> bool:
    lines = path.read_text(encoding="utf-8").splitlines()
    columns: list[str] = []
    out = []
    for line in lines:
        if line.startswith("# columns:"):
            columns = [c.strip() for c in line.split(":", 1)[1].split("\t")]
        if line.startswith("#") or not line.strip() or "freq" not in columns:
            out.append(line)
            continue
        cells = line.split("\t")
        cells += [""] * (len(columns) - len(cells))
        cells[columns.index("freq")] = str(freqs[cells[0]])
        out.append("\t".join(cells))
    text = "\n".join(out) + "\n"
    changed = text != path.read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    return changed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only report whether a frequency would change")
    args = parser.parse_args()
    freqs = compute()
    changed = False
    for name in (UNION_DICT, STOCK_PHRASES):
        path = FOLDER / f"{name}.txt"
        if args.check:
            before = path.read_text(encoding="utf-8")
            changed |= rewrite(path, freqs)
            path.write_text(before, encoding="utf-8")
        else:
            changed |= rewrite(path, freqs)
    print("frequencies changed" if changed else "frequencies up to date")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
