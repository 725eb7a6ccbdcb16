"""The union dictionary and the private tokenizer (summarylens.words.dictionary / .tokenize)."""

from __future__ import annotations

import importlib.util
import pickle
from collections import Counter
from pathlib import Path

import jieba
import pytest

import summarylens as sl
from summarylens import lexicons
from summarylens.words import DictEntry, WordTokenizer, read_userdict, union_entries, write_jieba_userdict
from summarylens.words.dictionary import suggest_frequency

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[1]


def union_terms(name: str = "union_terms") -> list[tuple[str, str]]:
    lex = lexicons.read_lexicon(DATA / f"{name}.tsv")
    return list(zip(lex.words, lex.column("sentence"), strict=True))


@pytest.fixture(scope="module")
def tok() -> WordTokenizer:
    return WordTokenizer()


@pytest.mark.slow
def test_union_terms_are_kept_whole(tok: WordTokenizer) -> None:
    rows = union_terms()
    assert len({term for term, _ in rows}) >= 250
    assert all(term in sentence for term, sentence in rows)
    missed = [(term, tok.tokenize(sentence)) for term, sentence in rows if term not in tok.tokenize(sentence)]
    share = 1 - len(missed) / len(rows)
    assert share >= 0.97, missed


@pytest.mark.slow
def test_held_out_terms_are_kept_whole(tok: WordTokenizer) -> None:
    """A second list, written after the first dictionary and before the second one was fitted.

    Its misses are mostly the dictionary's choices (a level before a name, a generic head
    after it: 省五一劳动奖章, 送温暖活动), so the bar is lower.
    """
    rows = union_terms("union_terms_heldout")
    assert len(rows) >= 120
    missed = [(term, tok.tokenize(sentence)) for term, sentence in rows if term not in tok.tokenize(sentence)]
    assert 1 - len(missed) / len(rows) >= 0.85, missed


@pytest.mark.slow
def test_plain_jieba_cuts_most_of_them(tok: WordTokenizer) -> None:
    """The test list is not one plain jieba already handles (it keeps about a quarter whole)."""
    plain = WordTokenizer(union=False)
    rows = union_terms()
    share = sum(term in plain.tokenize(sentence) for term, sentence in rows) / len(rows)
    assert share < 0.4


def test_global_jieba_dictionary_untouched(tok: WordTokenizer) -> None:
    tok.tokenize("新就业形态劳动者")
    tok.add_words(["爱心妈妈小屋测试词"])
    assert "爱心妈妈小屋测试词" in tok.jieba.FREQ
    assert tok.jieba is not jieba.dt
    assert "新就业形态劳动者" not in jieba.dt.FREQ
    assert "爱心妈妈小屋测试词" not in jieba.dt.FREQ


def test_drops_punctuation_and_whitespace_keeps_offsets(tok: WordTokenizer) -> None:
    text = "一、慰问困难职工24户， 发放慰问金2.6万元……\n（二）职代会"
    words = tok.tokenize(text)
    assert words[:3] == ["一", "慰问", "困难职工"]
    assert "职代会" in words
    assert not any(w.strip("，、。…（）\n ") == "" for w in words)
    spans = list(tok.spans(text))
    assert [w for w, _, _ in spans] == words
    assert all(text[start:end] == word for word, start, end in spans)


def test_stopwords_and_stock_phrases(tok: WordTokenizer) -> None:
    text = "我们进一步扎实推进职工之家建设，取得了一定成效。"
    assert tok.tokenize(text) == ["我们", "进一步", "扎实推进", "职工之家", "建设", "取得了一定成效"]
    assert tok.tokenize(text, stopwords=True) == ["进一步", "扎实推进", "职工之家", "建设", "取得了一定成效"]
    assert tok.tokenize(text, stopwords=True, stock_phrases=False) == ["职工之家", "建设"]
    assert tok.tokenize(text, stopwords={"建设"}) == ["我们", "进一步", "扎实推进", "职工之家", "取得了一定成效"]


@pytest.mark.slow
def test_add_words_and_userdict(tmp_path: Path) -> None:
    text = "新建暖蜂驿站两个，开设小蜜蜂课堂"
    plain = WordTokenizer()
    assert "暖蜂驿站" not in plain.tokenize(text)
    jieba_format = tmp_path / "mine.txt"
    jieba_format.write_text("# 我的词\n暖蜂驿站 nz\n", encoding="utf-8")
    lexicon_format = tmp_path / "mine.tsv"
    lexicon_format.write_text("# columns: word\tfreq\tpos\n小蜜蜂课堂\t2000\tnz\n", encoding="utf-8")
    assert read_userdict(jieba_format) == (DictEntry("暖蜂驿站", None, "nz"),)
    assert read_userdict(lexicon_format) == (DictEntry("小蜜蜂课堂", 2000, "nz"),)
    mine = WordTokenizer(userdict=jieba_format)
    mine.add_words([("小蜜蜂课堂", 2000, "nz")])
    assert mine.tokenize(text) == ["新建", "暖蜂驿站", "两个", "开设", "小蜜蜂课堂"]
    assert mine.jieba.FREQ["暖蜂驿站"] == suggest_frequency(plain.jieba, "暖蜂驿站")


@pytest.mark.slow
def test_shared_tokenizer_add_words() -> None:
    sl.add_words("蓝海小屋测试")
    assert "蓝海小屋测试" in sl.tokenize("建成蓝海小屋测试一处")


@pytest.mark.slow
def test_pickles_without_the_dictionary(tok: WordTokenizer) -> None:
    tok2 = WordTokenizer(words=["暖蜂驿站"])
    data = pickle.dumps(tok2)
    assert len(data) < 2_000
    back = pickle.loads(data)
    assert back.tokenize("新建暖蜂驿站") == ["新建", "暖蜂驿站"]
    assert pickle.loads(pickle.dumps(sl.tokenize))("慰问困难职工") == ["慰问", "困难职工"]


@pytest.mark.slow
def test_suggest_frequency_beats_the_cut(tok: WordTokenizer) -> None:
    plain = WordTokenizer(union=False).jieba
    freq = suggest_frequency(plain, "新就业形态劳动者")
    # the cut 新/就业/形态/劳动者 has probability p; the word gets 1000 p (and is then kept whole)
    p = 1.0
    for piece in ("新", "就业", "形态", "劳动者"):
        p *= plain.FREQ[piece] / plain.total
    assert freq == max(300, int(1000 * p * plain.total))
    assert "新就业形态劳动者" not in plain.FREQ  # nothing added by asking


def test_union_dict_lexicon() -> None:
    lex = lexicons.load("union_dict")
    assert lex.columns == ("word", "freq", "pos", "field")
    assert len(lex) >= 1500
    assert all(f.isdigit() and int(f) >= 300 for f in lex.column("freq"))
    assert set(lex.column("pos")) <= {"nz", "nt", "n", "vn", "l", "v", "d", "c"}
    fields = Counter(lex.column("field"))
    assert set(fields) == {"programme", "body", "honour", "group", "instrument", "party", "work"}
    assert min(fields.values()) >= 100
    stock = lexicons.load("stock_phrases")
    assert {"进一步", "切实", "扎实推进", "取得了一定成效", "高度重视", "积极开展"} <= set(stock.words)
    assert not set(stock.words) & set(lex.words)
    assert {"的", "了", "和"} <= set(lexicons.entries("stopwords"))


@pytest.mark.slow
def test_jieba_format_loads_in_jieba(tmp_path: Path, tok: WordTokenizer) -> None:
    path = write_jieba_userdict(tmp_path / "union.txt")
    first = path.read_text(encoding="utf-8").splitlines()[0]
    entry = union_entries()[0]
    assert first == f"{entry.word} {entry.freq} {entry.pos}"
    other = jieba.Tokenizer()
    other.load_userdict(str(path))
    text = "深入学习贯彻习近平新时代中国特色社会主义思想，扎实开展金秋助学和送温暖活动"
    assert other.lcut(text) == tok.jieba.lcut(text)


@pytest.mark.slow
def test_frequencies_up_to_date() -> None:
    spec = importlib.util.spec_from_file_location("union_frequencies", ROOT / "tools" / "union_frequencies.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    computed = module.compute()
    shipped = {e.word: e.freq for e in union_entries()}
    assert computed == shipped
