"""Why gold events are missed: a recall diagnostic for the events stage's extractor.

For every gold event of an evaluation set (``gold/events.jsonl``) this finds its
evidence sentence in the processed document and checks whether a ``Candidate`` of
``communique.events.extract.find_candidates`` agrees with it (type, then source and
target by the scorer's own name matching, ``agent:ISO3:SECTOR`` included). For each
event no candidate agrees with it says why, in the order the extractor works:

- ``no trigger``: no token of the sentence has a lexicon entry of the gold type;
- ``sense``: a trigger of the type, but its sense constraints (``with_*``, ``without``)
  rule it out;
- ``no source``: the frame finds no source actor (and no unnamed agent is made);
- ``no target``: a source, but the type needs a target and none is found;
- ``habitual`` / ``conditional`` / ``speculative`` / ``requested``: a clause cue
  drops it;
- ``wrong source`` / ``wrong target`` / ``wrong both``: a candidate of the type with
  other participants;
- ``other type``: only candidates of other types in the sentence.

Events whose evidence lies inside a quote are counted apart (``quoted/...``): speech acts
in quotes are the job of a separate mechanism. With ``--spurious`` it also lists the
candidates that agree with no gold event. The parse, actors and quotes stages are cached
by ``parse_cache.py`` (``--fresh`` rebuilds it); the events extractor
runs on every call, so its changes show at once.

    .venv/bin/python scripts/diagnose_event_recall.py ../shared/eval-news [--list] [--spurious]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from parse_cache import parsed

from communique.config import load_settings
from communique.evaluate.match import Names, find_occurrences
from communique.events import _agent_maker, clause, load_lexicon
from communique.events.extract import (
    Candidate,
    _satisfies,
    find_candidates,
    trigger_pos,
)
from communique.events.frames import MentionIndex, instrument, role_actors, sourceless
from communique.events.lexicon import Lexicon, Trigger
from communique.events.reference import extra_mentions
from communique.model import Document
from communique.stages import Context


def _stepwise(trigger: Trigger, token: Any, index: MentionIndex) -> str:
    """The first step of ``extract._candidates`` at which this trigger yields nothing."""
    if not _satisfies(trigger, token):
        return "sense"
    sources: list[str] = []
    for role in trigger.source:
        sources = (
            instrument(token, index)
            if role == "instrument"
            else role_actors(trigger, token, role, index)
        )
        if sources:
            break
    if not sources and not (trigger.implicit_source and sourceless(trigger, token)):
        return "no source"
    if clause.habitual(token, trigger):
        return "habitual"
    targets = [t for role in trigger.target for t in role_actors(trigger, token, role, index)]
    if not targets and trigger.needs_target:
        return "no target"
    if clause.conditional(token):
        return "conditional"
    if clause.speculative(token, trigger):
        return "speculative"
    if clause.requested(token):
        return "requested"
    return "made"


def _tokens(sents: list[Any], steps: list[tuple[str, str]]) -> list[Any]:
    words = {t for _, t in steps}
    return [t for s in sents for t in s if t.text in words]


def _shape(token: Any) -> str:
    """A trigger token with its dependency neighbourhood, for reading a frame's failure."""
    kids = " ".join(f"{c.dep_}:{c.text}" for c in token.children)
    return f"{token.text}/{token.dep_}<{token.head.text} [{kids}]"


def _sentence_mentions(mentions: list[Any], sents: list[Any]) -> str:
    start, end = sents[0].start_char, sents[-1].end_char
    return ", ".join(f"{m.text}={m.actor_id}" for m in mentions if start <= m.start < end)


def _actor_rows(document: Document) -> dict[str, dict[str, Any]]:
    return {a.id: a.model_dump() for a in document.actors}


def _agrees(
    names: Names, rows: dict[str, dict[str, Any]], gold: dict[str, Any], c: Candidate
) -> str:
    """ "match", or what differs between a same-typed candidate and a gold event."""
    source = rows.get(c.source_id, {"id": c.source_id, "name": c.source_id})
    target = (
        rows.get(c.target_id, {"id": c.target_id, "name": c.target_id}) if c.target_id else None
    )
    ok_s = names.match(source, gold.get("source"))
    ok_t = names.match(target, gold.get("target"))
    if not (ok_s and ok_t) and gold["type"] == "CONSULT":
        ok_s, ok_t = (
            names.match(target, gold.get("source")),
            names.match(source, gold.get("target")),
        )
    if ok_s and ok_t:
        return "match"
    if ok_s:
        return "wrong target"
    if ok_t:
        return "wrong source"
    return "wrong both"


def diagnose(
    folder: Path, fresh: bool = False
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    settings = load_settings()
    context = Context.load(settings)
    lexicon: Lexicon = load_lexicon(tuple(settings.event_lexicon_file))
    gold_rows = [json.loads(line) for line in (folder / "gold" / "events.jsonl").open()]
    by_article: dict[str, list[dict[str, Any]]] = {}
    for row in gold_rows:
        by_article.setdefault(row["article"], []).append(row)
    missed: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    n_candidates = 0
    for doc, document in parsed(folder, context, fresh):
        article = Path(document.file or document.id).stem
        mentions = document.mentions + extra_mentions(doc, document, context.kb)
        speakers = [(q.start, q.end, q.speaker_id or "") for q in document.quotes]
        actors = {a.id: a for a in document.actors}
        kinds = {i: (a.type, a.sector) for i, a in actors.items()}
        maker = _agent_maker(document, actors, context)
        candidates = find_candidates(doc, mentions, lexicon, speakers, kinds, maker)
        n_candidates += len(candidates)
        index = MentionIndex(doc, mentions, speakers, kinds, None)
        index.trigger_verbs = lexicon.verbs
        rows = _actor_rows(document)
        names = Names(rows.values())
        used: set[int] = set()
        for gold in by_article.get(article, []):
            spans = find_occurrences(document.text, gold["evidence"])
            if not spans:
                missed.append({**gold, "cause": "evidence not found", "detail": ""})
                continue
            start, end = spans[0]
            quoted = any(
                q.start <= start < q.end or start <= q.start < end for q in document.quotes
            )
            sents = [s for s in doc.sents if s.start_char < end and start < s.end_char]
            in_sent = [c for c in candidates if any(s.start <= c.token.i < s.end for s in sents)]
            typed = [c for c in in_sent if c.type == gold["type"]]
            verdicts = [
                (_agrees(names, rows, gold, c), i) for i, c in enumerate(candidates) if c in typed
            ]
            if any(v == "match" for v, _ in verdicts):
                used.update(i for v, i in verdicts if v == "match")
                continue
            detail = ""
            if verdicts:
                cause = verdicts[0][0]
                c = candidates[verdicts[0][1]]
                detail = f"{c.token.text}: {c.source_id} -> {c.target_id}"
            else:
                steps: list[tuple[str, str]] = []
                for sent in sents:
                    for token in sent:
                        pos = trigger_pos(token)
                        if not pos:
                            continue
                        entries = lexicon.lookup(token.lemma_.lower(), pos) or lexicon.lookup(
                            token.lower_, pos
                        )
                        for trigger in entries:
                            if trigger.type == gold["type"]:
                                steps.append((_stepwise(trigger, token, index), token.text))
                order = ["made", "requested", "speculative", "conditional", "no target",
                         "habitual", "no source", "sense"]  # fmt: skip
                steps.sort(key=lambda s: order.index(s[0]))
                if steps:
                    cause = steps[0][0]
                    detail = ",".join(sorted({t for _, t in steps}))
                    if cause in ("no source", "no target", "sense"):
                        detail = "; ".join(_shape(t) for t in _tokens(sents, steps))
                        detail += " | mentions: " + _sentence_mentions(mentions, sents)
                    if cause == "made":
                        cause = "dropped later"
                elif in_sent:
                    cause = "other type"
                    detail = ",".join(sorted({f"{c.type}:{c.token.text}" for c in in_sent}))
                else:
                    cause = "no trigger"
            missed.append(
                {**gold, "cause": ("quoted/" if quoted else "") + cause, "detail": detail}
            )
        for i, c in enumerate(candidates):
            if i not in used:
                spurious.append(
                    {
                        "article": article,
                        "type": c.type,
                        "source": c.source_id,
                        "target": c.target_id,
                        "trigger": c.token.text,
                        "negated": c.negated,
                        "sentence": c.token.sent.text.strip(),
                    }
                )
    return missed, spurious, n_candidates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--fresh", action="store_true", help="rebuild the parse cache")
    parser.add_argument("--list", action="store_true", help="print every missed event")
    parser.add_argument("--spurious", action="store_true", help="print unmatched candidates")
    parser.add_argument("--cause", help="only list missed events of this cause")
    args = parser.parse_args()
    missed, spurious, n_candidates = diagnose(args.folder, args.fresh)
    gold_total = sum(1 for _ in (args.folder / "gold" / "events.jsonl").open())
    print(f"gold {gold_total}, candidates {n_candidates}, gold found by a candidate "
          f"{gold_total - len(missed)}, missed {len(missed)}")  # fmt: skip
    for cause, n in Counter(m["cause"] for m in missed).most_common():
        print(f"{n:4d}  {cause}")
    if args.list or args.cause:
        for m in sorted(missed, key=lambda m: m["cause"]):
            if args.cause and m["cause"] != args.cause:
                continue
            print(f"\n[{m['cause']}] {m['article']} {m['type']} {m['source']} -> {m['target']}"
                  f"  {m['detail']}\n    {m['evidence'][:200]}")  # fmt: skip
    if args.spurious:
        print(f"\n{len(spurious)} candidates agree with no gold event")
        for s in spurious:
            print(f"{s['article']} {s['type']} {s['source']} -> {s['target']} [{s['trigger']}]"
                  f"{' NEG' if s['negated'] else ''}\n    {s['sentence'][:200]}")  # fmt: skip


if __name__ == "__main__":
    main()
