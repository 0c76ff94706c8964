"""The LaTeX route: a paper's LaTeX source (main file, project folder, e-print archive, arXiv id) to the same
Markdown the PDF route writes, with exact LaTeX equation bodies and the numbers LaTeX would print.

Modules: source (main file, inputs, comments), macros (user macros), counters + numbering (labels),
convert (the tokenizer) + writer, commands, environments, blocks, names, text, algorithms (Markdown),
archive (safe e-print extraction), arxiv (downloads), route (its paper.json record; tools/ingest/sources
decides when it runs). Nothing heavy is imported here.
"""
