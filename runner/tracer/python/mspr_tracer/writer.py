"""Writes events, one JSON object per line, to MSPR_TRACE_DIR/events-<pid>.jsonl.

Each line is sealed with the step's key (seal.py), so the grader can reject lines the tracer did not write.
Each process has its own file (joblib/multiprocessing children write theirs). The main process opens it at
start-up (its tracer_start line proves the tracer ran); a forked child opens its own on its first event. Every line is one os.write on an O_APPEND descriptor: nothing sits
in a buffer when the candidate's program crashes or calls os._exit. After fork() the child reopens its own file.
"""

import os
import threading
import time

from . import config, jsonsafe, seal

_lock = threading.Lock()
_fd = None
_pid = None
_seq = 0


def _reset_after_fork():
    global _lock, _fd, _pid, _seq
    # The parent's lock may be held by a thread that does not exist in the child.
    _lock = threading.Lock()
    _fd, _pid, _seq = None, None, 0


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def write(event_type, fields, site=None):
    """Appends one event; returns its seq. `fields` must already be JSON-safe (see jsonsafe.safe)."""
    global _seq
    import json

    with _lock:
        if _fd is None or _pid != os.getpid():
            _open()
        _seq += 1
        event = {"type": event_type, "seq": _seq, "ts": round(time.time(), 6), "pid": _pid}
        if site is not None:
            event["site"] = site
        event.update(fields)
        try:
            line = json.dumps(event, ensure_ascii=False, allow_nan=False, default=jsonsafe.safe)
        except ValueError:
            line = json.dumps(jsonsafe.safe(event), ensure_ascii=False, allow_nan=False)
        os.write(_fd, seal.line(line))
        return _seq


def start():
    """Opens this process's file now, so a run that records nothing still shows the tracer was active."""
    with _lock:
        if _fd is None or _pid != os.getpid():
            _open()


def _open():
    """Opens this process's file and writes its tracer_start event first."""
    global _fd, _pid, _seq
    import json
    import sys

    _pid = os.getpid()
    _seq = 0
    os.makedirs(config.trace_dir, exist_ok=True)
    path = os.path.join(config.trace_dir, "events-%d.jsonl" % _pid)
    _fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    from . import __version__, registry

    _seq = 1
    start = {
        "type": "tracer_start",
        "seq": _seq,
        "ts": round(time.time(), 6),
        "pid": _pid,
        "tracer_version": __version__,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "argv": jsonsafe.safe(list(getattr(sys, "argv", []))),
        "ppid": os.getppid(),
        "workspace": config.workspace,
        "notebook": config.notebook,
        "hooks": list(registry.loaded),
    }
    os.write(_fd, seal.line(json.dumps(start, ensure_ascii=False)))
