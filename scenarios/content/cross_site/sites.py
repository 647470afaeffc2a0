"""What the cross-site scenarios share: the lab's sites, and reading what each way in (a
link, a form, a frame, a fetch, an image) carried to the lab."""

LAB = "lab.localhost"
OTHER = "other.localhost"
# A third site, for a second partition.
ANOTHER = "another.localhost"
# The four SameSite settings /cross-site/set-cookies sets, one cookie each.
STRICT, LAX, NONE, UNSET = "strict_cookie", "lax_cookie", "none_secure_cookie", "no_samesite_cookie"
SAMESITE_COOKIES = (STRICT, LAX, NONE, UNSET)

_READ_ROWS = """
const place = document.getElementById("embeds");
const done = place ? place.dataset.done : "yes";
if (!done) return null;
return [done, Array.from(document.querySelectorAll("#what-the-lab-received tbody tr"),
  (row) => [row.dataset.via, row.dataset.fetchSite, row.dataset.cookies])];
"""


def what_arrived(lab):
    """The table of what the lab received, as this page shows it: {way in: (Sec-Fetch-Site,
    the cookies it carried)}. On the other site's page, once its embeds have all loaded."""
    done, rows = lab.wait_until(
        lambda: lab.driver.execute_script(_READ_ROWS),
        timeout=lab.config.page_load_seconds,
        poll=0.05,
        message="expected the page to show what the lab received, but it never did",
    )
    lab.check(done == "yes", f"expected the page to show what the lab received, but {done}")
    return {via: (fetch_site, set(cookies.split())) for via, fetch_site, cookies in rows}


def carried_by(lab, via, site="cross-site"):
    """The cookies ``via`` carried to the lab, once the lab says it came from ``site``."""
    arrived = what_arrived(lab)
    lab.check(
        via in arrived, f"expected the lab to have received a {via}, but it lists {list(arrived)}"
    )
    fetch_site, cookies = arrived[via]
    lab.check(
        fetch_site == site,
        f"expected the {via} sent with Sec-Fetch-Site: {site}, but the browser said {fetch_site}",
    )
    return cookies


def expect_sent(lab, via, sent, not_sent):
    """``via`` carried every cookie of ``sent`` and none of ``not_sent``."""
    cookies = carried_by(lab, via)
    for name in sent:
        lab.check(
            name in cookies, f"expected the {via} to carry {name}, but it carried {_list(cookies)}"
        )
    for name in not_sent:
        lab.check(name not in cookies, f"expected the {via} not to carry {name}, but it did")


def _list(cookies):
    return ", ".join(sorted(cookies)) or "no cookie"


def follow(lab, element_id, to_path):
    """Click ``element_id`` (a link, a form's button) and wait for the lab page at ``to_path``."""
    element = lab.driver.find_element("id", element_id)
    # To the top of the window: lower down, the class's dock would take the click.
    lab.driver.execute_script("arguments[0].scrollIntoView({block: 'start'})", element)
    element.click()
    lab.wait_until(
        lambda: (
            to_path in lab.driver.current_url
            and lab.driver.execute_script("return document.readyState") == "complete"
        ),
        timeout=lab.config.page_load_seconds,
        poll=0.05,
        message=lambda: f"expected the browser at {to_path}, but it is at {lab.driver.current_url}",
    )


def expect_came_from(lab, fetch_site):
    """The lab page says the browser sent this request with Sec-Fetch-Site: ``fetch_site``."""
    said = lab.driver.find_element("id", "fetch-site").text
    lab.check(
        said == fetch_site,
        f"expected the browser to say Sec-Fetch-Site: {fetch_site}, but it said {said}",
    )
