"""Measuring the engine against annotated corpora.

`polnear` reads a PolNeAR split (brat standoff) and runs `whosaid eval polnear DIR`; `scoring` holds the
corpus-independent scorer (content precision/recall/F1, speaker accuracy, end-to-end F1); `presentation`
prints the figures and writes the error-analysis file.
"""
