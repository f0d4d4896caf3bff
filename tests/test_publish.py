"""Published files hold nothing of the machine; report folders are readable by others."""

import os

import pytest

from newstables import paths
from newstables.run.publish import open_to_readers, scrub, shown_path


def test_a_path_inside_the_project_is_shown_relative_to_the_project(tmp_path):
    assert shown_path(paths.SEED_ARTICLE, tmp_path) == "seeds/turkiye-uk-deal-2023.txt"
    assert shown_path(paths.REPORTS / "x", paths.REPORTS / "x") == "reports/x"


def test_a_path_outside_the_project_is_shown_relative_to_the_report(tmp_path):
    report = tmp_path / "reports" / "x"
    assert shown_path(tmp_path / "in" / "x.txt", report) == "../../in/x.txt"
    assert shown_path(report, report) == "."


def test_scrub_replaces_the_longest_absolute_path_first():
    places = {"/srv/reports/.x.run-1": "reports/x", "/srv/": ""}
    assert scrub("No such file: /srv/reports/.x.run-1/tables/a.csv in /srv/seeds", places) == (
        "No such file: reports/x/tables/a.csv in seeds")


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o027, 0o750), (0o077, 0o700)])
def test_a_report_folder_gets_the_mode_the_umask_allows(tmp_path, umask, mode):
    folder = tmp_path / "private"
    folder.mkdir(mode=0o700)
    old = os.umask(umask)
    try:
        open_to_readers(folder)
    finally:
        os.umask(old)
    assert folder.stat().st_mode & 0o777 == mode
