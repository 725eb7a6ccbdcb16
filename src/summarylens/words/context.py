"""Keyword in context, and codebook (dictionary) counts.

``kwic`` finds a word or phrase among the tokens (so 帮扶 does not match inside the word
精准帮扶) and shows it with ``window`` words on each side, the punctuation between them
kept, and where it stands: doc_id, para_id, and start/end in the document text.

    >>> sl.kwic(corpus, "困难职工", window=5).head(1)        # doctest: +SKIP
          doc_id  para_id  start  end        pre  keyword        post
    0  机械厂.txt#1        4    212  216  春节期间，走访慰问  困难职工  24户，发放慰问金

``count_dictionary`` counts a codebook's categories (cntext style): a dict
``{category: [words]}``, or a YAML file of the same shape, or a CSV file with columns
``category`` and ``word``. A word ending in ``*`` matches every token it begins
(``帮扶*`` counts 帮扶 and 帮扶金); a word of several tokens matches as a run of tokens.
Counts are given per group and per 1,000 characters of the group's text.

    >>> codebook = {"welfare": ["慰问", "帮扶*", "困难职工"], "rights": ["集体合同", "维权"]}
    >>> sl.count_dictionary(corpus, codebook, by="org_type")    # doctest: +SKIP
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from .tokenizer import default_tokenizer
from .tokentable import as_tokens

if TYPE_CHECKING:  # pragma: no cover
    from ..corpus import Corpus
    from .tokenizer import WordTokenizer
    from .tokentable import Tokens

__all__ = ["count_dictionary", "kwic", "read_codebook"]

KWIC_COLUMNS = ("doc_id", "para_id", "start", "end", "pre", "keyword", "post")


def kwic(data: Corpus | Tokens, pattern: str | Iterable[str], *, window: int = 5,
         tokenizer: WordTokenizer | None = None) -> pd.DataFrame:
    """Every occurrence of ``pattern`` (a word, a phrase, or a list of them) with its context.

    Columns: doc_id, para_id, start, end (offsets into the document text:
    ``doc_text[start:end] == keyword``), pre, keyword, post.
    """
    toks = as_tokens(data, tokenizer)
    tok = tokenizer or default_tokenizer()
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    sequences = {tuple(tok.tokenize(p)) or (p,) for p in patterns}
    texts = {(d, p): (str(t), int(s)) for d, p, t, s in
             zip(toks.units["doc_id"], toks.units["para_id"], toks.units["text"], toks.units["start"], strict=True)}
    rows: list[tuple[Any, ...]] = []
    table = toks.table
    for (doc_id, para_id), group in table.groupby(["doc_id", "para_id"], sort=False):
        words = group["token"].tolist()
        starts = group["start"].to_numpy(dtype=int)
        ends = group["end"].to_numpy(dtype=int)
        text, offset = texts[(doc_id, para_id)]
        for i in range(len(words)):
            for seq in sequences:
                if tuple(words[i:i + len(seq)]) != seq:
                    continue
                j = i + len(seq) - 1
                left = starts[max(0, i - window)] if i > 0 else starts[i]
                right = ends[min(len(words) - 1, j + window)] if j + 1 < len(words) else ends[j]
                rows.append((doc_id, para_id, int(starts[i]), int(ends[j]),
                             text[left - offset:starts[i] - offset], text[starts[i] - offset:ends[j] - offset],
                             text[ends[j] - offset:right - offset]))
    out = pd.DataFrame(rows, columns=list(KWIC_COLUMNS))
    return out.astype({"doc_id": "string", "para_id": "Int64", "start": "Int64", "end": "Int64",
                       "pre": "string", "keyword": "string", "post": "string"})


def read_codebook(codebook: Mapping[str, Iterable[str]] | str | Path) -> dict[str, tuple[str, ...]]:
    """A codebook as ``{category: words}`` from a dict, a YAML file or a CSV file (category, word).

    >>> read_codebook({"welfare": ["慰问", "帮扶*"]})
    {'welfare': ('慰问', '帮扶*')}
    """
    if isinstance(codebook, Mapping):
        return {str(k): tuple(str(w).strip() for w in v if str(w).strip()) for k, v in codebook.items()}
    path = Path(codebook)
    text = path.read_text(encoding="utf-8-sig")
    if path.suffix.lower() in (".yaml", ".yml"):
        import yaml

        data = yaml.safe_load(text)
        if not isinstance(data, Mapping):
            raise ValueError(f"{path}: a codebook YAML file maps categories to lists of words")
        return read_codebook({k: ([v] if isinstance(v, str) else v) for k, v in data.items()})
    rows = list(csv.DictReader(text.splitlines()))
    if not rows or not {"category", "word"} <= set(rows[0]):
        raise ValueError(f"{path}: a codebook CSV file needs the columns 'category' and 'word'")
    out: dict[str, list[str]] = {}
    for row in rows:
        out.setdefault(row["category"].strip(), []).append(row["word"])
    return read_codebook(out)


def count_dictionary(data: Corpus | Tokens, codebook: Mapping[str, Iterable[str]] | str | Path,
                     by: str = "doc_id", *, tokenizer: WordTokenizer | None = None) -> pd.DataFrame:
    """Counts of each codebook category per group of ``by`` (a units column, as in keywords).

    Columns: the group, category, count, n_chars (characters of the group's heading and
    body rows), per_1000 (count per 1,000 characters). Every group and category appears,
    with 0 where nothing matched.
    """
    toks = as_tokens(data, tokenizer)
    tok = tokenizer or default_tokenizer()
    book = read_codebook(codebook)
    units = toks.units
    if by not in units:
        raise KeyError(f"no column {by!r} to group by; columns: {list(units.columns)}")
    group_of = {(d, p): g for d, p, g in zip(units["doc_id"], units["para_id"], units[by], strict=True)}
    matchers = {cat: [_matcher(w, tok) for w in words] for cat, words in book.items()}
    counts: dict[tuple[Any, str], int] = {}
    for (doc_id, para_id), group in toks.table.groupby(["doc_id", "para_id"], sort=False):
        words = group["token"].tolist()
        key = group_of[(doc_id, para_id)]
        for cat, found in matchers.items():
            hits = sum(_count(words, m) for m in found)
            if hits:
                counts[(key, cat)] = counts.get((key, cat), 0) + hits
    chars = units.groupby(by, observed=True, dropna=True)["n_chars"].sum()
    rows = [(g, cat, counts.get((g, cat), 0), int(chars[g])) for g in chars.index for cat in book]
    out = pd.DataFrame(rows, columns=[by, "category", "count", "n_chars"])
    out["per_1000"] = (out["count"] * 1000 / out["n_chars"].where(out["n_chars"] > 0)).astype("Float64")
    return out.astype({"category": "string", "count": "Int64", "n_chars": "Int64"})


def _matcher(word: str, tok: WordTokenizer) -> tuple[str, ...] | str:
    """A prefix (``帮扶*`` → "帮扶") or the word's token run (``工会经费收缴`` → ("工会经费", "收缴"))."""
    if word.endswith("*"):
        return word[:-1]
    return tuple(tok.tokenize(word)) or (word,)


def _count(words: Sequence[str], matcher: tuple[str, ...] | str) -> int:
    if isinstance(matcher, str):
        return sum(w.startswith(matcher) for w in words)
    n = len(matcher)
    if n == 1:
        return sum(w == matcher[0] for w in words)
    return sum(tuple(words[i:i + n]) == matcher for i in range(len(words) - n + 1))
