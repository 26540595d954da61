"""Ingest: read articles, decode, strip boilerplate, pull metadata, number the sentences.

Stages, in order (``load_articles`` runs them):
1. discover files (folders recursively; .txt/.text/.md, .html/.htm, .jsonl; other types are named as
   failures, never skipped silently);
2. decode bytes (UTF-8, else cp1252, else latin-1; recorded) and refuse empty or binary files;
3. build a text view (HTML: visible text of the main content, mapped back to raw offsets);
4. split into lines and drop boilerplate by named rules (every removed range is recorded);
5. pull metadata (title, outlet, publication date) from the lines;
6. split kept lines into numbered sentences, dropping repeated sentences.

Every offset is a code point in the raw decoded text, half-open.
"""

from __future__ import annotations

import hashlib
import json
import re
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from summarizer import metadata
from summarizer.errors import InputError
from summarizer.models import Removed
from summarizer.textview import TextView, html_view, plain_view

SUFFIXES = {".txt": "txt", ".text": "txt", ".md": "txt", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
SUPPORTED = ", ".join(SUFFIXES)  # for messages


@dataclass(frozen=True)
class SentenceSpan:
    n: int
    start: int  # raw offsets
    end: int
    text: str  # the visible text (equals raw[start:end] for plain text)
    vstart: int  # offset of ``text`` in the article's text view


@dataclass
class Article:
    id: str
    path: str
    raw: str
    encoding: str
    view: TextView
    sentences: list[SentenceSpan] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str = "unknown"

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.raw.encode("utf-8")).hexdigest()

    def sentence(self, n: int) -> SentenceSpan | None:
        return self.sentences[n - 1] if 1 <= n <= len(self.sentences) else None


def with_sentences(article: Article, spans: Sequence[tuple[int, int]]) -> Article:
    """The article cut into the given raw sentence ranges (a digest's own, which its facts cite by
    number) instead of the current splitter's; unchanged when a range does not fit the text."""
    if not spans or any(not 0 <= a < b <= len(article.raw) for a, b in spans):
        return article
    to_raw = article.view.to_raw
    sentences = []
    for n, (a, b) in enumerate(spans, 1):
        va, vb = (a, b) if to_raw is None else (bisect_left(to_raw, a), bisect_left(to_raw, b))
        sentences.append(SentenceSpan(n, a, b, article.view.text[va:vb], va))
    return replace(article, sentences=sentences)


@dataclass(frozen=True)
class Failure:
    """An input that could not become an article; the batch goes on without it."""

    path: str
    error: str


# --- 1-2: files and decoding -----------------------------------------------------------------------


def unsupported(path: Path) -> Failure:
    """A file of a type that is not read (a PDF, a Word file, an image): named, never skipped silently."""
    kind = f"type {path.suffix!r}" if path.suffix else "type (no extension)"
    return Failure(
        str(path), f"{path}: unsupported file {kind}: convert it to .txt or .html (read: {SUPPORTED})"
    )


def discover(paths: Sequence[Path]) -> tuple[list[Path], list[Failure]]:
    """Expand folders (recursively, sorted) into article files; name what cannot be used. In folders, a
    file of another type is a failure naming it (hidden ones, ``.DS_Store`` or ``.git/``, are passed
    over). A file given by name is read as text unless its extension says it is something else."""
    files: list[Path] = []
    failures: list[Failure] = []
    for path in paths:
        if path.is_dir():
            for found in sorted(path.rglob("*")):
                if found.is_dir():
                    continue
                if found.suffix.lower() not in SUFFIXES:
                    if not any(part.startswith(".") for part in found.relative_to(path).parts):
                        failures.append(unsupported(found))
                elif found.is_file():
                    files.append(found)
                else:  # a broken link, a socket, a device: named, not skipped silently
                    failures.append(Failure(str(found), f"{found}: not a readable file (broken link?)"))
        elif path.is_file():
            if path.suffix and path.suffix.lower() not in SUFFIXES:
                failures.append(unsupported(path))
            else:
                files.append(path)
        else:
            failures.append(Failure(str(path), f"{path}: no such file or folder"))
    return files, failures


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode article bytes; returns (text, encoding). Refuses empty and binary files."""
    if not data.strip():
        raise InputError(f"{path}: the file is empty")
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: this looks like a binary file (NUL bytes), not text")
    for encoding in ("utf-8", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "utf-8" and text.startswith("\ufeff"):
            return text[1:], "utf-8-sig"
        return text, encoding
    return data.decode("latin-1"), "latin-1"


def safe_id(value: str) -> str:
    """An article id that is safe as a file name inside the output folder."""
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", value).strip(".-")[:100]
    return cleaned or "article"


def read_file(path: Path) -> Iterator[Article | Failure]:
    """Yield the articles of one file (several for .jsonl), or a failure per bad file or line."""
    kind = SUFFIXES.get(path.suffix.lower(), "txt")
    try:
        raw, encoding = decode(path.read_bytes(), str(path))
    except OSError as exc:
        yield Failure(str(path), f"{path}: cannot read the file: {exc.strerror or exc}")
        return
    except InputError as exc:
        yield Failure(str(path), str(exc))
        return
    if kind != "jsonl":
        try:
            yield prepare(safe_id(path.stem), str(path), raw, encoding, kind)
        except InputError as exc:
            yield Failure(str(path), str(exc))
        except Exception as exc:  # a parser bug on one file must not stop the batch
            yield Failure(str(path), f"{path}: cannot extract the text ({type(exc).__name__}: {exc})")
        return
    for lineno, line in enumerate(raw.splitlines(), 1):
        where = f"{path}:{lineno}"
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Failure(where, f"{where}: not valid JSON ({exc.msg} at column {exc.colno})")
            continue
        text = record.get("text") if isinstance(record, dict) else None
        if not isinstance(text, str) or not text.strip():
            yield Failure(where, f"{where}: each line needs a non-empty string field 'text'")
            continue
        art_id = safe_id(str(record.get("id") or f"{path.stem}-{lineno}"))
        try:
            article = prepare(art_id, where, text, encoding, "txt")
        except InputError as exc:
            yield Failure(where, str(exc))
            continue
        article.title = str(record["title"]) if record.get("title") else article.title
        article.published = str(record["published"]) if record.get("published") else article.published
        yield article


def load_articles(paths: Sequence[Path]) -> tuple[list[Article], list[Failure]]:
    """Run ingest over files and folders. Bad inputs become failures; the rest go on."""
    files, failures = discover(paths)
    articles: list[Article] = []
    for path in files:
        for item in read_file(path):
            if isinstance(item, Article):
                articles.append(item)
            else:
                failures.append(item)
    return articles, failures


# --- 3-6: view, boilerplate, metadata, sentences ---------------------------------------------------


@dataclass(frozen=True)
class Line:
    start: int  # view offsets, stripped of surrounding blanks
    end: int
    text: str


def split_lines(text: str, keep: set[str] | None = None) -> list[Line]:
    """Non-blank lines of ``text`` with their offsets (only those in ``keep`` when given)."""
    lines: list[Line] = []
    for match in re.finditer(r"[^\n]+", text):
        body = match.group()
        stripped = body.strip()
        if not stripped or (keep is not None and _norm(stripped) not in keep):
            continue
        start = match.start() + (len(body) - len(body.lstrip()))
        lines.append(Line(start, start + len(stripped), stripped))
    return lines


def prepare(art_id: str, path: str, raw: str, encoding: str, kind: str, boilerplate: bool = True) -> Article:
    """Turn one decoded source into an article with numbered sentences (``boilerplate=False`` keeps
    every line: for a bare document such as a claim's evidence)."""
    view = html_view(raw) if kind == "html" else plain_view(raw)
    keep = _html_main_text(raw) if kind == "html" else None
    lines = split_lines(view.text, keep)
    article = Article(id=art_id, path=path, raw=raw, encoding=encoding, view=view)
    meta = metadata.extract(lines, raw if kind == "html" else None)
    article.title, article.outlet, article.published = meta.title, meta.outlet, meta.published
    body: list[Line] = []
    rules = metadata.classify(lines, meta) if boilerplate else [None] * len(lines)
    for line, rule in zip(lines, rules, strict=True):
        if rule is None:
            body.append(line)
        else:
            article.removed.append(_removed(view, rule, line.start, line.end))
    article.sentences = _number_sentences(view, body, article.removed)
    if not article.sentences:
        raise InputError(f"{path}: no article text left after removing boilerplate")
    article.language = metadata.detect_language(" ".join(s.text for s in article.sentences))
    return article


def _removed(view: TextView, kind: str, start: int, end: int) -> Removed:
    raw_start, raw_end = view.raw_span(start, end)
    return Removed(kind=kind, start=raw_start, end=raw_end)


def _html_main_text(raw: str) -> set[str] | None:
    """Normalised lines of the main text that trafilatura finds (None: keep every line)."""
    import trafilatura

    extracted = trafilatura.extract(raw, include_comments=False, include_tables=False, favor_recall=True)
    if not extracted:
        return None
    return {_norm(line) for line in extracted.splitlines() if line.strip()}


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


# A boundary: end punctuation (+ closing quotes) before blank + capital/quote/digit, or a glued
# sentence such as "en 2019.Alors", "chinois.C'était", "2019.\"Nous" (lower-case or digit, dot,
# an opening quote or none, capital + lower-case or apostrophe).
# Also glued after an acronym ("le TSL.Mais") or a closing quote ('le feu".La'), before an initial ("dollar.M. Diab") and before a dash
# that opens a subheading ("de l'ONU.- Découvert"), before the preposition "A" ("l'ordre.A Washington"),
# and between a heading and a sentence glued without a dot ("La Nouvelle IRA suspectéeSamedi 20 avril"),
# after a quotation glued on both sides ('la police.""Ils draguaient…', 'au travail"Par ailleurs'), and
# after the dash that closes a subheading ("- Mobilisation hétéroclite -En journée").
_BOUNDARY = re.compile(
    r"[.!?…]+[»\"”’)\]]*(?=\s+(?:[«\"“(\[A-ZÀ-ÖØ-Þ0-9]|-\s*[«\"“A-ZÀ-ÖØ-Þ]))"
    r"|(?:(?<=[a-zà-öø-ÿ0-9)\"”»])|(?<=[A-Z]{2}))[.!?](?=[\"“«]{0,2}[A-ZÀ-ÖØ-Þ](?:[a-zà-öø-ÿ]|['’]|\.\s)|[AÀ]\s)"
    r"|(?<=[a-zà-öø-ÿ0-9A-Z)\"”»])[.!?](?=-\s)"
    r"|(?:(?<=[a-zà-öø-ÿ]{3})|(?<=[a-zà-öø-ÿ]{3}\"))(?=[A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]{2})"
    r"|(?<=\s-)(?=[A-ZÀ-ÖØ-Þ])"
)
_ABBREVIATIONS = frozenset(
    "m mm mme mmes mlle dr pr st ste mgr etc av apr cf p pp n no vol éd gén col lt sgt"
    " mr mrs ms gov sen rep jr sr inc corp ltd vs".split()
)
# A month's abbreviation before a day or a year ("since Jan. 18", "le 3 janv. 2019") ends no sentence.
_MONTHS = frozenset("jan feb mar jun jul aug sep sept oct nov dec janv févr fév juil déc".split())


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence ranges (half-open, stripped) inside one line of text."""
    ranges: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        word = re.search(r"([\w-]+)\W*$", text[start : match.start()])
        token = word.group(1) if word else ""
        if token.casefold() in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
            continue
        if token.casefold() in _MONTHS and re.match(r"\s*\d", text[match.end() :]):
            continue
        # No boundary inside a name spelt in camel case ("PowerPoint"), nor after a quotation's opening
        # mark glued to its first word ('il a dit"Bonjour'): only after a closing one.
        if text[match.start() - 1 : match.end()] == "-" and not text[
            start : match.start()
        ].lstrip().startswith("-"):
            continue  # a dash closes a subheading only when one opened it ("Le Hamas -Abou Obeida- a dit")
        if (
            match.start() == match.end()
            and text[match.start() - 1] != "-"
            and (
                not token[:1].islower()
                or (text[match.start() - 1] == '"' and text.count('"', 0, match.start()) % 2)
            )
        ):
            continue
        end = match.end()
        if text[end : end + 1] == '"' and text.count('"', 0, end) % 2:
            end += 1  # the closing mark of a quotation the sentence opened ('…les jeunes femmes."Menacés')
        ranges.append((start, end))
        start = end
    ranges.append((start, len(text)))
    out = []
    for s, e in ranges:
        chunk = text[s:e]
        s2 = s + len(chunk) - len(chunk.lstrip())
        e2 = e - (len(chunk) - len(chunk.rstrip()))
        if e2 > s2:
            out.append((s2, e2))
    return out


def _number_sentences(view: TextView, body: list[Line], removed: list[Removed]) -> list[SentenceSpan]:
    seen: set[str] = set()
    sentences: list[SentenceSpan] = []
    for line in body:
        for s, e in split_sentences(line.text):
            start, end = line.start + s, line.start + e
            key = _norm(view.text[start:end])
            if key in seen and len(key) > 20:
                removed.append(_removed(view, "repeated", start, end))
                continue
            seen.add(key)
            raw_start, raw_end = view.raw_span(start, end)
            sentences.append(
                SentenceSpan(len(sentences) + 1, raw_start, raw_end, view.text[start:end], start)
            )
    return sentences
