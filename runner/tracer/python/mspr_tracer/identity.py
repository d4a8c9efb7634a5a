"""Stable tokens for library objects ("o1", "o2"…), so a predict can be tied to the fit of the same estimator.

id() alone is reused after garbage collection; a weak reference beside it tells a new object from a dead one.
Objects that refuse weak references get an id-based token. Nothing is stored on the candidate's objects.
"""

import itertools
import os
import threading
import weakref

_tokens = {}
_counter = itertools.count(1)
_lock = threading.Lock()


def _reset_after_fork():
    global _lock
    _lock = threading.Lock()  # a thread of the parent may have held it at fork time


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)


def token(obj):
    key = id(obj)
    with _lock:
        entry = _tokens.get(key)
        if entry is not None and entry[0]() is obj:
            return entry[1]
        try:
            ref = weakref.ref(obj)
        except TypeError:
            return "i%x" % key
        value = "o%d" % next(_counter)
        _tokens[key] = (ref, value)
        if len(_tokens) > 10000:
            for k in [k for k, (r, _) in _tokens.items() if r() is None]:
                del _tokens[k]
        return value
