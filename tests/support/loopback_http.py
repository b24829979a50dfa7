"""A real HTTP server on 127.0.0.1 with routes a test programs: pages, redirects, status codes, content types,
slow answers, endless bodies and compression bombs.

It runs in a background thread (`ThreadingHTTPServer`), so it serves async tests and in-process CLI runs:

    with LoopbackServer() as server:
        server.page("/story", html)
        server.redirect("/old", "/story")
        ... fetch server.url("/old") ...
        assert server.paths() == ["/old", "/story"]
"""

from __future__ import annotations

import sys
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

import httpcore

HTML = "text/html; charset=utf-8"


@dataclass
class Route:
    """What the server answers on one path."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = HTML
    headers: dict[str, str] = field(default_factory=dict)
    # Seconds to wait before sending anything (a slow server).
    delay: float = 0.0
    # A fresh iterable of chunks per request, sent chunked (an endless body, a trickle).
    chunks: Callable[[], Iterable[bytes]] | None = None
    chunk_delay: float = 0.0
    # Answer only once the test sets this (a server that hasn't answered yet, for as long as the test wants;
    # at most HOLD_CAP_SECONDS, so a client that never gives up fails the test instead of hanging it).
    hold: threading.Event | None = None
    # Set when the server starts sending its answer.
    answered: threading.Event = field(default_factory=threading.Event)


HOLD_CAP_SECONDS = 60.0


@dataclass(frozen=True)
class Hit:
    """One request the server received."""

    path: str
    headers: dict[str, str]


def endless(chunk: bytes = b"<p>" + b"la " * 20_000 + b"</p>\n") -> Callable[[], Iterator[bytes]]:
    """Chunks that never end (until the client hangs up or the server stops)."""

    def chunks() -> Iterator[bytes]:
        while True:
            yield chunk

    return chunks


def endless_gzip() -> Callable[[], Iterator[bytes]]:
    """A gzip stream of spaces that never ends: about 1 KB on the wire per megabyte decoded, forever."""

    def chunks() -> Iterator[bytes]:
        compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
        piece = b" " * 1_000_000
        while True:
            yield compressor.compress(piece) + compressor.flush(zlib.Z_SYNC_FLUSH)

    return chunks


def gzip_bomb(decoded_size: int) -> bytes:
    """`decoded_size` bytes of spaces, gzipped: about 1 KB on the wire per megabyte decoded."""
    piece = b" " * 1_000_000
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    whole, rest = divmod(decoded_size, len(piece))
    parts = [compressor.compress(piece) for _ in range(whole)]
    parts += [compressor.compress(b" " * rest), compressor.flush()]
    return b"".join(parts)


class _QuietThreadingServer(ThreadingHTTPServer):
    """A threading server that keeps handler errors instead of printing them to whatever stderr is current.

    Clients in these tests hang up mid-body on purpose; a traceback printed from a lingering handler thread would
    land in some later test's captured output.
    """

    daemon_threads = True
    block_on_close = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.handler_errors: list[BaseException] = []

    def handle_error(self, request: object, client_address: object) -> None:
        error = sys.exc_info()[1]
        if error is not None:
            self.handler_errors.append(error)


class LoopbackServer:
    """An HTTP/1.1 server on 127.0.0.1 and a free port, serving the routes it is given."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._httpd = _QuietThreadingServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05})

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def url(self, path: str = "/") -> str:
        """The full http://127.0.0.1:PORT/... link for `path`."""
        return f"http://127.0.0.1:{self.port}{path}"

    # Programming routes ------------------------------------------------------------------------------------

    def route(self, path: str, route: Route) -> None:
        """Answer `path` (with its query string, if the request has one) with `route`."""
        self.routes[path] = route

    def page(self, path: str, body: bytes | str, content_type: str | None = HTML, **options: object) -> None:
        """A 200 page; `str` bodies are sent as UTF-8."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.route(path, Route(body=data, content_type=content_type, **options))  # type: ignore[arg-type]

    def redirect(self, path: str, location: str, status: int = 302) -> None:
        """A redirect from `path` to `location` (relative or absolute, sent as it is)."""
        self.route(path, Route(status=status, content_type=None, headers={"Location": location}))

    def paths(self) -> list[str]:
        """The paths requested so far, in order."""
        with self._lock:
            return [hit.path for hit in self.hits]

    # Lifecycle ---------------------------------------------------------------------------------------------

    def start(self) -> LoopbackServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.stop()

    # Serving -----------------------------------------------------------------------------------------------

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; without this, Nagle plus delayed ACKs add ~40 ms.
            disable_nagle_algorithm = True
            timeout = 5

            def do_GET(self) -> None:
                server._serve(self)

            def do_HEAD(self) -> None:
                server._serve(self)

            def log_message(self, format: str, *args: object) -> None:
                pass

        return Handler

    def _serve(self, request: BaseHTTPRequestHandler) -> None:
        with self._lock:
            headers = {name.lower(): value for name, value in request.headers.items()}
            self.hits.append(Hit(path=request.path, headers=headers))
        route = self.routes.get(request.path) or self.routes.get(request.path.split("?", 1)[0])
        if route is None:
            route = Route(status=404, body=b"<html><body><h1>Not Found</h1></body></html>")
        if route.delay and self._stopping.wait(route.delay):
            return
        if route.hold is not None:
            route.hold.wait(HOLD_CAP_SECONDS)
        route.answered.set()
        try:
            self._respond(request, route)
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            request.close_connection = True

    def _respond(self, request: BaseHTTPRequestHandler, route: Route) -> None:
        request.send_response(route.status)
        if route.content_type:
            request.send_header("Content-Type", route.content_type)
        for name, value in route.headers.items():
            request.send_header(name, value)
        if route.chunks is None:
            request.send_header("Content-Length", str(len(route.body)))
            request.end_headers()
            if request.command != "HEAD":
                request.wfile.write(route.body)
            return
        request.send_header("Transfer-Encoding", "chunked")
        request.end_headers()
        for chunk in route.chunks():
            if self._stopping.is_set() or (route.chunk_delay and self._stopping.wait(route.chunk_delay)):
                break
            if chunk:
                request.wfile.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
        request.wfile.write(b"0\r\n\r\n")
        request.close_connection = True


class LoopbackOnlyDialer(httpcore.AsyncNetworkBackend):
    """A network backend for tests that dials 127.0.0.1 only, recording every address it is asked to dial.

    Tests pass it as the fetch client's dialer, so even a broken guard could never reach another machine.
    """

    def __init__(self) -> None:
        self.dialed: list[tuple[str, int]] = []
        self._real = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        self.dialed.append((host, port))
        if host != "127.0.0.1":
            raise httpcore.ConnectError(f"the test dialer only reaches 127.0.0.1, not {host}")
        return await self._real.connect_tcp(host, port, timeout=timeout)

    async def sleep(self, seconds: float) -> None:
        await self._real.sleep(seconds)
