"""The evaluation kit: ``datasets`` (topics, references, peers; jackknifed scoring as at DUC),
``rouge`` (a port of ROUGE-1.5.5) and ``benchmark`` (every method over a dataset)."""
