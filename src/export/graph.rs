//! Facebook and Instagram Graph API responses: comments (and posts) as the API returns them.
//!
//! A response is `{"data": [...], "paging": {...}}`, or a page's feed whose posts carry
//! `comments.data`, whose comments carry their replies again (`comments` on Facebook, `replies`
//! on Instagram); people also save several pages as one array. So every object in the tree that
//! looks like a comment or post is an item, wherever it sits; paging cursors are ignored.
//! Facebook: `id`, `message`, `from.name`, `created_time`. Instagram: `id`, `text`, `username`
//! (or `from.username`), `timestamp`, and a post's `caption`.

use crate::export::json::{Doc, Node};
use crate::export::{Item, Sink, any_object, id_of, link_of, text_of, time_of, walk};

fn has_string(node: &Node, key: &str) -> bool {
    node.get(key).and_then(Node::as_str).is_some()
}

/// `{"data": []}`: an empty page fits either platform.
fn empty_page(root: &Node) -> bool {
    root.get("data").is_some_and(|d| matches!(d.value, crate::export::json::Value::Array(ref a) if a.is_empty()))
}

fn is_facebook_item(node: &Node) -> bool {
    has_string(node, "message") && ["id", "created_time", "from"].iter().any(|k| node.get(k).is_some())
}

fn is_instagram_comment(node: &Node) -> bool {
    has_string(node, "text") && ["username", "timestamp", "from"].iter().any(|k| node.get(k).is_some())
}

fn is_instagram_post(node: &Node) -> bool {
    has_string(node, "caption") && ["media_type", "permalink", "timestamp"].iter().any(|k| node.get(k).is_some())
}

pub fn recognise_facebook(root: &Node) -> bool {
    empty_page(root) || any_object(root, is_facebook_item)
}

pub fn recognise_instagram(root: &Node) -> bool {
    empty_page(root) || any_object(root, |n| is_instagram_comment(n) || is_instagram_post(n))
}

pub fn facebook(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |node, pointer| {
        if node.is_object() && is_facebook_item(node) {
            sink.item(Item {
                id: id_of(node.get("id"), pointer),
                author: text_of(doc, node.path(&["from", "name"])),
                time: time_of(node.get("created_time")),
                text: text_of(doc, node.get("message")).unwrap_or_default(),
                extra: Vec::new(),
                link: link_of(node.get("permalink_url")),
            });
        }
    });
}

pub fn instagram(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |node, pointer| {
        if !node.is_object() {
            return;
        }
        let key = if is_instagram_comment(node) {
            "text"
        } else if is_instagram_post(node) {
            "caption"
        } else {
            return;
        };
        sink.item(Item {
            id: id_of(node.get("id"), pointer),
            author: text_of(doc, node.get("username").or_else(|| node.path(&["from", "username"]))),
            time: time_of(node.get("timestamp")),
            text: text_of(doc, node.get(key)).unwrap_or_default(),
            extra: Vec::new(),
            link: link_of(node.get("permalink")),
        });
    });
}
