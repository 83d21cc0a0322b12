"""The measurements. Every function returns a `Figure` (samples in seconds or ms).

Method (also written into bench/results.md):
- The page cache is warm: every measurement starts with warm-up runs that are
  not counted, and the library has been read (by `cat`) before anything is timed.
  "Cold" means folio's own state (SQLite read state, and any index or cache it
  keeps) is absent, never a cold page cache.
- A cold folio run gets a fresh temp folder for `--state`, HOME and every
  XDG_*_HOME, and any hidden entry that appeared at the library's top level is
  removed (the generator writes none), so an index kept there is cold too.
  A warm run re-uses a state folder that a first `folio list` filled (shared by
  the warm `folio list`, TUI and key figures of one library size).
- Wall time is from `perf_counter` around the process; CPU time and peak RSS
  come from `wait4`.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import tempfile
import time
from dataclasses import dataclass, field

from . import term

BASE_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "TERM": "tmux-256color",
}


@dataclass
class Figure:
    """Samples of one measure; `unit` is "s", "ms" or "kB"."""
    samples: list[float] = field(default_factory=list)
    unit: str = "s"
    note: str = ""
    extra: dict = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    def percentile(self, p: float) -> float | None:
        """Nearest-rank percentile."""
        if not self.samples:
            return None
        ordered = sorted(self.samples)
        rank = max(1, min(len(ordered), int(-(-p * len(ordered) // 100))))
        return ordered[rank - 1]


def _run(argv, env=None, cwd=None, stdout=subprocess.DEVNULL) -> tuple[float, float, int, int, str]:
    """Runs argv; returns (wall s, cpu s, max RSS kB, exit code, stderr head)."""
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        p = subprocess.Popen(argv, env=env, cwd=cwd, stdout=stdout, stderr=err, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - started
        p.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, p.returncode, err.read(4000).decode(
            errors="replace")


def shell_floor(command: str, runs: int, warmup: int) -> Figure:
    fig = Figure(note=command)
    for k in range(warmup + runs):
        wall, cpu, _, code, err = _run(["sh", "-c", command])
        if code not in (0, 1):  # grep -l exits 1 when nothing matches
            raise RuntimeError(f"{command} exited {code}: {err}")
        if k >= warmup:
            fig.samples.append(wall)
            fig.extra.setdefault("cpu", []).append(cpu)
    return fig


# --- folio's state, cold and warm --------------------------------------------


class StateDir:
    """A temp folder standing in for all of folio's state for one or more runs."""

    def __init__(self, root: str, library: str):
        self.path = tempfile.mkdtemp(prefix="state-", dir=root)
        self.library = library

    def make_cold(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        os.makedirs(self.path)
        # An index kept inside the library (a hidden entry at its top) is state too.
        for entry in os.listdir(self.library):
            if entry.startswith("."):
                full = os.path.join(self.library, entry)
                shutil.rmtree(full) if os.path.isdir(full) and not os.path.islink(full) else os.remove(full)

    @property
    def db(self) -> str:
        return os.path.join(self.path, "state.sqlite")

    def env(self) -> dict[str, str]:
        env = dict(BASE_ENV)
        env.update({"HOME": self.path, "XDG_STATE_HOME": os.path.join(self.path, "xdg-state"),
                    "XDG_CACHE_HOME": os.path.join(self.path, "xdg-cache"),
                    "XDG_DATA_HOME": os.path.join(self.path, "xdg-data"),
                    "XDG_CONFIG_HOME": os.path.join(self.path, "xdg-config")})
        return env

    def remove(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)


def folio_list(folio: str, library: str, work: str, runs: int, warmup: int, cold: bool,
               warm: StateDir | None = None) -> Figure:
    """`folio list`; cold: a fresh state each run; warm: `warm` (kept), else a state primed here."""
    fig = Figure(note=f"{folio} list DIR --state S/state.sqlite > /dev/null")
    state = warm or StateDir(work, library)
    if not warm:
        state.make_cold()
    lines = None
    try:
        for k in range(warmup + runs):
            if cold:
                state.make_cold()
            wall, cpu, rss, code, err = _run([folio, "list", library, "--state", state.db], env=state.env())
            if code != 0:
                raise RuntimeError(f"folio list exited {code}: {err}")
            if k >= warmup:
                fig.samples.append(wall)
                fig.extra.setdefault("cpu", []).append(cpu)
                fig.extra.setdefault("rss_kb", []).append(rss)
        out = subprocess.run([folio, "list", library, "--state", state.db], env=state.env(),
                             capture_output=True, text=True)
        lines = out.stdout.count("\n")
        fig.extra["articles_listed"] = lines
        fig.extra["problems_on_stderr"] = out.stderr.count("\n")
    finally:
        if not warm:
            state.remove()
    return fig


def prime(folio: str, state: StateDir, library: str) -> float:
    """Fills a state folder (read state and any index) with one `folio list`; returns its wall time.

    `folio list` leaves the articles' text for the first search to index, so a
    search follows (not timed): warm figures start from a complete index, as
    after any session in the reader.
    """
    wall, _, _, code, err = _run([folio, "list", library, "--state", state.db], env=state.env())
    if code != 0:
        raise RuntimeError(f"folio list exited {code}: {err}")
    template = folio_search_command(folio)
    if template is not None:
        argv = [a.format(folio=folio, word="the", dir=library) for a in template] + ["--state", state.db]
        _, _, _, code, err = _run(argv, env=state.env())
        if code != 0:
            raise RuntimeError(f"folio search exited {code}: {err}")
    return wall


def mark_all_read(folio: str, state: StateDir, library: str, batch: int = 2000) -> float:
    """Marks every article file of `library` read in `state` with `folio mark read`; returns the wall time."""
    files = sorted(os.path.join(folder, name) for folder, _, names in os.walk(library)
                   for name in names if not name.startswith("."))
    total = 0.0
    for start in range(0, len(files), batch):
        wall, _, _, code, err = _run([folio, "mark", "read", *files[start:start + batch], "--state", state.db],
                                     env=state.env())
        if code != 0:
            raise RuntimeError(f"folio mark read exited {code}: {err}")
        total += wall
    return total


def copy_state(state: StateDir, work: str) -> StateDir:
    """A second state folder holding a copy of `state` (databases and index)."""
    copy = StateDir(work, state.library)
    shutil.rmtree(copy.path)
    shutil.copytree(state.path, copy.path)
    return copy


# --- TUI in tmux -------------------------------------------------------------


def _trace(path: str) -> dict[str, list[float]]:
    values: dict[str, list[float]] = {}
    try:
        with open(path) as f:
            for line in f:
                key, _, value = line.strip().partition(" ")
                try:
                    values.setdefault(key, []).append(float(value))
                except ValueError:
                    pass
    except OSError:
        pass
    return values


# What folio shows while it is still reading the folder (as of the metadata index, dbe1807).
FOLIO_BUSY = ("indexing", "checking folder", "Reading the folder")
PREFIX = 18  # titles are cut to the list's column; their first 18 characters fit everywhere


class Titles:
    """Recognises the library's titles on a screen."""

    def __init__(self, titles: list[str], newest: str):
        self.prefixes = {t[:PREFIX] for t in titles if len(t) >= PREFIX}
        self.newest = newest[:PREFIX]
        self.enough = min(3, len(self.prefixes))

    def shown(self, screen: str) -> int:
        found = set()
        for line in screen.splitlines():
            for m in re.finditer(r"(?<![\w])[A-Z]", line):
                piece = line[m.start():m.start() + PREFIX]
                if piece in self.prefixes:
                    found.add(piece)
        return len(found)

    def folio_checks(self) -> dict:
        """"titles": the first titles are on screen (at least 3); "complete": titles are on
        screen and folio no longer says it is reading the folder. (Not "the newest title is
        on top": folio keeps the selection where it was while rows arrive, so after a cold
        start the newest rows can sit above the visible part of the list.)"""
        return {"titles": lambda s: self.shown(s) >= self.enough,
                "complete": lambda s: self.shown(s) >= self.enough and not any(b in s for b in FOLIO_BUSY)}

    def peer_checks(self) -> dict:
        return {"titles": lambda s: self.shown(s) >= self.enough, "complete": lambda s: self.newest in s}


def _status_kb(pid: int | None, field: str) -> int | None:
    if not pid:
        return None
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def folio_tui_once(folio: str, library: str, state: StateDir, checks: dict, timeout: float, keys=None) -> dict:
    """Starts folio in tmux and waits for `checks`; optional key phase; quits with Q."""
    trace = os.path.join(state.path, f"trace-{time.monotonic_ns()}.txt")
    env = state.env()
    env["FOLIO_TRACE"] = trace
    with term.Tmux() as t:
        started = t.start([folio, library, "--state", state.db], env)
        times, _ = t.wait_until(checks, started, timeout)
        pid = t.pid()
        rss = _status_kb(pid, "VmRSS")
        if keys:
            keys(t)
        peak = _status_kb(pid, "VmHWM")
        t.send("Q")
        t.wait_dead(timeout)
    return {"times": times, "rss_kb_external": rss, "peak_rss_kb": peak, "trace": _trace(trace)}


def folio_tui(folio: str, library: str, work: str, titles: Titles, runs: int, warmup: int, cold: bool,
              timeout: float, warm: StateDir | None = None) -> Figure:
    fig = Figure(note="from respawn-pane until 3 titles are on screen (samples); extra.complete_s: until "
                      "folio no longer says it is reading the folder")
    state = warm or StateDir(work, library)
    try:
        if not warm:
            state.make_cold()
            if not cold:  # the state a first run leaves behind
                folio_tui_once(folio, library, state, titles.folio_checks(), timeout)
        for k in range(warmup + runs):
            if cold:
                state.make_cold()
            r = folio_tui_once(folio, library, state, titles.folio_checks(), timeout)
            if k >= warmup:
                fig.samples.append(r["times"]["titles"])
                fig.extra.setdefault("complete_s", []).append(r["times"]["complete"])
                fig.extra.setdefault("trace_first_frame_ms", []).extend(r["trace"].get("first-frame-ms", []))
                fig.extra.setdefault("trace_rss_kb", []).extend(r["trace"].get("rss-kb", []))
                for key in ("rss_kb_external", "peak_rss_kb"):
                    if r[key]:
                        fig.extra.setdefault(key, []).append(r[key])
    finally:
        if not warm:
            state.remove()
    return fig


def folio_keys(folio: str, library: str, work: str, titles: Titles, count: int, rate: float | None,
               runs: int, timeout: float, warm: StateDir | None = None) -> Figure:
    """key-ms from FOLIO_TRACE while `j` is held: a burst (rate None) or `rate` keys a second."""
    how = f"{count} j in one send-keys" if rate is None else f"{count} j at {rate:g}/s"
    fig = Figure(unit="ms", note=f"FOLIO_TRACE key-ms, {how}, {runs} run(s) pooled; warm state, after the list is complete")
    state = warm or StateDir(work, library)

    def hold_j(t: term.Tmux) -> None:
        time.sleep(0.3)  # let the first preview load finish, as a person would
        if rate is None:
            t.send(*(["j"] * count))
        else:
            tick = time.perf_counter()
            for _ in range(count):
                t.send("j")
                tick += 1.0 / rate
                time.sleep(max(0.0, tick - time.perf_counter()))

    try:
        if not warm:
            state.make_cold()
            folio_tui_once(folio, library, state, titles.folio_checks(), timeout)  # warm the state
        for _ in range(runs):
            r = folio_tui_once(folio, library, state, titles.folio_checks(), timeout, keys=hold_j)
            keys = r["trace"].get("key-ms", [])
            if len(keys) != count + 1:
                fig.extra.setdefault("warnings", []).append(f"{len(keys)} key-ms lines for {count} keys + Q")
            fig.samples.extend(keys[:count])  # the last line is Q
            if r["peak_rss_kb"]:
                fig.extra.setdefault("peak_rss_kb", []).append(r["peak_rss_kb"])
    finally:
        if not warm:
            state.remove()
    return fig


# --- the 20 MB article --------------------------------------------------------


def big_article_folio(folio: str, folder: str, work: str, first_words: str, runs: int, warmup: int,
                      cold: bool, timeout: float) -> Figure:
    fig = Figure(note="folio FOLDER (the article alone in it): until its first body words are on screen")
    state = StateDir(work, folder)
    state.make_cold()
    try:
        checks = {"words": lambda screen: first_words in screen}
        if not cold:
            folio_tui_once(folio, folder, state, checks, timeout)
        for k in range(warmup + runs):
            if cold:
                state.make_cold()
            r = folio_tui_once(folio, folder, state, checks, timeout)
            if k >= warmup:
                fig.samples.append(r["times"]["words"])
                if r["rss_kb_external"]:
                    fig.extra.setdefault("rss_kb_external", []).append(r["rss_kb_external"])
    finally:
        state.remove()
    return fig


def big_article_less(file: str, first_words: str, runs: int, warmup: int, timeout: float) -> Figure:
    fig = Figure(note="less FILE (LESS and LESSOPEN unset): until the first body words are on screen")
    env = dict(BASE_ENV)
    env["HOME"] = tempfile.gettempdir()
    for k in range(warmup + runs):
        with term.Tmux() as t:
            started = t.start(["less", file], env)
            seconds, _ = t.wait_for([first_words], started, timeout)
            rss = term.rss_kb(t.pid())
            t.send("q")
            t.wait_dead(timeout)
        if k >= warmup:
            fig.samples.append(seconds)
            if rss:
                fig.extra.setdefault("rss_kb_external", []).append(rss)
    return fig


def folio_show(folio: str, file: str, work: str, runs: int, warmup: int) -> Figure:
    fig = Figure(note="folio show FILE > /dev/null (the whole article rendered as text)")
    state = StateDir(work, os.path.dirname(file))
    try:
        for k in range(warmup + runs):
            wall, cpu, rss, code, err = _run([folio, "show", file], env=state.env())
            if code != 0:
                raise RuntimeError(f"folio show exited {code}: {err}")
            if k >= warmup:
                fig.samples.append(wall)
                fig.extra.setdefault("rss_kb", []).append(rss)
    finally:
        state.remove()
    return fig


# --- neomutt -----------------------------------------------------------------


def neomutt_tui(maildir: str, work: str, titles: Titles, runs: int, warmup: int, cold: bool,
                timeout: float, write_muttrc) -> Figure:
    fig = Figure(note="neomutt -n -F bench/neomuttrc.template (filled in) -f MAILDIR: until 3 subjects "
                      "are on screen (it draws the sorted index at once); " + ("a fresh header cache each run" if cold else "with its header cache"))
    home = tempfile.mkdtemp(prefix="neomutt-", dir=work)
    hcache = os.path.join(home, "hcache")
    muttrc = write_muttrc(maildir, hcache, os.path.join(home, "muttrc"))
    env = dict(BASE_ENV)
    env["HOME"] = home

    def once() -> tuple[float, int | None]:
        with term.Tmux() as t:
            started = t.start(["neomutt", "-n", "-F", muttrc, "-f", maildir], env)
            times, _ = t.wait_until(titles.peer_checks(), started, timeout)
            rss = term.rss_kb(t.pid())
            t.send("q")
            t.wait_dead(timeout)
        return times["titles"], rss

    def clear_cache() -> None:
        for entry in os.listdir(home):
            if entry.startswith("hcache"):
                full = os.path.join(home, entry)
                shutil.rmtree(full) if os.path.isdir(full) else os.remove(full)

    try:
        clear_cache()
        if not cold:
            once()
        for k in range(warmup + runs):
            if cold:
                clear_cache()
            seconds, rss = once()
            if k >= warmup:
                fig.samples.append(seconds)
                if rss:
                    fig.extra.setdefault("rss_kb_external", []).append(rss)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return fig


# --- full-text search (a hook until folio has search) ---------------------------


def folio_search_command(folio: str) -> list[str] | None:
    """The argv prefix of folio's search command, or None while folio has none.

    FOLIO_BENCH_SEARCH may give a template, e.g. "{folio} search {word} {dir}";
    otherwise a `search` subcommand is looked for in `folio --help`.
    """
    template = os.environ.get("FOLIO_BENCH_SEARCH")
    if template:
        return template.split()
    out = subprocess.run([folio, "--help"], capture_output=True, text=True)
    if re.search(r"^\s+search\b", out.stdout + out.stderr, re.M):
        return ["{folio}", "search", "{word}", "{dir}"]
    return None


def folio_search(folio: str, library: str, word: str, work: str, runs: int, warmup: int) -> Figure | None:
    template = folio_search_command(folio)
    if template is None:
        return None
    state = StateDir(work, library)
    argv = [a.format(folio=folio, word=word, dir=library) for a in template] + ["--state", state.db]
    fig = Figure(note=" ".join(argv) + " (warm: one run first)")
    try:
        _run(argv, env=state.env())
        for k in range(warmup + runs):
            wall, _, rss, code, err = _run(argv, env=state.env())
            if code != 0:
                raise RuntimeError(f"folio search exited {code}: {err}")
            if k >= warmup:
                fig.samples.append(wall)
    finally:
        state.remove()
    return fig
