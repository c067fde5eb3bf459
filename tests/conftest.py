"""Shared fixtures: the real spaCy pipeline and reference data, loaded once per session."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from communique.config import Settings
from communique.model import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EVAL_DIR = SHARED / "eval"


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    # An empty actors folder: actors a developer imported must not change test results.
    return Settings(actors_dir=str(tmp_path_factory.mktemp("actors")))


@pytest.fixture(scope="session")
def nlp(settings: Settings) -> Any:
    from communique import nlp as analysis

    return analysis.load(settings.spacy_model)


@pytest.fixture(scope="session")
def context(settings: Settings) -> Any:
    from communique.stages import Context

    return Context.load(settings)


@pytest.fixture(scope="session")
def analyse(nlp: Any, context: Any) -> Callable[..., Document]:
    """Run every extraction stage on a text of the test's own writing: ``analyse(text, published="2023-06-22")``."""
    from communique.pipeline import process

    def run(text: str, **metadata: Any) -> Document:
        return process(text, context=context, **metadata)

    return run
