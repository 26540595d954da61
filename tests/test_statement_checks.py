"""Classes of statements the dev set showed the checker getting wrong, on French sentences of our own:
true ones it rejected (an idiom, an irregular participle, "people" counted by a number, a source named
at the end, a title before a name, an acronym, an ordinal, a quote over two sentences, the source's
typo) and false ones it verified (a false friend, two name words resting on one French word, a source
made a participant, a statement cut off without a full stop, a hedge word that is an act)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from summarizer.check import check_fact
from summarizer.check.repair import Repair, repair
from summarizer.check.shorten import shortened
from summarizer.check.statement import has_verb, split_attribution, statement_names, whole
from summarizer.check.words import missing_words
from summarizer.ingest import Article, prepare
from summarizer.mend import mend_unconfirmed
from summarizer.models import CheckResult, Dropped, Fact
from tests.conftest import needs_dicts

_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)


_PROTEST = "Parmi les manifestants, certains ont appelé au désarmement du Hezbollah."
_RALLY = "Des manifestants se sont également rassemblés dans les villes de Saïda et Tyr."
_GENERALS = "Quatre généraux libanais prosyriens ont été arrêtés."


def _fact(
    french: str, statement: str, sentence: int = 1, quote: str | None = None, **fields: Any
) -> tuple[Article, Fact]:
    """A short article and an event fact about one of its sentences."""
    article = prepare("t", "t.txt", french, "utf-8", "txt", False)
    fact = _FACT.validate_python(
        {
            "id": "F1",
            "type": "event",
            "sentence": sentence,
            "quote": quote or french.rstrip("."),
            "statement": statement,
            "certainty": "asserted",
            "event": {"actor": "", "action": ""},
            **fields,
        }
    )
    return article, fact


def _check(
    french: str, statement: str, sentence: int = 1, quote: str | None = None, **fields: Any
) -> tuple[str, dict[str, str]]:
    """The verdict on a statement about a sentence of a short article (its quote: the whole sentence
    unless given), and the failed checks' details."""
    article, fact = _fact(french, statement, sentence, quote, **fields)
    check = check_fact(article, fact)
    return check.verdict, {c.name: c.detail for c in check.checks if not c.ok}


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement"),
    [
        # an idiom of several French words: "perdre la vie" renders "died"
        ("Douze personnes ont perdu la vie dans l'incendie.", "Twelve people died in the fire."),
        # a Roman ordinal is a number, and a two-letter acronym the table lacks is written the same (it
        # was "'XVIIth', 'LR' nowhere in the article" on the dev run)
        ("Le maire du XVIIe arrondissement, Geoffroy Boulard (LR), a parlé.", "The mayor of the 17th arrondissement, Geoffroy Boulard (LR), spoke."),
        ("Le maire du XVIIe arrondissement a parlé.", "The mayor of the XVIIth arrondissement spoke."),
        # an adverb rests on its adjective's masculine: durement → dur (harsh), not durer
        ("Donald Trump s'en est pris durement à Emmanuel Macron.", "Donald Trump harshly attacked Emmanuel Macron."),
        # an irregular participle's family: commis → commettre (make a mistake)
        ("En Suisse, une cliente a commis une erreur en réglant la note.", "In Switzerland, a customer made a mistake when paying the bill."),
        # a pronoun the dictionaries render as a phrase, opening the statement: no name (it was
        # "'Everyone' nowhere in the article")
        ("Tout le monde a vu cela au Ladakh.", "Everyone saw it in Ladakh."),
        ("\"Ce que nos soldats peuvent faire, tout le monde l'a vu au Ladakh\", a-t-il lancé.", "What our soldiers can do, everyone saw it in Ladakh, he said."),
        # "re-elected" is one word, "réélu"
        ("Le maire sortant a été réélu dimanche.", "The outgoing mayor was re-elected on Sunday."),
        # a subject's own claim told as one; the speaker's own "je" told as "he"; an idiom through a modal
        ("Elle dit avoir vu trois hommes armés.", "She said she saw three armed men."),
        ("\"Je n'ai pas l'énergie nécessaire\", a expliqué Darko Mladic.", "Darko Mladic explained that he did not have the necessary energy."),
        ("La note a dû être salée.", "The bill must have been steep."),
        # whom the speaker told, told; a lack on both sides
        ("Les esprits se sont enflammés, explique au Parisien Gérard Hébert.", "The spirits flared up, Gérard Hébert told Le Parisien."),
        ("Le maire a confié au Monde que la ville manquait de moyens.", "The mayor told Le Monde that the city lacked means."),
        # news words the dictionaries miss: relevé bancaire, gosses, auteurs, s'enflammer
        ("Elle a reçu son relevé bancaire en fin de mois.", "She received her bank statement at the end of the month."),
        ("Il a promis de tuer ma femme et mes gosses.", "He promised to kill my wife and my kids."),
        ("L'enquête doit en identifier les auteurs.", "The investigation must identify the perpetrators."),
        ("Les esprits n'ont pas mis longtemps à s'enflammer.", "The spirits did not take long to flare up."),
        # a verb of "re-" no dictionary has, by its base: réévaluer (évaluer: assess)
        ("Les pays occidentaux doivent réévaluer leurs stratégies de sécurité.", "Western countries must reassess their security strategies."),
        # an irregular participle simplemma leaves as it is: survenues → survenir
        ("Les violences survenues lundi à Lyon ont choqué la ville.", "The violence that occurred in Lyon on Monday shocked the city."),
        # "people" counted by a number is the French number's noun
        ("L'explosion a fait 14 morts à Beyrouth.", "The explosion killed 14 people in Beirut."),
        # "dont" renders "including"
        ("Trente personnes ont été blessées, dont dix enfants.", "Thirty people were injured, including ten children."),
        # "pas assez" carried
        ("Elle a dit qu'elle n'était pas assez informée des dangers.", "She said she was not informed enough of the dangers."),
        # a French acronym glossing the English name in parentheses
        ("Le Liban a entamé des négociations avec le Fonds monétaire international (FMI).", "Lebanon began negotiations with the International Monetary Fund (FMI)."),
        # "notamment" carried
        ("Les interpellations ont été menées notamment à Dijon et Besançon.", "The arrests were carried out notably in Dijon and Besançon."),
        # a plural count rendered by the French plural
        ("Des millions de personnes ont manifesté dimanche à Hong Kong.", "Millions of people demonstrated in Hong Kong on Sunday."),
        # a source named at the end of the statement is its attribution
        ("Le chômage touche 35% de la population active, selon le ministère des Finances.", "Unemployment affects 35% of the working population, according to the Finance Ministry."),
        # a participle's lemma needs its accents: "prévues" → prévoir (the folded "prevues" has none)
        ("Les élections, initialement prévues en mai, ont été reportées.", "The elections, initially scheduled for May, were postponed."),
        # "aurait dû" is a modal ("should have"), not hearsay
        ("Le maire aurait dû démissionner en mars.", "The mayor should have resigned in March."),
        # an ordinal is a number on both sides
        ("C'est la cinquième fois que le fleuve déborde depuis 2010.", "It is the fifth time the river has overflowed since 2010."),
        # a heading glued to the sentence by the page's extraction ("arrêtéDimanche")
        ("Un suspect arrêtéDimanche 4 mai, la police a interpellé un homme à Lyon.", "On Sunday 4 May, the police arrested a man in Lyon."),
        # a statement that opens on a name no dictionary has, spelt as the source misspells it
        ("M. Kowalczik a été libéré mardi.", "Kowalczyk was released on Tuesday."),
        # a quote over two sentences
        ("Le feu a détruit trois maisons. Les pompiers sont arrivés trop tard.", "The fire destroyed three houses and the firefighters arrived too late."),
        # an acronym in French word order (Fonds monétaire international)
        ("Le FMI a accordé un prêt à l'Egypte.", "The International Monetary Fund granted a loan to Egypt."),
        # a title and a name: the name, and the title's words
        ("Le secrétaire d'Etat américain Antony Blinken a exhorté Israël à limiter ses frappes.", "US Secretary of State Antony Blinken urged Israel to limit its strikes."),
        # a longer name around a country's, rendered by an adjective
        ("La police nord-irlandaise a arrêté deux hommes.", "The Northern Ireland police arrested two men."),
        # the source's typo, one letter off a long word ("pourboir")
        ("Il a laissé un pourboir de dix euros.", "He left a tip of ten euros."),
        # an idiom with an auxiliary inside: s'en prendre à
        ("Le président s'en est pris à la presse.", "The president attacked the press."),
        # an adjective's masculine and a present participle's infinitive: étroite → étroit, prévoyant → prévoir
        ("Les deux pays ont signé un accord prévoyant une coopération militaire étroite.", "The two countries signed an agreement providing for close military cooperation."),
        # a guess whose French word another word takes ("obus": shells) finds one of its own ("armements")
        ("Ces armements comprennent des obus de 122 mm.", "These weapons include 122 mm shells."),
        # an honorific is not a name; nor is "I"
        ("La procureure a demandé aux juges de rejeter l'appel de M. Karadzic.", "The prosecutor asked the judges to reject the appeal of Mr. Karadzic."),
        ("« Je n'en ai pas parlé avec le ministre », a-t-il ajouté.", "He added: 'I have not spoken to the minister about it.'"),
        # "in his absence" and "disputed border" deny nothing
        ("Il a été condamné en son absence à dix ans de prison.", "He was sentenced in his absence to ten years in prison."),
        ("Des soldats ont été déployés le long de cette frontière disputée.", "Soldiers were deployed along this disputed border."),
        # a known organisation inside a longer name: its rendering (ONU), then the other words
        ("Le tribunal a été mis en place après une résolution du Conseil de sécurité de l'ONU.", "The tribunal was set up after a UN Security Council resolution."),
        # a fixed expression rendered as one: "pris acte" is took note, "porter plainte" to file a complaint
        ("Le ministre a pris acte de la décision des juges.", "The minister took note of the judges' decision."),
        ("L'actrice a décidé de porter plainte contre l'humoriste.", "The actress decided to file a complaint against the comedian."),
        ("Deux hommes ont été placés en garde à vue.", "Two men were taken into custody."),
        ("Le suspect a été mis en examen pour meurtre.", "The suspect was charged with murder."),
        ("Quatre personnes ont été interpellées lundi soir.", "Four people were detained on Monday evening."),
        # the future told in the future; a future after "quand" told in the present
        ("La mairie distribuera des masques chirurgicaux.", "City hall will distribute surgical masks."),
        ("Quand le ministre viendra, les maires lui parleront.", "When the minister comes, the mayors will speak to him."),
        # a passive's agent ("par …") as the subject of an active verb, or after "by"
        ("Le défilé sera remplacé par des vols d'avions militaires.", "Flights of military planes will replace the parade."),
        ("Le défilé sera remplacé par des vols d'avions militaires.", "The parade will be replaced by flights of military planes."),
        ("Le suspect a été arrêté par la police de Lyon.", "Police arrested the suspect in Lyon."),
        # "je" told in reported speech; "Ils" told as "They"
        ("« Je me bats pour vous », a-t-il lancé.", "He said he is fighting for you."),
        ("« Ils m'attaquent parce que je me bats pour vous », a-t-il lancé.", "They attack me because I am fighting for you, he said."),
        # an impersonal "il"; a source that "explains" is the attribution, not the subject
        ("« Il faut aller à la maternité très vite », a dit la sage-femme.", "You must go to the maternity very quickly, the midwife said."),
        ("« Il était très malade », explique-t-elle.", "She explains that he was very ill."),
        # a clock time: "18h" is 6 pm
        ("Les incidents ont éclaté vers 18h entre deux groupes.", "The incidents broke out around 6 pm between two groups."),
        # "faisant 14 morts": resulting in / leaving 14 dead
        ("Un camion a percuté la foule à Nice, faisant 86 morts.", "A lorry hit the crowd in Nice, resulting in 86 deaths."),
        # a French negation carried by "avoid", "prevent"
        ("Les gendarmes ont tout fait pour ne pas blesser les enfants.", "The gendarmes did everything to avoid injuring the children."),
        ("Son état de santé ne lui permettait pas de témoigner.", "His state of health prevented him from testifying."),
        # "approximately" is "environ"'s qualifier
        ("Les douaniers ont saisi environ 300 kilos de cocaïne.", "Customs officers seized approximately 300 kilos of cocaine."),
        # women named by nationality or origin
        ("Trois Iraniennes ont été arrêtées à Téhéran.", "Three Iranian women were arrested in Tehran."),
        # fixed expressions: grand ami, porter le nom, imputer la responsabilité, s'essouffler
        ("Le député, grand ami du maire, a été élu en mars.", "The deputy, a close friend of the mayor, was elected in March."),
        ("La rue porte le nom d'un ancien résistant.", "The street is named after a former resistance fighter."),
        ("La grève s'est essoufflée en décembre.", "The strike ran out of steam in December."),
        # the same people in the same roles; a comparative opening the statement names no one
        ("Des soldats chinois ont tué deux manifestants.", "Chinese soldiers killed two protesters."),
        ("À moins de 70 jours de l'élection, le président a clôturé la convention.", "Less than 70 days before the election, the president closed the convention."),
        ("Les camions transportaient du sucre dans le cadre du programme alimentaire de l'ONU.", "The lorries were carrying sugar as part of the UN food programme."),
        # the same amounts, vague on both sides; "tant que" as "as long as"
        ("Une dizaine de familles ont été aidées.", "About ten families were helped."),
        ("Quelques centaines de manifestants se sont rassemblés.", "Several hundred protesters gathered."),
        ("Il n'y aura jamais de zone autonome tant que je serai président.", "There will never be an autonomous zone as long as I am president."),
        ("Il a été condamné en appel à la prison à vie.", "He was sentenced on appeal to life in prison."),
        # the fixed expressions in their own English
        ("Le billet vert valait 4.000 livres samedi.", "The dollar was worth 4,000 pounds on Saturday."),
        ("Le pays, rompu aux horreurs de la guerre, a été choqué.", "The country, hardened to the horrors of war, was shocked."),
        ("Un accouchement sur dix se passe mal.", "One birth in ten goes wrong."),
        ("Les juges ont relevé l'insuffisance des preuves contre les trois hommes.", "The judges noted insufficient evidence against the three men."),
        ("Le gouvernement russe a démenti ces informations.", "Russia denied this information."),
        # French parties and wars by their French names
        ("Le candidat PS a été battu dimanche.", "The Socialist candidate was beaten on Sunday."),
        ("Le monument rappelle les morts de la guerre de Sécession.", "The monument recalls the dead of the Civil War."),
        # an acronym that is a common noun, matched as a word; two English words one French word renders
        ("La cliente a composé son code secret.", "The customer entered her PIN."),
        ("Le bébé est né sur la banquette de la voiture.", "The baby was born on the back seat of the car."),
        ("Face à la pandémie, le festival a été annulé.", "Because of the pandemic, the festival was cancelled."),
        # news wording the dictionaries missed (seen on the dev run)
        ("Ces interpellations suivent une enquête confiée à la police judiciaire et la sûreté urbaine.", "These arrests follow an investigation entrusted to the judicial police and urban safety."),
        ("Les pays européens amorcent un déconfinement progressif.", "European countries are beginning a gradual reopening."),
        ("Ils dénoncent son inertie face à la dégringolade de la livre libanaise.", "They denounce his inertia in the face of the decline of the Lebanese currency."),
    ],
)  # fmt: skip
def test_true_statements_are_verified(french: str, statement: str) -> None:
    verdict, failed = _check(french, statement)
    assert verdict == "verified", failed


@needs_dicts
def test_an_accusation_held_by_a_fixed_expression() -> None:
    """ "impute la responsabilité" is "holds … responsible", an allegation the statement carries."""
    french = "Paris impute la responsabilité de l'incendie à un groupe armé."
    verdict, failed = _check(
        french, "Paris holds an armed group responsible for the fire.", certainty="alleged"
    )
    assert verdict == "verified", failed


@needs_dicts
def test_a_short_name_confirms_the_source_named_in_full_before() -> None:
    verdict, failed = _check(
        "L'avocat Jean Dupuis a plaidé l'acquittement.\n\n« Mon client est innocent », a ajouté Me Dupuis.",
        "Jean Dupuis said his client is innocent.",
        quote="« Mon client est innocent », a ajouté Me Dupuis",
        sentence=2,
        attributed_to={"name": "Jean Dupuis", "mention": ""},
    )
    assert verdict == "verified", failed


@needs_dicts
def test_a_quotations_il_is_not_its_speaker_even_when_the_quote_starts_inside() -> None:
    # The dev run, verified: Darko Mladic speaks of his father ("Il n'a pas l'énergie"), and the
    # pipeline's quote began after "Il n'a pas".
    french = (
        "\"Il n'a pas l'énergie nécessaire\" et sa mémoire peut lui jouer des tours, a expliqué Darko Mladic."
    )
    quote = "l'énergie nécessaire\" et sa mémoire peut lui jouer des tours, a expliqué Darko Mladic"
    statement = "Darko Mladic explained that he did not have the necessary energy."
    verdict, failed = _check(french, statement, quote=quote)
    assert verdict == "unsupported" and "'he' is the speaker" in failed["frame"], failed
    assert _check(french.replace("Il n'a", "Je n'ai"), statement, quote=quote)[0] == "verified"


@needs_dicts
def test_the_country_of_a_source_may_be_named_earlier_but_never_by_similarity() -> None:
    # facts_dev: "the Lebanese authorities" for "Les autorités" in an article about Lebanon; it was
    # verified only because e5 put "Lebanese" next to "livre" in the sentence before.
    before = "La livre a perdu la moitié de sa valeur. Le dollar vaut 4.000 livres. "
    sentence = "Les autorités tablent sur une inflation de plus de 50% pour 2020."
    fact = {"certainty": "speculative", "attributed_to": {"name": "Lebanese authorities", "mention": ""}}
    statement = "The authorities expect inflation of more than 50% in 2020."
    verdict, failed = _check(before + sentence, statement, sentence=3, quote=sentence, **fact)
    assert failed.get("attribution", "").startswith("'Lebanese authorities' not named"), failed
    verdict, failed = _check(
        "Le Liban s'enfonce dans la crise. " + before + sentence,
        statement,
        sentence=4,
        quote=sentence,
        **fact,
    )
    assert verdict == "verified", failed


@needs_dicts
def test_the_words_of_a_name_stand_together_in_the_french() -> None:
    # Resampled seed 000: "la RPDC" became "the Russian Development Agency", verified from "Russie",
    # "sont devenues" (develop) and "ressources" (agency) spread over the sentence.
    from summarizer.check.entities import name_in

    french = (
        "Les armes transférées à la Russie pourraient rapporter des milliards de dollars à la RPDC, ce qui "
        "pourrait contribuer à reconstituer ses ressources financières, en particulier face aux sanctions "
        "qui sont déjà devenues une contrainte importante pour l'économie du pays."
    )
    assert not name_in("Russian Development Agency", french)
    assert name_in("DPRK", french)
    assert name_in("Special Tribunal for Lebanon", "Le Tribunal spécial pour le Liban a rendu son verdict.")
    assert name_in("UN Security Council", "Le Conseil de sécurité de l'ONU s'est réuni lundi.")


_PRONOUN_ARTICLE = (
    "Anne Martin dirige l'école de Limas depuis 2015. {between}Les parents avaient alerté la mairie en mars.\n\n"
    "{last}"
)
_ADMITTED = "Mardi, devant le tribunal, elle a reconnu une erreur."


@needs_dicts
@pytest.mark.parametrize(
    ("between", "last", "verified"),
    [
        # the person a pronoun stands for, named two sentences before (Limas, a place, is no one)
        ("", _ADMITTED, True),
        # someone else named in full since: "elle" may be her
        ("La maire Claire Dubois a ouvert une enquête. ", _ADMITTED, False),
        # or in the sentence itself
        ("", "Mardi, Claire Dubois a dit qu'elle a reconnu une erreur.", False),
    ],
)
def test_a_pronoun_stands_for_the_person_named_just_before(between: str, last: str, verified: bool) -> None:
    article = _PRONOUN_ARTICLE.format(between=between, last=last)
    verdict, failed = _check(
        article,
        "On Tuesday, in court, Anne Martin admitted a mistake.",
        quote=last.rstrip("."),
        sentence=4 if between else 3,
    )
    assert (verdict == "verified") is verified, failed
    if not verified:
        assert "Anne Martin" in failed["statement:names"]


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "check", "words"),
    [
        # the addressee after "auprès de" is no source either, and a "maire sortant" is no mayor "leaving"
        ("Les masques arrivent en rouleau, s'est ému auprès du Parisien le maire Geoffroy Boulard.", "The masks arrive in a roll, according to the Parisian mayor Geoffroy Boulard.", "frame", "'Parisian' is whom the speaker told"),
        ("Le maire sortant a été réélu dimanche.", "The mayor leaving was re-elected on Sunday.", "statement:words", "'leaving'"),
        # a clause opening on "ce que" names a thing: the dev run's "We can do it, our soldiers can do it,
        # everyone saw it in Ladakh" for "Ce que nous pouvons faire, … tout le monde a vu cela au Ladakh"
        ("\"Ce que nos soldats peuvent faire, tout le monde l'a vu au Ladakh\", a-t-il lancé.", "Our soldiers can do it, everyone saw it in Ladakh, he said.", "degree", "'ce que' is not carried"),
        # a subject's own claim told as fact (the dev run: "The former Guignols received threats of death"
        # for "L'ex-plume des Guignols assure avoir reçu des menaces de mort")
        ("Le chroniqueur assure avoir reçu des menaces de mort.", "The columnist received death threats.", "certainty", "'assure avoir reçu'"),
        # a quotation's "il" is someone else than its speaker (the dev run: Darko Mladic about his father)
        ("\"Il n'a pas l'énergie nécessaire\", a expliqué Darko Mladic.", "Darko Mladic explained that he did not have the necessary energy.", "frame", "'he' is the speaker in the statement"),
        # "le croiser": run into him, not cross him (the dev run: "if I cross him, I will fight to death")
        ("Si je le croisais, je me battrais avec lui.", "If I crossed him, I would fight him.", "statement:words", "'crossed'"),
        # "régler la note": pay the bill, not settle a note
        ("Une cliente a commis une erreur en voulant régler la note.", "A customer made an error while settling the note.", "statement:words", "'note'"),
        # "la note est salée": the bill is steep, not salted
        ("La note a dû être salée.", "The note was supposed to be salted.", "statement:words", "'salted'"),
        # whom the speaker told made the source or a title (the dev run: "said AFP President Munira
        # Subasic", "according to Parisian Gérard Hébert", "reports Marianne")
        ("Nous n'y étions pas, a déclaré à l'AFP Munira Subasic, présidente de l'association.", "We were not there, said AFP President Munira Subasic.", "frame", "'AFP' is whom the speaker told"),
        ("Les esprits se sont enflammés, explique au Parisien Gérard Hébert.", "The spirits flared up, according to Parisian Gérard Hébert.", "frame", "'Parisian' is whom the speaker told"),
        ("Il a menacé ma femme, rapporte-t-il à Marianne.", "He threatened my wife, reports Marianne.", "frame", "'Marianne' is whom the speaker told"),
        # a lack said on both sides is no negation, but a negated lack is
        ("Le maire a confié au Monde que la ville manquait de moyens.", "The mayor told Le Monde that the city did not lack means.", "polarity", "the statement negates"),
        # "reporter" means postpone: the look-alike must not render "report"
        ("Le gouvernement a dû reporter le défilé militaire.", "The government had to report the military parade.", "statement:words", "'report'"),
        # "Sea" and "Mediterranean" cannot both rest on "mer"
        ("Le camion a explosé sur le front de mer à Beyrouth.", "The truck exploded on the Mediterranean Sea front in Beirut.", "statement:names", "Mediterranean"),
        # the sentence's source made a participant: "selon la Croix-Rouge" is not "at the Red Cross"
        ("Dix personnes ont été soignées sur place, selon la Croix-Rouge.", "Ten people were treated at the Red Cross.", "frame", "source"),
        # the paper of a closing incise made a target (dev census: "…, révèle Marianne" → "against Marianne")
        ("Bruno Gaccio a déposé deux plaintes à l'encontre de l'humoriste Yassine Belattar, révèle Marianne.", "Bruno Gaccio filed two complaints against the humorist Yassine Belattar, against Marianne.", "frame", "'Marianne' is the source"),
        # "report" (the noun) means postponement too
        ("Les juges ont refusé un nouveau report du procès.", "The judges refused a new report on the trial.", "statement:words", "'report'"),
        # "un million" is not "millions"
        ("Ils accusent la Chine d'avoir interné au moins un million de musulmans.", "They accuse China of interning millions of Muslims.", "statement:words", "'millions'"),
        # the parts of "belle-mère" and "nord-ouest" do not render "mother" and "north"
        ("Sa belle-mère a été tuée dans l'attaque.", "Her mother was killed in the attack.", "statement:words", "'mother'"),
        # nor a synonym through a light verb ("parvenue" → get ~ beget ~ "mother")
        ("Si Zia Gul est parvenue à leur échapper, sa belle-mère a été tuée dans l'attaque.", "Zia Gul escaped, but her mother was killed in the attack.", "statement:words", "'mother'"),
        # nor may a similarity find "sister" in a name ("Zia")
        ("Si Zia Gul a pu s'enfuir, sa belle-sœur a été gravement blessée.", "Zia Gul fled, and her sister was badly injured.", "statement:words", "'sister'"),
        ("Le bar est situé à 80 kilomètres au nord-ouest de Manille.", "The bar is 80 kilometres north of Manila.", "statement:words", "'north'"),
        # "aurait dû" is still not a plain assertion
        ("Le maire aurait dû démissionner en mars.", "The mayor resigned in March.", "certainty", "speculative"),
        # another ordinal
        ("C'est la cinquième fois que le fleuve déborde depuis 2010.", "It is the sixth time the river has overflowed since 2010.", "statement:numbers", "6"),
        # the roles of a name with its title reversed
        ("Le secrétaire d'Etat américain Antony Blinken a exhorté Israël à limiter ses frappes.", "Israel urged US Secretary of State Antony Blinken to limit its strikes.", "frame", "'Israel' acts"),
        # another country's adjective
        ("La police nord-irlandaise a arrêté deux hommes.", "The Southern Ireland police arrested two men.", "statement:names", "Southern Ireland"),
        # "planned" is an act, not a hedge: the suspicion is dropped
        ("Ils sont soupçonnés d'avoir planifié un attentat contre une église.", "They planned an attack on a church.", "certainty", "alleged"),
        # a similarity may not rest on a word the attribution takes ("life" ~ "immigration")
        ("M. Smith est désormais interdit de territoire, a ajouté le bureau de l'immigration.", "Smith is now banned for life from the territory, the immigration bureau added.", "statement:words", "'life'"),
        # another body of the same organisation
        ("Le tribunal a été mis en place après une résolution du Conseil de sécurité de l'ONU.", "The tribunal was set up after a UN Human Rights Council resolution.", "statement:names", "Human Rights"),
        # a negation the sentence does not have ("en son absence" is not one)
        ("Il a été condamné en son absence à dix ans de prison.", "He was not sentenced to ten years in prison.", "polarity", "negates"),
        # cut off: no full stop and no verb
        ("En début de soirée, quelques centaines de manifestants s'étaient rassemblés.", "At the beginning of the evening, several hundred protesters", "statement:whole", "cut off"),
        # a fixed expression's words rendered one by one: "pris acte" is not "took action"
        ("Le ministre a pris acte de la décision des juges.", "The minister took action on the judges' decision.", "statement:words", "'action'"),
        ("Le suspect a été mis en examen pour meurtre.", "The suspect was examined for murder.", "statement:words", "'examined'"),
        ("Le conducteur a pris la fuite.", "The driver took the flight.", "statement:words", "'flight'"),
        # degree words: "peu" (few) dropped, "lui-même" (himself) turned into "him"
        ("Peu d'habitants portaient un masque dimanche.", "Residents wore masks on Sunday.", "degree", "'peu'"),
        ("Il s'absentait souvent de lui-même.", "He was often absent from him.", "degree", "'lui-même'"),
        # an exhortation said as a fact: "Soyons sérieux" is not "We are serious"
        ("« Soyons sérieux », a répondu le ministre.", "We are serious, the minister replied.", "degree", "'soyons'"),
        # the future told as done: "distribuera" is not "distributed"
        ("La mairie distribuera des masques chirurgicaux.", "City hall distributed surgical masks.", "tense", "'distribuera'"),
        # a passive's agent made the object: "remplacé par des vols d'avions" is not "will replace the planes"
        ("Le défilé sera remplacé par des vols d'avions militaires.", "The parade will replace the military planes.", "frame", "it acts ('par des vols"),
        # another person acts: "Ils m'attaquent" is not "He has attacked"
        ("« Ils m'attaquent parce que je me bats pour vous », a-t-il lancé.", "He has attacked because he is fighting for you, he said.", "frame", "'Ils'"),
        # false friends through a synonym too: apologie (glorification), interpellées (detained)
        ("Il a épinglé un tweet pour apologie de la violence.", "He pinned a tweet to apologize for violence.", "statement:words", "'apologize'"),
        ("Quatre personnes ont été interpellées lundi soir.", "Four people were interrogated on Monday evening.", "statement:words", "'interrogated'"),
        # another hour
        ("Les incidents ont éclaté vers 18h entre deux groupes.", "The incidents broke out around 8 pm between two groups.", "statement:numbers", "20"),
        # "own" is content ("his own" face), not a function word
        ("Son visage, lui, ne pouvait pas l'être.", "His face could not be his own.", "statement:words", "'own'"),
        # "prevented" needs the French negation it carries: "permettait" alone is allowed, not prevented
        ("Son état de santé lui permettait de témoigner.", "His state of health prevented him from testifying.", "statement:words", "'prevented'"),
        # a title and a name's words may not rest on the same French word ("Council", "Decisions": conseil)
        ("Il a été nommé au Conseil présidentiel des villes.", "He was named to the Council of Presidential Decisions for Cities.", "statement:names", "Decisions"),
        # another ordinal, another acronym
        ("Le maire du XVIIe arrondissement a parlé.", "The mayor of the 14th arrondissement spoke.", "statement:numbers", "14"),
        ("Le maire (LR) du XVIIe arrondissement a parlé.", "The mayor (PS) of the 17th arrondissement spoke.", "statement:names", "'PS'"),
        # verified on the dev run: "il m'est revenu d'annoncer" (it fell to me to announce) word for word
        ("Il m'est revenu d'annoncer la nouvelle aux salariés.", "It came back to announce the news to the employees.", "statement:words", "'came back'"),
        # verified on the dev run: "je me suis retrouvé face à mon épouse" (found myself facing) as "met"
        ("Quand je me suis retrouvé face à mon épouse, je ne l'ai pas reconnue.", "When I met my wife, I didn't recognize her.", "statement:words", "'met'"),
        # verified on the dev run: "l'ex-plume des Guignols" (its former writer) left as "the ex-plume"
        ("L'ex-plume des Guignols assure avoir reçu des menaces de mort.", "The ex-plume of the Guignols claims to have received death threats.", "statement:words", "'plume'"),
        # verified on the dev run: comédiennes (actresses) made "comedians"
        ("Plusieurs comédiennes ont été entendues par la police.", "Several comedians were heard by the police.", "statement:words", "'comedians'"),
        # verified on the dev run: the embassy's spokesman made "the Chinese ambassador" (ambassade: embassy)
        ("Le porte-parole de l'ambassade de Chine, Wang Yongjun, a écrit une lettre.", "Wang Yongjun, the Chinese ambassador, wrote a letter.", "statement:words", "'ambassador'"),
        # a false friend through no layer: "audiences" (court hearings) is not "audience", even by a typo's letter
        ("Les audiences du procès ont été reportées.", "The audiences of the trial were postponed.", "statement:words", "'audiences'"),
        # who did what to whom, between people named by a noun: after an article, after a number
        ("Trois hommes ont agressé un policier à Lyon.", "A policeman attacked three men in Lyon.", "frame", "'policeman' acts"),
        ("La police a arrêté trois hommes.", "Three men arrested the police.", "frame", "'men' acts"),
        ("Des soldats chinois ont tué deux manifestants.", "Two protesters killed Chinese soldiers.", "frame", "'protesters' acts"),
        # "the Lebanese pound" is a currency: "livre" renders no "book" there
        ("Les manifestants dénoncent l'effondrement de la livre libanaise.", "The protesters denounce the collapse of the Lebanese book.", "statement:words", "'book'"),
        # an embedding that reads letters: "mardi" is not "March", "muse" not "museum"
        ("Mardi, le ministre s'était dit ouvert à une discussion.", "On March 2nd, the minister said he was open to a discussion.", "statement:dates", "March"),
        ("La muse du chanteur revient sur sa personnalité.", "The singer's museum looks back on his personality.", "statement:words", "'museum'"),
        # another currency
        ("Elle a payé par erreur 6430 euros pour deux cafés.", "She mistakenly paid $6,430 for two coffees.", "quantity:unit", "dollar"),
        # "une dizaine" is about ten, not ten
        ("Une dizaine de familles ont été aidées.", "Ten families were helped.", "quantity:qualifier", "dizaine"),
        # "tant que" is "as long as", never "until"; "la prison à vie" no death sentence
        ("Il n'y aura jamais de zone autonome tant que je serai président.", "There will never be an autonomous zone until I am president.", "statement:words", "'until'"),
        ("Il a été condamné en appel à la prison à vie.", "He was sentenced on appeal to a death sentence.", "statement:words", "'death'"),
        # a country is not a person's nationality: "une cliente russe" is no "Russia"
        ("Depuis mars, la cliente russe est sans nouvelles du gérant.", "Since March, Russia has had no news from the manager.", "statement:names", "'Russia'"),
        # an absence the statement drops: "l'insuffisance de preuves" is not "the weight of the evidence"
        ("Les juges ont relevé l'insuffisance des preuves contre les trois accusés.", "The judges noted the weight of the evidence against the three defendants.", "degree", "insuffisance"),
        # charged is not convicted; "interpellé" is not "questioned"; "manifestons" is not "manifesting"
        ("Les deux hommes ont été inculpés de meurtre.", "The two men were convicted of murder.", "statement:words", "'convicted'"),
        ("Un diplomate a été interpellé en Allemagne.", "A diplomat was questioned in Germany.", "statement:words", "'questioned'"),
        ("Nous manifestons pour obtenir nos droits.", "We are manifesting to obtain our rights.", "statement:words", "'manifesting'"),
        # fixed expressions: "billet vert" (the dollar), "frapper au couteau" (stab), "rompu aux" (hardened to)
        ("Le billet vert valait 4.000 livres samedi.", "The green bill was worth 4,000 pounds on Saturday.", "statement:words", "'green'"),
        ("Ils sont revenus frapper au couteau les blessés.", "They came back to beat the wounded.", "statement:words", "'beat'"),
        ("Le pays, rompu aux horreurs de la guerre, a été choqué.", "The country, which broke the horrors of war, was shocked.", "statement:words", "'broke'"),
        # "chantage" is blackmail, not a change
        ("Ils visent à soumettre l'Etat à un chantage.", "They aim to subject the state to a change.", "statement:words", "'change'"),
        # a clock time told as a duration: "vers 18 heures" is not "around 18 hours"
        ("Les soucis ont commencé vers 18 heures entre deux groupes.", "The trouble began around 18 hours between two groups.", "quantity:unit", "duration"),
        # "women" is not any capitalised word: a man's first name confirms no woman
        ("Trois personnes, dont Germain, ont été arrêtées.", "Three women, including Germain, were arrested.", "statement:words", "'women'"),
        # verified on the dev run: calques and false friends (the prosecutor's office, a TV host, booing,
        # filing a complaint, the foreign ministry)
        ("Quelque 25.000 personnes étaient présentes, a précisé le parquet fédéral.", "About 25,000 people were present, the federal parquet said.", "statement:words", "'parquet'"),
        ("Jessie Claire, jeune animatrice de radio, a porté plainte.", "Jessie Claire, a young radio actress, filed a complaint.", "statement:words", "'actress'"),
        ("Des manifestants se sont rassemblés pour conspuer les élites.", "Protesters gathered to conspire against the elites.", "statement:words", "'conspire'"),
        ("La présidente de la région a annoncé un dépôt de plainte.", "The president of the region announced a complaint deposit.", "statement:words", "'deposit'"),
        ("Un porte-parole de la diplomatie chinoise a démenti.", "A Chinese diplomat's spokesman denied it.", "statement:words", "'diplomat'"),
        # verified on a re-check: "interpellations" are arrests; "police judiciaire" is the judicial police
        ("Ces interpellations suivent une enquête confiée à la police judiciaire et la sûreté urbaine.", "These interrogations follow an investigation entrusted to the judicial police and urban safety.", "statement:words", "'interrogations'"),
        ("Ces interpellations suivent une enquête confiée à la police judiciaire et la sûreté urbaine.", "These arrests follow an investigation entrusted to the police judiciary and urban safety.", "statement:words", "'judiciary'"),
        # verified on the dev run: a word whose French word serves another is not rescued by a similarity
        ("Problème, celle où son premier enfant a vu le jour a fermé ses portes depuis.", "The problem was when his first child was born, and he closed his doors since.", "statement:words", "'doors'"),
        # a false friend read as a name ("the Federal Parquet"); an idiom word for word
        ("Quelque 25.000 personnes étaient présentes, selon le parquet fédéral.", "About 25,000 people were present, according to the Federal Parquet.", "statement:names", "Federal Parquet"),
        ("Nous nous étions dit : à la vie, à la mort.", "We had said to each other: to life, to death.", "statement:words", "'life'"),
        # "pas assez" (not enough) is not "not" (verified on the dev run)
        ("Elle a dit qu'elle n'était pas assez informée des dangers.", "She said she was not informed of the dangers.", "degree", "'assez'"),
        # a French acronym left as it is (verified on the dev run)
        ("Lui-même critique envers l'Otan, le président américain a attaqué son homologue.", "The US president, himself critical of the OTAN, attacked his counterpart.", "statement:words", "'OTAN'"),
        # "notamment" opens a list that is not the whole
        ("Les interpellations ont été menées notamment à Dijon et Besançon.", "The arrests were carried out in Dijon and Besançon.", "degree", "'notamment'"),
        # a quotation put into reported speech with its "we": whose side is "we" now?
        ("« Nous produirons un vaccin avant la fin de l'année », a-t-il lancé.", "He announced that we will produce a vaccine before the end of the year.", "statement:whole", "first person"),
    ],
)  # fmt: skip
def test_false_statements_are_rejected_with_the_reason(
    french: str, statement: str, check: str, words: str
) -> None:
    verdict, failed = _check(french, statement)
    assert verdict != "verified"
    assert check in failed and words in failed[check], failed


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Some suggested renaming up to ten military bases", True),
        ("The charges were not linked to M. Mladic", True),
        ("Pompeo met Netanyahu in Jerusalem", True),
        ("The Sino-Israeli cooperation is", False),
        ("These are dangerous violations of confinement,", False),
        ("He was sentenced for his role in the war, which made", False),
        ("Afghanistan: broken lives of the victims", False),
        ("The spokesman denied it. We call on all the parties and ask the", False),
    ],
)
def test_a_statement_ends_like_a_sentence(text: str, ends: bool) -> None:
    assert whole(text) is ends


def test_a_french_word_opening_a_claim_is_not_a_name() -> None:
    assert statement_names("La police a arrêté trois personnes à Oslo.") == ["Oslo"]
    assert statement_names("Pemberton is now banned from the territory.") == ["Pemberton"]


def test_according_to_inside_or_closing_is_the_attribution() -> None:
    assert split_attribution("The gunmen, according to Akram, first shot at the victims.") == (
        ", according to Akram,",
        "The gunmen first shot at the victims.",
    )
    source, core = split_attribution("Unemployment rose, according to the Finance Ministry.")
    assert source == ", according to the Finance Ministry" and core == "Unemployment rose."


def test_a_passive_reporting_verb_is_no_attribution() -> None:
    """ "…, has not been claimed by any group." says who did not claim; it names no source."""
    text = "The attack, which shocked Kabul, has not been claimed by any group."
    assert split_attribution(text) == ("", text)
    assert split_attribution("The masks arrive in rolls, the mayor said.")[0] == ", the mayor said."


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        ("He has attacked because he is fighting for you, he said.", False),
        ("They attack me because I fight for you, he said.", True),
    ],
)
def test_a_quote_right_after_its_subject_pronoun_keeps_its_person(statement: str, verified: bool) -> None:
    """The model's quote may start after "Ils": "m'attaquent…" is still theirs, not his."""
    french = "« Ils m'attaquent parce que je me bats pour vous », a-t-il lancé."
    quote = "m'attaquent parce que je me bats pour vous"
    verdict, failed = _check(french, statement, quote=quote, certainty="reported")
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'Ils'" in failed["frame"]


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [("They were convicted of murder.", False), ("They were charged with murder.", True)],
)
def test_a_pronoun_sentence_takes_its_referent_from_before_not_its_verb(
    statement: str, verified: bool
) -> None:
    """ "Ils" may be the men of the sentence before; "condamnés" there is not what this one says."""
    french = "Deux hommes ont été condamnés lundi à Lyon. Ils ont été inculpés de meurtre."
    verdict, failed = _check(french, statement, sentence=2, quote="Ils ont été inculpés de meurtre")
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'convicted'" in failed["statement:words"]


@needs_dicts
@pytest.mark.parametrize(
    ("second", "statement", "verified"),
    [
        # the clitic "en" stands for the sentence before's cakes, after a clitic or before a verb
        ("L'institutrice lui en a donné deux.", "The teacher gave him two cakes.", True),
        (
            "L'institutrice en distribue deux à chaque enfant.",
            "The teacher distributes two cakes to each child.",
            True,
        ),
        # no "en": the cakes are not this sentence's; the preposition "en" takes a noun, not them
        ("L'institutrice lui a donné deux livres.", "The teacher gave him two cakes.", False),
        ("L'institutrice, en colère, lui a donné deux livres.", "The teacher gave him two cakes.", False),
    ],
)
def test_a_clitic_en_takes_its_noun_from_the_sentence_before(
    second: str, statement: str, verified: bool
) -> None:
    french = f"Des gâteaux avaient été préparés pour la fête. {second}"
    verdict, failed = _check(french, statement, sentence=2, quote=second.rstrip("."))
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'cakes'" in failed["statement:words"]


@needs_dicts
def test_a_common_acronym_needs_its_french_words() -> None:
    verdict, failed = _check("La cliente a composé son numéro de téléphone.", "The customer entered her PIN.")
    assert verdict != "verified"
    assert "'PIN'" in failed["statement:words"]


@needs_dicts
def test_a_possessive_without_its_owner_is_garbled() -> None:
    # Seen on the dev run, verified: "…died unexpectedly, according to 's reasons of health'."
    french = "L'ambassadeur est décédé de manière inattendue, a indiqué le ministère en évoquant des raisons de santé."
    verdict, failed = _check(
        french, "The ministry said the ambassador died unexpectedly, according to 's reasons of health'."
    )
    assert verdict != "verified" and "garbled" in failed["statement:whole"]
    assert (
        _check(french, "The ministry said the ambassador died unexpectedly, citing health reasons.")[0]
        == "verified"
    )


@needs_dicts
@pytest.mark.parametrize(
    ("text", "verb"),
    [
        # fragments the model wrote, each verified before: nothing in them can be true or false
        ("Republicans nationalist (Catholic) opponents, supporters of the Irish reunification.", False),
        ("Police officers, including members of a medical team.", False),
        ("The emotional goodbye of Jacques Higelin's ex-wife to the artist.", False),
        ("Amir S., 38 years old.", False),
        ("The Chinese Communist Party, according to his part the US ambassador Mike Pompeo.", False),
        # verbs in -s, after a plural or a number, after an adverb, the same in the past, contracted
        ("He accepts insults.", True),
        ("The masks arrive in rolls.", True),
        ("According to the poll, 58.2% disapprove of his response.", True),
        ("We already know more friendly reunions.", True),
        ("A lorry hit the crowd in Nice.", True),
        ("One birth in ten goes wrong.", True),
        ("It's about finding peace of mind.", True),
        ("Users cannot 'like' the message.", True),
        # an adjective in -ed that no verb gives is no past form (a shortened statement kept this); a
        # verb WordNet does not know is still one
        ("This unexpected liberation of Joseph Scott Pemberton.", False),
        ("The unexpected liberation sparked outrage.", True),
        ("Police teargassed the protesters.", True),
    ],
)
def test_a_statement_needs_a_verb(text: str, verb: bool) -> None:
    assert has_verb(text) == verb


@needs_dicts
def test_a_verbless_statement_is_not_verified() -> None:
    verdict, failed = _check(
        "Le dernier sommet entre Poutine et Kim Jong-un.", "The last summit between Putin and Kim Jong-un."
    )
    assert verdict != "verified"
    assert "no verb" in failed["statement:whole"]


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "shorter"),
    [
        (
            "Forty-eight people were injured, including 37 who were treated at the Red Cross.",
            ["Forty-eight people were injured."],
        ),
        # a relative clause between commas goes, not the words around it; what is left must stand on
        # its own: a main verb, a verb after "that", both sides of "between"
        (
            "The attack, which shocked Kabul, has not been claimed by any group.",
            ["The attack has not been claimed by any group."],
        ),
        (
            "Trump said that Soleimani, whom he called a terrorist, was planning attacks.",
            ["Trump said that Soleimani was planning attacks."],
        ),
        (
            "There is no link between Mladic, who was convicted in 2017, and the murders.",
            ["There is no link between Mladic and the murders."],
        ),
        ("The attack, which shocked Kabul.", []),
        # an opening concessive clause goes; a time or a condition stays ("no attack" is not "no attack in 2019")
        (
            "While Europe is reopening, Russia is second, but ahead of Brazil, according to the AFP.",
            [
                "While Europe is reopening, Russia is second, according to the AFP.",
                "Russia is second, but ahead of Brazil, according to the AFP.",
                "Russia is second, according to the AFP.",
            ],
        ),
        ("In 2019, no attack was claimed by any group.", []),
        ("If the left wins, they will demolish the suburbs.", []),
        # the source stays: never cut before "as written by", nor drop a closing "according to"
        ("China uses coercive birth control, as written by Adrian Zenz.", []),
        (
            "Kim could receive food aid, including rice and wheat, according to analysts.",
            ["Kim could receive food aid, according to analysts."],
        ),
        (
            "He accepts insults, but a threshold has been reached, says Bruno Gaccio.",
            ["He accepts insults, says Bruno Gaccio."],
        ),
    ],
)
def test_a_statement_shortened_to_its_main_clause(statement: str, shorter: list[str]) -> None:
    assert [short for short, _ in shortened(statement)] == shorter


@needs_dicts
def test_the_shortened_statement_is_checked_like_any_other() -> None:
    """The pipeline keeps a shorter form only when the checker verifies it: here the appended clause
    adds a number the sentence lacks, and the main clause holds."""
    french = "Quarante-huit personnes ont été blessées, dont 37 soignées sur place."
    long = "Forty-eight people were injured, including 37 who were treated at the Red Cross."
    assert _check(french, long)[0] != "verified"
    short, left = shortened(long)[0]
    assert left == "including 37 who were treated at the Red Cross"
    assert _check(french, short)[0] == "verified"


@needs_dicts
def test_the_pipeline_keeps_the_verified_shorter_statement_and_says_what_it_left_out() -> None:
    french = "Quarante-huit personnes ont été blessées, dont 37 soignées sur place."
    long = "Forty-eight people were injured, including 37 who were treated at the Red Cross."
    article, fact = _fact(french, long)
    fact.check = check_fact(article, fact)
    facts, dropped = [fact], list[Dropped]()
    mend_unconfirmed(article, facts, dropped)
    assert facts[0].statement == "Forty-eight people were injured."
    assert facts[0].check is not None and facts[0].check.verdict == "verified"
    assert dropped[0].statement == fact.statement
    assert "'including 37 who were treated at the Red Cross' was not confirmed" in dropped[0].reason


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "sentence", "said"),
    [
        # the dev run: the speaker of a pronoun incise dropped, the statement's only fault
        (
            "Ce cabinet a adopté les mêmes politiques que les gouvernements précédents, regrette-t-elle.",
            "This cabinet adopted the same policies as previous governments.",
            1,
            "This cabinet adopted the same policies as previous governments, she said.",
        ),
        # a quotation whose speaker is the incise of the sentence before
        (
            '"Il voit cela à travers le prisme politique", a-t-il affirmé. "Il espère plus de violence, pas moins.',
            "He hopes for more violence, not less.",
            2,
            "He hopes for more violence, not less, he said.",
        ),
        # a question's inversion is no incise: nothing to add
        ("Le maire a démissionné, annonce la mairie, mais est-il parti?", "The mayor resigned.", 1, None),
        # the dev run: an incise closing on the speaker's full name
        (
            '"Les masques seront distribués samedi", a insisté Jean-François Martins.',
            "The masks will be distributed on Saturday.",
            1,
            "The masks will be distributed on Saturday, Jean-François Martins said.",
        ),
        # a speaker named by a title: test_views_and_speakers.py
    ],
)
def test_the_pipeline_says_the_source_an_incise_gives(
    french: str, statement: str, sentence: int, said: str | None
) -> None:
    quote = prepare("t", "t.txt", french, "utf-8", "txt", False).sentences[sentence - 1].text
    article, fact = _fact(french, statement, sentence, quote=quote.rstrip("."))
    fact.check = check_fact(article, fact)
    assert fact.check.verdict == "partial"
    facts, dropped = [fact], list[Dropped]()
    mend_unconfirmed(article, facts, dropped)
    if said is None:
        assert facts == [fact] and not dropped
        return
    assert facts[0].statement == said
    assert facts[0].check is not None and facts[0].check.verdict == "verified"
    assert dropped[0].statement == statement and dropped[0].reason.startswith("sourced:")


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # "bill" and "card" would both rest on "carte": one French word renders one English word
        ("La cliente a payé avec sa carte bleue.", "The customer paid the bill with her blue card.", False),
        (
            "La cliente a payé l'addition avec sa carte bleue.",
            "The customer paid the bill with her blue card.",
            True,
        ),
        # the table renders two English words by one French word ("policiers": police officers)
        ("Trois policiers ont été blessés.", "Three police officers were injured.", True),
    ],
)
def test_one_french_word_renders_one_english_word(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'bill'" in failed["statement:words"]


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "missing"),
    [
        # a verb or noun that hedges or reports is content like any other: "the call" is not l'appel
        (
            "La procureure a demandé aux juges de rejeter l'appel de M. Dupont.",
            "The prosecutor asked the judges to reject the call of Mr. Dupont.",
            "'call'",
        ),
        (
            "Le candidat a dénoncé une exploitation cynique.",
            "The candidate declared a cynical exploitation.",
            "'declared'",
        ),
        # and is confirmed by the French verb that renders it
        (
            "Surnommé le Boucher des Balkans, Mladic a été condamné en 2017.",
            "Called the Butcher of the Balkans, Mladic was sentenced in 2017.",
            "",
        ),
        (
            "Les autorités tablent sur une inflation de plus de 50%.",
            "The authorities expect inflation of more than 50%.",
            "",
        ),
    ],
)
def test_reporting_and_hedging_verbs_need_their_french_verb(
    french: str, statement: str, missing: str
) -> None:
    verdict, failed = _check(
        french, statement, certainty="speculative" if "tablent" in french else "asserted"
    )
    assert (verdict == "verified") == (not missing), failed
    if missing:
        assert missing in failed["statement:words"]


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        ("Many families have very low incomes, or none at all.", False),
        ("Many families have very low incomes, or almost none.", True),
    ],
)
def test_a_negation_from_another_clause_brings_its_degree_word(statement: str, verified: bool) -> None:
    french = "Beaucoup de familles ont des revenus très bas, ou presque aucun revenu du tout."
    verdict, failed = _check(french, statement, quote="Beaucoup de familles ont des revenus très bas")
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'presque' is not carried" in failed["degree"]


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # a rewrite on the dev run dropped "plus" and said the opposite of the sarcasm
        (
            "On a déjà connu des retrouvailles plus chaleureuses.",
            "We have already known warm reunions.",
            False,
        ),
        (
            "On a déjà connu des retrouvailles plus chaleureuses.",
            "We have already known warmer reunions.",
            True,
        ),
        # what is compared left out of the statement: no degree to carry
        (
            "La guerre de 1962 a opposé les deux pays les plus peuplés du monde.",
            "The 1962 war opposed the two countries.",
            True,
        ),
        # "ne … plus" is "no longer", not a comparative; "longer" is no content word of its own
        ("Le restaurant ne sert plus de crêpes.", "The restaurant no longer serves crêpes.", True),
    ],
)
def test_a_comparative_is_carried_when_its_adjective_is(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'plus chaleureuses' is not carried" in failed["degree"]


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # verified on the dev run: a dictionary gives "faire" for "step" (faire un pas)
        ("Il y a trois nœuds à faire sur ce masque.", "There are three steps on this mask.", False),
        ("Il y a trois nœuds à faire sur ce masque.", "There are three knots to make on this mask.", True),
        # a fixed expression with "faire" holds an adverb: "fait désormais l'objet" (now faces)
        (
            "M. Pemberton fait désormais l'objet d'une interdiction du territoire.",
            "Mr. Pemberton now faces a ban from the territory.",
            True,
        ),
    ],
)
def test_faire_renders_only_its_own_verbs_and_fixed_expressions(
    french: str, statement: str, verified: bool
) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "copied"),
    [
        # verified on the dev run: the French word copied, not translated; as the first word; a French
        # inflected form no dictionary renders ("prosyriens")
        (_PROTEST, "Some manifestants called for the disarmament of Hezbollah.", "manifestants"),
        (_PROTEST, "Some protesters called for the disarmament of Hezbollah.", None),
        (_RALLY, "Manifestants also gathered in the cities of Saïda and Tyr.", "Manifestants"),
        (_RALLY, "Protesters also gathered in the cities of Saïda and Tyr.", None),
        (_GENERALS, "Four Lebanese generals prosyriens were arrested.", "prosyriens"),
        (_GENERALS, "Four Lebanese generals were arrested.", None),
        # a name opening the statement is no copied word
        ("Jura : une femme accouche sur la route.", "Jura: a woman gives birth on the road.", None),
    ],
)
def test_a_french_word_left_untranslated_is_no_english(
    french: str, statement: str, copied: str | None
) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == (copied is None), failed
    if copied:
        assert f"'{copied}' is not English" in failed["statement:words"]
        assert missing_words(failed["statement:words"]) == [copied]  # a rewrite is asked without it


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # word-for-word readings of common idioms (three were verified on the dev run)
        ("Selon lui, il met de l'huile sur le feu.", "According to him, he puts oil on the fire.", False),
        ("Selon lui, il met de l'huile sur le feu.", "According to him, he adds fuel to the fire.", True),
        (
            "Mardi, à la barre, elle a fait valoir son innocence.",
            "On Tuesday, at the bar, she argued her innocence.",
            False,
        ),
        (
            "Mardi, à la barre, elle a fait valoir son innocence.",
            "On Tuesday, on the stand, she argued her innocence.",
            True,
        ),
        ("Le premier ministre libanais a démissionné.", "The first Lebanese minister resigned.", False),
        # a calque is not excused by a guess on another word of the sentence (verified on the dev run:
        # e5 had "first" ~ "passage"; "views" for "des vues sur", "support" for "supporté")
        (
            "Rafic Hariri, Premier ministre jusqu'à sa démission, a été tué lors du passage de son convoi.",
            "Rafic Hariri, the first minister until his resignation, was killed.",
            False,
        ),
        (
            "Rafic Hariri, Premier ministre jusqu'à sa démission, a été tué lors du passage de son convoi.",
            "Rafic Hariri, the prime minister until his resignation, was killed.",
            True,
        ),
        (
            "A tous ceux qui ont eu des vues sur la souveraineté du pays, l'armée a répondu avec le même langage, a lancé M. Modi dans son discours.",
            "The army responded with the same language to those who had views on the country's sovereignty, said Modi in his speech.",
            False,
        ),
    ],
)
def test_an_idiom_is_not_read_word_for_word(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed


@needs_dicts
def test_a_light_verb_of_an_expression_locks_no_calque() -> None:
    # "cause" has "faire" among its renderings, here in "fait l'objet" (the sentence before, a clitic
    # "en"'s context): the light verb is no calque, and "provoquant" renders "causing"
    french = (
        "Des crêpes avaient été préparées, son allergie avait fait l'objet d'un projet. L'institutrice lui en a pourtant donné deux, "
        "provoquant ainsi son malaise fatal."
    )
    statement = "The teacher nevertheless gave him two crêpes, causing his fatal reaction."
    quote = "L'institutrice lui en a pourtant donné deux, provoquant ainsi son malaise fatal"
    verdict, failed = _check(french, statement, 2, quote)
    assert verdict == "verified", failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "slip"),
    [
        # verified on the dev run: a botched word a similarity paired with the French it came from
        (
            "Le procureur a pris acte des acquittements.",
            "The prosecutor took note of the acquittments.",
            "acquittments",
        ),
        ("Le procureur a pris acte des acquittements.", "The prosecutor took note of the acquittals.", None),
        # resampled on the dev set: a coinage; the source's own misspelling copied
        ("Ils ont interné un million de musulmans.", "They internated a million Muslims.", "internated"),
        ("Ils ont interné un million de musulmans.", "They interned a million Muslims.", None),
        (
            "La cliente a composé le code à la place du montant du pouboire.",
            "The customer entered the code instead of the amount of the pouboire.",
            "pouboire",
        ),
        # a French term English takes as it is
        ("La fusée a décollé du cosmodrome.", "The rocket took off from the cosmodrome.", None),
    ],
)
def test_a_word_no_lexicon_knows_is_a_slip(french: str, statement: str, slip: str | None) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == (slip is None), failed
    if slip:
        assert f"'{slip}' is no English word" in failed["statement:words"]
        assert missing_words(failed["statement:words"]) == [slip]  # a rewrite is asked without it


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # dev sample: a belief told without its condition
        ("This 28-year-old woman thinks the attackers have come to kill her, she explains.", False),
        (
            "Whenever she hears a loud sound or firecrackers, this 28-year-old woman thinks the attackers have "
            "come to kill her, she explains.",
            True,
        ),
    ],
)
def test_a_main_clause_keeps_its_condition(statement: str, verified: bool) -> None:
    french = (
        '"Dès que j\'entends un son fort ou des pétards, je pense que les assaillants sont venus pour me tuer", '
        "explique cette femme de 28 ans."
    )
    verdict, failed = _check(
        french, statement, quote="que j'entends un son fort ou des pétards, je pense que"
    )
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert failed == {"degree": "the condition 'Dès qu'… is not carried by the statement"}


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # resampled on the dev set: e5 put "Sunday" next to "lundi"
        ("Four people were arrested on Sunday evening.", False),
        ("Four people were arrested on Monday evening.", True),
    ],
)
def test_a_weekday_rests_on_its_french_name_only(statement: str, verified: bool) -> None:
    verdict, failed = _check("Quatre personnes ont été interpellées lundi soir.", statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert failed["statement:dates"].endswith("Sunday not in sentence 1")


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # resampled on the dev set: "la quatrième fois qu'une femme…" is no count of women
        (
            "C'est la quatrième fois qu'une femme n'a pas le temps d'arriver à l'hôpital.",
            "Four women have not had time to reach the hospital.",
            False,
        ),
        (
            "C'est la quatrième fois qu'une femme n'a pas le temps d'arriver à l'hôpital.",
            "It is the fourth time a woman has not had time to reach the hospital.",
            True,
        ),
        ("Trois hommes ont été arrêtés.", "The third man was arrested.", False),
        # dev run: "les 75 ans de la victoire" is an anniversary
        (
            "Le défilé célèbre les 75 ans de la victoire.",
            "The parade celebrates the 75th anniversary of the victory.",
            True,
        ),
        (
            "Le Brésil (3e) et le Royaume-Uni (4e) suivent.",
            "Brazil (3rd) and the United Kingdom (4th) follow.",
            True,
        ),
    ],
)
def test_a_rank_is_no_count(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "as a count" in failed["statement:numbers"] or "as a rank" in failed["statement:numbers"]


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # verified on the dev run: the sentence's source dropped, a claim told as a fact
        (
            "Quarante-huit personnes ont été blessées, selon la Croix-Rouge.",
            "Forty-eight people were injured.",
            False,
        ),
        (
            "Quarante-huit personnes ont été blessées, selon la Croix-Rouge.",
            "Forty-eight people were injured, according to the Red Cross.",
            True,
        ),
        (
            "Le parti qui doit faire des sacrifices, c'est le Hezbollah, a affirmé M. Hariri.",
            "The party that must make sacrifices is Hezbollah.",
            False,
        ),
        (
            "Le parti qui doit faire des sacrifices, c'est le Hezbollah, a affirmé M. Hariri.",
            "The party that must make sacrifices is Hezbollah, Mr. Hariri said.",
            True,
        ),
        # an inverted incise ("a-t-elle ajouté"), and a source the statement keeps with another verb
        (
            "Il a abusé des pouvoirs militaires dont il disposait, a-t-elle ajouté.",
            "He abused the military powers he had.",
            False,
        ),
        ("Respectez notre armée, a-t-il conclu.", "Respect our army, he concluded.", True),
        # a reaction is a source ("a réagi X": Pompeo's call on the CCP was verified as the CCP's own);
        # a paper that reveals an act ("révèle Marianne") is not one the act needs
        (
            "Le ministre a démissionné mardi, a réagi le président.",
            "The minister resigned on Tuesday.",
            False,
        ),
        ("Le ministre a démissionné mardi, révèle Le Monde.", "The minister resigned on Tuesday.", True),
        # a resampled dev statement: the clause's own verb ("urged") is not who reports it ("selon la presse")
        (
            "Mike Pompeo a exhorté Israël à limiter ces investissements, selon la presse.",
            "Mike Pompeo urged Israel to limit these investments.",
            False,
        ),
        (
            "Mike Pompeo a exhorté Israël à limiter ces investissements, selon la presse.",
            "Mike Pompeo urged Israel to limit these investments, according to the press.",
            True,
        ),
        # a quotation whose incise goes on past the tail: the speaker is in the sentence, the rewrite can say it
        (
            '"Certains ont suggéré de renommer jusqu\'à dix bases militaires légendaires", a tweeté le président '
            "américain, au moment où les manifestations contre le racisme ont relancé le débat sur le passé du pays.",
            "Some suggested renaming up to ten legendary military bases.",
            False,
        ),
        # the source of a quotation further on is not the source of the act before it
        (
            "La maire, Anne Hidalgo, s'est engagée à distribuer des masques, et « 500.000 masques vont être "
            "distribués la première semaine puis 300.000 chaque semaine jusqu'en juin », a-t-elle précisé.",
            "Anne Hidalgo pledged to distribute masks.",
            True,
        ),
    ],
)
def test_a_source_the_sentence_gives_is_kept(french: str, statement: str, verified: bool) -> None:
    check = check_fact(*_fact(french, statement, quote=french.split(",")[0]))
    failed = [c for c in check.checks if not c.ok]
    assert (check.verdict == "verified") == verified, failed
    if not verified:
        assert [c.name for c in failed] == ["certainty"] and "gives a source" in failed[0].detail
        assert repair(failed) == Repair(keep=("according to",))  # the rewrite is asked to keep it


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # verified on the dev run: a quotation's words told as fact; its speaker is named in the
        # sentence before (Biden), or in an incise too far on for the tail ("a tweeté le président…")
        (
            '"Il voit cela à travers le prisme politique", a-t-il affirmé sur MSNBC. '
            '"Il espère plus de violence, pas moins.',
            "He hopes for more violence, not less.",
            False,
        ),
        (
            '"Il voit cela à travers le prisme politique", a-t-il affirmé sur MSNBC. '
            '"Il espère plus de violence, pas moins.',
            "He hopes for more violence, not less, he said.",
            True,
        ),
        # a quotation in the first person keeps its speaker's voice when the sentence before names him;
        # not when its own incise does (dev sample: "…, everyone has seen this in Ladakh", a-t-il lancé)
        (
            "Le chef de l'ONG a parlé. \"Nous faisons de notre mieux pour leur fournir de la nourriture.",
            "We are doing our best to provide them with food.",
            True,
        ),
        (
            "Le Premier ministre a parlé. Ce que nos soldats peuvent faire, tout le monde a vu cela, a-t-il lancé.",
            "What our soldiers can do, everyone has seen this.",
            False,
        ),
        (
            "Le Premier ministre a parlé. Ce que nos soldats peuvent faire, tout le monde a vu cela, a-t-il lancé.",
            "What our soldiers can do, everyone has seen this, he said.",
            True,
        ),
        # "may", "no" are hedges of the clause, not its source (the judges')
        (
            "Le juge a lu le verdict. Aucune preuve n'a permis d'établir un lien entre l'attentat et la Syrie, "
            "ont-ils relevé.",
            "No evidence established a link between the attack and Syria.",
            False,
        ),
        # an adverb inside the incise
        (
            "Le président a parlé. Si la gauche arrive au pouvoir, ils démoliront les banlieues, a-t-il encore dit.",
            "If the left comes to power, they will demolish the suburbs.",
            False,
        ),
        # a quoted term opens the sentence: no quotation
        (
            'Le ministre a parlé. "Mort cérébrale" : l\'Otan a tenu sa réunion à Londres.',
            "NATO held its meeting in London.",
            True,
        ),
    ],
)
def test_the_source_of_a_quotation_is_kept(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(
        french, statement, sentence=2, quote=french.split(". ", 1)[1].split(",")[0].strip('".')
    )
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert list(failed) == ["certainty"] and "gives a source" in failed["certainty"], failed


@needs_dicts
def test_a_question_states_no_fact() -> None:
    # verified on the dev run: a rhetorical question of the source, translated
    french = "S'il y avait un problème, qu'est-ce qu'on ferait ?"
    verdict, failed = _check(french, "If there was a problem, what would we do?")
    assert verdict != "verified" and "question" in failed["statement:whole"], failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "sentence", "asked"),
    [
        # a name the article never gives was invented: the rewrite leaves it out
        (
            "Le président américain a attaqué son homologue français.",
            "The American president Obama attacked his French counterpart.",
            1,
            Repair(without=("Obama",)),
        ),
        # a name the article gives elsewhere: not invented, and no rewrite of this sentence mends it
        (
            "Le ministre a parlé à Paris. Le président américain a attaqué son homologue à Londres.",
            "The American president attacked his counterpart in Paris.",
            2,
            None,
        ),
        # a quotation's speaker is not in the sentence: "According to him" would tell nothing
        (
            'Il a parlé sur MSNBC. "Il espère plus de violence, pas moins.',
            "He hopes for more violence, not less.",
            2,
            None,
        ),
        # "notamment" dropped from the list the statement keeps: the rewrite says "including"
        (
            "Les interpellations ont été menées notamment à Dijon et Besançon.",
            "The arrests were carried out in Dijon and Besançon.",
            1,
            Repair(keep=("including",)),
        ),
    ],
)
def test_what_a_rewrite_is_asked_follows_the_failed_checks(
    french: str, statement: str, sentence: int, asked: Repair | None
) -> None:
    quote = french.split(". ")[sentence - 1].strip('".')
    check = check_fact(*_fact(french, statement, sentence, quote=quote))
    assert check.verdict != "verified"
    assert repair([c for c in check.checks if not c.ok]) == asked, check.checks


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # the dev run's wrong renderings of news expressions, each verified before
        (
            "A Jérusalem, le chef de la diplomatie américaine Mike Pompeo a exhorté Israël à limiter ces investissements.",
            "In Jerusalem, the US ambassador Mike Pompeo urged Israel to limit these investments.",
            False,
        ),
        (
            "A Jérusalem, le chef de la diplomatie américaine Mike Pompeo a exhorté Israël à limiter ces investissements.",
            "In Jerusalem, US Secretary of State Mike Pompeo urged Israel to limit these investments.",
            True,
        ),
        (
            "Pékin a ouvert des camps de rééducation politique au Xinjiang.",
            "Beijing opened political rehabilitation camps in Xinjiang.",
            False,
        ),
        (
            "Pékin a ouvert des camps de rééducation politique au Xinjiang.",
            "Beijing opened political re-education camps in Xinjiang.",
            True,
        ),
        (
            "Sa libération a suscité l'indignation des associations de défense des droits.",
            "His release sparked outrage from defense rights organizations.",
            False,
        ),
        (
            "Sa libération a suscité l'indignation des associations de défense des droits.",
            "His release sparked outrage from rights organizations.",
            True,
        ),
        # "Il faut" addresses no one: "You must…" makes a narrative an instruction
        ("Il faut vite se rendre à la maternité.", "You must go to the maternity quickly.", False),
        ("Il faut vite se rendre à la maternité.", "She had to go to the maternity ward quickly.", True),
        (
            "Si vous avez une information, contactez les enquêteurs.",
            "If you have information, contact the investigators.",
            True,
        ),
        ("On ne sait jamais ce qui peut arriver.", "You never know what can happen.", True),
        # the reviewer's cases: a word of the table only in its sense ("malaise économique" is no collapse);
        # "chez" is no imperative, "a-t-on appris" no generic "on"
        (
            "Le malaise économique persiste dans la région.",
            "The economic collapse persists in the region.",
            False,
        ),
        ("Il faut aller chez le médecin.", "You must go to the doctor.", False),
        ("Le corps a été retrouvé dans la forêt, a-t-on appris.", "You found the body in the forest.", False),
        # news words none of the installed dictionaries gives, rejected before
        (
            "Le Liban a connu en octobre un soulèvement inédit contre la classe politique.",
            "Lebanon experienced an unprecedented uprising against the political class in October.",
            True,
        ),
        (
            "Des coups de feu ont été échangés entre les habitants.",
            "Gunfire was exchanged between residents.",
            True,
        ),
        (
            "Le groupe a gardé son arsenal au sortir de la guerre civile.",
            "The group kept its arsenal after the civil war.",
            True,
        ),
        # a contraction: its negation is read by the polarity check, its verb is no content word
        ("Quand je l'ai vue, je ne l'ai pas reconnue.", "When I saw her, I didn't recognize her.", True),
        ("Quand je l'ai vue, je l'ai reconnue.", "When I saw her, I didn't recognize her.", False),
        ("Le ministre a démissionné.", "The minister didn’t resign.", False),  # a curly apostrophe
        ("Il ne viendra pas au procès.", "He won't come to the trial.", True),
        ("Il viendra au procès.", "He won't come to the trial.", False),
    ],
)
def test_news_expressions_persons_and_contractions(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed


@needs_dicts
def test_no_similarity_rests_a_word_on_a_number_word() -> None:
    # Seen on the dev run: "two doses" for "lui en a donné deux" (e5 put "doses" near "deux").
    french = "L'institutrice lui en a pourtant donné deux, provoquant ainsi son malaise fatal."
    verdict, failed = _check(french, "The teacher gave him two doses, which caused his fatal reaction.")
    assert verdict != "verified" and "'doses'" in failed["statement:words"]
    assert (
        _check(french, "The teacher nevertheless gave him two, causing his fatal reaction.")[0] == "verified"
    )


@needs_dicts
def test_presumed_carries_presume() -> None:
    # "un complice présumé": "a presumed accomplice" carries the hedge (the rewrite said "allegedly arrested")
    french = "Un complice présumé a été arrêté en France."
    verdict, failed = _check(french, "A presumed accomplice was arrested in France.", certainty="alleged")
    assert verdict == "verified", failed
    verdict, failed = _check(french, "An accomplice was arrested in France.", certainty="alleged")
    assert verdict != "verified" and "without a hedge" in failed["certainty"], failed
    # "privé de liberté" is detained: "released" may not rest on its "liberté" (verified on the dev run)
    french = "Un complice présumé a été privé de liberté en France."
    verdict, failed = _check(french, "A presumed accomplice was released in France.", certainty="alleged")
    assert verdict != "verified", failed
    verdict, failed = _check(french, "A presumed accomplice was detained in France.", certainty="alleged")
    assert verdict == "verified", failed


_ALLERGY = (
    "La victime, dont l'allergie était connue, n'aurait pas dû en manger. "
    "L'institutrice lui en a pourtant donné deux, provoquant ainsi son malaise fatal."
)
_COUPLE = (
    "Un couple de Belges a été interpellé samedi. La police a trouvé des explosifs dans la voiture. "
    "Le communiqué le précise. Les démineurs ont été appelés. Ils sont soupçonnés d'avoir planifié un attentat."
)


@needs_dicts
@pytest.mark.parametrize(
    ("french", "sentence", "statement", "verified"),
    [
        # seen on the dev run: "illness" rested on the previous sentence's "allergie" through e5
        (_ALLERGY, 2, "The teacher gave the victim two, causing his fatal illness.", False),
        (_ALLERGY, 2, "The teacher gave the victim two, causing his fatal reaction.", True),
        # "the couple" is named four sentences before "Ils" (it had rested on "communiqué" through e5)
        (_COUPLE, 5, "The couple are suspected of having planned an attack.", True),
        (_COUPLE, 5, "The diplomats are suspected of having planned an attack.", False),
    ],
)
def test_the_sentences_before_give_words_by_a_dictionary_not_a_guess(
    french: str, sentence: int, statement: str, verified: bool
) -> None:
    quote = french.split(". ")[sentence - 1].split(",")[0].rstrip(".")
    verdict, failed = _check(french, statement, sentence=sentence, quote=quote, certainty="alleged")
    assert (verdict == "verified") == verified, failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement"),
    [
        (
            "Le porte-parole de l'armée a affirmé que deux soldats avaient été tués.",
            "The army spokesman affirmed that two soldiers had been killed.",
        ),
        (
            "Le ministre a souligné que les négociations se poursuivaient.",
            "The minister stressed that the negotiations were continuing.",
        ),
    ],
)
def test_affirmed_and_stressed_say_who_reports(french: str, statement: str) -> None:
    # Seen on claims_dev: "The Bank of Japan affirmed…" for "…said…" was read as a plain assertion.
    verdict, failed = _check(french, statement)
    assert verdict == "verified", failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # two neighbouring letters swapped: a typo no transliteration makes (dev run: "M. Maldic's appeal")
        (
            "La procureure Laurel Baig a demandé aux juges de rejeter l'appel de M. Mladic.",
            "Laurel Baig asked the judges to reject M. Maldic's appeal.",
            False,
        ),
        (
            "La procureure Laurel Baig a demandé aux juges de rejeter l'appel de M. Mladic.",
            "Laurel Baig asked the judges to reject Mr Mladic's appeal.",
            True,
        ),
        # the source's own swap, the statement spelling the name as WordNet does
        (
            "Le Premier ministre a prononcé son discours à New Dehli.",
            "The Prime Minister gave his speech in New Delhi.",
            True,
        ),
    ],
)
def test_a_name_with_two_letters_swapped_is_misspelt(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "'Maldic' nowhere in the article" in failed["statement:names"], failed


@needs_dicts
def test_armee_de_terre_is_the_army() -> None:
    # dev run: "The bases of the army of land…"
    french = "L'armée de terre a envoyé des renforts à la frontière."
    verdict, failed = _check(french, "The army of land sent reinforcements to the border.")
    assert verdict == "partial" and "'land' without a counterpart" in failed["statement:words"], failed
    assert _check(french, "The army sent reinforcements to the border.")[0] == "verified"


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # dev run: a reader's reject ("implies all Army bases are in the south")
        (
            "Dix bases de l'armée de terre sont situées dans le sud du pays.",
            "The bases of the Army are located in the south of the country.",
            False,
        ),
        (
            "Dix bases de l'armée de terre sont situées dans le sud du pays.",
            "Ten Army bases are located in the south of the country.",
            True,
        ),
        (
            "Dix bases de l'armée de terre sont situées dans le sud du pays.",
            "Army bases are located in the south of the country.",
            True,
        ),
        (
            "Deux hommes ont été arrêtés samedi à Paris.",
            "The two men were arrested on Saturday in Paris.",
            True,
        ),
        # "les deux" is all of them already
        (
            "Les deux anciens époux semblent n'avoir jamais cessé de s'aimer.",
            "The former spouses seem never to have stopped loving each other.",
            True,
        ),
    ],
)
def test_a_count_the_sentence_opens_on_is_not_all_of_them(
    french: str, statement: str, verified: bool
) -> None:
    verdict, failed = _check(french, statement)
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert failed["degree"].startswith("'Dix' is not carried by the statement"), failed
        fix = repair([CheckResult(name="degree", ok=False, detail=failed["degree"])])
        assert fix == Repair(keep=("10",)), fix


@needs_dicts
def test_a_year_said_more_often_than_the_sentence_gives_it_is_invented() -> None:
    # dev run (the glossary's): an invented start date made of the sentence's own year
    french = "Rafic Hariri, Premier ministre jusqu'à sa démission en octobre 2004, a été tué en février 2005."
    verdict, failed = _check(
        french,
        "Rafic Hariri, prime minister from 2004 to his resignation in October 2004, was killed in February 2005.",
    )
    assert verdict == "unsupported", failed
    assert "2004 2 times in the statement, 1 in sentence 1" in failed["statement:dates"], failed
    said = "Rafic Hariri, prime minister until his resignation in October 2004, was killed in February 2005."
    assert _check(french, said)[0] == "verified"


@needs_dicts
def test_a_demonstrative_is_no_possessive() -> None:
    # dev run (the glossary's): "urged Israel to limit its investments" for "ces investissements" (China's)
    french = "Mike Pompeo a exhorté Israël à limiter ces investissements dans les secteurs stratégiques."
    verdict, failed = _check(
        french, "Mike Pompeo urged Israel to limit its investments in strategic sectors."
    )
    assert verdict == "unsupported", failed
    assert "'its investments' makes it someone's" in failed["frame"], failed
    assert (
        _check(french, "Mike Pompeo urged Israel to limit these investments in strategic sectors.")[0]
        == "verified"
    )
    # the sentence's own possessive: "ses investissements" may be "its investments"
    own = "Mike Pompeo a exhorté Israël à limiter ses investissements dans les secteurs stratégiques."
    assert (
        _check(own, "Mike Pompeo urged Israel to limit its investments in strategic sectors.")[0]
        == "verified"
    )


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "garbled"),
    [
        # dev run (the glossary's): a model's loop
        (
            "C'est moi et mon équipe qui avons eu à souffrir de Gaccio, il nous a fait du mal, beaucoup de mal "
            "et, là aussi, j'ai des témoins, assure-t-il.",
            "It is I and my team who had to suffer from Gaccio, he did us a lot of harm, a lot of harm, and, "
            "there is also, I have witnesses, he did us a lot of harm, a lot of harm, and, there is also, I have "
            "witnesses, he said.",
            "the statement says 'he did us a lot of' twice",
        ),
        # dev run (the glossary's): the French order of a compass point
        (
            "Dans ses tweets, le président américain cite en particulier Fort Bragg en Caroline du Nord.",
            "In his tweets, the American President cites particularly Fort Bragg in Caroline the North.",
            "'Caroline the North' keeps the French order",
        ),
        (
            "Dans ses tweets, le président américain cite en particulier Fort Bragg en Caroline du Nord.",
            "In his tweets, the American President cites Fort Bragg in North Carolina.",
            "",
        ),
    ],
)
def test_a_loop_or_a_calqued_place_is_garbled(french: str, statement: str, garbled: str) -> None:
    verdict, failed = _check(french, statement)
    if garbled:
        assert verdict != "verified" and garbled in failed["statement:whole"], failed
    else:
        assert verdict == "verified", failed
