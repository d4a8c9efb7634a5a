/**
 * Modules a declared distribution installs with it (its own requirements), so importing them is not undeclared:
 * `import numpy` beside `pandas` in requirements.txt works wherever pandas installs. Kept to the usual data/AI
 * stacks; a module not listed here must be declared by name. Keys are import names, values PEP 503 names.
 */
export const PROVIDED_WITH: Readonly<Record<string, readonly string[]>> = {
  numpy: ['pandas', 'scikit-learn', 'scipy', 'matplotlib', 'seaborn', 'statsmodels', 'tensorflow', 'tensorflow-cpu', 'keras', 'torch', 'xgboost', 'lightgbm', 'catboost', 'imbalanced-learn', 'opencv-python', 'opencv-python-headless', 'pyarrow', 'h5py', 'numba', 'shap', 'wordcloud', 'missingno', 'geopandas', 'plotly-express'],
  scipy: ['scikit-learn', 'statsmodels', 'imbalanced-learn', 'xgboost', 'lightgbm', 'catboost', 'shap', 'missingno'],
  joblib: ['scikit-learn', 'imbalanced-learn'],
  threadpoolctl: ['scikit-learn'],
  dateutil: ['pandas', 'matplotlib'],
  pytz: ['pandas'],
  tzdata: ['pandas'],
  six: ['python-dateutil', 'pandas', 'matplotlib'],
  packaging: ['matplotlib', 'statsmodels', 'plotly', 'xgboost'],
  matplotlib: ['seaborn', 'wordcloud', 'missingno', 'catboost'],
  PIL: ['matplotlib', 'wordcloud'],
  patsy: ['statsmodels'],
  starlette: ['fastapi'],
  pydantic: ['fastapi'],
  anyio: ['fastapi', 'httpx', 'starlette'],
  werkzeug: ['flask'],
  jinja2: ['flask'],
  click: ['flask', 'uvicorn'],
  itsdangerous: ['flask'],
  markupsafe: ['flask', 'jinja2'],
  h11: ['uvicorn', 'httpx'],
  urllib3: ['requests'],
  idna: ['requests', 'httpx'],
  certifi: ['requests', 'httpx'],
  charset_normalizer: ['requests'],
  typing_extensions: ['pydantic', 'sqlalchemy', 'torch'],
  greenlet: ['sqlalchemy'],
  keras: ['tensorflow', 'tensorflow-cpu'],
  tensorboard: ['tensorflow', 'tensorflow-cpu'],
  IPython: ['ipykernel', 'jupyter', 'notebook', 'jupyterlab', 'ipywidgets'],
  nbformat: ['jupyter', 'nbconvert', 'notebook', 'jupyterlab'],
  openpyxl: [],
};

/** Installed with every interpreter and virtual environment: never to declare. */
export const ALWAYS_PRESENT = new Set(['pip', 'setuptools', 'pkg_resources', '_distutils_hack', 'wheel']);

/** What a notebook's kernel brings: notebooks run through nbconvert and ipykernel. */
export const NOTEBOOK_KERNEL = new Set(['IPython', 'ipykernel', 'ipywidgets', 'nbformat', 'matplotlib_inline']);
