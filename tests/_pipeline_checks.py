"""One check of the whole pipeline's promises on a text, shared by the property tests:
no crash, the documents tile the file, every row's offsets give its text, ids in order."""

from __future__ import annotations

from summarylens.pipeline import process_text


def check_pipeline(text: str) -> None:
    """Process ``text`` and assert the offsets, tiling and id promises of every row."""
    docs = process_text(text, "x.txt")
    if docs:  # the documents tile the whole file: nothing is lost
        assert "".join(d.text for d in docs) == text
    for doc in docs:
        assert text[doc.start:doc.start + len(doc.text)] == doc.text
        for p in doc.paragraphs:
            assert doc.text[p.start:p.end] == p.text
        for f in doc.figures:
            assert doc.text[f.start:f.end] == f.raw
            assert f.para_id is not None and f.fig_id is not None
        ids = [f.fig_id for f in doc.figures]
        assert ids == list(range(len(ids)))
        for r in doc.relations:
            assert 0 <= r.total_fig_id < len(ids) and all(0 <= i < len(ids) for i in r.part_fig_ids)
