"""The records' own ``__init__`` (set slot by slot) takes what a dataclass's would take."""

from __future__ import annotations

import dataclasses
import inspect
import pickle

import pytest

from summarylens.records import Figure, Paragraph, _slot_init


@pytest.mark.parametrize("cls", [Paragraph, Figure])
def test_the_signature_is_the_dataclass_one(cls):
    params = list(inspect.signature(cls).parameters.values())
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in params)
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields]


@pytest.mark.parametrize("cls", [Paragraph, Figure])
def test_every_field_is_set_and_the_record_stays_frozen(cls):
    fields = dataclasses.fields(cls)
    values = {f.name: f"v{n}" for n, f in enumerate(fields)}
    by_name, by_place = cls(**values), cls(*values.values())
    assert by_name == by_place and hash(by_name) == hash(by_place)
    assert {f.name: getattr(by_name, f.name) for f in fields} == values
    assert pickle.loads(pickle.dumps(by_name)) == by_name
    assert dataclasses.replace(by_name, start=99).start == 99
    with pytest.raises(dataclasses.FrozenInstanceError):
        by_name.start = 1
    required = [f.name for f in fields if f.default is dataclasses.MISSING]
    with pytest.raises(TypeError):
        cls(**{name: values[name] for name in required[:-1]})
    assert cls(**{name: values[name] for name in required}) == dataclasses.replace(
        by_name, **{f.name: f.default for f in fields if f.default is not dataclasses.MISSING})


def test_only_plain_fields_are_set_slot_by_slot():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: tuple[int, ...] = dataclasses.field(default_factory=tuple)

    @dataclasses.dataclass(frozen=True, slots=True)
    class WithPostInit:
        n: int

        def __post_init__(self) -> None:
            pass

    for cls in (WithFactory, WithPostInit):
        with pytest.raises(TypeError):
            _slot_init(cls)
