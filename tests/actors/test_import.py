"""`communique actors import FILE` saves user actors where the next run finds them.

A YAML file adds an unknown person with a dated role and overrides an existing actor's
name/aliases; a CSV file adds another person. After the import, a fresh ``KnowledgeBase``
(what ``Context.load`` builds for the next run) resolves them in text.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from communique.actors import KnowledgeBase, resolve_actors
from communique.cli import app
from communique.model import Document
from communique.nlp import sentences
from communique.stages import Context

YAML = """\
actors:
- name: Zelda Okafor-Brandt
  type: person
  country: NGA
  sector: GOV
  aliases: [Okafor-Brandt]
  roles:
  - {title: Minister of Water Resources of Nigeria, country: NGA, sector: GOV,
     start: "2031-01-01"}
- {id: hamas, name: Harakat al-Muqawama al-Islamiya, aliases: [Hamas, Harakat Hamas al-Filistiniya]}
"""
CSV = """\
name,aliases,type,country,sector,title,start
Tomasz Wielgosz-Ruiz,Wielgosz-Ruiz,person,POL,GOV,Mayor of Gdynia,2030-05-01
"""


@pytest.fixture
def actors_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "actors"
    monkeypatch.setenv("COMMUNIQUE_ACTORS_DIR", str(folder))
    return folder


def test_import_persists_for_the_next_run(
    tmp_path: Path, actors_dir: Path, nlp: Any, context: Any
) -> None:
    (tmp_path / "mine.yaml").write_text(YAML, encoding="utf-8")
    (tmp_path / "mayors.csv").write_text(CSV, encoding="utf-8")
    runner = CliRunner()
    for name in ("mine.yaml", "mayors.csv"):
        result = runner.invoke(app, ["actors", "import", str(tmp_path / name)])
        assert result.exit_code == 0, result.output
    assert sorted(p.name for p in actors_dir.iterdir()) == ["mayors.jsonl", "mine.jsonl"]

    kb = KnowledgeBase.load()  # as Context.load does on the next run
    zelda = kb.lookup("Okafor-Brandt")[0]
    assert zelda.type == "person" and zelda.roles[0].start == "2031-01-01"
    mayor = kb.lookup("Wielgosz-Ruiz")[0]
    assert mayor.country == "POL" and mayor.roles[0].title == "Mayor of Gdynia"
    hamas = kb.get("hamas")
    assert hamas is not None and hamas.name == "Harakat al-Muqawama al-Islamiya"
    assert hamas.type == "organisation" and hamas.country  # fields not given are kept
    assert kb.lookup("Harakat Hamas al-Filistiniya") == [hamas]

    text = "Zelda Okafor-Brandt met Hamas envoys in Abuja. Okafor-Brandt said talks went well."
    document = Document(id="t", text=text, original=text, published="2031-06-01")
    doc = nlp(text)
    document.sentences = sentences(doc)
    fresh = Context(settings=context.settings, kb=kb, gazetteer=context.gazetteer)
    resolve_actors(doc, document, fresh)
    ids = {m.text: m.actor_id for m in document.mentions}
    assert ids["Zelda Okafor-Brandt"] == ids["Okafor-Brandt"] == zelda.id
    assert ids["Hamas"] == "hamas"
    assert not zelda.id.startswith("local:")


def test_import_check_saves_nothing(tmp_path: Path, actors_dir: Path) -> None:
    (tmp_path / "mine.yaml").write_text(YAML, encoding="utf-8")
    result = CliRunner().invoke(app, ["actors", "import", "--check", str(tmp_path / "mine.yaml")])
    assert result.exit_code == 0 and "2 actors read" in result.output
    assert not actors_dir.exists()
