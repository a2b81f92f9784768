"""Markdown shared by the renderers: article text is data, so none of its characters may act as markup.

>>> escape_markdown("*Assad* <b>fled</b> ~now~")
'\\\\*Assad\\\\* &lt;b&gt;fled&lt;/b&gt; \\\\~now\\\\~'
"""

from __future__ import annotations

import re

MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]#|~])")


def escape_markdown(text: str) -> str:
    """Article text as literal Markdown: no markup character acts (``~`` included), and no HTML gets through."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)
