"""Tokenising throughput of ``summarylens.tokenize`` against plain ``jieba.lcut``, and rjieba's agreement.

The text is every heading and body paragraph of a corpus (the rows the word layer reads),
cut paragraph by paragraph, in this process:

* ``jieba.lcut`` with jieba's own dictionary (a private ``jieba.Tokenizer``, so that the
  global one is not touched; the same code path as ``jieba.lcut``);
* ``summarylens`` — :class:`~summarylens.words.WordTokenizer`: jieba with the union
  dictionary and stock phrases, punctuation and whitespace dropped;
* ``rjieba`` (the Rust port) given the same words with the same frequencies and tags,
  when it is installed; its tokens (punctuation dropped likewise) are compared with
  summarylens's paragraph by paragraph, and without the union dictionary with plain jieba's.

Dictionary loading is timed apart and not counted in the throughput; each timing is the
best of ``--repeat`` rounds. Usage::

    .venv/bin/python bench/words.py                      # the shipped corpus/
    .venv/bin/python bench/words.py /work/baseline/bench3 --repeat 3
    .venv/bin/python bench/words.py corpus/ --show 5     # print differing paragraphs
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from summarylens import read_corpus
from summarylens.words import WordTokenizer, is_word, union_entries
from summarylens.words.tokentable import token_units


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def best_of(repeat: int, function: Callable[[], object]) -> tuple[float, object]:
    runs = [timed(function) for _ in range(repeat)]
    return min(t for t, _ in runs), runs[-1][1]


def agreement(ours: Sequence[list[str]], theirs: Sequence[list[str]]) -> tuple[float, float, list[int]]:
    """Share of paragraphs cut identically, share of tokens in identical paragraphs, differing indices."""
    differing = [i for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) if a != b]
    tokens = sum(len(a) for a in ours)
    same_tokens = tokens - sum(len(ours[i]) for i in differing)
    return 1 - len(differing) / max(len(ours), 1), same_tokens / max(tokens, 1), differing


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(Path(__file__).resolve().parents[1] / "corpus"))
    parser.add_argument("--repeat", type=int, default=3, help="rounds; the best is reported (default 3)")
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N paragraphs rjieba cuts differently")
    args = parser.parse_args(argv)

    corpus = read_corpus(args.corpus, jobs=2)
    texts = [str(t) for t in token_units(corpus)["text"]]
    chars = sum(map(len, texts))
    print(f"corpus {args.corpus}: {len(texts):,} heading/body paragraphs, {chars:,} characters")

    load_plain, plain = timed(lambda: WordTokenizer(union=False).jieba)
    ours = WordTokenizer()
    load_ours, _ = timed(lambda: ours.jieba)
    print(f"dictionary load: jieba {load_plain:.2f} s, summarylens (jieba + {len(union_entries()):,} words) "
          f"{load_ours:.2f} s (not counted below)")

    t_plain, plain_cuts = best_of(args.repeat, lambda: [plain.lcut(t) for t in texts])  # type: ignore[attr-defined]
    t_ours, our_cuts = best_of(args.repeat, lambda: [ours.tokenize(t) for t in texts])
    rows = [("jieba.lcut (jieba's dictionary)", t_plain), ("summarylens.tokenize (union dictionary)", t_ours)]

    try:
        import rjieba
    except ImportError:
        rjieba = None
    if rjieba is not None:
        fast = rjieba.Jieba()
        for entry in union_entries():
            fast.add_word(entry.word, entry.freq, entry.pos or None)
        fast_plain = rjieba.Jieba()
        t_fast, fast_cuts = best_of(args.repeat, lambda: [[w for w in fast.cut(t, True) if is_word(w)] for t in texts])
        rows.append(("rjieba, same words (union dictionary)", t_fast))

    print(f"\n{'tokenizer':<42}{'seconds':>9}{'chars/s':>14}{'vs jieba':>10}")
    for name, seconds in rows:
        print(f"{name:<42}{seconds:>9.3f}{chars / seconds:>14,.0f}{t_plain / seconds:>9.2f}x")

    if rjieba is not None:
        plain_words = [[w for w in cut if is_word(w)] for cut in plain_cuts]  # type: ignore[union-attr]
        fast_plain_cuts = [[w for w in fast_plain.cut(t, True) if is_word(w)] for t in texts]
        p_same, p_tokens, _ = agreement(plain_words, fast_plain_cuts)
        u_same, u_tokens, differing = agreement(our_cuts, fast_cuts)  # type: ignore[arg-type]
        print(f"\nrjieba vs jieba, jieba's dictionary: {p_same:.2%} of paragraphs identical "
              f"({p_tokens:.2%} of tokens in identical paragraphs)")
        print(f"rjieba vs summarylens, union dictionary: {u_same:.2%} of paragraphs identical "
              f"({u_tokens:.2%} of tokens in identical paragraphs), {len(differing)} differ")
        for i in differing[: args.show]:
            a, b = our_cuts[i], fast_cuts[i]  # type: ignore[index]
            diff = [(x, y) for x, y in zip(a, b, strict=False) if x != y][:4]
            print(f"  #{i}: {texts[i][:40]}…\n     first differences (jieba, rjieba): {diff}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
