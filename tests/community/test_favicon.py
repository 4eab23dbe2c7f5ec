"""/favicon.ico, which browsers ask for on their own, leads to the site's icon."""

from django.contrib.staticfiles import finders


def test_favicon_ico_leads_to_the_svg_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 302
    assert response["Location"].endswith(".svg")
    assert finders.find("favicon.svg")
