//! ⑤ Reports: what the pipeline found, written for people and for programs.

pub mod alignment;
pub mod html;
pub mod mentions;
