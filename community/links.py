"""Which links are safe to follow: paths on this site only, so nobody is sent elsewhere."""

from django.utils.http import url_has_allowed_host_and_scheme


def is_site_path(url: str) -> bool:
    """A path on this site such as /forums/posts/3/, never //other.site or javascript:."""
    return url.startswith("/") and url_has_allowed_host_and_scheme(url, allowed_hosts=set())


def next_or(request, fallback: str) -> str:
    """The form's `next` when it stays on this site, else `fallback`."""
    target = request.POST.get("next", "")
    is_safe = url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return target if is_safe else fallback
