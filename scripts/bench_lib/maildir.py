"""Converts a generated library into a Maildir, for the neomutt comparison.

Reads each article file the generator wrote (it knows the three layouts, nothing
more general), and writes one message per article into `<root>/maildir-<n>/cur`
with From, To, Subject, Date and Message-ID headers and the clean article text
as a UTF-8 body. Messages are unread (no `S` flag). Cached like the libraries.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import json
import os
import re
import shutil
import time

from .library import GENERATOR_VERSION, Library

MAILDIR_VERSION = 1

_MONTHS = {m: k for k, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September",
     "October", "November", "December"], start=1)}


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _from_txt(text: str) -> dict:
    lines = text.split("\n")
    by = next(k for k, line in enumerate(lines) if line.startswith("By "))
    day, month, year = lines[by + 1].removeprefix("Published ").split()
    end = lines.index("Related stories")
    body = [line for line in lines[by + 4:end] if line]
    site = lines[1]
    return {"title": lines[by - 2], "standfirst": lines[by - 1], "author": lines[by][3:], "site": site,
            "domain": _slug(site.removeprefix("The ")) + ".example",
            "date": dt.datetime(int(year), _MONTHS[month], int(day), 12, 0, tzinfo=dt.timezone.utc),
            "body": body}


def _front(text: str, key: str) -> str:
    m = re.search(rf'^{key}: "?(.*?)"?$', text, re.M)
    return m.group(1) if m else ""


def _from_md(text: str) -> dict:
    _, front, body = text.split("---\n", 2)
    author = re.search(r'\[\[(.*?)\]\]', front).group(1)
    source = _front(front, "source")
    d = dt.date.fromisoformat(_front(front, "published"))
    paragraphs = [p for p in body.split("\n\n") if p.strip() and not p.startswith("![")]
    return {"title": _front(front, "title"), "standfirst": _front(front, "description"), "author": author,
            "site": source.split("/")[2], "domain": source.split("/")[2],
            "date": dt.datetime(d.year, d.month, d.day, 12, 0, tzinfo=dt.timezone.utc),
            "body": [p.removeprefix("## ").strip() for p in paragraphs]}


def _meta(text: str, prop: str) -> str:
    m = re.search(rf'<meta (?:property|name)="{prop}" content="(.*?)">', text)
    return html.unescape(m.group(1)) if m else ""


def _from_html(text: str) -> dict:
    content = text.split('<div class="entry-content">', 1)[1].split("</div>\n  <div class=\"share\">", 1)[0]
    body = [html.unescape(p) for p in re.findall(r"<p>(.*?)</p>", content)]
    url = _meta(text, "og:url")
    return {"title": _meta(text, "og:title"), "standfirst": _meta(text, "og:description"),
            "author": _meta(text, "author"), "site": _meta(text, "og:site_name"), "domain": url.split("/")[2],
            "date": dt.datetime.fromisoformat(_meta(text, "article:published_time")), "body": body}


PARSERS = {"txt": _from_txt, "md": _from_md, "html": _from_html}


def _message(a: dict, serial: int) -> bytes:
    author = a["author"]
    headers = [
        f"From: {email.utils.formataddr((author, _slug(author).replace('-', '.') + '@' + a['domain']))}",
        "To: reader@folio-bench.example",
        f"Subject: {a['title']}",
        f"Date: {email.utils.format_datetime(a['date'])}",
        f"Message-ID: <{serial}.{_slug(a['title'])[:40]}@folio-bench.example>",
        "MIME-Version: 1.0",
        "Content-Type: text/plain; charset=utf-8",
        "Content-Transfer-Encoding: 8bit",
    ]
    body = [a["title"], a["standfirst"], "", f"By {author} \u00b7 {a['site']}", ""]
    for p in a["body"]:
        body += [p, ""]
    return ("\n".join(headers) + "\n\n" + "\n".join(body)).encode()


def ensure_maildir(root: str, library: Library, log=print) -> str:
    log = log or (lambda *_: None)
    name = f"maildir-{library.n}"
    path = os.path.join(root, name)
    marker = path + ".json"
    try:
        with open(marker) as f:
            m = json.load(f)
        if m.get("version") == [GENERATOR_VERSION, MAILDIR_VERSION] and os.path.isdir(path):
            return path
    except (OSError, ValueError):
        pass
    log(f"converting {library.path} into the Maildir {path} ...")
    started = time.monotonic()
    tmp = path + ".partial"
    shutil.rmtree(tmp, ignore_errors=True)
    shutil.rmtree(path, ignore_errors=True)
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(tmp, sub))
    serial = 0
    for folder, _, files in sorted(os.walk(library.path)):
        for file in sorted(files):
            ext = file.rsplit(".", 1)[-1]
            if ext not in PARSERS:
                continue
            with open(os.path.join(folder, file), encoding="utf-8") as f:
                a = PARSERS[ext](f.read())
            serial += 1
            stamp = int(a["date"].timestamp())
            out = os.path.join(tmp, "cur", f"{stamp}.{serial:07d}.folio-bench:2,")
            with open(out, "wb") as f:
                f.write(_message(a, serial))
            os.utime(out, (stamp, stamp))
    os.rename(tmp, path)
    with open(marker, "w") as f:
        json.dump({"version": [GENERATOR_VERSION, MAILDIR_VERSION], "messages": serial,
                   "seconds": round(time.monotonic() - started, 1)}, f)
    log(f"  {serial:,} messages in {time.monotonic() - started:.1f} s")
    return path


MUTTRC_TEMPLATE = os.path.join(os.path.dirname(__file__), "..", "..", "bench", "neomuttrc.template")


def write_muttrc(maildir: str, hcache: str, dest: str) -> str:
    """A minimal muttrc from bench/neomuttrc.template with the paths filled in."""
    with open(MUTTRC_TEMPLATE) as f:
        text = f.read()
    text = text.replace("@MAILDIR@", maildir).replace("@HCACHE@", hcache)
    with open(dest, "w") as f:
        f.write(text)
    return dest
