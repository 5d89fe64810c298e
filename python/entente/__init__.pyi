from collections.abc import Iterable, Sequence
from os import PathLike
from typing import Any, Literal, Optional, Union

__version__: str

Text = Union[str, bytes]
Lang = Literal["fr", "en"]

class EntenteError(Exception):
    """A lexicon, a text or an option entente cannot use."""

class Entente:
    """Lexicons and options, loaded once; tags and aligns any number of texts."""

    def __init__(
        self,
        lexicons: Optional[Sequence[Union[str, PathLike[str]]]] = None,
        default_lexicon: bool = True,
        strict: bool = False,
        threshold: Optional[float] = None,
    ) -> None: ...
    def tag(
        self, text: Text, lang: Optional[Lang] = None, terms: bool = False
    ) -> list[dict[str, Any]]:
        """Mentions of named entities (and TERM concepts with terms=True): start, end
        (character offsets), text, entity, label, type, match, name, confidence."""
    def align(
        self,
        left: Text,
        right: Text,
        left_lang: Optional[Lang] = None,
        right_lang: Optional[Lang] = None,
    ) -> dict[str, Any]:
        """One alignment: left, right (statements), links (score, evidence), unaligned."""
    def align_many(self, pairs: Iterable[tuple[Text, Text]]) -> list[dict[str, Any]]:
        """align() for each (left, right) pair, on every core, without holding the GIL."""
