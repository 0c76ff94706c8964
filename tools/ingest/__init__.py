"""How a paper comes in: paper (the pdf_to_markdown tool and its reply), sources (the registry of paper
sources: arXiv id or URL, LaTeX source, PDF file), sniff (file-type checks), pdf/ (the PDF engine) and latex/
(the LaTeX route). The record each conversion writes, paper.json, is tools.workspace.PaperRecord."""
