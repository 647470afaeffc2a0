"""The runner's lab server: where it listens, and the URL it sends browsers to."""

import urllib.request

from lab_app import create_app
from scenarios.server import LabServer, listen_host


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
