"""`paper-to-code-mcp`: start the MCP server (stdio by default)."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mcp.server.transport_security import TransportSecuritySettings

LOOPBACK = ("127.0.0.1", "localhost", "::1")


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="paper-to-code-mcp", description="paper-to-code MCP server")
    p.add_argument("--transport", choices=["stdio", "streamable-http"], default="stdio")
    p.add_argument("--host", default="127.0.0.1", help="HTTP bind address (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="HTTP port (default 8000)")
    p.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a Host name (or name:port) HTTP clients may use besides the loopback ones (repeatable); "
        "requests naming any other host are refused (DNS-rebinding protection)",
    )
    p.add_argument(
        "--root",
        action="append",
        default=None,
        metavar="DIR",
        help="a folder tools may read and write (repeatable; default: the working directory)",
    )
    p.add_argument("--ssh-config", default=None, metavar="PATH", help="ssh config for remote GPU targets")
    p.add_argument("--targets", default=None, metavar="PATH", help="GPU targets config file (TOML)")
    p.add_argument("--log-level", default="WARNING")
    return p.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr)
    from tools.config import configure
    from tools.errors import PaperToCodeError
    from tools.workspace import set_roots

    try:
        set_roots(args.root or ["."])
        configure(ssh_config=args.ssh_config, targets_file=args.targets)
    except PaperToCodeError as e:
        print(f"paper-to-code-mcp: {e}", file=sys.stderr)
        raise SystemExit(2) from None
    from server.app import build_server

    mcp = build_server()
    if args.transport == "stdio":
        mcp.run()
    else:
        if args.host not in LOOPBACK:
            logging.warning(
                "serving MCP on %s: anyone who reaches it can call the tools; Host names accepted: the "
                "loopback ones%s",
                args.host,
                "".join(f", {h}" for h in args.allowed_host) or " (add others with --allowed-host)",
            )
        from server.event_store import RETRY_MS, MemoryEventStore

        mcp.run(
            "streamable-http",
            host=args.host,
            port=args.port,
            transport_security=transport_security(args.allowed_host),
            event_store=MemoryEventStore(),
            retry_interval=RETRY_MS,
        )


def transport_security(names: Sequence[str]) -> TransportSecuritySettings:
    """DNS-rebinding protection, on whatever address the server binds: Host and Origin must name loopback
    or one of `names` (a name allows any port; name:port only that one)."""
    from mcp.server.transport_security import TransportSecuritySettings

    hosts = ["127.0.0.1:*", "localhost:*", "[::1]:*", "127.0.0.1", "localhost", "[::1]"]
    origins = ["http://127.0.0.1:*", "http://localhost:*", "http://[::1]:*"]
    for name in names:
        bare = name.strip().lower()
        if not bare:
            continue
        has_port = bare.rsplit(":", 1)[-1].isdigit() and not bare.endswith("]")
        forms = [bare] if has_port else [bare, f"{bare}:*"]
        hosts += forms
        origins += [f"{scheme}://{f}" for f in forms for scheme in ("http", "https")]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True, allowed_hosts=hosts, allowed_origins=origins
    )


if __name__ == "__main__":
    main()
