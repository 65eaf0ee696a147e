"""Drafting review: proof a letter's text as a lawyer's add-in would, while drafting.

A letter, rendered by OfferDesk or imported (``.docx``, ``.txt``), becomes one list of paragraphs
with their locations (:mod:`app.review.sources`); the drafting checks (:mod:`app.review.drafting`,
:mod:`app.review.defined_terms`) read that list, the legal checks (:mod:`app.domain.legal_rules`)
read the letter's terms, and :mod:`app.review.runner` runs both into one list of findings.
"""
