//! Rule switches: per rule, off or a severity. One type for every front end; the CLI reads it from
//! a config file and the server from the client's settings, each in its own format.

use std::collections::HashMap;

use super::{Finding, Rule, Severity};

/// Per-rule overrides; a rule not named keeps the severity its finding carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RuleSettings {
    /// `None` switches the rule off.
    overrides: HashMap<Rule, Option<Severity>>,
}

impl RuleSettings {
    /// Sets one rule from its code and a level word; the error names what was wrong, for the user.
    pub fn set(&mut self, code: &str, level: &str) -> Result<(), String> {
        let rule = Rule::from_code(code).ok_or_else(|| format!("unknown rule code `{code}`"))?;
        let setting = match level {
            "off" => None,
            other => Some(Severity::parse(other).ok_or_else(|| {
                format!(
                    "rule `{code}`: `{other}` is not one of off, error, warning, information, hint"
                )
            })?),
        };
        self.overrides.insert(rule, setting);
        Ok(())
    }

    /// The severity to report a finding of `rule` with, or `None` when the rule is off.
    pub fn severity(&self, rule: Rule, found: Severity) -> Option<Severity> {
        match self.overrides.get(&rule) {
            Some(level) => *level,
            None => Some(found),
        }
    }

    /// The finding as configured: dropped when its rule is off, re-levelled when overridden.
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        finding.severity = self.severity(finding.rule, finding.severity)?;
        Some(finding)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Message;

    #[test]
    fn switches_off_and_relevels() {
        let mut s = RuleSettings::default();
        assert_eq!(s.set("label/nonstandard", "off"), Ok(()));
        assert_eq!(s.set("balance/row-total", "hint"), Ok(()));
        let finding = |rule| Finding::new(rule, 0..1, Message::new("甲", "a"));
        assert_eq!(s.apply(finding(Rule::Nonstandard)), None);
        assert_eq!(
            s.apply(finding(Rule::RowTotal)).map(|f| f.severity),
            Some(Severity::Hint)
        );
        assert_eq!(
            s.apply(finding(Rule::Missing)).map(|f| f.severity),
            Some(Severity::Warning)
        );
    }

    #[test]
    fn mistakes_name_themselves() {
        let mut s = RuleSettings::default();
        assert!(
            s.set("label/typo", "off")
                .is_err_and(|e| e.contains("label/typo"))
        );
        assert!(
            s.set("label/nonstandard", "loud")
                .is_err_and(|e| e.contains("loud"))
        );
        assert_eq!(s, RuleSettings::default());
    }
}
