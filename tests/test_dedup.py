"""Near-duplicates: MinHash signatures and the LSH index."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from summarylens.dedup import DUPLICATE_THRESHOLD, DuplicateIndex, estimate_similarity, signature, similarity_matrix

A = "学校工会组织全体女教职员工四十余人去梅花山赏梅踏青，愉悦了身心。四月份组织退离休教师分组旅游。" * 3
A_EDITED = A.replace("愉悦了身心", "愉悦身心").replace("“", "")
B = "市总工会与劳动行政部门一道，对三十四家企事业单位的劳动用工和集体合同签订情况进行了检查。" * 3


def test_identical_texts_have_similarity_one():
    assert estimate_similarity(signature(A), signature(A)) == 1.0


def test_small_edits_stay_above_the_threshold_and_other_texts_below():
    assert estimate_similarity(signature(A), signature(A_EDITED)) >= DUPLICATE_THRESHOLD
    assert estimate_similarity(signature(A), signature(B)) < 0.2


def test_punctuation_and_spacing_do_not_matter():
    assert estimate_similarity(signature(A), signature(A.replace("，", " ").replace("。", "\n"))) == 1.0


def test_short_texts_have_no_signature():
    assert signature("工会") is None


def test_index_names_the_earlier_document():
    index = DuplicateIndex()
    assert index.add("a#1", A) == (None, None)
    assert index.add("b#1", B) == (None, None)
    duplicate_of, similarity = index.add("c#1", A_EDITED)
    assert duplicate_of == "a#1"
    assert DUPLICATE_THRESHOLD <= similarity <= 1.0


def test_signatures_are_the_same_in_another_process():
    code = f"from summarylens.dedup import signature; print(signature({A!r}).tolist())"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert eval(out) == signature(A).tolist()


def test_similarity_matrix_is_symmetric_with_unit_diagonal():
    matrix = similarity_matrix([A, A_EDITED, B])
    assert np.allclose(matrix, matrix.T) and np.allclose(np.diag(matrix), 1.0)
    assert matrix[0, 1] > matrix[0, 2]


def test_seed_repeat_under_third_article_is_marked(shipped_corpus):
    docs = shipped_corpus.documents.set_index("doc_id")
    repeat = docs.loc["000_0c8ed3b9e15e8dcd.txt#6"]
    assert repeat["duplicate_of"] == "000_0c8ed3b9e15e8dcd.txt#4"
    assert repeat["similarity"] >= 0.8
    others = docs.drop(index="000_0c8ed3b9e15e8dcd.txt#6")
    assert others["duplicate_of"].isna().all()


def _edited_pairs(sentences_per_text: tuple[int, int] = (8, 30)) -> list[tuple[str, str]]:
    """Pairs of texts from the shipped corpus, the second with some of its sentences swapped."""
    import random
    import re
    from pathlib import Path

    rng = random.Random(7)
    files = sorted((Path(__file__).parents[1] / "corpus").glob("*.txt"))
    sentences = [s for f in files for s in re.split(r"(?<=[。；])", f.read_text(encoding="utf-8", errors="ignore"))
                 if len(s) > 10]
    pairs = []
    for _ in range(300):
        start = rng.randrange(len(sentences) - 30)
        original = sentences[start:start + rng.randint(*sentences_per_text)]
        share = rng.random()
        edited = [s if rng.random() < share else rng.choice(sentences) for s in original]
        pairs.append(("".join(original), "".join(edited)))
    return pairs


@pytest.mark.parametrize("sentences_per_text", [(8, 30), (2, 4)], ids=["long", "short"])
def test_estimates_follow_exact_jaccard(sentences_per_text):
    """Over 300 edited pairs the MinHash estimate is unbiased and as close to the exact Jaccard as ideal MinHash.

    With ``NUM_PERM`` independent random permutations an estimate of J has variance
    J(1 - J) / NUM_PERM; a one-permutation signature whose empty bins borrowed badly
    (short texts: 2–4 sentences leave many of the 64 bins empty) would show a larger
    error. Over 6 random draws of the hash parameters, on 600 pairs of each length, the
    error was 0.93–1.01 times the ideal for long texts and 0.84–0.94 for short ones
    (64 separate multiply-shift hashes: 0.97 and 1.03).
    """
    from summarylens.dedup import NUM_PERM, shingle_hashes

    pairs = [(left, right) for left, right in _edited_pairs(sentences_per_text)
             if signature(left) is not None and signature(right) is not None]
    assert len(pairs) > 250
    errors, exact = [], []
    for left, right in pairs:
        a, b = set(shingle_hashes(left).tolist()), set(shingle_hashes(right).tolist())
        jaccard = len(a & b) / len(a | b)
        exact.append(jaccard)
        errors.append(estimate_similarity(signature(left), signature(right)) - jaccard)
    errors_array, exact_array = np.array(errors), np.array(exact)
    assert 0.05 < exact_array.mean() < 0.95 and exact_array.std() > 0.2  # the pairs span the range
    ideal = np.sqrt(np.mean(exact_array * (1 - exact_array)) / NUM_PERM)
    assert abs(errors_array.mean()) < 0.015
    assert np.sqrt((errors_array ** 2).mean()) < 1.1 * ideal


def test_an_empty_bin_borrows_a_filled_one():
    from summarylens.dedup import NUM_PERM, _densify

    minima = np.full(NUM_PERM, 2**32, dtype=np.uint64)
    minima[[3, 40]] = [11, 7]
    filled = _densify(minima)
    assert filled[3] == 11 and filled[40] == 7 and set(filled.tolist()) == {7, 11}
    minima[40] = 2**32  # one filled bin: most probe sequences miss it, the fallback finds it
    assert set(_densify(minima).tolist()) == {11}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("慰问职工a_Z9９½ 　，。\n\t-—·\U00020000\U0001f600")) | st.text())
def test_letters_by_table_are_what_the_pattern_keeps(text):
    from summarylens.dedup import _NON_WORD, _letter_codes

    assert _letter_codes(text).tobytes().decode("utf-32-le") == _NON_WORD.sub("", text)
