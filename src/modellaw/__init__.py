"""modellaw: draft model legislation from a library of reusable, sourced clause modules."""

__version__ = "0.1.0"
