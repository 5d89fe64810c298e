//! The one integration-test binary: the command line as users run it.

mod integration {
    pub mod util;
    mod align;
    mod properties;
    mod scale;
    mod tag;
}
