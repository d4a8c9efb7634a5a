"""Where facts go: events in the trace's shapes, in the order the code would run them, marked `observed: false`.

`seq` and `ts` are that order (the grader sorts events by `ts`), `pid` is 0: no process made them. A line in a
loop the reader unrolls, or in a function called many times, gives at most `PER_SITE` events of a type, like the
tracer's per-line budget; the whole reading at most `MAX_EVENTS`.
"""

PER_SITE = 24
MAX_EVENTS = 20000
MAX_TEXT = 2000


def safe(value, depth=0):
    """JSON-safe and bounded: non-finite floats as text, long strings cut, deep or wide containers cut."""
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, str):
        return value if len(value) <= MAX_TEXT else value[: MAX_TEXT - 1] + "…"
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > 2 ** 53:
        return str(value)
    if isinstance(value, dict):
        return {str(k)[:200]: safe(v, depth + 1) for k, v in list(value.items())[:200]} if depth < 8 else None
    if isinstance(value, (list, tuple)):
        return [safe(v, depth + 1) for v in list(value)[:200]] if depth < 8 else None
    return value


class Sink:
    def __init__(self):
        self.events = []
        self.per_site = {}
        self.full = False

    def emit(self, unit, node, type_, **fields):
        """Records one fact at the code `node` of `unit`; returns the event (a dict the caller may still fill)."""
        site = unit.site(node)
        key = (type_, site["file"], site.get("cell"), site["line"])
        count = self.per_site.get(key, 0)
        if count >= PER_SITE or len(self.events) >= MAX_EVENTS:
            self.full = self.full or len(self.events) >= MAX_EVENTS
            return dict(fields)  # still returned, so callers can carry on, but not recorded
        self.per_site[key] = count + 1
        seq = len(self.events) + 1
        event = {"type": type_, "seq": seq, "ts": float(seq), "pid": 0, "observed": False, "site": site}
        source = unit.source(node)
        if source:
            event["source"] = source
        for name, value in fields.items():
            if value is not None:
                event[name] = safe(value)
        if count + 1 == PER_SITE:
            event["truncated"] = True
        self.events.append(event)
        return event
