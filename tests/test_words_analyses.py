"""Term tables, the document-term matrix, keyness, keywords, KWIC and codebook counts."""

from __future__ import annotations

import math
import pickle
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

import summarylens as sl
from summarylens.corpus import Corpus
from summarylens.words import WordTokenizer, keyness_table, tokens

#: three tiny reports: (doc_id, org, year, paragraphs as (kind, topic, text))
DOCS = [
    ("a.txt#1", "实验小学工会", 2023, [
        ("title", None, "实验小学工会工作总结"),
        ("heading", "welfare", "一、帮扶困难职工"),
        ("body", "welfare", "春节期间慰问困难职工，教职工踊跃捐款。教职工代表大会审议方案。"),
        ("body", "welfare", "春节期间慰问困难职工，教职工踊跃捐款。教职工代表大会审议方案。"),
        ("noise", None, "本文由某网站整理困难职工"),
    ]),
    ("b.txt#1", "机械厂工会", 2023, [
        ("heading", "skills", "一、劳动竞赛"),
        ("body", "skills", "车间开展劳动竞赛和技能比武，慰问困难职工。"),
    ]),
    ("c.txt#1", "供电公司工会", 2024, [
        ("body", "rights", "签订集体合同，开展工资集体协商，劳动竞赛覆盖车间。"),
    ]),
]


def tiny_corpus(repeated: bool = True) -> Corpus:
    documents, paragraphs = [], []
    for doc_id, org, year, rows in DOCS:
        text, spans = "", []
        for kind, topic, para in rows:
            start = len(text)
            text += para + "\n"
            spans.append((kind, topic, para, start, start + len(para)))
        documents.append({"doc_id": doc_id, "source": doc_id[:-2], "title": rows[0][2], "org": org,
                          "period": "全年", "year": year, "text": text})
        seen: set[str] = set()
        for para_id, (kind, topic, para, start, end) in enumerate(spans):
            row = {"doc_id": doc_id, "para_id": para_id, "kind": kind, "topic": topic,
                   "role": "work" if kind == "body" else None, "start": start, "end": end, "text": para}
            if repeated:
                row["repeated"] = para in seen
            seen.add(para)
            paragraphs.append(row)
    return Corpus(pd.DataFrame(documents), pd.DataFrame(paragraphs), pd.DataFrame(), pd.DataFrame(), pd.DataFrame())


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return tiny_corpus()


@pytest.fixture(scope="module")
def toks(corpus: Corpus) -> sl.words.Tokens:
    return tokens(corpus)


def test_tokens_rows_and_offsets(corpus: Corpus, toks: sl.words.Tokens) -> None:
    text = corpus.documents.set_index("doc_id")["text"]
    table = toks.table
    assert all(text[d][s:e] == t for d, s, e, t in zip(table["doc_id"], table["start"], table["end"],
                                                       table["token"], strict=True))
    # title, noise and the repeated paragraph are left out
    assert set(zip(toks.units["doc_id"], toks.units["para_id"], strict=True)) == {
        ("a.txt#1", 1), ("a.txt#1", 2), ("b.txt#1", 0), ("b.txt#1", 1), ("c.txt#1", 0)}
    assert (table["token"] == "困难职工").sum() == 3
    # without the repeated column, the repeated paragraph counts again
    again = tokens(tiny_corpus(repeated=False))
    assert (again.table["token"] == "困难职工").sum() == 4


def test_terms_tidy(corpus: Corpus, toks: sl.words.Tokens) -> None:
    terms = corpus.terms()
    assert list(terms.columns) == ["doc_id", "term", "count"]
    assert str(terms["term"].dtype) == "string" and str(terms["count"].dtype) == "Int64"
    assert terms["count"].sum() == len(toks.table)
    a = terms[terms["doc_id"] == "a.txt#1"].set_index("term")["count"]
    assert (a["困难职工"], a["教职工"], a["教职工代表大会"]) == (2, 1, 1)
    by_para = toks.terms(by="paragraph", stopwords=True)
    assert list(by_para.columns) == ["doc_id", "para_id", "term", "count"]
    assert "和" not in set(by_para["term"])
    with pytest.raises(ValueError):
        toks.terms(by="sentence")


def test_dtm_matches_terms(toks: sl.words.Tokens) -> None:
    dtm = toks.dtm()
    assert dtm.matrix.shape == (3, len(dtm.terms))
    assert list(dtm.terms) == sorted(dtm.terms)
    frame = dtm.to_frame()
    terms = toks.terms()
    for doc_id, term, count in zip(terms["doc_id"], terms["term"], terms["count"], strict=True):
        assert frame.loc[doc_id, term] == count
    assert dtm.matrix.sum() == terms["count"].sum()
    para = toks.dtm(by="paragraph")
    assert para.matrix.shape[0] == len(toks.units)


def test_count_vectorizer_with_sl_tokenize(tmp_path: Path) -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    texts = ["慰问困难职工和新就业形态劳动者", "开展劳动竞赛，签订集体合同", "困难职工帮扶"]
    vec = CountVectorizer(tokenizer=sl.tokenize, token_pattern=None, lowercase=False)
    matrix = vec.fit_transform(texts)
    assert {"困难职工", "新就业形态劳动者", "劳动竞赛", "集体合同"} <= set(vec.vocabulary_)
    path = tmp_path / "vec.pkl"
    path.write_bytes(pickle.dumps(vec))
    back = pickle.loads(path.read_bytes())
    assert (back.transform(texts) != matrix).nnz == 0
    own = WordTokenizer(words=["帮扶困难职工"])
    vec2 = CountVectorizer(tokenizer=own, token_pattern=None, lowercase=False).fit(texts)
    assert pickle.loads(pickle.dumps(vec2)).transform(["帮扶困难职工"]).sum() == 0  # not in its vocabulary


def test_keyness_table_by_hand() -> None:
    target, reference = {"甲": 10, "乙": 5, "丙": 1}, {"甲": 4, "乙": 8, "丙": 6}
    prior = {"甲": 1, "乙": 1, "丙": 1}
    table = keyness_table(target, reference, prior=prior).set_index("term")
    n_t, n_r, a0 = 16, 18, 3
    for word in "甲乙丙":
        a, b = target[word], reference[word]
        delta = math.log((a + 1) / (n_t + a0 - a - 1)) - math.log((b + 1) / (n_r + a0 - b - 1))
        se = math.sqrt(1 / (a + 1) + 1 / (b + 1))
        assert table.loc[word, "log_odds"] == pytest.approx(delta)
        assert table.loc[word, "se"] == pytest.approx(se)
        assert table.loc[word, "z"] == pytest.approx(delta / se)
        observed = np.array([[a, b], [n_t - a, n_r - b]])
        chi2, _, _, expected = chi2_contingency(observed, correction=True)
        sign = 1 if a > expected[0, 0] else -1
        assert table.loc[word, "chi2"] == pytest.approx(sign * chi2)
        # G² with Williams' correction, by hand
        g2 = 2 * sum(o * math.log(o / e) for o, e in zip(observed.ravel(), expected.ravel(), strict=True) if o)
        n = n_t + n_r
        q = 1 + (n / (a + b) + n / (n - a - b) - 1) * (n / n_t + n / n_r - 1) / (6 * n)
        assert table.loc[word, "G2"] == pytest.approx(sign * g2 / q, rel=1e-6)
    assert table.index.tolist() == ["甲", "乙", "丙"]  # sorted by z


def test_keyness_chi2_as_quanteda_example() -> None:
    """quanteda's own check: d1 = 'b b b b b b b a a a', d2 = 'a a a a a a a b b'."""
    table = keyness_table({"a": 3, "b": 7}, {"a": 7, "b": 2}, measure="chi2").set_index("term")
    chi2, p, _, _ = chi2_contingency(np.array([[7, 2], [3, 7]]), correction=True)
    assert table.loc["b", "chi2"] == pytest.approx(chi2)
    assert table.loc["a", "chi2"] == pytest.approx(-chi2)
    assert table.loc["b", "p"] == pytest.approx(p)
    plain = keyness_table({"a": 3, "b": 7}, {"a": 7, "b": 2}, correction=False).set_index("term")
    assert plain.loc["b", "chi2"] == pytest.approx(chi2_contingency(np.array([[7, 2], [3, 7]]),
                                                                      correction=False)[0])


def test_keyness_on_a_corpus(toks: sl.words.Tokens) -> None:
    key = sl.keyness(toks, {"org": "实验小学工会"}, min_count=1).set_index("term")
    assert (key.loc["困难职工", "n_target"], key.loc["困难职工", "n_reference"]) == (2, 1)
    only_target = key[(key["n_target"] > 0) & (key["n_reference"] == 0)]
    only_reference = key[(key["n_target"] == 0) & (key["n_reference"] > 0)]
    assert {"教职工", "帮扶", "审议"} <= set(only_target.index) and "集体合同" in only_reference.index
    assert (only_target["z"] > 0).all() and (only_reference["z"] < 0).all()
    assert (key["z"].diff().dropna() <= 0).all()  # sorted by z
    factory = sl.keyness(toks, {"org": "机械厂工会"}, {"org": "供电公司工会"}, measure="chi2", min_count=1)
    assert set(factory["term"]) == {"劳动竞赛", "困难职工", "慰问", "技能比武", "车间", "工资集体协商",
                                    "签订", "覆盖", "集体合同"}  # the school's words are in neither group
    assert factory.set_index("term").loc["劳动竞赛", "n_target"] == 2
    key = key.reset_index()
    # a mask over documents and a list of doc_ids select the same
    by_ids = sl.keyness(toks, ["a.txt#1"], min_count=1)
    pd.testing.assert_frame_equal(by_ids, key)
    with pytest.raises(ValueError):
        sl.keyness(toks, {"org": "没有这个单位"})


def test_keywords_tfidf_by_hand(toks: sl.words.Tokens) -> None:
    kw = sl.keywords(toks, by="doc_id", n=10, min_count=1)
    c = kw[kw["doc_id"] == "c.txt#1"].set_index("term")
    # 集体合同: once in c (of its words after stop words), in 1 of 3 documents
    words_c = toks.counts(stopwords=True, numbers=False)
    n_c = (words_c["doc_id"] == "c.txt#1").sum()
    idf = math.log((1 + 3) / (1 + 1)) + 1
    assert c.loc["集体合同", "tfidf"] == pytest.approx(idf / n_c)
    assert c.loc["集体合同", "df"] == 1
    assert (sl.keywords(toks, by="doc_id", n=3, min_count=1).groupby("doc_id")["rank"].max() == 3).all()
    by_topic = sl.keywords(toks, by="topic", n=2, min_count=1)
    assert set(by_topic["topic"]) == {"welfare", "skills", "rights"}


def test_kwic(corpus: Corpus, toks: sl.words.Tokens) -> None:
    hits = sl.kwic(toks, "困难职工", window=2)
    assert len(hits) == 3
    text = corpus.documents.set_index("doc_id")["text"]
    assert all(text[d][s:e] == "困难职工" for d, s, e in zip(hits["doc_id"], hits["start"], hits["end"],
                                                           strict=True))
    first = hits.iloc[1]
    assert (first["pre"], first["keyword"], first["post"]) == ("期间慰问", "困难职工", "，教职工踊跃")
    phrase = sl.kwic(toks, "劳动竞赛和技能比武", window=0)
    assert phrase["keyword"].tolist() == ["劳动竞赛和技能比武"]
    assert sl.kwic(toks, "帮扶", window=1).empty is False
    assert sl.kwic(toks, "职工").empty  # never a token of its own here: 困难职工 is one word


def test_count_dictionary(tmp_path: Path, toks: sl.words.Tokens) -> None:
    book = {"welfare": ["慰问", "困难职工", "帮扶*"], "rights": ["集体合同", "工资集体协商"]}
    counts = sl.count_dictionary(toks, book, by="doc_id").set_index(["doc_id", "category"])
    assert counts.loc[("a.txt#1", "welfare"), "count"] == 1 + 2 + 1  # 慰问, 困难职工 ×2, 帮扶
    assert counts.loc[("c.txt#1", "rights"), "count"] == 2
    assert counts.loc[("a.txt#1", "rights"), "count"] == 0
    n_chars = counts.loc[("c.txt#1", "rights"), "n_chars"]
    assert n_chars == len(DOCS[2][3][0][2])
    assert counts.loc[("c.txt#1", "rights"), "per_1000"] == pytest.approx(2000 / n_chars)
    yaml_file = tmp_path / "book.yaml"
    yaml_file.write_text("welfare: [慰问, 困难职工, 帮扶*]\nrights:\n  - 集体合同\n  - 工资集体协商\n",
                         encoding="utf-8")
    csv_file = tmp_path / "book.csv"
    csv_file.write_text("category,word\n" + "".join(f"{c},{w}\n" for c, ws in book.items() for w in ws),
                        encoding="utf-8")
    expected = sl.count_dictionary(toks, book, by="year")
    for path in (yaml_file, csv_file):
        pd.testing.assert_frame_equal(sl.count_dictionary(toks, path, by="year"), expected)


def test_terms_command(tmp_path: Path) -> None:
    from summarylens.cli import main

    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text("学校工会2023年工作总结\n一、帮扶工作\n春节慰问困难职工12户，新建暖蜂驿站。\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("机械厂工会工作总结\n一、劳动竞赛\n开展劳动竞赛，慰问困难职工。\n", encoding="utf-8")
    words = tmp_path / "mine.txt"
    words.write_text("暖蜂驿站 nz\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["terms", str(folder), "--out", str(out), "--userdict", str(words), "--stopwords",
                 "--no-numbers"]) == 0
    raw = (out / "terms.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = pd.read_csv(out / "terms.csv", encoding="utf-8-sig")
    assert list(table.columns) == ["doc_id", "term", "count"]
    counts = table.groupby("term")["count"].sum()
    assert counts["困难职工"] == 2 and counts["暖蜂驿站"] == 1
    assert "12" not in set(table["term"].astype(str)) and "户" not in set(table["term"])
    assert main(["terms", str(folder), "--out", str(out), "--by", "paragraph"]) == 0
    assert "para_id" in pd.read_csv(out / "terms.csv", encoding="utf-8-sig").columns
    assert main(["terms", str(tmp_path / "missing"), "--out", str(out)]) == 2


def test_extract_does_not_load_the_word_layer() -> None:
    import subprocess
    import sys

    code = ("import sys, summarylens, summarylens.cli as c; c.build_parser(); "
            "print(any(m in sys.modules for m in ('jieba', 'pandas', 'summarylens.words.tokenizer')))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
