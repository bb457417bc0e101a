"""The check: the one entry point the Python API, the CLI and CI share, and the whole decision of a run.

The pipeline, stage by stage (each a folder of the engine)::

    read      files, directories, stdin, mappings, Document objects and texts   -> documents, read problems
    validate  the schema of each kind                                           -> stage and problems per item
    graph     the ledger (duplicates, what is referenced), index, neighbourhoods, names, context
    evaluate  the policy set proven once; one input per document; regorus; in one or more processes
    judge     findings from raw results; then waivers, baseline and fail-on applied to the report
    report    the frozen :class:`Report` every renderer and every exit code come from

A :class:`Checker` loads and proves the policy set once (prepare), then checks any number of inputs
(evaluate). Every setting, however it was given (keyword arguments, a :class:`Config`, or ``ethiq.toml``,
``[tool.ethiq]`` and ``ETHIQ_*`` with ``config=True``), becomes one :class:`Config` first, so the CLI (which
passes its flags the same way) and a script give the same report for the same settings. Nothing here
prints or exits.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import Cache
from .config import Config, resolve_config
from .errors import InputError, UsageError
from .evaluate import load_policy_set
from .evaluate.budget import Budgets
from .evaluate.engines import engine_version, require_engine
from .evaluate.parallel import Progress, RunOutcome, Selector, list_units, resolve_jobs, run_items, run_paths
from .graph import PolicyContext, build_context, ledger_of
from .graph.names import load_skeleton_table
from .judge import (
    Baseline,
    DocumentStages,
    WaiverFileError,
    WaiverSet,
    baseline_of,
    decide,
    load_baseline,
    load_waivers,
)
from .judge.probe import prove_extra_rules
from .judge.selection import select_rules
from .judge.waivers import DEFAULT_WAIVERS_FILE
from .read import Document, Input, ReadLimits, ReadProblem, as_inputs, iter_inputs, parse_documents, read_text
from .report import Problem, ProblemKind, Report, with_nothing_judged
from .validate import bundled_schemas

if TYPE_CHECKING:
    from .graph.changes import Node
    from .judge.inspection import Inspection

PathArg = str | os.PathLike[str]


def today() -> str:
    """The evaluation date when none is given: the only place ethiq reads the clock."""
    return dt.date.today().isoformat()


@dataclass(frozen=True, slots=True)
class BaselineCreation:
    """What :meth:`Checker.create_baseline` did: the baseline written, and the report judged with it."""

    baseline: Baseline  # its ``left_out`` lists the findings of non-waivable rules, which no baseline accepts
    report: Report


class Checker:
    """Policies loaded and proven once; inputs checked many times, each time to one decided :class:`Report`.

    ``policies``, ``context``, ``as_of`` and ``lang`` fix what the rules are and how they speak, and
    ``engine`` (``regorus``, the default, or ``opa``) what evaluates them, so they belong to the checker;
    waivers, baseline, fail-on, exclude and jobs may change per :meth:`check` and default to the checker's
    ``config``. A date is a :class:`datetime.date` or ISO text. ``cache``: keep the proof of the policy set in
    the user's cache directory (``ETHIQ_CACHE_DIR``) or in the directory given, so the next checker with the
    same policies skips it; ``False`` proves the set every time.
    """

    def __init__(
        self,
        *,
        policies: Sequence[PathArg] | None = None,
        context: Sequence[PathArg] | None = None,
        as_of: str | dt.date | None = None,
        lang: str | None = None,
        engine: str | None = None,
        config: Config | bool | None = None,
        cache: bool | PathArg = True,
    ):
        options = {"policies": policies, "context": context, "as_of": as_of, "lang": lang, "engine": engine}
        self.config: Config = resolve_config(config, options)
        self.lang: str = self.config.lang
        self.as_of: str = self.config.as_of or today()
        schemas = bundled_schemas()
        context_files = [str(path) for path in self.config.context]
        store = None if cache is False else Cache(None if cache is True else cache)
        base_context = build_context(files=context_files, schemas=schemas, cache=store)
        load_skeleton_table(store)
        self.policy_set = load_policy_set(
            self.config.policies,
            probe_data=base_context.rego_data(),
            engine=require_engine(self.config.engine),
            cache=store,
        )
        prove_extra_rules(self.policy_set, base_context, as_of=self.as_of, lang=self.lang)
        self.stages = DocumentStages(
            self.policy_set, base_context, context_files, as_of=self.as_of, lang=self.lang, schemas=schemas
        )

    @property
    def base_context(self) -> PolicyContext:
        """The policy context before the run's own policy_context documents are merged in."""
        return self.stages.base_context

    def check(
        self,
        inputs: Input | Iterable[Input] | None = None,
        *,
        texts: str | Iterable[str] = (),
        waivers: PathArg | None = None,
        baseline: PathArg | None = None,
        fail_on: str | None = None,
        exclude: Sequence[str] | None = None,
        jobs: int | str | None = None,
        stdin_text: str | None = None,
        rules: Sequence[str] = (),
        skip_rules: Sequence[str] = (),
        progress: Progress | None = None,
        changed_since: str | None = None,
    ) -> Report:
        """Check ``inputs`` and ``texts`` and return the decided report.

        ``inputs``: paths (a ``str`` or :class:`os.PathLike` is always one path: a file, a directory walked
        recursively, or ``-`` for standard input) and documents (mappings or :class:`Document` objects),
        alone or in any iterable, in report order. Without inputs or texts, the configuration's ``paths``.
        ``texts``: JSON or YAML text, each read like a file named ``<text N>``.
        ``waivers``, ``baseline``: files applied to the findings; ``fail_on``: ``block`` (default), ``warn``
        or ``info``; ``exclude``: gitignore-style globs of files a directory walk skips; ``jobs``: worker
        processes for paths (``"auto"``: one per CPU the process may use), the report is the same whatever their
        number. ``rules``, ``skip_rules``: the rules to report, as ids, globs over ids or document kinds
        (:mod:`~ethiq.engine.judge.selection`; non-waivable rules are always reported).
        ``progress``: called as ``progress(stage, done, total)`` while paths are read (``read``, files) and
        judged (``judge``, documents); the engine itself never prints. ``changed_since``: a git revision; only
        the documents changed since it, and every document whose references lead to one of them, are judged and
        reported, with the findings a full check gives them; only the files that can matter are read, so read
        and schema problems are those of the changed files and of the files read (see
        :mod:`ethiq.engine.graph.changes`).
        """
        selected = select_rules(self.policy_set.rules, _patterns(rules), _patterns(skip_rules))
        config = self._settings(waivers, baseline, fail_on, exclude, jobs)
        judged = self._judge(config, inputs, texts, stdin_text, progress, changed_since)
        return self._decide(judged, config, use_baseline=True, selected=selected)

    def check_documents(self, documents: Iterable[Mapping[str, Any] | Document], **options: Any) -> Report:
        """Check documents held in memory (mappings or :class:`Document` objects); options as :meth:`check`."""
        items = list(documents)
        if any(isinstance(item, str | os.PathLike) for item in items):
            raise UsageError("check_documents takes mappings or Document objects; give paths to check()")
        return self.check(items, **options)

    def check_items(
        self,
        items: Iterable[Document | ReadProblem],
        *,
        waivers: PathArg | None = None,
        baseline: PathArg | None = None,
        fail_on: str | None = None,
    ) -> Report:
        """Check what :func:`~ethiq.engine.read.iter_documents` yields, read problems included, in this process."""
        config = self._settings(waivers, baseline, fail_on, None, None)
        budgets = Budgets(document=config.document_time_budget, run=config.time_budget)
        return self._decide(self._report(run_items(self.stages, items, budgets=budgets)), config, use_baseline=True)

    def create_baseline(
        self,
        inputs: Input | Iterable[Input] | None = None,
        *,
        output: PathArg,
        texts: str | Iterable[str] = (),
        waivers: PathArg | None = None,
        fail_on: str | None = None,
        exclude: Sequence[str] | None = None,
        jobs: int | str | None = None,
        stdin_text: str | None = None,
    ) -> BaselineCreation:
        """Check like :meth:`check` (without a baseline), write a baseline of its findings to ``output``.

        Waived findings and findings of non-waivable rules are left out (the latter are listed in
        ``baseline.left_out``). The returned report is judged with the new baseline, so its exit code says
        what ``check --baseline output`` would now say.
        """
        # The output is the run's baseline file: a directory walk that meets it (an old one) skips it.
        config = self._settings(waivers, output, fail_on, exclude, jobs)
        judged = self._judge(config, inputs, texts, stdin_text)
        waived = self._decide(judged, config, use_baseline=False)
        created = replace(baseline_of(waived), file=str(output))
        created.write(output)
        report = decide(
            judged, waivers=_waivers(config), baseline=load_baseline(output, config.read_limits), fail_on=config.fail_on
        )
        return BaselineCreation(created, report)

    def inputs(
        self,
        inputs: Input | Iterable[Input] | None = None,
        *,
        texts: str | Iterable[str] = (),
        exclude: Sequence[str] | None = None,
        stdin_text: str | None = None,
    ) -> Inspection:
        """The exact ``input`` the rules receive for each judgeable document of ``inputs``, without judging.

        Inputs as in :meth:`check` (read in this process). Each :class:`~ethiq.engine.judge.DocumentInput`
        holds the ``input`` (and its JSON text, as the engine is given it) and, for a document with native
        platform JSON, the view its platform adapter derived; unusable inputs are the ``problems``.
        """
        config = self._settings(None, None, None, exclude, None)
        items, text_list = self._inputs_of(config, inputs, texts)
        excludes = config.excludes if config.exclude else None
        read = iter_inputs(items, text_list, stdin_text=stdin_text, exclude=excludes)
        from .judge.inspection import inspect_items  # only inspecting needs it, not a check

        return inspect_items(self.stages, read)

    # --- the stages ------------------------------------------------------------------------------------

    def _settings(self, waivers: Any, baseline: Any, fail_on: Any, exclude: Any, jobs: Any) -> Config:
        if isinstance(exclude, str):
            exclude = [exclude]
        options = {"waivers": waivers, "baseline": baseline, "fail_on": fail_on, "exclude": exclude, "jobs": jobs}
        return resolve_config(self.config, options)

    def _judge(
        self,
        config: Config,
        inputs: Input | Iterable[Input] | None,
        texts: str | Iterable[str],
        stdin_text: str | None,
        progress: Progress | None = None,
        changed_since: str | None = None,
    ) -> Report:
        """Read, validate, index and evaluate: the report before any decision."""
        items, text_list = self._inputs_of(config, inputs, texts)

        unapplied: dict[str, Problem] = {}  # by file: an incremental check lists the walk twice

        def exclude(path: Path) -> bool:  # waiver and baseline files are applied, not judged
            if _same_file(path, config.waivers) or _same_file(path, config.baseline):
                return True
            if bool(config.exclude) and config.excludes(path):
                return True
            if _is_waiver_file(path, config):  # another waiver file: not applied, and said so
                unapplied.setdefault(str(path), _unapplied_waivers(path, config))
                return True
            return False

        limits = config.read_limits
        budgets = Budgets(document=config.document_time_budget, run=config.time_budget).start()
        in_memory = bool(text_list) or any(not isinstance(item, str | os.PathLike) for item in items)
        if changed_since is not None and (in_memory or any(str(item) == "-" for item in items)):
            raise UsageError("--changed-since checks files in a git repository, not standard input or texts")
        if in_memory:
            # Documents in memory are judged in this process: they are their own spool.
            inputs_read = iter_inputs(items, text_list, stdin_text=stdin_text, exclude=exclude, limits=limits)
            outcome = run_items(self.stages, inputs_read, budgets=budgets)
        else:
            paths = [item for item in items if isinstance(item, str | os.PathLike)]
            select = None
            notices: list[ReadProblem] = []
            if changed_since is not None:
                paths, select, notices = self._incremental(config, paths, changed_since, exclude)
            jobs = resolve_jobs(config.jobs)
            outcome = run_paths(
                self.stages,
                paths,
                stdin_text=stdin_text,
                jobs=jobs,
                exclude=exclude,
                select=select,
                limits=limits,
                budgets=budgets,
                progress=progress,
                notices=notices,
            )
            if select is not None:  # narrowed to what changed: nothing changed is no failure, and says so
                return self._report(outcome, changed_since=changed_since, skipped=[*unapplied.values()])
        return self._report(outcome, skipped=[*unapplied.values()])

    def _incremental(
        self, config: Config, paths: list[PathArg], revision: str, exclude: Callable[[Path], bool] | None
    ) -> tuple[list[PathArg], Selector | None, list[ReadProblem]]:
        """The files an incremental check reads, what it judges of them, and what its walk skipped (reported
        as a full check reports it); all of them when a change reaches every document (a changed policy,
        context or configuration file)."""
        # Imported here: only an incremental check reads git's changes.
        from .graph.changes import affected_slots, changes_since, files_to_read, touches_run_inputs

        first = Path(paths[0])
        changes = changes_since(revision, first if first.is_dir() else first.parent, config.read_limits)
        run_inputs = [*config.policies, *config.context, *([config.file] if config.file is not None else [])]
        if touches_run_inputs(changes, run_inputs):
            return paths, None, []
        notices: list[ReadProblem] = []
        units = list_units(paths, exclude, notices)
        files = files_to_read([name for name, _ in units], changes, config.read_limits)

        def select(nodes: list[Node], context_files: list[str]) -> set[int] | None:
            return affected_slots(nodes, changes, context_files)

        if files is None:
            return paths, select, []  # walked again by the run, which reports what the walk skips
        return list(files), select, notices

    @staticmethod
    def _inputs_of(
        config: Config, inputs: Input | Iterable[Input] | None, texts: str | Iterable[str]
    ) -> tuple[list[Any], list[str]]:
        """The items and texts to read: those given, else the configuration's ``paths``."""
        # A report names files as the caller named them (docs/report-format.md); paths from the configuration,
        # which it holds absolute, are named relative to the working directory when they lie inside it.
        items = list(as_inputs(inputs))
        text_list = [texts] if isinstance(texts, str) else list(texts)
        if not items and not text_list:
            items = [shown_path(path, Path.cwd()) for path in config.paths]
        if not items and not text_list:
            raise UsageError("no paths to check: give PATH arguments, inputs, or set `paths` in ethiq.toml")
        return items, text_list

    def _report(
        self, outcome: RunOutcome, *, changed_since: str | None = None, skipped: Sequence[Problem] = ()
    ) -> Report:
        """The report of ``outcome``; ``changed_since``: an incremental check, which may judge nothing;
        ``skipped``: files the walk left out that the report must name (waiver files this run does not apply)."""
        ledgered = outcome.ledgered
        context = outcome.context
        problems = [*skipped, *ledgered.problems, *(relaxation.problem() for relaxation in context.refused)]
        if changed_since is None:
            problems = [*with_nothing_judged(ledgered.documents, problems)]
        return Report(
            as_of=self.as_of,
            lang=self.lang,
            documents=ledgered.documents,
            findings=ledgered.findings,
            problems=tuple(problems),
            engine=engine_version(self.policy_set.engine),
            policy_files=[module.path for module in self.policy_set.modules],
            context_origins=context.origins,
            context_relaxations=context.relaxations,
            rules=self.policy_set.rules,
            judged=ledgered.judged,
            out_of_force=ledgered.out_of_force,
            changed_since=changed_since,
        )

    @staticmethod
    def _decide(
        report: Report, config: Config, *, use_baseline: bool, selected: frozenset[str] | None = None
    ) -> Report:
        baseline = (
            load_baseline(config.baseline, config.read_limits) if use_baseline and config.baseline is not None else None
        )
        decided = decide(report, waivers=_waivers(config), baseline=baseline, fail_on=config.fail_on, selected=selected)
        return replace(decided, config_file=str(config.file) if config.file is not None else None)


def shown_path(path: Path, cwd: Path) -> str:
    """How a report names a configured path: relative to ``cwd`` when inside it (``docs/ads``), else as it is."""
    if str(path) == "-" or not path.is_absolute():
        return str(path)
    try:
        relative = path.relative_to(cwd)
    except ValueError:
        return str(path)
    return relative.as_posix() if relative.parts else "."


def _patterns(value: str | Sequence[str] | None) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _waivers(config: Config) -> WaiverSet | None:
    return load_waivers(config.waivers, config.read_limits) if config.waivers is not None else None


def check(
    inputs: Input | Iterable[Input] | None = None,
    *,
    texts: str | Iterable[str] = (),
    as_of: str | dt.date | None = None,
    lang: str | None = None,
    policies: Sequence[PathArg] | None = None,
    context: Sequence[PathArg] | None = None,
    engine: str | None = None,
    waivers: PathArg | None = None,
    baseline: PathArg | None = None,
    fail_on: str | None = None,
    exclude: Sequence[str] | None = None,
    jobs: int | str | None = None,
    config: Config | bool | None = None,
    stdin_text: str | None = None,
    rules: Sequence[str] = (),
    skip_rules: Sequence[str] = (),
    progress: Progress | None = None,
    cache: bool | PathArg = True,
    changed_since: str | None = None,
) -> Report:
    """Check documents in one call and return the decided report (for many calls, reuse a :class:`Checker`).

    >>> report = check([{"kind": "vendor", "id": "v1", "legal_name": "Cambridge Analytica LLC"}], as_of="2026-11-23")
    >>> int(report.exit_code)
    1

    ``inputs`` are paths (a ``str`` is always one path, never text) and documents (mappings, whose
    :class:`datetime.date` values count as ISO text, or :class:`Document` objects); ``texts`` are JSON or
    YAML texts. ``as_of`` (a date or ISO text; default today), ``lang`` (``en``/``sv``), ``policies`` (extra
    policy directories), ``context`` (policy context files), ``waivers``, ``baseline``, ``fail_on``
    (``block``/``warn``/``info``/``none``), ``exclude`` (gitignore-style globs), ``jobs``, ``engine``
    (``regorus`` or ``opa``), ``rules`` and ``skip_rules`` (ids, globs over ids or document kinds) mean what
    the CLI's flags of the same names mean. ``config=True`` reads ``ethiq.toml``, ``[tool.ethiq]`` and
    ``ETHIQ_*`` as the CLI does, under the arguments given; a :class:`Config` is used as it is, under them.
    ``cache`` as for :class:`Checker`; ``changed_since`` as for :meth:`Checker.check`.
    """
    checker = Checker(
        policies=policies, context=context, as_of=as_of, lang=lang, engine=engine, config=config, cache=cache
    )
    return checker.check(
        inputs,
        texts=texts,
        waivers=waivers,
        baseline=baseline,
        fail_on=fail_on,
        exclude=exclude,
        jobs=jobs,
        stdin_text=stdin_text,
        rules=rules,
        skip_rules=skip_rules,
        progress=progress,
        changed_since=changed_since,
    )


def inspect(
    inputs: Input | Iterable[Input] | None = None,
    *,
    texts: str | Iterable[str] = (),
    as_of: str | dt.date | None = None,
    context: Sequence[PathArg] | None = None,
    exclude: Sequence[str] | None = None,
    config: Config | bool | None = None,
    stdin_text: str | None = None,
) -> Inspection:
    """The exact ``input`` the rules receive for each document, and the view derived from native platform JSON.

    >>> inspection = inspect([{"kind": "audience", "id": "a1", "platform": "meta",
    ...     "native_spec": {"geo_locations": {"countries": ["SE"]}, "age_min": 18}}], as_of="2026-11-23")
    >>> inspection.documents[0].input["document"]["normalized"]["age_min"]
    18

    Nothing is judged (see :meth:`Checker.inputs`); arguments mean what they mean for :func:`check`.
    """
    checker = Checker(context=context, as_of=as_of, config=config)
    return checker.inputs(inputs, texts=texts, exclude=exclude, stdin_text=stdin_text)


def validate(
    inputs: Input | Iterable[Input] | None = None,
    *,
    texts: str | Iterable[str] = (),
    lang: str | None = None,
    stdin_text: str | None = None,
    limits: ReadLimits | None = None,
    config: Config | bool | None = None,
) -> Report:
    """Read and validate only (schemas and duplicate ids; no policy is evaluated): what ``ethiq validate`` shows.

    Without inputs or texts, the configuration's ``paths``, as for :func:`check`, and its waiver file. A
    waiver file met among the inputs (by its name, ``ethiq-waivers.yaml``, or as the configured one) is
    validated as a waiver file, not as a document.
    """
    settings = resolve_config(config, {"lang": lang})
    items = list(as_inputs(inputs))
    text_list = [texts] if isinstance(texts, str) else list(texts)
    from_config = not items and not text_list
    if from_config:
        items = [shown_path(path, Path.cwd()) for path in settings.paths]
    if not items and not text_list:
        raise UsageError("no paths to validate: give PATH arguments, or set `paths` in ethiq.toml")
    waiver_files: list[str] = []

    def is_waiver_file(path: Path) -> bool:
        if _is_waiver_file(path, settings):
            waiver_files.append(str(path))
            return True
        return bool(settings.exclude) and settings.excludes(path)

    documents: list[Input] = []
    for item in items:
        if isinstance(item, str | os.PathLike) and Path(item).is_file() and _is_waiver_file(Path(item), settings):
            waiver_files.append(str(item))
        else:
            documents.append(item)
    ledgered = ledger_of(
        iter_inputs(
            documents,
            text_list,
            stdin_text=stdin_text,
            exclude=is_waiver_file,
            limits=limits or settings.read_limits,
        ),
        bundled_schemas(),
    ).finish()
    if from_config and settings.waivers is not None and settings.waivers.exists():
        waiver_files.append(shown_path(settings.waivers, Path.cwd()))
    problems = list(ledgered.problems)
    if not waiver_files:  # a run that validated nothing says so; a waiver file alone is something validated
        problems = [*with_nothing_judged(ledgered.documents, problems, contexts_count=True)]
    for file in dict.fromkeys(waiver_files):
        problems.extend(_waiver_problems(file, limits or settings.read_limits))
    return Report(as_of=settings.as_of or today(), lang=settings.lang, documents=ledgered.documents, problems=problems)


def _same_file(path: PathArg, other: PathArg | None) -> bool:
    return other is not None and os.path.abspath(path) == os.path.abspath(other)


def _is_waiver_file(path: Path, config: Config) -> bool:
    """Whether ``path`` is a waiver file a walk skips: the configured one, or one named as the default (any
    suffix) that holds a waiver file and nothing else. A file so named that holds documents is judged, so
    that naming a file like the waiver file cannot hide documents from the check."""
    if _same_file(path, config.waivers):
        return True
    if path.stem != Path(DEFAULT_WAIVERS_FILE).stem or path.suffix.lower() not in (".yaml", ".yml", ".json"):
        return False
    try:
        documents = parse_documents(read_text(path, config.read_limits), name=str(path), limits=config.read_limits)
    except InputError:
        return False  # unreadable or unparsable: reading it as documents reports why
    return len(documents) == 1 and "waivers" in documents[0].data and "kind" not in documents[0].data


def _unapplied_waivers(path: Path, config: Config) -> Problem:
    """A waiver file met in a walk that is not this run's: skipped (it holds no documents), and named, since a
    person who wrote it expects its waivers to apply."""
    applied = f"this run applies {config.waivers}" if config.waivers is not None else "this run applies no waiver file"
    return Problem(
        ProblemKind.SKIPPED,
        f"skipped: a waiver file that is not applied ({applied})",
        str(path),
        hint="name it with --waivers or `waivers` in ethiq.toml to apply it, or move its waivers into the applied file",
    )


def _waiver_problems(file: str, limits: ReadLimits) -> list[Problem]:
    try:
        load_waivers(file, limits)
    except WaiverFileError as err:
        return [
            Problem(ProblemKind.WAIVER, v.message, err.file, v.line, v.column, None, v.path) for v in err.violations
        ]
    return []


__all__ = ["BaselineCreation", "Checker", "check", "inspect", "today", "validate"]
