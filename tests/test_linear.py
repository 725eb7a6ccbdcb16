"""Prediction from arrays (summarylens.sections.linear): the same labels as scikit-learn, no sklearn import."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summarylens import sections
from summarylens.io import iter_corpus_files, read_text
from summarylens.sections import arrays, linear, persistence
from summarylens.sections.counting import WordCounter, count_matches
from summarylens.sections.cues import FUTURE, PAST, ROLE_CUES, TOPIC_CUES
from summarylens.sections.estimator import SectionClassifier
from summarylens.sections.features import role_features, role_numbers
from summarylens.sections.rows import rows_from_frame
from summarylens.sections.text import text_key
from summarylens.segmentation import segment_text
from summarylens.split import split_documents


@pytest.fixture(scope="module")
def documents(corpus_dir):
    docs = []
    for path in iter_corpus_files(corpus_dir):
        text, _ = read_text(path)
        docs += [segment_text(text[s.start:s.end]) for s in split_documents(text)]
    return docs


def _texts(frame: pd.DataFrame) -> list[str]:
    return [text_key(t) for t in frame["text"].astype(str)]


def test_fitting_compiles_the_models(fitted):
    assert fitted.compiled_ is not None
    assert fitted.compiled_.roles is not None


def test_compiled_topic_probabilities_equal_sklearn_on_every_labelled_row(fitted, frame):
    texts = _texts(frame)
    fast = fitted.compiled_.topics.predict_proba(texts)
    slow = fitted.topic_model_.predict_proba(texts)
    assert fast.shape == slow.shape == (len(texts), len(fitted.classes_))
    np.testing.assert_allclose(fast, slow, atol=1e-6)
    assert (fast.argmax(axis=1) == slow.argmax(axis=1)).all()


def test_compiled_role_probabilities_equal_sklearn(fitted, frame):
    rows = rows_from_frame(frame)
    _body, records = role_features(rows)
    fast = fitted.compiled_.roles.predict_proba(role_numbers(records))
    np.testing.assert_allclose(fast, fitted.role_model_.predict_proba(records), atol=1e-6)


def test_arrays_and_sklearn_give_the_same_labels_on_the_shipped_corpus(fitted, documents):
    with_sklearn = SectionClassifier()  # the same fitted models, predicting with scikit-learn
    with_sklearn.__dict__.update({k: v for k, v in fitted.__dict__.items() if k != "compiled_"})
    assert getattr(with_sklearn, "compiled_", None) is None
    for paragraphs in documents:
        fast, slow = fitted.label(paragraphs), with_sklearn.label(paragraphs)
        assert [(p.topic, p.role) for p in fast] == [(p.topic, p.role) for p in slow]
        assert all(abs((a.topic_score or 0) - (b.topic_score or 0)) < 1e-6 for a, b in zip(fast, slow, strict=True))


def test_odd_texts_are_counted_like_sklearn(fitted):
    texts = ["", " ", "\n\n", "a  b\t\tc", "𠀀𠀁慰问", "慰问\x00困难", "（一）202_年 慰问 73 人", "ＡＢＣ１２３"]
    np.testing.assert_allclose(fitted.compiled_.topics.predict_proba(texts),
                               fitted.topic_model_.predict_proba(texts), atol=1e-6)


def test_batches_give_the_same_bits_as_single_texts(fitted, frame):
    texts = _texts(frame)[:300]
    batch = fitted.compiled_.topics.predict_proba(texts)
    one_by_one = np.vstack([fitted.compiled_.topics.predict_proba([t]) for t in texts])
    assert np.array_equal(batch, one_by_one)


def test_a_model_the_arrays_cannot_express_predicts_with_sklearn(frame):
    model = SectionClassifier(role_text_weight=0.3).fit(frame)  # char n-grams in the role model
    assert model.compiled_ is None
    labelled = model.label(segment_text("三、送温暖\n春节走访慰问困难职工73户。"))
    assert [p.topic for p in labelled] == ["welfare", "welfare"]


def test_section_model_saves_and_loads_and_labels_like_its_classifier(tmp_path, fitted, documents):
    predictor = sections.SectionModel.from_classifier(fitted)
    path = tmp_path / "model.npz"
    predictor.save(path)
    loaded = sections.SectionModel.load(path)
    assert loaded.heading_weight == fitted.heading_weight and loaded.ngram_range == fitted.ngram_range
    for paragraphs in documents[:20]:
        assert loaded.label(paragraphs) == fitted.label(paragraphs)
    with pytest.raises(TypeError, match="only predicts"):
        loaded.fit(pd.DataFrame({"text": ["x"]}))


def test_default_predictor_labels_as_the_default_model(documents):
    predictor, model = sections.default_predictor(), sections.default_model()
    assert isinstance(predictor, sections.SectionModel)
    for paragraphs in documents:
        assert predictor.label(paragraphs) == model.label(paragraphs)


def test_the_default_predictor_loads_without_sklearn(tmp_path):
    sections.default_predictor()  # the cache of this test session exists now
    code = ("import sys; from summarylens import sections; from summarylens.segmentation import segment_text; "
            "p = sections.default_predictor(); rows = p.label(segment_text('三、送温暖\\n慰问困难职工73户。')); "
            "print(type(p).__name__, rows[1].topic, 'sklearn' in sys.modules, 'pandas' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.split() == ["SectionModel", "welfare", "False", "False"]


def test_the_command_line_does_not_import_pandas_to_write_csv(tmp_path, corpus_dir):
    code = ("import sys; from summarylens.corpus import extract_corpus; "
            f"extract_corpus({str(corpus_dir / 'more')!r}, {str(tmp_path)!r}); print('pandas' in sys.modules)")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert out.stdout.strip() == "False"
    assert (tmp_path / "paragraphs.csv").stat().st_size > 1000


def test_a_damaged_array_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("SUMMARYLENS_CACHE_DIR", str(tmp_path))
    path = persistence.cache_path(sections.shipped_labels_dir(), ".npz")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not an npz")
    predictor = arrays._load_or_compile_default()
    assert isinstance(predictor, sections.SectionModel)
    assert sections.SectionModel.load(path).classes_.tolist() == predictor.classes_.tolist()


def test_count_matches_equals_findall(frame):
    texts = frame["text"].astype(str).tolist()
    topic_patterns = [re.compile("|".join(map(re.escape, words))) for words in TOPIC_CUES.values()]
    patterns = [*topic_patterns, *ROLE_CUES.values(), FUTURE, PAST]
    expected = np.array([[len(p.findall(t)) for p in patterns] for t in texts], dtype=float)
    assert np.array_equal(count_matches(patterns, texts), expected)


#: pieces of cue words and their neighbours, so that words overlap, nest and run into each other
_WORD_PIECES = st.sampled_from(["工会", "会员", "工会会员", "职工", "女职工", "困难", "慰问", "帮扶", "\n", "，",
                                "a", "𠀀", "\ud800", "工", "会", "员"])
_WORD_LISTS = [["工会", "工会会员", "会员"], ["会员", "工会"], ["女职工", "职工", "困难职工"], ["𠀀会", "a"], ["慰问"]]


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORD_PIECES, max_size=12).map("".join), max_size=6))
@example(["工会会员大会", "", "会员"])
@example(["a\ud800工会", "𠀀会员"])
def test_word_counter_finds_what_the_regular_expressions_find(texts):
    counter = WordCounter(_WORD_LISTS)
    expected = np.array([[len(p.findall(t)) for p in counter._patterns] for t in texts], dtype=float)
    assert np.array_equal(counter.counts(texts), expected.reshape(len(texts), len(_WORD_LISTS)))
    without_automata = WordCounter(_WORD_LISTS)
    without_automata._automata = None  # as without ahocorasick_rs installed
    assert np.array_equal(without_automata.counts(texts), counter.counts(texts))


_SILENT = [("工会会员大会",), (), ("困难职工帮扶", "女职工"), (), ("慰问慰",)]


@pytest.mark.slow
@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORD_PIECES, max_size=12).map("".join), max_size=6))
@example(["工会会员大会会员", "困难职工帮扶女职工职工", "慰问慰问"])
def test_silent_phrases_take_their_span_and_do_not_count(texts):
    counter = WordCounter(_WORD_LISTS, silent=_SILENT)

    def hits(words, silent, text):  # leftmost-first over silent + words, silent ones dropped
        pattern = re.compile("|".join(map(re.escape, (*silent, *words))))
        return sum(m.group() not in silent for m in pattern.finditer(text))

    expected = np.array([[hits(w, s, t) for w, s in zip(_WORD_LISTS, _SILENT, strict=True)] for t in texts],
                        dtype=float)
    assert np.array_equal(counter.counts(texts), expected.reshape(len(texts), len(_WORD_LISTS)))
    without_automata = WordCounter(_WORD_LISTS, silent=_SILENT)
    without_automata._automata = None  # as without ahocorasick_rs installed
    assert np.array_equal(without_automata.counts(texts), counter.counts(texts))


def test_silent_phrases_need_one_tuple_per_list_and_no_empty_phrase():
    with pytest.raises(ValueError, match="one tuple per word list"):
        WordCounter([["慰问"]], silent=[(), ()])
    with pytest.raises(ValueError, match="empty word"):
        WordCounter([["慰问"]], silent=[("",)])
    assert WordCounter([["慰问"]], silent=[("慰问",)]).counts(["慰问"]).tolist() == [[0.0]]


def test_ngram_keys_are_distinct_for_distinct_ngrams():
    grams = ["慰", "问", "慰问", "问慰", "𠀀", "𠀀慰", "慰𠀀", "a", "ab", "abc"]
    assert len({linear.ngram_key(g) for g in grams}) == len(grams)
    assert linear.WHITE_SPACES.sub(" ", "a \t\nb c") == "a b c"
    assert not re.search(r"\s\s", linear.WHITE_SPACES.sub(" ", "  x   y  "))


def test_trigrams_are_looked_up_by_key_and_match_sklearn(frame):
    model = SectionClassifier(ngram_range=(1, 3)).fit(frame)  # n = 3 takes the searchsorted path
    assert model.compiled_ is not None and 3 in model.compiled_.topics.keys
    texts = _texts(frame)[:500]
    np.testing.assert_allclose(model.compiled_.topics.predict_proba(texts),
                               model.topic_model_.predict_proba(texts), atol=1e-6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(list("（一）1２.．Xx×_ \t\n\u3000\x00ΑΣσ\u0308İ慰问职工AbC,")),
                        max_size=12), max_size=8))
@example(["ΑΣ", "Α"])
@example(["ΑΣ\u0308", "Α", ""])
@example(["a\x00b", "  c  "])
def test_texts_are_prepared_together_as_one_by_one(texts):
    """The batch preparation (markers, numbers, masks, case, white space) equals preparing
    each text alone, whatever the texts hold: NUL, final sigma, runs of white space."""
    from summarylens.sections.linear import WHITE_SPACES, _prepared
    from summarylens.sections.text import normalize_text

    assert _prepared(texts, normalize_text) == [WHITE_SPACES.sub(" ", normalize_text(t)) for t in texts]
    assert _prepared(texts, str.upper) == [WHITE_SPACES.sub(" ", t.upper()) for t in texts]
    assert _prepared(texts, None) == [WHITE_SPACES.sub(" ", t) for t in texts]
