"""The document model as HTML for the editor's live preview (Qt's rich-text subset; no Qt here).

What the view can rely on:

* every run that shows a letter term is a link ``term:DOTTED.PATH`` (styled like the text around it),
  so a click maps to the field that holds the term;
* ``<a name="section-KEY">`` stands before each numbered section's heading, and before each paragraph
  that starts an unnumbered part (``Paragraph.anchor``: the addressee, the closing, Exhibit A);
* ``<a name="change-N">`` (N = 1, 2, ... in document order) stands before each tracked change: a
  changed paragraph or heading counts once, otherwise each changed run counts once;
* inserted text is underlined blue, deleted text struck through red;
* Exhibit A follows a horizontal rule (the page break), with ``page-break-before`` for printing;
* the legend and document ID (``section-document_options``) show once, above the letterhead or
  below the last line, where the pages print them (the print preview shows every page's).

The preview re-renders on every keystroke, so this is one pass of string building.
"""

from __future__ import annotations

from html import escape

from app.documents.model import (
    Align,
    Change,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    ParaStyle,
    Run,
    SignatureBlock,
)

TERM_SCHEME = "term:"
INSERTED_STYLE = "color:#1a56c4;text-decoration:underline"
DELETED_STYLE = "color:#c0262d;text-decoration:line-through"
_CHANGE_STYLE = {Change.INSERTED: INSERTED_STYLE, Change.DELETED: DELETED_STYLE}
_PLAIN_LINK = "color:inherit;text-decoration:none"

_BODY_STYLE = "font-family:'Times New Roman','Liberation Serif',serif;font-size:12pt"
_ALIGN = {Align.LEFT: "left", Align.CENTER: "center", Align.RIGHT: "right", Align.JUSTIFY: "justify"}
_STYLE_ALIGN = {
    ParaStyle.BODY: "justify",
    ParaStyle.CLAUSE: "justify",
    ParaStyle.PLAIN: "left",
    ParaStyle.SUBJECT: "left",
    ParaStyle.TITLE: "left",
    ParaStyle.SUBHEADING: "left",
}
_STYLE_CSS = {
    ParaStyle.BODY: "margin-top:0;margin-bottom:12px",
    ParaStyle.CLAUSE: "margin-top:0;margin-bottom:12px;text-indent:48px",
    ParaStyle.PLAIN: "margin:0",
    ParaStyle.SUBJECT: "margin-top:12px;margin-bottom:12px;margin-left:48px",
    ParaStyle.TITLE: "margin-top:0;margin-bottom:12px;font-weight:bold",
    ParaStyle.SUBHEADING: "margin-top:6px;margin-bottom:12px;font-weight:bold",
}
_SIGNATURE_INDENT = "margin-left:288px"
_MARK_CSS = "margin-top:0;margin-bottom:6px;font-size:10pt"


# A clause worded for this letter (its own words or an alternate of the clause library) is tinted.
DEPARTS_STYLE = "background-color:#fbeecb"
CLAUSE_ANCHOR = "clause-"


class _Html:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.changes = 0

    def change_anchor(self) -> None:
        self.changes += 1
        self.out.append(f'<a name="change-{self.changes}"></a>')

    def runs(self, runs: tuple[Run, ...], outer: Change | None) -> None:
        out = self.out
        for run in runs:
            text = escape(run.text, quote=False)
            if run.bold:
                text = f"<b>{text}</b>"
            if run.italic:
                text = f"<i>{text}</i>"
            if run.underline:
                text = f"<u>{text}</u>"
            change = run.change or outer
            if run.field is not None:
                # A link's own style wins over an enclosing span's in Qt, so a changed term carries the
                # change's colours itself; an unchanged one looks like the text around it.
                style = _CHANGE_STYLE[change] if change is not None else _PLAIN_LINK
                text = f'<a href="term:{escape(run.field)}" style="{style}">{text}</a>'
            if run.change is not None and run.change is not outer:
                if outer is None:  # inside a changed paragraph the paragraph's anchor is the one
                    self.change_anchor()
                text = f'<span style="{_CHANGE_STYLE[run.change]}">{text}</span>'
            out.append(text)

    def open_change(self, change: Change | None) -> None:
        if change is not None:
            self.change_anchor()
            self.out.append(f'<span style="{_CHANGE_STYLE[change]}">')

    def close_change(self, change: Change | None) -> None:
        if change is not None:
            self.out.append("</span>")

    def paragraph(self, para: Paragraph, page_break: bool) -> None:
        align = _ALIGN[para.align] if para.align else _STYLE_ALIGN[para.style]
        css = _STYLE_CSS[para.style] + (";page-break-before:always" if page_break else "")
        if para.departs:
            css += ";" + DEPARTS_STYLE
        if para.anchor:
            self.out.append(f'<a name="section-{escape(para.anchor)}"></a>')
        self.out.append(f'<p align="{align}" style="{css}">')
        if para.clause:  # the editor finds the clause under the mouse by it ("Edit wording...")
            self.out.append(f'<a name="{CLAUSE_ANCHOR}{escape(para.clause)}"></a>')
        self.open_change(para.change)
        if para.label:
            self.out.append(f"{escape(para.label)}&nbsp;&nbsp;&nbsp;")
        self.runs(para.runs, para.change)
        self.close_change(para.change)
        self.out.append("</p>\n")

    def heading(self, heading: Heading) -> None:
        self.out.append(f'<a name="section-{escape(heading.key)}"></a>')
        self.out.append('<p align="left" style="margin-top:6px;margin-bottom:12px"><b>')
        self.open_change(heading.change)
        if heading.old_number is not None and heading.old_number != heading.number and heading.change is None:
            self.change_anchor()
            self.out.append(f'<span style="{DELETED_STYLE}">{heading.old_number}.</span>')
            self.out.append(f'<span style="{INSERTED_STYLE}">{heading.number}.</span>')
            self.out.append(escape(heading.text.partition(".")[2], quote=False))
        else:
            self.out.append(escape(heading.text, quote=False))
        self.close_change(heading.change)
        self.out.append("</b></p>\n")

    def signature(self, block: SignatureBlock, page_break: bool) -> None:
        css = "margin-top:24px;margin-bottom:12px"
        if block.align is Align.RIGHT:
            css += ";" + _SIGNATURE_INDENT
        if page_break:
            css += ";page-break-before:always"
        self.out.append(f'<p align="left" style="{css}">')
        for i, line in enumerate(block.lines):
            if i:
                self.out.append("<br/>")
            rule = i == block.signature_line_after
            if rule:
                self.out.append("<br/>" if line.runs else "")
            self.open_change(line.change)
            self.runs(line.runs, line.change)
            self.close_change(line.change)
            if rule:
                self.out.append(" " + "_" * 30 if line.runs else "_" * 30)
        self.out.append("</p>\n")


def _header_runs(line: Paragraph, *, upper: bool) -> str:
    out = []
    for run in line.runs:
        text = escape(run.text.upper() if upper else run.text, quote=False)
        change = run.change or line.change
        out.append(f'<span style="{_CHANGE_STYLE[change]}">{text}</span>' if change is not None else text)
    return "".join(out)


def _page_marks(out: list[str], document: Document) -> None:
    """The legend (bold, centred) and the document ID (at the right), as every page prints them."""
    if not document.page_marks:
        return
    out.append('<a name="section-document_options"></a>')
    if document.legend:
        out.append(f'<p align="center" style="{_MARK_CSS}"><b>{escape(document.legend, quote=False)}</b></p>\n')
    if document.document_id:
        out.append(f'<p align="right" style="{_MARK_CSS}">{escape(document.document_id, quote=False)}</p>\n')


def to_html(document: Document) -> str:
    """The document as one HTML page for ``QTextBrowser.setHtml``."""
    html = _Html()
    out = html.out
    out.append(f'<html><body style="{_BODY_STYLE}">\n')
    # A redline's letterhead shows its changes in the change colours; they are not numbered
    # changes (the Changes tab lists them among the terms).
    letterhead = document.letterhead_changes or tuple(Paragraph((Run(line),)) for line in document.letterhead)
    if not document.marks_in_footer:
        _page_marks(out, document)
    if letterhead:
        out.append('<p align="center" style="margin-top:0;margin-bottom:18px">')
        for i, line in enumerate(letterhead):
            size = "font-size:16pt;font-weight:bold" if i == 0 else "font-size:10pt"
            out.append(f'{"<br/>" if i else ""}<span style="{size}">{_header_runs(line, upper=i == 0)}</span>')
        out.append("</p>\n<hr/>\n")
    page_break = False
    for block in document.blocks:
        if isinstance(block, PageBreak):
            out.append('<hr style="margin-top:24px;margin-bottom:24px"/>\n')
            page_break = True
            continue
        if isinstance(block, Paragraph):
            html.paragraph(block, page_break)
        elif isinstance(block, Heading):
            html.heading(block)
        elif isinstance(block, SignatureBlock):
            html.signature(block, page_break)
        page_break = False
    if document.marks_in_footer:
        out.append('<hr style="margin-top:24px"/>\n')
        _page_marks(out, document)
    out.append("</body></html>\n")
    return "".join(out)


__all__ = ["DELETED_STYLE", "INSERTED_STYLE", "TERM_SCHEME", "to_html"]
