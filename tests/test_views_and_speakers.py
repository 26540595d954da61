"""v0.26: what someone called themselves ("s'est dit ouvert à") carried, whose view "Pour X," gives said
as X's ("X believes"), "one of the first", "as of" and "surrendered" kept (read off French texts held
out of every rule), and v0.25's census rejects caught (an explosive made an explosion, "specifically"
for "notamment", a first-person account without its speaker); and the pipeline's own mends, no model
call: a concessive clause between commas, a title before a full name, a conjunct after "and that" and
a made-up date left out, "notably" put in, the speaker an incise names by a title ("a tweeté le
président américain") or in the present tense ("explique Behzad Ghyasi") said, a first-person quotation
put in quotation marks. Each false case of the checker was verified by v0.25; each mended statement
was not."""

from __future__ import annotations

import pytest

from summarizer.check import check_fact
from summarizer.check.shorten import shortened
from summarizer.mend import mend_unconfirmed, substitute_unconfirmed
from summarizer.models import Dropped
from tests.conftest import needs_dicts
from tests.test_statement_checks import _check, _fact

_OPEN = (
    "Mardi, le ministre de la Défense s'était dit, par la voix de sa porte-parole Sunset Belinsky, \"ouvert à"
    ' une discussion sur le sujet".'
)
_VIEW = (
    'Pour Geoffroy Boulard, l\'Hôtel de Ville a "privilégié le coût à la qualité" et "ce sont une nouvelle fois'
    ' les Parisiens (qui) vont payer les inconséquences de la Mairie centrale".'
)

_EVEREST = "Lute Jerstad est devenu en 1963 l'un des premiers Américains à gravir l'Everest."
_KOCH = (
    "Le rapport de l'Institut Robert Koch indique que 95,58% des cas d'Omicron recensés au 30 décembre en"
    " Allemagne sont complètement vaccinés."
)
_THREATS = (
    "\"Il s'est mis à hurler, a promis de venir me tuer, ainsi que ma femme et mes gosses avant d'ajouter :"
    " 'Je vais te retrouver'\", rapporte-t-il à Marianne."
)


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified", "why"),
    [
        # the dev run, a sampled translation: "open to a discussion" became "there would be a discussion"
        (
            _OPEN,
            "On Tuesday, the Defense Minister said, via his spokesman Sunset Belinsky, that there would be a"
            " discussion on the subject.",
            False,
            "'ouvert' has no counterpart",
        ),
        (
            _OPEN,
            "On Tuesday, the Defense Minister said, through his spokeswoman Sunset Belinsky, that he was open to"
            " a discussion on the subject.",
            True,
            "",
        ),
        (
            "Les syndicats se disent prêts à négocier.",
            "The unions say they will negotiate.",
            False,
            "'prêts'",
        ),
        (
            "Les syndicats se disent prêts à négocier.",
            "The unions say they are ready to negotiate.",
            True,
            "",
        ),
        # "Pour X," gives X's view: "X believes" says whose it is, the view alone tells it as fact
        (_VIEW, "Geoffroy Boulard believes the Hotel de Ville prioritized cost over quality.", True, ""),
        (_VIEW, "The Hotel de Ville prioritized cost over quality.", False, "gives a source"),
        (
            _VIEW.replace("Pour Geoffroy Boulard, l'", "L'"),
            "Geoffroy Boulard believes the Hotel de Ville prioritized cost over quality.",
            False,
            "Boulard",
        ),
        # the dev census: an explosive is no explosion, "notamment" is not "specifically"
        (
            "Les services de déminage ont été appelés pour faire sauter l'explosif de manière contrôlée.",
            "The demining services were called to control the explosion.",
            False,
            "'explosion'",
        ),
        (
            "Les masques en tissu distribués initialement sont brevetés par la direction générale des armements"
            " notamment.",
            "The fabric masks initially distributed were patented by the general armaments directorate"
            " specifically.",
            False,
            "'specifically'",
        ),
        # the dev census: the speaker's own account in his first person, told with no one saying it; the
        # verb "promised" is what he says happened, not who says it
        (
            _THREATS,
            "He started shouting, promised to kill me, my wife and my children.",
            False,
            "rapporte-t-il",
        ),
        (_THREATS, "He started shouting, promised to kill me, my wife and my children, he said.", True, ""),
        # read off French texts held out of every rule (claims_dev's documents): "one of the first" made
        # "the first", "as of" made "on", "surrendered" made "arrived"; left out, each holds
        (_EVEREST, "Lute Jerstad became the first American to climb Everest in 1963.", False, "l'un des"),
        (_EVEREST, "Lute Jerstad became one of the first Americans to climb Everest in 1963.", True, ""),
        (_EVEREST, "Lute Jerstad climbed Everest in 1963.", True, ""),
        (
            _KOCH,
            "The Robert Koch Institute reports that 95.58% of Omicron cases reported on December 30 in Germany"
            " are fully vaccinated.",
            False,
            "'au 30",
        ),
        (
            _KOCH,
            "The Robert Koch Institute reports that 95.58% of Omicron cases recorded as of December 30 in Germany"
            " are fully vaccinated.",
            True,
            "",
        ),
        (
            "Les Japonais se sont rendus le 25 mai 1945.",
            "The Japanese arrived on May 25, 1945.",
            False,
            "rendus",
        ),
        (
            "Les Japonais se sont rendus le 25 mai 1945.",
            "The Japanese surrendered on May 25, 1945.",
            True,
            "",
        ),
        (
            "Les enquêteurs se sont rendus à Paris lundi.",
            "The investigators went to Paris on Monday.",
            True,
            "",
        ),
        # the incise's own verb, in the statement, says who speaks
        ('"Respectez notre armée!", a-t-il conclu.', "'Respect our army!' he concluded.", True, ""),
    ],
)
def test_what_the_checker_reads_off_the_census(french: str, statement: str, verified: bool, why: str) -> None:
    quote = french.split(" et ")[0].rstrip(".") if french == _VIEW else None
    verdict, failed = _check(french, statement, quote=quote)
    assert (verdict == "verified") is verified, failed
    assert why in " ".join(failed.values())


@pytest.mark.parametrize(
    ("statement", "shorter"),
    [
        # the dev run: a concessive clause the model got wrong, between commas after a relative clause
        (
            "The attack on maternity, which particularly shocked Afghanistan, although it broke the horrors of"
            " the war, has not been claimed.",
            [
                "The attack on maternity, although it broke the horrors of the war, has not been claimed.",
                "The attack on maternity, which particularly shocked Afghanistan, has not been claimed.",
            ],
        ),
        ("The attack, although nobody claimed it, shocked Kabul.", ["The attack shocked Kabul."]),
        # a title before a full name: the name says who
        (
            "When questioned about the report, a Chinese diplomat's spokesman, Zhao Lijian, denied the"
            " allegations.",
            ["When questioned about the report, Zhao Lijian denied the allegations."],
        ),
        (
            "The US ambassador Mike Pompeo urged Israel to limit investments.",
            ["Mike Pompeo urged Israel to limit investments."],
        ),
        # no title: a clause that names someone else, a verb before the name
        ("The man who attacked John Smith was arrested.", []),
        ("The court sentenced John Smith to ten years.", []),
        # one conjunct of two "that" clauses
        (
            "Geoffroy Boulard believes the city favoured cost over quality and that Parisians will pay.",
            ["Geoffroy Boulard believes the city favoured cost over quality."],
        ),
    ],
)
def test_what_a_statement_holds_without_a_clause_or_a_title(statement: str, shorter: list[str]) -> None:
    assert [short for short, _ in shortened(statement)] == shorter


@needs_dicts
def test_a_shortened_statement_is_checked_on_the_part_of_the_quote_it_renders() -> None:
    """The dev run: the quote ran on into a second quotation that negates; the statement cut before
    "before questioning…" renders only the first, so its quote is narrowed to it."""
    french = (
        '"Ils viennent pour la plupart d\'Europe" a t-il ajouté à propos des combattants du groupe terroriste,'
        " avant d'interpeller Emmanuel Macron : \"Je n'en ai pas parlé avec le président."
    )
    statement = "He added that most of them were from Europe before questioning Emmanuel Macron."
    quote = french[french.index("d'Europe") : french.index(" avec le")]
    article, fact = _fact(french, statement, quote=quote)
    fact.check = check_fact(article, fact)
    assert fact.check.verdict != "verified"
    assert _check(french, "He added that most of them were from Europe.", quote=quote)[0] != "verified"
    facts, dropped = [fact], list[Dropped]()
    mend_unconfirmed(article, facts, dropped)
    assert facts[0].statement == "He added that most of them were from Europe."
    assert facts[0].check is not None and facts[0].check.verdict == "verified"
    assert "Je n'en ai pas" not in facts[0].quote


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "mended", "reason"),
    [
        # the dev run: a date the model made up goes, the rest holds
        (
            "Les autorités ont adopté fin avril un plan de relance économique, et entamé des négociations avec le"
            " Fonds monétaire international (FMI).",
            "The authorities adopted an economic recovery plan on April 29, and began negotiations with the"
            " International Monetary Fund (FMI).",
            "The authorities adopted an economic recovery plan and began negotiations with the International"
            " Monetary Fund (FMI).",
            "shortened: 'on April 29' was not confirmed",
        ),
        # a negated statement keeps its date: without it, it would deny more than the sentence does
        (
            "En 2019, aucune attaque n'a été revendiquée.",
            "In 2018, no attack was claimed.",
            None,
            "",
        ),
        # the dev run: "notamment" opens a list of places, "notably" put before it
        (
            "Ces arrestations, menées par le RAID et la BRI, ont notamment été réalisées à Dijon et Besançon.",
            "These arrests, carried out by the RAID and the BRI, have been carried out in Dijon and Besançon.",
            "These arrests, carried out by the RAID and the BRI, have been carried out notably in Dijon and"
            " Besançon.",
            "substituted:",
        ),
        # the dev run: a speaker named by a title, its adjective a country's
        (
            '"Certains ont suggéré de renommer jusqu\'à dix bases militaires légendaires", a tweeté le président'
            " américain, au moment où les manifestations ont relancé le débat.",
            "Some suggested renaming up to ten legendary military bases",
            "Some suggested renaming up to ten legendary military bases, the American president said.",
            "sourced:",
        ),
        (
            '"Quelque 25.000 personnes étaient présentes", a précisé le parquet fédéral.',
            "Some 25,000 people were present.",
            "Some 25,000 people were present, the federal prosecution said.",
            "sourced:",
        ),
        # the present tense, the name followed by its title
        (
            '"Nous faisons de notre mieux pour leur fournir un soutien alimentaire", explique Behzad Ghyasi,'
            " chef des opérations de Refa.",
            "We are doing our best to provide them with food.",
            "We are doing our best to provide them with food, Behzad Ghyasi said.",
            "sourced:",
        ),
        # a title with more than a noun and its adjective: not said
        (
            '"Les masques seront distribués", a indiqué le ministère de la Santé.',
            "The masks will be distributed.",
            None,
            "",
        ),
        # the dev run: a quotation in its speaker's first person, reported: put in quotation marks
        (
            '"Nous produirons un vaccin avant la fin de l\'année, et peut-être même plus tôt!", a-t-il lancé.',
            "He said that we will produce a vaccine before the end of the year, and possibly even earlier!",
            "He said: 'We will produce a vaccine before the end of the year, and possibly even earlier!'",
            "quoted:",
        ),
    ],
)
def test_the_pipeline_mends_a_statement_with_no_model_call(
    french: str, statement: str, mended: str | None, reason: str
) -> None:
    """A made-up date left out, "notably" put in, the speaker an incise names said, a first-person
    quotation put in quotation marks; nothing done where nothing holds."""
    article, fact = _fact(french, statement, quote=french.split(", au moment")[0].rstrip("."))
    fact.check = check_fact(article, fact)
    assert fact.check.verdict != "verified"
    facts, dropped = [fact], list[Dropped]()
    substitute_unconfirmed(article, facts, dropped)
    mend_unconfirmed(article, facts, dropped)
    if mended is None:
        assert facts == [fact] and not dropped
        return
    assert facts[0].statement == mended
    assert facts[0].check is not None and facts[0].check.verdict == "verified"
    assert dropped[0].reason.startswith(reason)
