"""The address guard: odd spellings, address policy, resolution, and dialing the address that was checked.

No test here touches DNS outside the machine: resolvers are stubs, and the only socket opened is to 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import ipaddress

import httpcore
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.netguard import (
    BlockedAddressError,
    GuardedNetworkBackend,
    HostNotFoundError,
    InvalidHostError,
    NetworkGuard,
    is_public_address,
    normalise_host,
    parse_ip_literal,
    parse_ipv4_literal,
)
from tests.support.loopback_http import LoopbackOnlyDialer, LoopbackServer

# --- Reading hosts the way browsers (and getaddrinfo) do ---


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "2130706433",  # one decimal number
        "0x7f000001",  # one hex number
        "017700000001",  # one octal number
        "0x7f.1",  # hex, two parts
        "127.1",  # two parts
        "127.0.1",  # three parts
        "0177.0.0.1",  # octal first part
        "0x7F.0x0.0x0.0x1",
        "127.0.0.1.",  # trailing dot
    ],
)
def test_odd_ipv4_spellings_read_as_loopback(host: str) -> None:
    assert parse_ipv4_literal(host) == ipaddress.IPv4Address("127.0.0.1")
    assert normalise_host(host) == "127.0.0.1"


@pytest.mark.parametrize(
    "host", ["1.2.3.4.5", "256.0.0.1", "1.256.0.1", "08.0.0.1", "0x1g.1", "1..1", "4294967296"]
)
def test_hosts_that_end_in_a_number_but_are_no_address_are_invalid(host: str) -> None:
    with pytest.raises(InvalidHostError, match="isn't a valid web address"):
        normalise_host(host)


@pytest.mark.parametrize("host", ["example.com", "news.example", "1password.com", "a.b.c.d.e", "10.example"])
def test_names_are_not_addresses(host: str) -> None:
    assert parse_ipv4_literal(host) is None


def test_ipv6_literals_are_canonicalised() -> None:
    assert normalise_host("[::FFFF:127.0.0.1]") == "::ffff:7f00:1"
    assert parse_ip_literal("[::1]") == ipaddress.IPv6Address("::1")
    with pytest.raises(InvalidHostError):
        parse_ip_literal("[::1::2]")


def test_names_are_lower_cased_without_trailing_dot() -> None:
    assert normalise_host("News.EXAMPLE.") == "news.example"


@pytest.mark.parametrize("host", ["xn--ls8h.la", "news.xn--ls8h", "xn--.example", "XN--LS8H.la"])
def test_punycode_that_spells_no_valid_name_is_an_invalid_host(host: str) -> None:
    with pytest.raises(InvalidHostError, match="isn't a valid web address"):
        normalise_host(host)


def test_valid_punycode_names_pass() -> None:
    assert normalise_host("xn--fiqs8s.icom.museum") == "xn--fiqs8s.icom.museum"
    assert normalise_host("news.xn--p1ai") == "news.xn--p1ai"


@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_every_single_number_spelling_matches_the_address(value: int) -> None:
    expected = ipaddress.IPv4Address(value)
    assert parse_ipv4_literal(str(value)) == expected
    assert parse_ipv4_literal(hex(value)) == expected
    assert parse_ipv4_literal("0" + oct(value)[2:]) == expected


@given(st.integers(min_value=0, max_value=255), st.integers(min_value=0, max_value=2**24 - 1))
def test_two_part_spellings_match_the_address(first: int, rest: int) -> None:
    assert parse_ipv4_literal(f"{first}.{rest}") == ipaddress.IPv4Address(first * 2**24 + rest)


# --- Which addresses are public ---

REFUSED_ADDRESSES = [
    "127.0.0.1",
    "127.255.0.9",
    "10.0.0.1",
    "172.16.0.1",
    "172.31.255.254",
    "192.168.1.1",
    "169.254.169.254",  # cloud metadata
    "100.64.0.1",  # shared address space (carrier-grade NAT)
    "224.0.0.1",  # multicast
    "240.0.0.1",  # reserved
    "255.255.255.255",
    "0.0.0.0",
    "192.0.2.10",  # documentation range
    "::1",
    "::",
    "fc00::1",
    "fd12:3456::1",
    "fe80::1",
    "fec0::1",  # old site-local
    "ff02::1",
    "::ffff:127.0.0.1",  # IPv4-mapped loopback
    "::ffff:169.254.169.254",
    "::ffff:10.1.2.3",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "2002:7f00:1::",  # 6to4 carrying 127.0.0.1
    "64:ff9b::a00:1",  # NAT64 carrying 10.0.0.1
    "2001:db8::1",  # documentation
]
PUBLIC_ADDRESSES = [
    "8.8.8.8",
    "93.184.215.14",
    "1.1.1.1",
    "2606:4700::1111",
    "::ffff:8.8.8.8",
    "64:ff9b::808:808",
]


@pytest.mark.parametrize("address", REFUSED_ADDRESSES)
def test_private_and_special_addresses_are_refused(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", PUBLIC_ADDRESSES)
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@given(st.integers(min_value=0, max_value=2**24 - 1))
def test_every_loopback_spelling_is_refused(offset: int) -> None:
    value = int(ipaddress.IPv4Address("127.0.0.0")) + offset
    for spelling in (str(value), hex(value), f"127.{offset}"):
        address = parse_ip_literal(spelling)
        assert address is not None and not is_public_address(address)


# --- The guard: resolve once, check every address ---


class StubResolver:
    """A resolver answering from a table, recording every lookup."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.calls: list[str] = []

    async def __call__(self, host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        self.calls.append(host)
        if host not in self.table:
            raise HostNotFoundError(f"I couldn't find the site {host} (no such host).")
        return [ipaddress.ip_address(a) for a in self.table[host]]


async def test_a_public_name_resolves_to_its_addresses() -> None:
    resolver = StubResolver({"news.example": ["93.184.215.14", "2606:4700::1111"]})
    guard = NetworkGuard(resolver=resolver)
    assert [str(a) for a in await guard.resolve("News.Example.", 443)] == ["93.184.215.14", "2606:4700::1111"]
    assert resolver.calls == ["news.example"]


@pytest.mark.parametrize(
    "addresses",
    [["127.0.0.1"], ["169.254.169.254"], ["::1"], ["93.184.215.14", "10.0.0.7"], ["::ffff:192.168.0.1"]],
)
async def test_a_name_pointing_at_any_private_address_is_refused(addresses: list[str]) -> None:
    guard = NetworkGuard(resolver=StubResolver({"sneaky.example": addresses}))
    with pytest.raises(
        BlockedAddressError, match=r"sneaky\.example leads to a private or local network address"
    ):
        await guard.resolve("sneaky.example", 80)


@pytest.mark.parametrize("host", ["2130706433", "0x7f.1", "127.1", "[::ffff:127.0.0.1]", "169.254.169.254"])
async def test_address_literals_are_refused_without_any_lookup(host: str) -> None:
    resolver = StubResolver({})
    with pytest.raises(BlockedAddressError, match="private or local network address"):
        await NetworkGuard(resolver=resolver).resolve(host, 80)
    assert resolver.calls == []


async def test_lifting_the_guard_allows_private_addresses() -> None:
    guard = NetworkGuard(allow_private=True, resolver=StubResolver({"intranet.example": ["10.1.1.1"]}))
    assert await guard.resolve("intranet.example", 80) == [ipaddress.IPv4Address("10.1.1.1")]


async def test_unknown_names_and_empty_answers_say_no_such_host() -> None:
    guard = NetworkGuard(resolver=StubResolver({"empty.example": []}))
    for host in ("nowhere.example", "empty.example"):
        with pytest.raises(HostNotFoundError, match="no such host"):
            await guard.resolve(host, 80)


async def test_a_hanging_resolver_times_out() -> None:
    async def hanging(host: str, port: int) -> list[ipaddress.IPv4Address | ipaddress.IPv6Address]:
        await asyncio.sleep(10)
        return []

    guard = NetworkGuard(resolver=hanging, resolve_timeout=0.05)
    with pytest.raises(httpcore.ConnectTimeout):
        await guard.resolve("slow.example", 80)


async def test_the_address_policy_sees_the_port() -> None:
    guard = NetworkGuard(address_policy=lambda address, port: port == 8080)
    assert await guard.resolve("127.0.0.1", 8080)
    with pytest.raises(BlockedAddressError):
        await guard.resolve("127.0.0.1", 8081)


# --- Dialing the checked address (no second lookup) ---


async def test_the_backend_dials_the_checked_address_not_the_name() -> None:
    resolver = StubResolver({"news.example": ["127.0.0.1"]})
    dialer = LoopbackOnlyDialer()
    guard = NetworkGuard(allow_private=True, resolver=resolver)
    backend = GuardedNetworkBackend(guard, dialer)
    with LoopbackServer() as server:
        stream = await backend.connect_tcp("news.example", server.port, timeout=2)
        await stream.aclose()
    assert dialer.dialed == [("127.0.0.1", server.port)]
    assert resolver.calls == ["news.example"]


async def test_the_backend_refuses_before_dialing() -> None:
    dialer = LoopbackOnlyDialer()
    backend = GuardedNetworkBackend(
        NetworkGuard(resolver=StubResolver({"meta.example": ["169.254.169.254"]})), dialer
    )
    with pytest.raises(BlockedAddressError):
        await backend.connect_tcp("meta.example", 80)
    assert dialer.dialed == []


async def test_the_backend_tries_the_next_checked_address_when_one_fails() -> None:
    resolver = StubResolver({"two.example": ["127.0.0.2", "127.0.0.1"]})
    dialer = LoopbackOnlyDialer()
    backend = GuardedNetworkBackend(NetworkGuard(allow_private=True, resolver=resolver), dialer)
    with LoopbackServer() as server:
        stream = await backend.connect_tcp("two.example", server.port, timeout=2)
        await stream.aclose()
    assert dialer.dialed == [("127.0.0.2", server.port), ("127.0.0.1", server.port)]


async def test_unix_sockets_are_never_dialed() -> None:
    backend = GuardedNetworkBackend(NetworkGuard(allow_private=True), LoopbackOnlyDialer())
    with pytest.raises(BlockedAddressError):
        await backend.connect_unix_socket("/var/run/docker.sock")
