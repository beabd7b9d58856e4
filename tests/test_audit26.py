"""Questions of held-out audit 26, over its fictional articles (a typhoid outbreak in Pellowmere, the
trawler Dorrit Bell sunk by a cargo ship and talks over it, the collapse of Vantrell Motors), as the
reader asked them.

The articles (tests/data/audit26/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

from . import audits

first = functools.partial(audits.first, "audit26")


def test_a_count_in_another_state_is_not_cited_as_saying_the_same():
    # "Nine crew members are still missing." had been cited [15][18], and [18]'s sentence is "Nine crew
    # members survived.": the same number of other people.
    summary = first("How many crew members of the Dorrit Bell are still missing?")
    opening = summary.sentences[0]
    assert opening.sentence.text == "Nine crew members are still missing."
    assert all("survived" not in source.text for source in opening.sources)


def test_mediation_named_only_in_a_headline_finds_the_talks():
    # "no sentences about mediation in 28 articles": the articles say "talks hosted by ...", and only their
    # titles say "offers to mediate".
    from summarizer import Length, Request, run

    result = run(Request(paths=(str(audits.stories("audit26")),), topics=("mediation",), length=Length(sentences=3),
                         cache_dir=None))
    (summary,) = result.digest.summaries
    assert any("talks" in item.sentence.text for item in summary.sentences)


def test_a_question_in_other_words_is_not_told_they_are_absent():
    # "nothing here mentions boss" above "Vantrell's chief executive, Magnus Threlfall, resigned"; "nothing
    # here mentions sailors or drowned" over a toll of fishermen; "nothing here mentions part of Pellowmere"
    # over "the quarantine of the Eastbank district".
    for question in ("Who quit as Vantrell's boss?", "How many sailors from the Dorrit Bell drowned?",
                     "Which part of Pellowmere was sealed off?"):
        assert not first(question).unmentioned, question
    assert "Threlfall" in first("Who quit as Vantrell's boss?").sentences[0].sentence.text


def test_how_much_of_a_thing_is_not_answered_by_a_sum_of_money():
    # "... credit every household ... with 150 thalers" had answered "How much bottled water ...?": "donated"
    # made it a question of money.
    opening = first("How much bottled water has been donated to Pellowmere?").sentences[0].sentence.text
    assert "30 tonnes" in opening


def test_a_rate_says_how_fast_an_outbreak_grows():
    # "nothing here says how fast" stood above "the outbreak is growing by about 27 new cases a day".
    summary = first("How fast is the typhoid outbreak growing?")
    assert summary.unanswered is None
    assert "27 new cases a day" in summary.sentences[0].sentence.text


def test_which_n_of_a_place_asks_for_an_n():
    # "Which district of Pellowmere ...?" had asked to name a Pellowmere: "The tented hospital ... relieving
    # Pellowmere General Hospital" came first.
    for question in ("Which district of Pellowmere is under quarantine?", "Which part of Pellowmere was sealed off?"):
        assert "Eastbank district" in first(question).sentences[0].sentence.text, question


def test_bodies_recovered_are_the_toll_where_it_stands():
    # Friday's "bringing the number of dead from the Dorrit Bell to five" had stood above Monday's "Six
    # bodies have been recovered and eight men remain missing.": bodies were no count of the dead.
    opening = first("How many people died when the Dorrit Bell sank?").sentences[0].sentence.text
    assert opening.startswith("Six bodies have been recovered")


def test_a_later_toll_naming_nothing_retells_the_named_one_in_its_article():
    # "How many sailors from the Dorrit Bell drowned?" opened with Friday's "bringing the number of dead from
    # the Dorrit Bell to five": Monday's "Six bodies have been recovered ..." names no ship, so it was no
    # later telling of a sentence that named the one asked, though its article speaks of nothing else.
    opening = first("How many sailors from the Dorrit Bell drowned?").sentences[0].sentence.text
    assert opening.startswith("Six bodies have been recovered")


def test_an_ordinal_tells_the_toll_where_it_stands():
    # Wednesday's "... has infected 91 people and killed three" stood above Thursday's "A fourth person has
    # died in the typhoid outbreak ...": an ordinal was no count, so the later toll gave no answer.
    opening = first("How many people have died in the Pellowmere typhoid outbreak?").sentences[0].sentence.text
    assert opening.startswith("A fourth person has died")


def test_following_gives_the_reason_for_the_clause_it_closes():
    # "What caused the Dorrit Bell to sink?" opened with "... five days after the trawler sank" (a time, not a
    # cause), and "... sank in thick fog in the Grey Reach early on Tuesday, following a collision with a cargo
    # ship" gave no reason: "following" was no "after", and the sinking stood nine words before it.
    opening = first("What caused the Dorrit Bell to sink?").sentences[0].sentence.text
    assert "collision" in opening or "struck by" in opening


def test_answers_holding_more_of_the_rarer_words_come_first():
    # "Why was the health authority not told about the pump failure for nine days?" opened with "By the end of the
    # first day, 4,200 people had been vaccinated, the Health Authority says.", which holds one of the question's
    # rarer words ("day"), over one holding "told", "pump", "failure" and "health authority".
    opening = first("Why was the health authority not told about the pump failure for nine days?").sentences[0].sentence.text
    assert "pump failure" in opening


def test_inoculated_is_vaccinated():
    opening = first("How many people in Pellowmere have been inoculated?").sentences[0].sentence.text
    assert "11,800 people had been vaccinated" in opening
