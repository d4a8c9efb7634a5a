"""Names and what they hold: a module's globals, a function's locals, and the merge of two branches."""

from .values import Const, Data, Obj, Seq, Dict, Unknown

_BUILTINS = {
    "len", "range", "print", "open", "type", "float", "int", "str", "bool", "list", "tuple", "dict", "set", "enumerate",
    "zip", "sorted", "reversed", "round", "abs", "min", "max", "sum", "isinstance", "getattr", "setattr", "hasattr",
    "map", "filter", "any", "all", "repr", "format", "pow", "display", "iter", "next", "vars", "super",
}


class Scope:
    __slots__ = ("vars", "parent")

    def __init__(self, parent=None):
        self.vars = {}
        self.parent = parent

    def lookup(self, name):
        scope = self
        while scope is not None:
            if name in scope.vars:
                return scope.vars[name]
            scope = scope.parent
        if name in _BUILTINS:
            from .values import Ref

            return Ref("builtins." + name)
        return Unknown(name)

    def set(self, name, value):
        self.vars[name] = value

    def snapshot(self):
        return dict(self.vars)

    def restore(self, saved):
        self.vars = dict(saved)


def same(a, b):
    if a is b:
        return True
    if isinstance(a, Const) and isinstance(b, Const):
        return type(a.value) is type(b.value) and a.value == b.value
    return False


def merge(first, second):
    """Names after two paths that may either run (an `if` the reader cannot decide, a loop that may not run).

    A constant that differs between the paths is no longer known: `TEST_SIZE` set to 0.2 on one branch and 0.3 on
    the other is unresolved after the `if`, never a guess. Data, models and containers keep the value of the first
    path that has one, so a frame scaled in an optional branch is still the same training data.
    """
    merged = {}
    for name in set(first) | set(second):
        a = first.get(name)
        b = second.get(name)
        if a is None or b is None:
            value = a if b is None else b
            merged[name] = Unknown(name) if isinstance(value, Const) else value
        elif same(a, b):
            merged[name] = a
        elif isinstance(a, (Const, Unknown)) or isinstance(b, (Const, Unknown)):
            merged[name] = Unknown(name)
        elif isinstance(a, (Data, Obj, Seq, Dict)):
            merged[name] = a
        else:
            merged[name] = b
    return merged
