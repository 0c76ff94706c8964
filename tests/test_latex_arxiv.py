"""arXiv ids and URLs against a local HTTP server on 127.0.0.1 serving fixture files (never the internet)."""

from __future__ import annotations

import gzip
import io
import json
import shutil
import socket
import tarfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tools.analysis.equations import grep_equations
from tools.config import configure, get_settings
from tools.errors import ExternalFailure, NotFound, Refused
from tools.identifiers import arxiv_paper_id, own_arxiv_id, parse_arxiv_id
from tools.ingest.latex.arxiv import USER_AGENT
from tools.ingest.paper import pdf_to_markdown

CORPUS = Path(__file__).parent / "fixtures" / "corpus"


def _tar_gz(src: Path) -> bytes:
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tf:
        for p in sorted(src.rglob("*")):
            if p.is_file():
                tf.add(p, arcname=str(p.relative_to(src)))
    return buf.getvalue()


ROUTES: dict[str, tuple[int, bytes, dict[str, str]]] = {}
SEEN: list[tuple[str, str]] = []


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        SEEN.append((self.path, self.headers.get("User-Agent", "")))
        code, body, headers = ROUTES.get(self.path, (404, b"not found", {}))
        self.send_response(code)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def arxiv_server() -> Iterator[str]:
    nfp_pdf = (CORPUS / "nfp" / "paper.pdf").read_bytes()
    ROUTES.update(
        {
            "/e-print/1509.09292v2": (
                200,
                _tar_gz(CORPUS / "nfp" / "source"),
                {"Content-Type": "application/x-eprint-tar"},
            ),
            "/pdf/1509.09292v2": (200, nfp_pdf, {"Content-Type": "application/pdf"}),
            "/e-print/hep-th/9901001": (
                200,
                gzip.compress((CORPUS / "plrnn" / "source" / "main.tex").read_bytes()),
                {},
            ),
            "/e-print/2102.09672": (200, _tar_gz(CORPUS / "iddpm" / "source"), {}),
            "/pdf/2102.09672": (200, (CORPUS / "iddpm" / "paper.pdf").read_bytes(), {}),
            "/e-print/2000.00002": (
                200,
                nfp_pdf,
                {"Content-Type": "application/pdf"},
            ),  # a PDF-only submission
            "/pdf/2000.00002": (200, nfp_pdf, {}),
            "/e-print/2102.09672v1": (200, _tar_gz(CORPUS / "iddpm" / "source"), {}),
            "/e-print/2000.00003": (302, b"", {"Location": "http://evil.example.com/e-print/2000.00003"}),
        }
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    before = get_settings().arxiv_base_url
    yield f"http://127.0.0.1:{server.server_address[1]}"
    configure(arxiv_base_url=before)
    server.shutdown()


@pytest.fixture
def arxiv(arxiv_server: str, tmp_root: Path) -> Iterator[Path]:
    before = get_settings().arxiv_base_url
    configure(arxiv_base_url=arxiv_server)
    yield tmp_root
    configure(arxiv_base_url=before)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2401.12345", "2401.12345"),
        ("2401.12345v2", "2401.12345v2"),
        ("arXiv:1509.09292V2", "1509.09292v2"),
        ("hep-th/9901001", "hep-th/9901001"),
        ("math.GT/0309136v1", "math.gt/0309136v1"),
        ("https://arxiv.org/abs/2102.09672", "2102.09672"),
        ("http://arxiv.org/pdf/2102.09672v1.pdf", "2102.09672v1"),
        ("https://export.arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("paper.pdf", None),
        ("2401.123", None),
        ("https://evil.com/abs/2401.12345", None),
    ],
)
def test_parse_id(text: str, want: str | None) -> None:
    assert parse_arxiv_id(text) == want


def test_new_style_id_downloads_source_and_pdf(arxiv: Path) -> None:
    res = pdf_to_markdown("1509.09292v2")
    side = json.loads(Path(res.sidecar_path).read_text())
    assert (
        side["route"] == "latex"
        and side["arxiv_id"] == "1509.09292v2"
        and res.paper_id == arxiv_paper_id("1509.09292v2")
    )
    assert Path(side["pdf_path"]).read_bytes().startswith(b"%PDF-")  # the PDF is kept beside the source
    assert side["main_file"] == "neural-fingerprints.tex" and side["numbered_equations"] == 1
    assert ("/pdf/1509.09292v2", USER_AGENT) in SEEN
    n = len(SEEN)
    assert pdf_to_markdown("https://arxiv.org/abs/1509.09292v2").cached and len(SEEN) == n  # no new request


def test_old_style_id_with_single_gzipped_tex_and_no_pdf(arxiv: Path) -> None:
    res = pdf_to_markdown("hep-th/9901001")
    assert res.paper_id == "arxiv-hep-th-9901001"
    assert "**Algorithm 1** Parallel linear recurrence" in Path(res.markdown_path).read_text()


def test_abs_url(arxiv: Path) -> None:
    res = pdf_to_markdown("https://arxiv.org/pdf/2102.09672")
    assert json.loads(Path(res.sidecar_path).read_text())["numbered_equations"] == 19


def test_pdf_only_submission_falls_back_to_the_pdf_route(arxiv: Path) -> None:
    res = pdf_to_markdown("2000.00002")
    assert json.loads(Path(res.sidecar_path).read_text())["route"] == "pdf" and res.pages
    assert any("no LaTeX source" in w for w in res.warnings)


def test_unknown_id_redirect_and_network_failure(arxiv: Path) -> None:
    with pytest.raises(NotFound, match="arXiv has no paper '2000.99999'"):
        pdf_to_markdown("2000.99999")
    with pytest.raises(Refused, match="not an arXiv host"):
        pdf_to_markdown("2000.00003")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        closed = s.getsockname()[1]
    configure(arxiv_base_url=f"http://127.0.0.1:{closed}")
    with pytest.raises(ExternalFailure, match="could not reach arXiv"):
        pdf_to_markdown("2102.09672")
    assert not list((arxiv / ".paper-to-code").rglob("paper.md"))


@pytest.mark.anyio
async def test_through_the_mcp_client(arxiv_server: str, client) -> None:
    before = get_settings().arxiv_base_url
    configure(arxiv_base_url=arxiv_server)
    try:
        r = await client.call_tool("pdf_to_markdown", {"source": "arXiv:2102.09672", "limit": 3000})
        assert not r.is_error, r.content
        s = r.structured_content
        assert s["pages"] is None and s["paper_id"] == "arxiv-2102.09672" and len(s["text"]) <= 3000
        g = await client.call_tool(
            "grep_equations", {"markdown_path": s["markdown_path"], "kinds": ["numbered"]}
        )
        eqs = g.structured_content["numbered"]
        assert g.structured_content["route"] == "latex" and len(eqs) == 19 and all(e["latex"] for e in eqs)
        bad = await client.call_tool("pdf_to_markdown", {"source": "2000.99999"})
        assert bad.is_error and "arXiv has no paper" in bad.content[0].text
    finally:
        configure(arxiv_base_url=before)


def test_cli_reads_the_base_url_from_the_environment(arxiv_server: str, tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("paper-to-code")
    env = {**os.environ, "PAPER_TO_CODE_ARXIV_BASE_URL": arxiv_server}
    p = subprocess.run(
        [str(exe), "--root", str(tmp_path), "--json", "pdf-to-markdown", "--source", "hep-th/9901001"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["paper_id"] == "arxiv-hep-th-9901001" and out["pages"] is None
    bad = subprocess.run(
        [str(exe), "--root", str(tmp_path), "pdf-to-markdown", "--source", "2000.99999"],
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
        env=env,
    )
    lines = [ln for ln in bad.stderr.splitlines() if ln.strip()]
    assert bad.returncode == 1 and len(lines) == 1 and "arXiv has no paper" in lines[0], bad.stderr


# ------------------------------------------------------------------------------- a PDF's own arXiv identity


def stamp_pdf(src: Path, dst: Path, text: str) -> Path:
    """`src` with arXiv's margin stamp written up the left margin of page 1 (rotated text, as arXiv does)."""
    pikepdf = pytest.importorskip("pikepdf", reason="pikepdf (dev dependency) writes the stamped PDF")
    with pikepdf.open(src) as pdf:
        page = pdf.pages[0]
        font = pikepdf.Dictionary(
            Type=pikepdf.Name.Font, Subtype=pikepdf.Name.Type1, BaseFont=pikepdf.Name("/Times-Roman")
        )
        page.add_resource(font, pikepdf.Name.Font, pikepdf.Name("/FStamp"))
        ops = f"BT /FStamp 20 Tf 0 1 -1 0 32 236 Tm 0.5 g ({text}) Tj ET".encode()
        page.contents_add(pdf.make_stream(ops), prepend=False)
        pdf.save(dst)
    return dst


@pytest.mark.parametrize(
    ("page", "want"),
    [
        ("Title\narXiv:2102.09672v1  [cs.LG]  18 Feb 2021", "2102.09672v1"),
        ("arXiv:hep-th/9901001v2 [hep-th] 3 Jan 1999", "hep-th/9901001v2"),
        ("Published: https://doi.org/10.48550/arXiv.2401.12345", "2401.12345"),
        ("Code and paper: https://arxiv.org/abs/2401.12345v3", "2401.12345v3"),
        ("as shown by Brock et al. (arXiv:1809.11096, 2018)", None),  # a citation, not a stamp
        ("see arxiv.org/abs/2401.12345 and arxiv.org/abs/1809.11096", None),  # two papers: which one?
        ("no identifier here", None),
    ],
)
def test_own_arxiv_id_on_a_first_page(page: str, want: str | None) -> None:
    assert own_arxiv_id(page) == want


def test_stamped_pdf_gets_its_id_and_a_pointer_to_the_source(tmp_root: Path) -> None:
    stamped = stamp_pdf(CORPUS / "iddpm" / "paper.pdf", tmp_root / "iddpm.pdf",
                        "arXiv:2102.09672v1  [cs.LG]  18 Feb 2021")
    res = pdf_to_markdown(str(stamped))
    assert res.arxiv_id == "2102.09672v1"
    hint = [w for w in res.warnings if 'pdf_to_markdown(source="arXiv:2102.09672v1")' in w]
    assert hint and "prefer_source=True" in hint[0]
    assert parse_arxiv_id("arXiv:2102.09672v1") == "2102.09672v1"  # the call the hint names is accepted
    assert json.loads(Path(res.sidecar_path).read_text())["arxiv_id"] == "2102.09672v1"
    # the same paper unstamped cites a dozen arXiv papers in its references: none is taken for its own id
    shutil.copy(CORPUS / "iddpm" / "paper.pdf", tmp_root / "plain.pdf")
    plain = pdf_to_markdown(str(tmp_root / "plain.pdf"))
    assert plain.arxiv_id is None and not any("arXiv:" in w for w in plain.warnings)
    assert "arXiv:1809.11096" in Path(plain.markdown_path).read_text()


def test_prefer_source_converts_the_eprint_and_keeps_the_pdf(arxiv: Path) -> None:
    stamped = stamp_pdf(CORPUS / "iddpm" / "paper.pdf", arxiv / "iddpm.pdf",
                        "arXiv:2102.09672v1  [cs.LG]  18 Feb 2021")
    SEEN.clear()
    res = pdf_to_markdown(str(stamped), prefer_source=True)
    side = json.loads(Path(res.sidecar_path).read_text())
    assert side["route"] == "latex" and side["numbered_equations"] == 19 and res.pages is None
    assert res.paper_id == "arxiv-2102.09672v1" and res.arxiv_id == "2102.09672v1"
    assert res.pdf_path and Path(res.pdf_path).read_bytes() == stamped.read_bytes()
    eqs = grep_equations(res.markdown_path, kinds=["numbered"]).numbered
    assert len(eqs) == 19 and all(e.page and e.bbox for e in eqs)  # pages and boxes from the kept PDF
    assert [p for p, _ in SEEN] == ["/e-print/2102.09672v1"]  # the PDF in hand is not downloaded again
    assert pdf_to_markdown(str(stamped), prefer_source=True).cached and len(SEEN) == 1


@pytest.mark.parametrize(
    ("stamp", "why"),
    [
        ("arXiv:2000.00004v1 [cs.LG] 1 Feb 2020", "no e-print"),
        ("arXiv:2000.00002 [cs.LG] 1 Feb 2020", "only a PDF"),
    ],
)
def test_prefer_source_falls_back_to_the_pdf_saying_why(arxiv: Path, stamp: str, why: str) -> None:
    stamped = stamp_pdf(CORPUS / "nfp" / "paper.pdf", arxiv / "nfp.pdf", stamp)
    res = pdf_to_markdown(str(stamped), prefer_source=True)
    assert json.loads(Path(res.sidecar_path).read_text())["route"] == "pdf" and res.pages == 9
    w = [w for w in res.warnings if w.startswith("prefer_source: the arXiv e-print")]
    assert len(w) == 1 and why in w[0] and "converted the PDF instead" in w[0]
    shutil.copy(CORPUS / "plrnn" / "paper.pdf", arxiv / "plrnn.pdf")
    plain = pdf_to_markdown(str(arxiv / "plrnn.pdf"), prefer_source=True)  # no id at all
    assert plain.arxiv_id is None and any("no arXiv identifier" in w for w in plain.warnings)
