"""Identifiers of papers: arXiv ids (bare, in URLs, in running text) and workspace paper ids."""

from __future__ import annotations

import re

NEW_ARXIV = r"\d{4}\.\d{4,5}"  # 2401.12345
OLD_ARXIV = r"[a-z]+(?:-[a-z]+)*(?:\.[A-Z]{2})?/\d{7}"  # hep-th/9901001, math.GT/0309136
ARXIV_ID = re.compile(rf"(?:arxiv:)?({NEW_ARXIV}|{OLD_ARXIV})(v\d+)?", re.I)  # a whole bare id: fullmatch
ARXIV_URL = re.compile(
    rf"https?://(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|e-print|src|html)/({NEW_ARXIV}|{OLD_ARXIV})(v\d+)?"
    r"(?:\.pdf)?/?(?:[?#].*)?",
    re.I,
)  # a whole URL: fullmatch
ARXIV_IN_TEXT = re.compile(rf"(?:arxiv\.org/(?:abs|pdf)/|arXiv:\s?)({NEW_ARXIV})(v\d+)?", re.I)  # search
PAPER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")  # a paper's workspace folder name: fullmatch


def parse_arxiv_id(source: str) -> str | None:
    """'2401.12345v2', 'hep-th/9901001', 'arXiv:2401.12345' or an abs/pdf URL -> the id; else None."""
    s = source.strip()
    m = ARXIV_ID.fullmatch(s) or ARXIV_URL.fullmatch(s)
    if not m:
        return None
    ident = m.group(1)
    if "/" in ident:
        archive, num = ident.split("/")
        ident = f"{archive.lower()}/{num}"
    return ident + (m.group(2) or "").lower()


def arxiv_paper_id(arxiv_id: str) -> str:
    """The paper_id of an arXiv paper: 'arxiv-2401.12345v2', 'arxiv-hep-th-9901001'."""
    return "arxiv-" + arxiv_id.replace("/", "-")


def hash_paper_id(sha256: str) -> str:
    """The paper_id of a local file: the first 16 hex characters of its sha256."""
    return sha256[:16]
