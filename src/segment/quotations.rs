//! Quotations (rule 4): sentence ends inside `« »`, `“ ”`, `( )` and paired
//! straight quotes are ignored when the quotation closes on the block after a
//! few sentences.

/// Most sentences a quotation may hold and still be kept in one statement.
const MAX_QUOTED_SENTENCES: usize = 5;

/// Removes the boundaries inside quotations that close on the block after at
/// most [`MAX_QUOTED_SENTENCES`] sentences (rule 4).
pub(super) fn suppress_quoted(s: &str, boundaries: Vec<usize>) -> Vec<usize> {
    if boundaries.is_empty() {
        return boundaries;
    }
    // Difference array over boundary indices: >0 means inside a kept quote.
    let mut depth = vec![0i64; boundaries.len() + 1];
    for (open, close) in quotation_pairs(s) {
        let lo = boundaries.partition_point(|&b| b <= open);
        let hi = boundaries.partition_point(|&b| b <= close);
        let inner = hi - lo;
        if inner > 0 && inner < MAX_QUOTED_SENTENCES {
            depth[lo] += 1;
            depth[hi] -= 1;
        }
    }
    let mut running = 0;
    boundaries
        .into_iter()
        .zip(depth)
        .filter_map(|(b, d)| {
            running += d;
            (running == 0).then_some(b)
        })
        .collect()
}

/// Byte offsets of matched quotation marks and parentheses on the block:
/// `« »`, `“ ”`, `( )` by nesting, straight `"` in consecutive pairs when
/// their count is even. Unmatched marks pair with nothing.
fn quotation_pairs(s: &str) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let (mut guillemets, mut curly, mut parens, mut straight) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (i, c) in s.char_indices() {
        let (stack, opens) = match c {
            '«' => (&mut guillemets, true),
            '»' => (&mut guillemets, false),
            '“' => (&mut curly, true),
            '”' => (&mut curly, false),
            '(' => (&mut parens, true),
            ')' => (&mut parens, false),
            '"' => {
                straight.push(i);
                continue;
            }
            _ => continue,
        };
        if opens {
            stack.push(i);
        } else if let Some(open) = stack.pop() {
            pairs.push((open, i));
        }
    }
    if straight.len() % 2 == 0 {
        pairs.extend(straight.chunks_exact(2).map(|p| (p[0], p[1])));
    }
    pairs
}
