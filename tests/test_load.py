from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefer.ingest import load
from briefer.errors import InputError
from briefer.ingest.outlets import assign_outlets
from briefer.types import Article
from briefer.ingest.load import articles_from_records, load_cluster, normalise_date, sample_cluster_path

BODY = "Blinken met Lavrov in Geneva on Friday. They agreed to keep talking."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# The bundled sample


def test_sample_cluster_path_holds_the_five_seeds() -> None:
    folder = sample_cluster_path()
    assert folder.is_dir()
    assert len(sorted(folder.glob("*.txt"))) == 5


def test_seed_headers_are_read() -> None:
    loaded = load_cluster(sample_cluster_path())
    assert loaded.problems == ()
    articles = loaded.articles
    assert [a.id for a in articles] == ["a1", "a2", "a3", "a4", "a5"]
    assert [Path(a.source or "").name[:3] for a in articles] == ["000", "001", "002", "003", "004"]
    assert [a.date for a in articles] == ["2022-01-21", None, "2022-01-21", None, "2022-01-21"]
    assert articles[0].title == "US is fully prepared for another BidenPutin summit says Blinken"
    assert articles[0].url == "https://news.webindia123.com/news/Articles/World/20220121/3897545.html"
    assert articles[0].text.startswith("He told that Washington")
    assert articles[1].title == "US \u2018fully prepared\u2019 for another Biden-Putin summit, says Antony Blinken"
    assert articles[1].url is None
    assert articles[2].title is None
    assert articles[2].text.startswith("Despite reaching no breakthroughs")
    assert (
        articles[3].title
        == "After a Discussion on Ukraine, the United States and Russia Agreed to Continue Discussing."
    )
    assert articles[4].url and articles[4].url.startswith("https://thehill.com/")
    assert all(a.outlet is None for a in articles)


# Plain-text headers


@pytest.mark.parametrize(
    ("content", "title", "date", "url"),
    [
        (
            f"Blinken meets Lavrov\n20220121\nhttps://x.com/a\n{BODY}",
            "Blinken meets Lavrov",
            "2022-01-21",
            "https://x.com/a",
        ),
        (f"Blinken meets Lavrov\n\n{BODY}", "Blinken meets Lavrov", None, None),
        (f"Blinken meets Lavrov\n2022-01-21\n{BODY}", "Blinken meets Lavrov", "2022-01-21", None),
        (f" date 2022-01-21 {BODY}", None, "2022-01-21", None),
        (f"Date: 2022-01-21\n{BODY}", None, "2022-01-21", None),
        (f"https://x.com/a\nBlinken meets Lavrov\n{BODY}", None, None, "https://x.com/a"),
        (f"# Blinken meets Lavrov\n\n{BODY}", "Blinken meets Lavrov", None, None),
        (
            f"Blinken and Lavrov Agree to Keep Talking.\n\n{BODY}",
            "Blinken and Lavrov Agree to Keep Talking.",
            None,
            None,
        ),
        (BODY, None, None, None),
        ("Blinken met Lavrov in Geneva on Friday.\n\nThey agreed to keep talking.", None, None, None),
        (f"Blinken meets Lavrov\n20221399\n{BODY}", "Blinken meets Lavrov", None, None),
    ],
)
def test_text_file_headers(tmp_path: Path, content: str, title: str | None, date: str | None, url: str | None) -> None:
    article = load_cluster(write(tmp_path, "a.txt", content)).articles[0]
    assert (article.title, article.date, article.url) == (title, date, url)
    assert "Blinken met Lavrov" in article.text or "Blinken meets Lavrov" in article.text


def test_no_body_text_is_lost_from_a_header_less_file(tmp_path: Path) -> None:
    content = "Blinken met Lavrov in Geneva on Friday.\n\nThey agreed to keep talking."
    assert load_cluster(write(tmp_path, "a.txt", content)).articles[0].text == content


def test_a_title_only_file_is_skipped(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", f"Title\n20220121\n{BODY}")
    write(tmp_path, "b.txt", "Just A Title\n20220121\nhttps://x.com/a\n")
    loaded = load_cluster(tmp_path)
    assert len(loaded.articles) == 1
    assert loaded.problems == (f"{tmp_path / 'b.txt'}: no article text; skipped",)


def test_markdown_and_windows_line_ends(tmp_path: Path) -> None:
    article = load_cluster(write(tmp_path, "a.md", f"# Talks\r\n2022-01-21\r\n\r\n{BODY}\r\n")).articles[0]
    assert (article.title, article.date, article.text) == ("Talks", "2022-01-21", BODY)


# Folders


def test_folder_order_ids_and_what_is_ignored(tmp_path: Path) -> None:
    write(tmp_path, "b.txt", f"Second\n\n{BODY}")
    write(tmp_path, "a.md", f"First\n\n{BODY}")
    write(tmp_path, "c.json", json.dumps({"title": "Third", "text": BODY}))
    write(tmp_path, ".hidden.txt", f"Hidden\n\n{BODY}")
    write(tmp_path, "README.md", "# About this folder\n\nNot an article.")
    write(tmp_path, "notes.csv", "a,b")
    write(tmp_path, "picture.png", b"\x89PNG\x00\x00")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "d.txt", f"Nested\n\n{BODY}")
    loaded = load_cluster(tmp_path)
    assert [(a.id, a.title) for a in loaded.articles] == [("a1", "First"), ("a2", "Second"), ("a3", "Third")]
    assert [a.source for a in loaded.articles] == [str(tmp_path / n) for n in ("a.md", "b.txt", "c.json")]
    assert loaded.problems == ()


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("empty.txt", "", "file is empty"),
        ("blank.txt", " \n\n\t", "file is empty"),
        ("binary.txt", b"\x00\x01\x02binary\x00", "binary file, not text"),
        ("noise.txt", bytes(range(256)) * 8, "binary file, not text"),  # NULs under 1%, control bytes one in eight
        ("latin.txt", bytes(range(0x80, 0x100)) * 20, "not UTF-8 text"),
        (
            "bad.json",
            "{not json",
            "invalid JSON (Expecting property name enclosed in double quotes at line 1, column 2)",
        ),
        ("list.json", "[1, 2]", None),
        ("number.json", "42", "expected an article object, got int"),
        ("notext.json", json.dumps({"title": "T", "text": "  "}), "no text (expected one of: text, body, content)"),
        ("cluster.jsonl", json.dumps({"id": "c1", "articles": []}), None),
        ("empty.html", "<html><body><nav>Home</nav></body></html>", "no article text found in the page"),
    ],
)
def test_one_bad_file_is_reported_and_the_rest_loads(
    tmp_path: Path, name: str, content: str | bytes, why: str | None
) -> None:
    write(tmp_path, "0good.txt", f"Good\n\n{BODY}")
    write(tmp_path, name, content)
    loaded = load_cluster(tmp_path)
    assert [a.title for a in loaded.articles] == ["Good"]
    assert loaded.problems, name
    assert all("\n" not in problem and problem.endswith("; skipped") for problem in loaded.problems)
    assert all(str(tmp_path / name) in problem for problem in loaded.problems)
    if why:
        assert loaded.problems == (f"{tmp_path / name}: {why}; skipped",)


def test_a_file_over_the_size_cap_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(load, "MAX_ARTICLE_BYTES", 1024 * 1024)
    write(tmp_path, "a.txt", f"Good\n\n{BODY}")
    write(tmp_path, "huge.txt", BODY * 20000)
    loaded = load_cluster(tmp_path)
    assert len(loaded.articles) == 1
    assert loaded.problems == (f"{tmp_path / 'huge.txt'}: file is 1.3 MB, over the 1 MB limit; skipped",)


def test_the_size_caps_are_documented_values() -> None:
    assert load.MAX_ARTICLE_BYTES == 5 * 1024 * 1024
    assert load.MAX_RECORDS_BYTES == 100 * 1024 * 1024


def test_encodings(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "Caf\u00e9 talks \u201cwent well\u201d.\n".encode("cp1252"))
    write(tmp_path, "b.txt", ("\ufeff" + BODY).encode("utf-8"))
    write(tmp_path, "c.txt", ("\ufeff" + BODY).encode("utf-16-le"))
    texts = [a.text for a in load_cluster(tmp_path).articles]
    assert texts == ["Caf\u00e9 talks \u201cwent well\u201d.", BODY, BODY]


# JSON and JSONL


def test_json_object_list_and_cluster(tmp_path: Path) -> None:
    record = {
        "title": "T",
        "url": "https://thehill.com/a",
        "date": "2022-01-21T10:00:00Z",
        "outlet": "The Hill",
        "text": BODY,
    }
    write(tmp_path, "a.json", json.dumps(record))
    write(tmp_path, "b.json", json.dumps([record, {"body": BODY}, {"title": "no text"}]))
    write(
        tmp_path,
        "c.json",
        json.dumps({"id": "cluster", "articles": [{"content": BODY, "source": {"id": None, "name": "Wire"}}]}),
    )
    loaded = load_cluster(tmp_path)
    a1, a2, a3, a4 = loaded.articles
    assert (a1.title, a1.url, a1.date, a1.outlet, a1.text) == (
        "T",
        "https://thehill.com/a",
        "2022-01-21",
        "The Hill",
        BODY,
    )
    assert (a2.source, a3.source, a4.source) == (
        str(tmp_path / "b.json[1]"),
        str(tmp_path / "b.json[2]"),
        str(tmp_path / "c.json[1]"),
    )
    assert (a3.title, a3.text) == (None, BODY)
    assert a4.outlet == "Wire"
    assert loaded.problems == (f"{tmp_path / 'b.json[3]'}: no text (expected one of: text, body, content); skipped",)


def test_jsonl_lines_sources_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "One", "text": BODY, "source": "Reuters", "date": 20220121}),
        "",
        "[1, 2]",
        "{broken",
        json.dumps({"title": "No text"}),
        json.dumps({"title": "Two", "content": BODY, "url": None, "date": "Fri, 21 Jan 2022 10:00:00 GMT"}),
    ]
    path = write(tmp_path, "cluster.jsonl", "\n".join(lines) + "\n")
    loaded = load_cluster(path)
    assert [(a.id, a.title, a.source) for a in loaded.articles] == [
        ("a1", "One", f"{path}:1"),
        ("a2", "Two", f"{path}:6"),
    ]
    assert [a.outlet for a in loaded.articles] == ["Reuters", None]
    assert [a.date for a in loaded.articles] == ["2022-01-21", "2022-01-21"]
    assert [problem.split(": ", 1)[0] for problem in loaded.problems] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "expected an article object, got list" in loaded.problems[0]


def test_a_jsonl_of_clusters_says_so(tmp_path: Path) -> None:
    path = write(tmp_path, "eval.jsonl", json.dumps({"id": "c", "articles": [{"text": BODY}], "references": []}))
    with pytest.raises(InputError, match="it looks like a cluster"):
        load_cluster(path)


# HTML


def html_paragraphs(*sentences: str) -> str:
    return "".join(f"<p>{sentence}</p>" for sentence in sentences)


def saved_article(tmp_path: Path, page: str) -> Article:
    """The article a saved web page (``page``, its HTML) is read as."""
    return load_cluster(write(tmp_path, "page.html", page)).articles[0]


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    paragraphs = html_paragraphs(
        "US Secretary of State Antony Blinken met Russian Foreign Minister Sergey Lavrov in Geneva on Friday.",
        "The two diplomats agreed to keep talking after Washington sends written answers next week.",
        "Neither side expected a breakthrough at the meeting, officials said before the talks began.",
    )
    page = (
        "<html><head><title>Blinken meets Lavrov | The Hill</title>"
        '<link rel="canonical" href="https://thehill.com/policy/590742">'
        '<meta property="article:published_time" content="2022-01-21T10:00:00Z"></head>'
        f"<body><nav>Home | World</nav><article><h1>Blinken meets Lavrov</h1>{paragraphs}</article>"
        "<footer>Copyright</footer></body></html>"
    )
    article = saved_article(tmp_path, page)
    assert article.title == "Blinken meets Lavrov"
    assert article.url == "https://thehill.com/policy/590742"
    assert article.date == "2022-01-21"
    assert "agreed to keep talking after Washington sends written answers" in article.text
    assert "Copyright" not in article.text


def test_a_boxs_heading_taken_for_the_title_gives_way_to_the_pages_own(tmp_path: Path) -> None:
    # postlight/parser's thoughtcatalog.com fixture: the extractor's title was the "More From Thought Catalog" box
    paragraphs = html_paragraphs(
        "One day you are going to meet someone in your life who is going to change everything you thought you knew.",
        "They will show you that the world is bigger than the small town you grew up in, and kinder than you feared.",
        "And when they leave, as some of them will, you will still be the person they helped you to become today.")
    page = ("<html><head><title>One Day You Will Meet Someone Who Will Change Your Life | Thought Catalog</title>"
            f"</head><body><article>{paragraphs}</article><aside><h1>More From Thought Catalog</h1><ul><li><a "
            'href="/a">Ten things</a></li></ul></aside></body></html>')
    title = saved_article(tmp_path, page).title
    assert title is not None and title.startswith("One Day You Will Meet Someone")


def test_a_publication_date_the_page_declares_is_its_date(tmp_path: Path) -> None:
    # L3S-GN1: The China Post's Lahore bombing of 2008-01-11, saved on 2008-01-15 and read as of that day, when its
    # head says <meta name="PublicationDate" content="2008-01-11">, a name the extractor's date reader does not know
    paragraphs = html_paragraphs(
        "At least 22 police and four civilians were killed Thursday when a suicide bomber blew himself up in Lahore.",
        "The bomber triggered a device packed with ball bearings when police stopped him outside the court.",
        "The blast ripped through a busy square in the city centre as riot police gathered ahead of a protest.")
    page = ('<!-- 2008/1/15 --><html><head><title>26 killed in suicide attack on Pakistan police</title>'
            '<meta name="PublicationDate" content="2008-01-11"></head><body><p>Tuesday, January 15, 2008</p>'
            f"<article>{paragraphs}</article></body></html>")
    assert saved_article(tmp_path, page).date == "2008-01-11"


def test_a_paragraph_wrapped_in_the_page_source_is_one_line_of_text(tmp_path: Path) -> None:
    # L3S-GN1 (ogpaper.com, 2008): the source wraps its paragraphs with indented lines; read as line breaks they made
    # points of "Aguilera both gave birth ..." and "Kate Madden and have now left the hospital."
    wrapped = ('<p><font size="2">Nicole Richie and Christina \n\t\t\t\tAguilera both gave birth to healthy babies on '
               "Saturday in L.A. Christina Aguilera, who married music producer Jordan \n\t\t\t\tBratman in 2005, gave "
               'birth to a baby boy, according to reports.</font></p><p><font size="2">Nicole and Madden named their '
               "daughter Harlow Winter \n\t\t\t\tKate Madden and have now left the hospital.</font></p>")
    page = ("<html><head><title>Richie and Aguilera give birth</title></head><body><table><tr><td><div>"
            f"{wrapped}</div></td></tr></table></body></html>")  # a page laid out in a table, as in 2008
    text = saved_article(tmp_path, page).text
    assert "Nicole Richie and Christina Aguilera both gave birth" in text
    assert "Jordan Bratman in 2005" in text and "Harlow Winter Kate Madden and have" in text
    assert len([line for line in text.split("\n") if line.strip()]) == 2  # the two paragraphs stay two


def test_an_empty_ad_slot_inside_a_word_leaves_the_word_whole(tmp_path: Path) -> None:
    # L3S-GN1 (telegraph.co.uk, 2008): an advert's empty <div> sits inside a word, and the extractor's line break
    # made "the least they des erved" and "officer John Cowar d" of it.
    page = ("<html><head><title>Sale beat Leeds</title></head><body><article><p>A converted try and a penalty were "
            'the least they des<div id="ds-mpu"></div>erved for their superiority, the coach said on Sunday.</p>'
            "<p>Sale took until the 26th minute to register their first points against a side that defended "
            "well.</p><p>The home side travel to Leicester next weekend for the last match of the pool.</p>"
            "</article></body></html>")
    text = saved_article(tmp_path, page).text
    assert "the least they deserved for their superiority" in text


@pytest.mark.parametrize(("head", "outlet", "url"), [
    ('<meta property="og:site_name" content="Deccan Herald">'
     '<link rel="canonical" href="https://www.deccanherald.com/state/budget-1">',
     "Deccan Herald", "https://www.deccanherald.com/state/budget-1"),  # the page's own name, not "deccanherald.com"
    ('<meta property="og:site_name" content="https://www.deccanherald.com">'
     '<meta property="og:url" content="https://www.deccanherald.com/state/budget-1">',
     "deccanherald.com", "https://www.deccanherald.com/state/budget-1"),  # a host is no name: the domain's
    ('<meta property="og:site_name" content="TheHill.com news">'
     '<link rel="canonical" href="https://thehill.com/policy/1">',
     "The Hill", "https://thehill.com/policy/1"),  # the packaged table's name for a domain it knows
    ('<div class="ad-slot"></div><meta property="og:url" content="https://www.rollingstone.com/music/doobie-1/">',
     "rollingstone.com", "https://www.rollingstone.com/music/doobie-1/"),  # after a stray element: in the body
    ('<meta property="og:site_name" content="cleveland">'
     '<link rel="canonical" href="https://www.cleveland.com/entertainment/doobie.html">',
     "cleveland.com", "https://www.cleveland.com/entertainment/doobie.html"),  # its host in lower case: no name
    ('<meta property="og:site_name" content="Wccftech">'
     '<link rel="canonical" href="https://wccftech.com/stadia-destiny-2/">',
     "Wccftech", "https://wccftech.com/stadia-destiny-2/"),  # the same, written as a name
    ('<meta property="og:site_name" content="Space.com"><link rel="canonical" href="https://www.space.com/moon-1">'
     '<script type="application/ld+json">{"publisher": {"name": "Space"}}</script>',
     "space.com", "https://www.space.com/moon-1"),  # its host, shortened later, is still its host
    ('<meta property="og:site_name" content="spokesman.com"><link rel="canonical" href="https://www.spokesman.com/1">'
     '<script type="application/ld+json">{"publisher": {"name": "The Spokesman-Review"}}</script>',
     "The Spokesman-Review", "https://www.spokesman.com/1"),  # a name after its host: the name
    ('<meta name="application-name" content="Budget passes and funds new schools this year">'
     '<meta property="og:site_name" content="MSN"><link rel="canonical" href="https://www.msn.com/en-us/1">',
     "MSN", "https://www.msn.com/en-us/1"),  # its site name, not an application name written first (msn.com, 2016)
])
def test_a_page_names_its_outlet_and_link_from_its_own_metadata(tmp_path: Path, head, outlet, url) -> None:
    assert saved_page(tmp_path, head) == (outlet, url)


def saved_page(tmp_path: Path, head: str, title: str = "Budget passes", foot: str = ""
               ) -> tuple[str | None, str | None]:
    """(outlet, url) of a saved page with ``head`` in its <head> and ``foot`` after its article, as a brief names
    it."""
    sentence = "The state budget passed on Friday and will fund new schools and hospitals this year. "
    page = (f"<html><head><title>{title}</title>{head}</head>"
            f"<body><article><h1>Budget passes</h1><p>{sentence * 4}</p></article>{foot}</body></html>")
    article = assign_outlets([saved_article(tmp_path, page)])[0]
    return article.outlet, article.url


@pytest.mark.parametrize(("head", "title", "outlet"), [
    # What only names the page's owner, a handle, or a part of its title is no outlet (pages saved in 2008 and 2019).
    ('<meta name="copyright" content="&copy; 2000 Rural Press Ltd.">', "Budget passes", "Source 1"),
    ('<meta name="publisher" content="Internet Broadcasting Systems, Inc.">', "Budget passes", "Source 1"),
    ('<meta name="twitter:site" content="@NYTimes">', "Budget passes", "Source 1"),
    ("", "T.J. Ford Cleared To Practice : PROTRADE", "Source 1"),
    ('<meta property="article:publisher" content="https://www.facebook.com/cbssports">', "Budget passes",
     "Source 1"),
    # A name with more in it, its JSON-LD publisher, a host it gives: the name.
    ('<meta property="og:site_name" content="The Jerusalem Post | JPost.com">', "Budget passes", "The Jerusalem Post"),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", "publisher": {"@type": '
     '"Organization", "name": "Deccan Herald"}}]}</script>', "Budget passes", "Deccan Herald"),
    # With no address of its own, the host its title ends on, through the outlet table.
    ("", "Budget passes - CNN.com", "CNN"),
    ('<meta property="og:site_name" content="SignOnSanDiego.com > News">', "Budget passes", "signonsandiego.com"),
])
def test_a_page_without_a_name_of_its_own_is_not_named_by_its_owner_or_title(tmp_path: Path, head, title, outlet
                                                                            ) -> None:
    assert saved_page(tmp_path, head, title) == (outlet, None)


LINKS = '<a href="http://{0}/sport">Sport</a> <a href="http://{0}/world/1.html">World</a>'


@pytest.mark.parametrize(("title", "foot", "outlet"), [
    # Pages saved in 2008 (L3S-GN1) name themselves only in their titles; the page says the name again.
    ("Nigerian rebels claim ship attacks | Reuters", LINKS.format("uk.reuters.com"), "Reuters"),
    ("Camilla's cruise ship is struck by winter sickness bug - Times Online", LINKS.format("www.timesonline.co.uk"),
     "Times Online"),
    ("The Canadian Press: Budget passes", "<p>Copyright &copy; 2008 The Canadian Press. All rights reserved.</p>",
     "The Canadian Press"),
    ("Israel pessimistic over Arab contributions | Jerusalem Post",  # the notice after a link called "Copyright"
     '<p><a href="/copyright/">Copyright</a> &middot; Terms of Use &copy; 1995 - 2007 The Jerusalem Post.</p>',
     "Jerusalem Post"),
    ("Mercury", "<p>&copy; 2007 Mercury &amp; Independent Online (Pty) Ltd. All rights reserved.</p>", "Mercury"),
    ("icScotland - Ryan dismayed by Gloucester", LINKS.format("icscotland.icnetwork.co.uk"), "icScotland"),  # a host
    ("Abbas to Seek Almost Twice as Much Aid From Abroad - New York Times", "", "The New York Times"),  # the table's
    ("Golden Globes show nixed by strike",  # no name in the title: the host its notice gives, where it links
     "<p>&copy; Copyright 2007 NYDailyNews.com. All rights reserved.</p>" + LINKS.format("www.nydailynews.com"),
     "New York Daily News"),
    # A name that begins with the page's domain, or spells it, credits the domain, not a section's name.
    ("Cricket: Windies seal historic win | Cricket | Guardian Unlimited Sport", LINKS.format("sport.guardian.co.uk"),
     "The Guardian"),
    ("Simon says: Cowell tells why the best is yet to come for Idol -- South Florida Sun-Sentinel.com",
     LINKS.format("www.southflorida.com") + LINKS.format("www.sun-sentinel.com"), "sun-sentinel.com"),
    # What the page does not say again, or says as something else, is no name: a section that is a host's name too,
    # a name in the article's own words, a paper whose notice names its owner.
    ("Budget passes - News", LINKS.format("www.news.com.au"), "Source 1"),
    ("Yahoo Buys Flickr For Its Photo Community - Some Blog", LINKS.format("news.yahoo.com"), "Source 1"),  # its story
    ("Football: Liverpool anger as Hicks reveals approach to Klinsmann | News", LINKS.format("football.guardian.co.uk"),
     "Source 1"),  # a section's host names a section before a colon
    ("Badge of dishonour: logo sparks feud - A-League - Football - Sport",
     "<p>The club holds the copyright to all the A-League badges, a spokesman said.</p>", "Source 1"),
    ("Some Subscribers Can Now Watch HBO Online",  # the wire's copy on a station's page; a host it does not link to
     "<p>Copyright 2008 The Associated Press.</p><p>&copy; 2008 hbo-news.example</p>" + LINKS.format("www.wmur.com"),
     "Source 1"),
    ("Toni Collette gives birth - National - General - Wollondilly Advertiser",
     "<p>&copy; 2000 Rural Press Ltd.</p>" + LINKS.format("ads.ruralpress.com"), "Source 1"),
])
def test_a_page_without_metadata_is_named_by_its_title_where_the_page_confirms_it(tmp_path: Path, title, foot,
                                                                                  outlet) -> None:
    assert saved_page(tmp_path, "", title, foot) == (outlet, None)


def test_an_undated_page_gets_no_invented_date(tmp_path: Path) -> None:
    sentence = "Blinken met Lavrov in Geneva on Friday and they talked for ninety minutes about Ukraine. "
    page = f"<html><head><title>Talks</title></head><body><article><p>{sentence * 3}</p></article></body></html>"
    article = saved_article(tmp_path, page)
    assert (article.date, article.url) == (None, None)


# Errors


def test_missing_path(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file or folder"):
        load_cluster(tmp_path / "nope")


def test_empty_folder_and_folder_without_articles(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        load_cluster(tmp_path)
    write(tmp_path, "README.md", "# About")
    write(tmp_path, ".draft.txt", BODY)
    with pytest.raises(InputError, match="no article files"):
        load_cluster(tmp_path)


def test_folder_with_no_readable_article(tmp_path: Path) -> None:
    write(tmp_path, "a.txt", "")
    write(tmp_path, "b.txt", b"\x00\x00")
    with pytest.raises(InputError) as raised:
        load_cluster(tmp_path)
    assert (
        str(raised.value)
        == f"no readable article in {tmp_path}: {tmp_path / 'a.txt'}: file is empty (and 1 more problem)"
    )
    write(tmp_path, "c.txt", "")
    with pytest.raises(InputError, match=r"file is empty \(and 2 more problems\)$"):
        load_cluster(tmp_path)


def test_unsupported_and_bad_single_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unsupported file"):
        load_cluster(write(tmp_path, "a.pdf", b"%PDF-1.4"))
    with pytest.raises(InputError, match="file is empty"):
        load_cluster(write(tmp_path, "a.txt", ""))


# Records and dates


def test_articles_from_records() -> None:
    loaded = articles_from_records([{"text": BODY, "title": "A"}, "junk", {"body": BODY, "date": "January 21, 2022"}])
    assert [(a.id, a.source, a.title, a.date) for a in loaded.articles] == [
        ("a1", "record 1", "A", None),
        ("a2", "record 3", None, "2022-01-21"),
    ]
    assert loaded.problems == ("record 2: expected an article object, got str; skipped",)


def test_articles_from_no_records() -> None:
    with pytest.raises(InputError, match="no readable article in the records given"):
        articles_from_records([])


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("20220121", "2022-01-21"),
        (20220121, "2022-01-21"),
        ("2022-01-21", "2022-01-21"),
        ("2022/1/21", "2022-01-21"),
        ("2022-01-21T10:00:00+00:00", "2022-01-21"),
        ("2022-01-21 10:00", "2022-01-21"),
        ("January 21, 2022", "2022-01-21"),
        ("Jan 21, 2022", "2022-01-21"),
        ("Jan. 21, 2022", "2022-01-21"),
        ("21 January 2022", "2022-01-21"),
        ("Fri, 21 Jan 2022 10:00:00 GMT", "2022-01-21"),
        ("20221399", None),
        ("2022-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
    ],
)
def test_normalise_date(value: object, expected: str | None) -> None:
    assert normalise_date(value) == expected


def test_json_records_get_the_same_header_sniffing_as_text_files():
    from briefer.ingest.load import articles_from_records

    loaded = articles_from_records([
        {"title": "Talks in Geneva", "text": "date 2022-01-21 Despite reaching no breakthroughs, both sides agreed "
                                             "to keep talking."},
        {"title": "Tsunami aid", "text": "Saturday, January 8, 2005\n\nU.S. citizens donating in 2005 may write "
                                         "off their donations on their 2004 tax returns."},
        {"title": "Dated", "date": "2022-01-20", "text": "January 21, 2022\n\nThe record's own date wins."},
    ])
    first, second, third = loaded.articles
    assert (first.date, first.text) == ("2022-01-21", "Despite reaching no breakthroughs, both sides agreed to "
                                                      "keep talking.")
    assert second.date == "2005-01-08" and second.text.startswith("U.S. citizens donating")
    assert third.date == "2022-01-20" and third.title == "Dated"


def test_a_few_stray_nul_bytes_are_left_out_of_a_text_with_a_warning(tmp_path: Path) -> None:
    # Two of L3S-GN1's saved pages carry 1 and 27 NUL bytes in 33 to 69 KB: pages, not binary files.
    write(tmp_path, "a.txt", f"Stray\n\n{BODY} {BODY}".replace("met", "m\x00et", 1).encode("utf-8"))
    loaded = load_cluster(tmp_path)
    assert "\x00" not in loaded.articles[0].text and "met" in loaded.articles[0].text
    assert loaded.problems == (f"{tmp_path / 'a.txt'}: 1 NUL byte in the text left out",)


@pytest.mark.parametrize(("head", "heading", "title"), [
    # The extractor took a site's name out of the page's title: the story's part of it (L3S-GN1, 2008).
    ("<title>Berkshire Eagle Online - Kerry endorses Obama</title>", "", "Kerry endorses Obama"),
    # Of a title with its site's and section's names after the story, the story (WMUR, L3S-GN1).
    ("<title>Kerry Endorses Obama - Politics News Story - WXYZ Boston</title>", "<h1>Other News Video</h1>",
     "Kerry Endorses Obama"),
    # ... but not for the site's motto: a title that names no story stays (clubcall, L3S-GN1).
    ("<title>Eagle Online - Politics news, results, reports, interviews</title>", "", "Eagle Online"),
    # A section's heading over the story: the title the page declares (WebMD, 2015).
    ("<title>Kerry Endorses Obama For President</title>", "<h1>Politics Center</h1>",
     "Kerry Endorses Obama For President"),
    # The page's own heading says the story: kept, though its <title> names the writer the byline names.
    ("<title>A Long Day In Boston - Mary K. Jones</title>", "<h1>A Long Day In Boston</h1>", "A Long Day In Boston"),
])
def test_a_page_title_that_names_no_part_of_the_story_gives_way_to_the_one_the_page_declares(
        tmp_path: Path, head: str, heading: str, title: str) -> None:
    body = html_paragraphs(
        "January 8, 2008 by Mary K. Jones",
        "Senator John Kerry endorsed Barack Obama for president on Thursday in South Carolina, a state he lost.",
        "Kerry said Obama could unite the country and turn the page on the politics of the past.",
        "The endorsement came a day after Obama lost the New Hampshire primary to Hillary Clinton.",
    )
    assert page_title(tmp_path, head, heading, body) == title


@pytest.mark.parametrize(("head", "title"), [
    # Its text repeats that title as its first line, though the story's sentences use other words (L3S-GN1).
    ("<title>Raiders' late trey snuffs Flames</title>", "Raiders' late trey snuffs Flames"),
    # The title a page declares, as it declares it: what marks an opinion piece stays (WSJ, 2019).
    ("<meta property=\"og:title\" content=\"Opinion | Raiders' late trey snuffs Flames\">"
     "<title>Raiders' late trey snuffs Flames - WSJ</title>", "Opinion | Raiders' late trey snuffs Flames"),
])
def test_a_page_that_opens_with_the_title_it_declares_is_headed_by_it(tmp_path: Path, head: str, title: str) -> None:
    body = html_paragraphs(
        "Raiders' late trey snuffs Flames",
        "Todd Brown paired a good memory with a bad memory at the pavilion on Thursday night in Chicago.",
        "A year ago he went scoreless and limped off the floor with a sprained ankle in a painful loss.",
        "This time his basket with four seconds left gave Wright State a lead that the hosts could not answer.",
        "The visitors have now won five of their last six games and sit third in the conference standings.",
        "Their coach praised the defence, which held the home side to its lowest total of the whole season.",
        "The two teams meet again next month at the Nutter Center in front of what should be a full house.",
    )
    assert page_title(tmp_path, head, "<h1>SpringfieldNews.com</h1>", body) == title


def page_title(tmp_path: Path, head: str, heading: str, body: str) -> str | None:
    """The title a saved page is read with: ``head`` in its <head>, ``heading`` before its article's ``body``."""
    page = f"<html><head>{head}</head><body>{heading}<article>{body}</article></body></html>"
    return saved_article(tmp_path, page).title


ERROR_PAGE_TEXT = html_paragraphs(
    "Use your browser's back button to return to the page that brought you here, or enter a search term below.",
    "Check out stories about watches, street style, suits, hair styles and men's health on our front page today.",
)


@pytest.mark.parametrize("title", ["Page Not Found", "Forbidden", "404", "Error 404 - File Not Found | Details",
                                   "Details | Page not found", "HTTP Error 403 - Access Denied", "Oops! Page not found",
                                   "Error 404 (Not Found)!!1", "Server Error in '/' Application."])
def test_a_saved_error_page_is_reported_and_skipped(tmp_path: Path, title: str) -> None:
    write(tmp_path, "good.txt", f"Good\n\n{BODY}")
    write(tmp_path, "error.html", f"<html><head><title>{title}</title></head><body>{ERROR_PAGE_TEXT}</body></html>")
    loaded = load_cluster(tmp_path)
    assert [a.title for a in loaded.articles] == ["Good"]
    [problem] = loaded.problems
    assert problem.startswith(f"{tmp_path / 'error.html'}: an error page, not an article: ")
    assert problem.endswith("; skipped")


@pytest.mark.parametrize("title", ["Missing hiker not found after three days of searching",
                                   "Court rules the 404 area code stays", "Site forbidden to reopen, judge rules"])
def test_a_headline_that_says_not_found_or_forbidden_is_no_error_page(tmp_path: Path, title: str) -> None:
    page = f"<html><head><title>{title}</title></head><body>{ERROR_PAGE_TEXT}</body></html>"
    assert saved_article(tmp_path, page).title == title


def test_a_title_with_code_run_into_it_is_no_title(tmp_path: Path) -> None:
    # A page cut off inside its head (L3S-GN1): the meta title's quote never closes, so the script after it is in it.
    code = "this.sectionLevel2 = 'sports'; this.language = 'en'; var pagen='article'; " * 40
    page = (f"<html><head><meta name=\"title\" content=\"Welcome to The London Free Press {code}\"></head><body>"
            f"{html_paragraphs(BODY, BODY)}</body></html>")
    assert saved_article(tmp_path, page).title is None



def test_a_single_unreadable_file_is_named_once(tmp_path: Path) -> None:
    path = write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError) as caught:
        load_cluster(path)
    assert str(caught.value) == f"no readable article in {path}: file is empty"
