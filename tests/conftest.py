"""Shared fixtures: the shipped corpus and the user's sample document."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

# The default section model caches itself on disk (summarylens.sections.persistence, under
# $SUMMARYLENS_CACHE_DIR): the tests' copy goes to a folder of this session, out of the
# user's home, and is removed when the session ends. Subprocesses inherit the variable.
_CACHE = tempfile.TemporaryDirectory(prefix="summarylens-test-cache-")
os.environ["SUMMARYLENS_CACHE_DIR"] = _CACHE.name

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = CORPUS / "000_0c8ed3b9e15e8dcd.txt"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Remove the session's model cache (a fitted model and its arrays, some megabytes)."""
    _CACHE.cleanup()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def seed_text() -> str:
    from summarylens.io import read_text

    return read_text(SEED)[0]


@pytest.fixture(scope="session")
def shipped_corpus():
    """The shipped corpus read once per test session."""
    import summarylens as sl

    return sl.read_corpus(CORPUS)


@pytest.fixture(scope="session")
def frame():
    """The shipped section labels as a training frame (with heading paths)."""
    from summarylens.sections import shipped_labels_dir, training_frame

    return training_frame(shipped_labels_dir())


@pytest.fixture(scope="session")
def fitted(frame):
    """A SectionClassifier fitted on the shipped labels (shared: do not modify it)."""
    from summarylens.sections.estimator import SectionClassifier

    return SectionClassifier().fit(frame)
