//! ⑤ Self-contained HTML reports: an aligned pair side by side
//! ([`write_alignment`]) and one tagged article ([`write_mentions`]).
//!
//! Each report is one file with its CSS and a little JavaScript inline: no
//! network, no external fonts or scripts (a Content-Security-Policy says so to
//! the browser). Everything is in the markup, so the page reads the same with
//! JavaScript off and prints sensibly; the script only adds hover highlights,
//! a switch to hide the statements only one side has and switches that hide
//! the marks of one entity type.
//!
//! - **Rows.** Linked statements share a row: the statements of one connected
//!   group of links (many-to-many) on the left and right, the links with their
//!   score and evidence in the middle. A statement with no counterpart gets a
//!   row of its own marked "only in French" / "only in English". Rows follow
//!   the left article's reading order; each unlinked right statement sits
//!   beside its nearest linked neighbour in its own article (just after the
//!   row of the linked statement before it, or just before the row of the
//!   one after it), so each side reads in order as far as crossing links
//!   allow. The page opens on a link: only the right statements that no
//!   linked one precedes come before the first linked row, and those that
//!   no linked one follows (the article's tail) end the page. Every
//!   statement is shown once, with its id.
//! - **Mentions.** Each entity mention is a `<mark>` with `data-entity` and a
//!   `title` tooltip (label, type, id, the lexicon name matched and how it
//!   matched), coloured one colour per entity, the same on both sides and in
//!   the summary. Each mark and summary chip also shows its type
//!   (`data-type`) as a small badge coloured by type, as displaCy does, and
//!   a legend lists the types present. TERM mentions (general concepts such
//!   as munitions / ammunition) are many, so the side-by-side view marks one
//!   only where a link of its statement cites it as evidence, and only
//!   subtly: a dotted underline with the same tooltip, no colour and no
//!   badge. `tag --format html` marks every TERM it is given (with
//!   `--terms`) the same way.
//! - **Escaping.** All text and attribute values go through [`escape`], the
//!   one escape function; an article holding `<script>` shows it as text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{self, Write};

use super::alignment::{linked_share, made_by};
use super::document::{DocLink, DocMention, DocSide, DocUnaligned, Document, statement_word};
use super::entities::{self, EntityUse, Sides};
use super::evidence;
use super::mentions::{MentionRecord, plural};
use crate::align::EvidenceKind;
use crate::lexicon::EntityType;
use crate::span::Lang;
use crate::tag::MatchHow;

/// Escapes text for HTML, in element content and in quoted attribute values
/// alike: `& < > " '`, and line breaks as character references so one
/// element stays on one line of the file.
///
/// ```
/// use entente::report::html::escape;
/// assert_eq!(escape("<script>alert(\"1\")</script> & l’été"), "&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; l’été");
/// ```
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '<', '>', '"', '\'', '\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Writes an aligned pair as one HTML page: summary, then the two articles
/// side by side (see the module doc).
pub fn write_alignment(out: &mut dyn Write, doc: &Document) -> io::Result<()> {
    let (l, r) = (&doc.left, &doc.right);
    let no_uses = Vec::new();
    let uses = doc.entities.as_ref().unwrap_or(&no_uses);
    let palette = Palette::new(uses);
    let (left_name, right_name) = (doc.side_name(true), doc.side_name(false));
    let title = format!("{} ↔ {}", l.path, r.path);

    head(out, &format!("entente: {title}"), &palette)?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Alignment <small>{}</small></h1>", escape(&title))?;
    writeln!(out, "<section class=\"summary\">")?;
    writeln!(out, "<table class=\"stats\">")?;
    writeln!(
        out,
        "<thead><tr><th></th><th>{} <code>{}</code></th><th>{} <code>{}</code></th></tr></thead>",
        escape(&left_name),
        escape(&l.path),
        escape(&right_name),
        escape(&r.path)
    )?;
    writeln!(out, "<tbody>")?;
    let (nl, nr) = (l.statements.len(), r.statements.len());
    writeln!(
        out,
        "<tr><th>statements</th><td>{nl}</td><td>{nr}</td></tr>"
    )?;
    writeln!(
        out,
        "<tr><th>covered by links</th><td>{} ({:.0}%)</td><td>{} ({:.0}%)</td></tr>",
        nl - doc.unaligned.left.len().min(nl),
        100.0 * linked_share(l, doc.unaligned.left.len()),
        nr - doc.unaligned.right.len().min(nr),
        100.0 * linked_share(r, doc.unaligned.right.len())
    )?;
    writeln!(
        out,
        "<tr><th>links</th><td colspan=\"2\">{}</td></tr>",
        doc.links.len()
    )?;
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "<dl class=\"entities\">")?;
    if doc.entities.is_none() {
        writeln!(out, "<dt>Entities</dt>")?;
        writeln!(
            out,
            "<dd><span class=\"none\">not recorded in this alignment’s JSON</span></dd>"
        )?;
    }
    for (sides, title) in [
        (Sides::Both, "Both sides mention".to_string()),
        (Sides::Left, format!("Only in {left_name}")),
        (Sides::Right, format!("Only in {right_name}")),
    ]
    .into_iter()
    .filter(|_| doc.entities.is_some())
    {
        let these: Vec<&EntityUse> = uses.iter().filter(|u| u.sides() == sides).collect();
        writeln!(out, "<dt>{} ({})</dt>", escape(&title), these.len())?;
        writeln!(out, "<dd>")?;
        if these.is_empty() {
            writeln!(out, "<span class=\"none\">none</span>")?;
        }
        for u in these {
            let counts = match sides {
                Sides::Both => format!("{} · {}", u.left, u.right),
                Sides::Left => u.left.to_string(),
                Sides::Right => u.right.to_string(),
            };
            let tip = format!(
                "{} — {}, {}\nmentions: {} in {left_name}, {} in {right_name}",
                u.label,
                u.kind.code(),
                u.entity,
                u.left,
                u.right
            );
            chip(out, &palette, u, &counts, &tip)?;
        }
        writeln!(out, "</dd>")?;
    }
    writeln!(out, "</dl>")?;
    writeln!(
        out,
        "<p class=\"legend\">Linked statements share a row, with the links’ scores and evidence between them. \
         Each entity has one colour on both sides; <span class=\"term-sample\">dotted</span> words are TERM concepts a link cites. \
         Hover over a name for its label, the lexicon name it matched and how it matched. \
         Counts are mentions per side ({} · {}).</p>",
        escape(&left_name),
        escape(&right_name)
    )?;
    types_legend(out, uses)?;
    writeln!(out, "</section>")?;
    writeln!(
        out,
        "<p id=\"tools\" hidden><label><input type=\"checkbox\" id=\"linked-only\"> show linked statements only</label>{}</p>",
        type_switches(uses)
    )?;
    writeln!(out, "</header>")?;

    writeln!(out, "<main>")?;
    writeln!(out, "<table class=\"pairs\">")?;
    writeln!(
        out,
        "<colgroup><col class=\"side\"><col class=\"mid\"><col class=\"side\"></colgroup>"
    )?;
    writeln!(
        out,
        "<thead><tr><th>{} <code>{}</code></th><th>links</th><th>{} <code>{}</code></th></tr></thead>",
        escape(&left_name),
        escape(&l.path),
        escape(&right_name),
        escape(&r.path)
    )?;
    writeln!(out, "<tbody>")?;
    let cited = cited_terms(&doc.links);
    let sides = [(l, "l", &cited[0]), (r, "r", &cited[1])];
    for row in rows(&doc.links, &doc.unaligned, nl, nr) {
        match row {
            Row::Linked(group) => {
                writeln!(out, "<tr class=\"linked\">")?;
                statement_cell(out, sides[0], &group.left, &palette)?;
                writeln!(out, "<td class=\"mid\">")?;
                for link in group.links {
                    link_block(out, link, l.lang, r.lang, &palette)?;
                }
                writeln!(out, "</td>")?;
                statement_cell(out, sides[1], &group.right, &palette)?;
                writeln!(out, "</tr>")?;
            }
            Row::OnlyLeft(i) => {
                writeln!(out, "<tr class=\"only only-left\">")?;
                statement_cell(out, sides[0], &[i], &palette)?;
                writeln!(
                    out,
                    "<td class=\"mid\"><span class=\"only-note\">← only in {}</span></td>",
                    escape(&left_name)
                )?;
                writeln!(out, "<td class=\"side empty\"></td>")?;
                writeln!(out, "</tr>")?;
            }
            Row::OnlyRight(j) => {
                writeln!(out, "<tr class=\"only only-right\">")?;
                writeln!(out, "<td class=\"side empty\"></td>")?;
                writeln!(
                    out,
                    "<td class=\"mid\"><span class=\"only-note\">only in {} →</span></td>",
                    escape(&right_name)
                )?;
                statement_cell(out, sides[1], &[j], &palette)?;
                writeln!(out, "</tr>")?;
            }
        }
    }
    writeln!(out, "</tbody>")?;
    writeln!(out, "</table>")?;
    writeln!(out, "</main>")?;
    writeln!(
        out,
        "<footer class=\"meta\"><p>{}</p></footer>",
        escape(&made_by(doc))
    )?;
    foot(out)
}

/// Writes one tagged article as an HTML page: a summary of its entities, then
/// the text with every mention in `records` marked, as in [`write_alignment`].
pub fn write_mentions(
    out: &mut dyn Write,
    path: &str,
    text: &str,
    lang: Lang,
    records: &[MentionRecord],
) -> io::Result<()> {
    let uses = entities::of_records(records, &[]);
    let palette = Palette::new(&uses);
    head(out, &format!("entente: {path}"), &palette)?;
    writeln!(out, "<header>")?;
    writeln!(out, "<h1>Mentions <small>{}</small></h1>", escape(path))?;
    writeln!(out, "<section class=\"summary\">")?;
    let n_entity_mentions: usize = uses.iter().map(|u| u.left).sum();
    let n_terms = records.len() - n_entity_mentions;
    write!(
        out,
        "<p>{}: {} mention{} of {} entit{}",
        lang.name(),
        n_entity_mentions,
        plural(n_entity_mentions, "", "s"),
        uses.len(),
        plural(uses.len(), "y", "ies")
    )?;
    if n_terms > 0 {
        write!(out, ", {n_terms} TERM mention{}", plural(n_terms, "", "s"))?;
    }
    writeln!(out, ".</p>")?;
    writeln!(out, "<dl class=\"entities\">")?;
    writeln!(out, "<dt>Entities ({})</dt>", uses.len())?;
    writeln!(out, "<dd>")?;
    if uses.is_empty() {
        writeln!(out, "<span class=\"none\">none</span>")?;
    }
    for u in &uses {
        let tip = format!(
            "{} — {}, {}\nmentions: {}",
            u.label,
            u.kind.code(),
            u.entity,
            u.left
        );
        chip(out, &palette, u, &u.left.to_string(), &tip)?;
    }
    writeln!(out, "</dd>")?;
    writeln!(out, "</dl>")?;
    writeln!(
        out,
        "<p class=\"legend\">Each entity has one colour{}. Hover over a name for its label, the lexicon name it matched and how it matched.</p>",
        if n_terms > 0 {
            "; <span class=\"term-sample\">dotted</span> words are TERM concepts"
        } else {
            ""
        }
    )?;
    types_legend(out, &uses)?;
    writeln!(out, "</section>")?;
    if !uses.is_empty() {
        writeln!(out, "<p id=\"tools\" hidden>{}</p>", type_switches(&uses))?;
    }
    writeln!(out, "</header>")?;
    writeln!(out, "<main>")?;
    write!(out, "<article class=\"text\" lang=\"{}\">", lang.code())?;
    let mentions: Vec<DocMention> = records.iter().map(DocMention::from).collect();
    marked(out, text, 0, &mentions, &|_| true, &palette)?;
    writeln!(out, "</article>")?;
    writeln!(out, "</main>")?;
    foot(out)
}

/// One row of the side-by-side table.
#[derive(Debug)]
enum Row<'a> {
    /// A connected group of links.
    Linked(Group<'a>),
    /// A left statement in no link.
    OnlyLeft(usize),
    /// A right statement in no link.
    OnlyRight(usize),
}

/// Links connected through shared statements, and those statements in order.
#[derive(Debug, Default)]
struct Group<'a> {
    left: Vec<usize>,
    right: Vec<usize>,
    links: Vec<&'a DocLink>,
}

/// The rows of an alignment of `n_left` and `n_right` statements, in the
/// order the module doc gives.
fn rows<'a>(
    links: &'a [DocLink],
    unaligned: &DocUnaligned,
    n_left: usize,
    n_right: usize,
) -> Vec<Row<'a>> {
    // Union-find over statements: left i is node i, right j is node n_left + j.
    // The root of a group is its smallest node, so its first left statement.
    let mut parent: Vec<usize> = (0..n_left + n_right).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for link in links {
        let (x, y) = (
            root(&mut parent, link.left),
            root(&mut parent, n_left + link.right),
        );
        parent[x.max(y)] = x.min(y);
    }
    let mut groups: HashMap<usize, Group> = HashMap::new();
    for link in links {
        let g = groups.entry(root(&mut parent, link.left)).or_default();
        g.left.push(link.left);
        g.right.push(link.right);
        g.links.push(link);
    }
    let mut left_order: Vec<(usize, Row)> = groups
        .into_iter()
        .map(|(first_left, mut g)| {
            g.left.sort_unstable();
            g.left.dedup();
            g.right.sort_unstable();
            g.right.dedup();
            (first_left, Row::Linked(g))
        })
        .chain(unaligned.left.iter().map(|&i| (i, Row::OnlyLeft(i))))
        .collect();
    left_order.sort_by_key(|(first_left, _)| *first_left);

    let base: Vec<Row> = left_order.into_iter().map(|(_, row)| row).collect();

    // Each right-only statement goes beside its nearest linked neighbour in
    // its own article: just after the row of the one before it, or just
    // before the row of the one after it (ties go after: read on). Only the
    // statements no linked one precedes go before the first linked row, so
    // the page opens on a link, and those no linked one follows end it.
    let mut row_of_right: Vec<Option<usize>> = vec![None; n_right];
    for (k, row) in base.iter().enumerate() {
        if let Row::Linked(g) = row {
            for &j in &g.right {
                row_of_right[j] = Some(k);
            }
        }
    }
    let first_linked = base.iter().position(|row| matches!(row, Row::Linked(_)));
    let linked: Vec<usize> = (0..n_right)
        .filter(|&j| row_of_right[j].is_some())
        .collect();
    let mut before: Vec<Vec<usize>> = vec![Vec::new(); base.len()];
    let mut after: Vec<Vec<usize>> = vec![Vec::new(); base.len()];
    let mut tail = Vec::new();
    let mut only_right: Vec<usize> = unaligned.right.clone();
    only_right.sort_unstable();
    only_right.dedup();
    for j in only_right {
        let at = linked.partition_point(|&k| k < j);
        let prev = at.checked_sub(1).map(|i| linked[i]);
        let next = linked.get(at).copied();
        let row = |k: usize| row_of_right[k].unwrap_or_default();
        match (prev, next) {
            (Some(p), Some(n))
                if j - p <= n - j || row(p) == row(n) || Some(row(n)) == first_linked =>
            {
                after[row(p)].push(j)
            }
            (_, Some(n)) => before[row(n)].push(j),
            // The article's tail, after its last linked statement, ends the
            // page rather than follow that statement's row wherever it is.
            (_, None) => tail.push(j),
        }
    }
    let mut rows = Vec::with_capacity(base.len() + unaligned.right.len());
    for ((row, before), after) in base.into_iter().zip(before).zip(after) {
        rows.extend(before.into_iter().map(Row::OnlyRight));
        rows.push(row);
        rows.extend(after.into_iter().map(Row::OnlyRight));
    }
    rows.extend(tail.into_iter().map(Row::OnlyRight));
    rows
}

/// For each side, the TERM concepts each statement's links cite as evidence.
fn cited_terms(links: &[DocLink]) -> [HashMap<usize, HashSet<&str>>; 2] {
    let mut cited: [HashMap<usize, HashSet<&str>>; 2] = Default::default();
    for link in links {
        for e in link
            .evidence
            .iter()
            .filter(|e| e.kind == EvidenceKind::Term)
        {
            cited[0]
                .entry(link.left)
                .or_default()
                .insert(e.key.as_str());
            cited[1]
                .entry(link.right)
                .or_default()
                .insert(e.key.as_str());
        }
    }
    cited
}

/// One side of the pair as the table cells need it: the article, the prefix
/// of its statement anchors and the TERMs its links cite.
type SideView<'s> = (
    &'s DocSide,
    &'static str,
    &'s HashMap<usize, HashSet<&'s str>>,
);

/// A table cell with statements `ids` of one side.
fn statement_cell(
    out: &mut dyn Write,
    (side, prefix, cited): SideView,
    ids: &[usize],
    palette: &Palette,
) -> io::Result<()> {
    let lang = side.lang;
    writeln!(out, "<td class=\"side\" lang=\"{}\">", lang.code())?;
    for &i in ids {
        let st = &side.statements[i];
        let kind = statement_word(st.kind);
        let side_word = if prefix == "l" { "left" } else { "right" };
        write!(
            out,
            "<p class=\"stmt {kind}\" id=\"{prefix}{i}\" data-side=\"{side_word}\" data-id=\"{i}\"><a class=\"sid\" href=\"#{prefix}{i}\">{}&#160;{i}</a> ",
            lang.code().to_uppercase()
        )?;
        let terms = cited.get(&i);
        let shown = |m: &DocMention| {
            m.kind != EntityType::Term || terms.is_some_and(|t| t.contains(m.entity.as_str()))
        };
        marked(
            out,
            &st.text,
            st.start,
            side.mentions_in(i),
            &shown,
            palette,
        )?;
        writeln!(out, "</p>")?;
    }
    writeln!(out, "</td>")
}

/// One link in the middle column: the ids, the score and the evidence.
fn link_block(
    out: &mut dyn Write,
    link: &DocLink,
    left: Lang,
    right: Lang,
    palette: &Palette,
) -> io::Result<()> {
    writeln!(
        out,
        "<div class=\"link\" data-left=\"{}\" data-right=\"{}\" data-score=\"{:.4}\">",
        link.left, link.right, link.score
    )?;
    writeln!(
        out,
        "<p class=\"score\"><a href=\"#l{l}\">{}&#160;{l}</a> ↔ <a href=\"#r{r}\">{}&#160;{r}</a> <span title=\"link score in [0, 1]\">score {:.2}</span> <meter min=\"0\" max=\"1\" value=\"{:.4}\"></meter></p>",
        left.code().to_uppercase(),
        right.code().to_uppercase(),
        link.score,
        link.score,
        l = link.left,
        r = link.right,
    )?;
    writeln!(out, "<ul class=\"evidence\">")?;
    for line in evidence::lines(&link.evidence) {
        // Entities and TERMs are lexicon entries: hovering lights their mentions.
        let entry = line
            .pieces
            .iter()
            .find(|p| matches!(p.kind, EvidenceKind::Entity | EvidenceKind::Term));
        let colour = entry
            .filter(|p| p.kind == EvidenceKind::Entity)
            .and_then(|p| palette.class(&p.key));
        let entity = entry.map_or(String::new(), |p| {
            format!(" data-entity=\"{}\"", escape(&p.key))
        });
        let names = line.names();
        let label = if names.is_empty() {
            String::new()
        } else {
            format!(
                " <span class=\"label\">{}</span>",
                escape(&names.join(", "))
            )
        };
        let tip: Vec<String> = line.pieces.iter().map(|p| evidence::describe(p)).collect();
        writeln!(
            out,
            "<li><span class=\"kind\">{}</span> <span class=\"ev{}\"{entity} title=\"{}\">{}</span>{label}</li>",
            line.kind_words(),
            colour.map_or(String::new(), |c| format!(" ent e{c}")),
            escape(&tip.join("\n")),
            escape(&line.pair())
        )?;
    }
    writeln!(out, "</ul>")?;
    writeln!(out, "</div>")
}

/// An entity in the summary: its colour, label, type and mention counts.
fn chip(
    out: &mut dyn Write,
    palette: &Palette,
    u: &EntityUse,
    counts: &str,
    tip: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "<span class=\"chip{}\" data-entity=\"{}\" data-type=\"{}\" title=\"{}\">{} <small>{}</small></span>",
        palette
            .class(&u.entity)
            .map_or(String::new(), |c| format!(" e{c}")),
        escape(&u.entity),
        u.kind.code(),
        escape(tip),
        escape(&u.label),
        escape(counts)
    )
}

/// The entity types (not TERM), with the colour of their badges and a word
/// for each, in the order the documentation lists them.
const TYPES: [(EntityType, &str, &str); 6] = [
    (EntityType::Person, "#c9bfff", "person"),
    (EntityType::Organisation, "#9fe8e8", "organisation"),
    (EntityType::Political, "#fed58f", "country, city, region"),
    (EntityType::Location, "#ffb38c", "place"),
    (EntityType::Facility, "#c5dcdc", "facility"),
    (EntityType::Event, "#f5e27a", "event"),
];

/// The types that `uses` have, in [`TYPES`] order.
fn types_of(uses: &[EntityUse]) -> Vec<(EntityType, &'static str, &'static str)> {
    TYPES
        .into_iter()
        .filter(|(kind, _, _)| uses.iter().any(|u| u.kind == *kind))
        .collect()
}

/// The legend of the type badges each mark carries, as displaCy shows them.
fn types_legend(out: &mut dyn Write, uses: &[EntityUse]) -> io::Result<()> {
    let types = types_of(uses);
    if types.is_empty() {
        return Ok(());
    }
    let items: Vec<String> = types
        .iter()
        .map(|(kind, _, word)| {
            format!(
                "<span class=\"type\" data-type=\"{}\">{}</span> {word}",
                kind.code(),
                kind.code()
            )
        })
        .collect();
    writeln!(
        out,
        "<p class=\"types\">Types: {}. Each name carries its type’s badge.</p>",
        items.join(" · ")
    )
}

/// The switches that hide the marks and chips of one type (shown by the script).
fn type_switches(uses: &[EntityUse]) -> String {
    let types = types_of(uses);
    if types.is_empty() {
        return String::new();
    }
    let boxes: Vec<String> = types
        .iter()
        .map(|(kind, _, _)| {
            format!(
                "<label><input type=\"checkbox\" data-hide-type=\"{0}\"> {0}</label>",
                kind.code()
            )
        })
        .collect();
    format!(
        " <span class=\"hide-types\">hide: {}</span>",
        boxes.join(" ")
    )
}

/// The CSS of the types: each type's badge colour, and what hiding it hides.
fn types_css() -> String {
    let mut css = String::new();
    for (kind, colour, _) in TYPES {
        let code = kind.code();
        css.push_str(&format!("[data-type=\"{code}\"]{{--t:{colour}}}\n"));
        css.push_str(&format!(
            "body.hide-{code} mark.ent[data-type=\"{code}\"]{{background:none;box-shadow:none;cursor:auto}}\n\
             body.hide-{code} mark.ent[data-type=\"{code}\"]::after{{display:none}}\n\
             body.hide-{code} .chip[data-type=\"{code}\"]{{opacity:.35}}\n"
        ));
    }
    css
}

/// Writes `text`, which starts at byte `base` of its article, escaped, with
/// the `mentions` that lie in it and are `shown` marked. `mentions` are in
/// text order; one that overlaps the previous one or does not fit `text` on
/// character boundaries is left unmarked.
fn marked(
    out: &mut dyn Write,
    text: &str,
    base: usize,
    mentions: &[DocMention],
    shown: &dyn Fn(&DocMention) -> bool,
    palette: &Palette,
) -> io::Result<()> {
    let mut at = 0;
    for m in mentions {
        let (Some(start), Some(end)) = (m.start.checked_sub(base), m.end.checked_sub(base)) else {
            continue;
        };
        if start < at || !shown(m) {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        write!(out, "{}", escape(before))?;
        mark(out, m, inside, palette)?;
        at = end;
    }
    write!(out, "{}", escape(&text[at..]))
}

/// One mention: a `<mark>` with its entity, colour and tooltip.
fn mark(out: &mut dyn Write, r: &DocMention, text: &str, palette: &Palette) -> io::Result<()> {
    let class = match palette.class(&r.entity) {
        Some(c) if r.kind != EntityType::Term => format!("ent e{c}"),
        _ => "term".to_string(),
    };
    let how = match r.how {
        MatchHow::Exact => "exact (spelled as in the lexicon)".to_string(),
        MatchHow::Folded => {
            "folded (the same once case, accents and punctuation are set aside)".to_string()
        }
        MatchHow::Translit => format!(
            "translit (a transliteration variant), confidence {:.2}",
            r.confidence
        ),
        MatchHow::Fuzzy => format!("fuzzy (a close spelling), confidence {:.2}", r.confidence),
        MatchHow::Stem => format!(
            "stem (another form of the lexicon name's words), confidence {:.2}",
            r.confidence
        ),
    };
    let tip = format!(
        "{} — {}, {}\nlexicon name: {}\nmatch: {how}",
        r.label,
        r.kind.code(),
        r.entity,
        r.name
    );
    write!(
        out,
        "<mark class=\"{class}\" data-entity=\"{}\" data-type=\"{}\" data-match=\"{}\" title=\"{}\">{}</mark>",
        escape(&r.entity),
        r.kind.code(),
        r.how.as_str(),
        escape(&tip),
        escape(text)
    )
}

/// One colour per entity (not TERMs), numbered in the summary's order. The
/// entities both sides mention come first, most mentioned first, so they get
/// the most distinct colours: they are the ones a reader matches across the
/// columns.
struct Palette<'a> {
    index: HashMap<&'a str, usize>,
}

impl<'a> Palette<'a> {
    fn new(uses: &'a [EntityUse]) -> Palette<'a> {
        let rank = |u: &EntityUse| match u.sides() {
            Sides::Both => 0,
            Sides::Left => 1,
            Sides::Right => 2,
        };
        let mut ordered: Vec<&EntityUse> = uses.iter().collect();
        ordered.sort_by_key(|u| rank(u));
        let index = ordered
            .into_iter()
            .enumerate()
            .map(|(i, u)| (u.entity.as_str(), i))
            .collect();
        Palette { index }
    }

    /// The colour number of an entity, if it has one.
    fn class(&self, entity: &str) -> Option<usize> {
        self.index.get(entity).copied()
    }

    /// One CSS rule per colour: `.e3{--c:…;--b:…}`. Hues step by the golden
    /// angle so neighbours in mention order differ; every ninth entity starts a
    /// darker round so later colours do not repeat earlier ones.
    fn css(&self) -> String {
        let mut css = String::new();
        for i in 0..self.index.len() {
            let hue = (i as f64 * 137.508) % 360.0;
            let light = [88, 80, 72][(i / 9) % 3];
            css.push_str(&format!(
                ".e{i}{{--c:hsl({hue:.0} 80% {light}%);--b:hsl({hue:.0} 60% 35%)}}\n"
            ));
        }
        css
    }
}

/// The page up to `<body>`: charset, policy, title and styles.
fn head(out: &mut dyn Write, title: &str, palette: &Palette) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"en\">")?;
    writeln!(out, "<head>")?;
    writeln!(out, "<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">"
    )?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", escape(title))?;
    writeln!(out, "<style>")?;
    write!(out, "{STYLE}")?;
    write!(out, "{}", types_css())?;
    write!(out, "{}", palette.css())?;
    writeln!(out, "</style>")?;
    writeln!(out, "</head>")?;
    writeln!(out, "<body>")
}

/// The script and the end of the page.
fn foot(out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "<script>")?;
    write!(out, "{SCRIPT}")?;
    writeln!(out, "</script>")?;
    writeln!(out, "</body>")?;
    writeln!(out, "</html>")
}

/// The page's style sheet (`html.css`), inlined so the page is one file.
const STYLE: &str = include_str!("html.css");

/// The page's script (`html.js`): highlighting, the linked-only and type
/// switches; the page reads the same without it.
const SCRIPT: &str = include_str!("html.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_covers_text_and_attributes() {
        let cases = [
            ("plain l’été", "plain l’été"),
            (
                "<script>alert(1)</script>",
                "&lt;script&gt;alert(1)&lt;/script&gt;",
            ),
            ("a & b &amp;", "a &amp; b &amp;amp;"),
            ("\"x\" 'y'", "&quot;x&quot; &#39;y&#39;"),
            ("two\nlines\r\n", "two&#10;lines&#13;&#10;"),
        ];
        for (text, want) in cases {
            assert_eq!(escape(text), want, "{text:?}");
        }
        assert!(matches!(escape("nothing to do"), Cow::Borrowed(_)));
    }

    /// `L3`, `R5`, `L0-2+R1` (a group), in the order of the rows.
    fn row_names(links: &[(usize, usize)], n_left: usize, n_right: usize) -> Vec<String> {
        let links: Vec<DocLink> = links
            .iter()
            .map(|&(left, right)| DocLink {
                left,
                right,
                score: 0.5,
                evidence: vec![],
            })
            .collect();
        let unlinked = |n, side: fn(&DocLink) -> usize| {
            (0..n)
                .filter(|i| !links.iter().any(|l| side(l) == *i))
                .collect()
        };
        let unaligned = DocUnaligned {
            left: unlinked(n_left, |l| l.left),
            right: unlinked(n_right, |l| l.right),
        };
        let ids = |v: &[usize]| v.iter().map(usize::to_string).collect::<Vec<_>>().join("-");
        rows(&links, &unaligned, n_left, n_right)
            .iter()
            .map(|row| match row {
                Row::Linked(g) => format!("L{}+R{}", ids(&g.left), ids(&g.right)),
                Row::OnlyLeft(i) => format!("L{i}"),
                Row::OnlyRight(j) => format!("R{j}"),
            })
            .collect()
    }

    #[test]
    fn rows_follow_the_left_and_place_the_right_beside_its_neighbours() {
        /// Links, statements per side, and the rows expected.
        type Case = (
            &'static [(usize, usize)],
            usize,
            usize,
            &'static [&'static str],
        );
        let cases: [Case; 12] = [
            (&[], 2, 2, &["L0", "L1", "R0", "R1"]),
            (&[(0, 0), (1, 1)], 2, 2, &["L0+R0", "L1+R1"]),
            // Right-only statements go beside their nearest linked neighbour.
            (&[(1, 2)], 3, 4, &["L0", "R0", "R1", "L1+R2", "L2", "R3"]),
            // Many-to-many: one group, one row.
            (&[(0, 0), (0, 1), (1, 1)], 2, 2, &["L0-1+R0-1"]),
            // The tail of the right article ends the page (regression: 000–002
            // opened on its 5 last statements, after the first French one).
            (&[(0, 2), (1, 0)], 2, 4, &["L0+R2", "L1+R0", "R1", "R3"]),
            // Crossing links keep the left order; R1 follows R0, as near as R2.
            (&[(0, 2), (1, 0)], 2, 3, &["L0+R2", "L1+R0", "R1"]),
            // A group spanning left 0 and 3 is one row at 0.
            (&[(0, 0), (3, 0), (1, 1)], 4, 2, &["L0-3+R0", "L1+R1", "L2"]),
            // Regression: the English statements before the one linked to the
            // first French statement all came first (15 rows for 000–002).
            // Only those no linked statement precedes may come before the
            // first link (regression: R4, nearer R5, came first).
            (
                &[(0, 5), (1, 1)],
                2,
                6,
                &["L0+R5", "R0", "L1+R1", "R2", "R3", "R4"],
            ),
            (&[(0, 3), (1, 0)], 2, 4, &["L0+R3", "L1+R0", "R1", "R2"]),
            (
                &[(1, 3), (2, 0)],
                3,
                4,
                &["L0", "L1+R3", "L2+R0", "R1", "R2"],
            ),
            // Elsewhere the nearer neighbour wins: R4 goes before L2's row.
            (
                &[(0, 0), (1, 2), (2, 5)],
                3,
                6,
                &["L0+R0", "R1", "L1+R2", "R3", "R4", "L2+R5"],
            ),
            // Inside a group's span, a right-only statement follows the group.
            (&[(0, 0), (0, 3)], 1, 4, &["L0+R0-3", "R1", "R2"]),
        ];
        for (links, n_left, n_right, want) in cases {
            assert_eq!(row_names(links, n_left, n_right), want, "{links:?}");
        }
    }

    #[test]
    fn palette_puts_shared_entities_first_and_skips_terms() {
        let rec = |entity, kind| MentionRecord {
            start: 0,
            end: 0,
            text: "",
            entity,
            label: entity,
            kind,
            how: MatchHow::Exact,
            name: entity,
            confidence: 1.0,
            kb_id: None,
        };
        let left = [
            rec("a", EntityType::Person),
            rec("a", EntityType::Person),
            rec("ammo", EntityType::Term),
            rec("b", EntityType::Political),
        ];
        let right = [
            rec("b", EntityType::Political),
            rec("c", EntityType::Location),
            rec("ammo", EntityType::Term),
        ];
        let uses = entities::of_records(&left, &right);
        let p = Palette::new(&uses);
        assert_eq!(
            [p.class("b"), p.class("a"), p.class("c"), p.class("ammo")],
            [Some(0), Some(1), Some(2), None]
        );
        assert_eq!(p.css().lines().count(), 3);
    }
}
