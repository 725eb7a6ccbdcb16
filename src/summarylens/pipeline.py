"""One file through every stage: decode → split → segment → classify → figures.

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

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from . import classify
from .dedup import signature
from .figures import find_figures
from .io import UnreadableFile, read_text
from .meta import document_facts
from .model import Document, Figure, Paragraph, ReadError, Relation
from .segment import segment_text
from .split import split_documents

#: paragraph kinds whose words are the report itself (figures, topics, duplicates)
CONTENT_KINDS = frozenset({"heading", "body"})


@dataclass(frozen=True, slots=True)
class FileResult:
    """What one source file gives: its documents and their MinHash signatures, or an error."""

    source: str
    documents: tuple[Document, ...] = ()
    signatures: tuple[np.ndarray | None, ...] = ()
    error: ReadError | None = None
    encoding: str | None = None


def process_file(path: str | Path, root: str | Path, model: classify.SectionClassifier | None = None) -> FileResult:
    """Read and process one file; a file that cannot be read gives a result with ``error``."""
    path, root = Path(path), Path(root)
    source = path.name if path == root else path.relative_to(root).as_posix()
    try:
        text, encoding = read_text(path)
    except UnreadableFile as exc:
        return FileResult(source, error=ReadError(source, str(exc)))
    documents = process_text(text, source, model=model)
    signatures = tuple(signature(content_text(doc)) for doc in documents)
    return FileResult(source, tuple(documents), signatures, encoding=encoding)


def process_text(text: str, source: str = "<text>", model: classify.SectionClassifier | None = None) -> list[Document]:
    """Split, segment, classify and extract figures from one file's decoded text."""
    documents = []
    for n, span in enumerate(split_documents(text), start=1):
        doc_text = text[span.start:span.end]
        paragraphs = classify.label_paragraphs(segment_text(doc_text), model=model)
        figures, relations = _document_figures(paragraphs)
        title_row = next((p.text for p in paragraphs if p.kind == "title"), None)
        opening = next((p.text for p in paragraphs if p.kind == "body"), None)
        facts = document_facts(title_row, opening, span.fragment)
        documents.append(Document(
            doc_id=f"{source}#{n}", source=source, text=doc_text, start=span.start,
            title=facts.title, org=facts.org, period=facts.period, year=facts.year,
            fragment=span.fragment, paragraphs=tuple(paragraphs),
            figures=tuple(figures), relations=tuple(relations),
        ))
    return documents


def content_text(document: Document) -> str:
    """The words of a document's headings and body, for near-duplicate comparison."""
    return "\n".join(p.text for p in document.paragraphs if p.kind in CONTENT_KINDS)


def _document_figures(paragraphs: Sequence[Paragraph]) -> tuple[list[Figure], list[Relation]]:
    """Figures of every heading and body paragraph, in document offsets, numbered in order."""
    figures: list[Figure] = []
    relations: list[Relation] = []
    for paragraph in paragraphs:
        if paragraph.kind not in CONTENT_KINDS:
            continue
        found, found_relations = find_figures(paragraph.text)
        first_id = len(figures)
        figures.extend(
            replace(f, start=f.start + paragraph.start, end=f.end + paragraph.start,
                    para_id=paragraph.para_id, fig_id=first_id + i, topic=paragraph.topic)
            for i, f in enumerate(found)
        )
        relations.extend(
            replace(r, total_fig_id=first_id + r.total_fig_id,
                    part_fig_ids=tuple(first_id + i for i in r.part_fig_ids))
            for r in found_relations
        )
    return figures, relations
