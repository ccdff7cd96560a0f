"""Modules import only downward: no import cycle between newscheck modules, and the claims stage
does not reach into linking (the stage after it).

Imports are read with ``ast`` from every module under src/newscheck, at any depth (a function-level
"lazy" import is still an import); only ``if TYPE_CHECKING:`` blocks are left out, since they never
run. ``from pkg import name`` counts as an import of ``pkg.name`` when that is a module, else of
``pkg``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parent.parent / "src"


def _modules(root: Path = SRC) -> dict[str, tuple[Path, bool]]:
    out = {}
    for path in sorted((root / "newscheck").rglob("*.py")):
        parts = list(path.relative_to(root).with_suffix("").parts)
        is_pkg = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_pkg else parts)] = (path, is_pkg)
    return out


def _type_checking(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)


def _imports(tree: ast.AST, name: str, is_pkg: bool, mods: set[str]) -> dict[str, int]:
    """The newscheck modules ``name`` imports, each with the line of its first import."""
    package = name if is_pkg else name.rpartition(".")[0]
    found: dict[str, int] = {}

    def add(mod: str, line: int) -> None:
        if mod in mods and mod != name:
            found.setdefault(mod, line)

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if _type_checking(child):
                for stmt in child.orelse:   # type: ignore[attr-defined]
                    visit(stmt)
                continue
            if isinstance(child, ast.Import):
                for alias in child.names:
                    add(alias.name, child.lineno)
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = package.split(".")[:len(package.split(".")) - (child.level - 1)]
                    mod = ".".join([*base, *([child.module] if child.module else [])])
                else:
                    mod = child.module or ""
                for alias in child.names:
                    sub = f"{mod}.{alias.name}"
                    add(sub if sub in mods else mod, child.lineno)
            visit(child)

    visit(tree)
    return found


def import_graph(root: Path = SRC) -> dict[str, dict[str, int]]:
    mods = _modules(root)
    return {name: _imports(ast.parse(path.read_text(encoding="utf-8")), name, is_pkg, set(mods))
            for name, (path, is_pkg) in mods.items()}


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            v, it = work[-1]
            w = next(it, None)
            if w is not None:
                if w not in index:
                    index[w] = low[w] = len(index)
                    stack.append(w)
                    on_stack.add(w)
                    work.append((w, iter(sorted(graph[w]))))
                elif w in on_stack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    on_stack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def _describe(graph: dict[str, dict[str, int]], comp: list[str]) -> str:
    edges = [f"{a} -> {b} (line {line})" for a in comp for b, line in sorted(graph[a].items())
             if b in comp]
    return "; ".join(edges)


def test_no_import_cycles() -> None:
    graph = import_graph()
    found = cycles(graph)
    assert not found, "import cycles: " + " | ".join(_describe(graph, c) for c in found)


def test_claims_do_not_import_linking() -> None:
    graph = import_graph()
    up = [f"{a} -> {b}" for a, deps in graph.items() if a.startswith("newscheck.claims")
          for b in deps if b.startswith("newscheck.linking")]
    assert not up, up


@pytest.mark.parametrize("files, expected", [
    ({"a.py": "from . import b\n", "b.py": "def f():\n    from .a import x\n"}, [["a", "b"]]),
    ({"a.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .b import x\n",
      "b.py": "from .a import y\n"}, []),
    ({"a.py": "import newscheck.b\n", "b.py": "from .c import z\n", "c.py": "from . import a\n"},
     [["a", "b", "c"]]),
])
def test_the_check_finds_cycles(tmp_path: Path, files: dict[str, str],
                                expected: list[list[str]]) -> None:
    pkg = tmp_path / "newscheck"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    for name, text in files.items():
        (pkg / name).write_text(text)
    found = cycles(import_graph(tmp_path))
    assert found == [[f"newscheck.{m}" for m in comp] for comp in expected]
