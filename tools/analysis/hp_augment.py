"""Data augmentation settings, keyed by what the transform that applies them takes (torchvision's
RandomHorizontalFlip p, RandomRotation degrees, RandomAffine translate and scale, RandomCrop padding,
ColorJitter, cutout's size): "a 50% chance to be flipped horizontally", "affine rotations up to 7.5 degrees",
"randomly shifted by 2 pixels", "scaling between 0.65 and 1.35", "color jitter with factor 0.25"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from tools.analysis.hp_phrased import Named

_N = r"\d+(?:\.\d+)?"
# a sentence that augments: its transforms are random, affine or called augmentation ('the image is
# rotated by 10 degrees' alone describes one example, no setting)
_AUGMENTING = r"\b(?:augment\w*|random(?:ly)?|affine|jitter\w*|perturb\w*)\b[^.;]{0,120}?"
_SIDES = r"\d+(?:\s*[×x]\s*\d+)?(?![\d×]|\.\d|\s*[×x]\s*\d)"  # '16', '16 × 16'
_PM = r"(?:±|\+/-|\\pm)\s*"
_DEGREES = r"\s*(?:°|\^?∘|\^\{?\\circ\}?|degrees?\b)"  # '15°', '15^∘', '15 degrees'
_PIXELS = r"(?:\s*(?:pixels?|px)\b)?"
# a bound that says 'at most': 'up to 0.1', 'of at most 4', '(to 10%)', '(± 3)'
_UP_TO = (
    r"(?:(?:of\s+|by\s+)?(?:up\s+to|at\s+most|no\s+more\s+than)\s+|\(\s*(?:up\s+to|to|within|±)\s*)"
    rf"(?:{_PM})?"
)
# how far a transform may go: an 'at most', or 'by ± 3', 'within ±10', 'by 2'
_BOUND = rf"(?:{_UP_TO}|(?:within|by|of)\s+(?:{_PM})?|{_PM})"
# a shift of the image, not of a distribution ('covariate shift', 'domain shift')
_SHIFT = (
    r"(?<!distribution\s)(?<!domain\s)(?<!covariate\s)(?<!label\s)(?<!dataset\s)"
    r"\b(?:shift(?:s|ed|ing)?|translat(?:e|ed|es|ions?|ing))\b(?:\s+(?:the\s+)?(?:images?|inputs?|crops?))?"
)
# a probability: 'with probability 0.5', 'with a probability of 50%', 'p = 0.5' (not 'a learning rate of 0.1')
_PROBABILITY = (
    r"(?:(?:with\s+)?(?:an?\s+)?(?:probability|prob\.|chance)\s*(?:of\s+|=\s*|:\s*)?|\bp\s*=\s*)"
    r"(?P<value>0?\.\d+|[01](?:\.0+)?(?!\d|\.\d)|\d{1,3}(?:\.\d+)?\s?%)"
)
# the words between a transform and its value: no other transform's or setting's name
_GAP = r"(?:(?!rotat|crop|scal|zoom|jitter|translat|shift|blur|noise|rate|size|decay|epoch)[^.;])"
# the flip and its direction: 'flipped horizontally', 'flip them vertically', 'mirrored at random'
_FLIPPED = (
    r"\b(?:flip(?:s|ped|ping)?|mirror(?:s|ed|ing)?)\b(?:\s+(?:them|it|the\s+\w+|each\s+\w+|images?|inputs?))?"
    r"(?:\s+at\s+random)?(?:\s+(?P<dir2>horizontally|vertically|left[\s-]right|up[\s-]down))?"
)
# a chance written before what it is of: '50% chance', '0.5 probability'
_CHANCE = r"(?P<value>\d{1,3}(?:\.\d+)?\s?%|0?\.\d+)\s+(?:chance|probability)\b"
_DIRECTION = r"(?P<dir>horizontal(?:ly)?|vertical(?:ly)?|left[\s-]right|up[\s-]down)"
_FLIPS = (
    # "random horizontal flips with probability 0.5", "images are flipped horizontally with a 50% chance"
    re.compile(
        rf"(?:\b{_DIRECTION}[\s-]+)?{_FLIPPED}{_GAP}{{0,40}}?(?<![\w.]){_PROBABILITY}",
        re.I,
    ),
    # "mirrored horizontally with 50% probability"
    re.compile(
        rf"(?:\b{_DIRECTION}[\s-]+)?{_FLIPPED}{_GAP}{{0,40}}?(?<![\w.]){_CHANCE}",
        re.I,
    ),
    # "each image has a 50% chance to be flipped horizontally"
    re.compile(
        rf"{_CHANCE}[^.;]{{0,30}}?{_FLIPPED}",
        re.I,
    ),
)
# the other transforms: (pattern, key, name); each pattern has one group 'value'
_RANGES = (
    # "random rotations of up to 15 degrees", "affine rotations up to 7.5°", "rotated by ±15°"
    (
        rf"{_AUGMENTING}\brotat(?:e|ed|es|ions?|ing)\b[^.;]{{0,30}}?{_BOUND}\s*(?P<value>{_N}){_DEGREES}",
        "rotation_degrees",
        "rotation range (degrees)",
    ),
    # "rotations by a random angle in [-15, 15] degrees", "rotated between -10° and 10°"
    (
        rf"{_AUGMENTING}\brotat\w*\b[^.;]{{0,40}}?(?:between\s+)?(?P<value>\[\s*[-−]{_N}\s*°?\s*,\s*{_N}\s*°?\s*\]|"
        rf"(?<=between\s)[-−]{_N}°?\s+and\s+{_N}){_DEGREES}",
        "rotation_degrees",
        "rotation range (degrees)",
    ),
    # "random translations of up to 4 pixels", "affine translations up to 0.1", "randomly shifted by 2 pixels"
    (
        rf"{_AUGMENTING}{_SHIFT}\s*{_UP_TO}\s*(?P<value>{_N}\s*%?){_PIXELS}",
        "augmentation_shift",
        "augmentation shift range",
    ),
    (
        rf"{_AUGMENTING}{_SHIFT}\s*{_BOUND}\s*(?P<value>{_N})\s*(?:pixels?|px)\b",
        "augmentation_shift",
        "augmentation shift range",
    ),
    # "zoom (to 5%)", "random scaling of up to 10%" ('the loss is scaled by 0.1' is no augmentation)
    (
        rf"{_AUGMENTING}\b(?<!re)(?:zoom(?:ing|s|ed)?|scal(?:ing|es?|ed))\b\s*{_UP_TO}\s*(?P<value>{_N}\s*%?)",
        "augmentation_zoom",
        "augmentation zoom range",
    ),
    # "affine scaling between 0.65 and 1.35", "random zoom in the range [0.8, 1.2]": the factors' interval
    (
        rf"{_AUGMENTING}\b(?<!re)(?:zoom(?:ing|s|ed)?|scal(?:ing|es?|ed))\b\s+(?:factors?\s+)?"
        rf"(?:(?:with|in|within|from)\s+(?:the\s+)?(?:range|interval)\s+(?:of\s+)?)?"
        rf"(?:between\s+)?(?P<value>(?<=between\s){_N}\s+and\s+{_N}|\[\s*{_N}\s*,\s*{_N}\s*\])",
        "augmentation_zoom",
        "augmentation zoom range",
    ),
    # "random crops with 4 pixels of padding", "random cropping with a padding of 4"
    (
        r"\brandom(?:ly)?\s+crop(?:s|ping|ped)?\b[^.;]{0,50}?\b(?P<value>\d+)[\s-]pixels?\s+(?:of\s+)?"
        r"(?:zero[\s-])?padding",
        "crop_padding",
        "random crop padding",
    ),
    (
        r"\brandom(?:ly)?\s+crop(?:s|ping|ped)?\b[^.;]{0,50}?\bpadd(?:ing|ed)\s+(?:of\s+|by\s+)?"
        r"(?P<value>\d+)(?:\s+pixels?)?\b",
        "crop_padding",
        "random crop padding",
    ),
    # "random crops of the 32×32 image to a 24×24 image": the size cropped to
    (
        r"\b(?:random(?:ly)?|augment\w*)\b[^.;]{0,40}?\bcrop(?:s|ping|ped)?\b[^.;]{0,40}?\bto\s+(?:an?\s+)?"
        r"(?P<value>\d+\s*[×x]\s*\d+)(?!\s*[×x\d])",
        "crop_size",
        "crop size",
    ),
    (
        r"\bcrop(?:s|ping|ped)?\b[^.;]{0,60}?\brandom\w*\b[^.;]{0,40}?\bto\s+(?:an?\s+)?"
        r"(?P<value>\d+\s*[×x]\s*\d+)(?!\s*[×x\d])",
        "crop_size",
        "crop size",
    ),
    # "color jitter with brightness, contrast and saturation factors of 0.4", "colour jittering of 0.25"
    (
        rf"\bcolou?r[\s-]jitter\w*\b{_GAP}{{0,80}}?(?:\b(?:of|=|equal\s+to|strength|factors?|set\s+to)\s*|=\s*)"
        r"(?P<value>0?\.\d+|[01](?:\.0+)?)(?!\d|\.\d|%)",  # a strength of at most 1
        "color_jitter",
        "color jitter strength",
    ),
    # "cutout of size 8", "cutout with a 16 × 16 patch": the erased square's side
    (
        r"\bcut-?out\b[^.;]{0,40}?\b(?:size|patch|square|hole|mask|length)\s*(?:(?:size\s+)?of\s+|=\s*)?"
        rf"(?P<value>{_SIDES})",
        "cutout_size",
        "cutout size",
    ),
    (
        rf"\bcut-?out\b[^.;]{{0,40}}?(?<![\w.])(?P<value>{_SIDES})\s+(?:pixels?\s+)?(?:patch|square|hole|mask)e?s?\b",
        "cutout_size",
        "cutout size",
    ),
)
_RANGE_RES = tuple((re.compile(rx, re.I), key, name) for rx, key, name in _RANGES)


def augmentations(text: str) -> Iterator[Named]:
    """Each augmentation setting the text states, keyed by the transform's parameter."""
    for rx in _FLIPS:
        for m in rx.finditer(text):
            way = (m.groupdict().get("dir") or m["dir2"] or "").lower()
            side = "vertical" if way.startswith(("vertical", "up")) else "horizontal" if way else ""
            key = f"{side}_flip_probability" if side else "flip_probability"
            yield Named(m, key.replace("_", " "), key)
    for rx, key, name in _RANGE_RES:
        for m in rx.finditer(text):
            yield Named(m, name, key)
