"""Data facts: readers and their options, fills and their statistic, rows dropped, writes (`to_sql`, files), SQL
statements (DDL, `CREATE INDEX`, `SELECT … LIMIT`, `COUNT(*)`), and splits by a date column — in the shapes of the
tracer's `data_read`, `impute`, `rows_dropped`, `data_write`, `sql`, `stats`, `head`, `missing_inspect` and
`split` events.
"""

import re

from mspr_tracer.hooks import sql_text  # the tracer's own SQL reading (standard library only), so both classify alike

from .describe import data_of, json_value, options_of
from .expressions import STATS, text
from .values import Const, Data, Dict, Stat, Unknown, const_of

READERS = {
    "read_csv": "csv", "read_table": "csv", "read_excel": "excel", "read_json": "json", "read_parquet": "parquet",
    "read_feather": "feather", "read_sql": "sql", "read_sql_query": "sql", "read_sql_table": "sql",
}
READER_OPTIONS = ("sep", "delimiter", "decimal", "encoding", "na_values", "keep_default_na", "header", "sheet_name", "skiprows", "usecols", "thousands", "parse_dates", "index_col", "dtype")
WRITERS = {"to_csv", "to_excel", "to_json", "to_parquet"}
SQL_METHODS = {"execute", "executemany", "executescript", "exec_driver_sql", "copy_expert", "copy_from", "mogrify"}
DROPS = {"dropna", "drop_duplicates", "query", "sample", "nlargest", "nsmallest"}
INSPECTS = {"isna", "isnull", "notna", "notnull", "info"}
FILL_METHODS = {"ffill", "bfill", "interpolate", "pad", "backfill"}
#: Column names that hold time: a mask on one of them is a split by date (train = the past, test = later).
TEMPORAL = re.compile(r"(^|_)(annee|année|an|year|date|mois|month|jour|day|time|periode|période|period|saison|trimestre|quarter|semaine|week)(_|$|s$)", re.I)


def library_call(reader, qualname, args):
    last = qualname.rsplit(".", 1)[-1]
    package = qualname.split(".")[0]
    if package == "pandas" and last in READERS:
        return read(reader, last, args)
    if package == "sqlalchemy" and last == "text" and isinstance(args.arg(0, "text"), Const):
        return args.arg(0, "text")  # text("SELECT …") is the statement itself
    if package == "psycopg2" and last in ("execute_values", "execute_batch"):
        statement(reader, args.arg(1, "sql"), args, last)
        return Const(None)
    return None


def read(reader, function, args):
    fmt = READERS[function]
    source = args.arg(0, "sql" if fmt == "sql" else "filepath_or_buffer")
    if source is None:
        source = args.arg(0, "io" if fmt == "excel" else "path")
    unresolved = {}
    if fmt == "sql":
        query = const_of(source, None)
        origin = {"format": "sql"}
        if isinstance(query, str) and function == "read_sql_table":
            origin["table"] = query
        elif isinstance(query, str):
            origin.update(sql=query[:2000], tables=sql_text.tables_of(query))
            statement(reader, source, args, function)
        else:
            unresolved["sql"] = args.arg_text(0, "sql") or "?"
    else:
        path = const_of(source, None)
        origin = {"format": fmt}
        if isinstance(path, str):
            origin.update(path=path, name=path.replace("\\", "/").rsplit("/", 1)[-1])
        else:
            unresolved["path"] = args.arg_text(0, "filepath_or_buffer") or "?"
    options = {}
    for name in READER_OPTIONS:
        if args.given(None, name):
            value = args.arg(None, name)
            resolved = json_value(value)
            if resolved is None and not (isinstance(value, Const) and value.value is None):
                unresolved[name] = args.arg_text(None, name) or "?"
            else:
                options[name] = resolved
    data = reader.fresh()
    reader.sink.emit(args.unit, args.node, "data_read", function=function, origin=origin, options=options or None,
                     output={"obj": data.fp}, unresolved=unresolved or None)
    return data


def method_call(reader, receiver, method, args):
    """Methods of a frame (or of something the reader cannot see: a cursor, a frame from an unknown function)."""
    frame = receiver if isinstance(receiver, Data) else None
    if method in SQL_METHODS:
        statement(reader, args.arg(0, "sql" if method != "copy_from" else "file"), args, method)
        return Unknown(method)
    if method == "fillna" or method in FILL_METHODS:
        return fill(reader, receiver, method, args)
    if method == "to_sql":
        table = const_of(args.arg(0, "name"), None)
        reader.sink.emit(args.unit, args.node, "data_write", function="to_sql", table=table if isinstance(table, str) else None,
                         if_exists=const_of(args.arg(None, "if_exists"), "fail"), index=const_of(args.arg(None, "index"), True),
                         dtype=json_value(args.arg(None, "dtype")) or None, input=_frame_info(frame),
                         unresolved=None if isinstance(table, str) else {"table": args.arg_text(0, "name") or "?"})
        return Const(None)
    if method in WRITERS:
        path = const_of(args.arg(0, "path_or_buf"), None)
        reader.sink.emit(args.unit, args.node, "data_write", function=method, target={"path": path} if isinstance(path, str) else None,
                         input=_frame_info(frame), unresolved=None if isinstance(path, str) else {"path": args.arg_text(0, "path_or_buf") or "?"})
        return Const(None)
    if frame is None:
        return None  # statistics of something unknown (cv["test_score"].mean()) are no data facts
    if method in DROPS:
        reader.sink.emit(args.unit, args.node, "rows_dropped", function=method, input=_frame_info(frame), options=options_of(args) or None)
        return reader.fresh(column=frame.column if frame else None)
    if method in INSPECTS:
        reader.sink.emit(args.unit, args.node, "missing_inspect", function=method, input=_frame_info(frame))
        return Data(frame.fp, None, frame.column) if frame is not None and method != "info" else Unknown(method)
    if method == "head":
        n = args.arg(0, "n")
        reader.sink.emit(args.unit, args.node, "head", n=const_of(n, 5) if n is not None else 5, input=_frame_info(frame))
        return reader.fresh()
    if method in STATS or method in ("describe", "value_counts", "corr", "quantile", "var", "nunique"):
        reader.sink.emit(args.unit, args.node, "stats", function=method, input=_frame_info(frame), options=options_of(args) or None)
        if method == "corr":
            data = reader.fresh()
            reader.corr.add(data.fp)
            return data
        if method in ("mean", "median", "mode", "min", "max"):
            return Stat(method, frame.column if frame else None)
        return reader.fresh()
    if method == "pop" and frame is not None:
        column = const_of(args.arg(0, "item"), None)
        return Data(frame.fp, text(args.unit, args.node), column if isinstance(column, str) else None)
    if frame is not None and method in ("copy", "astype", "to_numpy", "reset_index", "drop", "rename", "sort_values", "set_index", "select_dtypes", "assign", "replace", "clip", "round", "abs", "apply", "map", "transform"):
        return Data(frame.fp, text(args.unit, args.node), frame.column if method not in ("drop", "rename", "select_dtypes", "assign") else None)
    return None


def fill(reader, receiver, method, args):
    frame = receiver if isinstance(receiver, Data) else None
    inplace = const_of(args.arg(None, "inplace"), False) is True
    value = args.arg(0, "value")
    on = "series" if frame is not None and frame.column else "frame"
    fills = []
    if method != "fillna":
        fills.append((frame.column if frame and frame.column else "*", None, method))
    elif isinstance(value, Dict):
        for key, item in value.items:
            if isinstance(key, Const):
                fills.append((str(key.value), item, None))
    elif value is None and args.given(None, "method"):
        fills.append((frame.column if frame and frame.column else "*", None, const_of(args.arg(None, "method"), "?")))
    else:
        fills.append((frame.column if frame and frame.column else "*", value, None))
    for column, filled, how in fills:
        strategy, unresolved = _strategy(filled, how)
        reader.sink.emit(
            args.unit, args.node, "impute", function=method, column=column, on=on, inplace=inplace,
            value=json_value(filled) if filled is not None and not isinstance(filled, Stat) else None, method=how,
            strategy=strategy, matches=[strategy] if strategy in ("mean", "median", "mode", "zero") else None,
            expr=text(args.unit, args.node.args[0]) if args.node.args else None, unresolved=unresolved,
        )
    return Data(frame.fp, text(args.unit, args.node), frame.column) if frame is not None else reader.fresh()


def _strategy(filled, how):
    if how is not None:
        return how, None
    if isinstance(filled, Stat):
        return filled.name, None
    if isinstance(filled, Const):
        return ("zero" if filled.value == 0 and not isinstance(filled.value, bool) else "constant"), None
    return None, {"value": getattr(filled, "text", None) or "?"}


def statement(reader, sql, args, function):
    """One `sql` event per statement the code sends; a script is split on `;` so each CREATE INDEX is seen."""
    query = const_of(sql, None)
    if not isinstance(query, str):
        reader.sink.emit(args.unit, args.node, "sql", driver="static", function=function, statement=None, verb=None,
                         unresolved={"statement": args.arg_text(0, "sql") or "?"})
        return
    parts = [part.strip() for part in query.split(";")] if function == "executescript" else [query.strip()]
    for part in parts:
        if part:
            part = sql_text.text_of(part)
            reader.sink.emit(args.unit, args.node, "sql", driver="static", function=function, statement=part,
                             verb=sql_text.verb_of(part), tables=sql_text.tables_of(part))


def rows_selected(reader, frame, mask, node, unit):
    """`df[df["annee"] <= 2022]`: other rows of the frame; on a date column, a split by date (one event per frame
    and column, listing each condition)."""
    if mask.frame == frame.fp and TEMPORAL.search(str(mask.column)):
        key = (frame.fp, str(mask.column))
        event = reader.by_column.get(key)
        if event is None:
            reader.by_column[key] = reader.sink.emit(unit, node, "split", kind="by_column", function="mask", column=str(mask.column),
                                                     conditions=[mask.text], x=data_of(frame, None))
        elif isinstance(event.get("conditions"), list) and mask.text not in event["conditions"]:
            event["conditions"].append(mask.text)
    return reader.fresh()


def opened(reader, args):
    return Unknown("open")


def _frame_info(frame):
    return {"obj": frame.fp} if frame is not None else None
