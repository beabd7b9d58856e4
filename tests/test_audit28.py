"""Questions of held-out audit 28, over its fictional articles (an earthquake in Kolvarra, the collapse of the
Harnet Bridge in Quillmere, a crush at Corrowfield Stadium), as the reader asked them.

The articles (tests/data/audit28/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

from . import audits

first = functools.partial(audits.first, "audit28")


def test_a_stampede_is_found_as_a_crush():
    # "How many people died in the stampede at the football ground?" opened with Monday's "Nine people were killed
    # ... in a crush": no sentence said "stampede", so the later tolls were no answers.
    opening = first("How many people died in the stampede at the football ground?").sentences[0].sentence.text
    assert "13" in opening


def test_a_figure_beside_the_rarer_words_asked_comes_first():
    # "How far is the Hollin Pass border crossing from Tesh?" opened with "its epicentre about 14 kilometres
    # south-west of Tesh", a distance beside the question's commonest word; "How old was the youngest victim of the
    # bridge collapse?" with two officials "aged 58" and "aged 46".
    assert "about 90 kilometres from Tesh" in first("How far is the Hollin Pass border crossing from Tesh?").sentences[0].sentence.text
    assert "The youngest, Oskar Vemmer, six" in first("How old was the youngest victim of the bridge collapse?").sentences[0].sentence.text
    # Audit 26: "Where were the talks between Valmark and Orlend held?" opened with an ambassador summoned.
    assert "Sentava" in audits.first("audit26", "Where were the talks between Valmark and Orlend held?").sentences[0].sentence.text


def test_how_long_a_thing_takes_is_told_of_the_sentence_s_subject():
    # "How long will the reconstruction of Kolvarra take?" said "nothing here says how long" above "Rebuilding the
    # homes, schools and roads destroyed by Monday's earthquake in Kolvarra will cost about 11.2 billion marsks,
    # roughly 1.4 billion euros, and take at least five years": the rebuilding is 17 words before its length.
    summary = first("How long will the reconstruction of Kolvarra take?")
    assert summary.unanswered is None
    assert "take at least five years" in summary.sentences[0].sentence.text


def test_a_time_told_ahead_is_of_what_will_opens():
    # "When will the postponed match be played?" opened with "The referee has confirmed the match will not be played
    # today.": "... match postponed after Sunday's crush will be played behind closed doors at the neutral Delling
    # Park stadium in Marrowgate on May 27" gave no time beside "played", 15 words before the date.
    assert "May 27" in first("When will the postponed match be played?").sentences[0].sentence.text
    # Not of the subject before "will": the crush happened at 15:40, not on May 27.
    assert "15:40" in first("When did the crush happen?").sentences[0].sentence.text


def test_a_state_after_a_noun_is_no_phrase_of_it():
    # "How many people were rescued from the river alive?" was told "nothing here mentions river alive": "river"
    # and "alive" side by side in the question made a phrase no article holds.
    assert not first("How many people were rescued from the river alive?").unmentioned


def test_a_phrase_no_word_of_which_is_used_is_not_here():
    # "Has there been a cholera outbreak in the earthquake camps?" and "What is the death toll of the volcanic
    # eruption?" printed the earthquake's tolls with no caveat: a phrase with a word no article uses said nothing,
    # lest it be put in other words, even when no article uses any of its words.
    assert first("Has there been a cholera outbreak in the earthquake camps?").unmentioned == ("cholera outbreak",)
    assert first("What is the death toll of the volcanic eruption?").unmentioned == ("volcanic eruption",)


def test_the_year_a_bridge_opened_says_how_old_it_is():
    # "How old was the Harnet Bridge?" opened with two officials' ages, "aged 58" and "aged 46".
    assert "opened in 1964" in first("How old was the Harnet Bridge?").sentences[0].sentence.text
