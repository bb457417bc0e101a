"""The indented JSON writer: the very text of ``json.dumps(value, ensure_ascii=False, indent=2)`` for drawn
values (every JSON type, the keys json accepts, enums, text that needs escapes), at any depth."""

from __future__ import annotations

import enum
import json
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq.cli.output.streaming import indented


class Shade(enum.StrEnum):
    DARK = "dark"


class Rank(enum.IntEnum):
    HIGH = 3


scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=2**64, max_value=2**80)
    | st.floats()  # NaN and the infinities too: json writes them as NaN, Infinity and -Infinity
    | st.text()
    | st.sampled_from([Shade.DARK, Rank.HIGH])
)
keys = st.text(max_size=5) | st.integers() | st.floats() | st.booleans() | st.none()
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple) | st.dictionaries(keys, inner, max_size=4)
    ),
    max_leaves=25,
)


@settings(max_examples=80, deadline=None)
@given(value=values, depth=st.integers(0, 3))
def test_indented_is_json_dumps_with_indent_2(value: Any, depth: int) -> None:
    expected = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)
    assert indented(value, depth) == expected


@pytest.mark.parametrize("value", [{1, 2}, MappingProxyType({"a": 1}), {"a": object()}, {(1, 2): "tuple key"}])
def test_what_json_refuses_is_refused(value: Any) -> None:
    with pytest.raises(TypeError):
        json.dumps(value, ensure_ascii=False, indent=2)
    with pytest.raises(TypeError):
        indented(value)
