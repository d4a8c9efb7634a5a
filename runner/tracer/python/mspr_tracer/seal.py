"""Seals each event line with an HMAC-SHA256, so the grader can tell the tracer's lines from anyone else's.

The runner hands each step a fresh key (MSPR_TRACE_KEY, taken out of the environment by `handoff.take`). A line
is the event's JSON `E` with `,"mac":"<hex>"` put before its closing brace, where
`hex = HMAC(key, "mspr-trace/1\\n" + step + "\\n" + E)` and `step` is the name of the step's trace folder.
`E` holds the event's `pid` and per-process `seq`, so a line cannot be edited, moved to another step or
process, reordered or dropped without the grader noticing (runner/tracer/trace-auth.ts checks all of that).

HMAC is computed by hand over the interpreter's built-in SHA-256 (`_sha2`, `_sha256` before 3.12): `import hmac`
pulls in OpenSSL's `_hashlib`, about 7 ms added to the start of every Python process.
"""

_PREFIX = b"mspr-trace/1\n"

_inner = None
_outer = None


def _sha256():
    try:
        from _sha2 import sha256  # Python >= 3.12
    except ImportError:
        try:
            from _sha256 import sha256  # Python <= 3.11
        except ImportError:  # an interpreter built without the module: OpenSSL's, slower to import
            from hashlib import sha256
    return sha256


def init(key, step):
    """Keys the sealing for this process; without a key, lines are written unsealed (and rejected)."""
    global _inner, _outer
    if not key:
        _inner = _outer = None
        return
    sha256 = _sha256()
    if len(key) > 64:
        key = sha256(key).digest()
    key = key.ljust(64, b"\0")
    _inner = sha256(bytes(b ^ 0x36 for b in key))
    _inner.update(_PREFIX + step.encode("utf-8", "surrogateescape") + b"\n")
    _outer = sha256(bytes(b ^ 0x5C for b in key))


def line(event_json):
    """The bytes to write for one event, newline included."""
    data = event_json.encode("utf-8")
    if _inner is None:
        return data + b"\n"
    inner = _inner.copy()
    inner.update(data)
    outer = _outer.copy()
    outer.update(inner.digest())
    return data[:-1] + b',"mac":"' + outer.hexdigest().encode("ascii") + b'"}\n'
