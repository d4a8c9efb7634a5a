"""Caps events per call site: a `df.isna()` or `cursor.execute` in a loop must not flood the trace."""

_counts = {}
#: Events of one type from one line; the first ones are the evidence, the rest add nothing.
PER_SITE = 12


def allow(call, event_type, limit=PER_SITE):
    site = call.site or {}
    key = (event_type, site.get("file"), site.get("line"), site.get("cell"))
    n = _counts.get(key, 0) + 1
    _counts[key] = n
    return n <= limit
