"""Questions asking who: answered by a sentence naming someone (or some body) in the role asked."""

import json
from pathlib import Path

import pytest

from summarizer import Corpus, Digester, Length
from summarizer.ranking.topics import asked_answer, query_topic
from summarizer.reading.articles import ArticleParser, Metadata
from summarizer.reading.terms import TermAnalyzer

STOP = TermAnalyzer().stop_words


def _summary(texts, question, count=3, dates=None):
    """The summary of a question over invented articles, one text each."""
    dates = dates or [None] * len(texts)
    corpus = Corpus([ArticleParser()(text, Metadata(f"outlet{n}", date=date))
                     for n, (text, date) in enumerate(zip(texts, dates))])
    return Digester(length=Length(sentences=count))(corpus, [query_topic(question, STOP)]).summaries[0]


_TALKS = "Norvessa and Bruvia will resume talks on the mackerel quota next week, officials in both capitals said."
_MACKEREL = [
    _TALKS + "\n\nNorvessa wants a larger share of the mackerel quota, which Bruvia says would empty its grounds."
    "\n\nAnneliese Dorn, a former head of the Northern Waters Fisheries Commission, will mediate the talks, "
    "the fisheries ministry said.",
    _TALKS + "\n\nThe mackerel quota talks between Norvessa and Bruvia broke down in March over the size of the catch."
    "\n\nThe talks will be mediated by Anneliese Dorn, who led the commission for nine years.",
    _TALKS + "\n\nBruvian trawler crews protested against cuts to the mackerel quota in the port of Hask."
    "\n\nDorn, 64, has mediated two earlier fishing disputes between Norvessa and Bruvia.",
    _TALKS + "\n\nThe mackerel quota talks are the first since the two countries fell out over the catch."
    "\n\nBoth ministers welcomed the choice of Anneliese Dorn to chair the talks.",
    _TALKS + "\n\nNorvessan crews want the mackerel quota raised by a fifth before the talks end.",
]


def test_who_is_answered_by_a_sentence_naming_who_does_what_was_asked():
    # Held-out audit 13: "Who will mediate the mackerel talks between Norvessa and Bruvia?" showed
    # three sentences about the quota at -n 3 and -n 5; the mediator, named in four articles, in none.
    summary = _summary(_MACKEREL, "Who will mediate the mackerel talks between Norvessa and Bruvia?")
    first = summary.sentences[0]
    assert "Dorn" in first.sentence.text and "mediat" in first.sentence.text
    assert first.explanation.answers == "who"
    assert summary.caveat is None


_COLLAPSE = "Two miners died when part of a tunnel roof collapsed at the Kestrel colliery near Ottersby on Tuesday."
_NAMES = "The dead men were named as Tomas Brenn, 47, a roof-bolter, and Ivo Lant, 29, an electrician."
_MINE = [
    _COLLAPSE + "\n\nRescuers recovered the bodies on Wednesday morning.\n\n" + _NAMES,
    _COLLAPSE + "\n\nInspectors from the mines office are examining the collapse."
    "\n\nIn 2029 a fitter died in a roof collapse at the nearby Harrow pit in Ottersby.",
    _COLLAPSE + "\n\nThe union said the collapse could have been prevented.",
    _COLLAPSE + "\n\nWork at the colliery has stopped while the tunnel is made safe.",
]


def test_who_died_is_answered_by_the_names_of_the_dead():
    # Held-out audit 13: "Who died in the collapse?" opened with a sentence about another accident,
    # not the dead men's names. "dead" answers "died"; a place ("at the nearby Harrow pit", "in
    # Ottersby") names no one.
    summary = _summary(_MINE, "Who died in the collapse?", count=2)
    assert summary.sentences[0].sentence.text == _NAMES
    assert summary.caveat is None


def test_who_died_is_answered_among_other_stories():
    # Held-out audit 16: among articles on other stories, "The dead man was named as ..." held none
    # of the question's words ("died", "collapse"), and a question's words held together decide
    # relevance there: it scored nothing. The role's other words hold its word.
    others = ["Nurses at the Harl infirmary walked out on Monday over pay, the union said.\n\n"
              "Talks with the health board are due on Friday.",
              "The Orsa savings bank froze withdrawals on Tuesday after losses were found.\n\n"
              "Depositors queued outside its branches."]
    summary = _summary(_MINE + others, "Who died in the collapse?", count=2)
    assert summary.sentences[0].sentence.text == _NAMES


def test_who_runs_a_company_is_answered_in_a_story_that_names_it_once():
    # Held-out audit 15: "Who runs Pellcorp Mining?" put "Pellcorp chief executive Imelda Farrasco
    # said ..." third: her article, on the court's ruling, never says "mining", and its best sentence
    # was under half as relevant as the best of all, so it was not about the question. The chief
    # justice of that ruling runs no company.
    deal = "Tarrow Shipping agreed to buy the Orsa ferry line for 300 million crowns, the two companies said."
    texts = [deal + "\n\nThe chief executive of Tarrow Shipping says the deal would save 200 jobs in Hask.",
             deal + "\n\nTarrow Shipping runs 40 ships from the port of Hask.",
             "The Kellish High Court on Friday blocked the Tarrow purchase of the Orsa ferry line.\n\n"
             "Chief Justice Orlen Vasse wrote that the buyer would control every crossing to the islands.",
             "The Kellish High Court ruling was a blow to Tarrow, which had planned the deal for two years.\n\n"
             "Tarrow chief executive Mira Kessel said on Friday she would consider an appeal.",
             "Ferry fares to the islands rose by a fifth this year.\n\nThe Orsa line carries 90,000 cars a year."]
    summary = _summary(texts, "Who runs Tarrow Shipping?", count=2)
    assert summary.sentences[0].sentence.text.startswith("Tarrow chief executive Mira Kessel")
    assert not any("Vasse" in item.sentence.text for item in summary.sentences)


def test_a_who_question_s_role_in_other_words_gets_no_caveat():
    # Held-out audit 15: "nothing here says who" stood above the right answers three times in four: the
    # role asked is often put in other words ("leading the relief effort": "its director"; "won": "beat";
    # "runs": "chief executive"). Names beside the role come first; without them, no caveat.
    texts = ["The Orvel Relief Network sent 40 trucks of food towards the flooded valley on Thursday, its director "
             "said.\n\nThe roads were open.",
             "A second relief convoy left Tarrow for the valley at dawn on Friday.\n\nSela Marku, the network's "
             "director, said more trucks were due."]
    summary = _summary(texts, "Who is leading the relief effort in the valley?", count=2)
    assert summary.caveat is None and summary.unanswered is None
    # The commonest roles in other words answer too: a director leads, a chair mediates, a side that
    # beat the other won.
    assert summary.sentences[0].sentence.text.startswith("Sela Marku, the network's director"), \
        [item.sentence.text for item in summary.sentences]
    assert summary.sentences[0].explanation.answers == "who"
    chair = "Both ministers welcomed the choice of Anneliese Dorn to chair the talks."
    summary = _summary([_TALKS + "\n\n" + chair, _TALKS + "\n\nThe quota talks broke down in March."],
                       "Who will mediate the mackerel talks?", count=2)
    assert summary.sentences[0].sentence.text == chair


def test_who_is_a_named_person_still_asks_for_a_definition():
    assert asked_answer(query_topic("Who is Anneliese Dorn?", STOP)) == "definition"
    assert asked_answer(query_topic("Who will mediate the mackerel talks?", STOP)) == "person"
    # A question that asks for someone's doing is no request for a definition, as before.
    assert asked_answer(query_topic("Who is Bruvia sending to the talks?", STOP)) == "focus"


@pytest.mark.parametrize("text, question, answers", [
    ("The inquiry, led by retired judge Marta Vell, will report in May.", "Who leads the inquiry?", True),
    ("The Orsa council will pay for the repairs, the mayor said.", "Who will pay for the repairs?", True),
    ("Police arrested Edvin Varsk, 33, on Monday.", "Who was arrested?", True),
    ("The winner, Ada Holm, thanked her voters.", "Who won the election?", True),
    # Held-out audit 15: who won between two sides asked about is one of them.
    ("Marenport Rovers beat Ardenvale United 3-1 at the Quayside Stadium on Wednesday night.",
     "Who won the match between Marenport Rovers and Ardenvale United?", True),
    # Held-out audit 16: the regulator's head is named as its chair.
    ("Osk Vasker, the regulator's chair, said the bank had been warned twice.", "Who heads the bank regulator?", True),
    # A place, a thing named after one, a day and the sentence's first word are no one.
    ("Two miners were arrested in Orsa on Monday.", "Who was arrested?", False),
    ("The Kestrel colliery will pay for the repairs.", "Who will pay for the repairs?", False),
    ("Officials said the repairs will be paid for in March.", "Who will pay for the repairs?", False),
    # Nor is what was asked about, or a name far from the role.
    ("The Stavra Gorge dam was built by workers from three countries.", "Who built the Stavra Gorge dam?", False),
    ("Jon Halvik, the minister, said on Monday that the talks would go on, however long the mediation took.",
     "Who will mediate the talks?", False),
])
def test_a_name_answers_who_beside_the_role_asked(text, question, answers):
    from summarizer.ranking.answers import role_stems, says
    from summarizer.ranking.topics import asked_role

    topic = query_topic(question, STOP)
    stem = TermAnalyzer().stem
    role = role_stems(asked_role(topic), stem)
    asked = frozenset(stem(word) for word in topic.keywords) | role
    assert says(text, asked, "person", stem, role) is answers


_HELDOUT = json.loads((Path(__file__).parent / "data" / "who" / "heldout.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", [
    pytest.param(case, id=case["id"], marks=[pytest.mark.xfail(reason=case["known_failure"], strict=True)]
                 if "known_failure" in case else [])
    for case in _HELDOUT
])
def test_held_out_who_questions_are_answered_first(case):
    # Written after the rules were frozen; see tests/data/who/README.md.
    summary = _summary(case["articles"], case["question"])
    assert case["expect"] in summary.sentences[0].sentence.text
    assert summary.sentences[0].explanation.answers == "who"
    assert summary.caveat is None


def test_the_role_in_the_question_s_own_words_answers_before_its_other_words():
    # Held-out audit 17: "Who leads the negotiations on compensation?" opened with "... chief executive
    # Sabine Carrow would step down once the compensation deal is signed" (a chief leads) and its denial;
    # "The negotiations are led by Hedda Sorvik, who chairs the PRC." came third.
    report = "The Velm Herald reported that chief executive Anja Morrow would step down once the compensation deal is signed."
    led = "The negotiations are led by Tilde Varsen, who chairs the passenger council."
    texts = ["Talks on compensation for passengers of Orla Air opened on Friday.\n\n" + report + "\n\n" + led,
             "Orla Air denied reports that chief executive Anja Morrow would step down.\n\n"
             "The compensation deal is expected to be signed next week.",
             "Passengers queued at the airport in Tarrow.\n\n"
             "Chief executive Anja Morrow said the compensation deal would be generous."]
    summary = _summary(texts, "Who leads the negotiations on compensation?", count=2)
    assert summary.sentences[0].sentence.text == led


def test_an_answer_that_cannot_be_shown_puts_no_other_answer_after_it():
    # Re-judged audit 17: "Who prosecuted the case against Halvorsen?" lost "Public Prosecutor A.K. Renvold
    # told the court ..." because a fragment, "), whose lead prosecutor, A.K. Renvold, has previously won
    # cases ...", said "cases" and so came first; it cannot be shown, and the summary named no one.
    told = "Public Prosecutor Ada Vell told the court that Orrin Kade had paid 1.1 million crowns in bribes."
    texts = ["Orrin Kade went on trial in Skelde on Monday, charged with bribing port officials.\n\n" + told,
             "The Office of Economic Crimes (O.E.C.\n\n), whose lead prosecutor, Ada Vell, has won cases against "
             "three ministers, brought the charges against Kade.",
             "The trial of Orrin Kade is expected to last three weeks.\n\nKade denies the charges."]
    summary = _summary(texts, "Who prosecuted the case against Kade?", count=2)
    assert summary.sentences[0].sentence.text == told and summary.sentences[0].explanation.answers == "who"


def test_who_leads_an_inquiry_is_answered_from_the_story_asked_about():
    # Held-out audit 18: "Who is leading the inquiry into the derailment?" named the leader of the
    # inquiry into a cyberattack: both stories have an inquiry, and a story was told by "inquiry" as
    # much as by "derailment".
    cyber = ("An inquiry into the cyberattack on Orvask's city systems opened on Monday.\n\n"
             "Mara Velcourt, who leads the inquiry, said the city had ignored warnings.")
    rail = ("Investigators opened an inquiry into the derailment of a Tarrow express near Kell on Tuesday.\n\n"
            "The rail inquiry is led by Ivo Tallis, a former chief engineer of the Kell railway.")
    texts = [cyber, rail, "The derailment at Kell injured 27 people, the rail company said.\n\nThe line is closed.",
             "Orvask's city systems were back online on Friday after the cyberattack.\n\nThe inquiry continues."]
    summary = _summary(texts, "Who is leading the inquiry into the derailment?", count=2)
    assert "Tallis" in summary.sentences[0].sentence.text
    assert not any("Velcourt" in item.sentence.text for item in summary.sentences)


def test_answers_not_saying_what_the_role_is_of_still_come_before_the_rest():
    # Re-run of audit 17 after "what the role is of" came first: "Public Prosecutor A.K. Renvold told the
    # court ..." (no "case") fell below the verdict and the appeal, which name no prosecutor.
    brought = ("The case against Orrin Kade was brought by the Office of Economic Crimes, whose lead prosecutor, "
               "Ada Vell, has won cases against two mayors.")
    told = "Public Prosecutor Ada Vell told the court that Kade had paid 1.1 million crowns in bribes."
    verdict = "A district court on Friday found Orrin Kade guilty of bribery and sentenced him to six years."
    texts = [f"Orrin Kade went on trial in Skelde on Monday.\n\n{brought}\n\nThe trial is expected to last a month."
             f"\n\n{told}",
             f"{verdict}\n\nKade will appeal, his lawyer said.",
             f"{verdict.replace('on Friday', 'this week')}\n\nThe trial of Orrin Kade lasted three weeks.",
             f"{verdict.replace('A district court', 'The Skelde district court')}\n\nKade denies the charges.",
             f"{verdict.replace('six years', 'six years in prison')}\n\nThe court in Skelde was full."]
    summary = _summary(texts, "Who prosecuted the case against Kade?", count=3)
    shown = [item.sentence.text for item in summary.sentences]
    assert shown[:2] == [brought, told], shown


def test_a_role_no_article_names_anyone_in_is_no_reason_to_show_unrelated_names():
    # Over the seeds, which do not say who leads an aid convoy, "Who leads the aid convoy?" opened with
    # "the leaders of Russia and Israel have been in regular contact" (relevance 0.06): a name beside
    # "leaders" was shown however little of the question it held. Only the dead are named so.
    from summarizer import load_articles

    corpus = Corpus(load_articles())
    summary = Digester(length=Length(sentences=1))(corpus, [query_topic("Who leads the aid convoy?", STOP)]).summaries[0]
    first = summary.sentences[0]
    assert "leaders" not in first.sentence.text and first.explanation.answers is None, first.sentence.text
