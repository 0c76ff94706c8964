"""A LaTeX project's main file, read as one text: inputs inlined, comments and dead code dropped."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.errors import NotAPaper, PaperToCodeError, TooLarge
from tools.ingest.latex import comments
from tools.ingest.latex.scan import (
    drop_environments,
    drop_iffalse,
    resolve_switches,
    resolve_undefined,
    strip_comments,
)

MAX_FILE_BYTES = 20_000_000
MAX_DEPTH = 20
_INCLUDE = re.compile(
    r"\\(input|include|subfile|import|subimport|inputfrom|includefrom|subinputfrom|subincludefrom)\*?"
    r"(?![a-zA-Z@])\s*(?:\{([^{}]*)\}\s*\{([^{}]*)\}|\{([^{}]*)\}|([^\s{}\\%]+))"
)
_TWO_ARG = {"import", "subimport", "inputfrom", "includefrom", "subinputfrom", "subincludefrom"}
_DOCCLASS = re.compile(r"\\documentclass(?![a-zA-Z])")
_BEGIN_DOC = re.compile(r"\\begin\s*\{document\}")
_END_DOC = re.compile(r"\\end\s*\{document\}")
_MAIN_NAMES = ("main.tex", "ms.tex", "paper.tex", "article.tex", "arxiv.tex")
# a supplement compiled as its own document ("appendices.tex", "supp.tex") and joined to the paper's PDF
_SUPPLEMENT_NAME = re.compile(r"supp|appendi", re.I)
_CLASS_LINE = re.compile(r"\\documentclass\s*(?:\[[^\]]*\])?\s*\{([^{}]*)\}")  # its class: group 1


@dataclass
class Document:
    """The whole expanded source of one paper (before macro expansion)."""

    main: Path
    reason: str
    preamble: str
    body: str
    files: list[Path] = field(default_factory=list)
    packages: str = ""
    warnings: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise TooLarge(
            f"{path.name} is larger than {MAX_FILE_BYTES // 1_000_000} MB: "
            "pass the paper's own .tex files, not data"
        )
    raw = path.read_bytes()
    if b"\x00" in raw[:4096]:
        raise NotAPaper(
            f"{path.name} is a binary file, not LaTeX: pass the .tex main file or its folder"
        )
    return decode(raw)


# a byte of 0x80-0xFF between two plain ASCII bytes: how an 8-bit file (latin-1) writes its accented letters
_LONE_HIGH = re.compile(rb"(?<![\x80-\xff])[\x80-\xff](?![\x80-\xff])")
_HIGH = re.compile(rb"[\x80-\xff]")


def decode(raw: bytes) -> str:
    """A source file's text. UTF-8 (what LaTeX reads by default); a file of 8-bit letters standing alone, with
    no UTF-8 in it, as latin-1 ('caf\\xe9'); otherwise UTF-8 with each byte that is not UTF-8 (a text in
    another multi-byte code) shown as U+FFFD, never read as latin-1 letters that the paper does not print."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if len(_LONE_HIGH.findall(raw)) == len(_HIGH.findall(raw)):
        return raw.decode("latin-1")
    return raw.decode("utf-8", errors="replace")


def clean(text: str) -> str:
    """Comments, \\iffalse blocks and comment environments removed (the comment package's own
    environments are resolved on the whole document: latex.comments)."""
    text = strip_comments(text.replace("\r\n", "\n").replace("\r", "\n"))
    return drop_environments(drop_iffalse(text), {"comment"})


def _is_main(text: str) -> tuple[bool, bool]:
    t = clean(text)
    return bool(_DOCCLASS.search(t)), bool(_BEGIN_DOC.search(t))


def find_main(folder: Path) -> tuple[Path, str, list[str]]:
    """The main file of a LaTeX project folder, why it was chosen, and warnings."""
    named = _readme_main(folder)
    if named is not None:
        return named, "named as the top-level file by the e-print's 00README", []
    texs = sorted(p for p in folder.rglob("*.tex") if p.is_file() and not p.is_symlink())
    if not texs:
        raise NotAPaper(
            f"no .tex file in {folder}: pass a folder or archive that holds the LaTeX source, "
            "or the paper's PDF"
        )
    scored, skipped = [], []
    for p in texs:
        try:
            has_class, has_begin = _is_main(read_text(p))
        except PaperToCodeError as e:
            skipped.append(str(e))
            continue
        if has_class or has_begin:
            scored.append((has_class and has_begin, has_begin, p))
    full = [p for ok, _, p in scored if ok]
    if not full:
        partial = [p for _, b, p in scored if b]
        if not partial:
            not_read = f"; not read: {'; '.join(skipped[:3])}" if skipped else ""
            raise NotAPaper(
                f"no LaTeX main file in {folder} (none has \\documentclass and "
                f"\\begin{{document}}){not_read}: pass the main .tex file itself, or the PDF"
            )
        full = partial
    warnings: list[str] = []
    if len(full) == 1:
        others = [str(p.relative_to(folder)) for _, _, p in scored if p != full[0]]
        if others:
            warnings.append(
                f"chose {full[0].relative_to(folder)}, the only candidate with both \\documentclass and "
                f"\\begin{{document}}; also looked like main files: {', '.join(others)}"
            )
        return full[0], "the only .tex file with \\documentclass and \\begin{document}", warnings
    included = _included_names(full)
    top = [p for p in full if p.stem not in included] or full
    named = [p for p in top if p.name.lower() in _MAIN_NAMES]
    pick = named[0] if named else max(top, key=lambda p: (p.stat().st_size, -len(p.parts)))
    why = "its name is a usual main-file name" if named else "the largest of them"
    others = ", ".join(str(p.relative_to(folder)) for p in full if p != pick)
    warnings.append(
        f"several main-file candidates; chose {pick.relative_to(folder)} ({why}), not: {others}. "
        "Pass the main .tex file itself to choose another"
    )
    return pick, f"{why}, among {len(full)} candidates", warnings


def _readme_main(folder: Path) -> Path | None:
    """arXiv's 00README.json ("usage": "toplevel") or legacy 00README.XXX ("<file> toplevelfile")."""
    import json

    names: list[str] = []
    try:
        if (folder / "00README.json").is_file():
            data = json.loads((folder / "00README.json").read_text(encoding="utf-8"))
            names = [x.get("filename", "") for x in data.get("sources", []) if x.get("usage") == "toplevel"]
        elif (folder / "00README.XXX").is_file():
            for line in (folder / "00README.XXX").read_text(encoding="utf-8", errors="replace").splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[1] == "toplevelfile":
                    names.append(parts[0])
    except (OSError, ValueError, AttributeError):
        return None
    for name in names:
        p = (folder / name).resolve()
        if p.is_relative_to(folder.resolve()) and p.is_file():
            return p
    return None


def _included_names(paths: list[Path]) -> set[str]:
    return {name for p in paths for name in _input_names(clean(read_text(p)))}


def _input_names(text: str) -> set[str]:
    """The stems of the files a text inputs (`\\input{sec/intro}` -> intro)."""
    return {Path((m[3] or m[4] or m[5] or "").strip()).stem for m in _INCLUDE.finditer(text)}


def _resolve_include(base: Path, root: Path, name: str, warnings: list[str]) -> Path | None:
    name = name.strip().strip('"')
    if not name:
        return None
    for cand in (base / name, base / f"{name}.tex", root / name, root / f"{name}.tex"):
        try:
            full = cand.resolve()
        except OSError:
            continue
        if not full.is_relative_to(root):
            warnings.append(f"\\input{{{name}}} points outside the project folder: skipped")
            return None
        if full.is_file():
            return full
    warnings.append(f"\\input{{{name}}}: file not found in the project, skipped")
    return None


def inline(
    path: Path,
    root: Path,
    warnings: list[str],
    files: list[Path],
    depth: int = 0,
    stack: tuple[Path, ...] = (),
) -> str:
    """The file's cleaned text with \\input, \\include, \\subfile and \\import replaced by their files."""
    files.append(path)
    text = clean(read_text(path))
    if path.suffix != ".tex" or depth > MAX_DEPTH:
        return text
    base = path.parent

    def repl(m: re.Match[str]) -> str:
        cmd = m.group(1)
        if cmd in _TWO_ARG and m.group(2) is not None:
            folder = (base if cmd.startswith("sub") else root) / m.group(2).strip()
            target = _resolve_include(folder, root, m.group(3), warnings)
        else:
            target = _resolve_include(base, root, m.group(4) or m.group(5) or "", warnings)
        if target is None:
            return ""
        if target in stack or target == path:
            warnings.append(f"\\{cmd}{{{target.name}}} includes itself (a cycle): skipped")
            return ""
        sub = inline(target, root, warnings, files, depth + 1, (*stack, path))
        if cmd == "subfile":
            sub = document_part(sub)[1] or sub
        return ("\\clearpage\n" if cmd == "include" else "") + sub + "\n"

    return _INCLUDE.sub(repl, text)


_BIBLIOGRAPHY = re.compile(r"\\bibliography\s*\{[^{}]*\}")


def _with_bbl(text: str, main: Path, root: Path, warnings: list[str]) -> str:
    """\\bibliography{...} replaced by the compiled <main>.bbl when the project ships one (e-prints do); a
    .bbl that leads out of the project folder (a link) is skipped, as \\input is."""
    bbl = main.with_suffix(".bbl")
    m = _BIBLIOGRAPHY.search(text)
    if not m or not bbl.is_file():
        return text
    if not bbl.resolve().is_relative_to(root):
        warnings.append(f"{bbl.name} points outside the project folder: skipped")
        return text
    try:
        entries = clean(read_text(bbl))
    except PaperToCodeError as e:
        warnings.append(f"{bbl.name} not read: {e}")
        return text
    return text[: m.start()] + entries + text[m.end() :]


def document_part(text: str) -> tuple[str, str | None]:
    """(preamble, body) split at \\begin{document}; body None when there is none."""
    b = _BEGIN_DOC.search(text)
    if not b:
        return text, None
    e = _END_DOC.search(text, b.end())
    return text[: b.start()], text[b.end() : e.start() if e else len(text)]


def load(source: Path) -> Document:
    """Read a main .tex file or a project folder into one Document."""
    warnings: list[str] = []
    if source.is_dir():
        main, reason, warnings = find_main(source)
        root = source.resolve()
    else:
        main, root = source, source.parent.resolve()
        has_class, has_begin = _is_main(read_text(source))
        if not has_begin:
            raise NotAPaper(
                f"{source.name} has no \\begin{{document}}: it is not a LaTeX main file; "
                "pass the main .tex file or the project folder"
            )
        reason = "given as the main file" + ("" if has_class else " (it has no \\documentclass)")
    files: list[Path] = []
    text = inline(main.resolve(), root, warnings, files)
    text = _with_bbl(text, main.resolve(), root, warnings)
    if source.is_dir():
        text = _with_supplement(text, source, main, warnings, files)
    packages = local_packages(document_part(text)[0], root, files, main.resolve().parent)
    text = resolve_switches(resolve_undefined(comments.apply(text, packages)))
    preamble, body = document_part(text)
    if body is None:
        raise NotAPaper(
            f"{main.name} has no \\begin{{document}} after its inputs were read: pass the LaTeX main file"
        )
    if not _END_DOC.search(text):
        warnings.append("no \\end{document}: read to the end of the file")
    return Document(
        main=main.resolve(),
        reason=reason,
        preamble=preamble,
        body=body,
        files=files,
        packages=packages,
        warnings=warnings,
    )


def _supplement(folder: Path, main: Path, text: str) -> list[Path]:
    """Other documents of the folder named as a supplement or appendix that the main text does not input (a
    standalone figure, `\\documentclass{standalone}`, is none)."""
    inputs = _input_names(text)
    found = []
    for p in sorted(folder.rglob("*.tex")):
        if p.resolve() == main.resolve() or p.stem in inputs or not _SUPPLEMENT_NAME.search(p.stem):
            continue
        try:
            source = read_text(p) if p.is_file() and not p.is_symlink() else ""
            standalone = any(c.strip() == "standalone" for c in _CLASS_LINE.findall(source))
            if _is_main(source)[1] and not standalone:
                found.append(p)
        except PaperToCodeError:
            continue
    return found


_SECTION_TITLE = re.compile(r"\\section\*?\s*\{([^{}]*)\}")


def _another_version(body: str, extra: str) -> bool:
    """Does a would-be supplement repeat half the paper's sections or more ('main_with_appendix.tex')?"""
    ours = set(_SECTION_TITLE.findall(body))
    return bool(ours) and 2 * len(ours & set(_SECTION_TITLE.findall(extra))) >= len(ours)


def _with_supplement(text: str, folder: Path, main: Path, warnings: list[str], files: list[Path]) -> str:
    """The main text with a separate supplementary document's body after its own, as the appendix; its
    equations, numbered afresh on its own pages, are S1, S2, ... (an ID apart from the paper's (1)); its
    preamble's macros count too."""
    found = _supplement(folder, main, text)
    if len(found) != 1:
        if found:
            names = ", ".join(str(p.relative_to(folder)) for p in found)
            warnings.append(f"several supplementary documents ({names}): none read; pass the one you want")
        return text
    root = folder.resolve()
    preamble, body = document_part(text)
    read: list[Path] = []
    extra_preamble, extra = document_part(inline(found[0].resolve(), root, warnings, read))
    if body is None or extra is None:
        return text
    name = found[0].relative_to(folder)
    if _another_version(body, extra):
        warnings.append(f"{name} repeats the paper's sections (another version of it): not read")
        return text
    files += read
    extra_preamble = _CLASS_LINE.sub("", extra_preamble)
    opening = (
        "\n\\clearpage\n\\setcounter{equation}{0}\n\\renewcommand{\\theequation}{S\\arabic{equation}}\n"
        + ("" if "\\appendix" in extra else "\\appendix\n")
    )
    warnings.append(f"read {name}, a separate supplementary document, as the appendix (equations S1, S2..)")
    return f"{preamble}\n{extra_preamble}\n\\begin{{document}}{body}{opening}{extra}\n\\end{{document}}\n"


_USEPACKAGE = re.compile(r"\\(?:usepackage|RequirePackage)\s*(?:\[[^\]]*\])?\s*\{([^}]*)\}")


def local_packages(preamble: str, root: Path, files: list[Path], here: Path | None = None) -> str:
    """The cleaned text of .sty files the project ships and loads (their macro definitions count): beside the
    main file (`here`, where LaTeX runs), else at the project's root."""
    parts = []
    for m in _USEPACKAGE.finditer(preamble):
        for name in m.group(1).split(","):
            found = [(d / f"{name.strip()}.sty").resolve() for d in dict.fromkeys([here or root, root])]
            sty = next((p for p in found if p.is_relative_to(root) and p.is_file()), None)
            if sty is not None:
                files.append(sty)
                parts.append(clean(read_text(sty)))
    return "\n".join(parts)
