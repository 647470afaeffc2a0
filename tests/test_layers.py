"""The house keeps its shape (docs/architecture.md): layers that import only downwards, the
environment read in two places, no class over 200 lines. Read off the source, not run."""

import ast
from pathlib import Path

SCENARIOS = Path(__file__).resolve().parents[1] / "scenarios"
# Top to bottom: a module may import its own layer and the ones after it.
LAYERS = ("cli", "classroom", "tracks", "content", "show", "lab", "browser", "core")


def modules():
    return sorted(p for p in SCENARIOS.rglob("*.py"))


def layer(path):
    parts = path.relative_to(SCENARIOS).parts
    return parts[0] if len(parts) > 1 else None


def imported(tree):
    """Every scenarios.* module imported anywhere in ``tree``, functions included."""
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            yield from (n for n in names[:1] if n.startswith("scenarios."))
        elif isinstance(node, ast.Import):
            yield from (a.name for a in node.names if a.name.startswith("scenarios."))


def test_every_module_lives_in_a_layer():
    top = {p.name for p in SCENARIOS.glob("*.py")}
    assert top == {"__init__.py", "__main__.py"}
    assert {p.relative_to(SCENARIOS).parts[0] for p in SCENARIOS.glob("*/")} >= set(LAYERS)


def test_imports_only_go_down_the_layers():
    upward = []
    for path in modules():
        own = layer(path)
        if own is None:
            continue
        for name in imported(ast.parse(path.read_text())):
            target = name.split(".")[1]
            if target in LAYERS and LAYERS.index(target) < LAYERS.index(own):
                upward.append(f"{path.relative_to(SCENARIOS)} imports {name}")
    assert upward == []


def test_the_environment_is_read_in_two_places():
    readers = {
        path.relative_to(SCENARIOS).as_posix()
        for path in modules()
        if any(
            isinstance(node, ast.Attribute)
            and node.attr in ("environ", "getenv")
            and isinstance(node.value, ast.Name)
            and node.value.id == "os"
            for node in ast.walk(ast.parse(path.read_text()))
        )
    }
    # Config.from_env, and the one place that sets up a child's environment.
    assert readers == {"core/config.py", "core/processes.py"}


def test_no_class_is_over_200_lines():
    long = [
        f"{path.relative_to(SCENARIOS)}: {node.name}, {node.end_lineno - node.lineno + 1} lines"
        for path in modules()
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.ClassDef) and node.end_lineno - node.lineno + 1 > 200
    ]
    assert long == []
