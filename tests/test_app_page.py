"""What the page shows: both halves of the exchange, escaped."""

from lab_app import beyond, create_app, tutorial


def test_request_cookies_is_immutable_and_reads_like_a_dict(app):
    with app.test_request_context(headers={"Cookie": "cookie_name=cookie_value"}):
        from flask import request

        assert type(request.cookies).__name__ == "ImmutableMultiDict"
        assert request.cookies.get("cookie_name") == request.cookies["cookie_name"]
        try:
            request.cookies["cookie_name"] = "changed"
        except TypeError:
            pass
        else:
            raise AssertionError("request.cookies accepted an assignment")


def test_page_lists_what_the_request_carried(client):
    client.set_cookie("cookie_name", "cookie_value")
    html = client.get("/").get_data(as_text=True)
    assert '<tr data-cookie-name="cookie_name">' in html
    assert '<td class="cookie-value">cookie_value</td>' in html
    assert "cookie_name=cookie_value" in html  # the raw Cookie header
    assert "(24 bytes)" in html


def test_page_says_in_words_when_nothing_was_carried(client):
    html = client.get("/").get_data(as_text=True)
    assert "This request carried no cookies." in html
    assert "(no Cookie header was sent)" in html


def test_page_shows_the_responses_own_set_cookie_header(client):
    html = client.get("/set-path-cookie").get_data(as_text=True)
    assert "Set-Cookie: path_cookie_name=path_cookie_value; Path=/set-path-cookie" in html


def test_expiring_route_hands_its_max_age_to_the_countdown():
    client = create_app({"EXPIRY_SECONDS": 7}).test_client()
    html = client.get("/set-expiring-cookie").get_data(as_text=True)
    assert 'id="expiry-countdown" data-seconds="7"' in html


def test_page_links_every_route_of_both_blueprints(client):
    html = client.get("/").get_data(as_text=True)
    for lesson in [*tutorial.LESSONS.values(), *beyond.LESSONS.values()]:
        assert f'href="{lesson.path}"' in html
        assert client.get(lesson.path).status_code == 200


def test_every_route_has_its_own_lesson(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()} - {"static"}
    assert endpoints == set(app.extensions["cookie_lab_lessons"])


def test_hostile_cookie_is_shown_escaped_never_as_markup(client):
    client.set_cookie("x<b>", '<script>alert("pwned")</script>')
    html = client.get("/").get_data(as_text=True)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&#34;pwned&#34;)&lt;/script&gt;" in html
    assert 'data-cookie-name="x&lt;b&gt;"' in html


def test_non_ascii_cookies_are_shown_as_sent_and_stray_bytes_escaped(app):
    # The bytes a browser sends for document.cookie = "ü=ünïcødé", an emoji, and two bytes
    # that are no UTF-8; WSGI hands them over as latin-1 text.
    sent = "ü=ünïcødé; emoji=😀".encode() + b"; stray=\xff\xfe"
    client = app.test_client(use_cookies=False)  # a jar of its own would replace the header
    html = client.get("/", headers={"Cookie": sent.decode("latin-1")}).text
    assert '<tr data-cookie-name="ü">' in html and ">ünïcødé</td>" in html
    assert ">😀</td>" in html
    assert ">\\xff\\xfe</td>" in html
    assert "Ã" not in html and "ð" not in html  # no bytes shown as latin-1 letters
    assert f"({len(sent)} bytes)" in html  # bytes on the wire, not characters
