"""pytest_args is an allow-list: selection and reporting options, and test paths inside the project."""

from __future__ import annotations

import pytest

from tools.errors import BadArgument, OutsideRoots
from tools.runs.pytest_args import check_pytest_args

ALLOWED = [
    ["-k", "shape and not slow", "-m", "not gpu", "-x", "--maxfail=2", "-q", "-v", "--lf", "--ff"],
    ["-rA", "-r", "fE", "--tb", "short", "--tb=no", "--durations=5", "-vv", "-xvs", "--exitfirst"],
    ["tests/test_model.py::test_shape[cpu-2]", "tests", "-kshape", "--maxfail", "3"],
]


@pytest.mark.parametrize("args", ALLOWED)
def test_selection_and_reporting_options_pass_unchanged(tmp_path, args):
    assert check_pytest_args(args, tmp_path) == args


# each of these wrote, truncated or deleted a file or folder outside the roots, or loaded foreign code
REFUSED = [
    ["-o", "cache_dir=/tmp/elsewhere", "--cache-clear"],
    ["--override-ini=cache_dir=/tmp/elsewhere"],
    ["--debug=/tmp/victim"],
    ["--debug"],
    ["--config-file=/tmp/x.ini"],
    ["-c", "/tmp/x.ini"],
    ["--rootdir=/"],
    ["--basetemp=/tmp"],
    ["--junitxml=/tmp/r.xml"],
    ["--log-file=/tmp/log"],
    ["--confcutdir=/"],
    ["--cache-clear"],
    ["-p", "no:p2c_report_plugin"],
    ["-p", "evil_plugin"],
    ["-pno:p2c_report_plugin"],
    ["--import-mode=append"],
    ["--maxfail=abc"],
    ["--tb=/tmp/x"],
    ["-k"],
]


@pytest.mark.parametrize("args", REFUSED, ids=lambda a: " ".join(a)[:40])
def test_options_outside_the_allow_list_are_refused_naming_what_is_allowed(tmp_path, args):
    with pytest.raises(BadArgument) as e:
        check_pytest_args(args, tmp_path)
    assert "allowed" in str(e.value) or "value" in str(e.value)


def test_the_refusal_lists_the_allowed_options(tmp_path):
    with pytest.raises(BadArgument, match=r"allowed: -k VALUE, -m VALUE.*--lf.*test paths or node ids"):
        check_pytest_args(["--debug=/tmp/victim"], tmp_path)


def test_test_paths_must_stay_inside_the_project_after_links(tmp_path):
    project = tmp_path / "proj"
    (project / "tests").mkdir(parents=True)
    (project / "out").symlink_to(tmp_path)
    for arg in ("/etc/passwd", "../other/test_x.py", "out/test_x.py::test_y", "tests/../../x.py"):
        with pytest.raises(OutsideRoots, match="outside the project"):
            check_pytest_args([arg], project)
    with pytest.raises(BadArgument, match="from a file"):
        check_pytest_args(["@args.txt"], project)
    with pytest.raises(BadArgument, match="shell syntax"):
        check_pytest_args(["$(rm -rf ~)"], project)
    assert check_pytest_args([str(project / "tests")], project) == [str(project / "tests")]
