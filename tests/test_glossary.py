"""The glossary told to the model before it translates: a sentence's fixed expressions and false
friends, never a word that has another sense in news."""

from __future__ import annotations

from summarizer.glossary import glossary, line
from summarizer.ingest import SentenceSpan
from summarizer.resources import load_prompts
from summarizer.sentences import request


def _span(n: int, text: str) -> SentenceSpan:
    return SentenceSpan(n=n, start=0, end=len(text), text=text, vstart=0)


def test_expressions_are_glossed_as_the_sentence_writes_them() -> None:
    # Seen on the dev run: "the first minister", "five guards were on duty", "had views on".
    assert glossary(["Rafic Hariri, Premier ministre jusqu'à sa démission, a été tué."]) == [
        ("Premier ministre", "prime minister")
    ]
    assert glossary(["Cinq gardes à vue ont débuté ce jeudi matin."]) == [("gardes à vue", "custody")]
    assert glossary(["A tous ceux qui ont eu des vues sur la souveraineté du pays"]) == [
        ("ont eu des vues sur", "designs on")
    ]


def test_false_friends_are_glossed_only_where_they_have_one_sense() -> None:
    assert glossary(["Les audiences ont été reportées une première fois."]) == [("reportées", "postponed")]
    assert glossary(["Deux hommes ont été interpellés samedi."]) == [("interpellés", "arrested")]
    # "reporter" is also a journalist; "interpeller X" is to call out to X; "en tant que" is "as".
    assert glossary(["Un reporter de l'AFP a voulu interpeller le ministre."]) == []
    assert glossary(["Il parle en tant que médiateur."]) == []


def test_french_acronyms_are_glossed() -> None:
    # Seen on the seeds: "the Russian Development Corporation (RPDC)".
    assert glossary(["Ces armes pourraient rapporter des milliards à la RPDC, selon l'ONU."]) == [
        ("RPDC", "North Korea"),
        ("ONU", "UN"),
    ]


def test_the_request_carries_the_glossary_of_its_sentences_once() -> None:
    group = [
        _span(1, "Rafic Hariri, Premier ministre jusqu'en 2004, a été tué en 2005."),
        _span(2, "Le Premier ministre a démissionné; les audiences ont été reportées."),
        _span(3, "La Corée du Nord a livré des obus à la Russie."),
    ]
    asked = request(load_prompts(), group, 0.0, 0).messages[-1]["content"]
    assert asked.endswith(
        '\n\nWord meanings here: "Premier ministre" = "prime minister"; "reportées" = "postponed".'
    ), asked
    plain = request(load_prompts(), group[2:], 0.0, 0).messages[-1]["content"]
    assert plain == "[1] La Corée du Nord a livré des obus à la Russie."
    assert line([]) == ""
