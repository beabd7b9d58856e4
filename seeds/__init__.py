"""The embedded default corpus; installed as ``summarizer.seeds`` (see pyproject.toml)."""
