"""The names of hyperparameters: canonical keys and the names papers write for them, the words a value
may be (optimizers, activations, schedules), and `canonical_key` mapping a written name to its key."""

from __future__ import annotations

import re
import unicodedata

# canonical key -> names as papers write them (lower case; plurals and hyphen/space variants are matched too)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "learning_rate": (
        "learning rate",
        "lr",
        "step size",
        "stepsize",
        "base learning rate",
        "initial learning rate",
        "peak learning rate",
        "max learning rate",
    ),
    "batch_size": (
        "batch size",
        "minibatch size",
        "mini batch size",
        "batchsize",
        "global batch size",
        "minibatches of size",
        "batches of size",
        "mini batches of size",
        "mini batches are of size",
        "minibatches are of size",
        "minibatch",  # 'a minibatch of 1,024 examples' ('minibatch 3', an index, is read as none)
        "mini batch",
        "samples per minibatch",  # 'number of samples per minibatch | 256'
        "samples per mini batch",
        "samples per batch",
        "examples per batch",
    ),
    "training_steps": (
        "training steps",
        "training iterations",
        "iterations",
        "iters",
        "steps",
        "gradient steps",
        "updates",
        "training updates",
        "optimization steps",
        "minibatches",
    ),
    "epochs": ("epochs", "epoches", "training epochs", "num epochs"),
    "weight_decay": (
        "weight decay",
        "wd",
        "l2 penalty",
        "l2 regularization",
        "l2 weight decay",
        "regularization weight",
        "regularization term",
        "l2 weight",  # 'the l2 weight λ', 'L2 regularization strength'
        "l2 coefficient",
        "l2 regularization weight",
        "l2 regularization coefficient",
        "l2 regularization strength",
    ),
    # how weights are initialised: 'Weight Initialisation | Kaiming', 'Xavier normal initialization'
    "initialization": (
        "initialization",
        "weight initialization",
        "weight init",
        "initializer",
        "weight initializer",
    ),
    "dropout": (
        "dropout",
        "dropout rate",
        "dropout probability",
        "pdrop",
        "p drop",
        "dropout layer",
        "drop out",
        "drop out rate",
        "drop out layer",
    ),
    "warmup_steps": (
        "warmup",
        "warmup steps",
        "warm up steps",
        "warmup iterations",
        "linear warmup",
        "linear warmup steps",
        "learning rate warmup",
    ),
    "warmup_epochs": ("warmup epochs", "warm up epochs"),
    "warmup_ratio": ("warmup ratio", "warm up ratio", "warmup proportion", "warmup fraction"),
    "optimizer": ("optimizer", "optimiser"),
    "hidden_size": (
        "hidden size",
        "hidden units",
        "neurons",
        "hidden neurons",
        "hidden nodes",
        "memory cells",
        "cells per layer",  # a recurrent layer's width: '2 layers and 1024 cells per layer'
        "lstm cells",
        "gru cells",
        "hidden dimension",
        "hidden dim",
        "hidden state size",
        "dimension of hidden state",
        "dimension of the hidden state",
        "dimensions of hidden states",
        "dimensions of the hidden states",
        "hidden state dimension",
        "hidden layer size",
        "layer size",
        "hidden layer shape",  # 'hidden layer shapes = [256, 256, 256]': each layer's width
        "layer shape",
        "units",
        "width",
        "model dimension",
        "d model",
        "dmodel",
    ),
    "ffn_dim": (
        "feed forward dimension",
        "feedforward dimension",
        "ffn dimension",
        "ffn",
        "mlp dimension",
        "inner dimension",
        "intermediate size",
        "dff",
        "d ff",
    ),
    "num_layers": (
        "layers",
        "number of layers",
        "nlayers",  # n_layers as a PDF prints it, its underscore lost
        "depth",
        "hidden layers",
        "num hidden layers",
        "stacked layers",
        "transformer blocks",
    ),
    "num_heads": ("heads", "attention heads", "number of heads", "nheads", "nhead"),
    # word2vec, contrastive and ranking losses: how many negatives each positive is scored against
    "negative_samples": (
        "negative samples",
        "negative sampling size",
        "neg sampling size",
        "number of negative samples",
        "number of negatives",
    ),
    # tree ensembles: a tree's depth is no network's layers
    "max_depth": ("max depth", "maximum depth", "tree depth", "maximum tree depth", "max tree depth"),
    "num_trees": ("trees", "number of trees", "n estimators", "number of estimators", "boosting rounds"),
    "drop_path_rate": ("drop path rate", "drop path", "stochastic depth", "stochastic depth rate"),
    "mixup_alpha": ("mixup alpha", "mixup α"),
    "gae_lambda": ("gae lambda", "gae λ", "gae", "gae parameter"),
    "patience": ("patience", "early stopping patience"),
    "commitment_cost": ("commitment cost", "commitment weight", "commitment loss weight"),
    "codebook_size": ("codebook size", "codebook entries", "number of codes", "size of the codebook"),
    "subsample": ("subsample", "subsample ratio", "subsampling ratio", "row subsampling"),
    "embedding_dim": (
        "embedding dimension",
        "embedding size",
        "embedding dim",
        "embedding dimensionality",
        "embedded dimension",
        "embedded size",
    ),
    "gradient_clipping": (
        "gradient clipping",
        "gradient norm clipping",
        "clip norm",
        "max grad norm",
        "maximum gradient norm",
        "maximum norm",
        "gradient clip",
        "gradient norm",
        "global norm",
        "global gradient norm",
        "grad clip",
        "gradient norm clip",
        "grad norm clip",
        "clip grad norm",
        "max norm threshold",  # 'gradient clipping applied using a max norm threshold of 0.1'
        "gradient clipping threshold",
        "gradient clipping max norm",
        "gradient clipping norm",
        "clipping norm",
    ),
    # truncated backpropagation through time: how many steps a recurrent net is unrolled for
    "unroll_steps": (
        "unroll steps",
        "unroll length",
        "unrolled steps",
        "temporal steps to unroll",
        "bptt length",
    ),
    "momentum": ("momentum", "momentum factor", "momentum term"),
    "beta1": ("beta1", "β1"),
    "beta2": ("beta2", "β2"),
    "epsilon": ("epsilon", "adam epsilon"),
    "ema_rate": ("ema rate", "ema decay", "ema", "exponential moving average", "ema rates"),
    "diffusion_steps": ("diffusion steps", "timesteps", "noise steps", "diffusion timesteps"),
    "sampling_steps": (
        "sampling steps",
        "denoising steps",
        "inference steps",
        "decoding steps",
        "decoding iterations",
    ),
    "noise_schedule": ("noise schedule", "variance schedule", "beta schedule", "schedule"),
    "lr_schedule": ("learning rate schedule", "lr schedule", "learning rate scheduler", "lr scheduler"),
    # how the learning rate rises during warmup: 'warmup schedule | linear' (no noise schedule)
    "warmup_schedule": ("warmup schedule", "warm up schedule", "warmup type", "warmup method"),
    # the share of the data held out: 'a validation fraction of 0.1', 'a test ratio of 20%'
    "train_split": ("train split", "training split", "train fraction", "training fraction", "train ratio"),
    "validation_split": ("validation split", "validation fraction", "validation ratio"),
    "test_split": ("test split", "test fraction", "test ratio", "test proportion"),
    "lr_decay": (
        "learning rate decay",
        "lr decay",
        "learning rate decay factor",
        "lr decay factor",
        "learning rate reduction factor",
        "lr reduction factor",
    ),
    # the length of an audio or video excerpt a model is trained on
    "segment_length": ("segment length", "chunk length", "clip length", "excerpt length", "segment duration"),
    "lr_decay_steps": (
        "learning rate decay steps",
        "lr decay steps",
        "decay steps",
        "lr step size",
        "learning rate decay interval",
        "lr decay interval",
    ),
    # PyTorch's StepLR calls the period its step size
    "lr_decay_epochs": (
        "learning rate decay epochs",
        "lr decay epochs",
        "decay epochs",
        "lr step epochs",
        "lr step size",
    ),
    "sequence_length": (
        "sequence length",
        "context length",
        "max sequence length",
        "max seq length",
        "sequence size",
        "max sequence size",
        "sequence lengths",
        "sub sequence length",  # truncated backpropagation through time: "sub-sequences of length 200"
        "subsequence length",
    ),
    "kernel_size": (
        "kernel size",
        "filter size",
        "filter width",
        "kernel width",
        "convolution size",
        "kernel of size",
        "filters of size",
        "convolution window",
        "convolutional window",
        "convolutional kernel size",
        "convolution kernel size",
        "convolutional filter size",
    ),
    "num_features": ("features", "feature dimension", "number of features"),
    "input_dim": ("input size", "input dimension", "input dim"),
    "base_channels": (
        "channels",
        "base channels",
        "base channel dimension",
        "base channel dim",
        "channel width",
        "filters",
        "output channels",
        "out channels",
        "convolutional kernels",
        "convolution kernels",
        "convolutional filters",
        "feature maps",
    ),
    "num_res_blocks": ("residual blocks", "resblocks", "res blocks", "resnet blocks"),
    "num_conv_blocks": ("convolutional blocks", "conv blocks", "convolution blocks"),
    # a GAN's critic steps per generator step
    "n_critic": ("critic iterations", "critic updates", "discriminator updates", "discriminator iterations"),
    "num_parameters": ("parameters", "params", "number of parameters"),
    "seed": ("random seed", "seed"),  # one seed's value; "5 random seeds" counts runs
    "num_runs": ("runs", "random seeds", "seeds", "repetitions", "repeats", "trials", "replications"),
    "num_particles": ("particles", "number of particles"),
    "thinning": ("thinning", "thinning interval", "thinning factor"),
    "ensemble_size": ("ensemble size", "ensemble members", "size of the ensemble"),
    "num_resamples": ("resamples", "bootstrap resamples", "bootstrap replicates", "bootstrap samples"),
    "num_inducing_points": ("inducing points", "inducing variables"),
    "num_leapfrog_steps": ("leapfrog steps",),
    "burn_in": ("burn in", "burnin", "burn in iterations", "burn in steps", "burn in period"),
    "num_walkers": ("walkers", "number of walkers", "mcmc walkers"),  # an ensemble sampler's chains (emcee)
    "lengthscale": ("length scale", "lengthscale", "kernel lengthscale", "kernel length scale"),
    "bandwidth": ("bandwidth", "kernel bandwidth"),
    "num_arms": ("arms", "number of arms"),
    "objective": ("objective", "loss", "training objective", "loss function"),
    "activation": (
        "activation",
        "activation function",
        "nonlinearity",
        "activations",
        "activation functions",
    ),
    "normalization": ("normalization", "normalisation", "normalization layer", "normalisation layer"),
    "label_smoothing": ("label smoothing", "label smoothing factor"),
    "temperature": ("temperature",),
    "top_k": ("top-k", "top k", "top-k sampling"),
    "top_p": ("top-p", "top p", "nucleus", "top-p sampling", "nucleus sampling", "nucleus threshold"),
    "beam_size": ("beam size", "beam width", "number of beams"),
    "discount_factor": ("discount factor", "discount", "gamma"),
    "num_experts": ("experts",),
    # normalizing flows: how many flow transformations are stacked
    "num_flow_layers": (
        "flow layers",
        "normalizing flow layers",
        "flow steps",
        "steps of flow",
        "number of flows",
    ),
    "latent_dim": (
        "latent dimension",
        "latent size",
        "latent dim",
        "code size",
        "latent dimension size",
        "latent dimensionality",
        "latent space dimension",
        "noise dimension",  # a GAN's input noise is its latent code: 'a 100-dimensional noise vector'
        "noise vector dimension",
    ),
    "state_dim": ("state dimension", "state space dimension", "state size", "state dim"),
    "exploration": ("exploration", "exploration parameter", "exploration rate", "exploration constant"),
    "width_factor": ("width factor", "widening factor", "width multiplier"),
    "lr_milestones": ("milestones", "lr milestones", "learning rate milestones"),
    "vocab_size": ("vocabulary size", "vocab size"),
    "image_size": ("image size", "resolution", "image resolution", "image resize", "input resolution"),
    "crop_size": ("crop size", "random crop size"),
    # augmentations, keyed by what the transform takes (hp_augment.py)
    "crop_padding": ("crop padding", "random crop padding"),
    "rotation_degrees": (
        "rotation degrees",
        "rotation range",
        "random rotation",
        "random rotation degrees",
    ),
    "augmentation_shift": (
        "random translation",
        "translation range",
        "translation pixels",
        "random shift",
        "shift range",
        "random shift pixels",
    ),
    "augmentation_zoom": (
        "zoom range",
        "random zoom",
        "scale range",
        "scaling range",
        "random scaling range",
        "random scaling",
        "random scale",
    ),
    "horizontal_flip_probability": ("horizontal flip probability", "random horizontal flip probability"),
    "vertical_flip_probability": ("vertical flip probability", "random vertical flip probability"),
    "flip_probability": ("flip probability", "random flip probability"),
    "color_jitter": ("color jitter", "colour jitter", "color jittering", "color jitter strength"),
    "cutout_size": ("cutout size", "cutout"),
    "patch_size": ("patch size",),
    "stride": ("stride", "convolution stride"),
    "padding": ("padding", "zero padding", "zero-padding", "convolution padding"),
    "margin": ("margin", "hinge margin", "triplet margin", "loss margin"),
    "replay_buffer_size": ("replay buffer", "replay buffer size", "replay memory", "replay memory size"),
    "target_update_frequency": (
        "target update frequency",
        "target network update frequency",
        "target update interval",
        "target network update interval",
        "target update period",
    ),
    "exploration_fraction": ("exploration fraction",),
    "window_size": ("window size", "window sizes", "window length", "context window size", "context window"),
    "hop_size": ("hop size", "hop length", "frame shift", "window shift", "frame hop"),
    "lora_r": ("lora rank", "lora r", "rank of lora"),
    "lora_alpha": ("lora alpha", "lora scaling factor"),
    "queue_size": ("queue size", "queue length", "memory queue size"),
    "num_envs": ("parallel environments", "parallel actors", "parallel workers", "environment instances"),
    "gradient_accumulation_steps": (
        "gradient accumulation steps",
        "accumulation steps",
        "gradient accumulation",
    ),
    "effective_batch_size": (
        "effective batch size",
        "effective minibatch size",
        "effective mini-batch size",
        "effective batch",
    ),
    "horizon": ("horizon", "episode horizon", "time horizon", "planning horizon"),
    "max_episode_steps": (
        "episode length",
        "max episode length",
        "max episode steps",
        "episode steps",
        "steps per episode",
        "time steps per episode",
        "timesteps per episode",
    ),
    # how many episodes an agent trains for ('500 training episodes'; a bare 'N episodes' also counts
    # results: hp_phrase_table reads 'trained for N episodes'), and blocks of a flow or a network
    "num_episodes": ("training episodes", "number of episodes"),
    "num_blocks": ("blocks", "flow blocks", "coupling blocks", "coupling layers"),
    "frame_skip": ("frame skip", "frameskip", "action repeat", "action repeats"),
    "mask_ratio": ("mask ratio", "masking ratio", "masking rate", "mask rate"),
    "sticky_action_probability": (
        "sticky actions",
        "sticky action probability",
        "repeat action probability",
        "sticky-action probability",
    ),
    "population_size": ("population size",),
    # a sampling planner's inner loop (CEM, MPPI): its iterations, samples per iteration and elites
    "num_elites": ("elites", "elite candidates", "elite samples", "elite set size", "number of elites"),
    "samples_per_iteration": ("samples per iteration", "candidates per iteration", "candidate samples"),
    "optimization_iterations": ("optimization iterations", "planning iterations", "cem iterations"),
    # policy-gradient losses: PPO's clip, the entropy bonus, the value loss's weight
    "clip_range": (
        "clip range",
        "clipping range",
        "clip ratio",
        "clipping parameter",
        "clip parameter",
        "ppo clip",
        "clipping epsilon",  # PPO's ε: 'Clipping ϵ | 0.2'
        "clipping ε",
        "clip epsilon",
    ),
    "entropy_coefficient": (
        "entropy coefficient",
        "entropy bonus",
        "entropy coef",
        "entropy coeff",
        "entropy regularization",
    ),
    "value_loss_coefficient": ("value loss coefficient", "value coefficient", "value function coefficient"),
    "length_penalty": ("length penalty",),
    # a diffusion U-Net's widths per level and where it attends
    "channel_mult": ("channel multipliers", "channel multiplier", "channel mult", "channel multiplication"),
    "attention_resolutions": ("attention resolutions", "attention resolution"),
    "init_scale": ("initialization scale", "initialisation scale", "init scale", "initialization std"),
}

# names that are themselves symbols ('d_ff', 'P_drop' printed run together): a symbol after one is the next
# column of a header row ('dff h dk'), not its name
SYMBOL_NAMES = {"dff", "d ff", "dmodel", "d model", "pdrop", "p drop"}

# keys whose value is a size on a grid: "32 × 32" is one value, not a count times another
SIZE_KEYS = {"image_size", "crop_size", "patch_size", "kernel_size", "pool_size", "window_size", "stride"}

# keys whose value may come before the name ("200K training iterations", "four attention heads")
COUNT_KEYS = {
    "num_inducing_points",
    "num_leapfrog_steps",
    "burn_in",
    "num_envs",
    "gradient_accumulation_steps",
    "training_steps",
    "epochs",
    "warmup_steps",
    "hidden_size",
    "num_layers",
    "num_heads",
    "negative_samples",
    "num_walkers",
    "diffusion_steps",
    "sampling_steps",
    "num_features",
    "base_channels",
    "num_res_blocks",
    "num_conv_blocks",
    "num_parameters",
    "num_runs",
    "num_experts",
    "num_resamples",
    "num_arms",
    "num_trees",
    "num_particles",
    "ensemble_size",
    "num_elites",
    "samples_per_iteration",
    "optimization_iterations",
    "num_blocks",
}
STANDARD_KEYS = (
    "optimizer",
    "learning_rate",
    "batch_size",
    "training_steps",
    "epochs",
    "weight_decay",
    "lr_schedule",
    "warmup_steps",
)
"""Settings every training run needs: make_checklist lists them as unstated when the paper gives no value."""

OPTIMIZERS = (
    "adamw",
    "adam",
    "sgd",
    "rmsprop",
    "adagrad",
    "adadelta",
    "adafactor",
    "lamb",
    "lars",
    "adamax",
    "nadam",
    "lbfgs",
    "l-bfgs",
    "adabelief",
    "radam",
    "adabound",
    "yogi",
    "lion",
    "novograd",
)
CHOICES = {
    "noise_schedule": ("linear", "cosine", "quadratic", "sigmoid", "constant", "exponential"),
    "warmup_schedule": ("linear", "cosine", "constant", "exponential"),
    "activation": (
        "relu",
        "tanh",
        "gelu",
        "silu",
        "swish",
        "elu",
        "selu",
        "prelu",
        "swiglu",
        "geglu",
        "glu",  # a gated linear unit
        "leaky relu",
        "leaky-relu",
        "leakyrelu",
        "leaky rectified linear",
        "rectified linear",
        "exponential linear",  # "an exponential linear unit": ELU
        "hyperbolic tangent",
        "rectifier",
        "sigmoid",
        "sigmoidal",
        "softplus",
        "softmax",
        "linear",
        "exponential",
        "mish",
    ),
    "normalization": (
        "batch normalization",
        "layer normalization",
        "group normalization",
        "instance normalization",
        "weight normalization",
        "batchnorm",
        "layernorm",
        "groupnorm",
        "batch norm",
        "layer norm",
    ),
}
RESULT_WORDS = re.compile(
    r"\b(accurac(?:y|ies)|fid|bleu|nll|perplexit(?:y|ies)|bits|errors?|scores?|auc|likelihoods?|precision|recall|"
    r"rouge|f1|psnr|ssim|(?-i:IS)|top-1|top-5|speedup|throughput|seconds|hours|gpus?|tpus?|regrets?|"
    # retrieval and ranking: R@1, Hits@10, NDCG@5, the median and mean rank, MRR, mAP
    r"(?-i:MedR|MRR|mAP|MAP)|median\s+rank|mean\s+rank|confusion\s+matri(?:x|ces))\b|\b[A-Za-z]{1,9}@(?:\d{1,3}|[Kk])\b",
    re.I,
)
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "a hundred": 100,
    "one hundred": 100,
    "two hundred": 200,
    "three hundred": 300,
    "five hundred": 500,
    "a thousand": 1000,
    "one thousand": 1000,
    "ten thousand": 10000,
}
# 'thirty-two', 'sixty four': the tens with their units
WORD_NUMBERS |= {
    f"{tens}{sep}{unit}": WORD_NUMBERS[tens] + WORD_NUMBERS[unit]
    for tens in ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
    for sep in ("-", " ")
}
SCALE = {"k": 1e3, "m": 1e6, "b": 1e9, "thousand": 1e3, "million": 1e6, "billion": 1e9}
_GREEK_NAMES = (
    "alpha beta gamma delta epsilon epsilon zeta eta theta theta iota kappa lambda mu nu xi omicron pi rho "
    "rho sigma sigma tau upsilon phi phi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega"
)
GREEK = dict(zip("αβγδεϵζηθϑικλμνξοπρϱσςτυφϕχψωΓΔΘΛΞΠΣΦΨΩ", _GREEK_NAMES.split(" "), strict=True))

# distributions a paper names by word: 'Gamma(0.1, 0.3)' parameterises one, never sets γ (hp_priors.py)
DISTRIBUTIONS = {
    "gamma",
    "beta",
    "dirichlet",
    "normal",
    "gaussian",
    "poisson",
    "bernoulli",
    "uniform",
    "laplace",
    "exponential",
    "binomial",
    "multinomial",
    "categorical",
    "cauchy",
    "lognormal",
    "weibull",
}
WORD_VALUED = {"optimizer", "activation", "normalization", "noise_schedule", "lr_schedule", "objective"}
WORD_VALUED |= {"initialization", "warmup_schedule"}
COUNT_ONLY = {"num_parameters", "num_features", "num_runs"}  # "120M parameters", never "parameters 120M"

# ------------------------------------------------------------------------------------------ names


def _norm_name(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).lower().replace("_", " ").replace("-", " ")  # 'ℓ2' is 'l2'
    text = re.sub(r"[^\w\sβ]", " ", text)
    text = re.sub(r"^(the|a|an)\s+", "", text.strip())
    text = re.sub(r"^(number\s+of|num|n|no\s+of|of|total)\s+", "", text)  # "# of layers", "No. of epochs"
    # 'fewer parameters', 'many more layers': a comparison's words are no part of the name
    text = re.sub(r"^(?:(?:significantly|much|many|far)\s+)?(?:fewer|more|less)\s+", "", text)
    text = re.sub(r"\b(?:dim|dimensionality)\b", "dimension", text)  # 'state_dim' is 'state dimension'
    text = re.sub(r"\bemb(?:ed)?\b", "embedding", re.sub(r"\bhid\b", "hidden", text))  # 'Emb. Dim.', 'embed.'
    text = re.sub(r"\beval\b", "evaluation", text)
    text = re.sub(r"\b([lℓ])\s*\{?\s*([12])\s*\}?(?=\s|$)", r"\1\2", text)  # 'L_2 regularization' is 'L2 ...'
    # British spelling: 'normalisation', 'initialisation', 'regularisation', 'optimiser' (not 'noise', 'rise')
    text = re.sub(r"(?<=[a-z]{3}i)s(ations?|ers?)\b", r"z\1", text)
    text = re.sub(r"\blr\b(?=\s+\w)", "learning rate", text)  # 'lr scaling' is 'learning rate scaling'
    return re.sub(r"\s+", " ", text).strip()


def singular(text: str) -> str:
    """'layers' -> 'layer'; 'loss', 'basis', 'radius', 'bias' stay."""
    return text[:-1] if re.search(r"(?<!bi)[^siu]s$", text) else text


_INDEX: dict[str, str] = {}
for _key, _names in SYNONYMS.items():
    for _n in (*_names, _key):
        _INDEX.setdefault(_norm_name(_n), _key)
        _INDEX.setdefault(singular(_norm_name(_n)), _key)


def canonical_key(name: str) -> str:
    """The canonical snake_case key of a hyperparameter name ('lr', 'Step size', 'minibatch_size' ...)."""
    # 'default regularization strength' is the setting itself
    n = re.sub(r"^default\s+(?=\S)", "", _norm_name(name))
    if lr_end := _lr_endpoint(n):
        return lr_end
    # 'label smoothing constant', 'dropout value': a known setting and a word for its value
    measured = re.sub(r"\s+(?:value|values|constant|coefficient|parameter|setting)$", "", n)
    for cand in (n, singular(n), re.sub(r"^(max|maximum|initial|base|total)\s+", "", n), measured):
        if cand in _INDEX:
            key = _INDEX[cand]
            if key in ("diffusion_steps", "sampling_steps") and re.match(r"\s*total\s", name, re.I):
                return "training_steps"  # 'Total timesteps': the run's length
            return key
    head = _head_noun(n)
    if head != n and singular(head) in _INDEX:
        return _INDEX[singular(head)]
    if end := _ENDPOINT.fullmatch(n):  # 'ε initial', 'epsilon final': where a schedule starts and ends
        base = re.sub(r"\s+", "_", GREEK.get(end["base"], end["base"]))
        return f"{base}_{'start' if end['at'] in ('initial', 'init', 'start') else 'end'}"
    return re.sub(r"\s+", "_", n) or "unnamed"


_ENDPOINT = re.compile(r"(?P<base>\S.*?)\s+(?P<at>initial|init|start|final|end)")
_LR_ENDS = re.compile(  # matched once 'learning rate' is written 'lr'
    r"(?:(?P<pre>initial|init|start|starting|final|end|min|minimum|lowest)\s+)?lr"
    r"(?:\s+(?P<post>initial|init|start|final|end|min|minimum))?"
)


def _lr_endpoint(n: str) -> str | None:
    """The two ends of a learning-rate schedule under one key whichever side the word stands ('learning rate
    final', 'lr min', 'final learning rate' -> min_learning_rate; 'lr initial' -> learning_rate)."""
    m = _LR_ENDS.fullmatch(n.replace("learning rate", "lr"))
    at = m and (m["pre"] or m["post"])
    if not at:
        return None
    return "learning_rate" if at in ("initial", "init", "start", "starting") else "min_learning_rate"


def own_key(name: str) -> str:
    """The key of a name the vocabulary may lack: its known key, else its own words in snake_case
    ('--lr' -> learning_rate, 'relation dim' -> relation_dim)."""
    key = canonical_key(name)
    words = unicodedata.normalize("NFKC", name).lower()
    return key if key in SYNONYMS else re.sub(r"\W+", "_", words).strip("_")


def loop_key(count: str, per: str) -> str | None:
    """'epochs' per 'update' -> 'epochs_per_update': a count of an inner loop, not the run's length; None
    when the count is not the run's ('units per layer')."""
    if canonical_key(count) not in ("epochs", "training_steps"):
        return None
    count = re.sub(r"^(?:the\s+)?number\s+of\s+", "", count, flags=re.I)  # 'number of steps' counts steps
    return re.sub(r"\W+", "_", f"{count} per {per}".lower()).strip("_")


def _head_noun(n: str) -> str:
    """A name without what only qualifies it: 'iterations per game' -> 'iterations', 'mcmc iterations k' ->
    'mcmc iterations' (a symbol after the name), 'temperature parameter' -> 'temperature'."""
    n = re.sub(r"\s+per\s+[a-z]+$", "", n)
    n = re.sub(r"(?<=[a-z]{3})\s+[a-z]$", "", n)
    return re.sub(r"(?<=[a-z]{3})\s+(?:parameter|coefficient)$", "", n)
