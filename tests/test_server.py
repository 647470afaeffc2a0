"""The runner's lab server: where it listens, and the URL it sends browsers to."""

import socket
import urllib.request

from lab_app import create_app
from scenarios.lab.server import LabServer, listen_host


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_all("Set-Cookie")


def test_a_loopback_host_is_advertised_and_listened_on():
    with LabServer(create_app(), advertise="localhost") as server:
        assert server.url.startswith("http://localhost:")
        assert fetch(server.url + "/set-cookie")[0] == 200


def test_another_loopback_address_is_listened_on_itself():
    with LabServer(create_app(), advertise="127.0.0.2") as server:
        assert server.url.startswith("http://127.0.0.2:")
        status, set_cookie = fetch(server.url + "/set-cookie")
        assert status == 200 and set_cookie == ["cookie_name=cookie_value; Path=/"]


def test_a_host_other_machines_reach_means_listening_on_every_interface():
    # Decided, not bound: tests listen on nothing beyond loopback.
    assert listen_host("learner-7.example") == "0.0.0.0"
    assert listen_host("192.168.1.23") == "0.0.0.0"
    assert listen_host("localhost") == "localhost"


def test_a_port_is_free_again_right_after_a_server_that_closed_connections_on_it():
    # The workshop reruns `--port 8000` at once. The side that closes a connection first
    # keeps it in TIME_WAIT for a minute; a server closes its browser's connections on exit.
    with LabServer(create_app()) as server:
        port = int(server.url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port)) as client:
            client.sendall(b"GET / HTTP/1.0\r\n\r\n")
            while client.recv(65536):  # to the end: the server closed the connection first
                pass
    with LabServer(create_app(), port=port) as again:
        assert fetch(again.url + "/set-cookie")[0] == 200


def test_an_ipv6_loopback_address_is_listened_on_and_bracketed_in_the_url():
    with LabServer(create_app(), advertise="::1") as server:
        assert server.url.startswith("http://[::1]:")
        assert fetch(server.url + "/set-cookie")[0] == 200
    assert listen_host("fd00::23") == "::"
