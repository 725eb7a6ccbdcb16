"""Usage and environment errors: one sentence, exit status 2, no traceback; API argument errors."""

from __future__ import annotations

import subprocess
import sys

import pytest

import summarylens as sl
from summarylens.cli import main
from summarylens.parallel import default_jobs, resolve_jobs

REPORT = "机械厂工会2023年工作总结\n一、送温暖\n春节期间慰问困难职工24户，发放慰问金2.6万元。\n"


@pytest.fixture()
def corpus(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(REPORT, encoding="utf-8")
    return folder


def _one_sentence(capsys) -> str:
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("summarylens: error: ")
    return lines[0]


def test_out_that_is_a_file(corpus, tmp_path, capsys):
    target = tmp_path / "taken.csv"
    target.write_text("keep me", encoding="utf-8")
    assert main(["extract", str(corpus), "--out", str(target)]) == 2
    assert "is a file, not a folder" in _one_sentence(capsys)
    assert target.read_text(encoding="utf-8") == "keep me"


def test_missing_corpus(tmp_path, capsys):
    assert main(["extract", str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert "no such corpus folder" in _one_sentence(capsys)
    assert main(["extract", "", "--out", str(tmp_path / "out")]) == 2
    assert "empty" in _one_sentence(capsys)


def test_garbage_and_missing_model(corpus, tmp_path, capsys):
    garbage = tmp_path / "model.joblib"
    garbage.write_bytes(b"\x80\x04not a pickle at all" * 10)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--model", str(garbage)]) == 2
    assert "cannot load the model" in _one_sentence(capsys)
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--model", str(tmp_path / "no")]) == 2
    assert "no such model file" in _one_sentence(capsys)
    assert not (tmp_path / "out").exists()


def test_parquet_without_pyarrow(corpus, tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--format", "parquet"]) == 2
    assert 'pip install "summarylens[parquet]"' in _one_sentence(capsys)


def test_unwritable_out(corpus, capsys):
    assert main(["extract", str(corpus), "--out", "/proc/summarylens/out"]) == 2
    _one_sentence(capsys)


def test_jobs_zero_is_an_error(corpus, tmp_path, capsys):
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--jobs", "0"]) == 2
    assert "--jobs 0" in _one_sentence(capsys)


def test_debug_shows_the_traceback(tmp_path, corpus, capsys):
    garbage = tmp_path / "model.joblib"
    garbage.write_bytes(b"garbage")
    assert main(["extract", str(corpus), "--out", str(tmp_path / "out"), "--model", str(garbage), "--debug"]) == 2
    assert "Traceback" in capsys.readouterr().err


def test_a_usage_error_in_a_real_process(tmp_path):
    done = subprocess.run([sys.executable, "-m", "summarylens", "extract", str(tmp_path / "nowhere"),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert done.stderr.strip().splitlines() == [f"summarylens: error: no such corpus folder: {tmp_path / 'nowhere'}"]


def test_jobs_as_joblib_reads_them():
    cores = default_jobs()
    assert resolve_jobs(-1, 10_000) == cores
    assert resolve_jobs(None, 10_000) == cores
    assert resolve_jobs(-2, 10_000) == max(1, cores - 1)
    assert resolve_jobs(1000, 3) == 3  # never more workers than files
    assert resolve_jobs(4, 0) == 1
    with pytest.raises(ValueError, match="--jobs 0"):
        resolve_jobs(0, 5)


def test_api_arguments_are_checked():
    with pytest.raises(ValueError, match="empty"):
        sl.read_corpus("")
    with pytest.raises(TypeError, match="str or Path"):
        sl.read_corpus(None)
    with pytest.raises(TypeError, match="segment"):
        sl.segment(None)
    with pytest.raises(TypeError, match="extract_figures"):
        sl.extract_figures(None)
    with pytest.raises(TypeError, match="str"):
        sl.extract_figures(b"\xe5\xb7\xa5")


def test_an_unexpected_error_is_one_sentence_and_leaves_out_alone(corpus, tmp_path, capsys, monkeypatch):
    from summarylens import filerows

    def broken(*args, **kwargs):
        raise RuntimeError("a worker process died")

    monkeypatch.setattr(filerows, "map_batches", broken)
    out = tmp_path / "out"
    assert main(["extract", str(corpus), "--out", str(out)]) == 2
    message = _one_sentence(capsys)
    assert "the run failed (RuntimeError: a worker process died)" in message
    assert not out.exists()
