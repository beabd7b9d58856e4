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
