"""What a newcomer reads first: the README's first screen, its links, and the exercises'
hints into the tutorial. (The facts themselves are tested where they are made true.)"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
TUTORIAL = "https://verdantfox.com/blog/cookies-with-the-flask-web-framework"
# The tutorial's sections, as its page anchors them.
SECTIONS = {
    "setting-cookies",
    "reading-cookies",
    "cookie-expirations",
    "cookie-paths",
    "deleting-cookies",
}


def test_the_first_screen_shows_the_three_commands_a_newcomer_needs():
    first_screen = "\n".join(README.splitlines()[:24])
    for command in ("make lab", "make test", "make exercise 1"):
        assert re.search(rf"^{command} ", first_screen, re.M), command


def test_it_names_and_links_the_tutorial_and_its_code():
    assert f'["Set, update, read, and delete cookies with Flask"]({TUTORIAL})' in README
    assert "(https://github.com/VerdantFox/flask_cookies)" in README


def test_the_benchmark_diary_lives_in_docs_not_in_the_readme():
    performance = (ROOT / "docs" / "performance.md").read_text()
    for heading in ("## How it stays fast", "## Speed and reliability, measured"):
        assert heading in performance and heading.lstrip("# ") not in README
    assert "16.4 s (16.2-16.4)" in performance and "16.4 s" not in README


def test_every_link_to_a_file_of_the_project_resolves():
    docs = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    for doc in docs:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", doc.read_text()):
            assert (doc.parent / target).exists(), f"{doc.name} links to {target}"


@pytest.mark.parametrize("readme", sorted(ROOT.glob("exercises/*/README.md")), ids=str)
def test_each_exercises_hints_send_the_learner_to_a_section_of_the_tutorial(readme):
    _, hints = readme.read_text().split("## Hints")
    links = re.findall(rf"\({re.escape(TUTORIAL)}#([a-z-]+)\)", hints)
    assert links, "no hint links into the tutorial"
    assert set(links) <= SECTIONS


def test_the_architecture_page_names_every_module_and_the_readme_links_it():
    page = (ROOT / "docs" / "architecture.md").read_text()
    assert "(docs/architecture.md)" in README
    # A folder of content, one module per scenario or exercise, is named by its folder.
    by_folder = {"content/tutorial", "content/beyond", "content/cross_site"}
    missing = []
    for module in sorted((ROOT / "scenarios").rglob("*.py")):
        name = module.relative_to(ROOT / "scenarios").as_posix()
        folder = name.rpartition("/")[0]
        if module.name in ("__init__.py", "__main__.py") or folder in by_folder:
            continue
        if re.fullmatch(r"content/exercises/ex\d\d_\w+\.py", name):
            name = "content/exercises/exNN_<slug>.py"
        if f"`{name}`" not in page:
            missing.append(name)
    assert missing == [], "docs/architecture.md lists no line for these modules"
