from __future__ import annotations

import ast
import subprocess
import sys

from tests.conftest import ROOT

SDKS = {"openai", "instructor", "xllamacpp", "llama_cpp"}


def test_only_backend_modules_import_model_sdks() -> None:
    for path in (ROOT / "summarizer").rglob("*.py"):
        tree = ast.parse(path.read_text())
        names = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        names |= {
            n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module
        }
        if names & SDKS:
            assert path.parent.name == "backends", f"{path} imports {names & SDKS}"


def test_cli_import_does_not_load_sdks() -> None:
    code = f"import sys, summarizer.cli, summarizer.pipeline; print(sorted(m for m in {SDKS!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
