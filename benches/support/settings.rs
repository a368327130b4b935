//! Whole-number settings of the benchmark targets, from the environment.

/// The value of the environment variable `name`, or `default` when it is not set; panics on one that
/// is not a whole number, so a typo does not run the default silently.
pub fn setting(name: &str, default: usize) -> usize {
    match std::env::var(name) {
        Ok(value) => value
            .trim()
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {value:?}")),
        Err(_) => default,
    }
}
