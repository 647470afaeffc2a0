"""The runner's lab server: where it listens, and the URL it sends browsers to."""

import urllib.request

from lab_app import create_app
from scenarios.server import LabServer


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers.get_all("Set-Cookie")


def test_a_loopback_host_is_advertised_and_listened_on():
    with LabServer(create_app(), advertise="localhost") as server:
        assert server.url.startswith("http://localhost:")
        assert fetch(server.url + "/set-cookie")[0] == 200


def test_a_host_other_machines_reach_is_advertised_and_loopback_still_answers():
    # A Grid node elsewhere resolves the advertised name to one of this machine's
    # interfaces, whichever it is.
    with LabServer(create_app(), advertise="learner-7.example") as server:
        assert server.url.startswith("http://learner-7.example:")
        port = server.url.rsplit(":", 1)[1]
        status, set_cookie = fetch(f"http://127.0.0.1:{port}/set-cookie")
        assert status == 200 and set_cookie == ["cookie_name=cookie_value; Path=/"]
