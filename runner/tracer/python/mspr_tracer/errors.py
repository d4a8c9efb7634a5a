"""The tracer's own failures become `tracer_error` events; they never reach the candidate's program."""

_counts = {}
#: A broken hook on a hot path (predict in a loop) would otherwise flood the trace.
MAX_PER_WHERE = 20


def error_text(error):
    """How events name an exception: `Type: message`, the message cut to 300 characters; None for None."""
    if error is None:
        return None
    return "%s: %s" % (type(error).__name__, str(error)[:300])


def report(where, error):
    """Records that tracer code at `where` raised `error`. Swallows everything, including its own failures."""
    try:
        n = _counts.get(where, 0) + 1
        _counts[where] = n
        if n > MAX_PER_WHERE:
            return
        import traceback

        from . import writer

        tb = traceback.extract_tb(error.__traceback__)[-3:] if error.__traceback__ else []
        writer.write(
            "tracer_error",
            {
                "where": where,
                "error": error_text(error),
                "frames": ["%s:%s %s" % (f.filename.rsplit("/", 1)[-1], f.lineno, f.name) for f in tb],
                "suppressed": n == MAX_PER_WHERE,
            },
        )
    except Exception:  # noqa: BLE001 - nowhere left to report to, and stderr belongs to the candidate
        pass
