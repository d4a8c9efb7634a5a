"""Hook modules, one per library: every `<name>_hooks.py` here with a `register(api)` function is loaded.

Helper modules shared by hooks use any other name (e.g. sklearn_estimators.py) so they are not registered.
"""
