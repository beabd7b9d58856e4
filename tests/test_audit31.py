"""Questions of held-out audit 31, over its fictional articles (a coach crash on the Vorn Pass, a data breach at
Aldermoor Bank, a drought in Calderra), as the reader asked them.

The articles (tests/data/audit31/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

from summarizer import load_articles

from . import audits

first = functools.partial(audits.first, "audit31")


def test_a_sign_up_or_follow_us_appeal_is_no_sentence():
    # "Sign up for Finwatch Daily to get the news that matters to your money, free every weekday morning." was the
    # first sentence for a question about Finwatch's news; "Follow the Evening Star on social media for the latest
    # updates." was cited twice.
    sentences = [s.text for a in load_articles([str(audits.stories("audit31"))]) for s in a.sentences]
    assert not [s for s in sentences if s.startswith(("Sign up for Finwatch", "Follow the Evening Star"))]


def test_a_question_of_how_long_or_when_about_telling_asks_that_not_what_was_said():
    # "How long did Aldermoor wait before telling customers?" was told "nothing here says how long": "telling" made
    # it a question of what was said, and answers were what the bank said (250 marks).
    summary = first("How long did Aldermoor wait before telling customers?")
    assert not summary.caveat and "October 12" in summary.sentences[0].sentence.text
    assert "October 12" in first("When were Aldermoor customers told about the breach?").sentences[0].sentence.text


def test_a_figure_of_something_else_does_not_retell_the_count_asked():
    # "How many hours a day do Portessa households get water?" opened with "About 38 percent of the water put into
    # Portessa's pipes is lost through leaks", shown in place of "... piped water in Portessa will be cut to four
    # hours a day from Saturday" as its later telling.
    opening = first("How many hours a day do Portessa households get water?").sentences[0].sentence.text
    assert "four hours a day" in opening


def test_a_yes_or_no_question_names_the_missing_thing_before_its_verb_and_place():
    # "Is cloud seeding planned in Calderra?" printed the drought's background with no caveat: its last word is a
    # place, and the two before it look like verbs.
    assert first("Is cloud seeding planned in Calderra?").unmentioned == ("cloud seeding",)


def test_livestock_is_cattle():
    # "How many livestock have farmers sold?" was told "nothing here mentions livestock" over "About 14,000 head of
    # cattle have been sold early because there is not enough fodder."
    summary = first("How many livestock have farmers sold?")
    assert not summary.caveat and "14,000 head of cattle" in summary.sentences[0].sentence.text


def test_a_name_between_an_event_and_its_time_counts_as_one_word():
    # "When did the coach crash?" opened with "Tolvane Tours, founded in 1987, runs 38 coaches ..." (relevance 0.10):
    # in "the coach that crashed on the Vorn Pass on Sunday", Sunday stood six words after "crashed".
    opening = first("When did the coach crash?").sentences[0].sentence.text
    assert "crashed on the Vorn Pass on Sunday" in opening


def test_the_year_a_thing_was_made_is_of_what_comes_before_it():
    # "How old was the coach?" opened with "Tolvane Tours, founded in 1987, runs 38 coaches ...": the company's age.
    assert first("How old was the coach?").sentences[0].sentence.text.startswith("The coach, a 14-year-old vehicle")


def test_a_plan_of_the_past_is_not_ahead_and_a_date_pushed_back_to_is():
    # "When will the Punta Serrel desalination plant open?" opened with "... the plant was originally due to open in
    # 2026." above "The opening of the desalination plant ... has been pushed back from March to July 2027".
    opening = first("When will the Punta Serrel desalination plant open?").sentences[0].sentence.text
    assert "pushed back from March to July 2027" in opening


def test_a_level_asked_is_a_figure_and_the_latest_one():
    # "What is the level of the Miravel reservoir?" opened with Wednesday's "dropped to 16 percent": "What is the
    # level" asked no figure, and "has fallen to 14 percent" (Thursday) stood four words from "reservoir".
    opening = first("What is the level of the Miravel reservoir?").sentences[0].sentence.text
    assert "fallen to 14 percent" in opening


def test_lost_is_told_as_losses():
    # "How much have farmers lost because of the drought?" gave only Tuesday's 210 million; the revised estimate says
    # "this year's losses to 340 million soldi".
    assert "340 million" in first("How much have farmers lost because of the drought?").sentences[0].sentence.text


def test_a_change_by_a_figure_does_not_retell_where_a_level_stood():
    # "Consumption in Portessa has fallen by 22 percent since rationing began" was shown "in place of an earlier
    # telling: Water rationing began ..., after the Miravel reservoir fell to 18 percent of its capacity".
    from summarizer import Length, Request, run

    result = run(Request(paths=(str(audits.stories("audit31")),), query="How many water tankers has the government sent?",
                         length=Length(sentences=5), cache_dir=None))
    (summary,) = result.digest.summaries
    retold = [item.explanation.retells.text for item in summary.sentences
              if item.sentence.text.startswith("Consumption in Portessa") and item.explanation.retells is not None]
    assert not [text for text in retold if text.startswith("Water rationing began")]
