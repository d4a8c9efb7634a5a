"""mspr-lab tracer bootstrap, loaded by Python at start-up because the runner puts this folder first on PYTHONPATH.

It must never break the candidate's program: the tracer is imported inside a try/except, and whatever
`sitecustomize` this one shadows (Debian ships one for apport) is still executed afterwards.
"""

import os as _os
import sys as _sys

try:
    import mspr_tracer as _mspr_tracer

    _mspr_tracer.activate()
except Exception:  # noqa: BLE001 - the tracer is optional, the candidate's program is not
    pass


def _chain_load_next_sitecustomize():
    """Executes the next `sitecustomize` on sys.path, skipping this folder, under a private module name."""
    # importlib.machinery is frozen into the interpreter; importlib.util would cost milliseconds at every start.
    import importlib.machinery
    import types

    here = _os.path.dirname(_os.path.abspath(__file__))
    rest = [p for p in _sys.path if _os.path.abspath(p or _os.curdir) != here]
    spec = importlib.machinery.PathFinder.find_spec("sitecustomize", rest)
    if spec is None or spec.loader is None:
        return
    if spec.origin and _os.path.dirname(_os.path.abspath(spec.origin)) == here:
        return
    module = types.ModuleType("_mspr_chained_sitecustomize")
    module.__file__ = spec.origin
    module.__spec__ = spec
    _sys.modules["_mspr_chained_sitecustomize"] = module
    spec.loader.exec_module(module)


try:
    _chain_load_next_sitecustomize()
except Exception:  # noqa: BLE001 - same contract as Python's own site.py, which ignores a failing sitecustomize
    pass
