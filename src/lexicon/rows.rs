//! Reading one lexicon CSV file into rows, each with its line number, and
//! every problem found in it (not just the first).

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::Serialize;

use crate::error::{ErrorKind, Problem};
use crate::span::Lang;

/// The kinds of entry a lexicon holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum EntityType {
    /// A person.
    #[serde(rename = "PER")]
    Person,
    /// An organisation.
    #[serde(rename = "ORG")]
    Organisation,
    /// A country, city or region as a political unit.
    #[serde(rename = "GPE")]
    Political,
    /// Another place (sea, mountain, region as geography).
    #[serde(rename = "LOC")]
    Location,
    /// A facility (cosmodrome, plant, base).
    #[serde(rename = "FAC")]
    Facility,
    /// An event.
    #[serde(rename = "EVENT")]
    Event,
    /// A general concept the aligner uses (ammunition / munitions).
    #[serde(rename = "TERM")]
    Term,
}

impl EntityType {
    /// All types, in the order the documentation lists them.
    pub const ALL: [EntityType; 7] = [
        EntityType::Person,
        EntityType::Organisation,
        EntityType::Political,
        EntityType::Location,
        EntityType::Facility,
        EntityType::Event,
        EntityType::Term,
    ];

    /// The code used in CSV and JSON (`PER`, `GPE`, …).
    pub fn code(self) -> &'static str {
        match self {
            EntityType::Person => "PER",
            EntityType::Organisation => "ORG",
            EntityType::Political => "GPE",
            EntityType::Location => "LOC",
            EntityType::Facility => "FAC",
            EntityType::Event => "EVENT",
            EntityType::Term => "TERM",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for EntityType {
    type Err = String;

    fn from_str(s: &str) -> Result<EntityType, String> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.code() == s)
            .ok_or_else(|| {
                format!("unknown type {s:?} (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)")
            })
    }
}

/// The language a name belongs to: French, English, or both (`*`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum NameLang {
    /// `fr`
    #[serde(rename = "fr")]
    Fr,
    /// `en`
    #[serde(rename = "en")]
    En,
    /// `*`: the same in every language.
    #[serde(rename = "*")]
    Any,
}

impl NameLang {
    /// The code used in CSV (`fr`, `en`, `*`).
    pub fn code(self) -> &'static str {
        match self {
            NameLang::Fr => "fr",
            NameLang::En => "en",
            NameLang::Any => "*",
        }
    }

    /// The one language this name is written in, if it is not `*`.
    pub fn lang(self) -> Option<Lang> {
        match self {
            NameLang::Fr => Some(Lang::Fr),
            NameLang::En => Some(Lang::En),
            NameLang::Any => None,
        }
    }

    /// True when a name of this language may be used in a text of `lang`.
    pub fn fits(self, lang: Lang) -> bool {
        self.lang().is_none_or(|l| l == lang)
    }
}

impl FromStr for NameLang {
    type Err = String;

    fn from_str(s: &str) -> Result<NameLang, String> {
        match s {
            "fr" => Ok(NameLang::Fr),
            "en" => Ok(NameLang::En),
            "*" => Ok(NameLang::Any),
            other => Err(format!("unknown language {other:?} (expected fr, en or *)")),
        }
    }
}

/// The columns every lexicon file must have.
pub const REQUIRED_COLUMNS: [&str; 4] = ["entity", "type", "lang", "name"];

/// One valid row of a lexicon file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The entry's id.
    pub entity: String,
    /// The entry's type.
    pub kind: EntityType,
    /// The name's language.
    pub lang: NameLang,
    /// The surface form.
    pub name: String,
    /// The 1-based line the row starts on.
    pub line: u64,
    /// Optional columns (`stands_for`, `note`, `wikidata`, …), non-empty values only.
    pub extra: BTreeMap<String, String>,
}

/// A parsed file: its header, its valid rows and the problems of the others.
#[derive(Clone, Debug, Default)]
pub struct ParsedFile {
    /// The header's columns, in file order.
    pub header: Vec<String>,
    /// Rows that passed every check.
    pub rows: Vec<Row>,
    /// One problem per bad row or header (with path and line).
    pub problems: Vec<Problem>,
}

impl ParsedFile {
    /// The error kind of this file's problems.
    pub const ERROR_KIND: ErrorKind = ErrorKind::Lexicon;
}

/// Parses a lexicon file's text; `path` is only used to locate problems.
/// A large file is cut into pieces of whole records, parsed on every core.
pub fn parse(path: &Path, text: &str) -> ParsedFile {
    let pieces = (text.len() / PIECE_BYTES).clamp(1, rayon::current_num_threads());
    parse_in(path, text, pieces)
}

/// Below this size a file is parsed in one piece: cutting it costs more
/// than it saves.
const PIECE_BYTES: usize = 1 << 20;

/// [`parse`] in (about) `pieces` pieces; the result does not depend on how many.
fn parse_in(path: &Path, text: &str, pieces: usize) -> ParsedFile {
    let mut parsed = ParsedFile::default();
    let problem = |line: u64, message: String| Problem {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some(line) = unterminated_quote_line(text) {
        parsed.problems.push(problem(
            line,
            "unterminated quote: a field opens with \" and never closes (close it, or double an inner \" as \"\")".into(),
        ));
        return parsed;
    }
    let lines = LineIndex::new(text);
    let mut reader = csv_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let header = match reader
        .read_record(&mut record)
        .map(|more| more.then(|| record.clone()))
        .transpose()
    {
        None => {
            parsed.problems.push(problem(
                1,
                "empty file: expected a header row `entity,type,lang,name`".into(),
            ));
            return parsed;
        }
        Some(Err(e)) => {
            parsed
                .problems
                .push(problem(1, format!("unreadable header: {e}")));
            return parsed;
        }
        Some(Ok(h)) => h,
    };
    parsed.header = header.iter().map(|c| c.trim().to_string()).collect();
    let Some(columns) = Columns::find(&parsed.header) else {
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .copied()
            .filter(|c| !parsed.header.iter().any(|h| h == c))
            .collect();
        parsed.problems.push(problem(
            1,
            format!(
                "header lacks column{} {} (a lexicon needs entity, type, lang and name)",
                if missing.len() > 1 { "s" } else { "" },
                missing.join(", ")
            ),
        ));
        return parsed;
    };
    let body = usize::try_from(reader.position().byte()).unwrap_or(text.len());
    let mut starts = vec![body];
    starts.extend(record_cuts(text.as_bytes(), body, pieces));
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let ranges: Vec<(usize, usize)> = starts.iter().copied().zip(ends).collect();
    let piece = |&(start, end): &(usize, usize)| {
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        let bytes = text.as_bytes().get(start..end).unwrap_or_default();
        let mut reader = csv_reader(bytes);
        // One record, reused for every row: a fresh one per row was a tenth of
        // loading a million names (allocating and freeing).
        let mut record = csv::StringRecord::new();
        loop {
            let at = |byte: u64| lines.record_line(start as u64 + byte);
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    let line = e.position().map(|p| at(p.byte())).unwrap_or(0);
                    problems.push(problem(line, format!("unreadable row: {e}")));
                    continue;
                }
            }
            let line = record.position().map(|p| at(p.byte())).unwrap_or(0);
            if record.len() == 1 && record.get(0).is_some_and(|f| f.trim().is_empty()) {
                continue; // a blank line
            }
            match columns.row(&record, &parsed.header, line) {
                Ok(row) => rows.push(row),
                Err(message) => problems.push(problem(line, message)),
            }
        }
        (rows, problems)
    };
    use rayon::prelude::*;
    // One piece (every small file) is parsed here, without the thread pool.
    let results: Vec<(Vec<Row>, Vec<Problem>)> = if ranges.len() > 1 {
        ranges.par_iter().map(piece).collect()
    } else {
        ranges.iter().map(piece).collect()
    };
    parsed
        .rows
        .reserve(results.iter().map(|(rows, _)| rows.len()).sum());
    for (rows, problems) in results {
        parsed.rows.extend(rows);
        parsed.problems.extend(problems);
    }
    parsed
}

/// How lexicon files are read: the header is checked by hand, rows may have
/// a wrong number of fields (reported, not fatal).
fn csv_reader(bytes: &[u8]) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
}

/// Where records start after byte `from`, cutting `text` into about `pieces`
/// pieces of whole records: after a line break that ends a record, not one
/// inside a quoted field.
fn record_cuts(text: &[u8], from: usize, pieces: usize) -> Vec<usize> {
    let mut cuts = Vec::new();
    let step = text.len().saturating_sub(from) / pieces.max(1);
    if pieces < 2 || step == 0 {
        return cuts;
    }
    let mut target = from + step;
    let mut state = Quoting::FieldStart;
    for (i, &b) in text.iter().enumerate().skip(from) {
        state = state.next(b);
        if b == b'\n' && state == Quoting::FieldStart && i + 1 >= target && i + 1 < text.len() {
            cuts.push(i + 1);
            if cuts.len() == pieces - 1 {
                break;
            }
            target = i + 1 + step;
        }
    }
    cuts
}

/// Where a byte of a CSV file stands with regard to quotes, as the `csv`
/// crate reads them: a quote opens a field only at its start, `""` inside
/// quotes is one quote, and after the closing quote the rest of the field
/// is taken as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Quoting {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

impl Quoting {
    fn next(self, b: u8) -> Quoting {
        use Quoting::*;
        match (self, b) {
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (QuoteInQuoted, b'"') | (FieldStart, b'"') => Quoted,
            (_, b',' | b'\n' | b'\r') => FieldStart,
            _ => Unquoted,
        }
    }
}

/// Where the four required columns are.
struct Columns {
    entity: usize,
    kind: usize,
    lang: usize,
    name: usize,
}

impl Columns {
    fn find(header: &[String]) -> Option<Columns> {
        let at = |name: &str| header.iter().position(|h| h == name);
        Some(Columns {
            entity: at("entity")?,
            kind: at("type")?,
            lang: at("lang")?,
            name: at("name")?,
        })
    }

    fn row(&self, record: &csv::StringRecord, header: &[String], line: u64) -> Result<Row, String> {
        if record.len() != header.len() {
            return Err(format!(
                "row has {} field{}, the header has {} (check for a missing or extra comma)",
                record.len(),
                if record.len() == 1 { "" } else { "s" },
                header.len()
            ));
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let entity = field(self.entity);
        check_id(entity)?;
        let kind: EntityType = field(self.kind).parse()?;
        let lang: NameLang = field(self.lang).parse()?;
        let name = field(self.name);
        check_name(name)?;
        let extra: BTreeMap<String, String> = header
            .iter()
            .enumerate()
            .filter(|(i, _)| ![self.entity, self.kind, self.lang, self.name].contains(i))
            .filter(|(i, _)| !field(*i).is_empty())
            .map(|(i, h)| (h.clone(), field(i).to_string()))
            .collect();
        if let Some(how) = extra.get(super::MATCH_COLUMN)
            && how != super::MATCH_EXACT
        {
            return Err(format!(
                "unknown {} value {how:?} (expected {} or nothing)",
                super::MATCH_COLUMN,
                super::MATCH_EXACT
            ));
        }
        Ok(Row {
            entity: entity.to_string(),
            kind,
            lang,
            name: name.to_string(),
            line,
            extra,
        })
    }
}

/// Entity ids are `[a-z0-9_]+` so that they are stable in JSON and scripts.
pub fn check_id(id: &str) -> Result<(), String> {
    if id.is_empty() {
        return Err("empty entity id".into());
    }
    if !id
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(format!(
            "entity id {id:?} must be lower-case letters, digits and _ only, e.g. sergei_shoigu"
        ));
    }
    Ok(())
}

/// A name must be findable: not empty, not padded, with a letter or digit.
pub fn check_name(name: &str) -> Result<(), String> {
    if name.trim().is_empty() {
        return Err("empty name".into());
    }
    if name.trim() != name {
        return Err(format!("name {name:?} has leading or trailing spaces"));
    }
    if name.contains(['\n', '\r']) {
        return Err(format!("name {name:?} spans several lines"));
    }
    if !name.chars().any(char::is_alphanumeric) {
        return Err(format!(
            "name {name:?} has no letter or digit, so it can never be found"
        ));
    }
    Ok(())
}

/// The line of a quote that opens a field and never closes, if any. The `csv`
/// crate would otherwise read the rest of the file into that field silently.
fn unterminated_quote_line(text: &str) -> Option<u64> {
    let mut state = Quoting::FieldStart;
    let mut line = 1u64;
    let mut opened_at = 0;
    for b in text.bytes() {
        let next = state.next(b);
        if state == Quoting::FieldStart && next == Quoting::Quoted {
            opened_at = line;
        }
        if b == b'\n' {
            line += 1;
        }
        state = next;
    }
    (state == Quoting::Quoted).then_some(opened_at)
}

/// Line numbers from byte offsets, counted on `\n` so that CRLF and LF files
/// number their lines alike.
struct LineIndex<'t> {
    text: &'t [u8],
    starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    fn new(text: &'t str) -> LineIndex<'t> {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex {
            text: text.as_bytes(),
            starts,
        }
    }

    /// The line a record starts on. `csv` positions a record just after the
    /// previous one's first terminator byte, so skip the rest of the line
    /// ending (`\n` of a CRLF) and any blank lines it jumped over.
    fn record_line(&self, byte: u64) -> u64 {
        let mut at = byte as usize;
        while matches!(self.text.get(at), Some(b'\r' | b'\n')) {
            at += 1;
        }
        self.starts.partition_point(|&s| s <= at) as u64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(text: &str) -> ParsedFile {
        parse(Path::new("t.csv"), text)
    }

    fn messages(text: &str) -> Vec<String> {
        parse_str(text)
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn a_file_cut_in_pieces_parses_as_a_whole() {
        // Quoted fields over several lines, with commas and doubled quotes, a
        // quote inside an unquoted field, CRLF and LF, blank lines, bad rows.
        let shapes = [
            "p{i},PER,en,Name {i},\n",
            "q{i},ORG,en,\"Bank {i}, \"\"Ltd\"\"\",\"a note\nover\n\nlines, {i}\"\r\n",
            "\n",
            "  \n",
            "r{i},PER,fr,O\"Brien {i},x\n",
            "s{i},PERS,en,Bad type {i},\n",
            "t{i},PER,en\n",
            "u{i},GPE,*,\"Rostov\non-Don {i}\",\"\"\"\"\n",
            "v{i},LOC,fr,Île {i},\"\"\n",
            "w{i},ORG,en,Quote {i},\"say \"\"hi\"\"\nthen, \"\"bye\"\"\n\"\n",
        ];
        let mut text = String::from("entity,type,lang,name,note\r\n");
        for i in 0..400 {
            text.push_str(&shapes[i * 7 % shapes.len()].replace("{i}", &i.to_string()));
        }
        let whole = parse_in(Path::new("t.csv"), &text, 1);
        assert!(whole.rows.len() > 100 && whole.problems.len() > 100);
        let describe = |p: &ParsedFile| {
            let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
            (p.header.clone(), p.rows.clone(), problems)
        };
        for pieces in [2, 3, 5, 8, 13, 40] {
            let cuts = record_cuts(text.as_bytes(), 0, pieces);
            assert!(
                cuts.len() >= pieces / 2 && cuts.len() < pieces,
                "{pieces} pieces: {cuts:?}"
            );
            let parsed = parse_in(Path::new("t.csv"), &text, pieces);
            assert_eq!(describe(&parsed), describe(&whole), "{pieces} pieces");
        }
    }

    proptest::proptest! {
        /// Any text made of the bytes that matter to CSV parses the same in
        /// one piece and in several.
        #[test]
        fn any_cut_parses_as_the_whole(
            body in proptest::collection::vec(
                proptest::sample::select(vec!["a", "Bé", ",", "\"", "\"\"", "\n", "\r\n", " ", "PER", "en", "x_1"]),
                0..300,
            ),
            pieces in 2usize..12,
        ) {
            let text = format!("entity,type,lang,name\n{}", body.concat());
            let describe = |p: &ParsedFile| {
                let problems: Vec<String> = p.problems.iter().map(|p| p.to_string()).collect();
                (p.rows.clone(), problems)
            };
            let whole = parse_in(Path::new("t.csv"), &text, 1);
            let cut = parse_in(Path::new("t.csv"), &text, pieces);
            proptest::prop_assert_eq!(describe(&cut), describe(&whole));
        }
    }

    #[test]
    fn reads_rows_with_lines_and_extra_columns() {
        let parsed = parse_str(
            "entity,type,lang,name,note\nputin,PER,fr,Poutine,Q7747\n\nputin,PER,en,Putin,\n",
        );
        assert!(parsed.problems.is_empty());
        assert_eq!(parsed.rows.len(), 2);
        assert_eq!(parsed.rows[0].line, 2);
        assert_eq!(
            parsed.rows[0].extra.get("note").map(String::as_str),
            Some("Q7747")
        );
        assert_eq!(parsed.rows[1].line, 4);
        assert!(parsed.rows[1].extra.is_empty());
    }

    #[test]
    fn bom_and_crlf_read_the_same() {
        let a = parse_str("entity,type,lang,name\nx,PER,en,X\ny,PER,en,Y\n");
        let b = parse_str("\u{feff}entity,type,lang,name\r\nx,PER,en,X\r\ny,PER,en,Y\r\n");
        assert_eq!(a.rows, b.rows);
    }

    #[test]
    fn column_order_is_free() {
        let parsed = parse_str("name,lang,type,entity\nPutin,en,PER,putin\n");
        assert_eq!(parsed.rows[0].entity, "putin");
        assert_eq!(parsed.rows[0].name, "Putin");
    }

    #[test]
    fn every_bad_row_is_reported_with_its_line() {
        let text = "entity,type,lang,name\n\
                    ok,PER,en,Fine\n\
                    a,PERS,en,X\n\
                    b,PER,de,X\n\
                    c,PER,en,\n\
                    d,PER,en\n\
                    Bad-Id,PER,en,X\n\
                    e,PER,en, padded\n\
                    f,PER,en,...\n";
        assert_eq!(
            messages(text),
            vec![
                "t.csv:3: unknown type \"PERS\" (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                "t.csv:4: unknown language \"de\" (expected fr, en or *)",
                "t.csv:5: empty name",
                "t.csv:6: row has 3 fields, the header has 4 (check for a missing or extra comma)",
                "t.csv:7: entity id \"Bad-Id\" must be lower-case letters, digits and _ only, e.g. sergei_shoigu",
                "t.csv:8: name \" padded\" has leading or trailing spaces",
                "t.csv:9: name \"...\" has no letter or digit, so it can never be found",
            ]
        );
    }

    #[test]
    fn missing_column_and_empty_file() {
        assert_eq!(
            messages("entity,type,name\n"),
            vec!["t.csv:1: header lacks column lang (a lexicon needs entity, type, lang and name)"]
        );
        assert_eq!(
            messages(""),
            vec!["t.csv:1: empty file: expected a header row `entity,type,lang,name`"]
        );
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opens_on() {
        let text = "entity,type,lang,name\nok,PER,en,Fine\nx,PER,en,\"Open\ny,PER,en,Y\n";
        assert_eq!(
            messages(text),
            vec![
                "t.csv:3: unterminated quote: a field opens with \" and never closes (close it, or double an inner \" as \"\")"
            ]
        );
        // Doubled quotes before a line break inside quotes close nothing.
        let multi = parse_str(
            "entity,type,lang,name,note\nx,ORG,en,Bank,\"say \"\"hi\"\"\nthen, \"\"bye\"\"\n\"\ny,PER,en,Y,\n",
        );
        assert!(multi.problems.is_empty(), "{:?}", multi.problems);
        assert_eq!(multi.rows[0].extra["note"], "say \"hi\"\nthen, \"bye\"\n");
        assert_eq!(multi.rows[1].line, 5);
        // Quoted fields with commas and doubled quotes are fine.
        let ok = parse_str("entity,type,lang,name\nx,ORG,en,\"Bank \"\"X\"\", Inc\"\n");
        assert!(ok.problems.is_empty());
        assert_eq!(ok.rows[0].name, "Bank \"X\", Inc");
    }
}
