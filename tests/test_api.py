"""The public Python surface: ``communique.__all__`` is honest and ``process`` works without a store."""

from __future__ import annotations

from typing import Any

import communique


def test_all_names_exist() -> None:
    for name in communique.__all__:
        assert hasattr(communique, name), name


def test_public_functions_are_not_modules() -> None:
    for name in ("ingest", "export", "evaluate", "run", "process", "open_store"):
        assert callable(getattr(communique, name)), name


def test_process_one_text(context: Any) -> None:
    doc = communique.process(
        "Chilean President Gabriel Boric met Argentine President Javier Milei in Santiago on Tuesday. "
        '"We share a border and a future," Boric said.',
        published="2024-08-08",
        context=context,
    )
    assert doc.published == "2024-08-08"
    assert doc.sentences and doc.sentences[0].text.startswith("Chilean President")
    assert any(m.text.endswith("Boric") for m in doc.mentions)
    assert any(q.kind == "direct" and q.text.startswith("We share a border") for q in doc.quotes)
    consult = [e for e in doc.events if e.type == "CONSULT"]
    assert consult and consult[0].date == "2024-08-06"
    assert doc.text[consult[0].evidence.start : consult[0].evidence.end] == consult[0].evidence.text


def test_a_failing_stage_is_named(context: Any, monkeypatch: Any) -> None:
    from communique.stages import Stage

    def broken(doc: Any, document: Any, ctx: Any) -> None:
        raise RuntimeError("boom")

    monkeypatch.setitem(context.cache, "stages", [Stage("sentences", broken, (), ("sentences",))])
    try:
        communique.process("The minister met the envoy in Rome on Monday.", context=context)
    except communique.AnalysisError as error:
        assert error.code == "C201"
        assert "sentences" in str(error) and "boom" in str(error)
        assert isinstance(error.__cause__, RuntimeError)
    else:
        raise AssertionError("a failing stage must raise AnalysisError")
