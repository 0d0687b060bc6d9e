"""The site's hand-written pages (content/pages/): content, not code, checked like the records.

MkDocs publishes these files as they are written: a NIK typed into one, or
a script, would reach every reader. They are read at input, like the
records, so ``warta check`` names the file and the line; the build lint
reads them again as published.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from ..core import privacy
from ..core.errors import Problem, Source, catalogue
from . import rules

# Elements that run code, embed another document or send a form: a
# hand-written page is text, links and the site's own pictures.
_REFUSED_TAGS = frozenset({"script", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "base",
                           "meta", "link", "portal", "noscript", "template"})
# Unlike the lint's tag pattern, a tag may run past the end of the line (`>?`): a page is checked line by line.
_TAG = re.compile(r"""<([A-Za-z][\w:.\-]*)((?:"[^"]*"|'[^']*'|[^'">])*)>?""")
# Attributes whose address the browser fetches by itself; an <a href> is
# only followed when the reader chooses to.
_FETCHED = frozenset({"src", "srcset", "data", "poster", "background", "xlink:href", "action", "formaction",
                      "manifest", "ping", "lowsrc", "dynsrc"})
_URL_ATTRIBUTES = _FETCHED | {"href", "cite", "longdesc"}
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
_MD_LINK = re.compile(r"\]\(\s*<?([^)\s>]+)")
_STYLE_FETCH = re.compile(r"url\s*\(|@import|expression\s*\(", re.IGNORECASE)
_CODE_SPAN = re.compile(r"(`+).+?\1")
_FENCE = re.compile(r"^\s*(```|~~~)")
# Files a browser runs; and text files it shows as text whatever they hold.
_SCRIPTS = frozenset({".js", ".mjs", ".cjs", ".wasm", ".css"})
_PLAIN = frozenset({".txt", ".csv", ".vcf", ".json"})


def read(folder: Path, display: str) -> tuple[tuple[str, str | None], ...]:
    """Each file of `folder` by the name problems give it (`display`/...), with its text as published, or None when it is not text."""
    if not folder.is_dir():
        return ()
    return tuple(
        (f"{display}/{path.relative_to(folder).as_posix()}", privacy.published_text(path.name, path.read_bytes()))
        for path in sorted(folder.rglob("*"))
        # Links and special files are refused as such where the content folder's files are checked.
        if not path.is_symlink() and path.is_file()
    )


def problems(files: Iterable[tuple[str, str | None]], contacts: rules.Contacts) -> Iterator[Problem]:
    """Personal data in every text file `read` gave, and code in its Markdown pages, each with its line."""
    for name, text in files:
        if text is None:
            # A photo carries its GPS position and time, a PDF or Office file
            # its author and whatever it holds: nothing here can check them,
            # and MkDocs would publish them byte for byte.
            yield Problem("page.binary", Source(name))
            continue
        yield from _identifier_problems(name, text, contacts)
        suffix = Path(name).suffix.casefold()
        if suffix in _SCRIPTS:
            yield Problem("page.script", Source(name))
        elif suffix not in _PLAIN:
            # Markdown, and anything MkDocs copies as it is that a browser may
            # read as markup (.html, .svg, a file with no suffix): the same allow-list.
            yield from (Problem("page.html", Source(name, line), {"what": what}) for line, what in unsafe_html(text))


def _identifier_problems(name: str, text: str, contacts: rules.Contacts) -> Iterator[Problem]:
    labels = catalogue()
    for number, line in enumerate(text.splitlines(), start=1):
        # Read as published: entities and escapes decoded.
        read = privacy.readable_text(name, line)
        for found in privacy.find_identifiers(read, official_emails_ok=True):
            seen = read[found.start : found.end]
            if not privacy.is_listed(seen, contacts.official):
                yield Problem("page.pii", Source(name, number),
                              {"label": labels[f"leak.label.{found.kind}"], "excerpt": seen[0] + "***"})


def unsafe_html(markdown: str) -> Iterator[tuple[int, str]]:
    """(line, what) for every piece of a Markdown page outside the allow-list of safe HTML.

    Refused: elements that run code or embed or send anything, event
    handler attributes, ``javascript:``/``data:`` addresses, styles that
    fetch, and a picture or any other resource from another host (the
    site asks no other host for anything). A link to another site is fine.
    Code blocks and code spans are text, shown as typed.

    >>> list(unsafe_html('<b onclick="x()">Hai</b>\\n```\\n<script>\\n```\\n[a](https://kemensos.go.id) `<iframe>`'))
    [(1, 'onclick')]
    >>> list(unsafe_html('<img src="https://pelacak.example/p.gif">\\n![x](//cdn.example/a.png)'))
    [(1, 'src=https://pelacak.example/p.gif'), (2, '//cdn.example/a.png')]
    """
    fenced = False
    for number, raw in enumerate(markdown.splitlines(), start=1):
        if _FENCE.match(raw):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = _CODE_SPAN.sub("", raw)
        for what in _line_problems(line):
            yield number, what


def _line_problems(line: str) -> Iterator[str]:
    for tag in _TAG.finditer(line):
        element = tag.group(1).casefold()
        if element in _REFUSED_TAGS:
            yield f"<{element}>"
        if element == "style" and _STYLE_FETCH.search(line[tag.end():]):
            yield "<style> url("
        for attribute, written in privacy.attributes(tag.group(2)):
            name, value = attribute.casefold(), _address(written)
            if name.startswith("on"):
                yield name
            elif name == "style" and _STYLE_FETCH.search(value):
                yield "style url("
            elif name in _URL_ATTRIBUTES and value.startswith(("javascript:", "vbscript:", "data:")):
                yield f"{name}={value.split(':', 1)[0]}:"
            elif (name in _FETCHED or (name == "href" and element != "a")) and _other_host(value):
                yield f"{name}={value}"
    for url in _MD_LINK.findall(line):
        if _address(url).startswith(("javascript:", "vbscript:", "data:")):
            yield _address(url).split(":", 1)[0] + ":"
    yield from (url for url in _MD_IMAGE.findall(line) if _other_host(_address(url)))


def _address(value: str) -> str:
    """An address as the browser reads it: entities decoded, spaces and control characters dropped, lower-case scheme."""
    plain = "".join(ch for ch in html.unescape(value) if ch > " " and ch != "\x7f")
    scheme, colon, rest = plain.partition(":")
    return f"{scheme.casefold()}:{rest}" if colon and scheme.isalpha() else plain


def _other_host(url: str) -> bool:
    # srcset lists several addresses; any one with a host is another host.
    return any(urlsplit(part.split()[0]).netloc for part in url.split(",") if part.split())
