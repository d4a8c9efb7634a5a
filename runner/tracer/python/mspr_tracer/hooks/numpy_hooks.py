"""numpy (and pandas' Series.sum): reductions a candidate's line calls, read as metrics computed by hand.

Only `numpy.mean` and `numpy.sum` are wrapped — plain Python functions, unlike the ufuncs (`np.sqrt`, `np.abs`),
which are left alone. Until a prediction or a split target has been seen (`hand_metrics.armed`), and for every call
not made directly by the candidate's code (libraries call them constantly), the wrapper goes straight to numpy.
"""

import functools

from mspr_tracer import api, context

from . import hand_metrics
from .pandas_cleaning import candidate_caller


def _reduction_handler(function):
    def handler(call):
        return hand_metrics.plan(call, function)

    return handler


def _thin(module, attr, function, name):
    original = getattr(module, attr, None)
    if not callable(original) or getattr(original, "__mspr_traced__", False):
        return
    traced = api.traced(original, _reduction_handler(function), name)

    @functools.wraps(original)
    def wrapper(*args, **kwargs):
        if hand_metrics.armed:
            state = context.state()
            if not state.busy and not state.depth and candidate_caller():
                return traced(*args, **kwargs)
        return original(*args, **kwargs)

    wrapper.__mspr_traced__ = True
    setattr(module, attr, wrapper)


def _patch_numpy(np):
    _thin(np, "mean", "mean", "numpy.mean")
    _thin(np, "sum", "sum", "numpy.sum")


def _patch_pandas(pd):
    series = getattr(pd, "Series", None)
    if series is not None and "sum" in series.__dict__:
        _thin_method(series, "sum")


def _thin_method(cls, attr):
    original = cls.__dict__[attr]
    if getattr(original, "__mspr_traced__", False):
        return
    traced = api.traced(original, _reduction_handler(attr), "%s.%s" % (cls.__name__, attr))

    @functools.wraps(original)
    def method(self, *args, **kwargs):
        if hand_metrics.armed:
            state = context.state()
            if not state.busy and not state.depth and candidate_caller():
                return traced(self, *args, **kwargs)
        return original(self, *args, **kwargs)

    method.__mspr_traced__ = True
    setattr(cls, attr, method)


def register(api):
    api.on_import("numpy", _patch_numpy)
    api.on_import("pandas", _patch_pandas)
