"""Analysis of extracted tables: the deal, voices, arithmetic checks, comparison with reference series, timeline, summary."""
