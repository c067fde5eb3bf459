"""The trigger lexicon and the CAMEO ↔ PLOVER table: consistent data, extensible by users."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.errors import DataError
from communique.events.lexicon import PLOVER_TYPES, load_lexicon


def test_every_plover_type_has_triggers() -> None:
    lexicon = load_lexicon()
    types = {t.type for entries in lexicon.index.values() for t in entries}
    assert types == set(PLOVER_TYPES)


def test_trigger_cameo_codes_agree_with_the_plover_table() -> None:
    lexicon = load_lexicon()
    for entries in lexicon.index.values():
        for trigger in entries:
            assert trigger.cameo in lexicon.cameo, trigger
            assert lexicon.cameo[trigger.cameo][0] == trigger.type, trigger


def test_cameo_table_rows() -> None:
    table = load_lexicon().cameo
    assert table["036"] == ("AGREE", None, "diplomatic")
    assert table["042"][:2] == ("CONSULT", "visit")
    assert len(table) > 200


def test_constrained_entries_are_tried_first() -> None:
    lexicon = load_lexicon()
    entries = lexicon.lookup("call", "VERB")
    hand = [t for t in entries if lexicon.layers[id(t)] == 1]
    assert hand[-1].type == "CONSULT"  # the phone call: the sense left when no other fits
    assert any("on" in t.with_prep for t in hand if t.type == "REQUEST")


def test_curated_entries_override_generated_ones() -> None:
    lexicon = load_lexicon()
    entries = lexicon.lookup("mediate", "VERB")
    layers = [lexicon.layers[id(t)] for t in entries]
    assert layers == sorted(layers, reverse=True) and layers[0] == 1 and layers[-1] == 0
    assert entries[0].type == "AGREE"


def test_user_file_adds_entries(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "entries:\n  - {lemmas: [snub], type: REJECT, cameo: '120'}\n", encoding="utf-8"
    )
    lexicon = load_lexicon((str(extra),))
    assert lexicon.lookup("snub", "VERB")[0].type == "REJECT"
    assert lexicon.lookup("meet", "VERB")  # the shipped entries stay


@pytest.mark.parametrize(
    "body",
    [
        "entries:\n  - {lemmas: [snub], type: SNUB}\n",
        "entries:\n  - {lemmas: [snub], type: REJECT, source: [elsewhere]}\n",
        "nothing: here\n",
        "entries: [\n",
    ],
)
def test_bad_user_file_is_a_data_error(tmp_path: Path, body: str) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text(body, encoding="utf-8")
    with pytest.raises(DataError, match="C501"):
        load_lexicon((str(extra),))


def test_negative_and_clausal_entries_parse(tmp_path: Path) -> None:
    extra = tmp_path / "extra.yaml"
    extra.write_text(
        "entries:\n"
        "  - {lemmas: [suffer], type: SUPPORT, cameo: '052', target: [clause_subj],"
        " with_clause: [fall], when_negated: true}\n"
        "  - {lemmas: [unlawful], pos: ADJ, type: ACCUSE, cameo: '111', source: [speaker],"
        " target: [governor], with_governor: [be]}\n",
        encoding="utf-8",
    )
    lexicon = load_lexicon((str(extra),))
    suffer = lexicon.lookup("suffer", "VERB")[0]
    assert suffer.when_negated and suffer.with_clause == {"fall"} and suffer.constrained
    assert lexicon.lookup("unlawful", "ADJ")[0].source == ("speaker",)


def test_shipped_lexicon_has_evaluations_and_protective_negatives() -> None:
    lexicon = load_lexicon()
    assert any(t.when_negated for t in lexicon.lookup("allow", "VERB"))
    assert lexicon.lookup("illegitimate", "ADJ")[0].type == "ACCUSE"
    assert "custodian" in lexicon.lookup("throw", "VERB")[0].source


def test_unknown_pos_is_a_data_error(tmp_path: Path) -> None:
    extra = tmp_path / "bad.yaml"
    extra.write_text("entries:\n  - {lemmas: [x], type: REJECT, pos: ADV}\n", encoding="utf-8")
    with pytest.raises(DataError, match="C501"):
        load_lexicon((str(extra),))
