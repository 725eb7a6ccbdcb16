"""Output folders are whole or untouched: kill, interrupt and race real runs (subprocesses)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from summarylens.output import RECORD, atomic_output, read_record, write_record
from summarylens.reading import read_tables

pytestmark = pytest.mark.slow


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def small_corpus(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("small")
    for path in sorted(corpus_dir.glob("*.txt"))[:3]:
        shutil.copy(path, folder)
    return folder


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory, corpus_dir):
    """Enough files for a run of a few seconds, long enough to be caught half-way."""
    folder = tmp_path_factory.mktemp("big")
    for n in range(12):
        copy = folder / f"part{n:02d}"
        copy.mkdir()
        for path in corpus_dir.rglob("*.txt"):
            shutil.copy(path, copy / f"{n}_{path.name}")
    return folder


@pytest.fixture()
def finished(tmp_path, small_corpus):
    """An output folder holding a complete result, and its bytes."""
    out = tmp_path / "out"
    assert _run(small_corpus, out).wait(timeout=120) == 0
    return out, _snapshot(out)


def _run(corpus: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "summarylens", "extract", str(corpus), "--out", str(out), "--quiet", *extra]
    return subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _wait_until_writing(process: subprocess.Popen[bytes], out: Path) -> None:
    """Until the run's temporary folder holds a table file being written."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(out.parent.glob(f".{out.name}.tmp-*/documents.csv")):
            return
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        time.sleep(0.005)
    raise AssertionError("the run never started writing")


def _children(pid: int, at_least: int = 2) -> list[int]:
    """The worker processes of a run, once it has started ``at_least`` of them."""
    psutil = pytest.importorskip("psutil")
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        children = [child.pid for child in psutil.Process(pid).children(recursive=True)]
        if len(children) >= at_least:
            return children
        time.sleep(0.005)
    raise AssertionError("the run started no workers")


def _gone(pids: list[int], timeout: float = 10) -> bool:
    psutil = pytest.importorskip("psutil")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        alive = [p for p in pids if psutil.pid_exists(p) and psutil.Process(p).status() != psutil.STATUS_ZOMBIE]
        if not alive:
            return True
        time.sleep(0.05)
    return False


def test_sigkill_leaves_the_previous_result_byte_identical(finished, big_corpus, small_corpus):
    out, before = finished
    process = _run(big_corpus, out, "-j", "2")
    _wait_until_writing(process, out)
    workers = _children(process.pid)
    process.kill()
    process.wait(timeout=30)
    assert _snapshot(out) == before
    assert _gone(workers), "workers outlived a killed run"
    assert list(out.parent.glob(f".{out.name}.tmp-*"))  # what the killed run left
    # the next run clears the dead run's temporary folder and writes a complete result
    assert _run(small_corpus, out, "-j", "2").wait(timeout=300) == 0
    assert not list(out.parent.glob(f".{out.name}.tmp-*"))
    assert read_record(out)["files"] == {"read": 3}


@pytest.mark.parametrize(("sig", "code", "words"), [(signal.SIGTERM, 143, "stopped (SIGTERM)"),
                                                    (signal.SIGINT, 130, "interrupted (Ctrl-C)")])
def test_sigterm_and_ctrl_c_stop_the_workers_and_keep_the_result(finished, big_corpus, sig, code, words):
    out, before = finished
    process = _run(big_corpus, out, "-j", "2")
    _wait_until_writing(process, out)
    workers = _children(process.pid)
    assert workers
    process.send_signal(sig)
    _, err = process.communicate(timeout=60)
    assert process.returncode == code, err
    assert err.decode().strip().splitlines() == [f"summarylens: {words}; {out} was left as it was"], err
    assert _gone(workers)
    assert _snapshot(out) == before
    assert not list(out.parent.glob(f".{out.name}.tmp-*"))


def test_two_runs_into_one_folder_never_mix(tmp_path, big_corpus, small_corpus):
    out = tmp_path / "out"
    first = _run(big_corpus, out, "-j", "1")
    _wait_until_writing(first, out)
    second = _run(small_corpus, out, "-j", "1")
    _, err = second.communicate(timeout=60)
    assert second.returncode == 2
    message = err.decode().strip().splitlines()
    assert len(message) == 1 and "another summarylens run" in message[0] and str(out) in message[0]
    assert first.wait(timeout=300) == 0
    files = read_tables(out)["files"]
    n_files = sum(1 for _ in big_corpus.rglob("*.txt"))          # 12 copies of corpus/
    assert len(files) == n_files and files["source"].str.startswith("part").all()


def test_two_runs_started_together_one_writes_the_other_stops(tmp_path, small_corpus):
    out = tmp_path / "out"
    runs = [_run(small_corpus, out), _run(small_corpus, out)]
    codes = sorted(run.wait(timeout=120) for run in runs)
    assert codes in ([0, 2], [0, 0])  # [0, 0] if the first finished before the second looked
    assert read_record(out) is not None and len(read_tables(out)["files"]) == 3


def test_a_failed_run_leaves_the_previous_result(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "documents.csv").write_text("old", encoding="utf-8")
    (out / RECORD).write_text("{}", encoding="utf-8")
    before = _snapshot(out)
    with pytest.raises(RuntimeError), atomic_output(out) as temp:
        (temp / "documents.csv").write_text("new", encoding="utf-8")
        raise RuntimeError("a table could not be written")
    assert _snapshot(out) == before
    assert sorted(os.listdir(tmp_path)) == ["out"]   # no temporary folder, no lock file


def test_a_run_leaves_no_lock_file_and_a_held_lock_keeps_others_out(tmp_path):
    import fcntl

    from summarylens.output import OutputBusy

    out = tmp_path / "工会结果"
    with atomic_output(out) as temp:
        assert (tmp_path / ".工会结果.lock").exists()        # held while writing
        write_record(temp, {"format": "csv"})
    assert sorted(os.listdir(tmp_path)) == ["工会结果"]
    with open(tmp_path / ".工会结果.lock", "a+", encoding="utf-8") as held:  # another run's lock
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(OutputBusy), atomic_output(out):
            pass


def test_a_folder_with_other_files_keeps_them(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.md").write_text("mine", encoding="utf-8")
    (out / "documents.parquet").write_bytes(b"stale")
    with atomic_output(out) as temp:
        (temp / "documents.csv").write_text("new", encoding="utf-8")
        (temp / RECORD).write_text("{}", encoding="utf-8")
    assert sorted(os.listdir(out)) == [RECORD, "documents.csv", "notes.md"]
    assert (out / "notes.md").read_text(encoding="utf-8") == "mine"
