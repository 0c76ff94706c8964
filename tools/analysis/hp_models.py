"""The named architecture or pretrained model a method is built on: "a ResNet-50 backbone pretrained on
ImageNet", "we fine-tune RoBERTa-large", "the encoder is a ViT-B/16". The key is the part it fills."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_phrased import Named

_FAMILY = (
    r"(?:ResNet|ResNeXt|Wide[\s-]?ResNet|WRN|VGG|DenseNet|EfficientNet|MobileNet|Inception|Xception|AlexNet|"
    r"ViT|DeiT|Swin|ConvNeXt|BERT|Bert|RoBERTa|DistilBERT|DistilBert|ALBERT|DeBERTa|ELECTRA|XLNet|GPT|T5|BART|LLaMA|Llama|"
    r"Mistral|CLIP|U-?Net|"
    # pretrained models of recent papers: "Qwen3-14B", "Roberta Large", "DINOv2", "Phi-3" (not the letter φ)
    r"Qwen|Gemma|Falcon|Pythia|BLOOM|OPT(?=-\d)|Phi(?=-\d)|Vicuna|LLaVA|Roberta|XLM-R|MPNet|MiniLM|DINO|SigLIP|"
    r"Whisper|wav2vec|HuBERT|WavLM|YOLO|Mamba|DistilRoBERTa|ResNeSt|E5(?=-))"
)
# a checkpoint as a model hub names it: 'google/vit-base-patch16-224', 'roberta-base', 'bert-large-cased'
_HUB_ID = (
    r"[A-Za-z][\w.-]{1,30}/(?=[\w.]*[\d-])[A-Za-z][\w.-]{1,60}[A-Za-z0-9]"  # a digit or '-' in its name
    r"|(?:bert|roberta|distilbert|distilroberta|albert|xlnet|deberta|electra|gpt2|t5|bart|xlm-roberta)"
    r"(?:-(?:base|large|small|tiny|xl|uncased|cased|multilingual|v\d|\d+[a-z]?))+"
)
# a family and its size: "ResNet-50", "ViT-B/16", "Llama-3.1-8B", "T5-base", "InceptionV2", "BERT base"
MODEL_NAME = (
    rf"(?-i:{_FAMILY})(?:[-\s]?(?:v?\d+(?:\.\d+)?[A-Za-z]?|V\d|[BLSH]/\d+|B\d|base|large|small|tiny|"
    r"XXL|XL|\d+[BM]|Instruct|instruct|Chat|mini|medium|\d+k)(?![\w]))*"  # Phi-3-mini-4k-instruct
)
# "the pre-activation ResNet-18": the variant is part of the name
_MODEL = rf"(?P<value>(?:(?:pre|post)-activation\s+)?{MODEL_NAME}|(?-i:{_HUB_ID}))(?![\w/-])"
# a family named without its size or variant: "the ResNet architecture"
BARE_FAMILY = re.compile(rf"(?:(?:pre|post)-activation\s+)?{_FAMILY}", re.I)
# the part a named model fills ('architecture⁴' ends at its footnote mark)
_ROLE = (
    r"(?P<role>(?:model|network)\s+architecture|backbone|encoder|decoder|generator|discriminator|classifier|"
    r"feature\s+extractor|language\s+model|teacher|student|model|network|architecture)s?(?![A-Za-z])"
)
_VERB = (
    r"(?:use[sd]?|using|adopt(?:s|ed|ing)?|employ(?:s|ed|ing)?|utili[sz](?:e|es|ed|ing)|choose|chose|"
    r"fine-?tune[sd]?|fine-?tuning|initiali[sz]e[sd]?\s+(?:from|with)|buil[dt]\s+(?:up)?on|based\s+on|"
    # "we base our experiments on Qwen3-14B", "we chose to use RoBERTa", "we start from Mistral-7B"
    r"bas(?:e|ed)\s+our\s+(?:experiments|work|method|models?|approach)\s+on|(?:choose|chose)\s+to\s+use|"
    r"start(?:s|ed)?\s+from|experiment(?:s|ed)?\s+with|leverag(?:e|es|ed|ing))\s+"
    # 'we leverage the pretrained weights of ResNet50'
    r"(?:an?\s+|the\s+)?(?:(?:pre-?\s?trained|standard|vanilla|off-the-shelf)\s+)?(?:weights\s+of\s+)?"
)
_USE = rf"(?<!\ba\s)(?<!\ban\s)(?<!\bthe\s)\b{_VERB}"  # not a participle as adjective: 'a fine-tuned X model'
_PATTERNS = (
    # "we use a pretrained ResNet-50 backbone", "a ResNet-18 encoder", "using the InceptionV2 architecture"
    # (not when 'as a ...' names the part it fills: 'a VGG19 network as a feature extractor')
    re.compile(
        rf"{_USE}{_MODEL}\s+(?:(?:pre-?trained|convolutional|image|text)\s+)?{_ROLE}"
        r"(?!\s+as\s+(?:the|our|an?)\s)",
        re.I,
    ),
    # "we use ResNet-50 as the backbone", "using VGG16 deep convolutional network as a feature extractor"
    re.compile(
        rf"{_USE}{_MODEL}\s+(?:[\w-]+\s+){{0,4}}?as\s+(?:the\s+|our\s+|an?\s+)?(?:[\w-]+\s+)?{_ROLE}", re.I
    ),
    # "A ResNet-18 architecture is used", "the VGG16 network was adopted"
    re.compile(
        rf"\b(?:an?|the)\s+(?:pre-?trained\s+)?{_MODEL}\s+{_ROLE}\s+(?:is|was)\s+(?:then\s+)?"
        r"(?:used|adopted|employed|chosen)\b",
        re.I,
    ),
    # "the backbone is a ResNet-50", "our encoder is a pretrained BERT-base"
    re.compile(
        rf"\b(?:the|our)\s+(?:[\w-]+\s+)?{_ROLE}\s+(?:is|was)\s+(?:an?\s+|the\s+)?(?:pre-?trained\s+)?{_MODEL}",
        re.I,
    ),
    # "we use the pretrained network AlexNet for each stream": the part named before the model
    re.compile(rf"{_USE}{_ROLE}\s+{_MODEL}(?=\s+(?:for|as|on|in|to|with)\b|\s*[.,;(])", re.I),
    # "a convolutional network architecture based on the ResNet-18": the part, then what it is built from
    re.compile(rf"\b{_ROLE}\s+(?:based\s+on|built\s+on|derived\s+from)\s+(?:an?\s+|the\s+)?{_MODEL}", re.I),
    # "through the frozen T5-XXL encoder": a pretrained model kept fixed fills its part
    re.compile(rf"\b(?:the|a|an)\s+(?:frozen|pre-?trained)\s+{_MODEL}\s+{_ROLE}", re.I),
    # "we fine-tune RoBERTa-large": the model itself
    re.compile(
        # 'we first fine-tuned X' (not 'we never used X')
        rf"\bwe\s+(?:(?!never\b|not\b)\w+\s+)?{_VERB}{_MODEL}"
        r"(?=\s+(?:on|for|with|across|throughout|in\s+all|as\s+implemented|from)\b|\s*[.,;(])",
        re.I,
    ),
)
# "we train 4 variants of WRN, namely WRN-16-1, WRN-16-2 and WRN-40-2": the architectures the runs use
_VARIANTS = re.compile(
    r"\bwe\s+(?:train|trained|use|used|evaluate|evaluated|consider|considered)\s+(?:\w+\s+)?"
    r"(?:variants|versions|sizes|models|architectures|networks)\s*,?\s+(?:of\s+(?:the\s+)?[\w-]+\s*,?\s+)?"
    rf"(?:namely|i\.e\.,?)\s+(?P<value>{MODEL_NAME}(?:\s*,\s*{MODEL_NAME})*,?\s+and\s+{MODEL_NAME})(?![\w-])",
    re.I,
)
_ARCHITECTURE = "architecture"
_KEYS = {"network": _ARCHITECTURE, "model architecture": _ARCHITECTURE, "network architecture": _ARCHITECTURE}


def models(text: str) -> Iterator[Named]:
    """Each architecture or pretrained model the text says the method uses, keyed by the part it fills."""
    for rx in _PATTERNS:
        for m in rx.finditer(text):
            role = re.sub(r"\s+", " ", (m.groupdict().get("role") or "model").lower())
            yield Named(m, role, _KEYS.get(role, role.replace(" ", "_")))  # 'language model': language_model
    for m in _VARIANTS.finditer(text):
        yield Named(m, _ARCHITECTURE, _ARCHITECTURE)
