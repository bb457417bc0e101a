"""Configuration: defaults < ``ethiq.toml`` or ``[tool.ethiq]`` < ``ETHIQ_*`` variables < flags or arguments.

One typed :class:`Config` holds every setting of a run, however it was given: the CLI loads it from the
file, the environment and its flags (:func:`load_config`), and the Python API from its keyword arguments
(:func:`resolve_config`), optionally over the file and the environment. The check reads nothing else.

The file is found by walking up from the working directory, no further than the root of its repository (the
directory holding ``.git``); the nearest directory with one wins, and in one directory ``ethiq.toml`` beats
``pyproject.toml`` (which counts only when it has a ``[tool.ethiq]`` table). Checked paths never supply
configuration. Relative paths in the file are resolved against the file's directory, relative paths from the
environment or the command line against the working directory. Every value remembers where it came from
(``default``, the file's path, ``env ETHIQ_X`` or ``flag --x``) so ``ethiq config`` can explain a setting.

Unknown keys and wrong types are a :class:`ConfigError` (exit 2) naming the file, the line and the key.
Unknown ``ETHIQ_*`` variables are ignored: the environment is shared with other programs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import math
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from .errors import ConfigError, DocumentReadError
from .evaluate.engines import ENGINES, REGORUS
from .read.limits import DEFAULT_MAX_ALIAS_NODES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_FILE_SIZE, ReadLimits, parse_size

if TYPE_CHECKING:
    import pathspec

__all__ = [
    "CONFIG_FILE",
    "DEFAULT_WAIVERS_FILE",
    "KEYS",
    "Config",
    "ConfigError",
    "find_config_file",
    "load_config",
    "resolve_config",
    "resolve_path",
]
from .evaluate.budget import DEFAULT_DOCUMENT_TIME_BUDGET, DEFAULT_TIME_BUDGET
from .judge.waivers import DEFAULT_WAIVERS_FILE

CONFIG_FILE = "ethiq.toml"
PYPROJECT_FILE = "pyproject.toml"
PYPROJECT_TABLE = "tool.ethiq"
ENV_PREFIX = "ETHIQ_"
DEFAULT = "default"

FAIL_ON = ("block", "warn", "info", "none")
LANGS = ("en", "sv")
KEYS = (
    "paths",
    "exclude",
    "context",
    "policies",
    "waivers",
    "baseline",
    "fail_on",
    "format",
    "lang",
    "as_of",
    "jobs",
    "max_file_size",
    "max_alias_nodes",
    "max_depth",
    "engine",
    "time_budget",
    "document_time_budget",
)
_LIMIT_KEYS = frozenset({"max_file_size", "max_alias_nodes", "max_depth"})
_BUDGET_KEYS = frozenset({"time_budget", "document_time_budget"})
_LIST_KEYS = frozenset({"paths", "exclude", "context", "policies"})
_PATH_KEYS = frozenset({"paths", "context", "policies", "waivers", "baseline"})
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

Source = Literal["file", "env", "flag"]


@dataclass(frozen=True)
class Config:
    """The settings of one run, each with its origin (:meth:`origin`)."""

    paths: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    context: tuple[Path, ...] = ()
    policies: tuple[Path, ...] = ()
    waivers: Path | None = None
    baseline: Path | None = None
    fail_on: str = "block"
    format: str = "table"
    lang: str = "en"
    as_of: str | None = None  # ISO date; None means today
    jobs: int | str = 1  # a positive int or "auto"
    max_file_size: int = DEFAULT_MAX_FILE_SIZE  # bytes of one file or of standard input
    max_alias_nodes: int = DEFAULT_MAX_ALIAS_NODES  # values YAML aliases may add to one file
    max_depth: int = DEFAULT_MAX_DEPTH  # nesting levels of one document
    engine: str = REGORUS  # the Rego engine: regorus, or opa where its bindings are installed
    time_budget: float = DEFAULT_TIME_BUDGET  # seconds the whole run may take
    document_time_budget: float = DEFAULT_DOCUMENT_TIME_BUDGET  # seconds one document's evaluation may take
    file: Path | None = None  # the configuration file in effect, if any
    cwd: Path = field(default_factory=Path.cwd)
    origins: Mapping[str, str] = field(default_factory=dict)

    def origin(self, key: str) -> str:
        """Where ``key``'s value came from: ``default``, a file path, ``env ETHIQ_X`` or ``flag --x``."""
        if key not in KEYS:
            raise KeyError(key)
        return self.origins.get(key, DEFAULT)

    def items(self) -> list[tuple[str, Any, str]]:
        """``(key, value, origin)`` for every key, in the documented order."""
        return [(key, getattr(self, key), self.origin(key)) for key in KEYS]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: ``{"file": ..., "settings": {key: {"value": ..., "origin": ...}}}``."""
        return {
            "file": str(self.file) if self.file else None,
            "settings": {key: {"value": _jsonable(value), "origin": origin} for key, value, origin in self.items()},
        }

    @property
    def read_limits(self) -> ReadLimits:
        """The bounds of reading: file size, YAML alias expansion, nesting depth."""
        return ReadLimits(self.max_file_size, self.max_alias_nodes, self.max_depth)

    @property
    def exclude_root(self) -> Path:
        """The directory ``exclude`` patterns are relative to: the file's when they came from it, else the cwd."""
        if self.file is not None and self.origin("exclude") == str(self.file):
            return self.file.parent
        return self.cwd

    @cached_property
    def _exclude_spec(self) -> pathspec.GitIgnoreSpec:
        import pathspec  # only a run with exclude patterns needs it

        return pathspec.GitIgnoreSpec.from_lines(self.exclude)

    def excludes(self, path: str | Path) -> bool:
        """Whether the document walker should skip ``path`` (a file or directory; relative to the cwd)."""
        if not self.exclude:
            return False
        target = Path(os.path.normpath(self.cwd / path))
        try:
            name = target.relative_to(self.exclude_root).as_posix()
        except ValueError:  # outside the root: only unanchored patterns (*.bak, drafts/) can match
            name = target.as_posix().lstrip("/")
        if name == ".":
            return False
        if target.is_dir():
            name += "/"  # so that directory-only patterns (drafts/) match the directory itself
        return self._exclude_spec.match_file(name)


def flag_origin(key: str) -> str:
    """How ``ethiq config`` names a value given on the command line."""
    return "argument PATH" if key == "paths" else f"flag --{key.replace('_', '-')}"


def argument_origin(key: str) -> str:
    """How ``ethiq config`` names a value given as a keyword argument of the Python API."""
    return f"argument {key}"


def load_config(
    cwd: Path,
    env: Mapping[str, str],
    flags: Mapping[str, Any],
    *,
    discover: bool = True,
    origin_of: Callable[[str], str] = flag_origin,
) -> Config:
    """The configuration for a run in ``cwd``: file, then ``ETHIQ_*`` in ``env``, then ``flags`` (None = not given).

    With ``discover=False`` no configuration file is looked for and no default waiver file is picked up:
    only ``env`` and ``flags`` count. ``origin_of`` names where a flag came from.
    """
    cwd = Path(os.path.abspath(cwd))
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    file = find_config_file(cwd) if discover else None
    if file is not None:
        text, table = _read_table(file)
        header = PYPROJECT_TABLE if file.name == PYPROJECT_FILE else None
        for key, raw in table.items():
            line = _key_line(text, key, header)
            if key not in KEYS:
                hint = difflib.get_close_matches(key, KEYS, n=1, cutoff=0.6)
                message = f"unknown key{f' (did you mean {hint[0]!r}?)' if hint else ''}; known: {', '.join(KEYS)}"
                raise ConfigError(message, origin=str(file), key=key, file=str(file), line=line)
            values[key] = _convert(key, raw, source="file", base=file.parent, origin=str(file), line=line)
            origins[key] = str(file)
    for key in KEYS:
        name = ENV_PREFIX + key.upper()
        raw = env.get(name)
        if raw is None or not raw.strip():  # an empty variable counts as unset
            continue
        values[key] = _convert(key, raw, source="env", base=cwd, origin=f"env {name}")
        origins[key] = f"env {name}"
    _apply_flags(values, origins, flags, cwd, origin_of)
    if "waivers" not in values and discover:
        default = (file.parent if file is not None else cwd) / DEFAULT_WAIVERS_FILE
        if default.is_file():
            values["waivers"] = default
    return Config(**values, file=file, cwd=cwd, origins=origins)


def resolve_config(config: Config | bool | None, options: Mapping[str, Any], *, cwd: Path | None = None) -> Config:
    """The configuration the Python API runs with: keyword arguments (``options``, None = not given) over

    - ``config=None`` or ``False``: the defaults only (no file, no environment);
    - ``config=True``: ``ethiq.toml`` / ``[tool.ethiq]`` and ``ETHIQ_*``, found as the CLI finds them;
    - a :class:`Config`: that configuration.
    """
    here = Path(os.path.abspath(Path.cwd() if cwd is None else cwd))
    if isinstance(config, Config):  # arguments are relative to the working directory of this call
        values: dict[str, Any] = {}
        origins = dict(config.origins)
        _apply_flags(values, origins, options, here, argument_origin)
        return dataclasses.replace(config, **values, origins=origins, cwd=here)
    if config is True:
        return load_config(here, os.environ, options, origin_of=argument_origin)
    return load_config(here, {}, options, discover=False, origin_of=argument_origin)


def _apply_flags(
    values: dict[str, Any],
    origins: dict[str, str],
    flags: Mapping[str, Any],
    base: Path,
    origin_of: Callable[[str], str],
) -> None:
    for key, raw in flags.items():
        if key not in KEYS:
            raise ConfigError(f"unknown setting; known: {', '.join(KEYS)}", origin="flags", key=key)
        if raw is None:
            continue
        origin = origin_of(key)
        values[key] = _convert(key, raw, source="flag", base=base, origin=origin)
        origins[key] = origin


def find_config_file(cwd: Path) -> Path | None:
    """The nearest ``ethiq.toml``, or ``pyproject.toml`` with ``[tool.ethiq]``, in ``cwd`` or above it, up to
    the root of the repository ``cwd`` lies in (the nearest directory holding ``.git``) and never beyond it.

    This is the trust model of the configuration (docs/waivers-and-config.md): the working directory's own
    repository configures the run. A file above the repository belongs to another origin, and a file among the
    checked paths is never looked for: checked files cannot set ``fail_on``, policies, context, exclusions,
    limits or budgets.
    """
    start = Path(os.path.abspath(cwd))
    for directory in (start, *start.parents):
        candidate = directory / CONFIG_FILE
        if os.path.lexists(candidate) and not candidate.is_dir():  # a FIFO or a dangling link is refused, not passed
            return candidate
        pyproject = directory / PYPROJECT_FILE
        if pyproject.is_file() and _has_ethiq_table(pyproject):
            return pyproject
        if os.path.lexists(directory / ".git"):  # the repository's root: what lies above is not its own
            return None
    return None


# --- reading -------------------------------------------------------------------------------------------


def _read_toml(file: Path) -> tuple[str, dict[str, Any]]:
    import tomllib  # only a run with a configuration file reads TOML

    # Bounded as documents are, with the default limits (the file cannot raise its own): a FIFO or a link to
    # /dev/zero named ethiq.toml is refused, not read.
    from .read import read_text

    try:
        text = read_text(file)
    except DocumentReadError as err:
        raise ConfigError(f"cannot read: {err}", origin=str(file), file=str(file), line=err.line) from err
    try:
        return text, tomllib.loads(text)
    except RecursionError as err:
        raise ConfigError("invalid TOML: nested too deeply", origin=str(file), file=str(file)) from err
    except tomllib.TOMLDecodeError as err:
        match = re.search(r"at line (\d+)", str(err))
        line = int(match.group(1)) if match else None
        raise ConfigError(f"invalid TOML: {err}", origin=str(file), file=str(file), line=line) from err


def _has_ethiq_table(pyproject: Path) -> bool:
    from .read import read_text

    try:
        text = read_text(pyproject)
    except DocumentReadError:
        return False  # not ethiq's file to judge: a pyproject.toml that cannot be read says nothing about ethiq
    if PYPROJECT_TABLE not in text:
        return False  # a pyproject.toml that does not mention ethiq is none of its business, even if broken
    _, data = _read_toml(pyproject)
    return "ethiq" in data.get("tool", {})


def _read_table(file: Path) -> tuple[str, dict[str, Any]]:
    text, data = _read_toml(file)
    if file.name != PYPROJECT_FILE:
        return text, data
    table = data.get("tool", {}).get("ethiq")
    if not isinstance(table, dict):
        line = _key_line(text, "ethiq", "tool")
        raise ConfigError("[tool.ethiq] must be a table", origin=str(file), file=str(file), line=line)
    return text, table


def _key_line(text: str, key: str, table: str | None) -> int | None:
    """Best-effort line of ``key =`` in ``[table]`` (or before any table): for messages only."""
    current: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        header = re.match(r"^\s*\[+\s*([^\]]+?)\s*\]+", line)
        if header:
            current = header.group(1).replace(" ", "")
            if table is None and current == key:  # a table where a value was expected
                return number
            continue
        if current == table and re.match(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", line):
            return number
    return None


# --- converting ----------------------------------------------------------------------------------------


def _convert(key: str, raw: Any, *, source: Source, base: Path, origin: str, line: int | None = None) -> Any:
    """One value from the file (TOML types), the environment (text) or a flag (Python values)."""
    file = origin if source == "file" else None

    def fail(expected: str) -> ConfigError:
        return ConfigError(f"expected {expected}, got {raw!r}", origin=origin, key=key, file=file, line=line)

    if key in _LIST_KEYS:
        items = _as_list(raw, source=source, fail=fail)
        return tuple(resolve_path(item, base) for item in items) if key in _PATH_KEYS else tuple(items)
    if key in ("waivers", "baseline"):
        if not isinstance(raw, str | os.PathLike) or not str(raw).strip():
            raise fail("a file path")
        return resolve_path(str(raw), base)
    if key in ("fail_on", "lang", "engine"):
        choices = {"fail_on": FAIL_ON, "lang": LANGS, "engine": ENGINES}[key]
        value = getattr(raw, "value", raw)  # a StrEnum from the command line
        if value not in choices:
            raise fail(" or ".join(choices))
        return str(value)
    if key == "format":
        value = getattr(raw, "value", raw)
        if not isinstance(value, str) or not value.strip():
            raise fail("a format name")
        return value
    if key == "as_of":
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            return raw.isoformat()
        if isinstance(raw, str) and _DATE.match(raw.strip()):
            try:
                return dt.date.fromisoformat(raw.strip()).isoformat()
            except ValueError as err:  # the shape of a date, but no such day: say so, not "expected YYYY-MM-DD"
                raise ConfigError(
                    f"{raw.strip()} is not a date that exists ({err})", origin=origin, key=key, file=file, line=line
                ) from err
        raise fail("an ISO date (YYYY-MM-DD)")
    if key == "jobs":
        value = raw.strip().lower() if isinstance(raw, str) else raw
        if value == "auto":
            return "auto"
        if isinstance(value, str) and value.isdigit():
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool) and value >= 1:
            return value
        raise fail('a positive integer or "auto"')
    if key in _LIMIT_KEYS:
        value = raw.strip() if isinstance(raw, str) else raw
        try:
            number = parse_size(value) if key == "max_file_size" else int(value)
        except (TypeError, ValueError):
            number = 0
        if isinstance(value, bool | float) or number < 1:
            raise fail(
                "a positive size in bytes (64MiB, 50MB, 67108864)" if key == "max_file_size" else "a positive integer"
            )
        return number
    if key in _BUDGET_KEYS:
        value = raw.strip() if isinstance(raw, str) else raw
        try:
            seconds = float(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else None
        except ValueError:
            seconds = None
        if seconds is None or not math.isfinite(seconds) or seconds <= 0:
            raise fail("a positive number of seconds")
        return seconds
    raise AssertionError(f"unhandled key {key}")  # pragma: no cover - KEYS and this function move together


def _as_list(raw: Any, *, source: Source, fail: Callable[[str], ConfigError]) -> list[str]:
    if source == "env" and isinstance(raw, str):
        return [part.strip() for part in raw.split(",") if part.strip()]
    if source == "flag" and isinstance(raw, str | os.PathLike):
        raw = [raw]  # one flag value where a list is expected
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        raise fail("a list of strings")
    if not all(isinstance(item, str | os.PathLike) and str(item).strip() for item in raw):
        raise fail("a list of non-empty strings")
    return [str(item) for item in raw]


def resolve_path(value: str, base: Path) -> Path:
    """``value`` as an absolute, normalised path (relative to ``base``); ``-`` stays standard input."""
    if value == "-":  # standard input stays standard input
        return Path(value)
    path = Path(value).expanduser()
    return Path(os.path.normpath(path if path.is_absolute() else base / path))


def _jsonable(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_jsonable(item) for item in value]
    if isinstance(value, Path):
        return str(value)
    return value
