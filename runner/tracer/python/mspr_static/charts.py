"""Chart facts: plotting calls (matplotlib, seaborn, pandas, plotly) with their kind and variables, and each
figure's title and axis labels when it is saved, shown, closed, displayed by a notebook cell or left at the end —
the tracer's `plot` and `figure` events. One axes per figure: titles set on a grid of subplots are pooled.
"""

from .describe import json_value
from .values import Const, Data, Figure, Seq, Unknown, const_of

#: Same table as the tracer's (mspr_tracer/hooks/chart_facts.py KINDS; a test keeps them equal).
KINDS = {
    "scatter": "scatter", "scatterplot": "scatter", "regplot": "scatter", "lmplot": "scatter", "jointplot": "scatter",
    "relplot": "scatter", "hexbin": "scatter", "hist2d": "scatter", "scatter_matrix": "scatter", "pairplot": "scatter",
    "hist": "distribution", "histogram": "distribution", "histplot": "distribution", "kdeplot": "distribution", "kde": "distribution",
    "density": "distribution", "displot": "distribution", "distplot": "distribution", "ecdfplot": "distribution", "ecdf": "distribution",
    "boxplot": "distribution", "box": "distribution", "violinplot": "distribution", "violin": "distribution", "boxenplot": "distribution",
    "stripplot": "distribution", "swarmplot": "distribution", "strip": "distribution",
    "heatmap": "heatmap", "clustermap": "heatmap", "imshow": "heatmap", "matshow": "heatmap", "pcolormesh": "heatmap",
    "density_heatmap": "heatmap",
    "bar": "bar", "barh": "bar", "barplot": "bar", "countplot": "bar", "catplot": "bar",
    "pie": "pie", "plot": "line", "line": "line", "lineplot": "line", "area": "line",
}
LABELS = {"title": "title", "set_title": "title", "xlabel": "xlabel", "set_xlabel": "xlabel", "ylabel": "ylabel", "set_ylabel": "ylabel"}
FLUSHES = {"savefig": "savefig", "show": "show", "close": "close", "write_html": "write_html", "write_image": "write_image"}


class Figures:
    """The figures a reading draws on; `current` is pyplot's current figure."""

    def __init__(self, reader):
        self.reader = reader
        self.count = 0
        self.current = None

    def new(self, library="matplotlib"):
        self.count += 1
        self.current = {"figure": "sf%d" % self.count, "library": library, "title": None, "xlabel": None, "ylabel": None, "suptitle": None, "plots": 0}
        return self.current

    def state(self):
        return self.current or self.new()

    def flush(self, unit, node, trigger, state=None, file=None):
        state = state or self.current
        if state is None or (state["plots"] == 0 and not any(state[k] for k in ("title", "xlabel", "ylabel", "suptitle"))):
            return
        axes = {"axes": state["figure"] + ".a1", "title": state["title"], "xlabel": state["xlabel"], "ylabel": state["ylabel"], "has_data": state["plots"] > 0}
        self.reader.sink.emit(unit, node, "figure", figure=state["figure"], library=state["library"], trigger=trigger,
                              file=file, suptitle=state["suptitle"], axes=[axes])
        if state is self.current:
            self.current = None


def _label(value):
    resolved = const_of(value, None)
    return str(resolved)[:200] if resolved is not None else None


def _name(value, code):
    if isinstance(value, Const) and isinstance(value.value, str):
        return value.value[:100]
    if isinstance(value, Data) and value.column:
        return str(value.column)[:100]
    return code[:100] if code else None


def plot(reader, args, library, function, kind, state, data=None):
    x = args.arg(None, "x") if args.given(None, "x") else (args.arg(0, None) if library == "matplotlib" else None)
    y = args.arg(None, "y") if args.given(None, "y") else (args.arg(1, None) if library == "matplotlib" else None)
    frame = data if data is not None else args.arg(None, "data") if args.given(None, "data") else args.arg(0, None)
    correlation = isinstance(frame, Data) and frame.fp in reader.corr
    title = args.arg(None, "title")
    if title is not None:
        state["title"] = _label(title)
    state["plots"] += 1
    reader.sink.emit(args.unit, args.node, "plot", library=library, function=function, kind=KINDS.get(kind, "other"),
                     x=_name(x, args.arg_text(None, "x") or (args.arg_text(0, None) if library == "matplotlib" else None)) if x is not None else None,
                     y=_name(y, args.arg_text(None, "y") or (args.arg_text(1, None) if library == "matplotlib" else None)) if y is not None else None,
                     figure=state["figure"], correlation=correlation or None, title=_label(title) if title is not None else None)
    return Figure(state)


def library_call(reader, qualname, args):
    figures = reader.figures
    parts = qualname.split(".")
    last = parts[-1]
    if qualname.startswith("matplotlib.pyplot."):
        if last in ("figure", "subplots"):
            state = figures.new()
            return Seq([Figure(state), Figure(state)], "tuple") if last == "subplots" else Figure(state)
        if last in ("gcf", "gca", "subplot"):
            return Figure(figures.state())
        if last in LABELS or last == "suptitle":
            figures.state()["suptitle" if last == "suptitle" else LABELS[last]] = _label(args.arg(0, None))
            return Unknown(last)
        if last in FLUSHES:
            path = const_of(args.arg(0, "fname"), None) if last == "savefig" else None
            figures.flush(args.unit, args.node, FLUSHES[last], file=path if isinstance(path, str) else None)
            return Const(None)
        if last in KINDS:
            return plot(reader, args, "matplotlib", last, last, figures.state())
        return None
    if parts[0] == "seaborn" and last in KINDS:
        return plot(reader, args, "seaborn", last, last, figures.state())
    if qualname.startswith("plotly.express.") and last in KINDS:
        state = figures.new("plotly")
        return plot(reader, args, "plotly", last, last, state)
    return None


def figure_method(reader, figure, method, args):
    state = figure.state
    if method in LABELS:
        state[LABELS[method]] = _label(args.arg(0, None))
    elif method in ("suptitle",):
        state["suptitle"] = _label(args.arg(0, "t"))
    elif method in ("set", "update_layout", "update"):
        for key in ("title", "xlabel", "ylabel"):
            if args.given(None, key):
                state[key] = _label(args.arg(None, key))
        if args.given(None, "xaxis_title"):
            state["xlabel"] = _label(args.arg(None, "xaxis_title"))
        if args.given(None, "yaxis_title"):
            state["ylabel"] = _label(args.arg(None, "yaxis_title"))
    elif method in FLUSHES:
        path = const_of(args.arg(0, "fname"), None) if method in ("savefig", "write_html", "write_image") else None
        reader.figures.flush(args.unit, args.node, FLUSHES[method], state=state, file=path if isinstance(path, str) else None)
    elif method in KINDS:
        return plot(reader, args, "matplotlib", method, method, state)
    return figure if method not in FLUSHES else Const(None)


def method_call(reader, receiver, method, args):
    """pandas plotting: `df.plot(kind=…)`, `df.plot.scatter(…)`, `df["x"].hist()`, `df.boxplot()`."""
    if not isinstance(receiver, Data):
        return None
    through_plot = bool(receiver.expr and receiver.expr.endswith(".plot"))
    if method == "plot" or (through_plot and method in KINDS) or method in ("hist", "boxplot"):
        kind = method if method != "plot" else str(json_value(args.arg(None, "kind")) or "line")
        return plot(reader, args, "pandas", method, kind, reader.figures.state(), data=receiver)
    return None
