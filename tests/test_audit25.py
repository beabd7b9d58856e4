"""Questions of held-out audit 25, over its fictional articles (a famine convoy at a closed border and
the talks over a corridor, the Corrin Ridge wildfire, a nurses' strike ballot), as the reader asked
them: the first sentence of ``-n 1`` is what they saw first.

The articles (tests/data/audit25/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

import pytest

from summarizer.ranking.topics import asked_phrases, asked_verbs, query_topic
from summarizer.reading.terms import TermAnalyzer

from . import audits

first = functools.partial(audits.first, "audit25")


@pytest.mark.parametrize(("question", "opening"), [
    # In other words than the articles': "stolen" for "looted".
    ("Were any of the convoy's trucks stolen?", "Armed men looted two trucks belonging to the stranded"),
    # The verb closes the question ("... claims from the fire cost?"): "fire cost" is no phrase the
    # articles should hold, and "nothing here mentions fire cost" stood above the answer.
    ("How much will insurance claims from the fire cost?", "Insurers estimate that claims from the fire will reach"),
    # The mediator by name, not the talks that a word for them ("negotiators") also finds.
    ("Who is mediating the corridor talks?", "The corridor will open at 6 a.m. on Friday"),
    # A name a "where" clause follows is where: it had been told "nothing here says where" above it.
    ("Where are the evacuees sheltering?", "The Orvell Civic Centre, where most evacuees are sheltering"),
    # A number of trucks, not one beside them ("The trucks, carrying 31 tonnes of lentils"); the latest
    # count, though its article holds less of the question than Monday's "40-truck food convoy".
    ("How many trucks are in the convoy at Varrick Bridge?", "A convoy of 38 trucks that has waited at the bridge"),
    # What it counts in the words news uses for it: houses are homes.
    ("How many houses burned down?", "Two hundred and twelve homes were destroyed"),
    # "the strike planned for 17 and 18 March" gives days, no count: it had stood in for the 6,000
    # operations as their later telling.
    ("How many operations will be postponed because of the strike?", "Ostmere's public hospitals will postpone about 6,000"),
    # What few articles say ("Monday night") in an article naming the place asked, not another story's night.
    ("What happened near Orrin Pass on Monday night?", "Armed men looted two trucks"),
    # "Which firefighter ...?" asks who, as "Which firefighters ...?" does.
    ("Which firefighter was killed?", "Jonah Pellew, 34, a volunteer with the Tressel Hollow fire brigade"),
    # "for at least ten more days" says how long: "nothing here says how long" had stood above it.
    ("How long will Highway 9 stay closed?", "Highway 9 will remain closed for at least ten more days"),
])
def test_the_first_sentence_answers(question, opening):
    summary = first(question)
    assert not summary.unmentioned
    assert summary.sentences[0].sentence.text.startswith(opening)


@pytest.mark.parametrize(("question", "verb"), [
    ("How much will insurance claims from the fire cost?", "cost"),
    ("When did the leak at the plant start?", "start"),
    ("When did fire crews at the Orvask plant arrive?", "arrive"),
    ("Will the bridge over the Aldeth reopen?", "reopen"),
    # Unchanged: the verb after the subject, an object after it.
    ("Did the council vote on the school closure?", "vote"),
    ("Did the Orsa council approve the budget for the library?", "approve"),
])
def test_a_question_closed_by_its_verb_after_a_place(question, verb):
    topic = query_topic(question, TermAnalyzer().stop_words)
    assert asked_verbs(topic) == {verb}
    assert not any(verb in phrase for phrase in asked_phrases(topic))


@pytest.mark.parametrize(("question", "absent"), [
    # The place named ("in the Dunmore Flats camp") says where, as its name does: what is asked is cholera.
    ("Has cholera broken out in the Dunmore Flats camp?", ("cholera",)),
    # "to strike" is what they voted for, a verb: what is asked about is doctors.
    ("Have doctors voted to strike?", ("doctors",)),
])
def test_what_a_question_asks_is_not_here_though_its_story_is(question, absent):
    assert first(question).unmentioned == absent


def test_a_place_or_a_vote_that_is_here_is_no_caveat():
    assert not first("How many refugees live in the Dunmore Flats camp?").unmentioned
    assert not first("Have nurses voted to strike?").unmentioned



def test_another_donors_pledge_is_no_later_telling_of_the_one_asked():
    # "The Coastal Union also raised its pledge ..., to 30 million" had stood in for Astrel's pledge.
    opening = first("How much has Astrel pledged?").sentences[0].sentence.text
    assert "Astrel" in opening


def test_a_topic_summary_tells_the_toll_where_it_stands(tmp_path):
    # The audit's own topic: "Five people have now died" (Wednesday) had stood, though Friday's article
    # says "The death toll ... is six, not seven ..., counted twice by two hospitals" ("two hospitals" had
    # made it a count of something else).
    from summarizer import Length, Request, run

    topics = tmp_path / "topics.toml"
    topics.write_text('[topics.wildfire]\nlabel = "Wildfire"\n'
                      'keywords = ["wildfire", "fire", "blaze", "hectares", "containment", "evacuation"]\n'
                      'context = ["wind", "firefighters", "burned", "homes"]\n', encoding="utf-8")
    result = run(Request(paths=(str(audits.stories("audit25")),), topics_file=str(topics), topics=("wildfire",),
                         length=Length(sentences=6), cache_dir=None))
    texts = [item.sentence.text for item in result.digest.summaries[0].sentences]
    assert any(text.startswith("The death toll from the Corrin Ridge wildfire is six") for text in texts)
    assert not any(text.startswith("Five people have now died") for text in texts)


def test_a_promise_told_ahead_is_where_a_pledge_stands():
    # Monday's "The Kingdom of Astrel pledged 25 million Astrel crowns" stood above Tuesday's "The Kingdom of
    # Astrel will give 52 million crowns": a figure told ahead retold nothing, though a pledge is itself a
    # promise of what will be given.
    opening = first("How much has Astrel pledged?").sentences[0].sentence.text
    assert "will give 52 million crowns" in opening
