"""Overlapping marks become flat segments that cover the text exactly once."""

from __future__ import annotations

from communique.web.marks import Mark, segments


def test_overlapping_marks_cut_into_flat_segments() -> None:
    text = "Ruto said: we will talk on Monday."
    marks = [
        Mark(0, 4, "actor", "William Ruto", "William Ruto"),
        Mark(11, 33, "quote", "direct"),
        Mark(27, 33, "time", "2024-03-18"),
        Mark(30, 99, "time", "out of range: ignored"),
    ]
    found = segments(text, marks)
    assert "".join(s.text for s in found) == text
    assert [(s.text, s.kinds) for s in found if s.kinds] == [
        ("Ruto", ["actor"]),
        ("we will talk on ", ["quote"]),
        ("Monday", ["quote", "time"]),
    ]
    assert found[0].actor == "William Ruto" and found[0].label == "William Ruto"


def test_no_marks_is_one_plain_segment() -> None:
    assert [(s.text, s.kinds) for s in segments("<b>x</b>", [])] == [("<b>x</b>", [])]
