//! Python bindings of entente: `entente.Entente`, its `tag`, `align` and
//! `align_many`. Results are plain dicts and lists, the JSON of the command
//! line with offsets counted in characters (Python `str` indices). Errors
//! are `entente.EntenteError` with the command line's messages.
//! Results cross as JSON text, read by Python's `json` module.

use std::path::{Path, PathBuf};

use entente::{Entente as Core, Lang, Offsets};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};
use rayon::prelude::*;

create_exception!(
    _entente,
    EntenteError,
    PyException,
    "A lexicon, a text or an option entente cannot use; the message says which and where."
);

/// The error as Python sees it.
fn error(err: entente::Error) -> PyErr {
    EntenteError::new_err(err.to_string())
}

/// A Python `str`, or `bytes` that must be UTF-8 (decoded as the command
/// line decodes files, with the same message when they are not).
fn text(value: &Bound<'_, PyAny>, what: &str) -> PyResult<String> {
    if let Ok(s) = value.cast::<PyString>() {
        return s.extract::<String>();
    }
    if let Ok(b) = value.cast::<PyBytes>() {
        return entente::input::decode_utf8(b.as_bytes().to_vec(), Path::new(what)).map_err(error);
    }
    Err(PyTypeError::new_err(format!(
        "{what} must be str or bytes, not {}",
        value.get_type().name()?
    )))
}

/// A language code, or `None` to detect it.
fn lang(code: Option<&str>) -> PyResult<Option<Lang>> {
    code.map(|c| c.parse::<Lang>().map_err(PyValueError::new_err))
        .transpose()
}

/// Lexicons and options, loaded once; tags and aligns any number of texts.
///
/// `Entente(lexicons=None, default_lexicon=True, strict=False, threshold=0.5)`
#[pyclass(frozen, module = "entente")]
struct Entente {
    core: Core,
}

#[pymethods]
impl Entente {
    #[new]
    #[pyo3(signature = (lexicons=None, default_lexicon=true, strict=false, threshold=None))]
    fn new(
        py: Python<'_>,
        lexicons: Option<Vec<PathBuf>>,
        default_lexicon: bool,
        strict: bool,
        threshold: Option<f64>,
    ) -> PyResult<Self> {
        let mut builder = Core::builder()
            .builtin_lexicons(default_lexicon)
            .strict(strict)
            .offsets(Offsets::Chars);
        for path in lexicons.unwrap_or_default() {
            builder = builder.lexicon(path);
        }
        if let Some(t) = threshold {
            builder = builder.threshold(t);
        }
        let core = py.detach(|| builder.build()).map_err(error)?;
        Ok(Entente { core })
    }

    /// The mentions of `text` (in `lang`, "fr" or "en", or the language
    /// detected): a list of dicts with `start`, `end` (character offsets),
    /// `text`, `entity`, `label`, `type`, `match`, `name`, `confidence`.
    /// With `terms=True`, TERM concepts too (the vocabulary the aligner uses).
    #[pyo3(signature = (text, lang=None, terms=false))]
    fn tag<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyAny>,
        lang: Option<&str>,
        terms: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (text, lang) = (self::text(text, "text")?, self::lang(lang)?);
        let json = py.detach(|| {
            if terms {
                serde_json::to_string(&self.core.tag_terms(&text, lang))
            } else {
                serde_json::to_string(&self.core.tag(&text, lang))
            }
        });
        to_python(py, json)
    }

    /// The alignment of two articles: a dict as one line of `entente batch`
    /// (`left`, `right` with their statements, `links` with score and
    /// evidence, `unaligned`), with character offsets.
    #[pyo3(signature = (left, right, left_lang=None, right_lang=None))]
    fn align<'py>(
        &self,
        py: Python<'py>,
        left: &Bound<'py, PyAny>,
        right: &Bound<'py, PyAny>,
        left_lang: Option<&str>,
        right_lang: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (left, right) = (text(left, "left")?, text(right, "right")?);
        let (left_lang, right_lang) = (lang(left_lang)?, lang(right_lang)?);
        let json = py.detach(|| {
            serde_json::to_string(&self.core.align_as(&left, left_lang, &right, right_lang))
        });
        to_python(py, json)
    }

    /// `align` for each `(left, right)` pair, on every core, without holding
    /// the GIL: a list of dicts in the pairs' order.
    fn align_many<'py>(
        &self,
        py: Python<'py>,
        pairs: &Bound<'py, PyAny>,
    ) -> PyResult<Vec<Bound<'py, PyAny>>> {
        let mut texts = Vec::new();
        for (n, pair) in pairs.try_iter()?.enumerate() {
            let pair = pair?;
            let (l, r): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair.extract().map_err(|_| {
                PyTypeError::new_err(format!("pair {n} is not a (left, right) pair of texts"))
            })?;
            texts.push((text(&l, "left")?, text(&r, "right")?));
        }
        let values: Vec<serde_json::Result<String>> = py.detach(|| {
            texts
                .par_iter()
                .map(|(l, r)| serde_json::to_string(&self.core.align(l, r)))
                .collect()
        });
        values.into_iter().map(|v| to_python(py, v)).collect()
    }
}

/// A result as Python dicts and lists: its JSON text read by Python's
/// `json`, so that every number reads as the command line prints it (an
/// `f32` confidence of 0.9 is 0.9, not 0.8999999761581421).
fn to_python<'py>(
    py: Python<'py>,
    json: serde_json::Result<String>,
) -> PyResult<Bound<'py, PyAny>> {
    let json = json.map_err(|e| EntenteError::new_err(e.to_string()))?;
    py.import("json")?.getattr("loads")?.call1((json,))
}

#[pymodule]
fn _entente(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Entente>()?;
    m.add("EntenteError", m.py().get_type::<EntenteError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
