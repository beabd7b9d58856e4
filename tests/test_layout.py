"""The code's shape: the engine's stages and the terminal side import nothing in a circle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path, name: str, known: set[str]) -> set[str]:
    """Every project module this file imports, at the top or inside a function. Imports under
    ``if TYPE_CHECKING:`` are left out: they never run, and a screen naming its app's class in an
    annotation is Textual's own idiom."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            node.body = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            candidates = [f"{target}.{alias.name}" for alias in node.names] + [target]
        elif isinstance(node, ast.Import):
            candidates = [alias.name for alias in node.names]
        else:
            continue
        for candidate in candidates:
            # The deepest project module named (``from .x import y`` may import module x.y).
            while candidate and candidate not in known:
                candidate = candidate.rpartition(".")[0]
            # A package's __init__ is not an edge to itself from its own modules' imports.
            if candidate and candidate != name and not name.startswith(candidate + "."):
                found.add(candidate)
    return found


def _graph() -> dict[str, set[str]]:
    files = {_module_name(p): p for top in ("summarizer", "tui") for p in (ROOT / top).rglob("*.py")}
    known = set(files)
    return {name: _imports(path, name, known) for name, path in files.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    cycles, state = [], {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = "open"
        for target in sorted(graph.get(node, ())):
            if state.get(target) == "open":
                cycles.append(trail[trail.index(target):] + [node, target] if target in trail else [node, target])
            elif target not in state:
                visit(target, trail + [node])
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return cycles


def test_no_module_imports_in_a_circle():
    assert _cycles(_graph()) == []


def test_the_checker_sees_a_circle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}})


def test_stages_depend_only_on_earlier_stages():
    """reading → store → ranking; evaluation may use them all; no stage reaches the top-level
    entry point (digest) or the terminal side."""
    order = {"summarizer.reading": 0, "summarizer.store": 1, "summarizer.fetching": 1, "summarizer.ranking": 2,
             "summarizer.evaluation": 3}
    wrong = []
    for module, targets in _graph().items():
        stage = next((s for s in order if module.startswith(s + ".")), None)
        if stage is None:
            continue
        for target in targets:
            if target.startswith("tui") or target == "summarizer.digest":
                wrong.append((module, target))
            target_stage = next((s for s in order if target.startswith(s + ".")), None)
            if target_stage is not None and order[target_stage] > order[stage]:
                wrong.append((module, target))
    assert wrong == []


def _engine_imports(source: str) -> list[str]:
    """What a terminal-side module takes from the engine other than its public API: every import
    of a ``summarizer.`` submodule, and every name imported from ``summarizer`` that is not in
    ``summarizer.__all__``. Imports under ``if TYPE_CHECKING:`` count too."""
    import summarizer

    wrong = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and not node.level and node.module:
            if node.module.startswith("summarizer."):
                wrong.append(f"from {node.module} import ...")
            elif node.module == "summarizer":
                wrong += [f"from summarizer import {a.name}" for a in node.names if a.name not in summarizer.__all__]
        elif isinstance(node, ast.Import):
            wrong += [f"import {a.name}" for a in node.names if a.name.startswith("summarizer.")]
    return wrong


def test_the_terminal_side_uses_only_the_engines_public_api():
    """tui/ parses arguments, renders and runs the app; what a run is belongs to the engine, and
    tui/ reaches it only through ``summarizer``'s public names (the same door as any program)."""
    wrong = {}
    for path in sorted((ROOT / "tui").rglob("*.py")):
        found = _engine_imports(path.read_text(encoding="utf-8"))
        if found:
            wrong[str(path.relative_to(ROOT))] = found
    assert wrong == {}


def test_the_public_api_check_sees_a_private_import():
    source = ("from typing import TYPE_CHECKING\n"
              "import summarizer\n"
              "from summarizer import Request, run\n"
              "if TYPE_CHECKING:\n"
              "    from summarizer.ranking.corpus import Corpus\n"
              "def f():\n"
              "    import summarizer.store.index\n"
              "    from summarizer import _EXPORTS\n")
    assert _engine_imports(source) == ["from summarizer.ranking.corpus import ...", "import summarizer.store.index",
                                       "from summarizer import _EXPORTS"]


def test_every_public_name_of_the_engine_is_there():
    """``summarizer.__all__`` lists only names that load (each from its module, on first use)."""
    import summarizer

    assert all(getattr(summarizer, name) is not None for name in summarizer.__all__)
