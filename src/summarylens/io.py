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
import re
from collections.abc import Iterator
from pathlib import Path

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


def iter_corpus_files(root: str | Path) -> Iterator[Path]:
    """Yield the readable files below ``root`` (recursively), in a stable sorted order.

    ``root`` may also be a single file. Hidden files and folders are skipped.
    """
    root = Path(root)
    if root.is_file():
        yield root
        return
    if not root.is_dir():
        raise FileNotFoundError(f"语料目录不存在 (corpus folder not found): {root}")
    suffixes = TEXT_SUFFIXES | DOCX_SUFFIXES
    for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
        rel_parts = path.relative_to(root).parts
        if any(part.startswith(".") for part in rel_parts):
            continue
        if path.is_file() and path.suffix.lower() in suffixes:
            yield path


def read_text(path: str | Path) -> tuple[str, str]:
    """Decode one file and return ``(text, encoding)``; raise :class:`UnreadableFile`.

    Tries, in order: a byte-order mark (UTF-8/16/32), strict UTF-8, UTF-16 without BOM
    (detected from its NUL pattern), strict GB18030 (which covers GBK and GB2312).
    Binary data (NUL bytes in non-UTF-16 text, or control characters) is refused.
    """
    path = Path(path)
    if path.suffix.lower() in DOCX_SUFFIXES:
        return _read_docx(path), "docx"
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(f"cannot open file: {exc.strerror or exc}") from exc
    text, encoding = decode_bytes(data)
    return normalise_newlines(text), encoding


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode raw bytes of a Chinese text file: ``decode_bytes('总结'.encode('gbk'))`` → ``('总结', 'gb18030')``."""
    if not data:
        return "", "empty"
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding), encoding
    utf16 = _guess_utf16_without_bom(data)
    if utf16:
        return _strict(data, utf16), utf16
    if b"\x00" in data:
        raise UnreadableFile("binary file: contains NUL bytes")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        _refuse_binary_looking(text)
        return text, encoding
    raise UnreadableFile("undecodable: not UTF-8, UTF-16 or GB18030/GBK text")


def normalise_newlines(text: str) -> str:
    """Turn Windows and old Mac line ends into ``\\n``: ``'一\\r\\n二'`` → ``'一\\n二'``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFile(f"undecodable as {encoding} (byte {exc.start})") from exc
    _refuse_binary_looking(text)
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


def _refuse_binary_looking(text: str) -> None:
    """Refuse decoded text that is mostly control characters (an image read as GB18030)."""
    sample = text[:8192]
    if not sample:
        return
    controls = len(_CONTROL.findall(sample))
    if "\x00" in sample or controls > max(2, len(sample) // 100):
        raise UnreadableFile("binary file: control characters where text should be")


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
