"""Values as event fields: data descriptors (`fp`, the code that names it), estimators, JSON-safe constants."""

from .values import Const, Data, Dict, Obj, Seq, Unknown, const_of


def data_of(value, code):
    """The trace's data descriptor: `fp` ties the same data across calls (X_train at the split, the fit, the
    metric), `expr` is the code as written at this call. No rows or columns: those exist only when run."""
    if value is None:
        return None
    described = {}
    if isinstance(value, Data):
        described["fp"] = value.fp
        if value.column:
            described["name"] = str(value.column)[:100]
    if code:
        described["expr"] = code
    elif isinstance(value, Data) and value.expr:
        described["expr"] = value.expr
    return described or None


def json_value(value):
    """A constant as JSON (tuples as lists); an estimator as {class}; anything unresolved as None."""
    if value is None:
        return None
    if isinstance(value, Obj):
        return {"class": value.cls}
    if isinstance(value, Dict):
        out = {}
        for key, item in value.items:
            if isinstance(key, Const):
                out[str(key.value)] = json_value(item)
        return out
    if isinstance(value, Seq):
        return [json_value(item) for item in value.items]
    resolved = const_of(value, _NONE)
    if resolved is _NONE:
        return None
    return list(resolved) if isinstance(resolved, tuple) else resolved


_NONE = object()


def params_of(obj):
    """Keyword arguments the code gave the constructor, as constants; unresolved ones are named apart."""
    params = {}
    unresolved = []
    for name, value in obj.params.items():
        resolved = json_value(value)
        if resolved is None and not (isinstance(value, Const) and value.value is None):
            unresolved.append(name)
        else:
            params[name] = resolved
    return params, unresolved


def estimator_of(obj):
    """The tracer's estimator description: class, module, params given, pipeline steps and final model."""
    params, unresolved = params_of(obj)
    described = {"class": obj.cls, "module": obj.module, "params": params}
    if unresolved:
        described["unresolved_params"] = unresolved
    if obj.steps:
        steps = []
        for name, step in obj.steps:
            if isinstance(step, Obj):
                inner = estimator_of(step)
                inner["name"] = name
                steps.append(inner)
            else:
                steps.append({"name": name, "class": str(const_of(step, "passthrough"))})
        described["steps"] = steps
        final = obj.final()
        if final is not obj:
            described["final"] = {"class": final.cls, "module": final.module}
    return described


def options_of(call, skip=()):
    """Other keyword arguments of a call, as constants (e.g. `squared: false`)."""
    options = {}
    for name, value in call.kwargs.items():
        if name in skip:
            continue
        resolved = json_value(value)
        if resolved is not None or (isinstance(value, Const) and value.value is None):
            options[name] = resolved
    return options


__all__ = ["data_of", "json_value", "estimator_of", "options_of", "params_of", "Unknown"]
