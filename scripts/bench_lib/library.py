"""Synthetic libraries for the benchmark, cached under the bench folder.

`ensure_library(root, n)` returns a `Library` for `root/lib-<n>`: generated on
the first call, re-used afterwards (a manifest `lib-<n>.json` next to the
folder says it is complete and which generator version made it). Mix: half
plain-text page dumps (site chrome around the article), a third Markdown web
clips (Obsidian Web Clipper front matter), the rest saved HTML pages (nav, cookie
banner, ads, related links, footer); about 600 words each; in 20 subfolders.

`ensure_big_article(root)` writes one ~20 MB plain-text article alone in a folder.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import random
import re
import shutil
import time
from dataclasses import dataclass

from .textgen import FOLDERS, MONTHS, SECTIONS, TextGen

# Bump when the generated files change, so cached libraries are regenerated.
GENERATOR_VERSION = 4
SEED = 20261129
WORDS_PER_ARTICLE = 600
# A word no generator path produces, planted in every 50th article: the
# full-text search benchmark looks for it (expected hits = ceil(n / 50)).
SEARCH_WORD = "zorbuline"
SEARCH_EVERY = 50
BIG_BYTES = 20 * 1024 * 1024

EPOCH_FIRST = dt.datetime(2019, 1, 1, 6, 0, tzinfo=dt.timezone.utc)
EPOCH_LAST = dt.datetime(2026, 10, 31, 18, 0, tzinfo=dt.timezone.utc)
# The newest article (index 0) is alone on this day, so "the first title on
# screen" is known for any reader that sorts newest first.
NEWEST = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.timezone.utc)


@dataclass
class Library:
    path: str
    n: int
    manifest: dict

    @property
    def newest_title(self) -> str:
        return self.manifest["newest_title"]

    def titles(self) -> list[str]:
        """Every article's title (from the list written at generation)."""
        with open(self.manifest["titles_file"], encoding="utf-8") as f:
            return f.read().splitlines()


def _slug(text: str, limit: int = 60) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return s[:limit].rstrip("-")


def _long_date(d: dt.datetime) -> str:
    return f"{d.day} {MONTHS[d.month - 1]} {d.year}"


# --- the three formats ------------------------------------------------------


def _plain_text(g: TextGen, r: random.Random, a: dict) -> str:
    site, _ = a["site"]
    lines = ["Skip to main content", site, "Menu", "Search", "Sign in", "Subscribe",
             "Hi, what are you looking for?"]
    lines += r.sample(SECTIONS, 6)
    lines += [a["section"], a["title"], a["standfirst"], f"By {a['author']}",
              f"Published {_long_date(a['date'])}", "Share", ""]
    for p in a["paragraphs"]:
        lines += [p, ""]
    lines += ["Related stories"] + [g.title(r) for _ in range(4)]
    lines += ["", "Most read"] + [f"{k}. {g.title(r)}" for k in range(1, 6)]
    lines += ["", "Newsletter", "Sign up for the morning briefing, every weekday at 7am", "Sign up", "",
              f"\u00a9 {a['date'].year} {site}. All rights reserved.", "About us", "Contact us",
              "Privacy policy", "Cookie settings", "Terms of use", ""]
    return "\n".join(lines)


def _markdown(g: TextGen, r: random.Random, a: dict) -> str:
    d = a["date"]
    created = d + dt.timedelta(days=r.randint(0, 20))
    out = ["---", f'title: "{a["title"]}"', f'source: "{a["url"]}"', "author:", f'  - "[[{a["author"]}]]"',
           f"published: {d:%Y-%m-%d}", f"created: {created:%Y-%m-%d}",
           f'description: "{a["standfirst"]}"', "tags:", '  - "clippings"',
           f'  - "{a["section"].lower()}"', "---"]
    if r.random() < 0.4:
        out += [f"![{g.clause(r)}](https://{a['site'][1]}/images/{_slug(a['title'], 30)}.jpg)", ""]
    paragraphs = a["paragraphs"]
    heading_at = len(paragraphs) // 2 if r.random() < 0.6 else -1
    for k, p in enumerate(paragraphs):
        if k == heading_at:
            out += [f"## {g.title(r)}", ""]
        out += [p, ""]
    return "\n".join(out)


def _html(g: TextGen, r: random.Random, a: dict) -> str:
    e = html.escape
    site, domain = a["site"]
    d = a["date"]
    iso = d.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": a["title"],
                     "datePublished": iso, "author": {"@type": "Person", "name": a["author"]},
                     "publisher": {"@type": "Organization", "name": site}, "url": a["url"]},
                    ensure_ascii=False)
    nav = "".join(f'<li class="menu-item"><a href="https://{domain}/{s.lower()}/">{s}</a></li>'
                  for s in r.sample(SECTIONS, 7))
    related = "".join(f'<li><a href="https://{domain}/story/{r.randint(1000, 99999)}">{e(g.title(r))}</a></li>'
                      for _ in range(4))
    body = []
    for k, p in enumerate(a["paragraphs"]):
        body.append(f"<p>{e(p)}</p>")
        if k == 2:
            body.append('<div class="ad-slot" data-slot="mid-1"><span>Advertisement</span>'
                        '<script>window.ads && ads.push({slot:"mid-1"});</script></div>')
    return f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(a["title"])} | {e(site)}</title>
<meta name="author" content="{e(a["author"])}">
<meta property="og:type" content="article">
<meta property="og:title" content="{e(a["title"])}">
<meta property="og:description" content="{e(a["standfirst"])}">
<meta property="og:url" content="{a["url"]}">
<meta property="og:site_name" content="{e(site)}">
<meta property="article:published_time" content="{iso}">
<meta property="article:section" content="{a["section"]}">
<link rel="canonical" href="{a["url"]}">
<link rel="stylesheet" href="https://{domain}/assets/site.css?v={r.randint(100, 999)}">
<style>.post{{max-width:680px;margin:0 auto}}.ad-slot{{min-height:250px;background:#eee}}#cookie{{position:fixed;bottom:0}}</style>
<script type="application/ld+json">{ld}</script>
<script async src="https://analytics.example.net/t.js"></script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());</script>
</head>
<body class="single single-post">
<a class="skip-link" href="#content">Skip to content</a>
<header class="site-header">
  <p class="site-title"><a href="https://{domain}/">{e(site)}</a></p>
  <nav class="main-navigation"><ul>{nav}</ul></nav>
  <form role="search" action="https://{domain}/"><input type="search" name="s" placeholder="Search"></form>
</header>
<div id="cookie" class="cookie-banner"><p><strong>Your privacy</strong> We and our partners use cookies to personalise content and ads.</p><a href="#">OK, got it</a></div>
<div class="ad-slot" data-slot="top"><span>Advertisement</span></div>
<div id="content" class="site-content"><main class="site-main">
<article class="post">
  <header class="entry-header">
    <span class="cat-links"><a href="https://{domain}/{a["section"].lower()}/">{a["section"]}</a></span>
    <h1 class="entry-title">{e(a["title"])}</h1>
    <p class="standfirst">{e(a["standfirst"])}</p>
    <div class="entry-meta">by <span class="author"><a href="https://{domain}/author/{_slug(a["author"])}">{e(a["author"])}</a></span>
    <time datetime="{iso}">{_long_date(d)}</time></div>
  </header>
  <div class="entry-content">
{chr(10).join(body)}
  </div>
  <div class="share"><a href="#">Share</a> <a href="#">Email</a> <a href="#">Print</a></div>
</article>
<aside class="related"><h2>Related stories</h2><ul>{related}</ul></aside>
</main></div>
<footer class="site-footer"><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li></ul>
<p>&copy; {d.year} {e(site)}. All rights reserved.</p></footer>
</body>
</html>
"""


# --- libraries ----------------------------------------------------------------


def _article(g: TextGen, r: random.Random, i: int, date: dt.datetime, words: int) -> dict:
    site = r.choice(g.sites)
    title = g.title(r)
    section = r.choice(SECTIONS)
    paragraphs = g.paragraphs(r, words)
    if i % SEARCH_EVERY == 0:
        k = int(r.random() * len(paragraphs))
        paragraphs[k] = paragraphs[k] + f" The {SEARCH_WORD} came up again at the meeting."
    return {
        "site": site, "title": title, "section": section, "author": g.person(r), "date": date,
        "standfirst": g.standfirst(r), "paragraphs": paragraphs,
        "url": f"https://{site[1]}/{section.lower()}/{date:%Y/%m/%d}/{_slug(title)}-{i}",
    }


def _format_for(i: int) -> str:
    # Per 6 articles: 3 plain text, 2 Markdown, 1 HTML (half, a third, the rest).
    return ("txt", "txt", "txt", "md", "md", "html")[i % 6]


RENDER = {"txt": _plain_text, "md": _markdown, "html": _html}


def _manifest_path(root: str, name: str) -> str:
    return os.path.join(root, name + ".json")


def _load_manifest(root: str, name: str) -> dict | None:
    try:
        with open(_manifest_path(root, name)) as f:
            m = json.load(f)
    except (OSError, ValueError):
        return None
    if m.get("generator_version") != GENERATOR_VERSION or not os.path.isdir(os.path.join(root, name)):
        return None
    return m


def ensure_library(root: str, n: int, log=print) -> Library:
    log = log or (lambda *_: None)
    name = f"lib-{n}"
    path = os.path.join(root, name)
    manifest = _load_manifest(root, name)
    if manifest is not None:
        return Library(path, n, manifest)
    log(f"generating {n:,} articles in {path} ...")
    started = time.monotonic()
    tmp = path + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    for folder in FOLDERS:
        os.makedirs(os.path.join(tmp, folder), exist_ok=True)
    g = TextGen(SEED)
    r = random.Random(SEED * 1000003 + n)
    span = int((EPOCH_LAST - EPOCH_FIRST).total_seconds())
    counts = {"txt": 0, "md": 0, "html": 0}
    total_bytes = 0
    newest_title = ""
    titles = []
    for i in range(n):
        date = NEWEST if i == 0 else EPOCH_FIRST + dt.timedelta(seconds=int(r.random() * span))
        a = _article(g, r, i, date, WORDS_PER_ARTICLE)
        if i == 0:
            newest_title = a["title"]
        titles.append(a["title"])
        fmt = _format_for(i)
        counts[fmt] += 1
        folder = FOLDERS[int(r.random() * len(FOLDERS))]
        file = os.path.join(tmp, folder, f"{_slug(a['title'], 50)}-{i}.{fmt}")
        data = RENDER[fmt](g, r, a).encode()
        total_bytes += len(data)
        with open(file, "wb") as f:
            f.write(data)
        stamp = date.timestamp()
        os.utime(file, (stamp, stamp))
        if log and i and i % 20000 == 0:
            log(f"  {i:,} / {n:,}")
    os.rename(tmp, path)
    titles_file = os.path.join(root, name + ".titles")
    with open(titles_file, "w", encoding="utf-8") as f:
        f.write("\n".join(titles) + "\n")
    manifest = {
        "generator_version": GENERATOR_VERSION, "seed": SEED, "n": n, "formats": counts,
        "titles_file": titles_file,
        "folders": len(FOLDERS), "bytes": total_bytes, "words_per_article": WORDS_PER_ARTICLE,
        "newest_title": newest_title, "search_word": SEARCH_WORD,
        "search_hits": (n + SEARCH_EVERY - 1) // SEARCH_EVERY,
        "generated": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds"),
        "generation_seconds": round(time.monotonic() - started, 1),
    }
    with open(_manifest_path(root, name), "w") as f:
        json.dump(manifest, f, indent=1)
    log(f"  done in {manifest['generation_seconds']} s ({total_bytes / 1e6:.0f} MB)")
    return Library(path, n, manifest)


def ensure_big_article(root: str, log=print) -> Library:
    """One ~20 MB plain-text page dump, alone in its folder."""
    log = log or (lambda *_: None)
    name = "big-20mb"
    path = os.path.join(root, name)
    manifest = _load_manifest(root, name)
    if manifest is not None:
        return Library(path, 1, manifest)
    log(f"generating a 20 MB article in {path} ...")
    tmp = path + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(tmp)
    g = TextGen(SEED)
    r = random.Random(SEED + 20)
    a = _article(g, r, 1, NEWEST, 1000)
    # Grow the body until the file is 20 MB.
    size = 0
    paragraphs = []
    while size < BIG_BYTES:
        p = " ".join(g.pool[int(r.random() * len(g.pool))] for _ in range(r.randint(3, 6)))
        paragraphs.append(p)
        size += len(p.encode()) + 2
    a["paragraphs"] = paragraphs
    text = _plain_text(g, r, a)
    file = os.path.join(tmp, "the-long-read.txt")
    with open(file, "w") as f:
        f.write(text)
    os.rename(tmp, path)
    titles_file = os.path.join(root, name + ".titles")
    with open(titles_file, "w", encoding="utf-8") as f:
        f.write(a["title"] + "\n")
    first = paragraphs[0].split()
    manifest = {
        "generator_version": GENERATOR_VERSION, "n": 1, "file": os.path.join(path, "the-long-read.txt"),
        "bytes": len(text.encode()), "newest_title": a["title"], "titles_file": titles_file,
        # What both readers show on their first screen: the start of the first paragraph.
        "first_words": " ".join(first[:4]),
        "first_line": text.split("\n", 1)[0],
    }
    with open(_manifest_path(root, name), "w") as f:
        json.dump(manifest, f, indent=1)
    return Library(path, 1, manifest)
