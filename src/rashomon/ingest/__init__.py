"""Readers that turn one input format (text, HTML, records, feeds) into a RawArticle."""
