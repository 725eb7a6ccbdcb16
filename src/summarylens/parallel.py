"""Batches of files on one or many cores, in corpus order, and workers that stop with the run.

Files go to the workers in batches of consecutive files (:func:`file_batches`; the
documents of a batch are classified in one call), at most two batches per worker in
flight; results come back in corpus order, so the output does not depend on ``jobs``.
Workers ignore Ctrl-C (the main process decides) and die with the main process, even
when it is killed outright (Linux ``PR_SET_PDEATHSIG``); a run that stops early, for
whatever reason, terminates them rather than waiting for their batches.

Example::

    >>> [len(b) for b in file_batches([Path(f"{n}.txt") for n in range(40)])]
    [32, 8]
    >>> resolve_jobs(-1, n_files=1)
    1
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from .sections import LayeredLabeller, default_predictor
from .tagging import active_tagger_name, set_subject_tagger

__all__ = ["BATCH_BYTES", "BATCH_FILES", "default_jobs", "file_batches", "map_batches", "resolve_jobs"]

T = TypeVar("T")
#: work on a batch of files: ``function(paths, root, classifier)``
BatchFunction = Callable[[list[Path], Path, "LayeredLabeller | None"], T]

#: a task for one worker: files whose documents are classified together (see
#: :func:`summarylens.pipeline.process_files`); batches depend only on the file list, so
#: the output is the same for any ``jobs``
BATCH_FILES = 32
BATCH_BYTES = 128_000
#: batches in flight per worker: enough to keep the cores busy, few enough for flat memory
WINDOW_PER_JOB = 2


def default_jobs() -> int:
    """All the cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def resolve_jobs(jobs: int | None, n_files: int) -> int:
    """Worker processes for ``jobs`` as joblib reads it, at most one per file.

    ``None`` or ``-1``: all cores; ``-2``: all but one, and so on; ``0`` is an error.
    """
    if jobs is None:
        jobs = -1
    if jobs == 0:
        raise ValueError("--jobs 0 runs nothing: give a number of processes, or -1 for all cores")
    if jobs < 0:
        jobs = max(1, default_jobs() + 1 + jobs)
    return max(1, min(jobs, n_files))


def file_batches(paths: Iterable[Path]) -> Iterator[list[Path]]:
    """Consecutive files in groups of at most :data:`BATCH_FILES` files / :data:`BATCH_BYTES` bytes."""
    batch: list[Path] = []
    size = 0
    for path in paths:
        batch.append(path)
        size += file_size(path)
        if len(batch) >= BATCH_FILES or size >= BATCH_BYTES:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def file_size(path: Path) -> int:
    """Bytes on disk, 0 for what cannot be looked at."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def map_batches(function: BatchFunction[T], batches: Iterable[list[Path]], root: Path,
                jobs: int = 1, classifier: LayeredLabeller | None = None, *,
                here: Callable[[list[Path]], bool] | None = None,
                here_function: BatchFunction[T] | None = None,
                warm_up: Callable[[LayeredLabeller], object] | None = None) -> Iterator[T]:
    """``function(batch, root, classifier)`` for every batch, in order; in ``jobs`` processes if > 1.

    At most ``jobs * WINDOW_PER_JOB`` batches are in flight, so results never pile up in
    memory when writing is slower than processing. Each worker loads the classifier once
    and chooses figure subjects with this process's subject tagger
    (:func:`summarylens.tagging.active_tagger_name`).
    If the caller stops early (an exception, Ctrl-C, SIGTERM), the workers are
    terminated at once. A batch for which ``here(batch)`` is true is run in this process
    by ``here_function`` when its turn comes (a large file whose rows are written as they
    are made, instead of all sent back at once), while the workers go on with the next.
    ``warm_up(classifier)`` runs here before the workers are forked, so that what it loads
    is loaded once for all of them (an error in it is left for the batches to meet).
    """
    if jobs <= 1:
        for batch in batches:
            yield function(batch, root, classifier)
        return
    # load (on a first run: fit) the shipped model once, not in every worker
    shared = classifier if classifier is not None else default_predictor()
    if warm_up is not None:
        with contextlib.suppress(Exception):
            warm_up(shared)
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                               initargs=(shared, active_tagger_name()))
    pending: deque[Future[T] | list[Path]] = deque()

    def result(task: Future[T] | list[Path]) -> T:
        if isinstance(task, list):
            return (here_function or function)(task, root, shared)
        return task.result()

    finished = False
    try:
        for batch in batches:
            if here is not None and here(batch):
                pending.append(batch)
            else:
                with _signals_blocked():  # the first submit forks the workers
                    pending.append(pool.submit(_in_worker, function, batch, root))
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield result(pending.popleft())
        while pending:
            yield result(pending.popleft())
        finished = True
    finally:
        if not finished:
            _terminate(pool)
        pool.shutdown(wait=True, cancel_futures=True)


_STOP_SIGNALS = {signal.SIGINT, signal.SIGTERM}


@contextlib.contextmanager
def _signals_blocked() -> Iterator[None]:
    """Ctrl-C and SIGTERM held back while workers may be forked, delivered right after.

    A worker forked with them blocked starts with them blocked and unblocks them only
    once its own handlers are set (:func:`_init_worker`), so a worker stopped while it
    starts dies quietly instead of running the main process's handler; and the main
    process never takes them inside the at-fork hooks, where an exception is lost.
    """
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _terminate(pool: ProcessPoolExecutor) -> None:
    """Stop the pool's workers now (the standard library waits for their running tasks)."""
    processes = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        if process.is_alive():
            process.terminate()
    for process in list(processes.values()):
        process.join(timeout=5)


_WORKER_CLASSIFIER: Any = None


def _init_worker(classifier: Any, subject_tagger: str = "lexicon") -> None:
    """Keep the classifier and the subject tagger for this process's batches; leave signals
    to the main process.

    Ctrl-C reaches every process of the terminal's group: workers ignore it and the main
    process terminates them. SIGTERM kills a worker quietly. On Linux the worker also
    asks to be killed when the main process dies, so that ``kill -9`` leaves no orphans.
    """
    global _WORKER_CLASSIFIER
    _WORKER_CLASSIFIER = classifier
    set_subject_tagger(subject_tagger)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)
    try:
        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux
        pass
    if os.getppid() == 1:  # the main process died before prctl: nobody waits for us
        os._exit(1)


def _in_worker(function: BatchFunction[T], batch: list[Path], root: Path) -> T:
    return function(batch, root, _WORKER_CLASSIFIER)
