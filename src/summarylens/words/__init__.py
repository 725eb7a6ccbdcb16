"""The word layer: tokens, term tables and the analyses researchers cite, on request only.

Nothing here runs during ``summarylens extract``, and jieba is imported only when a
tokenizer is first used. The union dictionary (``lexicons/union_dict.txt``) keeps the
genre's names whole:

    >>> import summarylens as sl
    >>> sl.tokenize("荣获省五一劳动奖章和工人先锋号")   # doctest: +SKIP
    ['荣获', '省', '五一劳动奖章', '和', '工人先锋号']

Tokenise a corpus once and ask many questions of it::

    toks = sl.tokens(corpus)                       # words with offsets, heading and body rows
    toks.terms(by="document")                      # tidy counts (corpus.terms() too)
    toks.dtm()                                     # scipy.sparse matrix + vocabulary
    sl.keyness(toks, {"org_type": "学校"}, {"org_type": "企业"})
    sl.keywords(toks, by="topic")
    sl.kwic(toks, "困难职工", window=5)
    sl.count_dictionary(toks, {"welfare": ["慰问", "帮扶*"]}, by="year")
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .context import count_dictionary, kwic, read_codebook
    from .dictionary import DictEntry, jieba_tokenizer, read_userdict, union_entries, write_jieba_userdict
    from .keyterms import keyness, keyness_table
    from .tfidf import keywords
    from .tokenizer import WordTokenizer, add_words, default_tokenizer, is_word, stock_phrases, stopwords, tokenize
    from .tokentable import DocumentTermMatrix, Tokens, select_units, tokens

#: where each public name lives; modules are imported on first use, so that the command line
#: can register ``summarylens terms`` without loading pandas or jieba
_HOMES = {
    "count_dictionary": "context", "kwic": "context", "read_codebook": "context",
    "DictEntry": "dictionary", "jieba_tokenizer": "dictionary", "read_userdict": "dictionary",
    "union_entries": "dictionary", "write_jieba_userdict": "dictionary",
    "keyness": "keyterms", "keyness_table": "keyterms", "keywords": "tfidf",
    "WordTokenizer": "tokenizer", "add_words": "tokenizer", "default_tokenizer": "tokenizer",
    "is_word": "tokenizer", "stock_phrases": "tokenizer", "stopwords": "tokenizer", "tokenize": "tokenizer",
    "DocumentTermMatrix": "tokentable", "Tokens": "tokentable", "select_units": "tokentable", "tokens": "tokentable",
}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(import_module(f".{_HOMES[name]}", __name__), name)
    raise AttributeError(f"module 'summarylens.words' has no attribute {name!r}")


__all__ = [
    "DictEntry",
    "DocumentTermMatrix",
    "Tokens",
    "WordTokenizer",
    "add_words",
    "count_dictionary",
    "default_tokenizer",
    "is_word",
    "jieba_tokenizer",
    "keyness",
    "keyness_table",
    "keywords",
    "kwic",
    "read_codebook",
    "read_userdict",
    "select_units",
    "stock_phrases",
    "stopwords",
    "tokenize",
    "tokens",
    "union_entries",
    "write_jieba_userdict",
]
