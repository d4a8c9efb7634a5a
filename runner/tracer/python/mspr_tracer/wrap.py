"""Safe wrapping of library functions and methods.

A hook gives `patch` a handler; the wrapper calls it before the original with a `Call` and, if the handler
returns a function, calls that after the original with (result, error). The contract that keeps candidates safe:

- the original is always called exactly once, with the same arguments, and its result or exception is passed
  through untouched (the exception is re-raised as is);
- handler code runs with `context.busy` set and its own exceptions become `tracer_error` events;
- calls made by a library inside a traced call (depth > 0), calls with no candidate frame on the stack (joblib
  workers, library internals) and calls made while the tracer is busy go straight to the original.
"""

import functools
import time

from . import callsite, context, errors

_PATCHED = "__mspr_traced__"


class Call:
    """What a handler learns about one call. `site` is the candidate's file/line (and notebook cell)."""

    __slots__ = ("name", "args", "kwargs", "site", "source", "direct", "started", "truncated")

    def __init__(self, name, args, kwargs, site, source, direct=True):
        self.name = name
        #: Event types whose per-site budget this call is the first to exceed (see hooks/site_budget.py):
        #: `emit` marks its events of those types `truncated: true`.
        self.truncated = None
        #: False when library frames sit between the candidate's code and this call.
        self.direct = direct
        self.args = args
        self.kwargs = kwargs
        self.site = site
        self.source = source
        self.started = time.perf_counter()

    def arg(self, index, name, default=None):
        """A positional-or-keyword argument, as the wrapped function would see it."""
        if name in self.kwargs:
            return self.kwargs[name]
        return self.args[index] if len(self.args) > index else default

    def elapsed(self):
        return round(time.perf_counter() - self.started, 6)


def traced(original, handler, name=None):
    """Returns a wrapper around `original` that reports to `handler` (see module doc)."""
    if getattr(original, _PATCHED, False):
        return original
    label = name or getattr(original, "__qualname__", getattr(original, "__name__", "?"))

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        state = context.state()
        if state.busy or state.depth:
            return original(*args, **kwargs)
        state.busy = True
        site = after = None
        try:
            site, frame, direct = callsite.find(1)
            if site is not None:
                after = handler(Call(label, args, kwargs, site, callsite.source_of(frame), direct))
        except Exception as error:  # noqa: BLE001
            errors.report(label, error)
        finally:
            state.busy = False
        if site is None:
            return original(*args, **kwargs)
        # Even when the handler is not interested, what the library does inside stays the library's business.
        state.depth += 1
        if after is None:
            try:
                return original(*args, **kwargs)
            finally:
                state.depth -= 1
        try:
            result = original(*args, **kwargs)
        except BaseException as error:
            state.depth -= 1
            _finish(after, None, error, label, state)
            raise
        state.depth -= 1
        _finish(after, result, None, label, state)
        return result

    setattr(wrapper, _PATCHED, True)
    return wrapper


def _finish(after, result, error, label, state):
    state.busy = True
    try:
        after(result, error)
    except Exception as failure:  # noqa: BLE001
        errors.report(label, failure)
    finally:
        state.busy = False


def patch_function(module, attr, handler, name=None):
    """Replaces module.attr (a function) by its traced wrapper; returns False when there is nothing to patch."""
    original = getattr(module, attr, None)
    if not callable(original):
        return False
    setattr(module, attr, traced(original, handler, name or "%s.%s" % (module.__name__, attr)))
    return True


def patch_method(cls, attr, handler, name=None):
    """Wraps a method defined in cls.__dict__ (not inherited), keeping descriptors intact.

    scikit-learn's `available_if` descriptors decide whether `hasattr(est, "predict_proba")` is true; replacing
    them by a plain function would change that, so their inner `fn` is wrapped instead. Static and class
    methods are left alone.
    """
    raw = cls.__dict__.get(attr)
    if raw is None:
        return False
    label = name or "%s.%s" % (cls.__name__, attr)
    if isinstance(raw, (staticmethod, classmethod, property)):
        return False
    if callable(raw) and hasattr(raw, "__code__"):
        setattr(cls, attr, traced(raw, handler, label))
        return True
    inner = getattr(raw, "fn", None)
    if callable(inner) and hasattr(inner, "__code__"):
        try:
            raw.fn = traced(inner, handler, label)
            return True
        except Exception:  # noqa: BLE001 - an immutable descriptor: leave it
            return False
    return False
