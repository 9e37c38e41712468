"""Fetching one URL the user asked for: timeout, size cap, and no private addresses."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urljoin, urlparse

from kronika.errors import FetchError

USER_AGENT = "kronika/0.1 (+https://github.com/kronika)"


def check_public(url: str) -> None:
    """Refuse URLs whose host resolves to a loopback, private, link-local or reserved address."""
    parts = urlparse(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError(f"{url}: only http(s) URLs can be fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
    except socket.gaierror:
        raise FetchError(f"{url}: cannot resolve host {parts.hostname!r}") from None
    for info in infos:
        ip = ipaddress.ip_address(info[4][0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError(f"{url}: refusing to fetch a private or local address ({ip})")


def fetch(url: str, *, max_bytes: int = 5_000_000, timeout: float = 20.0, max_redirects: int = 5) -> bytes:
    import httpx

    with httpx.Client(timeout=timeout, follow_redirects=False, headers={"User-Agent": USER_AGENT}) as client:
        for _ in range(max_redirects + 1):
            check_public(url)
            try:
                with client.stream("GET", url) as response:
                    if response.is_redirect:
                        url = urljoin(url, response.headers.get("location", ""))
                        continue
                    if response.status_code >= 400:
                        raise FetchError(f"{url}: the server answered HTTP {response.status_code}")
                    chunks, size = [], 0
                    for chunk in response.iter_bytes():
                        size += len(chunk)
                        if size > max_bytes:
                            raise FetchError(f"{url}: larger than {max_bytes:,} bytes; not fetched")
                        chunks.append(chunk)
                    return b"".join(chunks)
            except httpx.HTTPError as exc:
                raise FetchError(f"{url}: could not fetch ({type(exc).__name__}: {exc})") from None
    raise FetchError(f"{url}: too many redirects")
