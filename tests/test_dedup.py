"""Near-duplicates: MinHash signatures and the LSH index."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

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
