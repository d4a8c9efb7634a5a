"""Charts: matplotlib, seaborn, pandas plotting and plotly — what was plotted (scatter, distribution,
heatmap of a correlation matrix…) and, per figure, its title and axis labels when it is saved or shown."""

from . import chart_facts, chart_libraries, chart_matplotlib, pandas_analysis


def register(api):
    api.on_import("matplotlib.axes._axes", chart_matplotlib.patch_axes)
    api.on_import("matplotlib.figure", chart_matplotlib.patch_figure)
    api.on_import("matplotlib.pyplot", chart_matplotlib.patch_pyplot)
    api.on_import("matplotlib_inline.backend_inline", chart_matplotlib.patch_inline)
    api.on_import("seaborn", chart_libraries.patch_seaborn)
    api.on_import("pandas.plotting._core", chart_libraries.patch_pandas_plotting)
    api.on_import("pandas", chart_libraries.patch_pandas_frames)
    api.on_import("plotly.express", chart_libraries.patch_plotly_express)
    api.on_import("plotly.basedatatypes", chart_libraries.patch_plotly_figure)
    pandas_analysis.on_corr = chart_facts.remember_corr
