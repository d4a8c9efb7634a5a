"""scikit-learn: estimator fits and predictions, splits, cross-validation, searches and metrics."""

from .sklearn_estimators import patch_estimators
from .sklearn_metrics import METRIC_MODULES, patch_metrics_module
from .sklearn_search import on_search
from .sklearn_selection import patch_split_module, patch_validation_module

_SKIPPED = ("sklearn.utils", "sklearn.externals", "sklearn.tests", "sklearn.datasets", "sklearn._")


def _on_sklearn_module(module):
    name = module.__name__
    if name.startswith(_SKIPPED):
        return
    if name in METRIC_MODULES:
        patch_metrics_module(module)
    elif name == "sklearn.model_selection._split":
        patch_split_module(module)
    elif name == "sklearn.model_selection._validation":
        patch_validation_module(module)
    patch_estimators(module, search_handler=on_search)


def register(api):
    api.on_import("sklearn", _on_sklearn_module, prefix=True)
