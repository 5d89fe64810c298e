//! ⑤ Reports: what the pipeline found, written for people and for programs.

pub mod mentions;
pub mod alignment;
pub mod html;
