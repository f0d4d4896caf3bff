"""Shared fixtures: the seed article and small articles written in the tests."""

from pathlib import Path

import pytest

from newstables import load_article, paths


@pytest.fixture(scope="session")
def seed():
    return load_article(paths.SEED_ARTICLE)


@pytest.fixture
def write_article(tmp_path: Path):
    """Write ``text`` (str or bytes) as ``<name>.txt`` in a temporary folder; return its path."""

    def write(text: str | bytes, name: str = "article", sidecar: str | None = None) -> Path:
        path = tmp_path / f"{name}.txt"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        if sidecar is not None:
            path.with_suffix(".json").write_text(sidecar, encoding="utf-8")
        return path

    return write
