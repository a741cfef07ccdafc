"""Readable outlet names for articles, so every citation names who reported it.

The name comes from the article itself when it has one, else from its URL's domain through the editable table in
``briefer/data/outlets.toml`` (plus overrides from config), else the bare registered domain. A saved page with neither
is named by the name its title carries when the page says it again (``confirmed_name``). Without any of these an
article gets a neutral label such as "Source 3": a brand name is never guessed.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import itertools
import re
import sys
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

from briefer.errors import ConfigError
from briefer.text.lexicon import title_parts
from briefer.types import Article

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# Second-level suffixes under which a registered domain has three labels ("bbc.co.uk", "smh.com.au").
_TWO_LABEL_SUFFIXES = frozenset(
    f"{second}.{country}"
    for country in ("uk", "au", "nz", "in", "za", "jp", "br", "sg", "my", "pk", "ng", "ke", "il", "kr", "hk")
    for second in ("co", "com", "org", "net", "ac", "gov", "edu", "ltd", "plc")
)


def assign_outlets(articles: Iterable[Article], overrides: Mapping[str, str] | None = None) -> tuple[Article, ...]:
    """The articles with ``outlet`` filled in: explicit name, else from the URL, else "Source N"."""
    assigned = []
    for position, article in enumerate(articles, start=1):
        outlet = (article.outlet or "").strip() or outlet_from_url(article.url or "", overrides)
        assigned.append(dataclasses.replace(article, outlet=outlet or f"Source {position}"))
    return tuple(assigned)


# A bare host, as a page may give it for its name ("https://www.deccanherald.com", "CNN.com").
BARE_HOST = re.compile(r"(?:https?://)?(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})/?")
# Who owns a page rather than the outlet a reader knows: a copyright notice ("(c) 2000 Rural Press Ltd.", "Copyright
# (c) 2008 ABC News Internet Ventures") or a company's legal name ("Internet Broadcasting Systems, Inc.", a host of
# TV stations' sites).
_OWNER = re.compile(r"\u00a9|\(c\)|\bcopyright\b|\ball rights reserved\b|"
                    r"\b(?:inc|ltd|llc|l\.p|corp|corporation|plc|gmbh)\b\.?$", re.IGNORECASE)
# What follows the name in a name with more in it: "The Jerusalem Post | JPost.com", "SignOnSanDiego.com > News",
# "Manchester.com - News", "Star-Telegram.com:".
_AFTER_NAME = re.compile(r"\s+[|>/\u2013\u2014-]\s.*$|\s*[|>:]\s*$|\s*[|>]\s.*$")


def site_name(declared: str | None, url: str | None) -> str | None:
    """The outlet a saved page names itself (``og:site_name``, its JSON-LD publisher), when that is a name: not a
    link, a handle or a bare host ("deccanherald.com") or its first label in lower case ("cleveland" for
    cleveland.com), not its owner (``_OWNER``), not a list of names ("TMC, TMCnet, Sangoma", a publisher meta tag of
    TMCnet), and not for a domain the packaged table already names (one outlet, one name across its feeds and
    pages)."""
    name = _name_given(declared)
    if not name or len(name) > 60 or re.match(r"@|\S+://", name) or BARE_HOST.fullmatch(name.lower()) \
            or _OWNER.search(name) or name.count(",") >= 2:
        return None
    host = host_of(url or "")
    if host is not None:
        labels = host.split(".")
        if any(".".join(labels[first:]) in _packaged_table() for first in range(len(labels) - 1)):
            return None
    if name.islower() and host is not None and name.replace(" ", "") == registered_domain(host).split(".")[0]:
        return None  # its host's name in lower case ("cleveland", "detroitnews"): "cleveland.com" names it better
    # A two-letter name is an acronym whose case the page or the extractor lost ("Nj" for NJ.com).
    return name.upper() if len(name) == 2 and name.isalpha() else name


def _name_given(declared: str | None) -> str:
    """A declared name with its spaces made single and without what follows it (``_AFTER_NAME``)."""
    return _AFTER_NAME.sub("", " ".join((declared or "").split()))


def named_host(declared: str | None) -> str | None:
    """The host a page gives for its name ("SignOnSanDiego.com > News" -> "signonsandiego.com"), if that is all it
    gives."""
    found = BARE_HOST.fullmatch(_name_given(declared).lower())
    return found.group(1) if found else None


# A page's copyright notice, and what follows it where the owner's name starts: "© 2008 AFP", "Copyright © 2007 The
# Bellingham Herald", "© Copyright of Telegraph Media Group". Possessive, so that a page of marks and spaces cannot make
# it backtrack.
_NOTICE = re.compile(r"(?:©|\(c\)|\bcopyright\b)(?:\s*+(?:©|\(c\)|copyright\b|\d{4}(?:\s*[-–]\s*\d{4})?,?|"
                     r"by\b|of\b|the\b))*+\s*+(?=(.{0,80}))", re.IGNORECASE)
# A copyright notice that names the site by its host ("\u00a9 Copyright 2007 NYDailyNews.com. All rights reserved."):
# the site's own name when the page links there most; a company's name in a notice is its owner's ("\u00a9 2000 Rural
# Press Ltd."), and a wire's name the copy's ("Copyright 2008 The Associated Press" on a TV station's page).
_NOTICED_HOST = re.compile(r"(?:www\.)?((?:[\w-]+\.)+[a-z]{2,})\b", re.IGNORECASE)
# The shortest domain label a name a title gives may begin with to be that domain's ("ABC" of abc.net.au, not "TV").
_SHORTEST_LABEL = 3
# The most notices read of one page: its own stands among its first few.
_NOTICES_READ = 20
# Section names that a page's host may spell too ("News" and news.com.au): a title's part that says one is no name.
_SECTION_NAMES = frozenset("news sport sports world national local business entertainment home opinion politics "
                           "technology tech science health lifestyle travel video blog blogs weather money".split())


def confirmed_name(titles: Iterable[str], hosts: Iterable[str], notices: str) -> str | None:
    """The first name a page's titles give besides their headline ("Reuters" of "Nigerian rebels claim ship attacks -
    Reuters": a part ``title_parts`` cuts, or what comes before a colon: "The Canadian Press: O.J. Simpson jailed")
    that the page confirms: the packaged table names that outlet ("New York Times"), the page's own links go to its
    domain ("Times Online", timesonline.co.uk; ``hosts``, as ``host_of`` gives them, of the domains linked most), or,
    for a name at either end of a title, to its host ("icScotland", icscotland.icnetwork.co.uk, where a section's host
    is no name: "Football: ..." on football.guardian.co.uk), or its copyright notice says it ("Copyright \u00a9 2008
    The Canadian Press", ``notices``: the page's text). Else one of those domains, through the table, when a name
    the title gives besides its story spells it ("South Florida Sun-Sentinel.com") or begins with its name ("Guardian
    Unlimited Sport", "WMUR Manchester": a site names itself with a section or a city); else the host its notice
    names, where its links go (``_NOTICED_HOST``). One part of a title alone is no name: pages end titles on
    sections ("... - A-League - Football - Sport"), places ("Times Union - Albany NY") and mottoes ("Nothing Inside
    But Sport")."""
    table = _packaged_table()
    known = {_squashed(name): name for name in table.values()}
    linked = [(registered_domain(host), host.split(".")[0]) for host in hosts]
    owners = [found.group(1) for found in itertools.islice(_NOTICE.finditer(notices), _NOTICES_READ)]

    def confirmed(candidate: str, at_an_end: bool) -> str | None:
        name = _name_given(candidate)
        key = _squashed(name)
        if not 2 <= len(name) <= 60 or key in _SECTION_NAMES or _OWNER.search(name):
            return None
        if key in known:
            return known[key]
        for domain, first_label in linked:
            if key in (_squashed(domain.split(".")[0]), _squashed(domain)) or at_an_end and key == first_label:
                return table.get(domain) or name
        bare = re.escape(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        if any(re.match(rf"(?:the\s+)?{bare}(?![^\W\d_])", owner, re.IGNORECASE) for owner in owners):
            return name
        return None

    names = []  # the names a title gives besides its story, its longest part
    for title in titles:
        parts = [part.strip() for part in title_parts(" ".join(title.split()))]
        before_colon = [parts[0].split(":")[0]] if ":" in parts[0] else []
        story = max(parts, key=len) if len(parts) > 1 else None
        for k, candidate in [*reversed(list(enumerate(parts))), *((-1, part) for part in before_colon)]:
            name = confirmed(candidate, k in (0, len(parts) - 1))
            if name:
                return name
            if story is not None and candidate != story:
                names.append(_squashed(_name_given(candidate)))
    domains = list(dict.fromkeys(domain for domain, _ in linked))
    spelled = next((domain for domain in domains if any(_squashed(domain) in name for name in names)), None)
    if spelled:  # "South Florida Sun-Sentinel.com" spells sun-sentinel.com, not southflorida.com, linked to as well
        return outlet_from_url(spelled)
    for domain in domains:  # "Guardian Unlimited Sport", "Yahoo! Eurosport UK": the domain's, not the section's
        label = _squashed(domain.split(".")[0])
        if len(label) >= _SHORTEST_LABEL and label not in _SECTION_NAMES and any(n.startswith(label) for n in names):
            return outlet_from_url(domain)
    for owner in owners:
        host = _NOTICED_HOST.match(owner)
        if host and registered_domain(host.group(1).lower()) in domains:
            return outlet_from_url(host.group(1))
    return None


def _squashed(name: str) -> str:
    """A name as a host spells it: letters and digits in lower case, without a leading "the"."""
    return re.sub(r"^the(?=.)", "", re.sub(r"[\W_]", "", name.lower()))


def outlet_from_url(url: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The outlet behind ``url``: a table entry for its domain or a parent domain, else its registered domain.

    Returns None when ``url`` has no host. ``overrides`` (domain -> name) win over the packaged table.
    """
    host = host_of(url)
    if host is None:
        return None
    table = {**_packaged_table(), **_normalised(overrides or {})}
    labels = host.split(".")
    for first in range(len(labels) - 1):
        name = table.get(".".join(labels[first:]))
        if name:
            return name
    return registered_domain(host)


def registered_domain(host: str) -> str:
    """The domain a publisher registered: ``www.example-news.co.uk`` -> ``example-news.co.uk``."""
    try:
        return str(ipaddress.ip_address(host))  # an IP address has no registered domain
    except ValueError:
        pass
    labels = host.lower().strip(".").split(".")
    keep = 3 if ".".join(labels[-2:]) in _TWO_LABEL_SUFFIXES else 2
    return ".".join(labels[-keep:])


def host_of(url: str) -> str | None:
    """The host of ``url`` in lower case without ``www.``, also for a URL without a scheme ("thehill.com/policy");
    None when it has none."""
    url = url.strip()
    if not url:
        return None
    if "://" not in url:
        url = "//" + url  # "thehill.com/policy" has no scheme but is still a domain
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.rstrip(".")
    return host[4:] if host.startswith("www.") else host


@lru_cache(maxsize=1)
def _packaged_table() -> dict[str, str]:
    text = files("briefer.data").joinpath("outlets.toml").read_text(encoding="utf-8")
    return _normalised(tomllib.loads(text))


def _normalised(table: Mapping[str, object]) -> dict[str, str]:
    """Domain keys in lower case without ``www.``; every name must be a non-empty string."""
    normalised = {}
    for domain, name in table.items():
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f'outlet name for "{domain}" must be a non-empty string, e.g. "{domain}" = "Name"')
        key = domain.strip().lower().rstrip(".")
        normalised[key[4:] if key.startswith("www.") else key] = name.strip()
    return normalised
