"""Quotes (interim)."""
import pandas as pd
from newstables.article import Article
from newstables.schema import frame

def extract_quotes(article: Article, actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    return frame("quotes", [])
