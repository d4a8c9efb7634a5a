"""pandas reads (read_csv/excel/json/sql…) and writes (to_sql, to_csv, to_excel, to_json)."""

from mspr_tracer import api

from . import frame_facts, sql_text
from .data_sources import connection_label, describe_path

READERS = ("read_csv", "read_excel", "read_json", "read_parquet", "read_table", "read_sql", "read_sql_query", "read_sql_table")
WRITERS = ("to_sql", "to_csv", "to_excel", "to_json", "to_parquet")
#: Reader arguments that decide what the frame holds; the grader reads the same file with them (issue 10 §1).
READ_OPTIONS = ("sep", "delimiter", "decimal", "thousands", "encoding", "na_values", "keep_default_na", "na_filter", "header",
                "skiprows", "skipfooter", "names", "usecols", "sheet_name", "comment", "quotechar", "lines", "orient")


def read_options(function, call):
    """The options the candidate gave a file reader, as given (callables left out); None when none."""
    options = {k: api.safe(call.kwargs[k], 2) for k in READ_OPTIONS if k in call.kwargs and not callable(call.kwargs[k])}
    if function in ("read_csv", "read_table") and len(call.args) > 1 and isinstance(call.args[1], str):
        options["sep"] = call.args[1]
    if function == "read_table" and "sep" not in options and "delimiter" not in options:
        options["sep"] = "\t"
    return options or None


def reader_handler(function):
    def handler(call):
        if not call.direct:
            return None
        if function.startswith("read_sql"):
            sql = call.arg(0, "sql" if function != "read_sql_table" else "table_name")
            con = call.arg(1, "con")
            origin = {"format": "sql", "connection": connection_label(con)}
            if function == "read_sql_table" or (isinstance(sql, str) and sql_text.looks_like_table_name(sql)):
                origin["table"] = str(sql)[:200]
            else:
                origin["sql"] = sql_text.text_of(sql)
                origin["tables"] = sql_text.tables_of(origin["sql"])
        else:
            origin = describe_path(call.arg(0, "filepath_or_buffer" if function != "read_excel" else "io"))
        sheet = call.kwargs.get("sheet_name") if function == "read_excel" else None
        options = None if function.startswith("read_sql") else read_options(function, call)

        def after(result, error):
            fields = {"function": function, "origin": origin, "duration": call.elapsed(), "error": api.error_text(error), "options": options}
            if options and isinstance(options.get("encoding"), str):
                fields["encoding"] = options["encoding"]
            if sheet is not None:
                fields["sheet"] = api.safe(sheet)
            if error is None and isinstance(result, dict):  # read_excel(sheet_name=None): one frame per sheet
                for name, frame in list(result.items())[:20]:
                    api.emit("data_read", call, sheet=str(name), output=frame_facts.frame_info(frame, with_nulls=True), **fields)
                return
            if error is None and not (frame_facts.is_frame(result) or frame_facts.is_series(result)):
                fields["output"] = {"kind": type(result).__name__}  # chunked reader (chunksize=…)
            elif error is None:
                fields["output"] = frame_facts.frame_info(result, with_nulls=True)
            api.emit("data_read", call, **fields)

        return after

    return handler


def writer_handler(function):
    def handler(call):
        if not call.direct:
            return None
        frame = call.args[0] if call.args else None
        fields = {"function": function, "input": frame_facts.frame_info(frame, with_nulls=function == "to_sql")}
        if function == "to_sql":
            con = call.arg(2, "con")
            fields.update(
                table=str(call.arg(1, "name")),
                connection=connection_label(con),
                if_exists=call.arg(4, "if_exists", "fail"),
                index=bool(call.arg(5, "index", True)),
                chunksize=call.arg(7, "chunksize"),
                dtype=_dtype_names(call.arg(8, "dtype")),
                method=_method_name(call.arg(9, "method")),
            )
        else:
            fields["target"] = describe_path(call.arg(1, "path_or_buf" if function != "to_excel" else "excel_writer"))

        def after(result, error):
            fields["duration"] = call.elapsed()
            fields["error"] = api.error_text(error)
            if function == "to_sql" and error is None and isinstance(result, int):
                fields["returned"] = result
            api.emit("data_write", call, **fields)

        return after

    return handler


def _dtype_names(dtype):
    """The SQL types the candidate forced with to_sql(dtype=…), as text (`VARCHAR(120)`, `Integer`)."""
    if not isinstance(dtype, dict):
        return None
    out = {}
    for column, sql_type in list(dtype.items())[:100]:
        try:
            out[str(column)] = str(sql_type() if isinstance(sql_type, type) else sql_type)
        except Exception:  # noqa: BLE001
            out[str(column)] = getattr(sql_type, "__name__", type(sql_type).__name__)
    return out


def _method_name(method):
    if method is None or isinstance(method, str):
        return method
    return getattr(method, "__name__", "callable")


def patch(pd):
    for name in READERS:
        api.patch_function(pd, name, reader_handler(name))
    generic = pd.core.generic.NDFrame
    for name in WRITERS:
        api.patch_method(generic, name, writer_handler(name), name="DataFrame." + name)
