"""Calls: arguments first (their own calls are facts first, as when run), then what the callee is.

A team function is read with its arguments (interpreter.call_function); a library name goes to the fact readers
(ml_calls, data_calls, charts) by its qualified name; a method goes by what its receiver holds: an estimator, a
frame, a figure, a dict of models… Anything else yields `Unknown` and no fact.
"""

import ast

from . import charts, data_calls, ml_calls, ml_metrics
from .expressions import evaluate, items_of, text
from .values import BestParams, Const, Data, Dict, Figure, Func, MetricValue, Module, Obj, Ref, Seq, Stat, Unknown


class Call:
    """A call being read: its node and unit (for the site), arguments as values and as code."""

    __slots__ = ("node", "unit", "args", "kwargs", "texts", "kwtexts", "best_params", "opaque_kwargs")

    def __init__(self, node, unit):
        self.node = node
        self.unit = unit
        self.args = []
        self.kwargs = {}
        self.texts = []
        self.kwtexts = {}
        self.best_params = None
        self.opaque_kwargs = False

    def arg(self, index, name):
        """The argument given by position `index` or by keyword `name`, or None when not given."""
        if name in self.kwargs:
            return self.kwargs[name]
        if index is not None and index < len(self.args):
            return self.args[index]
        return None

    def arg_text(self, index, name):
        if name in self.kwtexts:
            return self.kwtexts[name]
        if index is not None and index < len(self.texts):
            return self.texts[index]
        return None

    def given(self, index, name):
        return name in self.kwargs or (index is not None and index < len(self.args))


def read_arguments(reader, node, scope, unit):
    call = Call(node, unit)
    for arg in node.args:
        if isinstance(arg, ast.Starred):
            value = evaluate(reader, arg.value, scope, unit)
            items = items_of(value)
            if items is None:
                call.args.append(Unknown(text(unit, arg)))
                call.texts.append(text(unit, arg))
            else:
                call.args.extend(items)
                call.texts.extend(text(unit, arg) for _ in items)
        else:
            call.args.append(evaluate(reader, arg, scope, unit))
            call.texts.append(text(unit, arg))
    for keyword in node.keywords:
        value = evaluate(reader, keyword.value, scope, unit)
        if keyword.arg is None:  # **something
            if isinstance(value, BestParams):
                call.best_params = value.token
            elif isinstance(value, Dict) and all(isinstance(k, Const) and isinstance(k.value, str) for k, _ in value.items):
                for k, v in value.items:
                    call.kwargs[k.value] = v
                    call.kwtexts[k.value] = text(unit, keyword.value)
            else:
                call.opaque_kwargs = True
            continue
        call.kwargs[keyword.arg] = value
        call.kwtexts[keyword.arg] = text(unit, keyword.value)
    return call


def call(reader, node, scope, unit):
    func = node.func
    receiver = None
    method = None
    if isinstance(func, ast.Attribute):
        receiver = evaluate(reader, func.value, scope, unit)
        method = func.attr
        callee = None
    else:
        callee = evaluate(reader, func, scope, unit)
    args = read_arguments(reader, node, scope, unit)
    if method is not None:
        if isinstance(receiver, Ref):
            return library(reader, receiver.qualname + "." + method, args)
        if isinstance(receiver, Module):
            from .imports import attribute

            return invoke(reader, attribute(reader, receiver, method), args)
        return method_call(reader, receiver, method, args)
    return invoke(reader, callee, args)


def invoke(reader, callee, args):
    if isinstance(callee, Func):
        return reader.call_function(callee, list(args.args), dict(args.kwargs), args.node, args.unit)
    if isinstance(callee, Ref):
        return library(reader, callee.qualname, args)
    return Unknown(text(args.unit, args.node))


def library(reader, qualname, args):
    if qualname.startswith("builtins."):
        return builtin(reader, qualname[9:], args)
    for reads in (ml_calls.library_call, data_calls.library_call, charts.library_call):
        result = reads(reader, qualname, args)
        if result is not None:
            return result
    first = args.arg(0, None)
    if isinstance(first, Data) and qualname.split(".")[0] in ("numpy", "pandas", "np", "pd"):
        return Data(first.fp, text(args.unit, args.node), first.column)  # np.log(df["prix"]), pd.get_dummies(df)
    return Unknown(text(args.unit, args.node))


def method_call(reader, receiver, method, args):
    if isinstance(receiver, Obj):
        return ml_calls.obj_method(reader, receiver, method, args)
    if isinstance(receiver, Figure):
        return charts.figure_method(reader, receiver, method, args)
    if isinstance(receiver, Dict):
        if method == "items":
            return Seq([Seq([k, v], "tuple") for k, v in receiver.items], "list")
        if method == "values":
            return Seq([v for _, v in receiver.items], "list")
        if method == "keys":
            return Seq([k for k, _ in receiver.items], "list")
        if method == "get" and isinstance(args.arg(0, None), Const):
            found = receiver.get(args.arg(0, None).value)
            return found if found is not None else (args.arg(1, None) or Const(None))
        if method == "update" and isinstance(args.arg(0, None), Dict):
            receiver.items.extend(args.arg(0, None).items)
        return Unknown(text(args.unit, args.node))
    if isinstance(receiver, Seq):
        if method == "append" and args.args:
            receiver.items.append(args.args[0])
        elif method == "extend" and items_of(args.arg(0, None)) is not None:
            receiver.items.extend(items_of(args.arg(0, None)))
        return Const(None) if method in ("append", "extend") else Unknown(text(args.unit, args.node))
    if isinstance(receiver, MetricValue):
        return Unknown(text(args.unit, args.node))
    if isinstance(receiver, Const) and isinstance(receiver.value, str):
        return string_method(receiver.value, method, args)
    if isinstance(receiver, Stat):
        return receiver
    # A frame, or something the reader does not know (a cursor, a connection, a frame from a file it cannot see).
    result = data_calls.method_call(reader, receiver, method, args)
    if result is not None:
        return result
    result = charts.method_call(reader, receiver, method, args)
    if result is not None:
        return result
    if isinstance(receiver, Data):
        return Data(receiver.fp, text(args.unit, args.node), receiver.column)
    return Unknown(text(args.unit, args.node))


def string_method(value, method, args):
    if method in ("lower", "upper", "strip", "title") and not args.args:
        return Const(getattr(value, method)())
    if method == "format" and all(isinstance(a, Const) for a in args.args) and all(isinstance(v, Const) for v in args.kwargs.values()):
        try:
            return Const(value.format(*[a.value for a in args.args], **{k: v.value for k, v in args.kwargs.items()}))
        except Exception:  # noqa: BLE001
            return Unknown(value)
    if method == "join":
        return Unknown(value)
    return Unknown(value)


_CONVERSIONS = {"float": float, "int": int, "str": str, "bool": bool, "abs": abs, "round": round}


def builtin(reader, name, args):
    values = args.args
    if name in _CONVERSIONS and values and all(isinstance(v, Const) for v in values) and not args.kwargs:
        try:
            return Const(_CONVERSIONS[name](*[v.value for v in values]))
        except Exception:  # noqa: BLE001 — float("abc"), int(sys.argv…): not a constant
            return Unknown(text(args.unit, args.node))
    if name == "range" and values and all(isinstance(v, Const) and isinstance(v.value, int) for v in values):
        span = range(*[v.value for v in values])
        return Seq([Const(i) for i in span], "list") if len(span) <= 200 else Unknown(text(args.unit, args.node))
    if name in ("list", "tuple", "sorted") and values:
        items = items_of(values[0])
        return Seq(items, "tuple" if name == "tuple" else "list") if items is not None else _same_data(values[0], args)
    if name == "dict" and not values:
        return Dict([(Const(k), v) for k, v in args.kwargs.items()])
    if name == "dict" and values and isinstance(values[0], Dict):
        return Dict(list(values[0].items))
    if name == "enumerate" and values and items_of(values[0]) is not None:
        return Seq([Seq([Const(i), item], "tuple") for i, item in enumerate(items_of(values[0]))], "list")
    if name == "zip" and values and all(items_of(v) is not None for v in values):
        return Seq([Seq(list(group), "tuple") for group in zip(*[items_of(v) for v in values])], "list")
    if name == "len" and values and items_of(values[0]) is not None and not isinstance(values[0], Const):
        return Const(len(items_of(values[0])))
    if name == "pow" and len(values) == 2 and isinstance(values[0], MetricValue) and isinstance(values[1], Const) and values[1].value == 0.5:
        return ml_metrics.root_of(reader, values[0], args.node, args.unit)
    if name == "open":
        return data_calls.opened(reader, args)
    if name in ("print", "display"):
        return Const(None)
    return Unknown(text(args.unit, args.node))


def _same_data(value, args):
    return Data(value.fp, text(args.unit, args.node), value.column) if isinstance(value, Data) else Unknown(text(args.unit, args.node))
