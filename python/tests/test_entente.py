"""The Python package gives what the command line gives, in Python's terms."""

import json
import re
import tomllib

import pytest

import entente
from conftest import seed_pairs


@pytest.fixture(scope="module")
def e():
    return entente.Entente()


def test_version_is_the_crates(root):
    crate = tomllib.loads((root / "Cargo.toml").read_text())["package"]["version"]
    assert entente.__version__ == crate


def test_align_equals_a_batch_line_on_the_seeds(e, cli, root):
    pairs = seed_pairs(root)
    lines = "".join(
        json.dumps({"id": name, "left": {"text": fr}, "right": {"text": en}}) + "\n"
        for name, fr, en in pairs
    )
    out = cli("batch", "--no-date", "--offsets", "chars", "-", stdin=lines.encode()).splitlines()
    assert len(out) == len(pairs)
    for (name, fr, en), line in zip(pairs, out):
        expected = json.loads(line)
        assert expected.pop("id") == name
        got = e.align(fr, en)
        assert got == expected, name
        assert got["links"], f"{name}: no link"


def test_tag_equals_the_cli_on_the_seeds(e, cli, root):
    for name in ("000-fr.txt", "001-en.txt"):
        text = (root / "seeds" / name).read_text(encoding="utf-8")
        expected = json.loads(cli("tag", "--format", "json", "--offsets", "chars", f"seeds/{name}"))
        assert e.tag(text) == expected, name
        assert len(expected) > 20
        with_terms = json.loads(
            cli("tag", "--terms", "--format", "json", "--offsets", "chars", f"seeds/{name}")
        )
        assert e.tag(text, terms=True) == with_terms, name
        assert len(with_terms) > len(expected)


def test_offsets_are_str_indices(e, root):
    _, fr, en = seed_pairs(root)[0]
    for m in e.tag(fr):
        assert fr[m["start"] : m["end"]] == m["text"]
    result = e.align(fr, en)
    for side, text in (("left", fr), ("right", en)):
        for s in result[side]["statements"]:
            assert text[s["start"] : s["end"]] == s["text"]


def test_align_many_keeps_order_and_equals_align(e, root):
    pairs = [(fr, en) for _, fr, en in seed_pairs(root)] * 3
    many = e.align_many(pairs)
    assert many == [e.align(fr, en) for fr, en in pairs]
    assert e.align_many([]) == []
    assert e.align_many(iter(pairs[:1])) == many[:1]


def test_languages_threshold_and_lexicons(tmp_path):
    lexicon = tmp_path / "mine.csv"
    lexicon.write_text("entity,type,lang,name\nkaja_kallas,PER,*,Kaja Kallas\n", encoding="utf-8")
    mine = entente.Entente(lexicons=[lexicon], default_lexicon=False, strict=True, threshold=0.9)
    tagged = mine.tag("Kaja Kallas a rencontré Poutine.", lang="fr")
    assert [m["entity"] for m in tagged] == ["kaja_kallas"]
    with pytest.raises(ValueError, match="unknown language"):
        mine.tag("text", lang="de")


def test_bad_input_raises_clear_exceptions(e, tmp_path):
    with pytest.raises(TypeError, match="text must be str or bytes, not NoneType"):
        e.tag(None)
    with pytest.raises(TypeError, match="right must be str or bytes"):
        e.align("texte", None)
    with pytest.raises(entente.EntenteError, match="not valid UTF-8|UTF-8"):
        e.tag(b"caf\xe9 au lait")
    assert e.tag("Poutine".encode()) == e.tag("Poutine")
    with pytest.raises(entente.EntenteError, match=re.escape(str(tmp_path / "missing.csv"))):
        entente.Entente(lexicons=[tmp_path / "missing.csv"])
    bad = tmp_path / "bad.csv"
    bad.write_text("entity,type,lang,name\nx,PERSON,fr,X\n", encoding="utf-8")
    with pytest.raises(entente.EntenteError, match=re.escape(f"{bad}:2")):
        entente.Entente(lexicons=[bad])
    with pytest.raises(entente.EntenteError, match="outside"):
        entente.Entente(threshold=2.0)
    with pytest.raises(TypeError, match="pair 0"):
        e.align_many([("only one text",)])
    with pytest.raises(entente.EntenteError, match="no lexicon"):
        entente.Entente(default_lexicon=False)


def test_the_readmes_python_block_runs(root):
    readme = (root / "README.md").read_text(encoding="utf-8")
    section = readme.split("## From Python", 1)[1]
    block = re.search(r"```python\n(.*?)```", section, re.S)
    assert block, "README: no python block under ## From Python"
    exec(compile(block.group(1), "README.md", "exec"), {})
