//! The `--config FILE` rule table: per rule code, a severity override or `off`. Owns reading and
//! validating the file and applying it to findings; knows nothing of paths walked or output formats.

use std::collections::HashMap;
use std::path::Path;

use anyhow::{Context, anyhow, bail};
use serde::Deserialize;

use crate::analysis::{Finding, Rule, Severity};

/// What the configuration says about one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RuleSetting {
    Off,
    Level(Severity),
}

/// Rule settings; a rule the file does not name keeps its default severity.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleConfig {
    settings: HashMap<Rule, RuleSetting>,
}

/// The file as written: `{ "rules": { "label/nonstandard": "off" } }` or its TOML twin.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    rules: HashMap<String, String>,
}

impl RuleConfig {
    /// Reads a config file: JSON when the name ends in `.json`, TOML otherwise.
    pub fn load(path: &Path) -> anyhow::Result<RuleConfig> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read config", path.display()))?;
        let is_json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        RuleConfig::parse(&text, is_json)
            .with_context(|| format!("{}: invalid config", path.display()))
    }

    pub fn parse(text: &str, is_json: bool) -> anyhow::Result<RuleConfig> {
        let file: ConfigFile = if is_json {
            serde_json::from_str(text)?
        } else {
            toml::from_str(text)?
        };
        let mut settings = HashMap::new();
        for (code, value) in file.rules {
            let rule =
                Rule::from_code(&code).ok_or_else(|| anyhow!("unknown rule code `{code}`"))?;
            let setting = match value.as_str() {
                "off" => RuleSetting::Off,
                other => match Severity::parse(other) {
                    Some(severity) => RuleSetting::Level(severity),
                    None => bail!(
                        "rule `{code}`: `{other}` is not one of off, error, warning, information, hint"
                    ),
                },
            };
            settings.insert(rule, setting);
        }
        Ok(RuleConfig { settings })
    }

    pub fn setting(&self, rule: Rule) -> RuleSetting {
        self.settings
            .get(&rule)
            .copied()
            .unwrap_or(RuleSetting::Level(rule.default_severity()))
    }

    /// The finding as configured: dropped when its rule is off, re-levelled when overridden.
    /// A severity the core chose itself is kept unless the configuration names the rule.
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        match self.settings.get(&finding.rule) {
            None => Some(finding),
            Some(RuleSetting::Off) => None,
            Some(&RuleSetting::Level(severity)) => {
                finding.severity = severity;
                Some(finding)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Message;

    fn finding(rule: Rule) -> Finding {
        Finding::new(rule, 0..1, Message::new("甲", "a"))
    }

    #[test]
    fn json_and_toml_say_the_same() {
        let json = r#"{ "rules": { "label/nonstandard": "off", "value/missing": "error" } }"#;
        let toml = "[rules]\n\"label/nonstandard\" = \"off\"\n\"value/missing\" = \"error\"\n";
        let a = RuleConfig::parse(json, true).unwrap();
        let b = RuleConfig::parse(toml, false).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.setting(Rule::Nonstandard), RuleSetting::Off);
        assert_eq!(
            a.setting(Rule::Missing),
            RuleSetting::Level(Severity::Error)
        );
        assert_eq!(
            a.setting(Rule::RowTotal),
            RuleSetting::Level(Severity::Error)
        );
    }

    #[test]
    fn apply_drops_and_relevels() {
        let config = RuleConfig::parse(
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
        let unknown = RuleConfig::parse(r#"{"rules":{"label/typo":"off"}}"#, true).unwrap_err();
        assert!(format!("{unknown:#}").contains("label/typo"));
        let level =
            RuleConfig::parse(r#"{"rules":{"label/nonstandard":"loud"}}"#, true).unwrap_err();
        assert!(format!("{level:#}").contains("loud"));
        let key = RuleConfig::parse(r#"{"rule":{}}"#, true).unwrap_err();
        assert!(format!("{key:#}").contains("rule"));
        assert!(RuleConfig::parse("rules = [", false).is_err());
    }
}
