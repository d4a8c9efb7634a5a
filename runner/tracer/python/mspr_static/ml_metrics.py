"""Metric calls of sklearn.metrics and the roots taken of them (`np.sqrt(mse)`): `metric` facts on the variables
they are computed from (which tells test from train).
"""

from .describe import data_of, options_of
from .values import MetricValue, Unknown

_NOT_METRICS = {"make_scorer", "get_scorer", "check_scoring", "get_scorer_names"}


def is_metric(qualname):
    last = qualname.rsplit(".", 1)[-1]
    if not qualname.startswith("sklearn.metrics") or last in _NOT_METRICS or last[:1].isupper():
        return False
    return last.endswith(("_score", "_error", "_loss", "_matrix", "_report", "_support", "_curve")) or last in ("r2_score",)


_PRED_NAMES = ("y_pred", "y_score", "y_prob", "probas_pred", "y_proba")


def metric(reader, name, args):
    y_pred_name = next((n for n in _PRED_NAMES if n in args.kwargs), "y_pred")
    event = reader.sink.emit(
        args.unit, args.node, "metric", name=name, module="sklearn.metrics",
        y_true=data_of(args.arg(0, "y_true"), args.arg_text(0, "y_true")),
        y_pred=data_of(args.arg(1, y_pred_name), args.arg_text(1, y_pred_name)),
        options=options_of(args, skip={"y_true", *_PRED_NAMES}) or None,
    )
    return MetricValue(event)


def root_of(reader, value, node, unit):
    """`np.sqrt(mse)`, `mse ** 0.5`, `math.sqrt(...)` of a mean_squared_error: an RMSE, on the MSE's variables."""
    event = value.event
    if event.get("name") != "mean_squared_error" or (event.get("options") or {}).get("squared") is False:
        return Unknown("sqrt")
    site = unit.site(node)
    if event.get("site") == site:
        return value  # the MSE call's own line shows the root: the metric catalogue reads it there
    derived = reader.sink.emit(unit, node, "metric", name="root_mean_squared_error", module="sklearn.metrics",
                               y_true=event.get("y_true"), y_pred=event.get("y_pred"), derived="sqrt", of=event.get("site"))
    return MetricValue(derived)
