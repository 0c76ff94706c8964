"""The prose patterns of the hyperparameter scan: a name then a value, a value then a name, symbol
assignments, worded settings (optimizer, schedule, activation), and the contexts that say a number is no
setting."""

from __future__ import annotations

import re

from tools.analysis.hp_normalize import GRID, LIST, NUM, ONE, RANGE, SCALAR, VALUE_RE, WORDNUM
from tools.analysis.hp_vocabulary import CHOICES, COUNT_KEYS, SYNONYMS, canonical_key


def phrase_re(phrases: list[str]) -> str:
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        stem, plural = p, "(?:e?s)?"
        if re.search(r"(ch|sh|x)es$", p):
            stem, plural = p[:-2], "(?:es)?"
        elif p.endswith("s") and not p.endswith("ss"):
            stem, plural = p[:-1], "s?"
        words = [re.escape(w) + ("(?:ality)?" if w == "dimension" else "") for w in stem.split()]
        out.append(r"[\s_-]+".join(words) + plural)  # 'latent dimension' is 'latent dimensionality' too
    return "|".join(out)


ALL_NAMES = [n for names in SYNONYMS.values() for n in names if n not in ("β1", "β2")]
_COUNT_NAMES = [n for k in COUNT_KEYS for n in SYNONYMS[k]]
NAME = rf"(?<![\w-])(?P<name>{phrase_re(ALL_NAMES)})(?![\w])"
_COUNT = rf"(?<!multi-)(?P<name>{phrase_re(_COUNT_NAMES)})(?![\w])"  # 'multi-head' qualifies a noun after it
# not after a slash: 'ViT-B/16 layer' names a model
# a negative value after a space, '=' or a bracket ('a margin of -0.5'); never a number's tail ('2-8')
NEGATIVE = r"(?:(?<=[\s=(\[])[-−](?=\d))?"
_VALUE = rf"(?<![\w.−#/-])(?P<value>{NEGATIVE}(?:{VALUE_RE.pattern})|(?:{WORDNUM})\b)"
_NUMVALUE = rf"(?<![\w.−#-])(?P<value>{NEGATIVE}(?:{VALUE_RE.pattern}))"
# after a name, a list never runs into the next count: "learning rate 1e-4, and 2×10^5 gradient steps",
# "a step size of 0.05 and 1000 burn-in iterations"
# ('gradient clipping at 1.0, 10% class dropout': the last number names its own setting)
_BEFORE = phrase_re(_COUNT_NAMES + ["dropout", "momentum", "weight decay", "label smoothing"])
_LIST_OF_NAME = rf"{LIST}(?!\s*[×·*^%]|\s*(?:[A-Za-z][\w-]*\s+){{0,2}}(?:{_BEFORE})(?![\w]))"
# a spelled count ('a batch size of thirty-two'), not 'one of' or 'two-layer' (hp_prose keeps it for counts)
_SPELLED = rf"(?:{WORDNUM})(?![\w-])(?!\s+of\b)"
_NAMED_VALUE = rf"(?<![\w.−-])(?P<value>{GRID}|{RANGE}|{_LIST_OF_NAME}|{NEGATIVE}{ONE}|{_SPELLED})"
# the noun a number counts, maybe after a word or two that qualify it ('8 Gated Recurrent Units'; '0.5
# between layers': no noun's count)
_NOT_QUALIFIER = r"(?!(?:between|after|before|across|within|in|on|at|for|of|per|to|from|with|and|or|the)\b)"
NOUN_AFTER = re.compile(
    rf"[\s-]+(?:{_NOT_QUALIFIER}[A-Za-z][\w]*\s+){{0,2}}{_COUNT.replace('(?P<name>', '(?P<noun>')}", re.I
)
UNIT = re.compile(r"\s*(steps|iterations|updates|epochs|tokens|examples|images|samples|sequences)\b", re.I)
_FILLER = r"(?:values?|rates?|probability|ratio|factor|coefficient)"
# a count noun takes its number before it ("4 layers"); "layer 5" is an index, not a setting
COUNT_NOUN = re.compile(
    r"(layer|step|unit|head|channel|iteration|epoch|block|parameter|feature|run|expert|"
    r"minibatch|update|filter|iter|seed|timestep)(e?s)?$",
    re.I,
)
NOT_A_COUNT = re.compile(r"^(hot|shot|stage|way|sided|fold|time|times|dimensional|tailed)\b", re.I)
# "learning rates during training: 0.1 and 0.01"; no new clause: "each layer until a maximum of 256"
# a citation may follow the name: 'a dropout layer [31], with probability 0.5', '... (Hinton et al., 2012),'
_GAP = (
    r"(?:(?:\[[^\]\[]{1,60}\]|\([^()]{1,60}\d{4}[a-z]?\)),?\s+)?"
    r"(?:(?!(?:until|unless|whereas|which|whose)\b)[^\W\d_][\w-]*(?:\s+|(?=:))){0,6}?"
)
_SEP = (
    r"(?:of|=|:|is|was|are|were|to(?:\s+be)?|at|as|equal\s+to|with\s+(?:a\s+)?probability(?:\s+of)?|(?:(?:is|was|are|were)\s+)?(?:set|fixed)\s+(?:to|at)(?:\s+an?\s+(?:[\w-]+\s+){0,2}value\s+of)?|(?:in|from)(?=\s*[{\[]\s*\.?\d)|(?:starts?|begins?)\s+(?:from|at)|(?:starting|beginning)\s+(?:from|at)|"
    r"initiali[sz]ed\s+(?:to|at)|(?:kept|held|remained|stayed)\s+(?:constant|fixed)(?:\s+(?:at|to))?|"
    # a search grid or range: "selected from {1e-3, 1e-4}", "tuned over [1e-5, 1e-3]", "in the range [0.1, 1]"
    # "drawn log-uniformly between 1e-4 and 1e-2", "varied between 0.1 and 0.5"
    r"(?:selected|chosen|picked|searched|tuned|swept|varied|sampled|drawn|grid[\s-]searched)\s+"
    r"(?:(?:uniformly|log-?uniformly|randomly|logarithmically)\s+)?(?:from|over|in|among|within|between)"
    r"(?:\s+the\s+(?:set|range|grid))?|in\s+the\s+(?:set|range|grid)(?:\s+of)?|∈|"
    r"[∼~](?=\s*\{))"  # "learning rate ∼ {0.001, 0.01}": drawn from the set searched
)
# "a learning rate of 3e-4", "dropout = 0.1", "a discount factor (0.98)": the value alone in brackets after
# the name (closed right after it: "batch size (64 for A, 128 for B)" is no such bracket; a whole number in
# brackets is none: "the filters (7)" cites an equation, "a fixed timestep (2500)" describes)
NAME_VALUE = re.compile(
    rf"{NAME}\s*(?:\((?P<paren>[^()]{{0,40}})\)\s*)?(?:(?P<gap>{_GAP}){_SEP}\s*|=\s*|:\s*|"
    # 'top-k (k = 3)': a symbol assigned; 'gradient clipping (max norm 1.0)': the value's measure;
    # 'Nesterov momentum (equal to 0.9)'
    r"(?P<open>\(\s*(?:[A-Za-zα-ω](?:_\w{1,3})?\s*=\s*|(?:equal|set)\s+to\s+|(?:max(?:imum)?\s+)?(?:l2[\s-])?norm\s*(?:of\s*|[:=]\s*)?)?)|"
    rf"(?P<bare>\s+(?:(?:(?:at|with)\s+(?:a\s+)?)?{_FILLER}\s+)?))(?:up\s+to\s+)?{_NAMED_VALUE}(?(open)\s*\))",
    re.I,
)
# "4 residual layers", "five S2AvgUnpool (decoding) layers", "six 1D convolutional layers"
# (not a value an item 'name: 32' gives: 'dimension: 32, 4 attention heads')
# a word before 'layers', or a dimension ('1D convolutional'), or a modifier with its number ('four stride-2
# convolutional layers')
_LAYER_WORD = r"(?:[A-Za-z]+-\d+(?![\w.])|[A-Za-z]\w*|[1-3]-?D)"
_VALUE_NAME = rf"{_VALUE}[\s-]+(?P<gap>(?:{_LAYER_WORD}[\s-]+(?:\([A-Za-z]{{2,20}}\)\s+)?){{0,3}}?){_COUNT}"
VALUE_NAME = re.compile(rf"(?<!:\s)(?<!:){_VALUE_NAME}", re.I)
# ... but a colon after a word that only frames a list gives none: 'the same configuration: 24 layers'
FRAMED_VALUE_NAME = re.compile(
    rf"(?:\b(?:configurations?|setups?|settings|architectures?|follows|following|details|hyper-?parameters)"
    # ... or a model's name heads its settings: 'DDPM and unconditional OT-CFM: 500 epochs, ...'
    r"|(?<![\w-])(?-i:[A-Z][\w-]*[A-Z0-9][\w-]*)):\s*"
    rf"{_VALUE_NAME}",
    re.I,
)
SYM = (
    # a Greek letter may carry a word as its subscript: 'λ_depth', and 'λdepth' where a PDF ran it on
    # ('λmul(s)': λ_{mul(s)} run on)
    r"(?-i:[α-ωΑ-Ωϵϑϕϱς](?:_?\{?(?:[0-9a-z]{1,2}|min|max|init|final|start|end|[a-z]{3,12})\}?(?:\([a-z\d]{1,3}\))?"
    r"|_\{?[α-ω]\}?|_\{?[A-Z]{1,4}\}?(?![a-z]))?"  # a Greek subscript: σ_β, α_τ; a capital one: λ_GP, β_KL
    r"|[b-zA-HJ-Z](?:_\{?(?:[0-9a-z]{1,3}|[a-z]{4,8}|[α-ω])\}?|\d{1,2})?)"
    r"(?![\w])"
)
# the equation a symbol comes from, between it and its value: "λ from Eq. (6) was set to 0.3"
_EQ_REF = r"(?:(?:from|in|of)\s+(?:Eq\.|Eqn\.|Equation|eq\.)\s*\(?\d{1,3}\)?,?\s+)?"
_SYM_EQUALS = (
    # a value run into letters ("0.5dt") is part of a formula
    # "we fix a = 2": 'a' right before '=' is a symbol, never the article
    # a variance written as a square ("σ_β^2 = 10") keeps the square: its value is no σ's
    rf"(?<![\w\\])(?P<sym>{SYM}|(?-i:a)(?=\s*=))(?P<sq>\^\{{?2\}}?)?\s*"
    rf"(?:=|(?:\b(?:is|was)\s+)?\bequal\s+to\b|{_EQ_REF}(?:\b(?:is|was|are|were)\s+)?\bset\s+to\b)\s*"
)
# the coefficient of a formula is no value: "n = 4 b^2 = 16,384 pixels"; nor a number raised to a power
# ("Σ_β = 0.1^-1 I")
_NOT_A_COEFFICIENT = r"(?![A-Za-z(])(?!\d|\s+[A-Za-z]\s*[\^_]|\s*\^)"
SYM_ASSIGN = re.compile(rf"{_SYM_EQUALS}{_NUMVALUE}{_NOT_A_COEFFICIENT}")
# ... one number only: 'q = 0.8 and 20 nodes in each walk' gives q no list
SYM_ASSIGN_ONE = re.compile(rf"{_SYM_EQUALS}(?<![\w.−#-])(?P<value>{NEGATIVE}{ONE}){_NOT_A_COEFFICIENT}")
# "we set the entropy coefficient λ to 10^-3": a named symbol set to a value with "to" for "=" (SET_BEFORE
# opens the clause before the symbol)
SYM_TO = re.compile(rf"(?<![\w\\])(?P<sym>{SYM})\s+to\s+{_NUMVALUE}(?![A-Za-z(])")
SET_BEFORE = re.compile(r"\bset\s+(?:the\s+|our\s+)?(?:[a-z][\w-]*\s+){0,4}$", re.I)  # 'we set γ to 0.9'
# "β_1 = β_2 = 0.5": the symbol chained before an assignment takes its value too
CHAINED = re.compile(rf"(?<![\w\\])(?P<sym>{SYM})\s*=\s*$")
# "for ε ∈ {10^-4, 10^-3, 10^-2}": the values a symbol took over the runs (a stray "]" before the brace too)
# "k = [8, 16, 32, 64]": three or more values in square brackets (two are an interval)
_SIGNED = rf"[-−]?\s?(?:{SCALAR})"  # a set's member may be negative: α ∈ {0, −1, −5}
SYM_IN_SET = re.compile(
    rf"(?<![\w\\])(?P<sym>{SYM})(?:\s*∈|\s+in)\s*(?P<value>\{{\s*(?:{_SIGNED})(?:\s*,\s*(?:{_SIGNED}))+\s*\]?\s*\}})"
    rf"|(?<![\w\\])(?P<lsym>{SYM})\s*=\s*(?P<list>\[\s*(?:{SCALAR})(?:\s*,\s*(?:{SCALAR})){{2,}}\s*\])"
    # "C was selected from {10^-3, ..., 10^3}": the grid searched for a symbol
    rf"|(?<![\w\\])(?P<gsym>{SYM})(?:-parameter)?\s+(?:was|were|is|are)\s+(?:selected|chosen|picked|tuned|searched|varied)\s+"
    rf"(?:from|over|in|among)\s+(?:the\s+(?:set|grid)\s+)?(?P<grid>{GRID})"
    # "we sample σ_in from the set {1, 1.5, 2}": a symbol drawn from a set, per run or per example
    rf"|\bsampl(?:e|es|ed|ing)\s+(?P<ssym>{SYM})\s+(?:uniformly\s+)?(?:at\s+random\s+)?from\s+(?:the\s+set\s+)?"
    rf"(?P<sgrid>{GRID})"
)
_OPT_NAMES = (
    r"(AdamW|Adam|ADAM|SGD|RMSProp|RMSprop|Adagrad|AdaGrad|Adadelta|AdaDelta|Adafactor|LAMB|LARS|Adamax|NAdam|Nadam|RAdam|FTRL|Yogi|Lion|AdaBelief|AdaBound|NovoGrad|Muon|Shampoo|"
    r"L-BFGS-B|L-BFGS|LBFGS|(?i:stochastic gradient descent)|(?i:hessian[- ]free)|"
    r"Nesterov(?:'s)?\s+(?i:momentum|accelerated\s+gradient)|"  # 'trained using Nesterov momentum'
    r"adamw|adamax|adam|nadam|radam|sgd|rmsprop|adagrad|adadelta)"  # as some papers write them: 'with adam'
)
OPT_NAMES_LIST = ("AdamW", "Adam", "SGD", "RMSProp", "RMSprop", "Adagrad")
ADAM = re.compile(r"\badam", re.I)  # a sentence about Adam: its betas, its moments
OPTIMIZER = re.compile(
    rf"\b(?:(?i:use|uses|used|using|with|via|by|employ|employed|adopt|adopted|chose|choose|namely)\s+"
    rf"(?:(?i:the|an?)\s+)?(?:(?i:plain|standard|vanilla|classic(?:al)?)\s+)?(?:\*{{1,2}}|_)?{_OPT_NAMES}\b|\b(?i:{_OPT_NAMES})\s+(?i:optimi[sz]ers?|optimi[sz]ation|algorithm)\b"
    # "... and RMSProp with a learning rate of 10^-3": the optimizer the rate is given for
    rf"|\b{_OPT_NAMES}\s+(?i:with\s+(?:an?\s+)?(?:base\s+|initial\s+|constant\s+|fixed\s+)?(?:learning[\s-]rate|lr|step\s+size)\b)"
    # "the learning algorithm ADAM", "using mean squared error loss and stochastic gradient descent"
    rf"|\b(?i:(?:learning|optimi[sz]ation|training)\s+(?:algorithm|method|procedure))\s+{_OPT_NAMES}\b"
    rf"|\b(?i:use|uses|using|trained\s+with|optimi[sz]ed\s+with)\s+[^.;,()]{{1,40}}?\s+(?i:and)\s+{_OPT_NAMES}\b"
    # "mean pooling and AdamW for every model"
    rf"|\b{_OPT_NAMES}\s+(?i:for\s+(?:every|each|all)\s+(?:the\s+)?(?:models?|experiments?|runs?|networks?|baselines?))\b"
    # "ADAM is leveraged to optimize the loss", "Adam was used for all models"
    rf"|\b{_OPT_NAMES}\s+(?i:(?:is|was|are|were)\s+(?:also\s+)?(?:leveraged|used|employed|adopted|utili[sz]ed|chosen))\b"
    # "optimizer: Adam", "the optimizer is Adam", "Optimizer = SGD", "the optimizer used is SGD"
    rf"|\b(?i:optimi[sz]er)(?:\s+(?i:used|chosen|employed|we\s+use[d]?))?\s*(?:[:=]|\s(?i:is|was|was\s+set\s+to))\s*(?:(?i:the|an?)\s+)?{_OPT_NAMES}(?![\w-])"
    # "the learning rate policy for each weight is Adam", "the per-parameter learning rate schedule is
    # given by Adagrad": the rule that sets each step is the optimizer
    rf"|\b(?i:(?:learning[\s-]rate|update|step[\s-]size)\s+(?:policy|rule|schedule|adaptation|method))\b[^.;]{{0,50}}?"
    rf"\b(?i:is|was|are|were)\s+(?:(?i:given|set|computed|done)\s+(?i:by|with)\s+)?(?:(?i:the|an?)\s+)?{_OPT_NAMES}\b"
    # "the models were trained by gradient descent": a family, a candidate outside a setup section
    r"|\b(?i:trained|optimi[sz]ed|fitted)\s+(?i:by|with|using|via)\s+(?:(?i:plain|standard|vanilla)\s+)?"
    r"((?i:gradient\s+descent))\b)"
)
# the schedules only a learning rate has (SCHEDULE)
_LR_ONLY = (
    r"one[\s-]?cycle|polynomial|inverse[\s-]square[\s-]root|multi[\s-]?step|cyclical|(?:slanted\s+)?triangular"
)
SCHEDULE = re.compile(
    # "an exponentially decaying schedule"; "an exponential decay" (schedule) counts where the sentence names
    # the learning rate (hp_prose.py schedule_words)
    r"\b(linear|cosine|quadratic|sigmoid|exponential)(?:ly\s+decaying)?\s+(?:(?P<lr>learning[\s-]rate|lr)\s+"
    r"(?:schedule|decay)|(?P<decay>decay(?:\s+schedule|(?!\s+(?:of|rate|factor|constant|=)\b)))|(?:noise\s+|variance\s+|beta\s+)?schedule)\b"
    # "a one cycle cosine learning rate", "the cosine learning rate": a cosine curve is always a schedule
    r"|\b(?P<cval>(?:one[\s-]cycle\s+)?cosine)\s+(?P<cos>learning[\s-]rates?|lr)\b(?!\s+(?:of|is|was|=|warm))"
    # schedules that only a learning rate has: "the one-cycle learning rate schedule", "a polynomial lr decay"
    rf"|\b(?P<lval>{_LR_ONLY}|step)"
    r"\s+(?:\([^()]{1,40}\)\s+|\[[^\]]{1,40}\]\s+)?(?P<lr2>learning[\s-]rate|lr)\s+(?:schedule|scheduler|decay|policy)\b"
    # ... named without the rate (not 'step' alone): "an inverse square root schedule", "a polynomial decay"
    rf"|\b(?P<lval2>{_LR_ONLY})\s+(?:schedule|scheduler|decay)\b"
    # "cosine annealing (with warm restarts)": a learning rate's schedule
    r"|\b(?P<aval>cosine)\s+anneal(?:ing|ed)?\b"
    # "exponentially decaying the learning rate", "the learning rate decays linearly": the adverb names it
    r"|\b(?P<dval>linear|exponential|cosine)ly\s+(?:decay|anneal|decreas|reduc)\w*\s+(?:the\s+)?"
    r"(?:learning[\s-]rate|lr)\b"
    r"|\b(?:learning[\s-]rate|lr)\s+(?:(?:is|was|are|were)\s+(?:then\s+)?)?(?:decay|anneal|decreas|reduc)\w*\s+"
    r"(?P<dval2>linear|exponential)ly\b"
    # "Adam with a constant learning rate of 1e-4": no schedule, said outright
    r"|\b(?P<kval>constant)\s+(?:learning[\s-]rates?|lr)\b(?!\s+or\b)"  # not "whether ... or annealing"
    # a scheduler by its library name, or reduce-on-plateau in words: only a learning rate has one
    r"|\b(?P<named>ReduceLROnPlateau|reduce[\s-]on[\s-]plateau|CosineAnnealing(?:WarmRestarts|LR)?|MultiStepLR|"
    r"StepLR|OneCycleLR|ExponentialLR"
    # "reducing the learning rate when a plateau is reached", in words
    r"|reduc(?:e|es|ed|ing)\s+(?:the\s+)?(?:learning[\s-]rates?|lr)\s+(?:when|whenever|once|if|on|upon|"
    r"(?:each|every)\s+time)\b[^.;]{0,40}?\bplateau(?:s|ed|ing)?)\b",
    re.I,
)
# "stride-2 convolutions": a convolution's stride written into its name
STRIDE_NAMED = re.compile(
    r"(?<![\w-])stride-(?P<value>[1-8])\s+(?:(?:transposed|strided|dilated)\s+)?"
    r"(?:de)?convolution",
    re.I,
)
_CHOICE_ACT = "|".join(CHOICES["activation"])
_RECTIFIERS = r"rectified\s+linear\s+units?|(?:leaky\s+)?relu|p?relu|elu|gelu|selu|softplus|swish|silu"
_CITED = r"(?:\([^()]{1,60}\)\s+|\[[^\]]{1,60}\]\s+)"  # '(Xu et al., 2015) ', '[He et al., 2016] '
_NOT_LINEAR = r"(?<!non-)(?<!non\s)(?<!piecewise\s)(?<!piece-wise\s)"  # 'a non-linear activation' names none
ACTIVATION = re.compile(
    rf"(?<![\w-]){_NOT_LINEAR}(?P<value>(?:{_CHOICE_ACT})(?:\s+(?:vs\.?|versus|and|or)\s+(?:{_CHOICE_ACT}))*)(?:\s+units?)?"
    rf"\s+{_CITED}?"
    r"(?:activation|non[\s-]?linearit)"
    rf"|\b(?:use|uses|used|using)\s+(?P<named>{_CHOICE_ACT})\s+{_CITED}?for\s+(?:our|the|all|each|every)\s+"
    r"(?:[a-z-]+\s+){0,2}(?:activations?|nonlinearit|non-linearit)"
    r"|\b(?:with|uses?|using)\s+(?P<relu>rectified\s+linear\s+units?|rectifiers?)\b"
    # "we set f to the ReLU function", "an activation function (ReLU for all experiments)"
    rf"|\bset\s+\S{{1,12}}\s+to\s+(?:the\s+|a\s+)?(?P<to>{_CHOICE_ACT})\s+(?:function|activation|nonlinearity)"
    rf"|\b(?:activation|nonlinearity)(?:\s+function)?\s*\((?P<paren>{_CHOICE_ACT})\b"
    # "ReLU was used as the activation function", "we use tanh as our nonlinearity"
    rf"|\b(?P<as>{_CHOICE_ACT})(?:\s+units?)?\)?\s+(?:(?:is|was|are|were)\s+(?:then\s+|also\s+)?"
    r"(?:used|chosen|employed|applied)\s+)?as\s+"
    r"(?:(?:the|our|an?|its|their)\s+)?(?:[a-z-]+\s+){0,2}(?:activation|non[\s-]?linearit)"
    # "the output layers consisted of sigmoid units"
    rf"|\b(?:of|with|uses?|using)\s+(?P<units>{_CHOICE_ACT})\s+(?:hidden\s+|output\s+)?(?:units|neurons|nodes)\b"
    # "where σ(.) is the rectified linear unit": a rectifier the model's σ is (a sigmoid σ is often a gate's)
    rf"|(?:σ|\\sigma|ϕ|φ)\s*(?:\([.·⋅]?\)\s*)?(?:is|denotes)\s+(?:the\s+|a\s+)?(?P<rect>{_RECTIFIERS})\b"
    # "the pointwise nonlinearity we have chosen is the rectified linear unit", "the activation is tanh"
    # or set after a colon in a list, or assigned: "- Activation: leaky relu", "activation=gelu"
    rf"|\b(?:activation(?:\s+function)?|nonlinearity|non-linearity)\b(?:[^.;,]{{0,40}}?\b(?:is|was)\s+(?:the\s+|an?\s+)?"
    rf"|\s*[:=]\s*)(?P<cop>{_CHOICE_ACT}|{_RECTIFIERS})\b(?!\s+(?:of|and)\b)"
    # "followed by batch normalization, a ReLU and 2×2 max-pooling": a rectifier among the layers after one
    rf"|\bfollowed\s+by\s+(?:[^.;]{{0,60}}?,\s*)?(?:an?\s+)?(?P<layer>{_RECTIFIERS})\b(?!\s+(?:activation|units))"
    # "six convolutional layers with leaky ReLU", "each layer uses tanh": a layer's activation by its name
    rf"|\b(?:layers?|units|neurons|MLPs?|blocks?|convolutions?)\s+(?:with|uses?|using)\s+(?:an?\s+|the\s+)?"
    rf"(?P<with>{_RECTIFIERS}|tanh|sigmoid)\b(?!\s+(?:activation|units|and\s+its)\b)"
    # "the MLP uses Gaussian Error Linear Units (GELU)": a rectifier's spelled name, then its acronym
    r"|\b(?:with|uses?|using|employs?)\s+(?:the\s+)?(?-i:(?:[A-Z][a-z]+\s+){1,3})units?\s*\((?P<acr>[A-Za-z]{0,6}LU)\b"
    # "each layer is max pooled and activated with ReLU"
    rf"|\bactivated\s+(?:using|with|by|through)\s+(?:an?\s+|the\s+)?(?P<act>{_RECTIFIERS}|tanh|sigmoid)\b",
    re.I,
)
# verbs that put a part into a model: "we use", "applied", "followed by", "with"
APPLIED = (
    r"(?:us(?:e|es|ed|ing)|appl(?:y|ies|ied|ying)|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|with|followed\s+by)"
)
NORMALIZATION = re.compile(
    rf"\b{APPLIED}\s+(?:(?:\w+(?:\[[^\]]{{1,40}}\])?\s+|{_CITED})){{0,5}}?"
    r"(?P<value>(?:batch|layer|group|instance|weight|local\s+response)[\s-]?norm(?:ali[sz]ation)?)\b"
    # "Batch normalization is performed on all convolutional layers"
    r"|\b(?P<named>(?:batch|layer|group|instance|weight|local\s+response)[\s-]?norm(?:ali[sz]ation)?)\s+(?:layers?\s+)?(?:\([^()]{0,20}\)\s+)?"
    r"(?:is|was|are|were)\s+(?:also\s+)?(?:performed|applied|used|employed|adopted|added|inserted)\b",
    re.I,
)
# evaluation and graph settings written as one token: '10-fold cross-validation', 'an 8-NN graph'
FOLDS = re.compile(
    rf"\b(?P<value>\d+|{WORDNUM})[-\s]folds?\s+(?:stratified\s+)?cross[-\s]?validat(?:ion|ed)"
    r"|\b(?P<over>\d+)\s+cross[-\s]?validation\s+folds\b"
    # "we randomly create four folds of the data", "split into 10 folds" (not 'ten folds faster')
    rf"|(?<![\w.-])(?P<bare>\d+|{WORDNUM})\s+folds\b"
    r"(?!\s+(?:more|less|fewer|higher|lower|larger|smaller|increase|faster))",
    re.I,
)
# a few-shot episode's classes and examples per class: "5-way 1-shot", "20-way, 5-shot", "the 1-shot setting"
FEW_SHOT = re.compile(r"(?<![\w.-])(?P<value>\d{1,3})-(?P<kind>way|shot)\b(?!-)", re.I)
# how often an experiment is repeated: 'repeated for 20 times', 'a deviation computed over 5 trials'
# "repeat this 1000 times", "we repeatedly run the whole experiment 100 times" ('we ran it 10 times' may be
# anything), "results are averaged over 2,000 experiments"
REPEATS = re.compile(
    r"\b(?:repeat(?:ed|s|ing)?|repeatedly\s+(?:run|ran|re-?run))\s+"
    r"(?:(?:this|the|that|each|these|all|our|whole|entire)\s+)*(?:(?P<what>[a-z-]+)\s+)?(?:independently\s+)?"
    rf"(?:for\s+)?(?P<value>\d{{1,3}}(?:,\d{{3}})+|\d+|{WORDNUM})\s+"
    # 'repeating each experiment for 500 iterations': the iterations of a repeated experiment are its runs
    r"(?:times\b(?!\s+(?:faster|slower|more|less|as))|(?P<rep>iterations|trials|runs|repetitions)\b)"
    rf"|\b(?:trials?|experiments?|runs?|simulations?|configurations?)\s+(?:was|were|is|are)\s+(?:each\s+)?(?:run|performed|"
    rf"conducted|executed|repeated|carried\s+out)\s+(?P<each>\d+|{WORDNUM})\s+times\b"
    rf"|\b(?:averaged?|mean|deviation|interval|computed|errors?)\s+(?:\w+\s+){{0,2}}?over\s+"
    rf"(?P<over>\d{{1,3}}(?:,\d{{3}})+|\d+|{WORDNUM})\s+(?:independent\s+|random\s+|different\s+)?"
    r"(?P<unit>trials|simulations|runs|experiments|repetitions|replications|restarts)\b"
    # "we train and evaluate 20 times", "each model is trained 5 times"
    rf"|\b(?:train(?:ed)?|re-?run|evaluated?|run\s+(?:each|every|all)(?:\s+the)?\s+experiments?)(?:\s+(?:and|each|"
    rf"every|all|the|our|model|models|evaluate|evaluated|test|tested)){{0,4}}\s+(?P<again>\d+|{WORDNUM})\s+times\b"
    r"(?!\s+(?:faster|slower|more|less|as|larger|smaller|longer|fewer|the)\b)",
    re.I,
)
# how many episodes a reported return is computed over: "calculated across 100 episodes"
EVAL_EPISODES = re.compile(
    r"\b(?:calculated|computed|averaged|evaluated|measured|reported)\s+(?:over|across|using|on)\s+"
    r"(?P<value>\d+)\s+(?:test\s+|evaluation\s+|independent\s+)?episodes\b",
    re.I,
)
# the seeds themselves: "random seeds {11, 42, 1993}", "seeds 0, 1 and 2"
SEED_LIST = re.compile(
    r"\b(?:random\s+)?seeds\s*(?:=|:|of|are|were|\()?\s*"  # "three random seeds (0, 1, and 42)"
    r"(?P<value>\{\s*\d+(?:\s*,\s*\d+)+\s*\}|\d+(?:\s*,\s*\d+)*,?\s+and\s+\d+|\d+(?:\s*,\s*\d+){2,})",
    re.I,
)
KNN = re.compile(r"(?<![\w-])(?P<value>\d+)-NN\s+graphs?\b")
OBJECTIVE = re.compile(r"\b(?P<value>L_?\{?[a-z]{3,}\}?)\s+(?:objective|loss)\b")
# a term's weight: "entropy regularization with a weight of .01", "an L2 penalty with a coefficient of 1e-4"
TERM_WEIGHT = re.compile(
    rf"\b(?P<term>(?:[A-Za-z][\w-]*\s+)?(?:regulari[sz]ation|penalty|bonus))\s+(?:term\s+)?(?:with|of)\s+"
    rf"(?:a|an)\s+(?P<what>weight|coefficient|strength|scale)\s+of\s+(?P<value>{SCALAR})(?![\d.,]\d)",
    re.I,
)
# a loss term's weight: "the weight of the auxiliary loss λ is set to 0.5", "we weight the reconstruction loss
# by 10", "the adversarial loss is weighted by λ_adv = 0.1" (a term: one or two words, then its noun)
_TERM = (
    r"(?P<term>(?:(?!(?:the|our|an?|this|each|total|overall|final)\b)[A-Za-z][\w-]*\s+){1,2}?"
    r"(?:loss|term|penalty|bonus|regulari[sz]er|regulari[sz]ation|constraints?))"
)
_TERM_SYM = rf"(?:\s*\(?\s*(?P<sym>{SYM})\s*\)?)?"
_TERM_VALUE = rf"(?:[^\W\d][\w{{}}\\]{{0,12}}\s*=\s*)?(?P<value>{SCALAR})(?![\d.,]\d|\s*%|\s*[×x*·]\s*\d)"
TERM_WEIGHTS = (
    TERM_WEIGHT,
    re.compile(
        r"\b(?P<what>weight|coefficient|scaling\s+factor|multiplier)\s+(?:of|for|on)\s+(?:(?:the|our|an?)\s+)?"
        rf"{_TERM}{_TERM_SYM}\s+(?:is|was|are|were)\s+(?:(?:set|fixed)\s+(?:to|at)\s+|chosen\s+as\s+)?{_TERM_VALUE}",
        re.I,
    ),
    re.compile(
        rf"\bwe\s+(?P<what>weight|scale|multiply)\s+(?:the|our)\s+{_TERM}{_TERM_SYM}\s+by\s+(?:a\s+factor\s+of\s+)?"
        rf"{_TERM_VALUE}",
        re.I,
    ),
    re.compile(
        rf"\b(?:the|our)\s+{_TERM}{_TERM_SYM}\s+(?:is|was|are|were)\s+(?P<what>weighted|scaled|multiplied)\s+by\s+"
        rf"(?:a\s+(?:factor|weight|coefficient)\s+(?:of\s+)?)?{_TERM_VALUE}",
        re.I,
    ),
)
# the loss a model is trained on: "trained by minimising a cross entropy cost", "trained with a hinge loss"
_LOSSES = (
    r"(?:(?:binary|weighted|categorical|sparse)\s+){0,2}cross[\s-]?entropy|mean[\s-]squared?[\s-]error|MSE|L1|L2|"
    r"smooth[\s-]?L1|Huber|focal|triplet|contrastive|negative\s+log[\s-]likelihood|(?:negative\s+)?log|logistic|"
    r"mean[\s-]absolute[\s-]error|MAE|RMSE|softmax|CTC|connectionist\s+temporal\s+classification(?:\s+\(CTC\))?|"
    r"(?:squared?\s+)?hinge|squared\s+error|mean[\s-]squared?|squared"
)
# words before a loss's name: some only describe it ('a standard MSE loss', 'an unweighted binary
# cross-entropy'), others make it another loss ('a masked MSE loss'), and are part of its name
_LOSS_ADJ = r"(?:(?:simple|standard|plain|usual|common|unweighted|multi-?class|pixel-?wise)\s+)?"
_LOSS_KIND = r"(?:(?:masked|weighted)\s+)?"
# a loss named, not a loss term's weight ('an L1 loss weight of 0.1')
_NOT_A_WEIGHT = r"(?!\s+(?:weights?|terms?|coefficients?|scales?|factors?|multipliers?)\b)"
# "trained with a cross-entropy loss", "the MSE loss is optimized with RMSprop"
LOSS = re.compile(
    # after a verb of use the article may be left out ('we use MSE loss'; 'when trained with MSE loss' may
    # describe a baseline)
    rf"\b(?:(?:(?:minimi|optimi)[sz](?:e|es|ed|ing)|train(?:ed|s|ing)?\s+(?:with|on|using)|subject\s+to|{APPLIED})\s+"
    rf"(?:a|an|the)\s+{_LOSS_ADJ}|\b(?:us(?:e|es|ed|ing)|employ(?:s|ed|ing)?|adopt(?:s|ed|ing)?|with)\s+|"
    r"(?:the|an?)\s+(?="
    rf"(?:{_LOSSES})\s+loss\s+(?:\([^()]{{0,40}}\)\s+)?(?:is|was)\s+(?:optimi[sz]ed|minimi[sz]ed)\b))"
    rf"(?P<value>{_LOSS_KIND}(?:{_LOSSES}))\s+(?:\([A-Za-z0-9-]{{1,12}}\)\s+)?(?:cost|loss|objective|criterion)\b"
    rf"{_NOT_A_WEIGHT}"
    # "the loss function is the mean squared error", "the loss is a simple MSE"
    rf"|\b(?:the|this|our)\s+(?:loss|objective|cost)(?:\s+function)?\s+(?:is|was)\s+(?:actually\s+|simply\s+)?"
    r"(?:the\s+|a\s+)?"
    rf"[\"“]?{_LOSS_ADJ}(?P<is>{_LOSS_KIND}(?:{_LOSSES}))\b"
    # "the reconstruction loss for the ELBO was performed by *binary cross-entropy*"
    r"|\bthe\s+(?:reconstruction|classification|regression|training)\s+(?:loss|objective|cost)"
    r"(?:\s+function)?(?:\s+(?:for|of)\s+[^.;]{0,50}?)?\s+(?:is|was)\s+"
    r"(?:(?:performed|computed|measured|calculated|given)\s+(?:by|with|as|using)\s+)?(?:the\s+|a\s+)?\*?"
    rf"(?P<is2>{_LOSSES})\b"
    r"(?!\s+of\b)"  # 'the loss is the log of the likelihood' names a formula
    # "trained to minimize the Mean Square Error (MSE)": an error that is a loss by its name
    # ... or "the Adam optimizer to reduce the mean squared error"
    r"|\b(?:trained|optimi[sz]er|optimi[sz]ed)\s+to\s+(?:minimi[sz]e|reduce)\s+(?:the\s+|a\s+)?"
    r"(?P<to>mean[\s-]squared?[\s-]error|squared\s+error|"
    r"(?:binary\s+)?cross[\s-]?entropy|negative\s+log[\s-]likelihood)\b"
    # "Cross Entropy is used as the loss", "we use the mean square error as the loss function"
    rf"|\b(?:(?:use|used|using|uses)\s+(?:the\s+|a\s+)?)?(?P<named>{_LOSSES})\s+(?:\([A-Za-z0-9-]{{1,12}}\)\s+)?"
    r"(?:(?:loss|cost)\s+)?"
    r"(?:(?:is|was)\s+(?:then\s+|also\s+)?(?:used|chosen|employed)\s+)?as\s+(?:(?:the|our|an?)\s+(?:[a-z-]+\s+)?)?"
    r"(?:loss|objective|cost)\b"
    # the last of the things a sentence uses: 'we used the Adam optimizer and the categorical cross entropy
    # loss function' (hp_prose.py keeps it where a verb of use comes before)
    rf"|\band\s+(?:the\s+|an?\s+)?{_LOSS_ADJ}(?P<and>{_LOSS_KIND}(?:{_LOSSES}))\s+"
    r"(?:\([A-Za-z0-9-]{1,12}\)\s+)?(?:loss|cost)\b"
    # the first of two things a passive verb uses: 'binary cross-entropy loss function and Adam optimizer were
    # utilized'
    rf"|\b(?P<pair>{_LOSS_KIND}(?:{_LOSSES}))\s+(?:loss|cost)(?:\s+function)?\s+and\s+(?:the\s+|an?\s+)?"
    r"[\w-]+\s+optimi[sz]er\s+(?:were|are)\s+(?:used|utili[sz]ed|employed|adopted|chosen|applied)\b",
    re.I,
)
# the kernel a GP, SVM or kernel method uses: "a GP with an RBF kernel", "an SVM with a linear kernel"
_KERNELS = (
    r"RBF|radial\s+basis\s+function|Gaussian|Mat[eé]rn(?:[\s-]?\d/\d)?|linear|polynomial|"
    r"squared[\s-]exponential|Laplacian|periodic|cosine|spectral\s+mixture"
)
KERNEL = re.compile(
    rf"\b{APPLIED}\s+(?:an?\s+|the\s+)?(?:(?:separate|single|standard|isotropic|anisotropic)\s+)?"
    rf"(?P<value>{_KERNELS})(?:\s+\(\w+\))?\s+kernels?\b"
    # 'the ARD squared-exponential kernel function is used', 'Gaussian kernels ... were used'
    rf"|\b(?:the\s+|an?\s+)?(?:ARD\s+)?(?P<named>{_KERNELS})\s+kernels?(?:\s+functions?)?\s+"
    r"(?:with\s+[^.;]{0,40}?)?(?:is|was|are|were)\s+(?:then\s+|also\s+)?(?:used|employed|chosen|adopted)\b",
    re.I,
)
# "we sampled, with replacement, a recalibration set of 1,000 points": a set the method draws
SAMPLED_SET = re.compile(
    r"\b(?:sampled?|sampling|draws?|drew|drawn)\b[^.;]{0,60}?\b(?!(?:training|test|validation|dev)\b)"
    rf"(?P<noun>[a-z-]{{4,}})\s+set\s+of\s+(?P<value>{NUM})\s+(?:data\s+)?(?:points|examples|samples)\b",
    re.I,
)
# "a capsule layer with 8D capsules", "16-dimensional embeddings": the size of each (2D/3D are spatial)
# of a model's part, not of the data ("10D data", "the 3D problem")
DIM_NOUN = re.compile(
    r"(?<![\w.])(?P<value>\d{1,4})(?:D|[-\s]dimensional)\s+(?:pre-?trained\s+)?"
    r"(?:(?P<source>word|GloVe|word2vec|fastText|BERT)\s+)?"
    r"(?P<noun>(?:capsule|embedding|latent|vector|code|representation|hidden\s+state|token|feature|output|noise)s?)\b"
)
# "a 100-dimensional fully-connected layer", "a single-layer 100-dimensional BiLSTM": a layer's width
DIM_LAYER = re.compile(
    r"(?<![\w.])(?P<value>\d{1,5})[-\s]dimensional\s+(?:(?:fully[\s-]connected|dense|linear|hidden|feed[\s-]?forward|"
    r"recurrent|bi-?directional)\s+)?(?P<noun>layer|(?:Bi-?)?LSTM|(?:Bi-?)?GRU|RNN|MLP)s?\b",
    re.I,
)
# "we split the test set in ten parts": the number of parts
SPLIT_PARTS = re.compile(
    r"\bwe\s+(?:randomly\s+)?split\s+(?:the\s+|our\s+)?(?:[\w-]+\s+){0,2}?(?:set|data|dataset|samples|examples)\s+"
    rf"(?:in|into)\s+(?P<value>{NUM}|(?:{WORDNUM})\b)\s+(?:equal\s+|disjoint\s+)?"
    r"(?:parts|splits|chunks|subsets)\b",
    re.I,
)
# "we sample m = 10000 points": a count the method draws, named by the noun after it
SAMPLED_COUNT = re.compile(
    rf"\bwe\s+(?:randomly\s+)?(?:sample|sampled|draw|drew|generate|generated)\s+(?:(?P<sym>{SYM})\s*=\s*)?"
    rf"(?P<value>{NUM})\s+(?P<noun>[a-z]{{3,}}s)\b",
    re.I,
)
# "we use n(t) = N/100 (1+0.1t)^1/2": a setting given as a formula of the step, never one number
FORMULA_SETTING = re.compile(
    r"\b(?i:we\s+(?:use|used|set|take|choose|chose)|setting|set)\s+(?P<sym>[A-Za-zα-ω](?:_[a-z])?)\((?P<t>[tkin])\)\s*=\s*"
    r"(?P<value>[^,;—\n]{1,60}?)(?=\s*(?:[,;—]|\.(?:\s|$)|$|\s+(?:and|for|in|so|with|where)\b))"
)
# "evaluated at every 500,000 frames", "checkpoints taken every 10 epochs": an interval, named by its purpose
INTERVAL = re.compile(
    r"\b(?P<what>evaluat\w*|checkpoint\w*|sav(?:e|ed|ing)|logg?(?:ed|ing)?|"
    r"target\s+(?:network\s+|model\s+)?(?:(?:is|are|was|were)\s+)?(?:updates?|updated|synchroni[sz]ed|copied)|"
    r"(?:update|sync\w*|cop(?:y|ied))\s+(?P<target>the\s+target)\s+(?:network|model|critic)s?)\b"
    rf"[^.;]{{0,80}}?\b(?:at\s+)?every\s+(?P<value>\d{{1,3}}(?:,\s?\d{{3}})+|{SCALAR})\s+"
    r"(?P<unit>frames|steps|iterations|epochs|updates|episodes)\b",
    re.I,
)
# ... the period first: 'Every 100 iterations the validation set is run', 'After every 100 batches, the
# running loss ... are logged'
INTERVAL_FIRST = re.compile(
    rf"\b(?:after\s+)?every\s+(?P<value>\d{{1,3}}(?:,\s?\d{{3}})+|{SCALAR})\s+"
    r"(?P<unit>frames|steps|iterations|epochs|updates|episodes|batches)\b,?\s+(?:[\w-]+\s+){0,8}?"
    r"(?P<what>validat\w*|evaluat\w*|checkpoint\w*|sav(?:e|ed)|logg?(?:ed|ing)?)\b",
    re.I,
)
INTERVAL_OF = {
    "validat": "validation",
    "evaluat": "evaluation",
    "checkpo": "checkpoint",
    "sav": "checkpoint",
    "log": "log",
    "target": "target_update",
}
# "we set it to 0.6": the setting named earlier in the sentence
SET_IT = re.compile(rf"\b(?:set|fix|fixed|chose|choose)\s+(?:it|them)\s+(?:to|at)\s+{_NUMVALUE}", re.I)
# "performs four steps of downsampling": a count of a process's steps
STEPS_OF = re.compile(
    rf"(?<![\w.,])(?P<value>{NUM}|(?:{WORDNUM})\b)\s+(?P<unit>steps|stages|levels|rounds)\s+of\s+"
    r"(?P<what>[a-z]{3,}ing)\b",
    re.I,
)
# a learning-rate decay stated by its factor: "a decaying factor of γ = 0.1", "divided by 10 at epochs 100
# and 150" (the epochs are the schedule's milestones)
DECAY_FACTOR = re.compile(
    rf"\b(?:decay(?:ing)?|multiplicative|reduction)\s+(?:factor|rate)\s+(?:of\s+)?(?:γ\s*=\s*)?"
    rf"(?P<value>{SCALAR})(?!\w|\.\d)",
    re.I,
)
GREEK_LOWER = "[α-ωϵϑϕϱς]"  # a lower-case Greek letter, in either of its shapes
# a decay named after what it decays, right before it: 'ϵ-decay rate', 'ε decay rate', 'epsilon-decay factor'
OTHER_DECAY = re.compile(rf"(?:(?<![\w-])(?!lr-|rate-)[^\W\d_]+-|{GREEK_LOWER}\s*)$", re.I)
# "multiplied by 0.1", "we divide the learning rate by 10", "decays the lr by a factor of 0.5"
# the verbs of a decay by a factor ('mul': the factor multiplies, not divides)
_DECAY_VERBS = (
    r"(?P<mul>multipl(?:y|ies|ied|ying)|scal(?:e|es|ed|ing))|divid(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|"
    r"decreas(?:e|es|ed|ing)|decay(?:s|ed|ing)?|drop(?:s|ped|ping)?"
)
_DECAY_BY = (
    rf"\b(?:{_DECAY_VERBS}|lower(?:s|ed|ing)?|cut(?:s|ting)?|updat(?:e|es|ed|ing)|"
    r"dampen(?:s|ed|ing)?|anneal(?:s|ed|ing)?|"
    r"adjust(?:s|ed|ing)?)\s+(?:(?:the|our)\s+)?"
    r"(?:(?:learning[\s-]rates?|lr)\s+)?"
    # "by a factor of one half", "by a factor of ten": a factor in words
    rf"by\s+(?:(?:a\s+)?factor\s+(?:of\s+)?)?(?P<value>{SCALAR}|(?:(?:one|a)\s+)?half\b|(?:{WORDNUM})\b(?![\s-]+\d))"
)
# '60, 90 and 120'; ordinals too: 'the 80th and the 120th'
_ORDINAL = rf"(?:{NUM})(?:st|nd|rd|th)?"
_MILESTONES = rf"{_ORDINAL}(?:\s*(?:,\s*(?:and\s+)?|and\s+)(?:the\s+)?{_ORDINAL})*"
# "... by 0.1 at epochs 60 and 90", "... by factor 0.1 at 60, 90 and 120 epochs"
STEP_DECAY = re.compile(
    rf"{_DECAY_BY}\s+(?:at|after)\s+(?:the\s+)?(?:(?P<unit>epochs?|iterations?|steps?)\s+(?P<ms>{_MILESTONES})|"
    rf"(?P<ms2>{_MILESTONES})\s+(?P<unit2>epochs?|iterations?|steps?)\b)",
    re.I,
)
# a setting said to be off: "SGD without momentum", "no weight decay" (not "with or without dropout", an
# ablation, "if no label smoothing is used", a condition, nor "no dropout layer", a part of a model)
SWITCHED_OFF = re.compile(
    r"(?<!or\s)(?<!with\sand\s)(?<!if\s)(?<!when\s)\b(?P<off>without|no)\s+(?:any\s+)?(?P<name>weight\s+decay|momentum|dropout|label\s+smoothing)\b"
    r"(?!\s+(?:layers?|regulari[sz]ation\s+layers?)\b|-)",
    re.I,
)
# a setting annealed between two values: "ε annealed linearly from 1.0 to 0.1 over the first 1M frames",
# "β annealed from 0.4 to 1", "ε-greedy with a linear decay from 1.0 to 0.1"
ANNEALED = re.compile(
    r"(?P<name>ε|epsilon|β|beta|τ|tau|temperature|KL\s+(?:term\s+)?weight|weight\s+(?:of|on)\s+the\s+KL\s+"
    r"(?:term|loss|divergence)|exploration\s+rate|entropy\s+coefficient)"
    r"(?:-greedy(?:\s+exploration)?)?[^.;]{0,40}?\b(?:is\s+|was\s+)?(?:linearly\s+|exponentially\s+)?"
    # "ε-greedy with a linear decay from 1.0 to 0.1": the decay named as a noun
    r"(?:annealed|decayed|decreased|reduced|increased|lowered|decays|decreases|decay|annealing)\s+"
    rf"(?:linearly\s+|exponentially\s+)?from\s+(?P<start>{SCALAR})\s+to\s+(?P<end>{SCALAR})(?![\d.,]\d)"
    rf"(?:\s+(?:over|during|in)\s+(?:the\s+first\s+)?(?P<over>{SCALAR})\s+"
    r"(?P<unit>frames|steps|iterations|updates|episodes|epochs)\b)?",
    re.I,
)
# the top of a warmup: "warmed up over the first 2,000 steps to a peak of 3e-4"
PEAK = re.compile(
    rf"\b(?:to|at|reach(?:es|ing)?)\s+(?:a|its|the)\s+(?:peak|maximum)(?:\s+value)?\s+(?:of\s+)?(?P<value>{SCALAR})"
    r"(?!\w|\.\d)",
    re.I,
)
# "reduced by a factor of 10 when the validation loss plateaus": a decay on a plateau, not at set steps
PLATEAU_DECAY = re.compile(
    rf"(?:{_DECAY_BY}|\b(?P<half>halv(?:e|es|ed|ing))\s+(?:the\s+)?(?:learning[\s-]rate|lr)\b)"
    rf"\s+(?:when|whenever|once|if|(?:each|every)\s+time|on|after)\b[^.;]{{0,60}}?\b(?P<plateau>plateau(?:s|ed|ing)?"
    # "... when the validation likelihood did not improve", "after 4 epochs without improvement": a plateau
    r"|did\s+not\s+improve|does\s+not\s+improve|stop(?:s|ped)?\s+improving|no\s+longer\s+improves?"
    r"|without\s+(?:any\s+)?improvement)\b",
    re.I,
)
# "The learning rate is reduced by a factor of 0.25." (when: said in another sentence): its decay factor
LR_DECAYED_BY = re.compile(
    rf"(?:\b(?:learning[\s-]rates?|lr)\s+(?:is|was|are|were|gets|got)\s+(?:then\s+|also\s+)?"
    # 'the learning rate is monitored and is reduced by a factor of 0.5'
    r"(?:[a-z]+ed\s+and\s+(?:is\s+|was\s+)?)?"
    # the active voice, the rate named: 'we reduce the learning rate by a factor of 0.1'
    r"|\bwe\s+(?:then\s+|also\s+)?(?=[a-z]+\s+(?:the|our)\s+(?:learning[\s-]rates?|lr)\s+by\b))"
    rf"{_DECAY_BY}(?!\w|\.\d)",
    re.I,
)
# "multiplied by 0.85 for every 5000 steps", "halved every 10 epochs", "by 0.95 after each epoch": a decay
# repeated at a fixed period
PERIODIC_DECAY = re.compile(
    rf"(?:{_DECAY_BY}|\b(?P<half>halved|halves|halve|(?:decreas|reduc|decay|cut|drop)\w{{0,3}}\s+by\s+(?:a\s+)?half))"
    rf"\s+(?:(?:for|after|at)\s+)?(?:every|each)\s+"
    rf"(?:(?P<period>{NUM})\s*(?P<k>[kK])?\s+)?(?P<unit>epochs?|iterations?|steps?|updates?|episodes?)\b"
    r"(?!\s+(?:of|in)\s+(?:the\s+)?(?:warm|first))",
    re.I,
)
# the period first: 'decays every two epochs by a factor of 10' (same groups as PERIODIC_DECAY; never halved)
PERIOD_FIRST_DECAY = re.compile(
    rf"\b(?:{_DECAY_VERBS})\s+(?:(?:after|at)\s+)?(?:every|each)\s+"
    rf"(?:(?P<period>{NUM}|(?:{WORDNUM})\b)\s*(?P<k>[kK])?\s+)?(?P<unit>epochs?|iterations?|steps?|updates?)\s+"
    rf"by\s+(?:a\s+)?(?:factor\s+(?:of\s+)?)?(?P<value>{SCALAR})(?!\w|\.\d)(?P<half>(?!x)x)?",
    re.I,
)
CONTRAST = re.compile(
    rf"\s*,?\s*(?:while|whereas)\s+(?:for|on)\s+(?P<ctx>[\w-]+)\s+(?:we\s+)?(?:use|used|it\s+is)\s+{_NUMVALUE}"
    r"(?![\w-])",
    re.I,
)
# "the cosine learning rate schedule [cite], starting at 0.1 for CIFAR-10 and 3.2 for ImageNet"
SCHEDULE_START = re.compile(
    r"\b(?:learning[\s-]rate|lr)\s+(?:[\w-]+\s+){0,2}?(?:schedule|policy)(?:\s*(?:\([^()]{1,60}\)|\[[^\]]{1,60}\]))?,?\s+"
    rf"(?:starting|which\s+starts|that\s+starts)\s+(?:at|from)\s+(?P<value>{SCALAR})(?!\w|\.\d)"
    r"(?:\s+(?:for|on)\s+(?P<ctx>[\w-]+))?"
    rf"(?:,?\s+and\s+(?P<value2>{SCALAR})\s+(?:for|on)\s+(?P<ctx2>[\w-]+))?",
    re.I,
)
# one phase of a piecewise learning-rate schedule: "10^-2 for 80 epochs", "0.001 for the next 10k steps"
RATE_PHASE = re.compile(
    rf"(?<![\w.])(?P<value>{SCALAR})\s*,?\s+for\s+(?:the\s+(?:next|first|last|remaining)\s+)?"
    rf"(?P<ctx>(?:{NUM}(?:[kKM](?![a-zA-Z]))?|(?:{WORDNUM})\b)\s+(?:epochs?|iterations?|steps?|updates?)\b)",
    re.I,
)
# a sampler's step size, not gradient descent's: "the step size σ for the random walk proposers"
_SAMPLER_WORDS = re.compile(
    r"\b(?:propos(?:al|als|er|ers)|random[\s-]walk|leapfrog|hamiltonian|hmc|langevin|mcmc|metropolis)\b", re.I
)


def sampler_step(name: str, window: str) -> bool:
    """Is the 'step size' named here a sampler's (the window speaks of proposals, HMC, Langevin ...)?"""
    return bool(re.fullmatch(r"(?i)(?:proposal\s+)?step[\s-]?sizes?", name.strip())) and bool(
        _SAMPLER_WORDS.search(window)
    )


ABOUT_LR = re.compile(r"learning[\s-]rate|\blr\b|lr_scheduler|scheduler", re.I)
# one size per layer: "layers of size 32, 32, 64 and 128"
_PER_LAYER = rf"(?:\s*,\s*(?:{NUM}))+(?:\s*,?\s*(?:and|or)\s+(?:{NUM}))?|\s+(?:and|or)\s+(?:{NUM})"
# the size of a model part: "2 linear layers each of size 128", "Filters are of size 5 × 5"
PART_SIZE = re.compile(
    r"\b(?P<noun>layer|filter|kernel|window|beam|patch|buffer|replay\s+memory|embedding|vocabulary)s?\s+"
    r"(?:are\s+|is\s+)?(?:each\s+)?(?:of|with)\s+(?:a\s+)?"
    rf"(?:size|width|dimension)\s+(?:of\s+)?(?P<value>(?:{NUM})(?:\s*[×x]\s*(?:{NUM})|(?-i:[KM]|k)\b|{_PER_LAYER})?)"
    r"(?!\w|,\d|\.\d)",
    re.I,
)
SET_SIZE = re.compile(
    rf"\b(?:set|fix|fixed)\s+(?:the\s+)?(?:[a-z]+\s+)?(?P<noun>[a-z]+)\s+to\s+(?:a\s+)?(?:size|dimension)\s+"
    rf"(?:of\s+)?(?P<value>{NUM})(?![\w,]|\.\d)",
    re.I,
)
PART_KEY = {
    "layer": "hidden_size",
    "filter": "kernel_size",
    "kernel": "kernel_size",
    "window": "window_size",
    "beam": "beam_size",
    "patch": "patch_size",
    "buffer": "replay_buffer_size",
    "replay memory": "replay_buffer_size",
    "embedding": "embedding_dim",
    "vocabulary": "vocab_size",
}
_INIT_NAMES = r"(?:Kaiming|Xavier|Glorot|LeCun|He|(?i:orthogonal))"
INITIALIZATION = re.compile(
    # ('... by sampling from the Glorot uniform distribution')
    rf"\binitiali[sz](?:e[sd]?|ing)\s+(?:[\w'’]+\s+){{0,6}}?(?:via|with|using|by)\s+"
    r"(?:sampling\s+from\s+)?(?:the\s+)?"
    rf"(?P<value>{_INIT_NAMES}(?:\s+(?i:normal|uniform)(?=\s+(?:initiali[sz]|distribution)))?)\b(?!\s+et\b)"
    # "Kaiming uniform initialization": the variant is part of the scheme
    rf"|\b(?P<named>{_INIT_NAMES}(?:\s+\(?(?i:normal|uniform)\)?)?)\s+initiali[sz](?:ation|er)\b"
)
SEARCH = re.compile(
    r"\b(?:used?|using|with|by|via|performed?|ran)\s+(?:a\s+)?(random search|grid search|"
    r"bayesian optimi[sz]ation)\b",
    re.I,
)
COMPOUND = re.compile(
    rf"(?<![\w-])(?P<noun>[A-Za-z][a-z-]{{2,20}})\s+(?:had\s+|has\s+|have\s+|with\s+|"
    # 'polynomials (are all) of order 3'; 'a lattice of size n' is size_of's
    rf"(?:(?:are|is|were|was)\s+(?:all\s+)?)?of\s+(?=(?:order|degree|rank)))?"
    rf"(?P<attr>length|size|depth|width|dimension|dimensionality|radius|parameter|order|degree|rank)s?\s*"
    rf"(?:\((?:up\s+to\s+)?|of\s+|=\s*|:\s*|was\s+|is\s+(?:set\s+to\s+)?)?"
    rf"(?:{SYM}\s*=\s*)?{_NUMVALUE}(?!\s*[+*/^]\s*[\w(])"  # not a formula's first term: 'length 1+P/2'
)
# words before "size", "length" ... that do not name a setting (dataset sizes are not hyperparameters)
NOT_A_SETTING = {
    "the",
    "variable",  # 'Bernoulli random variables with parameter 0.5': a distribution's, not a setting's
    "are",  # 'polynomials in (4) are of degree 5': a verb, not a name
    "is",
    "were",
    "was",
    "has",  # 'the vector has length 1+P': a verb, not a name
    "had",
    "have",
    "a",
    "an",
    "of",
    "and",
    "with",
    "our",
    "their",
    "this",
    "that",
    "its",
    "which",
    "each",
    "any",
    "same",
    "larger",
    "smaller",
    "small",
    "large",
    "full",
    "total",
    "fixed",
    "maximum",
    "minimum",
    "average",
    "mean",
    "effective",
    "dataset",
    "data",
    "set",
    "corpu",
    "file",
    "memory",
    "sample",
    "population",
    "training",
    "test",
    "validation",
    "step",
    "bin",
    "font",
    "page",
    "image",
    "paper",
    "table",
    "figure",
    "different",  # "vectors of different dimensions 6": a footnote mark, not a setting
    "various",
    "several",
    "multiple",
    "other",
    "varying",
    "arbitrary",
}
# a noun that names the symbol right after it: "a budget n = 5460", "support of K = 25"
# "with a probability of p = 0.25": the sentence names what this symbol is here, whatever it meant elsewhere
OTHER_NOUN = re.compile(
    r"\b(?:a|an|the|with)\s+(?P<noun>[a-z][a-z-]+(?:\s+(?!of\b)[a-z][a-z-]+)?)\s+(?:of\s+)?$", re.I
)
# "C = 2 · max": the value is a factor of an expression, not the setting
FACTOR_AFTER = re.compile(r"\s*[·×*⋅]\s*(?!\d)")
GENERIC_NOUNS = {
    "value",
    "values",
    "setting",
    "settings",
    "parameter",
    "parameters",
    "hyperparameter",
    "hyperparameters",
    "choice",
    "choices",
    "default",
    "defaults",
    "configuration",
    "constant",
}


def names_other(noun: str, key: str) -> bool:
    """Does the noun phrase before a symbol name another quantity than key ('a probability of', not 'the
    default values')?"""
    return noun.split()[-1].lower() not in GENERIC_NOUNS and canonical_key(noun) != key


# "sequences for n equal to ...": the things the symbol is a property of here, whatever it meant elsewhere
THINGS_FOR = re.compile(r"\b(?P<noun>[a-z]{4,}s)\s+for\s+$")
# an assignment that labels a row of scores: "D=5, T=20 | 265.1 | 261.2" (a results table's condition)
SCORES_AFTER = re.compile(
    rf"(?:\s*,\s*{SYM}\s*=\s*(?:{NUM}))*\s*\|?\s*(?:\*{{0,2}}\d*\.\d+\*{{0,2}}\s*(?:\||(?=\s)|$)\s*){{2,}}"
)
# "the three layers": a count with a definite article refers back to layers described before
BACK_REFERENCE = re.compile(r"\b(?:the|these|those|both|all)\s+$", re.I)
GATE = re.compile(r"\bgat(?:e|es|ing)\b", re.I)
# "dropout with probability p", "sticky actions with a probability of p", "label smoothing with a factor of":
# the symbol is the named setting's own value
SETTING_WITH = re.compile(
    rf"{NAME}\s+with\s+(?:an?\s+)?(?:probability|rate|ratio|coefficient|weight|factor|strength|parameter)"
    r"\s+(?:of\s+)?$",
    re.I,
)
NAMING_NOUN = re.compile(r"(?<![\w-])(?P<noun>budget|support|horizon|planning horizon)\s+(?:of\s+)?$", re.I)
NAMED_SYM = re.compile(
    rf"(?<![\w-])(?P<noun>budget|support|horizon|planning horizon)\s+(?:of\s+)?"
    # "a budget of K · L": the budget is the product's
    rf"(?P<sym>{SYM})(?![\w(])(?!\s*[=·×*⋅])",
    re.I,
)
# "we use K = 30 latent factors", "we empirically chose κ = 1.5": the paper's own choice, named by its letter
WE_SET = re.compile(
    r"\bwe\s+(?:\w+\s+)?(?:set|use|used|fix|fixed|choose|chose|select|selected|take|took|pick|picked)\b"
    r"[^.;:]*$",
    re.I,
)
SETTING_VERB = re.compile(
    r"\b(set|sets|use|used|using|fix|fixed|choose|chose|gives|give|with|where)\s+"
    r"(?:(?:the\s+)?(?:defaults?|default\s+values|values)\s+of\s+)?"  # "we use the defaults of β_1 = 0.9"
    r"(?:\w+\s+){0,2}$",
    re.I,
)
# a symbol right after a name ("sequence length T", "learning rate (α)") or right before it ("T diffusion
# steps", "α, the learning rate"); tried around each name found, not at every position of the text
SYM_AFTER = re.compile(rf"\s+(?:\(\s*)?(?P<sym>{SYM})(?![\w(])(?!\s*=)")
# a name given with its value through its symbol: "mini-batches of size $M=64$", "batch size M = 64"
SYM_SET_AFTER = re.compile(rf"\s+\$?(?P<sym>{SYM})\s*=\s*\d")
SYM_BEFORE = re.compile(rf"(?<![\w\\'’])(?P<sym>{SYM})(?P<sep>\s*[,:]\s*(?:the\s+)?|\s+)$")
# a symbol defined by the name after it: "where γ ∈ (0, 1) is a discount factor", "let τ denote the
# temperature"
SYM_IS = re.compile(
    rf"(?<![\w\\'’])(?P<sym>{SYM})(?:\s*∈\s*[(\[][^()\[\]]{{0,20}}[)\]])?\s+(?:is|denotes?|represents?|be)\s+"
    r"(?:the|a|an|our)\s+(?:[\w-]+\s+){0,2}?$"
)
# a symbol defined as a count: "the number of rollouts K", "where K is the number of rollouts"
_WHAT = r"(?P<what>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
COUNT_DEFS = (
    re.compile(rf"\bnumber\s+of\s+(?:the\s+)?{_WHAT}\s+\(?\s*(?P<sym>{SYM})(?![\w(])(?!\s*=)"),
    re.compile(  # 'L_e represents the number of the encoder layers'
        rf"(?<![\w\\'’])(?P<sym>{SYM})\s+(?:is|denotes?|represents?|be)\s+the\s+number\s+of\s+"
        rf"(?:the\s+)?{_WHAT}"
    ),
)
# a symbol defined as an attribute of a named thing: "the maximal size B of the support" -> support size
ATTR_OF = re.compile(
    rf"\b(?P<attr>size|length|depth|width|dimension|radius|number)\s+\(?(?P<sym>{SYM})\)?\s+of\s+"
    r"(?:the\s+|each\s+|a\s+)?(?P<noun>[a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?)\b(?!\s*\()"
)
NOT_WHAT = {"per", "in", "of", "the", "used", "we", "that", "for", "to", "and", "is", "at", "on", "with"}
# a clause that makes an assignment an example: "if M = 100", "e.g. K = 5", "suppose n = 3"
CONDITIONAL = re.compile(
    r"(?:\b(?:if|when|whenever|suppose|assume|consider|e\.g\.|for\s+example|for\s+instance)\b[^.;]*)$", re.I
)
# a rule for the items a condition picks: 'for all samples n where y_n = 1, we set t_n to 1'
FOR_ALL_WHERE = re.compile(r"\bfor\s+(?:all|every|each)\b[^.;]*\bwhere\b[^.;]*$", re.I)
EXAMPLE = re.compile(r"\b(?:in\s+(?:our|the|this)\s+example|illustrat\w*|toy)\b", re.I)
NAME_ANY = re.compile(rf"(?<![\w-])(?:{phrase_re(ALL_NAMES)})(?![\w])", re.I)


TYPED_LAYERS = re.compile(
    rf"(?<![\w.])(?:\d+|{WORDNUM})\s+(?:{_LAYER_WORD}[\w-]*\s+(?:[a-z][\w-]*\s+){{0,2}})?layers\b", re.I
)
GAP_FILLER = {"of", "value", "values", "the", "a", "an", "is", "was", "set", "to", "with", "we", "use"}
# nouns that turn the setting before them into another one: "learning rate scaling", "dropout schedule"
MODIFIERS = {
    "scaling",
    "scale",
    "multiplier",
    "decay",
    "schedule",
    "warmup",
    "ratio",
    "annealing",
    "factor",
    "power",
}
# "the tree size was 5500 nodes", "the layer width is 256": an attribute of what a count's name counts
COUNTED_ATTRIBUTES = {"size", "length", "depth", "width"}
# "the first 2000 iterations", "the last 100 diffusion steps", "the previous 100 epochs": a part of a run, not
# its length
PART_OF_RUN = re.compile(
    rf"\b(?:first|last|final|ultimate|initial|remaining|previous|past|preceding|most\s+recent)\s+(?:and\s+last\s+)?(?:{SYM}\s*=\s*)?$"
    rf"|\b(?:up\s+to|until|till|continues?\s+to)\s+{SYM}\s*=\s*$",  # "gains continue to k = 400"
    re.I,
)
# a range of an index: "from t = 0 up to t = 300", "between times t = 301 and t = 700" (phases of a run)
INDEX_RANGE = re.compile(
    rf"\b(?:from|between)\s+(?:(?:times?|steps?|iterations?|rounds?)\s+)?(?P<sym>{SYM})\s*=\s*(?P<a>{NUM})"
    rf"\s*,?\s*(?:up\s+to|to|till|until|through|and|[-–])\s+(?:(?P=sym)\s*=\s*)?(?P<b>{NUM})",
    re.I,
)
# a value that opens a range is a loop bound: "for iteration i = 1 to T", "t = 1, ..., N"
RANGE_START = re.compile(
    r"\s*(?:to\s+(?-i:[A-Za-z])\b|,\s*(?:\.\.\.|…|\\ldots|·\s*·\s*·|\.\s\.\s\.)|,?\s*do\b)", re.I
)


# "K · L = 2048", and "K L = 2048" as LaTeX sets a product of two symbols: the value is the product's
PRODUCT_BEFORE = re.compile(r"(?:[·×*⋅]|(?<![\w\\])(?-i:[A-Z]|[α-ωΑ-Ω]))\s*$")
# a clause describing data: "instances, each containing T = 10 time steps" (not "..., with K = 5 sweeps"),
# "on test sets where T = 100"
DESCRIBES_DATA = re.compile(
    r"\bcontain(?:s|ing|ed)?\b(?![^;]*\bwith\b)[^;]*$|\binstances?\s+with\b[^;]*$|"
    r"\b(?:test|evaluation)\s+(?:sets?|data|instances?)\s+(?:where|with)\b[^;]*$"
)
# the size of a dataset, not a setting: "include n = 3054 training points", "n = 15789 test measurements"
DATA_SIZE_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:training|train|test|testing|validation|held-out|labell?ed|unlabell?ed)\s+(?:data\s+)?"
    r"(?:points|examples|samples|measurements|images|instances|observations|sequences|documents|sentences|"
    r"pairs|records|users|items)\b"
    # "N = 1000 random samples are drawn from this distribution": the data drawn, not a batch
    r"|\s*(?:[a-z]+\s+)?(?:samples|points|examples|instances|observations)\s+(?:are|were)\s+(?:drawn|generated|sampled)\b",
    re.I,
)
# what a sentence says an assigned symbol is: "K = 5 sweeps", "20 instances per batch", "exploration ε = 0.4",
# "γ = 0.4 for exploration"
NOUN_AFTER_SYM = re.compile(
    r"\s+(?P<noun>(?:[a-z]+\s+)?[a-z]{3,}s)(?=\s*(?:[,;)]|\.(?!\d)|(?:and|in|of|for|with|per|on|each)\b|$))"
)
# a noun opening a clause: "..., targeting δ = 0.9 and exploration ε = 0.4" (not "by taking α", "of length k")
NOUN_BEFORE_SYM = re.compile(r"(?:^|[,;(]\s*|\band\s+)(?P<noun>[a-z]{5,})\s+$")
FOR_NOUN = re.compile(r"\s+for\s+(?P<noun>[a-z]{4,}(?:tion|ing))\b")
NOT_A_NOUN = re.compile(
    r"^(?:with|where|whereas|while|which|using|their|these|those|there|since|after|before|about|under|until|"
    r"although|though|unless|because|hence|thus|therefore|otherwise|however|"
    r"training|testing|evaluation|validation|inference|comparison|setting|following|remaining|"
    r"(?:includ|contain|yield|giv|obtain|becom|remain|equal|reach|leav|result|lead|hav|be|gett|mak|tak|produc|"
    r"generat|requir|achiev|compris|total|us|employ|adopt)(?:e|es|s|ing)?)$|ly$|ed$"
)


# "the dimensionality of the hidden layer is 512": the layer's size, not a count of layers; "the noise levels
# of the R, G and B channels are 16.8, 17.0 and 16.6": values of what the phrase opens with, not of channels
_OF_HEAD = re.compile(
    r"\b(?P<head>[a-z]+)\s+of\s+(?:the\s+|each\s+|every\s+|all\s+|its\s+|our\s+)?(?:[\w-]+,?\s+(?:and\s+)?){0,4}$",
    re.I,
)
_SIZE_HEADS = {"size", "sizes", "dimension", "dimensions", "dimensionality", "width", "widths"}
_COUNT_HEADS = {"number", "numbers", "count", "total", "depth"}


def of_head(before: str, name: str) -> str | None:
    """What a count noun named after 'X of' measures (`before` ends where the name starts): None (itself, or
    'the number of layers'), 'size' ('the dimensionality of the hidden layer') or 'other' ('the noise
    levels of the R, G and B channels')."""
    # a count the vocabulary knows ('edit tree' is num_trees), not an attribute ('trees of depth 6',
    # 'outputs of dimension 512')
    counted = canonical_key(name).startswith("num_") and name.lower() not in COUNTED_ATTRIBUTES
    if not (COUNT_NOUN.search(name) or counted):
        return None
    head = _OF_HEAD.search(before)
    if head is None or head["head"].lower() in _COUNT_HEADS:
        return None
    return "size" if head["head"].lower() in _SIZE_HEADS else "other"
