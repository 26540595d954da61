from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import RECORDED, ROOT, SEEDS
from tests.loopback import recorded_answers, serve

runner = CliRunner()


@pytest.mark.parametrize("command", [[], ["summarize"], ["verify"], ["briefing"], ["schema"]])
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_python_dash_m_works() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "summarizer", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("summarizer ")


def test_usage_error_exits_2() -> None:
    result = runner.invoke(app, ["summarize", str(SEEDS)])
    assert result.exit_code == 2


def test_openai_without_key_exits_2_with_fix(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    result = runner.invoke(app, ["summarize", str(SEEDS), "--out", str(tmp_path), "--backend", "openai"])
    assert result.exit_code == 2
    assert "OPENAI_API_KEY" in result.output


@pytest.mark.skipif(not RECORDED.is_file(), reason="no recorded model answers")
def test_batch_with_a_bad_file_exits_1_and_keeps_the_rest(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (seed,) = SEEDS.glob("000_*.txt")
    shutil.copy(seed, inputs / seed.name)
    (inputs / "empty.txt").write_text("")
    out = tmp_path / "out"
    with serve(recorded_answers(RECORDED)) as server:
        result = runner.invoke(
            app,
            [
                "summarize",
                str(inputs),
                "--out",
                str(out),
                "--backend",
                "openai",
                "--base-url",
                server.url,
                "--model",
                "m",
                "--briefing",
                str(tmp_path / "briefing.md"),
                "--quiet",
            ],
        )
    assert result.exit_code == 1, result.output
    assert "empty.txt" in result.output
    briefing = (tmp_path / "briefing.md").read_text(encoding="utf-8")
    assert briefing.startswith("# Briefing: 1 articles") and "| Checked again | 1 of 1 digests" in briefing
    report = json.loads((out / "run.json").read_text())
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "run.schema.json").read_text()))
    statuses = {Path(a["path"]).name: a["status"] for a in report["articles"]}
    assert statuses == {"empty.txt": "failed", seed.name: "ok"}
    failed = next(a for a in report["articles"] if a["status"] == "failed")
    assert "empty" in failed["error"]
    digest = json.loads((out / f"{seed.stem}.json").read_text())
    jsonschema.validate(digest, json.loads((ROOT / "schemas" / "digest.schema.json").read_text()))
    assert report["totals"]["ok"] == 1 and report["totals"]["failed"] == 1
    assert report["prompt_sha"] == digest["run"]["prompt_sha"]


def test_version_is_the_package_version() -> None:
    """`summarizer --version` and the briefing header say the version pyproject.toml gives."""
    import tomllib

    from summarizer import __version__

    pyproject = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text(encoding="utf-8"))
    assert __version__ == pyproject["project"]["version"]
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"summarizer {__version__}"
