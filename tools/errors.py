"""Expected failures, by kind: the message says what was wrong and what to do next. The adapters map every
PaperToCodeError to one answer (an MCP ToolError, a CLI error line); callers and tests tell kinds apart by
type."""


class PaperToCodeError(Exception):
    """Bad input or an unmet precondition; adapters show the message as is."""


class BadArgument(PaperToCodeError):
    """An argument the tool cannot use: a malformed value, or values that contradict each other."""


class NotFound(PaperToCodeError):
    """A file, folder, paper, job or item that does not exist."""


class OutsideRoots(PaperToCodeError):
    """A path outside the roots the server was started with (after every link is resolved)."""


class NotAPaper(PaperToCodeError):
    """A source that is no readable paper: not a PDF nor LaTeX, damaged, encrypted, scanned, no main file."""


class TooLarge(PaperToCodeError):
    """Over a size, page, member or time budget."""


class Refused(PaperToCodeError):
    """Content refused for safety: archive members that escape, links, devices, foreign redirects."""


class BadChecklist(PaperToCodeError):
    """A checklist that cannot be read, or holds no items."""


class Conflict(PaperToCodeError):
    """The target is in a state the call would damage: a file that exists and differs, a folder not empty."""


class ExternalFailure(PaperToCodeError):
    """A program or service the tool relies on failed: uv, ssh, Slurm, the arXiv server, the network."""
