"""Forms read from a page and submitted as a browser would submit them.

A test that posts hand-written data checks what its author thought the page sends; the queue's
"Apply" was refused for months because the page sent an empty ``kind=`` that no test sent.
Here the data comes from the page's own markup: every named field with its current value, an
unticked checkbox left out, a select's selected option (else its first), and the pressed
button's name and value.
"""

from bs4 import BeautifulSoup


def find_form(html, label):
    """The form named ``label`` by its aria-label (or its id)."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("form", attrs={"aria-label": label}) or soup.find("form", id=label)
    assert form is not None, f"no form named {label!r} on the page"
    return form


def fields(form, *, tick=(), untick=(), choose=None, fill=None, button=None):
    """The (name, value) pairs a browser sends for ``form``.

    ``tick``/``untick`` name checkboxes by their value's field name, ``choose`` maps a select's
    name to the option value to pick, ``fill`` maps a text field's name to what is typed, and
    ``button`` is the text of the submit button pressed (its name and value are sent).
    """
    choose, fill = choose or {}, fill or {}
    pairs = []
    for element in form.find_all(["input", "select", "textarea", "button"]):
        name = element.get("name")
        if element.name == "button" or element.get("type") in ("submit", "button"):
            if button is not None and name and element.get_text(strip=True) == button:
                pairs.append((name, element.get("value", "")))
            continue
        if not name or element.has_attr("disabled"):
            continue
        kind = element.get("type", "text")
        if element.name == "select":
            options = element.find_all("option")
            if name in choose:
                pairs.append((name, choose[name]))
            elif element.has_attr("multiple"):
                pairs.extend((name, o.get("value", o.get_text())) for o in options
                             if o.has_attr("selected"))
            elif options:
                picked = next((o for o in options if o.has_attr("selected")), options[0])
                pairs.append((name, picked.get("value", picked.get_text())))
        elif kind in ("checkbox", "radio"):
            ticked = element.has_attr("checked")
            if name in tick:
                ticked = kind == "checkbox" or element.get("value") == choose.get(name)
            if name in untick:
                ticked = False
            if ticked:
                pairs.append((name, element.get("value", "on")))
        elif element.name == "textarea":
            pairs.append((name, fill.get(name, element.get_text())))
        else:
            pairs.append((name, fill.get(name, element.get("value", ""))))
    return pairs


def submit(client, html, label, **choices):
    """Submit the form named ``label`` on ``html`` with ``client``, as a browser would."""
    form = find_form(html, label)
    data = fields(form, **choices)
    method = (form.get("method") or "get").lower()
    action = form.get("action") or ""
    if method == "get":
        query = {}
        for name, value in data:
            query.setdefault(name, []).append(value)
        return client.get(action, query)
    body = {}
    for name, value in data:
        body.setdefault(name, []).append(value)
    return client.post(action, body)
