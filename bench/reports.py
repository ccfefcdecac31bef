"""Realistic incident reports for load and re-evaluation benchmarks.

Draws actors, places, weapons and dates from the shapes of the two truces encoded here: Syria
between February and May 2016 (government and Russian air strikes, rebel and Nusra offensives, IS
fighting, Turkish shelling) and Donbas in 2015 (shelling, clashes, heavy-weapon sightings). Seeded,
so two runs post the same reports.
"""
import random

SYRIA_PLACES = [  # (admin1, location, lat, lon)
    ("Aleppo", "Al-Haidariyah", 36.228, 37.183), ("Aleppo", "Al-Sakhour", 36.213, 37.186),
    ("Aleppo", "Al-Rai", 36.61, 37.45), ("Aleppo", "Manbij", 36.53, 37.95), ("Aleppo", "Azaz", 36.586, 37.047),
    ("Idleb", "Idleb", 35.93, 36.63), ("Idleb", "Maarrat al-Numan", 35.64, 36.67), ("Hama", "Kafr Zita", 35.37, 36.6),
    ("Homs", "Palmyra", 34.56, 38.27), ("Homs", "Al-Rastan", 34.92, 36.73), ("Rural Damascus", "Douma", 33.57, 36.4),
    ("Lattakia", "Kabani", 35.77, 36.18), ("Dar'a", "Dar'a", 32.62, 36.1), ("Deir-ez-Zor", "Deir-ez-Zor", 35.33, 40.14),
]
SYRIA_ACTS = [  # (weight, event_type, sub_event_type, actor1, actor2, weapon, civilian_targeting)
    (20, "Explosions/Remote violence", "Air/drone strike", "Military Forces of Syria (2000-)", "Civilians (Syria)", "barrel bomb", True),
    (12, "Explosions/Remote violence", "Air/drone strike", "Military Forces of Russia (2000-)", "Islamic State (Syria)", "air strike", False),
    (8, "Explosions/Remote violence", "Air/drone strike", "Military Forces of Russia (2000-)", "Free Syrian Army", "air strike", False),
    (10, "Battles", "Armed clash", "Military Forces of Syria (2000-)", "Free Syrian Army", None, False),
    (8, "Battles", "Non-state actor overtakes territory", "Jabhat al-Nusra", "Military Forces of Syria (2000-)", None, False),
    (8, "Battles", "Non-state actor overtakes territory", "Islamic State (Syria)", "Free Syrian Army", None, False),
    (6, "Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Turkey (2002-2016)", "Islamic State (Syria)", "artillery", False),
    (6, "Explosions/Remote violence", "Shelling/artillery/missile attack", "Free Syrian Army", "Civilians (Syria)", "mortar", True),
    (5, "Explosions/Remote violence", "Air/drone strike", "Global Coalition against Daesh", "Islamic State (Syria)", "air strike", False),
    (4, "Explosions/Remote violence", "Remote explosive/landmine/IED", "Unidentified Armed Group (Syria)", "Civilians (Syria)", "ied", True),
    (4, "Battles", "Armed clash", "Ahrar al-Sham", "Military Forces of Syria (2000-)", None, False),
    (3, "Protests", "Peaceful protest", "Protesters (Syria)", None, None, False),
]
DONBAS_PLACES = [("Donetsk", "Avdiivka", 48.14, 37.75), ("Donetsk", "Horlivka", 48.30, 38.05),
                 ("Donetsk", "Kurakhove", 47.98, 37.28), ("Donetsk", "Shyrokyne", 47.10, 37.81),
                 ("Luhansk", "Alchevsk", 48.47, 38.80), ("Luhansk", "Popasna", 48.63, 38.38)]
DONBAS_ACTS = [
    (10, "Explosions/Remote violence", "Shelling/artillery/missile attack", "DPR", "Military Forces of Ukraine (2014-2019)", "Grad"),
    (10, "Explosions/Remote violence", "Shelling/artillery/missile attack", "Military Forces of Ukraine (2014-2019)", "DPR", "artillery"),
    (6, "Battles", "Armed clash", "Military Forces of Ukraine (2014-2019)", "NAF: United Armed Forces of Novorossiya", None),
    (5, "Strategic developments", "Other", "LPR", None, "2S1 Gvozdika"),
    (5, "Strategic developments", "Other", "Military Forces of Ukraine (2014-2019)", None, "BM-21 Grad"),
    (3, "Strategic developments", "Other", "DPR", None, "T-72"),
]


def _pick(rng, weighted):
    return rng.choices(weighted, weights=[w[0] for w in weighted])[0]


def report(rng, n, prefix):
    if rng.random() < 0.8:
        _, etype, sub, a1, a2, weapon, civ = _pick(rng, SYRIA_ACTS)
        admin1, location, lat, lon = rng.choice(SYRIA_PLACES)
        day = rng.randint(0, 120)
        month, dom = (2, 20 + day) if day < 9 else ((3, day - 8) if day < 40 else ((4, day - 39) if day < 70 else (5, min(31, day - 69))))
        body = {"event_date": f"2016-{month:02d}-{max(1, min(dom, 29 if month == 2 else 30)):02d}", "country": "Syria"}
    else:
        _, etype, sub, a1, a2, weapon = _pick(rng, DONBAS_ACTS)
        civ = False
        admin1, location, lat, lon = rng.choice(DONBAS_PLACES)
        body = {"event_date": f"2015-{rng.randint(2, 12):02d}-{rng.randint(1, 28):02d}", "country": "Ukraine"}
    body.update({"external_id": f"{prefix}-{n}", "event_type": etype, "sub_event_type": sub, "actor1": a1,
                 "admin1": admin1, "location": location, "latitude": round(lat + rng.uniform(-0.01, 0.01), 4),
                 "longitude": round(lon + rng.uniform(-0.01, 0.01), 4), "fatalities": rng.randint(0, 12)})
    if a2:
        body["actor2"] = a2
    if weapon:
        body["weapon"] = weapon
    if civ:
        body["civilian_targeting"] = True
    return body
