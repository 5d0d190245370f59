"""Turning raw article text into a clean body with its outlet, wire, dateline and date."""
