"""Analysis of extracted tables.

The deal, voices, arithmetic checks, comparison with reference series, timeline, summary.
"""
