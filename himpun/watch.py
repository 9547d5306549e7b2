"""Watching an inbox: files are ingested as they arrive, once they have
stopped growing, one at a time; originals are left in place or moved away;
each result is one log line. `stop` (set by Ctrl-C or SIGTERM in the CLI)
ends the loop between files, never in the middle of one."""
from __future__ import annotations

import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from himpun.batch import Outcome
from himpun.ingest.files import walk


@dataclass
class Inbox:
    """What has been seen in an inbox, and when each file last changed."""

    root: Path
    settle: float = 2.0  # seconds a file must keep its size and time before it is taken
    seen: dict[Path, tuple[int, int, float]] = field(default_factory=dict)  # path -> (size, mtime_ns, since)
    done: dict[Path, tuple[int, int]] = field(default_factory=dict)  # path -> (size, mtime_ns) when ingested

    def ready(self, now: float | None = None) -> list[Path]:
        """Files that have not changed for `settle` seconds and were not taken in this state."""
        now = time.monotonic() if now is None else now
        out = []
        present = set()
        for found in walk([self.root]):
            if found.problem or not found.path.is_file() or found.path.name.endswith((".part", ".tmp", ".crdownload")):
                continue
            p = found.path
            present.add(p)
            try:
                st = p.stat()
            except OSError:
                continue
            state = (st.st_size, st.st_mtime_ns)
            if self.done.get(p) == state:
                continue
            old = self.seen.get(p)
            if old is None or old[:2] != state:
                self.seen[p] = (*state, now)
            elif now - old[2] >= self.settle:
                out.append(p)
        for gone in set(self.seen) - present:
            del self.seen[gone]
        return out

    def taken(self, path: Path) -> None:
        try:
            st = path.stat()
            self.done[path] = (st.st_size, st.st_mtime_ns)
        except OSError:
            pass
        self.seen.pop(path, None)


def watch(library, inbox: Path, *, interval: float = 1.0, settle: float = 2.0, move_to: Path | None = None,
          on_outcome: Callable[[Outcome], None] | None = None, stop: threading.Event | None = None,
          ocr: str = "auto", jobs: int | None = None) -> int:
    """Ingest files arriving in `inbox` until `stop` is set; the number of files taken.
    With `move_to`, each taken file goes there (failed ones under `failed/`)."""
    stop = stop or threading.Event()
    box = Inbox(Path(inbox), settle)
    taken = 0
    while not stop.is_set():
        for path in box.ready():
            if stop.is_set():
                break
            report = library.ingest([path], ocr=ocr, jobs=jobs)
            outcome = report.outcomes[0] if report.outcomes else Outcome(str(path), "failed", "vanished")
            taken += 1
            box.taken(path)
            if move_to is not None:
                outcome = _move(path, Path(move_to), Path(inbox), outcome)
            if on_outcome:
                on_outcome(outcome)
        stop.wait(interval)
    return taken


def _move(path: Path, move_to: Path, inbox: Path, outcome: Outcome) -> Outcome:
    sub = "failed" if outcome.status == "failed" else ""
    try:
        rel = path.relative_to(inbox)
    except ValueError:
        rel = Path(path.name)
    target = move_to / sub / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        target = target.with_name(f"{target.stem}.{int(time.time())}{target.suffix}")
    try:
        shutil.move(str(path), str(target))
        outcome.reason = (outcome.reason + "; " if outcome.reason else "") + f"moved to {target}"
    except OSError as exc:
        outcome.reason = (outcome.reason + "; " if outcome.reason else "") + f"could not move ({exc})"
    return outcome
