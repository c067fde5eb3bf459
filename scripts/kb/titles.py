"""Title phrases for offices made from the curated officeholders files.

Part of the KB build (``scripts/build_kb.py``). In: an office title such as "Foreign Minister
of Kenya" or "President of the Senate of Italy" and the phrase lists of
``kb_sources/titles.yaml``. Out: the phrases text uses for that office ("foreign minister",
"top diplomat", "parliament speaker"), which the resolver's role pass matches together with
the state or organisation named beside them.

The kind of an office comes from its first words ("Foreign Minister", "Speaker") and, for
generic heads ("President", "Chairman", "Chief", "Commander"), from what they head: a
legislature makes a speaker ("President of the Senate of Italy" must not answer "the
Italian president"), armed forces make an army chief ("Commander of the Lebanese Armed
Forces" must not answer "the Lebanese leader").
"""

from __future__ import annotations

import re

_BASE_KINDS = {
    "president": "president", "prime minister": "prime_minister", "premier": "prime_minister",
    "taoiseach": "prime_minister",
    "foreign minister": "foreign_minister", "defence minister": "defence_minister",
    "defense minister": "defence_minister", "speaker": "speaker",
    "vice president": "vice_president", "king": "monarch", "emir": "monarch",
    "emperor": "monarch", "sultan": "monarch", "crown prince": "crown_prince",
    "supreme leader": "supreme_leader", "secretary-general": "secretary_general",
    "secretary general": "secretary_general", "general secretary": "secretary_general",
    "director-general": "director_general", "commander": "commander",
    "commander-in-chief": "commander", "leader": "org_leader", "chairman": "org_leader",
    "chair": "org_leader", "head": "org_leader", "chief": "org_leader",
    "chancellor": "head_of_government", "chief justice": "chief_justice",
}  # fmt: skip
# Phrases for cabinet posts that titles.yaml has no kind for.
_MINISTRIES = {
    "interior": ["interior minister", "minister of interior", "minister of the interior",
                 "home minister", "interior secretary"],
    "finance": ["finance minister", "minister of finance", "finance chief"],
}  # fmt: skip
KINDS: dict[str, list[str]] = {}
_GENERIC_HEADS = {"president", "chairman", "chairwoman", "chair", "chief", "commander",
                  "commander-in-chief", "head", "marshal", "director", "director general"}  # fmt: skip
_LEGISLATURE = re.compile(
    r"\b(parliament|assembly|senate|chamber|congress|bundestag|duma|sejm|rada|knesset|"
    r"house|majlis|sangsad|federation council|diet|cortes)\b"
)
_UPPER_HOUSES = {"senate", "federation council"}
_MILITARY = re.compile(r"\b(staff|armed forces|defence forces|defense forces|army)\b")
_SPY = re.compile(r"\b(intelligence|security service|mossad|shin bet|bureau of investigation)\b")


def title_phrases(title: str) -> list[str]:
    """Phrases for an office title from the officeholders files ("Foreign Minister of
    Kenya" → the foreign_minister phrases); acting/interim offices keep only their own
    words."""
    base = re.split(r" of | \(", title)[0]
    low, full = base.lower(), title.lower()
    rest = full[len(low) :]
    kind = _BASE_KINDS.get(low, "")
    extra: list[str] = []
    if low == "speaker" and " senate" in rest:
        return [low, "senate speaker", "speaker of the senate", "senate president"]
    if low.startswith(("deputy", "acting", "first", "vice", "interim", "alternate")):
        kind = _BASE_KINDS.get(low, "") if low == "vice president" else ""
    elif low in _GENERIC_HEADS and (m := _LEGISLATURE.search(rest)) and "experts" not in rest:
        # "President of the Senate of Italy": a speaker, and "senate president", never
        # the bare "president" that names the head of state. An upper house keeps its
        # own words: "the Italian speaker" is the lower house's.
        house = m.group(1)
        extra = [f"{house} {low}", f"{house} speaker", re.split(r" of (?!the )", full)[0]]
        if house in _UPPER_HOUSES:
            return list(dict.fromkeys(extra))
        return list(dict.fromkeys([*extra, *KINDS.get("speaker", [])]))
    elif low in _GENERIC_HEADS and _MILITARY.search(rest):
        kind = "army_chief"
    elif low in _GENERIC_HEADS and _SPY.search(rest):
        kind = "spy_chief"
        extra = ["chief", "head", "director"]
    elif not kind and ("minister" in low or "secretary" in low or "adviser" in low):
        if "foreign" in full:
            kind = "foreign_minister"
            if low == "secretary":  # "Secretary of Foreign Affairs of the Philippines"
                extra = ["foreign affairs secretary", "foreign secretary"]
        elif "defen" in full:
            kind = "defence_minister"
            if low == "secretary":  # "Secretary of National Defense of the Philippines"
                extra = ["defense secretary", "defence secretary"]
        else:
            for word, phrases in _MINISTRIES.items():
                if word in low or word in full:
                    extra = phrases
    elif not kind and "interior" in low:
        extra = _MINISTRIES["interior"]
    phrases = KINDS.get(kind, [])
    return list(dict.fromkeys([low, *extra, *phrases]))
