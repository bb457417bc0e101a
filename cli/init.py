"""``ethiq init``: scaffold a campaign configuration repository from the templates shipped in the package.

The templates are package data (``ethiq/cli/templates/``, read with :mod:`importlib.resources`, so they are
found in a wheel and in an editable install alike). The tree below ``templates/`` is the tree written, with
two rewrites:

- a path component ``dot-NAME`` is written as ``.NAME`` (``dot-github/workflows/ethiq.yml`` ->
  ``.github/workflows/ethiq.yml``), because setuptools' package-data globs skip hidden files;
- ``{{party}}`` becomes the party's name as a YAML string, ``{{ethiq_version}}`` the installed version.
  Nothing else is substituted, so GitHub's ``${{ ... }}`` expressions pass through untouched.

Existing files are never overwritten without ``force``: the run refuses (exit 2) and lists them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path, PurePosixPath

from ethiq import __version__
from ethiq.engine.errors import UsageError

TEMPLATE_PACKAGE = "ethiq.cli"
TEMPLATE_DIR = "templates"
DOT_PREFIX = "dot-"
DEFAULT_PARTY = "CHANGE ME: the party's registered name"


@dataclass(frozen=True, slots=True)
class ScaffoldFile:
    """One file of the scaffold: where it goes (relative, POSIX) and what it holds."""

    path: PurePosixPath
    text: str


def template_root() -> Traversable:
    """The ``templates`` directory of the installed package."""
    return resources.files(TEMPLATE_PACKAGE).joinpath(TEMPLATE_DIR)


def iter_templates(root: Traversable | None = None) -> Iterator[tuple[PurePosixPath, Traversable]]:
    """Every template file as (template path relative to the root, resource), sorted by path."""
    stack: list[tuple[PurePosixPath, Traversable]] = [(PurePosixPath(), root or template_root())]
    found: list[tuple[PurePosixPath, Traversable]] = []
    while stack:
        prefix, node = stack.pop()
        for child in node.iterdir():
            if child.name == "__pycache__":
                continue
            relative = prefix / child.name
            if child.is_dir():
                stack.append((relative, child))
            elif child.is_file():
                found.append((relative, child))
    yield from sorted(found, key=lambda item: item[0])


def target_path(template: PurePosixPath) -> PurePosixPath:
    """Where a template is written: ``dot-github`` -> ``.github``."""
    parts = ("." + part.removeprefix(DOT_PREFIX) if part.startswith(DOT_PREFIX) else part for part in template.parts)
    return PurePosixPath(*parts)


def render_template(text: str, *, party: str) -> str:
    # json.dumps gives a double-quoted string that YAML reads back unchanged, whatever the name holds.
    return text.replace("{{party}}", json.dumps(party, ensure_ascii=False)).replace("{{ethiq_version}}", __version__)


def scaffold_files(*, party: str | None = None) -> list[ScaffoldFile]:
    """The files of a new campaign configuration repository."""
    name = party if party is not None else DEFAULT_PARTY
    if not name.strip():
        raise UsageError("--party needs a name: the party's registered name")
    files = [
        ScaffoldFile(target_path(path), render_template(resource.read_text(encoding="utf-8"), party=name))
        for path, resource in iter_templates()
    ]
    return sorted(files, key=lambda file: file.path)


def write_scaffold(directory: Path, *, party: str | None = None, force: bool = False) -> list[Path]:
    """Write the scaffold into ``directory`` (created if missing) and return the files written.

    Raises :class:`UsageError` (exit 2), writing nothing, when ``directory`` is not a directory or, without
    ``force``, when any of the files exists.
    """
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory} exists and is not a directory")
    files = scaffold_files(party=party)
    targets = [directory.joinpath(*file.path.parts) for file in files]
    if not force:
        existing = [target for target in targets if target.exists() or target.is_symlink()]
        if existing:
            listing = "\n".join(f"  {target}" for target in existing)
            raise UsageError(
                f"refusing to overwrite {len(existing)} existing file(s) in {directory} "
                f"(--force overwrites them):\n{listing}"
            )
    in_the_way = [target for target in targets if target.is_dir()]
    if in_the_way:
        raise UsageError(f"{in_the_way[0]} is a directory; the scaffold needs a file there")
    for file, target in zip(files, targets, strict=True):
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(file.text, encoding="utf-8")
        except OSError as err:
            raise UsageError(f"cannot write {target}: {err.strerror or err}") from err
    return targets


def run_init(directory: Path, *, party: str | None, force: bool) -> int:
    """``ethiq init``: write the scaffold, list it, say what to do next. Returns the exit code."""
    import typer

    written = write_scaffold(directory, party=party, force=force)
    typer.echo(f"Wrote a campaign configuration repository in {directory}:")
    for path in written:
        typer.echo(f"  {path.relative_to(directory).as_posix()}")
    typer.echo("")
    steps = [] if directory.resolve() == Path.cwd().resolve() else [f"cd {directory}"]
    if party is None:
        steps.append("edit context.yaml: put the party's registered name, other names and domains in `party`")
    steps += [
        "ethiq validate     # schemas of the documents and the waiver file",
        "ethiq check        # the gate, with the settings from ethiq.toml: exit code 0",
        "set ETHIQ_SOURCE in .github/workflows/ethiq.yml, and repo and rev in .pre-commit-config.yaml, to where "
        "your organisation gets ethiq",
    ]
    typer.echo("Next:")
    for step in steps:
        typer.echo(f"  {step}")
    return 0
