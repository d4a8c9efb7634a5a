"""The team's sources as units the reader walks: a script is one unit, a notebook one unit per code cell.

Notebook cells keep their 1-based index among code cells (as the tracer's `site.cell`) and lines are numbered
within the cell. IPython syntax (`%matplotlib inline`, `!pip install …`, `%%time`) is blanked out line by line, so
the line numbers of the Python around it stay true.
"""

import ast
import json
import re

#: Cell magics whose body is still Python.
_PYTHON_CELL_MAGICS = ("%%time", "%%timeit", "%%capture", "%%prun")
_SHELL_ASSIGN = re.compile(r"^\s*[A-Za-z_][\w, ]*=\s*[!%]")


class Unit:
    __slots__ = ("file", "cell", "tree", "lines")

    def __init__(self, file, cell, tree, lines):
        self.file = file
        self.cell = cell
        self.tree = tree
        self.lines = lines

    def site(self, node):
        site = {"file": self.file, "line": getattr(node, "lineno", 0) or 0}
        if self.cell is not None:
            site["cell"] = self.cell
        return site

    def source(self, node):
        line = getattr(node, "lineno", 0) or 0
        if 1 <= line <= len(self.lines):
            return self.lines[line - 1].strip()[:200]
        return None


def _blank_magics(code):
    lines = code.split("\n")
    if lines and lines[0].lstrip().startswith("%%"):
        if not lines[0].lstrip().startswith(_PYTHON_CELL_MAGICS):
            return ""  # %%bash, %%sql, %%writefile…: not Python
        lines[0] = ""
    out = []
    for line in lines:
        stripped = line.lstrip()
        if stripped.startswith(("%", "!")) or (stripped.endswith("?") and not stripped.startswith("#")):
            out.append("")
        elif _SHELL_ASSIGN.match(line):
            out.append("")  # files = !ls
        else:
            out.append(line)
    return "\n".join(out)


def parse_script(path, text, problems):
    """One unit, or none when the file does not parse (the problem says where)."""
    try:
        tree = ast.parse(text, filename=path)
    except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
        problems.append("%s: not parsed (%s)" % (path, _short(error)))
        return []
    return [Unit(path, None, tree, text.split("\n"))]


def parse_notebook(path, text, problems):
    """One unit per code cell that parses; a cell that does not is reported and skipped, like a failing cell."""
    try:
        notebook = json.loads(text)
        cells = notebook.get("cells", []) if isinstance(notebook, dict) else []
    except (ValueError, RecursionError) as error:
        problems.append("%s: not a notebook (%s)" % (path, _short(error)))
        return []
    units = []
    index = 0
    for cell in cells if isinstance(cells, list) else []:
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        index += 1
        source = cell.get("source", "")
        code = "".join(source) if isinstance(source, list) else str(source)
        code = _blank_magics(code)
        try:
            tree = ast.parse(code, filename="%s[cell %d]" % (path, index))
        except (SyntaxError, ValueError, RecursionError, MemoryError) as error:
            problems.append("%s cell %d: not parsed (%s)" % (path, index, _short(error)))
            continue
        units.append(Unit(path, index, tree, code.split("\n")))
    return units


def parse(path, text, problems):
    return parse_notebook(path, text, problems) if path.endswith(".ipynb") else parse_script(path, text, problems)


def _short(error):
    text = "%s: %s" % (type(error).__name__, error)
    return text[:200]
