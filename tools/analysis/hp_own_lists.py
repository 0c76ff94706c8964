"""The words hp_own_words reads a noun phrase with: where a phrase stops, and what names no setting."""

from __future__ import annotations

import re

# words a setting's name does not run through: articles, pronouns, prepositions, the verbs of a frame
STOP = frozenset(
    {
        "the", "a", "an", "of", "our", "its", "their", "this", "that", "these", "those", "we", "to", "at",
        "as", "is", "was", "are", "were", "be", "been", "with", "and", "or", "for", "in", "on", "by", "from",
        "each", "every", "all", "both", "which", "where", "while", "when", "than", "then", "also", "only",
        "using", "use", "used", "set", "fixed", "chosen", "such", "here", "there", "it", "they", "i", "e",
        "g", "across", "into", "over", "under", "after", "before", "between", "through", "per", "within",
        "without", "about", "up", "down", "via", "against", "among", "like", "unless", "except", "if",
        "otherwise", "because", "since", "although", "though", "whereas", "until", "whether",
    }
)
# a verb read as a noun ("each epoch consists of 2500 steps", "K = 20 performs best", "16 seems enough")
VERB = re.compile(
    r"^(?:consists|made|composed|performs|corresponds|seems|does|reaches|shows|gives|yields|leads|means|holds|"
    r"remains|becomes|contains|includes|requires|uses|takes|achieves|outperforms|improves|results|versus|"
    r"instead|equals|works|needs|allows|ranges|varies|increases|decreases|denotes|represents|describes|presents|"
    r"reports?|considers|reduces|generalizes|generalises|weighs|compares|follows|provides|produces|depicts|"
    r"consisting|containing|including|comprising|resulting|leading|giving|yielding|showing|reaching|"
    r"has|have|had|gets|got|makes|serves|suffices|helps|appears|acts|plays|converges|fails|exceeds|"
    r"will|would|can|could|may|might|shall|should|must)$"  # a modal ends the noun phrase: 'this metric will'
)
# a word that makes a phrase a measurement, the data, the hardware or the paper itself, not a choice
NOT_SETTING_WORD = re.compile(
    r"accuracy|accuracies|error|errors|score|scores|bleu|auc|perplexity|loss|losses|improvement|gain|success|"
    r"reward|rewards|returns?|precision|recall|f1|fid|psnr|ssim|mse|rmse|mae|speed-?up|times|hours|minutes|"
    r"days|gpus?|cpus?|cores|fps|performance|margin|lead|authors?|papers?|works?|methods?|baselines?|results?|"
    r"percent|total|average|mean|median|expected|std|deviation|version|years?|rank|ranks|parameters|params|"
    r"datasets?|corpus|increase|decrease|reduction|drop|languages|dialects|relations|responses|stories|"
    r"annotators|images|examples|sentences|documents|instances|users|items|classes|categories|subjects|"
    r"correlations?|coefficients|percentiles?|nll|bpd|elbo|"
    r"participants|points|nodes|edges|pixels|tokens|words",
    re.I,
)
# a number that is no setting: a reference to a figure, table, section, equation or citation ("Tables 5 and
# 6"); a spread ("± 113"); a factor of a product ("4 · 105", "1 × 1"); an approximate or average amount
NOT_SETTING_BEFORE = re.compile(
    r"(?:[≈~∼±·×]\s*|\b(?:average|mean|total)\s+of\s+|\b(?:Fig(?:ure)?s?|Tables?|Tab|Sec(?:tion)?s?|"
    r"Subsec(?:tion)?s?|Sects?|Eqs?|Equations?|Appendix|Appendices|Algorithms?|Lines?|Theorems?|Lemmas?|"
    r"Steps?|Chapter|Corollary|Proposition|Definition|et\s+al)\.?\s*\(?(?:\d+(?:\.\d+)*\s*(?:,|and|to|-|–)\s*)?"
    r"|\[)$",
    re.I,
)
# a sentence describing data: its counts are the data's size ("it has 51 relations, about 50k entity tuples")
DATA_SENTENCE = re.compile(
    r"\b(?:datasets?|corpus|corpora|benchmark|contains?|contained|consists?|comprising|comprises|collected|"
    r"annotat\w*|it\s+has|there\s+are|split\s+into|in\s+total)\b",
    re.I,
)
