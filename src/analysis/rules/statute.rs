//! `statute/unknown-reference`: a reference to an article, paragraph or item the regulation lacks.

use crate::analysis::Finding;
use crate::analysis::model::Report;

pub fn check(_report: &Report, _out: &mut Vec<Finding>) {}
