"""A hostile corpus, written fresh for each test run (symbolic links, UTF-16 and leading dots do not
travel well in git): every payload carries a token (`PXnn`) that must show on the site as literal text and
never run.

A payload that ran would set `window.__pwned`, open a dialog, or ask for `evil.example`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Payload:
    token: str
    """Shows on the site as text where the payload was put."""
    what: str
    """Where it was put and what it tries."""


SCRIPT = "<script>window.__pwned='{t}';alert('{t}')</script>"
IMAGE = "<img src=x onerror=\"window.__pwned='{t}'\" alt='{t}'>"
BODY = "Rescuers searched the ruins in Lagos on Monday, officials said. At least four people were killed."


def write_hostile(folder: Path) -> list[Payload]:
    """Write the hostile corpus into `folder` (which must not exist); return its payloads."""
    folder.mkdir(parents=True)
    payloads: list[Payload] = []

    def token(what: str) -> str:
        found = f"PX{len(payloads) + 10}"
        payloads.append(Payload(found, what))
        return found

    def article(name: str, text: str, meta: dict[str, object] | None = None) -> None:
        front = "---\n" + json.dumps(meta) + "\n---\n" if meta else ""
        (folder / name).write_text(front + text, encoding="utf-8")

    # Markup in every part of the text.
    t = token("script in the headline")
    article("headline.md", f"Flood {SCRIPT.format(t=t)} hits Lagos\n\n{BODY}\n")
    t = token("image with onerror in a photo caption")
    article("caption.txt", f"Flood hits Lagos\n\nRescuers at work {IMAGE.format(t=t)} (AP Photo)\n\n{BODY}\n")
    t = token("script and an iframe in the body")
    article("body.txt", f"Flood in Lagos\n\n{BODY} {SCRIPT.format(t=t)} <iframe src=//evil.example/{t}>\n")
    # Markup in every metadata field.
    fields = ("outlet", "title", "authors", "license", "event", "tags")
    meta: dict[str, object] = {f: f"{SCRIPT.format(t=token(f'script in {f}'))}" for f in fields}
    meta["url"] = f"javascript:window.__pwned='{token('javascript: url')}'"
    meta["published"] = "2024-03-04"
    article("metadata.md", f"Flood in Lagos\n\n{BODY}\n", meta)
    t = token("an outlet name that is a link to another host")
    article(
        "outlet-link.md",
        f"Flood in Lagos\n\n{BODY}\n",
        {"outlet": f"<a href='https://evil.example/'>{t}</a>"},
    )
    # Markdown, Jinja and MkDocs syntax in the text.
    syntax = [
        ("admonition", '!!! danger "{t}"\n    Admonition body'),
        ("attribute list", "Paragraph {t} {{: onclick=\"window.__pwned='{t}'\" }}"),
        ("snippet line", '--8<-- "/etc/passwd" {t}'),
        ("raw HTML block", '<div markdown="1" onmouseover="window.__pwned=\'{t}\'">{t}</div>'),
        ("unclosed comment", "Before {t} <!-- the rest would vanish"),
        ("Jinja", "{{{{ config.site_name }}}} {{% include 'x' %}} {t}"),
        ("Markdown link", "[{t}](javascript:window.__pwned=1) and ![img](https://evil.example/{t}.png)"),
    ]
    for what, text in syntax:
        t = token(what)
        article(f"syntax-{what.replace(' ', '-')}.md", f"Storm in Lima\n\n{text.format(t=t)}\n\n{BODY}\n")
    # Characters that fool the eye.
    t = token("bidi override and zero-width characters")
    article(
        "bidi.txt",
        f"Flood in Lagos\n\n\u202e{t}\u202c ki\u200bll\u200bed four people, officials said. {BODY}\n",
    )
    # Sizes.
    t = token("a 200,000-character line")
    article("long-line.txt", f"Flood in Lagos\n\n{t} " + ("word " * 40_000) + "\n")
    t = token("a 50,000-character word")
    article("long-word.txt", f"Flood in Lagos\n\n{BODY} {t}{'x' * 50_000}.\n")
    # Names that try to leave their folder, or collide once slugged.
    t = token("path traversal in outlet and event names")
    article(
        "traversal.md",
        f"Flood in Lagos {t}\n\n{BODY}\n",
        {"outlet": "../../../etc/passwd", "event": "../../x"},
    )
    t = token("two files one slug (1)")
    article("Same Name.md", f"Quake in Quito {t}\n\n{BODY}\n")
    t = token("two files one slug (2)")
    article("same-name.md", f"Quake in Quito {t}\n\n{BODY}\n")
    t = token("a name with spaces and Unicode")
    article("naïve fée 東京.txt", f"Flood in Tokyo {t}\n\n{BODY}\n")
    (folder / ".hidden.txt").write_text(f"Hidden {token('a leading dot: ignored, on the report')}\n")
    # YAML that attacks the parser.
    yaml_attacks = {
        "yaml-tag.md": "---\noutlet: !!python/object/apply:os.system ['echo {t}']\n---\n",
        "yaml-bomb.md": "---\na: &a ['{t}','{t}']\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: [*c,*c]\n---\n",
        "yaml-deep.md": "---\nx: " + "[" * 500 + "'{t}'" + "]" * 500 + "\n---\n",
        "huge-int.md": "---\noutlet: " + "9" * 5000 + "\ntitle: '{t}'\n---\n",
        "bad-date.md": "---\npublished: 2024-13-45\ntitle: '{t}'\n---\n",
    }
    for name, head in yaml_attacks.items():
        article(name, head.format(t=token(name)) + f"Flood in Lagos\n\n{BODY}\n")
    # Files that leave the corpus, and encodings.
    os.symlink("/etc/passwd", folder / f"passwd-{token('symbolic link out of the corpus')}.txt")
    t = token("UTF-16 without a byte-order mark")
    (folder / "utf16.txt").write_bytes(f"Flood in Lagos {t}\n\n{BODY}\n".encode("utf-16-le"))
    t = token("a JSONL file with one broken record")
    records = [
        json.dumps({"title": f"Flood {t}", "text": BODY}),
        '{"title": "broken',
        json.dumps({"text": BODY}),
    ]
    (folder / "records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    return payloads
