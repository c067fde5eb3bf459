"""The import graph of ``src/communique`` has no cycle through ``stages.py`` (issue 15).

``stages.py`` builds the stage order from the stage packages, so none of them
may import it back, not even for a type under ``TYPE_CHECKING`` or inside a
function: they name ``communique.context.Context`` instead. Every ``import``
statement counts, wherever it stands; an import names the deepest module
that exists (``from communique.context import Context`` is an edge to
``communique.context``). Importing a submodule is not counted as an edge to its
parent packages, as import-cycle linters do.
"""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def modules(root: Path) -> dict[str, Path]:
    found = {}
    for path in root.rglob("*.py"):
        parts = list(path.relative_to(root).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The modules of ``known`` that the module ``name`` at ``path`` imports anywhere."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: list[str] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *([node.module] if node.module else [])])
            targets += [base, *(f"{base}.{alias.name}" for alias in node.names)]
    found = set()
    for target in targets:
        while target and target not in known:
            target = target.rpartition(".")[0]
        if target and target != name:
            found.add(target)
    return found


def graph(root: Path) -> dict[str, set[str]]:
    known = modules(root)
    return {name: imported(name, path, known) for name, path in known.items()}


def reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for following in edges.get(todo.pop(), set()):
            if following not in seen:
                seen.add(following)
                todo.append(following)
    return seen


def cycle_members(module: str, edges: dict[str, set[str]]) -> set[str]:
    """The modules on some import cycle through ``module`` (it included), or none."""
    reverse: dict[str, set[str]] = {}
    for source, targets in edges.items():
        for target in targets:
            reverse.setdefault(target, set()).add(source)
    return reachable(module, edges) & reachable(module, reverse)


def test_no_import_cycle_runs_through_stages() -> None:
    edges = graph(SRC)
    assert "communique.stages" in edges and "communique.context" in edges
    assert cycle_members("communique.stages", edges) == set()


def test_a_type_only_import_back_into_stages_is_a_cycle(tmp_path: Path) -> None:
    """The check itself: a stage package naming ``stages`` under TYPE_CHECKING is found."""
    package = tmp_path / "pkg"
    (package / "events").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "stages.py").write_text(
        "def default_stages():\n    from pkg.events import extract\n    return [extract]\n"
    )
    (package / "events" / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
        "    from pkg.stages import Context\n\ndef extract(): ...\n"
    )
    (package / "other.py").write_text("from . import stages\n")
    assert cycle_members("pkg.stages", graph(tmp_path)) == {"pkg.stages", "pkg.events"}
