//! One call from texts to results: [`Entente`] holds the lexicons and the
//! options, is built once and shared (`Send + Sync`), and gives the same
//! results as the command line — [`Tagged`] and [`Aligned`] serialize to the
//! JSON of `entente tag` and of `entente batch --no-date` (one line per pair,
//! without its `id`), through the same views.
//!
//! ```
//! use entente::Entente;
//!
//! let entente = Entente::builder().threshold(0.5).build().unwrap();
//! let aligned = entente.align(
//!     "Poutine a rencontré Kim Jong-un à Vostotchny.",
//!     "Putin met Kim Jong Un at Vostochny.",
//! );
//! assert_eq!(aligned.alignment().links.len(), 1);
//! let json = serde_json::to_value(&aligned).unwrap();
//! assert_eq!(json["left"]["statements"][0]["text"], "Poutine a rencontré Kim Jong-un à Vostotchny.");
//!
//! let tagged = entente.tag("Sergei Shoigu visited Pyongyang.", None);
//! let entities: Vec<&str> = tagged.mentions().iter().map(|m| m.entity).collect();
//! assert_eq!(entities, ["sergei_shoigu", "pyongyang"]);
//! let with_terms = entente.tag_terms("Sergei Shoigu visited Pyongyang.", None);
//! assert_eq!(with_terms.mentions()[1].entity, "visit");
//! ```

use std::path::PathBuf;

use serde::{Serialize, Serializer};

use crate::align::{AlignOptions, Aligner, Alignment, Analysis, DEFAULT_THRESHOLD};
use crate::detect::detect;
use crate::error::{Error, ErrorKind, Result};
use crate::lexicon::LexiconBuilder;
use crate::report::alignment::{AlignedPair, JsonAlignment};
use crate::report::mentions::{self, MentionRecord, records};
use crate::report::meta::Meta;
use crate::span::{Lang, Offsets};
use crate::tag::{TagOptions, Tagger};

/// The path the JSON gives an article passed as text (as `batch` does).
const INLINE: &str = "-";

/// Lexicons and options, loaded once; tags and aligns any number of texts.
#[derive(Debug)]
pub struct Entente {
    aligner: Aligner,
    offsets: Offsets,
    /// How its results are made, as the JSON's `meta` says (no date: the
    /// same texts give the same result).
    meta: Meta,
}

/// How to build an [`Entente`]: lexicon files, `strict`, threshold, offsets.
#[derive(Clone, Debug)]
pub struct EntenteBuilder {
    lexicons: Vec<PathBuf>,
    builtin: bool,
    strict: bool,
    threshold: f64,
    offsets: Offsets,
}

impl Default for EntenteBuilder {
    fn default() -> Self {
        EntenteBuilder {
            lexicons: Vec::new(),
            builtin: true,
            strict: false,
            threshold: DEFAULT_THRESHOLD,
            offsets: Offsets::Bytes,
        }
    }
}

impl EntenteBuilder {
    /// Adds a lexicon CSV file, or a directory of them (`--lexicon`).
    pub fn lexicon(mut self, path: impl Into<PathBuf>) -> Self {
        self.lexicons.push(path.into());
        self
    }

    /// Whether the built-in lexicons are loaded too (on by default;
    /// `--no-default-lexicon` turns them off).
    pub fn builtin_lexicons(mut self, yes: bool) -> Self {
        self.builtin = yes;
        self
    }

    /// Only names spelled as in the lexicon: no transliteration or fuzzy
    /// variants (`--strict`).
    pub fn strict(mut self, yes: bool) -> Self {
        self.strict = yes;
        self
    }

    /// The least score of a link, in [0, 1] (`--threshold`).
    pub fn threshold(mut self, threshold: f64) -> Self {
        self.threshold = threshold;
        self
    }

    /// Whether offsets in results count bytes (the default) or characters
    /// (`--offsets chars`: Python `str` indices).
    pub fn offsets(mut self, offsets: Offsets) -> Self {
        self.offsets = offsets;
        self
    }

    /// Loads the lexicons; fails on a bad file or a threshold outside [0, 1].
    pub fn build(self) -> Result<Entente> {
        if !(0.0..=1.0).contains(&self.threshold) {
            return Err(Error::new(
                ErrorKind::Usage,
                format!("threshold {} is outside [0, 1]", self.threshold),
            ));
        }
        let mut lexicon = LexiconBuilder::new().builtin(self.builtin);
        for path in &self.lexicons {
            lexicon = lexicon.add_path(path)?;
        }
        let tagger = Tagger::new(
            lexicon.build_shared()?,
            TagOptions {
                variants: !self.strict,
            },
        );
        let options = AlignOptions {
            threshold: self.threshold,
            ..AlignOptions::default()
        };
        let aligner = Aligner::new(tagger, options);
        let meta = Meta {
            offsets: self.offsets,
            ..Meta::new(&aligner, self.strict, None)
        };
        Ok(Entente {
            aligner,
            offsets: self.offsets,
            meta,
        })
    }
}

impl Default for Entente {
    fn default() -> Self {
        Entente::new()
    }
}

impl Entente {
    /// The built-in lexicons and the default options.
    pub fn new() -> Entente {
        EntenteBuilder::default()
            .build()
            .expect("the built-in lexicons and the default threshold are valid")
    }

    /// A builder, to add lexicons or change options.
    pub fn builder() -> EntenteBuilder {
        EntenteBuilder::default()
    }

    /// The aligner (and through it the tagger) this uses.
    pub fn aligner(&self) -> &Aligner {
        &self.aligner
    }

    /// The mentions of named entities in `text`, in `lang` or the language
    /// detected (`entente tag`).
    pub fn tag<'a>(&'a self, text: &'a str, lang: Option<Lang>) -> Tagged<'a> {
        self.tagged(text, lang, false)
    }

    /// The mentions of named entities and of TERM concepts, the general
    /// vocabulary the aligner uses (`entente tag --terms`).
    pub fn tag_terms<'a>(&'a self, text: &'a str, lang: Option<Lang>) -> Tagged<'a> {
        self.tagged(text, lang, true)
    }

    fn tagged<'a>(&'a self, text: &'a str, lang: Option<Lang>, terms: bool) -> Tagged<'a> {
        let lang = lang.unwrap_or_else(|| detect(text).lang);
        let tagger = self.aligner.tagger();
        let found = if terms {
            tagger.tag(text, lang)
        } else {
            tagger.tag_entities(text, lang)
        };
        let mut mentions = records(tagger, text, &found);
        mentions::with_offsets(&mut mentions, self.offsets, text);
        Tagged { lang, mentions }
    }

    /// The alignment of two articles, their languages detected.
    pub fn align<'a>(&'a self, left: &'a str, right: &'a str) -> Aligned<'a> {
        self.align_as(left, None, right, None)
    }

    /// The alignment of two articles in the languages given (detected where
    /// `None`).
    pub fn align_as<'a>(
        &'a self,
        left: &'a str,
        left_lang: Option<Lang>,
        right: &'a str,
        right_lang: Option<Lang>,
    ) -> Aligned<'a> {
        let analyse = |text: &'a str, lang: Option<Lang>| {
            self.aligner
                .analyse(text, lang.unwrap_or_else(|| detect(text).lang))
        };
        let (left, right) = (analyse(left, left_lang), analyse(right, right_lang));
        let alignment = self.aligner.align(&left, &right);
        Aligned {
            entente: self,
            left,
            right,
            alignment,
        }
    }
}

/// The mentions of one text; serializes as `entente tag --format json`.
#[derive(Debug)]
pub struct Tagged<'a> {
    lang: Lang,
    mentions: Vec<MentionRecord<'a>>,
}

impl<'a> Tagged<'a> {
    /// The language tagged in.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The mentions, in text order.
    pub fn mentions(&self) -> &[MentionRecord<'a>] {
        &self.mentions
    }
}

impl Serialize for Tagged<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        self.mentions.serialize(serializer)
    }
}

/// Two analysed articles and their links; serializes as a line of
/// `entente batch` (without its `id`).
#[derive(Debug)]
pub struct Aligned<'a> {
    entente: &'a Entente,
    left: Analysis<'a>,
    right: Analysis<'a>,
    alignment: Alignment,
}

impl<'a> Aligned<'a> {
    /// The left article, analysed.
    pub fn left(&self) -> &Analysis<'a> {
        &self.left
    }

    /// The right article, analysed.
    pub fn right(&self) -> &Analysis<'a> {
        &self.right
    }

    /// The links and the statements in none.
    pub fn alignment(&self) -> &Alignment {
        &self.alignment
    }
}

impl Serialize for Aligned<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let pair = AlignedPair::new(
            &self.entente.aligner,
            (INLINE, &self.left),
            (INLINE, &self.right),
            &self.alignment,
        );
        JsonAlignment::new(&pair, None)
            .with_offsets(self.entente.offsets, &pair)
            .with_meta(&self.entente.meta)
            .serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entente_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Entente>();
    }

    #[test]
    fn the_builder_refuses_what_the_command_line_refuses() {
        let threshold = Entente::builder().threshold(1.5).build().unwrap_err();
        assert_eq!(threshold.kind(), ErrorKind::Usage);
        assert!(
            threshold.to_string().contains("outside [0, 1]"),
            "{threshold}"
        );
        let none = Entente::builder()
            .builtin_lexicons(false)
            .build()
            .unwrap_err();
        assert!(none.to_string().contains("no lexicon"), "{none}");
        let missing = Entente::builder()
            .lexicon("no/such.csv")
            .build()
            .unwrap_err();
        assert!(missing.to_string().contains("no/such.csv"), "{missing}");
    }

    #[test]
    fn character_offsets_index_the_text_by_characters() {
        let text = "Sergueï Choïgou est arrivé à Pyongyang.";
        let chars: Vec<char> = text.chars().collect();
        let entente = Entente::builder().offsets(Offsets::Chars).build().unwrap();
        let tagged = entente.tag(text, Some(Lang::Fr));
        assert_eq!(tagged.mentions().len(), 2);
        for m in tagged.mentions() {
            assert_eq!(chars[m.start..m.end].iter().collect::<String>(), m.text);
        }
        let bytes = Entente::new().tag(text, Some(Lang::Fr)).mentions()[1].start;
        assert!(bytes > tagged.mentions()[1].start);
    }
}
