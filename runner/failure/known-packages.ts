/**
 * Import names of well-known third-party packages and the pip distribution that provides each, for the
 * ones seen in data/AI student projects. An import whose name is here is a package the team needs from
 * outside, not a module of theirs; where the two names differ (`sklearn` → `scikit-learn`), the
 * requirement a team writes is the distribution's.
 */
const DISTRIBUTION: Record<string, string> = {
  sklearn: 'scikit-learn',
  cv2: 'opencv-python',
  PIL: 'Pillow',
  yaml: 'PyYAML',
  dotenv: 'python-dotenv',
  bs4: 'beautifulsoup4',
  imblearn: 'imbalanced-learn',
  skimage: 'scikit-image',
  psycopg2: 'psycopg2-binary',
  MySQLdb: 'mysqlclient',
  pymysql: 'PyMySQL',
  mysql: 'mysql-connector-python',
  sqlalchemy: 'SQLAlchemy',
  dateutil: 'python-dateutil',
  docx: 'python-docx',
  pptx: 'python-pptx',
  jose: 'python-jose',
  jwt: 'PyJWT',
  multipart: 'python-multipart',
  google: 'google-api-python-client',
  sentence_transformers: 'sentence-transformers',
  category_encoders: 'category-encoders',
  umap: 'umap-learn',
  Levenshtein: 'python-Levenshtein',
  serial: 'pyserial',
  attr: 'attrs',
  pyspark: 'pyspark',
  mlflow: 'mlflow',
};

/** Import names whose distribution has the same name (lower-cased for lookup). */
const SAME_NAME = [
  'missingno', 'shap', 'kagglehub', 'kaggle', 'xgboost', 'lightgbm', 'catboost', 'optuna', 'plotly', 'seaborn', 'statsmodels',
  'tensorflow', 'torch', 'torchvision', 'keras', 'transformers', 'datasets', 'nltk', 'spacy', 'gensim', 'wordcloud',
  'geopandas', 'folium', 'shapely', 'streamlit', 'dash', 'flask', 'fastapi', 'uvicorn', 'pydantic', 'requests', 'httpx',
  'openpyxl', 'xlrd', 'pyarrow', 'fastparquet', 'polars', 'duckdb', 'pymongo', 'psycopg', 'redis', 'boto3', 'joblib',
  'tqdm', 'lime', 'eli5', 'yellowbrick', 'pandas_profiling', 'ydata_profiling', 'sweetviz', 'pycaret', 'prophet', 'pmdarima',
  'sktime', 'gdown', 'wget', 'tabulate', 'rich', 'typer', 'click', 'loguru', 'great_expectations', 'pandera', 'faker',
  'unidecode', 'emoji', 'textblob', 'langchain', 'openai', 'gradio', 'bokeh', 'altair', 'pyodbc', 'cx_Oracle', 'oracledb',
  'schedule', 'apscheduler', 'selenium', 'scrapy', 'lxml', 'html5lib', 'pytest', 'dvc', 'hydra', 'omegaconf',
];

/** Modules that are the grading interpreter's data stack: missing, the interpreter is the wrong one. */
export const DATA_STACK = new Set(['pandas', 'numpy', 'sklearn', 'scipy', 'matplotlib', 'nbconvert', 'nbclient', 'ipykernel']);

const KNOWN = new Map<string, string>([
  ...Object.entries(DISTRIBUTION).map(([module, dist]) => [module.toLowerCase(), dist] as [string, string]),
  ...SAME_NAME.map((module) => [module.toLowerCase(), module.replace(/_/g, '-')] as [string, string]),
]);

/** The distribution providing a well-known import name, or undefined when the name is not well known. */
export function knownDistribution(module: string): string | undefined {
  return KNOWN.get(module.toLowerCase()) ?? (DATA_STACK.has(module) ? (module === 'sklearn' ? 'scikit-learn' : module) : undefined);
}

/** PEP 503 normal form, so `Scikit_Learn` and `scikit-learn` compare equal. */
export function normalizePackageName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}
