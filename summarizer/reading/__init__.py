"""Stage 1, reading: from files and bytes to articles with paragraphs, sentences and terms.

``inputs`` finds and decodes files (``decoding``, ``html``), ``metadata`` and ``boilerplate``
(with its cheap ``prefilter``) find what is not the article's body, ``articles`` builds the
model with exact offsets, ``segment`` splits sentences and ``terms`` turns them into stems.
"""
