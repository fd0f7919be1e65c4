"""Sub-commands of the ``aiplanner`` command line, one module each.

A module defines ``NAME``, ``HELP``, ``ORDER`` (position in ``--help``),
``add_arguments(parser)`` and ``run(args) -> int``. Shared helpers are in
:mod:`aiplanner.commands._common`.
"""
