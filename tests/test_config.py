"""Configuration: discovery, precedence with origins, path resolution, excludes and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethiq.engine import InputError
from ethiq.engine.config import Config, ConfigError, find_config_file, load_config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project root whose ancestors (tmp directories) hold no ethiq configuration."""
    root = tmp_path / "project"
    root.mkdir()
    assert find_config_file(tmp_path) is None
    return root


def test_defaults_without_any_file(project: Path) -> None:
    config = load_config(project, {}, {})

    assert config.file is None
    assert (config.fail_on, config.format, config.lang, config.as_of, config.jobs) == ("block", "table", "en", None, 1)
    assert (config.paths, config.exclude, config.context, config.policies, config.waivers) == ((), (), (), (), None)
    assert {origin for _, _, origin in config.items()} == {"default"}
    assert not config.excludes("anything.yaml")


def test_precedence_default_file_env_flag_with_origins(project: Path) -> None:
    file = write(project / "ethiq.toml", 'fail_on = "warn"\nlang = "sv"\njobs = 2\nformat = "json"\n')
    env = {"ETHIQ_LANG": "en", "ETHIQ_JOBS": "4", "ETHIQ_UNRELATED": "ignored", "ETHIQ_FORMAT": ""}
    flags = {"jobs": "auto", "fail_on": None}

    config = load_config(project, env, flags)

    assert config.file == file
    assert config.as_of is None
    assert config.origin("as_of") == "default"
    assert (config.fail_on, config.origin("fail_on")) == ("warn", str(file))  # the flag was not given
    assert (config.format, config.origin("format")) == ("json", str(file))  # an empty variable is unset
    assert (config.lang, config.origin("lang")) == ("en", "env ETHIQ_LANG")
    assert (config.jobs, config.origin("jobs")) == ("auto", "flag --jobs")
    assert config.to_dict()["settings"]["jobs"] == {"value": "auto", "origin": "flag --jobs"}


def test_env_lists_are_comma_separated_and_relative_to_the_cwd(project: Path) -> None:
    write(project / "ethiq.toml", 'policies = ["from-file"]\n')
    cwd = project / "sub"
    cwd.mkdir()

    config = load_config(cwd, {"ETHIQ_POLICIES": "rules, /abs/rules,", "ETHIQ_EXCLUDE": "*.bak,drafts/"}, {})

    assert config.policies == (cwd / "rules", Path("/abs/rules"))  # replaced, not merged
    assert config.origin("policies") == "env ETHIQ_POLICIES"
    assert config.exclude == ("*.bak", "drafts/")


def test_flags_override_and_resolve_against_the_cwd(project: Path) -> None:
    write(project / "ethiq.toml", 'paths = ["docs"]\nwaivers = "w.yaml"\n')
    cwd = project / "sub"
    cwd.mkdir()

    config = load_config(
        cwd, {"ETHIQ_WAIVERS": "env.yaml"}, {"paths": ["x", "-"], "waivers": Path("flag.yaml"), "as_of": "2026-11-23"}
    )

    assert config.paths == (cwd / "x", Path("-"))
    assert (config.waivers, config.origin("waivers")) == (cwd / "flag.yaml", "flag --waivers")
    assert config.origin("paths") == "argument PATH"
    assert (config.as_of, config.origin("as_of")) == ("2026-11-23", "flag --as-of")


def test_discovery_walks_up_and_the_nearest_wins(project: Path) -> None:
    top = write(project / "ethiq.toml", 'lang = "sv"\n')
    deep = project / "a" / "b" / "c"
    deep.mkdir(parents=True)
    assert find_config_file(deep) == top

    write(project / "a" / "pyproject.toml", '[project]\nname = "unrelated"\n')  # no [tool.ethiq]: not a config
    assert find_config_file(deep) == top

    nearer = write(project / "a" / "b" / "pyproject.toml", '[tool.ethiq]\nlang = "en"\n')
    assert find_config_file(deep) == nearer
    assert load_config(deep, {}, {}).lang == "en"

    same_dir = write(project / "a" / "b" / "ethiq.toml", 'fail_on = "info"\n')  # beats its pyproject.toml
    config = load_config(deep, {}, {})
    assert (config.file, config.fail_on, config.lang) == (same_dir, "info", "en")  # lang: the default


def test_broken_unrelated_pyproject_is_ignored(project: Path) -> None:
    write(project / "pyproject.toml", "[project\n")
    assert load_config(project, {}, {}).file is None


def test_pyproject_tool_ethiq_table(project: Path) -> None:
    file = write(
        project / "pyproject.toml",
        '[project]\nname = "campaign"\n\n[tool.ethiq]\npaths = ["documents"]\nfail_on = "warn"\nas_of = 2026-11-23\n'
        "jobs = 3\n\n[tool.other]\nlang = 'xx'\n",
    )

    config = load_config(project, {}, {})

    assert config.file == file
    assert config.paths == (project / "documents",)
    assert (config.fail_on, config.as_of, config.jobs) == ("warn", "2026-11-23", 3)  # a TOML date is fine
    assert config.origin("paths") == str(file)


def test_relative_paths_in_the_file_resolve_against_its_directory(project: Path) -> None:
    write(
        project / "ethiq.toml",
        'paths = ["documents", "../shared/vendors"]\ncontext = ["ctx/party.yaml"]\npolicies = ["/opt/rules"]\n'
        'waivers = "waivers/accepted.yaml"\n',
    )
    cwd = project / "documents" / "vendors"
    cwd.mkdir(parents=True)

    config = load_config(cwd, {}, {})

    assert config.paths == (project / "documents", project.parent / "shared" / "vendors")
    assert config.context == (project / "ctx" / "party.yaml",)
    assert config.policies == (Path("/opt/rules"),)
    assert config.waivers == project / "waivers" / "accepted.yaml"


def test_default_waiver_file_beside_the_config_is_used_when_present(project: Path) -> None:
    write(project / "ethiq.toml", "")
    cwd = project / "sub"
    cwd.mkdir()
    assert load_config(cwd, {}, {}).waivers is None

    waivers = write(project / "ethiq-waivers.yaml", "waivers: []\n")
    config = load_config(cwd, {}, {})
    assert (config.waivers, config.origin("waivers")) == (waivers, "default")


def test_exclude_globs_are_gitignore_style_relative_to_the_file(project: Path) -> None:
    write(
        project / "ethiq.toml",
        'exclude = ["drafts/", "*.bak.yaml", "!keep.bak.yaml", "/top-only.yaml", "vendors/**/old-*.json"]\n',
    )
    for name in (
        "drafts/v.yaml",
        "a/drafts/deep/v.yaml",
        "x.bak.yaml",
        "a/keep.bak.yaml",
        "top-only.yaml",
        "a/top-only.yaml",
        "vendors/2024/q1/old-x.json",
        "vendors/new.json",
    ):
        write(project / name, "{}")
    cwd = project / "a"

    config = load_config(cwd, {}, {})

    assert config.exclude_root == project
    assert config.excludes("drafts")  # a directory, relative to the cwd (project/a): prune the walk
    assert config.excludes(project / "drafts")
    assert config.excludes(project / "drafts" / "v.yaml")
    assert config.excludes(project / "x.bak.yaml")
    assert not config.excludes("keep.bak.yaml")  # negated
    assert config.excludes(project / "top-only.yaml")
    assert not config.excludes("top-only.yaml")  # anchored to the file's directory
    assert config.excludes(project / "vendors/2024/q1/old-x.json")
    assert not config.excludes(project / "vendors/new.json")
    assert not config.excludes(project)
    assert config.excludes(project.parent / "elsewhere" / "y.bak.yaml")  # unanchored patterns match anywhere


def test_exclude_from_the_environment_is_relative_to_the_cwd(project: Path) -> None:
    write(project / "ethiq.toml", 'exclude = ["/a"]\n')
    cwd = project / "a"
    cwd.mkdir()

    config = load_config(cwd, {"ETHIQ_EXCLUDE": "/drafts"}, {})

    assert config.exclude_root == cwd
    assert config.excludes(cwd / "drafts" / "x.yaml")
    assert not config.excludes(cwd / "b" / "drafts" / "x.yaml")


@pytest.mark.parametrize(
    ("toml", "key", "line"),
    [
        ('lang = "sv"\nfail-on = "warn"\n', "fail-on", 2),
        ('fail_on = "fatal"\n', "fail_on", 1),
        ('lang = "de"\n', "lang", 1),
        ("jobs = 0\n", "jobs", 1),
        ("jobs = true\n", "jobs", 1),
        ('jobs = "many"\n', "jobs", 1),
        ('paths = "documents"\n', "paths", 1),
        ("paths = [1, 2]\n", "paths", 1),
        ('as_of = "23/11/2026"\n', "as_of", 1),
        ("as_of = 2026-11-23T10:00:00\n", "as_of", 1),
        ("waivers = []\n", "waivers", 1),
        ("\n[waivers]\nfile = 'x'\n", "waivers", 2),
    ],
)
def test_unknown_keys_and_wrong_types_name_the_file_line_and_key(project: Path, toml: str, key: str, line: int) -> None:
    file = write(project / "ethiq.toml", toml)

    with pytest.raises(ConfigError) as caught:
        load_config(project, {}, {})

    error = caught.value
    assert isinstance(error, InputError)
    assert error.exit_code == 2
    assert (error.file, error.line, error.key) == (str(file), line, key)
    assert str(error).startswith(f"{file}:{line}: {key}: ")


def test_unknown_key_suggests_the_known_one(project: Path) -> None:
    write(project / "ethiq.toml", 'fail-on = "warn"\n')
    with pytest.raises(ConfigError, match="did you mean 'fail_on'"):
        load_config(project, {}, {})


def test_wrong_type_in_pyproject_points_into_the_table(project: Path) -> None:
    file = write(project / "pyproject.toml", '[project]\nname = "x"\njobs = 1\n\n[tool.ethiq]\njobs = -1\n')
    with pytest.raises(ConfigError) as caught:
        load_config(project, {}, {})
    assert (caught.value.file, caught.value.line) == (str(file), 6)


def test_invalid_toml_is_an_input_error_with_the_line(project: Path) -> None:
    file = write(project / "ethiq.toml", 'lang = "sv"\nfail_on = \n')
    with pytest.raises(ConfigError) as caught:
        load_config(project, {}, {})
    assert (caught.value.file, caught.value.line) == (str(file), 2)


def test_bad_environment_and_flag_values_name_their_origin(project: Path) -> None:
    with pytest.raises(ConfigError, match="env ETHIQ_JOBS: jobs: "):
        load_config(project, {"ETHIQ_JOBS": "0"}, {})
    with pytest.raises(ConfigError, match="flag --fail-on: fail_on: "):
        load_config(project, {}, {"fail_on": "fatal"})
    with pytest.raises(ConfigError, match="unknown setting"):
        load_config(project, {}, {"colour": "yes"})


def test_config_is_a_plain_value(project: Path) -> None:
    config = load_config(project, {}, {"lang": "sv"})
    assert isinstance(config, Config)
    assert [key for key, _, _ in config.items()] == [
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
    ]
    with pytest.raises(KeyError):
        config.origin("colour")


def test_read_limits_come_from_the_file_the_environment_and_flags(project: Path) -> None:
    write(project / "ethiq.toml", 'max_file_size = "2MiB"\nmax_depth = 20\n')
    config = load_config(project, {"ETHIQ_MAX_ALIAS_NODES": "500"}, {"max_depth": 30})
    assert (config.max_file_size, config.max_alias_nodes, config.max_depth) == (2 * 1024 * 1024, 500, 30)
    assert config.read_limits.max_file_size == 2 * 1024 * 1024
    assert config.origin("max_alias_nodes") == "env ETHIQ_MAX_ALIAS_NODES"
    assert load_config(project, {"ETHIQ_MAX_FILE_SIZE": "50MB"}, {}).max_file_size == 50_000_000
    for bad in ("0", "-1", "lots", "1.5"):
        with pytest.raises(ConfigError, match="max_file_size"):
            load_config(project, {"ETHIQ_MAX_FILE_SIZE": bad}, {})
    with pytest.raises(ConfigError, match="max_depth"):
        load_config(project, {"ETHIQ_MAX_DEPTH": "0"}, {})


# --- trust: only the working directory's repository configures a run -------------------------------------

LENIENT = 'fail_on = "none"\nexclude = ["*.yaml"]\nmax_file_size = "1GiB"\ntime_budget = 100000\n'


def test_a_configuration_above_the_repository_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "ethiq.toml").write_text(LENIENT, encoding="utf-8")
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "sub").mkdir()
    for cwd in (repo, repo / "sub"):
        config = load_config(cwd, {}, {})
        assert config.file is None
        assert config.fail_on == "block"
    (repo / "ethiq.toml").write_text('fail_on = "warn"\n', encoding="utf-8")
    assert load_config(repo / "sub", {}, {}).fail_on == "warn"  # the repository's own: trusted


def test_a_configuration_among_the_checked_files_is_not_applied(tmp_path: Path) -> None:
    """conftest's semantics: the working directory's configuration is the run's; a checked directory's is not."""
    from ethiq import check

    checked = tmp_path / "pull-request"
    checked.mkdir()
    (checked / "ethiq.toml").write_text(LENIENT, encoding="utf-8")
    (checked / "pyproject.toml").write_text("[tool.ethiq]\n" + LENIENT, encoding="utf-8")
    (checked / "vendor.yaml").write_text("kind: vendor\nid: ven_ca\nlegal_name: Cambridge Analytica LLC\n")
    work = tmp_path / "work"
    (work / ".git").mkdir(parents=True)
    config = load_config(work, {}, {"paths": [str(checked)]})
    assert config.file is None
    report = check([checked], as_of="2026-11-23", config=config)
    assert {f.rule_id for f in report.blocking} >= {"VEN-001"}
    assert int(report.exit_code) == 1


def test_a_file_named_like_the_waiver_file_cannot_hide_documents(tmp_path: Path) -> None:
    from ethiq import check

    (tmp_path / "ethiq-waivers.yaml").write_text("kind: vendor\nid: ven_ca\nlegal_name: Cambridge Analytica LLC\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "ethiq-waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    report = check([tmp_path], as_of="2026-11-23")
    assert {(f.document_id, f.rule_id) for f in report.blocking} >= {("ven_ca", "VEN-001")}
    # a waiver file in a sub-directory is skipped, not judged; and named, since the run does not apply it
    stray = str(tmp_path / "sub" / "ethiq-waivers.yaml")
    assert [(p.kind, p.file) for p in report.problems] == [("skipped_path", stray)]


def test_every_format_names_the_configuration_and_waiver_files_applied(tmp_path: Path) -> None:
    import io

    from ethiq import Checker
    from ethiq.cli.output import FORMATS, renderer

    (tmp_path / ".git").mkdir()
    (tmp_path / "ethiq.toml").write_text('fail_on = "warn"\n', encoding="utf-8")
    (tmp_path / "ethiq-waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    (tmp_path / "vendor.yaml").write_text("kind: vendor\nid: ven_x\nlegal_name: Exempel AB\n", encoding="utf-8")
    config = load_config(tmp_path, {}, {})
    report = Checker(as_of="2026-11-23", config=config).check([tmp_path / "vendor.yaml"])
    assert report.config_file == str(tmp_path / "ethiq.toml")
    assert report.waivers_file == str(tmp_path / "ethiq-waivers.yaml")
    for fmt in FORMATS:
        out = io.StringIO()
        renderer(fmt)(report, out)
        assert "ethiq.toml" in out.getvalue(), fmt
        assert "ethiq-waivers.yaml" in out.getvalue(), fmt
