"""What the reader refuses in a document's values: the quick pass over plain documents finds a problem exactly
when the full walk does, and the full walk still names the place and the reason."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from ethiq.engine.read.limits import MAX_NUMBER, ReadLimits, Unrepresentable, _problems, refusal

odd = st.sampled_from(
    [
        float("inf"),
        float("nan"),
        MAX_NUMBER * 10,
        "lone \ud800 surrogate",
        Unrepresentable("!!binary", "no JSON form"),
        {1: "an int key"},
        ("a", "tuple"),
        b"bytes",
    ]
)
plain = (
    st.none() | st.booleans() | st.integers(-MAX_NUMBER, MAX_NUMBER) | st.floats(allow_nan=False, allow_infinity=False)
)
values = st.recursive(
    plain | st.text(max_size=4) | odd,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
    max_leaves=12,
)


@settings(max_examples=80, deadline=None)
@given(value=values, max_depth=st.integers(1, 4))
def test_the_quick_pass_agrees_with_the_full_walk(value: Any, max_depth: int) -> None:
    limits = ReadLimits(max_depth=max_depth)
    assert refusal(value, limits) == next(_problems(value, limits), None)


def test_plain_documents_pass_and_a_deep_one_is_refused_at_its_place() -> None:
    document = {"kind": "vendor", "owners": [{"name": "a", "share": 0.5, "listed": True, "note": None}]}
    assert refusal(document, ReadLimits(max_depth=3)) is None
    path, reason = refusal(document, ReadLimits(max_depth=2)) or ((), "")
    assert path == ("owners", 0)
    assert "max_depth" in reason
