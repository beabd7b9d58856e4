"""Questions of held-out audit 29, over its fictional articles (Mount Kavrel's eruption on Skarra Island, the
tanker Meridian Crest's oil spill, an avalanche at the Crestavel resort), as the reader asked them.

The articles (tests/data/audit29/stories.jsonl) are the audit's own, as newsdigest read them from its
feeds, pages and files: written before any of the code these questions test."""

import functools

from . import audits

first = functools.partial(audits.first, "audit29")


def test_a_length_of_time_is_retold_only_by_a_length():
    # "How long was Sofie Lantz buried?" opened with "Six of the survivors, including Sofie Lantz, have joined a second
    # suit", in place of "Sofie Lantz was under the snow for two hours and ten minutes." as its later telling: a
    # figure counting nothing named retold any figure.
    opening = first("How long was Sofie Lantz buried?").sentences[0].sentence.text
    assert opening == "Sofie Lantz was under the snow for two hours and ten minutes."


def test_what_happens_next_with_no_other_word_is_asked_of_the_stories_told():
    # It exited 2, "has no content words to search for": the question names no subject, and asks it of every story.
    summary = first("What happens next?")
    (chosen,) = summary.sentences
    dates = {article.id: article.date for article in audits.articles("audit29")}
    assert dates[chosen.sentence.article_id] == max(dates.values())
    assert " would " in chosen.sentence.text or " will " in chosen.sentence.text
    assert first("What's next?").sentences[0].sentence.text == chosen.sentence.text
