"""The ``ethiq`` command. The only place where exceptions become exit codes.

Exit codes (the same for every command and output format):

    0  no blocking finding
    1  blocking findings (fail, or needs_review of a block rule)
    2  unusable input: unreadable, unparsable, schema-invalid, usage
    3  broken policy, data or engine
"""

from __future__ import annotations

import copy
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.main
from typer.models import CommandInfo, TyperInfo

from . import inputs

EXIT_CODES_HELP = (
    "Exit codes: 0 no blocking finding; 1 blocking findings (fail, or needs_review of a block rule); "
    "2 unusable input (unreadable, unparsable, schema-invalid, usage); 3 broken policy, data or engine."
)

app = typer.Typer(
    name="ethiq",
    help="Policy-as-code for ethical political campaigning. " + EXIT_CODES_HELP,
    no_args_is_help=True,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
    add_completion=False,
)


class Format(StrEnum):
    table = "table"
    json = "json"


class CheckFormat(StrEnum):
    table = "table"
    json = "json"
    sarif = "sarif"
    junit = "junit"
    github = "github"
    html = "html"
    markdown = "markdown"
    record = "record"


class Lang(StrEnum):
    en = "en"
    sv = "sv"


class EngineName(StrEnum):
    regorus = "regorus"
    opa = "opa"


class FailOn(StrEnum):
    block = "block"
    warn = "warn"
    info = "info"
    none = "none"


def _version(value: bool) -> None:
    if value:
        from ethiq import __version__
        from ethiq.engine.evaluate import engine_version

        typer.echo(f"ethiq {__version__} ({engine_version()})")
        raise typer.Exit(0)


@app.callback()
def root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Policy-as-code for ethical political campaigning."""


# The options ``check`` and ``baseline create`` share, named as the library's keyword arguments.
PathsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="[PATH]...",
        help="Files or directories of JSON/YAML documents; '-' reads standard input. Default: `paths` from ethiq.toml.",
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang", help="Language of titles, messages and remediations (default: en).", rich_help_panel="Output"
    ),
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Lowest severity that fails the run; needs_review of a block rule counts as block (default: block). "
        "'none' for a trial period: only non-waivable bans fail, unusable input still exits 2 or 3.",
        rich_help_panel="Gate",
    ),
]
WaiversOption = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        "-w",
        metavar="FILE",
        help="Waiver file (default: ethiq-waivers.yaml beside the configuration, when present).",
        rich_help_panel="Gate",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="Evaluation date (YYYY-MM-DD) (default: today). Rules never read the clock: "
        "every date-dependent rule uses this.",
        rich_help_panel="Policies",
    ),
]
PoliciesOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--policies",
        "-p",
        metavar="DIR",
        help="Extra policy directory (repeatable), added to the bundled library.",
        rich_help_panel="Policies",
    ),
]
ContextOption = Annotated[
    list[Path] | None,
    typer.Option(
        "--context",
        "-c",
        metavar="FILE",
        help="Policy context file merged over the bundled one (repeatable).",
        rich_help_panel="Policies",
    ),
]
ExcludeOption = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Gitignore-style glob of files a directory walk skips (repeatable; replaces `exclude` of ethiq.toml).",
        rich_help_panel="Inputs",
    ),
]
MaxFileSizeOption = Annotated[
    str | None,
    typer.Option(
        "--max-file-size",
        metavar="SIZE",
        help="Largest file (or standard input) read, e.g. 64MiB or 50MB (default: 64MiB).",
        rich_help_panel="Limits",
    ),
]
MaxAliasNodesOption = Annotated[
    int | None,
    typer.Option(
        "--max-alias-nodes",
        metavar="N",
        min=1,
        help="Most values YAML aliases and merge keys may add to one file (default: 1000000).",
        rich_help_panel="Limits",
    ),
]
MaxDepthOption = Annotated[
    int | None,
    typer.Option(
        "--max-depth",
        metavar="N",
        min=1,
        help="Most nesting levels of one document (default: 64).",
        rich_help_panel="Limits",
    ),
]
RuleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--rule",
        "-r",
        metavar="PATTERN",
        help="Report only these rules (repeatable): an id (DAT-005), a glob over ids (DAT-*) or a document kind "
        "(vendor). Non-waivable rules are always reported.",
        rich_help_panel="Rules",
    ),
]
SkipRuleOption = Annotated[
    list[str] | None,
    typer.Option(
        "--skip-rule",
        metavar="PATTERN",
        help="Leave these rules out (repeatable; ids, globs or kinds). A non-waivable rule cannot be left out.",
        rich_help_panel="Rules",
    ),
]
JobsOption = Annotated[
    str | None,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N|auto",
        help="Worker processes: a number or 'auto' (default: 1).",
        rich_help_panel="Performance",
    ),
]
EngineOption = Annotated[
    EngineName | None,
    typer.Option(
        "--engine",
        help="Rego engine: regorus (default) or opa, OPA itself where its bindings are installed "
        "(python3 tools/install_opa.py); the same report either way.",
        rich_help_panel="Policies",
    ),
]


TimeBudgetOption = Annotated[
    float | None,
    typer.Option(
        "--time-budget",
        metavar="SECONDS",
        help="Seconds the whole run may take; documents not judged by then are engine problems (default: 3600).",
        rich_help_panel="Performance",
    ),
]
DocumentTimeBudgetOption = Annotated[
    float | None,
    typer.Option(
        "--document-time-budget",
        metavar="SECONDS",
        help="Seconds one document's evaluation may take before it is stopped as an engine problem (default: 120).",
        rich_help_panel="Performance",
    ),
]


def _flags(**values: Any) -> dict[str, Any]:
    """Flags as configuration keys: a flag not given is None, so the configuration decides."""
    return {key: (value.value if isinstance(value, StrEnum) else value) or None for key, value in values.items()}


@app.command(epilog=EXIT_CODES_HELP)
def check(
    paths: PathsArgument = None,
    format: Annotated[
        CheckFormat | None,
        typer.Option(
            "--format", "-f", help="Output format on standard output (default: table).", rich_help_panel="Output"
        ),
    ] = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FORMAT=FILE",
            help="Also write FORMAT to FILE (repeatable), e.g. sarif=ethiq.sarif; record=FILE writes the "
            "accountability record (`ethiq verify-record FILE` checks it).",
            rich_help_panel="Output",
        ),
    ] = None,
    compact: Annotated[
        bool,
        typer.Option(
            "--compact",
            "--quiet",
            "-q",
            help="Only what fails the run, one line each (file:line:col: RULE status: message); "
            "nothing when it passes.",
            rich_help_panel="Output",
        ),
    ] = False,
    lang: LangOption = None,
    fail_on: FailOnOption = None,
    waivers: WaiversOption = None,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            "-b",
            metavar="FILE",
            help="Baseline file (from `ethiq baseline create`): only findings not in it fail the run.",
            rich_help_panel="Gate",
        ),
    ] = None,
    as_of: AsOfOption = None,
    policies: PoliciesOption = None,
    context: ContextOption = None,
    exclude: ExcludeOption = None,
    rule: RuleOption = None,
    skip_rule: SkipRuleOption = None,
    jobs: JobsOption = None,
    max_file_size: MaxFileSizeOption = None,
    max_alias_nodes: MaxAliasNodesOption = None,
    max_depth: MaxDepthOption = None,
    engine: EngineOption = None,
    time_budget: TimeBudgetOption = None,
    document_time_budget: DocumentTimeBudgetOption = None,
    changed_since: Annotated[
        str | None,
        typer.Option(
            "--changed-since",
            metavar="REV",
            help="Judge only the documents changed since the git revision REV and every document whose "
            "references lead to one of them; read and schema problems are those of the files read, the changed "
            "ones among them.",
            rich_help_panel="Inputs",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Prove the policy set again instead of using the proof kept in the cache directory "
            "(ETHIQ_CACHE_DIR, default: the user cache directory).",
            rich_help_panel="Performance",
        ),
    ] = False,
) -> None:
    """Validate and judge documents: vendors, data sources, audiences, accounts, ads and campaigns.

    Settings come from flags, then ETHIQ_* environment variables, then ethiq.toml (or the tool.ethiq table of
    pyproject.toml), found upward from the working directory. `ethiq config` shows the result.
    """
    from .check import run_check

    flags = _flags(
        paths=paths,
        format=format,
        lang=lang,
        fail_on=fail_on,
        waivers=waivers,
        baseline=baseline,
        as_of=as_of,
        policies=policies,
        context=context,
        exclude=exclude,
        jobs=jobs,
        max_file_size=max_file_size,
        max_alias_nodes=max_alias_nodes,
        max_depth=max_depth,
        engine=engine,
        time_budget=time_budget,
        document_time_budget=document_time_budget,
    )
    raise typer.Exit(
        run_check(
            flags,
            output or [],
            stdin_is_input="-" in (paths or []),
            compact=compact,
            rules=rule or [],
            skip_rules=skip_rule or [],
            cache=not no_cache,
            changed_since=changed_since,
        )
    )


baseline_app = typer.Typer(
    name="baseline",
    help="Accept the findings a repository has today, so that only new ones fail.",
    no_args_is_help=True,
)
app.add_typer(baseline_app)


@baseline_app.command(
    "create",
    epilog="Exit codes: what `ethiq check --baseline FILE` now gives: 0 unless findings of non-waivable rules "
    "remain (1) or input or policies could not be judged (2, 3).",
)
def baseline_create(
    output: Annotated[Path, typer.Option("--output", "-o", metavar="FILE", help="The baseline file to write.")],
    paths: PathsArgument = None,
    lang: LangOption = None,
    fail_on: FailOnOption = None,
    waivers: WaiversOption = None,
    as_of: AsOfOption = None,
    policies: PoliciesOption = None,
    context: ContextOption = None,
    exclude: ExcludeOption = None,
    jobs: JobsOption = None,
    max_file_size: MaxFileSizeOption = None,
    max_alias_nodes: MaxAliasNodesOption = None,
    max_depth: MaxDepthOption = None,
    engine: EngineOption = None,
) -> None:
    """Check PATHS and write every finding that may be accepted to a baseline file (sorted, one per finding).

    Findings of non-waivable rules are left out, and listed; waived findings are left out too.
    """
    from .check import run_create_baseline

    flags = _flags(
        paths=paths,
        lang=lang,
        fail_on=fail_on,
        waivers=waivers,
        as_of=as_of,
        policies=policies,
        context=context,
        exclude=exclude,
        jobs=jobs,
        max_file_size=max_file_size,
        max_alias_nodes=max_alias_nodes,
        max_depth=max_depth,
        engine=engine,
    )
    raise typer.Exit(run_create_baseline(flags, output, stdin_is_input="-" in (paths or [])))


@app.command(
    "verify-record",
    epilog="Exit codes: 0 the recorded files are unchanged and give the same decision; 1 a file changed or the "
    "decision differs; 2 the record is unreadable or invalid, a recorded file is missing, or its documents came "
    "from standard input.",
)
def verify_record(
    record: Annotated[Path, typer.Argument(metavar="FILE", help="A record written by `check --output record=FILE`.")],
    root: Annotated[
        Path | None,
        typer.Option(
            "--root", metavar="DIR", help="Where the recorded run was started (default: the working directory)."
        ),
    ] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Re-hash every file of an accountability record and re-run its check: is the decision the same?"""
    from .verify import run_verify_record

    raise typer.Exit(run_verify_record(record, root=root, fmt=format.value, out=sys.stdout))


@app.command("config")
def show_config(
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """Print the effective configuration and where each value comes from."""
    import json
    import os

    from ethiq.engine.config import load_config

    config = load_config(Path.cwd(), os.environ, {})
    if format is Format.json:
        typer.echo(json.dumps(config.to_dict(), indent=2, ensure_ascii=False))
        return
    typer.echo(f"configuration file: {config.file or '(none found)'}")
    for key, value, origin in config.items():
        if value is None or value == ():
            shown = "today" if key == "as_of" else "(none)"
        else:
            shown = ", ".join(str(v) for v in value) if isinstance(value, tuple) else str(value)
        typer.echo(f"  {key:9} = {shown:40}  ({origin})".rstrip())


@app.command(
    epilog="Exit codes: 0 the bundle was written; 2 unusable options or configuration; 3 broken policy or context."
)
def bundle(
    output: Annotated[
        Path, typer.Option("--output", "-o", metavar="FILE", help="The bundle to write, e.g. ethiq-bundle.tar.gz.")
    ],
    policies: PoliciesOption = None,
    context: ContextOption = None,
    revision: Annotated[
        str | None,
        typer.Option(
            "--revision", metavar="REVISION", help="The bundle's revision (default: a digest of its contents)."
        ),
    ] = None,
) -> None:
    """Write the policy set and its context as an OPA bundle (policies, data.json, .manifest) for OPA servers.

    The same policies and context give the same bytes. docs/opa.md shows the route from the bundle to decisions.
    """
    from .bundle import run_bundle

    raise typer.Exit(run_bundle(_flags(policies=policies, context=context), output, revision=revision))


@app.command(
    "test",
    epilog="Exit codes: 0 every test passed (and coverage reached --threshold); 1 a test failed "
    "or coverage is below the threshold; 3 a policy does not load or a test errored.",
)
def run_tests(
    policies: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="[DIR]...", help="Extra policy directories whose *_test.rego files run with the bundled ones."
        ),
    ] = None,
    run: Annotated[
        str | None, typer.Option("--run", "-r", metavar="GLOB", help="Only tests whose name matches this glob.")
    ] = None,
    coverage: Annotated[bool, typer.Option("--coverage", help="Report line coverage of the policies.")] = False,
    threshold: Annotated[
        float,
        typer.Option(
            "--threshold", metavar="PERCENT", min=0, max=100, help="Minimum coverage percent (implies --coverage)."
        ),
    ] = 0.0,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    engine: Annotated[
        EngineName,
        typer.Option("--engine", help="Rego engine: regorus, or opa (OPA itself; no coverage report)."),
    ] = EngineName.regorus,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every test, not only failures and errors.")
    ] = False,
) -> None:
    """Run the Rego unit tests (test_* rules) beside the policies, with optional line coverage."""
    from ethiq.engine.evaluate.testing import run_rego_tests

    from .testing import render_tests

    report = run_rego_tests(policies or [], match=run, coverage=coverage or threshold > 0, engine=engine.value)
    render_tests(report, sys.stdout, fmt=format.value, threshold=threshold, verbose=verbose)
    counts = report.counts()
    if counts["error"]:
        raise typer.Exit(3)
    if counts["fail"] or not report.results or (threshold and report.coverage_percent < threshold):
        raise typer.Exit(1)
    raise typer.Exit(0)


@app.command(
    epilog="Exit codes: 0 every document (and waiver file) is valid; 2 some input is unreadable or schema-invalid."
)
def validate(
    paths: PathsArgument = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    lang: LangOption = None,
) -> None:
    """Check documents against the JSON Schemas only (no policy is evaluated), and waiver files against theirs.

    Without PATHS, the `paths` and the waiver file of ethiq.toml, as `ethiq check` reads them.
    """
    import os

    from ethiq.engine import load_config, read_stdin
    from ethiq.engine import validate as validate_inputs

    from .output import renderer

    config = load_config(Path.cwd(), os.environ, _flags(paths=paths, lang=lang))
    stdin_text = read_stdin(config.read_limits) if "-" in (paths or []) else None
    report = validate_inputs(paths or None, stdin_text=stdin_text, config=config)
    renderer(format.value)(report, sys.stdout)
    raise typer.Exit(int(report.exit_code))


@app.command()
def schema(
    kind: Annotated[
        str | None, typer.Argument(metavar="[KIND]", help="A document kind; without it, list the kinds.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="DIR", help="Write the schema(s) as KIND.schema.json into this directory."
        ),
    ] = None,
) -> None:
    """Print or export the JSON Schemas (draft-07) that documents are validated against."""
    from .schemas import export_schemas, print_schema

    if output is not None:
        for path in export_schemas(output, kind):
            typer.echo(str(path))
    else:
        print_schema(kind, sys.stdout)


class RulesFormat(StrEnum):
    table = "table"
    json = "json"
    markdown = "markdown"


@app.command()
def rules(
    format: Annotated[
        RulesFormat, typer.Option("--format", "-f", help="Output format; markdown is docs/rules.md.")
    ] = RulesFormat.table,
    kind: Annotated[
        str | None, typer.Option("--kind", "-k", metavar="KIND", help="Only rules judging this document kind.")
    ] = None,
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the titles.")] = Lang.en,
    policies: Annotated[
        list[Path] | None, typer.Option("--policies", "-p", metavar="DIR", help="Extra policy directory (repeatable).")
    ] = None,
) -> None:
    """List the rules: id, document kinds, severity, title and sources."""
    from ethiq.engine.evaluate import load_policy_set

    from .catalog import render_rules, sorted_rules

    render_rules(sorted_rules(load_policy_set(policies or []), kind), sys.stdout, fmt=format.value, lang=lang.value)


@app.command()
def explain(
    rule_id: Annotated[str, typer.Argument(metavar="RULE", help="A rule id, e.g. DAT-005.")],
    lang: Annotated[Lang, typer.Option("--lang", help="Language of the explanation.")] = Lang.en,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    policies: Annotated[
        list[Path] | None, typer.Option("--policies", "-p", metavar="DIR", help="Extra policy directory (repeatable).")
    ] = None,
) -> None:
    """Explain one rule: the seed sentence, why, the remediation and a violating example."""
    from ethiq.engine.errors import UsageError
    from ethiq.engine.evaluate import load_policy_set

    from .catalog import render_explain

    policy_set = load_policy_set(policies or [])
    meta = policy_set.rule(rule_id.upper())
    if meta is None:
        import difflib

        close = difflib.get_close_matches(rule_id.upper(), sorted(policy_set.rules), n=3)
        raise UsageError(f"no rule {rule_id!r}" + (f"; did you mean {', '.join(close)}?" if close else ""))
    render_explain(meta, sys.stdout, lang=lang.value, fmt=format.value)


@app.command(
    epilog="Exit codes: 0 the repository was written; 2 a file exists (without --force) or DIR is not a directory."
)
def init(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="Directory to scaffold; created if missing.")] = (
        Path(".")
    ),
    party: Annotated[
        str | None,
        typer.Option(
            "--party", metavar="NAME", help="The party's registered name, for context.yaml (default: a placeholder)."
        ),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite files that exist.")] = False,
) -> None:
    """Scaffold a campaign config repository: ethiq.toml, context, waivers, example documents, CI workflow."""
    from .init import run_init

    raise typer.Exit(run_init(directory, party=party, force=force))


inputs.register(app)  # ethiq inspect, ethiq input

#: The exit code of a run interrupted by Ctrl-C (128 + SIGINT), as shells report it.
INTERRUPTED = 130


def app_for(args: list[str]) -> typer.Typer:
    """``app`` with only the command ``args`` names, when its first word names one; else the whole ``app``.

    typer builds a click command, with every parameter inspected and converted, for each registered command
    on every run; ``ethiq check FILE`` needs only ``check``'s. The command itself, its help and its errors are
    the same: a run without a command word (``ethiq``, ``--help``, ``--version``) or with a word that names no
    command (a typo, answered with the full list) gets the whole app.
    """
    word = args[0] if args else ""
    if not word or word.startswith("-"):
        return app
    commands = [info for info in app.registered_commands if _command_name(info) == word]
    groups = [info for info in app.registered_groups if _group_name(info) == word]
    if len(commands) + len(groups) != 1:
        return app
    narrowed = copy.copy(app)
    narrowed.registered_commands = commands
    narrowed.registered_groups = groups
    return narrowed


def _command_name(info: CommandInfo) -> str | None:
    if isinstance(info.name, str):
        return info.name
    return typer.main.get_command_name(info.callback.__name__) if info.callback is not None else None


def _group_name(info: TyperInfo) -> str | None:
    if isinstance(info.name, str):
        return info.name
    instance = info.typer_instance
    name = instance.info.name if instance is not None else None
    return name if isinstance(name, str) else None


def main() -> None:
    """Console entry point: run the app and map every failure to its exit code."""
    import click

    from ethiq.engine.errors import EthiqError

    try:
        code = app_for(sys.argv[1:])(standalone_mode=False, prog_name="ethiq")
    except KeyboardInterrupt:  # outside a command; inside one, click turns it into Abort
        code = INTERRUPTED
    except EthiqError as err:
        typer.echo(f"ethiq: error: {err}", err=True)
        sys.exit(err.exit_code)
    except typer.Abort:
        code = INTERRUPTED
    except click.ClickException as err:  # usage: unknown option, missing argument, bad choice
        err.show()
        sys.exit(int(err.exit_code))
    except Exception as err:  # a defect: one line and exit 3 (never 0 or 1), not a traceback
        typer.echo(f"ethiq: internal error: {type(err).__name__}: {err} (please report it)", err=True)
        sys.exit(3)
    if code == INTERRUPTED:
        # One line, whatever was running: the workers ignore Ctrl-C and were stopped by the engine.
        typer.echo("ethiq: interrupted", err=True)
    sys.exit(code if isinstance(code, int) else 0)
