//! The normaliser and its map back to the original: every mapped range lies inside the original,
//! on its character boundaries, and in order; tokens lie inside the view, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use postwacht::normalize::Normalized;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let view = Normalized::new(text);
    let mut last_token = (0, 0);
    let mut last_original = (0, 0);
    for (i, token) in view.tokens.iter().enumerate() {
        assert!(token.start < token.end && token.end <= view.text.len(), "token {i} {token:?} outside the view");
        assert!(
            view.text.is_char_boundary(token.start) && view.text.is_char_boundary(token.end),
            "token {i} {token:?}"
        );
        assert!(token.start >= last_token.1, "token {i} {token:?} overlaps the one before {last_token:?}");
        last_token = (token.start, token.end);
        assert_eq!(view.token_at(token.start), Some(i), "token_at({})", token.start);
        assert_eq!(view.token_containing(token.end - 1), Some(i), "token_containing({})", token.end - 1);
        let _ = view.token_text(i);
        let (start, end) = view.token_original(i);
        assert!(start < end && end <= text.len(), "token {i} maps to {start}..{end} of {} bytes", text.len());
        assert!(text.is_char_boundary(start) && text.is_char_boundary(end), "token {i} maps to {start}..{end}");
        assert!(start >= last_original.0, "token {i} maps to {start}..{end}, before {last_original:?}");
        last_original = (start, end);
        // Every part of a token maps inside the token's own original range.
        for at in (token.start..token.end).filter(|&at| view.text.is_char_boundary(at)) {
            let (s, e) = view.original_range(at, token.end);
            assert!(
                s <= e && start <= s && e <= end,
                "view {at}..{} maps to {s}..{e}, outside {start}..{end}",
                token.end
            );
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e), "view {at}..{} maps to {s}..{e}", token.end);
        }
    }
});
