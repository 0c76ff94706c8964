"""Settings a paper states in a fixed turn of phrase, with no name from the synonym table: "the 10,000 most
common words", "filters of size 5 × 5", "a patience of 10 epochs". Each entry is (pattern, key, name)."""

from __future__ import annotations

import re

from tools.analysis.hp_normalize import NUM, SCALAR, SUFFIXED, WORDNUM
from tools.analysis.hp_patterns import APPLIED, SYM

_N = rf"(?P<value>{NUM})"
# a size with all its sides ("32 × 32", "3 × 3 × 3"), never begun at its second side
_SIDES = r"(?<![\w.,×])(?<!×\s)\d+(?:\s*[×x]\s*\d+)+"
_NUM_SIDES = rf"(?:{NUM})(?:\s*[×x]\s*(?:{NUM}))+"
_DRAWN_BY = (
    r"\b(?:produced?|generated?|draw|drew|drawn|computed\s+(?:using|with|on|from)|trained\s+(?:with|on|for))\s+"
    r"(?:only\s+)?"
)
# a count: "10,000", "4k", "ten"
_WORD = rf"(?P<value>{SUFFIXED}|{NUM}|(?:{WORDNUM})\b)"
_WORD2 = rf"(?P<value2>{SUFFIXED}|{NUM}|(?:{WORDNUM})\b)"  # the same, in a phrase's second turn
# a share of the data set apart for one part of a run: split, held out, used, assigned
_SPLIT_LEAD = (
    r"\b(?:split|splits|separat\w*|divid\w*|partition\w*|h[eo]ld\w*|set\s+aside|us(?:e|ed|ing)|select\w*|"
    r"sampl\w*|reserv\w*|assign\w*|kept|keep|allocat\w*)\b[^.;]{0,60}?"
)
_OF_DATA = (
    r"(?:of\s+(?:the\s+|our\s+|each\s+)?(?:[a-z-]+\s+)?(?:data|dataset|data\s+set|examples|samples|images|set)\s+)?"
)
# a learning rate a schedule lowers: "decaying the learning rate", "the learning rate is annealed"
_LR_DECAYED = (
    r"\b(?:(?:decay|anneal|reduc|decreas|lower|drop)\w*\s+(?:the\s+)?(?:learning\s+rate|lr)"
    r"|(?:learning\s+rate|lr)\s+(?:(?:is|was)\s+)?(?:\w+ly\s+)?(?:decay|anneal|reduc|decreas|lower|drop)\w*"
    r"(?:\s+(?:linearly|exponentially|gradually|smoothly))?)"
)
# a sentence where the paper runs something, up to the phrase: 'we sampled ...', 'we test on ...'
_RUNS_ON = (
    r"\bwe\s+(?:\w+\s+)?(?:use[sd]?|sampled?|generated?|consider(?:ed)?|test(?:ed)?|run|ran|evaluated?|"
    r"experiment(?:ed)?|train(?:ed)?|simulated?|construct(?:ed)?|create[sd]?)\b[^.;]{0,80}?"
)
# the parts a data set is split into, and each one's key
_SPLIT_PARTS = ((r"train(?:ing)?", "train"), (r"validation", "validation"), (r"test(?:ing)?", "test"))
# what early stopping counts while it waits for an improvement
_CHECKS = r"(?:epochs?|evaluations?|validation\s+checks?|iterations?|steps?|rounds?)"  # 'after one epoch'

# LoRA, or the words it stands for
_LORA = r"(?:\blora\b|\blow-rank\s+adapt(?:er|ers|ation)\b)"
_PHRASES = (
    # "the learning rate ... set to exponentially decay to 0.001", "α_0 = 0.025, 50,000 epoch decay to
    # 0.0075": where a decaying rate ends
    (
        r"(?:\b(?:learning\s+rate|lr|step\s+size)\b|(?<!\w)[αη]_?\{?0\}?(?!\w))(?:[^.;]|\.\d){0,80}?"
        # ('..., decay to 5e-6 and momentum to 0.95': a list's item 'decay', set to its own value)
        r"(?<![,;]\s)\b(?:decay(?:s|ed|ing)?|anneal(?:s|ed|ing)?)\s+(?:(?:linearly|exponentially|gradually)\s+)?"
        rf"(?:down\s+)?to\s+(?P<value>{SCALAR})(?![\w.]\d|\s*(?:epochs?|steps?|iterations?|%))",
        "min_learning_rate",
        "final learning rate",
    ),
    # "we train the agent for 1M time steps", "each algorithm is run for 10000 time-steps": the run's length
    # (a window 'of 50 time steps' is another thing)
    (
        r"\b(?:train\w*|run|runs|ran)\b[^.;]{0,40}?\bfor\s+"
        rf"(?P<value>{SUFFIXED}|{NUM})\s+(?:environment\s+|env\s+)?time[\s-]?steps\b",
        "training_steps",
        "training time steps",
    ),
    # "we subsample the videos from 15 fps down to 1 fps", "frames sampled at 2 fps": the rate frames are
    # taken at (a rate the data was recorded at is no choice: 'the camera records at 30 fps')
    (
        r"\b(?:(?:sub|down-?|re)?sampl\w*|extract\w*|decimat\w*)\b[^.;]{0,60}?\b(?:down\s+to|to|at)\s+"
        rf"(?P<value>{NUM})\s*(?:fps|frames\s+per\s+second)\b",
        "frame_rate",
        "frame rate",
    ),
    # "an annealing of 0.995 on the learning rate": the factor a schedule multiplies the rate by
    (
        rf"\b(?:annealing|decay)\s+(?:factor\s+|rate\s+)?of\s+(?P<value>{SCALAR})\s+(?:on|for|of|to)\s+"
        r"(?:the\s+)?(?:learning\s+rate|lr|step\s+size)\b",
        "lr_decay",
        "learning rate annealing",
    ),
    # "early stopping with a patience of 10 epochs", "stop once the validation loss has not improved for 5
    # epochs", "if the accuracy could not be improved in 20 epochs": how long training waits, not how long it
    # runs
    (
        rf"\bpatience\s+(?:of\s+|=\s*|:\s*)?{_WORD}\s+"
        rf"{_CHECKS}\b"
        r"|\b(?:not|no\s+longer|fails?\s+to|failed\s+to)\s+(?:be(?:en)?\s+)?(?:improved?|beaten|bettered|surpassed)\s+"
        r"(?:for|in|over|within|during|after)\s+"
        rf"{_WORD2}\s+(?:consecutive\s+|successive\s+)?{_CHECKS}\b",
        "patience",
        "early stopping patience",
    ),
    # "reduce the rate when the loss plateaus for 3 epochs", "with 3 epoch patience": a plateau schedule's
    # patience
    (
        rf"\bplateau(?:s|ed)?\s+(?:for|over)\s+{_WORD}\s+(?:consecutive\s+|successive\s+)?{_CHECKS}\b"
        rf"|(?<![\w.,])(?P<value2>{NUM})[\s-]+(?:epoch|iteration|step|evaluation)s?\s+(?:of\s+)?patience\b",
        "patience",
        "plateau patience",
    ),
    # "reduced by a factor of 0.5 when there is no improvement in the validation loss for 5 epochs" (a rule;
    # 'we observed no improvement after 200 epochs' is a result)
    (
        r"\b(?:in\s+case|if|when|whenever|until|once)\s+(?:there\s+(?:is|was)\s+)?no\s+improvement\s+"
        r"(?:(?:in|of|on)\s+(?:the\s+)?(?:[\w-]+\s+){1,3}?)?(?:for|in|over|within|during|after)\s+"
        rf"{_WORD}\s+(?:consecutive\s+|successive\s+)?{_CHECKS}\b",
        "patience",
        "plateau patience",
    ),
    # "we stop training when the validation likelihood fails to increase after 20 epochs" (a sentence on
    # stopping: 'the loss did not decrease for 5 epochs' alone may describe a run)
    (
        r"\bstop[^.;]{0,80}?\b(?:not|no\s+longer|fails?\s+to|failed\s+to)\s+(?:increased?|decreased?)\s+"
        rf"(?:for|in|over|within|during|after)\s+{_WORD}\s+(?:consecutive\s+|successive\s+)?{_CHECKS}\b"
        # ('stopping upon convergence or no improvements after 100 consecutive epochs')
        r"|\bstop[^.;]{0,80}?\bno\s+(?:further\s+)?improvements?\s+(?:for|in|over|within|during|after)\s+"
        rf"{_WORD2}\s+(?:consecutive\s+|successive\s+)?{_CHECKS}\b",
        "patience",
        "early stopping patience",
    ),
    # "Conv1d (kernel 3, stride 2, padding 1)", "with a receptive field of 5 × 5": a convolution's kernel
    (
        r"\(\s*kernel\s+(?P<value>\d{1,2}(?:\s*[×x]\s*\d{1,2})?)(?=\s*,\s*stride\b)"
        r"|\breceptive\s+field\s+(?:of|is|was)\s+(?P<value2>\d{1,2}\s*[×x]\s*\d{1,2})(?![\d×x])",
        "kernel_size",
        "kernel size",
    ),
    # "a ReduceLROnPlateau scheduler (factor 0.5, patience 10 epochs)": the factor a plateau cuts the rate by
    (
        r"\b(?:ReduceLROnPlateau|reduce[\s-]on[\s-]plateau|plateau)\b[^.;]{0,40}?\bfactor\s+(?:of\s+|=\s*)?"
        rf"(?P<value>{SCALAR})(?![\w.]\d)",
        "lr_decay",
        "learning rate decay factor",
    ),
    # "2 × 2 max pooling", "max pooling with a 3 × 3 window", "pooling layers used 2 × 2 windows"
    (
        rf"(?P<value>{_SIDES})\s+(?:(?:max|average|avg|mean)[\s-]?)?pool(?:ing)?\b"
        r"|\bpool(?:ing)?(?:\s+layers?|\s+operations?)?\s+(?:with|of|using|used?|uses)\s+(?:an?\s+)?"
        r"(?:(?:window|kernel|filter|size)\s+(?:(?:size|dimension)\s+)?(?:of\s+)?(?:(?:size|dimension)\s+)?)?"
        r"(?P<value2>\d+(?:\s*[×x]\s*\d+)+)",
        "pool_size",
        "pooling window",
    ),
    # "the agent observes through a 15 × 15 window": a window's size, where no pooling took it
    (
        rf"\b(?:a|an|with|and|used?|uses|of)\s+(?P<value>{_SIDES})\s+windows?\b",
        "window",
        "window",
    ),
    # "we hold out 10% of the training data for validation": the validation split
    (
        r"\b(?:h[eo]ld(?:ing)?[\s-]+out|set\s+aside|reserve[sd]?|(?:randomly\s+)?(?:select|sample|use)[sd]?)\s+"
        rf"(?P<value>(?:{NUM})\s?%)\s+of\s+(?:the\s+|our\s+|each\s+)?(?:training\s+)?"
        r"(?:data|set|examples|samples|images|dataset|fold)\b[^.;]{0,40}?\b(?:for|as)\s+(?:a\s+|the\s+)?"
        r"validation\b",
        "validation_split",
        "validation split",
    ),
    # "we separated 80% of the dataset for training, 10% for validation and the remaining 10% for testing"
    *(
        (
            rf"{_SPLIT_LEAD}(?P<value>(?:{NUM})\s?%)\s+{_OF_DATA}(?:for|as)\s+(?:the\s+|a\s+)?{part}\b"
            + (rf"|\bremaining\s+(?P<value2>(?:{NUM})\s?%)\s+(?:as\s+|for\s+)?(?:the\s+)?{part}\b" * last),
            f"{key}_split",
            f"{key} split",
        )
        for part, key in _SPLIT_PARTS
        for last in [key == "test"]
    ),
    # the passive: "80% of it was used as the train data and the remaining 20% was used as the test data"
    *(
        (
            rf"(?<![\w.])(?:the\s+)?(?:remaining\s+|other\s+)?(?P<value>(?:{NUM})\s?%)\s+(?:of\s+(?:[\w-]+\s+){{1,3}}?)?"
            rf"(?:was|were|is|are)\s+(?:then\s+)?(?:used|kept|reserved|held\s+out)\s+(?:as|for)\s+(?:the\s+|a\s+)?{part}\b",
            f"{key}_split",
            f"{key} split",
        )
        for part, key in _SPLIT_PARTS
    ),
    # "we divided the data into training (90%, N=1,712) and validation (10%, N=190) sets": a share in brackets
    *(
        (
            rf"\b(?:split|splits|splitting|divid\w*|partition\w*)\b[^.;]{{0,80}}?\b{part}\s+(?:set\s+)?"
            rf"\(\s*(?P<value>(?:{NUM})\s?%)",
            f"{key}_split",
            f"{key} split",
        )
        for part, key in _SPLIT_PARTS
    ),
    # "we split the dataset into a 80% training set and a 20% test set": each part's share, named after it
    *(
        (
            rf"\b(?:split|splits|splitting|divid\w*|partition\w*)\b[^.;]{{0,80}}?(?<![\w.])(?:an?\s+)?"
            rf"(?P<value>(?:{NUM})\s?%)\s+{part}(?:\s+(?:set|split|subset|data|portion))?\b",
            f"{key}_split",
            f"{key} split",
        )
        for part, key in _SPLIT_PARTS
    ),
    # "I withhold 10% of my data (2,789 images) for final evaluation", "I use 25% (6,274 images) for
    # validation": a share kept for one part, its count in brackets
    *(
        (
            r"\b(?:withh?[eo]ld\w*|h[eo]ld(?:s|ing)?\s+out|set\s+aside|reserve[sd]?|use[sd]?|keep|kept)\s+"
            rf"(?P<value>(?:{NUM})\s?%)(?:\s+of\s+(?:the\s+|our\s+|my\s+)?(?:data|dataset|images|samples))?"
            rf"(?:\s*\([^()]{{1,30}}\))?\s+(?:for|as)\s+(?:the\s+|a\s+)?(?:final\s+)?{part}\b",
            f"{key}_split",
            f"{key} split",
        )
        for part, key in (*_SPLIT_PARTS, (r"evaluation", "test"))
    ),
    # "a 20% portion of the training data is used as hold-out validation dataset"
    (
        rf"(?<![\w.])(?P<value>(?:{NUM})\s?%)\s+(?:portion|share|fraction|part|subset)\s+of\s+(?:the\s+)?"
        r"(?:training\s+)?(?:data|set|dataset|examples|samples)\b[^.;]{0,40}?\b(?:for|as)\s+(?:a\s+|the\s+)?"
        r"(?:hold-?out\s+|held-?out\s+)?validation\b",
        "validation_split",
        "validation split",
    ),
    # "we hold out 10% of the training data": a share kept from training to validate on
    (
        r"\bh[eo]ld(?:s|ing)?\s+out\s+(?:about\s+|approximately\s+|roughly\s+)?(?P<value>(?:\d+(?:\.\d+)?)\s?%)\s+of\s+"
        r"(?:the\s+|our\s+)?(?:training|train)\s+(?:data|set|examples|samples|images)\b"
        r"(?![^.;]{0,40}\b(?:test|testing)\b)",
        "validation_split",
        "validation split",
    ),
    # "the discriminator is updated 5 times per generator update", "5 critic steps per generator step"
    (
        rf"\b(?:discriminator|critic)\s+(?:is\s+|was\s+)?(?:updated|trained)\s+{_WORD}\s+"
        r"times\s+(?:per|for\s+(?:each|every))\s+generator\b"
        r"|(?<![\w.])(?P<value2>\d+)\s+(?:discriminator|critic)\s+(?:updates|steps|iterations)\s+"
        r"(?:per|for\s+(?:each|every))\s+generator\b",
        "n_critic",
        "discriminator updates per generator update",
    ),
    # "a vocabulary of 5000 BPE units": the vocabulary's size (its 'units' are no layer's)
    (
        r"\bvocabular(?:y|ies)\s+(?:size\s+)?(?:of|with|consists\s+of|contains|containing|comprises|has)\s+"
        rf"(?P<value>(?:{NUM})(?:\s?[kKM]\b|\s+(?:thousand|million|billion)\b)?)"
        r"(?:\s+(?:[\w-]+\s+)?(?:units|tokens|words|sub-?words|pieces|merges|types|entries))?(?![\w.,]\d)",
        "vocab_size",
        "vocabulary size",
    ),
    # "80-dimensional log-Mel filterbank features", "a 128-band melspectrogram": the number of Mel bands the
    # audio is read in
    (
        rf"(?<![\w.]){_N}(?:-dimensional|-dim|-channel|-band|-bin)?\s*(?:log[\s-]?)?mel[\s-]?(?:scale\s+)?"
        r"(?:filter[\s-]?banks?|fbanks?|spectrograms?|features|bins|bands|channels)\b",
        "num_mel_bins",
        "Mel bands",
    ),
    # "a 25 ms window and a 10 ms shift": the analysis window and its hop
    (
        r"(?<![\w.])(?P<value>\d+(?:\.\d+)?\s?ms)\s+(?:(?:hamming|hann(?:ing)?|analysis|sliding)\s+)?windows?\b",
        "window_size",
        "analysis window",
    ),
    # "a 10 ms shift", "spectrograms were computed every 10 ms": the hop between frames
    (
        r"(?<![\w.])(?P<value>\d+(?:\.\d+)?\s?ms)\s+(?:frame\s+)?(?:shift|hop|stride)\b"
        r"|\b(?:spectrograms?|frames?|features|MFCCs?|filter[\s-]?banks?)\s+(?:were|are|is|was)\s+"
        r"(?:computed|extracted|calculated|taken)\s+every\s+(?P<value2>\d+(?:\.\d+)?\s?ms)\b",
        "hop_size",
        "window hop",
    ),
    # "we randomly selected a 2-second segment", "4 s crops": the length of an audio or video excerpt
    (
        r"(?<![\w.])(?P<value>\d+(?:\.\d+)?)(?:-|\s)(?:seconds?|s|sec)(?:-long)?\s+"
        r"(?:audio\s+|training\s+|random\s+)?(?:segments?|clips?|chunks?|excerpts?|crops?|snippets?)\b",
        "segment_length",
        "segment length (seconds)",
    ),
    # "training is done in bfloat16", "mixed precision (fp16)": the number format of training
    (
        r"\b(?:in|with|using|mixed[\s-]precision)\s+\(?(?P<value>bfloat16|bf16|float16|fp16|fp32|tf32)\b"
        # "FP16 mixed-precision training", "bf16 mixed precision": the format before the words
        # ... or 'bfloat16 automatic mixed precision', 'bf16 AMP'
        r"|(?<![\w-])(?P<value2>bfloat16|bf16|float16|fp16|tf32)\s+(?:(?:automatic\s+)?mixed[\s-]precision|AMP)\b",
        "precision",
        "numeric precision",
    ),
    # "a queue of 65536 negative keys": the size of a memory queue
    (
        rf"\b(?:a|the|our)\s+(?:memory\s+|dictionary\s+|feature\s+)?queue\s+(?:of|with)\s+(?:size\s+)?{_N}\b",
        "queue_size",
        "queue size",
    ),
    # "episodes are truncated at 27,000 steps", "200 episodes of 500 steps each": an episode's length
    (
        r"\bepisodes?\s+(?:are|is|were|was)\s+(?:truncated|terminated|capped|limited|cut|reset)\s+(?:at|after|to)\s+"
        rf"(?:a\s+maximum\s+of\s+)?{_N}\s+(?:steps|frames|time\s?steps|transitions|actions)\b"
        rf"|\bepisodes?\s+(?:of|lasting|lasts|with)\s+(?:at\s+most\s+|up\s+to\s+)?(?P<value2>{NUM})\s+"
        r"(?:steps|frames|time\s?steps|transitions)\b",
        "max_episode_steps",
        "episode length",
    ),
    # "n-step returns with n = 3", "3-step returns": the bootstrap horizon of the targets
    (
        rf"\b[nN]-step\s+(?:returns?|targets?|bootstrap\w*|TD|Q-learning|learning)\s+(?:with\s+)?[nN]\s*=\s*{_N}"
        r"|(?<![\w.])(?P<value2>\d{1,3})-step\s+(?:returns?|targets?|bootstrap\w*|TD)\b",
        "n_step",
        "n-step return length",
    ),
    # "an n-step return of 3"
    (
        rf"\b[nN]-step\s+(?:returns?|targets?|bootstrapping)\s+(?:length\s+)?(?:of|=)\s*{_N}(?!\d|\.\d)",
        "n_step",
        "n-step return length",
    ),
    # "truncated BPTT over 35 time steps": how far back gradients flow
    (
        r"\btruncated\s+(?:BPTT|back-?propagation\s+through\s+time)\s+(?:over|of|with|for)\s+"
        rf"{_N}\s+(?:time\s*-?steps|steps|tokens|frames)\b",
        "sequence_length",
        "truncated BPTT length",
    ),
    # "2 rounds of message passing", "3 message-passing steps": the graph network's propagation depth
    (
        rf"(?<![\w.,]){_WORD}\s+(?:rounds|steps|iterations|layers)\s+of\s+message[\s-]passing\b"
        rf"|(?<![\w.,]){_WORD2}\s+message[\s-]passing\s+(?:rounds|steps|iterations|layers)\b",
        "message_passing_steps",
        "message passing steps",
    ),
    # "learning starts after 50,000 steps": the transitions gathered before the first update
    (
        rf"\blearning\s+starts?\s+(?:only\s+)?(?:after|at)\s+{_N}\s+(?:steps|frames|transitions|samples)\b",
        "learning_starts",
        "steps before learning starts",
    ),
    # "we stack the last 4 frames", "4 stacked frames": the frames one observation holds
    (
        rf"\bstack(?:s|ed|ing)?\s+(?:the\s+)?(?:last\s+|most\s+recent\s+|previous\s+)?{_WORD}\s+(?:consecutive\s+)?frames\b"
        r"|(?<![\w.])(?P<value2>\d{1,2})\s+stacked\s+frames\b",
        "frame_stack",
        "stacked frames",
    ),
    # "the policy is evaluated every 5000 steps over 10 episodes": the episodes one evaluation averages
    (
        rf"\b(?:evaluat\w*|averag\w*)\b[^.;]{{0,60}}?\b(?:over|on|for|across|using)\s+{_N}\s+(?:test\s+|evaluation\s+)?"
        r"(?:episodes|rollouts|trajectories)\b",
        "num_eval_episodes",
        "evaluation episodes",
    ),
    # "sequences are truncated to 128 tokens": the longest input the model reads
    (
        r"\b(?:truncated?|truncating|clipped|limited|capped|padded\s+or\s+truncated)\s+(?:to|at)\s+"
        rf"(?:a\s+maximum\s+of\s+|at\s+most\s+)?{_N}\s+(?:tokens|words|sub-?words|word-?pieces|characters)\b",
        "sequence_length",
        "maximum sequence length",
    ),
    # "a momentum of 0.9 and a decay of 0.0005": a bare decay beside SGD's momentum is the weight decay
    (
        rf"\bmomentum\s+(?:of\s+|=\s*)?{SCALAR}\s*,?\s*(?:and\s+)?(?:an?\s+)?decay\s+(?:of\s+|=\s*)"
        rf"(?P<value>{SCALAR})",
        "weight_decay",
        "weight decay",
    ),
    # "images with 28×28 pixel resolution": the input's size
    (
        rf"(?P<value>{_SIDES})\s+(?:pixels?\s+|pixel-\s*)?resolution\b",
        "image_size",
        "image resolution",
    ),
    # "we train the policy using PPO for 100M steps": the RL algorithm the method trains with
    (
        r"\b(?:we\s+(?:use|adopt|employ)|(?:train|trains|trained|training|optimi[sz]e[sd]?)\b"
        r"[^.;]{0,60}?\b(?:using|with))\s+(?:the\s+)?"
        r"(?P<value>(?-i:PPO|SAC|TD3|DDPG|DQN|A2C|A3C|TRPO|IMPALA|REINFORCE|Rainbow|V-MPO|MPO|GRPO))(?![\w-])",
        "rl_algorithm",
        "reinforcement learning algorithm",
    ),
    # "a latent z ∈ R^2": the latent space's dimension
    (
        r"\blatent\s+(?:variables?\s+|codes?\s+|vectors?\s+|space\s+)?(?:[A-Za-zα-ω](?:_\w)?\s*)?∈\s*(?:R|ℝ)\s*\^?\s*\{?"
        r"(?P<value>\d{1,5})\}?(?![\d×x])",
        "latent_dim",
        "latent dimension",
    ),
    # "we clip gradients at a norm of 1.0", "gradients are clipped to a maximum L2 norm of 10", "we clip all
    # gradients to an absolute size of 5"
    (
        r"\b(?:clip(?:s|ped|ping)?\s+(?:the\s+|all\s+|every\s+|each\s+)?(?:gradients?|grads?)(?:\s+norms?)?|"
        r"(?:gradients?|grads?)(?:\s+norms?)?\s+(?:are|were|is|was)\s+clipped)\s+(?:at|to)\s+(?:an?\s+)?"
        rf"(?:(?:maximum|max|absolute)\s+)?(?:(?:l2|ℓ2|global)\s+)?(?:(?:norm|size|value|magnitude)\s+(?:of\s+)?)?"
        rf"{_N}(?!\d|\.\d|\s*%)",
        "gradient_clipping",
        "gradient clipping",
    ),
    # "we randomly mask 15% of the tokens": the share of the input masked
    (
        r"\bmask(?:s|ed|ing)?\s+(?:out\s+)?(?:randomly\s+)?(?P<value>(?:\d+(?:\.\d+)?)\s?%)\s+of\s+(?:the\s+)?"
        r"(?:\w+\s+)?(?:tokens|patches|words|pixels|frames|nodes|edges|features|positions|inputs)\b",
        "mask_ratio",
        "mask ratio",
    ),
    # "gradient accumulation over 8 steps", "we accumulate gradients over 4 batches"
    (
        r"\b(?:gradient\s+accumulation|accumulat(?:e|es|ed|ing)\s+(?:the\s+)?gradients?)\s+(?:over|for|across|of|with)\s+"
        rf"{_WORD}\s+(?:steps|batches|(?:micro|mini)-?batches|iterations|forward\s+passes)\b"
        # "batch size 4 with gradient accumulation 8"
        r"|\bgradient\s+accumulation\s+(?:steps\s+)?(?:of\s+)?(?P<value2>\d+)\b(?!\s*(?:%|steps|batches))",
        "gradient_accumulation_steps",
        "gradient accumulation steps",
    ),
    # "10 negative samples per positive pair": the negatives drawn for each positive
    (
        rf"(?<![\w.,]){_WORD}\s+negative\s+(?:samples|examples|pairs|items|instances)\b",
        "num_negative_samples",
        "negative samples",
    ),
    # "soft target updates with τ = 0.005", "Polyak averaging with a rate of 0.995": the target network's rate
    (
        r"\b(?:soft\s+(?:target\s+)?(?:network\s+)?updates?|polyak\s+averaging|target\s+(?:network\s+)?smoothing)"
        r"\s+(?:(?:with|using)\s+)?(?:(?:an?\s+)?(?:rate|coefficient|factor)\s+)?(?:(?:τ|tau)\s*=\s*|of\s+|=\s*)"
        rf"{_N}(?!\d|\.\d)",
        "target_update_rate",
        "soft target update rate",
    ),
    # "the 10,000 most common words": the vocabulary
    (
        rf"(?<![\w.,])(?:the\s+)?{_N}\s+most\s+(?:common|frequent)\s+(?:words|tokens|terms)\b",
        "vocab_size",
        "vocabulary size",
    ),
    # "padded to a fixed length of 1024 tokens", "sequences of length k = 30"
    (
        rf"\blength\s+of\s+{_N}\s+(?:tokens|characters|words|time\s?steps)\b",
        "sequence_length",
        "sequence length",
    ),
    # (a PDF joins a subscript to its symbol, "k_g" -> "kg", and a footnote mark to a full stop, "60.3 As")
    (
        rf"\bsequences\s+of\s+length\s+(?:(?:{SYM}|[a-zA-Z][a-z0-9]{{1,2}})\s*=\s*)?(?P<value>\d+(?:,\d{{3}})*)"
        r"(?!\w|,\d|\.\d(?!\s+[A-Z][a-z]))",
        "sequence_length",
        "sequence length",
    ),
    # "two convolutional layers each followed by max pooling", "with average-pooling"
    (
        rf"\b(?:{APPLIED}|and)\s+(?:a\s+)?(?:global\s+)?"
        r"(?P<value>max|average|mean)[\s-]pooling\b",
        "pooling",
        "pooling",
    ),
    # "The results for 20 Monte-Carlo simulations": how often the experiment was repeated
    (
        rf"(?<![\w.,]){_N}\s+(?:independent\s+)?Monte[\s-]Carlo\s+(?:simulations|runs|trials)\b",
        "num_runs",
        "Monte Carlo runs",
    ),
    # "50 experiments with different seeds", "5 runs with distinct random seeds": how often a setup was run
    (
        # ('we trained 10 models using different random seeds')
        rf"(?<![\w.,]){_N}\s+(?:independent\s+)?(?:experiments|runs|trials|repetitions|repeats|models|networks)\s+"
        r"(?:each\s+)?"
        r"(?:with|using|over|for)\s+(?:different|distinct|independent|varying)\s+(?:random\s+)?seeds\b",
        "num_runs",
        "runs",
    ),
    # "Gaussian noise with (the) standard deviation 0.5"
    (
        rf"\bnoise\s+(?:with\s+)?(?:a\s+|the\s+)?(?:standard\s+deviation|std)\s+(?:of\s+)?(?:σ\s*=\s*)?"
        rf"(?P<value>{SCALAR})",
        "noise_std",
        "noise standard deviation",
    ),
    # "optimized using 50 trials" (a hyperparameter search)
    (
        rf"\b(?:optimi[sz]ed|tuned|searched)\s+(?:\w+\s+){{0,4}}?(?:using|with|over|for)\s+{_N}\s+trials\b",
        "search_trials",
        "search trials",
    ),
    # "we produce 50K samples", "trained with 153.6M examples": samples drawn or seen, not a dataset's size
    # ("generated 5000 training samples" is the data set's size)
    (
        rf"{_DRAWN_BY}(?P<value>{SCALAR})\s+(?:generated\s+)?samples\b"
        rf"|\btrained\s+(?:with|on|for)\s+(?:only\s+)?(?P<value2>{SCALAR})\s+training\s+samples\b",
        "samples",
        "samples",
    ),
    (rf"{_DRAWN_BY}(?P<value>{SCALAR})\s+(?:training\s+)?examples\b", "examples", "examples"),
    # "trained for 50M frames", "for 50M and 100M frames", "evaluated for 100 episodes": a run's length
    (
        rf"\bfor\s+(?:up\s+to\s+|another\s+)?(?P<value>{SCALAR}(?:\s*(?:,|and|or)\s*{SCALAR})*)\s+"
        rf"(?:(?:environment|game|training)\s+)?frames\b",
        "training_frames",
        "frames",
    ),
    (
        rf"\b(?:for|(?:divided|split)\s+into)\s+(?:up\s+to\s+|another\s+)?"
        rf"(?P<value>{SCALAR}(?:\s*(?:,|and|or)\s*{SCALAR})*)\s+(?:(?:training|evaluation|test)\s+)?episodes\b",
        "num_episodes",
        "episodes",
    ),
    # "a moving average of all model parameters with the rate of 0.999", "EMA ... with a decay factor of 0.7",
    # "an exponential moving average of the online network with momentum 0.996"
    (
        r"\b(?:moving\s+average|EMA)\b[^.;]{0,60}?\b(?:rate|decay(?:\s+(?:factor|rate))?|momentum)\s+"
        r"(?:of\s+|=\s*)?(?P<value>0?\.\d+)\b",
        "ema_rate",
        "moving average rate",
    ),
    # "20 instances per batch", "K = 5 sequences per minibatch"
    (
        rf"(?<![\w.,])(?:{SYM}\s*=\s*)?{_N}\s+(?:[a-z]+\s+)?(?:instances|examples|samples|images|sequences|"
        r"graphs|molecules|episodes|trajectories)\s+(?:per|in\s+(?:a|each))\s+(?:mini-?)?batch\b",
        "batch_size",
        "batch size",
    ),
    # "importance sampling using 500 samples"
    (
        rf"\bimportance\s+sampling\s+(?:with|using)\s+{_N}\s+samples\b",
        "importance_samples",
        "importance samples",
    ),
    # an architecture table's layer: "FC 32 Tanh", "Linear 256 ReLU" (an output layer has no activation)
    (
        rf"\b(?:FC|Linear|Dense)\s+{_N}\s+(?:ReLU|Tanh|Sigmoid|ELU|LeakyReLU|GELU|SELU|Softplus|Swish)\b",
        "hidden_size",
        "fully connected layer width",
    ),
    # "we use the size of 224 × 224": the input images
    (
        rf"\b(?:use|using|with|at)\s+(?:an?\s+|the\s+)?(?:input\s+|image\s+|crop\s+)?(?:size|resolution)\s+of\s+"
        rf"{_N}\s*[×x]\s*\d+\b",
        "image_size",
        "image size",
    ),
    # "32 channels with 3×3 filters", "5 × 5 convolution kernels", "5 × 5 receptive fields": a filter's size,
    # not a count of filters
    (
        # (every side of it: "3 × 3 × 3 kernels" of a 3D convolution)
        rf"(?P<value>{_SIDES})\s+(?:conv(?:olution(?:al)?)?\s+)?(?:filters?|kernels?|receptive\s+fields?)\b"
        # "3 × 3 convolutions throughout", "a 3×3 convolution with 128 filters": the size is the kernel's
        rf"|(?P<value2>{_SIDES})\s+(?:convolutions?|conv(?:olution(?:al)?)?\s+layers?)\b",
        "kernel_size",
        "kernel size",
    ),
    # "training uses sequences of 50 characters": each sequence's length, in what it holds
    (
        rf"\bsequences\s+of\s+(?:up\s+to\s+)?{_N}\s+(?:characters|tokens|words|frames|time[\s-]?steps|subwords|"
        r"amino\s+acids|nucleotides|bases)\b",
        "sequence_length",
        "sequence length",
    ),
    # "64 3 × 3 filters", "20 8×8 convolutions": how many, before the size; "16 filters (19 × 19)": the size
    (
        rf"(?<![\w.,×])(?P<value>\d{{1,4}})\s+{_SIDES}\s+(?:conv(?:olution(?:al)?)?\s+)?(?:filters|kernels|convolutions)\b",
        "base_channels",
        "filters",
    ),
    (
        rf"\b(?:filters|kernels|convolutions)\s+\((?P<value>{_SIDES})\)",
        "kernel_size",
        "kernel size",
    ),
    # "90% confidence intervals", "(10 runs, 95% c.i.)": the level of the reported intervals
    (
        r"(?<![\w.])(?P<value>\d{2}(?:\.\d+)?\s?%)\s+(?:(?:upper|lower)\s+)?"
        r"(?:confidence\s+(?:intervals?|bounds?|levels?|bands?)|c\.\s?i\.)",
        "confidence_level",
        "confidence level",
    ),
    # "split the validation set into 3 sets of sizes (20000, 5000, 25000)", "... of sizes 3,000 and 7,000"
    (
        r"\b(?:split|splits|divided?|partition(?:ed)?)\b[^.;]{0,80}?\bsets?\b[^.;]{0,40}?\bof\s+sizes?\s+"
        rf"(?P<value>\(\s*(?:{NUM})(?:\s*,\s*(?:{NUM}))+\s*\)"
        rf"|(?:{NUM})(?:\s*,\s*(?:{NUM}))*\s*,?\s+and\s+(?:{NUM}))",
        "split_sizes",
        "split sizes",
    ),
    # "we calculate 1000 adversarial examples", "computed 500 samples": examples the method produces
    (
        # (not "generate 50000 train samples": the data set's size)
        rf"\b(?:calculated?|computed?|generated?|produced?)\s+(?P<value>{SCALAR})\s+"
        r"(?:(?!(?:train|training|test|testing|validation|held-out)\b)[a-z-]+\s+)?(?:examples|samples)\b",
        "examples",
        "examples",
    ),
    # "2 hidden layers of 20 nodes", "10 hidden units per layer": each layer's width (an input's or an
    # output's layer is sized by the data)
    (
        r"(?<!output\s)(?<!input\s)(?<!final\s)(?<!last\s)\b(?:hidden\s+)?layers?\s+(?:each\s+)?(?:of|with)\s+"
        rf"(?P<value>{NUM})\s+(?:hidden\s+)?(?:nodes|units|neurons)\b(?!\s+(?:each\s+)?(?:and|or)\b)"
        # "a single hidden layer and 16 nodes", "a single-hidden-layer architecture with 15 nodes"
        r"|\b(?:single|one)[\s-]hidden[\s-]layer(?:\s+[a-z-]+){0,3}?\s+(?:and|with|of|containing)\s+"
        rf"(?P<value2>{NUM})\s+(?:nodes|units|neurons)\b",
        "hidden_size",
        "hidden units",
    ),
    (
        rf"(?<![\w.,])(?P<value>{NUM})\s+(?:hidden\s+)?(?:nodes|units|neurons)\s+(?:per|in\s+each|for\s+each)\s+"
        r"(?:hidden\s+)?layer\b",
        "hidden_size",
        "hidden units",
    ),
    # "an output layer of 15 nodes": the output's width
    (
        rf"\boutput\s+layer\s+(?:of|with)\s+(?P<value>{NUM})\s+(?:nodes|units|neurons)\b",
        "output_units",
        "output units",
    ),
    # "divided into 100 episodes, each consisting of 200 steps": an episode's length, not the training's
    (
        rf"\bepisodes?,?\s+each\s+(?:consisting\s+of|of|with|lasting)\s+(?P<value>{NUM})\s+(?:time[\s-]?)?steps\b",
        "steps_per_episode",
        "steps per episode",
    ),
    # "resizes the input image to 448 × 448", "we downsample the images to 80×60 pixels": the input resolution
    (
        r"\b(?:resiz|rescal|crop|downsampl|downscal)(?:e|es|ed|ing)\s+(?:the\s+|all\s+|each\s+|every\s+)?(?:input\s+)?"
        rf"(?:images?|frames?|inputs?)\s+to\s+(?P<value>{_NUM_SIDES})(?!\w|\.\d)",
        "image_size",
        "image size",
    ),
    # "a Leaky ReLU with slope 0.3", "LeakyReLU (negative slope 0.2)": the slope below zero
    (
        r"\bleaky[\s-]?relu\s*(?:\(\s*|with\s+(?:a\s+)?)(?:negative\s+)?slope\s+(?:of\s+|=\s*)?"
        rf"(?P<value>{NUM})(?![\w.])",
        "leaky_relu_slope",
        "leaky relu slope",
    ),
    (  # "an input image of size 224 × 224", "the input images are of size 32x32": the input resolution
        r"\binput\s+(?:images?|frames?)\s+(?:(?:is|are|was|were)\s+)?(?:of\s+)?(?:size|resolution)\s+(?:of\s+)?"
        rf"(?P<value>{_NUM_SIDES})(?!\w|\.\d)",
        "image_size",
        "image size",
    ),
    (  # "images were cropped to 224 × 224": the input's size (resized and rescaled: the phrase below)
        r"\b(?:images?|frames?|inputs?)\s+(?:are|were)\s+cropped\s+to\s+"
        rf"(?P<value>{_NUM_SIDES})(?!\w|\.\d)",
        "image_size",
        "image size",
    ),
    # "247 steps per epoch": an epoch's length, not the training's
    (
        rf"(?<![\w.,])(?P<value>{NUM})\s+(?:training\s+|gradient\s+)?(?:steps|iterations|updates|batches)\s+"
        r"(?:per|in\s+(?:an?|each))\s+epoch\b",
        "steps_per_epoch",
        "steps per epoch",
    ),
    (
        rf"\bepochs?\s+(?:of|with)\s+(?P<value>{NUM})\s+(?:steps|iterations|updates|batches)\b",
        "steps_per_epoch",
        "steps per epoch",
    ),
    # "(downsampled to 116 × 116)", "normalized by resizing to 512x512": the size the inputs are brought to
    (
        rf"\b(?:(?:down|up)(?:sampled|scaled)|scaled\s+(?:down|up)|resiz(?:ed|ing)|rescal(?:ed|ing))\s+to\s+"
        rf"(?:an?\s+)?(?P<value>{_NUM_SIDES})(?!\w|\.\d)",  # 'resized to a 48×48 image' too
        "image_size",
        "image size",
    ),
    # "randomly cropped to 224 × 224", "a 448x448 crop", "random crops of size 32 × 32": the crop's size
    (
        rf"\b(?:cropped\s+to\s+|crops?\s+(?:of|to)\s+(?:the\s+)?(?:size\s+(?:of\s+)?)?)(?P<value>{_NUM_SIDES})(?!\w|\.\d)"
        # one side when the word 'size' says it: 'random crops of size 32 with a padding of 4'
        rf"|\bcrops?\s+of\s+(?:the\s+)?size\s+(?:of\s+)?(?P<value2>{NUM})(?![\w.×]|\s*[×x]\s*\d)",
        "crop_size",
        "crop size",
    ),
    (
        rf"(?<![\w.×])(?<!×\s)(?P<value>{_NUM_SIDES})\s+(?:(?:random|center|central)\s+)?crops?\b",
        "crop_size",
        "crop size",
    ),
    # "we crop a 8x8 patch", "32 × 32 patches": the size of the patches the model reads
    (
        rf"(?<![\w.×])(?<!×\s)(?P<value>{_NUM_SIDES})\s+(?:(?:image|input|pixel)\s+)?patch(?:es)?\b",
        "patch_size",
        "patch size",
    ),
    # "on batches of 256 pairs", "40 batches, each containing 16 sequences", "the batch size contains 16
    # images": the batch size, counted in what it holds, or
    # with nothing after it: "processed in batches of 64."
    (
        # not '1 batch of 39', 'the last batch of 12': a remainder
        rf"(?<!\b1\s)(?<!\bone\s)(?<!\blast\s)(?<!\bfinal\s)(?<!\bremaining\s)"
        rf"\b(?:mini-?)?batch(?:es|\s+size)?(?:,\s*each)?\s+(?:of|hold(?:s|ing)?|held|contain(?:s|ed|ing)?|consist(?:s|ed|ing)?\s+of|"
        rf"compris(?:es|ed|ing)|includ(?:es|ed|ing))\s+(?P<value>{NUM})\s+"
        r"(?:[a-z-]+\s+)?(?:pairs|samples|examples|images|"
        r"sequences|sentences|graphs|orientations|points|trajectories|tokens|elements|instances|documents|"
        r"utterances|transitions|episodes|clips|videos|molecules)\b"
        rf"|\b(?:in|into|on|with)\s+(?:mini-?)?batches\s+of\s+(?P<value2>{NUM})(?=\s*(?:[.;,)]|and\b|$))",
        "batch_size",
        "batch size",
    ),
    # "attention at resolutions 16 and 8": where a U-Net attends, not the images' size
    (
        r"\battention\s+(?:layers\s+|blocks\s+)?(?:is\s+|are\s+)?(?:used\s+|applied\s+)?at\s+(?:the\s+)?(?:feature\s+)?"
        rf"resolutions?\s+(?:of\s+)?(?P<value>(?:{NUM})(?:(?:\s*,\s*|,?\s+and\s+)(?:{NUM}))*)",
        "attention_resolutions",
        "attention resolutions",
    ),
    # "node features are dropped with probability 0.5": a dropout rate
    (
        rf"\bdropped\s+(?:out\s+)?(?:at\s+random\s+)?with\s+(?:a\s+)?(?:probability|rate)\s+(?:of\s+)?(?P<value>{SCALAR})",
        "dropout",
        "dropout",
    ),
    # "a dropout layer with rate = .5 after the first layer": the layer's dropout rate; "dropout
    # regularization is employed on the graph states with a rate of 0.2": said later in dropout's clause
    (
        # "a dropout layer with 0.3 before the classifier": a rate below one, named by nothing else
        rf"\bdropout\s+(?:layers?\s+)?(?:with\s+)?(?:a\s+)?(?:(?:rate|probability|ratio|p)\s*(?:=|of)?\s*"
        rf"|(?<=with\s)(?=0?\.\d))(?P<value>{SCALAR})"
        rf"|\bdropout\b[^.;,]{{0,60}}?\bwith\s+(?:a\s+)?(?:rate|probability)\s+(?:of\s+)?(?P<value2>{SCALAR})",
        "dropout",
        "dropout",
    ),
    # "a mixture of five Gaussians": the number of mixture components
    (
        rf"\bmixture\s+of\s+(?P<value>{NUM}|(?:{WORDNUM})\b)\s+(?:gaussians?|normals?|components|experts)\b",
        "mixture_components",
        "mixture components",
    ),
    # "the tracks were downsampled to 16 kHz", "a sampling rate of 44.1 kHz", "recordings were made ... at
    # 44.1 kHz": the audio's sample rate
    (
        r"(?:\b(?:(?:down|re|sub)?sampl(?:ed|ing|e)|sampling\s+(?:rate|frequency))\b[^.;]{0,40}?\b(?:to|at|of)"
        r"|\brecord(?:ed|ings?)\b[^.;]{0,60}?\bat)\s+"
        rf"(?P<value>(?:{NUM})\s?(?-i:kHz|Hz|MHz))(?!\w)",
        "sample_rate",
        "sample rate",
    ),
    # "exponentially decaying the learning rate from 0.01 to 0.0001", "the learning rate is annealed from 1e-3
    # to 1e-5": a schedule's first and last values ('varied from ... to' is a sweep, not this)
    (
        rf"{_LR_DECAYED}\s+from\s+(?P<value>{SCALAR})\s+(?:down\s+)?to\s+(?:{SCALAR})(?![\d.,]\d)",
        "learning_rate",
        "initial learning rate",
    ),
    (
        rf"{_LR_DECAYED}\s+from\s+(?:{SCALAR})\s+(?:down\s+)?to\s+(?P<value>{SCALAR})(?![\d.,]\d)",
        "min_learning_rate",
        "final learning rate",
    ),
    # "a starting learning rate of 0.01 and a minimum of 10^-6", "decayed linearly towards a minimum of
    # 10^-6": the floor a schedule decays it to
    (
        rf"\blearning\s+rate\b(?:[^.;]|\.\d){{0,80}}?\b(?:and|with|to|towards?)\s+a\s+minimum\s+(?:value\s+)?of\s+"
        rf"(?P<value>{SCALAR})"
        # "a minimum learning rate of 1e-6", "the final learning rate is 0"
        r"|\b(?:minimum|min|final|lowest|end)\s+(?:learning\s+rate|lr)\s+(?:of\s+|=\s*|:\s*|(?:is|was)\s+(?:set\s+to\s+)?)?"
        rf"(?P<value2>{SCALAR})(?![\d.,]\d)",
        "min_learning_rate",
        "minimum learning rate",
    ),
    # "a gradual warmup strategy during the first 5 epochs", "the rate warms up over the first 4,000 steps":
    # the warmup's length (its unit picks the key)
    (
        rf"\bwarm(?:s|ed|ing)?[\s-]?up\b[^.;]{{0,60}}?\b(?:during|over|for|in)\s+the\s+(?:first|initial)\s+"
        rf"{_WORD}(?=\s+(?:training\s+)?(?:epochs|steps|iterations|updates)\b)"
        # "we linearly warm up the learning rate for 500 steps": right after the verb
        r"|\bwarm(?:s|ed|ing)?[\s-]?up\s+(?:(?:linearly|gradually)\s+)?(?:(?:the\s+)?(?:learning\s+rate|lr)\s+)?"
        r"(?:(?:linearly|gradually)\s+)?(?:over|for|during)\s+"
        rf"{_WORD2}(?=\s+(?:training\s+)?(?:epochs|steps|iterations|updates)\b)",
        "warmup_steps",
        "warmup",
    ),
    # "training stops after 50 epochs without improvement", "when no improvement in the F1 is seen after 30
    # epochs": early stopping's patience
    (
        rf"\b(?:after|for)\s+{_WORD}\s+(?:consecutive\s+|successive\s+)?"
        rf"{_CHECKS}\s+(?:without|with\s+no)\s+"
        r"(?:any\s+)?improvement\b"
        # ('if there is no increase in the validation accuracy for 40 epochs')
        rf"|\b(?:when|if|once|until|whenever)\s+(?:there\s+(?:is|was|are|were)\s+)?no\s+(?:further\s+)?"
        rf"(?:improvements?|increases?|decreases?|gains?)\b[^.;]{{0,60}}?\b(?:for|in|over|within|after)\s+{_WORD2}\s+"
        rf"(?:consecutive\s+|successive\s+)?{_CHECKS}\b",
        "patience",
        "patience (checks without improvement)",  # of early stopping, or of a plateau schedule
    ),
    # "the codebook has 512 entries", "a codebook of 1024 codes", "8192 codebook entries"
    (
        r"\bcodebooks?\s+(?:has|have|with|of|contains|containing|consists\s+of)\s+(?P<value>\d+)\s+"
        r"(?:entries|codes|code\s*words|vectors|embeddings|elements)\b"
        r"|(?<![\w.,])(?P<value2>\d+)\s+(?:codebook\s+entries|codes\b|code\s*words|code\s+vectors)",
        "codebook_size",
        "codebook size",
    ),
    # "LoRA with rank 8 and alpha 16", "LoRA (r = 16, α = 32)", "low-rank adapter matrices (rank 32,
    # alpha=64)": the adapter's rank and scaling
    (
        rf"{_LORA}[^.;]{{0,40}}?\b(?:rank|r)\s*(?:of\s+|=\s*|:\s*)?(?P<value>\d+)\b",
        "lora_r",
        "LoRA rank",
    ),
    (
        rf"{_LORA}[^.;]{{0,60}}?(?:\balpha|α)\s*(?:of\s+|=\s*|:\s*)?(?P<value>\d+)\b",
        "lora_alpha",
        "LoRA alpha",
    ),
    # "DDIM sampling with 50 steps": the sampler's steps, not the run's
    (
        r"\b(?:DDIM|DDPM|DPM-?Solver(?:\+\+)?|PLMS|Euler|Heun)\s+(?:sampl(?:ing|er)\s+)?(?:with|using|for)\s+"
        r"(?P<value>\d+)\s+(?:sampling\s+|denoising\s+|inference\s+)?steps\b",
        "sampling_steps",
        "sampling steps",
    ),
    # "we freeze the first 6 layers of the encoder": how many layers stay fixed
    (
        r"\bfr(?:eeze|eezes|eezing|oze|ozen)\s+(?:the\s+)?(?:first|bottom|lowest|lower)\s+(?P<value>\d+)\s+"
        r"(?:\w+\s+)?(?:layers|blocks|stages)\b",
        "frozen_layers",
        "frozen layers",
    ),
    # "an ensemble of 5 networks": how many members the ensemble has
    (
        rf"\bensembles?\s+of\s+{_WORD}\s+(?:[\w-]+\s+)?"
        r"(?:networks|models|members|agents|policies|predictors|classifiers|learners|critics|heads)\b",
        "ensemble_size",
        "ensemble size",
    ),
    # "the focal loss with γ = 2 and α = 0.25": the focal loss's focusing and balancing parameters
    (
        r"\bfocal\s+loss\b[^.;]{0,40}?(?:γ|\bgamma)\s*(?:=|of)\s*(?P<value>\d+(?:\.\d+)?)\b",
        "focal_gamma",
        "focal loss γ",
    ),
    (
        r"\bfocal\s+loss\b[^.;]{0,60}?(?:α|\balpha)\s*(?:=|of)\s*(?P<value>\d*\.?\d+)\b",
        "focal_alpha",
        "focal loss α",
    ),
    # "4 downsampling levels", "five resolution stages": a U-Net's or pyramid's depth
    (
        rf"(?<![\w.,]){_WORD}\s+(?:down-?sampling|resolution|encoder|pyramid)\s+(?:levels|stages|scales)\b",
        "num_levels",
        "resolution levels",
    ),
    # "we warm up the learning rate in the first 5% of the training steps", "a warmup of 10% of the steps",
    # "a linear schedule with 6% warmup": the warmup's share of training
    (
        r"\bwarm(?:s|ed|ing)?[\s-]?up\b[^.;%]{0,40}?\b(?:of|in|over|during|for)\s+(?:the\s+first\s+)?"
        r"(?P<value>\d+(?:\.\d+)?\s?%)\s+of\s+(?:the\s+)?(?:total\s+)?(?:training|steps|iterations|updates)"
        r"|(?<![\w.])(?P<value2>\d+(?:\.\d+)?\s?%)\s+(?:linear\s+)?warm[\s-]?up\b",
        "warmup_ratio",
        "warmup share of training",
    ),
    # "... in the first 5% of the training steps to 10^-4": the rate the warmup reaches
    (
        r"\bwarm(?:ed|ing)?[\s-]?up\s+(?:the\s+)?(?:learning\s+rate|lr)\b[^.;]{0,60}?\bto\s+"
        rf"(?:a\s+(?:peak|maximum)\s+(?:value\s+)?of\s+)?(?P<value>{SCALAR})(?![\w.]\d|\s*(?:steps|epochs|%))",
        "learning_rate",
        "peak learning rate",
    ),
    # "we train all models for 20 epochs without any learning rate decay": a constant rate
    (
        r"\b(?P<value>without)\s+(?:any\s+)?(?:learning[\s-]rate|lr)\s+(?:decay|schedul(?:e|ing)|annealing)\b",
        "lr_schedule",
        "learning rate schedule",
    ),
    # "we sampled 10-state, 5-action MDPs", "we test on a 10-armed bandit": the size of the decision problem
    # the runs use, written as a compound adjective ('an example of a 3-state MDP' illustrates a theory)
    (rf"{_RUNS_ON}(?<![\w.,-]){_WORD}-states?\b(?!-)", "num_states", "states"),
    (rf"{_RUNS_ON}(?<![\w.,-]){_WORD}-actions?\b(?!-)", "num_actions", "actions"),
    (rf"{_RUNS_ON}(?<![\w.,-]){_WORD}-arm(?:ed|s)?\b(?!-)", "num_arms", "arms"),
    # "milestones at [5000, 10000]": the steps where a step schedule decays the learning rate
    (
        r"\bmilestones\s+(?:at\s+|of\s+|=\s*|:\s*)?(?P<value>\[\s*\d[\d,\s]*\])",
        "lr_milestones",
        "learning rate milestones",
    ),
)
PHRASE_RES = tuple((re.compile(rx, re.I), key, name) for rx, key, name in _PHRASES)
