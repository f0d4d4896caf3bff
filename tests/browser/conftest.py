"""A report of the seed and of a hostile article, opened in headless Chromium.

The suite runs where Chromium and Playwright are installed and skips with one line where
not; under CI (``CI=true``) a missing browser fails the run instead of skipping.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from newstables import paths
from newstables.run.refresh import README_SCREENSHOT

HOSTILE = Path(__file__).resolve().parent.parent / "data" / "hostile-article.txt"
LAUNCH_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--metrics-recording-only",
]
SCREENSHOT = README_SCREENSHOT


def chromium_path() -> str | None:
    """The system's Chromium: ``$NEWSTABLES_CHROMIUM`` or ``chromium`` on the PATH."""
    return (os.environ.get("NEWSTABLES_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))


def missing_browser() -> str:
    """Why the browser suite cannot run here ("" when it can)."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (make setup installs it)"
    if not chromium_path():
        return "no Chromium on this machine (apt-get install chromium)"
    return ""


def require_browser() -> None:
    """Skip the calling test module in one line where no browser can run; fail under CI."""
    reason = missing_browser()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}", pytrace=False)
        pytest.skip(f"browser tests skipped: {reason}", allow_module_level=True)


def launch(playwright):
    """The system's Chromium, headless, with nothing of its own reaching out."""
    return playwright.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)


@dataclass
class Visit:
    """What happened while a page loaded: everything the suite fails on."""

    outside_requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    broken_images: list[str] = field(default_factory=list)
    scripts: int = 0
    handlers: list[str] = field(default_factory=list)
    script_links: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    text: str = ""
    title: str = ""


@pytest.fixture(scope="session")
def reports(tmp_path_factory):
    """One run of the whole collection over the seed and the hostile article."""
    from newstables.run.runner import run_collection

    out = tmp_path_factory.mktemp("browser") / "reports"
    runs = run_collection([paths.SEED_ARTICLE, HOSTILE], out=out, quiet=True)
    assert [r.status for r in runs] == ["ok", "ok"], [r.error for r in runs]
    return out


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()


_INSPECT = """() => ({
  broken: Array.from(document.images)
      .filter(i => !i.complete || i.naturalWidth === 0).map(i => i.getAttribute('src')),
  scripts: document.querySelectorAll('script').length,
  handlers: Array.from(document.querySelectorAll('*')).flatMap(el =>
      Array.from(el.attributes).filter(a => a.name.toLowerCase().startsWith('on'))
          .map(a => el.tagName + ' ' + a.name)),
  scriptLinks: Array.from(document.querySelectorAll('[href],[src],[action]')).flatMap(el =>
      ['href', 'src', 'action'].map(n => el.getAttribute(n) || '')
          .filter(v => /^\\s*(javascript|vbscript|data:text)/i.test(v))),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  text: document.body.innerText,
  title: document.title,
})"""


@pytest.fixture(scope="session")
def visit(browser):
    """Open a file in a fresh page with every non-file request blocked and counted."""

    def open_page(path: Path, screenshot: Path | None = None) -> Visit:
        seen = Visit()
        context = browser.new_context(viewport={"width": 1200, "height": 900},
                                      java_script_enabled=True)

        def route(r):
            url = r.request.url
            if url.startswith(("file:", "data:")):
                r.continue_()
            else:
                seen.outside_requests.append(url)
                r.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("console", lambda m: m.type == "error" and seen.console_errors.append(m.text))
        page.on("pageerror", lambda e: seen.page_errors.append(str(e)))

        def dialog(d):
            seen.dialogs.append(d.message)
            d.dismiss()

        page.on("dialog", dialog)
        page.goto(path.as_uri(), wait_until="load")
        page.wait_for_load_state("networkidle")
        found = page.evaluate(_INSPECT)
        seen.broken_images = found["broken"]
        seen.scripts = found["scripts"]
        seen.handlers = found["handlers"]
        seen.script_links = found["scriptLinks"]
        seen.links = found["links"]
        seen.text = found["text"]
        seen.title = found["title"]
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot))
        context.close()
        return seen

    return open_page
