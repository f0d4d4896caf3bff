"""Measures (interim)."""
import pandas as pd
from newstables.article import Article
from newstables.schema import frame

def extract_measures(article: Article, actors: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    return frame("measures", [])
