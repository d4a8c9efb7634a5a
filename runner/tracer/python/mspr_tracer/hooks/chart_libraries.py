"""seaborn, pandas' plotting and plotly express: one `plot` event per chart function the candidate calls."""

from mspr_tracer import api

from . import chart_facts

SEABORN = ("scatterplot", "regplot", "lmplot", "jointplot", "relplot", "pairplot", "histplot", "kdeplot", "displot", "distplot",
           "ecdfplot", "boxplot", "violinplot", "boxenplot", "stripplot", "swarmplot", "heatmap", "clustermap", "barplot",
           "countplot", "catplot", "lineplot")
PLOTLY = ("scatter", "histogram", "box", "violin", "imshow", "density_heatmap", "density_contour", "scatter_matrix", "line", "bar",
          "pie", "ecdf", "strip", "area")


def seaborn_handler(function):
    def handler(call):
        data = call.kwargs.get("data", call.args[0] if call.args else None)
        x = call.kwargs.get("x")
        y = call.kwargs.get("y")

        def after(result, error):
            if error is None:
                figure = getattr(result, "figure", None) or getattr(result, "fig", None)
                chart_facts.emit_plot(call, "seaborn", function, x=x, y=y, data=data, axes=chart_facts.axes_tokens(result),
                                      figure=api.token(figure) if figure is not None else None)

        return after

    return handler


def pandas_plot_handler(call):
    accessor = call.args[0]
    frame = getattr(accessor, "_parent", None)
    kind = call.kwargs.get("kind", call.args[3] if len(call.args) > 3 and isinstance(call.args[3], str) else "line")

    def after(result, error):
        if error is None:
            chart_facts.emit_plot(call, "pandas", str(kind), x=call.kwargs.get("x"), y=call.kwargs.get("y"), data=frame,
                                  axes=chart_facts.axes_tokens(result))

    return after


def pandas_method_handler(function):
    def handler(call):
        frame = call.args[0]

        def after(result, error):
            if error is None:
                chart_facts.emit_plot(call, "pandas", function, data=frame, axes=chart_facts.axes_tokens(result))

        return after

    return handler


def plotly_handler(function):
    def handler(call):
        data = call.kwargs.get("data_frame", call.args[0] if call.args else None)
        x = call.kwargs.get("x")
        y = call.kwargs.get("y")
        extra = {"title": call.kwargs.get("title"), "labels": api.safe(call.kwargs.get("labels"), 1)}

        def after(result, error):
            if error is None:
                chart_facts.emit_plot(call, "plotly", function, x=x, y=y, data=data if function != "imshow" else call.arg(0, "img"),
                                      figure=api.token(result), extra={k: v for k, v in extra.items() if v is not None})

        return after

    return handler


def plotly_figure_handler(trigger):
    def handler(call):
        fig = call.args[0]
        target = call.arg(1, "file")

        def after(result, error):
            if error is not None:
                return
            layout = fig.layout
            title = getattr(getattr(layout, "title", None), "text", None)
            axes = [{"axes": api.token(fig), "title": title, "xlabel": _axis_title(layout, "xaxis"), "ylabel": _axis_title(layout, "yaxis"),
                     "has_data": bool(fig.data)}]
            fields = {"figure": api.token(fig), "library": "plotly", "axes": axes, "trigger": trigger,
                      "traces": [getattr(t, "type", None) for t in list(fig.data)[:20]]}
            if isinstance(target, str):
                from .data_sources import describe_path

                fields["file"] = describe_path(target).get("path")
            api.emit("figure", call, **fields)

        return after

    return handler


def _axis_title(layout, name):
    axis = getattr(layout, name, None)
    return getattr(getattr(axis, "title", None), "text", None) if axis is not None else None


def patch_seaborn(sns):
    for name in SEABORN:
        api.patch_function(sns, name, seaborn_handler(name), "seaborn." + name)


def patch_pandas_plotting(core):
    api.patch_method(core.PlotAccessor, "__call__", pandas_plot_handler, name="DataFrame.plot")


def patch_pandas_frames(pd):
    for cls in (pd.DataFrame, pd.Series):
        for name in ("hist", "boxplot"):
            api.patch_method(cls, name, pandas_method_handler(name), name="%s.%s" % (cls.__name__, name))


def patch_plotly_express(px):
    for name in PLOTLY:
        api.patch_function(px, name, plotly_handler(name), "plotly.express." + name)


def patch_plotly_figure(basedatatypes):
    cls = getattr(basedatatypes, "BaseFigure", None)
    if cls is None:
        return
    for name in ("show", "write_html", "write_image"):
        api.patch_method(cls, name, plotly_figure_handler(name), name="plotly.Figure." + name)
