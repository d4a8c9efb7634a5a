"""The kind of a plotting call (any library), as the checks reason about it. Standard library only: the static
reader (mspr_static) imports it too, so a chart read in the code and one watched at run time get the same kind."""

#: Plotting function (any library) → chart kind the checks reason about.
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
