"""The data model: small frozen dataclasses that every stage reads and returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


def _where(path: str, line: int | None) -> str:
    return f"{path} line {line}" if line else path


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file, shown on the build report."""

    path: str
    """The file, relative to the corpus folder's parent (`seeds/x.txt`)."""
    severity: Severity
    """`error` rejects the file; `warning` publishes it with a note."""
    message: str
    """What is wrong and why, in plain words."""
    line: int | None = None
    """1-based line in the file, where there is one."""

    def __str__(self) -> str:
        return f"{self.severity}: {_where(self.path, self.line)}: {self.message}"


@dataclass(frozen=True)
class Span:
    """A recognised part of an article (headline, caption, dateline, byline) with its file offsets."""

    kind: str
    """Kind of part: `source` (a first line that is a web address), `headline`, `date` (a line that only
    dates the article), `standfirst`, `caption`, `credit`, `dateline`, `byline`, `boilerplate`."""
    text: str
    """The part as written: `article.text[start:end]`."""
    start: int
    """Offset of the first character in the decoded file text."""
    end: int
    """Offset just past the last character."""


@dataclass(frozen=True)
class Metadata:
    """What is known about an article besides its text, from whatever format it came in."""

    outlet: str | None = None
    """The publishing outlet's display name."""
    url: str | None = None
    """Where the article was published."""
    published: str | None = None
    """ISO date, or datetime with zone, of publication."""
    retrieved: str | None = None
    """ISO date or datetime when the article was collected."""
    authors: tuple[str, ...] = ()
    """Author names as given."""
    language: str | None = None
    """Language code (`en`, `fr`, `pt-BR`)."""
    license: str | None = None
    """Licence of the text, as given."""
    title: str | None = None
    """Title override: wins over the headline found in the text."""
    event: str | None = None
    """Name of an event this article is forced into."""
    tags: tuple[str, ...] = ()
    """Subject tags as given (`tags`, `categories` or `keywords`), first spelling of each kept."""


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of the article body."""

    index: int
    """0-based position among the body paragraphs."""
    start: int
    """Offset of the first character in the decoded file text."""
    end: int
    """Offset just past the last character."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of the article body."""

    id: str
    """Stable within its article: `s1`, `s2`, ... in reading order."""
    text: str
    """The sentence as written: `article.text[start:end]`."""
    key: str
    """Comparison key: the text normalised for matching, never shown."""
    start: int
    """Offset of the first character in the decoded file text."""
    end: int
    """Offset just past the last character."""
    paragraph: int
    """Index of the body paragraph holding the sentence."""


@dataclass(frozen=True)
class History:
    """What the corpus's git repository records about a file."""

    commit: str
    """The commit that last changed the file."""
    date: str
    """That commit's date, ISO 8601 with zone."""
    path: str
    """The file's path in the repository."""
    changed: bool = False
    """The file has changes not yet committed: the text shown is newer than the commit."""
    link: str | None = None
    """The file at that commit on the hosting site, when `repo_url` is set in mkdocs.yml."""


@dataclass(frozen=True)
class FileChange:
    """One file a commit added, modified, removed or renamed under the corpus folder."""

    status: Literal["added", "modified", "removed", "renamed"]
    path: str
    """The file after the commit, relative to the corpus folder (for `removed`, the file removed)."""
    old_path: str | None = None
    """A renamed file's earlier path."""
    same_text: bool = False
    """A rename that left the text as it was."""


@dataclass(frozen=True)
class Commit:
    """A commit of the corpus's git history that touched the corpus folder."""

    commit: str
    date: str
    """Committer date, ISO 8601 with zone."""
    subject: str
    """The first line of the commit message."""
    files: tuple[FileChange, ...]
    link: str | None = None
    """The commit on the hosting site, when `repo_url` is set in mkdocs.yml."""


@dataclass(frozen=True)
class EventChange:
    """What one commit did to one event, as events are grouped in this build."""

    event: str
    """The event's id."""
    kind: Literal["new", "grown", "revised"]
    """`new`: its first accounts arrived; `grown`: an account was added; `revised`: a text changed."""
    articles: tuple[str, ...]
    """The accounts concerned."""


@dataclass(frozen=True)
class Change:
    """What a build after one commit added or changed: an entry of the changes page and the feed."""

    commit: str
    """The commit, or "" for changes in the working tree not yet committed."""
    date: str
    subject: str
    link: str | None
    events: tuple[EventChange, ...]
    """New events first, then events with new accounts, then events with revised accounts."""
    unpublished: tuple[str, ...] = ()
    """Files added or changed that are on the build report, not a page, relative to the corpus folder."""
    removed: tuple[str, ...] = ()
    """Files removed from the corpus, relative to the corpus folder."""
    other: tuple[str, ...] = ()
    """Other files changed: the corpus file, files that are not articles."""


@dataclass(frozen=True)
class Credit:
    """An agency, organisation or person an article credits for its text, photos or claims."""

    name: str
    """The name as the article writes it (`AFP`, `the Syrian Observatory for Human Rights`)."""
    type: str
    """`agency`, `organization`, `government`, `person` or `anonymous`, as the facts classify it."""
    how: str
    """`credit line` (a byline or photo credit) or `cited` (a source of a statement)."""


@dataclass(frozen=True)
class Article:
    """One news article read from one input file."""

    id: str
    """The file name without its extension."""
    slug: str
    """URL-safe form of the id, unique in the corpus."""
    path: str
    """The file, relative to the corpus folder's parent (`seeds/x.txt`)."""
    sha256: str
    """Hex digest of the file's bytes."""
    size: int
    """Size of the file in bytes."""
    text: str
    """The decoded file text that every offset refers to."""
    title: str
    """Headline, or a title made from the first sentence when there is none."""
    title_source: Literal["metadata", "headline", "first-sentence", "file-name"]
    """Where the title came from."""
    headline: Span | None
    """The headline line, when the file has one."""
    dateline: Span | None
    """The dateline opening the body (`SANA’A:`), without its separator."""
    byline: Span | None
    """The byline (`By Jane Doe`), when there is one."""
    captions: tuple[Span, ...]
    """Photo captions, in file order."""
    paragraphs: tuple[Paragraph, ...]
    """Body paragraphs, in file order."""
    sentences: tuple[Sentence, ...]
    """Body sentences, in file order."""
    meta: Metadata = Metadata()
    """Metadata from the file, its sidecar, or its record, checked."""
    format: str = "txt"
    """Input format: `txt`, `md`, `json`, `jsonl` or `html`."""
    text_source: Literal["file", "record", "extracted"] = "file"
    """What offsets refer to: the decoded file, a JSON record's text, or text extracted from HTML."""
    record: int | None = None
    """For JSON and JSON lines: the record's number (1-based) in its file."""
    standfirst: Span | None = None
    """The summary paragraph between headline and body, when there is one."""
    credits: tuple[Span, ...] = ()
    """Agency and photo credits: `(AP File Photo)`, `(Reuters)`, `Reporting by ...`."""
    boilerplate: tuple[Span, ...] = ()
    """Trailing or inline boilerplate (related links, copyright, newsletter prompts): shown folded."""
    companions: tuple[str, ...] = ()
    """Other input files this article used: its metadata sidecar."""
    problems: tuple[Problem, ...] = ()
    """Warnings about the file; the article is still published."""
    history: History | None = None
    """The file's last commit, when the corpus folder is in a git checkout."""
    source_line: Span | None = None
    """A first line that is only a web address: the article's `url` when no metadata gives one."""
    date_line: Span | None = None
    """A line before the body that only dates the article: its `published` day when no metadata gives one."""
    credited: tuple[Credit, ...] = ()
    """Agencies, organisations and people the article credits, in order of first mention."""
    account_name: str = ""
    """What readers call this account: the outlet (or its web domain), else words of its headline or its
    dateline; with the date, or a number, where another account of the corpus has the same name."""

    @property
    def outlet(self) -> str | None:
        """The publishing outlet, when known."""
        return self.meta.outlet

    @property
    def url(self) -> str | None:
        """Where the article was published, when known."""
        return self.meta.url

    @property
    def published(self) -> str | None:
        """ISO date or datetime of publication, when known."""
        return self.meta.published

    @property
    def label(self) -> str:
        """Short name for column headers and notes: the account's name, else the outlet, else the id."""
        return self.account_name or self.outlet or self.id


@dataclass(frozen=True)
class Rejected:
    """An input file that could not be published, with the reason."""

    path: str
    """The file, relative to the corpus folder's parent."""
    reason: str
    """Why it was rejected, in plain words."""
    line: int | None = None
    """1-based line of the fault, where there is one."""
    severity: Literal["error", "ignored", "not-an-article"] = "error"
    """`ignored`: not meant to be an article (hidden files); `not-an-article`: a page with no story
    (login wall, cookie notice, list of links); `error`: a bad file."""

    def __str__(self) -> str:
        return f"{self.severity}: {_where(self.path, self.line)}: {self.reason}"


@dataclass(frozen=True)
class Outlet:
    """A publisher named in the corpus file."""

    name: str
    """Display name (`Daily Sabah`)."""
    domain: str | None = None
    """Web domain (`dailysabah.com`); articles whose URL is on it belong to the outlet."""
    country: str | None = None
    """Country, as the corpus file gives it."""
    files: tuple[str, ...] = ()
    """File-name patterns (`000_*`) of articles that belong to the outlet."""


@dataclass(frozen=True)
class EventRule:
    """A corpus maintainer's decision about events, from the corpus file; it wins over the algorithm."""

    articles: tuple[str, ...] = ()
    """Article ids whose events are merged into one."""
    split: tuple[str, ...] = ()
    """Article ids that each stand alone as an event."""
    name: str | None = None
    """An `event` field value the rule is about (for its title)."""
    title: str | None = None
    """Title for the event the rule's articles or name make."""


@dataclass(frozen=True)
class Membership:
    """Why one article belongs to its event."""

    score: float
    """Similarity to the rest of the event, 0 to 1 (1 for an event of one article, or an override)."""
    shared_sentences: int
    """Sentences of this article found, identical or edited, in another member's cell of the same
    side-by-side row: counted by the compare stage from its alignment (0 until then)."""
    shared_terms: tuple[str, ...]
    """The strongest names and terms this article shares with the other members."""
    reason: str
    """`similar`, `only article`, or the override that put it here (`event field`, `corpus file`)."""


@dataclass(frozen=True)
class Row:
    """One row of an event's side-by-side view: the same sentence in each account that has it."""

    number: int
    """1-based position in the view; the row's anchor is `#r<number>`."""
    kind: str
    """`identical`, `edited`, `paraphrased`, `split` (one sentence in the base account against two in
    another), `merged` (two in the base against one), `moved`, or `added` (in some accounts only)."""
    cells: tuple[tuple[str, tuple[str, ...]], ...]
    """(article id, its sentence ids in this row), for the accounts that have the row, in column order."""


@dataclass(frozen=True)
class TextSpan:
    """A stretch of one article's text, with offsets into its decoded file text."""

    article: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Difference:
    """One named difference between two accounts inside a row."""

    row: int
    kind: str
    """`typography`, `spelling`, `wording`, `number`, `added` (only in `b`) or `dropped` (only in `a`)."""
    a: TextSpan | None
    """The reference account's words (the first account in the row); None when added."""
    b: TextSpan | None
    """The other account's words; None when dropped."""


@dataclass(frozen=True)
class Pair:
    """Two accounts of an event compared row by row: the view a reader chooses on the event page."""

    left: str
    """The account read as the base: its words are shown as they stand."""
    right: str
    """The account compared with it."""
    differences: tuple[Difference, ...]
    """Named differences in the rows both accounts have, `a` on the left account."""
    shared: int
    """Rows both accounts have."""
    apart: int
    """Rows only one of the two has."""


@dataclass(frozen=True)
class Framing:
    """Terms one account uses where another uses a different one: a `wording` substitution."""

    terms: tuple[str, ...]
    """The terms, lower case, sorted."""
    uses: tuple[tuple[str, tuple[str, ...]], ...]
    """(term, ids of the articles that use it here), in `terms` order."""
    rows: tuple[int, ...]
    """Row numbers where the substitution happens."""


@dataclass(frozen=True)
class Attribution:
    """Who a fact or a quote is credited to, as the text says it."""

    type: str
    """`person`, `anonymous`, `witnesses` (residents, witnesses), `agency`, `organization`, `government`."""
    who: str | None
    """The source as written ("he", "an official who declined to be named"), resolved to a name when known."""
    cue: str | None
    """The attributing words: `said`, `told`, `according to`, `claimed`."""


@dataclass(frozen=True)
class Fact:
    """One thing an account states, traced to the exact characters that state it."""

    kind: str
    """`killed`, `injured`, `missing`, `arrested`, `displaced`, `time`, `date`, `duration`, `distance`,
    `place`, `person`, `organization`, `quote` or `source`."""
    key: str
    """The facts-table row it belongs to (`killed`, `place`, `person:charles lister`, `source:afp`)."""
    value: tuple[tuple[str, str | int | float | bool | None], ...]
    """The fact as data, key-value pairs (a count: `min`, `max`, `qualifier`, `who`)."""
    text: str
    """The words stating it, exactly as in the file: `text == article.text[start:end]`."""
    article: str
    """Article id."""
    sentence: str
    """Sentence id (`s4`) holding the words."""
    start: int
    """Character offset of the words in the article's text."""
    end: int
    """End offset (exclusive)."""
    extractor: str
    """Module that found it (`counts`, `quotes`, ...)."""
    attribution: Attribution | None = None
    """Whom the account credits for it, when it does."""


@dataclass(frozen=True)
class TableRow:
    """One row of an event's facts table: one fact key, each account's facts for it, and their status."""

    key: str
    kind: str
    status: str
    """`agree`, `differ` (compatible values), `conflict` (incompatible figures) or `only` (one account)."""
    cells: tuple[tuple[str, tuple[int, ...]], ...]
    """(article id, indexes into the event's facts), for the accounts that state it, in column order."""


@dataclass(frozen=True)
class Note:
    """Something a careful editor would flag about an event's accounts, with the evidence it rests on."""

    kind: str
    """`caption`, `dateline`, `relative-date`, `name-variant`, `number-conflict`, `dropped-attribution`
    or `reuse`."""
    message: str
    """What was found, in plain words."""
    articles: tuple[str, ...]
    """Ids of the articles it is about."""
    evidence: tuple[str, ...]
    """Where it shows: `<article id>#<sentence id>`, `#caption-<n>`, `#dateline` or `#published`."""
    data: tuple[tuple[str, str | int | float | bool | None], ...] = ()
    """Figures behind the message (a reuse note's shares, its direction and confidence)."""


@dataclass(frozen=True)
class Event:
    """A group of articles that report the same event."""

    id: str
    """Stable id derived from the earliest member article."""
    slug: str
    """URL path segment: readable title words plus a short stable hash."""
    title: str
    """Readable title of the event."""
    article_ids: tuple[str, ...]
    """Member articles, earliest first."""
    title_source: str = "headline"
    """`corpus file`, `headline` (the most representative one), or `generated` (no member has a headline)."""
    date: str | None = None
    """ISO date of the event: the earliest publication date, else the date the texts give most."""
    date_source: str | None = None
    """`published` or `text`, when there is a date."""
    place: str | None = None
    """The place the texts name most (a town or country from the gazetteer), when any."""
    membership: tuple[tuple[str, Membership], ...] = ()
    """(article id, why it belongs), in member order."""
    topic: str = ""
    """Id of the coarser group of related events this one is part of."""
    overrides: tuple[str, ...] = ()
    """What the corpus maintainer decided for this event, in plain words."""
    columns: tuple[str, ...] = ()
    """Article ids in side-by-side column order: the base account (most sentences) first."""
    rows: tuple[Row, ...] = ()
    """The accounts aligned sentence by sentence; every sentence of every member is in one row."""
    differences: tuple[Difference, ...] = ()
    """Word-level differences inside the rows, each named."""
    added: tuple[tuple[int, str], ...] = ()
    """(row number, what it holds: `quote`, `attribution`, `background`) for rows only some accounts have."""
    pairs: tuple[Pair, ...] = ()
    """Every two accounts compared, in column order; the first pair is the one a page shows first."""
    framing: tuple[Framing, ...] = ()
    """The event's wording substitutions, most frequent first."""
    facts: tuple[Fact, ...] = ()
    """What each account states, every fact traced to its sentence."""
    table: tuple[TableRow, ...] = ()
    """The facts table: one row per fact key, with agreement and conflict marked."""
    notes: tuple[Note, ...] = ()
    lineage: str = field(default="", repr=False, compare=False)
    """Cache key of the last per-event result the event holds: it stands for all the results before it, so
    the next stage's key need not spell them out. Not part of the event's value, and not exported."""
    """Provenance notes: captions, datelines, relative dates, name variants, conflicts, reuse."""

    def sentence_rows(self) -> dict[tuple[str, str], int]:
        """{(article id, sentence id): the side-by-side row holding it}: where links to a sentence land."""
        return {(aid, sid): row.number for row in self.rows for aid, ids in row.cells for sid in ids}


@dataclass(frozen=True)
class Corpus:
    """Everything the analysis stages know about the corpus; render writes it out."""

    articles: tuple[Article, ...] = ()
    """Published articles, in file order."""
    rejected: tuple[Rejected, ...] = ()
    """Input files that could not be published."""
    events: tuple[Event, ...] = ()
    """Events, in a stable order (earliest member first)."""
    source_root: str = "seeds"
    """Name of the corpus folder, as paths in the model are written."""
    files: tuple[str, ...] = field(default=())
    """Every input file seen, published or not, in sorted order."""
    outlets: tuple[Outlet, ...] = ()
    """Outlets named in the corpus file."""
    notices: tuple[Problem, ...] = ()
    """Warnings about the corpus as a whole (the corpus file), not about one article."""
    event_rules: tuple[EventRule, ...] = ()
    """The corpus maintainer's event decisions from the corpus file."""
    changes: tuple[Change, ...] = ()
    """What each commit of the corpus history added or changed, newest first (uncommitted work first)."""

    def article(self, article_id: str) -> Article:
        """Return the article with this id."""
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every warning: about the corpus, then about each published article in file order."""
        return self.notices + tuple(p for a in self.articles for p in a.problems)
