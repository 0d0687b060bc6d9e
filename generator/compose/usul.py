"""Usul, sanggah and koreksi: the site's official contacts as links that open the reader's own mail, WhatsApp or phone.

A reader who knows of a missed recipient (usul), doubts one (sanggah) or
finds a mistake (koreksi) writes to the office from their own device; the
site stores nothing and asks no other host for anything until they tap.
Only the contacts site.yml declares public are used (`footer.contact` and
`official_contacts`), never the narahubung of a press release, who is a
person. The words of the prefilled message come from templates/kata.yml
(``usul``); the links are built by `addresses`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..core import privacy
from ..core.documented import doc
from ..records import Content
from .addresses import mailto, telephone, whatsapp

ASKS = ("usul", "sanggah", "koreksi")
"""What a reader may ask for, in the order the block lists them (keys of kata.usul.aksi)."""

ANCHOR = "usul-sanggah-dan-koreksi"
"""The id of the privacy policy's part on what happens to a request (its heading in kebijakan-privasi.j2)."""

ChannelKind = Literal["email", "whatsapp", "telepon", "web"]

# Indonesian mobile numbers start 08 (+628); only those can be a WhatsApp
# account as far as a page can tell, and a landline is offered as a call.
_MOBILE = re.compile(r"08\d{7,11}")
_WEB = re.compile(r"https?://[^\s<>\"']+")


@dataclass(frozen=True)
class Channel:
    """One way to reach the office, as site.yml lists it."""

    kind: ChannelKind = doc("email, whatsapp (a mobile number), telepon (a landline) or web (a form or page of the office).")
    label: str = doc("The mailbox, number or address as site.yml writes it: '(0274) 868405'.")
    target: str = doc("The mailbox, the number's digits (0274868405) or the web address.")


def channels(content: Content) -> tuple[Channel, ...]:
    """The office's e-mail, phone and web contacts from `footer.contact` and `official_contacts`, each once, in that order."""
    found: dict[tuple[str, str], Channel] = {}
    for text in (content.site.footer.contact, *content.site.official_contacts):
        for channel in _read(text):
            found.setdefault((channel.kind, channel.target.casefold()), channel)
    return tuple(found.values())


def _read(text: str) -> list[Channel]:
    out: list[Channel] = [Channel("web", url, url) for url in _WEB.findall(text)]
    for f in privacy.find_identifiers(text):
        value = text[f.start:f.end]
        if f.kind == privacy.EMAIL:
            out.append(Channel("email", value, value))
        elif f.kind == privacy.PHONE:
            digits = privacy.contact_digits(value)
            out.append(Channel("whatsapp" if _MOBILE.fullmatch(digits) else "telepon", value, digits))
    return out


@dataclass(frozen=True)
class ContactLink:
    """One contact as a link that opens the reader's own app, the page's title and address filled in where it can."""

    kind: ChannelKind = doc("email, whatsapp, telepon or web (see `Channel`).")
    label: str = doc("The mailbox, number or address as site.yml writes it.")
    href: str = doc("mailto:, https://wa.me/, tel: or the office's web address; percent-encoded, ready for a link.")


@dataclass(frozen=True)
class Ask:
    """One thing a reader may ask for, with a link per contact."""

    kind: str = doc("usul, sanggah or koreksi: its words are kata.usul.aksi[kind].")
    links: tuple[ContactLink, ...] = doc("Every contact, as a link whose message names this request.")


@dataclass(frozen=True)
class Usul:
    """The usul, sanggah and koreksi block of one page."""

    title: str = doc("The page's title, which the prefilled message quotes.")
    url: str | None = doc("The page's public address, which the message carries; none when mkdocs.yml has no site_url.")
    asks: tuple[Ask, ...] = doc("Usul, sanggah and koreksi, in that order, each linked to every e-mail and WhatsApp contact (empty when there is none).")
    direct: tuple[ContactLink, ...] = doc("Contacts that carry no message: a landline to call, the office's web page.")
    office: str = doc("The publisher's name: where to go in person when there is no link.")
    address: str | None = doc("The publisher's office address, if site.yml gives one.")
    policy: str = doc("The link from this page to the privacy policy's part on what happens next.")


@dataclass(frozen=True)
class Office:
    """Where a site's readers send usul, sanggah and koreksi, read once per build."""

    name: str  # the publisher's name
    address: str | None  # its office address, if site.yml gives one
    contacts: tuple[Channel, ...]
    words: Mapping[str, Any]  # kata.usul

    @classmethod
    def of(cls, content: Content, name: str, words: Mapping[str, Any]) -> Office:
        return cls(name, content.site.address, channels(content), words["usul"])

    def block(self, title: str, url: str | None, policy: str) -> Usul:
        """The block of the page `title` at public address `url`, each request linked to every contact."""
        fill = {"judul": title, "alamat": url or ""}
        body = self.words["isi" if url else "isi_tanpa_alamat"].format_map(fill)

        def written(kind: str, c: Channel) -> ContactLink:
            subject = self.words["subjek"][kind].format_map(fill)
            href = mailto(c.target, subject, body) if c.kind == "email" else whatsapp(c.target, f"{subject}\n\n{body}")
            return ContactLink(c.kind, c.label, href)

        asks = tuple(Ask(kind, tuple(written(kind, c) for c in self.contacts if c.kind in ("email", "whatsapp")))
                     for kind in ASKS)
        direct = tuple(ContactLink(c.kind, c.label, telephone(c.target) if c.kind == "telepon" else c.target)
                       for c in self.contacts if c.kind in ("telepon", "web"))
        return Usul(title, url, asks, direct, self.name, self.address, policy)
