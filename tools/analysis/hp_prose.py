"""Hyperparameters read from prose: each pattern run over a paragraph, its matches checked and recorded."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator

from tools.analysis.hp_assigned import (
    GREEK_FACTOR,
    WORD_SUBSCRIPT,
    explicit_one,
    read_assigned,
    size_of,
    symbol_key,
)
from tools.analysis.hp_augment import augmentations
from tools.analysis.hp_collector import Collector
from tools.analysis.hp_compact import compact
from tools.analysis.hp_confidence import (
    DATA_OR_SCORE,
    EXAMPLE_CASE,
    FORMULA,
    LETTER_ONLY,
    NAMED_BY_WORD,
    ONE_OF_SIZES,
    ONE_SIDE,
    OTHER_QUANTITY,
    PART_OF_A_RUN,
    UNKNOWN_SIZE,
    no_sentence,
)
from tools.analysis.hp_context import paired_values, value_context
from tools.analysis.hp_flags import options
from tools.analysis.hp_greek import conventional_key
from tools.analysis.hp_heading_values import heading_values
from tools.analysis.hp_init import initial_moments
from tools.analysis.hp_marked_grids import add_choices, unmark_grids
from tools.analysis.hp_models import models
from tools.analysis.hp_normalize import NUM, PHYSICAL_UNIT, SCALAR, WORDNUM, clean_float, normalize_value
from tools.analysis.hp_paragraphs import SENTENCE_START, sentence_around, sentence_spans
from tools.analysis.hp_patterns import (
    ABOUT_LR,
    ACTIVATION,
    ADAM,
    ANNEALED,
    BACK_REFERENCE,
    CHAINED,
    COMPOUND,
    CONDITIONAL,
    CONTRAST,
    COUNT_NOUN,
    COUNTED_ATTRIBUTES,
    DATA_SIZE_AFTER,
    DECAY_FACTOR,
    DESCRIBES_DATA,
    DIM_LAYER,
    DIM_NOUN,
    EVAL_EPISODES,
    EXAMPLE,
    FACTOR_AFTER,
    FEW_SHOT,
    FOLDS,
    FOR_ALL_WHERE,
    FORMULA_SETTING,
    FRAMED_VALUE_NAME,
    GAP_FILLER,
    GATE,
    GENERIC_NOUNS,
    INDEX_RANGE,
    INITIALIZATION,
    INTERVAL,
    INTERVAL_FIRST,
    INTERVAL_OF,
    KERNEL,
    KNN,
    LOSS,
    LR_DECAYED_BY,
    MODIFIERS,
    NAME,
    NAME_VALUE,
    NAMING_NOUN,
    NORMALIZATION,
    NOT_A_COUNT,
    NOT_A_NOUN,
    NOT_A_SETTING,
    NOUN_AFTER,
    OBJECTIVE,
    OPTIMIZER,
    OTHER_DECAY,
    OTHER_NOUN,
    PART_KEY,
    PART_OF_RUN,
    PART_SIZE,
    PEAK,
    PERIOD_FIRST_DECAY,
    PERIODIC_DECAY,
    PLATEAU_DECAY,
    PRODUCT_BEFORE,
    RANGE_START,
    RATE_PHASE,
    REPEATS,
    SAMPLED_COUNT,
    SAMPLED_SET,
    SCHEDULE,
    SCHEDULE_START,
    SCORES_AFTER,
    SEARCH,
    SEED_LIST,
    SET_BEFORE,
    SET_IT,
    SET_SIZE,
    SETTING_VERB,
    SETTING_WITH,
    SPLIT_PARTS,
    STEP_DECAY,
    STEPS_OF,
    STRIDE_NAMED,
    SWITCHED_OFF,
    SYM,
    SYM_ASSIGN,
    SYM_ASSIGN_ONE,
    SYM_IN_SET,
    SYM_TO,
    TERM_WEIGHTS,
    THINGS_FOR,
    TYPED_LAYERS,
    UNIT,
    VALUE_NAME,
    WE_SET,
    names_other,
    of_head,
    sampler_step,
)
from tools.analysis.hp_phases import raised_after_first_phase
from tools.analysis.hp_phrase_table import PHRASE_RES
from tools.analysis.hp_phrased import Named, counted_key, phrased
from tools.analysis.hp_priors import prior_settings
from tools.analysis.hp_rate_steps import rate_steps
from tools.analysis.hp_respectively import respectively
from tools.analysis.hp_set_forms import set_statements
from tools.analysis.hp_splits import ratio_splits
from tools.analysis.hp_symbols import rejected, symbol_named_here
from tools.analysis.hp_tuples import tuples
from tools.analysis.hp_vocabulary import (
    COUNT_KEYS,
    COUNT_ONLY,
    DISTRIBUTIONS,
    GREEK,
    RESULT_WORDS,
    SIZE_KEYS,
    SYNONYMS,
    WORD_VALUED,
    canonical_key,
    loop_key,
    singular,
)
from tools.analysis.hp_worded_list import worded_lists

_METRIC_CUTOFF = "the cutoff of a metric (Recall@K): how results are scored, not a setting of training"
# assignments listed before this one after the same verb: "set as λ_a = 1, λ_b = 0.1 and "
# earlier items of a list ('λ_depth = 0.1 and'), or links of a chain ('λ1 = λ2 = 1e-4'), before a symbol
_EARLIER_ITEMS = re.compile(rf"(?:(?<![\w\\]){SYM}\s*=\s*(?:(?:{SCALAR})\s*,?\s*(?:and\s+)?)?)+$")
_RMSPROP = re.compile(r"\b(?:RMS-?Prop|Adadelta)\b", re.I)
# where a worded setting's value is
_COMPARED = re.compile(r"\bcompar\w*|\bversus\b|\bvs\.?(?=\s)|\bperformance\s+of\b", re.I)
# no loss's name alone: 'the squared loss', 'softmax loss' (a softmax alone is an output), 'CTC loss'
_LOSS_WORD = re.compile(r"(?:negative\s+)?log|squared?|mean[\s-]squared?|softmax|CTC", re.I)
# 'using weighted logistic loss or focal loss': two offered
_USED_BEFORE = re.compile(r"\b(?:us(?:e|es|ed|ing)|employ\w*|adopt\w*|with|train\w*|optimi[sz]\w*)\b", re.I)
_OR_BEFORE = re.compile(r"\bor\s+(?:an?\s+|the\s+)?$", re.I)
_EITHER_LOSS = re.compile(r"\s*(?:\[[^\]]{1,60}\]\s*)?or\s", re.I)
_WORD_GROUPS = (  # the groups of a worded match that hold its value
    *("value", "named", "relu", "units", "as", "to", "paren", "rect", "layer", "cop", "is", "is2", "with"),
    *("acr", "and", "pair", "act"),
)
_ADAM_MOMENT = re.compile(r"\b(first|second)\s+(?:order\s+)?moment(?:um|s)?\b[^,;]{0,20}$", re.I)
_BETA_BEFORE = re.compile(r"(?:β|\\beta|beta)_?\{?([12])\}?\s*=\s*$")
_ANY = re.compile(r"[\s\S]+")  # a match over a span found by other means (emit places it by its start)


# the kind of layer a count names, when a sentence counts two kinds ("24 convolutional layers followed by 2
# fully connected layers"): each count is that kind's, not the network's depth
_LAYER_KINDS = (
    (re.compile(r"\bconv(?:olution(?:al)?)?\b", re.I), "convolutional", "num_conv_layers"),
    (re.compile(r"\bfully[\s-]connected\b|\bfc\b|\bdense\b", re.I), "fully connected", "num_fc_layers"),
    (re.compile(r"\brecurrent\b|\blstm\b|\bgru\b", re.I), "recurrent", "num_recurrent_layers"),
)


def _typed_layers(gap: str) -> tuple[str, str] | None:
    """The kind of layer the words between a count and "layers" name, with its key, or None."""
    kinds = [(name, key) for rx, name, key in _LAYER_KINDS if rx.search(gap)]
    return kinds[0] if len(kinds) == 1 else None


_VALUE_FIRST = (VALUE_NAME, FRAMED_VALUE_NAME)  # '4 layers', 'configuration: 24 layers'
# 'batch was 32, 6 epochs': a comma-only list (no 'and', 'or' or range) whose first number an assignment ends
_ASSIGNED = re.compile(r"(?:\b(?:was|is|were|are)|[=:])\s*$", re.I)
# ('T = 23,970 iterations': no space after the comma, one number with its thousands)
_AFTER_ASSIGNED = re.compile(rf"(?:{SCALAR})(\s*,\s+)(?!.*\b(?:and|or|to)\b)(?!.*[/–-])")
_COUNT_AFTER_LIST = re.compile(r"\s+[a-z]{3,}s\b")  # '... and 20 nodes': the list's last number counts a noun


_SPELLED_COUNTS = COUNT_KEYS | {"batch_size"}
# what a name's own value is called ('entropy regularization with a weight of .02')
# a word naming what the value measures of the setting before it: 'label smoothing with a factor of 0.1',
# 'gradient clipping with a maximum threshold of 1', '... with a max norm of 5'
_OWN_MEASURE = re.compile(
    r"(?:weight|coefficient|factor|rate|probability|ratio|strength|magnitude|threshold|norm|value)s?|max(?:imum)?",
    re.I,
)
_SEED_SET = re.compile(r"\b(?:set|sets|fix(?:e[sd])?|use[sd]?|using)\s+(?:the\s+|a\s+)?(?:random\s+)?$", re.I)
_NUMBER_OF = re.compile(r"\bnumber\s+of\s+", re.I)
# counts a bracket after 'the number of ...' may give ('the number of negative (9475)' counts the data)
_BRACKETED_COUNTS = frozenset(("epochs", "training_steps", "num_layers", "num_heads"))
# '32-sample minibatches', '64-image batches': what each batch holds, not how many batches run
_ITEMS_PER_BATCH = re.compile(r"-(?:samples?|examples?|images?|sequences?|sentences?|transitions?|graphs?)\s")
_BATCHES = re.compile(r"(?:mini-?)?batch(?:es)?$", re.I)
_NAME_ENDS = re.compile(rf"{NAME}\s*[:=]?\s*$", re.I)
# 'batch size 8, 150 epochs': the number before the comma is a named setting's, so '8, 150' is two items
_NAMED_ITEM_BEFORE = re.compile(rf"{NAME}\s*[:=]?\s*\d{{1,3}}\s*,\s*$", re.I)


_SIZE_NAME = re.compile(r"(?:size|dimension|dim|width)s?$", re.I)
_WIDTH_UNIT = re.compile(r"units|neurons|nodes|dimensions|features|channels", re.I)
_WORD_AFTER = re.compile(r"\s+([A-Za-z][\w-]*)")
_LINKS = frozenset(("and", "or", "for", "in", "per", "with", "of", "to", "each", "on", "at", "when", "while"))
_LINKS |= frozenset(("but", "as", "during", "which", "that", "so", "if", "by", "after", "before"))


def _determiner(m: re.Match[str], text: str) -> bool:
    """A spelled number before a noun that is neither the setting's nor a unit ('is one hyperparameter')."""
    word = _WORD_AFTER.match(text, m.end("value"))
    noun = word[1].lower() if word else ""
    return bool(noun) and noun not in _LINKS and not UNIT.match(f" {noun}") and (
        canonical_key(noun) != canonical_key(m["name"])
    )


_ONE_TO_ANOTHER = re.compile(r"\s+to\s+(?:the\s+)?(?:an?other|next|other)\b", re.I)
_REPEATED_WHOLE = re.compile(r"experiments?|runs?|trials?|simulations?|evaluations?|procedure|process")


def _adam_moment(text: str, span: tuple[int, int]) -> str:
    """ "Adam ... the first momentum of 0.9, and the second momentum of 0.99": Adam's beta1 and beta2."""
    order = _ADAM_MOMENT.search(text, max(0, span[0] - 40), span[0])
    # "Adam ... momentum parameters β_1 = 0.9 and β_2 = 0.999": the symbol says which
    beta = _BETA_BEFORE.search(text, max(0, span[0] - 12), span[0])
    if not (order or beta) or not ADAM.search(sentence_around(text, *span)):
        return "momentum"
    if order:
        return "beta1" if order[1].lower() == "first" else "beta2"
    return f"beta{beta[1]}"


# a count that measures a warmup: 'a ten-epoch warmup', '5 epochs of warmup', 'the first 400 steps for warmup'
_WARMUP_AFTER = re.compile(
    r"\s*(?:of\s+|for\s+(?:the\s+)?|as\s+(?:a\s+)?)?(?:linear\s+|learning[\s-]rate\s+)?warm[\s-]?up\b", re.I
)
# a name's own value right after it ('Critic Depth 2', 'n epochs = 10'): the number before is another's
_OWN_VALUE_AFTER = re.compile(r"\s*[:=]?\s*\d")
# the words after a value-first name that make it a kind of layer: '2 feature transformation layers'
_LAYERS_AFTER = re.compile(r"\s+((?:[a-z]+\s+){0,2}(?:layers|blocks))\b")
_UNITS = re.compile(r"(?:units?|neurons?|channels?|layers?|blocks?)$", re.I)


def _scan(rx: re.Pattern[str], text: str, good) -> Iterator[re.Match[str]]:  # noqa: ANN001
    """Matches of rx that pass `good`; a refused match does not hide a shorter one inside it."""
    pos = 0
    while (m := rx.search(text, pos)) is not None:
        if good(m):
            yield m
            pos = m.end()
        else:
            pos = m.start() + 1


def _bad_value_name(m: re.Match[str], text: str) -> bool:
    """'4 layers' yes; 'one-hot unit', '4 Toxicity features' (a heading), '50 steps of' no."""
    gap = m.group("gap") or ""
    if re.search(r"\b(of|the|and|in|for|to|with|from|at|by|on|than|per|each|every|via|through)\b", gap, re.I):
        return True
    if len(gap.split()) > 2 and "layer" not in m["name"].lower():
        return True  # three words between: only a kind of layer ('3 fully connected linear layers')
    # "100 episodes were run": the count is the episodes'; "ten three-layer networks": 'three' counts layers
    if re.search(r"\b(?:is|are|was|were|be|been)\b", gap, re.I):
        return True
    if re.match(rf"(?:\d+|{WORDNUM})\b", gap, re.I):
        return True
    if RESULT_WORDS.search(gap) or NOT_A_COUNT.match(gap) or re.search(r"\bdofs?\b", gap, re.I):
        return True  # "a 7-DOF robotic arm": the arm's degrees of freedom, no count of arms
    if re.match(r"(?:year|month|week|day|hour|minute|second)s?\b", gap, re.I):
        return True  # "a 20-year run of the climate model": a duration, no count of runs
    if gap[:1].isupper() and re.search(r"(^|[.!?:]\s*)$", text[: m.start()]):
        return True
    if re.search(r"(?:×|(?<![A-Za-z])x)\s*$", text[max(0, m.start() - 4) : m.start("value")]):
        return True  # "3 × 3 convolutional layers": a kernel's size, not a count ("max 200" is no product)
    if not m["name"].lower().endswith("s") and re.match(r"[\s-]+[a-z]{3,}s\b", text[m.end() :]):
        return True  # "48 depth hypotheses": the count is the hypotheses', 'depth' only qualifies them
    if _OF_PHASE.match(text, m.end()):
        return False  # "500 steps of burn-in": the phase's length (loop_of)
    return bool(re.match(r"\s*of\b", text[m.end() :]) and "step" in m.group("name").lower())


# a count given to a word-named symbol: "Adam is run for n_critic = 100 iterations" counts an inner loop's
# iterations (the critic's), not the training's ("for T = 1000 iterations" is)
_SUB_LOOP = re.compile(r"(?<![\w\\])(?P<sym>[A-Za-z]_?\{?[A-Za-z]{3,}\}?)\s*=\s*$")


# a sentence about a tree ensemble (and no network): its depth and iterations are a tree's and the trees'
_TREES = re.compile(
    r"^(?![^.;]*\b(?:network|neural|epochs?)\b)[^.;]*"
    r"\b(?:XGBoost|LightGBM|CatBoost|random\s+forests?|gradient[\s-]boost\w*|decision\s+trees?|trees|GBDT|GBM)\b",
    re.I,
)
# settings whose value is itself a first or last stretch: "warm up over the first 5 epochs", "stack the last
# 4 frames", "ε annealed over the first 1M frames", "freeze the first 6 layers"
_WINDOW = re.compile(r"^(?:warmup|frame_stack|frozen_layers)|_anneal_|_split$")  # parts by nature
_LR_WORDS = re.compile(r"\blearning[\s-]rates?\b|\blr\b", re.I)


# an activation spelled out before its acronym: 'Softmax Linear Units (SoLU)' names SoLU, not a linear one
_SPELLED_OUT = re.compile(r"\w+\s+units?\s*\((?P<acronym>[A-Za-z]{2,8})\)", re.I)
# a scheduler's library name (its first six letters) -> the schedule in words
_SCHEDULER = {"reduce": "reduce on plateau", "reduci": "reduce on plateau", "cosine": "cosine"}
_SCHEDULER |= {"multis": "step", "steplr": "step", "onecyc": "one-cycle", "expone": "exponential"}
_WARMUP = re.compile(r"\bwarm[\s-]?up\b", re.I)


def _about_a_learning_rate(sentence: str) -> bool:
    return bool(_LR_WORDS.search(sentence)) and not _DIFFUSION.search(sentence)

_NOISE_WORDS = re.compile(r"\bnois|\bvariance|\bbeta\b|β|\bdiffus|\bdenois|\bDD[IP]M|\bsnr\b", re.I)
_DIFFUSION = re.compile(r"\bdiffus|\bdenois|\bnoise\s+(?:schedule|level)|\bscore[\s-]based|\bDD[IP]M", re.I)
# "500 steps of burn-in", "1000 iterations of warm-up", "2000 steps of MCMC": a phase's length, not the run's
_OF_PHASE = re.compile(
    r"\s+of\s+(?:the\s+)?(?P<phase>burn[\s-]?in|warm[\s-]?up|mcmc|sampling|pre[\s-]?training|fine[\s-]?tuning|"
    r"exploration)\b",
    re.I,
)
_PHASE_KEYS = {
    "burnin": "burn_in",
    "warmup": "warmup_steps",
    "mcmc": "mcmc_steps",
    "sampling": "mcmc_steps",
    "pretraining": "pretraining_steps",
    "finetuning": "finetuning_steps",
    "exploration": "exploration_steps",
}
# "units per layer", "steps in each episode": the name after it is what another count is divided by
_PER_BEFORE = re.compile(r"\b(?:per|in\s+each|for\s+each|of\s+each)\s+$", re.I)
# "4 epochs per update": a loop inside the run (not "per second", a speed)
_PER = re.compile(r"\s+per\s+(?!(?:second|sec|s|hour|day|gpu|device|core)\b)(?P<noun>[a-z]{3,})\b", re.I)
# "window sizes between 3 and 10 steps", "the warmup lasts 500 steps": a setting named right before a count of
# steps or epochs takes it, in that unit (not the run's length)
_NAMED_BEFORE = re.compile(
    rf"{NAME},?\s+(?:(?:is|are|was|were|lasts?|ranges?|ranging|varies|varied|varying)\s+"
    r"(?:between\s+|from\s+|set\s+to\s+|fixed\s+(?:to|at)\s+|limited\s+to\s+)?"
    r"|(?:between|from)\s+)$",
    re.I,
)
# the learning rate rising over a run's first stretch: a warmup ('linear warm-up', 'the learning rate
# increases linearly', 'is ramped up')
_FIRST_BEFORE = re.compile(rf"\bfirst\s+(?:{SYM}\s*=\s*)?$", re.I)
_RAMP = re.compile(
    r"\bwarm[\s-]?up\b|\b(?:learning[\s-]rate|lr)\s+(?:is\s+)?(?:\w+ly\s+)?(?:increas|ramp|ris(?:es|ing)\b)",
    re.I,
)
# "a 95% confidence interval over 100 iterations": the runs a result is averaged over, not a run's length
_INTERVAL_OVER = re.compile(r"\bconfidence\s+intervals?\s+(?:[\w-]+\s+){0,3}?(?:over|across|from)\s+$", re.I)
# "an epoch consists of 3000 iterations", "during an epoch the policy is trained for 10000 steps": per epoch
_IN_AN_EPOCH = re.compile(
    r"\b(?:an|each|every|one)\s+(?:training\s+)?epoch\s+(?:consists\s+of|contains|comprises|is\s+made\s+of|lasts|has)\s+$"
    r"|\b(?:during|in|within)\s+(?:an|each|every|one)\s+epoch\b[^.;]{0,60}$",
    re.I,
)
# the units a run is counted in; steps, iterations and updates name one unit
_RUN_UNIT = re.compile(
    r"\s*(steps?|iterations?|updates?|epochs?|batch(?:es)?|mini-?batch(?:es)?|episodes?)\b", re.I
)
_SAME_UNIT = {"iteration": "step", "update": "step", "minibatch": "batch", "mini-batch": "batch"}


def _counts_another_unit(name: str, text: str, end: int) -> bool:
    """A count named by one unit whose number is followed by another: 'each training epoch consists of 40
    batches' counts batches, '100 epochs of 500 iterations' counts iterations."""
    head, after = _RUN_UNIT.fullmatch(" " + name.split()[-1]), _RUN_UNIT.match(text, end)
    if not head or not after:
        return False
    a, b = (singular(x[1].lower()) for x in (head, after))
    return _SAME_UNIT.get(a, a) != _SAME_UNIT.get(b, b)


_IO = re.compile(r"\b(?P<io>input|output)\b", re.I)  # a network's input or output width, no hidden one
# "the output layer has 10 neurons": the width of the layer named right before
_IO_LAYER = re.compile(
    r"\b(?P<io>input|output)\s+layers?\s+(?:has|have|had|with|of|contains?|consists\s+of)\s+$", re.I
)
_CITATION = re.compile(r"\[\s*\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\s*\]")  # numbered references: '[4, 5]'
_COUNTED = {"num_trees", "num_layers"}  # counts whose thing has a size, a depth or a width of its own
_REFERENCE = re.compile(r"[1-9A-Z]\.\d{1,2}")  # an equation numbered in its chapter: '(4.2)'
_WHOLE = re.compile(r"[\d,]+")  # a whole number in brackets with no '=': '(7)', '(2500)'
_OTHER_WIDTH = re.compile(r"\b(?:padding|border|margin|window|band|bin|beam|pulse)\s+(?:of\s+)?$", re.I)
_EACH_SIZED = re.compile(r"\s*(?:each\s+)?(?:has|have|with|of)\s+(?:a\s+)?(size|width|dimension)\s*", re.I)
_WIDTH_GAP = re.compile(r"(?:node|unit|neuron|dimensional|dim|channel|wide)\b", re.I)  # '4096-node layer'
_WIDTH_WORD = re.compile(r"dimension(?:ality|s)?|dims?|width|size|units", re.I)  # a layer's width, after it
# "our data contains 10,000 neurons", "the dataset consists of 500 images": a count that describes the data
_DATA_HOLDS = re.compile(
    r"\b(?:data|datasets?|corpus|corpora|the\s+sample)\b[^.;]{0,40}\b(?:contains?|consists?\s+of|comprises?|includes?)\b"
    r"(?:[^.;]|(?<=\d)\.(?=\d))*$",  # '30.000 examples': a point between digits ends no sentence
    re.I,
)
# a sentence about datasets, whose feature counts describe the data; unless features are chosen from them
_OF_DATASETS = re.compile(r"\b(?:datasets?|data\s+sets?|corpus|corpora)\b", re.I)
_SELECTS = re.compile(r"\b(?:select|selects|selected|selecting|keep|kept|retain\w*|choose|chose|top)\b", re.I)
# "planning to a depth of 8 time-steps": a depth counted in something other than a network's layers
_DEPTH_UNIT = re.compile(r"\s+(?P<unit>(?:time[\s-]?)?steps|moves|nodes|plies|ply|hops|actions)\b", re.I)
# 'the loss in one epoch and the next'; 'where one epoch is the number of steps ...' (a definition)
_ONE_EPOCH_SPAN = re.compile(
    r"\b(?:in|within|during|of)\s+one\s+epoch\s+(?:and|to)\s+the\s+next\b"
    r"|\bone\s+epoch\s+(?:is|means|denotes|corresponds\s+to|refers\s+to|equals)\b",
    re.I,
)
# 'decaying linearly to 0.1 over 5 × 10^4 steps', 'annealed from 1 to 0.05 over the first 1M frames'
_DECAY_OVER = re.compile(
    r"\b(?:decay\w*|anneal\w*|linearly|reduc\w*|lower\w*)\b(?:(?!\b(?:train\w*|we|and)\b)(?:[^.;,]|\.\d)){0,70}?"
    r"\bover\s+(?:the\s+)?(?:first\s+)?$",
    re.I,
)
_EXPLORATION = re.compile(r"ε|ϵ|\\epsilon|\bepsilon\b|\bexploration\b", re.I)
_LR_WORDS = re.compile(r"\blearning\s+rates?\b|\blr\b", re.I)
_ANNOTATED_BY = re.compile(r"\b(?:annotated|labell?ed|rated|judged|reviewed|assessed)\s+by\s+$", re.I)
# 'two FP layers to upsample the points back to 1024 points': a count of what the layers work on
_WORKED_ON = re.compile(r"\s+(?P<unit>points|tokens|pixels|samples|images|frames|words|characters)\b", re.I)
_SAMPLER = re.compile(r"\b(?:DDIM|DDPM|sampling|sampler|denoising|inference|generation|Langevin)\b", re.I)
_FOR_SAMPLING = re.compile(r"\s+(?:for|during|at)\s+(?:sampling|inference|generation|test\s+time)\b", re.I)
# "32 × 32": the other side of a size (not "2 × 10^5", whose 10 is a power's base), and a size listed after it
_DIMS_AFTER = re.compile(r"(?:\s*[×x]\s*\d+\b(?!\s*[\^−-]|\.\d))+")  # every side: "× 54 × 24"
_MORE_DIMS = re.compile(r"\s*(?:,|\band\b|\bor\b)\s*(?:and\s+|or\s+)?\d+\s*[×x]\s*\d+")


def _sub_loop(text: str, span: tuple[int, int], key: str) -> bool:
    """A count of a symbol's own loop ('K = 5 iterations'), unless the finding is already named after it."""
    m = _SUB_LOOP.search(text[max(0, span[0] - 30) : span[0]])
    own = m and key in (canonical_key(m["sym"]), symbol_key(m["sym"]))
    return bool(m and not own and UNIT.match(text, span[1]) and canonical_key(m["sym"]) not in SYNONYMS)


def _part_of_run(text: str, span: tuple[int, int], key: str) -> str | bool:
    """Why the value at span is a part of a run ("the first 2000 iterations", an inner loop's count), else
    False."""
    before = text[max(0, span[0] - 30) : span[0]]
    return PART_OF_A_RUN if PART_OF_RUN.search(before) or _sub_loop(text, span, key) else False


# "the batch sizes for CIFAR-10 and for ImageNet are 128 and 4096": one value per thing named, in order
_WIDTH_AFTER = re.compile(r"\s+(?:hidden\s+)?(?:nodes|units|neurons|filters|channels|dimensions)\b", re.I)
# a value times a set's size or a power of ten whose superscript was lost: "Q = 0.4 |D|", "D = 2 . 103"
_SCALED_AFTER = re.compile(r"\s*(?:[|‖][^\W\d_]\w{0,3}[|‖]|[.·×]\s*10(?:\s*\^|\d))")  # not a table's " | "
# "a step size of 4 pixels", "step size 5.625°": a spacing on a grid, not a learning rate
_SPACING_UNIT = re.compile(r"\s*(?:pixels?|px|voxels?|°|◦|degrees?|deg\b|mm\b|cm\b|meters?|metres?)", re.I)
# "the two 4096 fully connected layers": a count, then each layer's width
_COUNT_THEN_WIDTH = re.compile(rf"\b(?:\d|{WORDNUM})\s+$", re.I)
_QUALIFIER = re.compile(
    r"\b(?P<q>training|episode|evaluation|test|planning|rollout|pretraining|pre-training|fine-tuning|finetuning|"
    r"actor|critic|policy|generator|discriminator|encoder|decoder|inner|outer)(?:'s|’s)?\s+$",
    re.I,
)
# "number of <words> <name>": the words make it another count, unless they only restate the name's own sense
_QUALIFIED_COUNT = re.compile(
    r"\bnumber\s+of\s+(?!(?:total|training|overall|gradient|optimi[sz]ation|update|sgd|max(?:imum)?|the|our)\b)"
    r"(?:[\w-]+\s+){1,2}$"
    # "the number of neurons in the FC layers": a count of neurons, not of layers
    r"|\bnumber\s+of\s+[a-z][\w-]*\s+(?:in|of|per|for)\s+(?:the\s+|each\s+|every\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_PAIRED_GAP = re.compile(r"(?:for|on|in|of)\s+[\w-]+\s+and\s+(?:(?:for|on|in|of)\s+)?[\w-]+", re.I)


# an assignment said in words right after the symbol
_SET_AFTER = re.compile(r"\s+(?:is|was|are|were)\s+(?:set\s+to|fixed\s+(?:to|at)|equal\s+to)\b", re.I)
_CLAUSE_OPENS = re.compile(r"(?:^|[.;:,]\s*|\b(?:while|whereas|and)\s+)$", re.I)


def _set_in_words(text: str, m: re.Match[str]) -> bool:
    """'γ is set to 0.97', '..., while α is equal to 0.9': a symbol that opens its clause, set in words (one
    named before it, 'the dimension of the latent space z is set to 64', is left to the name's reading)."""
    opens = _CLAUSE_OPENS.search(text, max(0, m.start() - 40), m.start())
    return bool(opens and _SET_AFTER.match(text, m.end("sym")))


_LOOP_OPEN = re.compile(r"\bfor\s+(?:each\s+|all\s+)?$", re.I)
_LOOP_TO = re.compile(r"\s*(?:to|until|\.\.\.|…|,\s*\.\.\.)\s", re.I)
# what a value holds for: 'for each dropout layer', 'every head'
_EACH = re.compile(r"\b(?:for\s+)?(?:each|every|all)\s+(?:[\w-]+\s+){0,2}?(?:layers?|blocks?|heads?)\b", re.I)
_AVERAGED = re.compile(r"moving\s+average|\bEMA\b|\bPolyak\b", re.I)  # a decay that is an average's


def _bracketed_reference(m: re.Match[str]) -> bool:
    """A number alone in brackets after a name that refers or describes: "the filters (7)", "a fixed
    timestep (2500)", "the learning rate (4.2)" (an equation numbered in its chapter); 'the number of epochs
    (10)' and 'a random seed (42)' give values."""
    inside, plain = m["value"].strip(), m["open"] and "=" not in m["open"]
    bare = plain and m["open"].strip() == "("  # not '(max norm 1.0)', '(equal to 0.9)'
    key = canonical_key(m["name"])
    counted = key in _BRACKETED_COUNTS and _NUMBER_OF.search(
        m.string[max(0, m.start("name") - 12) : m.end("name")]
    )
    counted = counted or key == "seed"  # 'a fixed random seed (42)': a seed is a bare whole number
    return bool(plain and _WHOLE.fullmatch(inside) and not counted or bare and _REFERENCE.fullmatch(inside))


def _bad_name_value(m: re.Match[str]) -> bool:
    """A gap that names something else or negates, a count noun before its number ('layer 5')."""
    gap = (m.group("gap") or "") + " " + (m.group("paren") or "")
    if canonical_key(m.group("name")) in COUNT_ONLY | WORD_VALUED or RESULT_WORDS.search(gap):
        return True
    if m["name"].lower() == "width" and _OTHER_WIDTH.search(m.string, max(0, m.start() - 24), m.start()):
        return True  # 'padding width 40', 'a border of width 18': no layer's width
    if _LOOP_OPEN.search(m.string, max(0, m.start() - 12), m.start()) and _LOOP_TO.match(m.string, m.end()):
        return True  # "for epoch = 1 to 100": a loop's first value
    if (m.group("bare") or "x").isspace() and (COUNT_NOUN.search(m.group("name")) or _an_index(m)):
        # "layer 5", "for arm 1": which one, not how many ('we set seed 42': a seed's value, set)
        return not (canonical_key(m["name"]) == "seed" and _SEED_SET.search(m.string, 0, m.start("name")))
    paired = _PAIRED_GAP.fullmatch(gap.strip())  # one value per thing named, or one value both share
    own = gap.strip().lower() == "that"  # 'a learning rate that starts at 1e-4': its own value
    if not (paired or own) and re.search(r"\b(than|not|by|from|and|or|but|while|which|that)\b", gap, re.I):
        return True
    first = (m.group("gap") or "").split()[:1]
    if " " not in m["name"].strip() and first and re.fullmatch(r"[a-z]{3,}(?<!s)s", first[0]):
        return True  # "the number of depth hypotheses is 48": 'depth' only qualifies the hypotheses
    # what the value holds for is no other name: "the dropout rate for each dropout layer is 0.5"
    scope = _EACH.sub(" ", m.group("gap") or "")
    names = (canonical_key(g.group("name")) for g in re.finditer(NAME, scope, re.I))
    # a word-valued name in the gap takes no number: "learning rate of hidden activations to 0.1"
    numeric = bool(re.search(r"\d", m.group("value")))
    return any(k not in COUNT_ONLY and not (numeric and k in WORD_VALUED) for k in names)


# a number over a variable, a root or a bracket: 'ε = 1/√n(s)', 'α = 1/(n(s, a))' (a formula, no constant)
_OVER_A_VARIABLE = re.compile(r"\s?/\s?(?:[(√A-Za-zα-ωΑ-Ω\\])")
# a number one side of a ratio written with colons: 'the losses are summed at the ratio of 5:1:10'
_RATIO_AFTER = re.compile(r"\s?:\s?\d")
_RATIO_BEFORE = re.compile(r"(?<![A-Za-z.]\s)(?<![\w.])\d+\s?:\s?$")  # not 'Table 2: ', 'Step 3: '


_MOMENT_SYMBOL = re.compile(r"[^\W\d_]_?\{?([12])\}?")


def _moment_symbol(sym: str, value: str) -> str | None:
    """'ρ_1' at 0.9, 'ρ_2' at 0.999: the decay rates of Adam's two moment estimates, whatever their letter."""
    m = _MOMENT_SYMBOL.fullmatch(sym)
    number = normalize_value(value)
    if not m or not isinstance(number, float):
        return None
    low, high = (0.5, 0.99) if m[1] == "1" else (0.9, 0.99999)
    return f"beta{m[1]}" if low <= number <= high else None


class _ProseScan:
    """The settings one paragraph (or table header) states; a value claimed once is not read again."""

    def __init__(  # noqa: PLR0913
        self, text: str, line_at, symbols: dict[str, str], out: Collector, where: str, legend: bool = False
    ) -> None:
        self.text, self.line_at, self.symbols, self.out, self.where = text, line_at, symbols, out, where
        self.legend = legend  # the text is a figure's legend: every value at most a candidate
        self.taken: set[int] = set()  # offsets of the values claimed so far
        self.local: dict[str, str] = {}  # symbols a name gave here: "width factor k = 2 ... and k = 10"

    def free(self, a: int, b: int) -> bool:
        return self.taken.isdisjoint(range(a, b))

    def emit(  # noqa: PLR0913
        self,
        m: re.Match[str],
        name: str,
        key: str,
        value: str,
        span: tuple[int, int],
        flagged: bool | str = False,
        context: str | None = None,
    ) -> None:
        value, span, flagged = self.sized(key, value, span, flagged)
        if value[:1].isdigit() and not key.endswith("_split") and self.ratio_part(span):
            flagged = flagged or "one part of a ratio ('5:1:10'), not a value on its own"
        if _OVER_A_VARIABLE.match(self.text, span[1]):
            return  # 'ε = 1/√n(s)': a formula in a variable, no constant
        if key == "diffusion_steps" and not _DIFFUSION.search(self.text):
            key = "training_steps"  # "T = 80000 timesteps" of a bandit or an RL run, no diffusion's steps
        self.taken.update(range(*span))
        if self.legend or (self.where == "prose" and self.in_legend(span[0])):
            flagged = True  # a figure's inner text: at most a candidate
        unit = UNIT.match(self.text, span[1])
        if unit is None and (physical := PHYSICAL_UNIT.match(self.text, span[1])) and value[-1:].isdigit():
            if key in COUNT_KEYS:
                return  # "the runtime per iteration is 24 minutes": a time, no count of steps
            value, unit = f"{value} {physical['unit']}", physical  # '64 ms' is 0.064 (s), '16 kHz' 16000 (Hz)
        if key == "learning_rate" and sampler_step(name, sentence_around(self.text, *span)):
            key = "proposal_step_size"  # "a step size of 0.1 for the random walk proposal"
        rmsprop = key == "lr_decay" and not ABOUT_LR.search(m[0])
        if rmsprop and _RMSPROP.search(sentence_around(self.text, *span)):
            key = "rmsprop_decay"  # "RMSProp with a learning rate of 1e-3 and a decay rate of 0.9": its ρ
        key = _adam_moment(self.text, span) if key == "momentum" else key
        if unit and key == "warmup_steps" and unit[1].lower() == "epochs":
            key = "warmup_epochs"  # "a warmup of 10 epochs"
        if key in ("num_layers", "training_steps") and _TREES.match(sentence_around(self.text, *span)):
            key = "max_depth" if re.search(r"depth", name, re.I) else "num_trees"  # 'CatBoost with depth 8'
        if unit and key == "window_size" and unit[1].lower() == "tokens":
            key = "sequence_length"  # "a context window of 2048 tokens": a language model's context
        unit_word = unit[1].lower() if unit else None
        own, more = paired_values(self.text, unit.end() if unit else span[1], unit_word)
        flagged = flagged or (not _WINDOW.search(key) and _part_of_run(self.text, span, key))
        quote = sentence_around(self.text, m.start(), m.end())
        context = context or own or value_context(self.text, *span) or self.qualifier(m)
        line, where = self.line_at(m.start()), self.where
        listed = bool(_NAMED_ITEM_BEFORE.search(self.text, max(0, span[0] - 60), span[0]))
        self.out.add(
            line, name, key, value, where, quote, unit_word, flagged=flagged, context=context, listed=listed
        )
        for other, start, end, ctx in more if value[-1:].isdigit() else []:
            if self.free(start, end):  # "a batch size of 10 for training and 6 for evaluation"
                self.taken.update(range(start, end))
                self.out.add(line, name, key, other, where, quote, unit_word, flagged=flagged, context=ctx)

    def ratio_part(self, span: tuple[int, int]) -> bool:
        """Is the value one side of a ratio ('5:1:10'; a split's '80:20' is read whole)?"""
        before = _RATIO_BEFORE.search(self.text[max(0, span[0] - 16) : span[0]])
        return bool(_RATIO_AFTER.match(self.text, span[1]) or before)

    def sized(
        self, key: str, value: str, span: tuple[int, int], flagged: bool | str
    ) -> tuple[str, tuple[int, int], bool | str]:
        """A whole number that is one side of a size ('a resolution of 32 × 32') is read whole: stated for a
        key that takes a size, else a candidate ('a batch of 32 × 4 GPUs'); one of several sizes is a
        candidate."""
        dims = _DIMS_AFTER.match(self.text, span[1])
        whole = re.fullmatch(r"\d+(?:\s*[×x]\s*\d+)*", value.strip())  # '3 × 3' of '3 × 3 × 3' too
        if dims is None or not whole or _DIMS_AFTER.search(self.text, span[0] - 4, span[0]):
            return value, span, flagged
        sized = key in SIZE_KEYS or (key not in SYNONYMS and bool(re.search(r"(?:size|resolution)s?$", key)))
        doubt = (not sized and ONE_SIDE) or (bool(_MORE_DIMS.match(self.text, dims.end())) and ONE_OF_SIZES)
        return self.text[span[0] : dims.end()], (span[0], dims.end()), flagged or doubt

    def qualifier(self, m: re.Match[str]) -> str | None:
        """The part or phase a name is said of, right before it: 'a training horizon of 200,000' and 'an
        episode horizon of 200' are two horizons (a context each)."""
        if "name" not in m.re.groupindex or m.start("name") < 0:
            return None
        before = _QUALIFIER.search(self.text, max(0, m.start("name") - 20), m.start("name"))
        return before["q"].lower() if before else None  # "the generator's learning rate" too

    def in_legend(self, offset: int) -> bool:
        """Is the value on a line of a figure's inner text: it and the line before it make no sentence
        (legends and tick labels come in runs; a text table's header follows its caption)."""
        line = self.line_at(offset)
        start = offset
        while start > 0 and self.line_at(start - 1) is line:
            start -= 1
        if start < 2 or not no_sentence(line.text):
            return False
        return no_sentence(self.line_at(start - 2).text)

    def good_value_name(self, m: re.Match[str]) -> bool:
        value = normalize_value(m["value"])
        whole = all(
            isinstance(v, float) and v >= 1 and v == int(v)
            for v in (value if isinstance(value, list) else [value])
        )
        counted = _COUNT_THEN_WIDTH.search(self.text[max(0, m.start("value") - 12) : m.start("value")])
        wide = re.fullmatch(r"\d{2,}", m["value"].strip())  # "ten three-layer networks": a count of layers
        if canonical_key(m["name"]) == "num_layers" and counted and wide:
            return False  # "the two 4096 fully connected layers": 4096 is each one's width
        if m["value"].strip().isalpha() and m["value"].strip()[0].isupper() and m["name"][0].isupper():
            return False  # "Three Trees in Grey Weather": a title's words
        if _ONE_TO_ANOTHER.match(self.text, m.end()) and m["value"].strip().lower() == "one":
            return False  # "vary from one minibatch to the other": no count
        if isinstance(value, list) and _NAME_ENDS.search(
            self.text, max(0, m.start("value") - 40), m.start("value")
        ):
            return False  # "hidden size 64, 2 layers": the list's first number is the name's before it
        if _OWN_VALUE_AFTER.match(self.text, m.end()):
            return False  # a table read as a line, '... 64 Critic Depth 2': the name's value follows it
        if self.text.startswith("-to-", m.end("name")):
            return False  # 'a 12-game head-to-head match', 'end-to-end': a compound word, not the name
        return (
            whole and not _bad_value_name(m, self.text) and not rejected(self.text, *m.span("value"), value)
        )

    def width_of(self, m: re.Match[str], first: list[str]) -> str | None:
        """The word that makes a layer's name its width: 'the dimensionality of the hidden layer' (size),
        'a hidden layer dimension of 128' (the word after it); None for a count of layers."""
        if self.of_head(m) == "size":
            return "size"
        if each := _EACH_SIZED.fullmatch(m["gap"] or ""):  # '12 layers each has a size of 768'
            return each[1]
        return first[0] if first and _WIDTH_WORD.fullmatch(first[0]) else None

    def of_head(self, m: re.Match[str]) -> str | None:
        return of_head(self.text[max(0, m.start("name") - 80) : m.start("name")], m["name"])

    def input_or_output(self, m: re.Match[str]) -> str | None:
        """'input' or 'output' when a count's words or the layer named before it say so ('784 input units',
        'the output layer has 10 neurons')."""
        io = _IO.search(m["gap"] or "") or _IO_LAYER.search(self.text[max(0, m.start() - 40) : m.start()])
        return io["io"].lower() if io else None

    def uncited_name_value(self, m: re.Match[str]) -> bool:
        """good_name_value, but a citation right after a name gives no values: 'RP trees [4, 5]'."""
        return not _CITATION.fullmatch(m["value"]) and self.good_name_value(m)

    def good_name_value(self, m: re.Match[str]) -> bool:
        if not re.search(r"\d", m["value"]) and (
            canonical_key(m["name"]) not in _SPELLED_COUNTS
            or any(w.lower() not in GAP_FILLER for w in (m["gap"] or "").split())
            or _determiner(m, self.text)  # "the number of epochs is one hyperparameter"
        ):
            return False  # a spelled number sets a count right after its name ('a batch size of sixteen')
        last = (m["gap"] or "").split()[-1:]  # "Sequence Length m = 4": the 4 is m's, not the length's
        if last and self.symbols.get(last[0], canonical_key(m["name"])) != canonical_key(m["name"]):
            return False
        gap = (m["gap"] or "").split()
        other = [w for w in gap[:-1] if w.lower() not in GAP_FILLER]
        # "every 1000 steps with τ = 0.005": a name its own number counts; "sampling with p = 0.9" is p's
        counted = re.search(r"\d\s*[KkM]?\s+$", self.text[max(0, m.start("name") - 12) : m.start("name")])
        joined = counted and any(w.lower() in ("with", "and", "using", "where") for w in gap[:-1])
        assigned = re.match(r"\s*[=∈]", self.text[m.end("gap") :])
        symbol = gap and (re.fullmatch(SYM, gap[-1]) or re.fullmatch(r"[A-Z][a-z0-9]?", gap[-1]))  # N_i as Ni
        if (other or joined) and symbol and assigned:
            return False  # "iterations with the observation size K = 100", "every 1000 steps with τ = 0.005"
        end = m.start("value") + len(m["value"].rstrip())
        if re.match(r"[A-Za-z^_(]", self.text[end : end + 1]):
            return False  # "step size η_t = 1t^a": a number run into a formula
        noun = NOUN_AFTER.match(self.text, m.end("value"))
        measure = noun and _SIZE_NAME.search(m["name"]) and _WIDTH_UNIT.fullmatch(noun["noun"])  # its measure
        other = noun and not UNIT.match(noun[0]) and canonical_key(noun["noun"]) != canonical_key(m["name"])
        if other and not measure:  # ('a latent size of 200 units' is the size's)
            return False  # "the first layer consists of 32 neurons", "layers of 200 units"
        if _counts_another_unit(m["name"], self.text, m.end("value")) or _PER_BEFORE.search(
            self.text, max(0, m.start("name") - 24), m.start("name")
        ):
            return False  # "100 epochs of 500 iterations"; "hidden units per layer is 100" is no layer count
        if _bracketed_reference(m):
            return False
        if m["open"] and "," in m["value"] and canonical_key(m["name"]).endswith(("layers", "blocks")):
            return False  # "10 conv layers (50, 3, 1)": one layer's own settings, not a list of counts
        if m["open"] and m.end("name") == m.start("open") and m["name"].lower() in DISTRIBUTIONS:
            return False  # "priors set to Gamma(0.1, 0.3)": a distribution's parameters, not γ's value
        if canonical_key(m["name"]) == "learning_rate" and _SPACING_UNIT.match(self.text, m.end("value")):
            return False  # "a step size of 4 pixels"
        if self.of_head(m) not in (None, "size"):
            return False
        if _QUALIFIED_COUNT.search(self.text[max(0, m.start("name") - 60) : m.start("name")]):
            return False  # "the number of burn-in iterations is 1000": a count of its own (hp_phrased.py)
        between = self.text[m.end("name") : m.start("value")]
        held = re.search(r"\b(?:with|using)\s+((?:[\w-]+\s+){1,3})of\s+$", between)
        words = held[1].split() if held else []
        if any(w.lower() not in GAP_FILLER and not _OWN_MEASURE.fullmatch(w) for w in words):
            return False  # "100 epochs with mini-batches of 16": the 16 is the mini-batches'
        if canonical_key(m["name"]) == "num_layers" and (
            _WIDTH_AFTER.match(self.text, m.end("value"))
            or (re.search(r"layers?$", m["name"], re.I) and re.fullmatch(r"\s+of\s+", between))
        ):
            return False  # "2 hidden layers of 20 nodes", "two layers of 200 variables": each layer's width
        part = self.free_part(m)
        key = canonical_key(m["name"])
        return part is not None and not (
            _bad_name_value(m) or rejected(self.text, *part[1], normalize_value(part[0]), key)
        )

    def free_part(self, m: re.Match[str]) -> tuple[str, tuple[int, int]] | None:
        """The value and its span when free; else its first number when only a later item of the list is taken
        ('momentum 0.9 and 0.05 learning rate': the 0.05 is the rate's); None when that is taken too. A comma
        list before a name whose first number ends an assignment ('evaluation batch was 32, 6 epochs') is the
        name's from its second number on."""
        span = m.span("value")
        rest = _AFTER_ASSIGNED.match(m["value"])
        if m.re in _VALUE_FIRST and rest and _ASSIGNED.search(self.text[max(0, span[0] - 12) : span[0]]):
            span = (span[0] + rest.end(1), span[1])
            return (self.text[span[0] : span[1]], span) if self.free(*span) else None
        if self.free(*span):
            return m["value"], span
        first = re.match(rf"({SCALAR})\s*(?:,|and\b|or\b)", m["value"])
        if first and self.free(span[0], span[0] + len(first[1])):
            return first[1], (span[0], span[0] + len(first[1]))
        return None

    def run(self) -> None:
        self.index_ranges()
        self.peaks()
        self.emit_named(options(self.text))  # '--lr 3e-4 --epochs 100': '3e-4 --epochs' is no count of epochs
        self.tuples()
        self.paired()
        self.distributions()
        self.emit_named(augmentations(self.text))  # 'flipped with probability 0.5' (hp_augment.py)
        self.phrases()  # first: "filters of size 5 × 5" is the whole "5 × 5", not the name's first number
        self.repeated_runs()  # before counts: 'repeating each experiment for 500 iterations' counts runs
        self.counted()
        self.formulas()
        self.intervals()
        self.rate_phases()
        self.schedules()
        self.annealed()
        self.switched_off()
        self.set_it()
        self.emit_named(compact(self.text))  # 'a 0.002 learning rate', '256-dim output', '(layers: 2)'
        self.named()
        self.compounds()
        self.emit_named(phrased(self.text))  # 'an entropy coefficient of 0.01': the paper's own name
        self.emit_named(models(self.text))  # 'a ResNet-50 backbone': the architecture a part is
        self.emit_named(worded_lists(self.text))  # 'relation dim = 16, filter size = 3'
        self.symbol_values()
        self.symbol_sets()
        self.keywords()
        self.repetitions()
        self.emit_named(set_statements(self.text))  # last: 'the weight decay, which ..., was set to 0.01'
        self.emit_named(heading_values(self.text, self.line_at(0).section))  # 'Values of 16, 32 were tested'

    def tuples(self) -> None:
        """'(β1, β2) = (0.9, 0.98)', 'AdamW with betas of (0.9, 0.95)' (hp_tuples.py); splits written as
        ratios, '80/20 train/test' (hp_splits.py); a learning rate's steps one by one (hp_rate_steps.py)."""
        text = self.text
        for t in [*tuples(text, self.symbols | self.local), *ratio_splits(text), *rate_steps(text)]:
            if self.free(*t.span) and (at := _ANY.match(text, *t.span)):
                self.emit(at, t.name, t.key, t.value, t.span, flagged=t.doubt)

    def paired(self) -> None:
        """'the batch size and the learning rate are 64 and 0.001, respectively' (hp_respectively.py)."""
        for m, pairs in respectively(self.text):
            for p in (p for p in pairs if self.free(*p.span)):
                self.emit(m, p.name, p.key, p.value, p.span, flagged=p.doubt or False, context=p.context)

    def distributions(self) -> None:
        """'initialised from a zero-mean Gaussian with std 0.01' (init_mean, init_std: hp_init.py); 'priors
        set to Gamma(0.1, 0.3)', 'gamma priors with rate 0.3 and shape 0.1' (hp_priors.py)."""
        for start, end in sentence_spans(self.text):
            sentence = self.text[start:end]
            for read in [*initial_moments(sentence), *prior_settings(sentence)]:
                a, b = start + read.span[0], start + read.span[1]
                if self.free(a, b) and (at := _ANY.match(self.text, a, b)):
                    self.emit(at, read.name, read.key, read.value, (a, b))

    def index_ranges(self) -> None:
        """'from t = 0 up to t = 300': a phase of a run, no setting; its bounds are claimed."""
        for m in INDEX_RANGE.finditer(self.text):
            self.taken.update(range(*m.span("a")))
            self.taken.update(range(*m.span("b")))

    def named(self) -> None:
        """'learning rate of 3e-4', '4 layers'."""
        text = self.text
        # "a warmup of 10K steps": a name with an explicit "of/=/to" claims its value before "10K steps" does
        explicit = _scan(NAME_VALUE, text, lambda m: m["bare"] is None and self.good_name_value(m))
        value_first = itertools.chain.from_iterable(
            _scan(rx, text, lambda m: self.free(*m.span("value")) and self.good_value_name(m))
            for rx in _VALUE_FIRST
        )
        for scan in (explicit, value_first, _scan(NAME_VALUE, text, self.uncited_name_value)):
            for m in scan:
                name = m["name"]
                first = (m.groupdict().get("gap") or "").split()[:1]
                if first and first[0].lower() in MODIFIERS:
                    name = f"{name} {first[0]}"  # "a learning rate scaling of 1" is not a learning rate
                elif first and first[0].lower() in COUNTED_ATTRIBUTES and canonical_key(name) in _COUNTED:
                    name = f"{name} {first[0]}"  # "the tree size was 5500 nodes": no count of trees
                key = canonical_key(name)
                if m.re is NAME_VALUE and self.another_count(m, key):
                    continue
                last = (m.groupdict().get("gap") or "").split()[-1:]
                if m.re is NAME_VALUE and last and re.fullmatch(SYM, last[0]):
                    self.local[last[0]] = key
                if m.re in _VALUE_FIRST and key == "seed":
                    key = "num_runs"  # "one random seed": a count of seeds, not a seed's value
                if m.re in _VALUE_FIRST and (kind := self.kind_of_layer(m)):
                    name, key = kind, canonical_key(kind)  # '2 feature transformation layers' counts layers
                if m.re in _VALUE_FIRST and key in ("training_steps", "epochs"):
                    name, key = self.loop_of(m, name, key)
                if m.re is NAME_VALUE and key in ("training_steps", "epochs"):
                    name, key = self.per_loop(m, m.end("name")) or (name, key)
                if m.re in _VALUE_FIRST and (sym := _word_named(text, m.start("value"))):
                    name, key = f"{name} {sym}", symbol_key(sym)  # 'n_critic = 100 iterations'
                if m.re is NAME_VALUE and key == "num_layers" and (width := self.width_of(m, first)):
                    name, key = f"{name} {width}", "hidden_size"  # "a hidden layer dimension of 128"
                if m.re in _VALUE_FIRST and key == "hidden_size" and (io := self.input_or_output(m)):
                    name, key = f"{io} {name}", f"{io}_units"  # "784 input units", not the hidden size
                part = self.part_count(m)
                if part and (typed := _typed_layers(m.groupdict().get("gap") or "")):
                    name, key, part = f"{typed[0]} layers", typed[1], False  # "24 convolutional layers"
                part = part or bool(
                    m.re in _VALUE_FIRST and BACK_REFERENCE.search(text[max(0, m.start() - 8) : m.start()])
                )
                why = "one of several kinds of layer counted in one sentence" if part is True else part
                why = why or self.not_the_models(m, key)
                value, span = self.free_part(m) or (m["value"], m.span("value"))
                self.emit(m, name, key, value, span, flagged=why)
                self.contrast(m, name)

    def decay_length(self, m: re.Match[str], key: str) -> tuple[str, str]:
        """'decaying linearly to 0.1 over 50000 steps': how long a schedule decays, not the run's length; the
        exploration's or the learning rate's when the words before name it."""
        before = self.text[max(0, m.start("value") - 140) : m.start("value")]
        what = "epsilon" if _EXPLORATION.search(before) else "lr" if _LR_WORDS.search(before) else ""
        unit = "epochs" if key == "epochs" else "steps"
        return f"{what} decay {unit}".strip(), "_".join(filter(None, (what, "decay", unit)))

    def another_count(self, m: re.Match[str], key: str) -> bool:
        """A count whose value is another thing's: 'one epoch with K = 20' (the symbol is another setting),
        'FP layers to upsample the points back to 1024 points' (a count of points)."""
        if key in COUNT_KEYS and re.search(r"\bwith\b", m["gap"] or ""):
            return True
        return key == "num_layers" and bool(_WORKED_ON.match(self.text, m.end("value")))

    def loop_of(self, m: re.Match[str], name: str, key: str) -> tuple[str, str]:
        """'4 epochs per update', '2048 steps per environment': an inner loop's count, not the run's length;
        '250 DDIM steps for sampling': the sampler's steps."""
        if per_loop := self.per_loop(m, m.end()):
            return per_loop
        if _ITEMS_PER_BATCH.match(self.text, m.end("value")) and _BATCHES.match(name):
            return "minibatch size", "batch_size"  # '32-sample minibatches': what each holds
        if _DECAY_OVER.search(self.text, max(0, m.start("value") - 90), m.start("value")):
            return self.decay_length(m, key)
        if _WARMUP_AFTER.match(self.text, m.end()):  # 'a ten-epoch warmup', '5 epochs of warmup'
            unit = "epochs" if key == "epochs" else "steps"
            return f"warmup {unit}", f"warmup_{unit}"
        if self.warmup_window(m):  # 'for the first 100 iterations, the learning rate increases linearly'
            unit = "epochs" if key == "epochs" else "steps"
            return f"warmup {unit}", f"warmup_{unit}"
        if key == "training_steps" and (phase := _OF_PHASE.match(self.text, m.end())):
            word = re.sub(r"[\s-]", "", phase["phase"].lower())
            return f"{m['name']} of {phase['phase']}".lower(), _PHASE_KEYS[word]
        if _INTERVAL_OVER.search(self.text, max(0, m.start() - 60), m.start()):
            return f"{m['name']} (repetitions)".lower(), "num_runs"  # 'an interval over 100 iterations'
        if key == "training_steps" and _IN_AN_EPOCH.search(self.text, max(0, m.start() - 90), m.start()):
            return f"{m['name']} per epoch".lower(), "steps_per_epoch"
        if _SAMPLER.search(m["gap"] or "") or _FOR_SAMPLING.match(self.text, m.end()):
            return f"{m['gap'] or ''}{m['name']}".strip(), "sampling_steps"
        before = _NAMED_BEFORE.search(self.text, max(0, m.start() - 60), m.start())
        if before and canonical_key(before["name"]) not in (key, "training_steps", "epochs"):
            return before["name"], canonical_key(before["name"])
        return name, key

    def warmup_window(self, m: re.Match[str]) -> bool:
        """'the first T_w = 100 iterations' in a sentence whose learning rate ramps up: a warmup's length."""
        first = _FIRST_BEFORE.search(self.text, max(0, m.start("value") - 24), m.start("value"))
        return bool(first and _RAMP.search(sentence_around(self.text, m.start(), m.end())))

    def kind_of_layer(self, m: re.Match[str]) -> str | None:
        """'feature transformation layers' when a value-first name runs on into layers or blocks; None when
        the name already counts units or layers."""
        layers = not _UNITS.search(m["name"]) and _LAYERS_AFTER.match(self.text, m.end())
        if canonical_key(m["name"]) == "num_layers" and _WIDTH_GAP.match(m["gap"] or ""):
            return "layer size"  # 'a 4096-node layer', 'the 512-unit FC layer': the layer's width
        return f"{m['name']} {layers[1]}" if layers else None

    def per_loop(self, m: re.Match[str], at: int) -> tuple[str, str] | None:
        """(name, key) of an inner loop's count when 'per <noun>' follows at `at` ('4 epochs per update',
        'the number of steps per episode is 200'), else None."""
        per = _PER.match(self.text, at)
        loop = per and loop_key(m["name"], per["noun"])
        return (f"{m['name']} per {per['noun']}".lower(), loop) if loop else None

    def contrast(self, m: re.Match[str], name: str) -> None:
        """'the hidden size is 200 for A, while for B we use 600': the same setting for another case."""
        other = CONTRAST.match(self.text, m.end("value"))
        if other and self.free(*other.span("value")):
            self.taken.update(range(*other.span("value")))
            line, quote = self.line_at(m.start()), sentence_around(self.text, m.start(), other.end())
            key = canonical_key(name)
            self.out.add(line, name, key, other["value"], self.where, quote, context=other["ctx"])

    def not_the_models(self, m: re.Match[str], key: str) -> str | bool:
        """Why a count names no setting of the model: it describes the data ('our data contains 10,000
        neurons'), or it is a depth counted in steps ('a depth of 8 time-steps'); else False."""
        if m.re in _VALUE_FIRST and _DATA_HOLDS.search(self.text, max(0, m.start() - 80), m.start()):
            return DATA_OR_SCORE
        if key == "num_layers" and (unit := _DEPTH_UNIT.match(self.text, m.end("value"))):
            return f"a depth counted in {unit['unit']}, not in layers"
        if key == "num_layers" and re.match(r"(?i:different|distinct)\b", m.groupdict().get("gap") or ""):
            return "a count of the kinds of layer compared ('six different layers'), not a depth"
        at = m.start("value")
        spans = _ONE_EPOCH_SPAN.finditer(self.text, max(0, at - 12), m.end() + 20)
        if key == "epochs" and any(s.start() <= at < s.end() for s in spans):
            return "an epoch as a span of time or a definition ('one epoch is ...'), not the run's length"
        if key == "num_experts" and _ANNOTATED_BY.search(self.text, max(0, m.start() - 30), m.start()):
            return "people who labelled the data ('annotated by 8 experts'), not a mixture's experts"
        if key == "num_features" and _OF_DATASETS.search(sentence := sentence_around(self.text, *m.span())):
            return DATA_OR_SCORE if not _SELECTS.search(sentence) else False  # 'a dataset with 308 features'
        return False

    def part_count(self, m: re.Match[str]) -> bool:
        """'three convolutional layers and two fully connected layers': counts of two kinds of layer in one
        sentence are parts of a network, either of which may be taken for its depth."""
        gap = (m.groupdict().get("gap") or "").split()
        if not gap or canonical_key(m["name"]) != "num_layers":
            return False
        sentence = sentence_around(self.text, m.start(), m.end())
        return len({k.lower() for k in TYPED_LAYERS.findall(sentence)}) >= 2

    def symbol_values(self) -> None:
        """'β1 = 0.9' after Adam, a symbol the paper defined, or one it sets ('we use λ = 0.1'); in a chain
        'β_1 = β_2 = 0.5' both symbols take the value."""
        text = self.text
        for m in SYM_ASSIGN.finditer(text):
            if _COUNT_AFTER_LIST.match(text, m.end("value")) and re.search(r"\band\b", m["value"]):
                m = SYM_ASSIGN_ONE.match(text, m.start()) or m  # 'q = 0.8 and 20 nodes': the 20 counts nodes
            before = text[max(0, m.start() - 160) : m.start()]  # a list of settings may open well before
            chain = []  # 'k = m = 1', 'm_1 = m_2 = g = 1': the symbols chained before this one, nearest first
            while chained := CHAINED.search(before):
                chain.append(chained["sym"])
                before = before[: chained.start()]
            if not self.free(*m.span("value")) or self.not_assigned(m, before):
                continue  # "K · L = 1000" is a product's value, "C = 2 · max" a factor; "for N = 0, 1" a loop
            for sym in reversed(chain):
                self.symbol_value(m, sym, before)
                self.taken.difference_update(range(*m.span("value")))
            if m["sq"]:
                self.squared_value(m, before)
                continue
            self.symbol_value(m, m.group("sym"), before)
        for m in SYM_TO.finditer(text):
            before = text[max(0, m.start() - 160) : m.start()]
            said = SET_BEFORE.search(before[-60:])
            if said and self.free(*m.span("value")) and not self.not_assigned(m, before):
                self.symbol_value(m, m.group("sym"), before)

    def squared_value(self, m: re.Match[str], before: str) -> None:
        """'σ_β^2 = 10', 'noise variance σ^2 = 0.1': a square's value, named by the sentence or as the square
        (never as σ, whose value it is not)."""
        square = f"{m['sym']}^2"
        after = self.text[m.end("value") : m.end("value") + 40]
        reading = read_assigned(before, after, square, m["value"])
        if reading is None:
            return
        key = f"{symbol_key(m['sym'])}_squared" if reading.name == square else reading.key
        self.emit(m, reading.name, key, m["value"], m.span("value"), reading.flagged, reading.context)

    def symbol_value(self, m: re.Match[str], sym: str, before: str) -> None:
        """One assignment, named by the sentence, the paper's symbol table or the letter's meaning."""
        text, symbols = self.text, self.symbols | self.local
        if size := size_of(before, sym):  # "a test grid of size n = 10^4": the grid's, whatever n is
            self.emit(m, size.name, size.key, m.group("value"), m.span("value"), flagged=size.flagged)
            return
        named = symbol_named_here(text, m, symbols)
        name, key = (sym, symbols.get(sym))
        counted = counted_key(named[0]) if named else None  # '' for a count of the data
        if named:
            name, key = f"{named[0]} {sym}", counted or canonical_key(named[0])
        if key and (
            DESCRIBES_DATA.search(text[max(0, m.start() - 80) : m.start()])
            or SCORES_AFTER.match(text, m.end("value"))
            or DATA_SIZE_AFTER.match(text, m.end("value"))
            or counted == ""
        ):
            self.emit(m, name, key, m.group("value"), m.span("value"), flagged=DATA_OR_SCORE)
            return  # "instances, each containing T = 10 time steps", "T=20 | 265.1": not a setting
        if named:
            self.emit(m, name, key, m.group("value"), m.span("value"), flagged=not named[1] and NAMED_BY_WORD)
            return
        lead = text[max(0, m.start() - 40) : m.start()]
        if (
            CONDITIONAL.search(lead)
            or FOR_ALL_WHERE.search(before)
            or EXAMPLE.search(sentence_around(text, m.start(), m.end()))
        ):
            self.emit(m, sym, symbols.get(sym, sym), m.group("value"), m.span("value"), flagged=EXAMPLE_CASE)
            return  # "if M = 100 and K = 5, then ...": an example, not a setting
        self.symbol_by_sentence(m, before, symbols, sym)

    def symbol_by_sentence(self, m: re.Match[str], before: str, symbols: dict[str, str], sym: str) -> None:
        """An assignment the sentence alone must name: Adam's β1, 'a budget of n', a symbol the paper defined
        (unless the sentence names another quantity), a letter's standard meaning, 'we set r = 0.1'."""
        text, value, span = self.text, m.group("value"), m.span("value")
        chosen = _CHOSEN_AFTER.match(text, span[1])
        window = text[max(0, m.start() - 200) : m.end() + 100].lower()
        if sym in ("β1", "β_1", "β2", "β_2", "ε", "ϵ", "α") and ADAM.search(window):
            key = {"β": "beta1" if "1" in sym else "beta2", "α": "learning_rate"}.get(sym[0], "epsilon")
        elif (moment := _moment_symbol(sym, value)) and ADAM.search(window):
            key = moment  # 'ADAM ... with ρ_1 = 0.9 and ρ_2 = 0.999': Adam's betas under another letter
        elif setting := SETTING_WITH.search(text[max(0, m.start() - 80) : m.start()]):
            self.emit(m, f"{setting['name']} {sym}", canonical_key(setting["name"]), value, span)
            return
        elif noun := NAMING_NOUN.search(text[max(0, m.start() - 30) : m.start()]):
            self.emit(m, noun["noun"], canonical_key(noun["noun"]), value, span)
            return
        elif sym in symbols:
            key = symbols[sym]
            other = OTHER_NOUN.search(text[max(0, m.start() - 40) : m.start()])
            things = THINGS_FOR.search(text[max(0, m.start() - 30) : m.start()])
            if things and singular(things["noun"]) not in key:
                other = things
            if other and names_other(other["noun"], key):  # "sticky actions with a probability of p"
                name = f"{other['noun']} {sym}"
                self.emit(m, name, canonical_key(other["noun"]), value, span, flagged=OTHER_QUANTITY)
                return
        elif conventional := conventional_key(sym, sentence_around(text, m.start(), m.end())):
            key = conventional  # "Q-learning with parameters γ = 0.8": the letter's standard meaning
        elif reading := read_assigned(before, text[m.end("value") : m.end("value") + 40], sym, value):
            self.emit(m, reading.name, reading.key, value, span, reading.flagged, reading.context)
            return
        elif SETTING_VERB.search(
            lead := _EARLIER_ITEMS.sub("", text[max(0, m.start() - 160) : m.start()])
        ) or _set_in_words(text, m) or chosen:
            # "set as λ_depth = 0.1 and λ_voxel = 2": a word subscript names the symbol; a bare letter's name
            # is a guess unless the paper says it chose it ("we use α = 0.1", "α = 30 is a good choice")
            named = WORD_SUBSCRIPT.fullmatch(sym) or WE_SET.search(lead[-60:]) or chosen
            named = named or _EXPERIMENT_SCOPE.search(lead[-40:])  # "In the experiment, A is set to 32"
            self.emit(m, sym, symbol_key(sym), value, span, flagged=not named and LETTER_ONLY)
            return
        else:
            return
        self.emit(m, sym, key, value, span)

    def symbol_sets(self) -> None:
        """'curves for ε ∈ {10^-4, 10^-3, 10^-2}': a sweep, read like an assignment (an index set 'i ∈ {1, 2}'
        of small whole numbers is none)."""
        for m in SYM_IN_SET.finditer(self.text):
            group = next(g for g in ("value", "list", "grid", "sgrid") if m[g])
            value = m["value"].replace("]", "") if m["value"] else m[group]
            sym = m["sym"] or m["lsym"] or m["gsym"] or m["ssym"]
            values = normalize_value(value)
            if not isinstance(values, list) or all(
                isinstance(v, float) and abs(v) == int(abs(v)) < 10
                for v in values  # y ∈ {−1, 1}
            ):
                continue
            before, after = self.text[max(0, m.start() - 60) : m.start()], self.text[m.end() : m.end() + 12]
            reading = read_assigned(before, after, sym)
            span = m.span(group)
            if re.search(rf"@\s*{re.escape(sym)}\b", sentence_around(self.text, m.start(), m.end())):
                self.emit(m, sym, symbol_key(sym), value, span, flagged=_METRIC_CUTOFF)
                continue
            if reading and self.free(*span):
                name, key, flagged, ctx = reading
                self.emit(m, name, key, value, span, flagged, ctx)
            elif self.free(*span):  # values swept for a symbol the sentence does not name: the run's sweep
                self.emit(m, sym, symbol_key(sym), value, span)

    def not_assigned(self, m: re.Match[str], before: str) -> bool:
        """Zero, a 1 not introduced as a setting, a product's value, a factor, a loop's start."""
        text, value = self.text, normalize_value(m.group("value"))
        return (
            value == 0.0
            or (value == 1.0 and not explicit_one(before, text[m.end("value") : m.end("value") + 30]))
            or bool(PRODUCT_BEFORE.search(text[max(0, m.start() - 4) : m.start()]))
            or bool(RANGE_START.match(text, m.end("value")))
            or bool(FACTOR_AFTER.match(text, m.end("value")))
            or bool(GREEK_FACTOR.match(text, m.end("value")))  # "b = 2 ι": a product with a symbol
            or bool(re.match(r"\s*[−+-]\s*[^\d\s.,;)]", text[m.end("value") :]))  # "a = 1 − ι": a formula
            or bool(_SCALED_AFTER.match(text, m.end("value")))  # "Q = 0.4 |D|", "D = 2 . 10^3"
            or bool(_SET_BUILDER.search(before))  # "X = { x_k : k = 0, 1, 2, 3 }": an index the set runs over
        )

    def schedule_words(self) -> None:
        """'a cosine learning rate schedule', 'a linear noise schedule', 'an inverse square root schedule'."""
        for m in SCHEDULE.finditer(self.text):
            adverb = m["dval"] or m["dval2"]  # 'exponentially decaying the learning rate'
            learning = any(m[g] for g in ("lr", "cos", "lr2", "lval2", "aval", "named", "kval")) or adverb
            sentence = sentence_around(self.text, m.start(), m.end())
            # a decay of what ("a linear decay schedule", "a polynomial decay"): the rate (said, or with a
            # warmup), or ε, or a spectrum ("the polynomial decay of the spectral envelope")?
            decay_alone = m["lval2"] and m[0].lower().endswith("decay")
            rate_named = _about_a_learning_rate(sentence) or _WARMUP.search(sentence)
            if (decay_alone or m["decay"]) and not rate_named:
                continue
            if adverb and any(not (o["dval"] or o["dval2"]) for o in SCHEDULE.finditer(sentence)):
                continue  # 'exponentially decaying ... with a cosine schedule': the schedule's own name wins
            if m["decay"]:
                if m["decay"] == "decay" and _AVERAGED.search(sentence):
                    continue  # "the EMA decays exponentially": the average's decay, not the rate's
                learning = True
            # "the learning rate is annealed ... with a cosine schedule"
            # "the AdamW optimiser with a linear schedule": a schedule beside an optimiser is its rate's
            learning = learning or bool(OPTIMIZER.search(sentence) and not _NOISE_WORDS.search(sentence))
            key = "lr_schedule" if learning or _about_a_learning_rate(sentence) else "noise_schedule"
            named = _SCHEDULER[m["named"][:6].lower()] if m["named"] else None
            value = m.group(1) or next((m[g] for g in _SCHEDULE_VALUES if m[g]), None) or named or adverb
            self.emit(m, m.group(0), key, value, m.span())

    def keywords(self) -> None:
        """Settings named by a word: optimizer, schedules, activation, normalization, objective, search."""
        text = self.text
        for m in OPTIMIZER.finditer(text):
            value = next(v for v in m.groups() if v)
            self.emit(m, "optimizer", "optimizer", value, m.span())
        self.schedule_words()
        for m in STRIDE_NAMED.finditer(text):
            self.emit(m, "stride", "stride", m.group("value"), m.span("value"))
        by_word = (
            (ACTIVATION, "activation"),
            (NORMALIZATION, "normalization"),
            (OBJECTIVE, "objective"),
            (LOSS, "loss"),
            (KERNEL, "kernel"),
        )
        for rx, word in by_word:
            for m in rx.finditer(text):
                groups = m.groupdict()
                group = next((g for g in _WORD_GROUPS if groups.get(g)), None)  # the one holding the value
                value = groups[group] if group else ""
                gate = word == "activation" and GATE.search(text[max(0, m.start() - 40) : m.start()])
                fixed = bool(gate) and "a gate's nonlinearity, fixed by the cell"
                spelled = word == "activation" and _SPELLED_OUT.match(text, m.start("value"))
                if spelled and re.search(r"[A-Z][a-z]+\s+$", text[max(0, m.start() - 20) : m.start("value")]):
                    value = spelled["acronym"]  # 'Gaussian Error Linear Units (GELU)'
                if word == "activation" and value.lower() == "softmax":
                    fixed = "a softmax makes outputs probabilities: the output layer's, not the hidden one"
                if word == "loss" and (read := self.loss_read(m, value, group)) is None:
                    continue
                if word == "loss":
                    value, fixed = read
                self.emit(m, word, word, value, m.span(), flagged=fixed)
        for m in (m for rx in TERM_WEIGHTS for m in rx.finditer(text)):
            if self.free(*m.span("value")):
                what = "weight" if m["what"].lower().startswith(("weight", "scal", "multipl")) else m["what"]
                name = f"{m['term']} {what}"
                shown = f"{name} {m['sym']}" if m.groupdict().get("sym") else name
                self.emit(m, shown, canonical_key(name), m["value"], m.span("value"))
        for m in SEARCH.finditer(text):
            self.emit(m, "hyperparameter search", "hyperparameter_search", m.group(1), m.span())
        for m in KNN.finditer(text):
            self.emit(m, "k-NN graph", "knn_graph_k", m["value"], m.span())
        for m in INITIALIZATION.finditer(text):
            self.emit(m, "initialization", "initialization", m["value"] or m["named"], m.span())

    def loss_read(self, m: re.Match[str], value: str, group: str | None) -> tuple[str, str | bool] | None:
        """A loss match's value (read from `group`) and doubt; None when it names no loss the paper uses
        ('... report MSE and cross-entropy loss', no verb of use)."""
        text = self.text
        sentence = sentence_around(text, m.start(), m.end())
        if group == "and" and not _USED_BEFORE.search(sentence[:80]):
            return None
        fixed: str | bool = False
        if _COMPARED.search(sentence):
            fixed = "a loss the sentence compares with another: maybe a baseline's"
        at = m.start(group) if group else m.start()
        if _EITHER_LOSS.match(text, m.end()) or _OR_BEFORE.search(text, 0, at):
            fixed = "one of two losses the sentence offers ('X or Y loss'), not a stated choice"
        return (f"{value} loss" if _LOSS_WORD.fullmatch(value) else value), fixed  # 'the squared loss'

    def repeated_runs(self) -> None:
        """'Repeating each experiment independently for 500 iterations': the repeated experiment's runs
        ('repeat the update for 5 iterations' is an inner loop: left to the counts)."""
        for m in REPEATS.finditer(self.text):
            if m["rep"] and _REPEATED_WHOLE.fullmatch(m["what"] or "") and self.free(*m.span()):
                self.emit(m, "runs", "num_runs", m["value"], m.span())

    def repetitions(self) -> None:
        """How often the experiments are run: folds, repeats, restarts, evaluation episodes, the seeds."""
        text = self.text
        for m in FOLDS.finditer(text):
            self.emit(m, "cross-validation folds", "cv_folds", m["value"] or m["over"] or m["bare"], m.span())
        for m in FEW_SHOT.finditer(text):
            kind = m["kind"].lower()
            if kind == "way" and not re.search(r"shots?\b", sentence_around(text, m.start(), m.end()), re.I):
                continue  # "2-way feature interactions", "a two-way ANOVA": no few-shot task
            self.emit(m, f"{kind}s (few-shot)", f"num_{kind}s", m["value"], m.span("value"))
        for m in REPEATS.finditer(text):  # "repeat this resampling 1,000 times": the number of resamples
            if m["rep"]:
                continue  # read before the counts (repeated_runs)
            key = "num_resamples" if (m["what"] or "").startswith("resampl") else "num_runs"
            key = "num_restarts" if (m["unit"] or "").lower() == "restarts" else key
            value = m["value"] or m["over"] or m["each"] or m["again"]
            self.emit(m, key.removeprefix("num_"), key, value, m.span())
        for m in EVAL_EPISODES.finditer(text):
            self.emit(m, "evaluation episodes", "num_eval_episodes", m["value"], m.span("value"))
        for m in SEED_LIST.finditer(text):
            self.emit(m, "random seeds", "seed", m["value"].strip("{} "), m.span("value"))

    def phrases(self) -> None:
        """Settings stated in a fixed turn of phrase: '10,000 most common words', 'layers of size 128'."""
        for rx, key, name in PHRASE_RES:  # an interval's level says how results are reported: a candidate
            for m in rx.finditer(self.text):
                g = "value" if m["value"] is not None else "value2"  # a phrase may have two turns
                if self.free(*m.span(g)):
                    level = key == "confidence_level" and "how results are reported, not a setting"
                    self.emit(m, name, key, m[g], m.span(g), flagged=level)
        for m in SET_SIZE.finditer(self.text):  # "set the word embedding to size 128"
            key = canonical_key(f"{m['noun']} size")
            if self.free(*m.span("value")):
                guessed = key not in SYNONYMS and UNKNOWN_SIZE
                self.emit(m, f"{m['noun']} size", key, m["value"], m.span("value"), flagged=guessed)
        for m in SAMPLED_SET.finditer(self.text):
            if self.free(*m.span("value")):
                name = f"{m['noun']} set size"
                self.emit(m, name, canonical_key(name), m["value"], m.span("value"))
        for m in PART_SIZE.finditer(self.text):
            if self.free(*m.span("value")):
                key = PART_KEY[re.sub(r"\s+", " ", m["noun"].lower())]
                self.emit(m, key.replace("_", " "), key, m["value"], m.span("value"))

    def counted(self) -> None:
        """'8D capsules' (each capsule's size), 'split the test set in ten parts', 'we sample m = 10000
        points'."""
        for m in DIM_LAYER.finditer(self.text):
            if int(m["value"]) >= 4 and self.free(*m.span("value")):
                self.emit(m, f"{m['noun']} width", "hidden_size", m["value"], m.span("value"))
        for m in DIM_NOUN.finditer(self.text):
            if int(m["value"]) >= 4 and self.free(*m.span("value")):
                noun = "embedding" if m["source"] else singular(m["noun"])  # "100-dimensional GloVe vectors"
                name = f"{noun} dimension"
                self.emit(m, name, canonical_key(name), m["value"], m.span("value"))
        for m in SPLIT_PARTS.finditer(self.text):
            if self.free(*m.span("value")):
                self.emit(m, "number of splits", "num_splits", m["value"], m.span("value"))
        for m in SAMPLED_COUNT.finditer(self.text):  # "we sample m = 10000 points", "we sample 100 paths"
            if self.free(*m.span("value")):
                name = f"{m['noun']} {m['sym'] or ''}".strip()
                made = bool(re.search(r"\bgenerat", m[0], re.I)) and "a count of generated data (its size?)"
                self.emit(m, name, canonical_key(m["noun"]), m["value"], m.span("value"), flagged=made)

    def formulas(self) -> None:
        """'we use n(t) = N/100 (1+0.1t)^1/2': a schedule stated as a formula of the step is reported as
        that formula, for the agent to confirm; none of its numbers is read as the setting's value."""
        for m in FORMULA_SETTING.finditer(self.text):
            if m["t"] not in m["value"] or not self.free(*m.span("value")):
                continue  # "n(t) = B": a constant, read as an assignment elsewhere
            base = self.symbols.get(m["sym"], m["sym"])
            name = f"{m['sym']}({m['t']}) schedule"
            self.emit(m, name, f"{base}_schedule", m["value"], m.span("value"), flagged=FORMULA)

    def intervals(self) -> None:
        """'evaluated at every 500,000 frames' (evaluation_interval_frames), 'four steps of downsampling'."""
        for m in itertools.chain(INTERVAL.finditer(self.text), INTERVAL_FIRST.finditer(self.text)):
            target = m.groupdict().get("target")
            opening = "target" if target else m["what"].lower()  # 'we update the target network every'
            what = next(v for k, v in INTERVAL_OF.items() if opening.startswith(k))
            unit = m["unit"].lower()
            if self.free(*m.span("value")):
                self.emit(m, f"{what} interval", f"{what}_interval_{unit}", m["value"], m.span("value"))
        for m in STEPS_OF.finditer(self.text):
            what, unit = m["what"].lower(), m["unit"].lower()
            if self.free(*m.span("value")) and not rejected(self.text, *m.span("value"), 2.0):
                key = canonical_key(f"{what} {unit}")
                self.emit(m, f"{unit} of {what}", key, m["value"], m.span("value"))

    def set_it(self) -> None:
        """'the exploration parameter matters little; we set it to 0.6': the name earlier in the sentence."""
        text = self.text
        for m in SET_IT.finditer(text):
            left = max(
                (s.end() for s in SENTENCE_START.finditer(text, max(0, m.start() - 300), m.start())),
                default=max(0, m.start() - 300),
            )
            names = [n for n in re.finditer(NAME, text[left : m.start()], re.I)]
            key = canonical_key(names[-1]["name"]) if names else None
            if key and key not in WORD_VALUED | COUNT_ONLY and self.free(*m.span("value")):
                self.emit(m, names[-1]["name"], key, m["value"], m.span("value"))

    def peaks(self) -> None:
        """'warmed up over 2,000 steps to a peak of 3e-4': the learning rate, before '2,000 steps ... 3e-4'
        is read as a count."""
        for m in PEAK.finditer(self.text):
            if ABOUT_LR.search(sentence_around(self.text, m.start(), m.end())):
                self.emit(m, "peak learning rate", "learning_rate", m["value"], m.span("value"))

    def rate_phases(self) -> None:
        """'the learning rate schedule: 10^-2 for 80 epochs, and 10^-3 for 40 epochs': each phase's rate, its
        length as context (two phases or more in a sentence about the learning rate)."""
        for start, end in sentence_spans(self.text):
            if not ABOUT_LR.search(self.text, start, end):
                continue
            phases = [
                m
                for m in RATE_PHASE.finditer(self.text, start, end)
                if isinstance(v := normalize_value(m["value"]), float) and 0 < v < 1
            ]
            for m in phases if len(phases) >= 2 else ():
                if self.free(*m.span("value")):
                    phase = f"for {m['ctx']}"
                    self.emit(m, "learning rate", "learning_rate", m["value"], m.span("value"), context=phase)

    def schedules(self) -> None:
        """A learning rate stated by its schedule's start, a decay by its factor and milestones."""
        text = self.text
        if not ABOUT_LR.search(text):
            return
        for m in SCHEDULE_START.finditer(text):
            for v, ctx in (("value", "ctx"), ("value2", "ctx2")):
                if m[v] and self.free(*m.span(v)):
                    self.taken.update(range(*m.span(v)))
                    line, quote = self.line_at(m.start()), sentence_around(text, m.start(), m.end())
                    self.out.add(
                        line, "learning rate", "learning_rate", m[v], self.where, quote, context=m[ctx]
                    )
        for m in DECAY_FACTOR.finditer(text):
            if OTHER_DECAY.search(text, max(0, m.start() - 40), m.start()):  # 'the ϵ-decay rate': another's
                continue
            if self.free(*m.span("value")) and ABOUT_LR.search(sentence_around(text, m.start(), m.end())):
                self.emit(m, "learning rate decay factor", "lr_decay", m["value"], m.span("value"))
        self.periodic_decays()
        for m in PLATEAU_DECAY.finditer(text):
            lr = ABOUT_LR.search(sentence_around(text, m.start(), m.end()))
            if lr and self.free(*m.span("half" if m["half"] else 0)):
                half = ("0.5", m.span("half")) if m["half"] else None
                factor, span = half or (str(_decay_factor(m)), m.span("value"))
                self.emit(m, "learning rate decay factor", "lr_decay", factor, span)
                self.emit(m, "learning rate schedule", "lr_schedule", "reduce on plateau", m.span("plateau"))
        for m in STEP_DECAY.finditer(text):
            if not ABOUT_LR.search(sentence_around(text, m.start(), m.end())) or not self.free(*m.span()):
                continue
            factor = _decay_factor(m)
            ms = "ms" if m["ms"] else "ms2"
            unit = (m["unit"] or m["unit2"]).lower().rstrip("s") + "s"
            milestones = "[" + ", ".join(re.findall(NUM, m[ms])) + "]"
            self.emit(m, "learning rate decay factor", "lr_decay", str(factor), m.span("value"))
            # a short name: the checklist title keeps the unit (the config counts milestones in it)
            self.emit(m, f"lr milestones ({unit})", "lr_milestones", milestones, m.span(ms))
        for m in LR_DECAYED_BY.finditer(text):
            if self.free(*m.span("value")):
                self.emit(m, "learning rate decay factor", "lr_decay", str(_decay_factor(m)), m.span("value"))

    def annealed(self) -> None:
        """'ε annealed from 1.0 to 0.1 over the first 1M frames': its start, its end and the steps between."""
        for m in ANNEALED.finditer(self.text):
            if not self.free(*m.span("start")):
                continue
            name = GREEK.get(m["name"], m["name"]).lower()
            name = "kl weight" if "kl" in name.split() else name  # 'the weight of the KL term'
            key = re.sub(r"\s+", "_", name)
            self.emit(m, f"initial {name}", f"{key}_start", m["start"], m.span("start"))
            self.emit(m, f"final {name}", f"{key}_end", m["end"], m.span("end"))
            if m["over"]:
                unit = "epochs" if m["unit"].lower() == "epochs" else "steps"
                self.emit(m, f"{name} annealing {unit}", f"{key}_anneal_{unit}", m["over"], m.span("over"))

    def switched_off(self) -> None:
        """'SGD without momentum', 'no weight decay': a setting said to be off is 0."""
        for m in SWITCHED_OFF.finditer(self.text):
            if self.free(*m.span("off")):
                self.emit(m, f"no {m['name'].lower()}", canonical_key(m["name"]), "0", m.span("off"))

    def periodic_decays(self) -> None:
        """'multiplied by 0.85 for every 5000 steps': the decay factor, and its period in steps or epochs."""
        text = self.text
        for m in (*PERIODIC_DECAY.finditer(text), *PERIOD_FIRST_DECAY.finditer(text)):
            if not ABOUT_LR.search(sentence_around(text, m.start(), m.end())) or not self.free(*m.span()):
                continue
            factor = 0.5 if m["half"] else _decay_factor(m)
            unit = "epochs" if m["unit"].lower().startswith("epoch") else "steps"
            span = m.span("half") if m["half"] else m.span("value")
            self.emit(m, "learning rate decay factor", "lr_decay", str(factor), span)
            period, where = ("1", m.span("unit"))
            if m["period"]:
                period, where = m["period"] + (m["k"] or ""), m.span("period")
            shown = "episodes" if m["unit"].lower().startswith("episode") else unit  # an episode is a step
            self.emit(m, f"learning rate decay every ({shown})", f"lr_decay_{unit}", period, where)

    def compounds(self) -> None:
        """A setting the synonym table does not know: 'fingerprint depth 6'."""
        for m in COMPOUND.finditer(self.text):
            noun = singular(m["noun"].lower())
            if (
                noun in NOT_A_SETTING
                or noun in GENERIC_NOUNS  # "Adam with the default parameters β_1 = 0.9": the symbol names it
                or NOT_A_NOUN.search(noun)  # "implemented with parameters γ = 0.8": a verb, not a name
                or not self.free(*m.span("value"))
                or rejected(self.text, *m.span("value"), normalize_value(m["value"]))
            ):
                continue
            name, key = f"{m['noun']} {m['attr']}", canonical_key(f"{noun} {m['attr']}")
            if noun in _COMPARATIVES:  # 'fewer parameters (18M as opposed to 118M)': the parameters' count
                name, key = m["attr"], canonical_key(m["attr"])
            elif m["attr"].lower().startswith("parameter"):
                owner = _SETTING_WITH_BEFORE.search(self.text, max(0, m.start() - 60), m.start())
                known = canonical_key(noun) in SYNONYMS  # 'a patience parameter of 5' is the patience
                key = canonical_key(owner["name"] if owner and not known else noun)
            if noun in PART_KEY and m["attr"].lower() in ("size", "width"):
                key = PART_KEY[noun]  # "all hidden layers have size 100"
            self.emit(m, name, key, m["value"], m.span("value"))

    def emit_named(self, found: Iterable[Named]) -> None:
        """Each value another module read with its name and key (hp_compact.py, hp_phrased.py), unless its
        span is taken or the value is no setting ('fewer than 50')."""
        for f in found:
            m, span, value = f.match, f.match.span("value"), f.match["value"]
            first = re.match(SCALAR, value)
            if not self.free(*span) and first and self.free(span[0], span[0] + first.end()):
                value, span = first[0], (span[0], span[0] + first.end())  # '0.01 and 8 parallel envs'
            if self.free(*span) and not rejected(self.text, *span, normalize_value(value)):
                self.emit(m, f.name, f.key, value, span, context=f.context)


def prose_matches(  # noqa: PLR0913
    text: str, line_at, symbols: dict[str, str], out: Collector, where: str, legend: bool = False
) -> None:
    text, grids = unmark_grids(text)
    before = len(out.items)
    _ProseScan(text, line_at, symbols, out, where, legend).run()
    new = out.items[before:]
    add_choices(new, grids)
    raised_after_first_phase(text, new)
    out.items[before:] = new


# a symbol with a word for subscript set equal to the count that follows: 'run for n_critic = 100 iterations'
_WORD_NAMED = re.compile(r"(?<![\w\\])([A-Za-z]_\{?[a-z]{3,}\}?)\s*=\s*$")


def _word_named(text: str, at: int) -> str | None:
    m = _WORD_NAMED.search(text, max(0, at - 40), at)
    return m[1] if m else None


_SCHEDULE_VALUES = ("cval", "lval", "lval2", "aval", "kval")  # the groups of SCHEDULE that hold a name
_COMPARATIVES = frozenset({"fewer", "more", "less", "few", "many", "several"})


# "λ = 10^-3 is a reasonable choice", "α = 30 appears to be a decent trade-off": a choice, said after
_CHOSEN_AFTER = re.compile(
    r"\s*(?:is|was|seems|appears)\s+(?:to\s+be\s+)?(?:a|the|our)\s+(?:\w+\s+)?"
    r"(?:reasonable|good|decent|sensible|best|suitable|optimal|preferred)\s+(?:choice|trade-?off|compromise|value)\b",
    re.I,
)
# "L2 weight decay with penalty parameter 0.001": the parameter of the setting named before it
_SETTING_WITH_BEFORE = re.compile(rf"{NAME}\s+with\s+(?:an?\s+|the\s+)?$", re.I)
# "In our experiments, K is set to 5": a sentence the paper opens as its runs' setting
_EXPERIMENT_SCOPE = re.compile(
    r"\b(?:in|for|throughout)\s+(?:all\s+(?:of\s+)?)?(?:the|our|these|this|each)?\s*(?:experiments?|simulations?)"
    r"\s*,\s*$",
    re.I,
)
_SET_BUILDER = re.compile(r"\{[^{}]{0,40}[:|∣]\s*$")


def _an_index(m: re.Match[str]) -> bool:
    """A one-word singular noun of the things a count counts, right before a whole number ('arm 1'), names
    one of them ('depth 6' is a measure, not a thing counted)."""
    name, key = m["name"].strip().lower(), canonical_key(m["name"])
    counted = (key in COUNT_KEYS or key.startswith("num_")) and name in key
    return counted and " " not in name and not name.endswith("s") and m["value"].strip().isdigit()


def _decay_factor(m: re.Match[str]) -> float | str | list:
    """The factor a decay multiplies the rate by: 'divided by 10' and 'reduced by a factor of 10' -> 0.1,
    'multiplied by 0.85' -> 0.85, 'decreased by 90%' -> 0.1 (what is taken off, not what is left)."""
    factor = 0.5 if m["value"].lower().endswith("half") else normalize_value(m["value"])
    if isinstance(factor, float) and m["value"].rstrip().endswith("%") and not m["mul"] and factor < 1:
        return clean_float(1 - factor)
    if isinstance(factor, float) and factor > 1 and not m["mul"]:
        factor = clean_float(1 / factor)
    return factor
