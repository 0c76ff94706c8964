"""How sure the hyperparameter scanner is of one finding. A value is a `candidate` (for the agent to confirm,
never written into a config as the paper's value) when the sentence it came from may not state a setting of
the paper's own method: it speaks of cited work or of common practice, it is a figure's axis ticks, the value
is implausible for its key (two training steps), or the scanner itself flagged it: a name only guessed from a
symbol ("K = 50"), a part of a run ("the first 2000 iterations")."""

from __future__ import annotations

import re

from tools.analysis.hp_models import BARE_FAMILY, MODEL_NAME
from tools.analysis.hp_normalize import SCALAR
from tools.analysis.hp_paragraphs import BULLETS
from tools.analysis.hp_patterns import SYM
from tools.analysis.hp_setup import decide, setup_section
from tools.analysis.hp_vocabulary import COUNT_KEYS, SYNONYMS
from tools.analysis.hp_voice import voice_doubt

# why a value is only a candidate, when the scanner that read it is unsure (doubt below finds the rest)
DATA_OR_SCORE = "a value describing the data or a result (a dataset's size, a score), not a setting"
NAMED_BY_WORD = "the symbol is named by a word that may not be its name"
EXAMPLE_CASE = "an example or a condition ('if M = 100 ...'), not a setting"
OTHER_QUANTITY = "the sentence names another quantity for this symbol"
LETTER_ONLY = "named only by its letter: the paper may call it something else"
PART_OF_A_RUN = "a part of a run (the first N steps, an inner loop), not its length"
FORMULA = "a schedule written as a formula: confirm how it maps to the config"
UNKNOWN_SIZE = "the size of a thing that is not a known setting"
ONE_SIDE = "a product or size (32 × 4) where the setting is one number: confirm which side it is"
ONE_OF_SIZES = "one of several sizes listed: the paper may sweep them"

# a sentence about someone else's method: "Magni et al. followed ...", "they used ...", with no "we"/"our"
_OTHERS = re.compile(
    r"\b[A-Z][\w-]+\s+[*_]?et\.?\s+al\b\.?(?![^()]*\))|\b(?:they|their|prior work|previous work)\b"
    # a table row named by a citation key: '| [cohen2018] (b=128) |' (in its first cell: a 'Reference' column
    # saying where a default came from, '| PER α | 0.6 | [Schaul2016] |', leaves the value the paper's own)
    r"|(?:^|\|\s+|\s/\s)\|\s*\[[A-Za-z][\w:.-]*\d{4}[\w:.-]*\]"
    # a list item opening with a model's name (and its citation key): '- RobeCzech [straka2021] - a model
    # with', '- mBERT - BERT-based model with 179M parameters'
    r"|^\s*[-*•]\s+[A-Za-z][\w-]*\s+(?:\[[A-Za-z][\w:.-]*\]\s+[-–—:]|[-–—:]\s+(?:an?\s+)?[\w-]+-based\s+model\b)"
    # a reproduction's words on the paper it reproduces: 'In the original paper, the weight decay is reported'
    r"|\b(?i:(?:the\s+(?:original|initial)\s+(?:paper|work|authors?|implementation)|the\s+authors))\b[^.;]{0,40}"
    r"\b(?i:report|state|mention|claim|uses?\b|used\b|trains?\b|employs?\b|sets?\b|chose|propose|found\b|finds\b|recommend|suggest)"
)
# a sentence of the paper's own: 'we', 'our', one author's 'I train ...' (not a numbering: 'Table I lists')
OURS = re.compile(r"\b(?:we|our|us|ours|my)\b|(?<!Table\s)(?<!Figure\s)(?<!Appendix\s)\b(?-i:I\s[a-z])", re.I)
# the paper's own choice, made as a cited work made it: "..., as described by Schneider et al. (2023)"
_AS_CITED = re.compile(
    r"\b(?:as\s+(?:described|proposed|suggested|done|recommended|introduced|defined)\s+(?:by|in)|as\s+in|"
    r"following)\s+[A-Z][\w-]+\s+[*_]?et\.?\s+al\b"
    # ... or a cited technique it applies: "injected via Flamingo-style Gated Cross-Attention Alayrac et al."
    r"|\b(?:via|using)\s+(?:[\w-]+\s+){0,5}?[A-Z][\w-]+\s+[*_]?et\.?\s+al\b"
)
# four or more numbers in a row (axis ticks "0 500 1000 1500 2000")
_RUN = re.compile(r"(?:(?<![\w.])\d+(?:\.\d+)?\s+){3,}\d+(?:\.\d+)?(?![\w.])")
# smallest plausible value of count settings: "two steps" is a procedure, not a training length
# (channels: 1, 3 or 4 count an image's grey, RGB or RGBA planes, never a layer's width)
_FLOOR = {
    "training_steps": 100,
    "diffusion_steps": 10,
    "num_parameters": 1000,
    "hidden_size": 8,
    "base_channels": 5,
}
# values a setting never reaches: a momentum or a decay rate of 1 keeps everything ("momentum 1:" is a
# numbered line of an algorithm)
_CEILING = {
    "momentum": 1.0,
    "beta1": 1.0,
    "beta2": 1.0,
    "top_p": 1.01,
    "image_size": 8193,
    "dropout": 1.01,
    "label_smoothing": 1.01,
    "discount_factor": 1.01,  # a 'gamma' above 1 is a correction or an augmentation's range
    "learning_rate": 50.0,  # 'step size k = 128': a count of words or pixels per step, not a rate
    "num_runs": 100001.0,  # '416,119 trials' of an evaluation list are its size, not repeated runs
}
_WHOLE = {"batch_size", "beam_size", "top_k"}  # settings that are whole numbers though no count of parts
_COUNTS = {"num_layers", "num_heads", "num_features", "num_experts", "num_runs", "num_parameters"}
# runs stated as such in words: "averaged over ten random seeds", "five runs per configuration"
_RUN_WORDS = r"\s+(?:(?:different|independent|random|separate)\s+)*"  # 'three different runs'
_RUNS_STATED = re.compile(
    r"\b(?:over|across)\s+[a-z]+\s+(?:random\s+)?(?:seeds|runs)\b|\b[a-z]+\s+runs\s+per\b|"
    # "Twenty randomized trials for each resolution were performed", "we repeat the evaluation ten times"
    r"\b[a-z]+\s+(?:randomi[sz]ed\s+|independent\s+|random\s+)?(?:trials|runs|repetitions)\s+(?:for\s+each|per|"
    r"were|are)\b|\brepeat(?:ed)?\b[^.;]{0,60}?\b[a-z]+\s+times\b|"
    # "the average of three different runs"
    rf"\b(?:average|mean)\s+of\s+[a-z]+{_RUN_WORDS}(?:runs|seeds|trials)\b",
    re.I,
)
# a sentence about what a figure draws: "(the tree is only shown up to depth 12)"
_DRAWN = re.compile(
    r"\b(?:is|are)\s+(?:only\s+)?(?:shown|plotted|drawn|depicted|displayed)\s+(?:up\s+)?to\b", re.I
)
# a call in code or a printed PyTorch module: "Dropout ( p =0.1 , inplace = False )", "Conv1D ()"
_CODE_CALL = re.compile(r"\b[A-Z][A-Za-z0-9]*\s*\(\s*(?:[a-z_]\w*\s*=|\))")
# names of code: "ln_1", "c_attn", "mlp . c_fc", "( wte ) :" (a module's parameters or children printed)
_CODE_NAME = re.compile(
    # (not a subscripted symbol set to a number, 'w_step = 1')
    r"\b(?![a-z]_\w+\s*=\s*\.?\d)[a-z]+_[a-z0-9]\w*\b|\b[a-z]\w*\s\.\s[a-z_]\w*|\(\s*[a-z_]\w*\s*\)\s*:"
    r"|(?<![\w.])\d{1,3}\s#\s"  # a numbered line of a listing with its comment: '14 # batch size to 64'
)
_CODE_WHY = "code or a printed module (Dropout(p=0.1)), not prose"
# a setting written as code in prose, 'batch_size=128, seq_len=40' (no call around it: not a listing)
_SET_AS_CODE = re.compile(r"\b[a-z]+_\w+\s*=\s*\.?\d")
_LOWER_CALL = re.compile(r"\b[a-z_][a-z0-9_]*\s*\(")
# a sentence about common practice, not this paper's choice: "weights are usually initialized (e.g., Xavier)"
# ('training was typically 2 epochs': the past tense tells of the paper's own runs)
_GENERAL = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)\b(?:usually|typically|commonly|often|conventionally)\b|\b(?:e\.g\.|for\s+example)\b"
    r"|\bin\s+the\s+literature\b|\bwell[\s-]established\b"  # "this ubiquity in the literature suggests ..."
    r"|\bit\s+is\s+(?:common|customary|standard|usual|typical)\s+(?:practice\s+)?to\b",  # "it is common to"
    re.I,
)
# '(we also tried RMSE as loss ...)': an alternative tried beside the one used
_ALSO_TRIED = re.compile(
    r"\balso\s+(?:tried|tested|experimented\s+with)\s+(?:using\s+)?(?:an?\s+|the\s+)?$", re.I
)
# a value the paper found wanting or only tried aside: "it was sub-optimal for images of 64 × 64", "(namely
# d = 100 and d = 200, yielded identical results)"
_TRIED = re.compile(
    r"\bsub-?optimal\b|\bdiverg(?:e|es|ed|ing)\b|"
    # 'causes divergence' (not a divergence named: 'KL divergence', 'contrastive divergence')
    r"\b(?:caus\w*|lead\w*\s+to|led\s+to|result\w*\s+in)\s+(?:\w+\s+)?(?:instabilit\w*|divergence)|"
    r"\b(?:worked|works|performs?|performed)\s+(?:\w+\s+)?(?:poorly|worse)\b|"
    # 'L2 regularization (λ = 1e-4 and 1e-3) consistently reduced performance'
    r"\b(?:reduced|reduces|hurt|hurts|degraded|degrades|harmed|harms)\s+(?:the\s+)?(?:performance|accuracy)\b|"
    r"\byield(?:s|ed)?\s+(?:qualitatively\s+)?(?:similar|identical|the\s+same|comparable)\s+results\b|"
    r"\bseems?\s+(?:to\s+be\s+)?(?:sufficient|enough)\b|\bwould\s+(?:suffice|be\s+(?:enough|sufficient))\b",
    re.I,
)
# one layer said as an architecture: "a network with one hidden layer", "a one-hidden-layer network", "the
# one-layer model" (not "one layer of our flow is ...")
# one layer said of a model: "one hidden layer", "a one-layer MLP", "a 1 layer LSTM"
_ONE_LAYER = re.compile(
    r"\b(?:one|single)[\s-]hidden[\s-]layer\b|\b(?:one|single)-layer\b|"
    r"\b(?:one|single|1)[\s-]layer\s+(?:(?-i:[A-Z]{2,}s?)|network|perceptron|encoder|decoder)\b",
    re.I,
)
# a mixture of Gaussians as data ("on the mixture of 25 Gaussians example"), not a model's own mixture
_TOY_DATA = re.compile(
    r"\b(?:data(?:set)?|examples?|toy|target|synthetic|ground[\s-]truth|experiments?)\b", re.I
)
_MODELLED = re.compile(r"\b(?:prior|posterior|variational|approximat\w*|our\s+model|we\s+model)\b", re.I)
_WORDY = {"num_features", "num_experts", "num_parameters", "num_runs", "base_channels"}
# a part of a whole in a description: "24 of 34 layers are layer norm modules"
_PART_OF_WHOLE = r"\b\d[\d,]*\s+(?:out\s+)?of\s+(?:the\s+)?{value}\s+[a-z]+\s+(?:are|were|is|was|have|had)\b"
# a sentence reporting an outcome: "OS outperforms Sinkhorn for N = 100", "with B = 10 bins, n = 3000 the
# error is 5.2 ± 1.1 times lower", "a 35% lower error ... for B = 100"; not when it states a choice
_OUTCOME = re.compile(
    r"\boutperform\w*|\bachiev(?:es|ed|ing)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:accuracy|error|score|performance|F1|BLEU|AUC|mAP|perplexity|reward|return)\b|"
    r"\bmatch(?:es|ed)?\s+(?:\w+\s+)?(?:the\s+)?performance\b|"
    # "the resulting accuracy had a standard deviation of 0.03": a statistic of a result
    r"\b(?:resulting|obtained|achieved|reported)\s+(?:\w+\s+)?(?:accuracy|error|loss|score|performance|F1|AUC|"
    r"perplexity|reward|return)\b|"
    r"\b\d+(?:\.\d+)?\s*(?:±\s*\d+(?:\.\d+)?\s*)?(?:x|×|times)\s+(?:lower|higher|smaller|larger|faster|slower|"
    r"better|worse)\b|\b\d+(?:\.\d+)?\s*%\s+(?:lower|higher|better|worse|smaller|larger)\b|"
    # "Pearson coefficients of 0.72", "the explained variance ... was 0.58": a statistic of results
    r"\b(?:pearson|spearman|kendall)(?:'s)?\s+(?:rank\s+)?(?:correlations?|coefficients?|r|ρ|τ)\b|"
    r"\bexplained\s+variance\b[^.;]{0,60}?\b(?:was|were|is|are)\b|"
    # a sentence opening "The results in Table 2 show ...", "an accuracy ... has not been reached in 2 epochs"
    r"^\s*(?:the\s+)?results\s+(?:in|of)\s+(?:table|figure|fig\.)\s*\S+\s+(?:show|indicate|demonstrate|reveal|"
    r"suggest)\w*|"
    r"\b(?:has|have|had)\s+(?:not\s+)?been\s+(?:achieved|reached|attained|obtained)\b",
    re.I,
)
# a value a run reached or a schedule implies: "an average minibatch size of 393", "an expected masking rate
# of 0.64" (not an exponential moving average's factor, nor an effective batch size set by accumulating
# gradients; "resulted in 247 steps per epoch" may be a setting the paper derives: left alone)
_REACHED_BEFORE = re.compile(
    r"\b(?<!moving )(?:average|mean|median|expected|resulting|effective(?!\s+(?:mini-?)?batch)|achieved|"
    r"obtained)\s+"
    r"(?:[\w-]+\s+){0,2}"
    r"(?:of|is|was|=|:)\s*$",
    re.I,
)
# 'the average of three different runs': how many runs a mean is over, a setting
_RUNS_AFTER = re.compile(rf"{_RUN_WORDS}(?:runs|seeds|trials|repetitions)\b")
# how far a value found by a search went: 'the dropout probability goes as high as 0.7 on one data set'
_WENT_AS_FAR = re.compile(
    r"\b(?:goes|went|go|rises?|rose|climbs?|climbed|gets?|got)\s+(?:as\s+(?:high|low)\s+as|up\s+to|down\s+to)\s*$",
    re.I,
)
# what the paper did not do: 'instead of fitting 10 trees ...', 'rather than 2048 dimensions'; what the
# work it reproduces did: 'the original model had C=100', 'reduced from the original batch size of 64'
_INSTEAD_BEFORE = re.compile(
    r"\b(?:instead\s+of|rather\s+than|in\s+place\s+of|originally)\b[^,;.()]{0,40}$"
    r"|\b(?:the|its|their)\s+original\s+(?:[\w-]+\s+){1,3}(?:(?:had|has|used|uses|was|is|of)\s+|[^\W\d]\s*=\s*)$",
    re.I,
)
# what a choice led to: "maximum depths of 1, 2 and 10, leading to 1, 2 and 4 features"
# "over k ≥ 5 seeds": the least a run should use; "β_1 = 1.64 (95% CI [0.70, 2.58])": an estimate
# "LeNet uses kernel of size 5, but we reduced them to 3": the value before is the one the paper changed
_CHANGED_AFTER = re.compile(
    r"[^.;]{0,30}?,?\s+but\s+(?:we|I)\s+(?:\w+\s+)?(?:reduc|increas|chang|replac|lower|rais|modif|doubl|halv)\w*"
    r"\s+(?:them|it|this|that|these|those)\b",
    re.I,
)
_BOUND_BEFORE = re.compile(r"(?:[≥≤]|>=|<=)\s*$")
_INTERVAL_AFTER = re.compile(r"\s*[(\[,]\s*\d+(?:\.\d+)?\s*%\s*(?:CI|C\.I\.|confidence|credible)\b", re.I)
_CONSEQUENCE_BEFORE = re.compile(
    r"\b(?:leading|leads|led)\s+to\s*$|^\s*(?:as\s+a\s+result|consequently)\b(?![^.;]*\bwe\b)", re.I
)
_CHOICE = re.compile(
    r"\bwe\s+(?:use|used|set|fix|fixed|train|trained|choose|chose|select|selected|run|ran)\b"
    # "we found ... with weight decay of .001 to work best": the setting tuning settled on
    r"|\bwe\s+found\b(?:[^.;]|\.\d){0,160}?\b(?:to\s+)?(?:work|works|worked|perform|performs|performed)\s+best\b",
    re.I,
)
# a citation as the subject of a clause: "e.g. [brocker2012] use B = 51 bins", "(Guo et al., 2017) used 15"
_CITE = r"(?:\[[^\]]{1,80}\]|\([A-Z][^()]{1,60}\d{4}[a-z]?\)|et\s+al\.?\s*\(\d{4}[a-z]?\))\s*,?\s+"
_CITED_VERB = (
    r"(?:also\s+)?(?:use|uses|used|set|sets|chose|choose|"
    r"train|trains|trained|employ|employs|employed|report|reports|reported|recommend\w*|suggest\w*)\b"
)
# a cited work as the subject ('[12] use B = 51'); with 'which', only a model the sentence compares against
# ('the baseline of Lee et al. (2020) which used ...'; 'we build on VGAE (Kipf, 2016) which uses ...' is ours)
_CITED_SUBJECT = re.compile(
    rf"{_CITE}(?:who\s+)?{_CITED_VERB}"
    # 'while in [12], 500 inducing points are used': what the cited work used (not 'as described in [12],')
    rf"|(?:^|\b(?i:while|whereas|but)\s+)(?i:in)\s+{_CITE}"
    rf"|\b(?i:baselines?|compared\s+(?:to|with)|against|than|versus|vs\.?)\s(?:[^.;]|(?<=\d)\.(?=\d)){{0,80}}?{_CITE}(?:which|that)\s+{_CITED_VERB}"
)
# 'we did not use weight normalization', 'trained without using dropout': a choice the paper did not make
_NEGATED_BEFORE = re.compile(
    r"(?:\b(?:did|do|does|was|were|is|are|have|has|had)\s*n(?:o|')t|\bnever)\s+(?:(?:been\s+)?"
    r"(?:use[ds]?|using|employ(?:ed|s)?|appl(?:y|ied|ies)|need(?:ed|s)?|include[ds]?|add(?:ed|s)?)\s+)?"
    r"(?:an?\s+|the\s+|any\s+)?$|\bwithout\s+(?:using\s+)?(?:an?\s+|any\s+)?$",
    re.I,
)
# a sentence timing a piece of the run: 'one epoch took around 50-60 seconds', 'each step takes 2 ms'
_TIMED = re.compile(
    r"\b(?:took|takes?|taking|lasted|lasts|required|requires)\b[^.;]{0,40}?\d(?:[\d.,]*\d)?\s*"
    r"(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|ms)\b",
    re.I,
)
# the upper end of a range of values: "ranging from 600M to 3B parameters", "from 2 to 8 layers"
# one end of a range: "from 2 to 8", "the average of 1 to 8 runs", "10 to 20 epochs"
_RANGE_END = re.compile(
    rf"(?:\bfrom\s+(?:{SCALAR})\s*(?:[a-z]{{1,12}}\s+)?|(?<![\w.,^/-])(?:{SCALAR})\s+)"
    r"(?:to|up\s+to|through)\s+$",
    re.I,
)
# the lower end of a range searched over: "the temperature was varied from 0.1 to 10" (not a schedule's start)
_SEARCHED_FROM = re.compile(
    r"\b(?:var(?:y|ies|ied|ying)|rang(?:e|es|ed|ing)|swept|sweep(?:s|ing)?|search(?:ed|es|ing)?|tun(?:ed|ing)|"
    r"explor(?:ed|ing)|(?:selected|chosen|sampled|drawn)(?:\s+\w+ly)?)\s+from\s+$",
    re.I,
)
_TO_AFTER = re.compile(rf"\s*(?:[a-z]{{1,12}}\s+)?(?:to|up\s+to|through)\s+[-−]?(?:{SCALAR})", re.I)
# what a named model is made of, not a choice: "BERT-large has 24 layers and 340M parameters"
_ASIDE = r"(?:\s*\([^()]{0,120}\))?"  # "Qwen's Qwen2.5-1.5B-Instruct (footnote: <url>) which has"
_WHICH_HAS = r"(?:,?\s*which\b[^.;]{0,50}?)?\s+(?:has|have|had|consists\s+of|contains|comprises)\b"
_NAMED_MODEL_HAS = re.compile(
    rf"(?:^\W*|\b(?:an?|the)\s+|\b[A-Z][\w-]*['’]s\s+)(?:original\s+)?{MODEL_NAME}"
    rf"(?:(?:\s+model)?{_ASIDE}{_WHICH_HAS}"
    r"|(?:\s+(?:model|network|architecture))?,\s*which\s+is\s+an?\b)"  # 'the VGG-19 network, which is a'
)
# ... or the sized model as the subject of the clause that gives the value: 'Since VGG16 has 3 max pooling
# layers', 'The ResNet-18 model contains a single convolutional layer' (not a family a paper builds its own
# of: 'the U-Net has 5 levels'; not a clause of ours: 'VGG16 has 3 pooling layers, so we ...')
_PUBLISHED_HAS = re.compile(
    rf"(?:^|\b(?:since|as|because|the|a|an)\s+)(?P<model>{MODEL_NAME})(?:\s+(?:model|network|architecture))?\s+"
    r"(?:has|have|contains?|includes?|consists\s+of|comprises?|is\s+composed\s+of)\b[^.;]*$",
    re.I,
)


def _named_depth(quote: str, value: str) -> bool:
    """Is the value the number a model's name in the quote carries ('VGG16: a CNN with 16 layers')?"""
    return any(
        (n := re.search(r"\d+", m[0])) and n[0] == value.strip() for m in re.finditer(MODEL_NAME, quote)
    )


def _describes_a_published_model(quote: str, before: str) -> bool:
    """Whether the quote describes a named pretrained model: anywhere (`BERT-large has 24 layers`), or as the
    sized subject of the clause the value closes."""
    subject = _PUBLISHED_HAS.search(before[-80:])
    sized = bool(subject and re.search(r"\d", subject["model"]) and not OURS.search(subject[0]))
    return bool(_NAMED_MODEL_HAS.search(quote)) or sized


# a model named with its size, then its configuration in brackets: "Qwen3-4B (GQA: L=36, Hq=32, dh=128)",
# "BERT-base (12 layers)"; a bare family name ("RoBERTa (hidden: 64-dim)") may be the paper's own small one
_MODEL_CARD = re.compile(
    r"\b[A-Z][A-Za-z]*\d*(?:[-.][A-Za-z0-9]+)*-(?:\d+(?:\.\d+)?[BM]|base|large|small|tiny|XL|XXL)"
    r"\s*\((?P<card>[^()]{3,160})\)"
)


def _in_model_card(quote: str, value: str) -> bool:
    """Is the value inside the bracketed configuration that follows a named, sized model?"""
    token = rf"(?<![\w.]){re.escape(value.strip())}(?![\w.])"
    return any(re.search(token, m["card"]) for m in _MODEL_CARD.finditer(quote))


# a way a problem may (or cannot) be solved, not what was done: "it can be solved in terms of w using the Adam
# optimizer", "which cannot be achieved using SGD"
_POSSIBLE = re.compile(
    r"\bcan(?:not)?\s+(?:then\s+|also\s+)?be\s+"
    r"(?:solved|optimi[sz]ed|trained|minimi[sz]ed|computed|found|learned|fitted|achieved|obtained)\b",
    re.I,
)
# advice that leaves the choice to the reader: 'we suggest to either use clamp or a Sigmoid activation' ('we
# recommend ρ = 1' is the paper's own value)
_ADVICE = re.compile(r"\bwe\s+(?:would\s+)?(?:suggest|recommend|advise)\b[^.;]{0,30}\beither\b", re.I)
# how a problem is solved, said of the problem with no "we": "the dual problem (3) is solved using SGD"
_PROBLEM_SOLVED = re.compile(
    r"\b(?:problem|program|objective|subproblem)s?\b[^.;]{0,30}?\b(?:is|are)\s+(?:then\s+)?(?:solved|optimi[sz]ed)\b",
    re.I,
)
# ... unless the sentence gives the solver's rate: 'the outer problem is optimized with Adam with a learning
# rate of 10^-3' (a bilevel method's training)
_RATE_GIVEN = re.compile(r"\b(?:learning\s+rate|step[\s-]size|lr)\s+(?:of\s+|=\s*)?\d", re.I)
# words every sentence has: a line with none of them is a figure's inner text or a stray label
_FUNCTION_WORD = re.compile(
    r"\b(?:the|a|an|of|we|is|are|was|were|and|or|to|in|for|with|on|by|at|from|as|that|this|our|be|use|used|set)\b",
    re.I,
)
# another method's result: "improving the result obtained using SGD with RKHS expansions"
_OTHERS_RESULT = re.compile(
    r"\b(?:results?|performance|scores?)\s+(?:obtained|reported|achieved)\s+(?:using|with|by)\b", re.I
)
# an algorithm family, not an optimiser configured for a run: in a method or theory section "the objective is
# minimised with stochastic gradient descent" describes the method (measured on 19 optimiser findings of 23
# labelled papers: all 4 wrong ones were such families outside a setup section, none of the right ones)
_FAMILIES = {"sgd", "gradient descent", "stochastic gradient descent"}
_ADAPTIVE = re.compile(
    r"[^.;]{0,30}?\b(?:using|with|via|namely|i\.e\.)\s+(?:the\s+)?"
    r"(?:adam\w*|rmsprop|adagrad|adadelta|adafactor|nadam|radam|lamb|lars)\b",
    re.I,
)
# a setting stated with it: "we train with SGD, a learning rate of 0.1", "... with SGD for 50 epochs"
_WITH_SETTING = re.compile(
    r"\b(?:learning\s+rate|step[\s-]?size|momentum|batch|epochs?|iterations|weight\s+decay)\b[^.;]{0,30}?\d"
    r"|\d\s*(?:epochs|iterations|updates)\b"
    # 'we use SGD with momentum as optimizer': its role said
    r"|\bas\s+(?:the\s+|our\s+|an?\s+)?optimi[sz]er\b",
    re.I,
)
# a variant named after the optimiser: "the entropy-friendly SGD algorithm" (not "mini-batch SGD")
_VARIANT_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:mini|full|large|small)-batch\b|built-in\b)[A-Za-z]+-[a-z]+\s+$", re.I
)
# a value given as an example: "λ ≥ 0 is a small constant; e.g., λ = 0.01 can be thought of as ..."
# an example: "e.g. 0.1", "consider first a context window of size 2"
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:e\.g\.|for\s+example|for\s+instance)[,:]?\s+[^,;]{0,20}$"
    r"|\b(?<!we\s)(?:consider|suppose|imagine)\s+(?:first\s+|now\s+)?(?:a|an|the)\b[^,;]{0,30}$",
    re.I,
)
# a hypothetical case, with no "we": "when using constant step-size of η = 1, the algorithm matches Sinkhorn"
# or a protocol not followed: "an alternative protocol would have been to split the data into (1000, 9000)"
# a moment a figure or a result is shown at: "Video-04 at timestamps t = 210 and t = 1250", "at step t = 50"
_AT_TIME = re.compile(
    r"\bat\s+(?:the\s+)?(?:timestamps?|times?|time\s*steps?|steps?|iterations?|epochs?|frames?)\s+"
    r"(?:[A-Za-z]\s*=\s*)?(?:\d[\d.,]*\s*(?:and|,)\s*(?:[A-Za-z]\s*=\s*)?)?$",
    re.I,
)
# a case made up to explain, even with "we": "Say we have three layers, then the network is f(x) = ..."
_MADE_UP = re.compile(r"^(?:say|let'?s\s+say)\s+(?:we|there|you)\s+(?:have|are|use)\b", re.I)
_HYPOTHETICAL = re.compile(
    r"\b(?:when|if|whenever)\s+(?:using|one\s+uses)\b|\b(?:would|could|might)\s+have\s+(?:been|used)\b"
    # 'Ideally, 10-fold cross-validation is to be chosen': what should be done, not what was
    r"|^ideally\b|\bis\s+to\s+be\s+(?:chosen|used|preferred)\b"
    # an assumption of a statement: "Assume the loss has a Lipschitz constant of 1", "Suppose that ..."
    r"|^(?:assume|assuming|suppose|supposing|let\s+us\s+assume|consider\s+the\s+case)\b",
    re.I,
)


def doubt(  # noqa: PLR0913
    quote: str,
    key: str,
    value: str,
    norm: object,
    *,
    flagged: bool | str = False,
    prose: bool = True,
    section: str | None = None,
    column: str | None = None,
) -> str | None:
    """Why a finding should be confirmed before use, or None when the paper states it plainly. Outside the
    paper's own setup (hp_setup.decide: theory, others' work, results) a value is never a setting."""
    if flagged:
        return flagged if isinstance(flagged, str) else "the scanner is unsure of its name or place"
    if _OTHERS.search(quote) and not OURS.search(quote) and not _AS_CITED.search(quote):
        return "sentence about cited work"
    setup = decide(section, quote, key=key) if prose else decide(None, "", column=column or "")
    if setup.own is False:
        return setup.reason
    if key == "optimizer" and prose and (why := _optimizer_doubt(quote, value, norm, section)):
        return why
    compared = prose and _COMPARED_WITH.search(_before(quote, value))
    if key.endswith(("activation", "normalization")) and compared:
        return "a choice the sentence compares with ('better than ReLU'), not the one the paper used"
    if key == "num_heads" and prose and _OUTPUT_HEADS.search(quote) and not _ATTENTION_WORDS.search(quote):
        return "heads of a network's outputs (a policy's, a task's), maybe no attention heads: confirm"
    if key == "num_layers" and prose and _named_depth(quote, value):
        return "the depth a published model's name gives ('ResNet-50: a 50-layer CNN'): fixed by the model"
    if prose and no_sentence(quote):
        return "words that make no sentence (a figure's inner text?)"
    # a schedule's end or floor ('decayed from 1e-3 to 1e-5') is a setting, not a range's upper end
    if prose and (why := _sentence_doubt(quote, value, key.endswith("_end") or key.startswith("min_"))):
        return why
    return _value_doubt(quote, key, value, norm, prose)


def implausible(key: str, norm: object) -> bool:
    """A value the setting never takes (two training steps, a momentum of 1, a negative batch size)."""
    if not isinstance(norm, float):
        return above_ceiling(key, norm)
    signed = norm < 0 and (key not in SYNONYMS or bool(_SIGNED_KEY.search(key)))
    return norm < _FLOOR.get(key, 0) and not signed or above_ceiling(key, norm)


# settings that may be negative: a margin, a threshold, an offset, a log-scale start; any the vocabulary lacks
_SIGNED_KEY = re.compile(r"margin|threshold|offset|bias|shift|log|lower|min")


def above_ceiling(key: str, norm: object) -> bool:
    """A value above any the setting takes: a dropout of 60.5 is a measurement; so is a range or list that
    reaches past it ('gamma [0.8, 1.2]')."""
    values = norm if isinstance(norm, list) else [norm]
    return any(isinstance(v, float) and v >= _CEILING.get(key, float("inf")) for v in values)


# an algorithm listing's line: an assignment arrow or a right-set comment
_STEP_LINE = re.compile(r"←|\s//\s")
_NUMBERED_WORD = re.compile(r"(?<![\w.,=])(\d{1,2})\s+(?=[A-Za-z])")  # '4 Sample', '6 repeat'
# numbers that point at parts of the paper: 'Table 3 and ... Tables 4 and 5' count up, yet list no steps
_POINTERS = re.compile(
    r"\b(?:Tables?|Tab\.|Fig(?:ure)?s?\.?|Sec(?:tion)?s?\.?|Eqs?\.|Equations?|Appendix|Algorithms?)"
    r"\s+\d{1,2}(?:\s*(?:,|and|&|or|to|[-–])\s*\d{1,2})*",
    re.I,
)


_CODE_COMMENT = re.compile(r"(?:^|\s)//\s")


def _looks_like_code(quote: str) -> bool:
    """Code or a printed module: two calls, or three names of code that are not settings written as code in
    a sentence ('train_time=3600 s, batch_size=128, seq_len=40' outside any call)."""
    if len(_CODE_CALL.findall(quote)) >= 2 or len(_CODE_COMMENT.findall(quote)) >= 2:
        return True  # two calls, or two `//` comments of a listing ('// Priors')
    names = len(_CODE_NAME.findall(quote))
    settings = 0 if _LOWER_CALL.search(quote) else len(_SET_AS_CODE.findall(quote))
    return names - settings >= 3


def _listing_number(quote: str, value: str) -> bool:
    """Is the value one of three or more numbers counting up, each before a word ('2 Initialize ... 3 for
    ... 4 Sample'): the lines of an algorithm listing the text runs together?"""
    if not re.fullmatch(r"\d{1,2}", value.strip()):
        return False
    numbers = [int(m[1]) for m in _NUMBERED_WORD.finditer(_POINTERS.sub(" ", quote))]
    for k in range(len(numbers) - 2):
        run = numbers[k : k + 3]
        if run[1] == run[0] + 1 and run[2] == run[1] + 1 and int(value) in run:
            return True
    return False


def _part_of_run(quote: str, value: str, norm: object) -> str | None:
    """Why a count of epochs or steps may be a part of the run, not its length."""
    if _phase_of(quote, value):
        return "a phase of a schedule (a rate for so many epochs), not the run's length"
    # 'reaches its best reward at between 40 and 50 episodes': a point too
    point = rf"\b(?:after|by|within|at(?:\s+between)?)\s+(?:only\s+|just\s+)?{_LISTED_BEFORE}"
    point += rf"{re.escape(value)}\s+[a-z]"
    if re.search(point, quote):
        return "a point in a run ('fine-tuned after 1 epoch', 'collapsed within 1000 steps'), not its length"
    if re.search(_FREQUENCY.format(value=re.escape(value)), quote):
        return "how often it is done ('once per 250 steps', '500 iterations per test'), not the run's length"
    if norm == 1 and (_TIMED.search(quote) or re.search(rf"(?:^|[.!?]\s+){re.escape(value)}\s+[a-z]", quote)):
        return "the unit a run's time is measured in ('One epoch took 50 s'), not the run's length"
    return None


# what a built model comes to, not a size chosen: "it comprises a total of 340,596 parameters", "contains
# between 2.7M and 6.5M parameters depending on the dataset" ("a model with 100M parameters" is chosen)
_SIZE_DESCRIBED = re.compile(
    r"\b(?:contain(?:s|ed|ing)?|compris(?:e|es|ed|ing)(?:\s+of)?|consist(?:s|ed|ing)?\s+of|amount(?:s|ed|ing)?\s+to|"
    r"(?:a\s+)?total\s+of|totall?ing|between)\s+(?:(?:only|about|approximately|roughly|around|~)\s+)?$",
    re.I,
)
SIZE_DESCRIBED = "what the built model comes to (it contains N parameters): check the model against it"


# "289 training and 290 test RGB images, with the size of 1242 × 375": a data set described, images counted
_IMAGES_COUNTED = re.compile(r"\b\d[\d,]*\s+(?:[\w-]+\s+){0,3}?images\b", re.I)
_RESIZED = re.compile(r"\b(?:resiz|rescal|crop|downsampl|upsampl|reduc|scal)\w*", re.I)


# "we sample 1000 SED parameters from the prior": draws, not a count of weights
_DRAWN_PARAMETERS = re.compile(r"\b(?:sampl|draw|drew|generat|simulat)\w*\s+(?:(?:about|around)\s+)?$", re.I)
# "12 filters per octave", "a filter bank of 40 mel bands": a transform's resolution
_NOT_A_LAYERS_WIDTH = (
    r"\bfilter[\s-]?banks?\s+(?:of|with)\s+{v}\b|(?<![\d.]){v}\s+(?:filters|bins|bands)\s+per\s+octave\b"
)
_DRAWN_WHY = "parameter values drawn from a distribution ('we sample 1000 parameters'), not the model's size"


def _kind_doubt(quote: str, key: str, value: str) -> str | None:
    """What the value is for this kind of setting: a length for an image size, the data's mixture, the size a
    built model comes to."""
    if key == "image_size" and re.search(rf"{re.escape(value)}\s*(?:Å|nm|µm|μm|mm|cm)(?!\w)", quote):
        return "a physical length (Å, nm, mm), not an image size in pixels"
    if key == "image_size" and _IMAGES_COUNTED.search(quote) and not _RESIZED.search(quote):
        return "the size of the data set's own images (the sentence counts them), not one the method sets"
    if key == "mixture_components" and _TOY_DATA.search(quote) and not _MODELLED.search(quote):
        return "a mixture that may be the data (a toy dataset), not the model's components"
    if key == "num_parameters" and _SIZE_DESCRIBED.search(quote[: max(0, quote.find(value))][-60:]):
        return SIZE_DESCRIBED
    if key == "num_parameters" and _DRAWN_PARAMETERS.search(quote[: max(0, quote.find(value))][-30:]):
        return _DRAWN_WHY
    width = key in ("base_channels", "hidden_size")
    if width and re.search(_NOT_A_LAYERS_WIDTH.format(v=re.escape(value)), quote, re.I):
        return "a filter bank's bands or a count per octave (signal processing), not a layer's width"
    if BARE_FAMILY.fullmatch(value.strip()) and _BUILT_FROM.search(quote):
        return "the family an architecture is built from ('based on ResNet'), not the model: confirm which"
    return None


def _written_doubt(quote: str, value: str) -> str | None:
    """What the way the value is written says: a power of ten that lost its exponent, a formula's term."""
    if _symbol_multiple(quote, value):
        return "a multiple of a symbol the sentence defines ('σ = 3k, where k ∈ R'), not thousands"
    if re.fullmatch(r"10[2-9]", value):
        return "may be a power of ten whose exponent the PDF text lost (10^3 printed as 103)"
    if re.search(rf"(?<![\w.]){re.escape(value)}-e\d", quote):  # 'a learning rate of 1-e4': 1e-4 misprinted?
        return "a number run into an exponent ('1-e4'): the value is misprinted; confirm it"
    if re.fullmatch(r"0\d+", value):  # 'a warm up ratio of 01': 0.1 without its point, or 1?
        return "a number written with a leading zero (01): its decimal point may be lost; confirm the value"
    if re.search(rf"(?<![\w.]){re.escape(value)}\s*[+−]\s*[A-Za-zα-ωΑ-Ω(]", quote):
        return "the first term of a formula ('T = 10^5 + K^3'), not the whole value"
    suffixed = re.fullmatch(r"\d+[KMB]", value)
    if suffixed and re.search(rf"{re.escape(value)}\s*[−+-]\s*\d", quote):
        return "part of a formula ('2K − 1' is 2^K − 1 with its exponent lost), not a count in thousands"
    return None


_CAPACITY_BEFORE = re.compile(
    r"\b(?:supports?|supported|enabl(?:e|es|ed|ing)|scal(?:e|es|ed|ing)\s+to|fits?|up\s+to)\s+$", re.I
)


def _counted_exactly(norm: object) -> bool:
    """A count with four or more significant digits (340,596, not 100M or 1.5M): counted, not chosen."""
    if not isinstance(norm, float) or norm < 1000 or norm != int(norm):
        return False
    return len(str(int(norm)).rstrip("0")) >= 4


# heads named for what they output ('two distinct heads for the rolling and scoring actions')
_OUTPUT_HEADS = re.compile(
    r"\b(?:distinct|separate|speciali[sz]ed|output|prediction|policy|value|task|classification|regression)"
    r"\s+heads\b",
    re.I,
)
# a sentence about attention, or a model's whole specification: its heads are attention heads
_ATTENTION_WORDS = re.compile(
    r"attention|attend|transformer|multi-?head|\bMHA\b|\bViT\b|\bBERT|\bGPT|layers?\b|embedding|hidden|"
    r"dimension|\bd_?model\b|encoder|decoder",
    re.I,
)


def _symbol_multiple(quote: str, value: str) -> bool:
    """'σ = 3k, where the scalar k ∈ R': a number times a symbol the sentence defines, not 3,000."""
    times = re.fullmatch(r"\d+(?:\.\d+)?([kKM])", value)
    defined = times and (
        re.search(rf"(?<![\w.]){times[1]}\s*(?:∈|\\in\b)", quote)
        or re.search(rf"\b(?:scalar|constant|factor|parameter)\s+{times[1]}\b", quote)
    )
    return bool(defined and re.search(rf"=\s*{re.escape(value)}", quote))


def _value_doubt(quote: str, key: str, value: str, norm: object, prose: bool = True) -> str | None:
    """What about the value itself, for its setting, says it may not be one: a length for an image size, a
    toy mixture, a phase of a schedule, an implausible or approximate value, a count in a description."""
    if why := _kind_doubt(quote, key, value):
        return why
    if key in RUN_LENGTHS and (why := _part_of_run(quote, value, norm)):
        return why
    if implausible(key, norm):
        return "implausible value for this setting"
    if key == "num_parameters" and _counted_exactly(norm):
        return "a parameter count to the unit ('340,596 parameters'): what an architecture comes to, a check"
    if key == "num_parameters" and _CAPACITY_BEFORE.search(quote[: max(0, quote.find(value))][-50:]):
        return "what a system can hold ('supports 32B parameters'), not the model a run trained"
    step = re.search(rf"(?<![=:])\s{re.escape(value)}\s+[A-Z][a-z]", quote)
    if prose and (step and _STEP_LINE.search(quote) or _listing_number(quote, value)):
        return "a step number of an algorithm listing run into the text ('3 for i = 0 do 4 Sample ...')"
    if why := _written_doubt(quote, value.strip()):
        return why
    counted = key in COUNT_KEYS or key.endswith("_steps") or key in _WHOLE or key.startswith("num_")
    if counted and re.fullmatch(r"\d+\.\d+", value.strip()):
        return "a decimal for a count (a result in a table?)"
    # a list too: 'layer penalties at 1e-4 and 1e-5 strengths' (a grid may hold 0 layers)
    parts = isinstance(norm, list) and any(isinstance(v, float) and v != int(v) for v in norm)
    if (parts or isinstance(norm, float) and norm < 1) and (key in COUNT_KEYS or key.endswith("_steps")):
        return "a fraction for a count (a plot's tick label?)"
    one_layer = key == "num_layers" and _ONE_LAYER.search(quote)
    # '(hidden width 256, 1 layer, 2 heads)': a specification's list states its 1 as plainly as a table
    listed = value.strip() == "1" and re.search(r"[(,]\s*1\s+[a-z]+\s*[,)]", quote)
    if norm == 1 and key in _COUNTS and prose and not one_layer and not listed:  # a table's row states its 1
        return 'one of a count: usually prose ("one layer of")'
    approx = rf"(?:\b(?:around|about|roughly|approximately)|[~∼≈])\s*(?:{SYM}\s*[=≈∼]\s*)?{re.escape(value)}"
    approx += r"(?![\w.])"  # "around λ = 103": the symbol's value is approximate too
    if re.search(approx, quote) and not value.startswith("{"):  # 'lr ∼ {0.1, 0.01}': drawn from a grid
        return "an approximate value ('about 120 epochs'): confirm the exact one"
    if isinstance(norm, list) and len(norm) == 2 and _SPACED_THOUSANDS.fullmatch(value.strip()):
        return "may be one number whose thousands separator the PDF spaced out ('389, 998' is 389,998)"
    if re.search(_PART_OF_WHOLE.format(value=re.escape(value)), quote):
        return "a count in a description ('24 of 34 layers are ...'), not a setting"
    if key in _WORDY and value.isalpha() and not (key == "num_runs" and _RUNS_STATED.search(quote)):
        return "a count in prose"
    return None


_BUILT_FROM = re.compile(r"\b(?:based\s+on|built\s+(?:up)?on|derived\s+from|inspired\s+by|commonly)\b", re.I)
# the keys of a run's length (hp_tables.py too)
RUN_LENGTHS = {"epochs", "training_steps", "iterations", "num_episodes"}
_SPACED_THOUSANDS = re.compile(r"[1-9]\d{0,2},\s\d{3}")
# earlier points of a list after 'after': 'after 75k steps on one task and 10k steps on the other'
_LISTED_BEFORE = (
    r"(?:\d[\d.,]*[kKM]?\s+(?:epochs?|steps?|iterations?|updates?)\b[^.;]{0,40}?(?:,\s*|\s+and\s+|\s+or\s+)"
    r"|\d[\d.,]*\s*(?:-|–|to)\s*)?"  # 'after 50 - 60 epochs': a range's end
)
# a count that says how often, not how long: 'once per 250 steps', 'every 500 steps', '500 iterations per
# evaluation'
_FREQUENCY = (
    r"\b(?:once|one|twice|1)\s+(?:per|every)\s+{value}\s+[a-z]|\bevery\s+{value}\s+[a-z]"
    # 'after every N_i = 7 epochs': the period named by a symbol
    r"|\bevery\s+\$?[A-Za-zα-ω][\w{{}}]{{0,6}}\s*=\s*{value}\$?\s+[a-z]"
    r"|(?<![\w.]){value}\s+(?:epochs?|steps?|iterations?|updates?)\s+(?:per|between)\s+(?!second\b)[a-z]"
)


def _phase_of(quote: str, value: str) -> bool:
    """'10^-2 for 80 epochs, and 10^-3 for 40 epochs': values each held 'for N epochs', twice or more in the
    sentence, make each N one phase of a schedule ('a rate of 0.1 for 100 epochs' alone is the run)."""
    phases = re.findall(
        rf"(?:{SCALAR})\s+for\s+(?:the\s+(?:next|first|last)\s+)?(\d[\d,.]*[kKM]?)\s+"
        r"(?:epochs|iterations|steps)\b",
        quote,
    )
    return len(phases) >= 2 and value in phases


# the object of a comparison: "competitive with Adam", "faster than SGD", "the same grid as with vanilla SGD"
_COMPARED_WITH = re.compile(
    r"\b(?:competitive\s+with|compared\s+(?:to|with)|than|outperform\w*|versus|vs\.?|against|as\s+with)\s+"
    r"(?:the\s+|an?\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)


def _before(quote: str, value: str) -> str:
    """The 60 characters of the quote before the value's first mention as a word of its own."""
    m = re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", quote)
    return quote[: m.start() if m else 0][-60:]


def _optimizer_doubt(quote: str, value: str, norm: object, section: str | None) -> str | None:
    """An optimiser that names a method's family or a variant, not the optimiser a run was trained with."""
    before = quote[: max(0, quote.find(value))]
    if _VARIANT_BEFORE.search(before):
        return "a variant of the optimiser (its own method), not the optimiser itself"
    if _COMPARED_WITH.search(_before(quote, value)):
        return "an optimiser the sentence compares with ('competitive with Adam'), not the one a run used"
    if norm in _FAMILIES and not setup_section(section) and not _WITH_SETTING.search(quote):
        return "an algorithm family named in a method or theory section, not a run's optimiser"
    after = quote[quote.lower().find(value.lower()) + len(value) :]
    if norm in _FAMILIES and _ADAPTIVE.match(after):  # "trained with SGD, using the Adam optimizer"
        return "the family of the optimiser the sentence names, not a second optimiser"
    return None


def _sentence_doubt(quote: str, value: str, ends_a_range: bool = False) -> str | None:
    """What in a prose sentence says its value may not be a setting the paper chose; `ends_a_range`: the
    setting is where a schedule ends ('annealed from 1.0 to 0.1')."""
    ours = bool(OURS.search(quote))
    before = quote[: max(0, quote.find(value))]
    checks = (
        (_GENERAL.search(quote) and not ours, "sentence about common practice"),
        (_EXAMPLE_BEFORE.search(before[-50:]), "an example value"),
        (_clause_cites(quote, value), "clause about cited work"),
        (_OUTCOME.search(quote) and not _CHOICE.search(quote), "a sentence reporting results"),
        (
            _REACHED_BEFORE.search(before) and not _RUNS_AFTER.match(quote, len(before) + len(value)),
            "a value a run reached, not a setting",
        ),
        (_CONSEQUENCE_BEFORE.search(before), "what a choice led to ('leading to 4 features'), not a setting"),
        (_WENT_AS_FAR.search(before), "how far a value found by a search went, not a setting"),
        (quote.count(value) == 1 and _INSTEAD_BEFORE.search(before[-60:]), "what the paper replaced"),
        (_HYPOTHETICAL.search(quote) and not ours or _MADE_UP.search(quote), "a hypothetical case"),
        (_AT_TIME.search(before[-40:]), "a point in time something is shown at ('at timestamps t = 210')"),
        (_POSSIBLE.search(quote) and not ours, "a way it can be done, not a stated choice"),
        (_ADVICE.search(before), "a choice left to the reader ('we suggest either ...')"),
        (_OTHERS_RESULT.search(quote), "another method's result"),
        (
            _PROBLEM_SOLVED.search(quote) and not ours and not _RATE_GIVEN.search(quote),
            "how a problem is solved, not a stated choice",
        ),
        (any(_ticks(m.group(0)) for m in _RUN.finditer(quote)), "axis ticks of a figure"),
        (_DRAWN.search(quote), "the extent of a figure"),
        (_TRIED.search(quote) or _ALSO_TRIED.search(before[-40:]), "a value found wanting or tried aside"),
        (not ends_a_range and _RANGE_END.search(before[-40:]), "one end of a range ('from 2 to 8')"),
        (
            _SEARCHED_FROM.search(before[-40:]) and _TO_AFTER.match(quote, len(before) + len(value)),
            "the lower end of a range searched over ('varied from 0.1 to 10')",
        ),
        (_NEGATED_BEFORE.search(before[-40:]), "the sentence says it was not used"),
        (_BOUND_BEFORE.search(before[-4:]), "a bound ('k ≥ 5 seeds'), not the value a run used"),
        (_INTERVAL_AFTER.match(quote, len(before) + len(value)), "an estimate with its interval: a result"),
        (_CHANGED_AFTER.match(quote, len(before) + len(value)), "a value the paper changed ('but we ...')"),
        (_describes_a_published_model(quote, before), "a description of a named pretrained model"),
        (
            _in_model_card(quote, value),
            "the configuration of a named pretrained model, fixed by its checkpoint",
        ),
        (_looks_like_code(quote), _CODE_WHY),
        (_LEFT_AFTER.match(quote, len(before) + len(value)), "a count of the data left or available"),
        (_DATA_TUPLE.search(before[-80:]), "the counts of a data file or set ('x.npz (4000 frames, ...)')"),
        (
            value.strip().lower() in ("true", "false") and _IF_OTHERWISE.search(quote),
            "a rule of a procedure ('if ..., it is set to True; otherwise False'), not a setting",
        ),
    )
    return next((why for hit, why in checks if hit), None) or voice_doubt(quote, value)


# the counts in brackets after a data file or set: 'rat_data.npz (4000 frames, 300 neurons, 20 trials)'
_DATA_TUPLE = re.compile(
    r"(?:\b\w+\.(?:npz|npy|csv|h5|hdf5|json|mat|pkl|txt|tsv|parquet)|\b(?:data(?:set)?s?|corpus|recordings?))"
    r"\s*\((?:[^()]*,\s*)?$",
    re.I,
)
# 'after filtering, 180 trials are available', '120 sequences remain': the data, not a setting
_LEFT_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){1,2}(?:are|were|is|was)\s+(?:still\s+)?(?:available|left|retained)\b"
    r"|\s+(?:[\w-]+\s+){1,2}remain(?:s|ed)?\b",
    re.I,
)
_IF_OTHERWISE = re.compile(r"\bif\b.*?[;,]\s*(?:otherwise|else)\b", re.I)


_ITEM_MARKS = "-*|—" + BULLETS  # a list item's mark as Markdown or a PDF prints it ('• CIFAR10', '– 40k')


def no_sentence(line: str) -> bool:
    """A line of words that make no sentence ("Sinkhorn n = 1000" from a plot's legend): not a list item, a
    'name: value' row or a line ending a sentence, and none of the words every sentence has."""
    t = re.sub(r"(?:\s*\.){2,}$|…$", "", line.strip())  # an ellipsis ends no sentence: "kvar + . . ."
    if not t or t[:1] in _ITEM_MARKS or ":" in t or t.endswith((".", ";")) or re.match(r"\d+[.)]\s", t):
        return False
    code = _CODE_ASSIGNMENT.fullmatch(t) or _ASSIGNMENTS.fullmatch(t)
    return not _FUNCTION_WORD.search(t) and not code


# one assignment to a name in code ('batch_size = 64', 'LEARNING_RATE = 0.01'): a listing's statement
_CODE_ASSIGNMENT = re.compile(r"(?:[A-Za-z][A-Za-z0-9]*_\w*|[A-Z][A-Z0-9_]{2,})\s*=\s*[\w.+\-\"']+")


# a line of settings as code sets them ('k = 50, lr = 0.01, num_epoch = 50'), one name at least a word
_ONE_ASSIGNMENT = r"[A-Za-z_]\w*\s*=\s*[\w.+\-]+"
_ASSIGNMENTS = re.compile(rf"(?=.*\b[A-Za-z_]\w+\s*=)(?:{_ONE_ASSIGNMENT})(?:\s*,\s*{_ONE_ASSIGNMENT})+")


def _clause_cites(quote: str, value: str) -> bool:
    """Is the value in a clause whose subject is a citation ('e.g. [12] use B = 51 bins---our method ...')?"""
    for m in _CITED_SUBJECT.finditer(quote):
        rest = re.split(r"—|---|;|\bwe\b|\bour\b", quote[m.end() :], maxsplit=1, flags=re.I)[0]
        if value and re.search(rf"(?<![\w.]){re.escape(value)}(?![\w]|\.\d)", rest):
            return True  # the value itself, not a digit of a page number ('(2023, p. 543)' holds no 5)
    return False


def _ticks(run: str) -> bool:
    """Evenly spaced (0 500 1000 1500) or evenly scaled (1 10 100 1000) numbers: an axis, not settings."""
    xs = [float(x) for x in run.split()]
    for a, b, c in zip(xs, xs[1:], xs[2:], strict=False):
        if abs((b - a) - (c - b)) < 1e-9 * max(1.0, abs(c)) and b != a:
            return True
        if a > 0 and b > 0 and abs(b / a - c / b) < 1e-9 and b != a:
            return True
    return False
