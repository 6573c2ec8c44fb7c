"""teams.yml: declared teams, problems for bad declarations, and what team pages show."""

from __future__ import annotations

from pathlib import Path

from lxml import html as lxml_html

from tests.builder import MINIMAL_MKDOCS, Built, mkdocs_build, write_tree
from tests.reading import EXPERIMENT, INCIDENT, WEEKNOTE, md, problems, read

AUTHORS = """\
amara:
  name: Amara Okafor
tomasz:
  name: Tomasz Nowak
"""
TEAMS = """\
platform:
  name: Platform
  description: Runs the hosting and the shared components <b>every</b> service uses.
  members: [amara, tomasz]
  links:
    - title: Service status
      url: https://status.example.org/
    - title: Sneaky
      url: "javascript:alert(1)"
data-science:
  name: Data Science
"""


def test_an_unknown_team_is_a_warning_with_the_nearest_team(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        {
            "authors.yml": AUTHORS,
            "teams.yml": TEAMS,
            "weeknotes/2026-W47-platform.md": md(WEEKNOTE.replace("platform", "platfrom")),
            "experiments/fine.md": md(EXPERIMENT + "team: Data Science\n"),
            "incidents/far.md": md(INCIDENT + "team: facilities\n"),
        },
    )
    found = [str(p) for p in result.problems]
    assert found == [
        "incidents/far.md:8: warning: team 'facilities' is not in teams.yml: declare it in "
        "teams.yml",
        "weeknotes/2026-W47-platform.md:3: warning: team 'platfrom' is not in teams.yml "
        "(did you mean 'platform'?)",
    ]
    assert len(result.entries) == 3  # a warning: the entries are still published


def test_a_weeknote_without_a_title_is_named_after_the_declared_team(tmp_path: Path) -> None:
    result = read(
        tmp_path,
        {
            "teams.yml": TEAMS,
            "weeknotes/2026-W47-ds.md": md(WEEKNOTE.replace("platform", "data-science")),
        },
    )
    assert [e.title for e in result.entries] == ["Data Science team: week 47, 2026"]


def test_without_a_teams_file_any_team_is_accepted(tmp_path: Path) -> None:
    result = read(
        tmp_path, {"weeknotes/2026-W47-platform.md": md(WEEKNOTE.replace("platform", "platfrom"))}
    )
    assert result.problems == [] and result.teams is None


def test_bad_declarations_are_problems_at_their_lines(tmp_path: Path) -> None:
    teams = """\
platform:
  name: Platform
  memebers: [amara]
  members: [amara, tomasz, amra]
  links:
    - title: No address
ops: [a, list]
"""
    result = read(tmp_path, {"authors.yml": AUTHORS, "teams.yml": teams})
    assert [str(p) for p in problems(result, "teams.yml")] == [
        "teams.yml:3: warning: team 'platform': unknown field 'memebers' (did you mean 'members'?)",
        "teams.yml:4: warning: team 'platform': member 'amra' is not in authors.yml "
        "(did you mean 'amara'?)",
        "teams.yml:6: error: team 'platform': each link needs a url (and a title), e.g. "
        "{title: Roadmap, url: https://example.org/roadmap}",
        "teams.yml:7: error: team 'ops' should be a mapping: name, description, members, links",
    ]
    assert result.teams is not None and set(result.teams) == {"platform"}
    assert [a.id for a in result.teams["platform"].members] == ["amara", "tomasz", "amra"]


def test_a_teams_file_that_is_not_yaml_is_an_error(tmp_path: Path) -> None:
    result = read(tmp_path, {"teams.yml": "platform: [unclosed\n"})
    (problem,) = problems(result, "teams.yml")
    assert problem.level == "error" and "not valid YAML" in problem.message


def _built(tmp_path: Path) -> Built:
    root = write_tree(
        tmp_path / "src",
        {
            "mkdocs.yml": MINIMAL_MKDOCS,
            "docs/index.md": "# Home\n",
            "authors.yml": AUTHORS,
            "teams.yml": TEAMS,
            "weeknotes/2026-W47-platform.md": md(
                WEEKNOTE + "title: Platform week 47\nauthors: [amara]"
            ),
            "incidents/2026-11-03-search.md": md(INCIDENT + "team: platform\nauthors: [amara]"),
            "experiments/fine.md": md(EXPERIMENT + "team: data-science\n"),
        },
    )
    return mkdocs_build(root / "mkdocs.yml", tmp_path / "site")


def test_team_pages_show_the_declaration_and_the_index_the_latest_and_counts(
    tmp_path: Path,
) -> None:
    built = _built(tmp_path)
    team = lxml_html.fromstring(built.page("teams/platform/"))
    about = team.xpath("//div[@class='ow-team-about']")[0]
    text = " ".join(about.text_content().split())
    # Escaped as text, never markup.
    assert "Runs the hosting and the shared components <b>every</b> service uses." in text
    members = {a.text_content(): a.get("href") for a in about.xpath(".//p[2]/a")}
    assert members == {"Amara Okafor": "../../authors/amara/"}  # Tomasz has no page: no link
    assert "Tomasz Nowak" in text
    links = {a.text_content(): a.get("href") for a in about.xpath(".//li/a")}
    assert links == {"Service status": "https://status.example.org/", "Sneaky": "#"}
    assert team.xpath("//h1")[0].text_content() == "Platform team"

    index = lxml_html.fromstring(built.page("teams/"))
    items = {
        li.xpath("./a")[0].text_content(): " ".join(li.text_content().split())
        for li in index.xpath("//li[@class='ow-teams__team']")
    }
    assert set(items) == {"Platform", "Data Science"}
    assert "(1 weeknote, 1 incident)" in items["Platform"]
    assert "Latest: Platform week 47, 20 November 2026" in items["Platform"]
    assert "(1 experiment)" in items["Data Science"]
