//! Placeholder with the final API, until the module lands (being written separately).
#![allow(missing_docs)]
use crate::span::{Lang, Span};
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub enum VariantKind { Translit, Fuzzy }
pub struct VariantMatch { pub span: Span, pub name: usize, pub kind: VariantKind, pub confidence: f32 }
pub struct IndexedName<'a> { pub id: usize, pub entity: &'a str, pub name: &'a str, pub lang: Option<Lang>, pub is_person: bool }
#[derive(Clone, Debug)]
pub struct VariantIndex;
impl VariantIndex {
    pub fn new<'a>(names: impl IntoIterator<Item = IndexedName<'a>>) -> VariantIndex { for _ in names {} VariantIndex }
    pub fn find(&self, _text: &str, _lang: Lang, _known: &[(Span, &str)]) -> Vec<VariantMatch> { vec![] }
}
