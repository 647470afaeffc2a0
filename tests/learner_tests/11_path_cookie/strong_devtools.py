"""Strong: DevTools asked, for each URL, which cookies the browser would send there."""

import pytest

PATHS = {
    "/set-path-cookie": True,
    "/set-path-cookie/anything": True,
    "/": False,
    "/set-path-cookie-alternate": False,
}


@pytest.mark.parametrize("path", PATHS)
def test_sent_exactly_inside_its_path(driver, lab_url, path):
    driver.get(lab_url + "/set-path-cookie")
    sent = driver.execute_cdp_cmd("Network.getCookies", {"urls": [lab_url + path]})["cookies"]
    names = [cookie["name"] for cookie in sent]
    assert names == (["path_cookie_name"] if PATHS[path] else []), path
