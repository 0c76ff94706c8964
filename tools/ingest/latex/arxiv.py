"""Polite downloads of a paper's PDF and e-print source from arXiv (ids and URLs: tools/identifiers.py).

Base URL from Settings.arxiv_base_url (tests serve fixtures on 127.0.0.1). Redirects may only go to arXiv's
own hosts or the configured base host; every download has a timeout and a size limit.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from tools.errors import ExternalFailure, Refused, TooLarge

USER_AGENT = "paper-to-code/0.1 (LaTeX route; polite single-paper downloads)"
TIMEOUT_S = 30.0
MAX_BYTES = 100 * 1024 * 1024
ARXIV_HOSTS = {"arxiv.org", "www.arxiv.org", "export.arxiv.org"}


class _SameSiteRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allowed: set[str]) -> None:
        self.allowed = allowed

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[override]
        host = urllib.parse.urlsplit(newurl).hostname or ""
        if host not in self.allowed:
            raise Refused(
                f"arXiv redirected to {host!r}, which is not an arXiv host: refused; download "
                "the paper by hand and pass the file"
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(kind: str, arxiv_id: str, base_url: str | None = None) -> tuple[bytes | None, str | None]:
    """GET <base>/<kind>/<id> ('pdf' or 'e-print'): (bytes, content type); (None, None) on 404."""
    from tools.config import get_settings

    base = (base_url or get_settings().arxiv_base_url).rstrip("/")
    url = f"{base}/{kind}/{arxiv_id}"
    allowed = ARXIV_HOSTS | {urllib.parse.urlsplit(base).hostname or ""}
    opener = urllib.request.build_opener(_SameSiteRedirects(allowed))
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(req, timeout=TIMEOUT_S) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > MAX_BYTES:
                raise TooLarge(
                    f"{url} is {int(length) // 2**20} MB, above the "
                    f"{MAX_BYTES // 2**20} MB limit: download it by hand if you need it"
                )
            data = resp.read(MAX_BYTES + 1)
            if len(data) > MAX_BYTES:
                raise TooLarge(f"{url} is larger than {MAX_BYTES // 2**20} MB: refused")
            return data, resp.headers.get("Content-Type")
    except urllib.error.HTTPError as e:
        if e.code in (404, 410):
            return None, None
        raise ExternalFailure(
            f"arXiv answered {e.code} for {url}: try again later, or download the paper "
            "by hand and pass the file"
        ) from e
    except (urllib.error.URLError, TimeoutError, OSError) as e:
        reason = getattr(e, "reason", e)
        raise ExternalFailure(
            f"could not reach arXiv at {base} ({reason}): check the network, or download "
            "the PDF or e-print by hand and pass the file"
        ) from e
