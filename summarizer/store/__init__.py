"""Stage 2, the store: the SQLite index of parsed articles (``index``, ``cache``), the parallel
workers that fill it (``ingest``), and ``loading``, which turns paths into articles through it."""
