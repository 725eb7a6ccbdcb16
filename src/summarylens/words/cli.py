"""``summarylens terms``: the term table of a corpus, written to ``terms.csv``.

    summarylens terms CORPUS_DIR --out OUT_DIR [--by document|paragraph] [--userdict FILE]
                      [--stopwords] [--no-stock-phrases] [--no-numbers] [--jobs N]

Kept apart from :mod:`summarylens.cli` so that ``summarylens extract`` never imports
the word layer (jieba, pandas); the main parser only registers the subcommand.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

__all__ = ["add_parser", "run"]

HELP = """\
Read the corpus as 'extract' does, cut every heading and body paragraph into words with
jieba and the shipped union dictionary (困难职工, 工人先锋号 and 3,000 more stay whole), and
write OUT_DIR/terms.csv: doc_id, (para_id), term, count — one row per word and document
(or paragraph). Titles, noise rows and repeated paragraphs are left out.

example:
  summarylens terms corpus/ --out out/
  summarylens terms corpus/ --out out/ --by paragraph --stopwords --userdict my_words.txt
"""


def add_parser(commands: argparse._SubParsersAction,
               parents: Sequence[argparse.ArgumentParser] = ()) -> argparse.ArgumentParser:
    """Register ``terms`` on the main parser's subcommands (``parents``: its common options)."""
    terms = commands.add_parser("terms", help="count the words of a corpus into terms.csv", parents=list(parents),
                                description=HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    terms.add_argument("corpus", metavar="CORPUS_DIR", help="folder of .txt/.docx files, or one file")
    terms.add_argument("--out", required=True, metavar="OUT_DIR", help="folder for terms.csv (created if missing)")
    terms.add_argument("--by", choices=("document", "paragraph"), default="document",
                       help="one row per word and document (default) or paragraph")
    terms.add_argument("--userdict", metavar="FILE",
                       help="your own words, one a line: jieba's 'word [freq] [pos]' or a tab-separated lexicon")
    terms.add_argument("--stopwords", action="store_true", help="leave out the shipped stop words")
    terms.add_argument("--no-stock-phrases", action="store_true",
                       help="leave out the genre's stock phrases (进一步, 扎实推进 …)")
    terms.add_argument("--no-numbers", action="store_true", help="leave out tokens made of digits only")
    terms.add_argument("-j", "--jobs", type=int, default=None, metavar="N", help="worker processes for reading")
    return terms


def run(args: argparse.Namespace) -> int:
    """Run ``summarylens terms``; the exit status (0 read all, 1 some files skipped, 2 usage)."""
    from ..corpus import default_jobs, read_corpus
    from .tokenizer import WordTokenizer

    corpus_path = Path(args.corpus)
    if not corpus_path.exists():
        print(f"summarylens: error: no such corpus folder: {corpus_path}", file=sys.stderr)
        return 2
    if args.userdict and not Path(args.userdict).is_file():
        print(f"summarylens: error: no such user dictionary: {args.userdict}", file=sys.stderr)
        return 2
    tokenizer = WordTokenizer(userdict=args.userdict) if args.userdict else None
    corpus = read_corpus(corpus_path, jobs=args.jobs or default_jobs())
    for error in corpus.errors:
        print(f"summarylens: skipped {error.source}: {error.reason}", file=sys.stderr)
    table = corpus.terms(by=args.by, tokenizer=tokenizer, stopwords=args.stopwords,
                         stock_phrases=not args.no_stock_phrases, numbers=not args.no_numbers)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    target = out / "terms.csv"
    handle, temporary = tempfile.mkstemp(prefix=".terms.", suffix=".csv", dir=out)
    os.close(handle)
    try:
        table.to_csv(temporary, index=False, encoding="utf-8-sig")  # with a BOM, for Excel
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    units = "paragraphs" if args.by == "paragraph" else "documents"
    print(f"summarylens terms — {len(table):,} rows ({table['term'].nunique():,} distinct words, "
          f"{int(table['count'].sum()):,} words in {len(corpus.documents):,} documents) by {units} → {target}")
    return 1 if corpus.errors else 0
