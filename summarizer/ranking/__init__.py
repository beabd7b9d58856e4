"""Stage 3, ranking and selection: the sentence-term ``corpus`` and its ``concepts``, ``topics``
as queries, the topic-biased ``ranker``, ``coverage`` and ``selection`` of a summary within a
budget, and ``methods``, which puts one method (ours or sumy's) behind one entry point."""
