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
