"""'the suspect', 'the attacker', 'the victim' for the person named in that role
(``communique.actors.role_referents``). Texts are the project's own."""

from __future__ import annotations

from collections.abc import Callable

from communique.model import Document

from .conftest import resolved

ARREST = (
    "Police in Gdansk arrested John Kowalczyk, 27, on Sunday. The suspect had served a "
    "prison term for robbery. Prosecutors said the attacker would face a murder charge."
)


def test_the_suspect_is_the_person_arrested(run: Callable[..., Document]) -> None:
    document = run(ARREST, "2019-01-14")
    assert resolved(document, "The suspect") == {"John Kowalczyk"}
    assert resolved(document, "the attacker") == {"John Kowalczyk"}


def test_the_victim_and_the_suspect_each_take_their_own(run: Callable[..., Document]) -> None:
    text = (
        "Police arrested a man, Tom Berger, after Anna Weiss was stabbed in Hamburg. The "
        "victim was taken to hospital and the suspect was questioned."
    )
    document = run(text, "2019-01-14")
    assert resolved(document, "The victim") == {"Anna Weiss"}
    assert resolved(document, "the suspect") == {"Tom Berger"}


def test_two_people_arrested_leave_the_suspect_unnamed(run: Callable[..., Document]) -> None:
    text = (
        "Police arrested John Kowalczyk on Sunday and detained Piotr Nowak on Monday. The "
        "suspect had served a prison term for robbery."
    )
    document = run(text, "2019-01-14")
    assert not resolved(document, "The suspect") & {"John Kowalczyk", "Piotr Nowak"}
