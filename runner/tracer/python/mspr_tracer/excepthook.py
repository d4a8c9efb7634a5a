"""Keeps tracebacks identical with and without the tracer.

A wrapper frame sits between the candidate's call and the library when a library call raises; Python prints
it in the traceback. This excepthook drops the tracer's frames from uncaught exceptions (and their causes)
before handing them to the previous hook, so stderr reads as it would untraced.
"""

import os
import sys

from . import config

_tracer_dir = os.path.join(config.tracer_root, "mspr_tracer") + os.sep


def strip(tb):
    """The traceback chain without frames from this package."""
    head = None
    tail = None
    while tb is not None:
        next_tb = tb.tb_next
        if not tb.tb_frame.f_code.co_filename.startswith(_tracer_dir):
            if tail is None:
                head = tb
            else:
                tail.tb_next = tb
            tail = tb
        tb = next_tb
    if tail is not None:
        tail.tb_next = None
    return head


def clean(error, seen=None):
    """Strips tracer frames from an exception and the exceptions chained to it (in place)."""
    _clean(error, set() if seen is None else seen)


def _clean(error, seen):
    if error is None or id(error) in seen:
        return
    seen.add(id(error))
    try:
        error.__traceback__ = strip(error.__traceback__)
    except Exception:  # noqa: BLE001
        pass
    _clean(error.__cause__, seen)
    _clean(error.__context__, seen)


def install():
    previous = sys.excepthook

    def excepthook(exc_type, exc, tb):
        try:
            if exc is not None:
                exc.__traceback__ = tb
                _clean(exc, set())
                tb = exc.__traceback__
        except Exception:  # noqa: BLE001
            pass
        previous(exc_type, exc, tb)

    sys.excepthook = excepthook
    _install_thread_hook()


def _install_thread_hook():
    """Same for exceptions that end a thread (printed by threading.excepthook)."""
    import threading

    previous = threading.excepthook

    def thread_excepthook(args):
        try:
            if args.exc_value is not None:
                args.exc_value.__traceback__ = args.exc_traceback
                _clean(args.exc_value, set())
                args = threading.ExceptHookArgs([args.exc_type, args.exc_value, args.exc_value.__traceback__, args.thread])
        except Exception:  # noqa: BLE001
            pass
        previous(args)

    threading.excepthook = thread_excepthook
