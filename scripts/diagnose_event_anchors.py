"""Diagnose event dates, places and salience independently of event recall.

For every gold event of an evaluation set (``gold/events.jsonl``) this finds
the sentence of its evidence in the processed document, picks a trigger token
(the token of the evidence whose lexicon entry has the gold type, else one of
any type, else the evidence's root), builds a ``Candidate`` of the gold type,
and runs the events stage's anchoring (``communique.events.anchor``) on all of
an article's candidates together, as the stage would. It then compares the
date, place and salience with gold and prints the figures, and with
``--errors`` every disagreement grouped by kind.

    .venv/bin/python scripts/diagnose_event_anchors.py ../shared/eval-news [--errors]

The spaCy parse and the time-expression, actors and quotes stages are cached by
``parse_cache.py`` (``--fresh`` rebuilds it); event dating and the anchoring
run on every call, so their changes show at once.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from parse_cache import parsed

from communique.config import load_settings
from communique.evaluate.match import date_part, normalise_name
from communique.events import load_lexicon
from communique.events.anchor import Anchored, anchor_candidates
from communique.events.dating import EventClock
from communique.events.extract import Candidate, trigger_pos
from communique.events.lexicon import Lexicon, Trigger
from communique.events.salience import Paragraphs, background_reason
from communique.model import Document
from communique.stages import Context


def _trigger_token(
    doc: Any, start: int, end: int, kind: str, lexicon: Lexicon
) -> tuple[Any, Trigger]:
    span = doc.char_span(start, end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    fallback: tuple[Any, Trigger] | None = None
    for token in tokens:
        pos = trigger_pos(token)
        for trigger in lexicon.lookup(token.lemma_.lower(), pos) if pos else []:
            if trigger.type == kind:
                return token, trigger
            fallback = fallback or (token, trigger)
    if fallback is not None:
        token, trigger = fallback
        return token, Trigger(trigger.lemma, trigger.pos, kind, None)
    root = span.root if span is not None else doc[0]
    pos = "VERB" if root.pos_ in ("VERB", "AUX") else "NOUN"
    return root, Trigger(root.lemma_.lower(), pos, kind, None)


def _source_id(document: Document, sentence_start: int, sentence_end: int, name: str | None) -> str:
    """The system actor id of a mention in the sentence naming the gold source, if any."""
    wanted = normalise_name(name or "")
    for mention in document.mentions:
        if sentence_start <= mention.start < sentence_end and (
            normalise_name(mention.text) == wanted or normalise_name(mention.actor_id) == wanted
        ):
            return mention.actor_id
    return f"gold:{name}"


def diagnose(folder: Path, fresh: bool = False) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    from communique.dates import find_timexes
    from communique.events import clause

    settings = load_settings()
    context = Context.load(settings)
    lexicon = load_lexicon(tuple(settings.event_lexicon_file))
    gold_rows = [json.loads(line) for line in (folder / "gold" / "events.jsonl").open()]
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in gold_rows:
        by_article.setdefault(row["article"], []).append(row)
    # gold names articles by id; the id is matched through the file the gold lists for it
    article_of_file = {
        Path(a["file"]).stem: a["id"]
        for a in (json.loads(line) for line in (folder / "gold" / "articles.jsonl").open())
        if a.get("file")
    }
    rows: list[dict[str, Any]] = []
    for doc, document in parsed(folder, context, fresh):
        find_timexes(doc, document, context)
        stem = Path(document.file or document.id).stem
        article = article_of_file.get(stem, stem)
        golds = by_article.get(article, [])
        candidates: list[Candidate] = []
        kept: list[dict[str, Any]] = []
        for row in golds:
            start = document.text.find(row["evidence"])
            if start < 0:
                continue
            end = start + len(row["evidence"])
            token, trigger = _trigger_token(doc, start, end, row["type"], lexicon)
            sent = token.sent
            source = _source_id(document, sent.start_char, sent.end_char, row.get("source"))
            candidate = Candidate(
                trigger=trigger,
                token=token,
                source_id=source,
                target_id=f"gold:{row.get('target')}",
                negated=clause.negated(token, trigger),
                modality=clause.modality(token, trigger),
                background_cue=clause.background(token, trigger),
                type=row["type"],
            )
            candidates.append(candidate)
            kept.append(row)
        anchored: list[Anchored] = anchor_candidates(doc, document, candidates, context)
        clock = EventClock(doc, document, {c.token.i for c in candidates})
        paragraphs = Paragraphs(document)
        for row, item in zip(kept, anchored, strict=True):
            reason = background_reason(
                item.candidate,
                item.timexes,
                item.quote,
                paragraphs,
                document.published,
                clock.preceding(item.candidate),
            )
            date = item.dates[0][0] if item.dates else None
            place = item.place.name if item.place else None
            rows.append(
                {
                    "article": article,
                    "id": row["id"],
                    "type": row["type"],
                    "trigger": item.candidate.token.text,
                    "trigger_pos": item.candidate.trigger.pos,
                    "trigger_tag": item.candidate.token.tag_,
                    "trigger_dep": item.candidate.token.dep_,
                    "gold_date": row.get("date"),
                    "date": date,
                    "gold_location": row.get("location"),
                    "location": place,
                    "gold_salience": row["salience"],
                    "salience": item.salience,
                    "reason": reason,
                    "published": document.published,
                    "evidence": row["evidence"],
                    "timexes": [t.text for t in item.timexes],
                }
            )
    n = len(rows)
    date_ok = sum(date_part(r["gold_date"]) == date_part(r["date"]) for r in rows)
    place_ok = sum(
        (r["gold_location"] is None and r["location"] is None)
        or (
            r["gold_location"] is not None
            and r["location"] is not None
            and normalise_name(r["gold_location"]) == normalise_name(r["location"])
        )
        for r in rows
    )
    sal_ok = sum(r["gold_salience"] == r["salience"] for r in rows)
    gold_main = sum(r["gold_salience"] == "main" for r in rows)
    sys_main = sum(r["salience"] == "main" for r in rows)
    both_main = sum(r["gold_salience"] == r["salience"] == "main" for r in rows)
    figures = {
        "events": n,
        "of_gold": len(gold_rows),
        "date_accuracy": round(date_ok / n, 3) if n else None,
        "location_accuracy": round(place_ok / n, 3) if n else None,
        "salience_accuracy": round(sal_ok / n, 3) if n else None,
        "main_precision": round(both_main / sys_main, 3) if sys_main else None,
        "main_recall": round(both_main / gold_main, 3) if gold_main else None,
    }
    return figures, rows


def _kind_of_date(row: dict[str, Any]) -> str:
    gold, found, published = row["gold_date"], row["date"], row["published"]
    if date_part(gold) == date_part(found):
        return "ok"
    g = "null" if gold is None else "published" if gold == published else "other"
    f = "null" if found is None else "published" if found == published else "other"
    return f"gold {g} / system {f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument("--fresh", action="store_true", help="rebuild the parse cache")
    args = parser.parse_args(argv)
    figures, rows = diagnose(args.folder, args.fresh)
    print(json.dumps(figures))
    kinds = Counter(_kind_of_date(r) for r in rows)
    print("dates:", dict(kinds.most_common()))
    places = Counter(
        "ok"
        if normalise_name(r["gold_location"] or "") == normalise_name(r["location"] or "")
        else f"gold {'null' if r['gold_location'] is None else 'place'} / system"
        f" {'null' if r['location'] is None else 'place'}"
        for r in rows
    )
    print("places:", dict(places.most_common()))
    salience = Counter(f"{r['gold_salience']}→{r['salience']}" for r in rows)
    print("salience:", dict(salience.most_common()))
    reasons = Counter(f"{r['reason']}: gold {r['gold_salience']}" for r in rows)
    print("background reasons:", dict(sorted(reasons.items())))
    if args.errors:
        for r in rows:
            problems = []
            if _kind_of_date(r) != "ok":
                problems.append(f"date {r['date']} ≠ {r['gold_date']}")
            if normalise_name(r["gold_location"] or "") != normalise_name(r["location"] or ""):
                problems.append(f"place {r['location']} ≠ {r['gold_location']}")
            if r["gold_salience"] != r["salience"]:
                problems.append(f"salience {r['salience']} ({r['reason']}) ≠ {r['gold_salience']}")
            if problems:
                print(
                    f"{r['article']}#{r['id']} {r['type']} [{r['trigger']}] pub {r['published']}"
                    f" timexes {r['timexes']}: {'; '.join(problems)}\n    {r['evidence'][:160]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
