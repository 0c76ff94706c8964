"""SKILL.md, references/ and the Claude Code plugin layout, checked against the Agent Skills format and
against the real tool catalogue and CLI: every tool, parameter, result field and command the skill teaches
must exist."""

from __future__ import annotations

import ast
import inspect
import json
import os
import re
import shlex
import shutil
import tomllib
import typing
from pathlib import Path

import pytest
import yaml

from server.catalog import all_tools

ROOT = Path(__file__).resolve().parents[1]
SKILL = ROOT / "SKILL.md"
REFERENCES = sorted((ROOT / "references").glob("*.md"))
ALLOWED_KEYS = {"name", "description", "license", "compatibility", "metadata", "allowed-tools"}
NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(([^)\s]+)\)")
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)
# the tools of the full product (ingest, analysis, project, test runs, trace): the skill steers them all
PRODUCT_TOOLS = {
    "pdf_to_markdown",
    "get_conversion",
    "cancel_conversion",
    "grep_equations",
    "render_page",
    "make_checklist",
    "set_scope",
    "init_uv_project",
    "export_requirements",
    "run_tests_on_gpu",
    "get_test_run",
    "cancel_test_run",
    "list_gpu_targets",
    "check_coverage",
    "make_equation_test",
}
CALL = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)+\(")


def frontmatter(text: str) -> tuple[dict, str]:
    m = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    assert m, "SKILL.md must start with YAML frontmatter between --- lines"
    data = yaml.safe_load(m.group(1))
    assert isinstance(data, dict), "the frontmatter must be a YAML mapping"
    return data, text[m.end() :]


def code_spans(text: str) -> list[str]:
    """Inline code spans outside fenced blocks, then each line of the fenced blocks."""
    spans = re.findall(r"`([^`\n]+)`", FENCE.sub("", text))
    for block in FENCE.findall(text):
        spans.extend(line.strip() for line in block.splitlines() if line.strip())
    return spans


def tool_calls(text: str, names: set[str] | None = None) -> list[ast.Call]:
    """Code spans written as a call `tool_name(arg=...)`; with `names`, only calls of those names."""
    calls = []
    for span in re.findall(r"`([^`\n]+)`", FENCE.sub("", text)):
        if not CALL.match(span) or (names is not None and span.split("(")[0] not in names):
            continue
        try:
            node = ast.parse(span, mode="eval").body
        except SyntaxError as e:
            raise AssertionError(f"`{span}` looks like a tool call but is not valid call syntax: {e}") from e
        assert isinstance(node, ast.Call) and isinstance(node.func, ast.Name), f"`{span}` is not a plain call"
        calls.append(node)
    return calls


def catalogue() -> dict[str, typing.Any]:
    return {spec.name: spec for spec in all_tools()}


def check_calls(calls: list[ast.Call], where: str) -> None:
    tools = catalogue()
    for call in calls:
        name = call.func.id  # type: ignore[attr-defined]
        assert name in tools, f"{where} calls {name}(), which is not in server.catalog.all_tools()"
        params = set(inspect.signature(tools[name].fn).parameters)
        unknown = {k.arg for k in call.keywords} - params
        assert not unknown, (
            f"{where}: {name}() has no parameter(s) {sorted(unknown)}; it takes {sorted(params)}"
        )
        assert not call.args, f"{where}: write {name}() arguments by name, as the tools are called"


def table_tools(text: str) -> set[str]:
    """Tool names in the first two columns of the skill's tools table."""
    section = text.split("## The tools", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    names: set[str] = set()
    for row in section.splitlines():
        if row.startswith("|") and not set(row) <= set("|- "):
            names.update(re.findall(r"`([a-z][a-z0-9_]*)`", "|".join(row.split("|")[1:3])))
    return names


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    s = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return s.replace(" ", "-")


# ---------------------------------------------------------------- frontmatter, size, links


def test_frontmatter_follows_the_agent_skills_format():
    data, body = frontmatter(SKILL.read_text(encoding="utf-8"))
    assert set(data) <= ALLOWED_KEYS, f"keys not allowed by Agent Skills: {sorted(set(data) - ALLOWED_KEYS)}"
    assert data["name"] == "paper-to-code"
    assert NAME.fullmatch(data["name"]) and len(data["name"]) <= 64
    desc = data["description"]
    assert isinstance(desc, str) and 1 <= len(desc) <= 1024, f"description has {len(desc)} characters"
    assert "<" not in desc and ">" not in desc
    assert re.search(r"\bUse (it|this|when)\b", desc), "the description must say when to use the skill"
    assert data.get("license") == "MIT"
    if "compatibility" in data:
        assert isinstance(data["compatibility"], str) and len(data["compatibility"]) <= 500
    if "metadata" in data:
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in data["metadata"].items())
    assert body.strip(), "SKILL.md has no body"


def test_skill_is_under_500_lines():
    n = len(SKILL.read_text(encoding="utf-8").splitlines())
    assert n < 500, f"SKILL.md has {n} lines; move detail into references/"


@pytest.mark.parametrize("doc", [SKILL, *REFERENCES], ids=lambda p: p.name)
def test_every_link_resolves(doc: Path):
    text = doc.read_text(encoding="utf-8")
    anchors = {slug(h) for h in re.findall(r"^#+ (.+)$", FENCE.sub("", text), re.MULTILINE)}
    targets = LINK.findall(text)
    for target in targets:
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        if path:
            assert (doc.parent / path).exists(), f"{doc.name} links to {target}, which does not exist"
            assert (doc.parent / path).resolve().is_relative_to(ROOT), f"{doc.name} links outside the repo"
        else:
            assert anchor in anchors, f"{doc.name} links to #{anchor}, which is no heading of it"


@pytest.mark.parametrize("doc", [SKILL, *REFERENCES], ids=lambda p: p.name)
def test_code_spans_stay_on_one_line(doc: Path):
    """A span broken over two lines would hide a tool call from the checks below."""
    lines = FENCE.sub("", doc.read_text(encoding="utf-8")).splitlines()
    odd = [line for line in lines if line.count("`") % 2]
    assert not odd, f"{doc.name}: code spans broken across lines: {odd[:3]}"


def test_references_are_linked_from_skill_one_level_deep():
    assert {p.name for p in REFERENCES} == {
        "paper-analysis.md",
        "implementation-patterns.md",
        "packaging-checklist.md",
        "traceability.md",
    }
    linked = {
        (SKILL.parent / t.split("#")[0]).resolve() for t in LINK.findall(SKILL.read_text(encoding="utf-8"))
    }
    for ref in REFERENCES:
        assert ref.resolve() in linked, f"SKILL.md does not link {ref.name}"
        text = ref.read_text(encoding="utf-8")
        nested = [t for t in LINK.findall(text) if t.split("#")[0].endswith(".md")]
        assert not nested, f"{ref.name} links further documents {nested}: keep references one level deep"
        if len(text.splitlines()) > 300:
            assert "## Contents" in text, f"{ref.name} is over 300 lines and needs a table of contents"


def test_references_hold_what_the_issue_lists():
    want = {
        "paper-analysis.md": [
            "SPECIFIED",
            "PARTIALLY_SPECIFIED",
            "UNSPECIFIED",
            "ASSUMPTION",
            "hyperparameter",
            "algorithm",
            "definition",
            "flattened",
        ],
        "implementation-patterns.md": [
            "device",
            "config",
            "create_model",
            "Implements: EQ-",
            "torch.allclose",
            "assert_close",
            "pytest.mark.gpu",
            "pytest.mark.paper",
            "Anti-patterns",
        ],
        "traceability.md": ["check_coverage", "Implements:", "pytest.mark.paper", "oracle", "ASSUMPTION"],
        "packaging-checklist.md": [
            ".gitignore",
            "secret",
            "uv.lock",
            "requirements.txt",
            "quickstart",
            "demo",
            "notebook",
            "CPU",
        ],
    }
    for ref in REFERENCES:
        text = ref.read_text(encoding="utf-8")
        missing = [w for w in want[ref.name] if w.lower() not in text.lower()]
        assert not missing, f"{ref.name} does not cover {missing}"


# ---------------------------------------------------------------- tools, parameters, result fields


def test_every_tool_the_skill_names_is_in_the_catalogue():
    text = SKILL.read_text(encoding="utf-8")
    named = table_tools(text)
    assert named == PRODUCT_TOOLS, f"the tools table should list the product's tools, not {sorted(named)}"
    missing = sorted(named - set(catalogue()))
    assert not missing, f"SKILL.md names tools that server.catalog.all_tools() lacks: {missing}"


def test_every_catalogue_tool_is_taught_by_the_skill():
    text = SKILL.read_text(encoding="utf-8")
    untaught = sorted(name for name in catalogue() if f"`{name}" not in text)
    assert not untaught, f"tools with no word in SKILL.md: {untaught}"


def test_tool_calls_in_the_skill_use_real_parameters():
    calls = tool_calls(SKILL.read_text(encoding="utf-8"))
    assert len(calls) >= 15, "SKILL.md should show example calls for the phases"
    check_calls(calls, "SKILL.md")


@pytest.mark.parametrize("doc", REFERENCES, ids=lambda p: p.name)
def test_tool_calls_in_references_use_real_parameters(doc: Path):
    names = table_tools(SKILL.read_text(encoding="utf-8"))
    check_calls(tool_calls(doc.read_text(encoding="utf-8"), names), doc.name)


def _result_fields(tool: str) -> set[str]:
    spec = catalogue().get(tool)
    assert spec is not None, f"{tool} is not in server.catalog.all_tools() yet"
    ret = typing.get_type_hints(spec.fn).get("return")
    models = [a for a in typing.get_args(ret) or (ret,) if hasattr(a, "model_fields")]
    assert models, f"{tool} must return a pydantic model, not {ret!r}"
    return {name for m in models for name in m.model_fields}


# result fields SKILL.md tells agents to read, per tool
RESULT_FIELDS = {
    "pdf_to_markdown": ["paper_id", "warnings", "next_offset"],
    "grep_equations": ["counts", "truncated", "route"],
    "make_checklist": ["unstated", "merged", "added", "kept"],
    "init_uv_project": ["files_written", "warnings", "next_steps", "locked", "synced"],
    "run_tests_on_gpu": [
        "job_id",
        "done",
        "status",
        "message",
        "current_test",
        "device",
        "device_note",
        "counts",
        "exit_code",
        "exit_meaning",
        "tests",
        "oom",
        "oom_evidence",
        "timed_out",
        "output_tail",
    ],
    "get_test_run": ["job_id", "done", "status"],
    "export_requirements": ["files", "packages"],
    "list_gpu_targets": ["targets"],
    "make_equation_test": ["inputs", "outputs", "oracle", "reason"],
    "set_scope": ["changes"],
    "check_coverage": ["items", "problems", "reproduction_coverage", "reproduction_counts", "status_changes"],
}


@pytest.mark.parametrize(
    ("tool", "field"), [(tool, field) for tool, fields in RESULT_FIELDS.items() for field in fields]
)
def test_result_fields_the_skill_relies_on(tool: str, field: str):
    assert f"`{field}`" in SKILL.read_text(encoding="utf-8")
    assert field in _result_fields(tool), f"SKILL.md tells agents to keep `{field}` from {tool}'s result"


# ---------------------------------------------------------------- CLI


def cli_examples(text: str) -> list[list[str]]:
    out = []
    for span in code_spans(text):
        m = re.match(r"(?:uv run |uvx \S+ \S+ )?paper-to-code (.+)$", span)
        if not m:
            continue
        tokens = shlex.split(re.sub(r"<(\w+)>", r"\1", m.group(1)))
        if tokens and tokens[0] != "...":
            out.append(tokens)
    return out


@pytest.mark.parametrize("doc", [SKILL, *REFERENCES], ids=lambda p: p.name)
def test_cli_examples_parse_with_the_real_cli(doc: Path):
    from server import cli

    examples = cli_examples(doc.read_text(encoding="utf-8"))
    if doc == SKILL:
        assert len(examples) >= 6, "SKILL.md should show the CLI fallback for the phases"
    commands = {spec.cli_name: spec.name for spec in all_tools()}
    for tokens in examples:
        launcher, bound, _ = cli.app.meta.parse_args(tokens, exit_on_error=False, print_error=False)
        inner = list(bound.args)
        assert inner and inner[0] in commands, f"`paper-to-code {shlex.join(tokens)}`: no such subcommand"
        command, _, _ = cli.app.parse_args(inner, exit_on_error=False, print_error=False)
        assert command.__name__ == commands[inner[0]]


# ---------------------------------------------------------------- plugin layout


PLUGIN = ROOT / "plugin"


def test_plugin_skill_links_resolve_to_the_top_level_skill():
    skill_dir = PLUGIN / "skills" / "paper-to-code"
    data, _ = frontmatter(SKILL.read_text(encoding="utf-8"))
    assert skill_dir.name == data["name"], "the plugin's skill folder must be named like the skill"
    for entry, target in ((skill_dir / "SKILL.md", SKILL), (skill_dir / "references", ROOT / "references")):
        assert entry.is_symlink(), f"{entry.relative_to(ROOT)} should link to {target.relative_to(ROOT)}"
        link = os.readlink(entry)
        assert not os.path.isabs(link), f"{entry.relative_to(ROOT)} must be a relative link, not {link}"
        assert entry.resolve() == target.resolve(), f"{entry.relative_to(ROOT)} points at {link}"
    for ref in REFERENCES:  # the skill's relative links work from the plugin copy too
        assert (skill_dir / "references" / ref.name).read_bytes() == ref.read_bytes()


def test_plugin_folder_holds_only_what_the_plugin_needs():
    """Claude Code copies the plugin folder (following links) on install: no clone, .venv or workspace."""
    files = [p for p in PLUGIN.rglob("*") if p.is_file()]
    names = sorted(p.relative_to(PLUGIN).as_posix() for p in files)
    assert names[:3] == [".claude-plugin/plugin.json", ".mcp.json", "skills/paper-to-code/SKILL.md"], names
    assert all(n.startswith("skills/paper-to-code/references/") for n in names[3:]), names
    size = sum(p.stat().st_size for p in files)
    assert size < 500_000, f"the plugin install would copy {size} bytes"


def test_plugin_manifest_and_mcp_config():
    manifest = json.loads((PLUGIN / ".claude-plugin" / "plugin.json").read_text(encoding="utf-8"))
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert manifest["name"] == "paper-to-code" and NAME.fullmatch(manifest["name"])
    assert manifest["version"] == project["version"]
    # skills come from the default skills/ folder; a "./" skills path is rejected by some Claude Code releases
    assert "skills" not in manifest
    market = json.loads((ROOT / ".claude-plugin" / "marketplace.json").read_text(encoding="utf-8"))
    assert [p["name"] for p in market["plugins"]] == [manifest["name"]]
    assert [p["source"] for p in market["plugins"]] == ["./plugin"], "the install copies the source folder"
    assert not (ROOT / ".claude-plugin" / "plugin.json").exists(), "the repository root is no plugin"
    server = json.loads((PLUGIN / ".mcp.json").read_text(encoding="utf-8"))["mcpServers"]["paper-to-code"]
    assert server["command"] == "uvx"
    assert server["args"][-1] in project["scripts"], "the server must start through a console script"
    source = server["args"][server["args"].index("--from") + 1]
    assert source.startswith("${PAPER_TO_CODE_FROM:-"), "the package source comes from the user's setting"
    assert "--directory" not in server["args"], "--directory would make the plugin folder the tools' root"


def _expand(arg: str, env: dict[str, str]) -> str:
    """Claude Code's ${VAR} and ${VAR:-default} expansion in .mcp.json."""
    return re.sub(r"\$\{(\w+)(?::-([^}]*))?\}", lambda m: env.get(m.group(1), m.group(2) or ""), arg)


@pytest.mark.anyio
@pytest.mark.skipif(shutil.which("uvx") is None, reason="uv is not installed")
async def test_mcp_json_starts_the_server_with_the_user_folder_as_root(tmp_path: Path):
    from mcp import Client, StdioServerParameters

    server = json.loads((PLUGIN / ".mcp.json").read_text(encoding="utf-8"))["mcpServers"]["paper-to-code"]
    env = {**os.environ, "CLAUDE_PLUGIN_ROOT": str(PLUGIN), "PAPER_TO_CODE_FROM": str(ROOT)}
    params = StdioServerParameters(
        command=shutil.which(server["command"]) or server["command"],
        args=[_expand(a, env) for a in server["args"]],
        env=env,
        cwd=str(tmp_path),
    )
    async with Client(params, read_timeout_seconds=120) as client:
        tools = {t.name for t in (await client.list_tools()).tools}
        index = await client.read_resource("paper://papers")
    assert tools == set(catalogue())
    workspace = json.loads(index.contents[0].text)["workspace"]
    assert Path(workspace).resolve() == (tmp_path / ".paper-to-code").resolve(), (
        "the plugin's server must work in the user's folder, not in the plugin's"
    )
