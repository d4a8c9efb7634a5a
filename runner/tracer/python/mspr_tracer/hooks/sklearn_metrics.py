"""Every public function of sklearn.metrics' regression, classification and ranking modules."""

from mspr_tracer import api

from . import hand_metrics

METRIC_MODULES = ("sklearn.metrics._regression", "sklearn.metrics._classification", "sklearn.metrics._ranking")
_TRUE_NAMES = ("y_true", "labels_true")
_PRED_NAMES = ("y_pred", "y_score", "y_prob", "probas_pred", "labels_pred")


def _argument(call, index, names):
    for name in names:
        if name in call.kwargs:
            return call.kwargs[name]
    return call.args[index] if len(call.args) > index else None


def metric_handler(name, module_name):
    def handler(call):
        y_true = _argument(call, 0, _TRUE_NAMES)
        y_pred = _argument(call, 1, _PRED_NAMES)
        true_d = api.describe(y_true, with_columns=False)
        pred_d = api.describe(y_pred, with_columns=False)
        options = {k: v for k, v in call.kwargs.items() if k not in _TRUE_NAMES + _PRED_NAMES and k != "sample_weight"}

        def after(result, error):
            fields = {
                "name": name,
                "module": module_name,
                "n": (true_d or {}).get("rows"),
                "y_true": true_d,
                "y_pred": pred_d,
                "options": api.safe(options) if options else None,
            }
            if error is not None:
                fields["error"] = api.error_text(error)
            else:
                value = api.number(result) if getattr(result, "ndim", 0) == 0 and not isinstance(result, (str, dict, tuple)) else None
                fields["value"] = value
                if value is None:
                    fields["output"] = api.safe(result, 1) if not isinstance(result, str) else {"class": "str"}
            api.emit("metric", call, **fields)
            if error is None:
                hand_metrics.follow_sklearn(call, name, fields.get("value"), y_true, y_pred)

        return after

    return handler


def patch_metrics_module(module):
    for name, fn in list(vars(module).items()):
        if name.startswith("_") or not callable(fn) or isinstance(fn, type):
            continue
        if getattr(fn, "__module__", None) != module.__name__:
            continue
        api.patch_function(module, name, metric_handler(name, module.__name__))
