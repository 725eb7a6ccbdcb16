"""Plain data that flows between the stages: text → documents → paragraphs → figures.

Every stage returns these frozen dataclasses; DataFrames are built only at the edge
(:mod:`summarylens.tables`). Offsets are always into the *document* text, so that
``doc.text[p.start:p.end] == p.text`` and ``doc.text[f.start:f.end] == f.raw``.

Example::

    >>> p = Paragraph(para_id=0, kind="heading", level=1, heading_path="",
    ...               start=0, end=8, text="一、加强组织建设")
    >>> p.kind
    'heading'
"""

from __future__ import annotations

from dataclasses import MISSING, dataclass, field, fields
from typing import TypeVar

#: Topic labels of SPEC section 3, in display order, with their Chinese names.
TOPICS: dict[str, str] = {
    "ideology": "思想政治与宣传教育",
    "skills": "职工素质与劳动竞赛",
    "democracy": "民主管理",
    "rights": "维权与劳动关系",
    "organization": "工会组织与自身建设",
    "welfare": "帮扶与送温暖",
    "culture": "文体活动",
    "women": "女职工工作",
    "honors": "劳模与评先表彰",
    "finance": "经费与会费",
    "other": "其他",
}

#: Role labels of SPEC section 3 with their Chinese names.
ROLES: dict[str, str] = {
    "preamble": "总述",
    "work": "工作与成效",
    "problem": "问题与不足",
    "plan": "下步打算",
    "closing": "结语",
}

#: Paragraph kinds.
KINDS: tuple[str, ...] = ("title", "heading", "body", "noise")
#: the kinds that hold the report's own words: they get topics, figures, tokens and repeats
CONTENT_KINDS: frozenset[str] = frozenset({"heading", "body"})
#: what joins the headings of a ``heading_path``: "一、思想引领 > （一）理论学习"
PATH_SEP = " > "

#: Figure kinds and qualifiers of SPEC section 2.
FIGURE_KINDS: tuple[str, ...] = (
    "money", "people", "person_times", "households", "organizations", "percent", "count", "measure",
)
QUALIFIERS: tuple[str, ...] = ("exact", "approx", "over", "under")

#: Money types of SPEC section 6: union money, workers' pay, business money, the rest.
MONEY_TYPES: tuple[str, ...] = ("union", "pay", "business", "other")

#: Reporting periods.
PERIODS: tuple[str, ...] = ("上半年", "下半年", "全年", "季度", "月度")


_T = TypeVar("_T")


def _slot_init(cls: type[_T]) -> type[_T]:
    """A frozen, slotted dataclass whose ``__init__`` sets each slot through its descriptor.

    The same signature and the same object as the generated ``__init__``, without its
    look-up and call of ``object.__setattr__`` per field: a corpus makes tens of thousands
    of paragraphs and figures. Only for classes without ``__post_init__`` or default
    factories (``tests/test_records.py`` holds the signatures equal).
    """
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__") or any(f.default_factory is not MISSING or not f.init
                                            for f in fields(cls)):  # type: ignore[arg-type]
        raise TypeError(f"{cls.__name__}: only plain fields can be set slot by slot")
    defaults = {f.name: f.default for f in fields(cls) if f.default is not MISSING}  # type: ignore[arg-type]
    params = ", ".join(f"{n}=_d_{n}" if n in defaults else n for n in names)
    setters = "".join(f"    _s_{n}(self, {n})\n" for n in names)
    source = f"def __init__(self, {params}):\n{setters}"
    scope = {f"_s_{n}": cls.__dict__[n].__set__ for n in names} | {f"_d_{n}": v for n, v in defaults.items()}
    exec(source, scope)  # code made from the field names alone, as dataclasses does
    init = scope["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = cls.__init__.__annotations__
    setattr(cls, "__init__", init)  # noqa: B010 - a method replaced on the class, as dataclasses does
    return cls


@_slot_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One heading, body paragraph, title or noise line of a document.

    ``start``/``end`` are offsets into the document text. ``topic``, ``topic_score``
    and ``role`` are filled by :mod:`summarylens.sections` (``None`` until then).
    """

    para_id: int
    kind: str
    level: int | None
    heading_path: str
    start: int
    end: int
    text: str
    role: str | None = None
    topic: str | None = None
    topic_score: float | None = None
    #: the row repeats an earlier one of its document word for word (a page stored twice)
    repeated: bool = False

    def labelled(self, topic: str | None, topic_score: float | None, role: str | None) -> Paragraph:
        """This paragraph with its section labels set (what ``dataclasses.replace`` gives, faster)."""
        return Paragraph(para_id=self.para_id, kind=self.kind, level=self.level, heading_path=self.heading_path,
                         start=self.start, end=self.end, text=self.text, role=role, topic=topic,
                         topic_score=topic_score, repeated=self.repeated)


@_slot_init
@dataclass(frozen=True, slots=True)
class Figure:
    """One number a researcher would copy out: ``近400万元`` → 4000000 元, under.

    ``start``/``end`` are offsets into the text the extractor was given; the pipeline
    shifts them into document offsets and fills ``para_id``, ``fig_id`` and ``topic``.
    """

    raw: str
    start: int
    end: int
    value: float | None
    unit: str
    kind: str
    qualifier: str = "exact"
    masked: bool = False
    subject: str | None = None
    sentence: str = ""
    para_id: int | None = None
    fig_id: int | None = None
    topic: str | None = None
    #: a per-unit word read before the figure: 每人, 人均, 每户, 每人每月 (None: a total)
    per: str | None = None
    #: money only: union, pay, business or other (SPEC section 6); None for other kinds
    money_type: str | None = None


@dataclass(frozen=True, slots=True)
class Relation:
    """A 共计……其中 group: a total figure and the figures that should add up to it.

    Figure references are ``fig_id`` values within one document (or list indices in
    the output of :func:`summarylens.figures.find_figures`).
    """

    total_fig_id: int
    part_fig_ids: tuple[int, ...]
    parts_sum: float | None
    consistent: bool | None


@dataclass(frozen=True, slots=True)
class Document:
    """One summary, cut out of a source file (a compilation holds several)."""

    doc_id: str
    source: str
    text: str
    #: where ``text`` starts in the decoded source file (file offset = start + doc offset)
    start: int = 0
    title: str | None = None
    org: str | None = None
    period: str | None = None
    year: int | None = None
    fragment: bool = False
    duplicate_of: str | None = None
    similarity: float | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    figures: tuple[Figure, ...] = ()
    relations: tuple[Relation, ...] = ()


@dataclass(frozen=True, slots=True)
class ReadError:
    """A file that could not be read, and why: ``ReadError('a.txt', '不是文本：含 NUL 字节')``."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class DocumentSpan:
    """Where a document sits inside its source file's text (output of the splitter)."""

    start: int
    end: int
    fragment: bool = False
    #: spans (file offsets) of lines that belong to the page, not the summary
    noise: tuple[tuple[int, int], ...] = field(default=())
    #: span (file offset) of a site/compilation title line that opens this document
    site_titles: tuple[tuple[int, int], ...] = field(default=())


__all__ = [
    "CONTENT_KINDS",
    "FIGURE_KINDS",
    "KINDS",
    "MONEY_TYPES",
    "PATH_SEP",
    "PERIODS",
    "QUALIFIERS",
    "ROLES",
    "TOPICS",
    "Document",
    "DocumentSpan",
    "Figure",
    "Paragraph",
    "ReadError",
    "Relation",
]
