"""The package's import graph: no circles, and no stage of the pipeline importing a later one.

The graph is read with ``ast`` from the source (every ``import`` and ``from ... import``, at module
level or inside a function, since a lazy import closes a circle as surely as an eager one), so the
test needs no import to succeed and names the modules of any circle it finds.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "numlint"

# The pipeline, in order (README "How it works"): a module may import its own stage or an earlier
# one. Modules not listed (shared helpers: model, units, config, registry, ...) are checked for
# circles only. A package stands for every module in it.
STAGES = {
    "document": 0, "sources": 0, "docx_reader": 0,
    "markup": 1, "suppress": 1,
    "extract": 2, "lexicon": 2,
    "facts": 3, "changes": 3,
    "rules": 4,
    "linter": 5,
    "reporters": 6,
    "run": 7,
    "cli": 8,
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = name.split(".") if is_package else name.split(".")[:-1]
                    base = base[: len(base) - (node.level - 1)]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                # "from numlint import units" imports the module numlint.units
                targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix for a in node.names]
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target and target != name and target != "numlint":
                    graph[name].add(target)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def stage(module: str) -> int | None:
    parts = module.split(".")
    return STAGES.get(parts[1]) if len(parts) > 1 else None


def test_no_import_circles():
    assert cycles(import_graph()) == []


def test_no_stage_imports_a_later_stage():
    later = sorted(
        (a, b) for a, targets in import_graph().items() for b in targets
        if stage(a) is not None and stage(b) is not None and stage(b) > stage(a)
    )
    assert later == []


def test_the_graph_reader_sees_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    graph = import_graph()
    assert "numlint.changes" in graph["numlint.rules.arithmetic"]
    assert "numlint.units" in graph["numlint.facts.compare"]        # "from numlint import units"
