"""The figures of a paragraph: amounts, headcounts, households, percentages and counts.

:func:`find_figures` reads one heading or body paragraph and returns its figures
(:class:`~summarylens.model.Figure`) and its 共计……其中 groups
(:class:`~summarylens.model.Relation`). It is regex-driven — no segmentation — so it
runs many times faster than ``jieba.lcut`` over the same text (``bench/figures.py``):
one ``finditer`` finds the numbers, most of them take a fast path (an Arabic number
and a plain unit), and each sentence is cut out once per paragraph.

How a figure is read (SPEC section 2):

- **money** is in yuan: ``3.1055万元`` → 31055, ``近400万元`` → 4000000 (``under``),
  ``捐款158万`` → 1580000 (万 or 亿 with no unit, after a money word, means yuan).
  ``人均500元`` and ``500元/人`` are money.
- **people** 人/名/位 (unit ``人``), **person_times** 人次, **households** 户 (and 户次),
  **organizations** 家, 所, and 个 when it counts unions, branches, units, departments,
  teams or outlets (``58个基层工会``, ``分工会9个``), **percent** ``%``/``％``,
  ``百分之六点九``, ``三成`` (unit ``%``) and ``1.2个百分点`` (kind ``percent``, unit
  ``个百分点``: a change in percent points, kept apart from a level), **count** for the
  other measure words (次, 场, 期, 册, 份, 条, 项, 件, 支, 处, 台, 篇, 节, 组, 门, 本,
  goods such as 袋, 箱, 桶, 把, 栋 …, and 个).
- 个 before a word for people (``91个骨干子女``) counts people; before 家庭 households;
  after or before an organisation noun (工会, 班组, 联合会, 工作室 …) organisations; a
  running total (``11个，累计达到68个``) counts what the 个 before it counted.
- 万/亿 before 人口 counts people (``13亿人口``), before 家庭 households (``2900多万家庭``).
- Durations (``3天``, ``4个月``, ``3个多月``, ``8小时``, ``40学时``) and measurements (吨,
  平方米, 标箱) are not figures.
- Qualifiers: 约/大约/约合/左右/上下/来 → ``approx``; 余/多/以上/超过/逾/上百 →
  ``over``; 近/将近/接近/不到/不足/以下/以内 → ``under``. Prefix qualifiers are part of
  ``raw`` (``近400万元``), and so are trailing 左右/以上 (``10万元左右``).
- An enumeration or a range sharing one unit gives one figure per number:
  ``1000、500元`` → 1000 元 and 500 元; ``3至5名`` → 3 and 5; ``10-15万元`` → 100000
  and 150000 (the first end borrows 万 when it is the smaller number).
- Masked values (``15xxxx元``, ``202_元``, ``9x%``, ``×××元``) are figures with
  ``masked=True`` and ``value=None``.
- Not figures — see the EXCLUSIONS block: ordinals and sessions, named numerals and
  idioms (``三番五次``, ``五花八门``), document numbers, dates and clock times, list
  markers, the indefinite 一 + measure word, bare 百/千/万 without a qualifier
  (``百人大合唱``, ``千家万户``), ranks (``前三名``), rates (``每万人``), vague pairs of
  digits (``一两次``, ``三四十家``), pairings (``1对1帮扶``), and rhetorical Chinese
  counts (``突出两个重点``, ``抓好三件事``, ``三个“十条”``).

Example::

    >>> figs, rels = find_figures("共计216人，其中在职职工129人，退休人员87人。")
    >>> [(f.raw, f.value, f.kind) for f in figs]
    [('216人', 216.0, 'people'), ('129人', 129.0, 'people'), ('87人', 87.0, 'people')]
    >>> rels[0].part_fig_ids, rels[0].consistent
    ((1, 2), True)
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

from .model import Figure, Relation
from .numerals import CN_BIG_UNITS, is_bare_unit, parse_number, parse_plain, to_ascii

# =====================================================================================
# PATTERNS — every regex of the extractor, compiled once at import.
# =====================================================================================

_D = "0-9０-９"                                    # Arabic digits, ASCII and full-width
_CN = "零〇○一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟"  # Chinese numeral characters
_CN_DIGIT = "零〇○一二三四五六七八九"                 # digits allowed after 点
_MASK = "xX×＿_*＊ｘＸ"                              # characters a site uses to mask a digit
_CJK = "\u4e00-\u9fff"
#: what may follow a number that opens with a mask (××万元, XX人次, ××次): a unit
_MASK_UNIT_FIRST = "元%％人名户家万次项件个场期条份所篇"

#: a number: 百分之…, a masked number, an Arabic number (with 万/亿 etc.), a Chinese numeral
_NUMBER = (
    rf"百分之(?:[{_D}]+(?:[.．][{_D}]+)?|[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
    rf"|(?:[{_D}]{{1,3}}(?:[,，][{_D}]{{3}})*[,，](?=[{_D}{_MASK}]{{3}}(?![{_D}{_MASK}]))[{_D}]*[{_MASK}]"
    rf"|[{_D}]*[{_D}][{_MASK}]"
    rf"|[{_MASK}]{{1,4}}(?:[.．][{_MASK}]{{1,2}})?(?=[{_D}]*[{_MASK_UNIT_FIRST}]))"
    rf"[{_D}{_MASK}]*[万千百亿]?"
    rf"|[{_D}]+(?:[,，][{_D}]{{3}}(?![{_D}]))*(?:[.．][{_D}]+)?"
    rf"(?:[十百千万亿]+(?:[{_D}]+(?:[.．][{_D}]+)?[万千百]+)*)?"
    rf"|[{_CN}]+(?:点[{_CN_DIGIT}]+[万亿]?)?"
)

#: the unit after a number (longest first), each guarded against the words it starts
_UNIT = (
    r"个百分点|个多百分点|百分点|[%％]"
    r"|元(?![旦素宵帅老首])"
    r"|人次|人·次|户次|场次|节次|批次|件次"
    r"|人(?![民员口才社大士事力])"
    r"|名(?![额称义字片誉牌次])"
    r"|位(?![于置列居一数])"
    r"|户(?![口籍外型])"
    r"|家(?![庭属长乡园里中务电人政风])"
    r"|所(?![在以有属得谓需长辖说])"
    r"|个(?!人|体|性|别|税|[多半]?(?:月|小时|季度|年|星期|周|工作日|钟头))"
    r"|成(?![员立为功绩果本效就长熟型都交人年品])"
    r"|次(?![数日])"
    r"|场(?![所地馆合景面上内外])"
    r"|期(?![间末初中内满待盼刊望限货权])"
    r"|起(?![来床草步点到见码始初])"
    r"|副(?![校主书院局县市处科组部经总厂队会长理秘委镇乡区省司所站馆团教])"
    r"|对(?![于待接象照比应外内此口标话策付岸])"
    r"|间(?![隔断歇接距谍])"
    r"|只(?![有是要能会需])"
    r"|册|份(?![额])|条(?![件例款])|项(?![目])|件|篇|套|辆|幅|堂|张"
    r"|节(?![日约能点假庆气目奏拍俭省制水电余])"
    r"|组(?![织建长成合委团员队数别内间件图稿])"
    r"|门(?![口店诊户槛面卫前窗类市票禁岗])"
    r"|本(?![年月日次届级地科职质身部单市县区人项期着土])"
    r"|把(?![手握关好脉])|双(?![休节职方向规拥百])|顶(?![层端尖级替岗])|块(?![钱])"
    r"|袋|箱|桶|瓶(?![装颈])|盒(?![饭子])|枚|盏|栋|幢|棵|株|片(?![区面刻段场长])"
    r"|支(?![部持出付援撑配柱])"
    r"|处(?![理室长级于置分罚境])"
    r"|台(?![账帐阶风湾词上前])"
    r"|批(?![准评复])"
    r"|座(?![谈])"
    r"|首(?![届次先都批席长府])"
    r"|部(?![门分署长队位委属级])"
)

#: the same numbers as ``_NUMBER``, written to be searched fast: every alternative
#: opens with the one character class below, and a lookbehind picks the alternative.
#: A pattern that opens with a character class lets the regex engine skip the text
#: between numerals in C, so the scan is one ``finditer`` instead of a gate search and
#: a match per numeral. ``tests/test_figures.py`` checks both forms match alike.
_NUMBER_SEARCHED = (
    rf"[{_D}{_MASK}{_CN}]"
    rf"(?:(?<=百)分之(?:[{_D}]+(?:[.．][{_D}]+)?|[{_CN}]+(?:点[{_CN_DIGIT}]+)?)"
    rf"|(?:(?<=[{_D}])(?:[{_D}]{{0,2}}(?:[,，][{_D}]{{3}})*[,，]"
    rf"(?=[{_D}{_MASK}]{{3}}(?![{_D}{_MASK}]))[{_D}]*[{_MASK}]"
    rf"|[{_D}]*[{_MASK}])"
    rf"|(?<=[{_MASK}])[{_MASK}]{{0,3}}(?:[.．][{_MASK}]{{1,2}})?(?=[{_D}]*[{_MASK_UNIT_FIRST}]))"
    rf"[{_D}{_MASK}]*[万千百亿]?"
    rf"|(?<=[{_D}])[{_D}]*(?:[,，][{_D}]{{3}}(?![{_D}]))*(?:[.．][{_D}]+)?"
    rf"(?:[十百千万亿]+(?:[{_D}]+(?:[.．][{_D}]+)?[万千百]+)*)?"
    rf"|(?<=[{_CN}])[{_CN}]*(?:点[{_CN_DIGIT}]+[万亿]?)?)"
)

#: one number with its qualifiers and unit: 400万元 / 300多名 / 十余万元 / 20人左右
FIGURE = re.compile(
    rf"(?P<num>{_NUMBER_SEARCHED})"
    r"(?:(?P<q1>[多余来])(?P<mult>[十百千万亿]{1,2})?(?P<q2>[多余])?)?"
    rf"(?:[ \u3000]?(?P<unit>{_UNIT}))?"
    r"(?P<post>左右|上下|以上|以下|以内|之多)?"
)

#: a qualifier right before a number (约, 近, 不到, 超过 …; not 节约, 附近): 近400万元
PREFIX_QUALIFIER = re.compile(
    r"(?:大约|约为|约有|约合|将近|接近|不到|不足|不超过|不高于|不多于|不少于|不低于|超过|逾"
    r"|(?<![节制签预契公隐婉违履相邀大])约|(?<![附最邻将接])近|上)$"
)
#: the last characters of the words of PREFIX_QUALIFIER (a cheap test before the regex)
_PREFIX_LAST = frozenset("约为有合近到足过于逾上")
#: 上 qualifies only a bare 百/千/万 (上百人, 上千名)
_SHANG_OK = re.compile(r"[百千万亿]{1,2}[余多]?[人名户家元]")

#: what joins the numbers of an enumeration (、 和 及 或) or a range (至, 到, —, -, ~)
JOINER = re.compile(r"、|和|及|或|至|到|——|—|–|－|-|~|～|〜")

#: first characters of JOINER words (a number without unit is kept only before one)
_JOINER_FIRST = frozenset("、和及或至到—–－-~～〜")

#: a range joiner (the rest of JOINER is an enumeration)
RANGE_JOINER = re.compile(r"至|到|——|—|–|－|-|~|～|〜")

#: money words: 万/亿 with no unit after one of these means 万元/亿元 (捐款158万)
MONEY_CONTEXT = re.compile(
    r"(?:款|金|资金|经费|会费|费用?|投入|筹措|筹集|募集|收入|支出|工资|奖励|补助|补贴|救助|慰问"
    r"|捐赠?|产值|利润|税收?|保费|营收|销售额|总额|金额|余额|贷款|存款|元)"
    r"[^，。；,;！？]{0,6}$"
)

#: a measure word we do not count, right after 万/亿 (口罩3.6万只, 粮食1.3万亿斤): not money
MEASURE_AFTER = re.compile(r"[只瓶斤吨盒箱袋双株棵头亩平米公千克度笔单本册张台辆套把枚个顶]")

#: a word right after 万/亿 with no unit: it names what is counted, so it is not money
NOUN_AFTER = re.compile(r"(?![的用并及和作为余多])[\u4e00-\u9fff]")

#: people words: 万 with no unit after one of these counts people (会员1.2万, 人口1000万以上)
PEOPLE_CONTEXT = re.compile(r"(?:会员|职工|员工|人数|人口|群众|志愿者)[^，。；,;！？]{0,6}$")

#: a rate word before a masked number with no unit: 上交费率达到10xxxx
MASKED_RATE_CONTEXT = re.compile(r"率[^，。；,;！？]{0,4}$")

#: organisation nouns that make 个 count organisations (58个基层工会, 分工会9个)
_ORG_NOUNS = (
    r"工会|分会|单位|部门|班组|支部|小组|团队|网点|企业|公司|科室|车间|站点|服务站|驿站|协会"
    r"|集体|支行|分行|营业部|代表队|[中大]队|窗口|社区|乡镇|街道|学校|医院|机关|处室|委员会"
    r"|职工之家|小家|(?:党|工会|基层|群团|团|妇|社会|两新)组织|项目部|工区|门店|分店|机构|事业部|合作社|兴趣小组|中心|厅局|(?<![大格布结当全时胜开终定赌棋饭])局|之家"
    r"|俱乐部|社团|轮班|联合会|工作室"
)
ORG_AFTER = re.compile(rf"[^，。；、,;！？\s\d]{{0,12}}?(?:{_ORG_NOUNS})")
#: an organisation noun just before a number ("分工会9个", "“服务明星网点”6个")
ORG_BEFORE = re.compile(rf"(?:{_ORG_NOUNS})[”\"’）)》]?$")

#: 个 with nothing counted after it (the clause ends): 累计达到68个。
GE_BARE_AFTER = re.compile(r"[，。；、,;！？）)\s]|$")
#: what may stand between two 个 figures when the second is a running total of the first
GE_CARRY_GAP = re.compile(
    r"[，,；;、]?(?:累计|总数|总计|合计|共计|目前|现已|已|共|全部|总共)*(?:达到|达|增至|增加到|增加至|为|有)?"
)
#: people nouns that make 个 count people (91个骨干子女); 家庭 makes households
PEOPLE_AFTER = re.compile(
    r"[^，。；、,;！？\s\d]{0,2}?(?:职工|员工|会员|子女|学生|孩子|老人|同志|人员|代表(?!队))"
)
HOUSEHOLD_AFTER = re.compile(r"[^，。；、,;！？\s\d]{0,4}?(?:家庭|困难户)")

#: words that open the total of a 共计……其中 group (共 but not 中共, 共产, 共同 …)
TOTAL_WORD = re.compile(
    r"共计|合计|总计|累计|共有|(?<![中公])共(?![产同建享青识赢])|总数|总人数|总额"
)
#: the word that opens the parts of a group
PARTS_WORD = re.compile(r"其中")
# a per-head or per-unit rate, never a part of a total: "每户500元", "人均3000元", "标准为"
RATE_BEFORE = re.compile(r"(?:每|人均|户均|均|标准为?)[^，。；,;！？\d]{0,2}$")
MIN_PARTS = 2
#: sentence ends (a sentence is what a figure "stands in"); spelt ``XX*``, not ``X+``: a
#: pattern that opens with a character class lets the engine skip ahead between matches
SENTENCE_END = re.compile(r"[。！？!?…\n][。！？!?…\n]*")

#: subject words: modifiers and heads of what is counted or paid, read next to a figure
_SUBJ_MOD = (
    r"特困|困难|贫困|单亲|患病|生病|伤病|大病|重病|住院|退休|离退休|离休|在职|一线|女|男|青年|新|优秀|先进"
    r"|农民|基层|低收入|省|市|县|全体|参赛|参训|获奖|特殊|外来务工|骨干|留守|残疾|失业|下岗"
    r"|劳动|工会|会员|职工|员工|教职|家庭|子女|一次性|节日|爱心|助学|保险"
)
_SUBJ_HEAD = (
    r"女教职员工|教职员工|教职工|女职工|职工|员工|会员|干部|教师|老师|同志|代表队|代表|劳模|劳动模范|选手"
    r"|人员|学生|子女|家庭|困难户|农民工|党员|志愿者|专家|医护人员|医生|护士|司机|队员|工人|工匠|人才"
    r"|积极分子|单位|企业|分工会|工会|分会|班组|小组|网点|部门|支部|集体|团队|对象"
    r"|慰问金|慰问款|慰问品|救助款|救助金|救济金|助学金|奖金|奖励|资金|经费|会费|补助金|补助款|补助"
    r"|捐款|善款|保费|基金|款|提案|建议|意见|问题|隐患|项目|活动|课题|专利|问卷|图书|书|横幅|标语"
    r"|黑板报|培训班|比赛|讲座|证|合同|事项|网点|条幅|展板|宣传单|宣传册|书籍"
)
_SUBJ_FILLER = (
    "共计|合计|总计|累计|共有|共|计|达到|达|为|约|有|分别|各|均|已|实到|应到|人数|金额|总额|总数"
    "|折合|合|增加|新增|净增|提高|增长|增至|到|了|的|：|:"
)


def _backwards(alternation: str) -> str:
    """The words of a plain alternation, each written backwards: ``"职工|款"`` → ``"工职|款"``."""
    return "|".join(word[::-1] for word in alternation.split("|"))


#: the subject right after a unit: 名[女职工], 个[基层工会]
SUBJECT_AFTER = re.compile(rf"(?:{_SUBJ_MOD})*(?:{_SUBJ_HEAD})+")
#: the subject right before a number, matched on the *reversed* window (one anchored
#: match instead of a search): 慰问[特困职工家庭]24户, 计[慰问款]20100元
SUBJECT_BEFORE_REVERSED = re.compile(
    rf"(?:(?:{_backwards(_SUBJ_HEAD)})(?:{_backwards(_SUBJ_MOD)})*)+"
)
#: fallback subject after a unit: a run of Chinese up to a function word or a stop
SUBJECT_AFTER_RUN = re.compile(
    r"[\u4e00-\u9fff]{2,7}?(?=[的了在参与和及等为对进开到获被向从给将把所就是有也还又并而且已均都共计达占由于以"
    r"，。；、,;！？（）()\s“”]|$)"
)
#: fallback subject before a number: the Chinese run after the last verb or function word
SUBJECT_BEFORE_RUN = re.compile(r"[\u4e00-\u9fff]{2,8}$")
_LAST_VERBS = (
    "收到|发放|组织|开展|举办|慰问|走访|帮扶|救助|资助|看望|表彰|评选|评出|选拔|新增|发展|参加|参与"
    "|采纳|提出|涉及|覆盖|惠及|接待|受理|调解|签订|召开|完成|排查|整改|发现|解决|答复|办复|立案|建立|新建"
    "|组建|成立|净增|推荐|获得|荣获|设立|下设|拥有|现有|聘请|投入|筹集|筹措|拨缴|上解|收缴|支出|节约|追回"
    "|挽回|培训|征集|抽查|补签|办理|购置|添置|配发|赠送|送去|达到|提高到|增加到|为|给|向|对|在|有|达|是"
    "|占|由|到|了|的|和|与|及|其余|其中|全部|共|计"
)
#: the last verb or function word of the words before a number (greedy: the last one)
SUBJECT_LAST_VERB = re.compile(rf".*(?:{_LAST_VERBS})")
#: one of those words at a given offset, and the characters they open with: scanning
#: back from the end with these finds the same word as SUBJECT_LAST_VERB, cheaper
_VERB_AT = re.compile(_LAST_VERBS)
_VERB_FIRST = frozenset(word[0] for word in _LAST_VERBS.split("|"))
#: the run of Chinese right before a number, matched on the reversed words
_RUN_REVERSED = re.compile(r"[\u4e00-\u9fff]{2,8}")
#: filler between a subject and its figure ("慰问款共计", "人数达到"), reversed like it
SUBJECT_FILLER_REVERSED = re.compile(rf"(?:{_backwards(_SUBJ_FILLER)}|\s)+")
_SUBJECT_AFTER_MATCH = SUBJECT_AFTER.match
#: both in one match on the reversed window: the filler (possessive: it gives nothing
#: back, as when matched on its own), then the subject if there is one
_SUBJECT_BEHIND = re.compile(
    rf"(?:{_backwards(_SUBJ_FILLER)}|\s)*+(?P<subject>{SUBJECT_BEFORE_REVERSED.pattern})?"
)
_SUBJECT_BEHIND_MATCH = _SUBJECT_BEHIND.match
#: the characters those two can open with (cheap tests before the regexes, which try
#: every word): a subject word after a unit; a filler or subject word, read backwards
_SUBJECT_AFTER_FIRST = frozenset(word[0] for word in f"{_SUBJ_MOD}|{_SUBJ_HEAD}".split("|"))
_SUBJECT_BEHIND_FIRST = frozenset(word[-1] for word in f"{_SUBJ_FILLER}|{_SUBJ_HEAD}".split("|"))

# =====================================================================================
# EXCLUSIONS — numbers that are never figures (SPEC "Not figures"), all in one place.
# Each entry is (name, pattern); the patterns look at the text around a candidate.
# =====================================================================================

#: named numerals: festivals, plans, congresses, slogans (三八, 五一, 十四五, 两争一树 …)
NAMED_NUMERALS = re.compile(
    r"三八|五一|五四|七一|八一|六一|十一五|十二五|十三五|十四五|十五五"
    r"|[十二][十]?[一二三四五六七八九]?大(?=精神|报告|代表|以来|召开|胜利|确定|提出|部署|和|、|”|」)"
    r"|三个代表|两争一树|一三一|十佳|百佳|十大|两学一做|三严三实|四个意识|四个自信|两个维护|两个确立"
    r"|四个全面|五位一体|两个毫不动摇|两个一百年|四个不摘|三个区分开来|八项规定|三会一课|一岗双责|三重一大|两个确保|一带一路|五个一|两节|双节"
    r"|二次创业|二次报销|二次分配|三次产业|一二三|两新|两癌|两公开|三公|四风|一户一策|一人一档"
    # idioms (成语) built on numerals: 三番五次, 五花八门, 三五成群 …
    r"|三番五次|五花八门|三五成群|三三两两|一五一十|三令五申|七嘴八舌|四面八方|三座大山|万众一心|两条腿"
)

#: a book or document title holds the number: 《廉洁从业九项准则》, 《十条措施》
IN_TITLE = re.compile(r"《[^》\n]{0,40}$")

#: an ordinal or a session: 第九届, 第3名, 八届五次 (the number right after 第 or 届)
ORDINAL_BEFORE = re.compile(r"(?:第|届)\s*$")
#: last characters of the words before a number that can exclude it (cheap test first)
_EXCLUDING_LAST = frozenset("第届每前后 \u3000")
_D_CHARS = frozenset("0123456789０１２３４５６７８９")
_MASK_SET = frozenset(_MASK)
_CN_SET = frozenset(_CN)
#: how far around a number a named numeral is looked for (the longest name is 6 characters)
_NAMED_REACH = 8
#: an Arabic number once full-width forms are read as ASCII: 1,260 / 6.1 / 95.5
_BIG_TAILS = {"万": 10_000.0, "亿": 100_000_000.0, "万亿": 1e12}
ARABIC_NUMBER = re.compile(r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?")
#: a session spelled out after its congress: 十三届全国人大五次会议 (届 earlier in the clause)
SESSION_AFTER = re.compile(r"(?:会议|全会|全体会议|全委会|执委会|常委会|代表大会|职代会|教代会)")
SESSION_BEFORE = re.compile(r"届[^，。；,;！？、]{0,10}$")
#: a rate or a rank, not a count: 每万人, 每100名; 前三名, 前10名
RATE_OR_RANK_BEFORE = re.compile(r"(?:每|前|后)$")
#: a vague Chinese count: 数十人, 几十万元, 若干 (no number a researcher could copy)
VAGUE_BEFORE = re.compile(
    r"(?:(?<![总人次户件基参半多少指分倍系函代整负正奇偶岁年天票字位名额数])数|几|若干)$"
)
#: a Chinese numeral glued to the word before it: 周三, 初三, 高三, 星期一, 之一, 统一
CN_GLUED_BEFORE = re.compile(r"(?:周|初|(?<![提升增拔抬])高|星期|之|统|唯|同|单|专|逐|某|其|“|「|《|‘)$")
#: a date or a clock time: 5月23日, 11年3月, 12时20分, 2023年, 202_年 (the number before 年月日时分)
DATE_OR_TIME_AFTER = re.compile(r"[年月日时分秒号点]")
#: a document number: 湘工发14号文件, 〔2024〕12号, 潭政发9号 (number closed by 号)
DOCUMENT_NUMBER = re.compile(r"(?:发|字|〔[0-9０-９]{4}〕|\[[0-9]{4}\]|\([0-9]{4}\))[0-9０-９]+号")
#: a list marker opening a clause: "1、" "2." "（一）" — a number with no unit before 、
LIST_MARKER_BEFORE = re.compile(r"(?:^|[。！？；;：:\n])[\s\u3000]*[（(]?$")
_LIST_LOOKBACK = 6
#: the indefinite 一 + measure word: 有一位退休教师, 又一次, 一声 (the numeral is 一 alone)
INDEFINITE_ONE = frozenset({"一", "壹"})
#: 一 counts (is not indefinite) when it closes a clause after a noun: 其中省级一等奖一人。
COUNTED_ONE_UNITS = frozenset({"人", "名", "位"})
COUNTED_ONE_AFTER = re.compile(r"[。；;，,）)]|$")
INDEFINITE_BEFORE = re.compile(r"[又有这那每第了是为各再另只仅共]$")
#: rhetorical Chinese counts, not data: 突出两个重点, 加大三个力度, 抓好三项工作, 十件大事
RHETORICAL_AFTER = re.compile(
    r"[一二三四五六七八九十零〇0-9０-９]|大局|市场|重点|机制|确保|代表|维护|力度|方面|转变|意识|自信|全面|坚持|倾斜|优先"
    r"|结合|提升|一流|务必|环节|基本点|原则|目标|任务|工作|措施|要求|作用|理念|体系|精神|主线|抓手"
    r"|平台|载体|工程|建设|保障|突破|关系|问题|思路|覆盖|满意|落实|强化|大事|层面|领域|阶段|战略"
    r"|能力|渠道|内容|特点|亮点|难点|品牌|板块|原因|到位|服务|统筹|不变|注重|突出|着力|职能|职责|积极性|字"
    r"|事(?![项件故])|(?:民生)?实事|好事|行动|举措|[“「‘\"]"
)
#: two Chinese digits in a row give a vague count, not a number: 一两次, 两三人, 三四十家, 七八个
VAGUE_PAIR = re.compile(r"[一二两三四五六七八九]{2}")
#: 对 followed by a number pairs people up, it counts nothing: 1对1帮扶, 一对一, 一对多
PAIRING_AFTER = re.compile(r"[0-9０-９一二两三四五六七八九十多Nn]")
#: measure words after which a Chinese numeral may be rhetorical (个, 项, 条, 件, 大, 种)
RHETORICAL_UNITS = frozenset({"个", "项", "条", "件"})

#: a site blurb counting the articles of a compilation: (精选4篇), 通用8篇
SITE_BLURB = re.compile(r"(?:精选|通用|汇编|合集|大全|集锦|范文)[（(]?$")

EXCLUSIONS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("named numeral", NAMED_NUMERALS),
    ("ordinal or session", ORDINAL_BEFORE),
    ("session after its congress", SESSION_AFTER),
    ("rate or rank", RATE_OR_RANK_BEFORE),
    ("chinese numeral glued to a word", CN_GLUED_BEFORE),
    ("date or clock time", DATE_OR_TIME_AFTER),
    ("document number", DOCUMENT_NUMBER),
    ("list marker", LIST_MARKER_BEFORE),
    ("site blurb", SITE_BLURB),
    ("inside a title", IN_TITLE),
    ("vague count", VAGUE_BEFORE),
    ("vague pair of digits", VAGUE_PAIR),
    ("pairing", PAIRING_AFTER),
    ("rhetorical chinese count", RHETORICAL_AFTER),
)

# =====================================================================================
# Units and qualifiers
# =====================================================================================

#: unit as written → (kind, normalised unit)
UNIT_KINDS: dict[str, tuple[str, str]] = {
    "元": ("money", "元"),
    "人": ("people", "人"), "名": ("people", "人"), "位": ("people", "人"),
    "人次": ("person_times", "人次"), "人·次": ("person_times", "人次"),
    "户": ("households", "户"), "户次": ("households", "户次"),
    "家": ("organizations", "家"), "所": ("organizations", "所"),
    "%": ("percent", "%"), "％": ("percent", "%"), "成": ("percent", "%"),
    "个百分点": ("percent", "个百分点"), "百分点": ("percent", "个百分点"),
    "人口": ("people", "人"), "家庭": ("households", "户"),
}

#: nouns read as the unit of a number in 万 or 亿 (13亿人口, 惠及2900多万家庭)
BIG_NUMBER_NOUNS = ("人口", "家庭")

#: qualifier words → qualifier
QUALIFIER_WORDS: dict[str, str] = {
    "约": "approx", "大约": "approx", "约为": "approx", "约有": "approx", "约合": "approx",
    "左右": "approx",
    "上下": "approx", "来": "approx",
    "余": "over", "多": "over", "以上": "over", "超过": "over", "逾": "over", "上": "over",
    "之多": "over",
    "不少于": "over", "不低于": "over",
    "近": "under", "将近": "under", "接近": "under", "不到": "under", "不足": "under",
    "不超过": "under", "不高于": "under", "不多于": "under",
    "以下": "under", "以内": "under",
}

#: units read without looking around them (个 needs its noun, 成 a Chinese numeral, 篇 a
#: site-blurb check): the fast path of :func:`_figure`
_PLAIN_UNITS = frozenset({
    "元", "人", "名", "位", "人次", "人·次", "户", "户次", "家", "所", "%", "％",
    "个百分点", "百分点",
    "场", "期", "册", "份", "条", "项", "件", "套", "辆", "幅", "堂", "张", "支", "处", "台",
    "批", "座", "首", "部", "起", "副", "间", "只", "场次", "节次", "批次", "件次",
    "节", "组", "门", "本", "把", "双", "顶", "块", "袋", "箱", "桶", "瓶", "盒", "枚", "盏", "栋", "幢",
    "棵", "株", "片",
})

_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}

#: characters before a number that make :func:`_candidate` look closer: the last
#: characters of prefix qualifiers, and Latin letters (G20, iPhone15)
_CAND_LOOK_BEFORE = _PREFIX_LAST | frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")

#: builds a NamedTuple from a tuple without the Python-level ``__new__`` (hot loops)
_new_tuple = tuple.__new__


class _Found(NamedTuple):
    """A figure before its sentence and subject are read."""

    raw: str
    start: int
    end: int
    value: float | None
    unit: str
    kind: str
    qualifier: str
    masked: bool


class _Candidate(NamedTuple):
    """One FIGURE match, before units are shared along an enumeration or a range."""

    start: int          # where raw starts (prefix qualifier included)
    num_start: int      # where the number itself starts
    num_end: int
    end: int            # where raw ends
    num: str
    unit: str | None    # unit as written, None when it has to be borrowed
    qualifier: str
    mult: float         # 万/亿 written after 余/多 (十余万元)
    masked: bool


# =====================================================================================
# Public API
# =====================================================================================


def find_figures(
    text: str, *, offset: int = 0, para_id: int | None = None,
    first_fig_id: int | None = None, topic: str | None = None,
) -> tuple[list[Figure], list[Relation]]:
    """Figures of one paragraph and its 共计……其中 relations.

    Offsets are into ``text`` (``text[f.start:f.end] == f.raw``); ``para_id``,
    ``fig_id`` and ``topic`` are left None for the pipeline. Relation ids index the
    returned list.

    A caller placing the paragraph in a document can have the figures built in place
    instead of copying each one (``dataclasses.replace`` costs about as much as finding
    the figure): ``offset`` is added to ``start``/``end``, ``para_id`` and ``topic`` are
    set, and with ``first_fig_id`` the figures are numbered from it and the relation ids
    are those ``fig_id`` values.

    Example::

        >>> figs, _ = find_figures("春节期间慰问特困职工家庭24户，计慰问款20100元。")
        >>> [(f.raw, f.value, f.kind, f.subject) for f in figs]
        [('24户', 24.0, 'households', '特困职工家庭'), ('20100元', 20100.0, 'money', '慰问款')]
    """
    if not isinstance(text, str) or not text:
        return [], []
    candidates = _scan(text)
    if not candidates:
        return [], []
    found: list[_Found] = []
    if len(candidates) == 1:
        found.extend(_chain_figures(text, candidates))
    else:
        for chain in _chains(text, candidates):
            found.extend(_chain_figures(text, chain))
    if not found:
        return [], []
    if len(found) > 1 and text.count("个") > 1:
        _carry_ge_kinds(text, found)
    ends = _sentence_bounds(text)
    relations = find_relations(text, found, ends)          # on offsets into ``text``
    if first_fig_id and relations:
        relations = [Relation(r.total_fig_id + first_fig_id,
                              tuple(i + first_fig_id for i in r.part_fig_ids),
                              r.parts_sum, r.consistent) for r in relations]
    return _finish_all(text, found, ends, offset, para_id, first_fig_id, topic), relations


def _named(text: str, cand: _Candidate) -> bool:
    """True when a named numeral (三八, 十四五, 三个代表 …) overlaps the number of ``cand``.

    Looked for only in a window around the number (the longest name is 6 characters),
    and only for Chinese numerals: one short search instead of one over the whole text.
    """
    lo, hi = cand.num_start, cand.num_end
    for m in NAMED_NUMERALS.finditer(text, max(0, lo - _NAMED_REACH), hi + _NAMED_REACH):
        if m.start() < hi and lo < m.end():
            return True
    return False


def _scan(text: str) -> list[_Candidate]:
    """Candidates of ``text``: every FIGURE match, left to right.

    A bare number (no qualifier, no unit) is dropped right here unless it may borrow a
    unit from the next number (``1000、500元``) or stand for 万元/a masked value: most
    numerals of prose (年, 月, 一线, 统一 …) never become candidates.
    """
    out: list[_Candidate] = []
    n = len(text)
    joiners, masks = _JOINER_FIRST, _MASK_SET
    for m in FIGURE.finditer(text):
        if m.lastindex == 1:                                # only the number matched
            num = m.group(1)
            end = m.end()
            if (num[-1] not in "万亿" and num[0] != "百" and (end >= n or text[end] not in joiners)
                    and masks.isdisjoint(num)):
                continue
        elif m.lastindex == 5 and m.start() and text[m.start() - 1] not in _CAND_LOOK_BEFORE:
            # the common case, a number and its unit (300人, 6.1万元): nothing before it
            # to read (no qualifier word, no Latin letter), nothing to borrow or keep
            num, q1, unit = m.group(1, 2, 5)
            if q1 is None and unit != "个多百分点" and masks.isdisjoint(num):
                start, end = m.span()
                out.append(_new_tuple(_Candidate, (start, start, start + len(num), end, num, unit,
                                                   "exact", 1.0, False)))
                continue
        cand = _candidate(text, m)
        if cand is not None:
            out.append(cand)
    return out


# =====================================================================================
# Candidates and chains
# =====================================================================================


def _candidate(text: str, m: re.Match[str]) -> _Candidate | None:
    """A FIGURE match (with the qualifier before it) as a candidate, or None.

    A number with no unit is kept only when it may borrow one (``1000、500元``) or
    mean 万元/a masked value; everything else (years, days, list numbers) stops here.
    """
    num, q1, mult_text, q2, unit, post = m.groups()
    start, end = m.start(), m.end()
    if (unit is None and (mult_text or num[-1] in "万亿") and not post
            and text.startswith(BIG_NUMBER_NOUNS, end)):
        unit, end = text[end:end + 2], end + 2              # 13亿人口, 2900多万家庭
    masked = not _MASK_SET.isdisjoint(num)
    borrows = unit is None and not masked and not mult_text and num[-1] not in "万亿"
    if borrows and num[0] != "百" and (end >= len(text) or text[end] not in _JOINER_FIRST):
        return None
    if start and text[start - 1].isascii() and text[start - 1].isalpha() and num[0] not in _CN:
        return None                                         # G20, No.3, iPhone15
    pre = _prefix(text, start, num) if start and text[start - 1] in _PREFIX_LAST else None
    qualifier = "exact"
    for word in (pre, q1, q2, post):
        if word:
            qualifier = QUALIFIER_WORDS[word]
            break
    if unit == "个多百分点":                                 # 5个多百分点: over 5 points
        unit, qualifier = "个百分点", "over" if qualifier == "exact" else qualifier
    mult = 1.0
    if mult_text:
        for ch in mult_text:
            mult *= _MULTIPLIERS[ch]
    return _new_tuple(_Candidate, (start - len(pre) if pre else start, start, start + len(num), end,
                                   num, unit, qualifier, mult, masked))


def _prefix(text: str, start: int, num: str) -> str | None:
    """The qualifier word right before a number, if any: 约, 近, 不到, 超过, 上 (上百) …"""
    if not start or text[start - 1] not in _PREFIX_LAST:
        return None
    m = PREFIX_QUALIFIER.search(text, max(0, start - 3), start)
    if m is None:
        return None
    if m.group() == "上" and not _SHANG_OK.match(text, start):
        return None
    return m.group()


def _chains(text: str, candidates: Sequence[_Candidate]) -> list[list[_Candidate]]:
    """Group candidates joined by 、 or a range joiner into enumerations and ranges."""
    chains: list[list[_Candidate]] = []
    prev: _Candidate | None = None
    for cand in candidates:
        # a joiner is at most two characters (——): farther candidates never join
        if prev is not None and cand.start - prev.end <= 2 and _joined(text, prev, cand):
            chains[-1].append(cand)
        else:
            chains.append([cand])
        prev = cand
    return chains


def _joined(text: str, left: _Candidate, right: _Candidate) -> bool:
    """True when ``right`` continues an enumeration or range after ``left``."""
    if right.start != right.num_start and right.qualifier != "exact":
        return False
    gap = text[left.end:right.start]
    if not gap or JOINER.fullmatch(gap) is None:
        return False
    if left.unit is None:
        return True
    # 5%—6%: a range of two complete figures keeps them together (same unit)
    return RANGE_JOINER.fullmatch(gap) is not None and right.unit == left.unit


def _chain_figures(text: str, chain: Sequence[_Candidate]) -> list[_Found]:
    """Figures of one chain: the members borrow the last member's unit (and its 万)."""
    first = chain[0]
    at = first.num_start
    if (first.start == at and at and text[at - 1] in _EXCLUDING_LAST
            and ORDINAL_BEFORE.search(text, max(0, at - 3), at)):
        return []
    if len(chain) == 1:
        if first.unit is None and not _may_stand_alone(first):
            return []                                       # 一、 alone: a list marker
        fig = _plain_figure(text, first, first.unit) or _figure(text, first, first.unit, 1.0, first)
        return [fig] if fig is not None else []
    chain = _drop_list_marker(text, chain)
    last = chain[-1]
    if last.unit is None and not any(_may_stand_alone(c) for c in chain):
        return []                                           # 一、二、: nothing gives a unit
    out: list[_Found] = []
    for cand in chain:
        if cand.unit:
            fig = _plain_figure(text, cand, cand.unit) or _figure(text, cand, cand.unit, 1.0, cand)
        else:
            borrowed_mult = 1.0 if cand is last else _borrowed_multiplier(cand, last)
            fig = _figure(text, cand, last.unit, borrowed_mult, last)
        if fig is not None:
            out.append(fig)
    return out


def _may_stand_alone(cand: _Candidate) -> bool:
    """True when a number with no unit can still be a figure (百分之…, 158万, a mask)."""
    return (cand.num[-1] in "万亿" or cand.mult >= 10_000 or cand.masked
            or cand.num.startswith("百分之"))


def _drop_list_marker(text: str, chain: list[_Candidate]) -> list[_Candidate]:
    """Drop a leading list marker ("2、3万元…" at a clause start) from a chain."""
    first = chain[0]
    if (len(chain) > 1 and first.unit is None and text.startswith("、", first.end)
            and _at_clause_start(text, first.start)):
        return chain[1:]
    return chain


def _at_clause_start(text: str, pos: int) -> bool:
    """True when only blanks or an opening bracket stand between a clause start and ``pos``."""
    lo = max(0, pos - _LIST_LOOKBACK)
    before = text[lo:pos]
    if lo > 0:
        before = "x" + before  # the window does not start the text: ^ must not match
    return LIST_MARKER_BEFORE.search(before) is not None


def _borrowed_multiplier(cand: _Candidate, last: _Candidate) -> float:
    """万/亿 the first end of ``10-15万元`` borrows from the last (only if it is smaller)."""
    if cand.masked or last.masked or any(ch in CN_BIG_UNITS for ch in cand.num):
        return 1.0
    last_num = last.num.rstrip("万亿")
    tail = last.num[len(last_num):]
    if not tail:
        return last.mult if last.mult > 1 else 1.0
    head, own = parse_number(last_num), parse_number(cand.num)
    if head is None or own is None or own > head:
        return 1.0
    scale = 1.0
    for ch in tail:
        scale *= _MULTIPLIERS[ch]
    return scale


# =====================================================================================
# One figure
# =====================================================================================


def _figure(
    text: str, cand: _Candidate, unit: str | None, borrowed: float, ctx: _Candidate,
) -> _Found | None:
    """The figure of one candidate with its (possibly borrowed) unit, or None if excluded."""
    if _excluded(text, cand, unit):
        return None
    kind_unit = _kind_and_unit(text, cand, unit, ctx)
    if kind_unit is None:
        return None
    kind, norm_unit, unit_scale = kind_unit
    value = None if cand.masked else _value(cand, unit, kind)
    if value is None and not cand.masked:
        return None
    if value is not None:
        value = _tidy(value * borrowed * unit_scale)
    return _Found(text[cand.start:cand.end], cand.start, cand.end, value, norm_unit, kind,
                  cand.qualifier, cand.masked)


def _plain_figure(text: str, cand: _Candidate, unit: str | None) -> _Found | None:
    """Fast path for the common case — an Arabic number and a plain unit written after it
    (``300人``, ``58项``, ``6.1万元``, ``１,２６０条``) with nothing before it that could
    exclude it; None sends it the long way.

    No exclusion can hold for such a number: names, dates, document numbers and the
    Chinese-numeral rules need Chinese digits or no unit; ordinals, rates and titles are
    the characters checked here.
    """
    num, start = cand.num, cand.num_start
    if unit in _PLAIN_UNITS:
        kind, norm = UNIT_KINDS.get(unit) or ("count", unit)
    elif unit == "个":
        kind, norm = "", "个"                                # read from its nouns below
    elif ((unit == "次" and not SESSION_AFTER.match(text, cand.end))
            or (unit == "篇" and not SITE_BLURB.search(text[max(0, start - 4):start]))
            or (unit == "对" and not PAIRING_AFTER.match(text, cand.end))):
        kind, norm = "count", unit                          # 次, 篇, 对 once their checks pass
    else:
        return None
    if (cand.mult != 1.0 or num[0] not in _D_CHARS
            or (start and text[start - 1] in _EXCLUDING_LAST)
            or text.find("《", max(0, start - 40), start) >= 0):
        return None
    if num.isdigit() and num.isascii():
        value = float(num)
    else:
        value = _arabic_value(num)
        if value is None:
            return None
    if not kind:
        kind = _kind_of_ge(text, cand)
    return _new_tuple(_Found, (text[cand.start:cand.end], cand.start, cand.end, value, norm, kind,
                               cand.qualifier, False))


def _arabic_value(num: str) -> float | None:
    """An Arabic number with separators, decimals and a 万/亿 tail: ``"6.1万"`` → 61000.0.

    None for anything else (Chinese digits, masks): those take :func:`parse_plain`. The
    result is rounded like :func:`~summarylens.numerals.parse_number` rounds it.
    """
    s = num if num.isascii() else to_ascii(num)
    scale = 1.0
    if s[-1] in "万亿":
        tail = "万亿" if s.endswith("万亿") else s[-1]
        scale = _BIG_TAILS[tail]
        s = s[:-len(tail)]
    if not s or ARABIC_NUMBER.fullmatch(s) is None:
        return None
    return _tidy(float(f"{float(s.replace(',', '')) * scale:.12g}"))


def _tidy(value: float) -> float:
    """Drop float noise: 4.06 × 10¹² is 4060000000000.0, not 4059999999999.9995."""
    if value.is_integer() and abs(value) < 1e15:
        return value
    return float(f"{value:.12g}")


def _value(cand: _Candidate, unit: str | None, kind: str) -> float | None:
    """The number of a candidate in base units (percent points for percentages)."""
    num = cand.num
    if num.isascii():
        if num.isdigit():
            return float(num) * cand.mult                  # the common case: 300, 1386
    else:
        num = to_ascii(num)
    if num.startswith("百分之"):
        return parse_plain(num[3:])
    value = parse_plain(num)
    if value is None:
        return None
    value *= cand.mult
    if unit == "成":
        value *= 10
    return value


def _kind_and_unit(
    text: str, cand: _Candidate, unit: str | None, ctx: _Candidate,
) -> tuple[str, str, float] | None:
    """(kind, normalised unit, scale) of a candidate; None when it has no usable unit.

    ``ctx`` is the chain member whose unit is used (the candidate itself, or the last
    member of ``1000、500元``): 个 is read from the words around it.
    """
    if cand.num.startswith("百分之"):
        return "percent", "%", 1.0
    if unit is None:
        return _unitless_kind(text, cand)
    if unit == "个":
        return _kind_of_ge(text, ctx), "个", 1.0
    if unit == "成" and not all(ch in _CN for ch in cand.num):
        return None
    kind, norm = UNIT_KINDS.get(unit, ("count", unit))
    return kind, norm, 1.0


def _unitless_kind(text: str, cand: _Candidate) -> tuple[str, str, float] | None:
    """万/亿 with no unit: money after a money word (捐款158万), people after a people word."""
    if not (cand.num.endswith(("万", "亿")) or cand.mult >= 10_000 or cand.masked):
        return None
    if MEASURE_AFTER.match(text, cand.end) or NOUN_AFTER.match(text, cand.end):
        return None                                         # 口罩2.4万只, 1100多万学生
    window = text[max(0, cand.start - 12):cand.start]
    if cand.masked:
        return _masked_kind(window)
    money = MONEY_CONTEXT.search(window)
    people = PEOPLE_CONTEXT.search(window)
    if money and (not people or money.start() >= people.start()):
        return "money", "元", 1.0
    if people:
        return "people", "人", 1.0
    return None


def _masked_kind(window: str) -> tuple[str, str, float] | None:
    """A masked number with no unit, read from the words before it.

    ``参赛人数约15xxxx`` → people, ``上交费率达到10xxxx`` → percent, ``捐款15xxxx`` → money.
    """
    if MASKED_RATE_CONTEXT.search(window):
        return "percent", "%", 1.0
    if PEOPLE_CONTEXT.search(window):
        return "people", "人", 1.0
    if MONEY_CONTEXT.search(window):
        return "money", "元", 1.0
    return None


def _kind_of_ge(text: str, cand: _Candidate) -> str:
    """个 counts organisations before/after an organisation noun, people before a people noun."""
    after = text[cand.end:cand.end + 14]
    if PEOPLE_AFTER.match(after):
        return "people"
    if HOUSEHOLD_AFTER.match(after):
        return "households"
    if ORG_AFTER.match(after) or ORG_BEFORE.search(text, max(0, cand.start - 10), cand.start):
        return "organizations"
    return "count"


def _carry_ge_kinds(text: str, found: list[_Found]) -> None:
    """A running total in 个 counts what the 个 before it counted (in place).

    ``新建“教工之家”11个，累计达到68个``: 68个 has no noun of its own, only a filler
    (累计达到, 总数达, 增至 …) between it and the 11个 of the same sentence.
    """
    for i in range(1, len(found)):
        fig, prev = found[i], found[i - 1]
        if (fig.unit != "个" or fig.kind != "count" or prev.unit != "个" or prev.kind == "count"
                or not GE_BARE_AFTER.match(text, fig.end)):
            continue
        if GE_CARRY_GAP.fullmatch(text, prev.end, fig.start):
            found[i] = fig._replace(kind=prev.kind)


def _excluded(text: str, cand: _Candidate, unit: str | None) -> bool:
    """True when the EXCLUSIONS say this candidate is not a figure."""
    num, start = cand.num, cand.num_start
    before = text[max(0, start - 3):start]
    chinese = not _CN_SET.isdisjoint(num)
    if chinese and _named(text, cand):
        return True                                         # named numeral
    if (cand.start == start and before[-1:] in _EXCLUDING_LAST   # no qualifier word before it
            and _excluded_by_before(before, unit)):
        return True                                         # ordinal, session, rate, rank
    if unit is None:
        if DATE_OR_TIME_AFTER.match(text, cand.num_end):
            return True                                     # date or clock time
        if text.startswith("号", cand.num_end) and DOCUMENT_NUMBER.search(
                text, max(0, start - 12), min(len(text), cand.num_end + 1)):
            return True                                     # document number
    elif unit == "次":
        if SESSION_AFTER.match(text, cand.end) and SESSION_BEFORE.search(
                text, max(0, start - 12), start):
            return True                                     # 十三届全国人大五次会议
    elif unit == "篇":
        if SITE_BLURB.search(text[max(0, start - 4):start]):
            return True                                     # site blurb
    elif unit == "对" and PAIRING_AFTER.match(text, cand.end):
        return True                                         # 1对1帮扶: a pairing
    lo = max(0, start - 40)
    if text.find("《", lo, start) >= 0 and IN_TITLE.search(text, lo, start):
        return True                                         # inside a 《title》
    if not chinese or num[0] in _D_CHARS or num[-1] in _D_CHARS or not _MASK_SET.isdisjoint(num):
        return False
    return _chinese_excluded(text, cand, unit, before)


def _excluded_by_before(before: str, unit: str | None) -> bool:
    """Ordinals and sessions (第九届, 八届五次), rates (每万人) and ranks (前三名)."""
    if ORDINAL_BEFORE.search(before):
        return True
    rate_or_rank = RATE_OR_RANK_BEFORE.search(before) is not None
    return rate_or_rank and (before.endswith("每") or unit == "名")


def _counted_one(text: str, cand: _Candidate, unit: str | None) -> bool:
    """一 that counts one person at the end of a clause: ``其中省级一等奖一人。``."""
    return (unit in COUNTED_ONE_UNITS and cand.start == cand.num_start
            and COUNTED_ONE_AFTER.match(text, cand.end) is not None
            and not INDEFINITE_BEFORE.search(text, max(0, cand.start - 1), cand.start))


def _chinese_excluded(text: str, cand: _Candidate, unit: str | None, before: str) -> bool:
    """Exclusions that only concern Chinese numerals (一 + measure word, 百人大合唱 …)."""
    num = cand.num
    if num[0] in "零〇○":
        return True                                         # 零部件, 零售: a word, not zero
    if num in INDEFINITE_ONE and not _counted_one(text, cand, unit):
        return True                                         # indefinite 一 + measure word
    if CN_GLUED_BEFORE.search(before) and cand.start == cand.num_start:
        return True                                         # glued to a word or a quote
    if VAGUE_BEFORE.search(before):
        return True                                         # 数十人, 几十万元
    if VAGUE_PAIR.match(num):
        return True                                         # 一两次, 两三人, 三四十家
    if is_bare_unit(num) and num != "十" and cand.qualifier == "exact":
        return True                                         # 百人大合唱, 千家万户
    # 突出两个重点, 加大三个力度: rhetorical, not data
    return unit in RHETORICAL_UNITS and RHETORICAL_AFTER.match(text, cand.end) is not None


# =====================================================================================
# Sentence and subject
# =====================================================================================


def _sentence_bounds(text: str) -> list[int]:
    """Offsets where sentences end (after their closing punctuation), for bisect."""
    return [m.end() for m in SENTENCE_END.finditer(text)]


def _sentence_span(text: str, pos: int, ends: list[int]) -> tuple[int, int]:
    """(start, end) of the sentence holding offset ``pos``."""
    i = bisect.bisect_right(ends, pos)
    start = ends[i - 1] if i > 0 else 0
    end = ends[i] if i < len(ends) else len(text)
    return start, end


def _finish_all(
    text: str, found: Sequence[_Found], ends: list[int], offset: int = 0,
    para_id: int | None = None, first_fig_id: int | None = None, topic: str | None = None,
) -> list[Figure]:
    """The figures, each with the sentence it stands in and its subject.

    Figures come in text order and often share a sentence: each one is cut out once.
    ``offset``, ``para_id``, ``first_fig_id`` and ``topic`` place them in a document
    (see :func:`find_figures`).
    """
    out: list[Figure] = []
    n_ends, text_len = len(ends), len(text)
    last_i, s, e, sentence = -1, 0, 0, ""
    fig_id = first_fig_id
    for fig in found:
        i = bisect.bisect_right(ends, fig.start)
        if i != last_i:
            s = ends[i - 1] if i > 0 else 0
            e = ends[i] if i < n_ends else text_len
            sentence, last_i = text[s:e].strip(), i
        out.append(Figure(fig.raw, fig.start + offset, fig.end + offset, fig.value, fig.unit,
                          fig.kind, fig.qualifier, fig.masked, _subject(text, fig, s, e), sentence,
                          para_id, fig_id, topic))
        if fig_id is not None:
            fig_id += 1
    return out


def _subject(text: str, fig: _Found, s: int, e: int) -> str | None:
    """What is counted or paid, as written next to the figure.

    First a noun phrase right after the unit ("2468名女职工" → 女职工), else one right
    before the number, over filler words ("慰问特困职工家庭24户" → 特困职工家庭,
    "计慰问款20100元" → 慰问款). A cheap lexicon rule — no segmentation.
    """
    end, kind = fig.end, fig.kind
    counted = kind != "money" and kind != "percent"
    may_follow = text[end:end + 1] in _SUBJECT_AFTER_FIRST
    if counted and may_follow:
        after = _SUBJECT_AFTER_MATCH(text, end, min(e, end + 12))
        if after:
            return after.group()
    start = fig.start
    backwards = text[max(s, start - 16):start][::-1]
    last = backwards[:1]
    if last in _SUBJECT_BEHIND_FIRST or last.isspace():
        behind = _SUBJECT_BEHIND_MATCH(backwards)          # always matches (maybe empty)
        found = behind.group("subject")
        if found:
            return found[::-1]
        backwards = backwards[behind.end():]
    if not counted and may_follow:                          # money and percent: after, last
        after = _SUBJECT_AFTER_MATCH(text, end, min(e, end + 12))
        if after:
            return after.group()
    return _subject_run(text, fig, s, e, backwards)


def _subject_run(text: str, fig: _Found, s: int, e: int, before_reversed: str) -> str | None:
    """Fallback subject: the words after a measure word (``[9个]分工会参赛`` → 分工会), or
    the words before the number after its verb (``收到作品[430余件]`` → 作品).

    ``before_reversed`` is the text before the number (filler words cut), reversed.
    """
    if fig.kind not in ("money", "percent"):
        run = SUBJECT_AFTER_RUN.match(text, fig.end, min(e, fig.end + 10))
        if run:
            return run.group()
    tail = _RUN_REVERSED.match(before_reversed)             # SUBJECT_BEFORE_RUN, reversed
    if tail is None:
        return None
    words = tail.group()[::-1]
    cut = _after_last_verb(words)
    words = words[cut:]
    return words if len(words) >= 2 else None


def _after_last_verb(words: str) -> int:
    """Where the words after the last verb start (0 without one): SUBJECT_LAST_VERB's end."""
    for i in range(len(words) - 1, -1, -1):
        if words[i] in _VERB_FIRST:
            verb = _VERB_AT.match(words, i)
            if verb:
                return verb.end()
    return 0


# =====================================================================================
# Relations
# =====================================================================================


def find_relations(text: str, figures: Sequence[Figure] | Sequence[_Found],
                   ends: list[int] | None = None) -> list[Relation]:
    """共计……其中 groups: totals before 其中 and the parts after it, by unit.

    A total is a figure after 共计/合计/总计/累计/共 (and the other figures of its clause
    group up to 其中); its parts are the figures after 其中 with the same unit, through
    the rest of the sentence and the following sentences while they only hold such
    figures. When no part has the total's unit and there is a single total, parts of any
    non-money, non-percent kind are summed (``158条，其中……132次，……26人次``).
    ``ends`` are the sentence ends of ``text`` (:func:`_sentence_bounds`) when the caller
    has them already.
    ``consistent`` is None when the total or a part is approximate or masked.

    Only groups a reader could check are kept: at least two parts (one part after 其中
    names a subset, "其中困难职工48人", and says nothing about the rest), a total that
    is not a percentage (parts of a rate are shares of it: "2%，其中60%留厂使用"), and no
    per-head rates among the parts ("每户500元").

    Example::

        >>> figs, rels = find_figures("共筹措资金247.85万元，其中捐款160万元，财政投入87.85万元。")
        >>> rels[0].parts_sum, rels[0].consistent
        (2478500.0, True)
    """
    relations: list[Relation] = []
    if "其中" not in text or len(figures) < MIN_PARTS + 1:
        return relations
    if ends is None:
        ends = _sentence_bounds(text)
    for m in PARTS_WORD.finditer(text):
        rel = _group_at(text, figures, m.start(), m.end(), ends)
        relations.extend(rel)
    return relations


def _group_at(text: str, figures: Sequence[Figure], at: int, after: int,
              ends: list[int]) -> list[Relation]:
    """The relations of the 其中 at ``at``: totals before it, parts after it."""
    totals = _totals_before(text, figures, at, ends)
    if not totals:
        return []
    region = _parts_region(text, figures, totals, after, ends)
    parts_of: dict[int, list[int]] = {t: [] for t in totals}
    for i in region:
        if RATE_BEFORE.search(text, max(0, figures[i].start - 4), figures[i].start):
            continue
        key = (figures[i].kind, figures[i].unit)
        same = [t for t in totals if (figures[t].kind, figures[t].unit) == key]
        if same and not _reached(figures, same[0], parts_of[same[0]]):
            parts_of[same[0]].append(i)
    if len(totals) == 1 and not parts_of[totals[0]]:
        family = [i for i in region if figures[i].kind not in ("money", "percent")]
        if figures[totals[0]].kind not in ("money", "percent"):
            parts_of[totals[0]] = family
    return [
        _relation(figures, t, parts) for t, parts in parts_of.items()
        if len(parts) >= MIN_PARTS and figures[t].kind != "percent"
    ]


def _totals_before(text: str, figures: Sequence[Figure], at: int, ends: list[int]) -> list[int]:
    """Figures between the last total word before 其中 and 其中.

    The total word is looked for in the sentence of 其中, or in the sentence before
    when 其中 opens its sentence ("……共新建工会组织38家，净增会员3581人。其中……").
    """
    s, _ = _sentence_span(text, at, ends)
    if not text[s:at].strip(" \t\u3000，,：:"):
        s, _ = _sentence_span(text, max(0, s - 1), ends)
    opener = None
    for m in TOTAL_WORD.finditer(text, s, at):
        opener = m.start()
    if opener is None or "其中" in text[opener:at]:
        return []
    return [i for i, fig in enumerate(figures) if opener <= fig.start < at]


def _parts_region(text: str, figures: Sequence[Figure], totals: list[int], after: int,
                  ends: list[int]) -> list[int]:
    """Figures after 其中: this sentence, then following sentences holding only like figures.

    Figures come in text order, so each following sentence is one run of them, read once.
    """
    units = {(figures[t].kind, figures[t].unit) for t in totals}
    _, sent_end = _sentence_span(text, after, ends)
    region: list[int] = []
    i, n = 0, len(figures)
    while i < n and figures[i].start < after:
        i += 1
    while i < n and figures[i].start < sent_end:
        region.append(i)
        i += 1
    while i < n:
        s, e = _sentence_span(text, figures[i].start, ends)
        j = i
        while j < n and figures[j].start < e:
            j += 1
        if (TOTAL_WORD.search(text, s, e) or "其中" in text[s:e]
                or any((figures[k].kind, figures[k].unit) not in units for k in range(i, j))):
            break
        region.extend(range(i, j))
        i = j
    return region


def _reached(figures: Sequence[Figure], total: int, parts: list[int]) -> bool:
    """True when the parts found so far already add up to the total (stop collecting)."""
    values = [figures[i].value for i in parts]
    target = figures[total].value
    if not parts or target is None or any(v is None for v in values):
        return False
    return abs(sum(v for v in values if v is not None) - target) < 1e-6


def _relation(figures: Sequence[Figure], total: int, parts: list[int]) -> Relation:
    """A relation row: the sum of the parts and whether it equals the total."""
    values = [figures[i].value for i in parts]
    tot = figures[total]
    if any(v is None for v in values):
        return Relation(total, tuple(parts), None, None)
    parts_sum = _tidy(sum(v for v in values if v is not None))
    exact = tot.qualifier == "exact" and all(figures[i].qualifier == "exact" for i in parts)
    consistent = None if (tot.value is None or not exact) else abs(parts_sum - tot.value) < 1e-6
    return Relation(total, tuple(parts), parts_sum, consistent)
