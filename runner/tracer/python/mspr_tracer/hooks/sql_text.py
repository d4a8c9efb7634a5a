"""Reads SQL statements just enough to classify them: verb, tables, LIMIT, selected columns."""

import re

MAX_SQL = 2000
_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]*$")
_TABLES = re.compile(r"\b(?:from|join|into|update|table|on|copy)\s+(?:if\s+(?:not\s+)?exists\s+)?[`\"\[]?([A-Za-z_][A-Za-z0-9_]*)", re.I)


def text_of(sql):
    """The statement as text: str, bytes, SQLAlchemy text()/Select (compiled), or psycopg2 sql.Composed."""
    if sql is None:
        return None
    if isinstance(sql, bytes):
        sql = sql.decode("utf-8", "replace")
    if not isinstance(sql, str):
        try:
            sql = str(sql)
        except Exception:  # noqa: BLE001
            return type(sql).__name__
    return sql.strip()[:MAX_SQL]


def looks_like_table_name(text):
    return bool(_WORD.match(text.strip()))


def verb_of(sql):
    """SELECT, INSERT, CREATE INDEX, CREATE TABLE, EXPLAIN, ALTER, DROP, COPY, WITH…"""
    if not sql:
        return None
    words = re.sub(r"(--[^\n]*\n|/\*.*?\*/)", " ", sql, flags=re.S).split()
    if not words:
        return None
    first = words[0].upper()
    if first == "CREATE":
        rest = [w.upper() for w in words[1:5]]
        if "INDEX" in rest:
            return "CREATE INDEX"
        if "TABLE" in rest:
            return "CREATE TABLE"
        return "CREATE"
    if first == "WITH":
        return "SELECT"
    return first


def tables_of(sql):
    if not sql:
        return []
    seen = []
    for match in _TABLES.finditer(sql):
        name = match.group(1)
        if name.lower() not in ("select", "where", "set", "values", "exists", "not", "stdin", "stdout") and name not in seen:
            seen.append(name)
    return seen[:10]
