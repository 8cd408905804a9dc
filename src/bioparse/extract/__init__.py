"""Extractors: one set of rules turning a reader's Document into typed records."""
