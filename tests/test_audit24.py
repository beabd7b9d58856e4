"""Questions of held-out audit 24, over its fictional articles (engineers kidnapped in Ennoria and freed
through an intermediary, Storm Ilsa's floods in Wennmark with a death toll corrected, a climber on Mount
Karsavin), as the reader asked them: the first sentence of ``-n 1`` is what they saw first.

The articles (tests/data/audit24/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

import pytest

from . import audits

STORIES = audits.stories("audit24")
first = functools.partial(audits.first, "audit24")


@pytest.mark.parametrize(("question", "opening"), [
    # Another story's figure ("The army sent 600 soldiers" to the floods) is no later telling of the
    # answer in the articles naming the province.
    ("How many soldiers were sent to Zarbek province?", "About 1,500 soldiers and police officers have been sent"),
    # A correction of a figure written as a word ("eight, not nine as first reported") is where the toll
    # stands, though its article does not name Wennmark.
    ("How many people died in the Wennmark floods?", "The death toll from Storm Ilsa is eight, not nine"),
    # How high: a height in its units; a peak stands, however the level fell after.
    ("How high did the Aldeth River rise?", "The Aldeth peaked at 6.8 metres"),
    # ... and the height of what is, not of the mountain she will try next spring ("Mount Vell, 7,960
    # metres high"), though that one says "high".
    ("How high is Mount Karsavin?", "Karsavin, in the Teshkal Range of Orsolan, is 8,214 metres high"),
    ("How tall is the mountain Brask climbed?", "Ilona Brask reached the 8,214-metre summit of Mount Karsavin"),
    # How fast: a distance in a length of time is a speed ("descending 1,450 metres in six hours"); it
    # had been told "nothing here says how fast" above that very sentence.
    ("How fast did Brask descend?", "Ilona Brask reached Camp 2 on Mount Karsavin on Friday, descending 1,450 metres"),
    # How much weight: a figure in kilograms, though no article says "weight".
    ("How much weight did Brask lose?", '"She is exhausted and she has lost 9 kg'),
])
def test_the_first_sentence_answers(question, opening):
    assert first(question).sentences[0].sentence.text.startswith(opening)


def test_what_a_question_counts_is_not_here_though_its_story_is():
    # "How many cattle drowned in the floods?" printed five sentences about people with no caveat.
    assert first("How many cattle drowned in the floods?").caveat == "nothing here mentions cattle; the closest sentences:"


def test_a_distance_in_a_length_of_time_says_how_fast():
    assert first("How fast did Brask descend?").caveat is None
