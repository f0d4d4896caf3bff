"""Project paths, derived from this file so nothing depends on the working directory."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
ROOT = PACKAGE_DIR.parent.parent
NOTEBOOKS = ROOT / "notebooks"
SEEDS = ROOT / "seeds"
REFERENCE = ROOT / "data" / "reference"
REPORTS = ROOT / "reports"
LEXICONS = PACKAGE_DIR / "lexicons"

SEED_ID = "turkiye-uk-deal-2023"
SEED_ARTICLE = SEEDS / f"{SEED_ID}.txt"
