"""Keeping link fetches off private networks.

A link a user sends must never make the bot talk to the machine it runs on, its local network or a cloud
metadata service. The guard reads the host the way a browser does (so `http://2130706433/`,
`http://0x7f.1/` and `http://127.1/` are all 127.0.0.1), resolves it once, refuses any address that is not on
the public internet, and hands the checked addresses to the connection itself: `GuardedNetworkBackend` dials
the address that was checked, so there is no second lookup a DNS rebinding attack could answer differently.

`NetworkGuard(allow_private=True)` (WHOSAID_ALLOW_PRIVATE_NETWORKS=1) lifts the address check for self-hosting
and tests; resolution and dialing still go through the same path.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Awaitable, Callable, Iterable

import anyio
import httpcore
import idna

from bot.errors import FetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[IPAddress]]]
AddressPolicy = Callable[[IPAddress, int], bool]

# Ranges Python's `is_global` lets through but that are not somewhere a news article lives.
_SHARED_ADDRESS_SPACE = ipaddress.ip_network("100.64.0.0/10")
_NAT64_PREFIX = ipaddress.ip_network("64:ff9b::/96")


class InvalidHostError(FetchError):
    """The link's host can't be read as a name or an address."""


class HostNotFoundError(FetchError):
    """The host name doesn't resolve."""


class BlockedAddressError(FetchError):
    """The host is, or resolves to, an address the guard refuses."""


def parse_ipv4_literal(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address `host` spells, read as browsers do (WHATWG URL standard), or None for a name.

    Accepts the forms `inet_aton` accepts — fewer than four parts (`127.1`), hex (`0x7f.1`), octal
    (`0177.0.0.1`) and a single number (`2130706433`) — because a resolver would quietly accept them too.
    A host that ends in a number but is no valid address (`1.2.3.4.5`, `256.1.1.1`) raises
    `InvalidHostError`.
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not parts or not _is_number_like(parts[-1]):
        return None
    if len(parts) > 4:
        raise InvalidHostError(_invalid_host_message(host))
    numbers = [_parse_ipv4_part(part, host) for part in parts]
    *leading, last = numbers
    if any(number > 255 for number in leading) or last >= 256 ** (5 - len(numbers)):
        raise InvalidHostError(_invalid_host_message(host))
    value = last
    for index, number in enumerate(leading):
        value += number * 256 ** (3 - index)
    return ipaddress.IPv4Address(value)


def _is_number_like(part: str) -> bool:
    if part.isascii() and part.isdigit():
        return True
    if part[:2].lower() == "0x":
        return all(char in "0123456789abcdefABCDEF" for char in part[2:])
    return False


def _parse_ipv4_part(part: str, host: str) -> int:
    if part == "":
        raise InvalidHostError(_invalid_host_message(host))
    base = 10
    digits = part
    if part[:2].lower() == "0x":
        base, digits = 16, part[2:]
    elif len(part) > 1 and part.startswith("0"):
        base, digits = 8, part[1:]
    if digits == "":
        return 0
    if not (digits.isascii() and digits.isalnum()):
        raise InvalidHostError(_invalid_host_message(host))
    try:
        return int(digits, base)
    except ValueError as error:
        raise InvalidHostError(_invalid_host_message(host)) from error


def _invalid_host_message(host: str) -> str:
    return f"That link's address ({host}) isn't a valid web address."


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address `host` spells (IPv4 in any browser-accepted form, or IPv6 with or without brackets)."""
    bare = host.strip()
    if bare.startswith("[") and bare.endswith("]"):
        bare = bare[1:-1]
    if ":" in bare:
        try:
            return ipaddress.IPv6Address(bare)
        except ValueError as error:
            raise InvalidHostError(_invalid_host_message(host)) from error
    return parse_ipv4_literal(bare)


def normalise_host(host: str) -> str:
    """A host as the guard and httpx should see it: lower case, no trailing dot, addresses in canonical form.

    `0x7f.1` becomes `127.0.0.1` and `[::FFFF:7f00:1]` becomes `::ffff:7f00:1`, so every later step (httpx's
    URL parser, the resolver, messages) sees one spelling.
    """
    address = parse_ip_literal(host)
    if address is not None:
        return str(address)
    name = host.strip().lower().rstrip(".")
    if not name:
        raise InvalidHostError("That link has no site name in it.")
    _check_punycode_labels(name, host)
    return name


def _check_punycode_labels(name: str, host: str) -> None:
    """Refuse an 'xn--' label that is no valid internationalised name (`xn--ls8h` spells an emoji).

    httpx decodes such labels lazily, so a bad one would otherwise fail deep inside a fetch, not as a message.
    """
    for label in name.split("."):
        if not label.startswith("xn--"):
            continue
        try:
            idna.decode(label)
        except (idna.IDNAError, UnicodeError) as error:
            raise InvalidHostError(_invalid_host_message(host)) from error


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries and would reach (mapped, 6to4, Teredo, NAT64), if any."""
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address.sixtofour is not None:
        return address.sixtofour
    if address.teredo is not None:
        return address.teredo[1]
    if address in _NAT64_PREFIX:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public_address(address: IPAddress) -> bool:
    """Whether `address` is on the public internet: not loopback, private, link-local, shared (CGNAT),
    multicast, reserved or unspecified, in IPv4 or IPv6 (including IPv4 addresses carried inside IPv6)."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        carried = embedded_ipv4(address)
        if carried is not None:
            # Where the packets really go is the IPv4 address, so that is what we judge.
            return is_public_address(carried)
        if address.is_site_local:
            return False
    elif address in _SHARED_ADDRESS_SPACE:
        return False
    return address.is_global and not (
        address.is_loopback
        or address.is_private
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
    )


def public_only(address: IPAddress, port: int) -> bool:
    """The default address policy: public addresses, any port."""
    return is_public_address(address)


async def system_resolver(host: str, port: int) -> list[IPAddress]:
    """The host's addresses from the operating system's resolver (`getaddrinfo`), in its preferred order."""
    try:
        infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise HostNotFoundError(_not_found_message(host)) from error
    addresses: list[IPAddress] = []
    for _family, _type, _proto, _canonname, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])
        if address not in addresses:
            addresses.append(address)
    return addresses


def _not_found_message(host: str) -> str:
    return f"I couldn't find the site {host} (no such host). Is the link spelled right?"


def _blocked_message(name: str, address: IPAddress) -> str:
    where = "a private or local network address"
    what = f"{name} is {where}" if name == str(address) else f"{name} leads to {where} ({address})"
    return f"I won't open that link: {what}, and I only read links on the public internet."


class NetworkGuard:
    """Turns a host into the addresses a fetch may connect to, refusing private ones.

    `resolver` is injectable so tests never need DNS outside the machine; `address_policy` decides which
    resolved addresses are acceptable (by default: public addresses only).
    """

    def __init__(
        self,
        *,
        allow_private: bool = False,
        resolver: Resolver | None = None,
        address_policy: AddressPolicy = public_only,
        resolve_timeout: float | None = 5.0,
    ) -> None:
        self.allow_private = allow_private
        self._resolver = resolver or system_resolver
        self._address_policy = address_policy
        self._resolve_timeout = resolve_timeout

    async def resolve(self, host: str, port: int) -> list[IPAddress]:
        """The checked addresses for `host`; raises `FetchError` subclasses with a message for a person.

        If any address a name resolves to is refused, the whole name is refused: a name that mixes public and
        private addresses is either misconfigured or an attack.
        """
        name = normalise_host(host)
        literal = parse_ip_literal(name)
        if literal is not None:
            addresses: list[IPAddress] = [literal]
        else:
            addresses = await self._lookup(name, port)
            if not addresses:
                raise HostNotFoundError(_not_found_message(name))
        if not self.allow_private:
            for address in addresses:
                if not self._address_policy(address, port):
                    raise BlockedAddressError(_blocked_message(name, address))
        return addresses

    async def _lookup(self, name: str, port: int) -> list[IPAddress]:
        try:
            with anyio.fail_after(self._resolve_timeout):
                return await self._resolver(name, port)
        except TimeoutError as error:
            raise httpcore.ConnectTimeout(f"looking up {name} timed out") from error


class GuardedNetworkBackend(httpcore.AsyncNetworkBackend):
    """An httpcore network backend that connects only to addresses the guard checked.

    httpcore hands us the URL's host; we resolve and check it here, then dial the checked address itself, so
    the address we vetted is the address we talk to. TLS still verifies the certificate against the host name,
    because httpcore passes the name (not our address) to `start_tls`.
    """

    def __init__(self, guard: NetworkGuard, inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._guard = guard
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Resolve and check `host`, then connect to the first checked address that answers."""
        addresses = await self._guard.resolve(host, port)
        last_error: Exception | None = None
        for address in addresses:
            try:
                return await self._inner.connect_tcp(
                    str(address),
                    port,
                    timeout=timeout,
                    local_address=local_address,
                    socket_options=socket_options,
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as error:
                last_error = error
        assert last_error is not None  # `resolve` never returns an empty list
        raise last_error

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        """Never: a link can't name a local socket."""
        raise BlockedAddressError("I only read links on the public internet.")

    async def sleep(self, seconds: float) -> None:
        """httpcore's retry back-off."""
        await self._inner.sleep(seconds)
