"""SectionClassifier as scikit-learn writes estimators: keyword-only parameters, checked in fit,
scikit-learn's own API checks where they apply, and topic cue lists a user can replace."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from summarylens import lexicons
from summarylens.sections import SectionModel
from summarylens.sections.cues import TOPIC_CUES, TopicCues
from summarylens.sections.estimator import SectionClassifier

#: a tiny labelled corpus: two documents, three topics, every role the model needs twice
TINY = pd.DataFrame({
    "doc_id": ["a"] * 6 + ["b"] * 6,
    "para_id": list(range(6)) * 2,
    "kind": ["body", "heading", "body", "heading", "body", "body"] * 2,
    "heading_path": ["", "", "一、关心职工", "", "二、文体活动", "二、文体活动"] * 2,
    "text": ["上半年，在上级工会领导下，我们做了以下工作。", "一、关心职工", "春节慰问困难职工12户。",
             "二、文体活动", "举办篮球赛和拔河比赛。", "下半年，我们将继续组织健步走。",
             "一年来，工会认真贯彻上级精神。", "一、关心职工", "走访慰问患病职工8人。",
             "二、文体活动", "组织职工登山和羽毛球比赛。", "下一步，我们将举办文艺晚会。"],
    "topic": ["other", "welfare", "welfare", "culture", "culture", "culture"] * 2,
    "role": ["preamble", None, "work", None, "work", "plan"] * 2,
})


def _tiny(**params):
    return SectionClassifier(min_df=1, **params).fit(TINY)


# ---------------------------------------------------------------------------
# Parameters: keyword-only, stored as given, checked in fit
# ---------------------------------------------------------------------------

def test_parameters_are_keyword_only():
    with pytest.raises(TypeError):
        SectionClassifier((1, 2))  # type: ignore[misc]


def test_init_stores_what_it_is_given_even_if_fit_would_refuse_it():
    model = SectionClassifier(heading_weight=2.0, topic_cues={"welfare": ["送温暖"]})
    assert model.heading_weight == 2.0 and model.topic_cues == {"welfare": ["送温暖"]}
    assert model.set_params(heading_weight=-1).heading_weight == -1


@pytest.mark.parametrize(("name", "value", "message"), [
    ("heading_weight", 2.0, r"heading_weight must be a number in \[0, 1\], got 2.0"),
    ("heading_weight", -0.1, "heading_weight must be a number in"),
    ("inherit_threshold", 1.5, "inherit_threshold must be"),
    ("override_threshold", "high", "override_threshold must be"),
    ("child_weight", float("nan"), "child_weight must be"),
    ("first_clause_weight", True, "first_clause_weight must be"),
    ("overview_other_weight", 7, "overview_other_weight must be"),
    ("single_topic_share", 1.5, "single_topic_share must be"),
    ("C", 0, "C must be a number > 0"),
    ("role_C", -1.0, "role_C must be a number > 0"),
    ("cue_weight", -0.5, "cue_weight must be a number >= 0"),
    ("role_text_weight", -1, "role_text_weight must be"),
    ("back_penalty", float("nan"), "back_penalty must be"),
    ("min_df", 0, "min_df must be a count >= 1 or a share"),
    ("min_df", 1.5, "min_df must be"),
    ("ngram_range", (2, 1), "ngram_range must be"),
    ("ngram_range", (0, 2), "ngram_range must be"),
    ("ngram_range", 2, "ngram_range must be"),
    ("solver", "liblinear", "solver must be one of"),
    ("use_cues", "yes", "use_cues must be True or False"),
    ("use_lead_in", 1, "use_lead_in must be True or False"),
    ("random_state", "seed", "random_state must be"),
    ("topic_cues", {"wellfare": ["慰问"]}, r"unknown topics \['wellfare'\]"),
    ("topic_cues", {"welfare": ["慰问", ""]}, "non-empty word"),
    ("topic_cues", {"welfare": []}, "at least one non-empty word"),
    ("topic_cues", ["慰问"], "topic_cues must be None, a dict"),
    ("topic_cues", lexicons.Lexicon.from_text("mine", "慰问\n"), "has no 'topic' column"),
])
def test_fit_refuses_a_parameter_out_of_range(name, value, message):
    with pytest.raises(ValueError, match=message):
        SectionClassifier(**{name: value}).fit(TINY)


@pytest.mark.parametrize("weight", [0.0, 1.0])
def test_the_ends_of_a_unit_range_are_allowed_and_give_distributions(weight):
    model = _tiny(heading_weight=weight, child_weight=weight, overview_other_weight=weight)
    probs = model.predict_proba(TINY)
    assert (probs >= 0).all() and (probs <= 1 + 1e-12).all()
    assert np.allclose(probs.sum(axis=1), 1.0)


def test_fit_leaves_the_parameters_as_given():
    model = SectionClassifier(min_df=1, ngram_range=[1, 2])
    before = model.get_params()
    model.fit(TINY)
    assert model.get_params() == before


def test_predicting_before_fit_raises_not_fitted():
    from sklearn.exceptions import NotFittedError

    with pytest.raises(NotFittedError):
        SectionClassifier().predict(TINY)


def test_clone_of_a_fitted_model_is_unfitted():
    from sklearn.base import clone

    copy = clone(_tiny())
    assert not hasattr(copy, "classes_") and copy.get_params()["min_df"] == 1


# ---------------------------------------------------------------------------
# scikit-learn's own checks, where they apply
# ---------------------------------------------------------------------------

#: the checks of sklearn.utils.estimator_checks that read only the estimator's parameters,
#: construction, cloning, repr and tags. Every other check fits on numeric arrays (random
#: floats, a 1-d vector, NaN, sparse matrices …); this estimator reads a DataFrame of
#: paragraphs with a ``text`` column, so those checks do not apply. Their DataFrame
#: counterparts are the tests above and in test_sections.py (fit returns self and is
#: idempotent, predict_proba rows are distributions, pickling, unfitted → NotFittedError).
#: (check_param_validation is left out too: it asks for scikit-learn's private
#: ``_parameter_constraints``; fit checks the parameters itself, tested above.)
API_CHECKS = (
    "check_parameters_default_constructible", "check_no_attributes_set_in_init", "check_get_params_invariance",
    "check_set_params", "check_do_not_raise_errors_in_init_or_set_params", "check_estimator_cloneable",
    "check_estimator_repr", "check_mixin_order", "check_estimator_tags_renamed", "check_valid_tag_types",
)


@pytest.mark.parametrize("check_name", API_CHECKS)
def test_scikit_learn_api_check(check_name):
    from sklearn.utils import estimator_checks

    check = getattr(estimator_checks, check_name, None)
    if check is None:
        pytest.skip(f"{check_name} is not in this scikit-learn")
    check("SectionClassifier", SectionClassifier())


def test_the_tags_say_paragraph_frames_so_the_array_checks_are_skipped():
    from sklearn.utils import get_tags
    from sklearn.utils.estimator_checks import check_estimator

    tags = get_tags(SectionClassifier())
    assert not tags.input_tags.two_d_array and tags.input_tags.string and not tags.target_tags.required
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        check_estimator(SectionClassifier())
    assert any("Can't test estimator SectionClassifier" in str(w.message) for w in caught)


# ---------------------------------------------------------------------------
# Topic cues: the shipped lexicon, or the user's own
# ---------------------------------------------------------------------------

def test_the_shipped_cues_come_from_the_lexicon_in_its_order():
    lexicon = lexicons.load("topic_cues")
    assert lexicon.groups("topic") == TOPIC_CUES
    assert sum(map(len, TOPIC_CUES.values())) == len(lexicon) == 315
    assert _tiny().topic_cues_.word_lists == tuple(TOPIC_CUES.values())


def test_user_cues_replace_the_shipped_ones_and_move_the_prediction():
    text = pd.DataFrame({"text": ["星光计划"], "kind": ["body"]})
    culture = list(_tiny().classes_).index("culture")
    plain = _tiny(cue_weight=3.0).predict_proba(text)[0, culture]
    mine = _tiny(cue_weight=3.0, topic_cues={"welfare": ["慰问"], "culture": ["星光计划", "篮球"]})
    assert mine.topic_cues_.topics == ("welfare", "culture")
    assert mine.predict_proba(text)[0, culture] > plain + 0.1


def test_a_lexicon_extends_the_shipped_cues():
    extended = lexicons.load("topic_cues").extended([("星光计划", "culture")])
    model = _tiny(topic_cues=extended)
    cues = dict(zip(model.topic_cues_.topics, model.topic_cues_.word_lists, strict=True))
    assert cues["culture"][-1] == "星光计划" and cues["welfare"] == TOPIC_CUES["welfare"]
    assert model.compiled_ is not None and model.compiled_.topics.cues is model.topic_cues_


def test_a_model_with_user_cues_survives_the_array_file(tmp_path):
    model = _tiny(topic_cues={"welfare": ["慰问"], "culture": ["星光计划"]})
    path = tmp_path / "m.npz"
    SectionModel.from_classifier(model).save(path)
    loaded = SectionModel.load(path)
    assert loaded.compiled_.topics.cues.word_lists == (("慰问",), ("星光计划",))
    texts = pd.DataFrame({"text": ["星光计划启动", "慰问职工"], "kind": ["body", "body"]})
    np.testing.assert_allclose(loaded.predict_proba(texts), model.predict_proba(texts), atol=1e-9)


def test_topic_cues_count_like_the_regular_expression():
    cues = TopicCues({"welfare": ["慰问", "慰问金"], "culture": ["球", "篮球"]})
    texts = ["发放慰问金，慰问困难职工", "篮球赛", ""]
    expected = np.log1p([[2, 0], [0, 1], [0, 0]])
    np.testing.assert_array_equal(cues(texts), expected)


# ---------------------------------------------------------------------------
# Role cues: the shipped lists, or some replaced by the user's
# ---------------------------------------------------------------------------

def test_user_role_cues_replace_one_list_and_keep_the_others():
    from summarylens.sections.cues import FUTURE, ROLE_CUES, RoleCues
    from summarylens.sections.features import ROLE_FEATURES, role_features, role_numbers
    from summarylens.sections.rows import rows_from_frame

    mine = RoleCues.of({"problem": ["单调"]})
    assert mine.future is FUTURE and mine.roles["plan"] is ROLE_CUES["plan"]
    rows = rows_from_frame(pd.DataFrame({"text": ["文体活动形式比较单调。"], "kind": ["body"]}))
    column = ROLE_FEATURES.index("text_problem")
    shipped = role_numbers(role_features(rows)[1])[0, column]
    assert shipped == 0.0 and role_numbers(role_features(rows, mine)[1])[0, column] > 0


@pytest.mark.parametrize(("cues", "message"), [
    ({"trouble": ["不足"]}, r"unknown lists \['trouble'\]"),
    ({"problem": []}, "at least one word"),
    ({"plan": ["下半年", " "]}, "no empty word"),
    (["不足"], "role_cues must be None or a dict"),
])
def test_fit_refuses_bad_role_cues(cues, message):
    with pytest.raises(ValueError, match=message):
        SectionClassifier(role_cues=cues).fit(TINY)


def test_a_model_with_user_role_cues_survives_pickling_and_the_array_file(tmp_path):
    import pickle

    model = _tiny(role_cues={"plan": ["下半年", "下一步", "将"]})
    again = pickle.loads(pickle.dumps(model))
    assert again.role_cues_.roles["plan"].pattern == "下半年|下一步|将"
    path = tmp_path / "m.npz"
    SectionModel.from_classifier(model).save(path)
    loaded = SectionModel.load(path)
    assert loaded.role_cues_.words == {"plan": ["下半年", "下一步", "将"]}
    assert (loaded.predict_role(TINY) == model.predict_role(TINY)).all()


def test_topic_cue_exclusions_keep_the_verb_reading_of_a_cue_from_counting():
    import pickle

    from summarylens.sections.cues import TOPIC_CUE_EXCLUSIONS

    assert "工会组织职工" in TOPIC_CUE_EXCLUSIONS["organization"]
    organization = list(TOPIC_CUES).index("organization")
    shipped = TopicCues(TOPIC_CUES)
    verb, noun = shipped(["我们的工会组织职工去郊外徒步", "我们的工会组织建设"])[:, organization]
    assert verb < noun and noun > 0
    # a user's own list gets the shipped exclusions, unless the phrase is one of its words
    mine = TopicCues({"organization": ["工会组织", "工会组织职工"], "culture": ["徒步"]})
    assert mine.exclusions[0] and "工会组织职工" not in mine.exclusions[0]
    assert mine(["工会组织职工去郊外徒步"]).tolist() == np.log1p([[1, 1]]).tolist()
    restored = pickle.loads(pickle.dumps(shipped))
    np.testing.assert_array_equal(restored(["工会组织会员参观"]), shipped(["工会组织会员参观"]))
    none = TopicCues({"organization": ["工会组织"]}, exclusions={})
    assert none(["工会组织会员参观"]).tolist() == np.log1p([[1]]).tolist()
