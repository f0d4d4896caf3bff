"""Whether an article's report is current: made from the same text, notebooks and
parameters, so a scheduler need not run it again."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path

from newstables.article import Article


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fingerprint(source: Path, notebooks: Sequence[Path], article: Article,
                extra: dict[str, object]) -> dict:
    """What a report is made from: the article text's sha256, each notebook's sha256, the
    publication date and the parameters given."""
    return {
        "article_sha256": _sha256(source),
        "notebooks": {nb.name: _sha256(nb) for nb in notebooks},
        "published": article.published.isoformat() if article.published else "",
        "parameters": {name: extra[name] for name in sorted(extra)},
    }


def is_current(report: Path, inputs: dict) -> bool:
    """Whether ``report`` holds a successful run made from exactly ``inputs``."""
    try:
        record = json.loads((report / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (isinstance(record, dict) and record.get("status") == "ok"
            and record.get("inputs") == json.loads(json.dumps(inputs)))
