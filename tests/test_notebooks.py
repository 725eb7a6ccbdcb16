"""Every notebook runs top to bottom in a fresh ``python3`` kernel, with Chinese that renders.

Each notebook is executed with nbclient from a copy of ``notebooks/`` whose ``../corpus``
is the shipped corpus, so that the files a notebook writes (``out/``) stay out of the
repository. A cell that raises, or any output that reports a glyph missing from the font
(matplotlib draws an empty box for it), fails the test.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
KERNEL = "python3"
#: what matplotlib says when it draws a box instead of a character, and what summarylens
#: says when no CJK font is installed
BAD_OUTPUT = ("missing from font", "MissingCJKFontWarning", "No Chinese (CJK) font found")
#: notebooks that must draw at least this many plots
MIN_PLOTS = {"02_figures": 4, "03_sections": 6, "04_words": 3}


def workspace(tmp_path: Path) -> Path:
    """A copy of the notebooks folder next to the corpus, as in the repository."""
    notebooks = tmp_path / "notebooks"
    notebooks.mkdir()
    try:
        (tmp_path / "corpus").symlink_to(ROOT / "corpus", target_is_directory=True)
    except OSError:  # no symlinks (Windows without developer mode): copy
        shutil.copytree(ROOT / "corpus", tmp_path / "corpus")
    return notebooks


def execute(path: Path, cwd: Path) -> nbformat.NotebookNode:
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(nb, timeout=600, kernel_name=KERNEL,
                            resources={"metadata": {"path": str(cwd)}})
    env = {**os.environ, "MPLBACKEND": "module://matplotlib_inline.backend_inline"}
    try:
        client.execute(env=env)
    except CellExecutionError as exc:
        pytest.fail(f"{path.name} failed:\n{exc}")
    return nb


def output_texts(nb: nbformat.NotebookNode) -> list[tuple[int, str]]:
    """(cell index, text) of every stream, error and text/plain output."""
    texts = []
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.output_type == "stream":
                texts.append((index, output.text))
            elif output.output_type == "error":
                texts.append((index, "\n".join(output.traceback)))
            elif "text/plain" in output.get("data", {}):
                texts.append((index, output.data["text/plain"]))
    return texts


def count_plots(nb: nbformat.NotebookNode) -> int:
    return sum("image/png" in output.get("data", {})
               for cell in nb.cells for output in cell.get("outputs", []))


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_renders_chinese(path, tmp_path):
    cwd = workspace(tmp_path)
    shutil.copy(path, cwd / path.name)
    nb = execute(cwd / path.name, cwd)
    bad = [(i, text) for i, text in output_texts(nb) if any(b in text for b in BAD_OUTPUT)]
    assert not bad, f"{path.name}: cell {bad[0][0]} reports a missing glyph:\n{bad[0][1][:500]}"
    assert count_plots(nb) >= MIN_PLOTS.get(path.stem, 0)


def test_there_are_the_four_notebooks():
    assert [p.stem for p in NOTEBOOKS] == ["01_quickstart", "02_figures", "03_sections", "04_words"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_clean_with_the_python3_kernel(path):
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    assert nb.metadata["kernelspec"]["name"] == KERNEL
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, "strip the outputs"


@pytest.mark.slow
def test_the_glyph_check_sees_a_missing_glyph(tmp_path):
    """The check above can fail: a notebook drawing Chinese in a Latin-only font is caught."""
    from nbformat.v4 import new_code_cell, new_notebook

    nb = new_notebook(metadata={"kernelspec": {"name": KERNEL, "display_name": "Python 3",
                                               "language": "python"}})
    nb.cells = [new_code_cell("import matplotlib.pyplot as plt\n"
                              "plt.rcParams['font.sans-serif'] = ['DejaVu Sans']\n"
                              "fig, ax = plt.subplots()\nax.set_title('工会经费')")]
    path = tmp_path / "boxes.ipynb"
    nbformat.write(nb, path)
    texts = output_texts(execute(path, tmp_path))
    assert any("missing from font" in text for _, text in texts)
