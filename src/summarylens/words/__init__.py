"""The word layer: tokens, term tables and the analyses researchers cite, on request only.

Nothing here runs during ``summarylens extract``, and jieba is imported only when a
tokenizer is first used. The union dictionary (``lexicons/union_dict.txt``) keeps the
genre's names whole:

    >>> import summarylens as sl
    >>> sl.tokenize("荣获省五一劳动奖章和工人先锋号")   # doctest: +SKIP
    ['荣获', '省', '五一劳动奖章', '和', '工人先锋号']
"""

from __future__ import annotations

from .dictionary import DictEntry, jieba_tokenizer, read_userdict, union_entries, write_jieba_userdict
from .tokenize import WordTokenizer, add_words, default_tokenizer, is_word, stock_phrases, stopwords, tokenize

__all__ = [
    "DictEntry",
    "WordTokenizer",
    "add_words",
    "default_tokenizer",
    "is_word",
    "jieba_tokenizer",
    "read_userdict",
    "stock_phrases",
    "stopwords",
    "tokenize",
    "union_entries",
    "write_jieba_userdict",
]
