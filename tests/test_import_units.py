"""The import's pieces on small inputs: template code, front matter formats, unreadable posts."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from openwork.content.liquid import clean_text, convert, reference_name
from openwork.importing.old_urls import normalise, old_urls, prefixes, site_settings
from openwork.importing.plan import Settings, plan_import
from openwork.importing.sources import Blog, find_blog, read_posts, split_front_matter
from openwork.options import Options

from tests.builder import write_tree


def test_highlight_blocks_become_fences_and_raw_tags_go() -> None:
    out, changes = convert(
        "{% highlight python %}\nx = 1\n{% endhighlight %}\n{% raw %}a{% endraw %}"
    )
    assert out == "```python\nx = 1\n```\na"
    assert not any(c.needs_person for c in changes)


def test_hugo_percent_shortcodes_and_closing_tags() -> None:
    out, changes = convert('[a]({{% relref "/posts/b.md#part" %}}) {{< note >}}Hi{{< /note >}}')
    assert out == "[a](b.md) Hi"
    assert [c.needs_person for c in changes] == [False, True, True]


def test_hugo_embeds_become_links_and_highlight_a_fence() -> None:
    out, changes = convert(
        '{{< gist spf13 7896402 >}}\n{{< tweet user="SanDiegoZoo" id="1453110110599868418" >}}\n'
        "{{< highlight go >}}\nx := 1\n{{< /highlight >}}\n{{< youtube >}}"
    )
    assert out.split("\n") == [
        "[Gist](https://gist.github.com/spf13/7896402)",
        "[Post on X](https://x.com/SanDiegoZoo/status/1453110110599868418)",
        "```go",
        "x := 1",
        "```",
        "",
    ]
    assert [c.needs_person for c in changes] == [False, False, False, False, True]


def test_a_link_tag_to_a_file_keeps_the_file() -> None:
    out, changes = convert("[Report]({% link assets/report.pdf %})")
    assert out == "[Report](/assets/report.pdf)" and not changes[0].needs_person


def test_url_filters_keep_the_path() -> None:
    out, _ = convert('![x]({{ "/assets/a.png" | relative_url }})')
    assert out == "![x](/assets/a.png)"


def test_a_page_without_template_code_is_unchanged() -> None:
    text = "A { brace } and { .lead } attr_list\n\n```\n{% x %}\n```\n"
    assert convert(text) == (text, [])


def test_reference_names() -> None:
    assert reference_name("_posts/2024-01-02-a.md") == "2024-01-02-a"
    assert reference_name('"post/b/index.md"') == "b"
    assert reference_name("/posts/c/") == "c"


def test_clean_text_for_titles() -> None:
    assert clean_text("Launch {{ site.title }} {:.x}") == "Launch"


def test_toml_front_matter_with_dates_and_times() -> None:
    data, body, problem = split_front_matter(
        '+++\ntitle = "A"\ndate = 2023-03-01T10:00:00Z\nat = 09:30:00\n+++\n\nBody\n'
    )
    assert problem is None and body == "Body\n"
    assert data == {"title": "A", "date": datetime(2023, 3, 1, 10, tzinfo=UTC), "at": "09:30:00"}


def test_json_front_matter() -> None:
    data, body, problem = split_front_matter('{\n  "title": "A",\n  "tags": ["x"]\n}\n\nBody\n')
    assert (data, body, problem) == ({"title": "A", "tags": ["x"]}, "Body\n", None)
    assert split_front_matter("{% include x %}\nText\n")[0] == {}


def test_posts_that_cannot_be_read_are_listed_not_written(tmp_path: Path) -> None:
    write_tree(
        tmp_path / "blog",
        {
            "_posts/2024-01-01-ok.md": "---\ntitle: Fine\ntags: search forms\n---\nText\n",
            "_posts/2024-01-02-broken.md": "---\ntitle: [unclosed\n---\nText\n",
        },
    )
    (tmp_path / "blog/_posts/2024-01-03-latin1.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    blog = find_blog("jekyll", tmp_path / "blog")
    posts = read_posts(blog)
    assert [p.name for p in posts] == ["2024-01-01-ok"]
    assert [rel for rel, _ in blog.unreadable] == ["2024-01-02-broken.md", "2024-01-03-latin1.md"]
    assert "not UTF-8" in blog.unreadable[1][1]
    [plan] = plan_import(blog, Settings("weeknote", "web", None, None), Options())
    assert plan.rel_out == "weeknotes/2024/2024-01-01-ok.md"
    assert plan.data["tags"] == ["search", "forms"] and plan.data["team"] == "web"
    assert plan.data["date"] == "2024-01-01"


def blog_of(root: Path, files: dict[str, str], generator: str = "jekyll") -> Blog:
    """A blog written under root and read, as the import reads it."""
    write_tree(root, files)
    blog = find_blog(generator, root)
    read_posts(blog)
    return blog


def test_into_is_for_the_kind_and_tagged_weeknotes_keep_their_folder(tmp_path: Path) -> None:
    blog = blog_of(
        tmp_path / "blog",
        {
            "_posts/2024-01-01-week.md": "---\ncategories: [Weeknotes]\n---\nText\n",
            "_posts/2024-01-02-outage.md": "---\ntitle: Down\n---\nText\n",
        },
    )
    plans = plan_import(blog, Settings("incident", "web", "incidents/old", "weeknotes"), Options())
    assert [(p.kind, p.rel_out) for p in plans] == [
        ("weeknote", "weeknotes/2024/2024-01-01-week.md"),
        ("incident", "incidents/old/2024/2024-01-02-outage.md"),
    ]


def test_no_file_outside_the_old_site_is_copied(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("not for the web\n", encoding="utf-8")
    blog = blog_of(
        tmp_path / "blog", {"_posts/2024-01-01-a.md": "---\ntitle: A\n---\n[s](../../secret.txt)\n"}
    )
    [plan] = plan_import(blog, Settings("weeknote", "web", None, None), Options())
    assert plan.assets == {}
    assert plan.needs == [
        (plan.body_line(), "../../secret.txt was not found in the old site: not copied")
    ]


def test_old_addresses_follow_the_jekyll_permalink_setting(tmp_path: Path) -> None:
    blog = blog_of(
        tmp_path / "blog",
        {
            "_config.yml": "url: https://old.example\nbaseurl: /b\npermalink: pretty\n",
            "_posts/notes/2024-01-05-hello.md": "---\ncategories: [Team News]\n---\nHi\n",
        },
    )
    [post] = blog.posts
    settings = site_settings(blog)
    assert old_urls(post, blog, settings) == {"notes/team-news/2024/01/05/hello"}
    assert normalise(
        "https://old.example/b/notes/team-news/2024/01/05/hello/#x", prefixes(settings)
    ) == ("notes/team-news/2024/01/05/hello")
    assert normalise("/2024/01/05/hello.html") == "2024/01/05/hello"


def test_old_addresses_follow_hugo_permalinks(tmp_path: Path) -> None:
    blog = blog_of(
        tmp_path / "site",
        {
            "hugo.toml": (
                'baseURL = "https://s.example/"\n[permalinks]\nposts = "/:year/:month/:title/"\n'
            ),
            "content/posts/x.md": '+++\ntitle = "Cache Warm-up!"\ndate = 2023-03-08\n+++\nHi\n',
        },
        "hugo",
    )
    [post] = blog.posts
    settings = site_settings(blog)
    assert old_urls(post, blog, settings) == {"2023/03/cache-warm-up"}
    assert (
        normalise("https://s.example/2023/03/cache-warm-up/", prefixes(settings))
        == "2023/03/cache-warm-up"
    )
