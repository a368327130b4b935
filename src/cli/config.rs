//! The `--config FILE` rule table: per rule code, a severity override or `off`. Owns reading and
//! validating the file and applying it to findings; knows nothing of paths walked or output formats.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, anyhow};
use serde::Deserialize;

use crate::analysis::RuleSettings;

/// The rule settings of `check`; the same type the server uses.
pub type RuleConfig = RuleSettings;

/// The file as written: `{ "rules": { "label/nonstandard": "off" } }` or its TOML twin.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: HashMap<String, String>,
}

/// Reads a config file: JSON when the name ends in `.json`, TOML otherwise.
pub fn load(path: &Path) -> anyhow::Result<RuleConfig> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("{}: cannot read config", path.display()))?;
    let is_json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    parse(&text, is_json).with_context(|| format!("{}: invalid config", path.display()))
}

pub fn parse(text: &str, is_json: bool) -> anyhow::Result<RuleConfig> {
    let file: ConfigFile = if is_json {
        serde_json::from_str(text)?
    } else {
        toml::from_str(text)?
    };
    let mut settings = RuleConfig::default();
    for (code, level) in &file.rules {
        settings.set(code, level).map_err(|e| anyhow!(e))?;
    }
    Ok(settings)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Finding, Message, Rule, Severity};

    fn finding(rule: Rule) -> Finding {
        Finding::new(rule, 0..1, Message::new("甲", "a"))
    }

    #[test]
    fn json_and_toml_say_the_same() {
        let json = r#"{ "rules": { "label/nonstandard": "off", "value/missing": "error" } }"#;
        let toml = "[rules]\n\"label/nonstandard\" = \"off\"\n\"value/missing\" = \"error\"\n";
        let a = parse(json, true).unwrap();
        let b = parse(toml, false).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.severity(Rule::Nonstandard, Severity::Warning), None);
        assert_eq!(
            a.severity(Rule::Missing, Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            a.severity(Rule::RowTotal, Severity::Error),
            Some(Severity::Error)
        );
    }

    #[test]
    fn apply_drops_and_relevels() {
        let config = parse(
            r#"{"rules":{"label/nonstandard":"off","balance/row-total":"hint"}}"#,
            true,
        )
        .unwrap();
        assert_eq!(config.apply(finding(Rule::Nonstandard)), None);
        assert_eq!(
            config.apply(finding(Rule::RowTotal)).map(|f| f.severity),
            Some(Severity::Hint)
        );
        assert_eq!(
            config.apply(finding(Rule::Missing)).map(|f| f.severity),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn mistakes_are_reported_by_name() {
        let unknown = parse(r#"{"rules":{"label/typo":"off"}}"#, true).unwrap_err();
        assert!(format!("{unknown:#}").contains("label/typo"));
        let level = parse(r#"{"rules":{"label/nonstandard":"loud"}}"#, true).unwrap_err();
        assert!(format!("{level:#}").contains("loud"));
        let key = parse(r#"{"rule":{}}"#, true).unwrap_err();
        assert!(format!("{key:#}").contains("rule"));
        assert!(parse("rules = [", false).is_err());
    }
}
