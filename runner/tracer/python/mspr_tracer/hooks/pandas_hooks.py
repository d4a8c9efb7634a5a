"""pandas: reads and writes, missing values, imputation, dropped rows, combinations, statistics, head.

Only calls the candidate's own code makes directly are recorded (pandas calling itself is not), and
every statistic the tracer needs is computed on the column concerned only, before the call changes it.
"""

from . import pandas_analysis, pandas_cleaning, pandas_imputation, pandas_io, pandas_text, pandas_warnings


def _patch(pd):
    if getattr(pd, "DataFrame", None) is None:
        return
    pandas_io.patch(pd)
    pandas_cleaning.patch(pd)
    pandas_imputation.patch(pd)
    pandas_analysis.patch(pd)
    pandas_text.patch(pd)
    pandas_warnings.patch(pd)


def register(api):
    api.on_import("pandas", _patch)
