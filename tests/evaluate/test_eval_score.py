"""The scorer on its own: hand-made gold and system records with figures worked out by hand."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from communique.errors import DataError
from communique.evaluate import (
    SCORE_KEYS,
    GoldSet,
    SystemRecords,
    align_articles,
    bcubed,
    gold_metadata,
    normalise_name,
    score,
    score_details,
)
from communique.evaluate.match import find_occurrences, token_f1

TEXT_A = (
    "AMMAN, March 3 (Wire) - Jordanian Foreign Minister Amal Haddad met Omar al-Rashid, "
    "the Syrian envoy, in Amman on Monday. Haddad said that the border talks were frank and "
    'useful. "We will open the crossing before summer," al-Rashid told reporters.'
)
TEXT_B = (
    "Syrian envoy Omar Al Rashid held talks with Amal Haddad in the Jordanian capital. "
    "Rashid accused the smugglers of wrecking trade across the frontier."
)

HADDAD = {"id": "haddad", "name": "Amal Haddad", "aliases": ["Haddad"], "country": "JOR"}
RASHID = {"id": "rashid", "name": "Omar al-Rashid", "aliases": [], "country": "SYR"}
SMUGGLERS: dict[str, Any] = {"id": "smugglers", "name": "smugglers", "aliases": [], "country": None}


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def make_gold() -> GoldSet:
    return GoldSet(
        articles=[
            {"id": "g-1", "file": "articles/a.txt", "outlet": "Wire", "published": "2024-03-03"},
            {"id": "g-2", "file": "articles/b.txt", "outlet": None, "published": None},
        ],
        mentions=[
            {"article": "g-1", "mention": "Amal Haddad", "actor": "Amal Haddad"},
            {"article": "g-1", "mention": "Omar al-Rashid", "actor": "Omar al-Rashid"},
            {"article": "g-1", "mention": "al-Rashid", "actor": "Omar al-Rashid"},
            {"article": "g-2", "mention": "Omar Al Rashid", "actor": "Omar al-Rashid"},
        ],
        quotes=[
            {
                "article": "g-1",
                "speaker": "Amal Haddad",
                "kind": "indirect",
                "text": "the border talks were frank and useful",
            },
            {
                "article": "g-1",
                "speaker": "Omar al-Rashid",
                "kind": "direct",
                "text": "We will open the crossing before summer,",
            },
        ],
        events=[
            {
                "article": "g-1",
                "id": "e1",
                "type": "CONSULT",
                "source": "Amal Haddad",
                "target": "Omar al-Rashid",
                "date": "2024-03-02",
                "location": "Amman",
                "salience": "main",
                "evidence": "met Omar al-Rashid, the Syrian envoy, in Amman on Monday",
            },
            {
                "article": "g-2",
                "id": "e1",
                "type": "CONSULT",
                "source": "Omar al-Rashid",
                "target": "Amal Haddad",
                "date": None,
                "location": "Amman",
                "salience": "main",
                "evidence": "held talks with Amal Haddad",
            },
            {
                "article": "g-2",
                "id": "e2",
                "type": "ACCUSE",
                "source": "Omar al-Rashid",
                "target": "smugglers",
                "date": None,
                "location": None,
                "salience": "background",
                "evidence": "accused the smugglers of wrecking trade",
            },
        ],
        clusters=[
            {"level": "event", "id": "talks", "members": ["g-1#e1", "g-2#e1"]},
            {"level": "story", "id": "visit", "members": ["g-1", "g-2"]},
        ],
        timexes=[{"article": "g-1", "text": "on Monday", "value": "2024-03-02"}],
    )


def event(
    eid: str, article: str, kind: str, source: Any, target: Any, **extra: Any
) -> dict[str, Any]:
    row = {
        "id": eid,
        "article": article,
        "type": kind,
        "source": source,
        "target": target,
        "date": None,
        "location": None,
        "salience": "main",
        "evidence": {"text": "", "start": 0, "end": 0},
        "cluster": None,
    }
    row.update(extra)
    return row


def mention(
    article: str, text: str, part: str, actor: dict[str, Any], *, last: bool = False
) -> dict[str, Any]:
    start = text.rindex(part) if last else text.index(part)
    return {
        "article": article,
        "text": part,
        "start": start,
        "end": start + len(part),
        "actor": actor,
    }


def make_system() -> SystemRecords:
    """A system output that gets everything in ``make_gold`` right."""
    return SystemRecords(
        articles=[
            {"id": "s-a", "file": "a.txt", "story": "story:1"},
            {"id": "s-b", "file": "b.txt", "story": "story:1"},
        ],
        mentions=[
            mention("s-a", TEXT_A, "Amal Haddad", HADDAD),
            mention("s-a", TEXT_A, "Omar al-Rashid", RASHID),
            mention("s-a", TEXT_A, "al-Rashid", RASHID, last=True),
            mention("s-b", TEXT_B, "Omar Al Rashid", {"id": "rashid", "name": "O. Rashid"}),
        ],
        quotes=[
            {"id": "q1", "article": "s-a", "kind": "indirect", "speaker": HADDAD,
             "text": "the border talks were frank and useful"},
            {"id": "q2", "article": "s-a", "kind": "direct", "speaker": RASHID,
             "text": "We will open the crossing before summer,"},
        ],
        events=[
            event("ev1", "s-a", "CONSULT", HADDAD, RASHID, date="2024-03-02",
                  location={"name": "Amman", "country": "JOR"}, cluster="event:1"),
            # CONSULT the other way round: direction does not matter
            event("ev2", "s-b", "CONSULT", HADDAD, RASHID,
                  location={"name": "Amman", "country": "JOR"}, cluster="event:1"),
            event("ev3", "s-b", "ACCUSE", RASHID, SMUGGLERS, salience="background"),
        ],
        timexes=[{"article": "s-a", "text": "on Monday", "start": at(TEXT_A, "on Monday")[0],
                  "end": at(TEXT_A, "on Monday")[1], "value": "2024-03-02T10:00"}],
        actors=[HADDAD, RASHID, SMUGGLERS],
        clusters=[{"level": "event", "id": "event:1", "members": ["ev1", "ev2"]}],
        texts={"s-a": TEXT_A, "s-b": TEXT_B},
    )  # fmt: skip


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("Khalil al-Hayya", "Khalil Al Hayya"),
        ("Khalil al-Hayya", "Khalil Hayya"),
        ("Khalil al-Hayya", "KHALIL AL-HAYYA"),
        ("Sergey Lavrov", "Sérgey Lávrov"),
        ("Jean-Yves Le Drian", "Jean Yves Le Drian"),
        ("Ma'ariv", "Maariv"),
        ("Abd al-Fattah el-Sisi", "Abd Fattah el Sisi"),
    ],
)
def test_names_that_are_equal(left: str, right: str) -> None:
    assert normalise_name(left) == normalise_name(right)


@pytest.mark.parametrize(
    ("left", "right"),
    [("Khalil al-Hayya", "Khalil al-Hayyat"), ("Qasem Soleimani", "Qassem Soleimani"), ("Al", "")],
)
def test_names_that_differ(left: str, right: str) -> None:
    assert normalise_name(left) != normalise_name(right)


def test_a_name_made_only_of_al_keeps_it() -> None:
    assert normalise_name("Al") == "al"


def test_perfect_system_scores_one_everywhere() -> None:
    scores, errors = score_details(make_gold(), make_system())
    assert set(SCORE_KEYS) <= set(scores)
    assert {key: value for key, value in scores.items() if value != 1.0} == {}
    assert errors == []


def test_empty_system_has_zero_recall_and_no_precision() -> None:
    system = SystemRecords(articles=make_system().articles, texts=make_system().texts)
    scores, errors = score_details(make_gold(), system)
    assert scores["mentions.accuracy"] == 0.0
    for kind in ("quotes", "events", "events.main"):
        assert scores[f"{kind}.recall"] == 0.0
        assert scores[f"{kind}.precision"] is None
        assert scores[f"{kind}.f1"] == 0.0
    assert scores["quotes.speaker_accuracy"] is None
    assert scores["timexes.found"] == 0.0
    # every gold event a singleton: precision 1, recall 1/2 for the two clustered ones
    assert scores["clusters.event.precision"] == 1.0
    assert scores["clusters.event.recall"] == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert {e["error"] for e in errors if e["kind"] == "event"} == {"missed"}


def test_missing_gold_files_score_none() -> None:
    gold = make_gold()
    gold.timexes = None
    gold.quotes = None
    scores = score(gold, make_system())
    assert scores["timexes.found"] is None
    assert scores["timexes.accuracy"] is None
    assert scores["quotes.f1"] is None
    assert scores["events.f1"] == 1.0


def test_partial_events_by_hand() -> None:
    system = make_system()
    # ev3 reversed (ACCUSE is directed): no longer matches; a spurious main event added;
    # ev1 gets the wrong date and no place
    system.events[2] = event("ev3", "s-b", "ACCUSE", SMUGGLERS, RASHID, salience="background")
    system.events.append(event("ev4", "s-a", "SUPPORT", HADDAD, None))
    system.events[0].update(date="2024-03", location=None)
    scores, errors = score_details(make_gold(), system)
    # matched: g-1#e1, g-2#e1 of 3 gold and 4 system events
    assert scores["events.precision"] == pytest.approx(2 / 4)
    assert scores["events.recall"] == pytest.approx(2 / 3)
    assert scores["events.f1"] == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    # main: both matched pairs are main/main; system main events ev1, ev2, ev4
    assert scores["events.main.precision"] == pytest.approx(2 / 3)
    assert scores["events.main.recall"] == 1.0
    assert scores["events.date_accuracy"] == 0.5
    assert scores["events.location_accuracy"] == 0.5
    kinds = sorted((e["error"], e["article"]) for e in errors if e["kind"] == "event")
    assert kinds == [
        ("missed", "g-2"),
        ("spurious", "g-1"),
        ("spurious", "g-2"),
        ("wrong-date", "g-1"),
        ("wrong-location", "g-1"),
    ]


def test_salience_mismatch_costs_main_scores_only() -> None:
    system = make_system()
    system.events[0]["salience"] = "background"
    scores = score(make_gold(), system)
    assert scores["events.f1"] == 1.0
    assert scores["events.main.precision"] == 1.0  # ev2 is the only system main event
    assert scores["events.main.recall"] == 0.5


def test_null_target_matches_only_null() -> None:
    gold = make_gold()
    assert gold.events is not None
    gold.events[2]["target"] = None
    scores = score(gold, make_system())
    assert scores["events.recall"] == pytest.approx(2 / 3)


def test_partial_quotes_by_hand() -> None:
    system = make_system()
    # q1 cut short: 4 of 7 gold words in a 4-word span → F1 = 2*(1*4/7)/(1+4/7) = 0.727: matches
    system.quotes[0]["text"] = "talks were frank and"
    # q2 given to the wrong speaker, plus a spurious quote that overlaps nothing
    system.quotes[1]["speaker"] = HADDAD
    system.quotes.append(
        {"id": "q3", "article": "s-a", "kind": "direct", "speaker": None, "text": "AMMAN"}
    )
    scores, errors = score_details(make_gold(), system)
    assert token_f1("the border talks were frank and useful", "talks were frank and") == (
        pytest.approx(8 / 11)
    )
    assert scores["quotes.precision"] == pytest.approx(2 / 3)
    assert scores["quotes.recall"] == 1.0
    assert scores["quotes.speaker_accuracy"] == 0.5
    assert sorted(e["error"] for e in errors if e["kind"] == "quote") == [
        "spurious",
        "wrong-speaker",
    ]


def test_quote_below_half_overlap_does_not_match() -> None:
    system = make_system()
    system.quotes[0]["text"] = "talks were"  # 2 of 7 words: F1 = 2*(1*2/7)/(1+2/7) = 0.44
    scores = score(make_gold(), system)
    assert scores["quotes.recall"] == 0.5


def test_quotes_match_one_to_one() -> None:
    system = make_system()
    system.quotes.append(dict(system.quotes[0], id="q1b"))  # the same quote twice
    scores = score(make_gold(), system)
    assert scores["quotes.recall"] == 1.0
    assert scores["quotes.precision"] == pytest.approx(2 / 3)


def test_mentions_by_hand() -> None:
    system = make_system()
    # the second "al-Rashid" occurrence wrongly resolved; its gold string also occurs inside
    # "Omar al-Rashid", which is still right, so it stays resolved (any occurrence counts)
    system.mentions[2]["actor"] = HADDAD
    assert score(make_gold(), system)["mentions.accuracy"] == 1.0
    del system.mentions[1]  # now neither occurrence of "al-Rashid" resolves to al-Rashid
    scores, errors = score_details(make_gold(), system)
    assert scores["mentions.accuracy"] == pytest.approx(2 / 4)
    assert sorted(e["error"] for e in errors if e["kind"] == "mention") == ["missed", "unresolved"]


def test_mention_aliases_come_from_the_actors_export() -> None:
    system = make_system()
    # the mention's actor object names "O. Rashid"; the actors export gives the full name
    assert score(make_gold(), system)["mentions.accuracy"] == 1.0
    system.actors = [HADDAD]
    assert score(make_gold(), system)["mentions.accuracy"] == pytest.approx(3 / 4)


def test_gold_mention_absent_from_the_text_is_reported() -> None:
    gold = make_gold()
    assert gold.mentions is not None
    gold.mentions.append({"article": "g-2", "mention": "Prime Minister", "actor": "Nobody"})
    scores, errors = score_details(gold, make_system())
    assert scores["mentions.accuracy"] == pytest.approx(4 / 5)
    assert [e["error"] for e in errors] == ["not-found"]


def test_occurrences_tolerate_cleaning() -> None:
    text = "He left.The   talks ended in Cairo."
    assert find_occurrences(text, "Cairo") == [(29, 34)]
    assert find_occurrences("He left. The talks ended.", "left.The talks") == [(3, 18)]
    assert find_occurrences(text, "the talks") == [(8, 19)]
    assert find_occurrences(text, "Damascus") == []


def test_timex_values_by_hand() -> None:
    system = make_system()
    system.timexes[0]["value"] = "2024-03"
    scores, errors = score_details(make_gold(), system)
    assert scores["timexes.found"] == 1.0
    assert scores["timexes.accuracy"] == 0.0
    assert [e["error"] for e in errors] == ["wrong-value"]


def test_bcubed_known_example() -> None:
    # gold {a,b,c} {d}; system {a,b} {c,d}: P = (1+1+1/2+1/2)/4, R = (2/3+2/3+1/3+1)/4
    gold: dict[str, str | None] = {"a": "x", "b": "x", "c": "x", "d": None}
    system: dict[str, str | None] = {"a": "1", "b": "1", "c": "2", "d": "2"}
    p, r, f = bcubed(gold, system)
    assert p == pytest.approx(0.75)
    assert r == pytest.approx(2 / 3)
    assert f == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    assert bcubed({}, {}) == (None, None, None)


def test_clusters_split_and_merged() -> None:
    system = make_system()
    system.events[1]["cluster"] = None
    system.clusters = []
    system.articles[1]["story"] = None
    scores, errors = score_details(make_gold(), system)
    assert scores["clusters.event.recall"] == pytest.approx((0.5 + 0.5 + 1) / 3)
    assert scores["clusters.story.recall"] == 0.5
    assert sorted(e["error"] for e in errors if e["kind"] == "cluster") == [
        "event-split",
        "story-split",
    ]
    system = make_system()
    system.events[2]["cluster"] = "event:1"  # the accusation merged into the meeting
    scores, errors = score_details(make_gold(), system)
    assert scores["clusters.event.precision"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert scores["clusters.event.recall"] == 1.0


def test_event_clusters_from_the_clusters_export_alone() -> None:
    system = make_system()
    for row in system.events:
        row["cluster"] = None
    assert score(make_gold(), system)["clusters.event.f1"] == 1.0


def test_articles_align_by_relative_path_then_basename() -> None:
    gold = [
        {"id": "g1", "file": "articles/x/one.txt"},
        {"id": "g2", "file": "articles/two.txt"},
        {"id": "g3", "file": "articles/three.txt"},
    ]
    system = [
        {"id": "s1", "file": "x/one.txt"},
        {"id": "s1b", "file": "y/one.txt"},
        {"id": "s2", "file": "elsewhere/two.txt"},
    ]
    assert align_articles(gold, system) == {"g1": "s1", "g2": "s2"}


def test_missing_system_article_is_an_error() -> None:
    system = make_system()
    system.articles.pop()
    scores, errors = score_details(make_gold(), system)
    assert scores["events.recall"] == pytest.approx(1 / 3)
    assert errors[0] == {
        "kind": "article",
        "error": "missing",
        "article": "g-2",
        "text": "no system article for articles/b.txt",
    }


def test_gold_set_loads_from_files(tmp_path: Path) -> None:
    gold = make_gold()
    for name in ("articles", "events"):
        rows = copy.deepcopy(getattr(gold, name))
        text = "\n".join(json.dumps(r) for r in rows) + "\n\n"
        (tmp_path / f"{name}.jsonl").write_text(text, encoding="utf-8")
    loaded = GoldSet.load(tmp_path)
    assert loaded.articles == gold.articles
    assert loaded.events == gold.events
    assert loaded.quotes is None
    assert gold_metadata(loaded) == {"a.txt": {"outlet": "Wire", "published": "2024-03-03"}}
    (tmp_path / "events.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"C501: .*events.jsonl:1"):
        GoldSet.load(tmp_path)
    (tmp_path / "articles.jsonl").unlink()
    with pytest.raises(DataError, match="C501"):
        GoldSet.load(tmp_path)


def test_agent_gold_actor_matches_by_country_and_sector() -> None:
    from communique.evaluate.match import Names

    names = Names([])
    police = {"id": "agent:FRA:COP", "name": "French police", "country": "FRA", "sector": "COP"}
    named_force = {"id": "q1", "name": "Gendarmerie", "country": "FRA", "sector": "COP"}
    army = {"id": "agent:FRA:MIL", "name": "French troops", "country": "FRA", "sector": "MIL"}
    assert names.match(police, "agent:FRA:COP")
    assert names.match(named_force, "agent:FRA:COP")
    assert names.match(police, "agent:XXX:COP")
    assert not names.match(police, "agent:BEL:COP")
    assert not names.match(army, "agent:FRA:COP")
    assert not names.match(None, "agent:FRA:COP")
    # the id alone carries country and sector when the record lacks the fields
    assert names.match({"id": "agent:TUR:CVL", "name": "protesters"}, "agent:TUR:CVL")
