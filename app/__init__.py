"""Tillbook's domain: selling, stock, customers, validation and start-up. No Qt here."""

__version__ = "0.1.0"
