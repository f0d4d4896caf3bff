"""newstables: news articles about migration policy as tidy, traceable tables."""

from newstables.errors import NewstablesError
from newstables.extract.article import Article, Paragraph, Sentence, article_from_text, load_article

__version__ = "0.1.0"

__all__ = [
    "Article",
    "NewstablesError",
    "Paragraph",
    "Sentence",
    "__version__",
    "article_from_text",
    "load_article",
]
