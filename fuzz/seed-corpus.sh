#!/usr/bin/env bash
# Writes the seed corpora of the fuzz targets into fuzz/corpus/<target>/ from
# the repository's own data: the seed articles (whole and one paragraph per
# file), the first lines of each built-in lexicon, a few deliberately broken
# lexicons and a few tricky strings. The corpora are generated, never
# committed (fuzz/corpus is in .gitignore); rerun this script to rebuild them.
#
#   fuzz/seed-corpus.sh           # adds to existing corpora
#   fuzz/seed-corpus.sh --clean   # starts from empty ones
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
corpus="$here/corpus"
LEXICON_LINES=300

if [[ "${1:-}" == "--clean" ]]; then
  rm -rf "$corpus"
fi
for target in normalize segment tag lexicon_csv align; do
  mkdir -p "$corpus/$target"
done

# put TARGET NAME: stdin → corpus/TARGET/NAME
put() { cat >"$corpus/$1/$2"; }

# text NAME: stdin → every text target (normalize, segment, tag).
text() {
  local data
  data="$(mktemp)"
  cat >"$data"
  for target in normalize segment tag; do
    cp "$data" "$corpus/$target/$1"
  done
  rm -f "$data"
}

# --- the seed articles: whole, and one non-blank line (paragraph) per file ---
for file in "$root"/seeds/*.txt; do
  base="$(basename "$file" .txt)"
  text "seed-$base" <"$file"
  n=0
  while IFS= read -r line || [[ -n "$line" ]]; do
    n=$((n + 1))
    [[ -z "${line//[[:space:]]/}" ]] && continue
    printf '%s\n' "$line" | text "seed-$base-p$n"
  done <"$file"
done

# --- align: a split byte, then the French text and the English one ---------
# The target splits the rest at len * byte / 255; choose the byte so that the
# split falls at (or just before) the end of the French text.
pair() { # NAME FR_FILE EN_FILE
  local fr_len en_len total byte
  fr_len=$(wc -c <"$2")
  en_len=$(wc -c <"$3")
  total=$((fr_len + en_len))
  byte=$(( total > 0 ? fr_len * 255 / total : 0 ))
  { printf "\\x$(printf %02x "$byte")"; cat "$2" "$3"; } | put align "$1"
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
tail -n +2 "$root/seeds/pairs.csv" | while IFS=, read -r left right id; do
  [[ -z "$left" ]] && continue
  pair "pair-$id" "$root/seeds/$left" "$root/seeds/$right"
  # The first three paragraphs of each side, paired in order.
  for k in 1 2 3; do
    grep -v '^[[:space:]]*$' "$root/seeds/$left" | sed -n "${k}p" >"$tmp/fr" || true
    grep -v '^[[:space:]]*$' "$root/seeds/$right" | sed -n "${k}p" >"$tmp/en" || true
    pair "pair-$id-p$k" "$tmp/fr" "$tmp/en"
  done
done

# --- lexicons: the first lines of each built-in file ------------------------
for file in "$root"/lexicons/*.csv; do
  head -n "$LEXICON_LINES" "$file" | put lexicon_csv "builtin-$(basename "$file" .csv)"
done

# Deliberately broken lexicons (each names what is wrong with it).
H='entity,type,lang,name'
bad() { printf "$2" | put lexicon_csv "bad-$1"; }
bad empty ''
bad header-only "$H\n"
bad missing-column 'entity,type,name\nputin,PER,Putin\n'
bad duplicate-column "entity,type,lang,name,name\nputin,PER,en,Putin,Poutine\n"
bad unterminated-quote "$H\nputin,PER,en,\"Putin\nkim,PER,en,Kim\n"
bad quoted-newline "$H\nputin,PER,en,\"Vladimir\nPutin\"\n"
bad field-count "$H\nputin,PER,en\nkim,PER,en,Kim,extra\n"
bad unknown-type "$H\nputin,PERS,en,Putin\n"
bad unknown-lang "$H\nputin,PER,de,Putin\n"
bad bad-id "$H\nVladimir-Putin,PER,en,Putin\n,PER,en,Nobody\n"
bad empty-names "$H\na,PER,en,\nb,PER,en, \nc,PER,en,...\nd,PER,en, padded\n"
bad type-conflict "$H\nputin,PER,en,Putin\nputin,ORG,fr,Poutine\n"
bad stands-for-nowhere "$H,stands_for\nmoscow,GPE,en,Moscow,russia\nkyiv,GPE,en,Kyiv,kyiv;;\n"
bad duplicate-rows "$H\nputin,PER,en,Putin\nputin,PER,en,Putin\n"
bad shared-name "$H\nkim,PER,*,Kim\nkim_other,PER,en,KIM\n"
bad bom-crlf "\xef\xbb\xbf$H\r\nputin,PER,en,Putin\r\n\r\nkim,PER,*,Kim\r\n"
bad cr-only "$H\rputin,PER,en,Putin\r"
bad blank-lines "\n\n$H\n\n\nputin,PER,en,Putin\n\n"
bad padded-header " entity , type ,lang,name\nputin,PER,en,Putin\n"
bad stray-quote "$H\nputin,PER,en,Pu\"tin\nkim,PER,en,\"Kim\"\"\"\n"
bad not-csv "\x00\x01\xc3\xa9,,,\n,,,,\n\"\n"
bad html-and-marks "$H\nkorea,GPE,fr,Cor&eacute;e\nchoi,PER,fr,Cho\xcc\x88i\nshy,PER,en,Pou\xc2\xadtine\n"
bad punctuation-name "$H\nus,GPE,en,U.S.\nend,TERM,fr,au terme d'\nhalf,TERM,en,\xc2\xbd\n"

# --- tricky strings, for every text target --------------------------------
tricky() { printf "$2" | text "tricky-$1"; }
tricky empty ''
tricky nul-and-controls '\x00.\x00 A\x01\x7f\xc2\x9c'
tricky lone-marks '\xcc\x81.\xcc\x81 A \xcc\x88'
tricky bom-zwsp '\xef\xbb\xbfa.\xef\xbb\xbfB\xe2\x80\x8b C\xe2\x80\x8b.'
tricky html-entities 'Cor&eacute;e&nbsp;du Nord &#x0; &#769; &#1114111; &#xD800; &amp;&amp; &;'
tricky compatibility '\xc2\xbd \xc7\x85 \xef\xac\x80 \xe2\x85\xab \xe3\x8e\x8f \xc5\x89 \xe1\xba\x9e \xe1\xbe\x88'
tricky lookalikes '\xd0\xa1osmodrome \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd Vostochny \xce\x91\xce\xb8\xce\xae\xce\xbd\xce\xb1'
tricky bullets '\xe2\x80\xa2 One.\n  - Two\n    * Three. four\n\xe2\x80\x93\n\xe2\x80\xa2\n\xe2\x80\xa2 \n'
tricky line-breaks 'a\r\nB.\rC\xc2\x85D\xe2\x80\xa8E\xe2\x80\xa9F\x0bG\x0cH'
tricky quotes '\xc2\xab Non. Oui. \xc2\xbb Il a dit. \xe2\x80\x9cYes. No.\xe2\x80\x9d \"A. B.\" (C. D.)'
tricky abbreviations 'M. Poutine. U.S. The U.N. said. J.-C. Il. Mr. Kim Jong-un. John F. Kennedy.'
tricky numbers '3.5 1.000 10.30 quatre ans four years 2023-09-13 13 septembre 122 mm ...see [...] [12].[3]X'
tricky scripts '\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x80\x82\xe6\xac\xa1 \xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d. \xf4\x8f\xbf\xbf.\xf4\x8f\xbf\xbf'
tricky dots '. . . .... ?! \xe2\x80\xa6 \xe2\x80\xbc \xe2\x81\x87 .A'

for target in normalize segment tag lexicon_csv align; do
  printf '%s: %s files\n' "$target" "$(find "$corpus/$target" -type f | wc -l)"
done
