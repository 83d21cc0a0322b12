"""A real terminal for the TUI measurements: an isolated tmux server.

Each measurement gets its own server (`tmux -L folio-bench-<pid>-<k> -f /dev/null`)
whose one pane, 120x40 with the status line off, first runs an idle `cat`. The
program under test is then started with `respawn-pane -k` and the clock starts
just before that call, so tmux's own start-up is not counted (its client round
trip, a few milliseconds, is, for every program alike). The screen is read with
`capture-pane -p` every POLL seconds until the expected text is on it.
"""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import time

POLL = 0.002
_counter = itertools.count()


class Tmux:
    def __init__(self, width: int = 120, height: int = 40):
        self.socket = f"folio-bench-{os.getpid()}-{next(_counter)}"
        self.width, self.height = width, height
        self.target = "bench:0.0"
        self._tmux("new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "cat", ";",
                   "set-option", "-g", "status", "off", ";",
                   "set-option", "-g", "remain-on-exit", "on", ";",
                   "set-option", "-g", "default-terminal", "tmux-256color", ";",
                   "set-option", "-g", "escape-time", "0")
        size = self.display("#{pane_width}x#{pane_height}")
        if size != f"{width}x{height}":
            raise RuntimeError(f"tmux pane is {size}, wanted {width}x{height}")

    def _tmux(self, *args: str, check: bool = True) -> str:
        out = subprocess.run(["tmux", "-L", self.socket, "-f", "/dev/null", *args],
                             capture_output=True, text=True, check=False)
        if check and out.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {out.stderr.strip()}")
        return out.stdout

    def display(self, fmt: str) -> str:
        return self._tmux("display-message", "-p", "-t", self.target, fmt).strip()

    def start(self, argv: list[str], env: dict[str, str]) -> float:
        """Runs argv in the pane (replacing the idle cat); returns the start time."""
        command = "exec env -i " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " " + \
            " ".join(shlex.quote(a) for a in argv)
        started = time.perf_counter()
        self._tmux("respawn-pane", "-k", "-t", self.target, command)
        return started

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.target, check=False)

    def wait_for(self, texts: list[str], started: float, timeout: float) -> tuple[float, str]:
        """Seconds from `started` until every one of `texts` is on screen."""
        times, screen = self.wait_until({"all": lambda screen: all(t in screen for t in texts)}, started, timeout)
        return times["all"], screen

    def wait_until(self, checks: dict, started: float, timeout: float) -> tuple[dict[str, float], str]:
        """Seconds from `started` until each check(screen) first held; waits for all of them."""
        times: dict[str, float] = {}
        deadline = started + timeout
        for polls in itertools.count():
            screen = self.screen()
            now = time.perf_counter()
            for name, check in checks.items():
                if name not in times and check(screen):
                    times[name] = now - started
            if len(times) == len(checks):
                return times, screen
            if now > deadline:
                missing = [name for name in checks if name not in times]
                raise TimeoutError(f"after {timeout:.0f} s still waiting for {missing}\n--- screen ---\n{screen}")
            # Asking tmux costs a process; look for an early exit only now and then.
            if polls % 25 == 24 and self.dead():
                missing = [name for name in checks if name not in times]
                raise RuntimeError(f"the program ended while waiting for {missing}\n--- screen ---\n{self.screen()}")
            time.sleep(POLL)
        raise AssertionError("unreachable")

    def pid(self) -> int:
        return int(self.display("#{pane_pid}"))

    def dead(self) -> bool:
        return self.display("#{pane_dead}") == "1"

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.target, *keys)

    def wait_dead(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not self.dead():
            if time.monotonic() > deadline:
                raise TimeoutError(f"the program did not end within {timeout:.0f} s\n{self.screen()}")
            time.sleep(0.01)

    def close(self) -> None:
        self._tmux("kill-server", check=False)
        # kill-server leaves the socket file behind.
        folder = os.environ.get("TMUX_TMPDIR") or "/tmp"
        try:
            os.remove(os.path.join(folder, f"tmux-{os.getuid()}", self.socket))
        except OSError:
            pass

    def __enter__(self) -> "Tmux":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def rss_kb(pid: int) -> int | None:
    """Resident memory of a running process (VmRSS), read from outside."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None
