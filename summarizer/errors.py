"""Typed errors; the command line turns them into one-line messages and exit codes."""


class NewsdigestError(Exception):
    """Base class: ``str(error)`` is a complete one-line message for the user."""


class InputError(NewsdigestError):
    """An input file or directory cannot be used (the run may go on without it)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class NoArticlesError(NewsdigestError):
    """Nothing readable was found in any input."""


class TopicsError(NewsdigestError):
    """A topics file is invalid."""


class EmptyQueryError(TopicsError):
    """A query has no word to search for ("who", "what is it"): a usage error."""


class UnknownTopicError(NewsdigestError):
    """A topic name was asked for that no topic has (a usage error)."""

    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown topic {name!r}; known topics: {', '.join(known)}")
        self.name = name
        self.known = known


class UnknownMethodError(NewsdigestError):
    def __init__(self, name: str, known: list[str]) -> None:
        super().__init__(f"unknown method {name!r}; known methods: {', '.join(known)}")
