from __future__ import annotations

import sys
from importlib.resources import files

import pytest

from briefer.errors import ConfigError
from briefer.ingest.load import load_cluster, sample_cluster_path
from briefer.ingest.outlets import assign_outlets, outlet_from_url, registered_domain, site_name
from briefer.types import Article

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://thehill.com/policy/defense/590742-blinken", "The Hill"),
        ("https://www.thehill.com/x", "The Hill"),
        ("https://news.webindia123.com/news/Articles/World/20220121/3897545.html", "WebIndia123"),
        ("http://WWW.Reuters.COM/world/", "Reuters"),
        ("https://edition.cnn.com/2022/01/21/politics/blinken", "CNN"),
        ("https://www.bbc.co.uk/news/world-europe-1", "BBC"),
        ("https://news.yahoo.com/a.html", "Yahoo News"),
        ("thehill.com/policy", "The Hill"),
        # AP's stories hosted for member papers, whose pages call their site "Hosted".
        ("https://hosted.ap.org/berkshireeagle/article/6486944b/unpredictable-sondland", "Associated Press"),
        ("https://user:secret@thehill.com:8443/x?y=1#z", "The Hill"),
    ],
)
def test_known_domains_and_their_subdomains_get_the_table_name(url: str, expected: str) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example-news.co.uk/story", "example-news.co.uk"),
        ("https://news.example.com/story", "example.com"),
        ("https://example.org", "example.org"),
        ("https://www.smallpaper.com.au/a", "smallpaper.com.au"),
        ("http://127.0.0.1:8000/a", "127.0.0.1"),
    ],
)
def test_unknown_domains_fall_back_to_the_registered_domain(url: str, expected: str) -> None:
    assert outlet_from_url(url) == expected


@pytest.mark.parametrize("url", ["", "   ", "not a url", "https://", "http://localhost/a", "mailto:x", "http://[::1"])
def test_no_host_means_no_outlet(url: str) -> None:
    assert outlet_from_url(url) is None


def test_a_lookalike_domain_does_not_borrow_a_brand() -> None:
    assert outlet_from_url("https://notthehill.com/a") == "notthehill.com"
    assert outlet_from_url("https://thehill.com.evil.net/a") == "evil.net"


def test_overrides_win_over_the_table_and_add_domains() -> None:
    overrides = {"thehill.com": "The Hill (DC)", "WWW.Local-Paper.org": "Local Paper"}
    assert outlet_from_url("https://thehill.com/a", overrides) == "The Hill (DC)"
    assert outlet_from_url("https://news.local-paper.org/a", overrides) == "Local Paper"
    assert outlet_from_url("https://reuters.com/a", overrides) == "Reuters"


def test_a_more_specific_entry_wins_over_its_parent_domain() -> None:
    overrides = {"cnn.com": "CNN", "money.cnn.com": "CNN Business"}
    assert outlet_from_url("https://money.cnn.com/a", overrides) == "CNN Business"
    assert outlet_from_url("https://edition.cnn.com/a", overrides) == "CNN"


def test_a_bad_override_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="example.com"):
        outlet_from_url("https://example.com", {"example.com": ""})


def test_the_packaged_table_is_valid_and_large_enough() -> None:
    table = tomllib.loads(files("briefer.data").joinpath("outlets.toml").read_text(encoding="utf-8"))
    assert len(table) >= 40
    assert table["thehill.com"] == "The Hill"
    assert all(isinstance(name, str) and name.strip() for name in table.values())
    assert all(domain == domain.lower() and not domain.startswith("www.") for domain in table)


def test_registered_domain() -> None:
    assert registered_domain("a.b.example.co.uk") == "example.co.uk"
    assert registered_domain("www.example.com") == "example.com"


def test_assign_outlets_keeps_explicit_names_then_urls_then_neutral_labels() -> None:
    articles = [
        Article("a1", "x", url="https://thehill.com/a", outlet="Wire Service"),
        Article("a2", "x", url="https://thehill.com/a"),
        Article("a3", "x"),
        Article("a4", "x", url="https://www.example-news.co.uk/s", outlet="  "),
        Article("custom", "x"),
    ]
    assigned = assign_outlets(articles)
    assert [a.outlet for a in assigned] == ["Wire Service", "The Hill", "Source 3", "example-news.co.uk", "Source 5"]
    assert [a.text for a in assigned] == ["x"] * 5
    assert articles[1].outlet is None  # inputs are not changed


def test_assign_outlets_uses_overrides() -> None:
    assigned = assign_outlets([Article("a1", "x", url="https://thehill.com/a")], {"thehill.com": "Hill"})
    assert assigned[0].outlet == "Hill"


def test_the_seed_outlets() -> None:
    outlets = [a.outlet for a in assign_outlets(load_cluster(sample_cluster_path()).articles)]
    assert outlets == ["WebIndia123", "Source 2", "Source 3", "Source 4", "The Hill"]


def test_a_page_calling_itself_hosted_is_credited_to_the_outlet_the_table_names() -> None:
    assert site_name("Hosted", "https://hosted.ap.org/citizensvoice/article/2896af50/uk-tories") is None
    assert site_name("The Berkshire Eagle", "https://www.berkshireeagle.com/news/x") == "The Berkshire Eagle"


def test_a_two_letter_site_name_is_an_acronym() -> None:
    assert site_name("Nj", "https://www.nj.com/entertainment/2019/11/meth.html") == "NJ"
    assert site_name("Wired", "https://www.example-wired.com/x") == "Wired"


def test_a_list_of_names_is_no_sites_name() -> None:
    # TMCnet's publisher meta tag (L3S-GN1, 2008) lists its brands; the page's other declared name is taken instead
    assert site_name("TMC, TMCnet, Sangoma", None) is None
    assert site_name("Internet Communications News and Internet Telephony Magazine", None) == \
        "Internet Communications News and Internet Telephony Magazine"
    assert site_name("Reuters, The Wire", None) == "Reuters, The Wire"  # one comma may be inside a name
