"""Database drivers: sqlite3, SQLAlchemy, psycopg2 (+ extras), PyMySQL and pymongo.

Each statement the candidate's code sends is one `sql` (or `mongo`) event with its text, rows and duration;
what pandas sends inside read_sql/to_sql is described by pandas' own event instead.
"""

from . import db_psycopg2, db_pymongo, db_pymysql, db_sqlalchemy, db_sqlite


def register(api):
    api.on_import("sqlite3", db_sqlite.patch)
    api.on_import("sqlalchemy", db_sqlalchemy.patch)
    api.on_import("psycopg2", db_psycopg2.patch)
    api.on_import("psycopg2.extras", db_psycopg2.patch_extras)
    api.on_import("pymysql.cursors", db_pymysql.patch)
    api.on_import("pymongo.collection", db_pymongo.patch)
