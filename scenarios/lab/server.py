"""The lab app on a real loopback server, in a daemon thread."""

import errno
import socket
import threading

from werkzeug.serving import WSGIRequestHandler, make_server

from scenarios.core.config import UsageError, is_loopback


class _QuietHandler(WSGIRequestHandler):
    # The narration is the story; a request log line per page would drown it.
    def log_request(self, *args, **kwargs):
        pass


def _listening_socket(host, port):
    # Bound here rather than by Werkzeug, which answers a busy port with its own
    # message and sys.exit(1).
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    # A run closes its browsers' connections first, so they linger a minute in TIME_WAIT:
    # without this, the same --port would be refused until then. (A listening server on
    # the port still makes the bind fail.)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
        sock.listen(128)
    except OverflowError:
        # The runner serves each browser on its own port, counting up from --port N.
        sock.close()
        raise UsageError(
            f"port {port} is out of range: --port N uses N and up, one per browser; "
            "choose a lower N"
        ) from None
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise UsageError(f"port {port} on {host} is already in use") from None
        raise UsageError(f"cannot serve the lab app on {host}:{port}: {exc.strerror}") from None
    return sock


def listen_host(advertise):
    """Where to listen so that browsers sent to ``advertise`` arrive."""
    if is_loopback(advertise):
        return advertise
    return "::" if ":" in advertise else "0.0.0.0"


def url_host(host):
    """``host`` as a URL names it: an IPv6 address in brackets."""
    return f"[{host}]" if ":" in host else host


class LabServer:
    """Serve ``app`` on 127.0.0.1. Port 0 lets the OS choose, so there is no port race.

    ``advertise`` is the host in ``url``, the one browsers are sent to. A loopback host is
    also the one listened on; any other host is reached from another machine, so the app
    then listens on every interface.
    """

    def __init__(self, app, port=0, advertise="127.0.0.1"):
        host = listen_host(advertise)
        with _listening_socket(host, port) as sock:
            self._server = make_server(
                host,
                port,
                app,
                threaded=True,
                request_handler=_QuietHandler,
                fd=sock.fileno(),  # Werkzeug serves a duplicate of it
            )
        self.url = f"http://{url_host(advertise)}:{self._server.socket.getsockname()[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, args=(0.05,), daemon=True
        )

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc_info):
        self._server.shutdown()
        self._server.server_close()
