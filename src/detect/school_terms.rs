//! The school's own terms (PW309, PW409, PW419, PW429, PW439) and allowed phrases; see
//! [`crate::terms`].

use crate::detect::Document;
use crate::finding::Hit;
use crate::matcher::Target;
use crate::terms::{self, ExtraTerm};

/// Report the extra terms. A built-in finding of the same category over the same words already
/// says it, so the school's term stands back there.
pub fn detect(doc: &Document<'_>, extra: &[ExtraTerm], hits: &mut Vec<Hit>) {
    for found in doc.found_where(|t| matches!(t, Target::Extra(_))) {
        let Target::Extra(i) = found.target else { continue };
        let Some(term) = extra.get(i as usize) else { continue };
        let Some(rule) = terms::rule_for(term.category) else { continue };
        let (start, end) = doc.original_tokens(found.first, found.last);
        if doc.is_protected(start, end) {
            continue;
        }
        if hits.iter().any(|h| h.rule.category == rule.category && h.start <= start && end <= h.end) {
            continue;
        }
        let disguised = (found.first..=found.last).any(|t| doc.view.tokens[t].disguised);
        let hit = Hit::new(rule, start, end).with_severity(term.severity.unwrap_or(rule.severity));
        hits.push(if disguised { hit.with_detail("vermomd geschreven") } else { hit });
    }
}

/// Drop every hit that lies inside an allowed phrase.
pub fn drop_allowed(doc: &Document<'_>, hits: &mut Vec<Hit>) {
    let allowed: Vec<(usize, usize)> =
        doc.found_where(|t| matches!(t, Target::Allowed(_))).map(|f| doc.original_tokens(f.first, f.last)).collect();
    if !allowed.is_empty() {
        hits.retain(|h| !allowed.iter().any(|&(start, end)| start <= h.start && h.end <= end));
    }
}
