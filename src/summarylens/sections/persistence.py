"""Saving, loading and caching section models.

* :func:`save_model`/:func:`load_model` write and read a fitted
  :class:`~summarylens.sections.SectionClassifier` with joblib, together with its
  training rows: a file made under another scikit-learn version is refitted from them,
  never unpickled.
* :func:`default_model` is the shipped model, fitted from the shipped labels once per
  process and cached on disk: under ``$SUMMARYLENS_CACHE_DIR`` if set, else
  ``$XDG_CACHE_HOME/summarylens`` or ``~/.cache/summarylens``; ``SUMMARYLENS_NO_CACHE=1``
  turns the cache off. The cache file is named by the package version, the scikit-learn
  version and a hash of the labels, this package's code and its lexicons, so a stale
  cache is never read (and is removed when a new one is written).

    >>> path = cache_path(Path("no-labels"), ".npz")
    >>> path is None or (path.name.startswith("sections-") and path.suffix == ".npz")
    True
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import tempfile
import threading
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import lexicons

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .estimator import SectionClassifier

__all__ = ["MODEL_FORMAT", "cache_path", "default_model", "load_model", "save_model"]

#: version of the saved model file layout (see :func:`save_model`)
MODEL_FORMAT = 1
#: the lexicons a fitted default model depends on (their text is part of the cache key)
_LEXICONS = ("topic_cues", "topic_cue_exclusions", "future_cues", "past_cues", "problem_cues", "plan_cues",
             "closing_cues", "preamble_cues", "work_cues")


def _sklearn_version() -> str:
    """The installed scikit-learn version, without importing it (that takes seconds).

    Read from the name of the ``scikit_learn-<version>.dist-info`` folder beside the
    package: one directory listing, where ``importlib.metadata`` would import itself and
    scan the whole path at every start-up. Its metadata when there is no one such folder.

    >>> _sklearn_version() == __import__("sklearn").__version__
    True
    """
    from importlib.util import find_spec

    spec = find_spec("sklearn")
    if spec is not None and spec.origin:
        found = [folder.name.removeprefix("scikit_learn-").removesuffix(".dist-info")
                 for folder in Path(spec.origin).parents[1].glob("scikit_learn-*.dist-info")]
        if len(found) == 1:
            return found[0]
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("scikit-learn")
    except PackageNotFoundError:  # pragma: no cover - an unusual install
        import sklearn

        return sklearn.__version__


def save_model(model: SectionClassifier, path: str | Path,
               training: pd.DataFrame | None = None) -> Path:
    """Save a fitted model with joblib, with its training rows so it can be refitted.

    The file records the scikit-learn version; :func:`load_model` refits from the stored
    rows instead of unpickling a model made by another version.
    """
    import joblib

    buffer = io.BytesIO()
    joblib.dump(model, buffer)
    payload = {
        "format": MODEL_FORMAT, "sklearn": _sklearn_version(), "params": model.get_params(),
        "estimator": buffer.getvalue(),
        "training": None if training is None else _plain_training(training),
    }
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    joblib.dump(payload, path)
    return path


_TRAINING_COLUMNS = ("doc_id", "para_id", "kind", "heading_path", "topic", "role", "text")


def _plain_training(frame: pd.DataFrame) -> dict[str, list[Any]]:
    """Training rows as plain Python lists: readable by any pandas/scikit-learn version."""
    import pandas as pd

    columns = [c for c in _TRAINING_COLUMNS if c in frame.columns]
    return {c: [None if v is pd.NA or v != v else v for v in frame[c].astype(object).tolist()]
            for c in columns}


def load_model(path: str | Path) -> SectionClassifier:
    """Load a model saved by :func:`save_model` / ``summarylens train``.

    A model saved under another scikit-learn version (or by a summarylens whose classes
    have since moved) is refitted from the training rows stored in the file (same
    parameters), with a warning; one from another scikit-learn is never unpickled.
    """
    import joblib
    import pandas as pd

    payload = joblib.load(Path(path))
    if not isinstance(payload, dict) or payload.get("format") != MODEL_FORMAT:
        raise ValueError(f"{path} is not a summarylens section model")
    same_sklearn = payload["sklearn"] == _sklearn_version()
    model = _unpickle(payload["estimator"]) if same_sklearn else None
    if model is not None:
        return model
    maker = ("an older summarylens (its classes have moved)" if same_sklearn else
             f"scikit-learn {payload['sklearn']} (this is {_sklearn_version()})")
    if payload.get("training") is None:
        raise ValueError(f"{path} was saved by {maker} without its training rows; "
                         f"retrain it with 'summarylens train'")
    warnings.warn(f"{path} was saved by {maker}; refitting it from its stored labels", stacklevel=2)
    from .estimator import SectionClassifier

    return SectionClassifier(**payload["params"]).fit(pd.DataFrame(payload["training"]))


def _unpickle(blob: bytes) -> SectionClassifier | None:
    """A pickled model of this very scikit-learn version, or None if it does not load."""
    import joblib

    try:
        model = joblib.load(io.BytesIO(blob))
    except Exception:  # an old summarylens class, a damaged file: refit instead
        return None
    from .estimator import SectionClassifier

    return model if isinstance(model, SectionClassifier) else None


_LOADED_LOCK = threading.RLock()  # re-entrant: the predictor's loader asks for the model
_LOADED: dict[str, Any] = {}


def once_per_process(name: str, load: Any) -> Any:
    """``load()`` the first time ``name`` is asked for in this process, the same object after."""
    with _LOADED_LOCK:
        if name not in _LOADED:
            _LOADED[name] = load()
        return _LOADED[name]


def _labels_digest(folder: Path) -> str:
    """A hash of what the default model is made from: this package's code, its lexicons, the labels."""
    digest = hashlib.sha256()
    for code in sorted(Path(__file__).parent.glob("*.py")):  # every module of this package
        digest.update(code.name.encode())
        digest.update(code.read_bytes())
    for name in _LEXICONS:
        digest.update(repr(lexicons.load(name).rows).encode())
    for path in sorted(folder.rglob("*.tsv")):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def cache_path(folder: Path, suffix: str = ".joblib") -> Path | None:
    """Where the default model is cached (``.npz``: its arrays), or None when caching is off."""
    if os.environ.get("SUMMARYLENS_NO_CACHE"):
        return None
    from .. import __version__

    home_cache = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    root = os.environ.get("SUMMARYLENS_CACHE_DIR") or os.path.join(home_cache, "summarylens")
    name = f"sections-{__version__}-sklearn{_sklearn_version()}-{_labels_digest(folder)}{suffix}"
    return Path(root) / name


def default_model() -> SectionClassifier:
    """The shipped model, trained from the shipped labels once per process (no download).

    The fitted model is cached on disk under ``~/.cache/summarylens`` (or
    ``$SUMMARYLENS_CACHE_DIR``), keyed by the scikit-learn version and a hash of the
    labels, lexicons and code, so a cache from another version is never read; set
    ``SUMMARYLENS_NO_CACHE=1`` to always train.
    """
    return once_per_process("model", _load_or_train_default)


def _load_or_train_default() -> SectionClassifier:
    from .estimator import SectionClassifier
    from .training import shipped_labels_dir, training_frame

    folder = shipped_labels_dir()
    cache = cache_path(folder)
    if cache is not None and cache.exists():
        model = _unpickle(cache.read_bytes())
        if model is not None:
            return model
    model = SectionClassifier().fit(training_frame(folder))
    if cache is not None:
        _write_cache(model, cache)
    return model


def _write_cache(model: SectionClassifier, cache: Path) -> None:
    """Write the fitted model's cache (joblib)."""
    import joblib

    write_atomically(cache, lambda handle: joblib.dump(model, handle))


def write_atomically(cache: Path, write: Any) -> None:
    """``write(handle)`` to a temporary file moved onto ``cache``; stale versions are removed.

    A read-only cache folder just means no cache.
    """
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=cache.parent, suffix=".tmp", delete=False) as handle:
            write(handle)
        os.replace(handle.name, cache)
        _remove_stale(cache)
    except OSError:
        with contextlib.suppress(OSError, NameError):
            os.unlink(handle.name)


def _remove_stale(cache: Path) -> None:
    """Delete the caches of other versions (same kind of file as ``cache``)."""
    for stale in cache.parent.glob(f"sections-*{cache.suffix}"):
        if stale != cache:
            stale.unlink(missing_ok=True)

