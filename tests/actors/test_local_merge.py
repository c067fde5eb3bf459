"""Unknown people become local actors with the same id in every article, and the store
accumulates what each article says about them (issue 4: "merged across articles by name
and description"). Runs the real pipeline into a real SQLite file."""

from __future__ import annotations

from pathlib import Path

from communique.config import Settings
from communique.pipeline import run
from communique.store import Store

FIRST = (
    "Farmers in the Rift Valley blocked a highway on Monday to protest against the price of "
    "fertiliser. Wanjiru Kamau, a maize grower from Eldoret, said the government had broken "
    "its promises. Kamau told reporters that the protest would continue until the price fell. "
    "Police said the road was reopened in the evening."
)
SECOND = (
    "Kenyan farmers met officials in Nairobi on Thursday to discuss subsidies. Wanjiru Kamau, "
    "the chairwoman of a farmers' cooperative, said the talks had been useful. She said the "
    "union would meet again next week. The ministry did not comment on the talks."
)


def test_same_unknown_person_in_two_articles_is_one_actor(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    db = str(tmp_path / "store.db")
    summary = run(
        [tmp_path / "a.txt", tmp_path / "b.txt"],
        settings=Settings(db=db, cluster=False),
    )
    assert summary.added == 2
    store = Store.open(db)
    try:
        actor = store.get_actor("local:wanjiru-kamau")
        assert actor is not None and actor.origin == "local" and actor.type == "person"
        text = " | ".join(actor.descriptions)
        assert "maize grower" in text and "chairwoman" in text, actor.descriptions
        ids = {a.id for a in store.iter_actors() if "kamau" in a.id}
        assert ids == {"local:wanjiru-kamau"}  # "Kamau" alone merged into the full name
    finally:
        store.close()
