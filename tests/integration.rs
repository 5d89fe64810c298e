//! The one integration-test binary: the command line as users run it.

mod integration {
    mod align;
    mod cli;
    mod lexicon;
    mod odd_input;
    mod properties;
    mod quality;
    mod report;
    mod scale;
    mod tag;
    pub mod util;
}
