"""mspr-lab's Python tracer: records what the candidate's code does with ML libraries, one JSON event per line.

Inert unless MSPR_TRACE_DIR is set. See runner/tracer/README.md for the event format and the hook-writing API.
Everything here is imported at interpreter start-up, so nothing heavy (numpy, pandas, sklearn) is imported:
hooks attach to those libraries only when the candidate's code imports them.
"""

__version__ = "1.0.0"

_active = False


def activate():
    """Starts tracing when MSPR_TRACE_DIR is set; returns whether it did. Safe to call twice."""
    global _active
    if _active:
        return True
    from . import config

    if not config.load():
        return False
    _active = True
    from . import errors, excepthook, handoff, importhook, registry, seal, writer

    try:
        seal.init(config.key, config.step)
        importhook.install()
        handoff.install()
        registry.discover()
        excepthook.install()
        writer.start()
    except Exception as error:  # noqa: BLE001
        errors.report("activate", error)
    return True
