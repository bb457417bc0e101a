"""Generated hostile inputs: each class written into a directory, with what its problem must say.

Every entry builds its file(s) from nothing (no fixture can rot) and names the problem kind and a fragment
of the message that the reader owes the user: the limit that was hit, or what to change.
"""

from __future__ import annotations

import itertools
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

CLEAN = """\
kind: vendor
id: ven_clean_hostile
legal_name: Exempel Analys AB
country: SE
"""
#: A vendor the bundled blocklist bans (VEN-001, blocking): its finding must survive any neighbour.
VIOLATING = """\
kind: vendor
id: ven_banned_hostile
legal_name: Cambridge Analytica LLC
"""
BANNED_ID = "ven_banned_hostile"
CLEAN_ID = "ven_clean_hostile"


@dataclass(frozen=True)
class Hostile:
    """One hostile input: the path to check, and the problem it must give."""

    path: Path
    kind: str  # the problem kind: read_error or schema_violation
    says: str  # a fragment of the problem's message


def _open_field_yaml(value: str) -> str:
    """An audience whose ``native_spec`` (an open object: any JSON) holds ``value``."""
    return f"""\
kind: audience
id: aud_hostile
platform: email
native_spec:
  segment: {value}
normalized:
  geo: {{countries: [SE]}}
  include: []
  exclude: []
"""


def _open_field_json(value: str) -> str:
    return (
        '{"kind": "audience", "id": "aud_hostile", "platform": "email", "native_spec": {"segment": '
        + value
        + '}, "normalized": {"geo": {"countries": ["SE"]}, "include": [], "exclude": []}}'
    )


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """Ten lines that expand to ``width ** levels`` values (387 million for 9 x 9)."""
    names = [f"l{n}" for n in range(levels + 1)]
    lines = ["kind: vendor", "id: ven_bomb", "legal_name: Bomb AB", "labels:"]
    lines.append(f"  {names[0]}: &{names[0]} [" + ", ".join(['"x"'] * width) + "]")
    for previous, name in itertools.pairwise(names):
        lines.append(f"  {name}: &{name} [" + ", ".join([f"*{previous}"] * width) + "]")
    return "\n".join(lines) + "\n"


def merge_bomb(levels: int = 9, width: int = 9) -> str:
    """The same bomb through merge keys: each level merges the previous one ``width`` times."""
    lines = ["kind: vendor", "id: ven_merge_bomb", "legal_name: Bomb AB", "native_objects:"]
    lines.append("  m0: &m0 {" + ", ".join(f"k{i}: x" for i in range(width)) + "}")
    for level in range(1, levels + 1):
        merged = ", ".join([f"*m{level - 1}"] * width)
        lines.append(f"  m{level}: &m{level} {{<<: [{merged}], own{level}: x}}")
    return "\n".join(lines) + "\n"


def nested_json(levels: int) -> str:
    return _open_field_json("[" * levels + "]" * levels)


def nested_yaml(levels: int) -> str:
    return _open_field_yaml("[" * levels + "]" * levels)


def _write(directory: Path, name: str, content: str | bytes) -> Path:
    path = directory / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def _fifo(directory: Path) -> Hostile:
    path = directory / "fifo.yaml"
    os.mkfifo(path)
    return Hostile(path, "read_error", "not a regular file: a FIFO")


def _device_link(directory: Path) -> Hostile:
    path = directory / "zero.yaml"
    path.symlink_to("/dev/zero")
    return Hostile(path, "read_error", "not a regular file: a character device")


def _link_loop(directory: Path) -> Hostile:
    (directory / "loop-b.yaml").symlink_to("loop-a.yaml")
    path = directory / "loop-a.yaml"
    path.symlink_to("loop-b.yaml")
    return Hostile(path, "read_error", "symbolic link loop")


def _text(name: str, content: str | bytes, kind: str, says: str) -> Callable[[Path], Hostile]:
    return lambda directory: Hostile(_write(directory, name, content), kind, says)


#: Every class of hostile input, by name: a builder writing it into a directory.
HOSTILE: dict[str, Callable[[Path], Hostile]] = {
    "alias-bomb": _text("alias-bomb.yaml", alias_bomb(), "read_error", "max_alias_nodes"),
    "merge-bomb": _text("merge-bomb.yaml", merge_bomb(), "read_error", "max_alias_nodes"),
    "recursive-alias": _text(
        "recursive-alias.yaml", "kind: vendor\nid: ven_r\nlabels: &a {self: *a}\n", "read_error", "contains it"
    ),
    "fifo": _fifo,
    "dev-zero-link": _device_link,
    "link-loop": _link_loop,
    "json-nan": _text("nan.json", _open_field_json("NaN"), "read_error", "NaN is not a number JSON can hold"),
    "json-infinity": _text("inf.json", _open_field_json("-Infinity"), "read_error", "-Infinity is not a number"),
    "json-1e400": _text("huge-float.json", _open_field_json("1e400"), "read_error", "beyond the range"),
    "json-int-beyond-double": _text("huge-int.json", _open_field_json(str(10**309)), "read_error", "beyond the range"),
    "json-int-beyond-cpython": _text("digits.json", _open_field_json("7" * 5000), "read_error", "5000 characters"),
    "yaml-nan": _text("nan.yaml", _open_field_yaml(".nan"), "read_error", ".nan is not a number"),
    "yaml-inf": _text("inf.yaml", _open_field_yaml("-.inf"), "read_error", "-.inf is not a number"),
    "yaml-float-beyond-double": _text("huge.yaml", _open_field_yaml("1.0e+400"), "read_error", "beyond the range"),
    "yaml-int-beyond-cpython": _text("digits.yaml", _open_field_yaml("9" * 5000), "read_error", "beyond the range"),
    "yaml-hex-beyond-double": _text("hex.yaml", _open_field_yaml("0x" + "f" * 300), "read_error", "beyond the range"),
    "json-126-levels": _text("deep126.json", nested_json(126), "read_error", "nested deeper than 64 levels"),
    "json-990-levels": _text("deep990.json", nested_json(990), "read_error", "nested"),
    "json-5000-levels": _text("deep5000.json", nested_json(5000), "read_error", "nested too deeply"),
    "yaml-126-levels": _text("deep126.yaml", nested_yaml(126), "read_error", "nested deeper than 64 levels"),
    "yaml-binary": _text("binary.yaml", _open_field_yaml("!!binary aGVsbG8="), "read_error", "!!binary"),
    "yaml-set": _text("set.yaml", _open_field_yaml("!!set {a, b}"), "read_error", "!!set"),
    "yaml-omap": _text("omap.yaml", _open_field_yaml("!!omap [a: 1, b: 2]"), "read_error", "!!omap"),
    "yaml-pairs": _text("pairs.yaml", _open_field_yaml("!!pairs [a: 1, a: 2]"), "read_error", "!!pairs"),
    "yaml-non-string-key": _text("key.yaml", _open_field_yaml("{1: one}"), "read_error", "every key must be a string"),
    "json-lone-surrogate": _text("surrogate.json", _open_field_json('"\\ud800"'), "read_error", "lone surrogate"),
    "not-utf8": _text("latin1.yaml", CLEAN.replace("Exempel", "Caf\xe9").encode("latin-1"), "read_error", "UTF-8"),
    "empty-file": _text("empty.yaml", "", "read_error", "no document"),
    "whitespace-file": _text("blank.yaml", "  \n\n# nothing here\n   \n", "read_error", "no document"),
    "yaml-null-document": _text("null.yaml", "null\n", "read_error", "found null"),
    "json-empty-array": _text("empty.json", "[]", "read_error", "no document"),
    "id-with-newline": _text(
        "newline-id.json",
        json.dumps({"kind": "vendor", "id": "ven_x\n", "legal_name": "X AB"}),
        "schema_violation",
        "must be an id of letters",
    ),
}
