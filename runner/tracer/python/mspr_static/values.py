"""What an expression is worth to the reader: a constant, a library name, an estimator, a piece of data…

Only what the facts need is modelled. Anything else is `Unknown`, which carries the expression's text so an
event can say what it could not resolve (`test_size` given as `float(sys.argv[1])`).
"""


class Value:
    __slots__ = ()


class Unknown(Value):
    """A value the reader cannot tell statically (a parameter, an environment variable, a file's content)."""

    __slots__ = ("text",)

    def __init__(self, text=None):
        self.text = text


class Const(Value):
    """A literal, or one computed from literals (`0.1 * 2`): int, float, str, bool, None, tuples of those."""

    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Seq(Value):
    """A list or tuple literal whose items are values (kept in order: loops over it are unrolled)."""

    __slots__ = ("items", "kind")

    def __init__(self, items, kind="list"):
        self.items = list(items)
        self.kind = kind


class Dict(Value):
    """A dict literal with constant keys (string keys of a model dict, a parameter grid)."""

    __slots__ = ("items",)

    def __init__(self, items):
        self.items = list(items)  # [(key Value, value Value)]

    def get(self, key):
        for k, v in self.items:
            if isinstance(k, Const) and k.value == key:
                return v
        return None

    def keys(self):
        return [k.value for k, _ in self.items if isinstance(k, Const)]


class Ref(Value):
    """A name from a library: `sklearn.linear_model.Lasso`, `pandas`, `numpy.sqrt`."""

    __slots__ = ("qualname",)

    def __init__(self, qualname):
        self.qualname = qualname

    @property
    def last(self):
        return self.qualname.rsplit(".", 1)[-1]

    @property
    def module(self):
        return self.qualname.rsplit(".", 1)[0] if "." in self.qualname else self.qualname


class Obj(Value):
    """An estimator, a pipeline, a search or a CV splitter constructed in the code.

    `kind`: estimator | search | splitter. `params` holds keyword arguments (values), `positional` the others;
    `steps` the (name, Obj) of a pipeline; `params_from` the token of a search whose best_params_ were unpacked
    into it (`Ridge(**grid.best_params_)`).
    """

    __slots__ = ("cls", "module", "kind", "params", "positional", "steps", "token", "params_from", "best_token")

    def __init__(self, cls, module, kind, params, positional, token, steps=None):
        self.cls = cls
        self.module = module
        self.kind = kind
        self.params = params
        self.positional = positional
        self.steps = steps or []
        self.token = token
        self.params_from = None
        self.best_token = None

    def final(self):
        """The model at the end of a pipeline (itself otherwise)."""
        if self.steps:
            last = self.steps[-1][1]
            return last.final() if isinstance(last, Obj) else self
        return self

    def param(self, name, index=None):
        if name in self.params:
            return self.params[name]
        if index is not None and index < len(self.positional):
            return self.positional[index]
        return None


class Data(Value):
    """A frame, a series or an array: its content is unknown; `fp` identifies it (the trace's fingerprint role)."""

    __slots__ = ("fp", "expr", "column")

    def __init__(self, fp, expr=None, column=None):
        self.fp = fp
        self.expr = expr
        self.column = column


class Mask(Value):
    """A comparison on a column (`df["annee"] <= 2022`): indexing a frame with it selects rows."""

    __slots__ = ("frame", "column", "text")

    def __init__(self, frame, column, text):
        self.frame = frame
        self.column = column
        self.text = text


class MetricValue(Value):
    """The result of a metric call, so `np.sqrt(mse)` can be recognised as an RMSE."""

    __slots__ = ("event",)

    def __init__(self, event):
        self.event = event


class Stat(Value):
    """`df["x"].median()`, `.mean()`, `.mode()[0]`: a statistic of a column, as a fill value."""

    __slots__ = ("name", "column")

    def __init__(self, name, column):
        self.name = name
        self.column = column


class BestParams(Value):
    """`search.best_params_`: unpacked into a constructor, it ties the new model to the search."""

    __slots__ = ("token",)

    def __init__(self, token):
        self.token = token


class Module(Value):
    """A module of the team's own code, imported: its names once its top level has been read."""

    __slots__ = ("path", "env")

    def __init__(self, path, env):
        self.path = path
        self.env = env


class Func(Value):
    """A function of the team's code: read when called, with its parameters bound to the arguments."""

    __slots__ = ("node", "unit", "defaults", "closure")

    def __init__(self, node, unit, defaults, closure):
        self.node = node
        self.unit = unit
        self.defaults = defaults
        self.closure = closure


class Figure(Value):
    """A matplotlib figure or axes, or a plotting call's result: titles and labels set on it are collected."""

    __slots__ = ("state",)

    def __init__(self, state):
        self.state = state


def const_of(value, default=None):
    """The Python value of a Const (or a Seq/Dict of Consts), else `default`."""
    if isinstance(value, Const):
        return value.value
    if isinstance(value, Seq):
        items = [const_of(item, _MISSING) for item in value.items]
        if any(item is _MISSING for item in items):
            return default
        return tuple(items) if value.kind == "tuple" else items
    return default


_MISSING = object()


def is_resolved(value):
    return const_of(value, _MISSING) is not _MISSING
