"""Sentence-first extraction: which sentences go to the model, the pinned answer schema, the fields
the pipeline reads itself, and the summary made of verified statements."""

from __future__ import annotations

import asyncio
import json
import re

import pytest
from pydantic import TypeAdapter, ValidationError

from summarizer.backends.base import Reply, Request, T
from summarizer.check import check_fact
from summarizer.errors import OutputError
from summarizer.extract import ATTEMPTS, extract_article, lead_statements, plan
from summarizer.fields import fact_for, mention_of
from summarizer.ingest import Article, SentenceSpan, prepare
from summarizer.models import QUOTE_MAX, Fact
from summarizer.resources import load_prompts
from summarizer.sentences import LONG, STATEMENT_MAX, informative, part_with, parts, pinned, request
from tests.conftest import load_seed, needs_dicts
from tests.test_extract import Scripted

_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)


def _article(text: str) -> Article:
    return prepare("t", "t.txt", text, "utf-8", "txt", False)


def _span(n: int, text: str) -> SentenceSpan:
    return SentenceSpan(n=n, start=0, end=len(text), text=text, vstart=0)


def test_headings_and_fragments_are_not_sent() -> None:
    assert not informative(_span(1, "Une alliance qui bouleverse l'équilibre"))
    assert not informative(_span(2, "Par Jean Dupont."))
    assert informative(_span(3, "La Corée du Nord a livré des obus à la Russie depuis juillet."))
    seed = load_seed("001")
    groups = plan(seed)
    sent = [s.n for g in groups for s in g]
    assert sent == [s.n for s in seed.sentences if informative(s)]
    assert all(1 <= len(g) <= 4 for g in groups)


def test_the_answer_schema_allows_exactly_the_numbers_sent() -> None:
    schema = pinned((3, 5))
    assert list(schema.model_json_schema()["properties"]) == ["s3", "s5"]
    assert schema.model_json_schema()["required"] == ["s3", "s5"]
    ok = schema.model_validate_json('{"s3": "North Korea sent shells.", "s5": "Kim met Putin."}')
    assert ok.statements() == {3: "North Korea sent shells.", 5: "Kim met Putin."}
    for bad in (
        '{"s3": "a"}',
        '{"s3": "a", "s5": "b", "s9": "invented"}',
        '{"s3": "a", "s5": "' + "x" * 400 + '"}',
    ):
        with pytest.raises(ValidationError):
            schema.model_validate_json(bad)


def test_a_statement_cut_by_the_length_bound_loses_its_unfinished_clause() -> None:
    head = "Mladic was sentenced to life imprisonment for his role in the Bosnian War (1992-1995)"
    cut = f"{head}, {'which ' * 60}"[:STATEMENT_MAX].rstrip()
    answer = pinned((1,)).model_validate_json(json.dumps({"s1": cut}))
    assert answer.statements() == {1: f"{head}."}
    whole = f"{head}, {'which ' * 60}"[: STATEMENT_MAX - 1].rstrip() + "."
    assert pinned((1,)).model_validate_json(json.dumps({"s1": whole})).statements() == {1: whole}


def test_fields_are_read_from_the_french_not_generated() -> None:
    sentence = _span(
        1, "Selon Kiev, la Corée du Nord aurait livré plus d'un million d'obus à la Russie depuis juillet."
    )
    fact = fact_for(
        sentence, "According to Kyiv, North Korea reportedly delivered more than a million shells to Russia."
    )
    assert fact.type == "quantity"
    assert fact.quantity.value == 1_000_000 and fact.quantity.qualifier == "more_than"
    assert fact.quantity.mention == "plus d'un million"
    assert fact.quantity.mention in sentence.text and fact.quote in sentence.text
    assert fact.certainty == "reported"
    assert len(fact.quote) <= QUOTE_MAX
    denied = fact_for(
        _span(2, "Pyongyang a démenti ces informations, jugées sans fondement."),
        "Pyongyang denied this information.",
    )
    assert denied.type == "claim" and denied.certainty == "denied"
    event = fact_for(
        _span(3, "Kim Jong-un a visité une usine de munitions mardi."),
        "Kim Jong-un visited a munitions factory on Tuesday.",
    )
    assert event.type == "event" and event.certainty == "asserted"


def test_mention_keeps_the_qualifier_and_is_exact() -> None:
    text = "Entre 10.000 et 12.000 conteneurs ont été chargés, soit près de 5 millions d'obus."
    from summarizer.check.values import parse_amounts

    for amount in parse_amounts(text):
        if amount.value is not None:
            assert mention_of(text, amount) in text


@needs_dicts
def test_scripted_translations_become_checked_facts_and_a_lead_summary() -> None:
    article = _article(
        "Les livraisons continuent.\n\n"
        "La Corée du Nord a transféré plus d'un million d'obus d'artillerie à la Russie depuis juillet. "
        "Le ministre russe de la Défense Sergueï Choïgou s'est rendu à Pyongyang en juillet."
    )
    assert [s.n for g in plan(article) for s in g] == [2, 3]
    answer = {  # the sentences of a call are numbered 1, 2, … in the request
        "s1": "North Korea transferred more than a million artillery shells to Russia since July.",
        "s2": "Russia transferred more than a million artillery shells to North Korea.",  # reversed
    }
    backend = Scripted([json.dumps(answer)])
    result = asyncio.run(extract_article(backend, load_prompts(), article))
    assert [f.sentence for f in result.facts] == [2, 3]
    facts = []
    for i, out in enumerate(result.facts, 1):
        fact = _FACT.validate_python({**out.model_dump(), "id": f"F{i}"})
        fact.check = check_fact(article, fact)
        facts.append(fact)
    assert facts[0].check is not None and facts[0].check.verdict == "verified", facts[0].check
    assert facts[1].check is not None and facts[1].check.verdict != "verified"
    summary = lead_statements(
        [(f.id, f.statement) for f in facts if f.check and f.check.verdict == "verified"]
    )
    assert [(s.text, s.fact_ids) for s in summary] == [(answer["s1"], ["F1"])]
    assert backend.history[0].messages[-1]["content"].startswith("[1] La Corée du Nord")


def test_a_failed_group_is_retried_with_another_temperature_then_reported() -> None:
    article = _article("La Corée du Nord a transféré plus d'un million d'obus à la Russie depuis juillet.")
    backend = Scripted([OutputError("bad")] * len(ATTEMPTS))
    result = asyncio.run(extract_article(backend, load_prompts(), article))
    assert [(r.temperature, r.seed) for r in backend.history] == list(ATTEMPTS)
    assert not result.facts and len(result.failed_chunks) == 1


def test_lead_statements_prefer_names_and_numbers_in_article_order() -> None:
    facts = [
        ("F1", "This raised concerns."),
        ("F2", "North Korea sent 1,000 containers to Russia in 2023."),
        ("F3", "It was clear."),
        ("F4", "Kim Jong-un met Vladimir Putin."),
    ]
    assert [s.fact_ids for s in lead_statements(facts, limit=2)] == [["F2"], ["F4"]]


@needs_dicts
def test_a_statement_in_another_script_is_not_verified() -> None:
    seed = load_seed("000")
    sentence = seed.sentences[0]
    out = fact_for(sentence, "North Korea transferred more than a million artillery shells to Russia.")
    fact = _FACT.validate_python({**out.model_dump(), "id": "F1"})
    fact.statement = "North Korea transferred more than a million artillery 炮弹 to Russia."
    check = check_fact(seed, fact)
    assert check.verdict == "unsupported"
    assert any("is not English" in c.detail for c in check.checks if not c.ok)


@needs_dicts
def test_a_statement_with_an_added_word_is_asked_again_and_kept_only_if_verified() -> None:
    from summarizer.pipeline import digest_article

    article = _article(
        "Les livraisons continuent.\n\n"
        "La Corée du Nord a transféré plus d'un million d'obus d'artillerie à la Russie depuis juillet. "
        "Le ministre russe de la Défense Sergueï Choïgou s'est rendu à Pyongyang en juillet."
    )
    first = {
        "s1": "The North Korean military transferred more than a million artillery shells to Russia since July.",
        "s2": "Russian Defence Minister Sergei Shoigu went to Pyongyang in July with his generals.",
    }
    again_2 = {"s1": "North Korea transferred more than a million artillery shells to Russia since July."}
    again_3 = {"s1": "Russian Defence Minister Sergei Shoigu went to Pyongyang in July with generals."}

    class Revising(Scripted):
        """The first call's answer, then each revision's by the sentence it asks about (they run at once)."""

        def generate(self, request: Request, output: type[T]) -> Reply[T]:
            if self.history:
                self.answers = [
                    json.dumps(again_3 if "Choïgou" in request.messages[-1]["content"] else again_2)
                ]
            return super().generate(request, output)

    backend = Revising([json.dumps(first)])
    digest = digest_article(article, backend)
    asked = [r.messages[-1]["content"] for r in backend.history[1:]]
    assert any('without "military"' in a for a in asked), asked
    facts = {f.sentence: f for f in digest.facts}
    assert facts[2].statement == again_2["s1"] and facts[2].check and facts[2].check.verdict == "verified"
    # The second answer still adds "generals": the first statement stays, unverified.
    assert facts[3].statement == first["s2"] and facts[3].check and facts[3].check.verdict != "verified"
    (rewritten,) = [d for d in digest.run.dropped if d.reason.startswith("rewritten")]
    assert rewritten.statement == first["s1"] and "'military'" in rewritten.reason
    assert [s.fact_ids for s in digest.summary] == [[facts[2].id]]


@needs_dicts
def test_a_rewrite_that_changes_who_is_spoken_of_is_not_kept() -> None:
    # Seen on the dev run: asked to drop "prosyriens", the rewrite also turned Hariri's death into "Her
    # death" — verified, since no check reads a pronoun's gender. A rewrite is asked for words only.
    from summarizer.pipeline import digest_article

    article = _article(
        "L'attentat.\n\n"
        "Rafic Hariri a été tué en février 2005. "
        "Sa mort a déclenché une vague de protestations au Liban."
    )
    first = {
        "s1": "Rafic Hariri was killed in February 2005.",
        "s2": "His death triggered a wave of bloody protests in Lebanon.",
    }
    again = {"s1": "Her death triggered a wave of protests in Lebanon."}

    class Revising(Scripted):
        def generate(self, request: Request, output: type[T]) -> Reply[T]:
            if self.history:
                self.answers = [json.dumps(again)]
            return super().generate(request, output)

    backend = Revising([json.dumps(first)])
    digest = digest_article(article, backend)
    assert any('without "bloody"' in r.messages[-1]["content"] for r in backend.history[1:])
    facts = {f.sentence: f for f in digest.facts}
    assert facts[3].statement == first["s2"], facts[3].statement
    assert not [d for d in digest.run.dropped if d.reason.startswith("rewritten")]


@needs_dicts
def test_a_dropped_degree_word_qualifier_or_hedge_is_asked_for_again() -> None:
    from summarizer.pipeline import digest_article

    article = _article(
        "Les livraisons continuent.\n\n"
        "Seulement 52 cas ont été enregistrés dimanche. "
        "Plus de 300 témoins ont été entendus. "
        "La Corée du Nord aurait livré des obus à la Russie. "
        "Le maire Jean Dupont distribuera 500 masques. "
        "Une dizaine de familles ont été aidées. "
        "Elle a payé 6430 euros pour deux cafés."
    )
    first = {
        "Seulement": "52 cases were recorded on Sunday.",
        "Plus de": "300 witnesses were heard.",
        "aurait": "North Korea delivered shells to Russia.",
        "distribuera": "Mayor Jean Dupont distributed 500 masks.",
        "dizaine": "Ten families were helped.",
        "euros": "She paid $6,430 for two coffees.",
    }
    again = {
        "Seulement": "Only 52 cases were recorded on Sunday.",
        "Plus de": "More than 300 witnesses were heard.",
        "aurait": "North Korea allegedly delivered shells to Russia.",
        "distribuera": "Mayor Jean Dupont will distribute 500 masks.",
        "dizaine": "About ten families were helped.",
        "euros": "She paid 6,430 euros for two coffees.",
    }

    class Revising(Scripted):
        """The first statement for each numbered sentence; the revised one when asked again."""

        def generate(self, request: Request, output: type[T]) -> Reply[T]:
            asked = request.messages[-1]["content"]
            table = again if "Translate it again" in asked else first
            lines = re.findall(r"^\[(\d+)\] (.*)$", asked, re.M)
            answer = {f"s{n}": next(v for k, v in table.items() if k in text) for n, text in lines}
            self.answers = [json.dumps(answer)]
            return super().generate(request, output)

    backend = Revising([])
    digest = digest_article(article, backend)
    asked = sorted(
        r.messages[-1]["content"].rsplit("\n", 1)[-1]
        for r in backend.history
        if "again" in r.messages[-1]["content"]
    )
    # "Plus de 300" in digits: the pipeline puts "More than" in itself, no call
    assert asked == [
        f'Translate it again with "{w}": only what the French sentence says.'
        for w in ("about", "allegedly", "euros", "only", "will")
    ]
    assert {f.statement for f in digest.facts} == set(again.values())
    assert all(f.check and f.check.verdict == "verified" for f in digest.facts)
    reasons = sorted(
        d.reason.split(":")[0] if d.reason.startswith("substituted") else d.reason for d in digest.run.dropped
    )
    assert reasons == [
        *(f"rewritten: '{w}' was missing" for w in ("about", "allegedly", "euros", "only", "will")),
        "substituted",
    ]


@needs_dicts
def test_a_statement_cut_at_a_quotation_mark_is_not_verified() -> None:
    # The 1.5B model ends its JSON string at the French quotation mark: "The cooperation is".
    article = _article('La coopération sino-israélienne est "gagnant-gagnant", selon lui.\n')
    fact = _FACT.validate_python(
        {**fact_for(article.sentences[0], "The Sino-Israeli cooperation is").model_dump(), "id": "F1"}
    )
    check = check_fact(article, fact)
    assert check.verdict != "verified"
    assert any(c.name == "statement:whole" and not c.ok for c in check.checks)


@needs_dicts
def test_a_guess_cannot_rest_on_a_french_word_another_word_already_renders() -> None:
    # Dev-set statement read against the French: "ce dernier" (the manager) became "the last payment";
    # e5 put "payment" near "cliente", which renders "customer".
    from summarizer.check.matching import unmatched_words

    french = "Mais depuis le mois de mars, la cliente russe est sans nouvelle de ce dernier."
    assert "payment" in unmatched_words(["customer", "news", "last", "payment"], french)
    assert unmatched_words(["customer", "news", "last"], french) == []


def test_a_long_sentence_goes_to_the_model_clause_by_clause_without_double_quotes() -> None:
    text = (
        "Les armes transférées à la Russie pourraient rapporter des milliards de dollars à la RPDC, "
        "ce qui pourrait contribuer à reconstituer ses ressources financières, en particulier face aux "
        'sanctions qui sont déjà devenues une "contrainte majeure" pour l’économie du pays, selon les experts.'
    )
    assert len(text) > LONG
    (sentence,) = _article(text).sentences
    first, second = parts(sentence)
    assert first.text.endswith("à la RPDC") and second.text.startswith("ce qui pourrait")
    assert first.n == second.n == sentence.n and text.find(second.text) > 0
    assert part_with(sentence, "contrainte majeure").text == second.text
    asked = request(load_prompts(), [first, second], 0.0, 0).messages[-1]["content"]
    assert asked.startswith("[1] Les armes") and "\n[2] ce qui" in asked
    assert "'contrainte majeure'" in asked and '"' not in asked
    short = _span(1, "La Corée du Nord a livré des obus à la Russie, selon les services sud-coréens.")
    assert parts(short) == [short]


@needs_dicts
def test_a_rewrite_that_fails_too_is_asked_for_once_more_with_its_own_faults() -> None:
    from summarizer.pipeline import digest_article

    article = _article("Les livraisons continuent.\n\nLe maire Jean Dupont distribuera 500 masques gratuits.")
    answers = iter(
        [
            "Mayor Jean Dupont will distribute 500 free blue masks.",
            "Mayor Jean Dupont will distribute 500 free red masks.",
            "Mayor Jean Dupont will distribute 500 free masks.",
        ]
    )

    class Revising(Scripted):
        def generate(self, request: Request, output: type[T]) -> Reply[T]:
            self.answers = [json.dumps({"s1": next(answers)})]
            return super().generate(request, output)

    backend = Revising([])
    digest = digest_article(article, backend)
    asked = [r.messages[-1]["content"].rsplit("\n", 1)[-1] for r in backend.history[1:]]
    assert asked == [
        'Translate it again without "blue": only what the French sentence says.',
        'Translate it again without "blue", "red": only what the French sentence says.',
    ]
    (fact,) = digest.facts
    assert fact.statement == "Mayor Jean Dupont will distribute 500 free masks."
    assert fact.check and fact.check.verdict == "verified"
    assert [d.reason for d in digest.run.dropped] == [
        "rewritten: 'blue', 'red' had no counterpart in sentence 2"
    ]


@needs_dicts
def test_a_calque_is_mended_without_a_call_or_asked_again_with_what_the_expression_says() -> None:
    # Seen on the dev run: "the first minister" (Premier ministre) and "the hearings were reported"
    # (reportées: postponed) stayed unverified after two rewrites asked only to leave the word out.
    # The pipeline puts the expression in itself; where another fault remains (a place the article
    # never names), the rewrite is asked for with what the expression says.
    from summarizer.pipeline import digest_article

    article = _article(
        "Le procès.\n\n"
        "Rafic Hariri, Premier ministre jusqu'en 2004, a été tué en 2005. "
        "Les audiences ont été reportées une première fois."
    )
    first = {
        "s1": "Rafic Hariri, the first minister until 2004, was killed in 2005.",
        "s2": "The audiences were reported a first time in Paris.",
    }
    again = {"s1": "The hearings were postponed a first time."}

    class Revising(Scripted):
        def generate(self, request: Request, output: type[T]) -> Reply[T]:
            if self.history:
                self.answers = [json.dumps(again)]
            return super().generate(request, output)

    backend = Revising([json.dumps(first)])
    digest = digest_article(article, backend)
    asked = [r.messages[-1]["content"].rsplit("\n", 1)[-1] for r in backend.history[1:]]
    assert asked == [
        'Translate it again without "Paris", "audiences", "reported" and with "hearing", "postpone": only what the French sentence says.',
    ], asked
    assert [f.statement for f in digest.facts] == [
        "Rafic Hariri, the prime minister until 2004, was killed in 2005.",
        "The hearings were postponed a first time.",
    ]
    assert [f.check.verdict for f in digest.facts if f.check] == ["verified", "verified"]
    assert [d.reason.split(":")[0] for d in digest.run.dropped] == ["substituted", "rewritten"]
