"""Keeps pandas' warnings pointing at the candidate's line when a traced wrapper sits in between.

pandas chooses a warning's `stacklevel` with `find_stack_level()`: the first frame outside pandas. A traced
method's wrapper is such a frame, so without this a SettingWithCopyWarning or a read_sql UserWarning would
name `mspr_tracer/wrap.py` instead of the candidate's file — a change in what they see on stderr. The
replacement counts the tracer's frames as pandas' own; every module that imported the function by name gets it.
"""

import os
import sys

from mspr_tracer import config


def _find_stack_level():
    import inspect

    import pandas as pd

    pkg_dir = os.path.dirname(pd.__file__)
    test_dir = os.path.join(pkg_dir, "tests")
    tracer = config.tracer_root + os.sep
    frame = inspect.currentframe()
    n = 0
    while frame:
        name = frame.f_code.co_filename
        if (name.startswith(pkg_dir) and not name.startswith(test_dir)) or name.startswith(tracer):
            frame = frame.f_back
            n += 1
        else:
            break
    # This function's own frame stands for pandas' find_stack_level frame, which the original counts too.
    return n


def patch(pd):
    exceptions = sys.modules.get("pandas.util._exceptions")
    original = getattr(exceptions, "find_stack_level", None)
    if original is None or getattr(original, "__mspr_traced__", False):
        return
    import inspect  # here, not at module level: hook modules load in every process

    try:
        inspect.signature(original).bind()
    except TypeError:
        return  # another signature (older pandas took the stack as an argument): leave it
    _find_stack_level.__mspr_traced__ = True
    _find_stack_level.__doc__ = original.__doc__
    for name, module in list(sys.modules.items()):
        if (name == "pandas" or name.startswith("pandas.")) and getattr(module, "find_stack_level", None) is original:
            setattr(module, "find_stack_level", _find_stack_level)
