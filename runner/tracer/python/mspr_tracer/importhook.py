"""Post-import hooks: run a callback right after a module has executed, before anyone can use it.

A finder on sys.meta_path asks the other finders for the module's spec, then wraps that spec's loader
`exec_module` (an instance attribute, so only this module's loader is touched). Callbacks see the fully
executed module; `from sklearn.metrics import mean_squared_error` in the candidate's code then already gets
the wrapped function because the defining module was patched before its package re-exported it.
"""

import sys
import threading

from . import context, errors

_exact = {}
_prefixes = []
_done = set()
_guard = threading.local()


def on_import(name, callback, prefix=False):
    """Calls callback(module) once after `name` is imported (or now, if it already is).

    With prefix=True, `name` matches the package and every submodule ("sklearn" matches "sklearn.base").
    """
    if prefix:
        _prefixes.append((name, callback))
        for loaded in list(sys.modules):
            if loaded == name or loaded.startswith(name + "."):
                _run(loaded, [callback])
    else:
        _exact.setdefault(name, []).append(callback)
        if name in sys.modules:
            _run(name, [callback])


def _callbacks_for(name):
    found = list(_exact.get(name, ()))
    for prefix, callback in _prefixes:
        if name == prefix or name.startswith(prefix + "."):
            found.append(callback)
    return found


def _run(name, callbacks):
    module = sys.modules.get(name)
    if module is None:
        return
    with context.busy():
        for callback in callbacks:
            key = (name, id(callback))
            if key in _done:
                continue
            _done.add(key)
            try:
                callback(module)
            except Exception as error:  # noqa: BLE001
                errors.report("import:%s:%s" % (name, getattr(callback, "__name__", "?")), error)


class _PostImportFinder:
    """Never loads anything itself; only decorates the spec another finder returns."""

    def find_spec(self, fullname, path=None, target=None):
        if getattr(_guard, "active", False) or not _callbacks_for(fullname):
            return None
        _guard.active = True
        try:
            spec = None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
        finally:
            _guard.active = False
        if spec is None or spec.loader is None or isinstance(spec.loader, type):
            return spec
        loader = spec.loader
        original = getattr(loader, "exec_module", None)
        if original is None:
            return spec

        def exec_module(module, _original=original, _name=fullname):
            _original(module)
            _run(_name, _callbacks_for(_name))

        try:
            loader.exec_module = exec_module
        except Exception:  # noqa: BLE001 - a loader with __slots__: leave this module untraced
            return spec
        return spec


_finder = _PostImportFinder()


def install():
    if _finder not in sys.meta_path:
        sys.meta_path.insert(0, _finder)
