"""Frame lineage: how the candidate's frames derive from one another between a read and a write.

Reads, cleanings, combinations and writes already give each frame its token (`obj`). What they do not see are
the calls that only reshape a frame on its way to a table: renames (`rename`, `df.columns = …`, `set_axis`),
column selections (`df[["a", "b"]]`, `drop(columns=…)`, `filter`), and copies or type changes (`astype`,
`copy`, `reset_index`, `sort_values`, `assign`…). Each becomes one `frame_derive` event
{function, input, output[, renamed]}, so the checks can follow a table back to the file it came from and pair
its columns with the source's. Only the candidate's own calls count; pandas calling itself is not recorded.
"""

import sys

from mspr_tracer import api, callsite, context

from . import frame_facts, site_budget

#: DataFrame methods that return the same rows, reshaped: the result derives from the frame they are called on.
DERIVERS = ("rename", "set_axis", "astype", "copy", "reset_index", "set_index", "sort_values", "sort_index", "assign", "filter",
            "reindex", "select_dtypes", "add_prefix", "add_suffix", "convert_dtypes", "infer_objects", "round")


def _renamed(before, after):
    """{old: new} for the columns a call renamed (same count, same order: rename and set_axis keep both)."""
    old, new = (before or {}).get("columns"), (after or {}).get("columns")
    if not old or not new or len(old) != len(new):
        return None
    pairs = {o: n for o, n in zip(old, new) if o != n}
    return pairs or None


def _emit(call, function, before, output):
    if not frame_facts.is_frame(output):
        return
    after = frame_facts.frame_info(output)
    api.emit("frame_derive", call, function=function, input=before, output=after, renamed=_renamed(before, after))


def derive_handler(function):
    def handler(call):
        target = call.args[0] if call.args else None
        if not call.direct or not frame_facts.is_frame(target) or not site_budget.allow(call, "frame_derive"):
            return None
        before = frame_facts.frame_info(target)
        inplace = bool(call.kwargs.get("inplace", False))

        def after(result, error):
            if error is None:
                _emit(call, function, before, target if inplace or result is None else result)

        return after

    return handler


def column_drop(call, target):
    """`drop(columns=…)` / `drop(…, axis=1)`: pandas_cleaning hands these over (they remove columns, not rows)."""
    if not call.direct or not frame_facts.is_frame(target) or not site_budget.allow(call, "frame_derive"):
        return None
    before = frame_facts.frame_info(target)
    inplace = bool(call.kwargs.get("inplace", False))
    return lambda result, error: error is None and _emit(call, "drop", before, target if inplace else result)


def select_handler(call):
    """`df[["a", "b"]]`: a column selection (pandas_cleaning's `__getitem__` wrapper tests the key, then hands over)."""
    if not site_budget.allow(call, "frame_derive"):
        return None
    target = call.args[0]
    before = frame_facts.frame_info(target)
    return lambda result, error: error is None and _emit(call, "select", before, result)


def _assigned_by_candidate():
    """Whether `df.columns = …` is written in the candidate's code: pandas' NDFrame.__setattr__ sits in between."""
    frame = sys._getframe(2)
    if frame.f_code.co_name == "__setattr__":
        frame = frame.f_back
    code = frame.f_code.co_filename if frame is not None else ""
    return code in callsite.cell_files or callsite.candidate_path(code) is not None


def patch_columns_setter(pd):
    """`df.columns = […]` / `df.columns = df.columns.str.lower()`: an in-place rename (same token, new names).

    pandas' `columns` is a Cython descriptor; a subclass keeps its fast getter and adds a traced setter. pandas
    sets columns itself inside many calls: only an assignment written in the candidate's code is recorded.
    """
    descriptor = pd.DataFrame.__dict__.get("columns")
    if descriptor is None or getattr(descriptor, "__mspr_traced__", False) or not hasattr(descriptor, "axis"):
        return
    base = type(descriptor)

    def set_columns(frame, value):
        base.__set__(descriptor, frame, value)

    def handler(call):
        frame = call.args[0]
        if not site_budget.allow(call, "frame_derive"):
            return None
        before = frame_facts.frame_info(frame)
        return lambda result, error: error is None and _emit(call, "columns", before, frame)

    traced = api.traced(set_columns, handler, "DataFrame.columns=")

    try:
        class TracedColumns(base):
            __mspr_traced__ = True

            def __set__(self, frame, value):
                state = context.state()
                if not state.busy and not state.depth and _assigned_by_candidate():
                    traced(frame, value)
                else:
                    base.__set__(self, frame, value)

        pd.DataFrame.columns = TracedColumns(axis=descriptor.axis, doc=getattr(descriptor, "__doc__", None))
    except Exception as error:  # noqa: BLE001 - a pandas whose descriptor cannot be subclassed: renames by assignment go unseen
        api.report_error("DataFrame.columns", error)


def patch(pd):
    for name in DERIVERS:
        api.patch_method(pd.DataFrame, name, derive_handler(name), name="DataFrame." + name)
    patch_columns_setter(pd)
