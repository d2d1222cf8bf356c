"""actionplan: a partnership's action plan, kept safe and ready for the board."""

__version__ = "0.1.0"
