"""Word lists as data: every list summarylens reads lives in a file of this folder.

A lexicon file is UTF-8 text. It opens with a header of ``#`` lines that say what the
list is, how it was made and from which sources; a ``# columns:`` line names its
tab-separated columns (one column, ``word``, when absent). Every other non-blank line is
one entry. Files are read once per process and handed out as immutable
:class:`Lexicon` records, so a stage that needs a list asks for it by name instead of
spelling it in code (as jieba ships ``dict.txt`` and scikit-learn its stop words).

Users extend or replace a list without touching the shipped file: read their own file
with :func:`read_lexicon` (same format, header optional) and pass the words to the
stage that takes them, or combine lists with :meth:`Lexicon.extended`.

    >>> text = "# demo — 慰问用语\\n# columns: word\\t类\\n慰问\\twelfare\\n送温暖\\twelfare\\n"
    >>> lex = Lexicon.from_text("demo", text)
    >>> lex.words
    ('慰问', '送温暖')
    >>> lex.column("类")
    ('welfare', 'welfare')
    >>> lex.extended(["金秋助学"]).words
    ('慰问', '送温暖', '金秋助学')
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from importlib.resources import files
from pathlib import Path

__all__ = ["Lexicon", "available", "entries", "load", "read_lexicon"]

#: file endings a lexicon may have
SUFFIXES = (".txt", ".tsv")


@dataclass(frozen=True)
class Lexicon:
    """One word list: its name, header text, column names and rows (tuples of strings).

    ``words`` is the first column; :meth:`column` gives any other by name. Rows keep the
    file's order and repeat nothing: a later duplicate of an earlier first column is
    dropped, so an extension never changes what an entry already meant.
    """

    name: str
    header: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...] = field(repr=False)

    @classmethod
    def from_text(cls, name: str, text: str) -> Lexicon:
        """Parse the text of a lexicon file (see the module docstring for the format)."""
        header: list[str] = []
        columns: tuple[str, ...] = ("word",)
        rows: list[tuple[str, ...]] = []
        seen: set[str] = set()
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.rstrip("\r\n")
            if not line.strip():
                continue
            if line.startswith("#"):
                body = line[1:].strip()
                if body.lower().startswith("columns:"):
                    columns = tuple(c.strip() for c in body.split(":", 1)[1].split("\t") if c.strip())
                    if not columns:
                        raise ValueError(f"lexicon {name!r}, line {number}: '# columns:' names no column")
                elif not rows:
                    header.append(body)
                continue
            cells = tuple(cell.strip() for cell in line.split("\t"))
            if len(cells) > len(columns):
                raise ValueError(
                    f"lexicon {name!r}, line {number}: {len(cells)} cells for {len(columns)} columns {columns}"
                )
            cells = cells + ("",) * (len(columns) - len(cells))
            if not cells[0] or cells[0] in seen:
                continue
            seen.add(cells[0])
            rows.append(cells)
        return cls(name=name, header="\n".join(header), columns=columns, rows=tuple(rows))

    @property
    def words(self) -> tuple[str, ...]:
        """The first column: the entries themselves."""
        return tuple(row[0] for row in self.rows)

    def column(self, name: str) -> tuple[str, ...]:
        """Another column by name, one value per row ('' where a row leaves it out)."""
        try:
            index = self.columns.index(name)
        except ValueError:
            raise KeyError(f"lexicon {self.name!r} has no column {name!r}; it has {list(self.columns)}") from None
        return tuple(row[index] for row in self.rows)

    def groups(self, by: str) -> dict[str, tuple[str, ...]]:
        """Entries grouped by the value of column ``by``, in the file's order of first appearance."""
        out: dict[str, list[str]] = {}
        for word, key in zip(self.words, self.column(by), strict=True):
            out.setdefault(key, []).append(word)
        return {key: tuple(values) for key, values in out.items()}

    def extended(self, entries: Iterable[str | Iterable[str]]) -> Lexicon:
        """A new lexicon with ``entries`` appended (words, or rows as sequences of cells)."""
        extra: list[tuple[str, ...]] = []
        for entry in entries:
            cells = (entry,) if isinstance(entry, str) else tuple(entry)
            if len(cells) > len(self.columns):
                raise ValueError(f"{cells!r} has more cells than lexicon {self.name!r} has columns {self.columns}")
            extra.append(cells + ("",) * (len(self.columns) - len(cells)))
        seen = set(self.words)
        rows = list(self.rows)
        for cells in extra:
            if cells[0] and cells[0] not in seen:
                seen.add(cells[0])
                rows.append(cells)
        return Lexicon(name=self.name, header=self.header, columns=self.columns, rows=tuple(rows))

    def __iter__(self) -> Iterator[str]:
        return iter(self.words)

    def __len__(self) -> int:
        return len(self.rows)

    def __contains__(self, word: object) -> bool:
        return word in self._set

    @cached_property
    def _set(self) -> frozenset[str]:
        return frozenset(self.words)


def _folder() -> Path:
    return Path(str(files("summarylens") / "lexicons"))


def available() -> list[str]:
    """Names of the shipped lexicons (file names without their ending), sorted."""
    return sorted(p.stem for p in _folder().iterdir() if p.suffix in SUFFIXES)


@cache
def load(name: str) -> Lexicon:
    """The shipped lexicon ``name``, read once per process: ``load("topic_cues")``."""
    for suffix in SUFFIXES:
        path = _folder() / f"{name}{suffix}"
        if path.is_file():
            return Lexicon.from_text(name, path.read_text(encoding="utf-8"))
    raise KeyError(f"no lexicon named {name!r}; shipped lexicons: {', '.join(available())}")


def entries(name: str) -> tuple[str, ...]:
    """The entries (first column) of the shipped lexicon ``name``."""
    return load(name).words


def read_lexicon(path: str | Path, *, name: str | None = None) -> Lexicon:
    """A user's own lexicon file, in the same format (header optional)."""
    path = Path(path)
    return Lexicon.from_text(name or path.stem, path.read_text(encoding="utf-8-sig"))
