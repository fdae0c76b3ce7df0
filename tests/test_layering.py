"""The core never imports widgets or the ui package, so every rule is testable headless."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORE = ("app", "localdb", "sync", "printing")


def test_core_imports_no_widgets_or_ui():
    offenders = []
    for package in CORE:
        for path in (ROOT / package).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                names = []
                if isinstance(node, ast.Import):
                    names = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                for name in names:
                    if name == "ui" or name.startswith("ui.") or "QtWidgets" in name:
                        offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []
