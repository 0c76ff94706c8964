"""Expected failures: the message says what was wrong and what to do next."""


class PaperToCodeError(Exception):
    """Bad input or an unmet precondition; adapters show the message as is (ToolError, one stderr line)."""


class PathNotAllowed(PaperToCodeError):
    """A path outside the roots the server was started with."""
