"""Per-thread state that keeps the tracer out of its own way.

`busy` is set while tracer code runs, so a hook that touches pandas or numpy never records itself.
`depth` counts traced library calls in progress: a call made by the library itself (a Pipeline fitting its
steps, a grid search fitting each fold) happens at depth > 0 and is not recorded on its own — the outer
event describes it. That keeps events to what the candidate asked for, and keeps the overhead flat.
"""

import threading

_local = threading.local()


def state():
    """The current thread's state, created on first use (threads started by joblib get a fresh one)."""
    try:
        return _local.state
    except AttributeError:
        s = _local.state = _State()
        return s


class _State:
    __slots__ = ("busy", "depth")

    def __init__(self):
        self.busy = False
        self.depth = 0


class busy:
    """Context manager marking tracer code; nested use is harmless."""

    __slots__ = ("_s", "_was")

    def __enter__(self):
        self._s = state()
        self._was = self._s.busy
        self._s.busy = True
        return self

    def __exit__(self, *exc):
        self._s.busy = self._was
        return False
