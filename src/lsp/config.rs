//! Rule switches from `initializationOptions`, `workspace/configuration` and
//! `workspace/didChangeConfiguration`: `{"rules": {"label/nonstandard": "off" | "error" | …}}`,
//! optionally under an `"ogi"` key (how editors nest a settings section). Knows rule codes, not rules.

use serde_json::Value;

use crate::analysis::RuleSettings;

/// The settings section requested with `workspace/configuration`.
pub const SECTION: &str = "ogi";

/// The rule settings of the server; the same type `check` uses.
pub type RuleConfig = RuleSettings;

/// Reads the settings a client sent. Unknown codes and levels are returned as problems to log;
/// `None` when the value holds no rule settings at all (then the current ones stay).
pub fn from_json(value: &Value) -> Option<(RuleConfig, Vec<String>)> {
    let rules = value
        .get("rules")
        .or_else(|| value.get(SECTION).and_then(|v| v.get("rules")))?;
    let mut config = RuleConfig::default();
    let mut problems = Vec::new();
    let Some(map) = rules.as_object() else {
        problems.push(format!("`rules` must be an object, got {rules}"));
        return Some((config, problems));
    };
    for (code, level) in map {
        let result = match level.as_str() {
            Some(word) => config.set(code, word),
            None => Err(format!("rule `{code}`: unknown level {level}")),
        };
        if let Err(problem) = result {
            problems.push(problem);
        }
    }
    Some((config, problems))
}

/// The size above which documents are not analysed, when the settings give one:
/// `{"maxDocumentBytes": N}` (or under `"ogi"`).
pub fn max_document_bytes(value: &Value) -> Option<usize> {
    let limit = value
        .get("maxDocumentBytes")
        .or_else(|| value.get(SECTION).and_then(|v| v.get("maxDocumentBytes")))?;
    limit.as_u64().and_then(|n| usize::try_from(n).ok())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::analysis::{Rule, Severity};

    #[test]
    fn switches_off_and_relevels() {
        let (config, problems) =
            from_json(&json!({"rules": {"label/nonstandard": "off", "value/missing": "error"}}))
                .unwrap();
        assert!(problems.is_empty());
        assert_eq!(config.severity(Rule::Nonstandard, Severity::Warning), None);
        assert_eq!(
            config.severity(Rule::Missing, Severity::Warning),
            Some(Severity::Error)
        );
        assert_eq!(
            config.severity(Rule::RowTotal, Severity::Error),
            Some(Severity::Error)
        );
    }

    #[test]
    fn accepts_the_section_nesting_and_reports_bad_entries() {
        let (config, problems) = from_json(
            &json!({"ogi": {"rules": {"balance/row-total": "hint", "nope": "off", "value/missing": 3}}}),
        )
        .unwrap();
        assert_eq!(
            config.severity(Rule::RowTotal, Severity::Error),
            Some(Severity::Hint)
        );
        assert_eq!(
            problems,
            vec![
                "unknown rule code `nope`".to_owned(),
                "rule `value/missing`: unknown level 3".to_owned()
            ]
        );
        assert_eq!(from_json(&json!({"other": 1})), None);
        assert_eq!(from_json(&Value::Null), None);
    }
}
