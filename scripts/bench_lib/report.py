"""Turns figures into the markdown table printed by scripts/bench and kept in bench/results.md.

bench/results.md holds one section per library size (and one for the 20 MB
article), each between `<!-- bench:KEY -->` and `<!-- /bench:KEY -->`. A run
replaces the sections it measured and keeps the others, so sizes can be
re-measured one at a time.
"""

from __future__ import annotations

import json
import os
import re

from .measure import Figure

HEADER = """# folio benchmarks

Written by `scripts/bench` (see `scripts/bench --help`); each section below says
the exact command, the machine and the folio binary it measured. Re-running the
script replaces the sections it measures and keeps the others.

Method, in short:
- Synthetic libraries generated from a seeded RNG and our own word lists
  (half plain-text page dumps with site chrome, a third Markdown web clips with
  front matter, the rest saved HTML pages with nav, ads and footer; about 600
  words each in 20 folders), cached in `$FOLIO_BENCH_DIR` (default `/tmp/folio-bench`).
- **Page cache warm** throughout: every figure is the median of several runs after
  a warm-up run that is not counted. "Cold" means folio's own state is gone (a fresh
  temp folder for `--state`, `HOME` and every `XDG_*_HOME`), never a cold page cache.
- TUI figures come from a real terminal: an isolated tmux server, 120x40, status
  line off; the clock starts just before `respawn-pane` starts the program and stops
  when `capture-pane -p` (polled every 2 ms) shows what is waited for:
  *titles*: at least 3 of the library's titles (folio and neomutt; this is the
  "first paint" compared; neomutt draws its sorted index at once); *complete list*:
  titles on screen and folio no longer shows "indexing", "checking folder" or
  "Reading the folder" (folio reads the folder in the background and shows rows
  as they come);
  for the 20 MB article, its first words (folio and `less`).
  folio's own figures (`first-frame-ms`, `rss-kb`, `key-ms`) come from the file
  named by `FOLIO_TRACE`; RSS "with the list complete" is VmRSS read from /proc
  at that moment, peak is VmHWM just before quitting.
- *Every article read*: the warm state copied and every article then marked read
  with `folio mark read` (a library of years is mostly read, and the read marks
  are part of what a start loads); timed like the warm first paint.
- `key-ms` is measured by folio from reading a key to the frame written to the
  terminal; p50/p99 pool every key of every run.
- neomutt reads the same articles converted to a Maildir (one message per article,
  Subject/From/Date headers, the clean text as body) with `bench/neomuttrc.template`.
- Ratios are folio's figure divided by the reference; a goal marked "-" does not
  apply to that library size.
- The machine may be shared (2 cores): each section records the load average and
  the niceness the suite ran at; `folio list` also shows its CPU time, which other
  load changes much less than wall time. Compare sections measured under similar load.
"""

GOALS = {
    # (measure, n): (the goal as written, check(folio, reference) -> bool, needs a reference)
    ("list_cold", 10000): ("<= 3x cat", lambda f, r: f <= 3 * r, True),
    ("list_warm", 10000): ("<= 1.5x find", lambda f, r: f <= 1.5 * r, True),
    ("tui_cold", 10000): ("faster than neomutt", lambda f, r: f < r, True),
    ("tui_warm", 10000): ("faster than neomutt", lambda f, r: f < r, True),
    ("tui_warm", 100000): ("<= 1 s", lambda f, r: f <= 1.0, False),
    ("tui_read", 100000): ("<= 1 s", lambda f, r: f <= 1.0, False),
    ("rss", 100000): ("<= 200 MB", lambda f, r: f <= 200 * 1024, False),
    ("keys_burst", 100000): ("p99 <= 5 ms", lambda f, r: f <= 5.0, False),
    ("keys_rate", 100000): ("p99 <= 5 ms", lambda f, r: f <= 5.0, False),
    ("big_cold", None): ("<= 2x less", lambda f, r: f <= 2 * r, True),
    ("big_warm", None): ("<= 2x less", lambda f, r: f <= 2 * r, True),
}


def seconds(v: float | None) -> str:
    if v is None:
        return "-"
    if v < 1:
        return f"{v * 1000:.1f} ms" if v < 0.1 else f"{v * 1000:.0f} ms"
    return f"{v:.2f} s"


def ms(v: float | None) -> str:
    return "-" if v is None else (f"{v:.2f} ms" if v < 10 else f"{v:.1f} ms")


def mb(kb: float | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f} MB"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "-"
    return f"{a / b:.1f}x" if a / b < 100 else f"{a / b:.0f}x"


def _median(values):
    if not values:
        return None
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def goal(key: str, n: int | None, folio: float | None, ref: float | None) -> tuple[str, str]:
    g = GOALS.get((key, n))
    if g is None:
        return "-", ""
    text, check, needs_ref = g
    if folio is None:
        return text, "?"
    if needs_ref and ref is None:
        return text, "? (no reference)"
    return text, "met" if check(folio, ref) else "**not met**"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def library_section(n: int, figs: dict[str, Figure | None], manifest: dict, info: dict, notes: list[str]) -> str:
    f = figs.get
    find, cat, grep = (f(k).median if f(k) else None for k in ("find", "cat", "grep"))
    lines = [f"## {n:,} articles", ""]
    fm = manifest["formats"]
    lines.append(f"Library: {manifest['bytes'] / 1e6:.0f} MB, {fm['txt']:,} .txt / {fm['md']:,} .md / "
                 f"{fm['html']:,} .html in {manifest['folders']} folders (generator v{manifest['generator_version']}).")
    lines.append("")
    lines.append(_row(["measure", "folio", "compared with", "ratio", "goal", ""]))
    lines.append(_row(["---"] * 6))

    def list_row(key: str, label: str, ref_label: str, ref: float | None):
        fig = f(key)
        if not fig:
            return
        v = fig.median
        cpu = _median(fig.extra.get("cpu", []))
        rss = _median(fig.extra.get("rss_kb", []))
        g, ok = goal(key, n, v, ref)
        lines.append(_row([label, f"{seconds(v)} (CPU {seconds(cpu)}, peak RSS {mb(rss)})",
                           f"{ref_label} {seconds(ref)}", ratio(v, ref), g, ok]))

    list_row("list_cold", "`folio list` cold", "`cat` of all files", cat)
    list_row("list_warm", "`folio list` warm", "`find DIR -type f`", find)
    find_stat = f("find_stat").median if f("find_stat") else None
    if f("list_warm") and find_stat is not None:
        lines.append(_row(["`folio list` warm, against a stat per file", seconds(f("list_warm").median),
                           f"`find DIR -type f -size -1000M` {seconds(find_stat)}", ratio(f("list_warm").median, find_stat), "-", ""]))

    for key, label, peer_key, peer_label in (("tui_cold", "TUI first paint, cold", "neomutt_cold", "neomutt, no header cache"),
                                              ("tui_warm", "TUI first paint, warm", "neomutt_warm", "neomutt with header cache"),
                                              ("tui_read", "TUI first paint, warm, every article read", "neomutt_warm",
                                               "neomutt with header cache")):
        fig = f(key)
        if not fig:
            continue
        v = fig.median
        complete = _median(fig.extra.get("complete_s", []))
        trace = _median(fig.extra.get("trace_first_frame_ms", []))
        peer = f(peer_key)
        ref = peer.median if peer else None
        g, ok = goal(key, n, v, ref)
        r = ratio(v, ref)
        if ref is not None:
            r += f" (complete {ratio(complete, ref)})"
        lines.append(_row([label, f"titles {seconds(v)}, complete list {seconds(complete)} "
                                  f"(trace first-frame {seconds(trace / 1000 if trace is not None else None)})",
                           f"{peer_label} {seconds(ref) if peer else '(not measured)'}", r, g, ok]))

    warm = f("tui_warm")
    if warm:
        trace_rss = _median(warm.extra.get("trace_rss_kb", []))
        rss = _median(warm.extra.get("rss_kb_external", []))
        peak = _median(warm.extra.get("peak_rss_kb", []))
        peer = f("neomutt_warm")
        peer_rss = _median(peer.extra.get("rss_kb_external", [])) if peer else None
        # The goal is checked against the larger of folio's own figure and the one read from /proc.
        worst = max((v for v in (trace_rss, rss) if v is not None), default=None)
        g, ok = goal("rss", n, worst, None)
        lines.append(_row(["RSS at first paint (warm)", f"{mb(trace_rss)} (trace, first frame); {mb(rss)} read from "
                                                          f"/proc with the list complete; peak {mb(peak)}",
                           f"neomutt {mb(peer_rss) if peer else '-'}", ratio(rss, peer_rss), g, ok]))

    for key, label in (("keys_burst", "keypress to frame, `j` held (burst)"),
                       ("keys_rate", "keypress to frame, `j` held (fixed rate)")):
        fig = f(key)
        if not fig:
            continue
        p50, p99 = fig.percentile(50), fig.percentile(99)
        g, ok = goal(key, n, p99, None)
        lines.append(_row([label, f"p50 {ms(p50)}, p99 {ms(p99)}, max {ms(max(fig.samples) if fig.samples else None)} "
                                  f"({len(fig.samples)} keys)", fig.note.split(", ")[1] if ", " in fig.note else "", "-", g, ok]))

    search = f("search")
    lines.append(_row(["full-text search", seconds(search.median) if search else "n/a (search not implemented yet)",
                       f"`grep -rli {manifest['search_word']} DIR` {seconds(grep)} ({manifest['search_hits']} files)",
                       ratio(search.median, grep) if search else "-", "-", ""]))
    lines.append("")
    lines.append(f"Floors: `find DIR -type f` {seconds(find)} ({seconds(f('find_stat').median if f('find_stat') else None)} "
                 f"with a stat per file), `cat` of all files {seconds(cat)}, "
                 f"`grep -rli WORD DIR` {seconds(grep)}.")
    nc, nw = f("neomutt_cold"), f("neomutt_warm")
    if nc or nw:
        lines.append("")
        lines.append(f"Peer: neomutt on the same articles as a Maildir, first paint {seconds(nc.median if nc else None)} "
                     f"without and {seconds(nw.median if nw else None)} with its header cache (RSS "
                     f"{mb(_median(nw.extra.get('rss_kb_external', [])) if nw else None)}).")
    lines += _notes(notes)
    lines += _info(info)
    lines += _raw(figs)
    return "\n".join(lines)


def big_section(figs: dict[str, Figure | None], manifest: dict, info: dict, notes: list[str]) -> str:
    f = figs.get
    less = f("big_less")
    ref = less.median if less else None
    lines = ["## 20 MB article", "",
             f"One plain-text page dump of {manifest['bytes'] / 1e6:.1f} MB, alone in a folder. folio is started on the "
             "folder (`folio DIR`), so the list shows the one article and the reader loads it the way a person "
             "opens it; `folio show` prints the whole article to stdout rather than a first screen, so it is timed "
             "separately, to /dev/null.", "",
             _row(["measure", "folio", "compared with", "ratio", "goal", ""]), _row(["---"] * 6)]
    less_rss = _median(less.extra.get("rss_kb_external", [])) if less else None
    for key, label in (("big_cold", "first screen of the article, cold state"),
                       ("big_warm", "first screen of the article, warm state")):
        fig = f(key)
        if not fig:
            continue
        g, ok = goal(key, None, fig.median, ref)
        lines.append(_row([label, f"{seconds(fig.median)} (RSS {mb(_median(fig.extra.get('rss_kb_external', [])))})",
                           f"`less FILE` {seconds(ref)} (RSS {mb(less_rss)})", ratio(fig.median, ref), g, ok]))
    show = f("big_show")
    if show:
        lines.append(_row(["`folio show FILE > /dev/null`", f"{seconds(show.median)} (peak RSS "
                           f"{mb(_median(show.extra.get('rss_kb', [])))})", "-", "-", "-", ""]))
    lines += _notes(notes)
    lines += _info(info)
    lines += _raw(figs)
    return "\n".join(lines)


def _notes(notes: list[str]) -> list[str]:
    return ([""] + [f"- {n}" for n in notes]) if notes else []


def _info(info: dict) -> list[str]:
    out = ["", "Measured with:", "", "```", info["command"], "```", ""]
    for key in ("date", "machine", "load", "folio", "build", "source", "tools", "runs"):
        if key in info:
            out.append(f"- {key}: {info[key]}")
    return out


def _raw(figs: dict[str, Figure | None]) -> list[str]:
    data = {}
    for k, fig in figs.items():
        if fig is None:
            continue
        samples = fig.samples if len(fig.samples) <= 12 else None
        entry = {"unit": fig.unit, "median": _round(fig.median), "n": len(fig.samples)}
        if samples is not None:
            entry["samples"] = [_round(s) for s in samples]
        else:
            entry["p50"] = _round(fig.percentile(50))
            entry["p90"] = _round(fig.percentile(90))
            entry["p99"] = _round(fig.percentile(99))
            entry["max"] = _round(max(fig.samples))
        for ek, ev in fig.extra.items():
            entry[ek] = [_round(x) for x in ev] if isinstance(ev, list) and ev and isinstance(ev[0], (int, float)) else ev
        entry["how"] = fig.note
        data[k] = entry
    return ["", "<details><summary>raw samples</summary>", "", "```json", _compact_json(data), "```", "",
            "</details>"]


def _compact_json(data: dict) -> str:
    """One figure a line."""
    return "{\n" + ",\n".join(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in data.items()) + "\n}"


def _round(v):
    return None if v is None else (round(v, 4) if isinstance(v, float) else v)


def write(path: str, sections: dict[str, str]) -> None:
    """Merges `sections` (key -> markdown) into the results file."""
    existing: dict[str, str] = {}
    if os.path.exists(path):
        with open(path) as f:
            text = f.read()
        for m in re.finditer(r"<!-- bench:(\S+) -->\n(.*?)\n<!-- /bench:\1 -->", text, re.S):
            existing[m.group(1)] = m.group(2)
    existing.update(sections)

    def order(key: str):
        return (0, int(key[2:])) if key.startswith("n=") else (1, 0)

    parts = [HEADER]
    for key in sorted(existing, key=order):
        parts.append(f"<!-- bench:{key} -->\n{existing[key]}\n<!-- /bench:{key} -->\n")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(parts))
