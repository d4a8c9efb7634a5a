"""Finds hook modules: every `mspr_tracer/hooks/<name>_hooks.py` with a `register(api)` function.

Adding a library means adding one file there; the core does not list hooks. Hook modules are imported at
start-up, so they must not import the library they hook at module level — they call api.on_import instead.
"""

import importlib
import os

from . import errors

#: Names of the hook modules registered in this process, in load order (shown in tracer_start).
loaded = []


def discover():
    from . import api

    folder = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hooks")
    names = sorted(n[:-3] for n in os.listdir(folder) if n.endswith("_hooks.py") and not n.startswith("_"))
    for name in names:
        try:
            module = importlib.import_module("mspr_tracer.hooks." + name)
            register = getattr(module, "register", None)
            if register is None:
                continue
            register(api)
            loaded.append(name)
        except Exception as error:  # noqa: BLE001 - one broken hook must not disable the others
            errors.report("register:" + name, error)
