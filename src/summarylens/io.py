"""Reading a corpus: find the files, decode them, say clearly why a file was skipped.

Decoding is the only change made to a file's text, apart from turning ``\\r\\n`` and
``\\r`` into ``\\n``; every offset downstream points into the string returned here.

Example::

    >>> from pathlib import Path
    >>> p = Path("/tmp/_sl_demo.txt"); _ = p.write_bytes("工会工作总结".encode("gb18030"))
    >>> read_text(p)
    ('工会工作总结', 'gb18030')
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "READERS", "UNSUPPORTED", "CorpusScan", "UnreadableFile", "decode_bytes", "display_path",
    "iter_corpus_files", "normalise_newlines", "read_text", "scan_corpus",
]

#: File suffixes read as plain text, and as Word documents (needs python-docx).
TEXT_SUFFIXES = frozenset({".txt", ".text"})
DOCX_SUFFIXES = frozenset({".docx"})

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class UnreadableFile(Exception):
    """A file that is not text we can decode; the message says why, in plain words."""


def display_path(name: str) -> str:
    r"""A file name as text that can be written anywhere: undecodable bytes escaped.

    On Linux a name that is not UTF-8 (GBK bytes from a Windows zip) comes out of
    ``os.listdir`` with lone surrogates (``surrogateescape``), which no file can hold;
    each such byte is written as ``\xNN`` instead: ``display_path("\udcb9\udca4会.txt")``
    → ``'\\xb9\\xa4会.txt'``. Valid names are returned unchanged.
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        pass
    try:
        raw = name.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte stands for
        return name.encode("utf-8", "backslashreplace").decode("ascii")
    return raw.decode("utf-8", "backslashreplace")


def _read_bytes(path: Path) -> bytes:
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # a pipe would block, a device never end
            raise UnreadableFile("not a regular file")
        return path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot open file: {exc.strerror or exc}") from exc


def _read_plain(path: Path) -> tuple[str, str]:
    data = _read_bytes(path)
    text, encoding = decode_bytes(data)
    del data
    return normalise_newlines(text), encoding


def _read_docx_file(path: Path) -> tuple[str, str]:
    return _read_docx(path), "docx"


def _read_html_file(path: Path) -> tuple[str, str]:
    """A saved web page's main text (:mod:`summarylens.webpage`, the ``html`` extra)."""
    from .webpage import MissingExtra, decode_html, html_text

    data = _read_bytes(path)
    try:
        markup, _codec = decode_html(data)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"undecodable web page (byte {exc.start})") from exc
    try:
        text = html_text(markup)
    except MissingExtra as exc:
        raise UnreadableFile(str(exc)) from exc
    except Exception as exc:  # lxml and trafilatura raise many kinds for a broken page
        raise UnreadableFile(f"not a readable web page: {exc}") from exc
    return normalise_newlines(text), "html"


#: how each file suffix is read: ``suffix → reader(path) -> (text, encoding)``; a reader
#: raises :class:`UnreadableFile` with the reason. Add a format by adding an entry.
READERS: dict[str, Callable[[Path], tuple[str, str]]] = {
    ".txt": _read_plain, ".text": _read_plain, ".docx": _read_docx_file,
    ".html": _read_html_file, ".htm": _read_html_file,
}


#: suffixes listed in the ``files`` table as ``skipped``, and why (a function: the reason
#: may depend on what is installed)
UNSUPPORTED: dict[str, Callable[[], str]] = {
    ".doc": lambda: "an old Word file (.doc): save it as .docx or .txt to read it",
    ".pdf": lambda: "a PDF file: convert it to text first (e.g. pdftotext)",
    ".wps": lambda: "a WPS file: save it as .docx or .txt to read it",
}


def _suffix(name: str) -> str:
    """The suffix that chooses the reader: ``'年报.TXT'`` → ``'.txt'``, ``'.txt'`` → ``'.txt'``."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


@dataclass(frozen=True)
class CorpusScan:
    """What is below a corpus folder: the files to list, and what was left aside.

    ``files`` are the files with a suffix in :data:`READERS` or :data:`UNSUPPORTED`, in
    a stable order (each gets a row in the ``files`` table); ``others`` counts files of
    other suffixes by suffix (``{".jpg": 3}``); ``hidden`` counts hidden folders not
    searched (``.git``); ``loops`` lists symbolic links to folders already searched.
    """

    root: Path
    files: tuple[Path, ...]
    others: Counter[str] = field(default_factory=Counter)
    hidden: int = 0
    loops: tuple[str, ...] = ()


def scan_corpus(root: str | Path) -> CorpusScan:
    """Every file below ``root``, following symbolic links to folders once (loops caught).

    ``root`` may also be a single file. Hidden folders (``.git``) are not searched.
    """
    root = Path(root)
    if str(root) == "":
        raise ValueError("the corpus path is empty: give a folder or a file")
    if root.is_file() or (root.exists() and not root.is_dir()):
        return CorpusScan(root, (root,))
    if not root.is_dir():
        raise FileNotFoundError(f"no such corpus folder: {display_path(str(root))}")
    wanted = READERS.keys() | UNSUPPORTED.keys()
    found: list[tuple[str, Path]] = []
    others: Counter[str] = Counter()
    loops: list[str] = []
    hidden = 0
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, rel = stack.pop()
        try:
            info = folder.stat()
            entries = list(os.scandir(folder))
        except OSError:
            continue
        key = (info.st_dev, info.st_ino)
        if key in seen:
            loops.append(rel)
            continue
        seen.add(key)
        for entry in entries:
            name = f"{rel}/{entry.name}" if rel else entry.name
            try:
                is_dir = entry.is_dir()  # follows symbolic links
            except OSError:
                is_dir = False
            if is_dir:
                if entry.name.startswith("."):
                    hidden += 1
                else:
                    stack.append((Path(entry.path), name))
            elif _suffix(entry.name) in wanted:
                found.append((name, Path(entry.path)))
            else:
                others[_suffix(entry.name) or "(none)"] += 1
    found.sort(key=lambda item: item[0])
    return CorpusScan(root, tuple(path for _, path in found), others, hidden, tuple(sorted(loops)))


def iter_corpus_files(root: str | Path) -> Iterator[Path]:
    """Yield the files below ``root`` (recursively) that get a row in ``files``, in sorted order.

    See :func:`scan_corpus`; ``root`` may also be a single file.
    """
    yield from scan_corpus(root).files


def read_text(path: str | Path) -> tuple[str, str]:
    """Decode one file and return ``(text, encoding)``; raise :class:`UnreadableFile`.

    The reader is chosen by suffix (:data:`READERS`). Plain text tries, in order: a
    byte-order mark (UTF-8/16/32), strict UTF-8, UTF-16 without BOM (detected from its
    NUL pattern), UTF-8 and GB18030 line by line when both occur (``mixed``), strict
    GB18030 (which covers GBK and GB2312). Binary data (NUL bytes in non-UTF-16 text, or
    control characters) is refused, with the offset of the first bad byte.
    """
    path = Path(path)
    suffix = _suffix(path.name)
    reader = READERS.get(suffix)
    if reader is None:
        unsupported = UNSUPPORTED.get(suffix)
        raise UnreadableFile(unsupported() if unsupported else f"not a corpus file type ({suffix or 'no suffix'})")
    return reader(path)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes of a Chinese text file: ``decode_bytes('总结'.encode('gbk'))`` → ``('总结', 'gb18030')``.

    A file of UTF-8 lines with some GBK lines among them (text pasted from two sources)
    is decoded line by line, each line in the encoding that fits: ``'mixed'``.
    """
    if not data:
        return "", "empty"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    utf16 = _guess_utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise UnreadableFile(f"binary file: a NUL byte at byte {data.index(0)}")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    else:
        _refuse_binary_looking(text, data)
        return text, "utf-8"
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        gb_error = exc.start
    else:  # GB18030 decodes most bytes: UTF-8 text before the first error says "mixed"
        if data[:utf8_error].isascii():
            _refuse_binary_looking(text, data)
            return text, "gb18030"
        gb_error = -1
    mixed = _decode_lines(data)
    if mixed is not None:
        _refuse_binary_looking(mixed, data)
        return mixed, "mixed"
    if gb_error < 0:
        _refuse_binary_looking(text, data)
        return text, "gb18030"
    raise UnreadableFile(f"undecodable: not UTF-8 (bad byte at {utf8_error}), UTF-16 or "
                         f"GB18030/GBK text (bad byte at {gb_error})")


def _decode_lines(data: bytes) -> str | None:
    """Each line as UTF-8 or else GB18030, if both occur and every line is one of them."""
    out: list[str] = []
    utf8 = gb = False
    for line in data.split(b"\n"):
        try:
            out.append(line.decode("utf-8"))
            utf8 = utf8 or not line.isascii()
        except UnicodeDecodeError:
            try:
                out.append(line.decode("gb18030"))
            except UnicodeDecodeError:
                return None
            gb = True
    return "\n".join(out) if utf8 and gb else None


def normalise_newlines(text: str) -> str:
    """Turn Windows and old Mac line ends into ``\\n``: ``'一\\r\\n二'`` → ``'一\\n二'``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"undecodable as {encoding} (bad byte at {exc.start})") from exc
    _refuse_binary_looking(text, b"")
    return text


def _guess_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without a BOM: the byte order whose decoding reads as text, if any.

    NUL bytes are what give it away (ASCII, newlines, and CJK such as 一 U+4E00); the
    guess is kept only when the decoded sample is mostly CJK, ASCII and punctuation,
    so a binary file is not mistaken for it.
    """
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    sample = data[:8192]
    best, best_share = None, 0.0
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            decoded = sample.decode(encoding, errors="strict")
        except UnicodeDecodeError:
            continue
        share = sum(1 for ch in decoded if _is_text_char(ch)) / max(1, len(decoded))
        if share > best_share:
            best, best_share = encoding, share
    return best if best_share >= 0.9 else None


def _is_text_char(ch: str) -> bool:
    return ch in "\n\r\t" or " " <= ch <= "~" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef"


#: control characters that text does not hold: below the space, except \t \n \v \f \r
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")


_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")


def _refuse_binary_looking(text: str, data: bytes) -> None:
    """Refuse decoded text that is mostly control characters (an image read as GB18030).

    The reason names the byte offset of the first control character in ``data`` (the
    bytes decoded, if they are an ASCII-compatible encoding).
    """
    sample = text[:8192]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        first = _CONTROL_BYTES.search(data[:65536])
        where = f" (first at byte {first.start()})" if first else ""
        raise UnreadableFile(f"binary file: control characters where text should be{where}")


def _read_docx(path: Path) -> str:
    try:
        import docx  # python-docx, optional extra
    except ImportError as exc:
        raise UnreadableFile("a .docx file needs python-docx: pip install 'summarylens[docx]'") from exc
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises many kinds for a broken zip
        raise UnreadableFile(f"not a readable .docx: {exc}") from exc
    return "\n".join(paragraph.text for paragraph in document.paragraphs)
