"""Caps events per call site: a `df.isna()` or `cursor.execute` in a loop must not flood the trace.

A site records at most `limit` events of one type. The first call over that budget still records its event,
marked `truncated: true`; no later call from that site records one. A reader that counts events (rows sent by
INSERTs in a loop) then knows the count stops there and is a lower bound, not the total.
"""

_counts = {}
#: Events of one type from one line; the first ones are the evidence, the rest add nothing.
PER_SITE = 12


def allow(call, event_type, limit=PER_SITE):
    """True when the call may record its `event_type` event (then emitted through api.emit with this call)."""
    site = call.site or {}
    key = (event_type, site.get("file"), site.get("line"), site.get("cell"))
    n = _counts.get(key, 0) + 1
    _counts[key] = n
    if n <= limit:
        return True
    if n == limit + 1:
        call.truncated = (call.truncated or frozenset()) | {event_type}
        return True
    return False
