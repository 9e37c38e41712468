"""Fetching one URL the user asked for: timeout, size cap, and no private addresses.

Only http(s) is fetched. Every hop of a redirect is checked again. A host is refused when it
is, or resolves to, an address that is not public: loopback, private, link-local, reserved,
multicast, unspecified, or such an address inside IPv6 (IPv4-mapped, 6to4, Teredo). IPv4
written in another form than four decimal numbers (``2130706433``, ``0177.0.0.1``, ``0x7f.1``)
is refused outright: resolvers read those forms differently.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urljoin, urlparse

from kronika.errors import FetchError

USER_AGENT = "kronika/0.1 (+https://github.com/kronika)"
_DOTTED_QUAD = re.compile(r"(?:0|[1-9]\d{0,2})(?:\.(?:0|[1-9]\d{0,2})){3}")
_NUMERIC_HOST = re.compile(r"(?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3}\.?", re.I)


def _embedded(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> list:
    """The address and any IPv4 address carried inside an IPv6 one."""
    found = [ip]
    if isinstance(ip, ipaddress.IPv6Address):
        found += [x for x in (ip.ipv4_mapped, ip.sixtofour, ip.teredo and ip.teredo[1]) if x]
    return found


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(not x.is_global or x.is_multicast or x.is_unspecified for x in _embedded(ip))


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of a URL kronika may fetch; FetchError with one line otherwise."""
    parts = urlparse(url)
    if parts.scheme.lower() not in ("http", "https"):
        raise FetchError(f"{url}: only http:// and https:// URLs can be fetched, not {parts.scheme or 'this'}:")
    try:
        host, port = parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:
        raise FetchError(f"{url}: not a valid URL (bad port)") from None
    if not host:
        raise FetchError(f"{url}: no host name in this URL")
    if _NUMERIC_HOST.fullmatch(host) and not _DOTTED_QUAD.fullmatch(host):
        raise FetchError(f"{url}: refusing an IPv4 address written as {host!r}; write it as four decimal numbers")
    return parts.scheme.lower(), host, port


def check_public(url: str) -> str:
    """The address to connect to for ``url``: its host resolved once, every address public
    (else FetchError). The connection goes to this address, so a name that resolves again to
    another address by the time of the connection (DNS rebinding) gains nothing."""
    _, host, port = check_url(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"{url}: cannot resolve host {host!r}") from None
    if not infos:
        raise FetchError(f"{url}: cannot resolve host {host!r}")
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if _refused(ip):
            raise FetchError(f"{url}: refusing to fetch a private or local address ({ip})")
    return str(infos[0][4][0])


def _pinned(url: str, address: str) -> tuple[str, dict, dict]:
    """(url with the vetted address for host, headers naming the host, TLS server name)."""
    parts = urlparse(url)
    host = f"[{address}]" if ":" in address else address
    netloc = host + (f":{parts.port}" if parts.port else "")
    name = parts.hostname or ""
    shown = (f"[{name}]" if ":" in name else name) + (f":{parts.port}" if parts.port else "")
    return parts._replace(netloc=netloc).geturl(), {"Host": shown}, {"sni_hostname": name}


def fetch(url: str, *, max_bytes: int = 5_000_000, timeout: float = 20.0, max_redirects: int = 5) -> bytes:
    import httpx

    with httpx.Client(
        timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}, trust_env=False
    ) as client:
        for _ in range(max_redirects + 1):
            target, headers, extensions = _pinned(url, check_public(url))
            try:
                with client.stream("GET", target, headers=headers, extensions=extensions) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                    return _read(response, url, max_bytes)
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: could not fetch ({type(exc).__name__}: {exc})") from None
    raise FetchError(f"{url}: too many redirects")


def _read(response, url: str, max_bytes: int) -> bytes:
    chunks, size = [], 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(f"{url}: larger than {max_bytes:,} bytes; not fetched")
        chunks.append(chunk)
    return b"".join(chunks)
