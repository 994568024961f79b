"""``numlint lsp``: numlint as a Language Server Protocol server (stdio, or ``--tcp HOST:PORT``).

Needs the optional extra: ``pip install 'numlint[lsp]'`` (pygls 2 and lsprotocol). Nothing here
imports them until the server starts, so ``numlint check`` never pays for them. See docs/editors.md.

* ``positions``: code-point offsets <-> LSP positions (UTF-16 by default, UTF-8/UTF-32 negotiated);
* ``engine``: what the server asks of numlint (lint, configuration, hover text, fixes, directives);
* ``server``: the pygls server itself.
"""

from __future__ import annotations

import logging
import sys

INSTALL_HINT = "numlint lsp needs the 'lsp' extra: pip install 'numlint[lsp]'"


def parse_address(value: str) -> tuple[str, int]:
    """"HOST:PORT" (or ":PORT", or "[::1]:PORT") -> (host, port)."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"--tcp wants HOST:PORT, e.g. 127.0.0.1:2087, not {value!r}")
    host = host.strip("[]") or "127.0.0.1"
    return host, int(port)


def main(tcp: str | None = None) -> int:
    """Run the server until the client says exit; the process's exit status (0 after shutdown)."""
    address = None
    if tcp:
        try:
            address = parse_address(tcp)
        except ValueError as exc:
            print(f"numlint: {exc}", file=sys.stderr)
            return 2
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        print(f"numlint: {INSTALL_HINT}", file=sys.stderr)
        return 2
    from numlint.lsp.server import make_server

    logging.basicConfig(level=logging.WARNING, stream=sys.stderr, format="numlint lsp: %(levelname)s %(message)s")
    server = make_server()
    if address is not None:
        server.start_tcp(*address)
        return 0 if server.stopping else 1
    # stdout is the protocol's channel: anything else printed there (a library's stray print) would
    # corrupt it, so Python's sys.stdout goes to stderr and the server writes to the real stdout.
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr
    server.start_io(stdin, stdout)
    # The specification: exit status 0 when ``exit`` followed ``shutdown``, 1 otherwise (an ``exit``
    # without ``shutdown``, or the client gone).
    return 0 if server.stopping else 1
