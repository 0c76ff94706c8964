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
# a paper's own arXiv identity on its first page: the margin stamp arXiv adds ('arXiv:2102.09672v1 [cs.LG]
# 18 Feb 2021'), its DOI (10.48550/arXiv.2102.09672) or a link to its abs/pdf page
ARXIV_STAMP = re.compile(
    rf"arXiv:\s?({NEW_ARXIV}|{OLD_ARXIV})(v\d+)?\s+\[[a-z-]+(?:\.[A-Za-z-]+)?\]\s+\d{{1,2}}\s+[A-Z][a-z]{{2}}\s+\d{{4}}"
)
ARXIV_DOI = re.compile(rf"10\.48550/arXiv\.({NEW_ARXIV})(v\d+)?", re.I)
ARXIV_LINK = re.compile(rf"arxiv\.org/(?:abs|pdf)/({NEW_ARXIV}|{OLD_ARXIV})(v\d+)?", re.I)
PAPER_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,127}")  # a paper's workspace folder name: fullmatch


def parse_arxiv_id(source: str) -> str | None:
    """'2401.12345v2', 'hep-th/9901001', 'arXiv:2401.12345' or an abs/pdf URL -> the id; else None."""
    s = source.strip()
    m = ARXIV_ID.fullmatch(s) or ARXIV_URL.fullmatch(s)
    if not m:
        return None
    return _normal(m.group(1)) + (m.group(2) or "").lower()


def own_arxiv_id(first_page: str) -> str | None:
    """The arXiv id a paper's first page gives for the paper itself: its margin stamp, else the one id its
    arXiv DOIs and abs/pdf links agree on (two different ids there: None, they may be citations)."""
    m = ARXIV_STAMP.search(first_page)
    if m:
        return _normal(m.group(1)) + (m.group(2) or "").lower()
    found = {
        (_normal(m.group(1)), (m.group(2) or "").lower())
        for rx in (ARXIV_DOI, ARXIV_LINK)
        for m in rx.finditer(first_page)
    }
    ids = {i for i, _ in found}
    if len(ids) != 1:
        return None
    versions = {v for _, v in found}
    return ids.pop() + (versions.pop() if len(versions) == 1 else "")


def _normal(ident: str) -> str:
    if "/" in ident:
        archive, num = ident.split("/")
        return f"{archive.lower()}/{num}"
    return ident


def arxiv_paper_id(arxiv_id: str) -> str:
    """The paper_id of an arXiv paper: 'arxiv-2401.12345v2', 'arxiv-hep-th-9901001'."""
    return "arxiv-" + arxiv_id.replace("/", "-")


def hash_paper_id(sha256: str) -> str:
    """The paper_id of a local file: the first 16 hex characters of its sha256."""
    return sha256[:16]
