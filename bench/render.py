"""Benchmark the letter engine: template -> document model, sample -> DOCX, and docxtpl for comparison.

Run from the repository root::

    .venv/bin/python bench/render.py [--repeat N]

Prints the median of N timed repetitions (``time.perf_counter``) of each step, and the ratio of our
DOCX export to docxtpl rendering the same letter text from a DOCX template (target: at most 1.0).
"""

from __future__ import annotations

import argparse
import sys
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import docx  # noqa: E402
from docxtpl import DocxTemplate  # noqa: E402
from timing import median_ms  # noqa: E402 (bench/timing.py)

from app.documents.docx_writer import docx_bytes  # noqa: E402
from app.documents.engine import render_document  # noqa: E402
from app.documents.html import to_html  # noqa: E402
from app.documents.model import Document, Heading, Paragraph, SignatureBlock  # noqa: E402
from app.domain.sample import sample_letter  # noqa: E402

TARGET_MODEL_MS = 2.0
TARGET_RATIO = 1.0



def docxtpl_template(document: Document) -> tuple[bytes, dict[str, str]]:
    """A DOCX whose paragraphs are the letter's, each term replaced by a ``{{ tN }}`` placeholder."""
    template = docx.Document()
    context: dict[str, str] = {}

    def add(paragraph: Paragraph, style: str | None = None) -> None:
        out = template.add_paragraph(style=style)
        for run in paragraph.runs:
            if run.field is None:
                text = run.text
            else:
                name = f"t{len(context)}"
                context[name] = run.text
                text = "{{ " + name + " }}"
            out.add_run(text, style=None).bold = run.bold or None

    for block in document.blocks:
        if isinstance(block, Heading):
            template.add_paragraph(block.text).runs[0].bold = True
        elif isinstance(block, Paragraph):
            add(block)
        elif isinstance(block, SignatureBlock):
            for line in block.lines:
                add(line)
        else:
            template.add_page_break()
    buffer = BytesIO()
    template.save(buffer)
    return buffer.getvalue(), context


def render_docxtpl(template: bytes, context: dict[str, str]) -> bytes:
    tpl = DocxTemplate(BytesIO(template))
    tpl.render(context)
    out = BytesIO()
    tpl.save(out)
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200, help="timed repetitions per step (default 200)")
    args = parser.parse_args(argv)
    letter = sample_letter()
    document = render_document(letter)
    template, context = docxtpl_template(document)

    model = median_ms(lambda _: render_document(letter), args.repeat)
    preview = median_ms(lambda _: to_html(render_document(letter)), args.repeat)
    ours = median_ms(lambda _: docx_bytes(render_document(letter)), args.repeat)
    theirs = median_ms(lambda _: render_docxtpl(template, context), args.repeat)
    ratio = ours / theirs

    print(f"median of {args.repeat} runs")
    print(f"  template -> document model      {model:8.3f} ms   (target <= {TARGET_MODEL_MS} ms)")
    print(f"  template -> preview HTML        {preview:8.3f} ms")
    print(f"  sample letter -> DOCX bytes     {ours:8.3f} ms")
    print(f"  docxtpl, same letter text       {theirs:8.3f} ms")
    print(f"  ratio ours / docxtpl            {ratio:8.3f}      (target <= {TARGET_RATIO})")
    return 0 if model <= TARGET_MODEL_MS and ratio <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
