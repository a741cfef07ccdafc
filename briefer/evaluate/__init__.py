"""Measuring a brief against references: ROUGE, fact coverage and citation precision.

Users check briefs in their own tests and CI, and every ranker change is judged by the same numbers, so the
scorer lives in the product, not in a bench script. Three measures, each answering one question:

- ROUGE-1/2/Lsum (Google's ``rouge-score``, Porter stemming, sentences joined by newlines for Lsum): how many
  of the reference's words the brief uses. Comparable across systems only at one word budget.
- Fact coverage: which reference notes the brief states, by a semantic match (MiniLM cosine plus stemmed word
  overlap) whose threshold was validated on labelled pairs (``bench/match_threshold.py``); the matching point is
  kept so a person can check the call.
- Citation precision: of the outlets a point cites, how many really report a fact that point covers, judged
  against the sources the notes give. This is the number that catches the product's worst bug.

Notes are one fact per line (or ``- `` bullet), optionally tagged ``(core)`` and ending with their sources:
``- (core) The US will answer in writing next week [a1, a3]`` or ``[The Hill, WebIndia123]``.
"""
