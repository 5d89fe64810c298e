//! Reading one lexicon CSV file into rows, each with its line number, and
//! every problem found in it (not just the first).

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::{ErrorKind, Problem};

pub use super::kinds::{EntityType, NameLang};

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
    /// The header's columns, in file order, as compared: trimmed and lower-cased.
    pub header: Vec<String>,
    /// The field delimiter, found from the header line: `,`, `;` or tab.
    pub delimiter: u8,
    /// Rows that passed every check.
    pub rows: Vec<Row>,
    /// One problem per bad row or header (with path and line).
    pub problems: Vec<Problem>,
}

impl ParsedFile {
    /// The error kind of this file's problems.
    pub const ERROR_KIND: ErrorKind = ErrorKind::Lexicon;
}

/// The delimiters a lexicon file may use: comma, and semicolon (what Excel
/// writes where the decimal separator is a comma, as in French) and tab.
pub const DELIMITERS: [u8; 3] = [b',', b';', b'\t'];

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
    let mut parsed = ParsedFile {
        delimiter: b',',
        ..ParsedFile::default()
    };
    let problem = |line: u64, message: String| Problem {
        path: Some(path.to_path_buf()),
        line: Some(line),
        message,
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // The header is the first line with something on it (blank lines are skipped).
    let first_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let header = Header::read(first_line);
    parsed.delimiter = header.delimiter;
    let delimiter = header.delimiter;
    if let Some(line) = unterminated_quote_line(text, delimiter) {
        parsed.problems.push(problem(
            line,
            "unterminated quote: a field opens with \" and never closes (close it, or double an inner \" as \"\")".into(),
        ));
        return parsed;
    }
    if text.trim().is_empty() {
        parsed.problems.push(problem(
            1,
            "empty file: expected a header row `entity,type,lang,name`".into(),
        ));
        return parsed;
    }
    let lines = LineIndex::new(text);
    let mut reader = csv_reader(text.as_bytes(), delimiter, header.padded);
    let mut record = csv::StringRecord::new();
    if let Err(e) = reader.read_record(&mut record) {
        parsed
            .problems
            .push(problem(1, format!("unreadable header: {e}")));
        return parsed;
    }
    parsed.header = record.iter().map(column_name).collect();
    let columns = match Columns::find(&parsed.header, first_line, delimiter) {
        Ok(columns) => columns,
        Err(message) => {
            parsed.problems.push(problem(1, message));
            return parsed;
        }
    };
    let body = usize::try_from(reader.position().byte()).unwrap_or(text.len());
    let mut starts = vec![body];
    starts.extend(record_cuts(text.as_bytes(), body, pieces, delimiter));
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    let ranges: Vec<(usize, usize)> = starts.iter().copied().zip(ends).collect();
    let piece = |&(start, end): &(usize, usize)| {
        let mut rows = Vec::new();
        let mut problems = Vec::new();
        let bytes = text.as_bytes().get(start..end).unwrap_or_default();
        let mut reader = csv_reader(bytes, delimiter, header.padded);
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
                Err(messages) => {
                    problems.extend(messages.into_iter().map(|m| problem(line, m)));
                }
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
/// a wrong number of fields (reported, not fatal); in a file whose header
/// puts spaces after its delimiters (`entity, type, lang, name`), the spaces
/// around every field are not part of it.
fn csv_reader(bytes: &[u8], delimiter: u8, padded: bool) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .trim(if padded {
            csv::Trim::All
        } else {
            csv::Trim::None
        })
        .from_reader(bytes)
}

/// A header column as compared: `Entity ` is `entity`.
fn column_name(written: &str) -> String {
    written.trim().to_lowercase()
}

/// What the header line says about how the file is written.
struct Header {
    /// The delimiter whose fields name the most required columns (`,` on a tie).
    delimiter: u8,
    /// True when every delimiter of the header line is followed by a space.
    padded: bool,
}

impl Header {
    fn read(line: &str) -> Header {
        let fields = |delimiter: u8| -> Vec<String> {
            let mut reader = csv_reader(line.as_bytes(), delimiter, false);
            let mut record = csv::StringRecord::new();
            match reader.read_record(&mut record) {
                Ok(true) => record.iter().map(column_name).collect(),
                _ => Vec::new(),
            }
        };
        let known = |delimiter: u8| {
            let fields = fields(delimiter);
            let named = REQUIRED_COLUMNS
                .iter()
                .filter(|c| fields.iter().any(|f| f == *c))
                .count();
            (named, fields.len())
        };
        // Most required columns named, then most fields; `,` first on a tie.
        let delimiter = DELIMITERS
            .into_iter()
            .rev()
            .max_by_key(|&d| known(d))
            .unwrap_or(b',');
        let delimiters = line.bytes().filter(|&b| b == delimiter).count();
        let padded = delimiters > 0
            && line
                .as_bytes()
                .windows(2)
                .filter(|w| w[0] == delimiter && w[1] == b' ')
                .count()
                == delimiters;
        Header { delimiter, padded }
    }
}

/// How a delimiter is written in messages.
fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "commas",
    }
}

/// Where records start after byte `from`, cutting `text` into about `pieces`
/// pieces of whole records: after a line break that ends a record, not one
/// inside a quoted field.
fn record_cuts(text: &[u8], from: usize, pieces: usize, delimiter: u8) -> Vec<usize> {
    let mut cuts = Vec::new();
    let step = text.len().saturating_sub(from) / pieces.max(1);
    if pieces < 2 || step == 0 {
        return cuts;
    }
    let mut target = from + step;
    let mut state = Quoting::FieldStart;
    for (i, &b) in text.iter().enumerate().skip(from) {
        state = state.next(b, delimiter);
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
    fn next(self, b: u8, delimiter: u8) -> Quoting {
        use Quoting::*;
        match (self, b) {
            (Quoted, b'"') => QuoteInQuoted,
            (Quoted, _) => Quoted,
            (QuoteInQuoted, b'"') | (FieldStart, b'"') => Quoted,
            (_, b'\n' | b'\r') => FieldStart,
            (_, b) if b == delimiter => FieldStart,
            _ => Unquoted,
        }
    }
}

/// Where the four required columns are.
struct Columns {
    delimiter: u8,
    entity: usize,
    kind: usize,
    lang: usize,
    name: usize,
}

impl Columns {
    /// Where the required columns are in `header` (names as compared), or
    /// what is wrong with it: a column missing or twice, or no header at all
    /// (`first_line` shows what was found instead).
    fn find(header: &[String], first_line: &str, delimiter: u8) -> Result<Columns, String> {
        let at = |name: &str| header.iter().position(|h| h == name);
        let twice: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .copied()
            .filter(|c| header.iter().filter(|h| h == c).count() > 1)
            .collect();
        if !twice.is_empty() {
            return Err(format!(
                "header names column{} {} twice; keep one",
                if twice.len() > 1 { "s" } else { "" },
                twice.join(", ")
            ));
        }
        if let (Some(entity), Some(kind), Some(lang), Some(name)) =
            (at("entity"), at("type"), at("lang"), at("name"))
        {
            return Ok(Columns {
                delimiter,
                entity,
                kind,
                lang,
                name,
            });
        }
        let missing: Vec<&str> = REQUIRED_COLUMNS
            .iter()
            .copied()
            .filter(|c| at(c).is_none())
            .collect();
        let shown = shorten(first_line, 80);
        if missing.len() == REQUIRED_COLUMNS.len() {
            let looks_like_a_row = header
                .iter()
                .any(|f| f.to_uppercase().parse::<EntityType>().is_ok());
            return Err(if looks_like_a_row {
                format!(
                    "no header: the first line is a row ({shown:?}); add a first line naming the columns, e.g. `entity,type,lang,name` in the order of your rows"
                )
            } else {
                format!(
                    "no header: the first line is {shown:?}; a lexicon's first line names its columns: entity, type, lang and name (e.g. `entity,type,lang,name`), separated by commas, semicolons or tabs"
                )
            });
        }
        let found: Vec<&str> = header
            .iter()
            .map(String::as_str)
            .filter(|h| !h.is_empty())
            .collect();
        Err(format!(
            "header lacks column{} {} (found {} separated by {}: {}; a lexicon needs entity, type, lang and name)",
            if missing.len() > 1 { "s" } else { "" },
            missing.join(", "),
            if found.len() == 1 {
                "one column"
            } else {
                "columns"
            },
            delimiter_name(delimiter),
            found.join(", ")
        ))
    }

    /// The row of `record`, or every problem it has.
    fn row(
        &self,
        record: &csv::StringRecord,
        header: &[String],
        line: u64,
    ) -> Result<Row, Vec<String>> {
        if record.len() != header.len() {
            return Err(vec![format!(
                "row has {} field{}, the header has {} (check for a missing or extra {})",
                record.len(),
                if record.len() == 1 { "" } else { "s" },
                header.len(),
                match self.delimiter {
                    b';' => "semicolon",
                    b'\t' => "tab",
                    _ => "comma",
                }
            )]);
        }
        let field = |i: usize| record.get(i).unwrap_or("");
        let mut problems = Vec::new();
        // Spaces around an id, a type or a language are never meant.
        let entity = field(self.entity).trim();
        if let Err(e) = check_id(entity) {
            problems.push(e);
        }
        let kind = field(self.kind).trim().parse::<EntityType>();
        let lang = field(self.lang).trim().parse::<NameLang>();
        let name = field(self.name);
        if let Err(e) = &kind {
            problems.push(e.clone());
        }
        if let Err(e) = &lang {
            problems.push(e.clone());
        }
        if let Err(e) = check_name(name) {
            problems.push(e);
        }
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
            problems.push(format!(
                "unknown {} value {how:?} (expected {} or nothing)",
                super::MATCH_COLUMN,
                super::MATCH_EXACT
            ));
        }
        match (kind, lang) {
            (Ok(kind), Ok(lang)) if problems.is_empty() => Ok(Row {
                entity: entity.to_string(),
                kind,
                lang,
                name: name.to_string(),
                line,
                extra,
            }),
            _ => Err(problems),
        }
    }
}

/// At most `width` characters of `text`, with `…` when cut.
fn shorten(text: &str, width: usize) -> String {
    match text.char_indices().nth(width) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
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
fn unterminated_quote_line(text: &str, delimiter: u8) -> Option<u64> {
    let mut state = Quoting::FieldStart;
    let mut line = 1u64;
    let mut opened_at = 0;
    for b in text.bytes() {
        let next = state.next(b, delimiter);
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
            let cuts = record_cuts(text.as_bytes(), 0, pieces, b',');
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
                "t.csv:3: unknown type \"PERS\"; did you mean PER? (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
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
            vec![
                "t.csv:1: header lacks column lang (found columns separated by commas: entity, type, name; a lexicon needs entity, type, lang and name)"
            ]
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

    #[test]
    fn semicolons_tabs_capitals_and_spaces_read_as_commas_do() {
        let plain = parse_str(
            "entity,type,lang,name,note\nx,PER,fr,Iks Jr.,\"a note, long\"\nx,PER,en,X,\n",
        );
        assert!(plain.problems.is_empty(), "{:?}", plain.problems);
        let variants = [
            (
                "semicolons (French Excel)",
                "entity;type;lang;name;note\r\nx;PER;fr;Iks Jr.;a note, long\r\nx;PER;en;X;\r\n",
            ),
            (
                "tabs",
                "entity\ttype\tlang\tname\tnote\nx\tPER\tfr\tIks Jr.\ta note, long\nx\tPER\ten\tX\t\n",
            ),
            (
                "capitals in the header",
                "Entity,Type,LANG,Name,Note\nx,PER,fr,Iks Jr.,\"a note, long\"\nx,PER,en,X,\n",
            ),
            (
                "spaces after commas",
                "entity, type, lang, name, note\nx, PER, fr, Iks Jr.,\"a note, long\"\nx, PER, en, X, \n",
            ),
            (
                "spaces around id, type and language",
                "entity,type,lang,name,note\n x ,PER ,fr,Iks Jr.,\"a note, long\"\nx, PER, en,X,\n",
            ),
        ];
        for (what, text) in variants {
            let parsed = parse_str(text);
            assert!(parsed.problems.is_empty(), "{what}: {:?}", parsed.problems);
            assert_eq!(parsed.rows, plain.rows, "{what}");
            assert_eq!(parsed.header, plain.header, "{what}");
        }
        assert_eq!(parse_str(variants[0].1).delimiter, b';');
        assert_eq!(parse_str(variants[1].1).delimiter, b'\t');
        // Without spaces after the header's commas, a padded name is still an error.
        assert_eq!(
            messages("entity,type,lang,name\nx,PER,en, X\n"),
            ["t.csv:2: name \" X\" has leading or trailing spaces"]
        );
        // A semicolon file's quoting and bad rows are read with semicolons.
        assert_eq!(
            messages("entity;type;lang;name\nx;PER;en;\"A;B\"\ny;PER;en\nz;PER;en;\"open\n"),
            [
                "t.csv:4: unterminated quote: a field opens with \" and never closes (close it, or double an inner \" as \"\")"
            ]
        );
        assert_eq!(
            messages("entity;type;lang;name\nx;PER;en;\"A;B\"\ny;PER;en\n"),
            [
                "t.csv:3: row has 3 fields, the header has 4 (check for a missing or extra semicolon)"
            ]
        );
    }

    #[test]
    fn a_missing_header_or_column_says_what_was_found() {
        let cases = [
            (
                "no header, a row first",
                "paris,GPE,fr,Paris\nlondon,GPE,en,London\n",
                "t.csv:1: no header: the first line is a row (\"paris,GPE,fr,Paris\"); add a first line naming the columns, e.g. `entity,type,lang,name` in the order of your rows",
            ),
            (
                "no header, a semicolon row first",
                "paris;GPE;fr;Paris\n",
                "t.csv:1: no header: the first line is a row (\"paris;GPE;fr;Paris\"); add a first line naming the columns, e.g. `entity,type,lang,name` in the order of your rows",
            ),
            (
                "not a lexicon",
                "hello world\n",
                "t.csv:1: no header: the first line is \"hello world\"; a lexicon's first line names its columns: entity, type, lang and name (e.g. `entity,type,lang,name`), separated by commas, semicolons or tabs",
            ),
            (
                "a column missing in a semicolon header",
                "Entity;Type;Name\n",
                "t.csv:1: header lacks column lang (found columns separated by semicolons: entity, type, name; a lexicon needs entity, type, lang and name)",
            ),
            (
                "a column named twice",
                "entity,type,lang,name,Name\n",
                "t.csv:1: header names column name twice; keep one",
            ),
        ];
        for (what, text, want) in cases {
            assert_eq!(messages(text), [want], "{what}");
        }
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        assert_eq!(
            messages("entity,type,lang,name,match\nBad-Id,PERS,de,,stem\n"),
            [
                "t.csv:2: entity id \"Bad-Id\" must be lower-case letters, digits and _ only, e.g. sergei_shoigu",
                "t.csv:2: unknown type \"PERS\"; did you mean PER? (expected PER, ORG, GPE, LOC, FAC, EVENT or TERM)",
                "t.csv:2: unknown language \"de\" (expected fr, en or *)",
                "t.csv:2: empty name",
                "t.csv:2: unknown match value \"stem\" (expected exact or nothing)",
            ]
        );
    }

    #[test]
    fn unknown_types_and_languages_suggest_the_nearest() {
        let cases = [
            ("PERS", Some("PER")),
            ("per", Some("PER")),
            ("Person", Some("PER")),
            ("ORGANISATION", Some("ORG")),
            ("GEP", Some("GPE")),
            ("Events", Some("EVENT")),
            ("location", Some("LOC")),
            ("BAD", None),
            ("", None),
        ];
        for (written, want) in cases {
            let err = written.parse::<EntityType>().unwrap_err();
            let got = err
                .split_once("did you mean ")
                .map(|(_, rest)| rest.split('?').next().unwrap_or(""));
            assert_eq!(got, want, "{written}: {err}");
        }
        let langs = [
            ("FR", Some("fr")),
            ("english", Some("en")),
            ("français", Some("fr")),
            ("both", Some("*")),
            ("de", None),
        ];
        for (written, want) in langs {
            let err = written.parse::<NameLang>().unwrap_err();
            let got = err
                .split_once("did you mean ")
                .map(|(_, rest)| rest.split('?').next().unwrap_or(""));
            assert_eq!(got, want, "{written}: {err}");
        }
    }
}
