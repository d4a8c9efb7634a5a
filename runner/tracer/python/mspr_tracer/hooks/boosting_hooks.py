"""xgboost and lightgbm estimators that follow the scikit-learn API (XGBRegressor, LGBMClassifier…).

Absent libraries are simply never imported, so nothing happens for them.
"""

from .sklearn_estimators import patch_estimators


def register(api):
    api.on_import("xgboost.sklearn", patch_estimators)
    api.on_import("lightgbm.sklearn", patch_estimators)
