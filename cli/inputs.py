"""``ethiq inspect`` and ``ethiq input``: what the rules receive, without judging.

``inspect`` prints, per document, the view its platform adapter derived from native platform JSON and the
exact ``input`` the rules receive, so a user can see why a native spec was judged as it was. ``input``
prints that ``input`` alone, one JSON object a line (JSON Lines), e.g. to send to an OPA server. Both exit
0, or 2 when some input is unusable (its problems go to standard error).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, TextIO

import typer

INPUTS_HELP = "Exit codes: 0 every input was read; 2 some input is unreadable, unparsable or schema-invalid."

PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(help="Files or directories of JSON/YAML documents; '-' reads standard input."),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", metavar="DATE", help="Evaluation date (YYYY-MM-DD) put in input.as_of (default: today)."),
]
ContextOption = Annotated[
    list[Path] | None,
    typer.Option("--context", "-c", help="Policy context file merged over the bundled one (repeatable)."),
]


def _inspection(paths: Sequence[str] | None, as_of: str | None, context: Sequence[Path] | None) -> Any:
    from ethiq.engine import Checker, load_config

    flags = {"paths": list(paths) if paths else None, "as_of": as_of, "context": list(context) if context else None}
    config = load_config(Path.cwd(), os.environ, flags)
    stdin_text = sys.stdin.read() if paths and "-" in paths else None
    return Checker(config=config).inputs(stdin_text=stdin_text)


def _problems(inspection: Any) -> None:
    for problem in inspection.problems:
        print(f"ethiq: {problem.location}: {problem.message}", file=sys.stderr)


def _at(path: list[str | int] | None) -> str:
    from ethiq.engine.report import json_path

    return "-" if path is None else json_path(tuple(path))


def _dump(value: Any, out: TextIO) -> None:
    json.dump(value, out, ensure_ascii=False, indent=2, sort_keys=False)
    out.write("\n")


def register(app: typer.Typer) -> None:
    """Add ``inspect`` and ``input`` to ``app``."""

    @app.command(epilog=INPUTS_HELP)
    def inspect(
        paths: PathsArgument = None,
        as_of: AsOfOption = None,
        context: ContextOption = None,
        json_output: Annotated[
            bool, typer.Option("--json", help="One JSON array of {id, kind, file, line, derived_view, input}.")
        ] = False,
    ) -> None:
        """Show, per document, the view derived from its native platform JSON and the input the rules receive."""
        inspection = _inspection(paths, as_of, context)
        out = sys.stdout
        if json_output:
            _dump([document.to_dict() for document in inspection.documents], out)
        else:
            for document in inspection.documents:
                out.write(f"== {document.kind} {document.id} ({document.file}:{document.line})\n")
                if document.view is not None:
                    out.write(f"-- derived view ({document.platform} adapter):\n")
                    _dump(document.view, out)
                    native = document.input.get("derived", {}).get("native", {})
                    for unknown in native.get("unknown", []):
                        out.write(
                            f"   not understood ({unknown['reason']}): {unknown['key']} at {_at(unknown['path'])}\n"
                        )
                    for mismatch in native.get("declared_mismatch", []):
                        out.write(
                            f"   hand-written differs ({mismatch['what']}): {_at(mismatch['view_path'])}"
                            f" (native {_at(mismatch['native_path'])}, written {_at(mismatch['declared_path'])})\n"
                        )
                else:
                    out.write("-- no native platform JSON: judged as written\n")
                out.write("-- input:\n")
                _dump(document.input, out)
        _problems(inspection)
        raise typer.Exit(int(inspection.exit_code))

    @app.command("input", epilog=INPUTS_HELP)
    def input_lines(
        paths: PathsArgument = None,
        as_of: AsOfOption = None,
        context: ContextOption = None,
    ) -> None:
        """Print the exact input ethiq builds for each document, as JSON Lines (one input a line)."""
        inspection = _inspection(paths, as_of, context)
        for document in inspection.documents:
            sys.stdout.write(document.input_json)
            sys.stdout.write("\n")
        _problems(inspection)
        raise typer.Exit(int(inspection.exit_code))
