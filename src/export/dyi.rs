//! Facebook and Instagram "Download your information" (DYI) JSON: the account's own comments
//! and posts.
//!
//! Meta writes these files with every non-ASCII UTF-8 byte escaped on its own (`Zo\u00c3\u00ab`
//! for "Zoë"), so each text is repaired before it is checked, or a pupil's name with a diacritic
//! would never match (see [`MappedText::repair_mojibake`]). Instagram's keys follow the account's
//! language: a Dutch account writes `Opmerking` and `Tijd` for `Comment` and `Time`.
//!
//! Facebook: `comments_v2` (and `group_comments_v2`, …) entries, or a bare array of posts, each
//! `{timestamp, data: [{comment: {comment, author, timestamp}} | {post}], title}`; the title names
//! the other person ("… heeft gereageerd op het bericht van …") and is checked too.
//! Instagram: entries `{string_map_data: {Comment|Opmerking: {value}, Time|Tijd: {timestamp}}}`
//! in a bare array or under `comments_media_comments` / `comments_reels_comments`.

use crate::export::json::{Doc, Node, Value};
use crate::export::mapped::MappedText;
use crate::export::{Item, Sink, any_object, text_of, time_of, walk};

/// The Instagram keys for a comment's text and time, in English and Dutch.
const COMMENT_KEYS: [&str; 2] = ["Comment", "Opmerking"];
const TIME_KEYS: [&str; 2] = ["Time", "Tijd"];

fn repaired(text: MappedText) -> MappedText {
    text.repair_mojibake().unwrap_or(text)
}

fn repaired_text(doc: &Doc, node: Option<&Node>) -> Option<MappedText> {
    text_of(doc, node).map(repaired)
}

/// A Facebook DYI entry: an object whose `data` holds a `comment` object or a `post` string.
fn is_facebook_entry(node: &Node) -> bool {
    node.get("data").is_some_and(|data| {
        data.as_array().iter().any(|d| d.get("comment").is_some_and(Node::is_object) || d.get("post").is_some())
    })
}

pub fn recognise_facebook(root: &Node) -> bool {
    let v2_list =
        root.entries().iter().any(|(key, value)| key.ends_with("_v2") && matches!(value.value, Value::Array(_)));
    v2_list || root.as_array().iter().any(is_facebook_entry)
}

pub fn recognise_instagram(root: &Node) -> bool {
    root.entries().iter().any(|(key, _)| key == "comments_media_comments" || key == "comments_reels_comments")
        || any_object(root, |n| n.get("string_map_data").is_some())
}

pub fn facebook(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |entry, pointer| {
        if !entry.is_object() || !is_facebook_entry(entry) {
            return;
        }
        let mut title = repaired_text(doc, entry.get("title"));
        for (i, data) in entry.get("data").map(Node::as_array).unwrap_or_default().iter().enumerate() {
            let comment = data.get("comment");
            let Some(text) = repaired_text(doc, comment.and_then(|c| c.get("comment")).or_else(|| data.get("post")))
            else {
                continue;
            };
            sink.item(Item {
                id: format!("{pointer}/data/{i}"),
                author: repaired_text(doc, comment.and_then(|c| c.get("author"))),
                time: time_of(comment.and_then(|c| c.get("timestamp")).or_else(|| entry.get("timestamp"))),
                text,
                extra: title.take().into_iter().collect(),
                link: None,
            });
        }
    });
}

pub fn instagram(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |entry, pointer| {
        let Some(fields) = entry.get("string_map_data") else { return };
        let field = |keys: &[&str]| keys.iter().find_map(|k| fields.get(k));
        let Some(text) = repaired_text(doc, field(&COMMENT_KEYS).and_then(|c| c.get("value"))) else { return };
        sink.item(Item {
            id: pointer.to_string(),
            author: None,
            time: time_of(field(&TIME_KEYS).and_then(|t| t.get("timestamp"))),
            text,
            extra: Vec::new(),
            link: None,
        });
    });
}
