"""`pip install .` gives a tool that runs on its own: the wheel carries the seeds, the app's styles
and the reading data, and the installed copy finds its seeds inside itself (the checkout keeps them
in the top-level seeds/, reached through the summarizer/seeds symlink)."""

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import REPO, user_env


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Offline, the project's environment builds it: it needs the backend pyproject.toml names.
    pytest.importorskip("setuptools", minversion="77", reason="building the wheel offline needs setuptools>=77 here")
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-q", "-w", str(out), str(REPO)],
        capture_output=True, text=True,
    )
    if build.returncode != 0:
        pytest.fail(f"pip wheel failed: {build.stderr[-2000:]}")
    (found,) = out.glob("newsdigest-*.whl")
    return found


def test_the_wheel_carries_the_seeds_the_styles_and_the_reading_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    seeds = {p.name for p in (REPO / "seeds").glob("*.txt")}
    assert len(seeds) == 2
    assert {f"summarizer/seeds/{name}" for name in seeds} <= names
    assert {f"tui/app/{p.name}" for p in (REPO / "tui" / "app").glob("*.tcss")} <= names
    data = {f"summarizer/reading/data/{p.name}" for p in (REPO / "summarizer" / "reading" / "data").glob("*.txt")}
    assert data and data <= names
    assert "summarizer/ranking/word_forms.txt" in names  # a question's words in their irregular forms
    assert "summarizer/ranking/synonyms.txt" in names  # ... and in the words news uses for the same thing


def test_an_installed_copy_summarizes_its_own_seeds(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)  # a pure-Python wheel: unpacking it is installing it
    env = {**user_env(tmp_path), "PYTHONPATH": str(site)}
    where = subprocess.run(
        [sys.executable, "-c", "from summarizer.store.loading import seeds_dir; print(seeds_dir())"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert Path(where.stdout.strip()) == site / "summarizer" / "seeds", where.stderr
    run = subprocess.run(
        [sys.executable, "-m", "tui", "summarize", "--format", "json", "-t", "aid"],
        capture_output=True, text=True, env=env, cwd=tmp_path,
    )
    assert run.returncode == 0, run.stderr
    articles = json.loads(run.stdout)["articles"]
    assert sorted(Path(a["path"]).parent for a in articles) == [site / "summarizer" / "seeds"] * 2
