"""Names what a read or write points at: a workspace-relative path, the datasets folder, a URL, a connection."""

import os
import sys

from mspr_tracer import config

_FORMATS = {".csv": "csv", ".txt": "csv", ".tsv": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls",
            ".json": "json", ".jsonl": "json", ".ndjson": "json", ".parquet": "parquet", ".yaml": "yaml", ".yml": "yaml"}


def describe_path(target):
    """{path, name, format} for a file argument; {buffer: class} for an open file or a buffer."""
    try:
        if isinstance(target, (str, os.PathLike)):
            text = os.fspath(target)
            if isinstance(text, bytes):
                text = text.decode("utf-8", "replace")
            if "://" in text:
                return {"path": text[:300], "name": text.rsplit("/", 1)[-1][:120], "format": _format(text), "url": True}
            absolute = os.path.realpath(text)
            return {"path": _display(absolute), "name": os.path.basename(absolute), "format": _format(absolute)}
        name = getattr(target, "name", None)
        if isinstance(name, str):
            described = describe_path(name)
            described["buffer"] = type(target).__name__
            return described
    except Exception:  # noqa: BLE001
        pass
    return {"buffer": type(target).__name__}


def _display(absolute):
    root = config.datasets
    if root and absolute.startswith(root + os.sep):
        return "$datasets/" + os.path.relpath(absolute, root).replace(os.sep, "/")
    if config.workspace and absolute.startswith(config.workspace + os.sep):
        return os.path.relpath(absolute, config.workspace).replace(os.sep, "/")
    return absolute


def _format(path):
    return _FORMATS.get(os.path.splitext(path.lower())[1])


def connection_label(con):
    """sqlite3 | sqlalchemy:<dialect> | psycopg2 | pymysql | url:<scheme> | the class name."""
    try:
        if isinstance(con, str):
            return "url:" + con.split(":", 1)[0][:30]
        module = type(con).__module__ or ""
        if module.startswith("sqlalchemy"):
            engine = getattr(con, "engine", con)
            dialect = getattr(getattr(engine, "dialect", None), "name", None)
            return "sqlalchemy:%s" % dialect
        sqlite3 = sys.modules.get("sqlite3")
        if sqlite3 is not None and isinstance(con, sqlite3.Connection):
            return "sqlite3"
        return module.split(".", 1)[0] or type(con).__name__
    except Exception:  # noqa: BLE001
        return type(con).__name__
