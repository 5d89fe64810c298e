"""entente lines up what French and English news say about the same event.

>>> import entente
>>> e = entente.Entente()
>>> result = e.align("Poutine a rencontré Kim Jong-un à Vostotchny.",
...                  "Putin met Kim Jong Un at Vostochny.")
>>> [(link["left"], link["right"]) for link in result["links"]]
[(0, 0)]

Results are the JSON of the command line (``entente tag --format json``, a
line of ``entente batch``) as dicts and lists, with offsets counted in
characters: ``text[m["start"]:m["end"]] == m["text"]``.
"""

from ._entente import Entente, EntenteError, __version__

__all__ = ["Entente", "EntenteError", "__version__"]
