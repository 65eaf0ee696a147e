"""Batch letters: one base letter and a table of terms (CSV or XLSX) -> a DOCX per row, PDFs, a summary.

Used by ``offerdesk batch`` and the editor's Letter > Batch... dialog. It sits over documents and
storage (it renders, writes files atomically and prices each letter) and under the CLI and the UI.
"""
