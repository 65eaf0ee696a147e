"""Build ``resources/reference.docx``: the styles, margins and page setup every exported letter uses.

The DOCX writer starts from this file and only names its styles, so a user can restyle letters in Word
(fonts, spacing, margins, the letterhead's look) by editing the reference and never the code. Run this
script only to recreate the reference from scratch::

    python -m app.documents.build_reference [OUT.docx]
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Inches, Pt

from app.documents.docx_writer import DEFAULT_REFERENCE, StyleName, set_app_property

BODY_FONT = "Times New Roman"
BODY_SIZE = Pt(12)


@dataclass(frozen=True, slots=True)
class _Spec:
    align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.LEFT
    before: float = 0
    after: float = 0
    bold: bool = False
    size: float = 12
    keep_with_next: bool = False
    keep_together: bool = False
    left_indent: float = 0  # inches
    first_line_indent: float = 0  # inches
    small_caps: bool = False


_SPECS: dict[StyleName, _Spec] = {
    StyleName.BODY: _Spec(WD_ALIGN_PARAGRAPH.JUSTIFY, after=12),
    StyleName.PLAIN: _Spec(),
    StyleName.SUBJECT: _Spec(before=12, after=12, left_indent=0.5),
    StyleName.HEADING: _Spec(before=6, after=12, bold=True, keep_with_next=True, keep_together=True),
    StyleName.CLAUSE: _Spec(WD_ALIGN_PARAGRAPH.JUSTIFY, after=12, first_line_indent=0.5),
    StyleName.EXHIBIT_TITLE: _Spec(after=12, bold=True, keep_with_next=True),
    StyleName.SUBHEADING: _Spec(before=6, after=12, bold=True, keep_with_next=True),
    StyleName.SIGNATURE: _Spec(keep_with_next=True, keep_together=True),
    StyleName.LETTERHEAD_NAME: _Spec(WD_ALIGN_PARAGRAPH.CENTER, bold=True, size=16, small_caps=True),
    StyleName.LETTERHEAD: _Spec(WD_ALIGN_PARAGRAPH.CENTER, size=10),
    StyleName.HEADER: _Spec(),
}


def _define(document: docx.document.Document, name: StyleName, spec: _Spec) -> None:
    style = document.styles.add_style(name.value, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = document.styles["Normal"]
    style.quick_style = True
    style.next_paragraph_style = style
    fmt = style.paragraph_format
    fmt.alignment = spec.align
    fmt.space_before = Pt(spec.before)
    fmt.space_after = Pt(spec.after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    fmt.keep_with_next = spec.keep_with_next
    fmt.keep_together = spec.keep_together
    fmt.widow_control = True
    fmt.left_indent = Inches(spec.left_indent)
    fmt.first_line_indent = Inches(spec.first_line_indent)
    font = style.font
    font.name = BODY_FONT
    font.size = Pt(spec.size)
    font.bold = spec.bold
    font.small_caps = spec.small_caps


def build_reference() -> bytes:
    """The reference document's bytes: an empty body carrying the Offer styles and the page setup."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = BODY_SIZE
    # Complex-script text (Arabic, Hebrew) uses the body face too, which has those glyphs; East Asian
    # text is left to the theme's East Asian font, since a Latin face has no CJK glyphs.
    rfonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    rfonts.set(docx.oxml.ns.qn("w:cs"), BODY_FONT)
    normal.paragraph_format.space_after = Pt(0)
    for name in StyleName:
        _define(document, name, _SPECS[name])
    section = document.sections[0]
    section.page_width, section.page_height = Inches(8.5), Inches(11)
    section.left_margin = section.right_margin = Inches(1.25)
    section.top_margin = section.bottom_margin = Inches(1)
    section.header_distance = section.footer_distance = Inches(0.5)
    section.different_first_page_header_footer = True
    body = document.element.body
    for child in list(body):
        if child.tag != docx.oxml.ns.qn("w:sectPr"):
            body.remove(child)
    set_app_property(document, "Company", "")
    document.core_properties.title = "OfferDesk reference styles"
    document.core_properties.author = "OfferDesk"
    document.core_properties.comments = (
        "Restyle the 'Offer ...' styles and the page setup here; exported letters follow them."
    )
    # The template's thumbnail shows a page that is not this one; Word 2010's duplicate styles part
    # and the template's custom XML are dead weight that every export would load and write again.
    package = document.part.package
    for rel in list(package.rels.values()):
        if rel.reltype.endswith("/thumbnail"):
            package.rels.pop(rel.rId)
    for rel in list(document.part.rels.values()):
        if rel.reltype.endswith(("/stylesWithEffects", "/customXml")):
            document.part.rels.pop(rel.rId)
    out = BytesIO()
    document.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else DEFAULT_REFERENCE
    target.write_bytes(build_reference())
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
