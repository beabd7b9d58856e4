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
