"""Actors and their mentions (interim: empty tables until the extractor lands)."""
import pandas as pd
from newstables.article import Article
from newstables.schema import frame

def extract_actors(article: Article) -> tuple[pd.DataFrame, pd.DataFrame]:
    return frame("actors", []), frame("mentions", [])
