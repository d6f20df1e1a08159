"""The layout keeps its promises: data flows one way (no import cycle), the content model's
field types stand alone, and the site build never loads an authoring tool."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from conftest import REPO

GENERATOR = REPO / "generator"


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """The generator modules ``path`` imports when it is loaded: at module level, not inside
    a function, and not only for type checking (such imports never run)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            continue
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            continue
        for inner in ast.walk(node):
            if isinstance(inner, ast.ImportFrom) and inner.module and inner.level == 0:
                if inner.module.startswith("generator"):
                    found.add(inner.module)
                    found |= {f"{inner.module}.{alias.name}" for alias in inner.names}
            elif isinstance(inner, ast.Import):
                found |= {a.name for a in inner.names if a.name.startswith("generator")}
    return found


def graph() -> dict[str, set[str]]:
    modules = {module_name(path): path for path in GENERATOR.rglob("*.py")}
    return {
        name: {target for target in imports_of(path) if target in modules and target != name}
        for name, path in modules.items()
    }


def test_no_module_of_the_generator_imports_itself_back_through_others() -> None:
    edges = graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(name: str, trail: list[str]) -> None:
        state[name] = 1
        for target in sorted(edges[name]):
            if state.get(target) == 1:
                cycles.append([*trail[trail.index(target) :], target])
            elif target not in state:
                visit(target, [*trail, target])
        state[name] = 2

    for name in sorted(edges):
        if name not in state:
            visit(name, [name])
    # A package's __init__ re-exporting its own modules is not a cycle between stages.
    real = [cycle for cycle in cycles if len({part.split(".")[1] for part in cycle}) > 1]
    assert real == []


def test_the_field_types_import_nothing_of_the_generator_but_the_stop_words() -> None:
    assert imports_of(GENERATOR / "model" / "fields.py") <= {
        "generator.model.words",
        "generator.model.words.STOP_WORDS",
    }


def test_the_site_build_loads_no_authoring_tool() -> None:
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, generator.plugin, generator.pipeline, generator.engine.build;"
            "print('\\n'.join(sorted(sys.modules)))",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=REPO,
    ).stdout.split()
    assert "generator.plugin" in loaded
    assert [name for name in loaded if name.startswith("generator.authoring")] == []
