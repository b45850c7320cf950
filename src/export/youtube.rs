//! YouTube Data API `commentThreads.list` (and `comments.list`) responses.
//!
//! Every `youtube#comment` object is an item: a thread's `topLevelComment` and the replies in
//! `replies.comments`. The text is `snippet.textOriginal` where the API gave it (only guaranteed
//! to the comment's author), else `snippet.textDisplay`, which is HTML.

use crate::export::json::Doc;
use crate::export::json::Node;
use crate::export::{Item, Sink, any_object, html, id_of, is_url_safe, text_of, time_of, walk};

fn kind(node: &Node) -> Option<&str> {
    node.get("kind").and_then(Node::as_str).map(|s| s.text.as_str())
}

pub fn recognise(root: &Node) -> bool {
    any_object(root, |n| kind(n).is_some_and(|k| k.starts_with("youtube#")))
}

pub fn items(doc: &Doc, root: &Node, sink: &mut Sink) {
    walk(root, &mut String::new(), &mut |node, pointer| {
        if kind(node) != Some("youtube#comment") {
            return;
        }
        let snippet = node.get("snippet");
        let field = |key: &str| snippet.and_then(|s| s.get(key));
        let text = match text_of(doc, field("textOriginal")) {
            Some(text) => text,
            None => text_of(doc, field("textDisplay")).map(|t| html::to_text(t, true)).unwrap_or_default(),
        };
        // A comment's own page: the video with the comment highlighted (`lc`).
        let video = field("videoId").and_then(Node::scalar_text);
        let id = node.get("id").and_then(Node::scalar_text);
        let link = video
            .zip(id)
            .filter(|(video, id)| is_url_safe(video) && is_url_safe(id))
            .map(|(video, id)| format!("https://www.youtube.com/watch?v={video}&lc={id}"));
        sink.item(Item {
            id: id_of(node.get("id"), pointer),
            author: text_of(doc, field("authorDisplayName")),
            time: time_of(field("publishedAt")),
            text,
            extra: Vec::new(),
            link,
        });
    });
}
