"""What each template receives: one documented, frozen dataclass per template.

This is the contract with editors who restyle ``templates/``: a template may
read the fields of its context class (and, through them, the documented
fields of the values they hold) and nothing else. `INDEX` lists every
context by template; ``docs/templates.md`` is printed from these classes
(``warta guide``), and tests check that each template reads only documented
fields and uses every field its class adds.

Page contexts share `PageContext` (the site, the section links, the page's
own path and a link maker); partials are documented as contexts too, for
the variables their including templates set.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, time
from typing import ClassVar

from ..core.bahasa import Mentions
from ..core.documented import doc
from ..core.wilayah import Kelurahan
from .article import ArticleFacts, Organization, ProgramFacts
from .opendata import Breakdown, DataPage, EventData
from .policy import Names, PolicySummary
from .totals import Tally
from .usul import Usul


# --------------------------------------------------------------------------
# Values the pages show.


@dataclass(frozen=True)
class SiteInfo:
    """The site as every page names it."""

    title: str = doc("The site's title, from site.yml.")
    region: str = doc("The kabupaten/kota it covers: 'Kota Kupang'.")
    places: str = doc("How the law names its places: 'umum', 'papua', 'diy', 'kota-yogyakarta' (a key of kata.wilayah).")
    publisher: Organization = doc("Who publishes it.")
    contact: str = doc("Where readers send hak jawab, hak koreksi and privacy requests.")
    address: str | None = doc("The publisher's office address, if site.yml gives one.")
    logo: str | None = doc("The logo image below the site root, if site.yml gives one.")
    share: str = doc("The site's sharing card (og:image of pages without their own), below the site root.")


@dataclass(frozen=True)
class Story:
    """One article as other pages list it."""

    slug: str = doc("The event's file name without .yml.")
    path: str = doc("The article's address; give it to `href`.")
    headline: str = doc("The headline as plain text.")
    description: str = doc(
        "The lead's sentence in at most 160 characters, plain text, naming no recipient: news cards, feeds and link "
        "previews show it (a card also sits under other articles, where no other event's recipient may be named)."
    )
    date: date = doc("The day of the event.")
    program: str = doc("The programme's key.")
    facts: ArticleFacts = doc("Everything the article states.")
    image: str = doc("Its sharing image below the site root: the lead photo's crop, or a card drawn from the headline.")


@dataclass(frozen=True)
class PageLink:
    """A page of the site, by the name of what it is about."""

    name: str = doc("What the page is about: a programme, a kecamatan, a person.")
    path: str = doc("Its address; give it to `href`.")


@dataclass(frozen=True)
class KecamatanRef:
    """A kecamatan as a programme page lists it."""

    name: str = doc("Display name.")
    path: str = doc("Its page.")
    counts: tuple[int, ...] = doc("Recipients of the programme there, one figure per unit of `ProgramInfo.units`.")


@dataclass(frozen=True)
class Chart:
    """The rows of one bar chart: one unit, never several added together."""

    unit: str = doc("What the bars count: orang, keluarga, lembaga or kelompok.")
    rows: tuple[tuple[str, int], ...] = doc("(label, count) pairs, largest first (equal counts in gazetteer order): the bars in the order to draw.")
    places: tuple[KecamatanRef, ...] = doc("The same kecamatan in the same order, for the table beside the chart.")


@dataclass(frozen=True)
class Progress:
    """How far a programme has come against its target."""

    reached: int = doc("How many the records count so far, of what the target counts: recipients of its unit, or kecamatan reached.")
    target: int = doc("The target count.")
    unit: str = doc("What the target counts, as the programme writes it: 'warga', 'kapanewon'; 'penerima' when it says nothing.")
    share: float = doc("reached / target (use the `percent` filter).")


@dataclass(frozen=True)
class ProgramInfo:
    """One programme with its figures."""

    key: str = doc("Its file name in programs/.")
    path: str = doc("Its page.")
    news_path: str = doc("The page of its news.")
    name: str = doc("Its name.")
    summary: str = doc("One paragraph about it.")
    partners: tuple[Organization, ...] = doc("Partner organisations.")
    benefits: tuple[str, ...] = doc("What it gives, one item each.")
    target_group: str | None = doc("Who it is for, if given.")
    facts: ProgramFacts = doc("What its record says beyond the above: target, budget, how to join.")
    tally: Tally = doc("Its figures.")
    units: tuple[str, ...] = doc("The units its recipients are counted in (orang, keluarga, lembaga, kelompok), never added together.")
    per_kecamatan: tuple[KecamatanRef, ...] = doc("Every kecamatan of the region in gazetteer order, zeros included.")
    progress: Progress | None = doc("Progress against its target, when the records count what the target counts.")
    stories: tuple[Story, ...] = doc("Its articles, oldest first: a timeline.")


@dataclass(frozen=True)
class ProgramShare:
    """One programme's figures inside one kecamatan."""

    name: str = doc("The programme's name.")
    path: str = doc("The programme's page.")
    tally: Tally = doc("Its figures in this kecamatan.")
    unit: str | None = doc("The programme's first unit, which the chart shows; none without recipients.")


@dataclass(frozen=True)
class KecamatanEvent:
    """One event as a kecamatan page shows it."""

    story: Story = doc("The article about it.")
    program: str = doc("The programme's name.")
    recipients: int = doc("Recipients from this kecamatan.")
    unit: str = doc("What they are counted as: orang, keluarga, lembaga or kelompok.")
    source: str | None = doc("The document a declared count comes from; none when counted from names.")
    names: Names = doc("Those recipients as this page may show them.")


@dataclass(frozen=True)
class KecamatanInfo:
    """One kecamatan with its figures."""

    name: str = doc("Display name.")
    code: str = doc("Kemendagri code.")
    slug: str = doc("The last part of its address.")
    path: str = doc("Its page.")
    kelurahan: tuple[Kelurahan, ...] = doc("Its desa and kelurahan, from the gazetteer.")
    tally: Tally = doc("Recipients here; payments are not recorded per place.")
    programs: tuple[ProgramShare, ...] = doc("Every programme, with its figures here.")
    events: tuple[KecamatanEvent, ...] = doc("Events with recipients from here, newest first.")


@dataclass(frozen=True)
class Appearance:
    """What one speaker said at one event."""

    story: Story = doc("The article.")
    remarks: tuple[str, ...] = doc("Indirect speech, verb phrases as the record gives them.")
    quotes: tuple[str, ...] = doc("Verbatim quotes.")


@dataclass(frozen=True)
class PersonInfo:
    """A speaker (pejabat) and everything they said."""

    key: str = doc("Their key in people.yml.")
    path: str = doc("Their page.")
    name: str = doc("Full name.")
    title: str = doc("Position.")
    organization: Organization | None = doc("Their organisation, if given.")
    appearances: tuple[Appearance, ...] = doc("Events they spoke at, newest first.")

    @property
    def count(self) -> int:
        """How many events they spoke at."""
        return len(self.appearances)


@dataclass(frozen=True)
class CorrectionItem:
    """One correction as the Ralat page lists it."""

    date: date = doc("When it was published.")
    time: time | None = doc("At what time, if recorded.")
    timezone: str = doc("WIB, WITA or WIT.")
    note: str = doc("What was corrected.")
    story: Story = doc("The article it corrects.")


@dataclass(frozen=True)
class Month:
    """One month of the archive."""

    year: int = doc("The year.")
    month: int = doc("The month, 1 to 12.")
    path: str = doc("Its page.")
    year_path: str = doc("The page of its year.")
    stories: tuple[Story, ...] = doc("Its articles, newest first.")

    @property
    def count(self) -> int:
        """How many articles it holds."""
        return len(self.stories)


@dataclass(frozen=True)
class Year:
    """One year of the archive."""

    year: int = doc("The year.")
    path: str = doc("Its page.")
    months: tuple[Month, ...] = doc("Its months with news, newest first.")

    @property
    def count(self) -> int:
        """How many articles it holds."""
        return sum(m.count for m in self.months)


@dataclass(frozen=True)
class Topic:
    """One tag, with every spelling that shares its address."""

    slug: str = doc("The last part of its address.")
    path: str = doc("Its page.")
    names: tuple[str, ...] = doc("Every spelling merged into this topic, sorted.")
    stories: tuple[Story, ...] = doc("Its articles, newest first.")

    @property
    def count(self) -> int:
        """How many articles carry it."""
        return len(self.stories)


@dataclass(frozen=True)
class Pager:
    """Where one page of the news index sits among the others."""

    number: int = doc("This page's number, from 1.")
    last: int = doc("The number of the last page.")
    first_path: str = doc("The first page.")
    previous_path: str | None = doc("The page before, none on the first.")
    next_path: str | None = doc("The page after, none on the last.")
    last_path: str = doc("The last page.")


# --------------------------------------------------------------------------
# Article templates.


@dataclass(frozen=True)
class ArticleContext:
    """The whole article, in the format the environment writes."""

    TEMPLATE: ClassVar[str] = "article.j2"
    facts: ArticleFacts = doc("Everything the article states.")
    headline: str = doc("The headline as plain text (headline.j2's output).")
    description: str = doc("The meta description: one sentence of at most 160 characters, plain text.")
    root: str = doc("The site root relative to the article's address ('../../'): raw HTML (the photo) starts its links with it.")
    image: str = doc("The sharing image below the site root, for the front matter (og:image); empty in `warta render`.")
    rows: EventData | None = doc("The event's open-data rows and files, which the \"Fakta\" box links to; none in `warta render`.", default=None)
    usul: Usul | None = doc("The usul, sanggah and koreksi block under the article on the site; none in `warta render`.", default=None)


@dataclass(frozen=True)
class HeadlineContext:
    """The headline: the record's own, or one written from the facts."""

    TEMPLATE: ClassVar[str] = "headline.j2"
    facts: ArticleFacts = doc("Everything the article states.")


@dataclass(frozen=True)
class LeadContext:
    """The lead sentence: who, what, for whom, where, when."""

    TEMPLATE: ClassVar[str] = "lead.j2"
    facts: ArticleFacts = doc("Everything the article states.")


@dataclass(frozen=True)
class DescriptionContext:
    """The meta description: one sentence of at most 160 characters, plain text."""

    TEMPLATE: ClassVar[str] = "description.j2"
    facts: ArticleFacts = doc("Everything the article states.")


@dataclass(frozen=True)
class FooterPartial:
    """The press-law footer, included at the end of article.j2."""

    TEMPLATE: ClassVar[str] = "partials/footer.j2"
    facts: ArticleFacts = doc("Everything the article states.")
    said: Mentions = doc("The article's Mentions, so the publisher is named in full only at its first mention.")


@dataclass(frozen=True)
class FactsPartial:
    """\"Fakta dalam berita ini\": every figure the article stated and where it comes from, included by article.j2."""

    TEMPLATE: ClassVar[str] = "partials/fakta.j2"
    facts: ArticleFacts = doc("Everything the article states; `facts.figures` are the box's candidate lines.")
    stated: list[str] = doc("The keys of the figures (`FactLine.key`) the article printed, in order: the lines to show.")
    rows: EventData | None = doc("The event's open-data rows, shown under the box and linked from its lines; none in `warta render`.")


@dataclass(frozen=True)
class UsulPartial:
    """How a reader proposes, contests or corrects, included by article.j2 and kecamatan.j2 after they set `usul`."""

    TEMPLATE: ClassVar[str] = "partials/usul.j2"
    usul: Usul = doc("The block: what a reader may ask for, and the links that open their own mail, WhatsApp or phone.")


# --------------------------------------------------------------------------
# Page templates.


@dataclass(frozen=True)
class PageContext:
    """What every page template receives."""

    site: SiteInfo = doc("The site.")
    links: Mapping[str, str] = doc(
        "Section addresses by name: home, berita, arsip, topik, program, kecamatan, narasumber, "
        "ralat, pedoman, privasi, data, and rss and atom when the build makes feeds."
    )
    page: str = doc("This page's own address.")
    href: Callable[[str], str] = doc("href(address): the link to an address from this page.")
    root: str = doc("The site root relative to where this page is served ('../../'), for links inside raw HTML.")


@dataclass(frozen=True)
class ArticleLinksContext(PageContext):
    """What the site adds under an article: what it is about, the share row, related news, its neighbours in time."""

    TEMPLATE: ClassVar[str] = "pages/article-links.j2"
    story: Story = doc("The article itself.")
    program: PageLink = doc("Its programme's page.")
    kecamatan: tuple[PageLink, ...] = doc("The page of each kecamatan its recipients come from, in record order.")
    speakers: tuple[PageLink, ...] = doc("The page of each person who spoke, in record order.")
    url: str | None = doc("The article's public address, for the share links; none when mkdocs.yml has no site_url.")
    related: tuple[Story, ...] = doc("Up to five other articles: the same programme's nearest in time, then the same kecamatan's, then any nearest in time.")
    previous: Story | None = doc("The article just before this one, if any.")
    next: Story | None = doc("The article just after this one, if any.")


@dataclass(frozen=True)
class HomeContext(PageContext):
    """Beranda."""

    TEMPLATE: ClassVar[str] = "pages/home.j2"
    programs: tuple[ProgramInfo, ...] = doc("Every programme, by name.")
    tally: Tally = doc("The figures of every record.")
    news: tuple[Story, ...] = doc("The newest articles, newest first.")
    kecamatan: tuple[PageLink, ...] = doc("The page of every kecamatan of the region, in gazetteer order.")
    sums: Mapping[str, str] = doc("Figure -> the Data terbuka table whose rows it sums, as an address from the site root (raw HTML: put `root` before it): units, declared, kecamatan, events, participants, payments, paid.")


@dataclass(frozen=True)
class NewsIndexContext(PageContext):
    """One page of the news index."""

    TEMPLATE: ClassVar[str] = "pages/berita-index.j2"
    stories: tuple[Story, ...] = doc("The articles on this page, newest first.")
    pager: Pager = doc("Where this page sits among the others.")


@dataclass(frozen=True)
class ArchiveContext(PageContext):
    """The archive's index of years and months."""

    TEMPLATE: ClassVar[str] = "pages/arsip-index.j2"
    years: tuple[Year, ...] = doc("Years with news, newest first.")


@dataclass(frozen=True)
class ArchiveYearContext(PageContext):
    """One year of the archive."""

    TEMPLATE: ClassVar[str] = "pages/arsip-tahun.j2"
    year: Year = doc("The year and its months.")


@dataclass(frozen=True)
class ArchiveMonthContext(PageContext):
    """One month of the archive."""

    TEMPLATE: ClassVar[str] = "pages/arsip-bulan.j2"
    month: Month = doc("The month and all its articles.")
    stories: tuple[Story, ...] = doc("The articles on this page, newest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class ProgramNewsContext(PageContext):
    """The news of one programme."""

    TEMPLATE: ClassVar[str] = "pages/berita-program.j2"
    program: ProgramInfo = doc("The programme.")
    stories: tuple[Story, ...] = doc("Its articles on this page, newest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class TopicsContext(PageContext):
    """The index of topics."""

    TEMPLATE: ClassVar[str] = "pages/topik-index.j2"
    topics: tuple[Topic, ...] = doc("Every topic, by address.")


@dataclass(frozen=True)
class TopicContext(PageContext):
    """The news on one topic."""

    TEMPLATE: ClassVar[str] = "pages/topik.j2"
    topic: Topic = doc("The topic and all its articles.")
    stories: tuple[Story, ...] = doc("The articles on this page, newest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class ProgramsContext(PageContext):
    """The index of programmes."""

    TEMPLATE: ClassVar[str] = "pages/program-index.j2"
    programs: tuple[ProgramInfo, ...] = doc("Every programme, by name.")


@dataclass(frozen=True)
class ProgramContext(PageContext):
    """One programme."""

    TEMPLATE: ClassVar[str] = "pages/program.j2"
    program: ProgramInfo = doc("The programme and its figures.")
    charts: tuple[Chart, ...] = doc("One chart per unit of `program.units`: every kecamatan's recipients in that unit, largest first, the numbers of `program.per_kecamatan`.")
    breakdowns: tuple[Breakdown, ...] = doc("The open-data rows its figures sum (recipients, events, payments, goods), each table once.")
    sums: Mapping[str, str] = doc("Figure -> the link to the rows it sums: units, declared, kecamatan, events, participants, payments, paid, goods.")
    stories: tuple[Story, ...] = doc("The timeline's articles on this page, oldest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class KecamatanIndexContext(PageContext):
    """The index of kecamatan."""

    TEMPLATE: ClassVar[str] = "pages/kecamatan-index.j2"
    kecamatan: tuple[KecamatanInfo, ...] = doc("Every kecamatan of the region, in gazetteer order.")


@dataclass(frozen=True)
class KecamatanContext(PageContext):
    """One kecamatan.

    Names are listed apart from any description of the recipients, so no
    named person is ever tied to a poverty or vulnerability label.
    """

    TEMPLATE: ClassVar[str] = "pages/kecamatan.j2"
    kecamatan: KecamatanInfo = doc("The kecamatan and its figures.")
    chart_rows: tuple[tuple[str, int], ...] = doc("('programme (unit)', recipients here) for bar_chart, largest first: each programme in its first unit, the numbers of `kecamatan.programs`.")
    usul: Usul = doc("The usul, sanggah and koreksi block of this page.")
    breakdowns: tuple[Breakdown, ...] = doc("The open-data rows its figures sum: the recipients' rows of this kecamatan.")
    sums: Mapping[str, str] = doc("Figure -> the link to the rows it sums: units, declared, events.")
    events: tuple[KecamatanEvent, ...] = doc("The events on this page, newest first: the Kegiatan table and the names.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class PeopleContext(PageContext):
    """The index of speakers."""

    TEMPLATE: ClassVar[str] = "pages/narasumber-index.j2"
    people: tuple[PersonInfo, ...] = doc("Every speaker, by name.")


@dataclass(frozen=True)
class PersonContext(PageContext):
    """One speaker."""

    TEMPLATE: ClassVar[str] = "pages/narasumber.j2"
    person: PersonInfo = doc("The speaker and everything they said.")
    appearances: tuple[Appearance, ...] = doc("The events on this page, newest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class CorrectionsContext(PageContext):
    """Ralat: every correction."""

    TEMPLATE: ClassVar[str] = "pages/ralat.j2"
    corrections: tuple[CorrectionItem, ...] = doc("The corrections on this page, newest first.")
    pager: Pager = doc("Where this page sits among the pages of the listing (`pages.listing`): later pages hold the rest.")


@dataclass(frozen=True)
class PedomanContext(PageContext):
    """The corrections and right-of-reply policy (Pedoman Media Siber)."""

    TEMPLATE: ClassVar[str] = "pages/pedoman-media-siber.j2"


@dataclass(frozen=True)
class PrivacyContext(PageContext):
    """Kebijakan Privasi: what the site publishes about people."""

    TEMPLATE: ClassVar[str] = "pages/kebijakan-privasi.j2"
    policy: PolicySummary = doc("What the privacy policy decided for this site.")


@dataclass(frozen=True)
class DataContext(PageContext):
    """Data terbuka: the downloads and their data dictionary."""

    TEMPLATE: ClassVar[str] = "pages/data.j2"
    data: DataPage = doc("The published tables, their files and licences.")


@dataclass(frozen=True)
class SearchContext(PageContext):
    """Cari: the search page, whose script asks the Pagefind index in small pieces."""

    TEMPLATE: ClassVar[str] = "pages/cari.j2"
    programs: tuple[str, ...] = doc("Every programme's name, by name: the values of the `program` filter.")
    kecamatan: tuple[str, ...] = doc("Every kecamatan's name, in gazetteer order: the values of the `kecamatan` filter.")
    bundle: str = doc("Pagefind's folder below the site root, where the search script finds the index.")


@dataclass(frozen=True)
class StoryCardsPartial(PageContext):
    """News cards (photo, headline, date, the description as excerpt), included by listing pages after they set `stories`."""

    TEMPLATE: ClassVar[str] = "pages/partials/story-cards.j2"
    stories: tuple[Story, ...] = doc("The articles, in the order to show.")
    level: int = doc("Optional: the heading level of each headline, 2 unless the page sets it (3 under a section heading).")


@dataclass(frozen=True)
class PagerPartial(PageContext):
    """The line under a paginated listing: which page this is, and links to the first, previous, next and last."""

    TEMPLATE: ClassVar[str] = "pages/partials/pager.j2"
    pager: Pager = doc("Where this page sits among the others.")


@dataclass(frozen=True)
class TallyPartial(PageContext):
    """Headline figures as a table, included after the page sets `tally`. Counts only: no name."""

    TEMPLATE: ClassVar[str] = "pages/partials/tally.j2"
    tally: Tally = doc("The figures.")
    place: bool = doc("Optional: true on a kecamatan's page, which leaves out the kecamatan count and payments.")
    sums: Mapping[str, str] = doc("Optional: figure -> the link to the rows it sums (units, declared, kecamatan, events, participants, payments, paid, goods); a figure not in it is not linked.")


@dataclass(frozen=True)
class RincianPartial:
    """The open-data rows a page's figures sum, collapsed; included by fakta.j2, program.j2 and kecamatan.j2 after they set `rincian`."""

    TEMPLATE: ClassVar[str] = "partials/rincian.j2"
    rincian: Breakdown = doc("The rows, their columns and the table they come from.")
    root: str = doc("The site root relative to the page, for the link to the whole table.")


# --------------------------------------------------------------------------
# Everything else.


@dataclass(frozen=True)
class PreviewContext:
    """Shown only by `mkdocs serve` for broken records: at a broken event's own address, or everywhere when nothing can be shown."""

    TEMPLATE: ClassVar[str] = "preview-errors.j2"
    problems: tuple[str, ...] = doc("Each mistake as 'file:line: pesan'; one repeated on many lines of a file is one item listing them.")
    record: str | None = doc("The event file at whose article address this page stands, its problems only; none when the whole preview stopped.")


@dataclass(frozen=True)
class NewEventContext:
    """The commented skeleton `warta new` writes."""

    TEMPLATE: ClassVar[str] = "new-event.yml.j2"
    date: str = doc("The event's date, YYYY-MM-DD.")
    programs: tuple[str, ...] = doc("The programme keys to choose from.")
    kind: str = doc("The kind of event the skeleton is for: penyerahan, pelatihan, rapat ...")
    kecamatan: str = doc("A kecamatan of the site's region and one of its kelurahan, for the example lines: 'Alak', 'Namosain'.")
    kelurahan: str = doc("One kelurahan or desa of that kecamatan.")


@dataclass(frozen=True)
class NewSite:
    """A new site as `warta init` starts it: its region from the gazetteer, the rest for staff to fill in."""

    region: str = doc("The kabupaten/kota: 'Kabupaten Sikka'.")
    code: str = doc("Its Kemendagri code: '53.07'.")
    province: str = doc("Its province: 'Nusa Tenggara Timur'.")
    timezone: str = doc("WIB, WITA or WIT, from the province.")
    places: str = doc("How the law names its places (a key of kata.wilayah): 'umum', 'papua', 'diy', 'kota-yogyakarta'.")
    title: str = doc("The site's title.")
    dateline: str = doc("The first word of every article: 'SIKKA'.")
    publisher: str = doc("The pemda's key in organizations.yml: 'pemkab-sikka'.")
    publisher_name: str = doc("The pemda's name: 'Pemerintah Kabupaten Sikka'.")
    publisher_short: str = doc("Its short name: 'Pemkab Sikka'.")
    version: str = doc("Warta's version, which the CI files and the pre-commit hook pin.")
    source: str = doc("Where Warta's source lives (the pre-commit hook's repository).")


@dataclass(frozen=True)
class SkeletonContext:
    """Every file `warta init` writes from a template (templates/init/) receives the new site's facts."""

    TEMPLATES: ClassVar[tuple[str, ...]] = (
        "init/site.yml.j2", "init/organizations.yml.j2", "init/program.yml.j2", "init/tentang.md.j2",
        "init/mkdocs.yml.j2", "init/gitignore.j2", "init/pre-commit-config.yaml.j2",
        "init/github-actions.yml.j2", "init/gitlab-ci.yml.j2", "init/README.md.j2",
    )
    site: NewSite = doc("The new site.")


@dataclass(frozen=True)
class ThemeContext:
    """What the theme override (theme/main.html) reads as ``config.extra.warta``, beside MkDocs' own context."""

    TEMPLATE: ClassVar[str] = "theme/main.html"
    publisher: str = doc("The publisher's name: JSON-LD and the footer.")
    region: str = doc("The kabupaten/kota, for JSON-LD.")
    address: str | None = doc("The publisher's office address, for the footer, if site.yml gives one.")
    contact: str = doc("Where readers send hak jawab, hak koreksi and requests for information (PPID): an e-mail or a web address.")
    contacts: tuple[str, ...] = doc("site.yml's official_contacts (hotlines, offices), for the footer.")
    links: Mapping[str, str] = doc("Section addresses by name as PageContext.links gives them, but as served addresses relative to the site root: give them to MkDocs' `url` filter.")
    share: str = doc("The site's sharing card, relative to the site root: og:image of pages without their own.")
    rss: str | None = doc("The RSS feed, relative to the site root; none when the build makes no feeds.")
    atom: str | None = doc("The Atom feed, relative to the site root; none when the build makes no feeds.")
    problems: tuple[str, ...] = doc("The editors' preview only: each problem of a record whose last good version is shown, as 'file:line: pesan'; empty in a build.")


@dataclass(frozen=True)
class Crumb:
    """One page above the current one in the breadcrumbs."""

    title: str = doc("Its title as MkDocs knows it: HTML-escaped or not, so pass it through `striptags` and `e`.")
    url: str = doc("Its address relative to the site root; give it to MkDocs' `url` filter.")


@dataclass(frozen=True)
class ThemePageContext:
    """What the theme override reads as ``warta_page``: the facts of the page being rendered."""

    TEMPLATE: ClassVar[str] = "theme/partials/trail.html"
    trail: tuple[Crumb, ...] = doc("The pages above this one, home first; empty on the home page.")
    search: bool = doc("Whether search indexes this page: the theme marks its text for Pagefind.")


INDEX: Mapping[str, type] = {
    cls.TEMPLATE: cls
    for cls in (
        ArticleContext, HeadlineContext, LeadContext, DescriptionContext, FooterPartial, FactsPartial, UsulPartial,
        ArticleLinksContext, HomeContext, NewsIndexContext, ArchiveContext, ArchiveYearContext, ArchiveMonthContext,
        ProgramNewsContext, TopicsContext, TopicContext, ProgramsContext, ProgramContext,
        KecamatanIndexContext, KecamatanContext, PeopleContext, PersonContext, CorrectionsContext,
        PedomanContext, PrivacyContext, DataContext, SearchContext, StoryCardsPartial, PagerPartial, TallyPartial,
        RincianPartial, PreviewContext, NewEventContext, ThemeContext, ThemePageContext,
    )
} | {name: SkeletonContext for name in SkeletonContext.TEMPLATES}
"""Every template's context class, by the template's path below ``templates/``."""

PARTIALS = frozenset({FooterPartial.TEMPLATE, FactsPartial.TEMPLATE, UsulPartial.TEMPLATE, StoryCardsPartial.TEMPLATE,
                       PagerPartial.TEMPLATE, TallyPartial.TEMPLATE, RincianPartial.TEMPLATE})
"""Templates only ever included: their variables come from the template that includes them."""
