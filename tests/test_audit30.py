"""Questions of held-out audit 30, over its fictional articles (E. coli in Marrowby's water, the Korrin-4 rocket's
loss, the theft from the Aubrecht Museum in Quillon), as the reader asked them.

The articles (tests/data/audit30/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

from . import audits

first = functools.partial(audits.first, "audit30")


def test_a_length_of_time_after_for_is_of_the_clauses_subject_however_far_back():
    # Both were told "nothing here says how long" above the very sentence that says it: the pump is 14 words before
    # "for 19 hours", the guard 15 before "for nine hours" (and "interrogated" is told as "questioned").
    pump = first("How long was the chlorine pump off?")
    assert not pump.caveat and "stayed off for 19 hours" in pump.sentences[0].sentence.text
    guard = first("How long was the guard interrogated?")
    assert not guard.caveat and "for nine hours" in guard.sentences[0].sentence.text


def test_the_year_a_thing_was_made_says_how_old_it_is():
    # "How old is the painting by Anselm Rooke?" was told "nothing here says how old" above "..., painted in 1642".
    summary = first("How old is the painting by Anselm Rooke?")
    assert not summary.caveat and "painted in 1642" in summary.sentences[0].sentence.text


def test_a_country_is_mentioned_by_its_peoples_word_and_a_missing_speaker_is_named():
    # "What did the president of Tarsenia say about the launch failure?" was told "nothing here mentions Tarsenia"
    # over five articles quoting "the Tarsenian Space Agency"; no article has a president, which is what is missing.
    summary = first("What did the president of Tarsenia say about the launch failure?")
    assert summary.unmentioned == ("president",)


def test_how_big_a_reward_asks_a_sum_and_the_latest_one():
    # "How big is the reward?" opened with Monday's "reward of 250,000 euros", above Wednesday's "raised the reward to
    # 500,000 euros": "How big" asked no figure.
    assert "500,000 euros" in first("How big is the reward?").sentences[0].sentence.text


def test_a_new_date_is_of_what_was_put_off():
    # "When is the next Korrin-4 launch?" opened with "... since its first launch in 2023."; "The next Korrin-4
    # launch, which was to carry the Lumen-4 satellite on December 3, has been postponed to no earlier than March
    # 2027." was second.
    opening = first("When is the next Korrin-4 launch?").sentences[0].sentence.text
    assert "postponed to no earlier than March 2027" in opening


def test_a_linking_verb_tells_no_story():
    # "How long will the fishing zone stay closed?" opened with a skipper's "who has fished from Cape Ordle for 40
    # years" (relevance 0.06): "stay" was taken for the story's word, so only the article headed "... zone stays shut"
    # told it, not the one saying "The closure ... was extended on Saturday until 6 a.m. on Sunday".
    opening = first("How long will the fishing zone stay closed?").sentences[0].sentence.text
    assert "until 6 a.m. on Sunday" in opening


def test_a_yes_or_no_question_about_something_no_article_names_says_so():
    # "Did the thieves use explosives?" printed how the thieves broke in, with no caveat: every article names the
    # thieves, none explosives, and a question's words put in other words had been given the benefit of the doubt.
    assert first("Did the thieves use explosives?").unmentioned == ("explosives",)
    assert not first("Did the thieves get in through a skylight?").unmentioned


def test_what_is_still_so_is_the_latest_saying_it_remains():
    # "Which districts are still under the boil-water notice?" opened with Thursday's "was lifted ... in five of the
    # seven Marrowby districts"; the same article's "The notice remains in force in Kelby and Sallow Hill" answers,
    # and Wednesday's "remains in place across five districts" no longer does.
    opening = first("Which districts are still under the boil-water notice?").sentences[0].sentence.text
    assert opening.startswith("The notice remains in force in Kelby and Sallow Hill")


def test_an_answer_told_of_they_in_the_sentence_after_the_one_naming_them():
    # "How long were the thieves inside the museum?" opened with the guard's "half an hour after the thieves had
    # left": the answer, "They lowered themselves on ropes into the Rooke gallery and were inside for about seven
    # minutes", names no word of the question; the paragraph before it names the thieves.
    opening = first("How long were the thieves inside the museum?").sentences[0].sentence.text
    assert opening.startswith("They lowered themselves") and "seven minutes" in opening
