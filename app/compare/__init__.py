"""What changed between a baseline letter (a version marked as sent, or another file) and the current one.

- :mod:`app.compare.terms`: the changed terms, in the user's words, section by section;
- :mod:`app.compare.text`: the redline, a document with tracked changes, and its changes in order;
- :mod:`app.compare.figures`: each calculation under the baseline and now;
- :mod:`app.compare.comparison`: all three at once;
- :mod:`app.compare.redline_docx`: the redline as a DOCX with ``w:ins``/``w:del`` revisions;
- :mod:`app.compare.versions`: marking a version as sent and finding it again.

Pure functions: no Qt, no files.
"""
