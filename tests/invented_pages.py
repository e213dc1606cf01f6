"""Small invented profile pages: a top card and an experience list, as LinkedIn's 2024 pages show them."""

URL = "https://www.linkedin.com/in/ana-silva/"


def profile(roles: list[tuple[str, str, str]], headline: str = "Analytics", name: str = "Ana Silva") -> str:
    """A profile page of ``name`` with these (title, company, "Jan 2018 - Present") roles."""
    items = "".join(
        "<li class='artdeco-list__item'><div><span><span aria-hidden='true'>"
        f"{title}</span></span><span><span aria-hidden='true'>{company}</span></span>"
        f"<span><span aria-hidden='true'>{dates}</span></span></div></li>" for title, company, dates in roles)
    return (f"<html><head><title>{name} | LinkedIn</title></head><body>"
            "<main><section class='artdeco-card'><div id='experience' class='pv-profile-card-anchor'>x</div>"
            f"<h2>Experience</h2><ul class='pvs-list'>{items}</ul></section></main>"
            "<main><section class='artdeco-card pv-top-card'><div class='pv-text-details__left-panel'>"
            f"<h1>{name}</h1><div class='text-body-medium'>{headline}</div></div>"
            "<span class='text-body-small'>Porto</span>"
            "<a href='/in/" + name.lower().replace(" ", "-") + "/overlay/contact-info/'>"
            "Contact info</a></section></main></body></html>")


BEFORE = profile([("Data Analyst", "Acme", "Jan 2018 - Present")])
AFTER = profile([("Data Analyst", "Acme", "Jan 2018 - Feb 2026"), ("Data Scientist", "Beta", "Mar 2026 - Present")])
