"""What the oracle reads in LaTeX: names, operators, relations, and why the rest is refused."""

from __future__ import annotations

import re

GREEK = {
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "varepsilon",
    "zeta",
    "eta",
    "theta",
    "vartheta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
    "rho",
    "varrho",
    "sigma",
    "varsigma",
    "tau",
    "upsilon",
    "phi",
    "varphi",
    "chi",
    "psi",
    "omega",
    "Gamma",
    "Delta",
    "Theta",
    "Lambda",
    "Xi",
    "Pi",
    "Sigma",
    "Upsilon",
    "Phi",
    "Psi",
    "Omega",
    "ell",
    "omicron",
}
# bold fonts (fixmath's mathbold and unicode-math's symbf included): a matrix or vector
BOLD = {"mathbf", "boldsymbol", "bm", "bf", "textbf", "symbf", "pmb", "mathbold", "mathbfit", "bmath"}
DECOR_SUFFIX = {
    "bar": "_bar",
    "overline": "_bar",
    "underline": "_under",
    "tilde": "_tilde",
    "widetilde": "_tilde",
    "hat": "_hat",
    "widehat": "_hat",
    "dot": "_dot",
    "ddot": "_ddot",
    "check": "_check",
    "breve": "_breve",
    **dict.fromkeys(BOLD, ""),
    "vec": "",
    "mathit": "",
    "mathrm": "",
    "mathsf": "",  # a sans-serif letter is the letter
    # amsmath's capital accents (for nesting): the same marks
    "Bar": "_bar",
    "Tilde": "_tilde",
    "Hat": "_hat",
    "Dot": "_dot",
    "Ddot": "_ddot",
    "Check": "_check",
    "Breve": "_breve",
    "Vec": "",
}
TEXT_NAMES = {"text", "textrm", "textnormal", "mathrm", "operatorname", "mathit", "textit", "mbox"}
TEXT_NAMES |= {"texttt", "mathtt", "textsf", "mathsf"}  # typewriter and sans words name functions too
# `\\mathrm{MLP}(h)`, `\\texttt{D-CNN}(v)`, `\\text{Enc}(x)`: a network the paper names, whose output the
# oracle takes as given (a right implementation cannot compute it without the network's weights)
NETWORK_NAME = re.compile(
    r"[a-z0-9-]*(?:mlp|cnn|rnn|lstm|gru|ffn|gnn|gcn|net|network|encoder|decoder|enc|dec|transformer|attention|"
    r"attn|embedding|embed|backbone)[0-9]*"
)
# \\mathrm{argmin}_w, \\operatorname{arg\\,max}, \\text{max}: an optimisation written as a word
OPTIMISERS = {"argmin", "argmax", "min", "max", "sup", "inf", "argsup", "arginf", "minimize", "maximize"}
FUNCS = {"exp", "log", "ln", "sin", "cos", "tan", "sinh", "cosh", "tanh", "arcsin", "arccos", "arctan"}
SKIP = {
    "left",
    "right",
    "big",
    "Big",
    "bigg",
    "Bigg",
    "bigl",
    "bigr",
    "Bigl",
    "Bigr",
    "biggl",
    "biggr",
    "Biggl",
    "Biggr",
    "displaystyle",
    "textstyle",
    "mathlarger",
    "mathsmaller",
    "scriptstyle",
    ",",
    ";",
    ":",
    "!",
    " ",
    "quad",
    "qquad",
    "nonumber",
    "notag",
    "limits",
    "nolimits",
    "middle",
    "tiny",
    "scriptsize",
    "footnotesize",
    "small",
    "normalsize",
    "large",
    "Large",
    "LARGE",
    "huge",
    "Huge",
}
EQUALS = {"coloneqq", "coloneq", "triangleq", "doteq", "eqqcolon", "defeq", "equiv", "leftarrow", "gets"}
TRANSPOSE = "^\\top"  # one token for `^T`, `^\\top`, `^{\\intercal}`... (see nodes.clean)
INDEX_LETTERS = {"i", "j", "k", "l", "m", "n"}
MODEL_SUBSCRIPTS = {"theta", "phi", "psi", "omega", "w"}
REASONS = {
    "mathcal": "a distribution or set (\\mathcal{...}) is not plain algebra",
    "mathbb": "an expectation or number set (\\mathbb{...}) is not plain algebra",
    "text": "text inside the formula (\\text{...}) has no algebraic meaning",
    "textnormal": "text inside the formula has no algebraic meaning",
    "operatorname": "a named operator (\\operatorname{...}) is not plain algebra",
    "dots": "an ellipsis (...) cannot be evaluated",
    "ldots": "an ellipsis (...) cannot be evaluated",
    "cdots": "an ellipsis (...) cannot be evaluated",
    "sim": "a sampling statement (\\sim) is not algebra",
    "propto": "a proportionality (\\propto) is not an equation",
    "in": "set membership (\\in) is not algebra",
    "top": "a transpose needs matrix shapes the oracle cannot know",
    "mid": "a conditional (\\mid) is not plain algebra",
    "nabla": "a gradient is not plain algebra",
    "partial": "a derivative is not plain algebra",
    "int": "an integral: sympy would have to solve it symbolically (unbounded time); check it by quadrature",
    "infty": "infinity cannot be evaluated",
    "argmax": "an optimisation (argmax) is not plain algebra",
    "argmin": "an optimisation (argmin) is not plain algebra",
}


class Unsupported(Exception):
    """The equation is outside what an oracle can evaluate; the message says why."""


class FreeIndex(Unsupported):
    """Refused for an index no sum runs over (`y_i = \\sum_j w_{ij} x_j`): the line may be read again with one
    output per entry of that index."""


class Renaming(Unsupported):
    """Refused as a renaming (every right-hand side one input): a paper function applied to a computed
    argument may make it a computation again."""


class GivenWhole(Unsupported):
    """Refused for a paper function whose body, as read, ignores its arguments, called at several points:
    `function` (its oracle name) may be read again as a callable input."""

    def __init__(self, message: str, function: str) -> None:
        super().__init__(message)
        self.function = function


# \\operatorname{name} / \\text{name} / \\mathrm{name} read as a function (the runtime maps each name)
NAMED_OPERATORS = {
    "arccosh": "acosh",
    "arcosh": "acosh",
    "arcsinh": "asinh",
    "arsinh": "asinh",
    "arctanh": "atanh",
    "artanh": "atanh",
    "sgn": "sign",
    "sign": "sign",
    "exp": "exp",
    "log": "log",
    "tanh": "tanh",
    "sinh": "sinh",
    "cosh": "cosh",
    "sigmoid": "sigmoid",
    "softplus": "softplus",
    "relu": "relu",
    "ReLU": "relu",
    "abs": "abs",
    "softmax": "softmax",  # over the last axis
    "logsumexp": "logsumexp",
    "LSE": "logsumexp",
    "cot": "cot",
    "sec": "sec",
    "csc": "csc",
    "floor": "floor",
    "ceil": "ceil",
    "inner": "inner",  # <a, b>: the sum of a * b over the last axis (nodes._inner_product)
}
CONDITION_WORDS = ("for", "where", "if", "with", "and", "when", "s.t", "subject", "since", "otherwise")
# \text{...} words that are prose, a statistic or an infix operator (\text{const}, \text{Var}[x], \text{mod})
TEXT_NOT_NAMES = {
    "or",
    "else",
    "elsewhere",
    "then",
    "each",
    "all",
    "any",
    "is",
    "are",
    "in",
    "on",
    "of",
    "at",
    "as",
    "by",
    "the",
    "to",
    "given",
    "such",
    "that",
    "iff",
    "let",
    "s",
    "st",
    "o",
    "ow",
    "not",
    "const",
    "constant",
    "var",
    "cov",
    "corr",
    "std",
    "kl",
    "pr",
    "prob",
    "true",
    "false",
    "mod",
    "xor",
    "div",
    "rem",
}
# \\text{...} words that are units (`t = 3\\,\\text{ms}`, `(\\text{mag}^2)`), never a quantity
TEXT_UNITS = {
    "ms",
    "us",
    "ns",
    "sec",
    "secs",
    "min",
    "mins",
    "hr",
    "hrs",
    "hours",
    "days",
    "cm",
    "mm",
    "km",
    "kg",
    "mag",
    "db",
    "dbm",
    "hz",
    "khz",
    "mhz",
    "ghz",
    "px",
    "pixels",
    "gb",
    "mb",
    "kb",
    "tb",
    "flops",
    "gflops",
    "tflops",
    "kw",
    "mv",
    "deg",
    "rad",
    "percent",
    "bits",
    "bytes",
    "tokens",
    "epochs",
    "steps",
    "iters",
}
SIDE_MARKERS = {
    "sim",
    "in",
    "notin",
    "forall",
    "dots",
    "ldots",
    "cdots",
    "leq",
    "geq",
    "le",
    "ge",
    "neq",
    "ne",
    "subset",
    "subseteq",
    "to",
    "rightarrow",
    "propto",
    "approx",
    "mid",
}
RELATIONS = {
    "<": "lt",
    "\\lt": "lt",
    ">": "gt",
    "\\gt": "gt",
    "\\le": "le",
    "\\leq": "le",
    "\\leqslant": "le",
    "\\ge": "ge",
    "\\geq": "ge",
    "\\geqslant": "ge",
}

# \\cot x and friends: read as \\operatorname{cot} x (the runtime writes them with sin, cos, tan)
RECIPROCAL_TRIG = {"cot", "sec", "csc"}
# \\operatorname{det}, \\mathrm{Tr}, \\operatorname{diag}: the commands \\det, \\tr, \\diag (operators.py)
MATRIX_SCALARS = {"det": "det", "tr": "tr", "Tr": "tr", "trace": "tr", "diag": "diag"}
# brackets read as a function of what they hold: \\lfloor x \\rfloor -> floor(x)
ROUNDING = {"lfloor": ("rfloor", "floor"), "lceil": ("rceil", "ceil")}
# a line with no `=` whose top level holds one of these states a relation, not a value to compute
_KINDS = {
    "an inequality": "a bound, not a value to compute",
    "a set relation": "a statement, not a value to compute",
    "an approximation": "not an equation the oracle can check",
    "an implication": "a statement, not a value to compute",
    "a map": "a statement, not a value to compute",
}
_RELATION_KINDS = {
    "an inequality": "< > \\lt \\gt \\le \\leq \\ge \\geq \\leqslant \\geqslant \\ll \\gg \\lesssim \\gtrsim "
    "\\prec \\preceq \\succ \\succeq \\neq \\ne",
    "a set relation": "\\subset \\subseteq \\supset \\supseteq \\in \\notin \\ni",
    "an approximation": "\\approx \\simeq \\cong \\asymp",
    "an implication": "\\Rightarrow \\Longrightarrow \\implies \\iff \\Leftrightarrow \\Longleftrightarrow",
    "a map": "\\to \\rightarrow \\mapsto",
}
STATEMENT_RELATIONS = {
    r: f"{kind} ({r}): {_KINDS[kind]}" for kind, rels in _RELATION_KINDS.items() for r in rels.split()
} | {
    "\\propto": "a proportionality (\\propto): equal up to a constant the oracle cannot know",
    "\\sim": "a sampling statement (\\sim): a distribution, not a value",
    "\\perp": "an orthogonality (\\perp): a statement, not a value to compute",
}
OPTIMISATION_WORDS = {"min", "max", "argmin", "argmax", "minimize", "maximize", "minimise", "maximise"}
WRT_WORDS = ("w.r.t", "wrt", "with respect to")
