"""A long invented news article, made on the fly: many sources, many figures, several differing tolls.

Every name, place and number is made up here; the shape is that of a running wire story (a toll revised by
several sources, quotes from officials and witnesses, figures about earlier events).
"""

from __future__ import annotations

import random

FIRST = ["Mara", "Tobin", "Lisette", "Oren", "Priya", "Dario", "Ilse", "Kwame", "Selin", "Ansel", "Noor", "Elan"]
LAST = ["Varga", "Okonjo", "Halvorsen", "Bextor", "Quillan", "Moravec", "Strand", "Adeyemi", "Castell", "Rhee"]
ROLES = ["regional governor", "fire brigade spokesman", "hospital director", "police chief", "aid worker",
         "deputy mayor", "rescue coordinator", "local council member"]  # fmt: skip
BODIES = ["the Veltrian Red Crescent", "the Harrow Valley Civil Defence", "the Ostmark Rescue League",
          "the Calder Monitoring Group", "the Lowmere Health Office"]  # fmt: skip
OUTLETS = ["Northline News", "Meridian Wire", "the Coastline Post", "Harbor Radio"]
PLACES = ["Qasr Tamar", "Belvane", "Ostfold Crossing", "Marrow Bay", "Linden Heights", "Saltmere"]
MEASURES = [("killed", "people were killed"), ("injured", "people were injured"),
            ("evacuated", "residents were evacuated"), ("missing", "people were missing")]  # fmt: skip


def long_article(chars: int = 25_000, seed: int = 7) -> str:
    """An invented article of about `chars` characters (deterministic for a seed)."""
    rng = random.Random(seed)
    place = rng.choice(PLACES)
    paragraphs = [
        f"Landslide buries homes in {place} after days of rain",
        f"{place.upper()}, May 14 (Northline News) - A landslide buried dozens of homes in {place} on Tuesday "
        "after three days of heavy rain, officials said, and rescuers were still digging through the mud late "
        "into the night.",
    ]
    while sum(len(paragraph) + 2 for paragraph in paragraphs) < chars:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        role = rng.choice(ROLES)
        _, phrase = rng.choice(MEASURES)
        number = rng.randint(2, 400)
        kind = rng.randrange(5)
        if kind == 0:
            paragraphs.append(
                f"{name}, the {role}, said at least {number} {phrase} in {place} and nearby villages, adding "
                "that the search would go on through the night."
            )
        elif kind == 1:
            body = rng.choice(BODIES)
            outlet = rng.choice(OUTLETS)
            paragraphs.append(
                f"{body[0].upper() + body[1:]} told {outlet} that {number} {phrase}, a figure that could not "
                "be independently verified."
            )
        elif kind == 2:
            paragraphs.append(
                f"“We have never seen anything like this in {place},” {name} said. “The road is gone, the "
                "school is gone, and we are still counting who is missing.”"
            )
        elif kind == 3:
            paragraphs.append(
                f"A {role} who asked not to be named because he was not authorised to speak said about {number} "
                f"{phrase}, and that more bodies were expected to be found."
            )
        else:
            paragraphs.append(
                f"Residents said the slope above {place} had been cracking for weeks. {name}, who runs a shop "
                "on the main street, said the warnings had been ignored by the district office."
            )
    return "\n\n".join(paragraphs)
