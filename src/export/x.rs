//! The X (Twitter) archive's `tweets.js`: `window.YTD.tweets.part0 = [ {"tweet": {…}}, … ]`.
//!
//! Not JSON but a script assigning a JSON array; the array is read from after the `=`, and a
//! trailing `;` is allowed. Each `tweet` (and each `noteTweet` of `note-tweet.js`, which holds
//! the full text of long posts) is an item: `id_str`, `full_text` (HTML-escaped: `&amp;`),
//! `created_at`. The archive is one account's own posts, so there is no author per item.

use crate::export::json::{self, Doc, Node, ParseError, Parsed};
use crate::export::{Item, Sink, html, id_of, is_url_safe, text_of, time_of, walk};

/// Parse the array after `window.YTD.<name>.partN =`; `None` without the assignment.
pub fn parse(text: &str) -> Option<Parsed> {
    let start = text.find("window.YTD.")?;
    let equals = start + text[start..].find('=')?;
    let mut parsed = json::parse(text, equals + 1);
    if parsed.error.is_none() {
        let rest = text[parsed.end..].trim_start();
        let rest = rest.strip_prefix(';').unwrap_or(rest);
        if !rest.trim().is_empty() {
            let offset = text.len() - rest.len();
            parsed.error = Some(ParseError {
                offset,
                message: "na het einde van de lijst staat nog tekst",
                pointer: String::new(),
            });
        }
    }
    Some(parsed)
}

pub fn recognise(root: &Node) -> bool {
    root.as_array().iter().any(|n| n.get("tweet").or_else(|| n.get("noteTweet")).is_some_and(Node::is_object))
}

pub fn items(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |node, pointer| {
        if let Some(tweet) = node.get("tweet") {
            let id = tweet.get("id_str").or_else(|| tweet.get("id")).and_then(Node::scalar_text);
            sink.item(Item {
                id: id_of(tweet.get("id_str").or_else(|| tweet.get("id")), pointer),
                author: None,
                time: time_of(tweet.get("created_at")),
                text: text_of(doc, tweet.get("full_text").or_else(|| tweet.get("text")))
                    .map(|t| html::to_text(t, false))
                    .unwrap_or_default(),
                extra: Vec::new(),
                link: id.filter(|id| is_url_safe(id)).map(|id| format!("https://x.com/i/web/status/{id}")),
            });
        } else if let Some(note) = node.get("noteTweet") {
            sink.item(Item {
                id: id_of(note.get("tweetId").or_else(|| note.get("noteTweetId")), pointer),
                author: None,
                time: time_of(note.get("createdAt")),
                text: text_of(doc, note.path(&["core", "text"]).or_else(|| note.path(&["noteTweetResults", "text"])))
                    .map(|t| html::to_text(t, false))
                    .unwrap_or_default(),
                extra: Vec::new(),
                link: None,
            });
        }
    });
}
