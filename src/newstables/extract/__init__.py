"""Extraction: the article model, the lexicon base and one extractor per table."""
