"""Frame lineage (renames, reshaping copies, `df.columns = …`): see pandas_lineage. Column selections
(`df[["a", "b"]]`) are recorded by pandas_cleaning's `DataFrame.__getitem__` wrapper, the only one there is."""

from . import pandas_lineage


def _patch(pd):
    if getattr(pd, "DataFrame", None) is not None:
        pandas_lineage.patch(pd)


def register(api):
    api.on_import("pandas", _patch)
