"""Turns arbitrary Python values (numpy scalars, estimators, NaN, huge lists) into small JSON-ready values."""

import math

MAX_ITEMS = 100
MAX_STRING = 200
MAX_DEPTH = 4


def safe(value, depth=0):
    """A JSON-serialisable, bounded copy of `value`. Never raises for ordinary objects."""
    if value is None or isinstance(value, (bool, str)):
        return value if not isinstance(value, str) or len(value) <= MAX_STRING else value[:MAX_STRING] + "…"
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, type):
        return _label(value)  # a class (dtype=np.float64): its attributes are descriptors, not values
    item = getattr(value, "item", None)
    if item is not None and getattr(value, "ndim", None) == 0:
        try:
            return safe(item(), depth)
        except Exception:  # noqa: BLE001
            pass
    if depth >= MAX_DEPTH:
        return _label(value)
    if isinstance(value, dict):
        out = {}
        for i, (k, v) in enumerate(value.items()):
            if i >= MAX_ITEMS:
                out["…"] = "%d more" % (len(value) - MAX_ITEMS)
                break
            out[str(k)] = safe(v, depth + 1)
        return out
    if isinstance(value, (list, tuple, set, frozenset)):
        items = list(value)
        out = [safe(v, depth + 1) for v in items[:MAX_ITEMS]]
        if len(items) > MAX_ITEMS:
            out.append("… %d more" % (len(items) - MAX_ITEMS))
        return out
    tolist = getattr(value, "tolist", None)
    if tolist is not None and getattr(value, "size", MAX_ITEMS + 1) <= MAX_ITEMS:
        try:
            return safe(tolist(), depth)
        except Exception:  # noqa: BLE001
            pass
    return _label(value)


def _label(value):
    """Objects are named by their class (an estimator in params reads as {"class": "Ridge"})."""
    cls = type(value)
    if callable(value) and hasattr(value, "__name__") and not isinstance(value, type):
        return {"callable": getattr(value, "__qualname__", value.__name__)}
    if isinstance(value, type):
        return {"class": value.__name__, "module": value.__module__}
    shape = getattr(value, "shape", None)
    label = {"class": cls.__name__, "module": cls.__module__}
    if isinstance(shape, tuple):
        label["shape"] = [int(s) if isinstance(s, int) else None for s in shape]
    return label


def number(value):
    """A finite float, or None (metric values, scores)."""
    try:
        f = float(value)
    except Exception:  # noqa: BLE001
        return None
    return f if math.isfinite(f) else None
