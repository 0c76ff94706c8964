"""Write two synthetic LaTeX papers (a two-column and a one-column one) that exercise what the converter must
handle beyond the dev corpus: fractions and sums over several baselines, align blocks with several labels,
\\nonumber rows and \\tag, section-numbered labels (2.3, A.1), theorem-like statements, algorithm boxes, a
hyperparameter table, footnotes and hyphenation. The prose is generated from a fixed seed, so it is the same
on every run and owes nothing to the dev corpus.

    uv run python bench/synthetic_papers.py OUT_DIR     # needs latexmk + TeX Live (texlive-latex-extra,
                                                        # texlive-science); writes OUT_DIR/<name>/...

Each paper folder follows the corpus format (paper.pdf, source/main.tex, groundtruth.json made by
tests/fixtures/corpus/groundtruth.py, hyperparameters.json, ORIGIN.md), so it can be passed to
bench/extraction.py --corpus OUT_DIR.
"""

from __future__ import annotations

import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_VOCAB = (
    "model network training representation gradient optimization objective distribution sample variance "
    "parameter architecture layer attention encoder decoder sequence token embedding regularization "
    "generalization performance benchmark evaluation dataset experiment baseline improvement approximation "
    "convergence stochastic estimator likelihood posterior inference latent transformation normalization "
    "initialization schedule iteration computation efficiency robustness interpretability scalability "
    "the a of to in and for with on that this we our is are by as from which its their between across "
    "significantly consistently empirically theoretically substantially particularly respectively"
)
WORDS = _VOCAB.split()


def prose(rng: random.Random, sentences: int) -> str:
    out = []
    for _ in range(sentences):
        n = rng.randint(12, 24)
        words = [rng.choice(WORDS) for _ in range(n)]
        out.append(" ".join(words).capitalize() + ".")
    return " ".join(out)


HP_TABLE = r"""
\begin{table}[t]
\caption{Training hyperparameters.}
\centering
\begin{tabular}{ll}
\hline
Hyperparameter & Value \\
\hline
Learning rate & $3 \times 10^{-4}$ \\
Batch size & 256 \\
Dropout & 0.1 \\
Weight decay & 0.01 \\
Warmup steps & 4000 \\
\hline
\end{tabular}
\end{table}
"""

EQ_BLOCKS = [
    r"""\begin{equation}
\mathcal{L}(\theta) = \frac{1}{N} \sum_{i=1}^{N} \log p_\theta(x_i \mid z_i)
  - \beta \, \mathrm{KL}(q(z) \| p(z))
\label{eq:loss}
\end{equation}""",
    r"""\begin{align}
h_t &= \tanh(W_h h_{t-1} + U_h x_t + b_h) \label{eq:rnn} \\
y_t &= \mathrm{softmax}(V h_t + c) \nonumber \\
p(y \mid x) &= \prod_{t=1}^{T} \frac{\exp(s_t)}{\sum_{k} \exp(s_k)} \label{eq:prod}
\end{align}""",
    r"""\begin{equation}
\alpha_{ij} = \frac{\exp(q_i^\top k_j / \sqrt{d})}{\sum_{l=1}^{n} \exp(q_i^\top k_l / \sqrt{d})}
\end{equation}""",
    r"""\begin{equation}
\theta_{t+1} = \theta_t - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon} \tag{$\star$}
\end{equation}""",
    r"""\begin{equation}
\mathrm{Attn}(Q, K, V) = \mathrm{softmax}\left(\frac{Q K^\top}{\sqrt{d_k}}\right) V
\end{equation}""",
    r"""\begin{align}
\mu_t &= \frac{1}{1 - \gamma^t} \sum_{s=1}^{t} \gamma^{t-s} g_s \\
\sigma_t^2 &= \frac{1}{t} \sum_{s=1}^{t} (g_s - \mu_t)^2
\end{align}""",
]

ALGORITHM = r"""
\begin{algorithm}[t]
\caption{Stochastic training with warm restarts}
\begin{algorithmic}[1]
\Require learning rate $\eta$, batch size $B$, number of steps $T$
\State initialize $\theta_0$
\For{$t = 1$ \textbf{to} $T$}
\State sample a minibatch of size $B$
\State $g_t \gets \nabla_\theta \mathcal{L}(\theta_{t-1})$
\State $\theta_t \gets \theta_{t-1} - \eta g_t$
\EndFor
\State \Return $\theta_T$
\end{algorithmic}
\end{algorithm}
"""


def paper(name: str, twocol: bool, seed: int) -> str:
    rng = random.Random(seed)
    cls = r"\documentclass[10pt,twocolumn]{article}" if twocol else r"\documentclass[11pt]{article}"
    head = (
        cls
        + r"""
\usepackage[margin=0.8in]{geometry}
\usepackage{amsmath,amssymb,amsthm}
\usepackage{algorithm}
\usepackage{algpseudocode}
\newtheorem{theorem}{Theorem}[section]
\newtheorem{lemma}[theorem]{Lemma}
\newtheorem{definition}{Definition}
\newtheorem{assumption}{Assumption}
"""
        + (r"\numberwithin{equation}{section}" if not twocol else "")
        + r"""
\title{A Synthetic Study of """
        + ("Two-Column" if twocol else "One-Column")
        + r""" Layouts}
\author{Bench Author}
\date{}
\begin{document}
\maketitle
\begin{abstract}
"""
        + prose(rng, 5)
        + r"""
\end{abstract}
"""
    )
    body = []
    eqs = list(EQ_BLOCKS)
    for k, sec in enumerate(["Introduction", "Method", "Analysis", "Experiments", "Conclusion"]):
        body.append(rf"\section{{{sec}}}")
        body.append(prose(rng, 7) + r"\footnote{" + prose(rng, 1) + "}")
        body.append(prose(rng, 6))
        if sec in ("Method", "Analysis"):
            for _ in range(3):
                body.append(prose(rng, 3) + " as follows:")
                body.append(eqs.pop(0) if eqs else "")
                body.append("where " + prose(rng, 3))
        if sec == "Method":
            body.append(r"\begin{definition}" + prose(rng, 2) + r"\end{definition}")
            body.append(r"\begin{assumption}" + prose(rng, 1) + r"\end{assumption}")
            body.append(ALGORITHM)
        if sec == "Analysis":
            body.append(r"\begin{theorem}[Convergence] " + prose(rng, 2) + r"\end{theorem}")
            body.append(r"\begin{lemma}" + prose(rng, 2) + r"\end{lemma}")
        if sec == "Experiments":
            body.append(HP_TABLE)
            body.append(
                "We train with a batch size of 256 and a learning rate of $3 \\times 10^{-4}$ for "
                "100K steps with dropout 0.1. " + prose(rng, 5)
            )
        body.append(prose(rng, 6))
        body.append(f"\\subsection{{Details of part {k + 1}}}")
        body.append(prose(rng, 8))
    body.append(r"\appendix")
    body.append(r"\section{Proofs}")
    body.append(prose(rng, 4))
    body.append(r"""\begin{equation}
\| \nabla f(x) - \nabla f(y) \| \le L \| x - y \|
\end{equation}""")
    body.append(r"\begin{lemma}" + prose(rng, 2) + r"\end{lemma}")
    body.append(prose(rng, 6))
    return head + "\n\n".join(body) + "\n\\end{document}\n"


HYPERPARAMETERS = [
    {"name": "learning_rate", "value": "3e-4", "value_normalized": 0.0003, "where": "table 1"},
    {"name": "batch_size", "value": "256", "value_normalized": 256, "where": "table 1"},
    {"name": "dropout", "value": "0.1", "value_normalized": 0.1, "where": "table 1"},
    {"name": "weight_decay", "value": "0.01", "value_normalized": 0.01, "where": "table 1"},
    {"name": "warmup_steps", "value": "4000", "value_normalized": 4000, "where": "table 1"},
    {"name": "training_steps", "value": "100K", "value_normalized": 100000, "where": "section 4"},
]


def build(out: Path) -> None:
    if not shutil.which("latexmk"):
        raise SystemExit("latexmk not found: apt-get install texlive-latex-extra texlive-science latexmk")
    gt_script = ROOT / "tests" / "fixtures" / "corpus" / "groundtruth.py"
    out.mkdir(parents=True, exist_ok=True)
    for name, twocol, seed in (("synth2col", True, 7), ("synth1col", False, 11)):
        d = out / name
        (d / "source").mkdir(parents=True, exist_ok=True)
        (d / "source" / "main.tex").write_text(paper(name, twocol, seed))
        subprocess.run(
            ["latexmk", "-pdf", "-quiet", "-interaction=nonstopmode", "main.tex"],
            cwd=d / "source",
            check=True,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=300,
        )
        shutil.copyfile(d / "source" / "main.pdf", d / "paper.pdf")
        for junk in (d / "source").iterdir():
            if junk.name != "main.tex":
                junk.unlink()
        items = [{**h, "context": "all experiments", "quote": ""} for h in HYPERPARAMETERS]
        (d / "hyperparameters.json").write_text(json.dumps({"paper": name, "items": items}, indent=1))
        (d / "ORIGIN.md").write_text(
            f"# {name}\n\nSynthetic paper written by bench/synthetic_papers.py "
            f"(seed {seed}); built with latexmk -pdf (TeX Live).\n"
        )
        subprocess.run(
            [sys.executable, str(gt_script), str(d.resolve())],
            check=True,
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=120,
        )


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "papers")
