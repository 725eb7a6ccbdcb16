"""One file through every stage: decode → view → split → segment → classify → figures.

The stages read the normalised view of the text (:mod:`summarylens.normalise`: simplified
characters, folded punctuation, stray spaces left out); the rows they give are mapped
back, so offsets and ``text``/``raw`` are those of the decoded original. Values read off
the view keep its form: ``org``, a figure's ``subject`` and ``sentence`` of a page in
traditional script are in simplified characters ("寮步鎮總工會" → ``org`` "寮步镇总工会").

:func:`process_text` is pure and per file, so it runs the same in a worker process, a
Dask task or a loop. Near-duplicates need the documents that came *before*, so they are
marked afterwards, in corpus order, by :class:`summarylens.dedup.DuplicateIndex` from
the signatures returned here.

Example::

    >>> docs = process_text("机械厂工会2023年上半年工作总结\\n一、送温暖。慰问困难职工12户。", "a.txt")
    >>> docs[0].doc_id, docs[0].year, [f.raw for f in docs[0].figures]
    ('a.txt#1', 2023, ['12户'])
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from .dedup import repeated_rows, signature
from .figures import find_figures
from .io import UnreadableFile, display_path, read_text
from .meta import clean_title, document_facts, opening_text
from .normalise import View, original_figures, original_paragraphs, view
from .records import CONTENT_KINDS, Document, DocumentSpan, Figure, Paragraph, ReadError, Relation
from .sections import TOPIC_KINDS, LayeredLabeller, default_predictor, label_paragraphs
from .segmentation import segment_text
from .split import split_documents

#: paragraph kinds whose words are the report itself (figures, topics, duplicates)


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one source file gives: its documents and their MinHash signatures, or an error."""

    source: str
    documents: tuple[Document, ...] = ()
    signatures: tuple[np.ndarray | None, ...] = ()
    error: ReadError | None = None
    encoding: str | None = None


def process_file(path: str | Path, root: str | Path, classifier: LayeredLabeller | None = None) -> FileResult:
    """Read and process one file; a file that cannot be read gives a result with ``error``."""
    return process_files([path], root, classifier)[0]


def process_files(paths: Sequence[str | Path], root: str | Path,
                  classifier: LayeredLabeller | None = None) -> list[FileResult]:
    """:func:`process_file` for several files at once, with one classifier call for all.

    The results are those of :func:`process_file` on each file, in order; classifying
    the documents of many files together saves the per-call cost of scikit-learn.
    """
    root = Path(root)
    with collector_paused():
        read = [_read(Path(path), root) for path in paths]
        drafts = [_drafts(text) if isinstance(text, str) else [] for _source, text, _enc in read]
        labelled = iter(label_documents([d.paragraphs for file in drafts for d in file], classifier))
        results = []
        for (source, text, encoding), file_drafts in zip(read, drafts, strict=True):
            if isinstance(text, ReadError):
                results.append(FileResult(source, error=text))
                continue
            labels = [next(labelled) for _draft in file_drafts]
            documents = tuple(_finish(source, n, draft, paragraphs)
                              for n, (draft, paragraphs) in enumerate(zip(file_drafts, labels, strict=True), start=1))
            signatures = tuple(signature(_content(paragraphs)) for paragraphs in labels)
            results.append(FileResult(source, documents, signatures, encoding=encoding))
    return results


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector switched off for the block, then back on if it was on.

    A batch of files makes many short-lived objects (paragraphs, figures, row tuples) that
    reference counting frees; the collector would still walk them about a hundred times
    per 3 MB of files. Paused, it walks once what the block leaves alive when it is back
    on: the documents :func:`process_files` returns, or nothing much when ``summarylens
    extract`` pauses it until they are rendered as CSV. Hardly any objects form cycles;
    those are collected after the block. (The README's speed section has the timings.)

    >>> import gc
    >>> with collector_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def file_signatures(paths: Sequence[str | Path], root: str | Path) -> list[tuple[str, np.ndarray | None]]:
    """``(doc_id, MinHash signature)`` of every document of the files, without classifying.

    The signatures equal those of :func:`process_files` (they read only the segmented
    headings and body), at a fraction of the cost: a first pass for near-duplicates.
    """
    root = Path(root)
    out: list[tuple[str, np.ndarray | None]] = []
    for path in paths:
        source, text, _encoding = _read(Path(path), root)
        if isinstance(text, str):
            out.extend((f"{source}#{n}", signature(_content(draft.paragraphs)))
                       for n, draft in enumerate(_drafts(text), start=1))
    return out


def process_text(text: str, source: str = "<text>", classifier: LayeredLabeller | None = None) -> list[Document]:
    """Split, segment, classify and extract figures from one file's decoded text."""
    drafts = _drafts(text)
    labelled = label_documents([d.paragraphs for d in drafts], classifier)
    return [_finish(source, n, draft, paragraphs)
            for n, (draft, paragraphs) in enumerate(zip(drafts, labelled, strict=True), start=1)]


@dataclass(frozen=True, slots=True)
class _Draft:
    """A document cut out and segmented, not yet classified.

    ``span`` is in offsets of the original file text, ``view`` is the document's view
    (its ``original`` the document's text); ``paragraphs`` are in view offsets and words.
    """

    span: DocumentSpan
    view: View
    paragraphs: list[Paragraph]


def _read(path: Path, root: Path) -> tuple[str, str | ReadError, str | None]:
    """``(source, text, encoding)``, or ``(source, ReadError, None)`` for an unreadable file."""
    source = source_name(path, root)
    try:
        text, encoding = read_text(path)
    except UnreadableFile as exc:
        return source, ReadError(source, str(exc)), None
    return source, text, encoding


def source_name(path: Path, root: Path) -> str:
    r"""A file's ``source``: its path below ``root`` (its name if it is ``root``), bytes of a
    name that is not UTF-8 escaped as ``\xNN`` (:func:`summarylens.io.display_path`)."""
    return display_path(path.name if path == root else path.relative_to(root).as_posix())


def _drafts(text: str) -> list[_Draft]:
    """Split a file's text into documents and segment each, on the file's view."""
    file_view = view(text)
    return [_draft(file_view, span) for span in split_documents(file_view.text)]


def _draft(file_view: View, span: DocumentSpan) -> _Draft:
    """One document, segmented on the file's view; its span in the original's offsets."""
    start, end = file_view.cover(span.start, span.end)
    original_span = replace(
        span, start=start, end=end,
        noise=tuple(file_view.span(s, e) for s, e in span.noise),
        site_titles=tuple(file_view.span(s, e) for s, e in span.site_titles))
    doc_view = file_view.part(span.start, span.end, start, end)
    return _Draft(original_span, doc_view, segment_text(doc_view.text))


def process_file_in_pieces(path: str | Path, root: str | Path, classifier: LayeredLabeller | None = None,
                           piece_chars: int = 1_000_000) -> Iterator[FileResult]:
    """:func:`process_file` for a file too large to hold all its documents at once.

    Yields results of the same ``source``, each with the next documents of the file
    (about ``piece_chars`` characters of them; documents numbered across pieces), so that
    a caller writing rows as they come holds one piece at a time: a 100 MB dump of 工作总结
    is its text and one piece, not every paragraph and figure of it. The documents are
    those :func:`process_file` gives (labelling documents together or apart gives the
    same labels). An unreadable file gives one result with ``error``; a file with no
    document gives one result with none.
    """
    source, text, encoding = _read(Path(path), Path(root))
    if isinstance(text, ReadError):
        yield FileResult(source, error=text)
        return
    file_view = view(text)
    spans: list[DocumentSpan] = []
    size, first, yielded = 0, 1, False
    for span in [*split_documents(file_view.text), None]:
        if span is not None:
            spans.append(span)
            size += span.end - span.start
            if size < piece_chars:
                continue
        if not spans and yielded:
            break
        with collector_paused():
            drafts = [_draft(file_view, s) for s in spans]
            labelled = label_documents([d.paragraphs for d in drafts], classifier)
            documents = tuple(_finish(source, n, draft, paragraphs) for n, (draft, paragraphs)
                              in enumerate(zip(drafts, labelled, strict=True), start=first))
            signatures = tuple(signature(_content(paragraphs)) for paragraphs in labelled)
            del drafts, labelled
        yield FileResult(source, documents, signatures, encoding=encoding)
        first += len(documents)
        spans, size, yielded = [], 0, True


def _finish(source: str, n: int, draft: _Draft, paragraphs: list[Paragraph]) -> Document:
    """Figures and document facts of a classified draft: the finished document.

    Figures and facts are read on the view; paragraphs and figures are then moved to
    the original's offsets and words.
    """
    flags = repeated_rows([p.text for p in paragraphs], [p.kind for p in paragraphs])
    if any(flags):
        paragraphs = [replace(p, repeated=True) if flag else p for p, flag in zip(paragraphs, flags, strict=True)]
    figures, relations = _document_figures(paragraphs)
    title = next((p for p in paragraphs if p.kind == "title"), None)
    body = [p.text for p in paragraphs if p.kind in CONTENT_KINDS]
    opening = opening_text([p.text for p in paragraphs if p.kind == "body"])
    facts = document_facts(title.text if title else None, opening, draft.span.fragment, body)
    doc_view = draft.view
    if doc_view.text != doc_view.original:
        paragraphs = original_paragraphs(doc_view, paragraphs)
        figures = original_figures(doc_view, figures)
    title_text = None
    if title is not None:   # the title as written, not as viewed
        s, e = doc_view.span(title.start, title.end)
        title_text = clean_title(doc_view.original[s:e])
    return Document(
        doc_id=f"{source}#{n}", source=source, text=doc_view.original, start=draft.span.start,
        title=title_text, org=facts.org, period=facts.period, year=facts.year,
        fragment=draft.span.fragment, paragraphs=tuple(paragraphs),
        figures=tuple(figures), relations=tuple(relations),
    )


def label_documents(documents: Sequence[Sequence[Paragraph]],
                    classifier: LayeredLabeller | None = None) -> list[list[Paragraph]]:
    """:func:`summarylens.sections.label_paragraphs` for many documents, in one classifier call.

    Gives exactly what labelling each document on its own gives (``tests/test_scale.py``
    checks it on the shipped corpus). A classifier whose ``label`` method is its own (not the
    stock layered one) is called document by document.

    >>> from summarylens.segmentation import segment_text
    >>> [[p.topic for p in doc] for doc in label_documents([segment_text("三、送温暖\\n慰问困难职工73户。")])]
    [['welfare', 'welfare']]
    """
    if not any(p.kind in TOPIC_KINDS for doc in documents for p in doc):
        return [list(doc) for doc in documents]
    classifier = classifier or default_predictor()
    if isinstance(classifier, LayeredLabeller) and type(classifier).label is LayeredLabeller.label:
        return classifier.label_documents(documents)
    return [label_paragraphs(doc, classifier) for doc in documents]


#: a short report of my own words that passes every stage: title, headings, a lead-in,
#: figures of several kinds with subjects, per-unit words and a 共计……其中 group
_WARM_UP_TEXT = """红星机械厂工会2023年工作总结
一、关心职工生活
在帮扶方面，春节期间走访慰问困难职工家庭12户，每户发放慰问金800元，共计9600元。
二、开展劳动竞赛
全年组织技能比武3场，参赛职工共计216人，其中青年职工129人，女职工87人。
三、2024年工作打算
下一步，厂工会将继续加强职工之家建设。
红星机械厂工会
2023年12月28日
"""


def warm_up(classifier: LayeredLabeller | None = None) -> None:
    """Load now what the stages load on first use: word lists, patterns, the subject
    tagger, the model's lookup tables.

    Called before worker processes are forked (:func:`summarylens.parallel.map_batches`),
    so that they share what this process loaded instead of each loading it again. It
    processes a short report of its own and keeps nothing of it; what it fills are
    per-text caches, which give every text the answer it would get without them.
    """
    process_text(_WARM_UP_TEXT, "<warm-up>", classifier)


def content_text(document: Document) -> str:
    """The words of a document's headings and body, for near-duplicate comparison."""
    return _content(document.paragraphs)


def _content(paragraphs: Sequence[Paragraph]) -> str:
    return "\n".join(p.text for p in paragraphs if p.kind in CONTENT_KINDS)


def _document_figures(paragraphs: Sequence[Paragraph]) -> tuple[list[Figure], list[Relation]]:
    """Figures of every heading and body paragraph, in document offsets, numbered in order."""
    figures: list[Figure] = []
    relations: list[Relation] = []
    for paragraph in paragraphs:
        if paragraph.kind not in CONTENT_KINDS:
            continue
        found, found_relations = find_figures(  # built in place: document offsets, ids, topic
            paragraph.text, offset=paragraph.start, para_id=paragraph.para_id,
            first_fig_id=len(figures), topic=paragraph.topic)
        figures.extend(found)
        relations.extend(found_relations)
    return figures, relations


__all__ = [
    "CONTENT_KINDS",
    "FileResult",
    "collector_paused",
    "content_text",
    "file_signatures",
    "label_documents",
    "process_file",
    "process_file_in_pieces",
    "process_files",
    "process_text",
    "source_name",
    "warm_up",
]
