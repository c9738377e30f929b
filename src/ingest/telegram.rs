//! Telegram Desktop exports: `result.json` (one chat, or a full export with
//! `chats.list`) and the HTML form (`messages.html`, `messages2.html`, …).
//!
//! Each message with text is one article: the chat or channel name is the
//! source, the message's `date` (the exporting computer's local time, as the
//! export shows it) gives the publication day, falling back to
//! `date_unixtime` (UTC) when `date` is missing or unreadable. The text is the
//! concatenation of `text_entities` (else `text`): plain strings and entity
//! objects (links, bold, hashtags, mentions, …) alike, by their visible text.
//! A message forwarded from elsewhere starts with `Forwarded from NAME`, so
//! the original source is shown in snippets and found by a search. The
//! article id is `result.json#<message id>` (`#<chat id>/<message id>` in a
//! full export, where ids repeat across chats). When the export names a
//! public channel (a `username` key beside `name`), the article's URL is its
//! public link `https://t.me/<username>/<id>`.
//!
//! Service messages (channel created, pinned, …) and messages without text
//! (a photo alone) are skipped and counted, not warned about.
//!
//! The JSON is read as a stream (serde_json with visitors, one message at a
//! time), so a 500 MB export costs a batch of articles, not a tree of the
//! whole file. The HTML form is small per file (Telegram splits it every
//! 1,000 messages) and parsed whole with `scraper`.

use std::fmt;

use chrono::NaiveDate;
use scraper::{ElementRef, Html, Selector};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;

use super::{date, new_article, non_empty, SkipReason};
use crate::model::{Article, Format};

/// Where the articles of a stream go, a batch at a time.
pub(crate) struct Sink<'a> {
    rel: &'a str,
    batch: Vec<Article>,
    cap: usize,
    on_batch: &'a mut dyn FnMut(Vec<Article>) -> Result<(), String>,
    /// Articles handed over.
    pub(crate) articles: usize,
    /// Service messages and messages without text.
    pub(crate) skipped: usize,
    /// Chats seen (1 for a single-chat export).
    chats: usize,
    /// Set once any Telegram key was seen at the top level.
    recognised: bool,
}

impl<'a> Sink<'a> {
    /// A sink that hands over `cap` articles at a time.
    pub(crate) fn new(
        rel: &'a str,
        cap: usize,
        on_batch: &'a mut dyn FnMut(Vec<Article>) -> Result<(), String>,
    ) -> Self {
        Sink {
            rel,
            batch: Vec::with_capacity(cap.min(4096)),
            cap: cap.max(1),
            on_batch,
            articles: 0,
            skipped: 0,
            chats: 0,
            recognised: false,
        }
    }

    fn push(&mut self, a: Article) -> Result<(), String> {
        self.batch.push(a);
        self.articles += 1;
        if self.batch.len() >= self.cap {
            self.flush()?;
        }
        Ok(())
    }

    /// Hands over what is left.
    pub(crate) fn flush(&mut self) -> Result<(), String> {
        if self.batch.is_empty() {
            return Ok(());
        }
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(self.cap.min(4096)));
        (self.on_batch)(batch)
    }
}

/// Whether the first bytes of a `.json` file look like a Telegram Desktop
/// export: a chat object (`"name"`, then a Telegram chat `"type"`) or a full
/// export (`"about"` mentioning Telegram, or `"personal_information"`).
pub(crate) fn sniff_json(head: &[u8]) -> bool {
    let head = String::from_utf8_lossy(head);
    let start = head.trim_start_matches('\u{feff}').trim_start();
    if !start.starts_with('{') {
        return false;
    }
    const CHAT_TYPES: &[&str] = &[
        "personal_chat",
        "bot_chat",
        "private_group",
        "private_supergroup",
        "public_supergroup",
        "private_channel",
        "public_channel",
        "saved_messages",
    ];
    let typed = CHAT_TYPES
        .iter()
        .any(|t| head.contains(&format!("\"{t}\"")));
    let chat = typed && head.contains("\"name\"") && head.contains("\"type\"");
    let full = head.contains("\"personal_information\"")
        || (start
            .trim_start_matches('{')
            .trim_start()
            .starts_with("\"about\"")
            && head.contains("Telegram"));
    chat || full
}

/// Streams the articles of a `result.json` from `de` into `sink`.
/// Errors are serde_json's messages (with line and column).
pub(crate) fn stream_json<'de, R: serde_json::de::Read<'de>>(
    de: &mut serde_json::Deserializer<R>,
    sink: &mut Sink<'_>,
) -> Result<(), String> {
    let top = ChatSeed {
        sink: &mut *sink,
        top: true,
    };
    top.deserialize(&mut *de).map_err(|e| e.to_string())?;
    de.end().map_err(|e| e.to_string())?;
    if !sink.recognised {
        return Err("not a Telegram export (no messages or chats key)".to_string());
    }
    sink.flush()
}

/// Parses a whole `result.json` held in memory.
pub(crate) fn parse_json(
    rel: &str,
    text: &str,
    skipped: &mut usize,
) -> Result<Vec<Article>, SkipReason> {
    let mut all = Vec::new();
    let mut collect = |batch: Vec<Article>| {
        all.extend(batch);
        Ok(())
    };
    let mut sink = Sink::new(rel, 4096, &mut collect);
    let mut de = serde_json::Deserializer::from_str(text);
    let result = stream_json(&mut de, &mut sink);
    *skipped += sink.skipped;
    drop(sink);
    result.map_err(|e| SkipReason::Malformed(format!("Telegram export: {e}")))?;
    Ok(all)
}

/// What is known of the chat whose messages stream past.
#[derive(Debug, Default, Clone)]
struct Chat {
    name: Option<String>,
    username: Option<String>,
    id: Option<String>,
}

/// A chat object: the top level of a single-chat export, an element of
/// `chats.list`, or (with `top`) the top level of a full export.
struct ChatSeed<'s, 'a> {
    sink: &'s mut Sink<'a>,
    top: bool,
}

impl<'de> DeserializeSeed<'de> for ChatSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ChatSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a Telegram chat object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut chat = Chat::default();
        let mut counted = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "name" => chat.name = map.next_value::<Option<String>>()?,
                "username" => chat.username = map.next_value::<Option<String>>()?,
                "id" => chat.id = map.next_value::<Option<Scalar>>()?.map(|s| s.0),
                "messages" => {
                    self.sink.recognised = true;
                    if !counted {
                        self.sink.chats += 1;
                        counted = true;
                    }
                    map.next_value_seed(MessagesSeed {
                        sink: &mut *self.sink,
                        chat: &chat,
                        full: !self.top,
                    })?;
                }
                "chats" | "left_chats" if self.top => {
                    self.sink.recognised = true;
                    map.next_value_seed(ListHolder {
                        sink: &mut *self.sink,
                    })?;
                }
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// `{"about": …, "list": [chat, …]}`.
struct ListHolder<'s, 'a> {
    sink: &'s mut Sink<'a>,
}

impl<'de> DeserializeSeed<'de> for ListHolder<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for ListHolder<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a list of chats")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            if key == "list" {
                map.next_value_seed(ChatList {
                    sink: &mut *self.sink,
                })?;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// `[chat, …]`.
struct ChatList<'s, 'a> {
    sink: &'s mut Sink<'a>,
}

impl<'de> DeserializeSeed<'de> for ChatList<'_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for ChatList<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of chats")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while seq
            .next_element_seed(ChatSeed {
                sink: &mut *self.sink,
                top: false,
            })?
            .is_some()
        {}
        Ok(())
    }
}

/// `"messages": [message, …]`, turned into articles as they stream past.
struct MessagesSeed<'s, 'a, 'c> {
    sink: &'s mut Sink<'a>,
    chat: &'c Chat,
    full: bool,
}

impl<'de> DeserializeSeed<'de> for MessagesSeed<'_, '_, '_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for MessagesSeed<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of messages")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(m) = seq.next_element::<Message>()? {
            match article_of(self.sink.rel, self.chat, self.full, m) {
                Some(a) => self.sink.push(a).map_err(de::Error::custom)?,
                None => self.sink.skipped += 1,
            }
        }
        Ok(())
    }
}

/// One message of a JSON export; unknown keys are skipped unread.
#[derive(Debug, Deserialize)]
struct Message {
    #[serde(default)]
    id: Option<Scalar>,
    #[serde(default, rename = "type")]
    kind: Option<String>,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    date_unixtime: Option<Scalar>,
    #[serde(default)]
    from: Option<String>,
    #[serde(default)]
    forwarded_from: Option<String>,
    #[serde(default)]
    text: Option<Text>,
    #[serde(default)]
    text_entities: Option<Vec<Part>>,
}

/// A string or a number, kept as text (ids and Unix times are written both
/// ways by different export versions).
#[derive(Debug)]
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// `text`: a plain string or a list of strings and entity objects.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Text {
    Plain(String),
    Parts(Vec<Part>),
}

/// One piece of a message text.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum Part {
    Plain(String),
    Entity {
        #[serde(default)]
        text: String,
    },
}

impl Part {
    fn text(&self) -> &str {
        match self {
            Part::Plain(s) | Part::Entity { text: s } => s,
        }
    }
}

/// The visible text of a message.
fn message_text(m: &Message) -> String {
    if let Some(parts) = m.text_entities.as_ref().filter(|p| !p.is_empty()) {
        return parts.iter().map(Part::text).collect();
    }
    match &m.text {
        Some(Text::Plain(s)) => s.clone(),
        Some(Text::Parts(parts)) => parts.iter().map(Part::text).collect(),
        None => String::new(),
    }
}

/// The article of one message, or `None` for a service message or one
/// without text.
fn article_of(rel: &str, chat: &Chat, full: bool, m: Message) -> Option<Article> {
    if m.kind.as_deref().is_some_and(|k| k != "message") {
        return None;
    }
    let text = message_text(&m);
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let msg_id = m.id.map(|s| s.0).unwrap_or_default();
    let id = match (&chat.id, full) {
        (Some(chat_id), true) => format!("{rel}#{chat_id}/{msg_id}"),
        _ => format!("{rel}#{msg_id}"),
    };
    let mut a = new_article(id, rel, Format::Telegram);
    a.source = chat.name.clone().or(m.from).and_then(|s| non_empty(&s));
    a.published = m
        .date
        .as_deref()
        .and_then(date::parse_date)
        .or_else(|| m.date_unixtime.as_ref().and_then(|s| unix_day(&s.0)));
    if let Some(user) = chat.username.as_deref().and_then(non_empty) {
        if !msg_id.is_empty() {
            a.url = Some(format!(
                "https://t.me/{}/{msg_id}",
                user.trim_start_matches('@')
            ));
        }
    }
    a.body = match m.forwarded_from.as_deref().and_then(non_empty) {
        Some(orig) => format!("Forwarded from {orig}\n\n{text}"),
        None => text.to_string(),
    };
    Some(a)
}

/// The UTC day of a Unix time in seconds.
fn unix_day(s: &str) -> Option<NaiveDate> {
    let secs: i64 = s.trim().parse().ok()?;
    chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive())
}

/// Whether a file name is one of an HTML export's pages.
pub(crate) fn is_html_page(file_name: &str) -> bool {
    let lower = file_name.to_ascii_lowercase();
    let Some(stem) = lower
        .strip_suffix(".html")
        .and_then(|s| s.strip_prefix("messages"))
    else {
        return false;
    };
    stem.bytes().all(|b| b.is_ascii_digit())
}

/// Parses one page of an HTML export, or `None` when it is not one (no
/// `history` block with messages), so the caller reads it as a web page.
pub(crate) fn parse_html(rel: &str, text: &str, skipped: &mut usize) -> Option<Vec<Article>> {
    if !text.contains("class=\"history\"") {
        return None;
    }
    let doc = Html::parse_document(text);
    let sel = |s: &str| Selector::parse(s).ok();
    let (history, message, header, date_sel, text_sel, from_sel, fwd_sel) = (
        sel("div.history")?,
        sel("div.message")?,
        sel("div.page_header .text")?,
        sel("div.date")?,
        sel("div.text")?,
        sel("div.from_name")?,
        sel("div.forwarded")?,
    );
    doc.select(&history).next()?;
    let chat = doc
        .select(&header)
        .next()
        .and_then(|e| non_empty(&inline_text(e)));
    let mut out = Vec::new();
    for msg in doc.select(&message) {
        let classes: Vec<&str> = msg.value().classes().collect();
        if !classes.contains(&"default") {
            // Service messages and date separators.
            *skipped += 1;
            continue;
        }
        let id = msg
            .value()
            .attr("id")
            .and_then(|s| s.strip_prefix("message"))
            .unwrap_or_default()
            .to_string();
        // The message's own text, not the text of a forwarded or replied-to
        // block nested inside it; a forwarded message's text sits in its
        // forwarded block.
        let forwarded = msg.select(&fwd_sel).next();
        let text = match forwarded {
            Some(fwd) => fwd.select(&text_sel).next(),
            None => msg.select(&text_sel).next(),
        }
        .map(block_text)
        .unwrap_or_default();
        let text = text.trim();
        if text.is_empty() {
            *skipped += 1;
            continue;
        }
        let mut a = new_article(format!("{rel}#{id}"), rel, Format::Telegram);
        a.source = chat.clone();
        a.published = msg
            .select(&date_sel)
            .find_map(|d| d.value().attr("title"))
            .and_then(html_date);
        let orig = forwarded
            .and_then(|f| f.select(&from_sel).next())
            .map(own_text)
            .and_then(|s| non_empty(&s));
        a.body = match orig {
            Some(orig) => format!("Forwarded from {orig}\n\n{text}"),
            None => text.to_string(),
        };
        if a.source.is_none() {
            a.source = msg
                .select(&from_sel)
                .next()
                .map(own_text)
                .and_then(|s| non_empty(&s));
        }
        out.push(a);
    }
    Some(out)
}

/// `05.11.2025 09:15:00 UTC+02:00` → 2025-11-05.
fn html_date(title: &str) -> Option<NaiveDate> {
    let day = title.split_whitespace().next()?;
    NaiveDate::parse_from_str(day, "%d.%m.%Y").ok()
}

/// Text of an element with whitespace collapsed.
fn inline_text(e: ElementRef<'_>) -> String {
    e.text()
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of the element itself, without its child elements (a `from_name`
/// holds the name and a date `<span>`).
fn own_text(e: ElementRef<'_>) -> String {
    e.children()
        .filter_map(|c| c.value().as_text().map(|t| t.to_string()))
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of a message's text block: `<br>` become line breaks, other markup
/// (bold, links, hashtags) gives its visible text.
fn block_text(e: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in e.descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(el) if el.name() == "br" => out.push('\n'),
            _ => {}
        }
    }
    out.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHAT: &str = r##"{
 "name": "Donbas Frontline Notes",
 "username": "donbas_notes",
 "type": "public_channel",
 "id": 1234567890,
 "messages": [
  {"id": 1, "type": "service", "date": "2025-11-01T08:00:00", "date_unixtime": "1761976800", "actor": "Donbas Frontline Notes", "action": "create_channel", "title": "Donbas Frontline Notes", "text": "", "text_entities": []},
  {"id": 2, "type": "message", "date": "2025-11-04T23:30:00", "date_unixtime": "1762291800", "from": "Donbas Frontline Notes", "from_id": "channel1234567890",
   "text": ["Fighting in ", {"type": "bold", "text": "Красноармейск"}, " ", {"type": "hashtag", "text": "#Pokrovsk"}, " ", {"type": "link", "text": "https://example.org/x"}],
   "text_entities": [{"type": "plain", "text": "Fighting in "}, {"type": "bold", "text": "Красноармейск"}, {"type": "plain", "text": " "}, {"type": "hashtag", "text": "#Pokrovsk"}, {"type": "plain", "text": " "}, {"type": "link", "text": "https://example.org/x"}]},
  {"id": 3, "type": "message", "date": "2025-11-05T10:00:00", "from": "Donbas Frontline Notes", "photo": "photos/p.jpg", "text": "", "text_entities": []},
  {"id": 4, "type": "message", "date_unixtime": 1762336800, "forwarded_from": "Other Channel", "text": "plain text only"}
 ]
}"##;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn single_chat_messages() {
        let mut skipped = 0;
        let arts = parse_json("tg/result.json", CHAT, &mut skipped).unwrap();
        assert_eq!(skipped, 2, "service message and photo without text");
        assert_eq!(arts.len(), 2);
        let a = &arts[0];
        assert_eq!(a.id, "tg/result.json#2");
        assert_eq!(a.path, "tg/result.json");
        assert_eq!(a.format, Format::Telegram);
        assert_eq!(a.source.as_deref(), Some("Donbas Frontline Notes"));
        assert_eq!(a.published, d("2025-11-04"), "local date, not UTC");
        assert_eq!(a.url.as_deref(), Some("https://t.me/donbas_notes/2"));
        assert_eq!(
            a.body,
            "Fighting in Красноармейск #Pokrovsk https://example.org/x"
        );
        let b = &arts[1];
        assert_eq!(b.published, d("2025-11-05"), "from date_unixtime");
        assert_eq!(b.body, "Forwarded from Other Channel\n\nplain text only");
    }

    #[test]
    fn full_export_with_chat_list() {
        let full = format!(
            r#"{{"about": "Here is the data you requested. Telegram ...", "personal_information": {{"user_id": 1, "first_name": "A"}},
              "contacts": {{"about": "x", "list": [{{"first_name": "B", "phone_number": "+1"}}]}},
              "chats": {{"about": "x", "list": [{CHAT}, {{"name": "Second", "type": "personal_chat", "id": 7, "messages": [{{"id": 2, "type": "message", "date": "2024-01-02T10:00:00", "text": "hello"}}]}}]}},
              "left_chats": {{"about": "x", "list": []}}}}"#
        );
        let mut skipped = 0;
        let arts = parse_json("result.json", &full, &mut skipped).unwrap();
        let ids: Vec<&str> = arts.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "result.json#1234567890/2",
                "result.json#1234567890/4",
                "result.json#7/2"
            ]
        );
        assert_eq!(arts[2].source.as_deref(), Some("Second"));
        assert!(sniff_json(full.as_bytes()));
        assert!(sniff_json(CHAT.as_bytes()));
        assert!(!sniff_json(br#"{"title": "x", "type": "article"}"#));
        assert!(!sniff_json(br#"[{"name": "x"}]"#));
    }

    #[test]
    fn truncated_and_foreign_json_are_malformed() {
        let cut = &CHAT[..CHAT.len() / 2];
        let mut skipped = 0;
        let err = parse_json("result.json", cut, &mut skipped).unwrap_err();
        assert_eq!(err.kind(), "malformed");
        assert!(err.to_string().contains("EOF"), "{err}");
        let err = parse_json("result.json", r#"{"name": "x"}"#, &mut skipped).unwrap_err();
        assert!(err.to_string().contains("not a Telegram export"), "{err}");
    }

    #[test]
    fn html_page() {
        let html = r##"<!DOCTYPE html><html><head><title>Exported Data</title></head><body>
<div class="page_wrap"><div class="page_header"><div class="content"><div class="text bold">Donbas Frontline Notes</div></div></div>
<div class="page_body chat_page"><div class="history">
<div class="message service" id="message-1"><div class="body details">4 November 2025</div></div>
<div class="message default clearfix" id="message2"><div class="pull_left userpic_wrap"></div><div class="body">
<div class="pull_right date details" title="04.11.2025 23:30:00 UTC+02:00">23:30</div>
<div class="from_name">Donbas Frontline Notes</div>
<div class="text">Fighting in <strong>Красноармейск</strong><br>second line <a href="#">#Pokrovsk</a></div></div></div>
<div class="message default clearfix joined" id="message4"><div class="body">
<div class="pull_right date details" title="05.11.2025 12:00:00 UTC+02:00">12:00</div>
<div class="forwarded body"><div class="from_name">Other Channel <span class="date details"> 05.11.2025 11:00:00</span></div><div class="text">forwarded words</div></div></div></div>
<div class="message default clearfix joined" id="message5"><div class="body"><div class="media_wrap clearfix">photo</div></div></div>
</div></div></div></body></html>"##;
        let mut skipped = 0;
        let arts = parse_html("ex/messages.html", html, &mut skipped).unwrap();
        assert_eq!(skipped, 2);
        assert_eq!(arts.len(), 2);
        assert_eq!(arts[0].id, "ex/messages.html#2");
        assert_eq!(arts[0].source.as_deref(), Some("Donbas Frontline Notes"));
        assert_eq!(arts[0].published, d("2025-11-04"));
        assert_eq!(
            arts[0].body,
            "Fighting in Красноармейск\nsecond line #Pokrovsk"
        );
        assert_eq!(
            arts[1].body,
            "Forwarded from Other Channel\n\nforwarded words"
        );
        assert!(parse_html("a.html", "<html><p>x</p></html>", &mut skipped).is_none());
        assert!(is_html_page("messages.html"));
        assert!(is_html_page("messages12.html"));
        assert!(!is_html_page("messages-old.html"));
    }
}
